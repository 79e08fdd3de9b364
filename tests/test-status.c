/* test-status.c: treaty actions, a party's status and the questions on it
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include <json-glib/json-glib.h>
#include <libiis/iis.h>

#include "iis-test-util.h"

static const char *
kind_nick (IisPartyStatusKind kind)
{
  GEnumClass *klass = g_type_class_ref (IIS_TYPE_PARTY_STATUS_KIND);
  GEnumValue *value = g_enum_get_value (klass, kind);

  g_type_class_unref (klass);
  return value != NULL ? value->value_nick : "?";
}

static JsonObject *
load_expected (JsonParser **parser)
{
  g_autofree char *path = iis_test_data_path ("treaty-actions-expected.json");
  g_autoptr(GError) error = NULL;

  *parser = json_parser_new ();
  json_parser_load_from_file (*parser, path, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (*parser));
}

static IisEntity *
lookup (IisCatalog *catalog,
        const char *id)
{
  IisEntity *entity = iis_catalog_lookup (catalog, id);

  g_assert_nonnull (entity);
  return entity;
}

/* The ids of a JSON array of strings, joined by spaces. */
static char *
json_ids (JsonArray *array)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (array); i++)
    g_string_append_printf (s, "%s%s", i > 0 ? " " : "", json_array_get_string_element (array, i));
  return g_string_free (s, FALSE);
}

/* The subjects' ids of a list of relations, joined by spaces. */
static char *
subject_ids (GListModel *relations)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(IisRelation) r = g_list_model_get_item (relations, i);

      g_string_append_printf (s, "%s%s", i > 0 ? " " : "",
                              iis_entity_get_id (iis_relation_get_subject (r)));
    }
  return g_string_free (s, FALSE);
}

/* Every status of the scenario at every date, one by one and in the list
 * of every party's status. */
static void
test_status_scenario (void)
{
  g_autoptr(IisCatalog) catalog = iis_test_load_fixture ("treaty-actions.json");
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *expected = load_expected (&parser);
  JsonArray *dates = json_object_get_array_member (expected, "dates");
  JsonArray *statuses = json_object_get_array_member (expected, "statuses");
  guint checked = 0;

  g_assert_cmpuint (json_array_get_length (dates), ==, 12);
  for (guint i = 0; i < json_array_get_length (statuses); i++)
    {
      JsonObject *row = json_array_get_object_element (statuses, i);
      IisAgreement *agreement = IIS_AGREEMENT (lookup (catalog, json_object_get_string_member (row, "agreement")));
      IisEntity *party = lookup (catalog, json_object_get_string_member (row, "party"));
      JsonArray *kinds = json_object_get_array_member (row, "kinds");

      for (guint d = 0; d < json_array_get_length (dates); d++)
        {
          g_autoptr(IisDate) at = iis_test_date (json_array_get_string_element (dates, d));
          g_autoptr(IisPartyStatus) status = NULL;
          g_autoptr(GListModel) all = NULL;
          g_autoptr(GError) error = NULL;
          gboolean listed = FALSE;

          if (json_array_get_null_element (kinds, d))
            continue;
          status = iis_catalog_get_party_status (catalog, agreement, party, at, &error);
          g_assert_no_error (error);
          g_test_message ("%s %s %s", iis_entity_get_id (IIS_ENTITY (agreement)),
                          iis_entity_get_id (party), json_array_get_string_element (dates, d));
          g_assert_cmpstr (kind_nick (iis_party_status_get_kind (status)), ==,
                           json_array_get_string_element (kinds, d));
          g_assert_true (iis_party_status_get_party (status) == party);
          g_assert_true (iis_party_status_get_agreement (status) == agreement);
          g_assert_cmpint (iis_date_compare (iis_party_status_get_date (status), at), ==, 0);
          /* Only "not signed" has nothing behind it. */
          g_assert_cmpint (g_list_model_get_n_items (iis_party_status_get_decided_by (status)) == 0, ==,
                           iis_party_status_get_kind (status) == IIS_PARTY_STATUS_KIND_NOT_SIGNED);

          all = iis_catalog_get_party_statuses (catalog, agreement, at);
          for (guint k = 0; k < g_list_model_get_n_items (all); k++)
            {
              g_autoptr(IisPartyStatus) other = g_list_model_get_item (all, k);

              if (iis_party_status_get_party (other) == party)
                {
                  g_assert_cmpint (iis_party_status_get_kind (other), ==, iis_party_status_get_kind (status));
                  listed = TRUE;
                }
            }
          g_assert_true (listed);
          checked++;
        }
    }
  g_assert_cmpuint (checked, >, 100);
}

static void
test_status_reservations (void)
{
  g_autoptr(IisCatalog) catalog = iis_test_load_fixture ("treaty-actions.json");
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *expected = load_expected (&parser);
  JsonArray *in_effect = json_object_get_array_member (expected, "reservations-in-effect");
  JsonArray *lists = json_object_get_array_member (expected, "reservations");

  for (guint i = 0; i < json_array_get_length (in_effect); i++)
    {
      JsonObject *row = json_array_get_object_element (in_effect, i);
      g_autoptr(IisDate) at = iis_test_date (json_object_get_string_member (row, "date"));
      g_autoptr(IisPartyStatus) status =
        iis_catalog_get_party_status (catalog,
                                      IIS_AGREEMENT (lookup (catalog, json_object_get_string_member (row, "agreement"))),
                                      lookup (catalog, json_object_get_string_member (row, "party")),
                                      at, NULL);
      GListModel *reservations = iis_party_status_get_reservations (status);
      g_autofree char *want = json_ids (json_object_get_array_member (row, "articles"));
      GString *got = g_string_new (NULL);

      for (guint k = 0; k < g_list_model_get_n_items (reservations); k++)
        {
          g_autoptr(IisRelation) r = g_list_model_get_item (reservations, k);

          g_string_append_printf (got, "%s%s", k > 0 ? " " : "", iis_relation_get_qualifier (r, "article"));
          g_assert_nonnull (iis_relation_get_qualifier (r, "text"));
        }
      g_assert_cmpstr (got->str, ==, want);
      g_string_free (got, TRUE);
    }

  for (guint i = 0; i < json_array_get_length (lists); i++)
    {
      JsonObject *row = json_array_get_object_element (lists, i);
      const char *date = json_object_get_null_member (row, "date") ? NULL : json_object_get_string_member (row, "date");
      const char *article = json_object_get_null_member (row, "article") ? NULL : json_object_get_string_member (row, "article");
      const char *kind_text = json_object_get_string_member (row, "kind");
      IisRelationKind kind = g_str_equal (kind_text, "any") ? IIS_RELATION_KIND_ANY
                             : iis_relation_kind_from_nick (kind_text);
      g_autoptr(IisDate) at = date != NULL ? iis_test_date (date) : NULL;
      g_autoptr(GListModel) found =
        iis_catalog_get_reservations (catalog,
                                      IIS_AGREEMENT (lookup (catalog, json_object_get_string_member (row, "agreement"))),
                                      kind, article, at);
      g_autofree char *got = subject_ids (found);
      g_autofree char *want = json_ids (json_object_get_array_member (row, "parties"));

      g_assert_cmpstr (got, ==, want);
    }
}

static void
test_status_questions (void)
{
  g_autoptr(IisCatalog) catalog = iis_test_load_fixture ("treaty-actions.json");
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *expected = load_expected (&parser);
  JsonArray *never = json_object_get_array_member (expected, "never-bound");
  JsonArray *compare = json_object_get_array_member (expected, "compare");

  for (guint i = 0; i < json_array_get_length (never); i++)
    {
      JsonObject *row = json_array_get_object_element (never, i);
      g_autoptr(IisDate) at = iis_test_date (json_object_get_string_member (row, "date"));
      g_autoptr(GListModel) found =
        iis_catalog_get_signatories_never_bound (catalog,
                                                 IIS_AGREEMENT (lookup (catalog, json_object_get_string_member (row, "agreement"))),
                                                 at);
      g_autofree char *got = iis_test_ids (found);
      g_autofree char *want = json_ids (json_object_get_array_member (row, "parties"));

      g_assert_cmpstr (got, ==, want);
    }

  for (guint i = 0; i < json_array_get_length (compare); i++)
    {
      JsonObject *row = json_array_get_object_element (compare, i);
      g_autoptr(IisDate) at = iis_test_date (json_object_get_string_member (row, "date"));
      g_autoptr(GListModel) both = NULL;
      g_autoptr(GListModel) only_a = NULL;
      g_autoptr(GListModel) only_b = NULL;
      const char *sets[] = { "both", "only-a", "only-b" };
      GListModel **models[] = { &both, &only_a, &only_b };

      iis_catalog_compare_parties (catalog, lookup (catalog, json_object_get_string_member (row, "a")),
                                   lookup (catalog, json_object_get_string_member (row, "b")),
                                   at, &both, &only_a, &only_b);
      for (guint k = 0; k < G_N_ELEMENTS (sets); k++)
        {
          g_autofree char *got = iis_test_ids (*models[k]);
          g_autofree char *want = json_ids (json_object_get_array_member (row, sets[k]));

          g_assert_cmpstr (got, ==, want);
        }
    }
}

static void
test_status_decided_by (void)
{
  g_autoptr(IisCatalog) catalog = iis_test_load_fixture ("treaty-actions.json");
  IisAgreement *ctbt = IIS_AGREEMENT (lookup (catalog, "un-ctbt"));
  IisAgreement *ets173 = IIS_AGREEMENT (lookup (catalog, "coe-ets-173"));
  IisEntity *ru = lookup (catalog, "RU");
  g_autoptr(IisDate) at = iis_test_date ("2024-01-01");
  g_autoptr(IisDate) pending = iis_test_date ("2023-05-01");
  g_autoptr(IisPartyStatus) withdrawn = iis_catalog_get_party_status (catalog, ctbt, ru, at, NULL);
  g_autoptr(IisPartyStatus) denounced = iis_catalog_get_party_status (catalog, ets173, ru, pending, NULL);
  g_autoptr(IisRelation) consent = g_list_model_get_item (iis_party_status_get_decided_by (withdrawn), 0);
  g_autoptr(IisRelation) denunciation = g_list_model_get_item (iis_party_status_get_decided_by (denounced), 0);
  g_autoptr(IisPartyStatus) today = iis_catalog_get_party_status (catalog, ctbt, ru, NULL, NULL);

  g_assert_cmpint (iis_relation_get_kind (consent), ==, IIS_RELATION_KIND_CONSENTED_TO);
  g_assert_nonnull (iis_relation_get_end (consent));
  g_assert_cmpint (iis_relation_get_kind (denunciation), ==, IIS_RELATION_KIND_DENOUNCED);
  g_assert_cmpstr (iis_relation_get_qualifier (denunciation, "effective"), ==, "2023-07-01");
  /* Pending: the party-to still holds, and decides beside it. */
  g_assert_cmpuint (g_list_model_get_n_items (iis_party_status_get_decided_by (denounced)), ==, 2);
  g_assert_true (iis_party_status_kind_is_bound (iis_party_status_get_kind (denounced)));
  /* NULL means today, which is after the withdrawal. */
  g_assert_cmpint (iis_party_status_get_kind (today), ==, IIS_PARTY_STATUS_KIND_CONSENT_WITHDRAWN);
  g_assert_nonnull (iis_party_status_get_date (today));
}

static void
test_status_errors (void)
{
  g_autoptr(IisCatalog) catalog = iis_test_load_fixture ("treaty-actions.json");
  IisAgreement *ets185 = IIS_AGREEMENT (lookup (catalog, "coe-ets-185"));
  g_autoptr(IisState) stranger = iis_state_new ("FR", "France");
  g_autoptr(IisAgreement) elsewhere = iis_agreement_new ("coe-ets-185", "A copy");
  g_autoptr(GError) error = NULL;
  IisPartyStatus *status;

  status = iis_catalog_get_party_status (catalog, ets185, IIS_ENTITY (stranger), NULL, &error);
  g_assert_null (status);
  g_assert_error (error, IIS_ERROR, IIS_ERROR_UNKNOWN_REFERENCE);
  g_assert_nonnull (strstr (error->message, "FR"));
  g_clear_error (&error);

  status = iis_catalog_get_party_status (catalog, elsewhere, lookup (catalog, "AT"), NULL, &error);
  g_assert_null (status);
  g_assert_error (error, IIS_ERROR, IIS_ERROR_UNKNOWN_REFERENCE);
  g_clear_error (&error);

  status = iis_catalog_get_party_status (catalog, ets185, lookup (catalog, "un-ctbt"), NULL, &error);
  g_assert_null (status);
  g_assert_error (error, IIS_ERROR, IIS_ERROR_TYPE_MISMATCH);
}

/* Catalogs that record only signatory-of and party-to (the bundled one):
 * the deposit qualifier dates the consent, and a party-to that ended
 * without a recorded denunciation reads as denounced. */
static void
test_status_fallback (void)
{
  g_autoptr(IisCatalog) catalog = iis_test_scenario_new ();
  IisAgreement *agreement = IIS_AGREEMENT (lookup (catalog, "agr-2009"));
  static const struct { const char *party, *at, *kind; } cases[] = {
    { "RU", "2009-01-01", "not-signed" },
    { "RU", "2009-07-01", "signed" },
    { "RU", "2010-06-02", "bound" },
    { "UZ", "2010-01", "bound" },
    { "UZ", "2012-02-01", "denounced" },
    { "CN", "2020-01-01", "signed" },
    { "KZ", "2010-12-01", "consented" },
  };

  /* KZ deposited in 2010, in force 2011. */
  {
    g_autoptr(GListModel) rels = iis_catalog_list_relations (catalog, lookup (catalog, "KZ"),
                                                             IIS_RELATION_KIND_PARTY_TO,
                                                             IIS_ENTITY (agreement));
    g_autoptr(IisRelation) kz = g_list_model_get_item (rels, 0);

    iis_relation_set_qualifier (kz, "deposit", "2010-11-15");
  }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(IisDate) at = iis_test_date (cases[i].at);
      g_autoptr(IisPartyStatus) status =
        iis_catalog_get_party_status (catalog, agreement, lookup (catalog, cases[i].party), at, NULL);

      g_test_message ("%s at %s", cases[i].party, cases[i].at);
      g_assert_cmpstr (kind_nick (iis_party_status_get_kind (status)), ==, cases[i].kind);
    }
}

/* Provisional application, and the party taken as bound from the
 * agreement's entry into force when no party-to is recorded. */
static void
test_status_provisional (void)
{
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();
  g_autoptr(IisAgreement) agreement = iis_agreement_new ("agr", "Agreement");
  g_autoptr(IisDate) eif = iis_test_date ("2010-01-01");
  g_autoptr(IisRelation) r1 = NULL, r2 = NULL, r3 = NULL;
  static const struct { const char *at, *kind; } cases[] = {
    { "2008-01-01", "signed" },
    { "2008-06-01", "provisionally-applying" },
    { "2009-06-01", "provisionally-applying" },
    { "2010-01-01", "bound" },
  };

  iis_agreement_set_entry_into_force (agreement, eif);
  iis_test_add (catalog, g_object_ref (agreement));
  iis_test_add (catalog, iis_state_new ("XA", "A state"));
  r1 = iis_test_relate (catalog, "XA", IIS_RELATION_KIND_SIGNATORY_OF, "agr", NULL, "2007-01-01", NULL);
  r2 = iis_test_relate (catalog, "XA", IIS_RELATION_KIND_PROVISIONALLY_APPLIES, "agr", NULL, "2008-03-01", "2010-01-01");
  r3 = iis_test_relate (catalog, "XA", IIS_RELATION_KIND_CONSENTED_TO, "agr", "approval", "2009-01-01", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(IisDate) at = iis_test_date (cases[i].at);
      g_autoptr(IisPartyStatus) status =
        iis_catalog_get_party_status (catalog, agreement, lookup (catalog, "XA"), at, NULL);

      g_assert_cmpstr (kind_nick (iis_party_status_get_kind (status)), ==, cases[i].kind);
    }
}

/* A party that denounced and came back (as Greece did with the European
 * Convention on Human Rights; the dates here are made up): denounced
 * between the denunciation's effect and the new consent, bound again
 * after; a reservation made on the way back is no disorder. */
static void
test_status_reentry (void)
{
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListModel) problems = NULL;
  IisRelation *r;
  static const struct { const char *at, *kind; } cases[] = {
    { "1995-01-01", "bound" },
    { "1999-06-01", "denunciation-pending" },
    { "2001-01-01", "denounced" },
    { "2004-06-01", "consented" },
    { "2006-01-01", "bound" },
  };

  iis_test_add (catalog, iis_agreement_new ("agr", "Agreement"));
  iis_test_add (catalog, iis_state_new ("XA", "A state"));
  g_ptr_array_add (keep, iis_test_relate (catalog, "XA", IIS_RELATION_KIND_CONSENTED_TO, "agr", "ratification", "1990-01-01", NULL));
  g_ptr_array_add (keep, iis_test_relate (catalog, "XA", IIS_RELATION_KIND_PARTY_TO, "agr", "ratification", "1990-06-01", "2000-01-01"));
  r = iis_test_relate (catalog, "XA", IIS_RELATION_KIND_DENOUNCED, "agr", "denunciation", "1999-01-01", NULL);
  iis_relation_set_qualifier (r, "effective", "2000-01-01");
  g_ptr_array_add (keep, r);
  g_ptr_array_add (keep, iis_test_relate (catalog, "XA", IIS_RELATION_KIND_CONSENTED_TO, "agr", "accession", "2004-01-01", NULL));
  g_ptr_array_add (keep, iis_test_relate (catalog, "XA", IIS_RELATION_KIND_PARTY_TO, "agr", "accession", "2005-01-01", NULL));
  g_ptr_array_add (keep, iis_test_relate (catalog, "XA", IIS_RELATION_KIND_RESERVATION_TO, "agr", NULL, "2004-01-01", NULL));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(IisDate) at = iis_test_date (cases[i].at);
      g_autoptr(IisPartyStatus) status =
        iis_catalog_get_party_status (catalog, IIS_AGREEMENT (lookup (catalog, "agr")),
                                      lookup (catalog, "XA"), at, NULL);

      g_test_message ("at %s", cases[i].at);
      g_assert_cmpstr (kind_nick (iis_party_status_get_kind (status)), ==, cases[i].kind);
    }
  problems = iis_catalog_validate (catalog);
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 0);
}

/* The validator: the scenario is clean; each kind of disorder is found. */
static guint
count_problems (GListModel     *problems,
                IisProblemKind  kind,
                const char     *needle)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(IisProblem) p = g_list_model_get_item (problems, i);

      g_test_message ("problem: %s", iis_problem_get_message (p));
      if (iis_problem_get_kind (p) == kind && strstr (iis_problem_get_message (p), needle) != NULL)
        n++;
    }
  return n;
}

static void
test_status_validate (void)
{
  g_autoptr(IisCatalog) scenario = iis_test_load_fixture ("treaty-actions.json");
  g_autoptr(GListModel) none = iis_catalog_validate (scenario);
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();
  g_autoptr(IisAgreement) agreement = iis_agreement_new ("agr", "Agreement");
  g_autoptr(IisDate) opened = iis_test_date ("2001-11-23");
  g_autoptr(IisDate) eif = iis_test_date ("2004-07-01");
  g_autoptr(GListModel) problems = NULL;
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_object_unref);
  IisRelation *r;

  /* The scenario's succession (in force before the notification) is no
   * problem. */
  g_assert_cmpuint (g_list_model_get_n_items (none), ==, 0);

  iis_agreement_set_opened_for_signature (agreement, opened);
  iis_agreement_set_entry_into_force (agreement, eif);
  iis_test_add (catalog, g_object_ref (agreement));
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *id = g_strdup_printf ("X%c", 'A' + i);

      iis_test_add (catalog, iis_state_new (id, id));
    }

  /* XA ratifies before it signs; XB signs before the opening. */
  g_ptr_array_add (keep, iis_test_relate (catalog, "XA", IIS_RELATION_KIND_SIGNATORY_OF, "agr", NULL, "2003-01-01", NULL));
  g_ptr_array_add (keep, iis_test_relate (catalog, "XA", IIS_RELATION_KIND_CONSENTED_TO, "agr", "ratification", "2002-01-01", NULL));
  g_ptr_array_add (keep, iis_test_relate (catalog, "XB", IIS_RELATION_KIND_SIGNATORY_OF, "agr", NULL, "2001-01-01", NULL));
  /* XC in force before its deposit; XD before the agreement itself. */
  g_ptr_array_add (keep, iis_test_relate (catalog, "XC", IIS_RELATION_KIND_CONSENTED_TO, "agr", "accession", "2006-01-01", NULL));
  g_ptr_array_add (keep, iis_test_relate (catalog, "XC", IIS_RELATION_KIND_PARTY_TO, "agr", "accession", "2005-01-01", NULL));
  g_ptr_array_add (keep, iis_test_relate (catalog, "XD", IIS_RELATION_KIND_CONSENTED_TO, "agr", "accession", "2002-01-01", NULL));
  g_ptr_array_add (keep, iis_test_relate (catalog, "XD", IIS_RELATION_KIND_PARTY_TO, "agr", "accession", "2003-01-01", NULL));
  /* XE: a reservation after its denunciation took effect, a denunciation
   * that takes effect before its notice, an unknown role. */
  r = iis_test_relate (catalog, "XE", IIS_RELATION_KIND_DENOUNCED, "agr", "denunciation", "2010-01-01", NULL);
  iis_relation_set_qualifier (r, "effective", "2010-07-01");
  g_ptr_array_add (keep, r);
  r = iis_test_relate (catalog, "XE", IIS_RELATION_KIND_DENOUNCED, "agr", "walkout", "2012-01-01", NULL);
  iis_relation_set_qualifier (r, "effective", "2011-01-01");
  g_ptr_array_add (keep, r);
  g_ptr_array_add (keep, iis_test_relate (catalog, "XE", IIS_RELATION_KIND_RESERVATION_TO, "agr", NULL, "2011-01-01", NULL));
  /* XF: qualifiers that are not what they should be. */
  r = iis_test_relate (catalog, "XF", IIS_RELATION_KIND_DENOUNCED, "agr", NULL, "2010-01-01", NULL);
  iis_relation_set_qualifier (r, "effective", "soon");
  g_ptr_array_add (keep, r);
  r = iis_test_relate (catalog, "XF", IIS_RELATION_KIND_OBJECTION_TO, "agr", NULL, "2010-01-01", NULL);
  iis_relation_set_qualifier (r, "against", "nobody");
  g_ptr_array_add (keep, r);

  problems = iis_catalog_validate (catalog);
  g_assert_cmpuint (count_problems (problems, IIS_PROBLEM_KIND_ACTIONS_OUT_OF_ORDER, "before the signature (2003-01-01)"), ==, 1);
  g_assert_cmpuint (count_problems (problems, IIS_PROBLEM_KIND_ACTIONS_OUT_OF_ORDER, "“XB” → “agr” of 2001-01-01 comes before the agreement was opened"), ==, 1);
  g_assert_cmpuint (count_problems (problems, IIS_PROBLEM_KIND_ACTIONS_OUT_OF_ORDER, "before the consent was deposited (2006-01-01)"), ==, 1);
  g_assert_cmpuint (count_problems (problems, IIS_PROBLEM_KIND_ACTIONS_OUT_OF_ORDER,
                                    "“XD” → “agr” (accession) of 2003-01-01 enters into force before the agreement itself (2004-07-01)"), ==, 1);
  g_assert_cmpuint (count_problems (problems, IIS_PROBLEM_KIND_ACTIONS_OUT_OF_ORDER, "before the agreement itself"), ==, 1);
  g_assert_cmpuint (count_problems (problems, IIS_PROBLEM_KIND_ACTIONS_OUT_OF_ORDER, "after the denunciation took effect (2010-07-01)"), ==, 1);
  g_assert_cmpuint (count_problems (problems, IIS_PROBLEM_KIND_ACTIONS_OUT_OF_ORDER, "takes effect (2011-01-01) before it was notified"), ==, 1);
  g_assert_cmpuint (count_problems (problems, IIS_PROBLEM_KIND_UNKNOWN_ROLE, "(walkout)"), ==, 1);
  /* Every problem iis_catalog_validate() reports is an error, the
   * unknown role of a treaty action included (it was a warning, and
   * `iis validate` called such a file valid). */
  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(IisProblem) p = g_list_model_get_item (problems, i);

      g_assert_cmpint (iis_problem_get_severity (p), ==, IIS_PROBLEM_SEVERITY_ERROR);
    }
  g_assert_cmpuint (count_problems (problems, IIS_PROBLEM_KIND_INVALID_QUALIFIER, "“effective” is not a date"), ==, 1);
  g_assert_cmpuint (count_problems (problems, IIS_PROBLEM_KIND_INVALID_QUALIFIER, "“against” names “nobody”"), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 9);
}

/* A party's entry into force before the agreement's own: a problem only
 * where the order is certain, whatever an inexact date stands for, and
 * only with both dates known. */
static void
test_status_validate_entry_into_force (void)
{
  static const struct {
    const char *start;     /* the party's entry into force */
    gboolean problem;
  } cases[] = {
    { "2004-06-30", TRUE },
    { "2004-06", TRUE },
    { "2003", TRUE },
    { "199X", TRUE },       /* 1999 at the latest */
    { "../2003", TRUE },    /* on or before 2003 */
    { "2004-07-01", FALSE },
    { "2004", FALSE },      /* the same year: the order is not known */
    { "2004-07", FALSE },
    { "200X", FALSE },      /* 2000 … 2009 */
    { "2004-06-XX", TRUE }, /* June 2004, any day */
    { "2004-07-XX", FALSE },
    { "2003?", FALSE },     /* uncertain: 2002 … 2004 */
    { "2003~", FALSE },     /* approximate: 2002 … 2004 */
    { "2002~", TRUE },      /* 2001 … 2003 */
    { "2005-01-01", FALSE },
  };
  g_autoptr(IisDate) eif = iis_test_date ("2004-07-01");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(IisCatalog) catalog = iis_catalog_new ();
      g_autoptr(IisAgreement) agreement = iis_agreement_new ("agr", "Agreement");
      g_autoptr(IisRelation) party_to = NULL;
      g_autoptr(GListModel) problems = NULL;
      g_autoptr(GListModel) unknown = NULL;

      g_test_message ("party in force %s", cases[i].start);
      iis_test_add (catalog, g_object_ref (agreement));
      iis_test_add (catalog, iis_state_new ("XA", "XA"));
      party_to = iis_test_relate (catalog, "XA", IIS_RELATION_KIND_PARTY_TO, "agr", "accession", cases[i].start, NULL);

      /* The agreement's entry into force unknown: nothing to compare. */
      unknown = iis_catalog_validate (catalog);
      g_assert_cmpuint (g_list_model_get_n_items (unknown), ==, 0);

      iis_agreement_set_entry_into_force (agreement, eif);
      problems = iis_catalog_validate (catalog);
      g_assert_cmpuint (count_problems (problems, IIS_PROBLEM_KIND_ACTIONS_OUT_OF_ORDER,
                                        "before the agreement itself (2004-07-01)"), ==, cases[i].problem ? 1 : 0);
      g_assert_cmpuint (g_list_model_get_n_items (problems), ==, cases[i].problem ? 1 : 0);
      if (cases[i].problem)
        {
          g_autoptr(IisProblem) p = g_list_model_get_item (problems, 0);

          g_assert_cmpstr (iis_problem_get_subject_id (p), ==, "XA");
          g_assert_true (iis_problem_get_item (p) == G_OBJECT (party_to));
          g_assert_cmpint (iis_problem_get_severity (p), ==, IIS_PROBLEM_SEVERITY_ERROR);
        }
    }
}

/* Treaty actions and an agreement's own dates are format 1.1, and come
 * back from a round trip. */
static void
test_status_round_trip (void)
{
  g_autoptr(IisCatalog) catalog = iis_test_load_fixture ("treaty-actions.json");
  g_autofree char *data = iis_test_dump (catalog);
  g_autoptr(IisCatalog) again = iis_catalog_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *data_again = NULL;
  IisAgreement *ets185;

  g_assert_nonnull (strstr (data, "\"version\": \"1.1\""));
  g_assert_nonnull (strstr (data, "\"opened-for-signature\": \"2001-11-23\""));
  g_assert_true (iis_catalog_load_from_data (again, data, -1, &error));
  g_assert_no_error (error);
  data_again = iis_test_dump (again);
  g_assert_cmpstr (data, ==, data_again);
  ets185 = IIS_AGREEMENT (lookup (again, "coe-ets-185"));
  g_assert_cmpint (iis_date_compare (iis_agreement_get_opened_for_signature (ets185),
                                     iis_agreement_get_opened_for_signature (IIS_AGREEMENT (lookup (catalog, "coe-ets-185")))), ==, 0);

  /* Only the agreement's new dates make a 1.0 catalog 1.1. */
  {
    g_autoptr(IisCatalog) small = iis_catalog_new ();
    g_autoptr(IisAgreement) agreement = iis_agreement_new ("agr", "Agreement");
    g_autoptr(IisDate) ended = iis_test_date ("2020-01-01");
    g_autofree char *v10 = NULL;
    g_autofree char *v11 = NULL;

    iis_test_add (small, g_object_ref (agreement));
    v10 = iis_test_dump (small);
    iis_agreement_set_terminated (agreement, ended);
    v11 = iis_test_dump (small);
    g_assert_nonnull (strstr (v10, "\"version\": \"1.0\""));
    g_assert_nonnull (strstr (v11, "\"version\": \"1.1\""));
    g_assert_nonnull (strstr (v11, "\"terminated\": \"2020-01-01\""));
  }
}

/* The state-year panel: the rows are the bound statuses at each year, in
 * order; the first and last years follow the charts. */
static void
test_status_panel (void)
{
  g_autoptr(IisCatalog) catalog = iis_test_load_fixture ("treaty-actions.json");
  g_autoptr(GListModel) panel = iis_catalog_get_panel (catalog, NULL, 1999, 2024);
  g_autoptr(GListModel) one = iis_catalog_get_panel (catalog, IIS_AGREEMENT (lookup (catalog, "coe-ets-185")), 2007, 2007);
  g_autoptr(GHashTable) first = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) last = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = g_list_model_get_n_items (panel);
  g_autofree char *previous = NULL;

  g_assert_cmpuint (n, >, 50);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IisPartyStatus) row = g_list_model_get_item (panel, i);
      IisEntity *party = iis_party_status_get_party (row);
      IisAgreement *agreement = iis_party_status_get_agreement (row);
      const IisDate *year = iis_party_status_get_date (row);
      g_autoptr(IisPartyStatus) again = iis_catalog_get_party_status (catalog, agreement, party, year, NULL);
      g_autofree char *key = g_strdup_printf ("%s %s", iis_entity_get_id (party),
                                              iis_entity_get_id (IIS_ENTITY (agreement)));
      g_autofree char *order = g_strdup_printf ("%s %04u %s", iis_entity_get_id (party), iis_date_get_year (year),
                                                iis_entity_get_id (IIS_ENTITY (agreement)));

      g_assert_cmpint (iis_date_get_precision (year), ==, IIS_DATE_PRECISION_YEAR);
      g_assert_true (iis_party_status_kind_is_bound (iis_party_status_get_kind (row)));
      g_assert_cmpint (iis_party_status_get_kind (again), ==, iis_party_status_get_kind (row));
      if (previous != NULL)
        g_assert_cmpstr (previous, <, order);
      g_free (previous);
      previous = g_steal_pointer (&order);
      if (!g_hash_table_contains (first, key))
        g_hash_table_insert (first, g_strdup (key), GUINT_TO_POINTER (iis_date_get_year (year)));
      g_hash_table_insert (last, g_steal_pointer (&key), GUINT_TO_POINTER (iis_date_get_year (year)));
    }

  /* In force for Latvia on 2007-06-01, Austria on 2012-10-01; Russia's
   * denunciation of ETS 173 took effect on 2023-07-01, so at the year
   * 2023 it no longer holds (the rule of get_parties() at a year). */
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (first, "LV coe-ets-185")), ==, 2007);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (first, "AT coe-ets-185")), ==, 2012);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (first, "AD coe-ets-185")), ==, 2017);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (last, "RU coe-ets-173")), ==, 2022);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (last, "AL coe-ets-185")), ==, 2024);
  /* Never bound: the CTBT. */
  g_assert_false (g_hash_table_contains (first, "RU un-ctbt"));
  g_assert_cmpuint (g_list_model_get_n_items (one), ==, 4);  /* AL AM FI LV */
}

/* The ids of the parties bound by @agreement at @at, each line "A B" of
 * a pair, from the relations themselves: in the ETS 185 charts every
 * party has a party-to relation whose start is its entry into force and
 * none denounced, so the parties bound are those whose party-to has
 * begun. */
static char *
pairs_from_party_to (IisCatalog    *catalog,
                     IisAgreement  *agreement,
                     const IisDate *at)
{
  g_autoptr(GListModel) relations = iis_catalog_list_relations (catalog, NULL, IIS_RELATION_KIND_PARTY_TO,
                                                                IIS_ENTITY (agreement));
  g_autoptr(GPtrArray) bound = g_ptr_array_new ();
  GString *s = g_string_new (NULL);

  /* list_relations() sorts by subject id. */
  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(IisRelation) r = g_list_model_get_item (relations, i);

      if (iis_date_compare_coarse (iis_relation_get_start (r), at) <= 0)
        g_ptr_array_add (bound, (gpointer) iis_entity_get_id (iis_relation_get_subject (r)));
    }
  for (guint i = 0; i < bound->len; i++)
    for (guint j = i + 1; j < bound->len; j++)
      g_string_append_printf (s, "%s %s\n", (char *) g_ptr_array_index (bound, i),
                              (char *) g_ptr_array_index (bound, j));
  return g_string_free (s, FALSE);
}

static char *
dyad_lines (GListModel *dyads)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (dyads); i++)
    {
      g_autoptr(IisDyad) dyad = g_list_model_get_item (dyads, i);

      g_string_append_printf (s, "%s %s\n", iis_entity_get_id (iis_dyad_get_first (dyad)),
                              iis_entity_get_id (iis_dyad_get_second (dyad)));
    }
  return g_string_free (s, FALSE);
}

/* The dyad table: each pair of parties bound at a date, once, by
 * agreement and ids; the same pairs as the party-to relations of the
 * charts and as the parties' statuses one by one. */
static void
test_status_dyads (void)
{
  g_autoptr(IisCatalog) catalog = iis_test_load_fixture ("treaty-actions.json");
  IisAgreement *ets185 = IIS_AGREEMENT (lookup (catalog, "coe-ets-185"));
  IisAgreement *ets173 = IIS_AGREEMENT (lookup (catalog, "coe-ets-173"));
  static const char * const dates[] = {
    "2002-01-01", "2004-07-01", "2007-02-01", "2007-06-15", "2012-10-01", "2017-03-01", "2024-01-01",
  };
  guint n_seen = 0;

  for (guint d = 0; d < G_N_ELEMENTS (dates); d++)
    {
      g_autoptr(IisDate) at = iis_test_date (dates[d]);
      g_autoptr(GListModel) dyads = iis_catalog_get_dyads (catalog, ets185, at);
      g_autofree char *got = dyad_lines (dyads);
      g_autofree char *want = pairs_from_party_to (catalog, ets185, at);

      g_assert_cmpstr (got, ==, want);
      n_seen += g_list_model_get_n_items (dyads);
    }
  g_assert_cmpuint (n_seen, >, 10);

  /* Every agreement at once: the rows of each agreement in turn, each
   * pair of parties whose status is bound, the first id before the
   * second. Russia's denunciation of ETS 173 took effect on 2023-07-01:
   * it pairs with Albania the day before and not on the day. */
  for (guint d = 0; d < 2; d++)
    {
      g_autoptr(IisDate) at = iis_test_date (d == 0 ? "2023-06-30" : "2023-07-01");
      g_autoptr(GListModel) all = iis_catalog_get_dyads (catalog, NULL, at);
      g_autoptr(GListModel) agreements = iis_catalog_list_entities (catalog, IIS_TYPE_AGREEMENT);
      g_autoptr(GListModel) of173 = iis_catalog_get_dyads (catalog, ets173, at);
      g_autofree char *lines173 = dyad_lines (of173);
      guint row = 0;

      g_assert_cmpstr (lines173, ==, d == 0 ? "AL RU\n" : "");
      for (guint k = 0; k < g_list_model_get_n_items (agreements); k++)
        {
          g_autoptr(IisAgreement) agreement = g_list_model_get_item (agreements, k);
          g_autoptr(GListModel) statuses = iis_catalog_get_party_statuses (catalog, agreement, at);
          g_autoptr(GPtrArray) bound = g_ptr_array_new ();

          for (guint i = 0; i < g_list_model_get_n_items (statuses); i++)
            {
              g_autoptr(IisPartyStatus) status = g_list_model_get_item (statuses, i);
              IisEntity *party = iis_party_status_get_party (status);
              g_autoptr(IisPartyStatus) alone = iis_catalog_get_party_status (catalog, agreement, party, at, NULL);

              if (iis_party_status_kind_is_bound (iis_party_status_get_kind (alone)))
                g_ptr_array_add (bound, party);
            }
          for (guint i = 0; i < bound->len; i++)
            for (guint j = i + 1; j < bound->len; j++)
              {
                g_autoptr(IisDyad) dyad = g_list_model_get_item (all, row++);

                g_assert_nonnull (dyad);
                g_assert_true (iis_dyad_get_agreement (dyad) == agreement);
                g_assert_true (iis_dyad_get_first (dyad) == g_ptr_array_index (bound, i));
                g_assert_true (iis_dyad_get_second (dyad) == g_ptr_array_index (bound, j));
                g_assert_cmpint (iis_date_compare (iis_dyad_get_date (dyad), at), ==, 0);
                g_assert_cmpstr (iis_entity_get_id (iis_dyad_get_first (dyad)), <,
                                 iis_entity_get_id (iis_dyad_get_second (dyad)));
              }
        }
      g_assert_cmpuint (row, ==, g_list_model_get_n_items (all));
    }

  /* Without a date, today: the Budapest Convention's six parties. */
  {
    g_autoptr(GListModel) today = iis_catalog_get_dyads (catalog, ets185, NULL);

    g_assert_cmpuint (g_list_model_get_n_items (today), ==, 6 * 5 / 2);
  }
}

/* The bundled catalog records the Budapest Convention as signatory-of,
 * consented-to and party-to: its statuses agree with get_parties() and
 * get_signatories(). */
static void
test_status_bundled (void)
{
  g_autoptr(IisCatalog) catalog = iis_catalog_new_default ();
  IisAgreement *ets185 = IIS_AGREEMENT (lookup (catalog, "coe-ets-185"));
  g_autoptr(IisDate) at = iis_test_date ("2024-01-01");
  g_autoptr(GListModel) statuses = iis_catalog_get_party_statuses (catalog, ets185, at);
  g_autoptr(GListModel) parties = iis_catalog_get_parties (catalog, ets185, at);
  g_autoptr(GListModel) signatories = iis_catalog_get_signatories (catalog, ets185);
  g_autoptr(GHashTable) bound = g_hash_table_new (NULL, NULL);
  guint n_bound = 0;

  g_assert_cmpuint (g_list_model_get_n_items (parties), >, 40);
  for (guint i = 0; i < g_list_model_get_n_items (statuses); i++)
    {
      g_autoptr(IisPartyStatus) status = g_list_model_get_item (statuses, i);

      if (iis_party_status_kind_is_bound (iis_party_status_get_kind (status)))
        {
          g_hash_table_add (bound, iis_party_status_get_party (status));
          n_bound++;
        }
    }
  for (guint i = 0; i < g_list_model_get_n_items (parties); i++)
    {
      g_autoptr(IisEntity) party = g_list_model_get_item (parties, i);

      g_assert_true (g_hash_table_contains (bound, party));
    }
  /* The others bound have consented and have no party-to (no source gives
   * their entry into force): bound as the agreement is in force. */
  for (guint i = 0; i < g_list_model_get_n_items (statuses); i++)
    {
      g_autoptr(IisPartyStatus) status = g_list_model_get_item (statuses, i);
      IisEntity *party = iis_party_status_get_party (status);
      g_autoptr(GListModel) party_to = NULL, consents = NULL;
      gboolean in_parties = FALSE;

      if (!iis_party_status_kind_is_bound (iis_party_status_get_kind (status)))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (parties) && !in_parties; j++)
        {
          g_autoptr(IisEntity) p = g_list_model_get_item (parties, j);

          in_parties = p == party;
        }
      if (in_parties)
        continue;
      party_to = iis_catalog_list_relations (catalog, party, IIS_RELATION_KIND_PARTY_TO,
                                             IIS_ENTITY (ets185));
      consents = iis_catalog_list_relations (catalog, party, IIS_RELATION_KIND_CONSENTED_TO,
                                             IIS_ENTITY (ets185));
      g_assert_cmpuint (g_list_model_get_n_items (party_to), ==, 0);
      g_assert_cmpuint (g_list_model_get_n_items (consents), >, 0);
      n_bound--;
    }
  g_assert_cmpuint (n_bound, ==, g_list_model_get_n_items (parties));
  /* A signatory that is not a party is signed (or consented, when its
   * deposit came before the date). */
  for (guint i = 0; i < g_list_model_get_n_items (signatories); i++)
    {
      g_autoptr(IisEntity) signatory = g_list_model_get_item (signatories, i);
      g_autoptr(IisPartyStatus) status = iis_catalog_get_party_status (catalog, ets185, signatory, at, NULL);

      if (!g_hash_table_contains (bound, signatory))
        g_assert_true (iis_party_status_get_kind (status) == IIS_PARTY_STATUS_KIND_SIGNED
                       || iis_party_status_get_kind (status) == IIS_PARTY_STATUS_KIND_CONSENTED
                       || iis_party_status_get_kind (status) == IIS_PARTY_STATUS_KIND_DENOUNCED);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/iis/status/scenario", test_status_scenario);
  g_test_add_func ("/iis/status/reservations", test_status_reservations);
  g_test_add_func ("/iis/status/questions", test_status_questions);
  g_test_add_func ("/iis/status/decided-by", test_status_decided_by);
  g_test_add_func ("/iis/status/errors", test_status_errors);
  g_test_add_func ("/iis/status/fallback", test_status_fallback);
  g_test_add_func ("/iis/status/provisional", test_status_provisional);
  g_test_add_func ("/iis/status/reentry", test_status_reentry);
  g_test_add_func ("/iis/status/validate", test_status_validate);
  g_test_add_func ("/iis/status/validate-entry-into-force", test_status_validate_entry_into_force);
  g_test_add_func ("/iis/status/round-trip", test_status_round_trip);
  g_test_add_func ("/iis/status/panel", test_status_panel);
  g_test_add_func ("/iis/status/dyads", test_status_dyads);
  g_test_add_func ("/iis/status/bundled", test_status_bundled);

  return g_test_run ();
}
