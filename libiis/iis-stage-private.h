/* iis-stage-private.h: staged, all-or-nothing loading into a catalog
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * Included by the reader (iis-reader.c), by iis-catalog-io.c, which
 * drives a load, by iis-catalog-stage.c, which implements it, and by the
 * tests of the reader and of scale.
 */

#pragma once

#include <json-glib/json-glib.h>

#include "iis-catalog.h"
#include "iis-source.h"

G_BEGIN_DECLS

/*
 * A reader stages everything a document holds, then resolves and
 * commits it. Until _iis_stage_commit() the catalog is untouched, so a
 * failing load leaves it exactly as it was. Staging does not read the
 * catalog either, except in _iis_stage_resolve(): a stage can be filled
 * in a worker thread, then resolved and committed in the catalog's
 * thread.
 */
typedef struct _IisStage IisStage;

IisStage   *_iis_stage_new                  (IisLoadFlags   flags);
void        _iis_stage_free                 (IisStage      *stage);
guint       _iis_stage_get_n_entities       (IisStage      *stage);
guint       _iis_stage_get_n_relations      (IisStage      *stage);
/* The document's unknown members staged so far (borrowed, nullable). */
JsonObject *_iis_stage_get_document_unknown (IisStage      *stage);
/* The staged entity number @index, in the order staged (borrowed). */
IisEntity  *_iis_stage_get_entity           (IisStage      *stage,
                                             guint          index);

/* Takes a reference to @entity. Fails with IIS_ERROR_DUPLICATE_ID when
 * the stage already has that id; @where ("entities[3].id") locates it. */
gboolean    _iis_stage_add_entity           (IisStage      *stage,
                                             IisEntity     *entity,
                                             const char    *where,
                                             GError       **error);

/* Stage relation number _iis_stage_get_n_relations() (its index in the
 * document). Ends are ids, resolved later. @start/@end are packed dates.
 * @qualifiers is NULL or a NULL-terminated key, value, key, value …
 * array; @sources an array of @n_sources sources (references taken);
 * @unknown_json NULL or a serialized JSON object. All strings are
 * copied. Fails with IIS_ERROR_INVALID_VALUE for IIS_RELATION_KIND_ANY
 * or an empty id. */
gboolean    _iis_stage_add_relation         (IisStage          *stage,
                                             IisRelationKind    kind,
                                             const char        *subject_id,
                                             const char        *object_id,
                                             const char        *role,
                                             guint32            start,
                                             guint32            end,
                                             IisConfidence      confidence,
                                             const char *const *qualifiers,
                                             IisSource *const  *sources,
                                             guint              n_sources,
                                             const char        *unknown_json,
                                             GError           **error);

/* Unknown members of the document object, merged into the catalog's on
 * commit (takes a reference). */
void        _iis_stage_set_document_unknown (IisStage      *stage,
                                             JsonObject    *unknown);

/* Check the stage against @catalog: duplicate ids (unless
 * IIS_LOAD_FLAGS_OVERRIDE), every relation end known, every relation's
 * types allowed. Errors name the place, e.g.
 * "relations[12].object: unknown entity “sco”". */
gboolean    _iis_stage_resolve              (IisStage      *stage,
                                             IisCatalog    *catalog,
                                             GError       **error);

/* Add everything to @catalog; cannot fail. Only after a successful
 * _iis_stage_resolve() against the same, unchanged catalog. */
void        _iis_stage_commit               (IisStage      *stage,
                                             IisCatalog    *catalog);

G_END_DECLS
