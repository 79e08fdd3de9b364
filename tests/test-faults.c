/* test-faults.c: failures injected at every point of saving and loading,
 * and pathological documents
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * What a catalog promises when the world fails it:
 *
 * - a save whose output fails at any write, or is cancelled at any
 *   point, reports the error and leaves the old file whole, with no
 *   temporary file behind;
 * - a load that is cancelled, or whose input fails, at any point leaves
 *   the catalog exactly as it was, without a signal;
 * - documents built to exhaust memory or time (deep nesting, huge
 *   strings, a million duplicate members, a million distinct members
 *   and one repeated) fail fast with bounded memory.
 */

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <libiis/iis.h>

#include "iis-reader-private.h"
#include "iis-writer-private.h"
#include "iis-test-util.h"

/* ------------------------------------------------------------------ */
/* An output stream that fails, or cancels, when told                  */

#define FAULT_TYPE_OUTPUT_STREAM (fault_output_stream_get_type ())
G_DECLARE_FINAL_TYPE (FaultOutputStream, fault_output_stream, FAULT, OUTPUT_STREAM, GOutputStream)

struct _FaultOutputStream
{
  GOutputStream  parent_instance;

  GOutputStream *base;        /* nullable: then the bytes are kept in @written */
  GByteArray    *written;
  gsize          max_chunk;   /* bytes accepted per write */
  int            fail_at;     /* index of the write that fails, -1 for none */
  int            cancel_at;   /* index of the write after which @cancel is cancelled */
  gboolean       fail_flush;
  gboolean       cancel_in_flush;
  GCancellable  *cancel;
  guint          n_writes;
  guint          n_flushes;
  guint         *plan_writes;  /* nullable: also counts writes there */
};

G_DEFINE_FINAL_TYPE (FaultOutputStream, fault_output_stream, G_TYPE_OUTPUT_STREAM)

static gssize
fault_output_stream_write (GOutputStream  *stream,
                           const void     *buffer,
                           gsize           count,
                           GCancellable   *cancellable,
                           GError        **error)
{
  FaultOutputStream *self = FAULT_OUTPUT_STREAM (stream);
  int index;
  gsize n;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return -1;

  index = (int) self->n_writes++;
  if (self->plan_writes != NULL)
    (*self->plan_writes)++;
  if (index == self->fail_at)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   "injected failure at write %d", index);
      return -1;
    }

  n = MIN (count, self->max_chunk);
  if (self->base != NULL)
    {
      if (!g_output_stream_write_all (self->base, buffer, n, NULL, cancellable, error))
        return -1;
    }
  else
    g_byte_array_append (self->written, buffer, n);

  if (index == self->cancel_at)
    g_cancellable_cancel (self->cancel);
  return n;
}

static gboolean
fault_output_stream_flush (GOutputStream  *stream,
                           GCancellable   *cancellable,
                           GError        **error)
{
  FaultOutputStream *self = FAULT_OUTPUT_STREAM (stream);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  self->n_flushes++;
  if (self->fail_flush)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "injected failure at flush");
      return FALSE;
    }
  if (self->base != NULL && !g_output_stream_flush (self->base, cancellable, error))
    return FALSE;
  if (self->cancel_in_flush)
    g_cancellable_cancel (self->cancel);
  return TRUE;
}

static gboolean
fault_output_stream_close (GOutputStream  *stream,
                           GCancellable   *cancellable,
                           GError        **error)
{
  /* The base stream belongs to whoever made it. */
  return TRUE;
}

static void
fault_output_stream_finalize (GObject *object)
{
  FaultOutputStream *self = FAULT_OUTPUT_STREAM (object);

  g_clear_object (&self->base);
  g_clear_object (&self->cancel);
  g_byte_array_unref (self->written);

  G_OBJECT_CLASS (fault_output_stream_parent_class)->finalize (object);
}

static void
fault_output_stream_class_init (FaultOutputStreamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GOutputStreamClass *stream_class = G_OUTPUT_STREAM_CLASS (klass);

  object_class->finalize = fault_output_stream_finalize;
  stream_class->write_fn = fault_output_stream_write;
  stream_class->flush = fault_output_stream_flush;
  stream_class->close_fn = fault_output_stream_close;
}

static void
fault_output_stream_init (FaultOutputStream *self)
{
  self->written = g_byte_array_new ();
  self->max_chunk = 256;
  self->fail_at = -1;
  self->cancel_at = -1;
}

/* A fault plan, handed to the writer's wrap hook for each save. */
typedef struct
{
  int           fail_at;
  int           cancel_at;
  gboolean      fail_flush;
  gboolean      cancel_in_flush;
  GCancellable *cancel;
  guint         n_writes;     /* out: writes seen by the streams made */
} FaultPlan;

static FaultOutputStream *
fault_output_stream_new (GOutputStream *base,
                         FaultPlan     *plan)
{
  FaultOutputStream *self = g_object_new (FAULT_TYPE_OUTPUT_STREAM, NULL);

  self->base = base != NULL ? g_object_ref (base) : NULL;
  self->fail_at = plan->fail_at;
  self->cancel_at = plan->cancel_at;
  self->fail_flush = plan->fail_flush;
  self->cancel_in_flush = plan->cancel_in_flush;
  self->cancel = plan->cancel != NULL ? g_object_ref (plan->cancel) : NULL;
  return self;
}

static GOutputStream *
wrap_with_faults (GOutputStream *base,
                  gpointer       user_data)
{
  FaultPlan *plan = user_data;
  FaultOutputStream *stream = fault_output_stream_new (base, plan);

  stream->plan_writes = &plan->n_writes;
  return G_OUTPUT_STREAM (stream);
}

/* ------------------------------------------------------------------ */
/* An input stream that trickles, fails or cancels when told           */

#define FAULT_TYPE_INPUT_STREAM (fault_input_stream_get_type ())
G_DECLARE_FINAL_TYPE (FaultInputStream, fault_input_stream, FAULT, INPUT_STREAM, GInputStream)

struct _FaultInputStream
{
  GInputStream  parent_instance;

  GBytes       *bytes;        /* nullable: then @fill bytes, @length of them */
  char          fill;
  gsize         length;
  gsize         pos;
  gsize         max_chunk;
  int           fail_at;
  int           cancel_at;
  GCancellable *cancel;
  guint         n_reads;
};

G_DEFINE_FINAL_TYPE (FaultInputStream, fault_input_stream, G_TYPE_INPUT_STREAM)

static gssize
fault_input_stream_read (GInputStream  *stream,
                         void          *buffer,
                         gsize          count,
                         GCancellable  *cancellable,
                         GError       **error)
{
  FaultInputStream *self = FAULT_INPUT_STREAM (stream);
  int index;
  gsize n;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return -1;

  index = (int) self->n_reads++;
  if (index == self->fail_at)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "injected failure at read %d", index);
      return -1;
    }

  n = MIN (MIN (count, self->max_chunk), self->length - self->pos);
  if (self->bytes != NULL)
    memcpy (buffer, (const char *) g_bytes_get_data (self->bytes, NULL) + self->pos, n);
  else
    memset (buffer, self->fill, n);
  self->pos += n;

  if (index == self->cancel_at)
    g_cancellable_cancel (self->cancel);
  return n;
}

static void
fault_input_stream_finalize (GObject *object)
{
  FaultInputStream *self = FAULT_INPUT_STREAM (object);

  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_object (&self->cancel);

  G_OBJECT_CLASS (fault_input_stream_parent_class)->finalize (object);
}

static void
fault_input_stream_class_init (FaultInputStreamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GInputStreamClass *stream_class = G_INPUT_STREAM_CLASS (klass);

  object_class->finalize = fault_input_stream_finalize;
  stream_class->read_fn = fault_input_stream_read;
}

static void
fault_input_stream_init (FaultInputStream *self)
{
  self->max_chunk = 64;
  self->fail_at = -1;
  self->cancel_at = -1;
}

static FaultInputStream *
fault_input_stream_new (GBytes       *bytes,
                        int           fail_at,
                        int           cancel_at,
                        GCancellable *cancel)
{
  FaultInputStream *self = g_object_new (FAULT_TYPE_INPUT_STREAM, NULL);

  self->bytes = g_bytes_ref (bytes);
  self->length = g_bytes_get_size (bytes);
  self->fail_at = fail_at;
  self->cancel_at = cancel_at;
  self->cancel = cancel != NULL ? g_object_ref (cancel) : NULL;
  return self;
}

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

static char *
document_of (IisCatalog *catalog)
{
  g_autoptr(GError) error = NULL;
  char *text = iis_catalog_to_data (catalog, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);
  return text;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* The names in @dir, sorted, joined by spaces. */
static char *
list_dir (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) d = g_dir_open (dir, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
assert_file_is (const char *path,
                const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, expected);
}

typedef struct
{
  guint added;
  guint removed;
} SignalCount;

static void
count_added (IisCatalog *catalog,
             GObject    *what,
             gpointer    user_data)
{
  ((SignalCount *) user_data)->added++;
}

static void
count_removed (IisCatalog *catalog,
               GObject    *what,
               gpointer    user_data)
{
  ((SignalCount *) user_data)->removed++;
}

static void
watch_signals (IisCatalog  *catalog,
               SignalCount *count)
{
  g_signal_connect (catalog, "entity-added", G_CALLBACK (count_added), count);
  g_signal_connect (catalog, "relation-added", G_CALLBACK (count_added), count);
  g_signal_connect (catalog, "entity-removed", G_CALLBACK (count_removed), count);
  g_signal_connect (catalog, "relation-removed", G_CALLBACK (count_removed), count);
}

/* ------------------------------------------------------------------ */
/* Saving                                                              */

/* Every write of a save to a stream fails in turn: each save reports
 * the injected error and leaves the catalog alone. */
static void
test_save_stream_fails_at_every_write (void)
{
  g_autoptr(IisCatalog) catalog = iis_test_load_fixture ("full.json");
  g_autofree char *before = document_of (catalog);
  FaultPlan plan = { -1, -1, FALSE, FALSE, NULL, 0 };
  guint n_writes;

  /* A clean run counts the writes and writes the document. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(FaultOutputStream) stream = fault_output_stream_new (NULL, &plan);

    g_assert_true (iis_catalog_save_to_stream (catalog, G_OUTPUT_STREAM (stream),
                                               IIS_SAVE_FLAGS_NONE, NULL, &error));
    g_assert_no_error (error);
    n_writes = stream->n_writes;
    g_assert_cmpuint (stream->n_flushes, >=, 1);
    g_assert_cmpuint (stream->written->len, ==, strlen (before));
    g_assert_cmpmem (stream->written->data, stream->written->len, before, strlen (before));
  }
  /* The document is long enough for many points of failure. */
  g_assert_cmpuint (n_writes, >=, 20);

  for (guint i = 0; i < n_writes; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(FaultOutputStream) stream = NULL;
      g_autofree char *after = NULL;
      g_autofree char *expected = g_strdup_printf ("injected failure at write %u", i);

      plan.fail_at = i;
      stream = fault_output_stream_new (NULL, &plan);
      g_assert_false (iis_catalog_save_to_stream (catalog, G_OUTPUT_STREAM (stream),
                                                  IIS_SAVE_FLAGS_NONE, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
      g_assert_cmpstr (error->message, ==, expected);
      /* Nothing is written after the failure. */
      g_assert_cmpuint (stream->n_writes, ==, i + 1);
      after = document_of (catalog);
      g_assert_cmpstr (after, ==, before);
    }

  /* And the final flush. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(FaultOutputStream) stream = NULL;

    plan.fail_at = -1;
    plan.fail_flush = TRUE;
    stream = fault_output_stream_new (NULL, &plan);
    g_assert_false (iis_catalog_save_to_stream (catalog, G_OUTPUT_STREAM (stream),
                                                IIS_SAVE_FLAGS_COMPACT, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  }
}

typedef struct
{
  char *dir;
  char *path;
  char *old_text;
  IisCatalog *catalog;     /* what is saved: not what the file holds */
  char *new_text;
} SaveFixture;

static void
save_fixture_set_up (SaveFixture   *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IisCatalog) old = iis_test_scenario_new ();

  fixture->dir = g_dir_make_tmp ("iis-faults-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "catalog.json", NULL);
  fixture->old_text = document_of (old);
  g_file_set_contents (fixture->path, fixture->old_text, -1, &error);
  g_assert_no_error (error);

  fixture->catalog = iis_test_load_fixture ("full.json");
  fixture->new_text = document_of (fixture->catalog);
  g_assert_cmpstr (fixture->old_text, !=, fixture->new_text);
}

static void
save_fixture_tear_down (SaveFixture   *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_chmod (fixture->dir, 0700);
  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->old_text);
  g_free (fixture->new_text);
  g_clear_object (&fixture->catalog);
}

/* A clean save through the hook: how many writes it makes. */
static guint
count_file_writes (SaveFixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *scratch = g_build_filename (fixture->dir, "scratch.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (scratch);
  FaultPlan plan = { -1, -1, FALSE, FALSE, NULL, 0 };

  g_assert_true (_iis_writer_save_to_file (fixture->catalog, file, IIS_SAVE_FLAGS_NONE,
                                           wrap_with_faults, &plan, NULL, &error));
  g_assert_no_error (error);
  assert_file_is (scratch, fixture->new_text);
  g_assert_no_errno (g_remove (scratch));
  return plan.n_writes;
}

/* A save to a file whose output fails at each write in turn leaves the
 * old file whole and nothing else in the folder. */
static void
test_save_file_fails_at_every_write (SaveFixture   *fixture,
                                     gconstpointer  user_data)
{
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
  guint n_writes = count_file_writes (fixture);

  g_assert_cmpuint (n_writes, >=, 20);
  for (guint i = 0; i <= n_writes; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *listing = NULL;
      FaultPlan plan = { -1, -1, FALSE, FALSE, NULL, 0 };

      /* The last round fails the flush instead. */
      if (i < n_writes)
        plan.fail_at = i;
      else
        plan.fail_flush = TRUE;

      g_assert_false (_iis_writer_save_to_file (fixture->catalog, file, IIS_SAVE_FLAGS_NONE,
                                                wrap_with_faults, &plan, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
      assert_file_is (fixture->path, fixture->old_text);
      listing = list_dir (fixture->dir);
      g_assert_cmpstr (listing, ==, "catalog.json");
    }

  /* Without faults the save goes through. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (iis_catalog_save_to_file (fixture->catalog, file, NULL, &error));
    g_assert_no_error (error);
    assert_file_is (fixture->path, fixture->new_text);
  }
}

/* The same when there was no file: a failed save leaves none. */
static void
test_save_new_file_fails_at_every_write (SaveFixture   *fixture,
                                         gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "new.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  guint n_writes = count_file_writes (fixture);

  for (guint i = 0; i < n_writes; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *listing = NULL;
      FaultPlan plan = { -1, -1, FALSE, FALSE, NULL, 0 };

      plan.fail_at = i;
      g_assert_false (_iis_writer_save_to_file (fixture->catalog, file, IIS_SAVE_FLAGS_NONE,
                                                wrap_with_faults, &plan, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
      listing = list_dir (fixture->dir);
      g_assert_cmpstr (listing, ==, "catalog.json");
    }
}

/* A save cancelled after each write in turn leaves the old file whole;
 * cancelled once everything is written, it either completes or leaves
 * the old file, never a mix. */
static void
test_save_file_cancelled_at_every_point (SaveFixture   *fixture,
                                         gconstpointer  user_data)
{
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
  guint n_writes = count_file_writes (fixture);

  for (guint i = 0; i <= n_writes; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autofree char *listing = NULL;
      FaultPlan plan = { -1, -1, FALSE, FALSE, cancellable, 0 };
      gboolean saved;

      if (i < n_writes)
        plan.cancel_at = i;
      else
        plan.cancel_in_flush = TRUE;

      saved = _iis_writer_save_to_file (fixture->catalog, file, IIS_SAVE_FLAGS_NONE,
                                        wrap_with_faults, &plan, cancellable, &error);
      g_assert_true (g_cancellable_is_cancelled (cancellable));
      if (i < n_writes)
        g_assert_false (saved);
      if (saved)
        {
          g_assert_no_error (error);
          assert_file_is (fixture->path, fixture->new_text);
          /* Put the old file back for the next round. */
          g_file_set_contents (fixture->path, fixture->old_text, -1, &error);
          g_assert_no_error (error);
        }
      else
        {
          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
          assert_file_is (fixture->path, fixture->old_text);
        }
      listing = list_dir (fixture->dir);
      g_assert_cmpstr (listing, ==, "catalog.json");
    }

  /* Cancelled before it starts, through the public entry points. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();

    g_cancellable_cancel (cancellable);
    g_assert_false (iis_catalog_save_to_file (fixture->catalog, file, cancellable, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    assert_file_is (fixture->path, fixture->old_text);
  }
}

static void
save_async_done (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GError **error = user_data;

  g_assert_false (iis_catalog_save_to_file_finish (IIS_CATALOG (source), result, error));
}

/* The asynchronous save, cancelled before it starts, leaves the file. */
static void
test_save_file_async_cancelled (SaveFixture   *fixture,
                                gconstpointer  user_data)
{
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;

  g_cancellable_cancel (cancellable);
  iis_catalog_save_to_file_async (fixture->catalog, file, IIS_SAVE_FLAGS_NONE, cancellable,
                                  save_async_done, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_file_is (fixture->path, fixture->old_text);
  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "catalog.json");
}

/* A save where the file cannot be written fails and changes nothing. */
static void
test_save_file_unwritable (SaveFixture   *fixture,
                           gconstpointer  user_data)
{
  /* A folder that does not exist. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *path = g_build_filename (fixture->dir, "missing", "catalog.json", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autofree char *listing = NULL;

    g_assert_false (iis_catalog_save_to_file (fixture->catalog, file, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
    listing = list_dir (fixture->dir);
    g_assert_cmpstr (listing, ==, "catalog.json");
  }

  /* A folder in the place of the file. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GFile) file = g_file_new_for_path (fixture->dir);

    g_assert_false (iis_catalog_save_to_file (fixture->catalog, file, NULL, &error));
    g_assert_nonnull (error);
    g_assert_true (error->domain == G_IO_ERROR);
    assert_file_is (fixture->path, fixture->old_text);
  }

  /* A read-only folder: the temporary file cannot be made. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
    g_autofree char *listing = NULL;

    g_assert_no_errno (g_chmod (fixture->dir, 0500));
    if (g_access (fixture->dir, W_OK) == 0)
      {
        /* root writes anyway */
        g_chmod (fixture->dir, 0700);
        g_test_message ("read-only folder not checked: this user can write to it");
        return;
      }
    g_assert_false (iis_catalog_save_to_file (fixture->catalog, file, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
    g_assert_no_errno (g_chmod (fixture->dir, 0700));
    assert_file_is (fixture->path, fixture->old_text);
    listing = list_dir (fixture->dir);
    g_assert_cmpstr (listing, ==, "catalog.json");
  }
}

/* ------------------------------------------------------------------ */
/* Loading                                                             */

/* Loaded over iis_test_scenario_new(): new entities, relations that
 * refer to the scenario's, and (for the override) entities that replace
 * some of the scenario's. */
static GBytes *
make_addition (gboolean with_overrides)
{
  GString *s = g_string_new ("{\"format\":\"libiis-catalog\",\"version\":\"1.0\",\"entities\":[");

  if (with_overrides)
    g_string_append (s, "{\"type\":\"state\",\"id\":\"RU\",\"name\":\"Russian Federation, again\"},"
                        "{\"type\":\"organization\",\"id\":\"sco\",\"acronym\":\"SCO\"},");
  for (guint i = 0; i < 12; i++)
    g_string_append_printf (s, "%s{\"type\":\"state\",\"id\":\"new-%02u\",\"name\":\"New state %u\","
                               "\"labels\":{\"ru\":\"Новое %u\"}}",
                            i ? "," : "", i, i, i);
  g_string_append (s, ",{\"type\":\"agreement\",\"id\":\"new-agreement\",\"kind\":\"treaty\"}],"
                      "\"relations\":[");
  for (guint i = 0; i < 12; i++)
    g_string_append_printf (s, "%s{\"kind\":\"member-of\",\"subject\":\"new-%02u\",\"object\":\"sco\","
                               "\"role\":\"dialogue-partner\",\"start\":\"20%02u\","
                               "\"qualifiers\":{\"n\":\"%u\"}}",
                            i ? "," : "", i, i + 10, i);
  g_string_append (s, ",{\"kind\":\"party-to\",\"subject\":\"RU\",\"object\":\"new-agreement\","
                      "\"role\":\"ratification\",\"start\":\"2020-01-01\"}]}");
  return g_string_free_to_bytes (s);
}

static void
check_load_faults (IisLoadFlags flags)
{
  g_autoptr(IisCatalog) catalog = iis_test_scenario_new ();
  g_autoptr(GBytes) addition = make_addition (flags & IIS_LOAD_FLAGS_OVERRIDE);
  g_autofree char *before = document_of (catalog);
  SignalCount signals = { 0, 0 };
  guint n_reads;

  /* Count the reads of a clean load, into a copy. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(IisCatalog) copy = iis_test_scenario_new ();
    g_autoptr(FaultInputStream) stream = fault_input_stream_new (addition, -1, -1, NULL);
    g_autofree char *loaded = NULL;

    g_assert_true (iis_catalog_load_from_stream (copy, G_INPUT_STREAM (stream), flags,
                                                 NULL, &error));
    g_assert_no_error (error);
    n_reads = stream->n_reads;
    loaded = document_of (copy);
    g_assert_cmpstr (loaded, !=, before);
  }
  g_assert_cmpuint (n_reads, >=, 20);

  watch_signals (catalog, &signals);

  /* Cancelled after each read in turn, the last one (the end of the
   * stream) included: the load is cancelled before anything is added. */
  for (guint i = 0; i < n_reads; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autoptr(FaultInputStream) stream = fault_input_stream_new (addition, -1, i, cancellable);
      g_autofree char *after = NULL;

      g_assert_false (iis_catalog_load_from_stream (catalog, G_INPUT_STREAM (stream), flags,
                                                    cancellable, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      after = document_of (catalog);
      g_assert_cmpstr (after, ==, before);
      g_assert_cmpuint (signals.added, ==, 0);
      g_assert_cmpuint (signals.removed, ==, 0);
    }

  /* A read that fails at each point in turn. */
  for (guint i = 0; i < n_reads; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(FaultInputStream) stream = fault_input_stream_new (addition, i, -1, NULL);
      g_autofree char *after = NULL;
      g_autofree char *expected = g_strdup_printf ("injected failure at read %u", i);

      g_assert_false (iis_catalog_load_from_stream (catalog, G_INPUT_STREAM (stream), flags,
                                                    NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
      g_assert_cmpstr (error->message, ==, expected);
      after = document_of (catalog);
      g_assert_cmpstr (after, ==, before);
      g_assert_cmpuint (signals.added, ==, 0);
    }

  /* Every prefix of the document is refused the same way. */
  for (gsize cut = 0; cut < g_bytes_get_size (addition); cut += 37)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;

      g_assert_false (iis_catalog_load_from_data_full (catalog, g_bytes_get_data (addition, NULL),
                                                       cut, flags, &error));
      g_assert_error (error, IIS_ERROR, IIS_ERROR_PARSE);
      after = document_of (catalog);
      g_assert_cmpstr (after, ==, before);
    }

  /* Without faults, the load goes through. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(FaultInputStream) stream = fault_input_stream_new (addition, -1, -1, NULL);

    g_assert_true (iis_catalog_load_from_stream (catalog, G_INPUT_STREAM (stream), flags,
                                                 NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (signals.added, >, 0);
    g_assert_nonnull (iis_catalog_lookup (catalog, "new-11"));
  }
}

static void
test_load_faults (void)
{
  check_load_faults (IIS_LOAD_FLAGS_NONE);
}

static void
test_load_faults_override (void)
{
  check_load_faults (IIS_LOAD_FLAGS_OVERRIDE);
}

typedef struct
{
  gboolean done;
  gboolean loaded;
  GError  *error;
} AsyncLoad;

static void
load_async_done (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  AsyncLoad *load = user_data;

  load->loaded = iis_catalog_load_from_file_finish (IIS_CATALOG (source), result, &load->error);
  load->done = TRUE;
}

/* The asynchronous load, cancelled at once or while its worker runs:
 * either everything was added or nothing. */
static void
test_load_async_cancelled (void)
{
  g_autofree char *path = iis_test_data_path ("full.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);

  for (guint round = 0; round < 20; round++)
    {
      g_autoptr(IisCatalog) catalog = iis_test_scenario_new ();
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autofree char *before = document_of (catalog);
      g_autofree char *after = NULL;
      AsyncLoad load = { FALSE, FALSE, NULL };

      if (round == 0)
        g_cancellable_cancel (cancellable);
      iis_catalog_load_from_file_async (catalog, file, cancellable, load_async_done, &load);
      if (round > 0)
        {
          /* Let the worker run for a while first. */
          g_usleep (round * 50);
          g_cancellable_cancel (cancellable);
        }
      while (!load.done)
        g_main_context_iteration (NULL, TRUE);

      after = document_of (catalog);
      if (load.loaded)
        {
          g_assert_null (load.error);
          g_assert_cmpstr (after, !=, before);
          g_assert_nonnull (iis_catalog_lookup (catalog, "forum-series"));
        }
      else
        {
          g_assert_error (load.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
          g_assert_cmpstr (after, ==, before);
          g_clear_error (&load.error);
        }
      if (round == 0)
        g_assert_false (load.loaded);
    }
}

/* ------------------------------------------------------------------ */
/* Pathological documents                                              */

#define MB (1024 * 1024)

/* Peak resident memory (VmHWM) or current (VmRSS), in bytes. */
static gsize
memory_status (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  g_assert_true (g_file_get_contents ("/proc/self/status", &status, NULL, NULL));
  line = strstr (status, field);
  g_assert_nonnull (line);
  return (gsize) g_ascii_strtoull (line + strlen (field) + 1, NULL, 10) * 1024;
}

/* Resets the peak (Linux 4.0 and later); returns the memory in use. */
static gsize
reset_peak_memory (void)
{
  if (!g_file_set_contents ("/proc/self/clear_refs", "5", 1, NULL))
    return memory_status ("VmHWM:");
  return memory_status ("VmRSS:");
}

typedef GBytes *(*BuildFunc) (gsize n);

static const char document_start[] =
  "{\"format\":\"libiis-catalog\",\"version\":\"1.0\",\"entities\":[";

static GBytes *
build_nested (gsize n)
{
  GString *s = g_string_sized_new (2 * n + 64);

  g_string_append (s, document_start);
  for (gsize i = 0; i < n; i++)
    g_string_append_c (s, '[');
  for (gsize i = 0; i < n; i++)
    g_string_append_c (s, ']');
  g_string_append (s, "]}");
  return g_string_free_to_bytes (s);
}

static GBytes *
build_long_string (gsize n)
{
  GString *s = g_string_sized_new (n + 128);

  g_string_append (s, document_start);
  g_string_append (s, "{\"type\":\"state\",\"id\":\"XX\",\"name\":\"");
  /* Not a run of one byte: escapes and multi-byte characters too. */
  while (s->len < n)
    g_string_append (s, "Узбекистан \\n \\u00e9 ");
  g_string_append (s, "\"}]}");
  return g_string_free_to_bytes (s);
}

/* An entity with @n more members: all "name", or distinct ones and
 * then the first again. Each name is checked against all before it, so
 * a million distinct ones must not take a million squared steps. */
static GBytes *
build_members (gsize    n,
               gboolean distinct)
{
  GString *s = g_string_sized_new (16 * n + 128);

  g_string_append (s, document_start);
  g_string_append (s, "{\"type\":\"state\",\"id\":\"XX\"");
  for (gsize i = 0; i < n; i++)
    {
      if (distinct)
        g_string_append_printf (s, ",\"m%zu\":%zu", i, i);
      else
        g_string_append (s, ",\"name\":\"n\"");
    }
  if (distinct)
    g_string_append (s, ",\"m0\":0");
  g_string_append (s, "}]}");
  return g_string_free_to_bytes (s);
}

static GBytes *
build_duplicate_members (gsize n)
{
  return build_members (n, FALSE);
}

static GBytes *
build_distinct_members (gsize n)
{
  return build_members (n, TRUE);
}

typedef struct
{
  const char *name;
  BuildFunc   build;
  gsize       n;
  int         code;
  const char *message;    /* a part of the error message */
} Pathology;

static const Pathology pathologies[] = {
  { "nested", build_nested, 100000, IIS_ERROR_LIMIT_EXCEEDED, "nesting deeper than the limit" },
  { "long-string", build_long_string, 100 * MB, IIS_ERROR_LIMIT_EXCEEDED, "string longer than the limit" },
  /* Duplicates are refused as malformed, at the first one. */
  { "duplicate-members", build_duplicate_members, 1000000, IIS_ERROR_PARSE, "duplicate member “name”" },
  /* An object holds at most 10,000 members (issue #19). */
  { "many-members", build_distinct_members, 1000000, IIS_ERROR_LIMIT_EXCEEDED,
    "an object with more members than the limit of 10000" },
};

/* In a subprocess, so its memory is measured alone. */
static void
check_pathology (const Pathology *p)
{
  g_autoptr(GBytes) document = p->build (p->n);
  g_autoptr(IisCatalog) catalog = iis_test_scenario_new ();
  g_autofree char *before = document_of (catalog);
  g_autofree char *after = NULL;
  gsize base, peak;
  gint64 start, elapsed;

  /* Through memory, then through a stream. */
  for (guint how = 0; how < 2; how++)
    {
      g_autoptr(GError) error = NULL;
      gboolean loaded;

      base = reset_peak_memory ();
      start = g_get_monotonic_time ();
      if (how == 0)
        {
          loaded = iis_catalog_load_from_data (catalog, g_bytes_get_data (document, NULL),
                                               g_bytes_get_size (document), &error);
        }
      else
        {
          g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (document);

          loaded = iis_catalog_load_from_stream (catalog, stream, IIS_LOAD_FLAGS_NONE,
                                                 NULL, &error);
        }
      elapsed = g_get_monotonic_time () - start;
      peak = memory_status ("VmHWM:");

      g_printerr ("# %s (%s, %zu bytes): %.2f s, peak memory growth %zu MB: %s\n",
                      p->name, how ? "stream" : "data", g_bytes_get_size (document),
                      elapsed / 1e6, (peak - MIN (peak, base)) / MB,
                      error ? error->message : "loaded");
      g_assert_false (loaded);
      g_assert_error (error, IIS_ERROR, p->code);
      g_assert_nonnull (strstr (error->message, p->message));
      /* Generous bounds: the sanitizers' own memory is counted too. */
      g_assert_cmpuint (peak - MIN (peak, base), <, 1024 * MB);
      g_assert_cmpint (elapsed, <, 60 * G_USEC_PER_SEC);
    }

  after = document_of (catalog);
  g_assert_cmpstr (after, ==, before);
}

/* Run this test in a subprocess, which measures its own time and memory.
 * Under AddressSanitizer the asan test setup asks for a full stack
 * unwind on every malloc (for leak reports through Debian's GLib, built
 * without frame pointers); json-glib allocating millions of nodes then
 * runs fifty times slower. The child does not need it. */
static void
trap_measured_subprocess (void)
{
  const char *options = g_getenv ("ASAN_OPTIONS");
  g_autofree char *saved = g_strdup (options);

  if (options != NULL && strstr (options, "fast_unwind_on_malloc=0") != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (options, "fast_unwind_on_malloc=0", -1);
      g_autofree char *fast = g_strjoinv ("fast_unwind_on_malloc=1", parts);

      g_setenv ("ASAN_OPTIONS", fast, TRUE);
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  if (saved != NULL)
    g_setenv ("ASAN_OPTIONS", saved, TRUE);
  g_test_trap_assert_passed ();
}

static void
test_pathological (gconstpointer data)
{
  const Pathology *p = data;

  if (g_test_subprocess ())
    {
      check_pathology (p);
      return;
    }
  trap_measured_subprocess ();
}

/* A stream of 100 MB, over a document size limit of 1 MB, is refused as
 * soon as the limit is passed, without reading it all into memory. */
static void
test_stream_over_size_limit (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(IisCatalog) catalog = iis_catalog_new ();
      g_autoptr(FaultInputStream) stream = g_object_new (FAULT_TYPE_INPUT_STREAM, NULL);
      IisFormatLimits limits;
      gsize base, peak;

      _iis_format_get_default_limits (&limits);
      limits.max_document_size = 1 * MB;
      _iis_format_set_default_limits (&limits);

      stream->fill = ' ';
      stream->length = 100 * MB;
      stream->max_chunk = 64 * 1024;
      base = reset_peak_memory ();
      g_assert_false (iis_catalog_load_from_stream (catalog, G_INPUT_STREAM (stream),
                                                    IIS_LOAD_FLAGS_NONE, NULL, &error));
      peak = memory_status ("VmHWM:");
      g_assert_error (error, IIS_ERROR, IIS_ERROR_LIMIT_EXCEEDED);
      /* It stopped soon after the limit. */
      g_assert_cmpuint (stream->pos, <=, 2 * MB);
      g_assert_cmpuint (peak - MIN (peak, base), <, 64 * MB);
      g_assert_cmpuint (iis_catalog_get_n_entities (catalog), ==, 0);
      _iis_format_set_default_limits (NULL);
      return;
    }
  trap_measured_subprocess ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/iis/faults/save-stream-fails-at-every-write",
                   test_save_stream_fails_at_every_write);
  g_test_add ("/iis/faults/save-file-fails-at-every-write", SaveFixture, NULL,
              save_fixture_set_up, test_save_file_fails_at_every_write, save_fixture_tear_down);
  g_test_add ("/iis/faults/save-new-file-fails-at-every-write", SaveFixture, NULL,
              save_fixture_set_up, test_save_new_file_fails_at_every_write, save_fixture_tear_down);
  g_test_add ("/iis/faults/save-file-cancelled-at-every-point", SaveFixture, NULL,
              save_fixture_set_up, test_save_file_cancelled_at_every_point, save_fixture_tear_down);
  g_test_add ("/iis/faults/save-file-async-cancelled", SaveFixture, NULL,
              save_fixture_set_up, test_save_file_async_cancelled, save_fixture_tear_down);
  g_test_add ("/iis/faults/save-file-unwritable", SaveFixture, NULL,
              save_fixture_set_up, test_save_file_unwritable, save_fixture_tear_down);
  g_test_add_func ("/iis/faults/load-cancelled-or-failing-at-every-point", test_load_faults);
  g_test_add_func ("/iis/faults/load-override-cancelled-or-failing-at-every-point",
                   test_load_faults_override);
  g_test_add_func ("/iis/faults/load-async-cancelled", test_load_async_cancelled);
  for (guint i = 0; i < G_N_ELEMENTS (pathologies); i++)
    {
      g_autofree char *path = g_strdup_printf ("/iis/faults/pathological/%s",
                                               pathologies[i].name);

      g_test_add_data_func (path, &pathologies[i], test_pathological);
    }
  g_test_add_func ("/iis/faults/stream-over-size-limit", test_stream_over_size_limit);

  return g_test_run ();
}
