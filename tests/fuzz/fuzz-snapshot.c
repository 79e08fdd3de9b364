/* fuzz-snapshot.c: loading a catalog from a snapshot's bytes
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * The input is a snapshot (iis-catalog-snapshot.c). A mutated snapshot
 * almost always fails its checksum first, which would keep the fuzzer
 * at the door: every input is loaded as it is, and then again with its
 * checksum made right (_iis_snapshot_update_checksum()), so that its
 * bytes reach the checks of the layout and of every reference.
 *
 * Each of the two is loaded:
 * - into an empty catalog: the snapshot's storage is lent to it and used
 *   in place;
 * - into an empty catalog with a handler connected, which cannot lend
 *   (a handler could change the catalog half-way): the relations are
 *   staged one by one, as a JSON document's;
 * - into a catalog that holds a few entities, one of them with an id the
 *   seeds share (RU), with IIS_LOAD_FLAGS_NONE and with
 *   IIS_LOAD_FLAGS_OVERRIDE.
 *
 * Invariants, any of which failing aborts:
 * - no crash, no sanitizer report, no GLib warning or critical;
 * - a failed load sets a proper error and leaves the catalog exactly as
 *   it was;
 * - the in-place and the staged load of the same bytes both succeed or
 *   both fail, and the catalogs they make write the same document;
 * - a loaded catalog keeps its invariants (_iis_catalog_check_invariants())
 *   through questions, through edits that write into the lent storage
 *   (removing and adding relations, removing an entity), and writes a
 *   document that loads again and writes the same bytes; a snapshot of
 *   it loads and writes that document too.
 */

#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>
#include <libiis/iis.h>

#include "fuzz-common.h"
#include "iis-catalog-debug-private.h"
#include "iis-snapshot-private.h"

static const char base_document[] =
  "{\"format\":\"libiis-catalog\",\"version\":\"1.0\",\"entities\":["
  "{\"type\":\"state\",\"id\":\"RU\",\"name\":\"Russia\",\"alpha-2\":\"RU\"},"
  "{\"type\":\"state\",\"id\":\"fuzz-state\",\"name\":\"Base\"},"
  "{\"type\":\"organization\",\"id\":\"fuzz-org\",\"kind\":\"intergovernmental\"}],"
  "\"relations\":["
  "{\"kind\":\"member-of\",\"subject\":\"fuzz-state\",\"object\":\"fuzz-org\","
  "\"start\":\"2001\",\"qualifiers\":{\"note\":\"base\"}},"
  "{\"kind\":\"member-of\",\"subject\":\"RU\",\"object\":\"fuzz-org\"}]}";

static char *base_text;
static char *scratch_folder;
static GFile *scratch_snapshot;

static IisCatalog *
new_base_catalog (void)
{
  return fuzz_catalog_new_from_data (base_document, "the base document");
}

static void
on_entity_added (IisCatalog *catalog,
                 IisEntity  *entity,
                 gpointer    user_data)
{
}

/* @catalog loaded: its document loads again and writes the same bytes,
 * and so does a snapshot of it. Returns the document. */
static char *
check_round_trips (IisCatalog *catalog,
                   const char *what)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IisCatalog) again = iis_catalog_new ();
  g_autoptr(IisCatalog) from_snapshot = iis_catalog_new ();
  g_autofree char *text_again = NULL;
  g_autofree char *text_snapshot = NULL;
  char *text = fuzz_document_of (catalog, IIS_SAVE_FLAGS_NONE, NULL, what);

  if (!iis_catalog_load_from_data (again, text, -1, &error))
    fuzz_fail ("%s: the written document does not load: %s\n%s", what, error->message, text);
  text_again = fuzz_document_of (again, IIS_SAVE_FLAGS_NONE, NULL, what);
  if (strcmp (text, text_again) != 0)
    fuzz_fail ("%s: load → save → load changed the document:\n%s\n----\n%s",
               what, text, text_again);

  if (!iis_catalog_save_snapshot (catalog, scratch_snapshot, NULL, &error))
    fuzz_fail ("%s: saving a snapshot failed: %s", what, error->message);
  if (!iis_catalog_load_snapshot (from_snapshot, scratch_snapshot, IIS_LOAD_FLAGS_NONE,
                                  NULL, &error))
    fuzz_fail ("%s: a snapshot of the catalog does not load: %s", what, error->message);
  _iis_catalog_check_invariants (from_snapshot);
  text_snapshot = fuzz_document_of (from_snapshot, IIS_SAVE_FLAGS_NONE, NULL, what);
  if (strcmp (text, text_snapshot) != 0)
    fuzz_fail ("%s: save snapshot → load changed the document:\n%s\n----\n%s",
               what, text, text_snapshot);
  return text;
}

/* The point questions the snapshot answers in place: every relation is
 * found again from its subject, its kind and its object. */
static void
ask_point_questions (IisCatalog *catalog,
                     const char *what)
{
  g_autoptr(GListModel) relations = iis_catalog_list_relations (catalog, NULL,
                                                                IIS_RELATION_KIND_ANY, NULL);
  guint n = MIN (g_list_model_get_n_items (relations), 64);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IisRelation) relation = g_list_model_get_item (relations, i);
      g_autoptr(GListModel) same = NULL;
      g_autoptr(GListModel) from = NULL;
      g_autoptr(GListModel) to = NULL;
      gboolean found = FALSE;

      same = iis_catalog_list_relations (catalog, iis_relation_get_subject (relation),
                                         iis_relation_get_kind (relation),
                                         iis_relation_get_object (relation));
      for (guint j = 0; j < g_list_model_get_n_items (same) && !found; j++)
        {
          g_autoptr(IisRelation) other = g_list_model_get_item (same, j);

          found = other == relation;
        }
      if (!found)
        fuzz_fail ("%s: relation %u is not found from its ends and kind", what, i);
      from = iis_catalog_list_relations (catalog, iis_relation_get_subject (relation),
                                         IIS_RELATION_KIND_ANY, NULL);
      to = iis_catalog_list_relations (catalog, NULL, IIS_RELATION_KIND_ANY,
                                       iis_relation_get_object (relation));
      if (g_list_model_get_n_items (from) == 0 || g_list_model_get_n_items (to) == 0)
        fuzz_fail ("%s: relation %u is not found from one of its ends", what, i);
    }
}

/* Edits that write into the storage a snapshot lent: remove a relation
 * and add it again, add a new entity and relation, remove an entity
 * with its relations. */
static void
edit (IisCatalog *catalog,
      const char *what)
{
  g_autoptr(GListModel) relations = iis_catalog_list_relations (catalog, NULL,
                                                                IIS_RELATION_KIND_ANY, NULL);
  g_autoptr(GListModel) organizations = iis_catalog_list_entities (catalog,
                                                                   IIS_TYPE_ORGANIZATION);
  g_autoptr(IisEntity) state = IIS_ENTITY (iis_state_new ("fuzz-new-state", "New"));
  g_autoptr(GError) error = NULL;
  guint n_relations = iis_catalog_get_n_relations (catalog);

  if (g_list_model_get_n_items (relations) > 0)
    {
      guint middle = g_list_model_get_n_items (relations) / 2;
      g_autoptr(IisRelation) old = g_list_model_get_item (relations, middle);
      g_autoptr(IisRelation) copy = iis_relation_new (iis_relation_get_kind (old),
                                                      iis_relation_get_subject (old),
                                                      iis_relation_get_object (old));
      g_autoptr(IisEntity) subject = g_object_ref (iis_relation_get_subject (old));

      iis_relation_set_role (copy, iis_relation_get_role (old));
      iis_relation_set_start (copy, iis_relation_get_start (old));
      iis_relation_set_end (copy, iis_relation_get_end (old));
      iis_relation_set_qualifier (copy, "x-fuzz", "edited");

      if (!iis_catalog_remove_relation (catalog, old))
        fuzz_fail ("%s: a listed relation could not be removed", what);
      if (iis_catalog_get_n_relations (catalog) != n_relations - 1)
        fuzz_fail ("%s: removing a relation did not count", what);
      _iis_catalog_check_invariants (catalog);
      if (!iis_catalog_add_relation (catalog, copy, &error))
        fuzz_fail ("%s: a relation that was in the catalog could not be added again: %s",
                   what, error->message);
      _iis_catalog_check_invariants (catalog);

      if (!iis_catalog_remove_entity (catalog, subject))
        fuzz_fail ("%s: a relation's subject could not be removed", what);
      _iis_catalog_check_invariants (catalog);
    }

  if (iis_catalog_lookup (catalog, "fuzz-new-state") == NULL)
    {
      if (!iis_catalog_add_entity (catalog, state, &error))
        fuzz_fail ("%s: a new state could not be added: %s", what, error->message);
      if (g_list_model_get_n_items (organizations) > 0)
        {
          g_autoptr(IisEntity) organization = g_list_model_get_item (organizations, 0);
          g_autoptr(IisRelation) relation = NULL;

          if (iis_catalog_lookup (catalog, iis_entity_get_id (organization)) == organization)
            {
              relation = iis_relation_new (IIS_RELATION_KIND_MEMBER_OF, state, organization);
              iis_relation_set_role (relation, "member");
              if (!iis_catalog_add_relation (catalog, relation, &error))
                fuzz_fail ("%s: a new membership could not be added: %s", what, error->message);
            }
        }
      _iis_catalog_check_invariants (catalog);
    }
}

/* Load @data into @catalog, whose document is @text_before. Returns the
 * catalog's document when it loaded (after questions, before edits),
 * NULL when it failed. */
static char *
load_into (IisCatalog    *catalog,
           const char    *text_before,
           const uint8_t *data,
           size_t         size,
           IisLoadFlags   flags,
           gboolean       edit_after,
           const char    *what)
{
  g_autoptr(GError) error = NULL;
  guint n_entities = iis_catalog_get_n_entities (catalog);
  guint n_relations = iis_catalog_get_n_relations (catalog);
  g_autofree char *text = NULL;

  if (!_iis_catalog_load_snapshot_data (catalog, data, size, "fuzz", flags, NULL, &error))
    {
      fuzz_check_failed_load (catalog, error, text_before, n_entities, n_relations, what);
      if (error->domain != IIS_ERROR)
        fuzz_fail ("%s: a snapshot from memory failed with a %s error: %s", what,
                   g_quark_to_string (error->domain), error->message);
      return NULL;
    }

  if (error != NULL)
    fuzz_fail ("%s: the load succeeded and set an error", what);
  _iis_catalog_check_invariants (catalog);
  fuzz_ask_questions (catalog);
  ask_point_questions (catalog, what);
  _iis_catalog_check_invariants (catalog);
  text = check_round_trips (catalog, what);

  if (edit_after)
    {
      g_autofree char *edited = NULL;

      edit (catalog, what);
      fuzz_ask_questions (catalog);
      edited = check_round_trips (catalog, what);
    }
  return g_steal_pointer (&text);
}

static void
load_everywhere (const uint8_t *data,
                 size_t         size,
                 const char    *what)
{
  g_autofree char *in_place_what = g_strdup_printf ("%s, in place", what);
  g_autofree char *staged_what = g_strdup_printf ("%s, staged", what);
  g_autofree char *base_what = g_strdup_printf ("%s, into a catalog", what);
  g_autofree char *override_what = g_strdup_printf ("%s, into a catalog, override", what);
  g_autofree char *in_place = NULL;
  g_autofree char *staged = NULL;
  g_autofree char *empty_text = NULL;

  {
    g_autoptr(IisCatalog) catalog = iis_catalog_new ();

    empty_text = fuzz_document_of (catalog, IIS_SAVE_FLAGS_NONE, NULL, what);
    in_place = load_into (catalog, empty_text, data, size, IIS_LOAD_FLAGS_NONE, TRUE,
                          in_place_what);
  }
  {
    g_autoptr(IisCatalog) catalog = iis_catalog_new ();

    g_signal_connect (catalog, "entity-added", G_CALLBACK (on_entity_added), NULL);
    staged = load_into (catalog, empty_text, data, size, IIS_LOAD_FLAGS_NONE, TRUE,
                        staged_what);
  }
  if ((in_place == NULL) != (staged == NULL))
    fuzz_fail ("%s: the snapshot loads %s but not %s", what,
               in_place != NULL ? "in place" : "staged",
               in_place != NULL ? "staged" : "in place");
  if (in_place != NULL && strcmp (in_place, staged) != 0)
    fuzz_fail ("%s: loaded in place and staged, the catalogs differ:\n%s\n----\n%s",
               what, in_place, staged);

  {
    g_autoptr(IisCatalog) catalog = new_base_catalog ();
    g_autofree char *text = load_into (catalog, base_text, data, size, IIS_LOAD_FLAGS_NONE,
                                       FALSE, base_what);
  }
  {
    g_autoptr(IisCatalog) catalog = new_base_catalog ();
    g_autofree char *text = load_into (catalog, base_text, data, size,
                                       IIS_LOAD_FLAGS_OVERRIDE, FALSE, override_what);
  }
}

static void
remove_scratch (void)
{
  g_file_delete (scratch_snapshot, NULL, NULL);
  g_clear_object (&scratch_snapshot);
  g_rmdir (scratch_folder);
  g_clear_pointer (&scratch_folder, g_free);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(IisCatalog) base = NULL;

  fuzz_install_log_writer ();
  base = new_base_catalog ();
  base_text = fuzz_document_of (base, IIS_SAVE_FLAGS_NONE, NULL, "the base catalog");

  scratch_folder = g_dir_make_tmp ("fuzz-snapshot-XXXXXX", NULL);
  if (scratch_folder == NULL)
    fuzz_fail ("cannot make a scratch folder");
  scratch_snapshot = g_file_new_build_filename (scratch_folder, "again.snapshot", NULL);
  atexit (remove_scratch);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const uint8_t nothing[1];
  g_autofree uint8_t *fixed = NULL;

  if (data == NULL)
    data = nothing;

  load_everywhere (data, size, "as it is");

  /* The same bytes with the checksum they need: unless it was right
   * already, on to the structural checks. */
  fixed = g_memdup2 (data, MAX (size, 1));
  _iis_snapshot_update_checksum (fixed, size);
  if (memcmp (fixed, data, size) != 0)
    load_everywhere (fixed, size, "checksum fixed");

  return 0;
}
