#!/usr/bin/python3
# check-example.py: run one of the examples and check what it prints
#
# Copyright 2026 The libiis authors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Usage: check-example.py QUESTION [--input FILE --output FILE]
#                         [--data DIR] -- COMMAND [ARG…]
#
# QUESTION is sco-members, information-weapons or add-fact. The
# expectations come from the facts, not from the library:
#
# - sco-members: on 2018-01-01 the SCO had eight members: China, India,
#   Kazakhstan, Kyrgyzstan, Pakistan, Russia, Tajikistan and Uzbekistan
#   (India and Pakistan joined on 2017-06-09).
# - information-weapons: computed from the catalog fragments in
#   data/catalog/ (the source of the bundled catalog) with plain JSON: the
#   agreements with an `addresses` relation to information-weapons or a
#   category `part-of` it at any depth.
# - add-fact: the saved file, read with plain JSON, holds everything of
#   the input plus India and its membership of the SCO from 2017-06-09.

import argparse
import glob
import json
import os
import re
import subprocess
import sys

SCO_MEMBERS_2018 = {
    'CN': 'China', 'IN': 'India', 'KZ': 'Kazakhstan', 'KG': 'Kyrgyzstan',
    'PK': 'Pakistan', 'RU': 'Russia', 'TJ': 'Tajikistan', 'UZ': 'Uzbekistan',
}


def fail(message):
    print(f'check-example: {message}', file=sys.stderr)
    sys.exit(1)


def run(command):
    result = subprocess.run(command, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    sys.stdout.write(result.stdout)
    sys.stderr.write(result.stderr)
    if result.returncode != 0:
        fail(f'{command[0]} exited with status {result.returncode}')
    if result.stderr.strip():
        fail('the example wrote to standard error')
    return result.stdout


def check_sco_members(output):
    lines = output.splitlines()
    if not lines or 'Shanghai Cooperation Organisation' not in lines[0] \
            or '2018-01-01' not in lines[0]:
        fail(f'unexpected first line: {lines[:1]}')
    found = {}
    for line in lines[1:]:
        m = re.fullmatch(r'  (\S+)\s+(.+)', line)
        if not m:
            fail(f'unexpected line: {line!r}')
        found[m.group(1)] = m.group(2)
    if set(found) != set(SCO_MEMBERS_2018):
        fail(f'members {sorted(found)}, expected {sorted(SCO_MEMBERS_2018)}')
    for code, name in SCO_MEMBERS_2018.items():
        if name not in found[code]:
            fail(f'{code} is named {found[code]!r}, expected {name!r} in it')
    if list(found) != sorted(found):
        fail('the members are not sorted by id')


def load_fragments(data_dir):
    """The curated data as the build merges it: the fragments of
    data/catalog and the fact tables of data/facts, the latter mapped by
    build-aux/facts.py."""
    sys.path.insert(0, os.path.join(data_dir, '..', 'build-aux'))
    import facts
    entities, relations = {}, []
    for path in sorted(glob.glob(os.path.join(data_dir, 'catalog', '*.json'))):
        with open(path, encoding='utf-8') as f:
            doc = json.load(f)
        for entity in doc.get('entities', []):
            entities[entity['id']] = entity
        relations.extend(doc.get('relations', []))
    for path in sorted(glob.glob(os.path.join(data_dir, 'facts', '*.json'))):
        table_entities, table_relations, _ = facts.convert(path)
        for entity in table_entities:
            entities[entity['id']] = entity
        relations.extend(table_relations)
    return entities, relations


def check_information_weapons(output, data_dir):
    entities, relations = load_fragments(data_dir)
    category = 'information-weapons'
    categories = {category}
    while True:
        more = {r['subject'] for r in relations
                if r['kind'] == 'part-of' and r['object'] in categories}
        if more <= categories:
            break
        categories |= more
    expected = {r['subject'] for r in relations
                if r['kind'] == 'addresses' and r['object'] in categories
                and entities.get(r['subject'], {}).get('type') == 'agreement'}
    if 'sco-2009-agreement' not in expected:
        fail('the catalog fragments lost the 2009 SCO agreement')

    lines = output.splitlines()
    heading = f'Agreements addressing “{entities[category]["name"]}”:'
    if not lines or lines[0] != heading:
        fail(f'first line {lines[:1]}, expected {heading!r}')
    found = []
    body = lines[1:]
    if len(body) % 2:
        fail('expected two lines per agreement')
    for id_line, name_line in zip(body[::2], body[1::2]):
        m = re.fullmatch(r'  (\S+) \((\S+)\)', id_line)
        if not m:
            fail(f'unexpected line: {id_line!r}')
        agreement = entities.get(m.group(1))
        if agreement is None:
            fail(f'unknown agreement {m.group(1)}')
        if m.group(2) != agreement.get('adopted', 'undated'):
            fail(f'{m.group(1)} printed as adopted {m.group(2)}')
        if name_line != '    ' + agreement['name']:
            fail(f'unexpected name line {name_line!r}')
        found.append(m.group(1))
    if set(found) != expected or found != sorted(found):
        fail(f'agreements {found}, expected {sorted(expected)}')


def check_add_fact(output, input_path, output_path):
    with open(input_path, encoding='utf-8') as f:
        before = json.load(f)
    with open(output_path, encoding='utf-8') as f:
        after = json.load(f)
    if (after.get('format'), after.get('version')) != ('libiis-catalog', '1.0'):
        fail('the saved file is not a libiis-catalog 1.0 document')

    entities = {e['id']: e for e in after['entities']}
    for entity in before['entities']:
        if entities.get(entity['id'], {}).get('name') != entity['name']:
            fail(f'{entity["id"]} was lost or changed')
    india = entities.get('IN')
    if not india or india['type'] != 'state' or india['name'] != 'India':
        fail(f'India was not added: {india}')
    if india.get('alpha-3') != 'IND':
        fail('India lacks its iso-codes data')

    def key(r):
        return (r['kind'], r['subject'], r['object'], r.get('role'), r.get('start'))

    relations = {key(r): r for r in after['relations']}
    for relation in before['relations']:
        if key(relation) not in relations:
            fail(f'relation {key(relation)} was lost')
    added = relations.get(('member-of', 'IN', 'sco', 'member', '2017-06-09'))
    if not added:
        fail('the membership of India was not saved')
    if not any(s.get('date') == '2017-06-09' and 'Astana' in s.get('title', '')
               for s in added.get('sources', [])):
        fail('the membership was saved without its source')
    if len(after['entities']) != len(before['entities']) + 1 or \
            len(after['relations']) != len(before['relations']) + 1:
        fail('the file holds more than the one fact added')

    expected = (f'Saved {len(after["entities"])} entities and '
                f'{len(after["relations"])} relations to {output_path}')
    if output.strip() != expected:
        fail(f'printed {output.strip()!r}, expected {expected!r}')


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('question', choices=['sco-members', 'information-weapons',
                                             'add-fact'])
    parser.add_argument('--data', help='the data/ folder of the source tree')
    parser.add_argument('--input')
    parser.add_argument('--output')
    argv = sys.argv[1:]
    if '--' not in argv:
        parser.error('no command after --')
    split = argv.index('--')
    args = parser.parse_args(argv[:split])
    command = argv[split + 1:]
    if not command:
        parser.error('no command after --')
    if args.question == 'add-fact' and not (args.input and args.output):
        parser.error('add-fact needs --input and --output')
    if args.question == 'information-weapons' and not args.data:
        parser.error('information-weapons needs --data')

    if args.question == 'add-fact':
        if os.path.exists(args.output):
            os.unlink(args.output)
        output = run(command + [args.input, args.output])
        check_add_fact(output, args.input, args.output)
    else:
        output = run(command)
        if args.question == 'sco-members':
            check_sco_members(output)
        else:
            check_information_weapons(output, args.data)


if __name__ == '__main__':
    main()
