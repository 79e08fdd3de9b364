/* iis-state.h: a sovereign state
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

#define IIS_TYPE_STATE (iis_state_get_type ())

IIS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (IisState, iis_state, IIS, STATE, IisEntity)

IIS_AVAILABLE_IN_ALL
IisState   *iis_state_new            (const char *id,
                                      const char *name);
IIS_AVAILABLE_IN_ALL
IisState   *iis_state_new_from_iso_code (const char  *code,
                                         GError     **error);
IIS_AVAILABLE_IN_ALL
const char *iis_state_get_alpha2     (IisState   *self);
IIS_AVAILABLE_IN_ALL
void        iis_state_set_alpha2     (IisState   *self,
                                      const char *alpha2);
IIS_AVAILABLE_IN_ALL
const char *iis_state_get_alpha3     (IisState   *self);
IIS_AVAILABLE_IN_ALL
void        iis_state_set_alpha3     (IisState   *self,
                                      const char *alpha3);
IIS_AVAILABLE_IN_ALL
guint       iis_state_get_numeric    (IisState   *self);
IIS_AVAILABLE_IN_ALL
void        iis_state_set_numeric    (IisState   *self,
                                      guint       numeric);
IIS_AVAILABLE_IN_1_1
const IisDate *iis_state_get_founded (IisState      *self);
IIS_AVAILABLE_IN_1_1
void        iis_state_set_founded    (IisState      *self,
                                      const IisDate *founded);
IIS_AVAILABLE_IN_1_1
const IisDate *iis_state_get_ceased  (IisState      *self);
IIS_AVAILABLE_IN_1_1
void        iis_state_set_ceased     (IisState      *self,
                                      const IisDate *ceased);
IIS_AVAILABLE_IN_1_1
gboolean    iis_state_exists_at      (IisState      *self,
                                      const IisDate *at);

G_END_DECLS
