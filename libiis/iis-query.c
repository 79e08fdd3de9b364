/* iis-query.c: a composable query over a catalog
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "iis-answer-private.h"
#include "iis-catalog-query-private.h"
#include "iis-catalog-view-private.h"
#include "iis-catalog-private.h"
#include "iis-continuity.h"
#include "iis-date-private.h"
#include "iis-enum-types.h"
#include "iis-error.h"
#include "iis-query.h"

/**
 * IisQuery:
 *
 * A query that combines conditions on entities and runs over a catalog.
 *
 * A query finds the entities of a type (any entity by default) whose
 * id, name, labels or other names contain a text, and that are related
 * to other entities in given ways at a date. Every condition that is set
 * must hold.
 *
 * ```c
 * // States that were observers of the SCO in 2016 and whose name
 * // contains "in".
 * g_autoptr(IisQuery) query = iis_query_new ();
 * g_autoptr(IisDate) at = iis_date_new (2016, 0, 0);
 *
 * iis_query_set_entity_type (query, IIS_TYPE_STATE);
 * iis_query_set_text (query, "in");
 * iis_query_set_at (query, at);
 * iis_query_add_related (query, IIS_RELATION_KIND_MEMBER_OF, "sco", "observer", FALSE);
 *
 * g_autoptr(GListModel) found = iis_query_run (query, catalog, &error);
 * ```
 *
 * A relation condition starts from the other entity, so a query with one
 * costs what that entity's relations cost, whatever the size of the
 * catalog; a query with none walks every entity of the type.
 *
 * Since: 1.0
 */

typedef struct
{
  IisRelationKind  kind;
  char            *other_id;
  char            *role;
  gboolean         reverse;
} Constraint;

struct _IisQuery
{
  GObject   parent_instance;

  GType     entity_type;
  char     *text;
  IisDate  *at;
  IisQuestionMode mode;
  gboolean  follow_continuity;
  GArray   *constraints;   /* Constraint */
};

G_DEFINE_FINAL_TYPE (IisQuery, iis_query, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ENTITY_TYPE,
  PROP_TEXT,
  PROP_AT,
  PROP_MODE,
  PROP_FOLLOW_CONTINUITY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
constraint_clear (gpointer data)
{
  Constraint *c = data;

  g_free (c->other_id);
  g_free (c->role);
}

static void
iis_query_finalize (GObject *object)
{
  IisQuery *self = IIS_QUERY (object);

  g_free (self->text);
  g_clear_pointer (&self->at, iis_date_free);
  g_array_unref (self->constraints);

  G_OBJECT_CLASS (iis_query_parent_class)->finalize (object);
}

static void
iis_query_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  IisQuery *self = IIS_QUERY (object);

  switch (prop_id)
    {
    case PROP_ENTITY_TYPE:
      g_value_set_gtype (value, self->entity_type);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_AT:
      g_value_set_boxed (value, self->at);
      break;

    case PROP_MODE:
      g_value_set_enum (value, self->mode);
      break;
    case PROP_FOLLOW_CONTINUITY:
      g_value_set_boolean (value, self->follow_continuity);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iis_query_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  IisQuery *self = IIS_QUERY (object);

  switch (prop_id)
    {
    case PROP_ENTITY_TYPE:
      iis_query_set_entity_type (self, g_value_get_gtype (value));
      break;

    case PROP_TEXT:
      iis_query_set_text (self, g_value_get_string (value));
      break;

    case PROP_AT:
      iis_query_set_at (self, g_value_get_boxed (value));
      break;

    case PROP_MODE:
      iis_query_set_mode (self, g_value_get_enum (value));
      break;
    case PROP_FOLLOW_CONTINUITY:
      iis_query_set_follow_continuity (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iis_query_class_init (IisQueryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iis_query_finalize;
  object_class->get_property = iis_query_get_property;
  object_class->set_property = iis_query_set_property;

  /**
   * IisQuery:entity-type: (getter get_entity_type) (setter set_entity_type)
   *
   * The type of the entities to find: [class@Iis.Entity] (the default)
   * for any, or one of its subtypes.
   *
   * Since: 1.0
   */
  properties[PROP_ENTITY_TYPE] =
    g_param_spec_gtype ("entity-type", NULL, NULL,
                        IIS_TYPE_ENTITY,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * IisQuery:text: (getter get_text) (setter set_text)
   *
   * A text the entity's id, name, labels or other names must contain,
   * compared without case; %NULL or empty for any.
   *
   * Since: 1.0
   */
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * IisQuery:at: (getter get_at) (setter set_at)
   *
   * The date at which relation conditions must hold; %NULL for "at any
   * time".
   *
   * Since: 1.0
   */
  properties[PROP_AT] =
    g_param_spec_boxed ("at", NULL, NULL,
                        IIS_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * IisQuery:mode: (getter get_mode) (setter set_mode)
   *
   * Whether relation conditions must certainly hold at
   * [property@Iis.Query:at], or may also possibly hold where inexact
   * dates leave it open; [method@Iis.Answer.get_truth] then tells the
   * entities apart (an entity is certain when every condition certainly
   * holds).
   *
   * Since: 1.1
   */
  properties[PROP_MODE] =
    g_param_spec_enum ("mode", NULL, NULL,
                       IIS_TYPE_QUESTION_MODE, IIS_QUESTION_MODE_CERTAIN,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * IisQuery:follow-continuity: (getter get_follow_continuity) (setter set_follow_continuity)
   *
   * Whether a `member-of` condition follows continuity: the members of
   * an organization are then those of
   * [method@Iis.Catalog.get_members_continuous], each legal person as
   * the state that stands for it at [property@Iis.Query:at]. Other
   * conditions are not affected.
   *
   * Since: 1.1
   */
  properties[PROP_FOLLOW_CONTINUITY] =
    g_param_spec_boolean ("follow-continuity", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
iis_query_init (IisQuery *self)
{
  self->entity_type = IIS_TYPE_ENTITY;
  self->constraints = g_array_new (FALSE, TRUE, sizeof (Constraint));
  g_array_set_clear_func (self->constraints, constraint_clear);
}

/**
 * iis_query_new:
 *
 * Creates a query that finds every entity, until conditions are added.
 *
 * Returns: (transfer full): a new query
 *
 * Since: 1.0
 */
IisQuery *
iis_query_new (void)
{
  return g_object_new (IIS_TYPE_QUERY, NULL);
}

/**
 * iis_query_get_entity_type: (get-property entity-type)
 * @self: a query
 *
 * Gets the type of the entities the query finds.
 *
 * Returns: a type derived from [class@Iis.Entity]
 *
 * Since: 1.0
 */
GType
iis_query_get_entity_type (IisQuery *self)
{
  g_return_val_if_fail (IIS_IS_QUERY (self), G_TYPE_INVALID);

  return self->entity_type;
}

/**
 * iis_query_set_entity_type: (set-property entity-type)
 * @self: a query
 * @type: `IIS_TYPE_ENTITY` or a type derived from it
 *
 * Sets the type of the entities the query finds.
 *
 * Since: 1.0
 */
void
iis_query_set_entity_type (IisQuery *self,
                           GType     type)
{
  g_return_if_fail (IIS_IS_QUERY (self));
  g_return_if_fail (g_type_is_a (type, IIS_TYPE_ENTITY));

  if (self->entity_type == type)
    return;
  self->entity_type = type;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTITY_TYPE]);
}

/**
 * iis_query_get_text: (get-property text)
 * @self: a query
 *
 * Gets the text that found entities must contain.
 *
 * Returns: (nullable): the text, or %NULL
 *
 * Since: 1.0
 */
const char *
iis_query_get_text (IisQuery *self)
{
  g_return_val_if_fail (IIS_IS_QUERY (self), NULL);

  return self->text;
}

/**
 * iis_query_set_text: (set-property text)
 * @self: a query
 * @text: (nullable): a text, or %NULL for any
 *
 * Sets a text that the entity's id, name, labels or other names must
 * contain (see [method@Iis.Entity.matches_text]).
 *
 * Since: 1.0
 */
void
iis_query_set_text (IisQuery   *self,
                    const char *text)
{
  g_return_if_fail (IIS_IS_QUERY (self));

  if (text != NULL && *text == '\0')
    text = NULL;
  if (g_strcmp0 (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

/**
 * iis_query_get_at: (get-property at)
 * @self: a query
 *
 * Gets the date at which relation conditions must hold.
 *
 * Returns: (nullable) (transfer none): the date, or %NULL for any time
 *
 * Since: 1.0
 */
const IisDate *
iis_query_get_at (IisQuery *self)
{
  g_return_val_if_fail (IIS_IS_QUERY (self), NULL);

  return self->at;
}

/**
 * iis_query_set_at: (set-property at)
 * @self: a query
 * @at: (nullable): a date, or %NULL for "at any time"
 *
 * Sets the date at which relation conditions must hold, by the rule of
 * [method@Iis.Relation.holds_at].
 *
 * Since: 1.0
 */
void
iis_query_set_at (IisQuery      *self,
                  const IisDate *at)
{
  g_return_if_fail (IIS_IS_QUERY (self));

  if (iis_date_equal (self->at, at))
    return;
  g_clear_pointer (&self->at, iis_date_free);
  self->at = at ? iis_date_copy (at) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AT]);
}

/**
 * iis_query_add_related:
 * @self: a query
 * @kind: a relation kind, or %IIS_RELATION_KIND_ANY
 * @other_id: the id of the entity at the other end
 * @role: (nullable): the role the relation must have, or %NULL for any
 * @reverse: %FALSE when found entities are the relation's subject (a
 *   state that is `member-of` @other_id), %TRUE when they are its object
 *   (the agreements @other_id is `party-to`)
 *
 * Adds a condition: found entities have a relation of @kind with
 * @other_id that holds at [property@Iis.Query:at].
 *
 * Since: 1.0
 */
void
iis_query_add_related (IisQuery        *self,
                       IisRelationKind  kind,
                       const char      *other_id,
                       const char      *role,
                       gboolean         reverse)
{
  Constraint c;

  g_return_if_fail (IIS_IS_QUERY (self));
  g_return_if_fail (other_id != NULL);

  c.kind = kind;
  c.other_id = g_strdup (other_id);
  c.role = g_strdup (role);
  c.reverse = reverse;
  g_array_append_val (self->constraints, c);
}

/**
 * iis_query_get_n_constraints:
 * @self: a query
 *
 * Gets the number of relation conditions added with
 * [method@Iis.Query.add_related].
 *
 * Returns: the number of relation conditions
 *
 * Since: 1.0
 */
guint
iis_query_get_n_constraints (IisQuery *self)
{
  g_return_val_if_fail (IIS_IS_QUERY (self), 0);

  return self->constraints->len;
}

/**
 * iis_query_clear_related:
 * @self: a query
 *
 * Removes every relation condition.
 *
 * Since: 1.0
 */
void
iis_query_clear_related (IisQuery *self)
{
  g_return_if_fail (IIS_IS_QUERY (self));

  g_array_set_size (self->constraints, 0);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return strcmp (iis_entity_get_id (*(IisEntity **) a), iis_entity_get_id (*(IisEntity **) b));
}

/* Entities related to one constraint's other end, as a set. */
/* The entities meeting one condition, each → its best truth + 1. */
static GHashTable *
constraint_set (IisQuery         *self,
                IisCatalog       *catalog,
                const Constraint *c,
                IisEntity        *other)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  g_autoptr(GArray) truths = g_array_new (FALSE, FALSE, sizeof (guint8));
  GHashTable *set = g_hash_table_new (NULL, NULL);

  /* Found entities are subjects, so walk from the object end (reverse),
   * and the other way round. */
  if (self->follow_continuity && c->kind == IIS_RELATION_KIND_MEMBER_OF && !c->reverse &&
      IIS_IS_ORGANIZATION (other))
    {
      g_autoptr(GListModel) members =
        iis_catalog_get_members_continuous (catalog, IIS_ORGANIZATION (other), c->role,
                                            self->at, self->mode);

      for (guint i = 0; i < g_list_model_get_n_items (members); i++)
        {
          g_autoptr(IisEntity) member = g_list_model_get_item (members, i);
          guint8 truth = (guint8) iis_answer_get_truth (IIS_ANSWER (members), i);

          /* Borrowed: the catalog holds its entities. */
          g_ptr_array_add (found, member);
          g_array_append_val (truths, truth);
        }
    }
  else
    _iis_catalog_collect_related_full (catalog, other, c->kind, !c->reverse, c->role, self->at,
                                       self->mode, found, truths);
  for (guint i = 0; i < found->len; i++)
    {
      gpointer entity = g_ptr_array_index (found, i);
      guint stored = GPOINTER_TO_UINT (g_hash_table_lookup (set, entity));  /* 0: absent */
      guint truth = g_array_index (truths, guint8, i) + 1u;

      if (truth > stored)
        g_hash_table_insert (set, entity, GUINT_TO_POINTER (truth));
    }
  return set;
}

/**
 * iis_query_run:
 * @self: a query
 * @catalog: the catalog to search
 * @error: return location for an error
 *
 * Finds the entities of @catalog that meet every condition.
 *
 * Fails with %IIS_ERROR_UNKNOWN_REFERENCE when a relation condition names
 * an entity that is not in @catalog.
 *
 * Returns: (transfer full): a list of [class@Iis.Entity], sorted by id,
 *   or %NULL on error
 *
 * Since: 1.0
 */
GListModel *
iis_query_run (IisQuery    *self,
               IisCatalog  *catalog,
               GError     **error)
{
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GPtrArray) sets = NULL;
  g_autofree guint8 *truths = NULL;
  gboolean any_unknown = FALSE;
  GListModel *answer;
  gpointer *items;
  guint n = 0;

  g_return_val_if_fail (IIS_IS_QUERY (self), NULL);
  g_return_val_if_fail (IIS_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  sets = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  for (guint i = 0; i < self->constraints->len; i++)
    {
      const Constraint *c = &g_array_index (self->constraints, Constraint, i);
      IisEntity *other = iis_catalog_lookup (catalog, c->other_id);

      if (other == NULL)
        {
          g_set_error (error, IIS_ERROR, IIS_ERROR_UNKNOWN_REFERENCE,
                       "The query refers to an unknown entity “%s”", c->other_id);
          return NULL;
        }
      g_ptr_array_add (sets, constraint_set (self, catalog, c, other));
    }

  if (sets->len > 0)
    {
      GHashTableIter iter;
      gpointer key;

      candidates = g_ptr_array_new ();
      g_hash_table_iter_init (&iter, g_ptr_array_index (sets, 0));
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_ptr_array_add (candidates, key);
      g_ptr_array_sort (candidates, compare_ids);
    }
  else
    candidates = _iis_catalog_dup_entities_sorted (catalog);

  items = g_new (gpointer, MAX (candidates->len, 1));
  truths = g_new (guint8, MAX (candidates->len, 1));
  for (guint i = 0; i < candidates->len; i++)
    {
      IisEntity *entity = g_ptr_array_index (candidates, i);
      gboolean keep = g_type_is_a (G_OBJECT_TYPE (entity), self->entity_type);
      guint truth = IIS_TRUTH_YES;

      /* Every condition must hold: the entity's truth is the least. */
      for (guint s = 0; keep && s < sets->len; s++)
        {
          guint in_set = GPOINTER_TO_UINT (g_hash_table_lookup (g_ptr_array_index (sets, s), entity));

          keep = in_set != 0;
          truth = MIN (truth, in_set - 1);
        }
      if (keep && self->text != NULL)
        keep = iis_entity_matches_text (entity, self->text);
      if (keep)
        {
          truths[n] = (guint8) truth;
          any_unknown |= truth == IIS_TRUTH_UNKNOWN;
          items[n++] = g_object_ref (entity);
        }
    }

  answer = _iis_answer_new_take (self->entity_type, items, n);
  if (any_unknown)
    _iis_answer_set_truths_take (IIS_ANSWER (answer), g_steal_pointer (&truths));
  return answer;
}

/**
 * iis_query_get_mode: (get-property mode)
 * @self: a query
 *
 * Gets whether relation conditions must certainly hold, or may possibly
 * hold.
 *
 * Returns: the mode of the query
 *
 * Since: 1.1
 */
IisQuestionMode
iis_query_get_mode (IisQuery *self)
{
  g_return_val_if_fail (IIS_IS_QUERY (self), IIS_QUESTION_MODE_CERTAIN);

  return self->mode;
}

/**
 * iis_query_set_mode: (set-property mode)
 * @self: a query
 * @mode: a question mode
 *
 * Sets whether relation conditions must certainly hold at
 * [property@Iis.Query:at] (the default), or may also possibly hold where
 * inexact dates leave it open.
 *
 * Since: 1.1
 */
void
iis_query_set_mode (IisQuery        *self,
                    IisQuestionMode  mode)
{
  g_return_if_fail (IIS_IS_QUERY (self));
  g_return_if_fail (mode == IIS_QUESTION_MODE_CERTAIN || mode == IIS_QUESTION_MODE_POSSIBLE);

  if (self->mode == mode)
    return;
  self->mode = mode;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
}

/**
 * iis_query_get_follow_continuity: (get-property follow-continuity)
 * @self: a query
 *
 * Gets whether `member-of` conditions follow continuity.
 *
 * Returns: %TRUE if they do
 *
 * Since: 1.1
 */
gboolean
iis_query_get_follow_continuity (IisQuery *self)
{
  g_return_val_if_fail (IIS_IS_QUERY (self), FALSE);

  return self->follow_continuity;
}

/**
 * iis_query_set_follow_continuity: (set-property follow-continuity)
 * @self: a query
 * @follow_continuity: whether `member-of` conditions follow continuity
 *
 * Sets whether `member-of` conditions follow continuity (see
 * [property@Iis.Query:follow-continuity]).
 *
 * Since: 1.1
 */
void
iis_query_set_follow_continuity (IisQuery *self,
                                 gboolean  follow_continuity)
{
  g_return_if_fail (IIS_IS_QUERY (self));

  follow_continuity = !!follow_continuity;
  if (self->follow_continuity == follow_continuity)
    return;
  self->follow_continuity = follow_continuity;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLLOW_CONTINUITY]);
}
