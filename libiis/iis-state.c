/* iis-state.c: a sovereign state
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "iis-catalog-private.h"
#include "iis-date-private.h"
#include "iis-state.h"

/**
 * IisState:
 *
 * A sovereign state, with its ISO 3166-1 codes.
 *
 * States are members of organizations, signatories of and parties to
 * agreements, and organizers, hosts and participants of forums. The
 * codes are optional; the id of a state is usually its alpha-2 code.
 *
 * Since 1.1 a state has a period: [property@Iis.State:founded] and
 * [property@Iis.State:ceased]. A state that ceased holds no relation
 * from that date on, as an organization that was dissolved; the states
 * that continue or succeeded it say so with `continues` and `succeeds`
 * relations (see [enum@Iis.RelationKind]).
 *
 * ```c
 * g_autoptr(IisState) uz = g_object_new (IIS_TYPE_STATE,
 *                                        "id", "UZ",
 *                                        "name", "Uzbekistan",
 *                                        "alpha-2", "UZ",
 *                                        "alpha-3", "UZB",
 *                                        "numeric", 860,
 *                                        NULL);
 *
 * g_assert_cmpuint (iis_state_get_numeric (uz), ==, 860);
 * ```
 *
 * Since: 1.0
 */

struct _IisState
{
  IisEntity parent_instance;

  char *alpha2;
  char *alpha3;
  guint numeric;
  IisDate *founded;
  IisDate *ceased;
};

G_DEFINE_FINAL_TYPE (IisState, iis_state, IIS_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_ALPHA2,
  PROP_ALPHA3,
  PROP_NUMERIC,
  PROP_FOUNDED,
  PROP_CEASED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
iis_state_finalize (GObject *object)
{
  IisState *self = IIS_STATE (object);

  g_clear_pointer (&self->alpha2, g_free);
  g_clear_pointer (&self->alpha3, g_free);
  g_clear_pointer (&self->founded, iis_date_free);
  g_clear_pointer (&self->ceased, iis_date_free);

  G_OBJECT_CLASS (iis_state_parent_class)->finalize (object);
}

static void
iis_state_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  IisState *self = IIS_STATE (object);

  switch (prop_id)
    {
    case PROP_ALPHA2:
      g_value_set_string (value, self->alpha2);
      break;
    case PROP_ALPHA3:
      g_value_set_string (value, self->alpha3);
      break;
    case PROP_NUMERIC:
      g_value_set_uint (value, self->numeric);
      break;
    case PROP_FOUNDED:
      g_value_set_boxed (value, self->founded);
      break;
    case PROP_CEASED:
      g_value_set_boxed (value, self->ceased);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iis_state_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  IisState *self = IIS_STATE (object);

  switch (prop_id)
    {
    case PROP_ALPHA2:
      iis_state_set_alpha2 (self, g_value_get_string (value));
      break;
    case PROP_ALPHA3:
      iis_state_set_alpha3 (self, g_value_get_string (value));
      break;
    case PROP_NUMERIC:
      iis_state_set_numeric (self, g_value_get_uint (value));
      break;
    case PROP_FOUNDED:
      iis_state_set_founded (self, g_value_get_boxed (value));
      break;
    case PROP_CEASED:
      iis_state_set_ceased (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iis_state_class_init (IisStateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iis_state_finalize;
  object_class->get_property = iis_state_get_property;
  object_class->set_property = iis_state_set_property;

  /**
   * IisState:alpha-2: (getter get_alpha2) (setter set_alpha2)
   *
   * The ISO 3166-1 alpha-2 code of the state, such as `UZ`.
   *
   * Since: 1.0
   */
  properties[PROP_ALPHA2] =
    g_param_spec_string ("alpha-2", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * IisState:alpha-3: (getter get_alpha3) (setter set_alpha3)
   *
   * The ISO 3166-1 alpha-3 code of the state, such as `UZB`.
   *
   * Since: 1.0
   */
  properties[PROP_ALPHA3] =
    g_param_spec_string ("alpha-3", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * IisState:numeric:
   *
   * The ISO 3166-1 numeric code of the state, such as 860, or 0 if it is
   * not known.
   *
   * Since: 1.0
   */
  properties[PROP_NUMERIC] =
    g_param_spec_uint ("numeric", NULL, NULL,
                       0, 999, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * IisState:founded:
   *
   * When the state came into being (its independence, its union or its
   * separation from another), or %NULL if that is not known or not
   * recorded.
   *
   * Since: 1.1
   */
  properties[PROP_FOUNDED] =
    g_param_spec_boxed ("founded", NULL, NULL,
                        IIS_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * IisState:ceased:
   *
   * When the state ceased to exist (the first date it no longer existed,
   * as [property@Iis.Organization:dissolved]), or %NULL if it still
   * exists or that is not known. A state that ceased holds no relation
   * from then on, even one recorded without an end.
   *
   * Since: 1.1
   */
  properties[PROP_CEASED] =
    g_param_spec_boxed ("ceased", NULL, NULL,
                        IIS_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
iis_state_init (IisState *self)
{
}

/**
 * iis_state_new:
 * @id: the id of the state, non-empty
 * @name: (nullable): its plain name
 *
 * Creates a state.
 *
 * Returns: (transfer full): a new state
 *
 * Since: 1.0
 */
IisState *
iis_state_new (const char *id,
               const char *name)
{
  g_return_val_if_fail (id != NULL && id[0] != '\0', NULL);

  return g_object_new (IIS_TYPE_STATE,
                       "id", id,
                       "name", name,
                       NULL);
}

/**
 * iis_state_get_alpha2: (get-property alpha-2)
 * @self: a state
 *
 * Gets the ISO 3166-1 alpha-2 code of the state.
 *
 * Returns: (nullable): the alpha-2 code
 *
 * Since: 1.0
 */
const char *
iis_state_get_alpha2 (IisState *self)
{
  g_return_val_if_fail (IIS_IS_STATE (self), NULL);

  return self->alpha2;
}

/**
 * iis_state_set_alpha2: (set-property alpha-2)
 * @self: a state
 * @alpha2: (nullable): the alpha-2 code, such as `UZ`
 *
 * Sets the ISO 3166-1 alpha-2 code of the state.
 *
 * Since: 1.0
 */
void
iis_state_set_alpha2 (IisState   *self,
                      const char *alpha2)
{
  g_return_if_fail (IIS_IS_STATE (self));

  if (g_strcmp0 (self->alpha2, alpha2) == 0)
    return;

  g_free (self->alpha2);
  self->alpha2 = g_strdup (alpha2);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALPHA2]);
}

/**
 * iis_state_get_alpha3: (get-property alpha-3)
 * @self: a state
 *
 * Gets the ISO 3166-1 alpha-3 code of the state.
 *
 * Returns: (nullable): the alpha-3 code
 *
 * Since: 1.0
 */
const char *
iis_state_get_alpha3 (IisState *self)
{
  g_return_val_if_fail (IIS_IS_STATE (self), NULL);

  return self->alpha3;
}

/**
 * iis_state_set_alpha3: (set-property alpha-3)
 * @self: a state
 * @alpha3: (nullable): the alpha-3 code, such as `UZB`
 *
 * Sets the ISO 3166-1 alpha-3 code of the state.
 *
 * Since: 1.0
 */
void
iis_state_set_alpha3 (IisState   *self,
                      const char *alpha3)
{
  g_return_if_fail (IIS_IS_STATE (self));

  if (g_strcmp0 (self->alpha3, alpha3) == 0)
    return;

  g_free (self->alpha3);
  self->alpha3 = g_strdup (alpha3);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALPHA3]);
}

/**
 * iis_state_get_numeric:
 * @self: a state
 *
 * Gets the ISO 3166-1 numeric code of the state.
 *
 * Returns: the numeric code, or 0 if it is not known
 *
 * Since: 1.0
 */
guint
iis_state_get_numeric (IisState *self)
{
  g_return_val_if_fail (IIS_IS_STATE (self), 0);

  return self->numeric;
}

/**
 * iis_state_set_numeric:
 * @self: a state
 * @numeric: the numeric code, 1 to 999, or 0 for unknown
 *
 * Sets the ISO 3166-1 numeric code of the state.
 *
 * Since: 1.0
 */
void
iis_state_set_numeric (IisState *self,
                       guint     numeric)
{
  g_return_if_fail (IIS_IS_STATE (self));
  g_return_if_fail (numeric <= 999);

  if (self->numeric == numeric)
    return;

  self->numeric = numeric;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMERIC]);
}

/**
 * iis_state_get_founded:
 * @self: a state
 *
 * Gets when the state came into being.
 *
 * Returns: (nullable) (transfer none): the founding date, or %NULL
 *
 * Since: 1.1
 */
const IisDate *
iis_state_get_founded (IisState *self)
{
  g_return_val_if_fail (IIS_IS_STATE (self), NULL);

  return self->founded;
}

/**
 * iis_state_set_founded:
 * @self: a state
 * @founded: (nullable): the founding date
 *
 * Sets when the state came into being. The date is copied.
 *
 * Since: 1.1
 */
void
iis_state_set_founded (IisState      *self,
                       const IisDate *founded)
{
  g_return_if_fail (IIS_IS_STATE (self));

  if (_iis_date_replace (&self->founded, founded))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOUNDED]);
}

/**
 * iis_state_get_ceased:
 * @self: a state
 *
 * Gets when the state ceased to exist.
 *
 * Returns: (nullable) (transfer none): the first date the state no
 *   longer existed, or %NULL
 *
 * Since: 1.1
 */
const IisDate *
iis_state_get_ceased (IisState *self)
{
  g_return_val_if_fail (IIS_IS_STATE (self), NULL);

  return self->ceased;
}

/**
 * iis_state_set_ceased:
 * @self: a state
 * @ceased: (nullable): the first date the state no longer existed
 *
 * Sets when the state ceased to exist. The date is copied. In a catalog
 * the state's relations stop holding from that date on.
 *
 * Since: 1.1
 */
void
iis_state_set_ceased (IisState      *self,
                      const IisDate *ceased)
{
  g_return_if_fail (IIS_IS_STATE (self));

  if (_iis_date_replace (&self->ceased, ceased))
    {
      IisCatalog *catalog = _iis_entity_get_catalog (IIS_ENTITY (self));

      /* Every dated question reads a state's end from the catalog's
       * node, as it reads an organization's dissolution. */
      if (catalog != NULL)
        _iis_catalog_lifetime_changed (catalog, IIS_ENTITY (self));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CEASED]);
    }
}

/**
 * iis_state_exists_at:
 * @self: a state
 * @at: (nullable): a date, or %NULL for "at any time"
 *
 * Checks whether the state existed at @at: founded by then (or founding
 * date unknown) and not yet ceased, by the rule described in
 * [struct@Iis.Date].
 *
 * Returns: %TRUE if the state existed at @at; always %TRUE when @at is
 *   %NULL
 *
 * Since: 1.1
 */
gboolean
iis_state_exists_at (IisState      *self,
                     const IisDate *at)
{
  g_return_val_if_fail (IIS_IS_STATE (self), FALSE);

  return _iis_date_packed_period_holds (_iis_date_pack (self->founded),
                                        _iis_date_pack (self->ceased),
                                        _iis_date_pack (at));
}
