/* kp-application.c — the Kursplan application: one instance, one database, one window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-application"

#include "config.h"

#include <glib/gi18n.h>

#include "kp-application.h"
#include "kp-demo.h"
#include "kp-preferences-window.h"
#include "kp-window.h"

struct _KpApplication
{
  AdwApplication  parent_instance;

  char           *database_path;  /* --db, or NULL for $KURSPLAN_DB or the default */
  KpStore        *store;          /* opened on the first activation */
  GSettings      *settings;       /* NULL when the schema is not installed */
};

G_DEFINE_FINAL_TYPE (KpApplication, kp_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_DATABASE_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

KpApplication *
kp_application_new (GApplicationFlags flags)
{
  return g_object_new (KP_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", flags,
                       "resource-base-path", "/io/github/kursplan/Kursplan",
                       NULL);
}

const char *
kp_application_get_database_path (KpApplication *self)
{
  g_return_val_if_fail (KP_IS_APPLICATION (self), NULL);
  return self->database_path;
}

void
kp_application_set_database_path (KpApplication *self,
                                  const char    *path)
{
  g_return_if_fail (KP_IS_APPLICATION (self));

  if (g_strcmp0 (self->database_path, path) == 0)
    return;
  g_free (self->database_path);
  self->database_path = g_strdup (path);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE_PATH]);
}

/**
 * kp_application_get_store:
 *
 * Returns: (transfer none) (nullable): the open database, once the application is activated
 */
KpStore *
kp_application_get_store (KpApplication *self)
{
  g_return_val_if_fail (KP_IS_APPLICATION (self), NULL);
  return self->store;
}

/**
 * kp_application_get_settings:
 *
 * Returns: (transfer none) (nullable): the application's settings; %NULL when the schema is not
 *   installed (running from a build tree), and then window state is simply not remembered
 */
GSettings *
kp_application_get_settings (KpApplication *self)
{
  g_return_val_if_fail (KP_IS_APPLICATION (self), NULL);
  return self->settings;
}

static int
kp_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  KpApplication *self = KP_APPLICATION (application);
  g_autofree char *path = NULL;

  if (g_variant_dict_lookup (options, "db", "^ay", &path))
    kp_application_set_database_path (self, path);

  return -1;
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (app));

  /* Closing each window saves what it holds; the application ends with the last one. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "The Kursplan developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", _("Kursplan"),
                        "application-icon", APP_ID,
                        "developer-name", "The Kursplan developers",
                        "developers", developers,
                        "version", PACKAGE_VERSION,
                        "comments", _("Plan learning and coping courses together with "
                                      "Standard metode: the planning group, the sessions, "
                                      "the brochure and the evaluation."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  KpApplication *self = KP_APPLICATION (user_data);
  KpPreferencesWindow *preferences;

  preferences = kp_preferences_window_new (self->settings);
  gtk_window_set_transient_for (GTK_WINDOW (preferences),
                                gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_present (GTK_WINDOW (preferences));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
  { "preferences", preferences_activated },
};

static void
kp_application_startup (GApplication *application)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  g_autoptr(GSettingsSchema) schema = NULL;
  GSettingsSchemaSource *source;

  G_APPLICATION_CLASS (kp_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.preferences",
                                         preferences_accels);

  source = g_settings_schema_source_get_default ();
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    KP_APPLICATION (application)->settings = g_settings_new (APP_ID);
  else
    g_debug ("The settings schema %s is not installed; window state is not remembered", APP_ID);
}

static void
on_error_response (AdwMessageDialog *dialog,
                   const char       *response,
                   GApplication     *application)
{
  g_application_release (application);
}

static void
show_fatal_error (KpApplication *self,
                  const GError  *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (NULL, _("Kursplan Could Not Open Its Database"),
                                   error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_application_hold (G_APPLICATION (self));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_error_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
open_store (KpApplication  *self,
            GError        **error)
{
  g_autoptr(KpStore) store = NULL;

  /* Without --db the store takes $KURSPLAN_DB, or the file in the user's data folder. */
  store = kp_store_new (self->database_path, error);
  if (store == NULL)
    return FALSE;

  /* A database made just now — a new user's, or a new file named with --db — gets the demo
   * courses, so the app is never empty; one that exists is left as it is, even empty. Failing
   * to load them is no reason not to start. */
  {
    g_autoptr(GError) demo_error = NULL;

    if (!kp_demo_load_if_new (store, &demo_error))
      g_printerr ("kursplan: %s\n", demo_error->message);
  }

  self->store = g_steal_pointer (&store);
  return TRUE;
}

static void
kp_application_activate (GApplication *application)
{
  KpApplication *self = KP_APPLICATION (application);
  GtkWindow *window;
  g_autoptr(GError) error = NULL;

  window = gtk_application_get_active_window (GTK_APPLICATION (application));
  if (window != NULL && KP_IS_WINDOW (window))
    {
      /* Started again (one instance per session): raise the window there is. */
      g_debug ("Activated again: presenting the open window");
      gtk_window_present (window);
      return;
    }

  if (self->store == NULL && !open_store (self, &error))
    {
      show_fatal_error (self, error);
      return;
    }

  window = GTK_WINDOW (kp_window_new (self, self->store));
  gtk_window_present (window);
}

/* `kursplan FILE…`, or a course plan opened from the file manager: import each into the window. */
static void
kp_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  GtkWindow *window;

  g_application_activate (application);
  window = gtk_application_get_active_window (GTK_APPLICATION (application));
  if (window == NULL || !KP_IS_WINDOW (window))
    return;

  for (int i = 0; i < n_files; i++)
    kp_window_import_file (KP_WINDOW (window), files[i]);
}

static void
kp_application_shutdown (GApplication *application)
{
  KpApplication *self = KP_APPLICATION (application);

  if (self->store != NULL)
    {
      g_autoptr(GError) error = NULL;

      /* The window flushes when it closes; this catches anything left when it did not. */
      if (!kp_store_flush (self->store, &error))
        g_printerr ("kursplan: %s\n", error->message);
    }

  G_APPLICATION_CLASS (kp_application_parent_class)->shutdown (application);
}

static void
kp_application_finalize (GObject *object)
{
  KpApplication *self = KP_APPLICATION (object);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->database_path, g_free);

  G_OBJECT_CLASS (kp_application_parent_class)->finalize (object);
}

static void
kp_application_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KpApplication *self = KP_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DATABASE_PATH:
      g_value_set_string (value, self->database_path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_application_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  KpApplication *self = KP_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DATABASE_PATH:
      kp_application_set_database_path (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_application_class_init (KpApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = kp_application_finalize;
  object_class->get_property = kp_application_get_property;
  object_class->set_property = kp_application_set_property;

  app_class->handle_local_options = kp_application_handle_local_options;
  app_class->startup = kp_application_startup;
  app_class->activate = kp_application_activate;
  app_class->open = kp_application_open;
  app_class->shutdown = kp_application_shutdown;

  properties[PROP_DATABASE_PATH] =
    g_param_spec_string ("database-path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kp_application_init (KpApplication *self)
{
  static const GOptionEntry options[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Use the database at PATH"), N_("PATH") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Plan learning and coping courses with "
                                              "Standard metode."));
}
