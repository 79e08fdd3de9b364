/* sco-members.vala: who were the members of the SCO at a date?
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Usage: sco-members-vala [DATE]   (DATE in ISO 8601, default 2018-01-01)
 */

int main (string[] args) {
    Intl.setlocale ();
    var catalog = new Iis.Catalog.@default ();
    var sco = (Iis.Organization) catalog.lookup ("sco");
    Iis.Date at;
    try {
        at = Iis.Date.parse (args.length > 1 ? args[1] : "2018-01-01");
    } catch (Error e) {
        printerr ("%s\n", e.message);
        return 1;
    }

    print ("Members of the %s on %s:\n", sco.name, at.to_string ());
    var members = catalog.get_members (sco, "member", at);
    for (uint i = 0; i < members.get_n_items (); i++) {
        var member = (Iis.Entity) members.get_item (i);
        print ("  %-3s %s\n", member.id, member.name);
    }
    return 0;
}
