# test-chart.py: `iis chart` and `iis report`, on the bundled catalog
#
# Copyright 2026 The libiis authors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# The charts are checked as pictures, against the data: the SVG parses
# (xmllint and Python's XML parser), it has one mark (a transparent
# rectangle with a class and a title, which cairo's own shapes lack) per
# period, step or membership that the catalog holds -- counted here from
# `iis list relations` and `iis members`, never written down -- and the
# PNG drawn at the same size is coloured at the centre of each mark, has
# the size asked for and is not blank. The HTML report is checked for
# anything that could fetch (a src, a stylesheet link, a script) and
# rendered with headless Chromium, whose network log must show no
# request but the page's own file.
#
#   IIS_TOOL=_build/tools/iis IIS_CHARTS=1 /usr/bin/python3 -m pytest -p no:cacheprovider tests/test-chart.py

import html.parser
import importlib.util
import json
import math
import os
import shlex
import shutil
import struct
import subprocess
import tempfile
import xml.etree.ElementTree as ET
import zlib

import pytest

TOOL = os.environ.get('IIS_TOOL')
CHARTS = os.environ.get('IIS_CHARTS') == '1'
SVG = '{http://www.w3.org/2000/svg}'
# A fixed "today", so that the ongoing bars end where the test expects.
EPOCH = '1764806400'   # 2025-12-04

pytestmark = pytest.mark.skipif(TOOL is None or not os.access(TOOL, os.X_OK),
                                reason='IIS_TOOL does not name the built iis program')
needs_charts = pytest.mark.skipif(not CHARTS, reason='iis was built without charts (-Dcharts)')


def load_cli_tests():
    """tests/test-cli.py, for its helpers (the tool's environment, bash
    completion)."""
    spec = importlib.util.spec_from_file_location(
        'test_cli', os.path.join(os.path.dirname(os.path.abspath(__file__)), 'test-cli.py'))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


cli = load_cli_tests()


def tool_env():
    env = cli.tool_env()
    env['SOURCE_DATE_EPOCH'] = EPOCH
    return env


def run(*args, expect=0):
    proc = subprocess.run([TOOL, *args], capture_output=True, env=tool_env(), timeout=120)
    stderr = proc.stderr.decode('utf-8', 'replace')
    assert proc.returncode >= 0, f'iis {args} crashed with signal {-proc.returncode}: {stderr}'
    assert 'CRITICAL' not in stderr and '-WARNING' not in stderr, stderr
    assert proc.returncode == expect, \
        f'iis {" ".join(args)}: exit {proc.returncode}, expected {expect}\n{stderr}'
    return proc.stdout, stderr


def run_json(*args):
    return json.loads(run('--format', 'json', *args)[0])


@pytest.fixture
def tmp():
    with tempfile.TemporaryDirectory(prefix='iis-chart-') as d:
        yield d


# ---- Reading what was drawn ----------------------------------------------

def parse_svg(path):
    if shutil.which('xmllint'):
        subprocess.run(['xmllint', '--noout', path], check=True)
    root = ET.parse(path).getroot()
    assert root.tag == SVG + 'svg'
    return root


def marks(root, klass):
    found = []
    for rect in root.iter(SVG + 'rect'):
        classes = rect.get('class', '').split()
        if 'mark' in classes and klass in classes:
            title = rect.find(SVG + 'title')
            found.append({'classes': classes,
                          'x': float(rect.get('x')), 'y': float(rect.get('y')),
                          'w': float(rect.get('width')), 'h': float(rect.get('height')),
                          'title': title.text if title is not None else ''})
    return found


def read_png(path):
    """Width, height and rows of RGBA bytes of a PNG (8-bit RGBA or RGB,
    as cairo writes them), undoing the scanline filters."""
    with open(path, 'rb') as f:
        data = f.read()
    assert data[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
    pos, idat, width = 8, b'', None
    while pos < len(data):
        length, kind = struct.unpack('>I4s', data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b'IHDR':
            width, height, depth, colour = struct.unpack('>IIBB', body[:10])
            assert depth == 8 and colour in (2, 6), (depth, colour)
            bpp = 4 if colour == 6 else 3
        elif kind == b'IDAT':
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, previous = [], bytearray(stride)
    for y in range(height):
        line = raw[y * (stride + 1):(y + 1) * (stride + 1)]
        kind, row = line[0], bytearray(line[1:])
        if kind == 1:
            for i in range(bpp, stride):
                row[i] = (row[i] + row[i - bpp]) & 0xff
        elif kind == 2:
            for i in range(stride):
                row[i] = (row[i] + previous[i]) & 0xff
        elif kind == 3:
            for i in range(stride):
                left = row[i - bpp] if i >= bpp else 0
                row[i] = (row[i] + ((left + previous[i]) >> 1)) & 0xff
        elif kind == 4:
            for i in range(stride):
                a = row[i - bpp] if i >= bpp else 0
                b = previous[i]
                c = previous[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                row[i] = (row[i] + pred) & 0xff
        rows.append(bytes(row))
        previous = row
    return width, height, bpp, rows


def pixel(png, x, y):
    width, height, bpp, rows = png
    x, y = min(max(int(x), 0), width - 1), min(max(int(y), 0), height - 1)
    return tuple(rows[y][x * bpp:x * bpp + 3])


def ink_fraction(png):
    """The share of pixels that are not (nearly) white."""
    width, height, bpp, rows = png
    ink = 0
    for row in rows[::3]:
        for x in range(0, width, 3):
            if min(row[x * bpp:x * bpp + 3]) < 230:
                ink += 1
    return ink / ((len(rows[::3])) * len(range(0, width, 3)))


def draw(tmp, name, *args, width=1000, height=None):
    """The chart as SVG and as PNG of one size; returns (svg root, png)."""
    size = ['--width', str(width)] + (['--height', str(height)] if height else [])
    svg = os.path.join(tmp, name + '.svg')
    png = os.path.join(tmp, name + '.png')
    run('chart', *args, *size, '--output', svg)
    run('chart', *args, *size, '--format', 'png', '--output', png)
    root = parse_svg(svg)
    picture = read_png(png)
    assert picture[0] == width
    assert picture[1] == (height if height else math.ceil(float(root.get('height').rstrip('px'))))
    assert ink_fraction(picture) > 0.02, 'the PNG is (nearly) blank'
    return root, picture


def assert_marks_drawn(found, picture):
    """Each mark covers drawn ink, not the white page."""
    for mark in found:
        colour = pixel(picture, mark['x'] + mark['w'] / 2, mark['y'] + mark['h'] / 2)
        assert min(colour) < 235, f'nothing drawn under {mark["title"]!r}: {colour}'


# ---- Without charts ------------------------------------------------------

@pytest.mark.skipif(CHARTS, reason='iis was built with charts')
def test_without_charts_chart_says_so():
    _, err = run('chart', 'timeline', 'sco', expect=1)
    assert 'without charts' in err


# ---- Timeline ------------------------------------------------------------

@needs_charts
def test_timeline_sco_one_bar_per_membership(tmp):
    relations = run_json('list', 'relations', 'kind=member-of', 'object=sco')
    assert len(relations) > 10
    root, picture = draw(tmp, 'sco', 'timeline', 'sco', height=900)
    bars = marks(root, 'bar')
    assert len(bars) == len(relations)
    # Per member and per role too.
    for member in {r['subject'] for r in relations}:
        mine = [b for b in bars if f'row-{member}' in b['classes']]
        assert sorted(b['classes'][2] for b in mine) == \
            sorted(r['role'] for r in relations if r['subject'] == member)
    assert_marks_drawn(bars, picture)
    # Changes of role: a member with several periods has bars in sequence
    # on one row, left to right in the order of the dates.
    by = sorted((b for b in bars if 'row-BY' in b['classes']), key=lambda b: b['x'])
    by_roles = [r['role'] for r in sorted((r for r in relations if r['subject'] == 'BY'),
                                          key=lambda r: r['start'])]
    assert [b['classes'][2] for b in by] == by_roles
    assert len({round(b['y']) for b in by}) == 1


@needs_charts
def test_timeline_of_a_state_and_an_agreement(tmp):
    for entity in ('KZ', 'coe-ets-185'):
        if entity == 'KZ':
            expected = sum(len(run_json('list', 'relations', f'kind={k}', 'subject=KZ'))
                           for k in ('member-of', 'signatory-of', 'party-to'))
        else:
            expected = sum(len(run_json('list', 'relations', f'kind={k}', 'object=coe-ets-185'))
                           for k in ('signatory-of', 'party-to'))
        root, picture = draw(tmp, entity, 'timeline', entity)
        bars = marks(root, 'bar')
        assert len(bars) == expected, entity
        assert_marks_drawn(bars, picture)


@needs_charts
def test_timeline_inexact_dates_are_marked(tmp):
    catalog = os.path.join(tmp, 'inexact.json')
    with open(catalog, 'w') as f:
        json.dump({
            'format': 'libiis-catalog', 'version': '1.1',
            'entities': [
                {'type': 'state', 'id': 'XA', 'name': 'Atlantis'},
                {'type': 'state', 'id': 'XB', 'name': 'Борду́рия'},
                {'type': 'state', 'id': 'XC', 'name': '中国'},
                {'type': 'organization', 'id': 'org', 'name': 'منظمة', 'founded': '2000'},
            ],
            'relations': [
                {'kind': 'member-of', 'subject': 'XA', 'object': 'org', 'role': 'member',
                 'start': '2000', 'end': '2010~'},
                {'kind': 'member-of', 'subject': 'XB', 'object': 'org', 'role': 'observer',
                 'start': '../2004'},
                {'kind': 'member-of', 'subject': 'XC', 'object': 'org', 'role': 'member',
                 'start': '2003-05-01'},
            ],
        }, f)
    svg = os.path.join(tmp, 'inexact.svg')
    run('--no-default', '--catalog', catalog, 'chart', 'timeline', 'org', '-o', svg)
    bars = marks(parse_svg(svg), 'bar')
    assert len(bars) == 3
    assert sorted('inexact' in b['classes'] for b in bars) == [False, True, True]
    # The exact bar is the one of XC.
    assert [b for b in bars if 'inexact' not in b['classes']][0]['classes'][3] == 'row-XC'


@needs_charts
def test_timeline_dissolution_ends_the_bars(tmp):
    catalog = os.path.join(tmp, 'pact.json')
    with open(catalog, 'w') as f:
        json.dump({
            'format': 'libiis-catalog', 'version': '1.0',
            'entities': [
                {'type': 'state', 'id': 'XA', 'name': 'Atlantis'},
                {'type': 'organization', 'id': 'pact', 'name': 'Pact', 'founded': '1990',
                 'dissolved': '2000'},
            ],
            'relations': [
                {'kind': 'member-of', 'subject': 'XA', 'object': 'pact', 'role': 'member',
                 'start': '1990'},
            ],
        }, f)
    for entity in ('pact', 'XA'):
        svg = os.path.join(tmp, entity + '.svg')
        run('--no-default', '--catalog', catalog, 'chart', 'timeline', entity,
            '--from', '1990', '--to', '2010', '-o', svg)
        (bar,) = marks(parse_svg(svg), 'bar')
        assert bar['title'].endswith('1990 – 2000'), bar['title']
        # Half of the 20 years shown, not to the right edge.
        root = parse_svg(svg)
        assert bar['w'] < float(root.get('width').rstrip('px')) / 2


@needs_charts
def test_timeline_from_to_keeps_the_periods_shown(tmp):
    relations = run_json('list', 'relations', 'kind=member-of', 'object=sco')
    svg = os.path.join(tmp, 'late.svg')
    run('chart', 'timeline', 'sco', '--from', '2023', '--to', '2025', '-o', svg)
    shown = [r for r in relations
             if (r['end'] is None or r['end'] > '2023') and r['start'] <= '2025']
    assert len(marks(parse_svg(svg), 'bar')) == len(shown) < len(relations)


# ---- Parties -------------------------------------------------------------

def distinct_dates(relations):
    # A date of no known year ("XXXX") is no step: the relation counts
    # from the left edge, as one without a start.
    return {d for r in relations for d in (r['start'], r['end'])
            if d is not None and not d.startswith('XXXX')}


@needs_charts
def test_parties_budapest_one_step_per_date(tmp):
    parties = run_json('list', 'relations', 'kind=party-to', 'object=coe-ets-185')
    signatories = run_json('list', 'relations', 'kind=signatory-of', 'object=coe-ets-185')
    root, picture = draw(tmp, 'budapest', 'parties', 'coe-ets-185', height=600)
    party_steps = marks(root, 'parties')
    assert len(party_steps) == len(distinct_dates(parties)) > 10
    assert len(marks(root, 'signatories')) == len(distinct_dates(signatories))
    assert_marks_drawn(party_steps, picture)
    # The last step reaches the number of parties bound today, counting
    # those whose date is unknown (which the curve counts from the left
    # edge, and the question as possible).
    bound = {p['id'] for p in run_json('parties', 'coe-ets-185', '--at', '2025-12-04',
                                       '--possibly')}
    last = max(party_steps, key=lambda m: m['x'])
    assert last['title'].split(': ')[1].startswith(f'{len(bound)} parties')
    # Steps go left to right in date order.
    ordered = sorted(party_steps, key=lambda m: m['x'])
    dates = [m['title'].split(':')[0] for m in ordered]
    assert dates == sorted(dates, key=lambda d: d.lstrip('.').lstrip('/'))


@needs_charts
def test_parties_compare(tmp):
    svg = os.path.join(tmp, 'two.svg')
    run('chart', 'parties', 'coe-ets-185', '--compare', 'coe-ets-189', '-o', svg)
    root = parse_svg(svg)
    steps = marks(root, 'parties')
    expected = sum(len(distinct_dates(run_json('list', 'relations', 'kind=party-to', f'object={a}')))
                   for a in ('coe-ets-185', 'coe-ets-189'))
    assert len(steps) == expected


# ---- Overlap -------------------------------------------------------------

@needs_charts
def test_overlap_sco_cis_csto(tmp):
    at = '2024-01-01'
    sets = {org: {m['id'] for m in run_json('members', org, '--role', 'member', '--at', at)}
            for org in ('sco', 'cis', 'csto')}
    root, picture = draw(tmp, 'overlap', 'overlap', 'sco', 'cis', 'csto', '--at', at)
    dots = marks(root, 'dot')
    assert len(dots) == sum(len(s) for s in sets.values())
    for org, members in sets.items():
        assert {c[len('row-'):] for d in dots for c in d['classes']
                if c.startswith('row-') and f'in-{org}' in d['classes']} == members
    assert_marks_drawn(dots, picture)


@needs_charts
def test_overlap_of_agreements(tmp):
    svg = os.path.join(tmp, 'treaties.svg')
    run('chart', 'overlap', 'coe-ets-185', 'coe-ets-189', '--at', '2020-01-01', '-o', svg)
    # A state bound twice (two party-to relations) is one dot.
    expected = sum(len({p['id'] for p in run_json('parties', a, '--at', '2020-01-01')})
                   for a in ('coe-ets-185', 'coe-ets-189'))
    assert len(marks(parse_svg(svg), 'dot')) == expected


# ---- Formats and errors --------------------------------------------------

@needs_charts
def test_pdf_and_format_from_name(tmp):
    pdf = os.path.join(tmp, 'sco.pdf')
    run('chart', 'timeline', 'sco', '-o', pdf)
    with open(pdf, 'rb') as f:
        assert f.read(5) == b'%PDF-'
    out, _ = run('chart', 'parties', 'coe-ets-185')
    assert out.startswith(b'<?xml') and b'<svg' in out


@needs_charts
@pytest.mark.parametrize('args, status, message', [
    (['chart'], 2, 'no chart given'),
    (['chart', 'pie', 'sco'], 2, 'unknown chart'),
    (['chart', 'timeline', 'sco', '--format', 'gif'], 2, 'unknown chart format'),
    (['chart', 'timeline'], 2, 'no ENTITY given'),
    (['chart', 'overlap', 'sco'], 2, 'two or three'),
    (['chart', 'overlap', 'sco', 'sco'], 2, 'given twice'),
    (['chart', 'overlap', 'sco', 'RU'], 1, 'neither an organization nor an agreement'),
    (['chart', 'parties', 'sco'], 1, 'not an agreement'),
    (['chart', 'timeline', 'no-such-thing'], 1, 'no entity'),
    (['chart', 'timeline', 'sco', '--from', '2020', '--to', '2010'], 2, '--from must come before'),
    (['chart', 'timeline', 'sco', '--width', '10'], 2, 'sizes run from'),
    (['report', 'sco', '--format', 'pdf'], 2, 'unknown report format'),
    (['chart', 'timeline', 'coe-ets-185', '--height', '200'], 2, 'need a --height of at least'),
])
def test_errors(args, status, message):
    _, err = run(*args, expect=status)
    assert message in err


def test_help_and_completion():
    for command in ('chart', 'report'):
        assert cli.re.search(rf'^  {command} ', run('--help')[0].decode(), cli.re.M)
    assert run('report', '--help')[0].decode().startswith('Usage:\n  iis report ')
    if CHARTS:
        text = run('chart', '--help')[0].decode()
        assert all(f'  {c} ' in text for c in ('timeline', 'parties', 'overlap'))
        assert run('chart', 'parties', '--help')[0].decode().startswith(
            'Usage:\n  iis chart parties ')
    if shutil.which('bash'):
        assert cli.complete('iis', 'cha') == ['chart']
        assert cli.complete('iis', 'chart', '') == ['timeline', 'parties', 'overlap']
        assert cli.complete('iis', 'chart', 'timeline', '--format', '') == ['svg', 'png', 'pdf']
        assert 'coe-ets-185' in cli.complete('iis', 'chart', 'parties', 'coe')
        assert 'sco' not in cli.complete('iis', 'chart', 'parties', 's')
        assert 'csto' in cli.complete('iis', 'chart', 'overlap', 'sco', 'cis', 'cs')
        assert '--compare' in cli.complete('iis', 'chart', 'parties', '--c')
        assert 'sco' in cli.complete('iis', 'report', 'sc')
        assert cli.complete('iis', 'report', '--format', '') == ['html']


# ---- Report --------------------------------------------------------------

class PageScan(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.ids, self.fetching, self.links, self.csp = [], [], [], [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append(tag)
        if 'id' in attrs:
            self.ids.append(attrs['id'])
        for name in ('src', 'srcset', 'data', 'poster', 'background', 'action'):
            if name in attrs:
                self.fetching.append((tag, name, attrs[name]))
        if tag in ('script', 'link', 'iframe', 'object', 'embed', 'img', 'base'):
            self.fetching.append((tag, None, None))
        for name in ('href', 'xlink:href'):
            if name in attrs:
                self.links.append((tag, attrs[name]))
        if tag == 'meta' and attrs.get('http-equiv', '').lower() == 'content-security-policy':
            self.csp = attrs['content']
        for value in attrs.values():
            if value and 'url(' in value and '#' not in value:
                self.fetching.append((tag, 'url()', value))


def scan(page):
    scanner = PageScan()
    scanner.feed(page)
    return scanner


def test_report_is_self_contained(tmp):
    page = os.path.join(tmp, 'sco.html')
    run('report', 'sco', '--output', page)
    with open(page, encoding='utf-8') as f:
        text = f.read()
    s = scan(text)
    assert s.fetching == []
    assert 'default-src \'none\'' in s.csp
    assert '@import' not in text and '@font-face' not in text
    for tag, href in s.links:
        if tag == 'a':
            assert href.startswith('#') or href.startswith(('https://', 'http://')), href
        else:
            assert href.startswith('#'), (tag, href)   # inside the inline SVG
    assert len(s.ids) == len(set(s.ids)), 'ids repeat: the inline charts would mix'
    # Every in-page link has its target.
    for tag, href in s.links:
        if href.startswith('#'):
            assert href[1:] in s.ids, href
    # The facts, the relations and their sources.
    sco = run_json('show', 'sco')
    members = run_json('list', 'relations', 'kind=member-of', 'object=sco')
    assert f'<h1 dir="auto">{sco["name"]}</h1>' in text
    assert f'Members ({len(members)})' in text
    for source in sco['sources']:
        if source['url']:
            assert f'href="{source["url"]}"' in text.replace('&amp;', '&')
    if CHARTS:
        assert s.tags.count('svg') == 1
        assert text.count('class="mark bar') == len(members)
    else:
        assert s.tags.count('svg') == 0


def test_report_labels_in_lang():
    kz = run_json('show', 'KZ')
    cn = run_json('show', 'CN')
    for lang in ('ru', 'zh', 'ar'):
        text = run('--lang', lang, 'report', 'KZ')[0].decode('utf-8')
        assert f'<html lang="{lang}">' in text
        assert f'<h1 dir="auto">{kz["labels"][lang]}</h1>' in text
    # The members of an organization, in the language asked for.
    text = run('--lang', 'ru', 'report', 'sco')[0].decode('utf-8')
    assert cn['labels']['ru'] in text and kz['labels']['ru'] in text


def chromium():
    for name in ('chromium', 'chromium-browser', 'google-chrome'):
        path = shutil.which(name)
        if path:
            return path
    return None


def chromium_page_requests(tmp, page, shot):
    """Opens @page in headless Chromium, saves a screenshot, and returns
    the URLs the page asked the network for, from Chromium's network log:
    the requests whose isolation key is the page's file origin (the
    browser's own update and account checks are not the page's; the host
    rules keep them, and anything else, off the network)."""
    netlog = os.path.join(tmp, 'net.json')
    profile = os.path.join(tmp, 'profile')
    # The suite's settings are for iis: Chromium's own GLib criticals must
    # not abort it, it needs the system's data folders, and a sanitizer
    # preloaded for the checking builds is not for it.
    env = {k: v for k, v in os.environ.items()
           if k not in ('G_DEBUG', 'XDG_DATA_DIRS', 'XDG_DATA_HOME', 'LD_PRELOAD',
                        'ASAN_OPTIONS', 'UBSAN_OPTIONS', 'LSAN_OPTIONS')}
    env['HOME'] = tmp
    proc = subprocess.run([chromium(), '--headless', '--no-sandbox', '--disable-gpu',
                           '--disable-background-networking', '--disable-component-update',
                           '--disable-sync', '--no-first-run', '--no-default-browser-check',
                           '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
                           f'--user-data-dir={profile}',
                           f'--log-net-log={netlog}', '--net-log-capture-mode=Everything',
                           f'--screenshot={shot}', '--window-size=1200,900',
                           'file://' + page],
                          capture_output=True, timeout=180, env=env)
    assert proc.returncode == 0, proc.stderr.decode('utf-8', 'replace')[-2000:]
    with open(netlog, encoding='utf-8') as f:
        log = json.load(f)
    start_job = log['constants']['logEventTypes']['URL_REQUEST_START_JOB']
    requests = []
    for event in log['events']:
        params = event.get('params', {})
        if event['type'] == start_job and 'url' in params:
            if params.get('network_isolation_key', '').startswith('file://') \
               or params.get('initiator') == 'null':
                requests.append(params['url'])
    shutil.rmtree(profile, ignore_errors=True)
    return requests


@pytest.mark.skipif(chromium() is None,
                    reason='Chromium is not installed (Debian package chromium)')
def test_report_in_headless_chromium(tmp):
    # The check can fail: a page that asks for an image is caught.
    control = os.path.join(tmp, 'control.html')
    with open(control, 'w') as f:
        f.write('<!DOCTYPE html><p>control</p><img src="http://127.0.0.1:9/x.png">')
    assert 'http://127.0.0.1:9/x.png' in \
        chromium_page_requests(tmp, control, os.path.join(tmp, 'control.png'))

    page = os.path.join(tmp, 'budapest.html')
    shot = os.path.join(tmp, 'shot.png')
    run('report', 'coe-ets-185', '--output', page)
    requests = chromium_page_requests(tmp, page, shot)
    assert [u for u in requests if not u.startswith(('file:', 'data:'))] == []
    picture = read_png(shot)
    assert picture[:2] == (1200, 900)
    assert ink_fraction(picture) > 0.02, 'the screenshot is blank'


# ---- The guide's images --------------------------------------------------

@needs_charts
def test_charts_page_commands_make_its_images(tmp):
    """Each chart command shown in docs/charts.md runs and makes a picture
    of the size of the image the page shows, and the page shows each
    image it has a command for."""
    srcdir = os.environ.get('IIS_SOURCE_ROOT',
                            os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    with open(os.path.join(srcdir, 'docs', 'charts.md'), encoding='utf-8') as f:
        page = f.read()
    commands = [line for line in page.splitlines() if line.startswith('iis ') and ' chart ' in line
                or line.startswith('iis chart ')]
    assert len(commands) >= 4
    for line in commands:
        args = shlex.split(line)[1:]
        name = args[args.index('-o') + 1]
        assert f']({name})' in page, f'{name} is not shown'
        args[args.index('-o') + 1] = os.path.join(tmp, name)
        run(*args)
        made = read_png(os.path.join(tmp, name))
        shown = read_png(os.path.join(srcdir, 'docs', 'images', name))
        assert made[:2] == shown[:2], name
        assert ink_fraction(shown) > 0.02
