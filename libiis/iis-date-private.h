/* iis-date-private.h: the packed form of IisDate used by the catalog's storage
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "iis-date.h"

G_BEGIN_DECLS

struct _IisDate
{
  guint16 year;   /* 1 … 9999 */
  guint8  month;  /* 0 = unknown, 1 … 12 */
  guint8  day;    /* 0 = unknown, 1 … 31 */
};

/* A packed date is (year << 9) | (month << 5) | day, and 0 for "no date".
 * Packed dates order as iis_date_compare() orders dates. */
#define IIS_DATE_PACKED_NONE 0u

static inline guint32
_iis_date_pack (const IisDate *date)
{
  if (date == NULL)
    return IIS_DATE_PACKED_NONE;
  return ((guint32) date->year << 9) | ((guint32) date->month << 5) | date->day;
}

static inline void
_iis_date_unpack (guint32  packed,
                  IisDate *out)
{
  out->year = packed >> 9;
  out->month = (packed >> 5) & 0xf;
  out->day = packed & 0x1f;
}

/* Compare two packed dates (neither IIS_DATE_PACKED_NONE) at the coarser
 * of their two precisions; see iis_date_compare_coarse(). */
int      _iis_date_packed_compare_coarse (guint32 a,
                                          guint32 b);

/* Parse without allocating; returns FALSE and sets @error (which
 * names @text) when @text is not a valid ISO 8601 partial date. */
gboolean _iis_date_parse_into            (const char  *text,
                                          gssize       length,
                                          IisDate     *out,
                                          GError     **error);

/* Holds at: start ≤ at and not end ≤ at, both at the coarser precision;
 * IIS_DATE_PACKED_NONE for start or end means unbounded on that side,
 * for @at "at any time" (always TRUE). */
gboolean _iis_date_packed_period_holds   (guint32 start,
                                          guint32 end,
                                          guint32 at);

/* Store a copy of @date (or nothing) in @field unless they are equal;
 * returns whether @field changed, for setters that notify on change. */
static inline gboolean
_iis_date_replace (IisDate       **field,
                   const IisDate  *date)
{
  if (iis_date_equal (*field, date))
    return FALSE;

  g_clear_pointer (field, iis_date_free);
  if (date != NULL)
    *field = iis_date_copy (date);
  return TRUE;
}

G_END_DECLS
