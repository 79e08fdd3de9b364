# test_overrides.py: the Python overrides are the ones of this tree and
# only add to the introspected API
#
# Copyright 2026 The libiis authors
# SPDX-License-Identifier: LGPL-2.1-or-later

import datetime
import os

import gi.overrides
import pytest
from gi.repository import GLib, Iis

from conftest import ids

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_OVERRIDES = os.path.normpath(os.path.join(HERE, '..', '..', 'bindings',
                                                 'python', 'gi', 'overrides'))


def test_overrides_come_from_this_tree():
    module = gi.overrides.Iis
    assert os.path.dirname(os.path.abspath(module.__file__)) == SOURCE_OVERRIDES
    assert set(module.__all__) >= {'Date', 'Catalog', 'Entity', 'Relation'}
    assert Iis.Date is module.Date
    assert Iis.Catalog is module.Catalog


def test_overridden_types_keep_their_gtypes():
    assert Iis.Date.__gtype__.name == 'IisDate'
    assert Iis.Catalog.__gtype__.name == 'IisCatalog'
    assert issubclass(Iis.State, Iis.Entity)
    assert Iis.State.__gtype__.parent.name == 'IisEntity'
    # Objects made by the library come back as the overridden classes.
    d = Iis.Date.parse('2017')
    assert type(d) is Iis.Date and str(d) == '2017'
    c = Iis.Catalog.new()
    assert type(c) is Iis.Catalog and 'x' not in c


def test_date_values_everywhere():
    when = datetime.date(2001, 6, 15)
    sco = Iis.Organization(id='sco', name='SCO', founded=when)
    assert sco.get_founded() == Iis.Date(2001, 6, 15)
    sco.set_dissolved('2100')
    assert str(sco.props.dissolved) == '2100'
    sco.set_dissolved(None)
    assert sco.get_dissolved() is None
    a = Iis.Agreement(id='a', entry_into_force='2011-06')
    a.set_adopted(datetime.date(2009, 6, 16))
    assert (str(a.get_adopted()), str(a.get_entry_into_force())) == ('2009-06-16', '2011-06')
    with pytest.raises(GLib.Error):
        Iis.Forum(id='f', start='2017-02-30')
    with pytest.raises(TypeError):
        Iis.Forum(id='f', start=2017.0)


def test_questions_take_ids_and_dates(scenario):
    a = ids(scenario.get_members(scenario['sco'], 'member', Iis.Date(2018)))
    b = ids(scenario.get_members('sco', 'member', '2018'))
    c = ids(scenario.get_members('sco', role='member', at=datetime.date(2018, 1, 1)))
    assert a == b == c == ['CN', 'IN', 'KZ', 'RU', 'UZ']
    assert ids(scenario.get_members('sco', at='2001-06-15')) == ['CN', 'KZ', 'RU', 'UZ']


def test_plain_gi_calls_still_work(scenario):
    # The overrides keep the introspected signatures usable unchanged.
    sco = scenario.lookup('sco')
    members = Iis.Catalog.get_members(scenario, sco, None, Iis.Date.new(2018, 1, 1))
    assert len(members) == 6
    assert scenario.list_relations(None, Iis.RelationKind.PART_OF, sco)[0] \
        .get_subject().get_id() == 'sco-secretariat'
