#!/usr/bin/env python3
# bench-report.py: one table of ratios from the benchmark's results
#
# Copyright 2026 The libiis authors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
#   bench-report.py RESULTS.jsonl
#
# RESULTS.jsonl holds one JSON object a line, as iis-bench --results and
# bench-python.py --results append them: size, measure, title, libiis,
# baseline, unit, ratio, target (0: none). Prints a Markdown table: the
# ratio at each size, the target, met or missed at the largest size the
# measure was taken at, and the two figures there. Exits with 1 when a
# target is missed only if --strict is given.

import json
import sys


def fmt(value):
    if value == 0:
        return '0'
    if abs(value) >= 100:
        return '%.0f' % value
    if abs(value) >= 1:
        return '%.3g' % value
    return '%.3g' % value


def main(argv):
    strict = '--strict' in argv
    paths = [a for a in argv if a != '--strict']
    if len(paths) != 1:
        sys.exit('usage: bench-report.py [--strict] RESULTS.jsonl')

    rows = {}
    order = []
    sizes = set()
    with open(paths[0], encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            r = json.loads(line)
            if r['measure'] not in rows:
                rows[r['measure']] = {}
                order.append(r['measure'])
            rows[r['measure']][r['size']] = r
            sizes.add(r['size'])
    sizes = sorted(sizes)

    header = ['measure'] + ['%d' % s for s in sizes] + ['target', 'verdict', 'libiis', 'baseline']
    print('| ' + ' | '.join(header) + ' |')
    print('| --- | ' + ' | '.join(['---:'] * len(sizes)) + ' | ---: | --- | ---: | ---: |')
    missed = 0
    for measure in order:
        by_size = rows[measure]
        last = by_size[max(by_size)]
        cells = [last['title']]
        for s in sizes:
            cells.append(fmt(by_size[s]['ratio']) if s in by_size else '')
        if last['target'] > 0:
            met = last['ratio'] <= last['target']
            missed += not met
            cells.append('≤ %g' % last['target'])
            cells.append(('met' if met else '**missed**') + ' (at %d)' % last['size'])
        else:
            cells.append('—')
            cells.append('info')
        cells.append('%s %s' % (fmt(last['libiis']), last['unit']))
        cells.append('%s %s' % (fmt(last['baseline']), last['unit']))
        print('| ' + ' | '.join(cells) + ' |')
    print()
    print('%d target(s) missed' % missed if missed else 'every target met')
    return 1 if strict and missed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
