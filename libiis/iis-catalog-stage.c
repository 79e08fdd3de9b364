/* iis-catalog-stage.c: staged, all-or-nothing loading
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "iis-catalog-store-private.h"

/* ------------------------------------------------------------------ */
/* Staging                                                            */

typedef struct
{
  const char *subject_id;   /* in the stage's chunk */
  const char *object_id;
  const char *role;
  guint32     start;
  guint32     end;
  guint32     extra;        /* index into stage->extras + 1, 0 for none */
  guint8      kind;
  guint8      confidence;
  guint32     subject;      /* after resolve: node slot, or staged index | STAGED */
  guint32     object;
} StagedRelation;

#define STAGED_BIT 0x80000000u

/* What a staged relation has beyond its record, kept flat so that a
 * million staged relations are a few arrays, not a million small
 * allocations: qualifiers in stage->qualifiers,
 * sources as indexes into the stage's own pool in stage->source_refs. */
typedef struct
{
  guint32     first_qualifier;
  guint32     n_qualifiers;
  guint32     first_source;
  guint32     n_sources;
  const char *unknown_json; /* in the chunk, nullable */
} StagedExtra;

struct _IisStage
{
  IisLoadFlags  flags;
  GPtrArray    *entities;       /* IisEntity, owned */
  GHashTable   *entity_ids;     /* id → staged index + 1 */
  GArray       *relations;      /* StagedRelation */
  GArray       *extras;         /* StagedExtra */
  GArray       *qualifiers;     /* Qualifier, strings in the chunk */
  GPtrArray    *sources;        /* IisSource, owned, one per content */
  GHashTable   *source_index;   /* source key → index in sources + 1 */
  GArray       *source_refs;    /* guint32: index in sources */
  GStringChunk *chunk;
  JsonObject   *document_unknown;
  GArray       *replaces;       /* guint32 per staged entity: node slot, or G_MAXUINT32 */
  gboolean      resolved;
};

IisStage *
_iis_stage_new (IisLoadFlags flags)
{
  IisStage *stage = g_new0 (IisStage, 1);

  stage->flags = flags;
  stage->entities = g_ptr_array_new_with_free_func (g_object_unref);
  stage->entity_ids = g_hash_table_new (_iis_str_hash, g_str_equal);
  stage->relations = g_array_new (FALSE, FALSE, sizeof (StagedRelation));
  stage->extras = g_array_new (FALSE, FALSE, sizeof (StagedExtra));
  stage->qualifiers = g_array_new (FALSE, FALSE, sizeof (Qualifier));
  stage->sources = g_ptr_array_new_with_free_func (g_object_unref);
  stage->source_index = g_hash_table_new_full (_iis_str_hash, g_str_equal, g_free, NULL);
  stage->source_refs = g_array_new (FALSE, FALSE, sizeof (guint32));
  stage->chunk = g_string_chunk_new (64 * 1024);
  stage->replaces = g_array_new (FALSE, FALSE, sizeof (guint32));
  return stage;
}

void
_iis_stage_free (IisStage *stage)
{
  if (stage == NULL)
    return;
  g_hash_table_unref (stage->entity_ids);
  g_ptr_array_unref (stage->entities);
  g_array_unref (stage->relations);
  g_array_unref (stage->extras);
  g_array_unref (stage->qualifiers);
  g_hash_table_unref (stage->source_index);
  g_ptr_array_unref (stage->sources);
  g_array_unref (stage->source_refs);
  g_string_chunk_free (stage->chunk);
  g_clear_pointer (&stage->document_unknown, json_object_unref);
  g_array_unref (stage->replaces);
  g_free (stage);
}

/* The stage's one source with the content of @source. */
static guint32
stage_pool_source (IisStage  *stage,
                   IisSource *source)
{
  g_autoptr(GString) key = source_key (source);
  gpointer value;

  if (g_hash_table_lookup_extended (stage->source_index, key->str, NULL, &value))
    return GPOINTER_TO_UINT (value) - 1;

  g_ptr_array_add (stage->sources, g_object_ref (source));
  g_hash_table_insert (stage->source_index, g_string_free (g_steal_pointer (&key), FALSE),
                       GUINT_TO_POINTER (stage->sources->len));
  return stage->sources->len - 1;
}

guint
_iis_stage_get_n_entities (IisStage *stage)
{
  return stage->entities->len;
}

IisEntity *
_iis_stage_get_entity (IisStage *stage,
                       guint     index)
{
  g_return_val_if_fail (index < stage->entities->len, NULL);

  return g_ptr_array_index (stage->entities, index);
}

guint
_iis_stage_get_n_relations (IisStage *stage)
{
  return stage->relations->len;
}

gboolean
_iis_stage_add_entity (IisStage    *stage,
                       IisEntity   *entity,
                       const char  *where,
                       GError     **error)
{
  const char *id;

  g_return_val_if_fail (stage != NULL, FALSE);
  g_return_val_if_fail (IIS_IS_ENTITY (entity), FALSE);

  id = iis_entity_get_id (entity);
  if (!check_id (id, where, error))
    return FALSE;
  if (g_hash_table_contains (stage->entity_ids, id))
    {
      set_located_error (error, IIS_ERROR_DUPLICATE_ID, where, "the id “%s” is used twice", id);
      return FALSE;
    }

  g_ptr_array_add (stage->entities, g_object_ref (entity));
  g_hash_table_insert (stage->entity_ids, (gpointer) id,
                       GUINT_TO_POINTER (stage->entities->len));
  stage->resolved = FALSE;
  return TRUE;
}

gboolean
_iis_stage_add_relation (IisStage          *stage,
                         IisRelationKind    kind,
                         const char        *subject_id,
                         const char        *object_id,
                         const char        *role,
                         guint32            start,
                         guint32            end,
                         IisConfidence      confidence,
                         const char *const *qualifiers,
                         IisSource *const  *sources,
                         guint              n_sources,
                         const char        *unknown_json,
                         GError           **error)
{
  StagedRelation rel = { 0 };
  guint index;

  g_return_val_if_fail (stage != NULL, FALSE);

  index = stage->relations->len;
  if (kind == IIS_RELATION_KIND_ANY || (guint) kind > IIS_RELATION_KIND_LAST)
    {
      g_set_error (error, IIS_ERROR, IIS_ERROR_INVALID_VALUE,
                   "relations[%u].kind: the relation has no valid kind", index);
      return FALSE;
    }
  if (subject_id == NULL || *subject_id == '\0' || object_id == NULL || *object_id == '\0')
    {
      g_set_error (error, IIS_ERROR, IIS_ERROR_INVALID_VALUE,
                   "relations[%u].%s: empty entity id", index,
                   subject_id == NULL || *subject_id == '\0' ? "subject" : "object");
      return FALSE;
    }

  rel.kind = kind;
  rel.confidence = confidence;
  rel.subject_id = g_string_chunk_insert_const (stage->chunk, subject_id);
  rel.object_id = g_string_chunk_insert_const (stage->chunk, object_id);
  rel.role = role ? g_string_chunk_insert_const (stage->chunk, role) : NULL;
  rel.start = start;
  rel.end = end;

  if ((qualifiers != NULL && qualifiers[0] != NULL) || n_sources > 0 || unknown_json != NULL)
    {
      StagedExtra extra = { 0 };

      extra.first_qualifier = stage->qualifiers->len;
      for (guint i = 0; qualifiers != NULL && qualifiers[i] != NULL && qualifiers[i + 1] != NULL; i += 2)
        {
          Qualifier q = {
            g_string_chunk_insert_const (stage->chunk, qualifiers[i]),
            g_string_chunk_insert_const (stage->chunk, qualifiers[i + 1]),
          };

          g_array_append_val (stage->qualifiers, q);
          extra.n_qualifiers++;
        }
      extra.first_source = stage->source_refs->len;
      extra.n_sources = n_sources;
      for (guint i = 0; i < n_sources; i++)
        {
          guint32 pooled = stage_pool_source (stage, sources[i]);

          g_array_append_val (stage->source_refs, pooled);
        }
      if (unknown_json != NULL)
        extra.unknown_json = g_string_chunk_insert (stage->chunk, unknown_json);
      g_array_append_val (stage->extras, extra);
      rel.extra = stage->extras->len;
    }

  g_array_append_val (stage->relations, rel);
  stage->resolved = FALSE;
  return TRUE;
}

void
_iis_stage_set_document_unknown (IisStage   *stage,
                                 JsonObject *unknown)
{
  g_clear_pointer (&stage->document_unknown, json_object_unref);
  if (unknown != NULL)
    stage->document_unknown = json_object_ref (unknown);
}

JsonObject *
_iis_stage_get_document_unknown (IisStage *stage)
{
  return stage->document_unknown;
}

static gboolean
resolve_end (IisStage    *stage,
             IisCatalog  *catalog,
             const char  *id,
             guint        index,
             const char  *member,
             guint32     *ref,
             IisEntity  **entity,
             GError     **error)
{
  gpointer value = g_hash_table_lookup (stage->entity_ids, id);
  guint32 slot;

  if (value != NULL)
    {
      guint staged = GPOINTER_TO_UINT (value) - 1;

      *ref = staged | STAGED_BIT;
      *entity = g_ptr_array_index (stage->entities, staged);
      return TRUE;
    }
  if (lookup_slot (catalog, id, &slot))
    {
      *ref = slot;
      *entity = node_entity (catalog, slot);
      return TRUE;
    }

  g_set_error (error, IIS_ERROR, IIS_ERROR_UNKNOWN_REFERENCE,
               "relations[%u].%s: unknown entity “%s”", index, member, id);
  return FALSE;
}

gboolean
_iis_stage_resolve (IisStage    *stage,
                    IisCatalog  *catalog,
                    GError     **error)
{
  guint n_new;

  g_return_val_if_fail (stage != NULL, FALSE);
  g_return_val_if_fail (IIS_IS_CATALOG (catalog), FALSE);

  g_array_set_size (stage->replaces, 0);
  n_new = 0;
  for (guint i = 0; i < stage->entities->len; i++)
    {
      IisEntity *entity = g_ptr_array_index (stage->entities, i);
      const char *id = iis_entity_get_id (entity);
      guint32 slot = G_MAXUINT32;

      if (_iis_entity_get_catalog (entity) != NULL)
        {
          g_set_error (error, IIS_ERROR, IIS_ERROR_INVALID_VALUE,
                       "entities[%u]: the entity “%s” is already in a catalog", i, id);
          return FALSE;
        }
      if (lookup_slot (catalog, id, &slot))
        {
          IisEntity *old = node_entity (catalog, slot);

          if (!(stage->flags & IIS_LOAD_FLAGS_OVERRIDE))
            {
              g_set_error (error, IIS_ERROR, IIS_ERROR_DUPLICATE_ID,
                           "entities[%u].id: an entity with id “%s” is already in the catalog",
                           i, id);
              return FALSE;
            }
          if (G_OBJECT_TYPE (old) != G_OBJECT_TYPE (entity))
            {
              const char *was = type_nick (old), *now = type_nick (entity);

              g_set_error (error, IIS_ERROR, IIS_ERROR_TYPE_MISMATCH,
                           "entities[%u].type: “%s” is %s %s in the catalog and cannot be replaced by %s %s",
                           i, id, strchr ("aeiou", was[0]) ? "an" : "a", was,
                           strchr ("aeiou", now[0]) ? "an" : "a", now);
              return FALSE;
            }
        }
      g_array_append_val (stage->replaces, slot);
      if (slot == G_MAXUINT32)
        n_new++;
    }

  if (n_new > catalog->free_nodes->len &&
      n_new - catalog->free_nodes->len > MAX_NODES - catalog->n_nodes)
    {
      g_set_error (error, IIS_ERROR, IIS_ERROR_LIMIT_EXCEEDED,
                   "entities: the catalog cannot hold more than %u entities", MAX_NODES);
      return FALSE;
    }

  for (guint i = 0; i < stage->relations->len; i++)
    {
      StagedRelation *rel = &g_array_index (stage->relations, StagedRelation, i);
      IisEntity *subject, *object;

      if (!resolve_end (stage, catalog, rel->subject_id, i, "subject",
                        &rel->subject, &subject, error) ||
          !resolve_end (stage, catalog, rel->object_id, i, "object",
                        &rel->object, &object, error))
        return FALSE;

      if (!iis_relation_kind_allows (rel->kind, G_OBJECT_TYPE (subject), G_OBJECT_TYPE (object)))
        {
          g_autofree char *where = g_strdup_printf ("relations[%u]", i);

          set_type_mismatch (error, where, rel->kind, subject, object);
          return FALSE;
        }
    }

  stage->resolved = TRUE;
  return TRUE;
}

/* Put @entity in the place of the entity in @slot; returns that one
 * (full), for the caller to announce. */
static IisEntity *
replace_entity (IisCatalog *self,
                guint32     slot,
                IisEntity  *entity)
{
  Node *node = &self->nodes[slot];
  IisEntity *old = g_steal_pointer (&node->entity);
  g_autoptr(GPtrArray) live = g_ptr_array_new_with_free_func (g_object_unref);

  /* Relation objects handed out before name the new entity at that end
   * (they stay bound: the relations are still in the catalog). */
  g_mutex_lock (&self->live_lock);
  for (guint side = 0; side < 2; side++)
    {
      const Adjacency *adj = side == 0 ? &node->out : &node->in;

      for (guint32 i = 0; i < adj->len; i++)
        {
          GWeakRef *ref = g_hash_table_lookup (self->live, GUINT_TO_POINTER (adj->entries[i].slot));
          IisRelation *relation = ref != NULL ? g_weak_ref_get (ref) : NULL;

          if (relation != NULL)
            g_ptr_array_add (live, relation);
        }
    }
  g_mutex_unlock (&self->live_lock);
  for (guint i = 0; i < live->len; i++)
    _iis_relation_replace_end (g_ptr_array_index (live, i), old, entity);

  index_identifiers (self, old, FALSE);
  _iis_entity_detach (old);
  node->entity = g_object_ref (entity);
  update_ended (self, slot);
  g_hash_table_replace (self->ids, (gpointer) iis_entity_get_id (entity),
                        GUINT_TO_POINTER (slot + 1));
  _iis_entity_attach (entity, self, slot);
  index_identifiers (self, entity, TRUE);
  return old;
}

void
_iis_stage_commit (IisStage   *stage,
                   IisCatalog *self)
{
  g_autofree guint32 *staged_slots = NULL;
  g_autofree guint32 *source_ids = NULL;
  g_autoptr(GPtrArray) replaced = NULL;
  g_autoptr(GPtrArray) added_relations = NULL;
  gboolean emit_relations;

  g_return_if_fail (stage != NULL);
  g_return_if_fail (IIS_IS_CATALOG (self));
  g_return_if_fail (stage->resolved);

  note_change (self);
  g_object_freeze_notify (G_OBJECT (self));
  /* Handlers of the signals below may change relations: the pooled
   * source ids must stay valid until every record is stored. */
  self->collect_held++;

  /* Everything is committed first and announced after: a signal handler
   * may change the catalog (remove an entity whose slot a staged relation
   * refers to, add one that would take a freed slot), and must find it
   * whole, never half-loaded. */
  replaced = g_ptr_array_new_full (stage->entities->len, unref_nullable);
  staged_slots = g_new (guint32, MAX (stage->entities->len, 1));
  for (guint i = 0; i < stage->entities->len; i++)
    {
      IisEntity *entity = g_ptr_array_index (stage->entities, i);
      guint32 replaces = g_array_index (stage->replaces, guint32, i);

      if (replaces != G_MAXUINT32)
        {
          g_ptr_array_add (replaced, replace_entity (self, replaces, entity));
          staged_slots[i] = replaces;
        }
      else
        {
          staged_slots[i] = attach_entity (self, entity);
          g_ptr_array_add (replaced, NULL);
        }
    }

  /* Each distinct staged source joins the catalog's pool once. */
  source_ids = g_new (guint32, MAX (stage->sources->len, 1));
  for (guint i = 0; i < stage->sources->len; i++)
    source_ids[i] = pool_source (self, g_ptr_array_index (stage->sources, i));

  /* Reserve the records in one go. */
  self->records = grow (self, self->records, &self->cap_records, self->n_records,
                        self->n_records + stage->relations->len, sizeof (Record));
  emit_relations = g_signal_has_handler_pending (self, _iis_catalog_signals[RELATION_ADDED], 0, FALSE);
  if (emit_relations)
    added_relations = g_ptr_array_new_full (stage->relations->len, g_object_unref);

  for (guint i = 0; i < stage->relations->len; i++)
    {
      const StagedRelation *rel = &g_array_index (stage->relations, StagedRelation, i);
      guint32 slot = new_record (self);
      Record *rec = &self->records[slot];

      rec->kind = rel->kind;
      rec->confidence = rel->confidence;
      rec->subject = rel->subject & STAGED_BIT ? staged_slots[rel->subject & ~STAGED_BIT] : rel->subject;
      rec->object = rel->object & STAGED_BIT ? staged_slots[rel->object & ~STAGED_BIT] : rel->object;
      rec->start = rel->start;
      rec->end = rel->end;
      rec->role = intern_string (self, rel->role);
      if (rel->extra != 0)
        {
          const StagedExtra *extra = &g_array_index (stage->extras, StagedExtra, rel->extra - 1);
          guint32 stack_ids[16];
          g_autofree guint32 *heap_ids = NULL;
          guint32 *ids = extra->n_sources <= G_N_ELEMENTS (stack_ids)
                           ? stack_ids : (heap_ids = g_new (guint32, extra->n_sources));

          for (guint32 s = 0; s < extra->n_sources; s++)
            ids[s] = source_ids[g_array_index (stage->source_refs, guint32, extra->first_source + s)];
          rec->extra = store_extra (self,
                                    extra->n_qualifiers > 0
                                      ? &g_array_index (stage->qualifiers, Qualifier,
                                                        extra->first_qualifier)
                                      : NULL,
                                    extra->n_qualifiers, ids, extra->n_sources,
                                    extra->unknown_json);
        }
      link_record (self, slot);

      if (emit_relations)
        g_ptr_array_add (added_relations, relation_for_slot (self, slot));
    }

  if (stage->document_unknown != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *node;

      if (self->document_unknown == NULL)
        self->document_unknown = json_object_new ();
      json_object_iter_init (&iter, stage->document_unknown);
      while (json_object_iter_next (&iter, &name, &node))
        json_object_set_member (self->document_unknown, name, json_node_copy (node));
    }

  /* Now announce. What a handler removed before its turn came is not
   * announced as added (its removal was). */
  for (guint i = 0; i < stage->entities->len; i++)
    {
      IisEntity *entity = g_ptr_array_index (stage->entities, i);
      IisEntity *old = g_ptr_array_index (replaced, i);

      if (old != NULL)
        g_signal_emit (self, _iis_catalog_signals[ENTITY_REMOVED], 0, old);
      if (_iis_entity_get_catalog (entity) == self)
        g_signal_emit (self, _iis_catalog_signals[ENTITY_ADDED], 0, entity);
    }
  for (guint i = 0; added_relations != NULL && i < added_relations->len; i++)
    {
      IisRelation *relation = g_ptr_array_index (added_relations, i);

      if (iis_relation_is_in_catalog (relation))
        g_signal_emit (self, _iis_catalog_signals[RELATION_ADDED], 0, relation);
    }

  if (stage->entities->len > 0)
    g_object_notify_by_pspec (G_OBJECT (self), _iis_catalog_properties[PROP_N_ENTITIES]);
  if (stage->relations->len > 0)
    g_object_notify_by_pspec (G_OBJECT (self), _iis_catalog_properties[PROP_N_RELATIONS]);
  self->collect_held--;
  g_object_thaw_notify (G_OBJECT (self));
  debug_check (self);
}
