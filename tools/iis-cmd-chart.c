/* iis-cmd-chart.c: `iis chart timeline|parties|overlap`
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * ```sh
 * iis chart timeline sco --output sco.svg
 * iis chart parties coe-ets-185 --compare un-cybercrime-convention --format png -o budapest.png
 * iis chart overlap sco cis csto --at 2024-01-01 -o overlap.pdf
 * ```
 *
 * The charts are drawn with cairo and pango (iis-chart-*.c). A build
 * without them (meson option `charts`) still has the command, which then
 * says so and fails.
 */

#include <string.h>
#include <unistd.h>

#include "iis-tool.h"

#ifdef IIS_HAVE_CHARTS
#include "iis-chart.h"

typedef enum {
  CHART_TIMELINE,
  CHART_PARTIES,
  CHART_OVERLAP,
} ChartKind;

static const struct
{
  ChartKind   kind;
  CliCommand  command;
} charts[] = {
  { CHART_TIMELINE,
    { "chart timeline", "ENTITY",
      "Draw the members of an organization, or the memberships and treaties of a state, over time",
      "One row per member (or organization, or agreement), one bar per period,\n"
      "coloured by role; hatched ends are uncertain or approximate dates.\n"
      "\n"
      "Example:\n"
      "  iis chart timeline sco --output sco.svg",
      NULL } },
  { CHART_PARTIES,
    { "chart parties", "AGREEMENT",
      "Draw the number of signatories and parties of an agreement over time",
      "Step curves of the signatories and the parties bound, with the entry\n"
      "into force marked; --compare adds the curves of a second agreement.\n"
      "\n"
      "Example:\n"
      "  iis chart parties coe-ets-185 --format png --output budapest.png",
      NULL } },
  { CHART_OVERLAP,
    { "chart overlap", "A B [C]",
      "Draw which states belong to, or are bound by, two or three organizations or agreements",
      "The members (of an organization: with --role, member by default) or the\n"
      "parties (of an agreement) at --at, grouped by the sets they are in.\n"
      "\n"
      "Example:\n"
      "  iis chart overlap sco cis csto --at 2024-01-01 --output overlap.svg",
      NULL } },
};

static gboolean
parse_chart_format (const char  *text,
                    ChartFormat *format)
{
  if (g_ascii_strcasecmp (text, "svg") == 0)
    *format = CHART_FORMAT_SVG;
  else if (g_ascii_strcasecmp (text, "png") == 0)
    *format = CHART_FORMAT_PNG;
  else if (g_ascii_strcasecmp (text, "pdf") == 0)
    *format = CHART_FORMAT_PDF;
  else
    return FALSE;
  return TRUE;
}

static int
list_charts (const CliCommand *command,
             gboolean          to_stderr)
{
  GString *text = g_string_new ("Usage:\n  iis chart CHART [OPTION…] ARGUMENTS\n\nCharts:\n");

  for (gsize i = 0; i < G_N_ELEMENTS (charts); i++)
    g_string_append_printf (text, "  %-10s%s\n", charts[i].command.name + strlen ("chart "),
                            charts[i].command.summary);
  g_string_append (text, "\nRun “iis chart CHART --help” for the options of a chart.\n");
  if (to_stderr)
    fputs (text->str, stderr);
  else
    cli_out (text->str);
  g_string_free (text, TRUE);
  return to_stderr ? CLI_EXIT_USAGE : CLI_EXIT_OK;
}

int
cli_cmd_chart (CliContext       *ctx,
               const CliCommand *command,
               int               argc,
               char            **argv)
{
  g_autofree char *format_text = NULL;
  g_autofree char *output = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *at = NULL;
  g_autofree char *compare = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ChartCanvas) canvas = NULL;
  g_autoptr(GError) error = NULL;
  ChartOptions options = { CHART_FORMAT_SVG, };
  const CliCommand *chart = NULL;
  ChartKind kind = CHART_TIMELINE;
  IisCatalog *catalog;
  int status = CLI_EXIT_OK;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text,
      "svg, png or pdf (default: from the --output name, else svg)", "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      "Write the chart to FILE (default: the standard output)", "FILE" },
    { "title", 0, 0, G_OPTION_ARG_STRING, &options.title,
      "The chart's title (default: made from the data)", "TEXT" },
    { "width", 0, 0, G_OPTION_ARG_INT, &options.width,
      "Width in pixels (default 960)", "PIXELS" },
    { "height", 0, 0, G_OPTION_ARG_INT, &options.height,
      "Height in pixels (default: from the data)", "PIXELS" },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from,
      "First date shown (default: from the data)", "DATE" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to,
      "Last date shown (default: today or the last date of the data)", "DATE" },
    { NULL },
    { NULL },
    G_OPTION_ENTRY_NULL
  };
  const GOptionEntry compare_entry = {
    "compare", 0, 0, G_OPTION_ARG_STRING, &compare,
    "Draw the curves of a second agreement too", "AGREEMENT" };
  const GOptionEntry at_entry = {
    "at", 0, 0, G_OPTION_ARG_STRING, &at,
    "The date of the overlap (default: today)", "DATE" };
  const GOptionEntry role_entry = {
    "role", 0, 0, G_OPTION_ARG_STRING, &options.role,
    "Members of an organization in this role (default: member)", "ROLE" };

  if (argc < 2)
    {
      cli_error ("chart: no chart given (timeline, parties or overlap)");
      return list_charts (command, TRUE);
    }
  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0
      || strcmp (argv[1], "help") == 0)
    return list_charts (command, FALSE);

  for (gsize i = 0; i < G_N_ELEMENTS (charts); i++)
    if (strcmp (argv[1], charts[i].command.name + strlen ("chart ")) == 0)
      {
        chart = &charts[i].command;
        kind = charts[i].kind;
      }
  if (chart == NULL)
    {
      g_autofree char *shown = cli_quote_value (argv[1]);

      cli_error ("chart: unknown chart “%s” (use timeline, parties or overlap)", shown);
      return CLI_EXIT_USAGE;
    }
  argc--;
  argv++;

  if (kind == CHART_PARTIES)
    entries[7] = compare_entry;
  else if (kind == CHART_OVERLAP)
    {
      entries[7] = at_entry;
      entries[8] = role_entry;
    }

  context = cli_option_context_new (ctx, chart, entries, FALSE);
  if (!cli_parse_options (context, chart, &argc, &argv, &status))
    goto out;

  if (format_text != NULL)
    {
      if (!parse_chart_format (format_text, &options.format))
        {
          status = cli_usage_error (chart, "unknown chart format “%s” (use svg, png or pdf)",
                                    format_text);
          goto out;
        }
    }
  else if (output != NULL)
    {
      const char *dot = strrchr (output, '.');

      if (dot == NULL || !parse_chart_format (dot + 1, &options.format))
        options.format = CHART_FORMAT_SVG;
    }
  if (options.format != CHART_FORMAT_SVG && (output == NULL || strcmp (output, "-") == 0)
      && isatty (STDOUT_FILENO))
    {
      status = cli_usage_error (chart, "not writing a %s image to a terminal: use --output FILE",
                                options.format == CHART_FORMAT_PNG ? "PNG" : "PDF");
      goto out;
    }
  if (options.width < 0 || options.width > 20000 || options.height < 0 || options.height > 20000
      || (options.width > 0 && options.width < 200) || (options.height > 0 && options.height < 150))
    {
      status = cli_usage_error (chart, "sizes run from 200 × 150 to 20000 × 20000 pixels");
      goto out;
    }
  if ((from != NULL && !cli_parse_date (from, &options.from, &status))
      || (to != NULL && !cli_parse_date (to, &options.to, &status))
      || (at != NULL && !cli_parse_date (at, &options.at, &status)))
    goto out;
  if (options.from != NULL && options.to != NULL
      && iis_date_compare (options.from, options.to) >= 0)
    {
      status = cli_usage_error (chart, "--from must come before --to");
      goto out;
    }

  if (kind == CHART_OVERLAP ? (argc < 3 || argc > 4) : argc != 2)
    {
      if (argc < 2)
        status = cli_usage_error (chart, "no %s given", chart->parameters);
      else
        status = cli_usage_error (chart, "%s: wrong number of arguments (%s)",
                                  kind == CHART_OVERLAP ? "two or three needed" : "one needed",
                                  chart->parameters);
      goto out;
    }

  catalog = cli_get_catalog (ctx, &status);
  if (catalog == NULL)
    goto out;

  switch (kind)
    {
    case CHART_TIMELINE:
      {
        IisEntity *entity = cli_lookup (ctx, catalog, argv[1]);

        if (entity == NULL)
          {
            status = CLI_EXIT_FAILURE;
            goto out;
          }
        canvas = chart_timeline_draw (ctx, catalog, entity, &options, &status);
      }
      break;

    case CHART_PARTIES:
      {
        IisEntity *agreement = cli_lookup_typed (ctx, catalog, argv[1], IIS_TYPE_AGREEMENT);
        IisEntity *other = NULL;

        if (agreement == NULL
            || (compare != NULL
                && (other = cli_lookup_typed (ctx, catalog, compare, IIS_TYPE_AGREEMENT)) == NULL))
          {
            status = CLI_EXIT_FAILURE;
            goto out;
          }
        canvas = chart_parties_draw (ctx, catalog, IIS_AGREEMENT (agreement),
                                     other != NULL ? IIS_AGREEMENT (other) : NULL,
                                     &options, &status);
      }
      break;

    case CHART_OVERLAP:
    default:
      {
        IisEntity *sets[3] = { NULL, };
        guint n = (guint) argc - 1;

        for (guint i = 0; i < n; i++)
          {
            sets[i] = cli_lookup (ctx, catalog, argv[i + 1]);
            if (sets[i] == NULL)
              {
                status = CLI_EXIT_FAILURE;
                goto out;
              }
            if (!IIS_IS_ORGANIZATION (sets[i]) && !IIS_IS_AGREEMENT (sets[i]))
              {
                cli_error ("“%s” is neither an organization nor an agreement",
                           iis_entity_get_id (sets[i]));
                status = CLI_EXIT_FAILURE;
                goto out;
              }
            for (guint j = 0; j < i; j++)
              if (sets[j] == sets[i])
                {
                  status = cli_usage_error (chart, "“%s” is given twice",
                                            iis_entity_get_id (sets[i]));
                  goto out;
                }
          }
        canvas = chart_overlap_draw (ctx, catalog, sets, n, &options, &status);
      }
      break;
    }

  if (canvas == NULL)
    goto out;

  if (!chart_canvas_write (canvas, options.format, output, &error))
    {
      cli_error ("%s", error->message);
      status = CLI_EXIT_FAILURE;
    }

out:
  chart_options_clear (&options);
  return status;
}

#else /* !IIS_HAVE_CHARTS */

int
cli_cmd_chart (CliContext       *ctx,
               const CliCommand *command,
               int               argc,
               char            **argv)
{
  cli_error ("chart: this iis was built without charts (they need cairo and pangocairo; "
             "build with -Dcharts=enabled)");
  return CLI_EXIT_FAILURE;
}

#endif
