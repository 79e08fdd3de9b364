/* test-threads.c: many threads asking one catalog questions at once
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * The threading model (see the "Threads" section of IisCatalog's
 * documentation): a catalog belongs to the thread that changes it; once
 * it is no longer changed, any number of threads may ask it questions at
 * the same time. Asking may do work behind the scenes (sorting the
 * adjacency arrays and the id ranks after a bulk add, making relation
 * objects, which the catalog shares through weak references), all of
 * which must be invisible.
 *
 * The test builds a catalog, starts threads the moment the last
 * relation is added (so every lazy index is still unsorted), has each of
 * them ask every question about every entity in its own order, and
 * compares each thread's answers with the answers one thread gets from
 * an identical catalog. Rounds alternate between threads dropping their
 * answers at once (relation objects die while others are being made)
 * and threads holding them (then a relation is one object for all).
 * Run it under ThreadSanitizer too (-Db_sanitize=thread).
 */

#include <string.h>

#include <libiis/iis.h>

#include "iis-relation-private.h"
#include "iis-test-util.h"

typedef struct
{
  gboolean small;
  guint    n_threads;
  guint    n_rounds;
  guint    n_relations;
} Sizes;

static Sizes sizes;
static IisDate *dates[5];       /* dates[0] is NULL: "at any time" */

/* ------------------------------------------------------------------ */
/* Building the catalog                                                */

static const char *member_roles[] = { "member", "observer", "dialogue-partner", "associate" };

static IisDate *
random_date (GRand *rand)
{
  guint year = g_rand_int_range (rand, 1990, 2025);
  guint month = g_rand_int_range (rand, 0, 13);
  guint day = month > 0 ? g_rand_int_range (rand, 0, 29) : 0;

  return iis_date_new (year, month, day);
}

static void
relate (IisCatalog      *catalog,
        GRand           *rand,
        IisRelationKind  kind,
        const char      *subject,
        const char      *object,
        const char      *role)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IisRelation) relation = NULL;

  relation = iis_relation_new (kind, iis_catalog_lookup (catalog, subject),
                               iis_catalog_lookup (catalog, object));
  if (role != NULL)
    iis_relation_set_role (relation, role);
  if (g_rand_boolean (rand))
    {
      g_autoptr(IisDate) start = random_date (rand);

      iis_relation_set_start (relation, start);
      if (g_rand_int_range (rand, 0, 3) == 0)
        {
          g_autoptr(IisDate) end = iis_date_new (iis_date_get_year (start)
                                                 + g_rand_int_range (rand, 1, 10), 0, 0);

          iis_relation_set_end (relation, end);
        }
    }
  if (g_rand_int_range (rand, 0, 8) == 0)
    {
      g_autofree char *value = g_strdup_printf ("%u", g_rand_int (rand));

      iis_relation_set_qualifier (relation, "deposit", value);
    }
  if (g_rand_int_range (rand, 0, 8) == 0)
    {
      g_autoptr(IisSource) source = iis_source_new ("A source");

      iis_relation_add_source (relation, source);
    }
  iis_catalog_add_relation (catalog, relation, &error);
  g_assert_no_error (error);
}

/* The fixture file, then generated entities and relations (the same
 * for the same seed). */
static IisCatalog *
build_catalog (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = iis_test_data_path ("full.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GRand) rand = g_rand_new_with_seed (1606);
  IisCatalog *catalog = iis_catalog_new ();
  char a[32], b[32];

  iis_catalog_load_from_file (catalog, file, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < 60; i++)
    {
      IisState *state;

      g_snprintf (a, sizeof a, "s%03u", i);
      state = iis_state_new (a, a);
      iis_entity_set_label (IIS_ENTITY (state), "ru", "государство");
      iis_entity_set_identifier (IIS_ENTITY (state), "wikidata", a);
      if (i % 7 == 0)
        {
          g_autoptr(IisSource) source = iis_source_new ("A state source");

          iis_entity_add_source (IIS_ENTITY (state), source);
        }
      iis_test_add (catalog, state);
    }
  for (guint i = 0; i < 20; i++)
    {
      g_snprintf (a, sizeof a, "o%02u", i);
      iis_test_add (catalog, iis_organization_new (a, a));
    }
  for (guint i = 0; i < 30; i++)
    {
      g_snprintf (a, sizeof a, "a%02u", i);
      iis_test_add (catalog, iis_agreement_new (a, a));
    }
  for (guint i = 0; i < 20; i++)
    {
      g_snprintf (a, sizeof a, "f%02u", i);
      iis_test_add (catalog, iis_forum_new (a, a));
    }
  for (guint i = 0; i < 15; i++)
    {
      g_snprintf (a, sizeof a, "t%02u", i);
      iis_test_add (catalog, iis_threat_category_new (a, a));
      if (i > 0)
        {
          g_snprintf (b, sizeof b, "t%02u", (i - 1) / 2);
          relate (catalog, rand, IIS_RELATION_KIND_PART_OF, a, b, NULL);
        }
    }
  for (guint i = 1; i < 20; i++)
    {
      g_snprintf (a, sizeof a, "o%02u", i);
      g_snprintf (b, sizeof b, "o%02u", g_rand_int_range (rand, 0, i));
      if (i % 3 == 0)
        relate (catalog, rand, IIS_RELATION_KIND_PART_OF, a, b, NULL);
    }

  for (guint n = 0; n < sizes.n_relations; n++)
    {
      guint state = g_rand_int_range (rand, 0, 60);
      guint org = g_rand_int_range (rand, 0, 20);
      guint agreement = g_rand_int_range (rand, 0, 30);
      guint forum = g_rand_int_range (rand, 0, 20);
      guint threat = g_rand_int_range (rand, 0, 15);

      switch (g_rand_int_range (rand, 0, 8))
        {
        case 0:
        case 1:
          g_snprintf (a, sizeof a, "s%03u", state);
          g_snprintf (b, sizeof b, "o%02u", org);
          relate (catalog, rand, IIS_RELATION_KIND_MEMBER_OF, a, b,
                  member_roles[g_rand_int_range (rand, 0, G_N_ELEMENTS (member_roles))]);
          break;
        case 2:
          g_snprintf (a, sizeof a, "s%03u", state);
          g_snprintf (b, sizeof b, "a%02u", agreement);
          relate (catalog, rand, IIS_RELATION_KIND_PARTY_TO, a, b,
                  g_rand_boolean (rand) ? "ratification" : "accession");
          break;
        case 3:
          g_snprintf (a, sizeof a, "s%03u", state);
          g_snprintf (b, sizeof b, "a%02u", agreement);
          relate (catalog, rand, IIS_RELATION_KIND_SIGNATORY_OF, a, b, NULL);
          break;
        case 4:
          g_snprintf (a, sizeof a, g_rand_boolean (rand) ? "s%03u" : "o%02u",
                      g_rand_boolean (rand) ? state : org);
          if (iis_catalog_lookup (catalog, a) == NULL)
            g_snprintf (a, sizeof a, "o%02u", org);
          g_snprintf (b, sizeof b, "f%02u", forum);
          relate (catalog, rand,
                  (IisRelationKind[]) { IIS_RELATION_KIND_PARTICIPANT_IN,
                                        IIS_RELATION_KIND_ORGANIZER_OF,
                                        IIS_RELATION_KIND_HOST_OF }[g_rand_int_range (rand, 0, 3)],
                  a, b, NULL);
          break;
        case 5:
          g_snprintf (a, sizeof a, g_rand_boolean (rand) ? "a%02u" : "f%02u",
                      g_rand_boolean (rand) ? agreement % 20 : forum);
          g_snprintf (b, sizeof b, "t%02u", threat);
          relate (catalog, rand, IIS_RELATION_KIND_ADDRESSES, a, b, NULL);
          break;
        case 6:
          g_snprintf (a, sizeof a, "a%02u", agreement);
          g_snprintf (b, sizeof b, "o%02u", org);
          relate (catalog, rand, IIS_RELATION_KIND_ADOPTED_WITHIN, a, b, NULL);
          break;
        default:
          g_snprintf (a, sizeof a, "a%02u", agreement);
          g_snprintf (b, sizeof b, "a%02u", (agreement + 1 + g_rand_int_range (rand, 0, 29)) % 30);
          relate (catalog, rand, IIS_RELATION_KIND_REFERENCES, a, b, NULL);
          break;
        }
    }

  return catalog;
}

/* ------------------------------------------------------------------ */
/* Asking                                                              */

typedef struct
{
  IisCatalog *catalog;
  char      **ids;          /* every entity id, sorted */
  guint       n_ids;
  guint       first;        /* where this asker starts */
  gboolean    hold;         /* keep the relation objects: slot → object */
  GHashTable *held;
  char      **answers;      /* out: n_ids + 1 texts, the last the global one */
} Asker;

static void
describe_date (GString       *out,
               const IisDate *date)
{
  g_autofree char *text = date != NULL ? iis_date_to_string (date) : NULL;

  g_string_append (out, text != NULL ? text : "-");
}

static void
describe_relations (Asker      *asker,
                    GString    *out,
                    GListModel *relations)
{
  guint n = g_list_model_get_n_items (relations);

  g_string_append_printf (out, "[%u", n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IisRelation) relation = g_list_model_get_item (relations, i);
      g_auto(GStrv) keys = iis_relation_dup_qualifier_keys (relation);

      g_assert_true (iis_relation_is_in_catalog (relation));
      g_string_append_printf (out, " %s:%s:%s:%s:",
                              iis_relation_kind_to_nick (iis_relation_get_kind (relation)),
                              iis_entity_get_id (iis_relation_get_subject (relation)),
                              iis_entity_get_id (iis_relation_get_object (relation)),
                              iis_relation_get_role (relation) ? iis_relation_get_role (relation) : "");
      describe_date (out, iis_relation_get_start (relation));
      g_string_append_c (out, ':');
      describe_date (out, iis_relation_get_end (relation));
      g_string_append_printf (out, ":%d", iis_relation_get_confidence (relation));
      for (guint k = 0; keys[k] != NULL; k++)
        g_string_append_printf (out, ":%s=%s", keys[k],
                                iis_relation_get_qualifier (relation, keys[k]));
      /* Not the sources: a relation's list of sources is a GListStore
       * shared by every thread holding the relation, which only one
       * thread at a time may read (see sources_text ()). */

      if (asker->hold)
        {
          gpointer key = GUINT_TO_POINTER (_iis_relation_get_slot (relation) + 1);
          IisRelation *known = g_hash_table_lookup (asker->held, key);

          /* While it is held, a relation is one object. */
          if (known != NULL)
            g_assert_true (known == relation);
          else
            g_hash_table_insert (asker->held, key, g_object_ref (relation));
        }
    }
  g_string_append (out, "]\n");
}

static void
describe_entities (GString    *out,
                   GListModel *entities)
{
  guint n = g_list_model_get_n_items (entities);

  g_string_append_printf (out, "{%u", n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IisEntity) entity = g_list_model_get_item (entities, i);

      g_string_append_printf (out, " %s", iis_entity_get_id (entity));
    }
  g_string_append (out, "}\n");
}

/* Take ownership of @model, describe it, drop it. */
static void
relations_answer (Asker      *asker,
                  GString    *out,
                  GListModel *model)
{
  describe_relations (asker, out, model);
  g_object_unref (model);
}

static void
entities_answer (GString    *out,
                 GListModel *model)
{
  describe_entities (out, model);
  g_object_unref (model);
}

static char *
ask_about (Asker      *asker,
           const char *id)
{
  IisCatalog *catalog = asker->catalog;
  IisEntity *entity = iis_catalog_lookup (catalog, id);
  GString *out = g_string_new (id);

  g_assert_nonnull (entity);
  g_string_append_printf (out, " %s %s %s %s\n", G_OBJECT_TYPE_NAME (entity),
                          iis_entity_get_name (entity) ? iis_entity_get_name (entity) : "-",
                          iis_entity_get_label (entity, "ru") ? iis_entity_get_label (entity, "ru") : "-",
                          iis_entity_get_identifier (entity, "wikidata") ? iis_entity_get_identifier (entity, "wikidata") : "-");
  if (iis_entity_get_identifier (entity, "wikidata") != NULL)
    g_assert_true (iis_catalog_find_by_identifier (catalog, "wikidata",
                                                   iis_entity_get_identifier (entity, "wikidata"))
                   == entity);

  relations_answer (asker, out, iis_catalog_list_relations (catalog, entity, IIS_RELATION_KIND_ANY, NULL));
  relations_answer (asker, out, iis_catalog_list_relations (catalog, NULL, IIS_RELATION_KIND_ANY, entity));
  entities_answer (out, iis_catalog_get_parts (catalog, entity, FALSE));
  entities_answer (out, iis_catalog_get_parts (catalog, entity, TRUE));
  entities_answer (out, iis_catalog_get_wholes (catalog, entity, FALSE));
  entities_answer (out, iis_catalog_get_wholes (catalog, entity, TRUE));

  for (guint d = 0; d < G_N_ELEMENTS (dates); d++)
    {
      const IisDate *at = dates[d];

      relations_answer (asker, out, iis_catalog_get_memberships (catalog, entity, at));
      entities_answer (out, iis_catalog_get_agreements_of (catalog, entity, at));
      entities_answer (out, iis_catalog_get_forums_of (catalog, entity, at));
      entities_answer (out, iis_catalog_get_related (catalog, entity, IIS_RELATION_KIND_ANY, FALSE, at));
      entities_answer (out, iis_catalog_get_related (catalog, entity, IIS_RELATION_KIND_ANY, TRUE, at));
      entities_answer (out, iis_catalog_get_related (catalog, entity, IIS_RELATION_KIND_MEMBER_OF, TRUE, at));

      if (IIS_IS_ORGANIZATION (entity))
        {
          IisOrganization *org = IIS_ORGANIZATION (entity);

          entities_answer (out, iis_catalog_get_members (catalog, org, NULL, at));
          entities_answer (out, iis_catalog_get_members (catalog, org, "member", at));
          for (guint i = 0; i < asker->n_ids; i += 7)
            g_string_append_c (out, iis_catalog_is_member (catalog,
                                                           iis_catalog_lookup (catalog, asker->ids[i]),
                                                           org, at) ? 'y' : 'n');
          g_string_append_c (out, '\n');
        }
      else if (IIS_IS_AGREEMENT (entity))
        {
          entities_answer (out, iis_catalog_get_parties (catalog, IIS_AGREEMENT (entity), at));
        }
    }

  if (IIS_IS_AGREEMENT (entity))
    entities_answer (out, iis_catalog_get_signatories (catalog, IIS_AGREEMENT (entity)));
  if (IIS_IS_THREAT_CATEGORY (entity))
    {
      entities_answer (out, iis_catalog_get_agreements_addressing (catalog, IIS_THREAT_CATEGORY (entity), FALSE));
      entities_answer (out, iis_catalog_get_agreements_addressing (catalog, IIS_THREAT_CATEGORY (entity), TRUE));
    }

  return g_string_free (out, FALSE);
}

static char *
ask_globally (Asker *asker)
{
  IisCatalog *catalog = asker->catalog;
  GString *out = g_string_new (NULL);
  GType types[] = { IIS_TYPE_ENTITY, IIS_TYPE_STATE, IIS_TYPE_ORGANIZATION,
                    IIS_TYPE_AGREEMENT, IIS_TYPE_FORUM, IIS_TYPE_THREAT_CATEGORY };
  g_autoptr(GListModel) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IisQuery) query = iis_query_new ();
  g_autoptr(GListModel) found = NULL;

  g_string_append_printf (out, "%u entities, %u relations\n",
                          iis_catalog_get_n_entities (catalog), iis_catalog_get_n_relations (catalog));
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    entities_answer (out, iis_catalog_list_entities (catalog, types[i]));
  for (int kind = IIS_RELATION_KIND_ANY; kind <= IIS_RELATION_KIND_REFERENCES; kind++)
    relations_answer (asker, out, iis_catalog_list_relations (catalog, NULL, kind, NULL));

  problems = iis_catalog_validate (catalog);
  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(IisProblem) problem = g_list_model_get_item (problems, i);

      g_string_append_printf (out, "problem %s\n", iis_problem_get_message (problem));
    }

  iis_query_set_entity_type (query, IIS_TYPE_STATE);
  iis_query_add_related (query, IIS_RELATION_KIND_MEMBER_OF, "o03", NULL, FALSE);
  iis_query_set_at (query, dates[3]);
  found = iis_query_run (query, catalog, &error);
  g_assert_no_error (error);
  describe_entities (out, found);

  return g_string_free (out, FALSE);
}

static gpointer
ask_everything (gpointer data)
{
  Asker *asker = data;

  asker->answers = g_new0 (char *, asker->n_ids + 2);
  /* Each asker starts somewhere else, and the global questions come in
   * the middle, so different threads do different things at once. */
  for (guint k = 0; k < asker->n_ids; k++)
    {
      guint i = (asker->first + k) % asker->n_ids;

      asker->answers[i] = ask_about (asker, asker->ids[i]);
      if (k == asker->n_ids / 2)
        asker->answers[asker->n_ids] = ask_globally (asker);
    }
  return NULL;
}

static void
asker_clear (Asker *asker)
{
  g_strfreev (asker->answers);
  g_clear_pointer (&asker->held, g_hash_table_unref);
}

static char **
entity_ids (IisCatalog *catalog,
            guint      *n)
{
  g_autoptr(GListModel) entities = iis_catalog_list_entities (catalog, IIS_TYPE_ENTITY);
  char **ids;

  *n = g_list_model_get_n_items (entities);
  ids = g_new0 (char *, *n + 1);
  for (guint i = 0; i < *n; i++)
    {
      g_autoptr(IisEntity) entity = g_list_model_get_item (entities, i);

      ids[i] = g_strdup (iis_entity_get_id (entity));
    }
  return ids;
}

/* The sources of every relation and entity, read in one thread: the
 * lists the objects keep, which one thread at a time may read. */
static char *
sources_text (IisCatalog *catalog)
{
  g_autoptr(GListModel) relations =
    iis_catalog_list_relations (catalog, NULL, IIS_RELATION_KIND_ANY, NULL);
  g_autoptr(GListModel) entities = iis_catalog_list_entities (catalog, IIS_TYPE_ENTITY);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(IisRelation) relation = g_list_model_get_item (relations, i);
      GListModel *sources = iis_relation_get_sources (relation);

      g_string_append_printf (out, "%u:%u", i, g_list_model_get_n_items (sources));
      for (guint k = 0; k < g_list_model_get_n_items (sources); k++)
        {
          g_autoptr(IisSource) source = g_list_model_get_item (sources, k);

          g_string_append_printf (out, "<%s>", iis_source_get_title (source));
        }
      g_string_append_c (out, ' ');
    }
  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(IisEntity) entity = g_list_model_get_item (entities, i);

      g_string_append_printf (out, "%s:%u ", iis_entity_get_id (entity),
                              g_list_model_get_n_items (iis_entity_get_sources (entity)));
    }
  return g_string_free (out, FALSE);
}

static void
test_concurrent_questions (void)
{
  g_autoptr(IisCatalog) reference = build_catalog ();
  g_auto(GStrv) ids = NULL;
  guint n_ids;
  Asker expected = { 0, };
  g_autofree char *expected_sources = NULL;

  /* The answers of one thread, alone. */
  ids = entity_ids (reference, &n_ids);
  g_assert_cmpuint (n_ids, >, 150);
  expected.catalog = reference;
  expected.ids = ids;
  expected.n_ids = n_ids;
  ask_everything (&expected);
  expected_sources = sources_text (reference);
  g_assert_nonnull (strstr (expected_sources, "<A source>"));

  for (guint round = 0; round < sizes.n_rounds; round++)
    {
      /* Fresh, so every lazy index is still to be built. */
      g_autoptr(IisCatalog) catalog = build_catalog ();
      g_autofree GThread **threads = g_new0 (GThread *, sizes.n_threads);
      g_autofree Asker *askers = g_new0 (Asker, sizes.n_threads);
      gboolean hold = round % 2 == 1;

      for (guint t = 0; t < sizes.n_threads; t++)
        {
          askers[t].catalog = catalog;
          askers[t].ids = ids;
          askers[t].n_ids = n_ids;
          askers[t].first = t * n_ids / sizes.n_threads;
          askers[t].hold = hold;
          if (hold)
            askers[t].held = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
        }
      for (guint t = 0; t < sizes.n_threads; t++)
        threads[t] = g_thread_new ("asker", ask_everything, &askers[t]);
      for (guint t = 0; t < sizes.n_threads; t++)
        g_thread_join (threads[t]);

      for (guint t = 0; t < sizes.n_threads; t++)
        {
          for (guint i = 0; i <= n_ids; i++)
            g_assert_cmpstr (askers[t].answers[i], ==, expected.answers[i]);

          /* Every thread held the same object for each relation. */
          if (hold && t > 0)
            {
              GHashTableIter iter;
              gpointer key, value;

              g_assert_cmpuint (g_hash_table_size (askers[t].held), ==,
                                g_hash_table_size (askers[0].held));
              g_hash_table_iter_init (&iter, askers[t].held);
              while (g_hash_table_iter_next (&iter, &key, &value))
                g_assert_true (g_hash_table_lookup (askers[0].held, key) == value);
            }
        }
      if (hold)
        g_assert_cmpuint (g_hash_table_size (askers[0].held), ==,
                          iis_catalog_get_n_relations (catalog));

      /* What the threads made, read in one thread again. */
      {
        g_autofree char *text = sources_text (catalog);

        g_assert_cmpstr (text, ==, expected_sources);
      }

      for (guint t = 0; t < sizes.n_threads; t++)
        asker_clear (&askers[t]);
    }

  asker_clear (&expected);
}

/* Relation objects made in one thread and dropped in another while the
 * catalog makes them again elsewhere: the weak references never hand
 * out a dying object. */
typedef struct
{
  IisCatalog *catalog;
  guint       n_rounds;
} Churn;

static gpointer
churn (gpointer data)
{
  Churn *c = data;

  for (guint i = 0; i < c->n_rounds; i++)
    {
      g_autoptr(GListModel) relations =
        iis_catalog_list_relations (c->catalog, NULL, IIS_RELATION_KIND_ANY, NULL);
      guint n = g_list_model_get_n_items (relations);

      g_assert_cmpuint (n, ==, iis_catalog_get_n_relations (c->catalog));
      for (guint k = 0; k < n; k += 5)
        {
          g_autoptr(IisRelation) relation = g_list_model_get_item (relations, k);

          g_assert_true (iis_relation_is_in_catalog (relation));
          g_assert_nonnull (iis_relation_get_subject (relation));
        }
    }
  return NULL;
}

static void
test_relation_objects_churn (void)
{
  g_autoptr(IisCatalog) catalog = build_catalog ();
  g_autofree GThread **threads = g_new0 (GThread *, sizes.n_threads);
  Churn c = { catalog, sizes.small ? 3 : 20 };

  for (guint t = 0; t < sizes.n_threads; t++)
    threads[t] = g_thread_new ("churn", churn, &c);
  for (guint t = 0; t < sizes.n_threads; t++)
    g_thread_join (threads[t]);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  /* Under valgrind (which runs one thread at a time; its test setup sets
   * IIS_TEST_SCALE_SMALL) and AddressSanitizer (which unwinds the stack
   * on every malloc in the asan test setup), less. */
  sizes.small = g_getenv ("IIS_TEST_SCALE_SMALL") != NULL && !g_test_slow ();
#if defined(__SANITIZE_ADDRESS__)
  sizes.small = !g_test_slow ();
#endif
  sizes.n_threads = sizes.small ? 4 : 8;
  sizes.n_rounds = sizes.small ? 2 : 6;
  sizes.n_relations = sizes.small ? 600 : 3000;

  dates[0] = NULL;
  dates[1] = iis_test_date ("1995");
  dates[2] = iis_test_date ("2005-06");
  dates[3] = iis_test_date ("2010-06-02");
  dates[4] = iis_test_date ("2018-01-01");

  g_test_add_func ("/iis/threads/concurrent-questions", test_concurrent_questions);
  g_test_add_func ("/iis/threads/relation-objects-churn", test_relation_objects_churn);

  status = g_test_run ();

  for (guint d = 1; d < G_N_ELEMENTS (dates); d++)
    iis_date_free (dates[d]);
  return status;
}
