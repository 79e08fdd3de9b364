/* test-continuity.c: states over time (iis-continuity.c, IisState's
 * period, the continues and succeeds kinds) on tests/data/successions.json
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include <libiis/iis.h>

#include "iis-test-util.h"

static char *
members (IisCatalog *catalog,
         const char *at,
         gboolean    continuous)
{
  IisOrganization *un = IIS_ORGANIZATION (iis_catalog_lookup (catalog, "un"));
  g_autoptr(IisDate) date = at != NULL ? iis_test_date (at) : NULL;
  g_autoptr(GListModel) model = NULL;

  if (continuous)
    model = iis_catalog_get_members_continuous (catalog, un, NULL, date, IIS_QUESTION_MODE_CERTAIN);
  else
    model = iis_catalog_get_members (catalog, un, NULL, date);
  return iis_test_ids (model);
}

/* The memberships of @id at @at as "subject→object" words. */
static char *
memberships (IisCatalog *catalog,
             const char *id,
             const char *at,
             gboolean    continuous)
{
  IisEntity *member = iis_catalog_lookup (catalog, id);
  g_autoptr(IisDate) date = at != NULL ? iis_test_date (at) : NULL;
  g_autoptr(GListModel) model = NULL;
  GString *s = g_string_new (NULL);

  if (continuous)
    model = iis_catalog_get_memberships_continuous (catalog, member, date, IIS_QUESTION_MODE_CERTAIN);
  else
    model = iis_catalog_get_memberships (catalog, member, date);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(IisRelation) r = g_list_model_get_item (model, i);

      g_string_append_printf (s, "%s%s→%s", s->len > 0 ? " " : "",
                              iis_entity_get_id (iis_relation_get_subject (r)),
                              iis_entity_get_id (iis_relation_get_object (r)));
    }
  return g_string_free (s, FALSE);
}

static const char *
resolve (IisCatalog *catalog,
         const char *id,
         const char *at)
{
  g_autoptr(IisDate) date = at != NULL ? iis_test_date (at) : NULL;

  return iis_entity_get_id (iis_catalog_resolve_continuity (catalog,
                                                            iis_catalog_lookup (catalog, id),
                                                            date));
}

#define ASSERT_MEMBERS(at, continuous, expected) \
  G_STMT_START { \
    g_autofree char *got_ = members (catalog, at, continuous); \
    g_assert_cmpstr (got_, ==, expected); \
  } G_STMT_END

#define ASSERT_MEMBERSHIPS(id, at, continuous, expected) \
  G_STMT_START { \
    g_autofree char *got_ = memberships (catalog, id, at, continuous); \
    g_assert_cmpstr (got_, ==, expected); \
  } G_STMT_END

static void
test_period (void)
{
  g_autoptr(IisCatalog) catalog = iis_test_load_fixture ("successions.json");
  IisState *su = IIS_STATE (iis_catalog_lookup (catalog, "SU"));
  IisState *cz = IIS_STATE (iis_catalog_lookup (catalog, "CZ"));
  g_autoptr(IisDate) d1980 = iis_test_date ("1980");
  g_autoptr(IisDate) d1992 = iis_test_date ("1992");
  g_autoptr(IisDate) ceased = iis_test_date ("1991-12-26");
  g_autofree char *text = iis_date_to_string (iis_state_get_ceased (su));

  g_assert_cmpstr (text, ==, "1991-12-26");
  g_assert_null (iis_state_get_founded (su));
  g_assert_true (iis_state_exists_at (su, d1980));
  g_assert_false (iis_state_exists_at (su, d1992));
  g_assert_true (iis_state_exists_at (su, NULL));
  g_assert_false (iis_state_exists_at (cz, d1992));
  g_assert_false (iis_state_exists_at (su, ceased));

  /* The property and the setter agree, and the setter notifies once. */
  {
    g_autoptr(IisDate) got = NULL;

    g_object_get (su, "ceased", &got, NULL);
    g_assert_true (iis_date_equal (got, ceased));
  }
}

static void
test_ceasing_ends_relations (void)
{
  g_autoptr(IisCatalog) catalog = iis_test_load_fixture ("successions.json");
  IisState *su = IIS_STATE (iis_catalog_lookup (catalog, "SU"));

  /* SU's membership has no end: its ceasing ends it. */
  ASSERT_MEMBERS ("1980", FALSE, "CS SU YU");
  ASSERT_MEMBERS ("1991-12-25", FALSE, "CS SU YU");
  ASSERT_MEMBERS ("1991-12-26", FALSE, "CS YU");
  ASSERT_MEMBERS ("1992-06-01", FALSE, "CS SI");
  ASSERT_MEMBERS ("1993-01-10", FALSE, "SI");
  ASSERT_MEMBERS ("2005", FALSE, "CZ SCG SI SK");
  ASSERT_MEMBERS ("2006-06-10", FALSE, "CZ SI SK");
  ASSERT_MEMBERS ("2007", FALSE, "CZ ME SI SK");
  ASSERT_MEMBERS (NULL, FALSE, "CS CZ ME SCG SI SK SU YU");

  /* Changing the date changes the answers at once. */
  iis_state_set_ceased (su, NULL);
  ASSERT_MEMBERS ("2000", FALSE, "CZ SCG SI SK SU");
}

static void
test_continuity (void)
{
  g_autoptr(IisCatalog) catalog = iis_test_load_fixture ("successions.json");

  /* USSR → Russia: the same legal person. */
  g_assert_cmpstr (resolve (catalog, "RU", "1980"), ==, "SU");
  g_assert_cmpstr (resolve (catalog, "RU", "1991-12-23"), ==, "SU");
  g_assert_cmpstr (resolve (catalog, "RU", "1991-12-24"), ==, "RU");
  g_assert_cmpstr (resolve (catalog, "SU", "2000"), ==, "RU");
  g_assert_cmpstr (resolve (catalog, "SU", "1980"), ==, "SU");
  g_assert_cmpstr (resolve (catalog, "SU", NULL), ==, "RU");
  g_assert_cmpstr (resolve (catalog, "RU", NULL), ==, "RU");
  /* Without a start, a continuation takes effect when the state
   * continued ceased. */
  g_assert_cmpstr (resolve (catalog, "SCG", "2006-06-02"), ==, "SCG");
  g_assert_cmpstr (resolve (catalog, "SCG", "2006-06-03"), ==, "RS");
  g_assert_cmpstr (resolve (catalog, "RS", "2005"), ==, "SCG");
  /* A succession is not a continuation. */
  g_assert_cmpstr (resolve (catalog, "CS", "2000"), ==, "CS");
  g_assert_cmpstr (resolve (catalog, "CZ", "1980"), ==, "CZ");

  ASSERT_MEMBERS ("1980", TRUE, "CS SU YU");
  ASSERT_MEMBERS ("1991-12-24", TRUE, "CS RU YU");
  ASSERT_MEMBERS ("2000-06-01", TRUE, "CZ RU SI SK");
  ASSERT_MEMBERS ("2000", TRUE, "CZ RU SCG SI SK");
  ASSERT_MEMBERS ("2005", TRUE, "CZ RU SCG SI SK");
  /* Serbia carries the membership of Serbia and Montenegro... */
  ASSERT_MEMBERS ("2006-06-10", TRUE, "CZ RS RU SI SK");
  /* ... and Montenegro, a successor, is admitted anew. */
  ASSERT_MEMBERS ("2007", TRUE, "CZ ME RS RU SI SK");
  /* Czechoslovakia's successors are no members before their admission. */
  ASSERT_MEMBERS ("1993-01-10", TRUE, "RU SI");
  ASSERT_MEMBERS (NULL, TRUE, "CS CZ ME RS RU SI SK YU");

  /* Russia's memberships with or without the USSR's. */
  ASSERT_MEMBERSHIPS ("RU", "1980", FALSE, "");
  ASSERT_MEMBERSHIPS ("RU", "1980", TRUE, "SU→un");
  ASSERT_MEMBERSHIPS ("RU", "2000", FALSE, "");
  ASSERT_MEMBERSHIPS ("RU", "2000", TRUE, "SU→un");
  ASSERT_MEMBERSHIPS ("RU", NULL, TRUE, "SU→un");
  ASSERT_MEMBERSHIPS ("SU", "2000", TRUE, "");
  ASSERT_MEMBERSHIPS ("CZ", "1980", TRUE, "");
  ASSERT_MEMBERSHIPS ("CZ", NULL, TRUE, "CZ→un");
  ASSERT_MEMBERSHIPS ("RS", "2005", TRUE, "SCG→un");
  ASSERT_MEMBERSHIPS ("RS", "2005", FALSE, "");
  ASSERT_MEMBERSHIPS ("ME", "2005", TRUE, "");
}

static void
test_continuity_possible (void)
{
  g_autoptr(IisCatalog) catalog = iis_test_load_fixture ("successions.json");
  IisOrganization *un = IIS_ORGANIZATION (iis_catalog_lookup (catalog, "un"));
  IisState *ru = IIS_STATE (iis_catalog_lookup (catalog, "RU"));
  g_autoptr(IisDate) at = iis_test_date ("1995");
  g_autoptr(IisDate) about = iis_test_date ("199X");
  g_autoptr(IisRelation) own = iis_test_relate (catalog, "RU", IIS_RELATION_KIND_MEMBER_OF, "un",
                                                 "observer", NULL, NULL);
  g_autoptr(GListModel) certain = NULL;
  g_autoptr(GListModel) possible = NULL;
  g_autofree char *ids = NULL;

  /* An inexact start leaves Russia's own (fictional) observer status
   * open in 1995; the USSR's membership, carried, is certain. */
  iis_relation_set_start (own, about);
  certain = iis_catalog_get_memberships_continuous (catalog, IIS_ENTITY (ru), at,
                                                    IIS_QUESTION_MODE_CERTAIN);
  possible = iis_catalog_get_memberships_continuous (catalog, IIS_ENTITY (ru), at,
                                                     IIS_QUESTION_MODE_POSSIBLE);
  g_assert_cmpuint (g_list_model_get_n_items (certain), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (possible), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(IisRelation) r = g_list_model_get_item (possible, i);
      IisTruth truth = iis_answer_get_truth (IIS_ANSWER (possible), i);

      g_assert_cmpint (truth, ==, iis_relation_get_subject (r) == IIS_ENTITY (ru)
                                  ? IIS_TRUTH_UNKNOWN : IIS_TRUTH_YES);
    }

  {
    g_autoptr(GListModel) observers =
      iis_catalog_get_members_continuous (catalog, un, "observer", at, IIS_QUESTION_MODE_POSSIBLE);

    ids = iis_test_ids (observers);
    g_assert_cmpstr (ids, ==, "RU");
    g_assert_cmpint (iis_answer_get_truth (IIS_ANSWER (observers), 0), ==, IIS_TRUTH_UNKNOWN);
  }
}

static void
test_continuity_cycle (void)
{
  g_autoptr(IisCatalog) catalog = iis_test_load_fixture ("successions.json");
  g_autoptr(IisRelation) back = iis_test_relate (catalog, "SU", IIS_RELATION_KIND_CONTINUES, "RU",
                                                  NULL, "1950", NULL);
  g_autofree char *got = memberships (catalog, "RU", NULL, TRUE);

  /* A cycle of continuations ends; each state is visited once. */
  g_assert_cmpstr (got, ==, "SU→un");
  g_assert_nonnull (iis_catalog_resolve_continuity (catalog, iis_catalog_lookup (catalog, "RU"),
                                                    NULL));
}

static void
test_kinds_need_states (void)
{
  g_autoptr(IisCatalog) catalog = iis_test_load_fixture ("successions.json");
  g_autoptr(IisRelation) wrong = iis_relation_new (IIS_RELATION_KIND_CONTINUES,
                                                   iis_catalog_lookup (catalog, "un"),
                                                   iis_catalog_lookup (catalog, "SU"));
  g_autoptr(GError) error = NULL;

  g_assert_false (iis_catalog_add_relation (catalog, wrong, &error));
  g_assert_error (error, IIS_ERROR, IIS_ERROR_TYPE_MISMATCH);
  g_assert_true (iis_relation_kind_allows (IIS_RELATION_KIND_SUCCEEDS, IIS_TYPE_STATE,
                                           IIS_TYPE_STATE));
  g_assert_false (iis_relation_kind_allows (IIS_RELATION_KIND_SUCCEEDS, IIS_TYPE_ORGANIZATION,
                                            IIS_TYPE_ORGANIZATION));
}

static void
test_validate_existence (void)
{
  g_autoptr(IisCatalog) catalog = iis_test_load_fixture ("successions.json");
  g_autoptr(GListModel) clean = iis_catalog_validate (catalog);
  g_autoptr(GListModel) problems = NULL;
  g_autoptr(IisRelation) early = NULL, late = NULL, open = NULL;
  guint n_existence = 0;

  g_assert_cmpuint (g_list_model_get_n_items (clean), ==, 0);

  /* Slovakia a member before it was founded, the Soviet Union after it
   * ceased; an inexact start that may fall either side is not reported. */
  early = iis_test_relate (catalog, "SK", IIS_RELATION_KIND_MEMBER_OF, "un", "observer",
                           "1992-03-01", NULL);
  late = iis_test_relate (catalog, "SU", IIS_RELATION_KIND_MEMBER_OF, "un", "observer",
                          "1992-03-01", NULL);
  open = iis_test_relate (catalog, "ME", IIS_RELATION_KIND_MEMBER_OF, "un", "observer",
                          "2006~", NULL);
  problems = iis_catalog_validate (catalog);
  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(IisProblem) p = g_list_model_get_item (problems, i);

      g_test_message ("%s", iis_problem_get_message (p));
      g_assert_cmpint (iis_problem_get_kind (p), ==, IIS_PROBLEM_KIND_OUTSIDE_EXISTENCE);
      g_assert_true (g_str_equal (iis_problem_get_subject_id (p), "SK") ||
                     g_str_equal (iis_problem_get_subject_id (p), "SU"));
      g_assert_true (strstr (iis_problem_get_message (p), "founded") != NULL ||
                     strstr (iis_problem_get_message (p), "ceased") != NULL);
      n_existence++;
    }
  g_assert_cmpuint (n_existence, ==, 2);
}

static void
test_round_trip (void)
{
  g_autoptr(IisCatalog) catalog = iis_test_load_fixture ("successions.json");
  g_autoptr(IisCatalog) again = iis_catalog_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *first = iis_test_dump (catalog);
  g_autofree char *second = NULL;
  IisState *me;

  g_assert_nonnull (strstr (first, "\"version\": \"1.1\""));
  g_assert_nonnull (strstr (first, "\"ceased\": \"1991-12-26\""));
  g_assert_nonnull (strstr (first, "\"kind\": \"continues\""));
  g_assert_true (iis_catalog_load_from_data (again, first, -1, &error));
  g_assert_no_error (error);
  second = iis_test_dump (again);
  g_assert_cmpstr (first, ==, second);
  me = IIS_STATE (iis_catalog_lookup (again, "ME"));
  g_assert_cmpint (iis_date_get_year (iis_state_get_founded (me)), ==, 2006);
}

static void
test_format_1_0 (void)
{
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  IisState *state;

  /* A 1.0 file loads, and a catalog without state periods or the new
   * kinds is written as 1.0. */
  g_assert_true (iis_catalog_load_from_data (catalog,
                                             "{\"format\": \"libiis-catalog\", \"version\": \"1.0\","
                                             " \"entities\": [{\"type\": \"state\", \"id\": \"RU\"}],"
                                             " \"relations\": []}", -1, &error));
  g_assert_no_error (error);
  data = iis_test_dump (catalog);
  g_assert_nonnull (strstr (data, "\"version\": \"1.0\""));
  g_clear_pointer (&data, g_free);

  /* Setting a period makes it 1.1; clearing it, 1.0 again. */
  state = IIS_STATE (iis_catalog_lookup (catalog, "RU"));
  {
    g_autoptr(IisDate) founded = iis_test_date ("1991-12-25");

    iis_state_set_founded (state, founded);
  }
  data = iis_test_dump (catalog);
  g_assert_nonnull (strstr (data, "\"version\": \"1.1\""));
  g_clear_pointer (&data, g_free);
  iis_state_set_founded (state, NULL);
  data = iis_test_dump (catalog);
  g_assert_nonnull (strstr (data, "\"version\": \"1.0\""));
}

static void
test_bad_period (void)
{
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (iis_catalog_load_from_data (catalog,
                                              "{\"format\": \"libiis-catalog\", \"version\": \"1.1\","
                                              " \"entities\": [{\"type\": \"state\", \"id\": \"SU\","
                                              " \"ceased\": \"1991-13\"}], \"relations\": []}",
                                              -1, &error));
  g_assert_error (error, IIS_ERROR, IIS_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "entities[0].ceased"));
  g_assert_cmpuint (iis_catalog_get_n_entities (catalog), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/iis/continuity/period", test_period);
  g_test_add_func ("/iis/continuity/ceasing-ends-relations", test_ceasing_ends_relations);
  g_test_add_func ("/iis/continuity/continuity", test_continuity);
  g_test_add_func ("/iis/continuity/possible", test_continuity_possible);
  g_test_add_func ("/iis/continuity/cycle", test_continuity_cycle);
  g_test_add_func ("/iis/continuity/kinds-need-states", test_kinds_need_states);
  g_test_add_func ("/iis/continuity/validate-existence", test_validate_existence);
  g_test_add_func ("/iis/continuity/round-trip", test_round_trip);
  g_test_add_func ("/iis/continuity/format-1-0", test_format_1_0);
  g_test_add_func ("/iis/continuity/bad-period", test_bad_period);

  return g_test_run ();
}
