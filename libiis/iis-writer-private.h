/* iis-writer-private.h: writing catalogs in the JSON file format
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "iis-catalog.h"
#include "iis-file-io-private.h"

G_BEGIN_DECLS

/* The members the format defines on @holder ("document", "entity" for
 * every entity's, an entity type nick for that type's own, "relation",
 * "other-name", "source"); NULL for another @holder. */
const char * const *_iis_writer_get_members (const char *holder);

/* The whole catalog as text (NUL-terminated); @length is optional. */
char     *_iis_writer_to_data          (IisCatalog     *catalog,
                                        IisSaveFlags    flags,
                                        gsize          *length,
                                        GError        **error);

/* The catalog without its relations, compact: a snapshot's entities
 * (@entities, in that order, or all of them when NULL) and document
 * members (iis-catalog-snapshot.c). */
char     *_iis_writer_entities_to_data (IisCatalog    *catalog,
                                        GPtrArray     *entities,
                                        gsize         *length,
                                        GError       **error);

/* @entity alone, compact, as the element of a one-element array; NULL
 * when it cannot be written. */
char     *_iis_writer_entity_to_string (IisEntity     *entity);

/* Write the catalog to @stream in chunks, without holding the whole
 * text in memory. The stream is flushed, not closed. */
gboolean  _iis_writer_to_stream        (IisCatalog     *catalog,
                                        IisSaveFlags    flags,
                                        GOutputStream  *stream,
                                        GCancellable   *cancellable,
                                        GError        **error);

/* Save atomically: the text goes to a temporary file that replaces
 * @file only once everything was written and closed. A failed or
 * cancelled save leaves @file as it was and no temporary file behind
 * (nor a partial @file when there was none). @wrap (see
 * iis-file-io-private.h) may be NULL. */
gboolean  _iis_writer_save_to_file     (IisCatalog        *catalog,
                                        GFile             *file,
                                        IisSaveFlags       flags,
                                        IisFileWrapFunc    wrap,
                                        gpointer           wrap_data,
                                        GCancellable      *cancellable,
                                        GError           **error);

/* Check, on the way into a catalog, the text of @entity or @relation
 * against the reader's limits: a string or member name over the limit
 * as written fails with IIS_ERROR_LIMIT_EXCEEDED. Other problems the
 * writer would find (invalid UTF-8, a bad code) are left to saving. */
gboolean  _iis_writer_check_entity     (IisEntity      *entity,
                                        GError        **error);
gboolean  _iis_writer_check_relation   (IisRelation    *relation,
                                        GError        **error);

/* Compact JSON text of @object, its members sorted by name (nested
 * values keep their order). Used to keep a relation's unknown members. */
char     *_iis_writer_object_to_string (JsonObject     *object);

G_END_DECLS
