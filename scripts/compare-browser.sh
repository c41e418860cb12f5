#!/usr/bin/env bash
# The kiosk side by side with the alternative a clinic would pick: the same English guide
# as one HTML page in Chromium's kiosk mode. Both run alternately, several rounds, in one
# private Xvfb (1920x1080x24, Mesa's software OpenGL, llvmpipe, for the kiosk), and for each
# start the script prints:
#
#   final    ms from exec until the screen first shows the picture it then keeps (the first
#            grab identical to the picture that then stayed unchanged for 2 s)
#   content  ms from exec until the first grab that is not one flat colour (an empty
#            screen or a blank white/cream window does not count)
#   pics     distinct pictures with content up to the final one (1 = no redraw on the way)
#   PSS/RSS  MiB 5 s after exec, summed over every process the program started (its
#            session); RSS counts shared pages once per process, PSS shares them out
#   procs    processes at 5 s
#   idle     CPU ticks (1/CLK_TCK s) over 30 s untouched, pointer parked in a corner;
#            "X" is what the X server spent meanwhile (drawing is done there too)
#   fps      frames per second while a scripted mouse drag (xdotool: press, 2 x 200 moves
#            of 6 px up and down, release) scrolls a long page; frame is the median frame
#            interval in ms; cpu% is the program's CPU over the drag (100 % = one core),
#            cpu ms/fr its CPU time per frame drawn (the figure least bent by other load on
#            the machine), X% the X server's CPU over the drag
#
# What is on screen: the kiosk starts on Home (its start screen; there is no way to start
# it on a guide page), Chromium on the guide page. Startup compares what each shows first,
# which is what a visitor meets. For the drag the kiosk is taken to the longest guide page
# first (Home's Guide tile, then Next), Chromium's page is the whole guide.
#
# Frames per second: the kiosk draws with OpenGL on llvmpipe, so Mesa's HUD counts its
# frames (GALLIUM_HUD=fps,frametime, hidden, dumped to files: one frame time per frame).
# Chromium with --disable-gpu draws in software without OpenGL, so the HUD sees nothing;
# the page counts requestAnimationFrame callbacks in which the scroll position moved
# between pointerdown and pointerup and puts the rate in the window title. X11 delivers a
# touchscreen as an emulated mouse (docs/design.md), and a mouse drag does not scroll a web
# page, so the page scrolls itself on pointer drags (as a web kiosk for such screens must).
#
# Usage: scripts/compare-browser.sh            (builds the kiosk with cargo build --release)
#   KIOSK_BIN=/path/to/kiosk   use that binary instead of building
#   KIOSK_CONTENT=dir          content folder for the kiosk and the page (default: content/)
#   ROUNDS=5 IDLE_SECS=30 COMPARE_DISPLAY=93 CHROMIUM=chromium
#   PROGRAMS="kiosk"        measure only these (default "kiosk chromium")
#   SCREEN=1080x1920        the screen's size (default 1920x1080; this one is portrait)
#   KIOSK_TAPS="x,y x,y"    taps on the kiosk's Home before the drag, e.g. the text-size
#                           button twice for 150 % text
#   CHROMIUM_FLAGS="..."    more Chromium flags, e.g. --force-device-scale-factor=1.5
#   PRE_DRAG=600            drag the page down this many pixels first (not measured), so
#                           that the measured drag passes over what lies further down
#   KEEP=1 keeps the work directory (grabs, HUD dumps, logs); SHOTS=1 adds screenshots
#   GUIDE_TILE="600 490" NEXT_BUTTON="1760 1020": where to tap at 1920x1080 (the point
#   chosen lies on the Guide tile of both the older and the current Home layout); other
#   screen sizes and text sizes put them elsewhere (take a screenshot with SHOTS=1)
# Needs (installed with apt-get when missing and run as root): chromium, xvfb, xdotool,
# python3, Mesa's software OpenGL (libgl1-mesa-dri, libglx-mesa0), libx11-6, libxext6.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
helper=$root/scripts/compare-browser.py
rounds=${ROUNDS:-5}
read -r -a programs <<<"${PROGRAMS:-kiosk chromium}"
screen=${SCREEN:-1920x1080}
screen_w=${screen%x*} screen_h=${screen#*x}
read -r -a kiosk_taps <<<"${KIOSK_TAPS:-}"
read -r -a chromium_flags <<<"${CHROMIUM_FLAGS:-}"
pre_drag=${PRE_DRAG:-0}
idle_secs=${IDLE_SECS:-30}
watch_secs=5     # screen grabs from exec; memory is read when they stop
quiet_secs=2     # a picture unchanged this long is the final one
content_dir=$(cd "${KIOSK_CONTENT:-$root/content}" && pwd)
ticks_per_sec=$(getconf CLK_TCK)

# ------------------------------------------------------------------------------------
# Tools

need_packages=()
have() { command -v "$1" >/dev/null 2>&1; }
chromium=${CHROMIUM:-}
if [[ -z $chromium ]]; then
  for c in chromium chromium-browser google-chrome; do
    if have "$c"; then chromium=$c; break; fi
  done
fi
[[ -n $chromium ]] || need_packages+=(chromium)
have Xvfb || need_packages+=(xvfb)
have xdotool || need_packages+=(xdotool)
have python3 || need_packages+=(python3)
have ps || need_packages+=(procps)
ldconfig -p 2>/dev/null | grep -q 'libXext.so.6' || need_packages+=(libxext6)
ldconfig -p 2>/dev/null | grep -q 'libGLX_mesa.so.0' || need_packages+=(libglx-mesa0)
[[ -e /usr/lib/x86_64-linux-gnu/dri/swrast_dri.so || -n $(find /usr/lib -name 'swrast_dri.so' -print -quit 2>/dev/null) ]] ||
  need_packages+=(libgl1-mesa-dri)
if ((${#need_packages[@]})); then
  if [[ $(id -u) == 0 ]] && have apt-get; then
    echo "installing ${need_packages[*]}" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      "${need_packages[@]}" >&2
  else
    echo "missing: ${need_packages[*]} (install them, or run as root to have them installed)" >&2
    exit 1
  fi
  [[ -n $chromium ]] || chromium=chromium
fi

if [[ -n ${KIOSK_BIN:-} ]]; then
  kiosk=$KIOSK_BIN
else
  (cd "$root" && cargo build --release --quiet)
  # The binary's name as Cargo.toml's [[bin]] gives it.
  bin_name=$(awk '/^\[\[bin\]\]/ {b = 1; next} /^\[/ {b = 0} b && /^name *=/ {gsub(/.*= *"|".*/, ""); print; exit}' "$root/Cargo.toml")
  target_dir=${CARGO_TARGET_DIR:-target}
  [[ $target_dir == /* ]] || target_dir=$root/$target_dir
  kiosk=$target_dir/release/${bin_name:-kiosk}
fi
[[ -x $kiosk ]] || { echo "no kiosk binary at $kiosk" >&2; exit 1; }

# ------------------------------------------------------------------------------------
# Clean exit: everything started here runs in a session of its own and is killed by it.

work=$(mktemp -d /tmp/compare-browser.XXXXXX)
sessions=()
xvfb_pid=
cleanup() {
  local s
  for s in "${sessions[@]}"; do kill -KILL -- "-$s" 2>/dev/null || true; done
  [[ -n $xvfb_pid ]] && kill "$xvfb_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  if [[ -n ${KEEP:-} ]]; then echo "work files kept in $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A display number nobody uses.
display_num=${COMPARE_DISPLAY:-93}
while [[ -e /tmp/.X${display_num}-lock || -e /tmp/.X11-unix/X${display_num} ]]; do
  display_num=$((display_num + 1))
done
export DISPLAY=:$display_num
# -noreset: Xvfb would otherwise reset (and re-centre the pointer) whenever its last
# client leaves, between two programs.
Xvfb "$DISPLAY" -screen 0 "${screen}x24" -nolisten tcp -noreset >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 50); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done
xdotool getdisplaygeometry >/dev/null

# ------------------------------------------------------------------------------------
# The page and the settings

python3 "$helper" html "$content_dir/en/guide" "$work/guide.html" "$root/assets/fonts"
printf 'state_dir = "%s"\n' "$work/state" >"$work/kiosk.toml"

# The longest guide page (by text) and how many taps on Next reach it.
longest=$(ls "$content_dir"/en/guide/*.md | sort | awk '{print NR-1, $0}' |
  while read -r i f; do echo "$(wc -c <"$f") $i"; done | sort -rn | head -1 | cut -d' ' -f2)
# Where Home puts the Guide tile and the guide puts Next, at 1920x1080 (from screenshots).
guide_tile=(${GUIDE_TILE:-600 490})
next_button=(${NEXT_BUTTON:-1760 1020})

# ------------------------------------------------------------------------------------
# Measuring helpers

session_pids() { ps -e -o pid=,sid= | awk -v s="$1" '$2 == s {print $1}'; }

# "PSS RSS count" in MiB over the session's processes.
memory() {
  local pid pss=0 rss=0 n=0 p r
  for pid in $(session_pids "$1"); do
    read -r p r < <(awk '/^Pss:/ {p=$2} /^Rss:/ {r=$2} END {print p+0, r+0}' \
      "/proc/$pid/smaps_rollup" 2>/dev/null || echo "0 0") || continue
    pss=$((pss + p)); rss=$((rss + r)); n=$((n + 1))
  done
  echo "$((pss / 1024)) $((rss / 1024)) $n"
}

# "pid ticks" lines for the session (user + system time).
ticks_of() {
  local pid
  for pid in "$@"; do
    awk -v p="$pid" '{sub(/.*\) /, ""); print p, $12 + $13}' "/proc/$pid/stat" 2>/dev/null || true
  done
}
# Ticks spent between two snapshots; a process born in between counts whole.
ticks_between() { awk 'NR == FNR {a[$1] = $2; next} {d += $2 - ($1 in a ? a[$1] : 0)} END {print d + 0}' "$1" "$2"; }

median() { sort -g | awk '{v[NR] = $1} END {if (NR == 0) print "?"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

load() { cut -d' ' -f1-3 /proc/loadavg; }

park_pointer() { xdotool mousemove $((screen_w - 1)) $((screen_h - 1)); }

# The drag: press, 200 moves of 6 px up (the page scrolls down), 200 back; returns after
# the last move. drag_release lets go after a pause, so no fling follows.
drag() {
  local steps=() i
  for ((i = 0; i < 200; i++)); do steps+=(mousemove_relative -- 0 -6 sleep 0.008); done
  for ((i = 0; i < 200; i++)); do steps+=(mousemove_relative -- 0 6 sleep 0.008); done
  xdotool mousedown 1 "${steps[@]}"
}
drag_release() { sleep 0.4; xdotool mouseup 1; }

# Runs one program ($1 = kiosk|chromium) for round $2 and appends a result line.
run_one() {
  local name=$1 round=$2 dir=$work/$1-$2
  mkdir -p "$dir"
  local cmd envs=()
  if [[ $name == kiosk ]]; then
    cmd=("$kiosk" --kiosk --config "$work/kiosk.toml" --content "$content_dir"
      --window-size "$screen")
    envs=(GALLIUM_HUD=fps,frametime GALLIUM_HUD_VISIBLE=false GALLIUM_HUD_DUMP_DIR="$dir")
  else
    # Without a window manager --kiosk cannot go fullscreen: give it the whole screen.
    cmd=("$chromium" --kiosk --disable-gpu --no-first-run --disable-background-networking
      --disable-component-update --disable-sync --no-sandbox
      --user-data-dir="$(mktemp -d "$dir/profile.XXXX")"
      --window-position=0,0 --window-size="$screen_w,$screen_h" "${chromium_flags[@]}"
      "file://$work/guide.html")
  fi
  park_pointer
  sleep 1
  python3 "$helper" watch "$DISPLAY" "$dir/grabs.tsv" "$watch_secs" >"$dir/watch.out" &
  local watcher=$!
  for _ in $(seq 100); do grep -q ready "$dir/watch.out" 2>/dev/null && break; sleep 0.02; done
  local load_at_start t0 pid
  load_at_start=$(load)
  t0=$EPOCHREALTIME
  env "${envs[@]}" setsid "${cmd[@]}" >"$dir/out.log" 2>&1 &
  pid=$!
  sessions+=("$pid")
  wait "$watcher"
  local settled first pictures
  read -r settled first pictures < <(python3 "$helper" settle "$dir/grabs.tsv" "$t0" "$quiet_secs")
  local pss rss procs
  read -r pss rss procs < <(memory "$pid")
  [[ -n ${SHOTS:-} ]] && python3 "$helper" shot "$DISPLAY" "$dir/start.png"

  # Idle: nobody touches it, the pointer sits in a corner.
  park_pointer
  sleep 2
  ticks_of $(session_pids "$pid") >"$dir/idle0"
  ticks_of "$xvfb_pid" >"$dir/x0"
  sleep "$idle_secs"
  ticks_of $(session_pids "$pid") >"$dir/idle1"
  ticks_of "$xvfb_pid" >"$dir/x1"
  local idle idle_x
  idle=$(ticks_between "$dir/idle0" "$dir/idle1")
  idle_x=$(ticks_between "$dir/x0" "$dir/x1")

  # To a long page.
  if [[ $name == kiosk ]]; then
    local tap
    for tap in "${kiosk_taps[@]}"; do xdotool mousemove ${tap/,/ } click 1; sleep 0.6; done
    xdotool mousemove "${guide_tile[@]}" click 1
    sleep 1
    for ((i = 0; i < longest; i++)); do xdotool mousemove "${next_button[@]}" click 1; sleep 0.6; done
    park_pointer
    sleep 1
  fi
  xdotool mousemove $((screen_w / 2)) $((screen_h * 7 / 9))
  sleep 1
  if ((pre_drag > 0)); then
    # Not measured: down the page first, the same pixels in both, so that what the
    # measured drag passes over (a diagram further down) is on screen.
    local pre=() i
    for ((i = 0; i < pre_drag / 6; i++)); do pre+=(mousemove_relative -- 0 -6 sleep 0.008); done
    xdotool mousedown 1 "${pre[@]}"
    drag_release
    sleep 1
    xdotool mousemove $((screen_w / 2)) $((screen_h * 7 / 9))
    sleep 1
  fi
  [[ -n ${SHOTS:-} ]] && python3 "$helper" shot "$DISPLAY" "$dir/drag-page.png"
  local frames0=0 frames1=0 d0 d1
  [[ -f $dir/frametime_\(ms\) ]] && frames0=$(wc -l <"$dir/frametime_(ms)")
  ticks_of $(session_pids "$pid") >"$dir/drag0"
  ticks_of "$xvfb_pid" >"$dir/dx0"
  d0=$EPOCHREALTIME
  drag
  d1=$EPOCHREALTIME
  ticks_of $(session_pids "$pid") >"$dir/drag1"
  ticks_of "$xvfb_pid" >"$dir/dx1"
  [[ $name == kiosk ]] && frames1=$(wc -l <"$dir/frametime_(ms)" 2>/dev/null || echo 0)
  drag_release
  local secs fps frametime cpu cpu_x nframes
  secs=$(awk -v a="$d0" -v b="$d1" 'BEGIN {print b - a}')
  if [[ $name == kiosk ]]; then
    nframes=$((frames1 - frames0))
    fps=$(awk -v n=$((frames1 - frames0)) -v s="$secs" 'BEGIN {printf "%.1f", n / s}')
    # Frame times during the drag; the first spans the idle time before it.
    frametime=$(tail -n +$((frames0 + 2)) "$dir/frametime_(ms)" | head -n $((frames1 - frames0 - 1)) |
      median | awk '{printf ($1 == "?" ? "?" : "%.1f"), $1}')
  else
    sleep 0.5
    local title
    title=$(xdotool search --name 'drag fps=' getwindowname 2>/dev/null | head -1 || true)
    fps=$(sed -n 's/.*drag fps=\([0-9.]*\).*/\1/p' <<<"$title")
    frametime=$(sed -n 's/.*median=\([0-9.]*\).*/\1/p' <<<"$title")
    nframes=$(sed -n 's/.*frames=\([0-9]*\).*/\1/p' <<<"$title")
    fps=${fps:-?}
    frametime=${frametime:-?}
  fi
  cpu=$(awk -v t="$(ticks_between "$dir/drag0" "$dir/drag1")" -v s="$secs" -v h="$ticks_per_sec" \
    'BEGIN {printf "%.0f", 100 * t / h / s}')
  local drag_ticks per_frame
  drag_ticks=$(ticks_between "$dir/drag0" "$dir/drag1")
  per_frame=$(awk -v t="$drag_ticks" -v h="$ticks_per_sec" -v n="${nframes:-0}" \
    'BEGIN {if (n > 0) printf "%.1f", 1000 * t / h / n; else print "?"}')
  cpu_x=$(awk -v t="$(ticks_between "$dir/dx0" "$dir/dx1")" -v s="$secs" -v h="$ticks_per_sec" \
    'BEGIN {printf "%.0f", 100 * t / h / s}')

  kill -TERM -- "-$pid" 2>/dev/null || true
  for _ in $(seq 30); do [[ -z $(session_pids "$pid") ]] && break; sleep 0.1; done
  kill -KILL -- "-$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true

  printf '%5s %-8s %6s %7s %4s %5s %5s %5s %6s %6s %5s %6s %5s %5s %5s  %s\n' \
    "$round" "$name" "$settled" "$first" "$pictures" "$pss" "$rss" "$procs" "$idle" "$idle_x" \
    "$fps" "$frametime" "$cpu" "$per_frame" "$cpu_x" "$load_at_start" | tee -a "$work/results"
}

header() {
  printf '%5s %-8s %6s %7s %4s %5s %5s %5s %6s %6s %5s %6s %5s %5s %5s  %s\n' \
    round program final content pics PSS RSS procs idle idle_X fps frame cpu% cpu X% \
    "load avg at start"
  printf '%5s %-8s %6s %7s %4s %5s %5s %5s %6s %6s %5s %6s %5s %5s %5s\n' \
    '' '' ms ms '' MiB MiB '' ticks ticks drag 'ms med' drag ms/fr drag
}

# ------------------------------------------------------------------------------------

echo "compare-browser: $(date -u +%FT%TZ) on $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
echo "  cpu: $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
echo "  kiosk: $kiosk ($(stat -c %s "$kiosk") bytes), content: $content_dir"
echo "  chromium: $("$chromium" --version 2>/dev/null | tail -1)"
echo "  display $DISPLAY ${screen}x24 (Xvfb), $rounds rounds, idle ${idle_secs} s, ticks/s $ticks_per_sec"
echo "  drag page: kiosk guide page $((longest + 1)) (longest), chromium the whole guide"
echo "  fps: kiosk from Mesa's HUD (frames drawn), chromium from requestAnimationFrame (frames that moved)"
echo "  load average before: $(load)"
# A first start of each, not counted: fills the page cache and Mesa's shader cache the
# way any start after the first boot finds them.
echo "warming up (one start of each, not counted)..."
for name in "${programs[@]}"; do
  dir=$work/warmup-$name
  mkdir -p "$dir"
  if [[ $name == kiosk ]]; then
    setsid "$kiosk" --kiosk --config "$work/kiosk.toml" --content "$content_dir" \
      --window-size "$screen" >"$dir/log" 2>&1 &
  else
    setsid "$chromium" --kiosk --disable-gpu --no-first-run --disable-background-networking \
      --disable-component-update --disable-sync --no-sandbox --user-data-dir="$dir/profile" \
      --window-position=0,0 --window-size="$screen_w,$screen_h" "${chromium_flags[@]}" \
      "file://$work/guide.html" >"$dir/log" 2>&1 &
  fi
  pid=$!
  sessions+=("$pid")
  sleep 4
  kill -TERM -- "-$pid" 2>/dev/null || true
  sleep 1
  kill -KILL -- "-$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
done

header
for ((round = 1; round <= rounds; round++)); do
  # Alternate which goes first, so neither always follows the other.
  order=("${programs[@]}")
  ((round % 2)) || order=($(printf '%s\n' "${programs[@]}" | tac))
  for name in "${order[@]}"; do run_one "$name" "$round"; done
done

echo
echo "medians over $rounds rounds, and kiosk/chromium:"
printf '%-10s %6s %6s %6s %6s %6s %6s %6s %6s %6s %6s\n' '' final content PSS RSS idle fps frame cpu% ms/fr X%
declare -A med
for name in kiosk chromium; do
  line=$(printf '%-10s' "$name")
  for col in 3 4 6 7 9 11 12 13 14 15; do
    m=$(awk -v n="$name" -v c=$col '$2 == n && $c != "?" {print $c}' "$work/results" | median)
    med[$name,$col]=$m
    line+=$(printf ' %6s' "$m")
  done
  echo "$line"
done
line=$(printf '%-10s' 'ratio')
for col in 3 4 6 7 9 11 12 13 14 15; do
  line+=$(awk -v a="${med[kiosk,$col]}" -v b="${med[chromium,$col]}" \
    'BEGIN {if (a == "?" || b == "?" || b + 0 == 0) printf " %6s", "-"; else printf " %6.2f", a / b}')
done
echo "$line"
echo "load average after: $(load)"
