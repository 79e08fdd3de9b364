#!/usr/bin/python3
# add-fact.py: load a catalog file, add a fact, save it
#
# Copyright 2026 The libiis authors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Usage: add-fact.py INPUT OUTPUT
#
# Adds India, with its names from iso-codes, and India's membership of
# the SCO from 9 June 2017 (the Astana summit), with its source.

import sys

import gi
gi.require_version('Iis', '1.0')
from gi.repository import GLib, Iis  # noqa: E402

if len(sys.argv) != 3:
    sys.exit(f'Usage: {sys.argv[0]} INPUT OUTPUT')
input_path, output_path = sys.argv[1:]

catalog = Iis.Catalog()
try:
    catalog.load_from_file(input_path)
    india = Iis.State.new_from_iso_code('IN')
    catalog.add_entity(india)
    membership = Iis.Relation(kind=Iis.RelationKind.MEMBER_OF,
                              subject=india, object=catalog['sco'],
                              role='member', start='2017-06-09')
    membership.add_source(Iis.Source(
        title='Astana summit of the SCO Heads of State Council',
        date='2017-06-09'))
    catalog.add_relation(membership)
    catalog.save_to_file(output_path)
except GLib.Error as error:
    sys.exit(error.message)

print(f'Saved {catalog.props.n_entities} entities and '
      f'{catalog.props.n_relations} relations to {output_path}')
