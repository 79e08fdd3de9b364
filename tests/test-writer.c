/* test-writer.c: writing catalogs in the JSON file format
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * When IIS_TEST_OUTPUT_DIR is set, every document the writer produces
 * here is also saved there, so tests/check-schema.py can validate them
 * against data/iis-catalog.schema.json.
 */

#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <libiis/iis.h>

#include "iis-catalog-view-private.h"
#include "iis-entity-private.h"
#include "iis-reader-private.h"
#include "iis-source-private.h"
#include "iis-writer-private.h"
#include "iis-test-util.h"

/* ---- Helpers --------------------------------------------------------- */

static void
keep_output (const char *name,
             const char *data,
             gsize       length)
{
  const char *dir = g_getenv ("IIS_TEST_OUTPUT_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (dir == NULL || *dir == '\0')
    return;
  path = g_build_filename (dir, name, NULL);
  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

static char *
dump_full (IisCatalog   *catalog,
           IisSaveFlags  flags,
           gsize        *length)
{
  g_autoptr(GError) error = NULL;
  char *data = iis_catalog_to_data_full (catalog, flags, length, &error);

  g_assert_no_error (error);
  g_assert_nonnull (data);
  return data;
}

static char *
dump (IisCatalog *catalog)
{
  return dump_full (catalog, IIS_SAVE_FLAGS_NONE, NULL);
}

static char *
read_file (GFile *file)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_load_contents (file, NULL, &contents, NULL, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static IisDate *
date (const char *text)
{
  return iis_test_date (text);
}

/* A temporary folder, removed with what it holds at the end. */
typedef struct
{
  char  *path;
  GFile *dir;
} TmpDir;

static void
tmp_dir_init (TmpDir *tmp)
{
  g_autoptr(GError) error = NULL;

  tmp->path = g_dir_make_tmp ("iis-writer-XXXXXX", &error);
  g_assert_no_error (error);
  tmp->dir = g_file_new_for_path (tmp->path);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in the folder, sorted and joined by spaces. */
static char *
tmp_dir_list (TmpDir *tmp)
{
  g_autoptr(GDir) dir = g_dir_open (tmp->path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

/* The folder holds only catalog.json, with @expected in it: a save that
 * failed left the old file whole and no temporary file behind. */
static void
assert_only_file (TmpDir     *tmp,
                  GFile      *file,
                  const char *expected)
{
  g_autofree char *now = read_file (file);
  g_autofree char *list = tmp_dir_list (tmp);

  g_assert_cmpstr (now, ==, expected);
  g_assert_cmpstr (list, ==, "catalog.json");
}

static void
tmp_dir_clear (TmpDir *tmp)
{
  g_autoptr(GDir) dir = g_dir_open (tmp->path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (tmp->path, name, NULL);

      g_unlink (path);
    }
  g_rmdir (tmp->path);
  g_free (tmp->path);
  g_object_unref (tmp->dir);
}

/* A small catalog built through the API, in no particular order. */
static IisCatalog *
build_small (void)
{
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();
  g_autoptr(IisOrganization) cis = iis_organization_new ("cis", "Commonwealth of Independent States");
  g_autoptr(IisState) kz = iis_state_new ("KZ", "Kazakhstan");
  g_autoptr(IisForum) forum = iis_forum_new ("forum-1", "Forum");
  g_autoptr(IisSource) source = iis_source_new ("Register");
  g_autoptr(IisRelation) membership = NULL;
  g_autoptr(IisRelation) participation = NULL;
  g_autoptr(IisDate) founded = date ("1991-12");
  g_autoptr(IisDate) start = date ("1991-12-21");
  g_autoptr(IisDate) source_date = date ("2014");
  static const char * const topics[] = { "b-topic", "a-topic", NULL };
  g_autoptr(GError) error = NULL;

  iis_organization_set_kind (cis, IIS_ORGANIZATION_KIND_INTERGOVERNMENTAL);
  iis_entity_set_label (IIS_ENTITY (cis), "ru", "СНГ");
  iis_entity_set_label (IIS_ENTITY (cis), "en", "CIS");
  iis_organization_set_founded (cis, founded);

  iis_state_set_numeric (kz, 398);
  iis_state_set_alpha3 (kz, "KAZ");
  iis_state_set_alpha2 (kz, "KZ");
  iis_entity_set_identifier (IIS_ENTITY (kz), "wikidata", "Q232");
  iis_entity_set_identifier (IIS_ENTITY (kz), "iso3166-1", "KZ");
  iis_entity_set_description (IIS_ENTITY (kz), "Line 1\nLine \"2\"");
  iis_source_set_date (source, source_date);
  iis_source_set_quote (source, "…");
  iis_entity_add_source (IIS_ENTITY (kz), source);

  iis_forum_set_kind (forum, IIS_FORUM_KIND_MEETING);
  iis_forum_set_topics (forum, topics);

  iis_catalog_add_entity (catalog, IIS_ENTITY (forum), &error);
  g_assert_no_error (error);
  iis_catalog_add_entity (catalog, IIS_ENTITY (cis), &error);
  g_assert_no_error (error);
  iis_catalog_add_entity (catalog, IIS_ENTITY (kz), &error);
  g_assert_no_error (error);

  participation = iis_relation_new (IIS_RELATION_KIND_PARTICIPANT_IN, IIS_ENTITY (kz), IIS_ENTITY (forum));
  iis_catalog_add_relation (catalog, participation, &error);
  g_assert_no_error (error);

  membership = iis_relation_new (IIS_RELATION_KIND_MEMBER_OF, IIS_ENTITY (kz), IIS_ENTITY (cis));
  iis_relation_set_role (membership, "member");
  iis_relation_set_start (membership, start);
  iis_relation_set_confidence (membership, IIS_CONFIDENCE_HIGH);
  iis_relation_set_qualifier (membership, "z", "last");
  iis_relation_set_qualifier (membership, "a", "first");
  iis_relation_add_source (membership, source);
  iis_catalog_add_relation (catalog, membership, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&catalog);
}

static const char small_expected[] =
  "{\n"
  "  \"format\": \"libiis-catalog\",\n"
  "  \"version\": \"1.0\",\n"
  "  \"entities\": [\n"
  "    {\n"
  "      \"type\": \"state\",\n"
  "      \"id\": \"KZ\",\n"
  "      \"name\": \"Kazakhstan\",\n"
  "      \"description\": \"Line 1\\nLine \\\"2\\\"\",\n"
  "      \"identifiers\": {\n"
  "        \"iso3166-1\": \"KZ\",\n"
  "        \"wikidata\": \"Q232\"\n"
  "      },\n"
  "      \"sources\": [\n"
  "        {\n"
  "          \"title\": \"Register\",\n"
  "          \"date\": \"2014\",\n"
  "          \"quote\": \"…\"\n"
  "        }\n"
  "      ],\n"
  "      \"alpha-2\": \"KZ\",\n"
  "      \"alpha-3\": \"KAZ\",\n"
  "      \"numeric\": 398\n"
  "    },\n"
  "    {\n"
  "      \"type\": \"organization\",\n"
  "      \"id\": \"cis\",\n"
  "      \"name\": \"Commonwealth of Independent States\",\n"
  "      \"labels\": {\n"
  "        \"en\": \"CIS\",\n"
  "        \"ru\": \"СНГ\"\n"
  "      },\n"
  "      \"kind\": \"intergovernmental\",\n"
  "      \"founded\": \"1991-12\"\n"
  "    },\n"
  "    {\n"
  "      \"type\": \"forum\",\n"
  "      \"id\": \"forum-1\",\n"
  "      \"name\": \"Forum\",\n"
  "      \"kind\": \"meeting\",\n"
  "      \"topics\": [\n"
  "        \"b-topic\",\n"
  "        \"a-topic\"\n"
  "      ]\n"
  "    }\n"
  "  ],\n"
  "  \"relations\": [\n"
  "    {\n"
  "      \"kind\": \"member-of\",\n"
  "      \"subject\": \"KZ\",\n"
  "      \"object\": \"cis\",\n"
  "      \"role\": \"member\",\n"
  "      \"start\": \"1991-12-21\",\n"
  "      \"confidence\": \"high\",\n"
  "      \"qualifiers\": {\n"
  "        \"a\": \"first\",\n"
  "        \"z\": \"last\"\n"
  "      },\n"
  "      \"sources\": [\n"
  "        {\n"
  "          \"title\": \"Register\",\n"
  "          \"date\": \"2014\",\n"
  "          \"quote\": \"…\"\n"
  "        }\n"
  "      ]\n"
  "    },\n"
  "    {\n"
  "      \"kind\": \"participant-in\",\n"
  "      \"subject\": \"KZ\",\n"
  "      \"object\": \"forum-1\"\n"
  "    }\n"
  "  ]\n"
  "}\n";

/* Relations enough to take several chunks: every state a member of
 * every organization, with a start date. */
static IisCatalog *
build_large (guint n_states,
             guint n_organizations)
{
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();
  g_autoptr(GPtrArray) states = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  for (guint s = 0; s < n_states; s++)
    {
      g_autofree char *id = g_strdup_printf ("state-%04u", s);
      IisState *state = iis_state_new (id, id);

      iis_catalog_add_entity (catalog, IIS_ENTITY (state), &error);
      g_assert_no_error (error);
      g_ptr_array_add (states, state);
    }

  for (guint o = 0; o < n_organizations; o++)
    {
      g_autofree char *id = g_strdup_printf ("org-%03u", o);
      g_autoptr(IisOrganization) org = iis_organization_new (id, id);

      iis_catalog_add_entity (catalog, IIS_ENTITY (org), &error);
      g_assert_no_error (error);
      for (guint s = 0; s < n_states; s++)
        {
          g_autoptr(IisRelation) relation =
            iis_relation_new (IIS_RELATION_KIND_MEMBER_OF, g_ptr_array_index (states, s),
                              IIS_ENTITY (org));
          g_autoptr(IisDate) start = iis_date_new (1950 + (s + o) % 70, 1 + s % 12, 0);

          iis_relation_set_role (relation, s % 3 == 0 ? "observer" : "member");
          iis_relation_set_start (relation, start);
          iis_catalog_add_relation (catalog, relation, &error);
          g_assert_no_error (error);
        }
    }

  return g_steal_pointer (&catalog);
}

/* ---- Output streams that count, fail or cancel -------------------- */

typedef struct
{
  GFilterOutputStream  parent_instance;
  gsize                written;
  gsize                n_writes;
  gsize                largest_write;
  gsize                fail_after;    /* G_MAXSIZE: never */
  gsize                cancel_after;  /* G_MAXSIZE: never */
  GCancellable        *cancellable;
} TestStream;

typedef struct
{
  GFilterOutputStreamClass parent_class;
} TestStreamClass;

static GType test_stream_get_type (void);
G_DEFINE_TYPE (TestStream, test_stream, G_TYPE_FILTER_OUTPUT_STREAM)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestStream, g_object_unref)

static gssize
test_stream_write (GOutputStream  *stream,
                   const void     *buffer,
                   gsize           count,
                   GCancellable   *cancellable,
                   GError        **error)
{
  TestStream *self = (TestStream *) stream;
  GOutputStream *base = g_filter_output_stream_get_base_stream (G_FILTER_OUTPUT_STREAM (stream));
  gssize n;

  self->n_writes++;
  self->largest_write = MAX (self->largest_write, count);

  if (self->written >= self->fail_after)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "No space left (a test)");
      return -1;
    }
  count = MIN (count, self->fail_after - self->written);

  n = g_output_stream_write (base, buffer, count, cancellable, error);
  if (n > 0)
    self->written += n;
  if (self->written >= self->cancel_after && self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  return n;
}

static void
test_stream_finalize (GObject *object)
{
  TestStream *self = (TestStream *) object;

  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (test_stream_parent_class)->finalize (object);
}

static void
test_stream_class_init (TestStreamClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_stream_finalize;
  G_OUTPUT_STREAM_CLASS (klass)->write_fn = test_stream_write;
}

static void
test_stream_init (TestStream *self)
{
  self->fail_after = G_MAXSIZE;
  self->cancel_after = G_MAXSIZE;
}

static TestStream *
test_stream_new (GOutputStream *base)
{
  return g_object_new (test_stream_get_type (), "base-stream", base, NULL);
}

typedef struct
{
  gsize         fail_after;
  gsize         cancel_after;
  GCancellable *cancellable;
  TestStream   *stream;       /* the last one made, a reference */
} WrapData;

static GOutputStream *
wrap_in_test_stream (GOutputStream *base,
                     gpointer       user_data)
{
  WrapData *wrap = user_data;
  TestStream *stream = test_stream_new (base);

  stream->fail_after = wrap->fail_after;
  stream->cancel_after = wrap->cancel_after;
  if (wrap->cancellable != NULL)
    stream->cancellable = g_object_ref (wrap->cancellable);
  g_set_object (&wrap->stream, stream);
  return G_OUTPUT_STREAM (stream);
}

/* ---- Tests ---------------------------------------------------------- */

static void
test_empty (void)
{
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();
  g_autofree char *pretty = NULL;
  g_autofree char *compact = NULL;
  gsize length;

  pretty = dump_full (catalog, IIS_SAVE_FLAGS_NONE, &length);
  g_assert_cmpstr (pretty, ==,
                   "{\n"
                   "  \"format\": \"libiis-catalog\",\n"
                   "  \"version\": \"1.0\",\n"
                   "  \"entities\": [],\n"
                   "  \"relations\": []\n"
                   "}\n");
  g_assert_cmpuint (length, ==, strlen (pretty));
  keep_output ("empty.json", pretty, length);

  compact = dump_full (catalog, IIS_SAVE_FLAGS_COMPACT, &length);
  g_assert_cmpstr (compact, ==,
                   "{\"format\":\"libiis-catalog\",\"version\":\"1.0\",\"entities\":[],\"relations\":[]}");
  keep_output ("empty-compact.json", compact, length);
}

/* Member order, sorting, omitted defaults, escaping: all pinned down. */
static void
test_built (void)
{
  g_autoptr(IisCatalog) catalog = build_small ();
  g_autoptr(IisCatalog) again = iis_catalog_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *data = dump (catalog);
  g_autofree char *data_again = NULL;

  g_assert_cmpstr (data, ==, small_expected);
  keep_output ("built.json", data, strlen (data));

  iis_catalog_load_from_data (again, data, -1, &error);
  g_assert_no_error (error);
  data_again = dump (again);
  g_assert_cmpstr (data_again, ==, data);
}

/* The writer writes the lowest version that holds the catalog: 1.1 only
 * while a relation of a kind that 1.1 added is in it. */
static void
test_format_version (void)
{
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();
  g_autoptr(IisCatalog) again = iis_catalog_new ();
  g_autoptr(IisState) fr = g_object_new (IIS_TYPE_STATE, "id", "FR", NULL);
  g_autoptr(IisAgreement) res = g_object_new (IIS_TYPE_AGREEMENT, "id", "unga-res-73-27", NULL);
  g_autoptr(IisDate) day = iis_date_new (2018, 12, 5);
  g_autoptr(IisRelation) party = NULL;
  g_autoptr(IisRelation) vote = NULL;
  g_autoptr(IisRelation) support = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *newer = NULL;
  g_autofree char *again_data = NULL;
  g_autofree char *after = NULL;

  g_assert_true (iis_catalog_add_entity (catalog, IIS_ENTITY (fr), NULL));
  g_assert_true (iis_catalog_add_entity (catalog, IIS_ENTITY (res), NULL));
  party = g_object_new (IIS_TYPE_RELATION, "kind", IIS_RELATION_KIND_PARTY_TO,
                        "subject", fr, "object", res, NULL);
  g_assert_true (iis_catalog_add_relation (catalog, party, NULL));
  plain = dump (catalog);
  g_assert_nonnull (strstr (plain, "\"version\": \"1.0\""));

  vote = g_object_new (IIS_TYPE_RELATION, "kind", IIS_RELATION_KIND_VOTES_ON,
                       "subject", fr, "object", res, "role", "no", "start", day, NULL);
  support = g_object_new (IIS_TYPE_RELATION, "kind", IIS_RELATION_KIND_SUPPORTS,
                          "subject", fr, "object", res, NULL);
  g_assert_true (iis_catalog_add_relation (catalog, vote, &error));
  g_assert_no_error (error);
  g_assert_true (iis_catalog_add_relation (catalog, support, &error));
  g_assert_no_error (error);
  newer = dump (catalog);
  g_assert_nonnull (strstr (newer, "\"version\": \"1.1\""));
  g_assert_nonnull (strstr (newer, "\"kind\": \"votes-on\""));
  g_assert_nonnull (strstr (newer, "\"kind\": \"supports\""));

  /* A 1.1 document reads back to the same bytes. */
  iis_catalog_load_from_data (again, newer, -1, &error);
  g_assert_no_error (error);
  again_data = dump (again);
  g_assert_cmpstr (again_data, ==, newer);

  /* One 1.1 relation left keeps 1.1; none left goes back to 1.0. */
  g_assert_true (iis_catalog_remove_relation (catalog, vote));
  g_free (after);
  after = dump (catalog);
  g_assert_nonnull (strstr (after, "\"version\": \"1.1\""));
  g_assert_true (iis_catalog_remove_entity (catalog, IIS_ENTITY (res)));
  g_free (after);
  after = dump (catalog);
  g_assert_nonnull (strstr (after, "\"version\": \"1.0\""));
}

/* An inexact (EDTF) date anywhere makes the document 1.1: in a relation,
 * an entity's date, an other name or a source; it reads back the same. */
static void
test_format_version_edtf (void)
{
  static const char * const documents[] = {
    "{\"format\":\"libiis-catalog\",\"version\":\"1.0\",\"entities\":["
    "{\"type\":\"state\",\"id\":\"GE\"},{\"type\":\"organization\",\"id\":\"cis\"}],"
    "\"relations\":[{\"kind\":\"member-of\",\"subject\":\"GE\",\"object\":\"cis\","
    "\"start\":\"1993-12\",\"end\":\"2009-08-18?\"}]}",
    "{\"format\":\"libiis-catalog\",\"version\":\"1.0\",\"entities\":["
    "{\"type\":\"organization\",\"id\":\"cis\",\"founded\":\"199X\"}],\"relations\":[]}",
    "{\"format\":\"libiis-catalog\",\"version\":\"1.0\",\"entities\":["
    "{\"type\":\"organization\",\"id\":\"sco\",\"other-names\":[{\"name\":\"Shanghai Five\","
    "\"start\":\"1996~\"}]}],\"relations\":[]}",
    "{\"format\":\"libiis-catalog\",\"version\":\"1.0\",\"entities\":["
    "{\"type\":\"organization\",\"id\":\"sco\",\"sources\":[{\"title\":\"t\",\"date\":\"2019-XX\"}]}],"
    "\"relations\":[]}",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_autoptr(IisCatalog) catalog = iis_catalog_new ();
      g_autoptr(IisCatalog) again = iis_catalog_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *data = NULL;
      g_autofree char *data_again = NULL;

      g_test_message ("%s", documents[i]);
      iis_catalog_load_from_data (catalog, documents[i], -1, &error);
      g_assert_no_error (error);
      data = dump (catalog);
      g_assert_nonnull (strstr (data, "\"version\": \"1.1\""));
      iis_catalog_load_from_data (again, data, -1, &error);
      g_assert_no_error (error);
      data_again = dump (again);
      g_assert_cmpstr (data_again, ==, data);
    }
}

/* A source's locator is a 1.1 member: a catalog whose sources carry none
 * is written as 1.0, one with a locator on an entity's or a relation's
 * source as 1.1, and the locator reads back as the property, not as an
 * unknown member. Two sources that differ only by their locator stay two
 * sources in the pool. */
static void
test_format_version_locator (void)
{
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();
  g_autoptr(IisCatalog) again = iis_catalog_new ();
  g_autoptr(IisState) al = g_object_new (IIS_TYPE_STATE, "id", "AL", NULL);
  g_autoptr(IisAgreement) ets = g_object_new (IIS_TYPE_AGREEMENT, "id", "coe-ets-185", NULL);
  g_autoptr(IisSource) chart = iis_source_new ("Chart of signatures");
  g_autoptr(IisSource) row_al = iis_source_new ("Chart of signatures");
  g_autoptr(IisSource) row_am = iis_source_new ("Chart of signatures");
  g_autoptr(IisSource) on_entity = iis_source_new ("ISO 3166-1");
  g_autoptr(IisSource) read_back = NULL;
  g_autoptr(IisRelation) party = NULL;
  g_autoptr(IisRelation) signature = NULL;
  IisEntity *al_again;
  g_autoptr(GError) error = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *newer = NULL;
  g_autofree char *again_data = NULL;
  g_autofree char *after = NULL;
  GListModel *sources;
  IisRelation *party_again;

  g_assert_true (iis_catalog_add_entity (catalog, IIS_ENTITY (al), NULL));
  g_assert_true (iis_catalog_add_entity (catalog, IIS_ENTITY (ets), NULL));
  party = g_object_new (IIS_TYPE_RELATION, "kind", IIS_RELATION_KIND_PARTY_TO,
                        "subject", al, "object", ets, NULL);
  iis_relation_add_source (party, chart);
  g_assert_true (iis_catalog_add_relation (catalog, party, NULL));
  plain = dump (catalog);
  g_assert_nonnull (strstr (plain, "\"version\": \"1.0\""));
  g_assert_null (strstr (plain, "locator"));

  /* On a relation's source; the same page at two rows is two sources. */
  iis_source_set_locator (row_al, "member-state table, row Albania");
  iis_source_set_locator (row_am, "member-state table, row Armenia");
  signature = g_object_new (IIS_TYPE_RELATION, "kind", IIS_RELATION_KIND_SIGNATORY_OF,
                            "subject", al, "object", ets, NULL);
  iis_relation_add_source (signature, row_al);
  iis_relation_add_source (signature, row_am);
  iis_relation_add_source (signature, chart);
  g_assert_true (iis_catalog_add_relation (catalog, signature, &error));
  g_assert_no_error (error);
  sources = iis_relation_get_sources (signature);
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, 3);
  newer = dump (catalog);
  g_assert_nonnull (strstr (newer, "\"version\": \"1.1\""));
  g_assert_nonnull (strstr (newer, "\"locator\": \"member-state table, row Albania\""));
  g_assert_nonnull (strstr (newer, "\"locator\": \"member-state table, row Armenia\""));

  /* It reads back as the property, and to the same bytes. */
  iis_catalog_load_from_data (again, newer, -1, &error);
  g_assert_no_error (error);
  again_data = dump (again);
  g_assert_cmpstr (again_data, ==, newer);
  al_again = iis_catalog_lookup (again, "AL");
  g_assert_nonnull (al_again);
  {
    g_autoptr(GListModel) relations = iis_catalog_list_relations (again, al_again,
                                                                  IIS_RELATION_KIND_SIGNATORY_OF, NULL);

    g_assert_cmpuint (g_list_model_get_n_items (relations), ==, 1);
    party_again = g_list_model_get_item (relations, 0);
    sources = iis_relation_get_sources (party_again);
    g_assert_cmpuint (g_list_model_get_n_items (sources), ==, 3);
    read_back = g_list_model_get_item (sources, 1);
    g_assert_cmpstr (iis_source_get_locator (read_back), ==, "member-state table, row Armenia");
    g_assert_null (_iis_source_get_unknown (read_back));
    g_assert_true (iis_source_equal (read_back, row_am));
    g_object_unref (party_again);
  }

  /* Without the relation the catalog is 1.0 again … */
  g_assert_true (iis_catalog_remove_relation (catalog, signature));
  after = dump (catalog);
  g_assert_nonnull (strstr (after, "\"version\": \"1.0\""));

  /* … until an entity's source has a locator. */
  iis_source_set_locator (on_entity, "row UZ");
  iis_entity_add_source (IIS_ENTITY (al), on_entity);
  g_free (after);
  after = dump (catalog);
  g_assert_nonnull (strstr (after, "\"version\": \"1.1\""));
  g_assert_nonnull (strstr (after, "\"locator\": \"row UZ\""));
}

/* load → save → load gives an equal catalog; saving twice, the same bytes. */
static void
test_round_trip (void)
{
  g_autoptr(IisCatalog) catalog = iis_test_load_fixture ("full.json");
  g_autoptr(IisCatalog) again = iis_catalog_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *data = dump (catalog);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *data_again = NULL;
  g_autoptr(GFile) file = NULL;
  TmpDir tmp;

  tmp_dir_init (&tmp);
  file = g_file_get_child (tmp.dir, "catalog.json");

  iis_catalog_save_to_file (catalog, file, NULL, &error);
  g_assert_no_error (error);
  first = read_file (file);
  g_assert_cmpstr (first, ==, data);
  keep_output ("round-trip.json", first, strlen (first));

  iis_catalog_save_to_file (catalog, file, NULL, &error);
  g_assert_no_error (error);
  second = read_file (file);
  g_assert_cmpstr (second, ==, first);

  iis_catalog_load_from_file (again, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (iis_catalog_get_n_entities (again), ==, iis_catalog_get_n_entities (catalog));
  g_assert_cmpuint (iis_catalog_get_n_relations (again), ==, iis_catalog_get_n_relations (catalog));
  data_again = dump (again);
  g_assert_cmpstr (data_again, ==, data);

  g_file_delete (file, NULL, NULL);
  tmp_dir_clear (&tmp);
}

static void
test_compact (void)
{
  g_autoptr(IisCatalog) catalog = iis_test_load_fixture ("full.json");
  g_autoptr(IisCatalog) again = iis_catalog_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *pretty = dump (catalog);
  g_autofree char *compact = NULL;
  g_autofree char *pretty_again = NULL;
  g_autofree char *compact_again = NULL;
  gsize length;
  gboolean in_string = FALSE;

  compact = dump_full (catalog, IIS_SAVE_FLAGS_COMPACT, &length);
  keep_output ("full-compact.json", compact, length);
  g_assert_cmpuint (length, <, strlen (pretty));

  /* No white space outside strings */
  for (const char *p = compact; *p != '\0'; p++)
    {
      if (*p == '\\' && in_string)
        p++;
      else if (*p == '"')
        in_string = !in_string;
      else if (!in_string)
        g_assert_false (g_ascii_isspace (*p));
    }

  iis_catalog_load_from_data (again, compact, length, &error);
  g_assert_no_error (error);
  pretty_again = dump (again);
  g_assert_cmpstr (pretty_again, ==, pretty);
  compact_again = dump_full (again, IIS_SAVE_FLAGS_COMPACT, NULL);
  g_assert_cmpstr (compact_again, ==, compact);
}

/* Every character survives, escaped as JSON needs. */
static void
test_escaping (void)
{
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();
  g_autoptr(IisCatalog) again = iis_catalog_new ();
  g_autoptr(IisState) state = iis_state_new ("XX", NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;

  for (char c = 1; c < 0x20; c++)
    g_string_append_c (text, c);
  g_string_append (text, "\"\\/\x7f \u00e9 \u2028 \u4e2d \U0001F6E1 end");
  iis_entity_set_name (IIS_ENTITY (state), text->str);
  iis_entity_set_label (IIS_ENTITY (state), "q\"uote", "back\\slash");
  iis_catalog_add_entity (catalog, IIS_ENTITY (state), &error);
  g_assert_no_error (error);

  data = dump (catalog);
  keep_output ("escaping.json", data, strlen (data));
  g_assert_nonnull (strstr (data, "\\u0001\\u0002"));
  g_assert_nonnull (strstr (data, "\\b\\t\\n\\u000b\\f\\r"));
  g_assert_nonnull (strstr (data, "\\\"\\\\/"));

  iis_catalog_load_from_data (again, data, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (iis_entity_get_name (iis_catalog_lookup (again, "XX")), ==, text->str);
  g_assert_cmpstr (iis_entity_get_label (iis_catalog_lookup (again, "XX"), "q\"uote"), ==, "back\\slash");
}

/* Unknown members: after the known ones, sorted; numbers keep their type. */
static void
test_unknown_members (void)
{
  static const char doc[] =
    "{\"format\": \"libiis-catalog\", \"version\": \"1.0\", \"zz\": 1, \"aa\": [true, null],\n"
    " \"entities\": [{\"type\": \"state\", \"id\": \"KZ\", \"y-float\": 3.0, \"x-tiny\": 1e-7,\n"
    "                \"w-tenth\": 0.1, \"v-big\": -1.5e300, \"u-int\": -42, \"name\": \"Kazakhstan\"}]}";
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();
  g_autoptr(IisCatalog) again = iis_catalog_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *data_again = NULL;
  g_autoptr(JsonObject) clash = json_object_new ();
  IisEntity *kz;
  JsonObject *unknown;

  iis_catalog_load_from_data (catalog, doc, -1, &error);
  g_assert_no_error (error);
  data = dump (catalog);
  keep_output ("unknown-members.json", data, strlen (data));
  g_assert_nonnull (strstr (data,
                            "      \"name\": \"Kazakhstan\",\n"
                            "      \"u-int\": -42,\n"
                            "      \"v-big\": -1.5e+300,\n"
                            "      \"w-tenth\": 0.1,\n"
                            "      \"x-tiny\": 1e-07,\n"
                            "      \"y-float\": 3.0\n"));
  g_assert_nonnull (strstr (data,
                            "  \"relations\": [],\n"
                            "  \"aa\": [\n    true,\n    null\n  ],\n"
                            "  \"zz\": 1\n}\n"));

  iis_catalog_load_from_data (again, data, -1, &error);
  g_assert_no_error (error);
  unknown = _iis_entity_get_unknown (iis_catalog_lookup (again, "KZ"));
  g_assert_cmpfloat (json_object_get_double_member (unknown, "w-tenth"), ==, 0.1);
  g_assert_cmpfloat (json_object_get_double_member (unknown, "v-big"), ==, -1.5e300);
  g_assert_true (JSON_NODE_HOLDS_VALUE (json_object_get_member (unknown, "y-float")));
  g_assert_true (json_node_get_value_type (json_object_get_member (unknown, "y-float")) == G_TYPE_DOUBLE);
  data_again = dump (again);
  g_assert_cmpstr (data_again, ==, data);

  /* An unknown member named as a known one is not written twice. */
  kz = iis_catalog_lookup (catalog, "KZ");
  json_object_set_string_member (clash, "name", "shadow");
  json_object_set_string_member (clash, "alpha-2", "QQ");
  json_object_set_string_member (clash, "other", "kept");
  _iis_entity_set_unknown (kz, clash);
  g_clear_pointer (&data, g_free);
  data = dump (catalog);
  g_assert_null (strstr (data, "shadow"));
  g_assert_null (strstr (data, "QQ"));
  g_assert_nonnull (strstr (data, "\"other\": \"kept\""));
}

static void
test_invalid_utf8 (void)
{
  g_autoptr(IisCatalog) catalog = iis_test_load_fixture ("full.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *old = NULL;
  char *data;
  TmpDir tmp;

  tmp_dir_init (&tmp);
  file = g_file_get_child (tmp.dir, "catalog.json");
  iis_catalog_save_to_file (catalog, file, NULL, &error);
  g_assert_no_error (error);
  old = read_file (file);

  iis_entity_set_name (iis_catalog_lookup (catalog, "RU"), "Russia \xff");

  data = iis_catalog_to_data (catalog, NULL, &error);
  g_assert_null (data);
  g_assert_error (error, IIS_ERROR, IIS_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "entity “RU”"));
  g_clear_error (&error);

  g_assert_false (iis_catalog_save_to_file (catalog, file, NULL, &error));
  g_assert_error (error, IIS_ERROR, IIS_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  assert_only_file (&tmp, file, old);

  tmp_dir_clear (&tmp);
}

/* What the reader would refuse is not written either. */
static void
test_unloadable_values (void)
{
  g_autoptr(IisCatalog) catalog = build_small ();
  IisEntity *kz = iis_catalog_lookup (catalog, "KZ");
  IisEntity *forum = iis_catalog_lookup (catalog, "forum-1");
  static const char * const empty_topic[] = { "cyber", "", NULL };
  static const char * const good_topics[] = { "cyber", NULL };
  g_autoptr(GError) error = NULL;
  char *data;

  iis_state_set_alpha2 (IIS_STATE (kz), "kz");
  data = iis_catalog_to_data (catalog, NULL, &error);
  g_assert_null (data);
  g_assert_error (error, IIS_ERROR, IIS_ERROR_INVALID_VALUE);
  g_assert_cmpstr (error->message, ==, "entity “KZ”: alpha-2 “kz” is not 2 capital letters A–Z");
  g_clear_error (&error);
  iis_state_set_alpha2 (IIS_STATE (kz), "KZ");

  iis_forum_set_topics (IIS_FORUM (forum), empty_topic);
  data = iis_catalog_to_data (catalog, NULL, &error);
  g_assert_null (data);
  g_assert_error (error, IIS_ERROR, IIS_ERROR_INVALID_VALUE);
  g_assert_cmpstr (error->message, ==, "entity “forum-1”: a topic is empty");
  g_clear_error (&error);
  iis_forum_set_topics (IIS_FORUM (forum), good_topics);

  data = iis_catalog_to_data (catalog, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (data);
  g_free (data);
}

/* Text the reader would refuse for its length is not written either: a
 * name of control characters that grows past the reader's 1 MiB a
 * string once escaped, a huge qualifier key, a document over the
 * reader's size limit. Each fails with IIS_ERROR_LIMIT_EXCEEDED, and what
 * is at the limit is written and loads. */
static void
test_reader_limits (void)
{
  g_autoptr(IisCatalog) catalog = build_small ();
  IisEntity *kz = iis_catalog_lookup (catalog, "KZ");
  g_autoptr(GListModel) relations = NULL;
  g_autoptr(IisRelation) membership = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *controls = NULL;
  g_autofree char *key = NULL;
  g_autofree char *fits = NULL;
  IisFormatLimits limits;
  char *data;

  /* 200,000 control characters: 1.2 MB as \u0001 escapes */
  controls = g_strnfill (200000, '\x01');
  iis_entity_set_name (kz, controls);
  data = iis_catalog_to_data (catalog, NULL, &error);
  g_assert_null (data);
  g_assert_error (error, IIS_ERROR, IIS_ERROR_LIMIT_EXCEEDED);
  g_assert_nonnull (strstr (error->message, "entity “KZ”"));
  g_assert_nonnull (strstr (error->message, "“name”"));
  g_clear_error (&error);

  /* Exactly at the limit, as written: writes and loads */
  fits = g_strnfill ((1 << 20) / 6, '\x01');
  fits[(1 << 20) / 6 - 1] = 'x';
  iis_entity_set_name (kz, fits);
  data = iis_catalog_to_data (catalog, NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr(IisCatalog) again = iis_catalog_new ();

    g_assert_true (iis_catalog_load_from_data (again, data, -1, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (iis_entity_get_name (iis_catalog_lookup (again, "KZ")), ==, fits);
  }
  g_free (data);
  iis_entity_set_name (kz, "Kazakhstan");

  /* A 2 MiB qualifier key */
  relations = iis_catalog_list_relations (catalog, kz, IIS_RELATION_KIND_MEMBER_OF, NULL);
  membership = g_list_model_get_item (relations, 0);
  key = g_strnfill (2 << 20, 'k');
  iis_relation_set_qualifier (membership, key, "v");
  data = iis_catalog_to_data (catalog, NULL, &error);
  g_assert_null (data);
  g_assert_error (error, IIS_ERROR, IIS_ERROR_LIMIT_EXCEEDED);
  g_assert_nonnull (strstr (error->message, "relations[0]"));
  g_clear_error (&error);
  iis_relation_set_qualifier (membership, key, NULL);

  /* A document larger than the reader takes */
  _iis_format_get_default_limits (&limits);
  limits.max_document_size = 1000;
  _iis_format_set_default_limits (&limits);
  data = iis_catalog_to_data (catalog, NULL, &error);
  g_assert_null (data);
  g_assert_error (error, IIS_ERROR, IIS_ERROR_LIMIT_EXCEEDED);
  g_clear_error (&error);
  _iis_format_set_default_limits (NULL);

  data = iis_catalog_to_data (catalog, NULL, &error);
  g_assert_no_error (error);
  g_free (data);
}

/* The same limits are checked on the way in: adding an entity or a
 * relation with text a reader would refuse for its length fails with
 * IIS_ERROR_LIMIT_EXCEEDED and adds nothing. (The setters cannot say no;
 * for text set later, saving does.) */
static void
test_reader_limits_on_the_way_in (void)
{
  g_autoptr(IisCatalog) catalog = build_small ();
  g_autoptr(IisState) state = iis_state_new ("XX", "X");
  g_autoptr(IisSource) source = iis_source_new ("A source");
  g_autoptr(IisRelation) relation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *controls = g_strnfill (200000, '\x01');
  g_autofree char *key = g_strnfill (2 << 20, 'k');
  guint n_entities = iis_catalog_get_n_entities (catalog);
  guint n_relations = iis_catalog_get_n_relations (catalog);

  iis_entity_set_description (IIS_ENTITY (state), controls);
  g_assert_false (iis_catalog_add_entity (catalog, IIS_ENTITY (state), &error));
  g_assert_error (error, IIS_ERROR, IIS_ERROR_LIMIT_EXCEEDED);
  g_assert_nonnull (strstr (error->message, "“description”"));
  g_clear_error (&error);
  g_assert_cmpuint (iis_catalog_get_n_entities (catalog), ==, n_entities);
  g_assert_null (iis_catalog_lookup (catalog, "XX"));

  iis_entity_set_description (IIS_ENTITY (state), NULL);
  iis_source_set_quote (source, controls);
  iis_entity_add_source (IIS_ENTITY (state), source);
  g_assert_false (iis_catalog_add_entity (catalog, IIS_ENTITY (state), &error));
  g_assert_error (error, IIS_ERROR, IIS_ERROR_LIMIT_EXCEEDED);
  g_clear_error (&error);
  iis_source_set_quote (source, "fits");
  g_assert_true (iis_catalog_add_entity (catalog, IIS_ENTITY (state), &error));
  g_assert_no_error (error);

  relation = iis_relation_new (IIS_RELATION_KIND_MEMBER_OF, IIS_ENTITY (state),
                               iis_catalog_lookup (catalog, "cis"));
  iis_relation_set_qualifier (relation, key, "v");
  g_assert_false (iis_catalog_add_relation (catalog, relation, &error));
  g_assert_error (error, IIS_ERROR, IIS_ERROR_LIMIT_EXCEEDED);
  g_clear_error (&error);
  g_assert_false (iis_relation_is_in_catalog (relation));
  g_assert_cmpuint (iis_catalog_get_n_relations (catalog), ==, n_relations);

  iis_relation_set_qualifier (relation, key, NULL);
  iis_relation_set_role (relation, controls);
  g_assert_false (iis_catalog_add_relation (catalog, relation, &error));
  g_assert_error (error, IIS_ERROR, IIS_ERROR_LIMIT_EXCEEDED);
  g_assert_nonnull (strstr (error->message, "“role”"));
  g_clear_error (&error);

  iis_relation_set_role (relation, "member");
  iis_relation_add_source (relation, source);
  iis_source_set_title (source, controls);
  g_assert_false (iis_catalog_add_relation (catalog, relation, &error));
  g_assert_error (error, IIS_ERROR, IIS_ERROR_LIMIT_EXCEEDED);
  g_clear_error (&error);
  iis_source_set_title (source, "A source");
  g_assert_true (iis_catalog_add_relation (catalog, relation, &error));
  g_assert_no_error (error);
}

/* The stream variant writes in chunks, never the whole text at once. */
static void
test_stream_chunks (void)
{
  g_autoptr(IisCatalog) catalog = build_large (400, 10);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(TestStream) counting = test_stream_new (memory);
  g_autoptr(GError) error = NULL;
  gsize length;
  g_autofree char *data = dump_full (catalog, IIS_SAVE_FLAGS_NONE, &length);

  g_assert_cmpuint (iis_catalog_get_n_relations (catalog), ==, 4000);
  g_assert_cmpuint (length, >, 4 * 128 * 1024);
  keep_output ("large.json", data, length);

  iis_catalog_save_to_stream (catalog, G_OUTPUT_STREAM (counting), IIS_SAVE_FLAGS_NONE,
                              NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (counting->written, ==, length);
  g_assert_cmpuint (counting->n_writes, >=, 4);
  g_assert_cmpuint (counting->largest_write, <, 128 * 1024);
  g_assert_false (g_output_stream_is_closed (G_OUTPUT_STREAM (counting)));

  g_output_stream_close (memory, NULL, NULL);
  g_assert_cmpuint (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (memory)), ==, length);
  g_assert_cmpint (memcmp (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (memory)),
                           data, length), ==, 0);
}

/* A save whose writing fails, early or late, keeps the old file whole. */
static void
test_failing_stream (void)
{
  g_autoptr(IisCatalog) catalog = build_large (200, 10);
  g_autoptr(IisCatalog) small = build_small ();
  static const gsize fail_points[] = { 0, 1, 100, 64 * 1024, 64 * 1024 + 1, 200 * 1024 };
  g_autoptr(GFile) file = NULL;
  g_autofree char *old = NULL;
  TmpDir tmp;

  tmp_dir_init (&tmp);
  file = g_file_get_child (tmp.dir, "catalog.json");
  old = g_strdup (small_expected);
  g_file_replace_contents (file, old, strlen (old), NULL, FALSE, G_FILE_CREATE_NONE,
                           NULL, NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fail_points); i++)
    {
      WrapData wrap = { fail_points[i], G_MAXSIZE, NULL, NULL };
      g_autoptr(GError) error = NULL;

      g_assert_false (_iis_writer_save_to_file (catalog, file, IIS_SAVE_FLAGS_NONE,
                                                wrap_in_test_stream, &wrap, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
      g_assert_nonnull (wrap.stream);
      g_assert_cmpuint (wrap.stream->written, ==, fail_points[i]);

      assert_only_file (&tmp, file, old);
      g_clear_object (&wrap.stream);
    }

  /* The same wrapper that never fails saves. */
  {
    WrapData wrap = { G_MAXSIZE, G_MAXSIZE, NULL, NULL };
    g_autoptr(GError) error = NULL;
    g_autofree char *now = NULL;
    g_autofree char *expected = dump (catalog);

    g_assert_true (_iis_writer_save_to_file (catalog, file, IIS_SAVE_FLAGS_NONE,
                                             wrap_in_test_stream, &wrap, NULL, &error));
    g_assert_no_error (error);
    now = read_file (file);
    g_assert_cmpstr (now, ==, expected);
    g_clear_object (&wrap.stream);
  }

  g_file_delete (file, NULL, NULL);
  tmp_dir_clear (&tmp);
}

/* With no file to replace, a failed save leaves none behind. */
static void
test_failing_stream_new_file (void)
{
  g_autoptr(IisCatalog) catalog = build_large (100, 10);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *list = NULL;
  WrapData wrap = { 70 * 1024, G_MAXSIZE, NULL, NULL };
  TmpDir tmp;

  tmp_dir_init (&tmp);
  file = g_file_get_child (tmp.dir, "new.json");

  g_assert_false (_iis_writer_save_to_file (catalog, file, IIS_SAVE_FLAGS_NONE,
                                            wrap_in_test_stream, &wrap, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_false (g_file_query_exists (file, NULL));
  list = tmp_dir_list (&tmp);
  g_assert_cmpstr (list, ==, "");
  g_clear_object (&wrap.stream);

  tmp_dir_clear (&tmp);
}

/* Cancelled before or while writing: the old file stays. */
static void
test_cancel (void)
{
  g_autoptr(IisCatalog) catalog = build_large (200, 10);
  g_autoptr(GFile) file = NULL;
  TmpDir tmp;

  tmp_dir_init (&tmp);
  file = g_file_get_child (tmp.dir, "catalog.json");
  g_file_replace_contents (file, small_expected, strlen (small_expected), NULL, FALSE,
                           G_FILE_CREATE_NONE, NULL, NULL, NULL);

  for (guint when = 0; when < 2; when++)
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      WrapData wrap = { G_MAXSIZE, 100 * 1024, cancellable, NULL };
      g_autoptr(GError) error = NULL;
      gboolean ok;

      if (when == 0)
        {
          g_cancellable_cancel (cancellable);
          ok = iis_catalog_save_to_file (catalog, file, cancellable, &error);
        }
      else
        {
          ok = _iis_writer_save_to_file (catalog, file, IIS_SAVE_FLAGS_NONE,
                                         wrap_in_test_stream, &wrap, cancellable, &error);
          g_assert_cmpuint (wrap.stream->written, >=, 100 * 1024);
          g_clear_object (&wrap.stream);
        }
      g_assert_false (ok);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

      assert_only_file (&tmp, file, small_expected);
    }

  g_file_delete (file, NULL, NULL);
  tmp_dir_clear (&tmp);
}

/* ---- Saving through links ------------------------------------------- */

/* A folder with real.json (@old in it) and, beside it, link.json: a
 * symbolic link to real.json when @hard is FALSE, a second name of the
 * same file when TRUE. */
static GFile *
make_linked (TmpDir     *tmp,
             gboolean    hard,
             const char *old)
{
  g_autofree char *real = g_build_filename (tmp->path, "real.json", NULL);
  g_autofree char *second = g_build_filename (tmp->path, "link.json", NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (real, old, -1, &error);
  g_assert_no_error (error);
  if (hard)
    g_assert_cmpint (link (real, second), ==, 0);
  else
    g_assert_cmpint (symlink ("real.json", second), ==, 0);
  return g_file_new_for_path (second);
}

/* The folder holds real.json with @expected and the link, nothing else. */
static void
assert_linked (TmpDir     *tmp,
               gboolean    hard,
               const char *expected)
{
  g_autoptr(GFile) real = g_file_get_child (tmp->dir, "real.json");
  g_autofree char *second = g_build_filename (tmp->path, "link.json", NULL);
  g_autofree char *now = read_file (real);
  g_autofree char *list = tmp_dir_list (tmp);

  g_assert_cmpstr (now, ==, expected);
  g_assert_cmpstr (list, ==, "link.json real.json");
  g_assert_true (g_file_test (second, G_FILE_TEST_IS_SYMLINK) == !hard);
}

/* A save through a link that fails part-way (a value the writer refuses,
 * a failing stream) or is cancelled leaves the file the link names
 * whole: GIO's g_file_replace() writes links in place. */
static void
test_save_through_link (void)
{
  for (guint hard = 0; hard < 2; hard++)
    {
      g_autoptr(IisCatalog) catalog = build_large (200, 10);
      g_autofree char *expected = dump (catalog);
      g_autoptr(GFile) link = NULL;
      g_autoptr(GFile) real = NULL;
      TmpDir tmp;

      tmp_dir_init (&tmp);
      link = make_linked (&tmp, hard, small_expected);
      real = g_file_get_child (tmp.dir, "real.json");

      /* A value the writer refuses, late in the document */
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(GPtrArray) entities = _iis_catalog_dup_entities_sorted (catalog);
        IisEntity *late = g_ptr_array_index (entities, entities->len - 1);
        g_autofree char *name = g_strdup (iis_entity_get_name (late));

        iis_entity_set_name (late, "bad \xff");
        g_assert_false (iis_catalog_save_to_file (catalog, link, NULL, &error));
        g_assert_error (error, IIS_ERROR, IIS_ERROR_INVALID_VALUE);
        assert_linked (&tmp, hard, small_expected);
        iis_entity_set_name (late, name);
      }

      /* A stream that fails, as a full disk does */
      {
        WrapData wrap = { 70 * 1024, G_MAXSIZE, NULL, NULL };
        g_autoptr(GError) error = NULL;

        g_assert_false (_iis_writer_save_to_file (catalog, link, IIS_SAVE_FLAGS_NONE,
                                                  wrap_in_test_stream, &wrap, NULL, &error));
        g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
        g_clear_object (&wrap.stream);
        assert_linked (&tmp, hard, small_expected);
      }

      /* Cancelled while writing */
      {
        g_autoptr(GCancellable) cancellable = g_cancellable_new ();
        WrapData wrap = { G_MAXSIZE, 100 * 1024, cancellable, NULL };
        g_autoptr(GError) error = NULL;

        g_assert_false (_iis_writer_save_to_file (catalog, link, IIS_SAVE_FLAGS_NONE,
                                                  wrap_in_test_stream, &wrap, cancellable,
                                                  &error));
        g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
        g_clear_object (&wrap.stream);
        assert_linked (&tmp, hard, small_expected);
      }

      /* A save that succeeds: through a symbolic link, the file it names
       * gets the document and the link stays; a hard link's name gets a
       * new file, and the other name keeps the old one. */
      {
        g_autoptr(GError) error = NULL;
        g_autofree char *through = NULL;

        g_assert_true (iis_catalog_save_to_file (catalog, link, NULL, &error));
        g_assert_no_error (error);
        through = read_file (link);
        g_assert_cmpstr (through, ==, expected);
        assert_linked (&tmp, hard, hard ? small_expected : expected);
      }

      tmp_dir_clear (&tmp);
    }
}

/* A chain of symbolic links, a relative one into another folder, and a
 * dangling one (which the save creates), resolve; a loop is an error. */
static void
test_save_through_link_chain (void)
{
  g_autoptr(IisCatalog) catalog = build_small ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *sub = NULL;
  g_autofree char *target = NULL;
  g_autofree char *path = NULL;
  g_autofree char *now = NULL;
  TmpDir tmp;

  tmp_dir_init (&tmp);
  sub = g_build_filename (tmp.path, "sub", NULL);
  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  target = g_build_filename (sub, "target.json", NULL);

  /* a.json → b.json → sub/target.json, which is not there yet */
  path = g_build_filename (tmp.path, "b.json", NULL);
  g_assert_cmpint (symlink ("sub/target.json", path), ==, 0);
  g_free (path);
  path = g_build_filename (tmp.path, "a.json", NULL);
  g_assert_cmpint (symlink ("b.json", path), ==, 0);
  file = g_file_new_for_path (path);

  g_assert_true (iis_catalog_save_to_file (catalog, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_SYMLINK));
  g_file_get_contents (target, &now, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (now, ==, small_expected);

  /* loop.json → loop.json */
  g_clear_object (&file);
  g_free (path);
  path = g_build_filename (tmp.path, "loop.json", NULL);
  g_assert_cmpint (symlink ("loop.json", path), ==, 0);
  file = g_file_new_for_path (path);
  g_assert_false (iis_catalog_save_to_file (catalog, file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS);
  g_clear_error (&error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_SYMLINK));

  /* The new file keeps the old one's permissions. */
  g_assert_cmpint (g_chmod (target, 0640), ==, 0);
  g_clear_object (&file);
  file = g_file_new_for_path (target);
  g_assert_true (iis_catalog_save_to_file (catalog, file, NULL, &error));
  g_assert_no_error (error);
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (target, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 07777, ==, 0640);
  }

  /* A FIFO (or any file that is not a regular one) is not written to,
   * nor waited on. */
  g_free (path);
  path = g_build_filename (tmp.path, "fifo.json", NULL);
  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  g_clear_object (&file);
  file = g_file_new_for_path (path);
  g_assert_false (iis_catalog_save_to_file (catalog, file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_clear_error (&error);

  g_unlink (target);
  g_rmdir (sub);
  tmp_dir_clear (&tmp);
}

/* A full disk, for real: a file-size limit (RLIMIT_FSIZE) makes write()
 * fail with EFBIG part-way, in a subprocess. Whether the file is named
 * directly, through a symbolic link or a hard link, and whether the
 * catalog writes it in chunks or from memory (the asynchronous save),
 * the old file stays whole. */
static void
test_save_disk_full (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(IisCatalog) catalog = build_large (200, 10);
      struct rlimit limit = { 16 * 1024, 16 * 1024 };

      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

      for (guint how = 0; how < 3; how++)
        for (guint sync = 0; sync < 2; sync++)
          {
            g_autoptr(GError) error = NULL;
            g_autoptr(GFile) file = NULL;
            TmpDir tmp;
            gboolean ok;

            tmp_dir_init (&tmp);
            if (how == 0)
              {
                file = g_file_get_child (tmp.dir, "catalog.json");
                g_assert_true (g_file_replace_contents (file, small_expected,
                                                        strlen (small_expected), NULL,
                                                        FALSE, G_FILE_CREATE_NONE, NULL,
                                                        NULL, NULL));
              }
            else
              file = make_linked (&tmp, how == 2, small_expected);

            if (sync)
              ok = iis_catalog_save_to_file (catalog, file, NULL, &error);
            else
              {
                gsize length;
                char *data = iis_catalog_to_data (catalog, &length, NULL);
                g_autoptr(GBytes) bytes = g_bytes_new_take (data, length);

                ok = _iis_file_replace_with_bytes (file, bytes, NULL, &error);
              }
            g_assert_false (ok);
            g_assert_nonnull (error);
            g_assert_true (error->domain == G_IO_ERROR);

            if (how == 0)
              assert_only_file (&tmp, file, small_expected);
            else
              assert_linked (&tmp, how == 2, small_expected);
            tmp_dir_clear (&tmp);
          }
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* Asynchronous saving */

typedef struct
{
  GMainLoop *loop;
  gboolean   ok;
  GError    *error;
} AsyncResult;

static void
save_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  AsyncResult *async = user_data;

  async->ok = iis_catalog_save_to_file_finish (IIS_CATALOG (source), result, &async->error);
  g_main_loop_quit (async->loop);
}

static void
test_async_save (void)
{
  g_autoptr(IisCatalog) catalog = iis_test_load_fixture ("full.json");
  g_autofree char *expected = dump (catalog);
  g_autoptr(GFile) file = NULL;
  AsyncResult async = { 0, };
  TmpDir tmp;

  tmp_dir_init (&tmp);
  file = g_file_get_child (tmp.dir, "catalog.json");

  async.loop = g_main_loop_new (NULL, FALSE);
  iis_catalog_save_to_file_async (catalog, file, IIS_SAVE_FLAGS_NONE, NULL, save_done, &async);
  /* What is saved is the catalog when the save started. */
  iis_entity_set_name (iis_catalog_lookup (catalog, "RU"), "Changed later");
  g_main_loop_run (async.loop);
  g_main_loop_unref (async.loop);

  g_assert_no_error (async.error);
  g_assert_true (async.ok);
  assert_only_file (&tmp, file, expected);

  g_file_delete (file, NULL, NULL);
  tmp_dir_clear (&tmp);
}

static void
test_async_save_errors (void)
{
  g_autoptr(IisCatalog) catalog = iis_test_load_fixture ("full.json");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) unwritable = NULL;
  TmpDir tmp;

  tmp_dir_init (&tmp);
  file = g_file_get_child (tmp.dir, "catalog.json");
  unwritable = g_file_new_for_path ("/nonexistent/folder/catalog.json");
  g_file_replace_contents (file, small_expected, strlen (small_expected), NULL, FALSE,
                           G_FILE_CREATE_NONE, NULL, NULL, NULL);

  for (guint what = 0; what < 3; what++)
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      AsyncResult async = { 0, };

      async.loop = g_main_loop_new (NULL, FALSE);
      if (what == 0)
        {
          /* Cancelled before it starts */
          g_cancellable_cancel (cancellable);
          iis_catalog_save_to_file_async (catalog, file, IIS_SAVE_FLAGS_COMPACT, cancellable,
                                          save_done, &async);
        }
      else if (what == 1)
        {
          /* Text that cannot be written */
          iis_entity_set_name (iis_catalog_lookup (catalog, "UZ"), "\xc3\x28");
          iis_catalog_save_to_file_async (catalog, file, IIS_SAVE_FLAGS_NONE, NULL,
                                          save_done, &async);
        }
      else
        {
          /* A folder that is not there */
          iis_entity_set_name (iis_catalog_lookup (catalog, "UZ"), "Uzbekistan");
          iis_catalog_save_to_file_async (catalog, unwritable, IIS_SAVE_FLAGS_NONE, NULL,
                                          save_done, &async);
        }
      g_main_loop_run (async.loop);
      g_main_loop_unref (async.loop);

      g_assert_false (async.ok);
      if (what == 0)
        g_assert_error (async.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      else if (what == 1)
        g_assert_error (async.error, IIS_ERROR, IIS_ERROR_INVALID_VALUE);
      else
        g_assert_error (async.error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
      g_clear_error (&async.error);

      assert_only_file (&tmp, file, small_expected);
    }

  g_file_delete (file, NULL, NULL);
  tmp_dir_clear (&tmp);
}

/* The writer and the reader meet on every fixture the tests ship. */
static void
test_fixtures_to_output (void)
{
  static const char * const fixtures[] = { "full.json", "full-unordered.json" };

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autoptr(IisCatalog) catalog = iis_test_load_fixture (fixtures[i]);
      g_autofree char *pretty = NULL;
      g_autofree char *compact = NULL;
      g_autofree char *name = NULL;
      gsize length;

      pretty = dump_full (catalog, IIS_SAVE_FLAGS_NONE, &length);
      name = g_strdup_printf ("fixture-%u.json", i);
      keep_output (name, pretty, length);
      compact = dump_full (catalog, IIS_SAVE_FLAGS_COMPACT, &length);
      g_free (name);
      name = g_strdup_printf ("fixture-%u-compact.json", i);
      keep_output (name, compact, length);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/iis/writer/empty", test_empty);
  g_test_add_func ("/iis/writer/built", test_built);
  g_test_add_func ("/iis/writer/round-trip", test_round_trip);
  g_test_add_func ("/iis/writer/format-version", test_format_version);
  g_test_add_func ("/iis/writer/format-version-edtf", test_format_version_edtf);
  g_test_add_func ("/iis/writer/format-version-locator", test_format_version_locator);
  g_test_add_func ("/iis/writer/compact", test_compact);
  g_test_add_func ("/iis/writer/escaping", test_escaping);
  g_test_add_func ("/iis/writer/unknown-members", test_unknown_members);
  g_test_add_func ("/iis/writer/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/iis/writer/unloadable-values", test_unloadable_values);
  g_test_add_func ("/iis/writer/reader-limits", test_reader_limits);
  g_test_add_func ("/iis/writer/reader-limits-on-the-way-in", test_reader_limits_on_the_way_in);
  g_test_add_func ("/iis/writer/stream-chunks", test_stream_chunks);
  g_test_add_func ("/iis/writer/failing-stream", test_failing_stream);
  g_test_add_func ("/iis/writer/failing-stream-new-file", test_failing_stream_new_file);
  g_test_add_func ("/iis/writer/cancel", test_cancel);
  g_test_add_func ("/iis/writer/save-through-link", test_save_through_link);
  g_test_add_func ("/iis/writer/save-through-link-chain", test_save_through_link_chain);
  g_test_add_func ("/iis/writer/save-disk-full", test_save_disk_full);
  g_test_add_func ("/iis/writer/async-save", test_async_save);
  g_test_add_func ("/iis/writer/async-save-errors", test_async_save_errors);
  g_test_add_func ("/iis/writer/fixtures", test_fixtures_to_output);

  return g_test_run ();
}
