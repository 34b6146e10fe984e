#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# check-mime.sh FILE.xml: the shared-mime-info definition is well-formed, and
# update-mime-database turns it into the glob and root-XML rules a file
# manager uses to recognise a saved profile.
set -eu
src=${1:?usage: check-mime.sh FILE.xml}
type=application/x-shangce-profile
xmllint --noout "$src"
if ! command -v update-mime-database >/dev/null; then
  echo "update-mime-database not found (shared-mime-info); only the XML was checked"
  exit 0
fi
top=$(mktemp -d)
trap 'rm -rf "$top"' EXIT
tmp=$top/mime
mkdir -p "$tmp/packages"
# Otherwise it notes on stderr that the folder is not where programs look.
export XDG_DATA_DIRS="$top" XDG_DATA_HOME="$top"
cp "$src" "$tmp/packages/io.github.shangce.Shangce.xml"
update-mime-database "$tmp" 2>"$tmp/log" || { cat "$tmp/log" >&2; exit 1; }
# shared-mime-info warns on stderr about mistakes it otherwise tolerates.
if [ -s "$tmp/log" ]; then cat "$tmp/log" >&2; exit 1; fi
grep -qx "50:$type:\*\.shangce" "$tmp/globs2" || { echo "no *.shangce glob for $type" >&2; exit 1; }
grep -qx "https://shangce.github.io/ns/profile/1 profile $type" "$tmp/XMLnamespaces" || {
  echo "no root-XML rule for $type" >&2; exit 1; }
grep -q "^$type application/xml$" "$tmp/subclasses" || { echo "$type is not a subclass of application/xml" >&2; exit 1; }
echo "ok: $type"
