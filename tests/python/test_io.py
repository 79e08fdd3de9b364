# test_io.py: loading and saving from Python: data, files, streams,
# errors, atomicity, and the async forms on a GLib.MainLoop
#
# Copyright 2026 The libiis authors
# SPDX-License-Identifier: LGPL-2.1-or-later

import json
import os

import pytest
from gi.repository import Gio, GLib, Iis

from conftest import data_path, ids, make_scenario

SMALL = '''{
  "format": "libiis-catalog",
  "version": "1.0",
  "entities": [
    { "type": "state", "id": "UZ", "name": "Uzbekistan" },
    { "type": "organization", "id": "sco", "name": "SCO",
      "kind": "intergovernmental", "founded": "2001-06-15" }
  ],
  "relations": [
    { "kind": "member-of", "subject": "UZ", "object": "sco",
      "role": "member", "start": "2001-06-15" }
  ]
}'''


def document(entities=(), relations=(), version='1.0', **extra):
    doc = {'format': 'libiis-catalog', 'version': version,
           'entities': list(entities), 'relations': list(relations)}
    doc.update(extra)
    return json.dumps(doc)


def text_of(catalog, flags=Iis.SaveFlags.NONE):
    text, length = Iis.Catalog.to_data_full(catalog, flags)
    assert len(text.encode('utf-8')) == length
    return text


def run_main_loop(start, timeout_seconds=10):
    """Run a main loop until the callback given to @start(callback) is
    called; return what it was called with."""
    loop = GLib.MainLoop()
    outcome = {}

    def done(*args):
        outcome['args'] = args
        loop.quit()

    def give_up():
        outcome['timeout'] = True
        loop.quit()
        return GLib.SOURCE_REMOVE

    timeout = GLib.timeout_add_seconds(timeout_seconds, give_up)
    start(done)
    loop.run()
    if 'timeout' not in outcome:
        GLib.source_remove(timeout)
    assert 'timeout' not in outcome, 'the callback never ran'
    return outcome['args']


def test_load_from_data():
    catalog = Iis.Catalog()
    assert Iis.Catalog.load_from_data(catalog, SMALL, -1)
    assert ids(catalog.list_entities()) == ['UZ', 'sco']
    assert ids(catalog.get_members('sco', 'member', '2018')) == ['UZ']
    assert str(catalog['sco'].get_founded()) == '2001-06-15'
    # The override takes bytes too.
    other = Iis.Catalog()
    other.load_from_data(SMALL.encode('utf-8'))
    assert text_of(other) == text_of(catalog)



@pytest.mark.parametrize('kind', ['str', 'bytes'])
def test_load_from_data_reads_every_byte(kind):
    # The default length is the whole text or bytes, not up to a NUL:
    # what follows an embedded NUL is read, and refused.
    def given(text):
        return text if kind == 'str' else text.encode('utf-8')

    for full in (False, True):
        catalog = Iis.Catalog()
        with pytest.raises(GLib.Error) as info:
            if full:
                catalog.load_from_data_full(given(SMALL + '\0garbage'))
            else:
                catalog.load_from_data(given(SMALL + '\0garbage'))
        assert info.value.matches(Iis.error_quark(), Iis.Error.PARSE)
        assert len(catalog) == 0
    # An explicit length (in bytes) still cuts the document.
    catalog = Iis.Catalog()
    catalog.load_from_data(given(SMALL + 'garbage'), len(SMALL.encode()))
    assert ids(catalog.list_entities()) == ['UZ', 'sco']
    with pytest.raises(ValueError):
        catalog.load_from_data(given(SMALL), len(SMALL.encode()) + 1)


def test_load_from_data_invalid_utf8_is_a_glib_error():
    for data in (SMALL.encode('utf-8').replace(b'Uzbekistan', b'Uzbek\xffstan'),
                 SMALL.replace('Uzbekistan', 'Uzbek\udcffstan')):
        catalog = Iis.Catalog()
        with pytest.raises(GLib.Error) as info:
            catalog.load_from_data(data)
        assert info.value.matches(Iis.error_quark(), Iis.Error.PARSE)
        assert 'UTF-8' in info.value.message
        assert len(catalog) == 0

def test_loading_adds_to_the_catalog():
    catalog = Iis.Catalog()
    catalog.load_from_data(SMALL)
    catalog.load_from_data(document(entities=[
        {'type': 'state', 'id': 'KZ', 'name': 'Kazakhstan'}],
        relations=[{'kind': 'member-of', 'subject': 'KZ', 'object': 'sco',
                    'role': 'member', 'start': '2001-06-15'}]))
    assert ids(catalog.get_members('sco')) == ['KZ', 'UZ']


def test_load_flags_override():
    catalog = Iis.Catalog()
    catalog.load_from_data(SMALL)
    renamed = document(entities=[{'type': 'state', 'id': 'UZ',
                                  'name': 'Republic of Uzbekistan'}])
    with pytest.raises(GLib.Error) as info:
        catalog.load_from_data(renamed)
    assert info.value.matches(Iis.error_quark(), Iis.Error.DUPLICATE_ID)
    assert catalog['UZ'].get_name() == 'Uzbekistan'
    catalog.load_from_data_full(renamed, -1, Iis.LoadFlags.OVERRIDE)
    assert catalog['UZ'].get_name() == 'Republic of Uzbekistan'
    # The replaced entity keeps its relations.
    assert ids(catalog.get_members('sco')) == ['UZ']


@pytest.mark.parametrize('text,code,where', [
    ('{', Iis.Error.PARSE, None),
    ('[]', Iis.Error.PARSE, None),
    (document(version='2.0'), Iis.Error.UNSUPPORTED_VERSION, '2.0'),
    (document(entities=[{'type': 'spaceship', 'id': 'x'}]),
     Iis.Error.INVALID_VALUE, 'entities[0]'),
    (document(entities=[{'type': 'state', 'id': 'AA'}],
              relations=[{'kind': 'member-of', 'subject': 'AA',
                          'object': 'nowhere'}]),
     Iis.Error.UNKNOWN_REFERENCE, 'relations[0]'),
    (document(entities=[{'type': 'state', 'id': 'AA'},
                        {'type': 'state', 'id': 'BB'}],
              relations=[{'kind': 'member-of', 'subject': 'AA',
                          'object': 'BB'}]),
     Iis.Error.TYPE_MISMATCH, 'relations[0]'),
    (document(entities=[{'type': 'state', 'id': 'AA'},
                        {'type': 'organization', 'id': 'org'}],
              relations=[{'kind': 'member-of', 'subject': 'AA',
                          'object': 'org', 'start': '2017-13'}]),
     Iis.Error.INVALID_VALUE, 'relations[0].start'),
    (document(entities=[{'type': 'state', 'id': 'AA'},
                        {'type': 'state', 'id': 'AA'}]),
     Iis.Error.DUPLICATE_ID, 'AA'),
    # Already in the catalog the test loads into.
    (document(entities=[{'type': 'state', 'id': 'UZ'}]),
     Iis.Error.DUPLICATE_ID, 'entities[0]'),
])
def test_load_errors_leave_catalog_as_it_was(text, code, where):
    catalog = make_scenario()
    before = text_of(catalog)
    events = []
    catalog.connect('entity-added', lambda c, e: events.append(e))
    with pytest.raises(GLib.Error) as info:
        catalog.load_from_data(text)
    assert info.value.domain == 'iis-error-quark'
    assert info.value.code == code, info.value.message
    if where:
        assert where in info.value.message
    assert text_of(catalog) == before
    assert events == []


def test_load_from_file(tmp_path):
    path = tmp_path / 'small.json'
    path.write_text(SMALL, encoding='utf-8')
    catalog = Iis.Catalog()
    assert Iis.Catalog.load_from_file(catalog, Gio.File.new_for_path(str(path)), None)
    assert ids(catalog.list_entities()) == ['UZ', 'sco']
    # The override takes paths.
    again = Iis.Catalog()
    again.load_from_file(path)
    again2 = Iis.Catalog()
    again2.load_from_file(str(path))
    assert text_of(again) == text_of(again2) == text_of(catalog)


def test_load_from_file_errors(tmp_path):
    catalog = Iis.Catalog()
    with pytest.raises(GLib.Error) as info:
        catalog.load_from_file(tmp_path / 'missing.json')
    assert info.value.matches(Gio.io_error_quark(), Gio.IOErrorEnum.NOT_FOUND)

    bad = tmp_path / 'bad.json'
    bad.write_text(document(version='3.1'), encoding='utf-8')
    with pytest.raises(GLib.Error) as info:
        catalog.load_from_file(bad)
    assert info.value.matches(Iis.error_quark(), Iis.Error.UNSUPPORTED_VERSION)
    assert 'bad.json' in info.value.message
    assert catalog.get_n_entities() == 0


def test_load_from_stream():
    catalog = Iis.Catalog()
    stream = Gio.MemoryInputStream.new_from_bytes(GLib.Bytes.new(SMALL.encode()))
    assert catalog.load_from_stream(stream, Iis.LoadFlags.NONE, None)
    assert ids(catalog.list_entities()) == ['UZ', 'sco']


def test_fixture_round_trip():
    catalog = Iis.Catalog()
    catalog.load_from_file(data_path('full.json'))
    text = text_of(catalog)
    again = Iis.Catalog()
    again.load_from_data(text)
    assert text_of(again) == text
    # Stable output: the same catalog always gives the same bytes.
    assert text_of(catalog) == text


def test_save_load_equal_and_stable(tmp_path):
    catalog = make_scenario()
    catalog['UZ'].set_label('ru', 'Узбекистан')
    path = tmp_path / 'scenario.json'
    assert catalog.save_to_file(path)
    saved = path.read_text(encoding='utf-8')
    assert saved == text_of(catalog)
    loaded = Iis.Catalog()
    loaded.load_from_file(path)
    assert text_of(loaded) == saved
    assert loaded['UZ'].get_label('ru') == 'Узбекистан'
    assert ids(loaded.get_members('sco', 'member', '2018')) == \
        ['CN', 'IN', 'KZ', 'RU', 'UZ']
    doc = json.loads(saved)
    assert doc['format'] == 'libiis-catalog' and doc['version'] == '1.0'
    entity_ids = [e['id'] for e in doc['entities']]
    assert entity_ids == sorted(entity_ids)


def test_compact_output(tmp_path):
    catalog = make_scenario()
    compact = text_of(catalog, Iis.SaveFlags.COMPACT)
    assert '\n' not in compact.strip()
    assert json.loads(compact) == json.loads(text_of(catalog))
    path = tmp_path / 'compact.json'
    catalog.save_to_file_full(path, Iis.SaveFlags.COMPACT)
    assert path.read_text(encoding='utf-8') == compact


def test_failed_save_leaves_old_file(tmp_path):
    path = tmp_path / 'keep.json'
    path.write_text('old content', encoding='utf-8')
    catalog = make_scenario()
    cancellable = Gio.Cancellable()
    cancellable.cancel()
    with pytest.raises(GLib.Error) as info:
        catalog.save_to_file(path, cancellable)
    assert info.value.matches(Gio.io_error_quark(), Gio.IOErrorEnum.CANCELLED)
    assert path.read_text(encoding='utf-8') == 'old content'
    assert os.listdir(tmp_path) == ['keep.json']


def test_save_to_missing_folder(tmp_path):
    with pytest.raises(GLib.Error) as info:
        make_scenario().save_to_file(tmp_path / 'no' / 'such' / 'x.json')
    assert info.value.domain == GLib.quark_to_string(Gio.io_error_quark())


def test_unknown_members_survive_a_round_trip():
    text = document(entities=[{'type': 'state', 'id': 'UZ', 'name': 'Uzbekistan',
                               'x-future': {'a': [1, 2]}}],
                    version='1.4')
    catalog = Iis.Catalog()
    catalog.load_from_data(text)
    doc = json.loads(text_of(catalog))
    assert doc['entities'][0]['x-future'] == {'a': [1, 2]}


def test_source_locator_round_trip():
    # A source's locator (format 1.1) is read as the property, not kept
    # as an unknown member: no warning, and it is written back in a 1.1
    # document. Two citations of one page at two places stay two.
    sources = [{'title': 'Chart', 'url': 'https://example.org/chart', 'locator': 'row Albania'},
               {'title': 'Chart', 'url': 'https://example.org/chart', 'locator': 'row Armenia'}]
    text = document(entities=[{'type': 'state', 'id': 'AL', 'name': 'Albania'},
                              {'type': 'agreement', 'id': 'ets-185', 'name': 'Cybercrime'}],
                    relations=[{'kind': 'party-to', 'subject': 'AL', 'object': 'ets-185',
                                'sources': sources}])
    catalog = Iis.Catalog()
    catalog.load_from_data(text)
    (relation,) = catalog.list_relations(None, Iis.RelationKind.ANY, None)
    assert [s.props.locator for s in relation.get_sources()] == ['row Albania', 'row Armenia']
    assert [p.props.message for p in catalog.validate_full(Iis.ValidateFlags.WARNINGS)] == []
    doc = json.loads(text_of(catalog))
    assert doc['version'] == '1.1'
    assert doc['relations'][0]['sources'] == sources

    # Without a locator, the same catalog is 1.0.
    fresh = Iis.Catalog()
    fresh.add_entity(Iis.State(id='AL', name='Albania'))
    fresh.add_entity(Iis.Agreement(id='ets-185', name='Cybercrime'))
    relation = Iis.Relation(kind=Iis.RelationKind.PARTY_TO, subject=fresh.lookup('AL'),
                            object=fresh.lookup('ets-185'))
    relation.add_source(Iis.Source(title='Chart'))
    fresh.add_relation(relation)
    assert json.loads(text_of(fresh))['version'] == '1.0'


def test_load_async_on_main_loop(tmp_path):
    path = tmp_path / 'small.json'
    path.write_text(SMALL, encoding='utf-8')
    catalog = Iis.Catalog()
    added = []
    catalog.connect('entity-added', lambda c, e: added.append(e.get_id()))

    def start(done):
        Iis.Catalog.load_from_file_async(catalog, Gio.File.new_for_path(str(path)),
                                         None, lambda c, result: done(c, result))
        # Nothing is added before the main loop runs.
        assert catalog.get_n_entities() == 0

    source, result = run_main_loop(start)
    assert source is catalog
    assert catalog.load_from_file_finish(result)
    assert sorted(added) == ['UZ', 'sco']
    assert ids(catalog.get_members('sco', None, '2018')) == ['UZ']


def test_load_async_error_on_main_loop(tmp_path):
    catalog = make_scenario()
    before = text_of(catalog)
    bad = tmp_path / 'bad.json'
    bad.write_text('{"format": "libiis-catalog", "version": "1.0", "entities": [',
                   encoding='utf-8')

    def start(done):
        catalog.load_from_file_async(bad, None, lambda c, r, tag: done(r, tag), 'tag')

    result, tag = run_main_loop(start)
    assert tag == 'tag'
    with pytest.raises(GLib.Error) as info:
        catalog.load_from_file_finish(result)
    assert info.value.matches(Iis.error_quark(), Iis.Error.PARSE)
    assert text_of(catalog) == before


def test_load_async_cancelled(tmp_path):
    path = tmp_path / 'small.json'
    path.write_text(SMALL, encoding='utf-8')
    catalog = Iis.Catalog()
    cancellable = Gio.Cancellable()
    cancellable.cancel()

    def start(done):
        catalog.load_from_file_async(path, cancellable, lambda c, r: done(r))

    (result,) = run_main_loop(start)
    with pytest.raises(GLib.Error) as info:
        catalog.load_from_file_finish(result)
    assert info.value.matches(Gio.io_error_quark(), Gio.IOErrorEnum.CANCELLED)
    assert catalog.get_n_entities() == 0


def test_save_async_on_main_loop(tmp_path):
    catalog = make_scenario()
    path = tmp_path / 'async.json'

    def start(done):
        catalog.save_to_file_async(path, Iis.SaveFlags.NONE, None,
                                   lambda c, r: done(r))

    (result,) = run_main_loop(start)
    assert catalog.save_to_file_finish(result)
    assert path.read_text(encoding='utf-8') == text_of(catalog)


def test_warnings_know_every_member_of_the_schema():
    # validate_full() names a member unknown when the format does not
    # define it: every member the JSON Schema describes, on the object
    # that holds it, must load without a warning, and a misspelt one
    # must give one.
    with open(os.path.join(os.path.dirname(data_path('x')), '..', '..', 'data',
                           'iis-catalog.schema.json'), encoding='utf-8') as f:
        schema = json.load(f)
    defs = schema['$defs']
    samples = {
        'string': 'x', 'integer': 1, 'boolean': True,
    }

    def value(spec):
        ref = spec.get('$ref', '')
        if 'pattern' in spec:   # alpha-2, alpha-3
            return 'A' * int(spec['pattern'].split('{')[1].split('}')[0])
        if ref.endswith('/date'):
            return '2001'
        if 'enum' in spec:
            return spec['enum'][0]
        if spec.get('type') == 'array':
            return ['x']
        if ref.endswith('stringMap') or spec.get('type') == 'object':
            return {'en': 'x'}
        if ref.endswith('sources'):
            return [{'title': 'x'}]
        return samples.get(spec.get('type'), 'x')

    def warnings(doc):
        catalog = Iis.Catalog()
        catalog.load_from_data(doc)
        return [p.props.message for p in catalog.validate_full(Iis.ValidateFlags.WARNINGS)
                if p.props.kind == Iis.ProblemKind.UNKNOWN_MEMBER]

    checked = 0
    for variant in defs['entity']['allOf']:
        type_nick = variant['if']['properties']['type']['const']
        entity = {'type': type_nick, 'id': 'e', 'name': 'E'}
        for name, spec in list(defs['entity']['properties'].items()) + \
                list(variant['then']['properties'].items()):
            if name in ('type', 'id'):
                continue
            entity[name] = value(spec)
            checked += 1
        entity['other-names'] = [{name: ('2001' if name in ('start', 'end') else 'x')
                                  for name in defs['otherName']['properties']}]
        entity['sources'] = [{name: ('2001' if name == 'date' else 'x')
                              for name in defs['source']['properties']}]
        assert warnings(document([entity])) == [], type_nick
        entity['nmae'] = 'typo'
        assert any('did you mean “name”?' in w for w in warnings(document([entity])))

    relation = {name: value(spec) for name, spec in defs['relation']['properties'].items()}
    relation.update(kind='member-of', subject='s', object='o', role='member', start='2001',
                    end='2002', confidence='high', qualifiers={'deposit': '2001'})
    doc = document([{'type': 'state', 'id': 's', 'name': 'S'},
                    {'type': 'organization', 'id': 'o', 'name': 'O'}], [relation])
    assert warnings(doc) == []
    assert set(schema['properties']) <= set(json.loads(doc))
    assert checked > 20
