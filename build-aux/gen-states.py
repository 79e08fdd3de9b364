#!/usr/bin/env python3
# gen-states.py: build the table of states libiis bundles, from iso-codes
#
# Copyright 2026 The libiis authors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Reads Debian's iso-codes data at build time: the ISO 3166-1 list
# (iso_3166-1.json) and the translated country names of the `iso_3166-1`
# gettext domain, and writes one JSON document that the library compiles
# in as a GResource (see data/meson.build). The library therefore needs no
# iso-codes at run time.
#
# Output (compact JSON, UTF-8): every ISO 3166-1 entry as a state entity of
# the libiis file format (docs/file-format.md), so the library reads it with
# its own reader and the bundled catalog can copy entries unchanged:
#
#   {
#     "format": "libiis-iso-3166-1",
#     "iso-codes-version": "4.15.0",
#     "languages": ["ar", "az", …],
#     "states": [
#       { "type": "state", "id": "UZ", "name": "Uzbekistan",
#         "labels": { "ru": "Узбекистан", "zh": "乌兹别克斯坦", … },
#         "other-names": [ { "name": "Republic of Uzbekistan", "lang": "en" } ],
#         "identifiers": { "iso3166-1": "UZ" },
#         "sources": [ { "title": "ISO 3166-1 country codes and names (iso-codes 4.15.0)", … } ],
#         "alpha-2": "UZ", "alpha-3": "UZB", "numeric": 860 },
#       …
#     ]
#   }
#
# "name" is the common name where iso-codes has one ("Iran"), otherwise
# the ISO short name; "other-names" holds the ISO short name when it differs
# from "name" and the official name. A label is the translation of the
# common name when the language has one, otherwise of the short name; a
# language without either gets no label.

import argparse
import gettext
import json
import sys

# gettext locale → label language tag. The UN's official languages, the
# languages of the states the bundled catalog is about, and a few more.
LANGUAGES = {
    'ar': 'ar',
    'az': 'az',
    'be': 'be',
    'de': 'de',
    'es': 'es',
    'fa': 'fa',
    'fr': 'fr',
    'hi': 'hi',
    'hy': 'hy',
    'ka': 'ka',
    'kk': 'kk',
    'km': 'km',
    'ky': 'ky',
    'mn': 'mn',
    'ne': 'ne',
    'ps': 'ps',
    'ro': 'ro',
    'ru': 'ru',
    'tg': 'tg',
    'tk': 'tk',
    'tr': 'tr',
    'uk': 'uk',
    'ur': 'ur',
    'uz': 'uz',
    'zh_CN': 'zh',
    'zh_TW': 'zh-TW',
}

DOMAIN = 'iso_3166-1'
DOMAIN_FORMER = 'iso_3166-3'

# Translations of a common name that iso-codes 4.15 gets wrong; for these
# the translation of the ISO short name is used instead.
# (language tag, alpha-2) → reason
BAD_COMMON_NAME_TRANSLATIONS = {
    ('ar', 'MD'): '"Moldova" is translated as the Arabic for "Maldives"',
}


def load_translations(localedir, domain=DOMAIN):
    catalogs = {}
    for locale, tag in sorted(LANGUAGES.items(), key=lambda kv: kv[1]):
        try:
            translation = gettext.translation(domain, localedir=localedir,
                                              languages=[locale])
        except OSError:
            continue
        # Only real entries of the catalog count: gettext() falls back to
        # the English text, which must not become a "translation".
        catalog = getattr(translation, '_catalog', None)
        if catalog is None:
            continue
        catalogs[tag] = {k: v for k, v in catalog.items()
                         if isinstance(k, str) and k and v}
    return catalogs


def former_states(args):
    """The former states of ISO 3166-3 as state entities, by their
    four-letter code ("SUHH"), with the date their code left ISO 3166-1.
    Their existence as states (founded, ceased, successors) is curated
    data, not iso-codes'."""
    with open(args.iso_3166_3, encoding='utf-8') as f:
        entries = json.load(f)['3166-3']
    catalogs = load_translations(args.localedir, DOMAIN_FORMER)
    source = {
        'title': 'ISO 3166-3 codes for formerly used names of countries' +
                 (' (iso-codes %s)' % args.iso_codes_version
                  if args.iso_codes_version else ' (iso-codes)'),
        'url': 'https://salsa.debian.org/iso-codes-team/iso-codes',
        'document': 'iso_3166-3.json',
        'publisher': 'Debian iso-codes project',
    }
    out = []
    for entry in sorted(entries, key=lambda e: e['alpha_4']):
        name = entry['name']
        labels = {}
        for tag, catalog in catalogs.items():
            text = catalog.get(name, '').strip()
            if text:
                labels[tag] = text
        state = {'type': 'state', 'id': entry['alpha_4'], 'name': name}
        if labels:
            state['labels'] = labels
        state['description'] = (
            'A former country name of ISO 3166-1 (ISO 3166-3 code %s, '
            'formerly %s / %s), withdrawn from ISO 3166-1 in %s.' % (
                entry['alpha_4'], entry['alpha_2'], entry['alpha_3'],
                entry['withdrawal_date']))
        state['identifiers'] = {'iso3166-3': entry['alpha_4']}
        state['sources'] = [source]
        out.append(state)
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--iso-3166-1', required=True,
                        help='path of iso-codes\' iso_3166-1.json')
    parser.add_argument('--localedir', required=True,
                        help='folder holding */LC_MESSAGES/iso_3166-1.mo')
    parser.add_argument('--iso-3166-3',
                        help='path of iso-codes\' iso_3166-3.json (former states)')
    parser.add_argument('--iso-codes-version', default='')
    parser.add_argument('--output', required=True)
    args = parser.parse_args()

    with open(args.iso_3166_1, encoding='utf-8') as f:
        countries = json.load(f)['3166-1']

    catalogs = load_translations(args.localedir)

    states = []
    for country in sorted(countries, key=lambda c: c['alpha_2']):
        short = country['name']
        common = country.get('common_name')
        official = country.get('official_name')
        name = common or short

        other_names = []
        for other in (short, official):
            if other and other != name and other not in other_names:
                other_names.append(other)

        labels = {}
        for tag, catalog in catalogs.items():
            text = None
            if (common and common in catalog and
                    (tag, country['alpha_2']) not in BAD_COMMON_NAME_TRANSLATIONS):
                text = catalog[common]
            elif short in catalog:
                text = catalog[short]
            if text:
                text = text.strip().strip('\u200b').strip()
            if text:
                labels[tag] = text

        source = {
            'title': 'ISO 3166-1 country codes and names' +
                     (' (iso-codes %s)' % args.iso_codes_version
                      if args.iso_codes_version else ' (iso-codes)'),
            'url': 'https://salsa.debian.org/iso-codes-team/iso-codes',
            'document': 'iso_3166-1.json',
            'publisher': 'Debian iso-codes project',
        }
        state = {
            'type': 'state',
            'id': country['alpha_2'],
            'name': name,
        }
        if labels:
            state['labels'] = labels
        if other_names:
            state['other-names'] = [{'name': n, 'lang': 'en'}
                                    for n in other_names]
        state['identifiers'] = {'iso3166-1': country['alpha_2']}
        state['sources'] = [source]
        state['alpha-2'] = country['alpha_2']
        state['alpha-3'] = country['alpha_3']
        state['numeric'] = int(country['numeric'], 10)
        states.append(state)

    # A label two states share in one language names neither reliably
    # (iso-codes 4.15 gives Liberia and Libya one Khmer name, Lithuania and
    # Latvia one Turkmen name): leave those labels out.
    for tag in catalogs:
        holders = {}
        for state in states:
            text = state.get('labels', {}).get(tag)
            if text:
                holders.setdefault(text, []).append(state)
        for text, sharing in holders.items():
            if len(sharing) > 1:
                for state in sharing:
                    del state['labels'][tag]

    if not states:
        sys.exit('gen-states.py: no states in ' + args.iso_3166_1)

    document = {
        'format': 'libiis-iso-3166-1',
        'iso-codes-version': args.iso_codes_version,
        'languages': sorted(catalogs.keys()),
        'states': states,
    }
    if args.iso_3166_3:
        document['former-states'] = former_states(args)
    with open(args.output, 'w', encoding='utf-8') as f:
        json.dump(document, f, ensure_ascii=False, separators=(',', ':'),
                  sort_keys=False)
        f.write('\n')


if __name__ == '__main__':
    main()
