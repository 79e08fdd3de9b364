/* iis-import.c: relations from a table (CSV) through a column map
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * Research data on treaties and memberships comes as tables: one row per
 * state and agreement, with a column for each date (manytreaties' HUGGO,
 * IEADB). A column map, a small JSON document, says which column names
 * the subject of the relations a row gives (a state, by its ISO code, an
 * identifier or its name), which names the object (an agreement …), and
 * for each relation kind which columns give its start, end, role and
 * qualifiers, in which date format. docs/interoperability.md describes
 * the map; data/maps holds maps for two common layouts.
 *
 * The table becomes a catalog document holding the rows' relations, which
 * the catalog then loads: the loader's checks apply, and a failed import
 * leaves the catalog as it was.
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "iis-catalog.h"
#include "iis-date.h"
#include "iis-error.h"
#include "iis-import.h"
#include "iis-name.h"
#include "iis-relation-private.h"
#include "iis-source.h"
#include "iis-state.h"

/* ------------------------------------------------------------------ */
/* CSV (RFC 4180: quoted fields, doubled quotes, CRLF or LF) */

typedef struct
{
  GPtrArray *cells;        /* of char * */
  guint      line;         /* where the row starts, from 1 */
} Row;

static void
row_free (Row *row)
{
  g_ptr_array_unref (row->cells);
  g_free (row);
}

static GPtrArray *
parse_csv (const char  *data,
           gsize        length,
           char         delimiter,
           GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  g_autoptr(GString) cell = g_string_new (NULL);
  const char *p = data;
  const char *end = data + length;
  guint line = 1;
  Row *row = NULL;

  /* A byte-order mark, as spreadsheets write. */
  if (length >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;

  while (p < end)
    {
      gboolean quoted = FALSE;
      guint cell_line = line;

      if (row == NULL)
        {
          row = g_new0 (Row, 1);
          row->cells = g_ptr_array_new_with_free_func (g_free);
          row->line = line;
        }
      g_string_truncate (cell, 0);
      if (*p == '"')
        {
          quoted = TRUE;
          p++;
          for (;;)
            {
              if (p >= end)
                {
                  row_free (row);
                  g_set_error (error, IIS_ERROR, IIS_ERROR_PARSE,
                               "line %u: a quoted field is not closed", cell_line);
                  return NULL;
                }
              if (*p == '"')
                {
                  if (p + 1 < end && p[1] == '"')
                    {
                      g_string_append_c (cell, '"');
                      p += 2;
                      continue;
                    }
                  p++;
                  break;
                }
              if (*p == '\n')
                line++;
              g_string_append_c (cell, *p++);
            }
        }
      while (p < end && *p != delimiter && *p != '\n' && *p != '\r')
        {
          if (quoted)
            {
              row_free (row);
              g_set_error (error, IIS_ERROR, IIS_ERROR_PARSE,
                           "line %u: text after a quoted field", line);
              return NULL;
            }
          g_string_append_c (cell, *p++);
        }
      if (!g_utf8_validate_len (cell->str, cell->len, NULL))
        {
          row_free (row);
          g_set_error (error, IIS_ERROR, IIS_ERROR_PARSE,
                       "line %u: the text is not UTF-8", line);
          return NULL;
        }
      g_ptr_array_add (row->cells, g_strndup (cell->str, cell->len));
      if (p < end && *p == delimiter)
        {
          p++;
          if (p == end)
            g_ptr_array_add (row->cells, g_strdup (""));
          continue;
        }
      /* The end of a row. */
      if (p < end && *p == '\r')
        p++;
      if (p < end && *p == '\n')
        p++;
      line++;
      g_ptr_array_add (rows, row);
      row = NULL;
    }
  if (row != NULL)
    g_ptr_array_add (rows, row);

  /* Blank lines are not rows. */
  for (guint i = rows->len; i > 0; i--)
    {
      Row *r = g_ptr_array_index (rows, i - 1);

      if (r->cells->len == 1 && ((char *) g_ptr_array_index (r->cells, 0))[0] == '\0')
        g_ptr_array_remove_index (rows, i - 1);
    }
  return g_steal_pointer (&rows);
}

/* ------------------------------------------------------------------ */
/* The map */

/* Where a value comes from: a column (with a table of values and a date
 * format), or a constant. */
typedef struct
{
  char       *path;        /* in the map, for messages: “relations[1].start” */
  int         column;      /* -1: a constant */
  char       *column_name;
  char       *value;       /* the constant */
  JsonObject *values;      /* raw → value, or NULL */
  gboolean    has_default;
  char       *default_value;
  char       *date_format; /* NULL: EDTF */
} Field;

static void
field_free (Field *field)
{
  if (field == NULL)
    return;
  g_free (field->path);
  g_free (field->column_name);
  g_free (field->value);
  g_clear_pointer (&field->values, json_object_unref);
  g_free (field->default_value);
  g_free (field->date_format);
  g_free (field);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Field, field_free)

typedef enum {
  MATCH_ID,
  MATCH_ALPHA2,
  MATCH_ALPHA3,
  MATCH_NUMERIC,
  MATCH_NAME,
  MATCH_IDENTIFIER,
} MatchKind;

typedef struct
{
  Field     *field;
  MatchKind  match;
  char      *scheme;       /* MATCH_IDENTIFIER */
  GHashTable *index;       /* key → IisEntity * (borrowed), or the ambiguous marker */
} End;

typedef struct
{
  IisRelationKind  kind;
  Field           *start;
  Field           *end;
  Field           *role;
  GPtrArray       *qualifier_keys;   /* of char * */
  GPtrArray       *qualifiers;       /* of Field * */
} RelationSpec;

static void
relation_spec_free (RelationSpec *spec)
{
  field_free (spec->start);
  field_free (spec->end);
  field_free (spec->role);
  g_ptr_array_unref (spec->qualifier_keys);
  g_ptr_array_unref (spec->qualifiers);
  g_free (spec);
}

typedef struct
{
  char        delimiter;
  GHashTable *missing;     /* of char *: the texts that mean “no value” */
  char       *date_format;
  End         ends[2];     /* subject, object */
  GPtrArray  *relations;   /* of RelationSpec * */
  char       *source;      /* a source object as JSON text, or NULL */
} Map;

static void
map_clear (Map *map)
{
  g_clear_pointer (&map->missing, g_hash_table_unref);
  g_free (map->date_format);
  for (guint i = 0; i < 2; i++)
    {
      field_free (map->ends[i].field);
      g_free (map->ends[i].scheme);
      g_clear_pointer (&map->ends[i].index, g_hash_table_unref);
    }
  g_clear_pointer (&map->relations, g_ptr_array_unref);
  g_clear_pointer (&map->source, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Map, map_clear)

/* “LOCATION: MESSAGE”, for the map's members and the table's cells. */
static void
located_error_va (GError     **error,
                  const char  *location,
                  const char  *format,
                  va_list      args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);

  g_set_error (error, IIS_ERROR, IIS_ERROR_INVALID_VALUE, "%s: %s", location, message);
}

static gboolean
map_error (GError     **error,
           const char  *path,
           const char  *format,
           ...) G_GNUC_PRINTF (3, 4);

static gboolean
map_error (GError     **error,
           const char  *path,
           const char  *format,
           ...)
{
  g_autofree char *location = g_strdup_printf ("map: %s", path);
  va_list args;

  va_start (args, format);
  located_error_va (error, location, format, args);
  va_end (args);
  return FALSE;
}

/* The string member @name of @object, or NULL; an error when it is
 * there and not a string. */
static gboolean
get_string (JsonObject  *object,
            const char  *path,
            const char  *name,
            const char **value,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  *value = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return map_error (error, path, "“%s” must be a string", name);
  *value = json_node_get_string (node);
  return TRUE;
}

static int
column_index (GPtrArray  *header,
              const char *name)
{
  for (guint i = 0; i < header->len; i++)
    if (strcmp (g_ptr_array_index (header, i), name) == 0)
      return (int) i;
  return -1;
}

/* A field: {"column": NAME, "values": {…}, "default": …, "format": …}
 * or {"value": TEXT}; a plain string is a column name. */
static Field *
parse_field (JsonNode    *node,
             const char  *path,
             GPtrArray   *header,
             const char  *date_format,
             GError     **error)
{
  g_autoptr(Field) field = g_new0 (Field, 1);
  JsonObject *object;
  const char *column = NULL, *value = NULL, *format = NULL;

  field->path = g_strdup (path);
  field->column = -1;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    column = json_node_get_string (node);
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      object = json_node_get_object (node);
      if (!get_string (object, path, "column", &column, error)
          || !get_string (object, path, "value", &value, error)
          || !get_string (object, path, "format", &format, error))
        return NULL;
      if (json_object_has_member (object, "values"))
        {
          JsonNode *values = json_object_get_member (object, "values");

          if (!JSON_NODE_HOLDS_OBJECT (values))
            return map_error (error, path, "“values” must be an object"), NULL;
          field->values = json_object_ref (json_node_get_object (values));
        }
      if (json_object_has_member (object, "default"))
        {
          const char *fallback;

          if (!get_string (object, path, "default", &fallback, error))
            return NULL;
          field->has_default = TRUE;
          field->default_value = g_strdup (fallback);
        }
    }
  else
    return map_error (error, path, "must be a column name or an object"), NULL;

  if ((column == NULL) == (value == NULL))
    return map_error (error, path, "give either “column” or “value”"), NULL;
  if (column != NULL)
    {
      field->column = column_index (header, column);
      if (field->column < 0)
        return map_error (error, path, "the table has no column “%s”", column), NULL;
      field->column_name = g_strdup (column);
    }
  field->value = g_strdup (value);
  field->date_format = g_strdup (format != NULL ? format : date_format);
  return g_steal_pointer (&field);
}

static void
index_add (GHashTable *index,
           char       *key,          /* owned */
           IisEntity  *entity)
{
  IisEntity *there = g_hash_table_lookup (index, key);

  /* Two entities under one key: ambiguous, marked by the index itself. */
  if (there != NULL && there != entity)
    g_hash_table_insert (index, key, index);
  else
    g_hash_table_insert (index, key, entity);
}

static char *
name_key (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  g_autofree char *folded = g_utf8_casefold (normal != NULL ? normal : text, -1);

  return g_strstrip (g_steal_pointer (&folded));
}

/* The index a match needs, over the catalog's entities. */
static void
build_index (End        *end,
             IisCatalog *catalog)
{
  g_autoptr(GListModel) entities = NULL;

  end->index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (end->match == MATCH_ID || end->match == MATCH_IDENTIFIER)
    return;
  entities = iis_catalog_list_entities (catalog, end->match == MATCH_NAME ? IIS_TYPE_ENTITY
                                                                          : IIS_TYPE_STATE);
  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(IisEntity) entity = g_list_model_get_item (entities, i);

      switch (end->match)
        {
        case MATCH_ALPHA2:
          if (iis_state_get_alpha2 (IIS_STATE (entity)) != NULL)
            index_add (end->index, g_ascii_strup (iis_state_get_alpha2 (IIS_STATE (entity)), -1), entity);
          break;
        case MATCH_ALPHA3:
          if (iis_state_get_alpha3 (IIS_STATE (entity)) != NULL)
            index_add (end->index, g_ascii_strup (iis_state_get_alpha3 (IIS_STATE (entity)), -1), entity);
          break;
        case MATCH_NUMERIC:
          if (iis_state_get_numeric (IIS_STATE (entity)) != 0)
            index_add (end->index, g_strdup_printf ("%u", iis_state_get_numeric (IIS_STATE (entity))), entity);
          break;
        case MATCH_NAME:
          {
            g_auto(GStrv) langs = iis_entity_dup_label_languages (entity);
            GListModel *names = iis_entity_get_other_names (entity);

            if (iis_entity_get_name (entity) != NULL)
              index_add (end->index, name_key (iis_entity_get_name (entity)), entity);
            for (guint l = 0; langs != NULL && langs[l] != NULL; l++)
              if (iis_entity_get_label (entity, langs[l]) != NULL)
                index_add (end->index, name_key (iis_entity_get_label (entity, langs[l])), entity);
            for (guint n = 0; names != NULL && n < g_list_model_get_n_items (names); n++)
              {
                g_autoptr(IisName) name = g_list_model_get_item (names, n);

                index_add (end->index, name_key (iis_name_get_text (name)), entity);
              }
            if (IIS_IS_ORGANIZATION (entity)
                && iis_organization_get_acronym (IIS_ORGANIZATION (entity)) != NULL)
              index_add (end->index,
                         name_key (iis_organization_get_acronym (IIS_ORGANIZATION (entity))), entity);
          }
          break;
        case MATCH_ID:
        case MATCH_IDENTIFIER:
        default:
          break;
        }
    }
}

static gboolean
parse_end (Map         *map,
           guint        which,
           JsonObject  *root,
           GPtrArray   *header,
           IisCatalog  *catalog,
           GError     **error)
{
  const char *name = which == 0 ? "subject" : "object";
  JsonNode *node = json_object_get_member (root, name);
  End *end = &map->ends[which];
  const char *match = NULL;

  if (node == NULL)
    return map_error (error, name, "missing: which column names the %s of the relations", name);
  end->field = parse_field (node, name, header, NULL, error);
  if (end->field == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_OBJECT (node)
      && !get_string (json_node_get_object (node), name, "match", &match, error))
    return FALSE;
  if (match == NULL || strcmp (match, "id") == 0)
    end->match = MATCH_ID;
  else if (strcmp (match, "alpha-2") == 0)
    end->match = MATCH_ALPHA2;
  else if (strcmp (match, "alpha-3") == 0)
    end->match = MATCH_ALPHA3;
  else if (strcmp (match, "numeric") == 0)
    end->match = MATCH_NUMERIC;
  else if (strcmp (match, "name") == 0)
    end->match = MATCH_NAME;
  else if (g_str_has_prefix (match, "identifier:") && match[strlen ("identifier:")] != '\0')
    {
      end->match = MATCH_IDENTIFIER;
      end->scheme = g_strdup (match + strlen ("identifier:"));
    }
  else
    return map_error (error, name, "unknown match “%s” (use id, alpha-2, alpha-3, numeric, "
                      "name or identifier:SCHEME)", match);
  build_index (end, catalog);
  return TRUE;
}

static gboolean
parse_map (Map         *map,
           const char  *text,
           GPtrArray   *header,
           IisCatalog  *catalog,
           GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  JsonObject *root;
  JsonArray *relations;
  JsonNode *node;
  const char *value;

  if (!json_parser_load_from_data (parser, text, -1, &local_error))
    {
      g_set_error (error, IIS_ERROR, IIS_ERROR_PARSE, "map: %s", local_error->message);
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return map_error (error, "(root)", "must be an object");
  root = json_node_get_object (json_parser_get_root (parser));

  if (!get_string (root, "format", "format", &value, error))
    return FALSE;
  if (g_strcmp0 (value, "libiis-table-map") != 0)
    return map_error (error, "format", "must be “libiis-table-map”");
  if (!get_string (root, "version", "version", &value, error))
    return FALSE;
  if (value == NULL || !g_str_has_prefix (value, "1."))
    return map_error (error, "version", "this library reads maps of version 1.x");

  if (!get_string (root, "delimiter", "delimiter", &value, error))
    return FALSE;
  map->delimiter = ',';
  if (value != NULL)
    {
      if (strlen (value) != 1 || value[0] == '"' || value[0] == '\n' || value[0] == '\r')
        return map_error (error, "delimiter", "must be one character other than a quote or a newline");
      map->delimiter = value[0];
    }

  map->missing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  node = json_object_get_member (root, "missing");
  if (node == NULL)
    {
      g_hash_table_add (map->missing, g_strdup (""));
      g_hash_table_add (map->missing, g_strdup ("NA"));
    }
  else if (!JSON_NODE_HOLDS_ARRAY (node))
    return map_error (error, "missing", "must be an array of strings");
  else
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
            return map_error (error, "missing", "element %u is not a string", i);
          g_hash_table_add (map->missing, g_strdup (json_node_get_string (element)));
        }
    }

  if (!get_string (root, "date-format", "date-format", &value, error))
    return FALSE;
  map->date_format = g_strdup (value);

  for (guint i = 0; i < 2; i++)
    if (!parse_end (map, i, root, header, catalog, error))
      return FALSE;

  node = json_object_get_member (root, "relations");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node)
      || json_array_get_length (json_node_get_array (node)) == 0)
    return map_error (error, "relations", "must be a non-empty array");
  relations = json_node_get_array (node);
  map->relations = g_ptr_array_new_with_free_func ((GDestroyNotify) relation_spec_free);
  for (guint i = 0; i < json_array_get_length (relations); i++)
    {
      JsonNode *element = json_array_get_element (relations, i);
      g_autofree char *path = g_strdup_printf ("relations[%u]", i);
      RelationSpec *spec;
      JsonObject *object;
      const char *fields[] = { "start", "end", "role" };

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return map_error (error, path, "must be an object");
      object = json_node_get_object (element);
      spec = g_new0 (RelationSpec, 1);
      spec->qualifier_keys = g_ptr_array_new_with_free_func (g_free);
      spec->qualifiers = g_ptr_array_new_with_free_func ((GDestroyNotify) field_free);
      g_ptr_array_add (map->relations, spec);
      if (!get_string (object, path, "kind", &value, error))
        return FALSE;
      if (value == NULL)
        return map_error (error, path, "“kind” is missing");
      spec->kind = iis_relation_kind_from_nick (value);
      if (spec->kind == IIS_RELATION_KIND_ANY)
        return map_error (error, path, "unknown relation kind “%s”", value);

      for (gsize f = 0; f < G_N_ELEMENTS (fields); f++)
        {
          JsonNode *field_node = json_object_get_member (object, fields[f]);
          g_autofree char *field_path = g_strdup_printf ("%s.%s", path, fields[f]);
          Field *field;

          if (field_node == NULL)
            continue;
          field = parse_field (field_node, field_path, header,
                               f < 2 ? map->date_format : NULL, error);
          if (field == NULL)
            return FALSE;
          if (f == 0)
            spec->start = field;
          else if (f == 1)
            spec->end = field;
          else
            spec->role = field;
        }

      node = json_object_get_member (object, "qualifiers");
      if (node != NULL)
        {
          JsonObjectIter iter;
          const char *key;
          JsonNode *qualifier;

          if (!JSON_NODE_HOLDS_OBJECT (node))
            return map_error (error, path, "“qualifiers” must be an object");
          json_object_iter_init (&iter, json_node_get_object (node));
          while (json_object_iter_next (&iter, &key, &qualifier))
            {
              g_autofree char *field_path = g_strdup_printf ("%s.qualifiers.%s", path, key);
              Field *field = parse_field (qualifier, field_path, header, NULL, error);

              if (field == NULL)
                return FALSE;
              g_ptr_array_add (spec->qualifier_keys, g_strdup (key));
              g_ptr_array_add (spec->qualifiers, field);
            }
        }
    }

  node = json_object_get_member (root, "source");
  if (node != NULL)
    {
      if (!JSON_NODE_HOLDS_OBJECT (node))
        return map_error (error, "source", "must be an object (title, url, publisher …)");
      {
        g_autoptr(JsonGenerator) generator = json_generator_new ();

        json_generator_set_root (generator, node);
        map->source = json_generator_to_data (generator, NULL);
      }
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Cells */

/* A date in a format of YYYY, MM and DD and literal characters
 * (“DD/MM/YYYY”, “YYYYMMDD”); NULL format: EDTF. */
static IisDate *
parse_date (const char  *text,
            const char  *format,
            GError     **error)
{
  guint year = 0, month = 0, day = 0;
  const char *t = text;

  if (format == NULL || strcmp (format, "edtf") == 0)
    return iis_date_parse (text, error);

  for (const char *f = format; *f != '\0';)
    {
      guint *target = NULL;
      guint width = 0;

      if (g_str_has_prefix (f, "YYYY"))
        target = &year, width = 4;
      else if (g_str_has_prefix (f, "MM"))
        target = &month, width = 2;
      else if (g_str_has_prefix (f, "DD"))
        target = &day, width = 2;
      if (target != NULL)
        {
          for (guint i = 0; i < width; i++)
            {
              if (!g_ascii_isdigit (t[i]))
                goto bad;
              *target = *target * 10 + (guint) (t[i] - '0');
            }
          t += width;
          f += width;
          continue;
        }
      if (*t != *f)
        goto bad;
      t++;
      f++;
    }
  if (*t != '\0')
    goto bad;
  return iis_date_new_checked (year, month, day, error);

bad:
  g_set_error (error, IIS_ERROR, IIS_ERROR_INVALID_VALUE,
               "“%s” is not a date in the format %s", text, format);
  return NULL;
}

typedef struct
{
  Row        *row;
  guint       number;      /* the data row, from 1 */
} Where;

static gboolean
cell_error (GError      **error,
            const Where  *where,
            const Field  *field,
            const char   *format,
            ...) G_GNUC_PRINTF (4, 5);

static gboolean
cell_error (GError      **error,
            const Where  *where,
            const Field  *field,
            const char   *format,
            ...)
{
  g_autofree char *location =
    g_strdup_printf ("row %u (line %u), column “%s”", where->number, where->row->line,
                     field->column_name != NULL ? field->column_name : field->path);
  va_list args;

  va_start (args, format);
  located_error_va (error, location, format, args);
  va_end (args);
  return FALSE;
}

/* The value of @field in the row: NULL when missing. FALSE on error
 * (a value the field's table does not know). */
static gboolean
field_value (const Map    *map,
             const Field  *field,
             const Where  *where,
             const char  **value,
             GError      **error)
{
  const char *raw;

  *value = NULL;
  if (field == NULL)
    return TRUE;
  if (field->column < 0)
    {
      *value = field->value;
      return TRUE;
    }
  raw = (guint) field->column < where->row->cells->len
    ? g_ptr_array_index (where->row->cells, field->column) : "";
  if (g_hash_table_contains (map->missing, raw))
    return TRUE;
  if (field->values == NULL)
    {
      *value = raw;
      return TRUE;
    }
  if (json_object_has_member (field->values, raw))
    {
      JsonNode *node = json_object_get_member (field->values, raw);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        *value = json_node_get_string (node);
      return TRUE;
    }
  if (field->has_default)
    {
      *value = field->default_value;
      return TRUE;
    }
  return cell_error (error, where, field, "“%s” is not one of the values the map lists", raw);
}

/* The entity a cell names, or NULL with *why set. */
static IisEntity *
match_end (IisCatalog  *catalog,
           const End   *end,
           const char  *value,
           const char **why)
{
  IisEntity *entity = NULL;
  g_autofree char *key = NULL;

  switch (end->match)
    {
    case MATCH_ID:
      entity = iis_catalog_lookup (catalog, value);
      break;
    case MATCH_IDENTIFIER:
      entity = iis_catalog_find_by_identifier (catalog, end->scheme, value);
      break;
    case MATCH_NUMERIC:
      {
        guint64 number;

        if (g_ascii_string_to_unsigned (value, 10, 1, 999, &number, NULL))
          key = g_strdup_printf ("%u", (guint) number);
      }
      break;
    case MATCH_NAME:
      key = name_key (value);
      break;
    case MATCH_ALPHA2:
    case MATCH_ALPHA3:
    default:
      key = g_ascii_strup (value, -1);
      break;
    }
  if (key != NULL)
    entity = g_hash_table_lookup (end->index, key);
  if (entity == (gpointer) end->index)
    {
      *why = "names several entities";
      return NULL;
    }
  if (entity == NULL)
    *why = "matches no entity";
  return entity;
}

/* The document is written as text, not built as a JsonNode tree: for a
 * large table the tree and its generator cost more than the rest of the
 * import together. */
static void
append_json_string (GString    *out,
                    const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
        }
      else if ((guchar) *p < 0x20)
        g_string_append_printf (out, "\\u%04x", (guint) (guchar) *p);
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_member (GString    *out,
               const char *name,
               const char *value)
{
  g_string_append (out, ", ");
  append_json_string (out, name);
  g_string_append (out, ": ");
  append_json_string (out, value);
}

static void
append_date_member (GString       *out,
                    const char    *name,
                    const IisDate *date)
{
  g_autofree char *text = iis_date_to_string (date);

  append_member (out, name, text);
}

/* One row: its relations appended to @out, or a line in @unmatched. */
static gboolean
convert_row (const Map    *map,
             IisCatalog   *catalog,
             const Where  *where,
             GString      *out,
             GPtrArray    *unmatched,
             gboolean     *needs_1_1,
             guint        *n_relations,
             GError      **error)
{
  IisEntity *ends[2];

  for (guint i = 0; i < 2; i++)
    {
      const char *value, *why = NULL;

      if (!field_value (map, map->ends[i].field, where, &value, error))
        return FALSE;
      if (value == NULL)
        {
          g_ptr_array_add (unmatched,
                           g_strdup_printf ("row %u (line %u), column “%s”: no value",
                                            where->number, where->row->line,
                                            map->ends[i].field->column_name));
          return TRUE;
        }
      ends[i] = match_end (catalog, &map->ends[i], value, &why);
      if (ends[i] == NULL)
        {
          g_ptr_array_add (unmatched,
                           g_strdup_printf ("row %u (line %u), column “%s”: “%s” %s",
                                            where->number, where->row->line,
                                            map->ends[i].field->column_name != NULL
                                              ? map->ends[i].field->column_name
                                              : map->ends[i].field->path,
                                            value, why));
          return TRUE;
        }
    }

  for (guint r = 0; r < map->relations->len; r++)
    {
      RelationSpec *spec = g_ptr_array_index (map->relations, r);
      g_autoptr(IisDate) start = NULL;
      g_autoptr(IisDate) end = NULL;
      const char *start_text, *end_text, *role;
      g_autoptr(GError) date_error = NULL;

      if (!field_value (map, spec->start, where, &start_text, error)
          || !field_value (map, spec->end, where, &end_text, error)
          || !field_value (map, spec->role, where, &role, error))
        return FALSE;
      /* A relation whose start comes from a column is in the row when
       * that column has a value: a signature without a signature date
       * is no signature. */
      if (spec->start != NULL && spec->start->column >= 0 && start_text == NULL)
        continue;
      if (start_text != NULL
          && (start = parse_date (start_text, spec->start->date_format, &date_error)) == NULL)
        return cell_error (error, where, spec->start, "%s", date_error->message);
      if (end_text != NULL
          && (end = parse_date (end_text, spec->end->date_format, &date_error)) == NULL)
        return cell_error (error, where, spec->end, "%s", date_error->message);
      if (!iis_relation_kind_allows (spec->kind, G_OBJECT_TYPE (ends[0]), G_OBJECT_TYPE (ends[1])))
        {
          g_set_error (error, IIS_ERROR, IIS_ERROR_TYPE_MISMATCH,
                       "row %u (line %u): a %s relation cannot join the %s “%s” to the %s “%s”",
                       where->number, where->row->line,
                       iis_relation_kind_to_nick (spec->kind),
                       iis_entity_get_type_nick (ends[0]), iis_entity_get_id (ends[0]),
                       iis_entity_get_type_nick (ends[1]), iis_entity_get_id (ends[1]));
          return FALSE;
        }

      *needs_1_1 = *needs_1_1 || spec->kind >= IIS_RELATION_KIND_FIRST_1_1
        || (start != NULL && !iis_date_is_exact (start))
        || (end != NULL && !iis_date_is_exact (end));

      g_string_append (out, *n_relations > 0 ? ",\n    { \"kind\": " : "\n    { \"kind\": ");
      append_json_string (out, iis_relation_kind_to_nick (spec->kind));
      append_member (out, "subject", iis_entity_get_id (ends[0]));
      append_member (out, "object", iis_entity_get_id (ends[1]));
      if (role != NULL)
        append_member (out, "role", role);
      if (start != NULL)
        append_date_member (out, "start", start);
      if (end != NULL)
        append_date_member (out, "end", end);
      if (spec->qualifiers->len > 0)
        {
          gboolean opened = FALSE;

          for (guint q = 0; q < spec->qualifiers->len; q++)
            {
              Field *field = g_ptr_array_index (spec->qualifiers, q);
              const char *value;

              if (!field_value (map, field, where, &value, error))
                return FALSE;
              if (value == NULL)
                continue;
              g_string_append (out, opened ? ", " : ", \"qualifiers\": { ");
              opened = TRUE;
              append_json_string (out, g_ptr_array_index (spec->qualifier_keys, q));
              g_string_append (out, ": ");
              append_json_string (out, value);
            }
          if (opened)
            g_string_append (out, " }");
        }
      if (map->source != NULL)
        g_string_append_printf (out, ", \"sources\": [ %s ]", map->source);
      g_string_append (out, " }");
      (*n_relations)++;
    }
  return TRUE;
}

/**
 * iis_catalog_convert_table:
 * @self: a catalog, whose entities the table's rows name
 * @map: a column map: a JSON document (see the interoperability guide)
 * @data: (array length=length) (element-type guint8): the table, CSV in
 *   UTF-8 with a header row
 * @length: the length of @data in bytes, or -1 if it is NUL-terminated
 * @unmatched: (out) (optional) (transfer full) (array zero-terminated=1):
 *   return location for one message per row whose subject or object
 *   names no entity of @self (or several); those rows are left out
 * @error: return location for an error
 *
 * Reads a table of relations, such as a membership table that lists for
 * each state and agreement the dates of signature, ratification and
 * entry into force, through a column map that says which columns name
 * the two ends of the relations and which give their dates, roles and
 * qualifiers, and returns the relations as a catalog document (the JSON
 * file format) that refers to the entities of @self by id. @self is not
 * changed; [method@Iis.Catalog.import_table] adds the relations.
 *
 * Errors (%IIS_ERROR_PARSE, %IIS_ERROR_INVALID_VALUE,
 * %IIS_ERROR_TYPE_MISMATCH) name the row, its line and the column, or
 * the member of the map, that is wrong.
 *
 * Returns: (transfer full) (nullable): the catalog document, or %NULL
 *   on error
 *
 * Since: 1.1
 */
char *
iis_catalog_convert_table (IisCatalog   *self,
                           const char   *map,
                           const char   *data,
                           gssize        length,
                           char       ***unmatched,
                           GError      **error)
{
  g_auto(Map) spec = { 0, };
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) misses = NULL;
  g_autoptr(GString) relations = NULL;
  g_autoptr(JsonParser) peek = NULL;
  GPtrArray *header;
  gboolean needs_1_1 = FALSE;
  guint n_relations = 0;
  char delimiter = ',';
  char *text;

  g_return_val_if_fail (IIS_IS_CATALOG (self), NULL);
  g_return_val_if_fail (map != NULL, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (unmatched == NULL || *unmatched == NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length < 0)
    length = (gssize) strlen (data);

  /* The delimiter first: the map's columns are checked against the
   * header. */
  peek = json_parser_new ();
  if (json_parser_load_from_data (peek, map, -1, NULL)
      && JSON_NODE_HOLDS_OBJECT (json_parser_get_root (peek)))
    {
      JsonObject *object = json_node_get_object (json_parser_get_root (peek));
      const char *value = NULL;

      if (get_string (object, "delimiter", "delimiter", &value, NULL)
          && value != NULL && strlen (value) == 1)
        delimiter = value[0];
    }

  rows = parse_csv (data, (gsize) length, delimiter, error);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      g_set_error (error, IIS_ERROR, IIS_ERROR_PARSE, "the table is empty: it has no header row");
      return NULL;
    }
  header = ((Row *) g_ptr_array_index (rows, 0))->cells;
  if (!parse_map (&spec, map, header, self, error))
    return NULL;

  misses = g_ptr_array_new_with_free_func (g_free);
  relations = g_string_new (NULL);
  for (guint i = 1; i < rows->len; i++)
    {
      Where where = { g_ptr_array_index (rows, i), i };

      if (!convert_row (&spec, self, &where, relations, misses, &needs_1_1, &n_relations, error))
        return NULL;
    }

  /* The members in the order the writer puts them. */
  text = g_strdup_printf ("{\n  \"format\": \"libiis-catalog\",\n  \"version\": \"%s\",\n"
                          "  \"entities\": [],\n  \"relations\": [%s%s]\n}\n",
                          needs_1_1 ? "1.1" : "1.0", relations->str, n_relations > 0 ? "\n  " : "");

  if (unmatched != NULL)
    {
      g_ptr_array_add (misses, NULL);
      *unmatched = (char **) g_ptr_array_free (g_steal_pointer (&misses), FALSE);
    }
  return text;
}

/**
 * iis_catalog_import_table:
 * @self: a catalog
 * @map: a column map: a JSON document (see the interoperability guide)
 * @data: (array length=length) (element-type guint8): the table, CSV in
 *   UTF-8 with a header row
 * @length: the length of @data in bytes, or -1 if it is NUL-terminated
 * @unmatched: (out) (optional) (transfer full) (array zero-terminated=1):
 *   return location for one message per row whose subject or object
 *   names no entity of @self (or several); those rows are left out
 * @error: return location for an error
 *
 * Adds the relations of a table to @self, through a column map (see
 * [method@Iis.Catalog.convert_table]). All or nothing: when this fails,
 * for any reason, @self is exactly as it was. Rows that name no entity
 * are not an error: they are left out and listed in @unmatched.
 *
 * Returns: %TRUE if the table was imported
 *
 * Since: 1.1
 */
gboolean
iis_catalog_import_table (IisCatalog   *self,
                          const char   *map,
                          const char   *data,
                          gssize        length,
                          char       ***unmatched,
                          GError      **error)
{
  g_auto(GStrv) misses = NULL;
  g_autofree char *document = NULL;

  g_return_val_if_fail (IIS_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (map != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (unmatched == NULL || *unmatched == NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  document = iis_catalog_convert_table (self, map, data, length, &misses, error);
  if (document == NULL)
    return FALSE;
  if (!iis_catalog_load_from_data (self, document, -1, error))
    return FALSE;
  if (unmatched != NULL)
    *unmatched = g_steal_pointer (&misses);
  return TRUE;
}
