/* iis-catalog-relations.c: adding, changing, removing and listing relations
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "iis-catalog-store-private.h"

/* ------------------------------------------------------------------ */
/* Relations                                                          */

const char *
type_nick (IisEntity *entity)
{
  const char *nick = iis_entity_get_type_nick (entity);

  return nick ? nick : G_OBJECT_TYPE_NAME (entity);
}

void
set_type_mismatch (GError          **error,
                   const char       *where,
                   IisRelationKind   kind,
                   IisEntity        *subject,
                   IisEntity        *object)
{
  set_located_error (error, IIS_ERROR_TYPE_MISMATCH, where,
                     "a %s relation cannot go from %s “%s” to %s “%s”",
                     iis_relation_kind_to_nick (kind),
                     type_nick (subject), iis_entity_get_id (subject),
                     type_nick (object), iis_entity_get_id (object));
}

guint32
new_record (IisCatalog *self)
{
  guint32 slot;

  if (self->free_records->len > 0)
    {
      slot = g_array_index (self->free_records, guint32, self->free_records->len - 1);
      g_array_set_size (self->free_records, self->free_records->len - 1);
    }
  else
    {
      self->records = grow (self, self->records, &self->cap_records, self->n_records,
                            self->n_records + 1, sizeof (Record));
      slot = self->n_records++;
    }
  memset (&self->records[slot], 0, sizeof (Record));
  return slot;
}

void
link_record (IisCatalog *self,
             guint32     slot)
{
  const Record *rec = &self->records[slot];

  note_change (self);
  adjacency_append (self, &self->nodes[rec->subject].out, ADJACENT_KEY (rec->kind, rec->object), slot);
  adjacency_append (self, &self->nodes[rec->object].in, ADJACENT_KEY (rec->kind, rec->subject), slot);
  self->n_relations++;
  if (rec->kind >= IIS_RELATION_KIND_FIRST_1_1)
    self->n_relations_1_1++;
}

static void
encode_relation (IisCatalog  *self,
                 IisRelation *relation,
                 Record      *rec)
{
  GPtrArray *sources = _iis_relation_get_source_array (relation);
  GHashTable *table = _iis_relation_get_qualifiers (relation);
  g_autofree Qualifier *qualifiers = NULL;
  g_autofree guint32 *source_ids = NULL;
  guint32 n_qualifiers = 0, n_sources = sources ? sources->len : 0;

  note_change (self);
  if (table != NULL && g_hash_table_size (table) > 0)
    {
      GHashTableIter iter;
      gpointer key, value;

      qualifiers = g_new (Qualifier, g_hash_table_size (table));
      g_hash_table_iter_init (&iter, table);
      while (g_hash_table_iter_next (&iter, &key, &value))
        qualifiers[n_qualifiers++] = (Qualifier) { key, value };
    }
  if (n_sources > 0)
    {
      source_ids = g_new (guint32, n_sources);
      for (guint32 i = 0; i < n_sources; i++)
        source_ids[i] = pool_source (self, g_ptr_array_index (sources, i));
    }

  rec->role = intern_string (self, iis_relation_get_role (relation));
  rec->start = _iis_date_pack (iis_relation_get_start (relation));
  rec->end = _iis_date_pack (iis_relation_get_end (relation));
  rec->confidence = iis_relation_get_confidence (relation);
  rec->extra = store_extra (self, qualifiers, n_qualifiers, source_ids, n_sources,
                            _iis_relation_get_unknown_json (relation));
}

/**
 * iis_catalog_add_relation:
 * @self: a catalog
 * @relation: a relation that is in no catalog
 * @error: return location for an error
 *
 * Adds @relation to the catalog. Both its ends must be in the catalog
 * (else %IIS_ERROR_UNKNOWN_REFERENCE), and its kind must allow their
 * types (else %IIS_ERROR_TYPE_MISMATCH; see
 * [func@Iis.RelationKind.allows]). A relation with no kind or no ends
 * fails with %IIS_ERROR_INVALID_VALUE, one whose role, qualifiers or
 * sources hold text longer than a reader of the file format accepts with
 * %IIS_ERROR_LIMIT_EXCEEDED.
 *
 * The catalog stores the relation's data; @relation stays bound to it,
 * so changes to its role, dates, confidence, qualifiers and sources are
 * stored too, until it is removed.
 *
 * Returns: whether @relation was added
 *
 * Since: 1.0
 */
gboolean
iis_catalog_add_relation (IisCatalog   *self,
                          IisRelation  *relation,
                          GError      **error)
{
  IisRelationKind kind;
  IisEntity *subject, *object;
  guint32 slot;
  Record *rec;

  g_return_val_if_fail (IIS_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (IIS_IS_RELATION (relation), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_return_val_if_fail (_iis_relation_get_catalog (relation) == NULL, FALSE);

  kind = iis_relation_get_kind (relation);
  subject = iis_relation_get_subject (relation);
  object = iis_relation_get_object (relation);

  if (kind == IIS_RELATION_KIND_ANY)
    {
      g_set_error_literal (error, IIS_ERROR, IIS_ERROR_INVALID_VALUE,
                           "The relation has no kind");
      return FALSE;
    }
  if (subject == NULL || object == NULL)
    {
      g_set_error (error, IIS_ERROR, IIS_ERROR_INVALID_VALUE,
                   "The %s relation has no %s",
                   iis_relation_kind_to_nick (kind), subject == NULL ? "subject" : "object");
      return FALSE;
    }
  if (_iis_entity_get_catalog (subject) != self || _iis_entity_get_catalog (object) != self)
    {
      IisEntity *missing = _iis_entity_get_catalog (subject) != self ? subject : object;

      g_set_error (error, IIS_ERROR, IIS_ERROR_UNKNOWN_REFERENCE,
                   "The %s of the %s relation, “%s”, is not in the catalog",
                   missing == subject ? "subject" : "object",
                   iis_relation_kind_to_nick (kind), iis_entity_get_id (missing));
      return FALSE;
    }
  if (!iis_relation_kind_allows (kind, G_OBJECT_TYPE (subject), G_OBJECT_TYPE (object)))
    {
      set_type_mismatch (error, NULL, kind, subject, object);
      return FALSE;
    }
  if (!_iis_writer_check_relation (relation, error))
    return FALSE;

  slot = new_record (self);
  rec = &self->records[slot];
  rec->kind = kind;
  rec->subject = _iis_entity_get_slot (subject);
  rec->object = _iis_entity_get_slot (object);
  encode_relation (self, relation, rec);
  link_record (self, slot);

  g_mutex_lock (&self->live_lock);
  {
    GWeakRef *ref = g_new0 (GWeakRef, 1);

    g_weak_ref_init (ref, relation);
    g_hash_table_insert (self->live, GUINT_TO_POINTER (slot), ref);
  }
  g_mutex_unlock (&self->live_lock);
  _iis_relation_bind (relation, self, slot);

  g_object_notify_by_pspec (G_OBJECT (self), _iis_catalog_properties[PROP_N_RELATIONS]);
  g_signal_emit (self, _iis_catalog_signals[RELATION_ADDED], 0, relation);
  debug_check (self);
  return TRUE;
}

static void
update_relation (IisCatalog  *self,
                 IisRelation *relation)
{
  guint32 slot = _iis_relation_get_slot (relation);
  Record *rec = &self->records[slot];

  release_extra (self, rec->extra);
  encode_relation (self, relation, rec);
  g_atomic_int_set (&self->nodes[rec->subject].out.dirty, 1);
  g_atomic_int_set (&self->nodes[rec->object].in.dirty, 1);
  collect_garbage_if_needed (self);
}

void
_iis_catalog_update_relation (IisCatalog  *self,
                              IisRelation *relation)
{
  update_relation (self, relation);
  debug_check (self);
}

void
_iis_catalog_relation_source_changed (IisCatalog  *self,
                                      IisRelation *relation)
{
  update_relation (self, relation);
}

void
remove_relation_slot (IisCatalog *self,
                      guint32     slot,
                      gboolean    emit)
{
  Record *rec = &self->records[slot];
  g_autoptr(IisRelation) relation = NULL;
  IisRelation *live;
  gboolean wanted = emit && g_signal_has_handler_pending (self, _iis_catalog_signals[RELATION_REMOVED], 0, FALSE);

  note_change (self);
  /* Give a listener the relation as it was, unbound. */
  if (wanted)
    relation = relation_for_slot (self, slot);
  live = steal_live_relation (self, slot);
  g_clear_object (&live);

  adjacency_remove (self, &self->nodes[rec->subject].out, slot);
  adjacency_remove (self, &self->nodes[rec->object].in, slot);
  if (rec->kind >= IIS_RELATION_KIND_FIRST_1_1)
    self->n_relations_1_1--;
  release_extra (self, rec->extra);
  memset (rec, 0, sizeof *rec);
  g_array_append_val (self->free_records, slot);
  self->n_relations--;

  g_object_notify_by_pspec (G_OBJECT (self), _iis_catalog_properties[PROP_N_RELATIONS]);
  if (wanted)
    g_signal_emit (self, _iis_catalog_signals[RELATION_REMOVED], 0, relation);
}

/* Remove every relation of node @node_slot, without signals: clear its
 * own arrays, and filter the arrays of each neighbour once, dropping the
 * entries whose other end is the node. Returns, in the order of the
 * node's arrays, the relations as they were (unbound) when a
 * relation-removed handler is connected, else NULLs: one per relation. */
GPtrArray *
remove_node_relations (IisCatalog *self,
                       guint32     node_slot)
{
  gboolean wanted = g_signal_has_handler_pending (self, _iis_catalog_signals[RELATION_REMOVED], 0, FALSE);
  GPtrArray *removed = g_ptr_array_new_with_free_func (unref_nullable);
  g_autoptr(GHashTable) neighbours = g_hash_table_new (NULL, NULL);
  Node *node = &self->nodes[node_slot];
  GHashTableIter iter;
  gpointer key;

  note_change (self);
  for (guint pass = 0; pass < 2; pass++)
    {
      Adjacency *adj = pass == 0 ? &node->out : &node->in;

      for (guint32 i = 0; i < adj->len; i++)
        {
          guint32 slot = adj->entries[i].slot;
          Record *rec = &self->records[slot];
          guint32 other = pass == 0 ? rec->object : rec->subject;
          IisRelation *live;

          self->removal_steps++;
          /* A relation of the node with itself is in both its arrays. */
          if (pass == 1 && other == node_slot)
            continue;
          g_ptr_array_add (removed, wanted ? relation_for_slot (self, slot) : NULL);
          live = steal_live_relation (self, slot);
          g_clear_object (&live);
          if (other != node_slot)
            g_hash_table_add (neighbours, GUINT_TO_POINTER (other + 1));
        }
    }

  /* The records go after every relation object is made. */
  for (guint pass = 0; pass < 2; pass++)
    {
      Adjacency *adj = pass == 0 ? &node->out : &node->in;

      for (guint32 i = 0; i < adj->len; i++)
        {
          guint32 slot = adj->entries[i].slot;
          Record *rec = &self->records[slot];

          /* A relation with itself, already gone in the first pass. */
          if (pass == 1 && (adj->entries[i].key & (MAX_NODES - 1)) == node_slot)
            continue;
          if (rec->kind >= IIS_RELATION_KIND_FIRST_1_1)
            self->n_relations_1_1--;
          release_extra (self, rec->extra);
          memset (rec, 0, sizeof *rec);
          g_array_append_val (self->free_records, slot);
          self->n_relations--;
        }
      adj->len = 0;
      g_atomic_int_set (&adj->dirty, 0);
    }

  g_hash_table_iter_init (&iter, neighbours);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      Node *other = &self->nodes[GPOINTER_TO_UINT (key) - 1];

      for (guint pass = 0; pass < 2; pass++)
        {
          Adjacency *adj = pass == 0 ? &other->out : &other->in;
          guint32 kept = 0;

          /* Keys hold the other end: no record is read. Order is kept,
           * so a sorted array stays sorted. */
          for (guint32 i = 0; i < adj->len; i++)
            if ((adj->entries[i].key & (MAX_NODES - 1)) != node_slot)
              adj->entries[kept++] = adj->entries[i];
          self->removal_steps += adj->len;
          adj->len = kept;
        }
    }

  return removed;
}

/**
 * iis_catalog_remove_relation:
 * @self: a catalog
 * @relation: a relation
 *
 * Removes @relation from the catalog. It keeps its data but is no longer
 * bound to the catalog.
 *
 * Returns: %TRUE if @relation was in the catalog and is removed
 *
 * Since: 1.0
 */
gboolean
iis_catalog_remove_relation (IisCatalog  *self,
                             IisRelation *relation)
{
  g_return_val_if_fail (IIS_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (IIS_IS_RELATION (relation), FALSE);

  if (_iis_relation_get_catalog (relation) != self)
    return FALSE;

  remove_relation_slot (self, _iis_relation_get_slot (relation), TRUE);
  collect_garbage_if_needed (self);
  debug_check (self);
  return TRUE;
}

/* Where the relations matching (@subject, @kind, @object) are: a range
 * of one end's sorted adjacency array, or of the whole record array when
 * neither end is given. A pattern naming an entity of another catalog
 * (or of none) gets an empty range, and FALSE. */
gboolean
relation_scan_init (IisCatalog      *self,
                    RelationScan    *scan,
                    IisEntity       *subject,
                    IisRelationKind  kind,
                    IisEntity       *object)
{
  memset (scan, 0, sizeof *scan);
  scan->kind = kind;
  scan->other = G_MAXUINT32;

  if ((subject != NULL && !entity_in_catalog (self, subject)) ||
      (object != NULL && !entity_in_catalog (self, object)))
    return FALSE;

  if (subject != NULL || object != NULL)
    {
      scan->adj = subject == NULL ? &self->nodes[_iis_entity_get_slot (object)].in
                                  : &self->nodes[_iis_entity_get_slot (subject)].out;
      if (subject != NULL && object != NULL)
        scan->other = _iis_entity_get_slot (object);
      if (kind == IIS_RELATION_KIND_ANY)
        kind_range (self, scan->adj, kind, &scan->begin, &scan->end);
      else
        {
          adjacency_range (self, scan->adj, kind, scan->other, &scan->begin, &scan->end);
          /* The range is of the kind and the other end already. */
          scan->other = G_MAXUINT32;
        }
    }
  else
    scan->end = self->n_records;
  return TRUE;
}

/**
 * iis_catalog_list_relations:
 * @self: a catalog
 * @subject: (nullable): the subject, or %NULL for any
 * @kind: the kind, or %IIS_RELATION_KIND_ANY for any
 * @object: (nullable): the object, or %NULL for any
 *
 * Lists the relations that match a pattern. With neither @subject nor
 * @object this walks every relation of the catalog; otherwise only the
 * relations of one end.
 *
 * Returns: (transfer full): a list of [class@Iis.Relation], sorted by
 *   subject id, kind, object id, start, end and role
 *
 * Since: 1.0
 */
GListModel *
iis_catalog_list_relations (IisCatalog      *self,
                            IisEntity       *subject,
                            IisRelationKind  kind,
                            IisEntity       *object)
{
  g_autoptr(GArray) slots = NULL;
  RelationScan scan;

  g_return_val_if_fail (IIS_IS_CATALOG (self), NULL);
  g_return_val_if_fail (subject == NULL || IIS_IS_ENTITY (subject), NULL);
  g_return_val_if_fail (object == NULL || IIS_IS_ENTITY (object), NULL);

  slots = g_array_new (FALSE, FALSE, sizeof (guint32));
  relation_scan_init (self, &scan, subject, kind, object);
  for (guint32 i = scan.begin; i < scan.end; i++)
    {
      guint32 slot;

      if (relation_scan_match (self, &scan, i, &slot))
        g_array_append_val (slots, slot);
    }
  g_atomic_pointer_add (&self->visited, (gsize) (scan.end - scan.begin));
  return relations_to_model (self, slots);
}

/**
 * iis_catalog_count_relations:
 * @self: a catalog
 * @subject: (nullable): the subject, or %NULL for any
 * @kind: the kind, or %IIS_RELATION_KIND_ANY for any
 * @object: (nullable): the object, or %NULL for any
 *
 * Counts the relations that match a pattern: the number of items
 * [method@Iis.Catalog.list_relations] would list for the same arguments,
 * found without making a relation object.
 *
 * With a subject or an object and a kind, the answer takes one search in
 * that end's sorted relations, however many relations match; with a
 * subject, an object and %IIS_RELATION_KIND_ANY it reads the subject's
 * relations; with neither end it walks every relation of the catalog.
 *
 * Returns: the number of relations from @subject (or any) of @kind (or
 *   any) to @object (or any)
 *
 * Since: 1.1
 */
guint
iis_catalog_count_relations (IisCatalog      *self,
                             IisEntity       *subject,
                             IisRelationKind  kind,
                             IisEntity       *object)
{
  RelationScan scan;
  guint count = 0;

  g_return_val_if_fail (IIS_IS_CATALOG (self), 0);
  g_return_val_if_fail (subject == NULL || IIS_IS_ENTITY (subject), 0);
  g_return_val_if_fail (object == NULL || IIS_IS_ENTITY (object), 0);

  if (!relation_scan_init (self, &scan, subject, kind, object))
    return 0;
  /* A range of one end's array holds only matches unless the other end
   * is to be checked too; the whole catalog's count is kept. */
  if (scan.adj != NULL && scan.other == G_MAXUINT32)
    return scan.end - scan.begin;
  if (scan.adj == NULL && kind == IIS_RELATION_KIND_ANY)
    return self->n_relations;

  for (guint32 i = scan.begin; i < scan.end; i++)
    {
      guint32 slot;

      if (relation_scan_match (self, &scan, i, &slot))
        count++;
    }
  g_atomic_pointer_add (&self->visited, (gsize) (scan.end - scan.begin));
  return count;
}

/**
 * iis_catalog_get_n_relations: (get-property n-relations)
 * @self: a catalog
 *
 * Gets the number of relations in the catalog.
 *
 * Returns: the number of relations
 *
 * Since: 1.0
 */
guint
iis_catalog_get_n_relations (IisCatalog *self)
{
  g_return_val_if_fail (IIS_IS_CATALOG (self), 0);

  return self->n_relations;
}
