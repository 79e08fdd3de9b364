/* iis-relation.c: a typed, dated link between two entities
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "iis-agreement.h"
#include "iis-catalog-private.h"
#include "iis-date-private.h"
#include "iis-enum-types.h"
#include "iis-forum.h"
#include "iis-organization.h"
#include "iis-relation-private.h"
#include "iis-state.h"
#include "iis-threat-category.h"

/**
 * IisRelation:
 *
 * A fact that links two entities: a typed, dated relation from a
 * subject to an object, with its own sources.
 *
 * The [property@Iis.Relation:kind] says what the link is (`member-of`,
 * `party-to`, `addresses` …) and which entity types may stand at each
 * end ([func@Iis.RelationKind.allows]); the catalog refuses a relation
 * whose ends do not fit its kind. The subject, the object and the kind
 * are fixed at construction. The rest can change:
 *
 * - the [property@Iis.Relation:role], which says how for kinds that need
 *   it: `"member"`, `"observer"`, `"dialogue-partner"` for memberships,
 *   the way of consent (`"ratification"`, `"accession"` …) for parties;
 * - the period, [property@Iis.Relation:start] (inclusive) and
 *   [property@Iis.Relation:end] (the first date it no longer holds),
 *   either possibly unknown; see [method@Iis.Relation.holds_at];
 * - the [property@Iis.Relation:confidence] the sources give;
 * - open qualifiers, key → value, for what a kind needs beyond these,
 *   such as the date a party deposited its instrument;
 * - sources ([class@Iis.Source]).
 *
 * Once added to a catalog, a relation writes every change through to
 * the catalog's storage, so later questions see it.
 *
 * ```c
 * g_autoptr(IisDate) start = iis_date_new (2001, 6, 15);
 * g_autoptr(IisRelation) membership =
 *   g_object_new (IIS_TYPE_RELATION,
 *                 "kind", IIS_RELATION_KIND_MEMBER_OF,
 *                 "subject", uz,
 *                 "object", sco,
 *                 "role", "member",
 *                 "start", start,
 *                 NULL);
 *
 * if (!iis_catalog_add_relation (catalog, membership, &error))
 *   g_printerr ("%s\n", error->message);
 * ```
 *
 * Since: 1.0
 */

struct _IisRelation
{
  GObject parent_instance;

  IisRelationKind kind;
  IisEntity *subject;
  IisEntity *object;
  char *role;
  IisDate *start;
  IisDate *end;
  IisConfidence confidence;

  GHashTable *qualifiers;     /* key → value; NULL until the first one */
  GPtrArray *sources;         /* of IisSource; NULL until the first one */
  GListStore *sources_model;  /* mirror of @sources, made on demand */
  char *unknown_json;

  IisCatalog *catalog;        /* not a reference */
  guint32 slot;
};

G_DEFINE_FINAL_TYPE (IisRelation, iis_relation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_SUBJECT,
  PROP_OBJECT,
  PROP_ROLE,
  PROP_START,
  PROP_END,
  PROP_CONFIDENCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
iis_relation_constructed (GObject *object)
{
  IisRelation *self = IIS_RELATION (object);

  G_OBJECT_CLASS (iis_relation_parent_class)->constructed (object);

  if (self->kind == IIS_RELATION_KIND_ANY)
    g_critical ("An IisRelation must be constructed with a “kind” other than "
                "IIS_RELATION_KIND_ANY");
  if (self->subject == NULL || self->object == NULL)
    g_critical ("An IisRelation must be constructed with a “subject” and an "
                "“object”");
}

static void watch_sources (IisRelation *self,
                           GPtrArray   *sources,
                           gboolean     watch);

static void
iis_relation_dispose (GObject *object)
{
  IisRelation *self = IIS_RELATION (object);

  g_clear_object (&self->sources_model);
  watch_sources (self, self->sources, FALSE);
  g_clear_pointer (&self->sources, g_ptr_array_unref);

  G_OBJECT_CLASS (iis_relation_parent_class)->dispose (object);
}

static void
iis_relation_finalize (GObject *object)
{
  IisRelation *self = IIS_RELATION (object);

  if (self->catalog != NULL)
    {
      _iis_catalog_forget_relation (self->catalog, self);
      self->catalog = NULL;
    }

  /* The ends are construct-only and must stay valid as long as the
   * relation is, so they go here rather than in dispose(). */
  g_clear_object (&self->subject);
  g_clear_object (&self->object);
  g_clear_pointer (&self->role, g_free);
  g_clear_pointer (&self->start, iis_date_free);
  g_clear_pointer (&self->end, iis_date_free);
  g_clear_pointer (&self->qualifiers, g_hash_table_unref);
  g_clear_pointer (&self->unknown_json, g_free);

  G_OBJECT_CLASS (iis_relation_parent_class)->finalize (object);
}

static void
iis_relation_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  IisRelation *self = IIS_RELATION (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_SUBJECT:
      g_value_set_object (value, self->subject);
      break;
    case PROP_OBJECT:
      g_value_set_object (value, self->object);
      break;
    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;
    case PROP_START:
      g_value_set_boxed (value, self->start);
      break;
    case PROP_END:
      g_value_set_boxed (value, self->end);
      break;
    case PROP_CONFIDENCE:
      g_value_set_enum (value, self->confidence);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iis_relation_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  IisRelation *self = IIS_RELATION (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    case PROP_SUBJECT:
      g_assert (self->subject == NULL);
      self->subject = g_value_dup_object (value);
      break;
    case PROP_OBJECT:
      g_assert (self->object == NULL);
      self->object = g_value_dup_object (value);
      break;
    case PROP_ROLE:
      iis_relation_set_role (self, g_value_get_string (value));
      break;
    case PROP_START:
      iis_relation_set_start (self, g_value_get_boxed (value));
      break;
    case PROP_END:
      iis_relation_set_end (self, g_value_get_boxed (value));
      break;
    case PROP_CONFIDENCE:
      iis_relation_set_confidence (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iis_relation_class_init (IisRelationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = iis_relation_constructed;
  object_class->dispose = iis_relation_dispose;
  object_class->finalize = iis_relation_finalize;
  object_class->get_property = iis_relation_get_property;
  object_class->set_property = iis_relation_set_property;

  /**
   * IisRelation:kind:
   *
   * What the relation is. Fixed at construction; never
   * %IIS_RELATION_KIND_ANY.
   *
   * Since: 1.0
   */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       IIS_TYPE_RELATION_KIND,
                       IIS_RELATION_KIND_ANY,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * IisRelation:subject:
   *
   * The entity at the subject end: the member, the party, the part …
   * Fixed at construction.
   *
   * Since: 1.0
   */
  properties[PROP_SUBJECT] =
    g_param_spec_object ("subject", NULL, NULL,
                         IIS_TYPE_ENTITY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * IisRelation:object:
   *
   * The entity at the object end: the organization, the agreement, the
   * whole … Fixed at construction.
   *
   * Since: 1.0
   */
  properties[PROP_OBJECT] =
    g_param_spec_object ("object", NULL, NULL,
                         IIS_TYPE_ENTITY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * IisRelation:role:
   *
   * How the subject stands in the relation, for kinds that need it:
   * `"member"`, `"observer"`, `"dialogue-partner"`, `"ratification"`,
   * `"accession"` …
   *
   * Since: 1.0
   */
  properties[PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * IisRelation:start:
   *
   * When the relation began (inclusive), or %NULL if that is not known.
   *
   * Since: 1.0
   */
  properties[PROP_START] =
    g_param_spec_boxed ("start", NULL, NULL,
                        IIS_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * IisRelation:end:
   *
   * The first date the relation no longer held, or %NULL if it still
   * holds or that is not known.
   *
   * Since: 1.0
   */
  properties[PROP_END] =
    g_param_spec_boxed ("end", NULL, NULL,
                        IIS_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * IisRelation:confidence:
   *
   * How sure the sources make the relation.
   *
   * Since: 1.0
   */
  properties[PROP_CONFIDENCE] =
    g_param_spec_enum ("confidence", NULL, NULL,
                       IIS_TYPE_CONFIDENCE,
                       IIS_CONFIDENCE_UNSPECIFIED,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
iis_relation_init (IisRelation *self)
{
  self->kind = IIS_RELATION_KIND_ANY;
  self->confidence = IIS_CONFIDENCE_UNSPECIFIED;
  self->slot = IIS_RELATION_NO_SLOT;
}

/* Write a change through to the catalog the relation is bound to. */
static void
changed (IisRelation *self)
{
  if (self->catalog != NULL)
    _iis_catalog_update_relation (self->catalog, self);
}

/* A source of the relation was edited: the catalog pools sources by
 * content, so store them again (docs/storage.md). */
static void
source_notified (IisSource   *source,
                 GParamSpec  *pspec,
                 IisRelation *self)
{
  if (self->catalog != NULL)
    _iis_catalog_relation_source_changed (self->catalog, self);
}

/* The relation holds a reference to each source it watches and stops
 * watching before it drops it (in dispose() at the latest), so plain
 * handlers are safe. */
static void
watch_sources (IisRelation *self,
               GPtrArray   *sources,
               gboolean     watch)
{
  for (guint i = 0; sources != NULL && i < sources->len; i++)
    {
      IisSource *source = g_ptr_array_index (sources, i);

      if (watch)
        g_signal_connect (source, "notify", G_CALLBACK (source_notified), self);
      else
        g_signal_handlers_disconnect_by_func (source, source_notified, self);
    }
}

/**
 * iis_relation_kind_allows:
 * @kind: a relation kind
 * @subject_type: the type of the subject, such as `IIS_TYPE_STATE`
 * @object_type: the type of the object
 *
 * Checks whether a relation of @kind may join a subject of
 * @subject_type to an object of @object_type:
 *
 * | kind | subject | object |
 * | --- | --- | --- |
 * | `member-of` | state, organization | organization |
 * | `part-of` | organization, forum, agreement, threat category | the same type as the subject |
 * | `signatory-of`, `party-to`, `votes-on`, `supports`, `sponsor-of`, `consented-to`, `provisionally-applies`, `reservation-to`, `declaration-to`, `objection-to`, `denounced` | state, organization | agreement |
 * | `organizer-of`, `participant-in`, `host-of` | state, organization | forum |
 * | `adopted-within` | agreement | organization, forum |
 * | `addresses` | agreement, forum | threat category |
 * | `implements`, `amends`, `supersedes`, `references` | agreement | agreement |
 * | `continues`, `succeeds` (since 1.1) | state | state |
 *
 * %IIS_RELATION_KIND_ANY allows nothing.
 *
 * Returns: %TRUE if the kind allows these types
 *
 * Since: 1.0
 */
gboolean
iis_relation_kind_allows (IisRelationKind kind,
                          GType           subject_type,
                          GType           object_type)
{
#define IS(type, TYPE) g_type_is_a ((type), IIS_TYPE_##TYPE)
#define IS_ACTOR(type) (IS (type, STATE) || IS (type, ORGANIZATION))

  switch (kind)
    {
    case IIS_RELATION_KIND_MEMBER_OF:
      return IS_ACTOR (subject_type) && IS (object_type, ORGANIZATION);

    case IIS_RELATION_KIND_PART_OF:
      return (IS (subject_type, ORGANIZATION) && IS (object_type, ORGANIZATION))
             || (IS (subject_type, FORUM) && IS (object_type, FORUM))
             || (IS (subject_type, THREAT_CATEGORY) && IS (object_type, THREAT_CATEGORY))
             || (IS (subject_type, AGREEMENT) && IS (object_type, AGREEMENT));

    case IIS_RELATION_KIND_SIGNATORY_OF:
    case IIS_RELATION_KIND_PARTY_TO:
    case IIS_RELATION_KIND_VOTES_ON:
    case IIS_RELATION_KIND_SUPPORTS:
    case IIS_RELATION_KIND_SPONSOR_OF:
    case IIS_RELATION_KIND_CONSENTED_TO:
    case IIS_RELATION_KIND_PROVISIONALLY_APPLIES:
    case IIS_RELATION_KIND_RESERVATION_TO:
    case IIS_RELATION_KIND_DECLARATION_TO:
    case IIS_RELATION_KIND_OBJECTION_TO:
    case IIS_RELATION_KIND_DENOUNCED:
      return IS_ACTOR (subject_type) && IS (object_type, AGREEMENT);

    case IIS_RELATION_KIND_CONTINUES:
    case IIS_RELATION_KIND_SUCCEEDS:
      return IS (subject_type, STATE) && IS (object_type, STATE);

    case IIS_RELATION_KIND_ORGANIZER_OF:
    case IIS_RELATION_KIND_PARTICIPANT_IN:
    case IIS_RELATION_KIND_HOST_OF:
      return IS_ACTOR (subject_type) && IS (object_type, FORUM);

    case IIS_RELATION_KIND_ADOPTED_WITHIN:
      return IS (subject_type, AGREEMENT)
             && (IS (object_type, ORGANIZATION) || IS (object_type, FORUM));

    case IIS_RELATION_KIND_ADDRESSES:
      return (IS (subject_type, AGREEMENT) || IS (subject_type, FORUM))
             && IS (object_type, THREAT_CATEGORY);

    case IIS_RELATION_KIND_IMPLEMENTS:
    case IIS_RELATION_KIND_AMENDS:
    case IIS_RELATION_KIND_SUPERSEDES:
    case IIS_RELATION_KIND_REFERENCES:
      return IS (subject_type, AGREEMENT) && IS (object_type, AGREEMENT);

    case IIS_RELATION_KIND_ANY:
    default:
      return FALSE;
    }

#undef IS_ACTOR
#undef IS
}

static GEnumClass *
relation_kind_class (void)
{
  static GEnumClass *klass = NULL;

  if (g_once_init_enter (&klass))
    g_once_init_leave (&klass, g_type_class_ref (IIS_TYPE_RELATION_KIND));

  return klass;
}

/**
 * iis_relation_kind_to_nick:
 * @kind: a relation kind
 *
 * Gets the nick of a relation kind, as the file format writes it:
 * `"member-of"`, `"party-to"` … (`"any"` for %IIS_RELATION_KIND_ANY).
 *
 * Returns: (nullable): the nick, or %NULL if @kind is not a relation kind
 *
 * Since: 1.0
 */
const char *
iis_relation_kind_to_nick (IisRelationKind kind)
{
  GEnumValue *value = g_enum_get_value (relation_kind_class (), (int) kind);

  return value != NULL ? value->value_nick : NULL;
}

/**
 * iis_relation_kind_from_nick:
 * @nick: a relation kind nick, such as `"member-of"`
 *
 * Gets the relation kind a nick names; the reverse of
 * [func@Iis.RelationKind.to_nick].
 *
 * Returns: the kind, or %IIS_RELATION_KIND_ANY if @nick names none
 *
 * Since: 1.0
 */
IisRelationKind
iis_relation_kind_from_nick (const char *nick)
{
  GEnumValue *value;

  g_return_val_if_fail (nick != NULL, IIS_RELATION_KIND_ANY);

  value = g_enum_get_value_by_nick (relation_kind_class (), nick);
  return value != NULL ? (IisRelationKind) value->value : IIS_RELATION_KIND_ANY;
}

/* The roles of the kinds whose roles form a set; the bundled catalog's
 * fact tables use the same (build-aux/facts.py). */
static const char * const member_of_roles[] = {
  "member", "associate", "observer", "dialogue-partner", "partner", "participant",
  "chair", "suspended", "invited", NULL
};
static const char * const party_to_roles[] = {
  "ratification", "acceptance", "approval", "formal-confirmation", "accession",
  "succession", "definitive-signature", NULL
};
/* The treaty actions' roles, which iis_catalog_validate() checks. */
static const char * const declaration_roles[] = {
  "interpretative", "territorial-application", "designation", NULL
};
static const char * const denunciation_roles[] = { "denunciation", "withdrawal", NULL };
static const char * const no_roles[] = { NULL };
static const char * const votes_on_roles[] = { "yes", "no", "abstain", "non-voting", NULL };
static const char * const sponsor_of_roles[] = {
  "sponsor", "co-sponsor", "submitted", "circulated", NULL
};

/**
 * iis_relation_kind_get_known_roles:
 * @kind: a relation kind
 *
 * Gets the roles a relation of @kind is known to take, for the kinds
 * whose roles form a set: `member-of` (`"member"`, `"associate"`,
 * `"observer"`, `"dialogue-partner"`, `"partner"`, `"participant"`,
 * `"chair"`, `"suspended"`, `"invited"`), `party-to` and `consented-to`
 * (the way of consent: `"ratification"`, `"acceptance"`, `"approval"`,
 * `"formal-confirmation"`, `"accession"`, `"succession"`,
 * `"definitive-signature"`), `votes-on` (`"yes"`, `"no"`, `"abstain"`,
 * `"non-voting"`), `sponsor-of` (`"sponsor"`, `"co-sponsor"`,
 * `"submitted"`, `"circulated"`), `declaration-to` (`"interpretative"`,
 * `"territorial-application"`, `"designation"`) and `denounced`
 * (`"denunciation"`, `"withdrawal"`); `provisionally-applies`,
 * `reservation-to` and `objection-to` take no role (an empty array).
 * Other roles are allowed: [method@Iis.Catalog.validate] reports them as
 * errors for the treaty actions, [method@Iis.Catalog.validate_full] warns
 * about them for the other kinds. The roles of other kinds are free
 * text.
 *
 * Returns: (transfer none) (array zero-terminated=1) (nullable): the
 *   known roles, or %NULL when the kind's roles are free text
 *
 * Since: 1.1
 */
const char * const *
iis_relation_kind_get_known_roles (IisRelationKind kind)
{
  switch (kind)
    {
    case IIS_RELATION_KIND_MEMBER_OF:
      return member_of_roles;
    case IIS_RELATION_KIND_PARTY_TO:
    case IIS_RELATION_KIND_CONSENTED_TO:
      return party_to_roles;
    case IIS_RELATION_KIND_DECLARATION_TO:
      return declaration_roles;
    case IIS_RELATION_KIND_DENOUNCED:
      return denunciation_roles;
    case IIS_RELATION_KIND_PROVISIONALLY_APPLIES:
    case IIS_RELATION_KIND_RESERVATION_TO:
    case IIS_RELATION_KIND_OBJECTION_TO:
      return no_roles;
    case IIS_RELATION_KIND_VOTES_ON:
      return votes_on_roles;
    case IIS_RELATION_KIND_SPONSOR_OF:
      return sponsor_of_roles;
    case IIS_RELATION_KIND_ANY:
    case IIS_RELATION_KIND_PART_OF:
    case IIS_RELATION_KIND_SIGNATORY_OF:
    case IIS_RELATION_KIND_ORGANIZER_OF:
    case IIS_RELATION_KIND_PARTICIPANT_IN:
    case IIS_RELATION_KIND_HOST_OF:
    case IIS_RELATION_KIND_ADOPTED_WITHIN:
    case IIS_RELATION_KIND_ADDRESSES:
    case IIS_RELATION_KIND_IMPLEMENTS:
    case IIS_RELATION_KIND_AMENDS:
    case IIS_RELATION_KIND_SUPERSEDES:
    case IIS_RELATION_KIND_REFERENCES:
    case IIS_RELATION_KIND_SUPPORTS:
    default:
      return NULL;
    }
}

/**
 * iis_relation_new:
 * @kind: what the relation is; not %IIS_RELATION_KIND_ANY
 * @subject: the entity at the subject end
 * @object: the entity at the object end
 *
 * Creates a relation. Whether the kind allows the types of the ends is
 * checked when the relation is added to a catalog.
 *
 * Returns: (transfer full): a new relation
 *
 * Since: 1.0
 */
IisRelation *
iis_relation_new (IisRelationKind  kind,
                  IisEntity       *subject,
                  IisEntity       *object)
{
  g_return_val_if_fail (kind != IIS_RELATION_KIND_ANY, NULL);
  g_return_val_if_fail (iis_relation_kind_to_nick (kind) != NULL, NULL);
  g_return_val_if_fail (IIS_IS_ENTITY (subject), NULL);
  g_return_val_if_fail (IIS_IS_ENTITY (object), NULL);

  return g_object_new (IIS_TYPE_RELATION,
                       "kind", kind,
                       "subject", subject,
                       "object", object,
                       NULL);
}

/**
 * iis_relation_get_kind:
 * @self: a relation
 *
 * Gets what the relation is.
 *
 * Returns: the kind
 *
 * Since: 1.0
 */
IisRelationKind
iis_relation_get_kind (IisRelation *self)
{
  g_return_val_if_fail (IIS_IS_RELATION (self), IIS_RELATION_KIND_ANY);

  return self->kind;
}

/**
 * iis_relation_get_subject:
 * @self: a relation
 *
 * Gets the entity at the subject end.
 *
 * Returns: (transfer none): the subject
 *
 * Since: 1.0
 */
IisEntity *
iis_relation_get_subject (IisRelation *self)
{
  g_return_val_if_fail (IIS_IS_RELATION (self), NULL);

  return self->subject;
}

/**
 * iis_relation_get_object:
 * @self: a relation
 *
 * Gets the entity at the object end.
 *
 * Returns: (transfer none): the object
 *
 * Since: 1.0
 */
IisEntity *
iis_relation_get_object (IisRelation *self)
{
  g_return_val_if_fail (IIS_IS_RELATION (self), NULL);

  return self->object;
}

/**
 * iis_relation_get_role:
 * @self: a relation
 *
 * Gets how the subject stands in the relation.
 *
 * Returns: (nullable): the role
 *
 * Since: 1.0
 */
const char *
iis_relation_get_role (IisRelation *self)
{
  g_return_val_if_fail (IIS_IS_RELATION (self), NULL);

  return self->role;
}

/**
 * iis_relation_set_role:
 * @self: a relation
 * @role: (nullable): the role, such as `"observer"` or `"ratification"`
 *
 * Sets how the subject stands in the relation.
 *
 * Since: 1.0
 */
void
iis_relation_set_role (IisRelation *self,
                       const char  *role)
{
  g_return_if_fail (IIS_IS_RELATION (self));

  if (g_strcmp0 (self->role, role) == 0)
    return;

  g_free (self->role);
  self->role = g_strdup (role);
  changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}


/**
 * iis_relation_get_start:
 * @self: a relation
 *
 * Gets when the relation began.
 *
 * Returns: (nullable) (transfer none): the start date, or %NULL if it is
 *   not known
 *
 * Since: 1.0
 */
const IisDate *
iis_relation_get_start (IisRelation *self)
{
  g_return_val_if_fail (IIS_IS_RELATION (self), NULL);

  return self->start;
}

/**
 * iis_relation_set_start:
 * @self: a relation
 * @start: (nullable): the start date (inclusive)
 *
 * Sets when the relation began. The date is copied.
 *
 * Since: 1.0
 */
void
iis_relation_set_start (IisRelation   *self,
                        const IisDate *start)
{
  g_return_if_fail (IIS_IS_RELATION (self));

  if (!_iis_date_replace (&self->start, start))
    return;

  changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
}

/**
 * iis_relation_get_end:
 * @self: a relation
 *
 * Gets the first date the relation no longer held.
 *
 * Returns: (nullable) (transfer none): the end date, or %NULL
 *
 * Since: 1.0
 */
const IisDate *
iis_relation_get_end (IisRelation *self)
{
  g_return_val_if_fail (IIS_IS_RELATION (self), NULL);

  return self->end;
}

/**
 * iis_relation_set_end:
 * @self: a relation
 * @end: (nullable): the first date the relation no longer held
 *
 * Sets when the relation ended. The date is copied.
 *
 * Since: 1.0
 */
void
iis_relation_set_end (IisRelation   *self,
                      const IisDate *end)
{
  g_return_if_fail (IIS_IS_RELATION (self));

  if (!_iis_date_replace (&self->end, end))
    return;

  changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END]);
}

/**
 * iis_relation_get_confidence:
 * @self: a relation
 *
 * Gets how sure the sources make the relation.
 *
 * Returns: the confidence
 *
 * Since: 1.0
 */
IisConfidence
iis_relation_get_confidence (IisRelation *self)
{
  g_return_val_if_fail (IIS_IS_RELATION (self), IIS_CONFIDENCE_UNSPECIFIED);

  return self->confidence;
}

/**
 * iis_relation_set_confidence:
 * @self: a relation
 * @confidence: the confidence
 *
 * Sets how sure the sources make the relation.
 *
 * Since: 1.0
 */
void
iis_relation_set_confidence (IisRelation   *self,
                             IisConfidence  confidence)
{
  g_return_if_fail (IIS_IS_RELATION (self));
  g_return_if_fail (confidence <= IIS_CONFIDENCE_HIGH);

  if (self->confidence == confidence)
    return;

  self->confidence = confidence;
  changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFIDENCE]);
}

/**
 * iis_relation_get_qualifier:
 * @self: a relation
 * @key: a qualifier key, such as `"deposit"`
 *
 * Gets the value of a qualifier.
 *
 * Returns: (nullable): the value, or %NULL if the relation has no such
 *   qualifier
 *
 * Since: 1.0
 */
const char *
iis_relation_get_qualifier (IisRelation *self,
                            const char  *key)
{
  g_return_val_if_fail (IIS_IS_RELATION (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (self->qualifiers == NULL)
    return NULL;
  return g_hash_table_lookup (self->qualifiers, key);
}

/**
 * iis_relation_set_qualifier:
 * @self: a relation
 * @key: a qualifier key, non-empty
 * @value: (nullable): the value, or %NULL to remove the qualifier
 *
 * Sets or removes a qualifier: an open key → value pair for what a
 * kind needs beyond role and period, such as the date a party deposited
 * its instrument. Qualifiers are kept through a save and a load.
 *
 * Since: 1.0
 */
void
iis_relation_set_qualifier (IisRelation *self,
                            const char  *key,
                            const char  *value)
{
  const char *current;

  g_return_if_fail (IIS_IS_RELATION (self));
  g_return_if_fail (key != NULL && key[0] != '\0');

  current = self->qualifiers != NULL ? g_hash_table_lookup (self->qualifiers, key) : NULL;
  if (g_strcmp0 (current, value) == 0)
    return;

  if (value == NULL)
    {
      g_hash_table_remove (self->qualifiers, key);
    }
  else
    {
      if (self->qualifiers == NULL)
        self->qualifiers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_insert (self->qualifiers, g_strdup (key), g_strdup (value));
    }

  changed (self);
}

static int
compare_strv_items (const void *a,
                    const void *b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/**
 * iis_relation_dup_qualifier_keys:
 * @self: a relation
 *
 * Gets the keys of the relation's qualifiers.
 *
 * Returns: (transfer full) (array zero-terminated=1): the keys, sorted;
 *   empty if there are no qualifiers
 *
 * Since: 1.0
 */
char **
iis_relation_dup_qualifier_keys (IisRelation *self)
{
  char **keys;

  g_return_val_if_fail (IIS_IS_RELATION (self), NULL);

  if (self->qualifiers == NULL)
    return g_new0 (char *, 1);

  keys = (char **) g_hash_table_get_keys_as_array (self->qualifiers, NULL);
  for (guint i = 0; keys[i] != NULL; i++)
    keys[i] = g_strdup (keys[i]);
  qsort (keys, g_strv_length (keys), sizeof (char *), compare_strv_items);

  return keys;
}

/**
 * iis_relation_add_source:
 * @self: a relation
 * @source: a source
 *
 * Adds a source of the relation.
 *
 * The relation keeps @source itself, not a copy: editing @source later
 * (its title, say) edits the relation's source, and when the relation is
 * in a catalog, the catalog's data, as editing an entity's source does.
 *
 * Since: 1.0
 */
void
iis_relation_add_source (IisRelation *self,
                         IisSource   *source)
{
  g_return_if_fail (IIS_IS_RELATION (self));
  g_return_if_fail (IIS_IS_SOURCE (source));

  if (self->sources == NULL)
    self->sources = g_ptr_array_new_with_free_func (g_object_unref);
  /* Once per relation: a source added twice is stored again once. */
  if (!g_ptr_array_find (self->sources, source, NULL))
    g_signal_connect (source, "notify", G_CALLBACK (source_notified), self);
  g_ptr_array_add (self->sources, g_object_ref (source));

  if (self->sources_model != NULL)
    g_list_store_append (self->sources_model, source);

  changed (self);
}

/**
 * iis_relation_get_sources:
 * @self: a relation
 *
 * Gets the sources of the relation, in the order they were added. The
 * list follows later additions.
 *
 * Returns: (transfer none): a list of [class@Iis.Source]
 *
 * Since: 1.0
 */
GListModel *
iis_relation_get_sources (IisRelation *self)
{
  g_return_val_if_fail (IIS_IS_RELATION (self), NULL);

  /* Made on first use; threads asking at once agree on one list. */
  if (g_atomic_pointer_get (&self->sources_model) == NULL)
    {
      GListStore *store = g_list_store_new (IIS_TYPE_SOURCE);

      if (self->sources != NULL)
        g_list_store_splice (store, 0, 0, self->sources->pdata, self->sources->len);
      if (!g_atomic_pointer_compare_and_exchange (&self->sources_model, NULL, store))
        g_object_unref (store);
    }

  return G_LIST_MODEL (self->sources_model);
}

/**
 * iis_relation_holds_at:
 * @self: a relation
 * @at: (nullable): a date, or %NULL for "at any time"
 *
 * Checks whether the relation's own period holds at @at: it has begun
 * by @at (or its start is unknown) and has not ended by @at, comparing
 * at the coarser precision as described in [struct@Iis.Date]. The
 * questions of [class@Iis.Catalog] also end a relation when one of its
 * ends ceases to exist (an organization's dissolution ends its
 * memberships); this function looks at the relation alone.
 *
 * Returns: %TRUE if the relation holds at @at; always %TRUE when @at
 *   is %NULL
 *
 * Since: 1.0
 */
gboolean
iis_relation_holds_at (IisRelation   *self,
                       const IisDate *at)
{
  g_return_val_if_fail (IIS_IS_RELATION (self), FALSE);

  return _iis_date_packed_period_holds (_iis_date_pack (self->start),
                                        _iis_date_pack (self->end),
                                        _iis_date_pack (at));
}

/**
 * iis_relation_is_in_catalog:
 * @self: a relation
 *
 * Checks whether the relation is in a catalog: added with
 * [method@Iis.Catalog.add_relation] or listed by one, and not removed
 * since.
 *
 * Returns: %TRUE if the relation is in a catalog
 *
 * Since: 1.0
 */
gboolean
iis_relation_is_in_catalog (IisRelation *self)
{
  g_return_val_if_fail (IIS_IS_RELATION (self), FALSE);

  return self->catalog != NULL;
}

/* The catalog makes relation objects by the thousand per question. Only
 * the construct-only members (kind and ends, which constructed() checks)
 * go through the property machinery; the others are stored directly,
 * which skips, per property, collecting a GValue, looking the property
 * up, set_property(), a copy of the value, and a notification queued
 * while no one can be connected yet. */
IisRelation *
_iis_relation_new_stored (IisRelationKind  kind,
                          IisEntity       *subject,
                          IisEntity       *object,
                          const char      *role,
                          IisDate         *start,
                          IisDate         *end,
                          IisConfidence    confidence)
{
  IisRelation *self = g_object_new (IIS_TYPE_RELATION,
                                    "kind", kind,
                                    "subject", subject,
                                    "object", object,
                                    NULL);

  self->role = g_strdup (role);
  self->start = start;
  self->end = end;
  self->confidence = confidence;
  return self;
}

void
_iis_relation_bind (IisRelation *self,
                    IisCatalog  *catalog,
                    guint32      slot)
{
  g_return_if_fail (IIS_IS_RELATION (self));
  g_return_if_fail (catalog != NULL);
  g_return_if_fail (self->catalog == NULL || self->catalog == catalog);

  self->catalog = catalog;
  self->slot = slot;
}

void
_iis_relation_unbind (IisRelation *self)
{
  g_return_if_fail (IIS_IS_RELATION (self));

  self->catalog = NULL;
  self->slot = IIS_RELATION_NO_SLOT;
}

void
_iis_relation_replace_end (IisRelation *self,
                           IisEntity   *old,
                           IisEntity   *replacement)
{
  g_return_if_fail (IIS_IS_RELATION (self));
  g_return_if_fail (IIS_IS_ENTITY (replacement));

  if (self->subject == old)
    g_set_object (&self->subject, replacement);
  if (self->object == old)
    g_set_object (&self->object, replacement);
}

IisCatalog *
_iis_relation_get_catalog (IisRelation *self)
{
  g_return_val_if_fail (IIS_IS_RELATION (self), NULL);

  return self->catalog;
}

guint32
_iis_relation_get_slot (IisRelation *self)
{
  g_return_val_if_fail (IIS_IS_RELATION (self), IIS_RELATION_NO_SLOT);

  return self->slot;
}

GHashTable *
_iis_relation_get_qualifiers (IisRelation *self)
{
  g_return_val_if_fail (IIS_IS_RELATION (self), NULL);

  return self->qualifiers;
}

GPtrArray *
_iis_relation_get_source_array (IisRelation *self)
{
  g_return_val_if_fail (IIS_IS_RELATION (self), NULL);

  return self->sources;
}

const char *
_iis_relation_get_unknown_json (IisRelation *self)
{
  g_return_val_if_fail (IIS_IS_RELATION (self), NULL);

  return self->unknown_json;
}

/* Does not write through to the catalog: used while a relation is filled
 * from the catalog's records or from a file. */
void
_iis_relation_set_unknown_json (IisRelation *self,
                                const char  *json)
{
  g_return_if_fail (IIS_IS_RELATION (self));

  if (g_strcmp0 (self->unknown_json, json) == 0)
    return;

  g_free (self->unknown_json);
  self->unknown_json = g_strdup (json);
}

/* Takes @qualifiers, a table of strings owned by the table (key and
 * value destroy functions g_free()), or NULL. No notification, no
 * write-through. */
void
_iis_relation_set_qualifiers_take (IisRelation *self,
                                   GHashTable  *qualifiers)
{
  g_return_if_fail (IIS_IS_RELATION (self));

  if (qualifiers == self->qualifiers)
    return;

  g_clear_pointer (&self->qualifiers, g_hash_table_unref);
  self->qualifiers = qualifiers;
}

/* Takes @sources, an array of IisSource holding a reference to each
 * (its free function is set to g_object_unref()), or NULL. No
 * notification, no write-through. */
void
_iis_relation_set_sources_take (IisRelation *self,
                                GPtrArray   *sources)
{
  g_return_if_fail (IIS_IS_RELATION (self));

  if (sources == self->sources)
    return;

  if (sources != NULL)
    g_ptr_array_set_free_func (sources, g_object_unref);
  watch_sources (self, self->sources, FALSE);
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  self->sources = sources;
  watch_sources (self, self->sources, TRUE);

  if (self->sources_model != NULL)
    g_list_store_splice (self->sources_model, 0,
                         g_list_model_get_n_items (G_LIST_MODEL (self->sources_model)),
                         sources != NULL ? sources->pdata : NULL,
                         sources != NULL ? sources->len : 0);
}
