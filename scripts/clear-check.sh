#!/usr/bin/env bash
# Proves that cards filled by OpenGL's clear (src/ui/plain_fill.rs) look as egui's own
# fill does. The kiosk in a real X window (Xvfb, Mesa's software OpenGL) on guide page 1,
# at 1920x1080 and 1080x1920, at the top and dragged 400 px down (cards cut by the top
# bar), is grabbed twice: as it runs, and with KIOSK_SHADED_FILLS=1 (every fill shaded by
# egui). The two pictures may differ only by the rounded corners'
# anti-aliasing: no pixel by more than 2 % (5 levels of 255). They must differ somewhere
# at all, or the clear never ran and the comparison proves nothing.
#
# Usage: scripts/clear-check.sh [BINARY]   (default: target/release/microneedling-kiosk)
#   KEEP=dir   copies the screenshots there
# Needs: Xvfb, xdotool, imagemagick, Mesa's software OpenGL.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
binary=${1:-$root/target/release/microneedling-kiosk}
[[ -x $binary ]] || { echo "clear-check: no kiosk binary at $binary" >&2; exit 2; }
work=$(mktemp -d)
xvfb=""
kiosk=""
cleanup() {
  [[ -n $kiosk ]] && kill "$kiosk" 2>/dev/null || true
  [[ -n $xvfb ]] && kill "$xvfb" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# shot SIZE TAP NAME [ENV...]: the kiosk on a fresh screen, Guide tapped, grabbed to
# NAME-top, then dragged and grabbed to NAME-dragged.
shot() {
  local size=$1 tap=$2 name=$3 display
  shift 3
  exec {fd}<> <(:)
  Xvfb -displayfd "$fd" -screen 0 "${size}x24" -nolisten tcp >"$work/xvfb.log" 2>&1 &
  xvfb=$!
  read -r -t 10 display <&"$fd" || { echo "clear-check: Xvfb did not start" >&2; exit 1; }
  export DISPLAY=:$display
  rm -rf "$work/state" && mkdir -p "$work/state"
  env "$@" XDG_STATE_HOME="$work/state" XDG_CONFIG_HOME="$work/state" \
    "$binary" --kiosk --content "$root/content" >"$work/$name.log" 2>&1 &
  kiosk=$!
  sleep 4
  # Guide, then the pointer to the left margin, where it hovers nothing.
  xdotool mousemove ${tap/,/ } click 1
  sleep 1
  local middle=$((${size#*x} / 2))
  xdotool mousemove 0 "$middle"
  sleep 1.5
  import -window root "$work/$name-top.png"
  # A slow drag, held still before letting go, so the page does not glide on.
  xdotool mousemove $((${size%x*} / 2)) "$middle" mousedown 1
  for _ in $(seq 40); do xdotool mousemove_relative -- 0 -10; done
  sleep 0.5
  xdotool mouseup 1 mousemove 0 "$middle"
  sleep 1.5
  import -window root "$work/$name-dragged.png"
  kill "$kiosk"; wait "$kiosk" 2>/dev/null || true; kiosk=""
  kill "$xvfb"; wait "$xvfb" 2>/dev/null || true; xvfb=""
}

fail=0
for screen in "1920x1080 605,425" "1080x1920 527,613"; do
  read -r size tap <<<"$screen"
  shot "$size" "$tap" "clear-$size"
  shot "$size" "$tap" "shaded-$size" KIOSK_SHADED_FILLS=1
  for at in top dragged; do
    a=$work/clear-$size-$at.png b=$work/shaded-$size-$at.png
    # compare prints the count of differing pixels on stderr, exiting 1 when there are any.
    beyond=$(compare -metric AE -fuzz 2% "$a" "$b" null: 2>&1 || true)
    any=$(compare -metric AE "$a" "$b" null: 2>&1 || true)
    echo "clear-check: $size guide page 1, $at: $any pixels differ at all, $beyond by more than 2 %"
    if [[ $beyond != 0 ]]; then
      echo "clear-check: $size $at: FAIL: the cleared cards differ from egui's own fill" >&2
      fail=1
    fi
    if [[ $any == 0 ]]; then
      echo "clear-check: $size $at: FAIL: the pictures are identical: the clear did not run" >&2
      fail=1
    fi
    if [[ -n ${KEEP:-} ]]; then mkdir -p "$KEEP" && cp "$a" "$b" "$KEEP/"; fi
  done
done
exit "$fail"
