/* iis-cmd-list.c: `iis list` and `iis stats`
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * `iis list TYPE` lists the entities of a type, or the relations, as a
 * table whose columns are fields:
 *
 * ```sh
 * iis list organizations
 * iis list states --fields id,alpha-3,name --sort name
 * iis list relations kind=member-of object=sco role=member --at 2018-01-01
 * iis list agreements 'name=*Information Security*'
 * ```
 *
 * The fields of an entity are its properties as the file format names
 * them (`kind`, `founded`, `alpha-3` …) plus `id`, `type`, `name` (the
 * name in --lang or the locale), `part-of` (alias `broader`: the ids of
 * the wholes it is directly part of), `identifier:SCHEME` and
 * `label:LANG`. `iis stats` counts entities by type and relations by
 * kind.
 */

#include <string.h>

#include "iis-tool.h"

typedef struct
{
  const char *names[4];      /* what the user may type */
  GType     (*get_type) (void);
  const char *default_fields;
} ListType;

static GType
relation_marker_get_type (void)
{
  return G_TYPE_NONE;
}

static const ListType list_types[] = {
  { { "states", "state", NULL }, iis_state_get_type, "id,alpha-3,name" },
  { { "organizations", "organization", "organisations", NULL }, iis_organization_get_type,
    "id,acronym,kind,founded,name" },
  { { "agreements", "agreement", NULL }, iis_agreement_get_type, "id,kind,status,adopted,name" },
  { { "forums", "forum", NULL }, iis_forum_get_type, "id,kind,start,city,name" },
  { { "threats", "threat-categories", "threat-category", NULL }, iis_threat_category_get_type,
    "id,broader,name" },
  { { "entities", "all", NULL }, iis_entity_get_type, "id,type,name" },
  { { "relations", "relation", NULL }, relation_marker_get_type,
    "kind,subject,object,role,start,end" },
};

static const char * const relation_fields[] = {
  "kind", "subject", "object", "subject-name", "object-name", "subject-type",
  "object-type", "role", "start", "end", "confidence", "sources", NULL
};

static const char * const entity_pseudo_fields[] = {
  "id", "type", "name", "part-of", "broader", "sources", NULL
};

static GType concrete_types[5];

static void
init_concrete_types (void)
{
  concrete_types[0] = IIS_TYPE_STATE;
  concrete_types[1] = IIS_TYPE_ORGANIZATION;
  concrete_types[2] = IIS_TYPE_AGREEMENT;
  concrete_types[3] = IIS_TYPE_FORUM;
  concrete_types[4] = IIS_TYPE_THREAT_CATEGORY;
}

static const ListType *
find_list_type (const char *name)
{
  for (gsize i = 0; i < G_N_ELEMENTS (list_types); i++)
    for (gsize k = 0; list_types[i].names[k] != NULL; k++)
      if (strcmp (list_types[i].names[k], name) == 0)
        return &list_types[i];
  return NULL;
}

static gboolean
type_has_property (GType       type,
                   const char *name)
{
  GObjectClass *klass = g_type_class_ref (type);
  gboolean found = g_object_class_find_property (klass, name) != NULL;

  g_type_class_unref (klass);
  return found;
}

static gboolean
is_relation_field (const char *field)
{
  return g_strv_contains (relation_fields, field)
    || (g_str_has_prefix (field, "qualifier:") && field[10] != '\0');
}

static gboolean
is_entity_field (GType       type,
                 const char *field)
{
  if (g_strv_contains (entity_pseudo_fields, field))
    return TRUE;
  if ((g_str_has_prefix (field, "identifier:") && field[11] != '\0')
      || (g_str_has_prefix (field, "label:") && field[6] != '\0'))
    return TRUE;
  if (type != IIS_TYPE_ENTITY)
    return type_has_property (type, field);

  for (gsize i = 0; i < G_N_ELEMENTS (concrete_types); i++)
    if (type_has_property (concrete_types[i], field))
      return TRUE;
  return FALSE;
}

/* The fields of a type, for messages. */
static char *
field_list (GType type)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) fields = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (type == G_TYPE_NONE)
    {
      g_strv_builder_addv (builder, (const char **) relation_fields);
      g_strv_builder_add (builder, "qualifier:KEY");
    }
  else
    {
      for (gsize t = 0; t < G_N_ELEMENTS (concrete_types) + 1; t++)
        {
          GType each = t == 0 ? type : concrete_types[t - 1];
          GObjectClass *klass;
          GParamSpec **pspecs;
          guint n;

          if (t > 0 && type != IIS_TYPE_ENTITY)
            break;
          klass = g_type_class_ref (each);
          pspecs = g_object_class_list_properties (klass, &n);
          for (guint i = 0; i < n; i++)
            if (g_hash_table_add (seen, (gpointer) pspecs[i]->name)
                && !g_strv_contains (entity_pseudo_fields, pspecs[i]->name))
              g_strv_builder_add (builder, pspecs[i]->name);
          g_free (pspecs);
          g_type_class_unref (klass);
        }
      g_strv_builder_addv (builder, (const char **) entity_pseudo_fields);
      g_strv_builder_add (builder, "identifier:SCHEME");
      g_strv_builder_add (builder, "label:LANG");
    }

  fields = g_strv_builder_end (builder);
  return g_strjoinv (", ", fields);
}

static char *
ids_of (GListModel *model)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;
  guint n = g_list_model_get_n_items (model);

  if (n == 0)
    return NULL;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IisEntity) entity = g_list_model_get_item (model, i);

      g_strv_builder_add (builder, iis_entity_get_id (entity));
    }
  ids = g_strv_builder_end (builder);
  return g_strjoinv ("; ", ids);
}

/* The value of one field of an entity, as `iis list` shows it (also
 * for `iis export --format csv --entities`). */
char *
cli_entity_field (CliContext *ctx,
                  IisCatalog *catalog,
                  IisEntity  *entity,
                  const char *field)
{
  if (strcmp (field, "id") == 0)
    return g_strdup (iis_entity_get_id (entity));
  if (strcmp (field, "type") == 0)
    return g_strdup (iis_entity_get_type_nick (entity));
  if (strcmp (field, "name") == 0)
    return g_strdup (cli_entity_label (ctx, entity));
  if (strcmp (field, "part-of") == 0 || strcmp (field, "broader") == 0)
    {
      g_autoptr(GListModel) wholes = iis_catalog_get_wholes (catalog, entity, FALSE);

      return ids_of (wholes);
    }
  if (strcmp (field, "sources") == 0)
    return g_strdup_printf ("%u", g_list_model_get_n_items (iis_entity_get_sources (entity)));
  if (g_str_has_prefix (field, "identifier:"))
    return g_strdup (iis_entity_get_identifier (entity, field + strlen ("identifier:")));
  if (g_str_has_prefix (field, "label:"))
    return g_strdup (iis_entity_get_label (entity, field + strlen ("label:")));

  return cli_entity_property (entity, field);
}

static char *
relation_field (CliContext  *ctx,
                IisRelation *relation,
                const char  *field)
{
  IisEntity *subject = iis_relation_get_subject (relation);
  IisEntity *object = iis_relation_get_object (relation);

  if (strcmp (field, "kind") == 0)
    return g_strdup (iis_relation_kind_to_nick (iis_relation_get_kind (relation)));
  if (strcmp (field, "subject") == 0)
    return g_strdup (iis_entity_get_id (subject));
  if (strcmp (field, "object") == 0)
    return g_strdup (iis_entity_get_id (object));
  if (strcmp (field, "subject-name") == 0)
    return g_strdup (cli_entity_label (ctx, subject));
  if (strcmp (field, "object-name") == 0)
    return g_strdup (cli_entity_label (ctx, object));
  if (strcmp (field, "subject-type") == 0)
    return g_strdup (iis_entity_get_type_nick (subject));
  if (strcmp (field, "object-type") == 0)
    return g_strdup (iis_entity_get_type_nick (object));
  if (strcmp (field, "role") == 0)
    return g_strdup (iis_relation_get_role (relation));
  if (strcmp (field, "start") == 0)
    return cli_date_string (iis_relation_get_start (relation));
  if (strcmp (field, "end") == 0)
    return cli_date_string (iis_relation_get_end (relation));
  if (strcmp (field, "confidence") == 0)
    return g_strdup (cli_enum_nick (IIS_TYPE_CONFIDENCE, (int) iis_relation_get_confidence (relation)));
  if (strcmp (field, "sources") == 0)
    return g_strdup_printf ("%u", g_list_model_get_n_items (iis_relation_get_sources (relation)));
  if (g_str_has_prefix (field, "qualifier:"))
    return g_strdup (iis_relation_get_qualifier (relation, field + strlen ("qualifier:")));

  return NULL;
}

typedef struct
{
  char         *field;
  char         *value;      /* "" matches a missing value */
  GPatternSpec *pattern;    /* when the value holds * or ? */
  gboolean      negate;
} Filter;

static void
filter_free (gpointer data)
{
  Filter *filter = data;

  g_free (filter->field);
  g_free (filter->value);
  g_clear_pointer (&filter->pattern, g_pattern_spec_free);
  g_free (filter);
}

static gboolean
filter_matches (Filter     *filter,
                const char *value)
{
  gboolean match;

  if (filter->value[0] == '\0')
    match = value == NULL || value[0] == '\0';
  else if (value == NULL)
    match = FALSE;
  else if (filter->pattern != NULL)
    match = g_pattern_spec_match_string (filter->pattern, value);
  else
    match = strcmp (filter->value, value) == 0;

  return filter->negate ? !match : match;
}

static gboolean
is_numeric_field (const char *field,
                  GType       type)
{
  if (strcmp (field, "sources") == 0)
    return TRUE;
  if (type == G_TYPE_NONE || strchr (field, ':') != NULL)
    return FALSE;

  for (gsize t = 0; t < G_N_ELEMENTS (concrete_types); t++)
    {
      GObjectClass *klass;
      GParamSpec *pspec;
      gboolean numeric = FALSE;

      if (!g_type_is_a (concrete_types[t], type))
        continue;
      klass = g_type_class_ref (concrete_types[t]);
      pspec = g_object_class_find_property (klass, field);
      if (pspec != NULL)
        {
          GType fundamental = G_TYPE_FUNDAMENTAL (pspec->value_type);

          numeric = fundamental == G_TYPE_UINT || fundamental == G_TYPE_INT
            || fundamental == G_TYPE_UINT64 || fundamental == G_TYPE_INT64;
        }
      g_type_class_unref (klass);
      if (numeric)
        return TRUE;
    }

  return FALSE;
}

static void
add_enum_nicks (GPtrArray *nicks,
                GType      enum_type)
{
  GEnumClass *klass = g_type_class_ref (enum_type);

  for (guint v = 0; v < klass->n_values; v++)
    if (!g_ptr_array_find_with_equal_func (nicks, klass->values[v].value_nick, g_str_equal, NULL))
      g_ptr_array_add (nicks, (gpointer) klass->values[v].value_nick);
  g_type_class_unref (klass);
}

/* The values a field of @type can take when they form a set (an
 * enumeration, an entity type), NULL-terminated; NULL for free text. */
static GPtrArray *
field_values (GType       type,
              const char *field)
{
  g_autoptr(GPtrArray) nicks = g_ptr_array_new ();

  if ((type == G_TYPE_NONE && (strcmp (field, "subject-type") == 0
                               || strcmp (field, "object-type") == 0))
      || (type != G_TYPE_NONE && strcmp (field, "type") == 0))
    {
      for (gsize t = 0; t < G_N_ELEMENTS (concrete_types); t++)
        g_ptr_array_add (nicks, (gpointer) iis_entity_type_to_nick (concrete_types[t]));
    }
  else if (type == G_TYPE_NONE && strcmp (field, "kind") == 0)
    add_enum_nicks (nicks, IIS_TYPE_RELATION_KIND);
  else if (type == G_TYPE_NONE && strcmp (field, "confidence") == 0)
    add_enum_nicks (nicks, IIS_TYPE_CONFIDENCE);
  else if (type != G_TYPE_NONE && strchr (field, ':') == NULL)
    {
      for (gsize t = 0; t < G_N_ELEMENTS (concrete_types); t++)
        {
          GObjectClass *klass;
          GParamSpec *pspec;

          if (!g_type_is_a (concrete_types[t], type))
            continue;
          klass = g_type_class_ref (concrete_types[t]);
          pspec = g_object_class_find_property (klass, field);
          if (pspec != NULL && G_IS_PARAM_SPEC_ENUM (pspec))
            add_enum_nicks (nicks, pspec->value_type);
          g_type_class_unref (klass);
        }
    }

  if (nicks->len == 0)
    return NULL;
  g_ptr_array_add (nicks, NULL);
  return g_steal_pointer (&nicks);
}

/* A filter on a field whose values form a set must name one of them:
 * kind=member_of would match nothing and print an empty table. */
static gboolean
check_filter_value (const CliCommand *command,
                    GType             type,
                    Filter           *filter,
                    int              *status)
{
  g_autoptr(GPtrArray) values = NULL;
  g_autofree char *list = NULL;
  const char *suggestion;

  if (filter->value[0] == '\0' || filter->pattern != NULL)
    return TRUE;
  values = field_values (type, filter->field);
  if (values == NULL || g_strv_contains ((const char * const *) values->pdata, filter->value))
    return TRUE;

  suggestion = cli_closest (filter->value, (const char * const *) values->pdata);
  list = g_strjoinv (", ", (char **) values->pdata);
  if (suggestion != NULL)
    *status = cli_usage_error (command, "unknown %s “%s”; did you mean “%s”? (values: %s)",
                               filter->field, filter->value, suggestion, list);
  else
    *status = cli_usage_error (command, "unknown %s “%s” (values: %s)",
                               filter->field, filter->value, list);
  return FALSE;
}

static char *fields_option;
static char *sort_option;
static char *at_option;

static const GOptionEntry list_entries[] = {
  { "fields", 0, 0, G_OPTION_ARG_STRING, &fields_option,
    "Comma-separated fields to show", "FIELDS" },
  { "sort", 0, 0, G_OPTION_ARG_STRING, &sort_option,
    "Sort by these fields (a leading - for descending order)", "FIELDS" },
  { "at", 0, 0, G_OPTION_ARG_STRING, &at_option,
    "Only relations that hold, or organizations that exist, at DATE", "DATE" },
  G_OPTION_ENTRY_NULL
};

static char *
type_names (void)
{
  GString *text = g_string_new (NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (list_types); i++)
    {
      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, list_types[i].names[0]);
    }
  return g_string_free (text, FALSE);
}

int
cli_cmd_list (CliContext       *ctx,
              const CliCommand *command,
              int               argc,
              char            **argv)
{
  g_autoptr(GOptionContext) context = cli_option_context_new (ctx, command, list_entries, TRUE);
  g_autoptr(GPtrArray) filters = g_ptr_array_new_with_free_func (filter_free);
  g_autoptr(CliTable) table = NULL;
  g_autoptr(IisDate) at = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) fields = NULL;
  g_auto(GStrv) columns = NULL;
  g_autoptr(GPtrArray) all_columns = NULL;
  const ListType *list_type;
  IisCatalog *catalog;
  GType type;
  int status = CLI_EXIT_OK;

  init_concrete_types ();

  if (!cli_parse_options (context, command, &argc, &argv, &status))
    return status;

  if (argc < 2)
    {
      g_autofree char *names = type_names ();

      return cli_usage_error (command, "no TYPE given (one of %s)", names);
    }

  list_type = find_list_type (argv[1]);
  if (list_type == NULL)
    {
      g_autofree char *names = type_names ();

      return cli_usage_error (command, "unknown type “%s” (use one of %s)", argv[1], names);
    }
  type = list_type->get_type ();

  fields = g_strsplit (fields_option != NULL ? fields_option : list_type->default_fields, ",", -1);
  for (guint i = 0; fields[i] != NULL; i++)
    {
      g_strstrip (fields[i]);
      if (type == G_TYPE_NONE ? !is_relation_field (fields[i]) : !is_entity_field (type, fields[i]))
        {
          g_autofree char *known = field_list (type);

          return cli_usage_error (command, "unknown field “%s” for %s (fields: %s)",
                                  fields[i], list_type->names[0], known);
        }
    }
  if (fields[0] == NULL)
    return cli_usage_error (command, "--fields names no field");

  for (int i = 2; i < argc; i++)
    {
      const char *eq = strchr (argv[i], '=');
      Filter *filter;

      if (eq == NULL || eq == argv[i] || (eq == argv[i] + 1 && argv[i][0] == '!'))
        return cli_usage_error (command, "“%s” is not a KEY=VALUE filter", argv[i]);

      filter = g_new0 (Filter, 1);
      filter->negate = eq[-1] == '!';
      filter->field = g_strndup (argv[i], (gsize) (eq - argv[i]) - (filter->negate ? 1 : 0));
      filter->value = g_strdup (eq + 1);
      if (strpbrk (filter->value, "*?") != NULL)
        filter->pattern = g_pattern_spec_new (filter->value);
      g_ptr_array_add (filters, filter);

      if (type == G_TYPE_NONE ? !is_relation_field (filter->field) : !is_entity_field (type, filter->field))
        {
          g_autofree char *known = field_list (type);

          return cli_usage_error (command, "unknown field “%s” in filter “%s” (fields: %s)",
                                  filter->field, argv[i], known);
        }
      if (!check_filter_value (command, type, filter, &status))
        return status;
    }

  if (at_option != NULL)
    {
      if (type != G_TYPE_NONE && type != IIS_TYPE_ORGANIZATION)
        return cli_usage_error (command, "--at applies to relations and organizations only");
      if (!cli_parse_date (at_option, &at, &status))
        return status;
    }

  catalog = cli_get_catalog (ctx, &status);
  if (catalog == NULL)
    return status;

  /* Fields to sort by that are not shown are filled in hidden columns. */
  all_columns = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; fields[i] != NULL; i++)
    g_ptr_array_add (all_columns, g_strdup (fields[i]));
  if (sort_option != NULL)
    {
      g_auto(GStrv) keys = g_strsplit (sort_option, ",", -1);

      for (guint i = 0; keys[i] != NULL; i++)
        {
          const char *key = g_strstrip (keys[i]);

          if (key[0] == '-' || key[0] == '+')
            key++;
          if (g_ptr_array_find_with_equal_func (all_columns, key, g_str_equal, NULL))
            continue;
          if (type == G_TYPE_NONE ? !is_relation_field (key) : !is_entity_field (type, key))
            {
              g_autofree char *known = field_list (type);

              return cli_usage_error (command, "cannot sort by “%s”: not a field of %s (fields: %s)",
                                      key, list_type->names[0], known);
            }
          g_ptr_array_add (all_columns, g_strdup (key));
        }
    }
  g_ptr_array_add (all_columns, NULL);
  columns = (char **) g_ptr_array_steal (all_columns, NULL);

  table = cli_table_new ((const char * const *) columns);
  for (guint i = 0; columns[i] != NULL; i++)
    {
      if (is_numeric_field (columns[i], type))
        cli_table_set_numeric (table, columns[i]);
      if (!g_strv_contains ((const char * const *) fields, columns[i]))
        cli_table_set_hidden (table, columns[i]);
    }

  if (type == G_TYPE_NONE)
    {
      g_autoptr(GListModel) relations = iis_catalog_list_relations (catalog, NULL,
                                                                    IIS_RELATION_KIND_ANY, NULL);
      guint n = g_list_model_get_n_items (relations);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(IisRelation) relation = g_list_model_get_item (relations, i);
          gboolean keep = at == NULL || iis_relation_holds_at (relation, at);
          guint row;

          for (guint f = 0; keep && f < filters->len; f++)
            {
              Filter *filter = g_ptr_array_index (filters, f);
              g_autofree char *value = relation_field (ctx, relation, filter->field);

              keep = filter_matches (filter, value);
            }
          if (!keep)
            continue;

          row = cli_table_add_row (table);
          for (guint f = 0; columns[f] != NULL; f++)
            cli_table_take (table, row, columns[f], relation_field (ctx, relation, columns[f]));
        }
    }
  else
    {
      g_autoptr(GListModel) entities = iis_catalog_list_entities (catalog, type);
      guint n = g_list_model_get_n_items (entities);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(IisEntity) entity = g_list_model_get_item (entities, i);
          gboolean keep = at == NULL
            || iis_organization_exists_at (IIS_ORGANIZATION (entity), at);
          guint row;

          for (guint f = 0; keep && f < filters->len; f++)
            {
              Filter *filter = g_ptr_array_index (filters, f);
              g_autofree char *value = cli_entity_field (ctx, catalog, entity, filter->field);

              keep = filter_matches (filter, value);
            }
          if (!keep)
            continue;

          row = cli_table_add_row (table);
          for (guint f = 0; columns[f] != NULL; f++)
            cli_table_take (table, row, columns[f], cli_entity_field (ctx, catalog, entity, columns[f]));
        }
    }

  if (sort_option != NULL && !cli_table_sort (table, sort_option, &error))
    return cli_usage_error (command, "%s", error->message);

  cli_table_print (table, ctx->format);
  return CLI_EXIT_OK;
}

static const GOptionEntry stats_entries[] = {
  G_OPTION_ENTRY_NULL
};

int
cli_cmd_stats (CliContext       *ctx,
               const CliCommand *command,
               int               argc,
               char            **argv)
{
  g_autoptr(GOptionContext) context = cli_option_context_new (ctx, command, stats_entries, TRUE);
  const char *columns[] = { "category", "name", "count", NULL };
  g_autoptr(CliTable) table = cli_table_new (columns);
  GEnumClass *kinds;
  IisCatalog *catalog;
  int status = CLI_EXIT_OK;
  guint row;

  init_concrete_types ();

  if (!cli_parse_options (context, command, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return cli_usage_error (command, "unexpected argument “%s”", argv[1]);

  catalog = cli_get_catalog (ctx, &status);
  if (catalog == NULL)
    return status;

  cli_table_set_numeric (table, "count");

  for (gsize t = 0; t < G_N_ELEMENTS (concrete_types); t++)
    {
      g_autoptr(GListModel) entities = iis_catalog_list_entities (catalog, concrete_types[t]);

      row = cli_table_add_row (table);
      cli_table_set (table, row, "category", "entity");
      cli_table_set (table, row, "name", iis_entity_type_to_nick (concrete_types[t]));
      cli_table_take (table, row, "count",
                      g_strdup_printf ("%u", g_list_model_get_n_items (entities)));
    }
  row = cli_table_add_row (table);
  cli_table_set (table, row, "category", "entity");
  cli_table_set (table, row, "name", "all");
  cli_table_take (table, row, "count", g_strdup_printf ("%u", iis_catalog_get_n_entities (catalog)));

  kinds = g_type_class_ref (IIS_TYPE_RELATION_KIND);
  for (guint k = 0; k < kinds->n_values; k++)
    {
      IisRelationKind kind = (IisRelationKind) kinds->values[k].value;
      g_autoptr(GListModel) relations = NULL;

      if (kind == IIS_RELATION_KIND_ANY)
        continue;
      relations = iis_catalog_list_relations (catalog, NULL, kind, NULL);
      row = cli_table_add_row (table);
      cli_table_set (table, row, "category", "relation");
      cli_table_set (table, row, "name", kinds->values[k].value_nick);
      cli_table_take (table, row, "count",
                      g_strdup_printf ("%u", g_list_model_get_n_items (relations)));
    }
  g_type_class_unref (kinds);

  row = cli_table_add_row (table);
  cli_table_set (table, row, "category", "relation");
  cli_table_set (table, row, "name", "all");
  cli_table_take (table, row, "count", g_strdup_printf ("%u", iis_catalog_get_n_relations (catalog)));

  row = cli_table_add_row (table);
  cli_table_set (table, row, "category", "bundled-catalog");
  cli_table_set (table, row, "name", "version");
  cli_table_set (table, row, "count", iis_get_bundled_catalog_version ());

  cli_table_print (table, ctx->format);
  return CLI_EXIT_OK;
}
