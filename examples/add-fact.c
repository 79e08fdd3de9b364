/* add-fact.c: load a catalog file, add a fact, save it
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Usage: add-fact INPUT OUTPUT
 *
 * Adds India, with its names from iso-codes, and India's membership of
 * the SCO from 9 June 2017 (the Astana summit), with its source.
 */

#include <locale.h>

#include <libiis/iis.h>

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();
  g_autoptr(GFile) input = NULL;
  g_autoptr(GFile) output = NULL;
  g_autoptr(IisState) india = NULL;
  g_autoptr(IisRelation) membership = NULL;
  g_autoptr(IisSource) source = NULL;
  g_autoptr(IisDate) joined = iis_date_new (2017, 6, 9);

  setlocale (LC_ALL, "");

  if (argc != 3)
    {
      g_printerr ("Usage: %s INPUT OUTPUT\n", argv[0]);
      return 2;
    }
  input = g_file_new_for_commandline_arg (argv[1]);
  output = g_file_new_for_commandline_arg (argv[2]);

  if (!iis_catalog_load_from_file (catalog, input, NULL, &error))
    goto fail;

  india = iis_state_new_from_iso_code ("IN", &error);
  if (india == NULL || !iis_catalog_add_entity (catalog, IIS_ENTITY (india), &error))
    goto fail;

  membership = g_object_new (IIS_TYPE_RELATION,
                             "kind", IIS_RELATION_KIND_MEMBER_OF,
                             "subject", india,
                             "object", iis_catalog_lookup (catalog, "sco"),
                             "role", "member",
                             "start", joined,
                             NULL);
  source = g_object_new (IIS_TYPE_SOURCE,
                         "title", "Astana summit of the SCO Heads of State Council",
                         "date", joined,
                         NULL);
  iis_relation_add_source (membership, source);
  if (!iis_catalog_add_relation (catalog, membership, &error))
    goto fail;

  if (!iis_catalog_save_to_file (catalog, output, NULL, &error))
    goto fail;

  g_print ("Saved %u entities and %u relations to %s\n",
           iis_catalog_get_n_entities (catalog),
           iis_catalog_get_n_relations (catalog), argv[2]);
  return 0;

fail:
  g_printerr ("%s\n", error->message);
  return 1;
}
