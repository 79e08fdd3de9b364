/* iis-cmd-questions.c: the questions `iis` answers about one entity
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * `members`, `memberships`, `parties`, `signatories`, `agreements`,
 * `addressing` and `forums`: each asks the catalog one question of its
 * public API and prints the answer as a table, with the details of the
 * relation behind each row (role, start, end):
 *
 * ```sh
 * $ iis members sco --role member --at 2018-01-01
 * ID  NAME        ROLE    START       END
 * CN  China       member  2001-06-15
 * …
 * ```
 *
 * The answer set is the library's (iis_catalog_get_members() …); the
 * relations only add the columns.
 */

#include <string.h>

#include "iis-tool.h"

static char *at_option;
static char *role_option;
static gboolean narrower_option;
static gboolean possibly_option;
static gboolean continuity_option;

#define POSSIBLY_ENTRY \
  { "possibly", 0, 0, G_OPTION_ARG_NONE, &possibly_option, \
    "Also what inexact dates (2005?, 201X …) leave open at DATE; a certainty column says which", NULL }

#define CONTINUITY_ENTRY \
  { "continuity", 0, 0, G_OPTION_ARG_NONE, &continuity_option, \
    "Follow continuity: a state that continues another (Russia, the USSR) holds its memberships; a via column names the state that held each", NULL }

static const GOptionEntry at_entries[] = {
  { "at", 0, 0, G_OPTION_ARG_STRING, &at_option,
    "Only what holds at DATE (YYYY, YYYY-MM or YYYY-MM-DD, or EDTF such as 2005~)", "DATE" },
  POSSIBLY_ENTRY,
  G_OPTION_ENTRY_NULL
};

static const GOptionEntry memberships_entries[] = {
  { "at", 0, 0, G_OPTION_ARG_STRING, &at_option,
    "Only what holds at DATE (YYYY, YYYY-MM or YYYY-MM-DD, or EDTF such as 2005~)", "DATE" },
  POSSIBLY_ENTRY,
  CONTINUITY_ENTRY,
  G_OPTION_ENTRY_NULL
};

static const GOptionEntry members_entries[] = {
  { "role", 0, 0, G_OPTION_ARG_STRING, &role_option,
    "Only members with this role (member, observer, dialogue-partner …)", "ROLE" },
  { "at", 0, 0, G_OPTION_ARG_STRING, &at_option,
    "Only memberships that hold at DATE (YYYY, YYYY-MM or YYYY-MM-DD, or EDTF such as 2005~)", "DATE" },
  POSSIBLY_ENTRY,
  CONTINUITY_ENTRY,
  G_OPTION_ENTRY_NULL
};

/* The mode --possibly asks for. */
static IisQuestionMode
question_mode (void)
{
  return possibly_option ? IIS_QUESTION_MODE_POSSIBLE : IIS_QUESTION_MODE_CERTAIN;
}

/* With --continuity, a column "via" names the state that held a
 * membership when it is not the one shown (the USSR for Russia). */
static const char **
with_via (const char **columns)
{
  if (continuity_option)
    {
      gsize n = g_strv_length ((char **) columns);

      columns[n] = "via";
    }
  return columns;
}

/* With --possibly, a last column "certainty" says of each row whether it
 * certainly or possibly holds: adds it to @columns, a NULL-terminated
 * array with one spare NULL at its end. */
static const char **
with_certainty (const char **columns)
{
  if (possibly_option)
    {
      gsize n = g_strv_length ((char **) columns);

      columns[n] = "certainty";
    }
  return columns;
}

static void
set_certainty (CliTable *table,
               guint     row,
               IisTruth  truth)
{
  if (possibly_option)
    cli_table_set (table, row, "certainty", truth == IIS_TRUTH_YES ? "certain" : "possible");
}

static const GOptionEntry no_entries[] = {
  G_OPTION_ENTRY_NULL
};

static const GOptionEntry addressing_entries[] = {
  { "narrower", 0, 0, G_OPTION_ARG_NONE, &narrower_option,
    "Also agreements that address a narrower category", NULL },
  G_OPTION_ENTRY_NULL
};

/* Parses the options, the one ID argument and --at; loads the catalog
 * and finds the entity, of @type. Returns NULL with @status set on any
 * failure, which it has reported. */
static IisEntity *
setup (CliContext        *ctx,
       const CliCommand  *command,
       const GOptionEntry *entries,
       int                argc,
       char             **argv,
       GType              type,
       IisDate          **at,
       IisCatalog       **catalog,
       int               *status)
{
  g_autoptr(GOptionContext) context = NULL;
  const char *id;
  IisEntity *entity;

  /* A command that has no --possibly never has it set: the flags are
   * file-wide, and a program may run several commands (the fuzz target
   * runs main() again and again). */
  possibly_option = FALSE;
  continuity_option = FALSE;
  narrower_option = FALSE;
  context = cli_option_context_new (ctx, command, entries, TRUE);
  id = cli_parse_one_argument (context, command, &argc, &argv, command->parameters, status);

  if (id == NULL)
    return NULL;

  if (at != NULL && at_option != NULL && !cli_parse_date (at_option, at, status))
    return NULL;

  *catalog = cli_get_catalog (ctx, status);
  if (*catalog == NULL)
    return NULL;

  entity = cli_lookup_typed (ctx, *catalog, id, type);
  if (entity == NULL)
    *status = CLI_EXIT_FAILURE;
  return entity;
}

static void
set_entity (CliContext *ctx,
            CliTable   *table,
            guint       row,
            IisEntity  *entity)
{
  cli_table_set (table, row, "id", iis_entity_get_id (entity));
  cli_table_set (table, row, "name", cli_entity_label (ctx, entity));
}

/* The columns a relation fills in, by name; NULL for none. */
typedef struct
{
  const char *role;
  const char *start;
  const char *end;
  const char *deposit;
} RelationColumns;

static void
set_relation (CliTable              *table,
              guint                  row,
              IisRelation           *relation,
              const RelationColumns *columns)
{
  if (columns->role != NULL)
    cli_table_set (table, row, columns->role, iis_relation_get_role (relation));
  if (columns->start != NULL)
    cli_table_take (table, row, columns->start, cli_date_string (iis_relation_get_start (relation)));
  if (columns->end != NULL)
    cli_table_take (table, row, columns->end, cli_date_string (iis_relation_get_end (relation)));
  if (columns->deposit != NULL)
    cli_table_set (table, row, columns->deposit, iis_relation_get_qualifier (relation, "deposit"));
}

/* Adds a row for each relation of @kind from @subject to @object that
 * holds at @at (and has @role, when not NULL); one bare row when none
 * does. */
static void
add_rows (CliContext            *ctx,
          IisCatalog            *catalog,
          CliTable              *table,
          IisEntity             *shown,
          IisEntity             *subject,
          IisRelationKind        kind,
          IisEntity             *object,
          const char            *role,
          const IisDate         *at,
          const RelationColumns *columns)
{
  g_autoptr(GListModel) relations = iis_catalog_list_relations (catalog, subject, kind, object);
  guint n = g_list_model_get_n_items (relations);
  gboolean any = FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IisRelation) relation = g_list_model_get_item (relations, i);
      guint row;

      IisTruth truth;

      if (role != NULL && g_strcmp0 (iis_relation_get_role (relation), role) != 0)
        continue;
      truth = iis_period_get_truth_at (iis_relation_get_start (relation),
                                       iis_relation_get_end (relation), at);
      if (!(truth == IIS_TRUTH_YES || (truth == IIS_TRUTH_UNKNOWN && possibly_option)))
        continue;

      row = cli_table_add_row (table);
      set_entity (ctx, table, row, shown);
      set_relation (table, row, relation, columns);
      set_certainty (table, row, truth);
      any = TRUE;
    }

  if (!any)
    set_entity (ctx, table, cli_table_add_row (table), shown);
}

/* The rows of every entity of @answer: its relations of @kind to @object,
 * as add_rows() gives them. */
static void
add_answer_rows (CliContext            *ctx,
                 IisCatalog            *catalog,
                 CliTable              *table,
                 GListModel            *answer,
                 IisRelationKind        kind,
                 IisEntity             *object,
                 const char            *role,
                 const IisDate         *at,
                 const RelationColumns *columns)
{
  guint n = 0;
  GObject **items = iis_answer_get_items (IIS_ANSWER (answer), &n);

  for (guint i = 0; i < n; i++)
    add_rows (ctx, catalog, table, IIS_ENTITY (items[i]), IIS_ENTITY (items[i]), kind, object,
              role, at, columns);
}

static const RelationColumns membership_columns = { "role", "start", "end", NULL };
static const RelationColumns party_columns = { "consent", "in-force", "end", "deposit" };
static const RelationColumns signature_columns = { NULL, "signed", NULL, NULL };

/* The rows of a membership found by following continuity: @shown, and
 * in the via column the state that held it when that is another. */
static void
add_continuous_row (CliContext  *ctx,
                    CliTable    *table,
                    IisEntity   *shown,
                    IisRelation *relation,
                    IisTruth     truth)
{
  guint row = cli_table_add_row (table);
  IisEntity *holder = iis_relation_get_subject (relation);

  set_entity (ctx, table, row, shown);
  set_relation (table, row, relation, &membership_columns);
  if (holder != shown)
    cli_table_set (table, row, "via", iis_entity_get_id (holder));
  set_certainty (table, row, truth);
}

/* members --continuity: each member the library answers, with the
 * memberships of it and of the states it continues that hold at @at. */
static void
add_continuous_member_rows (CliContext    *ctx,
                            IisCatalog    *catalog,
                            CliTable      *table,
                            GListModel    *members,
                            IisEntity     *organization,
                            const IisDate *at)
{
  guint n = g_list_model_get_n_items (members);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IisEntity) member = g_list_model_get_item (members, i);
      g_autoptr(GListModel) memberships =
        iis_catalog_get_memberships_continuous (catalog, member, at, question_mode ());
      gboolean any = FALSE;

      for (guint j = 0; j < g_list_model_get_n_items (memberships); j++)
        {
          g_autoptr(IisRelation) relation = g_list_model_get_item (memberships, j);

          if (iis_relation_get_object (relation) != organization ||
              (role_option != NULL && g_strcmp0 (iis_relation_get_role (relation), role_option) != 0))
            continue;
          add_continuous_row (ctx, table, member, relation,
                              iis_answer_get_truth (IIS_ANSWER (memberships), j));
          any = TRUE;
        }
      /* A member whose legal person holds the membership under the state
       * that continues it (Serbia and Montenegro in 2004, for Serbia's
       * record from 2000). */
      if (!any)
        {
          g_autoptr(GListModel) continuators =
            iis_catalog_list_relations (catalog, NULL, IIS_RELATION_KIND_CONTINUES, member);

          for (guint c = 0; c < g_list_model_get_n_items (continuators); c++)
            {
              g_autoptr(IisRelation) continuation = g_list_model_get_item (continuators, c);
              g_autoptr(GListModel) held =
                iis_catalog_list_relations (catalog, iis_relation_get_subject (continuation),
                                            IIS_RELATION_KIND_MEMBER_OF, organization);

              for (guint j = 0; j < g_list_model_get_n_items (held); j++)
                {
                  g_autoptr(IisRelation) relation = g_list_model_get_item (held, j);
                  IisTruth truth = iis_period_get_truth_at (iis_relation_get_start (relation),
                                                            iis_relation_get_end (relation), at);

                  if (truth == IIS_TRUTH_NO || (truth == IIS_TRUTH_UNKNOWN && !possibly_option) ||
                      (role_option != NULL &&
                       g_strcmp0 (iis_relation_get_role (relation), role_option) != 0))
                    continue;
                  add_continuous_row (ctx, table, member, relation, truth);
                  any = TRUE;
                }
            }
        }
      if (!any)
        set_entity (ctx, table, cli_table_add_row (table), member);
    }
}

int
cli_cmd_members (CliContext       *ctx,
                 const CliCommand *command,
                 int               argc,
                 char            **argv)
{
  const char *columns[] = { "id", "name", "role", "start", "end", NULL, NULL, NULL };
  g_autoptr(CliTable) table = NULL;
  g_autoptr(GListModel) members = NULL;
  g_autoptr(IisDate) at = NULL;
  IisCatalog *catalog = NULL;
  IisEntity *organization;
  int status = CLI_EXIT_OK;

  organization = setup (ctx, command, members_entries, argc, argv, IIS_TYPE_ORGANIZATION,
                        &at, &catalog, &status);
  if (organization == NULL)
    return status;

  table = cli_table_new (with_certainty (with_via (columns)));
  if (continuity_option)
    {
      members = iis_catalog_get_members_continuous (catalog, IIS_ORGANIZATION (organization),
                                                    role_option, at, question_mode ());
      add_continuous_member_rows (ctx, catalog, table, members, organization, at);
    }
  else
    {
      members = iis_catalog_get_members_full (catalog, IIS_ORGANIZATION (organization),
                                              role_option, at, question_mode ());
      add_answer_rows (ctx, catalog, table, members, IIS_RELATION_KIND_MEMBER_OF, organization,
                       role_option, at, &membership_columns);
    }

  cli_table_print (table, ctx->format);
  return CLI_EXIT_OK;
}

int
cli_cmd_memberships (CliContext       *ctx,
                     const CliCommand *command,
                     int               argc,
                     char            **argv)
{
  const char *columns[] = { "id", "name", "role", "start", "end", NULL, NULL, NULL };
  g_autoptr(CliTable) table = NULL;
  g_autoptr(GListModel) memberships = NULL;
  g_autoptr(IisDate) at = NULL;
  IisCatalog *catalog = NULL;
  IisEntity *member;
  int status = CLI_EXIT_OK;

  member = setup (ctx, command, memberships_entries, argc, argv, IIS_TYPE_ENTITY, &at, &catalog,
                  &status);
  if (member == NULL)
    return status;

  table = cli_table_new (with_certainty (with_via (columns)));
  if (continuity_option)
    memberships = iis_catalog_get_memberships_continuous (catalog, member, at, question_mode ());
  else
    memberships = iis_catalog_get_memberships_full (catalog, member, at, question_mode ());
  for (guint i = 0; i < g_list_model_get_n_items (memberships); i++)
    {
      g_autoptr(IisRelation) relation = g_list_model_get_item (memberships, i);
      guint row = cli_table_add_row (table);
      IisEntity *holder = iis_relation_get_subject (relation);

      set_entity (ctx, table, row, iis_relation_get_object (relation));
      set_relation (table, row, relation, &membership_columns);
      if (continuity_option && holder != member)
        cli_table_set (table, row, "via", iis_entity_get_id (holder));
      set_certainty (table, row, iis_answer_get_truth (IIS_ANSWER (memberships), i));
    }

  cli_table_print (table, ctx->format);
  return CLI_EXIT_OK;
}

int
cli_cmd_parties (CliContext       *ctx,
                 const CliCommand *command,
                 int               argc,
                 char            **argv)
{
  const char *columns[] = { "id", "name", "consent", "in-force", "end", "deposit", NULL, NULL };
  g_autoptr(CliTable) table = NULL;
  g_autoptr(GListModel) parties = NULL;
  g_autoptr(IisDate) at = NULL;
  IisCatalog *catalog = NULL;
  IisEntity *agreement;
  int status = CLI_EXIT_OK;

  agreement = setup (ctx, command, at_entries, argc, argv, IIS_TYPE_AGREEMENT, &at, &catalog, &status);
  if (agreement == NULL)
    return status;

  table = cli_table_new (with_certainty (columns));
  parties = iis_catalog_get_parties_full (catalog, IIS_AGREEMENT (agreement), at, question_mode ());
  add_answer_rows (ctx, catalog, table, parties, IIS_RELATION_KIND_PARTY_TO, agreement,
                   NULL, at, &party_columns);

  cli_table_print (table, ctx->format);
  return CLI_EXIT_OK;
}

int
cli_cmd_signatories (CliContext       *ctx,
                     const CliCommand *command,
                     int               argc,
                     char            **argv)
{
  const char *columns[] = { "id", "name", "signed", NULL };
  g_autoptr(CliTable) table = cli_table_new (columns);
  g_autoptr(GListModel) signatories = NULL;
  IisCatalog *catalog = NULL;
  IisEntity *agreement;
  int status = CLI_EXIT_OK;

  agreement = setup (ctx, command, no_entries, argc, argv, IIS_TYPE_AGREEMENT, NULL, &catalog, &status);
  if (agreement == NULL)
    return status;

  signatories = iis_catalog_get_signatories (catalog, IIS_AGREEMENT (agreement));
  add_answer_rows (ctx, catalog, table, signatories, IIS_RELATION_KIND_SIGNATORY_OF, agreement,
                   NULL, NULL, &signature_columns);

  cli_table_print (table, ctx->format);
  return CLI_EXIT_OK;
}

int
cli_cmd_agreements (CliContext       *ctx,
                    const CliCommand *command,
                    int               argc,
                    char            **argv)
{
  const char *columns[] = { "id", "kind", "consent", "in-force", "end", "deposit", "name", NULL, NULL };
  g_autoptr(CliTable) table = NULL;
  g_autoptr(GListModel) agreements = NULL;
  g_autoptr(IisDate) at = NULL;
  IisCatalog *catalog = NULL;
  IisEntity *party;
  int status = CLI_EXIT_OK;

  party = setup (ctx, command, at_entries, argc, argv, IIS_TYPE_ENTITY, &at, &catalog, &status);
  if (party == NULL)
    return status;

  table = cli_table_new (with_certainty (columns));
  agreements = iis_catalog_get_agreements_of_full (catalog, party, at, question_mode ());
  for (guint i = 0; i < g_list_model_get_n_items (agreements); i++)
    {
      g_autoptr(IisEntity) agreement = g_list_model_get_item (agreements, i);
      guint first = cli_table_get_n_rows (table);

      add_rows (ctx, catalog, table, agreement, party, IIS_RELATION_KIND_PARTY_TO, agreement,
                NULL, at, &party_columns);
      for (guint row = first; row < cli_table_get_n_rows (table); row++)
        cli_table_take (table, row, "kind", cli_entity_property (agreement, "kind"));
    }

  cli_table_print (table, ctx->format);
  return CLI_EXIT_OK;
}

int
cli_cmd_addressing (CliContext       *ctx,
                    const CliCommand *command,
                    int               argc,
                    char            **argv)
{
  const char *columns[] = { "id", "kind", "adopted", "addresses", "name", NULL };
  g_autoptr(CliTable) table = cli_table_new (columns);
  g_autoptr(GListModel) agreements = NULL;
  g_autoptr(GListModel) narrower = NULL;
  g_autoptr(GHashTable) categories = g_hash_table_new (NULL, NULL);
  IisCatalog *catalog = NULL;
  IisEntity *threat;
  int status = CLI_EXIT_OK;

  threat = setup (ctx, command, addressing_entries, argc, argv, IIS_TYPE_THREAT_CATEGORY,
                  NULL, &catalog, &status);
  if (threat == NULL)
    return status;

  /* Which of the categories counted each agreement addresses. */
  g_hash_table_add (categories, threat);
  if (narrower_option)
    {
      narrower = iis_catalog_get_parts (catalog, threat, TRUE);
      for (guint i = 0; i < g_list_model_get_n_items (narrower); i++)
        {
          g_autoptr(IisEntity) part = g_list_model_get_item (narrower, i);

          g_hash_table_add (categories, part);
        }
    }

  agreements = iis_catalog_get_agreements_addressing (catalog, IIS_THREAT_CATEGORY (threat),
                                                      narrower_option);
  for (guint i = 0; i < g_list_model_get_n_items (agreements); i++)
    {
      g_autoptr(IisEntity) agreement = g_list_model_get_item (agreements, i);
      g_autoptr(GListModel) relations = iis_catalog_list_relations (catalog, agreement,
                                                                    IIS_RELATION_KIND_ADDRESSES,
                                                                    NULL);
      g_autoptr(GStrvBuilder) addressed = g_strv_builder_new ();
      g_auto(GStrv) ids = NULL;
      guint row = cli_table_add_row (table);

      for (guint r = 0; r < g_list_model_get_n_items (relations); r++)
        {
          g_autoptr(IisRelation) relation = g_list_model_get_item (relations, r);
          IisEntity *object = iis_relation_get_object (relation);

          if (g_hash_table_contains (categories, object))
            g_strv_builder_add (addressed, iis_entity_get_id (object));
        }
      ids = g_strv_builder_end (addressed);

      set_entity (ctx, table, row, agreement);
      cli_table_take (table, row, "kind", cli_entity_property (agreement, "kind"));
      cli_table_take (table, row, "adopted", cli_entity_property (agreement, "adopted"));
      if (ids[0] != NULL)
        cli_table_take (table, row, "addresses", g_strjoinv ("; ", ids));
    }

  cli_table_print (table, ctx->format);
  return CLI_EXIT_OK;
}

int
cli_cmd_forums (CliContext       *ctx,
                const CliCommand *command,
                int               argc,
                char            **argv)
{
  static const struct {
    IisRelationKind kind;
    const char *role;
  } roles[] = {
    { IIS_RELATION_KIND_ORGANIZER_OF, "organizer" },
    { IIS_RELATION_KIND_HOST_OF, "host" },
    { IIS_RELATION_KIND_PARTICIPANT_IN, "participant" },
  };
  const char *columns[] = { "id", "kind", "start", "city", "as", "name", NULL, NULL };
  g_autoptr(CliTable) table = NULL;
  g_autoptr(GListModel) forums = NULL;
  g_autoptr(IisDate) at = NULL;
  IisCatalog *catalog = NULL;
  IisEntity *entity;
  int status = CLI_EXIT_OK;

  entity = setup (ctx, command, at_entries, argc, argv, IIS_TYPE_ENTITY, &at, &catalog, &status);
  if (entity == NULL)
    return status;

  table = cli_table_new (with_certainty (columns));
  forums = iis_catalog_get_forums_of_full (catalog, entity, at, question_mode ());
  for (guint i = 0; i < g_list_model_get_n_items (forums); i++)
    {
      g_autoptr(IisEntity) forum = g_list_model_get_item (forums, i);
      g_autoptr(GStrvBuilder) as = g_strv_builder_new ();
      g_auto(GStrv) parts = NULL;
      guint row = cli_table_add_row (table);

      for (gsize k = 0; k < G_N_ELEMENTS (roles); k++)
        {
          g_autoptr(GListModel) relations = iis_catalog_list_relations (catalog, entity,
                                                                        roles[k].kind, forum);
          gboolean holds = FALSE;

          for (guint r = 0; !holds && r < g_list_model_get_n_items (relations); r++)
            {
              g_autoptr(IisRelation) relation = g_list_model_get_item (relations, r);
              IisTruth truth = iis_period_get_truth_at (iis_relation_get_start (relation),
                                                        iis_relation_get_end (relation), at);

              holds = truth == IIS_TRUTH_YES || (truth == IIS_TRUTH_UNKNOWN && possibly_option);
            }
          if (holds)
            g_strv_builder_add (as, roles[k].role);
        }
      parts = g_strv_builder_end (as);

      set_entity (ctx, table, row, forum);
      cli_table_take (table, row, "kind", cli_entity_property (forum, "kind"));
      cli_table_take (table, row, "start", cli_entity_property (forum, "start"));
      cli_table_take (table, row, "city", cli_entity_property (forum, "city"));
      if (parts[0] != NULL)
        cli_table_take (table, row, "as", g_strjoinv ("; ", parts));
      set_certainty (table, row, iis_answer_get_truth (IIS_ANSWER (forums), i));
    }

  cli_table_print (table, ctx->format);
  return CLI_EXIT_OK;
}
