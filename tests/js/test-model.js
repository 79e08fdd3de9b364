// test-model.js: dates, entities, relations, names, sources and problems
// from GJS, built from properties
//
// Copyright 2026 The libiis authors
// SPDX-License-Identifier: LGPL-2.1-or-later

import GLib from 'gi://GLib';
import GObject from 'gi://GObject';
import Iis from 'gi://Iis?version=1.0';

import {test, assert, equal, throwsGError, finish} from './tap.js';

const P = Iis.DatePrecision;

test('dates: new, parse and to_string', () => {
    const d = new Iis.Date(2017, 2, 2);
    equal([d.get_year(), d.get_month(), d.get_day()], [2017, 2, 2]);
    equal(d.get_precision(), P.DAY);
    equal(Iis.Date.new(2017, 2, 0).get_precision(), P.MONTH);
    for (const text of ['2017', '2017-02', '2017-02-02', '2000-02-29', '9999-12-31'])
        equal(Iis.Date.parse(text).to_string(), text);
});

test('dates: invalid values are Iis.Error.INVALID_VALUE', () => {
    const error = throwsGError(() => Iis.Date.parse('2017-13-40'),
        Iis.Error, Iis.Error.INVALID_VALUE, '2017-13-40', 'month 13');
    assert(error instanceof Iis.Error, 'the error is an Iis.Error');
    equal(error.domain, Iis.error_quark());
    throwsGError(() => Iis.Date.parse('2017-02-30'), Iis.Error, Iis.Error.INVALID_VALUE,
        'February 2017 has 28 days');
    throwsGError(() => Iis.Date.new_checked(2015, 2, 29), Iis.Error, Iis.Error.INVALID_VALUE);
    for (const text of ['', 'yesterday', '2017-1-1', '2017-02-02 10:00']) {
        throwsGError(() => Iis.Date.parse(text), Iis.Error, Iis.Error.INVALID_VALUE,
            `“${text}”`, 'expected YYYY, YYYY-MM or YYYY-MM-DD');
    }
    assert(Iis.Date.is_valid(2000, 2, 29));
    assert(!Iis.Date.is_valid(1900, 2, 29));
});

test('dates: compare, compare_coarse, equal, hash', () => {
    const texts = ['2017', '2017-01', '2017-01-01', '2017-01-02', '2017-02'];
    const dates = texts.map(t => Iis.Date.parse(t));
    const sorted = [...dates].reverse().sort((a, b) => a.compare(b));
    equal(sorted.map(d => d.to_string()), texts);
    equal(Iis.Date.parse('2017').compare_coarse(Iis.Date.parse('2017-06-01')), 0);
    assert(Iis.Date.parse('2017-05').compare_coarse(Iis.Date.parse('2017-06-01')) < 0);
    assert(Iis.Date.parse('2017-02').equal(new Iis.Date(2017, 2, 0)));
    equal(Iis.Date.parse('2017-02').hash(), new Iis.Date(2017, 2, 0).hash());
    assert(!Iis.Date.parse('2017').equal(Iis.Date.parse('2017-01')));
});

test('every entity type from properties', () => {
    const uz = new Iis.State({id: 'UZ', name: 'Uzbekistan', alpha_2: 'UZ', alpha_3: 'UZB', numeric: 860});
    assert(uz instanceof Iis.Entity);
    equal([uz.id, uz.name, uz.alpha_2, uz.alpha_3, uz.numeric], ['UZ', 'Uzbekistan', 'UZ', 'UZB', 860]);
    equal(uz.get_alpha2(), 'UZ');
    equal(uz.get_type_nick(), 'state');

    const sco = new Iis.Organization({
        id: 'sco', name: 'Shanghai Cooperation Organisation', acronym: 'SCO',
        kind: Iis.OrganizationKind.INTERGOVERNMENTAL, founded: Iis.Date.parse('2001-06-15'),
    });
    equal([sco.acronym, sco.kind, sco.founded.to_string()], ['SCO', Iis.OrganizationKind.INTERGOVERNMENTAL, '2001-06-15']);
    equal(sco.dissolved, null);
    assert(sco.exists_at(Iis.Date.parse('2001-06-15')));
    assert(!sco.exists_at(Iis.Date.parse('2001-06-14')));

    const agreement = new Iis.Agreement({
        id: 'sco-2009-agreement', name: 'SCO agreement', kind: Iis.AgreementKind.AGREEMENT,
        status: Iis.AgreementStatus.IN_FORCE, adopted: Iis.Date.parse('2009-06-16'),
        adopted_place: 'Yekaterinburg', entry_into_force: Iis.Date.parse('2011-06-02'),
    });
    equal([agreement.status, agreement.adopted_place, agreement.entry_into_force.to_string()],
        [Iis.AgreementStatus.IN_FORCE, 'Yekaterinburg', '2011-06-02']);

    const forum = new Iis.Forum({
        id: 'infoforum-2017', name: 'Infoforum 2017', kind: Iis.ForumKind.FORUM,
        start: Iis.Date.parse('2017-02-02'), end: Iis.Date.parse('2017-02-03'), city: 'Moscow',
        participant_count: 1500, participant_count_is_minimum: true, topics: ['cybercrime'],
    });
    forum.add_topic('children');
    equal([forum.city, forum.participant_count, forum.participant_count_is_minimum], ['Moscow', 1500, true]);
    equal(forum.get_topics(), ['cybercrime', 'children']);
    equal(forum.topics, ['cybercrime', 'children']);

    const category = new Iis.ThreatCategory({id: 'information-terrorism', name: 'Information terrorism', definition: 'Terror'});
    equal([category.definition, category.get_type_nick()], ['Terror', 'threat-category']);

    equal(Iis.Entity.type_to_nick(Iis.Forum.$gtype), 'forum');
    equal(Iis.Entity.type_from_nick('organization'), Iis.Organization.$gtype);
    // G_TYPE_INVALID comes to JavaScript as null.
    assert(!Iis.Entity.type_from_nick('spaceship'));
    assert(GObject.type_is_a(Iis.State.$gtype, Iis.Entity.$gtype));
});

test('labels, identifiers, other names, sources', () => {
    const uz = new Iis.State({id: 'UZ', name: 'Uzbekistan'});
    uz.set_label('ru', 'Узбекистан');
    equal(uz.get_label('ru'), 'Узбекистан');
    equal(uz.get_label('ru_RU.UTF-8'), 'Узбекистан');
    equal(uz.get_label('fr'), null);
    equal(uz.dup_label_languages(), ['ru']);
    equal(uz.get_display_name(), 'Uzbekistan');
    uz.set_identifier('wikidata', 'Q265');
    equal(uz.get_identifier('wikidata'), 'Q265');
    equal(uz.dup_identifier_schemes(), ['wikidata']);

    const sco = new Iis.Organization({id: 'sco', name: 'Shanghai Cooperation Organisation'});
    sco.add_other_name(new Iis.Name({text: 'Shanghai Five', lang: 'en', end: Iis.Date.parse('2001-06-15')}));
    const names = [...sco.get_other_names()];
    equal(names.map(n => [n.text, n.lang]), [['Shanghai Five', 'en']]);
    assert(names[0].is_current(Iis.Date.parse('2000')));
    assert(!names[0].is_current(Iis.Date.parse('2002')));
    assert(sco.matches_text('SHANGHAI FIVE'));

    const source = new Iis.Source({
        title: 'Statement', url: 'https://example.org/s', publisher: 'SCO',
        document: '003.txt', date: Iis.Date.parse('2006-06-15'), quote: 'threats',
        locator: 'paragraph 3',
    });
    uz.add_source(source);
    equal([...uz.get_sources()].map(s => [s.title, s.publisher, s.date.to_string()]),
        [['Statement', 'SCO', '2006-06-15']]);
    const copy = Iis.Source.new('Statement');
    for (const p of ['url', 'publisher', 'document', 'quote', 'date'])
        copy[p] = source[p];
    assert(!source.equal(copy));
    copy.set_locator('paragraph 3');
    equal(copy.get_locator(), 'paragraph 3');
    assert(source.equal(copy));
});

test('relations from properties, qualifiers and holds_at', () => {
    const uz = new Iis.State({id: 'UZ', name: 'Uzbekistan'});
    const sco = new Iis.Organization({id: 'sco', name: 'SCO'});
    const r = new Iis.Relation({
        kind: Iis.RelationKind.MEMBER_OF, subject: uz, object: sco, role: 'member',
        start: Iis.Date.parse('2001-06-15'), confidence: Iis.Confidence.HIGH,
    });
    assert(r.subject === uz && r.object === sco, 'the ends are the same objects');
    equal([r.kind, r.role, r.start.to_string(), r.end, r.confidence],
        [Iis.RelationKind.MEMBER_OF, 'member', '2001-06-15', null, Iis.Confidence.HIGH]);
    assert(r.holds_at(Iis.Date.parse('2018')));
    assert(!r.holds_at(Iis.Date.parse('2000')));
    assert(r.holds_at(null));
    r.set_qualifier('deposited', '2001-07-01');
    equal(r.get_qualifier('deposited'), '2001-07-01');
    equal(r.dup_qualifier_keys(), ['deposited']);
    assert(!r.is_in_catalog());

    const K = Iis.RelationKind;
    equal(K.to_nick(K.ADOPTED_WITHIN), 'adopted-within');
    equal(K.from_nick('party-to'), K.PARTY_TO);
    assert(K.allows(K.MEMBER_OF, Iis.State.$gtype, Iis.Organization.$gtype));
    assert(!K.allows(K.MEMBER_OF, Iis.State.$gtype, Iis.State.$gtype));
});

test('problems from properties', () => {
    const p = new Iis.Problem({kind: Iis.ProblemKind.PART_OF_CYCLE, subject_id: 'x', message: 'a cycle'});
    equal([p.kind, p.subject_id, p.message, p.item], [Iis.ProblemKind.PART_OF_CYCLE, 'x', 'a cycle', null]);
});

test('setters notify only on change', () => {
    const sco = new Iis.Organization({id: 'sco', name: 'SCO'});
    const seen = [];
    sco.connect('notify', (obj, pspec) => seen.push(pspec.get_name()));
    sco.name = 'SCO';
    sco.acronym = 'SCO';
    sco.acronym = 'SCO';
    sco.set_founded(Iis.Date.parse('2001-06-15'));
    sco.founded = new Iis.Date(2001, 6, 15);
    sco.kind = Iis.OrganizationKind.INTERGOVERNMENTAL;
    equal(seen, ['acronym', 'founded', 'kind']);
});

test('votes-on and supports (1.1): roles, ends, and the version written', () => {
    const catalog = Iis.Catalog.new();
    const fr = new Iis.State({id: 'FR', name: 'France'});
    const res = new Iis.Agreement({id: 'unga-res-73-27', kind: Iis.AgreementKind.RESOLUTION});
    catalog.add_entity(fr);
    catalog.add_entity(res);
    catalog.add_relation(new Iis.Relation({
        kind: Iis.RelationKind.VOTES_ON, subject: fr, object: res, role: 'no',
        start: Iis.Date.parse('2018-12-05'),
    }));
    equal(Iis.RelationKind.to_nick(Iis.RelationKind.SUPPORTS), 'supports');
    equal(catalog.list_relations(null, Iis.RelationKind.VOTES_ON, res).get_items().map(r => r.role), ['no']);
    const [text] = catalog.to_data_full(Iis.SaveFlags.NONE);
    assert(text.includes('"version": "1.1"'), 'a catalog with a vote is written as 1.1');
    throwsGError(() => catalog.add_relation(new Iis.Relation({
        kind: Iis.RelationKind.SUPPORTS, subject: fr, object: fr,
    })), Iis.Error, Iis.Error.TYPE_MISMATCH);
});

test('EDTF level 1 dates: round trip, qualifiers, three-valued periods', () => {
    for (const text of ['1984?', '2004-06~', '2004-06-11%', '201X', '2004-XX', '1985-04-XX', 'XXXX'])
        equal(Iis.Date.parse(text).to_string(), text);
    throwsGError(() => Iis.Date.parse('2017-02-02T10:00'), Iis.Error, Iis.Error.INVALID_VALUE,
        'times of day are not supported');
    const P = t => Iis.Date.parse(t);
    equal(P('201X').dup_latest().to_string(), '2019');
    equal(Iis.period_get_truth_at(P('201X'), null, P('2015')), Iis.Truth.UNKNOWN);
    equal(Iis.period_get_truth_at(P('2005?'), null, P('2006')), Iis.Truth.YES);
    equal(Iis.period_get_truth_at(P('2001'), P('XXXX'), P('2000')), Iis.Truth.NO);
    equal(P('2005~').get_qualifiers(), Iis.DateQualifiers.APPROXIMATE);
    assert(!P('2005~').is_exact() && P('2005').is_exact());
});

test('the bundled catalog names its data release', () => {
    const version = Iis.get_bundled_catalog_version();
    assert(/^20[0-9]{2}[01][0-9][0-3][0-9]$/.test(version), `a YYYYMMDD date: ${version}`);
});

test('a GLib.Error made in the Iis domain matches Iis.Error', () => {
    const error = new GLib.Error(Iis.error_quark(), Iis.Error.PARSE, 'made by hand');
    assert(error.matches(Iis.Error, Iis.Error.PARSE));
});

finish();
