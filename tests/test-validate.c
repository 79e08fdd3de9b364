/* test-validate.c: iis_catalog_validate
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include <libiis/iis.h>

#include "iis-test-util.h"

/* The problems of @catalog as "kind subject-id" lines, and assert each
 * has a message. */
static char *
problems_of (IisCatalog *catalog)
{
  g_autoptr(GListModel) problems = iis_catalog_validate (catalog);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(IisProblem) p = g_list_model_get_item (problems, i);
      g_autoptr(GEnumClass) klass = g_type_class_ref (IIS_TYPE_PROBLEM_KIND);
      GEnumValue *v = g_enum_get_value (klass, iis_problem_get_kind (p));

      g_assert_nonnull (iis_problem_get_message (p));
      g_assert_cmpstr (iis_problem_get_message (p), !=, "");
      g_test_message ("%s", iis_problem_get_message (p));
      if (s->len > 0)
        g_string_append (s, "; ");
      g_string_append_printf (s, "%s %s", v->value_nick, iis_problem_get_subject_id (p));
    }
  return g_string_free (s, FALSE);
}

static void
test_clean (void)
{
  g_autoptr(IisCatalog) catalog = iis_test_scenario_new ();
  g_autoptr(IisCatalog) empty = iis_catalog_new ();
  g_autofree char *a = problems_of (catalog);
  g_autofree char *b = problems_of (empty);

  g_assert_cmpstr (a, ==, "");
  g_assert_cmpstr (b, ==, "");
}

static void
test_reversed_periods (void)
{
  g_autoptr(IisCatalog) catalog = iis_test_scenario_new ();
  IisOrganization *pact = IIS_ORGANIZATION (iis_catalog_lookup (catalog, "union"));
  IisForum *forum = IIS_FORUM (iis_catalog_lookup (catalog, "forum-2017"));
  g_autoptr(IisDate) early = iis_test_date ("1994");
  g_autoptr(IisDate) before = iis_test_date ("2017-02-01");
  g_autofree char *found = NULL;

  g_object_unref (iis_test_relate (catalog, "KZ", IIS_RELATION_KIND_PARTY_TO, "agr-2006",
                                   NULL, "2012-05-01", "2011"));
  iis_organization_set_dissolved (pact, early);   /* founded 1995 */
  iis_forum_set_end (forum, before);              /* starts 2017-02-02 */

  found = problems_of (catalog);
  /* The union's member UZ (from 1995) also joined after its
   * "dissolution" now. */
  g_assert_cmpstr (found, ==,
                   "reversed-period forum-2017; reversed-period union; "
                   "reversed-period KZ; outside-lifetime UZ");
}

static void
test_outside_lifetime (void)
{
  g_autoptr(IisCatalog) catalog = iis_test_scenario_new ();
  g_autofree char *found = NULL;

  /* Before the SCO was founded (same year, earlier day), and after the
   * pact was dissolved. A year-only start in the founding year is fine. */
  g_object_unref (iis_test_relate (catalog, "IN", IIS_RELATION_KIND_MEMBER_OF, "sco",
                                   "guest", "2001-06-14", "2001-07"));
  g_object_unref (iis_test_relate (catalog, "RU", IIS_RELATION_KIND_MEMBER_OF, "sco",
                                   "guest", "2001", "2001-07"));
  g_object_unref (iis_test_relate (catalog, "RU", IIS_RELATION_KIND_MEMBER_OF, "pact",
                                   "member", "2003", NULL));
  found = problems_of (catalog);
  g_assert_cmpstr (found, ==, "outside-lifetime IN; outside-lifetime RU");
  g_assert_nonnull (strstr (found, "RU"));
}

static void
test_cycle (void)
{
  g_autoptr(IisCatalog) catalog = iis_test_scenario_new ();
  g_autofree char *found = NULL;
  g_autoptr(GListModel) problems = NULL;
  g_autoptr(IisProblem) problem = NULL;

  g_object_unref (iis_test_relate (catalog, "threats", IIS_RELATION_KIND_PART_OF, "info-war",
                                   NULL, NULL, NULL));
  problems = iis_catalog_validate (catalog);
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 1);
  problem = g_list_model_get_item (problems, 0);
  g_assert_cmpint (iis_problem_get_kind (problem), ==, IIS_PROBLEM_KIND_PART_OF_CYCLE);
  /* The message walks the cycle. */
  g_assert_nonnull (strstr (iis_problem_get_message (problem), "“threats”"));
  g_assert_nonnull (strstr (iis_problem_get_message (problem), "“info-war”"));
  g_assert_nonnull (strstr (iis_problem_get_message (problem), "“info-weapons”"));
  g_assert_true (IIS_IS_ENTITY (iis_problem_get_item (problem)));

  /* A body part of itself. */
  g_object_unref (iis_test_relate (catalog, "sco-secretariat", IIS_RELATION_KIND_PART_OF,
                                   "sco-secretariat", NULL, NULL, NULL));
  found = problems_of (catalog);
  g_assert_nonnull (strstr (found, "part-of-cycle sco-secretariat"));
}

static void
test_overlaps (void)
{
  g_autoptr(IisCatalog) catalog = iis_test_scenario_new ();
  g_autofree char *found = NULL;
  g_autoptr(GListModel) problems = NULL;
  g_autoptr(IisProblem) problem = NULL;

  /* A second observer period for Belarus overlapping the first; a second
   * open-ended membership for China. Touching periods (2015 → 2015) and
   * different roles do not count. */
  g_object_unref (iis_test_relate (catalog, "BY", IIS_RELATION_KIND_MEMBER_OF, "sco",
                                   "observer", "2016", "2017"));
  g_object_unref (iis_test_relate (catalog, "CN", IIS_RELATION_KIND_MEMBER_OF, "sco",
                                   "member", "2002", NULL));
  g_object_unref (iis_test_relate (catalog, "IN", IIS_RELATION_KIND_MEMBER_OF, "sco",
                                   "observer", "2002", "2005"));
  found = problems_of (catalog);
  g_assert_cmpstr (found, ==, "overlapping-relations BY; overlapping-relations CN");

  problems = iis_catalog_validate (catalog);
  problem = g_list_model_get_item (problems, 0);
  g_assert_true (IIS_IS_RELATION (iis_problem_get_item (problem)));
}

/* Identical relations for overlapping periods make one problem per group
 * of them, however many there are, not one per pair (issue #19). */
static void
test_overlap_groups (void)
{
  g_autoptr(IisCatalog) catalog = iis_test_scenario_new ();
  g_autoptr(GListModel) problems = NULL;
  g_autoptr(IisProblem) first = NULL;
  g_autofree char *found = NULL;

  /* Three overlapping, then two overlapping, then one apart: two groups. */
  for (guint i = 0; i < 3; i++)
    g_object_unref (iis_test_relate (catalog, "IN", IIS_RELATION_KIND_MEMBER_OF, "sco",
                                     "partner", i == 1 ? "2004" : "2003", "2005"));
  for (guint i = 0; i < 2; i++)
    g_object_unref (iis_test_relate (catalog, "IN", IIS_RELATION_KIND_MEMBER_OF, "sco",
                                     "partner", "2008", "2010"));
  g_object_unref (iis_test_relate (catalog, "IN", IIS_RELATION_KIND_MEMBER_OF, "sco",
                                   "partner", "2012", "2013"));
  /* 400 more open-ended memberships of China: with the one it has, one
   * group of 401. */
  for (guint i = 0; i < 400; i++)
    g_object_unref (iis_test_relate (catalog, "CN", IIS_RELATION_KIND_MEMBER_OF, "sco",
                                     "member", "2002", NULL));

  found = problems_of (catalog);
  g_assert_cmpstr (found, ==,
                   "overlapping-relations CN; overlapping-relations IN; overlapping-relations IN");

  problems = iis_catalog_validate (catalog);
  first = g_list_model_get_item (problems, 0);
  g_assert_nonnull (strstr (iis_problem_get_message (first), "401 times"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/iis/validate/clean", test_clean);
  g_test_add_func ("/iis/validate/reversed-periods", test_reversed_periods);
  g_test_add_func ("/iis/validate/outside-lifetime", test_outside_lifetime);
  g_test_add_func ("/iis/validate/cycle", test_cycle);
  g_test_add_func ("/iis/validate/overlaps", test_overlaps);
  g_test_add_func ("/iis/validate/overlap-groups", test_overlap_groups);

  return g_test_run ();
}
