/* iis-relation-iter.h: walking the relations of a pattern without objects
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(IIS_INSIDE) && !defined(IIS_COMPILATION)
# error "Only <libiis/iis.h> can be included directly."
#endif

#include "iis-catalog.h"
#include "iis-date.h"
#include "iis-entity.h"
#include "iis-relation.h"
#include "iis-version.h"

G_BEGIN_DECLS

typedef struct _IisRelationIter IisRelationIter;

/**
 * IisRelationIter: (skip)
 *
 * An iterator over the relations of a catalog that match a pattern, the
 * same relations in the same order as [method@Iis.Catalog.list_relations]
 * lists, read without making a relation object for each.
 *
 * It is a structure to declare on the stack and set up with
 * [method@Iis.RelationIter.init]; its fields are private. The order,
 * the rules for changes to the catalog, and an example are given there.
 *
 * The iterator is not introspectable: it lives on the caller's stack,
 * borrows its catalog without a reference, is invalidated by any change
 * to the catalog and may need [method@Iis.RelationIter.clear], none of
 * which a language binding's memory management can follow. Bindings use
 * [method@Iis.Catalog.list_relations] for the relations and
 * [method@Iis.Catalog.count_relations] for their number.
 *
 * Since: 1.1
 */
struct _IisRelationIter
{
  /*< private >*/
  gpointer dummy1;
  gpointer dummy2;
  guint    dummy3;
  guint    dummy4;
  guint    dummy5;
  guint    dummy6;
  guint32  dummy7[8];
  gpointer dummy8[2];
};

IIS_AVAILABLE_IN_1_1
void             iis_relation_iter_init           (IisRelationIter *iter,
                                                   IisCatalog      *catalog,
                                                   IisEntity       *subject,
                                                   IisRelationKind  kind,
                                                   IisEntity       *object);
IIS_AVAILABLE_IN_1_1
gboolean         iis_relation_iter_next           (IisRelationIter *iter);
IIS_AVAILABLE_IN_1_1
void             iis_relation_iter_clear          (IisRelationIter *iter);
IIS_AVAILABLE_IN_1_1
guint            iis_relation_iter_get_n_relations (IisRelationIter *iter);
IIS_AVAILABLE_IN_1_1
IisEntity       *iis_relation_iter_get_subject    (IisRelationIter *iter);
IIS_AVAILABLE_IN_1_1
IisEntity       *iis_relation_iter_get_object     (IisRelationIter *iter);
IIS_AVAILABLE_IN_1_1
const char      *iis_relation_iter_get_subject_id (IisRelationIter *iter);
IIS_AVAILABLE_IN_1_1
const char      *iis_relation_iter_get_object_id  (IisRelationIter *iter);
IIS_AVAILABLE_IN_1_1
IisRelationKind  iis_relation_iter_get_kind       (IisRelationIter *iter);
IIS_AVAILABLE_IN_1_1
const char      *iis_relation_iter_get_role       (IisRelationIter *iter);
IIS_AVAILABLE_IN_1_1
IisConfidence    iis_relation_iter_get_confidence (IisRelationIter *iter);
IIS_AVAILABLE_IN_1_1
gboolean         iis_relation_iter_get_start      (IisRelationIter *iter,
                                                   IisDate         *date);
IIS_AVAILABLE_IN_1_1
gboolean         iis_relation_iter_get_end        (IisRelationIter *iter,
                                                   IisDate         *date);
IIS_AVAILABLE_IN_1_1
IisRelation     *iis_relation_iter_dup_relation   (IisRelationIter *iter);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (IisRelationIter, iis_relation_iter_clear)

G_END_DECLS
