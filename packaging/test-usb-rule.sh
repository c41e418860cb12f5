#!/bin/sh
# The package's udev rule for the staff's USB stick (packaging/90-microneedling-kiosk-usb.rules),
# as the installed udev reads it: found, read without a complaint, and giving systemd-mount
# only options it has. Mounting a real stick needs real hardware: docs/setup.md says what
# only a kiosk computer can show.
# Usage: packaging/test-usb-rule.sh [RULE_FILE] (default: the installed one)
set -eu
rule=${1:-/lib/udev/rules.d/90-microneedling-kiosk-usb.rules}
name=$(basename "$rule")
fail() { echo "test-usb-rule: FAIL: $*" >&2; exit 1; }
[ -f "$rule" ] || fail "$rule is missing"
# udev reads every rules file for any device; the null device is on every machine.
out=$(udevadm test --action=add /sys/class/mem/null 2>&1) || true
echo "$out" | grep -q "Reading rules file: .*/$name\$" || fail "udev does not read $name"
if echo "$out" | grep -F "$name:"; then fail "udev finds mistakes in $name"; fi
for option in $(grep -v '^#' "$rule" | grep -o -- ' --[a-z-]*' | tr -d ' '); do
  systemd-mount --help | grep -q -- "$option" || fail "systemd-mount has no $option"
done
echo "test-usb-rule: udev reads $name without a complaint; systemd-mount has every option it gives"
