// information-terrorism.js: which agreements address information terrorism?
//
// Copyright 2026 The libiis authors
// SPDX-License-Identifier: LGPL-2.1-or-later

import Iis from 'gi://Iis?version=1.0';

const catalog = Iis.Catalog.new_default();
const category = catalog.lookup('information-terrorism');

print(`Agreements addressing “${category.name}”:`);
// true: also the agreements that address a narrower category.
const agreements = catalog.get_agreements_addressing(category, true);
for (let i = 0; i < agreements.get_n_items(); i++) {
    const agreement = agreements.get_item(i);
    const when = agreement.adopted?.to_string() ?? 'undated';
    print(`  ${agreement.id} (${when})\n    ${agreement.name}`);
}
