/* iis-source-private.h
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "iis-source.h"

G_BEGIN_DECLS

/* Members of the source's JSON object that this version of the file
 * format does not know, kept for a lossless round trip. */
JsonObject *_iis_source_get_unknown (IisSource  *self);
void        _iis_source_set_unknown (IisSource  *self,
                                     JsonObject *unknown);

G_END_DECLS
