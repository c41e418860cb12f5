#!/usr/bin/env bash
# Copies the README's screenshots from the pixel snapshots (tests/snapshots/*.png, which
# CI compares with every screen, so they always show the kiosk as it is) into
# docs/screenshots/, under the names the README uses. Run it after accepting new
# snapshots (`UPDATE_SNAPSHOTS=1 cargo test --features snapshots --test snapshots`) and
# commit the pictures with them. Needs nothing but a shell: no build, no display.
# Usage: scripts/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."

# snapshot (in tests/snapshots/)        picture (in docs/screenshots/)
pictures=(
  en-1920x1080-home.png                 home.png
  en-1920x1080-guide.png                guide.png
  en-1920x1080-compare.png              compare.png
  en-1920x1080-question-3.png           question.png
  en-1920x1080-result-good-fit.png      result.png
  es-1920x1080-home.png                 home-spanish.png
  high-contrast-1080x1920-guide.png     guide-high-contrast.png
  en-1080x1920-result-talk-first.png    result-portrait.png
  en-1920x1080-staff-counters.png       staff-counters.png
  en-1920x1080-staff-content.png        staff-content.png
)

mkdir -p docs/screenshots
missing=0
for ((i = 0; i < ${#pictures[@]}; i += 2)); do
  from=tests/snapshots/${pictures[i]}
  to=docs/screenshots/${pictures[i + 1]}
  if [ ! -f "$from" ]; then
    echo "screenshots: $from is missing (was the snapshot renamed? see tests/snapshots.rs)" >&2
    missing=1
    continue
  fi
  if cmp -s "$from" "$to"; then
    echo "screenshots: $to is current"
  else
    cp "$from" "$to"
    echo "screenshots: $to <- $from"
  fi
done
exit "$missing"
