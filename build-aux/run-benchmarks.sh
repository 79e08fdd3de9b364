#!/usr/bin/env bash
# run-benchmarks.sh: libiis against json-glib and SQLite, in one command
#
# Copyright 2026 The libiis authors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# From a fresh clone (after build-aux/install-deps.sh):
#
#   build-aux/run-benchmarks.sh
#
# configures a release build with -Dbenchmarks=true (in _build-benchmarks,
# or $BUILD_DIR), builds it, generates the seeded catalogs of 10k, 100k and
# 1M relations (tests/bench/gen-catalog.c, kept in $BUILD_DIR/bench-data),
# runs tests/bench/iis-bench over all three in one process (and over the
# uniform-random shape of issue 17, built through the API, at
# $UNIFORM_SIZES relations), then
# tests/bench/bench-python.py over the largest, and prints one table of
# ratios (tests/bench/bench-report.py). The full output also goes to
# $BUILD_DIR/bench-output.txt, the figures to $BUILD_DIR/bench-results.jsonl.
#
# Environment: BUILD_DIR, SIZES (default "10000 100000 1000000"),
# UNIFORM_SIZES (default "100000 1000000"; empty for none), RUNS
# (timed runs per figure, at least 5; default 5), SEED (default 1),
# SKIP_BUILD=1 (the build is up to date: the meson run target sets it),
# ACTIONS=1 (catalogs with the treaty actions of format 1.1 as well:
# gen-catalog --actions; kept apart, as catalog-N-seedS-actions.json).
# A difference between libiis's and SQLite's answers stops the run with
# status 1.

set -euo pipefail

src=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$src/_build-benchmarks}
sizes=${SIZES:-"10000 100000 1000000"}
uniform_sizes=${UNIFORM_SIZES-"100000 1000000"}
runs=${RUNS:-5}
seed=${SEED:-1}
actions=${ACTIONS:-0}
python=/usr/bin/python3

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  if [ ! -f "$build/build.ninja" ]; then
    meson setup "$build" "$src" --buildtype=release -Dbenchmarks=true
  else
    meson configure "$build" -Dbenchmarks=true
  fi
  ninja -C "$build"
fi

bench=$build/tests/bench/iis-bench
gen=$build/tests/bench/gen-catalog
if [ ! -x "$bench" ]; then
  echo "run-benchmarks: $bench is missing: is SQLite (libsqlite3-dev) installed?" >&2
  exit 1
fi

data=$build/bench-data
results=$build/bench-results.jsonl
output=$build/bench-output.txt
mkdir -p "$data"
: > "$results"

files=()
for n in $sizes; do
  if [ "$actions" = 1 ]; then
    f=$data/catalog-$n-seed$seed-actions.json
    extra=(--actions)
  else
    f=$data/catalog-$n-seed$seed.json
    extra=()
  fi
  if [ ! -s "$f" ]; then
    echo "run-benchmarks: generating $n relations"
    "$gen" --relations "$n" --seed "$seed" "${extra[@]}" --output "$f.tmp"
    mv "$f.tmp" "$f"
  fi
  files+=("$f")
done
largest=${files[${#files[@]}-1]}
uniform=()
for n in $uniform_sizes; do
  uniform+=("uniform:$n")
done

{
  echo "run-benchmarks: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores," \
       "$(LC_ALL=C lscpu | sed -n 's/^Model name: *//p' | head -1)," \
       "$(free -g | awk '/^Mem:/ { print $2 " GB" }'), buildtype" \
       "$(meson introspect "$build" --buildoptions | "$python" -c \
           'import json, sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == "buildtype"))')"
  echo "run-benchmarks: load average $(cut -d' ' -f1-3 /proc/loadavg) before the run"

  "$bench" --runs "$runs" --results "$results" "${files[@]}" "${uniform[@]}"

  if [ -f "$build/libiis/Iis-1.0.typelib" ] && "$python" -c 'import gi' 2>/dev/null; then
    PYTHONPATH=$src/bindings/python${PYTHONPATH:+:$PYTHONPATH} \
    GI_TYPELIB_PATH=$build/libiis${GI_TYPELIB_PATH:+:$GI_TYPELIB_PATH} \
    LD_LIBRARY_PATH=$build/libiis${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH} \
      "$python" "$src/tests/bench/bench-python.py" --c-bench "$bench" \
        --results "$results" "$largest"
  else
    echo "run-benchmarks: no typelib or no PyGObject: the Python figures are left out"
  fi

  echo
  echo "run-benchmarks: load average $(cut -d' ' -f1-3 /proc/loadavg) after the run"
  echo
  "$python" "$src/tests/bench/bench-report.py" "$results"
} 2>&1 | tee "$output"
exit "${PIPESTATUS[0]}"
