/* kp-slot-list-model.h — a list's items in slots that stay, so a list view keeps its rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define KP_TYPE_SLOT_LIST_MODEL (kp_slot_list_model_get_type ())

G_DECLARE_FINAL_TYPE (KpSlotListModel, kp_slot_list_model, KP, SLOT_LIST_MODEL, GObject)

KpSlotListModel *kp_slot_list_model_new (GListModel *model);

G_END_DECLS
