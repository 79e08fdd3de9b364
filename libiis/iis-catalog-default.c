/* iis-catalog-default.c: the bundled catalog and the data folders
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * The default catalog is built in layers, as libosinfo builds its
 * database (docs/bundled-catalog.md has the full rules):
 *
 * 1. the bundled catalog, compiled in as the resource
 *    /org/libiis/Iis/catalog.json (data/meson.build);
 * 2. `iis/` in each folder of `$XDG_DATA_DIRS`, last folder first, so
 *    that the first folder listed wins;
 * 3. `iis/` in `$XDG_DATA_HOME`;
 * 4. each folder of `$IIS_DATA_PATH`, last first, so that the first
 *    folder listed wins.
 *
 * In each folder the `*.json` files are loaded in name order, each with
 * IIS_LOAD_FLAGS_OVERRIDE: a later layer adds entities and relations and
 * replaces an entity that has the same id (keeping its relations).
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "iis-catalog.h"
#include "iis-error.h"

#include "iis-resources-private.h"
#include "iis-snapshot-private.h"

#define BUNDLED_CATALOG_RESOURCE "/org/libiis/Iis/catalog.json"
#define BUNDLED_SNAPSHOT_RESOURCE "/org/libiis/Iis/catalog.snapshot"

/**
 * iis_catalog_load_bundled:
 * @self: a catalog
 * @error: return location for a #GError
 *
 * Adds the catalog bundled with the library to @self: the
 * organizations, agreements, forums and threat categories of the
 * library's curated data and the states they refer to, every one with
 * its sources (see the "Bundled catalog" page of the documentation).
 *
 * The bundled catalog is loaded without %IIS_LOAD_FLAGS_OVERRIDE: when
 * @self already holds an entity with one of its ids, nothing is added
 * and the error is %IIS_ERROR_DUPLICATE_ID. Use
 * [ctor@Iis.Catalog.new_default] for the bundled catalog with the data
 * folders' layers on top.
 *
 * Returns: %TRUE on success; %FALSE with @error set, @self unchanged
 *
 * Since: 1.0
 */
gboolean
iis_catalog_load_bundled (IisCatalog  *self,
                          GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  const char *data;
  gsize length;

  g_return_val_if_fail (IIS_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The snapshot made from the JSON at build time opens without parsing
   * relations. Whatever stops it (another byte order, an id already in
   * @self), the JSON is loaded instead: its errors are the ones to
   * report, and a failed load left @self as it was. */
  bytes = g_resource_lookup_data (_iis_get_resource (), BUNDLED_SNAPSHOT_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      data = g_bytes_get_data (bytes, &length);
      if (_iis_catalog_load_snapshot_data (self, data, length, "The bundled catalog",
                                           IIS_LOAD_FLAGS_NONE, NULL, &local_error))
        return TRUE;
      g_debug ("The bundled catalog's snapshot is not used: %s", local_error->message);
      g_clear_pointer (&bytes, g_bytes_unref);
    }

  bytes = g_resource_lookup_data (_iis_get_resource (), BUNDLED_CATALOG_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &length);
  if (!iis_catalog_load_from_data_full (self, data, (gssize) length,
                                        IIS_LOAD_FLAGS_NONE, error))
    {
      g_prefix_error (error, "The bundled catalog: ");
      return FALSE;
    }

  return TRUE;
}

/**
 * iis_get_bundled_catalog_version:
 *
 * Gets the version of the catalog bundled with the library: the data
 * release it was built from, named by its date as `YYYYMMDD` (as
 * osinfo-db names its releases). Data releases are listed, with what
 * changed, in the "Bundled catalog" page of the documentation; cite the
 * version with the data.
 *
 * Returns: the version, such as `"20261204"`
 *
 * Since: 1.1
 */
const char *
iis_get_bundled_catalog_version (void)
{
  return IIS_BUNDLED_CATALOG_VERSION;
}

/* Append the folders of a search path (separated by
 * G_SEARCHPATH_SEPARATOR) to @folders, last one first, each with
 * @suffix appended. Empty entries are skipped; so are relative ones when
 * @absolute_only (the XDG rule). */
static void
add_search_path_reversed (GPtrArray  *folders,
                          const char *search_path,
                          const char *suffix,
                          gboolean    absolute_only)
{
  g_auto(GStrv) parts = NULL;
  guint n;

  if (search_path == NULL || search_path[0] == '\0')
    return;

  parts = g_strsplit (search_path, G_SEARCHPATH_SEPARATOR_S, -1);
  n = g_strv_length (parts);
  for (guint i = n; i > 0; i--)
    {
      const char *part = parts[i - 1];

      if (part[0] == '\0' || (absolute_only && !g_path_is_absolute (part)))
        continue;
      g_ptr_array_add (folders, g_build_filename (part, suffix, NULL));
    }
}

/* The layer folders in load order (later ones win). The variables are
 * read on every call, not cached as GLib caches its user and system
 * folders, so a program (or a test) may change them between catalogs. A
 * folder named twice is loaded once, at its last (strongest) place. */
static GPtrArray *
dup_layer_folders (void)
{
  g_autoptr(GPtrArray) folders = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *unique = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *data_dirs = g_getenv ("XDG_DATA_DIRS");
  const char *data_home = g_getenv ("XDG_DATA_HOME");

  if (data_dirs != NULL && data_dirs[0] != '\0')
    add_search_path_reversed (folders, data_dirs, "iis", TRUE);
  else
    {
      const char * const *dirs = g_get_system_data_dirs ();
      guint n = g_strv_length ((char **) dirs);

      for (guint i = n; i > 0; i--)
        g_ptr_array_add (folders, g_build_filename (dirs[i - 1], "iis", NULL));
    }

  if (data_home != NULL && g_path_is_absolute (data_home))
    g_ptr_array_add (folders, g_build_filename (data_home, "iis", NULL));
  else
    g_ptr_array_add (folders, g_build_filename (g_get_user_data_dir (), "iis", NULL));

  add_search_path_reversed (folders, g_getenv ("IIS_DATA_PATH"), NULL, FALSE);

  for (guint i = folders->len; i > 0; i--)
    {
      const char *folder = g_ptr_array_index (folders, i - 1);
      char *canonical = g_canonicalize_filename (folder, NULL);

      if (g_hash_table_contains (seen, canonical))
        {
          g_free (canonical);
          continue;
        }
      g_hash_table_add (seen, canonical);
      g_ptr_array_insert (unique, 0, g_strdup (folder));
    }

  return unique;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The *.json files of @folder in name order (byte order), hidden files
 * left out. A folder that does not exist, or is not a folder, has none. */
static gboolean
list_layer_files (const char  *folder,
                  GPtrArray  **files_out,
                  GError     **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;

  *files_out = NULL;

  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      *files_out = g_steal_pointer (&files);
      return TRUE;
    }

  dir = g_dir_open (folder, 0, &local_error);
  if (dir == NULL)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_file_error (local_error->code),
                   "Cannot read the data folder “%s”: %s", folder, local_error->message);
      return FALSE;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (name[0] == '.' || !g_str_has_suffix (name, ".json"))
        continue;
      g_ptr_array_add (files, g_strdup (name));
    }
  g_ptr_array_sort (files, compare_names);

  for (guint i = 0; i < files->len; i++)
    {
      char *name_i = files->pdata[i];

      files->pdata[i] = g_build_filename (folder, name_i, NULL);
      g_free (name_i);
    }

  *files_out = g_steal_pointer (&files);
  return TRUE;
}

/* Only regular files are read from a data folder (following links): a
 * FIFO would block the load until someone writes to it, and a device
 * such as /dev/zero would be read to the size limit at every start. */
static gboolean
check_regular_file (const char  *path,
                    GError     **error)
{
  GStatBuf st;
  const char *what;

  if (g_stat (path, &st) != 0)
    return TRUE;   /* the load reports it */
  if (S_ISREG (st.st_mode))
    return TRUE;

  if (S_ISFIFO (st.st_mode))
    what = "a FIFO";
  else if (S_ISCHR (st.st_mode) || S_ISBLK (st.st_mode))
    what = "a device";
  else if (S_ISDIR (st.st_mode))
    what = "a folder";
  else
    what = "a special file";
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
               "not a regular file but %s: only regular files are read from a data folder",
               what);
  return FALSE;
}

/* Load every layer over @self. With @keep_going, a folder or file that
 * cannot be loaded is reported with g_message() and skipped; without,
 * the first one stops the load with @error set, keeping the layers
 * loaded before it. */
static gboolean
load_layers (IisCatalog    *self,
             gboolean       keep_going,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GPtrArray) folders = dup_layer_folders ();

  for (guint i = 0; i < folders->len; i++)
    {
      const char *folder = g_ptr_array_index (folders, i);
      g_autoptr(GPtrArray) files = NULL;
      g_autoptr(GError) local_error = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      if (!list_layer_files (folder, &files, &local_error))
        {
          if (!keep_going)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          g_message ("Skipping a data folder: %s", local_error->message);
          continue;
        }

      for (guint j = 0; j < files->len; j++)
        {
          const char *path = g_ptr_array_index (files, j);
          g_autoptr(GFile) file = g_file_new_for_path (path);

          if (!check_regular_file (path, &local_error) ||
              !iis_catalog_load_from_file_full (self, file, IIS_LOAD_FLAGS_OVERRIDE,
                                                cancellable, &local_error))
            {
              if (!keep_going ||
                  g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
                {
                  g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                              "%s: ", path);
                  return FALSE;
                }
              g_message ("Skipping the catalog file “%s”: %s", path, local_error->message);
              g_clear_error (&local_error);
            }
        }
    }

  return TRUE;
}

/**
 * iis_catalog_load_data_path:
 * @self: a catalog
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Loads the catalog files of the data folders over @self, in this order:
 *
 * 1. `iis/` in each folder of `$XDG_DATA_DIRS` (default
 *    `/usr/local/share:/usr/share`), the last folder first, so that the
 *    first folder listed wins;
 * 2. `iis/` in `$XDG_DATA_HOME` (default `~/.local/share`);
 * 3. each folder of `$IIS_DATA_PATH` (folders separated by `:`, `;` on
 *    Windows), the last first, so that the first folder listed wins.
 *
 * In each folder the files whose names end in `.json` (hidden files
 * excepted) are loaded in byte order of their names, each with
 * %IIS_LOAD_FLAGS_OVERRIDE: a later file adds entities and relations,
 * and replaces an entity that has the same id (of the same type) while
 * keeping the relations of the one it replaces. Folders that do not
 * exist are skipped; a folder named twice is loaded once, at its later
 * place. The variables are read on every call. Only regular files (or
 * links to them) are read: a FIFO, a device or a folder named `*.json`
 * fails with %G_IO_ERROR_NOT_REGULAR_FILE instead of blocking the load
 * or reading without end.
 *
 * The first file (or folder) that cannot be loaded stops the load: the
 * error names the file. The layers loaded before it stay in @self; the
 * failing file adds nothing.
 *
 * Returns: %TRUE when every file loaded; %FALSE with @error set
 *
 * Since: 1.0
 */
gboolean
iis_catalog_load_data_path (IisCatalog    *self,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_return_val_if_fail (IIS_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return load_layers (self, FALSE, cancellable, error);
}

/**
 * iis_catalog_new_default:
 *
 * Creates the default catalog: the catalog bundled with the library
 * (see [method@Iis.Catalog.load_bundled]) with the files of the data
 * folders layered over it (see [method@Iis.Catalog.load_data_path]).
 *
 * A data file that cannot be loaded does not make this fail: it is
 * skipped, with a message (g_message(), log domain `Iis`) that names the
 * file and the error, and the other layers are loaded. Call
 * [method@Iis.Catalog.load_data_path] on a catalog of your own to see
 * such errors as a #GError.
 *
 * Returns: (transfer full): a new catalog
 *
 * Since: 1.0
 */
IisCatalog *
iis_catalog_new_default (void)
{
  g_autoptr(IisCatalog) self = iis_catalog_new ();
  g_autoptr(GError) error = NULL;

  /* The bundled data is checked when the library is built and by its
   * tests: failing to load it is a bug in the library. */
  if (!iis_catalog_load_bundled (self, &error))
    g_critical ("%s", error->message);

  load_layers (self, TRUE, NULL, NULL);

  return g_steal_pointer (&self);
}
