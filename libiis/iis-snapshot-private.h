/* iis-snapshot-private.h: snapshots, for loading and for the fuzz target
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "iis-catalog.h"

G_BEGIN_DECLS

/* Whether @data starts as a snapshot does. */
gboolean  _iis_snapshot_has_magic           (const void    *data,
                                             gsize          length);

/* Load the snapshot in @data (copied first; @name, nullable, prefixes
 * errors), as iis_catalog_load_snapshot() loads a file. */
gboolean  _iis_catalog_load_snapshot_data   (IisCatalog    *self,
                                             const void    *data,
                                             gsize          length,
                                             const char    *name,
                                             IisLoadFlags   flags,
                                             GCancellable  *cancellable,
                                             GError       **error);

/* Write the checksum the bytes of @data need into its header, so that a
 * fuzz target's mutations reach the checks behind it. */
void      _iis_snapshot_update_checksum     (void          *data,
                                             gsize          length);

/* iis_catalog_load_from_file_full() with IIS_LOAD_FLAGS_CACHE. */
gboolean  _iis_catalog_load_cached          (IisCatalog    *self,
                                             GFile         *file,
                                             IisLoadFlags   flags,
                                             GCancellable  *cancellable,
                                             GError       **error);

G_END_DECLS
