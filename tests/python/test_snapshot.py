# test_snapshot.py: snapshots from Python: save_snapshot() and
# load_snapshot(), into an empty catalog and over one, their errors, and
# the cache of IIS_LOAD_FLAGS_CACHE (in the suite's own XDG_CACHE_HOME,
# set by conftest.py before GLib reads it)
#
# Copyright 2026 The libiis authors
# SPDX-License-Identifier: LGPL-2.1-or-later

import json
import os

import pytest
from gi.repository import Gio, GLib, Iis

from conftest import CACHE_HOME, ids, make_scenario

MAGIC = b'\x89IIS\r\n\x1a\n'


def text_of(catalog):
    return Iis.Catalog.to_data_full(catalog, Iis.SaveFlags.NONE)[0]


def answers(catalog):
    """A few questions, answered as ids."""
    at = Iis.Date.parse('2018-01-01')
    return (ids(catalog.get_members(catalog['sco'], 'member', at)),
            ids(catalog.get_members(catalog['sco'], 'observer', None)),
            ids(catalog.get_parties(catalog['agr-2009'], Iis.Date.parse('2011-06-01'))),
            ids(catalog.get_agreements_addressing(catalog['info-war'], True)),
            len(catalog.list_relations(None, Iis.RelationKind.ANY, None)),
            catalog['BY'].get_name())


def save(catalog, path):
    assert catalog.save_snapshot(Gio.File.new_for_path(str(path)), None)
    with open(path, 'rb') as f:
        return f.read()


@pytest.fixture
def snapshot(tmp_path):
    path = tmp_path / 'scenario.snapshot'
    save(make_scenario(), path)
    return path


def test_round_trip(snapshot):
    original = make_scenario()
    with open(snapshot, 'rb') as f:
        assert f.read(8) == MAGIC
    loaded = Iis.Catalog()
    assert loaded.load_snapshot(Gio.File.new_for_path(str(snapshot)), Iis.LoadFlags.NONE, None)
    assert text_of(loaded) == text_of(original)
    assert answers(loaded) == answers(original)
    assert answers(loaded)[0] == ['CN', 'IN', 'KZ', 'RU', 'UZ']
    # A snapshot saved again from the loaded catalog holds the same catalog.
    again = Iis.Catalog()
    path = str(snapshot) + '.again'
    save(loaded, path)
    again.load_snapshot(Gio.File.new_for_path(path), Iis.LoadFlags.NONE, None)
    assert text_of(again) == text_of(original)
    # load_from_file() knows a snapshot by its first bytes.
    by_name = Iis.Catalog()
    by_name.load_from_file(Gio.File.new_for_path(str(snapshot)), None)
    assert text_of(by_name) == text_of(original)


def test_a_loaded_snapshot_can_change(snapshot):
    catalog = Iis.Catalog()
    catalog.load_snapshot(Gio.File.new_for_path(str(snapshot)), Iis.LoadFlags.NONE, None)
    catalog.add_entity(Iis.State(id='PK', name='Pakistan'))
    catalog.add_relation(Iis.Relation(kind=Iis.RelationKind.MEMBER_OF, subject=catalog['PK'],
                                      object=catalog['sco'], role='member',
                                      start=Iis.Date.parse('2017-06-09')))
    catalog.remove_entity(catalog['RU'])
    at = Iis.Date.parse('2018-01-01')
    assert ids(catalog.get_members(catalog['sco'], 'member', at)) == ['CN', 'IN', 'KZ', 'PK', 'UZ']
    # The file is untouched: it loads as it was written.
    fresh = Iis.Catalog()
    fresh.load_snapshot(Gio.File.new_for_path(str(snapshot)), Iis.LoadFlags.NONE, None)
    assert text_of(fresh) == text_of(make_scenario())


def test_load_over_a_catalog_with_override(snapshot):
    catalog = Iis.Catalog()
    catalog.add_entity(Iis.Organization(id='sco', name='An older name'))
    catalog.add_entity(Iis.State(id='XA', name='Atlantis'))
    catalog.add_relation(Iis.Relation(kind=Iis.RelationKind.MEMBER_OF, subject=catalog['XA'],
                                      object=catalog['sco'], role='member',
                                      start=Iis.Date.parse('2010')))
    before = text_of(catalog)

    # Without OVERRIDE the shared id is an error, and nothing changes.
    with pytest.raises(GLib.Error) as info:
        catalog.load_snapshot(Gio.File.new_for_path(str(snapshot)), Iis.LoadFlags.NONE, None)
    assert info.value.matches(Iis.error_quark(), Iis.Error.DUPLICATE_ID)
    assert text_of(catalog) == before

    assert catalog.load_snapshot(Gio.File.new_for_path(str(snapshot)),
                                 Iis.LoadFlags.OVERRIDE, None)
    assert catalog['sco'].get_name() == 'Shanghai Cooperation Organisation'
    at = Iis.Date.parse('2018-01-01')
    # The replaced entity keeps its relations: XA is still a member.
    assert ids(catalog.get_members(catalog['sco'], 'member', at)) == \
        ['CN', 'IN', 'KZ', 'RU', 'UZ', 'XA']
    assert len(catalog.list_relations(None, Iis.RelationKind.ANY, None)) == \
        len(make_scenario().list_relations(None, Iis.RelationKind.ANY, None)) + 1


@pytest.mark.parametrize('damage', ['truncated', 'header', 'flipped', 'empty'])
def test_a_damaged_snapshot_is_refused(tmp_path, snapshot, damage):
    with open(snapshot, 'rb') as f:
        good = f.read()
    if damage == 'truncated':
        bad = good[:len(good) // 2]
    elif damage == 'header':
        bad = good[:20]
    elif damage == 'flipped':
        i = len(good) * 3 // 4
        bad = good[:i] + bytes([good[i] ^ 0x04]) + good[i + 1:]
    else:
        bad = MAGIC
    path = tmp_path / 'bad.snapshot'
    path.write_bytes(bad)
    catalog = make_scenario()
    before = text_of(catalog)
    for target in (Iis.Catalog(), catalog):
        with pytest.raises(GLib.Error) as info:
            target.load_snapshot(Gio.File.new_for_path(str(path)),
                                 Iis.LoadFlags.OVERRIDE, None)
        assert info.value.matches(Iis.error_quark(), Iis.Error.PARSE), info.value.message
        assert 'bad.snapshot' in info.value.message
    assert text_of(catalog) == before
    with pytest.raises(GLib.Error) as info:
        Iis.Catalog().load_from_file(Gio.File.new_for_path(str(path)), None)
    assert info.value.domain == 'iis-error-quark'


def test_a_missing_snapshot_is_an_io_error(tmp_path):
    with pytest.raises(GLib.Error) as info:
        Iis.Catalog().load_snapshot(Gio.File.new_for_path(str(tmp_path / 'absent.snapshot')),
                                    Iis.LoadFlags.NONE, None)
    assert info.value.matches(Gio.io_error_quark(), Gio.IOErrorEnum.NOT_FOUND)
    assert 'absent.snapshot' in info.value.message


def test_cache_file_is_under_the_cache_folder(tmp_path):
    assert GLib.get_user_cache_dir() == CACHE_HOME
    path = str(tmp_path / 'a.json')
    cache = Iis.Catalog.get_cache_file(Gio.File.new_for_path(path))
    assert cache.get_path().startswith(os.path.join(CACHE_HOME, 'libiis', 'snapshots') + os.sep)
    assert cache.get_path().endswith('.snapshot')
    # One place per file, the same for the same file.
    assert Iis.Catalog.get_cache_file(Gio.File.new_for_path(path)).equal(cache)
    other = Iis.Catalog.get_cache_file(Gio.File.new_for_path(str(tmp_path / 'b.json')))
    assert not other.equal(cache)
    # A file with no local path has none.
    assert Iis.Catalog.get_cache_file(Gio.File.new_for_uri('resource:///org/example/a.json')) \
        is None


def test_load_from_file_full_with_the_cache(tmp_path):
    path = tmp_path / 'scenario.json'
    original = make_scenario()
    path.write_text(text_of(original), encoding='utf-8')
    file = Gio.File.new_for_path(str(path))
    cache = Iis.Catalog.get_cache_file(file).get_path()
    assert not os.path.exists(cache)

    first = Iis.Catalog()
    assert first.load_from_file_full(file, Iis.LoadFlags.CACHE, None)
    assert text_of(first) == text_of(original)
    with open(cache, 'rb') as f:
        assert f.read(8) == MAGIC
    made = os.stat(cache)

    second = Iis.Catalog()
    second.load_from_file_full(file, Iis.LoadFlags.CACHE, None)
    assert answers(second) == answers(original)
    assert os.stat(cache).st_mtime_ns == made.st_mtime_ns
    assert os.stat(cache).st_ino == made.st_ino

    # The file changes: the cache follows.
    doc = json.loads(path.read_text(encoding='utf-8'))
    for entity in doc['entities']:
        if entity['id'] == 'BY':
            entity['name'] = 'Belarus (changed)'
    path.write_text(json.dumps(doc), encoding='utf-8')
    third = Iis.Catalog()
    third.load_from_file_full(file, Iis.LoadFlags.CACHE, None)
    assert third['BY'].get_name() == 'Belarus (changed)'
    assert os.stat(cache).st_ino != made.st_ino

    # Over a catalog, with OVERRIDE, as the file itself would load.
    over = Iis.Catalog()
    over.add_entity(Iis.State(id='BY', name='Old Belarus'))
    over.load_from_file_full(file, Iis.LoadFlags.CACHE | Iis.LoadFlags.OVERRIDE, None)
    assert over['BY'].get_name() == 'Belarus (changed)'


def test_load_from_file_full_with_the_cache_reports_errors(tmp_path):
    path = tmp_path / 'broken.json'
    path.write_text('{"format": "libiis-catalog", "version": "1.0", "entities": [}')
    file = Gio.File.new_for_path(str(path))
    with pytest.raises(GLib.Error) as info:
        Iis.Catalog().load_from_file_full(file, Iis.LoadFlags.CACHE, None)
    assert info.value.matches(Iis.error_quark(), Iis.Error.PARSE)
    assert 'broken.json' in info.value.message
    assert not os.path.exists(Iis.Catalog.get_cache_file(file).get_path())
