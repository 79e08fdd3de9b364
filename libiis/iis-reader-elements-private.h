/* iis-reader-elements-private.h: the reader's state, for the mapping of elements
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * Included by iis-reader.c, which parses a document and keeps the
 * reader's state, and iis-reader-elements.c, which maps one element of
 * `entities` or `relations` onto the model. Nothing else includes it.
 */

#pragma once

#include <json-glib/json-glib.h>

#include "iis-reader-private.h"

G_BEGIN_DECLS

#define MAX_PATH_SEGMENTS   8

typedef struct
{
  const char *name;    /* a member name, or NULL for an array index */
  guint       index;
} PathSegment;

typedef struct
{
  IisStage    *stage;
  const char  *source_name;

  GError      *content_error;     /* the first problem in the content */

  PathSegment  path[MAX_PATH_SEGMENTS];
  guint        path_len;

  /* Streaming state. Arrays are numbered in the order of their "[", from
   * 1, as the scan numbered them: the scan found the numbers of the
   * top-level `entities` and `relations` arrays (0 if there is none). */
  guint        entities_array;
  guint        relations_array;
  guint        n_arrays;          /* arrays started so far */
  GArray      *open_arrays;       /* guint: the numbers of the open arrays, innermost last */
  guint        n_entities;
  guint        n_relations;

  /* Values held by the unknown members kept as trees, and the most
   * they may hold (see keep_unknown()) */
  gsize        unknown_values;
  gsize        unknown_budget;

  /* Scratch space reused from relation to relation */
  GPtrArray   *qualifiers;        /* borrowed strings: key, value, …, NULL */
  GPtrArray   *sources;           /* owned IisSource */

  GEnumClass  *confidences;
} Reader;

/* ---- iis-reader.c: the path, errors, values */

void                          path_push_member    (Reader        *self,
                                                   const char    *name);
void                          path_push_index     (Reader        *self,
                                                   guint          index);
void                          path_pop            (Reader        *self);
void                          path_append         (const Reader  *self,
                                                   GString       *out,
                                                   const char    *member);
gboolean G_GNUC_PRINTF (4, 5) reader_fail         (Reader        *self,
                                                   const char    *member,
                                                   int            code,
                                                   const char    *format,
                                                   ...);
gboolean                      reader_take_error   (Reader        *self,
                                                   GError        *error);
gboolean                      fail_type           (Reader        *self,
                                                   const char    *member,
                                                   JsonNode      *node,
                                                   const char    *expected);
gboolean                      fail_missing        (Reader        *self,
                                                   const char    *member);
gboolean                      get_string          (Reader        *self,
                                                   JsonNode      *node,
                                                   const char    *member,
                                                   const char   **out);
gboolean                      get_nonempty_string (Reader        *self,
                                                   JsonNode      *node,
                                                   const char    *member,
                                                   const char   **out);
gboolean                      get_id              (Reader        *self,
                                                   JsonNode      *node,
                                                   const char    *member,
                                                   const char   **out);
gboolean                      get_date            (Reader        *self,
                                                   JsonNode      *node,
                                                   const char    *member,
                                                   IisDate       *out);
gboolean                      get_enum            (Reader        *self,
                                                   JsonNode      *node,
                                                   const char    *member,
                                                   GEnumClass    *klass,
                                                   int           *out);
gboolean                      get_int             (Reader        *self,
                                                   JsonNode      *node,
                                                   const char    *member,
                                                   gint64         min,
                                                   gint64         max,
                                                   gint64        *out);
gboolean                      get_boolean         (Reader        *self,
                                                   JsonNode      *node,
                                                   const char    *member,
                                                   gboolean      *out);
gboolean                      check_iso_code      (Reader        *self,
                                                   const char    *member,
                                                   const char    *code,
                                                   gsize          length);
void                          keep_unknown        (Reader        *self,
                                                   JsonObject   **unknown,
                                                   const char    *name,
                                                   JsonNode      *node);

/* ---- iis-reader-elements.c */

gboolean read_entity   (Reader   *self,
                        JsonNode *node,
                        guint     index);
gboolean read_relation (Reader   *self,
                        JsonNode *node);

G_END_DECLS
