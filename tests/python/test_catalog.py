# test_catalog.py: the catalog from Python: entities, relations, errors
# as GLib.Error, signals, and the mapping-like overrides
#
# Copyright 2026 The libiis authors
# SPDX-License-Identifier: LGPL-2.1-or-later

import pytest
from gi.repository import Gio, GLib, Iis

from conftest import ids, make_scenario

K = Iis.RelationKind


def assert_iis_error(error, code, *fragments):
    assert isinstance(error, GLib.Error)
    assert error.domain == 'iis-error-quark'
    assert error.domain == GLib.quark_to_string(Iis.error_quark())
    assert error.code == code, error.message
    assert error.matches(Iis.error_quark(), code)
    for fragment in fragments:
        assert fragment in error.message


def test_new_catalog_is_empty():
    catalog = Iis.Catalog.new()
    assert catalog.get_n_entities() == 0
    assert catalog.props.n_relations == 0
    assert len(catalog.list_entities(Iis.Entity)) == 0
    assert len(Iis.Catalog()) == 0


def test_add_lookup_remove_entity():
    catalog = Iis.Catalog()
    uz = Iis.State(id='UZ', name='Uzbekistan')
    assert catalog.add_entity(uz)
    assert catalog.lookup('UZ') is uz
    assert catalog.lookup('uz') is None
    assert catalog.props.n_entities == 1
    assert catalog.remove_entity(uz)
    assert catalog.lookup('UZ') is None
    assert not catalog.remove_entity(uz)


def test_duplicate_id_is_an_error():
    catalog = Iis.Catalog()
    catalog.add_entity(Iis.State(id='UZ', name='Uzbekistan'))
    with pytest.raises(GLib.Error) as info:
        catalog.add_entity(Iis.Organization(id='UZ', name='Not a state'))
    assert_iis_error(info.value, Iis.Error.DUPLICATE_ID, 'UZ')
    assert catalog.get_n_entities() == 1
    assert isinstance(catalog.lookup('UZ'), Iis.State)


# An empty id is a programmer error (a critical), not tested here.
@pytest.mark.parametrize('bad_id', ['a\nb', 'tab\there', 'x' * 257])
def test_invalid_id_is_an_error(bad_id):
    catalog = Iis.Catalog()
    with pytest.raises(GLib.Error) as info:
        catalog.add_entity(Iis.State(id=bad_id, name='Bad'))
    assert_iis_error(info.value, Iis.Error.INVALID_VALUE)
    assert catalog.get_n_entities() == 0


def test_list_entities_by_type(scenario):
    states = scenario.list_entities(Iis.State)
    assert states.get_item_type() == Iis.Entity.__gtype__ or \
        states.get_item_type().is_a(Iis.Entity.__gtype__)
    assert ids(states) == ['BY', 'CN', 'IN', 'KZ', 'RU', 'UZ']
    assert ids(scenario.list_entities(Iis.ThreatCategory)) == \
        ['info-terrorism', 'info-war', 'info-weapons', 'threats']
    everything = ids(scenario.list_entities(Iis.Entity))
    assert everything == sorted(everything)
    assert len(everything) == scenario.get_n_entities() == 19


def test_find_by_identifier(scenario):
    scenario['UZ'].set_identifier('wikidata', 'Q265')
    assert scenario.find_by_identifier('wikidata', 'Q265') is scenario['UZ']
    assert scenario.find_by_identifier('wikidata', 'Q1') is None
    scenario['UZ'].set_identifier('wikidata', None)
    assert scenario.find_by_identifier('wikidata', 'Q265') is None


def test_relation_errors():
    catalog = Iis.Catalog()
    uz = Iis.State(id='UZ', name='Uzbekistan')
    ru = Iis.State(id='RU', name='Russia')
    sco = Iis.Organization(id='sco', name='SCO')
    catalog.add_entity(uz)
    catalog.add_entity(ru)

    with pytest.raises(GLib.Error) as info:
        catalog.add_relation(Iis.Relation(kind=K.MEMBER_OF, subject=uz,
                                          object=sco))
    assert_iis_error(info.value, Iis.Error.UNKNOWN_REFERENCE, 'sco')

    with pytest.raises(GLib.Error) as info:
        catalog.add_relation(Iis.Relation(kind=K.MEMBER_OF, subject=uz,
                                          object=ru))
    assert_iis_error(info.value, Iis.Error.TYPE_MISMATCH, 'member-of', 'UZ', 'RU')
    assert catalog.get_n_relations() == 0


def test_list_relations_patterns(scenario):
    sco = scenario['sco']
    members = scenario.list_relations(None, K.MEMBER_OF, sco)
    assert len(members) == 9
    assert all(r.get_object() is sco for r in members)
    by = scenario.list_relations(scenario['BY'], K.ANY, None)
    assert [r.get_role() for r in by] == ['dialogue-partner', 'observer', 'member']
    everything = scenario.list_relations(None, K.ANY, None)
    assert len(everything) == scenario.get_n_relations()
    # The overrides give keyword defaults and take ids.
    assert len(scenario.list_relations(kind=K.MEMBER_OF, object='sco')) == 9
    assert len(scenario.list_relations('BY')) == 3
    assert len(scenario.list_relations()) == scenario.get_n_relations()


def test_count_relations_equals_list_relations(scenario):
    entities = [None] + list(scenario.list_entities())
    kinds = [K.ANY, K.MEMBER_OF, K.PARTY_TO, K.SIGNATORY_OF]
    nonzero = 0
    for subject in entities:
        for kind in kinds:
            for obj in entities:
                n = len(scenario.list_relations(subject, kind, obj))
                assert scenario.count_relations(subject, kind, obj) == n, \
                    (subject, kind, obj)
                nonzero += n > 0
    assert nonzero > len(entities)
    # The overrides give keyword defaults and take ids.
    assert scenario.count_relations(kind=K.MEMBER_OF, object='sco') == 9
    assert scenario.count_relations('BY') == 3
    assert scenario.count_relations() == scenario.get_n_relations()
    # Through the plain binding too.
    assert Iis.Catalog.count_relations(scenario, None, K.MEMBER_OF,
                                       scenario['sco']) == 9


def test_relation_bound_to_catalog(scenario):
    r = scenario.list_relations('UZ', K.MEMBER_OF, 'union')[0]
    assert r.is_in_catalog()
    r.set_end('2009')
    again = scenario.list_relations('UZ', K.MEMBER_OF, 'union')[0]
    assert str(again.get_end()) == '2009'
    assert scenario.remove_relation(r)
    assert not r.is_in_catalog()
    assert len(scenario.list_relations('UZ', K.MEMBER_OF, 'union')) == 0
    assert str(r.get_end()) == '2009'


def test_remove_entity_removes_its_relations(scenario):
    before = scenario.get_n_relations()
    n_by = len(scenario.list_relations('BY'))
    assert scenario.remove_entity(scenario['BY'])
    assert scenario.get_n_relations() == before - n_by
    assert 'BY' not in ids(scenario.get_members('sco'))


def test_shared_identifier(scenario):
    # Two entities with one identifier: both are kept, the first by id is
    # found, removing it leaves the other, and validate() reports it.
    scenario['UZ'].set_identifier('wikidata', 'Q1')
    scenario['KZ'].set_identifier('wikidata', 'Q1')
    assert scenario.find_by_identifier('wikidata', 'Q1') is scenario['KZ']
    assert ids(scenario.find_all_by_identifier('wikidata', 'Q1')) == ['KZ', 'UZ']
    problems = [p for p in scenario.validate()
                if p.get_kind() == Iis.ProblemKind.SHARED_IDENTIFIER]
    assert [p.get_subject_id() for p in problems] == ['KZ']
    uz = scenario['UZ']
    scenario.remove_entity(scenario['KZ'])
    assert scenario.find_by_identifier('wikidata', 'Q1') is uz
    assert ids(scenario.find_all_by_identifier('wikidata', 'Q1')) == ['UZ']


def test_source_edited_after_attach_is_saved():
    catalog = Iis.Catalog()
    uz = Iis.State(id='UZ', name='Uzbekistan')
    sco = Iis.Organization(id='sco', name='SCO')
    catalog.add_entity(uz)
    catalog.add_entity(sco)
    source = Iis.Source(title='Old title')
    relation = Iis.Relation(kind=K.MEMBER_OF, subject=uz, object=sco)
    relation.add_source(source)
    catalog.add_relation(relation)
    source.set_title('New title')
    text = catalog.to_data()[0]
    assert 'New title' in text and 'Old title' not in text
    del relation
    again = catalog.list_relations()[0]
    assert again.get_sources()[0].get_title() == 'New title'


def test_handler_may_change_the_catalog_during_a_load():
    catalog = Iis.Catalog()
    catalog.add_entity(Iis.Organization(id='sco', name='SCO'))

    def on_added(catalog, entity):
        if entity.get_id() == 'AA' and 'sco' in catalog:
            catalog.remove_entity(catalog['sco'])

    catalog.connect('entity-added', on_added)
    catalog.load_from_data('{"format": "libiis-catalog", "version": "1.0",'
                           ' "entities": [{"type": "state", "id": "AA"},'
                           ' {"type": "state", "id": "BB"}],'
                           ' "relations": [{"kind": "member-of",'
                           ' "subject": "AA", "object": "sco"}]}')
    assert ids(catalog.list_entities()) == ['AA', 'BB']
    assert len(catalog.list_relations()) == 0
    again = Iis.Catalog()
    again.load_from_data(catalog.to_data()[0])
    assert ids(again.list_entities()) == ['AA', 'BB']


def test_signals_on_add_and_remove():
    catalog = Iis.Catalog()
    events = []
    catalog.connect('entity-added', lambda c, e: events.append(('+e', e.get_id())))
    catalog.connect('entity-removed', lambda c, e: events.append(('-e', e.get_id())))
    catalog.connect('relation-added',
                    lambda c, r: events.append(('+r', r.get_subject().get_id())))
    catalog.connect('relation-removed',
                    lambda c, r: events.append(('-r', r.get_subject().get_id(),
                                                r.is_in_catalog())))
    notified = []
    catalog.connect('notify::n-entities', lambda c, p: notified.append(c.props.n_entities))

    uz = Iis.State(id='UZ', name='Uzbekistan')
    sco = Iis.Organization(id='sco', name='SCO')
    catalog.add_entity(uz)
    catalog.add_entity(sco)
    catalog.add_relation(Iis.Relation(kind=K.MEMBER_OF, subject=uz, object=sco))
    catalog.remove_entity(uz)
    assert events == [('+e', 'UZ'), ('+e', 'sco'), ('+r', 'UZ'),
                      ('-r', 'UZ', False), ('-e', 'UZ')]
    assert notified == [1, 2, 1]


def test_failed_add_emits_nothing():
    catalog = Iis.Catalog()
    catalog.add_entity(Iis.State(id='UZ', name='Uzbekistan'))
    events = []
    catalog.connect('entity-added', lambda c, e: events.append(e))
    with pytest.raises(GLib.Error):
        catalog.add_entity(Iis.State(id='UZ', name='Again'))
    assert events == []


def test_list_models_are_gio_list_models(scenario):
    model = scenario.get_members(scenario['sco'], None, None)
    assert isinstance(model, Gio.ListModel)
    assert model.get_n_items() == len(model) == 6
    assert model.get_item(0).get_id() == 'BY'
    assert model[-1].get_id() == 'UZ'
    assert [e.get_id() for e in model[1:3]] == ['CN', 'IN']
    assert scenario['UZ'] in model


def test_answers_are_iis_answers(scenario):
    answers = [
        scenario.get_members(scenario['sco'], None, None),
        scenario.list_entities(Iis.State),
        scenario.list_relations(None, Iis.RelationKind.MEMBER_OF, None),
        scenario.validate(),
        scenario.get_members(scenario['sco'], 'nobody', None),
    ]
    for answer in answers:
        assert isinstance(answer, Iis.Answer)
        by_position = [answer.get_item(i) for i in range(answer.get_n_items())]
        assert list(answer) == by_position
        assert list(answer.get_items()) == by_position
        assert len(answer) == len(by_position)
    assert len(answers[-1]) == 0 and list(answers[-1]) == []
    # A snapshot: removing an entity leaves an earlier answer as it was.
    members = answers[0]
    before = [e.get_id() for e in members]
    assert scenario.remove_entity(scenario['UZ'])
    assert [e.get_id() for e in members] == before


# Overrides

def test_override_mapping_access(scenario):
    assert scenario['UZ'].get_name() == 'Uzbekistan'
    with pytest.raises(KeyError):
        scenario['nowhere']
    with pytest.raises(TypeError):
        scenario[3]
    assert scenario.get('UZ') is scenario['UZ']
    assert scenario.get('nowhere') is None
    assert scenario.get('nowhere', 'fallback') == 'fallback'
    assert 'UZ' in scenario and 'nowhere' not in scenario
    assert scenario['UZ'] in scenario
    assert Iis.State(id='UZ', name='Another Uzbekistan') not in scenario
    assert 42 not in scenario


def test_override_len_iter_bool():
    catalog = make_scenario()
    assert len(catalog) == catalog.get_n_entities() == 19
    assert [e.get_id() for e in catalog] == ids(catalog.list_entities(Iis.Entity))
    assert bool(Iis.Catalog())
    assert repr(catalog) == '<Iis.Catalog 19 entities, %d relations>' % \
        catalog.get_n_relations()


def test_override_list_entities_default(scenario):
    assert ids(scenario.list_entities()) == ids(scenario.list_entities(Iis.Entity))
    assert ids(scenario.list_entities(Iis.Forum)) == ['forum-2017', 'forum-undated']


def test_override_unknown_id_in_question(scenario):
    with pytest.raises(KeyError):
        scenario.get_members('nowhere')
    with pytest.raises(TypeError):
        scenario.get_members(42)


def test_bundled_catalog_version():
    """The data release of the bundled catalog: a date, as YYYYMMDD."""
    import datetime
    version = Iis.get_bundled_catalog_version()
    assert datetime.datetime.strptime(version, '%Y%m%d').year >= 2026


def test_override_missing_id_suggests(bundled):
    # A typo gives a KeyError that names the ids it may stand for; the
    # error's argument stays the id, as for a dict.
    with pytest.raises(KeyError) as caught:
        bundled['sc0']
    assert caught.value.args == ('sc0',)
    assert 'did you mean' in str(caught.value) and "'sco'" in str(caught.value)
    with pytest.raises(KeyError) as caught:
        bundled.get_members('SCO ')
    assert "'sco'" in str(caught.value)
    with pytest.raises(KeyError) as caught:
        bundled['zzzzzzzzzzzz']
    assert 'did you mean' not in str(caught.value)
