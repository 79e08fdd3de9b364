#!/usr/bin/env bash
# Install the Debian 12 packages libiis needs to build, test and document.
# Run as root (or through sudo). Safe to run again.
set -euo pipefail

packages=(
  # build
  meson ninja-build pkg-config gcc
  libglib2.0-dev libglib2.0-dev-bin libjson-glib-dev
  # bundled catalog: countries and their translated names
  iso-codes
  # introspection and bindings
  gobject-introspection libgirepository1.0-dev valac
  python3-gi python3-pytest python3-jsonschema gjs
  # data exchange tests: SPARQL over the linked-data export, data frames
  python3-rdflib python3-pandas
  # documentation
  gi-docgen
  # checking: valgrind, sanitizers, libFuzzer, DOT output, benchmarks
  valgrind clang-14 libclang-rt-14-dev graphviz libsqlite3-dev
  # charts (iis chart, iis report): cairo and pango, fonts for the scripts
  # of the catalog's labels: Latin, Cyrillic, Greek, Armenian, Georgian,
  # Arabic (DejaVu), CJK (WenQuanYi Micro Hei), Devanagari (Lohit), Khmer;
  # xmllint and headless Chromium check the SVG and the HTML report
  libcairo2-dev libpango1.0-dev fonts-dejavu-core fonts-wqy-microhei
  fonts-lohit-deva fonts-khmeros libxml2-utils chromium
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages are installed"
  exit 0
fi

SUDO=
if [ "$(id -u)" -ne 0 ]; then
  SUDO=sudo
fi

echo "install-deps: installing ${missing[*]}"
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
