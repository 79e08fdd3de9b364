/* iis-cmd-compile.c: `iis compile FILE [--output SNAPSHOT]`
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * Writes the snapshot of a catalog file (docs/storage.md, "Snapshots"):
 *
 * ```sh
 * iis compile my-catalog.json                  # into the cache
 * iis --catalog my-catalog.json members sco    # answered from it
 * iis compile my-catalog.json -o my.snapshot   # a file of its own
 * iis --no-default --catalog my.snapshot members sco
 * ```
 *
 * Into the cache, the snapshot must carry the key the loader checks (the
 * JSON's size, modification time and content hash), which only the
 * library writes: the cache entry is removed and the file loaded with
 * IIS_LOAD_FLAGS_CACHE, which makes it again. That load keeps quiet
 * when it cannot write the cache (a cache only costs time), so the entry
 * is looked for afterwards and its absence reported.
 */

#include <errno.h>
#include <string.h>

#include <glib/gstdio.h>

#include "iis-tool.h"

static char *output_option;

static const GOptionEntry compile_entries[] = {
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_option,
    "Write the snapshot to SNAPSHOT (default: the cache entry of FILE)", "SNAPSHOT" },
  G_OPTION_ENTRY_NULL
};

/* A load error, located; a fragment (a file over another catalog's
 * entities) is said to be one, since a snapshot holds one file alone. */
static int
load_failed (const char   *in,
             const GError *error)
{
  g_autofree char *message = cli_located_message (in, error);

  if (g_error_matches (error, IIS_ERROR, IIS_ERROR_UNKNOWN_REFERENCE))
    cli_error ("%s (a snapshot is made of the file alone, and this one refers to "
               "entities of another catalog)", message);
  else
    cli_error ("%s", message);
  return CLI_EXIT_FAILURE;
}

static int
compile_to_file (const char *in,
                 GFile      *file,
                 const char *out)
{
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();
  g_autoptr(GFile) snapshot = g_file_new_for_commandline_arg (out);
  g_autoptr(GError) error = NULL;

  if (!iis_catalog_load_from_file_full (catalog, file, IIS_LOAD_FLAGS_NONE, NULL, &error))
    return load_failed (in, error);
  if (!iis_catalog_save_snapshot (catalog, snapshot, NULL, &error))
    {
      g_autofree char *message = cli_located_message (out, error);

      cli_error ("%s", message);
      return CLI_EXIT_FAILURE;
    }
  cli_outf ("%s\n", out);
  return CLI_EXIT_OK;
}

static int
compile_to_cache (const char *in,
                  GFile      *file)
{
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();
  g_autoptr(GFile) cache = iis_catalog_get_cache_file (file);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  const char *path;

  if (cache == NULL)
    {
      cli_error ("%s: not a local file, it has no cache entry; write the snapshot "
                 "with --output SNAPSHOT", in);
      return CLI_EXIT_FAILURE;
    }
  path = g_file_peek_path (cache);

  /* The library makes the folder too, but says nothing when it cannot. */
  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      cli_error ("%s: cannot make the cache folder: %s", dir, g_strerror (saved_errno));
      return CLI_EXIT_FAILURE;
    }
  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;

      cli_error ("%s: cannot remove the old snapshot: %s", path, g_strerror (saved_errno));
      return CLI_EXIT_FAILURE;
    }

  if (!iis_catalog_load_from_file_full (catalog, file, IIS_LOAD_FLAGS_CACHE, NULL, &error))
    return load_failed (in, error);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_autoptr(IisCatalog) probe = iis_catalog_new ();

      /* The cache holds snapshots of JSON files only: a snapshot is
       * used as it is. */
      if (iis_catalog_load_snapshot (probe, file, IIS_LOAD_FLAGS_NONE, NULL, NULL))
        cli_error ("%s: a snapshot already, which --catalog uses as it is; "
                   "there is nothing to compile", in);
      else
        cli_error ("%s: the snapshot of %s could not be written (run with "
                   "G_MESSAGES_DEBUG=Iis for the reason)", path, in);
      return CLI_EXIT_FAILURE;
    }
  cli_outf ("%s\n", path);
  return CLI_EXIT_OK;
}

/* Whether @a and @b name one existing file. */
static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0
         && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

int
cli_cmd_compile (CliContext       *ctx,
                 const CliCommand *command,
                 int               argc,
                 char            **argv)
{
  g_autoptr(GOptionContext) context = cli_option_context_new (ctx, command, compile_entries, FALSE);
  g_autoptr(GFile) file = NULL;
  const char *in;
  int status = CLI_EXIT_OK;

  /* Not the value of an earlier run in the same process (the fuzz
   * target runs main() again and again). */
  g_clear_pointer (&output_option, g_free);
  in = cli_parse_one_argument (context, command, &argc, &argv, "FILE", &status);
  if (in == NULL)
    return status;
  if (in[0] == '\0' || strcmp (in, "-") == 0)
    return cli_usage_error (command, "name the catalog file (the standard input has no snapshot)");
  if (output_option != NULL && output_option[0] == '\0')
    return cli_usage_error (command, "the output file name is empty");
  if (output_option != NULL && same_file (in, output_option))
    return cli_usage_error (command, "“%s” is FILE itself: the snapshot would replace the catalog",
                            output_option);
  if (output_option == NULL && ctx->no_cache)
    return cli_usage_error (command, "the cache is turned off (--no-cache or IIS_NO_CACHE); "
                            "write the snapshot with --output SNAPSHOT");

  file = g_file_new_for_commandline_arg (in);
  if (output_option != NULL)
    return compile_to_file (in, file, output_option);
  return compile_to_cache (in, file);
}
