/* iis-catalog-check.c: the check of the catalog's invariants
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "iis-catalog-store-private.h"

/* ------------------------------------------------------------------ */
/* Invariants                                                         */

/* What the catalog caches beside its objects must agree with them; see
 * docs/storage.md, "What the catalog caches". A broken invariant is a
 * bug in the library: abort with what is wrong. */
#define CHECK(cond, ...) \
  G_STMT_START { \
    if (G_UNLIKELY (!(cond))) \
      g_error ("libiis: catalog invariant broken: " __VA_ARGS__); \
  } G_STMT_END

static gboolean
holds_identifier (IisEntity  *entity,
                  const char *key)
{
  GHashTable *identifiers = _iis_entity_get_identifiers (entity);
  const char *separator = strchr (key, '\x1f');
  g_autofree char *scheme = NULL;
  const char *value;

  if (identifiers == NULL || separator == NULL)
    return FALSE;
  scheme = g_strndup (key, separator - key);
  value = g_hash_table_lookup (identifiers, scheme);
  return value != NULL && strcmp (value, separator + 1) == 0;
}

static void
check_adjacency (IisCatalog      *self,
                 guint32          node,
                 const Adjacency *adj,
                 gboolean         out)
{
  for (guint32 i = 0; i < adj->len; i++)
    {
      const Adjacent *e = &adj->entries[i];
      const Record *rec;

      CHECK (e->slot < self->n_records, "node %u: adjacency entry %u past the records", node, i);
      rec = &self->records[e->slot];
      CHECK (rec->kind != IIS_RELATION_KIND_ANY, "node %u: adjacency entry for free record %u",
             node, e->slot);
      CHECK ((out ? rec->subject : rec->object) == node,
             "node %u: record %u in its %s array does not have it at that end",
             node, e->slot, out ? "out" : "in");
      CHECK (e->key == ADJACENT_KEY (rec->kind, out ? rec->object : rec->subject),
             "node %u: stale adjacency key for record %u", node, e->slot);
      if (i > 0 && !g_atomic_int_get (&adj->dirty))
        CHECK (compare_adjacent (&adj->entries[i - 1], e, self->records) < 0,
               "node %u: %s array marked sorted but out of order at %u",
               node, out ? "out" : "in", i);
    }
}

static void
check_live_relation (IisCatalog  *self,
                     guint32      slot,
                     IisRelation *relation,
                     GString     *object_key,
                     GString     *pooled_key)
{
  const Record *rec = &self->records[slot];
  GPtrArray *sources = _iis_relation_get_source_array (relation);
  GHashTable *qualifiers = _iis_relation_get_qualifiers (relation);
  Extra extra;

  CHECK (rec->kind != IIS_RELATION_KIND_ANY, "a live relation object is bound to free record %u",
         slot);
  CHECK (_iis_relation_get_catalog (relation) == self && _iis_relation_get_slot (relation) == slot,
         "the live relation object of record %u is bound elsewhere", slot);
  CHECK (iis_relation_get_kind (relation) == rec->kind
         && iis_relation_get_subject (relation) == node_entity (self, rec->subject)
         && iis_relation_get_object (relation) == node_entity (self, rec->object)
         && g_strcmp0 (iis_relation_get_role (relation),
                       rec->role ? string_of (self, rec->role) : NULL) == 0
         && _iis_date_pack (iis_relation_get_start (relation)) == rec->start
         && _iis_date_pack (iis_relation_get_end (relation)) == rec->end
         && iis_relation_get_confidence (relation) == rec->confidence,
         "record %u and its relation object disagree", slot);

  read_extra (self, rec->extra, &extra);
  CHECK ((qualifiers ? g_hash_table_size (qualifiers) : 0) == extra.n_qualifiers,
         "record %u and its relation object have different qualifiers", slot);
  for (guint32 q = 0; q < extra.n_qualifiers; q++)
    CHECK (g_strcmp0 (g_hash_table_lookup (qualifiers, string_of (self, extra.qualifiers[2 * q])),
                      string_of (self, extra.qualifiers[2 * q + 1])) == 0,
           "record %u and its relation object disagree on qualifier “%s”", slot,
           string_of (self, extra.qualifiers[2 * q]));
  CHECK ((sources ? sources->len : 0) == extra.n_sources,
         "record %u and its relation object have different sources", slot);
  for (guint32 i = 0; i < extra.n_sources; i++)
    {
      g_string_truncate (object_key, 0);
      source_key_append (object_key, g_ptr_array_index (sources, i));
      g_string_truncate (pooled_key, 0);
      source_key_append (pooled_key, g_ptr_array_index (self->sources, extra.sources[i]));
      CHECK (g_string_equal (object_key, pooled_key),
             "record %u: source %u of its relation object is not the pooled one", slot, i);
    }
  CHECK (g_strcmp0 (_iis_relation_get_unknown_json (relation),
                    extra.unknown ? string_of (self, extra.unknown) : NULL) == 0,
         "record %u and its relation object have different unknown members", slot);
}

void
_iis_catalog_check_invariants (IisCatalog *self)
{
  guint32 n_entities = 0, n_relations = 0, n_relations_1_1 = 0;
  guint64 live_words = 0;
  gsize n_out = 0, n_in = 0;
  g_autofree guint8 *free_node = NULL;
  g_autofree guint8 *free_record = NULL;
  /* Checked at every edit under IIS_DEBUG=invariants: one buffer for
   * every source key, not an allocation each (a sanitizer build pays
   * for every allocation). */
  g_autoptr(GString) skey = g_string_sized_new (256);
  g_autoptr(GString) skey2 = g_string_sized_new (256);
  GHashTableIter iter;
  gpointer key, value;

  g_return_if_fail (IIS_IS_CATALOG (self));

  /* Nodes: each entity knows its slot; ids, ends of life and identifiers
   * agree with the entity. */
  free_node = g_new0 (guint8, MAX (self->n_nodes, 1));
  for (guint i = 0; i < self->free_nodes->len; i++)
    {
      guint32 slot = g_array_index (self->free_nodes, guint32, i);

      CHECK (slot < self->n_nodes && self->nodes[slot].entity == NULL && !free_node[slot],
             "free node %u is not free, or listed twice", slot);
      free_node[slot] = 1;
    }
  for (guint32 slot = 0; slot < self->n_nodes; slot++)
    {
      const Node *node = &self->nodes[slot];
      IisEntity *entity = node->entity;
      GHashTable *identifiers;

      if (entity == NULL)
        {
          CHECK (free_node[slot], "node %u is empty but not in the free list", slot);
          CHECK (node->out.len == 0 && node->in.len == 0, "empty node %u has relations", slot);
          continue;
        }
      n_entities++;
      CHECK (_iis_entity_get_catalog (entity) == self && _iis_entity_get_slot (entity) == slot,
             "entity “%s” does not know its node %u", iis_entity_get_id (entity), slot);
      CHECK (g_hash_table_lookup (self->ids, iis_entity_get_id (entity)) == GUINT_TO_POINTER (slot + 1),
             "the id “%s” does not map to its node %u", iis_entity_get_id (entity), slot);
      CHECK (node->ended == _iis_date_pack (_iis_entity_get_ended (entity)),
             "node %u: the cached end of life of “%s” is stale", slot, iis_entity_get_id (entity));

      identifiers = _iis_entity_get_identifiers (entity);
      if (identifiers != NULL)
        {
          g_hash_table_iter_init (&iter, identifiers);
          while (g_hash_table_iter_next (&iter, &key, &value))
            {
              g_autofree char *ikey = identifier_key (key, value);
              IisEntity *found = g_hash_table_lookup (self->identifiers, ikey);
              GTree *holders = g_hash_table_lookup (self->shared_identifiers, ikey);

              CHECK (found != NULL, "the identifier %s “%s” of “%s” is not indexed",
                     (const char *) key, (const char *) value, iis_entity_get_id (entity));
              CHECK (found == entity || (holders != NULL &&
                                         g_tree_lookup (holders, iis_entity_get_id (entity)) == entity),
                     "“%s” is not a holder of its identifier %s “%s”",
                     iis_entity_get_id (entity), (const char *) key, (const char *) value);
            }
        }

      check_adjacency (self, slot, &node->out, TRUE);
      check_adjacency (self, slot, &node->in, FALSE);
      n_out += node->out.len;
      n_in += node->in.len;
    }
  CHECK (n_entities == self->n_entities, "n_entities is %u, %u nodes hold one",
         self->n_entities, n_entities);
  CHECK (g_hash_table_size (self->ids) == n_entities, "the id table has %u ids for %u entities",
         g_hash_table_size (self->ids), n_entities);

  /* The identifier index holds nothing else. */
  g_hash_table_iter_init (&iter, self->identifiers);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GTree *holders = g_hash_table_lookup (self->shared_identifiers, key);

      CHECK (_iis_entity_get_catalog (value) == self && holds_identifier (value, key),
             "the identifier index names “%s”, which does not hold it", iis_entity_get_id (value));
      CHECK (holders == NULL || first_holder (holders) == value,
             "a shared identifier does not give its first holder");
    }
  g_hash_table_iter_init (&iter, self->shared_identifiers);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GTreeNode *n;

      CHECK (g_tree_nnodes (value) >= 2, "a shared identifier has fewer than two holders");
      CHECK (g_hash_table_contains (self->identifiers, key), "a shared identifier is not indexed");
      for (n = g_tree_node_first (value); n != NULL; n = g_tree_node_next (n))
        CHECK (_iis_entity_get_catalog (g_tree_node_value (n)) == self
               && holds_identifier (g_tree_node_value (n), key),
               "a holder of a shared identifier does not hold it");
    }

  /* Records: the free list, the ends, the extra words, the interned
   * strings and pooled sources they point at. */
  free_record = g_new0 (guint8, MAX (self->n_records, 1));
  for (guint i = 0; i < self->free_records->len; i++)
    {
      guint32 slot = g_array_index (self->free_records, guint32, i);

      CHECK (slot < self->n_records && self->records[slot].kind == IIS_RELATION_KIND_ANY
             && !free_record[slot], "free record %u is not free, or listed twice", slot);
      free_record[slot] = 1;
    }
  for (guint32 slot = 0; slot < self->n_records; slot++)
    {
      const Record *rec = &self->records[slot];
      Extra extra;
      guint32 last_key = 0;

      if (rec->kind == IIS_RELATION_KIND_ANY)
        {
          CHECK (free_record[slot], "record %u is free but not in the free list", slot);
          continue;
        }
      n_relations++;
      n_relations_1_1 += rec->kind >= IIS_RELATION_KIND_FIRST_1_1;
      CHECK (rec->subject < self->n_nodes && node_entity (self, rec->subject) != NULL
             && rec->object < self->n_nodes && node_entity (self, rec->object) != NULL,
             "record %u has an end that is not in the catalog", slot);
      CHECK (iis_relation_kind_allows (rec->kind, G_OBJECT_TYPE (node_entity (self, rec->subject)),
                                       G_OBJECT_TYPE (node_entity (self, rec->object))),
             "record %u: its kind does not allow the types of its ends", slot);
      CHECK (rec->role < self->strings->len, "record %u: role past the strings", slot);
      CHECK (rec->extra == 0 || rec->extra < self->n_words, "record %u: extra past the words", slot);
      if (rec->extra == 0)
        continue;
      read_extra (self, rec->extra, &extra);
      CHECK (rec->extra + extra_size (&extra) <= self->n_words,
             "record %u: extra words past the end", slot);
      live_words += extra_size (&extra);
      for (guint32 q = 0; q < extra.n_qualifiers; q++)
        {
          guint32 k = extra.qualifiers[2 * q], v = extra.qualifiers[2 * q + 1];

          CHECK (k != 0 && k < self->strings->len && v != 0 && v < self->strings->len,
                 "record %u: qualifier %u is not an interned string", slot, q);
          CHECK (q == 0 || strcmp (string_of (self, last_key), string_of (self, k)) < 0,
                 "record %u: qualifiers not sorted by key", slot);
          last_key = k;
        }
      for (guint32 i = 0; i < extra.n_sources; i++)
        CHECK (extra.sources[i] != 0 && extra.sources[i] < self->sources->len,
               "record %u: source %u not in the pool", slot, i);
      CHECK (extra.unknown < self->strings->len, "record %u: unknown members past the strings",
             slot);
    }
  CHECK (n_relations_1_1 == self->n_relations_1_1,
         "n_relations_1_1 is %u, %u records are of a 1.1 kind", self->n_relations_1_1, n_relations_1_1);
  CHECK (n_relations == self->n_relations, "n_relations is %u, %u records hold one",
         self->n_relations, n_relations);
  /* Every extra word is a live record's or counted as garbage. */
  CHECK (self->n_words == 0 || (guint64) self->n_words == 1 + (guint64) self->garbage_words + live_words,
         "%u extra words: 1 unused, %u garbage and %" G_GUINT64_FORMAT " in use do not add up",
         self->n_words, self->garbage_words, live_words);
  CHECK (n_out == n_relations && n_in == n_relations,
         "%" G_GSIZE_FORMAT " out and %" G_GSIZE_FORMAT " in entries for %u relations",
         n_out, n_in, n_relations);

  /* Interned strings and pooled sources map both ways; a collection
   * leaves freed ids NULL, on their free lists, for reuse. */
  {
    guint n_strings = 0, n_sources = 0;

    CHECK (self->strings->len > 0 && g_ptr_array_index (self->strings, 0) == NULL,
           "string 0 is not NULL");
    for (guint i = 1; i < self->strings->len; i++)
      if (g_ptr_array_index (self->strings, i) != NULL)
        {
          n_strings++;
          CHECK (g_hash_table_lookup (self->string_ids, string_of (self, i)) == GUINT_TO_POINTER (i),
                 "interned string %u does not map back to itself", i);
        }
    CHECK (g_hash_table_size (self->string_ids) == n_strings,
           "%u strings, %u in their table", n_strings, g_hash_table_size (self->string_ids));
    CHECK (n_strings + self->free_strings->len == self->strings->len - 1,
           "%u strings and %u free ids for %u slots", n_strings, self->free_strings->len,
           self->strings->len - 1);
    for (guint i = 0; i < self->free_strings->len; i++)
      CHECK (g_ptr_array_index (self->strings, g_array_index (self->free_strings, guint32, i)) == NULL,
             "free string id %u is in use", g_array_index (self->free_strings, guint32, i));

    CHECK (self->sources->len > 0 && g_ptr_array_index (self->sources, 0) == NULL,
           "source 0 is not NULL");
    for (guint i = 1; i < self->sources->len; i++)
      {
        if (g_ptr_array_index (self->sources, i) == NULL)
          continue;
        n_sources++;
        g_string_truncate (skey, 0);
        source_key_append (skey, g_ptr_array_index (self->sources, i));
        CHECK (g_hash_table_lookup (self->source_ids, skey->str) == GUINT_TO_POINTER (i),
               "pooled source %u was changed after it was pooled", i);
      }
    CHECK (g_hash_table_size (self->source_ids) == n_sources,
           "%u pooled sources, %u in their table", n_sources, g_hash_table_size (self->source_ids));
    CHECK (n_sources + self->free_sources->len == self->sources->len - 1,
           "%u sources and %u free ids for %u slots", n_sources, self->free_sources->len,
           self->sources->len - 1);
  }

  /* Live relation objects agree with their records. Take them first:
   * dropping the last reference to one changes the table. */
  {
    g_autoptr(GPtrArray) live = g_ptr_array_new_with_free_func (g_object_unref);

    g_mutex_lock (&self->live_lock);
    g_hash_table_iter_init (&iter, self->live);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        IisRelation *relation = g_weak_ref_get (value);

        if (relation != NULL)
          {
            CHECK (_iis_relation_get_slot (relation) == GPOINTER_TO_UINT (key),
                   "the live relation object of record %u is bound to another",
                   GPOINTER_TO_UINT (key));
            g_ptr_array_add (live, relation);
          }
      }
    g_mutex_unlock (&self->live_lock);
    for (guint i = 0; i < live->len; i++)
      {
        IisRelation *relation = g_ptr_array_index (live, i);

        check_live_relation (self, _iis_relation_get_slot (relation), relation, skey, skey2);
      }
  }

  /* The id order, when it is not to be computed again. */
  if (!g_atomic_int_get (&self->ranks_dirty))
    {
      CHECK (self->n_sorted == n_entities, "the id order has %u entities, not %u",
             self->n_sorted, n_entities);
      for (guint32 r = 0; r < self->n_sorted; r++)
        {
          CHECK (self->ranks[self->sorted_nodes[r]] == r, "rank %u does not map back", r);
          CHECK (r == 0 || strcmp (node_id (self, self->sorted_nodes[r - 1]),
                                   node_id (self, self->sorted_nodes[r])) < 0,
                 "the id order is out of order at %u", r);
        }
    }
}
