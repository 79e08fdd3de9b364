/* iis-import.h: relations from a table (CSV) through a column map
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(IIS_INSIDE) && !defined(IIS_COMPILATION)
# error "Only <libiis/iis.h> can be included directly."
#endif

#include "iis-version.h"
#include "iis-catalog.h"

G_BEGIN_DECLS

IIS_AVAILABLE_IN_1_1
char     *iis_catalog_convert_table (IisCatalog   *self,
                                     const char   *map,
                                     const char   *data,
                                     gssize        length,
                                     char       ***unmatched,
                                     GError      **error);
IIS_AVAILABLE_IN_1_1
gboolean  iis_catalog_import_table  (IisCatalog   *self,
                                     const char   *map,
                                     const char   *data,
                                     gssize        length,
                                     char       ***unmatched,
                                     GError      **error);

G_END_DECLS
