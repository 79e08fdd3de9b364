/* iis-catalog.h: the container of entities and relations
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
#include "iis-agreement.h"
#include "iis-entity.h"
#include "iis-organization.h"
#include "iis-relation.h"
#include "iis-threat-category.h"

G_BEGIN_DECLS

/**
 * IisLoadFlags:
 * @IIS_LOAD_FLAGS_NONE: entities whose id is already in the catalog are
 *   an error (%IIS_ERROR_DUPLICATE_ID)
 * @IIS_LOAD_FLAGS_OVERRIDE: an entity whose id is already in the catalog
 *   replaces the one there, keeping its relations; used to layer catalogs
 * @IIS_LOAD_FLAGS_CACHE: keep a snapshot of the file in the user's cache
 *   folder and load that instead while the file is unchanged (only
 *   [method@Iis.Catalog.load_from_file_full] and the functions that call
 *   it look at this flag; see [func@Iis.Catalog.get_cache_file]). Since: 1.1
 *
 * Flags for loading a catalog.
 *
 * Since: 1.0
 */
typedef enum /*< flags >*/ {
  IIS_LOAD_FLAGS_NONE     = 0,
  IIS_LOAD_FLAGS_OVERRIDE = 1 << 0,
  IIS_LOAD_FLAGS_CACHE    = 1 << 1,
} IisLoadFlags;

/**
 * IisSaveFlags:
 * @IIS_SAVE_FLAGS_NONE: pretty-printed output, two-space indent
 * @IIS_SAVE_FLAGS_COMPACT: compact output, no white space
 *
 * Flags for writing a catalog.
 *
 * Since: 1.0
 */
typedef enum /*< flags >*/ {
  IIS_SAVE_FLAGS_NONE    = 0,
  IIS_SAVE_FLAGS_COMPACT = 1 << 0,
} IisSaveFlags;

/**
 * IisValidateFlags:
 * @IIS_VALIDATE_FLAGS_NONE: report the inconsistencies
 *   [method@Iis.Catalog.validate] reports
 * @IIS_VALIDATE_FLAGS_WARNINGS: also report what is probably a mistake:
 *   members of the file that this version does not know, roles a kind
 *   does not know ([enum@Iis.ProblemSeverity] `WARNING`)
 *
 * Flags for [method@Iis.Catalog.validate_full].
 *
 * Since: 1.1
 */
typedef enum /*< flags >*/ {
  IIS_VALIDATE_FLAGS_NONE     = 0,
  IIS_VALIDATE_FLAGS_WARNINGS = 1 << 0,
} IisValidateFlags;

#define IIS_TYPE_CATALOG (iis_catalog_get_type ())

IIS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (IisCatalog, iis_catalog, IIS, CATALOG, GObject)

IIS_AVAILABLE_IN_ALL
IisCatalog  *iis_catalog_new                       (void);
IIS_AVAILABLE_IN_ALL
IisCatalog  *iis_catalog_new_default               (void);

/* Entities */
IIS_AVAILABLE_IN_ALL
gboolean     iis_catalog_add_entity                (IisCatalog        *self,
                                                    IisEntity         *entity,
                                                    GError           **error);
IIS_AVAILABLE_IN_ALL
gboolean     iis_catalog_remove_entity             (IisCatalog        *self,
                                                    IisEntity         *entity);
IIS_AVAILABLE_IN_ALL
IisEntity   *iis_catalog_lookup                    (IisCatalog        *self,
                                                    const char        *id);
IIS_AVAILABLE_IN_ALL
GListModel  *iis_catalog_list_entities             (IisCatalog        *self,
                                                    GType              type);
IIS_AVAILABLE_IN_ALL
IisEntity   *iis_catalog_find_by_identifier        (IisCatalog        *self,
                                                    const char        *scheme,
                                                    const char        *value);
IIS_AVAILABLE_IN_ALL
GListModel  *iis_catalog_find_all_by_identifier    (IisCatalog        *self,
                                                    const char        *scheme,
                                                    const char        *value);
IIS_AVAILABLE_IN_ALL
guint        iis_catalog_get_n_entities            (IisCatalog        *self);

/* Relations */
IIS_AVAILABLE_IN_ALL
gboolean     iis_catalog_add_relation              (IisCatalog        *self,
                                                    IisRelation       *relation,
                                                    GError           **error);
IIS_AVAILABLE_IN_ALL
gboolean     iis_catalog_remove_relation           (IisCatalog        *self,
                                                    IisRelation       *relation);
IIS_AVAILABLE_IN_ALL
GListModel  *iis_catalog_list_relations            (IisCatalog        *self,
                                                    IisEntity         *subject,
                                                    IisRelationKind    kind,
                                                    IisEntity         *object);
IIS_AVAILABLE_IN_1_1
guint        iis_catalog_count_relations           (IisCatalog        *self,
                                                    IisEntity         *subject,
                                                    IisRelationKind    kind,
                                                    IisEntity         *object);
IIS_AVAILABLE_IN_ALL
guint        iis_catalog_get_n_relations           (IisCatalog        *self);

/* Questions */
IIS_AVAILABLE_IN_ALL
gboolean     iis_catalog_is_member                 (IisCatalog        *self,
                                                    IisEntity         *member,
                                                    IisOrganization   *organization,
                                                    const IisDate     *at);
IIS_AVAILABLE_IN_ALL
GListModel  *iis_catalog_get_members               (IisCatalog        *self,
                                                    IisOrganization   *organization,
                                                    const char        *role,
                                                    const IisDate     *at);
IIS_AVAILABLE_IN_ALL
GListModel  *iis_catalog_get_memberships           (IisCatalog        *self,
                                                    IisEntity         *member,
                                                    const IisDate     *at);
IIS_AVAILABLE_IN_ALL
GListModel  *iis_catalog_get_parties               (IisCatalog        *self,
                                                    IisAgreement      *agreement,
                                                    const IisDate     *at);
IIS_AVAILABLE_IN_ALL
GListModel  *iis_catalog_get_signatories           (IisCatalog        *self,
                                                    IisAgreement      *agreement);
IIS_AVAILABLE_IN_ALL
GListModel  *iis_catalog_get_agreements_of         (IisCatalog        *self,
                                                    IisEntity         *party,
                                                    const IisDate     *at);
IIS_AVAILABLE_IN_ALL
GListModel  *iis_catalog_get_agreements_addressing (IisCatalog        *self,
                                                    IisThreatCategory *category,
                                                    gboolean           include_narrower);
IIS_AVAILABLE_IN_ALL
GListModel  *iis_catalog_get_forums_of             (IisCatalog        *self,
                                                    IisEntity         *entity,
                                                    const IisDate     *at);
IIS_AVAILABLE_IN_ALL
GListModel  *iis_catalog_get_parts                 (IisCatalog        *self,
                                                    IisEntity         *whole,
                                                    gboolean           transitive);
IIS_AVAILABLE_IN_ALL
GListModel  *iis_catalog_get_wholes                (IisCatalog        *self,
                                                    IisEntity         *part,
                                                    gboolean           transitive);
IIS_AVAILABLE_IN_ALL
GListModel  *iis_catalog_get_related               (IisCatalog        *self,
                                                    IisEntity         *entity,
                                                    IisRelationKind    kind,
                                                    gboolean           reverse,
                                                    const IisDate     *at);
IIS_AVAILABLE_IN_ALL
GListModel  *iis_catalog_validate                  (IisCatalog        *self);
/* Warnings (iis-catalog-lint.c) */
IIS_AVAILABLE_IN_1_1
GListModel  *iis_catalog_validate_full             (IisCatalog        *self,
                                                    IisValidateFlags   flags);

/* Reading and writing (iis-catalog-io.c) */
IIS_AVAILABLE_IN_ALL
gboolean     iis_catalog_load_from_data            (IisCatalog        *self,
                                                    const char        *data,
                                                    gssize             length,
                                                    GError           **error);
IIS_AVAILABLE_IN_ALL
gboolean     iis_catalog_load_from_data_full       (IisCatalog        *self,
                                                    const char        *data,
                                                    gssize             length,
                                                    IisLoadFlags       flags,
                                                    GError           **error);
IIS_AVAILABLE_IN_ALL
gboolean     iis_catalog_load_from_file            (IisCatalog        *self,
                                                    GFile             *file,
                                                    GCancellable      *cancellable,
                                                    GError           **error);
IIS_AVAILABLE_IN_ALL
gboolean     iis_catalog_load_from_file_full       (IisCatalog        *self,
                                                    GFile             *file,
                                                    IisLoadFlags       flags,
                                                    GCancellable      *cancellable,
                                                    GError           **error);
IIS_AVAILABLE_IN_ALL
gboolean     iis_catalog_load_from_stream          (IisCatalog        *self,
                                                    GInputStream      *stream,
                                                    IisLoadFlags       flags,
                                                    GCancellable      *cancellable,
                                                    GError           **error);
IIS_AVAILABLE_IN_ALL
void         iis_catalog_load_from_file_async      (IisCatalog        *self,
                                                    GFile             *file,
                                                    GCancellable      *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer           user_data);
IIS_AVAILABLE_IN_ALL
gboolean     iis_catalog_load_from_file_finish     (IisCatalog        *self,
                                                    GAsyncResult      *result,
                                                    GError           **error);
IIS_AVAILABLE_IN_ALL
char        *iis_catalog_to_data                   (IisCatalog        *self,
                                                    gsize             *length,
                                                    GError           **error);
IIS_AVAILABLE_IN_ALL
char        *iis_catalog_to_data_full              (IisCatalog        *self,
                                                    IisSaveFlags       flags,
                                                    gsize             *length,
                                                    GError           **error);
IIS_AVAILABLE_IN_ALL
gboolean     iis_catalog_save_to_file              (IisCatalog        *self,
                                                    GFile             *file,
                                                    GCancellable      *cancellable,
                                                    GError           **error);
IIS_AVAILABLE_IN_ALL
gboolean     iis_catalog_save_to_file_full         (IisCatalog        *self,
                                                    GFile             *file,
                                                    IisSaveFlags       flags,
                                                    GCancellable      *cancellable,
                                                    GError           **error);
IIS_AVAILABLE_IN_ALL
gboolean     iis_catalog_save_to_stream            (IisCatalog        *self,
                                                    GOutputStream     *stream,
                                                    IisSaveFlags       flags,
                                                    GCancellable      *cancellable,
                                                    GError           **error);
IIS_AVAILABLE_IN_ALL
void         iis_catalog_save_to_file_async        (IisCatalog        *self,
                                                    GFile             *file,
                                                    IisSaveFlags       flags,
                                                    GCancellable      *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer           user_data);
IIS_AVAILABLE_IN_ALL
gboolean     iis_catalog_save_to_file_finish       (IisCatalog        *self,
                                                    GAsyncResult      *result,
                                                    GError           **error);

/* The bundled catalog and data folders (iis-catalog-default.c) */
IIS_AVAILABLE_IN_ALL
gboolean     iis_catalog_load_bundled              (IisCatalog        *self,
                                                    GError           **error);
IIS_AVAILABLE_IN_ALL
gboolean     iis_catalog_load_data_path            (IisCatalog        *self,
                                                    GCancellable      *cancellable,
                                                    GError           **error);
IIS_AVAILABLE_IN_1_1
const char  *iis_get_bundled_catalog_version       (void);

/* Questions in a mode (since 1.1) */
IIS_AVAILABLE_IN_1_1
IisTruth     iis_catalog_get_member_truth          (IisCatalog        *self,
                                                    IisEntity         *member,
                                                    IisOrganization   *organization,
                                                    const IisDate     *at);
IIS_AVAILABLE_IN_1_1
GListModel  *iis_catalog_get_members_full          (IisCatalog        *self,
                                                    IisOrganization   *organization,
                                                    const char        *role,
                                                    const IisDate     *at,
                                                    IisQuestionMode    mode);
IIS_AVAILABLE_IN_1_1
GListModel  *iis_catalog_get_memberships_full      (IisCatalog        *self,
                                                    IisEntity         *member,
                                                    const IisDate     *at,
                                                    IisQuestionMode    mode);
IIS_AVAILABLE_IN_1_1
GListModel  *iis_catalog_get_parties_full          (IisCatalog        *self,
                                                    IisAgreement      *agreement,
                                                    const IisDate     *at,
                                                    IisQuestionMode    mode);
IIS_AVAILABLE_IN_1_1
GListModel  *iis_catalog_get_agreements_of_full    (IisCatalog        *self,
                                                    IisEntity         *party,
                                                    const IisDate     *at,
                                                    IisQuestionMode    mode);
IIS_AVAILABLE_IN_1_1
GListModel  *iis_catalog_get_forums_of_full        (IisCatalog        *self,
                                                    IisEntity         *entity,
                                                    const IisDate     *at,
                                                    IisQuestionMode    mode);

IIS_AVAILABLE_IN_1_1
gboolean     iis_catalog_save_snapshot             (IisCatalog        *self,
                                                    GFile             *file,
                                                    GCancellable      *cancellable,
                                                    GError           **error);
IIS_AVAILABLE_IN_1_1
gboolean     iis_catalog_load_snapshot             (IisCatalog        *self,
                                                    GFile             *file,
                                                    IisLoadFlags       flags,
                                                    GCancellable      *cancellable,
                                                    GError           **error);
IIS_AVAILABLE_IN_1_1
GFile       *iis_catalog_get_cache_file            (GFile             *file);

G_END_DECLS
