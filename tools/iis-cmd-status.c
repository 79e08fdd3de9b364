/* iis-cmd-status.c: where parties stand with an agreement; comparing two
 * sets of parties or members
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * `status AGREEMENT [PARTY]` prints iis_catalog_get_party_statuses() (or
 * one iis_catalog_get_party_status()) at --at, with the treaty actions
 * that decided each status and the reservations and declarations then in
 * effect:
 *
 * ```sh
 * $ iis status coe-ets-185 LV --at 2010-01-01
 * ID  NAME    STATUS  ACTIONS                                                  RESERVATIONS
 * LV  Latvia  bound   party-to (ratification) 2007-06-01, consented-to (…) …   reservation-to art. 22
 * ```
 *
 * `compare A B` prints iis_catalog_compare_parties(): each entity with
 * "both", A's id or B's id in the column `in`.
 */

#include <string.h>

#include "iis-tool.h"

static char *status_at_option;

static const GOptionEntry status_entries[] = {
  { "at", 0, 0, G_OPTION_ARG_STRING, &status_at_option,
    "The status at DATE (YYYY, YYYY-MM or YYYY-MM-DD; default: today)", "DATE" },
  G_OPTION_ENTRY_NULL
};

static int from_option;
static int to_option;
static gboolean dyads_option;

static const GOptionEntry panel_entries[] = {
  { "from", 0, 0, G_OPTION_ARG_INT, &from_option, "The first year (default: the last year)", "YEAR" },
  { "to", 0, 0, G_OPTION_ARG_INT, &to_option, "The last year (default: this year)", "YEAR" },
  { "dyads", 0, 0, G_OPTION_ARG_NONE, &dyads_option,
    "Pairs of parties bound by the same agreement at --at DATE instead", NULL },
  { "at", 0, 0, G_OPTION_ARG_STRING, &status_at_option,
    "With --dyads: the date (default: today)", "DATE" },
  G_OPTION_ENTRY_NULL
};

static const GOptionEntry compare_entries[] = {
  { "at", 0, 0, G_OPTION_ARG_STRING, &status_at_option,
    "Parties and members at DATE (YYYY, YYYY-MM or YYYY-MM-DD; default: at any time)", "DATE" },
  G_OPTION_ENTRY_NULL
};

/* Looks @id up; it must be of one of the two types. Reports and returns
 * NULL otherwise. */
static IisEntity *
lookup_either (CliContext *ctx,
               IisCatalog *catalog,
               const char *id,
               GType       one,
               GType       other,
               const char *wanted)
{
  IisEntity *entity = cli_lookup (ctx, catalog, id);

  if (entity == NULL)
    return NULL;
  if (!g_type_is_a (G_OBJECT_TYPE (entity), one) && !g_type_is_a (G_OBJECT_TYPE (entity), other))
    {
      cli_error ("“%s” (%s) is of type %s, not %s", iis_entity_get_id (entity),
                 cli_entity_label (ctx, entity), cli_type_title (G_OBJECT_TYPE (entity)), wanted);
      return NULL;
    }
  return entity;
}

/* "kind (role) start", and for a denunciation its effective date. */
static char *
describe_action (IisRelation *relation)
{
  GString *s = g_string_new (iis_relation_kind_to_nick (iis_relation_get_kind (relation)));
  const char *role = iis_relation_get_role (relation);
  const char *effective = iis_relation_get_qualifier (relation, "effective");

  if (role != NULL)
    g_string_append_printf (s, " (%s)", role);
  if (iis_relation_get_start (relation) != NULL)
    {
      g_autofree char *start = cli_date_string (iis_relation_get_start (relation));

      g_string_append_printf (s, " %s", start);
    }
  if (iis_relation_get_end (relation) != NULL)
    {
      g_autofree char *end = cli_date_string (iis_relation_get_end (relation));

      g_string_append_printf (s, " until %s", end);
    }
  if (effective != NULL)
    g_string_append_printf (s, ", effective %s", effective);
  return g_string_free (s, FALSE);
}

/* The relations of @model, described and joined by "; ". */
static char *
describe_relations (GListModel *model,
                    gboolean    articles)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(IisRelation) relation = g_list_model_get_item (model, i);
      const char *article = iis_relation_get_qualifier (relation, "article");

      if (s->len > 0)
        g_string_append (s, "; ");
      if (articles)
        {
          g_string_append (s, iis_relation_kind_to_nick (iis_relation_get_kind (relation)));
          if (article != NULL)
            g_string_append_printf (s, " art. %s", article);
        }
      else
        {
          g_autofree char *text = describe_action (relation);

          g_string_append (s, text);
        }
    }
  return g_string_free (s, FALSE);
}

static void
add_status_row (CliContext     *ctx,
                CliTable       *table,
                IisPartyStatus *status)
{
  IisEntity *party = iis_party_status_get_party (status);
  guint row = cli_table_add_row (table);

  cli_table_set (table, row, "id", iis_entity_get_id (party));
  cli_table_set (table, row, "name", cli_entity_label (ctx, party));
  cli_table_set (table, row, "status",
                 cli_enum_nick (IIS_TYPE_PARTY_STATUS_KIND, iis_party_status_get_kind (status)));
  cli_table_take (table, row, "actions",
                  describe_relations (iis_party_status_get_decided_by (status), FALSE));
  cli_table_take (table, row, "reservations",
                  describe_relations (iis_party_status_get_reservations (status), TRUE));
}

/* Parses the options and 2 to 3 arguments (the command name first),
 * --at, and loads the catalog. Returns NULL with @status set on any
 * failure, which it has reported. */
static IisCatalog *
setup (CliContext         *ctx,
       const CliCommand   *command,
       const GOptionEntry *entries,
       int                *argc,
       char             ***argv,
       int                 min_argc,
       const char         *missing,
       IisDate           **at,
       int                *status)
{
  g_autoptr(GOptionContext) context = cli_option_context_new (ctx, command, entries, TRUE);

  status_at_option = NULL;
  if (!cli_parse_options (context, command, argc, argv, status))
    return NULL;
  if (*argc < min_argc)
    {
      *status = cli_usage_error (command, "%s", missing);
      return NULL;
    }
  if (*argc > 3)
    {
      *status = cli_usage_error (command, "unexpected argument “%s”", (*argv)[3]);
      return NULL;
    }
  if (status_at_option != NULL && !cli_parse_date (status_at_option, at, status))
    return NULL;
  return cli_get_catalog (ctx, status);
}

int
cli_cmd_status (CliContext       *ctx,
                const CliCommand *command,
                int               argc,
                char            **argv)
{
  static const char * const columns[] = { "id", "name", "status", "actions", "reservations", NULL };
  g_autoptr(CliTable) table = NULL;
  g_autoptr(IisDate) at = NULL;
  IisCatalog *catalog;
  IisEntity *agreement, *party = NULL;
  int status = CLI_EXIT_OK;

  catalog = setup (ctx, command, status_entries, &argc, &argv, 2, "no AGREEMENT given", &at, &status);
  if (catalog == NULL)
    return status;
  agreement = cli_lookup_typed (ctx, catalog, argv[1], IIS_TYPE_AGREEMENT);
  if (agreement == NULL)
    return CLI_EXIT_FAILURE;
  if (argc == 3)
    {
      party = lookup_either (ctx, catalog, argv[2], IIS_TYPE_STATE, IIS_TYPE_ORGANIZATION,
                             "a state or an organization");
      if (party == NULL)
        return CLI_EXIT_FAILURE;
    }

  table = cli_table_new (columns);
  if (party != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(IisPartyStatus) one =
        iis_catalog_get_party_status (catalog, IIS_AGREEMENT (agreement), party, at, &error);

      if (one == NULL)
        {
          cli_error ("%s", error->message);
          return CLI_EXIT_FAILURE;
        }
      add_status_row (ctx, table, one);
    }
  else
    {
      g_autoptr(GListModel) all = iis_catalog_get_party_statuses (catalog, IIS_AGREEMENT (agreement), at);

      for (guint i = 0; i < g_list_model_get_n_items (all); i++)
        {
          g_autoptr(IisPartyStatus) one = g_list_model_get_item (all, i);

          add_status_row (ctx, table, one);
        }
    }

  cli_table_print (table, ctx->format);
  return CLI_EXIT_OK;
}

int
cli_cmd_compare (CliContext       *ctx,
                 const CliCommand *command,
                 int               argc,
                 char            **argv)
{
  static const char * const columns[] = { "id", "name", "in", NULL };
  g_autoptr(CliTable) table = NULL;
  g_autoptr(IisDate) at = NULL;
  g_autoptr(GListModel) both = NULL;
  g_autoptr(GListModel) only_a = NULL;
  g_autoptr(GListModel) only_b = NULL;
  IisCatalog *catalog;
  IisEntity *a, *b;
  int status = CLI_EXIT_OK;

  catalog = setup (ctx, command, compare_entries, &argc, &argv, 3, "expected A and B", &at, &status);
  if (catalog == NULL)
    return status;
  a = lookup_either (ctx, catalog, argv[1], IIS_TYPE_AGREEMENT, IIS_TYPE_ORGANIZATION,
                     "an agreement or an organization");
  if (a == NULL)
    return CLI_EXIT_FAILURE;
  b = lookup_either (ctx, catalog, argv[2], IIS_TYPE_AGREEMENT, IIS_TYPE_ORGANIZATION,
                     "an agreement or an organization");
  if (b == NULL)
    return CLI_EXIT_FAILURE;

  iis_catalog_compare_parties (catalog, a, b, at, &both, &only_a, &only_b);
  table = cli_table_new (columns);
  {
    GListModel *sets[] = { both, only_a, only_b };
    const char *in[] = { "both", iis_entity_get_id (a), iis_entity_get_id (b) };

    for (guint k = 0; k < G_N_ELEMENTS (sets); k++)
      for (guint i = 0; i < g_list_model_get_n_items (sets[k]); i++)
        {
          g_autoptr(IisEntity) entity = g_list_model_get_item (sets[k], i);
          guint row = cli_table_add_row (table);

          cli_table_set (table, row, "id", iis_entity_get_id (entity));
          cli_table_set (table, row, "name", cli_entity_label (ctx, entity));
          cli_table_set (table, row, "in", in[k]);
        }
  }

  cli_table_print (table, ctx->format);
  return CLI_EXIT_OK;
}

int
cli_cmd_panel (CliContext       *ctx,
               const CliCommand *command,
               int               argc,
               char            **argv)
{
  static const char * const panel_columns[] = { "id", "name", "year", "agreement", "status", NULL };
  static const char * const dyad_columns[] = { "a", "b", "agreement", "agreement-name", NULL };
  g_autoptr(CliTable) table = NULL;
  g_autoptr(IisDate) at = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  IisCatalog *catalog;
  IisEntity *agreement = NULL;
  int status = CLI_EXIT_OK;

  from_option = to_option = 0;
  dyads_option = FALSE;
  catalog = setup (ctx, command, panel_entries, &argc, &argv, 1, "", &at, &status);
  if (catalog == NULL)
    return status;
  if (argc > 2)
    return cli_usage_error (command, "unexpected argument “%s”", argv[2]);
  if (argc == 2)
    {
      agreement = cli_lookup_typed (ctx, catalog, argv[1], IIS_TYPE_AGREEMENT);
      if (agreement == NULL)
        return CLI_EXIT_FAILURE;
    }

  if (dyads_option)
    {
      g_autoptr(GListModel) dyads = iis_catalog_get_dyads (catalog, IIS_AGREEMENT (agreement), at);

      table = cli_table_new (dyad_columns);
      for (guint i = 0; i < g_list_model_get_n_items (dyads); i++)
        {
          g_autoptr(IisDyad) dyad = g_list_model_get_item (dyads, i);
          IisEntity *pact = IIS_ENTITY (iis_dyad_get_agreement (dyad));
          guint row = cli_table_add_row (table);

          cli_table_set (table, row, "a", iis_entity_get_id (iis_dyad_get_first (dyad)));
          cli_table_set (table, row, "b", iis_entity_get_id (iis_dyad_get_second (dyad)));
          cli_table_set (table, row, "agreement", iis_entity_get_id (pact));
          cli_table_set (table, row, "agreement-name", cli_entity_label (ctx, pact));
        }
    }
  else
    {
      g_autoptr(GListModel) rows = NULL;

      if (status_at_option != NULL)
        return cli_usage_error (command, "--at goes with --dyads; a panel takes --from and --to");
      if (to_option == 0)
        to_option = g_date_time_get_year (now);
      if (from_option == 0)
        from_option = to_option;
      if (from_option < 1 || to_option > 9999 || from_option > to_option)
        return cli_usage_error (command, "the years must run from 1 to 9999, --from before --to (got %d to %d)",
                                from_option, to_option);

      table = cli_table_new (panel_columns);
      rows = iis_catalog_get_panel (catalog, IIS_AGREEMENT (agreement), from_option, to_option);
      for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
        {
          g_autoptr(IisPartyStatus) one = g_list_model_get_item (rows, i);
          IisEntity *party = iis_party_status_get_party (one);
          guint row = cli_table_add_row (table);

          cli_table_set (table, row, "id", iis_entity_get_id (party));
          cli_table_set (table, row, "name", cli_entity_label (ctx, party));
          cli_table_take (table, row, "year", cli_date_string (iis_party_status_get_date (one)));
          cli_table_set (table, row, "agreement",
                         iis_entity_get_id (IIS_ENTITY (iis_party_status_get_agreement (one))));
          cli_table_set (table, row, "status",
                         cli_enum_nick (IIS_TYPE_PARTY_STATUS_KIND, iis_party_status_get_kind (one)));
        }
    }

  cli_table_print (table, ctx->format);
  return CLI_EXIT_OK;
}
