/* fuzz-api.c: a catalog built and changed through the API
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * The input is a program: each byte pair is an operation and its
 * argument, run on one catalog: adding and removing entities and
 * relations, setting identifiers, dissolution dates, qualifiers, start
 * dates and sources (shared sources edited after they were attached),
 * dropping relation objects so that the catalog makes new ones, loading
 * small documents (with and without IIS_LOAD_FLAGS_OVERRIDE) while a
 * signal handler removes or adds entities, validating.
 *
 * Invariants, any of which failing aborts:
 * - no crash, no sanitizer report, no GLib warning or critical;
 * - after every operation, what the catalog caches agrees with its
 *   objects (_iis_catalog_check_invariants(), docs/storage.md);
 * - an error is a proper libiis error, and a failed add or load changes
 *   nothing;
 * - find_by_identifier() gives an entity of the catalog that holds the
 *   identifier, the first of find_all_by_identifier();
 * - at the end, the catalog writes a document that loads again and
 *   writes the same bytes, and a save of it through a symbolic or a hard
 *   link that fails part-way (at a point the input chooses) leaves the
 *   old file whole, while one that does not fail writes the document.
 */

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <libiis/iis.h>

#include "fuzz-common.h"
#include "iis-catalog-debug-private.h"
#include "iis-writer-private.h"

#define N_ENTITIES  9
#define N_SOURCES   3
#define N_HELD      6
#define MAX_STEPS   200

static const char * const entity_ids[N_ENTITIES] = {
  "s0", "s1", "s2", "s3", "o0", "o1", "o2", "a0", "f0"
};
static const char * const values[] = { "Q1", "Q2", "x", NULL };
static const char * const dates[] = { "2001", "2005-06", "2010-01-02", NULL };
static const char * const titles[] = { "A", "B", "A title, longer", "Tab\there" };

static const char document_new[] =
  "{\"format\":\"libiis-catalog\",\"version\":\"1.0\",\"entities\":["
  "{\"type\":\"state\",\"id\":\"x0\",\"identifiers\":{\"wikidata\":\"Q1\"}},"
  "{\"type\":\"organization\",\"id\":\"x1\",\"dissolved\":\"2004\"}],"
  "\"relations\":["
  "{\"kind\":\"member-of\",\"subject\":\"x0\",\"object\":\"o0\",\"start\":\"2001\","
  "\"sources\":[{\"title\":\"A\"}]},"
  "{\"kind\":\"member-of\",\"subject\":\"s1\",\"object\":\"x1\",\"role\":\"member\"}]}";
static const char document_override[] =
  "{\"format\":\"libiis-catalog\",\"version\":\"1.0\",\"entities\":["
  "{\"type\":\"state\",\"id\":\"s0\",\"identifiers\":{\"wikidata\":\"Q2\"}},"
  "{\"type\":\"organization\",\"id\":\"o1\",\"dissolved\":\"2003\"}],"
  "\"relations\":["
  "{\"kind\":\"member-of\",\"subject\":\"s0\",\"object\":\"o1\",\"start\":\"2002\"}]}";

typedef struct
{
  IisCatalog  *catalog;
  IisEntity   *entities[N_ENTITIES];   /* strong; may be out of the catalog */
  IisSource   *sources[N_SOURCES];
  IisRelation *held[N_HELD];           /* strong or NULL */
  const char  *meddle_on;              /* entity-added of this id … */
  const char  *meddle_remove;          /* … removes this one */
} State;

static void
meddle (IisCatalog *catalog,
        IisEntity  *entity,
        State      *state)
{
  IisEntity *target;

  if (state->meddle_on == NULL || strcmp (iis_entity_get_id (entity), state->meddle_on) != 0)
    return;
  target = iis_catalog_lookup (catalog, state->meddle_remove);
  if (target != NULL)
    iis_catalog_remove_entity (catalog, target);
}

static IisEntity *
make_entity (guint i)
{
  const char *id = entity_ids[i];

  switch (id[0])
    {
    case 's':
      return IIS_ENTITY (iis_state_new (id, id));
    case 'o':
      return IIS_ENTITY (iis_organization_new (id, id));
    case 'a':
      return IIS_ENTITY (iis_agreement_new (id, id));
    default:
      return IIS_ENTITY (iis_forum_new (id, id));
    }
}

static gboolean
in_catalog (State     *state,
            IisEntity *entity)
{
  return iis_catalog_lookup (state->catalog, iis_entity_get_id (entity)) == entity;
}

static IisDate *
date_of (guint8 arg)
{
  const char *text = dates[arg % G_N_ELEMENTS (dates)];

  return text != NULL ? iis_date_parse (text, NULL) : NULL;
}

static void
hold (State       *state,
      guint8       arg,
      IisRelation *relation)
{
  guint i = arg % N_HELD;

  g_clear_object (&state->held[i]);
  state->held[i] = relation;
}

static void
check_identifier (State      *state,
                  const char *scheme,
                  const char *value)
{
  IisEntity *found = iis_catalog_find_by_identifier (state->catalog, scheme, value);
  g_autoptr(GListModel) all = iis_catalog_find_all_by_identifier (state->catalog, scheme, value);
  guint n = g_list_model_get_n_items (all);

  if ((found == NULL) != (n == 0))
    fuzz_fail ("find_by_identifier and find_all_by_identifier disagree on %s %s", scheme, value);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IisEntity) entity = g_list_model_get_item (all, i);

      if (g_strcmp0 (iis_entity_get_identifier (entity, scheme), value) != 0)
        fuzz_fail ("“%s” is found by %s %s but does not hold it",
                   iis_entity_get_id (entity), scheme, value);
      if (i == 0 && entity != found)
        fuzz_fail ("find_by_identifier does not give the first holder of %s %s", scheme, value);
    }
}

static void
load (State      *state,
      const char *document,
      guint8      arg)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  IisLoadFlags flags = (arg & 1) ? IIS_LOAD_FLAGS_OVERRIDE : IIS_LOAD_FLAGS_NONE;

  before = iis_catalog_to_data (state->catalog, NULL, NULL);
  if (!iis_catalog_load_from_data_full (state->catalog, document, -1, flags, &error))
    {
      g_autofree char *after = iis_catalog_to_data (state->catalog, NULL, NULL);

      fuzz_check_error (error, "load");
      if (g_strcmp0 (before, after) != 0)
        fuzz_fail ("a failed load (%s) changed the catalog", error->message);
    }
}

static void
step (State  *state,
      guint8  op,
      guint8  arg)
{
  IisCatalog *catalog = state->catalog;
  IisEntity *entity = state->entities[arg % N_ENTITIES];
  IisRelation *held = state->held[arg % N_HELD];
  g_autoptr(GError) error = NULL;

  switch (op % 17)
    {
    case 0:   /* add an entity */
      if (!in_catalog (state, entity)
          && !iis_catalog_add_entity (catalog, entity, &error))
        fuzz_check_error (error, "add_entity");
      break;
    case 1:   /* remove an entity */
      iis_catalog_remove_entity (catalog, entity);
      break;
    case 2:   /* add a relation between two entities */
      {
        IisRelationKind kinds[] = {
          IIS_RELATION_KIND_MEMBER_OF, IIS_RELATION_KIND_PART_OF,
          IIS_RELATION_KIND_PARTY_TO, IIS_RELATION_KIND_PARTICIPANT_IN,
        };
        IisEntity *object = state->entities[(arg >> 4) % N_ENTITIES];
        g_autoptr(IisDate) start = date_of (arg >> 2);
        IisRelation *relation = iis_relation_new (kinds[arg % G_N_ELEMENTS (kinds)],
                                                  entity, object);
        guint n_relations = iis_catalog_get_n_relations (catalog);

        iis_relation_set_start (relation, start);
        if (arg & 0x40)
          iis_relation_add_source (relation, state->sources[arg % N_SOURCES]);
        if (!iis_catalog_add_relation (catalog, relation, &error))
          {
            fuzz_check_error (error, "add_relation");
            if (iis_catalog_get_n_relations (catalog) != n_relations
                || iis_relation_is_in_catalog (relation))
              fuzz_fail ("a failed add_relation changed the catalog");
          }
        hold (state, arg >> 3, relation);
      }
      break;
    case 3:   /* remove a relation */
      if (held != NULL)
        iis_catalog_remove_relation (catalog, held);
      break;
    case 4:   /* set or clear an identifier */
      iis_entity_set_identifier (entity, (arg & 0x80) ? "wikidata" : "iso3166-1",
                                 values[(arg >> 4) % G_N_ELEMENTS (values)]);
      break;
    case 5:   /* an organization's dissolution */
      if (IIS_IS_ORGANIZATION (entity))
        {
          g_autoptr(IisDate) dissolved = date_of (arg >> 4);

          iis_organization_set_dissolved (IIS_ORGANIZATION (entity), dissolved);
        }
      break;
    case 6:   /* a qualifier */
      if (held != NULL)
        iis_relation_set_qualifier (held, (arg & 0x10) ? "a" : "deposit",
                                    values[(arg >> 5) % G_N_ELEMENTS (values)]);
      break;
    case 7:   /* a (shared) source */
      if (held != NULL)
        iis_relation_add_source (held, state->sources[(arg >> 4) % N_SOURCES]);
      break;
    case 8:   /* edit a source after it was attached */
      iis_source_set_title (state->sources[arg % N_SOURCES],
                            titles[(arg >> 4) % G_N_ELEMENTS (titles)]);
      break;
    case 9:   /* a start date */
      if (held != NULL)
        {
          g_autoptr(IisDate) start = date_of (arg >> 4);

          iis_relation_set_start (held, start);
        }
      break;
    case 10:  /* drop a relation object: the catalog makes a new one */
      g_clear_object (&state->held[arg % N_HELD]);
      break;
    case 11:  /* take a relation object the catalog makes */
      if (in_catalog (state, entity))
        {
          g_autoptr(GListModel) relations =
            iis_catalog_list_relations (catalog, entity, IIS_RELATION_KIND_ANY, NULL);
          guint n = g_list_model_get_n_items (relations);

          if (n > 0)
            hold (state, arg >> 4, g_list_model_get_item (relations, (arg >> 4) % n));
        }
      break;
    case 12:  /* load a document with new entities */
      load (state, document_new, arg);
      break;
    case 13:  /* load a document that replaces entities (with OVERRIDE) */
      load (state, document_override, arg);
      break;
    case 14:  /* a handler that removes an entity when another is added */
      state->meddle_on = (arg & 0x80) ? NULL : (arg & 1) ? "x0" : entity_ids[(arg >> 1) % N_ENTITIES];
      state->meddle_remove = entity_ids[(arg >> 4) % N_ENTITIES];
      break;
    case 15:  /* validate */
      {
        g_autoptr(GListModel) problems = iis_catalog_validate (catalog);

        (void) g_list_model_get_n_items (problems);
      }
      break;
    default:  /* look identifiers up */
      check_identifier (state, "wikidata", "Q1");
      check_identifier (state, "wikidata", "Q2");
      check_identifier (state, "iso3166-1", "x");
      break;
    }

  _iis_catalog_check_invariants (catalog);
}

static void
check_round_trip (IisCatalog *catalog)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IisCatalog) again = iis_catalog_new ();
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;

  text = iis_catalog_to_data (catalog, NULL, &error);
  if (text == NULL)
    fuzz_fail ("the catalog does not write: %s", error->message);
  if (!iis_catalog_load_from_data (again, text, -1, &error))
    fuzz_fail ("the written document does not load: %s\n%s", error->message, text);
  _iis_catalog_check_invariants (again);
  text_again = iis_catalog_to_data (again, NULL, NULL);
  if (g_strcmp0 (text, text_again) != 0)
    fuzz_fail ("load → save → load changed the document:\n%s\n----\n%s", text, text_again);
}

/* A stream that fails with "no space" after a number of bytes. */
typedef struct
{
  GFilterOutputStream parent_instance;
  gsize               left;
} FullStream;

typedef struct
{
  GFilterOutputStreamClass parent_class;
} FullStreamClass;

static GType full_stream_get_type (void);
G_DEFINE_TYPE (FullStream, full_stream, G_TYPE_FILTER_OUTPUT_STREAM)

static gssize
full_stream_write (GOutputStream  *stream,
                   const void     *buffer,
                   gsize           count,
                   GCancellable   *cancellable,
                   GError        **error)
{
  FullStream *self = (FullStream *) stream;
  GOutputStream *base = g_filter_output_stream_get_base_stream (G_FILTER_OUTPUT_STREAM (stream));
  gssize n;

  if (self->left == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "No space left (fuzz-api)");
      return -1;
    }
  n = g_output_stream_write (base, buffer, MIN (count, self->left), cancellable, error);
  if (n > 0)
    self->left -= n;
  return n;
}

static void
full_stream_class_init (FullStreamClass *klass)
{
  G_OUTPUT_STREAM_CLASS (klass)->write_fn = full_stream_write;
}

static void
full_stream_init (FullStream *self)
{
}

static GOutputStream *
wrap_full (GOutputStream *base,
           gpointer       user_data)
{
  FullStream *stream = g_object_new (full_stream_get_type (), "base-stream", base, NULL);

  stream->left = GPOINTER_TO_SIZE (user_data);
  return G_OUTPUT_STREAM (stream);
}

static char *save_dir;

static char *
read_text (const char *path)
{
  char *text = NULL;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    fuzz_fail ("cannot read %s back", path);
  return text;
}

/* Save through a link, failing after @fail_at bytes, then for real. */
static void
check_save (IisCatalog *catalog,
            gboolean    hard,
            gsize       fail_at)
{
  static const char old[] = "{\"old\": true}\n";
  g_autofree char *real = g_build_filename (save_dir, "real.json", NULL);
  g_autofree char *second = g_build_filename (save_dir, "link.json", NULL);
  g_autofree char *text = iis_catalog_to_data (catalog, NULL, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (second);
  g_autoptr(GError) error = NULL;
  g_autofree char *now = NULL;
  g_autoptr(GDir) dir = NULL;
  guint n_files = 0;

  g_unlink (second);
  if (!g_file_set_contents (real, old, -1, NULL)
      || (hard ? link (real, second) : symlink ("real.json", second)) != 0)
    fuzz_fail ("cannot make the files to save to in %s", save_dir);

  fail_at %= strlen (text);
  if (_iis_writer_save_to_file (catalog, file, IIS_SAVE_FLAGS_NONE, wrap_full,
                                GSIZE_TO_POINTER (fail_at), NULL, &error))
    fuzz_fail ("a save that fails after %zu of %zu bytes succeeded", fail_at, strlen (text));
  fuzz_check_error (error, "save");
  now = read_text (real);
  if (strcmp (now, old) != 0)
    fuzz_fail ("a save through a %s link failing after %zu bytes changed the file",
               hard ? "hard" : "symbolic", fail_at);
  dir = g_dir_open (save_dir, 0, NULL);
  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n_files++;
  if (n_files != 2)
    fuzz_fail ("a failed save left %u files behind", n_files - 2);

  g_clear_error (&error);
  if (!iis_catalog_save_to_file (catalog, file, NULL, &error))
    fuzz_fail ("the catalog does not save: %s", error->message);
  g_free (now);
  now = read_text (second);
  if (strcmp (now, text) != 0)
    fuzz_fail ("a save through a %s link wrote something else", hard ? "hard" : "symbolic");
  g_unlink (second);
  g_unlink (real);
}

static void
remove_save_dir (void)
{
  g_rmdir (save_dir);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;

  fuzz_install_log_writer ();
  save_dir = g_dir_make_tmp ("fuzz-api-XXXXXX", &error);
  if (save_dir == NULL)
    fuzz_fail ("no folder to save to: %s", error->message);
  atexit (remove_save_dir);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  State state = { 0, };

  state.catalog = iis_catalog_new ();
  for (guint i = 0; i < N_ENTITIES; i++)
    state.entities[i] = make_entity (i);
  for (guint i = 0; i < N_SOURCES; i++)
    state.sources[i] = iis_source_new (titles[i]);
  g_signal_connect (state.catalog, "entity-added", G_CALLBACK (meddle), &state);

  for (size_t i = 0; i + 1 < size && i / 2 < MAX_STEPS; i += 2)
    {
      /* FUZZ_API_TRACE=1 prints the program as it runs. */
      if (g_getenv ("FUZZ_API_TRACE") != NULL)
        g_printerr ("step %zu: op %u arg 0x%02x\n", i / 2, data[i] % 17u, data[i + 1]);
      step (&state, data[i], data[i + 1]);
    }
  check_round_trip (state.catalog);
  if (size > 0)
    check_save (state.catalog, data[0] & 1, size * 97 + data[size - 1]);

  g_signal_handlers_disconnect_by_data (state.catalog, &state);
  for (guint i = 0; i < N_HELD; i++)
    g_clear_object (&state.held[i]);
  for (guint i = 0; i < N_SOURCES; i++)
    g_object_unref (state.sources[i]);
  for (guint i = 0; i < N_ENTITIES; i++)
    g_object_unref (state.entities[i]);
  g_object_unref (state.catalog);
  return 0;
}
