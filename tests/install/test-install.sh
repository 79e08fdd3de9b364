#!/usr/bin/env bash
# test-install.sh: install libiis into a temporary DESTDIR and use it
#
# Copyright 2026 The libiis authors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Usage: test-install.sh BUILDDIR SOURCEDIR PREFIX LIBDIR PYTHON_OVERRIDES_DIR
#                        WITH_GIR WITH_VAPI WITH_DOCS
#
# Runs `meson install --destdir` into a temporary folder, checks that the
# headers, libiis-1.0.pc, the GIR, the typelib, the VAPI, the Python
# overrides and the reference land in their conventional places, then
# builds the C example against the installed pkg-config file and runs it
# against the installed library, and runs the Python, JavaScript and Vala
# examples against the installed typelib, overrides and VAPI. Nothing of
# the build folder is on any search path while the examples run.

set -euo pipefail

builddir=$1
srcdir=$2
prefix=$3
libdir=$4
overridesdir=$5
with_gir=$6
with_vapi=$7
with_docs=$8

tmp=$(mktemp -d "${TMPDIR:-/tmp}/libiis-install-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
root=$tmp/root

step=0
ok () {
  step=$((step + 1))
  echo "ok $step - $*"
}
fail () {
  echo "not ok - $*" >&2
  exit 1
}
expect_file () {
  [ -f "$root$1" ] || fail "not installed: $1"
  ok "installed $1"
}

# Start from a clean environment: nothing from the build folder.
unset GI_TYPELIB_PATH LD_LIBRARY_PATH PYTHONPATH PKG_CONFIG_PATH
export IIS_DATA_PATH=
export XDG_DATA_HOME=$tmp/no-data-home XDG_DATA_DIRS=$tmp/no-data-dirs
export LC_ALL=C.UTF-8 PYTHONDONTWRITEBYTECODE=1
export G_DEBUG=fatal-warnings,fatal-criticals

meson install -C "$builddir" --no-rebuild --quiet --destdir "$root" >"$tmp/install.log" 2>&1 \
  || { cat "$tmp/install.log" >&2; fail "meson install"; }
ok "meson install --destdir"

expect_file "$prefix/include/libiis-1.0/libiis/iis.h"
expect_file "$prefix/include/libiis-1.0/libiis/iis-version.h"
expect_file "$prefix/include/libiis-1.0/libiis/iis-enum-types.h"
expect_file "$prefix/$libdir/pkgconfig/libiis-1.0.pc"
ls "$root$prefix/$libdir"/libiis-1.so.1* >/dev/null 2>&1 || fail "libiis-1.so.1 not installed"
ok "installed libiis-1.so.1"
if [ "$with_gir" = true ]; then
  expect_file "$prefix/share/gir-1.0/Iis-1.0.gir"
  expect_file "$prefix/$libdir/girepository-1.0/Iis-1.0.typelib"
  expect_file "$overridesdir/gi/overrides/Iis.py"
fi
if [ "$with_vapi" = true ]; then
  expect_file "$prefix/share/vala/vapi/libiis-1.0.vapi"
  expect_file "$prefix/share/vala/vapi/libiis-1.0.deps"
fi
if [ "$with_docs" = true ]; then
  expect_file "$prefix/share/doc/libiis-1.0/index.html"
  expect_file "$prefix/share/doc/libiis-1.0/class.Catalog.html"
  expect_file "$prefix/share/doc/libiis-1.0/python.html"
fi

# The installed pkg-config file, relocated into the DESTDIR: only its
# prefix changes, so GLib's own .pc files keep their system paths.
mkdir -p "$tmp/pkgconfig"
sed "s|^prefix=.*|prefix=$root$prefix|" "$root$prefix/$libdir/pkgconfig/libiis-1.0.pc" \
  > "$tmp/pkgconfig/libiis-1.0.pc"
export PKG_CONFIG_PATH=$tmp/pkgconfig
pkg-config --exists libiis-1.0 || fail "pkg-config does not find libiis-1.0"
[ "$(pkg-config --modversion libiis-1.0)" = "$(sed -n 's/^Version: //p' "$tmp/pkgconfig/libiis-1.0.pc")" ] \
  || fail "pkg-config version"
ok "pkg-config finds libiis-1.0"

# The man page's footer names the version of what was installed.
expect_file "$prefix/share/man/man1/iis.1"
grep -q "^\.TH IIS 1 .*\"libiis $(pkg-config --modversion libiis-1.0)\"" \
  "$root$prefix/share/man/man1/iis.1" || fail "the man page's footer does not say the version"
ok "the man page says libiis $(pkg-config --modversion libiis-1.0)"

check=$srcdir/examples/check-example.py
installed_lib=$root$prefix/$libdir

# C: build the example with the installed headers and library only.
# shellcheck disable=SC2046
cc -std=c11 -Wall -Werror -o "$tmp/sco-members" "$srcdir/examples/sco-members.c" \
  $(pkg-config --cflags --libs libiis-1.0) || fail "building the C example"
ok "built the C example against the installed pkg-config file"
LD_LIBRARY_PATH=$installed_lib /usr/bin/python3 "$check" sco-members -- "$tmp/sco-members" \
  >"$tmp/c.log" || { cat "$tmp/c.log"; fail "the C example"; }
LD_LIBRARY_PATH=$installed_lib ldd "$tmp/sco-members" >"$tmp/ldd.log"
grep -q "$installed_lib/libiis-1.so.1" "$tmp/ldd.log" \
  || fail "the C example did not use the installed library"
ok "ran the C example against the installed library"

# A program linked with the runpath pkg-config's libdir gives, as
# docs/overview.md says for a prefix outside the system's library path,
# runs with no LD_LIBRARY_PATH.
# shellcheck disable=SC2046
cc -std=c11 -Wall -Werror -o "$tmp/sco-members-rpath" "$srcdir/examples/sco-members.c" \
  $(pkg-config --cflags --libs libiis-1.0) \
  -Wl,-rpath,"$(pkg-config --variable=libdir libiis-1.0)" || fail "building the C example with a runpath"
/usr/bin/python3 "$check" sco-members -- "$tmp/sco-members-rpath" \
  >"$tmp/c-rpath.log" || { cat "$tmp/c-rpath.log"; fail "the C example with a runpath"; }
ok "ran the C example linked with a runpath, with no LD_LIBRARY_PATH"

# The installed `iis` finds the installed library by itself (its runpath
# is relative to the program, so the DESTDIR copy works as the real one).
if [ "$prefix" != /usr ]; then
  "$root$prefix/bin/iis" parties coe-ets-185 --at 2024-01-01 >"$tmp/iis.log" 2>&1 \
    || { cat "$tmp/iis.log"; fail "the installed iis without LD_LIBRARY_PATH"; }
  grep -q '^FR ' "$tmp/iis.log" || fail "the installed iis: no answer"
  used=$(ldd "$root$prefix/bin/iis" | sed -n 's/^[[:space:]]*libiis-1\.so\.1 => \(.*\) (0x.*$/\1/p')
  [ -n "$used" ] && [ "$(realpath "$used")" = "$(realpath "$installed_lib/libiis-1.so.1")" ] \
    || fail "the installed iis did not use the installed library (it uses ${used:-none})"
  ok "the installed iis runs with no LD_LIBRARY_PATH"
fi

if [ "$with_gir" = true ]; then
  export GI_TYPELIB_PATH=$installed_lib/girepository-1.0
  export PYTHONPATH=$root$overridesdir
  LD_LIBRARY_PATH=$installed_lib /usr/bin/python3 - <<EOF || fail "the installed overrides"
import gi
gi.require_version('Iis', '1.0')
from gi.repository import Iis
import gi.overrides.Iis as overrides
assert overrides.__file__.startswith('$root'), overrides.__file__
assert Iis.Catalog.new_default()['sco'].props.acronym == 'SCO'
EOF
  ok "Python loads the installed typelib and overrides"
  LD_LIBRARY_PATH=$installed_lib /usr/bin/python3 "$check" sco-members -- \
    /usr/bin/python3 "$srcdir/examples/sco-members.py" >"$tmp/py.log" \
    || { cat "$tmp/py.log"; fail "the Python example"; }
  ok "ran the Python example against the installed typelib"
  if command -v gjs >/dev/null; then
    LD_LIBRARY_PATH=$installed_lib /usr/bin/python3 "$check" sco-members -- \
      gjs -m "$srcdir/examples/sco-members.js" >"$tmp/js.log" \
      || { cat "$tmp/js.log"; fail "the JavaScript example"; }
    ok "ran the JavaScript example against the installed typelib"
  fi
fi

if [ "$with_vapi" = true ] && command -v valac >/dev/null; then
  build_vala () {
    (cd "$tmp" && valac --quiet --vapidir "$root$prefix/share/vala/vapi" --pkg libiis-1.0 \
       -X -w "$@" -o sco-members-vala "$srcdir/examples/sco-members.vala") >"$tmp/valac.log" 2>&1
  }
  # valac compares each symbol's "Since" with the version pkg-config
  # reports for libiis-1.0, so this also checks that they agree.
  build_vala || { cat "$tmp/valac.log"; fail "building the Vala example against the installed VAPI"; }
  ok "built the Vala example against the installed VAPI"
  LD_LIBRARY_PATH=$installed_lib /usr/bin/python3 "$check" sco-members -- \
    "$tmp/sco-members-vala" >"$tmp/vala.log" || { cat "$tmp/vala.log"; fail "the Vala example"; }
  ok "ran the Vala example"
fi

echo "1..$step"
