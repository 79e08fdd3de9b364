#!/usr/bin/env bash
# The whole test suite of libiis, as CI runs it, ending with one
# "N passed, N failed" line:
#
# 1. the normal build (no compiler warnings allowed) and every suite:
#    C, file format, Python, GJS, Vala, examples, CLI, docs, install;
# 2. the C suites again under valgrind (meson test --setup valgrind);
# 3. an ASan+UBSan build (gcc) and every suite but the install test:
#    the C suites with leak checking (--setup asan), the others with
#    libasan preloaded into python3 and gjs (--setup asanpreload);
# 4. a short libFuzzer run (clang) of each fuzz target over its seeds
#    and its regression corpus (build-aux/fuzz.sh).
#
# Environment: BUILDDIR (default _build-tests; the other builds are
# BUILDDIR-asan and BUILDDIR-fuzz), STAGES (default
# "normal valgrind asan fuzz"), FUZZ_SECONDS (default 60 per target),
# JOBS (default 2).
set -uo pipefail
cd "$(dirname "$0")/.."

builddir=${BUILDDIR:-_build-tests}
stages=${STAGES:-normal valgrind asan fuzz}
fuzz_seconds=${FUZZ_SECONDS:-60}
jobs=${JOBS:-2}
status=0
logs=()
started=$(date +%s)

stage () {
  echo
  echo "=== $* ($(( $(date +%s) - started ))s)"
}

wants () {
  [[ " $stages " == *" $1 "* ]]
}

# setup DIR CHECK_WARNINGS MESON_OPTIONS…: configure and build DIR.
setup_and_build () {
  local dir=$1 check_warnings=$2; shift 2
  echo "meson setup $dir $*"
  if [ ! -d "$dir" ]; then
    meson setup "$dir" "$@" >/dev/null || { meson setup "$dir" "$@"; return 1; }
  else
    meson setup --reconfigure "$dir" "$@" >/dev/null || return 1
  fi
  ninja -C "$dir" > "$dir/build.log" 2>&1
  local built=$?
  grep -E "warning:|error:|FAILED" "$dir/build.log" | head -50
  if [ $built -ne 0 ]; then
    echo "run-tests: building $dir failed" >&2
    return 1
  fi
  if [ "$check_warnings" = yes ] && grep -E "warning:" "$dir/build.log" >/dev/null; then
    echo "run-tests: the build printed compiler warnings" >&2
    return 1
  fi
}

# run_meson_test DIR LOGNAME [meson test options…]
run_meson_test () {
  local dir=$1 logname=$2; shift 2
  meson test -C "$dir" --no-rebuild --print-errorlogs --num-processes "$jobs" "$@" || status=1
  logs+=("$dir/meson-logs/$logname")
}

if wants normal || wants valgrind; then
  stage "normal build"
  if setup_and_build "$builddir" yes -Dwerror=false; then
    if wants normal; then
      stage "all suites"
      run_meson_test "$builddir" testlog.json
    fi
    if wants valgrind; then
      stage "C suites under valgrind"
      run_meson_test "$builddir" testlog-valgrind.json --setup valgrind --suite c
    fi
  else
    status=1
    logs+=("$builddir/meson-logs/testlog.json")
  fi
fi

if wants asan; then
  stage "ASan+UBSan build (gcc)"
  asandir=$builddir-asan
  if CC=gcc setup_and_build "$asandir" no \
       -Db_sanitize=address,undefined -Db_lundef=false -Dwerror=false; then
    stage "C suites under ASan+UBSan"
    run_meson_test "$asandir" testlog-asan.json --setup asan --suite c
    stage "Python, GJS, Vala, examples, CLI, docs under ASan+UBSan"
    run_meson_test "$asandir" testlog-asanpreload.json --setup asanpreload \
      --no-suite c --no-suite install
  else
    status=1
    logs+=("$asandir/meson-logs/testlog-asan.json")
  fi
fi

if wants fuzz; then
  stage "libFuzzer, ${fuzz_seconds}s per target (clang)"
  fuzzdir=$builddir-fuzz
  fuzzlog=$fuzzdir/fuzz-testlog.json
  mkdir -p "$fuzzdir"
  rm -f "$fuzzlog"
  # A fresh corpus each time: the seeds and the regression corpus.
  rm -rf "$fuzzdir/fuzz-corpus"
  for source in tests/fuzz/fuzz-*.c; do
    target=$(basename "$source" .c)
    target=${target#fuzz-}
    case $target in common|replay) continue ;; esac
    CI=true FUZZ_BUILDDIR=$fuzzdir FUZZ_LOG=$fuzzlog \
      bash build-aux/fuzz.sh "$target" "$fuzz_seconds" >"$fuzzdir/fuzz-$target.out" 2>&1
    fuzz_status=$?
    tail -1 "$fuzzdir/fuzz-$target.out"
    if [ $fuzz_status -ne 0 ]; then
      status=1
      grep -v '^"' "$fuzzdir/fuzz-$target.out" | tail -40
    fi
  done
  logs+=("$fuzzlog")
fi

stage "done"
/usr/bin/python3 build-aux/test-summary.py "${logs[@]}" || status=1
exit $status
