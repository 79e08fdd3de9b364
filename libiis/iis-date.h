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

/**
 * IisDateQualifiers:
 * @IIS_DATE_QUALIFIERS_NONE: an exact date: a plain ISO 8601 date at
 *   its precision
 * @IIS_DATE_QUALIFIERS_UNCERTAIN: the source is not sure of the date
 *   (EDTF `?`)
 * @IIS_DATE_QUALIFIERS_APPROXIMATE: the date is about right (EDTF `~`;
 *   `%` is both uncertain and approximate)
 * @IIS_DATE_QUALIFIERS_UNSPECIFIED: some digits are written as unknown
 *   (EDTF `201X`, `19XX`, `2015-XX`, `2015-06-XX`)
 * @IIS_DATE_QUALIFIERS_ON_OR_BEFORE: the date is only known to be on or
 *   before the one written (EDTF `../2004`: "joined before 2004", "a
 *   party by the chart of 2015")
 *
 * What an [struct@Iis.Date] says beyond its digits: the qualifiers and
 * unspecified digits of the Extended Date/Time Format (EDTF, ISO 8601-2),
 * level 1. See the "Dates" page of the documentation.
 *
 * Since: 1.1
 */
typedef enum {
  IIS_DATE_QUALIFIERS_NONE = 0,
  IIS_DATE_QUALIFIERS_UNCERTAIN = 1 << 0,
  IIS_DATE_QUALIFIERS_APPROXIMATE = 1 << 1,
  IIS_DATE_QUALIFIERS_UNSPECIFIED = 1 << 2,
  IIS_DATE_QUALIFIERS_ON_OR_BEFORE = 1 << 3,
} IisDateQualifiers;

/**
 * IisTruth:
 * @IIS_TRUTH_NO: certainly not
 * @IIS_TRUTH_UNKNOWN: the dates leave it open: possibly
 * @IIS_TRUTH_YES: certainly
 *
 * A three-valued answer: whether a period holds at a date when its dates
 * may be approximate, uncertain or unspecified. Exact dates always give
 * %IIS_TRUTH_YES or %IIS_TRUTH_NO.
 *
 * Since: 1.1
 */
typedef enum {
  IIS_TRUTH_NO,
  IIS_TRUTH_UNKNOWN,
  IIS_TRUTH_YES,
} IisTruth;

/**
 * IisQuestionMode:
 * @IIS_QUESTION_MODE_CERTAIN: answer with what certainly holds at the
 *   date (the default, and the only answer of 1.0 questions)
 * @IIS_QUESTION_MODE_POSSIBLE: answer also with what possibly holds: what
 *   inexact dates leave open
 *
 * How a question at a date treats inexact dates (see [enum@Iis.Truth]).
 * In either mode an [class@Iis.Answer] tells for each item whether it
 * certainly or possibly holds ([method@Iis.Answer.get_truth]).
 *
 * Since: 1.1
 */
typedef enum {
  IIS_QUESTION_MODE_CERTAIN,
  IIS_QUESTION_MODE_POSSIBLE,
} IisQuestionMode;

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
IIS_AVAILABLE_IN_1_1
IisDateQualifiers iis_date_get_qualifiers      (const IisDate  *self);
IIS_AVAILABLE_IN_1_1
gboolean          iis_date_is_exact            (const IisDate  *self);
IIS_AVAILABLE_IN_1_1
IisDate          *iis_date_dup_earliest        (const IisDate  *self);
IIS_AVAILABLE_IN_1_1
IisDate          *iis_date_dup_latest          (const IisDate  *self);
IIS_AVAILABLE_IN_1_1
IisTruth          iis_period_get_truth_at      (const IisDate  *start,
                                                const IisDate  *end,
                                                const IisDate  *at);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IisDate, iis_date_free)

G_END_DECLS
