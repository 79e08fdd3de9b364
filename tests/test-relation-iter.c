/* test-relation-iter.c: answers about relations without relation objects:
 * iis_catalog_count_relations() and IisRelationIter
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <libiis/iis.h>

#include "iis-test-util.h"

/* A pattern of list_relations(): either end may be NULL. */
typedef struct
{
  IisEntity       *subject;
  IisRelationKind  kind;
  IisEntity       *object;
} Pattern;

static void
add_pattern (GArray          *patterns,
             IisEntity       *subject,
             IisRelationKind  kind,
             IisEntity       *object)
{
  Pattern p = { subject, kind, object };

  g_array_append_val (patterns, p);
}

/* Patterns over @catalog: each entity as subject, and as object, with
 * every kind and with any kind; the two ends of every relation with
 * any kind, their own kind and another; random pairs, mostly unrelated;
 * no end at all with every kind; and ends from another catalog. The
 * entities are borrowed from @catalog (and @stranger). */
static GArray *
make_patterns (IisCatalog *catalog,
               IisEntity  *stranger)
{
  g_autoptr(GListModel) entities = iis_catalog_list_entities (catalog, IIS_TYPE_ENTITY);
  g_autoptr(GListModel) relations = iis_catalog_list_relations (catalog, NULL, IIS_RELATION_KIND_ANY, NULL);
  g_autoptr(GEnumClass) kinds = g_type_class_ref (IIS_TYPE_RELATION_KIND);
  GArray *patterns = g_array_new (FALSE, FALSE, sizeof (Pattern));
  guint n_entities = g_list_model_get_n_items (entities);

  g_assert_cmpuint (n_entities, >, 1);
  g_assert_cmpuint (g_list_model_get_n_items (relations), >, 0);

  for (guint k = 0; k < kinds->n_values; k++)
    {
      IisRelationKind kind = kinds->values[k].value;

      add_pattern (patterns, NULL, kind, NULL);
      add_pattern (patterns, stranger, kind, NULL);
      add_pattern (patterns, NULL, kind, stranger);
      /* Every entity with any kind; with each kind, every eighth (all
       * with -m thorough): the ASan and valgrind runs make every
       * relation object of each answer at a great cost. */
      for (guint i = 0; i < n_entities; i++)
        {
          g_autoptr(IisEntity) entity = NULL;

          if (kind != IIS_RELATION_KIND_ANY && i % 8 != k % 8 && !g_test_thorough ())
            continue;
          entity = g_list_model_get_item (entities, i);
          add_pattern (patterns, entity, kind, NULL);
          add_pattern (patterns, NULL, kind, entity);
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(IisRelation) relation = g_list_model_get_item (relations, i);
      IisRelationKind kind = iis_relation_get_kind (relation);
      IisEntity *subject = iis_relation_get_subject (relation);
      IisEntity *object = iis_relation_get_object (relation);

      add_pattern (patterns, subject, kind, object);
      add_pattern (patterns, subject, IIS_RELATION_KIND_ANY, object);
      add_pattern (patterns, subject, kind == IIS_RELATION_KIND_MEMBER_OF
                                      ? IIS_RELATION_KIND_PARTY_TO
                                      : IIS_RELATION_KIND_MEMBER_OF, object);
      add_pattern (patterns, object, kind, subject);
    }

  for (guint i = 0; i < 2000; i++)
    {
      IisEntity *subject = g_list_model_get_item (entities, g_test_rand_int_range (0, n_entities));
      IisEntity *object = g_list_model_get_item (entities, g_test_rand_int_range (0, n_entities));
      IisRelationKind kind = kinds->values[g_test_rand_int_range (0, kinds->n_values)].value;

      /* The catalog holds them: borrowed is enough. */
      g_object_unref (subject);
      g_object_unref (object);
      add_pattern (patterns, subject, kind, object);
    }

  return patterns;
}

static char *
describe (const Pattern *p)
{
  return g_strdup_printf ("(%s, %s, %s)",
                          p->subject ? iis_entity_get_id (p->subject) : "any",
                          iis_relation_kind_to_nick (p->kind) ? iis_relation_kind_to_nick (p->kind) : "any",
                          p->object ? iis_entity_get_id (p->object) : "any");
}

static void
check_count (IisCatalog *catalog)
{
  g_autoptr(IisEntity) stranger = IIS_ENTITY (iis_state_new ("XX", NULL));
  g_autoptr(GArray) patterns = make_patterns (catalog, stranger);
  guint nonzero = 0;

  for (guint i = 0; i < patterns->len; i++)
    {
      const Pattern *p = &g_array_index (patterns, Pattern, i);
      g_autoptr(GListModel) list = iis_catalog_list_relations (catalog, p->subject, p->kind, p->object);
      guint count = iis_catalog_count_relations (catalog, p->subject, p->kind, p->object);

      if (count != g_list_model_get_n_items (list))
        {
          g_autofree char *what = describe (p);

          g_error ("count_relations%s = %u, list_relations lists %u",
                   what, count, g_list_model_get_n_items (list));
        }
      nonzero += count > 0;
    }
  /* Not trivially empty: at least each relation's own pattern counts. */
  g_assert_cmpuint (nonzero, >=, iis_catalog_get_n_relations (catalog));
}

static void
test_count_bundled (void)
{
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (iis_catalog_load_bundled (catalog, &error));
  g_assert_no_error (error);
  check_count (catalog);
}

static void
test_count_fixture (void)
{
  g_autoptr(IisCatalog) catalog = iis_test_load_fixture ("full.json");

  check_count (catalog);
}

/* The count follows additions and removals, and an entity's removal
 * takes its relations out of every count. */
static void
test_count_edits (void)
{
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();
  g_autoptr(GError) error = NULL;
  IisState *ru = iis_state_new ("RU", NULL);
  IisState *cn = iis_state_new ("CN", NULL);
  IisOrganization *sco = iis_organization_new ("sco", NULL);
  g_autoptr(IisRelation) a = NULL;
  g_autoptr(IisRelation) b = NULL;
  g_autoptr(IisRelation) c = NULL;

  iis_test_add (catalog, ru);
  iis_test_add (catalog, cn);
  iis_test_add (catalog, sco);
  g_assert_cmpuint (iis_catalog_count_relations (catalog, NULL, IIS_RELATION_KIND_ANY, NULL), ==, 0);

  a = iis_relation_new (IIS_RELATION_KIND_MEMBER_OF, IIS_ENTITY (ru), IIS_ENTITY (sco));
  b = iis_relation_new (IIS_RELATION_KIND_MEMBER_OF, IIS_ENTITY (ru), IIS_ENTITY (sco));
  c = iis_relation_new (IIS_RELATION_KIND_MEMBER_OF, IIS_ENTITY (cn), IIS_ENTITY (sco));
  iis_relation_set_role (b, "observer");
  g_assert_true (iis_catalog_add_relation (catalog, a, &error));
  g_assert_true (iis_catalog_add_relation (catalog, b, &error));
  g_assert_true (iis_catalog_add_relation (catalog, c, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (iis_catalog_count_relations (catalog, IIS_ENTITY (ru), IIS_RELATION_KIND_MEMBER_OF, IIS_ENTITY (sco)), ==, 2);
  g_assert_cmpuint (iis_catalog_count_relations (catalog, IIS_ENTITY (ru), IIS_RELATION_KIND_ANY, IIS_ENTITY (sco)), ==, 2);
  g_assert_cmpuint (iis_catalog_count_relations (catalog, IIS_ENTITY (sco), IIS_RELATION_KIND_ANY, IIS_ENTITY (ru)), ==, 0);
  g_assert_cmpuint (iis_catalog_count_relations (catalog, NULL, IIS_RELATION_KIND_MEMBER_OF, IIS_ENTITY (sco)), ==, 3);
  g_assert_cmpuint (iis_catalog_count_relations (catalog, NULL, IIS_RELATION_KIND_PARTY_TO, IIS_ENTITY (sco)), ==, 0);
  g_assert_cmpuint (iis_catalog_count_relations (catalog, NULL, IIS_RELATION_KIND_MEMBER_OF, NULL), ==, 3);
  g_assert_cmpuint (iis_catalog_count_relations (catalog, NULL, IIS_RELATION_KIND_ANY, NULL), ==, 3);

  g_assert_true (iis_catalog_remove_relation (catalog, a));
  g_assert_cmpuint (iis_catalog_count_relations (catalog, IIS_ENTITY (ru), IIS_RELATION_KIND_MEMBER_OF, IIS_ENTITY (sco)), ==, 1);
  g_assert_cmpuint (iis_catalog_count_relations (catalog, NULL, IIS_RELATION_KIND_ANY, NULL), ==, 2);

  g_assert_true (iis_catalog_remove_entity (catalog, IIS_ENTITY (ru)));
  g_assert_cmpuint (iis_catalog_count_relations (catalog, NULL, IIS_RELATION_KIND_MEMBER_OF, IIS_ENTITY (sco)), ==, 1);
  g_assert_cmpuint (iis_catalog_count_relations (catalog, NULL, IIS_RELATION_KIND_MEMBER_OF, NULL), ==, 1);
  /* An entity no longer in the catalog has no relations in it. */
  g_assert_cmpuint (iis_catalog_count_relations (catalog, IIS_ENTITY (ru), IIS_RELATION_KIND_ANY, NULL), ==, 0);
}

/* ---- The iterator ---------------------------------------------------- */

static gboolean
dates_equal (const IisDate *a,
             const IisDate *b)
{
  return (a == NULL && b == NULL) || (a != NULL && b != NULL && iis_date_equal (a, b));
}

/* Walk @p with an iterator and check each relation against the item of
 * list_relations() at the same position: ends, ids, kind, role, dates,
 * confidence, and the object itself. Returns the number walked. */
static guint
check_iter_against_list (IisCatalog    *catalog,
                         const Pattern *p)
{
  g_autoptr(GListModel) list = iis_catalog_list_relations (catalog, p->subject, p->kind, p->object);
  g_auto(IisRelationIter) iter = { 0 };
  g_autoptr(IisDate) start = iis_date_new (1, 1, 1);
  g_autoptr(IisDate) end = iis_date_new (1, 1, 1);
  g_autofree char *what = describe (p);
  guint n = 0;

  iis_relation_iter_init (&iter, catalog, p->subject, p->kind, p->object);
  g_assert_cmpuint (iis_relation_iter_get_n_relations (&iter), ==, g_list_model_get_n_items (list));
  while (iis_relation_iter_next (&iter))
    {
      g_autoptr(IisRelation) expected = g_list_model_get_item (list, n);
      g_autoptr(IisRelation) made = NULL;
      gboolean has_start, has_end;

      if (expected == NULL)
        g_error ("%s: the iterator walks more than %u relations", what, n);
      g_assert_true (iis_relation_iter_get_subject (&iter) == iis_relation_get_subject (expected));
      g_assert_true (iis_relation_iter_get_object (&iter) == iis_relation_get_object (expected));
      g_assert_cmpstr (iis_relation_iter_get_subject_id (&iter), ==,
                       iis_entity_get_id (iis_relation_get_subject (expected)));
      g_assert_cmpstr (iis_relation_iter_get_object_id (&iter), ==,
                       iis_entity_get_id (iis_relation_get_object (expected)));
      g_assert_cmpint (iis_relation_iter_get_kind (&iter), ==, iis_relation_get_kind (expected));
      g_assert_cmpstr (iis_relation_iter_get_role (&iter), ==, iis_relation_get_role (expected));
      g_assert_cmpint (iis_relation_iter_get_confidence (&iter), ==, iis_relation_get_confidence (expected));

      has_start = iis_relation_iter_get_start (&iter, start);
      has_end = iis_relation_iter_get_end (&iter, end);
      g_assert_true (dates_equal (has_start ? start : NULL, iis_relation_get_start (expected)));
      g_assert_true (dates_equal (has_end ? end : NULL, iis_relation_get_end (expected)));

      /* The answer holds the live object: the iterator returns it. */
      made = iis_relation_iter_dup_relation (&iter);
      g_assert_true (made == expected);
      n++;
    }
  if (n != g_list_model_get_n_items (list))
    g_error ("%s: the iterator walks %u relations, list_relations lists %u",
             what, n, g_list_model_get_n_items (list));
  /* At the end the answer is gone, and next() stays at the end. */
  g_assert_cmpuint (iis_relation_iter_get_n_relations (&iter), ==, 0);
  g_assert_false (iis_relation_iter_next (&iter));
  return n;
}

static void
check_iter (IisCatalog *catalog)
{
  g_autoptr(IisEntity) stranger = IIS_ENTITY (iis_state_new ("XX", NULL));
  g_autoptr(GArray) patterns = make_patterns (catalog, stranger);
  guint walked = 0, dated = 0;

  for (guint i = 0; i < patterns->len; i++)
    walked += check_iter_against_list (catalog, &g_array_index (patterns, Pattern, i));
  g_assert_cmpuint (walked, >=, iis_catalog_get_n_relations (catalog));

  /* The catalog holds dated relations, so the dates were compared. */
  {
    g_auto(IisRelationIter) iter = { 0 };
    g_autoptr(IisDate) date = iis_date_new (1, 1, 1);

    iis_relation_iter_init (&iter, catalog, NULL, IIS_RELATION_KIND_ANY, NULL);
    while (iis_relation_iter_next (&iter))
      dated += iis_relation_iter_get_start (&iter, date) && iis_relation_iter_get_end (&iter, date);
  }
  g_assert_cmpuint (dated, >, 0);
}

static void
test_iter_bundled (void)
{
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (iis_catalog_load_bundled (catalog, &error));
  g_assert_no_error (error);
  check_iter (catalog);
}

static void
test_iter_fixture (void)
{
  g_autoptr(IisCatalog) catalog = iis_test_load_fixture ("full.json");

  check_iter (catalog);
}

/* Relations between the same two entities that only their end, role or
 * slot tell apart, added in an order unlike the answer's; more than fit
 * inside the iterator, so the answer takes its own array. */
static void
test_iter_order (void)
{
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();
  IisState *ru = iis_state_new ("RU", NULL);
  IisOrganization *sco = iis_organization_new ("sco", NULL);
  static const char *roles[] = { "observer", NULL, "member", "dialogue-partner" };
  static const char *ends[] = { "2010", NULL, "2005-06", "2005-06-01" };
  Pattern p = { NULL, IIS_RELATION_KIND_MEMBER_OF, NULL };
  guint n = 0;

  iis_test_add (catalog, ru);
  iis_test_add (catalog, sco);
  p.subject = IIS_ENTITY (ru);
  p.object = IIS_ENTITY (sco);
  for (guint r = 0; r < G_N_ELEMENTS (roles); r++)
    for (guint e = 0; e < G_N_ELEMENTS (ends); e++)
      {
        g_autoptr(IisRelation) relation = iis_relation_new (IIS_RELATION_KIND_MEMBER_OF,
                                                            IIS_ENTITY (ru), IIS_ENTITY (sco));
        g_autoptr(IisDate) start = iis_test_date ("2001-06-15");
        g_autoptr(IisDate) end = ends[e] ? iis_test_date (ends[e]) : NULL;
        g_autoptr(GError) error = NULL;

        iis_relation_set_role (relation, roles[r]);
        iis_relation_set_start (relation, start);
        iis_relation_set_end (relation, end);
        g_assert_true (iis_catalog_add_relation (catalog, relation, &error));
        g_assert_no_error (error);
      }

  n = check_iter_against_list (catalog, &p);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (roles) * G_N_ELEMENTS (ends));
  p.kind = IIS_RELATION_KIND_ANY;
  g_assert_cmpuint (check_iter_against_list (catalog, &p), ==, n);
  p.subject = NULL;
  g_assert_cmpuint (check_iter_against_list (catalog, &p), ==, n);
}

/* A walk may stop early; clearing frees what a large answer holds (the
 * leak checkers of CI see it), and a cleared iterator can be set up
 * again. With no live relation object, dup_relation() makes the one
 * that list_relations() then returns. */
static void
test_iter_stop_early (void)
{
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();
  g_autoptr(GError) error = NULL;
  IisRelationIter iter;
  g_autoptr(IisRelation) made = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(IisRelation) listed = NULL;

  g_assert_true (iis_catalog_load_bundled (catalog, &error));
  g_assert_no_error (error);

  iis_relation_iter_init (&iter, catalog, NULL, IIS_RELATION_KIND_ANY, NULL);
  g_assert_cmpuint (iis_relation_iter_get_n_relations (&iter), ==, iis_catalog_get_n_relations (catalog));
  g_assert_true (iis_relation_iter_next (&iter));
  g_assert_true (iis_relation_iter_next (&iter));
  made = iis_relation_iter_dup_relation (&iter);
  iis_relation_iter_clear (&iter);
  iis_relation_iter_clear (&iter);

  list = iis_catalog_list_relations (catalog, NULL, IIS_RELATION_KIND_ANY, NULL);
  listed = g_list_model_get_item (list, 1);
  g_assert_true (made == listed);

  iis_relation_iter_init (&iter, catalog, iis_relation_get_subject (made),
                          iis_relation_get_kind (made), iis_relation_get_object (made));
  g_assert_true (iis_relation_iter_next (&iter));
  iis_relation_iter_clear (&iter);
}

typedef void (*ChangeFunc) (IisCatalog *catalog);

static void
change_add_entity (IisCatalog *catalog)
{
  iis_test_add (catalog, iis_state_new ("ZZ", NULL));
}

static void
change_remove_entity (IisCatalog *catalog)
{
  g_assert_true (iis_catalog_remove_entity (catalog, iis_catalog_lookup (catalog, "KZ")));
}

static void
change_add_relation (IisCatalog *catalog)
{
  g_autoptr(IisRelation) relation = iis_relation_new (IIS_RELATION_KIND_MEMBER_OF,
                                                      iis_catalog_lookup (catalog, "RU"),
                                                      iis_catalog_lookup (catalog, "union"));
  g_autoptr(GError) error = NULL;

  g_assert_true (iis_catalog_add_relation (catalog, relation, &error));
  g_assert_no_error (error);
}

static IisRelation *
first_relation (IisCatalog *catalog)
{
  g_autoptr(GListModel) list = iis_catalog_list_relations (catalog, iis_catalog_lookup (catalog, "RU"),
                                                           IIS_RELATION_KIND_ANY, NULL);

  g_assert_cmpuint (g_list_model_get_n_items (list), >, 0);
  return g_list_model_get_item (list, 0);
}

static void
change_remove_relation (IisCatalog *catalog)
{
  g_autoptr(IisRelation) relation = first_relation (catalog);

  g_assert_true (iis_catalog_remove_relation (catalog, relation));
}

static void
change_relation_role (IisCatalog *catalog)
{
  g_autoptr(IisRelation) relation = first_relation (catalog);

  iis_relation_set_role (relation, "changed-role");
}

static void
change_identifier (IisCatalog *catalog)
{
  iis_entity_set_identifier (iis_catalog_lookup (catalog, "RU"), "test", "changed");
}

static void
change_load (IisCatalog *catalog)
{
  static const char data[] =
    "{\"format\": \"libiis-catalog\", \"version\": \"1.0\", \"entities\": [{\"type\": \"state\", \"id\": \"YY\"}]}";
  g_autoptr(GError) error = NULL;

  g_assert_true (iis_catalog_load_from_data (catalog, data, -1, &error));
  g_assert_no_error (error);
}

static const struct
{
  const char *name;
  ChangeFunc  change;
} changes[] = {
  { "add-entity", change_add_entity },
  { "remove-entity", change_remove_entity },
  { "add-relation", change_add_relation },
  { "remove-relation", change_remove_relation },
  { "update-relation", change_relation_role },
  { "identifier", change_identifier },
  { "load", change_load },
};

/* Any change to the catalog invalidates an iterator set up before it:
 * next() and the getters refuse to read slots that may be stale. */
static void
test_iter_invalidated (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (changes); c++)
    {
      g_autoptr(IisCatalog) catalog = iis_test_scenario_new ();
      g_auto(IisRelationIter) iter = { 0 };
      guint n_before;

      g_test_message ("change: %s", changes[c].name);
      iis_relation_iter_init (&iter, catalog, NULL, IIS_RELATION_KIND_ANY, NULL);
      n_before = iis_relation_iter_get_n_relations (&iter);
      g_assert_cmpuint (n_before, >, 1);
      g_assert_true (iis_relation_iter_next (&iter));

      changes[c].change (catalog);

      g_test_expect_message ("Iis", G_LOG_LEVEL_CRITICAL, "*iis_relation_iter_get_subject_id*catalog changed*");
      g_assert_null (iis_relation_iter_get_subject_id (&iter));
      g_test_assert_expected_messages ();

      g_test_expect_message ("Iis", G_LOG_LEVEL_CRITICAL, "*iis_relation_iter_next*stamp*");
      g_assert_false (iis_relation_iter_next (&iter));
      g_test_assert_expected_messages ();

      /* Cleared and set up again, it walks the catalog as it is now. */
      iis_relation_iter_clear (&iter);
      iis_relation_iter_init (&iter, catalog, NULL, IIS_RELATION_KIND_ANY, NULL);
      g_assert_cmpuint (iis_relation_iter_get_n_relations (&iter), ==, iis_catalog_get_n_relations (catalog));
    }
}

/* Without a handler for the critical, using a stale iterator is fatal
 * under G_DEBUG=fatal-criticals, as the tests run. */
static void
test_iter_invalidated_fatal (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(IisCatalog) catalog = iis_test_scenario_new ();
      IisRelationIter iter;

      iis_relation_iter_init (&iter, catalog, iis_catalog_lookup (catalog, "RU"),
                              IIS_RELATION_KIND_ANY, NULL);
      g_assert_true (iis_relation_iter_next (&iter));
      change_add_entity (catalog);
      g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR);
      iis_relation_iter_next (&iter);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*iis_relation_iter_next*assertion*stamp*failed*");
}

/* Reading before next() or after the end is a programmer error too. */
static void
test_iter_not_at_relation (void)
{
  g_autoptr(IisCatalog) catalog = iis_test_scenario_new ();
  g_auto(IisRelationIter) iter = { 0 };

  iis_relation_iter_init (&iter, catalog, iis_catalog_lookup (catalog, "RU"), IIS_RELATION_KIND_ANY, NULL);
  g_test_expect_message ("Iis", G_LOG_LEVEL_CRITICAL, "*iis_relation_iter_get_object_id*at no relation*");
  g_assert_null (iis_relation_iter_get_object_id (&iter));
  g_test_assert_expected_messages ();

  while (iis_relation_iter_next (&iter))
    ;
  g_test_expect_message ("Iis", G_LOG_LEVEL_CRITICAL, "*iis_relation_iter_dup_relation*at no relation*");
  g_assert_null (iis_relation_iter_dup_relation (&iter));
  g_test_assert_expected_messages ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/iis/catalog/count-relations/bundled", test_count_bundled);
  g_test_add_func ("/iis/catalog/count-relations/fixture", test_count_fixture);
  g_test_add_func ("/iis/catalog/count-relations/edits", test_count_edits);
  g_test_add_func ("/iis/relation-iter/bundled", test_iter_bundled);
  g_test_add_func ("/iis/relation-iter/fixture", test_iter_fixture);
  g_test_add_func ("/iis/relation-iter/order", test_iter_order);
  g_test_add_func ("/iis/relation-iter/stop-early", test_iter_stop_early);
  g_test_add_func ("/iis/relation-iter/invalidated", test_iter_invalidated);
  g_test_add_func ("/iis/relation-iter/invalidated/fatal", test_iter_invalidated_fatal);
  g_test_add_func ("/iis/relation-iter/not-at-relation", test_iter_not_at_relation);

  return g_test_run ();
}
