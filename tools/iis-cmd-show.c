/* iis-cmd-show.c: `iis show` and `iis timeline`, all about one entity
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * `iis show ID` prints an entity: its properties, labels, other names,
 * identifiers and sources, then its relations grouped by kind and
 * direction ("Member of", "Members" …). With --format json it is one
 * object; with --format csv, rows of section, key, value and detail.
 *
 * `iis timeline ID` prints its dated history, oldest first: its own
 * dates (founded, adopted, entered into force, opened …), the dates of
 * its names, and the start and end of each dated relation (joined, left,
 * signed, bound by, hosted …). A relation with a forum and no date of its
 * own takes the forum's start date.
 *
 * ```sh
 * iis show sco
 * iis timeline IN
 * ```
 */

#include <string.h>

#include "iis-tool.h"

/* How a relation reads from either end. */
typedef struct
{
  IisRelationKind kind;
  const char *outgoing;        /* heading from the subject's side */
  const char *incoming;        /* heading from the object's side */
  const char *starts;          /* timeline event at the start, subject's side */
  const char *ends;
  const char *started_by;      /* timeline event at the start, object's side */
  const char *ended_by;
} KindWords;

static const KindWords kind_words[] = {
  { IIS_RELATION_KIND_MEMBER_OF, "Member of", "Members",
    "joined", "left", "member joined", "member left" },
  { IIS_RELATION_KIND_PART_OF, "Part of", "Parts",
    "became part of", "ceased to be part of", "part added", "part removed" },
  { IIS_RELATION_KIND_SIGNATORY_OF, "Signed", "Signatories",
    "signed", "signature ended", "signed by", "signature ended" },
  { IIS_RELATION_KIND_PARTY_TO, "Party to", "Parties",
    "bound by", "no longer bound by", "binds", "no longer binds" },
  { IIS_RELATION_KIND_ORGANIZER_OF, "Organized", "Organizers",
    "organized", "stopped organizing", "organized by", "no longer organized by" },
  { IIS_RELATION_KIND_PARTICIPANT_IN, "Took part in", "Participants",
    "took part in", "stopped taking part in", "participant", "participant left" },
  { IIS_RELATION_KIND_HOST_OF, "Hosted", "Hosts",
    "hosted", "stopped hosting", "hosted by", "no longer hosted by" },
  { IIS_RELATION_KIND_ADOPTED_WITHIN, "Adopted within", "Adopted here",
    "adopted within", "no longer within", "adopted here", "no longer adopted here" },
  { IIS_RELATION_KIND_ADDRESSES, "Addresses", "Addressed by",
    "addresses", "no longer addresses", "addressed by", "no longer addressed by" },
  { IIS_RELATION_KIND_IMPLEMENTS, "Implements", "Implemented by",
    "implements", "no longer implements", "implemented by", "no longer implemented by" },
  { IIS_RELATION_KIND_AMENDS, "Amends", "Amended by",
    "amends", "no longer amends", "amended by", "no longer amended by" },
  { IIS_RELATION_KIND_SUPERSEDES, "Supersedes", "Superseded by",
    "supersedes", "no longer supersedes", "superseded by", "no longer superseded by" },
  { IIS_RELATION_KIND_REFERENCES, "References", "Referenced by",
    "references", "no longer references", "referenced by", "no longer referenced by" },
  { IIS_RELATION_KIND_VOTES_ON, "Voted on", "Votes",
    "voted on", "vote ended", "vote cast by", "vote ended" },
  { IIS_RELATION_KIND_SUPPORTS, "Supports", "Supporters",
    "began supporting", "stopped supporting", "supporter joined", "supporter left" },
  { IIS_RELATION_KIND_SPONSOR_OF, "Sponsored", "Sponsors",
    "sponsored", "stopped sponsoring", "sponsored by", "no longer sponsored by" },
  { IIS_RELATION_KIND_CONTINUES, "Continues", "Continued by",
    "continues", "no longer continues", "continued by", "no longer continued by" },
  { IIS_RELATION_KIND_SUCCEEDS, "Succeeded", "Successors",
    "succeeded", "succession ended", "succeeded by", "succession ended" },
  { IIS_RELATION_KIND_CONSENTED_TO, "Consented to", "Consents",
    "consented to", "withdrew consent to", "consent by", "consent withdrawn by" },
  { IIS_RELATION_KIND_PROVISIONALLY_APPLIES, "Applies provisionally", "Provisionally applied by",
    "began applying provisionally", "stopped applying provisionally",
    "provisionally applied by", "no longer provisionally applied by" },
  { IIS_RELATION_KIND_RESERVATION_TO, "Reservations to", "Reservations",
    "made a reservation to", "withdrew a reservation to", "reservation by", "reservation withdrawn by" },
  { IIS_RELATION_KIND_DECLARATION_TO, "Declarations on", "Declarations",
    "made a declaration on", "withdrew a declaration on", "declaration by", "declaration withdrawn by" },
  { IIS_RELATION_KIND_OBJECTION_TO, "Objections to", "Objections",
    "objected to", "withdrew an objection to", "objection by", "objection withdrawn by" },
  { IIS_RELATION_KIND_DENOUNCED, "Denounced", "Denunciations",
    "denounced", "denunciation ended", "denounced by", "denunciation ended" },
};
/* Every kind but ANY has its words. */
G_STATIC_ASSERT (G_N_ELEMENTS (kind_words) == IIS_RELATION_KIND_DENOUNCED);

/* The heading of a group of relations, from either end ("Member of",
 * "Members"); iis report uses them too. */
const char *
cli_relation_heading (IisRelationKind kind,
                      gboolean        incoming)
{
  for (gsize i = 0; i < G_N_ELEMENTS (kind_words); i++)
    if (kind_words[i].kind == kind)
      return incoming ? kind_words[i].incoming : kind_words[i].outgoing;
  return iis_relation_kind_to_nick (kind);
}

static const GOptionEntry no_entries[] = {
  G_OPTION_ENTRY_NULL
};

static IisEntity *
setup (CliContext       *ctx,
       const CliCommand *command,
       int               argc,
       char            **argv,
       IisCatalog      **catalog,
       int              *status)
{
  g_autoptr(GOptionContext) context = cli_option_context_new (ctx, command, no_entries, TRUE);
  const char *id = cli_parse_one_argument (context, command, &argc, &argv, "ID", status);
  IisEntity *entity;

  if (id == NULL)
    return NULL;

  *catalog = cli_get_catalog (ctx, status);
  if (*catalog == NULL)
    return NULL;

  entity = cli_lookup (ctx, *catalog, id);
  if (entity == NULL)
    *status = CLI_EXIT_FAILURE;
  return entity;
}

/* The properties to show, in class order, without id, name and
 * description (shown apart), and without values left unset. An entity
 * type's members in the file are its properties (test-members holds the
 * format's table and the property specs equal), so a property added to
 * a type shows in text, CSV and JSON with nothing to do here. */
static GPtrArray *
shown_properties (IisEntity *entity)
{
  GPtrArray *shown = g_ptr_array_new ();
  guint n;
  GParamSpec **pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (entity), &n);

  for (guint i = 0; i < n; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_auto(GValue) value = G_VALUE_INIT;

      if ((pspec->flags & G_PARAM_READABLE) == 0
          || g_strv_contains ((const char * const[]) { "id", "name", "description", NULL },
                              pspec->name))
        continue;

      g_value_init (&value, pspec->value_type);
      g_object_get_property (G_OBJECT (entity), pspec->name, &value);
      if (G_VALUE_HOLDS_ENUM (&value) || !g_param_value_defaults (pspec, &value))
        g_ptr_array_add (shown, pspec);
    }
  g_free (pspecs);

  return shown;
}

static char *
source_text (IisSource *source)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = NULL;
  g_autofree char *date = cli_date_string (iis_source_get_date (source));
  const char *values[] = {
    iis_source_get_title (source), iis_source_get_publisher (source), date,
    iis_source_get_document (source), iis_source_get_locator (source),
    iis_source_get_url (source),
  };

  for (gsize i = 0; i < G_N_ELEMENTS (values); i++)
    if (values[i] != NULL && values[i][0] != '\0')
      g_strv_builder_add (builder, values[i]);
  parts = g_strv_builder_end (builder);

  return parts[0] != NULL ? g_strjoinv (", ", parts) : g_strdup ("(no details)");
}

static char *
qualifiers_text (IisRelation *relation)
{
  g_auto(GStrv) keys = iis_relation_dup_qualifier_keys (relation);
  GString *text;

  if (keys == NULL || keys[0] == NULL)
    return NULL;

  text = g_string_new (NULL);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (text, "; ");
      g_string_append_printf (text, "%s=%s", keys[i],
                              iis_relation_get_qualifier (relation, keys[i]));
    }
  return g_string_free (text, FALSE);
}

static char *
name_period (IisName *name)
{
  return cli_period_string (iis_name_get_start (name), iis_name_get_end (name));
}

/* The relations of @entity, in groups: each kind, outgoing then
 * incoming. Each item of the result is a GListModel of relations, with
 * the kind and the direction set as data. */
typedef struct
{
  const KindWords *words;
  gboolean         incoming;
  GListModel      *relations;
} Group;

/* A section of key → value pairs the entity has (labels by language,
 * identifiers by scheme), as a two-column table; nothing without keys. */
static void
print_keyed (IisEntity           *entity,
             const char          *title,
             const char          *key_column,
             const char          *value_column,
             char               **keys,
             const char        *(*get) (IisEntity  *entity,
                                        const char *key))
{
  const char *columns[] = { key_column, value_column, NULL };
  g_autoptr(CliTable) table = NULL;

  if (keys == NULL || keys[0] == NULL)
    return;

  table = cli_table_new (columns);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      guint row = cli_table_add_row (table);

      cli_table_set (table, row, key_column, keys[i]);
      cli_table_set (table, row, value_column, get (entity, keys[i]));
    }
  cli_outf ("\n%s\n", title);
  cli_table_print_text (table, 2, FALSE);
}

static void
group_free (gpointer data)
{
  Group *group = data;

  g_object_unref (group->relations);
  g_free (group);
}

static GPtrArray *
relation_groups (IisCatalog *catalog,
                 IisEntity  *entity)
{
  GPtrArray *groups = g_ptr_array_new_with_free_func (group_free);

  for (gsize i = 0; i < G_N_ELEMENTS (kind_words); i++)
    for (int incoming = 0; incoming < 2; incoming++)
      {
        GListModel *relations = incoming
          ? iis_catalog_list_relations (catalog, NULL, kind_words[i].kind, entity)
          : iis_catalog_list_relations (catalog, entity, kind_words[i].kind, NULL);
        Group *group;

        if (g_list_model_get_n_items (relations) == 0)
          {
            g_object_unref (relations);
            continue;
          }
        group = g_new0 (Group, 1);
        group->words = &kind_words[i];
        group->incoming = incoming;
        group->relations = relations;
        g_ptr_array_add (groups, group);
      }

  return groups;
}

static IisEntity *
other_end (Group       *group,
           IisRelation *relation)
{
  return group->incoming ? iis_relation_get_subject (relation) : iis_relation_get_object (relation);
}

static void
show_text (CliContext *ctx,
           IisCatalog *catalog,
           IisEntity  *entity)
{
  const char *columns[] = { "key", "value", NULL };
  g_autoptr(CliTable) facts = cli_table_new (columns);
  g_autoptr(GPtrArray) properties = shown_properties (entity);
  g_autoptr(GPtrArray) groups = relation_groups (catalog, entity);
  g_auto(GStrv) languages = iis_entity_dup_label_languages (entity);
  g_auto(GStrv) schemes = iis_entity_dup_identifier_schemes (entity);
  GListModel *other_names = iis_entity_get_other_names (entity);
  GListModel *sources = iis_entity_get_sources (entity);
  const char *description = iis_entity_get_description (entity);
  guint row;

  {
    g_autofree char *label = cli_escape (cli_entity_label (ctx, entity), FALSE);

    cli_outf ("%s\n", label);
  }

  row = cli_table_add_row (facts);
  cli_table_set (facts, row, "key", "id");
  cli_table_set (facts, row, "value", iis_entity_get_id (entity));
  row = cli_table_add_row (facts);
  cli_table_set (facts, row, "key", "type");
  cli_table_set (facts, row, "value", iis_entity_get_type_nick (entity));
  if (iis_entity_get_name (entity) != NULL)
    {
      row = cli_table_add_row (facts);
      cli_table_set (facts, row, "key", "name");
      cli_table_set (facts, row, "value", iis_entity_get_name (entity));
    }
  for (guint i = 0; i < properties->len; i++)
    {
      GParamSpec *pspec = g_ptr_array_index (properties, i);

      row = cli_table_add_row (facts);
      cli_table_set (facts, row, "key", pspec->name);
      cli_table_take (facts, row, "value", cli_entity_property (entity, pspec->name));
    }
  cli_table_print_text (facts, 2, FALSE);

  if (description != NULL && description[0] != '\0')
    {
      cli_out ("\nDescription\n  ");
      cli_print_wrapped (description, 2, 2, 78);
    }

  print_keyed (entity, "Labels", "lang", "label", languages, iis_entity_get_label);

  if (other_names != NULL && g_list_model_get_n_items (other_names) > 0)
    {
      const char *name_columns[] = { "name", "lang", "period", NULL };
      g_autoptr(CliTable) names = cli_table_new (name_columns);

      for (guint i = 0; i < g_list_model_get_n_items (other_names); i++)
        {
          g_autoptr(IisName) name = g_list_model_get_item (other_names, i);

          row = cli_table_add_row (names);
          cli_table_set (names, row, "name", iis_name_get_text (name));
          cli_table_set (names, row, "lang", iis_name_get_lang (name));
          cli_table_take (names, row, "period", name_period (name));
        }
      cli_out ("\nOther names\n");
      cli_table_print_text (names, 2, FALSE);
    }

  print_keyed (entity, "Identifiers", "scheme", "value", schemes, iis_entity_get_identifier);

  if (sources != NULL && g_list_model_get_n_items (sources) > 0)
    {
      cli_out ("\nSources\n");
      for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
        {
          g_autoptr(IisSource) source = g_list_model_get_item (sources, i);
          g_autofree char *text = source_text (source);
          g_autofree char *number = g_strdup_printf ("  [%u] ", i + 1);
          const char *quote = iis_source_get_quote (source);

          cli_out (number);
          cli_print_wrapped (text, 6, (guint) strlen (number), 78);
          if (quote != NULL && quote[0] != '\0')
            {
              g_autofree char *quoted = g_strdup_printf ("“%s”", quote);

              cli_out ("      ");
              cli_print_wrapped (quoted, 6, 6, 78);
            }
        }
    }

  for (guint g = 0; g < groups->len; g++)
    {
      Group *group = g_ptr_array_index (groups, g);
      const char *relation_columns[] = { "id", "name", "role", "period", "qualifiers", NULL };
      g_autoptr(CliTable) table = cli_table_new (relation_columns);
      guint n = g_list_model_get_n_items (group->relations);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(IisRelation) relation = g_list_model_get_item (group->relations, i);
          IisEntity *other = other_end (group, relation);

          row = cli_table_add_row (table);
          cli_table_set (table, row, "id", iis_entity_get_id (other));
          cli_table_set (table, row, "name", cli_entity_label (ctx, other));
          cli_table_set (table, row, "role", iis_relation_get_role (relation));
          cli_table_take (table, row, "period",
                          cli_period_string (iis_relation_get_start (relation),
                                             iis_relation_get_end (relation)));
          cli_table_take (table, row, "qualifiers", qualifiers_text (relation));
        }

      cli_outf ("\n%s (%s%s, %u)\n",
                group->incoming ? group->words->incoming : group->words->outgoing,
                group->incoming ? "← " : "",
                iis_relation_kind_to_nick (group->words->kind), n);
      cli_table_print_text (table, 2, FALSE);
    }
}

static JsonNode *
date_node (const IisDate *date)
{
  g_autofree char *text = cli_date_string (date);
  JsonNode *node = json_node_new (text != NULL ? JSON_NODE_VALUE : JSON_NODE_NULL);

  if (text != NULL)
    json_node_set_string (node, text);
  return node;
}

static void
set_string_or_null (JsonObject *object,
                    const char *member,
                    const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, member, value);
  else
    json_object_set_null_member (object, member);
}

/* The file format names an other name's text "name". */
static const char * const name_renames[] = { "text", "name", NULL };

/* Every readable property of @object (an other name, a source) as a
 * member of @item, in class order, null when unset. The file format's
 * members of other names and sources are their properties, so one added
 * to IisName or IisSource shows here with nothing to do; @renames pairs
 * a property with its member's name where the two differ. */
static void
set_property_members (JsonObject         *item,
                      GObject            *object,
                      const char * const *renames)
{
  guint n = 0;
  g_autofree GParamSpec **pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n);

  for (guint i = 0; i < n; i++)
    {
      const char *member = pspecs[i]->name;
      g_auto(GValue) value = G_VALUE_INIT;

      if ((pspecs[i]->flags & G_PARAM_READABLE) == 0)
        continue;
      for (guint k = 0; renames != NULL && renames[k] != NULL; k += 2)
        if (g_str_equal (renames[k], member))
          member = renames[k + 1];

      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (object, pspecs[i]->name, &value);
      json_object_set_member (item, member, cli_value_to_json (&value));
    }
}

static JsonNode *
show_json (CliContext *ctx,
           IisCatalog *catalog,
           IisEntity  *entity)
{
  JsonObject *object = json_object_new ();
  JsonObject *labels = json_object_new ();
  JsonObject *identifiers = json_object_new ();
  JsonObject *relations = json_object_new ();
  JsonArray *other_names = json_array_new ();
  JsonArray *sources = json_array_new ();
  JsonNode *root = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(GPtrArray) properties = shown_properties (entity);
  g_autoptr(GPtrArray) groups = relation_groups (catalog, entity);
  g_auto(GStrv) languages = iis_entity_dup_label_languages (entity);
  g_auto(GStrv) schemes = iis_entity_dup_identifier_schemes (entity);
  GListModel *names = iis_entity_get_other_names (entity);
  GListModel *source_list = iis_entity_get_sources (entity);

  json_object_set_string_member (object, "id", iis_entity_get_id (entity));
  json_object_set_string_member (object, "type", iis_entity_get_type_nick (entity));
  set_string_or_null (object, "name", iis_entity_get_name (entity));
  json_object_set_string_member (object, "display-name", cli_entity_label (ctx, entity));
  set_string_or_null (object, "description", iis_entity_get_description (entity));

  for (guint i = 0; i < properties->len; i++)
    {
      GParamSpec *pspec = g_ptr_array_index (properties, i);
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, pspec->value_type);
      g_object_get_property (G_OBJECT (entity), pspec->name, &value);
      json_object_set_member (object, pspec->name, cli_value_to_json (&value));
    }

  for (guint i = 0; languages != NULL && languages[i] != NULL; i++)
    json_object_set_string_member (labels, languages[i], iis_entity_get_label (entity, languages[i]));
  json_object_set_object_member (object, "labels", labels);

  for (guint i = 0; names != NULL && i < g_list_model_get_n_items (names); i++)
    {
      g_autoptr(IisName) name = g_list_model_get_item (names, i);
      JsonObject *item = json_object_new ();

      set_property_members (item, G_OBJECT (name), name_renames);
      json_array_add_object_element (other_names, item);
    }
  json_object_set_array_member (object, "other-names", other_names);

  for (guint i = 0; schemes != NULL && schemes[i] != NULL; i++)
    json_object_set_string_member (identifiers, schemes[i],
                                   iis_entity_get_identifier (entity, schemes[i]));
  json_object_set_object_member (object, "identifiers", identifiers);

  for (guint i = 0; source_list != NULL && i < g_list_model_get_n_items (source_list); i++)
    {
      g_autoptr(IisSource) source = g_list_model_get_item (source_list, i);
      JsonObject *item = json_object_new ();

      set_property_members (item, G_OBJECT (source), NULL);
      json_array_add_object_element (sources, item);
    }
  json_object_set_array_member (object, "sources", sources);

  for (guint g = 0; g < groups->len; g++)
    {
      Group *group = g_ptr_array_index (groups, g);
      const char *nick = iis_relation_kind_to_nick (group->words->kind);
      JsonObject *by_direction;
      JsonArray *items = json_array_new ();

      if (!json_object_has_member (relations, nick))
        json_object_set_object_member (relations, nick, json_object_new ());
      by_direction = json_object_get_object_member (relations, nick);

      for (guint i = 0; i < g_list_model_get_n_items (group->relations); i++)
        {
          g_autoptr(IisRelation) relation = g_list_model_get_item (group->relations, i);
          IisEntity *other = other_end (group, relation);
          g_auto(GStrv) keys = iis_relation_dup_qualifier_keys (relation);
          JsonObject *item = json_object_new ();
          JsonObject *qualifiers = json_object_new ();

          json_object_set_string_member (item, "id", iis_entity_get_id (other));
          json_object_set_string_member (item, "name", cli_entity_label (ctx, other));
          json_object_set_string_member (item, "type", iis_entity_get_type_nick (other));
          set_string_or_null (item, "role", iis_relation_get_role (relation));
          json_object_set_member (item, "start", date_node (iis_relation_get_start (relation)));
          json_object_set_member (item, "end", date_node (iis_relation_get_end (relation)));
          json_object_set_string_member (item, "confidence",
                                         cli_enum_nick (IIS_TYPE_CONFIDENCE,
                                                        (int) iis_relation_get_confidence (relation)));
          for (guint k = 0; keys != NULL && keys[k] != NULL; k++)
            json_object_set_string_member (qualifiers, keys[k],
                                           iis_relation_get_qualifier (relation, keys[k]));
          json_object_set_object_member (item, "qualifiers", qualifiers);
          json_object_set_int_member (item, "sources",
                                      g_list_model_get_n_items (iis_relation_get_sources (relation)));
          json_array_add_object_element (items, item);
        }
      json_object_set_array_member (by_direction, group->incoming ? "incoming" : "outgoing", items);
    }
  json_object_set_object_member (object, "relations", relations);

  json_node_take_object (root, object);
  return root;
}

static void
add_csv_row (CliTable   *table,
             const char *section,
             const char *key,
             const char *value,
             char       *detail)
{
  guint row = cli_table_add_row (table);

  cli_table_set (table, row, "section", section);
  cli_table_set (table, row, "key", key);
  cli_table_set (table, row, "value", value);
  cli_table_take (table, row, "detail", detail);
}

static CliTable *
show_table (CliContext *ctx,
            IisCatalog *catalog,
            IisEntity  *entity)
{
  const char *columns[] = { "section", "key", "value", "detail", NULL };
  CliTable *table = cli_table_new (columns);
  g_autoptr(GPtrArray) properties = shown_properties (entity);
  g_autoptr(GPtrArray) groups = relation_groups (catalog, entity);
  g_auto(GStrv) languages = iis_entity_dup_label_languages (entity);
  g_auto(GStrv) schemes = iis_entity_dup_identifier_schemes (entity);
  GListModel *names = iis_entity_get_other_names (entity);
  GListModel *sources = iis_entity_get_sources (entity);

  add_csv_row (table, "property", "id", iis_entity_get_id (entity), NULL);
  add_csv_row (table, "property", "type", iis_entity_get_type_nick (entity), NULL);
  add_csv_row (table, "property", "name", iis_entity_get_name (entity), NULL);
  add_csv_row (table, "property", "description", iis_entity_get_description (entity), NULL);
  for (guint i = 0; i < properties->len; i++)
    {
      GParamSpec *pspec = g_ptr_array_index (properties, i);
      g_autofree char *value = cli_entity_property (entity, pspec->name);

      add_csv_row (table, "property", pspec->name, value, NULL);
    }
  for (guint i = 0; languages != NULL && languages[i] != NULL; i++)
    add_csv_row (table, "label", languages[i], iis_entity_get_label (entity, languages[i]), NULL);
  for (guint i = 0; names != NULL && i < g_list_model_get_n_items (names); i++)
    {
      g_autoptr(IisName) name = g_list_model_get_item (names, i);

      add_csv_row (table, "other-name", iis_name_get_lang (name), iis_name_get_text (name),
                   name_period (name));
    }
  for (guint i = 0; schemes != NULL && schemes[i] != NULL; i++)
    add_csv_row (table, "identifier", schemes[i], iis_entity_get_identifier (entity, schemes[i]), NULL);
  for (guint i = 0; sources != NULL && i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(IisSource) source = g_list_model_get_item (sources, i);
      g_autofree char *text = source_text (source);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);

      add_csv_row (table, "source", number, text, g_strdup (iis_source_get_quote (source)));
    }
  for (guint g = 0; g < groups->len; g++)
    {
      Group *group = g_ptr_array_index (groups, g);
      g_autofree char *key = g_strdup_printf ("%s%s", group->incoming ? "<-" : "",
                                              iis_relation_kind_to_nick (group->words->kind));

      for (guint i = 0; i < g_list_model_get_n_items (group->relations); i++)
        {
          g_autoptr(IisRelation) relation = g_list_model_get_item (group->relations, i);
          g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
          g_auto(GStrv) details = NULL;
          g_autofree char *start = cli_date_string (iis_relation_get_start (relation));
          g_autofree char *end = cli_date_string (iis_relation_get_end (relation));
          g_autofree char *role = NULL;
          g_autofree char *start_text = NULL;
          g_autofree char *end_text = NULL;
          g_autofree char *qualifiers = qualifiers_text (relation);

          if (iis_relation_get_role (relation) != NULL)
            {
              role = g_strdup_printf ("role=%s", iis_relation_get_role (relation));
              g_strv_builder_add (builder, role);
            }
          if (start != NULL)
            {
              start_text = g_strdup_printf ("start=%s", start);
              g_strv_builder_add (builder, start_text);
            }
          if (end != NULL)
            {
              end_text = g_strdup_printf ("end=%s", end);
              g_strv_builder_add (builder, end_text);
            }
          if (qualifiers != NULL)
            g_strv_builder_add (builder, qualifiers);
          details = g_strv_builder_end (builder);

          add_csv_row (table, "relation", key, iis_entity_get_id (other_end (group, relation)),
                       details[0] != NULL ? g_strjoinv ("; ", details) : NULL);
        }
    }

  return table;
}

int
cli_cmd_show (CliContext       *ctx,
              const CliCommand *command,
              int               argc,
              char            **argv)
{
  IisCatalog *catalog = NULL;
  IisEntity *entity;
  int status = CLI_EXIT_OK;

  entity = setup (ctx, command, argc, argv, &catalog, &status);
  if (entity == NULL)
    return status;

  switch (ctx->format)
    {
    case CLI_FORMAT_JSON:
      {
        g_autoptr(JsonNode) root = show_json (ctx, catalog, entity);

        cli_print_json (root);
      }
      break;

    case CLI_FORMAT_CSV:
      {
        g_autoptr(CliTable) table = show_table (ctx, catalog, entity);

        cli_table_print (table, CLI_FORMAT_CSV);
      }
      break;

    case CLI_FORMAT_TEXT:
    default:
      show_text (ctx, catalog, entity);
      break;
    }

  return CLI_EXIT_OK;
}

/* ------------------------------------------------------------------ */

typedef struct
{
  IisDate   *date;
  char      *event;
  IisEntity *other;     /* borrowed from the catalog; nullable */
  char      *detail;
} Event;

static void
event_free (gpointer data)
{
  Event *event = data;

  iis_date_free (event->date);
  g_free (event->event);
  g_free (event->detail);
  g_free (event);
}

static void
add_event (GPtrArray     *events,
           const IisDate *date,
           char          *text,
           IisEntity     *other,
           const char    *detail)
{
  Event *event;

  if (date == NULL)
    {
      g_free (text);
      return;
    }

  event = g_new0 (Event, 1);
  event->date = iis_date_copy (date);
  event->event = text;
  event->other = other;
  event->detail = g_strdup (detail);
  g_ptr_array_add (events, event);
}

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const Event *x = *(Event **) a;
  const Event *y = *(Event **) b;

  return iis_date_compare (x->date, y->date);
}

/* The words of the dates that have other words than their property's
 * name, and the property shown as the detail of the event. */
static const struct
{
  const char *property;
  const char *event;
  const char *detail;
} date_words[] = {
  { "adopted", "adopted", "adopted-place" },
  { "entry-into-force", "entered into force", NULL },
  { "start", "opened", "city" },
  { "end", "closed", NULL },
};

/* Every date property of the entity's type is an event, so that a date
 * added to a type is in the timeline with nothing to do here: it says
 * its name, "-" read as a space, unless date_words[] has other words. */
static void
add_own_events (GPtrArray *events,
                IisEntity *entity)
{
  GListModel *names = iis_entity_get_other_names (entity);
  guint n = 0;
  g_autofree GParamSpec **pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (entity), &n);

  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *detail = NULL;
      char *text = NULL;

      if (pspecs[i]->value_type != IIS_TYPE_DATE || (pspecs[i]->flags & G_PARAM_READABLE) == 0)
        continue;
      g_value_init (&value, IIS_TYPE_DATE);
      g_object_get_property (G_OBJECT (entity), pspecs[i]->name, &value);

      for (gsize w = 0; w < G_N_ELEMENTS (date_words); w++)
        if (g_str_equal (date_words[w].property, pspecs[i]->name))
          {
            text = g_strdup (date_words[w].event);
            if (date_words[w].detail != NULL)
              detail = cli_entity_property (entity, date_words[w].detail);
          }
      if (text == NULL)
        text = g_strdelimit (g_strdup (pspecs[i]->name), "-", ' ');

      add_event (events, g_value_get_boxed (&value), text, NULL, detail);
    }

  for (guint i = 0; names != NULL && i < g_list_model_get_n_items (names); i++)
    {
      g_autoptr(IisName) name = g_list_model_get_item (names, i);

      add_event (events, iis_name_get_start (name),
                 g_strdup_printf ("named “%s”", iis_name_get_text (name)), NULL, NULL);
      add_event (events, iis_name_get_end (name),
                 g_strdup_printf ("no longer named “%s”", iis_name_get_text (name)), NULL, NULL);
    }
}

static void
add_relation_events (GPtrArray *events,
                     Group     *group)
{
  for (guint i = 0; i < g_list_model_get_n_items (group->relations); i++)
    {
      g_autoptr(IisRelation) relation = g_list_model_get_item (group->relations, i);
      IisEntity *other = other_end (group, relation);
      const IisDate *start = iis_relation_get_start (relation);
      const IisDate *end = iis_relation_get_end (relation);
      const char *role = iis_relation_get_role (relation);

      /* Taking part in, hosting or organizing a forum happens when it
       * does. */
      if (start == NULL && IIS_IS_FORUM (other))
        start = iis_forum_get_start (IIS_FORUM (other));
      if (start == NULL && IIS_IS_FORUM (iis_relation_get_object (relation))
          && group->incoming)
        start = iis_forum_get_start (IIS_FORUM (iis_relation_get_object (relation)));

      add_event (events, start,
                 g_strdup (group->incoming ? group->words->started_by : group->words->starts),
                 other, role);
      add_event (events, end,
                 g_strdup (group->incoming ? group->words->ended_by : group->words->ends),
                 other, role);
    }
}

int
cli_cmd_timeline (CliContext       *ctx,
                  const CliCommand *command,
                  int               argc,
                  char            **argv)
{
  const char *columns[] = { "date", "event", "id", "detail", "name", NULL };
  g_autoptr(CliTable) table = cli_table_new (columns);
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (event_free);
  g_autoptr(GPtrArray) groups = NULL;
  IisCatalog *catalog = NULL;
  IisEntity *entity;
  int status = CLI_EXIT_OK;

  entity = setup (ctx, command, argc, argv, &catalog, &status);
  if (entity == NULL)
    return status;

  add_own_events (events, entity);
  groups = relation_groups (catalog, entity);
  for (guint g = 0; g < groups->len; g++)
    add_relation_events (events, g_ptr_array_index (groups, g));

  /* Stable: events of one date keep the order above. */
  g_ptr_array_sort (events, compare_events);

  for (guint i = 0; i < events->len; i++)
    {
      Event *event = g_ptr_array_index (events, i);
      guint row = cli_table_add_row (table);

      cli_table_take (table, row, "date", cli_date_string (event->date));
      cli_table_set (table, row, "event", event->event);
      if (event->other != NULL)
        {
          cli_table_set (table, row, "id", iis_entity_get_id (event->other));
          cli_table_set (table, row, "name", cli_entity_label (ctx, event->other));
        }
      cli_table_set (table, row, "detail", event->detail);
    }

  cli_table_print (table, ctx->format);
  return CLI_EXIT_OK;
}
