#!/usr/bin/env bash
# The README's content update without a keyboard, on the installed package, as the
# kiosk's own user (what the staff screen's "Install" runs): a changed copy of the
# shipped content installs and becomes what the kiosk shows; a broken one is refused
# with its file and line and changes nothing; going back shows what the kiosk showed
# before (the package's content). Leaves the user's installed content as it found it.
# Usage: scripts/content-update-check.sh [BINARY [CONTENT]]
#   (defaults: /usr/bin/microneedling-kiosk and the package's content, to copy and change)
set -euo pipefail
binary=${1:-/usr/bin/microneedling-kiosk}
shipped=${2:-/usr/share/microneedling-kiosk/content}
user=microneedling-kiosk
home=$(getent passwd "$user" | cut -d: -f6)
library=$home/.local/state/microneedling-kiosk/content
work=$(mktemp -d)
chmod 0755 "$work"
# The check starts with nothing installed; what was installed before is put back after.
if [ -e "$library" ]; then mv "$library" "$work/kept"; fi
restore() {
  rm -rf "$library"
  if [ -e "$work/kept" ]; then mv "$work/kept" "$library"; fi
  rm -rf "$work"
}
trap restore EXIT
fail() { echo "content-update-check: FAIL: $*" >&2; exit 1; }
as_kiosk() { (cd / && runuser -u "$user" -- "$binary" "$@"); }

shown_before=$(as_kiosk --check | tail -n 1)
cp -r "$shipped" "$work/new"
sed -i '1s/.*/# Checked on the installed kiosk/' "$work/new/en/guide/01-what-it-is.md"
cp -r "$work/new" "$work/broken"
: > "$work/broken/en/faq.md"
chmod -R a+rX "$work"

as_kiosk --install-content "$work/new" | tee "$work/install.txt"
grep -q '^changed: en/guide/01-what-it-is.md$' "$work/install.txt" || fail "the change is not listed"
as_kiosk --check > "$work/check.txt" || fail "the installed content does not check clean"
grep -q "^$library/versions/.*: 11 guide pages" "$work/check.txt" || fail "the kiosk does not show what was installed"
live=$(readlink -f "$library/current")
before=$(cd "$live" && find . -type f -exec sha256sum {} + | sort)

if as_kiosk --install-content "$work/broken" > "$work/broken.txt"; then fail "a broken folder was installed"; fi
grep -q "^$work/broken/en/faq.md:1: the file is empty$" "$work/broken.txt" || fail "the problem is not named with its file and line"
[ "$(readlink -f "$library/current")" = "$live" ] || fail "the live content changed"
[ "$(cd "$live" && find . -type f -exec sha256sum {} + | sort)" = "$before" ] || fail "the live files changed"

as_kiosk --rollback-content
[ "$(as_kiosk --check | tail -n 1)" = "$shown_before" ] || fail "going back did not show the content shown before"
echo "content-update-check: installed, refused a broken folder with the live content unchanged, and went back"
