/* iis-reader-private.h: reading the JSON file format into a stage
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gio/gio.h>

#include "iis-stage-private.h"

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
} IisReaderLimits;

#define IIS_READER_DEFAULT_MAX_DOCUMENT_SIZE  ((gsize) 2 << 30)  /* 2 GiB */
#define IIS_READER_DEFAULT_MAX_DEPTH          64
#define IIS_READER_DEFAULT_MAX_STRING_LENGTH  ((gsize) 1 << 20)  /* 1 MiB */
#define IIS_READER_DEFAULT_MAX_MEMBERS        10000
#define IIS_READER_DEFAULT_MAX_ELEMENT_VALUES 1000000
#define IIS_READER_DEFAULT_MAX_UNKNOWN_VALUES 1000000

/* The limits loads use when they are given none. The setter is for
 * tests: NULL restores the built-in defaults. Thread-safe. */
void      _iis_reader_get_default_limits (IisReaderLimits        *limits);
void      _iis_reader_set_default_limits (const IisReaderLimits  *limits);

/* Parse @data (@length bytes, not necessarily NUL-terminated) and stage
 * every entity and relation it holds. Touches no catalog, so it may
 * run in a worker thread. @source_name (nullable, e.g. a file name)
 * prefixes error messages; @limits NULL means the defaults. Errors are
 * in IIS_ERROR and say where: "3:14: …" for a position in the text,
 * "relations[12].start: …" for a member of the document. */
gboolean  _iis_reader_parse              (IisStage               *stage,
                                          const char             *data,
                                          gsize                   length,
                                          const char             *source_name,
                                          const IisReaderLimits  *limits,
                                          GError                **error);

/* Whether @code is @length capital letters A–Z, as the file format wants
 * a state's alpha-2 and alpha-3 codes (the writer checks it too). */
gboolean  _iis_reader_code_is_valid      (const char             *code,
                                          gsize                   length);

/* Read all of @stream, failing with IIS_ERROR_LIMIT_EXCEEDED as soon as
 * it holds more than limits->max_document_size bytes. @size_hint (0 if
 * unknown) sizes the buffer. */
GBytes   *_iis_reader_read_stream        (GInputStream           *stream,
                                          goffset                 size_hint,
                                          const IisReaderLimits  *limits,
                                          GCancellable           *cancellable,
                                          GError                **error);

/* Read all of @file, checking its size first. */
GBytes   *_iis_reader_read_file          (GFile                  *file,
                                          const IisReaderLimits  *limits,
                                          GCancellable           *cancellable,
                                          GError                **error);

G_END_DECLS
