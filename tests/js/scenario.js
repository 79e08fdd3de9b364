// scenario.js: the dated scenario of tests/iis-test-util.c, built from
// JavaScript with properties
//
// Copyright 2026 The libiis authors
// SPDX-License-Identifier: LGPL-2.1-or-later

import Iis from 'gi://Iis?version=1.0';

const K = Iis.RelationKind;

export function date(text) {
    return text ? Iis.Date.parse(text) : null;
}

// The items of any Gio.ListModel, read by position (GJS 1.74 gives for…of
// only to Gio.ListStore).
export function items(model) {
    const all = [];
    for (let i = 0; i < model.get_n_items(); i++)
        all.push(model.get_item(i));
    return all;
}

export function ids(model) {
    return items(model).map(entity => entity.id);
}

export function relate(catalog, subject, kind, object, role = null, start = null, end = null) {
    const relation = new Iis.Relation({
        kind,
        subject: catalog.lookup(subject),
        object: catalog.lookup(object),
        role,
        start: date(start),
        end: date(end),
    });
    catalog.add_relation(relation);
    return relation;
}

export function makeScenario() {
    const catalog = new Iis.Catalog();
    const add = entity => catalog.add_entity(entity);
    for (const [id, name] of [['BY', 'Belarus'], ['CN', 'China'], ['IN', 'India'],
        ['KZ', 'Kazakhstan'], ['RU', 'Russia'], ['UZ', 'Uzbekistan']])
        add(new Iis.State({id, name, alpha_2: id}));
    add(new Iis.Organization({
        id: 'sco', name: 'Shanghai Cooperation Organisation', acronym: 'SCO',
        kind: Iis.OrganizationKind.INTERGOVERNMENTAL, founded: date('2001-06-15'),
    }));
    add(new Iis.Organization({
        id: 'sco-secretariat', name: 'SCO Secretariat',
        kind: Iis.OrganizationKind.SECRETARIAT,
    }));
    add(new Iis.Organization({
        id: 'pact', name: 'A fictional pact', founded: date('1990'), dissolved: date('2000'),
    }));
    add(new Iis.Organization({id: 'union', name: 'A fictional union', founded: date('1995')}));
    add(new Iis.Agreement({
        id: 'agr-2009', name: 'An agreement of 2009', kind: Iis.AgreementKind.AGREEMENT,
        status: Iis.AgreementStatus.IN_FORCE,
    }));
    add(new Iis.Agreement({
        id: 'agr-2006', name: 'A statement of 2006', kind: Iis.AgreementKind.STATEMENT,
    }));
    add(new Iis.Agreement({id: 'agr-other', name: 'Another agreement'}));
    for (const [id, name] of [['threats', 'Threats'], ['info-weapons', 'Information weapons'],
        ['info-war', 'Information war'], ['info-terrorism', 'Information terrorism']])
        add(new Iis.ThreatCategory({id, name}));
    add(new Iis.Forum({
        id: 'forum-2017', name: 'A forum in 2017', kind: Iis.ForumKind.FORUM,
        start: date('2017-02-02'), end: date('2017-02-03'),
    }));
    add(new Iis.Forum({id: 'forum-undated', name: 'A forum with no date'}));

    relate(catalog, 'sco-secretariat', K.PART_OF, 'sco');
    for (const code of ['CN', 'KZ', 'RU', 'UZ'])
        relate(catalog, code, K.MEMBER_OF, 'sco', 'member', '2001-06-15');
    relate(catalog, 'IN', K.MEMBER_OF, 'sco', 'observer', '2005', '2017-06-09');
    relate(catalog, 'IN', K.MEMBER_OF, 'sco', 'member', '2017-06-09');
    relate(catalog, 'BY', K.MEMBER_OF, 'sco', 'dialogue-partner', '2010', '2015');
    relate(catalog, 'BY', K.MEMBER_OF, 'sco', 'observer', '2015', '2024-07-04');
    relate(catalog, 'BY', K.MEMBER_OF, 'sco', 'member', '2024-07-04');
    relate(catalog, 'KZ', K.MEMBER_OF, 'pact', 'member', '1990');
    relate(catalog, 'UZ', K.MEMBER_OF, 'union', 'member', '1995', '2008-11');

    for (const code of ['CN', 'KZ', 'RU', 'UZ'])
        relate(catalog, code, K.SIGNATORY_OF, 'agr-2009', null, '2009-06-16');
    const ru = relate(catalog, 'RU', K.PARTY_TO, 'agr-2009', 'ratification', '2010-06-02');
    ru.set_qualifier('deposited', '2010-06-02');
    relate(catalog, 'KZ', K.PARTY_TO, 'agr-2009', 'ratification', '2011');
    relate(catalog, 'UZ', K.PARTY_TO, 'agr-2009', 'ratification', '2010', '2012-01');

    relate(catalog, 'info-weapons', K.PART_OF, 'threats');
    relate(catalog, 'info-war', K.PART_OF, 'info-weapons');
    relate(catalog, 'info-terrorism', K.PART_OF, 'threats');
    relate(catalog, 'agr-2009', K.ADDRESSES, 'info-war');
    relate(catalog, 'agr-2009', K.ADDRESSES, 'info-terrorism');
    relate(catalog, 'agr-2006', K.ADDRESSES, 'threats');
    relate(catalog, 'agr-other', K.ADDRESSES, 'info-weapons');
    relate(catalog, 'forum-2017', K.ADDRESSES, 'info-war');

    relate(catalog, 'RU', K.ORGANIZER_OF, 'forum-2017');
    relate(catalog, 'RU', K.HOST_OF, 'forum-2017');
    relate(catalog, 'sco', K.PARTICIPANT_IN, 'forum-2017');
    relate(catalog, 'UZ', K.ORGANIZER_OF, 'forum-undated');
    return catalog;
}
