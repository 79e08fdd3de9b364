/* test-query.c: IisQuery
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include <libiis/iis.h>

#include "iis-test-util.h"

static char *
run (IisQuery   *query,
     IisCatalog *catalog)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) found = iis_query_run (query, catalog, &error);

  g_assert_no_error (error);
  g_assert_true (g_type_is_a (g_list_model_get_item_type (found), iis_query_get_entity_type (query)));
  return iis_test_ids (found);
}

#define assert_run(query, catalog, expected) \
  G_STMT_START { \
    g_autofree char *ids__ = run ((query), (catalog)); \
    g_assert_cmpstr (ids__, ==, (expected)); \
  } G_STMT_END

static void
test_type_and_text (void)
{
  g_autoptr(IisCatalog) catalog = iis_test_scenario_new ();
  g_autoptr(IisQuery) query = iis_query_new ();
  guint n = 0;

  g_assert_true (iis_query_get_entity_type (query) == IIS_TYPE_ENTITY);
  g_object_get (catalog, "n-entities", &n, NULL);
  {
    g_autofree char *all = run (query, catalog);
    g_auto(GStrv) ids = g_strsplit (all, " ", -1);

    /* Every entity when no condition is set. */
    g_assert_cmpuint (g_strv_length (ids), ==, n);
  }

  iis_query_set_entity_type (query, IIS_TYPE_STATE);
  assert_run (query, catalog, "BY CN IN KZ RU UZ");

  /* Text matches names and ids, without case. */
  iis_query_set_text (query, "STAN");
  assert_run (query, catalog, "KZ UZ");
  iis_query_set_text (query, "ru");
  assert_run (query, catalog, "BY RU");  /* Belarus, Russia */

  iis_query_set_entity_type (query, IIS_TYPE_THREAT_CATEGORY);
  iis_query_set_text (query, "information");
  assert_run (query, catalog, "info-terrorism info-war info-weapons");
  iis_query_set_text (query, "");
  g_assert_null (iis_query_get_text (query));
}

static void
test_related (void)
{
  g_autoptr(IisCatalog) catalog = iis_test_scenario_new ();
  g_autoptr(IisQuery) query = iis_query_new ();
  g_autoptr(IisDate) at = iis_test_date ("2016");

  /* Observers of the SCO in 2016. */
  iis_query_set_entity_type (query, IIS_TYPE_STATE);
  iis_query_set_at (query, at);
  iis_query_add_related (query, IIS_RELATION_KIND_MEMBER_OF, "sco", "observer", FALSE);
  assert_run (query, catalog, "BY IN");

  /* … that also signed agr-2009: none. */
  iis_query_add_related (query, IIS_RELATION_KIND_SIGNATORY_OF, "agr-2009", NULL, FALSE);
  g_assert_cmpuint (iis_query_get_n_constraints (query), ==, 2);
  assert_run (query, catalog, "");

  /* Members that signed it, at any time, with "a" in the name. */
  iis_query_clear_related (query);
  iis_query_set_at (query, NULL);
  iis_query_add_related (query, IIS_RELATION_KIND_MEMBER_OF, "sco", "member", FALSE);
  iis_query_add_related (query, IIS_RELATION_KIND_SIGNATORY_OF, "agr-2009", NULL, FALSE);
  assert_run (query, catalog, "CN KZ RU UZ");
  iis_query_set_text (query, "a");
  assert_run (query, catalog, "CN KZ RU UZ");
  iis_query_set_text (query, "uz");
  assert_run (query, catalog, "UZ");

  /* Reverse: the agreements agr-2009's signatory RU is party to, asked
   * from the other end, and the type filter on top. */
  g_clear_object (&query);
  query = iis_query_new ();
  iis_query_add_related (query, IIS_RELATION_KIND_PARTY_TO, "RU", NULL, TRUE);
  assert_run (query, catalog, "agr-2009");
  iis_query_set_entity_type (query, IIS_TYPE_STATE);
  assert_run (query, catalog, "");
}

static void
test_unknown_reference (void)
{
  g_autoptr(IisCatalog) catalog = iis_test_scenario_new ();
  g_autoptr(IisQuery) query = iis_query_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) found = NULL;

  iis_query_add_related (query, IIS_RELATION_KIND_MEMBER_OF, "nato", NULL, FALSE);
  found = iis_query_run (query, catalog, &error);
  g_assert_null (found);
  g_assert_error (error, IIS_ERROR, IIS_ERROR_UNKNOWN_REFERENCE);
  g_assert_nonnull (strstr (error->message, "“nato”"));
}

static void
notify_count (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_properties (void)
{
  g_autoptr(IisQuery) query = NULL;
  g_autoptr(IisDate) at = iis_test_date ("2017-02");
  g_autoptr(IisDate) got = NULL;
  g_autofree char *text = NULL;
  GType type = G_TYPE_INVALID;
  guint count = 0;

  query = g_object_new (IIS_TYPE_QUERY, "entity-type", IIS_TYPE_FORUM, "text", "forum",
                        "at", at, NULL);
  g_object_get (query, "entity-type", &type, "text", &text, "at", &got, NULL);
  g_assert_true (type == IIS_TYPE_FORUM);
  g_assert_cmpstr (text, ==, "forum");
  g_assert_true (iis_date_equal (got, at));

  g_signal_connect (query, "notify", G_CALLBACK (notify_count), &count);
  iis_query_set_text (query, "forum");
  iis_query_set_at (query, at);
  iis_query_set_entity_type (query, IIS_TYPE_FORUM);
  g_assert_cmpuint (count, ==, 0);
  iis_query_set_text (query, "summit");
  iis_query_set_at (query, NULL);
  iis_query_set_entity_type (query, IIS_TYPE_ENTITY);
  g_assert_cmpuint (count, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/iis/query/type-and-text", test_type_and_text);
  g_test_add_func ("/iis/query/related", test_related);
  g_test_add_func ("/iis/query/unknown-reference", test_unknown_reference);
  g_test_add_func ("/iis/query/properties", test_properties);

  return g_test_run ();
}
