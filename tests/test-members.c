/* test-members.c: every property of every entity type survives the file
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Driven by the property specs, not by a list written here: for each
 * type derived from IisEntity, every writable property gets a value
 * other than its default, and the entity goes through the file both
 * ways. A property the writer misses, or the reader does not map back
 * (it would come back as an unknown member, or not at all), fails the
 * test with the property's name; so does a member of the format's
 * table (libiis/iis-format.c) with no property of its name.
 *
 * Sources are not in the table: their members are read, written, copied
 * and pooled by hand (iis-reader-elements.c, iis-writer.c,
 * iis-catalog-store.c). /members/source holds every property of
 * IisSource to the same test, and to the pool's: two sources that differ
 * by one property only stay two.
 *
 * /members/show runs the built `iis show --format json` (IIS_TOOL) on an
 * entity of each type with every property set, with an other name and a
 * source with every property set: every member the writer writes must
 * be in what the tool shows, down into other names and sources.
 */

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "iis-entity-private.h"
#include "iis-format-private.h"
#include "iis-source-private.h"
#include "iis-writer-private.h"
#include "iis-test-util.h"

/* The entity types: every concrete type derived from IisEntity. */
static GArray *
entity_types (void)
{
  GArray *types = g_array_new (FALSE, FALSE, sizeof (GType));
  guint n = 0;
  g_autofree GType *children = NULL;

  /* Make sure every type is registered before asking for the children. */
  g_type_ensure (IIS_TYPE_STATE);
  g_type_ensure (IIS_TYPE_ORGANIZATION);
  g_type_ensure (IIS_TYPE_AGREEMENT);
  g_type_ensure (IIS_TYPE_FORUM);
  g_type_ensure (IIS_TYPE_THREAT_CATEGORY);

  children = g_type_children (IIS_TYPE_ENTITY, &n);
  for (guint i = 0; i < n; i++)
    if (!G_TYPE_IS_ABSTRACT (children[i]))
      g_array_append_val (types, children[i]);
  g_assert_cmpuint (types->len, >=, 5);
  return types;
}

static const IisMember *
find_member (GType       type,
             const char *name)
{
  for (const IisMember *m = _iis_format_get_entity_members (type);
       m != NULL && m->name != NULL; m++)
    if (g_str_equal (m->name, name))
      return m;
  return NULL;
}

/* A value other than @pspec's default that the file format accepts. */
static void
set_other_value (GType       type,
                 GParamSpec *pspec,
                 GValue     *value)
{
  const IisMember *member = find_member (type, pspec->name);

  g_value_init (value, pspec->value_type);
  if (G_IS_PARAM_SPEC_STRING (pspec))
    {
      if (member != NULL && member->check == IIS_MEMBER_CHECK_CODE)
        g_value_take_string (value, g_strndup ("QZXY", member->arg));
      else
        g_value_take_string (value, g_strdup_printf ("the %s", pspec->name));
    }
  else if (G_IS_PARAM_SPEC_ENUM (pspec))
    {
      GEnumClass *klass = G_PARAM_SPEC_ENUM (pspec)->enum_class;
      int other = klass->values[klass->n_values - 1].value;

      if (other == G_PARAM_SPEC_ENUM (pspec)->default_value)
        other = klass->values[0].value;
      g_assert_cmpint (other, !=, G_PARAM_SPEC_ENUM (pspec)->default_value);
      g_value_set_enum (value, other);
    }
  else if (G_IS_PARAM_SPEC_UINT (pspec))
    {
      GParamSpecUInt *range = G_PARAM_SPEC_UINT (pspec);

      g_value_set_uint (value, MIN (range->maximum, MAX (range->minimum, 1) + 6));
      g_assert_cmpuint (g_value_get_uint (value), !=, range->default_value);
    }
  else if (G_IS_PARAM_SPEC_BOOLEAN (pspec))
    {
      g_value_set_boolean (value, !G_PARAM_SPEC_BOOLEAN (pspec)->default_value);
    }
  else if (pspec->value_type == IIS_TYPE_DATE)
    {
      g_autoptr(IisDate) date = iis_date_new (2001, 2, 3);

      g_value_set_boxed (value, date);
    }
  else if (pspec->value_type == G_TYPE_STRV)
    {
      const char * const items[] = { "one", "two", NULL };

      g_value_set_boxed (value, items);
    }
  else
    {
      /* A new kind of property: teach the file format (and this test)
       * how to hold it. */
      g_test_message ("%s:%s has a type the file format does not hold: %s",
                      g_type_name (type), pspec->name, g_type_name (pspec->value_type));
      g_test_fail ();
    }
}

/* Writable properties, other than the construct-only id. */
static gboolean
is_content (GParamSpec *pspec)
{
  return (pspec->flags & G_PARAM_WRITABLE) != 0
         && (pspec->flags & G_PARAM_CONSTRUCT_ONLY) == 0;
}

static IisEntity *
make_full_entity (GType type)
{
  g_autoptr(GTypeClass) type_class = g_type_class_ref (type);
  GObjectClass *klass = G_OBJECT_CLASS (type_class);
  IisEntity *entity = g_object_new (type, "id", "full", NULL);
  guint n = 0;
  g_autofree GParamSpec **pspecs = g_object_class_list_properties (klass, &n);

  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if (!is_content (pspecs[i]))
        continue;
      set_other_value (type, pspecs[i], &value);
      if (G_IS_VALUE (&value))
        g_object_set_property (G_OBJECT (entity), pspecs[i]->name, &value);
    }
  return entity;
}

/* The JSON object of the only entity of a document. */
static JsonObject *
entity_object (JsonParser *parser,
               const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *entities;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  entities = json_object_get_array_member (root, "entities");
  g_assert_cmpuint (json_array_get_length (entities), ==, 1);
  return json_array_get_object_element (entities, 0);
}

/* g_param_values_cmp() compares boxed values by address. */
static gboolean
values_equal (GParamSpec   *pspec,
              const GValue *a,
              const GValue *b)
{
  if (pspec->value_type == IIS_TYPE_DATE)
    return iis_date_equal (g_value_get_boxed (a), g_value_get_boxed (b));
  if (pspec->value_type == G_TYPE_STRV)
    return g_strv_equal (g_value_get_boxed (a), g_value_get_boxed (b));
  g_assert_false (G_IS_PARAM_SPEC_BOXED (pspec));
  return g_param_values_cmp (pspec, a, b) == 0;
}

/* Object → file → object, then file → object → file, for one type. */
static void
test_round_trip (gconstpointer data)
{
  GType type = *(const GType *) data;
  g_autoptr(GTypeClass) type_class = g_type_class_ref (type);
  GObjectClass *klass = G_OBJECT_CLASS (type_class);
  g_autoptr(IisCatalog) first = iis_catalog_new ();
  g_autoptr(IisCatalog) second = iis_catalog_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  g_autofree GParamSpec **pspecs = NULL;
  JsonObject *written;
  JsonObject *unknown;
  IisEntity *original;
  IisEntity *loaded;
  guint n = 0;

  original = make_full_entity (type);
  iis_test_add (first, original);
  text = iis_test_dump (first);
  written = entity_object (parser, text);

  g_assert_true (iis_catalog_load_from_data (second, text, -1, &error));
  g_assert_no_error (error);
  loaded = iis_catalog_lookup (second, "full");
  g_assert_nonnull (loaded);
  g_assert_true (G_OBJECT_TYPE (loaded) == type);

  pspecs = g_object_class_list_properties (klass, &n);
  for (guint i = 0; i < n; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_auto(GValue) before = G_VALUE_INIT;
      g_auto(GValue) after = G_VALUE_INIT;

      if (!is_content (pspec))
        continue;
      g_test_message ("%s:%s", g_type_name (type), pspec->name);

      /* The writer writes it, under the property's name */
      g_assert_true (json_object_has_member (written, pspec->name));

      /* The reader maps it back onto the property, not as an unknown
       * member */
      unknown = _iis_entity_get_unknown (loaded);
      g_assert_false (unknown != NULL && json_object_has_member (unknown, pspec->name));
      g_value_init (&before, pspec->value_type);
      g_value_init (&after, pspec->value_type);
      g_object_get_property (G_OBJECT (original), pspec->name, &before);
      g_object_get_property (G_OBJECT (loaded), pspec->name, &after);
      g_assert_true (values_equal (pspec, &before, &after));
    }
  g_assert_null (_iis_entity_get_unknown (loaded));

  /* And the file comes back as it was. */
  again = iis_test_dump (second);
  g_assert_cmpstr (again, ==, text);
}

/* Every member of the format's table is a property of its type. */
static void
test_table_names_properties (void)
{
  g_autoptr(GArray) types = entity_types ();

  for (guint i = 0; i < types->len; i++)
    {
      GType type = g_array_index (types, GType, i);
      g_autoptr(GTypeClass) type_class = g_type_class_ref (type);
      GObjectClass *klass = G_OBJECT_CLASS (type_class);
      GObjectClass *entity_class = g_type_class_peek (IIS_TYPE_ENTITY);
      const IisMember *members = _iis_format_get_entity_members (type);
      guint n = 0;
      g_autofree GParamSpec **pspecs = g_object_class_list_properties (klass, &n);

      for (const IisMember *m = members; m != NULL && m->name != NULL; m++)
        {
          g_test_message ("%s: member %s", g_type_name (type), m->name);
          g_assert_nonnull (g_object_class_find_property (klass, m->name));
        }
      /* …and every property the type adds is in the table. */
      for (guint k = 0; k < n; k++)
        {
          if (g_object_class_find_property (entity_class, pspecs[k]->name) != NULL)
            continue;
          g_test_message ("%s: property %s", g_type_name (type), pspecs[k]->name);
          g_assert_true (_iis_format_members_contain (members, pspecs[k]->name));
        }
    }
}

/* A value for @pspec of IisSource: @text for a string, a year for the
 * date. */
static void
set_source_value (IisSource  *source,
                  GParamSpec *pspec,
                  const char *text,
                  const char *year)
{
  if (pspec->value_type == G_TYPE_STRING)
    {
      g_object_set (source, pspec->name, text, NULL);
    }
  else
    {
      g_autoptr(IisDate) date = iis_test_date (year);

      g_assert_true (pspec->value_type == IIS_TYPE_DATE);
      g_object_set (source, pspec->name, date, NULL);
    }
}

static IisSource *
make_full_source (GParamSpec **pspecs,
                  guint        n)
{
  IisSource *source = iis_source_new (NULL);

  for (guint i = 0; i < n; i++)
    set_source_value (source, pspecs[i], pspecs[i]->name, "2009");
  return source;
}

static void
test_source (void)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (IIS_TYPE_SOURCE);
  g_autofree GParamSpec **pspecs = NULL;
  const char * const *known = _iis_writer_get_members ("source");
  guint n = 0;

  pspecs = g_object_class_list_properties (G_OBJECT_CLASS (klass), &n);
  g_assert_cmpuint (n, >=, 7);
  for (guint i = 0; i < n; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_autoptr(IisCatalog) first = iis_catalog_new ();
      g_autoptr(IisCatalog) second = iis_catalog_new ();
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(IisSource) full = make_full_source (pspecs, n);
      g_autoptr(IisSource) other = make_full_source (pspecs, n);
      g_autoptr(IisRelation) relation = NULL;
      g_autoptr(GListModel) relations = NULL;
      g_autoptr(IisRelation) loaded = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      g_autofree char *again = NULL;
      JsonArray *written;
      GListModel *sources;

      g_test_message ("IisSource:%s", pspec->name);
      /* The format knows it: no "unknown member" warning. */
      g_assert_true (g_strv_contains (known, pspec->name));

      set_source_value (other, pspec, "other", "2010");
      g_assert_false (iis_source_equal (full, other));
      iis_test_add (first, g_object_new (IIS_TYPE_STATE, "id", "AL", NULL));
      iis_test_add (first, g_object_new (IIS_TYPE_ORGANIZATION, "id", "coe", NULL));
      relation = g_object_new (IIS_TYPE_RELATION, "kind", IIS_RELATION_KIND_MEMBER_OF,
                               "subject", iis_catalog_lookup (first, "AL"),
                               "object", iis_catalog_lookup (first, "coe"), NULL);
      iis_relation_add_source (relation, full);
      iis_relation_add_source (relation, other);
      g_assert_true (iis_catalog_add_relation (first, relation, &error));
      g_assert_no_error (error);
      /* The pool keeps them apart. */
      g_assert_cmpuint (g_list_model_get_n_items (iis_relation_get_sources (relation)), ==, 2);

      /* The writer writes it… */
      text = iis_test_dump (first);
      g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
      g_assert_no_error (error);
      written = json_object_get_array_member (
        json_array_get_object_element (
          json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                        "relations"), 0), "sources");
      g_assert_cmpuint (json_array_get_length (written), ==, 2);
      g_assert_true (json_object_has_member (json_array_get_object_element (written, 0),
                                             pspec->name));

      /* …and the reader maps it back onto the property. */
      g_assert_true (iis_catalog_load_from_data (second, text, -1, &error));
      g_assert_no_error (error);
      relations = iis_catalog_list_relations (second, NULL, IIS_RELATION_KIND_ANY, NULL);
      g_assert_cmpuint (g_list_model_get_n_items (relations), ==, 1);
      loaded = g_list_model_get_item (relations, 0);
      sources = iis_relation_get_sources (loaded);
      g_assert_cmpuint (g_list_model_get_n_items (sources), ==, 2);
      for (guint k = 0; k < 2; k++)
        {
          g_autoptr(IisSource) source = g_list_model_get_item (sources, k);

          g_assert_null (_iis_source_get_unknown (source));
          g_assert_true (iis_source_equal (source, k == 0 ? full : other));
        }

      again = iis_test_dump (second);
      g_assert_cmpstr (again, ==, text);
    }
}

/* An other name with every property of IisName set (they are
 * construct-only). */
static IisName *
make_full_name (void)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (IIS_TYPE_NAME);
  g_autofree GParamSpec **pspecs = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GArray) values = g_array_new (FALSE, TRUE, sizeof (GValue));
  IisName *name;
  guint n = 0;

  g_array_set_clear_func (values, (GDestroyNotify) g_value_unset);
  pspecs = g_object_class_list_properties (G_OBJECT_CLASS (klass), &n);
  g_array_set_size (values, n);
  for (guint i = 0; i < n; i++)
    {
      GValue *value = &g_array_index (values, GValue, i);

      g_value_init (value, pspecs[i]->value_type);
      if (pspecs[i]->value_type == G_TYPE_STRING)
        {
          g_value_set_string (value, pspecs[i]->name);
        }
      else
        {
          g_autoptr(IisDate) date = iis_test_date (i % 2 == 0 ? "1990" : "2000");

          g_assert_true (pspecs[i]->value_type == IIS_TYPE_DATE);
          g_value_set_boxed (value, date);
        }
      g_ptr_array_add (names, (gpointer) pspecs[i]->name);
    }
  name = IIS_NAME (g_object_new_with_properties (IIS_TYPE_NAME, n, (const char **) names->pdata,
                                                 (const GValue *) values->data));
  return name;
}

/* Every member of @written is one of @shown; for the lists of other
 * names and sources, every member of their first item too. */
static void
assert_members_shown (JsonObject *written,
                      JsonObject *shown,
                      const char *where)
{
  g_autoptr(GList) members = json_object_get_members (written);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *member = l->data;
      JsonNode *inner;

      g_test_message ("%s: %s", where, member);
      g_assert_true (json_object_has_member (shown, member));

      inner = json_object_get_member (written, member);
      if (JSON_NODE_HOLDS_ARRAY (inner)
          && json_array_get_length (json_node_get_array (inner)) > 0
          && JSON_NODE_HOLDS_OBJECT (json_array_get_element (json_node_get_array (inner), 0)))
        {
          JsonArray *shown_items = json_object_get_array_member (shown, member);
          g_autofree char *inner_where = g_strdup_printf ("%s: %s[0]", where, member);

          g_assert_cmpuint (json_array_get_length (shown_items), >, 0);
          assert_members_shown (json_array_get_object_element (json_node_get_array (inner), 0),
                                json_array_get_object_element (shown_items, 0), inner_where);
        }
    }
}

/* `iis show --format json` shows every member the writer writes for an
 * entity of @data's type with every property set, and of its other
 * names and sources: a property the tool misses fails here, as one the
 * writer or the reader misses fails /members/round-trip. */
static void
test_show (gconstpointer data)
{
  GType type = *(const GType *) data;
  const char *tool = g_getenv ("IIS_TOOL");
  g_autoptr(GTypeClass) source_class = g_type_class_ref (IIS_TYPE_SOURCE);
  g_autofree GParamSpec **source_pspecs = NULL;
  g_autoptr(IisCatalog) catalog = iis_catalog_new ();
  g_autoptr(JsonParser) written_parser = json_parser_new ();
  g_autoptr(JsonParser) shown_parser = json_parser_new ();
  g_autoptr(IisSource) source = NULL;
  g_autoptr(IisName) name = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  JsonObject *written;
  IisEntity *entity;
  guint n = 0;
  int fd;
  int wait_status;

  if (tool == NULL)
    {
      g_test_skip ("IIS_TOOL does not name the built iis program");
      return;
    }

  entity = make_full_entity (type);
  iis_entity_set_label (entity, "fr", "le nom");
  iis_entity_set_identifier (entity, "wikidata", "Q1");
  name = make_full_name ();
  iis_entity_add_other_name (entity, name);
  source_pspecs = g_object_class_list_properties (G_OBJECT_CLASS (source_class), &n);
  source = make_full_source (source_pspecs, n);
  iis_entity_add_source (entity, source);
  iis_test_add (catalog, entity);

  text = iis_test_dump (catalog);
  written = entity_object (written_parser, text);

  fd = g_file_open_tmp ("iis-members-XXXXXX.json", &path, &error);
  g_assert_no_error (error);
  g_close (fd, NULL);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);

  {
    const char *argv[] = {
      tool, "--no-default", "--catalog", path, "--format", "json", "show", "full", NULL
    };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                  &out, &err, &wait_status, &error);
  }
  g_unlink (path);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (wait_status, &error))
    g_test_message ("iis show: %s", err);
  g_assert_no_error (error);

  json_parser_load_from_data (shown_parser, out, -1, &error);
  g_assert_no_error (error);
  assert_members_shown (written, json_node_get_object (json_parser_get_root (shown_parser)),
                        g_type_name (type));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GArray) types = NULL;

  g_test_init (&argc, &argv, NULL);

  types = entity_types ();
  for (guint i = 0; i < types->len; i++)
    {
      GType *type = &g_array_index (types, GType, i);
      g_autofree char *round_trip = g_strdup_printf ("/members/round-trip/%s",
                                                     g_type_name (*type));
      g_autofree char *show = g_strdup_printf ("/members/show/%s", g_type_name (*type));

      g_test_add_data_func (round_trip, type, test_round_trip);
      g_test_add_data_func (show, type, test_show);
    }
  g_test_add_func ("/members/table", test_table_names_properties);
  g_test_add_func ("/members/source", test_source);

  return g_test_run ();
}
