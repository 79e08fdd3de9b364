#!/usr/bin/python3
# sco-members.py: who were the members of the SCO at a date?
#
# Copyright 2026 The libiis authors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Usage: sco-members.py [DATE]   (DATE in ISO 8601, default 2018-01-01)

import sys

import gi
gi.require_version('Iis', '1.0')
from gi.repository import Iis  # noqa: E402

catalog = Iis.Catalog.new_default()
sco = catalog['sco']
at = Iis.Date(sys.argv[1] if len(sys.argv) > 1 else '2018-01-01')

print(f'Members of the {sco.props.name} on {at}:')
for member in catalog.get_members(sco, 'member', at):
    print(f'  {member.props.id:<3} {member.props.name}')
