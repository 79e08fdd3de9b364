/* make-snapshot-seeds.c: the seeds of the snapshot fuzz target
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 *   make-snapshot-seeds OUTPUT-FOLDER CATALOG.json…
 *
 * Writes OUTPUT-FOLDER/NAME.snapshot for each catalog, with
 * iis_catalog_save_snapshot(). The seeds in seeds/snapshot/ are made so
 * from small catalogs of the test fixtures:
 *
 *   ninja -C _build tests/fuzz/make-snapshot-seeds
 *   _build/tests/fuzz/make-snapshot-seeds tests/fuzz/seeds/snapshot \
 *     tests/data/full.json tests/data/hostile-text.json \
 *     tests/data/inexact.json tests/data/successions.json \
 *     tests/fuzz/seeds/catalog/every-type.json \
 *     tests/fuzz/seeds/catalog/minimal.json \
 *     tests/fuzz/seeds/catalog/simple-entities.json
 *
 * Make them again when the layout changes: seeds of an older layout are
 * all refused at the version check, and the fuzzer would start from
 * nothing it can open.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libiis/iis.h>

int
main (int   argc,
      char *argv[])
{
  if (argc < 3)
    {
      fprintf (stderr, "usage: %s OUTPUT-FOLDER CATALOG.json…\n", argv[0]);
      return EXIT_FAILURE;
    }

  for (int i = 2; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
      g_autoptr(IisCatalog) catalog = iis_catalog_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *base = g_file_get_basename (file);
      g_autofree char *name = NULL;
      g_autoptr(GFile) output = NULL;

      if (g_str_has_suffix (base, ".json"))
        base[strlen (base) - strlen (".json")] = '\0';
      name = g_strconcat (base, ".snapshot", NULL);
      output = g_file_new_build_filename (argv[1], name, NULL);

      if (!iis_catalog_load_from_file (catalog, file, NULL, &error)
          || !iis_catalog_save_snapshot (catalog, output, NULL, &error))
        {
          fprintf (stderr, "%s: %s\n", argv[i], error->message);
          return EXIT_FAILURE;
        }
    }
  return EXIT_SUCCESS;
}
