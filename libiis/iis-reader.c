/* iis-reader.c: reading the JSON file format into a stage
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * The reader works in two passes over the bytes of a document:
 *
 * 1. A strict scan (iis-json-scanner.c) checks what json-glib 1.6 does not:
 *    the size, UTF-8 and embedded NULs, the lexical rules of RFC 8259
 *    (json-glib accepts comments, single quotes, hexadecimal numbers,
 *    identifiers and trailing values), the nesting depth (json-glib
 *    recurses once per level, so 100,000 nested arrays would overflow the
 *    stack) and the length of every string. It refuses a member name
 *    repeated in any object (json-glib would keep the last one silently),
 *    comparing names as decoded strings. It also notes the members of the
 *    top-level object, so the format and version are checked before any
 *    content is read, and which arrays (numbered in the order of their
 *    "[") are the values of its `entities` and `relations` members.
 *
 * 2. json-glib parses the document. A JsonParser subclass follows only
 *    the array signals: it numbers the arrays as they start, as the scan
 *    did, so it knows each element of the top-level `entities` and
 *    `relations` arrays as soon as it is complete, maps it by hand onto
 *    the model (iis-reader-elements.c), stages it and removes it from
 *    the tree, so the document is never held as a whole JsonNode tree
 *    next to the staged catalog.
 *    It leaves the object signals alone: GLib skips emitting a signal
 *    that has no class handler and no handler connected, and json-glib
 *    emits those for every object and member.
 *
 * Errors say where: "3:14: …" (line and column) for problems in the
 * text, "relations[12].start: …" for problems in the content.
 *
 * Reading the bytes of a file or stream is iis-file-io.c's; the limits
 * the reader enforces are iis-format.c's, shared with the writer.
 */

#include "config.h"

#include <string.h>

#include "iis-reader-private.h"

#include "iis-json-scanner-private.h"
#include "iis-reader-elements-private.h"

#include "iis-agreement.h"
#include "iis-date-private.h"
#include "iis-entity-private.h"
#include "iis-enum-types.h"
#include "iis-error.h"
#include "iis-forum.h"
#include "iis-hash-private.h"
#include "iis-organization.h"
#include "iis-name-private.h"
#include "iis-source-private.h"
#include "iis-state.h"
#include "iis-threat-category.h"
#include "iis-writer-private.h"


/* ---- The format marker and version ---------------------------------- */

static gboolean G_GNUC_PRINTF (4, 5)
header_fail (const Scan  *scan,
             int          code,
             GError     **error,
             const char  *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, IIS_ERROR, code, "%s%s%s",
               scan->source_name ? scan->source_name : "",
               scan->source_name ? ": " : "", message);
  return FALSE;
}

static gboolean
check_header (const Scan  *scan,
              GError     **error)
{
  TopMember *format = _iis_json_scan_find_top (scan, "format");
  TopMember *version = _iis_json_scan_find_top (scan, "version");
  g_autofree char *format_text = NULL;
  g_autofree char *version_text = NULL;
  g_autoptr(GError) local_error = NULL;

  if (format == NULL)
    return header_fail (scan, IIS_ERROR_PARSE, error,
                        "not a libiis catalog: the member “format” is missing");
  if (format->kind != VALUE_STRING)
    return header_fail (scan, IIS_ERROR_PARSE, error,
                        "format: expected a string, found %s",
                        _iis_json_value_kind_describe (format->kind));
  format_text = _iis_json_decode_string (scan->data + format->string_start,
                                         format->string_length);
  if (!_iis_format_check_marker (format_text, &local_error))
    return header_fail (scan, local_error->code, error, "%s", local_error->message);

  if (version == NULL)
    return header_fail (scan, IIS_ERROR_PARSE, error,
                        "the member “version” is missing");
  if (version->kind != VALUE_STRING)
    return header_fail (scan, IIS_ERROR_PARSE, error,
                        "version: expected a string, found %s",
                        _iis_json_value_kind_describe (version->kind));
  version_text = _iis_json_decode_string (scan->data + version->string_start,
                                          version->string_length);
  if (!_iis_format_check_version (version_text, &local_error))
    return header_fail (scan, local_error->code, error, "%s", local_error->message);
  return TRUE;
}

/* ---- Pass 2: mapping the content ------------------------------------ */

typedef enum {
  SECTION_NONE,
  SECTION_ENTITIES,
  SECTION_RELATIONS,
} Section;

void
path_push_member (Reader     *self,
                  const char *name)
{
  g_assert (self->path_len < MAX_PATH_SEGMENTS);
  self->path[self->path_len].name = name;
  self->path[self->path_len].index = 0;
  self->path_len++;
}

void
path_push_index (Reader *self,
                 guint   index)
{
  g_assert (self->path_len < MAX_PATH_SEGMENTS);
  self->path[self->path_len].name = NULL;
  self->path[self->path_len].index = index;
  self->path_len++;
}

void
path_pop (Reader *self)
{
  g_assert (self->path_len > 0);
  self->path_len--;
}

void
path_append (const Reader *self,
             GString      *out,
             const char   *member)
{
  for (guint i = 0; i < self->path_len; i++)
    {
      if (self->path[i].name == NULL)
        g_string_append_printf (out, "[%u]", self->path[i].index);
      else if (out->len == 0)
        g_string_append (out, self->path[i].name);
      else
        g_string_append_printf (out, ".%s", self->path[i].name);
    }
  if (member != NULL)
    {
      if (out->len > 0)
        g_string_append_c (out, '.');
      g_string_append (out, member);
    }
}

/* Record the first problem in the content, at the current path plus
 * @member (nullable). Always returns FALSE. */
gboolean G_GNUC_PRINTF (4, 5)
reader_fail (Reader     *self,
             const char *member,
             int         code,
             const char *format,
             ...)
{
  g_autoptr(GString) where = g_string_new (NULL);
  g_autofree char *message = NULL;
  va_list args;

  if (self->content_error != NULL)
    return FALSE;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (self->source_name != NULL)
    g_string_append_printf (where, "%s: ", self->source_name);
  {
    gsize prefix = where->len;
    g_autoptr(GString) path = g_string_new (NULL);

    path_append (self, path, member);
    g_string_append_len (where, path->str, path->len);
    if (where->len > prefix)
      g_string_append (where, ": ");
  }

  self->content_error = g_error_new (IIS_ERROR, code, "%s%s", where->str, message);
  return FALSE;
}

/* Take an error from the stage, which already says where. */
gboolean
reader_take_error (Reader *self,
                   GError *error)
{
  if (self->content_error != NULL)
    {
      g_error_free (error);
      return FALSE;
    }
  if (self->source_name != NULL)
    g_prefix_error (&error, "%s: ", self->source_name);
  self->content_error = error;
  return FALSE;
}

static char *
describe_node (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return g_strdup ("an object");

    case JSON_NODE_ARRAY:
      return g_strdup ("an array");

    case JSON_NODE_NULL:
      return g_strdup ("null");

    case JSON_NODE_VALUE:
      {
        GType type = json_node_get_value_type (node);

        if (type == G_TYPE_STRING)
          {
            g_autofree char *text = _iis_format_printable (json_node_get_string (node));

            return g_strdup_printf ("the string “%s”", text);
          }
        if (type == G_TYPE_INT64)
          return g_strdup_printf ("the number %" G_GINT64_FORMAT, json_node_get_int (node));
        if (type == G_TYPE_DOUBLE)
          return g_strdup_printf ("the number %g", json_node_get_double (node));
        if (type == G_TYPE_BOOLEAN)
          return g_strdup (json_node_get_boolean (node) ? "true" : "false");
        return g_strdup ("a value");
      }

    default:
      return g_strdup ("a value");
    }
}

gboolean
fail_type (Reader     *self,
           const char *member,
           JsonNode   *node,
           const char *expected)
{
  g_autofree char *found = describe_node (node);

  return reader_fail (self, member, IIS_ERROR_PARSE,
                      "expected %s, found %s", expected, found);
}

gboolean
fail_missing (Reader     *self,
              const char *member)
{
  return reader_fail (self, NULL, IIS_ERROR_PARSE,
                      "the member “%s” is missing", member);
}

gboolean
get_string (Reader      *self,
            JsonNode    *node,
            const char  *member,
            const char **out)
{
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      *out = json_node_get_string (node);
      return TRUE;
    }
  /* Set on failure too: callers read it only after TRUE, but gcc cannot
   * see that fail_type() never returns TRUE. */
  *out = NULL;
  fail_type (self, member, node, "a string");
  return FALSE;
}

gboolean
get_nonempty_string (Reader      *self,
                     JsonNode    *node,
                     const char  *member,
                     const char **out)
{
  if (!get_string (self, node, member, out))
    return FALSE;
  if (**out == '\0')
    return reader_fail (self, member, IIS_ERROR_INVALID_VALUE,
                        "the string must not be empty");
  return TRUE;
}

gboolean
get_id (Reader      *self,
        JsonNode    *node,
        const char  *member,
        const char **out)
{
  g_autoptr(GError) local_error = NULL;
  const char *id;

  if (!get_string (self, node, member, &id))
    return FALSE;
  if (!_iis_format_check_id (id, &local_error))
    return reader_fail (self, member, local_error->code, "%s", local_error->message);
  *out = id;
  return TRUE;
}

gboolean
get_date (Reader     *self,
          JsonNode   *node,
          const char *member,
          IisDate    *out)
{
  g_autoptr(GError) local_error = NULL;
  const char *text;

  if (!get_string (self, node, member, &text))
    return FALSE;
  if (!_iis_date_parse_into (text, -1, out, &local_error))
    {
      char *message = local_error->message;

      /* "Invalid date …" reads better after a path as "invalid date …". */
      if (g_ascii_isupper (message[0]) && g_ascii_islower (message[1]))
        message[0] = g_ascii_tolower (message[0]);
      return reader_fail (self, member, IIS_ERROR_INVALID_VALUE, "%s", message);
    }
  return TRUE;
}

gboolean
get_enum (Reader     *self,
          JsonNode   *node,
          const char *member,
          GEnumClass *klass,
          int        *out)
{
  const char *nick;
  GEnumValue *value;

  if (!get_string (self, node, member, &nick))
    return FALSE;

  value = g_enum_get_value_by_nick (klass, nick);
  if (value == NULL)
    {
      g_autoptr(GString) allowed = g_string_new (NULL);
      g_autofree char *text = _iis_format_printable (nick);

      for (guint i = 0; i < klass->n_values; i++)
        {
          if (klass->values[i].value_nick == NULL)
            continue;
          if (allowed->len > 0)
            g_string_append (allowed, ", ");
          g_string_append (allowed, klass->values[i].value_nick);
        }

      return reader_fail (self, member, IIS_ERROR_INVALID_VALUE,
                          "unknown value “%s” (expected one of: %s)", text, allowed->str);
    }
  *out = value->value;
  return TRUE;
}

gboolean
get_int (Reader     *self,
         JsonNode   *node,
         const char *member,
         gint64      min,
         gint64      max,
         gint64     *out)
{
  gint64 value;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return fail_type (self, member, node, "an integer");
  value = json_node_get_int (node);
  if (value < min || value > max)
    return reader_fail (self, member, IIS_ERROR_INVALID_VALUE,
                        "%" G_GINT64_FORMAT " is out of range (%" G_GINT64_FORMAT
                        " to %" G_GINT64_FORMAT ")", value, min, max);
  *out = value;
  return TRUE;
}

gboolean
get_boolean (Reader     *self,
             JsonNode   *node,
             const char *member,
             gboolean   *out)
{
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fail_type (self, member, node, "true or false");
  *out = json_node_get_boolean (node);
  return TRUE;
}

gboolean
check_iso_code (Reader     *self,
                const char *member,
                const char *code,
                gsize       length)
{
  if (!_iis_format_code_is_valid (code, length))
    {
      g_autofree char *text = _iis_format_printable (code);

      return reader_fail (self, member, IIS_ERROR_INVALID_VALUE,
                          "invalid code “%s” (expected %" G_GSIZE_FORMAT " capital letters A–Z)",
                          text, length);
    }
  return TRUE;
}

static gsize
count_values (JsonNode *node)
{
  gsize n = 1;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        n += count_values (json_array_get_element (array, i));
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      JsonNode *member;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, NULL, &member))
        n += 1 + count_values (member);
    }
  return n;
}

/* A JsonObject of unknown members, created on demand. Unknown members
 * kept as trees (by entities, sources, names and the document) cost
 * about 80 bytes a value, several times their text: with @self, they
 * are counted and may hold at most self->unknown_budget values in all
 * (past it, a content error, IIS_ERROR_LIMIT_EXCEEDED). Relations keep
 * theirs as text and pass NULL. */
void
keep_unknown (Reader      *self,
              JsonObject **unknown,
              const char  *name,
              JsonNode    *node)
{
  if (self != NULL)
    {
      self->unknown_values += 1 + count_values (node);
      if (self->unknown_values > self->unknown_budget)
        {
          reader_fail (self, name, IIS_ERROR_LIMIT_EXCEEDED,
                       "unknown members hold more than the limit of %" G_GSIZE_FORMAT
                       " values in all", self->unknown_budget);
          return;
        }
    }
  if (*unknown == NULL)
    *unknown = json_object_new ();
  json_object_set_member (*unknown, name, json_node_copy (node));
}

/* ---- The streaming parser ------------------------------------------- */

#define IIS_TYPE_STREAM_PARSER (iis_stream_parser_get_type ())
G_DECLARE_FINAL_TYPE (IisStreamParser, iis_stream_parser, IIS, STREAM_PARSER, JsonParser)

struct _IisStreamParser
{
  JsonParser  parent_instance;
  Reader     *reader;
};

G_DEFINE_FINAL_TYPE (IisStreamParser, iis_stream_parser, JSON_TYPE_PARSER)

static void
iis_stream_parser_array_start (JsonParser *parser)
{
  Reader *reader = IIS_STREAM_PARSER (parser)->reader;

  reader->n_arrays++;
  g_array_append_val (reader->open_arrays, reader->n_arrays);
}

static void
iis_stream_parser_array_end (JsonParser *parser,
                             JsonArray  *array)
{
  Reader *reader = IIS_STREAM_PARSER (parser)->reader;

  g_assert (reader->open_arrays->len > 0);
  g_array_set_size (reader->open_arrays, reader->open_arrays->len - 1);
}

static void
iis_stream_parser_array_element (JsonParser *parser,
                                 JsonArray  *array,
                                 int         index_)
{
  Reader *reader = IIS_STREAM_PARSER (parser)->reader;
  Section section = SECTION_NONE;
  guint current;
  guint last;
  JsonNode *element;

  g_assert (reader->open_arrays->len > 0);
  current = g_array_index (reader->open_arrays, guint, reader->open_arrays->len - 1);
  if (current == reader->entities_array)
    section = SECTION_ENTITIES;
  else if (current == reader->relations_array)
    section = SECTION_RELATIONS;
  else
    return;

  /* Elements are removed as they are consumed, so the new one is the
   * only one: the index json-glib passes counts the removed ones too. */
  last = json_array_get_length (array) - 1;
  element = json_array_get_element (array, last);

  if (reader->content_error == NULL)
    {
      if (section == SECTION_ENTITIES)
        {
          path_push_member (reader, "entities");
          path_push_index (reader, reader->n_entities);
          read_entity (reader, element, reader->n_entities);
        }
      else
        {
          path_push_member (reader, "relations");
          path_push_index (reader, reader->n_relations);
          read_relation (reader, element);
        }
      path_pop (reader);
      path_pop (reader);
    }

  if (section == SECTION_ENTITIES)
    reader->n_entities++;
  else
    reader->n_relations++;

  json_array_remove_element (array, last);
}

static void
iis_stream_parser_class_init (IisStreamParserClass *klass)
{
  JsonParserClass *parser_class = JSON_PARSER_CLASS (klass);

  /* Only the array signals: a class handler for object-start,
   * object-member or object-end would make GLib emit those signals for
   * every object and member of the document, which costs a fifth of a
   * load. Without one (and without handlers), GLib skips the emission. */
  parser_class->array_start = iis_stream_parser_array_start;
  parser_class->array_element = iis_stream_parser_array_element;
  parser_class->array_end = iis_stream_parser_array_end;
}

static void
iis_stream_parser_init (IisStreamParser *self)
{
}

/* ---- Putting it together -------------------------------------------- */

static gboolean
read_document (Reader      *self,
               JsonObject  *root,
               GError     **error)
{
  g_autoptr(JsonObject) unknown = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  json_object_iter_init_ordered (&iter, root);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      if (g_str_equal (name, "format") || g_str_equal (name, "version"))
        continue;

      if (g_str_equal (name, "entities") || g_str_equal (name, "relations"))
        {
          if (!JSON_NODE_HOLDS_ARRAY (member))
            {
              fail_type (self, name, member, "an array");
              g_propagate_error (error, g_steal_pointer (&self->content_error));
              return FALSE;
            }
          continue;
        }

      keep_unknown (self, &unknown, name, member);
    }

  if (self->content_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->content_error));
      return FALSE;
    }
  if (unknown != NULL)
    _iis_stage_set_document_unknown (self->stage, unknown);
  return TRUE;
}

gboolean
_iis_reader_parse (IisStage               *stage,
                   const char             *data,
                   gsize                   length,
                   const char             *source_name,
                   const IisFormatLimits  *limits,
                   GError                **error)
{
  IisFormatLimits default_limits;
  g_autoptr(IisStreamParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  Scan scan = { 0, };
  Reader reader = { 0, };
  TopMember *entities, *relations;
  JsonNode *root;
  gboolean ok = FALSE;

  g_return_val_if_fail (stage != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (limits == NULL)
    {
      _iis_format_get_default_limits (&default_limits);
      limits = &default_limits;
    }
  else if (limits->max_members == 0 || limits->max_element_values == 0 ||
           limits->max_unknown_values == 0)
    {
      /* 0 stands for the default of the later limits. */
      default_limits = *limits;
      if (default_limits.max_members == 0)
        default_limits.max_members = IIS_FORMAT_DEFAULT_MAX_MEMBERS;
      if (default_limits.max_element_values == 0)
        default_limits.max_element_values = IIS_FORMAT_DEFAULT_MAX_ELEMENT_VALUES;
      if (default_limits.max_unknown_values == 0)
        default_limits.max_unknown_values = IIS_FORMAT_DEFAULT_MAX_UNKNOWN_VALUES;
      limits = &default_limits;
    }

  _iis_json_scan_init (&scan, data, length, limits, source_name);

  if (!_iis_json_scan_document (&scan, error) || !check_header (&scan, error))
    goto out;

  reader.stage = stage;
  reader.source_name = source_name;
  reader.unknown_budget = MAX (limits->max_unknown_values, length / 16);
  entities = _iis_json_scan_find_top (&scan, "entities");
  if (entities != NULL && entities->kind == VALUE_ARRAY)
    reader.entities_array = entities->array;
  relations = _iis_json_scan_find_top (&scan, "relations");
  if (relations != NULL && relations->kind == VALUE_ARRAY)
    reader.relations_array = relations->array;
  reader.open_arrays = g_array_new (FALSE, FALSE, sizeof (guint));
  reader.qualifiers = g_ptr_array_new ();
  reader.sources = g_ptr_array_new_with_free_func (g_object_unref);
  reader.confidences = g_type_class_ref (IIS_TYPE_CONFIDENCE);

  parser = g_object_new (IIS_TYPE_STREAM_PARSER, NULL);
  parser->reader = &reader;

  if (!json_parser_load_from_data (JSON_PARSER (parser), data + scan.start,
                                   length - scan.start, &local_error))
    {
      const char *message = local_error->message;
      g_autofree char *valid = NULL;

      if (g_str_has_prefix (message, "<data>:"))
        message += strlen ("<data>:");
      /* json-glib quotes the bad token cut at a byte, which may split a
       * character: an error message must be UTF-8. */
      valid = g_utf8_make_valid (message, -1);
      g_set_error (error, IIS_ERROR, IIS_ERROR_PARSE, "%s%s%s",
                   source_name ? source_name : "", source_name ? ":" : "", valid);
      goto out;
    }

  if (reader.content_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&reader.content_error));
      goto out;
    }

  root = json_parser_get_root (JSON_PARSER (parser));
  g_assert (root != NULL && JSON_NODE_HOLDS_OBJECT (root));
  ok = read_document (&reader, json_node_get_object (root), error);

out:
  g_clear_error (&reader.content_error);
  g_clear_pointer (&reader.open_arrays, g_array_unref);
  g_clear_pointer (&reader.qualifiers, g_ptr_array_unref);
  g_clear_pointer (&reader.sources, g_ptr_array_unref);
  g_clear_pointer (&reader.confidences, g_type_class_unref);
  _iis_json_scan_clear (&scan);
  return ok;
}
