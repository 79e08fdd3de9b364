/* test-bad-snapshots.c: truncated, damaged and foreign snapshots
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A snapshot of tests/data/full.json, made here with
 * iis_catalog_save_snapshot(), is cut at every boundary of its header,
 * its section table and its sections, and has each of its bytes
 * changed: every such snapshot is refused with an error that says what
 * is wrong, and leaves the catalog it was loaded into as it was. With
 * its checksum made right after the change, the bytes reach the checks
 * of the layout and of every reference: the snapshot is then refused,
 * or loads into a catalog that keeps its invariants. The files of
 * tests/data/bad-snapshot/ (made by build-aux/make-bad-snapshots.py) are
 * refused as their manifest, tests/data/bad-snapshot/EXPECTED, says.
 *
 * The layout is the one iis-catalog-snapshot.c documents: a header of
 * 64 bytes, a table of 7 sections of 24 bytes (id, item size, offset,
 * size), then the sections at offsets that are multiples of 8.
 */

#include <string.h>

#include <glib/gstdio.h>
#include <libiis/iis.h>

#include "iis-catalog-debug-private.h"
#include "iis-snapshot-private.h"
#include "iis-test-util.h"

#define HEADER_SIZE 64
#define N_SECTIONS 7
#define SECTION_SIZE 24
#define TABLE_END (HEADER_SIZE + N_SECTIONS * SECTION_SIZE)

/* The header's fields: offset, size, what. */
enum {
  FIELD_MAGIC = 0,
  FIELD_BYTE_ORDER = 8,
  FIELD_VERSION_MAJOR = 12,
  FIELD_VERSION_MINOR = 14,
  FIELD_HEADER_SIZE = 16,
  FIELD_N_SECTIONS = 20,
  FIELD_FILE_SIZE = 24,
  FIELD_CHECKSUM = 32,
  FIELD_SOURCE_SIZE = 40,
  FIELD_SOURCE_MTIME = 48,
  FIELD_SOURCE_HASH = 56,
};

static const guint header_fields[] = {
  FIELD_MAGIC, FIELD_BYTE_ORDER, FIELD_VERSION_MAJOR, FIELD_VERSION_MINOR,
  FIELD_HEADER_SIZE, FIELD_N_SECTIONS, FIELD_FILE_SIZE, FIELD_CHECKSUM,
  FIELD_SOURCE_SIZE, FIELD_SOURCE_MTIME, FIELD_SOURCE_HASH, HEADER_SIZE,
};

/* A section's fields, from the start of its entry in the table. */
static const guint section_fields[] = { 0, 4, 8, 16, SECTION_SIZE };

#define NAME "full.snapshot"

/* Under valgrind (IIS_TEST_SCALE_SMALL, unless -m slow), the byte
 * by byte tests change only every THINNING-th byte past the header and
 * the table: each load costs a thousand times more there. */
#define THINNING 5
static guint thinning = 1;

/* The snapshot of full.json, and the document it loads as. */
static guint8 *good;
static gsize good_length;
static char *good_text;

static guint64
read_u64 (const guint8 *data,
          gsize         offset)
{
  guint64 value;

  memcpy (&value, data + offset, sizeof value);
  return value;
}

static void
write_u64 (guint8  *data,
           gsize    offset,
           guint64  value)
{
  memcpy (data + offset, &value, sizeof value);
}

/* The 32-bit integer at @offset, in the other byte order. */
static void
write_u32_swapped (guint8 *data,
                   gsize   offset)
{
  guint32 value;

  memcpy (&value, data + offset, sizeof value);
  value = GUINT32_SWAP_LE_BE (value);
  memcpy (data + offset, &value, sizeof value);
}

static guint64
section_offset (guint i)
{
  return read_u64 (good, HEADER_SIZE + i * SECTION_SIZE + 8);
}

static guint64
section_size (guint i)
{
  return read_u64 (good, HEADER_SIZE + i * SECTION_SIZE + 16);
}

static void
make_good_snapshot (void)
{
  g_autoptr(IisCatalog) catalog = iis_test_load_fixture ("full.json");
  g_autoptr(IisCatalog) loaded = iis_catalog_new ();
  g_autofree char *folder = g_dir_make_tmp ("test-bad-snapshots-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (folder, NAME, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *json_text = iis_test_dump (catalog);

  g_assert_nonnull (folder);
  iis_catalog_save_snapshot (catalog, file, NULL, &error);
  g_assert_no_error (error);
  g_file_get_contents (path, (char **) &good, &good_length, &error);
  g_assert_no_error (error);
  g_unlink (path);
  g_rmdir (folder);

  /* The layout this test relies on. */
  g_assert_cmpuint (good_length, >, TABLE_END);
  g_assert_cmpmem (good, 8, "\211IIS\r\n\032\n", 8);
  g_assert_cmpuint (read_u64 (good, FIELD_FILE_SIZE), ==, good_length);
  for (guint i = 0; i < N_SECTIONS; i++)
    {
      g_assert_cmpuint (section_offset (i) % 8, ==, 0);
      g_assert_cmpuint (section_offset (i), >=, TABLE_END);
      g_assert_cmpuint (section_offset (i) + section_size (i), <=, good_length);
      /* Every section holds something in full.json's snapshot. */
      g_assert_cmpuint (section_size (i), >, 0);
    }

  /* It loads, and as the JSON does. */
  _iis_catalog_load_snapshot_data (loaded, good, good_length, NAME, IIS_LOAD_FLAGS_NONE,
                                   NULL, &error);
  g_assert_no_error (error);
  good_text = iis_test_dump (loaded);
  g_assert_cmpstr (good_text, ==, json_text);
}

/* Load @data into a new empty catalog. On success, the catalog keeps its
 * invariants and writes a document that loads again; on failure, it is
 * still empty. Returns the error, NULL on success. */
static GError *
try_load (const guint8 *data,
          gsize         length)
{
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();
  GError *error = NULL;

  if (_iis_catalog_load_snapshot_data (catalog, data, length, NAME, IIS_LOAD_FLAGS_NONE,
                                       NULL, &error))
    {
      g_autoptr(IisCatalog) again = iis_catalog_new ();
      g_autofree char *text = NULL;

      g_assert_null (error);
      _iis_catalog_check_invariants (catalog);
      text = iis_test_dump (catalog);
      iis_catalog_load_from_data (again, text, -1, &error);
      g_assert_no_error (error);
      return NULL;
    }

  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, NAME));
  g_assert_cmpuint (iis_catalog_get_n_entities (catalog), ==, 0);
  g_assert_cmpuint (iis_catalog_get_n_relations (catalog), ==, 0);
  _iis_catalog_check_invariants (catalog);
  return error;
}

static void
assert_refused (const guint8 *data,
                gsize         length,
                int           code,
                const char   *message_part)
{
  g_autoptr(GError) error = try_load (data, length);

  if (error == NULL)
    g_error ("a snapshot that should be refused (“%s”) loaded", message_part);
  g_assert_error (error, IIS_ERROR, code);
  if (strstr (error->message, message_part) == NULL)
    g_error ("message “%s” does not contain “%s”", error->message, message_part);
}

/* @data, good_length bytes, loads as the good snapshot does. */
static void
assert_loads_as_good (const guint8 *data)
{
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  _iis_catalog_load_snapshot_data (catalog, data, good_length, NAME, IIS_LOAD_FLAGS_NONE,
                                   NULL, &error);
  g_assert_no_error (error);
  text = iis_test_dump (catalog);
  g_assert_cmpstr (text, ==, good_text);
}

static gboolean
add_cut (GArray *cuts,
         guint64 cut)
{
  if (cut >= good_length)
    return FALSE;
  g_array_append_val (cuts, cut);
  return TRUE;
}

/* Where to cut: every field boundary of the header and of the table,
 * the start and the end of every section, and a few places inside. */
static GArray *
cut_points (void)
{
  GArray *cuts = g_array_new (FALSE, FALSE, sizeof (guint64));

  for (guint i = 0; i < G_N_ELEMENTS (header_fields); i++)
    add_cut (cuts, header_fields[i]);
  for (guint s = 0; s < N_SECTIONS; s++)
    for (guint f = 0; f < G_N_ELEMENTS (section_fields); f++)
      add_cut (cuts, HEADER_SIZE + s * SECTION_SIZE + section_fields[f]);
  for (guint s = 0; s < N_SECTIONS; s++)
    {
      guint64 offset = section_offset (s);
      guint64 size = section_size (s);

      add_cut (cuts, offset);
      add_cut (cuts, offset + 1);
      add_cut (cuts, offset + size / 3);
      add_cut (cuts, offset + size / 2);
      add_cut (cuts, offset + size - 1);
      add_cut (cuts, offset + size);
    }
  add_cut (cuts, good_length - 1);
  return cuts;
}

/* (a) Every truncation is refused: as it is, by the header's size; with
 * the size and the checksum made right, by the layout. */
static void
test_truncations (void)
{
  g_autoptr(GArray) cuts = cut_points ();

  g_assert_cmpuint (cuts->len, >, 80);
  for (guint i = 0; i < cuts->len; i++)
    {
      guint64 cut = g_array_index (cuts, guint64, i);
      g_autofree guint8 *copy = g_memdup2 (good, good_length);
      g_autoptr(GError) error = NULL;

      g_test_message ("cut at %" G_GUINT64_FORMAT, cut);
      if (cut < 8)
        assert_refused (copy, cut, IIS_ERROR_PARSE, "it does not start as a snapshot does");
      else if (cut < HEADER_SIZE)
        assert_refused (copy, cut, IIS_ERROR_PARSE, "it does not start as a snapshot does");
      else
        {
          g_autofree char *says = g_strdup_printf ("it is %" G_GUINT64_FORMAT " bytes long, "
                                                   "its header says %" G_GSIZE_FORMAT
                                                   " (truncated?)", cut, good_length);

          assert_refused (copy, cut, IIS_ERROR_PARSE, says);

          /* Past the header's own check: the table no longer fits. */
          write_u64 (copy, FIELD_FILE_SIZE, cut);
          _iis_snapshot_update_checksum (copy, cut);
          if (cut < TABLE_END)
            assert_refused (copy, cut, IIS_ERROR_PARSE, "it is truncated");
          else
            {
              error = try_load (copy, cut);
              g_assert_error (error, IIS_ERROR, IIS_ERROR_PARSE);
              g_assert_nonnull (strstr (error->message, "not a usable snapshot: "));
              /* The last section's padding is the only place a cut is
               * not inside a section, and is found as such. */
              g_assert_true (strstr (error->message, "section is out of place") != NULL
                             || strstr (error->message, "bytes after its last section") != NULL);
            }
        }
    }
}

/* The header fields only the cache reads. */
static gboolean
in_cache_key (gsize offset)
{
  return offset >= FIELD_SOURCE_SIZE && offset < HEADER_SIZE;
}

/* The problem a change of the byte at @offset is refused for, its
 * checksum left as it was. */
static const char *
flip_problem (gsize  offset,
              int   *code)
{
  *code = IIS_ERROR_PARSE;
  if (offset < FIELD_BYTE_ORDER)
    return "it does not start as a snapshot does";
  if (offset < FIELD_VERSION_MAJOR)
    return "its byte order mark is damaged";
  if (offset < FIELD_VERSION_MINOR)
    {
      *code = IIS_ERROR_UNSUPPORTED_VERSION;
      return "this libiis reads layout 1";
    }
  if (offset < FIELD_HEADER_SIZE)
    return NULL;   /* the minor version: see test_versions() */
  if (offset < FIELD_FILE_SIZE)
    return "its header is damaged";
  if (offset < FIELD_CHECKSUM)
    return "(truncated?)";
  if (in_cache_key (offset))
    return NULL;
  return "its checksum does not match (the file is damaged)";
}

/* (b) A changed byte is refused, by the header's checks or by the
 * checksum; the cache's key is not checked here (only the cache reads
 * it, and tells a stale snapshot by it). */
static void
test_flipped_bytes (void)
{
  g_autofree guint8 *copy = g_memdup2 (good, good_length);

  for (gsize offset = 0; offset < good_length; offset++)
    {
      const guint8 masks[] = { 1u << (offset % 8), 0xff };

      if (offset >= TABLE_END && offset % thinning != 0)
        continue;

      for (guint m = 0; m < G_N_ELEMENTS (masks); m++)
        {
          const char *problem;
          int code;

          copy[offset] ^= masks[m];
          problem = flip_problem (offset, &code);
          if (problem != NULL)
            assert_refused (copy, good_length, code, problem);
          else if (offset < HEADER_SIZE)
            assert_loads_as_good (copy);
          copy[offset] ^= masks[m];
        }
    }
  g_assert_cmpmem (copy, good_length, good, good_length);
}

/* (c) With its checksum made right, a changed byte is refused for what
 * it breaks, or loads into a catalog that keeps its invariants: never a
 * crash or a read out of bounds (which ASan and valgrind, running this
 * suite, would find). The document section (compact JSON, whose
 * reader the bad-file suite tests) is thinned in a quick run. */
static void
test_structural_checks (void)
{
  g_autofree guint8 *copy = g_memdup2 (good, good_length);
  guint64 document_begin = section_offset (0);
  guint64 document_end = document_begin + section_size (0);
  guint n_refused = 0, n_loaded = 0;
  g_autoptr(GHashTable) problems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (gsize offset = HEADER_SIZE; offset < good_length; offset++)
    {
      static const guint8 values[] = { 0x00, 0xff, 0x01, 0x80 };
      gboolean in_document = offset >= document_begin && offset < document_end;

      if (in_document && !g_test_slow () && offset % (7 * thinning) != 0)
        continue;
      if (offset >= TABLE_END && offset % thinning != 0)
        continue;

      for (guint v = 0; v < G_N_ELEMENTS (values); v++)
        {
          g_autoptr(GError) error = NULL;
          guint8 value = v < 2 ? values[v] : good[offset] ^ values[v];

          if (value == good[offset])
            continue;
          copy[offset] = value;
          _iis_snapshot_update_checksum (copy, good_length);
          error = try_load (copy, good_length);
          if (error != NULL)
            {
              const char *problem = strstr (error->message, "not a usable snapshot: ");
              /* The document's errors are the JSON reader's, with their
               * place in it ("full.snapshot:1:2584: …"): from a change
               * in it, or in its size that the padding after it hides. */
              gboolean in_json = g_ascii_isdigit (error->message[strlen (NAME ":")]);

              if (error->domain != IIS_ERROR
                  || (!in_document && (error->code != IIS_ERROR_PARSE
                                       || (problem == NULL && !in_json))))
                g_error ("byte %" G_GSIZE_FORMAT " set to %u: not the error expected: %s",
                         offset, value, error->message);
              if (problem != NULL)
                g_hash_table_add (problems, g_strdup (problem));
              n_refused++;
            }
          else
            n_loaded++;
          copy[offset] = good[offset];
        }
    }
  _iis_snapshot_update_checksum (copy, good_length);
  g_assert_cmpmem (copy, good_length, good, good_length);

  /* Most changes are found, for many different reasons; some (a date,
   * a name) make another valid snapshot. */
  g_test_message ("%u refused (%u different messages), %u loaded",
                  n_refused, g_hash_table_size (problems), n_loaded);
  g_assert_cmpuint (n_refused, >, 3 * n_loaded);
  g_assert_cmpuint (n_loaded, >, 0);
  g_assert_cmpuint (g_hash_table_size (problems), >=, 10);
}

/* (d) Another major version, another byte order. */
static void
test_versions (void)
{
  g_autofree guint8 *copy = g_memdup2 (good, good_length);
  static const guint16 majors[] = { 0, 2, 0x100, G_MAXUINT16 };
  guint32 byte_order;

  for (guint i = 0; i < G_N_ELEMENTS (majors); i++)
    {
      g_autofree char *message = g_strdup_printf (NAME ": the snapshot is of layout %u.0; "
                                                  "this libiis reads layout 1", majors[i]);
      g_autoptr(GError) error = NULL;

      memcpy (copy + FIELD_VERSION_MAJOR, &majors[i], 2);
      error = try_load (copy, good_length);
      g_assert_error (error, IIS_ERROR, IIS_ERROR_UNSUPPORTED_VERSION);
      g_assert_cmpstr (error->message, ==, message);
    }
  memcpy (copy, good, good_length);

  /* The byte order is checked before the version, which would read
   * wrong in the other order. */
  memcpy (&byte_order, good + FIELD_BYTE_ORDER, 4);
  g_assert_cmpuint (byte_order, ==, 0x01020304);
  write_u32_swapped (copy, FIELD_BYTE_ORDER);
  assert_refused (copy, good_length, IIS_ERROR_PARSE, "byte order");
  assert_refused (copy, good_length, IIS_ERROR_PARSE,
                  "it was written on a machine of the other byte order");
  copy[FIELD_VERSION_MAJOR + 1] = 1;
  assert_refused (copy, good_length, IIS_ERROR_PARSE, "byte order");
  memcpy (copy, good, good_length);

  /* A newer minor version of the same layout loads: it adds nothing an
   * older reader has to know about (a new section would change the
   * table, and is refused). */
  copy[FIELD_VERSION_MINOR] = 7;
  assert_loads_as_good (copy);
}

/* (e) Into a catalog that holds entities (the staged path), a refused
 * snapshot changes nothing; the good one, with override, loads. */
static void
test_unchanged_catalog (void)
{
  g_autoptr(GArray) cuts = cut_points ();
  g_autofree guint8 *copy = g_memdup2 (good, good_length);
  g_autoptr(IisCatalog) catalog = iis_test_scenario_new ();
  g_autofree char *before = iis_test_dump (catalog);
  guint n_tried = 0;

  for (guint i = 0; i < cuts->len + good_length; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;
      gsize length = good_length;
      gboolean loaded;

      if (i < cuts->len)
        {
          length = g_array_index (cuts, guint64, i);
          if (length >= HEADER_SIZE)
            write_u64 (copy, FIELD_FILE_SIZE, length);
        }
      else if ((i - cuts->len) % (3 * thinning) == 0)
        copy[i - cuts->len] ^= 0x10;
      else
        continue;
      _iis_snapshot_update_checksum (copy, length);

      loaded = _iis_catalog_load_snapshot_data (catalog, copy, length, NAME,
                                                IIS_LOAD_FLAGS_OVERRIDE, NULL, &error);
      if (loaded)
        {
          /* A change that makes another valid snapshot: start again. */
          g_clear_object (&catalog);
          catalog = iis_test_scenario_new ();
        }
      else
        {
          g_assert_true (error->domain == IIS_ERROR);
          after = iis_test_dump (catalog);
          g_assert_cmpstr (after, ==, before);
          _iis_catalog_check_invariants (catalog);
          n_tried++;
        }
      memcpy (copy, good, good_length);
    }
  g_assert_cmpuint (n_tried, >, cuts->len);

  /* Not refused for holding entities: the good snapshot loads. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *after = NULL;

    _iis_catalog_load_snapshot_data (catalog, good, good_length, NAME, IIS_LOAD_FLAGS_OVERRIDE,
                                     NULL, &error);
    g_assert_no_error (error);
    after = iis_test_dump (catalog);
    g_assert_cmpstr (after, !=, before);
    g_assert_nonnull (iis_catalog_lookup (catalog, "forum-series"));
  }
}

/* A damaged cached snapshot of a JSON file (IIS_LOAD_FLAGS_CACHE), its
 * key still that of the file, so that it is opened and checked: the
 * file loads from its JSON, as it would without the cache, and the
 * cache is written again. The cache folder is the one the test
 * environment names (tests/meson.build: XDG_CACHE_HOME); the entry is
 * the temporary file's own, and removed at the end. (Not
 * G_TEST_OPTION_ISOLATE_DIRS: GLib 2.74 leaks the folders it sets.) */
static void
test_damaged_cache (void)
{
  g_autofree char *folder = g_dir_make_tmp ("test-bad-snapshots-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (folder, "full.json", NULL);
  g_autofree char *fixture = iis_test_data_path ("full.json");
  g_autofree char *json = NULL;
  g_autofree char *cached = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) cache = iis_catalog_get_cache_file (file);
  g_autoptr(GError) error = NULL;
  gsize json_length, cached_length;
  guint n_damages = 0;

  g_file_get_contents (fixture, &json, &json_length, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, json, json_length, &error);
  g_assert_no_error (error);

  {
    g_autoptr(IisCatalog) catalog = iis_catalog_new ();
    g_autofree char *text = NULL;

    iis_catalog_load_from_file_full (catalog, file, IIS_LOAD_FLAGS_CACHE, NULL, &error);
    g_assert_no_error (error);
    text = iis_test_dump (catalog);
    g_assert_cmpstr (text, ==, good_text);
  }
  g_file_get_contents (g_file_peek_path (cache), &cached, &cached_length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cached_length, ==, good_length);

  for (guint damage = 0; damage < 8; damage++)
    {
      g_autofree guint8 *copy = g_memdup2 (cached, cached_length);
      g_autoptr(IisCatalog) catalog = iis_catalog_new ();
      g_autofree char *text = NULL;
      g_autofree char *again = NULL;
      gsize length = cached_length, again_length;
      guint64 records = section_offset (5);

      switch (damage)
        {
        case 0: length = HEADER_SIZE; break;                       /* truncated */
        case 1: length = records + 3; break;
        case 2: copy[records + 2] ^= 0x40; break;                  /* damaged */
        case 3: copy[FIELD_VERSION_MAJOR] = 2; break;              /* another layout */
        case 4: write_u32_swapped (copy, FIELD_BYTE_ORDER); break;
        case 5: copy[records + 24] = 0xee; break;                  /* no such kind */
        case 6: memset (copy + section_offset (3), 0xff, 16); break; /* nodes */
        case 7: copy[FIELD_N_SECTIONS] = 8; break;
        default: g_assert_not_reached ();
        }
      if (damage >= 5)
        _iis_snapshot_update_checksum (copy, length);
      g_file_set_contents (g_file_peek_path (cache), (const char *) copy, length, &error);
      g_assert_no_error (error);

      /* Refused, as the cache would find it. */
      {
        g_autoptr(GError) refused = try_load (copy, length);

        g_assert_nonnull (refused);
        n_damages++;
      }

      iis_catalog_load_from_file_full (catalog, file, IIS_LOAD_FLAGS_CACHE, NULL, &error);
      g_assert_no_error (error);
      text = iis_test_dump (catalog);
      g_assert_cmpstr (text, ==, good_text);
      _iis_catalog_check_invariants (catalog);

      /* Written again, as it was. */
      g_file_get_contents (g_file_peek_path (cache), &again, &again_length, &error);
      g_assert_no_error (error);
      g_assert_cmpmem (again, again_length, cached, cached_length);
    }
  g_assert_cmpuint (n_damages, ==, 8);

  g_file_delete (cache, NULL, NULL);
  g_unlink (path);
  g_rmdir (folder);
}

/* A file of tests/data/bad-snapshot/: refused as EXPECTED says, from
 * the file (mapped) and from memory, into an empty catalog and into one
 * that holds entities, which stays as it was. */
static void
test_bad_file (gconstpointer data)
{
  const IisTestBadFile *bad = data;
  g_autofree char *relative = g_build_filename ("bad-snapshot", bad->file, NULL);
  g_autofree char *path = iis_test_data_path (relative);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *expected = g_strconcat (name, ": ", bad->location, NULL);
  g_autoptr(IisCatalog) empty = iis_catalog_new ();
  g_autoptr(IisCatalog) catalog = iis_test_scenario_new ();
  g_autofree char *before = iis_test_dump (catalog);
  g_autofree char *after = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_false (iis_catalog_load_snapshot (empty, file, IIS_LOAD_FLAGS_NONE, NULL, &error));
  g_assert_error (error, IIS_ERROR, bad->code);
  if (!g_str_has_prefix (error->message, expected))
    g_error ("message “%s” does not start with “%s”", error->message, expected);
  g_assert_cmpuint (iis_catalog_get_n_entities (empty), ==, 0);
  g_clear_error (&error);

  g_assert_false (iis_catalog_load_snapshot (catalog, file, IIS_LOAD_FLAGS_OVERRIDE, NULL,
                                             &error));
  g_assert_error (error, IIS_ERROR, bad->code);
  g_assert_true (g_str_has_prefix (error->message, expected));
  g_clear_error (&error);
  after = iis_test_dump (catalog);
  g_assert_cmpstr (after, ==, before);

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  error = try_load ((const guint8 *) contents, length);
  g_assert_error (error, IIS_ERROR, bad->code);
  g_assert_nonnull (strstr (error->message, bad->location));
}

static void
test_manifest_complete (gconstpointer data)
{
  iis_test_check_bad_files_listed ("bad-snapshot", (GPtrArray *) data, 20);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) cases = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  if (g_getenv ("IIS_TEST_SCALE_SMALL") != NULL && !g_test_slow ())
    thinning = THINNING;
  make_good_snapshot ();

  cases = iis_test_read_bad_files ("bad-snapshot");
  iis_test_add_bad_file_tests ("/iis/bad-snapshots/file", cases, test_bad_file);
  g_test_add_data_func ("/iis/bad-snapshots/manifest", cases, test_manifest_complete);

  g_test_add_func ("/iis/bad-snapshots/truncations", test_truncations);
  g_test_add_func ("/iis/bad-snapshots/flipped-bytes", test_flipped_bytes);
  g_test_add_func ("/iis/bad-snapshots/structural-checks", test_structural_checks);
  g_test_add_func ("/iis/bad-snapshots/versions", test_versions);
  g_test_add_func ("/iis/bad-snapshots/unchanged-catalog", test_unchanged_catalog);
  g_test_add_func ("/iis/bad-snapshots/damaged-cache", test_damaged_cache);

  status = g_test_run ();
  g_free (good);
  g_free (good_text);
  return status;
}
