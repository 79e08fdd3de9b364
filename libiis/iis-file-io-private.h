/* iis-file-io-private.h: reading a document whole, replacing a file atomically
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * Included by iis-catalog-io.c (loading and the asynchronous save), the
 * writer (saving), iis-file-io.c, which implements it, and the tests of
 * reading and writing.
 */

#pragma once

#include <gio/gio.h>

#include "iis-format-private.h"

G_BEGIN_DECLS

/* Read all of @stream, failing with IIS_ERROR_LIMIT_EXCEEDED as soon as
 * it holds more than limits->max_document_size bytes (@limits NULL: the
 * defaults). @size_hint (0 if unknown) sizes the buffer. */
GBytes   *_iis_file_read_stream        (GInputStream           *stream,
                                        goffset                 size_hint,
                                        const IisFormatLimits  *limits,
                                        GCancellable           *cancellable,
                                        GError                **error);

/* Read all of @file, checking its size first. */
GBytes   *_iis_file_read               (GFile                  *file,
                                        const IisFormatLimits  *limits,
                                        GCancellable           *cancellable,
                                        GError                **error);

/* Writes the content of a file to @stream. */
typedef gboolean (*IisFileContentFunc) (GOutputStream  *stream,
                                        gpointer        user_data,
                                        GCancellable   *cancellable,
                                        GError        **error);

/* Lets tests put a stream of their own (one that fails, say) between
 * the content and the file. Returns a new reference. */
typedef GOutputStream *(*IisFileWrapFunc) (GOutputStream *base,
                                           gpointer       user_data);

/* Write what @content writes to @file, atomically: the text goes to a
 * temporary file that replaces @file only once everything was written,
 * flushed and closed; on any failure or cancellation @file is left as
 * it was. Symbolic links are followed, a file with several hard links is
 * replaced as a directory entry (see iis-file-io.c). @wrap may be NULL. */
gboolean  _iis_file_replace            (GFile                  *file,
                                        IisFileContentFunc      content,
                                        gpointer                content_data,
                                        IisFileWrapFunc         wrap,
                                        gpointer                wrap_data,
                                        GCancellable           *cancellable,
                                        GError                **error);

/* Replace @file with @bytes with the same guarantees. */
gboolean  _iis_file_replace_with_bytes (GFile                  *file,
                                        GBytes                 *bytes,
                                        GCancellable           *cancellable,
                                        GError                **error);

G_END_DECLS
