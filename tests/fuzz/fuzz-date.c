/* fuzz-date.c: parsing IisDate
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * The input is text: one date, or two separated by a '|'.
 *
 * Invariants, any of which failing aborts:
 * - iis_date_parse() on the text and the reader's _iis_date_parse_into()
 *   on the exact bytes (no NUL after them) agree;
 * - a parsed date is valid, writes as text that parses to an equal
 *   date and writes the same text again; its packed form unpacks to it;
 * - a failed parse sets a proper error;
 * - for two dates, iis_date_compare() and iis_date_compare_coarse() are
 *   antisymmetric, equal dates compare as 0 and hash the same, and the
 *   packed order is the compare order;
 * - the first 12 bytes read as three numbers give a date through
 *   iis_date_new_checked() exactly when iis_date_is_valid() says so.
 */

#include <string.h>

#include <libiis/iis.h>

#include "iis-date-private.h"
#include "fuzz-common.h"

static int
sign (int value)
{
  return (value > 0) - (value < 0);
}

static IisDate *
parse_checked (const char *text,
               gsize       length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error_into = NULL;
  g_autofree char *copy = g_strndup (text, length);
  g_autoptr(IisDate) date = iis_date_parse (copy, &error);
  IisDate into = { 0, };
  gboolean ok_into;

  ok_into = _iis_date_parse_into (text, length, &into, &error_into);

  /* A NUL inside the bytes cuts the copy short: only then may they differ. */
  if (memchr (text, '\0', length) == NULL)
    {
      if ((date != NULL) != ok_into)
        fuzz_fail ("iis_date_parse (“%s”) %s, _iis_date_parse_into %s", copy,
                   date ? "succeeds" : "fails", ok_into ? "succeeds" : "fails");
      if (date != NULL && !iis_date_equal (date, &into))
        fuzz_fail ("iis_date_parse and _iis_date_parse_into disagree on “%s”", copy);
    }
  if (!ok_into)
    fuzz_check_error (error_into, "_iis_date_parse_into");

  if (date == NULL)
    {
      fuzz_check_error (error, "iis_date_parse");
      if (error->domain != IIS_ERROR)
        fuzz_fail ("iis_date_parse (“%s”) failed outside IIS_ERROR", copy);
      return NULL;
    }
  if (error != NULL)
    fuzz_fail ("iis_date_parse (“%s”) succeeded and set an error", copy);

  {
    guint year = iis_date_get_year (date);
    guint month = iis_date_get_month (date);
    guint day = iis_date_get_day (date);
    IisDatePrecision precision = iis_date_get_precision (date);
    g_autofree char *written = iis_date_to_string (date);
    g_autoptr(GError) error_again = NULL;
    g_autoptr(IisDate) again = iis_date_parse (written, &error_again);
    g_autofree char *written_again = NULL;
    g_autoptr(IisDate) copied = iis_date_copy (date);
    IisDate unpacked;

    if (iis_date_is_exact (date) && !iis_date_is_valid (year, month, day))
      fuzz_fail ("“%s” parses to an invalid date %u-%u-%u", copy, year, month, day);
    if (!iis_date_is_exact (date))
      {
        /* An inexact date stands for a range of valid exact dates. */
        g_autoptr(IisDate) lo = iis_date_dup_earliest (date);
        g_autoptr(IisDate) hi = iis_date_dup_latest (date);

        if (!iis_date_is_exact (lo) || !iis_date_is_exact (hi)
            || !iis_date_is_valid (iis_date_get_year (lo), iis_date_get_month (lo), iis_date_get_day (lo))
            || !iis_date_is_valid (iis_date_get_year (hi), iis_date_get_month (hi), iis_date_get_day (hi)))
          fuzz_fail ("“%s” has an invalid range", copy);
        if (iis_date_compare (lo, hi) > 0)
          fuzz_fail ("“%s” has its earliest after its latest", copy);
        if (iis_date_get_qualifiers (date) == IIS_DATE_QUALIFIERS_NONE)
          fuzz_fail ("“%s” is inexact without a qualifier", copy);
      }
    if (precision != (day ? IIS_DATE_PRECISION_DAY
                          : month ? IIS_DATE_PRECISION_MONTH : IIS_DATE_PRECISION_YEAR))
      fuzz_fail ("“%s” has precision %d", copy, precision);
    if (again == NULL)
      fuzz_fail ("“%s” writes as “%s”, which does not parse: %s", copy, written,
                 error_again->message);
    if (!iis_date_equal (date, again) || iis_date_compare (date, again) != 0
        || iis_date_hash (date) != iis_date_hash (again))
      fuzz_fail ("“%s” writes as “%s”, which parses to another date", copy, written);
    written_again = iis_date_to_string (again);
    if (strcmp (written, written_again) != 0)
      fuzz_fail ("“%s” writes as “%s”, then as “%s”", copy, written, written_again);
    if (!iis_date_equal (date, copied))
      fuzz_fail ("a copy of “%s” is another date", copy);
    _iis_date_unpack (_iis_date_pack (date), &unpacked);
    if (!iis_date_equal (date, &unpacked))
      fuzz_fail ("“%s” does not survive packing", copy);
  }

  return g_steal_pointer (&date);
}

static void
check_order (const IisDate *a,
             const IisDate *b)
{
  int ab = iis_date_compare (a, b), ba = iis_date_compare (b, a);
  int coarse_ab = iis_date_compare_coarse (a, b), coarse_ba = iis_date_compare_coarse (b, a);
  guint32 pa = _iis_date_pack (a), pb = _iis_date_pack (b);

  if (sign (ab) != -sign (ba))
    fuzz_fail ("iis_date_compare is not antisymmetric");
  if (sign (coarse_ab) != -sign (coarse_ba))
    fuzz_fail ("iis_date_compare_coarse is not antisymmetric");
  if ((ab == 0) != iis_date_equal (a, b))
    fuzz_fail ("iis_date_compare and iis_date_equal disagree");
  if (ab == 0 && coarse_ab != 0)
    fuzz_fail ("equal dates differ at the coarse precision");
  if (sign (ab) != ((pa > pb) - (pa < pb)))
    fuzz_fail ("packed dates do not order as iis_date_compare");
  if (sign (coarse_ab) != sign (_iis_date_packed_compare_coarse (pa, pb)))
    fuzz_fail ("packed coarse comparison disagrees with iis_date_compare_coarse");

  /* Three-valued holding: the two-valued rule is "certainly", exact
   * dates are never unknown, and a start on or before itself has begun. */
  {
    IisTruth t = iis_period_get_truth_at (a, NULL, b);
    IisTruth ended = iis_period_get_truth_at (NULL, a, b);

    if (_iis_date_packed_period_holds (pa, IIS_DATE_PACKED_NONE, pb) != (t == IIS_TRUTH_YES))
      fuzz_fail ("the period rule and its three-valued form disagree");
    if (iis_date_is_exact (a) && iis_date_is_exact (b)
        && (t == IIS_TRUTH_UNKNOWN || ended == IIS_TRUTH_UNKNOWN))
      fuzz_fail ("exact dates gave an unknown truth");
    if ((t == IIS_TRUTH_YES && ended == IIS_TRUTH_YES) || (t == IIS_TRUTH_NO && ended == IIS_TRUTH_NO))
      fuzz_fail ("a bound is both on or before a date and after it");
    if (iis_period_get_truth_at (a, NULL, a) == IIS_TRUTH_NO)
      fuzz_fail ("a period starting at a date has certainly not begun at it");
  }
}

static void
check_new_checked (const uint8_t *data,
                   size_t         size)
{
  guint32 values[3];
  g_autoptr(GError) error = NULL;
  g_autoptr(IisDate) date = NULL;

  if (size < sizeof values)
    return;
  memcpy (values, data, sizeof values);
  /* Keep small numbers likely: the interesting ones are near the range. */
  values[0] %= 12000;
  values[1] %= 16;
  values[2] %= 40;

  date = iis_date_new_checked (values[0], values[1], values[2], &error);
  if ((date != NULL) != iis_date_is_valid (values[0], values[1], values[2]))
    fuzz_fail ("iis_date_new_checked (%u, %u, %u) and iis_date_is_valid disagree",
               values[0], values[1], values[2]);
  if (date == NULL)
    {
      fuzz_check_error (error, "iis_date_new_checked");
      return;
    }

  {
    g_autofree char *text = iis_date_to_string (date);
    g_autoptr(IisDate) again = parse_checked (text, strlen (text));

    if (again == NULL || !iis_date_equal (date, again))
      fuzz_fail ("%u-%u-%u writes as “%s”, which does not parse back",
                 values[0], values[1], values[2], text);
  }
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_install_log_writer ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *text = (const char *) data;
  const char *bar;

  if (size == 0)
    return 0;

  bar = memchr (text, '|', size);
  if (bar == NULL)
    {
      g_autoptr(IisDate) date = parse_checked (text, size);
    }
  else
    {
      g_autoptr(IisDate) a = parse_checked (text, bar - text);
      g_autoptr(IisDate) b = parse_checked (bar + 1, size - (bar - text) - 1);

      if (a != NULL && b != NULL)
        check_order (a, b);
    }

  check_new_checked (data, size);
  return 0;
}
