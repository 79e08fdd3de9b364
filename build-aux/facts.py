#!/usr/bin/env python3
# facts.py: read the fact tables of data/facts/ and map them onto the
# entities and relations of the libiis file format
#
# Copyright 2026 The libiis authors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# A fact table (data/facts/README.md) records what each source says in
# the source's own terms: a treaty office's row (signature, deposit of the
# instrument and its kind, entry into force for the party, the chart's
# R/D/A/T flags, denunciation), a membership with its role and dates, a
# recorded vote, any other dated relation. This module checks a table
# (every record cites a source of its file that has a URL or a document
# symbol, dates are well formed, the members a record type needs are
# there) and maps it onto the file format:
#
#   membership     → member-of (role, start, end; founding and end-reason
#                    as qualifiers)
#   treaty-status  → signatory-of from the signature; party-to from the
#                    entry into force for the party to the date its
#                    denunciation takes effect, role the kind of consent,
#                    the deposit date as the "deposit" qualifier
#   vote           → votes-on (role yes / no / abstain / non-voting,
#                    start the date of the vote)
#   relation       → the relation of that kind (supporter-of → supports;
#                    author-of is held back until the model has it)
#
# What the model cannot hold yet is not guessed at: a consent deposited
# whose entry into force for the party is not known gives no party-to
# (it is kept as the "deposit" and "consent-kind" qualifiers of the
# signature, if there is one), and the generator reports how many records
# it held back. Dates qualified in EDTF (2005~, 201X) are held in a
# qualifier ("start-edtf") and written as the plain partial date they
# contain, if any.
#
# Used by gen-catalog.py at build time; run by hand it checks tables and
# prints their counts:
#
#   build-aux/facts.py data/facts/*.json

import json
import re
import sys

CONFIDENCE = {
    'depositary': 'high',
    'official': 'high',
    'secondary': 'medium',
    'other': 'low',
}
CONFIDENCE_ORDER = ['low', 'medium', 'high']

CONSENT_KINDS = {'ratification', 'acceptance', 'approval', 'accession',
                 'succession', 'definitive-signature'}
VOTES = {'yes', 'no', 'abstain', 'non-voting'}
FLAGS = {'R', 'D', 'A', 'T', 'C', 'O'}
END_REASONS = {'withdrawal', 'expulsion', 'suspension', 'dissolution',
               'succession'}
RELATION_KINDS = {
    'member-of', 'part-of', 'signatory-of', 'party-to', 'organizer-of',
    'participant-in', 'host-of', 'adopted-within', 'addresses',
    'implements', 'amends', 'supersedes', 'references', 'votes-on',
    'supports',
}
# Names of the fact tables for kinds whose file-format name differs.
RELATION_ALIASES = {'supporter-of': 'supports'}
# Kinds the tables record that the model does not hold yet: counted as
# held back, not mapped.
RELATION_KINDS_LATER = {'author-of'}

PLAIN_DATE = re.compile(r'^\d{4}(-\d{2}(-\d{2})?)?$')
EDTF_DATE = re.compile(r'^(\d{4}|\d{3}X|\d{2}XX)(-(\d{2}|XX)(-(\d{2}|XX))?)?[~?%]?$')
UN_SYMBOL = re.compile(r'^[A-Z]+(/[0-9A-Z.-]+)+$')


class FactError(Exception):
    pass


def _date(where, value):
    """Return (plain, edtf): the partial date the file format holds now and
    the EDTF text when the source qualified the date."""
    if value is None:
        return None, None
    if not isinstance(value, str):
        raise FactError('%s: a date must be a string, not %r' % (where, value))
    if PLAIN_DATE.match(value):
        _check_calendar(where, value)
        return value, None
    if value.startswith('../'):
        # "On or before": no date the model holds yet, kept as EDTF.
        _date(where, value[3:])
        return None, value
    if value in ('..', '') or not EDTF_DATE.match(value):
        raise FactError('%s: "%s" is not an ISO 8601 or EDTF level 1 date'
                        % (where, value))
    plain = value.rstrip('~?%')
    parts = plain.split('-')
    kept = []
    for part in parts:
        if 'X' in part:
            break
        kept.append(part)
    plain = '-'.join(kept) if kept else None
    if plain:
        _check_calendar(where, plain)
    return plain, value


def _check_calendar(where, value):
    parts = [int(p) for p in value.split('-')]
    if len(parts) > 1 and not 1 <= parts[1] <= 12:
        raise FactError('%s: "%s" has no month %d' % (where, value, parts[1]))
    if len(parts) > 2:
        import calendar
        days = calendar.monthrange(parts[0], parts[1])[1]
        if not 1 <= parts[2] <= days:
            raise FactError('%s: "%s" has no day %d' % (where, value, parts[2]))


class Table:
    """One fact table, checked."""

    def __init__(self, path):
        self.path = path
        self.name = path.rsplit('/', 1)[-1]
        with open(path, encoding='utf-8') as f:
            try:
                self.doc = json.load(f)
            except json.JSONDecodeError as e:
                raise FactError('%s: %s' % (path, e))
        if not isinstance(self.doc, dict):
            raise FactError('%s: not a fact table' % path)
        self.sources = {}
        for i, source in enumerate(self.doc.get('sources', [])):
            where = '%s: sources[%d]' % (self.name, i)
            sid = source.get('id')
            if not sid:
                raise FactError(where + ': no id')
            if sid in self.sources:
                raise FactError('%s: duplicate source id "%s"' % (where, sid))
            url = source.get('url') or ''
            if not (url.startswith('http://') or url.startswith('https://')
                    or UN_SYMBOL.match(source.get('document') or '')):
                raise FactError('%s: a source needs an http(s) URL or a UN '
                                'document symbol' % where)
            if source.get('kind') not in CONFIDENCE:
                raise FactError('%s: kind must be one of %s' %
                                (where, ', '.join(sorted(CONFIDENCE))))
            if not source.get('title') and not source.get('publisher'):
                raise FactError(where + ': a source needs a title or a publisher')
            _date(where + '.status-date', source.get('status-date'))
            self.sources[sid] = source

    def cite(self, where, ref, locator):
        """The file-format source object for a reference and a locator."""
        source = self.sources.get(ref)
        if source is None:
            raise FactError('%s: unknown source "%s"' % (where, ref))
        out = {}
        for member in ('title', 'url', 'document', 'publisher'):
            if source.get(member):
                out[member] = source[member]
        date, _ = _date(where, source.get('status-date'))
        if date:
            out['date'] = date
        if locator:
            out['locator'] = locator
        return out

    def confidence(self, where, record):
        source = self.sources.get(record.get('source'))
        if source is None:
            raise FactError('%s: unknown source "%s"' % (where, record.get('source')))
        level = CONFIDENCE[source['kind']]
        lowered = record.get('confidence')
        if lowered is not None:
            if lowered not in CONFIDENCE_ORDER:
                raise FactError('%s.confidence: "%s" is not low, medium or high'
                                % (where, lowered))
            if CONFIDENCE_ORDER.index(lowered) > CONFIDENCE_ORDER.index(level):
                raise FactError('%s.confidence: "%s" is higher than its source '
                                'allows (%s)' % (where, lowered, level))
            level = lowered
        return level


def _need(where, record, *members):
    for member in members:
        if not record.get(member):
            raise FactError('%s: "%s" is missing' % (where, member))


def _relation(table, where, record, kind, subject, obj, role=None,
              start=None, end=None, qualifiers=None):
    relation = {'kind': kind, 'subject': subject, 'object': obj}
    quals = dict(qualifiers or {})
    if role:
        relation['role'] = role
    for member, value in (('start', start), ('end', end)):
        plain, edtf = _date('%s.%s' % (where, member), value)
        if plain:
            relation[member] = plain
        if edtf:
            quals[member + '-edtf'] = edtf
    relation['confidence'] = table.confidence(where, record)
    if record.get('note'):
        quals['note'] = record['note']
    if quals:
        relation['qualifiers'] = {k: str(v) for k, v in quals.items()}
    relation['sources'] = [table.cite(where, record.get('source'),
                                      record.get('locator'))]
    return relation


def _membership(table, where, record):
    _need(where, record, 'member', 'organization', 'role')
    quals = {}
    if record.get('founding'):
        quals['founding'] = 'true'
    reason = record.get('end-reason')
    if reason:
        if reason not in END_REASONS:
            raise FactError('%s.end-reason: "%s" is not one of %s' %
                            (where, reason, ', '.join(sorted(END_REASONS))))
        quals['end-reason'] = reason
    return [_relation(table, where, record, 'member-of', record['member'],
                      record['organization'], record['role'],
                      record.get('start'), record.get('end'), quals)], 0


def _treaty_status(table, where, record):
    _need(where, record, 'party', 'agreement')
    party, agreement = record['party'], record['agreement']
    kind = record.get('consent-kind')
    if kind is not None and kind not in CONSENT_KINDS:
        raise FactError('%s.consent-kind: "%s" is not one of %s' %
                        (where, kind, ', '.join(sorted(CONSENT_KINDS))))
    flags = record.get('flags') or []
    for flag in flags:
        if flag not in FLAGS:
            raise FactError('%s.flags: "%s" is not one of %s' %
                            (where, flag, ' '.join(sorted(FLAGS))))
    for member in ('signature', 'consent', 'entry-into-force', 'denunciation',
                   'denunciation-effective', 'provisional-application'):
        _date('%s.%s' % (where, member), record.get(member))
    if record.get('consent') and not kind:
        raise FactError('%s: a consent date needs its "consent-kind"' % where)

    common = {}
    if flags:
        common['chart-flags'] = ' '.join(flags)
    consent = record.get('consent')
    in_force = record.get('entry-into-force')
    # "../2018-06": the source says only that the party had consented by
    # then; like a consent-kind given alone, the party is bound, start
    # unknown.
    bound_undated = bool(kind) and not in_force and (
        not consent or consent.startswith('../'))
    out = []
    held = 0
    if record.get('signature'):
        quals = dict(common)
        if consent and not in_force and not bound_undated:
            # Consented, not (yet) in force for the party: the model has no
            # place for that but the signature's qualifiers (issue #13).
            quals['deposit'] = consent
            quals['consent-kind'] = kind
        out.append(_relation(table, where, record, 'signatory-of', party,
                             agreement, None, record['signature'], None,
                             quals))
    elif consent and not in_force and not bound_undated:
        held += 1
    if bound_undated:
        # The source says the party consented (and is bound) but gives no
        # date: bound at least from the date it gives or from the source's
        # status date, start unknown.
        quals = dict(common)
        status = table.sources[record['source']].get('status-date')
        if consent:
            quals['bound-by'] = consent[3:]
        elif status:
            quals['bound-by'] = status
        out.append(_relation(table, where, record, 'party-to', party,
                             agreement, kind, None,
                             record.get('denunciation-effective'), quals))
    if in_force:
        quals = dict(common)
        if consent:
            quals['deposit'] = consent
        if record.get('denunciation'):
            quals['denunciation'] = record['denunciation']
        if record.get('provisional-application'):
            quals['provisional-application'] = record['provisional-application']
        out.append(_relation(table, where, record, 'party-to', party,
                             agreement, kind, in_force,
                             record.get('denunciation-effective'), quals))
    if not out and not held and not (kind and (consent or in_force)):
        raise FactError('%s: a treaty-status row with no signature, consent '
                        'or entry into force says nothing' % where)
    return out, held


def _vote(table, where, record):
    _need(where, record, 'state', 'resolution', 'vote')
    if record['vote'] not in VOTES:
        raise FactError('%s.vote: "%s" is not one of %s' %
                        (where, record['vote'], ', '.join(sorted(VOTES))))
    return [_relation(table, where, record, 'votes-on', record['state'],
                      record['resolution'], record['vote'],
                      record.get('date'))], 0


def _plain_relation(table, where, record):
    _need(where, record, 'subject', 'kind', 'object')
    kind = RELATION_ALIASES.get(record['kind'], record['kind'])
    if kind in RELATION_KINDS_LATER:
        return [], 1
    if kind not in RELATION_KINDS:
        raise FactError('%s.kind: unknown relation kind "%s"' %
                        (where, record['kind']))
    quals = record.get('qualifiers') or {}
    if not isinstance(quals, dict):
        raise FactError('%s.qualifiers: not an object' % where)
    return [_relation(table, where, record, kind, record['subject'],
                      record['object'], record.get('role'),
                      record.get('start'), record.get('end'), quals)], 0


RECORDS = {
    'membership': _membership,
    'treaty-status': _treaty_status,
    'vote': _vote,
    'relation': _plain_relation,
}

DATE_MEMBERS = ('founded', 'dissolved', 'adopted', 'entry-into-force',
                'start', 'end')


def _entity(table, where, entity):
    _need(where, entity, 'type', 'id')
    out = {}
    quals = {}
    for member, value in entity.items():
        if member == 'sources':
            continue
        if member in DATE_MEMBERS:
            plain, edtf = _date('%s.%s' % (where, member), value)
            if plain:
                out[member] = plain
            if edtf:
                quals[member] = edtf
            continue
        out[member] = value
    sources = entity.get('sources')
    if not isinstance(sources, list) or not sources:
        raise FactError(where + ': no source')
    out['sources'] = [table.cite('%s.sources[%d]' % (where, i), s.get('ref'),
                                 s.get('locator'))
                      for i, s in enumerate(sources)]
    if quals:
        # Kept as an unknown member until dates hold EDTF (issue #12).
        out['edtf'] = quals
    return out


def convert(path):
    """Check the table at @path and return (entities, relations, counts)."""
    table = Table(path)
    entities = []
    for i, entity in enumerate(table.doc.get('entities', [])):
        entities.append(_entity(table, '%s: entities[%d]' % (table.name, i),
                                entity))
    relations = []
    counts = {'held-back': 0}
    for i, record in enumerate(table.doc.get('records', [])):
        where = '%s: records[%d]' % (table.name, i)
        mapper = RECORDS.get(record.get('type'))
        if mapper is None:
            raise FactError('%s.type: "%s" is not one of %s' %
                            (where, record.get('type'),
                             ', '.join(sorted(RECORDS))))
        if not record.get('source'):
            raise FactError(where + ': no source')
        produced, held = mapper(table, where, record)
        for relation in produced:
            relation['_where'] = where
        relations.extend(produced)
        counts[record['type']] = counts.get(record['type'], 0) + 1
        counts['held-back'] += held
    return entities, relations, counts


def main(argv):
    status = 0
    for path in argv[1:]:
        try:
            entities, relations, counts = convert(path)
        except FactError as e:
            print('facts.py: %s' % e, file=sys.stderr)
            status = 1
            continue
        print('%s: %d entities, %d relations (%s)' % (
            path, len(entities), len(relations),
            ', '.join('%s %d' % kv for kv in sorted(counts.items()))))
    return status


if __name__ == '__main__':
    sys.exit(main(sys.argv))
