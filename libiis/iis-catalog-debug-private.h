/* iis-catalog-debug-private.h: the catalog's statistics and invariant check, for tests
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * Included by the test suites, the benchmarks and the fuzz targets, and
 * by the files of IisCatalog that implement it (iis-catalog-store.c,
 * iis-catalog-check.c) or call the check (IIS_DEBUG=invariants).
 */

#pragma once

#include "iis-catalog.h"

G_BEGIN_DECLS

typedef struct
{
  gsize  n_entities;
  gsize  n_relations;
  gsize  n_free_slots;
  gsize  record_bytes;      /* relation records, capacity included */
  gsize  index_bytes;       /* adjacency arrays, capacity included */
  gsize  extra_bytes;       /* qualifier / source / unknown words */
  gsize  string_bytes;      /* interned strings and their table */
  guint64 visited;          /* records a question looked at, cumulative */
  guint64 removal_steps;    /* adjacency entries removals looked at or moved, cumulative */
} IisCatalogStats;

void        _iis_catalog_get_stats          (IisCatalog       *self,
                                             IisCatalogStats  *stats);
/* Drop capacity slack after a bulk load. */
void        _iis_catalog_shrink             (IisCatalog       *self);

/* Check that everything the catalog caches beside its objects agrees
 * with them (docs/storage.md, "What the catalog caches"): node slots
 * and ids, ends of life, the identifier index, adjacency arrays,
 * records, extra words, interned strings, pooled sources, live relation
 * objects, the id order. Aborts with a message on the first broken
 * invariant. For the test suites and fuzz targets, after every change;
 * it reads the whole catalog. */
void        _iis_catalog_check_invariants   (IisCatalog       *self);

G_END_DECLS
