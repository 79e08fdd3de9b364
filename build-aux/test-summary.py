#!/usr/bin/env python3
"""Print one 'N passed, N failed' line from meson's testlog.json files.

Each argument is a meson-logs/testlog*.json (one JSON object a line), or
the log build-aux/fuzz.sh writes in the same format (FUZZ_LOG); each
meson test or fuzz run counts once, whatever it runs inside. A line per
file (to stderr) says where the counts come from and names what failed.
"""
import json
import sys

passed = failed = skipped = 0
for path in sys.argv[1:]:
    file_passed = file_failed = file_skipped = 0
    failures = []
    try:
        with open(path, encoding="utf-8") as f:
            lines = f.readlines()
    except FileNotFoundError:
        print(f"test-summary: {path} is missing", file=sys.stderr)
        failed += 1
        continue
    for line in lines:
        line = line.strip()
        if not line:
            continue
        entry = json.loads(line)
        result = entry.get("result")
        if result in ("OK", "EXPECTEDFAIL"):
            file_passed += 1
        elif result == "SKIP":
            file_skipped += 1
        else:
            file_failed += 1
            failures.append(f"{entry.get('name', '?')} ({result})")
    print(f"test-summary: {path}: {file_passed} ok, {file_failed} not ok, "
          f"{file_skipped} skipped" + (": " + ", ".join(failures) if failures else ""),
          file=sys.stderr)
    passed += file_passed
    failed += file_failed
    skipped += file_skipped

print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed else 0)
