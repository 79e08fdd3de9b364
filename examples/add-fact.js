// add-fact.js: load a catalog file, add a fact, save it
//
// Copyright 2026 The libiis authors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Usage: gjs -m add-fact.js INPUT OUTPUT
//
// Adds India, with its names from iso-codes, and India's membership of
// the SCO from 9 June 2017 (the Astana summit), with its source.

import Gio from 'gi://Gio';
import Iis from 'gi://Iis?version=1.0';
import System from 'system';

if (System.programArgs.length !== 2) {
    printerr('Usage: gjs -m add-fact.js INPUT OUTPUT');
    System.exit(2);
}
const [inputPath, outputPath] = System.programArgs;

const catalog = new Iis.Catalog();
try {
    catalog.load_from_file(Gio.File.new_for_commandline_arg(inputPath), null);
    const india = Iis.State.new_from_iso_code('IN');
    catalog.add_entity(india);
    const joined = Iis.Date.parse('2017-06-09');
    const membership = new Iis.Relation({
        kind: Iis.RelationKind.MEMBER_OF,
        subject: india,
        object: catalog.lookup('sco'),
        role: 'member',
        start: joined,
    });
    membership.add_source(new Iis.Source({
        title: 'Astana summit of the SCO Heads of State Council',
        date: joined,
    }));
    catalog.add_relation(membership);
    catalog.save_to_file(Gio.File.new_for_commandline_arg(outputPath), null);
} catch (error) {
    printerr(error.message);
    System.exit(1);
}

print(`Saved ${catalog.n_entities} entities and ${catalog.n_relations} relations to ${outputPath}`);
