/* test-import.c: relations from a table through a column map
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <libiis/iis.h>

#include "iis-test-util.h"

static char *
read_text (const char *first,
           ...)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  const char *part;
  va_list args;

  g_ptr_array_add (parts, (gpointer) g_test_get_dir (G_TEST_DIST));
  va_start (args, first);
  for (part = first; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);
  path = g_build_filenamev ((char **) parts->pdata);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static IisCatalog *
sample_catalog (void)
{
  return iis_test_load_fixture ("import/sample-catalog.json");
}

static char *
parties_at (IisCatalog *catalog,
            const char *agreement,
            const char *at)
{
  g_autoptr(IisDate) date = iis_test_date (at);
  g_autoptr(GListModel) parties =
    iis_catalog_get_parties (catalog, IIS_AGREEMENT (iis_catalog_lookup (catalog, agreement)), date);

  return iis_test_ids (parties);
}

static void
test_huggo_sample (void)
{
  g_autoptr(IisCatalog) catalog = sample_catalog ();
  g_autofree char *map = read_text ("..", "data", "maps", "huggo.json", NULL);
  g_autofree char *table = read_text ("data", "import", "huggo-sample.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) unmatched = NULL;
  g_autoptr(GListModel) signatories = NULL;
  g_autoptr(GListModel) relations = NULL;
  g_autofree char *p2005 = NULL, *p2010 = NULL, *p2016 = NULL, *signed_ids = NULL;
  IisRelation *succession = NULL;

  g_assert_cmpuint (iis_catalog_get_n_relations (catalog), ==, 0);
  g_assert_true (iis_catalog_import_table (catalog, map, table, -1, &unmatched, &error));
  g_assert_no_error (error);

  /* Four rows of five match; each gives a signature when it has a
   * signature date and a party-to when it has an entry into force. */
  g_assert_cmpuint (iis_catalog_get_n_relations (catalog), ==, 6);
  g_assert_cmpuint (g_strv_length (unmatched), ==, 1);
  g_assert_nonnull (strstr (unmatched[0], "row 5 (line 6)"));
  g_assert_nonnull (strstr (unmatched[0], "“QQQ”"));
  g_assert_nonnull (strstr (unmatched[0], "stateID"));

  p2005 = parties_at (catalog, "sample-convention", "2005-01-01");
  p2010 = parties_at (catalog, "sample-convention", "2010-01-01");
  p2016 = parties_at (catalog, "sample-convention", "2016-01-01");
  g_assert_cmpstr (p2005, ==, "XA");
  g_assert_cmpstr (p2010, ==, "XA XC");
  g_assert_cmpstr (p2016, ==, "XA");
  signatories = iis_catalog_get_signatories (catalog,
                                             IIS_AGREEMENT (iis_catalog_lookup (catalog, "sample-convention")));
  signed_ids = iis_test_ids (signatories);
  g_assert_cmpstr (signed_ids, ==, "XA XB");

  /* The role from a table of values, the deposit as a qualifier. */
  relations = iis_catalog_list_relations (catalog, iis_catalog_lookup (catalog, "XC"),
                                          IIS_RELATION_KIND_PARTY_TO, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (relations), ==, 1);
  succession = g_list_model_get_item (relations, 0);
  g_assert_cmpstr (iis_relation_get_role (succession), ==, "succession");
  g_assert_cmpstr (iis_relation_get_qualifier (succession, "deposit"), ==, "2006-02-01");
  g_object_unref (succession);
}

static void
test_ieadb_sample_matches_names (void)
{
  g_autoptr(IisCatalog) catalog = sample_catalog ();
  g_autofree char *map = read_text ("..", "data", "maps", "ieadb.json", NULL);
  g_autofree char *table = read_text ("data", "import", "ieadb-sample.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) unmatched = NULL;
  g_autofree char *parties = NULL;
  g_autoptr(GListModel) signatories = NULL;
  g_autofree char *signed_ids = NULL;

  g_assert_true (iis_catalog_import_table (catalog, map, table, -1, &unmatched, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (unmatched), ==, 1);
  g_assert_nonnull (strstr (unmatched[0], "Ruritania"));

  /* “borduria” in another case, “Atlantide” a French label. */
  signatories = iis_catalog_get_signatories (catalog,
                                             IIS_AGREEMENT (iis_catalog_lookup (catalog, "sample-convention")));
  signed_ids = iis_test_ids (signatories);
  g_assert_cmpstr (signed_ids, ==, "XA XB");
  parties = parties_at (catalog, "sample-agreement", "2012");
  g_assert_cmpstr (parties, ==, "XA");
  g_assert_cmpuint (iis_catalog_get_n_relations (catalog), ==, 5);
}

static const char numeric_map[] =
  "{ \"format\": \"libiis-table-map\", \"version\": \"1.0\","
  "  \"delimiter\": \";\", \"date-format\": \"DD.MM.YYYY\","
  "  \"subject\": { \"column\": \"code\", \"match\": \"numeric\" },"
  "  \"object\": { \"value\": \"sample-agreement\" },"
  "  \"relations\": [ { \"kind\": \"party-to\", \"start\": \"from\","
  "                     \"role\": { \"value\": \"accession\" } } ],"
  "  \"source\": { \"title\": \"A sample table\", \"url\": \"https://example.org/t.csv\" } }";

static void
test_numeric_codes_constants_and_sources (void)
{
  g_autoptr(IisCatalog) catalog = sample_catalog ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) relations = NULL;
  g_autoptr(IisRelation) relation = NULL;
  g_autoptr(IisSource) source = NULL;
  g_autofree char *start = NULL;

  g_assert_true (iis_catalog_import_table (catalog, numeric_map,
                                           "code;from\r\n902;01.02.2003\r\n\r\n", -1, NULL, &error));
  g_assert_no_error (error);
  relations = iis_catalog_list_relations (catalog, NULL, IIS_RELATION_KIND_ANY, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (relations), ==, 1);
  relation = g_list_model_get_item (relations, 0);
  g_assert_cmpstr (iis_entity_get_id (iis_relation_get_subject (relation)), ==, "XB");
  g_assert_cmpstr (iis_relation_get_role (relation), ==, "accession");
  start = iis_date_to_string (iis_relation_get_start (relation));
  g_assert_cmpstr (start, ==, "2003-02-01");
  g_assert_cmpuint (g_list_model_get_n_items (iis_relation_get_sources (relation)), ==, 1);
  source = g_list_model_get_item (iis_relation_get_sources (relation), 0);
  g_assert_cmpstr (iis_source_get_url (source), ==, "https://example.org/t.csv");
}

/* A bad cell anywhere fails the import, names the row, the line and the
 * column, and leaves the catalog as it was. */
static void
test_errors_change_nothing (void)
{
  g_autoptr(IisCatalog) catalog = sample_catalog ();
  g_autofree char *map = read_text ("..", "data", "maps", "huggo.json", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *bad_date =
    "manyID,stateID,Signature,Ratification,Force,End,Succession\n"
    "SMPLIS_2001A,XAA,2001-11-23,,2004-07-01,,0\n"
    "SMPLIS_2001A,XBB,\"2001-11-23\",,2004-13-01,,0\n";
  const char *bad_value =
    "manyID,stateID,Signature,Ratification,Force,End,Succession\n"
    "SMPLIS_2001A,XAA,2001-11-23,,2004-07-01,,0\n"
    "SMPLIS_2001A,XBB,2001-11-23,,2004-07-01,,maybe\n";
  const char *unclosed = "manyID,stateID\nSMPLIS_2001A,\"XAA\n";
  struct {
    const char *table;
    const char *map;
    const char *needles[3];
  } cases[] = {
    { bad_date, NULL, { "row 2 (line 3)", "column “Force”", "2004-13-01" } },
    { bad_value, "{\"format\": \"libiis-table-map\", \"version\": \"1.0\","
                 " \"subject\": {\"column\": \"stateID\", \"match\": \"alpha-3\"},"
                 " \"object\": {\"column\": \"manyID\", \"match\": \"identifier:huggo\"},"
                 " \"relations\": [{\"kind\": \"party-to\", \"start\": \"Force\","
                 " \"role\": {\"column\": \"Succession\", \"values\": {\"0\": \"ratification\"}}}]}",
      { "row 2 (line 3)", "column “Succession”", "“maybe”" } },
    { unclosed, NULL, { "line 2", "not closed", NULL } },
    { bad_date, "{\"format\": \"libiis-table-map\", \"version\": \"1.0\","
                " \"subject\": \"nope\", \"object\": \"manyID\", \"relations\": [{\"kind\": \"party-to\"}]}",
      { "map: subject", "no column “nope”", NULL } },
    { bad_date, "{\"format\": \"libiis-table-map\", \"version\": \"1.0\","
                " \"subject\": \"stateID\", \"object\": \"manyID\", \"relations\": [{\"kind\": \"loves\"}]}",
      { "map: relations[0]", "“loves”", NULL } },
    { bad_date, "{\"format\": \"libiis-table-map\", \"version\": \"2.0\"}",
      { "map: version", NULL, NULL } },
    { bad_date, "{\"format\": \"libiis-table-map\", \"version\": \"1.0\","
                " \"subject\": {\"column\": \"stateID\", \"match\": \"cow\"}, \"object\": \"manyID\","
                " \"relations\": [{\"kind\": \"party-to\"}]}",
      { "map: subject", "unknown match “cow”", NULL } },
  };

  before = iis_test_dump (catalog);
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) unmatched = NULL;

      g_assert_false (iis_catalog_import_table (catalog, cases[i].map != NULL ? cases[i].map : map,
                                                cases[i].table, -1, &unmatched, &error));
      g_assert_nonnull (error);
      g_assert_null (unmatched);
      for (gsize n = 0; n < G_N_ELEMENTS (cases[i].needles) && cases[i].needles[n] != NULL; n++)
        if (strstr (error->message, cases[i].needles[n]) == NULL)
          g_error ("case %" G_GSIZE_FORMAT ": “%s” does not say “%s”", i, error->message,
                   cases[i].needles[n]);
    }
  after = iis_test_dump (catalog);
  g_assert_cmpstr (before, ==, after);
}

/* A name two entities share matches neither. */
static void
test_ambiguous_names_are_reported (void)
{
  g_autoptr(IisCatalog) catalog = sample_catalog ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) unmatched = NULL;
  const char *map =
    "{\"format\": \"libiis-table-map\", \"version\": \"1.0\","
    " \"subject\": {\"column\": \"who\", \"match\": \"name\"}, \"object\": {\"value\": \"sample-agreement\"},"
    " \"relations\": [{\"kind\": \"signatory-of\"}]}";

  iis_entity_set_label (iis_catalog_lookup (catalog, "XC"), "de", "Borduria");
  g_assert_true (iis_catalog_import_table (catalog, map, "who\nBorduria\nCarpania\n", -1,
                                           &unmatched, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (unmatched), ==, 1);
  g_assert_nonnull (strstr (unmatched[0], "names several entities"));
  g_assert_cmpuint (iis_catalog_get_n_relations (catalog), ==, 1);
}

/* import → the document → a new catalog → the same relations. */
static void
test_convert_round_trip (void)
{
  g_autoptr(IisCatalog) catalog = sample_catalog ();
  g_autoptr(IisCatalog) again = sample_catalog ();
  g_autofree char *map = read_text ("..", "data", "maps", "huggo.json", NULL);
  g_autofree char *table = read_text ("data", "import", "huggo-sample.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *document = NULL;
  g_autofree char *one = NULL;
  g_autofree char *two = NULL;

  document = iis_catalog_convert_table (catalog, map, table, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  /* Converting changes nothing. */
  g_assert_cmpuint (iis_catalog_get_n_relations (catalog), ==, 0);
  g_assert_true (iis_catalog_load_from_data (again, document, -1, &error));
  g_assert_no_error (error);
  g_assert_true (iis_catalog_import_table (catalog, map, table, -1, NULL, &error));
  g_assert_no_error (error);
  one = iis_test_dump (catalog);
  two = iis_test_dump (again);
  g_assert_cmpstr (one, ==, two);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/iis/import/huggo-sample", test_huggo_sample);
  g_test_add_func ("/iis/import/ieadb-sample", test_ieadb_sample_matches_names);
  g_test_add_func ("/iis/import/numeric-constants-sources", test_numeric_codes_constants_and_sources);
  g_test_add_func ("/iis/import/errors-change-nothing", test_errors_change_nothing);
  g_test_add_func ("/iis/import/ambiguous-names", test_ambiguous_names_are_reported);
  g_test_add_func ("/iis/import/convert-round-trip", test_convert_round_trip);

  return g_test_run ();
}
