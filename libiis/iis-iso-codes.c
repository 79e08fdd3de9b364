/* iis-iso-codes.c: states from the bundled ISO 3166-1 table
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * The table is generated at build time from Debian's iso-codes by
 * build-aux/gen-states.py and compiled into the library as the resource
 * /org/libiis/Iis/iso-3166-1.json (see data/meson.build and
 * docs/bundled-catalog.md): iso-codes is not needed at run time.
 *
 * Every entry of the table is a state entity in the libiis file format.
 * The first call parses the table once and keeps, for each state, its
 * entity object serialized back to JSON, indexed by alpha-2, alpha-3 and
 * three-digit numeric code. iis_state_new_from_iso_code() then reads that
 * one object with the library's own reader, so a state made from a code
 * is exactly the state the bundled catalog holds. After the first call
 * the index is read-only, so any thread may use it.
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "iis-catalog.h"
#include "iis-error.h"
#include "iis-state.h"

#include "iis-resources-private.h"

#define ISO_3166_1_RESOURCE "/org/libiis/Iis/iso-3166-1.json"

typedef struct
{
  /* code (upper case alpha-2 or alpha-3, or three digits) → serialized
   * entity object (owned by @objects) */
  GHashTable *by_code;
  GPtrArray  *objects;
  /* NULL when the table loaded, or why it did not */
  GError     *error;
} IsoTable;

static void
add_code (IsoTable   *table,
          const char *code,
          const char *object)
{
  if (code != NULL && code[0] != '\0')
    g_hash_table_insert (table->by_code, g_ascii_strup (code, -1), (gpointer) object);
}

static gboolean
parse_table (IsoTable  *table,
             GError   **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonNode *root;
  JsonObject *document;
  JsonArray *states;
  const char *data;
  gsize length;

  bytes = g_resource_lookup_data (_iis_get_resource (), ISO_3166_1_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &length);
  if (!json_parser_load_from_data (parser, data, (gssize) length, error))
    return FALSE;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      (document = json_node_get_object (root)) == NULL ||
      !json_object_has_member (document, "states") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (document, "states")))
    {
      g_set_error (error, IIS_ERROR, IIS_ERROR_PARSE,
                   "%s: no “states” array", ISO_3166_1_RESOURCE);
      return FALSE;
    }

  states = json_object_get_array_member (document, "states");
  for (guint i = 0; i < json_array_get_length (states); i++)
    {
      JsonNode *node = json_array_get_element (states, i);
      JsonObject *state;
      char *object;
      char numeric[8] = "";

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;

      state = json_node_get_object (node);
      object = json_to_string (node, FALSE);
      g_ptr_array_add (table->objects, object);

      add_code (table, json_object_get_string_member_with_default (state, "alpha-2", NULL), object);
      add_code (table, json_object_get_string_member_with_default (state, "alpha-3", NULL), object);
      if (json_object_has_member (state, "numeric"))
        {
          gint64 n = json_object_get_int_member (state, "numeric");

          if (n > 0 && n < 1000)
            {
              g_snprintf (numeric, sizeof numeric, "%03u", (guint) n);
              add_code (table, numeric, object);
            }
        }
    }

  return TRUE;
}

static const IsoTable *
get_table (void)
{
  static IsoTable *table;

  if (g_once_init_enter (&table))
    {
      IsoTable *t = g_new0 (IsoTable, 1);

      t->by_code = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      t->objects = g_ptr_array_new_with_free_func (g_free);
      if (!parse_table (t, &t->error))
        g_hash_table_remove_all (t->by_code);

      g_once_init_leave (&table, t);
    }

  return table;
}

/* The key of @code in the table: an alpha code in upper case, a numeric
 * code as three digits. NULL when @code has neither shape. */
static char *
normalize_code (const char *code)
{
  gsize len = strlen (code);
  gboolean alpha = TRUE, digits = TRUE;

  if (len == 0 || len > 3)
    return NULL;

  for (gsize i = 0; i < len; i++)
    {
      alpha = alpha && g_ascii_isalpha (code[i]);
      digits = digits && g_ascii_isdigit (code[i]);
    }

  if (alpha && len >= 2)
    return g_ascii_strup (code, -1);
  if (digits)
    return g_strdup_printf ("%03u", (guint) g_ascii_strtoull (code, NULL, 10));

  return NULL;
}

/**
 * iis_state_new_from_iso_code:
 * @code: an ISO 3166-1 code: alpha-2 (`"UZ"`), alpha-3 (`"UZB"`) or
 *   numeric (`"860"`); letters in either case, numeric codes with or
 *   without leading zeros (`"4"` and `"004"` are Afghanistan)
 * @error: return location for a #GError
 *
 * Creates a state from its ISO 3166-1 code, with the data of Debian's
 * iso-codes that the library bundles (read when the library was built;
 * iso-codes need not be installed at run time).
 *
 * The state's id is its alpha-2 code. Its name is the common name where
 * ISO 3166-1 has one ("Iran"), otherwise the short name; the short and
 * official names are other names (language `en`); the translated names
 * of the iso-codes gettext domain are its labels, under language tags
 * such as `ru`, `zh` (simplified Chinese), `uz`, `kk`, `az`, `hy` and
 * `fr`; its `iso3166-1` identifier is the alpha-2 code, and its source
 * cites iso-codes. The states of [ctor@Iis.Catalog.new_default] are made
 * the same way.
 *
 * ```c
 * g_autoptr(GError) error = NULL;
 * g_autoptr(IisState) uz = iis_state_new_from_iso_code ("UZB", &error);
 *
 * g_print ("%s: %s\n", iis_entity_get_id (IIS_ENTITY (uz)),
 *          iis_entity_get_label (IIS_ENTITY (uz), "ru"));   // UZ: Узбекистан
 * ```
 *
 * Returns: (transfer full): a new state, not in any catalog, or %NULL
 *   with @error set (%IIS_ERROR_INVALID_VALUE) when no state has @code
 *
 * Since: 1.0
 */
IisState *
iis_state_new_from_iso_code (const char  *code,
                             GError     **error)
{
  const IsoTable *table;
  g_autofree char *key = NULL;
  g_autofree char *document = NULL;
  g_autoptr(IisCatalog) catalog = NULL;
  g_autoptr(GListModel) states = NULL;
  const char *object;
  IisEntity *state;
  GError *local_error = NULL;

  g_return_val_if_fail (code != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  table = get_table ();
  if (table->error != NULL)
    {
      g_set_error (error, IIS_ERROR, IIS_ERROR_INVALID_VALUE,
                   "Cannot look up the ISO 3166-1 code “%s”: the bundled table is unusable: %s",
                   code, table->error->message);
      return NULL;
    }

  key = normalize_code (code);
  if (key == NULL)
    {
      g_set_error (error, IIS_ERROR, IIS_ERROR_INVALID_VALUE,
                   "“%s” is not an ISO 3166-1 code: expected two or three letters or up to three digits",
                   code);
      return NULL;
    }

  object = g_hash_table_lookup (table->by_code, key);
  if (object == NULL)
    {
      g_set_error (error, IIS_ERROR, IIS_ERROR_INVALID_VALUE,
                   "Unknown ISO 3166-1 code “%s”: no state has it", code);
      return NULL;
    }

  document = g_strconcat ("{\"format\":\"libiis-catalog\",\"version\":\"1.0\",\"entities\":[",
                          object, "]}", NULL);
  catalog = iis_catalog_new ();
  if (!iis_catalog_load_from_data (catalog, document, -1, &local_error))
    {
      g_set_error (error, IIS_ERROR, IIS_ERROR_INVALID_VALUE,
                   "Cannot make a state of the ISO 3166-1 code “%s”: %s",
                   code, local_error->message);
      g_clear_error (&local_error);
      return NULL;
    }

  states = iis_catalog_list_entities (catalog, IIS_TYPE_STATE);
  if (g_list_model_get_n_items (states) != 1)
    {
      g_set_error (error, IIS_ERROR, IIS_ERROR_INVALID_VALUE,
                   "Cannot make a state of the ISO 3166-1 code “%s”: the bundled table has no state for it",
                   code);
      return NULL;
    }

  state = g_list_model_get_item (states, 0);
  iis_catalog_remove_entity (catalog, state);

  return IIS_STATE (state);
}
