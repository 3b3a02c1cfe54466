/* kp-widget.h — disposing a templated widget together with the children it adds in code
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void kp_widget_dispose_children (GtkWidget *widget,
                                 GType      widget_type);

G_END_DECLS
