/* iis-answer-private.h: making answers
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "iis-answer.h"

G_BEGIN_DECLS

/* A list of @n_items objects of @item_type. Takes @items (allocated with
 * g_malloc, or NULL when @n_items is 0) and the references it holds. */
GListModel *_iis_answer_new_take (GType     item_type,
                                gpointer *items,
                                guint     n_items);

/* Give the answer the truth (an IisTruth) of each item, in the same
 * order; takes @truths (g_malloc'd, n_items long). Without it, every
 * item certainly holds. */
void        _iis_answer_set_truths_take (IisAnswer *self,
                                         guint8    *truths);

G_END_DECLS
