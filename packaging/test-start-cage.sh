#!/usr/bin/env bash
# packaging/start-cage with stand-ins for cage 0.1.4 (has -r), cage 0.1.5+ (no -r, turns
# through wlr-randr inside the session), wlr-randr and the kiosk. Each stand-in records
# its arguments; the stand-in cage then starts its client, as cage does.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
script=$here/start-cage
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "test-start-cage: FAIL: $*" >&2; exit 1; }

stand_in_cage() { # NAME HELP_HAS_R
  local r_line=""
  [ "$2" = yes ] && r_line=' -r\t Rotate the output 90 degrees clockwise, specify up to three times\n'
  cat >"$work/$1" <<EOF
#!/bin/bash
if [ "\${1:-}" = -h ]; then
  printf 'Usage: cage [OPTIONS] [--] APPLICATION\n\n -d\t Don'"'"'t draw client side decorations, when possible\n -h\t Display this help message\n$r_line -s\t Allow VT switching\n'
  exit 1
fi
echo "\$*" >"$work/cage.args"
while [ "\$1" != -- ]; do shift; done
shift
WAYLAND_DISPLAY=wayland-0 exec "\$@"
EOF
  chmod +x "$work/$1"
}
stand_in_cage cage-0.1.4 yes
stand_in_cage cage-0.1.5 no
cat >"$work/wlr-randr" <<EOF
#!/bin/sh
if [ \$# = 0 ]; then printf 'HDMI-A-1 "Some Monitor (HDMI-A-1)"\n  Enabled: yes\n  Transform: normal\n'; exit 0; fi
echo "\$*" >>"$work/wlr-randr.args"
EOF
cat >"$work/kiosk" <<EOF
#!/bin/sh
echo "\$*" >"$work/kiosk.args"
EOF
chmod +x "$work/wlr-randr" "$work/kiosk"

run() { # CAGE, then environment
  local cage=$1
  shift
  rm -f "$work"/*.args
  env -u ROTATION -u CAGE_OPTIONS -u KIOSK_OPTIONS KIOSK_CAGE="$work/$cage" \
    KIOSK_BINARY="$work/kiosk" KIOSK_WLR_RANDR="$work/wlr-randr" "$@" "$script" 2>"$work/log"
}
args() { cat "$work/$1.args" 2>/dev/null || echo "(not run)"; }
expect() { # WHAT EXPECTED ACTUAL
  [ "$2" = "$3" ] || fail "$1: expected '$2', got '$3' (log: $(cat "$work/log"))"
}

# No cage: a clear line and 78, which the unit does not retry (then OnFailure's login).
status=0
run no-such-cage || status=$?
expect "without cage, the exit status" 78 "$status"
grep -q "install the Debian package cage" "$work/log" || fail "without cage, no clear journal line"
echo "no cage: exit 78, '$(cat "$work/log")': OK"

run cage-0.1.4
expect "no rotation: cage" "-d -- $work/kiosk --kiosk" "$(args cage)"
expect "no rotation: kiosk" "--kiosk" "$(args kiosk)"

run cage-0.1.4 ROTATION=90 KIOSK_OPTIONS="--content /srv/c"
expect "cage 0.1.4, 90: cage" "-d -r -- $work/kiosk --kiosk --content /srv/c" "$(args cage)"
expect "cage 0.1.4, 90: wlr-randr" "(not run)" "$(args wlr-randr)"
run cage-0.1.4 ROTATION=270
expect "cage 0.1.4, 270: cage" "-d -r -r -r -- $work/kiosk --kiosk" "$(args cage)"
echo "cage 0.1.4: ROTATION=90 gives -r, 270 gives -r -r -r: OK"

run cage-0.1.5 ROTATION=90
expect "cage 0.1.5, 90: cage" "-d -- $script --rotate-output 90 $work/kiosk --kiosk" "$(args cage)"
expect "cage 0.1.5, 90: wlr-randr" "--output HDMI-A-1 --transform 90" "$(args wlr-randr)"
expect "cage 0.1.5, 90: kiosk" "--kiosk" "$(args kiosk)"
echo "cage 0.1.5 (no -r): ROTATION=90 turns HDMI-A-1 with wlr-randr, then the kiosk: OK"

# An older setup's CAGE_OPTIONS="-r -r -r" still works, on either cage.
run cage-0.1.5 CAGE_OPTIONS="-r -r -r -s"
expect "old -r options on cage 0.1.5: cage" "-d -s -- $script --rotate-output 270 $work/kiosk --kiosk" "$(args cage)"
expect "old -r options on cage 0.1.5: wlr-randr" "--output HDMI-A-1 --transform 270" "$(args wlr-randr)"
run cage-0.1.4 CAGE_OPTIONS="-r"
expect "old -r option on cage 0.1.4: cage" "-d -r -- $work/kiosk --kiosk" "$(args cage)"
echo "an old CAGE_OPTIONS=-r counts as ROTATION on both: OK"

run cage-0.1.4 ROTATION=45
expect "ROTATION=45: cage" "-d -- $work/kiosk --kiosk" "$(args cage)"
grep -q "is not 0, 90, 180 or 270" "$work/log" || fail "ROTATION=45 not reported"
echo "ROTATION=45: reported, not turned: OK"

# cage 0.1.5 without wlr-randr: the kiosk still starts, unturned, and the journal says why.
run cage-0.1.5 ROTATION=180 KIOSK_WLR_RANDR="$work/no-such-wlr-randr"
expect "no wlr-randr: cage" "-d -- $work/kiosk --kiosk" "$(args cage)"
grep -q "wlr-randr is missing" "$work/log" || fail "a missing wlr-randr not reported"
echo "cage 0.1.5 without wlr-randr: kiosk unturned, reported: OK"
echo "start-cage: OK"
