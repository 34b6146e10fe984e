#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds Shangce and takes a screenshot of every page of the real window,
# in English and in Chinese, into data/screenshots/<page>.png and
# <page>-zh_CN.png.
#
#   tools/screenshots.sh [BUILD_DIR]        (default: _build-ui)
#
# The window opens on the page named by SHANGCE_START_PAGE (overview,
# measures, programs, rule-check) with the bundled example profile; settings
# live in memory (GSETTINGS_BACKEND=memory) so nothing of the user's is read
# or written. Needs xvfb-run and ImageMagick's import (through
# ../shared/tools/shot).
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-_build-ui}
shot=${SHOT:-/work/shared/tools/shot}
size=${SIZE:-1100x720}
out="$here/data/screenshots"

cd "$here"
[ -d "$build" ] || meson setup "$build" >/dev/null
nice -n 10 ninja -C "$build" src/shangce src/shangce-app data/gschemas.compiled po/zh_CN/LC_MESSAGES/shangce.mo >/dev/null 2>&1 \
  || nice -n 10 ninja -C "$build" >/dev/null

# A locale tree of the build's catalogues, for the uninstalled binary.
locales=$(mktemp -d)
trap 'rm -rf "$locales"' EXIT
for mo in "$build"/po/*/LC_MESSAGES/shangce.mo; do
  [ -f "$mo" ] || continue
  lang=$(basename "$(dirname "$(dirname "$mo")")")
  mkdir -p "$locales/$lang/LC_MESSAGES"
  cp "$mo" "$locales/$lang/LC_MESSAGES/"
done

mkdir -p "$out"
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$here/$build/data"
export SHANGCE_DATA_DIR="$here/data" SHANGCE_LOCALEDIR="$locales"
export GSK_RENDERER=cairo GDK_DEBUG=gl-disable GTK_A11Y=none
export XDG_DATA_HOME=$(mktemp -d) XDG_CONFIG_HOME=$(mktemp -d)

# The virtual screen's pointer starts in its middle, over the chart, and a
# tooltip would cover it: park the pointer in a corner once the window is up.
command -v xdotool >/dev/null || { [ "$(id -u)" -ne 0 ] || apt-get install -y -qq xdotool >/dev/null 2>&1; }
app=("bash" "-c" '( sleep 2; xdotool mousemove 0 0 2>/dev/null ) & exec "$0"' "$here/$build/src/shangce")

for page in overview measures programs rule-check; do
  SHANGCE_START_PAGE=$page LANGUAGE=en LANG=C.UTF-8 \
    "$shot" -w 5 -s "$size" "$out/$page.png" -- "${app[@]}"
  SHANGCE_START_PAGE=$page LANGUAGE=zh_CN LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 \
    "$shot" -w 5 -s "$size" "$out/$page-zh_CN.png" -- "${app[@]}"
done
# The window fills the virtual screen: trim nothing, but report sizes.
identify "$out"/*.png 2>/dev/null | awk '{print $1, $3}'
