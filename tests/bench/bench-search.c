/* bench-search.c — typing in the course search over 10,000 courses: the work per keystroke, from
 * the key's new text to the painted frame that shows the filtered list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "kp-application.h"
#include "kp-renderer.h"
#include "kp-store.h"
#include "kp-time.h"
#include "kp-window.h"

#define N_COURSES 10000

static const char *subjects[] = {
  "kols", "diabetes type 2", "hjertesvikt", "psykisk helse", "kreft", "revmatisme",
  "overvekt", "søvn", "smerte", "epilepsi", "demens", "astma",
};

static const char *kinds[] = {
  "Å leve med", "Pårørendekurs:", "Mestringskurs for", "Lærings- og mestringskurs om",
};

/* 10,000 courses of six weekly sessions each, in one transaction per thousand. */
static void
make_catalogue (const char *path)
{
  g_autoptr(KpStore) store = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Oslo");
  g_autoptr(GError) error = NULL;

  store = kp_store_new (path, &error);
  g_assert_no_error (error);
  for (guint batch = 0; batch < N_COURSES / 1000; batch++)
    {
      g_autoptr(GPtrArray) courses = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = batch * 1000; i < (batch + 1) * 1000; i++)
        {
          g_autoptr(KpCourse) course = kp_course_new (NULL);
          g_autofree char *title = g_strdup_printf ("%s %s %u",
                                                    kinds[i % G_N_ELEMENTS (kinds)],
                                                    subjects[i % G_N_ELEMENTS (subjects)], i);
          g_autoptr(GDateTime) start = g_date_time_new (tz, 2027, 1 + i % 12, 1 + i % 28,
                                                        18, 0, 0);

          kp_course_set_title (course, title);
          for (guint s = 0; s < 6; s++)
            {
              g_autoptr(KpSession) session = kp_session_new (NULL);
              g_autoptr(GDateTime) when = g_date_time_add_weeks (start, s);

              kp_session_set_start (session, when);
              kp_session_set_minutes (session, 150);
              kp_course_add_session (course, session);
            }
          g_ptr_array_add (courses, g_steal_pointer (&course));
        }
      kp_store_save_courses (store, courses, &error);
      g_assert_no_error (error);
    }
  kp_store_flush (store, &error);
  g_assert_no_error (error);
}

static gboolean painted;
static gint64 frame_start;
static gint64 frame_end;

static void
on_before_paint (GdkFrameClock *clock,
                 gpointer       user_data)
{
  frame_start = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  frame_end = g_get_monotonic_time ();
  painted = TRUE;
}

static void
wait_for_paint (void)
{
  painted = FALSE;
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (int    argc,
      char **argv)
{
  static const char typed[] = "pårørendekurs kols";
  g_autofree char *dir = NULL;
  g_autofree char *db_path = NULL;
  g_autoptr(KpApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  const char *bench_db = g_getenv ("KURSPLAN_BENCH_DB");
  KpWindow *window;
  GdkFrameClock *clock;
  GtkEditable *entry;
  gint64 start;
  double total = 0;
  double worst = 0;
  guint n_chars;

  /* bench-startup asks for the catalogue alone, to start the real program on it. */
  if (argc == 3 && g_strcmp0 (argv[1], "--make-catalogue") == 0)
    {
      make_catalogue (argv[2]);
      return 0;
    }

  /* As kursplan's main() does, before GTK starts. */
  kp_renderer_avoid_software_gl ("/dev");
  gtk_init ();
  adw_init ();

  if (bench_db != NULL && g_file_test (bench_db, G_FILE_TEST_EXISTS))
    db_path = g_strdup (bench_db);
  else
    {
      dir = g_dir_make_tmp ("kursplan-bench-XXXXXX", &error);
      g_assert_no_error (error);
      db_path = g_build_filename (dir, "catalogue.db", NULL);
      start = g_get_monotonic_time ();
      make_catalogue (db_path);
      g_print ("made a catalogue of %d courses in %.0f ms\n", N_COURSES,
               (g_get_monotonic_time () - start) / 1000.0);
    }

  app = kp_application_new (G_APPLICATION_NON_UNIQUE);
  kp_application_set_database_path (app, db_path);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  g_application_activate (G_APPLICATION (app));
  window = KP_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
  wait_for_paint ();
  g_print ("window with %u courses: first frame %.1f ms after activation\n",
           g_list_model_get_n_items (kp_window_get_visible_courses (window)),
           (g_get_monotonic_time () - start) / 1000.0);

  /* Each keystroke as GTK delivers it: a character into the entry, then the search the entry
   * asks for (here at once instead of after its typing pause), then the painted frame. */
  entry = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (window), KP_TYPE_WINDOW,
                                                       "search_entry"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  wait_for_paint ();
  /* A person needs a moment to start typing; the window uses such idle time to fold the titles
   * for search. */
  for (gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC / 2; g_get_monotonic_time () < end;)
    g_main_context_iteration (NULL, FALSE);
  n_chars = g_utf8_strlen (typed, -1);
  for (guint i = 0; i < 2 * n_chars; i++)
    {
      gboolean typing = i < n_chars;
      double filtered;
      double ms;

      start = g_get_monotonic_time ();
      if (typing)
        {
          const char *c = g_utf8_offset_to_pointer (typed, i);
          int position = -1;

          gtk_editable_insert_text (entry, c, g_utf8_next_char (c) - c, &position);
        }
      else
        gtk_editable_delete_text (entry, 2 * n_chars - i - 1, -1);
      g_signal_emit_by_name (entry, "search-changed");
      filtered = (g_get_monotonic_time () - start) / 1000.0;
      wait_for_paint ();
      /* The work: the entry and the filter, then the frame's layout and drawing; not the wait
       * for the frame clock's next tick in between. */
      ms = filtered + (frame_end - frame_start) / 1000.0;
      g_array_append_val (times, ms);
      total += ms;
      worst = MAX (worst, ms);
      g_print ("  %s “%s”: %u courses shown; filtered in %.1f ms, frame drawn in %.1f ms, "
               "on screen %.1f ms after the key\n",
               typing ? "typed" : "erased to", gtk_editable_get_text (entry),
               g_list_model_get_n_items (kp_window_get_visible_courses (window)), filtered,
               (frame_end - frame_start) / 1000.0, (frame_end - start) / 1000.0);
    }

  g_array_sort (times, compare_doubles);
  g_print ("search over %d courses, %u keystrokes: median %.1f ms, mean %.1f ms, "
           "worst %.1f ms per keystroke (target ≤ 16 ms)\n",
           N_COURSES, times->len, g_array_index (times, double, times->len / 2),
           total / times->len, worst);

  gtk_window_destroy (GTK_WINDOW (window));
  if (dir != NULL)
    {
      g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);

      g_remove (db_path);
      g_remove (wal);
      g_remove (shm);
      g_rmdir (dir);
    }
  return 0;
}
