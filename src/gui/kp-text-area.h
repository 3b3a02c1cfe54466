/* kp-text-area.h — a few lines of free text in a card, with a "text" property to bind to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KP_TYPE_TEXT_AREA (kp_text_area_get_type ())

G_DECLARE_FINAL_TYPE (KpTextArea, kp_text_area, KP, TEXT_AREA, GtkWidget)

GtkWidget  *kp_text_area_new       (void);
const char *kp_text_area_get_text  (KpTextArea *self);
void        kp_text_area_set_text  (KpTextArea *self,
                                    const char *text);
void        kp_text_area_bind      (KpTextArea *self,
                                    GObject    *source,
                                    const char *property);
void        kp_text_area_unbind    (KpTextArea *self);

G_END_DECLS
