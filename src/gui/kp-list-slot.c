/* kp-list-slot.c — one place in a KpSlotListModel, showing whichever item is there now
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-list-slot"

#include "config.h"

#include "kp-list-slot.h"

struct _KpListSlot
{
  GObject  parent_instance;

  GObject *item;
};

G_DEFINE_FINAL_TYPE (KpListSlot, kp_list_slot, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kp_list_slot_dispose (GObject *object)
{
  g_clear_object (&KP_LIST_SLOT (object)->item);

  G_OBJECT_CLASS (kp_list_slot_parent_class)->dispose (object);
}

static void
kp_list_slot_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, KP_LIST_SLOT (object)->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_list_slot_class_init (KpListSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kp_list_slot_dispose;
  object_class->get_property = kp_list_slot_get_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, G_TYPE_OBJECT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kp_list_slot_init (KpListSlot *self)
{
}

/**
 * kp_list_slot_new:
 * @item: (type GObject): what the slot shows
 *
 * Returns: (transfer full): a new slot
 */
KpListSlot *
kp_list_slot_new (gpointer item)
{
  KpListSlot *self = g_object_new (KP_TYPE_LIST_SLOT, NULL);

  self->item = g_object_ref (item);
  return self;
}

/**
 * kp_list_slot_get_item:
 *
 * Returns: (transfer none) (type GObject): what the slot shows
 */
gpointer
kp_list_slot_get_item (KpListSlot *self)
{
  g_return_val_if_fail (KP_IS_LIST_SLOT (self), NULL);
  return self->item;
}

/* Shows @item in the slot; "notify::item" tells the row that shows the slot. */
void
kp_list_slot_set_item (KpListSlot *self,
                       gpointer    item)
{
  g_return_if_fail (KP_IS_LIST_SLOT (self));
  g_return_if_fail (G_IS_OBJECT (item));

  if (g_set_object (&self->item, item))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}
