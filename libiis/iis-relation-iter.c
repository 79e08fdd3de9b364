/* iis-relation-iter.c: walking the relations of a pattern without objects
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * A question that makes a relation object per answer spends most of its
 * time making and freeing them: at a million relations, about four fifths
 * of a point question. The iterator finds the same relation slots as
 * iis_catalog_list_relations(), in the same order (the same walk and the
 * same sort), and reads the records in place. Small answers, such as the
 * relations between two entities, stay inside the caller's structure;
 * larger ones take one array, freed at the end of the walk or by
 * iis_relation_iter_clear().
 *
 * It reads the catalog's storage, so it is one of the files of IisCatalog
 * (see iis-catalog-store-private.h).
 */

#include "config.h"

#include "iis-catalog-store-private.h"
#include "iis-relation-iter.h"

#define N_INLINE 8

typedef struct
{
  IisCatalog *catalog;
  guint32    *heap;       /* the slots, or NULL: they are in inline_slots */
  guint       n;
  guint       position;   /* of the current slot, plus one; 0 before the first */
  guint       stamp;      /* the catalog's when the answer was found */
  guint       cap;        /* of heap */
  guint32     inline_slots[N_INLINE];
  gpointer    reserved[2];
} RealIter;

G_STATIC_ASSERT (sizeof (RealIter) <= sizeof (IisRelationIter));
G_STATIC_ASSERT (G_ALIGNOF (RealIter) <= G_ALIGNOF (IisRelationIter));

static inline guint32 *
iter_slots (RealIter *ri)
{
  return ri->heap != NULL ? ri->heap : ri->inline_slots;
}

static void
iter_append (RealIter *ri,
             guint32   slot)
{
  if (ri->heap == NULL && ri->n == N_INLINE)
    {
      ri->cap = 4 * N_INLINE;
      ri->heap = g_new (guint32, ri->cap);
      memcpy (ri->heap, ri->inline_slots, sizeof ri->inline_slots);
    }
  else if (ri->heap != NULL && ri->n == ri->cap)
    ri->heap = grow (ri->catalog, ri->heap, &ri->cap, ri->n, ri->n + 1, sizeof (guint32));
  iter_slots (ri)[ri->n++] = slot;
}

/**
 * iis_relation_iter_init: (skip)
 * @iter: an uninitialized iterator, usually on the stack
 * @catalog: a catalog
 * @subject: (nullable): the subject, or %NULL for any
 * @kind: the kind, or %IIS_RELATION_KIND_ANY for any
 * @object: (nullable): the object, or %NULL for any
 *
 * Sets @iter up to walk the relations from @subject (or any) of @kind
 * (or any) to @object (or any): the relations
 * [method@Iis.Catalog.list_relations] lists for the same arguments, in
 * the same order (by subject id, kind, object id, start, end and role),
 * without making their objects.
 *
 * Call [method@Iis.RelationIter.next] before reading the first relation.
 * Any change to @catalog (an entity or a relation added, removed or
 * changed, a file loaded) invalidates the iterator: calling it afterwards
 * is a programmer error, reported with a critical warning. @catalog must
 * outlive the iterator, which holds no reference to it.
 *
 * A walk that stops before [method@Iis.RelationIter.next] returns %FALSE
 * must call [method@Iis.RelationIter.clear], which frees what the answer
 * may hold; declaring the iterator with `g_auto(IisRelationIter) iter =
 * { 0 };` does that at the end of the scope.
 *
 * ```c
 * g_auto(IisRelationIter) iter = { 0 };
 * g_autoptr(IisDate) start = iis_date_new (1, 1, 1);
 *
 * iis_relation_iter_init (&iter, catalog, state, IIS_RELATION_KIND_PARTY_TO, NULL);
 * while (iis_relation_iter_next (&iter))
 *   {
 *     if (iis_relation_iter_get_start (&iter, start))
 *       g_print ("%s since %s\n", iis_relation_iter_get_object_id (&iter),
 *                iis_date_to_string (start));
 *   }
 * ```
 *
 * Since: 1.1
 */
void
iis_relation_iter_init (IisRelationIter *iter,
                        IisCatalog      *catalog,
                        IisEntity       *subject,
                        IisRelationKind  kind,
                        IisEntity       *object)
{
  RealIter *ri = (RealIter *) iter;
  RelationScan scan;

  g_return_if_fail (iter != NULL);
  g_return_if_fail (IIS_IS_CATALOG (catalog));
  g_return_if_fail (subject == NULL || IIS_IS_ENTITY (subject));
  g_return_if_fail (object == NULL || IIS_IS_ENTITY (object));

  memset (ri, 0, sizeof *ri);
  ri->catalog = catalog;
  ri->stamp = catalog->stamp;

  if (!relation_scan_init (catalog, &scan, subject, kind, object))
    return;
  for (guint32 i = scan.begin; i < scan.end; i++)
    {
      guint32 slot;

      if (relation_scan_match (catalog, &scan, i, &slot))
        iter_append (ri, slot);
    }
  g_atomic_pointer_add (&catalog->visited, (gsize) (scan.end - scan.begin));
  if (ri->n > 1)
    sort_relation_slots (catalog, iter_slots (ri), ri->n);
}

/**
 * iis_relation_iter_next: (skip)
 * @iter: an iterator
 *
 * Moves @iter to the next relation of its answer (the first one after
 * [method@Iis.RelationIter.init]). At the end it frees what the answer
 * held and returns %FALSE.
 *
 * Returns: %TRUE if @iter is at a relation, %FALSE after the last one
 *
 * Since: 1.1
 */
gboolean
iis_relation_iter_next (IisRelationIter *iter)
{
  RealIter *ri = (RealIter *) iter;

  g_return_val_if_fail (iter != NULL, FALSE);
  g_return_val_if_fail (ri->catalog != NULL, FALSE);
  g_return_val_if_fail (ri->stamp == ri->catalog->stamp, FALSE);
  g_return_val_if_fail (ri->position <= ri->n, FALSE);

  if (ri->position < ri->n)
    {
      ri->position++;
      return TRUE;
    }

  /* Past the end: the answer is no longer needed. */
  g_clear_pointer (&ri->heap, g_free);
  ri->position = ri->n = ri->cap = 0;
  return FALSE;
}

/**
 * iis_relation_iter_clear: (skip)
 * @iter: an iterator
 *
 * Frees what @iter holds. Needed only when a walk stops before
 * [method@Iis.RelationIter.next] returns %FALSE, and harmless otherwise,
 * on a zero-filled iterator, and more than once. The iterator can be set
 * up again with [method@Iis.RelationIter.init].
 *
 * Since: 1.1
 */
void
iis_relation_iter_clear (IisRelationIter *iter)
{
  RealIter *ri = (RealIter *) iter;

  g_return_if_fail (iter != NULL);

  g_clear_pointer (&ri->heap, g_free);
  memset (ri, 0, sizeof *ri);
}

/* The record @iter is at, or NULL (with a critical) when it is at none or
 * the catalog changed. */
static inline const Record *
iter_record (RealIter   *ri,
             const char *function)
{
  if (G_UNLIKELY (ri == NULL || ri->catalog == NULL))
    {
      g_critical ("%s: the iterator is not set up", function);
      return NULL;
    }
  if (G_UNLIKELY (ri->stamp != ri->catalog->stamp))
    {
      g_critical ("%s: the catalog changed since the iterator was set up", function);
      return NULL;
    }
  if (G_UNLIKELY (ri->position == 0 || ri->position > ri->n))
    {
      g_critical ("%s: the iterator is at no relation", function);
      return NULL;
    }
  return &ri->catalog->records[iter_slots (ri)[ri->position - 1]];
}

#define ITER_RECORD(iter) iter_record ((RealIter *) (iter), G_STRFUNC)

/**
 * iis_relation_iter_get_n_relations: (skip)
 * @iter: an iterator
 *
 * Gets the number of relations of the answer @iter walks, as
 * [method@Iis.Catalog.count_relations] counts them.
 *
 * Returns: the number of relations, 0 once the walk has ended
 *
 * Since: 1.1
 */
guint
iis_relation_iter_get_n_relations (IisRelationIter *iter)
{
  RealIter *ri = (RealIter *) iter;

  g_return_val_if_fail (iter != NULL, 0);
  g_return_val_if_fail (ri->catalog != NULL, 0);
  g_return_val_if_fail (ri->stamp == ri->catalog->stamp, 0);

  return ri->n;
}

/**
 * iis_relation_iter_get_subject: (skip)
 * @iter: an iterator at a relation
 *
 * Gets the subject of the current relation.
 *
 * Returns: (transfer none): the subject, owned by the catalog
 *
 * Since: 1.1
 */
IisEntity *
iis_relation_iter_get_subject (IisRelationIter *iter)
{
  const Record *rec = ITER_RECORD (iter);

  return rec ? node_entity (((RealIter *) iter)->catalog, rec->subject) : NULL;
}

/**
 * iis_relation_iter_get_object: (skip)
 * @iter: an iterator at a relation
 *
 * Gets the object of the current relation.
 *
 * Returns: (transfer none): the object, owned by the catalog
 *
 * Since: 1.1
 */
IisEntity *
iis_relation_iter_get_object (IisRelationIter *iter)
{
  const Record *rec = ITER_RECORD (iter);

  return rec ? node_entity (((RealIter *) iter)->catalog, rec->object) : NULL;
}

/**
 * iis_relation_iter_get_subject_id: (skip)
 * @iter: an iterator at a relation
 *
 * Gets the id of the current relation's subject.
 *
 * Returns: (transfer none): the id, valid while the subject is in the
 *   catalog
 *
 * Since: 1.1
 */
const char *
iis_relation_iter_get_subject_id (IisRelationIter *iter)
{
  const Record *rec = ITER_RECORD (iter);

  return rec ? node_id (((RealIter *) iter)->catalog, rec->subject) : NULL;
}

/**
 * iis_relation_iter_get_object_id: (skip)
 * @iter: an iterator at a relation
 *
 * Gets the id of the current relation's object.
 *
 * Returns: (transfer none): the id, valid while the object is in the
 *   catalog
 *
 * Since: 1.1
 */
const char *
iis_relation_iter_get_object_id (IisRelationIter *iter)
{
  const Record *rec = ITER_RECORD (iter);

  return rec ? node_id (((RealIter *) iter)->catalog, rec->object) : NULL;
}

/**
 * iis_relation_iter_get_kind: (skip)
 * @iter: an iterator at a relation
 *
 * Gets the kind of the current relation.
 *
 * Returns: the kind
 *
 * Since: 1.1
 */
IisRelationKind
iis_relation_iter_get_kind (IisRelationIter *iter)
{
  const Record *rec = ITER_RECORD (iter);

  return rec ? (IisRelationKind) rec->kind : IIS_RELATION_KIND_ANY;
}

/**
 * iis_relation_iter_get_role: (skip)
 * @iter: an iterator at a relation
 *
 * Gets the role of the current relation, as
 * [method@Iis.Relation.get_role] does.
 *
 * Returns: (transfer none) (nullable): the role, owned by the catalog and
 *   valid until it changes, or %NULL
 *
 * Since: 1.1
 */
const char *
iis_relation_iter_get_role (IisRelationIter *iter)
{
  const Record *rec = ITER_RECORD (iter);

  return rec && rec->role ? string_of (((RealIter *) iter)->catalog, rec->role) : NULL;
}

/**
 * iis_relation_iter_get_confidence: (skip)
 * @iter: an iterator at a relation
 *
 * Gets the confidence of the current relation.
 *
 * Returns: the confidence
 *
 * Since: 1.1
 */
IisConfidence
iis_relation_iter_get_confidence (IisRelationIter *iter)
{
  const Record *rec = ITER_RECORD (iter);

  return rec ? (IisConfidence) rec->confidence : IIS_CONFIDENCE_UNSPECIFIED;
}

/* Reads the start, or with @end the end, of the current relation into
 * @date when it has one. */
static gboolean
read_date (IisRelationIter *iter,
           gboolean         end,
           IisDate         *date,
           const char      *function)
{
  const Record *rec;
  guint32 packed;

  if (G_UNLIKELY (date == NULL))
    {
      g_critical ("%s: assertion 'date != NULL' failed", function);
      return FALSE;
    }
  rec = iter_record ((RealIter *) iter, function);
  if (rec == NULL)
    return FALSE;
  packed = end ? rec->end : rec->start;
  if (packed == IIS_DATE_PACKED_NONE)
    return FALSE;
  _iis_date_unpack (packed, date);
  return TRUE;
}

/**
 * iis_relation_iter_get_start: (skip)
 * @iter: an iterator at a relation
 * @date: a date to overwrite with the start, for example one made once
 *   with [ctor@Iis.Date.new] and reused for every relation
 *
 * Reads the start of the current relation into @date, when it has one;
 * otherwise @date is left as it was.
 *
 * Returns: whether the relation has a start
 *
 * Since: 1.1
 */
gboolean
iis_relation_iter_get_start (IisRelationIter *iter,
                             IisDate         *date)
{
  return read_date (iter, FALSE, date, G_STRFUNC);
}

/**
 * iis_relation_iter_get_end: (skip)
 * @iter: an iterator at a relation
 * @date: a date to overwrite with the end, as for
 *   [method@Iis.RelationIter.get_start]
 *
 * Reads the end of the current relation into @date, when it has one;
 * otherwise @date is left as it was.
 *
 * Returns: whether the relation has an end
 *
 * Since: 1.1
 */
gboolean
iis_relation_iter_get_end (IisRelationIter *iter,
                           IisDate         *date)
{
  return read_date (iter, TRUE, date, G_STRFUNC);
}

/**
 * iis_relation_iter_dup_relation: (skip)
 * @iter: an iterator at a relation
 *
 * Gets the object of the current relation: the one live object bound to
 * it if there is one (the same that [method@Iis.Catalog.list_relations]
 * returns while it is alive), else a new one bound to it.
 *
 * Returns: (transfer full): the relation
 *
 * Since: 1.1
 */
IisRelation *
iis_relation_iter_dup_relation (IisRelationIter *iter)
{
  RealIter *ri = (RealIter *) iter;

  if (ITER_RECORD (iter) == NULL)
    return NULL;
  return relation_for_slot (ri->catalog, iter_slots (ri)[ri->position - 1]);
}
