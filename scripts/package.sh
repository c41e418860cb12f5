#!/usr/bin/env bash
# Builds the Debian package with cargo-deb (`cargo install cargo-deb --locked` once):
# target/debian/microneedling-kiosk_<version>-1_<arch>.deb, or under $CARGO_TARGET_DIR.
# Install it with `apt-get install ./<that file>`. Usage: scripts/package.sh [cargo-deb options]
set -euo pipefail
cd "$(dirname "$0")/.."
if ! cargo deb --version >/dev/null 2>&1; then
  echo "cargo-deb is missing: cargo install cargo-deb --locked" >&2
  exit 1
fi
cargo deb "$@"
