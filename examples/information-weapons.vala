/* information-weapons.vala: which agreements address information weapons?
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

int main () {
    Intl.setlocale ();
    var catalog = new Iis.Catalog.@default ();
    var category = (Iis.ThreatCategory) catalog.lookup ("information-weapons");

    print ("Agreements addressing “%s”:\n", category.name);
    /* true: also the agreements that address a narrower category. */
    var agreements = catalog.get_agreements_addressing (category, true);
    for (uint i = 0; i < agreements.get_n_items (); i++) {
        var agreement = (Iis.Agreement) agreements.get_item (i);
        var adopted = agreement.get_adopted ();
        print ("  %s (%s)\n    %s\n", agreement.id,
               adopted != null ? adopted.to_string () : "undated", agreement.name);
    }
    return 0;
}
