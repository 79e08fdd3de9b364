/* iis-agreement.c: a treaty, statement, resolution, strategy …
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "iis-date-private.h"

#include "iis-agreement.h"
#include "iis-enum-types.h"

/**
 * IisAgreement:
 *
 * An instrument: a treaty, an agreement, a convention, a charter, a
 * joint statement, a declaration, a resolution, a code of conduct, a
 * strategy or an action plan ([property@Iis.Agreement:kind]).
 *
 * An agreement records its [property@Iis.Agreement:status], when and
 * where it was adopted and when it entered into force. Who signed it and
 * who is bound by it are `signatory-of` and `party-to` relations; where
 * it was adopted an `adopted-within` relation; the threat categories it
 * deals with `addresses` relations.
 *
 * ```c
 * g_autoptr(IisDate) adopted = iis_date_new (2009, 6, 16);
 * g_autoptr(IisAgreement) agreement =
 *   g_object_new (IIS_TYPE_AGREEMENT,
 *                 "id", "sco-iis-agreement-2009",
 *                 "name", "Agreement on cooperation in ensuring international "
 *                         "information security",
 *                 "kind", IIS_AGREEMENT_KIND_AGREEMENT,
 *                 "status", IIS_AGREEMENT_STATUS_IN_FORCE,
 *                 "adopted", adopted,
 *                 "adopted-place", "Yekaterinburg",
 *                 NULL);
 * ```
 *
 * Since: 1.0
 */

struct _IisAgreement
{
  IisEntity parent_instance;

  IisAgreementKind kind;
  IisAgreementStatus status;
  IisDate *adopted;
  char *adopted_place;
  IisDate *entry_into_force;
  IisDate *opened_for_signature;
  IisDate *terminated;
};

G_DEFINE_FINAL_TYPE (IisAgreement, iis_agreement, IIS_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_KIND,
  PROP_STATUS,
  PROP_ADOPTED,
  PROP_ADOPTED_PLACE,
  PROP_ENTRY_INTO_FORCE,
  PROP_OPENED_FOR_SIGNATURE,
  PROP_TERMINATED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
iis_agreement_finalize (GObject *object)
{
  IisAgreement *self = IIS_AGREEMENT (object);

  g_clear_pointer (&self->adopted, iis_date_free);
  g_clear_pointer (&self->adopted_place, g_free);
  g_clear_pointer (&self->entry_into_force, iis_date_free);
  g_clear_pointer (&self->opened_for_signature, iis_date_free);
  g_clear_pointer (&self->terminated, iis_date_free);

  G_OBJECT_CLASS (iis_agreement_parent_class)->finalize (object);
}

static void
iis_agreement_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  IisAgreement *self = IIS_AGREEMENT (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_ADOPTED:
      g_value_set_boxed (value, self->adopted);
      break;
    case PROP_ADOPTED_PLACE:
      g_value_set_string (value, self->adopted_place);
      break;
    case PROP_ENTRY_INTO_FORCE:
      g_value_set_boxed (value, self->entry_into_force);
      break;
    case PROP_OPENED_FOR_SIGNATURE:
      g_value_set_boxed (value, self->opened_for_signature);
      break;
    case PROP_TERMINATED:
      g_value_set_boxed (value, self->terminated);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iis_agreement_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  IisAgreement *self = IIS_AGREEMENT (object);

  switch (prop_id)
    {
    case PROP_KIND:
      iis_agreement_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_STATUS:
      iis_agreement_set_status (self, g_value_get_enum (value));
      break;
    case PROP_ADOPTED:
      iis_agreement_set_adopted (self, g_value_get_boxed (value));
      break;
    case PROP_ADOPTED_PLACE:
      iis_agreement_set_adopted_place (self, g_value_get_string (value));
      break;
    case PROP_ENTRY_INTO_FORCE:
      iis_agreement_set_entry_into_force (self, g_value_get_boxed (value));
      break;
    case PROP_OPENED_FOR_SIGNATURE:
      iis_agreement_set_opened_for_signature (self, g_value_get_boxed (value));
      break;
    case PROP_TERMINATED:
      iis_agreement_set_terminated (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iis_agreement_class_init (IisAgreementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iis_agreement_finalize;
  object_class->get_property = iis_agreement_get_property;
  object_class->set_property = iis_agreement_set_property;

  /**
   * IisAgreement:kind:
   *
   * What kind of instrument this is.
   *
   * Since: 1.0
   */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       IIS_TYPE_AGREEMENT_KIND,
                       IIS_AGREEMENT_KIND_OTHER,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * IisAgreement:status:
   *
   * Where the instrument stands: draft, adopted, signed, in force …
   *
   * Since: 1.0
   */
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       IIS_TYPE_AGREEMENT_STATUS,
                       IIS_AGREEMENT_STATUS_UNKNOWN,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * IisAgreement:adopted:
   *
   * When the instrument was adopted or signed, or %NULL if that is not
   * known.
   *
   * Since: 1.0
   */
  properties[PROP_ADOPTED] =
    g_param_spec_boxed ("adopted", NULL, NULL,
                        IIS_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * IisAgreement:adopted-place:
   *
   * Where the instrument was adopted, such as a city.
   *
   * Since: 1.0
   */
  properties[PROP_ADOPTED_PLACE] =
    g_param_spec_string ("adopted-place", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * IisAgreement:entry-into-force:
   *
   * When the instrument entered into force, or %NULL if it has not or
   * that is not known.
   *
   * Since: 1.0
   */
  properties[PROP_ENTRY_INTO_FORCE] =
    g_param_spec_boxed ("entry-into-force", NULL, NULL,
                        IIS_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * IisAgreement:opened-for-signature:
   *
   * When the instrument was opened for signature, or %NULL if it was not
   * or that is not known. Treaty offices date a treaty by it (the
   * Budapest Convention was opened for signature on 23 November 2001).
   *
   * Since: 1.1
   */
  properties[PROP_OPENED_FOR_SIGNATURE] =
    g_param_spec_boxed ("opened-for-signature", NULL, NULL,
                        IIS_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * IisAgreement:terminated:
   *
   * When the instrument ceased to be in force for all its parties
   * (terminated, expired or replaced), or %NULL if it has not or that is
   * not known.
   *
   * Since: 1.1
   */
  properties[PROP_TERMINATED] =
    g_param_spec_boxed ("terminated", NULL, NULL,
                        IIS_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
iis_agreement_init (IisAgreement *self)
{
  self->kind = IIS_AGREEMENT_KIND_OTHER;
  self->status = IIS_AGREEMENT_STATUS_UNKNOWN;
}

/**
 * iis_agreement_new:
 * @id: the id of the agreement, non-empty
 * @name: (nullable): its plain name
 *
 * Creates an agreement of kind %IIS_AGREEMENT_KIND_OTHER and status
 * %IIS_AGREEMENT_STATUS_UNKNOWN.
 *
 * Returns: (transfer full): a new agreement
 *
 * Since: 1.0
 */
IisAgreement *
iis_agreement_new (const char *id,
                   const char *name)
{
  g_return_val_if_fail (id != NULL && id[0] != '\0', NULL);

  return g_object_new (IIS_TYPE_AGREEMENT,
                       "id", id,
                       "name", name,
                       NULL);
}

/**
 * iis_agreement_get_kind:
 * @self: an agreement
 *
 * Gets what kind of instrument this is.
 *
 * Returns: the kind
 *
 * Since: 1.0
 */
IisAgreementKind
iis_agreement_get_kind (IisAgreement *self)
{
  g_return_val_if_fail (IIS_IS_AGREEMENT (self), IIS_AGREEMENT_KIND_OTHER);

  return self->kind;
}

/**
 * iis_agreement_set_kind:
 * @self: an agreement
 * @kind: the kind
 *
 * Sets what kind of instrument this is.
 *
 * Since: 1.0
 */
void
iis_agreement_set_kind (IisAgreement     *self,
                        IisAgreementKind  kind)
{
  g_return_if_fail (IIS_IS_AGREEMENT (self));
  g_return_if_fail (kind <= IIS_AGREEMENT_KIND_ACTION_PLAN);

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

/**
 * iis_agreement_get_status:
 * @self: an agreement
 *
 * Gets the status of the instrument.
 *
 * Returns: the status
 *
 * Since: 1.0
 */
IisAgreementStatus
iis_agreement_get_status (IisAgreement *self)
{
  g_return_val_if_fail (IIS_IS_AGREEMENT (self), IIS_AGREEMENT_STATUS_UNKNOWN);

  return self->status;
}

/**
 * iis_agreement_set_status:
 * @self: an agreement
 * @status: the status
 *
 * Sets the status of the instrument.
 *
 * Since: 1.0
 */
void
iis_agreement_set_status (IisAgreement       *self,
                          IisAgreementStatus  status)
{
  g_return_if_fail (IIS_IS_AGREEMENT (self));
  g_return_if_fail (status <= IIS_AGREEMENT_STATUS_SUPERSEDED);

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}


/**
 * iis_agreement_get_adopted:
 * @self: an agreement
 *
 * Gets when the instrument was adopted or signed.
 *
 * Returns: (nullable) (transfer none): the adoption date
 *
 * Since: 1.0
 */
const IisDate *
iis_agreement_get_adopted (IisAgreement *self)
{
  g_return_val_if_fail (IIS_IS_AGREEMENT (self), NULL);

  return self->adopted;
}

/**
 * iis_agreement_set_adopted:
 * @self: an agreement
 * @adopted: (nullable): the adoption date
 *
 * Sets when the instrument was adopted or signed. The date is copied.
 *
 * Since: 1.0
 */
void
iis_agreement_set_adopted (IisAgreement  *self,
                           const IisDate *adopted)
{
  g_return_if_fail (IIS_IS_AGREEMENT (self));

  if (_iis_date_replace (&self->adopted, adopted))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ADOPTED]);
}

/**
 * iis_agreement_get_adopted_place:
 * @self: an agreement
 *
 * Gets where the instrument was adopted.
 *
 * Returns: (nullable): the place of adoption
 *
 * Since: 1.0
 */
const char *
iis_agreement_get_adopted_place (IisAgreement *self)
{
  g_return_val_if_fail (IIS_IS_AGREEMENT (self), NULL);

  return self->adopted_place;
}

/**
 * iis_agreement_set_adopted_place:
 * @self: an agreement
 * @place: (nullable): the place of adoption, such as a city
 *
 * Sets where the instrument was adopted.
 *
 * Since: 1.0
 */
void
iis_agreement_set_adopted_place (IisAgreement *self,
                                 const char   *place)
{
  g_return_if_fail (IIS_IS_AGREEMENT (self));

  if (g_strcmp0 (self->adopted_place, place) == 0)
    return;

  g_free (self->adopted_place);
  self->adopted_place = g_strdup (place);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ADOPTED_PLACE]);
}

/**
 * iis_agreement_get_entry_into_force:
 * @self: an agreement
 *
 * Gets when the instrument entered into force.
 *
 * Returns: (nullable) (transfer none): the date of entry into force
 *
 * Since: 1.0
 */
const IisDate *
iis_agreement_get_entry_into_force (IisAgreement *self)
{
  g_return_val_if_fail (IIS_IS_AGREEMENT (self), NULL);

  return self->entry_into_force;
}

/**
 * iis_agreement_set_entry_into_force:
 * @self: an agreement
 * @date: (nullable): the date of entry into force
 *
 * Sets when the instrument entered into force. The date is copied.
 *
 * Since: 1.0
 */
void
iis_agreement_set_entry_into_force (IisAgreement  *self,
                                    const IisDate *date)
{
  g_return_if_fail (IIS_IS_AGREEMENT (self));

  if (_iis_date_replace (&self->entry_into_force, date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTRY_INTO_FORCE]);
}

/**
 * iis_agreement_get_opened_for_signature:
 * @self: an agreement
 *
 * Gets when the instrument was opened for signature.
 *
 * Returns: (nullable) (transfer none): the date it was opened for signature
 *
 * Since: 1.1
 */
const IisDate *
iis_agreement_get_opened_for_signature (IisAgreement *self)
{
  g_return_val_if_fail (IIS_IS_AGREEMENT (self), NULL);

  return self->opened_for_signature;
}

/**
 * iis_agreement_set_opened_for_signature:
 * @self: an agreement
 * @date: (nullable): the date it was opened for signature
 *
 * Sets when the instrument was opened for signature. The date is copied.
 *
 * Since: 1.1
 */
void
iis_agreement_set_opened_for_signature (IisAgreement  *self,
                                        const IisDate *date)
{
  g_return_if_fail (IIS_IS_AGREEMENT (self));

  if (_iis_date_replace (&self->opened_for_signature, date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPENED_FOR_SIGNATURE]);
}

/**
 * iis_agreement_get_terminated:
 * @self: an agreement
 *
 * Gets when the instrument ceased to be in force.
 *
 * Returns: (nullable) (transfer none): the date of termination
 *
 * Since: 1.1
 */
const IisDate *
iis_agreement_get_terminated (IisAgreement *self)
{
  g_return_val_if_fail (IIS_IS_AGREEMENT (self), NULL);

  return self->terminated;
}

/**
 * iis_agreement_set_terminated:
 * @self: an agreement
 * @date: (nullable): the date of termination
 *
 * Sets when the instrument ceased to be in force. The date is copied.
 *
 * Since: 1.1
 */
void
iis_agreement_set_terminated (IisAgreement  *self,
                              const IisDate *date)
{
  g_return_if_fail (IIS_IS_AGREEMENT (self));

  if (_iis_date_replace (&self->terminated, date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TERMINATED]);
}
