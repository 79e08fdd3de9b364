/* test-date.c: IisDate, partial dates
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include <libiis/iis.h>

#include "iis-date-private.h"
#include "iis-test-util.h"

static void
test_date_new (void)
{
  g_autoptr(IisDate) year = iis_date_new (2017, 0, 0);
  g_autoptr(IisDate) month = iis_date_new (2017, 2, 0);
  g_autoptr(IisDate) day = iis_date_new (2017, 2, 3);
  g_autoptr(IisDate) copy = NULL;

  g_assert_cmpuint (iis_date_get_year (year), ==, 2017);
  g_assert_cmpuint (iis_date_get_month (year), ==, 0);
  g_assert_cmpuint (iis_date_get_day (year), ==, 0);
  g_assert_cmpint (iis_date_get_precision (year), ==, IIS_DATE_PRECISION_YEAR);

  g_assert_cmpuint (iis_date_get_year (month), ==, 2017);
  g_assert_cmpuint (iis_date_get_month (month), ==, 2);
  g_assert_cmpuint (iis_date_get_day (month), ==, 0);
  g_assert_cmpint (iis_date_get_precision (month), ==, IIS_DATE_PRECISION_MONTH);

  g_assert_cmpuint (iis_date_get_year (day), ==, 2017);
  g_assert_cmpuint (iis_date_get_month (day), ==, 2);
  g_assert_cmpuint (iis_date_get_day (day), ==, 3);
  g_assert_cmpint (iis_date_get_precision (day), ==, IIS_DATE_PRECISION_DAY);

  copy = iis_date_copy (day);
  g_assert_true (copy != day);
  g_assert_true (iis_date_equal (copy, day));

  /* The extremes of the range. */
  {
    g_autoptr(IisDate) first = iis_date_new (1, 1, 1);
    g_autoptr(IisDate) last = iis_date_new (9999, 12, 31);
    g_autofree char *s1 = iis_date_to_string (first);
    g_autofree char *s2 = iis_date_to_string (last);

    g_assert_cmpstr (s1, ==, "0001-01-01");
    g_assert_cmpstr (s2, ==, "9999-12-31");
  }
}

static void
test_date_boxed (void)
{
  g_autoptr(IisDate) date = iis_date_new (2009, 6, 16);
  IisDate *copy;
  GValue value = G_VALUE_INIT;

  g_assert_true (G_TYPE_IS_BOXED (IIS_TYPE_DATE));
  g_assert_cmpstr (g_type_name (IIS_TYPE_DATE), ==, "IisDate");

  g_value_init (&value, IIS_TYPE_DATE);
  g_value_set_boxed (&value, date);
  copy = g_value_get_boxed (&value);
  g_assert_true (copy != date);
  g_assert_true (iis_date_equal (copy, date));
  g_value_unset (&value);

  iis_date_free (NULL);
}

static void
test_date_is_valid (void)
{
  static const struct {
    guint year, month, day;
    gboolean valid;
  } cases[] = {
    { 2017, 0, 0, TRUE },
    { 2017, 1, 0, TRUE },
    { 2017, 12, 31, TRUE },
    { 1, 1, 1, TRUE },
    { 9999, 12, 31, TRUE },
    { 0, 0, 0, FALSE },
    { 10000, 0, 0, FALSE },
    { 2017, 13, 0, FALSE },
    { 2017, 0, 1, FALSE },      /* a day without a month */
    { 2017, 1, 32, FALSE },
    { 2017, 4, 31, FALSE },
    { 2017, 4, 30, TRUE },
    { 2017, 2, 28, TRUE },
    { 2017, 2, 29, FALSE },     /* common year */
    { 2016, 2, 29, TRUE },      /* divisible by 4 */
    { 2016, 2, 30, FALSE },
    { 1900, 2, 29, FALSE },     /* century not divisible by 400 */
    { 2000, 2, 29, TRUE },      /* divisible by 400 */
    { 2100, 2, 29, FALSE },
    { 2400, 2, 29, TRUE },
    { 4, 2, 29, TRUE },
    { 2017, 6, 31, FALSE },
    { 2017, 9, 31, FALSE },
    { 2017, 11, 31, FALSE },
    { 2017, 7, 31, TRUE },
    { 2017, 8, 31, TRUE },
    { 2017, 10, 31, TRUE },
    { 2017, 12, 32, FALSE },
    { 2017, 255, 0, FALSE },
    { 2017, 1, 256, FALSE },
    { G_MAXUINT, 1, 1, FALSE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(IisDate) date = NULL;

      g_test_message ("%u-%u-%u", cases[i].year, cases[i].month, cases[i].day);
      g_assert_cmpint (iis_date_is_valid (cases[i].year, cases[i].month, cases[i].day),
                       ==, cases[i].valid);

      date = iis_date_new_checked (cases[i].year, cases[i].month, cases[i].day, &error);
      if (cases[i].valid)
        {
          g_assert_no_error (error);
          g_assert_nonnull (date);
          g_assert_cmpuint (iis_date_get_year (date), ==, cases[i].year);
          g_assert_cmpuint (iis_date_get_month (date), ==, cases[i].month);
          g_assert_cmpuint (iis_date_get_day (date), ==, cases[i].day);
        }
      else
        {
          g_assert_error (error, IIS_ERROR, IIS_ERROR_INVALID_VALUE);
          g_assert_null (date);
        }
    }
}

static void
test_date_new_checked_messages (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IisDate) date = NULL;

  date = iis_date_new_checked (2017, 13, 0, &error);
  g_assert_null (date);
  g_assert_error (error, IIS_ERROR, IIS_ERROR_INVALID_VALUE);
  g_assert_cmpstr (error->message, ==, "Invalid date “2017-13”: month 13 is out of range");
  g_clear_error (&error);

  date = iis_date_new_checked (2019, 2, 29, &error);
  g_assert_null (date);
  g_assert_cmpstr (error->message, ==, "Invalid date “2019-02-29”: February 2019 has 28 days");
  g_clear_error (&error);

  date = iis_date_new_checked (2017, 0, 5, &error);
  g_assert_null (date);
  g_assert_cmpstr (error->message, ==, "Invalid date “2017-00-05”: day 5 is given without a month");
  g_clear_error (&error);

  date = iis_date_new_checked (0, 0, 0, &error);
  g_assert_null (date);
  g_assert_cmpstr (error->message, ==, "Invalid date “0000”: year 0 is out of range");
  g_clear_error (&error);

  /* NULL error is fine. */
  g_assert_null (iis_date_new_checked (2017, 2, 30, NULL));
}

static void
test_date_new_invalid_subprocess (void)
{
  g_autoptr(IisDate) date = NULL;

  if (g_test_subprocess ())
    {
      date = iis_date_new (2017, 2, 30);
      g_assert_null (date);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*iis_date_is_valid*");
}

static void
test_date_new_invalid_expect (void)
{
  IisDate *date;

  g_test_expect_message ("Iis", G_LOG_LEVEL_CRITICAL, "*iis_date_is_valid*");
  date = iis_date_new (2017, 13, 1);
  g_test_assert_expected_messages ();
  g_assert_null (date);

  g_test_expect_message ("Iis", G_LOG_LEVEL_CRITICAL, "*self != NULL*");
  g_assert_cmpuint (iis_date_get_year (NULL), ==, 0);
  g_test_assert_expected_messages ();

  g_test_expect_message ("Iis", G_LOG_LEVEL_CRITICAL, "*text != NULL*");
  g_assert_null (iis_date_parse (NULL, NULL));
  g_test_assert_expected_messages ();
}

static void
test_date_parse_valid (void)
{
  static const struct {
    const char *text;
    guint year, month, day;
    IisDatePrecision precision;
  } cases[] = {
    { "2017", 2017, 0, 0, IIS_DATE_PRECISION_YEAR },
    { "2017-02", 2017, 2, 0, IIS_DATE_PRECISION_MONTH },
    { "2017-02-02", 2017, 2, 2, IIS_DATE_PRECISION_DAY },
    { "0001", 1, 0, 0, IIS_DATE_PRECISION_YEAR },
    { "0001-01-01", 1, 1, 1, IIS_DATE_PRECISION_DAY },
    { "9999-12-31", 9999, 12, 31, IIS_DATE_PRECISION_DAY },
    { "2000-02-29", 2000, 2, 29, IIS_DATE_PRECISION_DAY },
    { "2016-02-29", 2016, 2, 29, IIS_DATE_PRECISION_DAY },
    { "1999-12", 1999, 12, 0, IIS_DATE_PRECISION_MONTH },
    { "2001-06-15", 2001, 6, 15, IIS_DATE_PRECISION_DAY },
    { "0999", 999, 0, 0, IIS_DATE_PRECISION_YEAR },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(IisDate) date = iis_date_parse (cases[i].text, &error);
      g_autofree char *back = NULL;

      g_test_message ("%s", cases[i].text);
      g_assert_no_error (error);
      g_assert_nonnull (date);
      g_assert_cmpuint (iis_date_get_year (date), ==, cases[i].year);
      g_assert_cmpuint (iis_date_get_month (date), ==, cases[i].month);
      g_assert_cmpuint (iis_date_get_day (date), ==, cases[i].day);
      g_assert_cmpint (iis_date_get_precision (date), ==, cases[i].precision);

      /* Round trip. */
      back = iis_date_to_string (date);
      g_assert_cmpstr (back, ==, cases[i].text);
    }
}

static void
test_date_parse_invalid (void)
{
  static const struct {
    const char *text;
    const char *message;
  } cases[] = {
    { "2017-13-40", "Invalid date “2017-13-40”: month 13 is out of range" },
    { "2017-13", "Invalid date “2017-13”: month 13 is out of range" },
    { "2017-00", "Invalid date “2017-00”: month 0 is out of range" },
    { "2017-00-00", "Invalid date “2017-00-00”: month 0 is out of range" },
    { "2017-02-00", "Invalid date “2017-02-00”: day 0 is out of range" },
    { "2017-02-30", "Invalid date “2017-02-30”: February 2017 has 28 days" },
    { "2017-02-29", "Invalid date “2017-02-29”: February 2017 has 28 days" },
    { "2019-02-29", "Invalid date “2019-02-29”: February 2019 has 28 days" },
    { "1900-02-29", "Invalid date “1900-02-29”: February 1900 has 28 days" },
    { "2016-02-30", "Invalid date “2016-02-30”: February 2016 has 29 days" },
    { "2017-04-31", "Invalid date “2017-04-31”: April 2017 has 30 days" },
    { "2017-01-32", "Invalid date “2017-01-32”: day 32 is out of range" },
    { "2017-01-99", "Invalid date “2017-01-99”: day 99 is out of range" },
    { "0000", "Invalid date “0000”: year 0 is out of range" },
    { "0000-01-01", "Invalid date “0000-01-01”: year 0 is out of range" },
  };
  static const char * const syntax[] = {
    "",
    "garbage",
    "abcd",
    "201",
    "20170",
    "12017",
    "017",
    "2017-",
    "2017-1",
    "2017-1-1",
    "2017-01-1",
    "2017-1-01",
    "2017-001",
    "2017-01-001",
    "20170101",
    "2017-0101",
    "2017-+1",
    "2017-01-+1",
    "2017--1",
    " 2017",
    "2017 ",
    "2017\n",
    "\t2017",
    "2017-01-01 ",
    " 2017-01-01",
    "2017 -01",
    "2017-01-01Z",
    "2017-01-01x",
    "2017x",
    "x2017",
    "2017-W01",
    "2017-01-01-01",
    "१२३४",
    "２０１７",
    "2o17",
    "0x7e1",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(IisDate) date = iis_date_parse (cases[i].text, &error);

      g_test_message ("%s", cases[i].text);
      g_assert_null (date);
      g_assert_error (error, IIS_ERROR, IIS_ERROR_INVALID_VALUE);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (syntax); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(IisDate) date = iis_date_parse (syntax[i], &error);
      g_autofree char *expected_prefix = NULL;

      g_test_message ("“%s”", syntax[i]);
      g_assert_null (date);
      g_assert_error (error, IIS_ERROR, IIS_ERROR_INVALID_VALUE);
      g_assert_true (g_str_has_prefix (error->message, "Invalid date “"));
      g_assert_true (g_str_has_suffix (error->message,
                                       "”: expected YYYY, YYYY-MM or YYYY-MM-DD"));
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }

  /* EDTF and ISO 8601 forms that libiis does not support say so. */
  {
    static const struct { const char *text; const char *why; } unsupported[] = {
      { "2017/01/01", "an interval is written as a start and an end, not as one date (only “../DATE”, on or before DATE, is a date)" },
      { "2017-01/01", "an interval is written as a start and an end, not as one date (only “../DATE”, on or before DATE, is a date)" },
      { "2004-06/2006-08", "an interval is written as a start and an end, not as one date (only “../DATE”, on or before DATE, is a date)" },
      { "+2017", "years before 1 are not supported" },
      { "-2017", "years before 1 are not supported" },
      { "+2017-01", "years before 1 are not supported" },
      { "2017-01-01T00:00", "times of day are not supported" },
      { "Y170000002", "years of more than four digits are not supported" },
      { "[1667,1668]", "sets of dates are not supported" },
      { "{1667,1668}", "sets of dates are not supported" },
      { "2001-21", "seasons (months 21 to 41) are not supported" },
      { "2001-24~", "seasons (months 21 to 41) are not supported" },
      { "2004?-06-11", "a qualifier on one part of a date (EDTF level 2) is not supported: qualify the whole date, at its end" },
      { "2004-06~-11", "a qualifier on one part of a date (EDTF level 2) is not supported: qualify the whole date, at its end" },
      { "1950S2", "significant digits and exponents are not supported" },
      { "../", "an interval is written as a start and an end, not as one date (only “../DATE”, on or before DATE, is a date)" },
      { "../../2004", "expected a date after “../”" },
      { "../2004x", "expected a date after “../”" },
      { "2004/..", "an interval is written as a start and an end, not as one date (only “../DATE”, on or before DATE, is a date)" },
      { "201X-06", "only the last digits of a date may be unspecified (X)" },
      { "2015-XX-15", "only the last digits of a date may be unspecified (X)" },
      { "XXXX-XX", "only the last digits of a date may be unspecified (X)" },
      { "0000~", "year 0 is out of range" },
      { "2015-13~", "month 13 is out of range" },
      { "2019-02-29?", "February 2019 has 28 days" },
      { "XXXX-02-30", "February 2000 has 29 days" },
      { "XXXX-XX-29", "only the last digits of a date may be unspecified (X)" },
    };

    for (gsize i = 0; i < G_N_ELEMENTS (unsupported); i++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(IisDate) date = iis_date_parse (unsupported[i].text, &error);
        g_autofree char *expected = g_strdup_printf ("Invalid date “%s”: %s",
                                                     unsupported[i].text, unsupported[i].why);

        g_test_message ("%s", unsupported[i].text);
        g_assert_null (date);
        g_assert_error (error, IIS_ERROR, IIS_ERROR_INVALID_VALUE);
        g_assert_cmpstr (error->message, ==, expected);
      }
  }

  /* The offending value is named, control characters escaped. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(IisDate) date = iis_date_parse ("2017\n", &error);

    g_assert_null (date);
    g_assert_cmpstr (error->message, ==,
                     "Invalid date “2017\\x0a”: expected YYYY, YYYY-MM or YYYY-MM-DD");
  }

  /* Invalid UTF-8 is escaped byte by byte. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(IisDate) date = iis_date_parse ("20\xff\xfe", &error);

    g_assert_null (date);
    g_assert_cmpstr (error->message, ==,
                     "Invalid date “20\\xff\\xfe”: expected YYYY, YYYY-MM or YYYY-MM-DD");
  }

  /* Long garbage is shortened in the message. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *long_text = g_strnfill (5000, '7');
    g_autoptr(IisDate) date = iis_date_parse (long_text, &error);

    g_assert_null (date);
    g_assert_error (error, IIS_ERROR, IIS_ERROR_INVALID_VALUE);
    g_assert_cmpuint (strlen (error->message), <, 200);
    g_assert_nonnull (strstr (error->message, "…"));
  }
}

static void
test_date_parse_into (void)
{
  IisDate date = { 0, };
  g_autoptr(GError) error = NULL;

  /* Length-limited: only the given bytes count. */
  g_assert_true (_iis_date_parse_into ("2017-02-02 trailing", 10, &date, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (date.year, ==, 2017);
  g_assert_cmpuint (date.month, ==, 2);
  g_assert_cmpuint (date.day, ==, 2);

  g_assert_true (_iis_date_parse_into ("2017-02-02", 7, &date, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (date.year, ==, 2017);
  g_assert_cmpuint (date.month, ==, 2);
  g_assert_cmpuint (date.day, ==, 0);

  g_assert_true (_iis_date_parse_into ("2017-02-02", 4, &date, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (date.year, ==, 2017);
  g_assert_cmpuint (date.month, ==, 0);

  g_assert_true (_iis_date_parse_into ("1999", -1, &date, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (date.year, ==, 1999);

  /* An embedded NUL within the given length is refused. */
  date = (IisDate) { 1, 1, 1 };
  g_assert_false (_iis_date_parse_into ("2017\0-02", 8, &date, &error));
  g_assert_error (error, IIS_ERROR, IIS_ERROR_INVALID_VALUE);
  g_assert_cmpstr (error->message, ==,
                   "Invalid date “2017\\0-02”: expected YYYY, YYYY-MM or YYYY-MM-DD");
  g_clear_error (&error);
  /* A failed parse leaves @out alone. */
  g_assert_cmpuint (date.year, ==, 1);

  g_assert_false (_iis_date_parse_into ("2017-02-0\0", 10, &date, &error));
  g_assert_error (error, IIS_ERROR, IIS_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  g_assert_false (_iis_date_parse_into ("\0\0\0\0", 4, &date, &error));
  g_assert_error (error, IIS_ERROR, IIS_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  /* Too short a length. */
  g_assert_false (_iis_date_parse_into ("2017", 3, &date, &error));
  g_assert_error (error, IIS_ERROR, IIS_ERROR_INVALID_VALUE);
  g_assert_cmpstr (error->message, ==,
                   "Invalid date “201”: expected YYYY, YYYY-MM or YYYY-MM-DD");
  g_clear_error (&error);

  g_assert_false (_iis_date_parse_into ("", 0, &date, &error));
  g_assert_error (error, IIS_ERROR, IIS_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  /* Semantic errors also name the value, limited to its length. */
  g_assert_false (_iis_date_parse_into ("2017-02-30xyz", 10, &date, &error));
  g_assert_cmpstr (error->message, ==, "Invalid date “2017-02-30”: February 2017 has 28 days");
  g_clear_error (&error);

  /* NULL error is allowed. */
  g_assert_false (_iis_date_parse_into ("nope", -1, &date, NULL));
}

static void
test_date_to_string (void)
{
  static const struct {
    guint year, month, day;
    const char *text;
  } cases[] = {
    { 2017, 0, 0, "2017" },
    { 2017, 2, 0, "2017-02" },
    { 2017, 2, 2, "2017-02-02" },
    { 1, 0, 0, "0001" },
    { 45, 3, 0, "0045-03" },
    { 999, 12, 9, "0999-12-09" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(IisDate) date = iis_date_new (cases[i].year, cases[i].month, cases[i].day);
      g_autofree char *text = iis_date_to_string (date);
      g_autoptr(IisDate) back = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_cmpstr (text, ==, cases[i].text);
      back = iis_date_parse (text, &error);
      g_assert_no_error (error);
      g_assert_true (iis_date_equal (back, date));
    }
}

static void
test_date_round_trip_all_days (void)
{
  /* Every valid day of a leap and a common year, every month, every year
   * of a few centuries: parse (to_string (d)) == d and the reverse. */
  static const guint years[] = { 1, 4, 100, 400, 1600, 1700, 1900, 1999, 2000, 2004, 2017, 2100, 9999 };

  for (gsize y = 0; y < G_N_ELEMENTS (years); y++)
    for (guint m = 0; m <= 12; m++)
      for (guint d = 0; d <= 31; d++)
        {
          g_autoptr(IisDate) date = NULL;
          g_autoptr(IisDate) back = NULL;
          g_autofree char *text = NULL;
          g_autofree char *again = NULL;
          g_autoptr(GError) error = NULL;

          if (!iis_date_is_valid (years[y], m, d))
            continue;

          date = iis_date_new (years[y], m, d);
          text = iis_date_to_string (date);
          back = iis_date_parse (text, &error);
          g_assert_no_error (error);
          g_assert_true (iis_date_equal (date, back));
          again = iis_date_to_string (back);
          g_assert_cmpstr (again, ==, text);
        }

  /* Count days: 366 in a leap year, 365 in a common one. */
  {
    guint n_2000 = 0, n_1900 = 0;

    for (guint m = 1; m <= 12; m++)
      for (guint d = 1; d <= 31; d++)
        {
          n_2000 += iis_date_is_valid (2000, m, d);
          n_1900 += iis_date_is_valid (1900, m, d);
        }
    g_assert_cmpuint (n_2000, ==, 366);
    g_assert_cmpuint (n_1900, ==, 365);
  }
}

static int
sign (int v)
{
  return v < 0 ? -1 : v > 0 ? 1 : 0;
}

static int
compare_date_ptrs (gconstpointer a,
                   gconstpointer b)
{
  return iis_date_compare (*(IisDate * const *) a, *(IisDate * const *) b);
}

static void
test_date_compare (void)
{
  /* In the order iis_date_compare() must give. */
  static const char * const ordered[] = {
    "0001",
    "0001-01",
    "0001-01-01",
    "1999-12-31",
    "2016",
    "2017",
    "2017-01",
    "2017-01-01",
    "2017-01-02",
    "2017-01-31",
    "2017-02",
    "2017-02-01",
    "2017-12",
    "2017-12-31",
    "2018",
    "9999-12-31",
  };
  IisDate *dates[G_N_ELEMENTS (ordered)];

  for (gsize i = 0; i < G_N_ELEMENTS (ordered); i++)
    dates[i] = iis_test_date (ordered[i]);

  for (gsize i = 0; i < G_N_ELEMENTS (ordered); i++)
    {
      g_assert_cmpint (iis_date_compare (NULL, dates[i]), <, 0);
      g_assert_cmpint (iis_date_compare (dates[i], NULL), >, 0);
      g_assert_false (iis_date_equal (dates[i], NULL));
      g_assert_false (iis_date_equal (NULL, dates[i]));

      for (gsize j = 0; j < G_N_ELEMENTS (ordered); j++)
        {
          int expected = i < j ? -1 : i > j ? 1 : 0;

          g_assert_cmpint (sign (iis_date_compare (dates[i], dates[j])), ==, expected);
          g_assert_cmpint (iis_date_equal (dates[i], dates[j]), ==, i == j);
          if (i == j)
            g_assert_cmpuint (iis_date_hash (dates[i]), ==, iis_date_hash (dates[j]));

          /* The packed form orders the same way. */
          g_assert_cmpint (sign ((int) (_iis_date_pack (dates[i]) > _iis_date_pack (dates[j]))
                                 - (int) (_iis_date_pack (dates[i]) < _iis_date_pack (dates[j]))),
                           ==, expected);
        }
    }

  g_assert_cmpint (iis_date_compare (NULL, NULL), ==, 0);
  g_assert_true (iis_date_equal (NULL, NULL));

  /* Sorting with GPtrArray uses the same order. */
  {
    g_autoptr(GPtrArray) shuffled = g_ptr_array_new ();
    GRand *rand = g_rand_new_with_seed (42);

    for (gsize i = 0; i < G_N_ELEMENTS (ordered); i++)
      g_ptr_array_insert (shuffled, g_rand_int_range (rand, 0, (gint32) shuffled->len + 1), dates[i]);
    g_rand_free (rand);

    g_ptr_array_sort (shuffled, compare_date_ptrs);
    for (guint i = 0; i < shuffled->len; i++)
      g_assert_true (shuffled->pdata[i] == dates[i]);
  }

  for (gsize i = 0; i < G_N_ELEMENTS (ordered); i++)
    iis_date_free (dates[i]);
}

static void
test_date_hash_table (void)
{
  g_autoptr(GHashTable) table = g_hash_table_new_full ((GHashFunc) iis_date_hash,
                                                       (GEqualFunc) iis_date_equal,
                                                       (GDestroyNotify) iis_date_free,
                                                       NULL);
  g_autoptr(IisDate) lookup = iis_date_new (2017, 1, 0);

  g_hash_table_add (table, iis_date_new (2017, 0, 0));
  g_hash_table_add (table, iis_date_new (2017, 1, 0));
  g_hash_table_add (table, iis_date_new (2017, 1, 1));
  g_hash_table_add (table, iis_date_new (2017, 1, 0));

  g_assert_cmpuint (g_hash_table_size (table), ==, 3);
  g_assert_true (g_hash_table_contains (table, lookup));
}

static void
test_date_compare_coarse (void)
{
  static const struct {
    const char *a;
    const char *b;
    int expected;
  } cases[] = {
    { "2017", "2017-06-01", 0 },
    { "2017-06-01", "2017", 0 },
    { "2017", "2017-06", 0 },
    { "2017-06", "2017-06-30", 0 },
    { "2017-05", "2017-06-01", -1 },
    { "2017-06-01", "2017-05", 1 },
    { "2017-06-01", "2017-06-02", -1 },
    { "2017-06-02", "2017-06-01", 1 },
    { "2017-06-01", "2017-06-01", 0 },
    { "2016", "2017-01-01", -1 },
    { "2018", "2017-12-31", 1 },
    { "2016-12-31", "2017", -1 },
    { "2017-12-31", "2018", -1 },
    { "2017-12", "2018", -1 },
    { "2017", "2017", 0 },
    { "2017", "2018", -1 },
    { "2017-01", "2017-12", -1 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(IisDate) a = iis_test_date (cases[i].a);
      g_autoptr(IisDate) b = iis_test_date (cases[i].b);

      g_test_message ("%s vs %s", cases[i].a, cases[i].b);
      g_assert_cmpint (sign (iis_date_compare_coarse (a, b)), ==, cases[i].expected);
      g_assert_cmpint (sign (_iis_date_packed_compare_coarse (_iis_date_pack (a),
                                                              _iis_date_pack (b))),
                       ==, cases[i].expected);
    }

  {
    g_autoptr(IisDate) d = iis_test_date ("2017");

    g_assert_cmpint (iis_date_compare_coarse (NULL, d), <, 0);
    g_assert_cmpint (iis_date_compare_coarse (d, NULL), >, 0);
    g_assert_cmpint (iis_date_compare_coarse (NULL, NULL), ==, 0);
  }
}

static gboolean
holds (const char *start,
       const char *end,
       const char *at)
{
  g_autoptr(IisDate) s = start != NULL ? iis_test_date (start) : NULL;
  g_autoptr(IisDate) e = end != NULL ? iis_test_date (end) : NULL;
  g_autoptr(IisDate) a = at != NULL ? iis_test_date (at) : NULL;

  return _iis_date_packed_period_holds (_iis_date_pack (s), _iis_date_pack (e), _iis_date_pack (a));
}

static void
test_date_holds (void)
{
  static const struct {
    const char *start;
    const char *end;
    const char *at;
    gboolean holds;
  } cases[] = {
    /* "At any time" always holds. */
    { NULL, NULL, NULL, TRUE },
    { "2010", "2015", NULL, TRUE },
    { "2020", "2010", NULL, TRUE },
    /* Unbounded. */
    { NULL, NULL, "2017", TRUE },
    { NULL, NULL, "2017-06-01", TRUE },
    /* Open start. */
    { NULL, "2015", "1900", TRUE },
    { NULL, "2015", "2014-12-31", TRUE },
    { NULL, "2015", "2015", FALSE },
    { NULL, "2015", "2015-01-01", FALSE },
    { NULL, "2015-06-10", "2015-06-09", TRUE },
    { NULL, "2015-06-10", "2015-06-10", FALSE },
    { NULL, "2015-06-10", "2015-06", FALSE },
    { NULL, "2015-06-10", "2015", FALSE },
    /* Open end. */
    { "2015", NULL, "2014-12-31", FALSE },
    { "2015", NULL, "2015", TRUE },
    { "2015", NULL, "2015-01-01", TRUE },
    { "2015", NULL, "3000", TRUE },
    { "2015-06-10", NULL, "2015-06-09", FALSE },
    { "2015-06-10", NULL, "2015-06-10", TRUE },
    { "2015-06-10", NULL, "2015-06", TRUE },
    { "2015-06-10", NULL, "2015", TRUE },
    { "2015-06-10", NULL, "2015-05", FALSE },
    /* Both ends: start inclusive, end exclusive. */
    { "2010", "2015", "2009-12-31", FALSE },
    { "2010", "2015", "2010", TRUE },
    { "2010", "2015", "2010-01-01", TRUE },
    { "2010", "2015", "2012-06", TRUE },
    { "2010", "2015", "2014-12-31", TRUE },
    { "2010", "2015", "2015", FALSE },
    { "2010", "2015", "2015-12-31", FALSE },
    { "2001-06-15", "2001-06-16", "2001-06-15", TRUE },
    { "2001-06-15", "2001-06-16", "2001-06-16", FALSE },
    { "2001-06-15", "2001-06-16", "2001-06-14", FALSE },
    /* Start and end in the same year, asked at the year: begun, but also
     * ended at the coarser precision. */
    { "2015-03", "2015-09", "2015", FALSE },
    { "2015-03", "2015-09", "2015-03", TRUE },
    { "2015-03", "2015-09", "2015-08-31", TRUE },
    { "2015-03", "2015-09", "2015-09-01", FALSE },
    /* Empty and reversed periods never hold at a date. */
    { "2015", "2015", "2015", FALSE },
    { "2015", "2010", "2012", FALSE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s – %s at %s", cases[i].start, cases[i].end, cases[i].at);
      g_assert_cmpint (holds (cases[i].start, cases[i].end, cases[i].at), ==, cases[i].holds);
    }
}

static void
test_date_holds_role_sequence (void)
{
  /* Belarus in the SCO: dialogue partner 2010–2015, observer 2015–2024,
   * member from 2024-07-04. Exactly one holds at any date from 2010. */
  static const char * const periods[][2] = {
    { "2010", "2015" },
    { "2015", "2024-07-04" },
    { "2024-07-04", NULL },
  };
  static const char * const ats[] = {
    "2010", "2010-01", "2010-01-01", "2012", "2014-12-31", "2014-12",
    "2015", "2015-01", "2015-01-01", "2015-06-30", "2016", "2023",
    "2024", "2024-07", "2024-07-03", "2024-07-04", "2024-07-05", "2024-08",
    "2025", "2030-01-01",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (ats); i++)
    {
      guint n = 0;

      for (gsize p = 0; p < G_N_ELEMENTS (periods); p++)
        n += holds (periods[p][0], periods[p][1], ats[i]);

      g_test_message ("at %s", ats[i]);
      g_assert_cmpuint (n, ==, 1);
    }

  /* Before the first period none holds. */
  g_assert_false (holds ("2010", "2015", "2009"));
  /* At a coarse date covering a hand-over (2024, 2024-07), the earlier
   * period has ended (2024-07-04 ≤ 2024 at the coarser precision) and
   * the later one has begun. */
  g_assert_false (holds ("2015", "2024-07-04", "2024"));
  g_assert_true (holds ("2024-07-04", NULL, "2024"));
  g_assert_false (holds ("2015", "2024-07-04", "2024-07"));
  g_assert_true (holds ("2024-07-04", NULL, "2024-07"));
}


/* ---- EDTF level 1 ---------------------------------------------------- */

/* EDTF's own level 1 examples (and messydates' forms of them) that libiis
 * supports, and what each says beyond its digits. */
static const struct {
  const char *text;
  IisDateQualifiers qualifiers;
  const char *earliest;
  const char *latest;
} edtf_examples[] = {
  { "1984?", IIS_DATE_QUALIFIERS_UNCERTAIN, "1983", "1985" },
  { "2004-06~", IIS_DATE_QUALIFIERS_APPROXIMATE, "2004-05", "2004-07" },
  { "2004-06-11%", IIS_DATE_QUALIFIERS_UNCERTAIN | IIS_DATE_QUALIFIERS_APPROXIMATE, "2004-06-10", "2004-06-12" },
  { "201X", IIS_DATE_QUALIFIERS_UNSPECIFIED, "2010", "2019" },
  { "20XX", IIS_DATE_QUALIFIERS_UNSPECIFIED, "2000", "2099" },
  { "2004-XX", IIS_DATE_QUALIFIERS_UNSPECIFIED, "2004-01", "2004-12" },
  { "1985-04-XX", IIS_DATE_QUALIFIERS_UNSPECIFIED, "1985-04-01", "1985-04-30" },
  { "1985-XX-XX", IIS_DATE_QUALIFIERS_UNSPECIFIED, "1985-01", "1985-12" },
  { "2000-02-XX", IIS_DATE_QUALIFIERS_UNSPECIFIED, "2000-02-01", "2000-02-29" },
  { "2005~", IIS_DATE_QUALIFIERS_APPROXIMATE, "2004", "2006" },
  { "2005%", IIS_DATE_QUALIFIERS_UNCERTAIN | IIS_DATE_QUALIFIERS_APPROXIMATE, "2004", "2006" },
  { "2015-XX~", IIS_DATE_QUALIFIERS_UNSPECIFIED | IIS_DATE_QUALIFIERS_APPROXIMATE, "2014-12", "2016-01" },
  { "201X?", IIS_DATE_QUALIFIERS_UNSPECIFIED | IIS_DATE_QUALIFIERS_UNCERTAIN, "2009", "2020" },
  { "2XXX", IIS_DATE_QUALIFIERS_UNSPECIFIED, "2000", "2999" },
  { "XXXX", IIS_DATE_QUALIFIERS_UNSPECIFIED, "0001", "9999" },
  { "XXXX-11-29", IIS_DATE_QUALIFIERS_UNSPECIFIED, "0001-11-29", "9999-11-29" },
  { "XXXX-02-29", IIS_DATE_QUALIFIERS_UNSPECIFIED, "0004-02-29", "9996-02-29" },
  { "XXXX-06", IIS_DATE_QUALIFIERS_UNSPECIFIED, "0001-06", "9999-06" },
  { "0001~", IIS_DATE_QUALIFIERS_APPROXIMATE, "0001", "0002" },
  { "9999-12-31?", IIS_DATE_QUALIFIERS_UNCERTAIN, "9999-12-30", "9999-12-31" },
  { "2016-01-01~", IIS_DATE_QUALIFIERS_APPROXIMATE, "2015-12-31", "2016-01-02" },
  { "2016-12?", IIS_DATE_QUALIFIERS_UNCERTAIN, "2016-11", "2017-01" },
  { "../2004", IIS_DATE_QUALIFIERS_ON_OR_BEFORE, "0001", "2004" },
  { "../2005-06~", IIS_DATE_QUALIFIERS_ON_OR_BEFORE | IIS_DATE_QUALIFIERS_APPROXIMATE, "0001", "2005-07" },
  { "../201X", IIS_DATE_QUALIFIERS_ON_OR_BEFORE | IIS_DATE_QUALIFIERS_UNSPECIFIED, "0001", "2019" },
  { "2017", IIS_DATE_QUALIFIERS_NONE, "2017", "2017" },
  { "2017-02-02", IIS_DATE_QUALIFIERS_NONE, "2017-02-02", "2017-02-02" },
};

static void
test_date_edtf_examples (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (edtf_examples); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(IisDate) date = iis_date_parse (edtf_examples[i].text, &error);
      g_autoptr(IisDate) again = NULL;
      g_autoptr(IisDate) earliest = NULL;
      g_autoptr(IisDate) latest = NULL;
      g_autofree char *text = NULL;
      g_autofree char *earliest_text = NULL;
      g_autofree char *latest_text = NULL;

      g_test_message ("%s", edtf_examples[i].text);
      g_assert_no_error (error);
      text = iis_date_to_string (date);
      g_assert_cmpstr (text, ==, edtf_examples[i].text);
      again = iis_date_parse (text, &error);
      g_assert_no_error (error);
      g_assert_true (iis_date_equal (again, date));
      g_assert_cmpint (iis_date_compare (again, date), ==, 0);
      g_assert_cmpuint (iis_date_hash (again), ==, iis_date_hash (date));

      g_assert_cmpint (iis_date_get_qualifiers (date), ==, edtf_examples[i].qualifiers);
      g_assert_cmpint (iis_date_is_exact (date), ==, edtf_examples[i].qualifiers == IIS_DATE_QUALIFIERS_NONE);

      earliest = iis_date_dup_earliest (date);
      latest = iis_date_dup_latest (date);
      g_assert_true (iis_date_is_exact (earliest));
      g_assert_true (iis_date_is_exact (latest));
      earliest_text = iis_date_to_string (earliest);
      latest_text = iis_date_to_string (latest);
      g_assert_cmpstr (earliest_text, ==, edtf_examples[i].earliest);
      g_assert_cmpstr (latest_text, ==, edtf_examples[i].latest);
      g_assert_cmpint (iis_date_compare (earliest, latest), <=, 0);
    }

  /* The digits of an unspecified year read as 0; an unspecified month is
   * not the same date as no month. */
  {
    g_autoptr(IisDate) d = iis_date_parse ("201X", NULL);
    g_autoptr(IisDate) m = iis_date_parse ("2015-XX", NULL);
    g_autoptr(IisDate) y = iis_date_parse ("2015", NULL);

    g_assert_cmpuint (iis_date_get_year (d), ==, 2010);
    g_assert_cmpint (iis_date_get_precision (d), ==, IIS_DATE_PRECISION_YEAR);
    g_assert_cmpuint (iis_date_get_year (m), ==, 2015);
    g_assert_cmpuint (iis_date_get_month (m), ==, 0);
    g_assert_false (iis_date_equal (m, y));
    g_assert_cmpint (iis_date_compare (y, m), <, 0);
  }
}

/* A few hundred dates of every form: compare() is a total order that
 * agrees with equal() and with the written form. */
static GPtrArray *
generated_dates (void)
{
  static const char * const years[] = { "0001", "1999", "2000", "2005", "9999", "199X", "19XX", "1XXX", "XXXX" };
  static const char * const months[] = { "", "-01", "-02", "-06", "-12", "-XX" };
  static const char * const days[] = { "", "-01", "-15", "-28", "-XX" };
  static const char * const qualifiers[] = { "", "?", "~", "%" };
  static const char * const prefixes[] = { "", "../" };
  GPtrArray *dates = g_ptr_array_new_with_free_func ((GDestroyNotify) iis_date_free);

  for (gsize y = 0; y < G_N_ELEMENTS (years); y++)
    for (gsize m = 0; m < G_N_ELEMENTS (months); m++)
      for (gsize d = 0; d < G_N_ELEMENTS (days); d++)
        for (gsize q = 0; q < G_N_ELEMENTS (qualifiers) * G_N_ELEMENTS (prefixes); q++)
          {
            g_autofree char *text = NULL;
            IisDate *date;

            if (*months[m] == '\0' && *days[d] != '\0')
              continue;
            text = g_strconcat (prefixes[q / G_N_ELEMENTS (qualifiers)], years[y], months[m], days[d],
                                qualifiers[q % G_N_ELEMENTS (qualifiers)], NULL);
            date = iis_date_parse (text, NULL);
            if (date != NULL)
              g_ptr_array_add (dates, date);
          }
  return dates;
}

static int
compare_edtf_ptrs (gconstpointer a,
                   gconstpointer b)
{
  return iis_date_compare (*(IisDate **) a, *(IisDate **) b);
}

static void
test_date_edtf_order (void)
{
  g_autoptr(GPtrArray) dates = generated_dates ();
  guint n = dates->len;
  g_auto(GStrv) texts = g_new0 (char *, n + 1);

  g_assert_cmpuint (n, >=, 300);

  for (guint i = 0; i < n; i++)
    texts[i] = iis_date_to_string (dates->pdata[i]);

  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpint (iis_date_compare (NULL, dates->pdata[i]), <, 0);
      for (guint j = 0; j < n; j++)
        {
          IisDate *a = dates->pdata[i], *b = dates->pdata[j];
          int ab = iis_date_compare (a, b), ba = iis_date_compare (b, a);

          /* antisymmetric, and equal exactly when written alike */
          g_assert_cmpint ((ab > 0) - (ab < 0), ==, -((ba > 0) - (ba < 0)));
          g_assert_cmpint (ab == 0, ==, iis_date_equal (a, b));
          g_assert_cmpint (ab == 0, ==, g_str_equal (texts[i], texts[j]));
        }
    }

  /* Sorted, every pair is in order: the order is transitive. */
  g_ptr_array_sort (dates, compare_edtf_ptrs);
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      g_assert_cmpint (iis_date_compare (dates->pdata[i], dates->pdata[j]), <, 0);

  /* Each sorts by its digits first: 2005 < 2005~ < 2005-01. */
  {
    g_autoptr(IisDate) a = iis_date_parse ("2005", NULL);
    g_autoptr(IisDate) b = iis_date_parse ("2005~", NULL);
    g_autoptr(IisDate) c = iis_date_parse ("2005-01", NULL);

    g_assert_cmpint (iis_date_compare (a, b), <, 0);
    g_assert_cmpint (iis_date_compare (b, c), <, 0);
  }
}

static IisTruth
truth (const char *start,
       const char *end,
       const char *at)
{
  g_autoptr(IisDate) s = start ? iis_date_parse (start, NULL) : NULL;
  g_autoptr(IisDate) e = end ? iis_date_parse (end, NULL) : NULL;
  g_autoptr(IisDate) a = at ? iis_date_parse (at, NULL) : NULL;

  g_assert_true (start == NULL || s != NULL);
  g_assert_true (end == NULL || e != NULL);
  g_assert_true (at == NULL || a != NULL);
  return iis_period_get_truth_at (s, e, a);
}

static void
test_date_edtf_truth (void)
{
  static const struct {
    const char *start, *end, *at;
    IisTruth expected;
  } cases[] = {
    /* exact dates: the 1.0 rule, never unknown */
    { "2005", NULL, "2005-03-01", IIS_TRUTH_YES },
    { "2005-06-15", NULL, "2005-06-14", IIS_TRUTH_NO },
    { "2005", "2010", "2010", IIS_TRUTH_NO },
    { NULL, NULL, "1900", IIS_TRUTH_YES },
    { "2005", NULL, NULL, IIS_TRUTH_YES },
    /* the examples of the design: 201X at 2015, an end 2015~ at 2015-06,
     * an end of unknown date */
    { "201X", NULL, "2015", IIS_TRUTH_UNKNOWN },
    { "2001", "2015~", "2015-06", IIS_TRUTH_UNKNOWN },
    { "2001", "XXXX", "2010", IIS_TRUTH_UNKNOWN },
    { "2001", "XXXX", "2000", IIS_TRUTH_NO },
    /* joined "2005?": possibly from 2004, certainly from 2006 */
    { "2005?", NULL, "2003", IIS_TRUTH_NO },
    { "2005?", NULL, "2004", IIS_TRUTH_UNKNOWN },
    { "2005?", NULL, "2005-07", IIS_TRUTH_UNKNOWN },
    { "2005?", NULL, "2006", IIS_TRUTH_YES },
    /* left "201X" */
    { "1991", "201X", "2009-12-31", IIS_TRUTH_YES },
    { "1991", "201X", "2012", IIS_TRUTH_UNKNOWN },
    { "1991", "201X", "2020", IIS_TRUTH_NO },
    /* an unspecified month or day is a range, unlike a plain year */
    { "2015-XX", NULL, "2015-06", IIS_TRUTH_UNKNOWN },
    { "2015-XX", NULL, "2016-01", IIS_TRUTH_YES },
    { "2015-06-XX", NULL, "2015-06-10", IIS_TRUTH_UNKNOWN },
    { "2015-06-XX", NULL, "2015-06", IIS_TRUTH_YES },
    /* an inexact date asked about */
    { "2005", NULL, "200X", IIS_TRUTH_UNKNOWN },
    { "1990", "2000", "201X", IIS_TRUTH_NO },
    { "1990", NULL, "201X", IIS_TRUTH_YES },
    /* joined "before 2004" (on or before) */
    { "../2004", NULL, "2004", IIS_TRUTH_YES },
    { "../2004", NULL, "2003-12", IIS_TRUTH_UNKNOWN },
    { "1990", "../2010", "2011", IIS_TRUTH_NO },
    { "1990", "../2010", "2005", IIS_TRUTH_UNKNOWN },
    /* both ends inexact */
    { "2005~", "2007~", "2006", IIS_TRUTH_UNKNOWN },
    { "2005~", "2009~", "2007", IIS_TRUTH_YES },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s/%s at %s", cases[i].start, cases[i].end, cases[i].at);
      g_assert_cmpint (truth (cases[i].start, cases[i].end, cases[i].at), ==, cases[i].expected);
    }

  /* Over generated triples: the two-valued rule is "certainly holds", and
   * exact dates are never unknown. */
  {
    g_autoptr(GPtrArray) dates = generated_dates ();

    for (guint i = 0; i < dates->len; i += 23)
      for (guint j = 0; j < dates->len; j += 17)
        for (guint k = 0; k < dates->len; k += 11)
          {
            IisDate *s = dates->pdata[i], *e = dates->pdata[j], *a = dates->pdata[k];
            IisTruth t = iis_period_get_truth_at (s, e, a);
            gboolean holds = _iis_date_packed_period_holds (_iis_date_pack (s), _iis_date_pack (e),
                                                            _iis_date_pack (a));

            g_assert_cmpint (holds, ==, t == IIS_TRUTH_YES);
            if (iis_date_is_exact (s) && iis_date_is_exact (e) && iis_date_is_exact (a))
              g_assert_cmpint (t, !=, IIS_TRUTH_UNKNOWN);
          }
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/iis/date/new", test_date_new);
  g_test_add_func ("/iis/date/boxed", test_date_boxed);
  g_test_add_func ("/iis/date/is-valid", test_date_is_valid);
  g_test_add_func ("/iis/date/new-checked-messages", test_date_new_checked_messages);
  g_test_add_func ("/iis/date/new-invalid", test_date_new_invalid_subprocess);
  g_test_add_func ("/iis/date/programmer-errors", test_date_new_invalid_expect);
  g_test_add_func ("/iis/date/parse/valid", test_date_parse_valid);
  g_test_add_func ("/iis/date/parse/invalid", test_date_parse_invalid);
  g_test_add_func ("/iis/date/parse/length", test_date_parse_into);
  g_test_add_func ("/iis/date/to-string", test_date_to_string);
  g_test_add_func ("/iis/date/round-trip", test_date_round_trip_all_days);
  g_test_add_func ("/iis/date/compare", test_date_compare);
  g_test_add_func ("/iis/date/hash", test_date_hash_table);
  g_test_add_func ("/iis/date/compare-coarse", test_date_compare_coarse);
  g_test_add_func ("/iis/date/holds", test_date_holds);
  g_test_add_func ("/iis/date/holds/role-sequence", test_date_holds_role_sequence);
  g_test_add_func ("/iis/date/edtf/examples", test_date_edtf_examples);
  g_test_add_func ("/iis/date/edtf/order", test_date_edtf_order);
  g_test_add_func ("/iis/date/edtf/truth", test_date_edtf_truth);

  return g_test_run ();
}
