#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# check-quiet.sh COMMAND [ARGS…]: passes only when COMMAND succeeds and prints
# nothing. desktop-file-validate exits 0 on hints and warnings about
# deprecated keys; for us they are failures too.
set -u
out=$("$@" 2>&1)
rc=$?
if [ $rc -ne 0 ] || [ -n "$out" ]; then
  printf '%s\n' "$out" >&2
  echo "$1: exit status $rc, $(printf '%s' "$out" | grep -c '') line(s) of complaints" >&2
  exit 1
fi
echo "ok: $*"
