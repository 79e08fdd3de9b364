# test_entities.py: every entity type, relations, names, sources and
# problems built from properties in Python
#
# Copyright 2026 The libiis authors
# SPDX-License-Identifier: LGPL-2.1-or-later

import datetime

import pytest
from gi.repository import GLib, GObject, Iis


def notifications(obj):
    """A list that collects the names of the properties @obj notifies."""
    seen = []
    obj.connect('notify', lambda o, pspec: seen.append(pspec.name))
    return seen


def test_state_by_properties():
    uz = Iis.State(id='UZ', name='Uzbekistan', alpha_2='UZ', alpha_3='UZB',
                   numeric=860, description='A state in Central Asia')
    assert isinstance(uz, Iis.Entity)
    assert uz.props.id == 'UZ'
    assert uz.get_id() == 'UZ'
    assert uz.props.name == 'Uzbekistan'
    assert (uz.get_alpha2(), uz.get_alpha3(), uz.get_numeric()) == ('UZ', 'UZB', 860)
    assert uz.props.alpha_2 == 'UZ'
    assert uz.props.description == 'A state in Central Asia'
    assert uz.get_type_nick() == 'state'


def test_state_new_and_iso_codes():
    uz = Iis.State.new('UZ', 'Uzbekistan')
    assert (uz.get_id(), uz.get_name()) == ('UZ', 'Uzbekistan')
    fr = Iis.State.new_from_iso_code('FR')
    assert fr.get_alpha3() == 'FRA'
    assert fr.get_numeric() == 250
    assert 'France' in fr.get_name()
    with pytest.raises(GLib.Error) as info:
        Iis.State.new_from_iso_code('QQ')
    assert info.value.domain == 'iis-error-quark'
    assert 'QQ' in info.value.message


def test_id_is_construct_only():
    uz = Iis.State(id='UZ', name='Uzbekistan')
    pspec = uz.find_property('id')
    assert pspec.flags & GObject.ParamFlags.CONSTRUCT_ONLY
    assert uz.get_id() == 'UZ'


def test_organization_by_properties():
    sco = Iis.Organization(id='sco', name='Shanghai Cooperation Organisation',
                           acronym='SCO',
                           kind=Iis.OrganizationKind.INTERGOVERNMENTAL,
                           founded=Iis.Date('2001-06-15'))
    assert sco.get_acronym() == 'SCO'
    assert sco.props.kind == Iis.OrganizationKind.INTERGOVERNMENTAL
    assert sco.get_founded() == Iis.Date(2001, 6, 15)
    assert sco.get_dissolved() is None
    assert sco.exists_at(Iis.Date(2001, 6, 15))
    assert not sco.exists_at(Iis.Date(2001, 6, 14))
    assert sco.exists_at(None)
    sco.set_dissolved(Iis.Date(2030))
    assert not sco.exists_at(Iis.Date('2031'))
    # The override accepts strings and datetime.date for dates.
    assert sco.exists_at('2020') and sco.exists_at(datetime.date(2020, 1, 1))


def test_agreement_by_properties():
    a = Iis.Agreement(id='sco-2009-agreement', name='SCO agreement',
                      kind=Iis.AgreementKind.AGREEMENT,
                      status=Iis.AgreementStatus.IN_FORCE,
                      adopted=Iis.Date(2009, 6, 16),
                      adopted_place='Yekaterinburg',
                      entry_into_force=Iis.Date(2011, 6, 2))
    assert a.get_kind() == Iis.AgreementKind.AGREEMENT
    assert a.get_status() == Iis.AgreementStatus.IN_FORCE
    assert str(a.get_adopted()) == '2009-06-16'
    assert a.get_adopted_place() == 'Yekaterinburg'
    assert str(a.props.entry_into_force) == '2011-06-02'
    assert a.get_type_nick() == 'agreement'


def test_forum_by_properties():
    f = Iis.Forum(id='infoforum-2017', name='Infoforum 2017',
                  kind=Iis.ForumKind.FORUM, start='2017-02-02',
                  end=datetime.date(2017, 2, 3), city='Moscow',
                  participant_count=1500, participant_count_is_minimum=True,
                  topics=['cybercrime', 'critical infrastructure'])
    assert f.get_kind() == Iis.ForumKind.FORUM
    assert (str(f.get_start()), str(f.get_end())) == ('2017-02-02', '2017-02-03')
    assert f.get_city() == 'Moscow'
    assert f.get_participant_count() == 1500
    assert f.get_participant_count_is_minimum()
    assert list(f.get_topics()) == ['cybercrime', 'critical infrastructure']
    f.add_topic('children')
    assert list(f.props.topics) == ['cybercrime', 'critical infrastructure', 'children']
    f.set_topics(None)
    assert not f.get_topics()


def test_threat_category_by_properties():
    t = Iis.ThreatCategory(id='information-terrorism',
                           name='Information terrorism',
                           definition='Using information to terrorize')
    assert t.get_definition() == 'Using information to terrorize'
    assert t.get_type_nick() == 'threat-category'


def test_entity_types_and_nicks():
    for cls, nick in ((Iis.State, 'state'), (Iis.Organization, 'organization'),
                      (Iis.Agreement, 'agreement'), (Iis.Forum, 'forum'),
                      (Iis.ThreatCategory, 'threat-category')):
        assert Iis.Entity.type_to_nick(cls.__gtype__) == nick
        assert Iis.Entity.type_from_nick(nick) == cls.__gtype__
    assert Iis.Entity.type_from_nick('spaceship') == GObject.TYPE_INVALID
    assert Iis.Entity.__gtype__.is_abstract()


def test_labels_and_display_name():
    uz = Iis.State(id='UZ', name='Uzbekistan')
    uz.set_label('ru', 'Узбекистан')
    uz.set_label('uz', "O'zbekiston")
    assert uz.get_label('ru') == 'Узбекистан'
    assert uz.get_label('ru_RU.UTF-8') == 'Узбекистан'
    assert uz.get_label('fr') is None
    assert sorted(uz.dup_label_languages()) == ['ru', 'uz']
    uz.set_label('uz', None)
    assert uz.dup_label_languages() == ['ru']
    # The test environment runs under LC_ALL=C.UTF-8: no label applies.
    assert uz.get_display_name() == 'Uzbekistan'
    anonymous = Iis.State(id='XX')
    assert anonymous.get_display_name() == 'XX'


def test_identifiers():
    uz = Iis.State(id='UZ', name='Uzbekistan')
    uz.set_identifier('wikidata', 'Q265')
    uz.set_identifier('iso3166-1', 'UZ')
    assert uz.get_identifier('wikidata') == 'Q265'
    assert uz.get_identifier('un-document') is None
    assert sorted(uz.dup_identifier_schemes()) == ['iso3166-1', 'wikidata']
    uz.set_identifier('wikidata', None)
    assert uz.dup_identifier_schemes() == ['iso3166-1']


def test_other_names():
    sco = Iis.Organization(id='sco', name='Shanghai Cooperation Organisation')
    five = Iis.Name(text='Shanghai Five', lang='en', end='2001-06-15')
    sco.add_other_name(five)
    names = sco.get_other_names()
    assert len(names) == 1
    assert names[0].get_text() == 'Shanghai Five'
    assert names[0].get_lang() == 'en'
    assert names[0].get_start() is None
    assert names[0].is_current('2000')
    assert not names[0].is_current(Iis.Date(2002))
    assert sco.matches_text('shanghai five')
    assert Iis.Name.new('ШОС', 'ru', None, None).get_text() == 'ШОС'


def test_sources():
    s = Iis.Source(title='Statement of Heads of SCO Member States',
                   url='https://example.org/statement', publisher='SCO',
                   document='003_75ac1bd0bb13704a.txt', date='2006-06-15',
                   quote='current challenges and threats', locator='paragraph 3')
    assert s.get_title().startswith('Statement')
    assert s.get_url() == 'https://example.org/statement'
    assert s.get_publisher() == 'SCO'
    assert s.get_document() == '003_75ac1bd0bb13704a.txt'
    assert s.get_date() == Iis.Date(2006, 6, 15)
    assert s.get_quote() == 'current challenges and threats'
    assert s.get_locator() == 'paragraph 3'
    same = Iis.Source.new('Statement of Heads of SCO Member States')
    for name in ('url', 'publisher', 'document', 'quote', 'locator'):
        same.set_property(name, s.get_property(name))
    assert not Iis.Source.equal(s, same)
    same.set_date('2006-06-15')
    assert Iis.Source.equal(s, same)
    # The same page at another place is another source.
    same.props.locator = 'paragraph 4'
    assert not Iis.Source.equal(s, same)

    uz = Iis.State(id='UZ', name='Uzbekistan')
    uz.add_source(s)
    assert [x.get_title() for x in uz.get_sources()] == [s.get_title()]


def test_relation_by_properties():
    uz = Iis.State(id='UZ', name='Uzbekistan')
    sco = Iis.Organization(id='sco', name='SCO')
    r = Iis.Relation(kind=Iis.RelationKind.MEMBER_OF, subject=uz, object=sco,
                     role='member', start=Iis.Date.parse('2001-06-15'),
                     confidence=Iis.Confidence.HIGH)
    assert r.get_kind() == Iis.RelationKind.MEMBER_OF
    assert r.get_subject() is uz and r.get_object() is sco
    assert r.props.role == 'member'
    assert str(r.get_start()) == '2001-06-15'
    assert r.get_end() is None
    assert r.get_confidence() == Iis.Confidence.HIGH
    assert not r.is_in_catalog()
    assert r.holds_at(Iis.Date(2018)) and not r.holds_at('2000')
    r.set_end('2030')
    assert not r.holds_at('2030-06')
    r.set_qualifier('deposited', '2001-07-01')
    assert r.get_qualifier('deposited') == '2001-07-01'
    assert r.dup_qualifier_keys() == ['deposited']
    r.add_source(Iis.Source(title='Charter'))
    assert len(r.get_sources()) == 1
    assert repr(r) == '<Iis.Relation UZ member-of sco (member) 2001-06-15..2030>'


def test_relation_new_and_kinds():
    uz = Iis.State.new('UZ', 'Uzbekistan')
    a = Iis.Agreement.new('a', 'An agreement')
    r = Iis.Relation.new(Iis.RelationKind.PARTY_TO, uz, a)
    assert r.get_kind() == Iis.RelationKind.PARTY_TO
    K = Iis.RelationKind
    assert K.to_nick(K.MEMBER_OF) == 'member-of'
    assert K.from_nick('adopted-within') == K.ADOPTED_WITHIN
    assert K.allows(K.MEMBER_OF, Iis.State, Iis.Organization)
    assert not K.allows(K.MEMBER_OF, Iis.State, Iis.State)
    assert K.allows(K.ADDRESSES, Iis.Agreement, Iis.ThreatCategory)
    assert K.allows(K.ADDRESSES, Iis.Forum, Iis.ThreatCategory)


def test_problem_by_properties():
    p = Iis.Problem(kind=Iis.ProblemKind.REVERSED_PERIOD, subject_id='UZ',
                    message='ends before it starts')
    assert p.get_kind() == Iis.ProblemKind.REVERSED_PERIOD
    assert p.get_subject_id() == 'UZ'
    assert p.props.message == 'ends before it starts'
    assert p.get_item() is None


def test_setters_notify_only_on_change():
    sco = Iis.Organization(id='sco', name='SCO')
    seen = notifications(sco)
    sco.set_name('SCO')
    sco.set_acronym('SCO')
    sco.set_acronym('SCO')
    sco.props.kind = Iis.OrganizationKind.INTERGOVERNMENTAL
    sco.props.kind = Iis.OrganizationKind.INTERGOVERNMENTAL
    sco.set_founded('2001-06-15')
    sco.set_founded(Iis.Date(2001, 6, 15))
    sco.set_founded('2001-06')
    assert seen == ['acronym', 'kind', 'founded', 'founded']


def test_repr_of_entities():
    assert repr(Iis.State(id='UZ', name='Uzbekistan')) == \
        "<Iis.State id='UZ' name='Uzbekistan'>"
    assert repr(Iis.ThreatCategory(id='t')) == "<Iis.ThreatCategory id='t' name=None>"


def test_relation_kinds_of_1_1():
    """votes-on and supports (since 1.1): a vote's role, and the version written."""
    catalog = Iis.Catalog.new()
    fr = Iis.State(id="FR", name="France")
    res = Iis.Agreement(id="unga-res-73-27", kind=Iis.AgreementKind.RESOLUTION)
    catalog.add_entity(fr)
    catalog.add_entity(res)
    vote = Iis.Relation(kind=Iis.RelationKind.VOTES_ON, subject=fr, object=res,
                        role="no", start=Iis.Date.parse("2018-12-05"))
    catalog.add_relation(vote)
    catalog.add_relation(Iis.Relation(kind=Iis.RelationKind.SUPPORTS, subject=fr, object=res))
    assert Iis.RelationKind.to_nick(Iis.RelationKind.VOTES_ON) == "votes-on"
    assert Iis.RelationKind.from_nick("supports") == Iis.RelationKind.SUPPORTS
    votes = catalog.list_relations(None, Iis.RelationKind.VOTES_ON, res)
    assert [r.props.role for r in votes] == ["no"]
    text, _ = Iis.Catalog.to_data_full(catalog, Iis.SaveFlags.NONE)
    assert '"version": "1.1"' in text
    # A state cannot vote on a state.
    with pytest.raises(GLib.Error):
        catalog.add_relation(Iis.Relation(kind=Iis.RelationKind.VOTES_ON, subject=fr, object=fr))
