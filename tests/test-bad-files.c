/* test-bad-files.c: malformed and hostile catalogs
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every file of tests/data/bad/ must fail to load with the error code and
 * the location tests/data/bad/EXPECTED gives, and must leave a catalog
 * that already held data exactly as it was. Inputs too large to keep as
 * files (100,000 nested arrays, strings over the limit) are made here.
 */

#include <string.h>

#include <libiis/iis.h>

#include "iis-reader-private.h"
#include "iis-test-util.h"

static IisCatalog *
load_full (void)
{
  g_autofree char *path = iis_test_data_path ("full.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();
  g_autoptr(GError) error = NULL;

  iis_catalog_load_from_file (catalog, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (iis_catalog_get_n_entities (catalog), >, 0);
  return g_steal_pointer (&catalog);
}

static void
assert_message_has (const GError *error,
                    const char   *prefix,
                    const char   *location)
{
  g_autofree char *expected = NULL;

  /* ":3:14: …" follows the name at once; "relations[12].start: …" after
   * "name: ". Without a name, both start the message. */
  if (location[0] == ':')
    expected = prefix != NULL ? g_strconcat (prefix, location, NULL) : g_strdup (location + 1);
  else
    expected = prefix != NULL ? g_strconcat (prefix, ": ", location, NULL) : g_strdup (location);

  if (strstr (error->message, expected) == NULL)
    g_error ("message “%s” does not contain “%s”", error->message, expected);
  if (prefix == NULL && !g_str_has_prefix (error->message, expected)
      && location[0] != ':' && !g_str_has_prefix (error->message, location))
    g_error ("message “%s” does not start with “%s”", error->message, expected);
}

static void
test_bad_file (gconstpointer data)
{
  const IisTestBadFile *bad = data;
  g_autofree char *relative = g_build_filename ("bad", bad->file, NULL);
  g_autofree char *path = iis_test_data_path (relative);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *name = g_file_get_parse_name (file);
  g_autoptr(IisCatalog) catalog = load_full ();
  g_autofree char *before = iis_test_dump (catalog);
  guint n_entities = iis_catalog_get_n_entities (catalog);
  guint n_relations = iis_catalog_get_n_relations (catalog);
  g_autofree char *after = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;

  /* From the file: messages start with its name. */
  g_assert_false (iis_catalog_load_from_file (catalog, file, NULL, &error));
  g_assert_error (error, IIS_ERROR, bad->code);
  g_assert_true (g_str_has_prefix (error->message, name));
  assert_message_has (error, name, bad->location);
  g_clear_error (&error);

  after = iis_test_dump (catalog);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (iis_catalog_get_n_entities (catalog), ==, n_entities);
  g_assert_cmpuint (iis_catalog_get_n_relations (catalog), ==, n_relations);

  /* From memory, with an explicit length (some files hold a NUL). */
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_false (iis_catalog_load_from_data (catalog, contents, length, &error));
  g_assert_error (error, IIS_ERROR, bad->code);
  assert_message_has (error, NULL, bad->location);
  g_clear_error (&error);

  g_clear_pointer (&after, g_free);
  after = iis_test_dump (catalog);
  g_assert_cmpstr (before, ==, after);
}

static void
test_manifest_complete (gconstpointer data)
{
  iis_test_check_bad_files_listed ("bad", (GPtrArray *) data, 40);
}

/* Generated inputs */

static void
assert_load_fails (const char *data,
                   gsize       length,
                   int         code,
                   const char *message_part)
{
  g_autoptr(IisCatalog) catalog = load_full ();
  g_autofree char *before = iis_test_dump (catalog);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (iis_catalog_load_from_data (catalog, data, length, &error));
  g_assert_error (error, IIS_ERROR, code);
  if (strstr (error->message, message_part) == NULL)
    g_error ("message “%s” does not contain “%s”", error->message, message_part);

  after = iis_test_dump (catalog);
  g_assert_cmpstr (before, ==, after);
}

static void
test_deep_nesting (void)
{
  const gsize depth = 100000;
  g_autoptr(GString) arrays = g_string_sized_new (2 * depth);
  g_autoptr(GString) objects = g_string_sized_new (8 * depth);
  g_autoptr(GString) member = g_string_new ("{\"format\": \"libiis-catalog\", \"version\": \"1.0\", \"x\": ");
  g_autoptr(IisCatalog) empty = iis_catalog_new ();
  GString *inputs[3];

  for (gsize i = 0; i < depth; i++)
    g_string_append_c (arrays, '[');
  for (gsize i = 0; i < depth; i++)
    g_string_append_c (arrays, ']');

  for (gsize i = 0; i < depth; i++)
    g_string_append (objects, "{\"a\":");
  g_string_append (objects, "1");
  for (gsize i = 0; i < depth; i++)
    g_string_append_c (objects, '}');

  g_string_append (member, arrays->str);
  g_string_append_c (member, '}');

  /* The scan stops at level 65 (the locations below say where), long
   * before json-glib would recurse and overflow the stack; no clock is
   * read here: speed belongs to the benchmarks. */
  inputs[0] = arrays;
  inputs[1] = objects;
  inputs[2] = member;
  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (iis_catalog_load_from_data (empty, inputs[i]->str, inputs[i]->len, &error));
      g_assert_error (error, IIS_ERROR, IIS_ERROR_LIMIT_EXCEEDED);
    }

  /* … and leave a catalog as it was. */
  assert_load_fails (arrays->str, arrays->len, IIS_ERROR_LIMIT_EXCEEDED,
                     "1:65: nesting deeper than the limit of 64 levels");
  assert_load_fails (objects->str, objects->len, IIS_ERROR_LIMIT_EXCEEDED,
                     "1:321: nesting deeper than the limit of 64 levels");
  assert_load_fails (member->str, member->len, IIS_ERROR_LIMIT_EXCEEDED,
                     "nesting deeper than the limit of 64 levels");
}

static void
test_depth_at_limit (void)
{
  /* 64 levels in all, counting the document object, load. */
  g_autoptr(GString) doc = g_string_new ("{\"format\": \"libiis-catalog\", \"version\": \"1.0\", \"x\": ");
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 63; i++)
    g_string_append_c (doc, '[');
  for (guint i = 0; i < 63; i++)
    g_string_append_c (doc, ']');
  g_string_append_c (doc, '}');

  iis_catalog_load_from_data (catalog, doc->str, doc->len, &error);
  g_assert_no_error (error);

  g_string_insert_c (doc, doc->len - 64, '[');
  g_string_insert_c (doc, doc->len - 1, ']');
  assert_load_fails (doc->str, doc->len, IIS_ERROR_LIMIT_EXCEEDED, "nesting deeper");
}

static char *
document_with_name (gsize name_length)
{
  g_autoptr(GString) doc = g_string_new ("{\"format\": \"libiis-catalog\", \"version\": \"1.0\",\n"
                                         "\"entities\": [{\"type\": \"state\", \"id\": \"XL\", \"name\": \"");

  for (gsize i = 0; i < name_length; i++)
    g_string_append_c (doc, 'a' + i % 26);
  g_string_append (doc, "\"}]}");
  return g_string_free (g_steal_pointer (&doc), FALSE);
}

static void
test_long_string (void)
{
  const gsize limit = IIS_FORMAT_DEFAULT_MAX_STRING_LENGTH;
  g_autofree char *at_limit = document_with_name (limit);
  g_autofree char *over_limit = document_with_name (limit + 1);
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();
  g_autoptr(GError) error = NULL;
  IisEntity *entity;

  iis_catalog_load_from_data (catalog, at_limit, -1, &error);
  g_assert_no_error (error);
  entity = iis_catalog_lookup (catalog, "XL");
  g_assert_nonnull (entity);
  g_assert_cmpuint (strlen (iis_entity_get_name (entity)), ==, limit);

  assert_load_fails (over_limit, strlen (over_limit), IIS_ERROR_LIMIT_EXCEEDED,
                     "2:52: string longer than the limit of 1.0");
}

static void
test_long_key (void)
{
  g_autoptr(GString) doc = g_string_new ("{\"format\": \"libiis-catalog\", \"version\": \"1.0\", \"");

  for (gsize i = 0; i <= IIS_FORMAT_DEFAULT_MAX_STRING_LENGTH; i++)
    g_string_append_c (doc, 'k');
  g_string_append (doc, "\": 1}");

  assert_load_fails (doc->str, doc->len, IIS_ERROR_LIMIT_EXCEEDED,
                     "1:48: string longer than the limit");
}

static void
test_embedded_nul (void)
{
  static const char doc[] = "{\"format\": \"libiis-catalog\",\0 \"version\": \"1.0\"}";

  /* An explicit length takes the NUL in; -1 would stop before it. */
  assert_load_fails (doc, sizeof doc - 1, IIS_ERROR_PARSE, "1:29: embedded NUL byte");
}

static void
test_document_size (void)
{
  g_autofree char *path = iis_test_data_path ("full.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  IisFormatLimits limits;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  _iis_format_get_default_limits (&limits);
  g_assert_cmpuint (limits.max_document_size, ==, IIS_FORMAT_DEFAULT_MAX_DOCUMENT_SIZE);
  limits.max_document_size = length - 1;
  _iis_format_set_default_limits (&limits);

  g_assert_false (iis_catalog_load_from_file (catalog, file, NULL, &error));
  g_assert_error (error, IIS_ERROR, IIS_ERROR_LIMIT_EXCEEDED);
  g_assert_true (g_str_has_prefix (error->message, g_file_peek_path (file)));
  g_clear_error (&error);

  g_assert_false (iis_catalog_load_from_data (catalog, contents, length, &error));
  g_assert_error (error, IIS_ERROR, IIS_ERROR_LIMIT_EXCEEDED);
  g_clear_error (&error);
  g_assert_cmpuint (iis_catalog_get_n_entities (catalog), ==, 0);

  /* At the limit it loads. */
  limits.max_document_size = length;
  _iis_format_set_default_limits (&limits);
  iis_catalog_load_from_file (catalog, file, NULL, &error);
  g_assert_no_error (error);

  _iis_format_set_default_limits (NULL);
  _iis_format_get_default_limits (&limits);
  g_assert_cmpuint (limits.max_document_size, ==, IIS_FORMAT_DEFAULT_MAX_DOCUMENT_SIZE);
}

/* A catalog whose entity XX has the member "x-codes", an object of
 * @n_members members "k0", "k1" … one a line from line 3, then the
 * member @extra_key (nullable: none) on line 3 + @n_members. */
static char *
document_with_object (guint       n_members,
                      const char *extra_key)
{
  GString *doc = g_string_new ("{\"format\": \"libiis-catalog\", \"version\": \"1.0\",\n"
                               "\"entities\": [{\"type\": \"state\", \"id\": \"XX\", \"x-codes\": {\n");

  for (guint i = 0; i < n_members; i++)
    g_string_append_printf (doc, "%s\"k%u\": %u", i > 0 ? ",\n" : "", i, i);
  if (extra_key != NULL)
    g_string_append_printf (doc, "%s%s: 0", n_members > 0 ? ",\n" : "", extra_key);
  g_string_append (doc, "}}]}");
  return g_string_free (doc, FALSE);
}

/* Duplicate names are found in small objects by comparison and in large
 * ones (over 16 members) through a hash set, escapes decoded either way. */
static void
test_duplicate_members (void)
{
  static const struct { guint n_members; const char *extra_key; const char *message; } cases[] = {
    { 1, "\"k0\"", "4:1: duplicate member “k0” in an object" },
    { 10, "\"k\\u0033\"", "13:1: duplicate member “k3” in an object" },
    { 16, "\"k15\"", "19:1: duplicate member “k15” in an object" },
    /* The 17th name moves the first 16 into a hash set. */
    { 17, "\"k0\"", "20:1: duplicate member “k0” in an object" },
    { 17, "\"k16\"", "20:1: duplicate member “k16” in an object" },
    { 40, "\"k3\"", "43:1: duplicate member “k3” in an object" },
    { 40, "\"k30\"", "43:1: duplicate member “k30” in an object" },
    { 40, "\"\\u006b39\"", "43:1: duplicate member “k39” in an object" },
    /* The most an object may hold (IIS_FORMAT_DEFAULT_MAX_MEMBERS). */
    { 9999, "\"k9998\"", "10002:1: duplicate member “k9998” in an object" },
  };
  static const char top_level[] =
    "{\"format\": \"libiis-catalog\", \"version\": \"1.0\", \"form\\u0061t\": 1}";

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *doc = document_with_object (cases[i].n_members, cases[i].extra_key);

      assert_load_fails (doc, strlen (doc), IIS_ERROR_PARSE, cases[i].message);
    }

  /* The top-level object too. */
  assert_load_fails (top_level, strlen (top_level), IIS_ERROR_PARSE,
                     "1:48: duplicate member “format” in the document");
}

/* Objects of many distinct members load, names differing only in an
 * escape or in case are distinct, and the same names in other objects
 * (nested, or side by side) are no duplicates. */
static void
test_distinct_members (void)
{
  static const char nested[] =
    "{\"format\": \"libiis-catalog\", \"version\": \"1.0\",\n"
    " \"x-a\": {\"format\": {\"format\": 1, \"version\": 2}, \"version\": [{\"format\": 3}]},\n"
    " \"entities\": [{\"type\": \"state\", \"id\": \"XA\",\n"
    "                \"x-b\": {\"id\": {\"id\": 1}, \"type\": {\"id\": 2, \"k\": 3}, \"K\": 4,\n"
    "                        \"k\\n\": 5, \"k\\u006B\": 6}},\n"
    "               {\"type\": \"state\", \"id\": \"XB\", \"x-b\": {\"id\": 1}}]}";
  g_autoptr(GError) error = NULL;

  for (guint n = 15; n <= 18; n++)
    {
      g_autoptr(IisCatalog) catalog = iis_catalog_new ();
      g_autofree char *doc = document_with_object (n, "\"k\\u0030x\"");

      iis_catalog_load_from_data (catalog, doc, -1, &error);
      g_assert_no_error (error);
      g_assert_nonnull (iis_catalog_lookup (catalog, "XX"));
    }

  {
    g_autoptr(IisCatalog) catalog = iis_catalog_new ();
    /* As many members as an object may hold. */
    g_autofree char *doc = document_with_object (10000, NULL);
    g_autofree char *saved = NULL;

    iis_catalog_load_from_data (catalog, doc, -1, &error);
    g_assert_no_error (error);
    /* The unknown member is kept whole. */
    saved = iis_test_dump (catalog);
    g_assert_nonnull (strstr (saved, "\"k0\": 0,"));
    g_assert_nonnull (strstr (saved, "\"k9999\": 9999\n"));
  }

  {
    g_autoptr(IisCatalog) catalog = iis_catalog_new ();

    iis_catalog_load_from_data (catalog, nested, -1, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (iis_catalog_get_n_entities (catalog), ==, 2);
  }
}

/* An endless stream of spaces, counting what was read. */
typedef struct
{
  GInputStream parent_instance;
  gsize        n_read;
} EndlessStream;

typedef struct
{
  GInputStreamClass parent_class;
} EndlessStreamClass;

static GType endless_stream_get_type (void);
G_DEFINE_TYPE (EndlessStream, endless_stream, G_TYPE_INPUT_STREAM)

static gssize
endless_stream_read (GInputStream  *stream,
                     void          *buffer,
                     gsize          count,
                     GCancellable  *cancellable,
                     GError       **error)
{
  EndlessStream *self = (EndlessStream *) stream;

  memset (buffer, ' ', count);
  self->n_read += count;
  return count;
}

static void
endless_stream_class_init (EndlessStreamClass *klass)
{
  G_INPUT_STREAM_CLASS (klass)->read_fn = endless_stream_read;
}

static void
endless_stream_init (EndlessStream *self)
{
}

static void
test_endless_stream (void)
{
  g_autoptr(GInputStream) stream = g_object_new (endless_stream_get_type (), NULL);
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();
  g_autoptr(GError) error = NULL;
  IisFormatLimits limits;

  _iis_format_get_default_limits (&limits);
  limits.max_document_size = 1024 * 1024;
  _iis_format_set_default_limits (&limits);

  g_assert_false (iis_catalog_load_from_stream (catalog, stream, IIS_LOAD_FLAGS_NONE,
                                                NULL, &error));
  g_assert_error (error, IIS_ERROR, IIS_ERROR_LIMIT_EXCEEDED);
  /* Reading stopped soon after the limit. */
  g_assert_cmpuint (((EndlessStream *) stream)->n_read, <=, 3 * limits.max_document_size);

  _iis_format_set_default_limits (NULL);
}

/* Every prefix of a good file fails cleanly. */
static void
test_truncations (void)
{
  g_autofree char *path = iis_test_data_path ("full.json");
  g_autofree char *contents = NULL;
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  for (gsize cut = 0; cut + 2 < length; cut += 3)
    {
      g_assert_false (iis_catalog_load_from_data (catalog, contents, cut, &error));
      g_assert_error (error, IIS_ERROR, IIS_ERROR_PARSE);
      g_clear_error (&error);
      g_assert_cmpuint (iis_catalog_get_n_entities (catalog), ==, 0);
      g_assert_cmpuint (iis_catalog_get_n_relations (catalog), ==, 0);
    }
}

/* Random byte changes never crash, and a failed load changes nothing. */
static void
test_mutations (void)
{
  g_autofree char *path = iis_test_data_path ("full.json");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260101);
  static const char interesting[] = "{}[]\",:\\0123456789-.eE tfn\x01\x80\xff";
  gsize length;
  guint n_failed = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  for (guint round = 0; round < 600; round++)
    {
      g_autofree char *copy = g_memdup2 (contents, length);
      g_autoptr(IisCatalog) catalog = iis_catalog_new ();
      guint n_changes = g_rand_int_range (rand, 1, 4);

      for (guint c = 0; c < n_changes; c++)
        copy[g_rand_int_range (rand, 0, length)] =
          interesting[g_rand_int_range (rand, 0, sizeof interesting - 1)];

      if (!iis_catalog_load_from_data (catalog, copy, length, &error))
        {
          g_assert_true (error->domain == IIS_ERROR);
          g_clear_error (&error);
          g_assert_cmpuint (iis_catalog_get_n_entities (catalog), ==, 0);
          g_assert_cmpuint (iis_catalog_get_n_relations (catalog), ==, 0);
          n_failed++;
        }
    }

  /* Most changes break something. */
  g_assert_cmpuint (n_failed, >, 300);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) cases = NULL;

  g_test_init (&argc, &argv, NULL);

  cases = iis_test_read_bad_files ("bad");
  iis_test_add_bad_file_tests ("/iis/bad-files/file", cases, test_bad_file);
  g_test_add_data_func ("/iis/bad-files/manifest", cases, test_manifest_complete);
  g_test_add_func ("/iis/bad-files/deep-nesting", test_deep_nesting);
  g_test_add_func ("/iis/bad-files/depth-at-limit", test_depth_at_limit);
  g_test_add_func ("/iis/bad-files/long-string", test_long_string);
  g_test_add_func ("/iis/bad-files/long-key", test_long_key);
  g_test_add_func ("/iis/bad-files/embedded-nul", test_embedded_nul);
  g_test_add_func ("/iis/bad-files/document-size", test_document_size);
  g_test_add_func ("/iis/bad-files/duplicate-members", test_duplicate_members);
  g_test_add_func ("/iis/bad-files/distinct-members", test_distinct_members);
  g_test_add_func ("/iis/bad-files/endless-stream", test_endless_stream);
  g_test_add_func ("/iis/bad-files/truncations", test_truncations);
  g_test_add_func ("/iis/bad-files/mutations", test_mutations);

  return g_test_run ();
}
