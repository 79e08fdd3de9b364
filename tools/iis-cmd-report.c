/* iis-cmd-report.c: `iis report`, one HTML page about an entity
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * ```sh
 * iis report sco --output sco.html
 * iis report coe-ets-185 --lang fr > budapest.html
 * ```
 *
 * One self-contained page: the entity's facts, labels, names and
 * identifiers, its description, its charts inline as SVG (when the tool
 * was built with charts), its relations as tables, and every source as a
 * link. Nothing is fetched when it is opened: the styles are inline, the
 * charts are inline SVG, no script is used, and a Content-Security-Policy
 * forbids any request; only the source links lead off the page, when the
 * reader follows them.
 */

#include <string.h>

#include "iis-tool.h"

#ifdef IIS_HAVE_CHARTS
#include "iis-chart.h"
#endif

static const char style[] =
  "body{font-family:sans-serif;margin:2em auto;max-width:72em;padding:0 1em;"
  "color:#1a1a1a;line-height:1.4}"
  "h1{margin-bottom:0}h2{margin-top:1.6em;border-bottom:1px solid #ccc}"
  ".kind{color:#555;margin-top:.2em}"
  "table{border-collapse:collapse;margin:.5em 0}"
  "th,td{text-align:start;padding:.2em .8em .2em 0;vertical-align:top}"
  ".relations th{border-bottom:1px solid #999}tr:nth-child(even) td{background:#f4f4f4}"
  ".facts th{padding-right:1.5em}"
  "figure{margin:1em 0}svg{max-width:100%;height:auto}"
  "figcaption{color:#555;font-size:.9em}"
  ".sources a{margin-right:.3em}blockquote{color:#444;margin:.2em 0 .2em 1em}"
  "footer{margin-top:3em;color:#666;font-size:.85em}";

/* Escaped text for HTML; NULL is empty. */
static void
append_text (GString    *html,
             const char *text)
{
  g_autofree char *escaped = NULL;

  if (text == NULL)
    return;
  escaped = g_markup_escape_text (text, -1);
  g_string_append (html, escaped);
}

static void
append_element (GString    *html,
                const char *tag,
                const char *text)
{
  g_string_append_printf (html, "<%s>", tag);
  append_text (html, text);
  g_string_append_printf (html, "</%s>", tag);
}

/* Only links a reader can follow to a source; anything else ("javascript:",
 * a local file) is shown as text. */
static gboolean
is_web_link (const char *url)
{
  return url != NULL
         && (g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://"));
}

/* The sources of the page, numbered in the order they are first cited,
 * each once. */
typedef struct
{
  GPtrArray  *sources;     /* of IisSource, owned */
  GHashTable *numbers;     /* IisSource → number, for identical ones */
} SourceList;

static guint
source_hash (gconstpointer key)
{
  IisSource *source = (IisSource *) key;

  return g_str_hash (iis_source_get_title (source) ? iis_source_get_title (source) : "")
         ^ g_str_hash (iis_source_get_url (source) ? iis_source_get_url (source) : "");
}

static gboolean
source_equal (gconstpointer a,
              gconstpointer b)
{
  IisSource *x = (IisSource *) a, *y = (IisSource *) b;

  return g_strcmp0 (iis_source_get_title (x), iis_source_get_title (y)) == 0
         && g_strcmp0 (iis_source_get_url (x), iis_source_get_url (y)) == 0
         && g_strcmp0 (iis_source_get_document (x), iis_source_get_document (y)) == 0
         && g_strcmp0 (iis_source_get_quote (x), iis_source_get_quote (y)) == 0;
}

static guint
cite (SourceList *list,
      IisSource  *source)
{
  gpointer number;

  if (g_hash_table_lookup_extended (list->numbers, source, NULL, &number))
    return GPOINTER_TO_UINT (number);
  g_ptr_array_add (list->sources, g_object_ref (source));
  g_hash_table_insert (list->numbers, source, GUINT_TO_POINTER (list->sources->len));
  return list->sources->len;
}

/* Links to the sources of a fact: [1] [2] … */
static void
append_citations (GString    *html,
                  SourceList *list,
                  GListModel *sources)
{
  guint n = sources != NULL ? g_list_model_get_n_items (sources) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IisSource) source = g_list_model_get_item (sources, i);
      guint number = cite (list, source);

      g_string_append_printf (html, "<a href=\"#source-%u\">[%u]</a>", number, number);
    }
}

static void
append_row (GString    *html,
            const char *key,
            const char *value)
{
  if (value == NULL || value[0] == '\0')
    return;
  g_string_append (html, "<tr>");
  append_element (html, "th", key);
  append_element (html, "td", value);
  g_string_append (html, "</tr>\n");
}

static void
append_facts (CliContext *ctx,
              GString    *html,
              IisEntity  *entity)
{
  guint n;
  g_autofree GParamSpec **pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (entity),
                                                                   &n);
  g_auto(GStrv) schemes = iis_entity_dup_identifier_schemes (entity);
  g_auto(GStrv) languages = iis_entity_dup_label_languages (entity);
  GListModel *names = iis_entity_get_other_names (entity);

  g_string_append (html, "<h2>Facts</h2>\n<table class=\"facts\">\n");
  append_row (html, "id", iis_entity_get_id (entity));
  append_row (html, "type", iis_entity_get_type_nick (entity));
  append_row (html, "name", iis_entity_get_name (entity));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *value = NULL;

      if ((pspecs[i]->flags & G_PARAM_READABLE) == 0
          || g_strv_contains ((const char * const[]) { "id", "name", "description", NULL },
                              pspecs[i]->name))
        continue;
      value = cli_entity_property (entity, pspecs[i]->name);
      append_row (html, pspecs[i]->name, value);
    }
  for (guint i = 0; schemes != NULL && schemes[i] != NULL; i++)
    {
      g_autofree char *key = g_strdup_printf ("identifier: %s", schemes[i]);

      append_row (html, key, iis_entity_get_identifier (entity, schemes[i]));
    }
  for (guint i = 0; languages != NULL && languages[i] != NULL; i++)
    {
      g_autofree char *key = g_strdup_printf ("label (%s)", languages[i]);

      g_string_append (html, "<tr>");
      append_element (html, "th", key);
      g_string_append_printf (html, "<td lang=\"%s\" dir=\"auto\">", languages[i]);
      append_text (html, iis_entity_get_label (entity, languages[i]));
      g_string_append (html, "</td></tr>\n");
    }
  for (guint i = 0; names != NULL && i < g_list_model_get_n_items (names); i++)
    {
      g_autoptr(IisName) name = g_list_model_get_item (names, i);
      g_autofree char *period = cli_period_string (iis_name_get_start (name),
                                                   iis_name_get_end (name));
      g_autofree char *value = g_strdup_printf ("%s%s%s%s", iis_name_get_text (name),
                                                period != NULL ? " (" : "",
                                                period != NULL ? period : "",
                                                period != NULL ? ")" : "");

      append_row (html, "other name", value);
    }
  g_string_append (html, "</table>\n");

  if (iis_entity_get_description (entity) != NULL)
    {
      g_string_append (html, "<p class=\"description\">");
      append_text (html, iis_entity_get_description (entity));
      g_string_append (html, "</p>\n");
    }
}

#ifdef IIS_HAVE_CHARTS
static void
append_chart (GString     *html,
              ChartCanvas *canvas,
              const char  *prefix,
              const char  *caption)
{
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;
  const char *data;

  if (canvas == NULL)
    return;
  svg = chart_canvas_to_svg (canvas, prefix, &error);
  if (svg == NULL)
    {
      cli_error ("%s", error->message);
      return;
    }
  data = g_bytes_get_data (svg, &len);
  g_string_append_printf (html, "<figure class=\"chart\" id=\"%schart\">\n", prefix);
  g_string_append_len (html, data, (gssize) len);
  g_string_append (html, "<figcaption>");
  append_text (html, caption);
  g_string_append (html, "</figcaption></figure>\n");
}
#endif

static void
append_charts (CliContext *ctx,
               GString    *html,
               IisCatalog *catalog,
               IisEntity  *entity)
{
#ifdef IIS_HAVE_CHARTS
  ChartOptions options = { CHART_FORMAT_SVG, };
  int status = CLI_EXIT_OK;
  g_autoptr(GString) charts = g_string_new (NULL);
  g_autofree char *id = cli_quote_value (iis_entity_get_id (entity));
  g_autoptr(GListModel) members = iis_catalog_list_relations (catalog, NULL,
                                                              IIS_RELATION_KIND_MEMBER_OF,
                                                              entity);
  guint n_outgoing = 0;

  /* The charts print nothing when there is nothing to draw. */
  if (IIS_IS_AGREEMENT (entity))
    {
      g_autoptr(GListModel) bound = iis_catalog_list_relations (catalog, NULL,
                                                                IIS_RELATION_KIND_PARTY_TO, entity);
      g_autoptr(GListModel) signed_by = iis_catalog_list_relations (catalog, NULL,
                                                                    IIS_RELATION_KIND_SIGNATORY_OF,
                                                                    entity);

      if (g_list_model_get_n_items (bound) + g_list_model_get_n_items (signed_by) > 0)
        {
          g_autoptr(ChartCanvas) curve = chart_parties_draw (ctx, catalog, IIS_AGREEMENT (entity),
                                                             NULL, &options, &status);
          g_autoptr(ChartCanvas) timeline = chart_timeline_draw (ctx, catalog, entity, &options,
                                                                 &status);
          g_autofree char *c1 = g_strdup_printf ("iis chart parties %s", id);
          g_autofree char *c2 = g_strdup_printf ("iis chart timeline %s", id);

          append_chart (charts, curve, "parties-", c1);
          append_chart (charts, timeline, "timeline-", c2);
        }
    }
  else
    {
      g_autofree char *caption = g_strdup_printf ("iis chart timeline %s", id);
      IisRelationKind drawn[] = {
        IIS_RELATION_KIND_MEMBER_OF, IIS_RELATION_KIND_SIGNATORY_OF, IIS_RELATION_KIND_PARTY_TO,
      };

      for (gsize i = 0; i < G_N_ELEMENTS (drawn); i++)
        {
          g_autoptr(GListModel) relations = iis_catalog_list_relations (catalog, entity, drawn[i],
                                                                        NULL);

          n_outgoing += g_list_model_get_n_items (relations);
        }
      if (g_list_model_get_n_items (members) > 0 || (!IIS_IS_ORGANIZATION (entity) && n_outgoing > 0))
        {
          g_autoptr(ChartCanvas) timeline = chart_timeline_draw (ctx, catalog, entity, &options,
                                                                 &status);

          append_chart (charts, timeline, "timeline-", caption);
        }
    }

  if (charts->len > 0)
    {
      g_string_append (html, "<h2>Charts</h2>\n");
      g_string_append_len (html, charts->str, (gssize) charts->len);
    }
  chart_options_clear (&options);
#endif
}

static void
append_relations (CliContext *ctx,
                  GString    *html,
                  IisCatalog *catalog,
                  IisEntity  *entity,
                  SourceList *sources)
{
  g_autoptr(GEnumClass) kinds = g_type_class_ref (IIS_TYPE_RELATION_KIND);
  gboolean heading = FALSE;

  for (guint k = 0; k < kinds->n_values; k++)
    for (int incoming = 0; incoming < 2; incoming++)
      {
        IisRelationKind kind = (IisRelationKind) kinds->values[k].value;
        g_autoptr(GListModel) relations = NULL;
        guint n;

        if (kind == IIS_RELATION_KIND_ANY)
          continue;
        relations = incoming ? iis_catalog_list_relations (catalog, NULL, kind, entity)
                             : iis_catalog_list_relations (catalog, entity, kind, NULL);
        n = g_list_model_get_n_items (relations);
        if (n == 0)
          continue;

        if (!heading)
          g_string_append (html, "<h2>Relations</h2>\n");
        heading = TRUE;
        g_string_append_printf (html, "<h3 id=\"%s-%s\">", iis_relation_kind_to_nick (kind),
                                incoming ? "incoming" : "outgoing");
        append_text (html, cli_relation_heading (kind, incoming));
        g_string_append_printf (html, " (%u)</h3>\n<table class=\"relations\">\n"
                                "<tr><th>name</th><th>id</th><th>role</th><th>start</th>"
                                "<th>end</th><th>details</th><th>sources</th></tr>\n", n);
        for (guint i = 0; i < n; i++)
          {
            g_autoptr(IisRelation) relation = g_list_model_get_item (relations, i);
            IisEntity *other = incoming ? iis_relation_get_subject (relation)
                                        : iis_relation_get_object (relation);
            g_autofree char *start = cli_date_string (iis_relation_get_start (relation));
            g_autofree char *end = cli_date_string (iis_relation_get_end (relation));
            g_auto(GStrv) keys = iis_relation_dup_qualifier_keys (relation);

            g_string_append (html, "<tr><td dir=\"auto\">");
            append_text (html, cli_entity_label (ctx, other));
            g_string_append (html, "</td>");
            append_element (html, "td", iis_entity_get_id (other));
            append_element (html, "td", iis_relation_get_role (relation));
            append_element (html, "td", start);
            append_element (html, "td", end);
            g_string_append (html, "<td>");
            for (guint q = 0; keys != NULL && keys[q] != NULL; q++)
              {
                g_autofree char *pair = g_strdup_printf ("%s%s: %s", q > 0 ? "; " : "", keys[q],
                                                         iis_relation_get_qualifier (relation,
                                                                                     keys[q]));
                append_text (html, pair);
              }
            g_string_append (html, "</td><td class=\"sources\">");
            append_citations (html, sources, iis_relation_get_sources (relation));
            g_string_append (html, "</td></tr>\n");
          }
        g_string_append (html, "</table>\n");
      }
}

static void
append_sources (GString    *html,
                SourceList *list)
{
  if (list->sources->len == 0)
    return;

  g_string_append (html, "<h2>Sources</h2>\n<ol class=\"source-list\">\n");
  for (guint i = 0; i < list->sources->len; i++)
    {
      IisSource *source = g_ptr_array_index (list->sources, i);
      const char *url = iis_source_get_url (source);
      const char *title = iis_source_get_title (source);
      g_autofree char *date = cli_date_string (iis_source_get_date (source));
      const char *details[] = {
        iis_source_get_publisher (source), date, iis_source_get_document (source),
      };

      g_string_append_printf (html, "<li id=\"source-%u\">", i + 1);
      if (is_web_link (url))
        {
          g_autofree char *href = g_markup_escape_text (url, -1);

          g_string_append_printf (html, "<a href=\"%s\" rel=\"noreferrer\">", href);
          append_text (html, title != NULL ? title : url);
          g_string_append (html, "</a>");
        }
      else
        {
          append_text (html, title != NULL ? title : "(untitled)");
          if (url != NULL)
            {
              g_string_append (html, ", ");
              append_text (html, url);
            }
        }
      for (gsize d = 0; d < G_N_ELEMENTS (details); d++)
        if (details[d] != NULL && details[d][0] != '\0')
          {
            g_string_append (html, ", ");
            append_text (html, details[d]);
          }
      if (iis_source_get_quote (source) != NULL)
        {
          g_string_append (html, "<blockquote dir=\"auto\">");
          append_text (html, iis_source_get_quote (source));
          g_string_append (html, "</blockquote>");
        }
      g_string_append (html, "</li>\n");
    }
  g_string_append (html, "</ol>\n");
}

static char *
report_html (CliContext *ctx,
             IisCatalog *catalog,
             IisEntity  *entity)
{
  GString *html = g_string_new (NULL);
  SourceList sources = {
    g_ptr_array_new_with_free_func (g_object_unref),
    g_hash_table_new (source_hash, source_equal),
  };
  g_autofree char *lang = g_markup_escape_text (ctx->lang != NULL ? ctx->lang : "en", -1);
  const char *label = cli_entity_label (ctx, entity);

  g_string_append_printf (html,
                          "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
                          /* Nothing may be fetched: no image, font, script or frame. */
                          "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                          "style-src 'unsafe-inline'; img-src data:; form-action 'none'; "
                          "base-uri 'none'\">\n"
                          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                          "<meta name=\"generator\" content=\"iis (libiis) %s\">\n<title>",
                          lang, IIS_VERSION_S);
  append_text (html, label);
  g_string_append_printf (html, "</title>\n<style>%s</style>\n</head>\n<body>\n<header>\n<h1 dir=\"auto\">",
                          style);
  append_text (html, label);
  g_string_append (html, "</h1>\n<p class=\"kind\">");
  append_text (html, cli_type_title (G_OBJECT_TYPE (entity)));
  g_string_append (html, " · ");
  append_text (html, iis_entity_get_id (entity));
  g_string_append (html, " <span class=\"sources\">");
  append_citations (html, &sources, iis_entity_get_sources (entity));
  g_string_append (html, "</span></p>\n</header>\n<main>\n");

  append_facts (ctx, html, entity);
  append_charts (ctx, html, catalog, entity);
  append_relations (ctx, html, catalog, entity, &sources);
  append_sources (html, &sources);

  g_string_append_printf (html, "</main>\n<footer>Made by iis (libiis) %s from the bundled "
                          "catalog %s and the catalog files given.</footer>\n</body>\n</html>\n",
                          IIS_VERSION_S, iis_get_bundled_catalog_version ());

  g_ptr_array_unref (sources.sources);
  g_hash_table_unref (sources.numbers);
  return g_string_free (html, FALSE);
}

int
cli_cmd_report (CliContext       *ctx,
                const CliCommand *command,
                int               argc,
                char            **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_autofree char *html = NULL;
  g_autoptr(GError) error = NULL;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      "Output format: html (the only one)", "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      "Write the page to FILE (default: the standard output)", "FILE" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = cli_option_context_new (ctx, command, entries, FALSE);
  int status = CLI_EXIT_OK;
  const char *id = cli_parse_one_argument (context, command, &argc, &argv, "ID", &status);
  IisCatalog *catalog;
  IisEntity *entity;

  if (id == NULL)
    return status;
  if (format != NULL && g_ascii_strcasecmp (format, "html") != 0)
    return cli_usage_error (command, "unknown report format “%s” (use html)", format);

  catalog = cli_get_catalog (ctx, &status);
  if (catalog == NULL)
    return status;
  entity = cli_lookup (ctx, catalog, id);
  if (entity == NULL)
    return CLI_EXIT_FAILURE;

  html = report_html (ctx, catalog, entity);
  if (output == NULL || strcmp (output, "-") == 0)
    cli_out (html);
  else if (!g_file_set_contents (output, html, -1, &error))
    {
      cli_error ("%s", error->message);
      return CLI_EXIT_FAILURE;
    }

  return CLI_EXIT_OK;
}
