// test-snapshot.js: snapshots from GJS: save_snapshot() and
// load_snapshot(), over a catalog, their errors, and the cache of
// Iis.LoadFlags.CACHE in a cache folder of the suite's own
//
// Copyright 2026 The libiis authors
// SPDX-License-Identifier: LGPL-2.1-or-later

import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import Iis from 'gi://Iis?version=1.0';

import {test, assert, equal, throwsGError, finish} from './tap.js';
import {date, ids, makeScenario} from './scenario.js';

const MAGIC = [0x89, 0x49, 0x49, 0x53, 0x0d, 0x0a, 0x1a, 0x0a];

const tmpdir = GLib.dir_make_tmp('test-snapshot-js-XXXXXX');
// GLib reads XDG_CACHE_HOME once, at its first use: before anything runs.
const cacheHome = GLib.build_filenamev([tmpdir, 'cache']);
GLib.setenv('XDG_CACHE_HOME', cacheHome, true);

function tmpFile(name) {
    return Gio.File.new_for_path(GLib.build_filenamev([tmpdir, name]));
}
function bytesOf(file) {
    const [, bytes] = file.load_contents(null);
    return bytes;
}
function writeBytes(file, bytes) {
    file.replace_contents(bytes, null, false, Gio.FileCreateFlags.NONE, null);
}
function textOf(catalog) {
    return catalog.to_data_full(Iis.SaveFlags.NONE)[0];
}
function answers(catalog) {
    return JSON.stringify([
        ids(catalog.get_members(catalog.lookup('sco'), 'member', date('2018-01-01'))),
        ids(catalog.get_members(catalog.lookup('sco'), 'observer', null)),
        ids(catalog.get_parties(catalog.lookup('agr-2009'), date('2011-06-01'))),
        catalog.list_relations(null, Iis.RelationKind.ANY, null).get_n_items(),
        catalog.lookup('BY').name,
    ]);
}
function hasMagic(bytes) {
    return MAGIC.every((b, i) => bytes[i] === b);
}

const snapshot = tmpFile('scenario.snapshot');
assert(makeScenario().save_snapshot(snapshot, null));

test('save_snapshot and load_snapshot: the same catalog', () => {
    const original = makeScenario();
    assert(hasMagic(bytesOf(snapshot)), 'the snapshot starts with its magic bytes');
    const loaded = new Iis.Catalog();
    assert(loaded.load_snapshot(snapshot, Iis.LoadFlags.NONE, null));
    equal(textOf(loaded), textOf(original));
    equal(answers(loaded), answers(original));
    equal(ids(loaded.get_members(loaded.lookup('sco'), 'member', date('2018-01-01'))),
        ['CN', 'IN', 'KZ', 'RU', 'UZ']);
    // load_from_file() knows a snapshot by its first bytes.
    const byName = new Iis.Catalog();
    assert(byName.load_from_file(snapshot, null));
    equal(textOf(byName), textOf(original));
});

test('load_snapshot over a catalog: OVERRIDE replaces, keeping relations', () => {
    const catalog = new Iis.Catalog();
    catalog.add_entity(new Iis.Organization({id: 'sco', name: 'An older name'}));
    catalog.add_entity(new Iis.State({id: 'XA', name: 'Atlantis'}));
    catalog.add_relation(new Iis.Relation({
        kind: Iis.RelationKind.MEMBER_OF, subject: catalog.lookup('XA'),
        object: catalog.lookup('sco'), role: 'member', start: date('2010'),
    }));
    const before = textOf(catalog);
    throwsGError(() => catalog.load_snapshot(snapshot, Iis.LoadFlags.NONE, null),
        Iis.Error, Iis.Error.DUPLICATE_ID);
    equal(textOf(catalog), before);
    assert(catalog.load_snapshot(snapshot, Iis.LoadFlags.OVERRIDE, null));
    equal(catalog.lookup('sco').name, 'Shanghai Cooperation Organisation');
    equal(ids(catalog.get_members(catalog.lookup('sco'), 'member', date('2018-01-01'))),
        ['CN', 'IN', 'KZ', 'RU', 'UZ', 'XA']);
});

test('a truncated or damaged snapshot is an Iis.Error, and changes nothing', () => {
    const good = bytesOf(snapshot);
    const flipped = new Uint8Array(good);
    flipped[Math.floor(good.length * 3 / 4)] ^= 0x08;
    const damaged = [good.slice(0, Math.floor(good.length / 2)), good.slice(0, 30), flipped];
    for (const bytes of damaged) {
        const bad = tmpFile('bad.snapshot');
        writeBytes(bad, bytes);
        const catalog = makeScenario();
        const before = textOf(catalog);
        throwsGError(() => catalog.load_snapshot(bad, Iis.LoadFlags.OVERRIDE, null),
            Iis.Error, Iis.Error.PARSE, 'bad.snapshot');
        equal(textOf(catalog), before);
        throwsGError(() => new Iis.Catalog().load_snapshot(bad, Iis.LoadFlags.NONE, null),
            Iis.Error, Iis.Error.PARSE);
    }
    throwsGError(() => new Iis.Catalog().load_snapshot(tmpFile('absent.snapshot'),
        Iis.LoadFlags.NONE, null), Gio.IOErrorEnum, Gio.IOErrorEnum.NOT_FOUND, 'absent.snapshot');
});

test('get_cache_file: a place under the cache folder', () => {
    equal(GLib.get_user_cache_dir(), cacheHome);
    const file = tmpFile('a.json');
    const cache = Iis.Catalog.get_cache_file(file);
    const folder = GLib.build_filenamev([cacheHome, 'libiis', 'snapshots']);
    assert(cache.get_path().startsWith(`${folder}/`), cache.get_path());
    assert(cache.get_path().endsWith('.snapshot'), cache.get_path());
    assert(Iis.Catalog.get_cache_file(file).equal(cache));
    assert(!Iis.Catalog.get_cache_file(tmpFile('b.json')).equal(cache));
    equal(Iis.Catalog.get_cache_file(Gio.File.new_for_uri('resource:///org/example/a.json')), null);
});

test('load_from_file_full with CACHE makes the snapshot once and follows the file', () => {
    const original = makeScenario();
    const file = tmpFile('scenario.json');
    assert(original.save_to_file(file, null));
    const cache = Iis.Catalog.get_cache_file(file);
    assert(!cache.query_exists(null), 'no snapshot yet');

    const first = new Iis.Catalog();
    assert(first.load_from_file_full(file, Iis.LoadFlags.CACHE, null));
    equal(textOf(first), textOf(original));
    assert(hasMagic(bytesOf(cache)), 'the cache holds a snapshot');
    const made = cache.query_info('time::modified,time::modified-usec,unix::inode',
        Gio.FileQueryInfoFlags.NONE, null);

    const second = new Iis.Catalog();
    assert(second.load_from_file_full(file, Iis.LoadFlags.CACHE, null));
    equal(answers(second), answers(original));
    const kept = cache.query_info('time::modified,time::modified-usec,unix::inode',
        Gio.FileQueryInfoFlags.NONE, null);
    equal(kept.get_attribute_uint64('unix::inode'), made.get_attribute_uint64('unix::inode'));
    equal(kept.get_attribute_uint32('time::modified-usec'),
        made.get_attribute_uint32('time::modified-usec'));

    // The file changes: the cache follows.
    original.lookup('BY').name = 'Belarus (changed)';
    assert(original.save_to_file(file, null));
    const third = new Iis.Catalog();
    assert(third.load_from_file_full(file, Iis.LoadFlags.CACHE, null));
    equal(third.lookup('BY').name, 'Belarus (changed)');
    equal(textOf(third), textOf(original));
});

// Clean up the temporary folder.
function remove(file) {
    const info = file.query_info('standard::type', Gio.FileQueryInfoFlags.NOFOLLOW_SYMLINKS, null);
    if (info.get_file_type() === Gio.FileType.DIRECTORY) {
        const children = file.enumerate_children('standard::name', Gio.FileQueryInfoFlags.NONE, null);
        for (let child = children.next_file(null); child; child = children.next_file(null))
            remove(file.get_child(child.get_name()));
    }
    file.delete(null);
}
remove(Gio.File.new_for_path(tmpdir));

finish();
