// test-catalog.js: the catalog from GJS: entities, relations, errors,
// signals, every question, queries, and answers as Gio.ListModels
//
// Copyright 2026 The libiis authors
// SPDX-License-Identifier: LGPL-2.1-or-later

import GObject from 'gi://GObject';
import GLib from 'gi://GLib';
import Gio from 'gi://Gio';
import Iis from 'gi://Iis?version=1.0';

import {test, assert, equal, throwsGError, finish} from './tap.js';
import {date, ids, items, makeScenario} from './scenario.js';

const K = Iis.RelationKind;

test('answers are Iis.Answers: Gio.ListModels of the types they say', () => {
    const catalog = makeScenario();
    const models = [
        catalog.list_entities(Iis.Entity.$gtype),
        catalog.list_relations(null, K.ANY, null),
        catalog.get_members(catalog.lookup('sco'), null, null),
        catalog.get_memberships(catalog.lookup('BY'), null),
        catalog.get_parties(catalog.lookup('agr-2009'), null),
        catalog.get_signatories(catalog.lookup('agr-2009')),
        catalog.get_agreements_of(catalog.lookup('RU'), null),
        catalog.get_agreements_addressing(catalog.lookup('threats'), true),
        catalog.get_forums_of(catalog.lookup('RU'), null),
        catalog.get_parts(catalog.lookup('threats'), true),
        catalog.get_wholes(catalog.lookup('info-war'), true),
        catalog.get_related(catalog.lookup('RU'), K.ANY, false, null),
        catalog.validate(),
    ];
    for (const model of models) {
        assert(model instanceof Gio.ListModel, 'a Gio.ListModel');
        assert(model instanceof Iis.Answer, `an Iis.Answer, not ${model.constructor.name}`);
        const all = items(model);
        equal(all.length, model.get_n_items());
        const array = model.get_items();
        equal(array.length, all.length);
        array.forEach((item, i) => assert(item === all[i], 'get_items() gives the items in order'));
        all.forEach((item, i) => {
            assert(item === model.get_item(i), 'one object at each position');
            assert(GObject.type_is_a(item.constructor.$gtype, model.get_item_type()),
                `a ${GObject.type_name(model.get_item_type())}`);
        });
        equal(model.get_item(all.length), null);
    }
    assert(models[0].get_n_items() > 0 && models[1].get_n_items() > 0);
});

test('add, look up, list and remove entities', () => {
    const catalog = new Iis.Catalog();
    const uz = new Iis.State({id: 'UZ', name: 'Uzbekistan'});
    assert(catalog.add_entity(uz));
    assert(catalog.lookup('UZ') === uz);
    equal(catalog.lookup('nowhere'), null);
    equal(catalog.n_entities, 1);
    catalog.add_entity(new Iis.Organization({id: 'sco', name: 'SCO'}));
    equal(ids(catalog.list_entities(Iis.State.$gtype)), ['UZ']);
    equal(ids(catalog.list_entities(Iis.Entity.$gtype)), ['UZ', 'sco']);
    uz.set_identifier('wikidata', 'Q265');
    assert(catalog.find_by_identifier('wikidata', 'Q265') === uz);
    assert(catalog.remove_entity(uz));
    assert(!catalog.remove_entity(uz));
    equal(catalog.get_n_entities(), 1);
});

test('errors are GLib.Errors in the Iis.Error domain', () => {
    const catalog = new Iis.Catalog();
    const uz = new Iis.State({id: 'UZ', name: 'Uzbekistan'});
    const ru = new Iis.State({id: 'RU', name: 'Russia'});
    const sco = new Iis.Organization({id: 'sco', name: 'SCO'});
    catalog.add_entity(uz);
    catalog.add_entity(ru);
    throwsGError(() => catalog.add_entity(new Iis.State({id: 'UZ', name: 'Again'})),
        Iis.Error, Iis.Error.DUPLICATE_ID, 'UZ');
    throwsGError(() => catalog.add_entity(new Iis.State({id: 'a\nb'})),
        Iis.Error, Iis.Error.INVALID_VALUE);
    throwsGError(() => catalog.add_relation(new Iis.Relation({kind: K.MEMBER_OF, subject: uz, object: sco})),
        Iis.Error, Iis.Error.UNKNOWN_REFERENCE, 'sco');
    throwsGError(() => catalog.add_relation(new Iis.Relation({kind: K.MEMBER_OF, subject: uz, object: ru})),
        Iis.Error, Iis.Error.TYPE_MISMATCH, 'member-of');
    equal([catalog.n_entities, catalog.n_relations], [2, 0]);
});

test('signals follow additions and removals', () => {
    const catalog = new Iis.Catalog();
    const events = [];
    catalog.connect('entity-added', (c, e) => events.push(`+${e.id}`));
    catalog.connect('entity-removed', (c, e) => events.push(`-${e.id}`));
    catalog.connect('relation-added', (c, r) => events.push(`+r:${r.subject.id}`));
    catalog.connect('relation-removed', (c, r) => events.push(`-r:${r.subject.id}:${r.is_in_catalog()}`));
    const counts = [];
    catalog.connect('notify::n-relations', c => counts.push(c.n_relations));
    const uz = new Iis.State({id: 'UZ', name: 'Uzbekistan'});
    const sco = new Iis.Organization({id: 'sco', name: 'SCO'});
    catalog.add_entity(uz);
    catalog.add_entity(sco);
    catalog.add_relation(new Iis.Relation({kind: K.MEMBER_OF, subject: uz, object: sco}));
    catalog.remove_entity(uz);
    equal(events, ['+UZ', '+sco', '+r:UZ', '-r:UZ:false', '-UZ']);
    equal(counts, [1, 0]);
});

test('relations stay bound to the catalog', () => {
    const catalog = makeScenario();
    const r = catalog.list_relations(catalog.lookup('UZ'), K.MEMBER_OF, catalog.lookup('union')).get_item(0);
    assert(r.is_in_catalog());
    r.end = date('2009');
    equal(items(catalog.list_relations(catalog.lookup('UZ'), K.MEMBER_OF, null)).map(x => x.end?.to_string() ?? null),
        [null, '2009']);
    assert(catalog.remove_relation(r));
    assert(!r.is_in_catalog());
});

function members(catalog, org, role, at) {
    return ids(catalog.get_members(catalog.lookup(org), role, date(at))).join(' ');
}

test('count_relations answers as many as list_relations lists', () => {
    const catalog = makeScenario();
    const entities = [null, ...items(catalog.list_entities(Iis.Entity.$gtype))];
    const kinds = [K.ANY, K.MEMBER_OF, K.PARTY_TO, K.SIGNATORY_OF];
    let nonzero = 0;
    for (const subject of entities) {
        for (const kind of kinds) {
            for (const object of entities) {
                const n = catalog.list_relations(subject, kind, object).get_n_items();
                equal(catalog.count_relations(subject, kind, object), n);
                if (n > 0)
                    nonzero++;
            }
        }
    }
    assert(nonzero > entities.length);
    equal(catalog.count_relations(null, K.MEMBER_OF, catalog.lookup('sco')), 9);
    equal(catalog.count_relations(null, K.ANY, null), catalog.get_n_relations());
});

test('get_members at dates and roles', () => {
    const c = makeScenario();
    equal(members(c, 'sco', 'member', '2018-01-01'), 'CN IN KZ RU UZ');
    equal(members(c, 'sco', 'member', '2017-06-08'), 'CN KZ RU UZ');
    equal(members(c, 'sco', 'member', '2001-06-14'), '');
    equal(members(c, 'sco', 'member', '2024-07-04'), 'BY CN IN KZ RU UZ');
    equal(members(c, 'sco', null, null), 'BY CN IN KZ RU UZ');
    equal(members(c, 'sco', 'observer', '2015'), 'BY IN');
    equal(members(c, 'sco', 'dialogue-partner', '2015-06-01'), '');
    equal(members(c, 'pact', 'member', '1995'), 'KZ');
    equal(members(c, 'pact', 'member', '2005'), '');
});

test('is_member and get_memberships', () => {
    const c = makeScenario();
    const sco = c.lookup('sco');
    assert(c.is_member(c.lookup('IN'), sco, date('2006')));
    assert(!c.is_member(c.lookup('BY'), sco, date('2009')));
    assert(!c.is_member(c.lookup('KZ'), c.lookup('pact'), date('2000-01-01')));
    equal(items(c.get_memberships(c.lookup('BY'), null)).map(r => r.role), ['dialogue-partner', 'observer', 'member']);
    equal(items(c.get_memberships(c.lookup('BY'), date('2016'))).map(r => r.role), ['observer']);
});

test('get_parties, get_signatories, get_agreements_of', () => {
    const c = makeScenario();
    const agr = c.lookup('agr-2009');
    equal(ids(c.get_parties(agr, date('2011-06-01'))), ['KZ', 'RU', 'UZ']);
    equal(ids(c.get_parties(agr, date('2013'))), ['KZ', 'RU']);
    equal(ids(c.get_signatories(agr)), ['CN', 'KZ', 'RU', 'UZ']);
    equal(ids(c.get_agreements_of(c.lookup('UZ'), date('2011'))), ['agr-2009']);
    equal(ids(c.get_agreements_of(c.lookup('UZ'), date('2013'))), []);
    const ru = c.list_relations(c.lookup('RU'), K.PARTY_TO, agr).get_item(0);
    equal(ru.get_qualifier('deposited'), '2010-06-02');
});

test('get_agreements_addressing with and without narrower categories', () => {
    const c = makeScenario();
    equal(ids(c.get_agreements_addressing(c.lookup('info-weapons'), false)), ['agr-other']);
    equal(ids(c.get_agreements_addressing(c.lookup('info-weapons'), true)), ['agr-2009', 'agr-other']);
    equal(ids(c.get_agreements_addressing(c.lookup('info-terrorism'), false)), ['agr-2009']);
    equal(ids(c.get_agreements_addressing(c.lookup('threats'), true)), ['agr-2006', 'agr-2009', 'agr-other']);
});

test('get_forums_of, get_parts, get_wholes, get_related', () => {
    const c = makeScenario();
    equal(ids(c.get_forums_of(c.lookup('RU'), null)), ['forum-2017']);
    equal(ids(c.get_forums_of(c.lookup('RU'), date('2017-02-03'))), ['forum-2017']);
    equal(ids(c.get_forums_of(c.lookup('RU'), date('2018'))), []);
    equal(ids(c.get_forums_of(c.lookup('UZ'), date('1990'))), ['forum-undated']);
    equal(ids(c.get_parts(c.lookup('sco'), false)), ['sco-secretariat']);
    equal(ids(c.get_parts(c.lookup('threats'), true)), ['info-terrorism', 'info-war', 'info-weapons']);
    equal(ids(c.get_wholes(c.lookup('info-war'), true)), ['info-weapons', 'threats']);
    equal(ids(c.get_related(c.lookup('forum-2017'), K.ANY, true, null)), ['RU', 'sco']);
});

test('validate finds problems', () => {
    const c = makeScenario();
    equal(c.validate().get_n_items(), 0);
    c.add_relation(new Iis.Relation({
        kind: K.MEMBER_OF, subject: c.lookup('CN'), object: c.lookup('union'),
        start: date('2010'), end: date('2005'),
    }));
    const problems = items(c.validate());
    const reversed = problems.filter(p => p.kind === Iis.ProblemKind.REVERSED_PERIOD);
    equal(reversed.length, 1);
    equal(reversed[0].subject_id, 'CN');
    assert(reversed[0].message.length > 0);
});

test('queries', () => {
    const c = makeScenario();
    const query = new Iis.Query({entity_type: Iis.State.$gtype, at: date('2016')});
    query.add_related(K.MEMBER_OF, 'sco', 'observer', false);
    equal(ids(query.run(c)), ['BY', 'IN']);
    query.text = 'ind';
    equal(ids(query.run(c)), ['IN']);
    const missing = new Iis.Query();
    missing.add_related(K.MEMBER_OF, 'nowhere', null, false);
    throwsGError(() => missing.run(c), Iis.Error, Iis.Error.UNKNOWN_REFERENCE, 'nowhere');
});

test('the bundled catalog: SCO members on 2018-01-01, information weapons', () => {
    const catalog = Iis.Catalog.new_default();
    const sco = catalog.lookup('sco');
    assert(sco instanceof Iis.Organization);
    const names = items(catalog.get_members(sco, 'member', date('2018-01-01'))).map(m => m.name);
    equal(names.length, 8);
    for (const expected of ['China', 'India', 'Kazakhstan', 'Kyrgyzstan', 'Pakistan', 'Russia', 'Tajikistan', 'Uzbekistan'])
        assert(names.some(n => n.includes(expected)), `${expected} in ${names}`);
    const weapons = catalog.lookup('information-weapons');
    assert(ids(catalog.get_agreements_addressing(weapons, true)).includes('sco-2009-agreement'));
    equal(catalog.validate().get_n_items(), 0);
});

// The scenario of tests/data/inexact.json, answered in both modes as
// tests/data/inexact-answers.json says (the C and Python suites read the
// same table).
test('inexact dates: every question in the certain and possible modes', () => {
    const dataDir = GLib.build_filenamev([GLib.getenv('G_TEST_SRCDIR'), 'data']);
    const catalog = Iis.Catalog.new();
    catalog.load_from_file(Gio.File.new_for_path(GLib.build_filenamev([dataDir, 'inexact.json'])), null);
    const [, bytes] = GLib.file_get_contents(GLib.build_filenamev([dataDir, 'inexact-answers.json']));
    const questions = JSON.parse(new TextDecoder().decode(bytes)).questions;
    const T = Iis.Truth, M = Iis.QuestionMode;
    const ask = (q, of, at, mode) => {
        switch (q) {
        case 'members': return catalog.get_members_full(of, 'member', at, mode);
        case 'memberships': return catalog.get_memberships_full(of, at, mode);
        case 'parties': return catalog.get_parties_full(of, at, mode);
        case 'agreements-of': return catalog.get_agreements_of_full(of, at, mode);
        default: return catalog.get_forums_of_full(of, at, mode);
        }
    };
    const byTruth = answer => {
        const out = {yes: [], unknown: []};
        answer.get_items().forEach((item, i) => {
            const entity = item instanceof Iis.Relation ? item.object : item;
            out[answer.get_truth(i) === T.YES ? 'yes' : 'unknown'].push(entity.id);
        });
        return out;
    };
    assert(questions.length >= 20, 'the table has its questions');
    for (const c of questions) {
        const of = catalog.lookup(c.of);
        const at = c.at ? Iis.Date.parse(c.at) : null;
        if (c.question === 'is-member') {
            const truth = {yes: T.YES, no: T.NO, unknown: T.UNKNOWN}[c.truth];
            equal(catalog.get_member_truth(catalog.lookup(c.member), of, at), truth);
            continue;
        }
        equal(byTruth(ask(c.question, of, at, M.CERTAIN)), {yes: c.certain, unknown: []});
        equal(byTruth(ask(c.question, of, at, M.POSSIBLE)), {yes: c.certain, unknown: c.possible});
    }
});

test('a query in the possible mode tells certain from possible', () => {
    const dataDir = GLib.build_filenamev([GLib.getenv('G_TEST_SRCDIR'), 'data']);
    const catalog = Iis.Catalog.new();
    catalog.load_from_file(Gio.File.new_for_path(GLib.build_filenamev([dataDir, 'inexact.json'])), null);
    const query = new Iis.Query({entity_type: Iis.State, at: Iis.Date.parse('2004'),
        mode: Iis.QuestionMode.POSSIBLE});
    query.add_related(Iis.RelationKind.MEMBER_OF, 'org', 'member', false);
    const answer = query.run(catalog);
    equal(answer.get_items().map((e, i) => [e.id, answer.get_truth(i)]),
        [['AA', Iis.Truth.UNKNOWN], ['BB', Iis.Truth.YES], ['CC', Iis.Truth.UNKNOWN], ['DD', Iis.Truth.YES]]);
    query.mode = Iis.QuestionMode.CERTAIN;
    equal(query.run(catalog).get_items().map(e => e.id), ['BB', 'DD']);
});

finish();
