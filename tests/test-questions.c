/* test-questions.c: the catalog's relationship questions on a dated scenario
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include <json-glib/json-glib.h>
#include <libiis/iis.h>

#include "iis-test-util.h"

static IisOrganization *
org (IisCatalog *catalog,
     const char *id)
{
  return IIS_ORGANIZATION (iis_catalog_lookup (catalog, id));
}

static char *
members (IisCatalog *catalog,
         const char *organization,
         const char *role,
         const char *at)
{
  g_autoptr(IisDate) date = at ? iis_test_date (at) : NULL;
  g_autoptr(GListModel) model = iis_catalog_get_members (catalog, org (catalog, organization),
                                                         role, date);

  g_assert_true (g_type_is_a (g_list_model_get_item_type (model), IIS_TYPE_ENTITY));
  return iis_test_ids (model);
}

#define assert_ids(expr, expected) \
  G_STMT_START { \
    g_autofree char *ids__ = (expr); \
    g_assert_cmpstr (ids__, ==, (expected)); \
  } G_STMT_END

static void
test_members_at_dates (void)
{
  g_autoptr(IisCatalog) catalog = iis_test_scenario_new ();

  /* Eight members in 2018 in the real SCO; here five with India. */
  assert_ids (members (catalog, "sco", "member", "2018-01-01"), "CN IN KZ RU UZ");
  assert_ids (members (catalog, "sco", "member", "2017-06-08"), "CN KZ RU UZ");
  assert_ids (members (catalog, "sco", "member", "2017-06-09"), "CN IN KZ RU UZ");
  assert_ids (members (catalog, "sco", "member", "2001-06-14"), "");
  assert_ids (members (catalog, "sco", "member", "2001-06-15"), "CN KZ RU UZ");
  assert_ids (members (catalog, "sco", "member", "2024-07-03"), "CN IN KZ RU UZ");
  assert_ids (members (catalog, "sco", "member", "2024-07-04"), "BY CN IN KZ RU UZ");

  /* Any role: one entry per entity even with several memberships. */
  assert_ids (members (catalog, "sco", NULL, "2016-01-01"), "BY CN IN KZ RU UZ");
  assert_ids (members (catalog, "sco", NULL, NULL), "BY CN IN KZ RU UZ");
  assert_ids (members (catalog, "sco", "member", NULL), "BY CN IN KZ RU UZ");

  /* A role nobody has, a role no relation ever used. */
  assert_ids (members (catalog, "sco", "associate", NULL), "");
  assert_ids (members (catalog, "sco-secretariat", NULL, NULL), "");
}

static void
test_members_role_sequence (void)
{
  g_autoptr(IisCatalog) catalog = iis_test_scenario_new ();

  /* Belarus: dialogue partner 2010, observer 2015, member 2024-07-04.
   * With year-only dates, the change-over year belongs to the new role. */
  assert_ids (members (catalog, "sco", "dialogue-partner", "2009-12-31"), "");
  assert_ids (members (catalog, "sco", "dialogue-partner", "2010"), "BY");
  assert_ids (members (catalog, "sco", "dialogue-partner", "2014-12-31"), "BY");
  assert_ids (members (catalog, "sco", "dialogue-partner", "2015-06-01"), "");
  assert_ids (members (catalog, "sco", "observer", "2015-01-01"), "BY IN");
  assert_ids (members (catalog, "sco", "observer", "2015"), "BY IN");
  assert_ids (members (catalog, "sco", "observer", "2016-03"), "BY IN");
  assert_ids (members (catalog, "sco", "observer", "2024-07-03"), "BY");
  assert_ids (members (catalog, "sco", "observer", "2024-07-04"), "");
  /* At the coarse date 2017 India's observer period (to 2017-06-09) has
   * ended and its membership (from 2017-06-09) has begun. */
  assert_ids (members (catalog, "sco", "observer", "2017"), "BY");
  assert_ids (members (catalog, "sco", "member", "2017"), "CN IN KZ RU UZ");

  /* Exactly one of Belarus's roles holds at any date in its history. */
  for (guint year = 2010; year <= 2030; year++)
    {
      IisEntity *by = iis_catalog_lookup (catalog, "BY");
      g_autoptr(IisDate) at = iis_date_new (year, 7, 1);
      g_autoptr(GListModel) held = iis_catalog_get_memberships (catalog, by, at);

      g_assert_cmpuint (g_list_model_get_n_items (held), ==, 1);
    }
}

static void
test_memberships (void)
{
  g_autoptr(IisCatalog) catalog = iis_test_scenario_new ();
  IisEntity *by = iis_catalog_lookup (catalog, "BY");
  IisEntity *uz = iis_catalog_lookup (catalog, "UZ");
  g_autoptr(GListModel) all = iis_catalog_get_memberships (catalog, by, NULL);
  g_autoptr(IisDate) at = iis_test_date ("2016-05-01");
  g_autoptr(GListModel) now = iis_catalog_get_memberships (catalog, by, at);
  g_autoptr(GListModel) uz_all = iis_catalog_get_memberships (catalog, uz, NULL);
  g_autoptr(IisRelation) first = NULL;
  g_autoptr(IisRelation) current = NULL;
  g_autoptr(IisRelation) again = NULL;
  g_autofree char *start = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 3);
  /* Sorted by organization, then start. */
  first = g_list_model_get_item (all, 0);
  g_assert_cmpstr (iis_relation_get_role (first), ==, "dialogue-partner");
  start = iis_date_to_string (iis_relation_get_start (first));
  g_assert_cmpstr (start, ==, "2010");

  g_assert_cmpuint (g_list_model_get_n_items (now), ==, 1);
  current = g_list_model_get_item (now, 0);
  g_assert_cmpstr (iis_relation_get_role (current), ==, "observer");
  g_assert_true (iis_relation_get_subject (current) == by);
  g_assert_true (iis_relation_get_object (current) == iis_catalog_lookup (catalog, "sco"));
  g_assert_true (iis_relation_is_in_catalog (current));

  /* The same relation asked for twice is the same object while alive. */
  again = g_list_model_get_item (all, 1);
  g_assert_true (again == current);

  /* Uzbekistan: the SCO, and the union it withdrew from. */
  g_assert_cmpuint (g_list_model_get_n_items (uz_all), ==, 2);
}

static void
test_withdrawal_and_dissolution (void)
{
  g_autoptr(IisCatalog) catalog = iis_test_scenario_new ();
  IisEntity *kz = iis_catalog_lookup (catalog, "KZ");
  IisEntity *uz = iis_catalog_lookup (catalog, "UZ");
  g_autoptr(IisDate) d1995 = iis_test_date ("1995-06-01");
  g_autoptr(IisDate) d1999 = iis_test_date ("1999-12-31");
  g_autoptr(IisDate) d2000 = iis_test_date ("2000-01-01");
  g_autoptr(IisDate) d2005 = iis_test_date ("2005");
  g_autoptr(IisDate) d2008_10 = iis_test_date ("2008-10-31");
  g_autoptr(IisDate) d2008_11 = iis_test_date ("2008-11-01");

  /* The pact was dissolved in 2000: the membership, open-ended on paper,
   * ends with it. */
  assert_ids (members (catalog, "pact", NULL, "1995-06-01"), "KZ");
  assert_ids (members (catalog, "pact", NULL, "1999-12-31"), "KZ");
  assert_ids (members (catalog, "pact", NULL, "2000-01-01"), "");
  assert_ids (members (catalog, "pact", NULL, "2005"), "");
  assert_ids (members (catalog, "pact", NULL, NULL), "KZ");
  g_assert_true (iis_catalog_is_member (catalog, kz, org (catalog, "pact"), d1995));
  g_assert_true (iis_catalog_is_member (catalog, kz, org (catalog, "pact"), d1999));
  g_assert_false (iis_catalog_is_member (catalog, kz, org (catalog, "pact"), d2000));
  g_assert_true (iis_catalog_is_member (catalog, kz, org (catalog, "pact"), NULL));

  /* Uzbekistan withdrew from the union in November 2008. */
  g_assert_true (iis_catalog_is_member (catalog, uz, org (catalog, "union"), d2005));
  g_assert_true (iis_catalog_is_member (catalog, uz, org (catalog, "union"), d2008_10));
  g_assert_false (iis_catalog_is_member (catalog, uz, org (catalog, "union"), d2008_11));
  g_assert_false (iis_catalog_is_member (catalog, uz, org (catalog, "pact"), NULL));
  g_assert_false (iis_catalog_is_member (catalog, kz, org (catalog, "union"), NULL));
}

static void
test_dissolution_changed (void)
{
  g_autoptr(IisCatalog) catalog = iis_test_scenario_new ();
  IisOrganization *pact = org (catalog, "pact");
  g_autoptr(IisDate) d1999 = iis_test_date ("1999-12-31");
  g_autoptr(IisDate) d2005 = iis_test_date ("2005");

  /* Questions follow a dissolution changed while the organization is in
   * the catalog: moved later, removed, and moved earlier. */
  iis_organization_set_dissolved (pact, d2005);
  assert_ids (members (catalog, "pact", NULL, "2004-12-31"), "KZ");
  assert_ids (members (catalog, "pact", NULL, "2005-01-01"), "");

  iis_organization_set_dissolved (pact, NULL);
  g_assert_true (iis_catalog_is_member (catalog, iis_catalog_lookup (catalog, "KZ"), pact, d2005));

  g_object_set (pact, "dissolved", d1999, NULL);
  assert_ids (members (catalog, "pact", NULL, "1999-12-30"), "KZ");
  assert_ids (members (catalog, "pact", NULL, "1999-12"), "");
  g_assert_false (iis_catalog_is_member (catalog, iis_catalog_lookup (catalog, "KZ"), pact, d2005));
}

static char *
parties (IisCatalog *catalog,
         const char *at)
{
  g_autoptr(IisDate) date = at ? iis_test_date (at) : NULL;
  IisAgreement *agreement = IIS_AGREEMENT (iis_catalog_lookup (catalog, "agr-2009"));
  g_autoptr(GListModel) model = iis_catalog_get_parties (catalog, agreement, date);

  return iis_test_ids (model);
}

static char *
agreements_of (IisCatalog *catalog,
               const char *party,
               const char *at)
{
  g_autoptr(IisDate) date = at ? iis_test_date (at) : NULL;
  g_autoptr(GListModel) model =
    iis_catalog_get_agreements_of (catalog, iis_catalog_lookup (catalog, party), date);

  return iis_test_ids (model);
}

/* Agreements added out of id order, so that a state's agreements come
 * out of the adjacency in slot order, not id order: the answer is sorted
 * anyway, by the short sort (a few) and by the long one (hundreds). */
static void
test_agreements_of_added_out_of_order (void)
{
  const guint n = 700;
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();
  g_autoptr(IisState) few = iis_state_new ("few", "Few");
  g_autoptr(IisState) many = iis_state_new ("many", "Many");
  g_autoptr(GError) error = NULL;
  guint n_few = 0;

  g_assert_true (iis_catalog_add_entity (catalog, IIS_ENTITY (few), &error));
  g_assert_true (iis_catalog_add_entity (catalog, IIS_ENTITY (many), &error));
  for (guint k = 0; k < n; k++)
    {
      /* 11 and 700 are coprime: every id once, in a scattered order. */
      guint i = (k * 11 + 3) % n;
      g_autofree char *id = g_strdup_printf ("agr-%03u", i);
      g_autoptr(IisAgreement) agreement = iis_agreement_new (id, id);
      g_autoptr(IisRelation) party = NULL;

      g_assert_true (iis_catalog_add_entity (catalog, IIS_ENTITY (agreement), &error));
      party = iis_relation_new (IIS_RELATION_KIND_PARTY_TO, IIS_ENTITY (many), IIS_ENTITY (agreement));
      g_assert_true (iis_catalog_add_relation (catalog, party, &error));
      if (i % 37 == 0)
        {
          g_autoptr(IisRelation) some = iis_relation_new (IIS_RELATION_KIND_PARTY_TO,
                                                          IIS_ENTITY (few), IIS_ENTITY (agreement));

          g_assert_true (iis_catalog_add_relation (catalog, some, &error));
          n_few++;
        }
    }

  for (guint s = 0; s < 2; s++)
    {
      g_autoptr(GListModel) answer = iis_catalog_get_agreements_of (catalog,
                                                                    s == 0 ? IIS_ENTITY (few) : IIS_ENTITY (many),
                                                                    NULL);
      guint len = g_list_model_get_n_items (answer);

      g_assert_cmpuint (len, ==, s == 0 ? n_few : n);
      for (guint r = 0; r < len; r++)
        {
          g_autoptr(IisEntity) e = g_list_model_get_item (answer, r);
          g_autofree char *expected = g_strdup_printf ("agr-%03u", s == 0 ? r * 37 : r);

          g_assert_cmpstr (iis_entity_get_id (e), ==, expected);
        }
    }
}

static void
test_parties_and_signatories (void)
{
  g_autoptr(IisCatalog) catalog = iis_test_scenario_new ();
  IisAgreement *agreement = IIS_AGREEMENT (iis_catalog_lookup (catalog, "agr-2009"));
  g_autoptr(GListModel) signatories = iis_catalog_get_signatories (catalog, agreement);
  IisAgreement *other = IIS_AGREEMENT (iis_catalog_lookup (catalog, "agr-other"));
  g_autoptr(GListModel) none = iis_catalog_get_signatories (catalog, other);

  assert_ids (iis_test_ids (signatories), "CN KZ RU UZ");
  g_assert_cmpuint (g_list_model_get_n_items (none), ==, 0);

  /* Signing does not bind: China signed and is not a party here. */
  assert_ids (parties (catalog, "2009-12-31"), "");
  assert_ids (parties (catalog, "2010-06-01"), "UZ");
  assert_ids (parties (catalog, "2010-06-02"), "RU UZ");
  assert_ids (parties (catalog, "2011-07"), "KZ RU UZ");
  assert_ids (parties (catalog, "2012-01-01"), "KZ RU");
  assert_ids (parties (catalog, NULL), "KZ RU UZ");

  assert_ids (agreements_of (catalog, "UZ", "2011"), "agr-2009");
  assert_ids (agreements_of (catalog, "UZ", "2013"), "");
  assert_ids (agreements_of (catalog, "UZ", NULL), "agr-2009");
  assert_ids (agreements_of (catalog, "CN", NULL), "");
  assert_ids (agreements_of (catalog, "RU", "2010-06-01"), "");
  assert_ids (agreements_of (catalog, "RU", "2010-06-02"), "agr-2009");
}

static char *
addressing (IisCatalog *catalog,
            const char *category,
            gboolean    narrower)
{
  IisThreatCategory *threat = IIS_THREAT_CATEGORY (iis_catalog_lookup (catalog, category));
  g_autoptr(GListModel) model = iis_catalog_get_agreements_addressing (catalog, threat, narrower);

  g_assert_true (g_list_model_get_item_type (model) == IIS_TYPE_ENTITY ||
                 g_type_is_a (g_list_model_get_item_type (model), IIS_TYPE_ENTITY));
  return iis_test_ids (model);
}

static void
test_agreements_addressing (void)
{
  g_autoptr(IisCatalog) catalog = iis_test_scenario_new ();

  /* Only agreements: the forum that addresses info-war is not listed. */
  assert_ids (addressing (catalog, "info-war", FALSE), "agr-2009");
  assert_ids (addressing (catalog, "info-war", TRUE), "agr-2009");
  assert_ids (addressing (catalog, "info-weapons", FALSE), "agr-other");
  assert_ids (addressing (catalog, "info-weapons", TRUE), "agr-2009 agr-other");
  assert_ids (addressing (catalog, "threats", FALSE), "agr-2006");
  /* Three levels down, and agr-2009 listed once although it addresses
   * two categories below "threats". */
  assert_ids (addressing (catalog, "threats", TRUE), "agr-2006 agr-2009 agr-other");
  assert_ids (addressing (catalog, "info-terrorism", TRUE), "agr-2009");
}

static void
test_addressing_cycle (void)
{
  g_autoptr(IisCatalog) catalog = iis_test_scenario_new ();
  g_autoptr(GListModel) problems = NULL;

  /* Close the hierarchy into a cycle: threats part-of info-war. The walk
   * must still end, and find the same agreements from any point of the
   * cycle. */
  g_object_unref (iis_test_relate (catalog, "threats", IIS_RELATION_KIND_PART_OF, "info-war",
                                   NULL, NULL, NULL));
  assert_ids (addressing (catalog, "threats", TRUE), "agr-2006 agr-2009 agr-other");
  assert_ids (addressing (catalog, "info-war", TRUE), "agr-2006 agr-2009 agr-other");
  assert_ids (addressing (catalog, "info-war", FALSE), "agr-2009");

  {
    g_autoptr(GListModel) parts = iis_catalog_get_parts (catalog,
                                                         iis_catalog_lookup (catalog, "threats"),
                                                         TRUE);

    /* The walk ends; the start is never listed as its own part. */
    assert_ids (iis_test_ids (parts), "info-terrorism info-war info-weapons");
  }

  problems = iis_catalog_validate (catalog);
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 1);
}

static char *
forums (IisCatalog *catalog,
        const char *entity,
        const char *at)
{
  g_autoptr(IisDate) date = at ? iis_test_date (at) : NULL;
  g_autoptr(GListModel) model =
    iis_catalog_get_forums_of (catalog, iis_catalog_lookup (catalog, entity), date);

  return iis_test_ids (model);
}

static void
test_forums_of (void)
{
  g_autoptr(IisCatalog) catalog = iis_test_scenario_new ();

  /* Organized and hosted: listed once. */
  assert_ids (forums (catalog, "RU", NULL), "forum-2017");
  assert_ids (forums (catalog, "RU", "2017"), "forum-2017");
  assert_ids (forums (catalog, "RU", "2017-02"), "forum-2017");
  assert_ids (forums (catalog, "RU", "2017-02-03"), "forum-2017");
  assert_ids (forums (catalog, "RU", "2017-02-04"), "");
  assert_ids (forums (catalog, "RU", "2016"), "");
  assert_ids (forums (catalog, "sco", "2017-02-02"), "forum-2017");
  /* An undated forum takes place "at any time". */
  assert_ids (forums (catalog, "UZ", "1999"), "forum-undated");
  assert_ids (forums (catalog, "CN", NULL), "");
}

static void
test_parts_and_related (void)
{
  g_autoptr(IisCatalog) catalog = iis_test_scenario_new ();
  IisEntity *sco = iis_catalog_lookup (catalog, "sco");
  IisEntity *war = iis_catalog_lookup (catalog, "info-war");
  IisEntity *ru = iis_catalog_lookup (catalog, "RU");
  g_autoptr(GListModel) bodies = iis_catalog_get_parts (catalog, sco, FALSE);
  g_autoptr(GListModel) broader = iis_catalog_get_wholes (catalog, war, FALSE);
  g_autoptr(GListModel) all_broader = iis_catalog_get_wholes (catalog, war, TRUE);
  g_autoptr(GListModel) signed_ = iis_catalog_get_related (catalog, ru,
                                                           IIS_RELATION_KIND_SIGNATORY_OF,
                                                           FALSE, NULL);
  g_autoptr(GListModel) everything = iis_catalog_get_related (catalog, ru,
                                                              IIS_RELATION_KIND_ANY,
                                                              FALSE, NULL);
  g_autoptr(GListModel) addressed_by = iis_catalog_get_related (catalog, war,
                                                                IIS_RELATION_KIND_ADDRESSES,
                                                                TRUE, NULL);

  assert_ids (iis_test_ids (bodies), "sco-secretariat");
  assert_ids (iis_test_ids (broader), "info-weapons");
  assert_ids (iis_test_ids (all_broader), "info-weapons threats");
  assert_ids (iis_test_ids (signed_), "agr-2009");
  assert_ids (iis_test_ids (everything), "agr-2009 forum-2017 sco");
  assert_ids (iis_test_ids (addressed_by), "agr-2009 forum-2017");
}

static void
test_list_relations (void)
{
  g_autoptr(IisCatalog) catalog = iis_test_scenario_new ();
  IisEntity *sco = iis_catalog_lookup (catalog, "sco");
  IisEntity *by = iis_catalog_lookup (catalog, "BY");
  g_autoptr(GListModel) all = iis_catalog_list_relations (catalog, NULL, IIS_RELATION_KIND_ANY, NULL);
  g_autoptr(GListModel) to_sco = iis_catalog_list_relations (catalog, NULL,
                                                             IIS_RELATION_KIND_MEMBER_OF, sco);
  g_autoptr(GListModel) by_sco = iis_catalog_list_relations (catalog, by, IIS_RELATION_KIND_ANY, sco);
  g_autoptr(GListModel) parts = iis_catalog_list_relations (catalog, NULL,
                                                            IIS_RELATION_KIND_PART_OF, NULL);
  g_autoptr(GListModel) from_sco = iis_catalog_list_relations (catalog, sco,
                                                               IIS_RELATION_KIND_ANY, NULL);

  g_assert_cmpuint (g_list_model_get_n_items (all), ==, iis_catalog_get_n_relations (catalog));
  g_assert_cmpuint (iis_catalog_get_n_relations (catalog), ==, 31);
  g_assert_cmpuint (g_list_model_get_n_items (to_sco), ==, 9);
  g_assert_cmpuint (g_list_model_get_n_items (by_sco), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (parts), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (from_sco), ==, 1);

  /* Sorted by subject id, kind, object id, start. */
  for (guint i = 1; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(IisRelation) a = g_list_model_get_item (all, i - 1);
      g_autoptr(IisRelation) b = g_list_model_get_item (all, i);
      int c = strcmp (iis_entity_get_id (iis_relation_get_subject (a)),
                      iis_entity_get_id (iis_relation_get_subject (b)));

      if (c == 0)
        c = (int) iis_relation_get_kind (a) - (int) iis_relation_get_kind (b);
      if (c == 0)
        c = strcmp (iis_entity_get_id (iis_relation_get_object (a)),
                    iis_entity_get_id (iis_relation_get_object (b)));
      if (c == 0)
        c = iis_date_compare (iis_relation_get_start (a), iis_relation_get_start (b));
      g_assert_cmpint (c, <, 0);
    }
}

static void
test_unknown_and_foreign_entities (void)
{
  g_autoptr(IisCatalog) catalog = iis_test_scenario_new ();
  g_autoptr(IisOrganization) stranger = iis_organization_new ("stranger", "Not in the catalog");
  g_autoptr(IisState) nobody = iis_state_new ("XX", "Nowhere");
  g_autoptr(GListModel) m = iis_catalog_get_members (catalog, stranger, NULL, NULL);
  g_autoptr(GListModel) f = iis_catalog_get_forums_of (catalog, IIS_ENTITY (nobody), NULL);
  g_autoptr(GListModel) r = iis_catalog_list_relations (catalog, IIS_ENTITY (nobody),
                                                        IIS_RELATION_KIND_ANY, NULL);

  /* Entities outside the catalog have no relations in it. */
  g_assert_cmpuint (g_list_model_get_n_items (m), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (f), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (r), ==, 0);
  g_assert_false (iis_catalog_is_member (catalog, IIS_ENTITY (nobody), stranger, NULL));
}

static void
test_programmer_errors (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(IisOrganization) o = iis_organization_new ("o", "O");
      GListModel *model = iis_catalog_get_members (NULL, o, NULL, NULL);

      g_assert_null (model);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*IIS_IS_CATALOG*");
}

static void
test_programmer_errors_expected (void)
{
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();

  g_test_expect_message ("Iis", G_LOG_LEVEL_CRITICAL, "*IIS_IS_ORGANIZATION*");
  g_assert_null (iis_catalog_get_members (catalog, NULL, NULL, NULL));
  g_test_assert_expected_messages ();

  g_test_expect_message ("Iis", G_LOG_LEVEL_CRITICAL, "*IIS_IS_AGREEMENT*");
  g_assert_null (iis_catalog_get_parties (catalog, NULL, NULL));
  g_test_assert_expected_messages ();
}

/* ---- Inexact dates: both modes ---------------------------------------- */

static IisTruth
truth_from_nick (const char *nick)
{
  if (g_str_equal (nick, "yes"))
    return IIS_TRUTH_YES;
  if (g_str_equal (nick, "no"))
    return IIS_TRUTH_NO;
  g_assert_cmpstr (nick, ==, "unknown");
  return IIS_TRUTH_UNKNOWN;
}

/* The ids of an answer's items (entities, or the organizations of
 * relations) whose truth is @truth, space-separated. */
static char *
ids_with_truth (GListModel *answer,
                IisTruth    truth)
{
  GString *s = g_string_new (NULL);

  g_assert_true (IIS_IS_ANSWER (answer));
  for (guint i = 0; i < g_list_model_get_n_items (answer); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (answer, i);
      IisEntity *entity = IIS_IS_RELATION (item)
                          ? iis_relation_get_object (IIS_RELATION (item))
                          : IIS_ENTITY (item);

      if (iis_answer_get_truth (IIS_ANSWER (answer), i) != truth)
        continue;
      if (s->len > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, iis_entity_get_id (entity));
    }
  g_assert_cmpint (iis_answer_get_truth (IIS_ANSWER (answer), g_list_model_get_n_items (answer)),
                   ==, IIS_TRUTH_NO);
  return g_string_free (s, FALSE);
}

static char *
joined_ids (JsonArray *array)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      if (s->len > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, json_array_get_string_element (array, i));
    }
  return g_string_free (s, FALSE);
}

static GListModel *
ask (IisCatalog      *catalog,
     const char      *question,
     IisEntity       *of,
     const IisDate   *at,
     IisQuestionMode  mode)
{
  if (g_str_equal (question, "members"))
    return iis_catalog_get_members_full (catalog, IIS_ORGANIZATION (of), "member", at, mode);
  if (g_str_equal (question, "memberships"))
    return iis_catalog_get_memberships_full (catalog, of, at, mode);
  if (g_str_equal (question, "parties"))
    return iis_catalog_get_parties_full (catalog, IIS_AGREEMENT (of), at, mode);
  if (g_str_equal (question, "agreements-of"))
    return iis_catalog_get_agreements_of_full (catalog, of, at, mode);
  g_assert_cmpstr (question, ==, "forums-of");
  return iis_catalog_get_forums_of_full (catalog, of, at, mode);
}

/* Every question of tests/data/inexact-answers.json over inexact.json, in
 * both modes: the certain mode answers the certain items, all of them
 * YES; the possible mode answers both, each with its truth. The 1.0
 * functions answer as the certain mode. */
static void
test_inexact_dates_both_modes (void)
{
  g_autoptr(IisCatalog) catalog = iis_test_load_fixture ("inexact.json");
  g_autofree char *path = iis_test_data_path ("inexact-answers.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *questions;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  questions = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                            "questions");
  g_assert_cmpuint (json_array_get_length (questions), >=, 20);

  for (guint q = 0; q < json_array_get_length (questions); q++)
    {
      JsonObject *item = json_array_get_object_element (questions, q);
      const char *question = json_object_get_string_member (item, "question");
      IisEntity *of = iis_catalog_lookup (catalog, json_object_get_string_member (item, "of"));
      const char *at_text = json_object_get_string_member (item, "at");
      g_autoptr(IisDate) at = at_text != NULL ? iis_test_date (at_text) : NULL;

      g_test_message ("%s %s at %s", question, iis_entity_get_id (of), at_text);
      g_assert_nonnull (of);

      if (g_str_equal (question, "is-member"))
        {
          IisEntity *member = iis_catalog_lookup (catalog, json_object_get_string_member (item, "member"));
          IisTruth expected = truth_from_nick (json_object_get_string_member (item, "truth"));

          g_assert_cmpint (iis_catalog_get_member_truth (catalog, member, IIS_ORGANIZATION (of), at),
                           ==, expected);
          g_assert_cmpint (iis_catalog_is_member (catalog, member, IIS_ORGANIZATION (of), at),
                           ==, expected == IIS_TRUTH_YES);
          continue;
        }

      {
        g_autofree char *certain = joined_ids (json_object_get_array_member (item, "certain"));
        g_autofree char *possible = joined_ids (json_object_get_array_member (item, "possible"));
        g_autoptr(GListModel) in_certain = ask (catalog, question, of, at, IIS_QUESTION_MODE_CERTAIN);
        g_autoptr(GListModel) in_possible = ask (catalog, question, of, at, IIS_QUESTION_MODE_POSSIBLE);
        g_autofree char *c_yes = ids_with_truth (in_certain, IIS_TRUTH_YES);
        g_autofree char *c_unknown = ids_with_truth (in_certain, IIS_TRUTH_UNKNOWN);
        g_autofree char *p_yes = ids_with_truth (in_possible, IIS_TRUTH_YES);
        g_autofree char *p_unknown = ids_with_truth (in_possible, IIS_TRUTH_UNKNOWN);

        g_assert_cmpstr (c_yes, ==, certain);
        g_assert_cmpstr (c_unknown, ==, "");
        g_assert_cmpstr (p_yes, ==, certain);
        g_assert_cmpstr (p_unknown, ==, possible);
      }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/iis/questions/members-at-dates", test_members_at_dates);
  g_test_add_func ("/iis/questions/members-role-sequence", test_members_role_sequence);
  g_test_add_func ("/iis/questions/memberships", test_memberships);
  g_test_add_func ("/iis/questions/withdrawal-and-dissolution", test_withdrawal_and_dissolution);
  g_test_add_func ("/iis/questions/dissolution-changed", test_dissolution_changed);
  g_test_add_func ("/iis/questions/parties-and-signatories", test_parties_and_signatories);
  g_test_add_func ("/iis/questions/agreements-of-added-out-of-order", test_agreements_of_added_out_of_order);
  g_test_add_func ("/iis/questions/agreements-addressing", test_agreements_addressing);
  g_test_add_func ("/iis/questions/addressing-cycle", test_addressing_cycle);
  g_test_add_func ("/iis/questions/forums-of", test_forums_of);
  g_test_add_func ("/iis/questions/parts-and-related", test_parts_and_related);
  g_test_add_func ("/iis/questions/list-relations", test_list_relations);
  g_test_add_func ("/iis/questions/unknown-entities", test_unknown_and_foreign_entities);
  g_test_add_func ("/iis/questions/inexact-dates", test_inexact_dates_both_modes);
  g_test_add_func ("/iis/questions/programmer-errors", test_programmer_errors);
  g_test_add_func ("/iis/questions/programmer-errors-expected", test_programmer_errors_expected);

  return g_test_run ();
}
