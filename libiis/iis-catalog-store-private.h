/* iis-catalog-store-private.h: the catalog's storage, for the files of IisCatalog
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * Include this header only from the files that implement IisCatalog
 * (libiis/iis-catalog*.c). Everything else sees the catalog through
 * iis-catalog.h, and through the narrow private headers made for it:
 * iis-catalog-private.h (the model types' hooks), iis-stage-private.h
 * (the reader), iis-catalog-view-private.h (the writer),
 * iis-catalog-query-private.h (IisQuery) and iis-catalog-debug-private.h
 * (tests, benchmarks and fuzz targets).
 *
 * The storage itself is described at the top of iis-catalog-store.c. The
 * helpers the questions call in their loops are static inline here, so
 * that splitting the catalog over several files costs them no call.
 *
 * The functions below keep the short names they had as static functions
 * of one file; hidden visibility keeps them out of the library's ABI.
 * Each is documented where it is defined.
 */

#pragma once

#include <string.h>

#include "iis-answer-private.h"
#include "iis-catalog-debug-private.h"
#include "iis-catalog-private.h"
#include "iis-catalog-query-private.h"
#include "iis-catalog-view-private.h"
#include "iis-date-private.h"
#include "iis-enum-types.h"
#include "iis-error.h"
#include "iis-forum.h"
#include "iis-format-private.h"
#include "iis-hash-private.h"
#include "iis-problem.h"
#include "iis-source-private.h"
#include "iis-stage-private.h"
#include "iis-state.h"
#include "iis-writer-private.h"

G_BEGIN_DECLS

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

  /* A snapshot the storage points into (see is_lent()) */
  GBytes      *lent;
  const char  *lent_begin;
  const char  *lent_end;

  guint       stamp;            /* bumped by every change: see note_change() */

  gsize       visited;          /* atomic: records looked at by questions */
  guint64     removal_steps;    /* adjacency entries removals looked at or moved */

  gboolean    debug_invariants; /* IIS_DEBUG=invariants: check after every change */
};

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

typedef struct
{
  const char *key;
  const char *value;
} Qualifier;

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

/* Defined in iis-catalog.c. */
extern GParamSpec *_iis_catalog_properties[N_PROPS];
extern guint _iis_catalog_signals[N_SIGNALS];

/* ---- iis-catalog-store.c: interned strings, pooled sources, extra
 * words, adjacency, ranks, relation objects */

guint32       intern_string             (IisCatalog    *self,
                                         const char    *str);
guint32       find_string               (IisCatalog    *self,
                                         const char    *str);
GString *     source_key                (IisSource     *source);
void          source_key_append         (GString       *key,
                                         IisSource     *source);
guint32       pool_source               (IisCatalog    *self,
                                         IisSource     *source);
guint32       store_extra               (IisCatalog    *self,
                                         Qualifier     *qualifiers,
                                         guint32        n_qualifiers,
                                         const guint32 *source_ids,
                                         guint32        n_sources,
                                         const char    *unknown_json);
guint32       append_words              (IisCatalog    *self,
                                         const guint32 *words,
                                         guint32        n);
void          release_extra             (IisCatalog    *self,
                                         guint32        offset);
void          collect_garbage_if_needed (IisCatalog    *self);
void          adjacency_remove          (IisCatalog    *self,
                                         Adjacency     *adj,
                                         guint32        slot);
int           compare_adjacent          (gconstpointer  a,
                                         gconstpointer  b,
                                         gpointer       user_data);
void          ensure_ranks              (IisCatalog    *self);
void          sort_relation_slots       (IisCatalog    *self,
                                         guint32       *slots,
                                         guint32        n);
GListModel *  entities_to_model         (IisCatalog    *self,
                                         GArray        *slots);
IisRelation * relation_for_slot         (IisCatalog    *self,
                                         guint32        slot);
void          unref_nullable            (gpointer       object);
void          free_weak_ref             (gpointer       data);
IisRelation * steal_live_relation       (IisCatalog    *self,
                                         guint32        slot);
GListModel *  relations_to_model        (IisCatalog    *self,
                                         GArray        *slots);

/* ---- iis-catalog.c: the object and its entities */

void                      debug_check       (IisCatalog  *self);
void G_GNUC_PRINTF (4, 5) set_located_error (GError     **error,
                                             gint         code,
                                             const char  *where,
                                             const char  *format,
                                             ...);
gboolean                  check_id          (const char  *id,
                                             const char  *where,
                                             GError     **error);
char *                    identifier_key    (const char  *scheme,
                                             const char  *value);
void                      index_identifiers (IisCatalog  *self,
                                             IisEntity   *entity,
                                             gboolean     add);
IisEntity *               first_holder      (GTree       *holders);
void                      update_ended      (IisCatalog  *self,
                                             guint32      slot);
guint32                   attach_entity     (IisCatalog  *self,
                                             IisEntity   *entity);
gboolean                  lookup_slot       (IisCatalog  *self,
                                             const char  *id,
                                             guint32     *slot);

/* ---- iis-catalog-relations.c: records and their adjacency */

const char * type_nick             (IisEntity        *entity);
void         set_type_mismatch     (GError          **error,
                                    const char       *where,
                                    IisRelationKind   kind,
                                    IisEntity        *subject,
                                    IisEntity        *object);
guint32      new_record            (IisCatalog       *self);
void         link_record           (IisCatalog       *self,
                                    guint32           slot);
void         remove_relation_slot  (IisCatalog       *self,
                                    guint32           slot,
                                    gboolean          emit);
GPtrArray *  remove_node_relations (IisCatalog       *self,
                                    guint32           node_slot);

/* A walk over the relations matching a pattern: entries begin..end of
 * @adj, or record slots begin..end when @adj is NULL (every relation
 * of @kind, IIS_RELATION_KIND_ANY for all); when @other is not
 * G_MAXUINT32, only the entries whose other end is that node match. See
 * relation_scan_init() and relation_scan_match(). */
typedef struct
{
  Adjacency       *adj;
  guint32          begin;
  guint32          end;
  guint32          other;
  IisRelationKind  kind;
} RelationScan;

gboolean     relation_scan_init    (IisCatalog       *self,
                                    RelationScan     *scan,
                                    IisEntity        *subject,
                                    IisRelationKind   kind,
                                    IisEntity        *object);

/* ---- Inline helpers ------------------------------------------------ */

/* Storage a snapshot lends (see iis-catalog-snapshot.c) points into the
 * mapped file, which is mapped copy-on-write: it may be written in place
 * (sorted, filtered) but neither reallocated nor freed. Its capacity is
 * 0; it moves to the heap the first time it must grow. */
static inline gboolean
is_lent (IisCatalog    *self,
         gconstpointer  array)
{
  return self->lent != NULL
         && (const char *) array >= self->lent_begin
         && (const char *) array < self->lent_end;
}

static inline gpointer
grow (IisCatalog *self,
      gpointer    array,
      guint32    *cap,
      guint32     len,
      guint32     needed,
      gsize       item_size)
{
  guint32 new_cap;

  if (needed <= *cap)
    return array;
  if (needed > G_MAXUINT32 / 2)
    g_error ("libiis: catalog storage exhausted (%u items)", needed);
  new_cap = MAX (needed, MAX (*cap * 2, 8));
  if (is_lent (self, array))
    {
      gpointer copy = g_malloc_n (new_cap, item_size);

      memcpy (copy, array, (gsize) len * item_size);
      *cap = new_cap;
      return copy;
    }
  array = g_realloc_n (array, new_cap, item_size);
  *cap = new_cap;
  return array;
}

/* Free storage unless a snapshot lends it. */
static inline void
free_storage (IisCatalog *self,
              gpointer    array)
{
  if (!is_lent (self, array))
    g_free (array);
}

/* Every change to what the catalog holds (entities, relations, their
 * stored data) calls this, so that an IisRelationIter set up before it
 * can tell that the slots it holds may be stale. */
static inline void
note_change (IisCatalog *self)
{
  self->stamp++;
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

static inline const char *
string_of (IisCatalog *self,
           guint32     id)
{
  return g_ptr_array_index (self->strings, id);
}

static inline void
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

static inline guint32
extra_size (const Extra *extra)
{
  return 3 + 2 * extra->n_qualifiers + extra->n_sources;
}

static inline void
adjacency_append (IisCatalog *self,
                  Adjacency  *adj,
                  guint32    key,
                  guint32    slot)
{
  adj->entries = grow (self, adj->entries, &adj->cap, adj->len, adj->len + 1, sizeof (Adjacent));
  adj->entries[adj->len++] = (Adjacent) { key, slot };
  g_atomic_int_set (&adj->dirty, 1);
}

static inline void
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

static inline guint32
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
static inline void
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

static inline void
kind_range (IisCatalog      *self,
            Adjacency       *adj,
            IisRelationKind  kind,
            guint32         *begin,
            guint32         *end)
{
  adjacency_range (self, adj, kind, G_MAXUINT32, begin, end);
}

static inline gboolean
entity_in_catalog (IisCatalog *self,
                   IisEntity  *entity)
{
  return entity != NULL && _iis_entity_get_catalog (entity) == self;
}

/* Whether position @i of @scan is a matching relation, and its slot. */
static inline gboolean
relation_scan_match (IisCatalog         *self,
                     const RelationScan *scan,
                     guint32             i,
                     guint32            *slot)
{
  if (scan->adj != NULL)
    {
      const Adjacent *entry = &scan->adj->entries[i];

      /* The key holds the other end: no record is read. */
      *slot = entry->slot;
      return scan->other == G_MAXUINT32 || (entry->key & (MAX_NODES - 1)) == scan->other;
    }

  *slot = i;
  if (self->records[i].kind == IIS_RELATION_KIND_ANY)
    return FALSE;
  return scan->kind == IIS_RELATION_KIND_ANY || self->records[i].kind == (guint) scan->kind;
}

G_END_DECLS
