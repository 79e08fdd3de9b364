/* iis-party-status-private.h: making party statuses and dyads; checking
 * treaty actions
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * Included by iis-party-status.c, which implements it, and by the files
 * of IisCatalog that make statuses and check treaty actions
 * (iis-catalog-status.c, iis-catalog-validate.c).
 */

#pragma once

#include "iis-party-status.h"

G_BEGIN_DECLS

/* A status; copies @date and references the relations of the two arrays
 * (either may be NULL). */
IisPartyStatus *_iis_party_status_new (IisEntity          *party,
                                       IisAgreement       *agreement,
                                       const IisDate      *date,
                                       IisPartyStatusKind  kind,
                                       GPtrArray          *reservations,
                                       GPtrArray          *decided_by);

/* A dyad; references the three entities and copies @date. */
IisDyad        *_iis_dyad_new         (IisEntity          *first,
                                       IisEntity          *second,
                                       IisAgreement       *agreement,
                                       const IisDate      *date);

/* iis_catalog_validate()'s part on treaty actions: appends IisProblems
 * (owned) to @problems for unknown roles of the action kinds, qualifiers
 * that are not what they should be, and actions out of order. */
void            _iis_catalog_validate_actions (IisCatalog *self,
                                               GPtrArray  *problems);

G_END_DECLS
