# test_dataframe.py: Answer.to_dataframe() (skipped without pandas)
#
# Copyright 2026 The libiis authors
# SPDX-License-Identifier: LGPL-2.1-or-later

import datetime

import pytest
from gi.repository import Iis

from conftest import data_path

pandas = pytest.importorskip('pandas', reason='python3-pandas is not installed')


@pytest.fixture(scope='module')
def bundled():
    return Iis.Catalog.new_default()


def test_entities_in_a_frame(bundled):
    answer = bundled.get_members('sco', 'member', '2018-01-01')
    frame = answer.to_dataframe()
    assert list(frame.columns) == ['id', 'type', 'name', 'certainty']
    assert list(frame['id']) == [e.get_id() for e in answer]
    assert set(frame['type']) == {'state'}
    assert set(frame['certainty']) == {'certain'}


def test_relations_answer_the_question_again(bundled):
    """The members at a date, computed in pandas from the relations'
    bounds, are the catalog's."""
    frame = bundled.list_relations(None, Iis.RelationKind.MEMBER_OF, bundled['sco']).to_dataframe()
    assert len(frame) == len(bundled.list_relations(None, Iis.RelationKind.MEMBER_OF, bundled['sco']))
    for at in ['2002-01-01', '2010-06-01', '2018-01-01', '2024-01-01']:
        day = datetime.date.fromisoformat(at)
        holds = frame[(frame['role'] == 'member')
                      & frame['start_latest'].map(lambda d: d is None or d <= day)
                      & frame['end_earliest'].map(lambda d: d is None or d > day)]
        assert sorted(set(holds['subject'])) == \
            [e.get_id() for e in bundled.get_members('sco', 'member', at)], at


def test_inexact_dates_and_possible_items():
    catalog = Iis.Catalog.new()
    catalog.load_from_file(data_path('inexact.json'))
    answer = catalog.get_memberships_full(catalog['AA'], Iis.Date.parse('2005'),
                                          Iis.QuestionMode.POSSIBLE)
    frame = answer.to_dataframe()
    row = frame.iloc[0]
    assert row['start'] == '2005?'
    assert (row['start_earliest'], row['start_latest']) == (datetime.date(2004, 1, 1),
                                                            datetime.date(2006, 1, 1))
    assert row['certainty'] == 'possible'


def test_an_empty_answer():
    frame = Iis.Catalog.new().list_relations(None, Iis.RelationKind.ANY, None).to_dataframe()
    assert len(frame) == 0
