#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The README's run command: install what is missing, build, and start Shangce.
# With no display it does the main job headlessly: a report and the overview chart.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
. build-aux/deps.sh
shangce_ensure_deps
builddir=${SHANGCE_BUILDDIR:-_build}
inst="$top/$builddir/install"
# Installed into the build dir, never system-wide, even when the test
# command set the same build dir up first.
if [ -f "$builddir/build.ninja" ]; then
  meson configure "$builddir" -Dprefix="$inst" >/dev/null
else
  meson setup "$builddir" --prefix="$inst" >/dev/null
fi
meson compile -C "$builddir" >/dev/null
meson install -C "$builddir" --quiet >/dev/null 2>&1 || meson install -C "$builddir"
export XDG_DATA_DIRS="$inst/share:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}"
export GSETTINGS_SCHEMA_DIR="$inst/share/glib-2.0/schemas"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  exec "$inst/bin/shangce" --headless "$@"
fi
exec "$inst/bin/shangce" "$@"
