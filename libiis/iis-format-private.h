/* iis-format-private.h: the file format's rules that the reader and the writer share
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * Included by the reader (iis-reader.c, iis-json-scanner.c), the writer
 * (iis-writer.c), file input (iis-file-io.c) and the tests of reading
 * and writing. The writer writes nothing the reader would refuse, so
 * both read the limits and the rules from here.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

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

/* Parse @data (@length bytes, not necessarily NUL-terminated) and stage
 * every entity and relation it holds. Touches no catalog, so it may
 * run in a worker thread. @source_name (nullable, e.g. a file name)
 * prefixes error messages; @limits NULL means the defaults. Errors are
 * in IIS_ERROR and say where: "3:14: …" for a position in the text,
 * "relations[12].start: …" for a member of the document. */

/* Whether @code is @length capital letters A–Z, as the file format wants
 * a state's alpha-2 and alpha-3 codes (the writer checks it too). */
gboolean  _iis_format_code_is_valid      (const char             *code,
                                          gsize                   length);

G_END_DECLS
