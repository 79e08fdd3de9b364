#!/usr/bin/env bash
# test-devenv.sh: use the uninstalled build from `meson devenv` alone
#
# Copyright 2026 The libiis authors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Usage: test-devenv.sh MESON BUILDDIR SOURCEDIR PYTHON WITH_GIR WITH_VAPI
#
# What docs/overview.md promises ("Using the build without installing"):
# inside `meson devenv -C BUILDDIR`, with nothing else in the environment
# (env -i: a PATH to the system's programs and a HOME), a C program
# builds with `pkg-config --cflags --libs libiis-1.0` and `#include
# <libiis/iis.h>`, Python (with the overrides), GJS and Vala programs use
# the build's library, and `iis` on PATH is the build's.

set -euo pipefail

meson=$1
builddir=$(cd "$2" && pwd)
srcdir=$(cd "$3" && pwd)
python=$4
with_gir=$5
with_vapi=$6

tmp=$(mktemp -d "${TMPDIR:-/tmp}/libiis-devenv-XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# What runs inside the development environment; it prints TAP lines.
cat >"$tmp/inside.sh" <<'EOF'
set -u
srcdir=$1 builddir=$2 python=$3 with_gir=$4 with_vapi=$5 tmp=$6
check=$srcdir/examples/check-example.py
step=0
result () {
  step=$((step + 1))
  if [ "$1" -eq 0 ]; then echo "ok $step - $2"; else echo "not ok $step - $2"; sed 's/^/# /' "$tmp/log"; fi
}

[ "$(command -v iis)" = "$builddir/tools/iis" ] && iis parties coe-ets-185 --at 2024-01-01 >"$tmp/log" 2>&1 \
  && grep -q '^FR ' "$tmp/log"
result $? "iis on PATH is the build's and answers"

cc -std=c11 -Wall -Werror -o "$tmp/sco-members" "$srcdir/examples/sco-members.c" \
  $(pkg-config --cflags --libs libiis-1.0) >"$tmp/log" 2>&1
result $? "a C program with #include <libiis/iis.h> builds with pkg-config libiis-1.0"
{ "$python" "$check" sco-members -- "$tmp/sco-members" && ldd "$tmp/sco-members" \
    | grep -q "$builddir/libiis/libiis-1.so.1"; } >"$tmp/log" 2>&1
result $? "the C program runs against the build's libiis-1.so"

if [ "$with_gir" = true ]; then
  "$python" - "$srcdir" >"$tmp/log" 2>&1 <<'PY'
import sys
import gi
gi.require_version('Iis', '1.0')
from gi.repository import Iis
import gi.overrides.Iis
assert gi.overrides.Iis.__file__.startswith(sys.argv[1]), gi.overrides.Iis.__file__
catalog = Iis.Catalog.new_default()
members = catalog.get_members('sco', role='member', at='2018-01-01')
assert Iis.Date('2017-06-09') == Iis.Date.parse('2017-06-09')
assert 'IN' in [m.props.id for m in members], list(members)
PY
  result $? "Python: the build's typelib and the source tree's overrides"
  "$python" "$check" sco-members -- "$python" "$srcdir/examples/sco-members.py" >"$tmp/log" 2>&1
  result $? "the Python example"
  if command -v gjs >/dev/null; then
    "$python" "$check" sco-members -- gjs -m "$srcdir/examples/sco-members.js" >"$tmp/log" 2>&1
    result $? "the JavaScript example"
  fi
fi

if [ "$with_vapi" = true ] && command -v valac >/dev/null; then
  (cd "$tmp" && valac --quiet --vapidir "$(pkg-config --variable=vapidir libiis-1.0)" \
     --pkg libiis-1.0 -X -w -o sco-members-vala \
     "$srcdir/examples/sco-members.vala") >"$tmp/log" 2>&1
  result $? "the Vala example builds with the vapidir pkg-config gives"
  "$python" "$check" sco-members -- "$tmp/sco-members-vala" >"$tmp/log" 2>&1
  result $? "the Vala example runs"
fi
echo "1..$step"
EOF

env -i HOME="$tmp" PATH=/usr/bin:/bin \
  "$meson" devenv -C "$builddir" \
  bash "$tmp/inside.sh" "$srcdir" "$builddir" "$python" "$with_gir" "$with_vapi" "$tmp" \
  >"$tmp/tap" 2>"$tmp/stderr" || true
cat "$tmp/tap"
if ! grep -q '^1\.\.[1-9]' "$tmp/tap"; then
  echo "not ok - meson devenv did not run the checks"
  sed 's/^/# /' "$tmp/stderr"
  exit 1
fi
! grep -q '^not ok' "$tmp/tap"
