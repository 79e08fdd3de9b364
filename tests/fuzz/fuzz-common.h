/* fuzz-common.h: what the libFuzzer targets share
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <stddef.h>
#include <stdint.h>

#include <glib.h>
#include <libiis/iis.h>

G_BEGIN_DECLS

/* The entry points libFuzzer calls; fuzz-replay.c calls them too when a
 * target is built without libFuzzer, to replay the regression corpus. */
int  LLVMFuzzerInitialize   (int            *argc,
                             char         ***argv);
int  LLVMFuzzerTestOneInput (const uint8_t  *data,
                             size_t          size);

/* Make every warning and critical abort(): GLib's own fatal log raises
 * SIGTRAP, which libFuzzer does not catch. Quiet below warnings. */
void fuzz_install_log_writer (void);

/* An invariant did not hold: print why and abort(). */
G_NORETURN
void fuzz_fail               (const char     *format,
                              ...) G_GNUC_PRINTF (1, 2);

/* Check that @error is a proper libiis error: in IIS_ERROR or G_IO_ERROR,
 * with a non-empty UTF-8 message. */
void fuzz_check_error        (const GError   *error,
                              const char     *what);

/* @catalog's document (iis_catalog_to_data_full()); @what says which
 * catalog when writing fails. */
char *fuzz_document_of       (IisCatalog     *catalog,
                              IisSaveFlags    flags,
                              gsize          *length,
                              const char     *what);

/* A load into @catalog failed with @error: a proper error (see
 * fuzz_check_error()), and the catalog is as it was: @n_entities,
 * @n_relations and a document of @text_before, its invariants kept. */
void fuzz_check_failed_load  (IisCatalog     *catalog,
                              const GError   *error,
                              const char     *text_before,
                              guint           n_entities,
                              guint           n_relations,
                              const char     *what);

/* A new catalog holding @document, which must load. */
IisCatalog *fuzz_catalog_new_from_data (const char *document,
                                        const char *what);

/* Ask every question about every entity of @catalog; the answers are
 * not checked (the unit tests do), only that asking is safe and that the
 * counts agree. */
void fuzz_ask_questions      (IisCatalog     *catalog);

G_END_DECLS
