/* bench-load.c: time and peak memory of loading one catalog file
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 *   bench-load iis FILE          iis_catalog_load_from_file()
 *   bench-load iis-save FILE     the same, then iis_catalog_save_to_stream() to /dev/null
 *   bench-load json-glib FILE    json_parser_load_from_file(), the tree only
 *
 * Run each mode in its own process: the peak resident set size is the
 * process's (getrusage), so one measurement per run. Prints one line of
 * "key=value" pairs. With a build folder B (meson setup B && ninja -C B):
 *
 *   cc -O2 -o bench-load tests/bench/bench-load.c -I. -Ilibiis -IB/libiis -IB \
 *      -DIIS_COMPILATION $(pkg-config --cflags gio-2.0 json-glib-1.0) \
 *      B/libiis/libiis-internal.a $(pkg-config --libs gio-2.0 json-glib-1.0) -lm
 *   tests/bench/gen-catalog.py --relations 100000 --seed 1 --output big.json
 *   for m in json-glib iis iis-save; do ./bench-load $m big.json; done
 */

#include <sys/resource.h>

#include <json-glib/json-glib.h>
#include <libiis/iis.h>

static long
peak_rss_kib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  const char *mode, *path;
  long rss_before;
  gint64 start, loaded;
  gint64 saved = 0;
  guint n_entities = 0, n_relations = 0;

  if (argc != 3)
    {
      g_printerr ("usage: %s iis|iis-save|json-glib FILE\n", argv[0]);
      return 2;
    }
  mode = argv[1];
  path = argv[2];

  /* Types and GIO set up before the baseline. */
  g_type_ensure (IIS_TYPE_CATALOG);
  g_type_ensure (JSON_TYPE_PARSER);
  rss_before = peak_rss_kib ();

  start = g_get_monotonic_time ();
  if (g_str_has_prefix (mode, "iis"))
    {
      g_autoptr(IisCatalog) catalog = iis_catalog_new ();
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

      if (!iis_catalog_load_from_file (catalog, file, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      loaded = g_get_monotonic_time ();
      n_entities = iis_catalog_get_n_entities (catalog);
      n_relations = iis_catalog_get_n_relations (catalog);

      if (g_str_equal (mode, "iis-save"))
        {
          g_autoptr(GFile) null = g_file_new_for_path ("/dev/null");
          g_autoptr(GFileOutputStream) out = g_file_append_to (null, G_FILE_CREATE_NONE,
                                                                NULL, &error);

          if (out == NULL
              || !iis_catalog_save_to_stream (catalog, G_OUTPUT_STREAM (out),
                                              IIS_SAVE_FLAGS_NONE, NULL, &error))
            {
              g_printerr ("%s\n", error->message);
              return 1;
            }
          saved = g_get_monotonic_time ();
        }
    }
  else if (g_str_equal (mode, "json-glib"))
    {
      g_autoptr(JsonParser) parser = json_parser_new ();

      if (!json_parser_load_from_file (parser, path, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      loaded = g_get_monotonic_time ();
    }
  else
    {
      g_printerr ("unknown mode %s\n", mode);
      return 2;
    }

  g_print ("mode=%s entities=%u relations=%u load_ms=%.1f save_ms=%.1f "
           "peak_rss_kib=%ld baseline_rss_kib=%ld\n",
           mode, n_entities, n_relations, (loaded - start) / 1000.0,
           saved ? (saved - loaded) / 1000.0 : 0.0,
           peak_rss_kib (), rss_before);
  return 0;
}
