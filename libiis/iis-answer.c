/* iis-answer.c: an answer, a list of objects that never changes
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

#include "iis-answer-private.h"

/**
 * IisAnswer:
 *
 * An answer of a catalog: a list of objects, in order, that never
 * changes.
 *
 * The questions of [class@Iis.Catalog] and [method@Iis.Query.run] return
 * their answers as [iface@Gio.ListModel]s, and an `IisAnswer` is what is
 * behind the interface. It is a snapshot: changing the catalog afterwards
 * does not change it, and the objects it holds stay alive as long as it
 * does. It never emits [signal@Gio.ListModel::items-changed], and any
 * number of threads may read it at the same time.
 *
 * Read it as any list model, with [method@Gio.ListModel.get_n_items] and
 * [method@Gio.ListModel.get_item], or all at once with
 * [method@Iis.Answer.get_items], which bindings turn into a list or an array
 * in one call:
 *
 * ```js
 * const members = catalog.get_members(sco, 'member', null);
 * for (const member of members.get_items())
 *     print(member.name);
 * ```
 *
 * In Python an answer also has `len()`, indexing and iteration, the
 * latter through [method@Iis.Answer.get_items].
 *
 * Since: 1.0
 */

struct _IisAnswer
{
  GObject   parent_instance;

  GType     item_type;
  gpointer *items;
  guint     n_items;
  guint8   *truths;     /* IisTruth of each item, or NULL: all certain */
};

static void iis_answer_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (IisAnswer, iis_answer, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      iis_answer_model_init))

static GType
iis_answer_get_item_type (GListModel *model)
{
  return IIS_ANSWER (model)->item_type;
}

static guint
iis_answer_get_n_items (GListModel *model)
{
  return IIS_ANSWER (model)->n_items;
}

static gpointer
iis_answer_get_item (GListModel *model,
                   guint       position)
{
  IisAnswer *self = IIS_ANSWER (model);

  if (position >= self->n_items)
    return NULL;
  return g_object_ref (self->items[position]);
}

static void
iis_answer_model_init (GListModelInterface *iface)
{
  iface->get_item_type = iis_answer_get_item_type;
  iface->get_n_items = iis_answer_get_n_items;
  iface->get_item = iis_answer_get_item;
}

static void
iis_answer_finalize (GObject *object)
{
  IisAnswer *self = IIS_ANSWER (object);

  for (guint i = 0; i < self->n_items; i++)
    g_object_unref (self->items[i]);
  g_free (self->items);
  g_free (self->truths);

  G_OBJECT_CLASS (iis_answer_parent_class)->finalize (object);
}

static void
iis_answer_class_init (IisAnswerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = iis_answer_finalize;
}

static void
iis_answer_init (IisAnswer *self)
{
}

/**
 * iis_answer_get_items:
 * @self: an answer
 * @n_items: (out) (optional): return location for the number of items
 *
 * Gets all the items of the answer at once, in order. The array belongs to
 * the answer and lives as long as it does; in C it is the fastest way to
 * read an answer, and bindings make a list or an array of it in one call.
 *
 * Returns: (array length=n_items) (transfer none) (nullable): the items,
 *   or %NULL when the answer is empty
 *
 * Since: 1.0
 */
GObject **
iis_answer_get_items (IisAnswer *self,
                    guint   *n_items)
{
  g_return_val_if_fail (IIS_IS_ANSWER (self), NULL);

  if (n_items != NULL)
    *n_items = self->n_items;
  return self->n_items > 0 ? (GObject **) self->items : NULL;
}

GListModel *
_iis_answer_new_take (GType     item_type,
                    gpointer *items,
                    guint     n_items)
{
  IisAnswer *self;

  g_return_val_if_fail (g_type_is_a (item_type, G_TYPE_OBJECT), NULL);
  g_return_val_if_fail (items != NULL || n_items == 0, NULL);

  self = g_object_new (IIS_TYPE_ANSWER, NULL);
  self->item_type = item_type;
  self->items = items;
  self->n_items = n_items;
  return G_LIST_MODEL (self);
}

void
_iis_answer_set_truths_take (IisAnswer *self,
                             guint8    *truths)
{
  g_return_if_fail (IIS_IS_ANSWER (self));
  g_return_if_fail (self->truths == NULL);

  self->truths = truths;
}

/**
 * iis_answer_get_truth:
 * @self: an answer
 * @position: the position of an item
 *
 * Tells whether the item at @position certainly answers the question
 * (%IIS_TRUTH_YES) or possibly does (%IIS_TRUTH_UNKNOWN: inexact dates
 * leave it open). Only questions asked in %IIS_QUESTION_MODE_POSSIBLE
 * (such as [method@Iis.Catalog.get_members_full]) have possible items;
 * every item of another answer is certain.
 *
 * Returns: %IIS_TRUTH_YES or %IIS_TRUTH_UNKNOWN, or %IIS_TRUTH_NO when
 *   @position is past the end
 *
 * Since: 1.1
 */
IisTruth
iis_answer_get_truth (IisAnswer *self,
                      guint      position)
{
  g_return_val_if_fail (IIS_IS_ANSWER (self), IIS_TRUTH_NO);

  if (position >= self->n_items)
    return IIS_TRUTH_NO;
  return self->truths != NULL ? (IisTruth) self->truths[position] : IIS_TRUTH_YES;
}
