#!/usr/bin/python3
# check-snippets.py: the code in the guide pages is code that runs
#
# Copyright 2026 The libiis authors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Usage: check-snippets.py --source-root DIR PAGE.md…
#
# Every fenced block of C, Python, JavaScript or Vala in the pages must be
# preceded by one of two markers (HTML comments, invisible in the docs):
#
#   <!-- example: examples/sco-members.py -->
#       the block is an excerpt of that example, verbatim; the examples
#       suite runs the example and checks its output;
#   <!-- run: python -->  or  <!-- run: js -->
#       the block is a whole program, run here with /usr/bin/python3 or
#       `gjs -m`; it must exit with status 0 (its asserts hold). It finds
#       the source tree (tests/data/ …) in $IIS_SOURCE_ROOT.
#
# The environment (GI_TYPELIB_PATH, LD_LIBRARY_PATH, PYTHONPATH) comes from
# the test that runs this script.

import argparse
import os
import re
import subprocess
import sys
import tempfile

CODE_LANGUAGES = {'c', 'python', 'js', 'javascript', 'vala'}
MARKER = re.compile(r'<!--\s*(example|run):\s*(\S+)\s*-->')
FENCE = re.compile(r'^(```+|~~~+)\s*([\w+-]*)\s*$')


def blocks(path):
    """Yield (line number, language, marker, text) for each fenced block."""
    with open(path, encoding='utf-8') as f:
        lines = f.read().split('\n')
    i = 0
    marker = None
    while i < len(lines):
        line = lines[i]
        m = MARKER.fullmatch(line.strip())
        if m:
            marker = (m.group(1), m.group(2))
            i += 1
            continue
        fence = FENCE.match(line)
        if fence:
            start = i + 1
            end = start
            while end < len(lines) and lines[end].strip() != fence.group(1):
                end += 1
            if end == len(lines):
                raise SystemExit(f'{path}:{i + 1}: unterminated code block')
            yield i + 1, fence.group(2).lower(), marker, '\n'.join(lines[start:end]) + '\n'
            i = end + 1
            marker = None
            continue
        if line.strip():
            marker = None
        i += 1


def run_snippet(kind, text, where, source_root):
    suffix = {'python': '.py', 'js': '.js'}.get(kind)
    if suffix is None:
        return f'{where}: cannot run “{kind}” snippets'
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, 'snippet' + suffix)
        with open(path, 'w', encoding='utf-8') as f:
            f.write(text)
        command = ['/usr/bin/python3', path] if kind == 'python' else ['gjs', '-m', path]
        # A snippet finds the test fixtures it reads through IIS_SOURCE_ROOT.
        env = dict(os.environ, IIS_SOURCE_ROOT=os.path.abspath(source_root))
        result = subprocess.run(command, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, text=True, cwd=tmp, env=env)
    if result.returncode != 0:
        return f'{where}: the snippet failed (status {result.returncode}):\n{result.stdout}'
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--source-root', required=True)
    parser.add_argument('pages', nargs='+')
    args = parser.parse_args()

    count = 0
    failed = 0

    def report(where, error, what):
        nonlocal count, failed
        count += 1
        if error:
            failed += 1
            print(f'not ok {count} - {where}')
            for line in error.rstrip().split('\n'):
                print(f'# {line}')
        else:
            print(f'ok {count} - {where} ({what})')

    for page in args.pages:
        for line, language, marker, text in blocks(page):
            where = f'{os.path.basename(page)}:{line}'
            if language not in CODE_LANGUAGES:
                continue
            if marker is None:
                report(where, f'a {language} block without an example: or run: marker', None)
                continue
            kind, value = marker
            error = None
            if kind == 'example':
                example = os.path.join(args.source_root, value)
                if not os.path.isfile(example):
                    error = f'no such example {value}'
                else:
                    with open(example, encoding='utf-8') as f:
                        if text not in f.read():
                            error = f'the block is not an excerpt of {value}'
            else:
                error = run_snippet(value, text, where, args.source_root)
            report(where, error, f'{kind}: {value}')

    print(f'1..{count}')
    return 1 if failed or count == 0 else 0


if __name__ == '__main__':
    sys.exit(main())
