/* iis-source.h: a citation behind a fact
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

#define IIS_TYPE_SOURCE (iis_source_get_type ())

IIS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (IisSource, iis_source, IIS, SOURCE, GObject)

IIS_AVAILABLE_IN_ALL
IisSource     *iis_source_new           (const char    *title);
IIS_AVAILABLE_IN_ALL
const char    *iis_source_get_title     (IisSource     *self);
IIS_AVAILABLE_IN_ALL
void           iis_source_set_title     (IisSource     *self,
                                         const char    *title);
IIS_AVAILABLE_IN_ALL
const char    *iis_source_get_url       (IisSource     *self);
IIS_AVAILABLE_IN_ALL
void           iis_source_set_url       (IisSource     *self,
                                         const char    *url);
IIS_AVAILABLE_IN_ALL
const char    *iis_source_get_document  (IisSource     *self);
IIS_AVAILABLE_IN_ALL
void           iis_source_set_document  (IisSource     *self,
                                         const char    *document);
IIS_AVAILABLE_IN_ALL
const char    *iis_source_get_publisher (IisSource     *self);
IIS_AVAILABLE_IN_ALL
void           iis_source_set_publisher (IisSource     *self,
                                         const char    *publisher);
IIS_AVAILABLE_IN_ALL
const IisDate *iis_source_get_date      (IisSource     *self);
IIS_AVAILABLE_IN_ALL
void           iis_source_set_date      (IisSource     *self,
                                         const IisDate *date);
IIS_AVAILABLE_IN_ALL
const char    *iis_source_get_quote     (IisSource     *self);
IIS_AVAILABLE_IN_ALL
void           iis_source_set_quote     (IisSource     *self,
                                         const char    *quote);
IIS_AVAILABLE_IN_1_1
const char    *iis_source_get_locator   (IisSource     *self);
IIS_AVAILABLE_IN_1_1
void           iis_source_set_locator   (IisSource     *self,
                                         const char    *locator);
IIS_AVAILABLE_IN_ALL
gboolean       iis_source_equal         (IisSource     *a,
                                         IisSource     *b);

G_END_DECLS
