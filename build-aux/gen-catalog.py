#!/usr/bin/env python3
# gen-catalog.py: merge the curated catalog fragments and the states they
# refer to into the bundled catalog
#
# Copyright 2026 The libiis authors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Usage: gen-catalog.py --states STATES.json --output OUT.json INPUT.json…
#
# An input is a fragment (a document of the file format, with its
# "format" member) or a fact table (data/facts/*.json, with an "area"; see
# data/facts/README.md), which facts.py maps onto entities and relations
# that are merged like a fragment's.
# Every state of STATES.json is in the output, whether a relation names
# it or not.
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
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import facts  # noqa: E402


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
    parser.add_argument('inputs', nargs='+')
    args = parser.parse_args()

    args.fragments = []
    args.facts = []
    for path in args.inputs:
        with open(path, encoding='utf-8') as f:
            try:
                head = json.load(f)
            except json.JSONDecodeError as e:
                fail('%s: %s' % (path, e))
        is_table = isinstance(head, dict) and 'area' in head and 'format' not in head
        (args.facts if is_table else args.fragments).append(path)

    with open(args.states, encoding='utf-8') as f:
        iso = json.load(f)
    table = {s['id']: s for s in iso['states'] + iso.get('former-states', [])}

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

    held_back = 0
    patches = []
    for path in args.facts:
        try:
            table_entities, table_relations, counts = facts.convert(path)
        except facts.FactError as e:
            fail(str(e))
        name = path.rsplit('/', 1)[-1]
        for i, entity in enumerate(table_entities):
            if entity.get('_patch'):
                patches.append(entity)
                continue
            if entity['id'] in entities:
                fail('%s: entities[%d]: duplicate id "%s"' % (name, i, entity['id']))
            entities[entity['id']] = entity
        for relation in facts.merge_overlapping(table_relations):
            relations.append((relation.pop('_where'), relation))
        held_back += counts['held-back']
    if held_back:
        print('gen-catalog.py: %d records of relation kinds the model does not '
              'hold yet were left out' % held_back, file=sys.stderr)

    for eid, state in table.items():
        entities.setdefault(eid, state)

    # A state's period (founded / ceased, format 1.1) from a fact table,
    # set on the state wherever it was defined, with its source.
    for patch in patches:
        where = patch.pop('_where')
        patch.pop('_patch')
        eid = patch.pop('id')
        state = entities.get(eid)
        if state is None or state.get('type') != 'state':
            fail('%s: "%s" is not a state' % (where, eid))
        state = entities[eid] = dict(state)
        for member in ('founded', 'ceased'):
            if member in patch:
                if state.get(member) not in (None, patch[member]):
                    fail('%s: two %s dates for "%s"' % (where, member, eid))
                state[member] = patch[member]
        state['sources'] = list(state.get('sources', [])) + patch['sources']

    for where, relation in relations:
        for end in ('subject', 'object'):
            eid = relation.get(end)
            if eid in entities:
                continue
            if eid in table:
                entities[eid] = table[eid]
                continue
            fail('%s.%s: unknown entity "%s"' % (where, end, eid))

    # A source that says only that a party had consented by a date gives
    # its party-to an open start, "../DATE" (facts.py). When the agreement
    # itself entered into force after that date, the party cannot have
    # been bound before: a party that consented before the entry into
    # force is bound from it (Vienna Convention on the Law of Treaties,
    # art. 24(3)), so the bound is the agreement's entry into force, and
    # iis_catalog_validate() finds no party in force before its treaty.
    for where, relation in relations:
        start = relation.get('start') or ''
        if relation['kind'] != 'party-to' or not start.startswith('../'):
            continue
        in_force = entities[relation['object']].get('entry-into-force')
        bound = facts._bound(in_force)
        if bound and facts._coarse(start[3:], bound) < 0:
            relation['start'] = '../' + in_force

    # 1.1: the fact tables give states their period (founded, ceased),
    # sources their locator and relations the kinds 1.1 added.
    document = {
        'format': 'libiis-catalog',
        'version': '1.1',
        'entities': [entities[k] for k in sorted(entities)],
        'relations': [r for _, r in relations],
    }
    with open(args.output, 'w', encoding='utf-8') as f:
        json.dump(document, f, ensure_ascii=False, separators=(',', ':'))
        f.write('\n')


if __name__ == '__main__':
    main()
