# test-export.py: `iis export` to SQLite and to linked data, checked
# against the library's own answers
#
# Copyright 2026 The libiis authors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Each test exports a catalog with the built tool (IIS_TOOL), asks a
# question in SQL (python3's sqlite3) or SPARQL (rdflib, skipped where
# python3-rdflib is not installed), and compares the answer with the one
# the library gives through the tool's own questions (`iis members`,
# `iis parties`, `iis agreements`), at several dates.
#
#   IIS_TOOL=_build/tools/iis /usr/bin/python3 -m pytest -p no:cacheprovider tests/test-export.py

import importlib.util
import json
import os
import sqlite3

import pytest

TOOL = os.environ.get('IIS_TOOL')
SRCDIR = os.environ.get('IIS_SOURCE_ROOT',
                        os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

pytestmark = pytest.mark.skipif(TOOL is None or not os.access(TOOL, os.X_OK),
                                reason='IIS_TOOL does not name the built iis program')

try:
    import rdflib
except ImportError:
    rdflib = None

needs_rdflib = pytest.mark.skipif(rdflib is None,
                                  reason='python3-rdflib is not installed')

DATES = ['1999-01-01', '2002-06-15', '2005-06-15', '2010-06-01', '2015-07-10',
         '2017-06-09', '2018-01-01', '2024-01-01']
STATES = ['RU', 'CN', 'FR', 'US', 'KZ', 'GB']
INEXACT = os.path.join(SRCDIR, 'tests', 'data', 'inexact.json')


# The tool's runner of tests/test-cli.py: the same environment, and the
# same checks that nothing crashed or warned.
_spec = importlib.util.spec_from_file_location(
    'iis_test_cli', os.path.join(os.path.dirname(os.path.abspath(__file__)), 'test-cli.py'))
_cli = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_cli)


def run(*args, expect=0):
    return _cli.run(*args, expect=expect)


def library_ids(*args):
    """The ids the library answers, through the tool's JSON output."""
    return sorted({row['id'] for row in json.loads(run('--format', 'json', *args)[1])})


# ---------------------------------------------------------------------------
# SQLite

# The queries of docs/interoperability.md: what certainly holds at a day.
SQL_HOLDS = '''
  (start_latest IS NULL OR start_latest <= :at)
  AND (end_earliest IS NULL OR end_earliest > :at)
  AND (subject_ceased_earliest IS NULL OR subject_ceased_earliest > :at)
  AND (object_ceased_earliest IS NULL OR object_ceased_earliest > :at)'''

SQL_MEMBERS = '''
SELECT DISTINCT member_id FROM memberships
WHERE organization_id = :org AND (:role IS NULL OR role = :role) AND ''' + SQL_HOLDS + '''
ORDER BY member_id'''

SQL_PARTIES = '''
SELECT DISTINCT party_id FROM parties
WHERE agreement_id = :agreement AND ''' + SQL_HOLDS + '''
ORDER BY party_id'''

SQL_AGREEMENTS = '''
SELECT DISTINCT agreement_id FROM parties
WHERE party_id = :party AND ''' + SQL_HOLDS + '''
ORDER BY agreement_id'''

# And what possibly holds (`--possibly`): begun at the earliest reading
# of the start, not ended at the latest reading of the end.
SQL_POSSIBLY_MEMBERS = '''
SELECT DISTINCT member_id FROM memberships
WHERE organization_id = :org
  AND (start_earliest IS NULL OR start_earliest <= :at)
  AND (end_latest IS NULL OR end_latest > :at)
  AND (object_ceased_latest IS NULL OR object_ceased_latest > :at)
ORDER BY member_id'''


@pytest.fixture(scope='module')
def bundled_db(tmp_path_factory):
    path = str(tmp_path_factory.mktemp('sqlite') / 'iis.sqlite')
    run('export', '--format', 'sqlite', path)
    db = sqlite3.connect(path)
    yield db
    db.close()


def column(db, sql, **params):
    return [row[0] for row in db.execute(sql, params)]


def test_sqlite_holds_the_whole_catalog(bundled_db):
    stats = json.loads(run('--format', 'json', 'stats')[1])
    text = json.dumps(stats)
    n_entities = bundled_db.execute('SELECT count(*) FROM entities').fetchone()[0]
    n_relations = bundled_db.execute('SELECT count(*) FROM relations').fetchone()[0]
    assert str(n_entities) in text and str(n_relations) in text, (n_entities, n_relations, stats)
    meta = dict(bundled_db.execute('SELECT key, value FROM meta'))
    assert meta['format'] == 'libiis-sqlite'
    assert meta['id-base'] == 'https://libiis.org/id/'
    # Every relation's ends are entities, and the views see them all.
    assert bundled_db.execute('''SELECT count(*) FROM relations r
                                 LEFT JOIN entities e ON e.id = r.object_id
                                 WHERE e.id IS NULL''').fetchone()[0] == 0
    assert bundled_db.execute('SELECT count(*) FROM relations_named').fetchone()[0] == n_relations


@pytest.mark.parametrize('at', DATES)
def test_sql_members_of_the_sco(bundled_db, at):
    for role in ['member', None]:
        expected = library_ids('members', 'sco', '--at', at, *(['--role', role] if role else []))
        assert column(bundled_db, SQL_MEMBERS, org='sco', role=role, at=at) == expected
    if at >= '2018':
        assert len(column(bundled_db, SQL_MEMBERS, org='sco', role='member', at=at)) >= 8


@pytest.mark.parametrize('at', DATES)
def test_sql_parties_of_the_budapest_convention(bundled_db, at):
    expected = library_ids('parties', 'coe-ets-185', '--at', at)
    assert column(bundled_db, SQL_PARTIES, agreement='coe-ets-185', at=at) == expected
    if at >= '2010':
        assert len(expected) > 20


@pytest.mark.parametrize('state', STATES)
def test_sql_agreements_of_a_state(bundled_db, state):
    # Four dates a state: each answer is a run of the tool.
    for at in DATES[1::2]:
        expected = library_ids('agreements', state, '--at', at)
        assert column(bundled_db, SQL_AGREEMENTS, party=state, at=at) == expected, (state, at)


def test_sql_keeps_labels_identifiers_qualifiers_and_sources(bundled_db):
    catalog = json.loads(run('export', '--format', 'json')[1])
    entities = {e['id']: e for e in catalog['entities']}
    for state in STATES:
        entity = entities[state]
        assert dict(bundled_db.execute('SELECT lang, text FROM labels WHERE entity_id = ?',
                                       (state,))) == entity.get('labels', {})
        assert dict(bundled_db.execute('SELECT scheme, value FROM identifiers WHERE entity_id = ?',
                                       (state,))) == entity.get('identifiers', {})
        titles = column(bundled_db, """SELECT s.title FROM entity_sources es
                                       JOIN sources s ON s.id = es.source_id
                                       WHERE es.entity_id = :id ORDER BY s.title""", id=state)
        assert titles == sorted(s['title'] for s in entity.get('sources', []))
    # The relations in the file's order, with their qualifiers and sources.
    located = 0
    for number, relation in enumerate(catalog['relations'][:400], start=1):
        row = bundled_db.execute('SELECT kind, subject_id, object_id, role, start, "end" '
                                 'FROM relations WHERE id = ?', (number,)).fetchone()
        assert row == (relation['kind'], relation['subject'], relation['object'],
                       relation.get('role'), relation.get('start'), relation.get('end'))
        assert dict(bundled_db.execute('SELECT key, value FROM relation_qualifiers '
                                       'WHERE relation_id = ?', (number,))) == \
            relation.get('qualifiers', {})
        cited = bundled_db.execute("""SELECT s.url, s.locator FROM relation_sources rs
                                      JOIN sources s ON s.id = rs.source_id
                                      WHERE rs.relation_id = ? ORDER BY rs.rowid""",
                                   (number,)).fetchall()
        assert cited == [(s.get('url'), s.get('locator')) for s in relation.get('sources', [])]
        located += sum(1 for _, locator in cited if locator)
    assert located > 100


def test_sql_inexact_dates_in_both_modes(tmp_path):
    path = str(tmp_path / 'inexact.sqlite')
    run('--no-default', '--catalog', INEXACT, 'export', '--format', 'sqlite', path)
    db = sqlite3.connect(path)
    try:
        starts = dict(db.execute("SELECT member_id, start FROM memberships"))
        assert starts['AA'] == '2005?'
        for at in ['1993-01-01', '2004-06-01', '2005-06-01', '2007-01-01', '2012-01-01', '2030-01-01']:
            certain = library_ids('--no-default', '--catalog', INEXACT, 'members', 'org', '--at', at)
            possible = library_ids('--no-default', '--catalog', INEXACT, 'members', 'org',
                                   '--at', at, '--possibly')
            assert column(db, SQL_MEMBERS, org='org', role=None, at=at) == certain, at
            assert column(db, SQL_POSSIBLY_MEMBERS, org='org', at=at) == possible, at
    finally:
        db.close()


def test_sqlite_needs_a_file_and_a_writable_place(tmp_path):
    code, _, err = run('export', '--format', 'sqlite', expect=2)
    assert 'FILE' in err
    target = str(tmp_path / 'no-such-dir' / 'x.sqlite')
    code, _, err = run('export', '--format', 'sqlite', target, expect=1)
    assert 'no-such-dir' in err
    # An export that fails leaves an older file whole.
    old = tmp_path / 'old.sqlite'
    old.write_bytes(b'old')
    os.chmod(tmp_path, 0o500)
    try:
        if os.access(str(tmp_path), os.W_OK):
            pytest.skip('running as a user that writes anywhere')
        run('export', '--format', 'sqlite', str(old), expect=1)
    finally:
        os.chmod(tmp_path, 0o700)
    assert old.read_bytes() == b'old'


def test_sqlite_filtered_by_kind_and_date(tmp_path):
    path = str(tmp_path / 'members.sqlite')
    run('export', '--format', 'sqlite', '--kind', 'member-of', '--at', '2018-01-01', path)
    db = sqlite3.connect(path)
    try:
        kinds = column(db, 'SELECT DISTINCT kind FROM relations')
        assert kinds == ['member-of']
        members = column(db, "SELECT member_id FROM memberships WHERE organization_id = 'sco' "
                             "AND role = 'member' ORDER BY member_id")
        assert members == library_ids('members', 'sco', '--role', 'member', '--at', '2018-01-01')
        # Only the entities the kept relations join.
        ends = set(column(db, 'SELECT subject_id FROM relations UNION SELECT object_id FROM relations'))
        assert set(column(db, 'SELECT id FROM entities')) == ends
    finally:
        db.close()


# ---------------------------------------------------------------------------
# Linked data

SPARQL_PREFIXES = '''
PREFIX id: <https://libiis.org/id/>
PREFIX iis: <https://libiis.org/ns#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
'''

SPARQL_HOLDS = '''
  OPTIONAL { ?r iis:startLatest ?start }
  OPTIONAL { ?r iis:endEarliest ?end }
  OPTIONAL { ?r iis:subject ?s . ?s iis:ceasedEarliest ?sc }
  OPTIONAL { ?r iis:object ?o . ?o iis:ceasedEarliest ?oc }
  FILTER ((!BOUND(?start) || ?start <= ?at) && (!BOUND(?end) || ?end > ?at)
          && (!BOUND(?sc) || ?sc > ?at) && (!BOUND(?oc) || ?oc > ?at))
'''

SPARQL_MEMBERS = SPARQL_PREFIXES + '''
SELECT DISTINCT ?who WHERE {
  ?r a org:Membership ; org:organization id:sco ; org:member ?who ; org:role "member" .
''' + SPARQL_HOLDS + '}'

SPARQL_PARTIES = SPARQL_PREFIXES + '''
SELECT DISTINCT ?who WHERE {
  ?r iis:kind "party-to" ; iis:object <https://libiis.org/id/coe-ets-185> ; iis:subject ?who .
''' + SPARQL_HOLDS + '}'

SPARQL_AGREEMENTS = SPARQL_PREFIXES + '''
SELECT DISTINCT ?who WHERE {
  ?r iis:kind "party-to" ; iis:subject ?party ; iis:object ?who .
''' + SPARQL_HOLDS + '}'

BASE = 'https://libiis.org/id/'


def sparql_ids(graph, query, at, **bindings):
    bindings['at'] = rdflib.Literal(at, datatype=rdflib.XSD.date)
    result = graph.query(query, initBindings=bindings)
    return sorted(str(row[0])[len(BASE):] for row in result)


@pytest.fixture(scope='module')
def graphs(tmp_path_factory):
    if rdflib is None:
        pytest.skip('python3-rdflib is not installed')
    folder = tmp_path_factory.mktemp('rdf')
    parsed = {}
    for syntax, rdflib_format in [('turtle', 'turtle'), ('jsonld', 'json-ld'), ('ntriples', 'nt')]:
        path = str(folder / f'iis.{syntax}')
        run('export', '--format', syntax, path)
        graph = rdflib.Graph()
        graph.parse(path, format=rdflib_format)
        parsed[syntax] = graph
    return parsed


@needs_rdflib
def test_rdf_syntaxes_hold_the_same_graph(graphs):
    sizes = {syntax: len(graph) for syntax, graph in graphs.items()}
    assert len(set(sizes.values())) == 1, sizes
    n_relations = len(json.loads(run('--format', 'json', 'export', '--format', 'json')[1])['relations'])
    relation_nodes = set(graphs['turtle'].subjects(rdflib.RDF.type,
                                                   rdflib.URIRef('https://libiis.org/ns#Relation')))
    assert len(relation_nodes) == n_relations


@needs_rdflib
@pytest.mark.parametrize('syntax', ['turtle', 'jsonld'])
def test_sparql_members_of_the_sco(graphs, syntax):
    for at in DATES:
        assert sparql_ids(graphs[syntax], SPARQL_MEMBERS, at) == \
            library_ids('members', 'sco', '--role', 'member', '--at', at), at


@needs_rdflib
@pytest.mark.parametrize('syntax', ['turtle', 'jsonld'])
def test_sparql_parties_of_the_budapest_convention(graphs, syntax):
    for at in DATES:
        assert sparql_ids(graphs[syntax], SPARQL_PARTIES, at) == \
            library_ids('parties', 'coe-ets-185', '--at', at), at


@needs_rdflib
@pytest.mark.parametrize('syntax', ['turtle', 'jsonld'])
def test_sparql_agreements_of_a_state(graphs, syntax):
    for state in STATES:
        for at in ['2005-06-15', '2018-01-01']:
            assert sparql_ids(graphs[syntax], SPARQL_AGREEMENTS, at,
                              party=rdflib.URIRef(BASE + state)) == \
                library_ids('agreements', state, '--at', at), (state, at)


@needs_rdflib
def test_rdf_dates_keep_their_precision_and_edtf(tmp_path):
    path = str(tmp_path / 'inexact.ttl')
    run('--no-default', '--catalog', INEXACT, 'export', '--format', 'turtle', path)
    graph = rdflib.Graph()
    graph.parse(path, format='turtle')
    starts = {}
    for r in graph.subjects(rdflib.URIRef('https://libiis.org/ns#kind'), rdflib.Literal('member-of')):
        who = str(graph.value(r, rdflib.URIRef('http://www.w3.org/ns/org#member')))[len(BASE):]
        starts[who] = graph.value(r, rdflib.URIRef('http://schema.org/validFrom'))
    assert str(starts['AA']) == '2005?'
    assert starts['AA'].datatype == rdflib.URIRef('http://id.loc.gov/datatypes/edtf/EDTF')
    assert str(starts['DD']) == '1992-03-02' and starts['DD'].datatype == rdflib.XSD.date
    assert starts['BB'].datatype == rdflib.XSD.gYear


def test_rdf_text_is_escaped(tmp_path):
    catalog = tmp_path / 'quotes.json'
    catalog.write_text(json.dumps({
        'format': 'libiis-catalog', 'version': '1.0',
        'entities': [{'type': 'state', 'id': 'XQ', 'name': 'A "quoted"\\name\nwith a line'},
                     {'type': 'organization', 'id': 'odd id/é', 'name': 'Odd'}],
        'relations': [{'kind': 'member-of', 'subject': 'XQ', 'object': 'odd id/é', 'role': 'member'}],
    }), encoding='utf-8')
    for syntax in ['turtle', 'ntriples', 'jsonld']:
        text = run('--no-default', '--catalog', str(catalog), 'export', '--format', syntax)[1]
        if rdflib is None:
            continue
        graph = rdflib.Graph()
        graph.parse(data=text, format={'turtle': 'turtle', 'ntriples': 'nt', 'jsonld': 'json-ld'}[syntax])
        names = {str(o) for o in graph.objects(rdflib.URIRef(BASE + 'XQ'),
                                               rdflib.URIRef('http://www.w3.org/2004/02/skos/core#prefLabel'))}
        if syntax == 'ntriples':
            # rdflib 6.1's N-Triples reader unescapes “\\n” as a backslash
            # and a newline; the text is checked as written instead.
            assert r'"A \"quoted\"\\name\nwith a line"' in text
        else:
            assert names == {'A "quoted"\\name\nwith a line'}, syntax
        assert (rdflib.URIRef(BASE + 'XQ'), rdflib.URIRef('http://www.wikidata.org/prop/direct/P463'),
                rdflib.URIRef(BASE + 'odd%20id%2F%C3%A9')) in graph, syntax


# ---------------------------------------------------------------------------
# Import

IMPORT_DATA = os.path.join(SRCDIR, 'tests', 'data', 'import')
MAPS = os.path.join(SRCDIR, 'data', 'maps')
SAMPLE = ['--no-default', '--catalog', os.path.join(IMPORT_DATA, 'sample-catalog.json')]


def test_import_writes_a_catalog_file_and_reports_unmatched_rows(tmp_path):
    out = str(tmp_path / 'huggo.json')
    code, stdout, stderr = run(*SAMPLE, 'import', '--map', os.path.join(MAPS, 'huggo.json'),
                               os.path.join(IMPORT_DATA, 'huggo-sample.csv'), '-o', out)
    assert stdout == ''
    assert 'huggo-sample.csv: row 5 (line 6)' in stderr and 'QQQ' in stderr
    with_import = SAMPLE + ['--catalog', out]
    assert library_ids(*with_import, 'parties', 'sample-convention', '--at', '2010-01-01') == ['XA', 'XC']
    assert library_ids(*with_import, 'signatories', 'sample-convention') == ['XA', 'XB']
    # The standard output without -o: the same document.
    assert run(*SAMPLE, 'import', '--map', os.path.join(MAPS, 'huggo.json'),
               os.path.join(IMPORT_DATA, 'huggo-sample.csv'))[1] == open(out, encoding='utf-8').read()


def test_import_then_export_keeps_every_value(tmp_path):
    """Each matched row's dates and values come back out of SQL."""
    import csv
    out = str(tmp_path / 'huggo.json')
    run(*SAMPLE, 'import', '--map', os.path.join(MAPS, 'huggo.json'),
        os.path.join(IMPORT_DATA, 'huggo-sample.csv'), '-o', out)
    db_path = str(tmp_path / 'huggo.sqlite')
    run(*SAMPLE, '--catalog', out, 'export', '--format', 'sqlite', db_path)
    db = sqlite3.connect(db_path)
    codes = dict(db.execute("SELECT value, entity_id FROM entity_properties WHERE property = 'alpha-3'"))
    agreements = dict(db.execute("SELECT value, entity_id FROM identifiers WHERE scheme = 'huggo'"))
    with open(os.path.join(IMPORT_DATA, 'huggo-sample.csv'), encoding='utf-8', newline='') as f:
        rows = [r for r in csv.DictReader(f) if r['stateID'] in codes]
    assert len(rows) == 4
    for row in rows:
        key = (codes[row['stateID']], agreements[row['manyID']])
        signed = db.execute('SELECT signed FROM signatures WHERE signatory_id = ? AND agreement_id = ?',
                            key).fetchall()
        assert signed == ([(row['Signature'],)] if row['Signature'] else [])
        party = db.execute('SELECT start, "end", deposit, consent FROM parties '
                           'WHERE party_id = ? AND agreement_id = ?', key).fetchall()
        expected = (row['Force'], row['End'] or None, row['Ratification'] or None,
                    'succession' if row['Succession'] == '1' else None)
        assert party == ([expected] if row['Force'] else [])
    db.close()


def test_import_errors_name_the_row_and_write_nothing(tmp_path):
    table = tmp_path / 'bad.csv'
    table.write_text('mitch_id,country,tsig,teif,texit,tratif\n'
                     '9001,Atlantis,20011123,20040701,,\n'
                     '9001,Borduria,2001-11-23,,,\n', encoding='utf-8')
    out = tmp_path / 'out.json'
    _, stdout, stderr = run(*SAMPLE, 'import', '--map', os.path.join(MAPS, 'ieadb.json'),
                            str(table), '-o', str(out), expect=1)
    assert 'bad.csv: row 2 (line 3), column “tsig”' in stderr and '2001-11-23' in stderr
    assert not out.exists()
    _, _, stderr = run(*SAMPLE, 'import', str(table), expect=2)
    assert '--map' in stderr
    bad_map = tmp_path / 'map.json'
    bad_map.write_text('{"format": "libiis-table-map", "version": "1.0", "subject": "who",'
                       ' "object": "mitch_id", "relations": [{"kind": "party-to"}]}', encoding='utf-8')
    _, _, stderr = run(*SAMPLE, 'import', '--map', str(bad_map), str(table), expect=1)
    assert 'map.json: subject: the table has no column “who”' in stderr


# ---------------------------------------------------------------------------
# Wikidata QuickStatements

def test_quickstatements_for_entities_with_wikidata_ids(tmp_path):
    # The Wikidata sandbox items stand for the states and the treaty.
    catalog = tmp_path / 'wd.json'
    catalog.write_text(json.dumps({
        'format': 'libiis-catalog', 'version': '1.1',
        'entities': [
            {'type': 'state', 'id': 'XA', 'name': 'Atlantis', 'identifiers': {'wikidata': 'Q4115189'}},
            {'type': 'state', 'id': 'XB', 'name': 'Borduria', 'identifiers': {'wikidata': 'Q13406268'}},
            {'type': 'state', 'id': 'XC', 'name': 'Carpania'},
            {'type': 'organization', 'id': 'org', 'name': 'Org', 'identifiers': {'wikidata': 'Q15397819'}},
            {'type': 'agreement', 'id': 'treaty', 'name': 'Treaty', 'identifiers': {'wikidata': 'Q4115189'}},
        ],
        'relations': [
            {'kind': 'signatory-of', 'subject': 'XA', 'object': 'treaty', 'start': '2001-11-23',
             'sources': [{'title': 'Chart', 'url': 'https://example.org/chart'}]},
            {'kind': 'party-to', 'subject': 'XA', 'object': 'treaty', 'role': 'ratification',
             'start': '2004-07-01', 'qualifiers': {'deposit': '2004-03-12'}},
            {'kind': 'party-to', 'subject': 'XB', 'object': 'treaty', 'start': '2005?'},
            {'kind': 'party-to', 'subject': 'XC', 'object': 'treaty', 'start': '2006'},
            {'kind': 'member-of', 'subject': 'XB', 'object': 'org', 'role': 'member',
             'start': '1999-05', 'end': '2010'},
        ],
    }), encoding='utf-8')
    _, text, stderr = run('--no-default', '--catalog', str(catalog), 'export', '--format', 'quickstatements')
    lines = sorted(line.split('\t') for line in text.splitlines())
    assert lines == sorted([
        ['Q4115189', 'P1891', 'Q4115189', 'P585', '+2001-11-23T00:00:00Z/11', 'S854', '"https://example.org/chart"'],
        ['Q4115189', 'P6193', 'Q4115189', 'P585', '+2004-03-12T00:00:00Z/11'],
        # An inexact date is left out; Carpania has no Wikidata id.
        ['Q4115189', 'P6193', 'Q13406268'],
        ['Q13406268', 'P463', 'Q15397819', 'P580', '+1999-05-00T00:00:00Z/10',
         'P582', '+2010-00-00T00:00:00Z/9'],
    ])
    assert '1 signatures, ratifications and memberships left out' in stderr


def test_import_export_import_keeps_every_value(tmp_path):
    """The relations of a table, exported as CSV and imported again with
    a map of that CSV, are the same relations."""
    first = str(tmp_path / 'first.json')
    run(*SAMPLE, 'import', '--map', os.path.join(MAPS, 'huggo.json'),
        os.path.join(IMPORT_DATA, 'huggo-sample.csv'), '-o', first)
    second = str(tmp_path / 'second.json')
    for kind in ['signatory-of', 'party-to']:
        exported = tmp_path / f'{kind}.csv'
        exported.write_text(run(*SAMPLE, '--catalog', first, 'export', '--format', 'csv',
                                '--kind', kind)[1], encoding='utf-8')
        column_map = tmp_path / f'{kind}.map.json'
        column_map.write_text(json.dumps({
            'format': 'libiis-table-map', 'version': '1.0',
            'subject': 'subject', 'object': 'object',
            'relations': [{'kind': kind, 'start': 'start', 'end': 'end', 'role': 'role'}],
        }), encoding='utf-8')
        run(*SAMPLE, *(['--catalog', second] if kind == 'party-to' else []), 'import',
            '--map', str(column_map), str(exported), '-o', str(tmp_path / f'{kind}.json'))
        if kind == 'signatory-of':
            os.rename(tmp_path / f'{kind}.json', second)
    again = SAMPLE + ['--catalog', second, '--catalog', str(tmp_path / 'party-to.json')]

    def relations(catalog_args):
        document = json.loads(run(*catalog_args, 'export', '--format', 'json')[1])
        return sorted((r['kind'], r['subject'], r['object'], r.get('role'), r.get('start'), r.get('end'))
                      for r in document['relations'])

    assert relations(SAMPLE + ['--catalog', first]) == relations(again)
    assert len(relations(again)) == 6


def test_maps_and_imported_documents_follow_their_schemas(tmp_path):
    jsonschema = pytest.importorskip('jsonschema', reason='python3-jsonschema is not installed')
    with open(os.path.join(SRCDIR, 'data', 'iis-table-map.schema.json'), encoding='utf-8') as f:
        map_schema = json.load(f)
    with open(os.path.join(SRCDIR, 'data', 'iis-catalog.schema.json'), encoding='utf-8') as f:
        catalog_schema = json.load(f)
    table = os.path.join(IMPORT_DATA, 'huggo-sample.csv')
    for name, sample in [('huggo.json', 'huggo-sample.csv'), ('ieadb.json', 'ieadb-sample.csv')]:
        with open(os.path.join(MAPS, name), encoding='utf-8') as f:
            jsonschema.validate(json.load(f), map_schema)
        document = run(*SAMPLE, 'import', '--map', os.path.join(MAPS, name),
                       os.path.join(IMPORT_DATA, sample))[1]
        jsonschema.validate(json.loads(document), catalog_schema)
    # What the schema refuses, the library refuses too.
    good = {'format': 'libiis-table-map', 'version': '1.0', 'subject': 'stateID',
            'object': 'manyID', 'relations': [{'kind': 'party-to', 'start': 'Force'}]}
    bad_maps = [
        dict(good, version='2.0'),
        dict(good, relations=[]),
        dict(good, subject={'column': 'stateID', 'match': 'cow'}),
        dict(good, relations=[{'kind': 'party-to', 'start': {'column': 'Force', 'value': 'x'}}]),
        dict(good, delimiter=';;'),
    ]
    for bad in bad_maps:
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(bad, map_schema)
        path = tmp_path / 'bad-map.json'
        path.write_text(json.dumps(bad), encoding='utf-8')
        assert 'bad-map.json: ' in run(*SAMPLE, 'import', '--map', str(path), table, expect=1)[2]
    jsonschema.validate(good, map_schema)
