/* test-relation.c: IisRelation and relation kinds
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <libiis/iis.h>

#include "iis-relation-private.h"
#include "iis-test-util.h"

static void
on_notify (GObject    *object,
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

static guint
n_notified_total (GHashTable *counts)
{
  GHashTableIter iter;
  gpointer value;
  guint total = 0;

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    total += GPOINTER_TO_UINT (value);
  return total;
}

static void
count_items_changed (guint *count)
{
  (*count)++;
}

static void
test_relation_construct (void)
{
  g_autoptr(IisState) uz = iis_state_new ("UZ", "Uzbekistan");
  g_autoptr(IisOrganization) sco = iis_organization_new ("sco", "SCO");
  g_autoptr(IisDate) start = iis_test_date ("2001-06-15");
  g_autoptr(IisDate) end = iis_test_date ("2030");
  g_autoptr(IisRelation) relation = g_object_new (IIS_TYPE_RELATION,
                                                  "kind", IIS_RELATION_KIND_MEMBER_OF,
                                                  "subject", uz,
                                                  "object", sco,
                                                  "role", "member",
                                                  "start", start,
                                                  "end", end,
                                                  "confidence", IIS_CONFIDENCE_HIGH,
                                                  NULL);
  IisRelationKind kind;
  g_autoptr(IisEntity) subject = NULL;
  g_autoptr(IisEntity) object = NULL;
  g_autofree char *role = NULL;
  g_autoptr(IisDate) got_start = NULL;
  g_autoptr(IisDate) got_end = NULL;
  IisConfidence confidence;
  g_auto(GStrv) keys = NULL;

  g_assert_cmpint (iis_relation_get_kind (relation), ==, IIS_RELATION_KIND_MEMBER_OF);
  g_assert_true (iis_relation_get_subject (relation) == IIS_ENTITY (uz));
  g_assert_true (iis_relation_get_object (relation) == IIS_ENTITY (sco));
  g_assert_cmpstr (iis_relation_get_role (relation), ==, "member");
  g_assert_true (iis_date_equal (iis_relation_get_start (relation), start));
  g_assert_true (iis_relation_get_start (relation) != start);
  g_assert_true (iis_date_equal (iis_relation_get_end (relation), end));
  g_assert_cmpint (iis_relation_get_confidence (relation), ==, IIS_CONFIDENCE_HIGH);
  g_assert_false (iis_relation_is_in_catalog (relation));
  g_assert_null (_iis_relation_get_catalog (relation));
  g_assert_cmpuint (_iis_relation_get_slot (relation), ==, IIS_ENTITY_NO_SLOT);
  g_assert_null (iis_relation_get_qualifier (relation, "deposit"));
  g_assert_null (_iis_relation_get_qualifiers (relation));
  g_assert_null (_iis_relation_get_unknown_json (relation));
  g_assert_cmpuint (g_list_model_get_n_items (iis_relation_get_sources (relation)), ==, 0);
  keys = iis_relation_dup_qualifier_keys (relation);
  g_assert_nonnull (keys);
  g_assert_cmpuint (g_strv_length (keys), ==, 0);

  g_object_get (relation,
                "kind", &kind,
                "subject", &subject,
                "object", &object,
                "role", &role,
                "start", &got_start,
                "end", &got_end,
                "confidence", &confidence,
                NULL);
  g_assert_cmpint (kind, ==, IIS_RELATION_KIND_MEMBER_OF);
  g_assert_true (subject == IIS_ENTITY (uz));
  g_assert_true (object == IIS_ENTITY (sco));
  g_assert_cmpstr (role, ==, "member");
  g_assert_true (iis_date_equal (got_start, start));
  g_assert_true (iis_date_equal (got_end, end));
  g_assert_cmpint (confidence, ==, IIS_CONFIDENCE_HIGH);

  /* kind, subject and object are construct-only. */
  {
    static const char * const fixed[] = { "kind", "subject", "object" };
    static const char * const writable[] = { "role", "start", "end", "confidence" };

    for (gsize i = 0; i < G_N_ELEMENTS (fixed); i++)
      {
        GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (relation), fixed[i]);

        g_assert_true (pspec->flags & G_PARAM_CONSTRUCT_ONLY);
      }
    for (gsize i = 0; i < G_N_ELEMENTS (writable); i++)
      {
        GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (relation), writable[i]);

        g_assert_false (pspec->flags & G_PARAM_CONSTRUCT_ONLY);
        g_assert_true (pspec->flags & G_PARAM_EXPLICIT_NOTIFY);
      }
  }
}

static void
test_relation_new (void)
{
  g_autoptr(IisAgreement) agreement = iis_agreement_new ("a", NULL);
  g_autoptr(IisThreatCategory) category = iis_threat_category_new ("t", NULL);
  g_autoptr(IisRelation) relation = iis_relation_new (IIS_RELATION_KIND_ADDRESSES,
                                                      IIS_ENTITY (agreement),
                                                      IIS_ENTITY (category));

  g_assert_cmpint (iis_relation_get_kind (relation), ==, IIS_RELATION_KIND_ADDRESSES);
  g_assert_true (iis_relation_get_subject (relation) == IIS_ENTITY (agreement));
  g_assert_true (iis_relation_get_object (relation) == IIS_ENTITY (category));
  g_assert_null (iis_relation_get_role (relation));
  g_assert_null (iis_relation_get_start (relation));
  g_assert_null (iis_relation_get_end (relation));
  g_assert_cmpint (iis_relation_get_confidence (relation), ==, IIS_CONFIDENCE_UNSPECIFIED);

  /* A relation may be built with ends its kind does not allow; the
   * catalog refuses it later. */
  {
    g_autoptr(IisRelation) odd = iis_relation_new (IIS_RELATION_KIND_MEMBER_OF,
                                                   IIS_ENTITY (agreement),
                                                   IIS_ENTITY (category));

    g_assert_nonnull (odd);
  }
}

static void
test_relation_holds_references (void)
{
  IisState *uz = iis_state_new ("UZ", NULL);
  IisOrganization *sco = iis_organization_new ("sco", NULL);
  IisRelation *relation = iis_relation_new (IIS_RELATION_KIND_MEMBER_OF,
                                            IIS_ENTITY (uz), IIS_ENTITY (sco));

  g_object_add_weak_pointer (G_OBJECT (uz), (gpointer *) &uz);
  g_object_add_weak_pointer (G_OBJECT (sco), (gpointer *) &sco);
  g_object_add_weak_pointer (G_OBJECT (relation), (gpointer *) &relation);

  g_object_unref (uz);
  g_object_unref (sco);
  g_assert_nonnull (uz);
  g_assert_nonnull (sco);
  g_assert_cmpstr (iis_entity_get_id (iis_relation_get_subject (relation)), ==, "UZ");

  g_object_unref (relation);
  g_assert_null (relation);
  g_assert_null (uz);
  g_assert_null (sco);
}

static void
test_relation_construct_errors (void)
{
  g_autoptr(IisState) uz = iis_state_new ("UZ", NULL);
  g_autoptr(IisOrganization) sco = iis_organization_new ("sco", NULL);

  g_test_expect_message ("Iis", G_LOG_LEVEL_CRITICAL, "*kind != IIS_RELATION_KIND_ANY*");
  g_assert_null (iis_relation_new (IIS_RELATION_KIND_ANY, IIS_ENTITY (uz), IIS_ENTITY (sco)));
  g_test_assert_expected_messages ();

  g_test_expect_message ("Iis", G_LOG_LEVEL_CRITICAL, "*iis_relation_kind_to_nick*");
  g_assert_null (iis_relation_new ((IisRelationKind) 99, IIS_ENTITY (uz), IIS_ENTITY (sco)));
  g_test_assert_expected_messages ();

  g_test_expect_message ("Iis", G_LOG_LEVEL_CRITICAL, "*IIS_IS_ENTITY (subject)*");
  g_assert_null (iis_relation_new (IIS_RELATION_KIND_MEMBER_OF, NULL, IIS_ENTITY (sco)));
  g_test_assert_expected_messages ();

  g_test_expect_message ("Iis", G_LOG_LEVEL_CRITICAL, "*IIS_IS_ENTITY (object)*");
  g_assert_null (iis_relation_new (IIS_RELATION_KIND_MEMBER_OF, IIS_ENTITY (uz), NULL));
  g_test_assert_expected_messages ();

  g_test_expect_message ("Iis", G_LOG_LEVEL_CRITICAL, "*key != NULL*");
  {
    g_autoptr(IisRelation) relation = iis_relation_new (IIS_RELATION_KIND_MEMBER_OF,
                                                        IIS_ENTITY (uz), IIS_ENTITY (sco));

    iis_relation_set_qualifier (relation, "", "x");
    g_test_assert_expected_messages ();
    g_assert_null (iis_relation_get_qualifier (relation, ""));

    g_test_expect_message ("Iis", G_LOG_LEVEL_CRITICAL, "*IIS_IS_SOURCE*");
    iis_relation_add_source (relation, NULL);
    g_test_assert_expected_messages ();
    g_assert_cmpuint (g_list_model_get_n_items (iis_relation_get_sources (relation)), ==, 0);
  }
}

static void
test_relation_construct_without_ends (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(IisRelation) relation = g_object_new (IIS_TYPE_RELATION,
                                                      "kind", IIS_RELATION_KIND_MEMBER_OF,
                                                      NULL);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*must be constructed with a*subject*and an*object*");
}

static void
test_relation_construct_without_kind (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(IisState) uz = iis_state_new ("UZ", NULL);
      g_autoptr(IisOrganization) sco = iis_organization_new ("sco", NULL);
      g_autoptr(IisRelation) relation = g_object_new (IIS_TYPE_RELATION,
                                                      "subject", uz,
                                                      "object", sco,
                                                      NULL);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*must be constructed with a*kind*");
}

static void
test_relation_notify (void)
{
  g_autoptr(IisState) uz = iis_state_new ("UZ", NULL);
  g_autoptr(IisOrganization) sco = iis_organization_new ("sco", NULL);
  g_autoptr(IisRelation) relation = iis_relation_new (IIS_RELATION_KIND_MEMBER_OF,
                                                      IIS_ENTITY (uz), IIS_ENTITY (sco));
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(IisDate) y2010 = iis_test_date ("2010");
  g_autoptr(IisDate) y2010_again = iis_test_date ("2010");
  g_autoptr(IisDate) y2010_01 = iis_test_date ("2010-01");
  g_autoptr(IisSource) source = iis_source_new ("s");

  g_signal_connect (relation, "notify", G_CALLBACK (on_notify), counts);

  iis_relation_set_role (relation, "observer");
  g_assert_cmpuint (n_notified (counts, "role"), ==, 1);
  iis_relation_set_role (relation, "observer");
  g_assert_cmpuint (n_notified (counts, "role"), ==, 1);
  g_object_set (relation, "role", "member", NULL);
  g_assert_cmpuint (n_notified (counts, "role"), ==, 2);
  g_assert_cmpstr (iis_relation_get_role (relation), ==, "member");
  iis_relation_set_role (relation, NULL);
  g_assert_cmpuint (n_notified (counts, "role"), ==, 3);
  g_assert_null (iis_relation_get_role (relation));
  iis_relation_set_role (relation, NULL);
  g_assert_cmpuint (n_notified (counts, "role"), ==, 3);

  iis_relation_set_start (relation, y2010);
  g_assert_cmpuint (n_notified (counts, "start"), ==, 1);
  iis_relation_set_start (relation, y2010_again);
  g_assert_cmpuint (n_notified (counts, "start"), ==, 1);
  iis_relation_set_start (relation, y2010_01);
  g_assert_cmpuint (n_notified (counts, "start"), ==, 2);
  g_assert_true (iis_date_equal (iis_relation_get_start (relation), y2010_01));
  iis_relation_set_start (relation, NULL);
  g_assert_cmpuint (n_notified (counts, "start"), ==, 3);
  g_assert_null (iis_relation_get_start (relation));

  iis_relation_set_end (relation, y2010);
  g_assert_cmpuint (n_notified (counts, "end"), ==, 1);
  g_object_set (relation, "end", y2010_again, NULL);
  g_assert_cmpuint (n_notified (counts, "end"), ==, 1);
  iis_relation_set_end (relation, NULL);
  g_assert_cmpuint (n_notified (counts, "end"), ==, 2);

  iis_relation_set_confidence (relation, IIS_CONFIDENCE_LOW);
  g_assert_cmpuint (n_notified (counts, "confidence"), ==, 1);
  iis_relation_set_confidence (relation, IIS_CONFIDENCE_LOW);
  g_assert_cmpuint (n_notified (counts, "confidence"), ==, 1);
  g_object_set (relation, "confidence", IIS_CONFIDENCE_MEDIUM, NULL);
  g_assert_cmpuint (n_notified (counts, "confidence"), ==, 2);
  g_assert_cmpint (iis_relation_get_confidence (relation), ==, IIS_CONFIDENCE_MEDIUM);

  /* Qualifiers and sources are not properties. */
  iis_relation_set_qualifier (relation, "deposit", "2010-01-05");
  iis_relation_add_source (relation, source);

  g_assert_cmpuint (n_notified_total (counts), ==, 3 + 3 + 2 + 2);
}

static void
test_relation_qualifiers (void)
{
  g_autoptr(IisState) uz = iis_state_new ("UZ", NULL);
  g_autoptr(IisAgreement) agreement = iis_agreement_new ("a", NULL);
  g_autoptr(IisRelation) relation = iis_relation_new (IIS_RELATION_KIND_PARTY_TO,
                                                      IIS_ENTITY (uz), IIS_ENTITY (agreement));
  g_auto(GStrv) keys = NULL;
  GHashTable *table;

  iis_relation_set_qualifier (relation, "deposit", "2010-01-05");
  iis_relation_set_qualifier (relation, "reservation", "article 5");
  iis_relation_set_qualifier (relation, "a-first", "1");
  g_assert_cmpstr (iis_relation_get_qualifier (relation, "deposit"), ==, "2010-01-05");
  g_assert_cmpstr (iis_relation_get_qualifier (relation, "reservation"), ==, "article 5");
  g_assert_null (iis_relation_get_qualifier (relation, "missing"));

  keys = iis_relation_dup_qualifier_keys (relation);
  {
    const char * const expected[] = { "a-first", "deposit", "reservation", NULL };

    g_assert_true (g_strv_equal ((const char * const *) keys, expected));
  }
  g_clear_pointer (&keys, g_strfreev);

  table = _iis_relation_get_qualifiers (relation);
  g_assert_nonnull (table);
  g_assert_cmpuint (g_hash_table_size (table), ==, 3);

  iis_relation_set_qualifier (relation, "deposit", "2010-01-06");
  g_assert_cmpstr (iis_relation_get_qualifier (relation, "deposit"), ==, "2010-01-06");
  iis_relation_set_qualifier (relation, "deposit", NULL);
  g_assert_null (iis_relation_get_qualifier (relation, "deposit"));
  iis_relation_set_qualifier (relation, "deposit", NULL);
  g_assert_cmpuint (g_hash_table_size (table), ==, 2);

  /* Filling in one go. */
  {
    GHashTable *fresh = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

    g_hash_table_insert (fresh, g_strdup ("x"), g_strdup ("y"));
    _iis_relation_set_qualifiers_take (relation, fresh);
    g_assert_true (_iis_relation_get_qualifiers (relation) == fresh);
    g_assert_cmpstr (iis_relation_get_qualifier (relation, "x"), ==, "y");
    g_assert_null (iis_relation_get_qualifier (relation, "reservation"));

    _iis_relation_set_qualifiers_take (relation, NULL);
    g_assert_null (iis_relation_get_qualifier (relation, "x"));
    keys = iis_relation_dup_qualifier_keys (relation);
    g_assert_cmpuint (g_strv_length (keys), ==, 0);
  }
}

static void
test_relation_sources (void)
{
  g_autoptr(IisState) uz = iis_state_new ("UZ", NULL);
  g_autoptr(IisAgreement) agreement = iis_agreement_new ("a", NULL);
  g_autoptr(IisRelation) early = iis_relation_new (IIS_RELATION_KIND_SIGNATORY_OF,
                                                   IIS_ENTITY (uz), IIS_ENTITY (agreement));
  g_autoptr(IisRelation) late = iis_relation_new (IIS_RELATION_KIND_SIGNATORY_OF,
                                                  IIS_ENTITY (uz), IIS_ENTITY (agreement));
  g_autoptr(IisSource) s1 = iis_source_new ("one");
  g_autoptr(IisSource) s2 = iis_source_new ("two");
  g_autoptr(IisSource) s3 = iis_source_new ("three");
  GListModel *model;
  guint changes = 0;

  /* The model asked for before any source follows additions. */
  model = iis_relation_get_sources (early);
  g_assert_true (g_list_model_get_item_type (model) == IIS_TYPE_SOURCE);
  g_signal_connect_swapped (model, "items-changed", G_CALLBACK (count_items_changed), &changes);
  iis_relation_add_source (early, s1);
  iis_relation_add_source (early, s2);
  g_assert_cmpuint (changes, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_true (iis_relation_get_sources (early) == model);
  g_assert_cmpuint (_iis_relation_get_source_array (early)->len, ==, 2);

  /* The model asked for after additions has them. */
  g_assert_null (_iis_relation_get_source_array (late));
  iis_relation_add_source (late, s1);
  iis_relation_add_source (late, s2);
  model = iis_relation_get_sources (late);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  {
    g_autoptr(IisSource) first = g_list_model_get_item (model, 0);
    g_autoptr(IisSource) second = g_list_model_get_item (model, 1);

    g_assert_true (first == s1);
    g_assert_true (second == s2);
  }

  /* Replacing them all at once updates the model. */
  {
    GPtrArray *array = g_ptr_array_new ();
    g_autoptr(IisSource) only = NULL;

    g_ptr_array_add (array, g_object_ref (s3));
    changes = 0;
    g_signal_connect_swapped (model, "items-changed", G_CALLBACK (count_items_changed), &changes);
    _iis_relation_set_sources_take (late, array);
    g_assert_true (_iis_relation_get_source_array (late) == array);
    g_assert_cmpuint (changes, ==, 1);
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
    only = g_list_model_get_item (model, 0);
    g_assert_true (only == s3);

    _iis_relation_set_sources_take (late, NULL);
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
    g_assert_null (_iis_relation_get_source_array (late));
  }
}

static void
test_relation_unknown_json (void)
{
  g_autoptr(IisState) uz = iis_state_new ("UZ", NULL);
  g_autoptr(IisForum) forum = iis_forum_new ("f", NULL);
  g_autoptr(IisRelation) relation = iis_relation_new (IIS_RELATION_KIND_HOST_OF,
                                                      IIS_ENTITY (uz), IIS_ENTITY (forum));

  _iis_relation_set_unknown_json (relation, "{\"x-future\":1}");
  g_assert_cmpstr (_iis_relation_get_unknown_json (relation), ==, "{\"x-future\":1}");
  _iis_relation_set_unknown_json (relation, NULL);
  g_assert_null (_iis_relation_get_unknown_json (relation));
}

static gboolean
relation_holds (const char *start,
                const char *end,
                const char *at)
{
  g_autoptr(IisState) by = iis_state_new ("BY", NULL);
  g_autoptr(IisOrganization) sco = iis_organization_new ("sco", NULL);
  g_autoptr(IisDate) s = start != NULL ? iis_test_date (start) : NULL;
  g_autoptr(IisDate) e = end != NULL ? iis_test_date (end) : NULL;
  g_autoptr(IisDate) a = at != NULL ? iis_test_date (at) : NULL;
  g_autoptr(IisRelation) relation = g_object_new (IIS_TYPE_RELATION,
                                                  "kind", IIS_RELATION_KIND_MEMBER_OF,
                                                  "subject", by,
                                                  "object", sco,
                                                  "start", s,
                                                  "end", e,
                                                  NULL);

  return iis_relation_holds_at (relation, a);
}

static void
test_relation_holds_at (void)
{
  static const struct {
    const char *start;
    const char *end;
    const char *at;
    gboolean holds;
  } cases[] = {
    { NULL, NULL, NULL, TRUE },
    { NULL, NULL, "2001", TRUE },
    { "2010", "2015", NULL, TRUE },
    { "2010", "2015", "2009", FALSE },
    { "2010", "2015", "2010", TRUE },
    { "2010", "2015", "2010-01-01", TRUE },
    { "2010", "2015", "2014-12-31", TRUE },
    { "2010", "2015", "2015", FALSE },
    { "2010", "2015", "2015-06-30", FALSE },
    { "2010-04-28", NULL, "2010-04-27", FALSE },
    { "2010-04-28", NULL, "2010-04-28", TRUE },
    { "2010-04-28", NULL, "2010-04", TRUE },
    { "2010-04-28", NULL, "2010-03", FALSE },
    { NULL, "2015-07-10", "2015-07-09", TRUE },
    { NULL, "2015-07-10", "2015-07-10", FALSE },
    { NULL, "2015-07-10", "2015-07", FALSE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s – %s at %s", cases[i].start, cases[i].end, cases[i].at);
      g_assert_cmpint (relation_holds (cases[i].start, cases[i].end, cases[i].at), ==, cases[i].holds);
    }
}

static void
test_relation_holds_at_role_sequence (void)
{
  /* Belarus in the SCO: dialogue partner, then observer, then member. */
  static const struct {
    const char *role;
    const char *start;
    const char *end;
  } sequence[] = {
    { "dialogue-partner", "2010", "2015" },
    { "observer", "2015", "2024-07-04" },
    { "member", "2024-07-04", NULL },
  };
  static const struct {
    const char *at;
    const char *role;
  } expected[] = {
    { "2010", "dialogue-partner" },
    { "2012-05-01", "dialogue-partner" },
    { "2014-12", "dialogue-partner" },
    { "2015", "observer" },
    { "2015-01-01", "observer" },
    { "2015-06-30", "observer" },
    { "2020", "observer" },
    { "2024-07-03", "observer" },
    { "2024-07", "member" },
    { "2024", "member" },
    { "2024-07-04", "member" },
    { "2030", "member" },
  };
  g_autoptr(IisState) by = iis_state_new ("BY", "Belarus");
  g_autoptr(IisOrganization) sco = iis_organization_new ("sco", "SCO");
  g_autoptr(GPtrArray) relations = g_ptr_array_new_with_free_func (g_object_unref);

  for (gsize i = 0; i < G_N_ELEMENTS (sequence); i++)
    {
      g_autoptr(IisDate) start = sequence[i].start ? iis_test_date (sequence[i].start) : NULL;
      g_autoptr(IisDate) end = sequence[i].end ? iis_test_date (sequence[i].end) : NULL;

      g_ptr_array_add (relations, g_object_new (IIS_TYPE_RELATION,
                                                "kind", IIS_RELATION_KIND_MEMBER_OF,
                                                "subject", by,
                                                "object", sco,
                                                "role", sequence[i].role,
                                                "start", start,
                                                "end", end,
                                                NULL));
    }

  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(IisDate) at = iis_test_date (expected[i].at);
      const char *holding = NULL;
      guint n = 0;

      for (guint r = 0; r < relations->len; r++)
        if (iis_relation_holds_at (relations->pdata[r], at))
          {
            holding = iis_relation_get_role (relations->pdata[r]);
            n++;
          }

      g_test_message ("at %s", expected[i].at);
      g_assert_cmpuint (n, ==, 1);
      g_assert_cmpstr (holding, ==, expected[i].role);
    }

  /* Before the first: none. */
  {
    g_autoptr(IisDate) at = iis_test_date ("2009-12-31");

    for (guint r = 0; r < relations->len; r++)
      g_assert_false (iis_relation_holds_at (relations->pdata[r], at));
  }
}

/* ---- Kinds ----------------------------------------------------------- */

static const char * const kind_nicks[] = {
  "any", "member-of", "part-of", "signatory-of", "party-to", "organizer-of",
  "participant-in", "host-of", "adopted-within", "addresses", "implements",
  "amends", "supersedes", "references", "votes-on", "supports", "sponsor-of",
  "continues", "succeeds", "consented-to", "provisionally-applies", "reservation-to",
  "declaration-to", "objection-to", "denounced",
};

static void
test_relation_kind_nicks (void)
{
  GEnumClass *klass = g_type_class_ref (IIS_TYPE_RELATION_KIND);

  /* Every value of the enumeration, and nothing else. */
  g_assert_cmpuint (klass->n_values, ==, G_N_ELEMENTS (kind_nicks));
  g_type_class_unref (klass);

  for (gsize i = 0; i < G_N_ELEMENTS (kind_nicks); i++)
    {
      IisRelationKind kind = (IisRelationKind) i;

      g_assert_cmpstr (iis_relation_kind_to_nick (kind), ==, kind_nicks[i]);
      g_assert_cmpint (iis_relation_kind_from_nick (kind_nicks[i]), ==, kind);
      g_assert_cmpint (iis_relation_kind_from_nick (iis_relation_kind_to_nick (kind)), ==, kind);
    }

  g_assert_cmpint (IIS_RELATION_KIND_MEMBER_OF, ==, 1);
  g_assert_cmpint (IIS_RELATION_KIND_REFERENCES, ==, 13);
  g_assert_cmpint (IIS_RELATION_KIND_SUPPORTS, ==, 15);
  g_assert_cmpint (IIS_RELATION_KIND_SPONSOR_OF, ==, 16);
  /* continues and succeeds come first, then the treaty actions. */
  g_assert_cmpint (IIS_RELATION_KIND_CONTINUES, ==, 17);
  g_assert_cmpint (IIS_RELATION_KIND_SUCCEEDS, ==, 18);
  g_assert_cmpint (IIS_RELATION_KIND_CONSENTED_TO, ==, 19);
  g_assert_cmpint (IIS_RELATION_KIND_DENOUNCED, ==, 24);

  g_assert_null (iis_relation_kind_to_nick ((IisRelationKind) 25));
  g_assert_null (iis_relation_kind_to_nick ((IisRelationKind) 1000));
  g_assert_cmpint (iis_relation_kind_from_nick (""), ==, IIS_RELATION_KIND_ANY);
  g_assert_cmpint (iis_relation_kind_from_nick ("member_of"), ==, IIS_RELATION_KIND_ANY);
  g_assert_cmpint (iis_relation_kind_from_nick ("Member-Of"), ==, IIS_RELATION_KIND_ANY);
  g_assert_cmpint (iis_relation_kind_from_nick ("IIS_RELATION_KIND_MEMBER_OF"), ==, IIS_RELATION_KIND_ANY);
  g_assert_cmpint (iis_relation_kind_from_nick ("member-of "), ==, IIS_RELATION_KIND_ANY);
}

static void
test_relation_confidence_nicks (void)
{
  static const char * const nicks[] = { "unspecified", "low", "medium", "high" };
  GEnumClass *klass = g_type_class_ref (IIS_TYPE_CONFIDENCE);

  g_assert_cmpuint (klass->n_values, ==, G_N_ELEMENTS (nicks));
  for (gsize i = 0; i < G_N_ELEMENTS (nicks); i++)
    g_assert_cmpint (g_enum_get_value_by_nick (klass, nicks[i])->value, ==, (int) i);
  g_type_class_unref (klass);
}

/* The table of allowed (kind, subject, object), written out in full. */
static const char * const allowed[] = {
  "member-of state organization",
  "member-of organization organization",
  "part-of organization organization",
  "part-of forum forum",
  "part-of threat-category threat-category",
  "part-of agreement agreement",
  "signatory-of state agreement",
  "signatory-of organization agreement",
  "party-to state agreement",
  "party-to organization agreement",
  "organizer-of state forum",
  "organizer-of organization forum",
  "participant-in state forum",
  "participant-in organization forum",
  "host-of state forum",
  "host-of organization forum",
  "adopted-within agreement organization",
  "adopted-within agreement forum",
  "addresses agreement threat-category",
  "addresses forum threat-category",
  "implements agreement agreement",
  "amends agreement agreement",
  "supersedes agreement agreement",
  "references agreement agreement",
  "votes-on state agreement",
  "votes-on organization agreement",
  "supports state agreement",
  "supports organization agreement",
  "sponsor-of state agreement",
  "sponsor-of organization agreement",
  "continues state state",
  "succeeds state state",
  "consented-to state agreement",
  "consented-to organization agreement",
  "provisionally-applies state agreement",
  "provisionally-applies organization agreement",
  "reservation-to state agreement",
  "reservation-to organization agreement",
  "declaration-to state agreement",
  "declaration-to organization agreement",
  "objection-to state agreement",
  "objection-to organization agreement",
  "denounced state agreement",
  "denounced organization agreement",
};

static void
test_relation_kind_allows (void)
{
  static const char * const type_nicks[] = {
    "state", "organization", "agreement", "forum", "threat-category",
  };
  g_autoptr(GHashTable) allowed_set = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_allowed = 0;
  const GType others[] = { IIS_TYPE_ENTITY, G_TYPE_OBJECT, IIS_TYPE_RELATION, IIS_TYPE_SOURCE };

  for (gsize i = 0; i < G_N_ELEMENTS (allowed); i++)
    g_hash_table_add (allowed_set, (gpointer) allowed[i]);

  for (gsize k = 0; k < G_N_ELEMENTS (kind_nicks); k++)
    for (gsize s = 0; s < G_N_ELEMENTS (type_nicks); s++)
      for (gsize o = 0; o < G_N_ELEMENTS (type_nicks); o++)
        {
          g_autofree char *key = g_strdup_printf ("%s %s %s", kind_nicks[k], type_nicks[s], type_nicks[o]);
          GType subject_type = iis_entity_type_from_nick (type_nicks[s]);
          GType object_type = iis_entity_type_from_nick (type_nicks[o]);
          gboolean expected = g_hash_table_contains (allowed_set, key);
          gboolean got = iis_relation_kind_allows ((IisRelationKind) k, subject_type, object_type);

          g_test_message ("%s", key);
          g_assert_cmpint (got, ==, expected);
          n_allowed += got;
        }

  /* Every entry of the table was met once. */
  g_assert_cmpuint (n_allowed, ==, G_N_ELEMENTS (allowed));

  /* Types that are not leaf entity types never fit, nor unknown kinds. */
  for (gsize k = 0; k < G_N_ELEMENTS (kind_nicks); k++)
    for (gsize t = 0; t < G_N_ELEMENTS (others); t++)
      {
        g_assert_false (iis_relation_kind_allows ((IisRelationKind) k, others[t], IIS_TYPE_ORGANIZATION));
        g_assert_false (iis_relation_kind_allows ((IisRelationKind) k, IIS_TYPE_STATE, others[t]));
        g_assert_false (iis_relation_kind_allows ((IisRelationKind) k, others[t], others[t]));
      }
  g_assert_false (iis_relation_kind_allows ((IisRelationKind) 99, IIS_TYPE_STATE, IIS_TYPE_ORGANIZATION));
  g_assert_false (iis_relation_kind_allows (IIS_RELATION_KIND_PART_OF, IIS_TYPE_STATE, IIS_TYPE_STATE));
}

/* ---- In a catalog ---------------------------------------------------- */

static IisRelation *
find_membership (IisCatalog *catalog,
                 IisEntity  *subject,
                 IisEntity  *object)
{
  g_autoptr(GListModel) list = iis_catalog_list_relations (catalog, subject,
                                                           IIS_RELATION_KIND_MEMBER_OF,
                                                           object);

  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  return g_list_model_get_item (list, 0);
}

static void
test_relation_in_catalog (void)
{
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();
  g_autoptr(IisState) by = iis_state_new ("BY", "Belarus");
  g_autoptr(IisOrganization) sco = iis_organization_new ("sco", "SCO");
  g_autoptr(IisRelation) relation = iis_relation_new (IIS_RELATION_KIND_MEMBER_OF,
                                                      IIS_ENTITY (by), IIS_ENTITY (sco));
  g_autoptr(IisDate) start = iis_test_date ("2015-07-10");
  g_autoptr(IisSource) source = iis_source_new ("SCO communiqué");
  g_autoptr(GError) error = NULL;

  g_assert_true (iis_catalog_add_entity (catalog, IIS_ENTITY (by), &error));
  g_assert_no_error (error);
  g_assert_true (iis_catalog_add_entity (catalog, IIS_ENTITY (sco), &error));
  g_assert_no_error (error);

  iis_relation_set_role (relation, "dialogue-partner");
  g_assert_true (iis_catalog_add_relation (catalog, relation, &error));
  g_assert_no_error (error);
  g_assert_true (iis_relation_is_in_catalog (relation));
  g_assert_true (_iis_relation_get_catalog (relation) == catalog);

  /* Changes made through the object reach the catalog. */
  iis_relation_set_role (relation, "observer");
  iis_relation_set_start (relation, start);
  iis_relation_set_confidence (relation, IIS_CONFIDENCE_HIGH);
  iis_relation_set_qualifier (relation, "decision", "Ufa summit");
  iis_relation_add_source (relation, source);

  {
    g_autoptr(IisRelation) stored = find_membership (catalog, IIS_ENTITY (by), IIS_ENTITY (sco));

    g_assert_cmpstr (iis_relation_get_role (stored), ==, "observer");
    g_assert_true (iis_date_equal (iis_relation_get_start (stored), start));
    g_assert_cmpint (iis_relation_get_confidence (stored), ==, IIS_CONFIDENCE_HIGH);
    g_assert_cmpstr (iis_relation_get_qualifier (stored, "decision"), ==, "Ufa summit");
    g_assert_cmpuint (g_list_model_get_n_items (iis_relation_get_sources (stored)), ==, 1);
  }

  /* Our object goes away; the catalog still has the relation. */
  g_clear_object (&relation);
  {
    g_autoptr(IisRelation) stored = find_membership (catalog, IIS_ENTITY (by), IIS_ENTITY (sco));

    g_assert_true (iis_relation_is_in_catalog (stored));
    g_assert_cmpstr (iis_relation_get_role (stored), ==, "observer");

    g_assert_true (iis_catalog_remove_relation (catalog, stored));
    g_assert_false (iis_relation_is_in_catalog (stored));

    /* A removed relation is a plain object again. */
    iis_relation_set_role (stored, "member");
    g_assert_cmpstr (iis_relation_get_role (stored), ==, "member");
  }
  g_assert_cmpuint (iis_catalog_get_n_relations (catalog), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/iis/relation/construct", test_relation_construct);
  g_test_add_func ("/iis/relation/new", test_relation_new);
  g_test_add_func ("/iis/relation/references", test_relation_holds_references);
  g_test_add_func ("/iis/relation/programmer-errors", test_relation_construct_errors);
  g_test_add_func ("/iis/relation/construct/no-ends", test_relation_construct_without_ends);
  g_test_add_func ("/iis/relation/construct/no-kind", test_relation_construct_without_kind);
  g_test_add_func ("/iis/relation/notify", test_relation_notify);
  g_test_add_func ("/iis/relation/qualifiers", test_relation_qualifiers);
  g_test_add_func ("/iis/relation/sources", test_relation_sources);
  g_test_add_func ("/iis/relation/unknown-json", test_relation_unknown_json);
  g_test_add_func ("/iis/relation/holds-at", test_relation_holds_at);
  g_test_add_func ("/iis/relation/holds-at/role-sequence", test_relation_holds_at_role_sequence);
  g_test_add_func ("/iis/relation/kind/nicks", test_relation_kind_nicks);
  g_test_add_func ("/iis/relation/confidence/nicks", test_relation_confidence_nicks);
  g_test_add_func ("/iis/relation/kind/allows", test_relation_kind_allows);
  g_test_add_func ("/iis/relation/catalog", test_relation_in_catalog);

  return g_test_run ();
}
