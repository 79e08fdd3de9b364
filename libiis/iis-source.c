/* iis-source.c: a citation behind a fact
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "iis-date-private.h"
#include "iis-source-private.h"

/**
 * IisSource:
 *
 * A citation: where a fact about an entity or a relation comes from.
 *
 * A source has a title, a URL or the name of a document (a seed file
 * such as `003_75ac1bd0bb13704a.txt`, a UN document symbol such as
 * `A/66/359`), a publisher, a date and, optionally, the passage quoted
 * and where in the document the fact stands (its locator, such as
 * `row Albania` or `paragraph 3`). Every field is optional. Sources are attached with
 * [method@Iis.Entity.add_source] and [method@Iis.Relation.add_source].
 *
 * ```c
 * g_autoptr(IisSource) source = iis_source_new ("Agreement on cooperation "
 *                                               "in ensuring international "
 *                                               "information security");
 * g_autoptr(IisDate) date = iis_date_new (2009, 6, 16);
 *
 * iis_source_set_publisher (source, "Shanghai Cooperation Organisation");
 * iis_source_set_date (source, date);
 * iis_entity_add_source (agreement, source);
 * ```
 *
 * Since: 1.0
 */

struct _IisSource
{
  GObject parent_instance;

  char *title;
  char *url;
  char *document;
  char *publisher;
  IisDate *date;
  char *quote;
  char *locator;
  JsonObject *unknown;
};

G_DEFINE_FINAL_TYPE (IisSource, iis_source, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_URL,
  PROP_DOCUMENT,
  PROP_PUBLISHER,
  PROP_DATE,
  PROP_QUOTE,
  PROP_LOCATOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
iis_source_finalize (GObject *object)
{
  IisSource *self = IIS_SOURCE (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->document, g_free);
  g_clear_pointer (&self->publisher, g_free);
  g_clear_pointer (&self->date, iis_date_free);
  g_clear_pointer (&self->quote, g_free);
  g_clear_pointer (&self->locator, g_free);
  g_clear_pointer (&self->unknown, json_object_unref);

  G_OBJECT_CLASS (iis_source_parent_class)->finalize (object);
}

static void
iis_source_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  IisSource *self = IIS_SOURCE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    case PROP_DOCUMENT:
      g_value_set_string (value, self->document);
      break;
    case PROP_PUBLISHER:
      g_value_set_string (value, self->publisher);
      break;
    case PROP_DATE:
      g_value_set_boxed (value, self->date);
      break;
    case PROP_QUOTE:
      g_value_set_string (value, self->quote);
      break;
    case PROP_LOCATOR:
      g_value_set_string (value, self->locator);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iis_source_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  IisSource *self = IIS_SOURCE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      iis_source_set_title (self, g_value_get_string (value));
      break;
    case PROP_URL:
      iis_source_set_url (self, g_value_get_string (value));
      break;
    case PROP_DOCUMENT:
      iis_source_set_document (self, g_value_get_string (value));
      break;
    case PROP_PUBLISHER:
      iis_source_set_publisher (self, g_value_get_string (value));
      break;
    case PROP_DATE:
      iis_source_set_date (self, g_value_get_boxed (value));
      break;
    case PROP_QUOTE:
      iis_source_set_quote (self, g_value_get_string (value));
      break;
    case PROP_LOCATOR:
      iis_source_set_locator (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iis_source_class_init (IisSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iis_source_finalize;
  object_class->get_property = iis_source_get_property;
  object_class->set_property = iis_source_set_property;

  /**
   * IisSource:title:
   *
   * The title of the cited document or page.
   *
   * Since: 1.0
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * IisSource:url:
   *
   * Where the source can be read on the web.
   *
   * Since: 1.0
   */
  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * IisSource:document:
   *
   * The name of the cited document: a seed file name or a document
   * symbol such as `A/66/359`.
   *
   * Since: 1.0
   */
  properties[PROP_DOCUMENT] =
    g_param_spec_string ("document", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * IisSource:publisher:
   *
   * Who published the source.
   *
   * Since: 1.0
   */
  properties[PROP_PUBLISHER] =
    g_param_spec_string ("publisher", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * IisSource:date:
   *
   * When the source was published, at any precision.
   *
   * Since: 1.0
   */
  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL,
                        IIS_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * IisSource:quote:
   *
   * The passage of the source that supports the fact.
   *
   * Since: 1.0
   */
  properties[PROP_QUOTE] =
    g_param_spec_string ("quote", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * IisSource:locator:
   *
   * Where in the source the fact stands: a row of a table, a paragraph,
   * a page (`member-state table, row Albania`, `paragraph 3`). Free
   * text, for a reader who opens the source to check the fact.
   *
   * Since: 1.1
   */
  properties[PROP_LOCATOR] =
    g_param_spec_string ("locator", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
iis_source_init (IisSource *self)
{
}

/**
 * iis_source_new:
 * @title: (nullable): the title of the source
 *
 * Creates a source with a title; set the other fields with the setters
 * or through properties.
 *
 * Returns: (transfer full): a new source
 *
 * Since: 1.0
 */
IisSource *
iis_source_new (const char *title)
{
  return g_object_new (IIS_TYPE_SOURCE,
                       "title", title,
                       NULL);
}

static gboolean
set_string (IisSource  *self,
            char      **field,
            const char *value,
            guint       prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  return TRUE;
}

/**
 * iis_source_get_title:
 * @self: a source
 *
 * Gets the title of the source.
 *
 * Returns: (nullable): the title
 *
 * Since: 1.0
 */
const char *
iis_source_get_title (IisSource *self)
{
  g_return_val_if_fail (IIS_IS_SOURCE (self), NULL);

  return self->title;
}

/**
 * iis_source_set_title:
 * @self: a source
 * @title: (nullable): the title
 *
 * Sets the title of the source.
 *
 * Since: 1.0
 */
void
iis_source_set_title (IisSource  *self,
                      const char *title)
{
  g_return_if_fail (IIS_IS_SOURCE (self));

  set_string (self, &self->title, title, PROP_TITLE);
}

/**
 * iis_source_get_url:
 * @self: a source
 *
 * Gets the URL of the source.
 *
 * Returns: (nullable): the URL
 *
 * Since: 1.0
 */
const char *
iis_source_get_url (IisSource *self)
{
  g_return_val_if_fail (IIS_IS_SOURCE (self), NULL);

  return self->url;
}

/**
 * iis_source_set_url:
 * @self: a source
 * @url: (nullable): the URL
 *
 * Sets the URL of the source.
 *
 * Since: 1.0
 */
void
iis_source_set_url (IisSource  *self,
                    const char *url)
{
  g_return_if_fail (IIS_IS_SOURCE (self));

  set_string (self, &self->url, url, PROP_URL);
}

/**
 * iis_source_get_document:
 * @self: a source
 *
 * Gets the name of the cited document.
 *
 * Returns: (nullable): the document name
 *
 * Since: 1.0
 */
const char *
iis_source_get_document (IisSource *self)
{
  g_return_val_if_fail (IIS_IS_SOURCE (self), NULL);

  return self->document;
}

/**
 * iis_source_set_document:
 * @self: a source
 * @document: (nullable): a document name, such as a seed file name or a
 *   UN document symbol
 *
 * Sets the name of the cited document.
 *
 * Since: 1.0
 */
void
iis_source_set_document (IisSource  *self,
                         const char *document)
{
  g_return_if_fail (IIS_IS_SOURCE (self));

  set_string (self, &self->document, document, PROP_DOCUMENT);
}

/**
 * iis_source_get_publisher:
 * @self: a source
 *
 * Gets the publisher of the source.
 *
 * Returns: (nullable): the publisher
 *
 * Since: 1.0
 */
const char *
iis_source_get_publisher (IisSource *self)
{
  g_return_val_if_fail (IIS_IS_SOURCE (self), NULL);

  return self->publisher;
}

/**
 * iis_source_set_publisher:
 * @self: a source
 * @publisher: (nullable): the publisher
 *
 * Sets the publisher of the source.
 *
 * Since: 1.0
 */
void
iis_source_set_publisher (IisSource  *self,
                          const char *publisher)
{
  g_return_if_fail (IIS_IS_SOURCE (self));

  set_string (self, &self->publisher, publisher, PROP_PUBLISHER);
}

/**
 * iis_source_get_date:
 * @self: a source
 *
 * Gets the date of the source.
 *
 * Returns: (nullable) (transfer none): the date
 *
 * Since: 1.0
 */
const IisDate *
iis_source_get_date (IisSource *self)
{
  g_return_val_if_fail (IIS_IS_SOURCE (self), NULL);

  return self->date;
}

/**
 * iis_source_set_date:
 * @self: a source
 * @date: (nullable): the date, at any precision
 *
 * Sets the date of the source. The date is copied.
 *
 * Since: 1.0
 */
void
iis_source_set_date (IisSource     *self,
                     const IisDate *date)
{
  g_return_if_fail (IIS_IS_SOURCE (self));

  if (iis_date_equal (self->date, date))
    return;

  g_clear_pointer (&self->date, iis_date_free);
  if (date != NULL)
    self->date = iis_date_copy (date);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

/**
 * iis_source_get_quote:
 * @self: a source
 *
 * Gets the quoted passage.
 *
 * Returns: (nullable): the quoted passage
 *
 * Since: 1.0
 */
const char *
iis_source_get_quote (IisSource *self)
{
  g_return_val_if_fail (IIS_IS_SOURCE (self), NULL);

  return self->quote;
}

/**
 * iis_source_set_quote:
 * @self: a source
 * @quote: (nullable): the passage quoted from the source
 *
 * Sets the quoted passage.
 *
 * Since: 1.0
 */
void
iis_source_set_quote (IisSource  *self,
                      const char *quote)
{
  g_return_if_fail (IIS_IS_SOURCE (self));

  set_string (self, &self->quote, quote, PROP_QUOTE);
}

/**
 * iis_source_get_locator:
 * @self: a source
 *
 * Gets where in the source the fact stands.
 *
 * Returns: (nullable): the locator, such as `row Albania`
 *
 * Since: 1.1
 */
const char *
iis_source_get_locator (IisSource *self)
{
  g_return_val_if_fail (IIS_IS_SOURCE (self), NULL);

  return self->locator;
}

/**
 * iis_source_set_locator:
 * @self: a source
 * @locator: (nullable): where in the source the fact stands: a row of a
 *   table, a paragraph, a page
 *
 * Sets where in the source the fact stands. Two sources that differ only
 * by their locator are different sources: the same page cited for two
 * facts at two places.
 *
 * Since: 1.1
 */
void
iis_source_set_locator (IisSource  *self,
                        const char *locator)
{
  g_return_if_fail (IIS_IS_SOURCE (self));

  set_string (self, &self->locator, locator, PROP_LOCATOR);
}

static gboolean
unknown_equal (JsonObject *a,
               JsonObject *b)
{
  gboolean a_empty = a == NULL || json_object_get_size (a) == 0;
  gboolean b_empty = b == NULL || json_object_get_size (b) == 0;

  if (a_empty || b_empty)
    return a_empty == b_empty;

  return json_object_equal (a, b);
}

/**
 * iis_source_equal:
 * @a: a source
 * @b: another source
 *
 * Checks whether two sources cite the same thing: every field equal
 * (title, URL, document, publisher, date at the same precision, quote
 * and, since 1.1, locator), and any members kept from a newer file
 * format equal too.
 *
 * Returns: %TRUE if @a and @b are equal
 *
 * Since: 1.0
 */
gboolean
iis_source_equal (IisSource *a,
                  IisSource *b)
{
  g_return_val_if_fail (IIS_IS_SOURCE (a), FALSE);
  g_return_val_if_fail (IIS_IS_SOURCE (b), FALSE);

  if (a == b)
    return TRUE;

  return g_strcmp0 (a->title, b->title) == 0
         && g_strcmp0 (a->url, b->url) == 0
         && g_strcmp0 (a->document, b->document) == 0
         && g_strcmp0 (a->publisher, b->publisher) == 0
         && iis_date_equal (a->date, b->date)
         && g_strcmp0 (a->quote, b->quote) == 0
         && g_strcmp0 (a->locator, b->locator) == 0
         && unknown_equal (a->unknown, b->unknown);
}

JsonObject *
_iis_source_get_unknown (IisSource *self)
{
  g_return_val_if_fail (IIS_IS_SOURCE (self), NULL);

  return self->unknown;
}

void
_iis_source_set_unknown (IisSource  *self,
                         JsonObject *unknown)
{
  g_return_if_fail (IIS_IS_SOURCE (self));

  if (unknown == self->unknown)
    return;

  if (unknown != NULL)
    json_object_ref (unknown);
  g_clear_pointer (&self->unknown, json_object_unref);
  self->unknown = unknown;
}
