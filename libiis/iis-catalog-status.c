/* iis-catalog-status.c: treaty actions: a party's status, the research
 * questions on top of it, and their checks
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * Treaty actions are relations (docs/model.md, "Treaty actions"), so this
 * file reads them through the catalog's public API: the relations between
 * one party and one agreement are few, and a status is decided from them
 * alone. The rules are written out in docs/questions.md.
 */

#include "config.h"

#include <string.h>

#include "iis-answer-private.h"
#include "iis-date-private.h"
#include "iis-enum-types.h"
#include "iis-error.h"
#include "iis-organization.h"
#include "iis-party-status-private.h"
#include "iis-problem.h"
#include "iis-relation-private.h"
#include "iis-state.h"

/* The relations between one party and one agreement, by kind. Borrowed
 * from @all, which owns them. */
typedef struct
{
  IisEntity *party;           /* borrowed from the catalog */
  GPtrArray *all;
  GPtrArray *signatures;
  GPtrArray *consents;        /* consented-to, and definitive signatures */
  GPtrArray *provisional;
  GPtrArray *parties;         /* party-to */
  GPtrArray *statements;      /* reservation-to, declaration-to */
  GPtrArray *objections;
  GPtrArray *denunciations;
} Actions;

static void
actions_init (Actions   *a,
              IisEntity *party)
{
  a->party = party;
  a->all = g_ptr_array_new_with_free_func (g_object_unref);
  a->signatures = g_ptr_array_new ();
  a->consents = g_ptr_array_new ();
  a->provisional = g_ptr_array_new ();
  a->parties = g_ptr_array_new ();
  a->statements = g_ptr_array_new ();
  a->objections = g_ptr_array_new ();
  a->denunciations = g_ptr_array_new ();
}

static void
actions_clear (Actions *a)
{
  g_ptr_array_unref (a->signatures);
  g_ptr_array_unref (a->consents);
  g_ptr_array_unref (a->provisional);
  g_ptr_array_unref (a->parties);
  g_ptr_array_unref (a->statements);
  g_ptr_array_unref (a->objections);
  g_ptr_array_unref (a->denunciations);
  g_ptr_array_unref (a->all);
}

static Actions *
actions_new (IisEntity *party)
{
  Actions *a = g_new0 (Actions, 1);

  actions_init (a, party);
  return a;
}

static void
actions_free (gpointer data)
{
  actions_clear (data);
  g_free (data);
}

static gboolean
is_action_kind (IisRelationKind kind)
{
  switch (kind)
    {
    case IIS_RELATION_KIND_SIGNATORY_OF:
    case IIS_RELATION_KIND_PARTY_TO:
    case IIS_RELATION_KIND_CONSENTED_TO:
    case IIS_RELATION_KIND_PROVISIONALLY_APPLIES:
    case IIS_RELATION_KIND_RESERVATION_TO:
    case IIS_RELATION_KIND_DECLARATION_TO:
    case IIS_RELATION_KIND_OBJECTION_TO:
    case IIS_RELATION_KIND_DENOUNCED:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Sorts @relation (a new reference, taken) into @a. */
static void
actions_add (Actions     *a,
             IisRelation *relation)
{
  IisRelationKind kind = iis_relation_get_kind (relation);

  if (!is_action_kind (kind))
    {
      g_object_unref (relation);
      return;
    }

  g_ptr_array_add (a->all, relation);
  switch (kind)
    {
    case IIS_RELATION_KIND_SIGNATORY_OF:
      g_ptr_array_add (a->signatures, relation);
      /* A definitive signature is a consent to be bound. */
      if (g_strcmp0 (iis_relation_get_role (relation), "definitive") == 0)
        g_ptr_array_add (a->consents, relation);
      break;
    case IIS_RELATION_KIND_PARTY_TO:
      g_ptr_array_add (a->parties, relation);
      break;
    case IIS_RELATION_KIND_CONSENTED_TO:
      g_ptr_array_add (a->consents, relation);
      break;
    case IIS_RELATION_KIND_PROVISIONALLY_APPLIES:
      g_ptr_array_add (a->provisional, relation);
      break;
    case IIS_RELATION_KIND_RESERVATION_TO:
    case IIS_RELATION_KIND_DECLARATION_TO:
      g_ptr_array_add (a->statements, relation);
      break;
    case IIS_RELATION_KIND_OBJECTION_TO:
      g_ptr_array_add (a->objections, relation);
      break;
    case IIS_RELATION_KIND_DENOUNCED:
      g_ptr_array_add (a->denunciations, relation);
      break;
    default:
      g_assert_not_reached ();
    }
}

static const IisRelationKind action_kinds[] = {
  IIS_RELATION_KIND_SIGNATORY_OF,
  IIS_RELATION_KIND_PARTY_TO,
  IIS_RELATION_KIND_CONSENTED_TO,
  IIS_RELATION_KIND_PROVISIONALLY_APPLIES,
  IIS_RELATION_KIND_RESERVATION_TO,
  IIS_RELATION_KIND_DECLARATION_TO,
  IIS_RELATION_KIND_OBJECTION_TO,
  IIS_RELATION_KIND_DENOUNCED,
};

/* One question per kind: the catalog finds a (subject, kind, object)
 * range by a binary search, where a wildcard kind would walk all of a
 * state's relations (thousands of recorded votes). */
static void
actions_collect (Actions      *a,
                 IisCatalog   *catalog,
                 IisEntity    *party,
                 IisAgreement *agreement)
{
  for (guint k = 0; k < G_N_ELEMENTS (action_kinds); k++)
    {
      g_autoptr(GListModel) relations =
        iis_catalog_list_relations (catalog, party, action_kinds[k], IIS_ENTITY (agreement));
      guint n = g_list_model_get_n_items (relations);

      for (guint i = 0; i < n; i++)
        actions_add (a, g_list_model_get_item (relations, i));
    }
}

/* ---- Dates ------------------------------------------------------------ */

/* Whether @date certainly came on or before @at: a NULL date (not
 * known) counts as long past, as a relation with no start holds from
 * the beginning. */
static gboolean
reached (const IisDate *date,
         const IisDate *at)
{
  return date == NULL || iis_period_get_truth_at (date, NULL, at) == IIS_TRUTH_YES;
}

/* Whether @date is known and certainly came on or before @at. */
static gboolean
reached_known (const IisDate *date,
               const IisDate *at)
{
  return date != NULL && reached (date, at);
}

static gboolean
relation_started (IisRelation   *relation,
                  const IisDate *at)
{
  return reached (iis_relation_get_start (relation), at);
}

static gboolean
relation_ended (IisRelation   *relation,
                const IisDate *at)
{
  return reached_known (iis_relation_get_end (relation), at);
}

static gboolean
relation_holds (IisRelation   *relation,
                const IisDate *at)
{
  return relation_started (relation, at) && !relation_ended (relation, at);
}

/* A qualifier that holds a date, or NULL when it is missing or does not
 * parse (iis_catalog_validate() reports that). */
static IisDate *
qualifier_date (IisRelation *relation,
                const char  *key)
{
  const char *text = iis_relation_get_qualifier (relation, key);

  return text != NULL ? iis_date_parse (text, NULL) : NULL;
}

static gboolean
in_force (IisAgreement  *agreement,
          const IisDate *at)
{
  return reached_known (iis_agreement_get_entry_into_force (agreement), at)
         && !reached_known (iis_agreement_get_terminated (agreement), at);
}

/* Dates strictly in order, @a before @b, when both are exact enough to
 * say so: an inexact date (EDTF) never makes a problem. */
static gboolean
certainly_before (const IisDate *a,
                  const IisDate *b)
{
  return a != NULL && b != NULL && iis_date_is_exact (a) && iis_date_is_exact (b)
         && iis_date_compare_coarse (a, b) < 0;
}

/* @a before @b whatever dates an inexact one stands for: even the
 * latest @a may be comes before the earliest @b may be, at the coarser
 * precision (`2004` is not before `2004-07-01`, `199X` is before
 * `2004~`). Unknown dates never make a problem. */
static gboolean
certainly_earlier (const IisDate *a,
                   const IisDate *b)
{
  return a != NULL && b != NULL
         && _iis_date_packed_on_or_before (_iis_date_pack (b), _iis_date_pack (a)) == IIS_TRUTH_NO;
}

/* ---- A party's status ----------------------------------------------- */

/* Whether the party came back after a denunciation that took effect at
 * @effective: a consent or a party-to that begins at or after it and by
 * @at (Greece and the European Convention on Human Rights). */
static gboolean
reentered (Actions       *a,
           const IisDate *effective,
           const IisDate *at)
{
  for (guint i = 0; i < a->consents->len; i++)
    {
      IisRelation *c = g_ptr_array_index (a->consents, i);
      const IisDate *start = iis_relation_get_start (c);

      if (start != NULL && iis_date_compare_coarse (start, effective) >= 0 && reached (start, at))
        return TRUE;
    }
  for (guint i = 0; i < a->parties->len; i++)
    {
      IisRelation *p = g_ptr_array_index (a->parties, i);
      const IisDate *start = iis_relation_get_start (p);

      if (start != NULL && iis_date_compare_coarse (start, effective) >= 0 && reached (start, at))
        return TRUE;
    }
  return FALSE;
}

/* The latest of @relations that began by @at and satisfies @test (NULL:
 * any), or NULL. */
static IisRelation *
latest (GPtrArray     *relations,
        const IisDate *at,
        gboolean     (*test) (IisRelation *, const IisDate *))
{
  IisRelation *best = NULL;

  for (guint i = 0; i < relations->len; i++)
    {
      IisRelation *r = g_ptr_array_index (relations, i);

      if (!relation_started (r, at) || (test != NULL && !test (r, at)))
        continue;
      if (best == NULL
          || iis_date_compare (iis_relation_get_start (r), iis_relation_get_start (best)) > 0)
        best = r;
    }
  return best;
}

static gboolean
is_succession (IisRelation *relation)
{
  return g_strcmp0 (iis_relation_get_role (relation), "succession") == 0;
}

static gboolean
succeeded (Actions *a)
{
  for (guint i = 0; i < a->consents->len; i++)
    if (is_succession (g_ptr_array_index (a->consents, i)))
      return TRUE;
  return FALSE;
}

static IisPartyStatusKind
decide (Actions       *a,
        IisAgreement  *agreement,
        const IisDate *at,
        GPtrArray     *decided_by)
{
  IisRelation *denunciation = latest (a->denunciations, at, NULL);
  IisRelation *party = latest (a->parties, at, relation_holds);
  IisRelation *consent = latest (a->consents, at, relation_holds);
  IisRelation *withdrawn = latest (a->consents, at, relation_ended);
  IisRelation *provisional = latest (a->provisional, at, relation_holds);
  IisRelation *left = latest (a->parties, at, relation_ended);
  IisRelation *signature = latest (a->signatures, at, NULL);
  gboolean any_consent_started = latest (a->consents, at, NULL) != NULL;

  if (denunciation != NULL)
    {
      g_autoptr(IisDate) effective = qualifier_date (denunciation, "effective");

      if (effective == NULL || !reached (effective, at))
        {
          g_ptr_array_add (decided_by, denunciation);
          if (party != NULL)
            g_ptr_array_add (decided_by, party);
          return IIS_PARTY_STATUS_KIND_DENUNCIATION_PENDING;
        }
      if (!reentered (a, effective, at))
        {
          g_ptr_array_add (decided_by, denunciation);
          return IIS_PARTY_STATUS_KIND_DENOUNCED;
        }
    }

  /* A party-to that holds binds, once the consent (when one is
   * recorded) was given: a party-to whose start is not known says
   * nothing of the years before the consent. A successor is bound from
   * the day it took over its international relations, which comes
   * before its notification of succession. */
  if (party != NULL && (a->consents->len == 0 || any_consent_started || succeeded (a)))
    {
      g_ptr_array_add (decided_by, party);
      if (consent != NULL)
        g_ptr_array_add (decided_by, consent);
      return IIS_PARTY_STATUS_KIND_BOUND;
    }

  if (provisional != NULL)
    {
      g_ptr_array_add (decided_by, provisional);
      if (consent != NULL)
        g_ptr_array_add (decided_by, consent);
      return IIS_PARTY_STATUS_KIND_PROVISIONALLY_APPLYING;
    }

  if (consent != NULL)
    {
      g_ptr_array_add (decided_by, consent);
      /* Without a party-to relation, the party is taken as bound from
       * the later of its consent and the agreement's entry into force. */
      if (a->parties->len == 0 && in_force (agreement, at))
        return IIS_PARTY_STATUS_KIND_BOUND;
      return IIS_PARTY_STATUS_KIND_CONSENTED;
    }

  /* Catalogs that record only party-to: the deposit qualifier dates the
   * consent before the entry into force for the party. */
  if (a->consents->len == 0)
    for (guint i = 0; i < a->parties->len; i++)
      {
        IisRelation *p = g_ptr_array_index (a->parties, i);
        g_autoptr(IisDate) deposit = qualifier_date (p, "deposit");

        if (reached_known (deposit, at) && !relation_started (p, at))
          {
            g_ptr_array_add (decided_by, p);
            return IIS_PARTY_STATUS_KIND_CONSENTED;
          }
      }

  if (withdrawn != NULL)
    {
      g_ptr_array_add (decided_by, withdrawn);
      return IIS_PARTY_STATUS_KIND_CONSENT_WITHDRAWN;
    }

  if (left != NULL)
    {
      g_ptr_array_add (decided_by, left);
      return IIS_PARTY_STATUS_KIND_DENOUNCED;
    }

  if (signature != NULL)
    {
      g_ptr_array_add (decided_by, signature);
      return IIS_PARTY_STATUS_KIND_SIGNED;
    }

  return IIS_PARTY_STATUS_KIND_NOT_SIGNED;
}

static IisDate *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return iis_date_new (g_date_time_get_year (now), g_date_time_get_month (now),
                       g_date_time_get_day_of_month (now));
}

static IisPartyStatus *
status_from (Actions       *a,
             IisAgreement  *agreement,
             const IisDate *at)
{
  g_autoptr(GPtrArray) decided_by = g_ptr_array_new ();
  g_autoptr(GPtrArray) reservations = g_ptr_array_new ();
  IisPartyStatusKind kind = decide (a, agreement, at, decided_by);

  if (kind == IIS_PARTY_STATUS_KIND_CONSENTED
      || kind == IIS_PARTY_STATUS_KIND_PROVISIONALLY_APPLYING
      || iis_party_status_kind_is_bound (kind))
    for (guint i = 0; i < a->statements->len; i++)
      {
        IisRelation *r = g_ptr_array_index (a->statements, i);

        if (relation_holds (r, at))
          g_ptr_array_add (reservations, r);
      }

  return _iis_party_status_new (a->party, agreement, at, kind, reservations, decided_by);
}

static IisPartyStatus *
status_of (IisCatalog    *catalog,
           IisAgreement  *agreement,
           IisEntity     *party,
           const IisDate *at)
{
  IisPartyStatus *status;
  Actions a;

  actions_init (&a, party);
  actions_collect (&a, catalog, party, agreement);
  status = status_from (&a, agreement, at);
  actions_clear (&a);
  return status;
}

static gboolean
is_actor (IisEntity *entity)
{
  return IIS_IS_STATE (entity) || IIS_IS_ORGANIZATION (entity);
}

/**
 * iis_catalog_get_party_status:
 * @self: a catalog
 * @agreement: an agreement
 * @party: a state or organization
 * @at: (nullable): a date, or %NULL for today
 * @error: return location for a #GError
 *
 * Derives where @party stands with @agreement at @at from the treaty
 * actions the catalog records between them: signature (`signatory-of`),
 * consent (`consented-to`, or a `signatory-of` of role `definitive`),
 * provisional application, entry into force for the party (`party-to`),
 * denunciation (`denounced`, with its `effective` date) and a withdrawn
 * consent. A catalog that records only `signatory-of` and `party-to`
 * still answers: the `deposit` qualifier of a `party-to` relation dates
 * the consent. docs/questions.md sets the rules out in full.
 *
 * Fails with %IIS_ERROR_UNKNOWN_REFERENCE when @agreement or @party is
 * not in the catalog, and %IIS_ERROR_TYPE_MISMATCH when @party is
 * neither a state nor an organization.
 *
 * Returns: (transfer full): the status, or %NULL with @error set
 *
 * Since: 1.1
 */
IisPartyStatus *
iis_catalog_get_party_status (IisCatalog     *self,
                              IisAgreement   *agreement,
                              IisEntity      *party,
                              const IisDate  *at,
                              GError        **error)
{
  g_autoptr(IisDate) now = NULL;
  const char *ids[2];

  g_return_val_if_fail (IIS_IS_CATALOG (self), NULL);
  g_return_val_if_fail (IIS_IS_AGREEMENT (agreement), NULL);
  g_return_val_if_fail (IIS_IS_ENTITY (party), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  ids[0] = iis_entity_get_id (IIS_ENTITY (agreement));
  ids[1] = iis_entity_get_id (party);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    if (iis_catalog_lookup (self, ids[i]) != (i == 0 ? IIS_ENTITY (agreement) : party))
      {
        g_set_error (error, IIS_ERROR, IIS_ERROR_UNKNOWN_REFERENCE,
                     "“%s” is not in the catalog", ids[i]);
        return NULL;
      }
  if (!is_actor (party))
    {
      g_set_error (error, IIS_ERROR, IIS_ERROR_TYPE_MISMATCH,
                   "“%s” is a %s; only a state or an organization has a status with an agreement",
                   ids[1], G_OBJECT_TYPE_NAME (party));
      return NULL;
    }

  if (at == NULL)
    at = now = today ();
  return status_of (self, agreement, party, at);
}

static int
compare_actions (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (iis_entity_get_id ((*(Actions **) a)->party),
                 iis_entity_get_id ((*(Actions **) b)->party));
}

/* The treaty actions on @agreement, one Actions for each state or
 * organization, sorted by its id. One question per action kind over
 * the agreement's relations, so an agreement's recorded votes are never
 * made into relation objects. */
static GPtrArray *
group_actions (IisCatalog   *self,
               IisAgreement *agreement)
{
  g_autoptr(GHashTable) by_party = g_hash_table_new (NULL, NULL);
  GPtrArray *groups = g_ptr_array_new_with_free_func (actions_free);

  for (guint k = 0; k < G_N_ELEMENTS (action_kinds); k++)
    {
      g_autoptr(GListModel) relations =
        iis_catalog_list_relations (self, NULL, action_kinds[k], IIS_ENTITY (agreement));
      guint n = g_list_model_get_n_items (relations);

      for (guint i = 0; i < n; i++)
        {
          IisRelation *relation = g_list_model_get_item (relations, i);
          IisEntity *subject = iis_relation_get_subject (relation);
          Actions *a = g_hash_table_lookup (by_party, subject);

          if (a == NULL)
            {
              a = actions_new (subject);
              g_hash_table_insert (by_party, subject, a);
              g_ptr_array_add (groups, a);
            }
          actions_add (a, relation);
        }
    }
  g_ptr_array_sort (groups, compare_actions);
  return groups;
}

/**
 * iis_catalog_get_party_statuses:
 * @self: a catalog
 * @agreement: an agreement
 * @at: (nullable): a date, or %NULL for today
 *
 * The status of every state or organization that has a treaty action on
 * @agreement (any of `signatory-of`, `consented-to`,
 * `provisionally-applies`, `party-to`, `reservation-to`,
 * `declaration-to`, `objection-to`, `denounced`), at @at, as
 * [method@Iis.Catalog.get_party_status] gives it. Those whose actions
 * all come later are listed as %IIS_PARTY_STATUS_KIND_NOT_SIGNED.
 *
 * Returns: (transfer full): a list of [class@Iis.PartyStatus], sorted by
 *   the party's id
 *
 * Since: 1.1
 */
GListModel *
iis_catalog_get_party_statuses (IisCatalog    *self,
                                IisAgreement  *agreement,
                                const IisDate *at)
{
  g_autoptr(IisDate) now = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  gpointer *items;
  guint n;

  g_return_val_if_fail (IIS_IS_CATALOG (self), NULL);
  g_return_val_if_fail (IIS_IS_AGREEMENT (agreement), NULL);

  if (at == NULL)
    at = now = today ();
  groups = group_actions (self, agreement);
  n = groups->len;
  items = n > 0 ? g_new (gpointer, n) : NULL;
  for (guint i = 0; i < n; i++)
    items[i] = status_from (g_ptr_array_index (groups, i), agreement, at);
  return _iis_answer_new_take (IIS_TYPE_PARTY_STATUS, items, n);
}

/* ---- Research questions ------------------------------------------- */

static GListModel *
parties_or_members (IisCatalog    *self,
                    IisEntity     *entity,
                    const IisDate *at)
{
  if (IIS_IS_AGREEMENT (entity))
    return iis_catalog_get_parties (self, IIS_AGREEMENT (entity), at);
  return iis_catalog_get_members (self, IIS_ORGANIZATION (entity), NULL, at);
}

static GListModel *
entities_model (GPtrArray *entities)
{
  guint n = entities->len;
  gpointer *items = n > 0 ? g_new (gpointer, n) : NULL;

  for (guint i = 0; i < n; i++)
    items[i] = g_object_ref (g_ptr_array_index (entities, i));
  return _iis_answer_new_take (IIS_TYPE_ENTITY, items, n);
}

/**
 * iis_catalog_compare_parties:
 * @self: a catalog
 * @a: an agreement or an organization
 * @b: an agreement or an organization
 * @at: (nullable): a date, or %NULL for "at any time"
 * @both: (out) (optional) (transfer full): the entities in both
 * @only_a: (out) (optional) (transfer full): those only in @a
 * @only_b: (out) (optional) (transfer full): those only in @b
 *
 * Compares the parties of two agreements, the members of two
 * organizations (any role), or the parties of an agreement with the
 * members of an organization, at @at: the parties and members are those
 * of [method@Iis.Catalog.get_parties] and [method@Iis.Catalog.get_members].
 * Each list is of [class@Iis.Entity], sorted by id.
 *
 * Since: 1.1
 */
void
iis_catalog_compare_parties (IisCatalog     *self,
                             IisEntity      *a,
                             IisEntity      *b,
                             const IisDate  *at,
                             GListModel    **both,
                             GListModel    **only_a,
                             GListModel    **only_b)
{
  g_autoptr(GListModel) in_a = NULL;
  g_autoptr(GListModel) in_b = NULL;
  GPtrArray *sets[3];
  guint i = 0, j = 0, na, nb;

  g_return_if_fail (IIS_IS_CATALOG (self));
  g_return_if_fail (IIS_IS_AGREEMENT (a) || IIS_IS_ORGANIZATION (a));
  g_return_if_fail (IIS_IS_AGREEMENT (b) || IIS_IS_ORGANIZATION (b));

  in_a = parties_or_members (self, a, at);
  in_b = parties_or_members (self, b, at);
  na = g_list_model_get_n_items (in_a);
  nb = g_list_model_get_n_items (in_b);
  for (guint k = 0; k < 3; k++)
    sets[k] = g_ptr_array_new_with_free_func (g_object_unref);

  /* Both lists are sorted by id: one merge. */
  while (i < na || j < nb)
    {
      g_autoptr(IisEntity) x = i < na ? g_list_model_get_item (in_a, i) : NULL;
      g_autoptr(IisEntity) y = j < nb ? g_list_model_get_item (in_b, j) : NULL;
      int order = x == NULL ? 1 : y == NULL ? -1
                  : strcmp (iis_entity_get_id (x), iis_entity_get_id (y));

      if (order == 0)
        {
          g_ptr_array_add (sets[0], g_steal_pointer (&x));
          i++, j++;
        }
      else if (order < 0)
        {
          g_ptr_array_add (sets[1], g_steal_pointer (&x));
          i++;
        }
      else
        {
          g_ptr_array_add (sets[2], g_steal_pointer (&y));
          j++;
        }
    }

  if (both != NULL)
    *both = entities_model (sets[0]);
  if (only_a != NULL)
    *only_a = entities_model (sets[1]);
  if (only_b != NULL)
    *only_b = entities_model (sets[2]);
  for (guint k = 0; k < 3; k++)
    g_ptr_array_unref (sets[k]);
}

/**
 * iis_catalog_get_signatories_never_bound:
 * @self: a catalog
 * @agreement: an agreement
 * @at: (nullable): a date, or %NULL for today
 *
 * Lists the entities that had signed @agreement by @at but had not been
 * bound by it up to @at: their status at @at (see
 * [method@Iis.Catalog.get_party_status]) is signed, consented (not yet in
 * force), provisionally applying or consent withdrawn. A party that was
 * bound and left is denounced, so it is not listed.
 *
 * Returns: (transfer full): a list of [class@Iis.Entity], sorted by id
 *
 * Since: 1.1
 */
GListModel *
iis_catalog_get_signatories_never_bound (IisCatalog    *self,
                                         IisAgreement  *agreement,
                                         const IisDate *at)
{
  g_autoptr(IisDate) now = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  g_return_val_if_fail (IIS_IS_CATALOG (self), NULL);
  g_return_val_if_fail (IIS_IS_AGREEMENT (agreement), NULL);

  if (at == NULL)
    at = now = today ();
  groups = group_actions (self, agreement);
  for (guint i = 0; i < groups->len; i++)
    {
      Actions *a = g_ptr_array_index (groups, i);
      g_autoptr(IisPartyStatus) status = NULL;
      IisPartyStatusKind kind;

      if (latest (a->signatures, at, NULL) == NULL)
        continue;
      status = status_from (a, agreement, at);
      kind = iis_party_status_get_kind (status);
      if (kind == IIS_PARTY_STATUS_KIND_SIGNED
          || kind == IIS_PARTY_STATUS_KIND_CONSENTED
          || kind == IIS_PARTY_STATUS_KIND_PROVISIONALLY_APPLYING
          || kind == IIS_PARTY_STATUS_KIND_CONSENT_WITHDRAWN)
        g_ptr_array_add (found, a->party);
    }
  return entities_model (found);
}

static int
compare_panel_rows (gconstpointer a,
                    gconstpointer b)
{
  IisPartyStatus *x = *(IisPartyStatus **) a;
  IisPartyStatus *y = *(IisPartyStatus **) b;
  int order = strcmp (iis_entity_get_id (iis_party_status_get_party (x)),
                      iis_entity_get_id (iis_party_status_get_party (y)));

  if (order == 0)
    order = iis_date_compare (iis_party_status_get_date (x), iis_party_status_get_date (y));
  if (order == 0)
    order = strcmp (iis_entity_get_id (IIS_ENTITY (iis_party_status_get_agreement (x))),
                    iis_entity_get_id (IIS_ENTITY (iis_party_status_get_agreement (y))));
  return order;
}

/* @agreement alone, or every agreement of the catalog (by id) when it is
 * NULL. */
static GListModel *
one_or_every_agreement (IisCatalog   *self,
                        IisAgreement *agreement)
{
  GListStore *one;

  if (agreement == NULL)
    return iis_catalog_list_entities (self, IIS_TYPE_AGREEMENT);
  one = g_list_store_new (IIS_TYPE_AGREEMENT);
  g_list_store_append (one, agreement);
  return G_LIST_MODEL (one);
}

/**
 * iis_catalog_get_panel:
 * @self: a catalog
 * @agreement: (nullable): one agreement, or %NULL for every agreement
 * @first_year: the first year, from 1 to 9999
 * @last_year: the last year, from @first_year to 9999
 *
 * The state-year panel of treaty research: for each state or
 * organization, each year from @first_year to @last_year and each
 * agreement (or only @agreement), a row when the party is bound by the
 * agreement in that year. A row is the party's [class@Iis.PartyStatus]
 * at the year (a date known to the year:
 * %IIS_PARTY_STATUS_KIND_BOUND or
 * %IIS_PARTY_STATUS_KIND_DENUNCIATION_PENDING), decided by the rules of
 * [method@Iis.Catalog.get_party_status] at the precision of a year, as
 * [method@Iis.Catalog.get_parties] answers at a year: bound once its
 * entry into force has come in or before the year, and not once a
 * denunciation took effect in or before it. The rows list the relations
 * that decided them, not the reservations.
 *
 * Returns: (transfer full): a list of [class@Iis.PartyStatus], by party
 *   id, year and agreement id
 *
 * Since: 1.1
 */
GListModel *
iis_catalog_get_panel (IisCatalog   *self,
                       IisAgreement *agreement,
                       guint         first_year,
                       guint         last_year)
{
  g_autoptr(GListModel) agreements = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  guint n_agreements, n;
  gpointer *items;

  g_return_val_if_fail (IIS_IS_CATALOG (self), NULL);
  g_return_val_if_fail (agreement == NULL || IIS_IS_AGREEMENT (agreement), NULL);
  g_return_val_if_fail (first_year >= 1 && first_year <= last_year && last_year <= 9999, NULL);

  agreements = one_or_every_agreement (self, agreement);
  n_agreements = g_list_model_get_n_items (agreements);

  for (guint i = 0; i < n_agreements; i++)
    {
      g_autoptr(IisAgreement) a = g_list_model_get_item (agreements, i);
      g_autoptr(GPtrArray) groups = group_actions (self, a);

      for (guint j = 0; j < groups->len; j++)
        {
          Actions *acts = g_ptr_array_index (groups, j);
          g_autoptr(GPtrArray) decided_by = g_ptr_array_new ();

          for (guint year = first_year; year <= last_year; year++)
            {
              g_autoptr(IisDate) at = iis_date_new (year, 0, 0);
              IisPartyStatusKind kind;

              g_ptr_array_set_size (decided_by, 0);
              kind = decide (acts, a, at, decided_by);
              if (iis_party_status_kind_is_bound (kind))
                g_ptr_array_add (rows, _iis_party_status_new (acts->party, a, at, kind, NULL, decided_by));
            }
        }
    }

  g_ptr_array_sort (rows, compare_panel_rows);
  n = rows->len;
  items = (gpointer *) g_ptr_array_free (g_steal_pointer (&rows), n == 0);
  return _iis_answer_new_take (IIS_TYPE_PARTY_STATUS, items, n);
}

/**
 * iis_catalog_get_dyads:
 * @self: a catalog
 * @agreement: (nullable): one agreement, or %NULL for every agreement
 * @at: (nullable): a date, or %NULL for today
 *
 * The dyad table of treaty research: for each agreement (or only
 * @agreement), each pair of states or organizations both bound by it at
 * @at. A party is bound when its status at @at (see
 * [method@Iis.Catalog.get_party_statuses]) is
 * %IIS_PARTY_STATUS_KIND_BOUND or
 * %IIS_PARTY_STATUS_KIND_DENUNCIATION_PENDING. Each pair is listed once,
 * the party with the smaller id first; an agreement with n parties bound
 * gives n × (n − 1) / 2 rows.
 *
 * Returns: (transfer full): a list of [class@Iis.Dyad], by agreement id,
 *   then the first party's id, then the second's
 *
 * Since: 1.1
 */
GListModel *
iis_catalog_get_dyads (IisCatalog    *self,
                       IisAgreement  *agreement,
                       const IisDate *at)
{
  g_autoptr(IisDate) now = NULL;
  g_autoptr(GListModel) agreements = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) bound = g_ptr_array_new ();
  g_autoptr(GPtrArray) decided_by = g_ptr_array_new ();
  guint n_agreements, n;
  gpointer *items;

  g_return_val_if_fail (IIS_IS_CATALOG (self), NULL);
  g_return_val_if_fail (agreement == NULL || IIS_IS_AGREEMENT (agreement), NULL);

  if (at == NULL)
    at = now = today ();
  agreements = one_or_every_agreement (self, agreement);
  n_agreements = g_list_model_get_n_items (agreements);

  /* The agreements come by id and each one's groups by party id, so the
   * rows are made in their order and need no sort. */
  for (guint i = 0; i < n_agreements; i++)
    {
      g_autoptr(IisAgreement) a = g_list_model_get_item (agreements, i);
      g_autoptr(GPtrArray) groups = group_actions (self, a);

      g_ptr_array_set_size (bound, 0);
      for (guint j = 0; j < groups->len; j++)
        {
          Actions *acts = g_ptr_array_index (groups, j);

          g_ptr_array_set_size (decided_by, 0);
          if (iis_party_status_kind_is_bound (decide (acts, a, at, decided_by)))
            g_ptr_array_add (bound, acts->party);
        }
      for (guint j = 0; j < bound->len; j++)
        for (guint k = j + 1; k < bound->len; k++)
          g_ptr_array_add (rows, _iis_dyad_new (g_ptr_array_index (bound, j),
                                                g_ptr_array_index (bound, k), a, at));
    }

  n = rows->len;
  items = (gpointer *) g_ptr_array_free (g_steal_pointer (&rows), n == 0);
  return _iis_answer_new_take (IIS_TYPE_DYAD, items, n);
}

/* Whether @list, article numbers separated by commas ("24, 27"), holds
 * @article. */
static gboolean
article_in (const char *list,
            const char *article)
{
  g_auto(GStrv) parts = NULL;

  if (list == NULL)
    return FALSE;
  parts = g_strsplit (list, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (g_str_equal (g_strstrip (parts[i]), article))
      return TRUE;
  return FALSE;
}

/**
 * iis_catalog_get_reservations:
 * @self: a catalog
 * @agreement: an agreement
 * @kind: %IIS_RELATION_KIND_RESERVATION_TO, %IIS_RELATION_KIND_DECLARATION_TO,
 *   %IIS_RELATION_KIND_OBJECTION_TO, or %IIS_RELATION_KIND_ANY for all three
 * @article: (nullable): only those to this article (as written in the
 *   `article` qualifier, which may list several separated by commas), or
 *   %NULL for any
 * @at: (nullable): only those in effect at this date (made and not
 *   withdrawn), or %NULL for "at any time"
 *
 * Lists the reservations, declarations or objections made to @agreement:
 * which parties made reservations to the Budapest Convention, and to
 * which article. The subject of each relation is the party; its
 * qualifiers hold the `article` and the `text`.
 *
 * Returns: (transfer full): a list of [class@Iis.Relation], by party id
 *   and start
 *
 * Since: 1.1
 */
GListModel *
iis_catalog_get_reservations (IisCatalog      *self,
                              IisAgreement    *agreement,
                              IisRelationKind  kind,
                              const char      *article,
                              const IisDate   *at)
{
  g_autoptr(GListModel) relations = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  gpointer *items;
  guint n;

  g_return_val_if_fail (IIS_IS_CATALOG (self), NULL);
  g_return_val_if_fail (IIS_IS_AGREEMENT (agreement), NULL);
  g_return_val_if_fail (kind == IIS_RELATION_KIND_ANY
                        || kind == IIS_RELATION_KIND_RESERVATION_TO
                        || kind == IIS_RELATION_KIND_DECLARATION_TO
                        || kind == IIS_RELATION_KIND_OBJECTION_TO, NULL);

  relations = iis_catalog_list_relations (self, NULL, kind, IIS_ENTITY (agreement));
  n = g_list_model_get_n_items (relations);
  for (guint i = 0; i < n; i++)
    {
      IisRelation *relation = g_list_model_get_item (relations, i);
      IisRelationKind k = iis_relation_get_kind (relation);

      if ((k == IIS_RELATION_KIND_RESERVATION_TO || k == IIS_RELATION_KIND_DECLARATION_TO
           || k == IIS_RELATION_KIND_OBJECTION_TO)
          && (article == NULL || article_in (iis_relation_get_qualifier (relation, "article"), article))
          && (at == NULL || relation_holds (relation, at)))
        g_ptr_array_add (found, relation);
      else
        g_object_unref (relation);
    }

  n = found->len;
  items = (gpointer *) g_ptr_array_free (g_steal_pointer (&found), n == 0);
  return _iis_answer_new_take (IIS_TYPE_RELATION, items, n);
}

/* ---- Validation ------------------------------------------------------ */

/* The roles a treaty action's kind knows (iis_relation_kind_get_known_roles()),
 * or NULL for the other kinds, whose roles the lint checks as warnings
 * (iis-catalog-lint.c). */
static const char * const *
known_roles (IisRelationKind kind)
{
  return _iis_relation_kind_is_action (kind) ? iis_relation_kind_get_known_roles (kind) : NULL;
}

static char *
describe (IisRelation *relation)
{
  const char *role = iis_relation_get_role (relation);
  g_autofree char *start = iis_relation_get_start (relation) != NULL
                           ? iis_date_to_string (iis_relation_get_start (relation)) : NULL;

  return g_strdup_printf ("%s “%s” → “%s”%s%s%s%s%s",
                          iis_relation_kind_to_nick (iis_relation_get_kind (relation)),
                          iis_entity_get_id (iis_relation_get_subject (relation)),
                          iis_entity_get_id (iis_relation_get_object (relation)),
                          role != NULL ? " (" : "", role != NULL ? role : "",
                          role != NULL ? ")" : "",
                          start != NULL ? " of " : "", start != NULL ? start : "");
}

static void
problem (GPtrArray      *problems,
         IisProblemKind  kind,
         IisRelation    *relation,
         const char     *format,
         ...) G_GNUC_PRINTF (4, 5);

static void
problem (GPtrArray      *problems,
         IisProblemKind  kind,
         IisRelation    *relation,
         const char     *format,
         ...)
{
  g_autofree char *message = NULL;
  IisProblem *p;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  p = iis_problem_new (kind, iis_entity_get_id (iis_relation_get_subject (relation)), message);
  iis_problem_set_item (p, G_OBJECT (relation));
  g_ptr_array_add (problems, p);
}

static void
check_relation (IisCatalog  *self,
                IisRelation *r,
                GPtrArray   *problems)
{
  const char * const *roles = known_roles (iis_relation_get_kind (r));
  const char *role = iis_relation_get_role (r);
  g_autofree char *what = describe (r);

  if (roles != NULL && role != NULL && !g_strv_contains (roles, role))
    {
      g_autofree char *list = roles[0] != NULL ? g_strjoinv (", ", (char **) roles) : NULL;

      problem (problems, IIS_PROBLEM_KIND_UNKNOWN_ROLE, r,
               "Relation %s has a role its kind does not know%s%s", what,
               list != NULL ? "; known roles: " : " (it takes none)", list != NULL ? list : "");
    }

  if (iis_relation_get_kind (r) == IIS_RELATION_KIND_DENOUNCED)
    {
      const char *text = iis_relation_get_qualifier (r, "effective");
      g_autoptr(IisDate) effective = NULL;
      g_autoptr(GError) error = NULL;

      if (text != NULL && (effective = iis_date_parse (text, &error)) == NULL)
        problem (problems, IIS_PROBLEM_KIND_INVALID_QUALIFIER, r,
                 "Relation %s: qualifier “effective” is not a date: %s", what, error->message);
      else if (certainly_before (effective, iis_relation_get_start (r)))
        problem (problems, IIS_PROBLEM_KIND_ACTIONS_OUT_OF_ORDER, r,
                 "Relation %s takes effect (%s) before it was notified", what, text);
    }

  if (iis_relation_get_kind (r) == IIS_RELATION_KIND_OBJECTION_TO)
    {
      const char *against = iis_relation_get_qualifier (r, "against");

      if (against != NULL && iis_catalog_lookup (self, against) == NULL)
        problem (problems, IIS_PROBLEM_KIND_INVALID_QUALIFIER, r,
                 "Relation %s: qualifier “against” names “%s”, which is not in the catalog",
                 what, against);
    }
}

static gboolean
needs_signature (IisRelation *consent)
{
  static const char * const roles[] = { "ratification", "acceptance", "approval", NULL };
  const char *role = iis_relation_get_role (consent);

  return iis_relation_get_kind (consent) == IIS_RELATION_KIND_CONSENTED_TO
         && role != NULL && g_strv_contains (roles, role);
}

/* The earliest known start of @relations, or NULL. */
static const IisDate *
earliest_start (GPtrArray *relations)
{
  const IisDate *best = NULL;

  for (guint i = 0; i < relations->len; i++)
    {
      const IisDate *start = iis_relation_get_start (g_ptr_array_index (relations, i));

      if (start != NULL && (best == NULL || iis_date_compare (start, best) < 0))
        best = start;
    }
  return best;
}

static void
check_order (IisAgreement *agreement,
             Actions      *a,
             GPtrArray    *problems)
{
  const IisDate *signed_on = earliest_start (a->signatures);
  const IisDate *opened = iis_agreement_get_opened_for_signature (agreement);
  const IisDate *in_force_on = iis_agreement_get_entry_into_force (agreement);
  gboolean succession = FALSE;

  /* Only the date of opening for signature bounds signatures: the 1.0
   * adopted date means "adopted or signed" and may be a later act. */

  for (guint i = 0; i < a->signatures->len; i++)
    {
      IisRelation *s = g_ptr_array_index (a->signatures, i);
      g_autofree char *what = describe (s);

      if (certainly_before (iis_relation_get_start (s), opened))
        problem (problems, IIS_PROBLEM_KIND_ACTIONS_OUT_OF_ORDER, s,
                 "Relation %s comes before the agreement was opened for signature", what);
    }

  for (guint i = 0; i < a->consents->len; i++)
    {
      IisRelation *c = g_ptr_array_index (a->consents, i);
      const IisDate *start = iis_relation_get_start (c);
      g_autofree char *what = describe (c);

      succession |= is_succession (c);
      if (needs_signature (c) && certainly_before (start, signed_on))
        {
          g_autofree char *s = iis_date_to_string (signed_on);

          problem (problems, IIS_PROBLEM_KIND_ACTIONS_OUT_OF_ORDER, c,
                   "Relation %s comes before the signature (%s)", what, s);
        }
      else if (iis_relation_get_kind (c) == IIS_RELATION_KIND_CONSENTED_TO
               && certainly_before (start, opened))
        problem (problems, IIS_PROBLEM_KIND_ACTIONS_OUT_OF_ORDER, c,
                 "Relation %s comes before the agreement was opened for signature", what);
    }

  for (guint i = 0; i < a->parties->len; i++)
    {
      IisRelation *p = g_ptr_array_index (a->parties, i);
      const IisDate *start = iis_relation_get_start (p);
      g_autoptr(IisDate) deposit = qualifier_date (p, "deposit");
      const IisDate *consent_on = deposit != NULL ? deposit : earliest_start (a->consents);
      g_autofree char *what = describe (p);

      /* A successor is bound from the day it took over its
       * international relations, before its notification. */
      if (succession || is_succession (p))
        continue;
      if (certainly_before (start, consent_on))
        {
          g_autofree char *d = iis_date_to_string (consent_on);

          problem (problems, IIS_PROBLEM_KIND_ACTIONS_OUT_OF_ORDER, p,
                   "Relation %s enters into force before the consent was deposited (%s)", what, d);
        }
    }

  /* No party is bound before the agreement itself is in force: the
   * start of `party-to` is the entry into force for the party (so
   * docs/model.md has it since 1.0), and an agreement in force for a party is in force. Reported by
   * iis_catalog_validate() as an error, with the other dates of treaty
   * actions in an impossible order: it is a contradiction between two
   * dates, not the probable mistake in a name or a role that only the
   * warnings report. Provisional application before the entry into force
   * is its own kind (`provisionally-applies`), so it is not caught here;
   * a successor is bound from the day it took over, which for a treaty
   * not yet in force is its entry into force too. */
  for (guint i = 0; i < a->parties->len; i++)
    {
      IisRelation *p = g_ptr_array_index (a->parties, i);
      const IisDate *start = iis_relation_get_start (p);

      if (certainly_earlier (start, in_force_on))
        {
          g_autofree char *what = describe (p);
          g_autofree char *e = iis_date_to_string (in_force_on);

          problem (problems, IIS_PROBLEM_KIND_ACTIONS_OUT_OF_ORDER, p,
                   "Relation %s enters into force before the agreement itself (%s)", what, e);
        }
    }

  for (guint d = 0; d < a->denunciations->len; d++)
    {
      IisRelation *den = g_ptr_array_index (a->denunciations, d);
      g_autoptr(IisDate) effective = qualifier_date (den, "effective");

      if (effective == NULL)
        continue;
      for (guint pass = 0; pass < 2; pass++)
        {
          GPtrArray *made = pass == 0 ? a->statements : a->objections;

          for (guint i = 0; i < made->len; i++)
            {
              IisRelation *r = g_ptr_array_index (made, i);
              const IisDate *start = iis_relation_get_start (r);

              if (certainly_before (effective, start) && !reentered (a, effective, start))
                {
                  g_autofree char *what = describe (r);
                  g_autofree char *e = iis_date_to_string (effective);

                  problem (problems, IIS_PROBLEM_KIND_ACTIONS_OUT_OF_ORDER, r,
                           "Relation %s is made after the denunciation took effect (%s)", what, e);
                }
            }
        }
    }
}

void
_iis_catalog_validate_actions (IisCatalog *self,
                               GPtrArray  *problems)
{
  g_autoptr(GListModel) agreements = iis_catalog_list_entities (self, IIS_TYPE_AGREEMENT);
  guint n = g_list_model_get_n_items (agreements);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IisAgreement) agreement = g_list_model_get_item (agreements, i);
      g_autoptr(GPtrArray) groups = group_actions (self, agreement);

      for (guint j = 0; j < groups->len; j++)
        {
          Actions *a = g_ptr_array_index (groups, j);

          for (guint k = 0; k < a->all->len; k++)
            check_relation (self, g_ptr_array_index (a->all, k), problems);
          check_order (agreement, a, problems);
        }
    }
}
