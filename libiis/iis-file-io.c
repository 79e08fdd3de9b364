/* iis-file-io.c: reading a document whole, and replacing a file atomically
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * The library's two ways to touch files: loading reads a document into
 * memory, up to the reader's size limit, and saving replaces a file
 * atomically. Neither knows the file format.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gunixoutputstream.h>
#include <glib/gstdio.h>

#include "iis-file-io-private.h"

#include "iis-error.h"

/* ---- Reading -------------------------------------------------------- */

static gboolean
fail_too_large (const IisFormatLimits  *limits,
                GError                **error)
{
  g_autofree char *limit = g_format_size_full (limits->max_document_size,
                                               G_FORMAT_SIZE_IEC_UNITS);

  g_set_error (error, IIS_ERROR, IIS_ERROR_LIMIT_EXCEEDED,
               "the document is larger than the limit of %s", limit);
  return FALSE;
}

GBytes *
_iis_file_read_stream (GInputStream           *stream,
                       goffset                 size_hint,
                       const IisFormatLimits  *limits,
                       GCancellable           *cancellable,
                       GError                **error)
{
  IisFormatLimits default_limits;
  g_autoptr(GByteArray) buffer = NULL;
  guint64 cap, initial;
  gsize used = 0;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (limits == NULL)
    {
      _iis_format_get_default_limits (&default_limits);
      limits = &default_limits;
    }

  if (size_hint > 0 && (guint64) size_hint > limits->max_document_size)
    {
      fail_too_large (limits, error);
      return NULL;
    }

  /* One byte more than expected, so the end is seen in one go. The
   * buffer never grows past the limit and one byte, and no read asks
   * for more than that: a stream without end (/dev/zero) costs the
   * limit, not twice it. */
  cap = MIN ((guint64) limits->max_document_size + 1, (guint64) G_MAXUINT);
  initial = size_hint > 0 ? (guint64) size_hint + 1 : 64 * 1024;
  initial = MIN (initial, cap);
  buffer = g_byte_array_sized_new ((guint) initial);
  g_byte_array_set_size (buffer, (guint) initial);

  for (;;)
    {
      gssize n;

      if (used == buffer->len)
        {
          gsize grow = MIN (MAX (buffer->len, 64 * 1024), cap - buffer->len);

          if (grow == 0)
            {
              fail_too_large (limits, error);
              return NULL;
            }
          g_byte_array_set_size (buffer, buffer->len + grow);
        }

      n = g_input_stream_read (stream, buffer->data + used, buffer->len - used,
                               cancellable, error);
      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      used += n;
      if (used > limits->max_document_size)
        {
          fail_too_large (limits, error);
          return NULL;
        }
    }

  g_byte_array_set_size (buffer, used);
  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

GBytes *
_iis_file_read (GFile                  *file,
                const IisFormatLimits  *limits,
                GCancellable           *cancellable,
                GError                **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  goffset size = 0;
  GBytes *bytes;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                         cancellable, NULL);
  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
    size = g_file_info_get_size (info);

  bytes = _iis_file_read_stream (G_INPUT_STREAM (stream), size, limits, cancellable, error);
  g_input_stream_close (G_INPUT_STREAM (stream), NULL, NULL);
  return bytes;
}

/* ---- Atomic replacement -------------------------------------------- */

/*
 * A save writes a temporary file beside the target and renames it onto
 * the target once everything was written, flushed to disk and closed;
 * anything else (a failure, a cancellation) removes the temporary file
 * and leaves the target as it was.
 *
 * GIO's g_file_replace() does not do this for a symbolic link or a file
 * with several hard links, which it truncates and writes in place, nor
 * when it cannot give the temporary file the target's owner: a failed
 * save would leave such a target empty or half-written. So for local
 * files the library does the replacement itself:
 *
 * - a symbolic link (or a chain of them) is followed to the file it
 *   names, and that file is replaced; the link stays a link;
 * - a file with several hard links is replaced as a directory entry:
 *   the name saved to gets the new document, the other names keep the
 *   old one (as `mv` would);
 * - the new file gets the old file's permissions; it is owned by whoever
 *   saves.
 *
 * Other files (no local path) go through g_file_replace().
 */

#define MAX_SYMLINK_HOPS 40

/* Follow symbolic links from @file to what they name, which may not
 * exist yet. */
static GFile *
resolve_links (GFile         *file,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GFile) current = g_object_ref (file);

  for (guint hops = 0; hops <= MAX_SYMLINK_HOPS; hops++)
    {
      g_autoptr(GFileInfo) info = NULL;
      g_autoptr(GFile) parent = NULL;
      GError *local_error = NULL;
      const char *target;

      info = g_file_query_info (current,
                                G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                G_FILE_ATTRIBUTE_STANDARD_SYMLINK_TARGET,
                                G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable,
                                &local_error);
      if (info == NULL)
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
            {
              g_error_free (local_error);
              return g_steal_pointer (&current);
            }
          g_propagate_error (error, local_error);
          return NULL;
        }
      if (g_file_info_get_file_type (info) != G_FILE_TYPE_SYMBOLIC_LINK)
        return g_steal_pointer (&current);

      target = g_file_info_get_symlink_target (info);
      parent = g_file_get_parent (current);
      if (target == NULL || parent == NULL)
        return g_steal_pointer (&current);
      g_object_unref (current);
      current = g_file_resolve_relative_path (parent, target);
    }

  {
    g_autofree char *name = g_file_get_parse_name (file);

    g_set_error (error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS,
                 "Cannot save to %s: too many levels of symbolic links", name);
  }
  return NULL;
}

static void
set_errno_error (GError     **error,
                 int          errsv,
                 const char  *what,
                 const char  *path)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
               "Error %s “%s”: %s", what, name, g_strerror (errsv));
}

/* g_file_replace() for files with no local path; GIO writes those with
 * a temporary file of its own. */
static gboolean
replace_through_gio (GFile              *file,
                     IisFileContentFunc  content,
                     gpointer            content_data,
                     IisFileWrapFunc     wrap,
                     gpointer            wrap_data,
                     GCancellable       *cancellable,
                     GError            **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GCancellable) cancelled = NULL;
  GOutputStream *target;
  gboolean existed;
  gboolean ok;

  existed = g_file_query_file_type (file, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL)
            != G_FILE_TYPE_UNKNOWN;
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                           cancellable, error);
  if (stream == NULL)
    return FALSE;

  target = wrap != NULL ? wrap (G_OUTPUT_STREAM (stream), wrap_data)
                        : g_object_ref (G_OUTPUT_STREAM (stream));
  ok = content (target, content_data, cancellable, error)
       && g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error);
  if (!ok)
    {
      /* Closing with a cancelled cancellable makes GIO drop its
       * temporary file and leave the target alone. */
      cancelled = g_cancellable_new ();
      g_cancellable_cancel (cancelled);
      if (!g_output_stream_is_closed (G_OUTPUT_STREAM (stream)))
        g_output_stream_close (G_OUTPUT_STREAM (stream), cancelled, NULL);
      if (!existed)
        g_file_delete (file, NULL, NULL);
    }
  g_object_unref (target);
  return ok;
}

gboolean
_iis_file_replace (GFile              *file,
                   IisFileContentFunc  content,
                   gpointer            content_data,
                   IisFileWrapFunc     wrap,
                   gpointer            wrap_data,
                   GCancellable       *cancellable,
                   GError            **error)
{
  g_autoptr(GFile) resolved = NULL;
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(GOutputStream) target = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_path = NULL;
  const char *path;
  struct stat old;
  gboolean existed;
  gboolean ok;
  int fd;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (g_file_peek_path (file) == NULL)
    return replace_through_gio (file, content, content_data, wrap, wrap_data,
                                cancellable, error);

  resolved = resolve_links (file, cancellable, error);
  if (resolved == NULL)
    return FALSE;
  path = g_file_peek_path (resolved);

  existed = g_stat (path, &old) == 0;
  if (!existed && errno != ENOENT)
    {
      set_errno_error (error, errno, "reading", path);
      return FALSE;
    }
  if (existed && S_ISDIR (old.st_mode))
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   "Cannot save to “%s”: it is a folder", name);
      return FALSE;
    }
  if (existed && !S_ISREG (old.st_mode))
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   "Cannot save to “%s”: it is not a regular file", name);
      return FALSE;
    }

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp_path = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  fd = g_mkstemp_full (tmp_path, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      int errsv = errno;

      /* Name the target, not the temporary file, which was never there. */
      set_errno_error (error, errsv, "opening", path);
      return FALSE;
    }
  if (existed)
    fchmod (fd, old.st_mode & 07777);

  stream = g_unix_output_stream_new (fd, TRUE);
  target = wrap != NULL ? wrap (stream, wrap_data) : g_object_ref (stream);
  ok = content (target, content_data, cancellable, error)
       && g_output_stream_flush (target, cancellable, error);
  /* Flush to disk before the rename, so that a crash cannot leave an
   * empty file in place of the old one (as GIO does, only when there is
   * an old file to lose). */
  if (ok && existed && fsync (fd) != 0)
    {
      set_errno_error (error, errno, "writing", path);
      ok = FALSE;
    }
  /* Close the file itself: closing a filter stream closes its base. */
  if (ok)
    ok = g_output_stream_close (stream, NULL, error);
  else
    g_output_stream_close (stream, NULL, NULL);
  if (ok && g_cancellable_set_error_if_cancelled (cancellable, error))
    ok = FALSE;
  if (ok && g_rename (tmp_path, path) != 0)
    {
      set_errno_error (error, errno, "replacing", path);
      ok = FALSE;
    }
  if (!ok)
    g_unlink (tmp_path);
  return ok;
}

static gboolean
write_bytes (GOutputStream  *stream,
             gpointer        user_data,
             GCancellable   *cancellable,
             GError        **error)
{
  gsize length;
  gconstpointer data = g_bytes_get_data (user_data, &length);

  return g_output_stream_write_all (stream, data, length, NULL, cancellable, error);
}

gboolean
_iis_file_replace_with_bytes (GFile         *file,
                              GBytes        *bytes,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _iis_file_replace (file, write_bytes, bytes, NULL, NULL, cancellable, error);
}
