#!/usr/bin/python3
# information-weapons.py: which agreements address information weapons?
#
# Copyright 2026 The libiis authors
# SPDX-License-Identifier: LGPL-2.1-or-later

import gi
gi.require_version('Iis', '1.0')
from gi.repository import Iis  # noqa: E402

catalog = Iis.Catalog.new_default()
category = catalog['information-weapons']

print(f'Agreements addressing “{category.props.name}”:')
# include_narrower=True: also the agreements that address a narrower category.
for agreement in catalog.get_agreements_addressing(category, include_narrower=True):
    when = agreement.props.adopted or 'undated'
    print(f'  {agreement.props.id} ({when})\n    {agreement.props.name}')
