/* iis-util.c: messages, entity lookups with suggestions, values as text
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * Helpers the subcommands of `iis` share:
 *
 * - cli_error() writes "iis: MESSAGE" to stderr; cli_out() writes UTF-8
 *   to stdout as it is (JSON and CSV must not depend on the locale);
 * - cli_lookup() finds an entity by id, or by an unambiguous id in
 *   another case, name, label or acronym, or else other name ("Budapest
 *   Convention", "Shanghai Five"), and otherwise says which ids are
 *   nearest (Levenshtein distance over ids and names):
 *
 *   ```
 *   iis: no entity “scoo”; did you mean “sco”?
 *   ```
 *
 * - cli_value_to_string() turns a property value into the text the file
 *   format uses (enum nicks, ISO dates).
 */

#include <stdarg.h>
#include <string.h>

#include "iis-tool.h"

/* Whether @c would act on a terminal, or hide, rather than show: C0 and
 * C1 controls (escape sequences, BEL, carriage return), bidirectional
 * controls and other invisible format characters such as the byte order
 * mark, line and paragraph separators. The soft hyphen and the
 * zero-width (non-)joiner stay: words in some scripts need them. */
static gboolean
needs_escape (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_CONTROL:
    case G_UNICODE_LINE_SEPARATOR:
    case G_UNICODE_PARAGRAPH_SEPARATOR:
      return TRUE;
    case G_UNICODE_FORMAT:
      return c != 0x00AD && c != 0x200C && c != 0x200D;
    default:
      return FALSE;
    }
}

/* @text for a terminal: each character that needs_escape() shown as
 * `<U+XXXX>` (with @keep_newlines, "\n" stays), invalid UTF-8 replaced.
 * JSON and CSV output stay raw: they are data. */
char *
cli_escape (const char *text,
            gboolean    keep_newlines)
{
  g_autofree char *valid = NULL;
  GString *out;

  if (text == NULL)
    return NULL;
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (needs_escape (c) && !(keep_newlines && c == '\n'))
        g_string_append_printf (out, "<U+%04X>", c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (out, FALSE);
}

#define MAX_VALUE_CHARS 40

/* A value from the command line or a file, for a message: escaped as
 * cli_escape() does, and cut after 40 characters with "…". */
char *
cli_quote_value (const char *text)
{
  g_autofree char *valid = NULL;
  g_autofree char *cut = NULL;
  g_autofree char *escaped = NULL;
  const char *end;

  if (text == NULL)
    return g_strdup ("");
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  if ((glong) MAX_VALUE_CHARS >= g_utf8_strlen (text, MAX_VALUE_CHARS * 4 + 4))
    return cli_escape (text, FALSE);

  end = g_utf8_offset_to_pointer (text, MAX_VALUE_CHARS);
  cut = g_strndup (text, end - text);
  escaped = cli_escape (cut, FALSE);
  return g_strconcat (escaped, "…", NULL);
}

void
cli_error (const char *format,
           ...)
{
  g_autofree char *message = NULL;
  g_autofree char *escaped = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* Messages quote ids, names and arguments: nothing in them may act on
   * the terminal. */
  escaped = cli_escape (message, TRUE);
  fflush (stdout);
  fprintf (stderr, "iis: %s\n", escaped);
}

void
cli_out (const char *text)
{
  fputs (text, stdout);
}

void
cli_outf (const char *format,
          ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  fputs (text, stdout);
}

/* Edit distance over Unicode characters, case-insensitive by the caller,
 * or @max + 1 when it is more than @max. Only a band of 2 @max + 1
 * diagonals is computed, and strings whose lengths differ by more than
 * @max are not compared at all: a short argument against a name of a
 * million characters costs nothing (issue #19). */
guint
cli_levenshtein_bounded (const char *a,
                         const char *b,
                         guint       max)
{
  glong la = g_utf8_strlen (a, -1), lb = g_utf8_strlen (b, -1);
  g_autofree gunichar *ua = NULL;
  g_autofree gunichar *ub = NULL;
  g_autofree guint *row = NULL;
  const guint over = max + 1;

  if ((guint) ABS (la - lb) > max)
    return over;
  if (la == 0 || lb == 0)
    return (guint) MAX (la, lb);

  ua = g_utf8_to_ucs4_fast (a, -1, NULL);
  ub = g_utf8_to_ucs4_fast (b, -1, NULL);
  row = g_new (guint, lb + 1);
  for (glong j = 0; j <= lb; j++)
    row[j] = j <= (glong) max ? (guint) j : over;

  for (glong i = 1; i <= la; i++)
    {
      glong from = MAX (1, i - (glong) max), to = MIN (lb, i + (glong) max);
      guint diagonal = row[from - 1];
      guint best_in_row = over;

      row[from - 1] = from == 1 && i <= (glong) max ? (guint) i : over;
      for (glong j = from; j <= to; j++)
        {
          guint above = row[j];
          guint cost = ua[i - 1] == ub[j - 1] ? 0 : 1;
          guint best = MIN (diagonal + cost, MIN (above + 1, row[j - 1] + 1));

          row[j] = MIN (best, over);
          best_in_row = MIN (best_in_row, row[j]);
          diagonal = above;
        }
      if (to < lb)
        row[to + 1] = over;
      if (best_in_row > max)
        return over;
    }

  return MIN (row[lb], over);
}

/* The candidate closest to @text, if it is close enough to be what was
 * meant (a third of the length apart, at least one edit); NULL if none. */
const char *
cli_closest (const char         *text,
             const char * const *candidates)
{
  guint limit = MAX (1, (guint) g_utf8_strlen (text, -1) / 3);
  const char *best = NULL;
  guint best_distance = limit + 1;

  for (gsize i = 0; candidates[i] != NULL; i++)
    {
      guint distance = cli_levenshtein_bounded (text, candidates[i], limit);

      if (distance < best_distance)
        {
          best = candidates[i];
          best_distance = distance;
        }
    }
  return best;
}

/* Edit distance over Unicode characters, case-insensitive by the caller. */
guint
cli_levenshtein (const char *a,
                 const char *b)
{
  return cli_levenshtein_bounded (a, b, (guint) MAX (g_utf8_strlen (a, -1), g_utf8_strlen (b, -1)));
}

/* The names an entity may be called by on the command line, besides its
 * id: its plain name, its label in the chosen language, its acronym. */
static void
entity_names (CliContext *ctx,
              IisEntity  *entity,
              const char *names[3])
{
  names[0] = iis_entity_get_name (entity);
  names[1] = cli_entity_label (ctx, entity);
  names[2] = IIS_IS_ORGANIZATION (entity)
    ? iis_organization_get_acronym (IIS_ORGANIZATION (entity)) : NULL;
}

/* Whether one of the other names of @entity (former names, names in
 * other languages: "Shanghai Five", "Budapest Convention") folds to
 * @query, or, with @limit, how near the nearest is. */
static guint
other_name_distance (IisEntity  *entity,
                     const char *query,
                     guint       limit,
                     gboolean   *contains)
{
  GListModel *names = iis_entity_get_other_names (entity);
  guint n = g_list_model_get_n_items (names);
  guint best = G_MAXUINT;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IisName) name = g_list_model_get_item (names, i);
      g_autofree char *folded = g_utf8_casefold (iis_name_get_text (name), -1);

      best = MIN (best, limit == 0 ? (strcmp (folded, query) == 0 ? 0 : 1)
                                   : cli_levenshtein_bounded (query, folded, limit));
      if (contains != NULL && strstr (folded, query) != NULL)
        *contains = TRUE;
    }
  return best;
}

#define MAX_LISTED_IDS 10

/* “a”, “b” or “c”; past MAX_LISTED_IDS, the first ones "and N more". */
static char *
quoted_ids (GPtrArray *entities)
{
  GString *text = g_string_new (NULL);
  guint shown = entities->len > MAX_LISTED_IDS ? MAX_LISTED_IDS : entities->len;

  for (guint i = 0; i < shown; i++)
    {
      g_autofree char *id = cli_quote_value (iis_entity_get_id (g_ptr_array_index (entities, i)));

      if (i > 0)
        g_string_append (text, i + 1 == entities->len ? " or " : ", ");
      g_string_append_printf (text, "“%s”", id);
    }
  if (shown < entities->len)
    g_string_append_printf (text, " and %u more", entities->len - shown);

  return g_string_free (text, FALSE);
}

#define MAX_SUGGESTIONS 3
/* Suggestions are at most this many edits away. */
#define MAX_SUGGESTION_DISTANCE 8

static void
report_unknown (CliContext *ctx,
                GListModel *all,
                const char *id)
{
  g_autofree char *query = g_utf8_casefold (id, -1);
  g_autofree char *shown = cli_quote_value (id);
  g_autoptr(GPtrArray) nearest = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) containing = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (all);
  guint best = G_MAXUINT;
  guint limit = MIN (MAX_SUGGESTION_DISTANCE, MAX (2u, (guint) g_utf8_strlen (query, -1) / 3));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IisEntity) entity = g_list_model_get_item (all, i);
      const char *names[4];
      guint distance = G_MAXUINT;
      gboolean contains = FALSE;

      names[0] = iis_entity_get_id (entity);
      entity_names (ctx, entity, &names[1]);
      for (guint k = 0; k < G_N_ELEMENTS (names); k++)
        {
          g_autofree char *folded = NULL;

          if (names[k] == NULL)
            continue;
          folded = g_utf8_casefold (names[k], -1);
          distance = MIN (distance, cli_levenshtein_bounded (query, folded, limit));
          if (strstr (folded, query) != NULL)
            contains = TRUE;
        }
      distance = MIN (distance, other_name_distance (entity, query, limit, &contains));

      if (distance <= limit && distance <= best)
        {
          if (distance < best)
            g_ptr_array_set_size (nearest, 0);
          best = distance;
          if (nearest->len < MAX_SUGGESTIONS)
            g_ptr_array_add (nearest, g_object_ref (entity));
        }
      if (contains && containing->len < MAX_SUGGESTIONS)
        g_ptr_array_add (containing, g_object_ref (entity));
    }

  if (nearest->len == 0)
    g_ptr_array_extend_and_steal (nearest, g_steal_pointer (&containing));

  if (query[0] != '\0' && nearest->len > 0)
    {
      g_autofree char *ids = quoted_ids (nearest);

      cli_error ("no entity “%s”; did you mean %s?", shown, ids);
    }
  else
    cli_error ("no entity “%s”", shown);
}

/* Finds the entity @id names; reports it on stderr and returns NULL when
 * there is none. */
IisEntity *
cli_lookup (CliContext *ctx,
            IisCatalog *catalog,
            const char *id)
{
  IisEntity *entity = iis_catalog_lookup (catalog, id);
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GPtrArray) by_id = NULL;
  g_autoptr(GPtrArray) by_name = NULL;
  g_autoptr(GPtrArray) by_other_name = NULL;
  g_autofree char *query = NULL;
  guint n;

  if (entity != NULL)
    return entity;

  if (!g_utf8_validate (id, -1, NULL))
    {
      cli_error ("no entity with that id (it is not valid UTF-8)");
      return NULL;
    }

  query = g_utf8_casefold (id, -1);
  all = iis_catalog_list_entities (catalog, IIS_TYPE_ENTITY);
  n = g_list_model_get_n_items (all);
  by_id = g_ptr_array_new ();
  by_name = g_ptr_array_new ();
  by_other_name = g_ptr_array_new ();

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IisEntity) candidate = g_list_model_get_item (all, i);
      g_autofree char *folded_id = g_utf8_casefold (iis_entity_get_id (candidate), -1);
      const char *names[3];

      if (strcmp (folded_id, query) == 0)
        {
          g_ptr_array_add (by_id, candidate);
          continue;
        }

      entity_names (ctx, candidate, names);
      for (guint k = 0; k < G_N_ELEMENTS (names); k++)
        {
          g_autofree char *folded = NULL;

          if (names[k] == NULL)
            continue;
          folded = g_utf8_casefold (names[k], -1);
          if (strcmp (folded, query) == 0)
            {
              g_ptr_array_add (by_name, candidate);
              break;
            }
        }
      if (by_name->len == 0 || g_ptr_array_index (by_name, by_name->len - 1) != candidate)
        if (other_name_distance (candidate, query, 0, NULL) == 0)
          g_ptr_array_add (by_other_name, candidate);
    }

  /* A current name, label or acronym goes before an other name: "CIS"
   * is the Commonwealth's acronym before it is anyone's former name. */
  if (by_name->len == 0)
    {
      g_ptr_array_unref (by_name);
      by_name = g_steal_pointer (&by_other_name);
    }

  /* The entities are owned by the catalog; the list only borrowed them. */
  if (by_id->len == 1)
    return g_ptr_array_index (by_id, 0);
  if (by_id->len == 0 && by_name->len == 1)
    return g_ptr_array_index (by_name, 0);
  if (by_id->len > 1 || by_name->len > 1)
    {
      g_autofree char *ids = quoted_ids (by_id->len > 1 ? by_id : by_name);
      g_autofree char *shown = cli_quote_value (id);

      cli_error ("“%s” is ambiguous: it could be %s", shown, ids);
      return NULL;
    }

  report_unknown (ctx, all, id);
  return NULL;
}

static const char *
type_with_article (GType type)
{
  if (type == IIS_TYPE_STATE)
    return "a state";
  if (type == IIS_TYPE_ORGANIZATION)
    return "an organization";
  if (type == IIS_TYPE_AGREEMENT)
    return "an agreement";
  if (type == IIS_TYPE_FORUM)
    return "a forum";
  if (type == IIS_TYPE_THREAT_CATEGORY)
    return "a threat category";
  if (type == IIS_TYPE_ENTITY)
    return "an entity";
  return g_type_name (type);
}

/* A human name of an entity type. */
const char *
cli_type_title (GType type)
{
  if (type == IIS_TYPE_THREAT_CATEGORY)
    return "threat category";
  return type_with_article (type) + (g_str_has_prefix (type_with_article (type), "an ") ? 3 : 2);
}

/* Like cli_lookup(), and the entity must be of @type. */
IisEntity *
cli_lookup_typed (CliContext *ctx,
                  IisCatalog *catalog,
                  const char *id,
                  GType       type)
{
  IisEntity *entity = cli_lookup (ctx, catalog, id);

  if (entity == NULL)
    return NULL;

  if (!g_type_is_a (G_OBJECT_TYPE (entity), type))
    {
      cli_error ("“%s” (%s) is %s, not %s",
                 iis_entity_get_id (entity), cli_entity_label (ctx, entity),
                 type_with_article (G_OBJECT_TYPE (entity)),
                 type_with_article (type));
      return NULL;
    }

  return entity;
}

/* The message of a load or save error, with the file named once. */
char *
cli_located_message (const char   *path,
                     const GError *error)
{
  g_autofree char *basename = g_path_get_basename (path);

  if (strstr (error->message, path) != NULL || strstr (error->message, basename) != NULL)
    return g_strdup (error->message);
  return g_strdup_printf ("%s: %s", path, error->message);
}

/* Parses a date given on the command line; a bad one is a usage error
 * whose message names the value. */
gboolean
cli_parse_date (const char  *text,
                IisDate    **date,
                int         *status)
{
  g_autoptr(GError) error = NULL;

  *date = iis_date_parse (text, &error);
  if (*date == NULL)
    {
      /* The library's message names the value (cut when it is long). */
      cli_error ("%s", error->message);
      *status = CLI_EXIT_USAGE;
      return FALSE;
    }

  return TRUE;
}

/* The name to show for an entity: its label in --lang, or in the
 * locale's languages, else its plain name, else its id. */
const char *
cli_entity_label (CliContext *ctx,
                  IisEntity  *entity)
{
  const char *label;

  if (ctx->lang == NULL)
    return iis_entity_get_display_name (entity);

  label = iis_entity_get_label (entity, ctx->lang);
  if (label == NULL)
    label = iis_entity_get_name (entity);
  if (label == NULL)
    label = iis_entity_get_id (entity);
  return label;
}

const char *
cli_enum_nick (GType enum_type,
               int   value)
{
  GEnumClass *klass = g_type_class_ref (enum_type);
  GEnumValue *enum_value = g_enum_get_value (klass, value);
  const char *nick = enum_value != NULL ? enum_value->value_nick : NULL;

  /* Enum classes of static types live as long as the program. */
  g_type_class_unref (klass);
  return nick;
}

static char *
flags_to_string (const GValue *value)
{
  GFlagsClass *klass = g_type_class_ref (G_VALUE_TYPE (value));
  guint flags = g_value_get_flags (value);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    {
      GFlagsValue *flag = &klass->values[i];

      if (flag->value != 0 && (flags & flag->value) == flag->value)
        {
          if (text->len > 0)
            g_string_append_c (text, '|');
          g_string_append (text, flag->value_nick);
        }
    }
  g_type_class_unref (klass);

  return g_string_free (text, FALSE);
}

/* A property value as text, as the file format writes it; NULL when
 * there is no value. */
char *
cli_value_to_string (const GValue *value)
{
  GType type = G_VALUE_TYPE (value);

  if (G_VALUE_HOLDS_STRING (value))
    return g_value_dup_string (value);
  if (G_VALUE_HOLDS_BOOLEAN (value))
    return g_strdup (g_value_get_boolean (value) ? "true" : "false");
  if (G_VALUE_HOLDS_UINT (value))
    return g_strdup_printf ("%u", g_value_get_uint (value));
  if (G_VALUE_HOLDS_INT (value))
    return g_strdup_printf ("%d", g_value_get_int (value));
  if (G_VALUE_HOLDS_UINT64 (value))
    return g_strdup_printf ("%" G_GUINT64_FORMAT, g_value_get_uint64 (value));
  if (G_VALUE_HOLDS_INT64 (value))
    return g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (value));
  if (G_VALUE_HOLDS_DOUBLE (value))
    return g_strdup_printf ("%g", g_value_get_double (value));
  if (G_VALUE_HOLDS_ENUM (value))
    return g_strdup (cli_enum_nick (type, g_value_get_enum (value)));
  if (G_VALUE_HOLDS_FLAGS (value))
    return flags_to_string (value);
  if (G_VALUE_HOLDS (value, IIS_TYPE_DATE))
    return cli_date_string (g_value_get_boxed (value));
  if (G_VALUE_HOLDS (value, G_TYPE_STRV))
    {
      const char * const *strv = g_value_get_boxed (value);

      if (strv == NULL || strv[0] == NULL)
        return NULL;
      return g_strjoinv ("; ", (char **) strv);
    }
  if (G_VALUE_HOLDS (value, IIS_TYPE_ENTITY))
    {
      IisEntity *entity = g_value_get_object (value);

      return entity != NULL ? g_strdup (iis_entity_get_id (entity)) : NULL;
    }

  return g_strdup_value_contents (value);
}

/* A property value as JSON: strings, numbers, booleans, arrays of
 * strings, or null. */
JsonNode *
cli_value_to_json (const GValue *value)
{
  JsonNode *node;

  if (G_VALUE_HOLDS_BOOLEAN (value))
    {
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_boolean (node, g_value_get_boolean (value));
      return node;
    }
  if (G_VALUE_HOLDS_UINT (value) || G_VALUE_HOLDS_INT (value)
      || G_VALUE_HOLDS_UINT64 (value) || G_VALUE_HOLDS_INT64 (value))
    {
      GValue as_int = G_VALUE_INIT;

      g_value_init (&as_int, G_TYPE_INT64);
      g_value_transform (value, &as_int);
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_int (node, g_value_get_int64 (&as_int));
      return node;
    }
  if (G_VALUE_HOLDS (value, G_TYPE_STRV))
    {
      const char * const *strv = g_value_get_boxed (value);
      JsonArray *array = json_array_new ();

      for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
        json_array_add_string_element (array, strv[i]);
      node = json_node_new (JSON_NODE_ARRAY);
      json_node_take_array (node, array);
      return node;
    }
  else
    {
      g_autofree char *text = cli_value_to_string (value);

      node = json_node_new (text != NULL ? JSON_NODE_VALUE : JSON_NODE_NULL);
      if (text != NULL)
        json_node_set_string (node, text);
      return node;
    }
}

/* The value of a property of @entity as text; NULL when it has none.
 * Numbers left at their default (0: unknown) count as none. */
char *
cli_entity_property (IisEntity  *entity,
                     const char *property)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (entity), property);
  g_auto(GValue) value = G_VALUE_INIT;
  GType fundamental;

  if (pspec == NULL || (pspec->flags & G_PARAM_READABLE) == 0)
    return NULL;

  g_value_init (&value, pspec->value_type);
  g_object_get_property (G_OBJECT (entity), property, &value);

  fundamental = G_TYPE_FUNDAMENTAL (pspec->value_type);
  if ((fundamental == G_TYPE_UINT || fundamental == G_TYPE_INT
       || fundamental == G_TYPE_UINT64 || fundamental == G_TYPE_INT64)
      && g_param_value_defaults (pspec, &value))
    return NULL;

  return cli_value_to_string (&value);
}

char *
cli_date_string (const IisDate *date)
{
  return date != NULL ? iis_date_to_string (date) : NULL;
}

/* "START – END", "START –", "– END", or NULL with neither. */
char *
cli_period_string (const IisDate *start,
                   const IisDate *end)
{
  g_autofree char *s = cli_date_string (start);
  g_autofree char *e = cli_date_string (end);

  if (s == NULL && e == NULL)
    return NULL;
  if (e == NULL)
    return g_strdup_printf ("%s –", s);
  if (s == NULL)
    return g_strdup_printf ("– %s", e);
  return g_strdup_printf ("%s – %s", s, e);
}

gboolean
cli_parse_relation_kind (const char      *nick,
                         IisRelationKind *kind)
{
  if (g_strcmp0 (nick, "any") == 0)
    {
      *kind = IIS_RELATION_KIND_ANY;
      return TRUE;
    }
  *kind = iis_relation_kind_from_nick (nick);
  return *kind != IIS_RELATION_KIND_ANY;
}

/* The relation kind nicks, comma-separated, for messages. */
char *
cli_relation_kind_list (void)
{
  GEnumClass *klass = g_type_class_ref (IIS_TYPE_RELATION_KIND);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    {
      if (klass->values[i].value == IIS_RELATION_KIND_ANY)
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, klass->values[i].value_nick);
    }
  g_type_class_unref (klass);

  return g_string_free (text, FALSE);
}

/* Writes @root, pretty-printed, and a newline. */
void
cli_print_json (JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  cli_out (text);
  cli_out ("\n");
}

/* Writes @text wrapped at @width columns; the cursor is at column
 * @first_column, later lines start at column @indent. */
void
cli_print_wrapped (const char *text,
                   guint       indent,
                   guint       first_column,
                   guint       width)
{
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n", -1);
  guint column = first_column;

  for (guint p = 0; paragraphs[p] != NULL; p++)
    {
      g_auto(GStrv) words = g_strsplit (paragraphs[p], " ", -1);
      gboolean line_empty = TRUE;

      if (p > 0)
        {
          cli_outf ("\n%*s", (int) indent, "");
          column = indent;
        }

      for (guint w = 0; words[w] != NULL; w++)
        {
          g_autofree char *word = cli_escape (words[w], FALSE);
          guint len = (guint) g_utf8_strlen (word, -1);

          if (word[0] == '\0')
            continue;
          if (!line_empty && column + 1 + len > width)
            {
              cli_outf ("\n%*s", (int) indent, "");
              column = indent;
              line_empty = TRUE;
            }
          if (!line_empty)
            {
              cli_out (" ");
              column++;
            }
          cli_out (word);
          column += len;
          line_empty = FALSE;
        }
    }
  cli_out ("\n");
}
