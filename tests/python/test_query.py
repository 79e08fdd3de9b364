# test_query.py: Iis.Query from Python
#
# Copyright 2026 The libiis authors
# SPDX-License-Identifier: LGPL-2.1-or-later

import pytest
from gi.repository import Gio, GLib, Iis

from conftest import data_path, ids

K = Iis.RelationKind


def test_query_by_properties(scenario):
    query = Iis.Query(entity_type=Iis.State, text='in', at='2016')
    assert query.get_entity_type() == Iis.State.__gtype__
    assert str(query.get_at()) == '2016'
    query.add_related(K.MEMBER_OF, 'sco', 'observer', False)
    assert query.get_n_constraints() == 1
    # Observers of the SCO in 2016 (Belarus and India) whose id or name
    # contains "in", ignoring case.
    assert ids(query.run(scenario)) == ['IN']
    query.set_text(None)
    assert ids(query.run(scenario)) == ['BY', 'IN']


def test_query_text_only(scenario):
    query = Iis.Query.new()
    query.set_text('INFO-W')
    assert ids(query.run(scenario)) == ['info-war', 'info-weapons']
    query.set_entity_type(Iis.Agreement)
    assert ids(query.run(scenario)) == []


def test_query_reverse_and_dates(scenario):
    query = Iis.Query(entity_type=Iis.Agreement)
    query.add_related(K.PARTY_TO, 'UZ', None, True)
    query.set_at('2011')
    assert ids(query.run(scenario)) == ['agr-2009']
    query.set_at('2013')
    assert ids(query.run(scenario)) == []
    query.clear_related()
    assert query.get_n_constraints() == 0
    assert len(query.run(scenario)) == 3


def test_query_unknown_reference(scenario):
    query = Iis.Query()
    query.add_related(K.MEMBER_OF, 'nowhere', None, False)
    with pytest.raises(GLib.Error) as info:
        query.run(scenario)
    assert info.value.matches(Iis.error_quark(), Iis.Error.UNKNOWN_REFERENCE)
    assert 'nowhere' in info.value.message


def test_query_mode_over_inexact_dates():
    """A query in the possible mode also finds what inexact dates leave
    open, and its answer tells which (tests/data/inexact.json)."""
    catalog = Iis.Catalog.new()
    catalog.load_from_file(Gio.File.new_for_path(data_path('inexact.json')), None)
    query = Iis.Query(entity_type=Iis.State, at=Iis.Date.parse('2004'))
    query.add_related(Iis.RelationKind.MEMBER_OF, 'org', 'member', False)
    assert query.props.mode == Iis.QuestionMode.CERTAIN
    assert [e.props.id for e in query.run(catalog)] == ['BB', 'DD']
    query.props.mode = Iis.QuestionMode.POSSIBLE
    answer = query.run(catalog)
    truth = {e.props.id: answer.get_truth(i) for i, e in enumerate(answer)}
    assert truth == {'AA': Iis.Truth.UNKNOWN, 'BB': Iis.Truth.YES,
                     'CC': Iis.Truth.UNKNOWN, 'DD': Iis.Truth.YES}
    # Two conditions: certain only where both certainly hold.
    query.add_related(Iis.RelationKind.PARTY_TO, 'agr', None, False)
    answer = query.run(catalog)
    truth = {e.props.id: answer.get_truth(i) for i, e in enumerate(answer)}
    assert truth == {'AA': Iis.Truth.UNKNOWN, 'BB': Iis.Truth.YES, 'DD': Iis.Truth.YES}
