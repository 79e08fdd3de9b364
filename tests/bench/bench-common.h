/* bench-common.h: the benchmark's SQLite mirror of a catalog file, its
 * questions asked both ways, and their comparison
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <sqlite3.h>

#include <libiis/iis.h>

G_BEGIN_DECLS

/* Entity types as the SQLite mirror stores them. */
typedef enum {
  BENCH_TYPE_OTHER = 0,
  BENCH_TYPE_STATE,
  BENCH_TYPE_ORGANIZATION,
  BENCH_TYPE_AGREEMENT,
  BENCH_TYPE_FORUM,
  BENCH_TYPE_THREAT_CATEGORY,
} BenchType;

typedef struct
{
  guint32 subject;
  guint32 object;
  guint32 start;
  guint32 end;
} BenchMemberRow;

/* The same catalog file read into an in-memory SQLite database, straight
 * from json-glib (not through libiis, so the two sides share nothing but
 * the file):
 *
 *   ent (key INTEGER PRIMARY KEY, id TEXT UNIQUE, type, dissolved, body)
 *   rel (subject, kind, object, role, start_d, end_d, confidence, extra)
 *
 * Keys are the entities' ranks in id order (strcmp, as SQLite's BINARY
 * collation), plus one, so ORDER BY key is the library's id order. Dates
 * are packed as the library packs them (0: none). `body` is the entity's
 * JSON object and `extra` the relation's qualifiers, sources and other
 * members as JSON, so the database holds what the file holds. Indexes:
 * ent(id), rel(subject, kind, object), rel(object, kind, subject). */
typedef struct
{
  sqlite3     *db;
  char       **ids;         /* key - 1 → id */
  guint8      *types;       /* key - 1 → BenchType */
  guint32     *dissolved;   /* key - 1 → packed date, 0 if none */
  guint32      n_entities;
  guint32      n_relations;
  GHashTable  *keys;        /* id → key (GUINT_TO_POINTER) */
  GArray      *member_rows; /* BenchMemberRow, every member-of row */

  gint64       bytes_entities;  /* sqlite3_memory_used () growth, entity table */
  gint64       bytes_total;     /* … everything, indexes included */
  gint64       build_ns;        /* time to fill and index it (the parse excluded) */

  sqlite3_stmt *point;
  sqlite3_stmt *agreements_of;
  sqlite3_stmt *members_at;
  sqlite3_stmt *two_hop;
  sqlite3_stmt *parts;
  sqlite3_stmt *party_statuses;
  sqlite3_stmt *between;
} BenchSql;

BenchSql   *bench_sql_new      (const char  *path,
                                GError     **error);
void        bench_sql_free     (BenchSql    *sql);

/* Question inputs, all as SQLite keys; dates packed. */
typedef struct
{
  guint32 member;
  guint32 organization;
  guint32 at;
} BenchPointProbe;

typedef struct
{
  guint32 entity;
  guint32 at;        /* 0: at any time */
} BenchProbe;

typedef struct
{
  GArray *point;          /* BenchPointProbe */
  GArray *agreements_of;  /* BenchProbe (states, at any time) */
  GArray *members_at;     /* BenchProbe (organizations, with a date) */
  GArray *two_hop;        /* BenchProbe (threat categories) */
  GArray *parts;          /* BenchProbe (entities with parts) */
  GArray *party_statuses; /* BenchProbe (agreements, with a date) */
  GArray *between;        /* BenchPointProbe (at unused) */
} BenchProbes;

/* With @exhaustive, every state, organization, category and whole is
 * asked, at several dates of each precision; otherwise a seeded sample
 * of the given sizes. */
BenchProbes *bench_probes_new  (BenchSql    *sql,
                                guint32      seed,
                                gboolean     exhaustive);
void         bench_probes_free (BenchProbes *probes);

/* How the library side reads the relations between two entities: the
 * relation objects of list_relations(), an IisRelationIter reading ids
 * and dates, or count_relations(), whose answer is only the number of
 * rows (bench_check () cannot compare it; iis-bench.c compares it with
 * the number of SQLite rows). */
typedef enum {
  BENCH_BETWEEN_OBJECTS,
  BENCH_BETWEEN_ITER,
  BENCH_BETWEEN_COUNT,
} BenchBetween;

/* The library side: the catalog and its entities by SQLite key. */
typedef struct
{
  IisCatalog  *catalog;
  IisEntity  **by_key;    /* key - 1 → entity (borrowed) */
  guint32      n;
  gboolean     get_items; /* read answers with iis_answer_get_items () */
  BenchBetween between;   /* how the relations between two entities are read */
  IisDate     *scratch_start, *scratch_end;  /* filled by IisRelationIter */
} BenchLib;

/* Fails when an entity of the mirror is missing from @catalog. */
BenchLib   *bench_lib_new      (IisCatalog  *catalog,
                                BenchSql    *sql,
                                GError     **error);
void        bench_lib_free     (BenchLib    *lib);

typedef enum {
  BENCH_QUESTION_POINT,
  BENCH_QUESTION_AGREEMENTS_OF,
  BENCH_QUESTION_MEMBERS_AT,
  BENCH_QUESTION_TWO_HOP,
  BENCH_QUESTION_PARTS,
  BENCH_QUESTION_PARTY_STATUSES,
  BENCH_QUESTION_BETWEEN,
  BENCH_N_QUESTIONS
} BenchQuestion;

const char *bench_question_name (BenchQuestion question);
GArray     *bench_question_probes (BenchProbes  *probes,
                                   BenchQuestion question);

/* Ask probe @i of @question. With @answer (a GArray of guint32 keys) the
 * answer is stored there (for the point question: one element, 0 or 1;
 * for the relations between two entities: each relation's packed start
 * and end, sorted); without, it is only consumed. Returns the number of
 * rows. */
guint       bench_ask_lib      (BenchLib      *lib,
                                BenchProbes   *probes,
                                BenchQuestion  question,
                                guint          i,
                                GArray        *answer);
guint       bench_ask_sql      (BenchSql      *sql,
                                BenchProbes   *probes,
                                BenchQuestion  question,
                                guint          i,
                                GArray        *answer);

/* Ask every probe of @question both ways and compare. Returns FALSE and
 * sets @error, naming the probe and both answers, at the first
 * difference. @n_rows (nullable) receives the total rows. */
gboolean    bench_check        (BenchLib      *lib,
                                BenchSql      *sql,
                                BenchProbes   *probes,
                                BenchQuestion  question,
                                guint64       *n_rows,
                                GError       **error);

/* Packing and the "at" bound of the SQL (see bench-common.c). */
guint32     bench_pack_date    (guint year,
                                guint month,
                                guint day);
char       *bench_date_string  (guint32 packed);

gint64      bench_now_ns       (void);

/* The uniform-random shape: @n_relations relations between 200 states,
 * n_relations / 250 organizations and n_relations / 40 agreements (at
 * least 20 and 50), half member-of a uniformly picked organization,
 * half party-to a uniformly picked agreement, each from a uniformly
 * picked state, with dates of every precision, added through the public
 * API in random order. The same seed gives the same catalog. The same
 * membership is often stated again for an overlapping period: the only
 * problem iis_catalog_validate () finds in it. */
IisCatalog *bench_uniform_catalog_new (guint     n_relations,
                                       guint32   seed,
                                       GError  **error);

/* The median of @n samples (sorts them). */
double      bench_median_ns    (gint64       *samples,
                                guint         n);

/* A field of /proc/self/status, in kB (-1 if unknown). */
gint64      bench_status_kb    (const char   *field);

typedef void (*BenchPhaseFunc) (gpointer data);

typedef struct
{
  gint64 peak_kb;     /* VmHWM during the phase, above the start */
  gint64 held_kb;     /* VmRSS at the end of the phase, above the start */
} BenchPeak;

/* Run @func in a forked child and measure its peak RSS. */
BenchPeak   bench_measure_peak (BenchPhaseFunc func,
                                gpointer       data);

G_END_DECLS
