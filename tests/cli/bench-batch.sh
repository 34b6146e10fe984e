#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Profiles per second of `shangce --batch`: one thread, then every core, on
# 1,000 profiles made here from the bundled examples (monthly GMV varied),
# in a temporary folder removed at the end. Usage: bench-batch.sh SHANGCE [N]
set -eu
shangce=$1
n=${2:-1000}
examples=${SHANGCE_DATA_DIR:?}/profiles
work=$(mktemp -d "${TMPDIR:-/tmp}/shangce-bench-batch-XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
mkdir "$work/in"

i=0
while [ "$i" -lt "$n" ]; do
  for f in "$examples"/*.shangce; do
    [ "$i" -lt "$n" ] || break
    gmv=$((10000 + i * 997 % 500000))
    sed "s/field=\"monthly-gmv\" value=\"[0-9.]*\"/field=\"monthly-gmv\" value=\"$gmv\"/" "$f" \
      > "$work/in/client-$(printf %04d "$i").shangce"
    i=$((i + 1))
  done
done

now() { date +%s.%N; }
run() {
  rm -rf "$work/out"
  t0=$(now)
  "$shangce" --batch-dir "$work/in" --out "$work/out" --jobs "$1" --lang en >/dev/null
  t1=$(now)
  echo "$t0 $t1"
}

cores=$(nproc)
set -- $(run 1); one_t0=$1; one_t1=$2
set -- $(run 0); all_t0=$1; all_t1=$2
awk -v n="$n" -v c="$cores" -v a="$one_t0" -v b="$one_t1" -v p="$all_t0" -v q="$all_t1" 'BEGIN {
  s1 = b - a; sp = q - p
  printf "batch of %d profiles (report CSV each, summary):\n", n
  printf "  1 thread:   %.2f s, %.0f profiles/s\n", s1, n / s1
  printf "  %d threads:  %.2f s, %.0f profiles/s (%.2fx)\n", c, sp, n / sp, s1 / sp
}'
