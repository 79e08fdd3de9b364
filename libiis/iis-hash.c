/* iis-hash.c: a string hash that input cannot make collide
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "iis-hash-private.h"

/* SipHash-1-3 (Aumasson and Bernstein), the keyed hash Python and Rust
 * use for their hash tables. */

static guint64 hash_key[2];

static gpointer
init_key (gpointer data)
{
  for (guint i = 0; i < 2; i++)
    hash_key[i] = ((guint64) g_random_int () << 32) | g_random_int ();
  return NULL;
}

#define ROTL(x, b) (guint64) (((x) << (b)) | ((x) >> (64 - (b))))

#define SIPROUND                                                    \
  G_STMT_START {                                                    \
    v0 += v1; v1 = ROTL (v1, 13); v1 ^= v0; v0 = ROTL (v0, 32);     \
    v2 += v3; v3 = ROTL (v3, 16); v3 ^= v2;                         \
    v0 += v3; v3 = ROTL (v3, 21); v3 ^= v0;                         \
    v2 += v1; v1 = ROTL (v1, 17); v1 ^= v2; v2 = ROTL (v2, 32);     \
  } G_STMT_END

guint
_iis_str_hash_len (const char *data,
                   gsize       length)
{
  static GOnce once = G_ONCE_INIT;
  const guint8 *p = (const guint8 *) data;
  guint64 v0, v1, v2, v3, m, b;
  gsize i, whole = length & ~(gsize) 7;

  g_once (&once, init_key, NULL);

  v0 = hash_key[0] ^ G_GUINT64_CONSTANT (0x736f6d6570736575);
  v1 = hash_key[1] ^ G_GUINT64_CONSTANT (0x646f72616e646f6d);
  v2 = hash_key[0] ^ G_GUINT64_CONSTANT (0x6c7967656e657261);
  v3 = hash_key[1] ^ G_GUINT64_CONSTANT (0x7465646279746573);

  for (i = 0; i < whole; i += 8)
    {
      memcpy (&m, p + i, 8);
      m = GUINT64_FROM_LE (m);
      v3 ^= m;
      SIPROUND;
      v0 ^= m;
    }

  b = (guint64) length << 56;
  for (gsize j = 0; i + j < length; j++)
    b |= (guint64) p[i + j] << (8 * j);
  v3 ^= b;
  SIPROUND;
  v0 ^= b;

  v2 ^= 0xff;
  SIPROUND;
  SIPROUND;
  SIPROUND;

  b = v0 ^ v1 ^ v2 ^ v3;
  return (guint) (b ^ (b >> 32));
}

guint
_iis_str_hash (gconstpointer key)
{
  return _iis_str_hash_len (key, strlen (key));
}
