// test-continuity.js: states over time from GJS, on
// tests/data/successions.json (USSR/Russia, Czechoslovakia and its
// successors, Yugoslavia, Serbia and Montenegro), and on the bundled
// catalog against data/facts/states.json
//
// Copyright 2026 The libiis authors
// SPDX-License-Identifier: LGPL-2.1-or-later

import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import Iis from 'gi://Iis?version=1.0';

import {test, assert, equal, finish} from './tap.js';
import {date, ids, items} from './scenario.js';

const CERTAIN = Iis.QuestionMode.CERTAIN;
const srcdir = GLib.getenv('G_TEST_SRCDIR');

function fixture() {
    const catalog = new Iis.Catalog();
    catalog.load_from_file(
        Gio.File.new_for_path(GLib.build_filenamev([srcdir, 'data', 'successions.json'])), null);
    return catalog;
}

function members(catalog, at, continuous) {
    const un = catalog.lookup('un');
    return ids(continuous
        ? catalog.get_members_continuous(un, null, date(at), CERTAIN)
        : catalog.get_members(un, null, date(at)));
}

function held(catalog, id, at, continuous) {
    const state = catalog.lookup(id);
    const model = continuous
        ? catalog.get_memberships_continuous(state, date(at), CERTAIN)
        : catalog.get_memberships(state, date(at));
    return items(model).map(r => `${r.subject.id}→${r.object.id}`);
}

test('a state has a period', () => {
    const catalog = fixture();
    const su = catalog.lookup('SU');
    equal(su.ceased.to_string(), '1991-12-26');
    equal(su.founded, null);
    assert(su.exists_at(date('1980')));
    assert(!su.exists_at(date('1992')));
    const state = new Iis.State({id: 'XX', ceased: date('2006-06-03')});
    equal(state.get_ceased().to_string(), '2006-06-03');
});

test('members of the UN across the changes, with and without continuity', () => {
    const catalog = fixture();
    const cases = [
        ['1980', 'CS SU YU', 'CS SU YU'],
        ['1991-12-24', 'CS SU YU', 'CS RU YU'],
        ['1993-01-10', 'SI', 'RU SI'],
        ['2005', 'CZ SCG SI SK', 'CZ RU SCG SI SK'],
        ['2006-06-10', 'CZ SI SK', 'CZ RS RU SI SK'],
        ['2007', 'CZ ME SI SK', 'CZ ME RS RU SI SK'],
    ];
    for (const [at, plain, continuous] of cases) {
        equal(members(catalog, at, false).join(' '), plain, at);
        equal(members(catalog, at, true).join(' '), continuous, at);
    }
});

test("Russia's memberships with or without the USSR's", () => {
    const catalog = fixture();
    equal(held(catalog, 'RU', '1980', false).join(' '), '');
    equal(held(catalog, 'RU', '1980', true).join(' '), 'SU→un');
    equal(held(catalog, 'CZ', null, true).join(' '), 'CZ→un');
    equal(held(catalog, 'RS', '2005', true).join(' '), 'SCG→un');
    equal(catalog.resolve_continuity(catalog.lookup('RU'), date('1980')).id, 'SU');
    equal(catalog.resolve_continuity(catalog.lookup('SU'), null).id, 'RU');
});

test('a membership outside a state\'s existence is a problem', () => {
    const catalog = fixture();
    equal(catalog.validate().get_n_items(), 0);
    catalog.add_relation(new Iis.Relation({
        kind: Iis.RelationKind.MEMBER_OF, subject: catalog.lookup('SU'),
        object: catalog.lookup('un'), role: 'observer', start: date('1995'),
    }));
    const problems = items(catalog.validate());
    equal(problems.length, 1);
    equal(problems[0].kind, Iis.ProblemKind.OUTSIDE_EXISTENCE);
});

test('the bundled catalog answers as data/facts/states.json says', () => {
    const catalog = Iis.Catalog.new();
    catalog.load_bundled();
    const [, bytes] = GLib.file_get_contents(
        GLib.build_filenamev([srcdir, '..', 'data', 'facts', 'states.json']));
    const table = JSON.parse(new TextDecoder().decode(bytes));
    let continuations = 0;
    for (const record of table.records) {
        if (record.type === 'state-period') {
            const state = catalog.lookup(record.state);
            for (const member of ['founded', 'ceased']) {
                if (record[member])
                    equal(state[member].to_string(), record[member], record.state);
            }
        } else if (record.kind === 'continues') {
            const successor = catalog.lookup(record.subject);
            const predecessor = catalog.lookup(record.object);
            // The continued state's memberships are the continuator's,
            // at any date, when continuity is followed, and only then.
            const withIt = items(catalog.get_memberships_continuous(successor, null, CERTAIN));
            const without = items(catalog.get_memberships(successor, null));
            const ofPredecessor = items(catalog.get_memberships(predecessor, null));
            equal(withIt.length, without.length + ofPredecessor.length, record.subject);
            assert(without.every(r => r.subject.id === record.subject));
            continuations++;
        } else if (record.kind === 'succeeds') {
            const successor = catalog.lookup(record.subject);
            const all = items(catalog.get_memberships_continuous(successor, null, CERTAIN));
            assert(all.every(r => r.subject.id === record.subject), record.subject);
        }
    }
    assert(continuations >= 1);
});

finish();
