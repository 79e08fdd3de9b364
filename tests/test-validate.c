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

/* Unknown members and roles: kept, and reported as warnings by
 * iis_catalog_validate_full() only. */
static void
test_warnings (void)
{
  static const char document[] =
    "{\"format\": \"libiis-catalog\", \"version\": \"1.0\", \"entites\": [],"
    " \"entities\": ["
    "  {\"type\": \"organization\", \"id\": \"org\", \"name\": \"Org\", \"founed\": \"2001\","
    "   \"sources\": [{\"title\": \"a\", \"titel\": \"b\"}]},"
    "  {\"type\": \"state\", \"id\": \"AA\", \"name\": \"A\", \"acronym\": \"A\","
    "   \"sources\": [{\"title\": \"c\", \"titel\": \"d\"}]}],"
    " \"relations\": ["
    "  {\"kind\": \"member-of\", \"subject\": \"AA\", \"object\": \"org\", \"role\": \"memebr\","
    "   \"strat\": \"2002\"},"
    "  {\"kind\": \"participant-in\", \"subject\": \"AA\", \"object\": \"f\","
    "   \"role\": \"opening speaker\"}]}";
  static const char forum[] =
    "{\"format\": \"libiis-catalog\", \"version\": \"1.0\","
    " \"entities\": [{\"type\": \"forum\", \"id\": \"f\", \"name\": \"F\"}]}";
  static const struct {
    IisProblemKind kind;
    const char *subject;
    const char *text;
    const char *item;
  } expected[] = {
    { IIS_PROBLEM_KIND_UNKNOWN_MEMBER, NULL, "“entites”, kept as it is; did you mean “entities”?", NULL },
    { IIS_PROBLEM_KIND_UNKNOWN_MEMBER, "AA", "“acronym”, kept as it is; it belongs to the type “organization”", "AA" },
    /* The same unknown member in two sources: one warning, counted. */
    { IIS_PROBLEM_KIND_UNKNOWN_MEMBER, "AA", "sources[0]: unknown member “titel”, kept as it is; did you mean “title”? (and in 1 more sources)", "AA" },
    { IIS_PROBLEM_KIND_UNKNOWN_MEMBER, "org", "“founed”, kept as it is; did you mean “founded”?", "org" },
    { IIS_PROBLEM_KIND_UNKNOWN_ROLE, "AA", "“memebr” is not a role of member-of; did you mean “member”?", "member-of" },
    { IIS_PROBLEM_KIND_UNKNOWN_MEMBER, "AA", "“strat”, kept as it is; did you mean “start”?", "member-of" },
  };
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();
  g_autoptr(GListModel) errors = NULL;
  g_autoptr(GListModel) same = NULL;
  g_autoptr(GListModel) warnings = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (iis_catalog_load_from_data (catalog, forum, -1, &error));
  g_assert_no_error (error);
  g_assert_true (iis_catalog_load_from_data (catalog, document, -1, &error));
  g_assert_no_error (error);

  /* The 1.0 function reports inconsistencies only. */
  errors = iis_catalog_validate (catalog);
  g_assert_cmpuint (g_list_model_get_n_items (errors), ==, 0);
  same = iis_catalog_validate_full (catalog, IIS_VALIDATE_FLAGS_NONE);
  g_assert_cmpuint (g_list_model_get_n_items (same), ==, 0);

  warnings = iis_catalog_validate_full (catalog, IIS_VALIDATE_FLAGS_WARNINGS);
  g_assert_cmpuint (g_list_model_get_n_items (warnings), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(IisProblem) problem = g_list_model_get_item (warnings, i);
      GObject *item = iis_problem_get_item (problem);

      g_test_message ("%s", iis_problem_get_message (problem));
      g_assert_cmpint (iis_problem_get_kind (problem), ==, expected[i].kind);
      g_assert_cmpint (iis_problem_get_severity (problem), ==, IIS_PROBLEM_SEVERITY_WARNING);
      g_assert_cmpstr (iis_problem_get_subject_id (problem), ==, expected[i].subject);
      g_assert_nonnull (strstr (iis_problem_get_message (problem), expected[i].text));
      if (expected[i].item == NULL)
        g_assert_null (item);
      else if (IIS_IS_ENTITY (item))
        g_assert_cmpstr (iis_entity_get_id (IIS_ENTITY (item)), ==, expected[i].item);
      else
        g_assert_cmpstr (iis_relation_kind_to_nick (iis_relation_get_kind (IIS_RELATION (item))),
                         ==, expected[i].item);
    }
}

static void
test_severity (void)
{
  g_autoptr(IisProblem) error = iis_problem_new (IIS_PROBLEM_KIND_PART_OF_CYCLE, "x", "m");
  g_autoptr(IisProblem) warning = iis_problem_new (IIS_PROBLEM_KIND_UNKNOWN_ROLE, "x", "m");
  IisProblemSeverity severity;

  g_assert_cmpint (iis_problem_get_severity (error), ==, IIS_PROBLEM_SEVERITY_ERROR);
  g_assert_cmpint (iis_problem_get_severity (warning), ==, IIS_PROBLEM_SEVERITY_WARNING);
  g_object_get (warning, "severity", &severity, NULL);
  g_assert_cmpint (severity, ==, IIS_PROBLEM_SEVERITY_WARNING);
}

static void
test_known_roles (void)
{
  const char * const *member = iis_relation_kind_get_known_roles (IIS_RELATION_KIND_MEMBER_OF);
  const char * const *party = iis_relation_kind_get_known_roles (IIS_RELATION_KIND_PARTY_TO);

  g_assert_true (g_strv_contains (member, "member"));
  g_assert_true (g_strv_contains (member, "dialogue-partner"));
  g_assert_false (g_strv_contains (member, "memebr"));
  g_assert_true (g_strv_contains (party, "ratification"));
  g_assert_true (g_strv_contains (iis_relation_kind_get_known_roles (IIS_RELATION_KIND_VOTES_ON),
                                  "abstain"));
  g_assert_null (iis_relation_kind_get_known_roles (IIS_RELATION_KIND_PARTICIPANT_IN));
  g_assert_null (iis_relation_kind_get_known_roles (IIS_RELATION_KIND_ANY));
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
  g_test_add_func ("/iis/validate/warnings", test_warnings);
  g_test_add_func ("/iis/validate/severity", test_severity);
  g_test_add_func ("/iis/validate/known-roles", test_known_roles);

  return g_test_run ();
}
