/* iis-tool.h: what the parts of the `iis` command-line tool share
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <stdio.h>

#include <json-glib/json-glib.h>
#include <libiis/iis.h>

G_BEGIN_DECLS

/* Exit statuses. */
enum {
  CLI_EXIT_OK      = 0,
  CLI_EXIT_FAILURE = 1,   /* not found, problems found, I/O failure */
  CLI_EXIT_USAGE   = 2,   /* bad command line */
};

typedef enum {
  CLI_FORMAT_TEXT,
  CLI_FORMAT_JSON,
  CLI_FORMAT_CSV,
} CliFormat;

/* The state of one run: global options and the catalog, built on first
 * use. */
typedef struct
{
  GPtrArray  *catalog_files;   /* of char *, in the order given */
  gboolean    no_default;
  gboolean    no_cache;        /* --no-cache or IIS_NO_CACHE */
  char       *lang;            /* NULL: the locale */
  CliFormat   format;
  gboolean    format_set;
  IisCatalog *catalog;
} CliContext;

typedef struct _CliCommand CliCommand;

struct _CliCommand
{
  const char *name;
  const char *parameters;      /* e.g. "ORG", shown in usage lines */
  const char *summary;         /* one line */
  const char *description;     /* shown at the end of --help */
  int       (*run) (CliContext       *ctx,
                    const CliCommand *command,
                    int               argc,
                    char            **argv);
};

/* iis.c: option parsing shared by the subcommands */
GOptionContext *cli_option_context_new       (CliContext          *ctx,
                                              const CliCommand    *command,
                                              const GOptionEntry  *entries,
                                              gboolean             with_format);
gboolean        cli_parse_options            (GOptionContext      *context,
                                              const CliCommand    *command,
                                              int                 *argc,
                                              char              ***argv,
                                              int                 *status);
const char     *cli_parse_one_argument       (GOptionContext      *context,
                                              const CliCommand    *command,
                                              int                 *argc,
                                              char              ***argv,
                                              const char          *what,
                                              int                 *status);
int             cli_usage_error              (const CliCommand    *command,
                                              const char          *format,
                                              ...) G_GNUC_PRINTF (2, 3);
IisCatalog     *cli_get_catalog              (CliContext          *ctx,
                                              int                 *status);

/* iis-util.c: messages, lookups, values */
void            cli_error                    (const char          *format,
                                              ...) G_GNUC_PRINTF (1, 2);
void            cli_out                      (const char          *text);
char           *cli_escape                   (const char          *text,
                                              gboolean             keep_newlines);
char           *cli_quote_value              (const char          *text);
void            cli_outf                     (const char          *format,
                                              ...) G_GNUC_PRINTF (1, 2);
IisEntity      *cli_lookup                   (CliContext          *ctx,
                                              IisCatalog          *catalog,
                                              const char          *id);
IisEntity      *cli_lookup_typed             (CliContext          *ctx,
                                              IisCatalog          *catalog,
                                              const char          *id,
                                              GType                type);
guint           cli_levenshtein              (const char          *a,
                                              const char          *b);
guint           cli_levenshtein_bounded      (const char          *a,
                                              const char          *b,
                                              guint                max);
const char     *cli_closest                  (const char          *text,
                                              const char * const  *candidates);
char           *cli_located_message          (const char          *path,
                                              const GError        *error);
gboolean        cli_parse_date               (const char          *text,
                                              IisDate            **date,
                                              int                 *status);
const char     *cli_entity_label             (CliContext          *ctx,
                                              IisEntity           *entity);
const char     *cli_type_title               (GType                type);
const char     *cli_enum_nick                (GType                enum_type,
                                              int                  value);
char           *cli_value_to_string          (const GValue        *value);
char           *cli_entity_property          (IisEntity           *entity,
                                              const char          *property);
char           *cli_date_string              (const IisDate       *date);
char           *cli_period_string            (const IisDate       *start,
                                              const IisDate       *end);
gboolean        cli_parse_relation_kind      (const char          *nick,
                                              IisRelationKind     *kind);
char           *cli_relation_kind_list       (void);
JsonNode       *cli_value_to_json            (const GValue        *value);
void            cli_print_json               (JsonNode            *root);
void            cli_print_wrapped            (const char          *text,
                                              guint                indent,
                                              guint                first_indent_used,
                                              guint                width);

/* iis-table.c: rows and columns printed as an aligned table, JSON or CSV */
typedef struct _CliTable CliTable;

CliTable       *cli_table_new                (const char * const  *columns);
void            cli_table_free               (CliTable            *table);
void            cli_table_set_numeric        (CliTable            *table,
                                              const char          *column);
void            cli_table_set_hidden         (CliTable            *table,
                                              const char          *column);
guint           cli_table_get_n_rows         (CliTable            *table);
guint           cli_table_add_row            (CliTable            *table);
void            cli_table_set                (CliTable            *table,
                                              guint                row,
                                              const char          *column,
                                              const char          *value);
void            cli_table_take               (CliTable            *table,
                                              guint                row,
                                              const char          *column,
                                              char                *value);
const char     *cli_table_get                (CliTable            *table,
                                              guint                row,
                                              const char          *column);
gboolean        cli_table_sort               (CliTable            *table,
                                              const char          *spec,
                                              GError             **error);
void            cli_table_print              (CliTable            *table,
                                              CliFormat            format);
void            cli_table_print_text         (CliTable            *table,
                                              guint                indent,
                                              gboolean             header);
JsonNode       *cli_table_to_json            (CliTable            *table);
char           *cli_csv_field                (const char          *value);
void            cli_table_set_csv_safe       (gboolean             safe);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CliTable, cli_table_free)

/* The subcommands, by source file. */
/* iis-cmd-list.c */
char *cli_entity_field  (CliContext *ctx, IisCatalog *catalog, IisEntity *entity, const char *field);
int cli_cmd_list        (CliContext *ctx, const CliCommand *command, int argc, char **argv);
int cli_cmd_stats       (CliContext *ctx, const CliCommand *command, int argc, char **argv);
/* iis-cmd-show.c */
int cli_cmd_show        (CliContext *ctx, const CliCommand *command, int argc, char **argv);
int cli_cmd_timeline    (CliContext *ctx, const CliCommand *command, int argc, char **argv);
const char *cli_relation_heading (IisRelationKind kind, gboolean incoming);
/* iis-cmd-questions.c */
int cli_cmd_members     (CliContext *ctx, const CliCommand *command, int argc, char **argv);
int cli_cmd_memberships (CliContext *ctx, const CliCommand *command, int argc, char **argv);
int cli_cmd_parties     (CliContext *ctx, const CliCommand *command, int argc, char **argv);
int cli_cmd_signatories (CliContext *ctx, const CliCommand *command, int argc, char **argv);
int cli_cmd_agreements  (CliContext *ctx, const CliCommand *command, int argc, char **argv);
int cli_cmd_addressing  (CliContext *ctx, const CliCommand *command, int argc, char **argv);
int cli_cmd_forums      (CliContext *ctx, const CliCommand *command, int argc, char **argv);
/* iis-cmd-status.c */
int cli_cmd_status      (CliContext *ctx, const CliCommand *command, int argc, char **argv);
int cli_cmd_compare     (CliContext *ctx, const CliCommand *command, int argc, char **argv);
int cli_cmd_panel       (CliContext *ctx, const CliCommand *command, int argc, char **argv);
/* iis-cmd-chart.c, iis-cmd-report.c */
int cli_cmd_chart       (CliContext *ctx, const CliCommand *command, int argc, char **argv);
int cli_cmd_report      (CliContext *ctx, const CliCommand *command, int argc, char **argv);
/* iis-cmd-files.c */
int cli_cmd_validate    (CliContext *ctx, const CliCommand *command, int argc, char **argv);
int cli_cmd_convert     (CliContext *ctx, const CliCommand *command, int argc, char **argv);
/* iis-cmd-diff.c */
int cli_cmd_diff        (CliContext *ctx, const CliCommand *command, int argc, char **argv);
int cli_cmd_export      (CliContext *ctx, const CliCommand *command, int argc, char **argv);
/* iis-cmd-import.c */
int cli_cmd_import      (CliContext *ctx, const CliCommand *command, int argc, char **argv);
/* iis-cmd-compile.c */
int cli_cmd_compile     (CliContext *ctx, const CliCommand *command, int argc, char **argv);

G_END_DECLS
