# test_import.py: Catalog.import_table and convert_table from Python
#
# Copyright 2026 The libiis authors
# SPDX-License-Identifier: LGPL-2.1-or-later

import os

import pytest
from gi.repository import GLib, Iis

from conftest import SRCDIR, data_path

MAPS = os.path.join(SRCDIR, '..', 'data', 'maps')


def sample_catalog():
    catalog = Iis.Catalog.new()
    catalog.load_from_data(open(data_path('import/sample-catalog.json'), encoding='utf-8').read(), -1)
    return catalog


def read(path, mode='r'):
    with open(path, mode, **({} if 'b' in mode else {'encoding': 'utf-8'})) as f:
        return f.read()


def ids(model):
    return [e.props.id for e in model]


def test_import_the_huggo_sample():
    catalog = sample_catalog()
    ok, unmatched = catalog.import_table(read(os.path.join(MAPS, 'huggo.json')),
                                         read(data_path('import/huggo-sample.csv'), 'rb'))
    assert ok
    assert len(unmatched) == 1 and 'QQQ' in unmatched[0] and 'row 5' in unmatched[0]
    convention = catalog['sample-convention']
    assert ids(catalog.get_parties(convention, Iis.Date.parse('2010-01-01'))) == ['XA', 'XC']
    assert ids(catalog.get_signatories(convention)) == ['XA', 'XB']


def test_a_failed_import_changes_nothing():
    catalog = sample_catalog()
    before = catalog.to_data()[0]
    table = b'manyID,stateID,Force\nSMPLIS_2001A,XAA,2004-07-01\nSMPLIS_2001A,XBB,1st of May\n'
    with pytest.raises(GLib.Error) as info:
        catalog.import_table(read(os.path.join(MAPS, 'huggo.json')).replace('"Signature"', '"Force"')
                             .replace('"Ratification"', '"Force"').replace('"End"', '"Force"')
                             .replace('"Succession"', '"Force"'), table)
    assert 'row 2 (line 3)' in info.value.message and '1st of May' in info.value.message
    assert catalog.to_data()[0] == before


def test_convert_gives_a_document_and_changes_nothing():
    catalog = sample_catalog()
    document, unmatched = catalog.convert_table(read(os.path.join(MAPS, 'ieadb.json')),
                                                read(data_path('import/ieadb-sample.csv'), 'rb'))
    assert catalog.get_n_relations() == 0
    assert ['Ruritania' in line for line in unmatched] == [True]
    catalog.load_from_data(document, -1)
    assert ids(catalog.get_signatories(catalog['sample-convention'])) == ['XA', 'XB']
