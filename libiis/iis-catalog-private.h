/* iis-catalog-private.h: the catalog's storage, as the reader, the writer
 * and the tests see it
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "iis-catalog.h"
#include "iis-entity-private.h"
#include "iis-relation-private.h"

G_BEGIN_DECLS

/* ---- Hooks the model types call ------------------------------------- */

/* An attached entity's identifier changed (either value may be NULL). */
void        _iis_catalog_identifier_changed (IisCatalog  *self,
                                             IisEntity   *entity,
                                             const char  *scheme,
                                             const char  *old_value,
                                             const char  *new_value);

/* An attached entity's end of life (an organization's dissolution)
 * changed. */
void        _iis_catalog_lifetime_changed   (IisCatalog  *self,
                                             IisEntity   *entity);

/* A bound relation's role, dates, confidence, qualifiers or sources
 * changed: store them again from the object. */
void        _iis_catalog_update_relation    (IisCatalog  *self,
                                             IisRelation *relation);

/* A source of a bound relation was edited: store the relation again. A
 * source several relations share notifies each of them in turn, so the
 * catalog is only whole again once all have been told: no invariant
 * check here. */
void        _iis_catalog_relation_source_changed (IisCatalog  *self,
                                                  IisRelation *relation);

/* A bound relation object is being finalized. */
void        _iis_catalog_forget_relation    (IisCatalog  *self,
                                             IisRelation *relation);

/* ---- Staged, all-or-nothing loading ---------------------------------
 *
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

/* ---- Reading the store for the writer -------------------------------- */

typedef struct
{
  IisRelationKind    kind;
  IisEntity         *subject;
  IisEntity         *object;
  const char        *role;          /* nullable */
  guint32            start;         /* packed, IIS_DATE_PACKED_NONE if unknown */
  guint32            end;
  IisConfidence      confidence;
  guint              n_qualifiers;
  const char *const *qualifier_keys;   /* sorted by key */
  const char *const *qualifier_values;
  guint              n_sources;
  IisSource *const  *sources;
  const char        *unknown_json;  /* nullable */
} IisRelationView;

typedef void (*IisRelationViewFunc) (const IisRelationView *view,
                                     gpointer               user_data);

/* Visit every relation in the file format's order: by subject id, kind,
 * object id, start, end, role. The view is valid only during the call. */
void        _iis_catalog_foreach_relation   (IisCatalog          *self,
                                             IisRelationViewFunc  func,
                                             gpointer             user_data);

/* Every entity sorted by id, as a borrowed array (free the array only). */
GPtrArray  *_iis_catalog_dup_entities_sorted (IisCatalog *self);

/* Unknown members of the document object (may be NULL). */
JsonObject *_iis_catalog_get_document_unknown (IisCatalog *self);

/* The lowest minor version of file format 1 that holds the catalog: 1 if
 * a relation is of a kind that 1.0 does not know, 0 otherwise. */
guint       _iis_catalog_get_format_minor    (IisCatalog *self);

/* ---- For queries ----------------------------------------------------- */

/* Append to @out (an array of IisEntity pointers, borrowed) the entities
 * at the other end of @entity's relations of @kind (ANY for all) that hold
 * at @at, with @role unless it is NULL: objects of relations whose subject
 * is @entity, or with @reverse subjects of relations whose object it is.
 * May hold duplicates. */
void        _iis_catalog_collect_related    (IisCatalog      *self,
                                             IisEntity       *entity,
                                             IisRelationKind  kind,
                                             gboolean         reverse,
                                             const char      *role,
                                             const IisDate   *at,
                                             GPtrArray       *out);
/* The same in a mode: with IIS_QUESTION_MODE_POSSIBLE, also the entities
 * of relations that possibly hold, and the truth of each (an IisTruth,
 * guint8) appended to @truths beside @out. */
void        _iis_catalog_collect_related_full (IisCatalog      *self,
                                               IisEntity       *entity,
                                               IisRelationKind  kind,
                                               gboolean         reverse,
                                               const char      *role,
                                               const IisDate   *at,
                                               IisQuestionMode  mode,
                                               GPtrArray       *out,
                                               GArray          *truths);

/* ---- For tests and benchmarks --------------------------------------- */

typedef struct
{
  gsize  n_entities;
  gsize  n_relations;
  gsize  n_free_slots;
  gsize  record_bytes;      /* relation records, capacity included */
  gsize  index_bytes;       /* adjacency arrays, capacity included */
  gsize  extra_bytes;       /* qualifier / source / unknown words */
  gsize  string_bytes;      /* interned strings and their table */
  guint64 visited;          /* records a question looked at, cumulative */
  guint64 removal_steps;    /* adjacency entries removals looked at or moved, cumulative */
} IisCatalogStats;

void        _iis_catalog_get_stats          (IisCatalog       *self,
                                             IisCatalogStats  *stats);
/* Drop capacity slack after a bulk load. */
void        _iis_catalog_shrink             (IisCatalog       *self);

/* Check that everything the catalog caches beside its objects agrees
 * with them (docs/storage.md, "What the catalog caches"): node slots
 * and ids, ends of life, the identifier index, adjacency arrays,
 * records, extra words, interned strings, pooled sources, live relation
 * objects, the id order. Aborts with a message on the first broken
 * invariant. For the test suites and fuzz targets, after every change;
 * it reads the whole catalog. */
void        _iis_catalog_check_invariants   (IisCatalog       *self);

G_END_DECLS
