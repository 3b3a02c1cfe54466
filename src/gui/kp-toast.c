/* kp-toast.c — a toast from a plain-text message
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-toast"

#include "config.h"

#include <glib/gi18n.h>

#include "kp-toast.h"

/**
 * kp_toast_new:
 * @message: plain text, not markup
 *
 * A toast's title is Pango markup, and messages carry titles, file names and file contents,
 * so the message is escaped.
 *
 * Returns: (transfer full): a new toast showing @message
 */
AdwToast *
kp_toast_new (const char *message)
{
  g_autofree char *markup = g_markup_escape_text (message, -1);

  return adw_toast_new (markup);
}

/**
 * kp_toast_show:
 * @widget: a widget inside an #AdwToastOverlay
 * @message: plain text, not markup
 *
 * Shows @message on the toast overlay around @widget; where there is none (a page not yet in
 * a window), logs it instead.
 */
void
kp_toast_show (GtkWidget  *widget,
               const char *message)
{
  GtkWidget *overlay;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), kp_toast_new (message));
  else
    g_message ("%s", message);
}

/**
 * kp_toast_show_undo:
 * @widget: a widget inside an #AdwToastOverlay
 * @message: plain text, not markup: what was removed
 * @undo: called with @data when the user clicks the toast's Undo
 * @data: what @undo needs to put things back
 * @destroy: (nullable): frees @data once the toast is gone
 *
 * Shows @message on the toast overlay around @widget with an Undo button. Where there is no
 * overlay (a page not yet in a window), logs @message and frees @data at once.
 *
 * Returns: (transfer none) (nullable): the toast, or %NULL where there is no overlay
 */
AdwToast *
kp_toast_show_undo (GtkWidget       *widget,
                    const char      *message,
                    KpToastUndoFunc  undo,
                    gpointer         data,
                    GDestroyNotify   destroy)
{
  GtkWidget *overlay;
  AdwToast *toast;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (undo != NULL, NULL);

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    {
      g_message ("%s", message);
      if (destroy != NULL)
        destroy (data);
      return NULL;
    }

  toast = kp_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo), data,
                         (GClosureNotify) (void (*) (void)) destroy, G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  return toast;
}

/**
 * kp_toast_saved_message:
 * @file: a file just written
 *
 * Returns: (transfer full): the message that says @file was saved, by its name
 */
char *
kp_toast_saved_message (GFile *file)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_basename (file);
  return g_strdup_printf (_("Saved “%s”"), name);
}
