#!/usr/bin/env bash
# Proves the Wayland path draws: runs the kiosk with --kiosk inside cage (the waiting-room
# compositor) with software rendering only, takes a screenshot with grim and checks that
# it shows Home over the whole screen (scripts/home-check.sh: the kiosk's cream
# background over most of it, the clinic's green logo and accent, and no black, which is
# what cage shows where the kiosk did not draw). Two runs:
#   portrait   cage's headless backend, through the unit's start script with ROTATION=90
#              (cage 0.1.4's -r): 720x1280
#   landscape  cage's X11 backend in a 1920x1080 Xvfb, its window resized to 1920x1080
# Why not headless in landscape: Debian 12's cage 0.1.4 (wlroots 0.15) gives a headless
# output a fixed 1280x720 that nothing can change (no output management), and shows a
# full-screen client's buffer directly ("direct scan-out"); a screenshot then forces one
# composited frame with no damage and grim gets a stale, all-black picture although the
# kiosk drew (see docs/setup.md). A rotated or nested output is composited, so what grim
# gets is what the kiosk drew.
#
# Needs the Debian packages cage, xwayland (Debian 12's cage does not start without it),
# grim, imagemagick, xvfb, xdotool and x11-utils, and Mesa's software OpenGL (libegl-mesa0,
# libgl1-mesa-dri).
#
# Usage: scripts/wayland-check.sh [BINARY [FOLDER]]
#   BINARY  default: the installed /usr/bin/microneedling-kiosk, else the release build
#   FOLDER  where the screenshots go (wayland-portrait.png, wayland-landscape.png);
#           default: the current folder
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
binary=${1:-}
if [ -z "$binary" ]; then
  if [ -x /usr/bin/microneedling-kiosk ]; then
    binary=/usr/bin/microneedling-kiosk
  else
    binary=${CARGO_TARGET_DIR:-$here/target}/release/microneedling-kiosk
  fi
fi
binary=$(realpath "$binary")
shots=$(realpath -m "${2:-.}")
mkdir -p "$shots"
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
chmod 0755 "$work"

# cage refuses to run as root, as it should: as root (CI), run it as the package's user,
# as the waiting-room unit does, else as nobody.
run_as=()
if [ "$(id -u)" = 0 ]; then
  user=${WAYLAND_CHECK_USER:-microneedling-kiosk}
  id "$user" >/dev/null 2>&1 || user=nobody
  run_as=(runuser -u "$user" --)
fi

# The waiting-room unit's start script (it turns the picture as ROTATION says).
start_script=/usr/lib/microneedling-kiosk/start-cage
[ -x "$start_script" ] || start_script=$here/packaging/start-cage

# start_cage NAME [ENV=VALUE...] -- [CAGE OPTIONS | start-cage]: cage with the kiosk
# inside (through the unit's start script when the last word is start-cage), in the
# background, its log in $work/NAME/log and its runtime folder in $work/NAME/runtime.
start_cage() {
  local name=$1
  shift
  local env=()
  while [ "$1" != "--" ]; do env+=("$1"); shift; done
  shift
  local dir=$work/$name
  mkdir -p "$dir/runtime"
  chmod 0700 "$dir/runtime"
  printf 'state_dir = "%s"\n' "$dir/state" >"$dir/config.toml"
  : >"$dir/log"
  if [ ${#run_as[@]} -gt 0 ]; then chown -R "$user" "$dir"; fi
  local command=(cage "$@" -- "$binary" --kiosk --config "$dir/config.toml")
  if [ "${1:-}" = start-cage ]; then
    command=(env KIOSK_BINARY="$binary" KIOSK_OPTIONS="--config $dir/config.toml" "$start_script")
  fi
  (cd "$dir" &&
    exec "${run_as[@]}" env XDG_RUNTIME_DIR="$dir/runtime" WLR_RENDERER=pixman \
      WLR_LIBINPUT_NO_DEVICES=1 "${env[@]}" \
      "${command[@]}") >"$dir/log" 2>&1 &
  pids+=($!)
  cage_pid=$!
}

# wait_for_first_frame NAME: until the kiosk says it built its first frame.
wait_for_first_frame() {
  local log=$work/$1/log
  for _ in $(seq 1 300); do
    if grep -q "first frame built" "$log"; then return 0; fi
    if ! kill -0 "$cage_pid" 2>/dev/null; then
      echo "wayland-check: $1: cage ended before the kiosk drew anything:" >&2
      cat "$log" >&2
      return 1
    fi
    sleep 0.1
  done
  echo "wayland-check: $1: no first frame after 30 s:" >&2
  cat "$log" >&2
  return 1
}

# screenshot NAME FILE: grim on that cage's Wayland display.
screenshot() {
  local runtime=$work/$1/runtime socket
  socket=$(cd "$runtime" && ls | grep -E '^wayland-[0-9]+$' | head -n 1)
  XDG_RUNTIME_DIR=$runtime WAYLAND_DISPLAY=$socket grim "$2"
}

# check NAME FILE WxH: the screenshot shows Home on the whole screen.
check() {
  local name=$1 fail=0
  "$here/scripts/home-check.sh" "wayland-check: $name" "$2" "$3" || fail=1
  echo "wayland-check: $name: the kiosk's log under cage:"
  sed 's/^/  /' "$work/$name/log"
  return "$fail"
}

passed=0

# Portrait on the headless backend.
start_cage portrait WLR_BACKENDS=headless WLR_HEADLESS_OUTPUTS=1 ROTATION=90 -- start-cage
wait_for_first_frame portrait
sleep 2
screenshot portrait "$shots/wayland-portrait.png"
if check portrait "$shots/wayland-portrait.png" 720x1280; then passed=$((passed + 1)); fi

# Landscape 1920x1080: cage's X11 backend in Xvfb; its window (the output) is resized to
# the whole X screen, and the kiosk follows.
# A display number that is free right now, chosen by Xvfb itself (-displayfd).
exec 5>"$work/display"
Xvfb -displayfd 5 -screen 0 1920x1080x24 -ac -nolisten tcp >"$work/xvfb.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 50); do [ -s "$work/display" ] && break; sleep 0.1; done
display=:$(head -n 1 "$work/display")
for _ in $(seq 1 50); do
  if xwininfo -display "$display" -root >/dev/null 2>&1; then break; fi
  sleep 0.1
done
start_cage landscape WLR_BACKENDS=x11 DISPLAY="$display" -- -d
wait_for_first_frame landscape
# cage's output is the only window on that X screen.
window=$(xwininfo -display "$display" -root -children | awk '/^ +0x/ {print $1; exit}')
DISPLAY=$display xdotool windowsize "$window" 1920 1080
sleep 3
screenshot landscape "$shots/wayland-landscape.png"
if check landscape "$shots/wayland-landscape.png" 1920x1080; then passed=$((passed + 1)); fi

if [ "$passed" != 2 ]; then
  echo "wayland-check: FAIL: $passed of 2 screenshots show Home" >&2
  exit 1
fi
echo "wayland-check: OK: Home fills the screen under cage, portrait and landscape"
