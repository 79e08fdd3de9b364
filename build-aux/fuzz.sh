#!/usr/bin/env bash
# Fuzz one libiis target with libFuzzer (clang-14) for a given time.
#
#   build-aux/fuzz.sh TARGET SECONDS [libFuzzer options…]
#
# TARGET is a tests/fuzz/fuzz-TARGET.c (catalog, date, …). The build
# folder (FUZZ_BUILDDIR, default _build-fuzz) is set up on first use:
# clang, ASan+UBSan, the library built with -fsanitize=fuzzer-no-link,
# -Dfuzzing=true. The corpus grows in $FUZZ_BUILDDIR/fuzz-corpus/TARGET
# from one run to the next, starting from the seeds (tests/fuzz/seeds,
# the test fixtures, the bundled catalog's fragments) and the regression
# corpus (tests/fuzz/regression/TARGET).
#
# A crash, leak, timeout or out-of-memory input is copied into
# tests/fuzz/regression/TARGET/ (not when CI=true), where the normal test
# suite replays it, and the script fails. It ends by printing the
# executions and coverage of the run. FUZZ_LOG=FILE appends the result as
# a line of meson's testlog.json format, for build-aux/test-summary.py.
set -uo pipefail
cd "$(dirname "$0")/.."

if [ $# -lt 2 ]; then
  echo "usage: $0 TARGET SECONDS [libFuzzer options…]" >&2
  exit 2
fi
target=$1
seconds=$2
shift 2

if [ ! -f "tests/fuzz/fuzz-$target.c" ]; then
  echo "fuzz: no target “$target” (tests/fuzz/fuzz-$target.c)" >&2
  exit 2
fi

builddir=${FUZZ_BUILDDIR:-_build-fuzz}
clang=${FUZZ_CC:-clang-14}
log_result () {
  if [ -n "${FUZZ_LOG:-}" ]; then
    printf '{"name": "fuzz-%s", "result": "%s", "duration": %s}\n' \
      "$target" "$1" "$SECONDS" >> "$FUZZ_LOG"
  fi
}

if [ ! -f "$builddir/build.ninja" ]; then
  CC=$clang meson setup "$builddir" \
    -Dfuzzing=true \
    -Db_sanitize=address,undefined -Db_lundef=false \
    -Dc_args="-fsanitize=fuzzer-no-link -fno-sanitize-recover=undefined -fno-omit-frame-pointer" \
    -Dintrospection=disabled -Dvapi=disabled -Ddocumentation=disabled \
    -Dbenchmarks=false >/dev/null || { echo "fuzz: meson setup failed" >&2; log_result FAIL; exit 1; }
fi
# Two fuzz.sh runs may share a build folder: build one at a time.
if ! flock "$builddir/.fuzz-build.lock" ninja -C "$builddir" "tests/fuzz/fuzz-$target" \
       >"$builddir/fuzz-build-$target.log" 2>&1; then
  cat "$builddir/fuzz-build-$target.log" >&2
  echo "fuzz: building fuzz-$target failed" >&2
  log_result FAIL
  exit 1
fi

corpus=$builddir/fuzz-corpus/$target
artifacts=$builddir/fuzz-artifacts/$target
regression=tests/fuzz/regression/$target
mkdir -p "$corpus" "$artifacts" "$regression"
rm -f "$artifacts"/*

inputs=("tests/fuzz/seeds/$target" "$regression")
options=(-timeout=10 -rss_limit_mb=2048 -print_final_stats=1)
case $target in
  catalog)
    inputs+=(tests/data data/catalog)
    options+=(-dict=tests/fuzz/json.dict -max_len=16384)
    ;;
  date)
    options+=(-dict=tests/fuzz/date.dict -max_len=64)
    ;;
  snapshot)
    # The seeds are snapshots of small catalogs (a few kilobytes).
    options+=(-max_len=8192)
    ;;
  api)
    # Two bytes an operation, at most 200 operations (fuzz-api.c).
    options+=(-max_len=400)
    ;;
  cli)
    # main() run again and again leaks the tool's option values (see
    # fuzz-cli.c); the tool's messages on stderr are noise here.
    options+=(-dict=tests/fuzz/cli.dict -max_len=512 -detect_leaks=0 -close_fd_mask=2)
    ;;
  *)
    [ -f "tests/fuzz/$target.dict" ] && options+=(-dict="tests/fuzz/$target.dict")
    ;;
esac

export G_SLICE=always-malloc
export G_DEBUG=gc-friendly
export LC_ALL=C.UTF-8
export IIS_DATA_PATH=
# Every catalog a target makes checks what it caches after each change.
export IIS_DEBUG=invariants
leaks=1
# See the cli case above: its leaks are by design, at exit too.
[ "$target" = cli ] && leaks=0
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=$leaks:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/tests/lsan.supp:print_suppressions=0}

logfile=$builddir/fuzz-$target.log
echo "fuzz: $target for ${seconds}s, corpus $corpus"
# The target runs in a scratch folder: the tool's commands it fuzzes
# (export FILE, import -o FILE, convert) write files under names the
# fuzzer makes up, which must not land in the source tree.
root=$PWD
absolute () { case $1 in /*) printf '%s' "$1" ;; *) printf '%s' "$root/$1" ;; esac; }
abs_inputs=()
for input in "${inputs[@]}"; do abs_inputs+=("$(absolute "$input")"); done
abs_options=()
for option in "${options[@]}"; do
  case $option in
    -dict=*) abs_options+=("-dict=$(absolute "${option#-dict=}")") ;;
    *) abs_options+=("$option") ;;
  esac
done
scratch=$(mktemp -d)
(cd "$scratch" && "$(absolute "$builddir")/tests/fuzz/fuzz-$target" "${abs_options[@]}" \
   -max_total_time="$seconds" -artifact_prefix="$(absolute "$artifacts")/" "$@" \
   "$(absolute "$corpus")" "${abs_inputs[@]}") 2>&1 | tee "$logfile" | grep -v -E '^#[0-9]+.*(NEW|REDUCE|pulse)'
status=${PIPESTATUS[0]}
rm -rf "$scratch"

runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$logfile" | tail -1)
final=$(grep -E '^#[0-9]+.*cov: ' "$logfile" | tail -1)
cov=$(sed -n 's/.*cov: \([0-9]*\).*/\1/p' <<<"$final")
ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$final")
corp=$(sed -n 's/.* corp: \([^ ]*\).*/\1/p' <<<"$final")

found=$(find "$artifacts" -type f | sort)
if [ -n "$found" ]; then
  echo "fuzz: $target found inputs that break it:"
  for f in $found; do
    if [ "${CI:-}" != true ]; then
      kind=$(basename "$f" | cut -d- -f1)
      dest=$regression/$kind-$(sha1sum "$f" | cut -c1-16)
      cp "$f" "$dest"
      echo "  $f → $dest (now replayed by meson test)"
    else
      echo "  $f"
    fi
  done
  status=1
fi

echo "fuzz: $target: ${runs:-0} executions, cov: ${cov:-?} ft: ${ft:-?} corp: ${corp:-?}, exit status $status"
if [ "$status" -eq 0 ]; then log_result OK; else log_result FAIL; fi
exit "$status"
