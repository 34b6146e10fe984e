#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The README's test command: install what is missing, build, and run every test
# (UI tests in a real window under Xvfb), then the same suite under ASan+UBSan.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
. build-aux/deps.sh
shangce_ensure_deps --tests
shangce_ensure_locales

export TZ=UTC LC_ALL=C.UTF-8 GTK_A11Y=none GSETTINGS_BACKEND=memory
export GSK_RENDERER=cairo GDK_DEBUG=gl-disable

run_suite () {
  local builddir=$1; shift
  local start=$SECONDS rc
  [ -f "$builddir/build.ninja" ] || meson setup "$builddir" "$@" >/dev/null
  meson compile -C "$builddir" >/dev/null || meson compile -C "$builddir"
  xvfb-run -a -s "-screen 0 1280x1024x24 -nolisten tcp" \
    dbus-run-session -- meson test -C "$builddir" --print-errorlogs --num-processes 2 \
    ${SHANGCE_TEST_ARGS:-} | tee "$builddir/test-summary.txt"
  rc=${PIPESTATUS[0]}
  echo "$builddir: built and tested in $((SECONDS - start)) s"
  return "$rc"
}

status=0
run_suite _build --prefix="$top/_build/install" || status=1
if [ "${SHANGCE_SKIP_ASAN:-0}" != 1 ]; then
  # Every finding fails the test: ASan aborts, LSan reports leaks at exit
  # (tests/lsan.supp lists the third-party ones, each explained), UBSan halts.
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
  export LSAN_OPTIONS=suppressions=$top/tests/lsan.supp:print_suppressions=0
  export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
  # GLib 2.74 hands GObjects out of its slice allocator, where ASan cannot
  # see a use after free: make every allocation a malloc it watches.
  export G_SLICE=always-malloc
  # The 'slow' suite is valgrind (tests/harden/valgrind-cli.sh): it cannot
  # run on ASan binaries and the first pass has run it already.
  SHANGCE_TEST_ARGS="--no-suite slow" run_suite _build-asan -Db_sanitize=address,undefined -Db_lundef=false || status=1
fi

ok=0 fail=0
for f in _build/test-summary.txt _build-asan/test-summary.txt; do
  [ -f "$f" ] || continue
  o=$(sed -n 's/^Ok:[[:space:]]*\([0-9]*\).*/\1/p' "$f" | tail -1)
  e=$(sed -n 's/^Fail:[[:space:]]*\([0-9]*\).*/\1/p' "$f" | tail -1)
  t=$(sed -n 's/^Timeout:[[:space:]]*\([0-9]*\).*/\1/p' "$f" | tail -1)
  x=$(sed -n 's/^Unexpected Pass:[[:space:]]*\([0-9]*\).*/\1/p' "$f" | tail -1)
  ok=$((ok + ${o:-0})); fail=$((fail + ${e:-0} + ${t:-0} + ${x:-0}))
done
[ $status -ne 0 ] && [ $fail -eq 0 ] && fail=1
echo "$ok passed, $fail failed"
exit $status
