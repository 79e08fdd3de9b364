/* iis-cmd-diff.c: `iis diff`, what changed between two catalog files
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * Each file is loaded into a catalog of its own, without the bundled
 * data, and the two are compared through the public API. An entity is
 * known by its id; a relation by its subject, kind, object and role.
 * Both are turned into a map from member names ("name", "label:ru",
 * "end", "sources" …) to their text, and two maps are compared key by
 * key: a change is one member whose text differs.
 *
 * Exit status, like diff(1): 0 the same, 1 different, 2 trouble (a bad
 * command line or a file that cannot be loaded).
 */

#include <string.h>

#include "iis-tool.h"

static const char *diff_columns[] = {
  "change", "what", "id", "role", "start", "member", "old", "new", NULL
};

static void
take_member (GHashTable *members,
             const char *key,
             char       *value)
{
  if (value != NULL)
    g_hash_table_insert (members, g_strdup (key), value);
}

static char *
source_text (IisSource *source)
{
  g_autofree char *date = cli_date_string (iis_source_get_date (source));
  const char *names[] = { "title", "url", "document", "publisher", "date", "quote", "locator" };
  const char *values[] = {
    iis_source_get_title (source), iis_source_get_url (source),
    iis_source_get_document (source), iis_source_get_publisher (source), date,
    iis_source_get_quote (source), iis_source_get_locator (source),
  };
  GString *text = g_string_new (NULL);

  G_STATIC_ASSERT (G_N_ELEMENTS (names) == G_N_ELEMENTS (values));
  for (gsize i = 0; i < G_N_ELEMENTS (values); i++)
    if (values[i] != NULL)
      g_string_append_printf (text, "%s%s=%s", text->len > 0 ? ", " : "", names[i], values[i]);

  return g_string_free (text, FALSE);
}

static char *
other_name_text (IisName *name)
{
  const char *lang = iis_name_get_lang (name);
  g_autofree char *period = cli_period_string (iis_name_get_start (name),
                                               iis_name_get_end (name));

  if (lang == NULL && period == NULL)
    return g_strdup (iis_name_get_text (name));
  return g_strdup_printf ("%s (%s%s%s)", iis_name_get_text (name),
                          lang != NULL ? lang : "",
                          lang != NULL && period != NULL ? ", " : "",
                          period != NULL ? period : "");
}

/* The items of @list in their order, one text in @open and @close
 * each; NULL when there are none. */
static char *
list_text (GListModel   *list,
           char       *(*item_text) (gpointer item),
           const char   *open,
           const char   *close)
{
  guint n = g_list_model_get_n_items (list);
  GString *text;

  if (n == 0)
    return NULL;
  text = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);
      g_autofree char *one = item_text (item);

      g_string_append_printf (text, "%s%s%s%s", i > 0 ? " " : "", open, one, close);
    }
  return g_string_free (text, FALSE);
}

static GHashTable *
entity_members (IisEntity *entity)
{
  GHashTable *members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GListModel *other_names = iis_entity_get_other_names (entity);
  GListModel *sources = iis_entity_get_sources (entity);
  g_auto(GStrv) languages = iis_entity_dup_label_languages (entity);
  g_auto(GStrv) schemes = iis_entity_dup_identifier_schemes (entity);
  guint n;
  GParamSpec **pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (entity), &n);

  take_member (members, "type", g_strdup (iis_entity_get_type_nick (entity)));
  for (guint i = 0; i < n; i++)
    if (strcmp (pspecs[i]->name, "id") != 0)
      take_member (members, pspecs[i]->name, cli_entity_property (entity, pspecs[i]->name));
  g_free (pspecs);

  for (guint i = 0; languages != NULL && languages[i] != NULL; i++)
    {
      g_autofree char *key = g_strconcat ("label:", languages[i], NULL);

      take_member (members, key, g_strdup (iis_entity_get_label (entity, languages[i])));
    }
  for (guint i = 0; schemes != NULL && schemes[i] != NULL; i++)
    {
      g_autofree char *key = g_strconcat ("identifier:", schemes[i], NULL);

      take_member (members, key, g_strdup (iis_entity_get_identifier (entity, schemes[i])));
    }
  take_member (members, "other-names",
               list_text (other_names, (char *(*) (gpointer)) other_name_text, "{", "}"));
  take_member (members, "sources", list_text (sources, (char *(*) (gpointer)) source_text, "[", "]"));

  return members;
}

static GHashTable *
relation_members (IisRelation *relation)
{
  GHashTable *members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GListModel *sources = iis_relation_get_sources (relation);
  g_auto(GStrv) keys = iis_relation_dup_qualifier_keys (relation);

  take_member (members, "start", cli_date_string (iis_relation_get_start (relation)));
  take_member (members, "end", cli_date_string (iis_relation_get_end (relation)));
  take_member (members, "confidence",
               g_strdup (cli_enum_nick (IIS_TYPE_CONFIDENCE,
                                        (int) iis_relation_get_confidence (relation))));
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      g_autofree char *key = g_strconcat ("qualifier:", keys[i], NULL);

      take_member (members, key, g_strdup (iis_relation_get_qualifier (relation, keys[i])));
    }
  take_member (members, "sources", list_text (sources, (char *(*) (gpointer)) source_text, "[", "]"));

  return members;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The keys of both tables, once each, sorted. */
static GPtrArray *
union_keys (GHashTable *a,
            GHashTable *b)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *keys = g_ptr_array_new ();
  GHashTable *tables[] = { a, b };

  for (gsize t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, tables[t]);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (g_hash_table_add (seen, key))
          g_ptr_array_add (keys, key);
    }
  g_ptr_array_sort (keys, compare_strings);
  return keys;
}

static guint
add_row (CliTable   *table,
         const char *change,
         const char *what,
         const char *id,
         const char *role,
         const char *start)
{
  guint row = cli_table_add_row (table);

  cli_table_set (table, row, "change", change);
  cli_table_set (table, row, "what", what);
  cli_table_set (table, row, "id", id);
  cli_table_set (table, row, "role", role);
  cli_table_set (table, row, "start", start);
  return row;
}

/* One "changed" row for each member whose text differs. */
static void
add_member_changes (CliTable   *table,
                    const char *what,
                    const char *id,
                    const char *role,
                    const char *start,
                    GHashTable *old_members,
                    GHashTable *new_members)
{
  g_autoptr(GPtrArray) keys = union_keys (old_members, new_members);

  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);
      const char *old_value = g_hash_table_lookup (old_members, key);
      const char *new_value = g_hash_table_lookup (new_members, key);
      guint row;

      if (g_strcmp0 (old_value, new_value) == 0)
        continue;
      row = add_row (table, "changed", what, id, role, start);
      cli_table_set (table, row, "member", key);
      cli_table_set (table, row, "old", old_value);
      cli_table_set (table, row, "new", new_value);
    }
}

static void
diff_entities (CliTable   *table,
               IisCatalog *old_catalog,
               IisCatalog *new_catalog)
{
  g_autoptr(GListModel) old_list = iis_catalog_list_entities (old_catalog, IIS_TYPE_ENTITY);
  g_autoptr(GListModel) new_list = iis_catalog_list_entities (new_catalog, IIS_TYPE_ENTITY);
  g_autoptr(GHashTable) old_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) new_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) ids = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (old_list); i++)
    {
      g_autoptr(IisEntity) entity = g_list_model_get_item (old_list, i);

      g_hash_table_add (old_ids, (gpointer) iis_entity_get_id (entity));
    }
  for (guint i = 0; i < g_list_model_get_n_items (new_list); i++)
    {
      g_autoptr(IisEntity) entity = g_list_model_get_item (new_list, i);

      g_hash_table_add (new_ids, (gpointer) iis_entity_get_id (entity));
    }

  ids = union_keys (old_ids, new_ids);
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      IisEntity *old_entity = iis_catalog_lookup (old_catalog, id);
      IisEntity *new_entity = iis_catalog_lookup (new_catalog, id);

      if (old_entity == NULL)
        {
          guint row = add_row (table, "added", "entity", id, NULL, NULL);

          cli_table_set (table, row, "member", "type");
          cli_table_set (table, row, "new", iis_entity_get_type_nick (new_entity));
        }
      else if (new_entity == NULL)
        {
          guint row = add_row (table, "removed", "entity", id, NULL, NULL);

          cli_table_set (table, row, "member", "type");
          cli_table_set (table, row, "old", iis_entity_get_type_nick (old_entity));
        }
      else
        {
          g_autoptr(GHashTable) old_members = entity_members (old_entity);
          g_autoptr(GHashTable) new_members = entity_members (new_entity);

          add_member_changes (table, "entity", id, NULL, NULL, old_members, new_members);
        }
    }
}

/* "SUBJECT KIND OBJECT", and the role apart: the identity of a relation. */
static char *
relation_id (IisRelation *relation)
{
  return g_strdup_printf ("%s %s %s",
                          iis_entity_get_id (iis_relation_get_subject (relation)),
                          iis_relation_kind_to_nick (iis_relation_get_kind (relation)),
                          iis_entity_get_id (iis_relation_get_object (relation)));
}

static char *
relation_key (IisRelation *relation)
{
  g_autofree char *id = relation_id (relation);
  const char *role = iis_relation_get_role (relation);

  /* The separator cannot be in an id or a kind; a missing role differs
   * from every role. */
  return g_strdup_printf ("%s\x1f%s%s", id, role != NULL ? "=" : "-", role != NULL ? role : "");
}

/* Relations of @catalog by key, each a GPtrArray of IisRelation in the
 * catalog's order. */
static GHashTable *
relations_by_key (IisCatalog *catalog)
{
  GHashTable *groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GListModel) relations = iis_catalog_list_relations (catalog, NULL,
                                                                IIS_RELATION_KIND_ANY, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      IisRelation *relation = g_list_model_get_item (relations, i);
      char *key = relation_key (relation);
      GPtrArray *group = g_hash_table_lookup (groups, key);

      if (group == NULL)
        {
          group = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (groups, key, group);
        }
      else
        g_free (key);
      g_ptr_array_add (group, relation);
    }
  return groups;
}

static void
add_relation_row (CliTable    *table,
                  const char  *change,
                  IisRelation *relation)
{
  g_autofree char *id = relation_id (relation);
  g_autofree char *start = cli_date_string (iis_relation_get_start (relation));
  g_autofree char *period = cli_period_string (iis_relation_get_start (relation),
                                               iis_relation_get_end (relation));
  guint row = add_row (table, change, "relation", id, iis_relation_get_role (relation), start);

  cli_table_set (table, row, "member", "period");
  cli_table_set (table, row, strcmp (change, "added") == 0 ? "new" : "old",
                 period != NULL ? period : "");
}

static void
diff_relation_group (CliTable  *table,
                     GPtrArray *old_group,
                     GPtrArray *new_group)
{
  guint n_old = old_group != NULL ? old_group->len : 0;
  guint n_new = new_group != NULL ? new_group->len : 0;
  g_autofree int *partner = g_new (int, MAX (n_old, 1));
  g_autofree gboolean *taken = g_new0 (gboolean, MAX (n_new, 1));

  /* Several relations may share the identity (a member that left and
   * came back): those with the same start are one relation, the rest
   * pair in order. */
  for (guint i = 0; i < n_old; i++)
    {
      IisRelation *old_relation = g_ptr_array_index (old_group, i);

      partner[i] = -1;
      for (guint j = 0; j < n_new; j++)
        {
          IisRelation *new_relation = g_ptr_array_index (new_group, j);
          const IisDate *a = iis_relation_get_start (old_relation);
          const IisDate *b = iis_relation_get_start (new_relation);
          g_autofree char *a_text = cli_date_string (a);
          g_autofree char *b_text = cli_date_string (b);

          if (!taken[j] && g_strcmp0 (a_text, b_text) == 0)
            {
              partner[i] = (int) j;
              taken[j] = TRUE;
              break;
            }
        }
    }
  for (guint i = 0, j = 0; i < n_old; i++)
    {
      if (partner[i] >= 0)
        continue;
      while (j < n_new && taken[j])
        j++;
      if (j < n_new)
        {
          partner[i] = (int) j;
          taken[j] = TRUE;
        }
    }

  for (guint i = 0; i < n_old; i++)
    {
      IisRelation *old_relation = g_ptr_array_index (old_group, i);

      if (partner[i] < 0)
        add_relation_row (table, "removed", old_relation);
      else
        {
          IisRelation *new_relation = g_ptr_array_index (new_group, partner[i]);
          g_autoptr(GHashTable) old_members = relation_members (old_relation);
          g_autoptr(GHashTable) new_members = relation_members (new_relation);
          g_autofree char *id = relation_id (old_relation);
          g_autofree char *start = cli_date_string (iis_relation_get_start (old_relation));

          add_member_changes (table, "relation", id, iis_relation_get_role (old_relation),
                              start, old_members, new_members);
        }
    }
  for (guint j = 0; j < n_new; j++)
    if (!taken[j])
      add_relation_row (table, "added", g_ptr_array_index (new_group, j));
}

static void
diff_relations (CliTable   *table,
                IisCatalog *old_catalog,
                IisCatalog *new_catalog)
{
  g_autoptr(GHashTable) old_groups = relations_by_key (old_catalog);
  g_autoptr(GHashTable) new_groups = relations_by_key (new_catalog);
  g_autoptr(GPtrArray) keys = union_keys (old_groups, new_groups);

  for (guint i = 0; i < keys->len; i++)
    diff_relation_group (table,
                         g_hash_table_lookup (old_groups, g_ptr_array_index (keys, i)),
                         g_hash_table_lookup (new_groups, g_ptr_array_index (keys, i)));
}

static IisCatalog *
load_file (const char *path)
{
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;

  if (!iis_catalog_load_from_file_full (catalog, file, IIS_LOAD_FLAGS_NONE, NULL, &error))
    {
      g_autofree char *message = cli_located_message (path, error);

      cli_error ("%s", message);
      return NULL;
    }
  return g_steal_pointer (&catalog);
}

/* Text: grouped by what changed, one line per change. */
static void
print_text (CliTable *table)
{
  static const struct { const char *what, *change, *heading; } groups[] = {
    { "entity", "added", "Entities added" },
    { "entity", "removed", "Entities removed" },
    { "entity", "changed", "Entities changed" },
    { "relation", "added", "Relations added" },
    { "relation", "removed", "Relations removed" },
    { "relation", "changed", "Relations changed" },
  };
  gboolean first = TRUE;

  for (gsize g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      gboolean any = FALSE;

      for (guint row = 0; row < cli_table_get_n_rows (table); row++)
        {
          const char *role = cli_table_get (table, row, "role");
          const char *start = cli_table_get (table, row, "start");
          const char *old_value = cli_table_get (table, row, "old");
          const char *new_value = cli_table_get (table, row, "new");
          g_autofree char *id = NULL;
          g_autofree char *line = NULL;

          if (g_strcmp0 (cli_table_get (table, row, "what"), groups[g].what) != 0 ||
              g_strcmp0 (cli_table_get (table, row, "change"), groups[g].change) != 0)
            continue;
          if (!any)
            {
              cli_outf ("%s%s:\n", first ? "" : "\n", groups[g].heading);
              any = TRUE;
              first = FALSE;
            }

          id = g_strdup_printf ("%s%s%s%s%s", cli_table_get (table, row, "id"),
                                role != NULL ? " " : "", role != NULL ? role : "",
                                start != NULL && strcmp (groups[g].change, "changed") == 0
                                  ? " from " : "",
                                start != NULL && strcmp (groups[g].change, "changed") == 0
                                  ? start : "");
          if (strcmp (groups[g].change, "changed") == 0)
            line = g_strdup_printf ("  %s: %s: %s → %s", id,
                                    cli_table_get (table, row, "member"),
                                    old_value != NULL ? old_value : "(none)",
                                    new_value != NULL ? new_value : "(none)");
          else
            {
              const char *value = old_value != NULL ? old_value : new_value;

              line = g_strdup_printf ("  %s%s%s", id,
                                      value != NULL && value[0] != '\0' ? ": " : "",
                                      value != NULL ? value : "");
            }
          {
            /* A newline inside a value is escaped too: one change, one
             * line, whatever the files hold. */
            g_autofree char *shown = cli_escape (line, FALSE);

            cli_outf ("%s\n", shown);
          }
        }
    }
}

int
cli_cmd_diff (CliContext       *ctx,
              const CliCommand *command,
              int               argc,
              char            **argv)
{
  g_autoptr(GOptionContext) context = cli_option_context_new (ctx, command, NULL, TRUE);
  g_autoptr(CliTable) table = cli_table_new (diff_columns);
  g_autoptr(IisCatalog) old_catalog = NULL;
  g_autoptr(IisCatalog) new_catalog = NULL;
  int status = CLI_EXIT_OK;

  if (!cli_parse_options (context, command, &argc, &argv, &status))
    return status;
  if (argc < 3)
    return cli_usage_error (command, "expected OLD and NEW");
  if (argc > 3)
    return cli_usage_error (command, "unexpected argument “%s”", argv[3]);

  /* A file that cannot be read is trouble, not a difference: 2, as
   * diff(1) says. */
  old_catalog = load_file (argv[1]);
  if (old_catalog == NULL)
    return CLI_EXIT_USAGE;
  new_catalog = load_file (argv[2]);
  if (new_catalog == NULL)
    return CLI_EXIT_USAGE;

  diff_entities (table, old_catalog, new_catalog);
  diff_relations (table, old_catalog, new_catalog);

  if (ctx->format == CLI_FORMAT_TEXT)
    print_text (table);
  else
    cli_table_print (table, ctx->format);

  return cli_table_get_n_rows (table) > 0 ? CLI_EXIT_FAILURE : CLI_EXIT_OK;
}
