/* iis-catalog-snapshot.c: catalogs as memory-mapped snapshots, and the cache
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * A snapshot is the catalog's storage written out as it is held in
 * memory (docs/storage.md, "Snapshots"): the relation records, their
 * extra words, the sorted adjacency arrays, the interned strings and the
 * pooled sources, with the entities and the document's own members as
 * compact JSON. Opening one into an empty catalog maps the file
 * copy-on-write and points the catalog's records, words and adjacency
 * arrays into the mapping (see is_lent()): nothing is made per relation,
 * nothing is sorted, and only the pages a question reads are read from
 * the disk. Into a catalog that already holds entities, its records are
 * copied with their ends, strings and sources renumbered (no text is
 * parsed, no id looked up per relation); when handlers are connected to
 * the catalog's signals, it is staged relation by relation like a JSON
 * document instead, so that they are told as a load tells them.
 *
 * A snapshot is checked completely before anything is used: the header,
 * a checksum of the rest, and then every reference, as the fuzz target
 * (tests/fuzz/fuzz-snapshot.c) recomputes the checksum of what it
 * mutates: bounds of every id and offset, the layout of the sections,
 * each adjacency entry against its record, the kinds against the
 * entities' types, the dates (inexact ones as the reader makes them),
 * the extra words packed one record after another with their qualifier
 * keys sorted, unknown members that are JSON objects, every string and
 * source there once (tests/test-bad-snapshots.c and the damaged files
 * of tests/data/bad-snapshot check it too). A snapshot that fails any
 * check is refused with an IIS_ERROR_PARSE (IIS_ERROR_UNSUPPORTED_VERSION
 * for another major version) that says what failed.
 *
 * The layout (all integers in the writer's byte order, which the header
 * records so that another byte order is refused, not misread):
 *
 *   header    64 bytes (SnapshotHeader)
 *   table     one SnapshotSection per section, in the order below
 *   sections  each at an offset that is a multiple of 8, in order, the
 *             padding between them zero
 *
 *   DOCUMENT   the catalog without its relations, compact JSON, but for
 *              its simple entities (only a type, an id and a name): when
 *              there are any, a NUL and their table follow the JSON
 *              (write_simple_entities())
 *   STRINGS    count, then a length per id (G_MAXUINT32: a free id),
 *              then the bytes of the strings, without NULs
 *   SOURCES    count, then per id a presence word and, when present,
 *              its eight fields as (length, bytes), G_MAXUINT32 for none
 *   NODES      per entity in id order: out begin, out length, in begin,
 *              in length, into ADJACENCY, laid out one after another
 *   ADJACENCY  Adjacent entries, each node's arrays sorted
 *   RECORDS    Record structs, dense, nodes numbered as in NODES
 *   WORDS      the extra words, compacted (word 0 unused)
 */

#include "config.h"

#include <errno.h>
#include <string.h>

#include "iis-catalog-store-private.h"
#include "iis-file-io-private.h"
#include "iis-json-scanner-private.h"
#include "iis-reader-private.h"
#include "iis-snapshot-private.h"

#define SNAPSHOT_MAGIC "\211IIS\r\n\032\n"
#define SNAPSHOT_BYTE_ORDER 0x01020304u
#define SNAPSHOT_BYTE_ORDER_SWAPPED 0x04030201u
#define SNAPSHOT_VERSION_MAJOR 1
#define SNAPSHOT_VERSION_MINOR 0
#define SNAPSHOT_NONE G_MAXUINT32

typedef struct
{
  char    magic[8];
  guint32 byte_order;
  guint16 version_major;
  guint16 version_minor;
  guint32 header_size;
  guint32 n_sections;
  guint64 file_size;
  guint64 checksum;       /* of the bytes after the header */
  guint64 source_size;    /* the JSON file a cached snapshot was made */
  gint64  source_mtime;   /* from, or 0: its size, modification time */
  guint64 source_hash;    /* (µs) and content hash */
} SnapshotHeader;

G_STATIC_ASSERT (sizeof (SnapshotHeader) == 64);

typedef struct
{
  guint32 id;
  guint32 item_size;
  guint64 offset;
  guint64 size;
} SnapshotSection;

G_STATIC_ASSERT (sizeof (SnapshotSection) == 24);

typedef struct
{
  guint32 out_begin;
  guint32 out_len;
  guint32 in_begin;
  guint32 in_len;
} SnapshotNode;

enum {
  SECTION_DOCUMENT,
  SECTION_STRINGS,
  SECTION_SOURCES,
  SECTION_NODES,
  SECTION_ADJACENCY,
  SECTION_RECORDS,
  SECTION_WORDS,
  N_SECTIONS
};

static const guint32 section_item_size[N_SECTIONS] = {
  1, 1, 1, sizeof (SnapshotNode), sizeof (Adjacent), sizeof (Record), sizeof (guint32)
};

static const char * const section_names[N_SECTIONS] = {
  "document", "strings", "sources", "nodes", "adjacency", "records", "words"
};

#define N_SOURCE_FIELDS 8

/* The key of a cached snapshot: what the JSON file was when it was made. */
typedef struct
{
  guint64 size;
  gint64  mtime;
  guint64 hash;
} SnapshotKey;

/* ------------------------------------------------------------------ */
/* The checksum                                                       */

/* A 64-bit checksum over four independent lanes, so that it runs at the
 * speed of memory rather than of one chain of multiplications: checking
 * a snapshot of a million relations costs a few milliseconds. Not a
 * cryptographic hash: it finds damage, not forgery (the checks after it
 * stop a forged snapshot from doing harm). */
typedef struct
{
  guint64 lane[4];
  guint64 size;
} Hasher;

static void
hasher_init (Hasher *hasher)
{
  *hasher = (Hasher) { { 1, 2, 3, 4 }, 0 };
}

/* Hash @size bytes, a multiple of 32 unless this is the last call. */
static guint64
hasher_update (Hasher       *hasher,
               const guint8 *data,
               gsize         size,
               gboolean      last)
{
  const guint64 k = G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  guint64 h;
  gsize i = 0;

  for (; i + 32 <= size; i += 32)
    for (guint j = 0; j < 4; j++)
      {
        guint64 w;

        memcpy (&w, data + i + 8 * j, 8);
        hasher->lane[j] = (hasher->lane[j] ^ w) * k;
        hasher->lane[j] ^= hasher->lane[j] >> 31;
      }
  hasher->size += size;
  if (!last)
    {
      g_assert (i == size);
      return 0;
    }
  h = hasher->size * k;
  for (guint j = 0; j < 4; j++)
    h = ((h ^ hasher->lane[j]) * k) ^ (h >> 29);
  for (; i < size; i++)
    h = ((h ^ data[i]) * k) ^ (h >> 29);
  return h ^ (h >> 32);
}

static guint64
snapshot_hash (const guint8 *data,
               gsize         size)
{
  Hasher hasher;

  hasher_init (&hasher);
  return hasher_update (&hasher, data, size, TRUE);
}

/* ------------------------------------------------------------------ */
/* Writing                                                            */

static void
append_u32 (GByteArray *out,
            guint32     value)
{
  g_byte_array_append (out, (const guint8 *) &value, sizeof value);
}

static void
append_field (GByteArray *out,
              const char *value)
{
  if (value == NULL)
    {
      append_u32 (out, SNAPSHOT_NONE);
      return;
    }
  append_u32 (out, strlen (value));
  g_byte_array_append (out, (const guint8 *) value, strlen (value));
}

static void
align8 (GByteArray *out)
{
  static const guint8 zeros[8] = { 0 };

  if (out->len % 8 != 0)
    g_byte_array_append (out, zeros, 8 - out->len % 8);
}

static void
write_strings (IisCatalog *self,
               GByteArray *out)
{
  append_u32 (out, self->strings->len);
  for (guint32 id = 0; id < self->strings->len; id++)
    {
      const char *str = string_of (self, id);

      append_u32 (out, str != NULL ? strlen (str) : SNAPSHOT_NONE);
    }
  for (guint32 id = 0; id < self->strings->len; id++)
    {
      const char *str = string_of (self, id);

      if (str != NULL)
        g_byte_array_append (out, (const guint8 *) str, strlen (str));
    }
}

static void
write_sources (IisCatalog *self,
               GByteArray *out)
{
  append_u32 (out, self->sources->len);
  for (guint32 id = 0; id < self->sources->len; id++)
    {
      IisSource *source = g_ptr_array_index (self->sources, id);
      g_autofree char *date = NULL;
      g_autofree char *unknown = NULL;

      append_u32 (out, source != NULL);
      if (source == NULL)
        continue;
      if (iis_source_get_date (source) != NULL)
        date = iis_date_to_string (iis_source_get_date (source));
      if (_iis_source_get_unknown (source) != NULL)
        unknown = _iis_writer_object_to_string (_iis_source_get_unknown (source));
      append_field (out, iis_source_get_title (source));
      append_field (out, iis_source_get_url (source));
      append_field (out, iis_source_get_document (source));
      append_field (out, iis_source_get_publisher (source));
      append_field (out, date);
      append_field (out, iis_source_get_quote (source));
      append_field (out, iis_source_get_locator (source));
      append_field (out, unknown);
    }
}

static void
begin_section (GByteArray      *out,
               SnapshotSection *table,
               guint            id)
{
  align8 (out);
  table[id].id = id;
  table[id].item_size = section_item_size[id];
  table[id].offset = out->len;
}

static void
end_section (GByteArray      *out,
             SnapshotSection *table,
             guint            id)
{
  table[id].size = out->len - table[id].offset;
}

/* Entities that are only a type, an id and a name (the most common kind
 * in a large catalog, and the slowest part of opening a snapshot to read
 * as JSON) go into a table of their own: per entity in id order, 0 for
 * "the next one of the JSON document", or 1 and its type nick, id and
 * name. An entity is simple when the one made from those three fields
 * writes the same JSON: what the format keeps of it is all there. */
static IisEntity *
simple_entity_new (GType       type,
                   const char *id,
                   const char *name)
{
  IisEntity *entity = g_object_new (type, "id", id, NULL);

  iis_entity_set_name (entity, name);
  return entity;
}

static gboolean
is_simple (IisEntity *entity)
{
  g_autoptr(IisEntity) plain = NULL;
  g_autofree char *text = NULL;
  g_autofree char *plain_text = NULL;

  if (iis_entity_get_type_nick (entity) == NULL)
    return FALSE;
  plain = simple_entity_new (G_OBJECT_TYPE (entity), iis_entity_get_id (entity),
                             iis_entity_get_name (entity));
  text = _iis_writer_entity_to_string (entity);
  plain_text = _iis_writer_entity_to_string (plain);
  return text != NULL && plain_text != NULL && g_str_equal (text, plain_text);
}

static void
write_simple_entities (GPtrArray  *entities,
                       GByteArray *out,
                       GPtrArray  *complex)
{
  append_u32 (out, entities->len);
  for (guint i = 0; i < entities->len; i++)
    {
      IisEntity *entity = g_ptr_array_index (entities, i);
      guint8 kind = is_simple (entity);

      g_byte_array_append (out, &kind, 1);
      if (!kind)
        {
          g_ptr_array_add (complex, entity);
          continue;
        }
      append_field (out, iis_entity_get_type_nick (entity));
      append_field (out, iis_entity_get_id (entity));
      append_field (out, iis_entity_get_name (entity));
    }
}

/* The snapshot of @self, as bytes. Nodes are renumbered in id order and
 * records in the order of their subjects, so that the records of one
 * entity are next to each other; holes left by removals go. */
static GBytes *
snapshot_build (IisCatalog        *self,
                const SnapshotKey *key,
                GError           **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autoptr(GPtrArray) entities = NULL;
  g_autofree char *document = NULL;
  g_autofree guint32 *node_map = NULL;
  g_autofree guint32 *record_map = NULL;
  g_autofree guint32 *order = NULL;
  g_autofree guint32 *first = NULL;
  g_autofree Record *records = NULL;
  g_autoptr(GArray) words = NULL;
  g_autoptr(GArray) entries = NULL;
  g_autoptr(GByteArray) simple = NULL;
  g_autoptr(GPtrArray) complex = NULL;
  SnapshotSection table[N_SECTIONS];
  SnapshotHeader header;
  guint32 n_records = 0;
  gsize document_length;

  entities = _iis_catalog_dup_entities_sorted (self);
  simple = g_byte_array_new ();
  complex = g_ptr_array_new ();
  write_simple_entities (entities, simple, complex);
  document = _iis_writer_entities_to_data (self, complex, &document_length, error);
  if (document == NULL)
    return NULL;

  node_map = g_new (guint32, MAX (self->n_nodes, 1));
  for (guint i = 0; i < entities->len; i++)
    node_map[_iis_entity_get_slot (g_ptr_array_index (entities, i))] = i;

  /* Records in the order of their new subject: a counting sort. */
  first = g_new0 (guint32, entities->len + 1);
  for (guint32 slot = 0; slot < self->n_records; slot++)
    if (self->records[slot].kind != IIS_RELATION_KIND_ANY)
      first[node_map[self->records[slot].subject] + 1]++;
  for (guint i = 0; i < entities->len; i++)
    first[i + 1] += first[i];
  order = g_new (guint32, MAX (self->n_relations, 1));
  record_map = g_new (guint32, MAX (self->n_records, 1));
  for (guint32 slot = 0; slot < self->n_records; slot++)
    if (self->records[slot].kind != IIS_RELATION_KIND_ANY)
      {
        guint32 index = first[node_map[self->records[slot].subject]]++;

        order[index] = slot;
        record_map[slot] = index;
        n_records++;
      }
  g_assert (n_records == self->n_relations);

  records = g_new (Record, MAX (n_records, 1));
  words = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_array_append_val (words, (guint32) { 0 });
  for (guint32 i = 0; i < n_records; i++)
    {
      const Record *rec = &self->records[order[i]];

      records[i] = *rec;
      records[i].subject = node_map[rec->subject];
      records[i].object = node_map[rec->object];
      records[i].reserved = 0;
      if (rec->extra != 0)
        {
          Extra extra;

          read_extra (self, rec->extra, &extra);
          records[i].extra = words->len;
          g_array_append_vals (words, self->words + rec->extra, extra_size (&extra));
        }
    }

  /* Each node's arrays, renumbered and sorted as a question wants them. */
  entries = g_array_new (FALSE, FALSE, sizeof (Adjacent));
  for (guint i = 0; i < entities->len; i++)
    {
      Node *node = &self->nodes[_iis_entity_get_slot (g_ptr_array_index (entities, i))];
      Adjacency *adjs[2] = { &node->out, &node->in };

      for (guint a = 0; a < 2; a++)
        {
          guint begin = entries->len;

          for (guint32 e = 0; e < adjs[a]->len; e++)
            {
              const Adjacent *old = &adjs[a]->entries[e];
              guint32 slot = record_map[old->slot];
              const Record *rec = &records[slot];
              guint32 other = a == 0 ? rec->object : rec->subject;
              Adjacent entry = { ADJACENT_KEY (rec->kind, other), slot };

              g_array_append_val (entries, entry);
            }
          /* Not on an empty array: its data may be NULL (a catalog
           * without relations), and an offset from NULL is undefined. */
          if (entries->len - begin > 1)
            g_qsort_with_data (&g_array_index (entries, Adjacent, begin), entries->len - begin,
                               sizeof (Adjacent), compare_adjacent, records);
        }
    }

  /* Header and table come first; they are filled in at the end. */
  g_byte_array_set_size (out, sizeof header + sizeof table);

  begin_section (out, table, SECTION_DOCUMENT);
  g_byte_array_append (out, (const guint8 *) document, document_length);
  if (complex->len < entities->len)
    {
      g_byte_array_append (out, (const guint8 *) "", 1);
      g_byte_array_append (out, simple->data, simple->len);
    }
  end_section (out, table, SECTION_DOCUMENT);

  begin_section (out, table, SECTION_STRINGS);
  write_strings (self, out);
  end_section (out, table, SECTION_STRINGS);

  begin_section (out, table, SECTION_SOURCES);
  write_sources (self, out);
  end_section (out, table, SECTION_SOURCES);

  begin_section (out, table, SECTION_NODES);
  {
    guint32 offset = 0;

    for (guint i = 0; i < entities->len; i++)
      {
        Node *node = &self->nodes[_iis_entity_get_slot (g_ptr_array_index (entities, i))];
        SnapshotNode sn = { offset, node->out.len, offset + node->out.len, node->in.len };

        g_byte_array_append (out, (const guint8 *) &sn, sizeof sn);
        offset += node->out.len + node->in.len;
      }
  }
  end_section (out, table, SECTION_NODES);

  begin_section (out, table, SECTION_ADJACENCY);
  g_byte_array_append (out, (const guint8 *) entries->data, entries->len * sizeof (Adjacent));
  end_section (out, table, SECTION_ADJACENCY);

  begin_section (out, table, SECTION_RECORDS);
  g_byte_array_append (out, (const guint8 *) records, n_records * sizeof (Record));
  end_section (out, table, SECTION_RECORDS);

  begin_section (out, table, SECTION_WORDS);
  g_byte_array_append (out, (const guint8 *) words->data, words->len * sizeof (guint32));
  end_section (out, table, SECTION_WORDS);
  align8 (out);

  memset (&header, 0, sizeof header);
  memcpy (header.magic, SNAPSHOT_MAGIC, 8);
  header.byte_order = SNAPSHOT_BYTE_ORDER;
  header.version_major = SNAPSHOT_VERSION_MAJOR;
  header.version_minor = SNAPSHOT_VERSION_MINOR;
  header.header_size = sizeof header;
  header.n_sections = N_SECTIONS;
  header.file_size = out->len;
  if (key != NULL)
    {
      header.source_size = key->size;
      header.source_mtime = key->mtime;
      header.source_hash = key->hash;
    }
  memcpy (out->data + sizeof header, table, sizeof table);
  header.checksum = snapshot_hash (out->data + sizeof header, out->len - sizeof header);
  memcpy (out->data, &header, sizeof header);

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static gboolean
write_snapshot_bytes (GOutputStream  *stream,
                      gpointer        user_data,
                      GCancellable   *cancellable,
                      GError        **error)
{
  GBytes *bytes = user_data;
  gsize size;
  gconstpointer data = g_bytes_get_data (bytes, &size);

  return g_output_stream_write_all (stream, data, size, NULL, cancellable, error);
}

static gboolean
save_snapshot (IisCatalog        *self,
               GFile             *file,
               const SnapshotKey *key,
               GCancellable      *cancellable,
               GError           **error)
{
  g_autoptr(GBytes) bytes = snapshot_build (self, key, error);

  if (bytes == NULL)
    return FALSE;
  return _iis_file_replace (file, write_snapshot_bytes, bytes, NULL, NULL, cancellable, error);
}

/**
 * iis_catalog_save_snapshot:
 * @self: a catalog
 * @file: where to write the snapshot
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Writes a snapshot of @self to @file: a binary image of the catalog's
 * storage that [method@Iis.Catalog.load_snapshot] opens in a few
 * milliseconds whatever its size, answering questions from the mapped
 * file without building the catalog again (the layout and the checks are
 * described in the "Snapshots" section of the storage notes).
 *
 * A snapshot is a cache, not an exchange format: it is only read by the
 * same major version of its layout on a machine of the same byte order,
 * and a newer libiis may refuse an older snapshot. Keep the JSON file;
 * [flags@Iis.LoadFlags.CACHE] keeps snapshots of JSON files for you.
 *
 * The file is replaced atomically, as [method@Iis.Catalog.save_to_file]
 * replaces a catalog file.
 *
 * Returns: %TRUE if the snapshot was written
 *
 * Since: 1.1
 */
gboolean
iis_catalog_save_snapshot (IisCatalog    *self,
                           GFile         *file,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_return_val_if_fail (IIS_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return save_snapshot (self, file, NULL, cancellable, error);
}

/* ------------------------------------------------------------------ */
/* Checking                                                           */

typedef struct
{
  const char           *document;
  gsize                 document_length;
  const SnapshotNode   *nodes;
  guint32               n_nodes;
  Adjacent             *entries;
  guint32               n_entries;
  Record               *records;
  guint32               n_records;
  guint32               n_records_1_1;
  guint32              *words;
  guint32               n_words;
  GPtrArray            *strings;   /* char *, NULL for a free id */
  GPtrArray            *sources;   /* IisSource *, NULL for a free id */
  guint8               *objects;   /* per string id: 0 not looked at, 1 a JSON
                                    * object, 2 not */
} Snapshot;

static void
snapshot_clear (Snapshot *snap)
{
  g_clear_pointer (&snap->strings, g_ptr_array_unref);
  g_clear_pointer (&snap->sources, g_ptr_array_unref);
  g_clear_pointer (&snap->objects, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Snapshot, snapshot_clear)

static gboolean G_GNUC_PRINTF (3, 4)
corrupt (GError    **error,
         const char *name,
         const char *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, IIS_ERROR, IIS_ERROR_PARSE, "%s: not a usable snapshot: %s",
               name, message);
  return FALSE;
}

/* A reader of a variable-length section. */
typedef struct
{
  const guint8 *data;
  gsize         size;
  gsize         pos;
} Cursor;

static gboolean
cursor_u32 (Cursor  *cursor,
            guint32 *value)
{
  if (cursor->size - cursor->pos < sizeof *value)
    return FALSE;
  memcpy (value, cursor->data + cursor->pos, sizeof *value);
  cursor->pos += sizeof *value;
  return TRUE;
}

/* A field: NULL for none (*ok stays TRUE), or a new string; *ok FALSE
 * when the bytes run out or the text is not UTF-8 without NULs. */
static char *
cursor_string (Cursor   *cursor,
               guint32   length,
               gboolean *ok)
{
  const char *text;

  *ok = TRUE;
  if (length == SNAPSHOT_NONE)
    return NULL;
  if (cursor->size - cursor->pos < length)
    {
      *ok = FALSE;
      return NULL;
    }
  text = (const char *) cursor->data + cursor->pos;
  cursor->pos += length;
  if (memchr (text, '\0', length) != NULL || !g_utf8_validate_len (text, length, NULL))
    {
      *ok = FALSE;
      return NULL;
    }
  return g_strndup (text, length);
}

static gboolean
read_strings (Snapshot     *snap,
              const guint8 *data,
              gsize         size,
              const char   *name,
              GError      **error)
{
  Cursor lengths = { data, size, 0 };
  Cursor bytes;
  guint32 count;
  g_autoptr(GHashTable) seen = NULL;

  if (!cursor_u32 (&lengths, &count) || count == 0 || count > (size - 4) / 4)
    return corrupt (error, name, "the string table's count is wrong");
  bytes = (Cursor) { data, size, 4 + (gsize) count * 4 };
  snap->strings = g_ptr_array_new_full (count, g_free);
  /* Interned strings are distinct: the catalog finds each by its text. */
  seen = g_hash_table_new (_iis_str_hash, g_str_equal);
  for (guint32 id = 0; id < count; id++)
    {
      guint32 length = 0;
      gboolean ok;
      char *str;

      cursor_u32 (&lengths, &length);  /* cannot fail: the count was checked */
      str = cursor_string (&bytes, length, &ok);
      if (!ok || (id == 0 && length != SNAPSHOT_NONE))
        {
          g_free (str);
          return corrupt (error, name, "string %u is damaged", id);
        }
      g_ptr_array_add (snap->strings, str);
      if (str != NULL && !g_hash_table_add (seen, str))
        return corrupt (error, name, "string %u is there twice", id);
    }
  if (bytes.pos != size)
    return corrupt (error, name, "the string table has %" G_GSIZE_FORMAT " bytes too many",
                    size - bytes.pos);
  return TRUE;
}

/* The JSON object in @text, or NULL when it is not one within the
 * reader's limits. The reader's own scan sees it before json-glib, whose
 * parser recurses and would overflow the stack on deep nesting (the
 * scan leaves some errors, such as a missing value, to json-glib). */
static JsonParser *
parse_json_object (const char *text,
                   gsize       length)
{
  g_autoptr(JsonParser) parser = NULL;
  IisFormatLimits limits;
  Scan scan;
  gboolean ok;

  _iis_format_get_default_limits (&limits);
  _iis_json_scan_init (&scan, text, length, &limits, NULL);
  ok = _iis_json_scan_document (&scan, NULL) && scan.root_kind == VALUE_OBJECT;
  _iis_json_scan_clear (&scan);
  if (!ok)
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, text, length, NULL)
      || json_parser_get_root (parser) == NULL
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;
  return g_steal_pointer (&parser);
}

static gboolean
read_sources (Snapshot     *snap,
              const guint8 *data,
              gsize         size,
              const char   *name,
              GError      **error)
{
  Cursor cursor = { data, size, 0 };
  guint32 count;
  g_autoptr(GHashTable) seen = NULL;

  if (!cursor_u32 (&cursor, &count) || count == 0 || count > size / 4)
    return corrupt (error, name, "the source table's count is wrong");
  snap->sources = g_ptr_array_new_full (count, unref_nullable);
  /* Pooled sources are distinct: the catalog finds each by its content. */
  seen = g_hash_table_new_full (_iis_str_hash, g_str_equal, g_free, NULL);
  for (guint32 id = 0; id < count; id++)
    {
      char *fields[N_SOURCE_FIELDS] = { NULL, };
      g_autoptr(IisSource) source = NULL;
      g_autoptr(IisDate) date = NULL;
      g_autoptr(JsonParser) parser = NULL;
      guint32 present;
      gboolean ok = TRUE;

      if (!cursor_u32 (&cursor, &present) || present > 1 || (id == 0 && present))
        return corrupt (error, name, "source %u is damaged", id);
      if (!present)
        {
          g_ptr_array_add (snap->sources, NULL);
          continue;
        }
      for (guint f = 0; f < N_SOURCE_FIELDS && ok; f++)
        {
          guint32 length;

          ok = cursor_u32 (&cursor, &length);
          if (ok)
            fields[f] = cursor_string (&cursor, length, &ok);
        }
      if (ok && fields[4] != NULL)
        ok = (date = iis_date_parse (fields[4], NULL)) != NULL;
      if (ok && fields[7] != NULL)
        ok = (parser = parse_json_object (fields[7], strlen (fields[7]))) != NULL;
      if (ok)
        {
          source = iis_source_new (fields[0]);
          iis_source_set_url (source, fields[1]);
          iis_source_set_document (source, fields[2]);
          iis_source_set_publisher (source, fields[3]);
          iis_source_set_date (source, date);
          iis_source_set_quote (source, fields[5]);
          iis_source_set_locator (source, fields[6]);
          if (parser != NULL)
            _iis_source_set_unknown (source, json_node_get_object (json_parser_get_root (parser)));
        }
      for (guint f = 0; f < N_SOURCE_FIELDS; f++)
        g_free (fields[f]);
      if (!ok)
        return corrupt (error, name, "source %u is damaged", id);
      if (!g_hash_table_add (seen, g_string_free (source_key (source), FALSE)))
        return corrupt (error, name, "source %u is there twice", id);
      g_ptr_array_add (snap->sources, g_steal_pointer (&source));
    }
  if (cursor.pos != size)
    return corrupt (error, name, "the source table has %" G_GSIZE_FORMAT " bytes too many",
                    size - cursor.pos);
  return TRUE;
}

static gboolean
packed_date_ok (guint32 packed)
{
  IisDate date;

  if (packed == IIS_DATE_PACKED_NONE)
    return TRUE;
  if (packed & ~(~0u << 9) & ~IIS_DATE_FLAG_MASK)
    return FALSE;
  _iis_date_unpack (packed, &date);
  if (date.flags == 0)
    return iis_date_is_valid (date.year, date.month, date.day);
  if (date.year > 9999 || date.month > 12 || date.day > 31
      || (date.flags & IIS_DATE_FLAG_YEAR_X_MASK) > 4)
    return FALSE;

  /* An inexact date: only the combinations of flags and digits the
   * reader makes (the writer and the questions count on them; more than
   * four unspecified digits of a year would write past its text), which
   * are those that read back from their own text as they are. */
  {
    g_autofree char *text = iis_date_to_string (&date);
    IisDate again;

    return _iis_date_parse_into (text, -1, &again, NULL) && _iis_date_pack (&again) == packed;
  }
}

static gboolean
string_ok (const Snapshot *snap,
           guint32         id,
           gboolean        nullable)
{
  if (id == 0)
    return nullable;
  return id < snap->strings->len && g_ptr_array_index (snap->strings, id) != NULL;
}

/* A relation's unknown members: none, or a string that is a JSON
 * object (each string checked once). */
static gboolean
unknown_ok (Snapshot *snap,
            guint32   id)
{
  const char *text;

  if (id == 0)
    return TRUE;
  if (!string_ok (snap, id, FALSE))
    return FALSE;
  if (snap->objects == NULL)
    snap->objects = g_new0 (guint8, snap->strings->len);
  if (snap->objects[id] == 0)
    {
      g_autoptr(JsonParser) parser = NULL;

      text = g_ptr_array_index (snap->strings, id);
      parser = parse_json_object (text, strlen (text));
      snap->objects[id] = parser != NULL ? 1 : 2;
    }
  return snap->objects[id] == 1;
}

/* A record's extra words at @offset, which must be *@next: the writer
 * packs them one record after another, so that no two records share
 * words (removing one would free the other's) and every word is a
 * record's; *@next moves past them. */
static gboolean
check_extra (Snapshot *snap,
             guint32   offset,
             guint32  *next)
{
  const guint32 *w;
  const char *last_key = NULL;
  guint32 left, n;

  if (offset == 0)
    return TRUE;
  if (offset != *next || offset >= snap->n_words)
    return FALSE;
  w = snap->words + offset;
  left = snap->n_words - offset;

  n = *w++;
  if (left < 3 || n > (left - 3) / 2)
    return FALSE;
  left -= 1 + 2 * n;
  /* Qualifiers: (key, value) pairs, the keys sorted and distinct, as
   * the questions and the writer read them. */
  for (guint32 i = 0; i < n; i++, w += 2)
    {
      const char *key;

      if (!string_ok (snap, w[0], FALSE) || !string_ok (snap, w[1], FALSE))
        return FALSE;
      key = g_ptr_array_index (snap->strings, w[0]);
      if (last_key != NULL && strcmp (last_key, key) >= 0)
        return FALSE;
      last_key = key;
    }
  n = *w++;
  left--;
  if (n > left - 1)
    return FALSE;
  for (guint32 i = 0; i < n; i++, w++)
    if (*w == 0 || *w >= snap->sources->len || g_ptr_array_index (snap->sources, *w) == NULL)
      return FALSE;
  *next = (guint32) (w + 1 - snap->words);
  return unknown_ok (snap, *w);
}

/* Every record: its kind, ends, dates, role and extra words. */
static gboolean
check_records (Snapshot    *snap,
               IisStage    *stage,
               const char  *name,
               GError     **error)
{
  GType types[8] = { 0, };
  g_autofree guint8 *node_type = g_new (guint8, MAX (snap->n_nodes, 1));
  /* allowed[kind][subject type][object type]: 0 unknown, 1 yes, 2 no */
  guint8 allowed[IIS_RELATION_KIND_LAST + 1][8][8];
  guint n_types = 0;
  guint32 next_word = 1;

  memset (allowed, 0, sizeof allowed);
  for (guint32 i = 0; i < snap->n_nodes; i++)
    {
      GType type = G_OBJECT_TYPE (_iis_stage_get_entity (stage, i));
      guint t = 0;

      while (t < n_types && types[t] != type)
        t++;
      if (t == n_types)
        {
          if (n_types == G_N_ELEMENTS (types))
            return corrupt (error, name, "too many entity types");
          types[n_types++] = type;
        }
      node_type[i] = t;
    }

  snap->n_records_1_1 = 0;
  for (guint32 r = 0; r < snap->n_records; r++)
    {
      const Record *rec = &snap->records[r];
      guint8 *ok;

      if (rec->kind == IIS_RELATION_KIND_ANY || rec->kind > IIS_RELATION_KIND_LAST
          || rec->confidence > IIS_CONFIDENCE_HIGH || rec->reserved != 0
          || rec->subject >= snap->n_nodes || rec->object >= snap->n_nodes)
        return corrupt (error, name, "record %u is damaged", r);
      ok = &allowed[rec->kind][node_type[rec->subject]][node_type[rec->object]];
      if (*ok == 0)
        *ok = iis_relation_kind_allows (rec->kind, types[node_type[rec->subject]],
                                        types[node_type[rec->object]]) ? 1 : 2;
      if (*ok != 1)
        return corrupt (error, name, "record %u joins entities its kind does not allow", r);
      if (!packed_date_ok (rec->start) || !packed_date_ok (rec->end))
        return corrupt (error, name, "record %u has an impossible date", r);
      if (!string_ok (snap, rec->role, TRUE))
        return corrupt (error, name, "record %u refers to a missing role", r);
      if (!check_extra (snap, rec->extra, &next_word))
        return corrupt (error, name, "record %u has damaged qualifiers, sources or unknown members", r);
      snap->n_records_1_1 += rec->kind >= IIS_RELATION_KIND_FIRST_1_1;
    }
  if (next_word != snap->n_words)
    return corrupt (error, name, "%u of its extra words are no record's",
                    snap->n_words - next_word);
  return TRUE;
}

/* Every node's arrays: laid out one after another, each entry naming a
 * record of this node with the right key, each sorted, and every record
 * named once from each end. */
static gboolean
check_adjacency (Snapshot    *snap,
                 const char  *name,
                 GError     **error)
{
  guint32 expected = 0;

  for (guint32 i = 0; i < snap->n_nodes; i++)
    {
      const SnapshotNode *sn = &snap->nodes[i];
      guint32 begins[2] = { sn->out_begin, sn->in_begin };
      guint32 lens[2] = { sn->out_len, sn->in_len };

      for (guint a = 0; a < 2; a++)
        {
          const Adjacent *entries = snap->entries + begins[a];

          if (begins[a] != expected || lens[a] > snap->n_entries - expected)
            return corrupt (error, name, "node %u's arrays are out of place", i);
          expected += lens[a];

          for (guint32 e = 0; e < lens[a]; e++)
            {
              const Record *rec;

              if (e + 8 < lens[a] && entries[e + 8].slot < snap->n_records)
                IIS_PREFETCH (&snap->records[entries[e + 8].slot]);
              if (entries[e].slot >= snap->n_records)
                return corrupt (error, name, "node %u names a missing record", i);
              rec = &snap->records[entries[e].slot];
              if ((a == 0 ? rec->subject : rec->object) != i
                  || entries[e].key != ADJACENT_KEY (rec->kind, a == 0 ? rec->object : rec->subject))
                return corrupt (error, name, "node %u's entry %u does not match its record", i, e);
              if (e > 0 && compare_adjacent (&entries[e - 1], &entries[e], snap->records) >= 0)
                return corrupt (error, name, "node %u's entries are not in order", i);
            }
        }
    }
  /* Each record's subject lists it in its out array and its object in
   * its in array (checked above, with the order, which allows no
   * repeat); as many entries as records from each end leaves no room
   * for a record named twice. */
  if (expected != snap->n_entries || snap->n_entries != 2 * (guint64) snap->n_records)
    return corrupt (error, name, "%u adjacency entries for %u records",
                    snap->n_entries, snap->n_records);
  return TRUE;
}

/* Check the layout and the checksum, and read the sections that are not
 * used in place. */
static gboolean
snapshot_open (Snapshot     *snap,
               guint8       *data,
               gsize         size,
               const char   *name,
               GError      **error)
{
  SnapshotHeader header;
  const SnapshotSection *table;
  guint64 end;

  memset (snap, 0, sizeof *snap);
  if (size < sizeof header || memcmp (data, SNAPSHOT_MAGIC, 8) != 0)
    return corrupt (error, name, "it does not start as a snapshot does");
  if (GPOINTER_TO_SIZE (data) % 8 != 0)
    return corrupt (error, name, "its bytes are not aligned in memory");
  memcpy (&header, data, sizeof header);
  if (header.byte_order == SNAPSHOT_BYTE_ORDER_SWAPPED)
    return corrupt (error, name, "it was written on a machine of the other byte order");
  if (header.byte_order != SNAPSHOT_BYTE_ORDER)
    return corrupt (error, name, "its byte order mark is damaged");
  if (header.version_major != SNAPSHOT_VERSION_MAJOR)
    {
      g_set_error (error, IIS_ERROR, IIS_ERROR_UNSUPPORTED_VERSION,
                   "%s: the snapshot is of layout %u.%u; this libiis reads layout %u",
                   name, header.version_major, header.version_minor, SNAPSHOT_VERSION_MAJOR);
      return FALSE;
    }
  if (header.n_sections == 0 && size == sizeof header)
    return corrupt (error, name, "it is the cache's note that a file does not stand alone");
  if (header.header_size != sizeof header || header.n_sections != N_SECTIONS)
    return corrupt (error, name, "its header is damaged");
  if (header.file_size != size)
    return corrupt (error, name, "it is %" G_GSIZE_FORMAT " bytes long, its header says %"
                    G_GUINT64_FORMAT " (truncated?)", size, header.file_size);
  if (size < sizeof header + N_SECTIONS * sizeof (SnapshotSection))
    return corrupt (error, name, "it is truncated");
  if (snapshot_hash (data + sizeof header, size - sizeof header) != header.checksum)
    return corrupt (error, name, "its checksum does not match (the file is damaged)");

  /* The casts go through a gpointer: the data and every section are
   * aligned to 8, as checked above and below (clang's -Wcast-align
   * cannot know). */
  table = (const SnapshotSection *) (gpointer) (data + sizeof header);
  end = sizeof header + N_SECTIONS * sizeof (SnapshotSection);
  for (guint i = 0; i < N_SECTIONS; i++)
    {
      if (table[i].id != i || table[i].item_size != section_item_size[i]
          || table[i].offset != (end + 7) / 8 * 8 || table[i].offset > size
          || table[i].size > size - table[i].offset || table[i].size % table[i].item_size != 0
          || table[i].size / table[i].item_size >= G_MAXUINT32)
        return corrupt (error, name, "the %s section is out of place", section_names[i]);
      end = table[i].offset + table[i].size;
    }
  if ((end + 7) / 8 * 8 != size)
    return corrupt (error, name, "it has bytes after its last section");

  snap->document = (const char *) data + table[SECTION_DOCUMENT].offset;
  snap->document_length = table[SECTION_DOCUMENT].size;
  snap->nodes = (const SnapshotNode *) (gpointer) (data + table[SECTION_NODES].offset);
  snap->n_nodes = table[SECTION_NODES].size / sizeof (SnapshotNode);
  snap->entries = (Adjacent *) (gpointer) (data + table[SECTION_ADJACENCY].offset);
  snap->n_entries = table[SECTION_ADJACENCY].size / sizeof (Adjacent);
  snap->records = (Record *) (gpointer) (data + table[SECTION_RECORDS].offset);
  snap->n_records = table[SECTION_RECORDS].size / sizeof (Record);
  snap->words = (guint32 *) (gpointer) (data + table[SECTION_WORDS].offset);
  snap->n_words = table[SECTION_WORDS].size / sizeof (guint32);
  if (snap->n_words == 0 || snap->words[0] != 0)
    return corrupt (error, name, "its extra words are damaged");
  if (snap->n_nodes >= MAX_NODES)
    return corrupt (error, name, "it has too many entities");

  return read_strings (snap, data + table[SECTION_STRINGS].offset,
                       table[SECTION_STRINGS].size, name, error)
         && read_sources (snap, data + table[SECTION_SOURCES].offset,
                          table[SECTION_SOURCES].size, name, error)
         && check_adjacency (snap, name, error);
}

/* ------------------------------------------------------------------ */
/* Loading                                                            */

/* Whether a handler could be told of the load, or change @self between
 * its entities and its relations. */
static gboolean
has_handlers (IisCatalog *self)
{
  for (guint i = 0; i < N_SIGNALS; i++)
    if (g_signal_has_handler_pending (self, _iis_catalog_signals[i], 0, FALSE))
      return TRUE;
  return FALSE;
}

/* Whether a snapshot can lend @self its storage: nothing in it yet. */
static gboolean
is_empty (IisCatalog *self)
{
  return self->n_nodes == 0 && self->n_records == 0 && self->strings->len == 1
         && self->sources->len == 1 && self->n_words <= 1 && self->document_unknown == NULL
         && self->lent == NULL;
}

/* Into an empty catalog: point the storage into the snapshot. The
 * entities are committed already. */
static void
adopt_storage (IisCatalog *self,
               Snapshot   *snap,
               GBytes     *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  g_assert (self->n_nodes == snap->n_nodes);

  note_change (self);
  self->lent = g_bytes_ref (bytes);
  self->lent_begin = data;
  self->lent_end = data + size;

  for (guint32 id = 1; id < snap->strings->len; id++)
    {
      char *str = g_steal_pointer (&snap->strings->pdata[id]);

      g_ptr_array_add (self->strings, str);
      if (str == NULL)
        g_array_append_val (self->free_strings, id);
      else
        {
          g_hash_table_insert (self->string_ids, str, GUINT_TO_POINTER (id));
          self->string_bytes += strlen (str) + 1;
        }
    }
  for (guint32 id = 1; id < snap->sources->len; id++)
    {
      IisSource *source = g_steal_pointer (&snap->sources->pdata[id]);

      g_ptr_array_add (self->sources, source);
      if (source == NULL)
        g_array_append_val (self->free_sources, id);
      else
        {
          GString *key = source_key (source);

          self->string_bytes += key->len + 1;
          g_hash_table_insert (self->source_ids, g_string_free (key, FALSE),
                               GUINT_TO_POINTER (id));
        }
    }

  self->records = snap->records;
  self->n_records = snap->n_records;
  self->cap_records = 0;
  self->n_relations = snap->n_records;
  self->n_relations_1_1 = snap->n_records_1_1;
  self->words = snap->words;
  self->n_words = snap->n_words;
  self->cap_words = 0;
  self->garbage_words = 0;

  for (guint32 i = 0; i < snap->n_nodes; i++)
    {
      const SnapshotNode *sn = &snap->nodes[i];
      Node *node = &self->nodes[i];

      node->out = (Adjacency) { sn->out_len ? snap->entries + sn->out_begin : NULL, sn->out_len, 0, 0 };
      node->in = (Adjacency) { sn->in_len ? snap->entries + sn->in_begin : NULL, sn->in_len, 0, 0 };
    }

  self->churn = 0;
  self->live_size = (gsize) self->n_records + self->n_words +
                    (self->strings->len - self->free_strings->len) +
                    (self->sources->len - self->free_sources->len);
}

/* Into a catalog that holds something already, with no handler to tell:
 * the entities are committed (through a stage, so that OVERRIDE and
 * duplicate ids are as for a document); then each record is copied with
 * its ends, strings and sources renumbered into @self's, and appended to
 * the adjacency arrays, which are sorted when a question first reads
 * them. Nothing here can fail: every reference was checked. */
static void
merge_storage (IisCatalog *self,
               Snapshot   *snap,
               IisStage   *stage)
{
  g_autofree guint32 *node_map = g_new (guint32, MAX (snap->n_nodes, 1));
  g_autofree guint32 *string_map = g_new0 (guint32, snap->strings->len);
  g_autofree guint32 *source_map = g_new0 (guint32, snap->sources->len);
  g_autoptr(GArray) buffer = g_array_new (FALSE, FALSE, sizeof (guint32));

  for (guint32 i = 0; i < snap->n_nodes; i++)
    {
      gboolean found = lookup_slot (self, iis_entity_get_id (_iis_stage_get_entity (stage, i)),
                                    &node_map[i]);

      g_assert (found);
    }
  for (guint32 id = 1; id < snap->strings->len; id++)
    if (g_ptr_array_index (snap->strings, id) != NULL)
      string_map[id] = intern_string (self, g_ptr_array_index (snap->strings, id));
  for (guint32 id = 1; id < snap->sources->len; id++)
    if (g_ptr_array_index (snap->sources, id) != NULL)
      source_map[id] = pool_source (self, g_ptr_array_index (snap->sources, id));

  self->records = grow (self, self->records, &self->cap_records, self->n_records,
                        self->n_records + snap->n_records, sizeof (Record));
  for (guint32 r = 0; r < snap->n_records; r++)
    {
      const Record *from = &snap->records[r];
      guint32 slot = new_record (self);
      Record *rec = &self->records[slot];

      *rec = *from;
      rec->subject = node_map[from->subject];
      rec->object = node_map[from->object];
      rec->role = string_map[from->role];
      if (from->extra != 0)
        {
          const guint32 *w = snap->words + from->extra;
          guint32 n;

          /* Qualifiers stay in the order of their keys' text. */
          g_array_set_size (buffer, 0);
          n = *w++;
          g_array_append_val (buffer, n);
          for (guint32 i = 0; i < 2 * n; i++, w++)
            g_array_append_val (buffer, string_map[*w]);
          n = *w++;
          g_array_append_val (buffer, n);
          for (guint32 i = 0; i < n; i++, w++)
            g_array_append_val (buffer, source_map[*w]);
          g_array_append_val (buffer, string_map[*w]);
          rec->extra = append_words (self, (const guint32 *) (gpointer) buffer->data, buffer->len);
        }
      link_record (self, slot);
    }
}

/* Into a catalog with handlers connected: stage every relation, as a
 * JSON document's are, so that they are told as a load tells them. */
static gboolean
stage_relations (IisStage    *stage,
                 Snapshot    *snap,
                 GError     **error)
{
  g_autoptr(GPtrArray) qualifiers = g_ptr_array_new ();
  g_autoptr(GPtrArray) sources = g_ptr_array_new ();

  for (guint32 r = 0; r < snap->n_records; r++)
    {
      const Record *rec = &snap->records[r];
      const char *unknown = NULL;

      g_ptr_array_set_size (qualifiers, 0);
      g_ptr_array_set_size (sources, 0);
      if (rec->extra != 0)
        {
          const guint32 *w = snap->words + rec->extra;
          guint32 n = *w++;

          for (guint32 i = 0; i < 2 * n; i++)
            g_ptr_array_add (qualifiers, g_ptr_array_index (snap->strings, *w++));
          n = *w++;
          for (guint32 i = 0; i < n; i++)
            g_ptr_array_add (sources, g_ptr_array_index (snap->sources, *w++));
          unknown = g_ptr_array_index (snap->strings, *w);
        }
      g_ptr_array_add (qualifiers, NULL);

      if (!_iis_stage_add_relation (stage, rec->kind,
                                    iis_entity_get_id (_iis_stage_get_entity (stage, rec->subject)),
                                    iis_entity_get_id (_iis_stage_get_entity (stage, rec->object)),
                                    g_ptr_array_index (snap->strings, rec->role),
                                    rec->start, rec->end, rec->confidence,
                                    (const char *const *) qualifiers->pdata,
                                    (IisSource *const *) sources->pdata, sources->len,
                                    unknown, error))
        return FALSE;
    }
  return TRUE;
}

/* Stage the snapshot's entities in node order: from its JSON document,
 * and from the table of simple entities after it when there is one (see
 * write_simple_entities()). */
static gboolean
stage_entities (IisStage    *stage,
                Snapshot    *snap,
                const char  *name,
                GError     **error)
{
  const char *nul = memchr (snap->document, '\0', snap->document_length);
  gsize json_length = nul != NULL ? (gsize) (nul - snap->document) : snap->document_length;
  IisStage *document;
  Cursor cursor;
  guint32 n;
  guint next = 0;
  gboolean ok = FALSE;

  if (nul == NULL)
    return _iis_reader_parse (stage, snap->document, json_length, name, NULL, error);

  document = _iis_stage_new (IIS_LOAD_FLAGS_NONE);
  if (!_iis_reader_parse (document, snap->document, json_length, name, NULL, error))
    goto out;
  cursor = (Cursor) { (const guint8 *) nul + 1, snap->document_length - json_length - 1, 0 };
  if (_iis_stage_get_n_relations (document) != 0 || !cursor_u32 (&cursor, &n))
    {
      corrupt (error, name, "the table of simple entities is damaged");
      goto out;
    }

  for (guint32 i = 0; i < n; i++)
    {
      g_autoptr(IisEntity) entity = NULL;
      char where[32];
      guint8 kind;

      if (cursor.pos >= cursor.size)
        {
          corrupt (error, name, "the table of simple entities is truncated");
          goto out;
        }
      kind = cursor.data[cursor.pos++];
      if (kind == 0 && next < _iis_stage_get_n_entities (document))
        entity = g_object_ref (_iis_stage_get_entity (document, next++));
      else if (kind == 1)
        {
          char *fields[3] = { NULL, };
          gboolean field_ok = TRUE;
          GType type = G_TYPE_INVALID;

          for (guint f = 0; f < 3 && field_ok; f++)
            {
              guint32 length;

              field_ok = cursor_u32 (&cursor, &length);
              if (field_ok)
                fields[f] = cursor_string (&cursor, length, &field_ok);
            }
          if (field_ok && fields[0] != NULL)
            type = iis_entity_type_from_nick (fields[0]);
          if (type == G_TYPE_INVALID || fields[1] == NULL || !_iis_format_check_id (fields[1], NULL))
            {
              for (guint f = 0; f < 3; f++)
                g_free (fields[f]);
              corrupt (error, name, "simple entity %u is damaged", i);
              goto out;
            }
          entity = simple_entity_new (type, fields[1], fields[2]);
          for (guint f = 0; f < 3; f++)
            g_free (fields[f]);
        }
      else
        {
          corrupt (error, name, "entity %u of the table is damaged", i);
          goto out;
        }

      g_snprintf (where, sizeof where, "entities[%u]", i);
      if (!_iis_stage_add_entity (stage, entity, where, error))
        {
          g_prefix_error (error, "%s: ", name);
          goto out;
        }
    }
  if (next != _iis_stage_get_n_entities (document) || cursor.pos != cursor.size)
    {
      corrupt (error, name, "the table of simple entities does not match the document");
      goto out;
    }
  _iis_stage_set_document_unknown (stage, _iis_stage_get_document_unknown (document));
  ok = TRUE;

out:
  _iis_stage_free (document);
  return ok;
}

/* Load the snapshot in @bytes (aligned to 8; lent to @self when it is
 * empty, so it must be writable memory no one else uses). */
static gboolean
load_snapshot_bytes (IisCatalog    *self,
                     GBytes        *bytes,
                     const char    *name,
                     IisLoadFlags   flags,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_auto(Snapshot) snap = { 0, };
  IisStage *stage = NULL;
  gboolean in_place, quiet;
  gboolean ok = FALSE;
  gsize size;
  guint8 *data = (guint8 *) g_bytes_get_data (bytes, &size);

  if (!snapshot_open (&snap, data, size, name, error))
    return FALSE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  stage = _iis_stage_new (flags & IIS_LOAD_FLAGS_OVERRIDE);
  if (!stage_entities (stage, &snap, name, error))
    goto out;
  if (_iis_stage_get_n_relations (stage) != 0 || _iis_stage_get_n_entities (stage) != snap.n_nodes)
    {
      corrupt (error, name, "%u nodes for %u entities", snap.n_nodes,
               _iis_stage_get_n_entities (stage));
      goto out;
    }
  if (!check_records (&snap, stage, name, error))
    goto out;

  quiet = !has_handlers (self);
  in_place = quiet && is_empty (self);
  if (!quiet && !stage_relations (stage, &snap, error))
    goto out;
  if (!_iis_stage_resolve (stage, self, error))
    {
      g_prefix_error (error, "%s: ", name);
      goto out;
    }

  if (!quiet)
    {
      _iis_stage_commit (stage, self);
      ok = TRUE;
      goto out;
    }

  /* The entities first, as a document without relations; then the
   * storage. No handler is connected: nothing to announce but the
   * count. */
  self->collect_held++;
  g_object_freeze_notify (G_OBJECT (self));
  _iis_stage_commit (stage, self);
  if (in_place)
    adopt_storage (self, &snap, bytes);
  else
    merge_storage (self, &snap, stage);
  if (self->n_relations > 0)
    g_object_notify_by_pspec (G_OBJECT (self), _iis_catalog_properties[PROP_N_RELATIONS]);
  self->collect_held--;
  g_object_thaw_notify (G_OBJECT (self));
  debug_check (self);
  ok = TRUE;

out:
  _iis_stage_free (stage);
  return ok;
}

/* The bytes of @file: mapped copy-on-write (a snapshot lent to a catalog
 * may be written in place), or read into memory of our own when it
 * cannot be mapped so (a read-only file). */
static GBytes *
map_file (GFile   *file,
          GError **error)
{
  g_autofree char *path = g_file_get_path (file);
  GMappedFile *mapped;
  GBytes *bytes;
  char *contents;
  gsize length;

  if (path == NULL)
    return NULL;
  mapped = g_mapped_file_new (path, TRUE, NULL);
  if (mapped != NULL)
    {
      bytes = g_mapped_file_get_bytes (mapped);
      g_mapped_file_unref (mapped);
      return bytes;
    }
  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  return g_bytes_new_take (contents, length);
}

gboolean
_iis_snapshot_has_magic (const void *data,
                         gsize       length)
{
  return length >= 8 && memcmp (data, SNAPSHOT_MAGIC, 8) == 0;
}

gboolean
_iis_catalog_load_snapshot_data (IisCatalog    *self,
                                 const void    *data,
                                 gsize          length,
                                 const char    *name,
                                 IisLoadFlags   flags,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  /* A copy of our own: aligned, and writable if it is lent. */
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_memdup2 (data, length), length);

  return load_snapshot_bytes (self, bytes, name != NULL ? name : "snapshot",
                              flags, cancellable, error);
}

void
_iis_snapshot_update_checksum (void  *data,
                               gsize  length)
{
  SnapshotHeader header;

  if (length < sizeof header)
    return;
  memcpy (&header, data, sizeof header);
  header.checksum = snapshot_hash ((guint8 *) data + sizeof header, length - sizeof header);
  memcpy (data, &header, sizeof header);
}

/**
 * iis_catalog_load_snapshot:
 * @self: a catalog
 * @file: a snapshot written by [method@Iis.Catalog.save_snapshot]
 * @flags: how to treat entities already in @self
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Adds the entities and relations of a snapshot to @self.
 *
 * Into an empty catalog, the snapshot is mapped into memory and used in
 * place: opening it costs time in proportion to its entities and to
 * checking its bytes, not to building its relations again, and the
 * storage of its relations stays in the mapped file (the page cache
 * shares it between processes) until @self changes it. Into a catalog
 * that holds entities already, it is added as
 * [method@Iis.Catalog.load_from_file_full] adds a file, with @flags.
 *
 * The whole snapshot is checked before anything is added. One that is
 * truncated, damaged, or written on a machine of another byte order is
 * refused with %IIS_ERROR_PARSE; one of another major layout with
 * %IIS_ERROR_UNSUPPORTED_VERSION. When this fails, @self is exactly as it
 * was.
 *
 * The file must not be truncated or rewritten in place while @self uses
 * it (files are replaced by renaming, as
 * [method@Iis.Catalog.save_snapshot] and the cache do).
 *
 * Returns: %TRUE if the snapshot was loaded
 *
 * Since: 1.1
 */
gboolean
iis_catalog_load_snapshot (IisCatalog    *self,
                           GFile         *file,
                           IisLoadFlags   flags,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (IIS_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  name = g_file_get_parse_name (file);
  if (g_file_is_native (file))
    bytes = map_file (file, NULL);
  /* A file that cannot be mapped is read: the error says why in
   * G_IO_ERROR, as iis_catalog_load_from_file() says it. */
  if (bytes == NULL)
    {
      g_autoptr(GBytes) read = _iis_file_read (file, NULL, cancellable, error);

      if (read == NULL)
        {
          if (error != NULL && *error != NULL && (*error)->domain == IIS_ERROR)
            g_prefix_error (error, "%s: ", name);
          return FALSE;
        }
      /* Heap memory of our own, aligned for any type. */
      bytes = g_bytes_new_take (g_memdup2 (g_bytes_get_data (read, NULL), g_bytes_get_size (read)),
                                g_bytes_get_size (read));
    }

  return load_snapshot_bytes (self, bytes, name, flags, cancellable, error);
}

/* ------------------------------------------------------------------ */
/* The cache                                                          */

/**
 * iis_catalog_get_cache_file:
 * @file: a catalog file
 *
 * Where [flags@Iis.LoadFlags.CACHE] keeps the snapshot of @file: a file
 * in `libiis/snapshots` under the user's cache folder
 * ([func@GLib.get_user_cache_dir]), named after a hash of @file's
 * absolute path.
 *
 * Returns: (transfer full) (nullable): the snapshot's place, or %NULL
 *   when @file has no local path
 *
 * Since: 1.1
 */
GFile *
iis_catalog_get_cache_file (GFile *file)
{
  g_autofree char *path = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  path = g_file_get_path (file);
  if (path == NULL)
    return NULL;
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, path, -1);
  name = g_strdup_printf ("%.32s.snapshot", digest);
  return g_file_new_build_filename (g_get_user_cache_dir (), "libiis", "snapshots", name, NULL);
}

static gboolean
starts_as_snapshot (GFile *file)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
  guint8 head[8];
  gsize got = 0;

  return stream != NULL
         && g_input_stream_read_all (G_INPUT_STREAM (stream), head, sizeof head, &got, NULL, NULL)
         && _iis_snapshot_has_magic (head, got);
}

/* The key of @file as it is now. Its bytes are hashed as they are read,
 * a chunk at a time, so that they do not stay in memory. */
static gboolean
source_key_of (GFile         *file,
               SnapshotKey   *key,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree guint8 *chunk = NULL;
  const gsize chunk_size = 1 << 20;
  Hasher hasher;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                            G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                            G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return FALSE;
  key->size = g_file_info_get_size (info);
  key->mtime = (gint64) g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) * G_USEC_PER_SEC
               + g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC);

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return FALSE;
  chunk = g_malloc (chunk_size);
  hasher_init (&hasher);
  for (;;)
    {
      gsize got;

      if (!g_input_stream_read_all (G_INPUT_STREAM (stream), chunk, chunk_size, &got,
                                    cancellable, error))
        return FALSE;
      if (got < chunk_size)
        {
          key->hash = hasher_update (&hasher, chunk, got, TRUE);
          return TRUE;
        }
      hasher_update (&hasher, chunk, got, FALSE);
    }
}

static gboolean
cached_snapshot_matches (GBytes            *cached,
                         const SnapshotKey *key)
{
  SnapshotHeader header;

  if (g_bytes_get_size (cached) < sizeof header)
    return FALSE;
  memcpy (&header, g_bytes_get_data (cached, NULL), sizeof header);
  return header.source_size == key->size && header.source_mtime == key->mtime
         && header.source_hash == key->hash;
}

static gboolean
is_layer_note (GBytes *cached)
{
  SnapshotHeader header;

  if (g_bytes_get_size (cached) != sizeof header)
    return FALSE;
  memcpy (&header, g_bytes_get_data (cached, NULL), sizeof header);
  return header.n_sections == 0;
}

/* A file whose relations refer to entities it does not hold (a layer
 * over another catalog) has no snapshot of its own. Its cache entry is
 * then a header without sections that names the file's key, so that the
 * next load, finding the file unchanged, reads the JSON at once instead
 * of first trying to load it alone. snapshot_open() refuses it. */
static void
save_layer_note (GFile             *cache,
                 const SnapshotKey *key)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  SnapshotHeader header;

  memset (&header, 0, sizeof header);
  memcpy (header.magic, SNAPSHOT_MAGIC, 8);
  header.byte_order = SNAPSHOT_BYTE_ORDER;
  header.version_major = SNAPSHOT_VERSION_MAJOR;
  header.version_minor = SNAPSHOT_VERSION_MINOR;
  header.header_size = sizeof header;
  header.n_sections = 0;
  header.file_size = sizeof header;
  header.source_size = key->size;
  header.source_mtime = key->mtime;
  header.source_hash = key->hash;
  bytes = g_bytes_new (&header, sizeof header);
  if (!_iis_file_replace (cache, write_snapshot_bytes, bytes, NULL, NULL, NULL, &error))
    g_debug ("%s", error->message);
}

/* iis_catalog_load_from_file_full() with IIS_LOAD_FLAGS_CACHE. The
 * cached snapshot is used when the file's size, modification time and
 * content hash are those it was made from. Otherwise the file is loaded
 * alone, its snapshot written (to a temporary file renamed into place,
 * so that two processes doing this at once leave one whole snapshot)
 * and loaded. A snapshot that cannot be used or written only costs
 * time: the file is loaded from its JSON. */
gboolean
_iis_catalog_load_cached (IisCatalog    *self,
                          GFile         *file,
                          IisLoadFlags   flags,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GFile) cache = iis_catalog_get_cache_file (file);
  g_autoptr(GBytes) cached = NULL;
  g_autoptr(IisCatalog) alone = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *cache_dir = NULL;
  g_autoptr(GBytes) built = NULL;
  SnapshotKey key;

  flags &= ~IIS_LOAD_FLAGS_CACHE;
  if (cache == NULL)
    return iis_catalog_load_from_file_full (self, file, flags, cancellable, error);

  /* A snapshot given as the file is used as it is: caching it would
   * only copy it. */
  if (starts_as_snapshot (file))
    return iis_catalog_load_snapshot (self, file, flags, cancellable, error);
  if (!source_key_of (file, &key, cancellable, &local_error))
    {
      g_debug ("%s: not cached: %s", name, local_error->message);
      return iis_catalog_load_from_file_full (self, file, flags, cancellable, error);
    }

  cached = map_file (cache, NULL);
  if (cached != NULL && cached_snapshot_matches (cached, &key))
    {
      /* A note that the file cannot stand alone (save_layer_note()). */
      if (is_layer_note (cached))
        {
          g_clear_pointer (&cached, g_bytes_unref);
          return iis_catalog_load_from_file_full (self, file, flags, cancellable, error);
        }
      if (load_snapshot_bytes (self, cached, name, flags, cancellable, &local_error))
        return TRUE;
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_debug ("%s: the cached snapshot is not used: %s", name, local_error->message);
      g_clear_error (&local_error);
    }
  g_clear_pointer (&cached, g_bytes_unref);

  /* Make the snapshot from the file alone: a file that refers to
   * entities of the catalog it is loaded into is loaded as JSON. */
  cache_dir = g_path_get_dirname (g_file_peek_path (cache));
  alone = iis_catalog_new ();
  if (!iis_catalog_load_from_file_full (alone, file, IIS_LOAD_FLAGS_NONE, cancellable, &local_error))
    {
      gboolean layer = g_error_matches (local_error, IIS_ERROR, IIS_ERROR_UNKNOWN_REFERENCE);

      g_debug ("%s: not cached: %s", name, local_error->message);
      if (!iis_catalog_load_from_file_full (self, file, flags, cancellable, error))
        return FALSE;
      /* A layer: note it, so that the next load reads the JSON once. */
      if (layer && g_mkdir_with_parents (cache_dir, 0700) == 0)
        save_layer_note (cache, &key);
      return TRUE;
    }

  if (g_mkdir_with_parents (cache_dir, 0700) != 0)
    g_debug ("%s: %s", cache_dir, g_strerror (errno));
  built = snapshot_build (alone, &key, error);
  if (built == NULL)
    return FALSE;
  if (!_iis_file_replace (cache, write_snapshot_bytes, built, NULL, NULL, cancellable, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_debug ("%s: not cached: %s", name, local_error->message);
    }
  /* The bytes just made, not the file: another process may have replaced
   * it since with the snapshot of a newer version of @file. */
  g_clear_object (&alone);
  if (!load_snapshot_bytes (self, built, name, flags, cancellable, error))
    return FALSE;
  return TRUE;
}
