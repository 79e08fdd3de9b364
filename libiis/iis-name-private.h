/* iis-name-private.h: what the file format knows of other names
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "iis-name.h"

G_BEGIN_DECLS

/* Members of the name's JSON object that this version of the file format
 * does not know, kept for a lossless round trip. */
JsonObject *_iis_name_get_unknown (IisName    *self);
void        _iis_name_set_unknown (IisName    *self,
                                   JsonObject *unknown);

G_END_DECLS
