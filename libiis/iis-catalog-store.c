/* iis-catalog-store.c: the catalog's storage
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

#include "iis-catalog-store-private.h"

/* ------------------------------------------------------------------ */
/* Small helpers                                                      */

guint32
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
guint32
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

/* One field of a source's pool key, length first, so that no two
 * different sources share a key whatever their text holds (a separator
 * alone would let "a\x1fb" + "c" and "a" + "b\x1fc" meet), and a missing
 * field differs from an empty one. */
static void
append_field (GString    *key,
              const char *value)
{
  if (value != NULL)
    {
      /* Not g_string_append_printf(): that allocates, and the invariant
       * checks build a key for every pooled source at every edit. */
      char length[24];

      g_snprintf (length, sizeof length, "%zu:", strlen (value));
      g_string_append (key, length);
      g_string_append (key, value);
    }
  else
    g_string_append_c (key, '-');
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
  iis_source_set_locator (copy, iis_source_get_locator (source));
  if (_iis_source_get_unknown (source) != NULL)
    _iis_source_set_unknown (copy, _iis_source_get_unknown (source));
  return copy;
}

/* The pooling key of a source: its content, field by field, appended
 * to @key (the invariant checks reuse one buffer for every source). */
void
source_key_append (GString   *key,
                   IisSource *source)
{
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
  append_field (key, iis_source_get_locator (source));
  unknown = _iis_source_get_unknown (source);
  if (unknown != NULL)
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      g_autofree char *text = NULL;

      json_node_set_object (node, unknown);
      text = json_to_string (node, FALSE);
      append_field (key, text);
    }
}

GString *
source_key (IisSource *source)
{
  GString *key = g_string_new (NULL);

  source_key_append (key, source);
  return key;
}

/* Sources are pooled by content. The pool keeps private copies, so that
 * no caller can change a source that other relations share. */
guint32
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

guint32
append_words (IisCatalog     *self,
              const guint32  *words,
              guint32         n)
{
  guint32 offset;

  if (self->n_words == 0)
    self->n_words = 1;  /* offset 0 means "no extra" */
  offset = self->n_words;
  self->words = grow (self, self->words, &self->cap_words, self->n_words, self->n_words + n, sizeof (guint32));
  memcpy (self->words + offset, words, n * sizeof (guint32));
  self->n_words += n;
  return offset;
}

static int
compare_qualifiers (gconstpointer a,
                    gconstpointer b)
{
  return strcmp (((const Qualifier *) a)->key, ((const Qualifier *) b)->key);
}

/* Store qualifiers (sorted by key here, in place), pooled sources and
 * unknown JSON as extra words; returns 0 when there is nothing to store. */
guint32
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

void
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

  free_storage (self, self->words);
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

void
collect_garbage_if_needed (IisCatalog *self)
{
  if (self->collect_held == 0 && self->churn >= GARBAGE_MIN_CHURN && self->churn >= self->live_size)
    collect_garbage (self);
}

/* ------------------------------------------------------------------ */
/* Adjacency                                                          */

void
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

int
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

/* The first entry of a sorted array whose key is not below @key. */

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

static gboolean
nodes_in_id_order (IisCatalog     *self,
                   const guint32  *slots,
                   guint32         n)
{
  for (guint32 i = 1; i < n; i++)
    if (compare_node_ids (&slots[i - 1], &slots[i], self) > 0)
      return FALSE;
  return TRUE;
}

void
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
      /* Entities loaded from a file, or opened from a snapshot, come in
       * id order: a look costs n comparisons, the sort n log n. */
      if (!nodes_in_id_order (self, self->sorted_nodes, n))
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

void
sort_relation_slots (IisCatalog *self,
                     guint32    *slots,
                     guint32     n)
{
  ensure_ranks (self);
  g_qsort_with_data (slots, n, sizeof (guint32), compare_record_slots, self);
}

/* Sorts @n unsigned numbers, least significant byte first. A pass is
 * skipped when every number has the same byte there: ranks are below
 * the number of entities, so their top byte, and often the next, are
 * all zero. */
static void
radix_sort_u32 (guint32 *values,
                guint32  n)
{
  g_autofree guint32 *tmp = g_new (guint32, n);
  guint32 counts[4][256] = { { 0 } };
  guint32 *from = values, *to = tmp;

  for (guint32 i = 0; i < n; i++)
    for (guint b = 0; b < 4; b++)
      counts[b][(values[i] >> (8 * b)) & 0xff]++;

  for (guint b = 0; b < 4; b++)
    {
      guint32 *count = counts[b];
      guint32 sum = 0;
      guint32 *swap;

      if (count[(from[0] >> (8 * b)) & 0xff] == n)
        continue;
      for (guint d = 0; d < 256; d++)
        {
          guint32 c = count[d];

          count[d] = sum;
          sum += c;
        }
      for (guint32 i = 0; i < n; i++)
        to[count[(from[i] >> (8 * b)) & 0xff]++] = from[i];
      swap = from;
      from = to;
      to = swap;
    }
  if (from != values)
    memcpy (values, from, n * sizeof (guint32));
}

static void
insertion_sort_u32 (guint32 *values,
                    guint32  n)
{
  for (guint32 i = 1; i < n; i++)
    {
      guint32 v = values[i];
      guint32 j = i;

      for (; j > 0 && values[j - 1] > v; j--)
        values[j] = values[j - 1];
      values[j] = v;
    }
}

/* Sorts @n unsigned numbers: a quicksort on the median of three, down
 * to short runs left to an insertion sort. It recurses into the shorter
 * part only, so the stack stays shallow. */
static void
quick_sort_u32 (guint32 *values,
                guint32  n)
{
  while (n > 16)
    {
      guint32 a = values[0], b = values[n / 2], c = values[n - 1];
      guint32 pivot = a < b ? (b < c ? b : (a < c ? c : a))
                            : (a < c ? a : (b < c ? c : b));
      guint32 i = 0, j = n - 1;

      /* Hoare's partition: [0, j] ≤ pivot ≤ [j + 1, n). */
      for (;;)
        {
          guint32 t;

          while (values[i] < pivot)
            i++;
          while (values[j] > pivot)
            j--;
          if (i >= j)
            break;
          t = values[i];
          values[i] = values[j];
          values[j] = t;
          i++;
          j--;
        }
      if (j + 1 < n - (j + 1))
        {
          quick_sort_u32 (values, j + 1);
          values += j + 1;
          n -= j + 1;
        }
      else
        {
          quick_sort_u32 (values + j + 1, n - (j + 1));
          n = j + 1;
        }
    }
  insertion_sort_u32 (values, n);
}

/* Sorts node slots by id. A comparison callback through the ranks cost
 * a quarter of the time of a question whose answer comes scattered (a
 * catalog whose relations were added in random order): the slots are
 * turned into their ranks instead, sorted as plain numbers, and turned
 * back. Equal slots have equal ranks, so duplicates stay side by side. */
static void
sort_slots_by_rank (IisCatalog *self,
                    guint32    *slots,
                    guint32     n)
{
  for (guint32 i = 0; i < n; i++)
    slots[i] = self->ranks[slots[i]];

  /* The radix sort's fixed cost (its 4 × 256 counters) is only worth
   * it for long answers. */
  if (n < 256)
    quick_sort_u32 (slots, n);
  else
    radix_sort_u32 (slots, n);

  for (guint32 i = 0; i < n; i++)
    slots[i] = self->sorted_nodes[slots[i]];
}

/* Turn node slots into a list of entities sorted by id; duplicates
 * are dropped. */
GListModel *
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
          sort_slots_by_rank (self, (guint32 *) (gpointer) slots->data, slots->len);
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
IisRelation *
relation_for_slot (IisCatalog *self,
                   guint32     slot)
{
  const Record *rec = &self->records[slot];
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

  relation = _iis_relation_new_stored ((IisRelationKind) rec->kind,
                                       node_entity (self, rec->subject),
                                       node_entity (self, rec->object),
                                       rec->role ? string_of (self, rec->role) : NULL,
                                       unpack_date (rec->start),
                                       unpack_date (rec->end),
                                       (IisConfidence) rec->confidence);

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

void
unref_nullable (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

void
free_weak_ref (gpointer data)
{
  GWeakRef *ref = data;

  g_weak_ref_clear (ref);
  g_free (ref);
}

/* Unbind and forget the live object of @slot, if any; returns it (full). */
IisRelation *
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

GListModel *
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
/* Statistics, for the tests and the benchmarks                       */

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
