/* iis-entity.h: the abstract base of everything a catalog holds
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(IIS_INSIDE) && !defined(IIS_COMPILATION)
# error "Only <libiis/iis.h> can be included directly."
#endif

#include <gio/gio.h>

#include "iis-version.h"
#include "iis-date.h"
#include "iis-name.h"
#include "iis-source.h"

G_BEGIN_DECLS

#define IIS_TYPE_ENTITY (iis_entity_get_type ())

IIS_AVAILABLE_IN_ALL
G_DECLARE_DERIVABLE_TYPE (IisEntity, iis_entity, IIS, ENTITY, GObject)

/**
 * IisEntityClass:
 * @parent_class: the parent class
 *
 * The class structure of [class@Iis.Entity].
 *
 * Since: 1.0
 */
struct _IisEntityClass
{
  GObjectClass parent_class;

  /*< private >*/
  gpointer _reserved[8];
};

IIS_AVAILABLE_IN_ALL
const char  *iis_entity_get_id                (IisEntity     *self);
IIS_AVAILABLE_IN_ALL
const char  *iis_entity_get_type_nick         (IisEntity     *self);
IIS_AVAILABLE_IN_ALL
GType        iis_entity_type_from_nick        (const char    *nick);
IIS_AVAILABLE_IN_ALL
const char  *iis_entity_type_to_nick          (GType          type);
IIS_AVAILABLE_IN_ALL
const char  *iis_entity_get_name             (IisEntity     *self);
IIS_AVAILABLE_IN_ALL
void         iis_entity_set_name             (IisEntity     *self,
                                              const char    *name);
IIS_AVAILABLE_IN_ALL
const char  *iis_entity_get_display_name     (IisEntity     *self);
IIS_AVAILABLE_IN_ALL
const char  *iis_entity_get_description      (IisEntity     *self);
IIS_AVAILABLE_IN_ALL
void         iis_entity_set_description      (IisEntity     *self,
                                              const char    *description);
IIS_AVAILABLE_IN_ALL
const char  *iis_entity_get_label            (IisEntity     *self,
                                              const char    *lang);
IIS_AVAILABLE_IN_ALL
void         iis_entity_set_label            (IisEntity     *self,
                                              const char    *lang,
                                              const char    *text);
IIS_AVAILABLE_IN_ALL
char       **iis_entity_dup_label_languages  (IisEntity     *self);
IIS_AVAILABLE_IN_ALL
void         iis_entity_add_other_name       (IisEntity     *self,
                                              IisName       *name);
IIS_AVAILABLE_IN_ALL
GListModel  *iis_entity_get_other_names      (IisEntity     *self);
IIS_AVAILABLE_IN_ALL
const char  *iis_entity_get_identifier       (IisEntity     *self,
                                              const char    *scheme);
IIS_AVAILABLE_IN_ALL
void         iis_entity_set_identifier       (IisEntity     *self,
                                              const char    *scheme,
                                              const char    *value);
IIS_AVAILABLE_IN_ALL
char       **iis_entity_dup_identifier_schemes (IisEntity   *self);
IIS_AVAILABLE_IN_ALL
void         iis_entity_add_source           (IisEntity     *self,
                                              IisSource     *source);
IIS_AVAILABLE_IN_ALL
GListModel  *iis_entity_get_sources          (IisEntity     *self);
IIS_AVAILABLE_IN_ALL
gboolean     iis_entity_matches_text         (IisEntity     *self,
                                              const char    *text);

G_END_DECLS
