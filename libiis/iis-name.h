/* iis-name.h: another or a former name of an entity
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(IIS_INSIDE) && !defined(IIS_COMPILATION)
# error "Only <libiis/iis.h> can be included directly."
#endif

#include <glib-object.h>

#include "iis-version.h"
#include "iis-date.h"

G_BEGIN_DECLS

#define IIS_TYPE_NAME (iis_name_get_type ())

IIS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (IisName, iis_name, IIS, NAME, GObject)

IIS_AVAILABLE_IN_ALL
IisName       *iis_name_new          (const char    *text,
                                      const char    *lang,
                                      const IisDate *start,
                                      const IisDate *end);
IIS_AVAILABLE_IN_ALL
const char    *iis_name_get_text     (IisName       *self);
IIS_AVAILABLE_IN_ALL
const char    *iis_name_get_lang     (IisName       *self);
IIS_AVAILABLE_IN_ALL
const IisDate *iis_name_get_start    (IisName       *self);
IIS_AVAILABLE_IN_ALL
const IisDate *iis_name_get_end      (IisName       *self);
IIS_AVAILABLE_IN_ALL
gboolean       iis_name_is_current   (IisName       *self,
                                      const IisDate *at);

G_END_DECLS
