# Iis.py: PyGObject overrides for libiis
#
# Copyright 2026 The libiis authors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# PyGObject loads this module when a program imports
# `from gi.repository import Iis`. It only adds comfort on top of the
# introspected API; everything documented for C works unchanged.
#
# - Iis.Date(2018, 1, 1), Iis.Date("2018-01"), Iis.Date(datetime.date(...)),
#   str(date), repr(date), ==, <, hash(), date.year/.month/.day/.precision,
#   date.to_date().
# - Wherever the API takes an Iis.Date (questions, date properties given
#   to a constructor, date setters), a string in ISO 8601 form or a
#   datetime.date is accepted too.
# - catalog["UZ"], "UZ" in catalog, entity in catalog, catalog.get("UZ"),
#   len(catalog), iterating a catalog (its entities, sorted by id).
# - Catalog questions take an entity or its id, with role and at
#   defaulting to None (any role, at any time).
# - load_from_file / save_to_file (and the async forms) take a Gio.File or
#   a path; load_from_data and load_from_data_full take str or bytes and
#   read all of it (an embedded NUL does not end the document), with
#   errors, invalid UTF-8 included, raised as GLib.Error.
# - A readable repr() for entities and relations.
# - Answers (Iis.Answer, what every question returns) iterate by taking
#   all their items in one call, several times faster than item by item.
# - answer.to_dataframe(): the answer as a pandas DataFrame, one row per
#   entity or relation (pandas is needed only for this).

import datetime
import difflib
import functools
import os

from gi.repository import Gio, GLib

from ..module import get_introspection_module
from ..overrides import override

Iis = get_introspection_module('Iis')

__all__ = []


def _export(cls):
    cls = override(cls)
    __all__.append(cls.__name__)
    return cls


# Dates ------------------------------------------------------------------

class Date(Iis.Date):
    """A date known to the year, the month or the day.

    Iis.Date(2018), Iis.Date(2018, 6), Iis.Date(2018, 6, 15): a date from
    numbers (0 is an unknown month or day); Iis.Date("2018-06-15"): parsed
    from ISO 8601; Iis.Date(datetime.date(2018, 6, 15)): a full date.
    Invalid input raises GLib.Error (Iis.Error.INVALID_VALUE or PARSE).
    """

    def __new__(cls, *args):
        if len(args) == 1 and not isinstance(args[0], int):
            value = args[0]
            if isinstance(value, Iis.Date):
                return value.copy()
            if isinstance(value, str):
                return Iis.Date.parse(value)
            if isinstance(value, datetime.date):
                return Iis.Date.new_checked(value.year, value.month, value.day)
            raise TypeError("cannot make an Iis.Date from %r" % (value,))
        if 1 <= len(args) <= 3 and all(isinstance(a, int) for a in args):
            year, month, day = (tuple(args) + (0, 0))[:3]
            if min(year, month, day) < 0:
                raise ValueError("negative date component in %r" % (args,))
            return Iis.Date.new_checked(year, month, day)
        raise TypeError("Iis.Date() takes a year, a month and a day, "
                        "a string or a datetime.date")

    def __init__(self, *args):
        # The instance is complete once __new__ returns.
        pass

    @property
    def year(self):
        return self.get_year()

    @property
    def month(self):
        """The month, 0 when unknown."""
        return self.get_month()

    @property
    def day(self):
        """The day, 0 when unknown."""
        return self.get_day()

    @property
    def precision(self):
        return self.get_precision()

    def to_date(self):
        """The datetime.date of a date known to the day.

        Raises ValueError when only the year or the month is known.
        """
        if self.get_precision() != Iis.DatePrecision.DAY:
            raise ValueError("%s is not known to the day" % self.to_string())
        return datetime.date(self.get_year(), self.get_month(), self.get_day())

    def __str__(self):
        return self.to_string()

    def __repr__(self):
        return "Iis.Date('%s')" % self.to_string()

    def __reduce__(self):
        return (Date, (self.to_string(),))

    def __hash__(self):
        return self.hash()

    def _cmp(self, other):
        if isinstance(other, Iis.Date):
            return Iis.Date.compare(self, other)
        return None

    def __eq__(self, other):
        if isinstance(other, Iis.Date):
            return Iis.Date.equal(self, other)
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, Iis.Date):
            return not Iis.Date.equal(self, other)
        return NotImplemented

    def __lt__(self, other):
        c = self._cmp(other)
        return NotImplemented if c is None else c < 0

    def __le__(self, other):
        c = self._cmp(other)
        return NotImplemented if c is None else c <= 0

    def __gt__(self, other):
        c = self._cmp(other)
        return NotImplemented if c is None else c > 0

    def __ge__(self, other):
        c = self._cmp(other)
        return NotImplemented if c is None else c >= 0


Date = _export(Date)


def _to_date(value):
    """None, an Iis.Date, an ISO 8601 string or a datetime.date, as an
    Iis.Date (or None)."""
    if value is None or isinstance(value, Iis.Date):
        return value
    return Date(value)


def _to_file(value):
    """A Gio.File, or a path (str, bytes or os.PathLike) as a Gio.File."""
    if isinstance(value, Gio.File):
        return value
    if isinstance(value, (str, bytes, os.PathLike)):
        return Gio.File.new_for_path(os.fsdecode(value))
    raise TypeError("expected a Gio.File or a path, not %r" % (value,))


# Date-valued properties and setters accept what Iis.Date() accepts.

def _document_bytes(data, length=-1):
    """The bytes of a document given as str or bytes, cut to @length
    bytes unless it is negative. Text that cannot be UTF-8 (a lone
    surrogate) is passed on as it is, for the reader to refuse."""
    if isinstance(data, str):
        data = data.encode('utf-8', 'surrogatepass')
    else:
        data = bytes(data)
    if length is not None and length >= 0:
        if length > len(data):
            raise ValueError('length %d is more than the %d bytes given'
                             % (length, len(data)))
        data = data[:length]
    return data


def _date_property_names(cls):
    names = set()
    for pspec in cls.list_properties():
        if pspec.value_type == Iis.Date.__gtype__:
            names.add(pspec.name)
    return names


def _coerce_date_kwargs(date_props, kwargs):
    for key in list(kwargs):
        if key.replace('_', '-') in date_props:
            kwargs[key] = _to_date(kwargs[key])
    return kwargs


def _with_date_args(cls, base):
    """Give @cls an __init__ and set_* methods that turn the values of its
    Iis.Date properties into Iis.Date objects."""
    date_props = _date_property_names(base)

    def __init__(self, *args, **kwargs):
        base.__init__(self, *args, **_coerce_date_kwargs(date_props, kwargs))

    cls.__init__ = __init__

    for prop in date_props:
        setter_name = 'set_' + prop.replace('-', '_')
        setter = getattr(base, setter_name, None)
        if setter is None:
            continue

        def make(setter):
            @functools.wraps(setter)
            def set_date(self, value):
                return setter(self, _to_date(value))
            return set_date

        setattr(cls, setter_name, make(setter))
    return cls


# Entities and relations --------------------------------------------------

class Entity(Iis.Entity):

    def __repr__(self):
        return "<Iis.%s id=%r name=%r>" % (type(self).__name__,
                                            self.get_id(), self.get_name())


Entity = _export(Entity)


class Organization(Iis.Organization):

    def exists_at(self, at=None):
        return Iis.Organization.exists_at(self, _to_date(at))


class Agreement(Iis.Agreement):
    pass


class Forum(Iis.Forum):
    pass


class Name(Iis.Name):

    def is_current(self, at=None):
        return Iis.Name.is_current(self, _to_date(at))


class Source(Iis.Source):
    pass


class Relation(Iis.Relation):

    def holds_at(self, at=None):
        return Iis.Relation.holds_at(self, _to_date(at))

    def __repr__(self):
        subject = self.get_subject()
        obj = self.get_object()
        text = "%s %s %s" % (subject.get_id() if subject else None,
                             Iis.RelationKind.to_nick(self.get_kind()),
                             obj.get_id() if obj else None)
        if self.get_role():
            text += " (%s)" % self.get_role()
        start, end = self.get_start(), self.get_end()
        if start or end:
            text += " %s..%s" % (start.to_string() if start else "",
                                 end.to_string() if end else "")
        return "<Iis.Relation %s>" % text


class Query(Iis.Query):
    pass


# The classes with Iis.Date properties.
for _cls, _base in ((Query, Iis.Query),
                    (Organization, Iis.Organization),
                    (Agreement, Iis.Agreement),
                    (Forum, Iis.Forum),
                    (Name, Iis.Name),
                    (Source, Iis.Source),
                    (Relation, Iis.Relation)):
    _with_date_args(_cls, _base)
    _export(_cls)

del _cls, _base


# The catalog -------------------------------------------------------------

class _UnknownId(KeyError):
    """A KeyError for an id the catalog does not hold; its argument is the
    id, as for a dict, and its message names the nearest ids."""

    def __init__(self, id, suggestions):
        super().__init__(id)
        self.suggestions = suggestions

    def __str__(self):
        message = 'no entity %r in the catalog' % (self.args[0],)
        if self.suggestions:
            message += '; did you mean %s?' % ' or '.join(repr(s) for s in self.suggestions)
        return message


class Catalog(Iis.Catalog):
    """The container of entities and relations.

    Besides the C API: catalog["sco"] (KeyError when absent),
    catalog.get("sco"), "sco" in catalog, len(catalog), iter(catalog).
    Questions take an entity or its id and a date as Iis.Date, string or
    datetime.date.
    """

    def _missing(self, id):
        ids = [entity.get_id() for entity in Iis.Catalog.list_entities(self, Iis.Entity)]
        folded = {i.casefold(): i for i in ids}
        suggestions = difflib.get_close_matches(id.casefold(), list(folded), n=3)
        return _UnknownId(id, [folded[s] for s in suggestions])

    def _entity(self, value):
        if value is None or isinstance(value, Iis.Entity):
            return value
        if isinstance(value, str):
            entity = Iis.Catalog.lookup(self, value)
            if entity is None:
                raise self._missing(value)
            return entity
        raise TypeError("expected an Iis.Entity or an id, not %r" % (value,))

    # Mapping-like access by id

    def __getitem__(self, id):
        if not isinstance(id, str):
            raise TypeError("catalog ids are strings, not %r" % (id,))
        entity = Iis.Catalog.lookup(self, id)
        if entity is None:
            raise self._missing(id)
        return entity

    def get(self, id, default=None):
        entity = Iis.Catalog.lookup(self, id)
        return default if entity is None else entity

    def __contains__(self, item):
        if isinstance(item, str):
            return Iis.Catalog.lookup(self, item) is not None
        if isinstance(item, Iis.Entity):
            return Iis.Catalog.lookup(self, item.get_id()) is item
        return False

    def __len__(self):
        return Iis.Catalog.get_n_entities(self)

    def __bool__(self):
        # An empty catalog is still a catalog.
        return True

    def __iter__(self):
        return iter(Iis.Catalog.list_entities(self, Iis.Entity))

    def __repr__(self):
        return "<Iis.Catalog %d entities, %d relations>" % (
            Iis.Catalog.get_n_entities(self), Iis.Catalog.get_n_relations(self))

    # Listing

    def list_entities(self, type=None):
        if type is None:
            type = Iis.Entity
        return Iis.Catalog.list_entities(self, type)

    def list_relations(self, subject=None, kind=Iis.RelationKind.ANY, object=None):
        return Iis.Catalog.list_relations(self, self._entity(subject), kind,
                                          self._entity(object))

    def count_relations(self, subject=None, kind=Iis.RelationKind.ANY, object=None):
        return Iis.Catalog.count_relations(self, self._entity(subject), kind,
                                           self._entity(object))

    # Questions

    def is_member(self, member, organization, at=None):
        return Iis.Catalog.is_member(self, self._entity(member),
                                     self._entity(organization), _to_date(at))

    def get_members(self, organization, role=None, at=None):
        return Iis.Catalog.get_members(self, self._entity(organization), role,
                                       _to_date(at))

    def get_memberships(self, member, at=None):
        return Iis.Catalog.get_memberships(self, self._entity(member),
                                           _to_date(at))

    def get_parties(self, agreement, at=None):
        return Iis.Catalog.get_parties(self, self._entity(agreement),
                                       _to_date(at))

    def get_signatories(self, agreement):
        return Iis.Catalog.get_signatories(self, self._entity(agreement))

    def get_agreements_of(self, party, at=None):
        return Iis.Catalog.get_agreements_of(self, self._entity(party),
                                             _to_date(at))

    def get_agreements_addressing(self, category, include_narrower=False):
        return Iis.Catalog.get_agreements_addressing(self,
                                                     self._entity(category),
                                                     include_narrower)

    def get_forums_of(self, entity, at=None):
        return Iis.Catalog.get_forums_of(self, self._entity(entity),
                                         _to_date(at))

    def get_parts(self, whole, transitive=False):
        return Iis.Catalog.get_parts(self, self._entity(whole), transitive)

    def get_wholes(self, part, transitive=False):
        return Iis.Catalog.get_wholes(self, self._entity(part), transitive)

    def get_related(self, entity, kind, reverse=False, at=None):
        return Iis.Catalog.get_related(self, self._entity(entity), kind,
                                       reverse, _to_date(at))

    # Reading and writing

    def load_from_data(self, data, length=-1):
        return self.load_from_data_full(data, length, Iis.LoadFlags.NONE)

    def load_from_data_full(self, data, length=-1, flags=Iis.LoadFlags.NONE):
        # The C entry points take a NUL-terminated string: through them a
        # Python text would stop at an embedded NUL (and the rest be
        # ignored), and bytes would have to be decoded first. Hand the
        # library every byte, with its length, through a stream instead,
        # so the reader sees (and reports, as a GLib.Error) all of it.
        stream = Gio.MemoryInputStream.new_from_bytes(
            GLib.Bytes.new(_document_bytes(data, length)))
        return Iis.Catalog.load_from_stream(self, stream, flags, None)

    def load_from_file(self, file, cancellable=None):
        return Iis.Catalog.load_from_file(self, _to_file(file), cancellable)

    def load_from_file_async(self, file, cancellable=None, callback=None,
                             *user_data):
        return Iis.Catalog.load_from_file_async(self, _to_file(file),
                                                cancellable, callback,
                                                *user_data)

    def load_from_file_full(self, file, flags=Iis.LoadFlags.NONE,
                            cancellable=None):
        return Iis.Catalog.load_from_file_full(self, _to_file(file), flags,
                                               cancellable)

    def save_to_file(self, file, cancellable=None):
        return Iis.Catalog.save_to_file(self, _to_file(file), cancellable)

    def save_to_file_full(self, file, flags=Iis.SaveFlags.NONE,
                          cancellable=None):
        return Iis.Catalog.save_to_file_full(self, _to_file(file), flags,
                                             cancellable)

    def save_to_file_async(self, file, flags=Iis.SaveFlags.NONE,
                           cancellable=None, callback=None, *user_data):
        return Iis.Catalog.save_to_file_async(self, _to_file(file), flags,
                                              cancellable, callback,
                                              *user_data)


Catalog = _export(Catalog)


# Answers ------------------------------------------------------------------

_ENTITY_COLUMNS = ['id', 'type', 'name', 'certainty']
_RELATION_COLUMNS = ['kind', 'subject', 'object', 'role', 'start', 'end',
                     'start_earliest', 'start_latest', 'end_earliest', 'end_latest',
                     'confidence', 'qualifiers', 'certainty']


def _first_day(date, latest):
    """The first day of the earliest (or latest) reading of @date, as the
    questions compare it (see docs/interoperability.md)."""
    if date is None:
        return None
    bound = date.dup_latest() if latest else date.dup_earliest()
    return datetime.date(bound.get_year(), bound.get_month() or 1, bound.get_day() or 1)


def _relation_row(relation):
    start, end = relation.get_start(), relation.get_end()
    return {
        'kind': Iis.RelationKind.to_nick(relation.get_kind()),
        'subject': relation.get_subject().get_id(),
        'object': relation.get_object().get_id(),
        'role': relation.get_role(),
        'start': start.to_string() if start is not None else None,
        'end': end.to_string() if end is not None else None,
        'start_earliest': _first_day(start, False),
        'start_latest': _first_day(start, True),
        'end_earliest': _first_day(end, False),
        'end_latest': _first_day(end, True),
        'confidence': relation.get_confidence().value_nick,
        'qualifiers': {key: relation.get_qualifier(key)
                       for key in (relation.dup_qualifier_keys() or [])},
    }


class Answer(Iis.Answer):

    def __iter__(self):
        # One call for every item, instead of one get_item() each.
        return iter(self.get_items() or ())

    def to_dataframe(self):
        """The answer as a pandas DataFrame, one row per item.

        Entities give the columns id, type, name; relations give kind,
        subject, object (ids), role, start and end (as written, EDTF), the
        first days of the earliest and latest readings of start and end
        (datetime.date, for comparisons), confidence and qualifiers (a
        dict). A last column, certainty, says whether the item certainly
        or only possibly holds ("certain", "possible"). An empty answer
        has the entity columns. Needs pandas (Debian: python3-pandas).
        """
        try:
            import pandas
        except ImportError as error:
            raise ImportError('Answer.to_dataframe() needs pandas '
                              '(Debian: python3-pandas)') from error
        items = self.get_items() or ()
        rows = []
        for position, item in enumerate(items):
            if isinstance(item, Iis.Relation):
                row = _relation_row(item)
            else:
                row = {'id': item.get_id(), 'type': item.get_type_nick(),
                       'name': item.get_name()}
            row['certainty'] = ('certain' if self.get_truth(position) == Iis.Truth.YES
                                else 'possible')
            rows.append(row)
        relations = len(items) > 0 and isinstance(items[0], Iis.Relation)
        return pandas.DataFrame(rows, columns=_RELATION_COLUMNS if relations else _ENTITY_COLUMNS)


Answer = _export(Answer)
