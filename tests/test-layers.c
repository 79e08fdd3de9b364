/* test-layers.c: the default catalog's layers of data folders
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Each test makes temporary folders, points XDG_DATA_DIRS, XDG_DATA_HOME
 * and IIS_DATA_PATH at them, and builds catalogs; the library reads the
 * variables each time.
 */

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <libiis/iis.h>

#include "iis-test-util.h"

typedef struct
{
  char *root;
} Fixture;

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->root = g_dir_make_tmp ("test-layers-XXXXXX", &error);
  g_assert_no_error (error);

  /* Nothing but what a test sets up. */
  g_setenv ("IIS_DATA_PATH", "", TRUE);
  g_setenv ("XDG_DATA_DIRS", fixture->root, TRUE);   /* holds no iis/ yet */
  g_setenv ("XDG_DATA_HOME", fixture->root, TRUE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->root);
  g_free (fixture->root);
}

/* Make @folder (relative to the fixture's root) and return its path. */
static char *
make_folder (Fixture    *fixture,
             const char *folder)
{
  char *path = g_build_filename (fixture->root, folder, NULL);

  g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
  return path;
}

static void
write_file (const char *folder,
            const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (folder, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/* A catalog file defining one organization @id named @name. */
static char *
organization_file (const char *id,
                   const char *name)
{
  return g_strdup_printf ("{\"format\": \"libiis-catalog\", \"version\": \"1.0\","
                          " \"entities\": [{\"type\": \"organization\", \"id\": \"%s\","
                          " \"name\": \"%s\", \"sources\": [{\"title\": \"test\"}]}]}",
                          id, name);
}

static void
write_organization (const char *folder,
                    const char *file,
                    const char *id,
                    const char *name)
{
  g_autofree char *contents = organization_file (id, name);

  write_file (folder, file, contents);
}

static const char *
name_of (IisCatalog *catalog,
         const char *id)
{
  IisEntity *entity = iis_catalog_lookup (catalog, id);

  return entity != NULL ? iis_entity_get_name (entity) : NULL;
}

static void
test_layers_override_and_add (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *folder = make_folder (fixture, "layer");
  g_autoptr(IisCatalog) bundled = iis_catalog_new ();
  g_autoptr(IisCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) memberships = NULL;
  g_autoptr(GListModel) bundled_memberships = NULL;
  g_autoptr(GListModel) signatories = NULL;
  g_autofree char *signatory_ids = NULL;
  IisEntity *uz;

  write_file (folder, "10-uzbekistan.json",
              "{\"format\": \"libiis-catalog\", \"version\": \"1.0\","
              " \"entities\": ["
              "  {\"type\": \"state\", \"id\": \"UZ\", \"name\": \"Republic of Uzbekistan\","
              "   \"sources\": [{\"title\": \"a local correction\"}], \"alpha-2\": \"UZ\"},"
              "  {\"type\": \"organization\", \"id\": \"local-club\", \"name\": \"A local club\","
              "   \"sources\": [{\"title\": \"test\"}]}],"
              " \"relations\": ["
              "  {\"kind\": \"member-of\", \"subject\": \"UZ\", \"object\": \"local-club\","
              "   \"role\": \"member\", \"start\": \"2020\", \"sources\": [{\"title\": \"test\"}]}]}");
  g_setenv ("IIS_DATA_PATH", folder, TRUE);

  iis_catalog_load_bundled (bundled, &error);
  g_assert_no_error (error);

  catalog = iis_catalog_new_default ();
  uz = iis_catalog_lookup (catalog, "UZ");
  g_assert_true (IIS_IS_STATE (uz));

  /* Replaced by id ... */
  g_assert_cmpstr (iis_entity_get_name (uz), ==, "Republic of Uzbekistan");
  /* ... keeping the relations of the bundled UZ ... */
  signatories = iis_catalog_get_signatories (catalog,
                                             IIS_AGREEMENT (iis_catalog_lookup (catalog, "sco-2009-agreement")));
  signatory_ids = iis_test_ids (signatories);
  g_assert_cmpstr (signatory_ids, ==, "CN KG KZ RU TJ UZ");
  /* ... and adding entities and relations. */
  g_assert_cmpstr (name_of (catalog, "local-club"), ==, "A local club");
  memberships = iis_catalog_get_memberships (catalog, uz, NULL);
  bundled_memberships = iis_catalog_get_memberships (bundled, iis_catalog_lookup (bundled, "UZ"), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (memberships), ==,
                    g_list_model_get_n_items (bundled_memberships) + 1);
  g_assert_cmpuint (iis_catalog_get_n_entities (catalog), ==, iis_catalog_get_n_entities (bundled) + 1);
  g_assert_cmpuint (iis_catalog_get_n_relations (catalog), ==, iis_catalog_get_n_relations (bundled) + 1);

  /* Without the variable, the layer is gone. */
  g_setenv ("IIS_DATA_PATH", "", TRUE);
  g_clear_object (&catalog);
  catalog = iis_catalog_new_default ();
  g_assert_cmpstr (name_of (catalog, "UZ"), ==, "Uzbekistan");
  g_assert_null (iis_catalog_lookup (catalog, "local-club"));
}

static void
test_layers_order (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *sys1 = make_folder (fixture, "sys1/iis");
  g_autofree char *sys2 = make_folder (fixture, "sys2/iis");
  g_autofree char *home = make_folder (fixture, "home/iis");
  g_autofree char *path1 = make_folder (fixture, "path1");
  g_autofree char *path2 = make_folder (fixture, "path2");
  g_autofree char *sys_dirs = g_strdup_printf ("%s/sys1:%s/sys2", fixture->root, fixture->root);
  g_autofree char *home_dir = g_build_filename (fixture->root, "home", NULL);
  g_autofree char *iis_path = g_strdup_printf ("%s:%s", path1, path2);
  g_autoptr(IisCatalog) catalog = NULL;

  /* In one folder, files load in name order: the later file wins. */
  write_organization (sys2, "a.json", "in-one-folder", "a.json");
  write_organization (sys2, "b.json", "in-one-folder", "b.json");

  /* Each entity below is defined by two neighbouring layers. */
  write_organization (sys2, "x.json", "sys", "sys2");
  write_organization (sys1, "x.json", "sys", "sys1");
  write_organization (sys1, "y.json", "sys-home", "sys1");
  write_organization (home, "y.json", "sys-home", "home");
  write_organization (home, "z.json", "home-path", "home");
  write_organization (path2, "z.json", "home-path", "path2");
  write_organization (path2, "w.json", "path", "path2");
  write_organization (path1, "w.json", "path", "path1");

  g_setenv ("XDG_DATA_DIRS", sys_dirs, TRUE);
  g_setenv ("XDG_DATA_HOME", home_dir, TRUE);
  g_setenv ("IIS_DATA_PATH", iis_path, TRUE);

  catalog = iis_catalog_new_default ();
  g_assert_nonnull (iis_catalog_lookup (catalog, "sco"));
  g_assert_cmpstr (name_of (catalog, "in-one-folder"), ==, "b.json");
  /* The first folder of XDG_DATA_DIRS wins over the second, */
  g_assert_cmpstr (name_of (catalog, "sys"), ==, "sys1");
  /* XDG_DATA_HOME over XDG_DATA_DIRS, */
  g_assert_cmpstr (name_of (catalog, "sys-home"), ==, "home");
  /* IIS_DATA_PATH over XDG_DATA_HOME, */
  g_assert_cmpstr (name_of (catalog, "home-path"), ==, "path2");
  /* and the first folder of IIS_DATA_PATH over the second. */
  g_assert_cmpstr (name_of (catalog, "path"), ==, "path1");
}

static void
test_layers_ignored_files (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *folder = make_folder (fixture, "layer");
  g_autofree char *missing = g_build_filename (fixture->root, "no-such-folder", NULL);
  g_autofree char *iis_path = NULL;
  g_autoptr(IisCatalog) catalog = NULL;
  g_autoptr(IisCatalog) bundled = iis_catalog_new ();
  g_autoptr(IisCatalog) plain = iis_catalog_new ();
  g_autoptr(GError) error = NULL;

  write_file (folder, "notes.txt", "not a catalog");
  write_file (folder, ".hidden.json", "{ broken");
  write_file (folder, "ok.json",
              "{\"format\": \"libiis-catalog\", \"version\": \"1.0\","
              " \"entities\": [{\"type\": \"organization\", \"id\": \"ok\", \"name\": \"loaded\"}],"
              " \"relations\": [{\"kind\": \"part-of\", \"subject\": \"ok\", \"object\": \"sco\"}]}");

  /* Empty entries and a folder that does not exist are skipped; a
   * folder named twice is loaded once (or its relation would be
   * there twice). */
  iis_path = g_strdup_printf (":%s::%s:%s", missing, folder, folder);
  g_setenv ("IIS_DATA_PATH", iis_path, TRUE);

  iis_catalog_load_bundled (bundled, &error);
  g_assert_no_error (error);

  catalog = iis_catalog_new_default ();
  g_assert_cmpstr (name_of (catalog, "ok"), ==, "loaded");
  g_assert_cmpuint (iis_catalog_get_n_entities (catalog), ==, iis_catalog_get_n_entities (bundled) + 1);
  g_assert_cmpuint (iis_catalog_get_n_relations (catalog), ==, iis_catalog_get_n_relations (bundled) + 1);

  /* Alone, the layer refers to an entity it does not have. */
  g_assert_false (iis_catalog_load_data_path (plain, NULL, &error));
  g_assert_error (error, IIS_ERROR, IIS_ERROR_UNKNOWN_REFERENCE);
  g_assert_nonnull (strstr (error->message, "ok.json"));
  g_assert_cmpuint (iis_catalog_get_n_entities (plain), ==, 0);
}

static void
test_layers_broken_file (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *folder = make_folder (fixture, "layer");
  g_autoptr(IisCatalog) catalog = NULL;
  g_autoptr(IisCatalog) bundled = iis_catalog_new ();
  g_autoptr(IisCatalog) layered = iis_catalog_new ();
  g_autoptr(GError) error = NULL;

  write_organization (folder, "10-good.json", "good-10", "ten");
  write_file (folder, "20-broken.json", "{\"format\": \"libiis-catalog\", \"version\": \"1.0\", \"entities\": [");
  write_organization (folder, "30-good.json", "good-30", "thirty");
  /* Not JSON's fault: a relation to an entity nobody defines. */
  write_file (folder, "40-dangling.json",
              "{\"format\": \"libiis-catalog\", \"version\": \"1.0\", \"relations\": ["
              " {\"kind\": \"member-of\", \"subject\": \"UZ\", \"object\": \"nowhere\"}]}");
  g_setenv ("IIS_DATA_PATH", folder, TRUE);

  iis_catalog_load_bundled (bundled, &error);
  g_assert_no_error (error);

  /* new_default() skips broken files with a message naming them. */
  g_test_expect_message ("Iis", G_LOG_LEVEL_MESSAGE, "*20-broken.json*");
  g_test_expect_message ("Iis", G_LOG_LEVEL_MESSAGE, "*40-dangling.json*nowhere*");
  catalog = iis_catalog_new_default ();
  g_test_assert_expected_messages ();

  g_assert_nonnull (catalog);
  g_assert_cmpstr (name_of (catalog, "good-10"), ==, "ten");
  g_assert_cmpstr (name_of (catalog, "good-30"), ==, "thirty");
  g_assert_cmpuint (iis_catalog_get_n_entities (catalog), ==, iis_catalog_get_n_entities (bundled) + 2);
  g_assert_cmpuint (iis_catalog_get_n_relations (catalog), ==, iis_catalog_get_n_relations (bundled));

  /* load_data_path() stops at the first broken file, naming it, and
   * keeps what it loaded before. */
  g_assert_false (iis_catalog_load_data_path (layered, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "20-broken.json"));
  g_assert_cmpstr (name_of (layered, "good-10"), ==, "ten");
  g_assert_null (iis_catalog_lookup (layered, "good-30"));
  g_assert_cmpuint (iis_catalog_get_n_entities (layered), ==, 1);
}

static void
test_layers_type_clash (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *folder = make_folder (fixture, "layer");
  g_autoptr(IisCatalog) catalog = NULL;
  g_autoptr(IisCatalog) layered = iis_catalog_new ();
  g_autoptr(GError) error = NULL;

  /* "sco" is an organization in the bundled catalog: a layer cannot
   * turn it into a state. */
  write_file (folder, "sco.json",
              "{\"format\": \"libiis-catalog\", \"version\": \"1.0\", \"entities\": ["
              " {\"type\": \"state\", \"id\": \"sco\", \"name\": \"Not a state\"}]}");
  g_setenv ("IIS_DATA_PATH", folder, TRUE);

  g_test_expect_message ("Iis", G_LOG_LEVEL_MESSAGE, "*sco.json*");
  catalog = iis_catalog_new_default ();
  g_test_assert_expected_messages ();
  g_assert_true (IIS_IS_ORGANIZATION (iis_catalog_lookup (catalog, "sco")));

  iis_catalog_load_bundled (layered, &error);
  g_assert_no_error (error);
  g_assert_false (iis_catalog_load_data_path (layered, NULL, &error));
  g_assert_error (error, IIS_ERROR, IIS_ERROR_TYPE_MISMATCH);
  /* Not "a organization" (issue #19). */
  g_assert_nonnull (strstr (error->message,
                            "“sco” is an organization in the catalog and cannot be replaced by a state"));
  g_assert_true (IIS_IS_ORGANIZATION (iis_catalog_lookup (layered, "sco")));
}

static void
test_layers_cancelled (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *folder = make_folder (fixture, "layer");
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  write_organization (folder, "ok.json", "ok", "loaded");
  g_setenv ("IIS_DATA_PATH", folder, TRUE);

  g_cancellable_cancel (cancellable);
  g_assert_false (iis_catalog_load_data_path (catalog, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (iis_catalog_lookup (catalog, "ok"));
}

/* Only regular files are read in a data folder: a FIFO would block
 * every start, a link to /dev/zero would be read to the size limit
 * (issue #19). Each is refused with a message that names it. */
static void
test_layers_not_regular (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *folder = make_folder (fixture, "layer");
  g_autofree char *fifo = g_build_filename (folder, "20-pipe.json", NULL);
  g_autofree char *zero = g_build_filename (folder, "30-zero.json", NULL);
  g_autoptr(IisCatalog) catalog = NULL;
  g_autoptr(IisCatalog) layered = iis_catalog_new ();
  g_autoptr(GError) error = NULL;

  write_organization (folder, "10-ok.json", "ok", "loaded");
  g_assert_cmpint (symlink ("/dev/zero", zero), ==, 0);
  g_setenv ("IIS_DATA_PATH", folder, TRUE);

  g_assert_false (iis_catalog_load_data_path (layered, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_nonnull (strstr (error->message, "30-zero.json"));
  g_assert_nonnull (strstr (error->message, "not a regular file"));
  g_clear_error (&error);
  g_assert_nonnull (iis_catalog_lookup (layered, "ok"));

  if (mkfifo (fifo, 0600) != 0)
    {
      g_test_skip ("cannot make a FIFO here");
      return;
    }
  g_test_expect_message ("Iis", G_LOG_LEVEL_MESSAGE, "*20-pipe.json*not a regular file*");
  g_test_expect_message ("Iis", G_LOG_LEVEL_MESSAGE, "*30-zero.json*not a regular file*");
  catalog = iis_catalog_new_default ();
  g_test_assert_expected_messages ();
  g_assert_nonnull (iis_catalog_lookup (catalog, "ok"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/iis/layers/override-and-add", test_layers_override_and_add);
  ADD ("/iis/layers/order", test_layers_order);
  ADD ("/iis/layers/ignored-files", test_layers_ignored_files);
  ADD ("/iis/layers/broken-file", test_layers_broken_file);
  ADD ("/iis/layers/type-clash", test_layers_type_clash);
  ADD ("/iis/layers/cancelled", test_layers_cancelled);
  ADD ("/iis/layers/not-regular", test_layers_not_regular);

#undef ADD

  return g_test_run ();
}
