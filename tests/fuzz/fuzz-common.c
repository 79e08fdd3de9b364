/* fuzz-common.c: what the libFuzzer targets share
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <stdio.h>
#include <stdlib.h>

#include <gio/gio.h>
#include <libiis/iis.h>

#include "fuzz-common.h"

static GLogWriterOutput
abort_on_warning (GLogLevelFlags   log_level,
                  const GLogField *fields,
                  gsize            n_fields,
                  gpointer         user_data)
{
  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    {
      g_log_writer_standard_streams (log_level, fields, n_fields, user_data);
      abort ();
    }
  return G_LOG_WRITER_HANDLED;
}

void
fuzz_install_log_writer (void)
{
  static gsize installed = 0;

  if (g_once_init_enter (&installed))
    {
      g_log_set_writer_func (abort_on_warning, NULL, NULL);
      g_once_init_leave (&installed, 1);
    }
}

void
fuzz_fail (const char *format,
           ...)
{
  va_list args;

  va_start (args, format);
  fputs ("fuzz: invariant broken: ", stderr);
  vfprintf (stderr, format, args);
  fputc ('\n', stderr);
  va_end (args);
  fflush (stderr);
  abort ();
}

void
fuzz_check_error (const GError *error,
                  const char   *what)
{
  if (error == NULL)
    fuzz_fail ("%s failed without an error", what);
  if (error->domain != IIS_ERROR && error->domain != G_IO_ERROR)
    fuzz_fail ("%s failed with an error of domain %s: %s", what,
               g_quark_to_string (error->domain), error->message);
  if (error->domain == IIS_ERROR
      && (error->code < IIS_ERROR_PARSE || error->code > IIS_ERROR_LIMIT_EXCEEDED))
    fuzz_fail ("%s failed with an unknown IIS_ERROR code %d: %s", what,
               error->code, error->message);
  if (error->message == NULL || error->message[0] == '\0')
    fuzz_fail ("%s failed with an empty error message", what);
  if (!g_utf8_validate (error->message, -1, NULL))
    fuzz_fail ("%s failed with an error message that is not UTF-8", what);
}
