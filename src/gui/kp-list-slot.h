/* kp-list-slot.h — one place in a KpSlotListModel, showing whichever item is there now
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define KP_TYPE_LIST_SLOT (kp_list_slot_get_type ())

G_DECLARE_FINAL_TYPE (KpListSlot, kp_list_slot, KP, LIST_SLOT, GObject)

KpListSlot *kp_list_slot_new      (gpointer    item);
gpointer    kp_list_slot_get_item (KpListSlot *self);
void        kp_list_slot_set_item (KpListSlot *self,
                                   gpointer    item);

G_END_DECLS
