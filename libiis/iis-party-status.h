/* iis-party-status.h: where a party stands with an agreement at a date
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(IIS_INSIDE) && !defined(IIS_COMPILATION)
# error "Only <libiis/iis.h> can be included directly."
#endif

#include "iis-agreement.h"
#include "iis-catalog.h"
#include "iis-relation.h"

G_BEGIN_DECLS

/**
 * IisPartyStatusKind:
 * @IIS_PARTY_STATUS_KIND_NOT_SIGNED: no signature and no consent yet
 * @IIS_PARTY_STATUS_KIND_SIGNED: signed, without consent to be bound
 * @IIS_PARTY_STATUS_KIND_CONSENTED: consented to be bound (instrument
 *   deposited), but the agreement is not yet in force, or not yet for
 *   this party
 * @IIS_PARTY_STATUS_KIND_PROVISIONALLY_APPLYING: applies the agreement
 *   provisionally, not (yet) bound by it
 * @IIS_PARTY_STATUS_KIND_BOUND: bound: the agreement is in force for it
 * @IIS_PARTY_STATUS_KIND_DENUNCIATION_PENDING: bound, but it has notified
 *   a denunciation that has not yet taken effect
 * @IIS_PARTY_STATUS_KIND_DENOUNCED: no longer bound: a denunciation or
 *   withdrawal took effect, or its `party-to` relation ended
 * @IIS_PARTY_STATUS_KIND_CONSENT_WITHDRAWN: it withdrew its consent before
 *   the agreement bound it (Russia and the CTBT, 2023); it may remain a
 *   signatory
 *
 * Where a party stands with an agreement at a date; see
 * [method@Iis.Catalog.get_party_status]. The nick is the name in lower
 * case with dashes (`"denunciation-pending"`).
 *
 * Since: 1.1
 */
typedef enum {
  IIS_PARTY_STATUS_KIND_NOT_SIGNED,
  IIS_PARTY_STATUS_KIND_SIGNED,
  IIS_PARTY_STATUS_KIND_CONSENTED,
  IIS_PARTY_STATUS_KIND_PROVISIONALLY_APPLYING,
  IIS_PARTY_STATUS_KIND_BOUND,
  IIS_PARTY_STATUS_KIND_DENUNCIATION_PENDING,
  IIS_PARTY_STATUS_KIND_DENOUNCED,
  IIS_PARTY_STATUS_KIND_CONSENT_WITHDRAWN,
} IisPartyStatusKind;

#define IIS_TYPE_PARTY_STATUS (iis_party_status_get_type ())

IIS_AVAILABLE_IN_1_1
G_DECLARE_FINAL_TYPE (IisPartyStatus, iis_party_status, IIS, PARTY_STATUS, GObject)

IIS_AVAILABLE_IN_1_1
IisEntity          *iis_party_status_get_party        (IisPartyStatus *self);
IIS_AVAILABLE_IN_1_1
IisAgreement       *iis_party_status_get_agreement    (IisPartyStatus *self);
IIS_AVAILABLE_IN_1_1
const IisDate      *iis_party_status_get_date         (IisPartyStatus *self);
IIS_AVAILABLE_IN_1_1
IisPartyStatusKind  iis_party_status_get_kind         (IisPartyStatus *self);
IIS_AVAILABLE_IN_1_1
GListModel         *iis_party_status_get_reservations (IisPartyStatus *self);
IIS_AVAILABLE_IN_1_1
GListModel         *iis_party_status_get_decided_by   (IisPartyStatus *self);
IIS_AVAILABLE_IN_1_1
gboolean            iis_party_status_kind_is_bound    (IisPartyStatusKind kind);

#define IIS_TYPE_DYAD (iis_dyad_get_type ())

IIS_AVAILABLE_IN_1_1
G_DECLARE_FINAL_TYPE (IisDyad, iis_dyad, IIS, DYAD, GObject)

IIS_AVAILABLE_IN_1_1
IisEntity          *iis_dyad_get_first                (IisDyad        *self);
IIS_AVAILABLE_IN_1_1
IisEntity          *iis_dyad_get_second               (IisDyad        *self);
IIS_AVAILABLE_IN_1_1
IisAgreement       *iis_dyad_get_agreement            (IisDyad        *self);
IIS_AVAILABLE_IN_1_1
const IisDate      *iis_dyad_get_date                 (IisDyad        *self);

/* The questions on treaty actions (iis-catalog-status.c). */
IIS_AVAILABLE_IN_1_1
IisPartyStatus     *iis_catalog_get_party_status      (IisCatalog     *self,
                                                       IisAgreement   *agreement,
                                                       IisEntity      *party,
                                                       const IisDate  *at,
                                                       GError        **error);
IIS_AVAILABLE_IN_1_1
GListModel         *iis_catalog_get_party_statuses    (IisCatalog     *self,
                                                       IisAgreement   *agreement,
                                                       const IisDate  *at);
IIS_AVAILABLE_IN_1_1
void                iis_catalog_compare_parties       (IisCatalog     *self,
                                                       IisEntity      *a,
                                                       IisEntity      *b,
                                                       const IisDate  *at,
                                                       GListModel    **both,
                                                       GListModel    **only_a,
                                                       GListModel    **only_b);
IIS_AVAILABLE_IN_1_1
GListModel         *iis_catalog_get_signatories_never_bound (IisCatalog    *self,
                                                             IisAgreement  *agreement,
                                                             const IisDate *at);
IIS_AVAILABLE_IN_1_1
GListModel         *iis_catalog_get_panel             (IisCatalog     *self,
                                                       IisAgreement   *agreement,
                                                       guint           first_year,
                                                       guint           last_year);
IIS_AVAILABLE_IN_1_1
GListModel         *iis_catalog_get_dyads             (IisCatalog     *self,
                                                       IisAgreement   *agreement,
                                                       const IisDate  *at);
IIS_AVAILABLE_IN_1_1
GListModel         *iis_catalog_get_reservations      (IisCatalog      *self,
                                                       IisAgreement    *agreement,
                                                       IisRelationKind  kind,
                                                       const char      *article,
                                                       const IisDate   *at);

G_END_DECLS
