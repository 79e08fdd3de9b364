/* iis-export-sqlite.c: `iis export --format sqlite FILE`
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * Writes the catalog as a SQLite database, for SQL and for the engines
 * that read SQLite (DuckDB, PostgreSQL through a foreign-data wrapper or
 * pgloader). The schema is documented in docs/interoperability.md; it
 * keeps every date as written (EDTF text) and, beside it, the first day
 * of its earliest and of its latest reading, so that “holds at” is a
 * plain comparison of ISO day strings.
 *
 * The database is written to a temporary file next to FILE and renamed
 * over it at the end, so a failed export leaves an older FILE whole.
 */

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <sys/stat.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "iis-export.h"

static const char schema[] =
  "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);\n"
  "CREATE TABLE entities (\n"
  "  id TEXT PRIMARY KEY,\n"
  "  type TEXT NOT NULL,\n"
  "  name TEXT,\n"
  "  description TEXT,\n"
  "  ceased TEXT,\n"
  "  ceased_earliest TEXT,\n"
  "  ceased_latest TEXT);\n"
  "CREATE TABLE entity_properties (\n"
  "  entity_id TEXT NOT NULL REFERENCES entities (id),\n"
  "  property TEXT NOT NULL,\n"
  "  value TEXT NOT NULL,\n"
  "  PRIMARY KEY (entity_id, property));\n"
  "CREATE TABLE labels (\n"
  "  entity_id TEXT NOT NULL REFERENCES entities (id),\n"
  "  lang TEXT NOT NULL,\n"
  "  text TEXT NOT NULL,\n"
  "  PRIMARY KEY (entity_id, lang));\n"
  "CREATE TABLE other_names (\n"
  "  entity_id TEXT NOT NULL REFERENCES entities (id),\n"
  "  text TEXT NOT NULL,\n"
  "  lang TEXT,\n"
  "  start TEXT,\n"
  "  \"end\" TEXT);\n"
  "CREATE TABLE identifiers (\n"
  "  entity_id TEXT NOT NULL REFERENCES entities (id),\n"
  "  scheme TEXT NOT NULL,\n"
  "  value TEXT NOT NULL,\n"
  "  PRIMARY KEY (entity_id, scheme));\n"
  "CREATE TABLE relations (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  kind TEXT NOT NULL,\n"
  "  subject_id TEXT NOT NULL REFERENCES entities (id),\n"
  "  object_id TEXT NOT NULL REFERENCES entities (id),\n"
  "  role TEXT,\n"
  "  start TEXT,\n"
  "  \"end\" TEXT,\n"
  "  start_earliest TEXT,\n"
  "  start_latest TEXT,\n"
  "  end_earliest TEXT,\n"
  "  end_latest TEXT,\n"
  "  confidence TEXT);\n"
  "CREATE TABLE relation_qualifiers (\n"
  "  relation_id INTEGER NOT NULL REFERENCES relations (id),\n"
  "  key TEXT NOT NULL,\n"
  "  value TEXT NOT NULL,\n"
  "  PRIMARY KEY (relation_id, key));\n"
  "CREATE TABLE sources (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  title TEXT,\n"
  "  url TEXT,\n"
  "  document TEXT,\n"
  "  publisher TEXT,\n"
  "  date TEXT,\n"
  "  quote TEXT,\n"
  "  locator TEXT);\n"
  "CREATE TABLE entity_sources (\n"
  "  entity_id TEXT NOT NULL REFERENCES entities (id),\n"
  "  source_id INTEGER NOT NULL REFERENCES sources (id));\n"
  "CREATE TABLE relation_sources (\n"
  "  relation_id INTEGER NOT NULL REFERENCES relations (id),\n"
  "  source_id INTEGER NOT NULL REFERENCES sources (id));\n";

static const char indexes_and_views[] =
  "CREATE INDEX relations_by_subject ON relations (subject_id, kind);\n"
  "CREATE INDEX relations_by_object ON relations (object_id, kind);\n"
  "CREATE INDEX identifiers_by_value ON identifiers (scheme, value);\n"
  "CREATE INDEX entity_sources_by_entity ON entity_sources (entity_id);\n"
  "CREATE INDEX relation_sources_by_relation ON relation_sources (relation_id);\n"
  /* A relation with both ends, their names and the dates both ends
   * cease to exist: what every question needs. */
  "CREATE VIEW relations_named AS\n"
  "  SELECT r.id AS relation_id, r.kind, r.subject_id, s.name AS subject_name,\n"
  "         s.type AS subject_type, r.object_id, o.name AS object_name,\n"
  "         o.type AS object_type, r.role, r.start, r.\"end\",\n"
  "         r.start_earliest, r.start_latest, r.end_earliest, r.end_latest,\n"
  "         r.confidence,\n"
  "         s.ceased_earliest AS subject_ceased_earliest,\n"
  "         s.ceased_latest AS subject_ceased_latest,\n"
  "         o.ceased_earliest AS object_ceased_earliest,\n"
  "         o.ceased_latest AS object_ceased_latest\n"
  "  FROM relations r JOIN entities s ON s.id = r.subject_id\n"
  "                   JOIN entities o ON o.id = r.object_id;\n"
  "CREATE VIEW memberships AS\n"
  "  SELECT relation_id, subject_id AS member_id, subject_name AS member_name,\n"
  "         subject_type AS member_type, object_id AS organization_id,\n"
  "         object_name AS organization_name, role, start, \"end\",\n"
  "         start_earliest, start_latest, end_earliest, end_latest, confidence,\n"
  "         subject_ceased_earliest, subject_ceased_latest,\n"
  "         object_ceased_earliest, object_ceased_latest\n"
  "  FROM relations_named WHERE kind = 'member-of';\n"
  "CREATE VIEW parties AS\n"
  "  SELECT n.relation_id, n.subject_id AS party_id, n.subject_name AS party_name,\n"
  "         n.subject_type AS party_type, n.object_id AS agreement_id,\n"
  "         n.object_name AS agreement_name, n.role AS consent,\n"
  "         q.value AS deposit, n.start, n.\"end\",\n"
  "         n.start_earliest, n.start_latest, n.end_earliest, n.end_latest,\n"
  "         n.confidence, n.subject_ceased_earliest, n.subject_ceased_latest,\n"
  "         n.object_ceased_earliest, n.object_ceased_latest\n"
  "  FROM relations_named n\n"
  "  LEFT JOIN relation_qualifiers q ON q.relation_id = n.relation_id AND q.key = 'deposit'\n"
  "  WHERE n.kind = 'party-to';\n"
  "CREATE VIEW signatures AS\n"
  "  SELECT relation_id, subject_id AS signatory_id, subject_name AS signatory_name,\n"
  "         object_id AS agreement_id, object_name AS agreement_name,\n"
  "         start AS signed, start_earliest AS signed_earliest,\n"
  "         start_latest AS signed_latest, \"end\", confidence\n"
  "  FROM relations_named WHERE kind = 'signatory-of';\n";

typedef struct
{
  sqlite3    *db;
  const char *path;
} Writer;

static gboolean
report (Writer     *writer,
        const char *what)
{
  cli_error ("%s: could not write the database (%s): %s",
             writer->path, what, sqlite3_errmsg (writer->db));
  return FALSE;
}

static sqlite3_stmt *
prepare (Writer     *writer,
         const char *sql)
{
  sqlite3_stmt *statement = NULL;

  if (sqlite3_prepare_v2 (writer->db, sql, -1, &statement, NULL) != SQLITE_OK)
    {
      report (writer, sql);
      return NULL;
    }
  return statement;
}

/* Binds the NULL-terminated list of texts (NULL values given as
 * the string pointers themselves; @n of them), runs and resets. */
static gboolean
run_with (Writer       *writer,
          sqlite3_stmt *statement,
          guint         n,
          const char  **values)
{
  for (guint i = 0; i < n; i++)
    sqlite3_bind_text (statement, (int) i + 1, values[i], -1, SQLITE_TRANSIENT);
  if (sqlite3_step (statement) != SQLITE_DONE)
    return report (writer, sqlite3_sql (statement));
  sqlite3_reset (statement);
  sqlite3_clear_bindings (statement);
  return TRUE;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* The statements, in the order of the tables. */
enum {
  ST_META,
  ST_ENTITY,
  ST_PROPERTY,
  ST_LABEL,
  ST_OTHER_NAME,
  ST_IDENTIFIER,
  ST_RELATION,
  ST_QUALIFIER,
  ST_SOURCE,
  ST_ENTITY_SOURCE,
  ST_RELATION_SOURCE,
  N_STATEMENTS
};

static const char * const statement_sql[N_STATEMENTS] = {
  "INSERT INTO meta VALUES (?, ?)",
  "INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?)",
  "INSERT INTO entity_properties VALUES (?, ?, ?)",
  "INSERT INTO labels VALUES (?, ?, ?)",
  "INSERT INTO other_names VALUES (?, ?, ?, ?, ?)",
  "INSERT INTO identifiers VALUES (?, ?, ?)",
  "INSERT INTO relations VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
  "INSERT INTO relation_qualifiers VALUES (?, ?, ?)",
  "INSERT INTO sources VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
  "INSERT INTO entity_sources VALUES (?, ?)",
  "INSERT INTO relation_sources VALUES (?, ?)",
};

/* Adds each source once (equal sources share a row) and links it to
 * @owner_id through @link. */
static gboolean
write_sources (Writer        *writer,
               sqlite3_stmt **statements,
               GHashTable    *seen,        /* source key → row id string */
               GListModel    *sources,
               const char    *owner_id,
               int            link)
{
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(IisSource) source = g_list_model_get_item (sources, i);
      g_autofree char *date = cli_date_string (iis_source_get_date (source));
      const char *fields[] = {
        iis_source_get_title (source), iis_source_get_url (source),
        iis_source_get_document (source), iis_source_get_publisher (source),
        date, iis_source_get_quote (source), iis_source_get_locator (source),
      };
      g_autoptr(GString) key = g_string_new (NULL);
      const char *row;

      for (gsize f = 0; f < G_N_ELEMENTS (fields); f++)
        {
          g_string_append (key, fields[f] != NULL ? fields[f] : "\x1e");
          g_string_append_c (key, '\x1f');
        }
      row = g_hash_table_lookup (seen, key->str);
      if (row == NULL)
        {
          char *id = g_strdup_printf ("%u", g_hash_table_size (seen) + 1);
          const char *values[] = { id, fields[0], fields[1], fields[2], fields[3], fields[4],
                                   fields[5], fields[6] };

          g_hash_table_insert (seen, g_string_free (g_steal_pointer (&key), FALSE), id);
          if (!run_with (writer, statements[ST_SOURCE], G_N_ELEMENTS (values), values))
            return FALSE;
          row = id;
        }
      {
        const char *values[] = { owner_id, row };

        if (!run_with (writer, statements[link], 2, values))
          return FALSE;
      }
    }
  return TRUE;
}

static gboolean
write_entity (Writer        *writer,
              sqlite3_stmt **statements,
              GHashTable    *sources,
              IisEntity     *entity)
{
  const char *id = iis_entity_get_id (entity);
  const IisDate *ceased = NULL;
  g_autofree char *ceased_text = NULL;
  g_autofree char *ceased_earliest = NULL;
  g_autofree char *ceased_latest = NULL;
  g_autoptr(GPtrArray) properties = cli_export_entity_properties (entity);
  g_auto(GStrv) langs = iis_entity_dup_label_languages (entity);
  g_auto(GStrv) schemes = iis_entity_dup_identifier_schemes (entity);
  GListModel *names = iis_entity_get_other_names (entity);

  /* The questions end a relation when one of its ends ceases to exist:
   * for now an organization, by its dissolution. */
  if (IIS_IS_ORGANIZATION (entity))
    ceased = iis_organization_get_dissolved (IIS_ORGANIZATION (entity));
  ceased_text = cli_date_string (ceased);
  ceased_earliest = cli_export_first_day (ceased, FALSE);
  ceased_latest = cli_export_first_day (ceased, TRUE);
  {
    const char *values[] = {
      id, iis_entity_get_type_nick (entity), iis_entity_get_name (entity),
      iis_entity_get_description (entity), ceased_text, ceased_earliest, ceased_latest,
    };

    if (!run_with (writer, statements[ST_ENTITY], G_N_ELEMENTS (values), values))
      return FALSE;
  }

  for (guint i = 0; i + 1 < properties->len; i += 2)
    {
      const char *values[] = { id, g_ptr_array_index (properties, i), g_ptr_array_index (properties, i + 1) };

      if (!run_with (writer, statements[ST_PROPERTY], 3, values))
        return FALSE;
    }

  for (guint i = 0; langs != NULL && langs[i] != NULL; i++)
    {
      const char *values[] = { id, langs[i], iis_entity_get_label (entity, langs[i]) };

      if (values[2] != NULL && !run_with (writer, statements[ST_LABEL], 3, values))
        return FALSE;
    }

  for (guint i = 0; names != NULL && i < g_list_model_get_n_items (names); i++)
    {
      g_autoptr(IisName) name = g_list_model_get_item (names, i);
      g_autofree char *start = cli_date_string (iis_name_get_start (name));
      g_autofree char *end = cli_date_string (iis_name_get_end (name));
      const char *values[] = { id, iis_name_get_text (name), iis_name_get_lang (name), start, end };

      if (!run_with (writer, statements[ST_OTHER_NAME], G_N_ELEMENTS (values), values))
        return FALSE;
    }

  for (guint i = 0; schemes != NULL && schemes[i] != NULL; i++)
    {
      const char *values[] = { id, schemes[i], iis_entity_get_identifier (entity, schemes[i]) };

      if (values[2] != NULL && !run_with (writer, statements[ST_IDENTIFIER], 3, values))
        return FALSE;
    }

  return write_sources (writer, statements, sources, iis_entity_get_sources (entity),
                        id, ST_ENTITY_SOURCE);
}

static gboolean
write_relation (Writer        *writer,
                sqlite3_stmt **statements,
                GHashTable    *sources,
                IisRelation   *relation,
                guint          number)
{
  const IisDate *start = iis_relation_get_start (relation);
  const IisDate *end = iis_relation_get_end (relation);
  g_autofree char *id = g_strdup_printf ("%u", number);
  g_autofree char *start_text = cli_date_string (start);
  g_autofree char *end_text = cli_date_string (end);
  g_autofree char *start_earliest = cli_export_first_day (start, FALSE);
  g_autofree char *start_latest = cli_export_first_day (start, TRUE);
  g_autofree char *end_earliest = cli_export_first_day (end, FALSE);
  g_autofree char *end_latest = cli_export_first_day (end, TRUE);
  g_auto(GStrv) keys = iis_relation_dup_qualifier_keys (relation);
  const char *values[] = {
    id, iis_relation_kind_to_nick (iis_relation_get_kind (relation)),
    iis_entity_get_id (iis_relation_get_subject (relation)),
    iis_entity_get_id (iis_relation_get_object (relation)),
    iis_relation_get_role (relation), start_text, end_text,
    start_earliest, start_latest, end_earliest, end_latest,
    cli_enum_nick (IIS_TYPE_CONFIDENCE, (int) iis_relation_get_confidence (relation)),
  };

  if (!run_with (writer, statements[ST_RELATION], G_N_ELEMENTS (values), values))
    return FALSE;

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      const char *qualifier[] = { id, keys[i], iis_relation_get_qualifier (relation, keys[i]) };

      if (qualifier[2] != NULL && !run_with (writer, statements[ST_QUALIFIER], 3, qualifier))
        return FALSE;
    }

  return write_sources (writer, statements, sources, iis_relation_get_sources (relation),
                        id, ST_RELATION_SOURCE);
}

static gboolean
write_database (Writer    *writer,
                CliExport *export)
{
  sqlite3_stmt *statements[N_STATEMENTS] = { NULL, };
  g_autoptr(GHashTable) sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gboolean ok = FALSE;
  const char *meta[][2] = {
    { "format", "libiis-sqlite" },
    { "schema-version", CLI_EXPORT_SQL_SCHEMA },
    { "libiis-version", IIS_VERSION_S },
    { "bundled-catalog-version", iis_get_bundled_catalog_version () },
    { "id-base", CLI_EXPORT_ID_BASE },
  };

  if (sqlite3_exec (writer->db, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; BEGIN",
                    NULL, NULL, NULL) != SQLITE_OK
      || sqlite3_exec (writer->db, schema, NULL, NULL, NULL) != SQLITE_OK)
    return report (writer, "the schema");

  for (guint i = 0; i < N_STATEMENTS; i++)
    if ((statements[i] = prepare (writer, statement_sql[i])) == NULL)
      goto out;

  for (gsize i = 0; i < G_N_ELEMENTS (meta); i++)
    if (!run_with (writer, statements[ST_META], 2, meta[i]))
      goto out;

  for (guint i = 0; i < export->entities->len; i++)
    if (!write_entity (writer, statements, sources, g_ptr_array_index (export->entities, i)))
      goto out;

  for (guint i = 0; i < export->relations->len; i++)
    if (!write_relation (writer, statements, sources, g_ptr_array_index (export->relations, i), i + 1))
      goto out;

  if (sqlite3_exec (writer->db, indexes_and_views, NULL, NULL, NULL) != SQLITE_OK)
    {
      report (writer, "the views");
      goto out;
    }
  if (sqlite3_exec (writer->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    {
      report (writer, "the commit");
      goto out;
    }
  ok = TRUE;

out:
  for (guint i = 0; i < N_STATEMENTS; i++)
    sqlite3_finalize (statements[i]);
  return ok;
}

int
cli_export_sqlite (CliExport  *export,
                   const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *template = g_strdup_printf ("%s.XXXXXX", base);
  g_autofree char *tmp_path = NULL;
  g_autoptr(GError) error = NULL;
  Writer writer = { NULL, path };
  gboolean ok;
  mode_t mask;
  int fd;

  /* A fresh file beside the target, renamed over it once complete. */
  tmp_path = g_build_filename (dir, template, NULL);
  fd = g_mkstemp (tmp_path);
  if (fd < 0)
    {
      cli_error ("%s: could not create a file in %s: %s", path, dir, g_strerror (errno));
      return CLI_EXIT_FAILURE;
    }
  /* mkstemp makes the file private; the database is not. */
  mask = umask (0);
  umask (mask);
  fchmod (fd, 0666 & ~mask);
  close (fd);

  if (sqlite3_open (tmp_path, &writer.db) != SQLITE_OK)
    {
      cli_error ("%s: could not open the database: %s", path,
                 writer.db != NULL ? sqlite3_errmsg (writer.db) : "out of memory");
      sqlite3_close (writer.db);
      g_unlink (tmp_path);
      return CLI_EXIT_FAILURE;
    }

  ok = write_database (&writer, export);
  if (sqlite3_close (writer.db) != SQLITE_OK && ok)
    {
      cli_error ("%s: could not close the database", path);
      ok = FALSE;
    }
  if (ok && g_rename (tmp_path, path) != 0)
    {
      cli_error ("%s: could not replace the file: %s", path, g_strerror (errno));
      ok = FALSE;
    }
  if (!ok)
    {
      g_unlink (tmp_path);
      return CLI_EXIT_FAILURE;
    }
  return CLI_EXIT_OK;
}
