#!/usr/bin/python3
# dos-costs.py: what hostile or churning input costs, at three sizes
#
# Copyright 2026 The libiis authors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
#   /usr/bin/python3 tests/bench/dos-costs.py [--build BUILD] [--quick]
#                                             [--only CASE …]
#
# Measures the costs of issue #19's findings 6-10 (and colliding ids)
# with the library of BUILD (default _build): each case at three sizes,
# each size in a fresh child process, printing the time of the step
# measured and the child's peak resident memory, and the ratio of each
# size's time to the previous size's (2 for linear growth at doubling
# sizes, 4 for quadratic). Run it against a build of an older commit to
# see the costs before a fix. It asserts nothing and is no test: times
# depend on the machine.
#
# Cases (the step timed is in brackets):
#
#   validate       n identical, overlapping memberships [validate()]
#   names          one object of n member names sharing one g_str_hash()
#                  value [load]
#   ids            n entities whose ids share one g_str_hash() value [load]
#   unknown        a top-level unknown member [0,0,…] of n values [load]
#   stream         load_from_file() of /dev/zero (one size: the 2 GiB limit)
#                  and a data folder holding a link to it [new_default()]
#   remove         remove_entity() of an entity with n relations to a hub
#                  that has n other members [remove]
#   edits          n edits of one qualifier of one relation [the edits]
#   cycles         n relations added and removed, each with its own
#                  role, qualifier and source [the cycles]

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

HEADER = '"format": "libiis-catalog", "version": "1.0"'

SIZES = {
    'validate': [1000, 2000, 4000],
    'names': [2500, 5000, 10000],
    'ids': [10000, 20000, 40000],
    'unknown': [5000000, 10000000, 20000000],
    'stream': [0],
    'remove': [40000, 80000, 160000],
    'edits': [75000, 150000, 300000],
    'cycles': [25000, 50000, 100000],
}
QUICK = {
    'validate': [250, 500, 1000],
    'names': [1000, 2000, 4000],
    'ids': [2500, 5000, 10000],
    'unknown': [500000, 1000000, 2000000],
    'stream': [],
    'remove': [10000, 20000, 40000],
    'edits': [20000, 40000, 80000],
    'cycles': [5000, 10000, 20000],
}


def colliding(n):
    """n distinct strings with one g_str_hash() value ("Aa" and "B@"
    blocks: 'A' * 33 + 'a' == 'B' * 33 + '@')."""
    k = max(1, (n - 1).bit_length())
    return [''.join('B@' if (i >> b) & 1 else 'Aa' for b in range(k))
            for i in range(n)]


def load(catalog, doc):
    data = doc.encode()
    try:
        catalog.load_from_data(data.decode(), len(data))
        return 'loaded'
    except Exception as e:  # GLib.Error
        return 'refused: ' + str(e).split(': ', 1)[-1][:70]


# ---- The child: one case at one size ------------------------------------

def child(case, n):
    import gi
    gi.require_version('Iis', '1.0')
    from gi.repository import Gio, Iis

    catalog = Iis.Catalog.new()
    note = ''

    if case == 'validate':
        rels = ','.join('{"kind": "member-of", "subject": "s", "object": "o"}'
                        for _ in range(n))
        doc = ('{%s, "entities": [{"type": "state", "id": "s"}, '
               '{"type": "organization", "id": "o"}], "relations": [%s]}' % (HEADER, rels))
        assert load(catalog, doc) == 'loaded'
        start = time.perf_counter()
        problems = catalog.validate()
        seconds = time.perf_counter() - start
        note = '%d problems' % problems.get_n_items()

    elif case == 'names':
        members = ', '.join('"%s": 0' % name for name in colliding(n))
        doc = ('{%s, "entities": [{"type": "state", "id": "s", "x": {%s}}]}'
               % (HEADER, members))
        start = time.perf_counter()
        note = load(catalog, doc)
        seconds = time.perf_counter() - start
        note += ', %d KB' % (len(doc) // 1024)

    elif case == 'ids':
        entities = ', '.join('{"type": "state", "id": "%s"}' % name for name in colliding(n))
        doc = '{%s, "entities": [%s]}' % (HEADER, entities)
        start = time.perf_counter()
        note = load(catalog, doc)
        seconds = time.perf_counter() - start
        note += ', %d KB' % (len(doc) // 1024)

    elif case == 'unknown':
        doc = '{%s, "x": [%s]}' % (HEADER, ','.join(['0'] * n))
        start = time.perf_counter()
        note = load(catalog, doc)
        seconds = time.perf_counter() - start
        note += ', %d MB' % (len(doc) >> 20)

    elif case == 'stream':
        start = time.perf_counter()
        try:
            catalog.load_from_file(Gio.File.new_for_path('/dev/zero'), None)
            note = 'loaded'
        except Exception as e:
            note = 'refused: ' + str(e)[:60]
        seconds = time.perf_counter() - start

    elif case == 'stream-folder':
        folder = tempfile.mkdtemp(prefix='dos-costs-')
        os.symlink('/dev/zero', os.path.join(folder, 'zero.json'))
        os.environ['IIS_DATA_PATH'] = folder
        start = time.perf_counter()
        Iis.Catalog.new_default()
        seconds = time.perf_counter() - start
        os.unlink(os.path.join(folder, 'zero.json'))
        os.rmdir(folder)
        note = 'new_default() with a link to /dev/zero'

    elif case == 'remove':
        states = ', '.join('{"type": "state", "id": "s%d"}' % i for i in range(n))
        rels = ', '.join('{"kind": "member-of", "subject": "s%d", "object": "hub"}, '
                         '{"kind": "member-of", "subject": "e", "object": "hub", '
                         '"start": "%d"}' % (i, 1000 + i % 1000) for i in range(n))
        doc = ('{%s, "entities": [{"type": "organization", "id": "hub"}, '
               '{"type": "organization", "id": "e"}, %s], "relations": [%s]}'
               % (HEADER, states, rels))
        assert load(catalog, doc) == 'loaded'
        hub = catalog.lookup('hub')
        catalog.get_members(hub, None, None)   # sorts the hub's arrays
        start = time.perf_counter()
        catalog.remove_entity(catalog.lookup('e'))
        seconds = time.perf_counter() - start
        note = '%d relations left' % catalog.get_n_relations()

    elif case == 'edits':
        doc = ('{%s, "entities": [{"type": "state", "id": "s"}, '
               '{"type": "organization", "id": "o"}], "relations": '
               '[{"kind": "member-of", "subject": "s", "object": "o"}]}' % HEADER)
        assert load(catalog, doc) == 'loaded'
        relation = catalog.list_relations(None, Iis.RelationKind.ANY, None).get_item(0)
        start = time.perf_counter()
        for i in range(n):
            relation.set_qualifier('note', 'value %d' % i)
        seconds = time.perf_counter() - start

    elif case == 'cycles':
        doc = ('{%s, "entities": [{"type": "state", "id": "s"}, '
               '{"type": "organization", "id": "o"}]}' % HEADER)
        assert load(catalog, doc) == 'loaded'
        s, o = catalog.lookup('s'), catalog.lookup('o')
        start = time.perf_counter()
        for i in range(n):
            r = Iis.Relation(kind=Iis.RelationKind.MEMBER_OF, subject=s, object=o,
                             role='role %d' % i)
            r.set_qualifier('note', 'value %d' % i)
            r.add_source(Iis.Source(title='source %d' % i))
            catalog.add_relation(r)
            catalog.remove_relation(r)
        seconds = time.perf_counter() - start

    else:
        raise SystemExit('unknown case ' + case)

    print(json.dumps({'seconds': seconds, 'note': note}))


# ---- The parent: every case, each size in its own process ---------------

def run(build, case, n):
    env = dict(os.environ)
    lib = os.path.join(os.path.abspath(build), 'libiis')
    env['GI_TYPELIB_PATH'] = lib
    env['LD_LIBRARY_PATH'] = lib
    env['IIS_DATA_PATH'] = ''
    env['XDG_DATA_DIRS'] = '/nonexistent'
    env['XDG_DATA_HOME'] = '/nonexistent'
    proc = subprocess.Popen([sys.executable, os.path.abspath(__file__), '--child', case, str(n)],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    if status != 0 or not out.strip():
        return None, usage.ru_maxrss / 1024, 'failed (status %d)' % status
    result = json.loads(out.decode().strip().splitlines()[-1])
    return result['seconds'], usage.ru_maxrss / 1024, result['note']


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--build', default='_build')
    parser.add_argument('--quick', action='store_true', help='smaller sizes, no /dev/zero')
    parser.add_argument('--only', nargs='*', help='cases to run')
    parser.add_argument('--child', nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        child(args.child[0], int(args.child[1]))
        return

    sizes = QUICK if args.quick else SIZES
    print('library: %s' % os.path.abspath(args.build))
    print('%-14s %10s %10s %7s %9s  %s' % ('case', 'n', 'seconds', 'ratio', 'peak MB', 'note'))
    for case, ns in sizes.items():
        if args.only and case not in args.only:
            continue
        previous = None
        for n in ns:
            seconds, rss, note = run(args.build, case, n)
            ratio = ('%.1f' % (seconds / previous)
                     if seconds is not None and previous else '')
            print('%-14s %10d %10s %7s %9.0f  %s'
                  % (case, n, '%.3f' % seconds if seconds is not None else '-',
                     ratio, rss, note), flush=True)
            previous = seconds if seconds and seconds > 0.002 else None
        if case == 'stream' and ns:
            seconds, rss, note = run(args.build, 'stream-folder', 0)
            print('%-14s %10s %10s %7s %9.0f  %s'
                  % ('stream-folder', '-', '%.3f' % seconds if seconds is not None else '-',
                     '', rss, note), flush=True)


if __name__ == '__main__':
    main()
