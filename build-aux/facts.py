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
#   relation       → the relation of that kind (supporter-of → supports,
#                    author-of → sponsor-of)
#   treaty-status  → also consented-to (the deposit, role the kind of
#                    consent), denounced (notification; qualifier
#                    effective) and provisionally-applies, format 1.1
#   reservation, declaration, objection
#                  → reservation-to, declaration-to, objection-to (start
#                    made, end withdrawn; qualifiers summary, article,
#                    against)
#
# Dates qualified in EDTF (2005~, 201X, ../2015-12-03) are written as
# they are (format 1.1).
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

CONSENT_KINDS = {'ratification', 'acceptance', 'approval', 'formal-confirmation',
                 'accession', 'succession', 'definitive-signature'}
VOTES = {'yes', 'no', 'abstain', 'non-voting'}
FLAGS = {'R', 'D', 'A', 'T', 'C', 'O'}
END_REASONS = {'withdrawal', 'expulsion', 'suspension', 'dissolution',
               'succession'}
RELATION_KINDS = {
    'member-of', 'part-of', 'signatory-of', 'party-to', 'organizer-of',
    'participant-in', 'host-of', 'adopted-within', 'addresses',
    'implements', 'amends', 'supersedes', 'references', 'votes-on',
    'supports', 'sponsor-of', 'continues', 'succeeds', 'consented-to',
    'provisionally-applies', 'reservation-to', 'declaration-to',
    'objection-to', 'denounced',
}
# Names of the fact tables for kinds whose file-format name differs.
RELATION_ALIASES = {'supporter-of': 'supports', 'author-of': 'sponsor-of'}
# Kinds the tables record that the model does not hold yet: counted as
# held back, not mapped.
RELATION_KINDS_LATER = set()

PLAIN_DATE = re.compile(r'^\d{4}(-\d{2}(-\d{2})?)?$')
EDTF_DATE = re.compile(r'^(\d{4}|\d{3}X|\d{2}XX|\dXXX|XXXX)(-(\d{2}|XX)(-(\d{2}|XX))?)?[~?%]?$')
UN_SYMBOL = re.compile(r'^[A-Z]+(/[0-9A-Z.-]+)+$')


class FactError(Exception):
    pass


def _date(where, value):
    """Check a date of a table and return it as the file format writes it:
    an ISO 8601 partial date, an EDTF level 1 date (2005~, 201X), or
    "../DATE" (on or before DATE), all of which libiis reads (format
    1.1)."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise FactError('%s: a date must be a string, not %r' % (where, value))
    inner = value[3:] if value.startswith('../') else value
    if PLAIN_DATE.match(inner):
        _check_calendar(where, inner)
        return value
    if not EDTF_DATE.match(inner):
        raise FactError('%s: "%s" is not an ISO 8601 or EDTF level 1 date'
                        % (where, value))
    plain = inner.rstrip('~?%').split('-')
    if all('X' not in part for part in plain):
        _check_calendar(where, '-'.join(plain))
    return value


def _is_dated(value):
    """Whether a start says when: not absent, not only "on or before",
    not wholly unspecified."""
    return bool(value) and not value.startswith('../') and value != 'XXXX'


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
        self.patches = []
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
        date = _date(where, source.get('status-date'))
        if date and not date.startswith('../'):
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
        value = _date('%s.%s' % (where, member), value)
        if value:
            relation[member] = value
    relation['confidence'] = table.confidence(where, record)
    if record.get('note'):
        quals['note'] = record['note']
    if quals:
        relation['qualifiers'] = {k: str(v) for k, v in quals.items()}
    relation['sources'] = [table.cite(where, record.get('source'),
                                      record.get('locator'))]
    return relation


def _undated(table, record, by=None):
    """The start of a fact the source states without a date: on or before
    @by or the source's status date ("../2015-12-03"), or wholly unknown
    ("XXXX") when the page has no date. Either way the questions answer
    it as possibly holding before that date, never certainly."""
    by = by or table.sources[record['source']].get('status-date')
    return '../' + by if by else 'XXXX'


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
                      record.get('start') or _undated(table, record),
                      record.get('end'), quals)], 0


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
        out.append(_relation(table, where, record, 'signatory-of', party,
                             agreement, None, record['signature'], None,
                             dict(common)))
    if consent:
        # The deposit of the instrument (or a definitive signature), a
        # treaty action of its own (format 1.1): a party that consented
        # and is not yet bound, or whose entry into force no source gives,
        # has its status from it.
        out.append(_relation(table, where, record, 'consented-to', party,
                             agreement, kind, consent, None, dict(common)))
    if record.get('denunciation') or record.get('denunciation-effective'):
        quals = {}
        if record.get('denunciation-effective'):
            quals['effective'] = record['denunciation-effective']
        out.append(_relation(table, where, record, 'denounced', party,
                             agreement, 'denunciation',
                             record.get('denunciation') or _undated(
                                 table, record, record.get('denunciation-effective')),
                             None, quals))
    if record.get('provisional-application'):
        out.append(_relation(table, where, record, 'provisionally-applies',
                             party, agreement, None,
                             record['provisional-application'], in_force, {}))
    if bound_undated:
        # The source says the party consented (and is bound) but gives no
        # date: bound at least from the date it gives or from the source's
        # status date, start unknown.
        quals = dict(common)
        start = _undated(table, record, consent[3:] if consent else None)
        out.append(_relation(table, where, record, 'party-to', party,
                             agreement, kind, start,
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


TREATY_ACTIONS = ('reservation', 'declaration', 'objection')
STATEMENT_KINDS = ('reservation-to', 'declaration-to', 'objection-to')
TREATY_ACTION_DATES = ('made', 'withdrawn')


def _treaty_action(table, where, record):
    """A reservation, declaration or objection a party made to a treaty:
    a `reservation-to`, `declaration-to` or `objection-to` relation from
    the date it was made (on or before the source's status date when the
    source gives none) to the date it was withdrawn, with the article, our
    summary (not the text) and, for an objection, the party objected to."""
    _need(where, record, 'party', 'agreement', 'summary')
    for member in TREATY_ACTION_DATES:
        _date('%s.%s' % (where, member), record.get(member))
    made, withdrawn = record.get('made'), record.get('withdrawn')
    if (withdrawn and _is_dated(made) and _is_dated(withdrawn)
            and _coarse(_bound(withdrawn), _bound(made)) < 0):
        raise FactError('%s: withdrawn (%s) before it was made (%s)'
                        % (where, withdrawn, made))
    article = record.get('article')
    if article is not None and not (isinstance(article, str) and article):
        raise FactError('%s.article: a non-empty string or null, not %r'
                        % (where, article))
    quals = {'summary': record['summary']}
    if article:
        quals['article'] = article
    if record['type'] == 'objection':
        _need(where, record, 'against')
        quals['against'] = record['against']
    kind = record['type'] + '-to'
    return [_relation(table, where, record, kind, record['party'],
                      record['agreement'], None,
                      made or _undated(table, record), withdrawn, quals)], 0


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


def _state_period(table, where, record):
    """A state's period (format 1.1 `founded` / `ceased`), as a patch of
    the state entity: gen-catalog.py sets the dates on the state, from
    iso-codes or a table, and adds the record's source to it."""
    _need(where, record, 'state')
    if not record.get('founded') and not record.get('ceased'):
        raise FactError('%s: a state period needs "founded" or "ceased"' % where)
    patch = {'_patch': True, '_where': where, 'id': record['state']}
    for member in ('founded', 'ceased'):
        value = _date('%s.%s' % (where, member), record.get(member))
        if value:
            patch[member] = value
    table.confidence(where, record)
    patch['sources'] = [table.cite(where, record.get('source'),
                                   record.get('locator'))]
    table.patches.append(patch)
    return [], 0


RECORDS = {
    'state-period': _state_period,
    'membership': _membership,
    'treaty-status': _treaty_status,
    'vote': _vote,
    'relation': _plain_relation,
    'reservation': _treaty_action,
    'declaration': _treaty_action,
    'objection': _treaty_action,
}

DATE_MEMBERS = ('founded', 'dissolved', 'adopted', 'entry-into-force',
                'start', 'end')


def _entity(table, where, entity):
    _need(where, entity, 'type', 'id')
    out = {}
    for member, value in entity.items():
        if member == 'sources':
            continue
        if member in DATE_MEMBERS:
            value = _date('%s.%s' % (where, member), value)
            if value:
                out[member] = value
            continue
        out[member] = value
    sources = entity.get('sources')
    if not isinstance(sources, list) or not sources:
        raise FactError(where + ': no source')
    out['sources'] = [table.cite('%s.sources[%d]' % (where, i), s.get('ref'),
                                 s.get('locator'))
                      for i, s in enumerate(sources)]
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
    # State periods patch entities defined elsewhere (see _state_period).
    entities.extend(table.patches)
    return entities, relations, counts


def _coarse(a, b):
    """Compare two partial dates at the coarser precision (-1, 0, 1)."""
    n = min(len(a), len(b))
    return (a[:n] > b[:n]) - (a[:n] < b[:n])


def _bound(value):
    """A date as a comparable prefix: None when it says no bound (absent,
    on or before, wholly unknown); qualifiers and X digits dropped."""
    if not _is_dated(value):
        return None
    return value.rstrip('~?%').split('X')[0].rstrip('-')


def _overlap(a, b):
    """Whether two relations' periods overlap, by the rule of
    iis_catalog_validate() on their digits: unbounded ends overlap
    everything."""
    a_start, a_end = _bound(a.get('start')), _bound(a.get('end'))
    b_start, b_end = _bound(b.get('start')), _bound(b.get('end'))
    if a_start and b_end and _coarse(a_start, b_end) >= 0:
        return False
    if b_start and a_end and _coarse(b_start, a_end) >= 0:
        return False
    return True


def _source_name(relation):
    source = relation['sources'][0]
    return source.get('publisher') or source.get('title') or source.get('url')


def merge_overlapping(relations):
    """Merge the relations of one (subject, kind, object, role) whose
    periods overlap: several sources stating one fact, or disagreeing on
    its dates. The relation of the most confident source (the first of
    equals, then the most precise) among those that date their start
    stands; the others' sources are added to it, a date it lacks (an older
    page cannot give the end) is taken from the next that gives one, and
    a date they give differently is kept as an "alternative-start" or
    "alternative-end" qualifier naming the source, so both readings stay
    in the catalog. An undated record only adds its source. Returns the
    merged list, in the original order."""
    rank = {'high': 3, 'medium': 2, 'low': 1}
    groups = {}
    for relation in relations:
        key = (relation['subject'], relation['kind'], relation['object'],
               relation.get('role'))
        if relation['kind'] in STATEMENT_KINDS:
            # A party makes many reservations to one treaty: each is a
            # statement of its own.
            quals = relation.get('qualifiers', {})
            key += (quals.get('article'), quals.get('summary'), quals.get('against'))
        groups.setdefault(key, []).append(relation)
    dropped = set()
    for group in groups.values():
        if len(group) < 2:
            continue
        # Dated first, then the most confident, then the most precise.
        ordered = sorted(group, key=lambda r: (not _is_dated(r.get('start')),
                                               -rank.get(r.get('confidence'), 0),
                                               -len(_bound(r.get('start')) or '')))
        kept = []
        for relation in ordered:
            into = next((k for k in kept if _overlap(k, relation)), None)
            if into is None:
                kept.append(relation)
                continue
            dropped.add(id(relation))
            quals = into.setdefault('qualifiers', {})
            for member in ('start', 'end'):
                theirs = relation.get(member)
                if member == 'start' and not _is_dated(theirs):
                    continue
                if theirs and not _is_dated(into.get(member)):
                    # A source that does not say (an older page: no end
                    # yet) leaves the value to one that does.
                    into[member] = theirs
                    continue
                if theirs and theirs != into.get(member):
                    name = 'alternative-' + member
                    text = '%s (%s)' % (theirs, _source_name(relation))
                    quals[name] = quals[name] + '; ' + text if name in quals else text
            for source in relation['sources']:
                if source not in into['sources']:
                    into['sources'].append(source)
            note = relation.get('qualifiers', {}).get('note')
            if note and note not in quals.get('note', ''):
                quals['note'] = quals['note'] + ' / ' + note if 'note' in quals else note
    return [r for r in relations if id(r) not in dropped]


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
