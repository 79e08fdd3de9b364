// sco-members.js: who were the members of the SCO at a date?
//
// Copyright 2026 The libiis authors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Usage: gjs -m sco-members.js [DATE]   (DATE in ISO 8601, default 2018-01-01)

import Iis from 'gi://Iis?version=1.0';
import System from 'system';

const catalog = Iis.Catalog.new_default();
const sco = catalog.lookup('sco');
const at = Iis.Date.parse(System.programArgs[0] ?? '2018-01-01');

print(`Members of the ${sco.name} on ${at.to_string()}:`);
// An answer is an Iis.Answer, a Gio.ListModel; get_items() gives an array.
for (const member of catalog.get_members(sco, 'member', at).get_items())
    print(`  ${member.id.padEnd(3)} ${member.name}`);
