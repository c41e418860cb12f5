#!/usr/bin/env bash
# The staff desk's figures for docs/performance.md: how long `--install-content` of the
# shipped content and `--rollback-content` take (the release binary, five of each, the
# check of every answer set included), and how big the counters file grows over a year
# of traffic, and over two (the first year folded into months).
# Usage: scripts/measure-desk.sh [VISITS_A_DAY] (default 40)
set -euo pipefail
cd "$(dirname "$0")/.."
visits=${1:-40}
cargo build --release --quiet
binary=${CARGO_TARGET_DIR:-$PWD/target}/release/microneedling-kiosk
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf 'state_dir = "%s/state"\n' "$work" > "$work/config.toml"
# Two versions to install in turn: the shipped content, and a copy with a word changed.
cp -r content "$work/a"
cp -r content "$work/b"
sed -i '1s/$/ (b)/' "$work/b/en/guide/01-what-it-is.md"

milliseconds() { # runs the command, prints how long it took
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}
median() { printf '%s\n' "$@" | sort -n | sed -n "$((($# + 1) / 2))p"; }

cd "$work" # no ./content here: the kiosk shows what is installed
installs=() rollbacks=()
for version in a b a b a; do
  installs+=("$(milliseconds "$binary" --config config.toml --install-content "$version")")
  rollbacks+=("$(milliseconds "$binary" --config config.toml --rollback-content)")
  # Forward again, so the next install keeps a previous version as the kiosk would.
  "$binary" --config config.toml --rollback-content >/dev/null
done
size=$(du -sk "$OLDPWD/content" | cut -f1)
files=$(find "$OLDPWD/content" -type f | wc -l)
echo "install of the shipped content ($files files, $size KiB): median $(median "${installs[@]}") ms (${installs[*]} ms)"
echo "rollback: median $(median "${rollbacks[@]}") ms (${rollbacks[*]} ms)"
cd "$OLDPWD"
cargo run --release --quiet --example counters_year -- "$visits"
