/* test-bench-sqlite.c: the benchmark's questions answer as SQLite does
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * The correctness half of the benchmark (tests/bench/iis-bench.c), on
 * the 10,000-relation catalog of tests/bench/gen-catalog.c: every state,
 * organization (at ten dates of all three precisions), threat category
 * and whole is asked the benchmark's questions through libiis and
 * through prepared SQLite statements over the same file read by
 * json-glib alone, and the answers must be equal. No timing is asserted.
 * The catalog file is named by IIS_BENCH_CATALOG.
 *
 * The same for the uniform-random shape (bench_uniform_catalog_new ()),
 * built through the API at 10,000 relations and mirrored from what the
 * library writes of it.
 */

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "bench-common.h"

#include "iis-catalog-debug-private.h"

static IisCatalog *catalog;
static BenchSql *sql;
static BenchLib *lib;
static BenchProbes *probes;
static const char *path;

static void
check_question (BenchQuestion question)
{
  g_autoptr(GError) error = NULL;
  GArray *list = bench_question_probes (probes, question);
  guint64 rows = 0;

  g_assert_cmpuint (list->len, >, 0);
  bench_check (lib, sql, probes, question, &rows, &error);
  g_assert_no_error (error);
  /* An answer that is always empty would agree trivially. */
  g_assert_cmpuint (rows, >, 0);
  g_test_message ("%s: %u questions, %" G_GUINT64_FORMAT " rows", bench_question_name (question),
                  list->len, rows);
  if (question == BENCH_QUESTION_POINT)
    g_assert_cmpuint (rows, <, list->len);

  /* The same answers, read all at once with iis_answer_get_items (). */
  lib->get_items = TRUE;
  bench_check (lib, sql, probes, question, NULL, &error);
  lib->get_items = FALSE;
  g_assert_no_error (error);
}

static void
test_mirror (void)
{
  g_autoptr(GListModel) problems = iis_catalog_validate (catalog);
  IisCatalogStats stats;

  _iis_catalog_get_stats (catalog, &stats);
  if (g_getenv ("IIS_BENCH_ACTIONS") != NULL)
    {
      g_autoptr(GListModel) consents =
        iis_catalog_list_relations (catalog, NULL, IIS_RELATION_KIND_CONSENTED_TO, NULL);
      g_autoptr(GListModel) denunciations =
        iis_catalog_list_relations (catalog, NULL, IIS_RELATION_KIND_DENOUNCED, NULL);

      /* The 10,000 relations, and the actions behind each party-to. */
      g_assert_cmpuint (stats.n_relations, >, 10000 + g_list_model_get_n_items (consents));
      g_assert_cmpuint (g_list_model_get_n_items (consents), >, 500);
      g_assert_cmpuint (g_list_model_get_n_items (denunciations), >, 0);
    }
  else
    g_assert_cmpuint (stats.n_relations, ==, 10000);
  g_assert_cmpuint (stats.n_relations, ==, sql->n_relations);
  g_assert_cmpuint (stats.n_entities, ==, sql->n_entities);
  /* The generator's data is consistent. */
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 0);
  g_assert_cmpint (sql->bytes_total, >, 0);
}

static void
test_point (void)
{
  check_question (BENCH_QUESTION_POINT);
}

static void
test_agreements_of (void)
{
  check_question (BENCH_QUESTION_AGREEMENTS_OF);
}

static void
test_members_at (void)
{
  check_question (BENCH_QUESTION_MEMBERS_AT);
}

static void
test_two_hop (void)
{
  check_question (BENCH_QUESTION_TWO_HOP);
}

static void
test_parts (void)
{
  check_question (BENCH_QUESTION_PARTS);
}

/* Every party's status lists the parties with a treaty action, as the
 * rows SQLite reads; in the catalog with actions (gen-catalog --actions)
 * some are decided by consents and denunciations. */
static void
test_party_statuses (void)
{
  check_question (BENCH_QUESTION_PARTY_STATUSES);
}

/* The relations between two entities, read as relation objects, through
 * an IisRelationIter, and counted: each as SQLite answers. */
static void
test_between (void)
{
  g_autoptr(GError) error = NULL;
  GArray *list = bench_question_probes (probes, BENCH_QUESTION_BETWEEN);
  guint nonzero = 0;

  check_question (BENCH_QUESTION_BETWEEN);

  lib->between = BENCH_BETWEEN_ITER;
  bench_check (lib, sql, probes, BENCH_QUESTION_BETWEEN, NULL, &error);
  g_assert_no_error (error);

  lib->between = BENCH_BETWEEN_COUNT;
  for (guint i = 0; i < list->len; i++)
    {
      guint counted = bench_ask_lib (lib, probes, BENCH_QUESTION_BETWEEN, i, NULL);

      g_assert_cmpuint (counted, ==, bench_ask_sql (sql, probes, BENCH_QUESTION_BETWEEN, i, NULL));
      nonzero += counted > 0;
    }
  lib->between = BENCH_BETWEEN_OBJECTS;
  g_assert_cmpuint (nonzero, >, 0);
}

/* The uniform shape: built through the API, the same for the same seed,
 * and its questions answer as SQLite does over what was written. */
static void
test_uniform (void)
{
  static const BenchQuestion questions[] = {
    BENCH_QUESTION_POINT, BENCH_QUESTION_AGREEMENTS_OF, BENCH_QUESTION_MEMBERS_AT,
    BENCH_QUESTION_BETWEEN,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(IisCatalog) uniform = bench_uniform_catalog_new (10000, 7, &error);
  g_autoptr(IisCatalog) again = NULL;
  g_autoptr(GListModel) problems = NULL;
  g_autofree char *data = NULL;
  g_autofree char *data_again = NULL;
  g_autofree char *tmp = NULL;
  BenchSql *uniform_sql;
  BenchLib *uniform_lib;
  BenchProbes *uniform_probes;
  gsize length, length_again;
  int fd;

  g_assert_no_error (error);
  g_assert_cmpuint (iis_catalog_get_n_relations (uniform), ==, 10000);
  /* Uniform picks state the same membership again for overlapping
   * periods (that is their point: no structure); nothing else is wrong. */
  problems = iis_catalog_validate (uniform);
  g_assert_cmpuint (g_list_model_get_n_items (problems), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(IisProblem) problem = g_list_model_get_item (problems, i);

      g_assert_cmpint (iis_problem_get_kind (problem), ==, IIS_PROBLEM_KIND_OVERLAPPING_RELATIONS);
    }

  data = iis_catalog_to_data (uniform, &length, &error);
  g_assert_no_error (error);
  again = bench_uniform_catalog_new (10000, 7, &error);
  g_assert_no_error (error);
  data_again = iis_catalog_to_data (again, &length_again, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, ==, length_again);
  g_assert_true (memcmp (data, data_again, length) == 0);

  fd = g_file_open_tmp ("test-bench-uniform-XXXXXX.json", &tmp, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (tmp, data, length, &error);
  g_assert_no_error (error);
  uniform_sql = bench_sql_new (tmp, &error);
  g_assert_no_error (error);
  g_unlink (tmp);
  g_assert_cmpuint (uniform_sql->n_relations, ==, 10000);
  uniform_lib = bench_lib_new (uniform, uniform_sql, &error);
  g_assert_no_error (error);
  uniform_probes = bench_probes_new (uniform_sql, 1, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (questions); i++)
    {
      guint64 rows = 0;

      g_assert_cmpuint (bench_question_probes (uniform_probes, questions[i])->len, >, 0);
      bench_check (uniform_lib, uniform_sql, uniform_probes, questions[i], &rows, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (rows, >, 0);
      g_test_message ("uniform, %s: %" G_GUINT64_FORMAT " rows", bench_question_name (questions[i]),
                      rows);
    }

  bench_probes_free (uniform_probes);
  bench_lib_free (uniform_lib);
  bench_sql_free (uniform_sql);
}

/* The data exercises the dissolution rule: some dissolved organization
 * has members before its dissolution and none after, on both sides. */
static void
test_dissolution (void)
{
  guint exercised = 0;

  for (guint32 k = 1; k <= sql->n_entities; k++)
    {
      IisEntity *entity = lib->by_key[k - 1];
      const IisDate *dissolved;
      g_autoptr(IisDate) before = NULL;
      g_autoptr(IisDate) after = NULL;
      g_autoptr(GListModel) members_before = NULL;
      g_autoptr(GListModel) members_after = NULL;

      if (!IIS_IS_ORGANIZATION (entity))
        continue;
      dissolved = iis_organization_get_dissolved (IIS_ORGANIZATION (entity));
      if (dissolved == NULL)
        continue;
      before = iis_date_new (iis_date_get_year (dissolved) - 1, 0, 0);
      after = iis_date_new (iis_date_get_year (dissolved) + 1, 0, 0);
      members_before = iis_catalog_get_members (catalog, IIS_ORGANIZATION (entity), NULL, before);
      members_after = iis_catalog_get_members (catalog, IIS_ORGANIZATION (entity), NULL, after);
      g_assert_cmpuint (g_list_model_get_n_items (members_after), ==, 0);
      if (g_list_model_get_n_items (members_before) > 0)
        exercised++;
    }
  g_assert_cmpuint (exercised, >, 0);
}

/* The generator writes what libiis would save: the same bytes. */
static void
test_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *saved = NULL;
  gsize length, saved_length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  saved = iis_catalog_to_data (catalog, &saved_length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (saved_length, ==, length);
  g_assert_true (memcmp (saved, contents, length) == 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  path = g_getenv ("IIS_BENCH_CATALOG");
  if (path == NULL)
    {
      g_printerr ("test-bench-sqlite: set IIS_BENCH_CATALOG to the 10k catalog\n");
      return 1;
    }

  catalog = iis_catalog_new ();
  file = g_file_new_for_path (path);
  if (!iis_catalog_load_from_file (catalog, file, NULL, &error))
    g_error ("%s: %s", path, error->message);
  sql = bench_sql_new (path, &error);
  if (sql == NULL)
    g_error ("%s", error->message);
  lib = bench_lib_new (catalog, sql, &error);
  if (lib == NULL)
    g_error ("%s", error->message);
  probes = bench_probes_new (sql, 1, TRUE);

  g_test_add_func ("/iis/bench/sqlite/mirror", test_mirror);
  g_test_add_func ("/iis/bench/sqlite/point", test_point);
  g_test_add_func ("/iis/bench/sqlite/agreements-of", test_agreements_of);
  g_test_add_func ("/iis/bench/sqlite/members-at", test_members_at);
  g_test_add_func ("/iis/bench/sqlite/two-hop", test_two_hop);
  g_test_add_func ("/iis/bench/sqlite/parts", test_parts);
  g_test_add_func ("/iis/bench/sqlite/party-statuses", test_party_statuses);
  g_test_add_func ("/iis/bench/sqlite/between", test_between);
  g_test_add_func ("/iis/bench/sqlite/uniform", test_uniform);
  g_test_add_func ("/iis/bench/sqlite/dissolution", test_dissolution);
  g_test_add_func ("/iis/bench/sqlite/round-trip", test_round_trip);

  status = g_test_run ();

  bench_probes_free (probes);
  bench_lib_free (lib);
  bench_sql_free (sql);
  g_object_unref (catalog);
  return status;
}
