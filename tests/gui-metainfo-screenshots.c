/* gui-metainfo-screenshots.c — the screenshots the AppStream metainfo shows, of the real window
 * with the demo courses
 *
 * Writes into the build tree (tests/screenshots/metainfo/). To refresh the ones in the source tree
 * that the metainfo points at:
 *
 *   KURSPLAN_SCREENSHOTS_DIR=$PWD/data/screenshots \
 *     xvfb-run -a -s "-screen 0 1600x1000x24" meson test -C BUILD gui-metainfo-screenshots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "kp-application.h"
#include "kp-course-view.h"
#include "kp-demo.h"
#include "kp-store.h"
#include "kp-window.h"

/* The metainfo names each file with its size: keep these in step with it. */
#define SHOT_WIDTH 1200
#define SHOT_HEIGHT 760
#define NARROW_WIDTH 360
#define NARROW_HEIGHT 720

static char *shot_dir;
static char *db_path;

static void
wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (2000);
    }
}

/* A database with the demo courses, as a new user's first start has. */
static char *
make_demo_database (void)
{
  g_autofree char *path = g_build_filename (g_test_get_dir (G_TEST_BUILT), "screenshots",
                                            "metainfo.db", NULL);
  g_autoptr(KpStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_remove (path);
  store = kp_store_new (path, &error);
  g_assert_no_error (error);
  g_assert_true (kp_demo_load (store, &error));
  g_assert_no_error (error);
  g_assert_true (kp_store_flush (store, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static KpWindow *
open_window (KpApplication **app_out,
             int             width,
             int             height)
{
  static guint n_apps;
  g_autoptr(GError) error = NULL;
  g_autofree char *app_id = g_strdup_printf ("%s.MetainfoShots%u", APP_ID, ++n_apps);
  KpApplication *app = kp_application_new (G_APPLICATION_NON_UNIQUE);
  KpWindow *window;

  g_application_set_application_id (G_APPLICATION (app), app_id);
  kp_application_set_database_path (app, db_path);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = KP_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  wait_ms (400);
  /* The default size counts the invisible resize borders around the window: add them, so the
   * window itself, and so the picture, is @width × @height. */
  gtk_window_set_default_size (GTK_WINDOW (window),
                               2 * width - gtk_widget_get_width (GTK_WIDGET (window)),
                               2 * height - gtk_widget_get_height (GTK_WIDGET (window)));
  wait_ms (400);
  *app_out = app;
  return window;
}

static void
close_window (KpApplication *app,
              KpWindow      *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  wait_ms (50);
  g_object_unref (app);
}

static KpCourseView *
find_course_view (GtkWidget *widget)
{
  if (KP_IS_COURSE_VIEW (widget))
    return KP_COURSE_VIEW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      KpCourseView *view = find_course_view (child);

      if (view != NULL)
        return view;
    }
  return NULL;
}

/* Opens the demo course with @title on @step. */
static void
show_course (KpWindow   *window,
             const char *title,
             KpStep      step)
{
  GListModel *courses = kp_window_get_visible_courses (window);
  KpCourseView *view;

  for (guint i = 0; i < g_list_model_get_n_items (courses); i++)
    {
      g_autoptr(KpCourseSummary) summary = g_list_model_get_item (courses, i);

      if (g_strcmp0 (kp_course_summary_get_title (summary), title) == 0)
        {
          g_assert_true (kp_window_select_course (window, kp_course_summary_get_id (summary)));
          view = find_course_view (GTK_WIDGET (window));
          g_assert_nonnull (view);
          kp_course_view_set_step (view, step);
          wait_ms (300);
          return;
        }
    }
  g_error ("no demo course is called “%s”", title);
}

/* Renders the window as the compositor would get it into NAME.png, at exactly @width × @height. */
static void
save_shot (KpWindow   *window,
           const char *name,
           int         width,
           int         height)
{
  GtkWidget *widget = GTK_WIDGET (window);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  g_autofree char *path = g_build_filename (shot_dir, file, NULL);
  GtkSnapshot *snapshot;

  wait_ms (300);
  g_assert_cmpint (gtk_widget_get_width (widget), ==, width);
  g_assert_cmpint (gtk_widget_get_height (widget), ==, height);

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("wrote %s (%d × %d)", path, width, height);
}

static void
test_wide (void)
{
  KpApplication *app;
  KpWindow *window = open_window (&app, SHOT_WIDTH, SHOT_HEIGHT);

  g_assert_cmpuint (g_list_model_get_n_items (kp_window_get_visible_courses (window)), ==, 3);

  show_course (window, "Pårørendeskole om demens", KP_STEP_SESSIONS);
  save_shot (window, "sessions", SHOT_WIDTH, SHOT_HEIGHT);
  show_course (window, "Pårørendeskole om demens", KP_STEP_GROUP);
  save_shot (window, "planning-group", SHOT_WIDTH, SHOT_HEIGHT);
  show_course (window, "Leve med diabetes type 2", KP_STEP_GOALS);
  save_shot (window, "goals", SHOT_WIDTH, SHOT_HEIGHT);
  show_course (window, "Eallit váibmodávddain", KP_STEP_BROCHURE);
  save_shot (window, "brochure", SHOT_WIDTH, SHOT_HEIGHT);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  show_course (window, "Pårørendeskole om demens", KP_STEP_NEED);
  save_shot (window, "dark", SHOT_WIDTH, SHOT_HEIGHT);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);

  close_window (app, window);
}

static void
test_narrow (void)
{
  KpApplication *app;
  KpWindow *window = open_window (&app, NARROW_WIDTH, NARROW_HEIGHT);

  show_course (window, "Leve med diabetes type 2", KP_STEP_SESSIONS);
  /* Folded, the course is a page of its own beside the list. */
  adw_leaflet_navigate (ADW_LEAFLET (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                    KP_TYPE_WINDOW, "leaflet")),
                        ADW_NAVIGATION_DIRECTION_FORWARD);
  wait_ms (400);
  save_shot (window, "narrow", NARROW_WIDTH, NARROW_HEIGHT);
  close_window (app, window);
}

int
main (int    argc,
      char **argv)
{
  const char *dir = g_getenv ("KURSPLAN_SCREENSHOTS_DIR");

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  if (dir != NULL && *dir != '\0')
    shot_dir = g_strdup (dir);
  else
    shot_dir = g_build_filename (g_test_get_dir (G_TEST_BUILT), "screenshots", "metainfo", NULL);
  g_mkdir_with_parents (shot_dir, 0755);
  {
    g_autofree char *db_dir = g_build_filename (g_test_get_dir (G_TEST_BUILT), "screenshots",
                                                NULL);

    g_mkdir_with_parents (db_dir, 0755);
  }
  db_path = make_demo_database ();

  g_test_add_func ("/metainfo-screenshots/wide", test_wide);
  g_test_add_func ("/metainfo-screenshots/narrow", test_narrow);

  return g_test_run ();
}
