/* iis-problem.c: an inconsistency found by validation
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "iis-enum-types.h"
#include "iis-problem.h"
#include "iis-relation.h"
#include "iis-relation-private.h"

/**
 * IisProblem:
 *
 * An inconsistency that [method@Iis.Catalog.validate] found in a
 * catalog: a period that ends before it starts, a relation dated outside
 * the life of one of its ends, a cycle of `part-of` relations, or two
 * overlapping relations of the same kind and role
 * ([property@Iis.Problem:kind]); or, from
 * [method@Iis.Catalog.validate_full], a warning
 * ([property@Iis.Problem:severity]) about a member or a role that this
 * version does not know.
 *
 * A problem has a message for the user, the id of the entity it
 * concerns (for a relation, the id of its subject) and, when there is
 * one, the entity or relation itself as [property@Iis.Problem:item].
 *
 * ```c
 * g_autoptr(GListModel) problems = iis_catalog_validate (catalog);
 *
 * for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
 *   {
 *     g_autoptr(IisProblem) problem = g_list_model_get_item (problems, i);
 *
 *     g_printerr ("%s: %s\n", iis_problem_get_subject_id (problem),
 *                 iis_problem_get_message (problem));
 *   }
 * ```
 *
 * Since: 1.0
 */

struct _IisProblem
{
  GObject parent_instance;

  IisProblemKind kind;
  char *subject_id;
  char *message;
  GObject *item;
};

G_DEFINE_FINAL_TYPE (IisProblem, iis_problem, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_SUBJECT_ID,
  PROP_MESSAGE,
  PROP_ITEM,
  PROP_SEVERITY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
iis_problem_dispose (GObject *object)
{
  IisProblem *self = IIS_PROBLEM (object);

  g_clear_object (&self->item);

  G_OBJECT_CLASS (iis_problem_parent_class)->dispose (object);
}

static void
iis_problem_finalize (GObject *object)
{
  IisProblem *self = IIS_PROBLEM (object);

  g_clear_pointer (&self->subject_id, g_free);
  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (iis_problem_parent_class)->finalize (object);
}

static void
iis_problem_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  IisProblem *self = IIS_PROBLEM (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_SUBJECT_ID:
      g_value_set_string (value, self->subject_id);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    case PROP_SEVERITY:
      g_value_set_enum (value, iis_problem_get_severity (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iis_problem_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  IisProblem *self = IIS_PROBLEM (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    case PROP_SUBJECT_ID:
      self->subject_id = g_value_dup_string (value);
      break;
    case PROP_MESSAGE:
      self->message = g_value_dup_string (value);
      break;
    case PROP_ITEM:
      iis_problem_set_item (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iis_problem_class_init (IisProblemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = iis_problem_dispose;
  object_class->finalize = iis_problem_finalize;
  object_class->get_property = iis_problem_get_property;
  object_class->set_property = iis_problem_set_property;

  /**
   * IisProblem:kind:
   *
   * What the problem is about.
   *
   * Since: 1.0
   */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       IIS_TYPE_PROBLEM_KIND,
                       IIS_PROBLEM_KIND_REVERSED_PERIOD,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * IisProblem:subject-id:
   *
   * The id of the entity the problem concerns; for a relation, the id of
   * its subject.
   *
   * Since: 1.0
   */
  properties[PROP_SUBJECT_ID] =
    g_param_spec_string ("subject-id", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * IisProblem:message:
   *
   * A description of the problem for the user.
   *
   * Since: 1.0
   */
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * IisProblem:item:
   *
   * The entity or relation the problem concerns, if there is one.
   *
   * Since: 1.0
   */
  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         G_TYPE_OBJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * IisProblem:severity:
   *
   * How serious the problem is: an error, or a warning about something
   * that is probably a mistake. It follows from [property@Iis.Problem:kind].
   *
   * Since: 1.1
   */
  properties[PROP_SEVERITY] =
    g_param_spec_enum ("severity", NULL, NULL,
                       IIS_TYPE_PROBLEM_SEVERITY,
                       IIS_PROBLEM_SEVERITY_ERROR,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
iis_problem_init (IisProblem *self)
{
}

/**
 * iis_problem_new:
 * @kind: what the problem is about
 * @subject_id: (nullable): the id of the entity it concerns
 * @message: a description for the user
 *
 * Creates a problem.
 *
 * Returns: (transfer full): a new problem
 *
 * Since: 1.0
 */
IisProblem *
iis_problem_new (IisProblemKind  kind,
                 const char     *subject_id,
                 const char     *message)
{
  g_return_val_if_fail (message != NULL, NULL);

  return g_object_new (IIS_TYPE_PROBLEM,
                       "kind", kind,
                       "subject-id", subject_id,
                       "message", message,
                       NULL);
}

/**
 * iis_problem_get_kind:
 * @self: a problem
 *
 * Gets what the problem is about.
 *
 * Returns: the kind of problem
 *
 * Since: 1.0
 */
IisProblemKind
iis_problem_get_kind (IisProblem *self)
{
  g_return_val_if_fail (IIS_IS_PROBLEM (self), IIS_PROBLEM_KIND_REVERSED_PERIOD);

  return self->kind;
}

/**
 * iis_problem_get_severity:
 * @self: a problem
 *
 * Gets how serious the problem is. Unknown members and roles are
 * warnings, except the unknown role of a treaty action (a relation of
 * kind `consented-to`, `denounced` … as its item), which
 * [method@Iis.Catalog.validate] reports; everything it reports is an
 * error.
 *
 * Returns: the severity of the problem
 *
 * Since: 1.1
 */
IisProblemSeverity
iis_problem_get_severity (IisProblem *self)
{
  g_return_val_if_fail (IIS_IS_PROBLEM (self), IIS_PROBLEM_SEVERITY_ERROR);

  switch (self->kind)
    {
    case IIS_PROBLEM_KIND_UNKNOWN_ROLE:
      /* A treaty action's role says how a state was bound: a typo there
       * changes an answer, so iis_catalog_validate() reports it. */
      if (IIS_IS_RELATION (self->item)
          && _iis_relation_kind_is_action (iis_relation_get_kind (IIS_RELATION (self->item))))
        return IIS_PROBLEM_SEVERITY_ERROR;
      return IIS_PROBLEM_SEVERITY_WARNING;
    case IIS_PROBLEM_KIND_UNKNOWN_MEMBER:
      return IIS_PROBLEM_SEVERITY_WARNING;
    case IIS_PROBLEM_KIND_REVERSED_PERIOD:
    case IIS_PROBLEM_KIND_OUTSIDE_LIFETIME:
    case IIS_PROBLEM_KIND_PART_OF_CYCLE:
    case IIS_PROBLEM_KIND_OVERLAPPING_RELATIONS:
    case IIS_PROBLEM_KIND_SHARED_IDENTIFIER:
    default:
      return IIS_PROBLEM_SEVERITY_ERROR;
    }
}

/**
 * iis_problem_get_subject_id:
 * @self: a problem
 *
 * Gets the id of the entity the problem concerns; for a relation, the
 * id of its subject.
 *
 * Returns: (nullable): the id
 *
 * Since: 1.0
 */
const char *
iis_problem_get_subject_id (IisProblem *self)
{
  g_return_val_if_fail (IIS_IS_PROBLEM (self), NULL);

  return self->subject_id;
}

/**
 * iis_problem_get_message:
 * @self: a problem
 *
 * Gets the description of the problem.
 *
 * Returns: the message
 *
 * Since: 1.0
 */
const char *
iis_problem_get_message (IisProblem *self)
{
  g_return_val_if_fail (IIS_IS_PROBLEM (self), NULL);

  return self->message;
}

/**
 * iis_problem_get_item:
 * @self: a problem
 *
 * Gets the entity or relation the problem concerns.
 *
 * Returns: (nullable) (transfer none): the [class@Iis.Entity] or
 *   [class@Iis.Relation], or %NULL
 *
 * Since: 1.0
 */
GObject *
iis_problem_get_item (IisProblem *self)
{
  g_return_val_if_fail (IIS_IS_PROBLEM (self), NULL);

  return self->item;
}

/**
 * iis_problem_set_item:
 * @self: a problem
 * @item: (nullable): the entity or relation the problem concerns
 *
 * Sets the entity or relation the problem concerns.
 *
 * Since: 1.0
 */
void
iis_problem_set_item (IisProblem *self,
                      GObject    *item)
{
  g_return_if_fail (IIS_IS_PROBLEM (self));
  g_return_if_fail (item == NULL || G_IS_OBJECT (item));

  if (g_set_object (&self->item, item))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}
