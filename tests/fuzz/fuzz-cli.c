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
 * A first line `!hostile` runs over tests/data/hostile-text.json instead,
 * whose names, roles and qualifiers hold terminal escapes, control and
 * bidirectional characters. `convert` and `validate` run with two
 * placeholders: `IN` stands for the catalog, `OUT` for a file in a
 * private temporary folder.
 *
 * Left out, as they leave the process or touch files: --help (GOption
 * exits), `help`, any argument naming a path or the standard input, and
 * more --catalog files.
 *
 * Invariants: no crash, no sanitizer report, no GLib warning or critical,
 * an exit status of 0, 1 or 2; text output (not JSON, CSV or DOT, which
 * are raw by design) holds no control, bidirectional or invisible
 * character but the newline and the tab; a file `convert` wrote loads
 * back.
 *
 * The tool's option variables are static and GOption does not free a
 * value it replaces, so running main() again and again leaks by design:
 * fuzz this target with -detect_leaks=0.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <libiis/iis.h>

#include "fuzz-common.h"

int iis_cli_main (int    argc,
                  char **argv);

#define MAX_ARGS 12

static char *tmp_dir;
static char *out_path;

static void
remove_tmp_dir (void)
{
  g_unlink (out_path);
  g_rmdir (tmp_dir);
}

/* Whether @c may stand in text output: not a C0 or C1 control but the
 * newline and the tab, nor a bidirectional or invisible format mark. */
static gboolean
is_harmless (gunichar c)
{
  if (c == '\n' || c == '\t')
    return TRUE;
  if (c < 0x20 || (c >= 0x7f && c < 0xa0))
    return FALSE;
  if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
      || c == 0x200e || c == 0x200f || c == 0x061c || c == 0x2028 || c == 0x2029 || c == 0xfeff)
    return FALSE;
  return TRUE;
}

static void
check_text_output (const char *output,
                   gsize       length)
{
  const char *end = output + length;

  if (!g_utf8_validate_len (output, length, NULL))
    fuzz_fail ("text output is not UTF-8");
  for (const char *p = output; p < end; p = g_utf8_next_char (p))
    if (!is_harmless (g_utf8_get_char (p)))
      fuzz_fail ("text output holds U+%04X raw", g_utf8_get_char (p));
}

static gboolean
allowed (const char *arg)
{
  if (g_str_has_prefix (arg, "--help") || strcmp (arg, "help") == 0
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
  tmp_dir = g_dir_make_tmp ("fuzz-cli-XXXXXX", NULL);
  if (tmp_dir == NULL)
    fuzz_fail ("cannot make a temporary folder");
  out_path = g_build_filename (tmp_dir, "out.json", NULL);
  atexit (remove_tmp_dir);
  g_setenv ("IIS_DATA_PATH", "", TRUE);
  /* The catalog is read from its JSON: a snapshot in the user's cache
   * would be written outside the temporary folder, and runs would differ
   * by what an earlier one left there. */
  g_setenv ("IIS_NO_CACHE", "1", TRUE);
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
  g_autofree char *output = NULL;
  const char *catalog = FUZZ_CLI_CATALOG;
  gboolean raw_format = FALSE, converted = FALSE;
  gsize output_length = 0;
  FILE *captured;
  int saved_stdout;
  int status;
  guint first = 0;

  if (size > 4096 || memchr (data, '\0', size) != NULL)
    return 0;
  text = g_strndup ((const char *) data, size);
  if (!g_utf8_validate (text, -1, NULL))
    return 0;

  lines = g_strsplit (text, "\n", MAX_ARGS + 1);
  if (g_strv_length (lines) > MAX_ARGS)
    return 0;

  if (lines[0] != NULL && strcmp (lines[0], "!hostile") == 0)
    {
      catalog = FUZZ_CLI_HOSTILE;
      first = 1;
    }

  args = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (args, g_strdup ("iis"));
  g_ptr_array_add (args, g_strdup ("--no-default"));
  g_ptr_array_add (args, g_strdup ("--catalog"));
  g_ptr_array_add (args, g_strdup (catalog));
  for (guint i = first; lines[i] != NULL; i++)
    {
      if (!allowed (lines[i]))
        return 0;
      if (strstr (lines[i], "json") || strstr (lines[i], "csv") || strstr (lines[i], "dot"))
        raw_format = TRUE;
      converted |= strcmp (lines[i], "convert") == 0;
      if (strcmp (lines[i], "IN") == 0)
        g_ptr_array_add (args, g_strdup (catalog));
      else if (strcmp (lines[i], "OUT") == 0)
        g_ptr_array_add (args, g_strdup (out_path));
      else
        g_ptr_array_add (args, g_strdup (lines[i]));
    }
  g_unlink (out_path);

  /* main() rearranges its argv: give it a copy of the pointers. */
  argv = g_new0 (char *, args->len + 1);
  memcpy (argv, args->pdata, args->len * sizeof (char *));

  /* The tool's output is captured and read back; its errors go to
   * stderr. */
  captured = tmpfile ();
  if (captured == NULL)
    fuzz_fail ("cannot make a file for the output");
  fflush (stdout);
  saved_stdout = dup (STDOUT_FILENO);
  dup2 (fileno (captured), STDOUT_FILENO);
  status = iis_cli_main ((int) args->len, argv);
  fflush (stdout);
  clearerr (stdout);
  dup2 (saved_stdout, STDOUT_FILENO);
  close (saved_stdout);

  if (status < 0 || status > 2)
    fuzz_fail ("iis exited with status %d", status);

  output_length = (gsize) ftell (captured);
  if (output_length > 0 && output_length < 8 * 1024 * 1024)
    {
      output = g_malloc (output_length);
      rewind (captured);
      if (fread (output, 1, output_length, captured) != output_length)
        fuzz_fail ("cannot read the output back");
      if (!raw_format)
        check_text_output (output, output_length);
    }
  fclose (captured);

  /* What convert wrote loads back. */
  if (converted && status == 0 && g_file_test (out_path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(IisCatalog) again = iis_catalog_new ();
      g_autoptr(GFile) file = g_file_new_for_path (out_path);
      g_autoptr(GError) error = NULL;

      if (!iis_catalog_load_from_file (again, file, NULL, &error))
        fuzz_fail ("convert wrote a file that does not load: %s", error->message);
    }
  return 0;
}
