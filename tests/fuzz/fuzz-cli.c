/* fuzz-cli.c: the `iis` tool's command line
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * The tool parses its arguments in main() (GOption) and in each
 * subcommand (KEY=VALUE filters, --fields, --sort, --at, --role, …), not
 * in a function of its own, so this target links the tool's sources with
 * main() renamed iis_cli_main() and runs whole command lines: one
 * argument a line of the input, after
 * `iis --no-default --catalog tests/data/full.json`.
 *
 * Left out, as they leave the process or touch files: --help (GOption
 * exits), `help`, `convert` (writes a file), `validate` and any argument
 * naming a path or the standard input, and more --catalog files.
 *
 * Invariants: no crash, no sanitizer report, no GLib warning or critical,
 * an exit status of 0, 1 or 2.
 *
 * The tool's option variables are static and GOption does not free a
 * value it replaces, so running main() again and again leaks by design:
 * fuzz this target with -detect_leaks=0.
 */

#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>

#include <glib.h>

#include "fuzz-common.h"

int iis_cli_main (int    argc,
                  char **argv);

#define MAX_ARGS 12

static int devnull = -1;

static gboolean
allowed (const char *arg)
{
  if (g_str_has_prefix (arg, "--help") || strcmp (arg, "help") == 0
      || strcmp (arg, "convert") == 0 || strcmp (arg, "validate") == 0
      || strcmp (arg, "-") == 0 || strchr (arg, '/') != NULL
      || g_str_has_prefix (arg, "--catalog") || g_str_has_prefix (arg, "-c"))
    return FALSE;
  /* Short options, alone or grouped: -h and -? are help. */
  if (arg[0] == '-' && arg[1] != '-' && strpbrk (arg, "h?") != NULL)
    return FALSE;
  return TRUE;
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_install_log_writer ();
  devnull = open ("/dev/null", O_WRONLY);
  if (devnull < 0)
    fuzz_fail ("cannot open /dev/null");
  g_setenv ("IIS_DATA_PATH", "", TRUE);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) args = NULL;
  g_autofree char **argv = NULL;
  int saved_stdout;
  int status;

  if (size > 4096 || memchr (data, '\0', size) != NULL)
    return 0;
  text = g_strndup ((const char *) data, size);
  if (!g_utf8_validate (text, -1, NULL))
    return 0;

  lines = g_strsplit (text, "\n", MAX_ARGS + 1);
  if (g_strv_length (lines) > MAX_ARGS)
    return 0;

  args = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (args, g_strdup ("iis"));
  g_ptr_array_add (args, g_strdup ("--no-default"));
  g_ptr_array_add (args, g_strdup ("--catalog"));
  g_ptr_array_add (args, g_strdup (FUZZ_CLI_CATALOG));
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (!allowed (lines[i]))
        return 0;
      g_ptr_array_add (args, g_strdup (lines[i]));
    }

  /* main() rearranges its argv: give it a copy of the pointers. */
  argv = g_new0 (char *, args->len + 1);
  memcpy (argv, args->pdata, args->len * sizeof (char *));

  /* The tool's output is not ours to see; its errors go to stderr. */
  fflush (stdout);
  saved_stdout = dup (STDOUT_FILENO);
  dup2 (devnull, STDOUT_FILENO);
  status = iis_cli_main ((int) args->len, argv);
  fflush (stdout);
  clearerr (stdout);
  dup2 (saved_stdout, STDOUT_FILENO);
  close (saved_stdout);

  if (status < 0 || status > 2)
    fuzz_fail ("iis exited with status %d", status);
  return 0;
}
