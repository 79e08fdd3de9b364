/* iis-forum.c: a forum, conference, summit or meeting
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "iis-date-private.h"

#include "iis-enum-types.h"
#include "iis-forum.h"

/**
 * IisForum:
 *
 * A gathering: a forum, a conference, a summit, a meeting, or a
 * recurring series of them ([property@Iis.Forum:kind]).
 *
 * A forum has its first and last day, the city it was held in, how many
 * took part (possibly as a lower bound: "more than 1,300 participants")
 * and the topics it discussed. Its organizers, hosts and participants
 * are `organizer-of`, `host-of` and `participant-in` relations; each
 * edition of a series is `part-of` the series.
 *
 * ```c
 * g_autoptr(IisDate) start = iis_date_new (2016, 4, 13);
 * g_autoptr(IisForum) forum = g_object_new (IIS_TYPE_FORUM,
 *                                           "id", "iisf-2016",
 *                                           "name", "International Information "
 *                                                   "Security Forum 2016",
 *                                           "kind", IIS_FORUM_KIND_FORUM,
 *                                           "start", start,
 *                                           "city", "Moscow",
 *                                           "participant-count", 1300,
 *                                           "participant-count-is-minimum", TRUE,
 *                                           NULL);
 *
 * iis_forum_add_topic (forum, "critical infrastructure");
 * ```
 *
 * Since: 1.0
 */

struct _IisForum
{
  IisEntity parent_instance;

  IisForumKind kind;
  IisDate *start;
  IisDate *end;
  char *city;
  guint participant_count;
  gboolean participant_count_is_minimum;
  GStrv topics;   /* NULL when there are none */
};

G_DEFINE_FINAL_TYPE (IisForum, iis_forum, IIS_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_KIND,
  PROP_START,
  PROP_END,
  PROP_CITY,
  PROP_PARTICIPANT_COUNT,
  PROP_PARTICIPANT_COUNT_IS_MINIMUM,
  PROP_TOPICS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
iis_forum_finalize (GObject *object)
{
  IisForum *self = IIS_FORUM (object);

  g_clear_pointer (&self->start, iis_date_free);
  g_clear_pointer (&self->end, iis_date_free);
  g_clear_pointer (&self->city, g_free);
  g_clear_pointer (&self->topics, g_strfreev);

  G_OBJECT_CLASS (iis_forum_parent_class)->finalize (object);
}

static void
iis_forum_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  IisForum *self = IIS_FORUM (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_START:
      g_value_set_boxed (value, self->start);
      break;
    case PROP_END:
      g_value_set_boxed (value, self->end);
      break;
    case PROP_CITY:
      g_value_set_string (value, self->city);
      break;
    case PROP_PARTICIPANT_COUNT:
      g_value_set_uint (value, self->participant_count);
      break;
    case PROP_PARTICIPANT_COUNT_IS_MINIMUM:
      g_value_set_boolean (value, self->participant_count_is_minimum);
      break;
    case PROP_TOPICS:
      g_value_set_boxed (value, self->topics);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iis_forum_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  IisForum *self = IIS_FORUM (object);

  switch (prop_id)
    {
    case PROP_KIND:
      iis_forum_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_START:
      iis_forum_set_start (self, g_value_get_boxed (value));
      break;
    case PROP_END:
      iis_forum_set_end (self, g_value_get_boxed (value));
      break;
    case PROP_CITY:
      iis_forum_set_city (self, g_value_get_string (value));
      break;
    case PROP_PARTICIPANT_COUNT:
      iis_forum_set_participant_count (self, g_value_get_uint (value));
      break;
    case PROP_PARTICIPANT_COUNT_IS_MINIMUM:
      iis_forum_set_participant_count_is_minimum (self, g_value_get_boolean (value));
      break;
    case PROP_TOPICS:
      iis_forum_set_topics (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iis_forum_class_init (IisForumClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iis_forum_finalize;
  object_class->get_property = iis_forum_get_property;
  object_class->set_property = iis_forum_set_property;

  /**
   * IisForum:kind:
   *
   * What kind of gathering this is.
   *
   * Since: 1.0
   */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       IIS_TYPE_FORUM_KIND,
                       IIS_FORUM_KIND_OTHER,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * IisForum:start:
   *
   * The first day of the gathering, or %NULL if it is not known.
   *
   * Since: 1.0
   */
  properties[PROP_START] =
    g_param_spec_boxed ("start", NULL, NULL,
                        IIS_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * IisForum:end:
   *
   * The last day of the gathering, or %NULL if it is not known or the
   * gathering took one day.
   *
   * Since: 1.0
   */
  properties[PROP_END] =
    g_param_spec_boxed ("end", NULL, NULL,
                        IIS_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * IisForum:city:
   *
   * The city the gathering was held in.
   *
   * Since: 1.0
   */
  properties[PROP_CITY] =
    g_param_spec_string ("city", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * IisForum:participant-count:
   *
   * How many took part, or 0 if that is not known. See
   * [property@Iis.Forum:participant-count-is-minimum].
   *
   * Since: 1.0
   */
  properties[PROP_PARTICIPANT_COUNT] =
    g_param_spec_uint ("participant-count", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * IisForum:participant-count-is-minimum:
   *
   * Whether [property@Iis.Forum:participant-count] is a lower bound, as
   * in "more than 1,300 participants".
   *
   * Since: 1.0
   */
  properties[PROP_PARTICIPANT_COUNT_IS_MINIMUM] =
    g_param_spec_boolean ("participant-count-is-minimum", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * IisForum:topics:
   *
   * The topics the gathering discussed, in the order given, or %NULL if
   * there are none.
   *
   * Since: 1.0
   */
  properties[PROP_TOPICS] =
    g_param_spec_boxed ("topics", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
iis_forum_init (IisForum *self)
{
  self->kind = IIS_FORUM_KIND_OTHER;
}

/**
 * iis_forum_new:
 * @id: the id of the forum, non-empty
 * @name: (nullable): its plain name
 *
 * Creates a forum of kind %IIS_FORUM_KIND_OTHER.
 *
 * Returns: (transfer full): a new forum
 *
 * Since: 1.0
 */
IisForum *
iis_forum_new (const char *id,
               const char *name)
{
  g_return_val_if_fail (id != NULL && id[0] != '\0', NULL);

  return g_object_new (IIS_TYPE_FORUM,
                       "id", id,
                       "name", name,
                       NULL);
}

/**
 * iis_forum_get_kind:
 * @self: a forum
 *
 * Gets what kind of gathering this is.
 *
 * Returns: the kind
 *
 * Since: 1.0
 */
IisForumKind
iis_forum_get_kind (IisForum *self)
{
  g_return_val_if_fail (IIS_IS_FORUM (self), IIS_FORUM_KIND_OTHER);

  return self->kind;
}

/**
 * iis_forum_set_kind:
 * @self: a forum
 * @kind: the kind
 *
 * Sets what kind of gathering this is.
 *
 * Since: 1.0
 */
void
iis_forum_set_kind (IisForum     *self,
                    IisForumKind  kind)
{
  g_return_if_fail (IIS_IS_FORUM (self));
  g_return_if_fail (kind <= IIS_FORUM_KIND_SERIES);

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}


/**
 * iis_forum_get_start:
 * @self: a forum
 *
 * Gets the first day of the gathering.
 *
 * Returns: (nullable) (transfer none): the start date
 *
 * Since: 1.0
 */
const IisDate *
iis_forum_get_start (IisForum *self)
{
  g_return_val_if_fail (IIS_IS_FORUM (self), NULL);

  return self->start;
}

/**
 * iis_forum_set_start:
 * @self: a forum
 * @start: (nullable): the first day
 *
 * Sets the first day of the gathering. The date is copied.
 *
 * Since: 1.0
 */
void
iis_forum_set_start (IisForum      *self,
                     const IisDate *start)
{
  g_return_if_fail (IIS_IS_FORUM (self));

  if (_iis_date_replace (&self->start, start))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
}

/**
 * iis_forum_get_end:
 * @self: a forum
 *
 * Gets the last day of the gathering.
 *
 * Returns: (nullable) (transfer none): the end date
 *
 * Since: 1.0
 */
const IisDate *
iis_forum_get_end (IisForum *self)
{
  g_return_val_if_fail (IIS_IS_FORUM (self), NULL);

  return self->end;
}

/**
 * iis_forum_set_end:
 * @self: a forum
 * @end: (nullable): the last day
 *
 * Sets the last day of the gathering. The date is copied.
 *
 * Since: 1.0
 */
void
iis_forum_set_end (IisForum      *self,
                   const IisDate *end)
{
  g_return_if_fail (IIS_IS_FORUM (self));

  if (_iis_date_replace (&self->end, end))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END]);
}

/**
 * iis_forum_get_city:
 * @self: a forum
 *
 * Gets the city the gathering was held in.
 *
 * Returns: (nullable): the city
 *
 * Since: 1.0
 */
const char *
iis_forum_get_city (IisForum *self)
{
  g_return_val_if_fail (IIS_IS_FORUM (self), NULL);

  return self->city;
}

/**
 * iis_forum_set_city:
 * @self: a forum
 * @city: (nullable): the city
 *
 * Sets the city the gathering was held in.
 *
 * Since: 1.0
 */
void
iis_forum_set_city (IisForum   *self,
                    const char *city)
{
  g_return_if_fail (IIS_IS_FORUM (self));

  if (g_strcmp0 (self->city, city) == 0)
    return;

  g_free (self->city);
  self->city = g_strdup (city);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CITY]);
}

/**
 * iis_forum_get_participant_count:
 * @self: a forum
 *
 * Gets how many took part.
 *
 * Returns: the number of participants, or 0 if it is not known
 *
 * Since: 1.0
 */
guint
iis_forum_get_participant_count (IisForum *self)
{
  g_return_val_if_fail (IIS_IS_FORUM (self), 0);

  return self->participant_count;
}

/**
 * iis_forum_set_participant_count:
 * @self: a forum
 * @count: the number of participants, or 0 if it is not known
 *
 * Sets how many took part.
 *
 * Since: 1.0
 */
void
iis_forum_set_participant_count (IisForum *self,
                                 guint     count)
{
  g_return_if_fail (IIS_IS_FORUM (self));

  if (self->participant_count == count)
    return;

  self->participant_count = count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTICIPANT_COUNT]);
}

/**
 * iis_forum_get_participant_count_is_minimum:
 * @self: a forum
 *
 * Gets whether the participant count is a lower bound.
 *
 * Returns: %TRUE if the count is a lower bound
 *
 * Since: 1.0
 */
gboolean
iis_forum_get_participant_count_is_minimum (IisForum *self)
{
  g_return_val_if_fail (IIS_IS_FORUM (self), FALSE);

  return self->participant_count_is_minimum;
}

/**
 * iis_forum_set_participant_count_is_minimum:
 * @self: a forum
 * @is_minimum: whether the count is a lower bound
 *
 * Sets whether the participant count is a lower bound, as in "more than
 * 1,300 participants".
 *
 * Since: 1.0
 */
void
iis_forum_set_participant_count_is_minimum (IisForum *self,
                                            gboolean  is_minimum)
{
  g_return_if_fail (IIS_IS_FORUM (self));

  is_minimum = !!is_minimum;
  if (self->participant_count_is_minimum == is_minimum)
    return;

  self->participant_count_is_minimum = is_minimum;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTICIPANT_COUNT_IS_MINIMUM]);
}

/**
 * iis_forum_get_topics:
 * @self: a forum
 *
 * Gets the topics the gathering discussed.
 *
 * Returns: (nullable) (transfer none) (array zero-terminated=1): the
 *   topics, or %NULL if there are none
 *
 * Since: 1.0
 */
const char * const *
iis_forum_get_topics (IisForum *self)
{
  g_return_val_if_fail (IIS_IS_FORUM (self), NULL);

  return (const char * const *) self->topics;
}

/**
 * iis_forum_set_topics:
 * @self: a forum
 * @topics: (nullable) (array zero-terminated=1): the topics, or %NULL
 *   for none
 *
 * Replaces the topics the gathering discussed. An empty array is the
 * same as %NULL.
 *
 * Since: 1.0
 */
void
iis_forum_set_topics (IisForum           *self,
                      const char * const *topics)
{
  g_return_if_fail (IIS_IS_FORUM (self));

  if (topics != NULL && topics[0] == NULL)
    topics = NULL;

  if (self->topics == NULL && topics == NULL)
    return;
  if (self->topics != NULL && topics != NULL
      && g_strv_equal ((const char * const *) self->topics, topics))
    return;

  g_strfreev (self->topics);
  self->topics = g_strdupv ((char **) topics);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOPICS]);
}

/**
 * iis_forum_add_topic:
 * @self: a forum
 * @topic: a topic
 *
 * Adds a topic at the end of the topics the gathering discussed.
 *
 * Since: 1.0
 */
void
iis_forum_add_topic (IisForum   *self,
                     const char *topic)
{
  guint n;

  g_return_if_fail (IIS_IS_FORUM (self));
  g_return_if_fail (topic != NULL);

  n = self->topics != NULL ? g_strv_length (self->topics) : 0;
  self->topics = g_renew (char *, self->topics, n + 2);
  self->topics[n] = g_strdup (topic);
  self->topics[n + 1] = NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOPICS]);
}
