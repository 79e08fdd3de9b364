/* iis-array-list-private.h: the list model questions answer with
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define IIS_TYPE_ARRAY_LIST (iis_array_list_get_type ())
G_DECLARE_FINAL_TYPE (IisArrayList, iis_array_list, IIS, ARRAY_LIST, GObject)

/* A list of @n_items objects of @item_type that never changes. Takes
 * @items (allocated with g_malloc) and the references it holds. */
GListModel *_iis_array_list_new_take (GType     item_type,
                                      gpointer *items,
                                      guint     n_items);

G_END_DECLS
