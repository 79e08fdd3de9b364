/* test-scale.c: a million relations; questions cost what their answers
 * touch, not what the catalog holds
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <malloc.h>

#include <libiis/iis.h>

#include "iis-catalog-debug-private.h"
#include "iis-date-private.h"
#include "iis-stage-private.h"
#include "iis-test-util.h"

static const char *roles[] = { "member", "observer", "dialogue-partner", "associate" };

static void
stage_entity (IisStage  *stage,
              IisEntity *entity)
{
  g_autoptr(GError) error = NULL;

  _iis_stage_add_entity (stage, entity, NULL, &error);
  g_assert_no_error (error);
  g_object_unref (entity);
}

static void
stage_relation (IisStage        *stage,
                IisRelationKind  kind,
                const char      *subject,
                const char      *object,
                const char      *role,
                guint32          start,
                guint32          end,
                const char      *deposit)
{
  g_autoptr(GError) error = NULL;
  const char *qualifiers[] = { "deposit", deposit, NULL };

  _iis_stage_add_relation (stage, kind, subject, object, role, start, end,
                           IIS_CONFIDENCE_HIGH, deposit ? qualifiers : NULL, NULL, 0,
                           NULL, &error);
  g_assert_no_error (error);
}

static guint32
packed (guint year,
        guint month,
        guint day)
{
  IisDate d = { year, month, day };

  return _iis_date_pack (&d);
}

/* A catalog of @n_relations relations: 200 filler states, n/100 filler
 * organizations, n/50 filler agreements, filler memberships and treaty
 * actions spread over them; and a fixed "probe" neighbourhood that is the
 * same whatever @n_relations is: state P, organization "probe" with 60
 * members, 25 agreements P is party to, a threat hierarchy three levels
 * deep. */
static IisCatalog *
build (guint n_relations)
{
  IisCatalog *catalog = iis_catalog_new ();
  IisStage *stage = _iis_stage_new (IIS_LOAD_FLAGS_NONE);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260601);
  guint n_states = 200, n_orgs = MAX (n_relations / 100, 10), n_agreements = MAX (n_relations / 50, 10);
  guint probe_relations = 0;
  g_autoptr(GError) error = NULL;
  char a[32], b[32], c[32];

  for (guint i = 0; i < n_states; i++)
    {
      g_snprintf (a, sizeof a, "S%03u", i);
      stage_entity (stage, IIS_ENTITY (iis_state_new (a, a)));
    }
  for (guint i = 0; i < n_orgs; i++)
    {
      g_snprintf (a, sizeof a, "org-%u", i);
      stage_entity (stage, IIS_ENTITY (iis_organization_new (a, a)));
    }
  for (guint i = 0; i < n_agreements; i++)
    {
      g_snprintf (a, sizeof a, "agr-%u", i);
      stage_entity (stage, IIS_ENTITY (iis_agreement_new (a, a)));
    }

  /* The probe neighbourhood. */
  stage_entity (stage, IIS_ENTITY (iis_state_new ("P", "Probe state")));
  stage_entity (stage, IIS_ENTITY (iis_organization_new ("probe", "Probe organization")));
  stage_entity (stage, IIS_ENTITY (iis_threat_category_new ("t0", "Root")));
  for (guint i = 0; i < 60; i++)
    {
      g_snprintf (a, sizeof a, "PM%02u", i);
      stage_entity (stage, IIS_ENTITY (iis_state_new (a, a)));
      stage_relation (stage, IIS_RELATION_KIND_MEMBER_OF, a, "probe", roles[i % 2],
                      packed (2000 + i % 20, 1 + i % 12, 1), i % 3 ? 0 : packed (2021, 0, 0), NULL);
      probe_relations++;
    }
  stage_relation (stage, IIS_RELATION_KIND_MEMBER_OF, "P", "probe", "member",
                  packed (2001, 6, 15), 0, NULL);
  probe_relations++;
  for (guint i = 0; i < 25; i++)
    {
      g_snprintf (a, sizeof a, "p-agr-%u", i);
      g_snprintf (b, sizeof b, "t1-%u", i % 5);
      g_snprintf (c, sizeof c, "t2-%u", i);
      stage_entity (stage, IIS_ENTITY (iis_agreement_new (a, a)));
      stage_entity (stage, IIS_ENTITY (iis_threat_category_new (c, c)));
      if (i < 5)
        {
          stage_entity (stage, IIS_ENTITY (iis_threat_category_new (b, b)));
          stage_relation (stage, IIS_RELATION_KIND_PART_OF, b, "t0", NULL, 0, 0, NULL);
          probe_relations++;
        }
      stage_relation (stage, IIS_RELATION_KIND_PART_OF, c, b, NULL, 0, 0, NULL);
      stage_relation (stage, IIS_RELATION_KIND_PARTY_TO, "P", a, "ratification",
                      packed (2005 + i % 10, 3, 1), 0, "2004-12-01");
      stage_relation (stage, IIS_RELATION_KIND_ADDRESSES, a, c, NULL, 0, 0, NULL);
      probe_relations += 3;
    }

  /* Filler, up to n_relations in all. */
  for (guint i = probe_relations; i < n_relations; i++)
    {
      guint pick = g_rand_int_range (rand, 0, 100);
      guint year = g_rand_int_range (rand, 1992, 2025);

      g_snprintf (a, sizeof a, "S%03u", g_rand_int_range (rand, 0, n_states));
      if (pick < 45)
        {
          g_snprintf (b, sizeof b, "org-%u", g_rand_int_range (rand, 0, n_orgs));
          stage_relation (stage, IIS_RELATION_KIND_MEMBER_OF, a, b,
                          roles[g_rand_int_range (rand, 0, G_N_ELEMENTS (roles))],
                          packed (year, g_rand_int_range (rand, 0, 13), 0),
                          pick < 10 ? packed (year + 3, 0, 0) : 0, NULL);
        }
      else if (pick < 70)
        {
          g_snprintf (b, sizeof b, "agr-%u", g_rand_int_range (rand, 0, n_agreements));
          stage_relation (stage, IIS_RELATION_KIND_SIGNATORY_OF, a, b, NULL,
                          packed (year, 1 + g_rand_int_range (rand, 0, 12), 1 + g_rand_int_range (rand, 0, 28)),
                          0, NULL);
        }
      else
        {
          g_snprintf (b, sizeof b, "agr-%u", g_rand_int_range (rand, 0, n_agreements));
          g_snprintf (c, sizeof c, "%u-%02u-%02u", year, 1 + g_rand_int_range (rand, 0, 12),
                      1 + g_rand_int_range (rand, 0, 28));
          stage_relation (stage, IIS_RELATION_KIND_PARTY_TO, a, b,
                          pick < 90 ? "ratification" : "accession",
                          packed (year + 1, 0, 0), 0, c);
        }
    }

  _iis_stage_resolve (stage, catalog, &error);
  g_assert_no_error (error);
  _iis_stage_commit (stage, catalog);
  _iis_stage_free (stage);
  _iis_catalog_shrink (catalog);

  g_assert_cmpuint (iis_catalog_get_n_relations (catalog), ==, n_relations);
  return catalog;
}

typedef struct
{
  guint64 members;
  guint64 point;
  guint64 agreements_of;
  guint64 addressing;
  guint   n_members;
  guint   n_agreements;
  guint   n_addressing;
} Costs;

static guint64
visited (IisCatalog *catalog)
{
  IisCatalogStats stats;

  _iis_catalog_get_stats (catalog, &stats);
  return stats.visited;
}

/* Ask the probe questions, recording how many records each looked at. */
static void
ask (IisCatalog *catalog,
     Costs      *costs)
{
  IisEntity *p = iis_catalog_lookup (catalog, "P");
  IisOrganization *probe = IIS_ORGANIZATION (iis_catalog_lookup (catalog, "probe"));
  IisThreatCategory *root = IIS_THREAT_CATEGORY (iis_catalog_lookup (catalog, "t0"));
  g_autoptr(IisDate) at = iis_date_new (2018, 1, 1);
  guint64 before;

  /* Warm up the lazy indexes first: sorting happens once, not per question. */
  g_object_unref (iis_catalog_get_members (catalog, probe, NULL, at));
  g_object_unref (iis_catalog_get_agreements_of (catalog, p, at));
  g_object_unref (iis_catalog_get_agreements_addressing (catalog, root, TRUE));

  before = visited (catalog);
  {
    g_autoptr(GListModel) m = iis_catalog_get_members (catalog, probe, "member", at);

    costs->n_members = g_list_model_get_n_items (m);
  }
  costs->members = visited (catalog) - before;

  before = visited (catalog);
  g_assert_true (iis_catalog_is_member (catalog, p, probe, at));
  costs->point = visited (catalog) - before;

  before = visited (catalog);
  {
    g_autoptr(GListModel) m = iis_catalog_get_agreements_of (catalog, p, at);

    costs->n_agreements = g_list_model_get_n_items (m);
  }
  costs->agreements_of = visited (catalog) - before;

  before = visited (catalog);
  {
    g_autoptr(GListModel) m = iis_catalog_get_agreements_addressing (catalog, root, TRUE);

    costs->n_addressing = g_list_model_get_n_items (m);
  }
  costs->addressing = visited (catalog) - before;
}

static gsize
heap_in_use (void)
{
  struct mallinfo2 info = mallinfo2 ();

  return info.uordblks + info.hblkhd;
}

static void
test_question_cost_is_flat (void)
{
  guint sizes[] = { 10000, 1000000 };
  Costs costs[2] = { { 0 } };

  if (!g_test_slow () && g_getenv ("IIS_TEST_SCALE_SMALL") != NULL)
    sizes[1] = 100000;

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      gsize heap_before = heap_in_use ();
      g_autoptr(IisCatalog) catalog = build (sizes[i]);
      gsize heap_after = heap_in_use ();
      IisCatalogStats stats;
      gsize held;

      ask (catalog, &costs[i]);
      _iis_catalog_get_stats (catalog, &stats);
      held = stats.record_bytes + stats.index_bytes + stats.extra_bytes + stats.string_bytes;
      g_test_message ("%u relations: storage %.1f bytes/relation "
                      "(records %.1f, indexes %.1f, extra %.1f, strings %.1f); "
                      "heap growth %.1f bytes/relation (entities included); "
                      "visited: members %" G_GUINT64_FORMAT ", point %" G_GUINT64_FORMAT
                      ", agreements-of %" G_GUINT64_FORMAT ", addressing %" G_GUINT64_FORMAT,
                      sizes[i], (double) held / sizes[i],
                      (double) stats.record_bytes / sizes[i],
                      (double) stats.index_bytes / sizes[i],
                      (double) stats.extra_bytes / sizes[i],
                      (double) stats.string_bytes / sizes[i],
                      (double) (heap_after - heap_before) / sizes[i],
                      costs[i].members, costs[i].point, costs[i].agreements_of,
                      costs[i].addressing);

      /* The storage stays under 64 bytes a relation at a million (28
       * for the record, 16 for its two keyed index entries, the rest for
       * extra words, strings and nodes); in a small catalog the strings
       * and nodes weigh more. */
      g_assert_cmpfloat ((double) held / sizes[i], <, sizes[i] >= 1000000 ? 64.0 : 80.0);
    }

  /* Same answers, same work, a hundred times more relations. */
  g_assert_cmpuint (costs[0].n_members, ==, costs[1].n_members);
  g_assert_cmpuint (costs[0].n_agreements, ==, costs[1].n_agreements);
  g_assert_cmpuint (costs[0].n_addressing, ==, costs[1].n_addressing);
  g_assert_cmpuint (costs[0].n_agreements, ==, 25);
  g_assert_cmpuint (costs[0].n_addressing, ==, 25);
  g_assert_cmpuint (costs[0].members, ==, costs[1].members);
  g_assert_cmpuint (costs[0].point, ==, costs[1].point);
  g_assert_cmpuint (costs[0].agreements_of, ==, costs[1].agreements_of);
  g_assert_cmpuint (costs[0].addressing, ==, costs[1].addressing);
  g_assert_cmpuint (costs[1].members, <=, 61);
  g_assert_cmpuint (costs[1].point, <=, 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/iis/scale/question-cost-is-flat", test_question_cost_is_flat);

  return g_test_run ();
}
