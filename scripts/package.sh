#!/usr/bin/env bash
# Builds the Debian package with cargo-deb (`cargo install cargo-deb --version 3.8.0
# --locked` once; .ci/run installs that version):
# target/debian/microneedling-kiosk_<version>-1_<arch>.deb, or under $CARGO_TARGET_DIR.
# Install it with `apt-get install ./<that file>`. Usage: scripts/package.sh [cargo-deb options]
set -euo pipefail
cd "$(dirname "$0")/.."
if ! cargo deb --version >/dev/null 2>&1; then
  echo "cargo-deb is missing: cargo install cargo-deb --version 3.8.0 --locked" >&2
  exit 1
fi
cargo deb "$@"
# cargo-deb also looks for units named after the package in packaging/debian/ and, finding
# none, warns "No usable systemd units found". The units are assets with names of their
# own, and cargo-deb's systemd step still writes their maintainer-script lines (.ci/run
# checks the built package for them).
echo "package.sh: the warning 'No usable systemd units found' above is expected: see Cargo.toml's [package.metadata.deb]" >&2
