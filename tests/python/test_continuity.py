# test_continuity.py: states over time through PyGObject, on
# tests/data/successions.json (USSR/Russia, Czechoslovakia and its
# successors, Yugoslavia, Serbia and Montenegro)
#
# Copyright 2026 The libiis authors
# SPDX-License-Identifier: LGPL-2.1-or-later

import pytest

from gi.repository import Gio, Iis

from conftest import data_path, ids

CERTAIN = Iis.QuestionMode.CERTAIN


@pytest.fixture
def catalog():
    catalog = Iis.Catalog()
    catalog.load_from_file(Gio.File.new_for_path(data_path('successions.json')), None)
    return catalog


def members(catalog, at, continuous):
    un = catalog['un']
    at = Iis.Date.parse(at) if at else None
    if continuous:
        return ids(catalog.get_members_continuous(un, None, at, CERTAIN))
    return ids(catalog.get_members(un, None, at))


def held(catalog, state, at, continuous):
    at = Iis.Date.parse(at) if at else None
    if continuous:
        model = catalog.get_memberships_continuous(catalog[state], at, CERTAIN)
    else:
        model = catalog.get_memberships(catalog[state], at)
    return [(r.props.subject.get_id(), r.props.object.get_id()) for r in model]


def test_period_properties(catalog):
    su = catalog['SU']
    assert su.props.ceased.to_string() == '1991-12-26'
    assert su.props.founded is None
    assert su.exists_at(Iis.Date.parse('1980'))
    assert not su.exists_at(Iis.Date.parse('1992'))
    state = Iis.State(id='XX', founded=Iis.Date.parse('1993-01-01'))
    assert state.get_founded().to_string() == '1993-01-01'


@pytest.mark.parametrize('at,plain,continuous', [
    ('1980', ['CS', 'SU', 'YU'], ['CS', 'SU', 'YU']),
    ('1991-12-24', ['CS', 'SU', 'YU'], ['CS', 'RU', 'YU']),
    ('1992-06-01', ['CS', 'SI'], ['CS', 'RU', 'SI']),
    ('1993-01-10', ['SI'], ['RU', 'SI']),
    ('2005', ['CZ', 'SCG', 'SI', 'SK'], ['CZ', 'RU', 'SCG', 'SI', 'SK']),
    ('2006-06-10', ['CZ', 'SI', 'SK'], ['CZ', 'RS', 'RU', 'SI', 'SK']),
    ('2007', ['CZ', 'ME', 'SI', 'SK'], ['CZ', 'ME', 'RS', 'RU', 'SI', 'SK']),
])
def test_members_across_the_changes(catalog, at, plain, continuous):
    assert members(catalog, at, False) == plain
    assert members(catalog, at, True) == continuous


def test_russia_with_and_without_the_ussr(catalog):
    assert held(catalog, 'RU', '1980', False) == []
    assert held(catalog, 'RU', '1980', True) == [('SU', 'un')]
    assert held(catalog, 'RU', '2010', True) == [('SU', 'un')]
    assert held(catalog, 'CZ', None, True) == [('CZ', 'un')]
    assert held(catalog, 'RS', '2005', True) == [('SCG', 'un')]
    assert catalog.resolve_continuity(catalog['RU'], Iis.Date.parse('1980')) is catalog['SU']
    assert catalog.resolve_continuity(catalog['SU'], None) is catalog['RU']


def test_validation_and_kinds(catalog):
    assert len(catalog.validate()) == 0
    catalog.add_relation(Iis.Relation(kind=Iis.RelationKind.MEMBER_OF, subject=catalog['CZ'],
                                      object=catalog['un'], role='observer', start='1990'))
    problems = catalog.validate()
    assert [p.props.kind for p in problems] == [Iis.ProblemKind.OUTSIDE_EXISTENCE]
    assert 'CZ' in problems[0].props.message and 'founded' in problems[0].props.message
    with pytest.raises(Exception):
        catalog.add_relation(Iis.Relation(kind=Iis.RelationKind.SUCCEEDS, subject=catalog['un'],
                                          object=catalog['SU']))


def test_round_trip(catalog):
    data, _ = catalog.to_data()
    assert '"version": "1.1"' in data and '"succeeds"' in data
    again = Iis.Catalog()
    again.load_from_data(data, -1)
    assert again['CS'].props.ceased.to_string() == '1993-01-01'
    assert again.to_data()[0] == data


def test_query_follows_continuity(catalog):
    query = Iis.Query(entity_type=Iis.State, at='2006-06-10')
    query.add_related(Iis.RelationKind.MEMBER_OF, 'un', 'member', False)
    assert ids(query.run(catalog)) == ['CZ', 'SI', 'SK']
    query.props.follow_continuity = True
    assert query.get_follow_continuity()
    assert ids(query.run(catalog)) == ['CZ', 'RS', 'RU', 'SI', 'SK']
    query.props.at = Iis.Date.parse('1980')
    assert ids(query.run(catalog)) == ['CS', 'SU', 'YU']
    # Other conditions are not affected: the continues relations
    # themselves, asked in reverse.
    other = Iis.Query(follow_continuity=True)
    other.add_related(Iis.RelationKind.CONTINUES, 'SU', None, False)
    assert ids(other.run(catalog)) == ['RU']
