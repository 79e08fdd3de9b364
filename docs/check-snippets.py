#!/usr/bin/python3
# check-snippets.py: the code in README.md and the guide pages is code that runs
#
# Copyright 2026 The libiis authors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Usage: check-snippets.py --source-root DIR [--build-root DIR] [--meson PROG]
#                          [--all-pages DIR] PAGE.md…
#
# Every fenced block with a language (C, Python, JavaScript, Vala, sh,
# JSON) must be preceded by one of these markers (HTML comments,
# invisible in the docs); blocks with no language (messages, outlines)
# are text:
#
#   <!-- example: examples/sco-members.py -->
#       the block is an excerpt of that example, verbatim; the examples
#       suite runs the example and checks its output;
#   <!-- run: python -->  or  <!-- run: js -->
#       the block is a whole program, run here with /usr/bin/python3 or
#       `gjs -m`; it must exit with status 0 (its asserts hold); it finds
#       the source tree (tests/data/ …) in $IIS_SOURCE_ROOT;
#   <!-- fragment: c -->, <!-- fragment: python -->, <!-- fragment: js -->
#       the block is a few statements: they run inside `int main (void)`
#       after `#include <libiis/iis.h>` (built with `pkg-config --cflags
#       --libs libiis-1.0`, warnings fatal), or after the import of Iis;
#   <!-- run: sh -->
#       the commands run with `bash -e` in a scratch folder that holds the
#       source tree (by links) and `_build`, the build; a block whose
#       first line is `meson devenv -C _build [-w .]` runs the rest in
#       that development environment (in the build folder without -w .),
#       with nothing else in the environment;
#   <!-- transcript: sh -->
#       `$ COMMAND` lines, each followed by what it prints: run as above,
#       the output must be the same;
#   <!-- check: sh -->
#       commands that the suite cannot run (installing packages, the whole
#       suite, a benchmark, an install under $HOME): the block must parse
#       (`bash -n`), the files of the tree it names must exist, and its
#       `iis` commands run against the build and succeed;
#   <!-- run: json -->
#       a catalog document, loaded into an empty catalog; "…" stands for
#       elided content and is removed first.
#
# The environment (GI_TYPELIB_PATH, LD_LIBRARY_PATH, PYTHONPATH,
# PKG_CONFIG_PATH, PATH with the build's iis) comes from the test that
# runs this script. With --all-pages, every *.md of that folder must be
# among the pages, and those pages must link to each other as .html (the
# reference is HTML).

import argparse
import glob
import os
import re
import shlex
import subprocess
import sys
import tempfile

CODE_LANGUAGES = {'c', 'python', 'js', 'javascript', 'vala', 'sh', 'json'}
MARKER = re.compile(r'<!--\s*(example|run|fragment|transcript|check):\s*(\S+)\s*-->')

MARKDOWN_LINK = re.compile(r'\]\(([\w.-]+\.md)(?:#[^)]*)?\)')

FRAGMENT_PRELUDES = {
    'python': "import gi\ngi.require_version('Iis', '1.0')\nfrom gi.repository import Iis\n\n",
    'js': "import Iis from 'gi://Iis?version=1.0';\n\n",
}
# Variables through which the test gives the build; a `meson devenv`
# block must do without them.
BUILD_VARIABLES = ('GI_TYPELIB_PATH', 'LD_LIBRARY_PATH', 'PYTHONPATH', 'PKG_CONFIG_PATH')
DEVENV = re.compile(r'^meson devenv -C _build(\s+(?:-w|--workdir)\s+\.)?\s*$')
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


def run_command(command, where, cwd, env=None, stdin=None):
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, cwd=cwd, env=env, input=stdin)
    if result.returncode != 0:
        return f'{where}: the snippet failed (status {result.returncode}):\n{result.stdout}'
    return None


def run_snippet(kind, text, where):
    suffix = {'python': '.py', 'js': '.js'}.get(kind)
    if suffix is None:
        return f'{where}: cannot run “{kind}” snippets'
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, 'snippet' + suffix)
        with open(path, 'w', encoding='utf-8') as f:
            f.write(text)
        command = ['/usr/bin/python3', path] if kind == 'python' else ['gjs', '-m', path]
        return run_command(command, where, tmp)


def run_fragment(kind, text, where):
    if kind in FRAGMENT_PRELUDES:
        return run_snippet(kind, FRAGMENT_PRELUDES[kind] + text, where)
    if kind != 'c':
        return f'{where}: cannot run “{kind}” fragments'
    body = ''.join('  ' + line + '\n' if line else '\n' for line in text.rstrip('\n').split('\n'))
    program = f'#include <libiis/iis.h>\n\nint\nmain (void)\n{{\n{body}  return 0;\n}}\n'
    with tempfile.TemporaryDirectory() as tmp:
        source = os.path.join(tmp, 'snippet.c')
        with open(source, 'w', encoding='utf-8') as f:
            f.write(program)
        flags = subprocess.run(['pkg-config', '--cflags', '--libs', 'libiis-1.0'],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if flags.returncode != 0:
            return f'{where}: pkg-config libiis-1.0 failed:\n{flags.stdout}'
        error = run_command(['cc', '-std=c11', '-Wall', '-Wextra', '-Werror', '-o',
                             os.path.join(tmp, 'snippet'), source] + shlex.split(flags.stdout),
                            where, tmp)
        if error:
            return error + '\n' + program
        return run_command([os.path.join(tmp, 'snippet')], where, tmp)


class Scratch:
    """A folder that looks like the source tree with `_build` in it."""

    def __init__(self, source_root, build_root):
        self.tmp = tempfile.TemporaryDirectory()
        self.path = self.tmp.name
        for name in os.listdir(source_root):
            if not name.startswith('_build'):
                os.symlink(os.path.join(source_root, name), os.path.join(self.path, name))
        if build_root:
            os.symlink(build_root, os.path.join(self.path, '_build'))

    def __enter__(self):
        return self.path

    def __exit__(self, *args):
        self.tmp.cleanup()


def run_shell(text, where, args):
    lines = text.rstrip('\n').split('\n')
    with Scratch(args.source_root, args.build_root) as cwd:
        devenv = DEVENV.match(lines[0])
        if devenv:
            # What the user types into the shell `meson devenv` opens, from
            # the folder it was started in; the build reaches it only
            # through meson devenv.
            env = {'HOME': cwd, 'PATH': '/usr/bin:/bin', 'LC_ALL': 'C.UTF-8',
                   'IIS_DATA_PATH': '', 'XDG_DATA_HOME': os.path.join(cwd, 'no-data-home'),
                   'XDG_DATA_DIRS': os.path.join(cwd, 'no-data-dirs')}
            # A sanitized build's runtime belongs to the build, not to the
            # user: the suite's preload and options go along.
            for name in ('LD_PRELOAD', 'ASAN_OPTIONS', 'UBSAN_OPTIONS', 'LSAN_OPTIONS'):
                if name in os.environ:
                    env[name] = os.environ[name]
            # Without -w, meson devenv starts in the build folder.
            command = [args.meson, 'devenv', '-C', '_build',
                       '-w', '.' if devenv.group(1) else '_build',
                       'bash', '-e', '-o', 'pipefail', '-s']
            return run_command(command, where, cwd, env=env, stdin='\n'.join(lines[1:]) + '\n')
        return run_command(['bash', '-e', '-o', 'pipefail', '-s'], where, cwd, stdin=text)


def run_transcript(text, where, args):
    steps = []
    for line in text.rstrip('\n').split('\n'):
        if line.startswith('$ '):
            steps.append((line[2:], []))
        elif steps:
            steps[-1][1].append(line.rstrip())
        else:
            return f'{where}: a transcript starts with a “$ ” line'
    with Scratch(args.source_root, args.build_root) as cwd:
        for command, expected in steps:
            result = subprocess.run(['bash', '-e', '-o', 'pipefail', '-c', command],
                                    stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                    text=True, cwd=cwd)
            got = [line.rstrip() for line in result.stdout.rstrip('\n').split('\n')]
            if got != expected:
                return (f'{where}: “{command}” printed (status {result.returncode}):\n'
                        + '\n'.join(got) + '\nnot:\n' + '\n'.join(expected))
    return None


SHELL_SEPARATORS = re.compile(r'&&|\|\||[;|\n]')


def check_shell(text, where, args):
    parsed = subprocess.run(['bash', '-n'], input=text, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    if parsed.returncode != 0:
        return f'{where}: bash -n:\n{parsed.stdout}'
    joined = text.replace('\\\n', ' ')
    for word in shlex.split(joined, comments=True):
        if ('/' in word and not word.startswith(('_build', '-', '/', '$', '[', '~'))
                and not any(c in word for c in '$=*?[]{}()')
                and not os.path.exists(os.path.join(args.source_root, word))):
            return f'{where}: no such file in the tree: {word}'
    with Scratch(args.source_root, args.build_root) as cwd:
        for command in SHELL_SEPARATORS.split(joined):
            try:
                words = shlex.split(command, comments=True)
            except ValueError:
                # A separator inside quotes (an SQL statement passed to
                # another program) cut it: bash -n above parsed the whole.
                continue
            if words and words[0] in ('iis', '_build/tools/iis'):
                error = run_command(['bash', '-e', '-c', command.strip()], where, cwd)
                if error:
                    return error
    return None


def run_json(text, where):
    import gi
    gi.require_version('Iis', '1.0')
    from gi.repository import GLib, Iis
    try:
        Iis.Catalog().load_from_data(text.replace('…', ''))
    except GLib.Error as error:
        return f'{where}: the document does not load: {error.message}'
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--source-root', required=True)
    parser.add_argument('--build-root')
    parser.add_argument('--meson', default='meson')
    parser.add_argument('--all-pages')
    parser.add_argument('pages', nargs='+')
    args = parser.parse_args()
    # A snippet finds the test fixtures it reads (tests/data/ …) through
    # IIS_SOURCE_ROOT.
    os.environ['IIS_SOURCE_ROOT'] = os.path.abspath(args.source_root)

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

    if args.all_pages:
        given = {os.path.realpath(page) for page in args.pages}
        for page in sorted(glob.glob(os.path.join(args.all_pages, '*.md'))):
            if os.path.realpath(page) not in given:
                report(os.path.basename(page), 'a page whose code is not checked', None)

    for page in args.pages:
        # In the reference, the guide pages are HTML: a link to a page's
        # Markdown file is a broken link there.
        if args.all_pages and os.path.dirname(os.path.realpath(page)) \
                == os.path.realpath(args.all_pages):
            with open(page, encoding='utf-8') as f:
                for number, text in enumerate(f, 1):
                    for target in MARKDOWN_LINK.findall(text):
                        report(f'{os.path.basename(page)}:{number}',
                               f'a link to {target}: link to the page as .html', None)

        for line, language, marker, text in blocks(page):
            where = f'{os.path.basename(page)}:{line}'
            if language not in CODE_LANGUAGES:
                continue
            if marker is None:
                report(where, f'a {language} block without a marker (see check-snippets.py)', None)
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
            elif kind == 'fragment':
                error = run_fragment(value, text, where)
            elif kind == 'transcript':
                error = run_transcript(text, where, args)
            elif kind == 'check':
                error = check_shell(text, where, args)
            elif value == 'sh':
                error = run_shell(text, where, args)
            elif value == 'json':
                error = run_json(text, where)
            else:
                error = run_snippet(value, text, where)
            report(where, error, f'{kind}: {value}')

    print(f'1..{count}')
    return 1 if failed or count == 0 else 0


if __name__ == '__main__':
    sys.exit(main())
