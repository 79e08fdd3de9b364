/* iis-continuity.c: questions that follow a state's continuity
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "iis-answer-private.h"
#include "iis-continuity.h"
#include "iis-date-private.h"
#include "iis-entity-private.h"
#include "iis-state.h"

/* A state that continues another is the same legal person under another
 * name (Russia continues the USSR): what the other held, it holds. These
 * questions follow `continues` relations and nothing else: a successor
 * (`succeeds`) is a new legal person, admitted anew where it is a member.
 *
 * They are built on the public questions and on list_relations(), not on
 * the catalog's records: continuity chains are a handful of states, and
 * the questions look at the relations of the states asked about and of
 * their predecessors only. See docs/questions.md, "Continuity". */

/* How many `continues` steps a question follows: far more than history
 * has, and a guard against cycles a catalog may hold. */
#define MAX_CHAIN 64

/* The date from which @relation's subject holds its object's legal
 * personality: the start of the continuation, or else the day the
 * object ceased; NULL when neither is known. */
static const IisDate *
takeover_date (IisRelation *relation)
{
  const IisDate *start = iis_relation_get_start (relation);

  if (start != NULL)
    return start;
  return _iis_entity_get_ended (iis_relation_get_object (relation));
}

/* Whether the continuation @relation has certainly taken effect by @at
 * (YES), certainly not (NO), or that is open. */
static IisTruth
takeover_truth (IisRelation   *relation,
                const IisDate *at)
{
  const IisDate *date = takeover_date (relation);

  if (date == NULL)
    return IIS_TRUTH_UNKNOWN;
  return iis_period_get_truth_at (date, NULL, at);
}

static gboolean
is_continued (IisCatalog *self,
              IisEntity  *state)
{
  g_autoptr(GListModel) continuators =
    iis_catalog_list_relations (self, NULL, IIS_RELATION_KIND_CONTINUES, state);

  return g_list_model_get_n_items (continuators) > 0;
}

/**
 * iis_catalog_resolve_continuity:
 * @self: a catalog
 * @state: a state (any entity is accepted and returned as it is when
 *   it takes part in no continuation)
 * @at: (nullable): a date, or %NULL for "now": the end of the chain
 *
 * Finds the state that stands for the legal person of @state at @at,
 * following `continues` relations: for Russia in 1980 the USSR, for the
 * USSR in 2000 Russia. A continuation takes effect at its start, or
 * where it has none, when the continued state ceased; one whose date is
 * unknown is not followed.
 *
 * Returns: (transfer none): @state, or the state it continues or that
 *   continues it at @at
 *
 * Since: 1.1
 */
IisEntity *
iis_catalog_resolve_continuity (IisCatalog    *self,
                                IisEntity     *state,
                                const IisDate *at)
{
  IisEntity *current = state;
  guint steps = 0;

  g_return_val_if_fail (IIS_IS_CATALOG (self), NULL);
  g_return_val_if_fail (IIS_IS_ENTITY (state), NULL);

  if (!IIS_IS_STATE (state))
    return state;

  /* Up: a continuation that has not yet taken effect at @at leaves the
   * legal person with the state continued. */
  for (gboolean moved = TRUE; moved && at != NULL && steps < MAX_CHAIN; steps++)
    {
      g_autoptr(GListModel) up =
        iis_catalog_list_relations (self, current, IIS_RELATION_KIND_CONTINUES, NULL);

      moved = FALSE;
      for (guint i = 0; i < g_list_model_get_n_items (up) && !moved; i++)
        {
          g_autoptr(IisRelation) relation = g_list_model_get_item (up, i);

          if (takeover_truth (relation, at) == IIS_TRUTH_NO)
            {
              current = iis_relation_get_object (relation);
              moved = TRUE;
            }
        }
    }

  /* Down: one that has taken effect hands it on. */
  for (gboolean moved = TRUE; moved && steps < 2 * MAX_CHAIN; steps++)
    {
      g_autoptr(GListModel) down =
        iis_catalog_list_relations (self, NULL, IIS_RELATION_KIND_CONTINUES, current);

      moved = FALSE;
      for (guint i = 0; i < g_list_model_get_n_items (down) && !moved; i++)
        {
          g_autoptr(IisRelation) relation = g_list_model_get_item (down, i);

          if (at == NULL || takeover_truth (relation, at) == IIS_TRUTH_YES)
            {
              current = iis_relation_get_subject (relation);
              moved = TRUE;
            }
        }
    }
  return current;
}

/* The truth of a membership at @at by the usual rule (its period, the
 * organization's life, the member's life), except that the member's
 * ceasing does not end it when @carried: the legal person lives on in
 * the state that continues it. */
static IisTruth
membership_truth (IisRelation   *relation,
                  const IisDate *at,
                  gboolean       carried)
{
  IisTruth truth;
  const IisDate *ended;

  if (at == NULL)
    return IIS_TRUTH_YES;
  truth = iis_period_get_truth_at (iis_relation_get_start (relation),
                                   iis_relation_get_end (relation), at);
  ended = _iis_entity_get_ended (iis_relation_get_object (relation));
  if (ended != NULL)
    truth = _iis_truth_and (truth, iis_period_get_truth_at (NULL, ended, at));
  ended = _iis_entity_get_ended (iis_relation_get_subject (relation));
  if (ended != NULL && !carried)
    truth = _iis_truth_and (truth, iis_period_get_truth_at (NULL, ended, at));
  return truth;
}

typedef struct
{
  GObject *item;
  IisTruth truth;
} Found;

static int
compare_entity_found (gconstpointer a,
                      gconstpointer b)
{
  const Found *x = a, *y = b;
  int cmp = g_strcmp0 (iis_entity_get_id (IIS_ENTITY (x->item)),
                       iis_entity_get_id (IIS_ENTITY (y->item)));

  /* The certain finding of one entity first. */
  return cmp != 0 ? cmp : (int) y->truth - (int) x->truth;
}

static int
compare_relation_found (gconstpointer a,
                        gconstpointer b)
{
  IisRelation *x = IIS_RELATION (((const Found *) a)->item);
  IisRelation *y = IIS_RELATION (((const Found *) b)->item);
  const IisDate *xs = iis_relation_get_start (x), *ys = iis_relation_get_start (y);
  int cmp;

  cmp = g_strcmp0 (iis_entity_get_id (iis_relation_get_object (x)),
                   iis_entity_get_id (iis_relation_get_object (y)));
  if (cmp == 0 && (xs == NULL) != (ys == NULL))
    cmp = xs == NULL ? -1 : 1;
  if (cmp == 0 && xs != NULL)
    cmp = iis_date_compare (xs, ys);
  if (cmp == 0)
    cmp = g_strcmp0 (iis_entity_get_id (iis_relation_get_subject (x)),
                     iis_entity_get_id (iis_relation_get_subject (y)));
  if (cmp == 0)
    cmp = g_strcmp0 (iis_relation_get_role (x), iis_relation_get_role (y));
  return cmp;
}

/* An answer from findings sorted by @compare; with @unique, one item per
 * entity with the best truth it was found with. Takes the items. */
static GListModel *
found_to_answer (GArray       *found,
                 GType         item_type,
                 GCompareFunc  compare,
                 gboolean      unique)
{
  gpointer *items = g_new (gpointer, MAX (found->len, 1));
  guint8 *truths = g_new (guint8, MAX (found->len, 1));
  gboolean any_unknown = FALSE;
  guint n = 0;
  GListModel *answer;

  g_array_sort (found, compare);
  for (guint i = 0; i < found->len; i++)
    {
      Found *f = &g_array_index (found, Found, i);

      if (unique && n > 0 && items[n - 1] == (gpointer) f->item)
        {
          g_object_unref (f->item);
          continue;
        }
      items[n] = f->item;
      truths[n] = (guint8) f->truth;
      any_unknown |= f->truth == IIS_TRUTH_UNKNOWN;
      n++;
    }
  answer = _iis_answer_new_take (item_type, n > 0 ? items : NULL, n);
  if (n == 0)
    g_free (items);
  if (any_unknown)
    _iis_answer_set_truths_take (IIS_ANSWER (answer), truths);
  else
    g_free (truths);
  return answer;
}

/**
 * iis_catalog_get_members_continuous:
 * @self: a catalog
 * @organization: an organization
 * @role: (nullable): a role such as `"member"`, or %NULL for any role
 * @at: (nullable): a date, or %NULL for "at any time"
 * @mode: whether to answer with what certainly holds, or also with what
 *   possibly holds
 *
 * [method@Iis.Catalog.get_members_full], following continuity: each
 * legal person that holds a membership at @at appears once, as the state
 * that stands for it then ([method@Iis.Catalog.resolve_continuity]). The
 * UN's members in 1980 include the USSR and not Russia, although the UN
 * dates Russia's membership from 1945; in 2000 Russia and not the USSR.
 * A membership held by a state that ceased and is continued carries on
 * for the state that continues it until the membership ends; one held by
 * a state that ceased without a continuator ends when it ceased. With a
 * %NULL date each legal person appears as its latest continuator.
 *
 * Returns: (transfer full): a list of [class@Iis.Entity], sorted by id
 *
 * Since: 1.1
 */
GListModel *
iis_catalog_get_members_continuous (IisCatalog      *self,
                                    IisOrganization *organization,
                                    const char      *role,
                                    const IisDate   *at,
                                    IisQuestionMode  mode)
{
  g_autoptr(GListModel) relations = NULL;
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Found));
  guint n;

  g_return_val_if_fail (IIS_IS_CATALOG (self), NULL);
  g_return_val_if_fail (IIS_IS_ORGANIZATION (organization), NULL);

  relations = iis_catalog_list_relations (self, NULL, IIS_RELATION_KIND_MEMBER_OF,
                                          IIS_ENTITY (organization));
  n = g_list_model_get_n_items (relations);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IisRelation) relation = g_list_model_get_item (relations, i);
      IisEntity *member = iis_relation_get_subject (relation);
      IisTruth truth;
      Found f;

      if (role != NULL && g_strcmp0 (iis_relation_get_role (relation), role) != 0)
        continue;
      truth = membership_truth (relation, at,
                                IIS_IS_STATE (member) && is_continued (self, member));
      if (!_iis_truth_matches (truth, mode))
        continue;
      f.item = g_object_ref (G_OBJECT (iis_catalog_resolve_continuity (self, member, at)));
      f.truth = truth;
      g_array_append_val (found, f);
    }
  return found_to_answer (found, IIS_TYPE_ENTITY, compare_entity_found, TRUE);
}

/**
 * iis_catalog_get_memberships_continuous:
 * @self: a catalog
 * @member: a state or organization
 * @at: (nullable): a date, or %NULL for "at any time"
 * @mode: whether to answer with what certainly holds, or also with what
 *   possibly holds
 *
 * [method@Iis.Catalog.get_memberships_full], following continuity: the
 * `member-of` relations of @member and of every state it continues,
 * directly or through others, that hold at @at. A relation of a state
 * continued is judged by its own period and its organization's life, not
 * by that state's ceasing, since @member carries its legal personality:
 * Russia's memberships in 1980 are the USSR's. The relations keep their
 * subjects, so a caller tells them apart.
 *
 * Returns: (transfer full): a list of [class@Iis.Relation], sorted by
 *   organization id, then start
 *
 * Since: 1.1
 */
GListModel *
iis_catalog_get_memberships_continuous (IisCatalog      *self,
                                        IisEntity       *member,
                                        const IisDate   *at,
                                        IisQuestionMode  mode)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Found));
  g_autoptr(GPtrArray) chain = g_ptr_array_new ();

  g_return_val_if_fail (IIS_IS_CATALOG (self), NULL);
  g_return_val_if_fail (IIS_IS_ENTITY (member), NULL);

  /* @member and every state it continues, each once. */
  g_ptr_array_add (chain, member);
  for (guint c = 0; c < chain->len && chain->len < MAX_CHAIN; c++)
    {
      g_autoptr(GListModel) up =
        iis_catalog_list_relations (self, g_ptr_array_index (chain, c),
                                    IIS_RELATION_KIND_CONTINUES, NULL);

      for (guint i = 0; i < g_list_model_get_n_items (up); i++)
        {
          g_autoptr(IisRelation) relation = g_list_model_get_item (up, i);
          IisEntity *predecessor = iis_relation_get_object (relation);

          if (!g_ptr_array_find (chain, predecessor, NULL))
            g_ptr_array_add (chain, predecessor);
        }
    }

  for (guint c = 0; c < chain->len; c++)
    {
      g_autoptr(GListModel) relations =
        iis_catalog_list_relations (self, g_ptr_array_index (chain, c),
                                    IIS_RELATION_KIND_MEMBER_OF, NULL);
      guint n = g_list_model_get_n_items (relations);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(IisRelation) relation = g_list_model_get_item (relations, i);
          IisTruth truth = membership_truth (relation, at, c > 0);
          Found f;

          if (!_iis_truth_matches (truth, mode))
            continue;
          f.item = G_OBJECT (g_steal_pointer (&relation));
          f.truth = truth;
          g_array_append_val (found, f);
        }
    }
  return found_to_answer (found, IIS_TYPE_RELATION, compare_relation_found, FALSE);
}
