# test_questions.py: every question of the catalog from Python, on the
# dated scenario of conftest.py and on the bundled catalog
#
# Copyright 2026 The libiis authors
# SPDX-License-Identifier: LGPL-2.1-or-later

import datetime
import json

import pytest
from gi.repository import Gio, Iis

from conftest import data_path, ids

K = Iis.RelationKind
D = Iis.Date


def members(catalog, org, role, at):
    """get_members through the plain GI call, with an Iis.Date."""
    return ids(Iis.Catalog.get_members(catalog, catalog.lookup(org), role,
                                       D.parse(at) if at else None))


@pytest.mark.parametrize('role,at,expected', [
    ('member', '2018-01-01', 'CN IN KZ RU UZ'),
    ('member', '2017-06-08', 'CN KZ RU UZ'),
    ('member', '2017-06-09', 'CN IN KZ RU UZ'),
    ('member', '2001-06-14', ''),
    ('member', '2024-07-04', 'BY CN IN KZ RU UZ'),
    (None, '2016-01-01', 'BY CN IN KZ RU UZ'),
    (None, None, 'BY CN IN KZ RU UZ'),
    ('associate', None, ''),
    ('dialogue-partner', '2014-12-31', 'BY'),
    ('dialogue-partner', '2015-06-01', ''),
    ('observer', '2015', 'BY IN'),
    ('observer', '2024-07-04', ''),
])
def test_get_members(scenario, role, at, expected):
    assert ' '.join(members(scenario, 'sco', role, at)) == expected


def test_get_members_result_type(scenario):
    model = scenario.get_members(scenario['sco'], 'member', D(2018))
    assert isinstance(model, Gio.ListModel)
    assert model.get_item_type().is_a(Iis.Entity.__gtype__)
    assert all(isinstance(e, Iis.State) for e in model)


def test_dissolution_ends_memberships(scenario):
    assert ids(scenario.get_members('pact', 'member', '1995')) == ['KZ']
    assert ids(scenario.get_members('pact', 'member', '2005')) == []
    assert scenario.is_member('KZ', 'pact', '1999')
    assert not scenario.is_member('KZ', 'pact', '2000-01-01')


def test_is_member(scenario):
    sco = scenario['sco']
    assert Iis.Catalog.is_member(scenario, scenario['IN'], sco, D(2006))
    assert Iis.Catalog.is_member(scenario, scenario['IN'], sco, None)
    assert not Iis.Catalog.is_member(scenario, scenario['BY'], sco, D(2009))
    assert scenario.is_member('UZ', 'union', '2008-10')
    assert not scenario.is_member('UZ', 'union', '2008-11')


def test_get_memberships(scenario):
    by = scenario.get_memberships(scenario['BY'], None)
    assert [r.get_role() for r in by] == ['dialogue-partner', 'observer', 'member']
    assert all(r.get_kind() == K.MEMBER_OF for r in by)
    at_2016 = scenario.get_memberships('BY', '2016')
    assert [(r.get_object().get_id(), r.get_role()) for r in at_2016] == \
        [('sco', 'observer')]
    uz = scenario.get_memberships('UZ')
    assert [r.get_object().get_id() for r in uz] == ['sco', 'union']
    assert [r.get_object().get_id() for r in scenario.get_memberships('UZ', '2010')] == ['sco']


def test_get_parties_and_signatories(scenario):
    agr = scenario['agr-2009']
    assert ids(Iis.Catalog.get_parties(scenario, agr, D.parse('2011-06-01'))) == \
        ['KZ', 'RU', 'UZ']
    assert ids(scenario.get_parties('agr-2009', '2013')) == ['KZ', 'RU']
    assert ids(scenario.get_parties('agr-2009', '2010-06-01')) == ['UZ']
    assert ids(scenario.get_parties('agr-2009')) == ['KZ', 'RU', 'UZ']
    assert ids(scenario.get_signatories(agr)) == ['CN', 'KZ', 'RU', 'UZ']
    assert ids(scenario.get_signatories('agr-2006')) == []
    ru = scenario.list_relations('RU', K.PARTY_TO, 'agr-2009')[0]
    assert ru.get_qualifier('deposited') == '2010-06-02'


def test_get_agreements_of(scenario):
    assert ids(scenario.get_agreements_of(scenario['UZ'], D(2011))) == ['agr-2009']
    assert ids(scenario.get_agreements_of('UZ', '2013')) == []
    assert ids(scenario.get_agreements_of('CN')) == []
    assert ids(scenario.get_agreements_of('RU', datetime.date(2020, 1, 1))) == ['agr-2009']


def test_get_agreements_addressing(scenario):
    cat = scenario['info-weapons']
    assert ids(scenario.get_agreements_addressing(cat, False)) == ['agr-other']
    assert ids(scenario.get_agreements_addressing(cat, True)) == ['agr-2009', 'agr-other']
    assert ids(scenario.get_agreements_addressing('info-terrorism')) == ['agr-2009']
    assert ids(scenario.get_agreements_addressing('threats', True)) == \
        ['agr-2006', 'agr-2009', 'agr-other']
    assert ids(scenario.get_agreements_addressing('threats', False)) == ['agr-2006']


def test_get_forums_of(scenario):
    assert ids(scenario.get_forums_of(scenario['RU'], None)) == ['forum-2017']
    assert ids(scenario.get_forums_of('sco')) == ['forum-2017']
    assert ids(scenario.get_forums_of('RU', '2017-02-03')) == ['forum-2017']
    assert ids(scenario.get_forums_of('RU', '2017-02')) == ['forum-2017']
    assert ids(scenario.get_forums_of('RU', '2018')) == []
    # Undated forums take place at any date.
    assert ids(scenario.get_forums_of('UZ', '1990')) == ['forum-undated']
    assert ids(scenario.get_forums_of('CN')) == []


def test_get_parts_and_wholes(scenario):
    assert ids(scenario.get_parts(scenario['sco'], False)) == ['sco-secretariat']
    assert ids(scenario.get_parts('threats')) == ['info-terrorism', 'info-weapons']
    assert ids(scenario.get_parts('threats', True)) == \
        ['info-terrorism', 'info-war', 'info-weapons']
    assert ids(scenario.get_wholes('info-war')) == ['info-weapons']
    assert ids(scenario.get_wholes('info-war', True)) == ['info-weapons', 'threats']


def test_get_related(scenario):
    ru = scenario['RU']
    assert ids(scenario.get_related(ru, K.ORGANIZER_OF, False, None)) == ['forum-2017']
    assert ids(scenario.get_related('forum-2017', K.ANY, True)) == ['RU', 'sco']
    # Any role: India is an observer in 2009, Belarus not yet a partner.
    assert ids(scenario.get_related('sco', K.MEMBER_OF, True, '2009')) == \
        ['CN', 'IN', 'KZ', 'RU', 'UZ']
    assert ids(scenario.get_related('sco', K.MEMBER_OF, True, '2018')) == \
        ['BY', 'CN', 'IN', 'KZ', 'RU', 'UZ']


def test_validate(scenario):
    problems = scenario.validate()
    assert len(problems) == 0, [p.get_message() for p in problems]
    r = Iis.Relation(kind=K.MEMBER_OF, subject=scenario['CN'],
                     object=scenario['union'], role='member',
                     start='2010', end='2005')
    scenario.add_relation(r)
    problems = scenario.validate()
    assert len(problems) >= 1
    reversed_ = [p for p in problems
                 if p.get_kind() == Iis.ProblemKind.REVERSED_PERIOD]
    assert len(reversed_) == 1
    assert isinstance(reversed_[0], Iis.Problem)
    assert reversed_[0].get_subject_id() == 'CN'
    assert reversed_[0].get_message()


def test_validate_part_of_cycle(scenario):
    scenario.add_relation(Iis.Relation(kind=K.PART_OF, subject=scenario['threats'],
                                       object=scenario['info-war']))
    kinds = [p.get_kind() for p in scenario.validate()]
    assert Iis.ProblemKind.PART_OF_CYCLE in kinds
    # The questions stay safe against the cycle and leave out the start.
    assert ids(scenario.get_parts('threats', True)) == \
        ['info-terrorism', 'info-war', 'info-weapons']


# The bundled catalog: real facts

SCO_2018 = ['China', 'India', 'Kazakhstan', 'Kyrgyzstan', 'Pakistan',
            'Russia', 'Tajikistan', 'Uzbekistan']


def test_bundled_sco_members_2018(bundled):
    sco = bundled['sco']
    assert isinstance(sco, Iis.Organization)
    found = bundled.get_members(sco, 'member', '2018-01-01')
    names = sorted(e.get_name() for e in found)
    assert len(names) == len(SCO_2018)
    for expected in SCO_2018:
        assert any(expected in name for name in names), (expected, names)
    assert all(isinstance(e, Iis.State) for e in found)


def test_bundled_information_weapons(bundled):
    category = bundled['information-weapons']
    assert isinstance(category, Iis.ThreatCategory)
    agreements = ids(bundled.get_agreements_addressing(category, True))
    assert 'sco-2009-agreement' in agreements


def test_bundled_validates(bundled):
    problems = bundled.validate()
    assert [p.get_message() for p in problems] == []


def _answers():
    with open(data_path('inexact-answers.json'), encoding='utf-8') as f:
        return json.load(f)['questions']


@pytest.fixture(scope='module')
def inexact():
    catalog = Iis.Catalog.new()
    catalog.load_from_file(Gio.File.new_for_path(data_path('inexact.json')), None)
    return catalog


def _ask(catalog, question, of, at, mode):
    if question == 'members':
        return catalog.get_members_full(of, 'member', at, mode)
    if question == 'memberships':
        return catalog.get_memberships_full(of, at, mode)
    if question == 'parties':
        return catalog.get_parties_full(of, at, mode)
    if question == 'agreements-of':
        return catalog.get_agreements_of_full(of, at, mode)
    assert question == 'forums-of'
    return catalog.get_forums_of_full(of, at, mode)


def _by_truth(answer):
    out = {Iis.Truth.YES: [], Iis.Truth.UNKNOWN: []}
    for i, item in enumerate(answer):
        entity = item.props.object if isinstance(item, Iis.Relation) else item
        out[answer.get_truth(i)].append(entity.props.id)
    return out


@pytest.mark.parametrize('case', _answers(), ids=lambda c: '%s-%s-%s' % (c['question'], c['of'], c['at']))
def test_inexact_dates_in_both_modes(inexact, case):
    """The scenario of tests/data/inexact.json answers as the table says."""
    of = inexact[case['of']]
    at = Iis.Date.parse(case['at']) if case['at'] else None
    if case['question'] == 'is-member':
        truth = {'yes': Iis.Truth.YES, 'no': Iis.Truth.NO, 'unknown': Iis.Truth.UNKNOWN}[case['truth']]
        member = inexact[case['member']]
        assert inexact.get_member_truth(member, of, at) == truth
        assert inexact.is_member(member, of, at) == (truth == Iis.Truth.YES)
        return
    certain = _by_truth(_ask(inexact, case['question'], of, at, Iis.QuestionMode.CERTAIN))
    possible = _by_truth(_ask(inexact, case['question'], of, at, Iis.QuestionMode.POSSIBLE))
    assert certain == {Iis.Truth.YES: case['certain'], Iis.Truth.UNKNOWN: []}
    assert possible == {Iis.Truth.YES: case['certain'], Iis.Truth.UNKNOWN: case['possible']}
