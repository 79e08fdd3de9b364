/* iis.c: the `iis` command-line tool: global options and subcommands
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * `iis` answers questions about the catalog from the command line, in
 * the spirit of libosinfo's osinfo-query:
 *
 * ```sh
 * iis members sco --role member --at 2018-01-01
 * iis --format json memberships BY
 * iis export --format dot --kind member-of --around sco | dot -Tsvg > sco.svg
 * ```
 *
 * It uses the public API of libiis only. This file parses the global
 * options (those before the subcommand, and again those after it, so
 * `iis members sco --format json` works), builds the catalog the
 * subcommands share and runs the subcommand. The subcommands live in
 * iis-cmd-*.c, grouped by concern; output goes through iis-table.c.
 *
 * Exit status: 0 success, 1 not found or problems found, 2 usage error.
 */

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "iis-tool.h"

static const CliCommand commands[] = {
  { "list", "TYPE [KEY=VALUE…]",
    "List the states, organizations, agreements, forums, threats or relations",
    "TYPE is one of states, organizations, agreements, forums, threats,\n"
    "entities (all types) or relations. KEY=VALUE arguments keep the rows\n"
    "whose field KEY is VALUE (* and ? match any text); KEY!=VALUE keeps\n"
    "the others. Fields are the property names of the type (see “iis show”),\n"
    "id, type, name, and identifier:SCHEME; relations have kind, subject,\n"
    "object, subject-name, object-name, role, start, end, confidence and\n"
    "qualifier:KEY.\n"
    "\n"
    "Examples:\n"
    "  iis list organizations kind=intergovernmental\n"
    "  iis list agreements --fields id,adopted,name --sort adopted\n"
    "  iis list relations kind=member-of object=sco --at 2018-01-01",
    cli_cmd_list },
  { "show", "ID",
    "Show everything about one entity",
    "Shows the properties, labels, other names, identifiers and sources of\n"
    "the entity, and its relations grouped by kind.\n"
    "\n"
    "Example:\n"
    "  iis show sco",
    cli_cmd_show },
  { "members", "ORG",
    "List the members of an organization",
    "Example:\n"
    "  iis members sco --role member --at 2018-01-01",
    cli_cmd_members },
  { "memberships", "ID",
    "List the memberships of a state or organization",
    "Example:\n"
    "  iis memberships BY",
    cli_cmd_memberships },
  { "parties", "AGREEMENT",
    "List the parties bound by an agreement",
    "A party is bound from the entry into force for it until a\n"
    "denunciation or withdrawal.\n"
    "\n"
    "Example:\n"
    "  iis parties sco-2009-agreement --at 2012-01-01",
    cli_cmd_parties },
  { "signatories", "AGREEMENT",
    "List the signatories of an agreement",
    NULL,
    cli_cmd_signatories },
  { "status", "AGREEMENT [PARTY]",
    "Show where each party stands with an agreement at a date",
    "For every state or organization with a treaty action on AGREEMENT (or\n"
    "only PARTY): not-signed, signed, consented (not yet in force),\n"
    "provisionally-applying, bound, denunciation-pending, denounced or\n"
    "consent-withdrawn, with the actions that decided it and the\n"
    "reservations and declarations in effect. --at defaults to today.\n"
    "\n"
    "Examples:\n"
    "  iis status coe-ets-185 --at 2024-01-01\n"
    "  iis status coe-ets-185 AT --at 2013-01-01",
    cli_cmd_status },
  { "compare", "A B",
    "Compare the parties of two agreements or the members of two organizations",
    "A and B are agreements (their parties) or organizations (their members,\n"
    "any role). Each entity is listed once, with “both”, A or B in the\n"
    "column “in”.\n"
    "\n"
    "Example:\n"
    "  iis compare coe-ets-185 coe-cets-224 --at 2025-01-01",
    cli_cmd_compare },
  { "panel", "[AGREEMENT]",
    "The state-year panel, or the dyads of parties bound by the same agreement",
    "Without --dyads: for each state or organization, year (--from, --to)\n"
    "and agreement (every one, or AGREEMENT), a row when the party is bound\n"
    "by the agreement in that year. With --dyads: each pair of parties both\n"
    "bound by an agreement at --at DATE (default: today).\n"
    "\n"
    "Examples:\n"
    "  iis panel coe-ets-185 --from 2004 --to 2024 --format csv\n"
    "  iis panel coe-ets-185 --dyads --at 2024-01-01",
    cli_cmd_panel },
  { "agreements", "ID",
    "List the agreements a state or organization is bound by",
    NULL,
    cli_cmd_agreements },
  { "addressing", "THREAT",
    "List the agreements that address a threat category",
    "With --narrower, agreements that address a narrower category count\n"
    "too.",
    cli_cmd_addressing },
  { "forums", "ID",
    "List the forums an entity organized, hosted or took part in",
    NULL,
    cli_cmd_forums },
  { "timeline", "ID",
    "Show the dated history of an entity, oldest first",
    "Lists what happened to the entity, with dates: founded, joined, signed,\n"
    "bound by, hosted, left, renamed …",
    cli_cmd_timeline },
  { "chart", "CHART ARGUMENTS…",
    "Draw a timeline, a curve of parties or an overlap as SVG, PNG or PDF",
    "Charts: timeline ENTITY, parties AGREEMENT, overlap A B [C].\n"
    "Run “iis chart CHART --help” for the options of a chart.\n"
    "\n"
    "Example:\n"
    "  iis chart timeline sco --output sco.svg",
    cli_cmd_chart },
  { "report", "ID",
    "Write one self-contained HTML page about an entity",
    "The facts, the dated relations as tables, the charts inline as SVG\n"
    "and every source as a link; no script, font or image is fetched.\n"
    "\n"
    "Example:\n"
    "  iis report sco --lang ru --output sco.html",
    cli_cmd_report },
  { "validate", "FILE…",
    "Check catalog files and report their problems",
    "Each file is loaded on its own; when it refers to entities it does not\n"
    "hold, it is loaded over the entities of the catalog (the bundled one\n"
    "and the --catalog files, without their relations). Load errors and\n"
    "validation problems are reported with their location; the exit\n"
    "status is 1 when there are any.",
    cli_cmd_validate },
  { "convert", "IN OUT",
    "Read a catalog file and write it again",
    "Writes the stable form of the file format: sorted entities and\n"
    "relations, fixed member order. “-” stands for the standard input or\n"
    "output.",
    cli_cmd_convert },
  { "compile", "FILE",
    "Write the snapshot of a catalog file, for fast loading",
    "Loads FILE (JSON) and writes its snapshot, a binary image of the\n"
    "catalog that is mapped into memory and used in place. Without\n"
    "--output it goes into the cache, where “iis --catalog FILE …” finds it\n"
    "while FILE is unchanged; with --output SNAPSHOT it goes to SNAPSHOT,\n"
    "which --catalog loads as a catalog file. Prints where it was written.\n"
    "\n"
    "Examples:\n"
    "  iis compile my-catalog.json\n"
    "  iis compile my-catalog.json --output my-catalog.snapshot",
    cli_cmd_compile },
  { "diff", "OLD NEW",
    "List what changed between two catalog files",
    "Each file is loaded on its own, without the bundled catalog. Entities\n"
    "are matched by id, relations by subject, kind, object and role (and\n"
    "then by start date); the output lists the entities and relations\n"
    "added, removed and changed, with each changed member's old and new\n"
    "value. Exit status: 0 the same, 1 different, 2 trouble (a bad command\n"
    "line or a file that cannot be loaded).\n"
    "\n"
    "Example:\n"
    "  iis diff old.json new.json --format csv",
    cli_cmd_diff },
  { "export", "[FILE]",
    "Export the catalog as DOT, CSV, JSON, SQLite or linked data",
    "DOT, CSV and JSON go to the standard output; sqlite writes a database\n"
    "to FILE; jsonld, turtle, ntriples and quickstatements go to FILE when\n"
    "it is given.\n"
    "Examples:\n"
    "  iis export --format dot --kind member-of --around sco | dot -Tsvg > sco.svg\n"
    "  iis export --format sqlite iis.sqlite",
    cli_cmd_export },
  { "import", "DATA.csv",
    "Read relations from a table through a column map",
    "Writes the relations of the table's rows as a catalog file that refers\n"
    "to the catalog's entities by id (use it with --catalog). Rows whose\n"
    "state or agreement matches no entity are reported and left out; any\n"
    "other error names its row and column, and nothing is written.\n"
    "Maps for HUGGO- and IEADB-style tables are installed in DATADIR/iis/maps.\n"
    "Example:\n"
    "  iis import --map huggo.json memberships.csv -o memberships.json",
    cli_cmd_import },
  { "stats", NULL,
    "Count the entities by type and the relations by kind",
    NULL,
    cli_cmd_stats },
};

static gboolean show_version;

static gboolean
on_catalog (const char  *option_name,
            const char  *value,
            gpointer     data,
            GError     **error)
{
  CliContext *ctx = data;

  g_ptr_array_add (ctx->catalog_files, g_strdup (value));
  return TRUE;
}

/* --no-default and --no-cache: how the catalog is built. */
static gboolean
on_catalog_switch (const char  *option_name,
                   const char  *value,
                   gpointer     data,
                   GError     **error)
{
  CliContext *ctx = data;

  if (strcmp (option_name, "--no-default") == 0)
    ctx->no_default = TRUE;
  else
    ctx->no_cache = TRUE;
  return TRUE;
}

static gboolean
on_lang (const char  *option_name,
         const char  *value,
         gpointer     data,
         GError     **error)
{
  CliContext *ctx = data;

  if (value[0] == '\0')
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "Empty language for %s", option_name);
      return FALSE;
    }
  g_free (ctx->lang);
  ctx->lang = g_strdup (value);
  return TRUE;
}

static gboolean
on_format (const char  *option_name,
           const char  *value,
           gpointer     data,
           GError     **error)
{
  CliContext *ctx = data;

  if (g_strcmp0 (value, "text") == 0)
    ctx->format = CLI_FORMAT_TEXT;
  else if (g_strcmp0 (value, "json") == 0)
    ctx->format = CLI_FORMAT_JSON;
  else if (g_strcmp0 (value, "csv") == 0)
    ctx->format = CLI_FORMAT_CSV;
  else
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "Unknown output format “%s” for %s (use text, json or csv)",
                   value, option_name);
      return FALSE;
    }
  ctx->format_set = TRUE;
  return TRUE;
}

static gboolean
on_csv_safe (const char  *option_name,
             const char  *value,
             gpointer     data,
             GError     **error)
{
  cli_table_set_csv_safe (TRUE);
  return TRUE;
}

static const GOptionEntry global_entries[] = {
  { "catalog", 0, G_OPTION_FLAG_FILENAME, G_OPTION_ARG_CALLBACK, on_catalog,
    "Load a catalog file over the bundled catalog (repeatable)", "FILE" },
  { "no-default", 0, G_OPTION_FLAG_NO_ARG, G_OPTION_ARG_CALLBACK, on_catalog_switch,
    "Start from an empty catalog instead of the bundled one", NULL },
  { "no-cache", 0, G_OPTION_FLAG_NO_ARG, G_OPTION_ARG_CALLBACK, on_catalog_switch,
    "Load the --catalog files from JSON, without the snapshot cache", NULL },
  { "lang", 0, 0, G_OPTION_ARG_CALLBACK, on_lang,
    "Language of the names shown (default: the locale)", "LANG" },
  { "format", 0, 0, G_OPTION_ARG_CALLBACK, on_format,
    "Output format: text, json or csv (default: text)", "FORMAT" },
  { "csv-safe", 0, G_OPTION_FLAG_NO_ARG, G_OPTION_ARG_CALLBACK, on_csv_safe,
    "In CSV, put an apostrophe before cells starting with = + - @ (for spreadsheets)", NULL },
  G_OPTION_ENTRY_NULL
};

static const GOptionEntry version_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, &show_version,
    "Show the version and exit", NULL },
  G_OPTION_ENTRY_NULL
};

static GOptionGroup *
global_group_new (CliContext *ctx,
                  gboolean    with_format)
{
  GOptionGroup *group = g_option_group_new ("global", "Global Options:",
                                            "Show the global options",
                                            ctx, NULL);

  if (with_format)
    g_option_group_add_entries (group, global_entries);
  else
    {
      for (gsize i = 0; global_entries[i].long_name != NULL; i++)
        {
          GOptionEntry one[2] = { global_entries[i], G_OPTION_ENTRY_NULL };

          if (strcmp (global_entries[i].long_name, "format") != 0 &&
              strcmp (global_entries[i].long_name, "csv-safe") != 0)
            g_option_group_add_entries (group, one);
        }
    }

  return group;
}

/* A context for a subcommand: its own options in the main group, the
 * global ones in a group of their own. The caller sets no translation
 * domain: the tool is not translated yet. */
GOptionContext *
cli_option_context_new (CliContext         *ctx,
                        const CliCommand   *command,
                        const GOptionEntry *entries,
                        gboolean            with_format)
{
  GOptionContext *context = g_option_context_new (command->parameters);
  g_autofree char *prgname = g_strdup_printf ("iis %s", command->name);

  g_set_prgname (prgname);
  g_option_context_set_summary (context, command->summary);
  if (command->description != NULL)
    g_option_context_set_description (context, command->description);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_add_group (context, global_group_new (ctx, with_format));

  return context;
}

int
cli_usage_error (const CliCommand *command,
                 const char       *format,
                 ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (command != NULL)
    {
      cli_error ("%s: %s", command->name, message);
      fprintf (stderr, "Try “iis %s --help”.\n", command->name);
    }
  else
    {
      cli_error ("%s", message);
      fprintf (stderr, "Try “iis --help”.\n");
    }

  return CLI_EXIT_USAGE;
}

/* Parses the options of a subcommand; on failure reports a usage error
 * and sets @status. */
gboolean
cli_parse_options (GOptionContext   *context,
                   const CliCommand *command,
                   int              *argc,
                   char           ***argv,
                   int              *status)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = cli_usage_error (command, "%s", error->message);
      return FALSE;
    }

  /* A lone "--" is left in place by GOption when it ends the options. */
  for (int i = 1; i < *argc; i++)
    if (strcmp ((*argv)[i], "--") == 0)
      {
        memmove (&(*argv)[i], &(*argv)[i + 1], sizeof (char *) * (gsize) (*argc - i));
        (*argc)--;
        break;
      }

  return TRUE;
}

/* Parse the options of a subcommand that takes exactly one argument,
 * @what in messages ("ID", "ORGANIZATION"); returns the argument, or NULL
 * with *status set. */
const char *
cli_parse_one_argument (GOptionContext    *context,
                        const CliCommand  *command,
                        int               *argc,
                        char            ***argv,
                        const char        *what,
                        int               *status)
{
  if (!cli_parse_options (context, command, argc, argv, status))
    return NULL;
  if (*argc < 2)
    {
      *status = cli_usage_error (command, "no %s given", what);
      return NULL;
    }
  if (*argc > 2)
    {
      *status = cli_usage_error (command, "unexpected argument “%s”", (*argv)[2]);
      return NULL;
    }
  return (*argv)[1];
}

/* The catalog the subcommands query: the bundled catalog (unless
 * --no-default), then each --catalog file over it, through its snapshot
 * in the cache (unless --no-cache): a large catalog is parsed once, not
 * at every command. */
IisCatalog *
cli_get_catalog (CliContext *ctx,
                 int        *status)
{
  g_autoptr(IisCatalog) catalog = NULL;
  IisLoadFlags flags = IIS_LOAD_FLAGS_OVERRIDE;

  if (ctx->catalog != NULL)
    return ctx->catalog;

  catalog = ctx->no_default ? iis_catalog_new () : iis_catalog_new_default ();
  if (!ctx->no_cache)
    flags |= IIS_LOAD_FLAGS_CACHE;

  for (guint i = 0; i < ctx->catalog_files->len; i++)
    {
      const char *path = g_ptr_array_index (ctx->catalog_files, i);
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
      g_autoptr(GError) error = NULL;

      if (!iis_catalog_load_from_file_full (catalog, file, flags, NULL, &error))
        {
          g_autofree char *message = cli_located_message (path, error);

          cli_error ("%s", message);
          *status = CLI_EXIT_FAILURE;
          return NULL;
        }
    }

  ctx->catalog = g_steal_pointer (&catalog);
  return ctx->catalog;
}

static const CliCommand *
find_command (const char *name)
{
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}

static char *
commands_description (void)
{
  GString *text = g_string_new ("Commands:\n");

  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "  %-13s%s\n", commands[i].name, commands[i].summary);

  g_string_append (text,
                   "\n"
                   "Run “iis COMMAND --help” for the options of a command.\n"
                   "\n"
                   "Exit status: 0 success, 1 not found or problems found, "
                   "2 usage error.\n"
                   "\n"
                   "Example:\n"
                   "  iis members sco --role member --at 2018-01-01");
  return g_string_free (text, FALSE);
}

static GOptionContext *
main_context_new (CliContext *ctx)
{
  GOptionContext *context = g_option_context_new ("COMMAND [ARGUMENTS…]");
  GOptionGroup *group = g_option_group_new ("iis", "Options:", "Show the options",
                                            ctx, NULL);
  g_autofree char *description = commands_description ();

  g_option_group_add_entries (group, version_entries);
  g_option_group_add_entries (group, global_entries);
  g_option_context_set_main_group (context, group);
  g_option_context_set_summary (context,
                                "Answer questions about international "
                                "information-security cooperation:\n"
                                "the states, organizations, agreements, "
                                "forums and threat categories of a libiis "
                                "catalog.");
  g_option_context_set_description (context, description);
  /* Stop at the subcommand: what follows it is the subcommand's. */
  g_option_context_set_strict_posix (context, TRUE);

  return context;
}

static int
unknown_command (const char *name)
{
  const char *best = NULL;
  guint best_distance = G_MAXUINT;
  g_autofree char *shown = cli_quote_value (name);
  guint limit = MIN (8u, MAX (2u, (guint) strlen (name) / 3));

  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      guint d = cli_levenshtein_bounded (name, commands[i].name, limit);

      if (d < best_distance)
        {
          best_distance = d;
          best = commands[i].name;
        }
    }

  if (best != NULL && best_distance <= limit)
    cli_error ("unknown command “%s”; did you mean “%s”?", shown, best);
  else
    cli_error ("unknown command “%s”", shown);
  fprintf (stderr, "Try “iis --help”.\n");

  return CLI_EXIT_USAGE;
}

/* IIS_NO_CACHE=1 turns the cache off as --no-cache does (any value but
 * an empty one and 0). */
static gboolean
cli_env_no_cache (void)
{
  const char *value = g_getenv ("IIS_NO_CACHE");

  return value != NULL && value[0] != '\0' && strcmp (value, "0") != 0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  CliContext ctx = { 0, };
  const CliCommand *command;
  int status;

  setlocale (LC_ALL, "");
  g_set_prgname ("iis");

  ctx.catalog_files = g_ptr_array_new_with_free_func (g_free);
  ctx.format = CLI_FORMAT_TEXT;
  ctx.no_cache = cli_env_no_cache ();

  context = main_context_new (&ctx);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      status = cli_usage_error (NULL, "%s", error->message);
      goto out;
    }

  if (show_version)
    {
      cli_out ("iis (libiis) " IIS_VERSION_S "\n");
      cli_outf ("bundled catalog %s\n", iis_get_bundled_catalog_version ());
      status = CLI_EXIT_OK;
      goto out;
    }

  if (argc < 2)
    {
      status = cli_usage_error (NULL, "no command given");
      goto out;
    }

  if (strcmp (argv[1], "help") == 0)
    {
      if (argc < 3)
        {
          g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

          cli_out (help);
          status = CLI_EXIT_OK;
          goto out;
        }
      command = find_command (argv[2]);
      if (command == NULL)
        {
          status = unknown_command (argv[2]);
          goto out;
        }
      else
        {
          char *help_argv[] = { argv[2], (char *) "--help", NULL };

          status = command->run (&ctx, command, 2, help_argv);
          goto out;
        }
    }

  command = find_command (argv[1]);
  if (command == NULL)
    {
      status = unknown_command (argv[1]);
      goto out;
    }

  status = command->run (&ctx, command, argc - 1, argv + 1);

out:
  fflush (stdout);
  if (ferror (stdout) && status == CLI_EXIT_OK)
    {
      cli_error ("could not write the output");
      status = CLI_EXIT_FAILURE;
    }
  g_clear_object (&ctx.catalog);
  g_ptr_array_unref (ctx.catalog_files);
  g_free (ctx.lang);

  return status;
}
