/* iis-organization.h: an organization, one of its bodies, or an agency
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

/**
 * IisOrganizationKind:
 * @IIS_ORGANIZATION_KIND_OTHER: none of the kinds below
 * @IIS_ORGANIZATION_KIND_INTERGOVERNMENTAL: an intergovernmental organization
 * @IIS_ORGANIZATION_KIND_COUNCIL: a council or assembly of an organization
 *   (heads of state, heads of government, a general assembly)
 * @IIS_ORGANIZATION_KIND_SECRETARIAT: a secretariat
 * @IIS_ORGANIZATION_KIND_EXECUTIVE_BODY: an executive committee or other
 *   permanent executive body
 * @IIS_ORGANIZATION_KIND_EXPERT_GROUP: an expert or working group
 * @IIS_ORGANIZATION_KIND_COMMISSION: a commission, such as a national
 *   coordination commission
 * @IIS_ORGANIZATION_KIND_GOVERNMENT_AGENCY: a ministry, service or other
 *   national government agency
 * @IIS_ORGANIZATION_KIND_PARLIAMENTARY_BODY: a parliament or one of its
 *   committees
 * @IIS_ORGANIZATION_KIND_RESEARCH_INSTITUTE: a research or analytical
 *   institute
 *
 * What kind of organization an [class@Iis.Organization] is. The JSON
 * nick of each value is its name in lower case with dashes, e.g.
 * `"intergovernmental"`, `"expert-group"`.
 *
 * Since: 1.0
 */
typedef enum {
  IIS_ORGANIZATION_KIND_OTHER,
  IIS_ORGANIZATION_KIND_INTERGOVERNMENTAL,
  IIS_ORGANIZATION_KIND_COUNCIL,
  IIS_ORGANIZATION_KIND_SECRETARIAT,
  IIS_ORGANIZATION_KIND_EXECUTIVE_BODY,
  IIS_ORGANIZATION_KIND_EXPERT_GROUP,
  IIS_ORGANIZATION_KIND_COMMISSION,
  IIS_ORGANIZATION_KIND_GOVERNMENT_AGENCY,
  IIS_ORGANIZATION_KIND_PARLIAMENTARY_BODY,
  IIS_ORGANIZATION_KIND_RESEARCH_INSTITUTE,
} IisOrganizationKind;

#define IIS_TYPE_ORGANIZATION (iis_organization_get_type ())

IIS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (IisOrganization, iis_organization, IIS, ORGANIZATION, IisEntity)

IIS_AVAILABLE_IN_ALL
IisOrganization     *iis_organization_new            (const char          *id,
                                                      const char          *name);
IIS_AVAILABLE_IN_ALL
const char          *iis_organization_get_acronym    (IisOrganization     *self);
IIS_AVAILABLE_IN_ALL
void                 iis_organization_set_acronym    (IisOrganization     *self,
                                                      const char          *acronym);
IIS_AVAILABLE_IN_ALL
IisOrganizationKind  iis_organization_get_kind       (IisOrganization     *self);
IIS_AVAILABLE_IN_ALL
void                 iis_organization_set_kind       (IisOrganization     *self,
                                                      IisOrganizationKind  kind);
IIS_AVAILABLE_IN_ALL
const IisDate       *iis_organization_get_founded    (IisOrganization     *self);
IIS_AVAILABLE_IN_ALL
void                 iis_organization_set_founded    (IisOrganization     *self,
                                                      const IisDate       *founded);
IIS_AVAILABLE_IN_ALL
const IisDate       *iis_organization_get_dissolved  (IisOrganization     *self);
IIS_AVAILABLE_IN_ALL
void                 iis_organization_set_dissolved  (IisOrganization     *self,
                                                      const IisDate       *dissolved);
IIS_AVAILABLE_IN_ALL
gboolean             iis_organization_exists_at      (IisOrganization     *self,
                                                      const IisDate       *at);

G_END_DECLS
