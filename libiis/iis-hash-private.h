/* iis-hash-private.h: a string hash that input cannot make collide
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* GLib's g_str_hash() is public and simple: anyone can write thousands
 * of strings with one hash value, and a hash table of them then costs
 * the square of their number. _iis_str_hash() is SipHash-1-3 under a
 * key drawn at random once per process: a GHashFunc for tables whose
 * keys come from input (member names, ids, interned strings). */
guint     _iis_str_hash        (gconstpointer  key);

/* The same over @length bytes. */
guint     _iis_str_hash_len    (const char    *data,
                                gsize          length);

G_END_DECLS
