#!/usr/bin/env bash
# Proves that the kiosk user's own configuration makes Listen audible in a session with no
# sound server (the cage session): as that user, with its home and its speech-dispatcher
# settings (the package links ~/.config/speech-dispatcher/speechd.conf), a private
# speech-dispatcher speaks a sentence, and ALSA's default device, pointed for the test at a
# WAV file (an ~/.asoundrc file sink, removed again afterwards), must receive it: a file of
# plausible length and loudness. Also runs the kiosk's own start-up probe (aplay, 0.1 s of
# silence on ALSA's default device) as that user.
#
# Usage (root): scripts/audio-check.sh [USER]   default USER: microneedling-kiosk
# AUDIO_CHECK_EXPECT_SILENCE=1 inverts the verdict (to show a configuration that fails).
# Needs speech-dispatcher, speech-dispatcher-espeak-ng, espeak-ng, alsa-utils, sox.
set -euo pipefail
user=${1:-microneedling-kiosk}
home=$(getent passwd "$user" | cut -d: -f6)
[ -n "$home" ] && [ -d "$home" ] || { echo "audio-check: no user $user with a home" >&2; exit 1; }
work=$(mktemp -d)
chmod 0755 "$work"
runtime=$work/runtime
mkdir -m 0700 "$runtime"
chown "$user" "$runtime"
asoundrc=$home/.asoundrc
kept=
if [ -e "$asoundrc" ]; then kept=$work/asoundrc.kept; mv "$asoundrc" "$kept"; fi
wav=$work/speech.wav
cleanup() {
  # The private daemon and its modules: found by this run's own socket path.
  for pid in $(pgrep -u "$user" -f "$runtime/" || true); do kill "$pid" 2>/dev/null || true; done
  rm -f "$asoundrc"
  if [ -n "$kept" ]; then mv "$kept" "$asoundrc"; fi
  rm -rf "$work"
}
trap cleanup EXIT
# sink FILE: ALSA's default device (for this user) writes to FILE.
sink() {
  : >"$1"
  chown "$user" "$1"
  cat >"$asoundrc" <<EOF
# audio-check.sh: ALSA's default device writes to a file for this test.
pcm.!default { type file slave.pcm "null" file "$1" format "wav" }
EOF
  chown "$user" "$asoundrc"
}

as_user() { (cd / && runuser -u "$user" -- env HOME="$home" XDG_RUNTIME_DIR="$runtime" "$@"); }

echo "audio-check: $user's speech-dispatcher settings: $(ls -l "$home/.config/speech-dispatcher/speechd.conf" 2>&1 | sed 's/.* \//\//')"
probe=ok
sink "$work/probe.wav"
printf '%3200s' '' | tr ' ' '\0' | as_user aplay -q -t raw -f S16_LE -c 1 -r 16000 - 2>"$work/probe.err" || probe="failed: $(cat "$work/probe.err")"
echo "audio-check: the kiosk's start-up probe (aplay on ALSA's default device): $probe"

sink "$wav"
text="Microneedling usually takes three to six sessions, four to six weeks apart."
status=0
timeout 40 runuser -u "$user" -- env HOME="$home" XDG_RUNTIME_DIR="$runtime" \
  sh -c 'cd / && exec spd-say -w -l en -- "$1"' sh "$text" || status=$?
bytes=$(stat -c %s "$wav")
seconds=0
rms=0
if [ "$bytes" -gt 44 ]; then
  # The daemon keeps the device open, so the WAV header's length is not filled in yet:
  # sox reads the format from the header and the length from the file.
  stat=$(sox --ignore-length "$wav" -n stat 2>&1 || true)
  seconds=$(awk '/^Length \(seconds\)/ {print $3}' <<<"$stat")
  rms=$(awk '/^RMS +amplitude/ {print $3}' <<<"$stat")
  format=$(soxi "$wav" 2>/dev/null | awk -F': ' '/Sample Rate|Channels|Precision/ {printf "%s ", $2}')
fi
echo "audio-check: spd-say exit status $status; ALSA's default device received $bytes bytes (${format:-no WAV}): ${seconds:-0} s of audio, RMS amplitude ${rms:-0}"
audible=$(awk -v s="${seconds:-0}" -v r="${rms:-0}" 'BEGIN { print (s >= 2 && r > 0.01) ? "yes" : "no" }')
if [ -n "${AUDIO_CHECK_EXPECT_SILENCE:-}" ]; then
  [ "$audible" = no ] || { echo "audio-check: FAIL: sound was expected to be missing" >&2; exit 1; }
  echo "audio-check: OK: no sound, as expected for this configuration"
  exit 0
fi
if [ "$audible" != yes ] || [ "$probe" != ok ]; then
  echo "audio-check: FAIL: $user's configuration does not play Listen's speech on ALSA's default device" >&2
  exit 1
fi
echo "audio-check: OK: $user's configuration speaks through ALSA without a sound server"
