/* iis-array-list.c: the list model questions answer with
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * An answer is made once and then only read, so it is a plain array of
 * references: building it is one allocation, reading an item is an
 * index and a reference. A GListStore keeps its items in a GSequence,
 * whose nodes cost an allocation and a tree insertion each; at a
 * million relations that was most of the time a question took.
 */

#include "config.h"

#include "iis-array-list-private.h"

struct _IisArrayList
{
  GObject   parent_instance;

  GType     item_type;
  gpointer *items;
  guint     n_items;
};

static void iis_array_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (IisArrayList, iis_array_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      iis_array_list_model_init))

static GType
iis_array_list_get_item_type (GListModel *model)
{
  return IIS_ARRAY_LIST (model)->item_type;
}

static guint
iis_array_list_get_n_items (GListModel *model)
{
  return IIS_ARRAY_LIST (model)->n_items;
}

static gpointer
iis_array_list_get_item (GListModel *model,
                         guint       position)
{
  IisArrayList *self = IIS_ARRAY_LIST (model);

  if (position >= self->n_items)
    return NULL;
  return g_object_ref (self->items[position]);
}

static void
iis_array_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = iis_array_list_get_item_type;
  iface->get_n_items = iis_array_list_get_n_items;
  iface->get_item = iis_array_list_get_item;
}

static void
iis_array_list_finalize (GObject *object)
{
  IisArrayList *self = IIS_ARRAY_LIST (object);

  for (guint i = 0; i < self->n_items; i++)
    g_object_unref (self->items[i]);
  g_free (self->items);

  G_OBJECT_CLASS (iis_array_list_parent_class)->finalize (object);
}

static void
iis_array_list_class_init (IisArrayListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = iis_array_list_finalize;
}

static void
iis_array_list_init (IisArrayList *self)
{
}

GListModel *
_iis_array_list_new_take (GType     item_type,
                          gpointer *items,
                          guint     n_items)
{
  IisArrayList *self;

  g_return_val_if_fail (g_type_is_a (item_type, G_TYPE_OBJECT), NULL);
  g_return_val_if_fail (items != NULL || n_items == 0, NULL);

  self = g_object_new (IIS_TYPE_ARRAY_LIST, NULL);
  self->item_type = item_type;
  self->items = items;
  self->n_items = n_items;
  return G_LIST_MODEL (self);
}
