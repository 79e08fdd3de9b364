#!/usr/bin/env python3
# catalog-sources.py: the page of the bundled catalog's sources and coverage
#
# Copyright 2026 The libiis authors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Usage: catalog-sources.py [--check FILE] [--output FILE]
#
# Reads the fact tables of data/facts/ and writes docs/bundled-sources.md:
# for each table, what it covers (records by kind, organizations and
# agreements with their counts) and every source it cites, with its URL,
# publisher, the status date it states and how many records rest on it.
# With --check, fails when FILE is not what the tables give now (the test
# suite runs that, so the page never goes stale).

import argparse
import collections
import glob
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(HERE)

TITLES = {
    'coe': 'Council of Europe: membership and the cybercrime treaties',
    'eurasia': 'SCO, CIS, CSTO, BRICS and their information-security agreements',
    'instruments': 'Regional treaties, non-binding instruments and threat categories',
    'regional': 'Regional and other groupings',
    'un': 'United Nations membership and the UN Convention against Cybercrime',
    'un-treaties': 'UN treaties: reservations, declarations and further rows',
    'unga': 'UN General Assembly resolutions, recorded votes, GGE and OEWG',
}

CONFIDENCE = {'depositary': 'high', 'official': 'high', 'secondary': 'medium', 'other': 'low'}


def cell(text):
    return str(text or '').replace('|', '\\|').replace('\n', ' ')


def table_page(path):
    with open(path, encoding='utf-8') as f:
        doc = json.load(f)
    area = doc.get('area', os.path.basename(path)[:-5])
    records = doc.get('records', [])
    uses = collections.Counter(r.get('source') for r in records)
    for entity in doc.get('entities', []):
        for s in entity.get('sources', []):
            uses[s.get('ref')] += 1

    kinds = collections.Counter(r.get('type') for r in records)
    orgs = collections.Counter(r['organization'] for r in records if r.get('type') == 'membership')
    treaties = collections.defaultdict(lambda: [0, 0])
    for r in records:
        if r.get('type') == 'treaty-status':
            treaties[r['agreement']][0] += 1 if r.get('signature') else 0
            treaties[r['agreement']][1] += 1 if (r.get('consent') or r.get('entry-into-force')
                                                 or r.get('consent-kind')) else 0
    votes = collections.Counter(r['resolution'] for r in records if r.get('type') == 'vote')

    out = ['## %s (`data/facts/%s.json`)' % (TITLES.get(area, area), area), '']
    out.append('%d records: %s.' % (len(records), ', '.join(
        '%d %s' % (n, k) for k, n in sorted(kinds.items()))))
    out.append('')
    if orgs:
        out.append('Membership records by organization: ' + ', '.join(
            '`%s` %d' % kv for kv in sorted(orgs.items())) + '.')
        out.append('')
    if treaties:
        out.append('Treaty rows (with a signature / with a consent or entry into force): ' + ', '.join(
            '`%s` %d / %d' % (k, v[0], v[1]) for k, v in sorted(treaties.items())) + '.')
        out.append('')
    if votes:
        out.append('Recorded votes by resolution: ' + ', '.join(
            '`%s` %d' % kv for kv in sorted(votes.items())) + '.')
        out.append('')

    out.append('| source | publisher | status date | confidence | records | URL |')
    out.append('| --- | --- | --- | --- | ---: | --- |')
    for source in doc.get('sources', []):
        out.append('| %s | %s | %s | %s | %d | %s |' % (
            cell(source.get('title')), cell(source.get('publisher')),
            cell(source.get('status-date') or 'not stated'),
            CONFIDENCE.get(source.get('kind'), '?'), uses.get(source['id'], 0),
            cell(source.get('url') or source.get('document'))))
    out.append('')
    return out, len(doc.get('sources', []))


def page():
    lines = [
        'Title: Sources of the bundled catalog',
        '',
        '# Sources of the bundled catalog',
        '',
        'Every source the fact tables of `data/facts/` cite, table by table, with',
        'the status date each page states ("not stated" where it states none),',
        'the confidence it gives the facts read on it and how many records rest',
        'on it. The [bundled catalog](bundled-catalog.html) page says what the',
        'catalog covers and how complete each part is. This page is written by',
        '`build-aux/catalog-sources.py`; the test suite checks that it is current.',
        '',
    ]
    total = 0
    for path in sorted(glob.glob(os.path.join(TOP, 'data', 'facts', '*.json'))):
        more, n = table_page(path)
        lines.extend(more)
        total += n
    lines.insert(11, 'The tables cite %d sources in all.' % total)
    lines.insert(12, '')
    return '\n'.join(lines).rstrip('\n') + '\n'


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--check')
    parser.add_argument('--output')
    args = parser.parse_args()
    text = page()
    if args.check:
        with open(args.check, encoding='utf-8') as f:
            if f.read() != text:
                sys.exit('catalog-sources.py: %s is not current: run '
                         'build-aux/catalog-sources.py --output %s' % (args.check, args.check))
        return
    if args.output:
        with open(args.output, 'w', encoding='utf-8') as f:
            f.write(text)
    else:
        sys.stdout.write(text)


if __name__ == '__main__':
    main()
