#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# check-po.sh [--complete] FILE.po: msgfmt --check must pass; with --complete
# every message must be translated and none fuzzy.
set -u
complete=0
if [ "${1:-}" = "--complete" ]; then complete=1; shift; fi
po=${1:?usage: check-po.sh [--complete] FILE.po}
stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$po" 2>&1) || {
  echo "$stats" >&2
  echo "$po: msgfmt --check failed" >&2
  exit 1
}
echo "$po: $stats"
if [ $complete = 1 ]; then
  case "$stats" in
    *untranslated*|*fuzzy*)
      echo "$po: not complete; list the missing ones with: msgattrib --untranslated --only-fuzzy $po" >&2
      msgattrib --untranslated "$po" 2>/dev/null | grep -A1 '^msgid' | head -40 >&2
      exit 1;;
  esac
fi
exit 0
