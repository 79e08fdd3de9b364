#!/usr/bin/env python3
"""Check that a shared library exports only iis_* symbols.

Usage: check-exports.py LIBRARY
"""
import subprocess
import sys

out = subprocess.run(["nm", "-D", "--defined-only", sys.argv[1]],
                     check=True, capture_output=True, text=True).stdout
symbols = [line.split()[-1] for line in out.splitlines() if line.strip()]
stray = [s for s in symbols if not s.startswith("iis_")]
print(f"{len(symbols)} exported symbols, {len(stray)} without the iis_ prefix")
for s in stray:
    print("  not iis_:", s)
if not symbols or stray:
    sys.exit(1)
