/* iis-test-util.c: small helpers shared by the C test suites
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include "iis-test-util.h"

IisDate *
iis_test_date (const char *text)
{
  g_autoptr(GError) error = NULL;
  IisDate *date = iis_date_parse (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (date);
  return date;
}

char *
iis_test_ids (GListModel *model)
{
  GString *s = g_string_new (NULL);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IisEntity) e = g_list_model_get_item (model, i);

      g_assert_true (IIS_IS_ENTITY (e));
      if (i > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, iis_entity_get_id (e));
    }
  return g_string_free (s, FALSE);
}

char *
iis_test_data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

IisRelation *
iis_test_relate (IisCatalog      *catalog,
                 const char      *subject,
                 IisRelationKind  kind,
                 const char      *object,
                 const char      *role,
                 const char      *start,
                 const char      *end)
{
  g_autoptr(GError) error = NULL;
  IisEntity *s = iis_catalog_lookup (catalog, subject);
  IisEntity *o = iis_catalog_lookup (catalog, object);
  g_autoptr(IisRelation) relation = NULL;

  g_assert_nonnull (s);
  g_assert_nonnull (o);
  relation = iis_relation_new (kind, s, o);
  if (role != NULL)
    iis_relation_set_role (relation, role);
  if (start != NULL)
    {
      g_autoptr(IisDate) d = iis_test_date (start);

      iis_relation_set_start (relation, d);
    }
  if (end != NULL)
    {
      g_autoptr(IisDate) d = iis_test_date (end);

      iis_relation_set_end (relation, d);
    }
  iis_catalog_add_relation (catalog, relation, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&relation);
}

void
iis_test_add (IisCatalog *catalog,
              gpointer    entity)
{
  g_autoptr(GError) error = NULL;

  iis_catalog_add_entity (catalog, entity, &error);
  g_assert_no_error (error);
  g_object_unref (entity);
}

static IisOrganization *
organization (const char *id,
              const char *name,
              const char *founded,
              const char *dissolved)
{
  IisOrganization *org = iis_organization_new (id, name);

  if (founded != NULL)
    {
      g_autoptr(IisDate) d = iis_test_date (founded);

      iis_organization_set_founded (org, d);
    }
  if (dissolved != NULL)
    {
      g_autoptr(IisDate) d = iis_test_date (dissolved);

      iis_organization_set_dissolved (org, d);
    }
  return org;
}

#define R(s, k, o, role, start, end) \
  g_object_unref (iis_test_relate (catalog, s, IIS_RELATION_KIND_ ## k, o, role, start, end))

IisCatalog *
iis_test_scenario_new (void)
{
  IisCatalog *catalog = iis_catalog_new ();
  static const char *states[][2] = {
    { "BY", "Belarus" }, { "CN", "China" }, { "IN", "India" },
    { "KZ", "Kazakhstan" }, { "RU", "Russia" }, { "UZ", "Uzbekistan" },
  };
  IisForum *forum;
  g_autoptr(IisDate) first = iis_test_date ("2017-02-02");
  g_autoptr(IisDate) last = iis_test_date ("2017-02-03");

  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    iis_test_add (catalog, iis_state_new (states[i][0], states[i][1]));

  iis_test_add (catalog, organization ("sco", "Shanghai Cooperation Organisation", "2001-06-15", NULL));
  iis_test_add (catalog, organization ("sco-secretariat", "SCO Secretariat", NULL, NULL));
  iis_test_add (catalog, organization ("pact", "A fictional pact", "1990", "2000"));
  iis_test_add (catalog, organization ("union", "A fictional union", "1995", NULL));
  iis_test_add (catalog, iis_agreement_new ("agr-2009", "An agreement of 2009"));
  iis_test_add (catalog, iis_agreement_new ("agr-2006", "A statement of 2006"));
  iis_test_add (catalog, iis_agreement_new ("agr-other", "Another agreement"));
  iis_test_add (catalog, iis_threat_category_new ("threats", "Threats"));
  iis_test_add (catalog, iis_threat_category_new ("info-weapons", "Information weapons"));
  iis_test_add (catalog, iis_threat_category_new ("info-war", "Information war"));
  iis_test_add (catalog, iis_threat_category_new ("info-terrorism", "Information terrorism"));

  forum = iis_forum_new ("forum-2017", "A forum in 2017");
  iis_forum_set_start (forum, first);
  iis_forum_set_end (forum, last);
  iis_test_add (catalog, forum);
  iis_test_add (catalog, iis_forum_new ("forum-undated", "A forum with no date"));

  R ("sco-secretariat", PART_OF, "sco", NULL, NULL, NULL);
  R ("CN", MEMBER_OF, "sco", "member", "2001-06-15", NULL);
  R ("KZ", MEMBER_OF, "sco", "member", "2001-06-15", NULL);
  R ("RU", MEMBER_OF, "sco", "member", "2001-06-15", NULL);
  R ("UZ", MEMBER_OF, "sco", "member", "2001-06-15", NULL);
  R ("IN", MEMBER_OF, "sco", "observer", "2005", "2017-06-09");
  R ("IN", MEMBER_OF, "sco", "member", "2017-06-09", NULL);
  R ("BY", MEMBER_OF, "sco", "dialogue-partner", "2010", "2015");
  R ("BY", MEMBER_OF, "sco", "observer", "2015", "2024-07-04");
  R ("BY", MEMBER_OF, "sco", "member", "2024-07-04", NULL);
  R ("KZ", MEMBER_OF, "pact", "member", "1990", NULL);
  R ("UZ", MEMBER_OF, "union", "member", "1995", "2008-11");

  R ("CN", SIGNATORY_OF, "agr-2009", NULL, "2009-06-16", NULL);
  R ("KZ", SIGNATORY_OF, "agr-2009", NULL, "2009-06-16", NULL);
  R ("RU", SIGNATORY_OF, "agr-2009", NULL, "2009-06-16", NULL);
  R ("UZ", SIGNATORY_OF, "agr-2009", NULL, "2009-06-16", NULL);
  R ("RU", PARTY_TO, "agr-2009", "ratification", "2010-06-02", NULL);
  R ("KZ", PARTY_TO, "agr-2009", "ratification", "2011", NULL);
  R ("UZ", PARTY_TO, "agr-2009", "ratification", "2010", "2012-01");

  R ("info-weapons", PART_OF, "threats", NULL, NULL, NULL);
  R ("info-war", PART_OF, "info-weapons", NULL, NULL, NULL);
  R ("info-terrorism", PART_OF, "threats", NULL, NULL, NULL);
  R ("agr-2009", ADDRESSES, "info-war", NULL, NULL, NULL);
  R ("agr-2009", ADDRESSES, "info-terrorism", NULL, NULL, NULL);
  R ("agr-2006", ADDRESSES, "threats", NULL, NULL, NULL);
  R ("agr-other", ADDRESSES, "info-weapons", NULL, NULL, NULL);
  R ("forum-2017", ADDRESSES, "info-war", NULL, NULL, NULL);

  R ("RU", ORGANIZER_OF, "forum-2017", NULL, NULL, NULL);
  R ("RU", HOST_OF, "forum-2017", NULL, NULL, NULL);
  R ("sco", PARTICIPANT_IN, "forum-2017", NULL, NULL, NULL);
  R ("UZ", ORGANIZER_OF, "forum-undated", NULL, NULL, NULL);

  return catalog;
}

IisCatalog *
iis_test_load_fixture (const char *name)
{
  g_autofree char *path = iis_test_data_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();
  g_autoptr(GError) error = NULL;

  iis_catalog_load_from_file (catalog, file, NULL, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&catalog);
}

char *
iis_test_dump (IisCatalog *catalog)
{
  g_autoptr(GError) error = NULL;
  char *data = iis_catalog_to_data (catalog, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (data);
  return data;
}

/* Manifests of bad files */

static void
bad_file_free (gpointer data)
{
  IisTestBadFile *bad = data;

  g_free (bad->file);
  g_free (bad->location);
  g_free (bad);
}

static int
error_code_from_name (const char *name)
{
  static const struct { const char *name; int code; } codes[] = {
    { "PARSE", IIS_ERROR_PARSE },
    { "INVALID_VALUE", IIS_ERROR_INVALID_VALUE },
    { "DUPLICATE_ID", IIS_ERROR_DUPLICATE_ID },
    { "UNKNOWN_REFERENCE", IIS_ERROR_UNKNOWN_REFERENCE },
    { "TYPE_MISMATCH", IIS_ERROR_TYPE_MISMATCH },
    { "UNSUPPORTED_VERSION", IIS_ERROR_UNSUPPORTED_VERSION },
    { "LIMIT_EXCEEDED", IIS_ERROR_LIMIT_EXCEEDED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    if (g_str_equal (name, codes[i].name))
      return codes[i].code;
  g_error ("EXPECTED: unknown error code %s", name);
  return -1;
}

/* One field of a manifest line, moving @p past it and the spaces after. */
static char *
take_field (const char **p)
{
  gsize length = strcspn (*p, " ");
  char *field = g_strndup (*p, length);

  *p += length;
  *p += strspn (*p, " ");
  return field;
}

GPtrArray *
iis_test_read_bad_files (const char *folder)
{
  g_autofree char *relative = g_build_filename (folder, "EXPECTED", NULL);
  g_autofree char *path = iis_test_data_path (relative);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *cases = g_ptr_array_new_with_free_func (bad_file_free);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *p = lines[i];
      g_autofree char *code = NULL;
      IisTestBadFile *bad;

      if (*p == '#' || *p == '\0')
        continue;

      /* The file, the code, then the location: the rest of the line. */
      bad = g_new0 (IisTestBadFile, 1);
      bad->file = take_field (&p);
      code = take_field (&p);
      bad->code = error_code_from_name (code);
      bad->location = g_strdup (p);
      g_assert_cmpstr (bad->location, !=, "");
      g_ptr_array_add (cases, bad);
    }

  return cases;
}

void
iis_test_check_bad_files_listed (const char *folder,
                                 GPtrArray  *cases,
                                 guint       at_least)
{
  g_autofree char *dir_path = iis_test_data_path (folder);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);
  const char *name;
  guint n_files = 0;

  for (guint i = 0; i < cases->len; i++)
    {
      IisTestBadFile *bad = g_ptr_array_index (cases, i);

      g_assert_false (g_hash_table_contains (listed, bad->file));
      g_hash_table_add (listed, bad->file);
    }

  dir = g_dir_open (dir_path, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_equal (name, "EXPECTED"))
        continue;
      if (!g_hash_table_contains (listed, name))
        g_error ("%s/%s is not listed in %s/EXPECTED", folder, name, folder);
      n_files++;
    }

  g_assert_cmpuint (n_files, ==, cases->len);
  g_assert_cmpuint (n_files, >=, at_least);
}

void
iis_test_add_bad_file_tests (const char    *path_prefix,
                             GPtrArray     *cases,
                             GTestDataFunc  test_func)
{
  for (guint i = 0; i < cases->len; i++)
    {
      IisTestBadFile *bad = g_ptr_array_index (cases, i);
      g_autofree char *test_path = g_strdup_printf ("%s/%s", path_prefix, bad->file);

      g_test_add_data_func (test_path, bad, test_func);
    }
}
