/* fuzz-catalog.c: loading a catalog from bytes
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * Every input is loaded three times: into an empty catalog, into a
 * catalog already holding a small document (some of whose ids the seeds
 * share), and into that catalog again with IIS_LOAD_FLAGS_OVERRIDE.
 *
 * Invariants, any of which failing aborts:
 * - no crash, no sanitizer report, no GLib warning or critical;
 * - a failed load sets a proper error and leaves the catalog exactly as
 *   it was (its document is the same bytes before and after);
 * - a catalog that loaded writes a document that loads again into an
 *   empty catalog and writes the same bytes (load → save → load), in
 *   pretty and in compact form;
 * - questions about every entity of a loaded catalog and its validation
 *   run without complaint;
 * - after every load, failed or not, what the catalog caches agrees with
 *   its objects (_iis_catalog_check_invariants(), docs/storage.md).
 */

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>
#include <libiis/iis.h>

#include "fuzz-common.h"
#include "iis-catalog-debug-private.h"

static const char base_document[] =
  "{\"format\":\"libiis-catalog\",\"version\":\"1.0\",\"entities\":["
  "{\"type\":\"state\",\"id\":\"RU\",\"name\":\"Russia\",\"alpha-2\":\"RU\","
  "\"identifiers\":{\"iso3166-1\":\"RU\"}},"
  "{\"type\":\"state\",\"id\":\"base-state\",\"name\":\"Base\","
  "\"labels\":{\"ru\":\"База\"},\"other-names\":[{\"name\":\"Old\",\"end\":\"1991\"}]},"
  "{\"type\":\"organization\",\"id\":\"sco\",\"name\":\"SCO\",\"acronym\":\"SCO\","
  "\"kind\":\"intergovernmental\",\"founded\":\"2001-06-15\"},"
  "{\"type\":\"organization\",\"id\":\"base-body\",\"kind\":\"secretariat\"},"
  "{\"type\":\"agreement\",\"id\":\"base-agreement\",\"kind\":\"agreement\","
  "\"status\":\"in-force\",\"adopted\":\"2009-06-16\"},"
  "{\"type\":\"forum\",\"id\":\"base-forum\",\"kind\":\"forum\",\"start\":\"2017-02\","
  "\"topics\":[\"a\",\"b\"]},"
  "{\"type\":\"threat-category\",\"id\":\"base-threat\",\"definition\":\"d\"},"
  "{\"type\":\"threat-category\",\"id\":\"base-threat-narrow\"}],"
  "\"relations\":["
  "{\"kind\":\"member-of\",\"subject\":\"RU\",\"object\":\"sco\",\"role\":\"member\","
  "\"start\":\"2001-06-15\",\"qualifiers\":{\"note\":\"founder\"}},"
  "{\"kind\":\"member-of\",\"subject\":\"base-state\",\"object\":\"sco\","
  "\"role\":\"observer\",\"start\":\"2005\",\"end\":\"2017-06\",\"confidence\":\"high\","
  "\"sources\":[{\"title\":\"t\",\"date\":\"2005-07\"}],\"x-extra\":[1,{\"a\":null}]},"
  "{\"kind\":\"part-of\",\"subject\":\"base-body\",\"object\":\"sco\"},"
  "{\"kind\":\"party-to\",\"subject\":\"RU\",\"object\":\"base-agreement\","
  "\"role\":\"ratification\",\"start\":\"2011\"},"
  "{\"kind\":\"signatory-of\",\"subject\":\"base-state\",\"object\":\"base-agreement\"},"
  "{\"kind\":\"adopted-within\",\"subject\":\"base-agreement\",\"object\":\"sco\"},"
  "{\"kind\":\"addresses\",\"subject\":\"base-agreement\",\"object\":\"base-threat\"},"
  "{\"kind\":\"part-of\",\"subject\":\"base-threat-narrow\",\"object\":\"base-threat\"},"
  "{\"kind\":\"host-of\",\"subject\":\"RU\",\"object\":\"base-forum\"},"
  "{\"kind\":\"participant-in\",\"subject\":\"sco\",\"object\":\"base-forum\"}],"
  "\"x-document\":{\"kept\":true}}";

static char *empty_text;
static char *base_text;

static IisCatalog *
new_base_catalog (void)
{
  return fuzz_catalog_new_from_data (base_document, "the base document");
}

/* @catalog loaded: its document loads again and writes the same bytes. */
static void
check_round_trip (IisCatalog   *catalog,
                  IisSaveFlags  flags,
                  const char   *what)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IisCatalog) again = iis_catalog_new ();
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;
  gsize length, length_again;

  text = fuzz_document_of (catalog, flags, &length, what);
  if (strlen (text) != length)
    fuzz_fail ("%s: the written document has a NUL byte or a wrong length", what);
  if (!iis_catalog_load_from_data (again, text, length, &error))
    fuzz_fail ("%s: the written document does not load: %s\n%s", what, error->message, text);
  _iis_catalog_check_invariants (again);
  text_again = fuzz_document_of (again, flags, &length_again, what);
  if (length != length_again || memcmp (text, text_again, length) != 0)
    fuzz_fail ("%s: load → save → load changed the document:\n%s\n----\n%s",
               what, text, text_again);
}

static void
load_into (IisCatalog    *catalog,
           const char    *text_before,
           const uint8_t *data,
           size_t         size,
           IisLoadFlags   flags,
           const char    *what)
{
  g_autoptr(GError) error = NULL;
  guint n_entities = iis_catalog_get_n_entities (catalog);
  guint n_relations = iis_catalog_get_n_relations (catalog);

  if (iis_catalog_load_from_data_full (catalog, (const char *) data, size, flags, &error))
    {
      if (error != NULL)
        fuzz_fail ("%s: the load succeeded and set an error", what);
      _iis_catalog_check_invariants (catalog);
      fuzz_ask_questions (catalog);
      _iis_catalog_check_invariants (catalog);
      check_round_trip (catalog, IIS_SAVE_FLAGS_NONE, what);
      check_round_trip (catalog, IIS_SAVE_FLAGS_COMPACT, what);
    }
  else
    fuzz_check_failed_load (catalog, error, text_before, n_entities, n_relations, what);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(IisCatalog) empty = NULL;
  g_autoptr(IisCatalog) base = NULL;

  fuzz_install_log_writer ();
  empty = iis_catalog_new ();
  base = new_base_catalog ();
  empty_text = fuzz_document_of (empty, IIS_SAVE_FLAGS_NONE, NULL, "the empty catalog");
  base_text = fuzz_document_of (base, IIS_SAVE_FLAGS_NONE, NULL, "the base catalog");
  return 0;
}

/* The input as a file of a data folder (IIS_DATA_PATH), over the base
 * catalog: the layers' path reads it from disk, in a folder with a FIFO
 * beside it that must be refused, not waited on. A failing file adds
 * nothing; either way the catalog keeps its invariants. */
static char *folder = NULL;

static void
remove_data_folder (void)
{
  g_autofree char *file = g_build_filename (folder, "layer.json", NULL);
  g_autofree char *fifo = g_build_filename (folder, "zz-fifo.json", NULL);

  g_unlink (file);
  g_unlink (fifo);
  g_rmdir (folder);
  g_clear_pointer (&folder, g_free);
}

static void
load_from_data_folder (const uint8_t *data,
                       size_t         size)
{
  g_autofree char *file = NULL;
  g_autofree char *base_before = NULL;
  g_autoptr(IisCatalog) catalog = new_base_catalog ();
  g_autoptr(GError) error = NULL;
  gboolean loaded;

  if (folder == NULL)
    {
      g_autofree char *fifo = NULL;

      folder = g_dir_make_tmp ("fuzz-catalog-XXXXXX", NULL);
      if (folder == NULL)
        fuzz_fail ("cannot make a data folder");
      fifo = g_build_filename (folder, "zz-fifo.json", NULL);
      if (mkfifo (fifo, 0600) != 0)
        fuzz_fail ("cannot make a FIFO in the data folder");
      atexit (remove_data_folder);
    }
  file = g_build_filename (folder, "layer.json", NULL);
  if (!g_file_set_contents (file, (const char *) data, (gssize) size, NULL))
    fuzz_fail ("cannot write the data folder's file");

  base_before = iis_catalog_to_data (catalog, NULL, NULL);
  g_setenv ("IIS_DATA_PATH", folder, TRUE);
  loaded = iis_catalog_load_data_path (catalog, NULL, &error);
  g_setenv ("IIS_DATA_PATH", "", TRUE);
  _iis_catalog_check_invariants (catalog);

  /* The FIFO comes after layer.json: it always stops the load, with a
   * message, once the file before it has been read. */
  if (loaded)
    fuzz_fail ("a FIFO in a data folder was read");
  fuzz_check_error (error, "iis_catalog_load_data_path");
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE)
      && g_strstr_len (error->message, -1, "layer.json") == NULL)
    fuzz_fail ("a data folder's error names neither file: %s", error->message);
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE))
    {
      g_autofree char *base_after = iis_catalog_to_data (catalog, NULL, NULL);

      if (g_strcmp0 (base_before, base_after) != 0)
        fuzz_fail ("a data folder's file that failed changed the catalog");
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const uint8_t nothing[1];

  if (data == NULL)
    data = nothing;

  {
    g_autoptr(IisCatalog) catalog = iis_catalog_new ();

    load_into (catalog, empty_text, data, size, IIS_LOAD_FLAGS_NONE, "empty catalog");
  }
  {
    g_autoptr(IisCatalog) catalog = new_base_catalog ();

    load_into (catalog, base_text, data, size, IIS_LOAD_FLAGS_NONE, "base catalog");
  }
  {
    g_autoptr(IisCatalog) catalog = new_base_catalog ();

    load_into (catalog, base_text, data, size, IIS_LOAD_FLAGS_OVERRIDE,
               "base catalog, override");
  }
  load_from_data_folder (data, size);

  return 0;
}
