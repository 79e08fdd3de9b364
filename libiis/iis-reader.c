/* iis-reader.c: reading the JSON file format into a stage
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * The reader works in two passes over the bytes of a document:
 *
 * 1. A strict scan (scan_document()) checks what json-glib 1.6 does not:
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
 *    the model, stages it and removes it from the tree, so the document
 *    is never held as a whole JsonNode tree next to the staged catalog.
 *    It leaves the object signals alone: GLib skips emitting a signal
 *    that has no class handler and no handler connected, and json-glib
 *    emits those for every object and member.
 *
 * Errors say where: "3:14: …" (line and column) for problems in the
 * text, "relations[12].start: …" for problems in the content.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "iis-reader-private.h"

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

#define IIS_FORMAT_MARKER   "libiis-catalog"
#define IIS_FORMAT_MAJOR    1
#define MAX_ID_LENGTH       256
#define MAX_NUMBER_LENGTH   64
#define MAX_PATH_SEGMENTS   8

/* ---- Limits -------------------------------------------------------- */

static GMutex limits_lock;
static gboolean limits_overridden;
static IisReaderLimits limits_override;

void
_iis_reader_get_default_limits (IisReaderLimits *limits)
{
  g_mutex_lock (&limits_lock);
  if (limits_overridden)
    {
      *limits = limits_override;
    }
  else
    {
      limits->max_document_size = IIS_READER_DEFAULT_MAX_DOCUMENT_SIZE;
      limits->max_depth = IIS_READER_DEFAULT_MAX_DEPTH;
      limits->max_string_length = IIS_READER_DEFAULT_MAX_STRING_LENGTH;
      limits->max_members = IIS_READER_DEFAULT_MAX_MEMBERS;
      limits->max_element_values = IIS_READER_DEFAULT_MAX_ELEMENT_VALUES;
      limits->max_unknown_values = IIS_READER_DEFAULT_MAX_UNKNOWN_VALUES;
    }
  g_mutex_unlock (&limits_lock);
}

void
_iis_reader_set_default_limits (const IisReaderLimits *limits)
{
  g_mutex_lock (&limits_lock);
  limits_overridden = limits != NULL;
  if (limits != NULL)
    limits_override = *limits;
  g_mutex_unlock (&limits_lock);
}

/* ---- Pass 1: the strict scan ---------------------------------------- */

typedef enum {
  VALUE_NONE,
  VALUE_OBJECT,
  VALUE_ARRAY,
  VALUE_STRING,
  VALUE_NUMBER,
  VALUE_TRUE,
  VALUE_FALSE,
  VALUE_NULL,
} ValueKind;

/* A member of the top-level object, as the scan saw it. */
typedef struct
{
  char      *name;
  ValueKind  kind;
  gsize      string_start;   /* for strings: first byte after the quote */
  gsize      string_length;  /* raw bytes between the quotes */
  guint      array;          /* for arrays: its number among the document's
                              * arrays, in the order of their "[", from 1 */
} TopMember;

/* An object compares a new member's name with each of its names up to
 * this many members, and looks it up in a hash set of them past it. */
#define SMALL_OBJECT_MEMBERS 16

/* The name of a member of an open object, in the document's bytes. */
typedef struct
{
  gsize     start;           /* first byte after the quote */
  gsize     length;          /* raw bytes between the quotes */
  gboolean  escaped;         /* holds a backslash: compare it decoded */
} MemberName;

/* An open object. */
typedef struct
{
  guint       first_name;    /* its first name in Scan.names */
  guint       n_members;
  GHashTable *name_set;      /* decoded names, past SMALL_OBJECT_MEMBERS */
  GHashTable *glib_hashes;   /* their g_str_hash() values → how many share it */
} ObjectFrame;

typedef enum {
  TOP_EXPECT_KEY,
  TOP_AFTER_KEY,
  TOP_EXPECT_VALUE,
  TOP_AFTER_VALUE,
} TopState;

typedef struct
{
  const char             *data;
  gsize                   length;
  gsize                   start;        /* after a byte order mark */
  gsize                   pos;
  const IisReaderLimits  *limits;
  const char             *source_name;
  GArray                 *top;          /* TopMember */
  GHashTable             *top_index;    /* member name → index in top + 1 */
  GHashTable             *top_glib_hashes; /* as ObjectFrame.glib_hashes */
  ValueKind               root_kind;
  guint                   n_arrays;     /* the "[" seen so far */
  gboolean                in_list;      /* in the top-level entities or relations array */
  gsize                   element_values; /* values and names in the current element */

  /* While scanning: the open objects and their names, innermost last
   * (plain arrays: these change at every "{", "}" and key). The
   * top-level object's names are in top and top_index instead. */
  ObjectFrame            *objects;
  guint                   n_objects;
  guint                   objects_size;
  MemberName             *names;
  guint                   n_names;
  guint                   names_size;
} Scan;

static void
top_member_clear (gpointer data)
{
  TopMember *member = data;

  g_free (member->name);
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
static void
scan_clear (Scan *scan)
{
  while (scan->n_objects > 0)
    scan_pop_object (scan);
  g_clear_pointer (&scan->objects, g_free);
  g_clear_pointer (&scan->names, g_free);
  g_clear_pointer (&scan->top_index, g_hash_table_unref);
  g_clear_pointer (&scan->top_glib_hashes, g_hash_table_unref);
  g_clear_pointer (&scan->top, g_array_unref);
}

static const char *
value_kind_describe (ValueKind kind)
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
static char *
decode_string (const char *p,
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
static TopMember *
scan_find_top (const Scan *scan,
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
    return decode_string (scan->data + name->start, name->length);
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

static gboolean
scan_document (Scan    *scan,
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
                    member.name = decode_string (data + start, length);
                    if (scan_find_top (scan, member.name) != NULL)
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
                      value_kind_describe (scan->root_kind));
  return TRUE;
}

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
parse_version (const char *text,
               guint64    *major,
               guint64    *minor)
{
  g_auto(GStrv) parts = g_strsplit (text, ".", -1);

  if (g_strv_length (parts) != 2)
    return FALSE;
  for (guint i = 0; i < 2; i++)
    {
      /* Decimal numbers without leading zeros, as data/iis-catalog.schema.json says */
      if (parts[i][0] == '\0' || strlen (parts[i]) > 9
          || (parts[i][0] == '0' && parts[i][1] != '\0'))
        return FALSE;
      for (const char *p = parts[i]; *p != '\0'; p++)
        if (!g_ascii_isdigit (*p))
          return FALSE;
    }
  *major = g_ascii_strtoull (parts[0], NULL, 10);
  *minor = g_ascii_strtoull (parts[1], NULL, 10);
  return TRUE;
}

static gboolean
check_header (const Scan  *scan,
              GError     **error)
{
  TopMember *format = scan_find_top (scan, "format");
  TopMember *version = scan_find_top (scan, "version");
  g_autofree char *format_text = NULL;
  g_autofree char *version_text = NULL;
  guint64 major, minor;

  if (format == NULL)
    return header_fail (scan, IIS_ERROR_PARSE, error,
                        "not a libiis catalog: the member “format” is missing");
  if (format->kind != VALUE_STRING)
    return header_fail (scan, IIS_ERROR_PARSE, error,
                        "format: expected a string, found %s",
                        value_kind_describe (format->kind));
  format_text = decode_string (scan->data + format->string_start, format->string_length);
  if (!g_str_equal (format_text, IIS_FORMAT_MARKER))
    return header_fail (scan, IIS_ERROR_PARSE, error,
                        "format: not a libiis catalog: “%s” (expected “%s”)",
                        format_text, IIS_FORMAT_MARKER);

  if (version == NULL)
    return header_fail (scan, IIS_ERROR_PARSE, error,
                        "the member “version” is missing");
  if (version->kind != VALUE_STRING)
    return header_fail (scan, IIS_ERROR_PARSE, error,
                        "version: expected a string, found %s",
                        value_kind_describe (version->kind));
  version_text = decode_string (scan->data + version->string_start, version->string_length);
  if (!parse_version (version_text, &major, &minor))
    return header_fail (scan, IIS_ERROR_INVALID_VALUE, error,
                        "version: invalid version “%s” (expected “MAJOR.MINOR”, such as “1.0”)",
                        version_text);
  if (major != IIS_FORMAT_MAJOR)
    return header_fail (scan, IIS_ERROR_UNSUPPORTED_VERSION, error,
                        "version: unsupported file format version “%s”: "
                        "this version of libiis reads version %d.x",
                        version_text, IIS_FORMAT_MAJOR);
  return TRUE;
}

/* ---- Pass 2: mapping the content ------------------------------------ */

typedef enum {
  SECTION_NONE,
  SECTION_ENTITIES,
  SECTION_RELATIONS,
} Section;

typedef struct
{
  const char *name;    /* a member name, or NULL for an array index */
  guint       index;
} PathSegment;

typedef struct
{
  IisStage    *stage;
  const char  *source_name;

  GError      *content_error;     /* the first problem in the content */

  PathSegment  path[MAX_PATH_SEGMENTS];
  guint        path_len;

  /* Streaming state. Arrays are numbered in the order of their "[", from
   * 1, as the scan numbered them: the scan found the numbers of the
   * top-level `entities` and `relations` arrays (0 if there is none). */
  guint        entities_array;
  guint        relations_array;
  guint        n_arrays;          /* arrays started so far */
  GArray      *open_arrays;       /* guint: the numbers of the open arrays, innermost last */
  guint        n_entities;
  guint        n_relations;

  /* Values held by the unknown members kept as trees, and the most
   * they may hold (see keep_unknown()) */
  gsize        unknown_values;
  gsize        unknown_budget;

  /* Scratch space reused from relation to relation */
  GPtrArray   *qualifiers;        /* borrowed strings: key, value, …, NULL */
  GPtrArray   *sources;           /* owned IisSource */

  GEnumClass  *organization_kinds;
  GEnumClass  *agreement_kinds;
  GEnumClass  *agreement_statuses;
  GEnumClass  *forum_kinds;
  GEnumClass  *confidences;
} Reader;

static void
path_push_member (Reader     *self,
                  const char *name)
{
  g_assert (self->path_len < MAX_PATH_SEGMENTS);
  self->path[self->path_len].name = name;
  self->path[self->path_len].index = 0;
  self->path_len++;
}

static void
path_push_index (Reader *self,
                 guint   index)
{
  g_assert (self->path_len < MAX_PATH_SEGMENTS);
  self->path[self->path_len].name = NULL;
  self->path[self->path_len].index = index;
  self->path_len++;
}

static void
path_pop (Reader *self)
{
  g_assert (self->path_len > 0);
  self->path_len--;
}

static void
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
static gboolean G_GNUC_PRINTF (4, 5)
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
static gboolean
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

/* @text for a message: control characters escaped, cut after 40
 * characters. */
static char *
printable (const char *text)
{
  GString *out = g_string_new (NULL);
  guint n = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (n == 40)
        {
          g_string_append (out, "…");
          break;
        }
      if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (g_unichar_iscntrl (c))
        g_string_append_printf (out, "\\u%04X", c);
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
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
            g_autofree char *text = printable (json_node_get_string (node));

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

static gboolean
fail_type (Reader     *self,
           const char *member,
           JsonNode   *node,
           const char *expected)
{
  g_autofree char *found = describe_node (node);

  return reader_fail (self, member, IIS_ERROR_PARSE,
                      "expected %s, found %s", expected, found);
}

static gboolean
fail_missing (Reader     *self,
              const char *member)
{
  return reader_fail (self, NULL, IIS_ERROR_PARSE,
                      "the member “%s” is missing", member);
}

static gboolean
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

static gboolean
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

static gboolean
get_id (Reader      *self,
        JsonNode    *node,
        const char  *member,
        const char **out)
{
  const char *id;

  if (!get_string (self, node, member, &id))
    return FALSE;
  if (*id == '\0')
    return reader_fail (self, member, IIS_ERROR_INVALID_VALUE, "invalid id: it is empty");
  if (strlen (id) > MAX_ID_LENGTH)
    {
      g_autofree char *text = printable (id);

      return reader_fail (self, member, IIS_ERROR_INVALID_VALUE,
                          "invalid id “%s”: longer than %d bytes", text, MAX_ID_LENGTH);
    }
  for (const char *p = id; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_unichar_iscntrl (g_utf8_get_char (p)))
        {
          g_autofree char *text = printable (id);

          return reader_fail (self, member, IIS_ERROR_INVALID_VALUE,
                              "invalid id “%s”: it contains a control character", text);
        }
    }
  *out = id;
  return TRUE;
}

static gboolean
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

static gboolean
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
      g_autofree char *text = printable (nick);

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

static gboolean
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

static gboolean
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
_iis_reader_code_is_valid (const char *code,
                           gsize       length)
{
  if (strlen (code) != length)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isupper (code[i]))
      return FALSE;
  return TRUE;
}

static gboolean
check_iso_code (Reader     *self,
                const char *member,
                const char *code,
                gsize       length)
{
  if (!_iis_reader_code_is_valid (code, length))
    {
      g_autofree char *text = printable (code);

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
static void
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

/* Sources */

static IisSource *
read_source (Reader   *self,
             JsonNode *node)
{
  g_autoptr(IisSource) source = NULL;
  g_autoptr(JsonObject) unknown = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail_type (self, NULL, node, "an object");
      return NULL;
    }

  source = g_object_new (IIS_TYPE_SOURCE, NULL);

  json_object_iter_init_ordered (&iter, json_node_get_object (node));
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      const char *text;

      if (g_str_equal (name, "date"))
        {
          IisDate date;

          if (!get_date (self, member, name, &date))
            return NULL;
          iis_source_set_date (source, &date);
        }
      else if (g_str_equal (name, "title") || g_str_equal (name, "url")
               || g_str_equal (name, "document") || g_str_equal (name, "publisher")
               || g_str_equal (name, "quote"))
        {
          if (!get_string (self, member, name, &text))
            return NULL;
          if (name[0] == 't')
            iis_source_set_title (source, text);
          else if (name[0] == 'u')
            iis_source_set_url (source, text);
          else if (name[0] == 'd')
            iis_source_set_document (source, text);
          else if (name[0] == 'p')
            iis_source_set_publisher (source, text);
          else
            iis_source_set_quote (source, text);
        }
      else
        {
          keep_unknown (self, &unknown, name, member);
        }
    }

  if (unknown != NULL)
    _iis_source_set_unknown (source, unknown);

  return g_steal_pointer (&source);
}

/* Calls @func for each source of the array @node (at member @member). */
static gboolean
read_sources (Reader     *self,
              JsonNode   *node,
              const char *member,
              void      (*func) (gpointer owner, IisSource *source),
              gpointer    owner)
{
  JsonArray *array;
  guint n;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail_type (self, member, node, "an array of sources");

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  path_push_member (self, member);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IisSource) source = NULL;

      path_push_index (self, i);
      source = read_source (self, json_array_get_element (array, i));
      path_pop (self);
      if (source == NULL)
        {
          path_pop (self);
          return FALSE;
        }
      func (owner, source);
    }
  path_pop (self);
  return TRUE;
}

/* Calls @func (key, value) for each member of the string map @node. */
static gboolean
read_string_map (Reader     *self,
                 JsonNode   *node,
                 const char *member,
                 void      (*func) (gpointer owner, const char *key, const char *value),
                 gpointer    owner)
{
  JsonObjectIter iter;
  const char *key;
  JsonNode *value_node;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail_type (self, member, node, "an object of strings");

  path_push_member (self, member);
  json_object_iter_init_ordered (&iter, json_node_get_object (node));
  while (json_object_iter_next_ordered (&iter, &key, &value_node))
    {
      const char *value;

      if (*key == '\0')
        {
          reader_fail (self, NULL, IIS_ERROR_INVALID_VALUE, "empty key");
          path_pop (self);
          return FALSE;
        }
      if (!get_string (self, value_node, key, &value))
        {
          path_pop (self);
          return FALSE;
        }
      func (owner, key, value);
    }
  path_pop (self);
  return TRUE;
}

/* Entities */

static void
entity_add_source (gpointer   owner,
                   IisSource *source)
{
  iis_entity_add_source (owner, source);
}

static void
entity_set_label (gpointer    owner,
                  const char *lang,
                  const char *text)
{
  iis_entity_set_label (owner, lang, text);
}

static void
entity_set_identifier (gpointer    owner,
                       const char *scheme,
                       const char *value)
{
  iis_entity_set_identifier (owner, scheme, value);
}

static gboolean
read_other_names (Reader    *self,
                  IisEntity *entity,
                  JsonNode  *node)
{
  JsonArray *array;
  guint n;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail_type (self, "other-names", node, "an array of names");

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  path_push_member (self, "other-names");
  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      gboolean ok = TRUE;
      const char *text = NULL;
      const char *lang = NULL;
      IisDate start, end;
      gboolean has_start = FALSE, has_end = FALSE;
      g_autoptr(JsonObject) unknown = NULL;
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      path_push_index (self, i);
      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          ok = fail_type (self, NULL, element, "an object");
        }
      else
        {
          json_object_iter_init_ordered (&iter, json_node_get_object (element));
          while (ok && json_object_iter_next_ordered (&iter, &name, &member))
            {
              if (g_str_equal (name, "name"))
                ok = get_nonempty_string (self, member, name, &text);
              else if (g_str_equal (name, "lang"))
                ok = get_nonempty_string (self, member, name, &lang);
              else if (g_str_equal (name, "start"))
                ok = has_start = get_date (self, member, name, &start);
              else if (g_str_equal (name, "end"))
                ok = has_end = get_date (self, member, name, &end);
              else
                keep_unknown (self, &unknown, name, member);
            }
          if (ok && text == NULL)
            ok = fail_missing (self, "name");
        }

      if (ok)
        {
          g_autoptr(IisName) other = iis_name_new (text, lang,
                                                   has_start ? &start : NULL,
                                                   has_end ? &end : NULL);

          if (unknown != NULL)
            _iis_name_set_unknown (other, unknown);
          iis_entity_add_other_name (entity, other);
        }
      path_pop (self);
      if (!ok)
        {
          path_pop (self);
          return FALSE;
        }
    }
  path_pop (self);
  return TRUE;
}

static gboolean
read_topics (Reader   *self,
             IisForum *forum,
             JsonNode *node)
{
  JsonArray *array;
  guint n;
  g_autoptr(GPtrArray) topics = NULL;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail_type (self, "topics", node, "an array of strings");

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  topics = g_ptr_array_sized_new (n + 1);
  path_push_member (self, "topics");
  for (guint i = 0; i < n; i++)
    {
      const char *topic;
      gboolean ok;

      path_push_index (self, i);
      ok = get_nonempty_string (self, json_array_get_element (array, i), NULL, &topic);
      path_pop (self);
      if (!ok)
        {
          path_pop (self);
          return FALSE;
        }
      g_ptr_array_add (topics, (gpointer) topic);
    }
  path_pop (self);
  g_ptr_array_add (topics, NULL);
  iis_forum_set_topics (forum, (const char * const *) topics->pdata);
  return TRUE;
}

/* Sets *known when @name is a member this version knows for @entity. */
static gboolean
read_entity_member (Reader     *self,
                    IisEntity  *entity,
                    const char *name,
                    JsonNode   *node,
                    gboolean   *known)
{
  const char *text;
  IisDate date;
  gint64 number;
  int value;

  *known = TRUE;

  /* Common members */
  if (g_str_equal (name, "type") || g_str_equal (name, "id"))
    return TRUE;
  if (g_str_equal (name, "name"))
    {
      if (!get_string (self, node, name, &text))
        return FALSE;
      iis_entity_set_name (entity, text);
      return TRUE;
    }
  if (g_str_equal (name, "description"))
    {
      if (!get_string (self, node, name, &text))
        return FALSE;
      iis_entity_set_description (entity, text);
      return TRUE;
    }
  if (g_str_equal (name, "labels"))
    return read_string_map (self, node, name, entity_set_label, entity);
  if (g_str_equal (name, "other-names"))
    return read_other_names (self, entity, node);
  if (g_str_equal (name, "identifiers"))
    return read_string_map (self, node, name, entity_set_identifier, entity);
  if (g_str_equal (name, "sources"))
    return read_sources (self, node, name, entity_add_source, entity);

  if (IIS_IS_STATE (entity))
    {
      IisState *state = IIS_STATE (entity);

      if (g_str_equal (name, "alpha-2") || g_str_equal (name, "alpha-3"))
        {
          gboolean two = name[6] == '2';

          if (!get_string (self, node, name, &text)
              || !check_iso_code (self, name, text, two ? 2 : 3))
            return FALSE;
          if (two)
            iis_state_set_alpha2 (state, text);
          else
            iis_state_set_alpha3 (state, text);
          return TRUE;
        }
      if (g_str_equal (name, "numeric"))
        {
          if (!get_int (self, node, name, 1, 999, &number))
            return FALSE;
          iis_state_set_numeric (state, (guint) number);
          return TRUE;
        }
    }
  else if (IIS_IS_ORGANIZATION (entity))
    {
      IisOrganization *organization = IIS_ORGANIZATION (entity);

      if (g_str_equal (name, "acronym"))
        {
          if (!get_string (self, node, name, &text))
            return FALSE;
          iis_organization_set_acronym (organization, text);
          return TRUE;
        }
      if (g_str_equal (name, "kind"))
        {
          if (!get_enum (self, node, name, self->organization_kinds, &value))
            return FALSE;
          iis_organization_set_kind (organization, value);
          return TRUE;
        }
      if (g_str_equal (name, "founded"))
        {
          if (!get_date (self, node, name, &date))
            return FALSE;
          iis_organization_set_founded (organization, &date);
          return TRUE;
        }
      if (g_str_equal (name, "dissolved"))
        {
          if (!get_date (self, node, name, &date))
            return FALSE;
          iis_organization_set_dissolved (organization, &date);
          return TRUE;
        }
    }
  else if (IIS_IS_AGREEMENT (entity))
    {
      IisAgreement *agreement = IIS_AGREEMENT (entity);

      if (g_str_equal (name, "kind"))
        {
          if (!get_enum (self, node, name, self->agreement_kinds, &value))
            return FALSE;
          iis_agreement_set_kind (agreement, value);
          return TRUE;
        }
      if (g_str_equal (name, "status"))
        {
          if (!get_enum (self, node, name, self->agreement_statuses, &value))
            return FALSE;
          iis_agreement_set_status (agreement, value);
          return TRUE;
        }
      if (g_str_equal (name, "adopted"))
        {
          if (!get_date (self, node, name, &date))
            return FALSE;
          iis_agreement_set_adopted (agreement, &date);
          return TRUE;
        }
      if (g_str_equal (name, "adopted-place"))
        {
          if (!get_string (self, node, name, &text))
            return FALSE;
          iis_agreement_set_adopted_place (agreement, text);
          return TRUE;
        }
      if (g_str_equal (name, "entry-into-force"))
        {
          if (!get_date (self, node, name, &date))
            return FALSE;
          iis_agreement_set_entry_into_force (agreement, &date);
          return TRUE;
        }
    }
  else if (IIS_IS_FORUM (entity))
    {
      IisForum *forum = IIS_FORUM (entity);

      if (g_str_equal (name, "kind"))
        {
          if (!get_enum (self, node, name, self->forum_kinds, &value))
            return FALSE;
          iis_forum_set_kind (forum, value);
          return TRUE;
        }
      if (g_str_equal (name, "start") || g_str_equal (name, "end"))
        {
          if (!get_date (self, node, name, &date))
            return FALSE;
          if (name[0] == 's')
            iis_forum_set_start (forum, &date);
          else
            iis_forum_set_end (forum, &date);
          return TRUE;
        }
      if (g_str_equal (name, "city"))
        {
          if (!get_string (self, node, name, &text))
            return FALSE;
          iis_forum_set_city (forum, text);
          return TRUE;
        }
      if (g_str_equal (name, "participant-count"))
        {
          if (!get_int (self, node, name, 0, G_MAXUINT, &number))
            return FALSE;
          iis_forum_set_participant_count (forum, (guint) number);
          return TRUE;
        }
      if (g_str_equal (name, "participant-count-is-minimum"))
        {
          gboolean minimum = FALSE;

          if (!get_boolean (self, node, name, &minimum))
            return FALSE;
          iis_forum_set_participant_count_is_minimum (forum, minimum);
          return TRUE;
        }
      if (g_str_equal (name, "topics"))
        return read_topics (self, forum, node);
    }
  else if (IIS_IS_THREAT_CATEGORY (entity))
    {
      if (g_str_equal (name, "definition"))
        {
          if (!get_string (self, node, name, &text))
            return FALSE;
          iis_threat_category_set_definition (IIS_THREAT_CATEGORY (entity), text);
          return TRUE;
        }
    }

  *known = FALSE;
  return TRUE;
}

/* The path is at entities[index]. */
static gboolean
read_entity (Reader   *self,
             JsonNode *node,
             guint     index)
{
  JsonObject *object;
  JsonNode *member;
  const char *nick, *id, *name;
  GType type;
  g_autoptr(IisEntity) entity = NULL;
  g_autoptr(JsonObject) unknown = NULL;
  g_autofree char *where = NULL;
  GError *local_error = NULL;
  JsonObjectIter iter;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail_type (self, NULL, node, "an object");
  object = json_node_get_object (node);

  member = json_object_get_member (object, "type");
  if (member == NULL)
    return fail_missing (self, "type");
  if (!get_string (self, member, "type", &nick))
    return FALSE;
  type = iis_entity_type_from_nick (nick);
  if (type == G_TYPE_INVALID)
    {
      g_autofree char *text = printable (nick);

      return reader_fail (self, "type", IIS_ERROR_INVALID_VALUE,
                          "unknown entity type “%s” (expected one of: state, organization, "
                          "agreement, forum, threat-category)", text);
    }

  member = json_object_get_member (object, "id");
  if (member == NULL)
    return fail_missing (self, "id");
  if (!get_id (self, member, "id", &id))
    return FALSE;

  entity = g_object_new (type, "id", id, NULL);

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      gboolean known;

      if (!read_entity_member (self, entity, name, member, &known))
        return FALSE;
      if (!known)
        keep_unknown (self, &unknown, name, member);
    }

  if (unknown != NULL)
    _iis_entity_set_unknown (entity, unknown);

  where = g_strdup_printf ("entities[%u].id", index);
  if (!_iis_stage_add_entity (self->stage, entity, where, &local_error))
    return reader_take_error (self, local_error);
  return TRUE;
}

/* Relations */

static void
relation_add_source (gpointer   owner,
                     IisSource *source)
{
  Reader *self = owner;

  g_ptr_array_add (self->sources, g_object_ref (source));
}

static void
relation_add_qualifier (gpointer    owner,
                        const char *key,
                        const char *value)
{
  Reader *self = owner;

  g_ptr_array_add (self->qualifiers, (gpointer) key);
  g_ptr_array_add (self->qualifiers, (gpointer) value);
}

static gboolean
read_relation (Reader   *self,
               JsonNode *node)
{
  JsonObject *object;
  JsonNode *member;
  const char *nick, *subject, *object_id, *name;
  const char *role = NULL;
  IisRelationKind kind;
  IisConfidence confidence = IIS_CONFIDENCE_UNSPECIFIED;
  guint32 start = IIS_DATE_PACKED_NONE;
  guint32 end = IIS_DATE_PACKED_NONE;
  g_autoptr(JsonObject) unknown = NULL;
  g_autofree char *unknown_json = NULL;
  GError *local_error = NULL;
  JsonObjectIter iter;
  gboolean ok;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail_type (self, NULL, node, "an object");
  object = json_node_get_object (node);

  member = json_object_get_member (object, "kind");
  if (member == NULL)
    return fail_missing (self, "kind");
  if (!get_string (self, member, "kind", &nick))
    return FALSE;
  kind = iis_relation_kind_from_nick (nick);
  if (kind == IIS_RELATION_KIND_ANY)
    {
      g_autofree char *text = printable (nick);

      return reader_fail (self, "kind", IIS_ERROR_INVALID_VALUE,
                          "unknown relation kind “%s” (expected one of: member-of, part-of, "
                          "signatory-of, party-to, organizer-of, participant-in, host-of, "
                          "adopted-within, addresses, implements, amends, supersedes, "
                          "references)", text);
    }

  member = json_object_get_member (object, "subject");
  if (member == NULL)
    return fail_missing (self, "subject");
  if (!get_id (self, member, "subject", &subject))
    return FALSE;

  member = json_object_get_member (object, "object");
  if (member == NULL)
    return fail_missing (self, "object");
  if (!get_id (self, member, "object", &object_id))
    return FALSE;

  g_ptr_array_set_size (self->qualifiers, 0);
  g_ptr_array_set_size (self->sources, 0);

  ok = TRUE;
  json_object_iter_init_ordered (&iter, object);
  while (ok && json_object_iter_next_ordered (&iter, &name, &member))
    {
      IisDate date;

      if (g_str_equal (name, "kind") || g_str_equal (name, "subject")
          || g_str_equal (name, "object"))
        {
          continue;
        }
      else if (g_str_equal (name, "role"))
        {
          ok = get_string (self, member, name, &role);
        }
      else if (g_str_equal (name, "start"))
        {
          ok = get_date (self, member, name, &date);
          start = ok ? _iis_date_pack (&date) : IIS_DATE_PACKED_NONE;
        }
      else if (g_str_equal (name, "end"))
        {
          ok = get_date (self, member, name, &date);
          end = ok ? _iis_date_pack (&date) : IIS_DATE_PACKED_NONE;
        }
      else if (g_str_equal (name, "confidence"))
        {
          int value = 0;

          ok = get_enum (self, member, name, self->confidences, &value);
          confidence = value;
        }
      else if (g_str_equal (name, "qualifiers"))
        {
          ok = read_string_map (self, member, name, relation_add_qualifier, self);
        }
      else if (g_str_equal (name, "sources"))
        {
          ok = read_sources (self, member, name, relation_add_source, self);
        }
      else
        {
          keep_unknown (NULL, &unknown, name, member);
        }
    }

  if (ok)
    {
      if (unknown != NULL)
        unknown_json = _iis_writer_object_to_string (unknown);
      g_ptr_array_add (self->qualifiers, NULL);

      ok = _iis_stage_add_relation (self->stage, kind, subject, object_id, role,
                                    start, end, confidence,
                                    self->qualifiers->len > 1
                                      ? (const char * const *) self->qualifiers->pdata : NULL,
                                    (IisSource * const *) self->sources->pdata,
                                    self->sources->len,
                                    unknown_json, &local_error);
      if (!ok)
        {
          g_autoptr(GString) path = g_string_new (NULL);

          path_append (self, path, NULL);
          g_prefix_error (&local_error, "%s: ", path->str);
          reader_take_error (self, local_error);
        }
    }

  g_ptr_array_set_size (self->qualifiers, 0);
  g_ptr_array_set_size (self->sources, 0);
  return ok;
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
                   const IisReaderLimits  *limits,
                   GError                **error)
{
  IisReaderLimits default_limits;
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
      _iis_reader_get_default_limits (&default_limits);
      limits = &default_limits;
    }
  else if (limits->max_members == 0 || limits->max_element_values == 0 ||
           limits->max_unknown_values == 0)
    {
      /* 0 stands for the default of the later limits. */
      default_limits = *limits;
      if (default_limits.max_members == 0)
        default_limits.max_members = IIS_READER_DEFAULT_MAX_MEMBERS;
      if (default_limits.max_element_values == 0)
        default_limits.max_element_values = IIS_READER_DEFAULT_MAX_ELEMENT_VALUES;
      if (default_limits.max_unknown_values == 0)
        default_limits.max_unknown_values = IIS_READER_DEFAULT_MAX_UNKNOWN_VALUES;
      limits = &default_limits;
    }

  scan.data = data;
  scan.length = length;
  scan.limits = limits;
  scan.source_name = source_name;
  scan.top = g_array_new (FALSE, TRUE, sizeof (TopMember));
  g_array_set_clear_func (scan.top, top_member_clear);
  scan.top_index = g_hash_table_new (_iis_str_hash, g_str_equal);

  if (!scan_document (&scan, error) || !check_header (&scan, error))
    goto out;

  reader.stage = stage;
  reader.source_name = source_name;
  reader.unknown_budget = MAX (limits->max_unknown_values, length / 16);
  entities = scan_find_top (&scan, "entities");
  if (entities != NULL && entities->kind == VALUE_ARRAY)
    reader.entities_array = entities->array;
  relations = scan_find_top (&scan, "relations");
  if (relations != NULL && relations->kind == VALUE_ARRAY)
    reader.relations_array = relations->array;
  reader.open_arrays = g_array_new (FALSE, FALSE, sizeof (guint));
  reader.qualifiers = g_ptr_array_new ();
  reader.sources = g_ptr_array_new_with_free_func (g_object_unref);
  reader.organization_kinds = g_type_class_ref (IIS_TYPE_ORGANIZATION_KIND);
  reader.agreement_kinds = g_type_class_ref (IIS_TYPE_AGREEMENT_KIND);
  reader.agreement_statuses = g_type_class_ref (IIS_TYPE_AGREEMENT_STATUS);
  reader.forum_kinds = g_type_class_ref (IIS_TYPE_FORUM_KIND);
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
  g_clear_pointer (&reader.organization_kinds, g_type_class_unref);
  g_clear_pointer (&reader.agreement_kinds, g_type_class_unref);
  g_clear_pointer (&reader.agreement_statuses, g_type_class_unref);
  g_clear_pointer (&reader.forum_kinds, g_type_class_unref);
  g_clear_pointer (&reader.confidences, g_type_class_unref);
  scan_clear (&scan);
  return ok;
}

/* ---- Reading bytes -------------------------------------------------- */

static gboolean
fail_too_large (const IisReaderLimits  *limits,
                GError                **error)
{
  g_autofree char *limit = g_format_size_full (limits->max_document_size,
                                               G_FORMAT_SIZE_IEC_UNITS);

  g_set_error (error, IIS_ERROR, IIS_ERROR_LIMIT_EXCEEDED,
               "the document is larger than the limit of %s", limit);
  return FALSE;
}

GBytes *
_iis_reader_read_stream (GInputStream           *stream,
                         goffset                 size_hint,
                         const IisReaderLimits  *limits,
                         GCancellable           *cancellable,
                         GError                **error)
{
  IisReaderLimits default_limits;
  g_autoptr(GByteArray) buffer = NULL;
  guint64 cap, initial;
  gsize used = 0;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (limits == NULL)
    {
      _iis_reader_get_default_limits (&default_limits);
      limits = &default_limits;
    }

  if (size_hint > 0 && (guint64) size_hint > limits->max_document_size)
    {
      fail_too_large (limits, error);
      return NULL;
    }

  /* One byte more than expected, so the end is seen in one go. The
   * buffer never grows past the limit and one byte, and no read asks
   * for more than that: a stream without end (/dev/zero) costs the
   * limit, not twice it. */
  cap = MIN ((guint64) limits->max_document_size + 1, (guint64) G_MAXUINT);
  initial = size_hint > 0 ? (guint64) size_hint + 1 : 64 * 1024;
  initial = MIN (initial, cap);
  buffer = g_byte_array_sized_new ((guint) initial);
  g_byte_array_set_size (buffer, (guint) initial);

  for (;;)
    {
      gssize n;

      if (used == buffer->len)
        {
          gsize grow = MIN (MAX (buffer->len, 64 * 1024), cap - buffer->len);

          if (grow == 0)
            {
              fail_too_large (limits, error);
              return NULL;
            }
          g_byte_array_set_size (buffer, buffer->len + grow);
        }

      n = g_input_stream_read (stream, buffer->data + used, buffer->len - used,
                               cancellable, error);
      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      used += n;
      if (used > limits->max_document_size)
        {
          fail_too_large (limits, error);
          return NULL;
        }
    }

  g_byte_array_set_size (buffer, used);
  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

GBytes *
_iis_reader_read_file (GFile                  *file,
                       const IisReaderLimits  *limits,
                       GCancellable           *cancellable,
                       GError                **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  goffset size = 0;
  GBytes *bytes;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                         cancellable, NULL);
  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
    size = g_file_info_get_size (info);

  bytes = _iis_reader_read_stream (G_INPUT_STREAM (stream), size, limits, cancellable, error);
  g_input_stream_close (G_INPUT_STREAM (stream), NULL, NULL);
  return bytes;
}
