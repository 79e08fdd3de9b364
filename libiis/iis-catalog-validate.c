/* iis-catalog-validate.c: iis_catalog_validate()
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "iis-catalog-store-private.h"
#include "iis-party-status-private.h"
#include "iis-relation-private.h"

/* ------------------------------------------------------------------ */
/* Validation                                                         */

static char *
describe_record (IisCatalog   *self,
                 const Record *rec)
{
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, "%s “%s” → “%s”",
                          iis_relation_kind_to_nick (rec->kind),
                          node_id (self, rec->subject), node_id (self, rec->object));
  if (rec->role != 0)
    g_string_append_printf (s, " (%s)", string_of (self, rec->role));
  return g_string_free (s, FALSE);
}

static char *
packed_to_string (guint32 packed)
{
  IisDate d;

  _iis_date_unpack (packed, &d);
  return iis_date_to_string (&d);
}

static void
add_problem (IisCatalog     *self,
             GPtrArray      *problems,
             IisProblemKind  kind,
             const char     *subject_id,
             GObject        *item,
             char           *message)
{
  IisProblem *problem = iis_problem_new (kind, subject_id, message);

  if (item != NULL)
    iis_problem_set_item (problem, item);
  g_ptr_array_add (problems, problem);
  g_free (message);
}

static void
add_record_problem (IisCatalog     *self,
                    GPtrArray      *problems,
                    IisProblemKind  kind,
                    guint32         slot,
                    char           *message)
{
  g_autoptr(IisRelation) relation = relation_for_slot (self, slot);

  add_problem (self, problems, kind, node_id (self, self->records[slot].subject),
               G_OBJECT (relation), message);
}

static void
validate_entity (IisCatalog *self,
                 IisEntity  *entity,
                 GPtrArray  *problems)
{
  const IisDate *first = NULL, *last = NULL;

  if (IIS_IS_ORGANIZATION (entity) || IIS_IS_STATE (entity))
    {
      first = _iis_entity_get_began (entity);
      last = _iis_entity_get_ended (entity);
    }
  else if (IIS_IS_FORUM (entity))
    {
      first = iis_forum_get_start (IIS_FORUM (entity));
      last = iis_forum_get_end (IIS_FORUM (entity));
    }

  if (first != NULL && last != NULL && iis_date_compare_coarse (first, last) > 0)
    {
      g_autofree char *a = iis_date_to_string (first);
      g_autofree char *b = iis_date_to_string (last);

      add_problem (self, problems, IIS_PROBLEM_KIND_REVERSED_PERIOD,
                   iis_entity_get_id (entity), G_OBJECT (entity),
                   g_strdup_printf ("“%s” ends (%s) before it begins (%s)",
                                    iis_entity_get_id (entity), b, a));
    }
}

static void
validate_lifetime (IisCatalog *self,
                   guint32     slot,
                   guint32     end_slot,
                   GPtrArray  *problems)
{
  const Record *rec = &self->records[slot];
  IisEntity *entity = node_entity (self, end_slot);
  const IisDate *founded, *dissolved;
  g_autofree char *what = NULL;
  gboolean state = IIS_IS_STATE (entity);
  IisProblemKind kind = state ? IIS_PROBLEM_KIND_OUTSIDE_EXISTENCE
                              : IIS_PROBLEM_KIND_OUTSIDE_LIFETIME;

  if (!(IIS_IS_ORGANIZATION (entity) || state) || rec->start == IIS_DATE_PACKED_NONE)
    return;
  /* A continuation or a succession is dated by the other state's end. */
  if (rec->kind == IIS_RELATION_KIND_CONTINUES || rec->kind == IIS_RELATION_KIND_SUCCEEDS)
    return;

  founded = _iis_entity_get_began (entity);
  dissolved = _iis_entity_get_ended (entity);

  /* Only what certainly falls outside: an inexact start (2005~, ../2004)
   * may be either side. */
  if (founded != NULL &&
      _iis_date_packed_on_or_before (_iis_date_pack (founded), rec->start) == IIS_TRUTH_NO)
    {
      g_autofree char *s = packed_to_string (rec->start);
      g_autofree char *f = iis_date_to_string (founded);

      what = describe_record (self, rec);
      add_record_problem (self, problems, kind, slot,
                          g_strdup_printf ("Relation %s starts (%s) before “%s” was founded (%s)",
                                           what, s, iis_entity_get_id (entity), f));
    }
  if (dissolved != NULL &&
      _iis_date_packed_on_or_before (_iis_date_pack (dissolved), rec->start) == IIS_TRUTH_YES)
    {
      g_autofree char *s = packed_to_string (rec->start);
      g_autofree char *d = iis_date_to_string (dissolved);

      g_free (what);
      what = describe_record (self, rec);
      add_record_problem (self, problems, kind, slot,
                          g_strdup_printf ("Relation %s starts (%s) after “%s” %s (%s)",
                                           what, s, iis_entity_get_id (entity),
                                           state ? "ceased" : "was dissolved", d));
    }
}

/* Whether two periods overlap; unknown starts and ends are unbounded,
 * comparisons at the coarser precision, ends exclusive. */
static gboolean
periods_overlap (const Record *a,
                 const Record *b)
{
  if (a->start != IIS_DATE_PACKED_NONE && b->end != IIS_DATE_PACKED_NONE &&
      _iis_date_packed_compare_coarse (a->start, b->end) >= 0)
    return FALSE;
  if (b->start != IIS_DATE_PACKED_NONE && a->end != IIS_DATE_PACKED_NONE &&
      _iis_date_packed_compare_coarse (b->start, a->end) >= 0)
    return FALSE;
  return TRUE;
}

static int
compare_role_start (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  const Record *records = user_data;
  const Record *ra = &records[*(const guint32 *) a];
  const Record *rb = &records[*(const guint32 *) b];

  if (ra->role != rb->role)
    return ra->role < rb->role ? -1 : 1;
  if (ra->start != rb->start)
    return ra->start < rb->start ? -1 : 1;
  return *(const guint32 *) a < *(const guint32 *) b ? -1 : 1;
}

/* Whether @a ends later than @b; an unknown end is the latest. */
static gboolean
ends_later (const Record *a,
            const Record *b)
{
  if (b->end == IIS_DATE_PACKED_NONE)
    return FALSE;
  return a->end == IIS_DATE_PACKED_NONE || a->end > b->end;
}

/* Identical relations (same kind, ends and role) stated for overlapping
 * periods make one problem per group of them: sorted by start, a
 * relation joins the group when it overlaps the member of the group
 * that ends last. Sorting and one sweep: no pairs, so a thousand copies
 * of a relation cost a thousand steps and make one problem. */
static void
validate_overlaps (IisCatalog *self,
                   guint32     node_slot,
                   GPtrArray  *problems)
{
  Adjacency *adj = &self->nodes[node_slot].out;
  g_autofree guint32 *slots = NULL;
  guint32 run = 0;

  ensure_sorted (self, adj);

  /* The array is sorted by (kind, object, start): identical relations
   * are in runs of equal keys. */
  while (run < adj->len)
    {
      guint32 run_end = run + 1, n, group;

      while (run_end < adj->len && adj->entries[run_end].key == adj->entries[run].key)
        run_end++;
      n = run_end - run;
      if (n < 2 || _iis_relation_kind_is_statement (self->records[adj->entries[run].slot].kind))
        {
          run = run_end;
          continue;
        }

      slots = g_renew (guint32, slots, n);
      for (guint32 i = 0; i < n; i++)
        slots[i] = adj->entries[run + i].slot;
      g_qsort_with_data (slots, n, sizeof (guint32), compare_role_start, self->records);

      group = 0;
      while (group < n)
        {
          const Record *first = &self->records[slots[group]];
          const Record *last_ending = first;
          guint32 size = 1, second = 0;

          while (group + size < n)
            {
              const Record *next = &self->records[slots[group + size]];

              if (next->role != first->role || !periods_overlap (next, last_ending))
                break;
              if (size == 1)
                second = slots[group + 1];
              if (ends_later (next, last_ending))
                last_ending = next;
              size++;
            }

          if (size > 1)
            {
              g_autofree char *what = describe_record (self, first);

              add_record_problem (self, problems, IIS_PROBLEM_KIND_OVERLAPPING_RELATIONS,
                                  second,
                                  size == 2
                                  ? g_strdup_printf ("Relation %s is stated twice for overlapping periods",
                                                     what)
                                  : g_strdup_printf ("Relation %s is stated %u times for overlapping periods",
                                                     what, size));
            }
          group += size;
        }
      run = run_end;
    }
}

static void
validate_cycles (IisCatalog *self,
                 GPtrArray  *problems)
{
  /* Iterative depth-first search over part-of, colouring nodes white (0),
   * grey (1, on the stack) and black (2, done). */
  g_autofree guint8 *colour = g_new0 (guint8, MAX (self->n_nodes, 1));
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint32) * 2);

  for (guint32 root = 0; root < self->n_nodes; root++)
    {
      guint32 frame[2];

      if (self->nodes[root].entity == NULL || colour[root] != 0)
        continue;

      frame[0] = root;
      frame[1] = 0;
      g_array_append_val (stack, frame);
      colour[root] = 1;

      while (stack->len > 0)
        {
          guint32 *top = &g_array_index (stack, guint32, (stack->len - 1) * 2);
          guint32 slot = top[0];
          Adjacency *adj = &self->nodes[slot].out;
          guint32 begin, end;

          kind_range (self, adj, IIS_RELATION_KIND_PART_OF, &begin, &end);
          if (begin + top[1] >= end)
            {
              colour[slot] = 2;
              g_array_set_size (stack, stack->len - 1);
              continue;
            }

          {
            guint32 next = self->records[adj->entries[begin + top[1]].slot].object;

            top[1]++;
            if (colour[next] == 1)
              {
                GString *path = g_string_new (NULL);
                gboolean in_cycle = FALSE;

                for (guint i = 0; i < stack->len; i++)
                  {
                    guint32 s = g_array_index (stack, guint32, i * 2);

                    if (s == next)
                      in_cycle = TRUE;
                    if (in_cycle)
                      g_string_append_printf (path, "“%s” → ", node_id (self, s));
                  }
                g_string_append_printf (path, "“%s”", node_id (self, next));
                add_problem (self, problems, IIS_PROBLEM_KIND_PART_OF_CYCLE,
                             node_id (self, next), G_OBJECT (node_entity (self, next)),
                             g_strdup_printf ("part-of relations form a cycle: %s", path->str));
                g_string_free (path, TRUE);
              }
            else if (colour[next] == 0)
              {
                guint32 new_frame[2] = { next, 0 };

                colour[next] = 1;
                g_array_append_val (stack, new_frame);
              }
          }
        }
    }
}

#define HOLDERS_LISTED 5

static gboolean
list_holder (gpointer key,
             gpointer value,
             gpointer user_data)
{
  GPtrArray *ids = user_data;

  g_ptr_array_add (ids, key);
  return ids->len >= HOLDERS_LISTED;
}

static int
compare_key_pointers (gconstpointer a,
                      gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* One problem for each identifier several entities hold, in the order of
 * the identifiers. */
static void
validate_identifiers (IisCatalog *self,
                      GPtrArray  *problems)
{
  g_autofree gpointer *keys = NULL;
  guint n_keys;

  if (g_hash_table_size (self->shared_identifiers) == 0)
    return;

  keys = g_hash_table_get_keys_as_array (self->shared_identifiers, &n_keys);
  qsort (keys, n_keys, sizeof (gpointer), compare_key_pointers);
  for (guint i = 0; i < n_keys; i++)
    {
      GTree *holders = g_hash_table_lookup (self->shared_identifiers, keys[i]);
      g_autoptr(GPtrArray) ids = g_ptr_array_new ();
      g_autoptr(GString) message = g_string_new (NULL);
      const char *separator = strchr (keys[i], '\x1f');
      IisEntity *first = first_holder (holders);
      guint n = g_tree_nnodes (holders);

      g_tree_foreach (holders, list_holder, ids);
      g_string_append_printf (message, "The identifier %.*s “%s” is held by %u entities: ",
                              (int) (separator - (const char *) keys[i]),
                              (const char *) keys[i], separator + 1, n);
      for (guint j = 0; j < ids->len; j++)
        g_string_append_printf (message, "%s“%s”", j > 0 ? ", " : "",
                                (const char *) g_ptr_array_index (ids, j));
      if (n > ids->len)
        g_string_append_printf (message, " and %u more", n - ids->len);

      add_problem (self, problems, IIS_PROBLEM_KIND_SHARED_IDENTIFIER,
                   iis_entity_get_id (first), G_OBJECT (first),
                   g_string_free (g_steal_pointer (&message), FALSE));
    }
}

/**
 * iis_catalog_validate:
 * @self: a catalog
 *
 * Checks the catalog for inconsistencies that single additions cannot
 * catch: periods that end before they begin (relations, organizations,
 * forums, states), relations dated before an organization at one of their
 * ends was founded or after it was dissolved, relations of a state dated
 * before it was founded or after it ceased (since 1.1,
 * %IIS_PROBLEM_KIND_OUTSIDE_EXISTENCE), cycles of `part-of` relations,
 * identical relations (same ends, kind and role) stated for overlapping
 * periods (one problem for each group of them, whose message says how
 * many there are, so that the list stays as long as the catalog, not its
 * square; reservations, declarations and objections are exempt, since a
 * party makes many to one treaty), and external identifiers held by more
 * than one entity.
 *
 * Since 1.1 it also checks the treaty actions: roles the action kinds do
 * not know, qualifiers that are not what they should be, and actions out
 * of order (see [enum@Iis.ProblemKind]).
 *
 * Returns: (transfer full): a list of [class@Iis.Problem], empty when the
 *   catalog is consistent
 *
 * Since: 1.0
 */
GListModel *
iis_catalog_validate (IisCatalog *self)
{
  GPtrArray *problems;
  guint n_problems;

  g_return_val_if_fail (IIS_IS_CATALOG (self), NULL);

  problems = g_ptr_array_new ();
  ensure_ranks (self);

  for (guint32 r = 0; r < self->n_sorted; r++)
    validate_entity (self, node_entity (self, self->sorted_nodes[r]), problems);

  {
    g_autofree guint32 *order = g_new (guint32, MAX (self->n_relations, 1));
    guint32 n = 0;

    for (guint32 slot = 0; slot < self->n_records; slot++)
      if (self->records[slot].kind != IIS_RELATION_KIND_ANY)
        order[n++] = slot;
    sort_relation_slots (self, order, n);

    for (guint32 i = 0; i < n; i++)
      {
        const Record *rec = &self->records[order[i]];

        if (rec->start != IIS_DATE_PACKED_NONE && rec->end != IIS_DATE_PACKED_NONE &&
            _iis_date_packed_on_or_before (rec->start, rec->end) == IIS_TRUTH_NO)
          {
            g_autofree char *what = describe_record (self, rec);
            g_autofree char *s = packed_to_string (rec->start);
            g_autofree char *e = packed_to_string (rec->end);

            add_record_problem (self, problems, IIS_PROBLEM_KIND_REVERSED_PERIOD, order[i],
                                g_strdup_printf ("Relation %s ends (%s) before it starts (%s)",
                                                 what, e, s));
          }
        validate_lifetime (self, order[i], rec->subject, problems);
        if (rec->object != rec->subject)
          validate_lifetime (self, order[i], rec->object, problems);
      }
  }

  for (guint32 r = 0; r < self->n_sorted; r++)
    validate_overlaps (self, self->sorted_nodes[r], problems);

  validate_cycles (self, problems);
  validate_identifiers (self, problems);
  _iis_catalog_validate_actions (self, problems);

  n_problems = problems->len;
  return _iis_answer_new_take (IIS_TYPE_PROBLEM, g_ptr_array_free (problems, FALSE),
                                   n_problems);
}
