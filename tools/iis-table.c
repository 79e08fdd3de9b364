/* iis-table.c: rows of named columns, printed as text, JSON or CSV
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * Every listing of `iis` is a CliTable: named columns (the field names
 * scripts see) and rows of text cells, a missing value being NULL.
 *
 * ```c
 * const char *columns[] = { "id", "name", NULL };
 * g_autoptr(CliTable) table = cli_table_new (columns);
 * guint row = cli_table_add_row (table);
 *
 * cli_table_set (table, row, "id", "UZ");
 * cli_table_set (table, row, "name", "Uzbekistan");
 * cli_table_print (table, CLI_FORMAT_TEXT);
 * ```
 *
 * - text: a header of the column names in capitals, then the rows, each
 *   column padded to its widest cell (by display width, so Cyrillic and
 *   CJK names line up), two spaces between columns;
 * - JSON: an array of objects, members in column order, missing values
 *   as null, numeric columns as numbers;
 * - CSV (RFC 4180): a header row of the column names, then the rows;
 *   fields quoted when they hold a comma, a quote or a line break.
 */

#include <string.h>

#include "iis-tool.h"

struct _CliTable
{
  GPtrArray *columns;    /* of char * */
  GArray    *numeric;    /* of gboolean, one per column */
  GArray    *hidden;     /* of gboolean, one per column: only to sort by */
  GPtrArray *rows;       /* of GPtrArray of char * (one per column, nullable) */
};

CliTable *
cli_table_new (const char * const *columns)
{
  CliTable *table = g_new0 (CliTable, 1);

  table->columns = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; columns[i] != NULL; i++)
    g_ptr_array_add (table->columns, g_strdup (columns[i]));
  table->numeric = g_array_new (FALSE, TRUE, sizeof (gboolean));
  g_array_set_size (table->numeric, table->columns->len);
  table->hidden = g_array_new (FALSE, TRUE, sizeof (gboolean));
  g_array_set_size (table->hidden, table->columns->len);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  return table;
}

void
cli_table_free (CliTable *table)
{
  if (table == NULL)
    return;
  g_ptr_array_unref (table->rows);
  g_array_unref (table->numeric);
  g_array_unref (table->hidden);
  g_ptr_array_unref (table->columns);
  g_free (table);
}

static int
column_index (CliTable   *table,
              const char *column)
{
  for (guint i = 0; i < table->columns->len; i++)
    if (strcmp (g_ptr_array_index (table->columns, i), column) == 0)
      return (int) i;
  return -1;
}

void
cli_table_set_numeric (CliTable   *table,
                       const char *column)
{
  int index = column_index (table, column);

  g_return_if_fail (index >= 0);
  g_array_index (table->numeric, gboolean, index) = TRUE;
}

/* A hidden column is filled and sorted by, never printed. */
void
cli_table_set_hidden (CliTable   *table,
                      const char *column)
{
  int index = column_index (table, column);

  g_return_if_fail (index >= 0);
  g_array_index (table->hidden, gboolean, index) = TRUE;
}

static gboolean
is_hidden (CliTable *table,
           guint     column)
{
  return g_array_index (table->hidden, gboolean, column);
}

guint
cli_table_get_n_rows (CliTable *table)
{
  return table->rows->len;
}

guint
cli_table_add_row (CliTable *table)
{
  GPtrArray *cells = g_ptr_array_new_full (table->columns->len, g_free);

  g_ptr_array_set_size (cells, (int) table->columns->len);
  g_ptr_array_add (table->rows, cells);
  return table->rows->len - 1;
}

void
cli_table_take (CliTable   *table,
                guint       row,
                const char *column,
                char       *value)
{
  int index = column_index (table, column);
  GPtrArray *cells;

  g_return_if_fail (row < table->rows->len);
  if (index < 0)
    {
      g_free (value);
      g_return_if_reached ();
    }

  cells = g_ptr_array_index (table->rows, row);
  g_free (g_ptr_array_index (cells, index));
  g_ptr_array_index (cells, index) = value;
}

void
cli_table_set (CliTable   *table,
               guint       row,
               const char *column,
               const char *value)
{
  cli_table_take (table, row, column, g_strdup (value));
}

const char *
cli_table_get (CliTable   *table,
               guint       row,
               const char *column)
{
  int index = column_index (table, column);
  GPtrArray *cells;

  g_return_val_if_fail (row < table->rows->len, NULL);
  g_return_val_if_fail (index >= 0, NULL);

  cells = g_ptr_array_index (table->rows, row);
  return g_ptr_array_index (cells, index);
}

typedef struct
{
  int      column;
  gboolean descending;
  gboolean numeric;
} SortKey;

static int
compare_cells (const char *a,
               const char *b,
               gboolean    numeric)
{
  /* Missing values go last. */
  if (a == NULL || b == NULL)
    return (a == NULL) - (b == NULL);

  if (numeric)
    {
      gint64 x = g_ascii_strtoll (a, NULL, 10);
      gint64 y = g_ascii_strtoll (b, NULL, 10);

      return (x > y) - (x < y);
    }

  return g_utf8_collate (a, b);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  char **x = (char **) (*(GPtrArray **) a)->pdata;
  char **y = (char **) (*(GPtrArray **) b)->pdata;
  GArray *keys = data;

  for (guint i = 0; i < keys->len; i++)
    {
      SortKey *key = &g_array_index (keys, SortKey, i);
      int result = compare_cells (x[key->column], y[key->column], key->numeric);

      if (result != 0)
        return key->descending && x[key->column] != NULL && y[key->column] != NULL
          ? -result : result;
    }

  return 0;
}

static char *
column_list (CliTable *table)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < table->columns->len; i++)
    {
      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, g_ptr_array_index (table->columns, i));
    }
  return g_string_free (text, FALSE);
}

/* Sorts by the comma-separated columns of @spec, each optionally
 * prefixed with "-" for descending order. The sort is stable. */
gboolean
cli_table_sort (CliTable    *table,
                const char  *spec,
                GError     **error)
{
  g_auto(GStrv) names = g_strsplit (spec, ",", -1);
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (SortKey));

  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *name = g_strstrip (names[i]);
      SortKey key = { 0, };

      if (name[0] == '-' || name[0] == '+')
        {
          key.descending = name[0] == '-';
          name++;
        }
      key.column = column_index (table, name);
      if (key.column < 0)
        {
          g_autofree char *columns = column_list (table);

          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       "Cannot sort by “%s”: not a field of the output (%s)",
                       name, columns);
          return FALSE;
        }
      key.numeric = g_array_index (table->numeric, gboolean, key.column);
      g_array_append_val (keys, key);
    }

  g_ptr_array_sort_with_data (table->rows, compare_rows, keys);
  return TRUE;
}

static guint
display_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }

  return width;
}

/* A cell on one line. */
static char *
flatten (const char *value)
{
  char *text = g_strdup (value != NULL ? value : "");

  for (char *p = text; *p != '\0'; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';
  return text;
}

void
cli_table_print_text (CliTable *table,
                      guint     indent,
                      gboolean  header)
{
  guint n = table->columns->len;
  g_autofree guint *widths = g_new0 (guint, n);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  if (header)
    {
      char **cells = g_new0 (char *, n + 1);

      for (guint c = 0; c < n; c++)
        cells[c] = g_ascii_strup (g_ptr_array_index (table->columns, c), -1);
      g_ptr_array_add (lines, cells);
    }
  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = (char **) ((GPtrArray *) g_ptr_array_index (table->rows, r))->pdata;
      char **cells = g_new0 (char *, n + 1);

      for (guint c = 0; c < n; c++)
        {
          g_autofree char *flat = flatten (row[c]);

          /* Nothing from the catalog may act on the terminal. */
          cells[c] = cli_escape (flat, FALSE);
        }
      g_ptr_array_add (lines, cells);
    }

  for (guint l = 0; l < lines->len; l++)
    {
      char **cells = g_ptr_array_index (lines, l);

      for (guint c = 0; c < n; c++)
        widths[c] = MAX (widths[c], display_width (cells[c]));
    }

  for (guint l = 0; l < lines->len; l++)
    {
      char **cells = g_ptr_array_index (lines, l);
      GString *line = g_string_new (NULL);
      gboolean first = TRUE;

      g_string_append_printf (line, "%*s", (int) indent, "");
      for (guint c = 0; c < n; c++)
        {
          if (is_hidden (table, c))
            continue;
          if (!first)
            g_string_append (line, "  ");
          first = FALSE;
          g_string_append (line, cells[c]);
          for (guint w = display_width (cells[c]); w < widths[c]; w++)
            g_string_append_c (line, ' ');
        }
      /* No trailing blanks when the last cells are empty. */
      while (line->len > 0 && line->str[line->len - 1] == ' ')
        g_string_truncate (line, line->len - 1);
      g_string_append_c (line, '\n');
      cli_out (line->str);
      g_string_free (line, TRUE);
    }
}

JsonNode *
cli_table_to_json (CliTable *table)
{
  JsonArray *array = json_array_new ();
  JsonNode *root = json_node_new (JSON_NODE_ARRAY);

  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = (char **) ((GPtrArray *) g_ptr_array_index (table->rows, r))->pdata;
      JsonObject *object = json_object_new ();

      for (guint c = 0; c < table->columns->len; c++)
        {
          const char *name = g_ptr_array_index (table->columns, c);
          char *end = NULL;
          gint64 number;

          if (is_hidden (table, c))
            continue;
          if (row[c] == NULL)
            json_object_set_null_member (object, name);
          else if (g_array_index (table->numeric, gboolean, c)
                   && (number = g_ascii_strtoll (row[c], &end, 10), end != row[c] && *end == '\0'))
            json_object_set_int_member (object, name, number);
          else
            json_object_set_string_member (object, name, row[c]);
        }
      json_array_add_object_element (array, object);
    }

  json_node_take_array (root, array);
  return root;
}

static gboolean csv_safe;

/* With @safe, CSV cells that a spreadsheet would take for a formula
 * (starting with =, +, -, @, a tab or a carriage return) get a leading
 * apostrophe, as OWASP advises against CSV injection. Off by default:
 * CSV output is data for scripts, which want the value as it is. */
void
cli_table_set_csv_safe (gboolean safe)
{
  csv_safe = safe;
}

/* A CSV field, quoted when it needs to be. */
char *
cli_csv_field (const char *value)
{
  g_autofree char *guarded = NULL;
  GString *text;

  if (value == NULL)
    return g_strdup ("");
  if (csv_safe && value[0] != '\0' && strchr ("=+-@\t\r", value[0]) != NULL)
    value = guarded = g_strconcat ("'", value, NULL);
  if (strpbrk (value, ",\"\r\n") == NULL)
    return g_strdup (value);

  text = g_string_new ("\"");
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (text, '"');
      g_string_append_c (text, *p);
    }
  g_string_append_c (text, '"');
  return g_string_free (text, FALSE);
}

static void
print_csv_line (CliTable           *table,
                const char * const *cells)
{
  GString *line = g_string_new (NULL);
  gboolean first = TRUE;

  for (guint c = 0; c < table->columns->len; c++)
    {
      g_autofree char *field = NULL;

      if (is_hidden (table, c))
        continue;
      field = cli_csv_field (cells[c]);
      if (!first)
        g_string_append_c (line, ',');
      first = FALSE;
      g_string_append (line, field);
    }
  g_string_append_c (line, '\n');
  cli_out (line->str);
  g_string_free (line, TRUE);
}

void
cli_table_print (CliTable  *table,
                 CliFormat  format)
{
  switch (format)
    {
    case CLI_FORMAT_JSON:
      {
        g_autoptr(JsonNode) root = cli_table_to_json (table);

        cli_print_json (root);
      }
      break;

    case CLI_FORMAT_CSV:
      print_csv_line (table, (const char * const *) table->columns->pdata);
      for (guint r = 0; r < table->rows->len; r++)
        print_csv_line (table, (const char * const *) ((GPtrArray *) g_ptr_array_index (table->rows, r))->pdata);
      break;

    case CLI_FORMAT_TEXT:
    default:
      cli_table_print_text (table, 0, TRUE);
      break;
    }
}
