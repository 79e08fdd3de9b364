/* bench-snapshot.c: opening a snapshot against loading the JSON (issue 17)
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * Usage:
 *   bench-snapshot [--runs N] [--seed S] [--iis PATH] [--check-only] CATALOG.json|uniform:N…
 *
 * For each catalog (a file, or "uniform:N": the uniform-random shape of
 * bench_uniform_catalog_new () written to a temporary file), in this one
 * process:
 *
 * - check: the catalog loaded from its JSON and the catalog opened from
 *   its snapshot give the same answer to every probe of every question
 *   of the benchmark (bench-common.c), and the snapshot's answers equal
 *   SQLite's; a difference exits with status 1 before anything is timed;
 * - open: iis_catalog_load_snapshot () into a new catalog against
 *   iis_catalog_load_from_file () of the JSON, the median of N runs
 *   each, alternately; and the peak RSS of each, in a fresh process
 *   (this program with --peak);
 * - command: with --iis, the `iis` tool answering `members ORG --at DATE`
 *   on the catalog, end to end (process start included), with its cache
 *   warm against IIS_NO_CACHE=1 (the JSON parsed each time); the cache
 *   lives in a temporary XDG_CACHE_HOME. Twice: the file alone
 *   (--no-default: the snapshot is lent to an empty catalog) and over
 *   the bundled catalog (the snapshot's relations are staged).
 *
 * The targets (issue 17): opening ≥ 20 × faster than loading the JSON,
 * peak memory ≤ 0.5 ×, the command ≤ 0.05 × the time on JSON.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "bench-common.h"

static guint runs = 5;
static guint32 seed = 20260607;
static char *iis_tool;
static gboolean check_only;
static gboolean keep;
static char *peak_phase;
static char *self_path;

static void
fail (const char *what,
      GError     *error)
{
  g_printerr ("bench-snapshot: %s: %s\n", what, error != NULL ? error->message : "failed");
  exit (1);
}

static IisCatalog *
load_json (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();
  g_autoptr(GError) error = NULL;

  if (!iis_catalog_load_from_file (catalog, file, NULL, &error))
    fail (path, error);
  return g_steal_pointer (&catalog);
}

static IisCatalog *
open_snapshot (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();
  g_autoptr(GError) error = NULL;

  if (!iis_catalog_load_snapshot (catalog, file, IIS_LOAD_FLAGS_NONE, NULL, &error))
    fail (path, error);
  return g_steal_pointer (&catalog);
}

/* Every probe of every question: the same answer from both catalogs,
 * and SQLite's. */
static void
check_answers (const char *json_path,
               const char *snapshot_path,
               guint64    *n_answers)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IisCatalog) from_json = load_json (json_path);
  g_autoptr(IisCatalog) from_snapshot = open_snapshot (snapshot_path);
  BenchSql *sql = bench_sql_new (json_path, &error);
  BenchLib *lib_json, *lib_snapshot;
  BenchProbes *probes;

  if (sql == NULL)
    fail (json_path, error);
  lib_json = bench_lib_new (from_json, sql, &error);
  if (lib_json == NULL)
    fail (json_path, error);
  lib_snapshot = bench_lib_new (from_snapshot, sql, &error);
  if (lib_snapshot == NULL)
    fail (snapshot_path, error);
  probes = bench_probes_new (sql, seed, FALSE);

  *n_answers = 0;
  for (BenchQuestion q = 0; q < BENCH_N_QUESTIONS; q++)
    {
      GArray *list = bench_question_probes (probes, q);
      g_autoptr(GArray) a = g_array_new (FALSE, FALSE, sizeof (guint32));
      g_autoptr(GArray) b = g_array_new (FALSE, FALSE, sizeof (guint32));
      guint64 rows;

      for (guint i = 0; list != NULL && i < list->len; i++)
        {
          g_array_set_size (a, 0);
          g_array_set_size (b, 0);
          bench_ask_lib (lib_json, probes, q, i, a);
          bench_ask_lib (lib_snapshot, probes, q, i, b);
          if (a->len != b->len || memcmp (a->data, b->data, a->len * sizeof (guint32)) != 0)
            {
              g_printerr ("bench-snapshot: %s: %s, probe %u: the snapshot answers otherwise\n",
                          json_path, bench_question_name (q), i);
              exit (1);
            }
          (*n_answers)++;
        }
      if (!bench_check (lib_snapshot, sql, probes, q, &rows, &error))
        fail (bench_question_name (q), error);
    }

  bench_probes_free (probes);
  bench_lib_free (lib_snapshot);
  bench_lib_free (lib_json);
  bench_sql_free (sql);
}

static void
phase_load_json (gpointer data)
{
  g_object_unref (load_json (data));
}

static void
phase_open_snapshot (gpointer data)
{
  IisCatalog *catalog = open_snapshot (data);
  g_autoptr(GListModel) entities = iis_catalog_list_entities (catalog, IIS_TYPE_ENTITY);

  /* Keep it honest: a question after the open. */
  g_assert (g_list_model_get_n_items (entities) > 0);
  g_object_unref (catalog);
}

/* The peak RSS of a phase in a fresh process (this program again, with
 * --peak): a forked child would find the heap the checks left behind
 * and not grow. In kB, above the RSS the process started the phase
 * with. */
static gint64
measure_peak_fresh (const char *phase,
                    const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *argv[] = { self_path, "--peak", phase, path, NULL };
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                     &out, NULL, &status, &error)
      || !g_spawn_check_wait_status (status, &error))
    fail ("--peak", error);
  return g_ascii_strtoll (out, NULL, 10);
}

static gint64
time_phase (BenchPhaseFunc func,
            gpointer       data)
{
  gint64 start = bench_now_ns ();

  func (data);
  return bench_now_ns () - start;
}

/* The `iis` tool, end to end. */
static gint64
time_command (const char * const *argv,
              char              **envp)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  gint64 start = bench_now_ns ();
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL,
                     &out, &err, &status, &error)
      || !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("%s", err != NULL ? err : "");
      fail (argv[0], error);
    }
  return bench_now_ns () - start;
}

static void
bench_command (const char *json_path,
               const char *label,
               gboolean    bundled)
{
  g_autoptr(IisCatalog) catalog = load_json (json_path);
  g_autoptr(GListModel) organizations = iis_catalog_list_entities (catalog, IIS_TYPE_ORGANIZATION);
  g_autoptr(IisEntity) organization = NULL;
  g_autofree char *cache_home = g_dir_make_tmp ("bench-snapshot-XXXXXX", NULL);
  g_autofree gint64 *warm = g_new (gint64, runs);
  g_autofree gint64 *cold = g_new (gint64, runs);
  g_auto(GStrv) env_warm = g_environ_setenv (g_get_environ (), "XDG_CACHE_HOME", cache_home, TRUE);
  g_auto(GStrv) env_cold = g_environ_setenv (g_strdupv (env_warm), "IIS_NO_CACHE", "1", TRUE);
  const char *argv[] = {
    iis_tool, "--catalog", json_path, "members", NULL, "--at", "2015-01-01", "--no-default", NULL
  };
  double ratio;

  if (g_list_model_get_n_items (organizations) == 0)
    return;
  organization = g_list_model_get_item (organizations, 0);
  argv[4] = iis_entity_get_id (organization);
  if (bundled)
    argv[7] = NULL;   /* over the bundled catalog: the snapshot is staged, not lent */

  time_command (argv, env_warm);   /* fills the cache */
  for (guint r = 0; r < runs; r++)
    {
      warm[r] = time_command (argv, env_warm);
      cold[r] = time_command (argv, env_cold);
    }
  ratio = bench_median_ns (warm, runs) / bench_median_ns (cold, runs);
  g_print ("%-28s %-34s %10.1f ms %10.1f ms %8.3f  (target <= 0.05: %s)\n", label,
           bundled ? "iis members, bundled+file: cache/JSON" : "iis members, file alone: cache/JSON",
           bench_median_ns (warm, runs) / 1e6,
           bench_median_ns (cold, runs) / 1e6, ratio, ratio <= 0.05 ? "met" : "missed");

  {
    g_autofree char *snapshots = g_build_filename (cache_home, "libiis", "snapshots", NULL);
    g_autoptr(GDir) dir = g_dir_open (snapshots, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (snapshots, name, NULL);

        g_unlink (path);
      }
    g_rmdir (snapshots);
    g_free (g_steal_pointer (&snapshots));
    snapshots = g_build_filename (cache_home, "libiis", NULL);
    g_rmdir (snapshots);
    g_rmdir (cache_home);
  }
}

static void
bench_one (const char *arg)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp_json = NULL;
  g_autofree char *snapshot_path = NULL;
  g_autofree gint64 *json_ns = g_new (gint64, runs);
  g_autofree gint64 *snapshot_ns = g_new (gint64, runs);
  const char *json_path = arg;
  guint64 n_answers;
  gint64 json_peak = 0, snapshot_peak = 0;
  goffset json_size, snapshot_size;
  double ratio;

  if (g_str_has_prefix (arg, "uniform:"))
    {
      guint n = g_ascii_strtoull (arg + strlen ("uniform:"), NULL, 10);
      g_autoptr(IisCatalog) uniform = bench_uniform_catalog_new (n, seed, &error);
      g_autoptr(GFile) file = NULL;
      int fd;

      if (uniform == NULL)
        fail (arg, error);
      fd = g_file_open_tmp ("bench-snapshot-XXXXXX.json", &tmp_json, &error);
      if (fd < 0)
        fail (arg, error);
      close (fd);
      file = g_file_new_for_path (tmp_json);
      if (!iis_catalog_save_to_file_full (uniform, file, IIS_SAVE_FLAGS_COMPACT, NULL, &error))
        fail (tmp_json, error);
      json_path = tmp_json;
    }

  snapshot_path = g_strconcat (json_path, ".snapshot", NULL);
  {
    g_autoptr(IisCatalog) catalog = load_json (json_path);
    g_autoptr(GFile) file = g_file_new_for_path (snapshot_path);
    gint64 start = bench_now_ns ();

    if (!iis_catalog_save_snapshot (catalog, file, NULL, &error))
      fail (snapshot_path, error);
    g_print ("%-28s %u relations; snapshot written in %.1f ms\n", arg,
             iis_catalog_get_n_relations (catalog), (bench_now_ns () - start) / 1e6);
  }

  check_answers (json_path, snapshot_path, &n_answers);
  g_print ("%-28s checked: %" G_GUINT64_FORMAT " answers equal from the JSON and the snapshot, "
           "and SQLite's\n", arg, n_answers);

  if (!check_only)
    {
      GStatBuf st;

      time_phase (phase_load_json, (gpointer) json_path);
      time_phase (phase_open_snapshot, snapshot_path);
      for (guint r = 0; r < runs; r++)
        {
          json_ns[r] = time_phase (phase_load_json, (gpointer) json_path);
          snapshot_ns[r] = time_phase (phase_open_snapshot, snapshot_path);
        }
      json_peak = measure_peak_fresh ("json", json_path);
      snapshot_peak = measure_peak_fresh ("snapshot", snapshot_path);
      json_size = g_stat (json_path, &st) == 0 ? st.st_size : -1;
      snapshot_size = g_stat (snapshot_path, &st) == 0 ? st.st_size : -1;

      g_print ("%-28s %-34s %13s %13s %8s\n", "", "", "snapshot", "JSON", "ratio");
      ratio = bench_median_ns (json_ns, runs) / bench_median_ns (snapshot_ns, runs);
      g_print ("%-28s %-34s %10.1f ms %10.1f ms %8.1fx (target >= 20x: %s)\n", arg, "open",
               bench_median_ns (snapshot_ns, runs) / 1e6, bench_median_ns (json_ns, runs) / 1e6,
               ratio, ratio >= 20 ? "met" : "missed");
      ratio = (double) snapshot_peak / MAX (json_peak, 1);
      g_print ("%-28s %-34s %10.1f MB %10.1f MB %8.3f  (target <= 0.5: %s)\n", arg, "peak RSS",
               snapshot_peak / 1024.0, json_peak / 1024.0, ratio,
               ratio <= 0.5 ? "met" : "missed");
      g_print ("%-28s %-34s %10.1f MB %10.1f MB %8.3f\n", arg, "file size",
               snapshot_size / 1048576.0, json_size / 1048576.0,
               (double) snapshot_size / MAX (json_size, 1));
      if (iis_tool != NULL)
        {
          bench_command (json_path, arg, FALSE);
          bench_command (json_path, arg, TRUE);
        }
    }

  if (keep)
    {
      g_print ("%-28s kept: %s %s\n", arg, json_path, snapshot_path);
      return;
    }
  g_unlink (snapshot_path);
  if (tmp_json != NULL)
    g_unlink (tmp_json);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  int runs_arg = 5, seed_arg = (int) seed;
  GOptionEntry entries[] = {
    { "runs", 'n', 0, G_OPTION_ARG_INT, &runs_arg, "Timed runs per figure (at least 5)", "N" },
    { "seed", 's', 0, G_OPTION_ARG_INT, &seed_arg, "Seed of the probes and of uniform:N", "S" },
    { "iis", 0, 0, G_OPTION_ARG_FILENAME, &iis_tool, "Also time this iis tool end to end", "PATH" },
    { "check-only", 0, 0, G_OPTION_ARG_NONE, &check_only, "Only check the answers", NULL },
    { "keep", 0, 0, G_OPTION_ARG_NONE, &keep, "Keep the files made (for a profile)", NULL },
    { "peak", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &peak_phase,
      "Print the peak RSS (kB) of loading FILE (json or snapshot)", "PHASE" },
    { NULL }
  };

  context = g_option_context_new ("CATALOG.json|uniform:N…");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    fail ("options", error);
  if (runs_arg < 5 && !check_only)
    {
      g_printerr ("bench-snapshot: --runs must be at least 5\n");
      return 2;
    }
  runs = runs_arg;
  seed = seed_arg;
  self_path = g_file_read_link ("/proc/self/exe", NULL);
  if (peak_phase != NULL && argc == 2)
    {
      gint64 base = bench_status_kb ("VmRSS");

      if (g_str_equal (peak_phase, "json"))
        phase_load_json (argv[1]);
      else
        phase_open_snapshot (argv[1]);
      g_print ("%" G_GINT64_FORMAT "\n", bench_status_kb ("VmHWM") - base);
      return 0;
    }
  if (argc < 2)
    {
      g_printerr ("bench-snapshot: no catalog given\n");
      return 2;
    }

  for (int i = 1; i < argc; i++)
    bench_one (argv[i]);
  return 0;
}
