/* iis-agreement.h: a treaty, statement, resolution, strategy …
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
 * IisAgreementKind:
 * @IIS_AGREEMENT_KIND_OTHER: none of the kinds below
 * @IIS_AGREEMENT_KIND_TREATY: a treaty
 * @IIS_AGREEMENT_KIND_AGREEMENT: an (intergovernmental) agreement
 * @IIS_AGREEMENT_KIND_CONVENTION: a convention
 * @IIS_AGREEMENT_KIND_CHARTER: the charter of an organization
 * @IIS_AGREEMENT_KIND_STATEMENT: a joint statement
 * @IIS_AGREEMENT_KIND_DECLARATION: a declaration
 * @IIS_AGREEMENT_KIND_RESOLUTION: a resolution of an assembly or council
 * @IIS_AGREEMENT_KIND_CODE_OF_CONDUCT: a code of conduct
 * @IIS_AGREEMENT_KIND_STRATEGY: a strategy
 * @IIS_AGREEMENT_KIND_ACTION_PLAN: an action plan
 *
 * What kind of instrument an [class@Iis.Agreement] is. The JSON nick is
 * the name in lower case with dashes (`"code-of-conduct"`).
 *
 * Since: 1.0
 */
typedef enum {
  IIS_AGREEMENT_KIND_OTHER,
  IIS_AGREEMENT_KIND_TREATY,
  IIS_AGREEMENT_KIND_AGREEMENT,
  IIS_AGREEMENT_KIND_CONVENTION,
  IIS_AGREEMENT_KIND_CHARTER,
  IIS_AGREEMENT_KIND_STATEMENT,
  IIS_AGREEMENT_KIND_DECLARATION,
  IIS_AGREEMENT_KIND_RESOLUTION,
  IIS_AGREEMENT_KIND_CODE_OF_CONDUCT,
  IIS_AGREEMENT_KIND_STRATEGY,
  IIS_AGREEMENT_KIND_ACTION_PLAN,
} IisAgreementKind;

/**
 * IisAgreementStatus:
 * @IIS_AGREEMENT_STATUS_UNKNOWN: the status is not known
 * @IIS_AGREEMENT_STATUS_DRAFT: a draft, not yet adopted
 * @IIS_AGREEMENT_STATUS_SUBMITTED: submitted (for example circulated as a
 *   UN document) but not adopted
 * @IIS_AGREEMENT_STATUS_ADOPTED: adopted or approved; for instruments that
 *   do not enter into force (statements, resolutions, strategies) the
 *   final status
 * @IIS_AGREEMENT_STATUS_SIGNED: signed, not yet in force
 * @IIS_AGREEMENT_STATUS_IN_FORCE: in force
 * @IIS_AGREEMENT_STATUS_SUSPENDED: suspended
 * @IIS_AGREEMENT_STATUS_TERMINATED: terminated
 * @IIS_AGREEMENT_STATUS_SUPERSEDED: replaced by a later instrument
 *
 * The status of an [class@Iis.Agreement]. The JSON nick is the name in
 * lower case with dashes (`"in-force"`).
 *
 * Since: 1.0
 */
typedef enum {
  IIS_AGREEMENT_STATUS_UNKNOWN,
  IIS_AGREEMENT_STATUS_DRAFT,
  IIS_AGREEMENT_STATUS_SUBMITTED,
  IIS_AGREEMENT_STATUS_ADOPTED,
  IIS_AGREEMENT_STATUS_SIGNED,
  IIS_AGREEMENT_STATUS_IN_FORCE,
  IIS_AGREEMENT_STATUS_SUSPENDED,
  IIS_AGREEMENT_STATUS_TERMINATED,
  IIS_AGREEMENT_STATUS_SUPERSEDED,
} IisAgreementStatus;

#define IIS_TYPE_AGREEMENT (iis_agreement_get_type ())

IIS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (IisAgreement, iis_agreement, IIS, AGREEMENT, IisEntity)

IIS_AVAILABLE_IN_ALL
IisAgreement       *iis_agreement_new                  (const char         *id,
                                                        const char         *name);
IIS_AVAILABLE_IN_ALL
IisAgreementKind    iis_agreement_get_kind             (IisAgreement       *self);
IIS_AVAILABLE_IN_ALL
void                iis_agreement_set_kind             (IisAgreement       *self,
                                                        IisAgreementKind    kind);
IIS_AVAILABLE_IN_ALL
IisAgreementStatus  iis_agreement_get_status           (IisAgreement       *self);
IIS_AVAILABLE_IN_ALL
void                iis_agreement_set_status           (IisAgreement       *self,
                                                        IisAgreementStatus  status);
IIS_AVAILABLE_IN_ALL
const IisDate      *iis_agreement_get_adopted          (IisAgreement       *self);
IIS_AVAILABLE_IN_ALL
void                iis_agreement_set_adopted          (IisAgreement       *self,
                                                        const IisDate      *adopted);
IIS_AVAILABLE_IN_ALL
const char         *iis_agreement_get_adopted_place    (IisAgreement       *self);
IIS_AVAILABLE_IN_ALL
void                iis_agreement_set_adopted_place    (IisAgreement       *self,
                                                        const char         *place);
IIS_AVAILABLE_IN_ALL
const IisDate      *iis_agreement_get_entry_into_force (IisAgreement       *self);
IIS_AVAILABLE_IN_ALL
void                iis_agreement_set_entry_into_force (IisAgreement       *self,
                                                        const IisDate      *date);
IIS_AVAILABLE_IN_1_1
const IisDate      *iis_agreement_get_opened_for_signature (IisAgreement   *self);
IIS_AVAILABLE_IN_1_1
void                iis_agreement_set_opened_for_signature (IisAgreement   *self,
                                                            const IisDate  *date);
IIS_AVAILABLE_IN_1_1
const IisDate      *iis_agreement_get_terminated       (IisAgreement       *self);
IIS_AVAILABLE_IN_1_1
void                iis_agreement_set_terminated       (IisAgreement       *self,
                                                        const IisDate      *date);

G_END_DECLS
