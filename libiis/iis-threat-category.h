/* iis-threat-category.h: a category of threat in the information sphere
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(IIS_INSIDE) && !defined(IIS_COMPILATION)
# error "Only <libiis/iis.h> can be included directly."
#endif

#include "iis-entity.h"

G_BEGIN_DECLS

#define IIS_TYPE_THREAT_CATEGORY (iis_threat_category_get_type ())

IIS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (IisThreatCategory, iis_threat_category, IIS, THREAT_CATEGORY, IisEntity)

IIS_AVAILABLE_IN_ALL
IisThreatCategory *iis_threat_category_new            (const char        *id,
                                                       const char        *name);
IIS_AVAILABLE_IN_ALL
const char        *iis_threat_category_get_definition (IisThreatCategory *self);
IIS_AVAILABLE_IN_ALL
void               iis_threat_category_set_definition (IisThreatCategory *self,
                                                       const char        *definition);

G_END_DECLS
