#!/usr/bin/env bash
# Proves that read-aloud really speaks, offline and without a sound card: the text the
# kiosk sends becomes audio of plausible length in each language.
#
# Usage: speech-check.sh [--markdown] [--engine-only] [LANG=FILE ...]
#   LANG=FILE  plain text as the kiosk speaks it, in that language ("en=page.txt";
#              FILE "-" reads standard input). Without any, a built-in sentence in
#              en and es is checked.
#   --markdown strip Markdown from the files first (headings, bullets, emphasis, links,
#              table pipes) and end each line with a full stop, as the kiosk does.
#   --engine-only  skip the speech-dispatcher check (step 2).
#
# 1. espeak-ng, the synthesizer speech-dispatcher uses, writes each text to a WAV; its
#    duration must be 0.04..0.2 s per character and its peak above 0.05 (not silence).
# 2. A private speech-dispatcher (its own socket, configuration, HOME and logs, nothing
#    shared with a desktop session) speaks each text with `spd-say -w -l LANG`, which
#    must exit 0 within a time limit. Its audio goes through ALSA to a file plugin that
#    writes a WAV (no sound card or sound server needed), and that audio is checked like
#    step 1. The ALSA "null" device does not pace playback, so `-w` returns as soon as
#    the text is synthesized rather than after it has been heard.
#
# Needs the Debian packages espeak-ng, sox, speech-dispatcher and
# speech-dispatcher-espeak-ng (the last is only recommended by speech-dispatcher).
# Exits 0 when every check passes, 1 otherwise. Bounds per character can be changed
# with SPEECH_MIN_SECONDS_PER_CHAR and SPEECH_MAX_SECONDS_PER_CHAR.
set -uo pipefail
export LC_ALL=C.UTF-8

min_spc=${SPEECH_MIN_SECONDS_PER_CHAR:-0.04}
max_spc=${SPEECH_MAX_SECONDS_PER_CHAR:-0.2}
markdown=false
engine_only=false
inputs=()
for arg in "$@"; do
    case $arg in
        --markdown) markdown=true ;;
        --engine-only) engine_only=true ;;
        -h | --help) sed -n '2,/^set -uo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *=*) inputs+=("$arg") ;;
        *) echo "speech-check: unknown argument '$arg' (try --help)" >&2; exit 1 ;;
    esac
done

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

need=(espeak-ng sox soxi)
$engine_only || need+=(speech-dispatcher spd-say)
for tool in "${need[@]}"; do
    command -v "$tool" >/dev/null || {
        echo "speech-check: $tool not found; install the Debian packages espeak-ng sox speech-dispatcher speech-dispatcher-espeak-ng" >&2
        exit 1
    }
done

work=$(mktemp -d)
daemon_pid=""
cleanup() {
    if [ -n "$daemon_pid" ] && kill -0 "$daemon_pid" 2>/dev/null; then
        kill "$daemon_pid" 2>/dev/null
        for _ in $(seq 20); do kill -0 "$daemon_pid" 2>/dev/null || break; sleep 0.1; done
    fi
    rm -rf "$work"
}
trap cleanup EXIT

strip_markdown() {
    sed -E -e 's/^[[:space:]]*#+[[:space:]]*//' \
        -e 's/^[[:space:]]*([-*+]|[0-9]+\.)[[:space:]]+//' \
        -e '/^[[:space:]]*\|?[[:space:]:|-]+\|?[[:space:]]*$/d' \
        -e 's/\|/ /g' \
        -e 's/\[([^]]*)\]\([^)]*\)/\1/g' \
        -e 's/(\*\*|__|\*|`)//g' \
        -e 's/[[:space:]]+$//' \
        -e '/[^.!?:;…]$/s/$/./'
}

# Collect the texts: $work/text.N with language in langs[N].
langs=()
if [ ${#inputs[@]} -eq 0 ]; then
    langs=(en es)
    printf '%s\n' "Microneedling usually takes three to six sessions, four to six weeks apart." > "$work/text.0"
    printf '%s\n' "El microneedling suele necesitar de tres a seis sesiones, con cuatro a seis semanas entre ellas." > "$work/text.1"
else
    for i in "${!inputs[@]}"; do
        lang=${inputs[$i]%%=*}
        file=${inputs[$i]#*=}
        [[ $lang =~ ^[A-Za-z]{2,3}([-_][A-Za-z0-9]+)*$ ]] || { echo "speech-check: '$lang' is not a language code" >&2; exit 1; }
        if [ "$file" = - ]; then cat > "$work/raw.$i"; else cat -- "$file" > "$work/raw.$i" || exit 1; fi
        if $markdown; then strip_markdown < "$work/raw.$i" > "$work/text.$i"; else cp "$work/raw.$i" "$work/text.$i"; fi
        langs+=("$lang")
    done
fi

# check NAME WAV CHARS: prints duration and levels, checks them; sets $seconds.
check_audio() {
    local name=$1 wav=$2 chars=$3 stats peak rms per_char
    seconds=$(soxi -D "$wav" 2>/dev/null || echo 0)
    stats=$(sox "$wav" -n stat 2>&1)
    peak=$(awk '/^Maximum amplitude/ {print $3}' <<<"$stats")
    rms=$(awk '/^RMS +amplitude/ {print $3}' <<<"$stats")
    per_char=$(awk -v s="$seconds" -v c="$chars" 'BEGIN {printf "%.4f", (c > 0 ? s / c : 0)}')
    printf '%-28s %5d chars  %7.2f s  %.4f s/char  peak %s  RMS %s\n' "$name" "$chars" "$seconds" "$per_char" "${peak:-?}" "${rms:-?}"
    awk -v p="$per_char" -v lo="$min_spc" -v hi="$max_spc" 'BEGIN {exit !(p >= lo && p <= hi)}' ||
        fail "$name: $per_char s per character is outside $min_spc..$max_spc"
    awk -v p="${peak:-0}" 'BEGIN {exit !(p >= 0.05)}' || fail "$name: peak ${peak:-?} is silence"
}

declare -A direct_seconds
echo "1. espeak-ng $(espeak-ng --version | grep -oE '[0-9]+\.[0-9.]+' | head -n 1) writing WAV files"
for i in "${!langs[@]}"; do
    lang=${langs[$i]}
    chars=$(wc -m < "$work/text.$i")
    if ! espeak-ng -v "$lang" -w "$work/direct.$i.wav" -f "$work/text.$i" 2>"$work/espeak.err"; then
        fail "espeak-ng -v $lang: $(cat "$work/espeak.err")"
        continue
    fi
    check_audio "espeak-ng -v $lang" "$work/direct.$i.wav" "$chars"
    direct_seconds[$i]=$seconds
done

if ! $engine_only; then
    echo "2. speech-dispatcher $(speech-dispatcher -v | awk 'NR == 1 {print $2}') through spd-say, ALSA file sink"
    cp -r /etc/speech-dispatcher "$work/conf"
    cat >> "$work/conf/speechd.conf" <<'EOF'
AudioOutputMethod "alsa"
AudioALSADevice "default"
DefaultModule espeak-ng
EOF
    mkdir -p "$work/home" "$work/log"
    cat > "$work/home/.asoundrc" <<EOF
pcm.!default {
    type file
    slave.pcm "null"
    file "$work/out.wav"
    format "wav"
}
EOF
    sink=$work/out.wav
    socket=$work/speechd.sock
    env -u ALSA_CONFIG_PATH HOME="$work/home" speech-dispatcher -d -C "$work/conf" \
        -c unix_socket -S "$socket" -t 0 -P "$work/pid" -L "$work/log" -l 2 >"$work/daemon.out" 2>&1
    for _ in $(seq 100); do [ -S "$socket" ] && [ -s "$work/pid" ] && break; sleep 0.1; done
    daemon_pid=$(cat "$work/pid" 2>/dev/null)
    if [ ! -S "$socket" ] || [ -z "$daemon_pid" ]; then
        fail "speech-dispatcher did not start: $(grep -v 'LINE here' "$work/daemon.out" "$work"/log/*.log 2>/dev/null | tail -n 5)"
    else
        export SPEECHD_ADDRESS="unix_socket:$socket"
        modules=$(timeout 5 spd-say -O | tail -n +2 | tr '\n' ' ')
        echo "   output modules: ${modules:-none}"
        for i in "${!langs[@]}"; do
            lang=${langs[$i]}
            text=$(cat "$work/text.$i")
            chars=$(wc -m < "$work/text.$i")
            before=$(stat -c %s "$sink" 2>/dev/null || echo 44)
            limit=$(awk -v c="$chars" 'BEGIN {printf "%d", 10 + c * 0.3}')
            timeout "$limit" spd-say -w -l "$lang" -- "$text"
            rc=$?
            if [ $rc -ne 0 ]; then
                [ $rc -eq 124 ] && why="did not return within $limit s (audio output not working?)" || why="exited $rc"
                fail "spd-say -w -l $lang $why"
                continue
            fi
            # The file plugin writes as it plays; wait until the file stops growing.
            after=$(stat -c %s "$sink" 2>/dev/null || echo 44)
            for _ in $(seq 20); do
                sleep 0.1
                now=$(stat -c %s "$sink" 2>/dev/null || echo 44)
                [ "$now" = "$after" ] && break
                after=$now
            done
            [ "$after" -lt "$before" ] && before=44 # the plugin started a new file
            bytes=$((after - before))
            if [ "$bytes" -le 0 ]; then
                fail "speech-dispatcher wrote no audio for $lang"
                continue
            fi
            rate=$(soxi -r "$sink"); channels=$(soxi -c "$sink"); bits=$(soxi -b "$sink")
            tail -c +$((before + 1)) "$sink" | head -c "$bytes" > "$work/spd.$i.raw"
            sox -t raw -r "$rate" -e signed -b "$bits" -c "$channels" "$work/spd.$i.raw" "$work/spd.$i.wav"
            check_audio "spd-say -w -l $lang" "$work/spd.$i.wav" "$chars"
            if [ -n "${direct_seconds[$i]:-}" ]; then
                ratio=$(awk -v a="$seconds" -v b="${direct_seconds[$i]}" 'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}')
                echo "   speech-dispatcher / espeak-ng duration: $ratio"
            fi
        done
    fi
fi

if [ $failures -gt 0 ]; then
    echo "speech-check: $failures check(s) failed" >&2
    exit 1
fi
echo "speech-check: all checks passed"
