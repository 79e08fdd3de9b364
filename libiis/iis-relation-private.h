/* iis-relation-private.h: relation objects bound to a catalog slot
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "iis-relation.h"
#include "iis-entity-private.h"

G_BEGIN_DECLS

/* The last relation kind of the enumeration, and the first kind that a
 * 1.0 reader does not know: a file holding a relation of a kind from
 * IIS_RELATION_KIND_FIRST_1_1 on is written as format 1.1. */
#define IIS_RELATION_KIND_LAST     IIS_RELATION_KIND_DENOUNCED
#define IIS_RELATION_KIND_FIRST_1_1 IIS_RELATION_KIND_VOTES_ON

/* Whether @kind is one of the treaty actions (consented-to … denounced),
 * whose roles and qualifiers iis_catalog_validate() checks. */
static inline gboolean
_iis_relation_kind_is_action (IisRelationKind kind)
{
  return kind >= IIS_RELATION_KIND_CONSENTED_TO && kind <= IIS_RELATION_KIND_DENOUNCED;
}

/* Whether @kind is a statement on a treaty (a reservation, declaration or
 * objection), of which one party may make many at once: never
 * "overlapping relations". */
static inline gboolean
_iis_relation_kind_is_statement (IisRelationKind kind)
{
  return kind == IIS_RELATION_KIND_RESERVATION_TO || kind == IIS_RELATION_KIND_DECLARATION_TO
         || kind == IIS_RELATION_KIND_OBJECTION_TO;
}

/* An IisRelation always holds its own copy of its data. Once added to a
 * catalog it is *bound* to a slot of the catalog's relation store: its
 * setters then write through to the store (see
 * _iis_catalog_update_relation()), and removing the relation from the
 * catalog unbinds it. The catalog keeps no strong reference to relation
 * objects: it makes them on demand from its compact records. */

/* The slot of a relation that no catalog holds. */
#define IIS_RELATION_NO_SLOT G_MAXUINT32

/* A new relation from a catalog's stored data, taking @start and @end
 * (either may be NULL). The same object as g_object_new() with these
 * properties makes, only faster: see iis-relation.c. */
IisRelation *_iis_relation_new_stored   (IisRelationKind  kind,
                                         IisEntity       *subject,
                                         IisEntity       *object,
                                         const char      *role,
                                         IisDate         *start,
                                         IisDate         *end,
                                         IisConfidence    confidence);

void        _iis_relation_bind          (IisRelation *self,
                                         IisCatalog  *catalog,
                                         guint32      slot);
void        _iis_relation_unbind        (IisRelation *self);
IisCatalog *_iis_relation_get_catalog   (IisRelation *self);
/* The catalog replaced the entity @old with @replacement (an override
 * load): a bound relation's ends follow. No notification. */
void        _iis_relation_replace_end   (IisRelation *self,
                                         IisEntity   *old,
                                         IisEntity   *replacement);
guint32     _iis_relation_get_slot      (IisRelation *self);

/* The qualifiers as a borrowed key → value table (may be NULL). */
GHashTable *_iis_relation_get_qualifiers (IisRelation *self);
/* The sources as a borrowed array of IisSource (may be NULL or empty). */
GPtrArray  *_iis_relation_get_source_array (IisRelation *self);

/* Unknown JSON members, serialized as a JSON object (may be NULL). */
const char *_iis_relation_get_unknown_json (IisRelation *self);
void        _iis_relation_set_unknown_json (IisRelation *self,
                                            const char  *json);

/* Fill a relation in one go, without notifications (used when the
 * catalog materializes a relation from its records). */
void        _iis_relation_set_qualifiers_take (IisRelation *self,
                                               GHashTable  *qualifiers);
void        _iis_relation_set_sources_take    (IisRelation *self,
                                               GPtrArray   *sources);

G_END_DECLS
