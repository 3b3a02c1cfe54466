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

#include "gui-shots.h"
#include "kp-brochure-preview.h"
#include "kp-course-view.h"
#include "kp-demo.h"
#include "kp-store.h"

/* The metainfo names each file with its size: keep these in step with it. */
#define SHOT_WIDTH 1200
#define SHOT_HEIGHT 760
#define NARROW_WIDTH 360
#define NARROW_HEIGHT 720

static char *db_path;

/* A database with the demo courses, as a new user's first start has. */
static char *
make_demo_database (void)
{
  g_autofree char *path = g_build_filename (gui_shots_get_dir (), "metainfo.db", NULL);
  g_autoptr(KpStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_remove (path);
  store = gui_fixture_reopen (path);
  g_assert_true (kp_demo_load (store, &error));
  g_assert_no_error (error);
  g_assert_true (kp_store_flush (store, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

/* The window at exactly @width × @height: the default size also counts the invisible resize
 * borders around it, so add them. */
static KpWindow *
open_exact (KpApplication **app_out,
            int             width,
            int             height)
{
  KpWindow *window = open_window (app_out, db_path, width, height);

  gtk_window_set_default_size (GTK_WINDOW (window),
                               2 * width - gtk_widget_get_width (GTK_WIDGET (window)),
                               2 * height - gtk_widget_get_height (GTK_WIDGET (window)));
  wait_ms (400);
  return window;
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
          view = KP_COURSE_VIEW (find_widget (GTK_WIDGET (window), KP_TYPE_COURSE_VIEW));
          g_assert_nonnull (view);
          kp_course_view_set_step (view, step);
          wait_ms (300);
          return;
        }
    }
  g_error ("no demo course is called “%s”", title);
}

/* Scrolls the step's page so that the first widget of @type shows near the top. */
static void
scroll_to (KpWindow *window,
           GType     type)
{
  GtkWidget *target = find_widget (GTK_WIDGET (window), type);
  GtkWidget *scroller;
  graphene_rect_t bounds;
  GtkAdjustment *adjustment;

  g_assert_nonnull (target);
  scroller = gtk_widget_get_ancestor (target, GTK_TYPE_SCROLLED_WINDOW);
  g_assert_nonnull (scroller);
  g_assert_true (gtk_widget_compute_bounds (target,
                                            gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)),
                                            &bounds));
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  gtk_adjustment_set_value (adjustment, bounds.origin.y - 60);
  wait_ms (300);
}

/* NAME.png, which the metainfo names with its size. */
static void
shot (KpWindow   *window,
      const char *name,
      int         width,
      int         height)
{
  wait_ms (300);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), ==, width);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), ==, height);
  save_shot (GTK_WINDOW (window), name);
}

static void
test_wide (void)
{
  KpApplication *app;
  KpWindow *window = open_exact (&app, SHOT_WIDTH, SHOT_HEIGHT);

  g_assert_cmpuint (g_list_model_get_n_items (kp_window_get_visible_courses (window)), ==, 3);

  show_course (window, "Pårørendeskole om demens", KP_STEP_SESSIONS);
  shot (window, "sessions", SHOT_WIDTH, SHOT_HEIGHT);
  show_course (window, "Pårørendeskole om demens", KP_STEP_GROUP);
  shot (window, "planning-group", SHOT_WIDTH, SHOT_HEIGHT);
  show_course (window, "Leve med diabetes type 2", KP_STEP_GOALS);
  shot (window, "goals", SHOT_WIDTH, SHOT_HEIGHT);
  show_course (window, "Eallit váibmodávddain", KP_STEP_BROCHURE);
  scroll_to (window, KP_TYPE_BROCHURE_PREVIEW);
  shot (window, "brochure", SHOT_WIDTH, SHOT_HEIGHT);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  show_course (window, "Pårørendeskole om demens", KP_STEP_NEED);
  shot (window, "dark", SHOT_WIDTH, SHOT_HEIGHT);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);

  close_window (app, window);
}

static void
test_narrow (void)
{
  KpApplication *app;
  KpWindow *window = open_exact (&app, NARROW_WIDTH, NARROW_HEIGHT);

  show_course (window, "Leve med diabetes type 2", KP_STEP_SESSIONS);
  /* Folded, the course is a page of its own beside the list. */
  adw_leaflet_navigate (ADW_LEAFLET (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                    KP_TYPE_WINDOW, "leaflet")),
                        ADW_NAVIGATION_DIRECTION_FORWARD);
  wait_ms (400);
  shot (window, "narrow", NARROW_WIDTH, NARROW_HEIGHT);
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

  db_path = make_demo_database ();
  if (dir != NULL && *dir != '\0')
    gui_shots_set_dir (dir);
  else
    {
      g_autofree char *metainfo = g_build_filename (gui_shots_get_dir (), "metainfo", NULL);

      gui_shots_set_dir (metainfo);
    }

  g_test_add_func ("/metainfo-screenshots/wide", test_wide);
  g_test_add_func ("/metainfo-screenshots/narrow", test_narrow);

  return g_test_run ();
}
