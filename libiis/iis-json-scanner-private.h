/* iis-json-scanner-private.h: the strict JSON scan, for the reader
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * Included by the reader (iis-reader.c) and by iis-json-scanner.c, which
 * implements it. The scan checks a document against RFC 8259 and the
 * reader's limits, refuses repeated member names, and notes the members
 * of the top-level object; the reader then checks the format marker and
 * version in them and lets json-glib parse the document.
 */

#pragma once

#include <glib.h>

#include "iis-format-private.h"

G_BEGIN_DECLS

typedef enum {
  VALUE_NONE,
  VALUE_OBJECT,
  VALUE_ARRAY,
  VALUE_STRING,
  VALUE_NUMBER,
  VALUE_TRUE,
  VALUE_FALSE,
  VALUE_NULL,
} ValueKind;

/* A member of the top-level object, as the scan saw it. */
typedef struct
{
  char      *name;
  ValueKind  kind;
  gsize      string_start;   /* for strings: first byte after the quote */
  gsize      string_length;  /* raw bytes between the quotes */
  guint      array;          /* for arrays: its number among the document's
                              * arrays, in the order of their "[", from 1 */
} TopMember;

/* The name of a member of an open object, in the document's bytes. */
typedef struct
{
  gsize     start;           /* first byte after the quote */
  gsize     length;          /* raw bytes between the quotes */
  gboolean  escaped;         /* holds a backslash: compare it decoded */
} MemberName;

/* An open object. */
typedef struct
{
  guint       first_name;    /* its first name in Scan.names */
  guint       n_members;
  GHashTable *name_set;      /* decoded names, past SMALL_OBJECT_MEMBERS */
  GHashTable *glib_hashes;   /* their g_str_hash() values → how many share it */
} ObjectFrame;

typedef struct
{
  const char             *data;
  gsize                   length;
  gsize                   start;        /* after a byte order mark */
  gsize                   pos;
  const IisFormatLimits  *limits;
  const char             *source_name;
  GArray                 *top;          /* TopMember */
  GHashTable             *top_index;    /* member name → index in top + 1 */
  GHashTable             *top_glib_hashes; /* as ObjectFrame.glib_hashes */
  ValueKind               root_kind;
  guint                   n_arrays;     /* the "[" seen so far */
  gboolean                in_list;      /* in the top-level entities or relations array */
  gsize                   element_values; /* values and names in the current element */

  /* While scanning: the open objects and their names, innermost last
   * (plain arrays: these change at every "{", "}" and key). The
   * top-level object's names are in top and top_index instead. */
  ObjectFrame            *objects;
  guint                   n_objects;
  guint                   objects_size;
  MemberName             *names;
  guint                   n_names;
  guint                   names_size;
} Scan;

void         _iis_json_scan_init            (Scan                   *scan,
                                             const char             *data,
                                             gsize                   length,
                                             const IisFormatLimits  *limits,
                                             const char             *source_name);
/* Scan the whole document; the error says where ("3:14: …"). */
gboolean     _iis_json_scan_document        (Scan                   *scan,
                                             GError                **error);
/* Frees what the scan holds (some objects are still open after an
 * error). */
void         _iis_json_scan_clear           (Scan                   *scan);
/* A member of the top-level object, or NULL. */
TopMember   *_iis_json_scan_find_top        (const Scan             *scan,
                                             const char             *name);
/* Decode the already-checked content of a string. */
char        *_iis_json_decode_string        (const char             *p,
                                             gsize                   length);
/* "an object", "a string" … for messages. */
const char  *_iis_json_value_kind_describe  (ValueKind               kind);

G_END_DECLS
