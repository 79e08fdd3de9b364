/* iis-catalog.c: the container of entities and relations
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * # Storage
 *
 * The catalog is built to hold millions of relations and to answer each
 * question in time proportional to the part of the graph it touches, not
 * to the size of the catalog.
 *
 * Entities live in *nodes*, one per entity, indexed by a slot number
 * (guint32) that never changes while the entity is in the catalog. Ids
 * map to slots through a catalog-owned hash table keyed by the entity's
 * own id string (no GQuarks: they are never freed).
 *
 * Relations are not kept as GObjects. Each is a 28-byte `Record` in one
 * array, indexed by a relation slot: subject and object node slots, packed
 * start and end dates (see iis-date-private.h), an interned role, a kind,
 * a confidence, and the offset of its *extra words* (qualifiers, sources,
 * unknown JSON members), 0 when it has none. Strings (roles, qualifier
 * keys and values, unknown JSON) are interned once per catalog; sources
 * are pooled by content, so a million relations citing one document hold
 * one source.
 *
 * Every node has two adjacency arrays: `out` (relations whose subject it
 * is) and `in` (whose object it is). An entry is a relation slot and a
 * key, the kind in the top bits and the other end's node slot below, so
 * searches read only the array. The arrays are sorted by (key, start)
 * lazily: adding appends and marks the array dirty, and the first
 * question that reads it sorts it (under a mutex, so concurrent readers
 * are safe). A question binary-searches the kind's range in one node's
 * array and walks only that range. Nodes also keep a copy of their
 * entity's end of life (an organization's dissolution), which every
 * dated question checks.
 *
 * [class@Iis.Relation] objects are made on demand from records and bound
 * to their slot; the catalog remembers them through weak references, so a
 * slot has at most one live object and a relation removed from the
 * catalog is unbound, never left pointing at a reused slot.
 *
 * Entity ranks (position in id order) are computed lazily too and used
 * to sort answers and to give relations the file format's order.
 */

#include "config.h"

#include <string.h>

#include "iis-answer-private.h"
#include "iis-catalog-private.h"
#include "iis-date-private.h"
#include "iis-enum-types.h"
#include "iis-error.h"
#include "iis-forum.h"
#include "iis-hash-private.h"
#include "iis-party-status-private.h"
#include "iis-problem.h"
#include "iis-source-private.h"
#include "iis-state.h"
#include "iis-writer-private.h"

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

#define ID_MAX_BYTES 256

/* A hint to bring @address into the cache before it is read. */
#ifdef __GNUC__
#define IIS_PREFETCH(address) __builtin_prefetch (address)
#else
#define IIS_PREFETCH(address) ((void) 0)
#endif

typedef struct
{
  guint32 subject;
  guint32 object;
  guint32 start;
  guint32 end;
  guint32 role;       /* interned string id, 0 for none */
  guint32 extra;      /* offset into words, 0 for none */
  guint8  kind;       /* IisRelationKind; IIS_RELATION_KIND_ANY marks a free slot */
  guint8  confidence;
  guint16 reserved;
} Record;

/* An adjacency entry: a relation's slot and the key its array is sorted
 * by, the relation's kind in the top bits and its other end's node slot
 * below, so that finding a kind, or a kind and another end, reads only
 * the array. */
typedef struct
{
  guint32 key;
  guint32 slot;
} Adjacent;

#define NODE_BITS 27
#define MAX_NODES (1u << NODE_BITS)
#define ADJACENT_KEY(kind, node) (((guint32) (kind) << NODE_BITS) | (guint32) (node))

G_STATIC_ASSERT (IIS_RELATION_KIND_LAST < (1 << (32 - NODE_BITS)) - 1);

typedef struct
{
  Adjacent *entries;
  guint32   len;
  guint32   cap;
  gint      dirty;    /* atomic: not sorted */
} Adjacency;

typedef struct
{
  IisEntity *entity;  /* strong; NULL for a free node */
  guint32    ended;   /* packed date the entity ceased to exist, or none */
  Adjacency  out;
  Adjacency  in;
} Node;

struct _IisCatalog
{
  GObject     parent_instance;

  /* Entities */
  Node       *nodes;
  guint32     n_nodes;
  guint32     cap_nodes;
  guint32     n_entities;
  GArray     *free_nodes;       /* guint32 */
  GHashTable *ids;              /* const char *id (the entity's) → slot + 1 */
  GHashTable *identifiers;      /* "scheme\x1fvalue" → IisEntity (borrowed): of
                                 * its holders, the first by id */
  GHashTable *shared_identifiers; /* the same key → GTree (entity id → IisEntity,
                                   * borrowed) of every holder, only for an
                                   * identifier that several entities hold */

  /* Relations */
  Record     *records;
  guint32     n_records;
  guint32     cap_records;
  guint32     n_relations;
  guint32     n_relations_1_1;  /* of a kind that needs format 1.1 */
  GArray     *free_records;     /* guint32 */
  guint32    *words;            /* extra words; words[0] unused */
  guint32     n_words;
  guint32     cap_words;
  guint32     garbage_words;

  /* Interned strings: id → string, string → id; id 0 is NULL */
  GPtrArray  *strings;
  GHashTable *string_ids;
  gsize       string_bytes;
  GArray     *free_strings;     /* guint32: ids of collected strings */

  /* Sources pooled by content: id → IisSource, key → id */
  GPtrArray  *sources;
  GHashTable *source_ids;
  GArray     *free_sources;     /* guint32: ids of collected sources */

  /* Garbage collection: strings and sources interned, and extra words
   * released, since the last collection, and the size of the store it
   * left (see collect_garbage_if_needed()). */
  gsize       churn;
  gsize       live_size;
  guint       collect_held;     /* a commit holds ids: no collection */

  /* Live relation objects: relation slot → GWeakRef* */
  GHashTable *live;
  GMutex      live_lock;

  /* Lazy indexes */
  GMutex      index_lock;
  gint        ranks_dirty;      /* atomic */
  guint32    *ranks;            /* node slot → rank in id order */
  guint32    *sorted_nodes;     /* rank → node slot (live nodes only) */
  guint32     n_sorted;

  JsonObject *document_unknown;

  gsize       visited;          /* atomic: records looked at by questions */
  guint64     removal_steps;    /* adjacency entries removals looked at or moved */

  gboolean    debug_invariants; /* IIS_DEBUG=invariants: check after every change */
};

G_DEFINE_FINAL_TYPE (IisCatalog, iis_catalog, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_N_ENTITIES,
  PROP_N_RELATIONS,
  N_PROPS
};

enum {
  ENTITY_ADDED,
  ENTITY_REMOVED,
  RELATION_ADDED,
  RELATION_REMOVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------ */
/* Small helpers                                                      */

static gpointer
grow (gpointer  array,
      guint32  *cap,
      guint32   needed,
      gsize     item_size)
{
  guint32 new_cap;

  if (needed <= *cap)
    return array;
  if (needed > G_MAXUINT32 / 2)
    g_error ("libiis: catalog storage exhausted (%u items)", needed);
  new_cap = MAX (needed, MAX (*cap * 2, 8));
  array = g_realloc_n (array, new_cap, item_size);
  *cap = new_cap;
  return array;
}

static inline IisEntity *
node_entity (IisCatalog *self,
             guint32     slot)
{
  return self->nodes[slot].entity;
}

static inline const char *
node_id (IisCatalog *self,
         guint32     slot)
{
  return iis_entity_get_id (self->nodes[slot].entity);
}

static guint32
intern_string (IisCatalog *self,
               const char *str)
{
  gpointer value;
  char *copy;
  guint32 id;

  if (str == NULL)
    return 0;
  if (g_hash_table_lookup_extended (self->string_ids, str, NULL, &value))
    return GPOINTER_TO_UINT (value);

  copy = g_strdup (str);
  if (self->free_strings->len > 0)
    {
      id = g_array_index (self->free_strings, guint32, self->free_strings->len - 1);
      g_array_set_size (self->free_strings, self->free_strings->len - 1);
      self->strings->pdata[id] = copy;
    }
  else
    {
      id = self->strings->len;
      g_ptr_array_add (self->strings, copy);
    }
  g_hash_table_insert (self->string_ids, copy, GUINT_TO_POINTER (id));
  self->string_bytes += strlen (copy) + 1;
  self->churn++;
  return id;
}

/* The id of an interned string, or G_MAXUINT32 when it was never interned
 * (so that no record can match it). */
static guint32
find_string (IisCatalog *self,
             const char *str)
{
  gpointer value;

  if (str == NULL)
    return 0;
  if (g_hash_table_lookup_extended (self->string_ids, str, NULL, &value))
    return GPOINTER_TO_UINT (value);
  return G_MAXUINT32;
}

static inline const char *
string_of (IisCatalog *self,
           guint32     id)
{
  return g_ptr_array_index (self->strings, id);
}

static void
append_field (GString    *key,
              const char *value)
{
  if (value != NULL)
    g_string_append (key, value);
  g_string_append_c (key, '\x1f');
}

static IisSource *
source_copy (IisSource *source)
{
  IisSource *copy = iis_source_new (iis_source_get_title (source));

  iis_source_set_url (copy, iis_source_get_url (source));
  iis_source_set_document (copy, iis_source_get_document (source));
  iis_source_set_publisher (copy, iis_source_get_publisher (source));
  iis_source_set_date (copy, iis_source_get_date (source));
  iis_source_set_quote (copy, iis_source_get_quote (source));
  if (_iis_source_get_unknown (source) != NULL)
    _iis_source_set_unknown (copy, _iis_source_get_unknown (source));
  return copy;
}

/* The pooling key of a source: its content, field by field. */
static GString *
source_key (IisSource *source)
{
  GString *key = g_string_new (NULL);
  g_autofree char *date = NULL;
  JsonObject *unknown;

  append_field (key, iis_source_get_title (source));
  append_field (key, iis_source_get_url (source));
  append_field (key, iis_source_get_document (source));
  append_field (key, iis_source_get_publisher (source));
  if (iis_source_get_date (source) != NULL)
    date = iis_date_to_string (iis_source_get_date (source));
  append_field (key, date);
  append_field (key, iis_source_get_quote (source));
  unknown = _iis_source_get_unknown (source);
  if (unknown != NULL)
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      g_autofree char *text = NULL;

      json_node_set_object (node, unknown);
      text = json_to_string (node, FALSE);
      append_field (key, text);
    }
  return key;
}

/* Sources are pooled by content. The pool keeps private copies, so that
 * no caller can change a source that other relations share. */
static guint32
pool_source (IisCatalog *self,
             IisSource  *source)
{
  g_autoptr(GString) key = source_key (source);
  gpointer value;
  guint32 id;

  if (g_hash_table_lookup_extended (self->source_ids, key->str, NULL, &value))
    return GPOINTER_TO_UINT (value);

  if (self->free_sources->len > 0)
    {
      id = g_array_index (self->free_sources, guint32, self->free_sources->len - 1);
      g_array_set_size (self->free_sources, self->free_sources->len - 1);
      self->sources->pdata[id] = source_copy (source);
    }
  else
    {
      id = self->sources->len;
      g_ptr_array_add (self->sources, source_copy (source));
    }
  self->string_bytes += key->len + 1;
  self->churn++;
  g_hash_table_insert (self->source_ids, g_string_free (g_steal_pointer (&key), FALSE),
                       GUINT_TO_POINTER (id));
  return id;
}

static guint32
append_words (IisCatalog     *self,
              const guint32  *words,
              guint32         n)
{
  guint32 offset;

  if (self->n_words == 0)
    self->n_words = 1;  /* offset 0 means "no extra" */
  offset = self->n_words;
  self->words = grow (self->words, &self->cap_words, self->n_words + n, sizeof (guint32));
  memcpy (self->words + offset, words, n * sizeof (guint32));
  self->n_words += n;
  return offset;
}

/* Extra words at an offset: n_qualifiers, (key, value) × n, n_sources,
 * source ids × n, unknown-json string id. */
typedef struct
{
  guint32        n_qualifiers;
  const guint32 *qualifiers;
  guint32        n_sources;
  const guint32 *sources;
  guint32        unknown;
} Extra;

static void
read_extra (IisCatalog *self,
            guint32     offset,
            Extra      *extra)
{
  const guint32 *w;

  memset (extra, 0, sizeof *extra);
  if (offset == 0)
    return;
  w = self->words + offset;
  extra->n_qualifiers = *w++;
  extra->qualifiers = w;
  w += 2 * extra->n_qualifiers;
  extra->n_sources = *w++;
  extra->sources = w;
  w += extra->n_sources;
  extra->unknown = *w;
}

static guint32
extra_size (const Extra *extra)
{
  return 3 + 2 * extra->n_qualifiers + extra->n_sources;
}

typedef struct
{
  const char *key;
  const char *value;
} Qualifier;

static int
compare_qualifiers (gconstpointer a,
                    gconstpointer b)
{
  return strcmp (((const Qualifier *) a)->key, ((const Qualifier *) b)->key);
}

/* Store qualifiers (sorted by key here, in place), pooled sources and
 * unknown JSON as extra words; returns 0 when there is nothing to store. */
static guint32
store_extra (IisCatalog    *self,
             Qualifier     *qualifiers,
             guint32        n_qualifiers,
             const guint32 *source_ids,
             guint32        n_sources,
             const char    *unknown_json)
{
  const Extra layout = { .n_qualifiers = n_qualifiers, .n_sources = n_sources };
  guint32 stack_words[64];
  g_autofree guint32 *heap_words = NULL;
  guint32 n = extra_size (&layout);
  guint32 *w, *p;

  if (n_qualifiers == 0 && n_sources == 0 && unknown_json == NULL)
    return 0;

  w = n <= G_N_ELEMENTS (stack_words) ? stack_words : (heap_words = g_new (guint32, n));
  if (n_qualifiers > 1)
    qsort (qualifiers, n_qualifiers, sizeof (Qualifier), compare_qualifiers);

  p = w;
  *p++ = n_qualifiers;
  for (guint32 i = 0; i < n_qualifiers; i++)
    {
      *p++ = intern_string (self, qualifiers[i].key);
      *p++ = intern_string (self, qualifiers[i].value);
    }
  *p++ = n_sources;
  if (n_sources > 0)
    memcpy (p, source_ids, n_sources * sizeof (guint32));
  p += n_sources;
  *p = intern_string (self, unknown_json);

  return append_words (self, w, n);
}

static void
release_extra (IisCatalog *self,
               guint32     offset)
{
  Extra extra;

  if (offset == 0)
    return;
  read_extra (self, offset, &extra);
  self->garbage_words += extra_size (&extra);
  self->churn += extra_size (&extra);
}

/* Garbage collection. Edits and removals leave extra words, interned
 * strings and pooled sources that no record uses. When what was made
 * or released since the last collection passes the size of the store
 * that collection left (and a few thousand items), the store is swept:
 * words are compacted and strings and sources that no record uses are
 * freed, their ids reused. A collection costs time in proportion to
 * the store, and comes after as much churn, so edits stay amortized
 * constant time and the store at most about twice what it holds.
 *
 * It runs only at the end of a public change (removals, relation
 * edits), never while string ids, source ids or word offsets are held:
 * not in a load, which pools sources before storing their ids. */
static void
collect_garbage (IisCatalog *self)
{
  g_autofree guint8 *string_used = g_new0 (guint8, self->strings->len);
  g_autofree guint8 *source_used = g_new0 (guint8, self->sources->len);
  g_autofree guint32 *words = NULL;
  guint32 n_words = 1, cap_words;

  cap_words = MAX (self->n_words - self->garbage_words, 1);
  words = g_new (guint32, cap_words);
  words[0] = 0;

  for (guint32 slot = 0; slot < self->n_records; slot++)
    {
      Record *rec = &self->records[slot];
      Extra extra;
      guint32 size;

      if (rec->kind == IIS_RELATION_KIND_ANY)
        continue;
      string_used[rec->role] = 1;
      if (rec->extra == 0)
        continue;

      read_extra (self, rec->extra, &extra);
      for (guint32 i = 0; i < 2 * extra.n_qualifiers; i++)
        string_used[extra.qualifiers[i]] = 1;
      for (guint32 i = 0; i < extra.n_sources; i++)
        source_used[extra.sources[i]] = 1;
      string_used[extra.unknown] = 1;

      size = extra_size (&extra);
      g_assert (n_words + size <= cap_words);
      memcpy (words + n_words, self->words + rec->extra, size * sizeof (guint32));
      rec->extra = n_words;
      n_words += size;
    }

  g_free (self->words);
  self->words = g_steal_pointer (&words);
  self->n_words = n_words;
  self->cap_words = cap_words;
  self->garbage_words = 0;

  for (guint32 id = 1; id < self->strings->len; id++)
    {
      char *str = self->strings->pdata[id];

      if (str == NULL || string_used[id])
        continue;
      g_hash_table_remove (self->string_ids, str);
      self->string_bytes -= strlen (str) + 1;
      g_free (str);
      self->strings->pdata[id] = NULL;
      g_array_append_val (self->free_strings, id);
    }

  for (guint32 id = 1; id < self->sources->len; id++)
    {
      IisSource *source = self->sources->pdata[id];
      g_autoptr(GString) key = NULL;

      if (source == NULL || source_used[id])
        continue;
      key = source_key (source);
      g_hash_table_remove (self->source_ids, key->str);
      self->string_bytes -= key->len + 1;
      g_object_unref (source);
      self->sources->pdata[id] = NULL;
      g_array_append_val (self->free_sources, id);
    }

  self->churn = 0;
  self->live_size = (gsize) self->n_records + self->n_words +
                    (self->strings->len - self->free_strings->len) +
                    (self->sources->len - self->free_sources->len);
}

#define GARBAGE_MIN_CHURN 4096

static void
collect_garbage_if_needed (IisCatalog *self)
{
  if (self->collect_held == 0 && self->churn >= GARBAGE_MIN_CHURN && self->churn >= self->live_size)
    collect_garbage (self);
}

/* ------------------------------------------------------------------ */
/* Adjacency                                                          */

static void
adjacency_append (Adjacency *adj,
                  guint32    key,
                  guint32    slot)
{
  adj->entries = grow (adj->entries, &adj->cap, adj->len + 1, sizeof (Adjacent));
  adj->entries[adj->len++] = (Adjacent) { key, slot };
  g_atomic_int_set (&adj->dirty, 1);
}

static void
adjacency_remove (IisCatalog *self,
                  Adjacency  *adj,
                  guint32     slot)
{
  for (guint32 i = 0; i < adj->len; i++)
    {
      if (adj->entries[i].slot == slot)
        {
          self->removal_steps += adj->len;
          memmove (adj->entries + i, adj->entries + i + 1,
                   (adj->len - i - 1) * sizeof (Adjacent));
          adj->len--;
          return;
        }
    }
  g_assert_not_reached ();
}

static int
compare_adjacent (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const Record *records = user_data;
  const Adjacent *ea = a;
  const Adjacent *eb = b;

  if (ea->key != eb->key)
    return ea->key < eb->key ? -1 : 1;
  if (records[ea->slot].start != records[eb->slot].start)
    return records[ea->slot].start < records[eb->slot].start ? -1 : 1;
  return ea->slot < eb->slot ? -1 : ea->slot > eb->slot;
}

/* Sorts by (kind, other end, start, slot). */
static void
ensure_sorted (IisCatalog *self,
               Adjacency  *adj)
{
  if (!g_atomic_int_get (&adj->dirty))
    return;

  g_mutex_lock (&self->index_lock);
  if (adj->dirty)
    {
      g_qsort_with_data (adj->entries, adj->len, sizeof (Adjacent),
                         compare_adjacent, self->records);
      g_atomic_int_set (&adj->dirty, 0);
    }
  g_mutex_unlock (&self->index_lock);
}

/* The first entry of a sorted array whose key is not below @key. */
static guint32
adjacency_lower_bound (const Adjacency *adj,
                       guint32          key)
{
  guint32 lo = 0, hi = adj->len;

  while (lo < hi)
    {
      guint32 mid = lo + (hi - lo) / 2;

      if (adj->entries[mid].key < key)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* The sorted range of @kind (IIS_RELATION_KIND_ANY: everything) in one
 * adjacency array, and of one other end in it when @other is not
 * G_MAXUINT32. */
static void
adjacency_range (IisCatalog      *self,
                 Adjacency       *adj,
                 IisRelationKind  kind,
                 guint32          other,
                 guint32         *begin,
                 guint32         *end)
{
  ensure_sorted (self, adj);

  if (kind == IIS_RELATION_KIND_ANY)
    {
      *begin = 0;
      *end = adj->len;
    }
  else if (other == G_MAXUINT32)
    {
      *begin = adjacency_lower_bound (adj, ADJACENT_KEY (kind, 0));
      *end = adjacency_lower_bound (adj, ADJACENT_KEY (kind + 1, 0));
    }
  else
    {
      /* Two ends share few relations of a kind: walk to the end of the
       * run rather than search the whole array again. */
      guint32 key = ADJACENT_KEY (kind, other);
      guint32 i = adjacency_lower_bound (adj, key);

      *begin = i;
      while (i < adj->len && adj->entries[i].key == key)
        i++;
      *end = i;
    }
}

static void
kind_range (IisCatalog      *self,
            Adjacency       *adj,
            IisRelationKind  kind,
            guint32         *begin,
            guint32         *end)
{
  adjacency_range (self, adj, kind, G_MAXUINT32, begin, end);
}

/* ------------------------------------------------------------------ */
/* Ranks                                                              */

static int
compare_node_ids (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  IisCatalog *self = user_data;

  return strcmp (node_id (self, *(const guint32 *) a),
                 node_id (self, *(const guint32 *) b));
}

static void
ensure_ranks (IisCatalog *self)
{
  if (!g_atomic_int_get (&self->ranks_dirty))
    return;

  g_mutex_lock (&self->index_lock);
  if (self->ranks_dirty)
    {
      guint32 n = 0;

      g_free (self->ranks);
      g_free (self->sorted_nodes);
      self->ranks = g_new0 (guint32, MAX (self->n_nodes, 1));
      self->sorted_nodes = g_new (guint32, MAX (self->n_entities, 1));
      for (guint32 i = 0; i < self->n_nodes; i++)
        if (self->nodes[i].entity != NULL)
          self->sorted_nodes[n++] = i;
      g_assert (n == self->n_entities);
      g_qsort_with_data (self->sorted_nodes, n, sizeof (guint32),
                         compare_node_ids, self);
      for (guint32 r = 0; r < n; r++)
        self->ranks[self->sorted_nodes[r]] = r;
      self->n_sorted = n;
      g_atomic_int_set (&self->ranks_dirty, 0);
    }
  g_mutex_unlock (&self->index_lock);
}

static int
compare_node_ranks (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  const guint32 *ranks = user_data;
  guint32 ra = ranks[*(const guint32 *) a];
  guint32 rb = ranks[*(const guint32 *) b];

  return ra < rb ? -1 : ra > rb;
}

static int
compare_records (IisCatalog *self,
                 guint32     a,
                 guint32     b)
{
  const Record *ra = &self->records[a];
  const Record *rb = &self->records[b];

  if (ra->subject != rb->subject)
    return self->ranks[ra->subject] < self->ranks[rb->subject] ? -1 : 1;
  if (ra->kind != rb->kind)
    return ra->kind < rb->kind ? -1 : 1;
  if (ra->object != rb->object)
    return self->ranks[ra->object] < self->ranks[rb->object] ? -1 : 1;
  if (ra->start != rb->start)
    return ra->start < rb->start ? -1 : 1;
  if (ra->end != rb->end)
    return ra->end < rb->end ? -1 : 1;
  if (ra->role != rb->role)
    {
      if (ra->role == 0 || rb->role == 0)
        return ra->role == 0 ? -1 : 1;
      return strcmp (string_of (self, ra->role), string_of (self, rb->role));
    }
  return a < b ? -1 : a > b;
}

static int
compare_record_slots (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  return compare_records (user_data, *(const guint32 *) a, *(const guint32 *) b);
}

static void
sort_relation_slots (IisCatalog *self,
                     guint32    *slots,
                     guint32     n)
{
  ensure_ranks (self);
  g_qsort_with_data (slots, n, sizeof (guint32), compare_record_slots, self);
}

/* Turn node slots into a list of entities sorted by id; duplicates
 * are dropped. */
static GListModel *
entities_to_model (IisCatalog *self,
                   GArray     *slots)
{
  gpointer *items;
  guint32 n = 0;

  if (slots->len == 0)
    return _iis_answer_new_take (IIS_TYPE_ENTITY, NULL, 0);

  /* Answers usually come in id order already: the adjacency arrays are
   * sorted by node slot, and a loaded catalog's slots are in id order. */
  ensure_ranks (self);
  for (guint i = 1; i < slots->len; i++)
    {
      if (self->ranks[g_array_index (slots, guint32, i - 1)] >
          self->ranks[g_array_index (slots, guint32, i)])
        {
          g_qsort_with_data (slots->data, slots->len, sizeof (guint32),
                             compare_node_ranks, self->ranks);
          break;
        }
    }

  items = g_new (gpointer, slots->len);
  for (guint i = 0; i < slots->len; i++)
    {
      guint32 slot = g_array_index (slots, guint32, i);

      /* The entities are scattered in memory, and the caller reads each
       * of them next: bring them in a few steps ahead. */
      if (i + 8 < slots->len)
        IIS_PREFETCH (node_entity (self, g_array_index (slots, guint32, i + 8)));

      if (i > 0 && slot == g_array_index (slots, guint32, i - 1))
        continue;
      items[n++] = g_object_ref (node_entity (self, slot));
    }
  return _iis_answer_new_take (IIS_TYPE_ENTITY, items, n);
}

/* ------------------------------------------------------------------ */
/* Relation objects                                                   */

static IisDate *
unpack_date (guint32 packed)
{
  IisDate d;

  if (packed == IIS_DATE_PACKED_NONE)
    return NULL;
  _iis_date_unpack (packed, &d);
  return iis_date_copy (&d);
}

/* The one relation object bound to @slot, made if needed. */
static IisRelation *
relation_for_slot (IisCatalog *self,
                   guint32     slot)
{
  const Record *rec = &self->records[slot];
  g_autoptr(IisDate) start = NULL;
  g_autoptr(IisDate) end = NULL;
  GWeakRef *ref;
  IisRelation *relation;
  Extra extra;

  g_mutex_lock (&self->live_lock);
  ref = g_hash_table_lookup (self->live, GUINT_TO_POINTER (slot));
  if (ref != NULL)
    {
      relation = g_weak_ref_get (ref);
      if (relation != NULL)
        {
          g_mutex_unlock (&self->live_lock);
          return relation;
        }
    }

  start = unpack_date (rec->start);
  end = unpack_date (rec->end);
  relation = g_object_new (IIS_TYPE_RELATION,
                           "kind", (IisRelationKind) rec->kind,
                           "subject", node_entity (self, rec->subject),
                           "object", node_entity (self, rec->object),
                           "role", rec->role ? string_of (self, rec->role) : NULL,
                           "start", start,
                           "end", end,
                           "confidence", (IisConfidence) rec->confidence,
                           NULL);

  read_extra (self, rec->extra, &extra);
  if (extra.n_qualifiers > 0)
    {
      GHashTable *qualifiers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

      for (guint32 i = 0; i < extra.n_qualifiers; i++)
        g_hash_table_insert (qualifiers,
                             g_strdup (string_of (self, extra.qualifiers[2 * i])),
                             g_strdup (string_of (self, extra.qualifiers[2 * i + 1])));
      _iis_relation_set_qualifiers_take (relation, qualifiers);
    }
  if (extra.n_sources > 0)
    {
      GPtrArray *sources = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint32 i = 0; i < extra.n_sources; i++)
        g_ptr_array_add (sources, source_copy (g_ptr_array_index (self->sources,
                                                                  extra.sources[i])));
      _iis_relation_set_sources_take (relation, sources);
    }
  if (extra.unknown != 0)
    _iis_relation_set_unknown_json (relation, string_of (self, extra.unknown));

  _iis_relation_bind (relation, self, slot);

  if (ref == NULL)
    {
      ref = g_new0 (GWeakRef, 1);
      g_weak_ref_init (ref, relation);
      g_hash_table_insert (self->live, GUINT_TO_POINTER (slot), ref);
    }
  else
    g_weak_ref_set (ref, relation);
  g_mutex_unlock (&self->live_lock);

  return relation;
}

static void
unref_nullable (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static void
free_weak_ref (gpointer data)
{
  GWeakRef *ref = data;

  g_weak_ref_clear (ref);
  g_free (ref);
}

/* Unbind and forget the live object of @slot, if any; returns it (full). */
static IisRelation *
steal_live_relation (IisCatalog *self,
                     guint32     slot)
{
  IisRelation *relation = NULL;
  GWeakRef *ref;

  g_mutex_lock (&self->live_lock);
  ref = g_hash_table_lookup (self->live, GUINT_TO_POINTER (slot));
  if (ref != NULL)
    {
      relation = g_weak_ref_get (ref);
      g_hash_table_remove (self->live, GUINT_TO_POINTER (slot));
    }
  g_mutex_unlock (&self->live_lock);

  if (relation != NULL)
    _iis_relation_unbind (relation);
  return relation;
}

void
_iis_catalog_forget_relation (IisCatalog  *self,
                              IisRelation *relation)
{
  guint32 slot = _iis_relation_get_slot (relation);
  GWeakRef *ref;

  g_mutex_lock (&self->live_lock);
  ref = g_hash_table_lookup (self->live, GUINT_TO_POINTER (slot));
  if (ref != NULL)
    {
      IisRelation *current = g_weak_ref_get (ref);

      if (current == NULL)
        g_hash_table_remove (self->live, GUINT_TO_POINTER (slot));
      else
        {
          /* A new object already took the slot over (it cannot be this
           * one, which is being finalized); drop the extra reference
           * outside the lock. */
          g_mutex_unlock (&self->live_lock);
          g_object_unref (current);
          return;
        }
    }
  g_mutex_unlock (&self->live_lock);
}

static GListModel *
relations_to_model (IisCatalog *self,
                    GArray     *slots)
{
  gpointer *items;

  if (slots->len == 0)
    return _iis_answer_new_take (IIS_TYPE_RELATION, NULL, 0);

  sort_relation_slots (self, (guint32 *) (gpointer) slots->data, slots->len);
  items = g_new (gpointer, slots->len);
  for (guint i = 0; i < slots->len; i++)
    items[i] = relation_for_slot (self, g_array_index (slots, guint32, i));
  return _iis_answer_new_take (IIS_TYPE_RELATION, items, slots->len);
}

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
      g_free (self->nodes[i].out.entries);
      g_free (self->nodes[i].in.entries);
    }
  g_free (self->nodes);
  g_array_unref (self->free_nodes);
  g_hash_table_unref (self->ids);
  g_hash_table_unref (self->identifiers);
  g_hash_table_unref (self->shared_identifiers);
  g_free (self->records);
  g_array_unref (self->free_records);
  g_free (self->words);
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
  properties[PROP_N_ENTITIES] =
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
  properties[PROP_N_RELATIONS] =
    g_param_spec_uint ("n-relations", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

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
  signals[ENTITY_ADDED] =
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
  signals[ENTITY_REMOVED] =
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
  signals[RELATION_ADDED] =
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
  signals[RELATION_REMOVED] =
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

static void
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
static void G_GNUC_PRINTF (4, 5)
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

static gboolean
check_id (const char  *id,
          const char  *where,
          GError     **error)
{
  gsize len;

  if (id == NULL || *id == '\0')
    {
      set_located_error (error, IIS_ERROR_INVALID_VALUE, where, "the entity has no id");
      return FALSE;
    }
  len = strlen (id);
  if (len > ID_MAX_BYTES || !g_utf8_validate (id, len, NULL))
    {
      set_located_error (error, IIS_ERROR_INVALID_VALUE, where,
                         "invalid entity id: longer than %d bytes or not UTF-8", ID_MAX_BYTES);
      return FALSE;
    }
  for (const char *p = id; *p; p = g_utf8_next_char (p))
    {
      if (g_unichar_iscntrl (g_utf8_get_char (p)))
        {
          g_autofree char *escaped = g_strescape (id, NULL);

          set_located_error (error, IIS_ERROR_INVALID_VALUE, where,
                             "invalid entity id “%s”: it contains a control character", escaped);
          return FALSE;
        }
    }
  return TRUE;
}

static char *
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

static void
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
static IisEntity *
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
 * organization's dissolution), which every dated question reads. */
static void
update_ended (IisCatalog *self,
              guint32     slot)
{
  IisEntity *entity = self->nodes[slot].entity;
  const IisDate *dissolved = NULL;

  if (IIS_IS_ORGANIZATION (entity))
    dissolved = iis_organization_get_dissolved (IIS_ORGANIZATION (entity));
  self->nodes[slot].ended = _iis_date_pack (dissolved);
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

static guint32
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
      self->nodes = grow (self->nodes, &self->cap_nodes, self->n_nodes + 1, sizeof (Node));
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

static gboolean
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
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ENTITIES]);
  g_signal_emit (self, signals[ENTITY_ADDED], 0, entity);
  debug_check (self);
  return TRUE;
}

static void remove_relation_slot (IisCatalog *self,
                                  guint32     slot,
                                  gboolean    emit);
static GPtrArray *remove_node_relations (IisCatalog *self,
                                         guint32     node_slot);

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
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_RELATIONS]);
          if (g_ptr_array_index (removed, i) != NULL)
            g_signal_emit (self, signals[RELATION_REMOVED], 0, g_ptr_array_index (removed, i));
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
  g_clear_pointer (&node->out.entries, g_free);
  g_clear_pointer (&node->in.entries, g_free);
  memset (node, 0, sizeof *node);
  g_array_append_val (self->free_nodes, slot);
  self->n_entities--;
  _iis_entity_detach (held);
  g_atomic_int_set (&self->ranks_dirty, 1);

  collect_garbage_if_needed (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ENTITIES]);
  g_signal_emit (self, signals[ENTITY_REMOVED], 0, held);
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

/* ------------------------------------------------------------------ */
/* Relations                                                          */

static const char *
type_nick (IisEntity *entity)
{
  const char *nick = iis_entity_get_type_nick (entity);

  return nick ? nick : G_OBJECT_TYPE_NAME (entity);
}

static void
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

static guint32
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
      self->records = grow (self->records, &self->cap_records,
                            self->n_records + 1, sizeof (Record));
      slot = self->n_records++;
    }
  memset (&self->records[slot], 0, sizeof (Record));
  return slot;
}

static void
link_record (IisCatalog *self,
             guint32     slot)
{
  const Record *rec = &self->records[slot];

  adjacency_append (&self->nodes[rec->subject].out, ADJACENT_KEY (rec->kind, rec->object), slot);
  adjacency_append (&self->nodes[rec->object].in, ADJACENT_KEY (rec->kind, rec->subject), slot);
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

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_RELATIONS]);
  g_signal_emit (self, signals[RELATION_ADDED], 0, relation);
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

static void
remove_relation_slot (IisCatalog *self,
                      guint32     slot,
                      gboolean    emit)
{
  Record *rec = &self->records[slot];
  g_autoptr(IisRelation) relation = NULL;
  IisRelation *live;
  gboolean wanted = emit && g_signal_has_handler_pending (self, signals[RELATION_REMOVED], 0, FALSE);

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

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_RELATIONS]);
  if (wanted)
    g_signal_emit (self, signals[RELATION_REMOVED], 0, relation);
}

/* Remove every relation of node @node_slot, without signals: clear its
 * own arrays, and filter the arrays of each neighbour once, dropping the
 * entries whose other end is the node. Returns, in the order of the
 * node's arrays, the relations as they were (unbound) when a
 * relation-removed handler is connected, else NULLs: one per relation. */
static GPtrArray *
remove_node_relations (IisCatalog *self,
                       guint32     node_slot)
{
  gboolean wanted = g_signal_has_handler_pending (self, signals[RELATION_REMOVED], 0, FALSE);
  GPtrArray *removed = g_ptr_array_new_with_free_func (unref_nullable);
  g_autoptr(GHashTable) neighbours = g_hash_table_new (NULL, NULL);
  Node *node = &self->nodes[node_slot];
  GHashTableIter iter;
  gpointer key;

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

static inline gboolean
entity_in_catalog (IisCatalog *self,
                   IisEntity  *entity)
{
  return entity != NULL && _iis_entity_get_catalog (entity) == self;
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
  gsize visited = 0;

  g_return_val_if_fail (IIS_IS_CATALOG (self), NULL);
  g_return_val_if_fail (subject == NULL || IIS_IS_ENTITY (subject), NULL);
  g_return_val_if_fail (object == NULL || IIS_IS_ENTITY (object), NULL);

  slots = g_array_new (FALSE, FALSE, sizeof (guint32));

  if ((subject != NULL && !entity_in_catalog (self, subject)) ||
      (object != NULL && !entity_in_catalog (self, object)))
    return relations_to_model (self, slots);

  if (subject != NULL || object != NULL)
    {
      gboolean in = subject == NULL;
      Adjacency *adj = in ? &self->nodes[_iis_entity_get_slot (object)].in
                          : &self->nodes[_iis_entity_get_slot (subject)].out;
      guint32 other = object != NULL && subject != NULL ? _iis_entity_get_slot (object) : G_MAXUINT32;
      guint32 begin, end;

      if (kind == IIS_RELATION_KIND_ANY)
        kind_range (self, adj, kind, &begin, &end);
      else
        adjacency_range (self, adj, kind, other, &begin, &end);
      for (guint32 i = begin; i < end; i++)
        {
          guint32 slot = adj->entries[i].slot;

          visited++;
          if (other != G_MAXUINT32 && self->records[slot].object != other)
            continue;
          g_array_append_val (slots, slot);
        }
    }
  else
    {
      for (guint32 slot = 0; slot < self->n_records; slot++)
        {
          const Record *rec = &self->records[slot];

          visited++;
          if (rec->kind == IIS_RELATION_KIND_ANY)
            continue;
          if (kind != IIS_RELATION_KIND_ANY && rec->kind != (guint) kind)
            continue;
          g_array_append_val (slots, slot);
        }
    }

  g_atomic_pointer_add (&self->visited, visited);
  return relations_to_model (self, slots);
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

  if (IIS_IS_ORGANIZATION (entity))
    {
      first = iis_organization_get_founded (IIS_ORGANIZATION (entity));
      last = iis_organization_get_dissolved (IIS_ORGANIZATION (entity));
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

  if (!IIS_IS_ORGANIZATION (entity) || rec->start == IIS_DATE_PACKED_NONE)
    return;

  founded = iis_organization_get_founded (IIS_ORGANIZATION (entity));
  dissolved = iis_organization_get_dissolved (IIS_ORGANIZATION (entity));

  /* Only what certainly falls outside: an inexact start (2005~, ../2004)
   * may be either side. */
  if (founded != NULL &&
      _iis_date_packed_on_or_before (_iis_date_pack (founded), rec->start) == IIS_TRUTH_NO)
    {
      g_autofree char *s = packed_to_string (rec->start);
      g_autofree char *f = iis_date_to_string (founded);

      what = describe_record (self, rec);
      add_record_problem (self, problems, IIS_PROBLEM_KIND_OUTSIDE_LIFETIME, slot,
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
      add_record_problem (self, problems, IIS_PROBLEM_KIND_OUTSIDE_LIFETIME, slot,
                          g_strdup_printf ("Relation %s starts (%s) after “%s” was dissolved (%s)",
                                           what, s, iis_entity_get_id (entity), d));
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
      if (n < 2)
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
 * forums), relations dated before an organization at one of their ends
 * was founded or after it was dissolved, cycles of `part-of` relations,
 * identical relations (same ends, kind and role) stated for overlapping
 * periods (one problem for each group of them, whose message says how
 * many there are, so that the list stays as long as the catalog, not its
 * square), and external identifiers held by more than one entity.
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
  self->records = grow (self->records, &self->cap_records,
                        self->n_records + stage->relations->len, sizeof (Record));
  emit_relations = g_signal_has_handler_pending (self, signals[RELATION_ADDED], 0, FALSE);
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
        g_signal_emit (self, signals[ENTITY_REMOVED], 0, old);
      if (_iis_entity_get_catalog (entity) == self)
        g_signal_emit (self, signals[ENTITY_ADDED], 0, entity);
    }
  for (guint i = 0; added_relations != NULL && i < added_relations->len; i++)
    {
      IisRelation *relation = g_ptr_array_index (added_relations, i);

      if (iis_relation_is_in_catalog (relation))
        g_signal_emit (self, signals[RELATION_ADDED], 0, relation);
    }

  if (stage->entities->len > 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ENTITIES]);
  if (stage->relations->len > 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_RELATIONS]);
  self->collect_held--;
  g_object_thaw_notify (G_OBJECT (self));
  debug_check (self);
}

/* ------------------------------------------------------------------ */
/* For the writer, the tests and the benchmarks                       */

void
_iis_catalog_foreach_relation (IisCatalog          *self,
                               IisRelationViewFunc  func,
                               gpointer             user_data)
{
  g_autofree guint32 *order = NULL;
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  g_autoptr(GPtrArray) sources = g_ptr_array_new ();
  guint32 n = 0;

  g_return_if_fail (IIS_IS_CATALOG (self));

  order = g_new (guint32, MAX (self->n_relations, 1));
  for (guint32 slot = 0; slot < self->n_records; slot++)
    if (self->records[slot].kind != IIS_RELATION_KIND_ANY)
      order[n++] = slot;
  sort_relation_slots (self, order, n);

  for (guint32 i = 0; i < n; i++)
    {
      const Record *rec = &self->records[order[i]];
      IisRelationView view = { 0 };
      Extra extra;

      read_extra (self, rec->extra, &extra);
      g_ptr_array_set_size (keys, 0);
      g_ptr_array_set_size (values, 0);
      g_ptr_array_set_size (sources, 0);
      for (guint32 q = 0; q < extra.n_qualifiers; q++)
        {
          g_ptr_array_add (keys, (gpointer) string_of (self, extra.qualifiers[2 * q]));
          g_ptr_array_add (values, (gpointer) string_of (self, extra.qualifiers[2 * q + 1]));
        }
      for (guint32 s = 0; s < extra.n_sources; s++)
        g_ptr_array_add (sources, g_ptr_array_index (self->sources, extra.sources[s]));

      view.kind = rec->kind;
      view.subject = node_entity (self, rec->subject);
      view.object = node_entity (self, rec->object);
      view.role = rec->role ? string_of (self, rec->role) : NULL;
      view.start = rec->start;
      view.end = rec->end;
      view.confidence = rec->confidence;
      view.n_qualifiers = extra.n_qualifiers;
      view.qualifier_keys = (const char *const *) keys->pdata;
      view.qualifier_values = (const char *const *) values->pdata;
      view.n_sources = extra.n_sources;
      view.sources = (IisSource *const *) sources->pdata;
      view.unknown_json = extra.unknown ? string_of (self, extra.unknown) : NULL;

      func (&view, user_data);
    }
}

GPtrArray *
_iis_catalog_dup_entities_sorted (IisCatalog *self)
{
  GPtrArray *entities;

  g_return_val_if_fail (IIS_IS_CATALOG (self), NULL);

  ensure_ranks (self);
  entities = g_ptr_array_sized_new (self->n_sorted);
  for (guint32 r = 0; r < self->n_sorted; r++)
    g_ptr_array_add (entities, node_entity (self, self->sorted_nodes[r]));
  return entities;
}

JsonObject *
_iis_catalog_get_document_unknown (IisCatalog *self)
{
  g_return_val_if_fail (IIS_IS_CATALOG (self), NULL);

  return self->document_unknown;
}

static inline gboolean
date_is_inexact (const IisDate *date)
{
  return date != NULL && !iis_date_is_exact (date);
}

static gboolean
sources_need_1_1 (GListModel *sources)
{
  guint n = sources != NULL ? g_list_model_get_n_items (sources) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IisSource) source = g_list_model_get_item (sources, i);

      if (date_is_inexact (iis_source_get_date (source)))
        return TRUE;
    }
  return FALSE;
}

/* Whether an entity needs format 1.1: an inexact date (EDTF) in a date
 * property of its type, an other name or a source, or a member that 1.0
 * does not know. */
static gboolean
entity_needs_1_1 (IisEntity *entity)
{
  g_autofree GParamSpec **pspecs = NULL;
  GListModel *names = iis_entity_get_other_names (entity);
  guint n_pspecs;
  guint n_names = names != NULL ? g_list_model_get_n_items (names) : 0;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (entity), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    if (pspecs[i]->value_type == IIS_TYPE_DATE)
      {
        g_autoptr(IisDate) date = NULL;

        g_object_get (entity, pspecs[i]->name, &date, NULL);
        if (date_is_inexact (date))
          return TRUE;
      }
  /* An agreement's own dates that 1.0 does not know. */
  if (IIS_IS_AGREEMENT (entity)
      && (iis_agreement_get_opened_for_signature (IIS_AGREEMENT (entity)) != NULL
          || iis_agreement_get_terminated (IIS_AGREEMENT (entity)) != NULL))
    return TRUE;
  for (guint i = 0; i < n_names; i++)
    {
      g_autoptr(IisName) name = g_list_model_get_item (names, i);

      if (date_is_inexact (iis_name_get_start (name)) || date_is_inexact (iis_name_get_end (name)))
        return TRUE;
    }
  return sources_need_1_1 (iis_entity_get_sources (entity));
}

guint
_iis_catalog_get_format_minor (IisCatalog *self)
{
  g_return_val_if_fail (IIS_IS_CATALOG (self), 0);

  if (self->n_relations_1_1 > 0)
    return 1;

  /* Inexact dates (EDTF): in the relations' records (a freed record is
   * all zero, so exact), their pooled sources, and the entities. One pass
   * at each save, small beside the writing itself. */
  for (guint32 r = 0; r < self->n_records; r++)
    if (!IIS_DATE_PACKED_IS_EXACT (self->records[r].start | self->records[r].end))
      return 1;
  for (guint i = 1; i < self->sources->len; i++)   /* id 0 is no source */
    {
      IisSource *source = g_ptr_array_index (self->sources, i);

      /* Collected sources leave a NULL behind. */
      if (source != NULL && date_is_inexact (iis_source_get_date (source)))
        return 1;
    }
  for (guint32 slot = 0; slot < self->n_nodes; slot++)
    {
      IisEntity *entity = node_entity (self, slot);

      if (entity != NULL && entity_needs_1_1 (entity))
        return 1;
    }
  return 0;
}

void
_iis_catalog_get_stats (IisCatalog      *self,
                        IisCatalogStats *stats)
{
  g_return_if_fail (IIS_IS_CATALOG (self));

  memset (stats, 0, sizeof *stats);
  stats->n_entities = self->n_entities;
  stats->n_relations = self->n_relations;
  stats->n_free_slots = self->free_records->len;
  stats->record_bytes = (gsize) self->cap_records * sizeof (Record);
  for (guint32 i = 0; i < self->n_nodes; i++)
    stats->index_bytes += ((gsize) self->nodes[i].out.cap + self->nodes[i].in.cap) * sizeof (Adjacent);
  stats->index_bytes += (gsize) self->cap_nodes * sizeof (Node);
  stats->extra_bytes = (gsize) self->cap_words * sizeof (guint32);
  /* Each string or source key is counted with its bytes, plus a hash
   * table entry (key, value, hash: about 24 bytes) and a pointer. */
  stats->string_bytes = self->string_bytes +
    ((gsize) self->strings->len + self->sources->len) * (24 + sizeof (gpointer));
  stats->visited = g_atomic_pointer_get (&self->visited);
  stats->removal_steps = self->removal_steps;
}

void
_iis_catalog_shrink (IisCatalog *self)
{
  g_return_if_fail (IIS_IS_CATALOG (self));

  for (guint32 i = 0; i < self->n_nodes; i++)
    {
      Node *node = &self->nodes[i];

      if (node->out.cap > node->out.len)
        {
          node->out.entries = g_realloc_n (node->out.entries, node->out.len, sizeof (Adjacent));
          node->out.cap = node->out.len;
        }
      if (node->in.cap > node->in.len)
        {
          node->in.entries = g_realloc_n (node->in.entries, node->in.len, sizeof (Adjacent));
          node->in.cap = node->in.len;
        }
    }
  if (self->cap_records > self->n_records)
    {
      self->records = g_realloc_n (self->records, MAX (self->n_records, 1), sizeof (Record));
      self->cap_records = MAX (self->n_records, 1);
    }
  if (self->cap_words > self->n_words)
    {
      self->words = g_realloc_n (self->words, MAX (self->n_words, 1), sizeof (guint32));
      self->cap_words = MAX (self->n_words, 1);
    }
}

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
                     IisRelation *relation)
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
      g_autoptr(GString) object_key = source_key (g_ptr_array_index (sources, i));
      g_autoptr(GString) pooled_key = source_key (g_ptr_array_index (self->sources,
                                                                     extra.sources[i]));

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
      const IisDate *dissolved = NULL;
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
      if (IIS_IS_ORGANIZATION (entity))
        dissolved = iis_organization_get_dissolved (IIS_ORGANIZATION (entity));
      CHECK (node->ended == _iis_date_pack (dissolved),
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
        g_autoptr(GString) skey = NULL;

        if (g_ptr_array_index (self->sources, i) == NULL)
          continue;
        n_sources++;
        skey = source_key (g_ptr_array_index (self->sources, i));
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

        check_live_relation (self, _iis_relation_get_slot (relation), relation);
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
