/* gui-fixture.c — what the GUI tests share to set up and drive the window: a temporary folder
 * with a test database, the application and its window on it, running the main loop, finding
 * widgets, and reading the database back through a connection of the test's own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "gui-fixture.h"
#include "kp-time.h"

/* Runs what the main loop has ready, without waiting. */
void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Runs the main loop for @ms milliseconds. */
void
wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end)
    {
      iterate ();
      g_usleep (1000);
    }
}

/* Runs the main loop until @done holds, for at most @ms milliseconds. */
gboolean
wait_until (gboolean (*done) (gpointer data),
            gpointer   data,
            guint      ms)
{
  gint64 end = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (!done (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

/* Translates through the catalogues built in BUILD/po (KURSPLAN_LOCALEDIR), starting in Bokmål:
 * GLib decides once, at the first lookup, whether to translate at all, and in a locale without a
 * catalogue (C.UTF-8) it would decide not to. Call before g_test_init (). */
void
gui_fixture_use_catalogues (void)
{
  const char *localedir = g_getenv ("KURSPLAN_LOCALEDIR");

  gui_fixture_use_language ("nb");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/* The window speaks @language (a LANGUAGE list, "" for the desktop's) from the next lookup. */
void
gui_fixture_use_language (const char *language)
{
  g_setenv ("LANGUAGE", language, TRUE);
  setlocale (LC_ALL, "");
}

/* A new temporary folder kursplan-NAME-XXXXXX; *@db_path_out is its kursplan.db (not made). */
char *
gui_fixture_make_dir (const char  *name,
                      char       **db_path_out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strdup_printf ("kursplan-%s-XXXXXX", name);
  char *dir = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);
  if (db_path_out != NULL)
    *db_path_out = g_build_filename (dir, "kursplan.db", NULL);
  return dir;
}

/* Removes @path and all under it. */
void
gui_fixture_remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        gui_fixture_remove_dir (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

static void
on_after_paint (GdkFrameClock *frame_clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

/* Runs the main loop until @window has drawn its first frame and done what it does just
 * after (it opens the last course then). */
void
gui_fixture_wait_first_frame (KpWindow *window)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  gboolean painted = FALSE;
  gulong handler;

  g_assert_nonnull (frame_clock);
  handler = g_signal_connect (frame_clock, "after-paint", G_CALLBACK (on_after_paint), &painted);
  g_assert_true (wait_until (is_true, &painted, 10000));
  g_signal_handler_disconnect (frame_clock, handler);
  iterate ();
}

/* The window of a new application on @db_path, just presented: it has not drawn yet. Each
 * application has a name of its own on the session bus, so none is taken for a second
 * instance. */
KpWindow *
gui_fixture_launch_app (KpApplication     **app_out,
                        const char         *db_path,
                        GApplicationFlags   flags)
{
  static guint n_apps = 0;
  g_autoptr(GError) error = NULL;
  g_autofree char *app_id = g_strdup_printf ("%s.Test%u", APP_ID, ++n_apps);
  KpApplication *app = kp_application_new (G_APPLICATION_NON_UNIQUE | flags);
  KpWindow *window;

  g_application_set_application_id (G_APPLICATION (app), app_id);
  kp_application_set_database_path (app, db_path);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = KP_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_true (KP_IS_WINDOW (window));
  *app_out = app;
  return window;
}

/* The window of a new application on @db_path, once it has drawn its first frame and opened
 * the last course. */
KpWindow *
gui_fixture_start_app (KpApplication     **app_out,
                       const char         *db_path,
                       GApplicationFlags   flags)
{
  KpWindow *window = gui_fixture_launch_app (app_out, db_path, flags);

  gui_fixture_wait_first_frame (window);
  return window;
}

/* Closes *@window (if any) and drops *@app. */
void
gui_fixture_stop_app (KpApplication **app,
                      KpWindow      **window)
{
  if (*window != NULL)
    gtk_window_destroy (GTK_WINDOW (g_steal_pointer (window)));
  iterate ();
  g_clear_object (app);
}

/* Closes the message dialogs a test left open. */
void
gui_fixture_close_dialogs (void)
{
  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      gtk_window_destroy (l->data);
}

/* A course @title (id @id, or a new one) with @n_sessions of 150 minutes a week apart from
 * @first_start (local time in Oslo), each titled @session_title (or untitled if NULL). */
KpCourse *
gui_fixture_make_course (const char     *id,
                         const char     *title,
                         KpCourseStatus  status,
                         const char     *first_start,
                         guint           n_sessions,
                         const char     *session_title)
{
  KpCourse *course = kp_course_new (id);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Oslo");
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GError) error = NULL;

  kp_course_set_title (course, title);
  kp_course_set_status (course, status);
  start = kp_time_parse_local (first_start, tz, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n_sessions; i++)
    {
      g_autoptr(KpSession) session = kp_session_new (NULL);
      g_autoptr(GDateTime) when = g_date_time_add_weeks (start, i);

      if (session_title != NULL)
        kp_session_set_title (session, session_title);
      kp_session_set_start (session, when);
      kp_session_set_minutes (session, 150);
      kp_course_add_session (course, session);
    }
  return course;
}

/* Writes what the window's store holds to the file. */
void
gui_fixture_flush (KpWindow *window)
{
  g_autoptr(GError) error = NULL;

  kp_store_flush (kp_window_get_store (window), &error);
  g_assert_no_error (error);
}

/* A connection of the test's own to @db_path. */
KpStore *
gui_fixture_reopen (const char *db_path)
{
  g_autoptr(GError) error = NULL;
  KpStore *store = kp_store_new (db_path, &error);

  g_assert_no_error (error);
  return store;
}

/* Writes @course into the database @db_path (made if it is not there), and waits until it is. */
void
gui_fixture_save_course (const char *db_path,
                         KpCourse   *course)
{
  g_autoptr(KpStore) store = gui_fixture_reopen (db_path);
  g_autoptr(GError) error = NULL;

  kp_store_save_course (store, course, &error);
  g_assert_no_error (error);
  kp_store_flush (store, &error);
  g_assert_no_error (error);
}

/* Course @id as the file holds it, read through a connection of its own; NULL if none. */
KpCourse *
gui_fixture_load_course (const char *db_path,
                         const char *id)
{
  g_autoptr(KpStore) store = gui_fixture_reopen (db_path);
  g_autoptr(GError) error = NULL;
  KpCourse *course;

  if (!kp_store_has_course (store, id))
    return NULL;
  course = kp_store_load_course (store, id, &error);
  g_assert_no_error (error);
  return course;
}

/* Course @id as the file holds it once the store has had @ms milliseconds to write the window's
 * edits through, with no flush by the window. */
KpCourse *
gui_fixture_load_course_after (const char *db_path,
                               const char *id,
                               guint       ms)
{
  KpCourse *course;

  wait_ms (ms);
  course = gui_fixture_load_course (db_path, id);
  g_assert_nonnull (course);
  return course;
}

/* The window's course view: there once a course has been opened. */
KpCourseView *
gui_fixture_course_view (KpWindow *window)
{
  AdwBin *bin = ADW_BIN (gtk_widget_get_template_child (GTK_WIDGET (window), KP_TYPE_WINDOW,
                                                        "course_view_bin"));
  GtkWidget *view = adw_bin_get_child (bin);

  g_assert_true (KP_IS_COURSE_VIEW (view));
  return KP_COURSE_VIEW (view);
}

/* The first widget at or under @root, depth first, for which @match holds. */
GtkWidget *
find_where (GtkWidget     *root,
            gboolean     (*match) (GtkWidget *widget, gconstpointer data),
            gconstpointer  data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_where (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

/* The first widget of @type at or under @widget, depth first. */
GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  return find_where (widget, is_of_type, GSIZE_TO_POINTER (type));
}

static gboolean
is_named (GtkWidget     *widget,
          gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

/* The first widget at or under @root named @name (rows are named after their item's UUID). */
GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  return find_where (root, is_named, name);
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* The first button at or under @root labelled @label. */
GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  return find_where (root, is_button_labelled, label);
}

/* The first shown toplevel window of @type. */
GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}
