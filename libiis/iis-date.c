/* iis-date.c: dates known to the year, the month or the day
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "iis-date-private.h"
#include "iis-error.h"

/**
 * IisDate:
 *
 * A calendar date known to the year, to the month or to the day.
 *
 * History is often known only in part: an organization was founded "in
 * 2001", an agreement signed "in June 2009". An `IisDate` records as much
 * as is known, at one of three precisions ([enum@Iis.DatePrecision]):
 *
 * - a year, written `2017`;
 * - a year and a month, written `2017-02`;
 * - a full date, written `2017-02-02`.
 *
 * Years run from 1 to 9999 in the proleptic Gregorian calendar. A month or
 * a day of 0 means "unknown"; a day is only known together with its month.
 * Impossible dates are refused: month 13, day 0 written out
 * (`2017-02-00`), 30 February, 29 February of a common year (a year is a
 * leap year when it divides by 4, except centuries that do not divide by
 * 400, so 2000 was a leap year and 1900 was not).
 *
 * [ctor@Iis.Date.new] is for values the program knows to be valid and
 * treats anything else as a programmer error; [ctor@Iis.Date.new_checked]
 * and [func@Iis.Date.parse] are for input, and report an invalid date as
 * %IIS_ERROR_INVALID_VALUE with a message that names the value, e.g.
 * `Invalid date “2017-13-40”: month 13 is out of range`.
 * [method@Iis.Date.to_string] writes the ISO 8601 form back, so
 * `iis_date_to_string (iis_date_parse (text))` gives @text again.
 *
 * ## Ordering
 *
 * [method@Iis.Date.compare] is a total order for sorting: by year, then by
 * month, then by day, an unknown month or day sorting before every known
 * one, so `2017` < `2017-01` < `2017-01-01` < `2017-01-02` < `2017-02`.
 * A %NULL date sorts before every date.
 *
 * [method@Iis.Date.compare_coarse] compares two dates at the coarser of
 * their two precisions: `2017` and `2017-06-01` compare equal, `2017-05`
 * comes before `2017-06-01`.
 *
 * ## Holding at a date
 *
 * Relations, names and organizations have a period: a start (inclusive)
 * and an end (exclusive: the first date it no longer holds), either of
 * which may be unknown. A period *holds at* a date @at when
 *
 * - it has begun: its start is unknown, or `compare_coarse (start, at) <= 0`;
 * - and it has not ended: its end is unknown, or
 *   `compare_coarse (end, at) > 0`.
 *
 * Asking "at any time" (a %NULL date) always holds. Comparing at the
 * coarser precision makes a sequence of periods that share their
 * boundary date hand over cleanly: with Belarus a dialogue partner of the
 * SCO from 2010 to 2015 and an observer from 2015, exactly one of the two
 * holds at `2014`, `2015`, `2015-06-30` or `2016`.
 *
 * ```c
 * g_autoptr(GError) error = NULL;
 * g_autoptr(IisDate) founded = iis_date_parse ("2001-06-15", &error);
 * g_autoptr(IisDate) year = iis_date_new (2001, 0, 0);
 *
 * g_assert_cmpint (iis_date_get_precision (founded), ==, IIS_DATE_PRECISION_DAY);
 * g_assert_cmpint (iis_date_compare (year, founded), <, 0);
 * g_assert_cmpint (iis_date_compare_coarse (year, founded), ==, 0);
 * ```
 *
 * Since: 1.0
 */

G_DEFINE_BOXED_TYPE (IisDate, iis_date, iis_date_copy, iis_date_free)

static const char * const month_names[] = {
  NULL, "January", "February", "March", "April", "May", "June", "July",
  "August", "September", "October", "November", "December",
};

static gboolean
is_leap_year (guint year)
{
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static guint
days_in_month (guint year,
               guint month)
{
  static const guint8 days[] = { 0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  if (month == 2 && is_leap_year (year))
    return 29;
  return days[month];
}

/* Why (@year, @month, @day) is not a date, or NULL when it is one. A
 * written-out day or month of 0 is out of range; an omitted one is 0 but
 * @month_written / @day_written say whether it was written. */
static char *
explain_invalid (guint    year,
                 guint    month,
                 guint    day,
                 gboolean month_written,
                 gboolean day_written)
{
  guint n_days;

  if (year < 1 || year > 9999)
    return g_strdup_printf ("year %u is out of range", year);
  if (month > 12 || (month == 0 && month_written))
    return g_strdup_printf ("month %u is out of range", month);
  if (month == 0)
    {
      if (day != 0)
        return g_strdup_printf ("day %u is given without a month", day);
      return NULL;
    }
  if (day == 0 && !day_written)
    return NULL;

  n_days = days_in_month (year, month);
  if (day == 0 || day > 31)
    return g_strdup_printf ("day %u is out of range", day);
  if (day > n_days)
    return g_strdup_printf ("%s %u has %u days", month_names[month], year, n_days);
  return NULL;
}

/* Quote @text (of @length bytes) for an error message: control bytes,
 * NUL and bytes of invalid UTF-8 are escaped, long input is shortened. */
static char *
quote_text (const char *text,
            gsize       length)
{
  const gsize max_length = 40;
  GString *s = g_string_new (NULL);
  gboolean valid = g_utf8_validate_len (text, length, NULL);
  gsize shown = MIN (length, max_length);

  /* Do not cut a UTF-8 sequence in two. */
  if (valid)
    while (shown < length && shown > 0 && ((guchar) text[shown] & 0xc0) == 0x80)
      shown--;

  for (gsize i = 0; i < shown; i++)
    {
      guchar c = (guchar) text[i];

      if (c == '\0')
        g_string_append (s, "\\0");
      else if (c < 0x20 || c == 0x7f || (c >= 0x80 && !valid))
        g_string_append_printf (s, "\\x%02x", c);
      else
        g_string_append_c (s, (char) c);
    }
  if (shown < length)
    g_string_append (s, "…");

  return g_string_free (s, FALSE);
}

static gboolean
parse_digits (const char *p,
              guint       n,
              guint      *out)
{
  guint value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (p[i] < '0' || p[i] > '9')
        return FALSE;
      value = value * 10 + (guint) (p[i] - '0');
    }
  *out = value;
  return TRUE;
}

/* EDTF forms that libiis refuses, with the reason (checked when a date
 * does not parse, so the message says what the text is). */
static const char *
explain_unsupported (const char *text,
                     gsize       len)
{
  if (len > 0 && (text[0] == '[' || text[0] == '{'))
    return "sets of dates are not supported";
  if (memchr (text, '/', len) != NULL)
    return "an interval is written as a start and an end, not as one date "
           "(only “../DATE”, on or before DATE, is a date)";
  if (len > 0 && text[0] == 'Y')
    return "years of more than four digits are not supported";
  if (len > 0 && (text[0] == '-' || text[0] == '+'))
    return "years before 1 are not supported";
  if (memchr (text, 'T', len) != NULL)
    return "times of day are not supported";
  if (memchr (text, 'S', len) != NULL || memchr (text, 'E', len) != NULL)
    return "significant digits and exponents are not supported";
  for (gsize i = 0; i + 1 < len; i++)
    if (text[i] == '?' || text[i] == '~' || text[i] == '%')
      return "a qualifier on one part of a date (EDTF level 2) is not "
             "supported: qualify the whole date, at its end";
  if (len >= 7 && text[4] == '-' && text[5] >= '2' && text[5] <= '4'
      && g_ascii_isdigit (text[6]) && (len == 7 || text[7] == '?' || text[7] == '~' || text[7] == '%'))
    return "seasons (months 21 to 41) are not supported";
  return NULL;
}

/* Four year characters: digits, then 0 to 4 'X'. */
static gboolean
parse_year (const char *p,
            guint      *year,
            guint      *unspecified)
{
  guint n_x = 0;
  guint value = 0;

  for (guint i = 0; i < 4; i++)
    {
      if (p[i] == 'X')
        n_x++;
      else if (n_x > 0 || p[i] < '0' || p[i] > '9')
        return FALSE;
      value = value * 10 + (p[i] == 'X' ? 0 : (guint) (p[i] - '0'));
    }
  *year = value;
  *unspecified = n_x;
  return TRUE;
}

/* Two characters: digits, or "XX" (@x set). */
static gboolean
parse_part (const char *p,
            guint      *out,
            gboolean   *x)
{
  *x = p[0] == 'X' && p[1] == 'X';
  if (*x)
    {
      *out = 0;
      return TRUE;
    }
  return parse_digits (p, 2, out);
}

gboolean
_iis_date_parse_into (const char  *text,
                      gssize       length,
                      IisDate     *out,
                      GError     **error)
{
  guint year = 0, month = 0, day = 0, year_x = 0;
  gboolean month_x = FALSE, day_x = FALSE;
  guint flags = 0;
  gboolean syntax_ok;
  gsize len, body;
  g_autofree char *why = NULL;

  g_return_val_if_fail (text != NULL || length == 0, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  len = length < 0 ? strlen (text) : (gsize) length;

  /* "../DATE": on or before DATE (an EDTF interval with an open start,
   * taken as one date). */
  if (len > 3 && text[0] == '.' && text[1] == '.' && text[2] == '/')
    {
      IisDate inner;

      if (!_iis_date_parse_into (text + 3, (gssize) (len - 3), &inner, NULL)
          || (inner.flags & IIS_DATE_FLAG_ON_OR_BEFORE))
        {
          g_autofree char *quoted = quote_text (text, len);

          g_set_error (error, IIS_ERROR, IIS_ERROR_INVALID_VALUE,
                       "Invalid date “%s”: expected a date after “../”", quoted);
          return FALSE;
        }
      *out = inner;
      out->flags |= IIS_DATE_FLAG_ON_OR_BEFORE;
      return TRUE;
    }

  /* A qualifier of the whole date, at its end (EDTF level 1). */
  body = len;
  if (body > 0)
    {
      switch (text[body - 1])
        {
        case '?': flags = IIS_DATE_FLAG_UNCERTAIN; body--; break;
        case '~': flags = IIS_DATE_FLAG_APPROXIMATE; body--; break;
        case '%': flags = IIS_DATE_FLAG_UNCERTAIN | IIS_DATE_FLAG_APPROXIMATE; body--; break;
        default: break;
        }
    }

  /* YYYY, YYYY-MM or YYYY-MM-DD, nothing before or after; trailing digits
   * may be X (unspecified). An embedded NUL is not a digit, an X nor a
   * dash, so it fails the syntax check. */
  switch (body)
    {
    case 4:
      syntax_ok = parse_year (text, &year, &year_x);
      break;
    case 7:
      syntax_ok = parse_year (text, &year, &year_x) && text[4] == '-'
                  && parse_part (text + 5, &month, &month_x);
      break;
    case 10:
      syntax_ok = parse_year (text, &year, &year_x) && text[4] == '-'
                  && parse_part (text + 5, &month, &month_x) && text[7] == '-'
                  && parse_part (text + 8, &day, &day_x);
      break;
    default:
      syntax_ok = FALSE;
      break;
    }

  if (!syntax_ok)
    {
      g_autofree char *quoted = quote_text (text, len);
      const char *unsupported = explain_unsupported (text, len);

      if (unsupported != NULL)
        g_set_error (error, IIS_ERROR, IIS_ERROR_INVALID_VALUE,
                     "Invalid date “%s”: %s", quoted, unsupported);
      else
        g_set_error (error, IIS_ERROR, IIS_ERROR_INVALID_VALUE,
                     "Invalid date “%s”: expected YYYY, YYYY-MM or YYYY-MM-DD",
                     quoted);
      return FALSE;
    }

  /* Only trailing parts may be unspecified (201X-XX, not 201X-06), but a
   * wholly unspecified year may carry a month and day: XXXX-11-29 is
   * "29 November, year unknown" (an EDTF level 2 form libiis takes). */
  if ((year_x > 0 && year_x < 4 && body > 4 && !month_x) || (month_x && body > 7 && !day_x)
      || (year_x == 4 && (month_x || day_x)))
    why = g_strdup ("only the last digits of a date may be unspecified (X)");
  else if (year_x == 0 && year == 0)
    why = g_strdup ("year 0 is out of range");
  else if ((year_x == 0 || year_x == 4) && body == 7 && !month_x && month >= 21 && month <= 41)
    why = g_strdup ("seasons (months 21 to 41) are not supported");
  else if (year_x == 0 || year_x == 4)
    why = explain_invalid (year_x == 4 ? 2000 : year,   /* any leap year */
                           month_x ? 1 : month, day_x ? 1 : day,
                           body >= 7 && !month_x, body == 10 && !day_x);

  if (why != NULL)
    {
      g_autofree char *quoted = quote_text (text, len);

      g_set_error (error, IIS_ERROR, IIS_ERROR_INVALID_VALUE,
                   "Invalid date “%s”: %s", quoted, why);
      return FALSE;
    }

  flags |= year_x;
  if (month_x)
    flags |= IIS_DATE_FLAG_MONTH_X;
  if (day_x)
    flags |= IIS_DATE_FLAG_DAY_X;

  out->year = (guint16) year;
  out->month = (guint8) month;
  out->day = (guint8) day;
  out->flags = (guint8) flags;
  return TRUE;
}

static inline IisDatePrecision
packed_precision (guint32 packed)
{
  if (((packed >> 9) & 0x1f) != 0)
    return IIS_DATE_PRECISION_DAY;
  if (((packed >> 14) & 0xf) != 0)
    return IIS_DATE_PRECISION_MONTH;
  return IIS_DATE_PRECISION_YEAR;
}

/* The earliest and latest exact dates an inexact one may be, at its own
 * precision: unspecified digits span their range (201X: 2010 to 2019,
 * 2015-XX: 2015-01 to 2015-12), a qualifier (? ~ %) widens the range by
 * one unit of the precision each side (2005~: 2004 to 2006). */
static void
date_range (const IisDate *date,
            IisDate       *lo,
            IisDate       *hi)
{
  guint year_x = date->flags & IIS_DATE_FLAG_YEAR_X_MASK;
  static const guint spans[] = { 1, 10, 100, 1000, 10000 };

  *lo = *date;
  *hi = *date;
  lo->flags = hi->flags = 0;

  if (year_x == 4 && date->month != 0)
    {
      /* A day of the year, the year unknown: that day of any year (the
       * 29th of February of a leap year). */
      lo->year = date->month == 2 && date->day == 29 ? 4 : 1;
      hi->year = date->month == 2 && date->day == 29 ? 9996 : 9999;
    }
  else if (year_x > 0)
    {
      lo->year = MAX (date->year, 1);
      hi->year = MIN (date->year + spans[year_x] - 1, 9999);
      lo->month = hi->month = lo->day = hi->day = 0;
    }
  else if (date->flags & IIS_DATE_FLAG_MONTH_X)
    {
      lo->month = 1;
      hi->month = 12;
      lo->day = hi->day = 0;
    }
  else if (date->flags & IIS_DATE_FLAG_DAY_X)
    {
      lo->day = 1;
      hi->day = days_in_month (date->year, date->month);
    }

  if (date->flags & (IIS_DATE_FLAG_UNCERTAIN | IIS_DATE_FLAG_APPROXIMATE))
    {
      if (lo->day != 0)
        {
          GDate g;

          g_date_clear (&g, 1);
          g_date_set_dmy (&g, lo->day, lo->month, lo->year);
          if (lo->year > 1 || lo->month > 1 || lo->day > 1)
            g_date_subtract_days (&g, 1);
          lo->year = g_date_get_year (&g);
          lo->month = g_date_get_month (&g);
          lo->day = g_date_get_day (&g);
          g_date_set_dmy (&g, hi->day, hi->month, hi->year);
          if (hi->year < 9999 || hi->month < 12 || hi->day < 31)
            g_date_add_days (&g, 1);
          hi->year = g_date_get_year (&g);
          hi->month = g_date_get_month (&g);
          hi->day = g_date_get_day (&g);
        }
      else if (lo->month != 0)
        {
          if (lo->month > 1)
            lo->month--;
          else if (lo->year > 1)
            {
              lo->year--;
              lo->month = 12;
            }
          if (hi->month < 12)
            hi->month++;
          else if (hi->year < 9999)
            {
              hi->year++;
              hi->month = 1;
            }
        }
      else
        {
          lo->year = MAX (lo->year, 2) - 1;
          hi->year = MIN (hi->year + 1, 9999);
        }
    }

  /* On or before: from the beginning of time. */
  if (date->flags & IIS_DATE_FLAG_ON_OR_BEFORE)
    *lo = (IisDate) { .year = 1 };
}

static void
packed_range (guint32  packed,
              guint32 *lo,
              guint32 *hi)
{
  IisDate date, l, h;

  if (IIS_DATE_PACKED_IS_EXACT (packed))
    {
      *lo = *hi = packed;
      return;
    }
  _iis_date_unpack (packed, &date);
  date_range (&date, &l, &h);
  *lo = _iis_date_pack (&l);
  *hi = _iis_date_pack (&h);
}

/* Whether the bound @bound is on or before @at: YES when even its latest
 * value is (compared at the coarser precision), NO when even its earliest
 * is after the latest @at may be, UNKNOWN otherwise. */
static IisTruth
bound_reached (guint32 bound,
               guint32 at_lo,
               guint32 at_hi)
{
  guint32 lo, hi;

  packed_range (bound, &lo, &hi);
  if (_iis_date_packed_compare_coarse (hi, at_lo) <= 0)
    return IIS_TRUTH_YES;
  if (_iis_date_packed_compare_coarse (lo, at_hi) > 0)
    return IIS_TRUTH_NO;
  return IIS_TRUTH_UNKNOWN;
}

IisTruth
_iis_date_packed_on_or_before (guint32 a,
                               guint32 b)
{
  guint32 b_lo, b_hi;

  if (IIS_DATE_PACKED_IS_EXACT (a | b))
    return _iis_date_packed_compare_coarse (a, b) <= 0 ? IIS_TRUTH_YES : IIS_TRUTH_NO;
  packed_range (b, &b_lo, &b_hi);
  return bound_reached (a, b_lo, b_hi);
}

IisTruth
_iis_date_packed_period_truth (guint32 start,
                               guint32 end,
                               guint32 at)
{
  guint32 at_lo, at_hi;
  IisTruth begun, ended;

  if (at == IIS_DATE_PACKED_NONE)
    return IIS_TRUTH_YES;

  packed_range (at, &at_lo, &at_hi);
  begun = start == IIS_DATE_PACKED_NONE ? IIS_TRUTH_YES : bound_reached (start, at_lo, at_hi);
  ended = end == IIS_DATE_PACKED_NONE ? IIS_TRUTH_NO : bound_reached (end, at_lo, at_hi);

  /* begun and not ended, in Kleene's logic */
  if (begun == IIS_TRUTH_NO || ended == IIS_TRUTH_YES)
    return IIS_TRUTH_NO;
  if (begun == IIS_TRUTH_YES && ended == IIS_TRUTH_NO)
    return IIS_TRUTH_YES;
  return IIS_TRUTH_UNKNOWN;
}

/**
 * iis_date_is_valid:
 * @year: the year, 1 to 9999
 * @month: the month, 1 to 12, or 0 if unknown
 * @day: the day of the month, or 0 if unknown
 *
 * Checks whether @year, @month and @day make a date: the year in range,
 * the month in range or unknown, the day in the month or unknown, and no
 * day without a month.
 *
 * Returns: %TRUE if [ctor@Iis.Date.new] accepts these values
 *
 * Since: 1.0
 */
gboolean
iis_date_is_valid (guint year,
                   guint month,
                   guint day)
{
  g_autofree char *why = explain_invalid (year, month, day, FALSE, FALSE);

  return why == NULL;
}

/**
 * iis_date_new:
 * @year: the year, 1 to 9999
 * @month: the month, 1 to 12, or 0 if unknown
 * @day: the day of the month, or 0 if unknown
 *
 * Creates a date from values the program knows to be valid (see
 * [func@Iis.Date.is_valid]); an impossible date is a programmer error.
 * Use [ctor@Iis.Date.new_checked] for values that come from input.
 *
 * Returns: (transfer full) (nullable): a new date, or %NULL if the values
 *   are not a valid date
 *
 * Since: 1.0
 */
IisDate *
iis_date_new (guint year,
              guint month,
              guint day)
{
  IisDate *self;

  g_return_val_if_fail (iis_date_is_valid (year, month, day), NULL);

  self = g_new0 (IisDate, 1);
  self->year = (guint16) year;
  self->month = (guint8) month;
  self->day = (guint8) day;
  return self;
}

/**
 * iis_date_new_checked:
 * @year: the year, 1 to 9999
 * @month: the month, 1 to 12, or 0 if unknown
 * @day: the day of the month, or 0 if unknown
 * @error: return location for a #GError
 *
 * Creates a date from values that may be invalid, for example values
 * read from input. An impossible date is reported as
 * %IIS_ERROR_INVALID_VALUE.
 *
 * Returns: (transfer full): a new date, or %NULL with @error set
 *
 * Since: 1.0
 */
IisDate *
iis_date_new_checked (guint     year,
                      guint     month,
                      guint     day,
                      GError  **error)
{
  g_autofree char *why = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  why = explain_invalid (year, month, day, FALSE, FALSE);
  if (why != NULL)
    {
      g_autofree char *value = NULL;

      if (month == 0 && day == 0)
        value = g_strdup_printf ("%04u", year);
      else if (day == 0)
        value = g_strdup_printf ("%04u-%02u", year, month);
      else
        value = g_strdup_printf ("%04u-%02u-%02u", year, month, day);

      g_set_error (error, IIS_ERROR, IIS_ERROR_INVALID_VALUE,
                   "Invalid date “%s”: %s", value, why);
      return NULL;
    }

  return iis_date_new (year, month, day);
}

/**
 * iis_date_parse:
 * @text: an ISO 8601 calendar date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`
 * @error: return location for a #GError
 *
 * Parses a date written at any of the three precisions. Exactly those
 * forms are accepted: four-digit years, two-digit months and days, no
 * sign, no white space, nothing after the date. Anything else, or an
 * impossible date, is reported as %IIS_ERROR_INVALID_VALUE with a message
 * that quotes @text.
 *
 * Returns: (transfer full): a new date, or %NULL with @error set
 *
 * Since: 1.0
 */
IisDate *
iis_date_parse (const char  *text,
                GError     **error)
{
  IisDate date;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_iis_date_parse_into (text, -1, &date, error))
    return NULL;

  return iis_date_copy (&date);
}

/**
 * iis_date_copy:
 * @self: a date
 *
 * Copies a date.
 *
 * Returns: (transfer full): a copy of @self
 *
 * Since: 1.0
 */
IisDate *
iis_date_copy (const IisDate *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_memdup2 (self, sizeof *self);
}

/**
 * iis_date_free:
 * @self: (nullable): a date
 *
 * Frees a date. Does nothing when @self is %NULL.
 *
 * Since: 1.0
 */
void
iis_date_free (IisDate *self)
{
  g_free (self);
}

/**
 * iis_date_to_string:
 * @self: a date
 *
 * Writes the date in ISO 8601 form at its own precision: `2017`,
 * `2017-02` or `2017-02-02`.
 *
 * Returns: (transfer full): the date as a string
 *
 * Since: 1.0
 */
char *
iis_date_to_string (const IisDate *self)
{
  GString *out;
  char year[5];
  guint year_x;

  g_return_val_if_fail (self != NULL, NULL);

  year_x = self->flags & IIS_DATE_FLAG_YEAR_X_MASK;
  if (self->flags == 0)
    {
      if (self->month == 0)
        return g_strdup_printf ("%04u", (guint) self->year);
      if (self->day == 0)
        return g_strdup_printf ("%04u-%02u", (guint) self->year, (guint) self->month);
      return g_strdup_printf ("%04u-%02u-%02u",
                              (guint) self->year, (guint) self->month, (guint) self->day);
    }

  out = g_string_sized_new (12);
  if (self->flags & IIS_DATE_FLAG_ON_OR_BEFORE)
    g_string_append (out, "../");
  g_snprintf (year, sizeof year, "%04u", (guint) self->year);
  for (guint i = 0; i < year_x; i++)
    year[3 - i] = 'X';
  g_string_append (out, year);
  if (self->flags & IIS_DATE_FLAG_MONTH_X)
    g_string_append (out, "-XX");
  else if (self->month != 0)
    g_string_append_printf (out, "-%02u", (guint) self->month);
  if (self->flags & IIS_DATE_FLAG_DAY_X)
    g_string_append (out, "-XX");
  else if (self->day != 0)
    g_string_append_printf (out, "-%02u", (guint) self->day);

  switch (self->flags & (IIS_DATE_FLAG_UNCERTAIN | IIS_DATE_FLAG_APPROXIMATE))
    {
    case IIS_DATE_FLAG_UNCERTAIN: g_string_append_c (out, '?'); break;
    case IIS_DATE_FLAG_APPROXIMATE: g_string_append_c (out, '~'); break;
    case IIS_DATE_FLAG_UNCERTAIN | IIS_DATE_FLAG_APPROXIMATE: g_string_append_c (out, '%'); break;
    default: break;
    }

  return g_string_free (out, FALSE);
}

/**
 * iis_date_get_year:
 * @self: a date
 *
 * Gets the year.
 *
 * Returns: the year, 1 to 9999
 *
 * Since: 1.0
 */
guint
iis_date_get_year (const IisDate *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->year;
}

/**
 * iis_date_get_month:
 * @self: a date
 *
 * Gets the month.
 *
 * Returns: the month, 1 to 12, or 0 if it is not known
 *
 * Since: 1.0
 */
guint
iis_date_get_month (const IisDate *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->month;
}

/**
 * iis_date_get_day:
 * @self: a date
 *
 * Gets the day of the month.
 *
 * Returns: the day, 1 to 31, or 0 if it is not known
 *
 * Since: 1.0
 */
guint
iis_date_get_day (const IisDate *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->day;
}

/**
 * iis_date_get_precision:
 * @self: a date
 *
 * Gets how much of the date is known.
 *
 * Returns: the precision of @self
 *
 * Since: 1.0
 */
IisDatePrecision
iis_date_get_precision (const IisDate *self)
{
  g_return_val_if_fail (self != NULL, IIS_DATE_PRECISION_YEAR);

  return packed_precision (_iis_date_pack (self));
}

/**
 * iis_date_compare:
 * @a: (nullable): a date
 * @b: (nullable): another date
 *
 * Compares two dates in the total order used for sorting: by year, then
 * month, then day, an unknown month or day coming before every known one
 * (`2017` < `2017-01` < `2017-01-01`). %NULL comes before every date.
 *
 * Returns: a negative number if @a comes first, 0 if the dates are equal,
 *   a positive number if @b comes first
 *
 * Since: 1.0
 */
int
iis_date_compare (const IisDate *a,
                  const IisDate *b)
{
  guint32 pa = _iis_date_pack (a);
  guint32 pb = _iis_date_pack (b);

  return pa < pb ? -1 : pa > pb ? 1 : 0;
}

/**
 * iis_date_compare_coarse:
 * @a: (nullable): a date
 * @b: (nullable): another date
 *
 * Compares two dates at the coarser of their two precisions: `2017` and
 * `2017-06-01` compare equal, `2017-05` comes before `2017-06-01`. This is
 * the comparison that decides whether a period holds at a date (see
 * [struct@Iis.Date]). It is not a total order; use
 * [method@Iis.Date.compare] for sorting. %NULL comes before every date.
 *
 * Returns: a negative number if @a comes first, 0 if the dates cannot be
 *   told apart at the coarser precision, a positive number if @b comes first
 *
 * Since: 1.0
 */
int
iis_date_compare_coarse (const IisDate *a,
                         const IisDate *b)
{
  if (a == NULL || b == NULL)
    return iis_date_compare (a, b);

  return _iis_date_packed_compare_coarse (_iis_date_pack (a), _iis_date_pack (b));
}

/**
 * iis_date_equal:
 * @a: (nullable): a date
 * @b: (nullable): another date
 *
 * Checks whether two dates are the same, at the same precision: `2017`
 * and `2017-01` differ. Two %NULL dates are equal.
 *
 * Returns: %TRUE if [method@Iis.Date.compare] would return 0
 *
 * Since: 1.0
 */
gboolean
iis_date_equal (const IisDate *a,
                const IisDate *b)
{
  return _iis_date_pack (a) == _iis_date_pack (b);
}

/**
 * iis_date_hash:
 * @self: (nullable): a date
 *
 * Hashes a date, consistently with [method@Iis.Date.equal], for use in a
 * #GHashTable.
 *
 * Returns: a hash value
 *
 * Since: 1.0
 */
guint
iis_date_hash (const IisDate *self)
{
  return _iis_date_pack (self);
}

/**
 * iis_date_get_qualifiers:
 * @self: a date
 *
 * Gets what the date says beyond its digits: whether it is uncertain
 * (`2005?`), approximate (`2005~`; `2005%` is both) or has unspecified
 * digits (`201X`, `2015-XX`). A date of ISO 8601 alone has none.
 *
 * Returns: the qualifiers of @self
 *
 * Since: 1.1
 */
IisDateQualifiers
iis_date_get_qualifiers (const IisDate *self)
{
  IisDateQualifiers out = IIS_DATE_QUALIFIERS_NONE;

  g_return_val_if_fail (self != NULL, IIS_DATE_QUALIFIERS_NONE);

  if (self->flags & IIS_DATE_FLAG_UNCERTAIN)
    out |= IIS_DATE_QUALIFIERS_UNCERTAIN;
  if (self->flags & IIS_DATE_FLAG_APPROXIMATE)
    out |= IIS_DATE_QUALIFIERS_APPROXIMATE;
  if (self->flags & (IIS_DATE_FLAG_YEAR_X_MASK | IIS_DATE_FLAG_MONTH_X | IIS_DATE_FLAG_DAY_X))
    out |= IIS_DATE_QUALIFIERS_UNSPECIFIED;
  if (self->flags & IIS_DATE_FLAG_ON_OR_BEFORE)
    out |= IIS_DATE_QUALIFIERS_ON_OR_BEFORE;
  return out;
}

/**
 * iis_date_is_exact:
 * @self: a date
 *
 * Checks whether the date is exact: an ISO 8601 date at its precision,
 * with no qualifier and no unspecified digit. Exact dates are the dates
 * of file format 1.0; whether a period holds at an exact date is always
 * certain.
 *
 * Returns: %TRUE if [method@Iis.Date.get_qualifiers] is
 *   %IIS_DATE_QUALIFIERS_NONE
 *
 * Since: 1.1
 */
gboolean
iis_date_is_exact (const IisDate *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->flags == 0;
}

/**
 * iis_date_dup_earliest:
 * @self: a date
 *
 * Gets the earliest exact date @self may be, at its own precision: the
 * first of the range of its unspecified digits (`201X` → `2010`,
 * `2015-XX` → `2015-01`), one unit of its precision earlier when it is
 * uncertain or approximate (`2005~` → `2004`). An exact date is its own
 * earliest. These ranges decide whether a period possibly holds (see the
 * "Dates" page of the documentation).
 *
 * Returns: (transfer full): an exact date
 *
 * Since: 1.1
 */
IisDate *
iis_date_dup_earliest (const IisDate *self)
{
  IisDate lo, hi;

  g_return_val_if_fail (self != NULL, NULL);

  date_range (self, &lo, &hi);
  return iis_date_copy (&lo);
}

/**
 * iis_date_dup_latest:
 * @self: a date
 *
 * Gets the latest exact date @self may be, at its own precision (`201X` →
 * `2019`, `2015-06-XX` → `2015-06-30`, `2005~` → `2006`); the counterpart
 * of [method@Iis.Date.dup_earliest].
 *
 * Returns: (transfer full): an exact date
 *
 * Since: 1.1
 */
IisDate *
iis_date_dup_latest (const IisDate *self)
{
  IisDate lo, hi;

  g_return_val_if_fail (self != NULL, NULL);

  date_range (self, &lo, &hi);
  return iis_date_copy (&hi);
}

/**
 * iis_period_get_truth_at:
 * @start: (nullable): the start of a period (inclusive), or %NULL if it
 *   has none
 * @end: (nullable): the end of the period (exclusive), or %NULL if it has
 *   not ended
 * @at: (nullable): the date asked about, or %NULL for "at any time"
 *
 * Tells whether a period holds at a date, in three values. With exact
 * dates this is the rule of 1.0 (see [struct@Iis.Date]) and the answer is
 * %IIS_TRUTH_YES or %IIS_TRUTH_NO. An inexact date stands for the range
 * from its [method@Iis.Date.dup_earliest] to its
 * [method@Iis.Date.dup_latest]: the period has certainly begun when even
 * the latest start is on or before @at, certainly not when even the
 * earliest start is after it, and possibly otherwise; likewise for the
 * end. So a membership that began `201X` possibly holds at `2015`, and
 * one that ended `2015~` possibly holds at `2015-06`.
 *
 * Returns: whether the period holds at @at
 *
 * Since: 1.1
 */
IisTruth
iis_period_get_truth_at (const IisDate *start,
                         const IisDate *end,
                         const IisDate *at)
{
  return _iis_date_packed_period_truth (_iis_date_pack (start), _iis_date_pack (end),
                                        _iis_date_pack (at));
}
