#!/usr/bin/env bash
# Proves the Windows build under wine, against the Linux build of the same source:
#   1. `--version`, and `--check` on the built-in content, on a `content` folder beside
#      the program and on a folder with a mistake, give the Linux build's output and exit
#      status (paths with `\` for `/`);
#   2. `--set-pin` writes the PIN's hash into %APPDATA%\microneedling-kiosk\config.toml,
#      which `--check` then reads by default, as the Linux build reads that file;
#   3. `--kiosk` opens its window full screen in Xvfb and draws Home
#      (scripts/home-check.sh on a screenshot, wine-1920x1080-home.png).
# Everything runs in a fresh wine prefix in a temporary folder. Wine 8.0 (Debian 12) lacks
# bcryptprimitives.dll, which Windows 10 and 11 have: a stand-in (scripts/wine-prng.c) is
# built beside the .exe for this check only.
#
# Usage: scripts/wine-check.sh EXE LINUX_BINARY [SHOTS]
#   EXE           scripts/build-windows.sh's microneedling-kiosk.exe
#   LINUX_BINARY  the Linux build of the same source (target/debug/microneedling-kiosk)
#   SHOTS         where the screenshot goes [default: the current folder]
# Needs wine, wine64, gcc-mingw-w64-x86-64, xvfb and imagemagick, and no installed Debian
# package (whose content the Linux build would show instead of its built-in copy).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
if [ $# -lt 2 ]; then
  echo "usage: scripts/wine-check.sh EXE LINUX_BINARY [SHOTS]" >&2
  exit 2
fi
exe=$(realpath "$1")
linux=$(realpath "$2")
shots=$(realpath -m "${3:-.}")
mkdir -p "$shots"
if [ -e /usr/share/microneedling-kiosk/content ]; then
  echo "wine-check: the Debian package is installed; its content would replace the Linux build's built-in copy. Remove it first." >&2
  exit 2
fi
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wineserver -k 2>/dev/null || true
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
# A prefix of its own; no Mono or Gecko (the kiosk needs neither, and they would be
# downloaded); wine's own messages off.
export WINEPREFIX=$work/prefix WINEARCH=win64 WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
say() { echo "wine-check: $*"; }

# Wine's desktop takes the display it first starts with, so the X server comes first:
# Xvfb picks a free display (-displayfd).
exec 5>"$work/display"
Xvfb -displayfd 5 -screen 0 1920x1080x24 -ac -nolisten tcp >"$work/xvfb.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 50); do [ -s "$work/display" ] && break; sleep 0.1; done
export DISPLAY=:$(head -n 1 "$work/display")

started=$SECONDS
wineboot --init >/dev/null 2>&1
wineserver -w
say "a fresh wine prefix ($(wine --version)) in $((SECONDS - started)) s"

# bare/: the program alone (built-in content); app/: with a content folder beside it, as
# a clinic installs it, and a copy with a mistake.
for dir in bare app; do
  mkdir -p "$work/$dir"
  cp "$exe" "$work/$dir/"
  x86_64-w64-mingw32-gcc -shared -O2 -o "$work/$dir/bcryptprimitives.dll" \
    "$here/scripts/wine-prng.c" -ladvapi32
done
cp -r "$here/content" "$work/app/content"
cp -r "$here/content" "$work/app/broken"
printf 'phone = [\n' >>"$work/app/broken/en/clinic.toml"

failures=0
# same DIR NAME ARGS...: both builds, run in DIR with ARGS, print the same and exit alike.
same() {
  local dir=$work/$1 name=$2
  shift 2
  local linux_status=0 windows_status=0
  (cd "$dir" && "$linux" "$@") >"$work/$name.linux" 2>/dev/null || linux_status=$?
  (cd "$dir" && wine ./microneedling-kiosk.exe "$@") >"$work/$name.raw" 2>/dev/null || windows_status=$?
  tr '\\' / <"$work/$name.raw" >"$work/$name.windows"
  if [ "$linux_status" != "$windows_status" ]; then
    say "FAIL: $name: exit status $windows_status under wine, $linux_status on Linux" >&2
    failures=$((failures + 1))
  elif ! diff -u "$work/$name.linux" "$work/$name.windows" >"$work/$name.diff"; then
    say "FAIL: $name: the output differs from Linux's (- Linux, + Windows):" >&2
    cat "$work/$name.diff" >&2
    failures=$((failures + 1))
  else
    say "$name: the same $(wc -l <"$work/$name.linux") lines and exit status $linux_status as on Linux: $(tail -n 1 "$work/$name.linux")"
  fi
}

same bare --version --version
same bare "--check (built-in content)" --check --config none.toml
same app "--check (content beside the program)" --check --config none.toml
same app "--check (a folder with a mistake)" --check broken --config none.toml

# The PIN, under the user's application data, as a clinic sets it.
appdata=$WINEPREFIX/drive_c/users/$(id -un)/AppData/Roaming/microneedling-kiosk
(cd "$work/app" && printf '2468\n2468\n' | wine ./microneedling-kiosk.exe --set-pin) >/dev/null 2>&1
if ! grep -q '^pin_hash = "\$argon2id\$' "$appdata/config.toml" 2>/dev/null; then
  say "FAIL: --set-pin wrote no PIN hash into $appdata/config.toml" >&2
  failures=$((failures + 1))
else
  say "--set-pin: the PIN's hash is in %APPDATA%\\microneedling-kiosk\\config.toml"
  # Read by default under wine; the Linux build is given the same file.
  (cd "$work/app" && "$linux" --check --config "$appdata/config.toml") >"$work/pin.linux" 2>/dev/null || true
  (cd "$work/app" && wine ./microneedling-kiosk.exe --check) 2>/dev/null | tr '\\' / >"$work/pin.windows" || true
  if grep -q 'No staff PIN' "$work/pin.windows" || ! diff -u "$work/pin.linux" "$work/pin.windows"; then
    say "FAIL: --check after --set-pin does not read the PIN as Linux does" >&2
    failures=$((failures + 1))
  else
    say "--check after --set-pin: the PIN is set, as Linux reads the same file"
  fi
fi

# Home in a window.
(cd "$work/app" && exec wine ./microneedling-kiosk.exe --kiosk --config none.toml) >"$work/kiosk.log" 2>&1 &
pids+=($!)
drew=
for _ in $(seq 1 600); do
  if grep -q "first frame built" "$work/kiosk.log"; then drew=1; break; fi
  sleep 0.1
done
shot=$shots/wine-1920x1080-home.png
if [ -z "$drew" ]; then
  say "FAIL: the kiosk drew no frame under wine within 60 s; its log:" >&2
  sed 's/^/  /' "$work/kiosk.log" >&2
  failures=$((failures + 1))
else
  sleep 3
  import -window root "$shot"
  "$here/scripts/home-check.sh" "wine-check: --kiosk" "$shot" 1920x1080 || failures=$((failures + 1))
  say "the kiosk's log under wine:"
  sed 's/^/  /' "$work/kiosk.log"
fi

if [ "$failures" -gt 0 ]; then
  say "FAIL: $failures problem(s)" >&2
  exit 1
fi
say "OK: --version, --check (three ways), --set-pin and Home full screen, as on Linux"
