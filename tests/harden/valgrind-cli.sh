#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The command line under valgrind memcheck: the report in every format, chart
# export in every format, validation of every bundled file and a refused
# hostile file. Any invalid read or write, use of uninitialised memory, or
# definite leak of ours fails. TAP output.
#
#   valgrind-cli.sh SHANGCE_BINARY SOURCE_DIR
set -u
bin=$1
src=$2
glib_supp=/usr/share/glib-2.0/valgrind/glib.supp

if ! command -v valgrind >/dev/null 2>&1; then
  echo "1..0 # SKIP valgrind is not installed"
  exit 0
fi

out=$(mktemp -d "${TMPDIR:-/tmp}/shangce-valgrind-XXXXXX")
trap 'rm -rf "$out"' EXIT
profile="$src/data/profiles/new-enterprise-apparel.shangce"
hostile="$src/tests/fuzz/corpus/report/extreme-valid.shangce"

set -- \
  "report-text|--report --profile $profile" \
  "report-csv|--report --format csv --lang zh_CN --profile $profile" \
  "report-json|--report --format json --profile $hostile" \
  "export-png|--export $out/overview.png --chart overview --profile $profile" \
  "export-svg|--export $out/sensitivity.svg --chart sensitivity --lang zh_CN --profile $profile" \
  "export-pdf|--export $out/timeline.pdf --chart timeline --profile $profile" \
  "validate-bundled|--validate $src/data/programs/baselines.xml $src/data/programs/kuaishou-star-plan-2026.xml" \
  "validate-hostile|--validate $src/tests/data/loader/billion-laughs.xml"

echo "1..$#"
n=0
failed=0
for case in "$@"; do
  n=$((n + 1))
  name=${case%%|*}
  args=${case#*|}
  log="$out/$name.log"
  # Word splitting of $args is wanted: none of the paths hold spaces in CI.
  # shellcheck disable=SC2086
  valgrind -q --error-exitcode=99 --errors-for-leak-kinds=definite --show-leak-kinds=definite --leak-check=full \
    --suppressions="$glib_supp" --suppressions="$src/tests/harden/valgrind.supp" \
    --log-file="$log" "$bin" $args >/dev/null 2>"$out/$name.err"
  status=$?
  # The hostile file is refused (exit 1); everything else succeeds.
  expected=0
  [ "$name" = validate-hostile ] && expected=1
  if [ "$status" -eq "$expected" ]; then
    echo "ok $n - $name"
  else
    echo "not ok $n - $name (exit $status, expected $expected)"
    sed 's/^/# /' "$log" "$out/$name.err" | head -80
    failed=1
  fi
done
exit $failed
