#!/usr/bin/env bash
# packaging/sleep-until-touch ends (status 0) at the first event of any wake device, and
# only then. Two FIFOs stand in for a touchscreen and a keyboard.
set -euo pipefail
script=$(dirname "$0")/sleep-until-touch
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkfifo "$work/touch" "$work/keys"
KIOSK_TTY=/dev/null KIOSK_WAKE_DEVICES="$work/touch $work/keys" "$script" 2>"$work/log" &
pid=$!
sleep 1
if ! kill -0 "$pid" 2>/dev/null; then
  echo "sleep-until-touch ended before any touch:" >&2; cat "$work/log" >&2; exit 1
fi
printf 'x' >"$work/keys"
for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$pid" 2>/dev/null; then
  kill "$pid"; echo "sleep-until-touch did not wake on a key" >&2; exit 1
fi
wait "$pid"
grep -q "touched; the kiosk starts again" "$work/log"
echo "sleep-until-touch: waits, and wakes at the first event: OK"
