#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs one libFuzzer target from the _build-fuzz tree, niced, with the seed
# corpus read-only and new inputs kept in a work folder.
#
#   tests/fuzz/run-fuzzer.sh TARGET SECONDS [WORKDIR]
#   TARGET: program-loader | profile-loader | report
#
# Set it up once with:
#   CC=clang-14 meson setup _build-fuzz -Dfuzzing=true \
#     -Db_sanitize=address,undefined -Db_lundef=false
#   ninja -C _build-fuzz tests/fuzz/fuzz-TARGET
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
target=$1
seconds=$2
work=${3:-$top/_build-fuzz/fuzz-work/$target}
case $target in
  program-loader) dict=$top/tests/fuzz/program.dict ;;
  *) dict=$top/tests/fuzz/profile.dict ;;
esac
mkdir -p "$work/corpus" "$work/artifacts"
cd "$work"
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export ASAN_OPTIONS=detect_leaks=1
export LSAN_OPTIONS=suppressions=$top/tests/lsan.supp:print_suppressions=0
export SHANGCE_DATA_DIR=$top/data
exec nice -n 19 "$top/_build-fuzz/tests/fuzz/fuzz-$target" \
  "$work/corpus" "$top/tests/fuzz/corpus/$target" \
  -dict="$dict" -jobs=1 -workers=1 -max_total_time="$seconds" \
  -rss_limit_mb=2048 -timeout=20 -print_final_stats=1 \
  -artifact_prefix="$work/artifacts/"
