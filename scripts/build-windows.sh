#!/usr/bin/env bash
# Builds microneedling-kiosk.exe for Windows 10 and 11 (x86-64) on Debian, with the
# content built in. The .exe also reads a `content` folder beside it, or the one its
# settings name, as on Linux; its settings, counters and PIN lockout live in
# %APPDATA%\microneedling-kiosk. Setting it up as the tablet's only app: docs/tablets.md.
#
# Usage: scripts/build-windows.sh [--content DIR] [--out DIR]
#   --content DIR   the content folder to build in [default: content/]
#   --out DIR       where microneedling-kiosk.exe goes [default: target/windows]
#
# `--check` runs first (the Linux build, on the same content). Needs Debian's rustc-web,
# cargo-web and rust-web-src (Rust with the standard library's source, built for Windows
# here) and gcc-mingw-w64-x86-64 (the linker); the script says what is missing.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
target=${CARGO_TARGET_DIR:-$here/target}
content=$here/content out=$target/windows
while [ $# -gt 0 ]; do
  case $1 in
    --content) content=$(realpath "$2"); shift 2 ;;
    --out) out=$(realpath -m "$2"); shift 2 ;;
    -h | --help) sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "build-windows: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

missing=()
[ -x /usr/bin/cargo ] && /usr/bin/rustc --version >/dev/null 2>&1 || missing+=("Debian's Rust with std's source: apt-get install rustc-web cargo-web rust-web-src")
[ -d /usr/lib/rustlib/src/rust/library ] || missing+=("the standard library's source: apt-get install rust-web-src")
command -v x86_64-w64-mingw32-gcc >/dev/null || missing+=("the linker: apt-get install gcc-mingw-w64-x86-64")
if [ ${#missing[@]} -gt 0 ]; then
  echo "build-windows: missing:" >&2
  printf '  %s\n' "${missing[@]}" >&2
  exit 1
fi

step() { echo "build-windows: $*"; }
started=$SECONDS
step "checking $content"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo run --quiet --bin microneedling-kiosk -- --check "$content" --config "$work/no-settings.toml" >"$work/check.txt" ||
  { cat "$work/check.txt"; echo "build-windows: fix the problems above first" >&2; exit 1; }
tail -n 1 "$work/check.txt"

step "building the .exe (Debian's $(/usr/bin/rustc --version | cut -d' ' -f1-2), std from source)"
cross=$target/cross
env RUSTC_BOOTSTRAP=1 RUSTC=/usr/bin/rustc CARGO_TARGET_DIR="$cross" KIOSK_CONTENT="$content" \
  CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc \
  /usr/bin/cargo build --release --quiet --target x86_64-pc-windows-gnu \
  -Zbuild-std=std,panic_unwind --bin microneedling-kiosk
mkdir -p "$out"
cp "$cross/x86_64-pc-windows-gnu/release/microneedling-kiosk.exe" "$out/"
size=$(stat -c %s "$out/microneedling-kiosk.exe")
step "done in $((SECONDS - started)) s: $out/microneedling-kiosk.exe, $(awk -v b="$size" 'BEGIN { printf "%.2f MiB", b / 1048576 }')"
