/* test-source.c: IisSource and IisName
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <libiis/iis.h>

#include "iis-source-private.h"
#include "iis-test-util.h"

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  GHashTable *counts = user_data;
  const char *name = g_param_spec_get_name (pspec);

  g_hash_table_insert (counts, (gpointer) name,
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, name)) + 1));
}

static guint
n_notified (GHashTable *counts,
            const char *name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (counts, name));
}

static void
test_source_new (void)
{
  g_autoptr(IisSource) source = iis_source_new ("SCO agreement");
  g_autoptr(IisSource) untitled = iis_source_new (NULL);

  g_assert_true (IIS_IS_SOURCE (source));
  g_assert_cmpstr (iis_source_get_title (source), ==, "SCO agreement");
  g_assert_null (iis_source_get_url (source));
  g_assert_null (iis_source_get_document (source));
  g_assert_null (iis_source_get_publisher (source));
  g_assert_null (iis_source_get_date (source));
  g_assert_null (iis_source_get_quote (source));
  g_assert_null (iis_source_get_locator (source));
  g_assert_null (_iis_source_get_unknown (source));

  g_assert_null (iis_source_get_title (untitled));
}

static void
test_source_properties (void)
{
  g_autoptr(IisDate) date = iis_test_date ("2009-06-16");
  g_autoptr(IisSource) source = g_object_new (IIS_TYPE_SOURCE,
                                              "title", "Agreement",
                                              "url", "https://example.org/a",
                                              "document", "A/66/359",
                                              "publisher", "UN",
                                              "date", date,
                                              "quote", "information terrorism",
                                              "locator", "paragraph 3",
                                              NULL);
  g_autofree char *title = NULL;
  g_autofree char *url = NULL;
  g_autofree char *document = NULL;
  g_autofree char *publisher = NULL;
  g_autofree char *quote = NULL;
  g_autofree char *locator = NULL;
  g_autoptr(IisDate) got_date = NULL;

  g_assert_cmpstr (iis_source_get_title (source), ==, "Agreement");
  g_assert_cmpstr (iis_source_get_url (source), ==, "https://example.org/a");
  g_assert_cmpstr (iis_source_get_document (source), ==, "A/66/359");
  g_assert_cmpstr (iis_source_get_publisher (source), ==, "UN");
  g_assert_true (iis_date_equal (iis_source_get_date (source), date));
  g_assert_true (iis_source_get_date (source) != date);
  g_assert_cmpstr (iis_source_get_quote (source), ==, "information terrorism");
  g_assert_cmpstr (iis_source_get_locator (source), ==, "paragraph 3");

  g_object_get (source,
                "title", &title,
                "url", &url,
                "document", &document,
                "publisher", &publisher,
                "date", &got_date,
                "quote", &quote,
                "locator", &locator,
                NULL);
  g_assert_cmpstr (title, ==, "Agreement");
  g_assert_cmpstr (url, ==, "https://example.org/a");
  g_assert_cmpstr (document, ==, "A/66/359");
  g_assert_cmpstr (publisher, ==, "UN");
  g_assert_true (iis_date_equal (got_date, date));
  g_assert_cmpstr (quote, ==, "information terrorism");
  g_assert_cmpstr (locator, ==, "paragraph 3");

  /* Clearing. */
  iis_source_set_title (source, NULL);
  iis_source_set_url (source, NULL);
  iis_source_set_document (source, NULL);
  iis_source_set_publisher (source, NULL);
  iis_source_set_date (source, NULL);
  iis_source_set_quote (source, NULL);
  iis_source_set_locator (source, NULL);
  g_assert_null (iis_source_get_title (source));
  g_assert_null (iis_source_get_url (source));
  g_assert_null (iis_source_get_document (source));
  g_assert_null (iis_source_get_publisher (source));
  g_assert_null (iis_source_get_date (source));
  g_assert_null (iis_source_get_quote (source));
  g_assert_null (iis_source_get_locator (source));
}

static void
test_source_notify (void)
{
  static const char * const string_props[] = { "title", "url", "document", "publisher", "quote", "locator" };
  g_autoptr(IisSource) source = iis_source_new (NULL);
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(IisDate) d1 = iis_test_date ("2017");
  g_autoptr(IisDate) d1_again = iis_test_date ("2017");
  g_autoptr(IisDate) d2 = iis_test_date ("2017-01");

  g_signal_connect (source, "notify", G_CALLBACK (count_notify), counts);

  for (gsize i = 0; i < G_N_ELEMENTS (string_props); i++)
    {
      const char *prop = string_props[i];

      g_object_set (source, prop, "a", NULL);
      g_assert_cmpuint (n_notified (counts, prop), ==, 1);
      g_object_set (source, prop, "a", NULL);
      g_assert_cmpuint (n_notified (counts, prop), ==, 1);
      g_object_set (source, prop, "b", NULL);
      g_assert_cmpuint (n_notified (counts, prop), ==, 2);
      g_object_set (source, prop, NULL, NULL);
      g_assert_cmpuint (n_notified (counts, prop), ==, 3);
      g_object_set (source, prop, NULL, NULL);
      g_assert_cmpuint (n_notified (counts, prop), ==, 3);
    }

  iis_source_set_title (source, "t");
  g_assert_cmpuint (n_notified (counts, "title"), ==, 4);
  iis_source_set_title (source, "t");
  g_assert_cmpuint (n_notified (counts, "title"), ==, 4);

  iis_source_set_date (source, d1);
  g_assert_cmpuint (n_notified (counts, "date"), ==, 1);
  iis_source_set_date (source, d1_again);
  g_assert_cmpuint (n_notified (counts, "date"), ==, 1);
  /* A finer date is a different date. */
  iis_source_set_date (source, d2);
  g_assert_cmpuint (n_notified (counts, "date"), ==, 2);
  iis_source_set_date (source, NULL);
  g_assert_cmpuint (n_notified (counts, "date"), ==, 3);
  iis_source_set_date (source, NULL);
  g_assert_cmpuint (n_notified (counts, "date"), ==, 3);

  /* Nothing else was notified. */
  g_assert_cmpuint (g_hash_table_size (counts), ==, G_N_ELEMENTS (string_props) + 1);
}

static IisSource *
make_full_source (void)
{
  g_autoptr(IisDate) date = iis_test_date ("2009-06");

  return g_object_new (IIS_TYPE_SOURCE,
                       "title", "T",
                       "url", "U",
                       "document", "D",
                       "publisher", "P",
                       "date", date,
                       "quote", "Q",
                       "locator", "L",
                       NULL);
}

static void
test_source_equal (void)
{
  static const char * const string_props[] = { "title", "url", "document", "publisher", "quote", "locator" };
  g_autoptr(IisSource) a = make_full_source ();
  g_autoptr(IisSource) b = make_full_source ();

  g_assert_true (iis_source_equal (a, a));
  g_assert_true (iis_source_equal (a, b));
  g_assert_true (iis_source_equal (b, a));

  /* Each field counts. */
  for (gsize i = 0; i < G_N_ELEMENTS (string_props); i++)
    {
      g_autoptr(IisSource) c = make_full_source ();

      g_object_set (c, string_props[i], "other", NULL);
      g_assert_false (iis_source_equal (a, c));
      g_assert_false (iis_source_equal (c, a));
      g_object_set (c, string_props[i], NULL, NULL);
      g_assert_false (iis_source_equal (a, c));
    }

  {
    g_autoptr(IisSource) c = make_full_source ();
    g_autoptr(IisDate) finer = iis_test_date ("2009-06-01");

    iis_source_set_date (c, finer);
    g_assert_false (iis_source_equal (a, c));
    iis_source_set_date (c, NULL);
    g_assert_false (iis_source_equal (a, c));
  }

  /* Unknown members count too; an empty object is the same as none. */
  {
    g_autoptr(IisSource) c = make_full_source ();
    g_autoptr(JsonObject) unknown = json_object_new ();
    g_autoptr(JsonObject) unknown2 = json_object_new ();
    g_autoptr(JsonObject) empty = json_object_new ();

    _iis_source_set_unknown (c, empty);
    g_assert_true (_iis_source_get_unknown (c) == empty);
    g_assert_true (iis_source_equal (a, c));

    json_object_set_string_member (unknown, "x-future", "value");
    _iis_source_set_unknown (c, unknown);
    g_assert_true (_iis_source_get_unknown (c) == unknown);
    g_assert_false (iis_source_equal (a, c));

    json_object_set_string_member (unknown2, "x-future", "value");
    _iis_source_set_unknown (a, unknown2);
    g_assert_true (iis_source_equal (a, c));

    json_object_set_string_member (unknown2, "x-more", "1");
    g_assert_false (iis_source_equal (a, c));

    _iis_source_set_unknown (a, NULL);
    g_assert_null (_iis_source_get_unknown (a));
  }
}

static void
test_source_programmer_errors (void)
{
  g_autoptr(IisSource) source = iis_source_new ("x");

  g_test_expect_message ("Iis", G_LOG_LEVEL_CRITICAL, "*IIS_IS_SOURCE*");
  g_assert_null (iis_source_get_title (NULL));
  g_test_assert_expected_messages ();

  g_test_expect_message ("Iis", G_LOG_LEVEL_CRITICAL, "*IIS_IS_SOURCE*");
  g_assert_false (iis_source_equal (source, NULL));
  g_test_assert_expected_messages ();
}

static void
test_name_new (void)
{
  g_autoptr(IisDate) start = iis_test_date ("1996-04-26");
  g_autoptr(IisDate) end = iis_test_date ("2001-06-15");
  g_autoptr(IisName) name = iis_name_new ("Shanghai Five", "en", start, end);
  g_autoptr(IisName) plain = iis_name_new ("ШОС", NULL, NULL, NULL);
  g_autofree char *text = NULL;
  g_autofree char *lang = NULL;
  g_autoptr(IisDate) got_start = NULL;
  g_autoptr(IisDate) got_end = NULL;

  g_assert_cmpstr (iis_name_get_text (name), ==, "Shanghai Five");
  g_assert_cmpstr (iis_name_get_lang (name), ==, "en");
  g_assert_true (iis_date_equal (iis_name_get_start (name), start));
  g_assert_true (iis_date_equal (iis_name_get_end (name), end));
  g_assert_true (iis_name_get_start (name) != start);

  g_object_get (name,
                "text", &text,
                "lang", &lang,
                "start", &got_start,
                "end", &got_end,
                NULL);
  g_assert_cmpstr (text, ==, "Shanghai Five");
  g_assert_cmpstr (lang, ==, "en");
  g_assert_true (iis_date_equal (got_start, start));
  g_assert_true (iis_date_equal (got_end, end));

  g_assert_cmpstr (iis_name_get_text (plain), ==, "ШОС");
  g_assert_null (iis_name_get_lang (plain));
  g_assert_null (iis_name_get_start (plain));
  g_assert_null (iis_name_get_end (plain));
}

static void
test_name_construct_only (void)
{
  static const char * const props[] = { "text", "lang", "start", "end" };
  g_autoptr(GTypeClass) klass = g_type_class_ref (IIS_TYPE_NAME);

  for (gsize i = 0; i < G_N_ELEMENTS (props); i++)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), props[i]);

      g_assert_nonnull (pspec);
      g_assert_true (pspec->flags & G_PARAM_CONSTRUCT_ONLY);
    }

  if (g_test_subprocess ())
    {
      g_autoptr(IisName) name = g_object_new (IIS_TYPE_NAME, NULL);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*must be constructed with a text*");
}

static void
test_name_is_current (void)
{
  static const struct {
    const char *start;
    const char *end;
    const char *at;
    gboolean current;
  } cases[] = {
    { NULL, NULL, NULL, TRUE },
    { NULL, NULL, "2000", TRUE },
    { "1996-04-26", "2001-06-15", NULL, TRUE },
    { "1996-04-26", "2001-06-15", "1996-04-25", FALSE },
    { "1996-04-26", "2001-06-15", "1996-04-26", TRUE },
    { "1996-04-26", "2001-06-15", "1996", TRUE },
    { "1996-04-26", "2001-06-15", "2000", TRUE },
    { "1996-04-26", "2001-06-15", "2001-06-14", TRUE },
    { "1996-04-26", "2001-06-15", "2001-06-15", FALSE },
    { "1996-04-26", "2001-06-15", "2001", FALSE },
    { "1996-04-26", "2001-06-15", "2002", FALSE },
    { NULL, "2001", "1950", TRUE },
    { "2001", NULL, "1950", FALSE },
    { "2001", NULL, "2050", TRUE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(IisDate) start = cases[i].start ? iis_test_date (cases[i].start) : NULL;
      g_autoptr(IisDate) end = cases[i].end ? iis_test_date (cases[i].end) : NULL;
      g_autoptr(IisDate) at = cases[i].at ? iis_test_date (cases[i].at) : NULL;
      g_autoptr(IisName) name = iis_name_new ("Shanghai Five", "en", start, end);

      g_test_message ("%s – %s at %s", cases[i].start, cases[i].end, cases[i].at);
      g_assert_cmpint (iis_name_is_current (name, at), ==, cases[i].current);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/iis/source/new", test_source_new);
  g_test_add_func ("/iis/source/properties", test_source_properties);
  g_test_add_func ("/iis/source/notify", test_source_notify);
  g_test_add_func ("/iis/source/equal", test_source_equal);
  g_test_add_func ("/iis/source/programmer-errors", test_source_programmer_errors);
  g_test_add_func ("/iis/name/new", test_name_new);
  g_test_add_func ("/iis/name/construct-only", test_name_construct_only);
  g_test_add_func ("/iis/name/is-current", test_name_is_current);

  return g_test_run ();
}
