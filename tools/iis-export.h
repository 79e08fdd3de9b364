/* iis-export.h: the data exports of `iis export` beyond DOT, CSV and JSON
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "iis-tool.h"

G_BEGIN_DECLS

/* The base of the IRIs that name the entities of a catalog in linked
 * data, and the SQLite schema's version (docs/interoperability.md). */
#define CLI_EXPORT_ID_BASE      "https://libiis.org/id/"
#define CLI_EXPORT_VOCAB_BASE   "https://libiis.org/ns#"
#define CLI_EXPORT_SQL_SCHEMA   "1"

/* What is exported: the entities (sorted by id) and the relations (in the
 * catalog's order), already filtered by --kind and --at. */
typedef struct
{
  IisCatalog *catalog;
  GPtrArray  *entities;    /* of IisEntity * */
  GPtrArray  *relations;   /* of IisRelation * */
} CliExport;

/* iis-export-common.c */
char     *cli_export_first_day        (const IisDate  *date,
                                       gboolean        latest);
GPtrArray *cli_export_entity_properties (IisEntity    *entity);

/* iis-export-sqlite.c (built when SQLite is found; otherwise a stub in
 * iis-export-common.c that says so) */
int       cli_export_sqlite           (CliExport      *export,
                                       const char     *path);

/* iis-export-rdf.c */
typedef enum {
  CLI_RDF_JSONLD,
  CLI_RDF_TURTLE,
  CLI_RDF_NTRIPLES,
} CliRdfSyntax;

int       cli_export_rdf              (CliExport      *export,
                                       CliRdfSyntax    syntax,
                                       const char     *path);

/* iis-export-quickstatements.c */
int       cli_export_quickstatements  (CliExport      *export,
                                       const char     *path);

G_END_DECLS
