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
  guint16 year;         /* 1 … 9999; unspecified digits are 0 (201X → 2010,
                         * XXXX → 0) */
  guint8  month;        /* 0 = not given or unspecified, 1 … 12 */
  guint8  day;          /* 0 = not given or unspecified, 1 … 31 */
  guint8  flags;        /* IIS_DATE_FLAG_*, below */
};

/* The EDTF parts of a date (iis_date_get_qualifiers() shows them to
 * users): how many trailing digits of the year are unspecified (0 … 4),
 * whether the month or the day is written but unspecified (`XX`), and
 * the whole date's qualifier (`?` uncertain, `~` approximate, `%` both),
 * and whether the date is only known to be on or before the one written
 * (`../2004`, an EDTF interval with an open start, used as a date). */
#define IIS_DATE_FLAG_YEAR_X_MASK      0x07u
#define IIS_DATE_FLAG_MONTH_X          0x08u
#define IIS_DATE_FLAG_DAY_X            0x10u
#define IIS_DATE_FLAG_UNCERTAIN        0x20u
#define IIS_DATE_FLAG_APPROXIMATE      0x40u
#define IIS_DATE_FLAG_ON_OR_BEFORE     0x80u   /* "../2004": on or before */
#define IIS_DATE_FLAG_MASK             0xffu

/* A packed date is (year << 18) | (month << 14) | (day << 9) | flags, and
 * 0 for "no date". Packed dates order as iis_date_compare() orders
 * dates. A date is *exact* (the ISO 8601 dates of format 1.0) when its
 * flags are 0: questions over exact dates take the fast path. */
#define IIS_DATE_PACKED_NONE 0u
#define IIS_DATE_PACKED_FLAGS(p)   ((p) & 0x1ffu)
#define IIS_DATE_PACKED_IS_EXACT(p) (IIS_DATE_PACKED_FLAGS (p) == 0)

static inline guint32
_iis_date_pack (const IisDate *date)
{
  if (date == NULL)
    return IIS_DATE_PACKED_NONE;
  return ((guint32) date->year << 18) | ((guint32) date->month << 14)
         | ((guint32) date->day << 9) | date->flags;
}

static inline void
_iis_date_unpack (guint32  packed,
                  IisDate *out)
{
  out->year = packed >> 18;
  out->month = (packed >> 14) & 0xf;
  out->day = (packed >> 9) & 0x1f;
  out->flags = packed & IIS_DATE_FLAG_MASK;
}

/* Compare two packed dates (neither IIS_DATE_PACKED_NONE) at the coarser
 * of their two precisions, on their digits (flags dropped); see
 * iis_date_compare_coarse(). Inline: the questions call it for every
 * relation they look at. */
static inline int
_iis_date_packed_compare_coarse (guint32 a,
                                 guint32 b)
{
  guint32 mask = 0xfffffe00u;                 /* year, month and day */

  if (((a >> 9) & 0x1f) == 0 || ((b >> 9) & 0x1f) == 0)
    mask = 0xffffc000u;                       /* year and month */
  if (((a >> 14) & 0xf) == 0 || ((b >> 14) & 0xf) == 0)
    mask = 0xfffc0000u;                       /* year */
  a &= mask;
  b &= mask;
  return (a > b) - (a < b);
}

/* Parse without allocating; returns FALSE and sets @error (which
 * names @text) when @text is not a valid ISO 8601 partial date. */
gboolean _iis_date_parse_into            (const char  *text,
                                          gssize       length,
                                          IisDate     *out,
                                          GError     **error);

/* The three-valued form of _iis_date_packed_period_holds(): YES, NO,
 * or UNKNOWN where an inexact date (an EDTF qualifier or unspecified
 * digits) leaves it open. Exact dates give YES or NO. */
IisTruth _iis_date_packed_period_truth   (guint32 start,
                                          guint32 end,
                                          guint32 at);

/* Holds at: start ≤ at and not end ≤ at, both at the coarser precision;
 * IIS_DATE_PACKED_NONE for start or end means unbounded on that side,
 * for @at "at any time" (always TRUE). TRUE only where the period
 * certainly holds. Exact dates, the common case, stay inline. */
static inline gboolean
_iis_date_packed_period_holds (guint32 start,
                               guint32 end,
                               guint32 at)
{
  if (at == IIS_DATE_PACKED_NONE)
    return TRUE;
  if (G_UNLIKELY (!IIS_DATE_PACKED_IS_EXACT (start | end | at)))
    return _iis_date_packed_period_truth (start, end, at) == IIS_TRUTH_YES;
  return (start == IIS_DATE_PACKED_NONE || _iis_date_packed_compare_coarse (start, at) <= 0)
         && (end == IIS_DATE_PACKED_NONE || _iis_date_packed_compare_coarse (end, at) > 0);
}

/* Whether @a is on or before @b, compared at the coarser precision:
 * YES when even the latest @a may be is on or before the earliest @b may
 * be, NO when even the earliest @a is after the latest @b, UNKNOWN
 * otherwise. Neither may be IIS_DATE_PACKED_NONE. */
IisTruth _iis_date_packed_on_or_before   (guint32 a,
                                          guint32 b);

/* Kleene's "and": the lesser of two truths (NO < UNKNOWN < YES). */
static inline IisTruth
_iis_truth_and (IisTruth a,
                IisTruth b)
{
  return MIN (a, b);
}

/* Whether a truth answers a question asked in @mode. */
static inline gboolean
_iis_truth_matches (IisTruth        truth,
                    IisQuestionMode mode)
{
  return truth == IIS_TRUTH_YES
         || (truth == IIS_TRUTH_UNKNOWN && mode == IIS_QUESTION_MODE_POSSIBLE);
}

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
