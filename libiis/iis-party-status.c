/* iis-party-status.c: where a party stands with an agreement at a date;
 * pairs of parties bound by the same agreement
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "iis-enum-types.h"
#include "iis-party-status-private.h"

/**
 * IisPartyStatus:
 *
 * Where a state or organization stands with an agreement at a date, as
 * [method@Iis.Catalog.get_party_status] derives it from the treaty
 * actions the catalog records (`signatory-of`, `consented-to`,
 * `provisionally-applies`, `party-to`, `denounced` …): its
 * [property@Iis.PartyStatus:kind], the reservations and declarations then
 * in effect, and the relations that decided it.
 *
 * ```c
 * g_autoptr(IisDate) at = iis_date_new (2010, 1, 1);
 * g_autoptr(IisPartyStatus) status =
 *   iis_catalog_get_party_status (catalog, ctbt, russia, at, NULL);
 *
 * if (iis_party_status_get_kind (status) == IIS_PARTY_STATUS_KIND_CONSENTED)
 *   g_print ("ratified, not yet in force\n");
 * ```
 *
 * A status is a snapshot: it does not follow later changes to the
 * catalog.
 *
 * Since: 1.1
 */

struct _IisPartyStatus
{
  GObject parent_instance;

  IisEntity *party;
  IisAgreement *agreement;
  IisDate *date;
  IisPartyStatusKind kind;
  GListModel *reservations;
  GListModel *decided_by;
};

G_DEFINE_FINAL_TYPE (IisPartyStatus, iis_party_status, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PARTY,
  PROP_AGREEMENT,
  PROP_DATE,
  PROP_KIND,
  PROP_RESERVATIONS,
  PROP_DECIDED_BY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
iis_party_status_dispose (GObject *object)
{
  IisPartyStatus *self = IIS_PARTY_STATUS (object);

  g_clear_object (&self->party);
  g_clear_object (&self->agreement);
  g_clear_object (&self->reservations);
  g_clear_object (&self->decided_by);

  G_OBJECT_CLASS (iis_party_status_parent_class)->dispose (object);
}

static void
iis_party_status_finalize (GObject *object)
{
  IisPartyStatus *self = IIS_PARTY_STATUS (object);

  g_clear_pointer (&self->date, iis_date_free);

  G_OBJECT_CLASS (iis_party_status_parent_class)->finalize (object);
}

static void
iis_party_status_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  IisPartyStatus *self = IIS_PARTY_STATUS (object);

  switch (prop_id)
    {
    case PROP_PARTY:
      g_value_set_object (value, self->party);
      break;
    case PROP_AGREEMENT:
      g_value_set_object (value, self->agreement);
      break;
    case PROP_DATE:
      g_value_set_boxed (value, self->date);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_RESERVATIONS:
      g_value_set_object (value, self->reservations);
      break;
    case PROP_DECIDED_BY:
      g_value_set_object (value, self->decided_by);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iis_party_status_class_init (IisPartyStatusClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = iis_party_status_dispose;
  object_class->finalize = iis_party_status_finalize;
  object_class->get_property = iis_party_status_get_property;

  /**
   * IisPartyStatus:party:
   *
   * The state or organization.
   *
   * Since: 1.1
   */
  properties[PROP_PARTY] =
    g_param_spec_object ("party", NULL, NULL, IIS_TYPE_ENTITY,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * IisPartyStatus:agreement:
   *
   * The agreement.
   *
   * Since: 1.1
   */
  properties[PROP_AGREEMENT] =
    g_param_spec_object ("agreement", NULL, NULL, IIS_TYPE_AGREEMENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * IisPartyStatus:date:
   *
   * The date the status holds at.
   *
   * Since: 1.1
   */
  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL, IIS_TYPE_DATE,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * IisPartyStatus:kind:
   *
   * Where the party stands.
   *
   * Since: 1.1
   */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, IIS_TYPE_PARTY_STATUS_KIND,
                       IIS_PARTY_STATUS_KIND_NOT_SIGNED,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * IisPartyStatus:reservations:
   *
   * The party's `reservation-to` and `declaration-to` relations in effect
   * at the date, a list of [class@Iis.Relation].
   *
   * Since: 1.1
   */
  properties[PROP_RESERVATIONS] =
    g_param_spec_object ("reservations", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * IisPartyStatus:decided-by:
   *
   * The relations that decided the status, a list of [class@Iis.Relation]
   * (empty for %IIS_PARTY_STATUS_KIND_NOT_SIGNED).
   *
   * Since: 1.1
   */
  properties[PROP_DECIDED_BY] =
    g_param_spec_object ("decided-by", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
iis_party_status_init (IisPartyStatus *self)
{
}

static GListModel *
relations_model (GPtrArray *relations)
{
  GListStore *store = g_list_store_new (IIS_TYPE_RELATION);

  for (guint i = 0; relations != NULL && i < relations->len; i++)
    g_list_store_append (store, g_ptr_array_index (relations, i));
  return G_LIST_MODEL (store);
}

IisPartyStatus *
_iis_party_status_new (IisEntity          *party,
                       IisAgreement       *agreement,
                       const IisDate      *date,
                       IisPartyStatusKind  kind,
                       GPtrArray          *reservations,
                       GPtrArray          *decided_by)
{
  IisPartyStatus *self = g_object_new (IIS_TYPE_PARTY_STATUS, NULL);

  self->party = g_object_ref (party);
  self->agreement = g_object_ref (agreement);
  self->date = date != NULL ? iis_date_copy (date) : NULL;
  self->kind = kind;
  self->reservations = relations_model (reservations);
  self->decided_by = relations_model (decided_by);
  return self;
}

/**
 * iis_party_status_get_party:
 * @self: a party status
 *
 * Gets the state or organization whose status this is.
 *
 * Returns: (transfer none): the party
 *
 * Since: 1.1
 */
IisEntity *
iis_party_status_get_party (IisPartyStatus *self)
{
  g_return_val_if_fail (IIS_IS_PARTY_STATUS (self), NULL);

  return self->party;
}

/**
 * iis_party_status_get_agreement:
 * @self: a party status
 *
 * Gets the agreement.
 *
 * Returns: (transfer none): the agreement
 *
 * Since: 1.1
 */
IisAgreement *
iis_party_status_get_agreement (IisPartyStatus *self)
{
  g_return_val_if_fail (IIS_IS_PARTY_STATUS (self), NULL);

  return self->agreement;
}

/**
 * iis_party_status_get_date:
 * @self: a party status
 *
 * Gets the date the status holds at.
 *
 * Returns: (transfer none): the date
 *
 * Since: 1.1
 */
const IisDate *
iis_party_status_get_date (IisPartyStatus *self)
{
  g_return_val_if_fail (IIS_IS_PARTY_STATUS (self), NULL);

  return self->date;
}

/**
 * iis_party_status_get_kind:
 * @self: a party status
 *
 * Gets where the party stands.
 *
 * Returns: the kind of status
 *
 * Since: 1.1
 */
IisPartyStatusKind
iis_party_status_get_kind (IisPartyStatus *self)
{
  g_return_val_if_fail (IIS_IS_PARTY_STATUS (self), IIS_PARTY_STATUS_KIND_NOT_SIGNED);

  return self->kind;
}

/**
 * iis_party_status_get_reservations:
 * @self: a party status
 *
 * Gets the party's reservations and declarations in effect at the date:
 * its `reservation-to` and `declaration-to` relations that hold then,
 * while it has consented to the agreement or is bound by it.
 *
 * Returns: (transfer none): a list of [class@Iis.Relation]
 *
 * Since: 1.1
 */
GListModel *
iis_party_status_get_reservations (IisPartyStatus *self)
{
  g_return_val_if_fail (IIS_IS_PARTY_STATUS (self), NULL);

  return self->reservations;
}

/**
 * iis_party_status_get_decided_by:
 * @self: a party status
 *
 * Gets the relations that decided the status: the `party-to` relation
 * and the consent for a party that is bound, the `denounced` relation for
 * a denunciation, the `signatory-of` relation for a signatory …
 *
 * Returns: (transfer none): a list of [class@Iis.Relation]
 *
 * Since: 1.1
 */
GListModel *
iis_party_status_get_decided_by (IisPartyStatus *self)
{
  g_return_val_if_fail (IIS_IS_PARTY_STATUS (self), NULL);

  return self->decided_by;
}

/**
 * iis_party_status_kind_is_bound:
 * @kind: a status kind
 *
 * Checks whether a party of status @kind is bound by the agreement:
 * %IIS_PARTY_STATUS_KIND_BOUND or
 * %IIS_PARTY_STATUS_KIND_DENUNCIATION_PENDING.
 *
 * Returns: %TRUE if the party is bound
 *
 * Since: 1.1
 */
gboolean
iis_party_status_kind_is_bound (IisPartyStatusKind kind)
{
  return kind == IIS_PARTY_STATUS_KIND_BOUND
         || kind == IIS_PARTY_STATUS_KIND_DENUNCIATION_PENDING;
}

/**
 * IisDyad:
 *
 * A row of the dyad table of treaty research: two states or
 * organizations both bound by an agreement at a date, as
 * [method@Iis.Catalog.get_dyads] gives them. The first party's id comes
 * before the second's, so each pair is listed once.
 *
 * ```c
 * g_autoptr(IisDate) at = iis_date_new (2024, 1, 1);
 * g_autoptr(GListModel) dyads = iis_catalog_get_dyads (catalog, ets185, at);
 *
 * for (guint i = 0; i < g_list_model_get_n_items (dyads); i++)
 *   {
 *     g_autoptr(IisDyad) dyad = g_list_model_get_item (dyads, i);
 *
 *     g_print ("%s %s\n", iis_entity_get_id (iis_dyad_get_first (dyad)),
 *              iis_entity_get_id (iis_dyad_get_second (dyad)));
 *   }
 * ```
 *
 * Since: 1.1
 */

struct _IisDyad
{
  GObject parent_instance;

  IisEntity *first;
  IisEntity *second;
  IisAgreement *agreement;
  IisDate *date;
};

G_DEFINE_FINAL_TYPE (IisDyad, iis_dyad, G_TYPE_OBJECT)

enum {
  DYAD_PROP_0,
  DYAD_PROP_FIRST,
  DYAD_PROP_SECOND,
  DYAD_PROP_AGREEMENT,
  DYAD_PROP_DATE,
  N_DYAD_PROPS
};

static GParamSpec *dyad_properties[N_DYAD_PROPS];

static void
iis_dyad_dispose (GObject *object)
{
  IisDyad *self = IIS_DYAD (object);

  g_clear_object (&self->first);
  g_clear_object (&self->second);
  g_clear_object (&self->agreement);

  G_OBJECT_CLASS (iis_dyad_parent_class)->dispose (object);
}

static void
iis_dyad_finalize (GObject *object)
{
  IisDyad *self = IIS_DYAD (object);

  g_clear_pointer (&self->date, iis_date_free);

  G_OBJECT_CLASS (iis_dyad_parent_class)->finalize (object);
}

static void
iis_dyad_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  IisDyad *self = IIS_DYAD (object);

  switch (prop_id)
    {
    case DYAD_PROP_FIRST:
      g_value_set_object (value, self->first);
      break;
    case DYAD_PROP_SECOND:
      g_value_set_object (value, self->second);
      break;
    case DYAD_PROP_AGREEMENT:
      g_value_set_object (value, self->agreement);
      break;
    case DYAD_PROP_DATE:
      g_value_set_boxed (value, self->date);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iis_dyad_class_init (IisDyadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = iis_dyad_dispose;
  object_class->finalize = iis_dyad_finalize;
  object_class->get_property = iis_dyad_get_property;

  /**
   * IisDyad:first:
   *
   * The party whose id comes first.
   *
   * Since: 1.1
   */
  dyad_properties[DYAD_PROP_FIRST] =
    g_param_spec_object ("first", NULL, NULL, IIS_TYPE_ENTITY,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * IisDyad:second:
   *
   * The party whose id comes second.
   *
   * Since: 1.1
   */
  dyad_properties[DYAD_PROP_SECOND] =
    g_param_spec_object ("second", NULL, NULL, IIS_TYPE_ENTITY,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * IisDyad:agreement:
   *
   * The agreement both parties are bound by.
   *
   * Since: 1.1
   */
  dyad_properties[DYAD_PROP_AGREEMENT] =
    g_param_spec_object ("agreement", NULL, NULL, IIS_TYPE_AGREEMENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * IisDyad:date:
   *
   * The date both are bound at.
   *
   * Since: 1.1
   */
  dyad_properties[DYAD_PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL, IIS_TYPE_DATE,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_DYAD_PROPS, dyad_properties);
}

static void
iis_dyad_init (IisDyad *self)
{
}

IisDyad *
_iis_dyad_new (IisEntity     *first,
               IisEntity     *second,
               IisAgreement  *agreement,
               const IisDate *date)
{
  IisDyad *self = g_object_new (IIS_TYPE_DYAD, NULL);

  self->first = g_object_ref (first);
  self->second = g_object_ref (second);
  self->agreement = g_object_ref (agreement);
  self->date = iis_date_copy (date);
  return self;
}

/**
 * iis_dyad_get_first:
 * @self: a dyad
 *
 * Gets the party whose id comes first.
 *
 * Returns: (transfer none): a state or organization
 *
 * Since: 1.1
 */
IisEntity *
iis_dyad_get_first (IisDyad *self)
{
  g_return_val_if_fail (IIS_IS_DYAD (self), NULL);

  return self->first;
}

/**
 * iis_dyad_get_second:
 * @self: a dyad
 *
 * Gets the party whose id comes second.
 *
 * Returns: (transfer none): a state or organization
 *
 * Since: 1.1
 */
IisEntity *
iis_dyad_get_second (IisDyad *self)
{
  g_return_val_if_fail (IIS_IS_DYAD (self), NULL);

  return self->second;
}

/**
 * iis_dyad_get_agreement:
 * @self: a dyad
 *
 * Gets the agreement both parties are bound by.
 *
 * Returns: (transfer none): the agreement
 *
 * Since: 1.1
 */
IisAgreement *
iis_dyad_get_agreement (IisDyad *self)
{
  g_return_val_if_fail (IIS_IS_DYAD (self), NULL);

  return self->agreement;
}

/**
 * iis_dyad_get_date:
 * @self: a dyad
 *
 * Gets the date both parties are bound at.
 *
 * Returns: (transfer none): the date
 *
 * Since: 1.1
 */
const IisDate *
iis_dyad_get_date (IisDyad *self)
{
  g_return_val_if_fail (IIS_IS_DYAD (self), NULL);

  return self->date;
}
