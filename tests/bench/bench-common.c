/* bench-common.c: the benchmark's SQLite mirror of a catalog file, its
 * questions asked both ways, and their comparison
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * # Dates in SQL
 *
 * The library decides whether a period holds at a date @at by comparing
 * at the coarser precision of the two partial dates (iis-date.c): a
 * period holds when its start is unknown or compare_coarse (start, at)
 * <= 0, and its end is unknown or compare_coarse (end, at) > 0; and an
 * organization at either end dissolved by @at (compare_coarse
 * (dissolved, at) <= 0) ends it.
 *
 * With dates packed as (year << 9) | (month << 5) | day, 0 for an unknown
 * month or day, compare_coarse (x, at) <= 0 holds, for x of any
 * precision, exactly when x <= hi (at), where hi (at) is the last packed
 * value that @at covers: at itself for a day, (Y, M, 31) for a month
 * (Y, M), (Y, 15, 31) for a year Y. (A year x = (Y', 0, 0) against a day
 * at: Y' <= Y iff (Y', 0, 0) <= (Y, M, D) since M >= 1; a month x
 * (Y', M', 0) against a day: (Y', M') <= (Y, M) iff x <= (Y, M, D) since
 * D >= 1; the other cases are alike.) So the SQL below binds hi (at) and
 * reads "started" as `start_d = 0 OR start_d <= ?` and "not ended" as
 * `end_d = 0 OR end_d > ?`, which also lets SQLite use plain integer
 * comparisons. The answers are compared with the library's, so a wrong
 * translation shows.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <json-glib/json-glib.h>

#include "bench-common.h"

#include "iis-date-private.h"

static volatile guintptr bench_sink;

gint64
bench_now_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (gint64) ts.tv_sec * G_GINT64_CONSTANT (1000000000) + ts.tv_nsec;
}

guint32
bench_pack_date (guint year,
                 guint month,
                 guint day)
{
  return ((guint32) year << 9) | ((guint32) month << 5) | day;
}

char *
bench_date_string (guint32 packed)
{
  guint year = packed >> 9, month = (packed >> 5) & 0xf, day = packed & 0x1f;

  if (packed == 0)
    return g_strdup ("any time");
  if (month == 0)
    return g_strdup_printf ("%04u", year);
  if (day == 0)
    return g_strdup_printf ("%04u-%02u", year, month);
  return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
}

/* The IisDate of a date packed as above. */
static void
bench_unpack_date (guint32  packed,
                   IisDate *out)
{
  *out = (IisDate) { .year = packed >> 9, .month = (packed >> 5) & 0xf, .day = packed & 0x1f };
}

/* The last packed value @at covers (see the top of this file). */
static gint64
date_hi (guint32 at)
{
  if ((at & 0x1e0) == 0)
    return at | (15 << 5) | 31;
  if ((at & 0x1f) == 0)
    return at | 31;
  return at;
}

/* ------------------------------------------------------------------ */
/* Building the mirror                                                */

static gboolean
sql_exec (sqlite3     *db,
          const char  *sql,
          GError     **error)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "SQLite: %s: %s", sql, message);
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

static sqlite3_stmt *
sql_prepare (sqlite3     *db,
             const char  *sql,
             GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v3 (db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "SQLite: %s: %s",
                   sqlite3_errmsg (db), sql);
      return NULL;
    }
  return stmt;
}

static gboolean
sql_step_done (sqlite3      *db,
               sqlite3_stmt *stmt,
               GError      **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "SQLite: %s", sqlite3_errmsg (db));
      return FALSE;
    }
  return TRUE;
}

static BenchType
type_of_nick (const char *nick)
{
  static const char * const nicks[] = {
    "", "state", "organization", "agreement", "forum", "threat-category",
  };

  for (guint i = 1; i < G_N_ELEMENTS (nicks); i++)
    if (g_strcmp0 (nick, nicks[i]) == 0)
      return i;
  return BENCH_TYPE_OTHER;
}

static gboolean
packed_member (JsonObject  *object,
               const char  *member,
               const char  *where,
               guint32     *out,
               GError     **error)
{
  const char *text;
  g_autoptr(IisDate) date = NULL;
  g_autoptr(GError) local_error = NULL;

  *out = 0;
  if (!json_object_has_member (object, member))
    return TRUE;
  text = json_object_get_string_member_with_default (object, member, NULL);
  if (text == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s.%s: not a string", where, member);
      return FALSE;
    }
  date = iis_date_parse (text, &local_error);
  if (date == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s.%s: %s", where, member,
                   local_error->message);
      return FALSE;
    }
  *out = bench_pack_date (iis_date_get_year (date), iis_date_get_month (date),
                          iis_date_get_day (date));
  return TRUE;
}

typedef struct
{
  const char *id;
  guint       index;
} IdIndex;

static int
compare_id_index (gconstpointer a,
                  gconstpointer b)
{
  return strcmp (((const IdIndex *) a)->id, ((const IdIndex *) b)->id);
}

static const char * const relation_known_members[] = {
  "kind", "subject", "object", "role", "start", "end", "confidence", NULL
};

/* The relation's members other than the columns, as JSON, or NULL. */
static char *
relation_extra (JsonObject *object)
{
  g_autoptr(JsonObject) extra = json_object_new ();
  g_autoptr(JsonNode) node = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &value))
    if (!g_strv_contains (relation_known_members, name))
      json_object_set_member (extra, name, json_node_copy (value));
  if (json_object_get_size (extra) == 0)
    return NULL;
  node = json_node_init_object (json_node_alloc (), extra);
  return json_to_string (node, FALSE);
}

static gboolean
fill_entities (BenchSql    *sql,
               JsonArray   *entities,
               GError     **error)
{
  g_autofree IdIndex *order = NULL;
  sqlite3_stmt *insert = NULL;
  guint n = entities ? json_array_get_length (entities) : 0;
  gboolean ok = TRUE;

  order = g_new (IdIndex, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      JsonObject *object = json_array_get_object_element (entities, i);
      const char *id = object ? json_object_get_string_member_with_default (object, "id", NULL) : NULL;

      if (id == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "entities[%u]: no id", i);
          return FALSE;
        }
      order[i].id = id;
      order[i].index = i;
    }
  qsort (order, n, sizeof (IdIndex), compare_id_index);

  sql->n_entities = n;
  sql->ids = g_new0 (char *, n + 1);
  sql->types = g_new0 (guint8, MAX (n, 1));
  sql->dissolved = g_new0 (guint32, MAX (n, 1));
  insert = sql_prepare (sql->db, "INSERT INTO ent (key, id, type, dissolved, body) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (insert == NULL)
    return FALSE;

  for (guint k = 0; k < n && ok; k++)
    {
      JsonNode *node = json_array_get_element (entities, order[k].index);
      JsonObject *object = json_node_get_object (node);
      g_autofree char *where = g_strdup_printf ("entities[%u]", order[k].index);
      g_autofree char *body = json_to_string (node, FALSE);
      BenchType type = type_of_nick (json_object_get_string_member_with_default (object, "type", NULL));
      guint32 dissolved = 0;

      if (k > 0 && strcmp (order[k].id, order[k - 1].id) == 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: duplicate id “%s”",
                       where, order[k].id);
          ok = FALSE;
          break;
        }
      if (type == BENCH_TYPE_ORGANIZATION &&
          !packed_member (object, "dissolved", where, &dissolved, error))
        {
          ok = FALSE;
          break;
        }
      sql->ids[k] = g_strdup (order[k].id);
      sql->types[k] = type;
      sql->dissolved[k] = dissolved;
      g_hash_table_insert (sql->keys, sql->ids[k], GUINT_TO_POINTER (k + 1));

      sqlite3_bind_int64 (insert, 1, k + 1);
      sqlite3_bind_text (insert, 2, order[k].id, -1, SQLITE_STATIC);
      sqlite3_bind_int (insert, 3, type);
      sqlite3_bind_int64 (insert, 4, dissolved);
      sqlite3_bind_text (insert, 5, body, -1, SQLITE_STATIC);
      ok = sql_step_done (sql->db, insert, error);
    }
  sqlite3_finalize (insert);
  return ok;
}

static gboolean
fill_relations (BenchSql    *sql,
                JsonArray   *relations,
                GError     **error)
{
  g_autoptr(GEnumClass) kinds = g_type_class_ref (IIS_TYPE_RELATION_KIND);
  g_autoptr(GEnumClass) confidences = g_type_class_ref (IIS_TYPE_CONFIDENCE);
  sqlite3_stmt *insert = NULL;
  guint n = relations ? json_array_get_length (relations) : 0;
  gboolean ok = TRUE;

  insert = sql_prepare (sql->db, "INSERT INTO rel (subject, kind, object, role, start_d, end_d, "
                                 "confidence, extra) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                        error);
  if (insert == NULL)
    return FALSE;

  for (guint i = 0; i < n && ok; i++)
    {
      JsonObject *object = json_array_get_object_element (relations, i);
      g_autofree char *where = g_strdup_printf ("relations[%u]", i);
      g_autofree char *extra = NULL;
      const char *kind_nick, *subject, *object_id, *role, *confidence;
      GEnumValue *kind, *conf = NULL;
      guint32 subject_key, object_key, start, end;

      if (object == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: not an object", where);
          ok = FALSE;
          break;
        }
      kind_nick = json_object_get_string_member_with_default (object, "kind", "");
      subject = json_object_get_string_member_with_default (object, "subject", "");
      object_id = json_object_get_string_member_with_default (object, "object", "");
      role = json_object_get_string_member_with_default (object, "role", NULL);
      confidence = json_object_get_string_member_with_default (object, "confidence", NULL);
      kind = g_enum_get_value_by_nick (kinds, kind_nick);
      if (confidence != NULL)
        conf = g_enum_get_value_by_nick (confidences, confidence);
      subject_key = GPOINTER_TO_UINT (g_hash_table_lookup (sql->keys, subject));
      object_key = GPOINTER_TO_UINT (g_hash_table_lookup (sql->keys, object_id));
      if (kind == NULL || subject_key == 0 || object_key == 0 ||
          (confidence != NULL && conf == NULL))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "%s: bad kind, end or confidence (%s %s %s)", where,
                       kind_nick, subject, object_id);
          ok = FALSE;
          break;
        }
      if (!packed_member (object, "start", where, &start, error) ||
          !packed_member (object, "end", where, &end, error))
        {
          ok = FALSE;
          break;
        }
      extra = relation_extra (object);

      sqlite3_bind_int64 (insert, 1, subject_key);
      sqlite3_bind_int (insert, 2, kind->value);
      sqlite3_bind_int64 (insert, 3, object_key);
      if (role != NULL)
        sqlite3_bind_text (insert, 4, role, -1, SQLITE_STATIC);
      else
        sqlite3_bind_null (insert, 4);
      sqlite3_bind_int64 (insert, 5, start);
      sqlite3_bind_int64 (insert, 6, end);
      sqlite3_bind_int (insert, 7, conf ? conf->value : 0);
      if (extra != NULL)
        sqlite3_bind_text (insert, 8, extra, -1, SQLITE_STATIC);
      else
        sqlite3_bind_null (insert, 8);
      ok = sql_step_done (sql->db, insert, error);
      sqlite3_clear_bindings (insert);

      if (ok && kind->value == IIS_RELATION_KIND_MEMBER_OF)
        {
          BenchMemberRow row = { subject_key, object_key, start, end };

          g_array_append_val (sql->member_rows, row);
        }
    }
  sql->n_relations = n;
  sqlite3_finalize (insert);
  return ok;
}

static gboolean
prepare_questions (BenchSql  *sql,
                   GError   **error)
{
  g_autofree char *point = NULL, *agreements_of = NULL, *members_at = NULL;
  g_autofree char *two_hop = NULL, *parts = NULL, *party_statuses = NULL, *between = NULL;

  /* ?1 member, ?2 organization, ?3 hi (at) */
  point = g_strdup_printf (
    "SELECT EXISTS (SELECT 1 FROM rel r"
    " JOIN ent s ON s.key = r.subject JOIN ent o ON o.key = r.object"
    " WHERE r.subject = ?1 AND r.kind = %d AND r.object = ?2"
    " AND (r.start_d = 0 OR r.start_d <= ?3) AND (r.end_d = 0 OR r.end_d > ?3)"
    " AND (s.dissolved = 0 OR s.dissolved > ?3) AND (o.dissolved = 0 OR o.dissolved > ?3))",
    IIS_RELATION_KIND_MEMBER_OF);
  /* ?1 party; at any time: the covering index answers alone */
  agreements_of = g_strdup_printf (
    "SELECT DISTINCT object FROM rel WHERE subject = ?1 AND kind = %d ORDER BY object",
    IIS_RELATION_KIND_PARTY_TO);
  /* ?1 organization, ?2 hi (at) */
  members_at = g_strdup_printf (
    "SELECT DISTINCT r.subject FROM rel r"
    " JOIN ent s ON s.key = r.subject JOIN ent o ON o.key = r.object"
    " WHERE r.object = ?1 AND r.kind = %d"
    " AND (r.start_d = 0 OR r.start_d <= ?2) AND (r.end_d = 0 OR r.end_d > ?2)"
    " AND (s.dissolved = 0 OR s.dissolved > ?2) AND (o.dissolved = 0 OR o.dissolved > ?2)"
    " ORDER BY r.subject",
    IIS_RELATION_KIND_MEMBER_OF);
  /* ?1 threat category: agreements addressing it or a narrower one, then
   * the states party to them, at any time */
  two_hop = g_strdup_printf (
    "WITH RECURSIVE cats (c) AS (VALUES (?1)"
    " UNION SELECT r.subject FROM rel r JOIN cats ON r.object = cats.c WHERE r.kind = %d)"
    " SELECT DISTINCT p.subject FROM cats"
    " JOIN rel a ON a.object = cats.c AND a.kind = %d"
    " JOIN ent ae ON ae.key = a.subject AND ae.type = %d"
    " JOIN rel p ON p.object = a.subject AND p.kind = %d"
    " JOIN ent pe ON pe.key = p.subject AND pe.type = %d"
    " ORDER BY p.subject",
    IIS_RELATION_KIND_PART_OF, IIS_RELATION_KIND_ADDRESSES, BENCH_TYPE_AGREEMENT,
    IIS_RELATION_KIND_PARTY_TO, BENCH_TYPE_STATE);
  /* ?1 whole: its parts at any depth, itself excluded */
  parts = g_strdup_printf (
    "WITH RECURSIVE parts (e) AS (SELECT subject FROM rel WHERE object = ?1 AND kind = %d"
    " UNION SELECT r.subject FROM rel r JOIN parts ON r.object = parts.e WHERE r.kind = %d)"
    " SELECT e FROM parts WHERE e <> ?1 ORDER BY e",
    IIS_RELATION_KIND_PART_OF, IIS_RELATION_KIND_PART_OF);
  /* ?1 agreement: the parties with a treaty action on it, whose statuses
   * the library decides (the baseline reads the rows it decides from) */
  party_statuses = g_strdup_printf (
    "SELECT DISTINCT subject FROM rel WHERE object = ?1 AND kind IN (%d, %d, %d, %d, %d, %d, %d, %d)"
    " ORDER BY subject",
    IIS_RELATION_KIND_SIGNATORY_OF, IIS_RELATION_KIND_PARTY_TO, IIS_RELATION_KIND_CONSENTED_TO,
    IIS_RELATION_KIND_PROVISIONALLY_APPLIES, IIS_RELATION_KIND_RESERVATION_TO,
    IIS_RELATION_KIND_DECLARATION_TO, IIS_RELATION_KIND_OBJECTION_TO, IIS_RELATION_KIND_DENOUNCED);
  /* ?1 member, ?2 organization: the memberships between them, each
   * relation's dates read, as a program reading the relation objects
   * would; sorted, as the library's side sorts them for the check */
  between = g_strdup_printf (
    "SELECT start_d, end_d FROM rel WHERE subject = ?1 AND kind = %d AND object = ?2"
    " ORDER BY start_d, end_d",
    IIS_RELATION_KIND_MEMBER_OF);

  return (sql->point = sql_prepare (sql->db, point, error)) != NULL &&
         (sql->agreements_of = sql_prepare (sql->db, agreements_of, error)) != NULL &&
         (sql->members_at = sql_prepare (sql->db, members_at, error)) != NULL &&
         (sql->two_hop = sql_prepare (sql->db, two_hop, error)) != NULL &&
         (sql->parts = sql_prepare (sql->db, parts, error)) != NULL &&
         (sql->party_statuses = sql_prepare (sql->db, party_statuses, error)) != NULL &&
         (sql->between = sql_prepare (sql->db, between, error)) != NULL;
}

BenchSql *
bench_sql_new (const char  *path,
               GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  BenchSql *sql = NULL;
  JsonObject *root;
  JsonArray *entities = NULL, *relations = NULL;
  sqlite3_int64 before, after_entities;
  gint64 t0;
  gboolean ok;

  if (!json_parser_load_from_mapped_file (parser, path, error))
    return NULL;
  if (json_parser_get_root (parser) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: not a JSON object", path);
      return NULL;
    }
  root = json_node_get_object (json_parser_get_root (parser));
  if (json_object_has_member (root, "entities"))
    entities = json_object_get_array_member (root, "entities");
  if (json_object_has_member (root, "relations"))
    relations = json_object_get_array_member (root, "relations");

  sqlite3_initialize ();
  sql = g_new0 (BenchSql, 1);
  sql->keys = g_hash_table_new (g_str_hash, g_str_equal);
  sql->member_rows = g_array_new (FALSE, FALSE, sizeof (BenchMemberRow));

  t0 = bench_now_ns ();
  before = sqlite3_memory_used ();
  if (sqlite3_open (":memory:", &sql->db) != SQLITE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "SQLite: cannot open a memory database");
      bench_sql_free (sql);
      return NULL;
    }
  ok = sql_exec (sql->db,
                 "PRAGMA journal_mode = OFF;"
                 "CREATE TABLE ent (key INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,"
                 " type INTEGER NOT NULL, dissolved INTEGER NOT NULL, body TEXT);"
                 "CREATE TABLE rel (subject INTEGER NOT NULL, kind INTEGER NOT NULL,"
                 " object INTEGER NOT NULL, role TEXT, start_d INTEGER NOT NULL,"
                 " end_d INTEGER NOT NULL, confidence INTEGER NOT NULL, extra TEXT);"
                 "BEGIN;", error) &&
       fill_entities (sql, entities, error) &&
       sql_exec (sql->db, "COMMIT;", error);
  after_entities = sqlite3_memory_used ();
  ok = ok &&
       sql_exec (sql->db, "BEGIN;", error) &&
       fill_relations (sql, relations, error) &&
       sql_exec (sql->db,
                 "CREATE INDEX rel_sko ON rel (subject, kind, object);"
                 "CREATE INDEX rel_oks ON rel (object, kind, subject);"
                 "COMMIT;", error);
  sql->build_ns = bench_now_ns () - t0;
  sql->bytes_entities = after_entities - before;
  sql->bytes_total = sqlite3_memory_used () - before;
  ok = ok && sql_exec (sql->db, "ANALYZE;", error) && prepare_questions (sql, error);

  if (!ok)
    {
      g_prefix_error (error, "%s: ", path);
      bench_sql_free (sql);
      return NULL;
    }
  return sql;
}

void
bench_sql_free (BenchSql *sql)
{
  if (sql == NULL)
    return;
  sqlite3_finalize (sql->point);
  sqlite3_finalize (sql->agreements_of);
  sqlite3_finalize (sql->members_at);
  sqlite3_finalize (sql->two_hop);
  sqlite3_finalize (sql->parts);
  sqlite3_finalize (sql->party_statuses);
  sqlite3_finalize (sql->between);
  sqlite3_close (sql->db);
  g_hash_table_unref (sql->keys);
  g_strfreev (sql->ids);
  g_free (sql->types);
  g_free (sql->dissolved);
  g_array_unref (sql->member_rows);
  g_free (sql);
}

/* ------------------------------------------------------------------ */
/* Probes                                                             */

static GArray *
keys_of_type (BenchSql  *sql,
              BenchType  type)
{
  GArray *keys = g_array_new (FALSE, FALSE, sizeof (guint32));

  for (guint32 k = 1; k <= sql->n_entities; k++)
    if (sql->types[k - 1] == type)
      g_array_append_val (keys, k);
  return keys;
}

/* The distinct objects of the rows of @kind, in key order, each repeated
 * once per row when @weighted. */
static GArray *
objects_of_kind (BenchSql        *sql,
                 IisRelationKind  kind,
                 gboolean         weighted)
{
  GArray *keys = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autofree char *text = g_strdup_printf ("SELECT %s object FROM rel WHERE kind = %d ORDER BY object",
                                           weighted ? "" : "DISTINCT", kind);
  sqlite3_stmt *stmt = sql_prepare (sql->db, text, NULL);

  g_assert (stmt != NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      guint32 key = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (keys, key);
    }
  sqlite3_finalize (stmt);
  return keys;
}

/* A date of random precision in the years [@from, @to]. */
static guint32
random_date_in (GRand *rand,
                guint  from,
                guint  to)
{
  guint year = g_rand_int_range (rand, from, to + 1);

  switch (g_rand_int_range (rand, 0, 3))
    {
    case 0:
      return bench_pack_date (year, 0, 0);
    case 1:
      return bench_pack_date (year, g_rand_int_range (rand, 1, 13), 0);
    default:
      return bench_pack_date (year, g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
    }
}

static guint32
random_date (GRand *rand)
{
  return random_date_in (rand, 1988, 2026);
}

/* @date cut to the year (@precision 0), the month (1) or as it is (2). */
static guint32
truncate_date (guint32 date,
               guint   precision)
{
  switch (precision)
    {
    case 0:
      return date & ~(guint32) 0x1ff;
    case 1:
      return (date & 0x1e0) ? date & ~(guint32) 0x1f : date;
    default:
      return date;
    }
}

static guint32
pick (GRand  *rand,
      GArray *keys)
{
  return g_array_index (keys, guint32, g_rand_int_range (rand, 0, keys->len));
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  guint32 ka = *(const guint32 *) a, kb = *(const guint32 *) b;

  return ka < kb ? -1 : ka > kb;
}

/* Up to @n distinct keys of @keys (which may repeat a key to weigh it),
 * in a seeded random order; all of them when @n is 0. */
static GArray *
sample (GRand  *rand,
        GArray *keys,
        guint   n)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GArray *out = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint distinct;

  for (guint i = 0; i < keys->len; i++)
    g_hash_table_add (seen, GUINT_TO_POINTER (g_array_index (keys, guint32, i)));
  distinct = g_hash_table_size (seen);
  if (n == 0 || n >= distinct)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, seen);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          guint32 k = GPOINTER_TO_UINT (key);

          g_array_append_val (out, k);
        }
      /* A hash table's order is not seeded: sort, then shuffle. */
      g_array_sort (out, compare_keys);
      for (guint i = out->len; i > 1; i--)
        {
          guint j = g_rand_int_range (rand, 0, i);
          guint32 t = g_array_index (out, guint32, i - 1);

          g_array_index (out, guint32, i - 1) = g_array_index (out, guint32, j);
          g_array_index (out, guint32, j) = t;
        }
      return out;
    }

  g_hash_table_remove_all (seen);
  while (out->len < n)
    {
      guint32 k = pick (rand, keys);

      if (g_hash_table_add (seen, GUINT_TO_POINTER (k)))
        g_array_append_val (out, k);
    }
  return out;
}

static void
add_probe (GArray  *probes,
           guint32  entity,
           guint32  at)
{
  BenchProbe probe = { entity, at };

  g_array_append_val (probes, probe);
}

BenchProbes *
bench_probes_new (BenchSql *sql,
                  guint32   seed,
                  gboolean  exhaustive)
{
  /* Dates of every precision, with boundaries generators like (years). */
  static const guint fixed_dates[][3] = {
    { 1995, 0, 0 }, { 2001, 6, 0 }, { 2001, 6, 15 }, { 2008, 0, 0 }, { 2010, 1, 1 },
    { 2012, 0, 0 }, { 2015, 7, 0 }, { 2017, 6, 9 }, { 2020, 0, 0 }, { 2024, 12, 31 },
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GArray) states = keys_of_type (sql, BENCH_TYPE_STATE);
  g_autoptr(GArray) organizations = keys_of_type (sql, BENCH_TYPE_ORGANIZATION);
  g_autoptr(GArray) categories = keys_of_type (sql, BENCH_TYPE_THREAT_CATEGORY);
  g_autoptr(GArray) weighted_orgs = objects_of_kind (sql, IIS_RELATION_KIND_MEMBER_OF, TRUE);
  g_autoptr(GArray) wholes = objects_of_kind (sql, IIS_RELATION_KIND_PART_OF, TRUE);
  g_autoptr(GArray) treaties = objects_of_kind (sql, IIS_RELATION_KIND_PARTY_TO, TRUE);
  g_autoptr(GArray) chosen = NULL;
  BenchProbes *probes = g_new0 (BenchProbes, 1);
  guint n_point;

  probes->point = g_array_new (FALSE, FALSE, sizeof (BenchPointProbe));
  probes->agreements_of = g_array_new (FALSE, FALSE, sizeof (BenchProbe));
  probes->members_at = g_array_new (FALSE, FALSE, sizeof (BenchProbe));
  probes->two_hop = g_array_new (FALSE, FALSE, sizeof (BenchProbe));
  probes->parts = g_array_new (FALSE, FALSE, sizeof (BenchProbe));
  probes->party_statuses = g_array_new (FALSE, FALSE, sizeof (BenchProbe));
  probes->between = g_array_new (FALSE, FALSE, sizeof (BenchPointProbe));

  /* Point: half known pairs (a membership exists, at some date), half
   * a random state against a random organization. Exhaustively, every
   * membership at the dates that bound it, at each precision, where the
   * coarse comparison decides. */
  if (exhaustive)
    {
      for (guint i = 0; i < sql->member_rows->len; i++)
        {
          const BenchMemberRow *row = &g_array_index (sql->member_rows, BenchMemberRow, i);
          guint32 bounds[4] = { row->start, row->end, sql->dissolved[row->subject - 1],
                                sql->dissolved[row->object - 1] };

          for (guint b = 0; b < 4; b++)
            for (guint p = 0; bounds[b] != 0 && p < 3; p++)
              {
                BenchPointProbe probe = { row->subject, row->object, truncate_date (bounds[b], p) };

                g_array_append_val (probes->point, probe);
              }
        }
      n_point = probes->point->len;
    }
  else
    {
      n_point = 2000;
      for (guint i = 0; sql->member_rows->len > 0 && i < n_point / 2; i++)
        {
          const BenchMemberRow *row = &g_array_index (sql->member_rows, BenchMemberRow,
                                                      g_rand_int_range (rand, 0, sql->member_rows->len));
          BenchPointProbe probe = { row->subject, row->object, random_date (rand) };

          g_array_append_val (probes->point, probe);
        }
    }
  for (guint i = 0; states->len > 0 && organizations->len > 0 && i < n_point / 2; i++)
    {
      BenchPointProbe probe = { pick (rand, states), pick (rand, organizations), random_date (rand) };

      g_array_append_val (probes->point, probe);
    }

  /* Agreements of a state, at any time. */
  chosen = sample (rand, states, exhaustive ? 0 : 40);
  for (guint i = 0; i < chosen->len; i++)
    add_probe (probes->agreements_of, g_array_index (chosen, guint32, i), 0);
  g_clear_pointer (&chosen, g_array_unref);

  /* Members of an organization at a date; organizations weighed by their
   * memberships, as users ask about the big ones more. */
  if (exhaustive)
    {
      for (guint i = 0; i < organizations->len; i++)
        for (guint d = 0; d < G_N_ELEMENTS (fixed_dates); d++)
          add_probe (probes->members_at, g_array_index (organizations, guint32, i),
                     bench_pack_date (fixed_dates[d][0], fixed_dates[d][1], fixed_dates[d][2]));
      /* And each organization at the boundaries of a few of its
       * memberships (one in seven), at each precision. */
      for (guint i = 0; i < organizations->len; i++)
        {
          guint32 org = g_array_index (organizations, guint32, i);

          for (guint p = 0; sql->dissolved[org - 1] != 0 && p < 3; p++)
            add_probe (probes->members_at, org, truncate_date (sql->dissolved[org - 1], p));
        }
      for (guint i = 0; i < sql->member_rows->len; i += 7)
        {
          const BenchMemberRow *row = &g_array_index (sql->member_rows, BenchMemberRow, i);
          guint32 bounds[2] = { row->start, row->end };

          for (guint b = 0; b < 2; b++)
            for (guint p = 0; bounds[b] != 0 && p < 3; p++)
              add_probe (probes->members_at, row->object, truncate_date (bounds[b], p));
        }
    }
  else if (weighted_orgs->len > 0)
    {
      for (guint i = 0; i < 200; i++)
        add_probe (probes->members_at, pick (rand, weighted_orgs), random_date (rand));
    }

  /* Two hops: threat categories. */
  chosen = sample (rand, categories, exhaustive ? 0 : 30);
  for (guint i = 0; i < chosen->len; i++)
    add_probe (probes->two_hop, g_array_index (chosen, guint32, i), 0);
  g_clear_pointer (&chosen, g_array_unref);

  /* Transitive part-of: wholes, weighed by their direct parts. */
  chosen = sample (rand, wholes, exhaustive ? 0 : 100);
  for (guint i = 0; i < chosen->len; i++)
    add_probe (probes->parts, g_array_index (chosen, guint32, i), 0);
  g_clear_pointer (&chosen, g_array_unref);

  /* Every party's status: agreements weighed by their parties, at a
   * date (drawn last, so the other probes stay the same). */
  chosen = sample (rand, treaties, exhaustive ? 0 : 100);
  for (guint i = 0; i < chosen->len; i++)
    add_probe (probes->party_statuses, g_array_index (chosen, guint32, i),
               exhaustive ? bench_pack_date (2010, 1, 1) : random_date (rand));

  /* The relations between two entities: as the point question, half
   * pairs with a membership (exhaustively: every membership row), half a
   * random state and organization. */
  for (guint i = 0; i < (exhaustive ? sql->member_rows->len : 1000); i++)
    {
      const BenchMemberRow *row;
      BenchPointProbe probe = { 0, 0, 0 };

      if (sql->member_rows->len == 0)
        break;
      row = &g_array_index (sql->member_rows, BenchMemberRow,
                            exhaustive ? i : (guint) g_rand_int_range (rand, 0, sql->member_rows->len));
      probe.member = row->subject;
      probe.organization = row->object;
      g_array_append_val (probes->between, probe);
    }
  for (guint i = 0; states->len > 0 && organizations->len > 0 && i < 1000; i++)
    {
      BenchPointProbe probe = { pick (rand, states), pick (rand, organizations), 0 };

      g_array_append_val (probes->between, probe);
    }

  return probes;
}

void
bench_probes_free (BenchProbes *probes)
{
  if (probes == NULL)
    return;
  g_array_unref (probes->point);
  g_array_unref (probes->agreements_of);
  g_array_unref (probes->members_at);
  g_array_unref (probes->two_hop);
  g_array_unref (probes->parts);
  g_array_unref (probes->party_statuses);
  g_array_unref (probes->between);
  g_free (probes);
}

const char *
bench_question_name (BenchQuestion question)
{
  static const char * const names[] = {
    "point (is member)",
    "agreements of a state",
    "members at a date",
    "two-hop addressing",
    "transitive part-of",
    "every party's status",
    "relations between two entities",
  };

  g_return_val_if_fail (question < BENCH_N_QUESTIONS, NULL);
  return names[question];
}

GArray *
bench_question_probes (BenchProbes   *probes,
                       BenchQuestion  question)
{
  switch (question)
    {
    case BENCH_QUESTION_POINT:
      return probes->point;
    case BENCH_QUESTION_AGREEMENTS_OF:
      return probes->agreements_of;
    case BENCH_QUESTION_MEMBERS_AT:
      return probes->members_at;
    case BENCH_QUESTION_TWO_HOP:
      return probes->two_hop;
    case BENCH_QUESTION_PARTS:
      return probes->parts;
    case BENCH_QUESTION_PARTY_STATUSES:
      return probes->party_statuses;
    case BENCH_QUESTION_BETWEEN:
      return probes->between;
    case BENCH_N_QUESTIONS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* ------------------------------------------------------------------ */
/* The library side                                                   */

BenchLib *
bench_lib_new (IisCatalog  *catalog,
               BenchSql    *sql,
               GError     **error)
{
  BenchLib *lib = g_new0 (BenchLib, 1);

  lib->catalog = g_object_ref (catalog);
  lib->n = sql->n_entities;
  lib->by_key = g_new0 (IisEntity *, MAX (lib->n, 1));
  lib->scratch_start = iis_date_new (1, 1, 1);
  lib->scratch_end = iis_date_new (1, 1, 1);
  for (guint32 k = 0; k < lib->n; k++)
    {
      lib->by_key[k] = iis_catalog_lookup (catalog, sql->ids[k]);
      if (lib->by_key[k] == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       "entity “%s” is in the file but not in the catalog", sql->ids[k]);
          bench_lib_free (lib);
          return NULL;
        }
      /* The key travels with the entity, for answers. */
      g_object_set_data (G_OBJECT (lib->by_key[k]), "bench-key", GUINT_TO_POINTER (k + 1));
    }
  if (iis_catalog_get_n_entities (catalog) != lib->n)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "the catalog holds %u entities, the file %u",
                   iis_catalog_get_n_entities (catalog), lib->n);
      bench_lib_free (lib);
      return NULL;
    }
  return lib;
}

void
bench_lib_free (BenchLib *lib)
{
  if (lib == NULL)
    return;
  g_object_unref (lib->catalog);
  g_free (lib->by_key);
  iis_date_free (lib->scratch_start);
  iis_date_free (lib->scratch_end);
  g_free (lib);
}

static inline guint32
entity_key (IisEntity *entity)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entity), "bench-key"));
}

/* Read an answer's entity as a program would: its id. */
static void
consume_entity (IisEntity *entity,
                GArray    *answer)
{
  bench_sink += (guintptr) iis_entity_get_id (entity);
  if (answer != NULL)
    {
      guint32 key = entity_key (entity);

      g_array_append_val (answer, key);
    }
}

static guint
consume_model (BenchLib   *lib,
               GListModel *model,
               GArray     *answer)
{
  guint n = g_list_model_get_n_items (model);

  if (lib->get_items)
    {
      /* As a C program that knows answers are IisAnswers reads them:
       * all the items at once, no reference taken per item. */
      GObject **items = iis_answer_get_items (IIS_ANSWER (model), &n);

      for (guint i = 0; i < n; i++)
        consume_entity (IIS_ENTITY (items[i]), answer);
    }
  else
    {
      for (guint i = 0; i < n; i++)
        {
          IisEntity *entity = g_list_model_get_item (model, i);

          consume_entity (entity, answer);
          g_object_unref (entity);
        }
    }
  g_object_unref (model);
  return n;
}

/* A list of IisPartyStatus, each party's key taken and its kind read. */
static guint
consume_statuses (BenchLib   *lib,
                  GListModel *model,
                  GArray     *answer)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      IisPartyStatus *status = g_list_model_get_item (model, i);

      bench_sink += iis_party_status_get_kind (status);
      consume_entity (iis_party_status_get_party (status), answer);
      g_object_unref (status);
    }
  g_object_unref (model);
  return n;
}

static int
compare_entity_ids (gconstpointer a,
                    gconstpointer b)
{
  return strcmp (iis_entity_get_id (*(IisEntity * const *) a),
                 iis_entity_get_id (*(IisEntity * const *) b));
}

/* States party to any agreement addressing @category or a narrower one,
 * sorted by id, as a program using the library would find them. */
static guint
two_hop_lib (IisCatalog        *catalog,
             IisThreatCategory *category,
             GArray            *answer)
{
  g_autoptr(GListModel) agreements = iis_catalog_get_agreements_addressing (catalog, category, TRUE);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) states = g_ptr_array_new ();
  guint n_agreements = g_list_model_get_n_items (agreements);

  for (guint i = 0; i < n_agreements; i++)
    {
      g_autoptr(IisAgreement) agreement = g_list_model_get_item (agreements, i);
      g_autoptr(GListModel) parties = iis_catalog_get_parties (catalog, agreement, NULL);
      guint n_parties = g_list_model_get_n_items (parties);

      for (guint j = 0; j < n_parties; j++)
        {
          IisEntity *party = g_list_model_get_item (parties, j);

          /* The catalog holds a reference: keep borrowed pointers. */
          if (IIS_IS_STATE (party) && g_hash_table_add (seen, party))
            g_ptr_array_add (states, party);
          g_object_unref (party);
        }
    }
  g_ptr_array_sort (states, compare_entity_ids);

  for (guint i = 0; i < states->len; i++)
    {
      IisEntity *state = g_ptr_array_index (states, i);

      bench_sink += (guintptr) iis_entity_get_id (state);
      if (answer != NULL)
        {
          guint32 key = entity_key (state);

          g_array_append_val (answer, key);
        }
    }
  return states->len;
}

static int
compare_guint64 (gconstpointer a,
                 gconstpointer b)
{
  guint64 x = *(const guint64 *) a, y = *(const guint64 *) b;

  return x < y ? -1 : x > y;
}

/* One relation's dates as the check wants them: packed start in the top
 * half, packed end below, 0 for none. */
static guint64
date_pair (const IisDate *start,
           const IisDate *end)
{
  guint64 pair = 0;

  if (start != NULL)
    pair |= (guint64) bench_pack_date (iis_date_get_year (start), iis_date_get_month (start),
                                       iis_date_get_day (start)) << 32;
  if (end != NULL)
    pair |= bench_pack_date (iis_date_get_year (end), iis_date_get_month (end),
                             iis_date_get_day (end));
  return pair;
}

/* The member-of relations between two entities, each relation object
 * taken from the answer and its dates read; or, as lib->between says,
 * each read through an IisRelationIter (both ids and both dates), or
 * only counted. For the check, the dates are sorted as SQLite's ORDER
 * BY sorts them (the library sorts by date, which puts an unknown start
 * elsewhere than 0 does). */
static guint
between_lib (BenchLib              *lib,
             const BenchPointProbe *p,
             GArray                *answer)
{
  IisEntity *member = lib->by_key[p->member - 1];
  IisEntity *organization = lib->by_key[p->organization - 1];
  g_autoptr(GArray) pairs = answer != NULL ? g_array_new (FALSE, FALSE, sizeof (guint64)) : NULL;
  guint n = 0;

  if (lib->between == BENCH_BETWEEN_COUNT)
    {
      n = iis_catalog_count_relations (lib->catalog, member, IIS_RELATION_KIND_MEMBER_OF, organization);
      bench_sink += n;
      return n;
    }
  else if (lib->between == BENCH_BETWEEN_ITER)
    {
      IisRelationIter iter;

      iis_relation_iter_init (&iter, lib->catalog, member, IIS_RELATION_KIND_MEMBER_OF, organization);
      while (iis_relation_iter_next (&iter))
        {
          gboolean has_start = iis_relation_iter_get_start (&iter, lib->scratch_start);
          gboolean has_end = iis_relation_iter_get_end (&iter, lib->scratch_end);

          bench_sink += (guintptr) iis_relation_iter_get_subject_id (&iter)
                        + (guintptr) iis_relation_iter_get_object_id (&iter)
                        + has_start + has_end;
          if (pairs != NULL)
            {
              guint64 pair = date_pair (has_start ? lib->scratch_start : NULL,
                                        has_end ? lib->scratch_end : NULL);

              g_array_append_val (pairs, pair);
            }
          n++;
        }
    }
  else
    {
      GListModel *model = iis_catalog_list_relations (lib->catalog, member,
                                                      IIS_RELATION_KIND_MEMBER_OF, organization);

      n = g_list_model_get_n_items (model);
      for (guint i = 0; i < n; i++)
        {
          IisRelation *relation = g_list_model_get_item (model, i);
          const IisDate *start = iis_relation_get_start (relation);
          const IisDate *end = iis_relation_get_end (relation);

          bench_sink += (guintptr) start + (guintptr) end;
          if (pairs != NULL)
            {
              guint64 pair = date_pair (start, end);

              g_array_append_val (pairs, pair);
            }
          g_object_unref (relation);
        }
      g_object_unref (model);
    }

  if (pairs != NULL)
    {
      g_array_sort (pairs, compare_guint64);
      for (guint i = 0; i < pairs->len; i++)
        {
          guint64 pair = g_array_index (pairs, guint64, i);
          guint32 start = pair >> 32, end = (guint32) pair;

          g_array_append_val (answer, start);
          g_array_append_val (answer, end);
        }
    }
  return n;
}

guint
bench_ask_lib (BenchLib      *lib,
               BenchProbes   *probes,
               BenchQuestion  question,
               guint          i,
               GArray        *answer)
{
  IisDate at;

  switch (question)
    {
    case BENCH_QUESTION_POINT:
      {
        const BenchPointProbe *p = &g_array_index (probes->point, BenchPointProbe, i);
        guint32 yes;

        bench_unpack_date (p->at, &at);
        yes = iis_catalog_is_member (lib->catalog, lib->by_key[p->member - 1],
                                     IIS_ORGANIZATION (lib->by_key[p->organization - 1]), &at);
        bench_sink += yes;
        if (answer != NULL)
          g_array_append_val (answer, yes);
        return 1;
      }
    case BENCH_QUESTION_AGREEMENTS_OF:
      {
        const BenchProbe *p = &g_array_index (probes->agreements_of, BenchProbe, i);

        bench_unpack_date (p->at, &at);
        return consume_model (lib, iis_catalog_get_agreements_of (lib->catalog, lib->by_key[p->entity - 1],
                                                             p->at ? &at : NULL),
                              answer);
      }
    case BENCH_QUESTION_MEMBERS_AT:
      {
        const BenchProbe *p = &g_array_index (probes->members_at, BenchProbe, i);

        bench_unpack_date (p->at, &at);
        return consume_model (lib, iis_catalog_get_members (lib->catalog,
                                                       IIS_ORGANIZATION (lib->by_key[p->entity - 1]),
                                                       NULL, p->at ? &at : NULL),
                              answer);
      }
    case BENCH_QUESTION_TWO_HOP:
      {
        const BenchProbe *p = &g_array_index (probes->two_hop, BenchProbe, i);

        return two_hop_lib (lib->catalog, IIS_THREAT_CATEGORY (lib->by_key[p->entity - 1]), answer);
      }
    case BENCH_QUESTION_PARTS:
      {
        const BenchProbe *p = &g_array_index (probes->parts, BenchProbe, i);

        return consume_model (lib, iis_catalog_get_parts (lib->catalog, lib->by_key[p->entity - 1], TRUE),
                              answer);
      }
    case BENCH_QUESTION_PARTY_STATUSES:
      {
        const BenchProbe *p = &g_array_index (probes->party_statuses, BenchProbe, i);

        bench_unpack_date (p->at, &at);
        return consume_statuses (lib, iis_catalog_get_party_statuses (lib->catalog,
                                                                      IIS_AGREEMENT (lib->by_key[p->entity - 1]),
                                                                      &at),
                                 answer);
      }
    case BENCH_QUESTION_BETWEEN:
      {
        const BenchPointProbe *p = &g_array_index (probes->between, BenchPointProbe, i);

        return between_lib (lib, p, answer);
      }
    case BENCH_N_QUESTIONS:
    default:
      g_return_val_if_reached (0);
    }
}

/* ------------------------------------------------------------------ */
/* The SQLite side                                                    */

static guint
consume_rows (sqlite3_stmt *stmt,
              GArray       *answer)
{
  guint n = 0;
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint32 key = sqlite3_column_int64 (stmt, 0);

      bench_sink += key;
      if (answer != NULL)
        g_array_append_val (answer, key);
      n++;
    }
  if (rc != SQLITE_DONE)
    g_error ("SQLite: %s", sqlite3_errmsg (sqlite3_db_handle (stmt)));
  sqlite3_reset (stmt);
  return n;
}

guint
bench_ask_sql (BenchSql      *sql,
               BenchProbes   *probes,
               BenchQuestion  question,
               guint          i,
               GArray        *answer)
{
  switch (question)
    {
    case BENCH_QUESTION_POINT:
      {
        const BenchPointProbe *p = &g_array_index (probes->point, BenchPointProbe, i);

        sqlite3_bind_int64 (sql->point, 1, p->member);
        sqlite3_bind_int64 (sql->point, 2, p->organization);
        sqlite3_bind_int64 (sql->point, 3, date_hi (p->at));
        consume_rows (sql->point, answer);
        return 1;
      }
    case BENCH_QUESTION_AGREEMENTS_OF:
      {
        const BenchProbe *p = &g_array_index (probes->agreements_of, BenchProbe, i);

        g_return_val_if_fail (p->at == 0, 0);
        sqlite3_bind_int64 (sql->agreements_of, 1, p->entity);
        return consume_rows (sql->agreements_of, answer);
      }
    case BENCH_QUESTION_MEMBERS_AT:
      {
        const BenchProbe *p = &g_array_index (probes->members_at, BenchProbe, i);

        g_return_val_if_fail (p->at != 0, 0);
        sqlite3_bind_int64 (sql->members_at, 1, p->entity);
        sqlite3_bind_int64 (sql->members_at, 2, date_hi (p->at));
        return consume_rows (sql->members_at, answer);
      }
    case BENCH_QUESTION_TWO_HOP:
      {
        const BenchProbe *p = &g_array_index (probes->two_hop, BenchProbe, i);

        sqlite3_bind_int64 (sql->two_hop, 1, p->entity);
        return consume_rows (sql->two_hop, answer);
      }
    case BENCH_QUESTION_PARTS:
      {
        const BenchProbe *p = &g_array_index (probes->parts, BenchProbe, i);

        sqlite3_bind_int64 (sql->parts, 1, p->entity);
        return consume_rows (sql->parts, answer);
      }
    case BENCH_QUESTION_PARTY_STATUSES:
      {
        const BenchProbe *p = &g_array_index (probes->party_statuses, BenchProbe, i);

        sqlite3_bind_int64 (sql->party_statuses, 1, p->entity);
        return consume_rows (sql->party_statuses, answer);
      }
    case BENCH_QUESTION_BETWEEN:
      {
        const BenchPointProbe *p = &g_array_index (probes->between, BenchPointProbe, i);
        guint n = 0;
        int rc;

        sqlite3_bind_int64 (sql->between, 1, p->member);
        sqlite3_bind_int64 (sql->between, 2, p->organization);
        while ((rc = sqlite3_step (sql->between)) == SQLITE_ROW)
          {
            guint32 start = sqlite3_column_int64 (sql->between, 0);
            guint32 end = sqlite3_column_int64 (sql->between, 1);

            bench_sink += start + end;
            if (answer != NULL)
              {
                g_array_append_val (answer, start);
                g_array_append_val (answer, end);
              }
            n++;
          }
        if (rc != SQLITE_DONE)
          g_error ("SQLite: %s", sqlite3_errmsg (sql->db));
        sqlite3_reset (sql->between);
        return n;
      }
    case BENCH_N_QUESTIONS:
    default:
      g_return_val_if_reached (0);
    }
}

/* ------------------------------------------------------------------ */
/* Comparing                                                          */

/* @keys from a little before @from, where the two answers part. */
static char *
describe_keys (BenchSql *sql,
               GArray   *keys,
               guint     from,
               gboolean  boolean,
               gboolean  dates)
{
  GString *out = g_string_new (NULL);
  guint first = from > 2 ? from - 2 : 0;

  if (boolean)
    {
      g_string_free (out, TRUE);
      return g_strdup (keys->len == 1 && g_array_index (keys, guint32, 0) ? "yes" : "no");
    }
  g_string_append_printf (out, "%u rows: [%s", keys->len, first > 0 ? "… " : "");
  for (guint i = first; i < keys->len && i < first + 8; i++)
    {
      guint32 key = g_array_index (keys, guint32, i);

      if (dates)
        {
          g_autofree char *date = bench_date_string (key);

          g_string_append_printf (out, "%s%s", i > first ? " " : "", key ? date : "none");
          continue;
        }
      g_string_append_printf (out, "%s%s", i > first ? " " : "",
                              key >= 1 && key <= sql->n_entities ? sql->ids[key - 1] : "?");
    }
  if (keys->len > first + 8)
    g_string_append (out, " …");
  g_string_append_c (out, ']');
  return g_string_free (out, FALSE);
}

static char *
describe_probe (BenchSql      *sql,
                BenchProbes   *probes,
                BenchQuestion  question,
                guint          i)
{
  g_autofree char *date = NULL;

  if (question == BENCH_QUESTION_POINT)
    {
      const BenchPointProbe *p = &g_array_index (probes->point, BenchPointProbe, i);

      date = bench_date_string (p->at);
      return g_strdup_printf ("is “%s” a member of “%s” at %s", sql->ids[p->member - 1],
                              sql->ids[p->organization - 1], date);
    }
  else if (question == BENCH_QUESTION_BETWEEN)
    {
      const BenchPointProbe *p = &g_array_index (probes->between, BenchPointProbe, i);

      return g_strdup_printf ("memberships of “%s” in “%s”", sql->ids[p->member - 1],
                              sql->ids[p->organization - 1]);
    }
  else
    {
      const BenchProbe *p = &g_array_index (bench_question_probes (probes, question), BenchProbe, i);

      date = bench_date_string (p->at);
      return g_strdup_printf ("%s of “%s” at %s", bench_question_name (question),
                              sql->ids[p->entity - 1], date);
    }
}

gboolean
bench_check (BenchLib      *lib,
             BenchSql      *sql,
             BenchProbes   *probes,
             BenchQuestion  question,
             guint64       *n_rows,
             GError       **error)
{
  g_autoptr(GArray) from_lib = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GArray) from_sql = g_array_new (FALSE, FALSE, sizeof (guint32));
  GArray *list = bench_question_probes (probes, question);
  guint64 rows = 0;

  for (guint i = 0; i < list->len; i++)
    {
      g_array_set_size (from_lib, 0);
      g_array_set_size (from_sql, 0);
      bench_ask_lib (lib, probes, question, i, from_lib);
      bench_ask_sql (sql, probes, question, i, from_sql);
      if (from_lib->len != from_sql->len ||
          memcmp (from_lib->data, from_sql->data, from_lib->len * sizeof (guint32)) != 0)
        {
          g_autofree char *what = describe_probe (sql, probes, question, i);
          g_autofree char *a = NULL;
          g_autofree char *b = NULL;
          guint from = 0;

          while (from < from_lib->len && from < from_sql->len &&
                 g_array_index (from_lib, guint32, from) == g_array_index (from_sql, guint32, from))
            from++;
          a = describe_keys (sql, from_lib, from, question == BENCH_QUESTION_POINT,
                             question == BENCH_QUESTION_BETWEEN);
          b = describe_keys (sql, from_sql, from, question == BENCH_QUESTION_POINT,
                             question == BENCH_QUESTION_BETWEEN);

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       "answers differ: %s: libiis says %s, SQLite says %s", what, a, b);
          return FALSE;
        }
      if (question == BENCH_QUESTION_POINT)
        rows += g_array_index (from_lib, guint32, 0);
      else if (question == BENCH_QUESTION_BETWEEN)
        rows += from_lib->len / 2;
      else
        rows += from_lib->len;
    }
  if (n_rows != NULL)
    *n_rows = rows;
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* The uniform-random shape                                           */

typedef struct
{
  guint32 subject;   /* index into the states */
  guint32 object;    /* index into the organizations or the agreements */
  guint8  kind;      /* 0: member-of, 1: party-to */
  guint32 start;     /* packed, 0: none */
  guint32 end;
} UniformRelation;

static void
shuffle (GRand    *rand,
         gpointer  items,
         guint     n,
         gsize     size)
{
  g_autofree char *tmp = g_malloc (size);
  char *base = items;

  for (guint i = n; i > 1; i--)
    {
      guint j = g_rand_int_range (rand, 0, i);

      memcpy (tmp, base + (gsize) (i - 1) * size, size);
      memcpy (base + (gsize) (i - 1) * size, base + (gsize) j * size, size);
      memcpy (base + (gsize) j * size, tmp, size);
    }
}

IisCatalog *
bench_uniform_catalog_new (guint     n_relations,
                           guint32   seed,
                           GError  **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();
  g_autoptr(GPtrArray) states = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) organizations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) agreements = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree UniformRelation *relations = g_new (UniformRelation, MAX (n_relations, 1));
  guint n_states = 200;
  guint n_organizations = MAX (n_relations / 250, 20);
  guint n_agreements = MAX (n_relations / 40, 50);

  for (guint i = 0; i < n_states; i++)
    {
      g_autofree char *id = g_strdup_printf ("state-%03u", i);
      g_autofree char *name = g_strdup_printf ("State %u", i);

      g_ptr_array_add (states, iis_state_new (id, name));
    }
  for (guint i = 0; i < n_organizations; i++)
    {
      g_autofree char *id = g_strdup_printf ("org-%06u", i);
      g_autofree char *name = g_strdup_printf ("Organization %u", i);

      g_ptr_array_add (organizations, iis_organization_new (id, name));
    }
  for (guint i = 0; i < n_agreements; i++)
    {
      g_autofree char *id = g_strdup_printf ("agreement-%06u", i);
      g_autofree char *name = g_strdup_printf ("Agreement %u", i);

      g_ptr_array_add (agreements, iis_agreement_new (id, name));
    }

  /* Entities, then relations, each in random order. */
  g_ptr_array_extend (all, states, NULL, NULL);
  g_ptr_array_extend (all, organizations, NULL, NULL);
  g_ptr_array_extend (all, agreements, NULL, NULL);
  shuffle (rand, all->pdata, all->len, sizeof (gpointer));
  for (guint i = 0; i < all->len; i++)
    if (!iis_catalog_add_entity (catalog, g_ptr_array_index (all, i), error))
      return NULL;

  /* Uniform picks; the same relation (ends, kind and start) is never
   * stated twice. Ends come after starts: a later year. */
  for (guint i = 0; i < n_relations;)
    {
      UniformRelation r;
      guint64 key;

      r.kind = g_rand_boolean (rand);
      r.subject = g_rand_int_range (rand, 0, n_states);
      r.object = g_rand_int_range (rand, 0, r.kind == 0 ? n_organizations : n_agreements);
      r.start = random_date_in (rand, 1950, 2020);
      r.end = g_rand_boolean (rand) ? 0 : random_date_in (rand, (r.start >> 9) + 1, (r.start >> 9) + 30);
      key = ((((guint64) r.subject << 24 | r.object) << 1 | r.kind) << 24) | r.start;
      if (g_hash_table_contains (seen, &key))
        continue;
      g_hash_table_add (seen, g_memdup2 (&key, sizeof key));
      relations[i++] = r;
    }
  shuffle (rand, relations, n_relations, sizeof (UniformRelation));

  for (guint i = 0; i < n_relations; i++)
    {
      const UniformRelation *r = &relations[i];
      g_autoptr(IisRelation) relation = NULL;
      IisDate date;

      relation = iis_relation_new (r->kind == 0 ? IIS_RELATION_KIND_MEMBER_OF : IIS_RELATION_KIND_PARTY_TO,
                                   g_ptr_array_index (states, r->subject),
                                   g_ptr_array_index (r->kind == 0 ? organizations : agreements, r->object));
      bench_unpack_date (r->start, &date);
      iis_relation_set_start (relation, &date);
      if (r->end != 0)
        {
          bench_unpack_date (r->end, &date);
          iis_relation_set_end (relation, &date);
        }
      if (!iis_catalog_add_relation (catalog, relation, error))
        return NULL;
    }
  return g_steal_pointer (&catalog);
}

/* ------------------------------------------------------------------ */
/* Measuring                                                          */

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

double
bench_median_ns (gint64 *samples,
                 guint   n)
{
  qsort (samples, n, sizeof (gint64), compare_gint64);
  if (n % 2 == 1)
    return samples[n / 2];
  return (samples[n / 2 - 1] + samples[n / 2]) / 2.0;
}

/* A field of /proc/self/status, in kB. */
gint64
bench_status_kb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;
  gsize len = strlen (field);

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  for (line = status; line != NULL && *line; line = strchr (line, '\n'))
    {
      if (*line == '\n')
        line++;
      if (strncmp (line, field, len) == 0 && line[len] == ':')
        return g_ascii_strtoll (line + len + 1, NULL, 10);
    }
  return -1;
}

/* Run @func in a forked child and measure its peak RSS. */
BenchPeak
bench_measure_peak (BenchPhaseFunc func,
                    gpointer       data)
{
  BenchPeak peak = { -1, -1 };
  int fds[2];
  pid_t pid;
  int status;

  fflush (stdout);
  if (pipe (fds) != 0)
    g_error ("pipe: %s", g_strerror (errno));
  pid = fork ();
  if (pid < 0)
    g_error ("fork: %s", g_strerror (errno));
  if (pid == 0)
    {
      BenchPeak child = { -1, -1 };
      gint64 base;
      int fd;

      close (fds[0]);
      fd = open ("/proc/self/clear_refs", O_WRONLY);
      if (fd >= 0)
        {
          if (write (fd, "5", 1) != 1)
            g_printerr ("bench: cannot reset the peak RSS\n");
          close (fd);
        }
      base = bench_status_kb ("VmRSS");
      func (data);
      child.peak_kb = bench_status_kb ("VmHWM") - base;
      child.held_kb = bench_status_kb ("VmRSS") - base;
      if (write (fds[1], &child, sizeof child) != sizeof child)
        _exit (2);
      _exit (0);
    }
  close (fds[1]);
  if (read (fds[0], &peak, sizeof peak) != sizeof peak)
    peak.peak_kb = peak.held_kb = -1;
  close (fds[0]);
  waitpid (pid, &status, 0);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("a measuring child failed (status %d)", status);
  return peak;
}
