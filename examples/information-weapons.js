// information-weapons.js: which agreements address information weapons?
//
// Copyright 2026 The libiis authors
// SPDX-License-Identifier: LGPL-2.1-or-later

import Iis from 'gi://Iis?version=1.0';

const catalog = Iis.Catalog.new_default();
const category = catalog.lookup('information-weapons');

print(`Agreements addressing “${category.name}”:`);
// true: also the agreements that address a narrower category.
for (const agreement of catalog.get_agreements_addressing(category, true).get_items()) {
    const when = agreement.adopted?.to_string() ?? 'undated';
    print(`  ${agreement.id} (${when})\n    ${agreement.name}`);
}
