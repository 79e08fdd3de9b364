/* test-snapshot.c: snapshots and the cache of snapshots
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A catalog opened from a snapshot must be the catalog the snapshot was
 * made from: the same document when written, the same answers, and the
 * same behaviour under every edit, although its storage lies in a
 * copy-on-write mapping until it grows. The damaged snapshots are
 * test-bad-snapshots.c's.
 *
 * The suite works in a temporary folder of its own, which is also its
 * XDG_CACHE_HOME (set before GLib reads it), and removes it at the end.
 */

#include <string.h>

#include <glib/gstdio.h>
#include <libiis/iis.h>

#include "iis-catalog-debug-private.h"
#include "iis-test-util.h"

static char *work_dir;

static GFile *
temp_file (const char *name)
{
  g_autofree char *path = g_build_filename (work_dir, name, NULL);

  return g_file_new_for_path (path);
}

static GFile *
snapshot_of (IisCatalog *catalog,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  GFile *file = temp_file (name);

  g_assert_true (iis_catalog_save_snapshot (catalog, file, NULL, &error));
  g_assert_no_error (error);
  return file;
}

static IisCatalog *
open_snapshot (GFile *file)
{
  g_autoptr(GError) error = NULL;
  IisCatalog *catalog = iis_catalog_new ();

  g_assert_true (iis_catalog_load_snapshot (catalog, file, IIS_LOAD_FLAGS_NONE, NULL, &error));
  g_assert_no_error (error);
  return catalog;
}

/* Whether the catalog's relation records lie in a snapshot: a catalog
 * counts the capacity of the arrays it allocated, and none of a lent one. */
static gboolean
storage_is_lent (IisCatalog *catalog)
{
  IisCatalogStats stats;

  _iis_catalog_get_stats (catalog, &stats);
  return stats.n_relations > 0 && stats.record_bytes == 0;
}

static void
assert_same_answers (IisCatalog *a,
                     IisCatalog *b)
{
  g_autoptr(GListModel) entities = iis_catalog_list_entities (a, IIS_TYPE_ENTITY);
  g_autoptr(IisDate) at = iis_test_date ("2015-06-01");

  g_assert_cmpuint (iis_catalog_get_n_entities (a), ==, iis_catalog_get_n_entities (b));
  g_assert_cmpuint (iis_catalog_get_n_relations (a), ==, iis_catalog_get_n_relations (b));

  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(IisEntity) ea = g_list_model_get_item (entities, i);
      IisEntity *eb = iis_catalog_lookup (b, iis_entity_get_id (ea));
      g_autoptr(GListModel) ra = NULL, rb = NULL, ma = NULL, mb = NULL;
      g_autoptr(GListModel) aa = NULL, ab = NULL;
      g_autofree char *ids_a = NULL, *ids_b = NULL;

      g_assert_nonnull (eb);
      for (IisRelationKind kind = IIS_RELATION_KIND_ANY; kind <= IIS_RELATION_KIND_DENOUNCED; kind++)
        {
          g_autoptr(GListModel) out_a = iis_catalog_list_relations (a, ea, kind, NULL);
          g_autoptr(GListModel) out_b = iis_catalog_list_relations (b, eb, kind, NULL);
          g_autoptr(GListModel) in_a = iis_catalog_list_relations (a, NULL, kind, ea);
          g_autoptr(GListModel) in_b = iis_catalog_list_relations (b, NULL, kind, eb);

          g_assert_cmpuint (g_list_model_get_n_items (out_a), ==, g_list_model_get_n_items (out_b));
          g_assert_cmpuint (g_list_model_get_n_items (in_a), ==, g_list_model_get_n_items (in_b));
          for (guint r = 0; r < g_list_model_get_n_items (in_a); r++)
            {
              g_autoptr(IisRelation) x = g_list_model_get_item (in_a, r);
              g_autoptr(IisRelation) y = g_list_model_get_item (in_b, r);

              g_assert_cmpstr (iis_entity_get_id (iis_relation_get_subject (x)), ==,
                               iis_entity_get_id (iis_relation_get_subject (y)));
              g_assert_cmpstr (iis_relation_get_role (x), ==, iis_relation_get_role (y));
              g_assert_true (iis_date_equal (iis_relation_get_start (x), iis_relation_get_start (y)));
            }
        }

      if (IIS_IS_ORGANIZATION (ea))
        {
          ma = iis_catalog_get_members (a, IIS_ORGANIZATION (ea), NULL, at);
          mb = iis_catalog_get_members (b, IIS_ORGANIZATION (eb), NULL, at);
          ids_a = iis_test_ids (ma);
          ids_b = iis_test_ids (mb);
          g_assert_cmpstr (ids_a, ==, ids_b);
        }
      g_clear_pointer (&ids_a, g_free);
      g_clear_pointer (&ids_b, g_free);
      aa = iis_catalog_get_agreements_of (a, ea, NULL);
      ab = iis_catalog_get_agreements_of (b, eb, NULL);
      ids_a = iis_test_ids (aa);
      ids_b = iis_test_ids (ab);
      g_assert_cmpstr (ids_a, ==, ids_b);
    }
}

static void
assert_same_catalog (IisCatalog *a,
                     IisCatalog *b)
{
  g_autofree char *text_a = iis_test_dump (a);
  g_autofree char *text_b = iis_test_dump (b);

  g_assert_cmpstr (text_a, ==, text_b);
}

/* Each fixture, written as a snapshot and opened again, is the same
 * catalog and answers the same. */
static void
test_round_trip (void)
{
  const char *fixtures[] = {
    "full.json", "inexact.json", "successions.json", "treaty-actions.json", "hostile-text.json",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autoptr(IisCatalog) original = iis_test_load_fixture (fixtures[i]);
      g_autoptr(GFile) file = snapshot_of (original, "round-trip.snapshot");
      g_autoptr(IisCatalog) opened = open_snapshot (file);
      g_autoptr(GListModel) problems = NULL;

      g_test_message ("%s: %u entities, %u relations", fixtures[i],
                      iis_catalog_get_n_entities (original), iis_catalog_get_n_relations (original));
      g_assert_true (storage_is_lent (opened) || iis_catalog_get_n_relations (opened) == 0);
      assert_same_catalog (original, opened);
      assert_same_answers (original, opened);
      problems = iis_catalog_validate (opened);
      g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 0);
    }
}

/* Entities that are only a type, an id and a name are stored in a table
 * of their own beside the JSON of the others; they come back the same,
 * in id order with the others, into an empty catalog and over one. */
static void
test_simple_entities (void)
{
  const char *text =
    "{\"format\": \"libiis-catalog\", \"version\": \"1.0\", \"entities\": ["
    " {\"type\": \"state\", \"id\": \"AA\", \"name\": \"State A\"},"
    " {\"type\": \"state\", \"id\": \"BB\", \"name\": \"State B\","
    "  \"identifiers\": {\"iso-3166-1-alpha-2\": \"BB\"}},"
    " {\"type\": \"state\", \"id\": \"CC\", \"name\": \"\\u00c7\\u00e9 \\\"quoted\\\"\"},"
    " {\"type\": \"organization\", \"id\": \"org\", \"name\": \"Organization\","
    "  \"x-unknown\": [1, 2]},"
    " {\"type\": \"agreement\", \"id\": \"pact\"},"
    " {\"type\": \"forum\", \"id\": \"talks\", \"name\": \"Talks\"}],"
    " \"relations\": ["
    " {\"kind\": \"member-of\", \"subject\": \"AA\", \"object\": \"org\", \"start\": \"2001\"},"
    " {\"kind\": \"member-of\", \"subject\": \"CC\", \"object\": \"org\"},"
    " {\"kind\": \"party-to\", \"subject\": \"BB\", \"object\": \"pact\"},"
    " {\"kind\": \"participant-in\", \"subject\": \"AA\", \"object\": \"talks\"}],"
    " \"x-document\": true}";
  g_autoptr(IisCatalog) original = iis_catalog_new ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(IisCatalog) opened = NULL;
  g_autoptr(IisCatalog) layered = iis_test_load_fixture ("full.json");
  g_autoptr(IisCatalog) layered_json = iis_test_load_fixture ("full.json");
  g_autoptr(GError) error = NULL;

  g_assert_true (iis_catalog_load_from_data (original, text, -1, &error));
  g_assert_no_error (error);
  file = snapshot_of (original, "simple.snapshot");
  opened = open_snapshot (file);
  g_assert_true (storage_is_lent (opened));
  assert_same_catalog (original, opened);
  assert_same_answers (original, opened);

  g_assert_true (iis_catalog_load_snapshot (layered, file, IIS_LOAD_FLAGS_OVERRIDE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (iis_catalog_load_from_data_full (layered_json, text, -1, IIS_LOAD_FLAGS_OVERRIDE, &error));
  g_assert_no_error (error);
  assert_same_catalog (layered_json, layered);
}

/* The bundled catalog, and load_from_file() recognises a snapshot. */
static void
test_bundled (void)
{
  g_autoptr(IisCatalog) bundled = iis_catalog_new_default ();
  g_autoptr(GFile) file = snapshot_of (bundled, "bundled.snapshot");
  g_autoptr(IisCatalog) opened = iis_catalog_new ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (iis_catalog_get_n_relations (bundled), >, 1000);
  g_assert_true (iis_catalog_load_from_file (opened, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (storage_is_lent (opened));
  assert_same_catalog (bundled, opened);
}

/* A catalog with holes (removed entities and relations, strings and
 * sources no longer used) is written without them. */
static void
test_holes (void)
{
  g_autoptr(IisCatalog) original = iis_test_scenario_new ();
  g_autoptr(GListModel) relations = iis_catalog_list_relations (original, NULL,
                                                                IIS_RELATION_KIND_ANY, NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(IisCatalog) opened = NULL;
  g_autoptr(IisSource) source = iis_source_new ("A page that will go");
  g_autoptr(IisRelation) extra = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (relations), >, 4);
  extra = iis_test_relate (original, "CN", IIS_RELATION_KIND_MEMBER_OF, "sco", "rare role", NULL, NULL);
  iis_relation_set_qualifier (extra, "note", "a string no other relation has");
  iis_relation_add_source (extra, source);
  g_assert_true (iis_catalog_remove_relation (original, extra));
  g_assert_no_error (error);
  {
    g_autoptr(IisRelation) first = g_list_model_get_item (relations, 0);

    g_assert_true (iis_catalog_remove_relation (original, first));
    g_assert_no_error (error);
  }
  g_assert_true (iis_catalog_remove_entity (original, iis_catalog_lookup (original, "IN")));
  g_assert_no_error (error);

  file = snapshot_of (original, "holes.snapshot");
  opened = open_snapshot (file);
  assert_same_catalog (original, opened);
  assert_same_answers (original, opened);
}

/* Every kind of edit on a catalog whose storage is lent, against the
 * same edits on the catalog loaded from JSON. The test environment
 * checks the invariants after each edit (IIS_DEBUG=invariants). */
static void
test_edits (void)
{
  g_autoptr(IisCatalog) json = iis_test_load_fixture ("full.json");
  g_autoptr(GFile) file = snapshot_of (json, "edits.snapshot");
  g_autoptr(IisCatalog) snap = open_snapshot (file);
  IisCatalog *both[2] = { json, snap };
  g_autoptr(GError) error = NULL;

  g_assert_true (storage_is_lent (snap));

  for (guint c = 0; c < 2; c++)
    {
      g_autoptr(GListModel) all = iis_catalog_list_relations (both[c], NULL, IIS_RELATION_KIND_ANY, NULL);
      g_autoptr(IisRelation) first = g_list_model_get_item (all, 0);
      g_autoptr(IisRelation) last = g_list_model_get_item (all, g_list_model_get_n_items (all) - 1);
      g_autoptr(IisDate) date = iis_test_date ("1999-12-31");

      /* In place: a record rewritten, an array sorted again. */
      iis_relation_set_start (first, date);
      iis_relation_set_role (first, "a role no one else has");
      /* Extra words appended to lent words. */
      iis_relation_set_qualifier (first, "checked", "yes");
      /* An entry removed from lent arrays. */
      g_assert_true (iis_catalog_remove_relation (both[c], last));
      g_assert_no_error (error);
    }
  assert_same_catalog (json, snap);

  for (guint c = 0; c < 2; c++)
    {
      /* Records and arrays that must grow out of the mapping. */
      g_autoptr(IisRelation) added = iis_test_relate (both[c], "UZ", IIS_RELATION_KIND_MEMBER_OF,
                                                      "sco", "observer", "2001-06-15", NULL);
      g_autoptr(IisState) state = iis_state_new ("XK", "Kosovo");

      g_assert_true (iis_catalog_add_entity (both[c], IIS_ENTITY (state), &error));
      g_assert_no_error (error);
      g_object_unref (iis_test_relate (both[c], "XK", IIS_RELATION_KIND_MEMBER_OF, "sco", NULL,
                                       "2020", NULL));
      /* A node whose lent arrays are let go. */
      g_assert_true (iis_catalog_remove_entity (both[c], iis_catalog_lookup (both[c], "RU")));
      g_assert_no_error (error);
    }
  assert_same_catalog (json, snap);
  assert_same_answers (json, snap);

  /* Enough churn for a collection, which compacts the lent words. */
  for (guint c = 0; c < 2; c++)
    {
      g_autoptr(GListModel) all = iis_catalog_list_relations (both[c], NULL, IIS_RELATION_KIND_ANY, NULL);
      g_autoptr(IisRelation) relation = g_list_model_get_item (all, 0);

      IisCatalogStats stats;

      for (guint i = 0; i < 2500; i++)
        {
          g_autofree char *value = g_strdup_printf ("edit %u", i);

          iis_relation_set_qualifier (relation, "edit", value);
        }
      /* Without a collection the words would hold every edit's, at
       * least five words each (counts, the qualifier, no unknown). */
      _iis_catalog_get_stats (both[c], &stats);
      g_test_message ("extra words after the edits: %" G_GSIZE_FORMAT " bytes", stats.extra_bytes);
      g_assert_cmpuint (stats.extra_bytes, <, 2500 * 4 * sizeof (guint32));
    }
  assert_same_catalog (json, snap);
}

/* Into a catalog that holds entities, a snapshot is staged like a
 * document: layered with OVERRIDE as a JSON file is, refused whole on a
 * duplicate id. */
static void
test_into_non_empty (void)
{
  g_autoptr(IisCatalog) full = iis_test_load_fixture ("full.json");
  g_autoptr(GFile) file = snapshot_of (full, "layer.snapshot");
  g_autoptr(IisCatalog) by_json = iis_catalog_new_default ();
  g_autoptr(IisCatalog) by_snapshot = iis_catalog_new_default ();
  g_autoptr(GFile) json = NULL;
  g_autofree char *path = iis_test_data_path ("full.json");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  json = g_file_new_for_path (path);
  g_assert_true (iis_catalog_load_from_file_full (by_json, json, IIS_LOAD_FLAGS_OVERRIDE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (iis_catalog_load_snapshot (by_snapshot, file, IIS_LOAD_FLAGS_OVERRIDE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (storage_is_lent (by_snapshot));
  assert_same_catalog (by_json, by_snapshot);

  /* Without OVERRIDE, RU is already there: nothing is added. */
  before = iis_test_dump (by_json);
  g_assert_false (iis_catalog_load_snapshot (by_json, file, IIS_LOAD_FLAGS_NONE, NULL, &error));
  g_assert_error (error, IIS_ERROR, IIS_ERROR_DUPLICATE_ID);
  g_assert_nonnull (strstr (error->message, "layer.snapshot"));
  after = iis_test_dump (by_json);
  g_assert_cmpstr (before, ==, after);
}

static void
count_signal (gpointer  catalog,
              gpointer  item,
              guint    *count)
{
  (*count)++;
}

/* A handler connected before the load is told of everything, as by a
 * JSON load (the snapshot is then staged, not lent). */
static void
test_signals (void)
{
  g_autoptr(IisCatalog) full = iis_test_load_fixture ("full.json");
  g_autoptr(GFile) file = snapshot_of (full, "signals.snapshot");
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();
  g_autoptr(GError) error = NULL;
  guint entities = 0, relations = 0;

  g_signal_connect (catalog, "entity-added", G_CALLBACK (count_signal), &entities);
  g_signal_connect (catalog, "relation-added", G_CALLBACK (count_signal), &relations);
  g_assert_true (iis_catalog_load_snapshot (catalog, file, IIS_LOAD_FLAGS_NONE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (entities, ==, iis_catalog_get_n_entities (full));
  g_assert_cmpuint (relations, ==, iis_catalog_get_n_relations (full));
  assert_same_catalog (full, catalog);
}

/* The cache: made on the first load, used while the file is unchanged,
 * made again when it changes, even to content of the same size. */
static void
test_cache (void)
{
  g_autofree char *fixture = iis_test_data_path ("full.json");
  g_autofree char *text = NULL;
  g_autoptr(GFile) file = temp_file ("cached.json");
  g_autoptr(GFile) cache = iis_catalog_get_cache_file (file);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInfo) info = NULL;
  gsize length;

  g_assert_nonnull (cache);
  g_assert_true (g_str_has_prefix (g_file_peek_path (cache), g_get_user_cache_dir ()));
  g_assert_true (g_file_get_contents (fixture, &text, &length, NULL));
  g_assert_true (g_file_set_contents (g_file_peek_path (file), text, length, NULL));
  g_assert_false (g_file_query_exists (cache, NULL));

  {
    g_autoptr(IisCatalog) first = iis_catalog_new ();
    g_autoptr(IisCatalog) plain = iis_test_load_fixture ("full.json");

    g_assert_true (iis_catalog_load_from_file_full (first, file, IIS_LOAD_FLAGS_CACHE, NULL, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_query_exists (cache, NULL));
    assert_same_catalog (plain, first);
  }
  info = g_file_query_info (cache, G_FILE_ATTRIBUTE_ID_FILE, G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);

  /* Unchanged: the same cache file (same inode), lent. */
  {
    g_autoptr(IisCatalog) second = iis_catalog_new ();
    g_autoptr(GFileInfo) again = NULL;

    g_assert_true (iis_catalog_load_from_file_full (second, file, IIS_LOAD_FLAGS_CACHE, NULL, &error));
    g_assert_no_error (error);
    g_assert_true (storage_is_lent (second));
    again = g_file_query_info (cache, G_FILE_ATTRIBUTE_ID_FILE, G_FILE_QUERY_INFO_NONE, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (g_file_info_get_attribute_string (again, G_FILE_ATTRIBUTE_ID_FILE), ==,
                     g_file_info_get_attribute_string (info, G_FILE_ATTRIBUTE_ID_FILE));
  }

  /* Changed to content of the same size, mtime kept: the content hash
   * tells. "RU" becomes "RX" everywhere. */
  {
    g_autoptr(IisCatalog) third = iis_catalog_new ();
    g_autoptr(GFileInfo) before = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                                                     G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                                                     G_FILE_QUERY_INFO_NONE, NULL, NULL);
    char *at;

    while ((at = strstr (text, "\"RU\"")) != NULL)
      at[2] = 'X';
    g_assert_true (g_file_set_contents (g_file_peek_path (file), text, length, NULL));
    g_assert_true (g_file_set_attributes_from_info (file, before, G_FILE_QUERY_INFO_NONE, NULL, &error));
    g_assert_no_error (error);

    g_assert_true (iis_catalog_load_from_file_full (third, file, IIS_LOAD_FLAGS_CACHE, NULL, &error));
    g_assert_no_error (error);
    g_assert_nonnull (iis_catalog_lookup (third, "RX"));
    g_assert_null (iis_catalog_lookup (third, "RU"));
  }

  /* A damaged cache is not used; the file is loaded and cached again. */
  {
    g_autoptr(IisCatalog) fourth = iis_catalog_new ();
    g_autofree char *bytes = NULL;
    gsize size;

    g_assert_true (g_file_get_contents (g_file_peek_path (cache), &bytes, &size, NULL));
    bytes[size / 2] ^= 0x40;
    g_assert_true (g_file_set_contents (g_file_peek_path (cache), bytes, size, NULL));
    g_assert_true (iis_catalog_load_from_file_full (fourth, file, IIS_LOAD_FLAGS_CACHE, NULL, &error));
    g_assert_no_error (error);
    g_assert_nonnull (iis_catalog_lookup (fourth, "RX"));
    g_clear_pointer (&bytes, g_free);
    g_assert_true (g_file_get_contents (g_file_peek_path (cache), &bytes, &size, NULL));
    {
      g_autoptr(IisCatalog) fifth = iis_catalog_new ();

      g_assert_true (iis_catalog_load_from_file_full (fifth, file, IIS_LOAD_FLAGS_CACHE, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (storage_is_lent (fifth));
    }
  }

  /* A file with an error is reported as without the cache. */
  {
    g_autoptr(IisCatalog) sixth = iis_catalog_new ();

    g_assert_true (g_file_set_contents (g_file_peek_path (file), "{\"format\": 1", -1, NULL));
    g_assert_false (iis_catalog_load_from_file_full (sixth, file, IIS_LOAD_FLAGS_CACHE, NULL, &error));
    g_assert_error (error, IIS_ERROR, IIS_ERROR_PARSE);
    g_assert_true (g_str_has_prefix (error->message, g_file_peek_path (file)));
    g_assert_cmpuint (iis_catalog_get_n_entities (sixth), ==, 0);
  }
}

/* A file whose relations refer to entities of the catalog under it has
 * no snapshot (it could not stand alone) but loads, and the cache notes
 * it so as not to try again while the file is unchanged. */
static void
test_cache_layer (void)
{
  g_autoptr(GFile) file = temp_file ("layer.json");
  g_autoptr(GFile) cache = iis_catalog_get_cache_file (file);
  g_autoptr(IisCatalog) catalog = iis_test_load_fixture ("full.json");
  g_autoptr(GError) error = NULL;
  const char *text =
    "{\"format\": \"libiis-catalog\", \"version\": \"1.0\","
    " \"entities\": [{\"type\": \"state\", \"id\": \"KZ\", \"name\": \"Kazakhstan\"}],"
    " \"relations\": [{\"kind\": \"member-of\", \"subject\": \"KZ\", \"object\": \"sco\"}]}";

  g_autoptr(IisCatalog) again = iis_test_load_fixture ("full.json");
  g_autoptr(IisCatalog) alone = iis_catalog_new ();
  g_autofree char *note = NULL;
  gsize size;

  g_assert_true (g_file_set_contents (g_file_peek_path (file), text, -1, NULL));
  g_assert_true (iis_catalog_load_from_file_full (catalog, file, IIS_LOAD_FLAGS_CACHE, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (iis_catalog_lookup (catalog, "KZ"));

  /* The entry is a note that the file does not stand alone: a header
   * without sections, which the next load reads as "use the JSON", and
   * which is not a snapshot to load. */
  g_assert_true (g_file_get_contents (g_file_peek_path (cache), &note, &size, NULL));
  g_assert_cmpuint (size, ==, 64);
  g_assert_true (iis_catalog_load_from_file_full (again, file, IIS_LOAD_FLAGS_CACHE, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (iis_catalog_lookup (again, "KZ"));
  g_assert_false (iis_catalog_load_snapshot (alone, cache, IIS_LOAD_FLAGS_NONE, NULL, &error));
  g_assert_error (error, IIS_ERROR, IIS_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "does not stand alone"));
  g_clear_error (&error);

  /* Alone, the same file is an error, reported as without the cache,
   * and the note does not change that. */
  g_assert_false (iis_catalog_load_from_file_full (alone, file, IIS_LOAD_FLAGS_CACHE, NULL, &error));
  g_assert_error (error, IIS_ERROR, IIS_ERROR_UNKNOWN_REFERENCE);
  g_clear_error (&error);

  /* Once it stands alone, it gets a snapshot. */
  g_assert_true (g_file_set_contents (g_file_peek_path (file),
    "{\"format\": \"libiis-catalog\", \"version\": \"1.0\","
    " \"entities\": [{\"type\": \"state\", \"id\": \"KZ\", \"name\": \"Kazakhstan\"}],"
    " \"relations\": []}", -1, NULL));
  g_assert_true (iis_catalog_load_from_file_full (alone, file, IIS_LOAD_FLAGS_CACHE, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&note, g_free);
  g_assert_true (g_file_get_contents (g_file_peek_path (cache), &note, &size, NULL));
  g_assert_cmpuint (size, >, 64);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  work_dir = g_dir_make_tmp ("test-snapshot-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_CACHE_HOME", work_dir, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/iis/snapshot/round-trip", test_round_trip);
  g_test_add_func ("/iis/snapshot/simple-entities", test_simple_entities);
  g_test_add_func ("/iis/snapshot/bundled", test_bundled);
  g_test_add_func ("/iis/snapshot/holes", test_holes);
  g_test_add_func ("/iis/snapshot/edits", test_edits);
  g_test_add_func ("/iis/snapshot/into-non-empty", test_into_non_empty);
  g_test_add_func ("/iis/snapshot/signals", test_signals);
  g_test_add_func ("/iis/snapshot/cache", test_cache);
  g_test_add_func ("/iis/snapshot/cache-layer", test_cache_layer);

  status = g_test_run ();
  remove_tree (work_dir);
  g_free (work_dir);
  return status;
}
