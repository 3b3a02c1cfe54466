/* kp-preferences-window.c — Kursplan's preferences: the language of the window
 *
 * The window's language is read once at startup (kp-ui-language), before any string is
 * translated: a change here shows from the next start, and the row says so. Brochures are not
 * affected — their language belongs to each course.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "kp-preferences-window.h"
#include "kp-ui-language.h"

struct _KpPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;   /* NULL when the schema is not installed */

  AdwComboRow          *language_row;
};

G_DEFINE_FINAL_TYPE (KpPreferencesWindow, kp_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static gboolean
language_to_selected (GValue   *value,
                      GVariant *variant,
                      gpointer  user_data)
{
  g_value_set_uint (value, kp_ui_language_find_choice (g_variant_get_string (variant, NULL)));
  return TRUE;
}

static GVariant *
selected_to_language (const GValue       *value,
                      const GVariantType *expected_type,
                      gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected >= kp_ui_language_get_n_choices ())
    return NULL;
  return g_variant_new_string (kp_ui_language_get_choice_code (selected));
}

static void
on_language_changed (KpPreferencesWindow *self)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (_("Restart Kursplan to see the new language")));
}

static void
kp_preferences_window_dispose (GObject *object)
{
  KpPreferencesWindow *self = KP_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KP_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (kp_preferences_window_parent_class)->dispose (object);
}

static void
kp_preferences_window_class_init (KpPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kp_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kursplan/Kursplan/kp-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KpPreferencesWindow, language_row);
}

static void
kp_preferences_window_init (KpPreferencesWindow *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < kp_ui_language_get_n_choices (); i++)
    gtk_string_list_append (names, kp_ui_language_get_choice_name (i));
  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (names));
}

/**
 * kp_preferences_window_new:
 * @settings: (nullable): the application's settings; %NULL when the schema is not installed,
 *   and then the rows show the defaults and cannot be changed
 */
KpPreferencesWindow *
kp_preferences_window_new (GSettings *settings)
{
  KpPreferencesWindow *self = g_object_new (KP_TYPE_PREFERENCES_WINDOW, NULL);

  if (settings == NULL)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->language_row), FALSE);
      return self;
    }

  self->settings = g_object_ref (settings);
  g_settings_bind_with_mapping (settings, "ui-language", self->language_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                language_to_selected, selected_to_language, NULL, NULL);
  g_signal_connect_object (settings, "changed::ui-language",
                           G_CALLBACK (on_language_changed), self, G_CONNECT_SWAPPED);
  return self;
}
