#!/usr/bin/python3
# bench-python.py: iterating results through GI, against C and a dict of lists
#
# Copyright 2026 The libiis authors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
#   GI_TYPELIB_PATH=BUILD/libiis LD_LIBRARY_PATH=BUILD/libiis \
#     /usr/bin/python3 bench-python.py --c-bench BUILD/tests/bench/iis-bench \
#       [--n 100000] [--results FILE] CATALOG.json
#
# The question: the agreements each state is bound by (at any time), the
# states taken in id order and again from the first until N results have
# been read, reading each agreement's id. Timed three ways, each the
# median of 5 runs after a warm-up:
#
# - Python through GI: Iis.Catalog.get_agreements_of() and iterating the
#   Gio.ListModel it returns;
# - C: the same loop in iis-bench --iterate (same library, same file);
# - plain Python: a dict of lists (state id -> sorted agreement ids),
#   built from the same file with json.load().
#
# The GI and dict answers are compared first; a difference exits with 1.

import argparse
import json
import statistics
import subprocess
import sys
import time

import gi
gi.require_version('Iis', '1.0')
from gi.repository import Gio, Iis  # noqa: E402

RUNS = 5


def median_time(func):
    func()  # warm-up
    times = []
    for _ in range(RUNS):
        t0 = time.perf_counter()
        func()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def iterate_gi(catalog, states, n, answers=None):
    count = 0
    i = 0
    empty = 0
    while count < n:
        state = states[i % len(states)]
        model = catalog.get_agreements_of(state, None)
        got = 0
        for agreement in model:
            if count == n:
                break
            agreement_id = agreement.get_id()
            if answers is not None:
                answers.append((state.get_id(), agreement_id))
            count += 1
            got += 1
        empty = empty + 1 if got == 0 else 0
        if empty > len(states):
            break
        i += 1
    return count


def iterate_dict(party_of, state_ids, n, answers=None):
    count = 0
    i = 0
    empty = 0
    while count < n:
        state_id = state_ids[i % len(state_ids)]
        got = 0
        for agreement_id in party_of.get(state_id, ()):
            if count == n:
                break
            if answers is not None:
                answers.append((state_id, agreement_id))
            count += 1
            got += 1
        empty = empty + 1 if got == 0 else 0
        if empty > len(state_ids):
            break
        i += 1
    return count


def build_dict(path):
    with open(path, encoding='utf-8') as f:
        doc = json.load(f)
    party_of = {}
    for rel in doc.get('relations', []):
        if rel['kind'] == 'party-to':
            party_of.setdefault(rel['subject'], []).append(rel['object'])
    for key in party_of:
        party_of[key] = sorted(set(party_of[key]))
    state_ids = sorted(e['id'] for e in doc.get('entities', []) if e['type'] == 'state')
    return party_of, state_ids


def record(results, size, measure, title, libiis, baseline, unit, target):
    ratio = libiis / baseline if baseline > 0 else 0
    if results is not None:
        results.write(json.dumps({
            'size': size, 'measure': measure, 'title': title, 'libiis': libiis,
            'baseline': baseline, 'unit': unit, 'ratio': ratio, 'target': target,
        }) + '\n')
    print('  %-44s %12.4g %12.4g  %-4s %8.3f' % (title, libiis, baseline, unit, ratio))


def main(argv):
    parser = argparse.ArgumentParser(description='Iterating libiis results from Python.')
    parser.add_argument('--c-bench', required=True, help='the iis-bench program')
    parser.add_argument('--n', type=int, default=100000, help='results to iterate')
    parser.add_argument('--results', help='append results as JSON lines')
    parser.add_argument('catalog')
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    catalog = Iis.Catalog.new()
    catalog.load_from_file(Gio.File.new_for_path(args.catalog), None)
    gi_load = time.perf_counter() - t0
    states = list(catalog.list_entities(Iis.State))
    size = catalog.get_n_relations()

    t0 = time.perf_counter()
    party_of, state_ids = build_dict(args.catalog)
    dict_load = time.perf_counter() - t0

    if [s.get_id() for s in states] != state_ids:
        sys.exit('bench-python: the states differ between libiis and the file')
    gi_answers, dict_answers = [], []
    if iterate_gi(catalog, states, args.n, gi_answers) < args.n:
        sys.exit('bench-python: fewer than %d results in the whole catalog' % args.n)
    iterate_dict(party_of, state_ids, args.n, dict_answers)
    if gi_answers != dict_answers:
        first = next(i for i, (a, b) in enumerate(zip(gi_answers, dict_answers)) if a != b)
        sys.exit('bench-python: answers differ at result %d: libiis %s, dict %s'
                 % (first, gi_answers[first], dict_answers[first]))

    gi_time = median_time(lambda: iterate_gi(catalog, states, args.n))
    dict_time = median_time(lambda: iterate_dict(party_of, state_ids, args.n))
    out = subprocess.run([args.c_bench, '--iterate', str(args.n), args.catalog],
                         check=True, capture_output=True, text=True).stdout
    c_time = json.loads(out.strip().splitlines()[-1])['seconds']

    results = open(args.results, 'a', encoding='utf-8') if args.results else None
    print('\n== Python, %d results of get_agreements_of() (%s, %d relations) ==' %
          (args.n, args.catalog, size))
    print('  %-44s %12s %12s  %-4s %8s' % ('', 'libiis', 'baseline', 'unit', 'ratio'))
    record(results, size, 'python-c', 'Python through GI, 100k results / C',
           gi_time, c_time, 's', 15)
    record(results, size, 'python-dict', 'Python through GI / Python dict of lists',
           gi_time, dict_time, 's', 0)
    record(results, size, 'python-load', 'load through GI / json.load + dict',
           gi_load, dict_load, 's', 0)
    if results is not None:
        results.close()
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
