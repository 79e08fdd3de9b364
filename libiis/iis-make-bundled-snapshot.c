/* iis-make-bundled-snapshot.c: the snapshot of the bundled catalog, at build time
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Usage: iis-make-bundled-snapshot OUTPUT
 *
 * Linked with the library's code and the resource of its JSON documents
 * alone (libiis/meson.build), it loads the bundled catalog from its JSON
 * and writes its snapshot, which the library's resource then holds
 * beside the JSON (iis_catalog_load_bundled() opens it).
 */

#include "config.h"

#include <stdio.h>

#include "iis-catalog.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();
  g_autoptr(GFile) output = NULL;
  g_autoptr(GError) error = NULL;

  if (argc != 2)
    {
      fprintf (stderr, "Usage: %s OUTPUT\n", argv[0]);
      return 2;
    }
  output = g_file_new_for_commandline_arg (argv[1]);
  if (!iis_catalog_load_bundled (catalog, &error)
      || !iis_catalog_save_snapshot (catalog, output, NULL, &error))
    {
      fprintf (stderr, "%s: %s\n", argv[0], error->message);
      return 1;
    }
  return 0;
}
