# test_bundled_data.py: the bundled catalog answers as its sources say
#
# Copyright 2026 The libiis authors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# The fact tables of data/facts/ record what each source says (a treaty
# office's row, a membership with its dates, a recorded vote). These tests
# ask the bundled catalog, through the public API, the questions each
# record answers, and compare: a record the build dropped or mapped wrong,
# or a question that answers wrong, fails here. They also hold the
# catalog to the minimums and provenance rules of docs/bundled-catalog.md.

import datetime
import glob
import json
import os
import re

import pytest

from gi.repository import Iis

from conftest import SRCDIR

FACTS = os.path.join(SRCDIR, '..', 'data', 'facts')
UN_SYMBOL = re.compile(r'^[A-Z]+(/[0-9A-Z.-]+)+$')
DAY = re.compile(r'^\d{4}-\d{2}-\d{2}$')


def tables():
    out = []
    for path in sorted(glob.glob(os.path.join(FACTS, '*.json'))):
        with open(path, encoding='utf-8') as f:
            out.append((os.path.basename(path), json.load(f)))
    return out


def records(kind):
    for name, table in tables():
        for i, record in enumerate(table.get('records', [])):
            if record.get('type') == kind:
                yield '%s: records[%d]' % (name, i), record


@pytest.fixture(scope='module')
def catalog():
    """The bundled catalog alone, without the data folders' layers."""
    catalog = Iis.Catalog.new()
    catalog.load_bundled()
    return catalog


def day(text):
    return Iis.Date.parse(text)


def day_before(text):
    d = datetime.date.fromisoformat(text) - datetime.timedelta(days=1)
    return Iis.Date.new(d.year, d.month, d.day)


def ids(model):
    return {e.get_id() for e in model}


def test_minimums(catalog):
    agreements = catalog.list_entities(Iis.Agreement)
    relations = catalog.list_relations(None, Iis.RelationKind.ANY, None)
    assert len(agreements) >= 60, 'at least 60 agreements or instruments'
    assert len(relations) >= 3000, 'at least 3,000 relations'
    without_url = []
    for relation in relations:
        sources = relation.get_sources()
        assert len(sources) > 0, 'every relation has a source'
        if not any((s.props.url or '').startswith('http') or
                   UN_SYMBOL.match(s.props.document or '') for s in sources):
            without_url.append('%s %s %s' % (relation.get_subject().get_id(),
                                              relation.props.kind.value_nick,
                                              relation.get_object().get_id()))
    assert without_url == [], 'every relation cites a URL or a UN symbol'


def test_every_entity_cites_a_page(catalog):
    """Every entity, the seeds' included, has a source with a URL or a UN
    document symbol, not only a seed file name or a publisher."""
    without_url = []
    for entity in catalog.list_entities(Iis.Entity):
        sources = entity.get_sources()
        if not any((s.props.url or '').startswith('http') or
                   UN_SYMBOL.match(s.props.document or '') for s in sources):
            without_url.append(entity.get_id())
    assert len(catalog.list_entities(Iis.Entity)) > 400
    assert without_url == [], 'entities without a URL or UN symbol: %s' % without_url


def test_every_state(catalog):
    with open('/usr/share/iso-codes/json/iso_3166-1.json', encoding='utf-8') as f:
        codes = [c['alpha_2'] for c in json.load(f)['3166-1']]
    for code in codes:
        assert isinstance(catalog.lookup(code), Iis.State), code


def test_catalog_is_valid(catalog):
    problems = catalog.validate()
    assert [p.props.message for p in problems] == []


def test_sources_have_locators(catalog):
    """Each membership record's locator is the locator of a source of its
    membership (format 1.1), not a member the format does not know."""
    warnings = [p.props.message for p in catalog.validate_full(Iis.ValidateFlags.WARNINGS)
                if p.props.kind == Iis.ProblemKind.UNKNOWN_MEMBER]
    assert not [w for w in warnings if '“locator”' in w]
    checked = 0
    for where, r in records('membership'):
        if not r.get('locator'):
            continue
        # An undated record adds its source to one of the dated relations
        # of the same membership (see _relation_for): look at them all.
        relations = catalog.list_relations(catalog.lookup(r['member']), Iis.RelationKind.MEMBER_OF,
                                           catalog.lookup(r['organization']))
        locators = [s.props.locator for relation in relations if relation.props.role == r['role']
                    for s in relation.get_sources()]
        assert r['locator'] in locators, where
        checked += 1
    assert checked >= 50


def test_urls_come_from_the_tables(catalog):
    """No URL in the catalog that no fact table or fragment cites."""
    cited = set()
    for _, table in tables():
        cited.update(s.get('url') for s in table.get('sources', []))
    for path in glob.glob(os.path.join(SRCDIR, '..', 'data', 'catalog', '*.json')):
        with open(path, encoding='utf-8') as f:
            text = f.read()
        cited.update(re.findall(r'"url": "([^"]+)"', text))
    for relation in catalog.list_relations(None, Iis.RelationKind.ANY, None):
        for source in relation.get_sources():
            if source.props.url and not source.props.url.startswith(
                    'https://salsa.debian.org/iso-codes-team'):
                assert source.props.url in cited


def _relation_for(catalog, where, subject, kind, obj, role, start):
    """The relation of the catalog that states a record: the one that
    starts where the record does, or the one that keeps the record's start
    as an alternative (sources that disagree are merged into one relation,
    see build-aux/facts.py). Returns (relation, is_primary)."""
    relations = catalog.list_relations(catalog.lookup(subject), kind, catalog.lookup(obj))
    relations = [r for r in relations if role is None or r.props.role == role]
    assert relations, '%s: no %s relation %s → %s' % (where, kind.value_nick, subject, obj)
    for r in relations:
        if (r.props.start.to_string() if r.props.start else None) == start:
            return r, True
    for r in relations:
        if start and start in (r.get_qualifier('alternative-start') or ''):
            return r, False
    # An undated record only adds its source to a dated relation.
    assert start is None or start.startswith('../'), '%s: no relation starts %s' % (where, start)
    return relations[0], False


def test_memberships(catalog):
    checked = 0
    for where, r in records('membership'):
        org = catalog.lookup(r['organization'])
        assert isinstance(org, Iis.Organization), where
        relation, primary = _relation_for(catalog, where, r['member'], Iis.RelationKind.MEMBER_OF,
                                          r['organization'], r['role'], r.get('start'))
        start, end = r.get('start'), r.get('end')
        if not primary:
            continue
        if start and DAY.match(start):
            members = ids(catalog.get_members(org, r['role'], day(start)))
            assert r['member'] in members, '%s: %s not a %s of %s at %s' % (
                where, r['member'], r['role'], r['organization'], start)
            checked += 1
        if end and DAY.match(end) and relation.props.end and relation.props.end.to_string() == end:
            others = catalog.list_relations(catalog.lookup(r['member']), Iis.RelationKind.MEMBER_OF, org)
            if not any(o.props.role == r['role'] and o is not relation and o.holds_at(day(end))
                       for o in others):
                members = ids(catalog.get_members(org, r['role'], day(end)))
                assert r['member'] not in members, '%s: still a member at %s' % (where, end)
                checked += 1
    assert checked >= 50


def test_treaty_rows(catalog):
    checked = 0
    for where, r in records('treaty-status'):
        agreement = catalog.lookup(r['agreement'])
        assert isinstance(agreement, Iis.Agreement), where
        if r.get('signature'):
            assert r['party'] in ids(catalog.get_signatories(agreement)), where
            checked += 1
        in_force = r.get('entry-into-force')
        if not in_force:
            continue
        # Sources that disagree on the kind of consent give one relation
        # per kind: the record's is the one with its kind.
        relation, primary = _relation_for(catalog, where, r['party'], Iis.RelationKind.PARTY_TO,
                                          r['agreement'], r.get('consent-kind'), in_force)
        assert relation.props.role == r.get('consent-kind'), where
        if r.get('consent') and primary:
            assert relation.get_qualifier('deposit') == r['consent'], where
        if primary and DAY.match(in_force):
            assert r['party'] in ids(catalog.get_parties(agreement, day(in_force))), where
            others = catalog.list_relations(catalog.lookup(r['party']), Iis.RelationKind.PARTY_TO, agreement)
            if not any(o is not relation and o.holds_at(day_before(in_force)) for o in others):
                assert r['party'] not in ids(catalog.get_parties(agreement, day_before(in_force))), where
            checked += 1
        effective = r.get('denunciation-effective')
        if effective and DAY.match(effective) and primary:
            assert r['party'] not in ids(catalog.get_parties(agreement, day(effective))), where
    assert checked >= 50


def test_votes(catalog):
    checked = 0
    for where, r in records('vote'):
        state = catalog.lookup(r['state'])
        resolution = catalog.lookup(r['resolution'])
        assert state is not None and resolution is not None, where
        votes = catalog.list_relations(state, Iis.RelationKind.VOTES_ON, resolution)
        assert [v.props.role for v in votes] == [r['vote']], where
        checked += 1
    assert checked >= 50


TREATY_ACTIONS = ('reservation', 'declaration', 'objection')


def test_treaty_statements(catalog):
    """Every reservation, declaration and objection of the tables is one
    relation of its kind, with its article, summary, dates, and the
    party's status lists it while it holds."""
    checked = 0
    for kind in TREATY_ACTIONS:
        relation_kind = Iis.RelationKind.from_nick(kind + '-to')
        for where, r in records(kind):
            party = catalog.lookup(r['party'])
            agreement = catalog.lookup(r['agreement'])
            assert isinstance(party, Iis.State), where
            assert isinstance(agreement, Iis.Agreement), where
            if kind == 'objection':
                assert isinstance(catalog.lookup(r['against']), Iis.State), where
            found = [s for s in catalog.list_relations(party, relation_kind, agreement)
                     if s.get_qualifier('summary') == r['summary']
                     and s.get_qualifier('article') == r.get('article')]
            assert len(found) == 1, where
            statement = found[0]
            if r.get('made'):
                assert statement.props.start.to_string() == r['made'], where
            else:
                assert not statement.props.start.is_exact(), where
            withdrawn = r.get('withdrawn')
            assert (statement.props.end.to_string() if statement.props.end else None) == withdrawn, where
            if r.get('made') and DAY.match(r['made']) and kind != 'objection':
                at = day(withdrawn) if withdrawn and DAY.match(withdrawn) else None
                if at is None:
                    status = catalog.get_party_status(agreement, party, day(r['made']))
                    if Iis.PartyStatusKind.is_bound(status.props.kind) or \
                            status.props.kind == Iis.PartyStatusKind.CONSENTED:
                        assert statement in list(status.props.reservations), where
                else:
                    status = catalog.get_party_status(agreement, party, at)
                    assert statement not in list(status.props.reservations), where
            checked += 1
    assert checked >= 100


def test_consents(catalog):
    """A treaty row's deposit is a consented-to relation of its kind."""
    checked = 0
    for where, r in records('treaty-status'):
        if not r.get('consent'):
            continue
        consents = catalog.list_relations(catalog.lookup(r['party']),
                                          Iis.RelationKind.CONSENTED_TO,
                                          catalog.lookup(r['agreement']))
        assert any(c.props.role == r['consent-kind'] for c in consents), where
        if DAY.match(r['consent']):
            assert any(c.props.start.to_string() == r['consent'] for c in consents), where
        checked += 1
    assert checked >= 100


def _facts_module():
    import importlib.util
    path = os.path.join(SRCDIR, '..', 'build-aux', 'facts.py')
    spec = importlib.util.spec_from_file_location('facts', path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize('change, message', [
    ({'summary': None}, '"summary" is missing'),
    ({'party': None}, '"party" is missing'),
    ({'made': '2010-02-30'}, 'has no day 30'),
    ({'withdrawn': '2001'}, 'withdrawn (2001) before it was made'),
    ({'article': 6}, 'a non-empty string or null'),
    ({'type': 'objection'}, '"against" is missing'),
    ({'source': 'nowhere'}, 'unknown source "nowhere"'),
])
def test_treaty_action_checks(tmp_path, change, message):
    facts = _facts_module()
    record = {'type': 'reservation', 'party': 'FR', 'agreement': 'coe-ets-185',
              'article': '22', 'made': '2006-01-10', 'summary': 'a summary',
              'source': 's', 'locator': 'row 1'}
    table = {'area': 'test', 'sources': [
        {'id': 's', 'url': 'https://example.org/', 'title': 't', 'kind': 'official'}],
        'records': [record]}
    path = tmp_path / 'table.json'
    path.write_text(json.dumps(table))
    entities, relations, counts = facts.convert(str(path))
    [relation] = relations
    assert (relation['kind'], relation['subject'], relation['object']) == \
        ('reservation-to', 'FR', 'coe-ets-185')
    assert relation['start'] == '2006-01-10' and 'end' not in relation
    assert relation['qualifiers'] == {'summary': 'a summary', 'article': '22'}
    assert counts['reservation'] == 1
    record.update(change)
    path.write_text(json.dumps(table))
    with pytest.raises(facts.FactError) as error:
        facts.convert(str(path))
    assert message in str(error.value)
# ---------------------------------------------------------------------------
# States over time (data/facts/states.json): the periods, continuations and
# successions the tables record, and the membership questions across them.

def _source_url(record):
    for _, table in tables():
        for source in table.get('sources', []):
            if source['id'] == record['source'] and any(
                    r == record for r in table.get('records', [])):
                return source['url']
    raise AssertionError('no source %s' % record['source'])


def _relation_records(kind):
    return [(where, r) for where, r in records('relation') if r['kind'] == kind]


def test_state_periods(catalog):
    checked = 0
    for where, r in records('state-period'):
        state = catalog.lookup(r['state'])
        assert isinstance(state, Iis.State), where
        for member in ('founded', 'ceased'):
            if member in r:
                date = state.get_property(member)
                assert date is not None and date.to_string() == r[member], where
                checked += 1
        # The record's source is among the state's.
        assert _source_url(r) in {s.props.url for s in state.get_sources()}, where
    assert checked >= 4


def test_continuations_and_successions(catalog):
    kinds = {'continues': Iis.RelationKind.CONTINUES, 'succeeds': Iis.RelationKind.SUCCEEDS}
    checked = 0
    for name, kind in kinds.items():
        for where, r in _relation_records(name):
            found = catalog.list_relations(catalog.lookup(r['subject']), kind,
                                           catalog.lookup(r['object']))
            assert len(found) == 1, where
            start = found[0].props.start
            assert (start.to_string() if start else None) == r.get('start'), where
            checked += 1
    assert checked >= 3


def _memberships_of(state):
    return [(where, r) for where, r in records('membership')
            if r['member'] == state and r.get('start') and DAY.match(r['start'])]


def test_continuity_across_the_change(catalog):
    """For each continuation of the tables: at the start of a membership
    the continued state held (a day before the continuation), the
    continuous question names the continued state, not its continuator,
    and the continuator's memberships include the continued state's."""
    checked = 0
    for where, c in _relation_records('continues'):
        successor, predecessor = catalog.lookup(c['subject']), catalog.lookup(c['object'])
        takeover = c.get('start') or predecessor.props.ceased.to_string()
        for mwhere, m in _memberships_of(c['object']):
            at = day(m['start'])
            if at.compare(Iis.Date.parse(takeover)) >= 0:
                continue
            org = catalog.lookup(m['organization'])
            members = ids(catalog.get_members_continuous(org, m['role'], at,
                                                         Iis.QuestionMode.CERTAIN))
            assert c['object'] in members and c['subject'] not in members, (where, mwhere)
            held = catalog.get_memberships_continuous(successor, at, Iis.QuestionMode.CERTAIN)
            assert any(r.props.subject is predecessor and r.props.object is org
                       for r in held), (where, mwhere)
            plain = catalog.get_memberships(successor, at)
            assert not any(r.props.subject is predecessor for r in plain), (where, mwhere)
            assert catalog.resolve_continuity(successor, at) is predecessor, where
            checked += 1
        if predecessor.props.ceased is not None:
            after = day(predecessor.props.ceased.to_string()[:4] + '-12-31')
            assert catalog.resolve_continuity(predecessor, after) is successor, where
    assert checked >= 1


def test_successors_are_new_members(catalog):
    """A successor does not take its predecessor's memberships: asked with
    continuity, its memberships are its own, and before its own admission
    it is no member of an organization its predecessor belonged to."""
    checked = 0
    for where, s in _relation_records('succeeds'):
        successor = catalog.lookup(s['subject'])
        held = catalog.get_memberships_continuous(successor, None, Iis.QuestionMode.POSSIBLE)
        assert all(r.props.subject is successor for r in held), where
        own = {m['organization']: m['start'] for _, m in _memberships_of(s['subject'])}
        for mwhere, m in _memberships_of(s['object']):
            at = day(m['start'])
            if m['organization'] in own and day(own[m['organization']]).compare(at) <= 0:
                continue
            org = catalog.lookup(m['organization'])
            members = ids(catalog.get_members_continuous(org, None, at, Iis.QuestionMode.CERTAIN))
            assert s['subject'] not in members, (where, mwhere)
            checked += 1
    assert checked >= 3


def test_ceased_states_hold_nothing_after(catalog):
    """A state that ceased is no member of anything after it ceased, even
    where its membership has no end."""
    checked = 0
    for where, r in records('state-period'):
        if 'ceased' not in r:
            continue
        state = catalog.lookup(r['state'])
        later = day(str(int(r['ceased'][:4]) + 1))
        assert len(catalog.get_memberships(state, later)) == 0, where
        assert not state.exists_at(later), where
        checked += 1
    assert checked >= 3
