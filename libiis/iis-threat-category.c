/* iis-threat-category.c: a category of threat in the information sphere
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "iis-threat-category.h"

/**
 * IisThreatCategory:
 *
 * A category of threat in the information sphere, such as the
 * "information terrorism" of the 2009 SCO agreement, with the
 * definition an instrument gives it.
 *
 * Categories form a hierarchy through `part-of` relations, a narrower
 * category being part of a broader one. Agreements and forums are linked
 * to the categories they deal with by `addresses` relations.
 *
 * ```c
 * g_autoptr(IisThreatCategory) terrorism =
 *   g_object_new (IIS_TYPE_THREAT_CATEGORY,
 *                 "id", "information-terrorism",
 *                 "name", "Information terrorism",
 *                 "definition", "Using information resources or acting on "
 *                               "them in the information space for "
 *                               "terrorist ends",
 *                 NULL);
 * ```
 *
 * Since: 1.0
 */

struct _IisThreatCategory
{
  IisEntity parent_instance;

  char *definition;
};

G_DEFINE_FINAL_TYPE (IisThreatCategory, iis_threat_category, IIS_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_DEFINITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
iis_threat_category_finalize (GObject *object)
{
  IisThreatCategory *self = IIS_THREAT_CATEGORY (object);

  g_clear_pointer (&self->definition, g_free);

  G_OBJECT_CLASS (iis_threat_category_parent_class)->finalize (object);
}

static void
iis_threat_category_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  IisThreatCategory *self = IIS_THREAT_CATEGORY (object);

  switch (prop_id)
    {
    case PROP_DEFINITION:
      g_value_set_string (value, self->definition);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iis_threat_category_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  IisThreatCategory *self = IIS_THREAT_CATEGORY (object);

  switch (prop_id)
    {
    case PROP_DEFINITION:
      iis_threat_category_set_definition (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iis_threat_category_class_init (IisThreatCategoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iis_threat_category_finalize;
  object_class->get_property = iis_threat_category_get_property;
  object_class->set_property = iis_threat_category_set_property;

  /**
   * IisThreatCategory:definition:
   *
   * The definition of the category, as an instrument gives it.
   *
   * Since: 1.0
   */
  properties[PROP_DEFINITION] =
    g_param_spec_string ("definition", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
iis_threat_category_init (IisThreatCategory *self)
{
}

/**
 * iis_threat_category_new:
 * @id: the id of the category, non-empty
 * @name: (nullable): its plain name
 *
 * Creates a threat category.
 *
 * Returns: (transfer full): a new threat category
 *
 * Since: 1.0
 */
IisThreatCategory *
iis_threat_category_new (const char *id,
                         const char *name)
{
  g_return_val_if_fail (id != NULL && id[0] != '\0', NULL);

  return g_object_new (IIS_TYPE_THREAT_CATEGORY,
                       "id", id,
                       "name", name,
                       NULL);
}

/**
 * iis_threat_category_get_definition:
 * @self: a threat category
 *
 * Gets the definition of the category.
 *
 * Returns: (nullable): the definition
 *
 * Since: 1.0
 */
const char *
iis_threat_category_get_definition (IisThreatCategory *self)
{
  g_return_val_if_fail (IIS_IS_THREAT_CATEGORY (self), NULL);

  return self->definition;
}

/**
 * iis_threat_category_set_definition:
 * @self: a threat category
 * @definition: (nullable): the definition
 *
 * Sets the definition of the category.
 *
 * Since: 1.0
 */
void
iis_threat_category_set_definition (IisThreatCategory *self,
                                    const char        *definition)
{
  g_return_if_fail (IIS_IS_THREAT_CATEGORY (self));

  if (g_strcmp0 (self->definition, definition) == 0)
    return;

  g_free (self->definition);
  self->definition = g_strdup (definition);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEFINITION]);
}
