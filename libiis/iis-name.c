/* iis-name.c: another or a former name of an entity
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "iis-date-private.h"
#include "iis-name-private.h"

/**
 * IisName:
 *
 * Another name of an entity, or a name it had before: a text, the
 * language it is in, and the period it was in use.
 *
 * The period follows the rule of [struct@Iis.Date]: the start is
 * inclusive, the end is the first date the name was no longer used, and
 * an unknown start or end leaves the period open on that side. A name is
 * immutable once created.
 *
 * ```c
 * g_autoptr(IisDate) until = iis_date_new (2001, 6, 15);
 * g_autoptr(IisName) former = iis_name_new ("Shanghai Five", "en", NULL, until);
 * g_autoptr(IisDate) at = iis_date_new (1999, 0, 0);
 *
 * iis_entity_add_other_name (sco, former);
 * g_assert_true (iis_name_is_current (former, at));
 * ```
 *
 * Since: 1.0
 */

struct _IisName
{
  GObject parent_instance;

  char *text;
  char *lang;
  IisDate *start;
  IisDate *end;
  JsonObject *unknown;       /* members the file format does not know */
};

G_DEFINE_FINAL_TYPE (IisName, iis_name, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_LANG,
  PROP_START,
  PROP_END,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
iis_name_constructed (GObject *object)
{
  IisName *self = IIS_NAME (object);

  G_OBJECT_CLASS (iis_name_parent_class)->constructed (object);

  if (self->text == NULL)
    g_critical ("An IisName must be constructed with a text");
}

static void
iis_name_finalize (GObject *object)
{
  IisName *self = IIS_NAME (object);

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->lang, g_free);
  g_clear_pointer (&self->start, iis_date_free);
  g_clear_pointer (&self->end, iis_date_free);
  g_clear_pointer (&self->unknown, json_object_unref);

  G_OBJECT_CLASS (iis_name_parent_class)->finalize (object);
}

static void
iis_name_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  IisName *self = IIS_NAME (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_LANG:
      g_value_set_string (value, self->lang);
      break;
    case PROP_START:
      g_value_set_boxed (value, self->start);
      break;
    case PROP_END:
      g_value_set_boxed (value, self->end);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iis_name_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  IisName *self = IIS_NAME (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      self->text = g_value_dup_string (value);
      break;
    case PROP_LANG:
      self->lang = g_value_dup_string (value);
      break;
    case PROP_START:
      self->start = g_value_dup_boxed (value);
      break;
    case PROP_END:
      self->end = g_value_dup_boxed (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iis_name_class_init (IisNameClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = iis_name_constructed;
  object_class->finalize = iis_name_finalize;
  object_class->get_property = iis_name_get_property;
  object_class->set_property = iis_name_set_property;

  /**
   * IisName:text:
   *
   * The name itself.
   *
   * Since: 1.0
   */
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * IisName:lang:
   *
   * The language of the name, as a language tag such as `en` or `ru`,
   * or %NULL if it is not known.
   *
   * Since: 1.0
   */
  properties[PROP_LANG] =
    g_param_spec_string ("lang", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * IisName:start:
   *
   * When the name came into use, or %NULL if that is not known.
   *
   * Since: 1.0
   */
  properties[PROP_START] =
    g_param_spec_boxed ("start", NULL, NULL,
                        IIS_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * IisName:end:
   *
   * The first date the name was no longer in use, or %NULL if it still
   * is or that is not known.
   *
   * Since: 1.0
   */
  properties[PROP_END] =
    g_param_spec_boxed ("end", NULL, NULL,
                        IIS_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
iis_name_init (IisName *self)
{
}

/**
 * iis_name_new:
 * @text: the name
 * @lang: (nullable): its language tag, such as `en`
 * @start: (nullable): when it came into use
 * @end: (nullable): the first date it was no longer used
 *
 * Creates a name. The dates are copied.
 *
 * Returns: (transfer full): a new name
 *
 * Since: 1.0
 */
IisName *
iis_name_new (const char    *text,
              const char    *lang,
              const IisDate *start,
              const IisDate *end)
{
  g_return_val_if_fail (text != NULL, NULL);

  return g_object_new (IIS_TYPE_NAME,
                       "text", text,
                       "lang", lang,
                       "start", start,
                       "end", end,
                       NULL);
}

/**
 * iis_name_get_text:
 * @self: a name
 *
 * Gets the name itself.
 *
 * Returns: the text of the name
 *
 * Since: 1.0
 */
const char *
iis_name_get_text (IisName *self)
{
  g_return_val_if_fail (IIS_IS_NAME (self), NULL);

  return self->text;
}

/**
 * iis_name_get_lang:
 * @self: a name
 *
 * Gets the language of the name.
 *
 * Returns: (nullable): the language tag, or %NULL if it is not known
 *
 * Since: 1.0
 */
const char *
iis_name_get_lang (IisName *self)
{
  g_return_val_if_fail (IIS_IS_NAME (self), NULL);

  return self->lang;
}

/**
 * iis_name_get_start:
 * @self: a name
 *
 * Gets when the name came into use.
 *
 * Returns: (nullable) (transfer none): the start date, or %NULL if it is
 *   not known
 *
 * Since: 1.0
 */
const IisDate *
iis_name_get_start (IisName *self)
{
  g_return_val_if_fail (IIS_IS_NAME (self), NULL);

  return self->start;
}

/**
 * iis_name_get_end:
 * @self: a name
 *
 * Gets the first date the name was no longer in use.
 *
 * Returns: (nullable) (transfer none): the end date, or %NULL
 *
 * Since: 1.0
 */
const IisDate *
iis_name_get_end (IisName *self)
{
  g_return_val_if_fail (IIS_IS_NAME (self), NULL);

  return self->end;
}

/**
 * iis_name_is_current:
 * @self: a name
 * @at: (nullable): a date, or %NULL for "at any time"
 *
 * Checks whether the name was in use at @at, by the rule described in
 * [struct@Iis.Date]: begun by @at (or start unknown) and not ended by
 * @at, both compared at the coarser precision.
 *
 * Returns: %TRUE if the name was in use at @at; always %TRUE when @at
 *   is %NULL
 *
 * Since: 1.0
 */
gboolean
iis_name_is_current (IisName       *self,
                     const IisDate *at)
{
  g_return_val_if_fail (IIS_IS_NAME (self), FALSE);

  return _iis_date_packed_period_holds (_iis_date_pack (self->start),
                                        _iis_date_pack (self->end),
                                        _iis_date_pack (at));
}

JsonObject *
_iis_name_get_unknown (IisName *self)
{
  g_return_val_if_fail (IIS_IS_NAME (self), NULL);

  return self->unknown;
}

void
_iis_name_set_unknown (IisName    *self,
                       JsonObject *unknown)
{
  g_return_if_fail (IIS_IS_NAME (self));

  if (unknown != NULL)
    json_object_ref (unknown);
  g_clear_pointer (&self->unknown, json_object_unref);
  self->unknown = unknown;
}
