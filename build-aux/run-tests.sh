#!/usr/bin/env bash
# The whole test suite of libiis, as CI runs it: configure, build without
# warnings, run every suite, and print one "N passed, N failed" line.
set -uo pipefail
cd "$(dirname "$0")/.."

builddir=${BUILDDIR:-_build-tests}
status=0
logs=()

run_suite () {
  local dir=$1; shift
  echo "=== $dir: meson setup $*"
  if [ ! -d "$dir" ]; then
    meson setup "$dir" "$@" || return 1
  else
    meson setup --reconfigure "$dir" "$@" || return 1
  fi
  ninja -C "$dir" 2>&1 | tee "$dir/build.log" || return 1
  if grep -E "warning:" "$dir/build.log" >/dev/null; then
    echo "run-tests: the build printed compiler warnings" >&2
    return 1
  fi
}

if run_suite "$builddir" -Dwerror=false; then
  meson test -C "$builddir" --print-errorlogs --num-processes 2 || status=1
else
  status=1
fi
logs+=("$builddir/meson-logs/testlog.json")

/usr/bin/python3 build-aux/test-summary.py "${logs[@]}" || status=1
exit $status
