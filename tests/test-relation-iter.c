/* test-relation-iter.c: answers about relations without relation objects
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
      for (guint i = 0; i < n_entities; i++)
        {
          g_autoptr(IisEntity) entity = g_list_model_get_item (entities, i);

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/iis/catalog/count-relations/bundled", test_count_bundled);
  g_test_add_func ("/iis/catalog/count-relations/fixture", test_count_fixture);
  g_test_add_func ("/iis/catalog/count-relations/edits", test_count_edits);

  return g_test_run ();
}
