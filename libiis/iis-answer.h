/* iis-answer.h: an answer of a catalog, a list of objects that never changes
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(IIS_INSIDE) && !defined(IIS_COMPILATION)
# error "Only <libiis/iis.h> can be included directly."
#endif

#include <gio/gio.h>

#include "iis-date.h"
#include "iis-version.h"

G_BEGIN_DECLS

#define IIS_TYPE_ANSWER (iis_answer_get_type ())
IIS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (IisAnswer, iis_answer, IIS, ANSWER, GObject)

IIS_AVAILABLE_IN_ALL
GObject **iis_answer_get_items (IisAnswer *self,
                              guint   *n_items);
IIS_AVAILABLE_IN_1_1
IisTruth  iis_answer_get_truth (IisAnswer *self,
                                guint      position);

G_END_DECLS
