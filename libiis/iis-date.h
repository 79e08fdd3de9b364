/* iis-date.h: dates known to the year, the month or the day
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(IIS_INSIDE) && !defined(IIS_COMPILATION)
# error "Only <libiis/iis.h> can be included directly."
#endif

#include <glib-object.h>

#include "iis-version.h"

G_BEGIN_DECLS

/**
 * IisDatePrecision:
 * @IIS_DATE_PRECISION_YEAR: only the year is known
 * @IIS_DATE_PRECISION_MONTH: the year and the month are known
 * @IIS_DATE_PRECISION_DAY: the full date is known
 *
 * How much of an [struct@Iis.Date] is known.
 *
 * Since: 1.0
 */
typedef enum {
  IIS_DATE_PRECISION_YEAR = 1,
  IIS_DATE_PRECISION_MONTH,
  IIS_DATE_PRECISION_DAY,
} IisDatePrecision;

#define IIS_TYPE_DATE (iis_date_get_type ())

typedef struct _IisDate IisDate;

IIS_AVAILABLE_IN_ALL
GType             iis_date_get_type            (void) G_GNUC_CONST;
IIS_AVAILABLE_IN_ALL
IisDate          *iis_date_new                 (guint           year,
                                                guint           month,
                                                guint           day);
IIS_AVAILABLE_IN_ALL
IisDate          *iis_date_new_checked         (guint           year,
                                                guint           month,
                                                guint           day,
                                                GError        **error);
IIS_AVAILABLE_IN_ALL
IisDate          *iis_date_parse               (const char     *text,
                                                GError        **error);
IIS_AVAILABLE_IN_ALL
IisDate          *iis_date_copy                (const IisDate  *self);
IIS_AVAILABLE_IN_ALL
void              iis_date_free                (IisDate        *self);
IIS_AVAILABLE_IN_ALL
char             *iis_date_to_string           (const IisDate  *self);
IIS_AVAILABLE_IN_ALL
guint             iis_date_get_year            (const IisDate  *self);
IIS_AVAILABLE_IN_ALL
guint             iis_date_get_month           (const IisDate  *self);
IIS_AVAILABLE_IN_ALL
guint             iis_date_get_day             (const IisDate  *self);
IIS_AVAILABLE_IN_ALL
IisDatePrecision  iis_date_get_precision       (const IisDate  *self);
IIS_AVAILABLE_IN_ALL
int               iis_date_compare             (const IisDate  *a,
                                                const IisDate  *b);
IIS_AVAILABLE_IN_ALL
int               iis_date_compare_coarse      (const IisDate  *a,
                                                const IisDate  *b);
IIS_AVAILABLE_IN_ALL
gboolean          iis_date_equal               (const IisDate  *a,
                                                const IisDate  *b);
IIS_AVAILABLE_IN_ALL
guint             iis_date_hash                (const IisDate  *self);
IIS_AVAILABLE_IN_ALL
gboolean          iis_date_is_valid            (guint           year,
                                                guint           month,
                                                guint           day);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IisDate, iis_date_free)

G_END_DECLS
