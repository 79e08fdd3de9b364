#!/usr/bin/env bash
# Draw the charts of docs/charts.md again from the bundled catalog.
#
#   bash build-aux/chart-images.sh [BUILDDIR]      (default: _build)
#
# SOURCE_DATE_EPOCH fixes "today" (where the ongoing bars end and the
# default date of an overlap), so the same catalog gives the same images.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
iis="${1:-$root/_build}/tools/iis"
out="$root/docs/images"
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1764806400}   # 2025-12-04
export IIS_DATA_PATH=

"$iis" chart timeline sco --width 800 -o "$out/chart-timeline-sco.png"
"$iis" chart timeline BY --width 800 --from 1990 -o "$out/chart-timeline-by.png"
"$iis" chart parties coe-ets-185 --compare coe-ets-189 --width 800 --height 460 \
  -o "$out/chart-parties-budapest.png"
"$iis" chart overlap sco cis csto --at 2024-01-01 -o "$out/chart-overlap-sco-cis-csto.png"
"$iis" --lang zh chart timeline sco --width 800 --from 2015 --title "上海合作组织" \
  -o "$out/chart-timeline-sco-zh.png"
