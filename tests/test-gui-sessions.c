/* test-gui-sessions.c — the sessions and running steps on a test database: adding sessions a week
 * apart, editing times (and refusing the ones that do not exist), cancelling and restoring,
 * moving the course across the October clock change, the holiday and overlap warnings,
 * contributions, attendance and notes; each checked in the database after reopening it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "gui-fixture.h"
#include "gui-shots.h"
#include "kp-contribution-row.h"
#include "kp-running-page.h"
#include "kp-session-row.h"
#include "kp-sessions-page.h"
#include "kp-store.h"
#include "kp-time.h"

#define COURSE_ID "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
#define MEMBER_ID "b1d00000-0000-4000-8000-000000000001"

typedef struct
{
  char      *dir;
  char      *db_path;
  KpStore   *store;
  KpCourse  *course;
  GtkWindow *window;
  GtkWidget *sessions_page;
  GtkWidget *running_page;
} Fixture;

static gpointer
template_child (gpointer    widget,
                GType       type,
                const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);
}

static GDateTime *
oslo (const char *text)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Oslo");
  g_autoptr(GError) error = NULL;
  GDateTime *time = kp_time_parse_local (text, tz, &error);

  g_assert_no_error (error);
  return time;
}

/* A carers' course at Helsehuset for 8–16, with one user representative and @n_sessions
 * Thursdays at 18:00 from @first. */
static void
fill_database (const char *path,
               const char *first,
               guint       n_sessions)
{
  g_autoptr(KpStore) store = NULL;
  g_autoptr(KpCourse) course = kp_course_new (COURSE_ID);
  g_autoptr(KpMember) member = kp_member_new (MEMBER_ID, KP_ROLE_USER_REPRESENTATIVE);
  g_autoptr(GError) error = NULL;

  kp_course_set_title (course, "Pårørendekurs psykisk helse");
  kp_course_set_text (course, KP_COURSE_LOCATION_NAME, "Helsehuset");
  kp_course_set_capacity (course, 8, 16);
  kp_member_set_name (member, "Kari Nordmann");
  kp_course_add_member (course, member);
  for (guint i = 0; i < n_sessions; i++)
    {
      g_autoptr(KpSession) session = kp_session_new (NULL);
      g_autoptr(GDateTime) start = oslo (first);
      g_autoptr(GDateTime) when = kp_time_add_days_local (start, 7 * i, &error);

      g_assert_no_error (error);
      kp_session_set_start (session, when);
      kp_session_set_minutes (session, 150);
      kp_course_add_session (course, session);
    }

  store = kp_store_new (path, &error);
  g_assert_no_error (error);
  kp_store_save_course (store, course, &error);
  g_assert_no_error (error);
  kp_store_flush (store, &error);
  g_assert_no_error (error);
}

/* The two pages in a window of their own, on the course as the store loaded and watches it. */
static void
open_pages (Fixture    *fixture,
            const char *first,
            guint       n_sessions)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *clamp = adw_clamp_new ();

  fixture->dir = gui_fixture_make_dir ("sessions", &fixture->db_path);
  fill_database (fixture->db_path, first, n_sessions);

  fixture->store = gui_fixture_reopen (fixture->db_path);
  fixture->course = kp_store_load_course (fixture->store, COURSE_ID, &error);
  g_assert_no_error (error);
  kp_store_watch_course (fixture->store, fixture->course);

  fixture->sessions_page = kp_sessions_page_new ();
  fixture->running_page = kp_running_page_new ();
  g_object_set (fixture->sessions_page, "course", fixture->course, NULL);
  g_object_set (fixture->running_page, "course", fixture->course, NULL);

  gtk_box_append (GTK_BOX (box), fixture->sessions_page);
  gtk_box_append (GTK_BOX (box), fixture->running_page);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), scrolled);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 800, 900);
  gtk_window_set_child (fixture->window, overlay);
  gtk_window_present (fixture->window);
  wait_ms (50);
}

static void
close_pages (Fixture *fixture)
{
  gtk_window_destroy (fixture->window);
  iterate ();
  kp_store_unwatch_course (fixture->store, fixture->course);
  g_clear_object (&fixture->course);
  g_clear_object (&fixture->store);
  gui_fixture_remove_dir (fixture->dir);
  g_free (fixture->db_path);
  g_free (fixture->dir);
}

/* The course as the database holds it, read through a connection of its own. */
static KpCourse *
reopen (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  KpCourse *course;

  iterate ();
  kp_store_flush (fixture->store, &error);
  g_assert_no_error (error);
  course = gui_fixture_load_course (fixture->db_path, COURSE_ID);
  g_assert_nonnull (course);
  return course;
}

static KpSession *
session_at (KpCourse *course,
            guint     position)
{
  GListModel *sessions = kp_course_get_sessions (course);

  g_assert_cmpuint (position, <, g_list_model_get_n_items (sessions));
  return g_list_model_get_item (sessions, position);
}

static void
assert_session (KpCourse       *course,
                guint           position,
                const char     *start,
                guint           minutes,
                KpSessionStatus status)
{
  g_autoptr(KpSession) session = session_at (course, position);
  g_autofree char *text = kp_time_format_local (kp_session_get_start (session));

  g_assert_cmpstr (text, ==, start);
  g_assert_cmpuint (kp_session_get_minutes (session), ==, minutes);
  g_assert_cmpint (kp_session_get_status (session), ==, status);
  g_assert_cmpstr (g_time_zone_get_identifier (g_date_time_get_timezone (kp_session_get_start (session))),
                   ==, "Europe/Oslo");
}

static KpSessionRow *
row_at (Fixture *fixture,
        int      index)
{
  GtkListBox *list = GTK_LIST_BOX (template_child (fixture->sessions_page,
                                                                  KP_TYPE_SESSIONS_PAGE, "list"));
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);

  g_assert_true (KP_IS_SESSION_ROW (row));
  return KP_SESSION_ROW (row);
}

static gpointer
row_child (KpSessionRow *row,
           const char   *name)
{
  return template_child (GTK_WIDGET (row), KP_TYPE_SESSION_ROW, name);
}

static guint
n_rows (Fixture *fixture)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (GTK_LIST_BOX (template_child (fixture->sessions_page, KP_TYPE_SESSIONS_PAGE, "list")), n) != NULL)
    n++;
  return n;
}

/* Types @text into the start time field and presses Enter. */
static void
enter_time (KpSessionRow *row,
            const char   *text)
{
  GtkEditable *time_row = row_child (row, "time_row");

  gtk_editable_set_text (time_row, text);
  g_signal_emit_by_name (time_row, "apply");
  wait_ms (20);
}

static void
test_add_sessions_a_week_apart (void)
{
  Fixture fixture = { 0 };
  g_autoptr(KpCourse) saved = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Oslo");
  g_autoptr(GDateTime) now = g_date_time_new_now (tz);
  g_autoptr(GDateTime) next_week = g_date_time_add_days (now, 7);
  g_autoptr(GDateTime) expected_first = NULL;
  g_autoptr(GDateTime) expected_second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *second_text = NULL;
  KpSessionRow *row;

  open_pages (&fixture, NULL, 0);
  g_assert_cmpuint (n_rows (&fixture), ==, 0);

  /* The first session: next week at 18:00, two and a half hours. */
  g_assert_true (gtk_widget_activate_action (fixture.sessions_page, "sessions.add", NULL));
  wait_ms (20);
  g_assert_cmpuint (n_rows (&fixture), ==, 1);
  expected_first = kp_time_new_local (tz, g_date_time_get_year (next_week),
                                      g_date_time_get_month (next_week),
                                      g_date_time_get_day_of_month (next_week), 18, 0, &error);
  g_assert_no_error (error);
  first_text = kp_time_format_local (expected_first);
  row = row_at (&fixture, 0);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  g_assert_cmpstr (gtk_editable_get_text (row_child (row, "time_row")), ==, "18:00");

  /* Made 17.30 and two hours long, the next one takes both. */
  enter_time (row, "17.30");
  gtk_spin_button_set_value (row_child (row, "minutes_spin"), 120);
  /* Markup characters are text: in the row, and in the running step's heading of the session. */
  gtk_editable_set_text (row_child (row, "theme_row"), "Å være pårørende & <søsken>");
  wait_ms (20);
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)),
                            " · Å være pårørende & <søsken> · Helsehuset"));
  g_assert_true (gtk_widget_activate_action (fixture.sessions_page, "sessions.add", NULL));
  wait_ms (20);
  g_assert_cmpuint (n_rows (&fixture), ==, 2);

  saved = reopen (&fixture);
  g_assert_cmpuint (g_list_model_get_n_items (kp_course_get_sessions (saved)), ==, 2);
  g_free (first_text);
  first_text = g_strdup_printf ("%04d-%02d-%02dT17:30", g_date_time_get_year (expected_first),
                                g_date_time_get_month (expected_first),
                                g_date_time_get_day_of_month (expected_first));
  expected_second = g_date_time_add_days (expected_first, 7);
  second_text = g_strdup_printf ("%04d-%02d-%02dT17:30", g_date_time_get_year (expected_second),
                                 g_date_time_get_month (expected_second),
                                 g_date_time_get_day_of_month (expected_second));
  assert_session (saved, 0, first_text, 120, KP_SESSION_STATUS_PLANNED);
  assert_session (saved, 1, second_text, 120, KP_SESSION_STATUS_PLANNED);
  {
    g_autoptr(KpSession) first = session_at (saved, 0);
    g_autoptr(KpSession) second = session_at (saved, 1);

    g_assert_cmpstr (kp_session_get_title (first), ==, "Å være pårørende & <søsken>");
    g_assert_null (kp_session_get_title (second));
    g_assert_false (kp_session_has_own_location (second));
  }

  close_pages (&fixture);
}

static void
test_edit_time (void)
{
  Fixture fixture = { 0 };
  g_autoptr(KpCourse) saved = NULL;
  KpSessionRow *row;
  AdwPreferencesRow *error_row;

  /* Sunday 21 March, a week before the clocks go forward on 28 March 2027. */
  open_pages (&fixture, "2027-03-21T18:00", 2);
  row = row_at (&fixture, 1);
  error_row = row_child (row, "error_row");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error_row)));

  enter_time (row, "25.00");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_row)));
  g_assert_true (g_str_has_prefix (adw_preferences_row_get_title (error_row), "Write the start time"));
  g_assert_true (gtk_widget_has_css_class (row_child (row, "time_row"), "error"));

  /* 02.30 on 28 March does not happen in Oslo. */
  enter_time (row, "02.30");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_row)));
  g_assert_nonnull (strstr (adw_preferences_row_get_title (error_row), "does not exist"));

  enter_time (row, "19:15");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error_row)));
  g_assert_cmpstr (gtk_editable_get_text (row_child (row, "time_row")), ==, "19:15");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==,
                   "19:15–21:45 · Helsehuset");

  /* Both sides of the change keep their wall-clock times. */
  saved = reopen (&fixture);
  assert_session (saved, 0, "2027-03-21T18:00", 150, KP_SESSION_STATUS_PLANNED);
  assert_session (saved, 1, "2027-03-28T19:15", 150, KP_SESSION_STATUS_PLANNED);

  close_pages (&fixture);
}

/* Picks @day in the row's calendar, as a click on it would. */
static void
pick_day (KpSessionRow *row,
          const char   *day)
{
  g_autoptr(GDateTime) noon = oslo (day);

  gtk_calendar_select_day (row_child (row, "calendar"), noon);
  wait_ms (50);
}

static void
test_pick_date (void)
{
  Fixture fixture = { 0 };
  AdwPreferencesRow *error_row;

  /* Sundays at 02:30, a time most days have: 14 and 21 March 2027. */
  open_pages (&fixture, "2027-03-14T02:30", 2);

  /* The second to 28 March, when the clocks skip from 02:00 to 03:00: refused, unchanged. */
  pick_day (row_at (&fixture, 1), "2027-03-28T12:00");
  error_row = row_child (row_at (&fixture, 1), "error_row");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_row)));
  g_assert_nonnull (strstr (adw_preferences_row_get_title (error_row), "2027-03-28 02:30 does not exist"));

  /* The first to 4 April, after the change: 02:30 there, and it moves after the second. */
  pick_day (row_at (&fixture, 0), "2027-04-04T12:00");
  {
    g_autoptr(KpCourse) saved = reopen (&fixture);

    assert_session (saved, 0, "2027-03-21T02:30", 150, KP_SESSION_STATUS_PLANNED);
    assert_session (saved, 1, "2027-04-04T02:30", 150, KP_SESSION_STATUS_PLANNED);
  }
  g_assert_cmpstr (gtk_menu_button_get_label (row_child (row_at (&fixture, 1), "date_button")), ==,
                   "4 April 2027");

  close_pages (&fixture);
}

static void
test_cancel_and_restore (void)
{
  Fixture fixture = { 0 };
  KpSessionRow *row;

  open_pages (&fixture, "2027-09-02T18:00", 3);
  row = row_at (&fixture, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "session.cancel", NULL));
  wait_ms (20);
  g_assert_true (gtk_widget_get_visible (row_child (row, "status_label")));
  {
    g_autoptr(KpCourse) saved = reopen (&fixture);

    assert_session (saved, 0, "2027-09-02T18:00", 150, KP_SESSION_STATUS_PLANNED);
    assert_session (saved, 1, "2027-09-09T18:00", 150, KP_SESSION_STATUS_CANCELLED);
    assert_session (saved, 2, "2027-09-16T18:00", 150, KP_SESSION_STATUS_PLANNED);
  }
  /* The group's count leaves the cancelled one out. */
  g_assert_cmpstr (adw_preferences_group_get_description (template_child (fixture.sessions_page, KP_TYPE_SESSIONS_PAGE, "group")),
                   ==, "2 sessions, 5 hours in all");

  row = row_at (&fixture, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "session.restore", NULL));
  wait_ms (20);
  g_assert_false (gtk_widget_get_visible (row_child (row, "status_label")));
  {
    g_autoptr(KpCourse) saved = reopen (&fixture);

    assert_session (saved, 1, "2027-09-09T18:00", 150, KP_SESSION_STATUS_PLANNED);
  }

  /* Deleted, it is gone from the database too. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row_at (&fixture, 2)), "session.delete", NULL));
  wait_ms (20);
  g_assert_cmpuint (n_rows (&fixture), ==, 2);
  {
    g_autoptr(KpCourse) saved = reopen (&fixture);

    g_assert_cmpuint (g_list_model_get_n_items (kp_course_get_sessions (saved)), ==, 2);
  }

  close_pages (&fixture);
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static void
test_move_across_october_change (void)
{
  Fixture fixture = { 0 };
  g_autoptr(KpCourse) saved = NULL;
  g_autoptr(GDateTime) tuesday = oslo ("2027-10-12T12:00");
  AdwMessageDialog *dialog;

  /* Six Thursdays in September at 18:00 become six Tuesdays from 12 October, the last three
   * after the clocks go back on 31 October. */
  open_pages (&fixture, "2027-09-02T18:00", 6);
  g_assert_true (gtk_widget_activate_action (fixture.sessions_page, "sessions.move", NULL));
  wait_ms (50);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  gtk_calendar_select_day (GTK_CALENDAR (adw_message_dialog_get_extra_child (dialog)), tuesday);
  /* A click on Move emits the response, then closes the dialog. */
  adw_message_dialog_response (dialog, "move");
  gtk_window_close (GTK_WINDOW (dialog));
  wait_ms (50);
  g_assert_null (find_dialog ());

  saved = reopen (&fixture);
  assert_session (saved, 0, "2027-10-12T18:00", 150, KP_SESSION_STATUS_PLANNED);
  assert_session (saved, 1, "2027-10-19T18:00", 150, KP_SESSION_STATUS_PLANNED);
  assert_session (saved, 2, "2027-10-26T18:00", 150, KP_SESSION_STATUS_PLANNED);
  assert_session (saved, 3, "2027-11-02T18:00", 150, KP_SESSION_STATUS_PLANNED);
  assert_session (saved, 4, "2027-11-09T18:00", 150, KP_SESSION_STATUS_PLANNED);
  assert_session (saved, 5, "2027-11-16T18:00", 150, KP_SESSION_STATUS_PLANNED);
  {
    g_autoptr(KpSession) last = session_at (saved, 5);

    g_assert_cmpint (g_date_time_get_utc_offset (kp_session_get_start (last)) / G_TIME_SPAN_HOUR, ==, 1);
  }
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row_at (&fixture, 5))),
                   ==, "Tuesday 16 November 2027");

  close_pages (&fixture);
}

static void
test_holiday_and_overlap_warnings (void)
{
  Fixture fixture = { 0 };
  g_autofree char *warning = NULL;
  KpSessionRow *row;

  /* Mondays from 10 May 2027: the second is 17 May. */
  open_pages (&fixture, "2027-05-10T18:00", 3);
  row = row_at (&fixture, 0);
  g_assert_null (kp_session_row_dup_warning (row));
  g_assert_false (gtk_widget_get_visible (row_child (row, "warning_icon")));

  row = row_at (&fixture, 1);
  warning = kp_session_row_dup_warning (row);
  g_assert_cmpstr (warning, ==, "Monday 17 May is Constitution Day");
  g_assert_true (gtk_widget_get_visible (row_child (row, "warning_icon")));
  g_assert_true (gtk_widget_get_visible (row_child (row, "warning_row")));

  /* Cancelled, a session on a holiday warns of nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "session.cancel", NULL));
  wait_ms (20);
  g_assert_null (kp_session_row_dup_warning (row_at (&fixture, 1)));

  /* The third moved to 10 May at 19:00 overlaps the first, and both rows say so. */
  {
    g_autoptr(KpSession) third = session_at (fixture.course, 2);
    g_autoptr(GDateTime) start = oslo ("2027-05-10T19:00");

    kp_session_set_start (third, start);
  }
  wait_ms (50);
  g_clear_pointer (&warning, g_free);
  warning = kp_session_row_dup_warning (row_at (&fixture, 0));
  g_assert_cmpstr (warning, ==, "Overlaps the session on Monday 10 May at 19:00");
  g_clear_pointer (&warning, g_free);
  warning = kp_session_row_dup_warning (row_at (&fixture, 1));
  g_assert_cmpstr (warning, ==, "Overlaps the session on Monday 10 May at 18:00");
  /* The moved session sorted into second place; the cancelled one is last. */
  g_assert_cmpint (kp_session_get_status (kp_session_row_get_session (row_at (&fixture, 2))), ==,
                   KP_SESSION_STATUS_CANCELLED);

  close_pages (&fixture);
}

static void
test_contributions (void)
{
  Fixture fixture = { 0 };
  g_autoptr(KpCourse) saved = NULL;
  KpSessionRow *row;
  GtkWidget *contribution_row = NULL;

  open_pages (&fixture, "2027-09-02T18:00", 1);
  row = row_at (&fixture, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "session.add-contribution", NULL));
  wait_ms (20);

  /* The contribution's row follows the session's own rows in the expander's list. */
  contribution_row = find_widget (GTK_WIDGET (row), KP_TYPE_CONTRIBUTION_ROW);
  g_assert_nonnull (contribution_row);

  gtk_drop_down_set_selected (template_child (contribution_row, KP_TYPE_CONTRIBUTION_ROW, "kind_dropdown"),
                              KP_CONTRIBUTION_USER_TALK);
  gtk_drop_down_set_selected (template_child (contribution_row, KP_TYPE_CONTRIBUTION_ROW, "member_dropdown"), 1);
  gtk_spin_button_set_value (template_child (contribution_row, KP_TYPE_CONTRIBUTION_ROW, "minutes_spin"), 45);
  gtk_editable_set_text (template_child (contribution_row, KP_TYPE_CONTRIBUTION_ROW, "title_entry"),
                         "Min hverdag som pårørende");
  wait_ms (50);
  g_assert_cmpstr (adw_action_row_get_subtitle (row_child (row, "contributions_row")), ==,
                   "45 of 150 minutes given to contributions");

  saved = reopen (&fixture);
  {
    g_autoptr(KpSession) session = session_at (saved, 0);
    GListModel *contributions = kp_session_get_contributions (session);
    g_autoptr(KpContribution) contribution = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (contributions), ==, 1);
    contribution = g_list_model_get_item (contributions, 0);
    g_assert_cmpint (kp_contribution_get_kind (contribution), ==, KP_CONTRIBUTION_USER_TALK);
    g_assert_cmpstr (kp_contribution_get_member_id (contribution), ==, MEMBER_ID);
    g_assert_cmpuint (kp_contribution_get_minutes (contribution), ==, 45);
    g_assert_cmpstr (kp_contribution_get_title (contribution), ==, "Min hverdag som pårørende");
  }
  g_clear_object (&saved);

  g_signal_emit_by_name (template_child (contribution_row, KP_TYPE_CONTRIBUTION_ROW, "remove_button"),
                         "clicked");
  wait_ms (20);
  saved = reopen (&fixture);
  {
    g_autoptr(KpSession) session = session_at (saved, 0);

    g_assert_cmpuint (g_list_model_get_n_items (kp_session_get_contributions (session)), ==, 0);
  }

  close_pages (&fixture);
}

static void
test_attendance_and_notes (void)
{
  Fixture fixture = { 0 };
  g_autoptr(KpCourse) saved = NULL;
  GtkWidget *box;
  GtkWidget *first_group, *second_group;
  GtkSpinButton *spin;

  /* Attendance is noted once a session has been held: two Thursdays that are past. */
  open_pages (&fixture, "2026-09-03T18:00", 2);
  box = template_child (fixture.running_page, KP_TYPE_RUNNING_PAGE, "sessions_box");
  first_group = gtk_widget_get_first_child (box);
  second_group = gtk_widget_get_next_sibling (first_group);
  g_assert_nonnull (second_group);

  spin = g_object_get_data (G_OBJECT (first_group), "attended-spin");
  /* Not noted yet: a dash; up to twice the course's 16 places. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "–");
  g_assert_cmpfloat (gtk_adjustment_get_upper (gtk_spin_button_get_adjustment (spin)), ==, 32);
  gtk_spin_button_set_value (spin, 11);
  gtk_spin_button_set_value (spin, 400);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 32);
  gtk_spin_button_set_value (spin, 11);
  gtk_editable_set_text (g_object_get_data (G_OBJECT (first_group), "note-row"),
                         "God stemning; mer tid til gruppesamtalen neste gang.");
  wait_ms (50);
  g_assert_cmpstr (adw_preferences_group_get_description (template_child (fixture.running_page, KP_TYPE_RUNNING_PAGE, "summary_group")),
                   ==, "Noted for 1 of 2 sessions: 11.0 took part on average.");

  saved = reopen (&fixture);
  {
    g_autoptr(KpSession) first = session_at (saved, 0);
    g_autoptr(KpSession) second = session_at (saved, 1);

    g_assert_cmpint (kp_session_get_attended (first), ==, 11);
    g_assert_cmpstr (kp_session_get_notes (first), ==,
                     "God stemning; mer tid til gruppesamtalen neste gang.");
    g_assert_cmpint (kp_session_get_attended (second), ==, -1);
    g_assert_null (kp_session_get_notes (second));
  }

  close_pages (&fixture);
}

/* The window keeps the importers' rules (#12): no session may end after 9999, which no plan or
 * calendar file could then carry. */
static void
test_refuses_end_after_9999 (void)
{
  Fixture fixture = { 0 };
  AdwPreferencesRow *error_row;
  KpSessionRow *row;

  open_pages (&fixture, "9999-12-31T18:00", 1);
  row = row_at (&fixture, 0);
  error_row = row_child (row, "error_row");

  /* 22:30 and two and a half hours would end at 01:00 in the year 10000: refused. */
  enter_time (row, "22.30");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_row)));
  g_assert_cmpstr (adw_preferences_row_get_title (error_row), ==, "ends after the year 9999");

  /* 21:00 ends at 23:30, in time; five hours from there is refused, and the length stays. */
  enter_time (row, "21.00");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error_row)));
  gtk_spin_button_set_value (row_child (row, "minutes_spin"), 300);
  wait_ms (20);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_row)));
  g_assert_cmpstr (adw_preferences_row_get_title (error_row), ==, "ends after the year 9999");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (row_child (row, "minutes_spin")), ==, 150);
  save_shot (fixture.window, "session-end-after-9999");

  {
    g_autoptr(KpCourse) saved = reopen (&fixture);

    assert_session (saved, 0, "9999-12-31T21:00", 150, KP_SESSION_STATUS_PLANNED);
  }
  close_pages (&fixture);
}

/* A session's video link: a bad one is refused and named, the session keeps none; a good one
 * is kept (the revision raised) and saved. */
static void
test_join_url (void)
{
  Fixture fixture = { 0 };
  g_autoptr(KpCourse) saved = NULL;
  g_autoptr(KpSession) first = NULL;
  KpSessionRow *row;
  AdwPreferencesRow *error_row;
  GtkEditable *join_row;
  KpSession *session;
  guint revision;

  open_pages (&fixture, "2027-03-21T18:00", 2);
  row = row_at (&fixture, 0);
  error_row = row_child (row, "error_row");
  join_row = row_child (row, "join_url_row");
  session = g_list_model_get_item (kp_course_get_sessions (fixture.course), 0);
  g_object_unref (session);  /* the course keeps it */
  revision = kp_session_get_revision (session);

  gtk_editable_set_text (join_row, "javascript:alert(1)");
  g_signal_emit_by_name (join_row, "apply");
  wait_ms (20);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_row)));
  g_assert_cmpstr (adw_preferences_row_get_title (error_row), ==,
                   "“javascript:alert(1)” is not a web address of the form https://…");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (join_row), "error"));
  g_assert_null (kp_session_get_join_url (session));
  g_assert_cmpuint (kp_session_get_revision (session), ==, revision);

  gtk_editable_set_text (join_row, "https://meet.example.org/kols-1");
  g_signal_emit_by_name (join_row, "apply");
  wait_ms (20);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (join_row), "error"));
  g_assert_cmpstr (kp_session_get_join_url (session), ==, "https://meet.example.org/kols-1");
  g_assert_cmpuint (kp_session_get_revision (session), ==, revision + 1);

  saved = reopen (&fixture);
  first = g_list_model_get_item (kp_course_get_sessions (saved), 0);
  g_assert_cmpstr (kp_session_get_join_url (first), ==, "https://meet.example.org/kols-1");

  close_pages (&fixture);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/sessions/add-a-week-apart", test_add_sessions_a_week_apart);
  g_test_add_func ("/sessions/edit-time", test_edit_time);
  g_test_add_func ("/sessions/pick-date", test_pick_date);
  g_test_add_func ("/sessions/cancel-restore-delete", test_cancel_and_restore);
  g_test_add_func ("/sessions/move-across-october-change", test_move_across_october_change);
  g_test_add_func ("/sessions/holiday-and-overlap-warnings", test_holiday_and_overlap_warnings);
  g_test_add_func ("/sessions/contributions", test_contributions);
  g_test_add_func ("/running/attendance-and-notes", test_attendance_and_notes);
  g_test_add_func ("/sessions/refuses-end-after-9999", test_refuses_end_after_9999);
  g_test_add_func ("/sessions/join-url", test_join_url);

  return g_test_run ();
}
