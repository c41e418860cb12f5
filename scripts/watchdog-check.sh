#!/usr/bin/env bash
# Proves the systemd watchdog works from the kiosk's frame loop: under Xvfb (software
# OpenGL) and scripts/notify-standin.py (which plays systemd and cage: a notify socket
# that follows sd_notify's rules, WatchdogSec, SIGABRT, Restart=always), the kiosk must
# say READY=1 after its first frame, ping WATCHDOG=1 at least every half WatchdogSec with
# nobody touching it, stop pinging when a frame hangs (the test-only variable
# MICRONEEDLING_KIOSK_TEST_FREEZE_AFTER_SECS makes one frame hang for ever), be killed,
# and come back ready. Prints how long the stuck frame lasted before the restart.
#
# Usage: scripts/watchdog-check.sh [BINARY]   (default: the release build)
#   WATCHDOG_SECS   the watchdog's timeout for the hang test (default 4)
#   IDLE_SECS       also measure CPU over this many seconds untouched, with the unit's
#                   WatchdogSec=30 (default 0: skip)
# Needs xvfb and Mesa's software OpenGL (libgl1-mesa-dri, libegl-mesa0).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
binary=$(realpath "${1:-${CARGO_TARGET_DIR:-$here/target}/release/microneedling-kiosk}")
work=$(mktemp -d)
xvfb=
cleanup() {
  if [ -n "$xvfb" ]; then kill "$xvfb" 2>/dev/null || true; wait "$xvfb" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# A display number that is free right now, chosen by Xvfb itself.
exec 5>"$work/display"
Xvfb -displayfd 5 -screen 0 1920x1080x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb=$!
for _ in $(seq 1 100); do [ -s "$work/display" ] && break; sleep 0.1; done
[ -s "$work/display" ] || { echo "watchdog-check: Xvfb did not start:" >&2; cat "$work/xvfb.log" >&2; exit 1; }
export DISPLAY=:$(head -n 1 "$work/display")
printf 'state_dir = "%s"\n' "$work/state" >"$work/config.toml"
echo "watchdog-check: Xvfb on $DISPLAY"

usec=$(( ${WATCHDOG_SECS:-4} * 1000000 ))
python3 "$here/scripts/notify-standin.py" watchdog "$usec" 6 -- \
  "$binary" --kiosk --config "$work/config.toml"

if [ "${IDLE_SECS:-0}" -gt 0 ]; then
  python3 "$here/scripts/notify-standin.py" idle 30000000 "$IDLE_SECS" -- \
    "$binary" --kiosk --config "$work/config.toml"
fi
