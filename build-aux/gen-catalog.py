#!/usr/bin/env python3
# gen-catalog.py: merge the curated catalog fragments and the states they
# refer to into the bundled catalog
#
# Copyright 2026 The libiis authors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Usage: gen-catalog.py --states STATES.json --output OUT.json FRAGMENT.json…
#
# Each fragment (data/catalog/*.json) is a document of the libiis file
# format, version 1.x. A fragment may refer to entities of another
# fragment, and to states by their ISO 3166-1 alpha-2 code ("UZ") without
# defining them: every state that a relation refers to and that no
# fragment defines is taken from the table gen-states.py wrote (from
# iso-codes). The output is one document of the file format, entities
# sorted by id, relations in fragment order.
#
# The build fails when the data breaks the rules of the bundled catalog:
# a duplicate id, a relation end that is neither defined nor an ISO code,
# an entity or relation without a source, a source with no member at all.

import argparse
import json
import sys


def fail(message):
    sys.exit('gen-catalog.py: ' + message)


def check_sources(where, sources):
    if not isinstance(sources, list) or not sources:
        fail('%s: no source' % where)
    for i, source in enumerate(sources):
        if not isinstance(source, dict) or not any(
                source.get(k) for k in ('title', 'url', 'document',
                                        'publisher')):
            fail('%s.sources[%d]: a source needs a title, url, document or '
                 'publisher' % (where, i))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--states', required=True)
    parser.add_argument('--output', required=True)
    parser.add_argument('fragments', nargs='+')
    args = parser.parse_args()

    with open(args.states, encoding='utf-8') as f:
        table = {s['id']: s for s in json.load(f)['states']}

    entities = {}
    relations = []
    for path in args.fragments:
        name = path.rsplit('/', 1)[-1]
        with open(path, encoding='utf-8') as f:
            try:
                doc = json.load(f)
            except json.JSONDecodeError as e:
                fail('%s: %s' % (path, e))
        if doc.get('format') != 'libiis-catalog':
            fail('%s: not a libiis catalog' % path)
        if not str(doc.get('version', '')).startswith('1.'):
            fail('%s: unsupported version %r' % (path, doc.get('version')))
        for i, entity in enumerate(doc.get('entities', [])):
            where = '%s: entities[%d]' % (name, i)
            eid = entity.get('id')
            if not eid:
                fail(where + ': no id')
            if eid in entities:
                fail('%s: duplicate id "%s"' % (where, eid))
            check_sources(where, entity.get('sources'))
            entities[eid] = entity
        for i, relation in enumerate(doc.get('relations', [])):
            where = '%s: relations[%d]' % (name, i)
            check_sources(where, relation.get('sources'))
            relations.append((where, relation))

    for where, relation in relations:
        for end in ('subject', 'object'):
            eid = relation.get(end)
            if eid in entities:
                continue
            if eid in table:
                entities[eid] = table[eid]
                continue
            fail('%s.%s: unknown entity "%s"' % (where, end, eid))

    document = {
        'format': 'libiis-catalog',
        'version': '1.0',
        'entities': [entities[k] for k in sorted(entities)],
        'relations': [r for _, r in relations],
    }
    with open(args.output, 'w', encoding='utf-8') as f:
        json.dump(document, f, ensure_ascii=False, separators=(',', ':'))
        f.write('\n')


if __name__ == '__main__':
    main()
