// test-status.js: treaty actions and a party's status from GJS, on the
// scenario of tests/data/treaty-actions.json (drawn from treaty office
// charts) and the statuses tests/data/treaty-actions-expected.json gives
//
// Copyright 2026 The libiis authors
// SPDX-License-Identifier: LGPL-2.1-or-later

import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import Iis from 'gi://Iis?version=1.0';

import {test, assert, equal, throwsGError, finish} from './tap.js';
import {date, ids, items} from './scenario.js';

const dataDir = GLib.build_filenamev([GLib.getenv('G_TEST_SRCDIR'), 'data']);
const catalog = Iis.Catalog.new();
catalog.load_from_file(Gio.File.new_for_path(GLib.build_filenamev([dataDir, 'treaty-actions.json'])), null);
const [, bytes] = GLib.file_get_contents(GLib.build_filenamev([dataDir, 'treaty-actions-expected.json']));
const expected = JSON.parse(new TextDecoder().decode(bytes));

function nick(kind) {
    // The enum's value names, e.g. CONSENT_WITHDRAWN → consent-withdrawn.
    const name = Object.keys(Iis.PartyStatusKind).find(key => Iis.PartyStatusKind[key] === kind);
    return name.toLowerCase().replace(/_/g, '-');
}

test('every status at every date', () => {
    let checked = 0;
    for (const row of expected.statuses) {
        const agreement = catalog.lookup(row.agreement);
        const party = catalog.lookup(row.party);
        expected.dates.forEach((at, i) => {
            if (row.kinds[i] === null)
                return;
            const status = catalog.get_party_status(agreement, party, date(at));
            equal(nick(status.kind), row.kinds[i], `${row.agreement} ${row.party} ${at}`);
            equal(status.party.id, row.party);
            const listed = items(catalog.get_party_statuses(agreement, date(at)))
                .find(s => s.party.id === row.party);
            equal(listed.kind, status.kind);
            checked++;
        });
    }
    assert(checked > 100, `${checked} statuses checked`);
});

test('reservations and declarations', () => {
    for (const row of expected['reservations-in-effect']) {
        const status = catalog.get_party_status(catalog.lookup(row.agreement),
            catalog.lookup(row.party), date(row.date));
        equal(JSON.stringify(items(status.reservations).map(r => r.get_qualifier('article'))),
            JSON.stringify(row.articles));
    }
    for (const row of expected.reservations) {
        const kind = row.kind === 'any' ? Iis.RelationKind.ANY : Iis.RelationKind.from_nick(row.kind);
        const found = catalog.get_reservations(catalog.lookup(row.agreement), kind, row.article, date(row.date));
        equal(items(found).map(r => r.subject.id).join(' '), row.parties.join(' '));
    }
});

test('signatories never bound, and a comparison', () => {
    for (const row of expected['never-bound']) {
        equal(ids(catalog.get_signatories_never_bound(catalog.lookup(row.agreement), date(row.date))).join(' '),
            row.parties.join(' '));
    }
    for (const row of expected.compare) {
        const [both, onlyA, onlyB] = catalog.compare_parties(catalog.lookup(row.a), catalog.lookup(row.b), date(row.date));
        equal(ids(both).join(' '), row.both.join(' '));
        equal(ids(onlyA).join(' '), row['only-a'].join(' '));
        equal(ids(onlyB).join(' '), row['only-b'].join(' '));
    }
});

test('decided by a denunciation, and errors', () => {
    const status = catalog.get_party_status(catalog.lookup('coe-ets-173'), catalog.lookup('RU'), date('2024-01-01'));
    equal(status.kind, Iis.PartyStatusKind.DENOUNCED);
    const [denunciation] = items(status.decided_by);
    equal(denunciation.kind, Iis.RelationKind.DENOUNCED);
    equal(denunciation.get_qualifier('effective'), '2023-07-01');
    throwsGError(() => catalog.get_party_status(catalog.lookup('coe-ets-185'), catalog.lookup('un-ctbt'), null),
        Iis.error_quark(), Iis.Error.TYPE_MISMATCH, 'un-ctbt');
});

test('the dyad table', () => {
    // The pairs of parties bound at each date of the charts, from the
    // statuses the charts give; an agreement with a status left open at
    // a date is not compared then.
    let compared = 0;
    expected.dates.forEach((at, i) => {
        const rows = items(catalog.get_dyads(null, date(at)))
            .map(d => [d.agreement.id, d.first.id, d.second.id].join(' '));
        equal(rows.join('\n'), [...rows].sort().join('\n'));
        const agreements = [...new Set(expected.statuses.map(row => row.agreement))].sort();
        for (const agreement of agreements) {
            const mine = expected.statuses.filter(row => row.agreement === agreement);
            if (mine.some(row => row.kinds[i] === null))
                continue;
            const bound = mine.filter(row => ['bound', 'denunciation-pending'].includes(row.kinds[i]))
                .map(row => row.party).sort();
            const want = [];
            bound.forEach((a, j) => bound.slice(j + 1).forEach(b => want.push(`${agreement} ${a} ${b}`)));
            equal(rows.filter(row => row.startsWith(`${agreement} `)).join('\n'), want.join('\n'));
            const one = items(catalog.get_dyads(catalog.lookup(agreement), date(at)));
            equal(one.length, want.length);
            assert(one.every(d => d.get_date().to_string() === at && d.get_agreement().id === agreement));
            compared += want.length;
        }
    });
    assert(compared > 20);
});

finish();
