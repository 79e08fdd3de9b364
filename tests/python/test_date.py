# test_date.py: Iis.Date from Python (the C API and the overrides)
#
# Copyright 2026 The libiis authors
# SPDX-License-Identifier: LGPL-2.1-or-later

import datetime
import pickle

import pytest
from gi.repository import GLib, Iis

P = Iis.DatePrecision


def test_new_and_parts():
    d = Iis.Date.new(2017, 2, 2)
    assert (d.get_year(), d.get_month(), d.get_day()) == (2017, 2, 2)
    assert d.get_precision() == P.DAY
    assert Iis.Date.new(2017, 2, 0).get_precision() == P.MONTH
    assert Iis.Date.new(2017, 0, 0).get_precision() == P.YEAR


@pytest.mark.parametrize('text,precision', [
    ('2017', P.YEAR), ('2017-02', P.MONTH), ('2017-02-02', P.DAY),
    ('0001-01-01', P.DAY), ('9999-12-31', P.DAY), ('2000-02-29', P.DAY),
])
def test_parse_round_trip(text, precision):
    d = Iis.Date.parse(text)
    assert d.get_precision() == precision
    assert d.to_string() == text


@pytest.mark.parametrize('text,fragment', [
    ('2017-13-40', 'month 13 is out of range'),
    ('2017-02-30', 'February 2017 has 28 days'),
    ('1900-02-29', 'February 1900 has 28 days'),
    ('2017-02-00', 'day 0 is out of range'),
])
def test_parse_invalid_value(text, fragment):
    with pytest.raises(GLib.Error) as info:
        Iis.Date.parse(text)
    error = info.value
    assert error.domain == GLib.quark_to_string(Iis.error_quark())
    assert error.code == Iis.Error.INVALID_VALUE
    assert error.matches(Iis.error_quark(), Iis.Error.INVALID_VALUE)
    assert text in error.message
    assert fragment in error.message


@pytest.mark.parametrize('text', ['', 'yesterday', '2017-1-1', '17',
                                  '2017-02-02 10:00', ' 2017'])
def test_parse_malformed(text):
    with pytest.raises(GLib.Error) as info:
        Iis.Date.parse(text)
    assert info.value.matches(Iis.error_quark(), Iis.Error.INVALID_VALUE)
    assert f'“{text}”' in info.value.message
    assert 'expected YYYY, YYYY-MM or YYYY-MM-DD' in info.value.message


def test_new_checked():
    assert Iis.Date.new_checked(2016, 2, 29).to_string() == '2016-02-29'
    with pytest.raises(GLib.Error) as info:
        Iis.Date.new_checked(2015, 2, 29)
    assert info.value.matches(Iis.error_quark(), Iis.Error.INVALID_VALUE)
    with pytest.raises(GLib.Error):
        Iis.Date.new_checked(2015, 0, 3)


def test_is_valid():
    assert Iis.Date.is_valid(2000, 2, 29)
    assert not Iis.Date.is_valid(1900, 2, 29)
    assert Iis.Date.is_valid(2017, 0, 0)
    assert not Iis.Date.is_valid(0, 1, 1)


def test_compare_total_order():
    texts = ['2017', '2017-01', '2017-01-01', '2017-01-02', '2017-02', '2018']
    dates = [Iis.Date.parse(t) for t in texts]
    for i, a in enumerate(dates):
        for j, b in enumerate(dates):
            expected = (i > j) - (i < j)
            got = Iis.Date.compare(a, b)
            assert (got > 0) - (got < 0) == expected, (texts[i], texts[j])


def test_compare_coarse():
    year = Iis.Date.parse('2017')
    assert Iis.Date.compare_coarse(year, Iis.Date.parse('2017-06-01')) == 0
    assert Iis.Date.compare_coarse(Iis.Date.parse('2017-05'),
                                   Iis.Date.parse('2017-06-01')) < 0
    assert Iis.Date.compare(year, Iis.Date.parse('2017-06-01')) < 0


def test_equal_and_hash():
    a, b = Iis.Date.parse('2017-02'), Iis.Date.new(2017, 2, 0)
    assert Iis.Date.equal(a, b)
    assert a.hash() == b.hash()
    assert not Iis.Date.equal(a, Iis.Date.parse('2017'))


def test_copy_is_independent():
    a = Iis.Date.parse('2001-06-15')
    b = a.copy()
    assert b is not a
    assert Iis.Date.equal(a, b)


# Overrides

def test_override_constructor_forms():
    assert str(Iis.Date(2018)) == '2018'
    assert str(Iis.Date(2018, 6)) == '2018-06'
    assert str(Iis.Date(2018, 6, 15)) == '2018-06-15'
    assert str(Iis.Date('2018-06')) == '2018-06'
    assert str(Iis.Date(datetime.date(2020, 2, 29))) == '2020-02-29'
    assert str(Iis.Date(datetime.datetime(2020, 3, 1, 12, 0))) == '2020-03-01'
    original = Iis.Date('2001')
    copy = Iis.Date(original)
    assert copy == original and copy is not original
    assert isinstance(Iis.Date(2018), Iis.Date)


def test_override_constructor_errors():
    with pytest.raises(GLib.Error) as info:
        Iis.Date(2017, 2, 30)
    assert info.value.matches(Iis.error_quark(), Iis.Error.INVALID_VALUE)
    with pytest.raises(GLib.Error):
        Iis.Date('2017-13')
    with pytest.raises(TypeError):
        Iis.Date()
    with pytest.raises(TypeError):
        Iis.Date(2017.5)
    with pytest.raises(TypeError):
        Iis.Date(2017, 1, 1, 1)
    with pytest.raises(ValueError):
        Iis.Date(2017, -1)


def test_override_str_repr_attributes():
    d = Iis.Date('2017-02-02')
    assert str(d) == '2017-02-02'
    assert repr(d) == "Iis.Date('2017-02-02')"
    assert eval(repr(d), {'Iis': Iis}) == d
    assert (d.year, d.month, d.day, d.precision) == (2017, 2, 2, P.DAY)
    y = Iis.Date('2017')
    assert (y.year, y.month, y.day, y.precision) == (2017, 0, 0, P.YEAR)


def test_override_comparisons():
    texts = ['2017', '2017-01', '2017-01-01', '2017-01-02', '2017-02']
    dates = [Iis.Date(t) for t in reversed(texts)]
    assert [str(d) for d in sorted(dates)] == texts
    assert Iis.Date('2017') < Iis.Date('2017-01')
    assert Iis.Date('2017-02') > Iis.Date('2017-01-31')
    assert Iis.Date('2017-02') >= Iis.Date(2017, 2)
    assert Iis.Date('2017-02') <= Iis.Date(2017, 2)
    assert Iis.Date('2017') == Iis.Date(2017)
    assert Iis.Date('2017') != Iis.Date('2017-01')
    assert max(dates) == Iis.Date('2017-02')
    # Dates are not strings: no silent coercion in comparisons.
    assert Iis.Date('2017') != '2017'
    with pytest.raises(TypeError):
        Iis.Date('2017') < '2018'


def test_override_hash_and_sets():
    s = {Iis.Date('2017'), Iis.Date(2017), Iis.Date('2017-01')}
    assert len(s) == 2
    mapping = {Iis.Date(2001, 6, 15): 'sco'}
    assert mapping[Iis.Date('2001-06-15')] == 'sco'


def test_override_to_date():
    assert Iis.Date('2017-02-02').to_date() == datetime.date(2017, 2, 2)
    with pytest.raises(ValueError):
        Iis.Date('2017-02').to_date()


def test_override_pickle():
    d = Iis.Date('2017-02')
    assert pickle.loads(pickle.dumps(d)) == d


@pytest.mark.parametrize('text,why', [
    ('2017-02-02T10:00', 'times of day are not supported'),
    ('2004-06/2006-08', 'an interval is written as a start and an end'),
    ('2001-21', 'seasons (months 21 to 41) are not supported'),
    ('201X-06', 'only the last digits of a date may be unspecified'),
])
def test_parse_unsupported_edtf_says_why(text, why):
    with pytest.raises(GLib.Error) as info:
        Iis.Date.parse(text)
    assert info.value.matches(Iis.error_quark(), Iis.Error.INVALID_VALUE)
    assert f'“{text}”' in info.value.message and why in info.value.message


@pytest.mark.parametrize('text', ['1984?', '2004-06~', '2004-06-11%', '201X', '20XX',
                                  '2004-XX', '1985-04-XX', '1985-XX-XX', 'XXXX'])
def test_edtf_level_1_round_trip(text):
    date = Iis.Date.parse(text)
    assert date.to_string() == text
    assert not date.is_exact()
    assert date.dup_earliest().is_exact() and date.dup_latest().is_exact()
    assert date.dup_earliest().compare(date.dup_latest()) <= 0


def test_period_truth():
    P = Iis.Date.parse
    assert Iis.period_get_truth_at(P('201X'), None, P('2015')) == Iis.Truth.UNKNOWN
    assert Iis.period_get_truth_at(P('2001'), P('2015~'), P('2015-06')) == Iis.Truth.UNKNOWN
    assert Iis.period_get_truth_at(P('2005?'), None, P('2006')) == Iis.Truth.YES
    assert Iis.period_get_truth_at(P('2005?'), None, P('2003')) == Iis.Truth.NO
    assert Iis.period_get_truth_at(None, None, None) == Iis.Truth.YES
    q = P('2005%').get_qualifiers()
    assert q == Iis.DateQualifiers.UNCERTAIN | Iis.DateQualifiers.APPROXIMATE
