/* iis-catalog-view-private.h: the catalog as the writer reads it
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * Included by the writer (iis-writer.c), by IisQuery (the entities in
 * id order), by iis-catalog-view.c, which implements it, and by the
 * tests of the reader and the writer.
 */

#pragma once

#include <json-glib/json-glib.h>

#include "iis-catalog.h"
#include "iis-source.h"

G_BEGIN_DECLS

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
 * it uses what 1.0 does not know (a relation kind from
 * IIS_RELATION_KIND_FIRST_1_1 on, an EDTF date), 0 otherwise. */
guint       _iis_catalog_get_format_minor    (IisCatalog *self);

G_END_DECLS
