/* iis-catalog-private.h: what the model types tell the catalog that holds them
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * Included by the model types whose objects a catalog holds
 * (iis-entity.c, iis-organization.c, iis-relation.c) to tell it of a
 * change, and by the files of IisCatalog, which implement these hooks.
 * Nothing else includes it.
 */

#pragma once

#include "iis-catalog.h"
#include "iis-entity-private.h"
#include "iis-relation-private.h"

G_BEGIN_DECLS

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

G_END_DECLS
