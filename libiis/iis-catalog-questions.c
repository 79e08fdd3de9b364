/* iis-catalog-questions.c: the catalog's questions
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "iis-catalog-store-private.h"

/* ------------------------------------------------------------------ */
/* Questions                                                          */

/* Whether the entity of a node has ceased to exist by @at. */
static inline gboolean
node_ended_by (IisCatalog *self,
               guint32     slot,
               guint32     at)
{
  guint32 ended = self->nodes[slot].ended;

  if (ended == IIS_DATE_PACKED_NONE)
    return FALSE;
  if (G_UNLIKELY (!IIS_DATE_PACKED_IS_EXACT (ended | at)))
    return _iis_date_packed_on_or_before (ended, at) != IIS_TRUTH_NO;
  return _iis_date_packed_compare_coarse (ended, at) <= 0;
}

/* Inlined into the questions' loops: with the period check inline too,
 * a relation of exact dates costs no call. */
G_ALWAYS_INLINE static inline gboolean
record_holds (IisCatalog   *self,
              const Record *rec,
              guint32       at)
{
  if (at == IIS_DATE_PACKED_NONE)
    return TRUE;
  if (!_iis_date_packed_period_holds (rec->start, rec->end, at))
    return FALSE;
  return !node_ended_by (self, rec->subject, at) && !node_ended_by (self, rec->object, at);
}

/* Walk the @kind range of one end's adjacency, collecting the other end
 * of each relation that holds at @at (and has role @role, when not 0). */
static void
collect_other_ends (IisCatalog      *self,
                    guint32          slot,
                    gboolean         in,
                    IisRelationKind  kind,
                    guint32          role,
                    gboolean         any_role,
                    guint32          at,
                    GArray          *out)
{
  Adjacency *adj = in ? &self->nodes[slot].in : &self->nodes[slot].out;
  guint32 begin, end, n;
  guint32 *found;

  kind_range (self, adj, kind, &begin, &end);
  if (begin == end)
    return;
  n = out->len;
  g_array_set_size (out, n + (end - begin));
  found = (guint32 *) (gpointer) out->data;

  if (any_role && at == IIS_DATE_PACKED_NONE)
    {
      /* Every relation of the kind counts: the keys have the other ends. */
      for (guint32 i = begin; i < end; i++)
        found[n++] = adj->entries[i].key & (MAX_NODES - 1);
    }
  else
    {
      for (guint32 i = begin; i < end; i++)
        {
          const Record *rec = &self->records[adj->entries[i].slot];

          /* The records of one end's relations are scattered: ask for
           * those a few steps ahead while this one is looked at. */
          if (i + 8 < end)
            IIS_PREFETCH (&self->records[adj->entries[i + 8].slot]);
          if (!any_role && rec->role != role)
            continue;
          if (!record_holds (self, rec, at))
            continue;
          found[n++] = in ? rec->subject : rec->object;
        }
    }
  g_array_set_size (out, n);
  g_atomic_pointer_add (&self->visited, end - begin);
}

static GListModel *
other_ends_model (IisCatalog      *self,
                  IisEntity       *entity,
                  gboolean         in,
                  IisRelationKind  kind,
                  const IisDate   *at)
{
  g_autoptr(GArray) slots = g_array_new (FALSE, FALSE, sizeof (guint32));

  if (entity_in_catalog (self, entity))
    collect_other_ends (self, _iis_entity_get_slot (entity), in, kind, 0, TRUE,
                        _iis_date_pack (at), slots);
  return entities_to_model (self, slots);
}

/**
 * iis_catalog_is_member:
 * @self: a catalog
 * @member: a state or organization
 * @organization: an organization
 * @at: (nullable): a date, or %NULL for "at any time"
 *
 * Answers whether @member holds a membership of @organization (in any
 * role) at @at. This looks only at the memberships between the two, so
 * its cost does not depend on the size of either.
 *
 * Returns: whether @member is a member of @organization at @at
 *
 * Since: 1.0
 */
gboolean
iis_catalog_is_member (IisCatalog      *self,
                       IisEntity       *member,
                       IisOrganization *organization,
                       const IisDate   *at)
{
  guint32 begin, end, packed_at, member_slot, organization_slot, other;
  Adjacency *adj, *out, *in;
  gboolean found = FALSE;
  gsize visited = 0;

  g_return_val_if_fail (IIS_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (IIS_IS_ENTITY (member), FALSE);
  g_return_val_if_fail (IIS_IS_ORGANIZATION (organization), FALSE);

  if (!entity_in_catalog (self, member) || !entity_in_catalog (self, IIS_ENTITY (organization)))
    return FALSE;

  /* The memberships between the two are in both ends' arrays: search the
   * shorter one (a state may have thousands of relations, an
   * organization a few dozen members, or the other way round). */
  member_slot = _iis_entity_get_slot (member);
  organization_slot = _iis_entity_get_slot ((IisEntity *) organization);
  out = &self->nodes[member_slot].out;
  in = &self->nodes[organization_slot].in;
  if (out->len <= in->len)
    {
      adj = out;
      other = organization_slot;
    }
  else
    {
      adj = in;
      other = member_slot;
    }
  packed_at = _iis_date_pack (at);
  adjacency_range (self, adj, IIS_RELATION_KIND_MEMBER_OF, other, &begin, &end);
  for (guint32 i = begin; i < end && !found; i++)
    found = record_holds (self, &self->records[adj->entries[i].slot], packed_at);
  visited = end - begin;

  g_atomic_pointer_add (&self->visited, visited);
  return found;
}

/**
 * iis_catalog_get_members:
 * @self: a catalog
 * @organization: an organization
 * @role: (nullable): a role such as `"member"` or `"observer"`, or %NULL
 *   for any role
 * @at: (nullable): a date, or %NULL for "at any time"
 *
 * Lists the entities that hold a `member-of` relation to @organization
 * with @role at @at.
 *
 * Returns: (transfer full): a list of [class@Iis.Entity], sorted by id
 *
 * Since: 1.0
 */
GListModel *
iis_catalog_get_members (IisCatalog      *self,
                         IisOrganization *organization,
                         const char      *role,
                         const IisDate   *at)
{
  g_autoptr(GArray) slots = NULL;

  g_return_val_if_fail (IIS_IS_CATALOG (self), NULL);
  g_return_val_if_fail (IIS_IS_ORGANIZATION (organization), NULL);

  slots = g_array_new (FALSE, FALSE, sizeof (guint32));
  if (entity_in_catalog (self, IIS_ENTITY (organization)))
    collect_other_ends (self, _iis_entity_get_slot (IIS_ENTITY (organization)), TRUE,
                        IIS_RELATION_KIND_MEMBER_OF, find_string (self, role), role == NULL,
                        _iis_date_pack (at), slots);
  return entities_to_model (self, slots);
}

/**
 * iis_catalog_get_memberships:
 * @self: a catalog
 * @member: a state or organization
 * @at: (nullable): a date, or %NULL for "at any time"
 *
 * Lists the `member-of` relations of @member that hold at @at, for
 * example Belarus's successive roles in the SCO.
 *
 * Returns: (transfer full): a list of [class@Iis.Relation], sorted by
 *   organization id, then start
 *
 * Since: 1.0
 */
GListModel *
iis_catalog_get_memberships (IisCatalog    *self,
                             IisEntity     *member,
                             const IisDate *at)
{
  g_autoptr(GArray) slots = NULL;

  g_return_val_if_fail (IIS_IS_CATALOG (self), NULL);
  g_return_val_if_fail (IIS_IS_ENTITY (member), NULL);

  slots = g_array_new (FALSE, FALSE, sizeof (guint32));
  if (entity_in_catalog (self, member))
    {
      Adjacency *adj = &self->nodes[_iis_entity_get_slot (member)].out;
      guint32 packed_at = _iis_date_pack (at);
      guint32 begin, end;

      kind_range (self, adj, IIS_RELATION_KIND_MEMBER_OF, &begin, &end);
      for (guint32 i = begin; i < end; i++)
        if (record_holds (self, &self->records[adj->entries[i].slot], packed_at))
          g_array_append_val (slots, adj->entries[i].slot);
      g_atomic_pointer_add (&self->visited, end - begin);
    }
  return relations_to_model (self, slots);
}

/**
 * iis_catalog_get_parties:
 * @self: a catalog
 * @agreement: an agreement
 * @at: (nullable): a date, or %NULL for "at any time"
 *
 * Lists the entities bound by @agreement at @at: those with a `party-to`
 * relation to it that holds then (from the entry into force for that
 * party until a denunciation or withdrawal).
 *
 * Returns: (transfer full): a list of [class@Iis.Entity], sorted by id
 *
 * Since: 1.0
 */
GListModel *
iis_catalog_get_parties (IisCatalog    *self,
                         IisAgreement  *agreement,
                         const IisDate *at)
{
  g_return_val_if_fail (IIS_IS_CATALOG (self), NULL);
  g_return_val_if_fail (IIS_IS_AGREEMENT (agreement), NULL);

  return other_ends_model (self, IIS_ENTITY (agreement), TRUE, IIS_RELATION_KIND_PARTY_TO, at);
}

/**
 * iis_catalog_get_signatories:
 * @self: a catalog
 * @agreement: an agreement
 *
 * Lists the entities that signed @agreement (with a `signatory-of`
 * relation), at any time.
 *
 * Returns: (transfer full): a list of [class@Iis.Entity], sorted by id
 *
 * Since: 1.0
 */
GListModel *
iis_catalog_get_signatories (IisCatalog   *self,
                             IisAgreement *agreement)
{
  g_return_val_if_fail (IIS_IS_CATALOG (self), NULL);
  g_return_val_if_fail (IIS_IS_AGREEMENT (agreement), NULL);

  return other_ends_model (self, IIS_ENTITY (agreement), TRUE, IIS_RELATION_KIND_SIGNATORY_OF, NULL);
}

/**
 * iis_catalog_get_agreements_of:
 * @self: a catalog
 * @party: a state or organization
 * @at: (nullable): a date, or %NULL for "at any time"
 *
 * Lists the agreements @party is bound by at @at (a `party-to` relation
 * that holds then).
 *
 * Returns: (transfer full): a list of [class@Iis.Agreement], sorted by id
 *
 * Since: 1.0
 */
GListModel *
iis_catalog_get_agreements_of (IisCatalog    *self,
                               IisEntity     *party,
                               const IisDate *at)
{
  g_return_val_if_fail (IIS_IS_CATALOG (self), NULL);
  g_return_val_if_fail (IIS_IS_ENTITY (party), NULL);

  return other_ends_model (self, party, FALSE, IIS_RELATION_KIND_PARTY_TO, at);
}

/* ------------------------------------------------------------------ */
/* Questions in a mode (since 1.1)                                    */

/* The truth of a record at @at: its period and both ends' lifetimes. */
static IisTruth
record_truth (IisCatalog   *self,
              const Record *rec,
              guint32       at)
{
  IisTruth truth;

  if (at == IIS_DATE_PACKED_NONE)
    return IIS_TRUTH_YES;
  truth = _iis_date_packed_period_truth (rec->start, rec->end, at);
  for (guint e = 0; e < 2 && truth != IIS_TRUTH_NO; e++)
    {
      guint32 ended = self->nodes[e == 0 ? rec->subject : rec->object].ended;

      if (ended != IIS_DATE_PACKED_NONE)
        truth = _iis_truth_and (truth, _iis_date_packed_period_truth (IIS_DATE_PACKED_NONE,
                                                                      ended, at));
    }
  return truth;
}

/* What a question in the possible mode finds: slots, and the truth of
 * each (YES or UNKNOWN), side by side. */
typedef struct
{
  GArray *slots;      /* guint32 */
  GArray *truths;     /* guint8 */
} Found;

static void
found_init (Found *found)
{
  found->slots = g_array_new (FALSE, FALSE, sizeof (guint32));
  found->truths = g_array_new (FALSE, FALSE, sizeof (guint8));
}

static void
found_clear (Found *found)
{
  g_clear_pointer (&found->slots, g_array_unref);
  g_clear_pointer (&found->truths, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Found, found_clear)

static void
found_add (Found    *found,
           guint32   slot,
           IisTruth  truth)
{
  guint8 t = (guint8) truth;

  g_array_append_val (found->slots, slot);
  g_array_append_val (found->truths, t);
}

/* collect_other_ends() in the possible mode: every relation of @kind
 * (and @role) at one end that certainly or possibly holds at @at. */
static void
collect_other_ends_possible (IisCatalog      *self,
                             guint32          slot,
                             gboolean         in,
                             IisRelationKind  kind,
                             guint32          role,
                             gboolean         any_role,
                             guint32          at,
                             Found           *out)
{
  Adjacency *adj = in ? &self->nodes[slot].in : &self->nodes[slot].out;
  guint32 begin, end;

  kind_range (self, adj, kind, &begin, &end);
  for (guint32 i = begin; i < end; i++)
    {
      const Record *rec = &self->records[adj->entries[i].slot];
      IisTruth truth;

      if (!any_role && rec->role != role)
        continue;
      truth = record_truth (self, rec, at);
      if (truth != IIS_TRUTH_NO)
        found_add (out, in ? rec->subject : rec->object, truth);
    }
  g_atomic_pointer_add (&self->visited, end - begin);
}

typedef struct
{
  guint32 rank;
  guint32 slot;
  guint8  truth;
} RankedFound;

static int
compare_ranked_found (gconstpointer a,
                      gconstpointer b)
{
  const RankedFound *x = a, *y = b;

  if (x->rank != y->rank)
    return x->rank < y->rank ? -1 : 1;
  /* The certain one of two findings of one entity first. */
  return (int) y->truth - (int) x->truth;
}

/* entities_to_model() for a possible-mode finding: sorted by id, each
 * entity once with the best truth it was found with. */
static GListModel *
entities_to_model_possible (IisCatalog *self,
                            Found      *found)
{
  g_autofree RankedFound *ranked = NULL;
  gpointer *items;
  guint8 *truths;
  guint n = 0, len = found->slots->len;
  gboolean any_unknown = FALSE;
  GListModel *answer;

  if (len == 0)
    return _iis_answer_new_take (IIS_TYPE_ENTITY, NULL, 0);

  ensure_ranks (self);
  ranked = g_new (RankedFound, len);
  for (guint i = 0; i < len; i++)
    {
      guint32 slot = g_array_index (found->slots, guint32, i);

      ranked[i] = (RankedFound) { self->ranks[slot], slot, g_array_index (found->truths, guint8, i) };
    }
  qsort (ranked, len, sizeof *ranked, compare_ranked_found);

  items = g_new (gpointer, len);
  truths = g_new (guint8, len);
  for (guint i = 0; i < len; i++)
    {
      if (i > 0 && ranked[i].slot == ranked[i - 1].slot)
        continue;
      items[n] = g_object_ref (node_entity (self, ranked[i].slot));
      truths[n] = ranked[i].truth;
      any_unknown |= truths[n] == IIS_TRUTH_UNKNOWN;
      n++;
    }
  answer = _iis_answer_new_take (IIS_TYPE_ENTITY, items, n);
  if (any_unknown)
    _iis_answer_set_truths_take (IIS_ANSWER (answer), truths);
  else
    g_free (truths);
  return answer;
}

/* relations_to_model() for a possible-mode finding of record slots. */
static GListModel *
relations_to_model_possible (IisCatalog *self,
                             Found      *found)
{
  g_autoptr(GHashTable) truth_of = g_hash_table_new (NULL, NULL);
  guint len = found->slots->len;
  gpointer *items;
  guint8 *truths;
  gboolean any_unknown = FALSE;
  GListModel *answer;

  if (len == 0)
    return _iis_answer_new_take (IIS_TYPE_RELATION, NULL, 0);

  for (guint i = 0; i < len; i++)
    g_hash_table_insert (truth_of, GUINT_TO_POINTER (g_array_index (found->slots, guint32, i) + 1),
                         GUINT_TO_POINTER ((guint) g_array_index (found->truths, guint8, i)));
  sort_relation_slots (self, (guint32 *) (gpointer) found->slots->data, len);
  items = g_new (gpointer, len);
  truths = g_new (guint8, len);
  for (guint i = 0; i < len; i++)
    {
      guint32 slot = g_array_index (found->slots, guint32, i);

      items[i] = relation_for_slot (self, slot);
      truths[i] = GPOINTER_TO_UINT (g_hash_table_lookup (truth_of, GUINT_TO_POINTER (slot + 1)));
      any_unknown |= truths[i] == IIS_TRUTH_UNKNOWN;
    }
  answer = _iis_answer_new_take (IIS_TYPE_RELATION, items, len);
  if (any_unknown)
    _iis_answer_set_truths_take (IIS_ANSWER (answer), truths);
  else
    g_free (truths);
  return answer;
}

static GListModel *
other_ends_model_possible (IisCatalog      *self,
                           IisEntity       *entity,
                           gboolean         in,
                           IisRelationKind  kind,
                           const char      *role,
                           const IisDate   *at)
{
  g_auto(Found) found = { 0 };

  found_init (&found);
  if (entity_in_catalog (self, entity))
    collect_other_ends_possible (self, _iis_entity_get_slot (entity), in, kind,
                                 find_string (self, role), role == NULL,
                                 _iis_date_pack (at), &found);
  return entities_to_model_possible (self, &found);
}

/**
 * iis_catalog_get_member_truth:
 * @self: a catalog
 * @member: a state or organization
 * @organization: an organization
 * @at: (nullable): a date, or %NULL for "at any time"
 *
 * Answers whether @member holds a membership of @organization (in any
 * role) at @at, in three values: %IIS_TRUTH_UNKNOWN when only inexact
 * dates (see [enum@Iis.Truth]) leave it open. With exact dates this is
 * [method@Iis.Catalog.is_member].
 *
 * Returns: whether @member is a member of @organization at @at
 *
 * Since: 1.1
 */
IisTruth
iis_catalog_get_member_truth (IisCatalog      *self,
                              IisEntity       *member,
                              IisOrganization *organization,
                              const IisDate   *at)
{
  guint32 begin, end, packed_at, other;
  Adjacency *adj;
  IisTruth best = IIS_TRUTH_NO;

  g_return_val_if_fail (IIS_IS_CATALOG (self), IIS_TRUTH_NO);
  g_return_val_if_fail (IIS_IS_ENTITY (member), IIS_TRUTH_NO);
  g_return_val_if_fail (IIS_IS_ORGANIZATION (organization), IIS_TRUTH_NO);

  if (!entity_in_catalog (self, member) || !entity_in_catalog (self, IIS_ENTITY (organization)))
    return IIS_TRUTH_NO;

  adj = &self->nodes[_iis_entity_get_slot (member)].out;
  other = _iis_entity_get_slot ((IisEntity *) organization);
  packed_at = _iis_date_pack (at);
  adjacency_range (self, adj, IIS_RELATION_KIND_MEMBER_OF, other, &begin, &end);
  for (guint32 i = begin; i < end && best != IIS_TRUTH_YES; i++)
    best = MAX (best, record_truth (self, &self->records[adj->entries[i].slot], packed_at));
  g_atomic_pointer_add (&self->visited, end - begin);
  return best;
}

/**
 * iis_catalog_get_members_full:
 * @self: a catalog
 * @organization: an organization
 * @role: (nullable): a role such as `"member"`, or %NULL for any role
 * @at: (nullable): a date, or %NULL for "at any time"
 * @mode: whether to answer with what certainly holds, or also with what
 *   possibly holds
 *
 * [method@Iis.Catalog.get_members] in a mode: with
 * %IIS_QUESTION_MODE_POSSIBLE the answer also lists the members whose
 * membership inexact dates leave open at @at, and
 * [method@Iis.Answer.get_truth] tells them apart.
 *
 * Returns: (transfer full): a list of [class@Iis.Entity], sorted by id
 *
 * Since: 1.1
 */
GListModel *
iis_catalog_get_members_full (IisCatalog      *self,
                              IisOrganization *organization,
                              const char      *role,
                              const IisDate   *at,
                              IisQuestionMode  mode)
{
  g_return_val_if_fail (IIS_IS_CATALOG (self), NULL);
  g_return_val_if_fail (IIS_IS_ORGANIZATION (organization), NULL);

  if (mode == IIS_QUESTION_MODE_CERTAIN)
    return iis_catalog_get_members (self, organization, role, at);
  return other_ends_model_possible (self, IIS_ENTITY (organization), TRUE,
                                    IIS_RELATION_KIND_MEMBER_OF, role, at);
}

/**
 * iis_catalog_get_memberships_full:
 * @self: a catalog
 * @member: a state or organization
 * @at: (nullable): a date, or %NULL for "at any time"
 * @mode: whether to answer with what certainly holds, or also with what
 *   possibly holds
 *
 * [method@Iis.Catalog.get_memberships] in a mode (see
 * [method@Iis.Catalog.get_members_full]).
 *
 * Returns: (transfer full): a list of [class@Iis.Relation], sorted by
 *   organization id, then start
 *
 * Since: 1.1
 */
GListModel *
iis_catalog_get_memberships_full (IisCatalog      *self,
                                  IisEntity       *member,
                                  const IisDate   *at,
                                  IisQuestionMode  mode)
{
  g_auto(Found) found = { 0 };

  g_return_val_if_fail (IIS_IS_CATALOG (self), NULL);
  g_return_val_if_fail (IIS_IS_ENTITY (member), NULL);

  if (mode == IIS_QUESTION_MODE_CERTAIN)
    return iis_catalog_get_memberships (self, member, at);

  found_init (&found);
  if (entity_in_catalog (self, member))
    {
      Adjacency *adj = &self->nodes[_iis_entity_get_slot (member)].out;
      guint32 packed_at = _iis_date_pack (at);
      guint32 begin, end;

      kind_range (self, adj, IIS_RELATION_KIND_MEMBER_OF, &begin, &end);
      for (guint32 i = begin; i < end; i++)
        {
          IisTruth truth = record_truth (self, &self->records[adj->entries[i].slot], packed_at);

          if (truth != IIS_TRUTH_NO)
            found_add (&found, adj->entries[i].slot, truth);
        }
      g_atomic_pointer_add (&self->visited, end - begin);
    }
  return relations_to_model_possible (self, &found);
}

/**
 * iis_catalog_get_parties_full:
 * @self: a catalog
 * @agreement: an agreement
 * @at: (nullable): a date, or %NULL for "at any time"
 * @mode: whether to answer with what certainly holds, or also with what
 *   possibly holds
 *
 * [method@Iis.Catalog.get_parties] in a mode (see
 * [method@Iis.Catalog.get_members_full]).
 *
 * Returns: (transfer full): a list of [class@Iis.Entity], sorted by id
 *
 * Since: 1.1
 */
GListModel *
iis_catalog_get_parties_full (IisCatalog      *self,
                              IisAgreement    *agreement,
                              const IisDate   *at,
                              IisQuestionMode  mode)
{
  g_return_val_if_fail (IIS_IS_CATALOG (self), NULL);
  g_return_val_if_fail (IIS_IS_AGREEMENT (agreement), NULL);

  if (mode == IIS_QUESTION_MODE_CERTAIN)
    return iis_catalog_get_parties (self, agreement, at);
  return other_ends_model_possible (self, IIS_ENTITY (agreement), TRUE,
                                    IIS_RELATION_KIND_PARTY_TO, NULL, at);
}

/**
 * iis_catalog_get_agreements_of_full:
 * @self: a catalog
 * @party: a state or organization
 * @at: (nullable): a date, or %NULL for "at any time"
 * @mode: whether to answer with what certainly holds, or also with what
 *   possibly holds
 *
 * [method@Iis.Catalog.get_agreements_of] in a mode (see
 * [method@Iis.Catalog.get_members_full]).
 *
 * Returns: (transfer full): a list of [class@Iis.Agreement], sorted by id
 *
 * Since: 1.1
 */
GListModel *
iis_catalog_get_agreements_of_full (IisCatalog      *self,
                                    IisEntity       *party,
                                    const IisDate   *at,
                                    IisQuestionMode  mode)
{
  g_return_val_if_fail (IIS_IS_CATALOG (self), NULL);
  g_return_val_if_fail (IIS_IS_ENTITY (party), NULL);

  if (mode == IIS_QUESTION_MODE_CERTAIN)
    return iis_catalog_get_agreements_of (self, party, at);
  return other_ends_model_possible (self, party, FALSE, IIS_RELATION_KIND_PARTY_TO, NULL, at);
}

/* Whether a forum takes place at @at: its first to last day meets @at at
 * the coarser precision; an undated forum always does. */
static IisTruth
forum_truth (IisForum *forum,
             guint32   at)
{
  guint32 start = _iis_date_pack (iis_forum_get_start (forum));
  guint32 end = _iis_date_pack (iis_forum_get_end (forum));
  IisTruth truth = IIS_TRUTH_YES;

  if (at == IIS_DATE_PACKED_NONE)
    return IIS_TRUTH_YES;
  if (end == IIS_DATE_PACKED_NONE)
    end = start;
  if (start != IIS_DATE_PACKED_NONE)
    truth = _iis_date_packed_on_or_before (start, at);
  if (end != IIS_DATE_PACKED_NONE)
    truth = _iis_truth_and (truth, _iis_date_packed_on_or_before (at, end));
  return truth;
}

/**
 * iis_catalog_get_forums_of_full:
 * @self: a catalog
 * @entity: a state or organization
 * @at: (nullable): a date, or %NULL for "at any time"
 * @mode: whether to answer with what certainly holds, or also with what
 *   possibly holds
 *
 * [method@Iis.Catalog.get_forums_of] in a mode (see
 * [method@Iis.Catalog.get_members_full]): a forum whose dates, or whose
 * relation's dates, are inexact possibly took place at @at.
 *
 * Returns: (transfer full): a list of [class@Iis.Forum], sorted by id
 *
 * Since: 1.1
 */
GListModel *
iis_catalog_get_forums_of_full (IisCatalog      *self,
                                IisEntity       *entity,
                                const IisDate   *at,
                                IisQuestionMode  mode)
{
  static const IisRelationKind kinds[] = {
    IIS_RELATION_KIND_ORGANIZER_OF,
    IIS_RELATION_KIND_HOST_OF,
    IIS_RELATION_KIND_PARTICIPANT_IN,
  };
  g_auto(Found) found = { 0 };
  guint32 packed_at;

  g_return_val_if_fail (IIS_IS_CATALOG (self), NULL);
  g_return_val_if_fail (IIS_IS_ENTITY (entity), NULL);

  if (mode == IIS_QUESTION_MODE_CERTAIN)
    return iis_catalog_get_forums_of (self, entity, at);

  found_init (&found);
  if (entity_in_catalog (self, entity))
    {
      packed_at = _iis_date_pack (at);
      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        collect_other_ends_possible (self, _iis_entity_get_slot (entity), FALSE, kinds[k],
                                     0, TRUE, packed_at, &found);
      for (guint i = 0; i < found.slots->len; )
        {
          IisEntity *forum = node_entity (self, g_array_index (found.slots, guint32, i));
          guint8 *truth = &g_array_index (found.truths, guint8, i);

          *truth = _iis_truth_and (*truth, forum_truth (IIS_FORUM (forum), packed_at));
          if (*truth == IIS_TRUTH_NO)
            {
              g_array_remove_index_fast (found.slots, i);
              g_array_remove_index_fast (found.truths, i);
            }
          else
            i++;
        }
    }
  return entities_to_model_possible (self, &found);
}

/* The node slots reachable from @start through part-of relations, in the
 * direction of the parts (@towards_parts) or of the wholes; @start itself
 * is never included, even when a cycle leads back to it. Cycle-safe. */
static void
part_of_closure (IisCatalog *self,
                 guint32     start,
                 gboolean    towards_parts,
                 gboolean    transitive,
                 GArray     *out)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) queue = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint head = 0;

  g_array_append_val (queue, start);
  g_hash_table_add (seen, GUINT_TO_POINTER (start + 1));

  while (head < queue->len)
    {
      guint32 slot = g_array_index (queue, guint32, head++);
      guint first = out->len;

      collect_other_ends (self, slot, towards_parts, IIS_RELATION_KIND_PART_OF,
                          0, TRUE, IIS_DATE_PACKED_NONE, out);

      for (guint i = first; i < out->len; )
        {
          guint32 other = g_array_index (out, guint32, i);

          if (!g_hash_table_add (seen, GUINT_TO_POINTER (other + 1)))
            {
              g_array_remove_index_fast (out, i);
              continue;
            }
          if (transitive)
            g_array_append_val (queue, other);
          i++;
        }
    }
}

/**
 * iis_catalog_get_agreements_addressing:
 * @self: a catalog
 * @category: a threat category
 * @include_narrower: whether to include the agreements that address a
 *   narrower category (one that is `part-of` @category, at any depth)
 *
 * Lists the agreements that address @category (an `addresses` relation),
 * and with @include_narrower those that address any category below it.
 * The walk down the hierarchy is safe against cycles.
 *
 * Returns: (transfer full): a list of [class@Iis.Agreement], sorted by id
 *
 * Since: 1.0
 */
GListModel *
iis_catalog_get_agreements_addressing (IisCatalog        *self,
                                       IisThreatCategory *category,
                                       gboolean           include_narrower)
{
  g_autoptr(GArray) categories = NULL;
  g_autoptr(GArray) slots = NULL;

  g_return_val_if_fail (IIS_IS_CATALOG (self), NULL);
  g_return_val_if_fail (IIS_IS_THREAT_CATEGORY (category), NULL);

  slots = g_array_new (FALSE, FALSE, sizeof (guint32));
  if (!entity_in_catalog (self, IIS_ENTITY (category)))
    return entities_to_model (self, slots);

  categories = g_array_new (FALSE, FALSE, sizeof (guint32));
  {
    guint32 root = _iis_entity_get_slot (IIS_ENTITY (category));

    g_array_append_val (categories, root);
    if (include_narrower)
      part_of_closure (self, root, TRUE, TRUE, categories);
  }

  for (guint i = 0; i < categories->len; i++)
    collect_other_ends (self, g_array_index (categories, guint32, i), TRUE,
                        IIS_RELATION_KIND_ADDRESSES, 0, TRUE, IIS_DATE_PACKED_NONE, slots);

  for (guint i = 0; i < slots->len; )
    {
      if (!IIS_IS_AGREEMENT (node_entity (self, g_array_index (slots, guint32, i))))
        g_array_remove_index_fast (slots, i);
      else
        i++;
    }
  return entities_to_model (self, slots);
}

/* Whether a forum takes place at @at: its days, first to last, meet @at
 * at the coarser precision. Unknown dates: unbounded; a forum with a
 * start and no end lasts one day. */
static gboolean
forum_meets (IisForum *forum,
             guint32   at)
{
  guint32 start = _iis_date_pack (iis_forum_get_start (forum));
  guint32 end = _iis_date_pack (iis_forum_get_end (forum));

  if (at == IIS_DATE_PACKED_NONE)
    return TRUE;
  if (G_UNLIKELY (!IIS_DATE_PACKED_IS_EXACT (start | end | at)))
    return forum_truth (forum, at) == IIS_TRUTH_YES;
  if (end == IIS_DATE_PACKED_NONE)
    end = start;
  if (start != IIS_DATE_PACKED_NONE && _iis_date_packed_compare_coarse (start, at) > 0)
    return FALSE;
  if (end != IIS_DATE_PACKED_NONE && _iis_date_packed_compare_coarse (end, at) < 0)
    return FALSE;
  return TRUE;
}

/**
 * iis_catalog_get_forums_of:
 * @self: a catalog
 * @entity: a state or organization
 * @at: (nullable): a date, or %NULL for "at any time"
 *
 * Lists the forums @entity organized, hosted or took part in
 * (`organizer-of`, `host-of`, `participant-in`). With a date, only the
 * forums that took place then (their first to last day meets @at at the
 * coarser precision; undated forums always do) and whose relation holds
 * then.
 *
 * Returns: (transfer full): a list of [class@Iis.Forum], sorted by id
 *
 * Since: 1.0
 */
GListModel *
iis_catalog_get_forums_of (IisCatalog    *self,
                           IisEntity     *entity,
                           const IisDate *at)
{
  static const IisRelationKind kinds[] = {
    IIS_RELATION_KIND_ORGANIZER_OF,
    IIS_RELATION_KIND_HOST_OF,
    IIS_RELATION_KIND_PARTICIPANT_IN,
  };
  g_autoptr(GArray) slots = NULL;
  guint32 packed_at;

  g_return_val_if_fail (IIS_IS_CATALOG (self), NULL);
  g_return_val_if_fail (IIS_IS_ENTITY (entity), NULL);

  slots = g_array_new (FALSE, FALSE, sizeof (guint32));
  if (!entity_in_catalog (self, entity))
    return entities_to_model (self, slots);

  packed_at = _iis_date_pack (at);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    collect_other_ends (self, _iis_entity_get_slot (entity), FALSE, kinds[k],
                        0, TRUE, packed_at, slots);

  for (guint i = 0; i < slots->len; )
    {
      IisEntity *forum = node_entity (self, g_array_index (slots, guint32, i));

      if (!forum_meets (IIS_FORUM (forum), packed_at))
        g_array_remove_index_fast (slots, i);
      else
        i++;
    }
  return entities_to_model (self, slots);
}

/**
 * iis_catalog_get_parts:
 * @self: a catalog
 * @whole: an entity
 * @transitive: whether to include the parts of parts, at any depth
 *
 * Lists the entities that are `part-of` @whole: the bodies of an
 * organization, the editions of a forum series, the narrower categories
 * of a threat category. Safe against cycles.
 *
 * Returns: (transfer full): a list of [class@Iis.Entity], sorted by id
 *
 * Since: 1.0
 */
GListModel *
iis_catalog_get_parts (IisCatalog *self,
                       IisEntity  *whole,
                       gboolean    transitive)
{
  g_autoptr(GArray) slots = NULL;

  g_return_val_if_fail (IIS_IS_CATALOG (self), NULL);
  g_return_val_if_fail (IIS_IS_ENTITY (whole), NULL);

  slots = g_array_new (FALSE, FALSE, sizeof (guint32));
  if (entity_in_catalog (self, whole))
    part_of_closure (self, _iis_entity_get_slot (whole), TRUE, transitive, slots);
  return entities_to_model (self, slots);
}

/**
 * iis_catalog_get_wholes:
 * @self: a catalog
 * @part: an entity
 * @transitive: whether to include the wholes of wholes, at any depth
 *
 * Lists the entities @part is `part-of`: the organization a body belongs
 * to, the series of a forum edition, the broader categories of a threat
 * category. Safe against cycles.
 *
 * Returns: (transfer full): a list of [class@Iis.Entity], sorted by id
 *
 * Since: 1.0
 */
GListModel *
iis_catalog_get_wholes (IisCatalog *self,
                        IisEntity  *part,
                        gboolean    transitive)
{
  g_autoptr(GArray) slots = NULL;

  g_return_val_if_fail (IIS_IS_CATALOG (self), NULL);
  g_return_val_if_fail (IIS_IS_ENTITY (part), NULL);

  slots = g_array_new (FALSE, FALSE, sizeof (guint32));
  if (entity_in_catalog (self, part))
    part_of_closure (self, _iis_entity_get_slot (part), FALSE, transitive, slots);
  return entities_to_model (self, slots);
}

/**
 * iis_catalog_get_related:
 * @self: a catalog
 * @entity: an entity
 * @kind: a relation kind, or %IIS_RELATION_KIND_ANY
 * @reverse: %FALSE to follow relations whose subject is @entity (to their
 *   objects), %TRUE to follow those whose object is @entity (to their
 *   subjects)
 * @at: (nullable): a date, or %NULL for "at any time"
 *
 * Lists the entities at the other end of @entity's relations of @kind
 * that hold at @at. The general form of the other questions.
 *
 * Returns: (transfer full): a list of [class@Iis.Entity], sorted by id
 *
 * Since: 1.0
 */
GListModel *
iis_catalog_get_related (IisCatalog      *self,
                         IisEntity       *entity,
                         IisRelationKind  kind,
                         gboolean         reverse,
                         const IisDate   *at)
{
  g_return_val_if_fail (IIS_IS_CATALOG (self), NULL);
  g_return_val_if_fail (IIS_IS_ENTITY (entity), NULL);

  return other_ends_model (self, entity, reverse, kind, at);
}

void
_iis_catalog_collect_related (IisCatalog      *self,
                              IisEntity       *entity,
                              IisRelationKind  kind,
                              gboolean         reverse,
                              const char      *role,
                              const IisDate   *at,
                              GPtrArray       *out)
{
  g_autoptr(GArray) slots = g_array_new (FALSE, FALSE, sizeof (guint32));

  if (!entity_in_catalog (self, entity))
    return;
  collect_other_ends (self, _iis_entity_get_slot (entity), reverse, kind,
                      find_string (self, role), role == NULL, _iis_date_pack (at), slots);
  for (guint i = 0; i < slots->len; i++)
    g_ptr_array_add (out, node_entity (self, g_array_index (slots, guint32, i)));
}

void
_iis_catalog_collect_related_full (IisCatalog      *self,
                                   IisEntity       *entity,
                                   IisRelationKind  kind,
                                   gboolean         reverse,
                                   const char      *role,
                                   const IisDate   *at,
                                   IisQuestionMode  mode,
                                   GPtrArray       *out,
                                   GArray          *truths)
{
  g_auto(Found) found = { 0 };

  if (mode == IIS_QUESTION_MODE_CERTAIN)
    {
      guint first = out->len;

      _iis_catalog_collect_related (self, entity, kind, reverse, role, at, out);
      for (guint i = first; i < out->len; i++)
        {
          guint8 yes = IIS_TRUTH_YES;

          g_array_append_val (truths, yes);
        }
      return;
    }

  if (!entity_in_catalog (self, entity))
    return;
  found_init (&found);
  collect_other_ends_possible (self, _iis_entity_get_slot (entity), reverse, kind,
                               find_string (self, role), role == NULL, _iis_date_pack (at), &found);
  for (guint i = 0; i < found.slots->len; i++)
    {
      g_ptr_array_add (out, node_entity (self, g_array_index (found.slots, guint32, i)));
      g_array_append_val (truths, g_array_index (found.truths, guint8, i));
    }
}
