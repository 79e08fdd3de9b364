// test-import.js: Iis.Catalog.import_table and convert_table from GJS
//
// Copyright 2026 The libiis authors
// SPDX-License-Identifier: LGPL-2.1-or-later

import Iis from 'gi://Iis?version=1.0';

import {test, equal, throwsGError, finish} from './tap.js';
import {ids} from './scenario.js';

const CATALOG = JSON.stringify({
    format: 'libiis-catalog',
    version: '1.0',
    entities: [
        {type: 'state', id: 'XA', name: 'Atlantis', 'alpha-3': 'XAA'},
        {type: 'state', id: 'XB', name: 'Borduria', 'alpha-3': 'XBB'},
        {type: 'agreement', id: 'treaty', name: 'A sample treaty'},
    ],
});

const MAP = JSON.stringify({
    format: 'libiis-table-map',
    version: '1.0',
    subject: {column: 'state', match: 'alpha-3'},
    object: {value: 'treaty'},
    relations: [{kind: 'party-to', start: 'from'}],
});

const bytes = text => new TextEncoder().encode(text);

function catalog() {
    const c = new Iis.Catalog();
    c.load_from_data(CATALOG, -1);
    return c;
}

test('import_table adds the rows and lists the unmatched ones', () => {
    const c = catalog();
    const [ok, unmatched] = c.import_table(MAP, bytes('state,from\nXAA,2004\nXBB,\nQQQ,2005\n'));
    equal(ok, true);
    equal(unmatched, ['row 3 (line 4), column “state”: “QQQ” matches no entity']);
    equal(ids(c.get_parties(c.lookup('treaty'), Iis.Date.parse('2010'))), ['XA']);
});

test('a bad cell fails the import and changes nothing', () => {
    const c = catalog();
    throwsGError(() => c.import_table(MAP, bytes('state,from\nXAA,2004\nXBB,2004-13\n')),
        Iis.Error, Iis.Error.INVALID_VALUE, 'row 2 (line 3)', 'column “from”');
    equal(c.get_n_relations(), 0);
});

test('convert_table returns a document', () => {
    const c = catalog();
    const [document] = c.convert_table(MAP, bytes('state,from\nXBB,2006-05\n'));
    equal(c.get_n_relations(), 0);
    c.load_from_data(document, -1);
    equal(ids(c.get_parties(c.lookup('treaty'), Iis.Date.parse('2007'))), ['XB']);
});

finish();
