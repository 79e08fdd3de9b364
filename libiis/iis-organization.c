/* iis-organization.c: an organization, one of its bodies, or an agency
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "iis-catalog-private.h"
#include "iis-date-private.h"
#include "iis-enum-types.h"
#include "iis-organization.h"

/**
 * IisOrganization:
 *
 * An intergovernmental organization, one of its bodies (a council, a
 * secretariat, an executive committee, an expert group), or a national
 * agency, commission or institute.
 *
 * The [property@Iis.Organization:kind] says which. Bodies are linked to
 * their organization with `part-of` relations, members with `member-of`
 * relations. The founding and dissolution dates bound the life of the
 * organization: see [method@Iis.Organization.exists_at].
 *
 * ```c
 * g_autoptr(IisDate) founded = iis_date_new (2001, 6, 15);
 * g_autoptr(IisOrganization) sco =
 *   g_object_new (IIS_TYPE_ORGANIZATION,
 *                 "id", "sco",
 *                 "name", "Shanghai Cooperation Organisation",
 *                 "acronym", "SCO",
 *                 "kind", IIS_ORGANIZATION_KIND_INTERGOVERNMENTAL,
 *                 "founded", founded,
 *                 NULL);
 * ```
 *
 * Since: 1.0
 */

struct _IisOrganization
{
  IisEntity parent_instance;

  char *acronym;
  IisOrganizationKind kind;
  IisDate *founded;
  IisDate *dissolved;
};

G_DEFINE_FINAL_TYPE (IisOrganization, iis_organization, IIS_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_ACRONYM,
  PROP_KIND,
  PROP_FOUNDED,
  PROP_DISSOLVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
iis_organization_finalize (GObject *object)
{
  IisOrganization *self = IIS_ORGANIZATION (object);

  g_clear_pointer (&self->acronym, g_free);
  g_clear_pointer (&self->founded, iis_date_free);
  g_clear_pointer (&self->dissolved, iis_date_free);

  G_OBJECT_CLASS (iis_organization_parent_class)->finalize (object);
}

static void
iis_organization_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  IisOrganization *self = IIS_ORGANIZATION (object);

  switch (prop_id)
    {
    case PROP_ACRONYM:
      g_value_set_string (value, self->acronym);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_FOUNDED:
      g_value_set_boxed (value, self->founded);
      break;
    case PROP_DISSOLVED:
      g_value_set_boxed (value, self->dissolved);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iis_organization_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  IisOrganization *self = IIS_ORGANIZATION (object);

  switch (prop_id)
    {
    case PROP_ACRONYM:
      iis_organization_set_acronym (self, g_value_get_string (value));
      break;
    case PROP_KIND:
      iis_organization_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_FOUNDED:
      iis_organization_set_founded (self, g_value_get_boxed (value));
      break;
    case PROP_DISSOLVED:
      iis_organization_set_dissolved (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iis_organization_class_init (IisOrganizationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iis_organization_finalize;
  object_class->get_property = iis_organization_get_property;
  object_class->set_property = iis_organization_set_property;

  /**
   * IisOrganization:acronym:
   *
   * The usual short form of the name, such as `SCO`.
   *
   * Since: 1.0
   */
  properties[PROP_ACRONYM] =
    g_param_spec_string ("acronym", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * IisOrganization:kind:
   *
   * What kind of organization this is.
   *
   * Since: 1.0
   */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       IIS_TYPE_ORGANIZATION_KIND,
                       IIS_ORGANIZATION_KIND_OTHER,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * IisOrganization:founded:
   *
   * When the organization was founded, or %NULL if that is not known.
   *
   * Since: 1.0
   */
  properties[PROP_FOUNDED] =
    g_param_spec_boxed ("founded", NULL, NULL,
                        IIS_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * IisOrganization:dissolved:
   *
   * When the organization was dissolved (the first date it no longer
   * existed), or %NULL if it still exists or that is not known.
   *
   * Since: 1.0
   */
  properties[PROP_DISSOLVED] =
    g_param_spec_boxed ("dissolved", NULL, NULL,
                        IIS_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
iis_organization_init (IisOrganization *self)
{
  self->kind = IIS_ORGANIZATION_KIND_OTHER;
}

/**
 * iis_organization_new:
 * @id: the id of the organization, non-empty
 * @name: (nullable): its plain name
 *
 * Creates an organization of kind %IIS_ORGANIZATION_KIND_OTHER.
 *
 * Returns: (transfer full): a new organization
 *
 * Since: 1.0
 */
IisOrganization *
iis_organization_new (const char *id,
                      const char *name)
{
  g_return_val_if_fail (id != NULL && id[0] != '\0', NULL);

  return g_object_new (IIS_TYPE_ORGANIZATION,
                       "id", id,
                       "name", name,
                       NULL);
}

/**
 * iis_organization_get_acronym:
 * @self: an organization
 *
 * Gets the acronym of the organization.
 *
 * Returns: (nullable): the acronym
 *
 * Since: 1.0
 */
const char *
iis_organization_get_acronym (IisOrganization *self)
{
  g_return_val_if_fail (IIS_IS_ORGANIZATION (self), NULL);

  return self->acronym;
}

/**
 * iis_organization_set_acronym:
 * @self: an organization
 * @acronym: (nullable): the acronym, such as `SCO`
 *
 * Sets the acronym of the organization.
 *
 * Since: 1.0
 */
void
iis_organization_set_acronym (IisOrganization *self,
                              const char      *acronym)
{
  g_return_if_fail (IIS_IS_ORGANIZATION (self));

  if (g_strcmp0 (self->acronym, acronym) == 0)
    return;

  g_free (self->acronym);
  self->acronym = g_strdup (acronym);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACRONYM]);
}

/**
 * iis_organization_get_kind:
 * @self: an organization
 *
 * Gets what kind of organization this is.
 *
 * Returns: the kind
 *
 * Since: 1.0
 */
IisOrganizationKind
iis_organization_get_kind (IisOrganization *self)
{
  g_return_val_if_fail (IIS_IS_ORGANIZATION (self), IIS_ORGANIZATION_KIND_OTHER);

  return self->kind;
}

/**
 * iis_organization_set_kind:
 * @self: an organization
 * @kind: the kind
 *
 * Sets what kind of organization this is.
 *
 * Since: 1.0
 */
void
iis_organization_set_kind (IisOrganization     *self,
                           IisOrganizationKind  kind)
{
  g_return_if_fail (IIS_IS_ORGANIZATION (self));
  g_return_if_fail (kind <= IIS_ORGANIZATION_KIND_RESEARCH_INSTITUTE);

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}


/**
 * iis_organization_get_founded:
 * @self: an organization
 *
 * Gets when the organization was founded.
 *
 * Returns: (nullable) (transfer none): the founding date
 *
 * Since: 1.0
 */
const IisDate *
iis_organization_get_founded (IisOrganization *self)
{
  g_return_val_if_fail (IIS_IS_ORGANIZATION (self), NULL);

  return self->founded;
}

/**
 * iis_organization_set_founded:
 * @self: an organization
 * @founded: (nullable): the founding date
 *
 * Sets when the organization was founded. The date is copied.
 *
 * Since: 1.0
 */
void
iis_organization_set_founded (IisOrganization *self,
                              const IisDate   *founded)
{
  g_return_if_fail (IIS_IS_ORGANIZATION (self));

  if (_iis_date_replace (&self->founded, founded))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOUNDED]);
}

/**
 * iis_organization_get_dissolved:
 * @self: an organization
 *
 * Gets when the organization was dissolved.
 *
 * Returns: (nullable) (transfer none): the dissolution date
 *
 * Since: 1.0
 */
const IisDate *
iis_organization_get_dissolved (IisOrganization *self)
{
  g_return_val_if_fail (IIS_IS_ORGANIZATION (self), NULL);

  return self->dissolved;
}

/**
 * iis_organization_set_dissolved:
 * @self: an organization
 * @dissolved: (nullable): the dissolution date: the first date the
 *   organization no longer existed
 *
 * Sets when the organization was dissolved. The date is copied.
 *
 * Since: 1.0
 */
void
iis_organization_set_dissolved (IisOrganization *self,
                                const IisDate   *dissolved)
{
  g_return_if_fail (IIS_IS_ORGANIZATION (self));

  if (_iis_date_replace (&self->dissolved, dissolved))
    {
      IisCatalog *catalog = _iis_entity_get_catalog (IIS_ENTITY (self));

      if (catalog != NULL)
        _iis_catalog_lifetime_changed (catalog, IIS_ENTITY (self));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISSOLVED]);
    }
}

/**
 * iis_organization_exists_at:
 * @self: an organization
 * @at: (nullable): a date, or %NULL for "at any time"
 *
 * Checks whether the organization existed at @at: founded by then (or
 * founding date unknown) and not yet dissolved, by the rule described in
 * [struct@Iis.Date].
 *
 * Returns: %TRUE if the organization existed at @at; always %TRUE when
 *   @at is %NULL
 *
 * Since: 1.0
 */
gboolean
iis_organization_exists_at (IisOrganization *self,
                            const IisDate   *at)
{
  g_return_val_if_fail (IIS_IS_ORGANIZATION (self), FALSE);

  return _iis_date_packed_period_holds (_iis_date_pack (self->founded),
                                        _iis_date_pack (self->dissolved),
                                        _iis_date_pack (at));
}
