/* iis-format-private.h: the file format's rules, in one place
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * Included by the reader (iis-reader.c, iis-reader-elements.c,
 * iis-json-scanner.c), the writer (iis-writer.c), the catalog (through
 * iis-catalog-store-private.h: the id rule on the way in), file input
 * (iis-file-io.c) and the tests of reading and writing.
 *
 * The marker, the versions, the id rule, the codes and the limits that
 * docs/file-format.md states are defined here once, and their messages
 * written here once. The writer writes nothing the reader would refuse,
 * and the catalog accepts nothing the writer could not write, so all
 * three take their rules from here.
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* ---- Marker, versions, ids ----------------------------------------- */

/* The value of a document's `format` member. */
#define IIS_FORMAT_MARKER        "libiis-catalog"
/* The major version this library reads, and the newest minor version it
 * knows; the writer writes the lowest minor version that holds the
 * catalog (_iis_catalog_get_format_minor()), so a catalog that uses
 * nothing newer still loads in a 1.0 library. */
#define IIS_FORMAT_MAJOR         1
#define IIS_FORMAT_MINOR_LATEST  1
/* Bytes of an entity id, at most. */
#define IIS_FORMAT_MAX_ID_BYTES  256

/* Check the decoded value of the `format` and `version` members: a
 * foreign marker fails with IIS_ERROR_PARSE, a malformed version with
 * IIS_ERROR_INVALID_VALUE, another major version with
 * IIS_ERROR_UNSUPPORTED_VERSION. The message starts with the member's
 * name ("version: …"). */
gboolean     _iis_format_check_marker    (const char  *text,
                                          GError     **error);
gboolean     _iis_format_check_version   (const char  *text,
                                          GError     **error);
/* "1.0", "1.1": the `version` a writer writes for @minor. */
const char  *_iis_format_version_string  (guint        minor);

/* The id rule: an id is non-empty UTF-8 of at most
 * IIS_FORMAT_MAX_ID_BYTES bytes, with no control character. Fails with
 * IIS_ERROR_INVALID_VALUE and a message that does not say where
 * ("invalid id “K\nZ”: it contains a control character"): the caller
 * puts the place before it. */
gboolean     _iis_format_check_id        (const char  *id,
                                          GError     **error);

/* @text as a message quotes it: cut after 40 characters, control
 * characters escaped. @text must be UTF-8. */
char        *_iis_format_printable       (const char  *text);

/* ---- The members of entities --------------------------------------
 *
 * Each entity type's own members are its own properties, under the same
 * names, described once here: the reader, the writer and
 * tests/test-members.c (which fails when a property is missed in either
 * direction of a round trip, or by `iis show --format json`) go by this
 * table. The `iis` tool links only the public library: it goes by the
 * property specs, which test-members holds equal to this table. The members every entity
 * has (type, id, name, description, labels, other-names, identifiers,
 * sources) are read and written by hand.
 *
 * A member's value is its property's: a string, an enumeration (by
 * nick; the property's default is not written), a date, an unsigned
 * number (0 is not written), a boolean (FALSE is not written) or a list
 * of strings. A check beside the name asks for more. */
typedef enum {
  IIS_MEMBER_CHECK_NONE,
  IIS_MEMBER_CHECK_CODE,      /* a string of exactly @arg capital letters A–Z */
  IIS_MEMBER_CHECK_MINIMUM,   /* a number of at least @arg, not the
                               * property's minimum (which means unknown) */
  IIS_MEMBER_CHECK_NONEMPTY,  /* a list of non-empty strings; @item names
                               * one in the writer's messages */
} IisMemberCheck;

typedef struct
{
  const char     *name;   /* the member's name, and the property's */
  IisMemberCheck  check;
  guint           arg;
  const char     *item;
} IisMember;

/* The members of the properties @type adds to IisEntity, in the order
 * the writer writes them, ending with one whose name is NULL; NULL for
 * a type without any. */
const IisMember *_iis_format_get_entity_members (GType type);

/* Whether @name is one of @members (which may be NULL). */
gboolean         _iis_format_members_contain    (const IisMember *members,
                                                 const char      *name);

/* ---- Limits and codes ---------------------------------------------- */

/* What the reader accepts. Every limit is checked on the bytes before
 * json-glib sees them, so hostile input fails fast and never recurses
 * deeply. Exceeding one is IIS_ERROR_LIMIT_EXCEEDED. */
typedef struct
{
  gsize max_document_size;    /* bytes of the whole document */
  guint max_depth;            /* nesting of arrays and objects */
  gsize max_string_length;    /* bytes of one string, as written */
  /* The limits below are 0 for their default. */
  guint max_members;          /* members of one object, at any depth */
  gsize max_element_values;   /* values (and member names) in one element
                               * of `entities` or `relations`, or in one
                               * other member of the document */
  gsize max_unknown_values;   /* values in the unknown members kept as
                               * trees (of entities, sources, names and
                               * the document), at least: the budget is
                               * the larger of this and one value per 16
                               * bytes of the document */
} IisFormatLimits;

#define IIS_FORMAT_DEFAULT_MAX_DOCUMENT_SIZE  ((gsize) 2 << 30)  /* 2 GiB */
#define IIS_FORMAT_DEFAULT_MAX_DEPTH          64
#define IIS_FORMAT_DEFAULT_MAX_STRING_LENGTH  ((gsize) 1 << 20)  /* 1 MiB */
#define IIS_FORMAT_DEFAULT_MAX_MEMBERS        10000
#define IIS_FORMAT_DEFAULT_MAX_ELEMENT_VALUES 1000000
#define IIS_FORMAT_DEFAULT_MAX_UNKNOWN_VALUES 1000000

/* The limits loads use when they are given none. The setter is for
 * tests: NULL restores the built-in defaults. Thread-safe. */
void      _iis_format_get_default_limits (IisFormatLimits        *limits);
void      _iis_format_set_default_limits (const IisFormatLimits  *limits);

/* Whether @code is @length capital letters A–Z, as the file format wants
 * a state's alpha-2 and alpha-3 codes (the writer checks it too). */
gboolean  _iis_format_code_is_valid      (const char             *code,
                                          gsize                   length);

G_END_DECLS
