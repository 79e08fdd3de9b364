/* iis-catalog-query-private.h: the catalog's walk of one entity's relations, for IisQuery
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * Included by IisQuery (iis-query.c) and by iis-catalog-questions.c,
 * which implements it.
 */

#pragma once

#include "iis-catalog.h"

G_BEGIN_DECLS

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

G_END_DECLS
