#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the Mallard help as HTML, for machines without a help viewer (F1
# then opens it in the web browser): help-html.sh SRCDIR OUTDIR LANG...
# writes OUTDIR/LANG/*.html; languages other than C are translated from
# SRCDIR/LANG/LANG.po with itstool first.
set -eu
src=$1 out=$2; shift 2
# As an install script: OUTDIR is relative to the (DESTDIR) prefix.
case "$out" in /*) ;; *) out="${MESON_INSTALL_DESTDIR_PREFIX:?}/$out";; esac
for lang in "$@"; do
  dest="$out/$lang"
  rm -rf "$dest"; mkdir -p "$dest"
  if [ "$lang" = C ]; then
    pages="$src/C"
  else
    pages=$(mktemp -d); trap 'rm -rf "$pages"' EXIT
    msgfmt -o "$pages/$lang.mo" "$src/$lang/$lang.po"
    cp -r "$src/C/figures" "$pages/"
    itstool -m "$pages/$lang.mo" -o "$pages" "$src"/C/*.page
  fi
  yelp-build html -o "$dest/" "$pages"/*.page
  cp -r "$src/C/figures" "$dest/" 2>/dev/null || true
done
[ -n "${MESON_INSTALL_DESTDIR_PREFIX:-}" ] || touch "$out/../html.stamp"
