/* test-catalog.c: adding, removing, looking up; signals
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include <libiis/iis.h>

#include "iis-catalog-debug-private.h"
#include "iis-catalog-private.h"
#include "iis-test-util.h"

static void
test_add_lookup (void)
{
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();
  g_autoptr(IisState) uz = iis_state_new ("UZ", "Uzbekistan");
  g_autoptr(IisOrganization) sco = iis_organization_new ("sco", "SCO");
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GListModel) states = NULL;
  g_autoptr(GListModel) orgs = NULL;
  guint n_entities = 0;

  g_assert_cmpuint (iis_catalog_get_n_entities (catalog), ==, 0);
  g_assert_null (iis_catalog_lookup (catalog, "UZ"));

  g_assert_true (iis_catalog_add_entity (catalog, IIS_ENTITY (uz), &error));
  g_assert_no_error (error);
  g_assert_true (iis_catalog_add_entity (catalog, IIS_ENTITY (sco), &error));
  g_assert_no_error (error);

  g_assert_true (iis_catalog_lookup (catalog, "UZ") == IIS_ENTITY (uz));
  g_assert_true (iis_catalog_lookup (catalog, "sco") == IIS_ENTITY (sco));
  g_assert_null (iis_catalog_lookup (catalog, "uz"));
  g_assert_cmpuint (iis_catalog_get_n_entities (catalog), ==, 2);
  g_object_get (catalog, "n-entities", &n_entities, NULL);
  g_assert_cmpuint (n_entities, ==, 2);

  all = iis_catalog_list_entities (catalog, IIS_TYPE_ENTITY);
  states = iis_catalog_list_entities (catalog, IIS_TYPE_STATE);
  orgs = iis_catalog_list_entities (catalog, IIS_TYPE_ORGANIZATION);
  {
    g_autofree char *a = iis_test_ids (all);
    g_autofree char *s = iis_test_ids (states);
    g_autofree char *o = iis_test_ids (orgs);

    /* Byte order: upper case before lower case. */
    g_assert_cmpstr (a, ==, "UZ sco");
    g_assert_cmpstr (s, ==, "UZ");
    g_assert_cmpstr (o, ==, "sco");
  }
  g_assert_true (g_list_model_get_item_type (states) == IIS_TYPE_STATE);
}

static void
test_duplicate_id (void)
{
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();
  g_autoptr(IisState) first = iis_state_new ("UZ", "Uzbekistan");
  g_autoptr(IisOrganization) second = iis_organization_new ("UZ", "Same id, other type");
  g_autoptr(GError) error = NULL;

  g_assert_true (iis_catalog_add_entity (catalog, IIS_ENTITY (first), NULL));
  g_assert_false (iis_catalog_add_entity (catalog, IIS_ENTITY (second), &error));
  g_assert_error (error, IIS_ERROR, IIS_ERROR_DUPLICATE_ID);
  g_assert_nonnull (strstr (error->message, "“UZ”"));
  g_assert_true (iis_catalog_lookup (catalog, "UZ") == IIS_ENTITY (first));
  g_assert_cmpuint (iis_catalog_get_n_entities (catalog), ==, 1);

  /* Adding the same object twice is the same duplicate. */
  g_clear_error (&error);
  g_assert_false (iis_catalog_add_entity (catalog, IIS_ENTITY (first), &error));
  g_assert_error (error, IIS_ERROR, IIS_ERROR_DUPLICATE_ID);
}

static void
test_invalid_ids (void)
{
  const char *bad[] = { "tab\there", "new\nline", "bell\a" };
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();
  g_autofree char *long_id = g_strnfill (257, 'x');

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(IisState) s = g_object_new (IIS_TYPE_STATE, "id", bad[i], NULL);
      g_autoptr(GError) error = NULL;

      g_assert_false (iis_catalog_add_entity (catalog, IIS_ENTITY (s), &error));
      g_assert_error (error, IIS_ERROR, IIS_ERROR_INVALID_VALUE);
    }
  {
    g_autoptr(IisState) s = iis_state_new (long_id, "Long");
    g_autoptr(GError) error = NULL;

    g_assert_false (iis_catalog_add_entity (catalog, IIS_ENTITY (s), &error));
    g_assert_error (error, IIS_ERROR, IIS_ERROR_INVALID_VALUE);
    g_assert_true (g_str_has_suffix (error->message, "…”: longer than 256 bytes"));
  }
  /* The messages are the reader's (tests/data/bad/EXPECTED), without
   * the place a file gives. */
  {
    g_autoptr(IisState) s = g_object_new (IIS_TYPE_STATE, "id", "K\nZ", NULL);
    g_autoptr(GError) error = NULL;

    g_assert_false (iis_catalog_add_entity (catalog, IIS_ENTITY (s), &error));
    g_assert_cmpstr (error->message, ==, "Invalid id “K\\nZ”: it contains a control character");
  }
  g_assert_cmpuint (iis_catalog_get_n_entities (catalog), ==, 0);
}

static void
test_relation_errors (void)
{
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();
  g_autoptr(IisState) uz = iis_state_new ("UZ", "Uzbekistan");
  g_autoptr(IisState) kz = iis_state_new ("KZ", "Kazakhstan");
  g_autoptr(IisOrganization) sco = iis_organization_new ("sco", "SCO");
  g_autoptr(IisAgreement) agr = iis_agreement_new ("agr", "An agreement");
  g_autoptr(IisOrganization) outside = iis_organization_new ("outside", "Not added");
  g_autoptr(GError) error = NULL;

  iis_catalog_add_entity (catalog, IIS_ENTITY (uz), NULL);
  iis_catalog_add_entity (catalog, IIS_ENTITY (kz), NULL);
  iis_catalog_add_entity (catalog, IIS_ENTITY (sco), NULL);
  iis_catalog_add_entity (catalog, IIS_ENTITY (agr), NULL);

  /* A dangling end. */
  {
    g_autoptr(IisRelation) r = iis_relation_new (IIS_RELATION_KIND_MEMBER_OF,
                                                 IIS_ENTITY (uz), IIS_ENTITY (outside));

    g_assert_false (iis_catalog_add_relation (catalog, r, &error));
    g_assert_error (error, IIS_ERROR, IIS_ERROR_UNKNOWN_REFERENCE);
    g_assert_nonnull (strstr (error->message, "“outside”"));
    g_assert_false (iis_relation_is_in_catalog (r));
    g_clear_error (&error);
  }

  /* Wrong types: a state cannot be a member of a state, an organization
   * cannot address anything, an agreement cannot be a member. */
  {
    struct { IisRelationKind kind; gpointer subject, object; } cases[] = {
      { IIS_RELATION_KIND_MEMBER_OF, uz, kz },
      { IIS_RELATION_KIND_MEMBER_OF, agr, sco },
      { IIS_RELATION_KIND_PARTY_TO, uz, sco },
      { IIS_RELATION_KIND_PART_OF, uz, kz },
      { IIS_RELATION_KIND_PART_OF, sco, agr },
      { IIS_RELATION_KIND_ADOPTED_WITHIN, sco, agr },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autoptr(IisRelation) r = iis_relation_new (cases[i].kind, cases[i].subject,
                                                     cases[i].object);

        g_assert_false (iis_catalog_add_relation (catalog, r, &error));
        g_assert_error (error, IIS_ERROR, IIS_ERROR_TYPE_MISMATCH);
        g_assert_nonnull (strstr (error->message, iis_relation_kind_to_nick (cases[i].kind)));
        g_clear_error (&error);
      }
  }

  g_assert_cmpuint (iis_catalog_get_n_relations (catalog), ==, 0);
}

typedef struct
{
  GPtrArray *events;
} Recorder;

static void
record (Recorder   *recorder,
        const char *what,
        const char *id)
{
  g_ptr_array_add (recorder->events, g_strdup_printf ("%s %s", what, id));
}

static void
on_entity_added (IisCatalog *catalog,
                 IisEntity  *entity,
                 Recorder   *recorder)
{
  record (recorder, "entity-added", iis_entity_get_id (entity));
}

static void
on_entity_removed (IisCatalog *catalog,
                   IisEntity  *entity,
                   Recorder   *recorder)
{
  /* Removed entities are out of the catalog already. */
  g_assert_null (iis_catalog_lookup (catalog, iis_entity_get_id (entity)));
  record (recorder, "entity-removed", iis_entity_get_id (entity));
}

static void
on_relation_added (IisCatalog  *catalog,
                   IisRelation *relation,
                   Recorder    *recorder)
{
  g_assert_true (iis_relation_is_in_catalog (relation));
  record (recorder, "relation-added", iis_entity_get_id (iis_relation_get_subject (relation)));
}

static void
on_relation_removed (IisCatalog  *catalog,
                     IisRelation *relation,
                     Recorder    *recorder)
{
  g_assert_false (iis_relation_is_in_catalog (relation));
  record (recorder, "relation-removed", iis_entity_get_id (iis_relation_get_subject (relation)));
}

static char *
events_string (Recorder *recorder)
{
  g_ptr_array_add (recorder->events, NULL);
  {
    char *s = g_strjoinv (", ", (char **) recorder->events->pdata);

    g_ptr_array_set_size (recorder->events, 0);
    return s;
  }
}

static void
test_signals_and_cascade (void)
{
  g_autoptr(IisCatalog) catalog = iis_test_scenario_new ();
  Recorder recorder = { g_ptr_array_new_with_free_func (g_free) };
  IisEntity *by = iis_catalog_lookup (catalog, "BY");
  g_autoptr(IisEntity) held = g_object_ref (by);
  g_autoptr(GListModel) before = iis_catalog_get_memberships (catalog, by, NULL);
  g_autoptr(IisRelation) kept = g_list_model_get_item (before, 0);
  guint n_relations = iis_catalog_get_n_relations (catalog);
  g_autofree char *events = NULL;

  g_signal_connect (catalog, "entity-added", G_CALLBACK (on_entity_added), &recorder);
  g_signal_connect (catalog, "entity-removed", G_CALLBACK (on_entity_removed), &recorder);
  g_signal_connect (catalog, "relation-added", G_CALLBACK (on_relation_added), &recorder);
  g_signal_connect (catalog, "relation-removed", G_CALLBACK (on_relation_removed), &recorder);

  g_assert_true (iis_relation_is_in_catalog (kept));
  g_assert_true (iis_catalog_remove_entity (catalog, by));
  events = events_string (&recorder);
  g_assert_cmpstr (events, ==,
                   "relation-removed BY, relation-removed BY, relation-removed BY, entity-removed BY");
  g_assert_cmpuint (iis_catalog_get_n_relations (catalog), ==, n_relations - 3);
  g_assert_null (iis_catalog_lookup (catalog, "BY"));

  /* A relation object handed out before keeps its data, unbound. */
  g_assert_false (iis_relation_is_in_catalog (kept));
  g_assert_true (iis_relation_get_subject (kept) == held);
  g_assert_false (iis_catalog_remove_relation (catalog, kept));

  /* Nothing refers to Belarus any more. */
  {
    IisEntity *sco = iis_catalog_lookup (catalog, "sco");
    g_autoptr(GListModel) members = iis_catalog_get_members (catalog, IIS_ORGANIZATION (sco),
                                                             NULL, NULL);
    g_autofree char *ids = iis_test_ids (members);

    g_assert_cmpstr (ids, ==, "CN IN KZ RU UZ");
  }

  /* Removing twice does nothing; adding again works, with no relations. */
  g_assert_false (iis_catalog_remove_entity (catalog, held));
  g_assert_true (iis_catalog_add_entity (catalog, held, NULL));
  g_clear_pointer (&events, g_free);
  events = events_string (&recorder);
  g_assert_cmpstr (events, ==, "entity-added BY");
  {
    g_autoptr(GListModel) again = iis_catalog_get_memberships (catalog, held, NULL);

    g_assert_cmpuint (g_list_model_get_n_items (again), ==, 0);
  }

  /* A relation added and removed again. */
  {
    g_autoptr(IisRelation) r = iis_test_relate (catalog, "BY", IIS_RELATION_KIND_MEMBER_OF,
                                                "sco", "observer", "2015", NULL);

    g_assert_true (iis_catalog_remove_relation (catalog, r));
    g_assert_false (iis_relation_is_in_catalog (r));
    g_clear_pointer (&events, g_free);
    events = events_string (&recorder);
    g_assert_cmpstr (events, ==, "relation-added BY, relation-removed BY");
  }

  g_signal_handlers_disconnect_by_data (catalog, &recorder);
  g_ptr_array_unref (recorder.events);
}

/* ---- Handlers that change the catalog during a load ---------------- */

typedef struct
{
  Recorder    recorder;
  const char *remove_on;    /* when this entity is announced … */
  const char *remove;       /* … remove this one */
  const char *add;          /* … and add a state with this id */
} Meddler;

static void
meddle (IisCatalog *catalog,
        IisEntity  *entity,
        Meddler    *meddler)
{
  record (&meddler->recorder, "entity-added", iis_entity_get_id (entity));
  if (g_strcmp0 (iis_entity_get_id (entity), meddler->remove_on) != 0)
    return;
  if (meddler->remove != NULL)
    g_assert_true (iis_catalog_remove_entity (catalog,
                                              iis_catalog_lookup (catalog, meddler->remove)));
  if (meddler->add != NULL)
    {
      g_autoptr(IisState) state = iis_state_new (meddler->add, meddler->add);

      g_assert_true (iis_catalog_add_entity (catalog, IIS_ENTITY (state), NULL));
    }
}

static const char signal_document[] =
  "{\"format\": \"libiis-catalog\", \"version\": \"1.0\","
  " \"entities\": ["
  "  {\"type\": \"state\", \"id\": \"AA\", \"name\": \"A\"},"
  "  {\"type\": \"state\", \"id\": \"BB\", \"name\": \"B\"}],"
  " \"relations\": ["
  "  {\"kind\": \"member-of\", \"subject\": \"AA\", \"object\": \"sco\"},"
  "  {\"kind\": \"member-of\", \"subject\": \"BB\", \"object\": \"sco\"}]}";

/* A handler of a load's signals may change the catalog: the load has
 * committed everything before the first signal, so a handler that
 * removes an entity the document's relations refer to (whose slot the
 * next new entity would have taken) cannot re-point them, and what is
 * left saves and loads again. Signals of what a handler removed before
 * its turn are not emitted. */
static void
test_load_signal_handler_changes_catalog (void)
{
  for (guint variant = 0; variant < 2; variant++)
    {
      g_autoptr(IisCatalog) catalog = iis_catalog_new ();
      g_autoptr(IisCatalog) again = iis_catalog_new ();
      g_autoptr(IisOrganization) sco = iis_organization_new ("sco", "SCO");
      g_autoptr(GError) error = NULL;
      g_autofree char *events = NULL;
      g_autofree char *text = NULL;
      Meddler meddler = { { g_ptr_array_new_with_free_func (g_free) }, "AA", "sco", NULL };

      if (variant == 1)
        meddler.add = "CC";
      iis_catalog_add_entity (catalog, IIS_ENTITY (sco), NULL);
      g_signal_connect (catalog, "entity-added", G_CALLBACK (meddle), &meddler);
      g_signal_connect (catalog, "entity-removed", G_CALLBACK (on_entity_removed), &meddler.recorder);
      g_signal_connect (catalog, "relation-added", G_CALLBACK (on_relation_added), &meddler.recorder);
      g_signal_connect (catalog, "relation-removed", G_CALLBACK (on_relation_removed), &meddler.recorder);

      g_assert_true (iis_catalog_load_from_data (catalog, signal_document, -1, &error));
      g_assert_no_error (error);

      events = events_string (&meddler.recorder);
      /* Removing sco announces its relations in the order of its own
       * arrays (by kind, then other end), then sco. */
      if (variant == 0)
        g_assert_cmpstr (events, ==,
                         "entity-added AA, relation-removed AA, relation-removed BB, "
                         "entity-removed sco, entity-added BB");
      else
        g_assert_cmpstr (events, ==,
                         "entity-added AA, relation-removed AA, relation-removed BB, "
                         "entity-removed sco, entity-added CC, entity-added BB");

      g_assert_null (iis_catalog_lookup (catalog, "sco"));
      g_assert_cmpuint (iis_catalog_get_n_relations (catalog), ==, 0);
      g_assert_cmpuint (iis_catalog_get_n_entities (catalog), ==, 2 + variant);
      {
        g_autoptr(GListModel) relations =
          iis_catalog_list_relations (catalog, NULL, IIS_RELATION_KIND_ANY, NULL);

        g_assert_cmpuint (g_list_model_get_n_items (relations), ==, 0);
      }
      _iis_catalog_check_invariants (catalog);

      text = iis_catalog_to_data (catalog, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (iis_catalog_load_from_data (again, text, -1, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (iis_catalog_get_n_entities (again), ==, 2 + variant);

      g_signal_handlers_disconnect_by_data (catalog, &meddler);
      g_signal_handlers_disconnect_by_data (catalog, &meddler.recorder);
      g_ptr_array_unref (meddler.recorder.events);
    }
}

static char *
first_source_title (IisCatalog *catalog,
                    const char *subject)
{
  g_autoptr(GListModel) relations =
    iis_catalog_list_relations (catalog, iis_catalog_lookup (catalog, subject),
                                IIS_RELATION_KIND_PARTICIPANT_IN, NULL);
  g_autoptr(IisRelation) relation = g_list_model_get_item (relations, 0);
  g_autoptr(IisSource) source = g_list_model_get_item (iis_relation_get_sources (relation), 0);

  return g_strdup (iis_source_get_title (source));
}

/* Sources are pooled by content: two sources whose fields differ only in
 * where a control character falls between them (title "a\x1fb" and url
 * "c" against title "a" and url "b\x1fc"), or in a missing against an
 * empty field, stay two sources, each on its own relation. */
static void
test_source_pool_keeps_different_sources (void)
{
  g_autoptr(IisCatalog) catalog = iis_test_scenario_new ();
  g_autoptr(IisSource) one = iis_source_new ("a\x1f" "b");
  g_autoptr(IisSource) two = iis_source_new ("a");
  g_autoptr(IisRelation) uz = NULL;
  g_autoptr(IisRelation) kz = NULL;
  g_autoptr(GListModel) uz_sources = NULL;
  g_autoptr(GListModel) kz_sources = NULL;
  g_autoptr(IisSource) got_one = NULL;
  g_autoptr(IisSource) got_two = NULL;

  iis_source_set_url (one, "c");
  iis_source_set_url (two, "b\x1f" "c");
  uz = iis_test_relate (catalog, "UZ", IIS_RELATION_KIND_PARTICIPANT_IN, "forum-undated",
                        NULL, NULL, NULL);
  kz = iis_test_relate (catalog, "KZ", IIS_RELATION_KIND_PARTICIPANT_IN, "forum-undated",
                        NULL, NULL, NULL);
  iis_relation_add_source (uz, one);
  iis_relation_add_source (kz, two);
  _iis_catalog_check_invariants (catalog);
  g_clear_object (&uz);
  g_clear_object (&kz);

  {
    g_autoptr(GListModel) list = iis_catalog_list_relations (catalog, iis_catalog_lookup (catalog, "UZ"),
                                                             IIS_RELATION_KIND_PARTICIPANT_IN, NULL);
    g_autoptr(IisRelation) r = g_list_model_get_item (list, 0);

    got_one = g_list_model_get_item (iis_relation_get_sources (r), 0);
  }
  {
    g_autoptr(GListModel) list = iis_catalog_list_relations (catalog, iis_catalog_lookup (catalog, "KZ"),
                                                             IIS_RELATION_KIND_PARTICIPANT_IN, NULL);
    g_autoptr(IisRelation) r = g_list_model_get_item (list, 0);

    got_two = g_list_model_get_item (iis_relation_get_sources (r), 0);
  }
  g_assert_cmpstr (iis_source_get_title (got_one), ==, "a\x1f" "b");
  g_assert_cmpstr (iis_source_get_url (got_one), ==, "c");
  g_assert_cmpstr (iis_source_get_title (got_two), ==, "a");
  g_assert_cmpstr (iis_source_get_url (got_two), ==, "b\x1f" "c");
}

/* A source edited after it was attached to a relation in a catalog is
 * kept in step: the catalog's pooled copy, the relation objects made
 * later, and what is saved all show the edit, as an entity's sources
 * do. A source of a relation no longer in the catalog changes nothing
 * there. */
static void
test_source_edited_after_attach (void)
{
  g_autoptr(IisCatalog) catalog = iis_test_scenario_new ();
  g_autoptr(IisSource) source = iis_source_new ("Old title");
  g_autoptr(IisRelation) uz = NULL;
  g_autoptr(IisRelation) kz = NULL;
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;

  uz = iis_test_relate (catalog, "UZ", IIS_RELATION_KIND_PARTICIPANT_IN, "forum-undated",
                        NULL, NULL, NULL);
  kz = iis_test_relate (catalog, "KZ", IIS_RELATION_KIND_PARTICIPANT_IN, "forum-undated",
                        NULL, NULL, NULL);
  /* One source object on two relations */
  iis_catalog_remove_relation (catalog, uz);
  iis_catalog_remove_relation (catalog, kz);
  iis_relation_add_source (uz, source);
  iis_relation_add_source (kz, source);
  g_assert_true (iis_catalog_add_relation (catalog, uz, NULL));
  g_assert_true (iis_catalog_add_relation (catalog, kz, NULL));

  iis_source_set_title (source, "New title");
  _iis_catalog_check_invariants (catalog);
  text = iis_catalog_to_data (catalog, NULL, NULL);
  g_assert_null (strstr (text, "Old title"));
  g_assert_nonnull (strstr (text, "New title"));

  /* Relation objects made after the edit read the pool. */
  g_clear_object (&uz);
  g_clear_object (&kz);
  title = first_source_title (catalog, "UZ");
  g_assert_cmpstr (title, ==, "New title");

  /* Editing a source a catalog-made relation object hands out writes
   * through as well. */
  {
    g_autoptr(GListModel) relations =
      iis_catalog_list_relations (catalog, iis_catalog_lookup (catalog, "KZ"),
                                  IIS_RELATION_KIND_PARTICIPANT_IN, NULL);
    g_autoptr(IisRelation) relation = g_list_model_get_item (relations, 0);
    g_autoptr(IisSource) handed = g_list_model_get_item (iis_relation_get_sources (relation), 0);

    iis_source_set_publisher (handed, "A publisher");
    iis_source_set_title (handed, "Newer title");
    _iis_catalog_check_invariants (catalog);
  }
  g_free (title);
  title = first_source_title (catalog, "KZ");
  g_assert_cmpstr (title, ==, "Newer title");
  g_free (title);
  title = first_source_title (catalog, "UZ");
  g_assert_cmpstr (title, ==, "New title");

  /* Out of the catalog, a relation's sources are its own. */
  {
    g_autoptr(GListModel) relations =
      iis_catalog_list_relations (catalog, iis_catalog_lookup (catalog, "UZ"),
                                  IIS_RELATION_KIND_PARTICIPANT_IN, NULL);
    g_autoptr(IisRelation) relation = g_list_model_get_item (relations, 0);
    g_autoptr(IisSource) handed = g_list_model_get_item (iis_relation_get_sources (relation), 0);

    iis_catalog_remove_relation (catalog, relation);
    iis_source_set_title (handed, "Gone");
    _iis_catalog_check_invariants (catalog);
  }
  g_clear_pointer (&text, g_free);
  text = iis_catalog_to_data (catalog, NULL, NULL);
  g_assert_null (strstr (text, "Gone"));
}

static void
remove_subject_again (IisCatalog  *catalog,
                      IisRelation *relation,
                      guint       *calls)
{
  (*calls)++;
  iis_catalog_remove_entity (catalog, iis_relation_get_subject (relation));
}

/* A relation-removed handler that removes the entity being removed (its
 * relations go first) finishes the removal itself; the outer removal
 * then has nothing left to do and must not free the node twice. */
static void
test_handler_removes_entity_being_removed (void)
{
  g_autoptr(IisCatalog) catalog = iis_test_scenario_new ();
  IisEntity *by = iis_catalog_lookup (catalog, "BY");
  g_autoptr(IisEntity) held = g_object_ref (by);
  guint n_entities = iis_catalog_get_n_entities (catalog);
  guint calls = 0;

  g_signal_connect (catalog, "relation-removed", G_CALLBACK (remove_subject_again), &calls);
  g_assert_true (iis_catalog_remove_entity (catalog, held));
  g_assert_cmpuint (calls, >=, 1);
  g_assert_null (iis_catalog_lookup (catalog, "BY"));
  g_assert_cmpuint (iis_catalog_get_n_entities (catalog), ==, n_entities - 1);
  _iis_catalog_check_invariants (catalog);

  /* The freed node is reused once, by one new entity. */
  g_signal_handlers_disconnect_by_data (catalog, &calls);
  {
    g_autoptr(IisState) a = iis_state_new ("A1", "A1");
    g_autoptr(IisState) b = iis_state_new ("B1", "B1");

    g_assert_true (iis_catalog_add_entity (catalog, IIS_ENTITY (a), NULL));
    g_assert_true (iis_catalog_add_entity (catalog, IIS_ENTITY (b), NULL));
    g_assert_true (iis_catalog_lookup (catalog, "A1") == IIS_ENTITY (a));
    g_assert_true (iis_catalog_lookup (catalog, "B1") == IIS_ENTITY (b));
    _iis_catalog_check_invariants (catalog);
  }
}

/* A load with IIS_LOAD_FLAGS_OVERRIDE replaces an entity object in place:
 * relation objects handed out before stay bound and now name the new
 * entity at that end, so the record and the object agree and an edit
 * through the old object still reaches the catalog. (Found by
 * fuzz-api.) */
static void
test_override_keeps_relation_objects_in_step (void)
{
  g_autoptr(IisCatalog) catalog = iis_test_scenario_new ();
  IisEntity *old_uz = iis_catalog_lookup (catalog, "UZ");
  g_autoptr(GListModel) memberships = iis_catalog_get_memberships (catalog, old_uz, NULL);
  g_autoptr(IisRelation) membership = g_list_model_get_item (memberships, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  IisEntity *new_uz;

  g_assert_true (iis_catalog_load_from_data_full (catalog,
    "{\"format\": \"libiis-catalog\", \"version\": \"1.0\", \"entities\": ["
    " {\"type\": \"state\", \"id\": \"UZ\", \"name\": \"Republic of Uzbekistan\"}]}",
    -1, IIS_LOAD_FLAGS_OVERRIDE, &error));
  g_assert_no_error (error);
  new_uz = iis_catalog_lookup (catalog, "UZ");
  g_assert_true (new_uz != old_uz);
  _iis_catalog_check_invariants (catalog);

  g_assert_true (iis_relation_is_in_catalog (membership));
  g_assert_true (iis_relation_get_subject (membership) == new_uz);
  iis_relation_set_qualifier (membership, "note", "kept");
  text = iis_catalog_to_data (catalog, NULL, NULL);
  g_assert_nonnull (strstr (text, "\"note\": \"kept\""));
}

static void
test_write_through (void)
{
  g_autoptr(IisCatalog) catalog = iis_test_scenario_new ();
  IisEntity *uz = iis_catalog_lookup (catalog, "UZ");
  IisOrganization *sco = IIS_ORGANIZATION (iis_catalog_lookup (catalog, "sco"));
  g_autoptr(IisDate) end = iis_test_date ("2020-01-01");
  g_autoptr(IisDate) d2021 = iis_test_date ("2021");
  g_autoptr(IisSource) source = iis_source_new ("A news item");

  {
    g_autoptr(IisDate) at = iis_test_date ("2018");
    g_autoptr(GListModel) list = iis_catalog_get_memberships (catalog, uz, at);
    g_autoptr(IisRelation) membership = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
    membership = g_list_model_get_item (list, 0);

    /* Changing a relation in the catalog changes the catalog. */
    g_assert_true (iis_catalog_is_member (catalog, uz, sco, d2021));
    iis_relation_set_end (membership, end);
    iis_relation_set_qualifier (membership, "note", "fictional withdrawal");
    iis_relation_add_source (membership, source);
    g_assert_false (iis_catalog_is_member (catalog, uz, sco, d2021));
  }

  /* A fresh object made from the records shows the change. */
  {
    g_autoptr(GListModel) list = iis_catalog_get_memberships (catalog, uz, NULL);
    g_autoptr(IisRelation) membership = NULL;
    g_autofree char *text = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
    membership = g_list_model_get_item (list, 0);
    g_assert_cmpstr (iis_entity_get_id (iis_relation_get_object (membership)), ==, "sco");
    text = iis_date_to_string (iis_relation_get_end (membership));
    g_assert_cmpstr (text, ==, "2020-01-01");
    g_assert_cmpstr (iis_relation_get_qualifier (membership, "note"), ==, "fictional withdrawal");
    g_assert_cmpuint (g_list_model_get_n_items (iis_relation_get_sources (membership)), ==, 1);
  }
}

static void
test_find_by_identifier (void)
{
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();
  g_autoptr(IisState) uz = iis_state_new ("UZ", "Uzbekistan");
  g_autoptr(IisAgreement) code = iis_agreement_new ("code-2011", "Code of Conduct");

  iis_entity_set_identifier (IIS_ENTITY (uz), "wikidata", "Q265");
  iis_catalog_add_entity (catalog, IIS_ENTITY (uz), NULL);
  iis_catalog_add_entity (catalog, IIS_ENTITY (code), NULL);

  g_assert_true (iis_catalog_find_by_identifier (catalog, "wikidata", "Q265") == IIS_ENTITY (uz));
  g_assert_null (iis_catalog_find_by_identifier (catalog, "un-document", "A/66/359"));

  /* Identifiers set after adding are found too; changed ones move. */
  iis_entity_set_identifier (IIS_ENTITY (code), "un-document", "A/66/359");
  g_assert_true (iis_catalog_find_by_identifier (catalog, "un-document", "A/66/359") ==
                 IIS_ENTITY (code));
  iis_entity_set_identifier (IIS_ENTITY (code), "un-document", "A/69/723");
  g_assert_null (iis_catalog_find_by_identifier (catalog, "un-document", "A/66/359"));
  g_assert_true (iis_catalog_find_by_identifier (catalog, "un-document", "A/69/723") ==
                 IIS_ENTITY (code));
  iis_entity_set_identifier (IIS_ENTITY (code), "un-document", NULL);
  g_assert_null (iis_catalog_find_by_identifier (catalog, "un-document", "A/69/723"));

  /* Removed entities are not found. */
  iis_catalog_remove_entity (catalog, IIS_ENTITY (uz));
  g_assert_null (iis_catalog_find_by_identifier (catalog, "wikidata", "Q265"));
}

static char *
ids_of (GListModel *model)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(IisEntity) entity = g_list_model_get_item (model, i);

      g_string_append_printf (text, "%s%s", i > 0 ? " " : "", iis_entity_get_id (entity));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* An identifier held by several entities: the index keeps every holder,
 * find_by_identifier() gives the one first by id whatever the order they
 * came in or left, and validate() reports each shared identifier once. */
static void
test_shared_identifier (void)
{
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();
  g_autoptr(IisState) b = iis_state_new ("b", "B");
  g_autoptr(IisState) a = iis_state_new ("a", "A");
  g_autoptr(IisState) c = iis_state_new ("c", "C");
  g_autoptr(GListModel) problems = NULL;
  g_autoptr(IisProblem) problem = NULL;
  g_autofree char *list = NULL;

  iis_entity_set_identifier (IIS_ENTITY (a), "wikidata", "Q1");
  iis_entity_set_identifier (IIS_ENTITY (b), "wikidata", "Q1");
  iis_catalog_add_entity (catalog, IIS_ENTITY (b), NULL);
  iis_catalog_add_entity (catalog, IIS_ENTITY (a), NULL);
  iis_catalog_add_entity (catalog, IIS_ENTITY (c), NULL);
  g_assert_true (iis_catalog_find_by_identifier (catalog, "wikidata", "Q1") == IIS_ENTITY (a));

  /* Removing one holder leaves the other findable. */
  iis_catalog_remove_entity (catalog, IIS_ENTITY (a));
  g_assert_true (iis_catalog_find_by_identifier (catalog, "wikidata", "Q1") == IIS_ENTITY (b));
  iis_catalog_add_entity (catalog, IIS_ENTITY (a), NULL);
  g_assert_true (iis_catalog_find_by_identifier (catalog, "wikidata", "Q1") == IIS_ENTITY (a));

  /* So does changing it on one of them. */
  iis_entity_set_identifier (IIS_ENTITY (a), "wikidata", "Q2");
  g_assert_true (iis_catalog_find_by_identifier (catalog, "wikidata", "Q1") == IIS_ENTITY (b));
  g_assert_true (iis_catalog_find_by_identifier (catalog, "wikidata", "Q2") == IIS_ENTITY (a));
  iis_entity_set_identifier (IIS_ENTITY (a), "wikidata", "Q1");
  iis_entity_set_identifier (IIS_ENTITY (c), "wikidata", "Q1");

  {
    g_autoptr(GListModel) all = iis_catalog_find_all_by_identifier (catalog, "wikidata", "Q1");
    g_autoptr(GListModel) none = iis_catalog_find_all_by_identifier (catalog, "wikidata", "Q2");

    list = ids_of (all);
    g_assert_cmpstr (list, ==, "a b c");
    g_assert_cmpuint (g_list_model_get_n_items (none), ==, 0);
  }

  problems = iis_catalog_validate (catalog);
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 1);
  problem = g_list_model_get_item (problems, 0);
  g_assert_cmpint (iis_problem_get_kind (problem), ==, IIS_PROBLEM_KIND_SHARED_IDENTIFIER);
  g_assert_cmpstr (iis_problem_get_subject_id (problem), ==, "a");
  g_assert_cmpstr (iis_problem_get_message (problem), ==,
                   "The identifier wikidata “Q1” is held by 3 entities: “a”, “b”, “c”");

  /* Down to one holder, nothing to report, and the last one is found. */
  iis_catalog_remove_entity (catalog, IIS_ENTITY (a));
  iis_entity_set_identifier (IIS_ENTITY (b), "wikidata", NULL);
  g_assert_true (iis_catalog_find_by_identifier (catalog, "wikidata", "Q1") == IIS_ENTITY (c));
  g_clear_object (&problems);
  problems = iis_catalog_validate (catalog);
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 0);
  iis_catalog_remove_entity (catalog, IIS_ENTITY (c));
  g_assert_null (iis_catalog_find_by_identifier (catalog, "wikidata", "Q1"));
}

static void
test_entity_in_two_catalogs (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(IisCatalog) a = iis_catalog_new ();
      g_autoptr(IisCatalog) b = iis_catalog_new ();
      g_autoptr(IisState) uz = iis_state_new ("UZ", "Uzbekistan");

      iis_catalog_add_entity (a, IIS_ENTITY (uz), NULL);
      iis_catalog_add_entity (b, IIS_ENTITY (uz), NULL);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*iis_catalog_add_entity*");
}

static void
test_relation_outlives_catalog (void)
{
  IisCatalog *catalog = iis_test_scenario_new ();
  IisEntity *uz = iis_catalog_lookup (catalog, "UZ");
  g_autoptr(GListModel) list = iis_catalog_get_memberships (catalog, uz, NULL);
  g_autoptr(IisRelation) membership = g_list_model_get_item (list, 0);
  g_autoptr(IisDate) end = iis_test_date ("2030");

  g_object_unref (catalog);
  g_assert_false (iis_relation_is_in_catalog (membership));
  g_assert_cmpstr (iis_relation_get_role (membership), ==, "member");
  /* Changing it no longer writes anywhere. */
  iis_relation_set_end (membership, end);
}

static void
test_slot_reuse (void)
{
  g_autoptr(IisCatalog) catalog = iis_test_scenario_new ();
  guint n = iis_catalog_get_n_relations (catalog);

  /* Remove and add many relations: slots are reused and the questions
   * stay right. */
  for (guint round = 0; round < 50; round++)
    {
      g_autoptr(IisRelation) r = iis_test_relate (catalog, "IN", IIS_RELATION_KIND_PARTY_TO,
                                                  "agr-2009", "accession", "2015", NULL);
      g_autoptr(IisDate) at = iis_test_date ("2016");
      IisAgreement *agr = IIS_AGREEMENT (iis_catalog_lookup (catalog, "agr-2009"));
      g_autoptr(GListModel) parties = iis_catalog_get_parties (catalog, agr, at);
      g_autofree char *ids = iis_test_ids (parties);

      g_assert_cmpstr (ids, ==, "IN KZ RU");
      g_assert_true (iis_catalog_remove_relation (catalog, r));
    }
  g_assert_cmpuint (iis_catalog_get_n_relations (catalog), ==, n);
}

/* Answers are snapshots: a list model of the type it says, that keeps its
 * items when the catalog changes afterwards. */
static void
test_answers_are_snapshots (void)
{
  g_autoptr(IisCatalog) catalog = iis_test_scenario_new ();
  IisOrganization *sco = IIS_ORGANIZATION (iis_catalog_lookup (catalog, "sco"));
  g_autoptr(GListModel) members = iis_catalog_get_members (catalog, sco, NULL, NULL);
  g_autoptr(GListModel) states = iis_catalog_list_entities (catalog, IIS_TYPE_STATE);
  g_autoptr(GListModel) relations =
    iis_catalog_list_relations (catalog, NULL, IIS_RELATION_KIND_MEMBER_OF, IIS_ENTITY (sco));
  g_autofree char *before = iis_test_ids (members);
  g_autoptr(IisEntity) first = g_list_model_get_item (members, 0);
  guint n = g_list_model_get_n_items (members);

  g_assert_cmpuint (n, >, 1);
  g_assert_true (g_list_model_get_item_type (members) == IIS_TYPE_ENTITY);
  g_assert_true (g_list_model_get_item_type (states) == IIS_TYPE_STATE);
  g_assert_true (g_list_model_get_item_type (relations) == IIS_TYPE_RELATION);
  g_assert_null (g_list_model_get_item (members, n));
  g_assert_null (g_list_model_get_item (members, G_MAXUINT));
  g_assert_cmpuint (g_list_model_get_n_items (relations), >=, n);
  g_assert_true (IIS_IS_ANSWER (members));
  {
    guint n_items = 0;
    GObject **items = iis_answer_get_items (IIS_ANSWER (members), &n_items);
    g_autoptr(GListModel) none = iis_catalog_get_members (catalog, sco, "nobody", NULL);

    g_assert_cmpuint (n_items, ==, n);
    for (guint i = 0; i < n_items; i++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (members, i);

        g_assert_true (items[i] == item);
      }
    g_assert_null (iis_answer_get_items (IIS_ANSWER (none), &n_items));
    g_assert_cmpuint (n_items, ==, 0);
  }

  /* Removing a member leaves the answer as it was, its items alive. */
  g_assert_true (iis_catalog_remove_entity (catalog, first));
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, n);
  {
    g_autofree char *after = iis_test_ids (members);
    g_autoptr(GListModel) now = iis_catalog_get_members (catalog, sco, NULL, NULL);

    g_assert_cmpstr (after, ==, before);
    g_assert_cmpuint (g_list_model_get_n_items (now), ==, n - 1);
  }
  g_assert_null (iis_catalog_lookup (catalog, iis_entity_get_id (first)));
}

static void
count_removed (IisCatalog  *catalog,
               IisRelation *relation,
               guint       *count)
{
  g_assert_null (_iis_relation_get_catalog (relation));
  (*count)++;
}

/* Removing an entity with n relations costs steps in proportion to n and
 * to the arrays of its neighbours, not n² (issue #19): n relations to
 * one hub that has n other relations, and a relation to itself. */
static void
test_remove_entity_linear (void)
{
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();
  g_autoptr(GListModel) members = NULL;
  g_autoptr(GListModel) left = NULL;
  IisCatalogStats before, after;
  IisEntity *hub, *e;
  const guint n = 2000;
  guint removed = 0;

  iis_test_add (catalog, iis_organization_new ("hub", "Hub"));
  iis_test_add (catalog, iis_organization_new ("e", "E"));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", i);
      g_autofree char *year = g_strdup_printf ("%u", 1000 + i);

      iis_test_add (catalog, iis_state_new (id, id));
      g_object_unref (iis_test_relate (catalog, id, IIS_RELATION_KIND_MEMBER_OF, "hub",
                                       "member", NULL, NULL));
      g_object_unref (iis_test_relate (catalog, "e", IIS_RELATION_KIND_MEMBER_OF, "hub",
                                       "member", year, NULL));
    }
  g_object_unref (iis_test_relate (catalog, "e", IIS_RELATION_KIND_PART_OF, "e",
                                   NULL, NULL, NULL));
  g_object_unref (iis_test_relate (catalog, "hub", IIS_RELATION_KIND_PART_OF, "e",
                                   NULL, NULL, NULL));
  hub = iis_catalog_lookup (catalog, "hub");
  e = iis_catalog_lookup (catalog, "e");
  /* Sort the hub's arrays, as a question would. */
  members = iis_catalog_get_members (catalog, IIS_ORGANIZATION (hub), NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, n + 1);

  g_signal_connect (catalog, "relation-removed", G_CALLBACK (count_removed), &removed);
  _iis_catalog_get_stats (catalog, &before);
  g_assert_true (iis_catalog_remove_entity (catalog, e));
  _iis_catalog_get_stats (catalog, &after);

  g_assert_cmpuint (removed, ==, n + 2);
  g_assert_cmpuint (after.n_relations, ==, n);
  /* Each array entry looked at or moved a bounded number of times:
   * e's 2n + 3 entries and the hub's 2n + 1. Pairwise removal takes
   * about n² / 2 steps. */
  g_test_message ("removal steps: %" G_GUINT64_FORMAT,
                  after.removal_steps - before.removal_steps);
  g_assert_cmpuint (after.removal_steps - before.removal_steps, <=, 4 * (4 * n + 4));

  left = iis_catalog_get_members (catalog, IIS_ORGANIZATION (hub), NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (left), ==, n);
  g_clear_object (&left);
  left = iis_catalog_list_relations (catalog, hub, IIS_RELATION_KIND_ANY, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (left), ==, 0);
  g_clear_object (&left);
  left = iis_catalog_list_relations (catalog, NULL, IIS_RELATION_KIND_ANY, hub);
  g_assert_cmpuint (g_list_model_get_n_items (left), ==, n);
}

/* A relation-removed handler that removes the entity being removed, or
 * adds a relation to it, leaves a catalog that is whole. */
static void
relate_again (IisCatalog  *catalog,
              IisRelation *relation,
              guint       *count)
{
  if ((*count)++ == 0)
    g_object_unref (iis_test_relate (catalog, "RU", IIS_RELATION_KIND_MEMBER_OF, "sco",
                                     "guest", NULL, NULL));
}

static void
remove_again (IisCatalog  *catalog,
              IisRelation *relation,
              gpointer     user_data)
{
  IisEntity *sco = iis_catalog_lookup (catalog, "sco");

  if (sco != NULL)
    iis_catalog_remove_entity (catalog, sco);
}

static void
test_remove_entity_reentrant (void)
{
  g_autoptr(IisCatalog) catalog = iis_test_scenario_new ();
  g_autoptr(IisCatalog) other = iis_test_scenario_new ();
  g_autoptr(GListModel) left = NULL;
  guint count = 0;
  gulong id;

  id = g_signal_connect (catalog, "relation-removed", G_CALLBACK (relate_again), &count);
  g_assert_true (iis_catalog_remove_entity (catalog, iis_catalog_lookup (catalog, "sco")));
  g_signal_handler_disconnect (catalog, id);
  g_assert_null (iis_catalog_lookup (catalog, "sco"));
  left = iis_catalog_list_relations (catalog, iis_catalog_lookup (catalog, "RU"),
                                     IIS_RELATION_KIND_MEMBER_OF, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (left), ==, 0);

  g_signal_connect (other, "relation-removed", G_CALLBACK (remove_again), NULL);
  g_assert_true (iis_catalog_remove_entity (other, iis_catalog_lookup (other, "sco")));
  g_assert_null (iis_catalog_lookup (other, "sco"));
  g_free (iis_test_dump (other));
}

/* Edits and add/remove cycles reclaim the storage they leave behind
 * (issue #19): the store stays about the size of what it holds. */
static gsize
store_bytes (IisCatalog *catalog)
{
  IisCatalogStats stats;

  _iis_catalog_get_stats (catalog, &stats);
  return stats.extra_bytes + stats.string_bytes + stats.record_bytes;
}

static void
test_edits_reclaim (void)
{
  g_autoptr(IisCatalog) catalog = iis_test_scenario_new ();
  g_autoptr(IisRelation) kept = iis_test_relate (catalog, "IN", IIS_RELATION_KIND_PARTY_TO,
                                                 "agr-2009", "accession", "2012", NULL);
  g_autoptr(IisSource) source = iis_source_new ("kept");
  g_autofree char *expected = NULL;
  g_autofree char *dump = NULL;
  gsize start;
  /* Enough churn for several collections (they start past 4,096 words
   * of churn: about ten here), few enough for valgrind and ASan with the
   * invariants, which read every string and source, checked at each edit. */
  const guint n = 6000;

  iis_relation_set_qualifier (kept, "deposited", "2011-12-01");
  iis_relation_add_source (kept, source);
  expected = iis_test_dump (catalog);
  start = store_bytes (catalog);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *value = g_strdup_printf ("value %u", i);

      iis_relation_set_qualifier (kept, "note", value);
    }
  iis_relation_set_qualifier (kept, "note", NULL);
  g_test_message ("store: %" G_GSIZE_FORMAT " → %" G_GSIZE_FORMAT " bytes after %u edits",
                  start, store_bytes (catalog), n);
  /* Without reclaiming: n × (7 words and a 30-byte string) ≈ 520 KB. */
  g_assert_cmpuint (store_bytes (catalog), <, start + 256 * 1024);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *title = g_strdup_printf ("source %u", i);
      g_autofree char *value = g_strdup_printf ("value %u", i);
      g_autoptr(IisSource) s = iis_source_new (title);
      g_autoptr(IisRelation) r = iis_relation_new (IIS_RELATION_KIND_MEMBER_OF,
                                                   iis_catalog_lookup (catalog, "KZ"),
                                                   iis_catalog_lookup (catalog, "sco"));

      iis_relation_set_role (r, value);
      iis_relation_set_qualifier (r, "note", value);
      iis_relation_add_source (r, s);
      g_assert_true (iis_catalog_add_relation (catalog, r, NULL));
      g_assert_true (iis_catalog_remove_relation (catalog, r));
    }
  g_test_message ("store: %" G_GSIZE_FORMAT " bytes after %u add/remove cycles",
                  store_bytes (catalog), n);
  g_assert_cmpuint (store_bytes (catalog), <, start + 256 * 1024);

  /* Nothing that is held was lost. */
  dump = iis_test_dump (catalog);
  g_assert_cmpstr (dump, ==, expected);
  g_assert_cmpstr (iis_relation_get_qualifier (kept, "deposited"), ==, "2011-12-01");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/iis/catalog/add-lookup", test_add_lookup);
  g_test_add_func ("/iis/catalog/duplicate-id", test_duplicate_id);
  g_test_add_func ("/iis/catalog/invalid-ids", test_invalid_ids);
  g_test_add_func ("/iis/catalog/relation-errors", test_relation_errors);
  g_test_add_func ("/iis/catalog/signals-and-cascade", test_signals_and_cascade);
  g_test_add_func ("/iis/catalog/source-edited-after-attach", test_source_edited_after_attach);
  g_test_add_func ("/iis/catalog/source-pool-keys", test_source_pool_keeps_different_sources);
  g_test_add_func ("/iis/catalog/load-signal-handler-changes-catalog",
                   test_load_signal_handler_changes_catalog);
  g_test_add_func ("/iis/catalog/handler-removes-entity-being-removed",
                   test_handler_removes_entity_being_removed);
  g_test_add_func ("/iis/catalog/override-keeps-relation-objects-in-step",
                   test_override_keeps_relation_objects_in_step);
  g_test_add_func ("/iis/catalog/write-through", test_write_through);
  g_test_add_func ("/iis/catalog/find-by-identifier", test_find_by_identifier);
  g_test_add_func ("/iis/catalog/shared-identifier", test_shared_identifier);
  g_test_add_func ("/iis/catalog/entity-in-two-catalogs", test_entity_in_two_catalogs);
  g_test_add_func ("/iis/catalog/relation-outlives-catalog", test_relation_outlives_catalog);
  g_test_add_func ("/iis/catalog/slot-reuse", test_slot_reuse);
  g_test_add_func ("/iis/catalog/answers-are-snapshots", test_answers_are_snapshots);
  g_test_add_func ("/iis/catalog/remove-entity-linear", test_remove_entity_linear);
  g_test_add_func ("/iis/catalog/remove-entity-reentrant", test_remove_entity_reentrant);
  g_test_add_func ("/iis/catalog/edits-reclaim", test_edits_reclaim);

  return g_test_run ();
}
