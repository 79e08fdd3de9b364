# test_status.py: treaty actions and a party's status from Python
#
# Copyright 2026 The libiis authors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# The scenario of tests/data/treaty-actions.json (drawn from treaty office
# charts; see its sources), whose statuses at twelve dates
# tests/data/treaty-actions-expected.json gives.

import json

import pytest
from gi.repository import GLib, Gio, Iis

from conftest import data_path


@pytest.fixture(scope='module')
def catalog():
    catalog = Iis.Catalog.new()
    catalog.load_from_file(Gio.File.new_for_path(data_path('treaty-actions.json')), None)
    return catalog


@pytest.fixture(scope='module')
def expected():
    with open(data_path('treaty-actions-expected.json'), encoding='utf-8') as f:
        return json.load(f)


def date(text):
    return Iis.Date.parse(text) if text is not None else None


def test_every_status_at_every_date(catalog, expected):
    checked = 0
    for row in expected['statuses']:
        agreement = catalog.lookup(row['agreement'])
        party = catalog.lookup(row['party'])
        for at, kind in zip(expected['dates'], row['kinds']):
            if kind is None:
                continue
            status = catalog.get_party_status(agreement, party, date(at))
            assert status.props.kind.value_nick == kind, (row['agreement'], row['party'], at)
            assert status.props.party == party and status.props.agreement == agreement
            listed = {s.props.party.props.id: s.props.kind
                      for s in catalog.get_party_statuses(agreement, date(at))}
            assert listed[row['party']] == status.props.kind
            checked += 1
    assert checked > 100


def test_reservations_in_effect(catalog, expected):
    for row in expected['reservations-in-effect']:
        status = catalog.get_party_status(catalog.lookup(row['agreement']),
                                          catalog.lookup(row['party']), date(row['date']))
        assert [r.get_qualifier('article') for r in status.props.reservations] == row['articles']
        assert all(r.get_qualifier('text') for r in status.props.reservations)
    for row in expected['reservations']:
        kind = (Iis.RelationKind.ANY if row['kind'] == 'any'
                else Iis.RelationKind.from_nick(row['kind']))
        found = catalog.get_reservations(catalog.lookup(row['agreement']), kind,
                                         row['article'], date(row['date']))
        assert [r.props.subject.props.id for r in found] == row['parties']


def test_never_bound_and_compare(catalog, expected):
    for row in expected['never-bound']:
        found = catalog.get_signatories_never_bound(catalog.lookup(row['agreement']),
                                                    date(row['date']))
        assert [e.props.id for e in found] == row['parties']
    for row in expected['compare']:
        both, only_a, only_b = catalog.compare_parties(catalog.lookup(row['a']),
                                                       catalog.lookup(row['b']),
                                                       date(row['date']))
        assert [e.props.id for e in both] == row['both']
        assert [e.props.id for e in only_a] == row['only-a']
        assert [e.props.id for e in only_b] == row['only-b']


def test_decided_by_and_the_kinds(catalog):
    ctbt = catalog.lookup('un-ctbt')
    status = catalog.get_party_status(ctbt, catalog.lookup('RU'), date('2024-01-01'))
    assert status.props.kind == Iis.PartyStatusKind.CONSENT_WITHDRAWN
    [consent] = list(status.props.decided_by)
    assert consent.props.kind == Iis.RelationKind.CONSENTED_TO
    assert consent.props.role == 'ratification'
    assert consent.props.end.to_string() == '2023-11-02'
    assert consent.get_sources()[0].props.url.startswith('https://tass.com/')
    assert Iis.RelationKind.to_nick(Iis.RelationKind.DENOUNCED) == 'denounced'
    assert Iis.party_status_kind_is_bound(Iis.PartyStatusKind.DENUNCIATION_PENDING)
    assert not Iis.party_status_kind_is_bound(Iis.PartyStatusKind.CONSENTED)
    ets185 = catalog.lookup('coe-ets-185')
    assert ets185.props.opened_for_signature.to_string() == '2001-11-23'
    assert ets185.props.terminated is None


def test_errors(catalog):
    ets185 = catalog.lookup('coe-ets-185')
    with pytest.raises(GLib.Error) as info:
        catalog.get_party_status(ets185, Iis.State(id='FR', name='France'), None)
    assert info.value.matches(Iis.error_quark(), Iis.Error.UNKNOWN_REFERENCE)
    with pytest.raises(GLib.Error) as info:
        catalog.get_party_status(ets185, catalog.lookup('un-ctbt'), None)
    assert info.value.matches(Iis.error_quark(), Iis.Error.TYPE_MISMATCH)


def test_actions_built_from_properties_and_validated():
    catalog = Iis.Catalog.new()
    agreement = Iis.Agreement(id='agr', name='Agreement',
                              opened_for_signature=Iis.Date.parse('2001-01-01'))
    catalog.add_entity(agreement)
    catalog.add_entity(Iis.State(id='XA', name='A'))
    catalog.add_relation(Iis.Relation(kind=Iis.RelationKind.SIGNATORY_OF, subject=catalog['XA'],
                                      object=agreement, start=Iis.Date.parse('2003-01-01')))
    catalog.add_relation(Iis.Relation(kind=Iis.RelationKind.CONSENTED_TO, subject=catalog['XA'],
                                      object=agreement, role='ratification',
                                      start=Iis.Date.parse('2002-01-01')))
    [problem] = catalog.validate()
    assert problem.props.kind == Iis.ProblemKind.ACTIONS_OUT_OF_ORDER
    assert 'before the signature' in problem.props.message
    assert '"version": "1.1"' in catalog.to_data()[0]


def test_panel(catalog):
    ets185 = catalog.lookup('coe-ets-185')
    rows = [(r.props.party.props.id, r.props.date.to_string())
            for r in catalog.get_panel(ets185, 2011, 2013)]
    # Austria: in force on 2012-10-01; the others before 2011.
    assert rows == [('AL', '2011'), ('AL', '2012'), ('AL', '2013'),
                    ('AM', '2011'), ('AM', '2012'), ('AM', '2013'),
                    ('AT', '2012'), ('AT', '2013'),
                    ('FI', '2011'), ('FI', '2012'), ('FI', '2013'),
                    ('LV', '2011'), ('LV', '2012'), ('LV', '2013')]
    everything = catalog.get_panel(None, 2023, 2023)
    assert ('RU', 'coe-ets-173') not in {(r.props.party.props.id, r.props.agreement.props.id)
                                         for r in everything}


def test_dyads(catalog, expected):
    # The pairs of parties bound at each date of the charts, from the
    # statuses the charts give (bound or denunciation pending); an
    # agreement with a status left open at a date is not compared then.
    bound_kinds = {'bound', 'denunciation-pending'}
    compared = 0
    for i, at in enumerate(expected['dates']):
        rows = [(d.props.agreement.props.id, d.props.first.props.id, d.props.second.props.id)
                for d in catalog.get_dyads(None, date(at))]
        assert rows == sorted(rows)
        for agreement in sorted({row['agreement'] for row in expected['statuses']}):
            kinds = {row['party']: row['kinds'][i] for row in expected['statuses']
                     if row['agreement'] == agreement}
            if None in kinds.values():
                continue
            bound = sorted(party for party, kind in kinds.items() if kind in bound_kinds)
            want = [(agreement, a, b) for j, a in enumerate(bound) for b in bound[j + 1:]]
            assert [r for r in rows if r[0] == agreement] == want, (agreement, at)
            one = catalog.get_dyads(catalog.lookup(agreement), date(at))
            assert [(d.get_first().props.id, d.get_second().props.id) for d in one] == \
                [(a, b) for _, a, b in want]
            assert all(d.get_date().to_string() == at and d.get_agreement().props.id == agreement
                       for d in one)
            compared += len(want)
    assert compared > 20
