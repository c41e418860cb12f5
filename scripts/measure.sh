#!/usr/bin/env bash
# Whole-process figures for docs/performance.md: starts the release binary under Xvfb (Mesa
# software OpenGL) and reports time to the first frame, memory 5 s after start, and CPU
# time over 60 s with nobody touching it, on Home and on a guide page, windowed and with
# --kiosk. Needs: xvfb xdotool (Debian packages). Usage: scripts/measure.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
idle_secs=${1:-60}
cargo build --release --quiet
binary=${CARGO_TARGET_DIR:-target}/release/microneedling-kiosk
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

# A display number that is free right now, chosen by Xvfb itself (-displayfd).
exec 5>"$work/display"
Xvfb -displayfd 5 -screen 0 1920x1080x24 >/dev/null 2>&1 &
for _ in $(seq 1 50); do [ -s "$work/display" ] && break; sleep 0.1; done
export DISPLAY=:$(head -n 1 "$work/display")
printf 'state_dir = "%s"\n' "$work/state" > "$work/config.toml"
ticks_per_sec=$(getconf CLK_TCK)

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

measure() { # name, then kiosk arguments
  local name=$1; shift
  "$binary" --config "$work/config.toml" "$@" 2> "$work/log" &
  local pid=$!
  sleep 5
  local first pss rss
  first=$(grep -o 'first frame built [0-9]* ms' "$work/log" | grep -o '[0-9]*' || echo '?')
  rss=$(awk '/^Rss:/ {print int($2/1024)}' "/proc/$pid/smaps_rollup")
  pss=$(awk '/^Pss:/ {print int($2/1024)}' "/proc/$pid/smaps_rollup")
  local home_from home_to guide_from guide_to
  home_from=$(cpu_ticks $pid); sleep "$idle_secs"; home_to=$(cpu_ticks $pid)
  # The Guide tile, top left of Home's four at 1920x1080 (its card spans about x 260-950,
  # y 320-530; (593, 560), used until 2026-11-30, was the Questions tile below it); the
  # pointer then leaves the page before measuring, so the frames its own movement causes
  # are not counted.
  xdotool mousemove 600 420 click 1; sleep 1; xdotool mousemove 1900 1070; sleep 2
  guide_from=$(cpu_ticks $pid); sleep "$idle_secs"; guide_to=$(cpu_ticks $pid)
  kill $pid; wait $pid 2>/dev/null || true
  printf '%-9s first frame built %4s ms | RSS %3s MiB, PSS %3s MiB at 5 s | CPU over %s s idle: Home %s ticks, guide page %s ticks (%s ticks/s)\n' \
    "$name" "$first" "$rss" "$pss" "$idle_secs" $((home_to - home_from)) $((guide_to - guide_from)) "$ticks_per_sec"
}

measure windowed
measure kiosk --kiosk
