/* test-reader.c: loading catalogs from the JSON file format
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include <libiis/iis.h>

#include "iis-catalog-view-private.h"
#include "iis-entity-private.h"
#include "iis-file-io-private.h"
#include "iis-hash-private.h"
#include "iis-name-private.h"
#include "iis-reader-private.h"
#include "iis-relation-private.h"
#include "iis-source-private.h"
#include "iis-stage-private.h"
#include "iis-test-util.h"

#define HEADER "\"format\": \"libiis-catalog\", \"version\": \"1.0\""

static char *
read_fixture (const char *name,
              gsize      *length)
{
  g_autofree char *path = iis_test_data_path (name);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

static void
assert_date (const IisDate *date,
             const char    *expected)
{
  g_autofree char *text = NULL;

  g_assert_nonnull (date);
  text = iis_date_to_string (date);
  g_assert_cmpstr (text, ==, expected);
}

static IisRelation *
find_relation (IisCatalog      *catalog,
               const char      *subject,
               IisRelationKind  kind,
               const char      *object,
               const char      *role)
{
  g_autoptr(GListModel) relations =
    iis_catalog_list_relations (catalog, iis_catalog_lookup (catalog, subject), kind,
                                iis_catalog_lookup (catalog, object));

  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(IisRelation) relation = g_list_model_get_item (relations, i);

      if (g_strcmp0 (iis_relation_get_role (relation), role) == 0)
        return g_steal_pointer (&relation);
    }
  g_error ("no relation %s %s %s (%s)", subject, iis_relation_kind_to_nick (kind), object,
           role ? role : "no role");
  return NULL;
}

/* Every field of every type comes through. */
static void
test_full_fields (void)
{
  g_autoptr(IisCatalog) catalog = iis_test_load_fixture ("full.json");
  IisEntity *uz, *sco, *rats, *agreement, *forum, *threat;
  g_autoptr(IisName) other_name = NULL;
  g_autoptr(IisSource) source = NULL;
  g_autoptr(IisRelation) membership = NULL;
  g_autoptr(IisRelation) party = NULL;
  g_autoptr(IisSource) relation_source = NULL;
  const char * const *topics;
  JsonObject *unknown;

  g_assert_cmpuint (iis_catalog_get_n_entities (catalog), ==, 10);
  g_assert_cmpuint (iis_catalog_get_n_relations (catalog), ==, 21);

  /* A state with every common member */
  uz = iis_catalog_lookup (catalog, "UZ");
  g_assert_true (IIS_IS_STATE (uz));
  g_assert_cmpstr (iis_entity_get_name (uz), ==, "Uzbekistan");
  g_assert_cmpstr (iis_entity_get_description (uz), ==,
                   "A state in Central Asia.\nSecond line with a \"quote\", a backslash \\ and a tab\t.");
  g_assert_cmpstr (iis_entity_get_label (uz, "ru"), ==, "Узбекистан");
  g_assert_cmpstr (iis_entity_get_label (uz, "uz"), ==, "Oʻzbekiston");
  g_assert_cmpstr (iis_entity_get_identifier (uz, "wikidata"), ==, "Q265");
  g_assert_cmpstr (iis_entity_get_identifier (uz, "iso3166-1"), ==, "UZ");
  g_assert_true (iis_catalog_find_by_identifier (catalog, "wikidata", "Q265") == uz);
  g_assert_cmpstr (iis_state_get_alpha2 (IIS_STATE (uz)), ==, "UZ");
  g_assert_cmpstr (iis_state_get_alpha3 (IIS_STATE (uz)), ==, "UZB");
  g_assert_cmpuint (iis_state_get_numeric (IIS_STATE (uz)), ==, 860);

  g_assert_cmpuint (g_list_model_get_n_items (iis_entity_get_other_names (uz)), ==, 2);
  other_name = g_list_model_get_item (iis_entity_get_other_names (uz), 0);
  g_assert_cmpstr (iis_name_get_text (other_name), ==, "Uzbek Soviet Socialist Republic");
  g_assert_cmpstr (iis_name_get_lang (other_name), ==, "en");
  assert_date (iis_name_get_start (other_name), "1924-10-27");
  assert_date (iis_name_get_end (other_name), "1991-08");
  g_assert_null (_iis_name_get_unknown (other_name));
  {
    g_autoptr(IisName) current = g_list_model_get_item (iis_entity_get_other_names (uz), 1);
    JsonObject *kept = _iis_name_get_unknown (current);

    /* Members an other name has beyond the known ones are kept. */
    g_assert_nonnull (kept);
    g_assert_cmpuint (json_object_get_size (kept), ==, 1);
    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (kept, "x-used-since"),
                                                 "year"), ==, 1991);
  }

  g_assert_cmpuint (g_list_model_get_n_items (iis_entity_get_sources (uz)), ==, 1);
  source = g_list_model_get_item (iis_entity_get_sources (uz), 0);
  g_assert_cmpstr (iis_source_get_title (source), ==, "ISO 3166-1");
  g_assert_cmpstr (iis_source_get_url (source), ==, "https://www.iso.org/iso-3166-country-codes.html");
  g_assert_cmpstr (iis_source_get_document (source), ==, "ISO 3166-1:2020");
  g_assert_cmpstr (iis_source_get_publisher (source), ==, "ISO");
  assert_date (iis_source_get_date (source), "2020-08");
  g_assert_cmpstr (iis_source_get_quote (source), ==, "UZ UZB 860");
  unknown = _iis_source_get_unknown (source);
  g_assert_nonnull (unknown);
  g_assert_cmpstr (json_object_get_string_member (unknown, "x-checked-by"), ==, "someone");

  unknown = _iis_entity_get_unknown (uz);
  g_assert_nonnull (unknown);
  g_assert_cmpuint (json_object_get_size (unknown), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (unknown, "x-flag-colours")), ==, 3);

  /* Organizations */
  sco = iis_catalog_lookup (catalog, "sco");
  g_assert_true (IIS_IS_ORGANIZATION (sco));
  g_assert_cmpstr (iis_organization_get_acronym (IIS_ORGANIZATION (sco)), ==, "SCO");
  g_assert_cmpint (iis_organization_get_kind (IIS_ORGANIZATION (sco)), ==,
                   IIS_ORGANIZATION_KIND_INTERGOVERNMENTAL);
  assert_date (iis_organization_get_founded (IIS_ORGANIZATION (sco)), "2001-06-15");
  g_assert_null (iis_organization_get_dissolved (IIS_ORGANIZATION (sco)));
  g_assert_null (_iis_entity_get_unknown (sco));
  rats = iis_catalog_lookup (catalog, "sco-rats");
  g_assert_cmpint (iis_organization_get_kind (IIS_ORGANIZATION (rats)), ==,
                   IIS_ORGANIZATION_KIND_EXECUTIVE_BODY);
  assert_date (iis_organization_get_founded (IIS_ORGANIZATION (rats)), "2004");
  assert_date (iis_organization_get_dissolved (IIS_ORGANIZATION (rats)), "9999-12-31");

  /* An agreement */
  agreement = iis_catalog_lookup (catalog, "sco-2009-agreement");
  g_assert_true (IIS_IS_AGREEMENT (agreement));
  g_assert_cmpint (iis_agreement_get_kind (IIS_AGREEMENT (agreement)), ==, IIS_AGREEMENT_KIND_AGREEMENT);
  g_assert_cmpint (iis_agreement_get_status (IIS_AGREEMENT (agreement)), ==, IIS_AGREEMENT_STATUS_IN_FORCE);
  assert_date (iis_agreement_get_adopted (IIS_AGREEMENT (agreement)), "2009-06-16");
  g_assert_cmpstr (iis_agreement_get_adopted_place (IIS_AGREEMENT (agreement)), ==, "Yekaterinburg");
  assert_date (iis_agreement_get_entry_into_force (IIS_AGREEMENT (agreement)), "2011-06-05");
  g_assert_cmpstr (iis_entity_get_identifier (agreement, "un-document"), ==, "A/66/359");

  /* A forum */
  forum = iis_catalog_lookup (catalog, "forum-2017");
  g_assert_true (IIS_IS_FORUM (forum));
  g_assert_cmpint (iis_forum_get_kind (IIS_FORUM (forum)), ==, IIS_FORUM_KIND_FORUM);
  assert_date (iis_forum_get_start (IIS_FORUM (forum)), "2017-02-02");
  assert_date (iis_forum_get_end (IIS_FORUM (forum)), "2017-02-03");
  g_assert_cmpstr (iis_forum_get_city (IIS_FORUM (forum)), ==, "Moscow");
  g_assert_cmpuint (iis_forum_get_participant_count (IIS_FORUM (forum)), ==, 1300);
  g_assert_true (iis_forum_get_participant_count_is_minimum (IIS_FORUM (forum)));
  topics = iis_forum_get_topics (IIS_FORUM (forum));
  g_assert_nonnull (topics);
  g_assert_cmpuint (g_strv_length ((char **) topics), ==, 3);
  g_assert_cmpstr (topics[1], ==, "critical infrastructure");
  g_assert_cmpstr (topics[2], ==, "control\001character");
  g_assert_cmpstr (iis_entity_get_name (forum), ==, "International forum on information security 🛡");

  /* A threat category */
  threat = iis_catalog_lookup (catalog, "information-terrorism");
  g_assert_true (IIS_IS_THREAT_CATEGORY (threat));
  g_assert_cmpstr (iis_threat_category_get_definition (IIS_THREAT_CATEGORY (threat)), ==,
                   "Using information resources for terrorist purposes.");
  g_assert_cmpfloat (json_object_get_double_member (_iis_entity_get_unknown (threat), "x-severity"),
                     ==, 0.75);

  /* Relations */
  membership = find_relation (catalog, "UZ", IIS_RELATION_KIND_MEMBER_OF, "sco", "member");
  assert_date (iis_relation_get_start (membership), "2001-06-15");
  g_assert_null (iis_relation_get_end (membership));
  g_assert_cmpint (iis_relation_get_confidence (membership), ==, IIS_CONFIDENCE_HIGH);
  g_assert_cmpstr (iis_relation_get_qualifier (membership, "a-first"), ==, "first");
  g_assert_cmpstr (iis_relation_get_qualifier (membership, "z-last"), ==, "last");
  g_assert_cmpuint (g_list_model_get_n_items (iis_relation_get_sources (membership)), ==, 2);
  relation_source = g_list_model_get_item (iis_relation_get_sources (membership), 0);
  g_assert_cmpstr (iis_source_get_title (relation_source), ==, "SCO Charter");
  g_assert_cmpint (json_object_get_int_member (_iis_source_get_unknown (relation_source), "x-page"), ==, 3);
  g_assert_nonnull (_iis_relation_get_unknown_json (membership));
  g_assert_nonnull (strstr (_iis_relation_get_unknown_json (membership), "\"a-extra\":\"kept\""));

  party = find_relation (catalog, "UZ", IIS_RELATION_KIND_PARTY_TO, "sco-2009-agreement", "ratification");
  assert_date (iis_relation_get_start (party), "2011-06-05");
  assert_date (iis_relation_get_end (party), "2030");
  g_assert_cmpint (iis_relation_get_confidence (party), ==, IIS_CONFIDENCE_MEDIUM);
  g_assert_cmpstr (iis_relation_get_qualifier (party, "deposit"), ==, "2010-01-05");
  g_assert_null (_iis_relation_get_unknown_json (party));

  /* The document's own unknown members */
  unknown = _iis_catalog_get_document_unknown (catalog);
  g_assert_nonnull (unknown);
  g_assert_cmpstr (json_object_get_string_member (unknown, "x-generator"), ==, "hand-written fixture");
  g_assert_true (json_object_has_member (unknown, "a-document-extra"));
  g_assert_false (json_object_has_member (unknown, "format"));
}

/* Order in the file does not matter: the writer puts everything in its
 * place, and the hand-ordered fixture gives the canonical one's bytes. */
static void
test_unordered (void)
{
  g_autoptr(IisCatalog) catalog = iis_test_load_fixture ("full-unordered.json");
  g_autofree char *canonical = read_fixture ("full.json", NULL);
  g_autofree char *data = iis_test_dump (catalog);

  g_assert_cmpstr (data, ==, canonical);
}

/* The canonical fixture is a fixed point of load and save. */
static void
test_canonical (void)
{
  g_autoptr(IisCatalog) catalog = iis_test_load_fixture ("full.json");
  g_autofree char *canonical = read_fixture ("full.json", NULL);
  g_autofree char *data = iis_test_dump (catalog);

  g_assert_cmpstr (data, ==, canonical);
}

static void
test_forward_references (void)
{
  static const char doc[] =
    "{\"relations\": [{\"kind\": \"member-of\", \"subject\": \"KZ\", \"object\": \"cis\"}],\n"
    " " HEADER ",\n"
    " \"entities\": [{\"type\": \"organization\", \"id\": \"cis\"},\n"
    "              {\"type\": \"state\", \"id\": \"KZ\"}]}";
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) members = NULL;
  g_autofree char *ids = NULL;

  iis_catalog_load_from_data (catalog, doc, -1, &error);
  g_assert_no_error (error);
  members = iis_catalog_get_members (catalog, IIS_ORGANIZATION (iis_catalog_lookup (catalog, "cis")),
                                     NULL, NULL);
  ids = iis_test_ids (members);
  g_assert_cmpstr (ids, ==, "KZ");
}

/* Relations may refer to entities the catalog already holds. */
static void
test_adds_to_catalog (void)
{
  static const char layer[] =
    "{" HEADER ", \"entities\": [{\"type\": \"state\", \"id\": \"KZ\", \"name\": \"Kazakhstan\"}],\n"
    " \"relations\": [{\"kind\": \"member-of\", \"subject\": \"KZ\", \"object\": \"sco\", \"role\": \"member\"}]}";
  static const char override[] =
    "{" HEADER ", \"entities\": [{\"type\": \"state\", \"id\": \"KZ\", \"name\": \"Qazaqstan\"}]}";
  g_autoptr(IisCatalog) catalog = iis_test_load_fixture ("full.json");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GListModel) members = NULL;
  g_autofree char *ids = NULL;

  iis_catalog_load_from_data (catalog, layer, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (iis_catalog_get_n_entities (catalog), ==, 11);
  g_assert_cmpuint (iis_catalog_get_n_relations (catalog), ==, 22);

  /* The same again: KZ is taken */
  before = iis_test_dump (catalog);
  g_assert_false (iis_catalog_load_from_data (catalog, override, -1, &error));
  g_assert_error (error, IIS_ERROR, IIS_ERROR_DUPLICATE_ID);
  g_assert_true (g_str_has_prefix (error->message, "entities[0].id: "));
  g_clear_error (&error);
  after = iis_test_dump (catalog);
  g_assert_cmpstr (before, ==, after);

  /* … unless the load overrides: the relations stay */
  iis_catalog_load_from_data_full (catalog, override, -1, IIS_LOAD_FLAGS_OVERRIDE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (iis_entity_get_name (iis_catalog_lookup (catalog, "KZ")), ==, "Qazaqstan");
  members = iis_catalog_get_members (catalog, IIS_ORGANIZATION (iis_catalog_lookup (catalog, "sco")),
                                     "member", NULL);
  ids = iis_test_ids (members);
  g_assert_nonnull (strstr (ids, "KZ"));
}

static void
test_minimal (void)
{
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();
  g_autoptr(GError) error = NULL;

  iis_catalog_load_from_data (catalog, "{" HEADER "}", -1, &error);
  g_assert_no_error (error);
  iis_catalog_load_from_data (catalog, "{" HEADER ", \"entities\": [], \"relations\": []}", -1, &error);
  g_assert_no_error (error);
  /* A byte order mark is allowed */
  iis_catalog_load_from_data (catalog, "\xef\xbb\xbf{" HEADER "}", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (iis_catalog_get_n_entities (catalog), ==, 0);
  g_assert_null (_iis_catalog_get_document_unknown (catalog));
}

/* A file of a newer minor version: read, its new members kept. */
static void
test_newer_minor (void)
{
  static const char doc[] =
    "{\"format\": \"libiis-catalog\", \"version\": \"1.7\",\n"
    " \"x-signature\": {\"alg\": \"ed25519\", \"value\": \"AAAA\"},\n"
    " \"entities\": [{\"type\": \"state\", \"id\": \"KZ\", \"population\": 19000000,\n"
    "                \"sources\": [{\"title\": \"Census\", \"archive-url\": \"https://example.org\"}]}],\n"
    " \"relations\": []}";
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();
  g_autoptr(IisCatalog) again = iis_catalog_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *data_again = NULL;
  IisEntity *kz;

  iis_catalog_load_from_data (catalog, doc, -1, &error);
  g_assert_no_error (error);
  kz = iis_catalog_lookup (catalog, "KZ");
  g_assert_cmpint (json_object_get_int_member (_iis_entity_get_unknown (kz), "population"), ==, 19000000);

  /* Written back as 1.0, new members and all */
  data = iis_test_dump (catalog);
  g_assert_nonnull (strstr (data, "\"version\": \"1.0\""));
  g_assert_nonnull (strstr (data, "\"population\": 19000000"));
  g_assert_nonnull (strstr (data, "\"archive-url\": \"https://example.org\""));
  g_assert_nonnull (strstr (data, "\"x-signature\": {\n    \"alg\": \"ed25519\",\n    \"value\": \"AAAA\"\n  }"));

  iis_catalog_load_from_data (again, data, -1, &error);
  g_assert_no_error (error);
  data_again = iis_test_dump (again);
  g_assert_cmpstr (data, ==, data_again);
}

static void
test_newer_major (void)
{
  static const char doc[] =
    "{\"format\": \"libiis-catalog\", \"version\": \"2.0\",\n"
    " \"entities\": [{\"type\": \"state\", \"id\": \"KZ\", \"name\": {\"en\": \"Kazakhstan\"}}]}";
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();
  g_autoptr(GError) error = NULL;

  /* Refused for its version, before its content is judged */
  g_assert_false (iis_catalog_load_from_data (catalog, doc, -1, &error));
  g_assert_error (error, IIS_ERROR, IIS_ERROR_UNSUPPORTED_VERSION);
  g_assert_nonnull (strstr (error->message, "“2.0”"));
  g_assert_cmpuint (iis_catalog_get_n_entities (catalog), ==, 0);
}

static void
test_versions (void)
{
  static const struct { const char *version; int code; } cases[] = {
    { "1.0", -1 },
    { "1.10", -1 },
    { "1.999999999", -1 },
    { "1.007", IIS_ERROR_INVALID_VALUE },
    { "01.0", IIS_ERROR_INVALID_VALUE },
    { "1.0.0", IIS_ERROR_INVALID_VALUE },
    { "1", IIS_ERROR_INVALID_VALUE },
    { "1.", IIS_ERROR_INVALID_VALUE },
    { "v1.0", IIS_ERROR_INVALID_VALUE },
    { "", IIS_ERROR_INVALID_VALUE },
    { "1.1000000000", IIS_ERROR_INVALID_VALUE },
    { "3.1", IIS_ERROR_UNSUPPORTED_VERSION },
    { "0.0", IIS_ERROR_UNSUPPORTED_VERSION },
    { "10.0", IIS_ERROR_UNSUPPORTED_VERSION },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(IisCatalog) catalog = iis_catalog_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *doc =
        g_strdup_printf ("{\"format\": \"libiis-catalog\", \"version\": \"%s\"}", cases[i].version);
      gboolean ok = iis_catalog_load_from_data (catalog, doc, -1, &error);

      if (cases[i].code < 0)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
        }
      else
        {
          g_autofree char *quoted = g_strdup_printf ("version: %s “%s”",
                                                     cases[i].code == IIS_ERROR_INVALID_VALUE
                                                       ? "invalid version"
                                                       : "unsupported file format version",
                                                     cases[i].version);

          g_assert_error (error, IIS_ERROR, cases[i].code);
          g_assert_true (g_str_has_prefix (error->message, quoted));
          g_assert_false (ok);
        }
    }
}

/* Only the elements of the top-level "entities" and "relations" arrays
 * are read as entities and relations, wherever those members stand and
 * whatever arrays come before, between, inside or after them. */
static void
test_sections (void)
{
  static const char doc[] =
    "{" HEADER ",\n"
    " \"x-before\": [[{\"type\": \"nation\", \"id\": \"N1\"}], {\"entities\": [{\"type\": \"nation\"}]}],\n"
    " \"x-object\": {\"entities\": [{\"type\": \"nation\"}], \"relations\": [1, [2]]},\n"
    " \"relations\": [{\"kind\": \"member-of\", \"subject\": \"KZ\", \"object\": \"sco\",\n"
    "                \"role\": \"member\", \"sources\": [{\"title\": \"T\", \"x-tags\": [[\"a\"]]}]}],\n"
    " \"x-between\": [[1], [2]],\n"
    " \"entities\": [{\"type\": \"state\", \"id\": \"KZ\", \"other-names\": [{\"name\": \"Kazakh SSR\"}]},\n"
    "              {\"type\": \"organization\", \"id\": \"sco\", \"name\": \"SCO\",\n"
    "               \"kind\": \"intergovernmental\", \"x-list\": [{\"type\": \"nation\"}]}],\n"
    " \"x-after\": [{\"type\": \"nation\"}]}";
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;

  iis_catalog_load_from_data (catalog, doc, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (iis_catalog_get_n_entities (catalog), ==, 2);
  g_assert_cmpuint (iis_catalog_get_n_relations (catalog), ==, 1);
  g_assert_nonnull (iis_catalog_lookup (catalog, "KZ"));
  g_assert_nonnull (iis_catalog_lookup (catalog, "sco"));

  /* The other arrays are kept as unknown members. */
  data = iis_test_dump (catalog);
  g_assert_nonnull (strstr (data, "\"x-before\""));
  g_assert_nonnull (strstr (data, "\"x-between\""));
  g_assert_nonnull (strstr (data, "\"x-after\""));
  g_assert_nonnull (strstr (data, "\"x-list\""));
  g_assert_nonnull (strstr (data, "\"x-tags\""));
}

static void
test_first_error_wins (void)
{
  /* Two problems: the first in document order is reported. */
  static const char doc[] =
    "{" HEADER ", \"entities\": [{\"type\": \"state\", \"id\": \"KZ\", \"numeric\": 5000},\n"
    "                         {\"type\": \"nation\", \"id\": \"TJ\"}]}";
  /* A syntax error beats a content error before it */
  static const char broken[] =
    "{" HEADER ", \"entities\": [{\"type\": \"nation\", \"id\": \"TJ\"}],\n"
    " \"relations\": [1 2]}";
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (iis_catalog_load_from_data (catalog, doc, -1, &error));
  g_assert_error (error, IIS_ERROR, IIS_ERROR_INVALID_VALUE);
  g_assert_true (g_str_has_prefix (error->message, "entities[0].numeric: "));
  g_clear_error (&error);

  g_assert_false (iis_catalog_load_from_data (catalog, broken, -1, &error));
  g_assert_error (error, IIS_ERROR, IIS_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (error->message, "2:"));
}

/* A missing comma is reported where it is missing: after the end of the
 * previous item or member, not at its last character. */
static void
test_missing_comma (void)
{
  static const struct { const char *doc; const char *message; } cases[] = {
    { "{" HEADER ",\n \"entities\": [\n  {\"type\": \"state\", \"id\": \"KZ\"}\n"
      "  {\"type\": \"state\", \"id\": \"TJ\"}]}",
      "3:32: missing “,” before the next item at 4:3" },
    { "{\"format\": \"libiis-catalog\"\n \"version\": \"1.0\"}",
      "1:28: missing “,” before the next member at 2:2" },
    { "{" HEADER ", \"entities\": [{\"type\": \"state\" \"id\": \"KZ\"}]}",
      "missing “,” before the next member" },
    { "{" HEADER ", \"relations\": [1 2]}", "missing “,” before the next item" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(IisCatalog) catalog = iis_catalog_new ();
      g_autoptr(GError) error = NULL;

      g_assert_false (iis_catalog_load_from_data (catalog, cases[i].doc, -1, &error));
      g_assert_error (error, IIS_ERROR, IIS_ERROR_PARSE);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].message));
    }
}

static void
test_stream (void)
{
  gsize length;
  g_autofree char *contents = read_fixture ("full.json", &length);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (contents, length, NULL);
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;

  iis_catalog_load_from_stream (catalog, stream, IIS_LOAD_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);
  data = iis_test_dump (catalog);
  g_assert_cmpstr (data, ==, contents);
}

static void
test_cancelled (void)
{
  g_autofree char *path = iis_test_data_path ("full.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (iis_catalog_load_from_file (catalog, file, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (iis_catalog_get_n_entities (catalog), ==, 0);
}

static void
test_missing_file (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/catalog.json");
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (iis_catalog_load_from_file (catalog, file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* Asynchronous loading */

typedef struct
{
  GMainLoop *loop;
  gboolean   ok;
  GError    *error;
  guint      n_entities_in_callback;
} AsyncResult;

static void
load_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  AsyncResult *async = user_data;
  IisCatalog *catalog = IIS_CATALOG (source);

  /* The callback runs in the loop's thread, the catalog already loaded. */
  g_assert_true (g_main_context_is_owner (g_main_loop_get_context (async->loop)));
  async->ok = iis_catalog_load_from_file_finish (catalog, result, &async->error);
  async->n_entities_in_callback = iis_catalog_get_n_entities (catalog);
  g_main_loop_quit (async->loop);
}

static void
test_async (void)
{
  g_autofree char *path = iis_test_data_path ("full.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();
  g_autofree char *canonical = read_fixture ("full.json", NULL);
  g_autofree char *data = NULL;
  AsyncResult async = { 0, };

  async.loop = g_main_loop_new (NULL, FALSE);
  iis_catalog_load_from_file_async (catalog, file, NULL, load_done, &async);
  /* Nothing happens to the catalog before the main loop runs. */
  g_assert_cmpuint (iis_catalog_get_n_entities (catalog), ==, 0);
  g_main_loop_run (async.loop);
  g_main_loop_unref (async.loop);

  g_assert_no_error (async.error);
  g_assert_true (async.ok);
  g_assert_cmpuint (async.n_entities_in_callback, ==, 10);
  data = iis_test_dump (catalog);
  g_assert_cmpstr (data, ==, canonical);
}

static void
test_async_error (void)
{
  g_autofree char *path = iis_test_data_path ("bad/relation-bad-start.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(IisCatalog) catalog = iis_test_load_fixture ("full.json");
  g_autofree char *before = iis_test_dump (catalog);
  g_autofree char *after = NULL;
  AsyncResult async = { 0, };

  async.loop = g_main_loop_new (NULL, FALSE);
  iis_catalog_load_from_file_async (catalog, file, NULL, load_done, &async);
  g_main_loop_run (async.loop);
  g_main_loop_unref (async.loop);

  g_assert_false (async.ok);
  g_assert_error (async.error, IIS_ERROR, IIS_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (async.error->message, "relations[12].start: invalid date “2017-13-40”"));
  g_clear_error (&async.error);
  after = iis_test_dump (catalog);
  g_assert_cmpstr (before, ==, after);
}

/* Cancelled while the worker runs or before the commit: nothing added. */
static void
test_async_cancelled (void)
{
  g_autofree char *path = iis_test_data_path ("full-unordered.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();

  for (guint when = 0; when < 2; when++)
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      AsyncResult async = { 0, };

      async.loop = g_main_loop_new (NULL, FALSE);
      if (when == 0)
        g_cancellable_cancel (cancellable);
      iis_catalog_load_from_file_async (catalog, file, cancellable, load_done, &async);
      if (when == 1)
        g_cancellable_cancel (cancellable);
      g_main_loop_run (async.loop);
      g_main_loop_unref (async.loop);

      g_assert_false (async.ok);
      g_assert_error (async.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_clear_error (&async.error);
      g_assert_cmpuint (iis_catalog_get_n_entities (catalog), ==, 0);
      g_assert_cmpuint (iis_catalog_get_n_relations (catalog), ==, 0);
    }
}

/* The reader on its own: custom limits, error positions. */
static void
test_reader_limits (void)
{
  static const char doc[] =
    "{" HEADER ",\n \"x\": [[[\"a much longer string\"]]]}";
  IisFormatLimits limits = { 1024, 4, 64 };
  IisStage *stage = _iis_stage_new (IIS_LOAD_FLAGS_NONE);
  g_autoptr(GError) error = NULL;

  g_assert_true (_iis_reader_parse (stage, doc, strlen (doc), "doc", &limits, &error));
  g_assert_no_error (error);

  limits.max_depth = 3;
  g_assert_false (_iis_reader_parse (stage, doc, strlen (doc), "doc", &limits, &error));
  g_assert_error (error, IIS_ERROR, IIS_ERROR_LIMIT_EXCEEDED);
  g_assert_cmpstr (error->message, ==, "doc:2:9: nesting deeper than the limit of 3 levels");
  g_clear_error (&error);

  limits.max_depth = 4;
  limits.max_string_length = 19;
  g_assert_false (_iis_reader_parse (stage, doc, strlen (doc), NULL, &limits, &error));
  g_assert_error (error, IIS_ERROR, IIS_ERROR_LIMIT_EXCEEDED);
  g_assert_cmpstr (error->message, ==, "2:10: string longer than the limit of 19 bytes");
  g_clear_error (&error);

  limits.max_string_length = 20;
  limits.max_document_size = strlen (doc) - 1;
  g_assert_false (_iis_reader_parse (stage, doc, strlen (doc), NULL, &limits, &error));
  g_assert_error (error, IIS_ERROR, IIS_ERROR_LIMIT_EXCEEDED);
  g_clear_error (&error);

  g_assert_cmpuint (_iis_stage_get_n_entities (stage), ==, 0);
  _iis_stage_free (stage);
}

/* Elements are consumed as json-glib parses them: the stage fills in
 * document order, and the relation index is the document's. */
static void
test_reader_stage (void)
{
  gsize length;
  g_autofree char *contents = read_fixture ("full.json", &length);
  IisStage *stage = _iis_stage_new (IIS_LOAD_FLAGS_NONE);
  g_autoptr(GError) error = NULL;

  g_assert_true (_iis_reader_parse (stage, contents, length, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (_iis_stage_get_n_entities (stage), ==, 10);
  g_assert_cmpuint (_iis_stage_get_n_relations (stage), ==, 21);
  _iis_stage_free (stage);
}

/* A stream is read to the limit and one byte past it, not further: a
 * stream without end (/dev/zero) costs the limit, not twice it (issue
 * #19). */
static void
test_reader_stream_limit (void)
{
  const gsize total = 1024 * 1024;
  g_autofree char *zeros = g_malloc0 (total);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (zeros, total, NULL);
  IisFormatLimits limits;
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  _iis_format_get_default_limits (&limits);
  limits.max_document_size = 100 * 1000;
  bytes = _iis_file_read_stream (stream, 0, &limits, NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, IIS_ERROR, IIS_ERROR_LIMIT_EXCEEDED);
  g_assert_cmpint (g_seekable_tell (G_SEEKABLE (stream)), <=, 100 * 1000 + 1);
}

/* Member names built from "Aa" and "B@" all have one g_str_hash()
 * value; the reader's name sets use a keyed hash, in which they do not
 * collide (issue #19). */
static void
test_reader_hash_collisions (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  guint first = 0;

  for (guint i = 0; i < 256; i++)
    {
      char name[17];

      for (guint b = 0; b < 8; b++)
        memcpy (name + 2 * b, (i >> b) & 1 ? "B@" : "Aa", 2);
      name[16] = '\0';
      if (i == 0)
        first = g_str_hash (name);
      g_assert_cmpuint (g_str_hash (name), ==, first);
      g_hash_table_add (seen, GUINT_TO_POINTER (_iis_str_hash (name)));
    }
  g_assert_cmpuint (g_hash_table_size (seen), >=, 250);
}

static char *
object_of_members (guint n)
{
  GString *s = g_string_new ("{");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%s\"m%u\": 0", i > 0 ? ", " : "", i);
  g_string_append_c (s, '}');
  return g_string_free (s, FALSE);
}

/* An object holds at most max_members members, at any depth: json-glib
 * keeps each object's members in a table hashed with g_str_hash(),
 * which input can make collide (issue #19). */
static void
test_reader_members_limit (void)
{
  g_autofree char *small = object_of_members (IIS_FORMAT_DEFAULT_MAX_MEMBERS);
  g_autofree char *big = object_of_members (IIS_FORMAT_DEFAULT_MAX_MEMBERS + 1);
  g_autofree char *ok = g_strdup_printf ("{" HEADER ", \"entities\": [{\"type\": \"state\", "
                                         "\"id\": \"KZ\", \"name\": \"K\", \"x\": %s}]}", small);
  g_autofree char *bad = g_strdup_printf ("{" HEADER ", \"entities\": [{\"type\": \"state\", "
                                          "\"id\": \"KZ\", \"name\": \"K\", \"x\": %s}]}", big);
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();
  g_autoptr(GError) error = NULL;
  IisFormatLimits limits;
  IisStage *stage;

  g_assert_false (iis_catalog_load_from_data (catalog, bad, -1, &error));
  g_assert_error (error, IIS_ERROR, IIS_ERROR_LIMIT_EXCEEDED);
  g_assert_nonnull (strstr (error->message, "members"));
  g_clear_error (&error);
  g_assert_true (iis_catalog_load_from_data (catalog, ok, -1, &error));
  g_assert_no_error (error);

  /* The top-level object too, with a limit of one's own. */
  _iis_format_get_default_limits (&limits);
  limits.max_members = 3;
  stage = _iis_stage_new (IIS_LOAD_FLAGS_NONE);
  g_assert_false (_iis_reader_parse (stage, "{" HEADER ", \"a\": 1, \"b\": 2}", strlen ("{" HEADER ", \"a\": 1, \"b\": 2}"),
                                     NULL, &limits, &error));
  g_assert_error (error, IIS_ERROR, IIS_ERROR_LIMIT_EXCEEDED);
  g_assert_cmpstr (error->message, ==,
                   "1:56: an object with more members than the limit of 3");
  _iis_stage_free (stage);
}

/* json-glib holds one element of `entities` or `relations`, or one other
 * member of the document, as a tree at a time: each holds at most
 * max_element_values values, counted by the scan before json-glib
 * builds anything (issue #19). */
static void
test_reader_element_values (void)
{
  IisFormatLimits limits;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) doc = g_string_new ("{" HEADER ", \"entities\": [");
  IisStage *stage = _iis_stage_new (IIS_LOAD_FLAGS_NONE);

  _iis_format_get_default_limits (&limits);
  limits.max_element_values = 100;

  /* 200 entities of a few values each: the array is not an element. */
  for (guint i = 0; i < 200; i++)
    g_string_append_printf (doc, "%s{\"type\": \"state\", \"id\": \"s%u\", \"name\": \"S\"}",
                            i > 0 ? ", " : "", i);
  g_string_append (doc, "], \"x\": [");
  for (guint i = 0; i < 99; i++)
    g_string_append (doc, i > 0 ? ",0" : "0");
  g_string_append (doc, "]}");
  g_assert_true (_iis_reader_parse (stage, doc->str, doc->len, NULL, &limits, &error));
  g_assert_no_error (error);
  _iis_stage_free (stage);

  /* One value more in the document's member "x" (the array is one). */
  g_string_truncate (doc, doc->len - 2);
  g_string_append (doc, ",0,0]}");
  stage = _iis_stage_new (IIS_LOAD_FLAGS_NONE);
  g_assert_false (_iis_reader_parse (stage, doc->str, doc->len, NULL, &limits, &error));
  g_assert_error (error, IIS_ERROR, IIS_ERROR_LIMIT_EXCEEDED);
  g_assert_nonnull (strstr (error->message, "more than the limit of 100 values"));
  g_clear_error (&error);
  _iis_stage_free (stage);

  /* And in one entity. */
  g_string_assign (doc, "{" HEADER ", \"entities\": [{\"type\": \"state\", \"id\": \"s\", \"x\": [");
  for (guint i = 0; i < 100; i++)
    g_string_append (doc, i > 0 ? ",0" : "0");
  g_string_append (doc, "]}]}");
  stage = _iis_stage_new (IIS_LOAD_FLAGS_NONE);
  g_assert_false (_iis_reader_parse (stage, doc->str, doc->len, NULL, &limits, &error));
  g_assert_error (error, IIS_ERROR, IIS_ERROR_LIMIT_EXCEEDED);
  _iis_stage_free (stage);
}

/* Unknown members kept as trees (of entities, sources, names and the
 * document) hold at most max(max_unknown_values, a value per 16 bytes
 * of the document) values in all; relations keep theirs as text
 * (issue #19). */
static void
test_reader_unknown_budget (void)
{
  IisFormatLimits limits;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) entities = g_string_new ("{" HEADER ", \"entities\": [");
  g_autoptr(GString) relations = g_string_new ("{" HEADER ", \"entities\": ["
                                                "{\"type\": \"state\", \"id\": \"a\"}, "
                                                "{\"type\": \"organization\", \"id\": \"o\"}], "
                                                "\"relations\": [");
  IisStage *stage;

  _iis_format_get_default_limits (&limits);
  limits.max_unknown_values = 200;

  /* 20 entities with an unknown member of 21 values: 420 kept. */
  for (guint i = 0; i < 20; i++)
    g_string_append_printf (entities, "%s{\"type\": \"state\", \"id\": \"s%u\", \"x\": "
                            "[0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0]}",
                            i > 0 ? ", " : "", i);
  g_string_append (entities, "]}");
  g_assert_cmpuint (entities->len / 16, <, 200);
  stage = _iis_stage_new (IIS_LOAD_FLAGS_NONE);
  g_assert_false (_iis_reader_parse (stage, entities->str, entities->len, NULL, &limits, &error));
  g_assert_error (error, IIS_ERROR, IIS_ERROR_LIMIT_EXCEEDED);
  g_assert_nonnull (strstr (error->message, "entities[9].x: "));
  g_assert_nonnull (strstr (error->message, "unknown members"));
  g_clear_error (&error);
  _iis_stage_free (stage);

  for (guint i = 0; i < 20; i++)
    g_string_append_printf (relations, "%s{\"kind\": \"member-of\", \"subject\": \"a\", "
                            "\"object\": \"o\", \"x\": [0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0]}",
                            i > 0 ? ", " : "");
  g_string_append (relations, "]}");
  stage = _iis_stage_new (IIS_LOAD_FLAGS_NONE);
  g_assert_true (_iis_reader_parse (stage, relations->str, relations->len, NULL, &limits, &error));
  g_assert_no_error (error);
  _iis_stage_free (stage);
}

static char *
colliding_object (guint n)
{
  GString *s = g_string_new ("{");

  for (guint i = 0; i < n; i++)
    {
      g_string_append (s, i > 0 ? ", \"" : "\"");
      for (guint b = 0; b < 10; b++)
        g_string_append (s, (i >> b) & 1 ? "B@" : "Aa");
      g_string_append (s, "\": 0");
    }
  g_string_append_c (s, '}');
  return g_string_free (s, FALSE);
}

/* Names chosen to share one g_str_hash() value would make json-glib's
 * member table cost the square of their number: more than 16 of them in
 * one object are refused, at any depth and in the top-level object
 * (issue #19). */
static void
test_reader_colliding_names (void)
{
  g_autofree char *sixteen = colliding_object (16);
  g_autofree char *many = colliding_object (1000);
  g_autofree char *ok = g_strdup_printf ("{" HEADER ", \"x\": %s}", sixteen);
  g_autofree char *bad = g_strdup_printf ("{" HEADER ", \"x\": [%s]}", many);
  g_autofree char *top = g_strdup_printf ("{" HEADER ", %s", many + 1);
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (iis_catalog_load_from_data (catalog, ok, -1, &error));
  g_assert_no_error (error);

  g_assert_false (iis_catalog_load_from_data (catalog, bad, -1, &error));
  g_assert_error (error, IIS_ERROR, IIS_ERROR_LIMIT_EXCEEDED);
  g_assert_nonnull (strstr (error->message, "share a hash value"));
  g_clear_error (&error);

  g_assert_false (iis_catalog_load_from_data (catalog, top, -1, &error));
  g_assert_error (error, IIS_ERROR, IIS_ERROR_LIMIT_EXCEEDED);
  g_assert_nonnull (strstr (error->message, "share a hash value"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/iis/reader/full-fields", test_full_fields);
  g_test_add_func ("/iis/reader/unordered", test_unordered);
  g_test_add_func ("/iis/reader/canonical", test_canonical);
  g_test_add_func ("/iis/reader/forward-references", test_forward_references);
  g_test_add_func ("/iis/reader/adds-to-catalog", test_adds_to_catalog);
  g_test_add_func ("/iis/reader/minimal", test_minimal);
  g_test_add_func ("/iis/reader/newer-minor", test_newer_minor);
  g_test_add_func ("/iis/reader/newer-major", test_newer_major);
  g_test_add_func ("/iis/reader/versions", test_versions);
  g_test_add_func ("/iis/reader/sections", test_sections);
  g_test_add_func ("/iis/reader/first-error-wins", test_first_error_wins);
  g_test_add_func ("/iis/reader/missing-comma", test_missing_comma);
  g_test_add_func ("/iis/reader/stream", test_stream);
  g_test_add_func ("/iis/reader/cancelled", test_cancelled);
  g_test_add_func ("/iis/reader/missing-file", test_missing_file);
  g_test_add_func ("/iis/reader/async", test_async);
  g_test_add_func ("/iis/reader/async-error", test_async_error);
  g_test_add_func ("/iis/reader/async-cancelled", test_async_cancelled);
  g_test_add_func ("/iis/reader/limits", test_reader_limits);
  g_test_add_func ("/iis/reader/stream-limit", test_reader_stream_limit);
  g_test_add_func ("/iis/reader/hash-collisions", test_reader_hash_collisions);
  g_test_add_func ("/iis/reader/members-limit", test_reader_members_limit);
  g_test_add_func ("/iis/reader/colliding-names", test_reader_colliding_names);
  g_test_add_func ("/iis/reader/element-values", test_reader_element_values);
  g_test_add_func ("/iis/reader/unknown-budget", test_reader_unknown_budget);
  g_test_add_func ("/iis/reader/stage", test_reader_stage);

  return g_test_run ();
}
