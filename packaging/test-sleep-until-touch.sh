#!/usr/bin/env bash
# packaging/sleep-until-touch against input devices that behave as the kernel's evdev
# does (packaging/evdev-standin.py, a FUSE file system: a read shorter than one 24-byte
# input event fails with EINVAL, a read blocks until an event comes and returns whole
# events). It must:
#   1. keep waiting, screen off, while nobody touches anything;
#   2. wake at a touch, but only once the touch is over: not while events keep coming,
#      and within about KIOSK_WAKE_QUIET (1 s) after the last one; screen on, status 0;
#   3. with no input device at all, leave the screen on and exit 0 at once (the kiosk
#      comes back), never a dark screen;
#   4. leave no reader behind (the stand-in can be unmounted).
# Needs the Debian packages python3-fusepy and fuse (.ci/run installs them) and root or
# /dev/fuse access. Usage: packaging/test-sleep-until-touch.sh [SCRIPT]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
script=$(realpath "${1:-$here/sleep-until-touch}")
if ! /usr/bin/python3 -c 'import fusepy' 2>/dev/null; then
  echo "test-sleep-until-touch: needs python3-fusepy (apt-get install python3-fusepy fuse)" >&2
  exit 1
fi
work=$(mktemp -d)
mnt=$work/input
mkdir -p "$mnt" "$work/bin" "$work/empty"
standin=
cleanup() {
  fusermount -u "$mnt" 2>/dev/null || fusermount -uz "$mnt" 2>/dev/null || true
  if [ -n "$standin" ]; then kill "$standin" 2>/dev/null || true; wait "$standin" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# setterm stand-in: records what the script asks of the console.
cat >"$work/bin/setterm" <<EOF
#!/bin/sh
echo "\$*" >>"$work/setterm.log"
EOF
chmod +x "$work/bin/setterm"

/usr/bin/python3 "$here/evdev-standin.py" "$mnt" touch keys 2>"$work/standin.log" &
standin=$!
for _ in $(seq 1 50); do [ -e "$mnt/inject" ] && break; sleep 0.1; done
[ -e "$mnt/inject" ] || { echo "the evdev stand-in did not mount:" >&2; cat "$work/standin.log" >&2; exit 1; }

fail() { echo "test-sleep-until-touch: FAIL: $*" >&2; sed 's/^/  log: /' "$work/log" >&2 || true; exit 1; }
now() { date +%s.%N; }
running() { kill -0 "$pid" 2>/dev/null; }

# The stand-in follows evdev's rule.
if head -c 1 "$mnt/touch" >/dev/null 2>"$work/head.err"; then fail "the stand-in accepted a 1-byte read"; fi
grep -q "Invalid argument" "$work/head.err" || fail "a 1-byte read did not fail with EINVAL: $(cat "$work/head.err")"
echo "stand-in: a 1-byte read fails: $(cat "$work/head.err")"

start() { # extra environment for the script
  : >"$work/log"
  : >"$work/setterm.log"
  env PATH="$work/bin:$PATH" KIOSK_TTY=/dev/null "$@" "$script" 2>"$work/log" &
  pid=$!
}

# 1. Waits, screen off, while nothing happens.
start KIOSK_WAKE_DEVICES="$mnt/touch $mnt/keys"
sleep 2
running || fail "it ended before any touch (status $(wait "$pid"; echo $?))"
grep -q -- "--blank force" "$work/setterm.log" || fail "the screen was not turned off"
echo "1. still waiting after 2 s without a touch, screen off: OK"

# 2. A touch that lasts 1.5 s (events every 0.3 s): not over until 1 s after the last.
for i in 1 2 3 4 5 6; do
  echo touch >"$mnt/inject"
  last=$(now)
  [ "$i" = 6 ] || sleep 0.3
  running || fail "it ended while the finger was still on the screen"
done
sleep 0.5
running || fail "it ended 0.5 s after the last event, before the touch was over"
for _ in $(seq 1 40); do running || break; sleep 0.05; done
running && { kill "$pid"; fail "it did not end 2.5 s after the last touch event"; }
ended=$(now)
status=0; wait "$pid" || status=$?
[ "$status" = 0 ] || fail "exit status $status after a touch (the kiosk would not come back)"
grep -q "touched; the kiosk starts again" "$work/log" || fail "no 'touched' line"
grep -q -- "--blank poke" "$work/setterm.log" || fail "the screen was not turned back on"
after=$(awk -v a="$last" -v b="$ended" 'BEGIN { printf "%.2f", b - a }')
echo "2. a 1.5 s touch: ended ${after} s after its last event, status 0, screen on: OK"

# The same with a key on the other device.
start KIOSK_WAKE_DEVICES="$mnt/touch $mnt/keys"
sleep 0.5
echo keys >"$mnt/inject"
for _ in $(seq 1 60); do running || break; sleep 0.05; done
running && { kill "$pid"; fail "a key did not wake it"; }
wait "$pid" || fail "exit status $? after a key"
echo "   a key on the second device wakes it too: OK"

# 3. No input device: the screen stays on and the kiosk comes back at once.
start KIOSK_INPUT_DIR="$work/empty"
for _ in $(seq 1 40); do running || break; sleep 0.05; done
running && { kill "$pid"; fail "with no input device it waits (a dark screen nobody can wake)"; }
status=0; wait "$pid" || status=$?
[ "$status" = 0 ] || fail "with no input device it exits $status (OnSuccess= would not start the kiosk)"
grep -q -- "--blank force" "$work/setterm.log" && fail "with no input device it turned the screen off"
grep -q "the screen stays on" "$work/log" || fail "no 'screen stays on' line"
echo "3. no input device: screen left on, status 0 at once: OK"

# Stopped by systemd (the wake timer starts the kiosk): readers gone, screen on.
start KIOSK_WAKE_DEVICES="$mnt/touch $mnt/keys"
sleep 1
kill -TERM "$pid"
wait "$pid" 2>/dev/null || true
grep -q -- "--blank poke" "$work/setterm.log" || fail "stopped, it left the screen off"
echo "   stopped while waiting: screen back on: OK"

# 4. Nothing left reading the devices.
sleep 0.5
fusermount -u "$mnt" || fail "a reader still holds an input device open"
echo "4. no reader left behind: OK"
echo "sleep-until-touch: waits for whole events, wakes after the touch, never leaves a dark screen: OK"
