/* kp-toast.h — a toast from a plain-text message
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

AdwToast *kp_toast_new           (const char *message);
void      kp_toast_show          (GtkWidget  *widget,
                                  const char *message);
char     *kp_toast_saved_message (GFile      *file);

/* Puts back what a removal took; called with the data given to kp_toast_show_undo(). */
typedef void (*KpToastUndoFunc) (gpointer data);

AdwToast *kp_toast_show_undo     (GtkWidget       *widget,
                                  const char      *message,
                                  KpToastUndoFunc  undo,
                                  gpointer         data,
                                  GDestroyNotify   destroy);

G_END_DECLS
