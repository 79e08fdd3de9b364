/* iis-test-util.c: small helpers shared by the C test suites
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

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
