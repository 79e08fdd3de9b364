/* iis-cmd-import.c: `iis import --map MAP.json DATA.csv [-o OUT.json]`
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * Reads a table of relations (CSV) through a column map (see
 * docs/interoperability.md and the maps in data/maps) and writes the
 * relations as a catalog file that refers to the catalog's entities by
 * id, ready for --catalog:
 *
 * ```sh
 * iis import --map data/maps/huggo.json memberships.csv -o memberships.json
 * iis --catalog memberships.json parties SMPLIS_2001A
 * ```
 *
 * The relations are also loaded into the catalog (the bundled one and the
 * --catalog files), so that everything the loader checks is checked
 * before anything is written. Rows whose state or agreement names no
 * entity are listed on the standard error, with their row and line.
 */

#include <string.h>

#include "iis-tool.h"

static char *map_option;
static char *output_option;

static const GOptionEntry import_entries[] = {
  { "map", 0, 0, G_OPTION_ARG_FILENAME, &map_option,
    "The column map (JSON) that says what each column holds", "MAP.json" },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_option,
    "Write the relations to FILE (default: the standard output)", "FILE" },
  G_OPTION_ENTRY_NULL
};

int
cli_cmd_import (CliContext       *ctx,
                const CliCommand *command,
                int               argc,
                char            **argv)
{
  g_autoptr(GOptionContext) context = cli_option_context_new (ctx, command, import_entries, FALSE);
  g_autoptr(GError) error = NULL;
  g_autofree char *map = NULL;
  g_autofree char *data = NULL;
  g_autofree char *document = NULL;
  g_auto(GStrv) unmatched = NULL;
  const char *table;
  IisCatalog *catalog;
  gsize length;
  int status = CLI_EXIT_OK;

  if (!cli_parse_options (context, command, &argc, &argv, &status))
    return status;
  if (map_option == NULL)
    return cli_usage_error (command, "name the column map with --map MAP.json");
  if (argc < 2)
    return cli_usage_error (command, "expected the table DATA.csv");
  if (argc > 2)
    return cli_usage_error (command, "unexpected argument “%s”", argv[2]);
  table = argv[1];

  if (!g_file_get_contents (map_option, &map, NULL, &error))
    {
      cli_error ("%s", error->message);
      return CLI_EXIT_FAILURE;
    }
  if (!g_file_get_contents (table, &data, &length, &error))
    {
      cli_error ("%s", error->message);
      return CLI_EXIT_FAILURE;
    }

  catalog = cli_get_catalog (ctx, &status);
  if (catalog == NULL)
    return status;

  document = iis_catalog_convert_table (catalog, map, data, (gssize) length, &unmatched, &error);
  if (document == NULL)
    {
      /* Map errors start with “map:”; the others are about the table. */
      if (g_str_has_prefix (error->message, "map:"))
        cli_error ("%s: %s", map_option, error->message + strlen ("map: "));
      else
        cli_error ("%s: %s", table, error->message);
      return CLI_EXIT_FAILURE;
    }
  if (!iis_catalog_load_from_data (catalog, document, -1, &error))
    {
      cli_error ("%s: the relations do not load: %s", table, error->message);
      return CLI_EXIT_FAILURE;
    }
  for (guint i = 0; unmatched[i] != NULL; i++)
    cli_error ("%s: %s (left out)", table, unmatched[i]);

  if (output_option == NULL || strcmp (output_option, "-") == 0)
    cli_out (document);
  else if (!g_file_set_contents (output_option, document, -1, &error))
    {
      cli_error ("%s", error->message);
      return CLI_EXIT_FAILURE;
    }
  return CLI_EXIT_OK;
}
