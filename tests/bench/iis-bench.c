/* iis-bench.c: libiis against json-glib and SQLite, side by side
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * Usage:
 *   iis-bench [--runs N] [--seed S] [--results FILE] [--load-only] CATALOG.json|uniform:N…
 *   iis-bench --iterate N CATALOG.json
 *
 * For each catalog file (smallest first), in this one process:
 *
 * - load: iis_catalog_load_from_file() into a new catalog against a bare
 *   json_parser_load_from_mapped_file() of the same file and the
 *   parser's unref; the peak RSS of each, each in a forked child whose
 *   high-water mark is reset first (/proc/self/clear_refs 5) and read
 *   after (VmHWM minus the VmRSS it started from);
 * - memory: the heap a loaded catalog holds per relation (mallinfo2 in
 *   use, before and after the load, in a fresh process: once as GLib
 *   2.74's slice allocator has it, once with G_SLICE=always-malloc, what
 *   GLib 2.76 and later always do), against sqlite3_memory_used() of an
 *   in-memory database holding the same rows with covering indexes on
 *   (subject, kind, object) and (object, kind, subject);
 * - save: iis_catalog_to_data() against json_generator_to_data() of the
 *   same document as a JsonNode tree, both pretty-printed, two spaces;
 * - questions against prepared SQLite statements (bench-common.c), after
 *   checking that every answer is the same: is X a member of Y at a date,
 *   the agreements of a state, the members of an organization at a date,
 *   the states party to an agreement addressing a threat category or a
 *   narrower one, the transitive parts of an entity; and, for
 *   information, the agreements of a state again, read with
 *   iis_answer_get_items () instead of one get_item () per row.
 *
 * - save-compact: the same, compact, against the generator not pretty;
 * - relations between two entities: iis_catalog_list_relations() with
 *   subject, kind (member-of) and object, each relation object taken
 *   and its dates read, against a prepared SELECT of the same rows; and,
 *   for information, the same relations read with an IisRelationIter
 *   (both ids and both dates of each), and counted with
 *   iis_catalog_count_relations(), against the same SELECT.
 *
 * An argument "uniform:N" stands for the uniform-random shape of
 * bench_uniform_catalog_new () (bench-common.h) at N relations, built
 * through the public API in random order from the seed of the run: the
 * questions are asked of that catalog as built, and everything that
 * needs a file (the load, the memory, the SQLite mirror, json-glib's
 * tree) uses what iis_catalog_to_data() writes of it, in a temporary
 * file. Its rows are reported as "uniform-…" measures, with the targets
 * of issue 17 for that shape.
 *
 * Each figure is the median of N runs (at least 5) after a warm-up run;
 * the two sides of a ratio run alternately. A difference in answers
 * exits with status 1.
 *
 * With --results FILE the figures are appended to FILE as JSON lines
 * (build-aux/run-benchmarks.sh merges them with bench-python.py's into
 * one table, tests/bench/bench-report.py); without, the ratios are
 * printed as a table here.
 *
 * --load-only measures the load alone (time and peak RSS, against the
 * bare parse) and skips the rest, which at 1M takes minutes more.
 * --questions-only skips load, memory and save; --profile QUESTION asks
 * only libiis one question, many times, for perf or callgrind
 * (--toggle-collect=bench_ask_lib; between-iter and between-count ask
 * the relations between two entities through IisRelationIter and
 * iis_catalog_count_relations()); --profile save (or save-compact)
 * writes the catalog N times with iis_catalog_to_data() and then N times
 * with json_generator_to_data() (--toggle-collect=profile_save_lib, or
 * profile_save_json).
 *
 * --iterate N runs the C half of tests/bench/bench-python.py: iterate N
 * results of iis_catalog_get_agreements_of() over the states in id
 * order, reading each agreement's id, and print the median seconds.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "bench-common.h"

#include "iis-catalog-debug-private.h"

static guint runs = 5;
static gboolean questions_only;
static gboolean load_only;
static char *profile_question;
static char *self_path;
static guint32 seed = 20260607;
static FILE *results;
static volatile guintptr sink;

/* ------------------------------------------------------------------ */
/* Measuring                                                          */

static gsize
heap_in_use (void)
{
  struct mallinfo2 info = mallinfo2 ();

  return info.uordblks + info.hblkhd;
}

/* ------------------------------------------------------------------ */
/* Phases                                                             */

static IisCatalog *
load_catalog (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();
  g_autoptr(GError) error = NULL;

  if (!iis_catalog_load_from_file (catalog, file, NULL, &error))
    {
      g_printerr ("iis-bench: %s: %s\n", path, error->message);
      exit (1);
    }
  return g_steal_pointer (&catalog);
}

static void
phase_load (gpointer data)
{
  IisCatalog *catalog = load_catalog (data);

  sink += iis_catalog_get_n_relations (catalog);
  /* Measured with the catalog still held: that is the end of a load. */
}

static JsonParser *
parse_json (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  if (!json_parser_load_from_mapped_file (parser, path, &error))
    {
      g_printerr ("iis-bench: %s: %s\n", path, error->message);
      exit (1);
    }
  return g_steal_pointer (&parser);
}

static void
phase_parse (gpointer data)
{
  JsonParser *parser = parse_json (data);

  sink += (guintptr) json_parser_get_root (parser);
}

typedef struct
{
  double heap_per_relation;   /* mallinfo2 in use, growth over the load */
  double rss_per_relation;
} Held;

/* The child's side: load @path into a fresh process and print what the
 * catalog holds. */
static int
held_child (const char *path)
{
  g_autoptr(IisCatalog) warm = iis_catalog_new ();
  g_autoptr(IisCatalog) catalog = NULL;
  gsize heap_before;
  gint64 rss_before;
  guint n;

  /* Types and GIO are set up before the baseline. */
  g_clear_object (&warm);
  g_object_unref (g_file_new_for_path (path));
  malloc_trim (0);
  heap_before = heap_in_use ();
  rss_before = bench_status_kb ("VmRSS");
  catalog = load_catalog (path);
  n = MAX (iis_catalog_get_n_relations (catalog), 1);
  g_print ("%.6g %.6g\n", (double) (heap_in_use () - heap_before) / n,
           (bench_status_kb ("VmRSS") - rss_before) * 1024.0 / n);
  return 0;
}

static Held
measure_held (const char *path,
              gboolean    always_malloc)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  const char *argv[] = { self_path, "--held", path, NULL };
  Held held = { 0, 0 };
  int status;

  envp = always_malloc ? g_environ_setenv (envp, "G_SLICE", "always-malloc", TRUE)
                       : g_environ_unsetenv (envp, "G_SLICE");
  if (!g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL,
                     &out, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error) ||
      sscanf (out, "%lf %lf", &held.heap_per_relation, &held.rss_per_relation) != 2)
    {
      g_printerr ("iis-bench: measuring the memory held: %s\n",
                  error ? error->message : "no figures");
      exit (1);
    }
  return held;
}

/* ------------------------------------------------------------------ */
/* Reporting                                                          */

typedef struct
{
  const char *key;
  const char *title;
  double      target;           /* 0: none */
  double      uniform_target;   /* the same on the uniform shape (issue 17) */
} Measure;

static const Measure measures[] = {
  { "load", "load / json-glib parse+free", 1.3, 0 },
  { "peak-rss", "peak RSS in load / json-glib tree", 1.15, 0 },
  { "bytes-per-relation", "bytes per relation / SQLite per row", 1.0, 0 },
  { "bytes-per-relation-malloc", "  the same, G_SLICE=always-malloc", 0, 0 },
  { "save", "save / json_generator", 0, 1.0 },
  { "save-compact", "save compact / json_generator compact", 0, 1.0 },
  { "point", "point question / SQLite", 0.1, 0 },
  { "agreements-of", "agreements of a state per row / SQLite", 0.25, 0.2 },
  { "agreements-of-items", "  the same, read with get_items()", 0, 0 },
  { "members-at", "members at a date / SQLite", 0.1, 0.25 },
  { "two-hop", "two-hop addressing / SQLite", 0.05, 0 },
  { "parts", "transitive part-of / SQLite recursive", 0.02, 0 },
  { "party-statuses", "every party's status / SQLite its parties", 0, 0 },
  { "between", "relations between two entities / SQLite", 0, 0.25 },
  { "between-iter", "  the same, read with IisRelationIter", 0, 0 },
  { "between-count", "  the same, counted with count_relations()", 0, 0 },
};

#define MAX_SIZES 8

/* The shapes: the realistic catalog files, and uniform:N. */
enum { SHAPE_FILE, SHAPE_UNIFORM, N_SHAPES };

static const char * const shape_titles[N_SHAPES] = {
  "catalog files (gen-catalog)", "uniform-random, built through the API",
};

static double ratios[N_SHAPES][G_N_ELEMENTS (measures)][MAX_SIZES];
static gboolean measured[N_SHAPES][G_N_ELEMENTS (measures)];
static guint sizes[N_SHAPES][MAX_SIZES];
static guint n_sizes[N_SHAPES];
static guint shape;   /* of the file being measured */

static double
measure_target (const Measure *measure,
                guint          in_shape)
{
  return in_shape == SHAPE_UNIFORM ? measure->uniform_target : measure->target;
}

static void
record (guint        size_index,
        const char  *key,
        double       libiis,
        double       baseline,
        const char  *unit)
{
  double ratio = baseline > 0 ? libiis / baseline : 0;
  const char *prefix = shape == SHAPE_UNIFORM ? "uniform-" : "";
  const char *title_prefix = shape == SHAPE_UNIFORM ? "uniform: " : "";

  for (guint m = 0; m < G_N_ELEMENTS (measures); m++)
    if (strcmp (measures[m].key, key) == 0)
      {
        ratios[shape][m][size_index] = ratio;
        measured[shape][m] = TRUE;
        if (results != NULL)
          fprintf (results,
                   "{\"size\": %u, \"measure\": \"%s%s\", \"title\": \"%s%s\", \"libiis\": %.6g, "
                   "\"baseline\": %.6g, \"unit\": \"%s\", \"ratio\": %.6g, \"target\": %.6g}\n",
                   sizes[shape][size_index], prefix, key, title_prefix, measures[m].title, libiis,
                   baseline, unit, ratio, measure_target (&measures[m], shape));
      }
  if (results != NULL)
    fflush (results);
}

static void
print_row (const char *what,
           double      libiis,
           double      baseline,
           const char *unit)
{
  g_print ("  %-40s %12.4g %12.4g  %-6s %8.3f\n", what, libiis, baseline, unit,
           baseline > 0 ? libiis / baseline : 0);
}

static void
print_table (void)
{
  for (guint sh = 0; sh < N_SHAPES; sh++)
    {
      gboolean any = FALSE;

      for (guint m = 0; m < G_N_ELEMENTS (measures); m++)
        any |= measured[sh][m];
      if (n_sizes[sh] == 0 || !any)
        continue;
      g_print ("\nRatios (libiis / baseline; lower is better): %s\n\n", shape_titles[sh]);
      g_print ("| %-42s |", "measure");
      for (guint s = 0; s < n_sizes[sh]; s++)
        g_print (" %9u |", sizes[sh][s]);
      g_print (" target | at %u |\n", sizes[sh][n_sizes[sh] - 1]);
      g_print ("| %.42s |", "------------------------------------------");
      for (guint s = 0; s < n_sizes[sh]; s++)
        g_print (" --------: |");
      g_print (" -----: | ------ |\n");
      for (guint m = 0; m < G_N_ELEMENTS (measures); m++)
        {
          double last = ratios[sh][m][n_sizes[sh] - 1];
          double target = measure_target (&measures[m], sh);

          if (!measured[sh][m])
            continue;
          g_print ("| %-42s |", measures[m].title);
          for (guint s = 0; s < n_sizes[sh]; s++)
            g_print (" %9.3f |", ratios[sh][m][s]);
          if (target > 0)
            g_print ("<= %4.2f | %-6s |\n", target, last <= target ? "met" : "MISSED");
          else
            g_print (" %6s | %-6s |\n", "-", "info");
        }
    }
}

/* ------------------------------------------------------------------ */
/* One size                                                           */

typedef struct
{
  double lib_s, json_s;
  double lib_peak_mb, json_peak_mb;
  guint  n_relations;
} LoadFigures;

static void
bench_load (const char  *path,
            LoadFigures *out)
{
  g_autofree gint64 *lib = g_new (gint64, runs);
  g_autofree gint64 *json = g_new (gint64, runs);
  g_autofree gint64 *lib_free = g_new (gint64, runs);
  BenchPeak lib_peak, json_peak;
  double lib_s, json_s;

  lib_peak = bench_measure_peak (phase_load, (gpointer) path);
  json_peak = bench_measure_peak (phase_parse, (gpointer) path);

  /* Warm-up */
  {
    IisCatalog *catalog = load_catalog (path);

    out->n_relations = iis_catalog_get_n_relations (catalog);
    g_object_unref (catalog);
  }
  g_object_unref (parse_json (path));

  for (guint r = 0; r < runs; r++)
    {
      gint64 t0 = bench_now_ns ();
      IisCatalog *catalog = load_catalog (path);
      JsonParser *parser;

      lib[r] = bench_now_ns () - t0;
      t0 = bench_now_ns ();
      g_object_unref (catalog);
      lib_free[r] = bench_now_ns () - t0;

      t0 = bench_now_ns ();
      parser = parse_json (path);
      g_object_unref (parser);
      json[r] = bench_now_ns () - t0;
    }

  lib_s = bench_median_ns (lib, runs) / 1e9;
  json_s = bench_median_ns (json, runs) / 1e9;
  print_row ("load, s (libiis | json-glib parse+free)", lib_s, json_s, "s");
  g_print ("  %-40s %12.4g\n", "  (catalog free, s, not counted)", bench_median_ns (lib_free, runs) / 1e9);
  print_row ("peak RSS during load, MB", lib_peak.peak_kb / 1024.0, json_peak.peak_kb / 1024.0, "MB");
  g_print ("  %-40s %12.4g %12.4g\n", "  (RSS held at the end, MB)",
           lib_peak.held_kb / 1024.0, json_peak.held_kb / 1024.0);
  out->lib_s = lib_s;
  out->json_s = json_s;
  out->lib_peak_mb = lib_peak.peak_kb / 1024.0;
  out->json_peak_mb = json_peak.peak_kb / 1024.0;
}

static void
bench_save (guint       size_index,
            IisCatalog *catalog,
            JsonParser *parser,
            gboolean    compact)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree gint64 *lib = g_new (gint64, runs);
  g_autofree gint64 *json = g_new (gint64, runs);
  gsize lib_len = 0, json_len = 0;
  double lib_s, json_s;

  json_generator_set_pretty (generator, !compact);
  json_generator_set_indent (generator, compact ? 0 : 2);
  json_generator_set_root (generator, json_parser_get_root (parser));

  for (guint r = 0; r <= runs; r++)
    {
      g_autoptr(GError) error = NULL;
      gint64 t0 = bench_now_ns ();
      char *data = iis_catalog_to_data_full (catalog,
                                             compact ? IIS_SAVE_FLAGS_COMPACT : IIS_SAVE_FLAGS_NONE,
                                             &lib_len, &error);
      gint64 t1;

      if (data == NULL)
        {
          g_printerr ("iis-bench: save: %s\n", error->message);
          exit (1);
        }
      g_free (data);
      t1 = bench_now_ns ();
      data = json_generator_to_data (generator, &json_len);
      g_free (data);
      /* Run 0 is the warm-up. */
      if (r > 0)
        {
          lib[r - 1] = t1 - t0;
          json[r - 1] = bench_now_ns () - t1;
        }
    }
  lib_s = bench_median_ns (lib, runs) / 1e9;
  json_s = bench_median_ns (json, runs) / 1e9;
  print_row (compact ? "save compact, s (libiis | json_generator)"
                     : "save, s (libiis | json_generator)", lib_s, json_s, "s");
  g_print ("  %-40s %12.4g %12.4g\n", "  (output, MB)", lib_len / 1048576.0, json_len / 1048576.0);
  record (size_index, compact ? "save-compact" : "save", lib_s, json_s, "s");
}

/* --profile save or save-compact: each side written @runs times, in
 * functions of their own for callgrind's --toggle-collect. */
G_GNUC_NO_INLINE static void
profile_save_lib (IisCatalog *catalog,
                  gboolean    compact)
{
  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *data = iis_catalog_to_data_full (catalog,
                                                        compact ? IIS_SAVE_FLAGS_COMPACT
                                                                : IIS_SAVE_FLAGS_NONE,
                                                        NULL, &error);

      if (data == NULL)
        g_error ("save: %s", error->message);
      sink += (guintptr) data[0];
    }
}

G_GNUC_NO_INLINE static void
profile_save_json (JsonParser *parser,
                   gboolean    compact)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_pretty (generator, !compact);
  json_generator_set_indent (generator, compact ? 0 : 2);
  json_generator_set_root (generator, json_parser_get_root (parser));
  for (guint r = 0; r < runs; r++)
    {
      g_autofree char *data = json_generator_to_data (generator, NULL);

      sink += (guintptr) data[0];
    }
}

static void
profile_save (IisCatalog *catalog,
              const char *path,
              gboolean    compact)
{
  g_autoptr(JsonParser) parser = parse_json (path);
  gint64 t0 = bench_now_ns (), t1;

  profile_save_lib (catalog, compact);
  t1 = bench_now_ns ();
  profile_save_json (parser, compact);
  g_print ("  profiled save%s × %u: libiis %.3f s, json_generator %.3f s\n",
           compact ? " compact" : "", runs, (t1 - t0) / 1e9, (bench_now_ns () - t1) / 1e9);
}

static const char *question_keys[BENCH_N_QUESTIONS] = {
  "point", "agreements-of", "members-at", "two-hop", "parts", "party-statuses",
  "between",
};

/* Ask every probe both ways and compare; a difference ends the run. */
static void
check_or_exit (BenchLib      *lib,
               BenchSql      *sql,
               BenchProbes   *probes,
               BenchQuestion  q,
               guint64       *rows)
{
  g_autoptr(GError) error = NULL;

  if (!bench_check (lib, sql, probes, q, rows, &error))
    {
      g_printerr ("iis-bench: %u relations%s: %s\n", sql->n_relations,
                  lib->get_items ? ", answers read with get_items()" : "", error->message);
      exit (1);
    }
}

/* Nanoseconds libiis takes to answer the @n probes of @q once. */
static gint64
time_lib (BenchLib      *lib,
          BenchProbes   *probes,
          BenchQuestion  q,
          guint          n)
{
  gint64 t0 = bench_now_ns ();

  for (guint i = 0; i < n; i++)
    bench_ask_lib (lib, probes, q, i, NULL);
  return bench_now_ns () - t0;
}

/* The relations between two entities read without relation objects,
 * against the SQLite figure @sql_us of the same probes: through the
 * iterator (checked as the objects are), and counted (checked against
 * SQLite's number of rows). */
static void
bench_between_light (guint        size_index,
                     BenchLib    *lib,
                     BenchSql    *sql,
                     BenchProbes *probes,
                     double       sql_us)
{
  static const struct
  {
    BenchBetween  mode;
    const char   *key;
    const char   *title;
  } modes[] = {
    { BENCH_BETWEEN_ITER, "between-iter", "  read with IisRelationIter, us/question" },
    { BENCH_BETWEEN_COUNT, "between-count", "  counted, us/question" },
  };
  GArray *list = bench_question_probes (probes, BENCH_QUESTION_BETWEEN);
  g_autofree gint64 *lib_ns = g_new (gint64, runs);

  for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
    {
      double lib_us;

      lib->between = modes[m].mode;
      if (modes[m].mode == BENCH_BETWEEN_COUNT)
        {
          for (guint i = 0; i < list->len; i++)
            {
              guint counted = bench_ask_lib (lib, probes, BENCH_QUESTION_BETWEEN, i, NULL);
              guint rows = bench_ask_sql (sql, probes, BENCH_QUESTION_BETWEEN, i, NULL);

              if (counted != rows)
                {
                  g_printerr ("iis-bench: %u relations: probe %u of the relations between two "
                              "entities: count_relations() says %u, SQLite has %u rows\n",
                              sql->n_relations, i, counted, rows);
                  exit (1);
                }
            }
        }
      else
        check_or_exit (lib, sql, probes, BENCH_QUESTION_BETWEEN, NULL);

      for (guint r = 0; r < runs; r++)
        lib_ns[r] = time_lib (lib, probes, BENCH_QUESTION_BETWEEN, list->len);
      lib->between = BENCH_BETWEEN_OBJECTS;
      lib_us = bench_median_ns (lib_ns, runs) / list->len / 1e3;
      print_row (modes[m].title, lib_us, sql_us, "us");
      record (size_index, modes[m].key, lib_us, sql_us, "us");
    }
}

static void
bench_questions (guint     size_index,
                 BenchLib *lib,
                 BenchSql *sql)
{
  g_autoptr(GError) error = NULL;
  BenchProbes *probes = bench_probes_new (sql, seed, FALSE);

  if (profile_question != NULL)
    {
      const char *profiled = profile_question;

      /* The relations between two entities, read without objects. */
      if (strcmp (profiled, "between-iter") == 0 || strcmp (profiled, "between-count") == 0)
        {
          lib->between = strcmp (profiled, "between-iter") == 0 ? BENCH_BETWEEN_ITER
                                                                 : BENCH_BETWEEN_COUNT;
          profiled = "between";
        }
      for (BenchQuestion q = 0; q < BENCH_N_QUESTIONS; q++)
        if (strcmp (profiled, question_keys[q]) == 0)
          {
            GArray *list = bench_question_probes (probes, q);
            gint64 t0 = bench_now_ns ();
            guint64 rows = 0;

            for (guint r = 0; r < 20 * runs; r++)
              for (guint i = 0; i < list->len; i++)
                rows += bench_ask_lib (lib, probes, q, i, NULL);
            g_print ("  profiled %s: %u questions × %u, %" G_GUINT64_FORMAT " rows, %.3f s\n",
                     question_keys[q], list->len, 20 * runs, rows, (bench_now_ns () - t0) / 1e9);
            bench_probes_free (probes);
            return;
          }
      g_printerr ("iis-bench: unknown question “%s”\n", profile_question);
      exit (2);
    }

  for (BenchQuestion q = 0; q < BENCH_N_QUESTIONS; q++)
    {
      GArray *list = bench_question_probes (probes, q);
      g_autofree gint64 *lib_ns = g_new (gint64, runs);
      g_autofree gint64 *sql_ns = g_new (gint64, runs);
      g_autofree char *what = NULL;
      guint64 rows = 0;
      double lib_us, sql_us, divisor;

      /* The uniform shape has no threat categories and no parts. */
      if (list->len == 0 && shape == SHAPE_UNIFORM)
        {
          g_print ("  %-40s %12s\n", bench_question_name (q), "(no probe)");
          continue;
        }
      if (list->len == 0)
        {
          g_printerr ("iis-bench: no probe for the question “%s”: the data has none\n",
                      bench_question_name (q));
          exit (1);
        }
      /* Checking is the warm-up. */
      check_or_exit (lib, sql, probes, q, &rows);

      for (guint r = 0; r < runs; r++)
        {
          gint64 t0;

          lib_ns[r] = time_lib (lib, probes, q, list->len);
          t0 = bench_now_ns ();
          for (guint i = 0; i < list->len; i++)
            bench_ask_sql (sql, probes, q, i, NULL);
          sql_ns[r] = bench_now_ns () - t0;
        }

      /* Per question, or per row for the agreements of a state. */
      divisor = q == BENCH_QUESTION_AGREEMENTS_OF ? MAX (rows, 1) : list->len;
      lib_us = bench_median_ns (lib_ns, runs) / divisor / 1e3;
      sql_us = bench_median_ns (sql_ns, runs) / divisor / 1e3;
      what = g_strdup_printf ("%s, us/%s", bench_question_name (q),
                              q == BENCH_QUESTION_AGREEMENTS_OF ? "row" : "question");
      print_row (what, lib_us, sql_us, "us");
      g_print ("  %-40s %12u %12.4g\n", "  (questions; rows per question)",
               list->len, (double) rows / list->len);
      record (size_index, question_keys[q], lib_us, sql_us, "us");

      /* For information: the same answers read as a C program that
       * knows they are IisAnswers would, against the same SQLite runs. */
      if (q == BENCH_QUESTION_AGREEMENTS_OF)
        {
          lib->get_items = TRUE;
          check_or_exit (lib, sql, probes, q, NULL);
          for (guint r = 0; r < runs; r++)
            lib_ns[r] = time_lib (lib, probes, q, list->len);
          lib->get_items = FALSE;
          lib_us = bench_median_ns (lib_ns, runs) / divisor / 1e3;
          print_row ("  read with iis_answer_get_items(), us/row", lib_us, sql_us, "us");
          record (size_index, "agreements-of-items", lib_us, sql_us, "us");
        }
      if (q == BENCH_QUESTION_BETWEEN)
        bench_between_light (size_index, lib, sql, probes, sql_us);
    }
  bench_probes_free (probes);
}

/* @built: the catalog @path was written from (the uniform shape), or
 * NULL to load @path. */
static void
bench_file (guint       size_index,
            const char *path,
            IisCatalog *built)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IisCatalog) catalog = NULL;
  IisCatalogStats stats;
  LoadFigures load = { 0, };
  BenchSql *sql;
  BenchLib *lib;
  GStatBuf st;
  Held held = { 0, 0 }, held_malloc = { 0, 0 };
  double lib_bytes, sql_bytes;

  if (g_stat (path, &st) != 0)
    {
      g_printerr ("iis-bench: %s: %s\n", path, g_strerror (errno));
      exit (1);
    }

  g_print ("\n== %s%s (%.1f MB) ==\n", built != NULL ? "uniform-random, built through the API, saved as " : "",
           path, st.st_size / 1048576.0);
  g_print ("  %-40s %12s %12s  %-6s %8s\n", "", "libiis", "baseline", "unit", "ratio");

  if (!questions_only)
    bench_load (path, &load);

  if (load_only)
    {
      sizes[shape][size_index] = load.n_relations;
      record (size_index, "load", load.lib_s, load.json_s, "s");
      record (size_index, "peak-rss", load.lib_peak_mb, load.json_peak_mb, "MB");
      return;
    }

  /* Steady memory: each in a fresh process, as a program that loads
   * one catalog; once with GLib's slice allocator as it is, once with
   * G_SLICE=always-malloc, which is what GLib 2.76 and later always do. */
  if (!questions_only)
    {
      held = measure_held (path, FALSE);
      held_malloc = measure_held (path, TRUE);
    }

  catalog = built != NULL ? g_object_ref (built) : load_catalog (path);
  _iis_catalog_get_stats (catalog, &stats);
  sizes[shape][size_index] = stats.n_relations;
  if (!questions_only)
    {
      record (size_index, "load", load.lib_s, load.json_s, "s");
      record (size_index, "peak-rss", load.lib_peak_mb, load.json_peak_mb, "MB");
    }

  sql = bench_sql_new (path, &error);
  if (sql == NULL)
    {
      g_printerr ("iis-bench: SQLite: %s\n", error->message);
      exit (1);
    }
  if (sql->n_relations != stats.n_relations)
    {
      g_printerr ("iis-bench: %s: the catalog holds %" G_GSIZE_FORMAT " relations, "
                  "the file %u\n", path, stats.n_relations, sql->n_relations);
      exit (1);
    }

  lib_bytes = held.heap_per_relation;
  sql_bytes = (double) sql->bytes_total / sql->n_relations;
  print_row ("held, bytes per relation (heap | SQLite)", lib_bytes, sql_bytes, "B");
  print_row ("  the same, G_SLICE=always-malloc", held_malloc.heap_per_relation, sql_bytes, "B");
  g_print ("  %-40s %12.4g %12.4g\n", "  (RSS growth per relation; always-malloc)",
           held.rss_per_relation, held_malloc.rss_per_relation);
  g_print ("  %-40s %12.4g %12.4g\n", "  (relations only: store | rel table+idx)",
           (double) (stats.record_bytes + stats.index_bytes + stats.extra_bytes + stats.string_bytes) /
             stats.n_relations,
           (double) (sql->bytes_total - sql->bytes_entities) / sql->n_relations);
  g_print ("  %-40s %12.4g %12.4g %12.4g %12.4g\n", "  (store: records, index, extra, strings)",
           (double) stats.record_bytes / stats.n_relations,
           (double) stats.index_bytes / stats.n_relations,
           (double) stats.extra_bytes / stats.n_relations,
           (double) stats.string_bytes / stats.n_relations);
  g_print ("  %-40s %12" G_GSIZE_FORMAT " %12.4g\n", "  (entities; SQLite fill+index, s)",
           stats.n_entities, sql->build_ns / 1e9);
  if (!questions_only)
    {
      record (size_index, "bytes-per-relation", lib_bytes, sql_bytes, "B");
      record (size_index, "bytes-per-relation-malloc", held_malloc.heap_per_relation, sql_bytes,
              "B");
    }

  if (g_strcmp0 (profile_question, "save") == 0 || g_strcmp0 (profile_question, "save-compact") == 0)
    {
      profile_save (catalog, path, strcmp (profile_question, "save-compact") == 0);
      bench_sql_free (sql);
      return;
    }

  if (!questions_only)
    {
      g_autoptr(JsonParser) parser = parse_json (path);

      bench_save (size_index, catalog, parser, FALSE);
      bench_save (size_index, catalog, parser, TRUE);
    }

  lib = bench_lib_new (catalog, sql, &error);
  if (lib == NULL)
    {
      g_printerr ("iis-bench: %s: %s\n", path, error->message);
      exit (1);
    }
  bench_questions (size_index, lib, sql);

  bench_lib_free (lib);
  bench_sql_free (sql);
}

/* ------------------------------------------------------------------ */
/* The C half of bench-python.py                                      */

static guint
iterate_once (IisCatalog *catalog,
              GListModel *states,
              guint       n)
{
  guint n_states = g_list_model_get_n_items (states);
  guint count = 0, empty_run = 0;

  for (guint i = 0; count < n; i++)
    {
      g_autoptr(IisEntity) state = g_list_model_get_item (states, i % n_states);
      g_autoptr(GListModel) agreements = iis_catalog_get_agreements_of (catalog, state, NULL);
      guint len = g_list_model_get_n_items (agreements);

      for (guint j = 0; j < len && count < n; j++, count++)
        {
          IisEntity *agreement = g_list_model_get_item (agreements, j);

          sink += (guintptr) iis_entity_get_id (agreement);
          g_object_unref (agreement);
        }
      empty_run = len == 0 ? empty_run + 1 : 0;
      if (empty_run > n_states)
        return count;
    }
  return count;
}

static int
iterate (const char *path,
         guint       n)
{
  g_autoptr(IisCatalog) catalog = load_catalog (path);
  g_autoptr(GListModel) states = iis_catalog_list_entities (catalog, IIS_TYPE_STATE);
  g_autofree gint64 *ns = g_new (gint64, runs);

  if (g_list_model_get_n_items (states) == 0 || iterate_once (catalog, states, n) < n)
    {
      g_printerr ("iis-bench: %s: the states are party to no agreement\n", path);
      return 1;
    }
  for (guint r = 0; r < runs; r++)
    {
      gint64 t0 = bench_now_ns ();

      iterate_once (catalog, states, n);
      ns[r] = bench_now_ns () - t0;
    }
  g_print ("{\"n\": %u, \"seconds\": %.6g}\n", n, bench_median_ns (ns, runs) / 1e9);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *results_path = NULL;
  int iterate_n = 0;
  g_autofree char *held_path = NULL;
  int n_runs = 5;
  int seed_option = 0;
  GOptionEntry entries[] = {
    { "runs", 'r', 0, G_OPTION_ARG_INT, &n_runs, "Timed runs per figure (at least 5)", "N" },
    { "seed", 's', 0, G_OPTION_ARG_INT, &seed_option, "Seed of the question sample and of uniform:N", "S" },
    { "results", 'o', 0, G_OPTION_ARG_FILENAME, &results_path, "Append results as JSON lines", "FILE" },
    { "iterate", 0, 0, G_OPTION_ARG_INT, &iterate_n, "Time iterating N results (for bench-python.py)", "N" },
    { "held", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &held_path, "(internal)", "FILE" },
    { "questions-only", 0, 0, G_OPTION_ARG_NONE, &questions_only, "Only the questions", NULL },
    { "load-only", 0, 0, G_OPTION_ARG_NONE, &load_only, "Only the load", NULL },
    { "profile", 0, 0, G_OPTION_ARG_STRING, &profile_question,
      "Only ask libiis one question (point, agreements-of, members-at, two-hop, parts, "
      "party-statuses, between, between-iter, between-count) many times, for a profiler; or write the catalog (save, "
      "save-compact) both ways", "QUESTION" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("CATALOG.json… — libiis against json-glib and SQLite");
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("iis-bench: %s\n", error->message);
      return 2;
    }
  self_path = strchr (argv[0], '/') ? g_canonicalize_filename (argv[0], NULL)
                                    : g_find_program_in_path (argv[0]);
  if (held_path != NULL)
    return held_child (held_path);
  if (argc < 2 || argc - 1 > MAX_SIZES || n_runs < 5)
    {
      g_printerr ("iis-bench: give 1 to %d catalog files and at least 5 runs\n", MAX_SIZES);
      return 2;
    }
  runs = n_runs;
  if (profile_question != NULL)
    questions_only = TRUE;
  if (load_only && questions_only)
    {
      g_printerr ("iis-bench: --load-only goes with neither --questions-only nor --profile\n");
      return 2;
    }
  if (seed_option != 0)
    seed = seed_option;

  if (iterate_n > 0)
    return iterate (argv[1], iterate_n);

  if (results_path != NULL)
    {
      results = fopen (results_path, "a");
      if (results == NULL)
        {
          g_printerr ("iis-bench: %s: %s\n", results_path, g_strerror (errno));
          return 2;
        }
    }

  g_print ("iis-bench: median of %u runs after a warm-up; %u cores\n", runs, g_get_num_processors ());
  for (int i = 1; i < argc; i++)
    {
      if (g_str_has_prefix (argv[i], "uniform:"))
        {
          guint64 n = 0;
          g_autoptr(IisCatalog) built = NULL;
          g_autofree char *data = NULL;
          g_autofree char *tmp = NULL;
          gsize length;
          gint64 t0 = bench_now_ns ();
          int fd;

          if (!g_ascii_string_to_unsigned (argv[i] + strlen ("uniform:"), 10, 1, G_MAXUINT32 / 4,
                                           &n, &error))
            {
              g_printerr ("iis-bench: %s: %s\n", argv[i], error->message);
              return 2;
            }
          shape = SHAPE_UNIFORM;
          built = bench_uniform_catalog_new (n, seed, &error);
          if (built == NULL || (data = iis_catalog_to_data (built, &length, &error)) == NULL)
            {
              g_printerr ("iis-bench: %s: %s\n", argv[i], error->message);
              return 1;
            }
          g_print ("\niis-bench: %s built through the API in %.2f s\n", argv[i],
                   (bench_now_ns () - t0) / 1e9);
          fd = g_file_open_tmp ("iis-bench-uniform-XXXXXX.json", &tmp, &error);
          if (fd < 0 || !g_file_set_contents (tmp, data, length, &error))
            {
              g_printerr ("iis-bench: %s: %s\n", argv[i], error->message);
              return 1;
            }
          close (fd);
          g_clear_pointer (&data, g_free);
          bench_file (n_sizes[shape]++, tmp, built);
          g_unlink (tmp);
        }
      else
        {
          shape = SHAPE_FILE;
          bench_file (n_sizes[shape]++, argv[i], NULL);
        }
    }
  if (results != NULL)
    fclose (results);
  else
    print_table ();
  return 0;
}
