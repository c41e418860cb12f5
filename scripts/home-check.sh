#!/usr/bin/env bash
# Checks that a screenshot shows the kiosk's Home over the whole screen, whatever drew it
# (cage, a browser, wine): the theme's cream background on at least 60 % of the pixels,
# the clinic's green logo and accent, and no black, which is what a screen shows where
# the kiosk did not draw. Prints the counts; exits 1, saying why, when it does not.
#
# Usage: scripts/home-check.sh NAME FILE WxH
#   NAME  what the screenshot is, for the messages
#   FILE  the screenshot (PNG)
#   WxH   the size the screen has
# Needs imagemagick.
set -euo pipefail
if [ $# -ne 3 ]; then
  echo "usage: scripts/home-check.sh NAME FILE WxH" >&2
  exit 2
fi
name=$1 shot=$2 expected=$3

# count_near COLOUR FUZZ: how many pixels are that colour, give or take FUZZ.
count_near() {
  local share
  share=$(convert "$shot" -alpha off -fuzz "$2" -fill white +opaque "$1" -fill black -opaque "$1" \
    -negate -format '%[fx:mean]' info:)
  awk -v share="$share" -v w="$width" -v h="$height" 'BEGIN { printf "%d\n", share * w * h + 0.5 }'
}

width=$(identify -format '%w' "$shot")
height=$(identify -format '%h' "$shot")
total=$((width * height))
# The theme's background #FAF6F0 and, within 4 %, its cards' #FFFDF9.
cream=$(count_near '#FAF6F0' 4%)
# The logo's green, which is also the accent colour.
green=$(count_near '#2E6A62' 8%)
black=$(count_near '#000000' 0)
printf '%s: %sx%s screenshot %s: cream %s of %s pixels (%s %%), green %s, black %s\n' \
  "$name" "$width" "$height" "$shot" "$cream" "$total" $((cream * 100 / total)) "$green" "$black"
fail=0
if [ "${width}x$height" != "$expected" ]; then
  echo "$name: FAIL: the screen is ${width}x$height, not $expected" >&2; fail=1
fi
if [ $((cream * 100)) -lt $((total * 60)) ]; then
  echo "$name: FAIL: the kiosk's background covers less than 60 % of the screen" >&2; fail=1
fi
if [ $((black * 1000)) -gt "$total" ]; then
  echo "$name: FAIL: more than 0.1 % of the screen is black (not drawn by the kiosk)" >&2; fail=1
fi
if [ "$green" -lt 2000 ]; then
  echo "$name: FAIL: the clinic's logo is not on screen" >&2; fail=1
fi
exit "$fail"
