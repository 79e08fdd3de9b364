/* fuzz-common.h: what the libFuzzer targets share
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <stddef.h>
#include <stdint.h>

#include <glib.h>

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

G_END_DECLS
