/* iis-reader-private.h: reading the JSON file format into a stage
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * Included by iis-catalog-io.c, which loads, by iis-reader.c, which
 * implements it, and by the tests of reading.
 */

#pragma once

#include <gio/gio.h>

#include "iis-format-private.h"
#include "iis-stage-private.h"

G_BEGIN_DECLS

/* Parse @data (@length bytes, not necessarily NUL-terminated) and stage
 * every entity and relation it holds. Touches no catalog, so it may
 * run in a worker thread. @source_name (nullable, e.g. a file name)
 * prefixes error messages; @limits NULL means the defaults. Errors are
 * in IIS_ERROR and say where: "3:14: …" for a position in the text,
 * "relations[12].start: …" for a member of the document. */
gboolean  _iis_reader_parse              (IisStage               *stage,
                                          const char             *data,
                                          gsize                   length,
                                          const char             *source_name,
                                          const IisFormatLimits  *limits,
                                          GError                **error);

G_END_DECLS
