# test-cli.py: the `iis` command-line tool, run as a user runs it
#
# Copyright 2026 The libiis authors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Each test runs the built tool (IIS_TOOL, set by tests/meson.build) with
# subprocess and checks its real output: on the bundled catalog (the
# facts it records, e.g. the eight SCO members on 1 January 2018), and
# on small fictional catalogs written to temporary files. Every run must
# end without a crash, a critical or a warning (G_DEBUG makes those
# fatal).
#
#   IIS_TOOL=_build/tools/iis /usr/bin/python3 -m pytest -p no:cacheprovider tests/test-cli.py

import atexit
import csv
import hashlib
import io
import json
import os
import random
import re
import shutil
import subprocess
import tempfile

import pytest

TOOL = os.environ.get('IIS_TOOL')
SRCDIR = os.environ.get('IIS_SOURCE_ROOT',
                        os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

pytestmark = pytest.mark.skipif(TOOL is None or not os.access(TOOL, os.X_OK),
                                reason='IIS_TOOL does not name the built iis program')

SCO_MEMBERS_2018 = ['CN', 'IN', 'KG', 'KZ', 'PK', 'RU', 'TJ', 'UZ']
SCO_FOUNDERS = ['CN', 'KG', 'KZ', 'RU', 'TJ', 'UZ']

FICTION = {
    'format': 'libiis-catalog',
    'version': '1.0',
    'entities': [
        {'type': 'state', 'id': 'XA', 'name': 'Atlantis'},
        {'type': 'state', 'id': 'XB', 'name': 'Borduria', 'labels': {'ru': 'Бордурия'}},
        {'type': 'state', 'id': 'XC', 'name': 'Carpania'},
        {'type': 'organization', 'id': 'fict-org', 'name': 'Fictional Organization',
         'acronym': 'FO', 'kind': 'intergovernmental', 'founded': '2000'},
        {'type': 'agreement', 'id': 'fict-treaty', 'name': 'Fictional Treaty',
         'kind': 'treaty', 'status': 'in-force', 'adopted': '2001-05-01',
         'adopted-place': 'Szohod'},
        {'type': 'threat-category', 'id': 'fict-threats', 'name': 'Fictional threats'},
        {'type': 'threat-category', 'id': 'fict-narrow', 'name': 'A narrower fictional threat'},
        {'type': 'forum', 'id': 'fict-forum', 'name': 'Fictional Forum', 'kind': 'forum',
         'start': '2004-03-01', 'end': '2004-03-02', 'city': 'Szohod'},
    ],
    'relations': [
        {'kind': 'member-of', 'subject': 'XA', 'object': 'fict-org', 'role': 'member',
         'start': '2000'},
        {'kind': 'member-of', 'subject': 'XB', 'object': 'fict-org', 'role': 'observer',
         'start': '2001', 'end': '2005'},
        {'kind': 'member-of', 'subject': 'XB', 'object': 'fict-org', 'role': 'member',
         'start': '2005'},
        {'kind': 'signatory-of', 'subject': 'XA', 'object': 'fict-treaty', 'start': '2001-05-01'},
        {'kind': 'signatory-of', 'subject': 'XB', 'object': 'fict-treaty', 'start': '2001-05-01'},
        {'kind': 'party-to', 'subject': 'XA', 'object': 'fict-treaty', 'role': 'ratification',
         'start': '2002-01-01', 'qualifiers': {'deposit': '2001-12-01'}},
        {'kind': 'party-to', 'subject': 'XB', 'object': 'fict-treaty', 'role': 'accession',
         'start': '2003-06', 'end': '2010'},
        {'kind': 'part-of', 'subject': 'fict-narrow', 'object': 'fict-threats'},
        {'kind': 'addresses', 'subject': 'fict-treaty', 'object': 'fict-narrow'},
        {'kind': 'host-of', 'subject': 'XC', 'object': 'fict-forum'},
        {'kind': 'participant-in', 'subject': 'XA', 'object': 'fict-forum'},
    ],
}


# --catalog files are cached as snapshots under XDG_CACHE_HOME: the runs
# share one folder of their own, never the user's (tests of the cache
# give each run a folder of its own).
CACHE_HOME = tempfile.mkdtemp(prefix='iis-test-cache-')
atexit.register(shutil.rmtree, CACHE_HOME, ignore_errors=True)


def tool_env(cache_home=None):
    env = dict(os.environ)
    env['G_DEBUG'] = 'fatal-warnings,fatal-criticals'
    env['LC_ALL'] = 'C.UTF-8'
    env.pop('LANGUAGE', None)
    env['IIS_DATA_PATH'] = ''
    env.setdefault('XDG_DATA_HOME', '/nonexistent/iis-test-data-home')
    env.setdefault('XDG_DATA_DIRS', '/nonexistent/iis-test-data-dirs')
    env['XDG_CACHE_HOME'] = str(cache_home) if cache_home is not None else CACHE_HOME
    env.pop('IIS_NO_CACHE', None)
    return env


def run(*args, expect=0, stdin=None, cache_home=None, env=None):
    """Runs iis; checks the exit status and that nothing went wrong.
    @cache_home: its XDG_CACHE_HOME; @env: more variables."""
    proc_env = tool_env(cache_home)
    proc_env.update(env or {})
    proc = subprocess.run([TOOL, *args], capture_output=True, input=stdin,
                          env=proc_env, timeout=60)
    stdout = proc.stdout.decode('utf-8')
    stderr = proc.stderr.decode('utf-8')
    assert proc.returncode >= 0, f'iis {args} crashed with signal {-proc.returncode}: {stderr}'
    assert 'CRITICAL' not in stderr and '-WARNING' not in stderr, stderr
    if expect is not None:
        assert proc.returncode == expect, \
            f'iis {" ".join(args)}: exit {proc.returncode}, expected {expect}\n{stdout}\n{stderr}'
    return proc.returncode, stdout, stderr


def out(*args, **kwargs):
    return run(*args, **kwargs)[1]


def rows(*args, **kwargs):
    """The rows of a listing, read through --format json."""
    return json.loads(out('--format', 'json', *args, **kwargs))


def ids(*args, **kwargs):
    return [row['id'] for row in rows(*args, **kwargs)]


def text_table(text):
    """Splits an aligned text table into a header and rows of cells, using
    the header's column starts."""
    lines = [line for line in text.splitlines() if line.strip()]
    header = lines[0]
    starts = [m.start() for m in re.finditer(r'\S+', header)]
    names = header.split()
    table = []
    for line in lines[1:]:
        cells = []
        for i, start in enumerate(starts):
            end = starts[i + 1] if i + 1 < len(starts) else None
            cells.append(line[start:end].strip())
        table.append(dict(zip(names, cells)))
    return names, table


@pytest.fixture
def fiction(tmp_path):
    path = tmp_path / 'fiction.json'
    path.write_text(json.dumps(FICTION, ensure_ascii=False, indent=2), encoding='utf-8')
    return str(path)


def write_catalog(tmp_path, name, entities, relations, version='1.0'):
    path = tmp_path / name
    path.write_text(json.dumps({'format': 'libiis-catalog', 'version': version,
                                'entities': entities, 'relations': relations}),
                    encoding='utf-8')
    return str(path)


# ---------------------------------------------------------------------------
# The README's first command and `members`

def readme_command():
    """The arguments of the README's first command, after the tool."""
    with open(os.path.join(SRCDIR, 'README.md'), encoding='utf-8') as f:
        for line in f:
            if '_build/tools/iis ' in line:
                return line.split('_build/tools/iis ', 1)[1].split()
    raise AssertionError('the README has no iis command')


def test_readme_command_lists_the_budapest_parties():
    args = readme_command()
    assert args[:2] == ['parties', 'coe-ets-185']
    at = args[args.index('--at') + 1]
    names, table = text_table(out(*args))
    assert names == ['ID', 'NAME', 'CONSENT', 'IN-FORCE', 'END', 'DEPOSIT']
    assert len(table) >= 50
    # Bound by then, not yet denounced.
    assert all(row['IN-FORCE'] and row['IN-FORCE'] <= at and row['END'] == '' for row in table)
    by_id = {row['ID']: row for row in table}
    # Rows of the Council of Europe's chart of 3 December 2015.
    assert (by_id['AL']['CONSENT'], by_id['AL']['DEPOSIT'], by_id['AL']['IN-FORCE']) == \
        ('ratification', '2002-06-20', '2004-07-01')
    assert (by_id['AM']['DEPOSIT'], by_id['AM']['IN-FORCE']) == ('2006-10-12', '2007-02-01')
    # Russia is not on the chart; Ireland's row has a signature only.
    assert 'RU' not in by_id and 'IE' not in by_id


def test_readme_command_prints_the_eight_members():
    text = out('members', 'sco', '--role', 'member', '--at', '2018-01-01')
    names, table = text_table(text)
    assert names == ['ID', 'NAME', 'ROLE', 'START', 'END']
    assert [row['ID'] for row in table] == SCO_MEMBERS_2018
    by_id = {row['ID']: row for row in table}
    assert by_id['UZ']['NAME'] == 'Uzbekistan'
    assert by_id['IN']['START'] == '2017-06-09'
    assert by_id['CN']['START'] == '2001-06-15'
    assert all(row['ROLE'] == 'member' and row['END'] == '' for row in table)


def test_members_before_the_2017_enlargement_are_the_founders():
    assert ids('members', 'sco', '--role', 'member', '--at', '2016-01-01') == SCO_FOUNDERS


def test_members_observers_change_with_the_date():
    observers_2016 = ids('members', 'sco', '--role', 'observer', '--at', '2016-01-01')
    observers_2018 = ids('members', 'sco', '--role', 'observer', '--at', '2018-01-01')
    assert 'IN' in observers_2016 and 'PK' in observers_2016
    assert 'IN' not in observers_2018 and 'PK' not in observers_2018


def test_members_agree_with_the_relations():
    relations = rows('list', 'relations', 'kind=member-of', 'object=sco', 'role=member',
                     '--at', '2018-01-01')
    assert sorted(r['subject'] for r in relations) == \
        ids('members', 'sco', '--role', 'member', '--at', '2018-01-01')


def test_members_json_and_csv():
    data = rows('members', 'sco', '--role', 'member', '--at', '2018-01-01')
    assert [row['id'] for row in data] == SCO_MEMBERS_2018
    assert all(set(row) == {'id', 'name', 'role', 'start', 'end'} for row in data)
    assert all(row['end'] is None for row in data)

    text = out('members', 'sco', '--role', 'member', '--at', '2018-01-01', '--format', 'csv')
    assert text.splitlines()[0] == 'id,name,role,start,end'
    parsed = list(csv.DictReader(io.StringIO(text)))
    assert [row['id'] for row in parsed] == SCO_MEMBERS_2018
    assert {row['name'] for row in parsed} >= {'China', 'Uzbekistan'}


def test_members_on_a_fictional_catalog(fiction):
    assert ids('--no-default', '--catalog', fiction, 'members', 'fict-org') == ['XA', 'XB', 'XB']
    data = rows('--no-default', '--catalog', fiction, 'members', 'fict-org', '--at', '2003')
    assert [(r['id'], r['role']) for r in data] == [('XA', 'member'), ('XB', 'observer')]
    data = rows('--no-default', '--catalog', fiction, 'members', 'fict-org', '--role', 'member',
                '--at', '2006')
    assert [(r['id'], r['start']) for r in data] == [('XA', '2000'), ('XB', '2005')]


# ---------------------------------------------------------------------------
# memberships, parties, signatories, agreements, addressing, forums

def test_memberships_of_belarus_in_sequence():
    sco = [r for r in rows('memberships', 'BY') if r['id'] == 'sco']
    assert [r['role'] for r in sco] == ['dialogue-partner', 'observer', 'member']
    assert [r['role'] for r in rows('memberships', 'BY', '--at', '2020-01-01')
            if r['id'] == 'sco'] == ['observer']


def test_memberships_fiction(fiction):
    data = rows('--no-default', '--catalog', fiction, 'memberships', 'XB')
    assert [(r['id'], r['role'], r['start'], r['end']) for r in data] == \
        [('fict-org', 'observer', '2001', '2005'), ('fict-org', 'member', '2005', None)]


def test_parties_by_date(fiction):
    base = ['--no-default', '--catalog', fiction]
    assert ids(*base, 'parties', 'fict-treaty', '--at', '2002-06') == ['XA']
    data = rows(*base, 'parties', 'fict-treaty', '--at', '2005')
    assert [(r['id'], r['consent'], r['in-force'], r['deposit']) for r in data] == \
        [('XA', 'ratification', '2002-01-01', '2001-12-01'), ('XB', 'accession', '2003-06', None)]
    assert ids(*base, 'parties', 'fict-treaty', '--at', '2012') == ['XA']
    assert ids(*base, 'parties', 'fict-treaty', '--at', '2001') == []


def test_parties_on_the_bundled_catalog_agree_with_the_relations():
    expected = sorted({r['subject'] for r in rows('list', 'relations', 'kind=party-to',
                                                  'object=sco-2009-agreement')})
    assert sorted(set(ids('parties', 'sco-2009-agreement'))) == expected


def test_signatories_of_the_2009_agreement():
    data = rows('signatories', 'sco-2009-agreement')
    assert [r['id'] for r in data] == SCO_FOUNDERS
    assert {r['signed'] for r in data} == {'2009-06-16'}


def test_agreements_of_a_party(fiction):
    base = ['--no-default', '--catalog', fiction]
    data = rows(*base, 'agreements', 'XB', '--at', '2005')
    assert [(r['id'], r['kind'], r['consent']) for r in data] == [('fict-treaty', 'treaty', 'accession')]
    assert rows(*base, 'agreements', 'XB', '--at', '2012') == []
    assert ids(*base, 'agreements', 'XA') == ['fict-treaty']


def test_addressing_information_weapons():
    data = rows('addressing', 'information-weapons')
    assert 'sco-2009-agreement' in [r['id'] for r in data]
    assert all(r['addresses'] == 'information-weapons' for r in data)


def test_addressing_narrower(fiction):
    base = ['--no-default', '--catalog', fiction]
    assert ids(*base, 'addressing', 'fict-threats') == []
    data = rows(*base, 'addressing', 'fict-threats', '--narrower')
    assert [(r['id'], r['addresses']) for r in data] == [('fict-treaty', 'fict-narrow')]
    # On the bundled catalog, --narrower only adds.
    plain = set(ids('addressing', 'information-threats'))
    narrower = set(ids('addressing', 'information-threats', '--narrower'))
    assert plain <= narrower and 'sco-2009-agreement' in narrower


def test_forums(fiction):
    base = ['--no-default', '--catalog', fiction]
    data = rows(*base, 'forums', 'XC')
    assert [(r['id'], r['as'], r['city'], r['start']) for r in data] == \
        [('fict-forum', 'host', 'Szohod', '2004-03-01')]
    assert [r['as'] for r in rows(*base, 'forums', 'XA')] == ['participant']
    assert 'infoforum-2017' in ids('forums', 'RU')


# ---------------------------------------------------------------------------
# show and timeline

def test_show_text():
    text = out('show', 'sco')
    assert text.splitlines()[0] == 'Shanghai Cooperation Organisation'
    assert re.search(r'^  acronym +SCO$', text, re.M)
    assert re.search(r'^  founded +2001-06-15$', text, re.M)
    assert 'Shanghai Five' in text
    assert re.search(r'^Members \(← member-of, \d+\)$', text, re.M)
    assert re.search(r'^  UZ +Uzbekistan +member +2001-06-15 –', text, re.M)


def test_show_json():
    data = json.loads(out('show', 'sco', '--format', 'json'))
    assert data['id'] == 'sco' and data['type'] == 'organization'
    assert data['acronym'] == 'SCO' and data['founded'] == '2001-06-15'
    members = data['relations']['member-of']['incoming']
    assert {'UZ', 'CN', 'IN'} <= {m['id'] for m in members}
    assert any(n['name'] == 'Shanghai Five' for n in data['other-names'])


def test_show_csv_and_labels(fiction):
    text = out('--no-default', '--catalog', fiction, 'show', 'XB', '--format', 'csv')
    parsed = list(csv.DictReader(io.StringIO(text)))
    assert text.splitlines()[0] == 'section,key,value,detail'
    assert {'section': 'label', 'key': 'ru', 'value': 'Бордурия', 'detail': ''} in parsed
    relation_rows = [r for r in parsed if r['section'] == 'relation']
    assert {'section': 'relation', 'key': 'member-of', 'value': 'fict-org',
            'detail': 'role=observer; start=2001; end=2005'} in relation_rows


def test_show_source_locator(tmp_path):
    path = tmp_path / 'located.json'
    path.write_text(json.dumps({
        'format': 'libiis-catalog', 'version': '1.1',
        'entities': [{'type': 'state', 'id': 'XA', 'name': 'Atlantis',
                      'sources': [{'title': 'Census', 'locator': 'table 2, row Atlantis'}]}],
        'relations': []}), encoding='utf-8')
    data = json.loads(out('--no-default', '--catalog', str(path), 'show', 'XA', '--format', 'json'))
    assert [(s['title'], s['locator']) for s in data['sources']] == \
        [('Census', 'table 2, row Atlantis')]
    text = out('--no-default', '--catalog', str(path), 'show', 'XA')
    assert re.search(r'^  \[1\] Census, table 2, row Atlantis$', text, re.M)


def test_show_json_has_every_written_member(fiction, tmp_path):
    """Every member `iis convert` writes for an entity is in `iis show
    --format json` for it, down into other names and sources."""
    document = json.loads(open(fiction, encoding='utf-8').read())
    document['version'] = '1.1'
    entity = next(e for e in document['entities'] if e['id'] == 'fict-org')
    entity['other-names'] = [{'name': 'FO', 'lang': 'en', 'start': '2000', 'end': '2001'}]
    entity['sources'] = [{'title': 'Charter', 'url': 'https://example.org/', 'date': '2000',
                          'locator': 'article 1'}]
    source = tmp_path / 'source.json'
    source.write_text(json.dumps(document), encoding='utf-8')
    written = tmp_path / 'written.json'
    out('convert', str(source), str(written))

    def check(written_object, shown_object, where):
        for member, value in written_object.items():
            assert member in shown_object, f'{where}: {member}'
            if isinstance(value, list) and value and isinstance(value[0], dict):
                check(value[0], shown_object[member][0], f'{where}: {member}[0]')

    entities = json.loads(written.read_text(encoding='utf-8'))['entities']
    assert {e['type'] for e in entities} == {'state', 'organization', 'agreement', 'forum',
                                             'threat-category'}
    for item in entities:
        shown = json.loads(out('--no-default', '--catalog', str(written), '--format', 'json',
                               'show', item['id']))
        check(item, shown, item['id'])


def edtf_key(text):
    """A date of the tool's output as a sort key by its digits: EDTF's
    "../" (on or before), qualifiers and X digits do not move a date."""
    digits = text.removeprefix('../').rstrip('~?%').replace('X', '0')
    return tuple(int(p) for p in digits.split('-'))


def test_timeline_is_oldest_first():
    data = rows('timeline', 'IN')
    dates = [r['date'] for r in data]
    assert dates == sorted(dates, key=edtf_key)
    events = [(r['date'], r['event'], r['id'], r['detail']) for r in data]
    assert any(e[0].startswith('2005') and e[1:] == ('joined', 'sco', 'observer') for e in events)
    left = events.index(('2017-06-09', 'left', 'sco', 'observer'))
    joined = events.index(('2017-06-09', 'joined', 'sco', 'member'))
    assert left < joined


def test_timeline_fiction(fiction):
    data = rows('--no-default', '--catalog', fiction, 'timeline', 'fict-treaty')
    assert [(r['date'], r['event'], r['id']) for r in data] == [
        ('2001-05-01', 'adopted', None),
        ('2001-05-01', 'signed by', 'XA'),
        ('2001-05-01', 'signed by', 'XB'),
        ('2002-01-01', 'binds', 'XA'),
        ('2003-06', 'binds', 'XB'),
        ('2010', 'no longer binds', 'XB'),
    ]
    # Hosting a forum is dated by the forum.
    assert [(r['date'], r['event']) for r in rows('--no-default', '--catalog', fiction,
                                                  'timeline', 'XC')] == [('2004-03-01', 'hosted')]


# ---------------------------------------------------------------------------
# list and stats

@pytest.mark.parametrize('kind', ['states', 'organizations', 'agreements', 'forums',
                                  'threats', 'entities', 'relations'])
def test_list_every_type(kind):
    data = rows('list', kind)
    assert len(data) > 0
    text = out('list', kind)
    assert len(text.splitlines()) == len(data) + 1


def test_list_filters_fields_and_sort():
    data = rows('list', 'organizations', 'kind=intergovernmental', '--fields', 'id,kind,founded')
    assert 'sco' in [r['id'] for r in data]
    assert all(set(r) == {'id', 'kind', 'founded'} and r['kind'] == 'intergovernmental'
               for r in data)
    others = rows('list', 'organizations', 'kind!=intergovernmental')
    assert not {r['id'] for r in others} & {r['id'] for r in data}
    assert len(others) + len(data) == len(rows('list', 'organizations'))

    sco_bodies = ids('list', 'organizations', 'id=sco-*')
    assert sco_bodies and all(i.startswith('sco-') for i in sco_bodies)

    numbers = [r['numeric'] for r in rows('list', 'states', '--fields', 'id,numeric',
                                          '--sort', '-numeric')]
    # Former states (ISO 3166-3) have no numeric code: they come last.
    known = [n for n in numbers if n is not None]
    assert numbers[:len(known)] == known and len(known) >= 249
    assert known == sorted(known, reverse=True) and isinstance(known[0], int)

    # Sorting by a field that is not shown.
    by_name = rows('list', 'states', '--fields', 'id', '--sort', 'name')
    names = {r['id']: r['name'] for r in rows('list', 'states')}
    assert [names[r['id']] for r in by_name] == sorted(names.values())
    assert set(by_name[0]) == {'id'}


def test_list_relations_at_a_date():
    data = rows('list', 'relations', 'kind=member-of', 'subject=BY', 'object=sco',
                '--at', '2020')
    assert [r['role'] for r in data] == ['observer']


def test_list_csv_header():
    text = out('list', 'states', '--fields', 'id,alpha-3,name', '--format', 'csv')
    assert text.splitlines()[0] == 'id,alpha-3,name'
    parsed = list(csv.DictReader(io.StringIO(text)))
    assert {'id': 'UZ', 'alpha-3': 'UZB', 'name': 'Uzbekistan'} in parsed


def test_stats_count_what_list_lists():
    stats = {(r['category'], r['name']): r['count'] for r in rows('stats')}
    assert stats[('entity', 'state')] == len(rows('list', 'states'))
    assert stats[('entity', 'organization')] == len(rows('list', 'organizations'))
    assert stats[('entity', 'all')] == len(rows('list', 'entities'))
    assert stats[('relation', 'all')] == len(rows('list', 'relations'))
    assert stats[('relation', 'member-of')] == len(rows('list', 'relations', 'kind=member-of'))
    text = out('stats')
    assert text.splitlines()[0].split() == ['CATEGORY', 'NAME', 'COUNT']


def test_lang_names():
    data = rows('--lang', 'ru', 'members', 'sco', '--role', 'member', '--at', '2018-01-01')
    names = {r['id']: r['name'] for r in data}
    assert names['UZ'] == 'Узбекистан'
    # A language without a label falls back to the plain name.
    assert {r['id']: r['name'] for r in rows('--lang', 'x-none', 'members', 'sco')}['UZ'] \
        == 'Uzbekistan'


def test_ids_in_another_case_and_names():
    assert json.loads(out('show', 'uz', '--format', 'json'))['id'] == 'UZ'
    assert json.loads(out('show', 'Uzbekistan', '--format', 'json'))['id'] == 'UZ'


# ---------------------------------------------------------------------------
# catalogs on the command line

def test_catalog_layered_over_the_bundled_one(tmp_path):
    path = write_catalog(tmp_path, 'extra.json',
                         [{'type': 'organization', 'id': 'sco', 'name': 'Renamed Organisation',
                           'founded': '2001-06-15'},
                          {'type': 'organization', 'id': 'extra-org', 'name': 'Extra'}],
                         [{'kind': 'member-of', 'subject': 'UZ', 'object': 'extra-org',
                           'role': 'member', 'start': '2020'}])
    assert out('--catalog', path, 'show', 'sco').splitlines()[0] == 'Renamed Organisation'
    # The overriding entity keeps the relations of the one it replaces.
    assert ids('--catalog', path, 'members', 'sco', '--role', 'member',
               '--at', '2018-01-01') == SCO_MEMBERS_2018
    assert ids('members', 'extra-org', '--catalog', path) == ['UZ']
    # Without the bundled catalog the file cannot refer to UZ.
    code, _, err = run('--no-default', '--catalog', path, 'stats', expect=1)
    assert 'UZ' in err and 'extra.json' in err


def test_no_default_catalog(fiction):
    stats = {(r['category'], r['name']): r['count']
             for r in rows('--no-default', '--catalog', fiction, 'stats')}
    assert stats[('entity', 'all')] == len(FICTION['entities'])
    assert stats[('relation', 'all')] == len(FICTION['relations'])
    empty = {(r['category'], r['name']): r['count'] for r in rows('--no-default', 'stats')}
    assert empty[('entity', 'all')] == 0


# ---------------------------------------------------------------------------
# validate and convert

def test_validate_the_bundled_fragments():
    fragments = sorted(os.path.join(SRCDIR, 'data', 'catalog', f)
                       for f in os.listdir(os.path.join(SRCDIR, 'data', 'catalog'))
                       if f.endswith('.json'))
    code, text, err = run('validate', *fragments)
    assert len(text.splitlines()) == len(fragments)
    assert all(': valid' in line for line in text.splitlines())


def test_validate_a_bad_file_gives_a_located_message(tmp_path, fiction):
    bad = json.loads(json.dumps(FICTION))
    bad['relations'][1]['start'] = '2001-13-01'
    path = tmp_path / 'bad-date.json'
    path.write_text(json.dumps(bad), encoding='utf-8')
    code, text, err = run('validate', fiction, str(path), expect=1)
    assert 'bad-date.json' in err
    assert 'relations[1].start' in err and '2001-13-01' in err
    assert 'fiction.json: valid' in text

    data = json.loads(run('validate', str(path), '--format', 'json', expect=1)[1])
    assert [r['kind'] for r in data] == ['load-error']

    code, _, err = run('validate', str(tmp_path / 'missing.json'), expect=1)
    assert 'missing.json' in err


def test_validate_reports_problems(tmp_path):
    path = write_catalog(tmp_path, 'reversed.json',
                         [{'type': 'state', 'id': 'XA', 'name': 'Atlantis'},
                          {'type': 'organization', 'id': 'fict-org', 'name': 'Fictional',
                           'founded': '2000'}],
                         [{'kind': 'member-of', 'subject': 'XA', 'object': 'fict-org',
                           'role': 'member', 'start': '2010', 'end': '2005'}])
    code, text, _ = run('validate', path, expect=1)
    assert 'reversed-period' in text and 'reversed.json' in text
    data = json.loads(run('validate', path, '--format', 'json', expect=1)[1])
    assert data and data[0]['kind'] == 'reversed-period' and data[0]['file'] == path
    text = run('validate', path, '--format', 'csv', expect=1)[1]
    assert text.splitlines()[0] == 'file,kind,subject,message,severity'


def test_convert_round_trip(tmp_path, fiction):
    once = tmp_path / 'once.json'
    twice = tmp_path / 'twice.json'
    run('convert', fiction, str(once))
    run('convert', str(once), str(twice))
    assert once.read_bytes() == twice.read_bytes()
    assert json.loads(once.read_text(encoding='utf-8'))['format'] == 'libiis-catalog'

    compact = out('convert', str(once), '-', '--compact')
    assert compact.count('\n') == 1 and json.loads(compact) == json.loads(once.read_text(encoding='utf-8'))

    piped = run('convert', '-', '-', stdin=once.read_bytes())[1]
    assert piped.encode('utf-8') == once.read_bytes()


def test_convert_errors(tmp_path, fiction):
    code, _, err = run('convert', '-', '-', stdin=b'{"format": "libiis-catalog", "version": "9.0"}',
                       expect=1)
    assert '<stdin>' in err and '9.0' in err
    run('convert', fiction, expect=2)
    code, _, err = run('convert', fiction, str(tmp_path / 'no-such-dir' / 'out.json'), expect=1)
    assert 'out.json' in err


def test_validate_warns_about_misspelt_members_and_roles(tmp_path):
    # Unknown members are kept (a newer file survives a round trip), but
    # a misspelt one is reported with the member it stands for, and so is
    # a role that member-of does not know. They are warnings: the file is
    # still valid.
    path = write_catalog(tmp_path, 'typos.json',
                         [{'type': 'state', 'id': 'XA', 'name': 'Atlantis'},
                          {'type': 'organization', 'id': 'fict-org', 'name': 'Fictional',
                           'founed': '2000', 'acronim': 'FO'}],
                         [{'kind': 'member-of', 'subject': 'XA', 'object': 'fict-org',
                           'role': 'memebr', 'start': '2010'}])
    code, text, _ = run('validate', path)
    assert 'typos.json: valid' in text and 'with warnings' in text
    warnings = [line for line in text.splitlines() if 'warning: ' in line]
    assert len(warnings) == 3, text
    assert any('“founed”' in w and 'did you mean “founded”?' in w for w in warnings)
    assert any('“acronim”' in w and 'did you mean “acronym”?' in w for w in warnings)
    assert any('“memebr”' in w and 'did you mean “member”?' in w and '(unknown-role)' in w
               for w in warnings)
    data = json.loads(run('validate', path, '--format', 'json')[1])
    assert sorted((r['kind'], r['severity']) for r in data) == [
        ('unknown-member', 'warning'), ('unknown-member', 'warning'), ('unknown-role', 'warning')]

    clean = write_catalog(tmp_path, 'clean.json',
                          [{'type': 'organization', 'id': 'fict-org', 'name': 'Fictional',
                            'founded': '2000', 'acronym': 'FO'}], [])
    assert 'warning' not in run('validate', clean)[1]


def test_validate_an_unknown_role_of_a_treaty_action_is_an_error(tmp_path):
    # A treaty action's role says how a state was bound; a typo there is
    # an error of iis_catalog_validate(), not a warning, and the file is
    # not valid.
    path = write_catalog(tmp_path, 'action.json',
                         [{'type': 'state', 'id': 'XA', 'name': 'Atlantis'},
                          {'type': 'agreement', 'id': 'fict-agr', 'name': 'Fictional',
                           'adopted': '2000-01-01'}],
                         [{'kind': 'consented-to', 'subject': 'XA', 'object': 'fict-agr',
                           'role': 'ratifcation', 'start': '2010-01-01'}],
                         version='1.1')  # consented-to is a kind of format 1.1
    code, text, _ = run('validate', path, expect=1)
    assert 'action.json: valid' not in text and 'warning: ' not in text, text
    data = json.loads(run('validate', path, '--format', 'json', expect=1)[1])
    assert [(r['kind'], r['severity']) for r in data] == [('unknown-role', 'error')], data


def test_convert_refuses_another_format(tmp_path, fiction):
    # The output format follows the extension or is refused: convert
    # writes JSON only, and used to write it into x.csv.
    code, _, err = run('convert', fiction, str(tmp_path / 'x.csv'), expect=2)
    assert '.csv' in err and 'export' in err
    assert not (tmp_path / 'x.csv').exists()
    code, _, err = run('--format', 'csv', 'convert', fiction, str(tmp_path / 'x.json'), expect=2)
    assert '--format csv' in err
    assert not (tmp_path / 'x.json').exists()
    run('convert', fiction, str(tmp_path / 'X.JSON'))
    run('--format', 'json', 'convert', fiction, str(tmp_path / 'no-extension'))
    assert json.loads((tmp_path / 'no-extension').read_text(encoding='utf-8'))['format'] \
        == 'libiis-catalog'


def test_unknown_role_and_enum_filters_are_errors():
    # A typo in a filter used to print an empty table and exit 0.
    code, _, err = run('members', 'sco', '--role', 'members', expect=2)
    assert 'did you mean “member”?' in err
    code, _, err = run('list', 'relations', 'kind=member_of', expect=2)
    assert 'did you mean “member-of”?' in err
    code, _, err = run('list', 'organizations', 'kind=intergovernmentall', expect=2)
    assert 'did you mean “intergovernmental”?' in err
    # Known values, patterns and roles that only the catalog uses still work.
    assert rows('list', 'relations', 'kind=member-of', 'object=sco', 'role=member')
    assert rows('list', 'relations', 'kind=member-*', 'object=sco')
    assert ids('members', 'sco', '--role', 'observer', '--at', '2020-01-01')


def test_unknown_role_used_by_the_catalog_is_accepted(tmp_path):
    path = write_catalog(tmp_path, 'roles.json',
                         [{'type': 'state', 'id': 'XA', 'name': 'Atlantis'},
                          {'type': 'organization', 'id': 'fict-org', 'name': 'Fictional'}],
                         [{'kind': 'member-of', 'subject': 'XA', 'object': 'fict-org',
                           'role': 'honorary', 'start': '2010'}])
    assert ids('--no-default', '--catalog', path, 'members', 'fict-org', '--role',
               'honorary') == ['XA']


# ---------------------------------------------------------------------------
# export

def test_export_csv():
    text = out('export', '--format', 'csv', '--kind', 'member-of')
    lines = text.splitlines()
    assert lines[0] == 'kind,subject,subject-name,object,object-name,role,start,end,confidence'
    parsed = list(csv.DictReader(io.StringIO(text)))
    assert len(parsed) == len(rows('list', 'relations', 'kind=member-of'))
    assert {r['kind'] for r in parsed} == {'member-of'}


def test_export_around_an_entity(tmp_path):
    # One entity and its neighbourhood: --around keeps its relations,
    # --depth 2 those of the entities they reach too, and nothing beyond.
    path = write_catalog(tmp_path, 'around.json',
                         [{'type': 'state', 'id': x, 'name': 'State ' + x}
                          for x in ('XA', 'XB', 'XC')]
                         + [{'type': 'organization', 'id': o, 'name': 'Org ' + o}
                            for o in ('o1', 'o2', 'o3')],
                         [{'kind': 'member-of', 'subject': 'XA', 'object': 'o1', 'role': 'member'},
                          {'kind': 'member-of', 'subject': 'XB', 'object': 'o1', 'role': 'member'},
                          {'kind': 'member-of', 'subject': 'XB', 'object': 'o2', 'role': 'member'},
                          {'kind': 'member-of', 'subject': 'XC', 'object': 'o3', 'role': 'member'}])

    def pairs(*args):
        text = out('--no-default', '--catalog', path, 'export', '--format', 'csv', *args)
        return sorted((r['subject'], r['object']) for r in csv.DictReader(io.StringIO(text)))

    assert pairs('--around', 'o1') == [('XA', 'o1'), ('XB', 'o1')]
    assert pairs('--around', 'Org o1', '--depth', '2') == [('XA', 'o1'), ('XB', 'o1'), ('XB', 'o2')]
    assert pairs('--around', 'XA', '--depth', '9') == [('XA', 'o1'), ('XB', 'o1'), ('XB', 'o2')]
    assert pairs() == sorted(pairs('--around', 'XC') + pairs('--around', 'XB', '--depth', '2'))
    data = json.loads(out('--no-default', '--catalog', path, 'export', '--format', 'json',
                          '--around', 'o2'))
    assert sorted(e['id'] for e in data['entities']) == ['XB', 'o2']

    run('--no-default', '--catalog', path, 'export', '--around', 'nowhere', expect=1)
    run('--no-default', '--catalog', path, 'export', '--depth', '2', expect=2)
    run('--no-default', '--catalog', path, 'export', '--around', 'o1', '--depth', '0', expect=2)

    # The man page's picture of the SCO is of the SCO alone.
    sco = rows('list', 'relations', 'kind=member-of', 'object=sco')
    text = out('export', '--format', 'csv', '--kind', 'member-of', '--around', 'sco')
    assert len(list(csv.DictReader(io.StringIO(text)))) == len(sco)
    assert 'cis' not in {r['object'] for r in csv.DictReader(io.StringIO(text))}


def test_export_csv_entities_and_relations():
    # The whole catalog as two CSV files: the entities, and the relations,
    # whose ends are all among the entities; the relations' columns are
    # those of `list relations` with the same fields.
    entities = list(csv.DictReader(io.StringIO(out('export', '--format', 'csv', '--entities'))))
    assert [e['id'] for e in entities] == ids('list', 'entities')
    by_id = {e['id']: e for e in entities}
    assert by_id['sco']['type'] == 'organization' and by_id['sco']['acronym'] == 'SCO'
    assert by_id['sco']['founded'] == '2001-06-15'
    assert by_id['UZ']['alpha-3'] == 'UZB' and by_id['UZ']['kind'] == ''
    assert by_id['coe-ets-185']['entry-into-force'] == '2004-07-01'

    text = out('export', '--format', 'csv')
    relations = list(csv.DictReader(io.StringIO(text)))
    assert {r['subject'] for r in relations} | {r['object'] for r in relations} <= set(by_id)
    fields = text.splitlines()[0]
    assert out('--format', 'csv', 'list', 'relations', '--fields', fields) == text

    around = list(csv.DictReader(io.StringIO(
        out('export', '--format', 'csv', '--entities', '--kind', 'member-of', '--around', 'sco'))))
    assert 'sco' in {e['id'] for e in around} and 'cis' not in {e['id'] for e in around}
    run('export', '--format', 'dot', '--entities', expect=2)


def every_member_catalog(tmp_path):
    """A catalog with one entity of each type whose every member that the
    schema names is set (each date a date of its own), as the writer
    writes it back (`iis convert`): the written JSON, not a hand list,
    says which members an entity has."""
    with open(os.path.join(SRCDIR, 'data', 'iis-catalog.schema.json'), encoding='utf-8') as f:
        schema = json.load(f)
    defs = schema['$defs']
    day = iter(range(1, 400))

    def value(spec):
        if spec.get('$ref') == '#/$defs/date':
            n = next(day)
            return f'{1900 + n:04d}-{1 + n % 12:02d}-{1 + n % 28:02d}'
        if spec.get('$ref') == '#/$defs/stringMap':
            return {'en': 'x'}
        if 'enum' in spec:
            return spec['enum'][-1]
        pattern = re.fullmatch(r'\^\[A-Z\]\{(\d)\}\$', spec.get('pattern', ''))
        if pattern:
            return 'X' * int(pattern.group(1))
        if spec.get('type') == 'integer':
            return 7
        if spec.get('type') == 'boolean':
            return True
        if spec.get('type') == 'array':
            return ['x']
        return 'x'

    entities = []
    for branch in defs['entity']['allOf']:
        nick = branch['if']['properties']['type']['const']
        entity = {'type': nick, 'id': f'every-{nick}', 'name': nick, 'description': 'x'}
        for member, spec in branch['then']['properties'].items():
            entity[member] = value(spec)
        entities.append(entity)
    path = write_catalog(tmp_path, 'every.json', entities, [])
    written = tmp_path / 'every-written.json'
    run('convert', path, str(written))
    data = json.loads(written.read_text(encoding='utf-8'))
    dates = {branch['if']['properties']['type']['const']:
             [m for m, spec in branch['then']['properties'].items()
              if spec.get('$ref') == '#/$defs/date']
             for branch in defs['entity']['allOf']}
    written_by_id = {entity['id']: entity for entity in data['entities']}
    for sent in entities:
        assert set(sent) <= set(written_by_id[sent['id']]), 'the writer dropped a member'
    return str(written), data['entities'], dates


def test_export_csv_entities_has_every_written_member(tmp_path):
    # Every member the writer writes for an entity is a column, filled
    # on the entity's row, but for the labels, identifiers, other names
    # and sources (maps and lists of objects: the JSON format holds them).
    path, entities, _ = every_member_catalog(tmp_path)
    text = out('--no-default', '--catalog', path, 'export', '--format', 'csv', '--entities')
    by_id = {row['id']: row for row in csv.DictReader(io.StringIO(text))}
    for entity in entities:
        for member, value in entity.items():
            if isinstance(value, dict) or (isinstance(value, list) and isinstance(value[0], dict)):
                continue
            assert member in by_id[entity['id']], f'no column for {entity["type"]} {member}'
            assert by_id[entity['id']][member] not in (None, ''), f'{entity["type"]} {member} empty'
    # The columns of 1.0 come first, in their order: scripts read them.
    assert text.splitlines()[0].startswith(
        'id,type,name,acronym,kind,status,founded,dissolved,adopted,adopted-place,'
        'entry-into-force,start,end,city,alpha-2,alpha-3,numeric,part-of,definition,description')


def test_timeline_has_every_date_of_the_entity(tmp_path):
    # Each date member of an entity is an event of its own timeline, on
    # that date, with a word for it.
    path, entities, dates = every_member_catalog(tmp_path)
    for entity in entities:
        expected = sorted(entity[m] for m in dates[entity['type']])
        own = [r for r in rows('--no-default', '--catalog', path, 'timeline', entity['id'])
               if r['id'] is None]
        assert sorted(r['date'] for r in own) == expected, entity['type']
        assert all(r['event'] for r in own)
        assert len({r['event'] for r in own}) == len(own), entity['type']


def test_export_json_parses_back(tmp_path):
    text = out('export', '--format', 'json', '--kind', 'member-of')
    data = json.loads(text)
    assert data['format'] == 'libiis-catalog'
    assert {r['kind'] for r in data['relations']} == {'member-of'}
    ids_in_relations = {r['subject'] for r in data['relations']} | {r['object'] for r in data['relations']}
    assert {e['id'] for e in data['entities']} == ids_in_relations

    path = tmp_path / 'members.json'
    path.write_text(text, encoding='utf-8')
    assert ids('--no-default', '--catalog', str(path), 'members', 'sco', '--role', 'member',
               '--at', '2018-01-01') == SCO_MEMBERS_2018

    whole = json.loads(out('export', '--format', 'json'))
    assert len(whole['relations']) == len(rows('list', 'relations'))


def test_export_dot_structure():
    text = out('export', '--kind', 'member-of')
    assert text.startswith('digraph "iis" {') and text.rstrip().endswith('}')
    assert 'subgraph "cluster_state"' in text and 'subgraph "cluster_organization"' in text
    assert '"UZ" [label="Uzbekistan"' in text
    assert re.search(r'"UZ" -> "sco" \[color="#[0-9a-f]{6}"', text)
    assert 'cluster_legend' in text


@pytest.mark.skipif(shutil.which('dot') is None, reason='Graphviz dot is not installed')
@pytest.mark.parametrize('args', [['--kind', 'member-of'], [], ['--kind', 'addresses', '--edge-labels'],
                                  ['--at', '2018-01-01', '--lang', 'ru']])
def test_export_dot_is_accepted_by_dot(args):
    text = out('export', '--format', 'dot', *args)
    proc = subprocess.run(['dot', '-Tsvg'], input=text.encode('utf-8'), capture_output=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr.decode()
    assert b'<svg' in proc.stdout
    assert not proc.stderr.strip(), proc.stderr.decode()


# ---------------------------------------------------------------------------
# errors, help, version

def test_unknown_id_suggests_the_nearest():
    code, text, err = run('members', 'scoo', expect=1)
    assert text == ''
    assert err == 'iis: no entity “scoo”; did you mean “sco”?\n'
    code, _, err = run('show', 'uzbekistn', expect=1)
    assert '“UZ”' in err


def test_wrong_type_of_entity():
    code, _, err = run('members', 'UZ', expect=1)
    assert '“UZ”' in err and 'not an organization' in err
    run('parties', 'sco', expect=1)
    run('addressing', 'sco', expect=1)


def test_bad_date_names_the_value():
    code, text, err = run('members', 'sco', '--at', '2018-13-01', expect=2)
    assert '2018-13-01' in err and text == ''
    code, _, err = run('memberships', 'BY', '--at', 'yesterday', expect=2)
    assert 'yesterday' in err


def test_bad_catalog_file_gives_the_loader_message(tmp_path):
    path = tmp_path / 'broken.json'
    path.write_text('{"format": "libiis-catalog", "version": "1.0", "entities": [}', encoding='utf-8')
    code, _, err = run('--catalog', str(path), 'stats', expect=1)
    assert 'broken.json' in err and re.search(r':\d+:\d+:', err)
    code, _, err = run('--catalog', str(tmp_path / 'absent.json'), 'stats', expect=1)
    assert 'absent.json' in err


@pytest.mark.parametrize('args', [
    [],
    ['frobnicate'],
    ['--bogus'],
    ['--format', 'yaml', 'stats'],
    ['list'],
    ['list', 'planets'],
    ['list', 'states', '--fields', 'id,colour'],
    ['list', 'states', 'colour=blue'],
    ['list', 'states', 'no-equals-sign'],
    ['list', 'states', '--sort', 'colour'],
    ['list', 'states', '--at', '2018'],
    ['members'],
    ['members', 'sco', 'extra'],
    ['members', 'sco', '--bogus'],
    ['show'],
    ['validate'],
    ['convert', 'only-one'],
    ['export', '--format', 'png'],
    ['export', '--kind', 'friend-of'],
    ['stats', 'extra'],
])
def test_usage_errors_exit_2(args):
    code, text, err = run(*args, expect=2)
    assert err.startswith('iis: ') and 'Try “iis' in err


def test_unknown_command_suggests():
    code, _, err = run('lsit', expect=2)
    assert 'did you mean “list”?' in err


def test_version_and_help():
    with open(os.path.join(SRCDIR, 'data', 'catalog-version'), encoding='utf-8') as f:
        data_version = f.read().strip()
    assert re.fullmatch(r'\d{8}', data_version)
    assert re.fullmatch(r'iis \(libiis\) \d+\.\d+\.\d+\nbundled catalog %s\n' % data_version,
                        out('--version'))
    assert re.search(r'^bundled-catalog +version +%s$' % data_version, out('stats'), re.M)
    text = out('--help')
    for command in ['list', 'show', 'members', 'memberships', 'parties', 'signatories',
                    'status', 'compare', 'panel', 'agreements', 'addressing', 'forums', 'timeline',
                    'validate', 'convert', 'compile', 'export', 'stats']:
        assert re.search(rf'^  {command} ', text, re.M), command
        help_text = out(command, '--help')
        assert help_text.startswith(f'Usage:\n  iis {command} ')
        assert out('help', command) == help_text
    assert '--catalog' in out('members', '--help-all')
    assert '--no-cache' in out('members', '--help-all') and '--no-cache' in text


# ---------------------------------------------------------------------------
# bash completion

COMPLETION_STUBS = r'''
_init_completion() {
    words=("${COMP_WORDS[@]}"); cword=$COMP_CWORD
    cur=${words[cword]}; prev=${words[cword-1]}; split=false
}
_filedir() { COMPREPLY=($(compgen -f -- "$cur")); }
compopt() { :; }
'''


def complete(*words):
    completion = os.path.join(SRCDIR, 'tools', 'iis.bash-completion')
    line = ' '.join(words)
    script = (COMPLETION_STUBS + f'source {completion}\n'
              f'COMP_WORDS=({line}); COMP_CWORD={len(words) - 1}\n'
              '_iis; printf "%s\\n" "${COMPREPLY[@]}"\n')
    env = tool_env()
    env['PATH'] = os.path.dirname(os.path.abspath(TOOL)) + os.pathsep + env.get('PATH', '')
    proc = subprocess.run(['bash', '-c', script], capture_output=True, env=env, timeout=60)
    assert proc.returncode == 0, proc.stderr.decode()
    return [w for w in proc.stdout.decode().splitlines() if w]


@pytest.mark.skipif(shutil.which('bash') is None, reason='bash is not installed')
def test_bash_completion():
    assert complete('iis', 'mem') == ['members', 'memberships']
    assert 'sco' in complete('iis', 'members', 's')
    assert 'UZ' not in complete('iis', 'members', '')
    assert complete('iis', 'export', '--format', '') == ['dot', 'csv', 'json', 'sqlite', 'jsonld',
                                                         'turtle', 'ntriples', 'quickstatements']
    assert 'member-of' in complete('iis', 'export', '--kind', 'mem')
    assert complete('iis', 'list', 'st') == ['states']
    assert '--narrower' in complete('iis', 'addressing', '--')
    assert '--possibly' in complete('iis', 'members', '--')
    assert '--possibly' in complete('iis', 'parties', '--p')
    assert '--continuity' in complete('iis', 'members', '--c')
    assert '--continuity' in complete('iis', 'memberships', '--')
    assert '--continuity' not in complete('iis', 'parties', '--')
    assert sorted(complete('iis', 'sta')) == ['stats', 'status']
    assert 'coe-ets-185' in complete('iis', 'status', 'coe-ets-1')
    assert 'LV' in complete('iis', 'status', 'coe-ets-185', 'L')
    assert 'coe-ets-185' not in complete('iis', 'status', 'coe-ets-185', 'c')
    assert 'sco' in complete('iis', 'compare', 'coe-ets-185', 's')
    assert 'denounced' in complete('iis', 'export', '--kind', 'den')
    assert '--at' in complete('iis', 'compare', '--')
    assert {'--from', '--to', '--dyads'} <= set(complete('iis', 'panel', '--'))
    assert 'coe-ets-185' in complete('iis', 'panel', 'coe-ets-1')


@pytest.mark.skipif(shutil.which('bash') is None, reason='bash is not installed')
def test_bash_completion_of_compile(tmp_path):
    assert complete('iis', 'comp') == ['compare', 'compile']
    assert '--no-cache' in complete('iis', '--no')
    assert '--no-cache' in complete('iis', 'members', '--no')
    assert '--output' in complete('iis', 'compile', '--')
    (tmp_path / 'a.json').write_text('{}')
    prefix = str(tmp_path / 'a')
    assert complete('iis', 'compile', prefix) == [prefix + '.json']
    assert complete('iis', 'compile', 'x.json', prefix) == []


def test_possibly_adds_what_inexact_dates_leave_open():
    """--possibly: the certain rows, then those inexact dates leave open,
    with a certainty column in text, JSON and CSV (tests/data/inexact.json)."""
    inexact = os.path.join(SRCDIR, 'tests', 'data', 'inexact.json')
    base = ('--no-default', '--catalog', inexact)
    certain = rows(*base, 'members', 'org', '--at', '2004')
    assert [r['id'] for r in certain] == ['BB', 'DD'] and 'certainty' not in certain[0]
    both = rows(*base, 'members', 'org', '--at', '2004', '--possibly')
    assert [(r['id'], r['certainty']) for r in both] == [
        ('AA', 'possible'), ('BB', 'certain'), ('CC', 'possible'), ('DD', 'certain')]
    assert [r['start'] for r in both if r['id'] == 'AA'] == ['2005?']
    text = out(*base, 'members', 'org', '--at', '2004', '--possibly')
    assert re.search(r'^AA .* possible$', text, re.M) and text.splitlines()[0].endswith('CERTAINTY')
    table = out(*base, 'parties', 'agr', '--at', '2015', '--possibly', '--format', 'csv')
    assert table.splitlines()[0].endswith(',certainty')
    assert {tuple(l.split(',')[::len(l.split(',')) - 1]) for l in table.splitlines()[1:]} == {
        ('AA', 'certain'), ('BB', 'possible'), ('DD', 'certain')}
    assert [(r['id'], r['certainty']) for r in rows(*base, 'memberships', 'BB', '--at', '2012',
                                                     '--possibly')] == [('org', 'possible')]
    assert [(r['id'], r['certainty']) for r in rows(*base, 'forums', 'AA', '--at', '2016',
                                                     '--possibly')] == [('meeting', 'possible')]
    assert rows(*base, 'forums', 'AA', '--at', '2016') == []
    assert [(r['id'], r['certainty']) for r in rows(*base, 'agreements', 'AA', '--at', '2005',
                                                     '--possibly')] == [('agr', 'possible')]



def test_continuity_follows_continuations():
    """--continuity (tests/data/successions.json): each legal person once,
    as the state that stands for it at the date, with a via column."""
    fixture = os.path.join(SRCDIR, 'tests', 'data', 'successions.json')
    base = ('--no-default', '--catalog', fixture)
    assert [r['id'] for r in rows(*base, 'members', 'un', '--at', '2006-06-10')] == [
        'CZ', 'SI', 'SK']
    found = rows(*base, 'members', 'un', '--at', '2006-06-10', '--continuity')
    assert [(r['id'], r['via']) for r in found] == [
        ('CZ', None), ('RS', 'SCG'), ('RU', 'SU'), ('SI', None), ('SK', None)]
    assert rows(*base, 'memberships', 'RU', '--at', '1980') == []
    held = rows(*base, 'memberships', 'RU', '--at', '1980', '--continuity')
    assert [(r['id'], r['start'], r['via']) for r in held] == [('un', '1945-10-24', 'SU')]
    assert out(*base, 'members', 'un', '--continuity').splitlines()[0].split()[-1] == 'VIA'


def test_continuity_on_the_bundled_catalog():
    """On the bundled catalog: the UN in 1980 has the USSR, not Russia,
    when continuity is followed (the UN dates Russia's seat from 1945)."""
    in_1980 = [r['id'] for r in rows('members', 'un', '--at', '1980', '--continuity')]
    assert 'SUHH' in in_1980 and 'RU' not in in_1980
    assert 'RU' in [r['id'] for r in rows('members', 'un', '--at', '1980')]
    in_2000 = [r['id'] for r in rows('members', 'un', '--at', '2000', '--continuity')]
    assert 'RU' in in_2000 and 'SUHH' not in in_2000
    held = rows('memberships', 'RU', '--at', '1980', '--continuity')
    assert ('un', 'SUHH') in [(r['id'], r['via']) for r in held]

# ---------------------------------------------------------------------------
# Hostile text and long values (issue #19, findings 11, 12 and 14)

EVIL_NAME = 'Evil\x1b[31mRed\x1b]0;title\x07\rBack\u202egnp.exe\u2066'


def evil_catalog(tmp_path):
    return write_catalog(tmp_path, 'evil.json',
                         [{'type': 'state', 'id': 'XE', 'name': EVIL_NAME},
                          {'type': 'organization', 'id': 'fict-org', 'name': '=HYPERLINK(x)'},
                          {'type': 'organization', 'id': 'fict-minus', 'name': '-2+3'},
                          {'type': 'organization', 'id': 'fict-at', 'name': '@SUM(A1)'}],
                         [{'kind': 'member-of', 'subject': 'XE', 'object': 'fict-org',
                           'role': 'member\u202e'}])


def assert_no_terminal_controls(text):
    for c in text:
        assert c in '\n' or not (ord(c) < 0x20 or 0x7f <= ord(c) < 0xa0
                                 or 0x202a <= ord(c) <= 0x202e or 0x2066 <= ord(c) <= 0x2069
                                 or c in '\u200e\u200f\u061c\ufeff\u2028\u2029'), repr(text)


def test_text_output_escapes_controls_and_bidi(tmp_path):
    path = evil_catalog(tmp_path)
    for args in (['list', 'states'], ['show', 'XE'], ['members', 'fict-org'],
                 ['memberships', 'XE'], ['show', 'fict-org']):
        text = out('--no-default', '--catalog', path, *args)
        assert_no_terminal_controls(text)
        assert '<U+202E>' in text, text
        if args[0] != 'memberships':
            assert '<U+001B>' in text, text
    # JSON keeps the data (json-glib escapes the C0 controls itself).
    data = rows('--no-default', '--catalog', path, 'list', 'states')
    assert data[0]['name'] == EVIL_NAME
    # So does CSV, unless asked for cells safe for a spreadsheet.
    raw = out('--no-default', '--catalog', path, '--format', 'csv', 'list', 'organizations')
    assert '\n=HYPERLINK' in raw or ',=HYPERLINK' in raw
    safe = out('--no-default', '--catalog', path, '--format', 'csv', '--csv-safe',
               'list', 'organizations')
    for cell in ('=HYPERLINK', '-2+3', '@SUM'):
        assert ",'" + cell in safe or "\"'" + cell in safe, safe
        assert ',' + cell not in safe


def test_messages_escape_and_cut_values(tmp_path):
    code, _, err = run('show', 'sco\ufeff', expect=1)
    assert err == 'iis: no entity “sco<U+FEFF>”; did you mean “sco”?\n'
    code, _, err = run('show', 'y' * 300, expect=1)
    assert 'y' * 40 + '…”' in err and 'y' * 41 not in err
    code, _, err = run('show', 'x\x1b[2J', expect=1)
    assert_no_terminal_controls(err)


def test_invalid_date_is_said_once():
    code, _, err = run('members', 'sco', '--at', 'x' * 200, expect=2)
    assert err.lower().count('invalid date') == 1, err
    assert 'x' * 41 not in err
    code, _, err = run('members', 'sco', '--at', '2017-13-45', expect=2)
    assert err.lower().count('invalid date') == 1, err
    assert '2017-13-45' in err and 'month 13' in err


def test_ambiguous_list_is_cut(tmp_path):
    path = write_catalog(tmp_path, 'same.json',
                         [{'type': 'state', 'id': 'X%04d' % i, 'name': 'Same'} for i in range(2000)],
                         [])
    code, _, err = run('--no-default', '--catalog', path, 'show', 'Same', expect=1)
    assert '“X0000”' in err and '“X1999”' not in err
    assert 'and 1990 more' in err, err
    assert len(err) < 400


def test_other_names_name_an_entity(tmp_path):
    # The names people type: "Budapest Convention" is an other name of the
    # Convention on Cybercrime, "Shanghai Five" a former name of the SCO.
    assert json.loads(out('--format', 'json', 'show', 'Budapest Convention'))['id'] == 'coe-ets-185'
    assert json.loads(out('--format', 'json', 'show', 'shanghai five'))['id'] == 'sco'
    assert ids('members', 'Shanghai Five', '--role', 'member', '--at', '2018-01-01') \
        == SCO_MEMBERS_2018
    code, _, err = run('show', 'Budapest Convnetion', expect=1)
    assert 'did you mean “coe-ets-185”' in err

    # A current name goes before an other name; two other names are
    # ambiguous, as two names are.
    path = write_catalog(tmp_path, 'names.json',
                         [{'type': 'organization', 'id': 'new', 'name': 'Old Union'},
                          {'type': 'organization', 'id': 'x', 'name': 'X',
                           'other-names': [{'name': 'Old Union'}, {'name': 'Twin'}]},
                          {'type': 'organization', 'id': 'y', 'name': 'Y',
                           'other-names': [{'name': 'Twin'}]}], [])
    assert json.loads(out('--no-default', '--catalog', path, '--format', 'json', 'show',
                          'Old Union'))['id'] == 'new'
    code, _, err = run('--no-default', '--catalog', path, 'show', 'Twin', expect=1)
    assert 'ambiguous' in err and '“x”' in err and '“y”' in err


def test_convert_to_an_empty_name_or_a_device(tmp_path, fiction):
    code, _, err = run('convert', fiction, '', expect=2)
    assert 'empty' in err, err
    code, text, err = run('convert', fiction, '/dev/stdout')
    assert json.loads(text)['format'] == 'libiis-catalog'
    code, _, err = run('convert', fiction, '/dev/null')
    assert err == ''


def test_did_you_mean_on_huge_names(tmp_path):
    path = write_catalog(tmp_path, 'huge.json',
                         [{'type': 'state', 'id': 'XH', 'name': 'n' * 1000000},
                          {'type': 'state', 'id': 'XS', 'name': 'Sovereign'}], [])
    code, _, err = run('--no-default', '--catalog', path, 'show', 'n' * 100, expect=1)
    assert 'no entity' in err and len(err) < 200
    code, _, err = run('--no-default', '--catalog', path, 'show', 'Soverign', expect=1)
    assert 'did you mean “XS”' in err


# ---------------------------------------------------------------------------
# Treaty actions: status and compare (tests/data/treaty-actions.json, whose
# statuses at twelve dates tests/data/treaty-actions-expected.json gives)

ACTIONS = os.path.join(SRCDIR, 'tests', 'data', 'treaty-actions.json')
with open(os.path.join(SRCDIR, 'tests', 'data', 'treaty-actions-expected.json'),
          encoding='utf-8') as _f:
    ACTIONS_EXPECTED = json.load(_f)


def actions(*args):
    return rows('--no-default', '--catalog', ACTIONS, *args)


def test_status_answers_the_scenario_at_every_date():
    by_agreement = {}
    for row in ACTIONS_EXPECTED['statuses']:
        by_agreement.setdefault(row['agreement'], []).append(row)
    checked = 0
    for agreement, expected in by_agreement.items():
        for i, date in enumerate(ACTIONS_EXPECTED['dates']):
            got = {r['id']: r['status'] for r in actions('status', agreement, '--at', date)}
            for row in expected:
                if row['kinds'][i] is not None:
                    assert got[row['party']] == row['kinds'][i], (agreement, row['party'], date)
                    checked += 1
    assert checked > 100


def test_status_of_one_party_with_its_reservations():
    [lv] = actions('status', 'coe-ets-185', 'LV', '--at', '2010-01-01')
    assert lv['status'] == 'bound' and lv['reservations'] == 'reservation-to art. 22'
    assert 'party-to (ratification) 2007-06-01' in lv['actions']
    [lv] = actions('status', 'coe-ets-185', 'LV', '--at', '2013-01-01')
    assert lv['reservations'] == ''
    [ru] = actions('status', 'coe-ets-173', 'RU', '--at', '2023-05-01')
    assert ru['status'] == 'denunciation-pending' and 'effective 2023-07-01' in ru['actions']
    base = ('--no-default', '--catalog', ACTIONS)
    csv = out(*base, '--format', 'csv', 'status', 'un-ctbt', '--at', '2024-01-01')
    assert csv.splitlines()[0] == 'id,name,status,actions,reservations'
    assert [line.split(',')[2] for line in csv.splitlines()[1:]] == ['consent-withdrawn', 'signed']
    names, table = text_table(out(*base, 'status', 'un-ctbt', 'US', '--at', '2010'))
    assert names[:3] == ['ID', 'NAME', 'STATUS'] and table[0]['STATUS'] == 'signed'


def consented_only(agreement, at):
    """The subjects of an agreement's consented-to relations begun by @at
    that have no party-to relation with it."""
    relations = rows('list', 'relations', 'object=' + agreement)
    with_party_to = {r['subject'] for r in relations if r['kind'] == 'party-to'}
    return {r['subject'] for r in relations
            if r['kind'] == 'consented-to' and r['start'] and r['start'].lstrip('./') <= at
            and r['subject'] not in with_party_to}


def test_status_on_the_bundled_catalog_agrees_with_the_relations():
    """iis status coe-ets-185 --at 2024-01-01: the bound are the parties,
    and every other signatory has signed (or deposited, or left)."""
    statuses = {r['id']: r['status'] for r in rows('status', 'coe-ets-185', '--at', '2024-01-01')}
    parties = set(ids('parties', 'coe-ets-185', '--at', '2024-01-01'))
    assert len(parties) > 40
    bound = {i for i, s in statuses.items() if s in ('bound', 'denunciation-pending')}
    # Beyond the parties: those whose deposit is recorded and whose entry
    # into force no source gives, bound as the Convention is in force.
    assert parties <= bound
    assert bound - parties <= consented_only('coe-ets-185', '2024-01-01')
    signatories = {r['id'] for r in rows('signatories', 'coe-ets-185')
                   if r['signed'] and r['signed'] <= '2024-01-01'}
    assert signatories
    for signatory in signatories - bound:
        assert statuses[signatory] in ('signed', 'consented', 'denounced'), signatory
    related = {r['subject'] for r in rows('list', 'relations', 'object=coe-ets-185')
               if r['kind'] in ('signatory-of', 'party-to', 'consented-to', 'provisionally-applies',
                                'reservation-to', 'declaration-to', 'objection-to', 'denounced')}
    assert set(statuses) == related


def test_compare_parties_and_members():
    for row in ACTIONS_EXPECTED['compare']:
        got = actions('compare', row['a'], row['b'], '--at', row['date'])
        for key, label in (('both', 'both'), ('only-a', row['a']), ('only-b', row['b'])):
            assert [r['id'] for r in got if r['in'] == label] == row[key]
    # On the bundled catalog: the Budapest Convention and its Second
    # Additional Protocol, as the two parties listings give them.
    a = set(ids('parties', 'coe-ets-185', '--at', '2025-06-01'))
    b = set(ids('parties', 'coe-cets-224', '--at', '2025-06-01'))
    got = rows('compare', 'coe-ets-185', 'coe-cets-224', '--at', '2025-06-01')
    assert {r['id'] for r in got if r['in'] == 'both'} == a & b
    assert {r['id'] for r in got if r['in'] == 'coe-ets-185'} == a - b
    assert {r['id'] for r in got if r['in'] == 'coe-cets-224'} == b - a
    members = set(ids('members', 'sco', '--at', '2018-01-01'))
    got = rows('compare', 'sco', 'coe-ets-185', '--at', '2018-01-01')
    assert {r['id'] for r in got if r['in'] in ('both', 'sco')} == members


@pytest.mark.parametrize('args,code,message', [
    (['status', 'coe-ets-18'], 1, 'did you mean “coe-ets-185”'),
    (['status', 'sco'], 1, 'is an organization, not an agreement'),
    (['status', 'coe-ets-185', 'coe-ets-189'], 1,
     'is of type agreement, not a state or an organization'),
    (['status', 'coe-ets-185', 'XX-nowhere'], 1, 'no entity “XX-nowhere”'),
    (['status', 'coe-ets-185', '--at', '2024-13-01'], 2, 'month 13'),
    (['status'], 2, 'no AGREEMENT given'),
    (['status', 'coe-ets-185', 'LV', 'extra'], 2, 'unexpected argument “extra”'),
    (['compare', 'coe-ets-185'], 2, 'expected A and B'),
    (['compare', 'coe-ets-185', 'RU'], 1,
     '“RU” (Russian Federation) is of type state, not an agreement or an organization'),
    (['compare', 'coe-ets-185', 'sco', '--at', 'soon'], 2, '“soon”'),
])
def test_status_and_compare_errors(args, code, message):
    _, _, err = run(*args, expect=code)
    assert message in err, err


def test_panel_and_dyads_agree_with_the_statuses():
    """iis panel: each row a party bound in a year; --dyads: each pair of
    parties bound at a date, for every agreement (bundled catalog)."""
    panel = rows('panel', 'coe-ets-185', '--from', '2024', '--to', '2024')
    parties = set(ids('parties', 'coe-ets-185', '--at', '2024'))
    in_panel = {r['id'] for r in panel}
    assert parties <= in_panel
    assert in_panel - parties <= consented_only('coe-ets-185', '2024-12-31')
    assert {r['year'] for r in panel} == {'2024'} and {r['status'] for r in panel} <= {
        'bound', 'denunciation-pending'}
    first = {}
    for r in actions('panel', '--from', '1999', '--to', '2024'):
        first.setdefault((r['id'], r['agreement']), r['year'])
    assert first[('LV', 'coe-ets-185')] == '2007' and first[('AD', 'coe-ets-185')] == '2017'
    assert ('RU', 'un-ctbt') not in first
    dyads = actions('panel', '--dyads', '--at', '2024-01-01')
    for agreement in ('coe-ets-185', 'coe-ets-173', 'wipolex-275'):
        bound = sorted(r['id'] for r in actions('status', agreement, '--at', '2024-01-01')
                       if r['status'] == 'bound')
        pairs = [(r['a'], r['b']) for r in dyads if r['agreement'] == agreement]
        assert pairs == [(a, b) for i, a in enumerate(bound) for b in bound[i + 1:]]
    run('panel', '--from', '2024', '--to', '2020', expect=2)
    run('panel', '--at', '2020', expect=2)
    _, _, err = run('panel', 'sco', expect=1)
    assert 'is an organization, not an agreement' in err


# ---------------------------------------------------------------------------
# diff

DIFF_OLD_ENTITIES = [
    {'type': 'state', 'id': 'XA', 'name': 'Atlantis'},
    {'type': 'state', 'id': 'XB', 'name': 'Borduria'},
    {'type': 'state', 'id': 'XC', 'name': 'Carpania'},
    {'type': 'organization', 'id': 'fict-org', 'name': 'Fictional Organization',
     'sources': [{'title': 'Charter', 'url': 'https://example.org/old'}]},
]
DIFF_OLD_RELATIONS = [
    {'kind': 'member-of', 'subject': 'XA', 'object': 'fict-org', 'role': 'member',
     'start': '2000'},
    # Two relations share an identity: matched by their start dates.
    {'kind': 'member-of', 'subject': 'XB', 'object': 'fict-org', 'role': 'member',
     'start': '2001', 'end': '2003'},
    {'kind': 'member-of', 'subject': 'XB', 'object': 'fict-org', 'role': 'member',
     'start': '2005', 'end': '2008'},
    {'kind': 'member-of', 'subject': 'XC', 'object': 'fict-org', 'role': 'member',
     'start': '2002'},
]


def diff_catalogs(tmp_path):
    new_entities = [dict(e) for e in DIFF_OLD_ENTITIES if e['id'] != 'XC']
    new_entities[1]['name'] = 'Bordurie'
    new_entities[2]['sources'] = [{'title': 'Charter', 'url': 'https://example.org/new'}]
    new_entities.append({'type': 'state', 'id': 'XD', 'name': 'Dorsia'})
    new_relations = [
        DIFF_OLD_RELATIONS[0],
        # The later one first: the match is by start, not by place.
        dict(DIFF_OLD_RELATIONS[2], end='2010'),
        DIFF_OLD_RELATIONS[1],
        {'kind': 'member-of', 'subject': 'XD', 'object': 'fict-org', 'role': 'observer',
         'start': '2004'},
    ]
    old = write_catalog(tmp_path, 'old.json', DIFF_OLD_ENTITIES, DIFF_OLD_RELATIONS)
    new = write_catalog(tmp_path, 'new.json', new_entities, new_relations)
    return old, new


DIFF_EXPECTED = [
    {'change': 'changed', 'what': 'entity', 'id': 'XB', 'role': None, 'start': None,
     'member': 'name', 'old': 'Borduria', 'new': 'Bordurie'},
    {'change': 'removed', 'what': 'entity', 'id': 'XC', 'role': None, 'start': None,
     'member': 'type', 'old': 'state', 'new': None},
    {'change': 'added', 'what': 'entity', 'id': 'XD', 'role': None, 'start': None,
     'member': 'type', 'old': None, 'new': 'state'},
    {'change': 'changed', 'what': 'entity', 'id': 'fict-org', 'role': None, 'start': None,
     'member': 'sources', 'old': '[title=Charter, url=https://example.org/old]',
     'new': '[title=Charter, url=https://example.org/new]'},
    {'change': 'changed', 'what': 'relation', 'id': 'XB member-of fict-org', 'role': 'member',
     'start': '2005', 'member': 'end', 'old': '2008', 'new': '2010'},
    {'change': 'removed', 'what': 'relation', 'id': 'XC member-of fict-org', 'role': 'member',
     'start': '2002', 'member': 'period', 'old': '2002 –', 'new': None},
    {'change': 'added', 'what': 'relation', 'id': 'XD member-of fict-org', 'role': 'observer',
     'start': '2004', 'member': 'period', 'old': None, 'new': '2004 –'},
]


def test_diff_json_lists_exactly_the_changes(tmp_path):
    old, new = diff_catalogs(tmp_path)
    _, stdout, _ = run('--format', 'json', 'diff', old, new, expect=1)
    assert json.loads(stdout) == DIFF_EXPECTED


def test_diff_csv(tmp_path):
    old, new = diff_catalogs(tmp_path)
    _, stdout, _ = run('diff', old, new, '--format', 'csv', expect=1)
    table = list(csv.DictReader(io.StringIO(stdout)))
    assert table == [{k: v if v is not None else '' for k, v in row.items()}
                     for row in DIFF_EXPECTED]


def test_diff_text(tmp_path):
    old, new = diff_catalogs(tmp_path)
    _, stdout, _ = run('diff', old, new, expect=1)
    assert stdout == (
        'Entities added:\n'
        '  XD: state\n'
        '\n'
        'Entities removed:\n'
        '  XC: state\n'
        '\n'
        'Entities changed:\n'
        '  XB: name: Borduria → Bordurie\n'
        '  fict-org: sources: [title=Charter, url=https://example.org/old]'
        ' → [title=Charter, url=https://example.org/new]\n'
        '\n'
        'Relations added:\n'
        '  XD member-of fict-org observer: 2004 –\n'
        '\n'
        'Relations removed:\n'
        '  XC member-of fict-org member: 2002 –\n'
        '\n'
        'Relations changed:\n'
        '  XB member-of fict-org member from 2005: end: 2008 → 2010\n')


def test_diff_the_other_way_round(tmp_path):
    old, new = diff_catalogs(tmp_path)
    _, stdout, _ = run('--format', 'json', 'diff', new, old, expect=1)
    changes = {(r['change'], r['id'], r['member']): (r['old'], r['new'])
               for r in json.loads(stdout)}
    assert changes[('added', 'XC', 'type')] == (None, 'state')
    assert changes[('removed', 'XD', 'type')] == ('state', None)
    assert changes[('changed', 'XB', 'name')] == ('Bordurie', 'Borduria')
    assert changes[('changed', 'XB member-of fict-org', 'end')] == ('2010', '2008')


def test_diff_of_equal_catalogs_is_empty(tmp_path):
    old, _ = diff_catalogs(tmp_path)
    same = write_catalog(tmp_path, 'same.json', list(reversed(DIFF_OLD_ENTITIES)),
                         list(reversed(DIFF_OLD_RELATIONS)))
    assert run('diff', old, same) == (0, '', '')
    assert json.loads(run('--format', 'json', 'diff', old, same)[1]) == []


def test_diff_of_a_missing_or_bad_file(tmp_path):
    old, _ = diff_catalogs(tmp_path)
    missing = str(tmp_path / 'missing.json')
    status, stdout, stderr = run('diff', old, missing, expect=2)
    assert stdout == '' and 'missing.json' in stderr
    bad = tmp_path / 'bad.json'
    bad.write_text('{"format": "libiis-catalog", "version": "1.0",\n "entities": [}\n')
    status, stdout, stderr = run('diff', str(bad), old, expect=2)
    assert stdout == '' and re.search(r'bad\.json:2:', stderr), stderr
    run('diff', old, expect=2)
    run('diff', old, old, old, expect=2)


def test_diff_of_the_bundled_catalog_with_itself_is_empty():
    path = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(TOOL))),
                        'data', 'catalog.json')
    if not os.path.exists(path):
        pytest.skip('the bundled catalog is not built')
    assert run('diff', path, path) == (0, '', '')


@pytest.mark.skipif(shutil.which('bash') is None, reason='bash is not installed')
def test_bash_completion_of_diff(tmp_path):
    assert complete('iis', 'dif') == ['diff']
    (tmp_path / 'a.json').write_text('{}')
    prefix = str(tmp_path / 'a')
    assert complete('iis', 'diff', prefix) == [prefix + '.json']
    assert complete('iis', 'diff', 'x.json', prefix) == [prefix + '.json']
    assert complete('iis', 'diff', 'x.json', 'y.json', prefix) == []


def test_diff_of_labels_identifiers_other_names_and_qualifiers(tmp_path):
    old = write_catalog(tmp_path, 'old.json', [
        {'type': 'state', 'id': 'XA', 'name': 'Atlantis', 'labels': {'ru': 'Атлантида'},
         'identifiers': {'wikidata': 'Q1'}},
        {'type': 'organization', 'id': 'fict-org', 'name': 'Fictional Organization',
         'founded': '2000'},
    ], [
        {'kind': 'member-of', 'subject': 'XA', 'object': 'fict-org', 'role': 'member',
         'start': '2000', 'qualifiers': {'note': 'old'}},
    ])
    new = write_catalog(tmp_path, 'new.json', [
        {'type': 'state', 'id': 'XA', 'name': 'Atlantis', 'labels': {'fr': 'Atlantide'},
         'identifiers': {'wikidata': 'Q2'},
         'other-names': [{'name': 'Old Atlantis', 'lang': 'en', 'end': '1990'}]},
        {'type': 'organization', 'id': 'fict-org', 'name': 'Fictional Organization',
         'founded': '2001'},
    ], [
        {'kind': 'member-of', 'subject': 'XA', 'object': 'fict-org', 'role': 'member',
         'start': '2000', 'confidence': 'low', 'qualifiers': {'note': 'new'}},
    ])
    _, stdout, _ = run('--format', 'json', 'diff', old, new, expect=1)
    changes = [(r['id'], r['member'], r['old'], r['new']) for r in json.loads(stdout)]
    assert changes == [
        ('XA', 'identifier:wikidata', 'Q1', 'Q2'),
        ('XA', 'label:fr', None, 'Atlantide'),
        ('XA', 'label:ru', 'Атлантида', None),
        ('XA', 'other-names', None, '{Old Atlantis (en, – 1990)}'),
        ('fict-org', 'founded', '2000', '2001'),
        ('XA member-of fict-org', 'confidence', 'unspecified', 'low'),
        ('XA member-of fict-org', 'qualifier:note', 'old', 'new'),
    ]


def test_diff_text_keeps_one_change_on_one_line(tmp_path):
    """A newline or an escape sequence inside a value is shown escaped:
    a file cannot forge lines of the report."""
    entities = [{'type': 'state', 'id': 'XA', 'name': 'Atlantis'}]
    old = write_catalog(tmp_path, 'old.json', entities, [])
    changed = [{'type': 'state', 'id': 'XA', 'name': 'Atlantis\n  XB: name: forged\x1b[2J'}]
    new = write_catalog(tmp_path, 'new.json', changed, [])
    _, stdout, _ = run('diff', old, new, expect=1)
    lines = stdout.splitlines()
    assert lines[0] == 'Entities changed:' and len(lines) == 2
    assert '\x1b' not in stdout and lines[1].startswith('  XA: name: Atlantis → Atlantis')


# ---------------------------------------------------------------------------
# snapshots: the cache of the --catalog files, and iis compile

SNAPSHOT_MAGIC = b'\x89IIS\r\n\x1a\n'


def cache_files(cache_home):
    """The files in the snapshot folder of @cache_home (temporary ones
    too), by name."""
    folder = os.path.join(cache_home, 'libiis', 'snapshots')
    return sorted(os.listdir(folder)) if os.path.isdir(folder) else []


def cache_entry(cache_home, path):
    """Where the cache keeps the snapshot of @path (a hash of its absolute
    path, as iis_catalog_get_cache_file() names it)."""
    digest = hashlib.sha256(os.path.abspath(path).encode()).hexdigest()
    return os.path.join(cache_home, 'libiis', 'snapshots', digest[:32] + '.snapshot')


def identity(path):
    st = os.stat(path)
    return st.st_ino, st.st_mtime_ns, st.st_size


def fiction_answers(path, *options, cache_home=None):
    """Every relation and the answers of a few questions, through --catalog
    @path alone."""
    def ask(*args):
        return json.loads(run('--no-default', *options, '--catalog', path, '--format', 'json',
                              *args, cache_home=cache_home)[1])
    return (ask('list', 'relations'), ask('list', 'entities'), ask('members', 'fict-org'),
            ask('parties', 'fict-treaty', '--at', '2004-01-01'), ask('show', 'XB'))


def test_compile_output_answers_as_the_json(tmp_path, fiction):
    cache = tmp_path / 'cache'
    snapshot = str(tmp_path / 'fiction.snapshot')
    _, text, _ = run('compile', fiction, '--output', snapshot, cache_home=cache)
    assert text == snapshot + '\n'
    with open(snapshot, 'rb') as f:
        assert f.read(8) == SNAPSHOT_MAGIC
    # compile --output reads the JSON only: it leaves no cache entry.
    assert cache_files(cache) == []
    expected = fiction_answers(fiction, '--no-cache', cache_home=cache)
    assert [r['id'] for r in expected[2]] == ['XA', 'XB', 'XB']
    assert fiction_answers(snapshot, cache_home=cache) == expected
    # A snapshot named by --catalog is used as it is, not copied into the cache.
    assert cache_files(cache) == []
    # compile of a snapshot: a copy with --output, nothing into the cache.
    copy = str(tmp_path / 'copy.snapshot')
    run('compile', snapshot, '-o', copy, cache_home=cache)
    assert fiction_answers(copy, cache_home=cache) == expected
    code, _, err = run('compile', snapshot, expect=1, cache_home=cache)
    assert 'a snapshot already' in err
    assert cache_files(cache) == []
    # Over the bundled catalog too.
    assert ids('--catalog', snapshot, 'members', 'fict-org') == ['XA', 'XB', 'XB']


def test_compile_into_the_cache(tmp_path, fiction):
    cache = tmp_path / 'cache'
    entry = cache_entry(cache, fiction)
    _, text, _ = run('compile', fiction, cache_home=cache)
    assert text == entry + '\n'
    assert cache_files(cache) == [os.path.basename(entry)]
    before = identity(entry)
    # The next --catalog run answers from it, without writing it again.
    assert fiction_answers(fiction, cache_home=cache) == \
        fiction_answers(fiction, '--no-cache', cache_home=cache)
    assert identity(entry) == before
    # compile again makes it anew (the old one's time set back to tell them
    # apart: the new file may get the inode the old one freed).
    os.utime(entry, ns=(0, 0))
    run('compile', fiction, cache_home=cache)
    assert identity(entry)[1] != 0
    assert cache_files(cache) == [os.path.basename(entry)]


def test_the_cache_is_made_once_and_follows_the_file(tmp_path, fiction):
    cache = tmp_path / 'cache'
    entry = cache_entry(cache, fiction)
    json_answers = fiction_answers(fiction, '--no-cache', cache_home=cache)
    assert cache_files(cache) == []

    assert fiction_answers(fiction, cache_home=cache) == json_answers
    assert cache_files(cache) == [os.path.basename(entry)]
    made = identity(entry)
    assert fiction_answers(fiction, cache_home=cache) == json_answers
    assert identity(entry) == made

    # The same size and the same modification time, another content: the
    # content hash tells them apart.
    st = os.stat(fiction)
    with open(fiction, encoding='utf-8') as f:
        text = f.read()
    assert text.count('"Atlantis"') == 1
    with open(fiction, 'w', encoding='utf-8') as f:
        f.write(text.replace('"Atlantis"', '"Atlantix"'))
    os.utime(fiction, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert os.stat(fiction).st_size == st.st_size
    assert rows('--no-default', '--catalog', fiction, 'show', 'XA',
                cache_home=cache)['name'] == 'Atlantix'
    assert identity(entry)[0] != made[0]
    assert cache_files(cache) == [os.path.basename(entry)]


def test_the_cache_follows_a_file_that_grows(tmp_path, fiction):
    cache = tmp_path / 'cache'
    entry = cache_entry(cache, fiction)
    run('--no-default', '--catalog', fiction, 'stats', cache_home=cache)
    assert os.path.exists(entry)
    # A catalog that changes size: the answer follows.
    data = json.loads(json.dumps(FICTION))
    data['relations'].append({'kind': 'member-of', 'subject': 'XC', 'object': 'fict-org',
                              'role': 'observer', 'start': '2003'})
    with open(fiction, 'w', encoding='utf-8') as f:
        json.dump(data, f)
    members = json.loads(run('--no-default', '--catalog', fiction, '--format', 'json',
                             'members', 'fict-org', cache_home=cache)[1])
    assert [r['id'] for r in members] == ['XA', 'XB', 'XB', 'XC']


@pytest.mark.parametrize('damage', ['truncated', 'header-cut', 'flipped', 'flipped-header',
                                    'empty', 'not-a-snapshot'])
def test_a_damaged_cache_is_ignored_and_made_again(tmp_path, fiction, damage):
    cache = tmp_path / 'cache'
    entry = cache_entry(cache, fiction)
    json_answers = fiction_answers(fiction, '--no-cache', cache_home=cache)
    run('--no-default', '--catalog', fiction, 'stats', cache_home=cache)
    with open(entry, 'rb') as f:
        good = f.read()
    assert good[:8] == SNAPSHOT_MAGIC and len(good) > 200
    if damage == 'truncated':
        bad = good[:len(good) // 2]
    elif damage == 'header-cut':
        bad = good[:40]
    elif damage == 'flipped':
        i = len(good) * 2 // 3
        bad = good[:i] + bytes([good[i] ^ 0x10]) + good[i + 1:]
    elif damage == 'flipped-header':
        bad = good[:12] + bytes([good[12] ^ 0x01]) + good[13:]
    elif damage == 'empty':
        bad = b''
    else:
        bad = b'{"format": "libiis-catalog"}'
    with open(entry, 'wb') as f:
        f.write(bad)
    damaged = identity(entry)

    # No warning (run() checks), the right answers, and the entry made again …
    assert fiction_answers(fiction, cache_home=cache) == json_answers
    assert cache_files(cache) == [os.path.basename(entry)]
    remade = identity(entry)
    assert remade[0] != damaged[0] and remade[2] == len(good)
    with open(entry, 'rb') as f:
        assert f.read(8) == SNAPSHOT_MAGIC
    # … whole: the next run uses it.
    assert fiction_answers(fiction, cache_home=cache) == json_answers
    assert identity(entry) == remade


def test_a_cache_that_cannot_be_written_only_costs_time(tmp_path, fiction):
    blocked = tmp_path / 'not-a-folder'
    blocked.write_text('')
    assert fiction_answers(fiction, cache_home=blocked) == \
        fiction_answers(fiction, '--no-cache', cache_home=tmp_path / 'unused')
    # compile says so, with the folder it could not make.
    code, text, err = run('compile', fiction, expect=1, cache_home=blocked)
    assert 'not-a-folder' in err and text == ''


def test_no_cache_leaves_no_cache(tmp_path, fiction):
    cache = tmp_path / 'cache'
    run('--no-cache', '--no-default', '--catalog', fiction, 'stats', cache_home=cache)
    run('--no-default', '--catalog', fiction, 'members', 'fict-org', '--no-cache',
        cache_home=cache)
    run('--no-default', '--catalog', fiction, 'stats', cache_home=cache,
        env={'IIS_NO_CACHE': '1'})
    assert not os.path.exists(cache)
    # IIS_NO_CACHE=0 or empty does not turn it off.
    run('--no-default', '--catalog', fiction, 'stats', cache_home=cache,
        env={'IIS_NO_CACHE': '0'})
    assert cache_files(cache) == [os.path.basename(cache_entry(cache, fiction))]
    # A cache entry there is not used either: its damage goes unnoticed.
    entry = cache_entry(cache, fiction)
    with open(entry, 'wb') as f:
        f.write(b'')
    run('--no-cache', '--no-default', '--catalog', fiction, 'stats', cache_home=cache)
    assert os.path.getsize(entry) == 0


def test_compile_errors(tmp_path, fiction):
    cache = tmp_path / 'cache'
    # A fragment over the bundled catalog cannot be compiled alone.
    fragment = os.path.join(SRCDIR, 'data', 'catalog', 'sco.json')
    code, text, err = run('compile', fragment, '--output', str(tmp_path / 'sco.snapshot'),
                          expect=1, cache_home=cache)
    assert 'sco.json' in err and 'another catalog' in err and text == ''
    assert not os.path.exists(tmp_path / 'sco.snapshot')
    run('compile', fragment, expect=1, cache_home=cache)
    assert cache_files(cache) == []
    # A broken or missing file, named.
    broken = tmp_path / 'broken.json'
    broken.write_text('{"format": "libiis-catalog", "version": "1.0", "entities": [}')
    code, _, err = run('compile', str(broken), expect=1, cache_home=cache)
    assert 'broken.json' in err and re.search(r':\d+:\d+:', err)
    code, _, err = run('compile', str(tmp_path / 'absent.json'), expect=1, cache_home=cache)
    assert 'absent.json' in err
    # An output that cannot be written.
    code, _, err = run('compile', fiction, '-o', str(tmp_path / 'no' / 'such' / 'x.snapshot'),
                       expect=1, cache_home=cache)
    assert 'x.snapshot' in err
    # Usage errors.
    for args, message in [(['compile'], 'no FILE given'),
                          (['compile', fiction, 'extra'], 'unexpected argument'),
                          (['compile', '-'], 'standard input'),
                          (['compile', fiction, '--output', fiction], 'FILE itself'),
                          (['--no-cache', 'compile', fiction], '--output'),
                          (['compile', fiction, '-o', ''], 'empty')]:
        code, _, err = run(*args, expect=2, cache_home=cache)
        assert message in err, (args, err)
    code, _, err = run('compile', fiction, expect=2, cache_home=cache, env={'IIS_NO_CACHE': '1'})
    assert 'IIS_NO_CACHE' in err
    with open(fiction, 'rb') as f:
        assert f.read(1) == b'{'


def big_catalog(path, seed, n_states=300, n_orgs=40, n_relations=12000):
    """Writes a catalog of member-of relations drawn at random; returns,
    for org-0 on 2010-01-01, the sorted ids of the members and the number
    of memberships that hold."""
    rnd = random.Random(seed)
    entities = [{'type': 'state', 'id': f'S{i}', 'name': f'State {i}'} for i in range(n_states)]
    entities += [{'type': 'organization', 'id': f'org-{i}', 'name': f'Organization {i}'}
                 for i in range(n_orgs)]
    relations = []
    holding = []
    for _ in range(n_relations):
        subject = f'S{rnd.randrange(n_states)}'
        obj = f'org-{rnd.randrange(n_orgs)}' if rnd.random() > 0.1 else 'org-0'
        start = rnd.randrange(1950, 2020)
        end = start + rnd.randrange(1, 30) if rnd.random() < 0.5 else None
        relation = {'kind': 'member-of', 'subject': subject, 'object': obj, 'role': 'member',
                    'start': f'{start}-06-01'}
        if end is not None:
            relation['end'] = f'{end}-06-01'
        relations.append(relation)
        if obj == 'org-0' and start < 2010 and (end is None or end >= 2010):
            holding.append(subject)
    with open(path, 'w', encoding='utf-8') as f:
        json.dump({'format': 'libiis-catalog', 'version': '1.0', 'entities': entities,
                   'relations': relations}, f)
    return sorted(set(holding)), len(holding)


def test_two_processes_on_a_changed_file(tmp_path):
    """Two iis processes started together on a file that just changed
    both answer from its new content, and leave one whole snapshot."""
    cache = tmp_path / 'cache'
    path = str(tmp_path / 'big.json')
    entry = cache_entry(cache, path)
    args = [TOOL, '--no-default', '--catalog', path, '--format', 'json',
            'members', 'org-0', '--at', '2010-01-01']
    for round in range(5):
        members, count = big_catalog(path, seed=round)
        procs = [subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  env=tool_env(cache)) for _ in range(2)]
        for proc in procs:
            stdout, stderr = proc.communicate(timeout=120)
            assert proc.returncode == 0, stderr.decode()
            assert b'CRITICAL' not in stderr and b'-WARNING' not in stderr, stderr.decode()
            answer = [row['id'] for row in json.loads(stdout)]
            assert len(answer) == count and sorted(set(answer)) == members, round
        # One snapshot, no temporary file left behind …
        assert cache_files(cache) == [os.path.basename(entry)], round
        left = identity(entry)
        # … whole and of the new content: the next run answers from it.
        assert ids('--no-default', '--catalog', path, 'members', 'org-0', '--at', '2010-01-01',
                   cache_home=cache) == answer
        assert identity(entry) == left, round
