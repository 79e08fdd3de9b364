/* iis-writer.c: writing catalogs in the JSON file format
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * The writer produces JSON text directly, in chunks, rather than
 * building a JsonNode tree of the whole catalog: a catalog of a million
 * relations is written with a buffer of a few tens of kilobytes.
 *
 * The output is canonical, so the same catalog always gives the same
 * bytes: members in the order of docs/file-format.md, entities sorted by
 * id, relations in the order of _iis_catalog_foreach_relation(), labels,
 * identifiers and qualifiers sorted by key, unknown members after the
 * known ones, sorted by name.
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "iis-writer-private.h"

#include "iis-file-io-private.h"

#include "iis-catalog-view-private.h"
#include "iis-date-private.h"
#include "iis-entity-private.h"
#include "iis-enum-types.h"
#include "iis-agreement.h"
#include "iis-error.h"
#include "iis-forum.h"
#include "iis-format-private.h"
#include "iis-name-private.h"
#include "iis-relation-private.h"
#include "iis-source-private.h"
#include "iis-organization.h"
#include "iis-state.h"
#include "iis-threat-category.h"

#define FLUSH_THRESHOLD    (64 * 1024)

/* Members this version writes, per object: unknown members with these
 * names are never written a second time. */
static const char * const document_members[] = {
  "format", "version", "entities", "relations", NULL
};
static const char * const entity_members[] = {
  "type", "id", "name", "description", "labels", "other-names", "identifiers", "sources",
  NULL
};
static const char * const relation_members[] = {
  "kind", "subject", "object", "role", "start", "end", "confidence", "qualifiers",
  "sources", NULL
};
static const char * const name_members[] = {
  "name", "lang", "start", "end", NULL
};

static const char * const source_members[] = {
  "title", "url", "document", "publisher", "date", "quote", "locator", NULL
};

/* The names of an entity type's own members (iis-format.c's table) as a
 * NULL-terminated array, made once and kept. */
static const char * const *
type_member_names (GType type)
{
  const IisMember *members = _iis_format_get_entity_members (type);
  GPtrArray *names = g_ptr_array_new ();

  for (guint i = 0; members != NULL && members[i].name != NULL; i++)
    g_ptr_array_add (names, (gpointer) members[i].name);
  g_ptr_array_add (names, NULL);
  return (const char * const *) g_ptr_array_free (names, FALSE);
}

/* The members the format defines on @holder ("document", "entity",
 * "state" … "threat-category", "relation", "other-name", "source"): for
 * an entity type, those of that type only. */
const char * const *
_iis_writer_get_members (const char *holder)
{
  static const struct {
    const char         *holder;
    const char * const *members;
  } holders[] = {
    { "document", document_members },
    { "entity", entity_members },
    { "relation", relation_members },
    { "other-name", name_members },
    { "source", source_members },
  };
  static const char *type_nicks[] = {
    "state", "organization", "agreement", "forum", "threat-category",
  };
  static const char * const *type_members[G_N_ELEMENTS (type_nicks)];

  for (gsize i = 0; i < G_N_ELEMENTS (holders); i++)
    if (g_strcmp0 (holders[i].holder, holder) == 0)
      return holders[i].members;

  if (g_once_init_enter (&type_members[0]))
    {
      GType types[G_N_ELEMENTS (type_nicks)] = {
        IIS_TYPE_STATE, IIS_TYPE_ORGANIZATION, IIS_TYPE_AGREEMENT, IIS_TYPE_FORUM,
        IIS_TYPE_THREAT_CATEGORY,
      };

      for (gsize i = 1; i < G_N_ELEMENTS (types); i++)
        type_members[i] = type_member_names (types[i]);
      g_once_init_leave (&type_members[0], type_member_names (types[0]));
    }
  for (gsize i = 0; i < G_N_ELEMENTS (type_nicks); i++)
    if (g_strcmp0 (type_nicks[i], holder) == 0)
      return type_members[i];
  return NULL;
}

typedef struct
{
  GString       *buf;
  gboolean       compact;
  GArray        *first;        /* per open container: nothing written in it yet */
  GOutputStream *stream;       /* nullable: everything stays in buf */
  GCancellable  *cancellable;
  GError        *error;
  gsize          flushed;      /* bytes already written to the stream */
  gsize          max_string;   /* the reader's limits: what is written must load */
  gsize          max_document;

  /* What is being written, for messages */
  const char            *key;  /* the member whose value is being written */
  IisEntity             *entity;
  const IisRelationView *relation;
  guint                  relation_index;
} Writer;

static void
writer_init (Writer        *self,
             IisSaveFlags   flags,
             GOutputStream *stream,
             GCancellable  *cancellable)
{
  self->buf = g_string_sized_new (stream != NULL ? FLUSH_THRESHOLD * 2 : 4096);
  self->compact = (flags & IIS_SAVE_FLAGS_COMPACT) != 0;
  self->first = g_array_new (FALSE, FALSE, sizeof (gboolean));
  self->stream = stream;
  self->cancellable = cancellable;
  self->error = NULL;
  self->flushed = 0;
  self->key = NULL;
  self->entity = NULL;
  self->relation = NULL;
  self->relation_index = 0;

  {
    IisFormatLimits limits;

    _iis_format_get_default_limits (&limits);
    self->max_string = limits.max_string_length;
    self->max_document = limits.max_document_size;
  }
}

static void
writer_clear (Writer *self)
{
  if (self->buf != NULL)
    g_string_free (self->buf, TRUE);
  self->buf = NULL;
  g_clear_pointer (&self->first, g_array_unref);
  g_clear_error (&self->error);
}

static void G_GNUC_PRINTF (3, 0)
writer_fail_valist (Writer     *self,
                    IisError    code,
                    const char *format,
                    va_list     args)
{
  g_autofree char *message = NULL;
  g_autofree char *where = NULL;

  if (self->error != NULL)
    return;

  message = g_strdup_vprintf (format, args);

  if (self->relation != NULL)
    where = g_strdup_printf ("relations[%u] (“%s” %s “%s”): ", self->relation_index,
                             iis_entity_get_id (self->relation->subject),
                             iis_relation_kind_to_nick (self->relation->kind),
                             iis_entity_get_id (self->relation->object));
  else if (self->entity != NULL)
    where = g_strdup_printf ("entity “%s”: ", iis_entity_get_id (self->entity));

  g_set_error (&self->error, IIS_ERROR, code, "%s%s",
               where != NULL ? where : "", message);
}

/* Record the first error, naming what was being written. */
static void G_GNUC_PRINTF (2, 3)
writer_fail (Writer     *self,
             const char *format,
             ...)
{
  va_list args;

  va_start (args, format);
  writer_fail_valist (self, IIS_ERROR_INVALID_VALUE, format, args);
  va_end (args);
}

/* The same for what is over one of the reader's limits. */
static void G_GNUC_PRINTF (2, 3)
writer_fail_limit (Writer     *self,
                   const char *format,
                   ...)
{
  va_list args;

  va_start (args, format);
  writer_fail_valist (self, IIS_ERROR_LIMIT_EXCEEDED, format, args);
  va_end (args);
}

/* A document the reader would refuse for its size is not written. */
static gboolean
writer_check_size (Writer *self)
{
  g_autofree char *limit = NULL;

  if (self->flushed + self->buf->len <= self->max_document)
    return TRUE;
  limit = g_format_size_full (self->max_document, G_FORMAT_SIZE_IEC_UNITS);
  self->entity = NULL;
  self->relation = NULL;
  writer_fail_limit (self, "the document would be larger than a reader accepts (%s)", limit);
  return FALSE;
}

static void
writer_flush (Writer   *self,
              gboolean  force)
{
  if (self->stream == NULL || self->error != NULL)
    return;
  if (!force && self->buf->len < FLUSH_THRESHOLD)
    return;
  if (!writer_check_size (self))
    return;

  if (self->buf->len > 0
      && !g_output_stream_write_all (self->stream, self->buf->str, self->buf->len,
                                     NULL, self->cancellable, &self->error))
    return;
  self->flushed += self->buf->len;
  g_string_truncate (self->buf, 0);
}

/* Append @len bytes. g_string_append_len() is a call that checks its
 * arguments and goes through g_string_insert_len(): too dear for the
 * few bytes of most pieces of a catalog, written millions of times. */
static inline void
buf_append (GString    *buf,
            const char *text,
            gsize       len)
{
  if (G_LIKELY (buf->len + len < buf->allocated_len))
    {
      memcpy (buf->str + buf->len, text, len);
      buf->len += len;
      buf->str[buf->len] = '\0';
    }
  else
    g_string_append_len (buf, text, len);
}

/* A newline and the indent of 32 levels, written with one append. */
static const char newline_indent[] =
  "\n                                                                ";

static void
writer_newline (Writer *self)
{
  gsize len;

  if (self->compact)
    return;
  len = 1 + 2 * (gsize) self->first->len;
  if (G_LIKELY (len < sizeof newline_indent))
    {
      buf_append (self->buf, newline_indent, len);
      return;
    }
  g_string_append_c (self->buf, '\n');
  for (guint i = 0; i < self->first->len; i++)
    g_string_append_len (self->buf, "  ", 2);
}

/* Before a value in an array, or a member in an object. */
static void
writer_item (Writer *self)
{
  gboolean *first = &g_array_index (self->first, gboolean, self->first->len - 1);

  if (!*first)
    g_string_append_c (self->buf, ',');
  *first = FALSE;
  writer_newline (self);
}

static void
writer_begin (Writer *self,
              char    open)
{
  gboolean first = TRUE;

  g_string_append_c (self->buf, open);
  g_array_append_val (self->first, first);
}

static void
writer_end (Writer *self,
            char    close)
{
  gboolean empty = g_array_index (self->first, gboolean, self->first->len - 1);

  g_array_set_size (self->first, self->first->len - 1);
  if (!empty)
    writer_newline (self);
  g_string_append_c (self->buf, close);
}

/* Per byte: 0 written as it is, 1 the end or escaped, 2 not ASCII. */
static const guint8 escape_class[256] = {
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,   /* '"' */
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,   /* '\\' */
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
  2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
  2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
  2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
  2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
  2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
  2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
  2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
};

static void
writer_escape (Writer     *self,
               const char *text)
{
  static const char hex[] = "0123456789abcdef";
  GString *buf = self->buf;
  const char *run = text;
  const char *p;
  gsize open = buf->len;
  gboolean ascii = TRUE;

  g_string_append_c (buf, '"');
  /* One pass finds what to escape and whether the text is all ASCII,
   * which is valid UTF-8 without a second look. */
  for (p = text;; p++)
    {
      char escaped[6] = { '\\', 0, '0', '0', 0, 0 };
      gsize escaped_len = 2;
      guchar c;

      while (escape_class[(guchar) *p] == 0)
        p++;
      c = *p;
      if (escape_class[c] == 2)
        {
          ascii = FALSE;
          continue;
        }
      if (c == '\0')
        break;

      buf_append (buf, run, p - run);
      switch (c)
        {
        case '"':
        case '\\':
          escaped[1] = c;
          break;
        case '\n':
          escaped[1] = 'n';
          break;
        case '\r':
          escaped[1] = 'r';
          break;
        case '\t':
          escaped[1] = 't';
          break;
        case '\b':
          escaped[1] = 'b';
          break;
        case '\f':
          escaped[1] = 'f';
          break;
        default:
          escaped[1] = 'u';
          escaped[4] = hex[c >> 4];
          escaped[5] = hex[c & 0xf];
          escaped_len = 6;
          break;
        }
      buf_append (buf, escaped, escaped_len);
      run = p + 1;
    }
  buf_append (buf, run, p - run);

  if (!ascii && self->error == NULL && !g_utf8_validate (text, p - text, NULL))
    writer_fail (self, "cannot write text that is not valid UTF-8");

  /* The reader's limit counts the bytes between the quotes, as written. */
  if (buf->len - open - 1 > self->max_string && self->error == NULL)
    {
      g_autofree char *size = g_format_size (buf->len - open - 1);
      g_autofree char *limit = g_format_size_full (self->max_string, G_FORMAT_SIZE_IEC_UNITS);

      if (self->key != NULL)
        {
          g_autofree char *key = g_utf8_make_valid (self->key, MIN (strlen (self->key), 40));

          writer_fail_limit (self, "the value of “%s” is %s as written, longer than a reader accepts (%s)",
                             key, size, limit);
        }
      else
        writer_fail_limit (self, "a member name of %s is longer than a reader accepts (%s)",
                           size, limit);
    }
  g_string_append_c (buf, '"');
}

static void
writer_key (Writer     *self,
            const char *name)
{
  writer_item (self);
  self->key = NULL;
  writer_escape (self, name);
  self->key = name;
  buf_append (self->buf, ": ", self->compact ? 1 : 2);
}

/* A member name of the format (docs/file-format.md): ASCII with
 * nothing to escape and far below the limits, so it is copied as it is
 * rather than escaped and checked, several times a relation. */
static void
writer_name (Writer     *self,
             const char *name)
{
  writer_item (self);
  g_string_append_c (self->buf, '"');
  buf_append (self->buf, name, strlen (name));
  buf_append (self->buf, "\": ", self->compact ? 2 : 3);
  self->key = name;
}

/* A member of the format, @name as writer_name() takes it. */
static void
writer_member_string (Writer     *self,
                      const char *name,
                      const char *value)
{
  if (value == NULL)
    return;
  writer_name (self, name);
  writer_escape (self, value);
}

/* What the reader would refuse is not written: a file libiis saved must
 * load. */
static void
writer_check_code (Writer     *self,
                   const char *name,
                   const char *code,
                   gsize       length)
{
  if (!_iis_format_code_is_valid (code, length))
    writer_fail (self, "%s “%s” is not %" G_GSIZE_FORMAT " capital letters A–Z",
                 name, code, length);
}

static void
writer_check_nonempty (Writer     *self,
                       const char *name,
                       const char *text)
{
  if (text != NULL && *text == '\0')
    writer_fail (self, "%s is empty", name);
}

/* @value in decimal, at least @width digits with leading zeros (as
 * printf's %0*u), at @out; returns the number of bytes written. */
static inline gsize
format_uint (char  *out,
             guint  value,
             guint  width)
{
  char digits[16];
  gsize n = 0;

  do
    {
      digits[n++] = '0' + value % 10;
      value /= 10;
    }
  while (value != 0);
  while (n < width)
    digits[n++] = '0';
  for (gsize i = 0; i < n; i++)
    out[i] = digits[n - 1 - i];
  return n;
}

static void
writer_append_date (Writer        *self,
                    const IisDate *date)
{
  guint year = iis_date_get_year (date);
  guint month = iis_date_get_month (date);
  guint day = iis_date_get_day (date);
  char text[48];
  gsize len = 0;

  /* Exact dates on the fast path, without printf (a catalog has two
   * dates a relation); EDTF forms as the date writes them. */
  if (!iis_date_is_exact (date))
    {
      g_autofree char *edtf = iis_date_to_string (date);

      g_string_append_c (self->buf, '"');
      g_string_append (self->buf, edtf);
      g_string_append_c (self->buf, '"');
      return;
    }
  text[len++] = '"';
  len += format_uint (text + len, year, 4);
  if (month != 0)
    {
      text[len++] = '-';
      len += format_uint (text + len, month, 2);
      if (day != 0)
        {
          text[len++] = '-';
          len += format_uint (text + len, day, 2);
        }
    }
  text[len++] = '"';
  buf_append (self->buf, text, len);
}

static void
writer_member_date (Writer        *self,
                    const char    *name,
                    const IisDate *date)
{
  if (date == NULL)
    return;
  writer_name (self, name);
  writer_append_date (self, date);
}

static void
writer_member_packed_date (Writer     *self,
                           const char *name,
                           guint32     packed)
{
  IisDate date;

  if (packed == IIS_DATE_PACKED_NONE)
    return;
  _iis_date_unpack (packed, &date);
  writer_member_date (self, name, &date);
}

static void
writer_member_enum (Writer     *self,
                    const char *name,
                    GType       enum_type,
                    int         value)
{
  /* The class is kept by the properties and relations that use it:
   * peeking is cheaper than a reference per value. */
  GEnumClass *klass = g_type_class_peek (enum_type);
  GEnumClass *ref = klass == NULL ? g_type_class_ref (enum_type) : NULL;
  GEnumValue *enum_value = g_enum_get_value (klass != NULL ? klass : ref, value);

  if (enum_value != NULL)
    writer_member_string (self, name, enum_value->value_nick);
  else
    writer_fail (self, "%s: no such value %d", name, value);
  if (ref != NULL)
    g_type_class_unref (ref);
}

static void
writer_append_double (Writer *self,
                      double  value)
{
  static const char * const formats[] = { "%.15g", "%.16g", "%.17g" };
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      /* JSON has no infinities; json-glib never produces them from text. */
      g_string_append_len (self->buf, "null", 4);
      return;
    }

  /* The shortest text that reads back as the same number. */
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (text, sizeof text, formats[i], value);
      if (g_ascii_strtod (text, NULL) == value)
        break;
    }
  g_string_append (self->buf, text);
  if (strpbrk (text, ".eE") == NULL)
    g_string_append_len (self->buf, ".0", 2);
}

static void writer_node (Writer   *self,
                         JsonNode *node);

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Members of @object sorted by name (borrowed strings). */
static GPtrArray *
sorted_member_names (JsonObject *object)
{
  GPtrArray *names = g_ptr_array_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &node))
    g_ptr_array_add (names, (gpointer) name);
  g_ptr_array_sort (names, compare_strings);
  return names;
}

static void
writer_object (Writer     *self,
               JsonObject *object)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  writer_begin (self, '{');
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      writer_key (self, name);
      writer_node (self, node);
    }
  writer_end (self, '}');
}

static void
writer_node (Writer   *self,
             JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      writer_object (self, json_node_get_object (node));
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        writer_begin (self, '[');
        for (guint i = 0; i < n; i++)
          {
            writer_item (self);
            writer_node (self, json_array_get_element (array, i));
          }
        writer_end (self, ']');
      }
      break;

    case JSON_NODE_VALUE:
      {
        GType type = json_node_get_value_type (node);

        if (type == G_TYPE_STRING)
          writer_escape (self, json_node_get_string (node));
        else if (type == G_TYPE_INT64)
          g_string_append_printf (self->buf, "%" G_GINT64_FORMAT, json_node_get_int (node));
        else if (type == G_TYPE_DOUBLE)
          writer_append_double (self, json_node_get_double (node));
        else if (type == G_TYPE_BOOLEAN)
          g_string_append (self->buf, json_node_get_boolean (node) ? "true" : "false");
        else
          g_string_append_len (self->buf, "null", 4);
      }
      break;

    case JSON_NODE_NULL:
    default:
      g_string_append_len (self->buf, "null", 4);
      break;
    }
}

/* Unknown members after the known ones, sorted by name; names this
 * version writes itself (@known, @known2) are skipped. */
static void
writer_unknown_members (Writer             *self,
                        JsonObject         *unknown,
                        const char * const *known,
                        const IisMember    *type_members)
{
  g_autoptr(GPtrArray) names = NULL;

  if (unknown == NULL)
    return;

  names = sorted_member_names (unknown);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);

      if (g_strv_contains (known, name) || _iis_format_members_contain (type_members, name))
        continue;
      writer_key (self, name);
      writer_node (self, json_object_get_member (unknown, name));
    }
}

static void
writer_source (Writer    *self,
               IisSource *source)
{
  writer_item (self);
  writer_begin (self, '{');
  writer_member_string (self, "title", iis_source_get_title (source));
  writer_member_string (self, "url", iis_source_get_url (source));
  writer_member_string (self, "document", iis_source_get_document (source));
  writer_member_string (self, "publisher", iis_source_get_publisher (source));
  writer_member_date (self, "date", iis_source_get_date (source));
  writer_member_string (self, "quote", iis_source_get_quote (source));
  writer_member_string (self, "locator", iis_source_get_locator (source));
  writer_unknown_members (self, _iis_source_get_unknown (source), source_members, NULL);
  writer_end (self, '}');
}

static void
writer_sources (Writer     *self,
                GListModel *sources)
{
  guint n = sources != NULL ? g_list_model_get_n_items (sources) : 0;

  if (n == 0)
    return;

  writer_key (self, "sources");
  writer_begin (self, '[');
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IisSource) source = g_list_model_get_item (sources, i);

      writer_source (self, source);
    }
  writer_end (self, ']');
}

/* Relations hand their sources over as an array. */
static void
writer_source_array (Writer            *self,
                     IisSource * const *sources,
                     guint              n_sources)
{
  if (n_sources == 0)
    return;

  writer_key (self, "sources");
  writer_begin (self, '[');
  for (guint i = 0; i < n_sources; i++)
    writer_source (self, sources[i]);
  writer_end (self, ']');
}

static void
writer_string_map (Writer      *self,
                   const char  *name,
                   guint        n,
                   const char * const *keys,
                   const char * const *values)
{
  if (n == 0)
    return;

  writer_key (self, name);
  writer_begin (self, '{');
  for (guint i = 0; i < n; i++)
    {
      if (*keys[i] == '\0')
        writer_fail (self, "%s: a key is empty", name);
      if (values[i] == NULL)
        continue;
      writer_key (self, keys[i]);
      writer_escape (self, values[i]);
    }
  writer_end (self, '}');
}

static void
writer_labels (Writer    *self,
               IisEntity *entity)
{
  g_auto(GStrv) langs = iis_entity_dup_label_languages (entity);
  guint n = langs != NULL ? g_strv_length (langs) : 0;
  g_autofree const char **values = NULL;

  if (n == 0)
    return;

  qsort (langs, n, sizeof (char *), compare_strings);
  values = g_new0 (const char *, n);
  for (guint i = 0; i < n; i++)
    values[i] = iis_entity_get_label (entity, langs[i]);
  writer_string_map (self, "labels", n, (const char * const *) langs, values);
}

static void
writer_identifiers (Writer    *self,
                    IisEntity *entity)
{
  GHashTable *identifiers = _iis_entity_get_identifiers (entity);
  g_autofree const char **keys = NULL;
  g_autofree const char **values = NULL;
  guint n = 0;

  if (identifiers == NULL || g_hash_table_size (identifiers) == 0)
    return;

  keys = (const char **) g_hash_table_get_keys_as_array (identifiers, &n);
  qsort (keys, n, sizeof (char *), compare_strings);
  values = g_new0 (const char *, n);
  for (guint i = 0; i < n; i++)
    values[i] = g_hash_table_lookup (identifiers, keys[i]);
  writer_string_map (self, "identifiers", n, keys, values);
}

static void
writer_other_names (Writer    *self,
                    IisEntity *entity)
{
  GListModel *names = _iis_entity_peek_other_names (entity);
  guint n = names != NULL ? g_list_model_get_n_items (names) : 0;

  if (n == 0)
    return;

  writer_key (self, "other-names");
  writer_begin (self, '[');
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IisName) name = g_list_model_get_item (names, i);

      writer_check_nonempty (self, "an other name", iis_name_get_text (name));
      writer_check_nonempty (self, "the language of an other name", iis_name_get_lang (name));
      writer_item (self);
      writer_begin (self, '{');
      writer_member_string (self, "name", iis_name_get_text (name));
      writer_member_string (self, "lang", iis_name_get_lang (name));
      writer_member_date (self, "start", iis_name_get_start (name));
      writer_member_date (self, "end", iis_name_get_end (name));
      writer_unknown_members (self, _iis_name_get_unknown (name), name_members, NULL);
      writer_end (self, '}');
    }
  writer_end (self, ']');
}

/* One of the members of _iis_format_get_entity_members(): the value of
 * the property of the same name, unless it is the property's default. */
static void
writer_property_member (Writer          *self,
                        IisEntity       *entity,
                        const IisMember *member)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (entity), member->name);
  const char *name = member->name;
  g_auto(GValue) value = G_VALUE_INIT;

  g_assert (pspec != NULL);
  g_value_init (&value, pspec->value_type);
  g_object_get_property (G_OBJECT (entity), name, &value);

  if (G_IS_PARAM_SPEC_STRING (pspec))
    {
      const char *text = g_value_get_string (&value);

      if (member->check == IIS_MEMBER_CHECK_CODE && text != NULL)
        writer_check_code (self, name, text, member->arg);
      writer_member_string (self, name, text);
    }
  else if (G_IS_PARAM_SPEC_ENUM (pspec))
    {
      if (g_value_get_enum (&value) != G_PARAM_SPEC_ENUM (pspec)->default_value)
        writer_member_enum (self, name, pspec->value_type, g_value_get_enum (&value));
    }
  else if (G_IS_PARAM_SPEC_UINT (pspec))
    {
      if (g_value_get_uint (&value) != 0)
        {
          writer_key (self, name);
          g_string_append_printf (self->buf, "%u", g_value_get_uint (&value));
        }
    }
  else if (G_IS_PARAM_SPEC_BOOLEAN (pspec))
    {
      if (g_value_get_boolean (&value))
        {
          writer_key (self, name);
          g_string_append_len (self->buf, "true", 4);
        }
    }
  else if (pspec->value_type == IIS_TYPE_DATE)
    {
      writer_member_date (self, name, g_value_get_boxed (&value));
    }
  else if (pspec->value_type == G_TYPE_STRV)
    {
      const char * const *items = g_value_get_boxed (&value);

      if (items != NULL && items[0] != NULL)
        {
          writer_key (self, name);
          writer_begin (self, '[');
          for (guint i = 0; items[i] != NULL; i++)
            {
              if (member->check == IIS_MEMBER_CHECK_NONEMPTY)
                writer_check_nonempty (self, member->item, items[i]);
              writer_item (self);
              writer_escape (self, items[i]);
            }
          writer_end (self, ']');
        }
    }
  else
    {
      g_assert_not_reached ();
    }
}

static void
writer_entity (Writer    *self,
               IisEntity *entity)
{
  const IisMember *type_members;

  self->entity = entity;

  writer_item (self);
  writer_begin (self, '{');
  writer_member_string (self, "type", iis_entity_get_type_nick (entity));
  writer_member_string (self, "id", iis_entity_get_id (entity));
  writer_member_string (self, "name", iis_entity_get_name (entity));
  writer_member_string (self, "description", iis_entity_get_description (entity));
  writer_labels (self, entity);
  writer_other_names (self, entity);
  writer_identifiers (self, entity);
  writer_sources (self, _iis_entity_peek_sources (entity));

  type_members = _iis_format_get_entity_members (G_OBJECT_TYPE (entity));
  for (const IisMember *m = type_members; m != NULL && m->name != NULL; m++)
    writer_property_member (self, entity, m);

  writer_unknown_members (self, _iis_entity_get_unknown (entity), entity_members, type_members);
  writer_end (self, '}');
  self->entity = NULL;
}

typedef struct
{
  Writer *writer;
  guint   index;
} RelationClosure;

static void
writer_relation (const IisRelationView *view,
                 gpointer               user_data)
{
  RelationClosure *closure = user_data;
  Writer *self = closure->writer;
  guint index = closure->index++;

  if (self->error != NULL)
    return;

  self->relation = view;
  self->relation_index = index;

  writer_item (self);
  writer_begin (self, '{');
  writer_member_string (self, "kind", iis_relation_kind_to_nick (view->kind));
  writer_member_string (self, "subject", iis_entity_get_id (view->subject));
  writer_member_string (self, "object", iis_entity_get_id (view->object));
  writer_member_string (self, "role", view->role);
  writer_member_packed_date (self, "start", view->start);
  writer_member_packed_date (self, "end", view->end);
  if (view->confidence != IIS_CONFIDENCE_UNSPECIFIED)
    writer_member_enum (self, "confidence", IIS_TYPE_CONFIDENCE, view->confidence);
  writer_string_map (self, "qualifiers", view->n_qualifiers,
                     view->qualifier_keys, view->qualifier_values);
  writer_source_array (self, view->sources, view->n_sources);

  if (view->unknown_json != NULL)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) local_error = NULL;
      JsonNode *root;

      if (!json_parser_load_from_data (parser, view->unknown_json, -1, &local_error)
          || (root = json_parser_get_root (parser)) == NULL
          || !JSON_NODE_HOLDS_OBJECT (root))
        writer_fail (self, "its unknown members are not a JSON object");
      else
        writer_unknown_members (self, json_node_get_object (root), relation_members, NULL);
    }

  writer_end (self, '}');
  self->relation = NULL;
  writer_flush (self, FALSE);
}

/* The document of @catalog; with @only (nullable), of those entities
 * alone, in that order. */
static gboolean
writer_catalog (Writer      *self,
                IisCatalog  *catalog,
                gboolean     relations,
                GPtrArray   *only,
                GError     **error)
{
  g_autoptr(GPtrArray) entities = only != NULL ? g_ptr_array_ref (only)
                                               : _iis_catalog_dup_entities_sorted (catalog);
  RelationClosure closure = { self, 0 };

  writer_begin (self, '{');
  writer_member_string (self, "format", IIS_FORMAT_MARKER);
  writer_member_string (self, "version",
                        _iis_format_version_string (_iis_catalog_get_format_minor (catalog)));

  writer_key (self, "entities");
  writer_begin (self, '[');
  for (guint i = 0; i < entities->len && self->error == NULL; i++)
    {
      writer_entity (self, g_ptr_array_index (entities, i));
      writer_flush (self, FALSE);
    }
  writer_end (self, ']');

  writer_key (self, "relations");
  writer_begin (self, '[');
  if (self->error == NULL && relations)
    _iis_catalog_foreach_relation (catalog, writer_relation, &closure);
  writer_end (self, ']');

  writer_unknown_members (self, _iis_catalog_get_document_unknown (catalog),
                          document_members, NULL);
  writer_end (self, '}');
  if (!self->compact)
    g_string_append_c (self->buf, '\n');

  writer_flush (self, TRUE);
  writer_check_size (self);
  if (self->error == NULL && self->stream != NULL)
    g_output_stream_flush (self->stream, self->cancellable, &self->error);

  if (self->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->error));
      return FALSE;
    }
  return TRUE;
}

static char *
writer_to_data (IisCatalog    *catalog,
                IisSaveFlags   flags,
                gboolean       relations,
                GPtrArray     *only,
                gsize         *length,
                GError       **error)
{
  Writer writer;
  char *data;

  writer_init (&writer, flags, NULL, NULL);
  if (!writer_catalog (&writer, catalog, relations, only, error))
    {
      writer_clear (&writer);
      if (length != NULL)
        *length = 0;
      return NULL;
    }

  if (length != NULL)
    *length = writer.buf->len;
  data = g_string_free (writer.buf, FALSE);
  writer.buf = NULL;
  writer_clear (&writer);
  return data;
}

char *
_iis_writer_to_data (IisCatalog    *catalog,
                     IisSaveFlags   flags,
                     gsize         *length,
                     GError       **error)
{
  g_return_val_if_fail (IIS_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return writer_to_data (catalog, flags, TRUE, NULL, length, error);
}

char *
_iis_writer_entities_to_data (IisCatalog  *catalog,
                              GPtrArray   *entities,
                              gsize       *length,
                              GError     **error)
{
  g_return_val_if_fail (IIS_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return writer_to_data (catalog, IIS_SAVE_FLAGS_COMPACT, FALSE, entities, length, error);
}

char *
_iis_writer_entity_to_string (IisEntity *entity)
{
  Writer writer;
  char *text;

  g_return_val_if_fail (IIS_IS_ENTITY (entity), NULL);

  writer_init (&writer, IIS_SAVE_FLAGS_COMPACT, NULL, NULL);
  writer_begin (&writer, '[');
  writer_entity (&writer, entity);
  writer.entity = NULL;
  writer_end (&writer, ']');
  if (writer.error != NULL)
    {
      writer_clear (&writer);
      return NULL;
    }
  text = g_string_free (writer.buf, FALSE);
  writer.buf = NULL;
  writer_clear (&writer);
  return text;
}

gboolean
_iis_writer_to_stream (IisCatalog     *catalog,
                       IisSaveFlags    flags,
                       GOutputStream  *stream,
                       GCancellable   *cancellable,
                       GError        **error)
{
  Writer writer;
  gboolean ok;

  g_return_val_if_fail (IIS_IS_CATALOG (catalog), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  writer_init (&writer, flags, stream, cancellable);
  ok = writer_catalog (&writer, catalog, TRUE, NULL, error);
  writer_clear (&writer);
  return ok;
}

char *
_iis_writer_object_to_string (JsonObject *object)
{
  g_autoptr(GPtrArray) names = sorted_member_names (object);
  Writer writer;
  char *text;

  writer_init (&writer, IIS_SAVE_FLAGS_COMPACT, NULL, NULL);
  writer_begin (&writer, '{');
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);

      writer_key (&writer, name);
      writer_node (&writer, json_object_get_member (object, name));
    }
  writer_end (&writer, '}');

  text = g_string_free (writer.buf, FALSE);
  writer.buf = NULL;
  writer_clear (&writer);
  return text;
}

/* ---- Checking on the way in ----------------------------------------- */

/* Keep the writer's error only when it is over a reader's limit; the
 * other checks (valid UTF-8, codes) stay with saving, as documented. */
static gboolean
writer_finish_check (Writer      *self,
                     IisEntity   *entity,
                     IisRelation *relation,
                     GError     **error)
{
  gboolean ok = self->error == NULL
                || !g_error_matches (self->error, IIS_ERROR, IIS_ERROR_LIMIT_EXCEEDED);

  if (!ok && entity != NULL)
    g_propagate_prefixed_error (error, g_steal_pointer (&self->error),
                                "The entity “%s” cannot be added: ", iis_entity_get_id (entity));
  else if (!ok)
    g_propagate_prefixed_error (error, g_steal_pointer (&self->error),
                                "The %s relation cannot be added: ",
                                iis_relation_kind_to_nick (iis_relation_get_kind (relation)));
  writer_clear (self);
  return ok;
}

/* A writer for a check: a small buffer, most objects are small. */
static void
writer_init_check (Writer *self)
{
  writer_init (self, IIS_SAVE_FLAGS_COMPACT, NULL, NULL);
  g_string_free (self->buf, TRUE);
  self->buf = g_string_sized_new (256);
}

gboolean
_iis_writer_check_entity (IisEntity  *entity,
                          GError    **error)
{
  Writer writer;

  g_return_val_if_fail (IIS_IS_ENTITY (entity), FALSE);

  writer_init_check (&writer);
  writer_begin (&writer, '[');
  writer_entity (&writer, entity);
  writer.entity = NULL;
  return writer_finish_check (&writer, entity, NULL, error);
}

gboolean
_iis_writer_check_relation (IisRelation  *relation,
                            GError      **error)
{
  GHashTable *qualifiers = _iis_relation_get_qualifiers (relation);
  GPtrArray *sources = _iis_relation_get_source_array (relation);
  Writer writer;

  g_return_val_if_fail (IIS_IS_RELATION (relation), FALSE);

  writer_init_check (&writer);
  writer_begin (&writer, '{');
  writer_member_string (&writer, "role", iis_relation_get_role (relation));
  if (qualifiers != NULL && g_hash_table_size (qualifiers) > 0)
    {
      GHashTableIter iter;
      gpointer key, value;

      writer_key (&writer, "qualifiers");
      writer_begin (&writer, '{');
      g_hash_table_iter_init (&iter, qualifiers);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (value != NULL)
          {
            writer_key (&writer, key);
            writer_escape (&writer, value);
          }
      writer_end (&writer, '}');
    }
  if (sources != NULL && sources->len > 0)
    {
      writer_key (&writer, "sources");
      writer_begin (&writer, '[');
      for (guint i = 0; i < sources->len; i++)
        writer_source (&writer, g_ptr_array_index (sources, i));
      writer_end (&writer, ']');
    }
  return writer_finish_check (&writer, NULL, relation, error);
}

typedef struct
{
  IisCatalog   *catalog;
  IisSaveFlags  flags;
} CatalogContent;

static gboolean
write_catalog (GOutputStream  *stream,
               gpointer        user_data,
               GCancellable   *cancellable,
               GError        **error)
{
  CatalogContent *what = user_data;

  return _iis_writer_to_stream (what->catalog, what->flags, stream, cancellable, error);
}

gboolean
_iis_writer_save_to_file (IisCatalog         *catalog,
                          GFile              *file,
                          IisSaveFlags        flags,
                          IisFileWrapFunc     wrap,
                          gpointer            wrap_data,
                          GCancellable       *cancellable,
                          GError            **error)
{
  CatalogContent what = { catalog, flags };

  g_return_val_if_fail (IIS_IS_CATALOG (catalog), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _iis_file_replace (file, write_catalog, &what, wrap, wrap_data, cancellable, error);
}
