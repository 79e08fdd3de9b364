/* bench-import.c: how long a 10,000-row table takes to import
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * Generates a catalog of states and agreements and a HUGGO-style table
 * of ROWS rows over them (seeded, so every run measures the same data),
 * then times, in the same process:
 *
 * - the baseline: reading the same CSV with a plain parse (split into
 *   lines and cells, nothing more), which any import has to do;
 * - iis_catalog_import_table() into a fresh copy of the catalog, with
 *   the map data/maps/huggo.json.
 *
 * and prints the median of REPEAT runs of each and their ratio. It checks
 * that every row was imported (a wrong import is not a fast one) but
 * asserts nothing about the time: it is a measurement, not a test.
 *
 *   bench-import [--rows N] [--repeat N] --map data/maps/huggo.json
 */

#include <stdlib.h>
#include <string.h>

#include <libiis/iis.h>

static int rows_option = 10000;
static int repeat_option = 5;
static char *map_option;

static const GOptionEntry entries[] = {
  { "rows", 0, 0, G_OPTION_ARG_INT, &rows_option, "Rows in the table (10000)", "N" },
  { "repeat", 0, 0, G_OPTION_ARG_INT, &repeat_option, "Runs of each measurement (5)", "N" },
  { "map", 0, 0, G_OPTION_ARG_FILENAME, &map_option, "The HUGGO column map", "FILE" },
  G_OPTION_ENTRY_NULL
};

#define N_STATES     200
#define N_AGREEMENTS 100

static char *
catalog_document (void)
{
  GString *text = g_string_new ("{\"format\": \"libiis-catalog\", \"version\": \"1.0\", \"entities\": [");

  for (guint i = 0; i < N_STATES; i++)
    g_string_append_printf (text, "%s{\"type\": \"state\", \"id\": \"S%03u\", \"name\": \"State %u\","
                            " \"alpha-3\": \"Q%c%c\"}",
                            i > 0 ? "," : "", i, i, 'A' + i / 26, 'A' + i % 26);
  for (guint i = 0; i < N_AGREEMENTS; i++)
    g_string_append_printf (text, ",{\"type\": \"agreement\", \"id\": \"agreement-%u\","
                            " \"name\": \"Agreement %u\", \"identifiers\": {\"huggo\": \"T%05u\"}}",
                            i, i, i);
  g_string_append (text, "], \"relations\": []}");
  return g_string_free (text, FALSE);
}

/* One row per state and agreement pair, each pair once. */
static char *
table (guint rows)
{
  GString *text = g_string_new ("manyID,stateID,Title,Signature,Ratification,Force,End,Succession\n");
  GRand *rand = g_rand_new_with_seed (1);

  for (guint r = 0; r < rows; r++)
    {
      guint state = r % N_STATES;
      guint agreement = (r / N_STATES) % N_AGREEMENTS;
      guint year = 1950 + (guint) g_rand_int_range (rand, 0, 70);

      g_string_append_printf (text, "T%05u,Q%c%c,Agreement %u,%u-%02d-%02d,%u-%02d-%02d,%u-01-01,%s,%d\n",
                              agreement, 'A' + state / 26, 'A' + state % 26, agreement,
                              year, g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29),
                              year + 1, g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29),
                              year + 2, g_rand_int_range (rand, 0, 10) == 0 ? "2020-01-01" : "",
                              g_rand_int_range (rand, 0, 20) == 0);
    }
  g_rand_free (rand);
  return g_string_free (text, FALSE);
}

/* The baseline: lines and cells, each cell copied. */
static guint
plain_parse (const char *csv)
{
  g_auto(GStrv) lines = g_strsplit (csv, "\n", -1);
  guint cells = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;

      if (lines[i][0] == '\0')
        continue;
      fields = g_strsplit (lines[i], ",", -1);
      cells += g_strv_length (fields);
    }
  return cells;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, times->len / 2);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— time the import of a table");
  g_autoptr(GError) error = NULL;
  g_autofree char *map = NULL;
  g_autofree char *catalog_text = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(GArray) baseline = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) import = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) convert = g_array_new (FALSE, FALSE, sizeof (double));
  guint expected_relations = 0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || map_option == NULL
      || rows_option <= 0 || repeat_option <= 0)
    {
      g_printerr ("bench-import: %s\n", error != NULL ? error->message : "give --map, and positive counts");
      return 2;
    }
  if (!g_file_get_contents (map_option, &map, NULL, &error))
    {
      g_printerr ("bench-import: %s\n", error->message);
      return 1;
    }
  catalog_text = catalog_document ();
  csv = table ((guint) rows_option);
  /* Every row gives a signature and an entry into force. */
  expected_relations = 2 * (guint) rows_option;

  for (int run = 0; run < repeat_option; run++)
    {
      g_autoptr(IisCatalog) catalog = iis_catalog_new ();
      g_auto(GStrv) unmatched = NULL;
      g_autofree char *document = NULL;
      gint64 t0, t1, t2, t3;
      guint cells;

      if (!iis_catalog_load_from_data (catalog, catalog_text, -1, &error))
        g_error ("%s", error->message);

      t0 = g_get_monotonic_time ();
      cells = plain_parse (csv);
      t1 = g_get_monotonic_time ();
      if (!iis_catalog_import_table (catalog, map, csv, -1, &unmatched, &error))
        g_error ("%s", error->message);
      t2 = g_get_monotonic_time ();
      /* The first half of an import alone: the table as a document. */
      document = iis_catalog_convert_table (catalog, map, csv, -1, NULL, &error);
      if (document == NULL)
        g_error ("%s", error->message);
      t3 = g_get_monotonic_time ();

      if (cells != 8 * ((guint) rows_option + 1) || unmatched[0] != NULL
          || iis_catalog_get_n_relations (catalog) != expected_relations)
        g_error ("the import is wrong: %u cells, %u relations (expected %u), unmatched: %s",
                 cells, iis_catalog_get_n_relations (catalog), expected_relations,
                 unmatched[0] != NULL ? unmatched[0] : "none");
      g_array_append_vals (baseline, &(double) { (t1 - t0) / 1000.0 }, 1);
      g_array_append_vals (import, &(double) { (t2 - t1) / 1000.0 }, 1);
      g_array_append_vals (convert, &(double) { (t3 - t2) / 1000.0 }, 1);
    }

  g_print ("rows %d, runs %d (medians)\n", rows_option, repeat_option);
  g_print ("plain CSV parse      %8.2f ms\n", median (baseline));
  g_print ("import_table         %8.2f ms  (%u relations)\n", median (import), expected_relations);
  g_print ("  of which converting %8.2f ms  (the rest: loading the document)\n", median (convert));
  g_print ("ratio                %8.1f x\n", median (import) / MAX (median (baseline), 0.001));
  return 0;
}
