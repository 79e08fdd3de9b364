/* iis-query.h: a composable query over a catalog
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(IIS_INSIDE) && !defined(IIS_COMPILATION)
# error "Only <libiis/iis.h> can be included directly."
#endif

#include "iis-catalog.h"

G_BEGIN_DECLS

#define IIS_TYPE_QUERY (iis_query_get_type ())

IIS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (IisQuery, iis_query, IIS, QUERY, GObject)

IIS_AVAILABLE_IN_ALL
IisQuery      *iis_query_new              (void);
IIS_AVAILABLE_IN_ALL
GType          iis_query_get_entity_type  (IisQuery        *self);
IIS_AVAILABLE_IN_ALL
void           iis_query_set_entity_type  (IisQuery        *self,
                                           GType            type);
IIS_AVAILABLE_IN_ALL
const char    *iis_query_get_text         (IisQuery        *self);
IIS_AVAILABLE_IN_ALL
void           iis_query_set_text         (IisQuery        *self,
                                           const char      *text);
IIS_AVAILABLE_IN_ALL
const IisDate *iis_query_get_at           (IisQuery        *self);
IIS_AVAILABLE_IN_ALL
void           iis_query_set_at           (IisQuery        *self,
                                           const IisDate   *at);
IIS_AVAILABLE_IN_1_1
IisQuestionMode iis_query_get_mode       (IisQuery        *self);
IIS_AVAILABLE_IN_1_1
void           iis_query_set_mode         (IisQuery        *self,
                                           IisQuestionMode  mode);
IIS_AVAILABLE_IN_1_1
gboolean       iis_query_get_follow_continuity (IisQuery  *self);
IIS_AVAILABLE_IN_1_1
void           iis_query_set_follow_continuity (IisQuery  *self,
                                                gboolean   follow_continuity);
IIS_AVAILABLE_IN_ALL
void           iis_query_add_related      (IisQuery        *self,
                                           IisRelationKind  kind,
                                           const char      *other_id,
                                           const char      *role,
                                           gboolean         reverse);
IIS_AVAILABLE_IN_ALL
guint          iis_query_get_n_constraints (IisQuery       *self);
IIS_AVAILABLE_IN_ALL
void           iis_query_clear_related    (IisQuery        *self);
IIS_AVAILABLE_IN_ALL
GListModel    *iis_query_run              (IisQuery        *self,
                                           IisCatalog      *catalog,
                                           GError         **error);

G_END_DECLS
