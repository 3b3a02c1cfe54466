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

G_END_DECLS
