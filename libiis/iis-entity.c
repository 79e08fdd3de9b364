/* iis-entity.c: the abstract base of everything a catalog holds
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "iis-agreement.h"
#include "iis-catalog-private.h"
#include "iis-entity-private.h"
#include "iis-forum.h"
#include "iis-organization.h"
#include "iis-state.h"
#include "iis-threat-category.h"

/**
 * IisEntity:
 *
 * The abstract base of every object a catalog holds: states,
 * organizations, agreements, forums and threat categories.
 *
 * An entity has a stable string id, unique in its catalog and fixed at
 * construction, and a plain name (in English by convention). It may also
 * have
 *
 * - labels: its name in other languages, by language tag
 *   ([method@Iis.Entity.set_label]); [method@Iis.Entity.get_display_name]
 *   picks the one for the user's locale;
 * - other and former names, with the period they were in use
 *   ([class@Iis.Name]);
 * - identifiers in external schemes such as `iso3166-1`, `wikidata` or
 *   `un-document` ([method@Iis.Entity.set_identifier]), which the catalog
 *   indexes for [method@Iis.Catalog.find_by_identifier];
 * - a description and sources ([class@Iis.Source]).
 *
 * Entities are built from properties, so every binding can create them
 * the same way:
 *
 * ```c
 * g_autoptr(IisState) uz = g_object_new (IIS_TYPE_STATE,
 *                                        "id", "UZ",
 *                                        "name", "Uzbekistan",
 *                                        "alpha-2", "UZ",
 *                                        NULL);
 *
 * iis_entity_set_label (IIS_ENTITY (uz), "ru", "Узбекистан");
 * iis_entity_set_identifier (IIS_ENTITY (uz), "wikidata", "Q265");
 * g_print ("%s\n", iis_entity_get_display_name (IIS_ENTITY (uz)));
 * ```
 *
 * The concrete types are final; each has a type nick used by the file
 * format and the command line ([func@Iis.Entity.type_to_nick]).
 *
 * Since: 1.0
 */

typedef struct
{
  char *id;
  char *name;
  char *description;

  GHashTable *labels;        /* lang → text; NULL until the first label */
  GHashTable *identifiers;   /* scheme → value; NULL until the first one */
  GListStore *other_names;   /* of IisName; NULL until needed */
  GListStore *sources;       /* of IisSource; NULL until needed */
  JsonObject *unknown;

  IisCatalog *catalog;       /* not a reference */
  guint32     slot;
} IisEntityPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (IisEntity, iis_entity, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct {
  const char *nick;
  GType     (*get_type) (void);
} type_nicks[] = {
  { "state", iis_state_get_type },
  { "organization", iis_organization_get_type },
  { "agreement", iis_agreement_get_type },
  { "forum", iis_forum_get_type },
  { "threat-category", iis_threat_category_get_type },
};

static void
iis_entity_constructed (GObject *object)
{
  IisEntity *self = IIS_ENTITY (object);
  IisEntityPrivate *priv = iis_entity_get_instance_private (self);

  G_OBJECT_CLASS (iis_entity_parent_class)->constructed (object);

  if (priv->id == NULL || priv->id[0] == '\0')
    g_critical ("An %s must be constructed with a non-empty “id”",
                G_OBJECT_TYPE_NAME (object));
}

static void
iis_entity_dispose (GObject *object)
{
  IisEntity *self = IIS_ENTITY (object);
  IisEntityPrivate *priv = iis_entity_get_instance_private (self);

  g_clear_object (&priv->other_names);
  g_clear_object (&priv->sources);

  G_OBJECT_CLASS (iis_entity_parent_class)->dispose (object);
}

static void
iis_entity_finalize (GObject *object)
{
  IisEntity *self = IIS_ENTITY (object);
  IisEntityPrivate *priv = iis_entity_get_instance_private (self);

  g_clear_pointer (&priv->id, g_free);
  g_clear_pointer (&priv->name, g_free);
  g_clear_pointer (&priv->description, g_free);
  g_clear_pointer (&priv->labels, g_hash_table_unref);
  g_clear_pointer (&priv->identifiers, g_hash_table_unref);
  g_clear_pointer (&priv->unknown, json_object_unref);

  G_OBJECT_CLASS (iis_entity_parent_class)->finalize (object);
}

static void
iis_entity_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  IisEntity *self = IIS_ENTITY (object);
  IisEntityPrivate *priv = iis_entity_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, priv->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, priv->name);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, priv->description);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iis_entity_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  IisEntity *self = IIS_ENTITY (object);
  IisEntityPrivate *priv = iis_entity_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:
      g_assert (priv->id == NULL);
      priv->id = g_value_dup_string (value);
      break;
    case PROP_NAME:
      iis_entity_set_name (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      iis_entity_set_description (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iis_entity_class_init (IisEntityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = iis_entity_constructed;
  object_class->dispose = iis_entity_dispose;
  object_class->finalize = iis_entity_finalize;
  object_class->get_property = iis_entity_get_property;
  object_class->set_property = iis_entity_set_property;

  /**
   * IisEntity:id:
   *
   * The id of the entity: a non-empty string, unique in its catalog,
   * fixed at construction.
   *
   * Since: 1.0
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * IisEntity:name:
   *
   * The plain name of the entity, in English by convention. Names in
   * other languages are labels ([method@Iis.Entity.set_label]).
   *
   * Since: 1.0
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * IisEntity:description:
   *
   * A short description of the entity.
   *
   * Since: 1.0
   */
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
iis_entity_init (IisEntity *self)
{
  IisEntityPrivate *priv = iis_entity_get_instance_private (self);

  priv->slot = IIS_ENTITY_NO_SLOT;
}

/**
 * iis_entity_get_id:
 * @self: an entity
 *
 * Gets the id of the entity.
 *
 * Returns: the id
 *
 * Since: 1.0
 */
const char *
iis_entity_get_id (IisEntity *self)
{
  IisEntityPrivate *priv;

  g_return_val_if_fail (IIS_IS_ENTITY (self), NULL);

  priv = iis_entity_get_instance_private (self);

  return priv->id;
}

/**
 * iis_entity_type_to_nick:
 * @type: an entity type, such as `IIS_TYPE_STATE`
 *
 * Gets the nick of an entity type, as the file format and the command
 * line write it: `"state"`, `"organization"`, `"agreement"`, `"forum"` or
 * `"threat-category"`.
 *
 * Returns: (nullable): the nick, or %NULL if @type is not one of the
 *   concrete entity types
 *
 * Since: 1.0
 */
const char *
iis_entity_type_to_nick (GType type)
{
  for (gsize i = 0; i < G_N_ELEMENTS (type_nicks); i++)
    if (type == type_nicks[i].get_type ())
      return type_nicks[i].nick;

  return NULL;
}

/**
 * iis_entity_type_from_nick:
 * @nick: a type nick, such as `"state"`
 *
 * Gets the entity type a nick names; the reverse of
 * [func@Iis.Entity.type_to_nick].
 *
 * Returns: the type, or %G_TYPE_INVALID if @nick names no entity type
 *
 * Since: 1.0
 */
GType
iis_entity_type_from_nick (const char *nick)
{
  g_return_val_if_fail (nick != NULL, G_TYPE_INVALID);

  for (gsize i = 0; i < G_N_ELEMENTS (type_nicks); i++)
    if (strcmp (nick, type_nicks[i].nick) == 0)
      return type_nicks[i].get_type ();

  return G_TYPE_INVALID;
}

/**
 * iis_entity_get_type_nick:
 * @self: an entity
 *
 * Gets the nick of the entity's type, such as `"state"`; see
 * [func@Iis.Entity.type_to_nick].
 *
 * Returns: the type nick
 *
 * Since: 1.0
 */
const char *
iis_entity_get_type_nick (IisEntity *self)
{
  g_return_val_if_fail (IIS_IS_ENTITY (self), NULL);

  return iis_entity_type_to_nick (G_OBJECT_TYPE (self));
}

/**
 * iis_entity_get_name:
 * @self: an entity
 *
 * Gets the plain name of the entity.
 *
 * Returns: (nullable): the name
 *
 * Since: 1.0
 */
const char *
iis_entity_get_name (IisEntity *self)
{
  IisEntityPrivate *priv;

  g_return_val_if_fail (IIS_IS_ENTITY (self), NULL);

  priv = iis_entity_get_instance_private (self);

  return priv->name;
}

/**
 * iis_entity_set_name:
 * @self: an entity
 * @name: (nullable): the plain name
 *
 * Sets the plain name of the entity.
 *
 * Since: 1.0
 */
void
iis_entity_set_name (IisEntity  *self,
                     const char *name)
{
  IisEntityPrivate *priv;

  g_return_if_fail (IIS_IS_ENTITY (self));

  priv = iis_entity_get_instance_private (self);

  if (g_strcmp0 (priv->name, name) == 0)
    return;

  g_free (priv->name);
  priv->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

/**
 * iis_entity_get_description:
 * @self: an entity
 *
 * Gets the description of the entity.
 *
 * Returns: (nullable): the description
 *
 * Since: 1.0
 */
const char *
iis_entity_get_description (IisEntity *self)
{
  IisEntityPrivate *priv;

  g_return_val_if_fail (IIS_IS_ENTITY (self), NULL);

  priv = iis_entity_get_instance_private (self);

  return priv->description;
}

/**
 * iis_entity_set_description:
 * @self: an entity
 * @description: (nullable): a short description
 *
 * Sets the description of the entity.
 *
 * Since: 1.0
 */
void
iis_entity_set_description (IisEntity  *self,
                            const char *description)
{
  IisEntityPrivate *priv;

  g_return_if_fail (IIS_IS_ENTITY (self));

  priv = iis_entity_get_instance_private (self);

  if (g_strcmp0 (priv->description, description) == 0)
    return;

  g_free (priv->description);
  priv->description = g_strdup (description);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

/* The label for one language, trying the language itself, then its
 * locale variants ("ru_RU.UTF-8" → "ru_RU" → "ru"); a tag written with
 * dashes ("ru-RU") falls back to its primary subtag too. */
static const char *
lookup_label (IisEntityPrivate *priv,
              const char       *lang)
{
  const char *text;
  g_auto(GStrv) variants = NULL;
  const char *dash;

  if (priv->labels == NULL)
    return NULL;

  text = g_hash_table_lookup (priv->labels, lang);
  if (text != NULL)
    return text;

  variants = g_get_locale_variants (lang);
  for (guint i = 0; variants[i] != NULL; i++)
    {
      text = g_hash_table_lookup (priv->labels, variants[i]);
      if (text != NULL)
        return text;
    }

  dash = strchr (lang, '-');
  if (dash != NULL && dash != lang)
    {
      g_autofree char *primary = g_strndup (lang, (gsize) (dash - lang));

      return g_hash_table_lookup (priv->labels, primary);
    }

  return NULL;
}

/**
 * iis_entity_get_label:
 * @self: an entity
 * @lang: (nullable): a language tag such as `ru`, or %NULL for the
 *   user's languages
 *
 * Gets the name of the entity in a language.
 *
 * With a language, looks up the label for that language, then for its
 * more general forms: `ru_RU.UTF-8`, then `ru_RU`, then `ru`. Returns
 * %NULL if there is none.
 *
 * With %NULL, walks the user's languages in the order
 * g_get_language_names() gives them (from `LANGUAGE`, `LC_ALL`,
 * `LC_MESSAGES` and `LANG`) and returns the first label found, falling
 * back to the plain [property@Iis.Entity:name].
 *
 * Returns: (nullable): the label
 *
 * Since: 1.0
 */
const char *
iis_entity_get_label (IisEntity  *self,
                      const char *lang)
{
  IisEntityPrivate *priv;
  const char * const *languages;

  g_return_val_if_fail (IIS_IS_ENTITY (self), NULL);

  priv = iis_entity_get_instance_private (self);

  if (lang != NULL)
    return lookup_label (priv, lang);

  if (priv->labels == NULL)
    return priv->name;

  /* Already expanded into variants, most specific first. */
  languages = g_get_language_names ();
  for (guint i = 0; languages[i] != NULL; i++)
    {
      const char *text = g_hash_table_lookup (priv->labels, languages[i]);

      if (text != NULL)
        return text;
    }

  return priv->name;
}

/**
 * iis_entity_set_label:
 * @self: an entity
 * @lang: a language tag such as `ru`
 * @text: (nullable): the name in that language, or %NULL to remove the
 *   label
 *
 * Sets or removes the name of the entity in a language.
 *
 * Since: 1.0
 */
void
iis_entity_set_label (IisEntity  *self,
                      const char *lang,
                      const char *text)
{
  IisEntityPrivate *priv;

  g_return_if_fail (IIS_IS_ENTITY (self));
  g_return_if_fail (lang != NULL && lang[0] != '\0');

  priv = iis_entity_get_instance_private (self);

  if (text == NULL)
    {
      if (priv->labels != NULL)
        g_hash_table_remove (priv->labels, lang);
      return;
    }

  if (priv->labels == NULL)
    priv->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_hash_table_insert (priv->labels, g_strdup (lang), g_strdup (text));
}

static int
compare_strv_items (const void *a,
                    const void *b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static char **
dup_sorted_keys (GHashTable *table)
{
  char **keys;

  if (table == NULL)
    return g_new0 (char *, 1);

  keys = (char **) g_hash_table_get_keys_as_array (table, NULL);
  for (guint i = 0; keys[i] != NULL; i++)
    keys[i] = g_strdup (keys[i]);
  qsort (keys, g_strv_length (keys), sizeof (char *), compare_strv_items);

  return keys;
}

/**
 * iis_entity_dup_label_languages:
 * @self: an entity
 *
 * Gets the languages the entity has labels in.
 *
 * Returns: (transfer full) (array zero-terminated=1): the language tags,
 *   sorted; empty if there are no labels
 *
 * Since: 1.0
 */
char **
iis_entity_dup_label_languages (IisEntity *self)
{
  IisEntityPrivate *priv;

  g_return_val_if_fail (IIS_IS_ENTITY (self), NULL);

  priv = iis_entity_get_instance_private (self);

  return dup_sorted_keys (priv->labels);
}

/**
 * iis_entity_get_display_name:
 * @self: an entity
 *
 * Gets the name to show the user: the label for the user's languages
 * (see [method@Iis.Entity.get_label] with %NULL), else the plain name,
 * else the id.
 *
 * Returns: the name to display
 *
 * Since: 1.0
 */
const char *
iis_entity_get_display_name (IisEntity *self)
{
  IisEntityPrivate *priv;
  const char *label;

  g_return_val_if_fail (IIS_IS_ENTITY (self), NULL);

  priv = iis_entity_get_instance_private (self);

  label = iis_entity_get_label (self, NULL);
  return label != NULL ? label : priv->id;
}

/**
 * iis_entity_add_other_name:
 * @self: an entity
 * @name: another or a former name
 *
 * Adds another name of the entity, such as a former name with the
 * period it was used.
 *
 * Since: 1.0
 */
void
iis_entity_add_other_name (IisEntity *self,
                           IisName   *name)
{
  IisEntityPrivate *priv;

  g_return_if_fail (IIS_IS_ENTITY (self));
  g_return_if_fail (IIS_IS_NAME (name));

  priv = iis_entity_get_instance_private (self);

  if (priv->other_names == NULL)
    priv->other_names = g_list_store_new (IIS_TYPE_NAME);
  g_list_store_append (priv->other_names, name);
}

/**
 * iis_entity_get_other_names:
 * @self: an entity
 *
 * Gets the other and former names of the entity, in the order they
 * were added. The list follows later additions.
 *
 * Returns: (transfer none): a list of [class@Iis.Name]
 *
 * Since: 1.0
 */
GListModel *
iis_entity_get_other_names (IisEntity *self)
{
  IisEntityPrivate *priv;

  g_return_val_if_fail (IIS_IS_ENTITY (self), NULL);

  priv = iis_entity_get_instance_private (self);

  /* Made on first use; threads asking at once agree on one list. */
  if (g_atomic_pointer_get (&priv->other_names) == NULL)
    {
      GListStore *store = g_list_store_new (IIS_TYPE_NAME);

      if (!g_atomic_pointer_compare_and_exchange (&priv->other_names, NULL, store))
        g_object_unref (store);
    }
  return G_LIST_MODEL (priv->other_names);
}

/**
 * iis_entity_get_identifier:
 * @self: an entity
 * @scheme: an identifier scheme, such as `wikidata`
 *
 * Gets the identifier of the entity in an external scheme.
 *
 * Returns: (nullable): the identifier, or %NULL if there is none
 *
 * Since: 1.0
 */
const char *
iis_entity_get_identifier (IisEntity  *self,
                           const char *scheme)
{
  IisEntityPrivate *priv;

  g_return_val_if_fail (IIS_IS_ENTITY (self), NULL);
  g_return_val_if_fail (scheme != NULL, NULL);

  priv = iis_entity_get_instance_private (self);

  if (priv->identifiers == NULL)
    return NULL;
  return g_hash_table_lookup (priv->identifiers, scheme);
}

/**
 * iis_entity_set_identifier:
 * @self: an entity
 * @scheme: an identifier scheme, such as `iso3166-1`, `wikidata` or
 *   `un-document`
 * @value: (nullable): the identifier, or %NULL to remove it
 *
 * Sets or removes the identifier of the entity in an external scheme.
 * When the entity is in a catalog, the catalog's index for
 * [method@Iis.Catalog.find_by_identifier] follows the change.
 *
 * Since: 1.0
 */
void
iis_entity_set_identifier (IisEntity  *self,
                           const char *scheme,
                           const char *value)
{
  IisEntityPrivate *priv;
  g_autofree char *old_value = NULL;
  const char *current;

  g_return_if_fail (IIS_IS_ENTITY (self));
  g_return_if_fail (scheme != NULL && scheme[0] != '\0');

  priv = iis_entity_get_instance_private (self);

  current = priv->identifiers != NULL
            ? g_hash_table_lookup (priv->identifiers, scheme)
            : NULL;
  if (g_strcmp0 (current, value) == 0)
    return;

  /* Keep the old value alive until the catalog has seen it. */
  if (current != NULL)
    {
      g_autofree char *old_scheme = NULL;

      g_hash_table_steal_extended (priv->identifiers, scheme,
                                   (gpointer *) &old_scheme,
                                   (gpointer *) &old_value);
    }

  if (value != NULL)
    {
      if (priv->identifiers == NULL)
        priv->identifiers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_insert (priv->identifiers, g_strdup (scheme), g_strdup (value));
    }

  if (priv->catalog != NULL)
    _iis_catalog_identifier_changed (priv->catalog, self, scheme, old_value, value);
}

/**
 * iis_entity_dup_identifier_schemes:
 * @self: an entity
 *
 * Gets the schemes the entity has identifiers in.
 *
 * Returns: (transfer full) (array zero-terminated=1): the schemes,
 *   sorted; empty if there are no identifiers
 *
 * Since: 1.0
 */
char **
iis_entity_dup_identifier_schemes (IisEntity *self)
{
  IisEntityPrivate *priv;

  g_return_val_if_fail (IIS_IS_ENTITY (self), NULL);

  priv = iis_entity_get_instance_private (self);

  return dup_sorted_keys (priv->identifiers);
}

/**
 * iis_entity_add_source:
 * @self: an entity
 * @source: a source
 *
 * Adds a source of what is known about the entity.
 *
 * Since: 1.0
 */
void
iis_entity_add_source (IisEntity *self,
                       IisSource *source)
{
  IisEntityPrivate *priv;

  g_return_if_fail (IIS_IS_ENTITY (self));
  g_return_if_fail (IIS_IS_SOURCE (source));

  priv = iis_entity_get_instance_private (self);

  if (priv->sources == NULL)
    priv->sources = g_list_store_new (IIS_TYPE_SOURCE);
  g_list_store_append (priv->sources, source);
}

/**
 * iis_entity_get_sources:
 * @self: an entity
 *
 * Gets the sources of the entity, in the order they were added. The
 * list follows later additions.
 *
 * Returns: (transfer none): a list of [class@Iis.Source]
 *
 * Since: 1.0
 */
GListModel *
iis_entity_get_sources (IisEntity *self)
{
  IisEntityPrivate *priv;

  g_return_val_if_fail (IIS_IS_ENTITY (self), NULL);

  priv = iis_entity_get_instance_private (self);

  /* Made on first use; threads asking at once agree on one list. */
  if (g_atomic_pointer_get (&priv->sources) == NULL)
    {
      GListStore *store = g_list_store_new (IIS_TYPE_SOURCE);

      if (!g_atomic_pointer_compare_and_exchange (&priv->sources, NULL, store))
        g_object_unref (store);
    }
  return G_LIST_MODEL (priv->sources);
}

static char *
fold (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);

  return g_utf8_normalize (folded, -1, G_NORMALIZE_ALL);
}

static gboolean
contains_folded (const char *haystack,
                 const char *needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    return FALSE;

  folded = fold (haystack);
  return folded != NULL && strstr (folded, needle) != NULL;
}

/**
 * iis_entity_matches_text:
 * @self: an entity
 * @text: the text to look for
 *
 * Checks whether @text occurs, ignoring case, in the entity's id, name,
 * labels, other names or, for an organization, its acronym. An empty
 * @text matches every entity.
 *
 * Returns: %TRUE if the entity matches
 *
 * Since: 1.0
 */
gboolean
iis_entity_matches_text (IisEntity  *self,
                         const char *text)
{
  IisEntityPrivate *priv;
  g_autofree char *needle = NULL;

  g_return_val_if_fail (IIS_IS_ENTITY (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  priv = iis_entity_get_instance_private (self);

  needle = fold (text);
  if (needle == NULL)
    return FALSE;
  if (needle[0] == '\0')
    return TRUE;

  if (contains_folded (priv->id, needle) || contains_folded (priv->name, needle))
    return TRUE;

  if (IIS_IS_ORGANIZATION (self)
      && contains_folded (iis_organization_get_acronym (IIS_ORGANIZATION (self)), needle))
    return TRUE;

  if (priv->labels != NULL)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, priv->labels);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        if (contains_folded (value, needle))
          return TRUE;
    }

  if (priv->other_names != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (priv->other_names));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(IisName) name = g_list_model_get_item (G_LIST_MODEL (priv->other_names), i);

          if (contains_folded (iis_name_get_text (name), needle))
            return TRUE;
        }
    }

  return FALSE;
}

IisCatalog *
_iis_entity_get_catalog (IisEntity *self)
{
  IisEntityPrivate *priv;

  /* No type check: the catalog calls this in every question, with
   * entities it has checked already. */
  g_return_val_if_fail (self != NULL, NULL);

  priv = iis_entity_get_instance_private (self);

  return priv->catalog;
}

guint32
_iis_entity_get_slot (IisEntity *self)
{
  IisEntityPrivate *priv;

  g_return_val_if_fail (self != NULL, IIS_ENTITY_NO_SLOT);

  priv = iis_entity_get_instance_private (self);

  return priv->slot;
}

void
_iis_entity_attach (IisEntity  *self,
                    IisCatalog *catalog,
                    guint32     slot)
{
  IisEntityPrivate *priv;

  g_return_if_fail (IIS_IS_ENTITY (self));
  g_return_if_fail (catalog != NULL);

  priv = iis_entity_get_instance_private (self);
  g_return_if_fail (priv->catalog == NULL || priv->catalog == catalog);

  priv->catalog = catalog;
  priv->slot = slot;
}

void
_iis_entity_detach (IisEntity *self)
{
  IisEntityPrivate *priv;

  g_return_if_fail (IIS_IS_ENTITY (self));

  priv = iis_entity_get_instance_private (self);

  priv->catalog = NULL;
  priv->slot = IIS_ENTITY_NO_SLOT;
}

JsonObject *
_iis_entity_get_unknown (IisEntity *self)
{
  IisEntityPrivate *priv;

  g_return_val_if_fail (IIS_IS_ENTITY (self), NULL);

  priv = iis_entity_get_instance_private (self);

  return priv->unknown;
}

void
_iis_entity_set_unknown (IisEntity  *self,
                         JsonObject *unknown)
{
  IisEntityPrivate *priv;

  g_return_if_fail (IIS_IS_ENTITY (self));

  priv = iis_entity_get_instance_private (self);

  if (unknown == priv->unknown)
    return;

  if (unknown != NULL)
    json_object_ref (unknown);
  g_clear_pointer (&priv->unknown, json_object_unref);
  priv->unknown = unknown;
}

GHashTable *
_iis_entity_get_identifiers (IisEntity *self)
{
  IisEntityPrivate *priv;

  g_return_val_if_fail (IIS_IS_ENTITY (self), NULL);

  priv = iis_entity_get_instance_private (self);

  return priv->identifiers;
}

GListModel *
_iis_entity_peek_sources (IisEntity *self)
{
  IisEntityPrivate *priv;

  g_return_val_if_fail (IIS_IS_ENTITY (self), NULL);

  priv = iis_entity_get_instance_private (self);
  return (GListModel *) g_atomic_pointer_get (&priv->sources);
}

GListModel *
_iis_entity_peek_other_names (IisEntity *self)
{
  IisEntityPrivate *priv;

  g_return_val_if_fail (IIS_IS_ENTITY (self), NULL);

  priv = iis_entity_get_instance_private (self);
  return (GListModel *) g_atomic_pointer_get (&priv->other_names);
}

const IisDate *
_iis_entity_get_began (IisEntity *self)
{
  if (IIS_IS_ORGANIZATION (self))
    return iis_organization_get_founded (IIS_ORGANIZATION (self));
  if (IIS_IS_STATE (self))
    return iis_state_get_founded (IIS_STATE (self));
  return NULL;
}

const IisDate *
_iis_entity_get_ended (IisEntity *self)
{
  if (IIS_IS_ORGANIZATION (self))
    return iis_organization_get_dissolved (IIS_ORGANIZATION (self));
  if (IIS_IS_STATE (self))
    return iis_state_get_ceased (IIS_STATE (self));
  return NULL;
}
