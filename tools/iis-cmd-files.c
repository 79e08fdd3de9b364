/* iis-cmd-files.c: `iis validate`, `iis convert` and `iis export`
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * The subcommands that read or write whole catalogs:
 *
 * ```sh
 * iis validate my-catalog.json           # problems, exit status 1 if any
 * iis convert in.json out.json --compact # the stable form of the format
 * iis export --format dot --kind member-of --around sco | dot -Tsvg > sco.svg
 * iis export --format csv --kind party-to
 * ```
 *
 * `validate` loads each file into an empty catalog; a file that refers to
 * entities it does not hold (a fragment such as data/catalog/sco.json,
 * which names states by their ISO codes) is loaded again over the
 * entities of the base catalog (the bundled one and the --catalog files)
 * without their relations, so that only the file's own facts are
 * checked. Problems the base alone has are not reported.
 */

#include <errno.h>
#include <string.h>

#include <sys/stat.h>

#include <glib/gstdio.h>

#include "iis-export.h"

/* ------------------------------------------------------------------ */
/* validate */

static const GOptionEntry validate_entries[] = {
  G_OPTION_ENTRY_NULL
};

/* The base catalog's entities without its relations, as file-format
 * text; NULL when the base is empty. */
static char *
base_entities_data (CliContext  *ctx,
                    gboolean    *failed)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  IisCatalog *base;
  JsonNode *root;
  gsize length;
  int status;

  *failed = FALSE;
  base = cli_get_catalog (ctx, &status);
  if (base == NULL)
    {
      *failed = TRUE;
      return NULL;
    }
  if (iis_catalog_get_n_entities (base) == 0)
    return NULL;

  data = iis_catalog_to_data_full (base, IIS_SAVE_FLAGS_COMPACT, &length, &error);
  if (data == NULL || !json_parser_load_from_data (parser, data, (gssize) length, &error))
    {
      cli_error ("could not copy the base catalog: %s", error->message);
      *failed = TRUE;
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (JSON_NODE_HOLDS_OBJECT (root))
    json_object_remove_member (json_node_get_object (root), "relations");
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/* What tells a problem of the base from one of the file. A warning's
 * message ends with how many more places share it ("(and in 12 more
 * sources)"), which differs between the base and the base with the file:
 * that count is left out. */
static char *
problem_key (IisProblem *problem)
{
  const char *message = iis_problem_get_message (problem);
  const char *more = iis_problem_get_severity (problem) == IIS_PROBLEM_SEVERITY_WARNING
    ? g_strrstr (message, " (and in ") : NULL;

  return g_strdup_printf ("%s\x1f%.*s", iis_problem_get_subject_id (problem),
                          more != NULL ? (int) (more - message) : (int) strlen (message),
                          message);
}

static void
add_problem_row (CliTable   *table,
                 const char *path,
                 const char *severity,
                 const char *kind,
                 const char *subject,
                 const char *message)
{
  guint row = cli_table_add_row (table);

  cli_table_set (table, row, "file", path);
  cli_table_set (table, row, "severity", severity);
  cli_table_set (table, row, "kind", kind);
  cli_table_set (table, row, "subject", subject);
  cli_table_set (table, row, "message", message);
}

int
cli_cmd_validate (CliContext       *ctx,
                  const CliCommand *command,
                  int               argc,
                  char            **argv)
{
  g_autoptr(GOptionContext) context = cli_option_context_new (ctx, command, validate_entries, TRUE);
  const char *columns[] = { "file", "kind", "subject", "message", "severity", NULL };
  g_autoptr(CliTable) table = cli_table_new (columns);
  g_autofree char *base_data = NULL;
  g_autoptr(GHashTable) base_problems = NULL;
  gboolean base_tried = FALSE;
  gboolean any_problem = FALSE;
  int status = CLI_EXIT_OK;

  if (!cli_parse_options (context, command, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return cli_usage_error (command, "no FILE given");

  for (int i = 1; i < argc; i++)
    {
      const char *path = argv[i];
      g_autofree char *shown_path = cli_escape (path, FALSE);
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
      g_autoptr(IisCatalog) catalog = iis_catalog_new ();
      g_autoptr(GListModel) problems = NULL;
      g_autoptr(GError) error = NULL;
      GHashTable *known = NULL;
      gboolean layered = FALSE;
      guint n_reported = 0;
      guint n_warnings = 0;

      if (!iis_catalog_load_from_file_full (catalog, file, IIS_LOAD_FLAGS_NONE, NULL, &error))
        {
          if (g_error_matches (error, IIS_ERROR, IIS_ERROR_UNKNOWN_REFERENCE))
            {
              if (!base_tried)
                {
                  gboolean failed;

                  base_tried = TRUE;
                  base_data = base_entities_data (ctx, &failed);
                  if (failed)
                    return CLI_EXIT_FAILURE;
                  if (base_data != NULL)
                    {
                      g_autoptr(IisCatalog) base = iis_catalog_new ();
                      g_autoptr(GListModel) found = NULL;
                      g_autoptr(GError) base_error = NULL;

                      base_problems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
                      if (!iis_catalog_load_from_data (base, base_data, -1, &base_error))
                        {
                          cli_error ("could not copy the base catalog: %s", base_error->message);
                          return CLI_EXIT_FAILURE;
                        }
                      found = iis_catalog_validate_full (base, IIS_VALIDATE_FLAGS_WARNINGS);
                      for (guint p = 0; p < g_list_model_get_n_items (found); p++)
                        {
                          g_autoptr(IisProblem) problem = g_list_model_get_item (found, p);

                          g_hash_table_add (base_problems, problem_key (problem));
                        }
                    }
                }

              if (base_data != NULL)
                {
                  g_autoptr(GError) layered_error = NULL;

                  g_clear_object (&catalog);
                  catalog = iis_catalog_new ();
                  if (iis_catalog_load_from_data (catalog, base_data, -1, &layered_error)
                      && iis_catalog_load_from_file_full (catalog, file, IIS_LOAD_FLAGS_OVERRIDE,
                                                          NULL, &layered_error))
                    {
                      layered = TRUE;
                      known = base_problems;
                    }
                  else
                    {
                      g_clear_error (&error);
                      error = g_steal_pointer (&layered_error);
                    }
                }
            }

          if (!layered)
            {
              g_autofree char *message = cli_located_message (path, error);

              cli_error ("%s", message);
              add_problem_row (table, path, "error", "load-error", NULL, error->message);
              any_problem = TRUE;
              continue;
            }
        }

      /* Warnings (unknown members and roles) are reported; they do not
       * make the file invalid. */
      problems = iis_catalog_validate_full (catalog, IIS_VALIDATE_FLAGS_WARNINGS);
      for (guint p = 0; p < g_list_model_get_n_items (problems); p++)
        {
          g_autoptr(IisProblem) problem = g_list_model_get_item (problems, p);
          g_autofree char *key = problem_key (problem);
          IisProblemSeverity severity = iis_problem_get_severity (problem);

          if (known != NULL && g_hash_table_contains (known, key))
            continue;
          add_problem_row (table, path,
                           cli_enum_nick (IIS_TYPE_PROBLEM_SEVERITY, (int) severity),
                           cli_enum_nick (IIS_TYPE_PROBLEM_KIND, (int) iis_problem_get_kind (problem)),
                           iis_problem_get_subject_id (problem),
                           iis_problem_get_message (problem));
          if (severity == IIS_PROBLEM_SEVERITY_WARNING)
            n_warnings++;
          else
            n_reported++;
        }

      if (n_reported > 0)
        any_problem = TRUE;
      else if (ctx->format == CLI_FORMAT_TEXT && layered)
        cli_outf ("%s: valid (%u relations, over the entities of the base catalog)%s\n",
                  shown_path, iis_catalog_get_n_relations (catalog),
                  n_warnings > 0 ? ", with warnings" : "");
      else if (ctx->format == CLI_FORMAT_TEXT)
        cli_outf ("%s: valid (%u entities, %u relations)%s\n", shown_path,
                  iis_catalog_get_n_entities (catalog), iis_catalog_get_n_relations (catalog),
                  n_warnings > 0 ? ", with warnings" : "");
    }

  if (ctx->format == CLI_FORMAT_TEXT)
    {
      for (guint r = 0; r < cli_table_get_n_rows (table); r++)
        {
          const char *kind = cli_table_get (table, r, "kind");
          const char *subject = cli_table_get (table, r, "subject");
          g_autofree char *line = NULL;
          g_autofree char *escaped = NULL;

          /* Load errors were reported on stderr already. */
          if (g_strcmp0 (kind, "load-error") == 0)
            continue;
          line = g_strdup_printf ("%s: %s%s%s%s (%s)", cli_table_get (table, r, "file"),
                                  g_strcmp0 (cli_table_get (table, r, "severity"), "warning") == 0
                                    ? "warning: " : "",
                                  subject != NULL ? subject : "", subject != NULL ? ": " : "",
                                  cli_table_get (table, r, "message"), kind);
          escaped = cli_escape (line, FALSE);
          cli_outf ("%s\n", escaped);
        }
    }
  else
    cli_table_print (table, ctx->format);

  return any_problem ? CLI_EXIT_FAILURE : CLI_EXIT_OK;
}

/* ------------------------------------------------------------------ */
/* convert */

static gboolean compact_option;

static const GOptionEntry convert_entries[] = {
  { "compact", 0, 0, G_OPTION_ARG_NONE, &compact_option,
    "Write compact JSON, without white space", NULL },
  G_OPTION_ENTRY_NULL
};

static GBytes *
read_stdin (GError **error)
{
  GByteArray *bytes = g_byte_array_new ();
  guint8 buffer[65536];
  size_t n;

  while ((n = fread (buffer, 1, sizeof buffer, stdin)) > 0)
    g_byte_array_append (bytes, buffer, (guint) n);

  if (ferror (stdin))
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Could not read the standard input: %s", g_strerror (saved_errno));
      g_byte_array_unref (bytes);
      return NULL;
    }

  return g_byte_array_free_to_bytes (bytes);
}

int
cli_cmd_convert (CliContext       *ctx,
                 const CliCommand *command,
                 int               argc,
                 char            **argv)
{
  g_autoptr(GOptionContext) context = cli_option_context_new (ctx, command, convert_entries, FALSE);
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();
  g_autoptr(GError) error = NULL;
  IisSaveFlags flags;
  const char *in, *out;
  gboolean special_out = FALSE;
  int status = CLI_EXIT_OK;

  if (!cli_parse_options (context, command, &argc, &argv, &status))
    return status;
  if (argc < 3)
    return cli_usage_error (command, "expected IN and OUT");
  if (argc > 3)
    return cli_usage_error (command, "unexpected argument “%s”", argv[3]);

  in = argv[1];
  out = argv[2];
  flags = compact_option ? IIS_SAVE_FLAGS_COMPACT : IIS_SAVE_FLAGS_NONE;

  /* convert writes the file format, JSON, and nothing else: a --format
   * or an OUT whose extension asks for another format is refused rather
   * than answered with JSON under that name. */
  if (ctx->format_set && ctx->format != CLI_FORMAT_JSON)
    return cli_usage_error (command, "convert writes the catalog file format (JSON) only, not "
                            "--format %s; for the relations as CSV use “iis export --format csv”",
                            ctx->format == CLI_FORMAT_CSV ? "csv" : "text");
  {
    const char *base = strrchr (out, '/');
    const char *dot = strrchr (base != NULL ? base + 1 : out, '.');

    if (dot != NULL && dot[1] != '\0' && dot != (base != NULL ? base + 1 : out)
        && g_ascii_strcasecmp (dot, ".json") != 0)
      return cli_usage_error (command, "“%s”: convert writes the catalog file format (JSON), "
                              "not %s; name the output *.json (for the relations as CSV or "
                              "DOT use “iis export --format csv|dot”)", out, dot);
  }

  if (in[0] == '\0' || out[0] == '\0')
    return cli_usage_error (command, "the %s file name is empty (use - for the standard %s)",
                            in[0] == '\0' ? "input" : "output",
                            in[0] == '\0' ? "input" : "output");
  /* The standard output by name is the standard output; a device or a
   * FIFO is written to as it is: a save replaces a file, which they are
   * not. */
  if (strcmp (out, "/dev/stdout") == 0 || strcmp (out, "/dev/fd/1") == 0 ||
      strcmp (out, "/proc/self/fd/1") == 0)
    out = "-";
  else
    {
      GStatBuf st;

      if (g_stat (out, &st) == 0 && !S_ISREG (st.st_mode) && !S_ISDIR (st.st_mode))
        special_out = TRUE;
    }

  if (strcmp (in, "-") == 0)
    {
      g_autoptr(GBytes) bytes = read_stdin (&error);
      gsize length;
      const char *data;

      if (bytes == NULL)
        {
          cli_error ("%s", error->message);
          return CLI_EXIT_FAILURE;
        }
      data = g_bytes_get_data (bytes, &length);
      if (!iis_catalog_load_from_data_full (catalog, data != NULL ? data : "", (gssize) length,
                                            IIS_LOAD_FLAGS_NONE, &error))
        {
          cli_error ("<stdin>: %s", error->message);
          return CLI_EXIT_FAILURE;
        }
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (in);

      if (!iis_catalog_load_from_file_full (catalog, file, IIS_LOAD_FLAGS_NONE, NULL, &error))
        {
          g_autofree char *message = cli_located_message (in, error);

          cli_error ("%s", message);
          return CLI_EXIT_FAILURE;
        }
    }

  if (strcmp (out, "-") == 0 || special_out)
    {
      gsize length;
      g_autofree char *data = iis_catalog_to_data_full (catalog, flags, &length, &error);
      FILE *stream = stdout;
      gboolean ok;

      if (data == NULL)
        {
          cli_error ("%s", error->message);
          return CLI_EXIT_FAILURE;
        }
      if (special_out && (stream = g_fopen (out, "wb")) == NULL)
        {
          int saved_errno = errno;

          cli_error ("%s: cannot open it for writing: %s", out, g_strerror (saved_errno));
          return CLI_EXIT_FAILURE;
        }
      ok = fwrite (data, 1, length, stream) == length;
      if (ok && length > 0 && data[length - 1] != '\n')
        ok = fputc ('\n', stream) != EOF;
      ok = (stream == stdout ? fflush (stream) : fclose (stream)) == 0 && ok;
      if (!ok)
        {
          cli_error ("%s: write failed: %s", strcmp (out, "-") == 0 ? "<stdout>" : out,
                     g_strerror (errno));
          return CLI_EXIT_FAILURE;
        }
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (out);

      if (!iis_catalog_save_to_file_full (catalog, file, flags, NULL, &error))
        {
          g_autofree char *message = cli_located_message (out, error);

          cli_error ("%s", message);
          return CLI_EXIT_FAILURE;
        }
    }

  return CLI_EXIT_OK;
}

/* ------------------------------------------------------------------ */
/* export */

static char *export_format_option;
static char *kind_option;
static char *export_at_option;
static gboolean export_compact_option;
static gboolean edge_labels_option;
static char *around_option;
static gboolean entities_option;
static int depth_option = 1;

static const GOptionEntry export_entries[] = {
  { "format", 0, 0, G_OPTION_ARG_STRING, &export_format_option,
    "dot (Graphviz, the default), csv (the relations), json (the file format), "
    "sqlite (a database, to FILE), jsonld, turtle or ntriples (linked data), "
    "quickstatements (Wikidata)", "FORMAT" },
  { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_option,
    "Only relations of this kind (member-of, party-to …) and the entities they join", "KIND" },
  { "at", 0, 0, G_OPTION_ARG_STRING, &export_at_option,
    "Only relations that hold at DATE", "DATE" },
  { "compact", 0, 0, G_OPTION_ARG_NONE, &export_compact_option,
    "Compact JSON (with --format json)", NULL },
  { "edge-labels", 0, 0, G_OPTION_ARG_NONE, &edge_labels_option,
    "Label the edges with their role and dates (with --format dot)", NULL },
  { "around", 0, 0, G_OPTION_ARG_STRING, &around_option,
    "Only the relations of ENTITY (an id or a name) and of the entities within --depth of it",
    "ENTITY" },
  { "entities", 0, 0, G_OPTION_ARG_NONE, &entities_option,
    "With --format csv: the entities instead of the relations (those the relations join "
    "when --kind, --at or --around is given)", NULL },
  { "depth", 0, 0, G_OPTION_ARG_INT, &depth_option,
    "With --around: how many relations away from ENTITY to go (default 1)", "N" },
  G_OPTION_ENTRY_NULL
};

typedef enum {
  EXPORT_DOT,
  EXPORT_CSV,
  EXPORT_JSON,
  EXPORT_SQLITE,
  EXPORT_JSONLD,
  EXPORT_TURTLE,
  EXPORT_NTRIPLES,
  EXPORT_QUICKSTATEMENTS,
} ExportFormat;

static const struct {
  const char *type_nick;
  const char *title;
  const char *fill;
} type_styles[] = {
  { "state", "States", "#cfe2f3" },
  { "organization", "Organizations", "#d9ead3" },
  { "agreement", "Agreements", "#fff2cc" },
  { "forum", "Forums", "#f4cccc" },
  { "threat-category", "Threat categories", "#ead1dc" },
};

static const char * const kind_colours[] = {
  "#000000", /* any: not used */
  "#1f77b4", /* member-of */
  "#7f7f7f", /* part-of */
  "#9467bd", /* signatory-of */
  "#2ca02c", /* party-to */
  "#ff7f0e", /* organizer-of */
  "#17becf", /* participant-in */
  "#d62728", /* host-of */
  "#8c564b", /* adopted-within */
  "#e377c2", /* addresses */
  "#bcbd22", /* implements */
  "#393b79", /* amends */
  "#637939", /* supersedes */
  "#843c39", /* references */
  "#e7969c", /* votes-on */
  "#5254a3", /* supports */
  "#8ca252", /* sponsor-of */
  "#6b6ecf", /* continues */
  "#b5cf6b", /* succeeds */
  "#31a354", /* consented-to */
  "#74c476", /* provisionally-applies */
  "#e6550d", /* reservation-to */
  "#fd8d3c", /* declaration-to */
  "#de9ed6", /* objection-to */
  "#ad494a", /* denounced */
};
G_STATIC_ASSERT (G_N_ELEMENTS (kind_colours) == IIS_RELATION_KIND_DENOUNCED + 1);

static const char *
kind_colour (IisRelationKind kind)
{
  if ((gsize) kind < G_N_ELEMENTS (kind_colours))
    return kind_colours[kind];
  return "#000000";
}

/* A DOT double-quoted string. */
static char *
dot_quote (const char *text)
{
  GString *quoted = g_string_new ("\"");

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        {
          g_string_append_c (quoted, '\\');
          g_string_append_c (quoted, *p);
        }
      else if (*p == '\n')
        g_string_append (quoted, "\\n");
      else if (*p == '\r' || *p == '\t')
        g_string_append_c (quoted, ' ');
      else
        g_string_append_c (quoted, *p);
    }
  g_string_append_c (quoted, '"');
  return g_string_free (quoted, FALSE);
}

/* Breaks a long name into lines of about @width characters. */
static char *
wrap_label (const char *text,
            guint       width)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  GString *wrapped = g_string_new (NULL);
  guint column = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      guint len = (guint) g_utf8_strlen (words[i], -1);

      if (words[i][0] == '\0')
        continue;
      if (column > 0 && column + 1 + len > width)
        {
          g_string_append_c (wrapped, '\n');
          column = 0;
        }
      else if (column > 0)
        {
          g_string_append_c (wrapped, ' ');
          column++;
        }
      g_string_append (wrapped, words[i]);
      column += len;
    }
  return g_string_free (wrapped, FALSE);
}

static const char * const role_colours[] = {
  "#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd", "#d62728", "#17becf", "#8c564b", "#e377c2",
  "#bcbd22", "#393b79",
};

#define NO_ROLE_COLOUR "#555555"

/* The colour of an edge: by kind when several kinds are drawn, by role
 * (in order of first appearance) when one is. */
static const char *
edge_colour (IisRelation *relation,
             gboolean     by_role,
             GPtrArray   *roles)
{
  const char *role = iis_relation_get_role (relation);
  guint index;

  if (!by_role)
    return kind_colour (iis_relation_get_kind (relation));
  if (role == NULL)
    return NO_ROLE_COLOUR;
  if (!g_ptr_array_find_with_equal_func (roles, role, g_str_equal, &index))
    {
      index = roles->len;
      g_ptr_array_add (roles, (gpointer) role);
    }
  return role_colours[index % G_N_ELEMENTS (role_colours)];
}

static void
print_legend (GPtrArray *entries,     /* of const char *: label, colour, label, colour … */
              gboolean   any_ended)
{
  GString *label = g_string_new ("<<table border=\"0\" cellborder=\"0\" cellspacing=\"2\">");

  for (guint i = 0; i + 1 < entries->len; i += 2)
    {
      g_autofree char *text = g_markup_escape_text (g_ptr_array_index (entries, i), -1);

      g_string_append_printf (label,
                              "<tr><td align=\"left\"><font color=\"%s\">&#x2501;&#x2501;&#x2501; %s</font></td></tr>",
                              (const char *) g_ptr_array_index (entries, i + 1), text);
    }
  if (any_ended)
    g_string_append (label, "<tr><td align=\"left\">- - - ended</td></tr>");
  g_string_append (label, "</table>>");

  cli_out ("  subgraph \"cluster_legend\" {\n");
  cli_out ("    label=\"Legend\"; style=\"rounded\"; color=\"#cccccc\"; "
           "fontname=\"Helvetica\"; fontsize=12;\n");
  cli_outf ("    \"legend\" [shape=plaintext, style=\"\", fontsize=10, label=%s];\n", label->str);
  cli_out ("  }\n");
  g_string_free (label, TRUE);
}

static void
export_dot (CliContext    *ctx,
            GPtrArray     *relations,
            const char    *kind_nick,
            const IisDate *at)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) nodes = g_ptr_array_new ();
  g_autoptr(GPtrArray) roles = g_ptr_array_new ();
  g_autoptr(GPtrArray) legend = g_ptr_array_new ();
  g_autofree char *at_text = cli_date_string (at);
  g_autofree char *title = NULL;
  g_autofree char *quoted_title = NULL;
  gboolean one_kind = kind_nick != NULL;
  gboolean any_ended = FALSE;
  gboolean any_without_role = FALSE;

  for (guint i = 0; i < relations->len; i++)
    {
      IisRelation *relation = g_ptr_array_index (relations, i);
      IisEntity *ends[2] = { iis_relation_get_subject (relation), iis_relation_get_object (relation) };

      for (guint e = 0; e < 2; e++)
        if (g_hash_table_add (seen, ends[e]))
          g_ptr_array_add (nodes, ends[e]);
    }

  title = g_strdup_printf ("libiis catalog%s%s%s%s",
                           one_kind ? ": " : "", one_kind ? kind_nick : "",
                           at_text != NULL ? " at " : "", at_text != NULL ? at_text : "");
  quoted_title = dot_quote (title);

  cli_out ("digraph \"iis\" {\n");
  cli_outf ("  graph [rankdir=LR, label=%s, labelloc=t, fontname=\"Helvetica\", "
            "fontsize=16, nodesep=0.2, ranksep=1.5];\n", quoted_title);
  cli_out ("  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", "
           "fontsize=10, color=\"#555555\"];\n");
  cli_out ("  edge [fontname=\"Helvetica\", fontsize=8, arrowsize=0.6];\n");

  /* One cluster per entity type, each type with its own colour. */
  for (gsize t = 0; t < G_N_ELEMENTS (type_styles); t++)
    {
      gboolean opened = FALSE;

      for (guint i = 0; i < nodes->len; i++)
        {
          IisEntity *entity = g_ptr_array_index (nodes, i);
          g_autofree char *id = NULL;
          g_autofree char *label = NULL;
          g_autofree char *wrapped = NULL;
          g_autofree char *tooltip = NULL;

          if (strcmp (iis_entity_get_type_nick (entity), type_styles[t].type_nick) != 0)
            continue;
          if (!opened)
            {
              cli_outf ("  subgraph \"cluster_%s\" {\n", type_styles[t].type_nick);
              cli_outf ("    label=\"%s\"; style=\"rounded,filled\"; fillcolor=\"#f7f7f7\"; "
                        "color=\"#cccccc\"; fontname=\"Helvetica\"; fontsize=12;\n",
                        type_styles[t].title);
              opened = TRUE;
            }
          id = dot_quote (iis_entity_get_id (entity));
          wrapped = wrap_label (cli_entity_label (ctx, entity), 24);
          label = dot_quote (wrapped);
          tooltip = dot_quote (iis_entity_get_id (entity));
          cli_outf ("    %s [label=%s, tooltip=%s, fillcolor=\"%s\"];\n",
                    id, label, tooltip, type_styles[t].fill);
        }
      if (opened)
        cli_out ("  }\n");
    }

  for (guint i = 0; i < relations->len; i++)
    {
      IisRelation *relation = g_ptr_array_index (relations, i);
      IisRelationKind kind = iis_relation_get_kind (relation);
      g_autofree char *subject = dot_quote (iis_entity_get_id (iis_relation_get_subject (relation)));
      g_autofree char *object = dot_quote (iis_entity_get_id (iis_relation_get_object (relation)));
      g_autofree char *period = cli_period_string (iis_relation_get_start (relation),
                                                   iis_relation_get_end (relation));
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) lines = NULL;
      g_autofree char *text = NULL;
      g_autofree char *quoted = NULL;
      const char *colour = edge_colour (relation, one_kind, roles);
      gboolean ended = iis_relation_get_end (relation) != NULL;

      g_strv_builder_add (builder, iis_relation_kind_to_nick (kind));
      if (iis_relation_get_role (relation) != NULL)
        g_strv_builder_add (builder, iis_relation_get_role (relation));
      else
        any_without_role = TRUE;
      if (period != NULL)
        g_strv_builder_add (builder, period);
      lines = g_strv_builder_end (builder);
      /* The kind is in the title when only one is drawn. */
      text = g_strjoinv ("\n", one_kind ? lines + 1 : lines);
      quoted = dot_quote (text);
      any_ended = any_ended || ended;

      cli_outf ("  %s -> %s [color=\"%s\", fontcolor=\"%s\", tooltip=%s%s%s%s];\n",
                subject, object, colour, colour, quoted,
                ended ? ", style=dashed" : "",
                edge_labels_option ? ", label=" : "", edge_labels_option ? quoted : "");
    }

  /* The legend: what the edge colours mean. */
  if (one_kind)
    {
      for (guint i = 0; i < roles->len; i++)
        {
          g_ptr_array_add (legend, g_ptr_array_index (roles, i));
          g_ptr_array_add (legend, (gpointer) role_colours[i % G_N_ELEMENTS (role_colours)]);
        }
      if (any_without_role)
        {
          g_ptr_array_add (legend, (gpointer) "no role");
          g_ptr_array_add (legend, (gpointer) NO_ROLE_COLOUR);
        }
    }
  else
    {
      for (IisRelationKind k = IIS_RELATION_KIND_MEMBER_OF; k < G_N_ELEMENTS (kind_colours); k++)
        for (guint i = 0; i < relations->len; i++)
          if (iis_relation_get_kind (g_ptr_array_index (relations, i)) == k)
            {
              g_ptr_array_add (legend, (gpointer) iis_relation_kind_to_nick (k));
              g_ptr_array_add (legend, (gpointer) kind_colour (k));
              break;
            }
    }
  if (legend->len > 0)
    print_legend (legend, any_ended);

  cli_out ("}\n");
}

/* The entities as CSV, one a row: what the CSV of the relations refers
 * to, so that the two files together hold the catalog's facts (not its
 * sources, labels, identifiers or other names: the JSON file format
 * holds those). The columns of 1.0 come first, in their order, as
 * scripts read them; then every other property of each entity type, as
 * `iis show` takes them from the property specs, so that a property
 * added to a type is a column with nothing to do here. */
static GStrv
csv_entity_columns (void)
{
  static const char * const first[] = {
    "id", "type", "name", "acronym", "kind", "status", "founded", "dissolved", "adopted",
    "adopted-place", "entry-into-force", "start", "end", "city", "alpha-2", "alpha-3",
    "numeric", "part-of", "definition", "description", NULL
  };
  GType types[] = {
    IIS_TYPE_STATE, IIS_TYPE_ORGANIZATION, IIS_TYPE_AGREEMENT, IIS_TYPE_FORUM,
    IIS_TYPE_THREAT_CATEGORY,
  };
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();

  for (guint c = 0; first[c] != NULL; c++)
    g_ptr_array_add (seen, (gpointer) first[c]);
  for (gsize t = 0; t < G_N_ELEMENTS (types); t++)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (types[t]);
      guint n = 0;
      g_autofree GParamSpec **pspecs = g_object_class_list_properties (G_OBJECT_CLASS (klass), &n);

      for (guint i = 0; i < n; i++)
        if ((pspecs[i]->flags & G_PARAM_READABLE) != 0
            && !g_ptr_array_find_with_equal_func (seen, pspecs[i]->name, g_str_equal, NULL))
          g_ptr_array_add (seen, (gpointer) pspecs[i]->name);
    }
  for (guint c = 0; c < seen->len; c++)
    g_strv_builder_add (builder, g_ptr_array_index (seen, c));

  return g_strv_builder_end (builder);
}

static void
export_csv_entities (CliContext *ctx,
                     IisCatalog *catalog,
                     GPtrArray  *relations,
                     gboolean    filtered)
{
  g_auto(GStrv) columns = csv_entity_columns ();
  g_autoptr(CliTable) table = cli_table_new ((const char * const *) columns);
  g_autoptr(GListModel) all = iis_catalog_list_entities (catalog, IIS_TYPE_ENTITY);
  g_autoptr(GHashTable) joined = g_hash_table_new (NULL, NULL);
  guint n = g_list_model_get_n_items (all);

  for (guint i = 0; filtered && i < relations->len; i++)
    {
      IisRelation *relation = g_ptr_array_index (relations, i);

      g_hash_table_add (joined, iis_relation_get_subject (relation));
      g_hash_table_add (joined, iis_relation_get_object (relation));
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IisEntity) entity = g_list_model_get_item (all, i);
      GObjectClass *klass = G_OBJECT_GET_CLASS (entity);
      guint row;

      if (filtered && !g_hash_table_contains (joined, entity))
        continue;
      row = cli_table_add_row (table);
      for (guint c = 0; columns[c] != NULL; c++)
        {
          /* Only the fields of its type: a state has no "kind". */
          if (c >= 3 && strcmp (columns[c], "part-of") != 0 && strcmp (columns[c], "description") != 0
              && g_object_class_find_property (klass, columns[c]) == NULL)
            continue;
          cli_table_take (table, row, columns[c],
                          cli_entity_field (ctx, catalog, entity, columns[c]));
        }
    }

  cli_table_print (table, CLI_FORMAT_CSV);
}

static void
export_csv (CliContext *ctx,
            GPtrArray  *relations)
{
  const char *columns[] = {
    "kind", "subject", "subject-name", "object", "object-name", "role", "start", "end",
    "confidence", NULL
  };
  g_autoptr(CliTable) table = cli_table_new (columns);

  for (guint i = 0; i < relations->len; i++)
    {
      IisRelation *relation = g_ptr_array_index (relations, i);
      IisEntity *subject = iis_relation_get_subject (relation);
      IisEntity *object = iis_relation_get_object (relation);
      guint row = cli_table_add_row (table);

      cli_table_set (table, row, "kind", iis_relation_kind_to_nick (iis_relation_get_kind (relation)));
      cli_table_set (table, row, "subject", iis_entity_get_id (subject));
      cli_table_set (table, row, "subject-name", cli_entity_label (ctx, subject));
      cli_table_set (table, row, "object", iis_entity_get_id (object));
      cli_table_set (table, row, "object-name", cli_entity_label (ctx, object));
      cli_table_set (table, row, "role", iis_relation_get_role (relation));
      cli_table_take (table, row, "start", cli_date_string (iis_relation_get_start (relation)));
      cli_table_take (table, row, "end", cli_date_string (iis_relation_get_end (relation)));
      cli_table_set (table, row, "confidence",
                     cli_enum_nick (IIS_TYPE_CONFIDENCE, (int) iis_relation_get_confidence (relation)));
    }

  cli_table_print (table, CLI_FORMAT_CSV);
}

static char *
relation_key (const char *kind,
              const char *subject,
              const char *object,
              const char *role,
              const char *start,
              const char *end)
{
  return g_strjoin ("\x1f", kind != NULL ? kind : "", subject != NULL ? subject : "",
                    object != NULL ? object : "", role != NULL ? role : "",
                    start != NULL ? start : "", end != NULL ? end : "", NULL);
}

static const char *
member_string (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* The file format, with only the relations kept and the entities they
 * join when @filtered. */
static int
export_json (IisCatalog *catalog,
             GPtrArray  *relations,
             gboolean    filtered)
{
  IisSaveFlags flags = export_compact_option ? IIS_SAVE_FLAGS_COMPACT : IIS_SAVE_FLAGS_NONE;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(GHashTable) keys = NULL;
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(IisCatalog) subset = NULL;
  g_autofree char *data = NULL;
  g_autofree char *text = NULL;
  JsonObject *root;
  JsonArray *array;
  JsonArray *kept;
  gsize length;

  data = iis_catalog_to_data_full (catalog, flags, &length, &error);
  if (data == NULL)
    {
      cli_error ("%s", error->message);
      return CLI_EXIT_FAILURE;
    }
  if (!filtered)
    {
      fwrite (data, 1, length, stdout);
      if (length > 0 && data[length - 1] != '\n')
        cli_out ("\n");
      return CLI_EXIT_OK;
    }

  keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ids = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < relations->len; i++)
    {
      IisRelation *relation = g_ptr_array_index (relations, i);
      g_autofree char *start = cli_date_string (iis_relation_get_start (relation));
      g_autofree char *end = cli_date_string (iis_relation_get_end (relation));

      g_hash_table_add (keys, relation_key (iis_relation_kind_to_nick (iis_relation_get_kind (relation)),
                                            iis_entity_get_id (iis_relation_get_subject (relation)),
                                            iis_entity_get_id (iis_relation_get_object (relation)),
                                            iis_relation_get_role (relation), start, end));
      g_hash_table_add (ids, (gpointer) iis_entity_get_id (iis_relation_get_subject (relation)));
      g_hash_table_add (ids, (gpointer) iis_entity_get_id (iis_relation_get_object (relation)));
    }

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, (gssize) length, &error)
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      cli_error ("could not filter the catalog: %s",
                 error != NULL ? error->message : "not an object");
      return CLI_EXIT_FAILURE;
    }
  root = json_node_get_object (json_parser_get_root (parser));

  if (json_object_has_member (root, "relations")
      && JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "relations")))
    {
      array = json_object_get_array_member (root, "relations");
      kept = json_array_new ();
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *node = json_array_get_element (array, i);
          JsonObject *object;
          g_autofree char *key = NULL;

          if (!JSON_NODE_HOLDS_OBJECT (node))
            continue;
          object = json_node_get_object (node);
          key = relation_key (member_string (object, "kind"), member_string (object, "subject"),
                              member_string (object, "object"), member_string (object, "role"),
                              member_string (object, "start"), member_string (object, "end"));
          if (g_hash_table_contains (keys, key))
            json_array_add_element (kept, json_node_copy (node));
        }
      json_object_set_array_member (root, "relations", kept);
    }

  if (json_object_has_member (root, "entities")
      && JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "entities")))
    {
      array = json_object_get_array_member (root, "entities");
      kept = json_array_new ();
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *node = json_array_get_element (array, i);
          const char *id;

          if (!JSON_NODE_HOLDS_OBJECT (node))
            continue;
          id = member_string (json_node_get_object (node), "id");
          if (id != NULL && g_hash_table_contains (ids, id))
            json_array_add_element (kept, json_node_copy (node));
        }
      json_object_set_array_member (root, "entities", kept);
    }

  /* Through a catalog again, so the output is the stable form the
   * library writes. */
  generator = json_generator_new ();
  json_generator_set_root (generator, json_parser_get_root (parser));
  text = json_generator_to_data (generator, NULL);
  subset = iis_catalog_new ();
  g_clear_pointer (&data, g_free);
  if (!iis_catalog_load_from_data (subset, text, -1, &error)
      || (data = iis_catalog_to_data_full (subset, flags, &length, &error)) == NULL)
    {
      cli_error ("could not filter the catalog: %s", error->message);
      return CLI_EXIT_FAILURE;
    }
  fwrite (data, 1, length, stdout);
  if (length > 0 && data[length - 1] != '\n')
    cli_out ("\n");
  return CLI_EXIT_OK;
}

/* Keeps of @relations those within @depth relations of @center: the
 * relations of @center, then those of the entities they reach, and so on
 * (over the relations kept by --kind and --at only). */
static void
keep_around (GPtrArray *relations,
             IisEntity *center,
             int        depth)
{
  g_autoptr(GHashTable) reached = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) frontier = g_ptr_array_new ();
  g_autofree gboolean *kept = g_new0 (gboolean, MAX (relations->len, 1));
  guint n_kept = 0;

  g_hash_table_add (reached, center);
  g_ptr_array_add (frontier, center);
  for (int d = 0; d < depth && frontier->len > 0; d++)
    {
      g_autoptr(GHashTable) inside = g_hash_table_new (NULL, NULL);

      for (guint i = 0; i < frontier->len; i++)
        g_hash_table_add (inside, g_ptr_array_index (frontier, i));
      g_ptr_array_set_size (frontier, 0);

      for (guint r = 0; r < relations->len; r++)
        {
          IisRelation *relation = g_ptr_array_index (relations, r);
          IisEntity *ends[2] = { iis_relation_get_subject (relation),
                                 iis_relation_get_object (relation) };

          if (kept[r] || (!g_hash_table_contains (inside, ends[0])
                          && !g_hash_table_contains (inside, ends[1])))
            continue;
          kept[r] = TRUE;
          for (guint e = 0; e < 2; e++)
            if (g_hash_table_add (reached, ends[e]))
              g_ptr_array_add (frontier, ends[e]);
        }
    }

  for (guint r = 0; r < relations->len; r++)
    if (kept[r])
      relations->pdata[n_kept++] = relations->pdata[r];
    else
      g_object_unref (relations->pdata[r]);
  /* The dropped references are released above, not by the free func. */
  relations->len = n_kept;
}

/* The data exports (iis-export-*.c): every entity, or only the ends of
 * the relations kept when @filtered. */
static int
export_data (IisCatalog   *catalog,
             GPtrArray    *relations,
             ExportFormat  format,
             gboolean      filtered,
             const char   *output)
{
  g_autoptr(GPtrArray) entities = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListModel) all = iis_catalog_list_entities (catalog, IIS_TYPE_ENTITY);
  g_autoptr(GHashTable) ends = g_hash_table_new (NULL, NULL);
  CliExport export = { catalog, entities, relations };

  for (guint i = 0; filtered && i < relations->len; i++)
    {
      g_hash_table_add (ends, iis_relation_get_subject (g_ptr_array_index (relations, i)));
      g_hash_table_add (ends, iis_relation_get_object (g_ptr_array_index (relations, i)));
    }
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      IisEntity *entity = g_list_model_get_item (all, i);

      if (!filtered || g_hash_table_contains (ends, entity))
        g_ptr_array_add (entities, entity);
      else
        g_object_unref (entity);
    }

  if (format == EXPORT_SQLITE)
    return cli_export_sqlite (&export, output);
  if (format == EXPORT_QUICKSTATEMENTS)
    return cli_export_quickstatements (&export, output);
  return cli_export_rdf (&export,
                         format == EXPORT_JSONLD ? CLI_RDF_JSONLD
                         : format == EXPORT_TURTLE ? CLI_RDF_TURTLE : CLI_RDF_NTRIPLES,
                         output);
}

int
cli_cmd_export (CliContext       *ctx,
                const CliCommand *command,
                int               argc,
                char            **argv)
{
  g_autoptr(GOptionContext) context = cli_option_context_new (ctx, command, export_entries, FALSE);
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GPtrArray) relations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(IisDate) at = NULL;
  IisRelationKind kind = IIS_RELATION_KIND_ANY;
  IisEntity *center = NULL;
  ExportFormat format;
  IisCatalog *catalog;
  const char *output = NULL;
  int status = CLI_EXIT_OK;

  if (!cli_parse_options (context, command, &argc, &argv, &status))
    return status;
  if (argc > 2)
    return cli_usage_error (command, "unexpected argument “%s”", argv[2]);
  if (argc == 2)
    output = argv[1];

  if (export_format_option == NULL)
    format = !ctx->format_set || ctx->format == CLI_FORMAT_TEXT ? EXPORT_DOT
      : ctx->format == CLI_FORMAT_CSV ? EXPORT_CSV : EXPORT_JSON;
  else if (strcmp (export_format_option, "dot") == 0)
    format = EXPORT_DOT;
  else if (strcmp (export_format_option, "csv") == 0)
    format = EXPORT_CSV;
  else if (strcmp (export_format_option, "json") == 0)
    format = EXPORT_JSON;
  else if (strcmp (export_format_option, "sqlite") == 0)
    format = EXPORT_SQLITE;
  else if (strcmp (export_format_option, "jsonld") == 0)
    format = EXPORT_JSONLD;
  else if (strcmp (export_format_option, "turtle") == 0)
    format = EXPORT_TURTLE;
  else if (strcmp (export_format_option, "ntriples") == 0)
    format = EXPORT_NTRIPLES;
  else if (strcmp (export_format_option, "quickstatements") == 0)
    format = EXPORT_QUICKSTATEMENTS;
  else
    return cli_usage_error (command, "unknown export format “%s” (use dot, csv, json, "
                            "sqlite, jsonld, turtle, ntriples or quickstatements)",
                            export_format_option);
  if (format == EXPORT_SQLITE && output == NULL)
    return cli_usage_error (command, "--format sqlite writes a database: name its FILE");
  if (output != NULL && format < EXPORT_SQLITE)
    return cli_usage_error (command, "unexpected argument “%s”", output);

  if (kind_option != NULL && !cli_parse_relation_kind (kind_option, &kind))
    {
      g_autofree char *kinds = cli_relation_kind_list ();

      return cli_usage_error (command, "unknown relation kind “%s” (use one of %s)",
                              kind_option, kinds);
    }

  if (export_at_option != NULL && !cli_parse_date (export_at_option, &at, &status))
    return status;
  if (entities_option && format != EXPORT_CSV)
    return cli_usage_error (command, "--entities goes with --format csv (the JSON has them)");
  if (depth_option < 1)
    return cli_usage_error (command, "--depth must be 1 or more, not %d", depth_option);
  if (depth_option != 1 && around_option == NULL)
    return cli_usage_error (command, "--depth needs --around ENTITY");

  catalog = cli_get_catalog (ctx, &status);
  if (catalog == NULL)
    return status;
  if (around_option != NULL)
    {
      center = cli_lookup (ctx, catalog, around_option);
      if (center == NULL)
        return CLI_EXIT_FAILURE;
    }

  all = iis_catalog_list_relations (catalog, NULL, kind, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      IisRelation *relation = g_list_model_get_item (all, i);

      if (at != NULL && !iis_relation_holds_at (relation, at))
        {
          g_object_unref (relation);
          continue;
        }
      g_ptr_array_add (relations, relation);
    }
  if (center != NULL)
    keep_around (relations, center, depth_option);

  if (format >= EXPORT_SQLITE)
    return export_data (catalog, relations, format,
                        kind != IIS_RELATION_KIND_ANY || at != NULL || center != NULL, output);

  switch (format)
    {
    case EXPORT_CSV:
      if (entities_option)
        export_csv_entities (ctx, catalog, relations,
                             kind != IIS_RELATION_KIND_ANY || at != NULL || center != NULL);
      else
        export_csv (ctx, relations);
      return CLI_EXIT_OK;

    case EXPORT_JSON:
      return export_json (catalog, relations,
                          kind != IIS_RELATION_KIND_ANY || at != NULL || center != NULL);

    case EXPORT_DOT:
    default:
      export_dot (ctx, relations, kind != IIS_RELATION_KIND_ANY ? kind_option : NULL, at);
      return CLI_EXIT_OK;
    }
}
