/* iis-catalog-io.c: loading and saving catalogs
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * The public face of the file format (docs/file-format.md): the entry
 * points of loading and saving, and their asynchronous variants. The
 * work is done elsewhere: iis-file-io.c reads the bytes and replaces
 * files, iis-reader.c parses a document into a stage, which
 * iis-catalog-stage.c resolves and commits all or nothing, and
 * iis-writer.c writes the text.
 *
 * Threads: a catalog is only touched in the thread that owns it. The
 * asynchronous load reads and parses the file into a stage in a worker
 * thread, then resolves and commits it in the caller's main context; the
 * asynchronous save writes the text in the caller's thread and the file
 * in a worker thread.
 */

#include "config.h"

#include <string.h>

#include "iis-catalog.h"
#include "iis-error.h"
#include "iis-file-io-private.h"
#include "iis-reader-private.h"
#include "iis-snapshot-private.h"
#include "iis-stage-private.h"
#include "iis-writer-private.h"

/* Resolve and commit @stage. The catalog is untouched on failure. */
static gboolean
finish_load (IisCatalog    *self,
             IisStage      *stage,
             const char    *source_name,
             GCancellable  *cancellable,
             GError       **error)
{
  GError *local_error = NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (!_iis_stage_resolve (stage, self, &local_error))
    {
      if (source_name != NULL)
        g_prefix_error (&local_error, "%s: ", source_name);
      g_propagate_error (error, local_error);
      return FALSE;
    }

  _iis_stage_commit (stage, self);
  return TRUE;
}

static gboolean
load_bytes (IisCatalog    *self,
            const char    *data,
            gsize          length,
            const char    *source_name,
            IisLoadFlags   flags,
            GCancellable  *cancellable,
            GError       **error)
{
  IisStage *stage = _iis_stage_new (flags);
  gboolean ok;

  ok = _iis_reader_parse (stage, data, length, source_name, NULL, error)
       && finish_load (self, stage, source_name, cancellable, error);
  _iis_stage_free (stage);
  return ok;
}

/**
 * iis_catalog_load_from_data:
 * @self: a catalog
 * @data: a catalog document in the JSON file format, UTF-8
 * @length: the length of @data in bytes, or -1 if it is NUL-terminated
 * @error: return location for an error
 *
 * Adds the entities and relations of a catalog document to @self.
 *
 * The document is read completely and checked before anything is added:
 * when this fails, for any reason, @self is exactly as it was. Errors
 * are in the `IIS_ERROR` domain and say where the problem is, either as
 * a line and column (`3:14: unexpected …`) or as the path of a member
 * (`relations[12].start: invalid date …`).
 *
 * An entity whose id is already in @self is an error
 * (%IIS_ERROR_DUPLICATE_ID); see [method@Iis.Catalog.load_from_data_full]
 * to replace entities instead.
 *
 * Returns: %TRUE if the document was loaded
 *
 * Since: 1.0
 */
gboolean
iis_catalog_load_from_data (IisCatalog  *self,
                            const char  *data,
                            gssize       length,
                            GError     **error)
{
  return iis_catalog_load_from_data_full (self, data, length, IIS_LOAD_FLAGS_NONE, error);
}

/**
 * iis_catalog_load_from_data_full:
 * @self: a catalog
 * @data: a catalog document in the JSON file format, UTF-8
 * @length: the length of @data in bytes, or -1 if it is NUL-terminated
 * @flags: how to treat entities already in @self
 * @error: return location for an error
 *
 * Adds the entities and relations of a catalog document to @self, as
 * [method@Iis.Catalog.load_from_data] does, with @flags.
 *
 * Returns: %TRUE if the document was loaded
 *
 * Since: 1.0
 */
gboolean
iis_catalog_load_from_data_full (IisCatalog    *self,
                                 const char    *data,
                                 gssize         length,
                                 IisLoadFlags   flags,
                                 GError       **error)
{
  g_return_val_if_fail (IIS_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (length < 0)
    length = strlen (data);

  return load_bytes (self, data, length, NULL, flags, NULL, error);
}

/**
 * iis_catalog_load_from_file:
 * @self: a catalog
 * @file: a catalog file in the JSON file format
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Adds the entities and relations of a catalog file to @self.
 *
 * The file is read completely and checked before anything is added:
 * when this fails or is cancelled, @self is exactly as it was. Errors
 * about the content are in the `IIS_ERROR` domain and start with the
 * file's name; I/O errors are in the `G_IO_ERROR` domain.
 *
 * Returns: %TRUE if the file was loaded
 *
 * Since: 1.0
 */
gboolean
iis_catalog_load_from_file (IisCatalog    *self,
                            GFile         *file,
                            GCancellable  *cancellable,
                            GError       **error)
{
  return iis_catalog_load_from_file_full (self, file, IIS_LOAD_FLAGS_NONE, cancellable, error);
}

/**
 * iis_catalog_load_from_file_full:
 * @self: a catalog
 * @file: a catalog file in the JSON file format
 * @flags: how to treat entities already in @self
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Adds the entities and relations of a catalog file to @self, as
 * [method@Iis.Catalog.load_from_file] does, with @flags.
 *
 * Returns: %TRUE if the file was loaded
 *
 * Since: 1.0
 */
gboolean
iis_catalog_load_from_file_full (IisCatalog    *self,
                                 GFile         *file,
                                 IisLoadFlags   flags,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  gconstpointer data;
  gsize length;

  g_return_val_if_fail (IIS_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (flags & IIS_LOAD_FLAGS_CACHE)
    return _iis_catalog_load_cached (self, file, flags, cancellable, error);

  name = g_file_get_parse_name (file);
  bytes = _iis_file_read (file, NULL, cancellable, error);
  if (bytes == NULL)
    {
      if (error != NULL && *error != NULL && (*error)->domain == IIS_ERROR)
        g_prefix_error (error, "%s: ", name);
      return FALSE;
    }

  data = g_bytes_get_data (bytes, &length);
  if (_iis_snapshot_has_magic (data, length))
    return _iis_catalog_load_snapshot_data (self, data, length, name, flags, cancellable, error);
  return load_bytes (self, data, length, name, flags, cancellable, error);
}

/**
 * iis_catalog_load_from_stream:
 * @self: a catalog
 * @stream: a stream holding a catalog document
 * @flags: how to treat entities already in @self
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Reads @stream to its end and adds the entities and relations of the
 * catalog document it holds to @self, as
 * [method@Iis.Catalog.load_from_data_full] does. The stream is not
 * closed.
 *
 * When this fails or is cancelled, @self is exactly as it was.
 *
 * Returns: %TRUE if the document was loaded
 *
 * Since: 1.0
 */
gboolean
iis_catalog_load_from_stream (IisCatalog    *self,
                              GInputStream  *stream,
                              IisLoadFlags   flags,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gconstpointer data;
  gsize length;

  g_return_val_if_fail (IIS_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = _iis_file_read_stream (stream, 0, NULL, cancellable, error);
  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &length);
  return load_bytes (self, data, length, NULL, flags, cancellable, error);
}

/* Asynchronous loading */

typedef struct
{
  GFile        *file;
  char         *name;
  IisLoadFlags  flags;
} LoadData;

static void
load_data_free (gpointer data)
{
  LoadData *load = data;

  g_object_unref (load->file);
  g_free (load->name);
  g_free (load);
}

/* In a worker thread: read and stage, without touching the catalog. */
static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  LoadData *load = task_data;
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;
  IisStage *stage;
  gconstpointer data;
  gsize length;

  bytes = _iis_file_read (load->file, NULL, cancellable, &error);
  if (bytes == NULL)
    {
      if (error->domain == IIS_ERROR)
        g_prefix_error (&error, "%s: ", load->name);
      g_task_return_error (task, error);
      return;
    }

  data = g_bytes_get_data (bytes, &length);
  stage = _iis_stage_new (load->flags);
  if (!_iis_reader_parse (stage, data, length, load->name, NULL, &error))
    {
      _iis_stage_free (stage);
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, stage, (GDestroyNotify) _iis_stage_free);
}

/* Back in the caller's main context: resolve and commit. */
static void
load_staged (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  IisCatalog *self = IIS_CATALOG (source_object);
  g_autoptr(GTask) task = user_data;
  LoadData *load = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;
  IisStage *stage;

  stage = g_task_propagate_pointer (G_TASK (result), &error);
  if (stage == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (finish_load (self, stage, load->name, g_task_get_cancellable (task), &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
  _iis_stage_free (stage);
}

/**
 * iis_catalog_load_from_file_async:
 * @self: a catalog
 * @file: a catalog file in the JSON file format
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called when the file has been loaded
 * @user_data: (closure): data for @callback
 *
 * Starts adding the entities and relations of a catalog file to @self,
 * as [method@Iis.Catalog.load_from_file] does, without blocking.
 *
 * The file is read and parsed in a worker thread; the entities and
 * relations are added to @self in the thread-default main context of
 * the caller, just before @callback runs. Call
 * [method@Iis.Catalog.load_from_file_finish] from @callback for the
 * result. When the load fails or is cancelled, @self is exactly as it
 * was.
 *
 * Since: 1.0
 */
void
iis_catalog_load_from_file_async (IisCatalog          *self,
                                  GFile               *file,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) worker = NULL;
  LoadData *load;

  g_return_if_fail (IIS_IS_CATALOG (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, iis_catalog_load_from_file_async);
  /* The result says whether the catalog changed, cancelled or not. */
  g_task_set_check_cancellable (task, FALSE);

  load = g_new0 (LoadData, 1);
  load->file = g_object_ref (file);
  load->name = g_file_get_parse_name (file);
  load->flags = IIS_LOAD_FLAGS_NONE;

  worker = g_task_new (self, cancellable, load_staged, g_steal_pointer (&task));
  g_task_set_source_tag (worker, load_in_thread);
  g_task_set_task_data (worker, load, load_data_free);
  g_task_run_in_thread (worker, load_in_thread);
}

/**
 * iis_catalog_load_from_file_finish:
 * @self: a catalog
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Finishes a load started with [method@Iis.Catalog.load_from_file_async].
 *
 * Returns: %TRUE if the file was loaded
 *
 * Since: 1.0
 */
gboolean
iis_catalog_load_from_file_finish (IisCatalog    *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (IIS_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result))
                        == iis_catalog_load_from_file_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Writing */

/**
 * iis_catalog_to_data:
 * @self: a catalog
 * @length: (out) (optional): return location for the length in bytes
 * @error: return location for an error
 *
 * Writes @self as a pretty-printed catalog document (two-space indent).
 *
 * The output is stable: the same catalog always gives the same bytes.
 * Members come in the order of the file format's tables, entities sorted
 * by id, relations by subject id, kind, object id, start, end and role,
 * and members a newer version of the format added (kept when the catalog
 * was loaded) after the known ones, sorted by name.
 *
 * Returns: (transfer full) (nullable): the document, NUL-terminated, or
 *   %NULL if some text in the catalog is not valid UTF-8
 *
 * Since: 1.0
 */
char *
iis_catalog_to_data (IisCatalog  *self,
                     gsize       *length,
                     GError     **error)
{
  return iis_catalog_to_data_full (self, IIS_SAVE_FLAGS_NONE, length, error);
}

/**
 * iis_catalog_to_data_full:
 * @self: a catalog
 * @flags: how to write the document
 * @length: (out) (optional): return location for the length in bytes
 * @error: return location for an error
 *
 * Writes @self as a catalog document, pretty-printed or compact as
 * @flags say. See [method@Iis.Catalog.to_data].
 *
 * Returns: (transfer full) (nullable): the document, NUL-terminated, or
 *   %NULL if some text in the catalog is not valid UTF-8
 *
 * Since: 1.0
 */
char *
iis_catalog_to_data_full (IisCatalog    *self,
                          IisSaveFlags   flags,
                          gsize         *length,
                          GError       **error)
{
  g_return_val_if_fail (IIS_IS_CATALOG (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _iis_writer_to_data (self, flags, length, error);
}

/**
 * iis_catalog_save_to_file:
 * @self: a catalog
 * @file: where to save
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Saves @self to @file as a pretty-printed catalog document.
 *
 * The save is atomic: the document is written to a temporary file next
 * to @file, which replaces @file only once everything was written. A
 * save that fails or is cancelled leaves @file as it was and no
 * temporary file behind.
 *
 * When @file is a symbolic link, the file it names is replaced and the
 * link stays. When @file has other hard links, the name @file gets a new
 * file and the other names keep the old one. See the file format's
 * page for the details.
 *
 * Returns: %TRUE if @file was saved
 *
 * Since: 1.0
 */
gboolean
iis_catalog_save_to_file (IisCatalog    *self,
                          GFile         *file,
                          GCancellable  *cancellable,
                          GError       **error)
{
  return iis_catalog_save_to_file_full (self, file, IIS_SAVE_FLAGS_NONE, cancellable, error);
}

/**
 * iis_catalog_save_to_file_full:
 * @self: a catalog
 * @file: where to save
 * @flags: how to write the document
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Saves @self to @file, atomically, as [method@Iis.Catalog.save_to_file]
 * does, pretty-printed or compact as @flags say.
 *
 * Returns: %TRUE if @file was saved
 *
 * Since: 1.0
 */
gboolean
iis_catalog_save_to_file_full (IisCatalog    *self,
                               GFile         *file,
                               IisSaveFlags   flags,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_return_val_if_fail (IIS_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _iis_writer_save_to_file (self, file, flags, NULL, NULL, cancellable, error);
}

/**
 * iis_catalog_save_to_stream:
 * @self: a catalog
 * @stream: where to write
 * @flags: how to write the document
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Writes @self to @stream as a catalog document, in chunks, without
 * holding the whole text in memory. The stream is flushed but not
 * closed.
 *
 * Returns: %TRUE if the document was written
 *
 * Since: 1.0
 */
gboolean
iis_catalog_save_to_stream (IisCatalog     *self,
                            GOutputStream  *stream,
                            IisSaveFlags    flags,
                            GCancellable   *cancellable,
                            GError        **error)
{
  g_return_val_if_fail (IIS_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _iis_writer_to_stream (self, flags, stream, cancellable, error);
}

/* Asynchronous saving */

typedef struct
{
  GFile  *file;
  GBytes *bytes;
} SaveData;

static void
save_data_free (gpointer data)
{
  SaveData *save = data;

  g_object_unref (save->file);
  g_bytes_unref (save->bytes);
  g_free (save);
}

static void
save_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  SaveData *save = task_data;
  GError *error = NULL;

  if (_iis_file_replace_with_bytes (save->file, save->bytes, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * iis_catalog_save_to_file_async:
 * @self: a catalog
 * @file: where to save
 * @flags: how to write the document
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called when the file has been saved
 * @user_data: (closure): data for @callback
 *
 * Starts saving @self to @file, atomically, as
 * [method@Iis.Catalog.save_to_file_full] does, without blocking on I/O.
 *
 * The document is written to memory at once, in the caller's thread, so
 * later changes to @self do not affect what is saved; the file is written
 * in a worker thread. Call [method@Iis.Catalog.save_to_file_finish] from
 * @callback for the result. A save that fails or is cancelled leaves
 * @file as it was.
 *
 * Since: 1.0
 */
void
iis_catalog_save_to_file_async (IisCatalog          *self,
                                GFile               *file,
                                IisSaveFlags         flags,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  SaveData *save;
  char *data;
  gsize length;

  g_return_if_fail (IIS_IS_CATALOG (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, iis_catalog_save_to_file_async);
  /* The result says whether the file changed, cancelled or not. */
  g_task_set_check_cancellable (task, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  data = _iis_writer_to_data (self, flags, &length, &error);
  if (data == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  save = g_new0 (SaveData, 1);
  save->file = g_object_ref (file);
  save->bytes = g_bytes_new_take (data, length);
  g_task_set_task_data (task, save, save_data_free);
  g_task_run_in_thread (task, save_in_thread);
}

/**
 * iis_catalog_save_to_file_finish:
 * @self: a catalog
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Finishes a save started with [method@Iis.Catalog.save_to_file_async].
 *
 * Returns: %TRUE if the file was saved
 *
 * Since: 1.0
 */
gboolean
iis_catalog_save_to_file_finish (IisCatalog    *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (IIS_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result))
                        == iis_catalog_save_to_file_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
