/* kp-slot-list-model.c — a list's items in slots that stay, so a list view keeps its rows
 *
 * GTK 4.8's list view destroys the row widgets of the items its model removes and makes new
 * ones for the items it adds — some two hundred rows, whatever shows. The first letter typed in
 * the course search turns 10,000 courses into a few thousand in one change, and making the
 * sidebar's rows again took longer than a frame. This model holds one KpListSlot per item of
 * the model it follows, always the same slot at the same position: when the items change, the
 * slots are given their new items (each row that shows one redraws on "notify::item"), and only
 * slots at the end come or go.
 *
 * The selection of a list view over this model selects a place, not an item: whoever shows the
 * selection sets it again after the items change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-slot-list-model"

#include "config.h"

#include "kp-list-slot.h"
#include "kp-slot-list-model.h"

struct _KpSlotListModel
{
  GObject     parent_instance;

  GListModel *model;
  GPtrArray  *slots;     /* KpListSlot or NULL: made when first asked for; the first n_items
                          * are in the list, the rest kept for when it grows again */
  guint       n_items;
};

static void kp_slot_list_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KpSlotListModel, kp_slot_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      kp_slot_list_model_list_model_init))

static GType
kp_slot_list_model_get_item_type (GListModel *list)
{
  return KP_TYPE_LIST_SLOT;
}

static guint
kp_slot_list_model_get_n_items (GListModel *list)
{
  return KP_SLOT_LIST_MODEL (list)->n_items;
}

static gpointer
kp_slot_list_model_get_item (GListModel *list,
                             guint       position)
{
  KpSlotListModel *self = KP_SLOT_LIST_MODEL (list);

  if (position >= self->n_items)
    return NULL;
  if (g_ptr_array_index (self->slots, position) == NULL)
    {
      g_autoptr(GObject) item = g_list_model_get_item (self->model, position);

      self->slots->pdata[position] = kp_list_slot_new (item);
    }
  return g_object_ref (g_ptr_array_index (self->slots, position));
}

static void
kp_slot_list_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = kp_slot_list_model_get_item_type;
  iface->get_n_items = kp_slot_list_model_get_n_items;
  iface->get_item = kp_slot_list_model_get_item;
}

/* Gives the slots made so far, from @position to the end, the model's items there now. */
static void
fill_slots (KpSlotListModel *self,
            guint            position)
{
  guint n_items = g_list_model_get_n_items (self->model);

  if (self->slots->len < n_items)
    g_ptr_array_set_size (self->slots, n_items);
  for (guint i = position; i < n_items; i++)
    {
      KpListSlot *slot = g_ptr_array_index (self->slots, i);

      if (slot != NULL)
        {
          g_autoptr(GObject) item = g_list_model_get_item (self->model, i);

          kp_list_slot_set_item (slot, item);
        }
    }
}

static void
on_items_changed (GListModel      *model,
                  guint            position,
                  guint            removed,
                  guint            added,
                  KpSlotListModel *self)
{
  guint old_n_items = self->n_items;
  guint n_items = old_n_items - removed + added;
  guint common = MIN (old_n_items, n_items);

  /* Only the slots from @position on can show something else; unless the items only moved
   * along, but then the slots must follow them anyway. */
  fill_slots (self, position);
  self->n_items = n_items;
  if (old_n_items != n_items)
    g_list_model_items_changed (G_LIST_MODEL (self), common, old_n_items - common,
                                n_items - common);
}

static void
kp_slot_list_model_dispose (GObject *object)
{
  KpSlotListModel *self = KP_SLOT_LIST_MODEL (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed, self);
  g_clear_object (&self->model);
  g_clear_pointer (&self->slots, g_ptr_array_unref);

  G_OBJECT_CLASS (kp_slot_list_model_parent_class)->dispose (object);
}

static void
free_slot (gpointer slot)
{
  if (slot != NULL)
    g_object_unref (slot);
}

static void
kp_slot_list_model_class_init (KpSlotListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kp_slot_list_model_dispose;
}

static void
kp_slot_list_model_init (KpSlotListModel *self)
{
  self->slots = g_ptr_array_new_with_free_func (free_slot);
}

/**
 * kp_slot_list_model_new:
 * @model: (transfer full): the list to follow
 *
 * Returns: (transfer full): a list of #KpListSlot, one for each of @model's items
 */
KpSlotListModel *
kp_slot_list_model_new (GListModel *model)
{
  KpSlotListModel *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  self = g_object_new (KP_TYPE_SLOT_LIST_MODEL, NULL);
  self->model = model;
  fill_slots (self, 0);
  self->n_items = g_list_model_get_n_items (model);
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), self);
  return self;
}
