/* iis-catalog.c: the container of entities and relations
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * IisCatalog is spread over one file per seam:
 *
 * - iis-catalog.c: the object, its signals, its entities, the model
 *   types' hooks
 * - iis-catalog-relations.c: adding, changing, removing, listing relations
 * - iis-catalog-questions.c: the questions, at a date and in a mode
 * - iis-catalog-validate.c: iis_catalog_validate()
 * - iis-catalog-io.c: loading and saving (the reader and writer do the work)
 * - iis-catalog-default.c: the default catalog from the data folders
 * - iis-catalog-stage.c: staged, all-or-nothing loads (iis-stage-private.h)
 * - iis-catalog-view.c: the catalog as the writer reads it
 * - iis-catalog-store.c: the storage (iis-catalog-store-private.h, which
 *   the files above share)
 * - iis-catalog-check.c: the check of every cached invariant
 */

#include "config.h"

#include <string.h>

#include "iis-catalog-store-private.h"

/**
 * IisCatalog:
 *
 * The container of entities and relations, and the place questions are
 * asked.
 *
 * A catalog holds [class@Iis.Entity] objects, unique by id, and the
 * [class@Iis.Relation]s between them. It checks every relation it is
 * given (both ends in the catalog, types the kind allows), answers
 * relationship questions at a date, validates itself, reads and writes
 * the JSON file format, and emits signals when its content changes.
 *
 * ```c
 * g_autoptr(IisCatalog) catalog = iis_catalog_new_default ();
 * IisEntity *sco = iis_catalog_lookup (catalog, "sco");
 * g_autoptr(IisDate) at = iis_date_new (2018, 1, 1);
 * g_autoptr(GListModel) members =
 *   iis_catalog_get_members (catalog, IIS_ORGANIZATION (sco), "member", at);
 *
 * for (guint i = 0; i < g_list_model_get_n_items (members); i++)
 *   {
 *     g_autoptr(IisEntity) member = g_list_model_get_item (members, i);
 *     g_print ("%s\n", iis_entity_get_name (member));
 *   }
 * ```
 *
 * Lists come back as [iface@Gio.ListModel]s, sorted by id unless said
 * otherwise: [class@Iis.Answer]s, snapshots made once and never changed.
 *
 * ## Dates
 *
 * Questions that take a date `at` use the rule of
 * [method@Iis.Relation.holds_at]: a relation holds at `at` when it has
 * begun by then (its start is unknown, or not after `at`) and has not
 * ended (its end is unknown, or after `at`), comparing at the coarser
 * precision of the two dates, and when neither of its ends has ceased to
 * exist: an organization dissolved by `at` has no members then. A `NULL`
 * date means "at any time".
 *
 * ## Threads
 *
 * A catalog belongs to the thread that changes it. Once it is no longer
 * changed, any number of threads may ask it questions at the same time.
 *
 * - Changing means adding or removing entities and relations, loading,
 *   and setting properties of the entities and relations it holds. Do
 *   it in one thread, with no question asked meanwhile; then hand the
 *   catalog to other threads (starting a thread, or a mutex, orders the
 *   two).
 * - Asking means looking up, listing, the dated questions,
 *   [method@Iis.Catalog.validate] and [method@Iis.Query.run]. The work
 *   a question may do behind the scenes is locked: sorting the indexes
 *   after additions, and making [class@Iis.Relation] objects, which the
 *   catalog shares, so that a relation is one object for every thread
 *   while any of them holds it.
 * - The entities and relations a question hands out are shared too:
 *   read their properties from any thread. The lists they keep
 *   ([method@Iis.Entity.get_sources], [method@Iis.Entity.get_other_names],
 *   [method@Iis.Relation.get_sources]) are [class@Gio.ListStore]s, which
 *   cache their reading position: one thread at a time may read one of
 *   them. Writing the catalog ([method@Iis.Catalog.to_data], saving)
 *   and a query with a text read them too: run those in one thread at a
 *   time. The [class@Iis.Answer]s questions return never change, so
 *   any number of threads may read one.
 * - The asynchronous load and save do their I/O in a worker thread and
 *   touch the catalog only in the caller's thread.
 *
 * Since: 1.0
 */

G_DEFINE_FINAL_TYPE (IisCatalog, iis_catalog, G_TYPE_OBJECT)

GParamSpec *_iis_catalog_properties[N_PROPS];
guint _iis_catalog_signals[N_SIGNALS];

/* ------------------------------------------------------------------ */
/* GObject                                                            */

static void
iis_catalog_dispose (GObject *object)
{
  IisCatalog *self = IIS_CATALOG (object);
  GHashTableIter iter;
  gpointer value;
  g_autoptr(GPtrArray) live = g_ptr_array_new_with_free_func (g_object_unref);

  /* Unbind the relation objects still alive: they keep their data. */
  g_mutex_lock (&self->live_lock);
  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      IisRelation *relation = g_weak_ref_get (value);

      if (relation != NULL)
        g_ptr_array_add (live, relation);
    }
  g_hash_table_remove_all (self->live);
  g_mutex_unlock (&self->live_lock);
  for (guint i = 0; i < live->len; i++)
    _iis_relation_unbind (g_ptr_array_index (live, i));

  for (guint32 i = 0; i < self->n_nodes; i++)
    {
      Node *node = &self->nodes[i];

      if (node->entity != NULL)
        {
          _iis_entity_detach (node->entity);
          g_clear_object (&node->entity);
        }
    }
  g_hash_table_remove_all (self->ids);
  g_hash_table_remove_all (self->identifiers);
  g_hash_table_remove_all (self->shared_identifiers);

  G_OBJECT_CLASS (iis_catalog_parent_class)->dispose (object);
}

static void
iis_catalog_finalize (GObject *object)
{
  IisCatalog *self = IIS_CATALOG (object);

  for (guint32 i = 0; i < self->n_nodes; i++)
    {
      free_storage (self, self->nodes[i].out.entries);
      free_storage (self, self->nodes[i].in.entries);
    }
  g_free (self->nodes);
  g_array_unref (self->free_nodes);
  g_hash_table_unref (self->ids);
  g_hash_table_unref (self->identifiers);
  g_hash_table_unref (self->shared_identifiers);
  free_storage (self, self->records);
  g_array_unref (self->free_records);
  free_storage (self, self->words);
  g_clear_pointer (&self->lent, g_bytes_unref);
  g_hash_table_unref (self->string_ids);
  g_ptr_array_unref (self->strings);
  g_array_unref (self->free_strings);
  g_array_unref (self->free_sources);
  g_hash_table_unref (self->source_ids);
  g_ptr_array_unref (self->sources);
  g_hash_table_unref (self->live);
  g_mutex_clear (&self->live_lock);
  g_mutex_clear (&self->index_lock);
  g_free (self->ranks);
  g_free (self->sorted_nodes);
  g_clear_pointer (&self->document_unknown, json_object_unref);

  G_OBJECT_CLASS (iis_catalog_parent_class)->finalize (object);
}

static void
iis_catalog_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  IisCatalog *self = IIS_CATALOG (object);

  switch (prop_id)
    {
    case PROP_N_ENTITIES:
      g_value_set_uint (value, self->n_entities);
      break;

    case PROP_N_RELATIONS:
      g_value_set_uint (value, self->n_relations);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iis_catalog_class_init (IisCatalogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = iis_catalog_dispose;
  object_class->finalize = iis_catalog_finalize;
  object_class->get_property = iis_catalog_get_property;

  /**
   * IisCatalog:n-entities: (getter get_n_entities)
   *
   * The number of entities in the catalog.
   *
   * Since: 1.0
   */
  _iis_catalog_properties[PROP_N_ENTITIES] =
    g_param_spec_uint ("n-entities", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * IisCatalog:n-relations: (getter get_n_relations)
   *
   * The number of relations in the catalog.
   *
   * Since: 1.0
   */
  _iis_catalog_properties[PROP_N_RELATIONS] =
    g_param_spec_uint ("n-relations", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, _iis_catalog_properties);

  /**
   * IisCatalog::entity-added:
   * @self: the catalog
   * @entity: the entity that was added
   *
   * Emitted after an entity was added, by [method@Iis.Catalog.add_entity]
   * or by a load. An entity that replaces another with the same id
   * (a layer loaded with %IIS_LOAD_FLAGS_OVERRIDE) is announced by
   * [signal@Iis.Catalog::entity-removed] for the old one, then this
   * signal for the new one.
   *
   * A handler may change the catalog. A load announces its entities,
   * then its relations, only once all of them are in the catalog; what
   * a handler removes before its turn comes is not announced as added.
   *
   * Since: 1.0
   */
  _iis_catalog_signals[ENTITY_ADDED] =
    g_signal_new ("entity-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, IIS_TYPE_ENTITY);

  /**
   * IisCatalog::entity-removed:
   * @self: the catalog
   * @entity: the entity that was removed
   *
   * Emitted after an entity was removed. Its relations were removed
   * (and announced) before it.
   *
   * Since: 1.0
   */
  _iis_catalog_signals[ENTITY_REMOVED] =
    g_signal_new ("entity-removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, IIS_TYPE_ENTITY);

  /**
   * IisCatalog::relation-added:
   * @self: the catalog
   * @relation: the relation that was added
   *
   * Emitted after a relation was added. While nobody is connected, a
   * load of many relations makes no relation objects for it.
   *
   * Since: 1.0
   */
  _iis_catalog_signals[RELATION_ADDED] =
    g_signal_new ("relation-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, IIS_TYPE_RELATION);

  /**
   * IisCatalog::relation-removed:
   * @self: the catalog
   * @relation: the relation that was removed, no longer in the catalog
   *
   * Emitted after a relation was removed, directly or because one of its
   * ends was removed.
   *
   * Since: 1.0
   */
  _iis_catalog_signals[RELATION_REMOVED] =
    g_signal_new ("relation-removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, IIS_TYPE_RELATION);
}

/* IIS_DEBUG=invariants (a comma-separated list) makes every catalog check
 * its invariants after each change, as the test suites run. */
static gboolean
debug_invariants_wanted (void)
{
  static gsize wanted = 0;

  if (g_once_init_enter (&wanted))
    {
      const char *value = g_getenv ("IIS_DEBUG");
      const GDebugKey keys[] = { { "invariants", 1 } };
      guint flags = value != NULL ? g_parse_debug_string (value, keys, G_N_ELEMENTS (keys)) : 0;

      g_once_init_leave (&wanted, flags != 0 ? 2 : 1);
    }
  return wanted == 2;
}

/* Catalogs larger than this are not checked after every change: the check
 * reads the whole catalog. */
#define DEBUG_CHECK_MAX_ITEMS 20000

void
debug_check (IisCatalog *self)
{
  if (G_UNLIKELY (self->debug_invariants)
      && self->n_nodes + self->n_records <= DEBUG_CHECK_MAX_ITEMS)
    _iis_catalog_check_invariants (self);
}

static void
iis_catalog_init (IisCatalog *self)
{
  self->free_nodes = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->ids = g_hash_table_new (_iis_str_hash, g_str_equal);
  self->identifiers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->shared_identifiers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                    (GDestroyNotify) g_tree_unref);
  self->free_records = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->strings = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->strings, NULL);
  self->string_ids = g_hash_table_new (_iis_str_hash, g_str_equal);
  self->free_strings = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->free_sources = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->sources = g_ptr_array_new_with_free_func (unref_nullable);
  g_ptr_array_add (self->sources, NULL);
  self->source_ids = g_hash_table_new_full (_iis_str_hash, g_str_equal, g_free, NULL);
  self->live = g_hash_table_new_full (NULL, NULL, NULL, free_weak_ref);
  g_mutex_init (&self->live_lock);
  g_mutex_init (&self->index_lock);
  self->ranks_dirty = 1;
  self->debug_invariants = debug_invariants_wanted ();
}

/**
 * iis_catalog_new:
 *
 * Creates an empty catalog.
 *
 * Returns: (transfer full): a new, empty catalog
 *
 * Since: 1.0
 */
IisCatalog *
iis_catalog_new (void)
{
  return g_object_new (IIS_TYPE_CATALOG, NULL);
}

/* ------------------------------------------------------------------ */
/* Entities                                                           */

/* Set an error whose message is @format, placed after "@where: " when
 * @where is given ("entities[3].id: the id “x” is used twice"), and
 * capitalized when it stands alone. */
void G_GNUC_PRINTF (4, 5)
set_located_error (GError     **error,
                   gint         code,
                   const char  *where,
                   const char  *format,
                   ...)
{
  g_autofree char *body = NULL;
  va_list args;

  if (error == NULL)
    return;
  va_start (args, format);
  body = g_strdup_vprintf (format, args);
  va_end (args);
  if (where != NULL)
    g_set_error (error, IIS_ERROR, code, "%s: %s", where, body);
  else
    {
      body[0] = g_ascii_toupper (body[0]);
      g_set_error_literal (error, IIS_ERROR, code, body);
    }
}

gboolean
check_id (const char  *id,
          const char  *where,
          GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!_iis_format_check_id (id, &local_error))
    {
      set_located_error (error, local_error->code, where, "%s", local_error->message);
      return FALSE;
    }
  return TRUE;
}

char *
identifier_key (const char *scheme,
                const char *value)
{
  return g_strconcat (scheme, "\x1f", value, NULL);
}

static void index_identifier   (IisCatalog *self,
                                IisEntity  *entity,
                                char       *key);
static void unindex_identifier (IisCatalog *self,
                                IisEntity  *entity,
                                const char *key);

void
index_identifiers (IisCatalog *self,
                   IisEntity  *entity,
                   gboolean    add)
{
  GHashTable *identifiers = _iis_entity_get_identifiers (entity);
  GHashTableIter iter;
  gpointer key, value;

  if (identifiers == NULL)
    return;
  g_hash_table_iter_init (&iter, identifiers);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (add)
        index_identifier (self, entity, identifier_key (key, value));
      else
        {
          g_autofree char *ikey = identifier_key (key, value);

          unindex_identifier (self, entity, ikey);
        }
    }
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return strcmp (a, b);
}

/* The first holder by id of a shared identifier. */
IisEntity *
first_holder (GTree *holders)
{
  return g_tree_node_value (g_tree_node_first (holders));
}

/* Index @entity as a holder of @key (taken). Several entities may hold
 * one identifier: all of them are kept, so that removing one leaves the
 * others findable, and the one find_by_identifier() gives is the first
 * by id, whatever the order they came in. */
static void
index_identifier (IisCatalog *self,
                  IisEntity  *entity,
                  char       *key)
{
  IisEntity *current = g_hash_table_lookup (self->identifiers, key);
  GTree *holders;

  if (current == NULL)
    {
      g_hash_table_insert (self->identifiers, key, entity);
      return;
    }
  if (current == entity)
    {
      g_free (key);
      return;
    }

  holders = g_hash_table_lookup (self->shared_identifiers, key);
  if (holders == NULL)
    {
      holders = g_tree_new (compare_ids);
      g_tree_insert (holders, (gpointer) iis_entity_get_id (current), current);
      g_hash_table_insert (self->shared_identifiers, g_strdup (key), holders);
    }
  g_tree_insert (holders, (gpointer) iis_entity_get_id (entity), entity);
  g_hash_table_insert (self->identifiers, key, first_holder (holders));
}

static void
unindex_identifier (IisCatalog *self,
                    IisEntity  *entity,
                    const char *key)
{
  GTree *holders = g_hash_table_lookup (self->shared_identifiers, key);

  if (holders == NULL)
    {
      if (g_hash_table_lookup (self->identifiers, key) == entity)
        g_hash_table_remove (self->identifiers, key);
      return;
    }

  if (g_tree_lookup (holders, iis_entity_get_id (entity)) != entity)
    return;
  g_tree_remove (holders, iis_entity_get_id (entity));
  g_hash_table_insert (self->identifiers, g_strdup (key), first_holder (holders));
  if (g_tree_nnodes (holders) == 1)
    g_hash_table_remove (self->shared_identifiers, key);
}

void
_iis_catalog_identifier_changed (IisCatalog *self,
                                 IisEntity  *entity,
                                 const char *scheme,
                                 const char *old_value,
                                 const char *new_value)
{
  note_change (self);
  if (old_value != NULL)
    {
      g_autofree char *key = identifier_key (scheme, old_value);

      unindex_identifier (self, entity, key);
    }
  if (new_value != NULL)
    index_identifier (self, entity, identifier_key (scheme, new_value));
  debug_check (self);
}

/* Keep the node's copy of when its entity ceased to exist (an
 * organization's dissolution, a state's ceasing), which every dated
 * question reads. */
void
update_ended (IisCatalog *self,
              guint32     slot)
{
  note_change (self);
  self->nodes[slot].ended = _iis_date_pack (_iis_entity_get_ended (self->nodes[slot].entity));
}

void
_iis_catalog_lifetime_changed (IisCatalog *self,
                               IisEntity  *entity)
{
  g_return_if_fail (IIS_IS_CATALOG (self));
  g_return_if_fail (_iis_entity_get_catalog (entity) == self);

  update_ended (self, _iis_entity_get_slot (entity));
  debug_check (self);
}

guint32
attach_entity (IisCatalog *self,
               IisEntity  *entity)
{
  guint32 slot;

  if (self->free_nodes->len > 0)
    {
      slot = g_array_index (self->free_nodes, guint32, self->free_nodes->len - 1);
      g_array_set_size (self->free_nodes, self->free_nodes->len - 1);
    }
  else
    {
      self->nodes = grow (self, self->nodes, &self->cap_nodes, self->n_nodes, self->n_nodes + 1, sizeof (Node));
      slot = self->n_nodes++;
      memset (&self->nodes[slot], 0, sizeof (Node));
    }

  self->nodes[slot].entity = g_object_ref (entity);
  update_ended (self, slot);
  self->n_entities++;
  g_hash_table_insert (self->ids, (gpointer) iis_entity_get_id (entity),
                       GUINT_TO_POINTER (slot + 1));
  _iis_entity_attach (entity, self, slot);
  index_identifiers (self, entity, TRUE);
  g_atomic_int_set (&self->ranks_dirty, 1);
  return slot;
}

gboolean
lookup_slot (IisCatalog *self,
             const char *id,
             guint32    *slot)
{
  gpointer value = g_hash_table_lookup (self->ids, id);

  if (value == NULL)
    return FALSE;
  *slot = GPOINTER_TO_UINT (value) - 1;
  return TRUE;
}

/**
 * iis_catalog_add_entity:
 * @self: a catalog
 * @entity: the entity to add; not in any catalog
 * @error: return location for an error
 *
 * Adds @entity to the catalog, which takes a reference to it.
 *
 * Fails with %IIS_ERROR_DUPLICATE_ID when an entity with the same id is
 * already in the catalog, with %IIS_ERROR_INVALID_VALUE when the id
 * is empty, longer than 256 bytes, or holds control characters, and with
 * %IIS_ERROR_LIMIT_EXCEEDED when a text of the entity is longer than a
 * reader of the file format accepts (1 MiB as written, escapes included),
 * so that a catalog always saves to a file that loads.
 *
 * Returns: whether @entity was added
 *
 * Since: 1.0
 */
gboolean
iis_catalog_add_entity (IisCatalog  *self,
                        IisEntity   *entity,
                        GError     **error)
{
  const char *id;

  g_return_val_if_fail (IIS_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (IIS_IS_ENTITY (entity), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  id = iis_entity_get_id (entity);
  if (!check_id (id, NULL, error))
    return FALSE;

  if (g_hash_table_contains (self->ids, id))
    {
      g_set_error (error, IIS_ERROR, IIS_ERROR_DUPLICATE_ID,
                   "An entity with id “%s” is already in the catalog", id);
      return FALSE;
    }

  g_return_val_if_fail (_iis_entity_get_catalog (entity) == NULL, FALSE);

  /* What could not be saved and loaded again does not come in. */
  if (!_iis_writer_check_entity (entity, error))
    return FALSE;

  if (self->free_nodes->len == 0 && self->n_nodes >= MAX_NODES)
    {
      g_set_error (error, IIS_ERROR, IIS_ERROR_LIMIT_EXCEEDED,
                   "The catalog cannot hold more than %u entities", MAX_NODES);
      return FALSE;
    }

  attach_entity (self, entity);
  g_object_notify_by_pspec (G_OBJECT (self), _iis_catalog_properties[PROP_N_ENTITIES]);
  g_signal_emit (self, _iis_catalog_signals[ENTITY_ADDED], 0, entity);
  debug_check (self);
  return TRUE;
}

/**
 * iis_catalog_remove_entity:
 * @self: a catalog
 * @entity: an entity
 *
 * Removes @entity and every relation it takes part in from the catalog.
 * The relations are announced by [signal@Iis.Catalog::relation-removed]
 * first, then the entity by [signal@Iis.Catalog::entity-removed].
 *
 * Returns: %TRUE if @entity was in the catalog and is removed, %FALSE if
 *   it was not in the catalog
 *
 * Since: 1.0
 */
gboolean
iis_catalog_remove_entity (IisCatalog *self,
                           IisEntity  *entity)
{
  g_autoptr(IisEntity) held = NULL;
  g_autoptr(IisEntity) alive = NULL;
  guint32 slot;
  Node *node;

  g_return_val_if_fail (IIS_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (IIS_IS_ENTITY (entity), FALSE);

  if (_iis_entity_get_catalog (entity) != self)
    return FALSE;

  note_change (self);
  /* A handler may remove it meanwhile, dropping the catalog's reference. */
  alive = g_object_ref (entity);
  slot = _iis_entity_get_slot (entity);
  node = &self->nodes[slot];
  g_assert (node->entity == entity);

  /* All its relations at once, in time proportional to their number and
   * to the arrays of its neighbours, then the signals. A handler may add
   * relations to the entity (they go in the next round) or remove it. */
  while (node->out.len > 0 || node->in.len > 0)
    {
      g_autoptr(GPtrArray) removed = remove_node_relations (self, slot);

      for (guint i = 0; i < removed->len; i++)
        {
          g_object_notify_by_pspec (G_OBJECT (self), _iis_catalog_properties[PROP_N_RELATIONS]);
          if (g_ptr_array_index (removed, i) != NULL)
            g_signal_emit (self, _iis_catalog_signals[RELATION_REMOVED], 0, g_ptr_array_index (removed, i));
        }
      if (_iis_entity_get_catalog (entity) != self)
        return TRUE;   /* a handler removed it */
      node = &self->nodes[slot];
    }

  /* A relation-removed handler may have removed @entity itself: then
   * that removal is complete and announced, and the node may be another
   * entity's already. */
  if (_iis_entity_get_catalog (entity) != self)
    return TRUE;

  index_identifiers (self, entity, FALSE);
  g_hash_table_remove (self->ids, iis_entity_get_id (entity));
  held = g_steal_pointer (&node->entity);
  free_storage (self, node->out.entries);
  free_storage (self, node->in.entries);
  memset (node, 0, sizeof *node);
  g_array_append_val (self->free_nodes, slot);
  self->n_entities--;
  _iis_entity_detach (held);
  g_atomic_int_set (&self->ranks_dirty, 1);

  collect_garbage_if_needed (self);

  g_object_notify_by_pspec (G_OBJECT (self), _iis_catalog_properties[PROP_N_ENTITIES]);
  g_signal_emit (self, _iis_catalog_signals[ENTITY_REMOVED], 0, held);
  debug_check (self);
  return TRUE;
}

/**
 * iis_catalog_lookup:
 * @self: a catalog
 * @id: an entity id
 *
 * Finds an entity by its id.
 *
 * Returns: (transfer none) (nullable): the entity with id @id, or %NULL
 *
 * Since: 1.0
 */
IisEntity *
iis_catalog_lookup (IisCatalog *self,
                    const char *id)
{
  guint32 slot;

  g_return_val_if_fail (IIS_IS_CATALOG (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (!lookup_slot (self, id, &slot))
    return NULL;
  return node_entity (self, slot);
}

/**
 * iis_catalog_list_entities:
 * @self: a catalog
 * @type: an entity type, such as `IIS_TYPE_STATE`; `IIS_TYPE_ENTITY` for all
 *
 * Lists the entities of a type (or of its subtypes).
 *
 * Returns: (transfer full): a list of [class@Iis.Entity], sorted by id
 *
 * Since: 1.0
 */
GListModel *
iis_catalog_list_entities (IisCatalog *self,
                           GType       type)
{
  gpointer *items;
  guint n = 0;

  g_return_val_if_fail (IIS_IS_CATALOG (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, IIS_TYPE_ENTITY), NULL);

  ensure_ranks (self);
  items = g_new (gpointer, MAX (self->n_sorted, 1));
  for (guint32 r = 0; r < self->n_sorted; r++)
    {
      IisEntity *entity = node_entity (self, self->sorted_nodes[r]);

      if (g_type_is_a (G_OBJECT_TYPE (entity), type))
        items[n++] = g_object_ref (entity);
    }
  return _iis_answer_new_take (type, items, n);
}

/**
 * iis_catalog_find_by_identifier:
 * @self: a catalog
 * @scheme: an identifier scheme, such as `"iso3166-1"` or `"wikidata"`
 * @value: the identifier in that scheme
 *
 * Finds the entity with an external identifier; see
 * [method@Iis.Entity.set_identifier].
 *
 * An identifier should name one entity, but a catalog may hold several
 * with the same one (two layers describing one organization under two
 * ids, say): then this gives the first of them by id, whatever the order
 * they were added in, and [method@Iis.Catalog.validate] reports the
 * identifier. [method@Iis.Catalog.find_all_by_identifier] gives them all.
 *
 * Returns: (transfer none) (nullable): the entity, or %NULL
 *
 * Since: 1.0
 */
IisEntity *
iis_catalog_find_by_identifier (IisCatalog *self,
                                const char *scheme,
                                const char *value)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (IIS_IS_CATALOG (self), NULL);
  g_return_val_if_fail (scheme != NULL, NULL);
  g_return_val_if_fail (value != NULL, NULL);

  key = identifier_key (scheme, value);
  return g_hash_table_lookup (self->identifiers, key);
}

static gboolean
add_holder_slot (gpointer key,
                 gpointer value,
                 gpointer user_data)
{
  guint32 slot = _iis_entity_get_slot (value);

  g_array_append_val (user_data, slot);
  return FALSE;
}

/**
 * iis_catalog_find_all_by_identifier:
 * @self: a catalog
 * @scheme: an identifier scheme, such as `"iso3166-1"` or `"wikidata"`
 * @value: the identifier in that scheme
 *
 * Finds every entity with an external identifier: usually one or none,
 * several when the catalog holds more than one entity with it (which
 * [method@Iis.Catalog.validate] reports).
 *
 * Returns: (transfer full): the entities, sorted by id
 *
 * Since: 1.0
 */
GListModel *
iis_catalog_find_all_by_identifier (IisCatalog *self,
                                    const char *scheme,
                                    const char *value)
{
  g_autoptr(GArray) slots = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autofree char *key = NULL;
  IisEntity *entity;
  GTree *holders;

  g_return_val_if_fail (IIS_IS_CATALOG (self), NULL);
  g_return_val_if_fail (scheme != NULL, NULL);
  g_return_val_if_fail (value != NULL, NULL);

  key = identifier_key (scheme, value);
  holders = g_hash_table_lookup (self->shared_identifiers, key);
  if (holders != NULL)
    g_tree_foreach (holders, add_holder_slot, slots);
  else if ((entity = g_hash_table_lookup (self->identifiers, key)) != NULL)
    add_holder_slot (NULL, entity, slots);
  return entities_to_model (self, slots);
}

/**
 * iis_catalog_get_n_entities: (get-property n-entities)
 * @self: a catalog
 *
 * Gets the number of entities in the catalog.
 *
 * Returns: the number of entities
 *
 * Since: 1.0
 */
guint
iis_catalog_get_n_entities (IisCatalog *self)
{
  g_return_val_if_fail (IIS_IS_CATALOG (self), 0);

  return self->n_entities;
}
