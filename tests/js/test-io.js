// test-io.js: loading and saving from GJS, with errors, and the async
// forms on a GLib main loop (callbacks and Gio._promisify)
//
// Copyright 2026 The libiis authors
// SPDX-License-Identifier: LGPL-2.1-or-later

import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import Iis from 'gi://Iis?version=1.0';

import {test, testAsync, assert, equal, throwsGError, finish} from './tap.js';
import {date, ids, makeScenario} from './scenario.js';

const SMALL = JSON.stringify({
    format: 'libiis-catalog',
    version: '1.0',
    entities: [
        {type: 'state', id: 'UZ', name: 'Uzbekistan'},
        {type: 'organization', id: 'sco', name: 'SCO', kind: 'intergovernmental', founded: '2001-06-15'},
    ],
    relations: [
        {kind: 'member-of', subject: 'UZ', object: 'sco', role: 'member', start: '2001-06-15'},
    ],
});

function doc(fields) {
    return JSON.stringify({format: 'libiis-catalog', version: '1.0', ...fields});
}

function textOf(catalog, flags = Iis.SaveFlags.NONE) {
    const [text, length] = catalog.to_data_full(flags);
    equal(new TextEncoder().encode(text).length, length);
    return text;
}

const tmpdir = GLib.dir_make_tmp('test-io-js-XXXXXX');
function tmpFile(name) {
    return Gio.File.new_for_path(GLib.build_filenamev([tmpdir, name]));
}
function write(file, text) {
    file.replace_contents(new TextEncoder().encode(text), null, false,
        Gio.FileCreateFlags.NONE, null);
}
function read(file) {
    const [, bytes] = file.load_contents(null);
    return new TextDecoder().decode(bytes);
}

test('load_from_data adds to the catalog', () => {
    const catalog = new Iis.Catalog();
    assert(catalog.load_from_data(SMALL, -1));
    equal(ids(catalog.list_entities(Iis.Entity.$gtype)), ['UZ', 'sco']);
    equal(catalog.lookup('sco').founded.to_string(), '2001-06-15');
    catalog.load_from_data(doc({entities: [{type: 'state', id: 'KZ', name: 'Kazakhstan'}],
        relations: [{kind: 'member-of', subject: 'KZ', object: 'sco', role: 'member'}]}), -1);
    equal(ids(catalog.get_members(catalog.lookup('sco'), 'member', date('2018'))), ['KZ', 'UZ']);
});

test('load flags: override replaces, keeping relations', () => {
    const catalog = new Iis.Catalog();
    catalog.load_from_data(SMALL, -1);
    const renamed = doc({entities: [{type: 'state', id: 'UZ', name: 'Republic of Uzbekistan'}]});
    throwsGError(() => catalog.load_from_data(renamed, -1), Iis.Error, Iis.Error.DUPLICATE_ID);
    catalog.load_from_data_full(renamed, -1, Iis.LoadFlags.OVERRIDE);
    equal(catalog.lookup('UZ').name, 'Republic of Uzbekistan');
    equal(ids(catalog.get_members(catalog.lookup('sco'), null, null)), ['UZ']);
});

test('a failed load names the place and leaves the catalog as it was', () => {
    const cases = [
        ['{', Iis.Error.PARSE, null],
        [doc({version: '2.0'}), Iis.Error.UNSUPPORTED_VERSION, '2.0'],
        [doc({entities: [{type: 'state', id: 'AA'}], relations: [{kind: 'member-of', subject: 'AA', object: 'nowhere'}]}),
            Iis.Error.UNKNOWN_REFERENCE, 'relations[0]'],
        [doc({entities: [{type: 'state', id: 'AA'}, {type: 'organization', id: 'org'}],
            relations: [{kind: 'member-of', subject: 'AA', object: 'org', start: '2017-13'}]}),
        Iis.Error.INVALID_VALUE, 'relations[0].start'],
        [doc({entities: [{type: 'state', id: 'UZ'}]}), Iis.Error.DUPLICATE_ID, 'entities[0]'],
    ];
    for (const [text, code, where] of cases) {
        const catalog = makeScenario();
        const before = textOf(catalog);
        let added = 0;
        catalog.connect('entity-added', () => added++);
        throwsGError(() => catalog.load_from_data(text, -1), Iis.Error, code, ...where ? [where] : []);
        equal(textOf(catalog), before, 'the catalog is unchanged');
        equal(added, 0);
    }
});

test('files: save, load, stable output, compact', () => {
    const catalog = makeScenario();
    catalog.lookup('UZ').set_label('ru', 'Узбекистан');
    const file = tmpFile('scenario.json');
    assert(catalog.save_to_file(file, null));
    const saved = read(file);
    equal(saved, textOf(catalog));
    const loaded = new Iis.Catalog();
    loaded.load_from_file(file, null);
    equal(textOf(loaded), saved);
    equal(loaded.lookup('UZ').get_label('ru'), 'Узбекистан');
    const parsed = JSON.parse(saved);
    equal([parsed.format, parsed.version], ['libiis-catalog', '1.0']);

    const compact = textOf(catalog, Iis.SaveFlags.COMPACT);
    assert(!compact.trim().includes('\n'), 'compact output is one line');
    equal(JSON.parse(compact), parsed);
    const compactFile = tmpFile('compact.json');
    catalog.save_to_file_full(compactFile, Iis.SaveFlags.COMPACT, null);
    equal(read(compactFile), compact);

    const stream = Gio.MemoryInputStream.new_from_bytes(new GLib.Bytes(new TextEncoder().encode(SMALL)));
    const fromStream = new Iis.Catalog();
    fromStream.load_from_stream(stream, Iis.LoadFlags.NONE, null);
    equal(ids(fromStream.list_entities(Iis.Entity.$gtype)), ['UZ', 'sco']);
});

test('I/O errors are Gio.IOErrorEnum errors; a failed save keeps the old file', () => {
    const catalog = new Iis.Catalog();
    throwsGError(() => catalog.load_from_file(tmpFile('missing.json'), null),
        Gio.IOErrorEnum, Gio.IOErrorEnum.NOT_FOUND);
    const bad = tmpFile('bad.json');
    write(bad, doc({version: '3.0'}));
    throwsGError(() => catalog.load_from_file(bad, null), Iis.Error, Iis.Error.UNSUPPORTED_VERSION, 'bad.json');

    const keep = tmpFile('keep.json');
    write(keep, 'old content');
    const cancellable = new Gio.Cancellable();
    cancellable.cancel();
    throwsGError(() => makeScenario().save_to_file(keep, cancellable),
        Gio.IOErrorEnum, Gio.IOErrorEnum.CANCELLED);
    equal(read(keep), 'old content');
});

testAsync('load_from_file_async with a callback on a main loop', done => {
    const file = tmpFile('small.json');
    write(file, SMALL);
    const catalog = new Iis.Catalog();
    const added = [];
    catalog.connect('entity-added', (c, e) => added.push(e.id));
    catalog.load_from_file_async(file, null, (source, result) => {
        try {
            assert(source === catalog);
            assert(catalog.load_from_file_finish(result));
            equal(added.sort(), ['UZ', 'sco']);
            equal(ids(catalog.get_members(catalog.lookup('sco'), null, date('2018'))), ['UZ']);
            done();
        } catch (error) {
            done(error);
        }
    });
    equal(catalog.n_entities, 0, 'nothing is added before the loop runs');
});

Gio._promisify(Iis.Catalog.prototype, 'load_from_file_async', 'load_from_file_finish');
Gio._promisify(Iis.Catalog.prototype, 'save_to_file_async', 'save_to_file_finish');

testAsync('async load and save as promises', async () => {
    const scenario = makeScenario();
    const file = tmpFile('promised.json');
    assert(await scenario.save_to_file_async(file, Iis.SaveFlags.NONE, null));
    const catalog = new Iis.Catalog();
    assert(await catalog.load_from_file_async(file, null));
    equal(textOf(catalog), textOf(scenario));
});

testAsync('a failed async load rejects and changes nothing', async () => {
    const file = tmpFile('truncated.json');
    write(file, '{"format": "libiis-catalog", "version": "1.0", "entities": [');
    const catalog = makeScenario();
    const before = textOf(catalog);
    let caught = null;
    try {
        await catalog.load_from_file_async(file, null);
    } catch (error) {
        caught = error;
    }
    assert(caught instanceof GLib.Error, 'a GLib.Error');
    assert(caught.matches(Iis.Error, Iis.Error.PARSE), `${caught}`);
    equal(textOf(catalog), before);
});

// Clean up the temporary folder.
const dir = Gio.File.new_for_path(tmpdir);
const children = dir.enumerate_children('standard::name', Gio.FileQueryInfoFlags.NONE, null);
for (let info = children.next_file(null); info; info = children.next_file(null))
    dir.get_child(info.get_name()).delete(null);
dir.delete(null);

finish();
