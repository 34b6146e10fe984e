#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# check-help-po.sh LANG.po PAGE...: the help translation merges into every
# page with itstool without complaint (markup in a msgstr matches its msgid)
# and the translated pages are still valid Mallard.
set -eu
po=${1:?usage: check-help-po.sh LANG.po PAGE...}; shift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
msgfmt --check -o "$tmp/help.mo" "$po"
mkdir "$tmp/out"
itstool -m "$tmp/help.mo" -o "$tmp/out" "$@" 2>"$tmp/log" || { cat "$tmp/log" >&2; exit 1; }
if [ -s "$tmp/log" ]; then cat "$tmp/log" >&2; exit 1; fi
yelp-check validate "$tmp"/out/*.page
echo "ok: $po merged into $# pages"
