/* iis-catalog-view.c: the catalog as the writer reads it
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "iis-catalog-store-private.h"

/* ------------------------------------------------------------------ */
/* For the writer                                                     */

void
_iis_catalog_foreach_relation (IisCatalog          *self,
                               IisRelationViewFunc  func,
                               gpointer             user_data)
{
  g_autofree guint32 *order = NULL;
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  g_autoptr(GPtrArray) sources = g_ptr_array_new ();
  guint32 n = 0;

  g_return_if_fail (IIS_IS_CATALOG (self));

  order = g_new (guint32, MAX (self->n_relations, 1));
  for (guint32 slot = 0; slot < self->n_records; slot++)
    if (self->records[slot].kind != IIS_RELATION_KIND_ANY)
      order[n++] = slot;
  sort_relation_slots (self, order, n);

  for (guint32 i = 0; i < n; i++)
    {
      const Record *rec = &self->records[order[i]];
      IisRelationView view = { 0 };
      Extra extra;

      read_extra (self, rec->extra, &extra);
      g_ptr_array_set_size (keys, 0);
      g_ptr_array_set_size (values, 0);
      g_ptr_array_set_size (sources, 0);
      for (guint32 q = 0; q < extra.n_qualifiers; q++)
        {
          g_ptr_array_add (keys, (gpointer) string_of (self, extra.qualifiers[2 * q]));
          g_ptr_array_add (values, (gpointer) string_of (self, extra.qualifiers[2 * q + 1]));
        }
      for (guint32 s = 0; s < extra.n_sources; s++)
        g_ptr_array_add (sources, g_ptr_array_index (self->sources, extra.sources[s]));

      view.kind = rec->kind;
      view.subject = node_entity (self, rec->subject);
      view.object = node_entity (self, rec->object);
      view.role = rec->role ? string_of (self, rec->role) : NULL;
      view.start = rec->start;
      view.end = rec->end;
      view.confidence = rec->confidence;
      view.n_qualifiers = extra.n_qualifiers;
      view.qualifier_keys = (const char *const *) keys->pdata;
      view.qualifier_values = (const char *const *) values->pdata;
      view.n_sources = extra.n_sources;
      view.sources = (IisSource *const *) sources->pdata;
      view.unknown_json = extra.unknown ? string_of (self, extra.unknown) : NULL;

      func (&view, user_data);
    }
}

GPtrArray *
_iis_catalog_dup_entities_sorted (IisCatalog *self)
{
  GPtrArray *entities;

  g_return_val_if_fail (IIS_IS_CATALOG (self), NULL);

  ensure_ranks (self);
  entities = g_ptr_array_sized_new (self->n_sorted);
  for (guint32 r = 0; r < self->n_sorted; r++)
    g_ptr_array_add (entities, node_entity (self, self->sorted_nodes[r]));
  return entities;
}

JsonObject *
_iis_catalog_get_document_unknown (IisCatalog *self)
{
  g_return_val_if_fail (IIS_IS_CATALOG (self), NULL);

  return self->document_unknown;
}

static inline gboolean
date_is_inexact (const IisDate *date)
{
  return date != NULL && !iis_date_is_exact (date);
}

/* Whether a source needs format 1.1: an inexact date, or a locator (a
 * 1.0 reader would keep it as an unknown member). */
static gboolean
source_needs_1_1 (IisSource *source)
{
  return date_is_inexact (iis_source_get_date (source))
         || iis_source_get_locator (source) != NULL;
}

static gboolean
sources_need_1_1 (GListModel *sources)
{
  guint n = sources != NULL ? g_list_model_get_n_items (sources) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IisSource) source = g_list_model_get_item (sources, i);

      if (source_needs_1_1 (source))
        return TRUE;
    }
  return FALSE;
}

G_LOCK_DEFINE_STATIC (date_properties);

/* The date properties of @klass, NULL-terminated, found once per type
 * and kept with it: g_object_class_list_properties() walks GObject's
 * whole property pool, which once per entity at every save cost a tenth
 * of the writing. */
static GParamSpec * const *
date_properties (GObjectClass *klass)
{
  static GQuark quark;
  GType type = G_OBJECT_CLASS_TYPE (klass);
  GParamSpec **dates;

  G_LOCK (date_properties);
  if (quark == 0)
    quark = g_quark_from_static_string ("iis-date-properties");
  dates = g_type_get_qdata (type, quark);
  if (dates == NULL)
    {
      g_autofree GParamSpec **pspecs = NULL;
      GPtrArray *found = g_ptr_array_new ();
      guint n_pspecs;

      pspecs = g_object_class_list_properties (klass, &n_pspecs);
      for (guint i = 0; i < n_pspecs; i++)
        if (pspecs[i]->value_type == IIS_TYPE_DATE)
          g_ptr_array_add (found, pspecs[i]);
      g_ptr_array_add (found, NULL);
      dates = (GParamSpec **) g_ptr_array_free (found, FALSE);
      g_type_set_qdata (type, quark, dates);
    }
  G_UNLOCK (date_properties);
  return (GParamSpec * const *) dates;
}

/* Whether an entity needs format 1.1: an inexact date (EDTF) in a date
 * property of its type, an other name or a source, or a member that 1.0
 * does not know (on the entity or on a source). */
static gboolean
entity_needs_1_1 (IisEntity *entity)
{
  GParamSpec * const *dates = date_properties (G_OBJECT_GET_CLASS (entity));
  GListModel *names = iis_entity_get_other_names (entity);
  guint n_names = names != NULL ? g_list_model_get_n_items (names) : 0;

  for (guint i = 0; dates[i] != NULL; i++)
    {
      g_autoptr(IisDate) date = NULL;

      g_object_get (entity, dates[i]->name, &date, NULL);
      if (date_is_inexact (date))
        return TRUE;
    }
  /* An agreement's own dates that 1.0 does not know. */
  if (IIS_IS_AGREEMENT (entity)
      && (iis_agreement_get_opened_for_signature (IIS_AGREEMENT (entity)) != NULL
          || iis_agreement_get_terminated (IIS_AGREEMENT (entity)) != NULL))
    return TRUE;
  for (guint i = 0; i < n_names; i++)
    {
      g_autoptr(IisName) name = g_list_model_get_item (names, i);

      if (date_is_inexact (iis_name_get_start (name)) || date_is_inexact (iis_name_get_end (name)))
        return TRUE;
    }
  /* A state's period is a 1.1 member. */
  if (IIS_IS_STATE (entity) &&
      (iis_state_get_founded (IIS_STATE (entity)) != NULL ||
       iis_state_get_ceased (IIS_STATE (entity)) != NULL))
    return TRUE;
  return sources_need_1_1 (iis_entity_get_sources (entity));
}

guint
_iis_catalog_get_format_minor (IisCatalog *self)
{
  g_return_val_if_fail (IIS_IS_CATALOG (self), 0);

  if (self->n_relations_1_1 > 0)
    return 1;

  /* Inexact dates (EDTF): in the relations' records (a freed record is
   * all zero, so exact), their sources (or a source's locator), and the
   * entities. The sources are those the live records cite, not the whole
   * pool: a removed relation's sources stay pooled until the next
   * collection, and must not keep the file at 1.1. One pass at each
   * save, small beside the writing itself. */
  for (guint32 r = 0; r < self->n_records; r++)
    {
      const Record *rec = &self->records[r];
      Extra extra;

      if (!IIS_DATE_PACKED_IS_EXACT (rec->start | rec->end))
        return 1;
      if (rec->kind == IIS_RELATION_KIND_ANY || rec->extra == 0)
        continue;
      read_extra (self, rec->extra, &extra);
      for (guint32 s = 0; s < extra.n_sources; s++)
        if (source_needs_1_1 (g_ptr_array_index (self->sources, extra.sources[s])))
          return 1;
    }
  for (guint32 slot = 0; slot < self->n_nodes; slot++)
    {
      IisEntity *entity = node_entity (self, slot);

      if (entity != NULL && entity_needs_1_1 (entity))
        return 1;
    }
  return 0;
}
