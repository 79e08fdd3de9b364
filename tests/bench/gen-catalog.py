#!/usr/bin/python3
# gen-catalog.py: a large, plausible libiis catalog for benchmarks
#
# Copyright 2026 The libiis authors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Writes a catalog in the libiis file format (docs/file-format.md) with the
# number of relations asked for, every relation allowed by its kind, using
# every member of every type here and there. The same --seed gives the
# same file. Plain Python 3, no third-party modules.
#
# With --actions, also the treaty actions of format 1.1 (consented-to
# with its kinds, reservation-to and declaration-to with an article and a
# text, a few denounced with the date they take effect), in about the
# proportion a treaty office's chart has them beside signatures and
# parties; without it the file is the same as before they existed.
#
#   gen-catalog.py --relations 100000 --seed 1 --output big.json

import argparse
import json
import random
import sys

ORGANIZATION_KINDS = ['other', 'intergovernmental', 'council', 'secretariat', 'executive-body',
                      'expert-group', 'commission', 'government-agency', 'parliamentary-body',
                      'research-institute']
AGREEMENT_KINDS = ['other', 'treaty', 'agreement', 'convention', 'charter', 'statement',
                   'declaration', 'resolution', 'code-of-conduct', 'strategy', 'action-plan']
AGREEMENT_STATUSES = ['unknown', 'draft', 'submitted', 'adopted', 'signed', 'in-force',
                      'suspended', 'terminated', 'superseded']
FORUM_KINDS = ['other', 'forum', 'conference', 'summit', 'meeting', 'series']
CONFIDENCES = ['low', 'medium', 'high']
LANGUAGES = ['ru', 'zh', 'fr', 'es', 'ar', 'uz', 'kk']
MEMBER_ROLES = ['member', 'observer', 'dialogue-partner', 'associate']
PARTY_ROLES = ['ratification', 'acceptance', 'approval', 'accession', 'succession']
CONSENT_ROLES = PARTY_ROLES + ['formal-confirmation', 'definitive-signature']
TOPICS = ['information terrorism', 'critical infrastructure', 'cyber crime',
          'information weapons', 'internet governance', 'capacity building']


def parse_args(argv):
    parser = argparse.ArgumentParser(description='Generate a libiis catalog for benchmarks.')
    parser.add_argument('--relations', type=int, required=True, help='number of relations')
    parser.add_argument('--seed', type=int, default=1, help='random seed (default 1)')
    parser.add_argument('--output', required=True, help='file to write, - for stdout')
    parser.add_argument('--entities', type=int, default=0,
                        help='number of entities (default: about relations / 10, at least 100)')
    parser.add_argument('--compact', action='store_true', help='no indentation')
    parser.add_argument('--actions', action='store_true',
                        help='also treaty actions (format 1.1)')
    return parser.parse_args(argv)


class Generator:
    def __init__(self, rng):
        self.rng = rng

    def date(self, lo=1950, hi=2025, precision=None):
        r = self.rng
        year = r.randint(lo, hi)
        p = precision if precision is not None else r.choice([1, 2, 3, 3, 3])
        if p == 1:
            return '%04d' % year
        month = r.randint(1, 12)
        if p == 2:
            return '%04d-%02d' % (year, month)
        return '%04d-%02d-%02d' % (year, month, r.randint(1, 28))

    def source(self, i):
        r = self.rng
        s = {'title': 'Source document %d' % i}
        if r.random() < 0.5:
            s['url'] = 'https://example.org/documents/%d' % i
        if r.random() < 0.3:
            s['document'] = 'A/%d/%d' % (r.randint(50, 79), r.randint(1, 999))
        if r.random() < 0.3:
            s['publisher'] = 'Publisher %d' % r.randint(1, 50)
        if r.random() < 0.5:
            s['date'] = self.date()
        if r.random() < 0.1:
            s['quote'] = 'The parties shall cooperate in ensuring information security (%d).' % i
        return s

    def common(self, entity, name):
        r = self.rng
        entity['name'] = name
        if r.random() < 0.3:
            entity['description'] = 'Description of %s.' % name
        if r.random() < 0.4:
            entity['labels'] = {lang: '%s (%s)' % (name, lang)
                                for lang in sorted(r.sample(LANGUAGES, r.randint(1, 3)))}
        if r.random() < 0.1:
            entity['other-names'] = [{'name': 'Former %s' % name, 'lang': 'en',
                                      'end': self.date(precision=1)}]
        if r.random() < 0.3:
            entity['identifiers'] = {'wikidata': 'Q%d' % r.randint(1, 10**7)}
        if r.random() < 0.2:
            entity['sources'] = [self.source(r.randint(1, 10**6))]
        return entity


def generate(n_relations, n_entities, seed, actions=False):
    rng = random.Random(seed)
    g = Generator(rng)

    if n_entities <= 0:
        n_entities = max(100, n_relations // 10)
    n_states = min(250, max(20, n_entities // 10))
    rest = n_entities - n_states
    n_orgs = max(5, rest * 3 // 10)
    n_agreements = max(5, rest * 3 // 10)
    n_threats = max(3, rest // 20)
    n_forums = max(5, rest - n_orgs - n_agreements - n_threats)

    states, orgs, agreements, forums, threats = [], [], [], [], []
    entities = []

    for i in range(n_states):
        a2 = chr(65 + i // 26 % 26) + chr(65 + i % 26)
        e = g.common({'type': 'state', 'id': 's%03d-%s' % (i, a2)}, 'State %d' % i)
        e['alpha-2'] = a2
        e['alpha-3'] = a2 + chr(65 + i % 26)
        e['numeric'] = 1 + i % 999
        states.append(e['id'])
        entities.append(e)
    for i in range(n_orgs):
        e = g.common({'type': 'organization', 'id': 'org-%05d' % i}, 'Organization %d' % i)
        e['acronym'] = 'O%d' % i
        e['kind'] = rng.choice(ORGANIZATION_KINDS)
        e['founded'] = g.date(1945, 2020)
        if rng.random() < 0.05:
            e['dissolved'] = g.date(2021, 2025)
        orgs.append(e['id'])
        entities.append(e)
    for i in range(n_agreements):
        e = g.common({'type': 'agreement', 'id': 'agr-%05d' % i}, 'Agreement %d' % i)
        e['kind'] = rng.choice(AGREEMENT_KINDS)
        e['status'] = rng.choice(AGREEMENT_STATUSES)
        e['adopted'] = g.date()
        if rng.random() < 0.5:
            e['adopted-place'] = 'City %d' % rng.randint(1, 300)
        if rng.random() < 0.4:
            e['entry-into-force'] = g.date()
        agreements.append(e['id'])
        entities.append(e)
    for i in range(n_forums):
        e = g.common({'type': 'forum', 'id': 'forum-%05d' % i}, 'Forum %d' % i)
        e['kind'] = rng.choice(FORUM_KINDS)
        e['start'] = g.date(precision=3)
        e['city'] = 'City %d' % rng.randint(1, 300)
        if rng.random() < 0.5:
            e['participant-count'] = rng.randint(10, 5000)
            if rng.random() < 0.3:
                e['participant-count-is-minimum'] = True
        if rng.random() < 0.5:
            e['topics'] = rng.sample(TOPICS, rng.randint(1, 3))
        forums.append(e['id'])
        entities.append(e)
    for i in range(n_threats):
        e = g.common({'type': 'threat-category', 'id': 'threat-%04d' % i}, 'Threat %d' % i)
        e['definition'] = 'Definition of threat %d.' % i
        threats.append(e['id'])
        entities.append(e)

    actors = states + orgs
    # kind, subject pool, object pool, roles, weight
    kinds = [
        ('member-of', actors, orgs, MEMBER_ROLES, 30),
        ('part-of', orgs, orgs, None, 3),
        ('part-of', forums, forums, None, 2),
        ('part-of', threats, threats, None, 1),
        ('signatory-of', actors, agreements, None, 15),
        ('party-to', actors, agreements, PARTY_ROLES, 15),
        ('organizer-of', actors, forums, None, 5),
        ('participant-in', actors, forums, ['delegation', 'speaker'], 15),
        ('host-of', states, forums, None, 3),
        ('adopted-within', agreements, orgs + forums, None, 4),
        ('addresses', agreements + forums, threats, None, 4),
        ('implements', agreements, agreements, None, 1),
        ('amends', agreements, agreements, None, 1),
        ('supersedes', agreements, agreements, None, 1),
        ('references', agreements, agreements, None, 1),
    ]
    if actions:
        # Beside 15 signatures and 15 parties: a consent for most
        # parties, a reservation or declaration for one party in six or
        # so, a denunciation for one in fifty.
        kinds += [
            ('consented-to', actors, agreements, CONSENT_ROLES, 12),
            ('reservation-to', actors, agreements, None, 2),
            ('declaration-to', actors, agreements, None, 1),
            ('denounced', actors, agreements, ['denunciation', 'withdrawal'], 0.3),
        ]
    weights = [k[4] for k in kinds]

    relations = []
    for i in range(n_relations):
        kind, subjects, objects, roles, _ = rng.choices(kinds, weights)[0]
        subject = rng.choice(subjects)
        obj = rng.choice(objects)
        while obj == subject and len(objects) > 1:
            obj = rng.choice(objects)
        rel = {'kind': kind, 'subject': subject, 'object': obj}
        if roles and rng.random() < 0.8:
            rel['role'] = rng.choice(roles)
        if rng.random() < 0.7:
            rel['start'] = g.date()
            if rng.random() < 0.2:
                rel['end'] = g.date(int(rel['start'][:4]) + 1, 2030)
        if rng.random() < 0.3:
            rel['confidence'] = rng.choice(CONFIDENCES)
        if kind == 'party-to' and rng.random() < 0.5:
            rel['qualifiers'] = {'deposit': g.date(precision=3)}
        if kind in ('reservation-to', 'declaration-to'):
            rel['qualifiers'] = {'article': str(rng.randint(1, 48)),
                                 'text': 'Statement %d on the application of the article.' % i}
        if kind == 'denounced' and 'start' in rel:
            rel['qualifiers'] = {'effective': g.date(int(rel['start'][:4]) + 1, 2030, precision=3)}
        if rng.random() < 0.1:
            rel['sources'] = [g.source(i)]
        relations.append(rel)

    return {
        'format': 'libiis-catalog',
        'version': '1.1' if actions else '1.0',
        'entities': entities,
        'relations': relations,
    }


def main(argv):
    args = parse_args(argv)
    doc = generate(args.relations, args.entities, args.seed, args.actions)
    indent = None if args.compact else 2
    separators = (',', ':') if args.compact else (',', ': ')
    text = json.dumps(doc, ensure_ascii=False, indent=indent, separators=separators) + '\n'
    if args.output == '-':
        sys.stdout.write(text)
    else:
        with open(args.output, 'w', encoding='utf-8') as f:
            f.write(text)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
