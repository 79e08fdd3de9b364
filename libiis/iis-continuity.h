/* iis-continuity.h: questions that follow a state's continuity
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

IIS_AVAILABLE_IN_1_1
GListModel  *iis_catalog_get_members_continuous     (IisCatalog      *self,
                                                     IisOrganization *organization,
                                                     const char      *role,
                                                     const IisDate   *at,
                                                     IisQuestionMode  mode);
IIS_AVAILABLE_IN_1_1
GListModel  *iis_catalog_get_memberships_continuous (IisCatalog      *self,
                                                     IisEntity       *member,
                                                     const IisDate   *at,
                                                     IisQuestionMode  mode);
IIS_AVAILABLE_IN_1_1
IisEntity   *iis_catalog_resolve_continuity         (IisCatalog      *self,
                                                     IisEntity       *state,
                                                     const IisDate   *at);

G_END_DECLS
