/* iis-json-scanner.c: the strict JSON scan that comes before json-glib's parse
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * The first of the reader's two passes over the bytes of a document (see
 * iis-reader.c): json-glib 1.6 accepts more than RFC 8259 and trusts its
 * input's size and depth, so every document is scanned here first.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "iis-json-scanner-private.h"

#include "iis-error.h"
#include "iis-hash-private.h"

#define MAX_NUMBER_LENGTH   64

/* An object compares a new member's name with each of its names up to
 * this many members, and looks it up in a hash set of them past it. */
#define SMALL_OBJECT_MEMBERS 16

typedef enum {
  TOP_EXPECT_KEY,
  TOP_AFTER_KEY,
  TOP_EXPECT_VALUE,
  TOP_AFTER_VALUE,
} TopState;

static void
top_member_clear (gpointer data)
{
  TopMember *member = data;

  g_free (member->name);
}

void
_iis_json_scan_init (Scan                   *scan,
                     const char             *data,
                     gsize                   length,
                     const IisFormatLimits  *limits,
                     const char             *source_name)
{
  memset (scan, 0, sizeof *scan);
  scan->data = data;
  scan->length = length;
  scan->limits = limits;
  scan->source_name = source_name;
  scan->top = g_array_new (FALSE, TRUE, sizeof (TopMember));
  g_array_set_clear_func (scan->top, top_member_clear);
  scan->top_index = g_hash_table_new (_iis_str_hash, g_str_equal);
}

static inline void
scan_push_object (Scan *scan)
{
  ObjectFrame *frame;

  if (scan->n_objects == scan->objects_size)
    {
      scan->objects_size = MAX (16, 2 * scan->objects_size);
      scan->objects = g_renew (ObjectFrame, scan->objects, scan->objects_size);
    }
  frame = &scan->objects[scan->n_objects++];
  frame->first_name = scan->n_names;
  frame->n_members = 0;
  frame->name_set = NULL;
  frame->glib_hashes = NULL;
}

/* The innermost object closes: its names and name set go with it. */
static inline void
scan_pop_object (Scan *scan)
{
  ObjectFrame *frame = &scan->objects[--scan->n_objects];

  scan->n_names = frame->first_name;
  g_clear_pointer (&frame->name_set, g_hash_table_unref);
  g_clear_pointer (&frame->glib_hashes, g_hash_table_unref);
}

static inline void
scan_push_name (Scan             *scan,
                const MemberName *name)
{
  if (scan->n_names == scan->names_size)
    {
      scan->names_size = MAX (64, 2 * scan->names_size);
      scan->names = g_renew (MemberName, scan->names, scan->names_size);
    }
  scan->names[scan->n_names++] = *name;
}

/* Frees what the scan holds (some objects are still open after an
 * error). */
void
_iis_json_scan_clear (Scan *scan)
{
  while (scan->n_objects > 0)
    scan_pop_object (scan);
  g_clear_pointer (&scan->objects, g_free);
  g_clear_pointer (&scan->names, g_free);
  g_clear_pointer (&scan->top_index, g_hash_table_unref);
  g_clear_pointer (&scan->top_glib_hashes, g_hash_table_unref);
  g_clear_pointer (&scan->top, g_array_unref);
}

const char *
_iis_json_value_kind_describe (ValueKind kind)
{
  switch (kind)
    {
    case VALUE_OBJECT:
      return "an object";
    case VALUE_ARRAY:
      return "an array";
    case VALUE_STRING:
      return "a string";
    case VALUE_NUMBER:
      return "a number";
    case VALUE_TRUE:
      return "true";
    case VALUE_FALSE:
      return "false";
    case VALUE_NULL:
      return "null";
    case VALUE_NONE:
    default:
      return "nothing";
    }
}

/* Line and column (both from 1; the column counts characters) of @offset. */
static void
scan_position (const Scan *scan,
               gsize       offset,
               guint      *line,
               guint      *column)
{
  gsize line_start = scan->start;

  *line = 1;
  for (gsize i = scan->start; i < offset; i++)
    {
      if (scan->data[i] == '\n')
        {
          (*line)++;
          line_start = i + 1;
        }
    }

  *column = 1;
  for (gsize i = line_start; i < offset; i++)
    {
      if (((guchar) scan->data[i] & 0xc0) != 0x80)
        (*column)++;
    }
}

static gboolean G_GNUC_PRINTF (5, 6)
scan_fail (const Scan  *scan,
           gsize        offset,
           int          code,
           GError     **error,
           const char  *format,
           ...)
{
  g_autofree char *message = NULL;
  va_list args;
  guint line, column;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  scan_position (scan, offset, &line, &column);
  g_set_error (error, IIS_ERROR, code, "%s%s%u:%u: %s",
               scan->source_name ? scan->source_name : "",
               scan->source_name ? ":" : "",
               line, column, message);
  return FALSE;
}

/* A short, printable rendering of the character at @offset. */
static char *
describe_char (const Scan *scan,
               gsize       offset)
{
  gunichar c = g_utf8_get_char (scan->data + offset);
  char buf[8] = { 0 };

  if (g_unichar_iscntrl (c) || c == 0)
    return g_strdup_printf ("U+%04X", c);
  g_unichar_to_utf8 (c, buf);
  return g_strdup_printf ("“%s”", buf);
}

static inline gboolean
is_json_space (char c)
{
  return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

static inline gboolean
is_delimiter (const Scan *scan,
              gsize       offset)
{
  char c;

  if (offset >= scan->length)
    return TRUE;
  c = scan->data[offset];
  return is_json_space (c) || c == ',' || c == ':' || c == ']' || c == '}';
}

static int
hex4 (const char *p)
{
  int value = 0;

  for (int i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }
  return value;
}

/* At a '"': check the string and move past it. */
static gboolean
scan_string (Scan     *scan,
             gsize    *content_start,
             gsize    *content_length,
             gboolean *escaped,
             GError  **error)
{
  const char *data = scan->data;
  gsize open = scan->pos;
  gsize pos = open + 1;
  gboolean saw_escape = FALSE;

  while (pos < scan->length)
    {
      guchar c = data[pos];

      if (c == '"')
        break;

      if (c == '\\')
        {
          saw_escape = TRUE;
          if (pos + 1 >= scan->length)
            break;
          switch (data[pos + 1])
            {
            case '"':
            case '\\':
            case '/':
            case 'b':
            case 'f':
            case 'n':
            case 'r':
            case 't':
              pos += 2;
              break;

            case 'u':
              {
                int u = pos + 6 <= scan->length ? hex4 (data + pos + 2) : -1;

                if (u < 0)
                  return scan_fail (scan, pos, IIS_ERROR_PARSE, error,
                                    "invalid escape “\\u” (expected four hexadecimal digits)");
                if (u == 0)
                  return scan_fail (scan, pos, IIS_ERROR_PARSE, error,
                                    "embedded NUL character (\\u0000) in a string");
                if (u >= 0xdc00 && u <= 0xdfff)
                  return scan_fail (scan, pos, IIS_ERROR_PARSE, error,
                                    "invalid escape “\\u%04X”: a lone low surrogate", (guint) u);
                if (u >= 0xd800 && u <= 0xdbff)
                  {
                    int low = -1;

                    if (pos + 12 <= scan->length && data[pos + 6] == '\\' && data[pos + 7] == 'u')
                      low = hex4 (data + pos + 8);
                    if (low < 0xdc00 || low > 0xdfff)
                      return scan_fail (scan, pos, IIS_ERROR_PARSE, error,
                                        "invalid escape “\\u%04X”: a high surrogate without its low surrogate",
                                        (guint) u);
                    pos += 6;
                  }
                pos += 6;
              }
              break;

            default:
              {
                g_autofree char *what = describe_char (scan, pos + 1);

                return scan_fail (scan, pos, IIS_ERROR_PARSE, error,
                                  "invalid escape “\\” followed by %s in a string", what);
              }
            }
        }
      else if (c < 0x20)
        {
          return scan_fail (scan, pos, IIS_ERROR_PARSE, error,
                            "unescaped control character U+%04X in a string", (guint) c);
        }
      else
        {
          pos++;
        }

      if (pos - open - 1 > scan->limits->max_string_length)
        {
          g_autofree char *limit = g_format_size_full (scan->limits->max_string_length,
                                                       G_FORMAT_SIZE_IEC_UNITS);

          return scan_fail (scan, open, IIS_ERROR_LIMIT_EXCEEDED, error,
                            "string longer than the limit of %s", limit);
        }
    }

  if (pos >= scan->length)
    return scan_fail (scan, open, IIS_ERROR_PARSE, error, "unterminated string");

  *content_start = open + 1;
  *content_length = pos - open - 1;
  *escaped = saw_escape;
  scan->pos = pos + 1;
  return TRUE;
}

static gboolean
scan_number (Scan    *scan,
             GError **error)
{
  const char *data = scan->data;
  gsize start = scan->pos;
  gsize pos = start;
  gboolean is_integer = TRUE;
  char buf[MAX_NUMBER_LENGTH + 1];

#define DIGIT_AT(i) ((i) < scan->length && g_ascii_isdigit (data[i]))

  if (data[pos] == '-')
    pos++;
  if (pos < scan->length && data[pos] == '0')
    pos++;
  else if (DIGIT_AT (pos))
    while (DIGIT_AT (pos))
      pos++;
  else
    goto invalid;

  if (pos < scan->length && data[pos] == '.')
    {
      is_integer = FALSE;
      pos++;
      if (!DIGIT_AT (pos))
        goto invalid;
      while (DIGIT_AT (pos))
        pos++;
    }

  if (pos < scan->length && (data[pos] == 'e' || data[pos] == 'E'))
    {
      is_integer = FALSE;
      pos++;
      if (pos < scan->length && (data[pos] == '+' || data[pos] == '-'))
        pos++;
      if (!DIGIT_AT (pos))
        goto invalid;
      while (DIGIT_AT (pos))
        pos++;
    }

#undef DIGIT_AT

  if (!is_delimiter (scan, pos))
    goto invalid;

  if (pos - start > MAX_NUMBER_LENGTH)
    return scan_fail (scan, start, IIS_ERROR_LIMIT_EXCEEDED, error,
                      "number longer than %d characters", MAX_NUMBER_LENGTH);

  memcpy (buf, data + start, pos - start);
  buf[pos - start] = '\0';

  if (is_integer)
    {
      gint64 value;

      if (!g_ascii_string_to_signed (buf, 10, G_MININT64, G_MAXINT64, &value, NULL))
        return scan_fail (scan, start, IIS_ERROR_LIMIT_EXCEEDED, error,
                          "integer %s is out of range", buf);
    }
  else if (isinf (g_ascii_strtod (buf, NULL)))
    {
      return scan_fail (scan, start, IIS_ERROR_LIMIT_EXCEEDED, error,
                        "number %s is out of range", buf);
    }

  scan->pos = pos;
  return TRUE;

invalid:
  while (!is_delimiter (scan, pos) && pos - start < 32)
    pos = g_utf8_next_char (data + pos) - data;
  return scan_fail (scan, start, IIS_ERROR_PARSE, error,
                    "invalid number “%.*s”", (int) (pos - start), data + start);
}

static gboolean
scan_word (Scan       *scan,
           ValueKind  *kind,
           GError    **error)
{
  const char *data = scan->data;
  gsize start = scan->pos;
  gsize pos = start;
  gsize length;

  while (pos < scan->length && (g_ascii_isalnum (data[pos]) || data[pos] == '_'))
    pos++;
  length = pos - start;

  if (length == 4 && memcmp (data + start, "true", 4) == 0)
    *kind = VALUE_TRUE;
  else if (length == 5 && memcmp (data + start, "false", 5) == 0)
    *kind = VALUE_FALSE;
  else if (length == 4 && memcmp (data + start, "null", 4) == 0)
    *kind = VALUE_NULL;
  else
    return scan_fail (scan, start, IIS_ERROR_PARSE, error,
                      "unexpected word “%.*s” (expected a value: a string, a number, "
                      "an object, an array, true, false or null)",
                      (int) MIN (length, 32), data + start);

  scan->pos = pos;
  return TRUE;
}

/* Decode the already-checked content of a string. */
char *
_iis_json_decode_string (const char *p,
                         gsize       length)
{
  GString *out = g_string_sized_new (length);
  gsize i = 0;

  while (i < length)
    {
      if (p[i] != '\\')
        {
          g_string_append_c (out, p[i]);
          i++;
          continue;
        }

      switch (p[i + 1])
        {
        case 'b':
          g_string_append_c (out, '\b');
          break;
        case 'f':
          g_string_append_c (out, '\f');
          break;
        case 'n':
          g_string_append_c (out, '\n');
          break;
        case 'r':
          g_string_append_c (out, '\r');
          break;
        case 't':
          g_string_append_c (out, '\t');
          break;
        case 'u':
          {
            gunichar u = hex4 (p + i + 2);

            if (u >= 0xd800 && u <= 0xdbff)
              {
                gunichar low = hex4 (p + i + 8);

                u = 0x10000 + ((u - 0xd800) << 10) + (low - 0xdc00);
                i += 6;
              }
            g_string_append_unichar (out, u);
            i += 6;
            continue;
          }
        default:
          g_string_append_c (out, p[i + 1]);
          break;
        }
      i += 2;
    }

  return g_string_free (out, FALSE);
}

/* A hash lookup: a document with a million top-level members must not
 * cost a million squared comparisons. */
TopMember *
_iis_json_scan_find_top (const Scan *scan,
                         const char *name)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (scan->top_index, name));

  if (index == 0)
    return NULL;
  return &g_array_index (scan->top, TopMember, index - 1);
}

/* A value starts at depth 1 of the top-level object. */
static void
scan_note_top_value (Scan      *scan,
                     TopState  *state,
                     ValueKind  kind,
                     gsize      string_start,
                     gsize      string_length)
{
  TopMember *member;

  if (*state != TOP_EXPECT_VALUE || scan->top->len == 0)
    return;

  member = &g_array_index (scan->top, TopMember, scan->top->len - 1);
  member->kind = kind;
  member->string_start = string_start;
  member->string_length = string_length;
  if (kind == VALUE_ARRAY)
    member->array = scan->n_arrays;
  *state = TOP_AFTER_VALUE;
}

static char *
member_name_decode (const Scan       *scan,
                    const MemberName *name)
{
  if (name->escaped)
    return _iis_json_decode_string (scan->data + name->start, name->length);
  return g_strndup (scan->data + name->start, name->length);
}

/* Names are the same when their decoded strings are: "a" and "\u0061"
 * are. Most names hold no backslash and are compared as they stand. */
static gboolean
member_name_equal (const Scan       *scan,
                   const MemberName *a,
                   const MemberName *b)
{
  g_autofree char *a_text = NULL;
  g_autofree char *b_text = NULL;

  if (!a->escaped && !b->escaped)
    return a->length == b->length
           && memcmp (scan->data + a->start, scan->data + b->start, a->length) == 0;

  a_text = member_name_decode (scan, a);
  b_text = member_name_decode (scan, b);
  return g_str_equal (a_text, b_text);
}

/* json-glib keeps an object's members in a GHashTable hashed with
 * g_str_hash(), whose collisions are easy to compute: n names with one
 * hash value cost it n² / 2 string comparisons. Count the names of an
 * object that share a value, and refuse more than this many. Names that
 * were not chosen for it almost never share one. */
#define MAX_SHARED_GLIB_HASH 16

static guint
hash_uint (gconstpointer key)
{
  guint value = GPOINTER_TO_UINT (key);

  return _iis_str_hash_len ((const char *) &value, sizeof value);
}

static gboolean
count_glib_hash (const Scan  *scan,
                 GHashTable **counts,
                 const char  *name,
                 gsize        token,
                 GError     **error)
{
  gpointer key;
  guint n;

  if (*counts == NULL)
    *counts = g_hash_table_new (hash_uint, g_direct_equal);
  key = GUINT_TO_POINTER (g_str_hash (name));
  n = GPOINTER_TO_UINT (g_hash_table_lookup (*counts, key)) + 1;
  if (n > MAX_SHARED_GLIB_HASH)
    return scan_fail (scan, token, IIS_ERROR_LIMIT_EXCEEDED, error,
                      "more than %u member names of an object share a hash value "
                      "(names chosen to slow the parser down)", MAX_SHARED_GLIB_HASH);
  g_hash_table_insert (*counts, key, GUINT_TO_POINTER (n));
  return TRUE;
}

/* A key at @token names a member of @frame, the innermost open object
 * (below the top level, which has its own index): json-glib would keep
 * the last of two members of the same name, so a second one is an
 * error. A small object compares the name with each of its names; a
 * large one moves them into a hash set (keyed with a random key, so
 * that names cannot be chosen to collide), so an object of many members
 * costs a lookup a member, not a comparison with every other. An object
 * holds at most limits->max_members members: json-glib keeps them in a
 * table hashed with g_str_hash(), which names can be chosen to defeat,
 * so the limit bounds what such names cost it. */
static gboolean
scan_add_member (Scan              *scan,
                 ObjectFrame       *frame,
                 gsize              token,
                 const MemberName  *name,
                 GError           **error)
{
  g_autofree char *text = NULL;

  if (frame->n_members >= scan->limits->max_members)
    return scan_fail (scan, token, IIS_ERROR_LIMIT_EXCEEDED, error,
                      "an object with more members than the limit of %u",
                      scan->limits->max_members);

  if (frame->name_set == NULL)
    {
      for (guint i = frame->first_name; i < scan->n_names; i++)
        {
          if (member_name_equal (scan, &scan->names[i], name))
            goto duplicate;
        }

      if (frame->n_members < SMALL_OBJECT_MEMBERS)
        {
          scan_push_name (scan, name);
          frame->n_members++;
          return TRUE;
        }

      frame->name_set = g_hash_table_new_full (_iis_str_hash, g_str_equal, g_free, NULL);
      for (guint i = frame->first_name; i < scan->n_names; i++)
        {
          char *old_name = member_name_decode (scan, &scan->names[i]);

          /* Sixteen names cannot exceed the count. */
          count_glib_hash (scan, &frame->glib_hashes, old_name, token, NULL);
          g_hash_table_add (frame->name_set, old_name);
        }
      scan->n_names = frame->first_name;
    }

  text = member_name_decode (scan, name);
  if (g_hash_table_contains (frame->name_set, text))
    goto duplicate;
  if (!count_glib_hash (scan, &frame->glib_hashes, text, token, error))
    return FALSE;
  g_hash_table_add (frame->name_set, g_steal_pointer (&text));
  frame->n_members++;
  return TRUE;

duplicate:
  if (text == NULL)
    text = member_name_decode (scan, name);
  return scan_fail (scan, token, IIS_ERROR_PARSE, error,
                    "duplicate member “%s” in an object", text);
}

gboolean
_iis_json_scan_document (Scan    *scan,
                         GError **error)
{
  const char *data = scan->data;
  const char *end = NULL;
  g_autoptr(GByteArray) stack = g_byte_array_new ();
  TopState top_state = TOP_AFTER_VALUE;
  gboolean expect_key = FALSE;   /* after an object's "{" or a "," in an object */
  gboolean after_value = FALSE;  /* a value ended; a "," or a closing bracket must follow */
  gsize value_end = 0;           /* where it ended */
  gboolean done = FALSE;

  if (scan->length > scan->limits->max_document_size)
    {
      g_autofree char *size = g_format_size_full (scan->length, G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *limit = g_format_size_full (scan->limits->max_document_size,
                                                   G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, IIS_ERROR, IIS_ERROR_LIMIT_EXCEEDED,
                   "%s%sthe document is %s, larger than the limit of %s",
                   scan->source_name ? scan->source_name : "",
                   scan->source_name ? ": " : "", size, limit);
      return FALSE;
    }

  /* RFC 8259 lets a parser ignore a UTF-8 byte order mark. */
  if (scan->length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    scan->start = 3;
  scan->pos = scan->start;

  if (!g_utf8_validate_len (data + scan->start, scan->length - scan->start, &end))
    {
      if (*end == '\0')
        return scan_fail (scan, end - data, IIS_ERROR_PARSE, error,
                          "embedded NUL byte: the document is not text");
      return scan_fail (scan, end - data, IIS_ERROR_PARSE, error,
                        "invalid UTF-8 (byte 0x%02X): a document must be UTF-8",
                        (guint) (guchar) *end);
    }

  for (;;)
    {
      gsize token;
      ValueKind kind = VALUE_NONE;
      gboolean is_key;
      guint depth;
      char c;

      while (scan->pos < scan->length && is_json_space (data[scan->pos]))
        scan->pos++;
      if (scan->pos >= scan->length)
        break;

      token = scan->pos;
      c = data[token];
      depth = stack->len;

      if (done)
        return scan_fail (scan, token, IIS_ERROR_PARSE, error,
                          "unexpected data after the end of the document");

      /* Two values with nothing between them: the comma is missing right
       * after the first, which is where the error points (json-glib
       * would point at the end of the first). */
      if (after_value && (c == '{' || c == '[' || c == '"' || c == '-' || g_ascii_isalnum (c)))
        {
          guint line, column;

          scan_position (scan, token, &line, &column);
          return scan_fail (scan, value_end, IIS_ERROR_PARSE, error,
                            "missing “,” before the %s at %u:%u",
                            depth > 0 && stack->data[depth - 1] == '[' ? "next item" : "next member",
                            line, column);
        }
      after_value = FALSE;

      /* A string right after an object's "{" or a "," in an object is a
       * key of the innermost object. (Back in an object after a value,
       * expect_key is FALSE, so it needs no saving per object.) */
      is_key = expect_key;
      expect_key = FALSE;

      /* json-glib builds one element of `entities` or `relations`, or
       * one other member of the document, as a tree before the reader
       * sees it: count the values (and names) of each, so that none
       * costs more than max_element_values nodes. */
      if (c == '{' || c == '[' || c == '"' || c == '-' || g_ascii_isalnum (c))
        {
          if (!is_key && scan->root_kind == VALUE_OBJECT &&
              (depth == 1 || (depth == 2 && scan->in_list)))
            {
              scan->element_values = 0;
              if (depth == 1 && scan->top->len > 0)
                {
                  const char *name = g_array_index (scan->top, TopMember, scan->top->len - 1).name;

                  scan->in_list = c == '[' &&
                    (g_str_equal (name, "entities") || g_str_equal (name, "relations"));
                }
            }
          if (++scan->element_values > scan->limits->max_element_values)
            return scan_fail (scan, token, IIS_ERROR_LIMIT_EXCEEDED, error,
                              "more than the limit of %" G_GSIZE_FORMAT " values in one "
                              "entity, relation or member of the document",
                              scan->limits->max_element_values);
        }

      switch (c)
        {
        case '{':
        case '[':
          kind = c == '{' ? VALUE_OBJECT : VALUE_ARRAY;
          if (kind == VALUE_ARRAY)
            scan->n_arrays++;
          if (depth == 0)
            scan->root_kind = kind;
          else if (depth == 1 && scan->root_kind == VALUE_OBJECT)
            scan_note_top_value (scan, &top_state, kind, 0, 0);
          if (depth + 1 > scan->limits->max_depth)
            return scan_fail (scan, token, IIS_ERROR_LIMIT_EXCEEDED, error,
                              "nesting deeper than the limit of %u levels",
                              scan->limits->max_depth);
          g_byte_array_append (stack, (const guint8 *) &c, 1);
          if (stack->len == 1 && c == '{')
            top_state = TOP_EXPECT_KEY;
          if (c == '{')
            {
              scan_push_object (scan);
              expect_key = TRUE;
            }
          scan->pos++;
          break;

        case '}':
        case ']':
          if (depth == 0 || stack->data[depth - 1] != (c == '}' ? '{' : '['))
            return scan_fail (scan, token, IIS_ERROR_PARSE, error,
                              "unexpected “%c”", c);
          if (c == '}')
            scan_pop_object (scan);
          g_byte_array_set_size (stack, depth - 1);
          if (stack->len == 0)
            done = TRUE;
          scan->pos++;
          after_value = TRUE;
          value_end = scan->pos;
          break;

        case ',':
          expect_key = depth > 0 && stack->data[depth - 1] == '{';
          if (depth == 1 && scan->root_kind == VALUE_OBJECT)
            top_state = TOP_EXPECT_KEY;
          scan->pos++;
          break;

        case ':':
          if (depth == 1 && top_state == TOP_AFTER_KEY)
            top_state = TOP_EXPECT_VALUE;
          scan->pos++;
          break;

        case '"':
          {
            gsize start = 0, length = 0;
            gboolean escaped = FALSE;

            if (!scan_string (scan, &start, &length, &escaped, error))
              return FALSE;
            if (!is_key && !(depth == 1 && top_state == TOP_EXPECT_KEY))
              {
                after_value = TRUE;
                value_end = scan->pos;
              }

            if (depth == 0)
              {
                scan->root_kind = VALUE_STRING;
                done = TRUE;
              }
            else if (depth == 1 && scan->root_kind == VALUE_OBJECT)
              {
                if (top_state == TOP_EXPECT_KEY)
                  {
                    TopMember member = { 0, };

                    if (scan->top->len >= scan->limits->max_members)
                      return scan_fail (scan, token, IIS_ERROR_LIMIT_EXCEEDED, error,
                                        "an object with more members than the limit of %u",
                                        scan->limits->max_members);
                    member.name = _iis_json_decode_string (data + start, length);
                    if (_iis_json_scan_find_top (scan, member.name) != NULL)
                      {
                        scan_fail (scan, token, IIS_ERROR_PARSE, error,
                                   "duplicate member “%s” in the document", member.name);
                        g_free (member.name);
                        return FALSE;
                      }
                    if (!count_glib_hash (scan, &scan->top_glib_hashes, member.name, token, error))
                      {
                        g_free (member.name);
                        return FALSE;
                      }
                    g_array_append_val (scan->top, member);
                    /* The name is owned by the array's element. */
                    g_hash_table_insert (scan->top_index, member.name,
                                         GUINT_TO_POINTER (scan->top->len));
                    top_state = TOP_AFTER_KEY;
                  }
                else
                  {
                    scan_note_top_value (scan, &top_state, VALUE_STRING, start, length);
                  }
              }
            else if (is_key)
              {
                MemberName name = { start, length, escaped };

                if (!scan_add_member (scan, &scan->objects[scan->n_objects - 1],
                                      token, &name, error))
                  return FALSE;
              }
          }
          break;

        case '-':
        case '0': case '1': case '2': case '3': case '4':
        case '5': case '6': case '7': case '8': case '9':
          if (!scan_number (scan, error))
            return FALSE;
          kind = VALUE_NUMBER;
          break;

        case 't':
        case 'f':
        case 'n':
          if (!scan_word (scan, &kind, error))
            return FALSE;
          break;

        case '/':
          return scan_fail (scan, token, IIS_ERROR_PARSE, error,
                            "comments are not allowed in JSON");

        case '\'':
          return scan_fail (scan, token, IIS_ERROR_PARSE, error,
                            "strings must be in double quotes");

        default:
          if (g_ascii_isalpha (c))
            {
              if (!scan_word (scan, &kind, error))
                return FALSE;
            }
          else
            {
              g_autofree char *what = describe_char (scan, token);

              return scan_fail (scan, token, IIS_ERROR_PARSE, error,
                                "unexpected character %s", what);
            }
          break;
        }

      /* A scalar value (numbers and words) */
      if (kind != VALUE_NONE && kind != VALUE_OBJECT && kind != VALUE_ARRAY)
        {
          after_value = TRUE;
          value_end = scan->pos;
          if (depth == 0)
            {
              scan->root_kind = kind;
              done = TRUE;
            }
          else if (depth == 1 && scan->root_kind == VALUE_OBJECT)
            {
              scan_note_top_value (scan, &top_state, kind, 0, 0);
            }
        }
    }

  if (scan->root_kind == VALUE_NONE)
    return scan_fail (scan, scan->pos, IIS_ERROR_PARSE, error,
                      "the document is empty");
  if (stack->len > 0)
    return scan_fail (scan, scan->pos, IIS_ERROR_PARSE, error,
                      "unexpected end of the document (%u unclosed %s)",
                      stack->len, stack->len == 1 ? "bracket" : "brackets");
  if (scan->root_kind != VALUE_OBJECT)
    return scan_fail (scan, scan->start, IIS_ERROR_PARSE, error,
                      "the document is %s, not a JSON object",
                      _iis_json_value_kind_describe (scan->root_kind));
  return TRUE;
}
