/* iis-entity-private.h: what the catalog and the file format know of entities
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "iis-entity.h"

G_BEGIN_DECLS

typedef struct _IisCatalog IisCatalog;

#define IIS_ENTITY_NO_SLOT G_MAXUINT32

/* The catalog an entity belongs to (weak, cleared when it is removed) and
 * its slot in that catalog's storage. An entity belongs to at most one
 * catalog at a time. */
IisCatalog *_iis_entity_get_catalog   (IisEntity  *self);
guint32     _iis_entity_get_slot      (IisEntity  *self);
void        _iis_entity_attach        (IisEntity  *self,
                                       IisCatalog *catalog,
                                       guint32     slot);
void        _iis_entity_detach        (IisEntity  *self);

/* Members of the entity's JSON object that this version of the file
 * format does not know, kept for a lossless round trip. */
JsonObject *_iis_entity_get_unknown   (IisEntity  *self);
void        _iis_entity_set_unknown   (IisEntity  *self,
                                       JsonObject *unknown);

/* The identifiers as a borrowed scheme → value table (may be NULL). */
GHashTable *_iis_entity_get_identifiers (IisEntity *self);

/* The lists of sources and other names when they were made, else NULL:
 * for readers that should not make them (the writer). Borrowed. */
GListModel *_iis_entity_peek_sources     (IisEntity *self);
GListModel *_iis_entity_peek_other_names (IisEntity *self);

/* When the entity began and ceased to exist, for the types that have a
 * life (an organization's founding and dissolution, a state's founding
 * and ceasing; since 1.1 for states); NULL when not known or not a type
 * with a life. Borrowed. */
const IisDate *_iis_entity_get_began (IisEntity *self);
const IisDate *_iis_entity_get_ended (IisEntity *self);

G_END_DECLS
