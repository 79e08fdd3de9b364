/* test-entity.c: IisEntity and the five entity types
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <libiis/iis.h>

#include "iis-entity-private.h"
#include "iis-test-util.h"

static const struct {
  const char *nick;
  GType     (*get_type) (void);
} leaf_types[] = {
  { "state", iis_state_get_type },
  { "organization", iis_organization_get_type },
  { "agreement", iis_agreement_get_type },
  { "forum", iis_forum_get_type },
  { "threat-category", iis_threat_category_get_type },
};

/* ---- Notification counting ----------------------------------------- */

typedef struct
{
  GHashTable *counts;   /* property name → count */
  guint total;
} NotifyLog;

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           gpointer    user_data)
{
  NotifyLog *log = user_data;
  const char *name = g_param_spec_get_name (pspec);

  g_hash_table_insert (log->counts, (gpointer) name,
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (log->counts, name)) + 1));
  log->total++;
}

static void
notify_log_init (NotifyLog *log,
                 gpointer   object)
{
  log->counts = g_hash_table_new (g_str_hash, g_str_equal);
  log->total = 0;
  g_signal_connect (object, "notify", G_CALLBACK (on_notify), log);
}

static void
notify_log_clear (NotifyLog *log,
                  gpointer   object)
{
  g_signal_handlers_disconnect_by_func (object, on_notify, log);
  g_clear_pointer (&log->counts, g_hash_table_unref);
}

static guint
notify_count (NotifyLog  *log,
              const char *name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (log->counts, name));
}

static gboolean
values_equal (GParamSpec   *pspec,
              const GValue *a,
              const GValue *b)
{
  if (G_VALUE_HOLDS (a, IIS_TYPE_DATE))
    return iis_date_equal (g_value_get_boxed (a), g_value_get_boxed (b));
  if (G_VALUE_HOLDS (a, G_TYPE_STRV))
    {
      const char * const *sa = g_value_get_boxed (a);
      const char * const *sb = g_value_get_boxed (b);

      if (sa == NULL || sb == NULL)
        return sa == sb;
      return g_strv_equal (sa, sb);
    }
  return g_param_values_cmp (pspec, a, b) == 0;
}

/* Starting from @b, set @prop to @a, @a again, @b, @a: the property reads back each value,
 * notify fires exactly once per change and never for the same value, and
 * no other property is notified. */
static void
check_property (GObject      *object,
                const char   *prop,
                const GValue *a,
                const GValue *b)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), prop);
  NotifyLog log;
  g_auto(GValue) got = G_VALUE_INIT;

  g_test_message ("%s:%s", G_OBJECT_TYPE_NAME (object), prop);
  g_assert_nonnull (pspec);
  g_assert_true (pspec->flags & G_PARAM_READWRITE);
  g_assert_true (pspec->flags & G_PARAM_EXPLICIT_NOTIFY);
  g_assert_false (pspec->flags & G_PARAM_CONSTRUCT_ONLY);
  g_assert_false (values_equal (pspec, a, b));

  /* Start from @b, so that setting @a is a change. */
  g_object_set_property (object, prop, b);

  notify_log_init (&log, object);

  g_object_set_property (object, prop, a);
  g_value_init (&got, pspec->value_type);
  g_object_get_property (object, prop, &got);
  g_assert_true (values_equal (pspec, &got, a));
  g_assert_cmpuint (notify_count (&log, prop), ==, 1);

  g_object_set_property (object, prop, a);
  g_assert_cmpuint (notify_count (&log, prop), ==, 1);

  g_object_set_property (object, prop, b);
  g_value_reset (&got);
  g_object_get_property (object, prop, &got);
  g_assert_true (values_equal (pspec, &got, b));
  g_assert_cmpuint (notify_count (&log, prop), ==, 2);

  g_object_set_property (object, prop, a);
  g_assert_cmpuint (notify_count (&log, prop), ==, 3);

  g_assert_cmpuint (log.total, ==, 3);
  notify_log_clear (&log, object);
}

static void
check_string_property (GObject    *object,
                       const char *prop)
{
  g_auto(GValue) a = G_VALUE_INIT;
  g_auto(GValue) b = G_VALUE_INIT;
  g_auto(GValue) none = G_VALUE_INIT;

  g_value_init (&a, G_TYPE_STRING);
  g_value_set_static_string (&a, "first value");
  g_value_init (&b, G_TYPE_STRING);
  g_value_set_static_string (&b, "second, ещё");
  g_value_init (&none, G_TYPE_STRING);

  check_property (object, prop, &a, &b);
  check_property (object, prop, &none, &a);
}

static void
check_date_property (GObject    *object,
                     const char *prop)
{
  g_auto(GValue) year = G_VALUE_INIT;
  g_auto(GValue) day = G_VALUE_INIT;
  g_auto(GValue) none = G_VALUE_INIT;

  g_value_init (&year, IIS_TYPE_DATE);
  g_value_take_boxed (&year, iis_test_date ("2015"));
  g_value_init (&day, IIS_TYPE_DATE);
  g_value_take_boxed (&day, iis_test_date ("2015-01-01"));
  g_value_init (&none, IIS_TYPE_DATE);

  /* Equal dates at different precisions are different values. */
  check_property (object, prop, &year, &day);
  check_property (object, prop, &none, &year);
}

static void
check_enum_property (GObject    *object,
                     const char *prop,
                     GType       enum_type,
                     int         a,
                     int         b)
{
  g_auto(GValue) va = G_VALUE_INIT;
  g_auto(GValue) vb = G_VALUE_INIT;
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), prop);

  g_assert_nonnull (pspec);
  g_assert_true (G_IS_PARAM_SPEC_ENUM (pspec));
  g_assert_true (pspec->value_type == enum_type);

  g_value_init (&va, enum_type);
  g_value_set_enum (&va, a);
  g_value_init (&vb, enum_type);
  g_value_set_enum (&vb, b);
  check_property (object, prop, &va, &vb);
}

static void
check_uint_property (GObject    *object,
                     const char *prop,
                     guint       a,
                     guint       b)
{
  g_auto(GValue) va = G_VALUE_INIT;
  g_auto(GValue) vb = G_VALUE_INIT;

  g_value_init (&va, G_TYPE_UINT);
  g_value_set_uint (&va, a);
  g_value_init (&vb, G_TYPE_UINT);
  g_value_set_uint (&vb, b);
  check_property (object, prop, &va, &vb);
}

static void
check_boolean_property (GObject    *object,
                        const char *prop)
{
  g_auto(GValue) va = G_VALUE_INIT;
  g_auto(GValue) vb = G_VALUE_INIT;

  g_value_init (&va, G_TYPE_BOOLEAN);
  g_value_set_boolean (&va, TRUE);
  g_value_init (&vb, G_TYPE_BOOLEAN);
  g_value_set_boolean (&vb, FALSE);
  check_property (object, prop, &va, &vb);
}

/* ---- Types and construction ----------------------------------------- */

static void
test_entity_types (void)
{
  g_assert_true (G_TYPE_IS_ABSTRACT (IIS_TYPE_ENTITY));
  g_assert_true (G_TYPE_IS_DERIVABLE (IIS_TYPE_ENTITY));

  for (gsize i = 0; i < G_N_ELEMENTS (leaf_types); i++)
    {
      GType type = leaf_types[i].get_type ();

      g_assert_true (g_type_is_a (type, IIS_TYPE_ENTITY));
      g_assert_false (G_TYPE_IS_ABSTRACT (type));
      g_assert_true (G_TYPE_IS_FINAL (type));
      g_assert_cmpstr (iis_entity_type_to_nick (type), ==, leaf_types[i].nick);
      g_assert_true (iis_entity_type_from_nick (leaf_types[i].nick) == type);
    }

  g_assert_null (iis_entity_type_to_nick (IIS_TYPE_ENTITY));
  g_assert_null (iis_entity_type_to_nick (G_TYPE_OBJECT));
  g_assert_null (iis_entity_type_to_nick (IIS_TYPE_RELATION));
  g_assert_null (iis_entity_type_to_nick (G_TYPE_INVALID));
  g_assert_true (iis_entity_type_from_nick ("") == G_TYPE_INVALID);
  g_assert_true (iis_entity_type_from_nick ("State") == G_TYPE_INVALID);
  g_assert_true (iis_entity_type_from_nick ("entity") == G_TYPE_INVALID);
  g_assert_true (iis_entity_type_from_nick ("threat_category") == G_TYPE_INVALID);
  g_assert_true (iis_entity_type_from_nick ("relation") == G_TYPE_INVALID);
}

static void
test_entity_construct (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (leaf_types); i++)
    {
      GType type = leaf_types[i].get_type ();
      g_autoptr(IisEntity) entity = g_object_new (type,
                                                  "id", "some-id",
                                                  "name", "Some name",
                                                  "description", "What it is",
                                                  NULL);
      g_autofree char *id = NULL;
      g_autofree char *name = NULL;
      g_autofree char *description = NULL;
      GParamSpec *pspec;

      g_assert_true (G_OBJECT_TYPE (entity) == type);
      g_assert_cmpstr (iis_entity_get_id (entity), ==, "some-id");
      g_assert_cmpstr (iis_entity_get_name (entity), ==, "Some name");
      g_assert_cmpstr (iis_entity_get_description (entity), ==, "What it is");
      g_assert_cmpstr (iis_entity_get_type_nick (entity), ==, leaf_types[i].nick);

      g_object_get (entity,
                    "id", &id,
                    "name", &name,
                    "description", &description,
                    NULL);
      g_assert_cmpstr (id, ==, "some-id");
      g_assert_cmpstr (name, ==, "Some name");
      g_assert_cmpstr (description, ==, "What it is");

      pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (entity), "id");
      g_assert_true (pspec->flags & G_PARAM_CONSTRUCT_ONLY);

      /* Fresh entities have nothing else. */
      g_assert_cmpuint (g_list_model_get_n_items (iis_entity_get_other_names (entity)), ==, 0);
      g_assert_cmpuint (g_list_model_get_n_items (iis_entity_get_sources (entity)), ==, 0);
      g_assert_null (_iis_entity_get_catalog (entity));
      g_assert_cmpuint (_iis_entity_get_slot (entity), ==, IIS_ENTITY_NO_SLOT);
      g_assert_null (_iis_entity_get_unknown (entity));
      g_assert_null (_iis_entity_get_identifiers (entity));

      check_string_property (G_OBJECT (entity), "name");
      check_string_property (G_OBJECT (entity), "description");
    }
}

static void
test_entity_new (void)
{
  g_autoptr(IisState) state = iis_state_new ("UZ", "Uzbekistan");
  g_autoptr(IisOrganization) org = iis_organization_new ("sco", "Shanghai Cooperation Organisation");
  g_autoptr(IisAgreement) agreement = iis_agreement_new ("sco-2009", NULL);
  g_autoptr(IisForum) forum = iis_forum_new ("iisf-2016", "Forum");
  g_autoptr(IisThreatCategory) category = iis_threat_category_new ("info-terrorism", "Information terrorism");

  g_assert_cmpstr (iis_entity_get_id (IIS_ENTITY (state)), ==, "UZ");
  g_assert_cmpstr (iis_entity_get_name (IIS_ENTITY (state)), ==, "Uzbekistan");
  g_assert_cmpstr (iis_entity_get_id (IIS_ENTITY (org)), ==, "sco");
  g_assert_cmpstr (iis_entity_get_id (IIS_ENTITY (agreement)), ==, "sco-2009");
  g_assert_null (iis_entity_get_name (IIS_ENTITY (agreement)));
  g_assert_cmpstr (iis_entity_get_id (IIS_ENTITY (forum)), ==, "iisf-2016");
  g_assert_cmpstr (iis_entity_get_id (IIS_ENTITY (category)), ==, "info-terrorism");

  /* Defaults of the type-specific properties. */
  g_assert_null (iis_state_get_alpha2 (state));
  g_assert_null (iis_state_get_alpha3 (state));
  g_assert_cmpuint (iis_state_get_numeric (state), ==, 0);
  g_assert_null (iis_organization_get_acronym (org));
  g_assert_cmpint (iis_organization_get_kind (org), ==, IIS_ORGANIZATION_KIND_OTHER);
  g_assert_null (iis_organization_get_founded (org));
  g_assert_null (iis_organization_get_dissolved (org));
  g_assert_cmpint (iis_agreement_get_kind (agreement), ==, IIS_AGREEMENT_KIND_OTHER);
  g_assert_cmpint (iis_agreement_get_status (agreement), ==, IIS_AGREEMENT_STATUS_UNKNOWN);
  g_assert_null (iis_agreement_get_adopted (agreement));
  g_assert_null (iis_agreement_get_adopted_place (agreement));
  g_assert_null (iis_agreement_get_entry_into_force (agreement));
  g_assert_cmpint (iis_forum_get_kind (forum), ==, IIS_FORUM_KIND_OTHER);
  g_assert_null (iis_forum_get_start (forum));
  g_assert_null (iis_forum_get_end (forum));
  g_assert_null (iis_forum_get_city (forum));
  g_assert_cmpuint (iis_forum_get_participant_count (forum), ==, 0);
  g_assert_false (iis_forum_get_participant_count_is_minimum (forum));
  g_assert_null (iis_forum_get_topics (forum));
  g_assert_null (iis_threat_category_get_definition (category));
}

static void
test_entity_id_required (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(IisState) state = g_object_new (IIS_TYPE_STATE, "name", "No id", NULL);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*IisState must be constructed with a non-empty*id*");
}

static void
test_entity_id_empty (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(IisForum) forum = g_object_new (IIS_TYPE_FORUM, "id", "", NULL);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*IisForum must be constructed with a non-empty*id*");
}

static void
test_entity_id_construct_only (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(IisState) state = iis_state_new ("UZ", NULL);

      g_object_set (state, "id", "KZ", NULL);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*construct*id*");
}

static void
test_entity_programmer_errors (void)
{
  g_autoptr(IisState) state = iis_state_new ("UZ", NULL);
  IisEntity *entity = IIS_ENTITY (state);
  IisState *null_state = NULL;

  g_test_expect_message ("Iis", G_LOG_LEVEL_CRITICAL, "*id != NULL*");
  g_assert_null (iis_state_new (NULL, "x"));
  g_test_assert_expected_messages ();

  g_test_expect_message ("Iis", G_LOG_LEVEL_CRITICAL, "*IIS_IS_ENTITY*");
  g_assert_null (iis_entity_get_id (NULL));
  g_test_assert_expected_messages ();

  g_test_expect_message ("Iis", G_LOG_LEVEL_CRITICAL, "*lang != NULL*");
  iis_entity_set_label (entity, NULL, "x");
  g_test_assert_expected_messages ();

  g_test_expect_message ("Iis", G_LOG_LEVEL_CRITICAL, "*lang != NULL*");
  iis_entity_set_label (entity, "", "x");
  g_test_assert_expected_messages ();

  g_test_expect_message ("Iis", G_LOG_LEVEL_CRITICAL, "*scheme != NULL*");
  iis_entity_set_identifier (entity, NULL, "x");
  g_test_assert_expected_messages ();

  g_test_expect_message ("Iis", G_LOG_LEVEL_CRITICAL, "*IIS_IS_NAME*");
  iis_entity_add_other_name (entity, NULL);
  g_test_assert_expected_messages ();

  g_test_expect_message ("Iis", G_LOG_LEVEL_CRITICAL, "*IIS_IS_SOURCE*");
  iis_entity_add_source (entity, NULL);
  g_test_assert_expected_messages ();

  g_test_expect_message ("Iis", G_LOG_LEVEL_CRITICAL, "*IIS_IS_STATE*");
  iis_state_set_alpha2 (null_state, "UZ");
  g_test_assert_expected_messages ();

  g_test_expect_message ("Iis", G_LOG_LEVEL_CRITICAL, "*numeric <= 999*");
  iis_state_set_numeric (state, 1000);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (iis_state_get_numeric (state), ==, 0);

  g_test_expect_message ("Iis", G_LOG_LEVEL_CRITICAL, "*text != NULL*");
  g_assert_false (iis_entity_matches_text (entity, NULL));
  g_test_assert_expected_messages ();

  /* Nothing changed. */
  g_assert_null (iis_entity_get_label (entity, "x"));
  g_assert_cmpuint (g_list_model_get_n_items (iis_entity_get_other_names (entity)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (iis_entity_get_sources (entity)), ==, 0);
}

/* ---- Type-specific properties ---------------------------------------- */

static void
test_entity_state (void)
{
  g_autoptr(IisState) state = g_object_new (IIS_TYPE_STATE,
                                            "id", "UZ",
                                            "name", "Uzbekistan",
                                            "alpha-2", "UZ",
                                            "alpha-3", "UZB",
                                            "numeric", 860,
                                            NULL);
  g_autoptr(IisState) other = iis_state_new ("KZ", "Kazakhstan");

  g_assert_cmpstr (iis_state_get_alpha2 (state), ==, "UZ");
  g_assert_cmpstr (iis_state_get_alpha3 (state), ==, "UZB");
  g_assert_cmpuint (iis_state_get_numeric (state), ==, 860);

  iis_state_set_alpha2 (other, "KZ");
  iis_state_set_alpha3 (other, "KAZ");
  iis_state_set_numeric (other, 398);
  g_assert_cmpstr (iis_state_get_alpha2 (other), ==, "KZ");
  g_assert_cmpstr (iis_state_get_alpha3 (other), ==, "KAZ");
  g_assert_cmpuint (iis_state_get_numeric (other), ==, 398);

  check_string_property (G_OBJECT (other), "alpha-2");
  check_string_property (G_OBJECT (other), "alpha-3");
  check_uint_property (G_OBJECT (other), "numeric", 4, 999);
  check_uint_property (G_OBJECT (other), "numeric", 0, 860);
}

static void
test_entity_organization (void)
{
  g_autoptr(IisDate) founded = iis_test_date ("2001-06-15");
  g_autoptr(IisDate) dissolved = iis_test_date ("2030");
  g_autoptr(IisOrganization) org = g_object_new (IIS_TYPE_ORGANIZATION,
                                                 "id", "sco",
                                                 "name", "Shanghai Cooperation Organisation",
                                                 "acronym", "SCO",
                                                 "kind", IIS_ORGANIZATION_KIND_INTERGOVERNMENTAL,
                                                 "founded", founded,
                                                 "dissolved", dissolved,
                                                 NULL);

  g_assert_cmpstr (iis_organization_get_acronym (org), ==, "SCO");
  g_assert_cmpint (iis_organization_get_kind (org), ==, IIS_ORGANIZATION_KIND_INTERGOVERNMENTAL);
  g_assert_true (iis_date_equal (iis_organization_get_founded (org), founded));
  g_assert_true (iis_organization_get_founded (org) != founded);
  g_assert_true (iis_date_equal (iis_organization_get_dissolved (org), dissolved));

  iis_organization_set_kind (org, IIS_ORGANIZATION_KIND_EXPERT_GROUP);
  g_assert_cmpint (iis_organization_get_kind (org), ==, IIS_ORGANIZATION_KIND_EXPERT_GROUP);
  iis_organization_set_founded (org, NULL);
  g_assert_null (iis_organization_get_founded (org));

  check_string_property (G_OBJECT (org), "acronym");
  check_enum_property (G_OBJECT (org), "kind", IIS_TYPE_ORGANIZATION_KIND,
                       IIS_ORGANIZATION_KIND_SECRETARIAT,
                       IIS_ORGANIZATION_KIND_RESEARCH_INSTITUTE);
  check_date_property (G_OBJECT (org), "founded");
  check_date_property (G_OBJECT (org), "dissolved");
}

static void
test_entity_organization_exists_at (void)
{
  static const struct {
    const char *founded;
    const char *dissolved;
    const char *at;
    gboolean exists;
  } cases[] = {
    { NULL, NULL, NULL, TRUE },
    { NULL, NULL, "1800", TRUE },
    { "2001-06-15", NULL, NULL, TRUE },
    { "2001-06-15", NULL, "2001-06-14", FALSE },
    { "2001-06-15", NULL, "2001-06-15", TRUE },
    { "2001-06-15", NULL, "2001-06", TRUE },
    { "2001-06-15", NULL, "2001", TRUE },
    { "2001-06-15", NULL, "2001-05", FALSE },
    { "2001-06-15", NULL, "2000", FALSE },
    { "1991", "2000-01-01", "1995", TRUE },
    { "1991", "2000-01-01", "1999-12-31", TRUE },
    { "1991", "2000-01-01", "2000-01-01", FALSE },
    { "1991", "2000-01-01", "2000", FALSE },
    { NULL, "2000-01-01", "1500", TRUE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(IisOrganization) org = iis_organization_new ("org", NULL);
      g_autoptr(IisDate) founded = cases[i].founded ? iis_test_date (cases[i].founded) : NULL;
      g_autoptr(IisDate) dissolved = cases[i].dissolved ? iis_test_date (cases[i].dissolved) : NULL;
      g_autoptr(IisDate) at = cases[i].at ? iis_test_date (cases[i].at) : NULL;

      iis_organization_set_founded (org, founded);
      iis_organization_set_dissolved (org, dissolved);
      g_test_message ("%s – %s at %s", cases[i].founded, cases[i].dissolved, cases[i].at);
      g_assert_cmpint (iis_organization_exists_at (org, at), ==, cases[i].exists);
    }
}

static void
test_entity_agreement (void)
{
  g_autoptr(IisDate) adopted = iis_test_date ("2009-06-16");
  g_autoptr(IisDate) in_force = iis_test_date ("2011-06-05");
  g_autoptr(IisAgreement) agreement = g_object_new (IIS_TYPE_AGREEMENT,
                                                    "id", "sco-2009",
                                                    "kind", IIS_AGREEMENT_KIND_AGREEMENT,
                                                    "status", IIS_AGREEMENT_STATUS_IN_FORCE,
                                                    "adopted", adopted,
                                                    "adopted-place", "Yekaterinburg",
                                                    "entry-into-force", in_force,
                                                    NULL);

  g_assert_cmpint (iis_agreement_get_kind (agreement), ==, IIS_AGREEMENT_KIND_AGREEMENT);
  g_assert_cmpint (iis_agreement_get_status (agreement), ==, IIS_AGREEMENT_STATUS_IN_FORCE);
  g_assert_true (iis_date_equal (iis_agreement_get_adopted (agreement), adopted));
  g_assert_cmpstr (iis_agreement_get_adopted_place (agreement), ==, "Yekaterinburg");
  g_assert_true (iis_date_equal (iis_agreement_get_entry_into_force (agreement), in_force));

  iis_agreement_set_status (agreement, IIS_AGREEMENT_STATUS_TERMINATED);
  g_assert_cmpint (iis_agreement_get_status (agreement), ==, IIS_AGREEMENT_STATUS_TERMINATED);
  iis_agreement_set_kind (agreement, IIS_AGREEMENT_KIND_CODE_OF_CONDUCT);
  g_assert_cmpint (iis_agreement_get_kind (agreement), ==, IIS_AGREEMENT_KIND_CODE_OF_CONDUCT);

  check_enum_property (G_OBJECT (agreement), "kind", IIS_TYPE_AGREEMENT_KIND,
                       IIS_AGREEMENT_KIND_TREATY, IIS_AGREEMENT_KIND_ACTION_PLAN);
  check_enum_property (G_OBJECT (agreement), "status", IIS_TYPE_AGREEMENT_STATUS,
                       IIS_AGREEMENT_STATUS_DRAFT, IIS_AGREEMENT_STATUS_SUPERSEDED);
  check_date_property (G_OBJECT (agreement), "adopted");
  check_string_property (G_OBJECT (agreement), "adopted-place");
  check_date_property (G_OBJECT (agreement), "entry-into-force");
}

static void
test_entity_forum (void)
{
  g_autoptr(IisDate) start = iis_test_date ("2016-04-13");
  g_autoptr(IisDate) end = iis_test_date ("2016-04-14");
  const char * const topics[] = { "critical infrastructure", "terrorism", NULL };
  g_autoptr(IisForum) forum = g_object_new (IIS_TYPE_FORUM,
                                            "id", "iisf-2016",
                                            "kind", IIS_FORUM_KIND_FORUM,
                                            "start", start,
                                            "end", end,
                                            "city", "Moscow",
                                            "participant-count", 1300,
                                            "participant-count-is-minimum", TRUE,
                                            "topics", topics,
                                            NULL);
  g_auto(GValue) ta = G_VALUE_INIT;
  g_auto(GValue) tb = G_VALUE_INIT;
  const char * const other_topics[] = { "terrorism", NULL };

  g_assert_cmpint (iis_forum_get_kind (forum), ==, IIS_FORUM_KIND_FORUM);
  g_assert_true (iis_date_equal (iis_forum_get_start (forum), start));
  g_assert_true (iis_date_equal (iis_forum_get_end (forum), end));
  g_assert_cmpstr (iis_forum_get_city (forum), ==, "Moscow");
  g_assert_cmpuint (iis_forum_get_participant_count (forum), ==, 1300);
  g_assert_true (iis_forum_get_participant_count_is_minimum (forum));
  g_assert_true (g_strv_equal (iis_forum_get_topics (forum), topics));
  g_assert_true ((gconstpointer) iis_forum_get_topics (forum) != (gconstpointer) topics);

  check_enum_property (G_OBJECT (forum), "kind", IIS_TYPE_FORUM_KIND,
                       IIS_FORUM_KIND_SUMMIT, IIS_FORUM_KIND_SERIES);
  check_date_property (G_OBJECT (forum), "start");
  check_date_property (G_OBJECT (forum), "end");
  check_string_property (G_OBJECT (forum), "city");
  check_uint_property (G_OBJECT (forum), "participant-count", 0, G_MAXUINT);
  check_boolean_property (G_OBJECT (forum), "participant-count-is-minimum");

  g_value_init (&ta, G_TYPE_STRV);
  g_value_set_boxed (&ta, topics);
  g_value_init (&tb, G_TYPE_STRV);
  g_value_set_boxed (&tb, other_topics);
  check_property (G_OBJECT (forum), "topics", &ta, &tb);
}

static void
test_entity_forum_topics (void)
{
  g_autoptr(IisForum) forum = iis_forum_new ("f", NULL);
  const char * const empty[] = { NULL };
  const char * const two[] = { "a", "b", NULL };
  const char * const three[] = { "a", "b", "c", NULL };
  NotifyLog log;

  notify_log_init (&log, forum);

  /* An empty array is no topics. */
  iis_forum_set_topics (forum, empty);
  g_assert_null (iis_forum_get_topics (forum));
  g_assert_cmpuint (log.total, ==, 0);

  iis_forum_add_topic (forum, "a");
  g_assert_cmpuint (notify_count (&log, "topics"), ==, 1);
  iis_forum_add_topic (forum, "b");
  g_assert_cmpuint (notify_count (&log, "topics"), ==, 2);
  g_assert_true (g_strv_equal (iis_forum_get_topics (forum), two));

  iis_forum_set_topics (forum, two);
  g_assert_cmpuint (notify_count (&log, "topics"), ==, 2);

  iis_forum_add_topic (forum, "c");
  g_assert_true (g_strv_equal (iis_forum_get_topics (forum), three));
  g_assert_cmpuint (notify_count (&log, "topics"), ==, 3);

  iis_forum_set_topics (forum, empty);
  g_assert_null (iis_forum_get_topics (forum));
  g_assert_cmpuint (notify_count (&log, "topics"), ==, 4);

  iis_forum_set_topics (forum, NULL);
  g_assert_cmpuint (notify_count (&log, "topics"), ==, 4);
  g_assert_cmpuint (log.total, ==, 4);

  notify_log_clear (&log, forum);
}

static void
test_entity_threat_category (void)
{
  g_autoptr(IisThreatCategory) category = g_object_new (IIS_TYPE_THREAT_CATEGORY,
                                                        "id", "info-terrorism",
                                                        "definition", "Using information resources for terrorist ends",
                                                        NULL);

  g_assert_cmpstr (iis_threat_category_get_definition (category), ==,
                   "Using information resources for terrorist ends");
  check_string_property (G_OBJECT (category), "definition");
}

/* ---- Labels, names, identifiers, sources ----------------------------- */

static void
count_items_changed (guint *count)
{
  (*count)++;
}

static void
test_entity_labels (void)
{
  g_autoptr(IisState) state = iis_state_new ("UZ", "Uzbekistan");
  IisEntity *entity = IIS_ENTITY (state);
  g_auto(GStrv) langs = NULL;
  NotifyLog log;

  notify_log_init (&log, state);

  langs = iis_entity_dup_label_languages (entity);
  g_assert_nonnull (langs);
  g_assert_cmpuint (g_strv_length (langs), ==, 0);
  g_clear_pointer (&langs, g_strfreev);

  g_assert_null (iis_entity_get_label (entity, "ru"));

  iis_entity_set_label (entity, "ru", "Узбекистан");
  iis_entity_set_label (entity, "uz", "Oʻzbekiston");
  iis_entity_set_label (entity, "fr", "Ouzbékistan");
  iis_entity_set_label (entity, "zh-Hans", "乌兹别克斯坦");
  iis_entity_set_label (entity, "de", "Usbekistan");

  g_assert_cmpstr (iis_entity_get_label (entity, "ru"), ==, "Узбекистан");
  g_assert_cmpstr (iis_entity_get_label (entity, "uz"), ==, "Oʻzbekiston");
  g_assert_cmpstr (iis_entity_get_label (entity, "zh-Hans"), ==, "乌兹别克斯坦");
  g_assert_null (iis_entity_get_label (entity, "en"));
  g_assert_null (iis_entity_get_label (entity, "zh"));

  /* More specific forms fall back to the language. */
  g_assert_cmpstr (iis_entity_get_label (entity, "ru_RU"), ==, "Узбекистан");
  g_assert_cmpstr (iis_entity_get_label (entity, "ru_RU.UTF-8"), ==, "Узбекистан");
  g_assert_cmpstr (iis_entity_get_label (entity, "ru_RU.UTF-8@latin"), ==, "Узбекистан");
  g_assert_cmpstr (iis_entity_get_label (entity, "ru-RU"), ==, "Узбекистан");
  g_assert_cmpstr (iis_entity_get_label (entity, "de_AT"), ==, "Usbekistan");
  g_assert_null (iis_entity_get_label (entity, "en_US.UTF-8"));

  /* A specific label wins over the general one. */
  iis_entity_set_label (entity, "ru_RU", "Республика Узбекистан");
  g_assert_cmpstr (iis_entity_get_label (entity, "ru_RU.UTF-8"), ==, "Республика Узбекистан");
  g_assert_cmpstr (iis_entity_get_label (entity, "ru"), ==, "Узбекистан");
  g_assert_cmpstr (iis_entity_get_label (entity, "ru_BY"), ==, "Узбекистан");

  langs = iis_entity_dup_label_languages (entity);
  {
    const char * const expected[] = { "de", "fr", "ru", "ru_RU", "uz", "zh-Hans", NULL };

    g_assert_true (g_strv_equal ((const char * const *) langs, expected));
  }
  g_clear_pointer (&langs, g_strfreev);

  /* Replace, remove. */
  iis_entity_set_label (entity, "fr", "République d'Ouzbékistan");
  g_assert_cmpstr (iis_entity_get_label (entity, "fr"), ==, "République d'Ouzbékistan");
  iis_entity_set_label (entity, "fr", NULL);
  g_assert_null (iis_entity_get_label (entity, "fr"));
  iis_entity_set_label (entity, "fr", NULL);
  iis_entity_set_label (entity, "ru_RU", NULL);
  langs = iis_entity_dup_label_languages (entity);
  g_assert_cmpuint (g_strv_length (langs), ==, 4);

  /* Labels are not properties: nothing notified. */
  g_assert_cmpuint (log.total, ==, 0);
  notify_log_clear (&log, state);

  /* Removing from an entity without labels is harmless. */
  {
    g_autoptr(IisState) bare = iis_state_new ("KZ", NULL);

    iis_entity_set_label (IIS_ENTITY (bare), "ru", NULL);
    g_assert_null (iis_entity_get_label (IIS_ENTITY (bare), "ru"));
  }
}

static void
test_entity_labels_locale (void)
{
  g_autoptr(IisOrganization) org = iis_organization_new ("sco", "Shanghai Cooperation Organisation");
  g_autoptr(IisOrganization) unnamed = iis_organization_new ("unnamed", NULL);
  IisEntity *entity = IIS_ENTITY (org);
  const char *saved = g_getenv ("LANGUAGE");
  g_autofree char *saved_copy = g_strdup (saved);

  /* The tests run in the C locale; LANGUAGE is looked at first by
   * g_get_language_names(), which notices when it changes. */
  g_unsetenv ("LANGUAGE");

  /* No labels: the name, else the id. */
  g_assert_cmpstr (iis_entity_get_label (entity, NULL), ==, "Shanghai Cooperation Organisation");
  g_assert_cmpstr (iis_entity_get_display_name (entity), ==, "Shanghai Cooperation Organisation");
  g_assert_null (iis_entity_get_label (IIS_ENTITY (unnamed), NULL));
  g_assert_cmpstr (iis_entity_get_display_name (IIS_ENTITY (unnamed)), ==, "unnamed");

  iis_entity_set_label (entity, "ru", "Шанхайская организация сотрудничества");
  iis_entity_set_label (entity, "zh", "上海合作组织");
  iis_entity_set_label (IIS_ENTITY (unnamed), "ru", "Безымянная");

  g_setenv ("LANGUAGE", "ru_RU.UTF-8", TRUE);
  g_assert_cmpstr (iis_entity_get_label (entity, NULL), ==, "Шанхайская организация сотрудничества");
  g_assert_cmpstr (iis_entity_get_display_name (entity), ==, "Шанхайская организация сотрудничества");
  g_assert_cmpstr (iis_entity_get_display_name (IIS_ENTITY (unnamed)), ==, "Безымянная");

  /* In the order of the user's languages. */
  g_setenv ("LANGUAGE", "de:zh_CN:ru", TRUE);
  g_assert_cmpstr (iis_entity_get_display_name (entity), ==, "上海合作组织");
  g_setenv ("LANGUAGE", "ru:zh_CN", TRUE);
  g_assert_cmpstr (iis_entity_get_display_name (entity), ==, "Шанхайская организация сотрудничества");

  /* A language without a label: the plain name. */
  g_setenv ("LANGUAGE", "fr_FR", TRUE);
  g_assert_cmpstr (iis_entity_get_display_name (entity), ==, "Shanghai Cooperation Organisation");
  g_assert_cmpstr (iis_entity_get_display_name (IIS_ENTITY (unnamed)), ==, "unnamed");

  /* An explicit language does not look at the locale. */
  g_setenv ("LANGUAGE", "ru", TRUE);
  g_assert_cmpstr (iis_entity_get_label (entity, "zh"), ==, "上海合作组织");
  g_assert_null (iis_entity_get_label (entity, "fr"));

  if (saved_copy != NULL)
    g_setenv ("LANGUAGE", saved_copy, TRUE);
  else
    g_unsetenv ("LANGUAGE");
}

static void
test_entity_other_names (void)
{
  g_autoptr(IisOrganization) org = iis_organization_new ("sco", "Shanghai Cooperation Organisation");
  IisEntity *entity = IIS_ENTITY (org);
  g_autoptr(IisDate) until = iis_test_date ("2001-06-15");
  g_autoptr(IisName) former = iis_name_new ("Shanghai Five", "en", NULL, until);
  g_autoptr(IisName) russian = iis_name_new ("ШОС", "ru", NULL, NULL);
  GListModel *names = iis_entity_get_other_names (entity);
  g_autoptr(IisName) first = NULL;
  g_autoptr(IisName) second = NULL;
  guint changes = 0;

  g_assert_true (G_IS_LIST_MODEL (names));
  g_assert_true (g_list_model_get_item_type (names) == IIS_TYPE_NAME);
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, 0);

  iis_entity_add_other_name (entity, former);
  iis_entity_add_other_name (entity, russian);

  /* The same live list. */
  g_assert_true (iis_entity_get_other_names (entity) == names);
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, 2);
  first = g_list_model_get_item (names, 0);
  second = g_list_model_get_item (names, 1);
  g_assert_true (first == former);
  g_assert_true (second == russian);

  /* A list asked for before the first name follows additions. */
  {
    g_autoptr(IisState) state = iis_state_new ("BY", "Belarus");
    GListModel *list = iis_entity_get_other_names (IIS_ENTITY (state));
    g_autoptr(IisName) name = iis_name_new ("Byelorussia", "en", NULL, NULL);

    g_signal_connect_swapped (list, "items-changed", G_CALLBACK (count_items_changed), &changes);
    iis_entity_add_other_name (IIS_ENTITY (state), name);
    g_assert_cmpuint (changes, ==, 1);
    g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  }
}

static void
test_entity_identifiers (void)
{
  g_autoptr(IisState) state = iis_state_new ("UZ", "Uzbekistan");
  IisEntity *entity = IIS_ENTITY (state);
  g_auto(GStrv) schemes = NULL;
  GHashTable *table;
  NotifyLog log;

  notify_log_init (&log, state);

  schemes = iis_entity_dup_identifier_schemes (entity);
  g_assert_nonnull (schemes);
  g_assert_cmpuint (g_strv_length (schemes), ==, 0);
  g_clear_pointer (&schemes, g_strfreev);
  g_assert_null (iis_entity_get_identifier (entity, "wikidata"));

  iis_entity_set_identifier (entity, "wikidata", "Q265");
  iis_entity_set_identifier (entity, "iso3166-1", "UZ");
  iis_entity_set_identifier (entity, "un-m49", "860");
  g_assert_cmpstr (iis_entity_get_identifier (entity, "wikidata"), ==, "Q265");
  g_assert_cmpstr (iis_entity_get_identifier (entity, "iso3166-1"), ==, "UZ");
  g_assert_cmpstr (iis_entity_get_identifier (entity, "un-m49"), ==, "860");
  g_assert_null (iis_entity_get_identifier (entity, "geonames"));

  schemes = iis_entity_dup_identifier_schemes (entity);
  {
    const char * const expected[] = { "iso3166-1", "un-m49", "wikidata", NULL };

    g_assert_true (g_strv_equal ((const char * const *) schemes, expected));
  }
  g_clear_pointer (&schemes, g_strfreev);

  table = _iis_entity_get_identifiers (entity);
  g_assert_nonnull (table);
  g_assert_cmpuint (g_hash_table_size (table), ==, 3);
  g_assert_cmpstr (g_hash_table_lookup (table, "wikidata"), ==, "Q265");

  /* Replace, same value, remove. */
  iis_entity_set_identifier (entity, "wikidata", "Q266");
  g_assert_cmpstr (iis_entity_get_identifier (entity, "wikidata"), ==, "Q266");
  iis_entity_set_identifier (entity, "wikidata", "Q266");
  g_assert_cmpstr (iis_entity_get_identifier (entity, "wikidata"), ==, "Q266");
  iis_entity_set_identifier (entity, "wikidata", NULL);
  g_assert_null (iis_entity_get_identifier (entity, "wikidata"));
  iis_entity_set_identifier (entity, "wikidata", NULL);
  iis_entity_set_identifier (entity, "never-set", NULL);
  g_assert_cmpuint (g_hash_table_size (table), ==, 2);

  g_assert_cmpuint (log.total, ==, 0);
  notify_log_clear (&log, state);
}

static void
test_entity_identifiers_in_catalog (void)
{
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();
  g_autoptr(IisState) state = iis_state_new ("UZ", "Uzbekistan");
  g_autoptr(GError) error = NULL;
  IisEntity *entity = IIS_ENTITY (state);

  iis_entity_set_identifier (entity, "wikidata", "Q265");
  g_assert_true (iis_catalog_add_entity (catalog, entity, &error));
  g_assert_no_error (error);
  g_assert_true (_iis_entity_get_catalog (entity) == catalog);

  g_assert_true (iis_catalog_find_by_identifier (catalog, "wikidata", "Q265") == entity);

  /* Changes made while in the catalog reach its index. */
  iis_entity_set_identifier (entity, "wikidata", "Q999");
  g_assert_null (iis_catalog_find_by_identifier (catalog, "wikidata", "Q265"));
  g_assert_true (iis_catalog_find_by_identifier (catalog, "wikidata", "Q999") == entity);

  iis_entity_set_identifier (entity, "iso3166-1", "UZ");
  g_assert_true (iis_catalog_find_by_identifier (catalog, "iso3166-1", "UZ") == entity);

  iis_entity_set_identifier (entity, "wikidata", NULL);
  g_assert_null (iis_catalog_find_by_identifier (catalog, "wikidata", "Q999"));

  g_assert_true (iis_catalog_remove_entity (catalog, entity));
  g_assert_null (_iis_entity_get_catalog (entity));
  iis_entity_set_identifier (entity, "iso3166-1", "XX");
  g_assert_null (iis_catalog_find_by_identifier (catalog, "iso3166-1", "XX"));
  g_assert_null (iis_catalog_find_by_identifier (catalog, "iso3166-1", "UZ"));
}

static void
test_entity_sources (void)
{
  g_autoptr(IisAgreement) agreement = iis_agreement_new ("sco-2009", NULL);
  IisEntity *entity = IIS_ENTITY (agreement);
  g_autoptr(IisSource) s1 = iis_source_new ("Agreement text");
  g_autoptr(IisSource) s2 = iis_source_new ("News item");
  GListModel *sources = iis_entity_get_sources (entity);
  g_autoptr(IisSource) got = NULL;
  guint changes = 0;

  g_assert_true (g_list_model_get_item_type (sources) == IIS_TYPE_SOURCE);
  g_signal_connect_swapped (sources, "items-changed", G_CALLBACK (count_items_changed), &changes);

  iis_entity_add_source (entity, s1);
  iis_entity_add_source (entity, s2);
  g_assert_cmpuint (changes, ==, 2);
  g_assert_true (iis_entity_get_sources (entity) == sources);
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, 2);
  got = g_list_model_get_item (sources, 1);
  g_assert_true (got == s2);
}

static void
test_entity_matches_text (void)
{
  g_autoptr(IisOrganization) org = g_object_new (IIS_TYPE_ORGANIZATION,
                                                 "id", "cis-rcc",
                                                 "name", "Regional Commonwealth in the field of Communications",
                                                 "acronym", "RCC",
                                                 "description", "telecommunication administrations",
                                                 NULL);
  g_autoptr(IisState) state = g_object_new (IIS_TYPE_STATE,
                                            "id", "UZ",
                                            "name", "Uzbekistan",
                                            NULL);
  g_autoptr(IisName) former = iis_name_new ("Uzbek SSR", "en", NULL, NULL);

  iis_entity_set_label (IIS_ENTITY (state), "ru", "Узбекистан");
  iis_entity_add_other_name (IIS_ENTITY (state), former);
  iis_entity_set_identifier (IIS_ENTITY (state), "wikidata", "Q265");

  /* id, name, acronym */
  g_assert_true (iis_entity_matches_text (IIS_ENTITY (org), "cis-"));
  g_assert_true (iis_entity_matches_text (IIS_ENTITY (org), "CIS-RCC"));
  g_assert_true (iis_entity_matches_text (IIS_ENTITY (org), "commonwealth"));
  g_assert_true (iis_entity_matches_text (IIS_ENTITY (org), "COMMUNICATIONS"));
  iis_entity_set_name (IIS_ENTITY (org), NULL);
  g_assert_false (iis_entity_matches_text (IIS_ENTITY (org), "commonwealth"));
  /* Descriptions are not searched. */
  g_assert_false (iis_entity_matches_text (IIS_ENTITY (org), "telecommunication"));

  {
    g_autoptr(IisOrganization) other = g_object_new (IIS_TYPE_ORGANIZATION,
                                                     "id", "org-1",
                                                     "name", "Council",
                                                     "acronym", "CHS",
                                                     NULL);

    g_assert_true (iis_entity_matches_text (IIS_ENTITY (other), "chs"));
    g_assert_true (iis_entity_matches_text (IIS_ENTITY (other), "Hs"));
    iis_organization_set_acronym (other, NULL);
    g_assert_false (iis_entity_matches_text (IIS_ENTITY (other), "chs"));
  }

  /* Labels, in any script, ignoring case. */
  g_assert_true (iis_entity_matches_text (IIS_ENTITY (state), "узбек"));
  g_assert_true (iis_entity_matches_text (IIS_ENTITY (state), "УЗБЕКИСТАН"));
  g_assert_true (iis_entity_matches_text (IIS_ENTITY (state), "uzbek"));
  g_assert_true (iis_entity_matches_text (IIS_ENTITY (state), "ssr"));
  g_assert_true (iis_entity_matches_text (IIS_ENTITY (state), "uz"));
  g_assert_false (iis_entity_matches_text (IIS_ENTITY (state), "kazakh"));
  g_assert_false (iis_entity_matches_text (IIS_ENTITY (state), "Q265"));
  g_assert_false (iis_entity_matches_text (IIS_ENTITY (state), "uzbekistann"));

  /* The empty text matches everything. */
  g_assert_true (iis_entity_matches_text (IIS_ENTITY (state), ""));
}

static void
test_entity_private (void)
{
  g_autoptr(IisState) state = iis_state_new ("UZ", NULL);
  IisEntity *entity = IIS_ENTITY (state);
  g_autoptr(JsonObject) unknown = json_object_new ();
  IisCatalog *fake = (IisCatalog *) GUINT_TO_POINTER (0x1000);

  _iis_entity_attach (entity, fake, 42);
  g_assert_true (_iis_entity_get_catalog (entity) == fake);
  g_assert_cmpuint (_iis_entity_get_slot (entity), ==, 42);
  _iis_entity_attach (entity, fake, 7);
  g_assert_cmpuint (_iis_entity_get_slot (entity), ==, 7);
  _iis_entity_detach (entity);
  g_assert_null (_iis_entity_get_catalog (entity));
  g_assert_cmpuint (_iis_entity_get_slot (entity), ==, IIS_ENTITY_NO_SLOT);

  json_object_set_int_member (unknown, "x-future", 1);
  _iis_entity_set_unknown (entity, unknown);
  g_assert_true (_iis_entity_get_unknown (entity) == unknown);
  _iis_entity_set_unknown (entity, unknown);
  g_assert_true (_iis_entity_get_unknown (entity) == unknown);
  _iis_entity_set_unknown (entity, NULL);
  g_assert_null (_iis_entity_get_unknown (entity));
  _iis_entity_set_unknown (entity, unknown);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/iis/entity/types", test_entity_types);
  g_test_add_func ("/iis/entity/construct", test_entity_construct);
  g_test_add_func ("/iis/entity/new", test_entity_new);
  g_test_add_func ("/iis/entity/id/required", test_entity_id_required);
  g_test_add_func ("/iis/entity/id/empty", test_entity_id_empty);
  g_test_add_func ("/iis/entity/id/construct-only", test_entity_id_construct_only);
  g_test_add_func ("/iis/entity/programmer-errors", test_entity_programmer_errors);
  g_test_add_func ("/iis/entity/state", test_entity_state);
  g_test_add_func ("/iis/entity/organization", test_entity_organization);
  g_test_add_func ("/iis/entity/organization/exists-at", test_entity_organization_exists_at);
  g_test_add_func ("/iis/entity/agreement", test_entity_agreement);
  g_test_add_func ("/iis/entity/forum", test_entity_forum);
  g_test_add_func ("/iis/entity/forum/topics", test_entity_forum_topics);
  g_test_add_func ("/iis/entity/threat-category", test_entity_threat_category);
  g_test_add_func ("/iis/entity/labels", test_entity_labels);
  g_test_add_func ("/iis/entity/labels/locale", test_entity_labels_locale);
  g_test_add_func ("/iis/entity/other-names", test_entity_other_names);
  g_test_add_func ("/iis/entity/identifiers", test_entity_identifiers);
  g_test_add_func ("/iis/entity/identifiers/catalog", test_entity_identifiers_in_catalog);
  g_test_add_func ("/iis/entity/sources", test_entity_sources);
  g_test_add_func ("/iis/entity/matches-text", test_entity_matches_text);
  g_test_add_func ("/iis/entity/private", test_entity_private);

  return g_test_run ();
}
