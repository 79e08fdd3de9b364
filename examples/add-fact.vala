/* add-fact.vala: load a catalog file, add a fact, save it
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Usage: add-fact-vala INPUT OUTPUT
 *
 * Adds India, with its names from iso-codes, and India's membership of
 * the SCO from 9 June 2017 (the Astana summit), with its source.
 */

int main (string[] args) {
    Intl.setlocale ();
    if (args.length != 3) {
        printerr ("Usage: %s INPUT OUTPUT\n", args[0]);
        return 2;
    }

    var catalog = new Iis.Catalog ();
    try {
        catalog.load_from_file (File.new_for_commandline_arg (args[1]));
        var india = new Iis.State.from_iso_code ("IN");
        catalog.add_entity (india);

        var joined = new Iis.Date (2017, 6, 9);
        var membership = new Iis.Relation (Iis.RelationKind.MEMBER_OF, india,
                                           catalog.lookup ("sco"));
        membership.role = "member";
        membership.start = joined;
        var source = new Iis.Source ("Astana summit of the SCO Heads of State Council");
        source.date = joined;
        membership.add_source (source);
        catalog.add_relation (membership);

        catalog.save_to_file (File.new_for_commandline_arg (args[2]));
    } catch (Error e) {
        printerr ("%s\n", e.message);
        return 1;
    }

    print ("Saved %u entities and %u relations to %s\n",
           catalog.n_entities, catalog.n_relations, args[2]);
    return 0;
}
