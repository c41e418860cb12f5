#!/usr/bin/env bash
# Builds the web app for iPad and Android tablets: a folder of static files (index.html,
# the wasm module and its JavaScript glue, a web app manifest with the clinic's icon, and
# a service worker that keeps every file for offline use), with the content and the
# settings built in. Copy the folder to any static host (the clinic's own website
# included), open it once on the tablet, add it to the home screen: docs/tablets.md.
#
# Usage: scripts/build-web.sh [--content DIR] [--config FILE] [--icon PNG] [--out DIR]
#   --content DIR   the content folder to build in [default: content/]
#   --config FILE   the settings to build in, e.g. the staff PIN's hash that
#                   `microneedling-kiosk --set-pin --config FILE` wrote on any computer
#                   [default: none, so no staff PIN]
#   --icon PNG      the home-screen icon, square, 192 to 1024 pixels [default: logo.png
#                   in the content folder, else assets/logo.png]
#   --out DIR       where the site goes [default: target/web]
#   --wasm-bindgen-version   only print the wasm-bindgen-cli version it needs
#
# `--check` runs first (the Linux build, on the same content and settings); a problem
# stops the build. Needs Debian's rustc-web, cargo-web, rust-web-src and lld (Rust with
# the standard library's source, built for wasm32 here), wasm-bindgen-cli at the version
# of the wasm-bindgen crate in Cargo.lock; the script says what is missing and how to
# install it.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
target=${CARGO_TARGET_DIR:-$here/target}
content=$here/content config= icon= out=$target/web
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
while [ $# -gt 0 ]; do
  case $1 in
    --content) content=$(realpath "$2"); shift 2 ;;
    --config) config=$(realpath "$2"); shift 2 ;;
    --icon) icon=$(realpath "$2"); shift 2 ;;
    --out) out=$(realpath -m "$2"); shift 2 ;;
    --wasm-bindgen-version) echo "$bindgen_version"; exit 0 ;;
    -h | --help) sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "build-web: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

missing=()
[ -x /usr/bin/cargo ] && /usr/bin/rustc --version >/dev/null 2>&1 || missing+=("Debian's Rust with std's source: apt-get install rustc-web cargo-web rust-web-src")
[ -d /usr/lib/rustlib/src/rust/library ] || missing+=("the standard library's source: apt-get install rust-web-src")
command -v rust-lld >/dev/null || [ -x /usr/lib/llvm-22/bin/lld ] || missing+=("the wasm linker: apt-get install lld-22")
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $bindgen_version" ]; then
  missing+=("wasm-bindgen $bindgen_version: cargo install wasm-bindgen-cli --version $bindgen_version")
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "build-web: missing:" >&2
  printf '  %s\n' "${missing[@]}" >&2
  exit 1
fi
command -v rust-lld >/dev/null || export PATH=/usr/lib/llvm-22/bin:$PATH

step() { echo "build-web: $*"; }
started=$SECONDS

step "checking $content${config:+ and $config}"
settings=${config:-$work/no-settings.toml}
cargo run --quiet --bin microneedling-kiosk -- --check "$content" --config "$settings" >"$work/check.txt" ||
  { cat "$work/check.txt"; echo "build-web: fix the problems above first" >&2; exit 1; }
tail -n 1 "$work/check.txt"

step "building the wasm module (Debian's $(/usr/bin/rustc --version | cut -d' ' -f1-2), std from source)"
cross=$target/cross
# Small rather than fast (the download is what a clinic's Wi-Fi feels); panics abort.
# Not stripped here: wasm-bindgen reads the module's features from a section that
# stripping removes; it strips the names itself.
env RUSTC_BOOTSTRAP=1 RUSTC=/usr/bin/rustc CARGO_TARGET_DIR="$cross" \
  KIOSK_CONTENT="$content" ${config:+KIOSK_WEB_CONFIG="$config"} \
  CARGO_PROFILE_RELEASE_OPT_LEVEL=s CARGO_PROFILE_RELEASE_PANIC=abort \
  CARGO_PROFILE_RELEASE_LTO=fat CARGO_PROFILE_RELEASE_CODEGEN_UNITS=1 \
  CARGO_PROFILE_RELEASE_STRIP=false \
  /usr/bin/cargo build --release --quiet --target wasm32-unknown-unknown \
  -Zbuild-std=std,panic_abort --bin microneedling-kiosk-web --features web
wasm=$cross/wasm32-unknown-unknown/release/microneedling-kiosk-web.wasm

step "binding it to the page (wasm-bindgen $bindgen_version)"
rm -rf "$out"
mkdir -p "$out"
# No wasm-opt: the module Debian 12's (binaryen 108) writes fails at start in Chromium
# ("WebAssembly.Table.set(): Argument 1 is invalid for table"), and it is no smaller
# (2.86 MiB compressed with it, 2.84 MiB without).
wasm-bindgen --target web --no-typescript --remove-name-section --remove-producers-section \
  --out-dir "$out" "$wasm"

step "the page, its manifest, icon and service worker"
title=$(python3 -c 'import sys, tomllib; print(tomllib.load(open(sys.argv[1], "rb")).get("name", "Microneedling guide"))' "$content/en/clinic.toml")
if [ -z "$icon" ]; then
  if [ -f "$content/logo.png" ]; then icon=$content/logo.png; else icon=$here/assets/logo.png; fi
fi
icon_size=$(python3 -c 'import struct, sys; d = open(sys.argv[1], "rb").read(24); print("%dx%d" % struct.unpack(">II", d[16:24]))' "$icon")
cp "$icon" "$out/icon.png"
# fill TEMPLATE OUTPUT NAME=VALUE...: the template with each @NAME@ replaced.
fill() {
  python3 - "$@" <<'PY'
import sys
template, output, *pairs = sys.argv[1:]
text = open(template, encoding="utf-8").read()
for pair in pairs:
    name, value = pair.split("=", 1)
    text = text.replace(f"@{name}@", value)
open(output, "w", encoding="utf-8").write(text)
PY
}
as_html() { python3 -c 'import html, sys; print(html.escape(sys.argv[1]))' "$1"; }
as_json() { python3 -c 'import json, sys; print(json.dumps(sys.argv[1])[1:-1])' "$1"; }
short=${title:0:12}
fill web/index.html "$out/index.html" "TITLE=$(as_html "$title")"
fill web/manifest.webmanifest "$out/manifest.webmanifest" "TITLE=$(as_json "$title")" \
  "SHORT=$(as_json "$short")" "ICONSIZE=$icon_size"
files=$(cd "$out" && ls | sort | python3 -c 'import json, sys; print(json.dumps(["./"] + [l.strip() for l in sys.stdin]))')
version=$(cd "$out" && cat $(ls | sort) | sha256sum | cut -c1-16)
fill web/sw.js "$out/sw.js" "VERSION=$version" "FILES=$files"

raw=$(stat -c %s "$out/microneedling-kiosk-web_bg.wasm")
gz=$(gzip -9 -c "$out/microneedling-kiosk-web_bg.wasm" | wc -c)
if command -v brotli >/dev/null; then br=$(brotli -q 11 -c "$out/microneedling-kiosk-web_bg.wasm" | wc -c); else br=; fi
mib() { awk -v b="$1" 'BEGIN { printf "%.2f MiB", b / 1048576 }'; }
step "done in $((SECONDS - started)) s: $out (version $version)"
step "wasm module $(mib "$raw"); gzip -9 $(mib "$gz")${br:+; brotli $(mib "$br")}; the whole site $(du -sh "$out" | cut -f1)"
