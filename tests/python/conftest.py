# conftest.py: fixtures shared by the Python suites of libiis
#
# Copyright 2026 The libiis authors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# The suites run against the uninstalled library: meson sets
# GI_TYPELIB_PATH and LD_LIBRARY_PATH to the build's libiis folder and
# PYTHONPATH to bindings/python, whose gi/overrides folder PyGObject adds
# to gi.overrides (it extends that package over sys.path).

import atexit
import os
import shutil
import tempfile

# GLib reads XDG_CACHE_HOME once, at its first use: set before anything
# runs, so that IIS_LOAD_FLAGS_CACHE writes into a folder of the suite's
# own, never into the user's.
CACHE_HOME = tempfile.mkdtemp(prefix='iis-python-cache-')
os.environ['XDG_CACHE_HOME'] = CACHE_HOME
atexit.register(shutil.rmtree, CACHE_HOME, ignore_errors=True)

import gi  # noqa: E402
import pytest  # noqa: E402

gi.require_version('Iis', '1.0')
gi.require_version('Gio', '2.0')

from gi.repository import Iis  # noqa: E402

SRCDIR = os.environ.get('G_TEST_SRCDIR',
                        os.path.join(os.path.dirname(__file__), '..'))


def data_path(name):
    """The path of a fixture under tests/data/."""
    return os.path.join(SRCDIR, 'data', name)


STATES = [('BY', 'Belarus'), ('CN', 'China'), ('IN', 'India'),
          ('KZ', 'Kazakhstan'), ('RU', 'Russia'), ('UZ', 'Uzbekistan')]


def relate(catalog, subject, kind, obj, role=None, start=None, end=None):
    """Add a relation between two ids of @catalog, built from properties."""
    relation = Iis.Relation(kind=kind, subject=catalog[subject],
                            object=catalog[obj], role=role,
                            start=start, end=end)
    catalog.add_relation(relation)
    return relation


def make_scenario():
    """The dated scenario of tests/iis-test-util.c, built from Python
    with properties: six states, the SCO (with Belarus's and India's
    successive roles), a dissolved pact, an agreement with signatories
    and parties, a threat hierarchy, forums."""
    K = Iis.RelationKind
    catalog = Iis.Catalog()
    for code, name in STATES:
        catalog.add_entity(Iis.State(id=code, name=name, alpha_2=code))
    catalog.add_entity(Iis.Organization(
        id='sco', name='Shanghai Cooperation Organisation', acronym='SCO',
        kind=Iis.OrganizationKind.INTERGOVERNMENTAL,
        founded=Iis.Date(2001, 6, 15)))
    catalog.add_entity(Iis.Organization(
        id='sco-secretariat', name='SCO Secretariat',
        kind=Iis.OrganizationKind.SECRETARIAT))
    catalog.add_entity(Iis.Organization(
        id='pact', name='A fictional pact', founded=Iis.Date(1990),
        dissolved=Iis.Date(2000)))
    catalog.add_entity(Iis.Organization(
        id='union', name='A fictional union', founded=Iis.Date(1995)))
    catalog.add_entity(Iis.Agreement(
        id='agr-2009', name='An agreement of 2009',
        kind=Iis.AgreementKind.AGREEMENT,
        status=Iis.AgreementStatus.IN_FORCE))
    catalog.add_entity(Iis.Agreement(
        id='agr-2006', name='A statement of 2006',
        kind=Iis.AgreementKind.STATEMENT))
    catalog.add_entity(Iis.Agreement(id='agr-other',
                                     name='Another agreement'))
    for id, name in (('threats', 'Threats'),
                     ('info-weapons', 'Information weapons'),
                     ('info-war', 'Information war'),
                     ('info-terrorism', 'Information terrorism')):
        catalog.add_entity(Iis.ThreatCategory(id=id, name=name))
    catalog.add_entity(Iis.Forum(
        id='forum-2017', name='A forum in 2017', kind=Iis.ForumKind.FORUM,
        start=Iis.Date(2017, 2, 2), end=Iis.Date(2017, 2, 3)))
    catalog.add_entity(Iis.Forum(id='forum-undated',
                                 name='A forum with no date'))

    relate(catalog, 'sco-secretariat', K.PART_OF, 'sco')
    for code in ('CN', 'KZ', 'RU', 'UZ'):
        relate(catalog, code, K.MEMBER_OF, 'sco', 'member', '2001-06-15')
    relate(catalog, 'IN', K.MEMBER_OF, 'sco', 'observer', '2005', '2017-06-09')
    relate(catalog, 'IN', K.MEMBER_OF, 'sco', 'member', '2017-06-09')
    relate(catalog, 'BY', K.MEMBER_OF, 'sco', 'dialogue-partner', '2010', '2015')
    relate(catalog, 'BY', K.MEMBER_OF, 'sco', 'observer', '2015', '2024-07-04')
    relate(catalog, 'BY', K.MEMBER_OF, 'sco', 'member', '2024-07-04')
    relate(catalog, 'KZ', K.MEMBER_OF, 'pact', 'member', '1990')
    relate(catalog, 'UZ', K.MEMBER_OF, 'union', 'member', '1995', '2008-11')

    for code in ('CN', 'KZ', 'RU', 'UZ'):
        relate(catalog, code, K.SIGNATORY_OF, 'agr-2009', None, '2009-06-16')
    ru = relate(catalog, 'RU', K.PARTY_TO, 'agr-2009', 'ratification',
                '2010-06-02')
    ru.set_qualifier('deposited', '2010-06-02')
    relate(catalog, 'KZ', K.PARTY_TO, 'agr-2009', 'ratification', '2011')
    relate(catalog, 'UZ', K.PARTY_TO, 'agr-2009', 'ratification', '2010',
           '2012-01')

    relate(catalog, 'info-weapons', K.PART_OF, 'threats')
    relate(catalog, 'info-war', K.PART_OF, 'info-weapons')
    relate(catalog, 'info-terrorism', K.PART_OF, 'threats')
    relate(catalog, 'agr-2009', K.ADDRESSES, 'info-war')
    relate(catalog, 'agr-2009', K.ADDRESSES, 'info-terrorism')
    relate(catalog, 'agr-2006', K.ADDRESSES, 'threats')
    relate(catalog, 'agr-other', K.ADDRESSES, 'info-weapons')
    relate(catalog, 'forum-2017', K.ADDRESSES, 'info-war')

    relate(catalog, 'RU', K.ORGANIZER_OF, 'forum-2017')
    relate(catalog, 'RU', K.HOST_OF, 'forum-2017')
    relate(catalog, 'sco', K.PARTICIPANT_IN, 'forum-2017')
    relate(catalog, 'UZ', K.ORGANIZER_OF, 'forum-undated')
    return catalog


def ids(model):
    """The ids of a list of entities, in order."""
    return [entity.get_id() for entity in model]


@pytest.fixture
def scenario():
    return make_scenario()


@pytest.fixture(scope='session')
def bundled():
    """The default catalog (the bundled data; no data folders are set in
    the test environment)."""
    return Iis.Catalog.new_default()
