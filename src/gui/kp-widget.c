/* kp-widget.c — disposing a templated widget together with the children it adds in code
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-widget"

#include "config.h"

#include "kp-widget.h"

/**
 * kp_widget_dispose_children:
 * @widget: a widget whose class has a template
 * @widget_type: the class whose template to dispose, as for gtk_widget_dispose_template()
 *
 * Disposes @widget's template, then unparents every child still left (those added in code),
 * for a #GtkWidget subclass's dispose.
 */
void
kp_widget_dispose_children (GtkWidget *widget,
                            GType      widget_type)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_widget_dispose_template (widget, widget_type);
  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    gtk_widget_unparent (child);
}
