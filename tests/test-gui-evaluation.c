/* test-gui-evaluation.c — the evaluation step, Run again and the year's figures, driven on a
 * test database and checked in the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "gui-fixture.h"
#include "kp-course-view.h"
#include "kp-evaluation-page.h"
#include "kp-evaluation-summary.h"
#include "kp-run-again-dialog.h"
#include "kp-score-chart.h"
#include "kp-stats.h"
#include "kp-stats-window.h"
#include "kp-time.h"

#define KOLS_ID "3f0b6a8e-2d7c-4c1e-9a51-0d6c1f3b2a10"
#define DIABETES_ID "5c3e1a2b-7d4f-4e6a-9b8c-1d2e3f4a5b6c"
#define CARERS_ID "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"

typedef struct
{
  char          *dir;
  char          *db_path;
  KpApplication *app;
  KpWindow      *window;
  GtkWindow     *harness;     /* holds the page while no course view shows it */
} Fixture;

static KpCourse *
make_course (const char *id,
             const char *title,
             const char *first_start,
             guint       n_sessions,
             guint       registered)
{
  KpCourse *course = gui_fixture_make_course (id, title, KP_COURSE_STATUS_RUNNING, first_start,
                                              n_sessions, title);

  kp_course_set_registered (course, registered);
  return course;
}

static KpMember *
make_member (const char *name,
             KpRole      role)
{
  KpMember *member = kp_member_new (NULL, role);

  kp_member_set_name (member, name);
  return member;
}

/* "Å leve med kols": a leader, a user representative and a doctor; four Thursdays from
 * 4 March 2027 at 12:00, the last cancelled; 10, 11 and 9 came; the user talked twice, the
 * doctor once; the user was at the planning meeting and at the evaluation meeting. */
static KpCourse *
make_kols (void)
{
  KpCourse *course = make_course (KOLS_ID, "Å leve med kols", "2027-03-04T12:00", 4, 12);
  g_autoptr(KpMember) leader = make_member ("Kari Nordmann", KP_ROLE_COURSE_LEADER);
  g_autoptr(KpMember) user = make_member ("Per Hansen", KP_ROLE_USER_REPRESENTATIVE);
  g_autoptr(KpMember) doctor = make_member ("Dr. Lunde", KP_ROLE_PROFESSIONAL);
  g_autoptr(KpMeeting) meeting = kp_meeting_new (NULL);
  g_autoptr(KpEvaluation) review = kp_evaluation_new (NULL, KP_EVALUATION_MEETING);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Oslo");
  g_autoptr(GDateTime) meeting_start = kp_time_parse_local ("2027-01-12T09:00", tz, NULL);
  const int attended[] = { 10, 11, 9, -1 };
  const char *planners[] = { kp_member_get_id (leader), kp_member_get_id (user), NULL };
  const char *reviewers[] = { kp_member_get_id (user), NULL };
  GListModel *sessions = kp_course_get_sessions (course);

  kp_course_add_member (course, leader);
  kp_course_add_member (course, user);
  kp_course_add_member (course, doctor);
  kp_meeting_set_start (meeting, meeting_start);
  kp_meeting_set_minutes (meeting, 120);
  kp_meeting_set_attendees (meeting, planners);
  kp_course_add_meeting (course, meeting);

  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(KpSession) session = g_list_model_get_item (sessions, i);

      kp_session_set_attended (session, attended[i]);
      if (i == 3)
        kp_session_set_status (session, KP_SESSION_STATUS_CANCELLED);
      if (i == 0 || i == 2)
        {
          g_autoptr(KpContribution) talk = kp_contribution_new (KP_CONTRIBUTION_USER_TALK,
                                                                kp_member_get_id (user),
                                                                "Min hverdag med kols", 30);

          kp_session_add_contribution (session, talk);
        }
      if (i == 1)
        {
          g_autoptr(KpContribution) talk = kp_contribution_new (KP_CONTRIBUTION_PROFESSIONAL_TALK,
                                                                kp_member_get_id (doctor),
                                                                "Sykdomslære", 60);

          kp_session_add_contribution (session, talk);
        }
    }

  kp_evaluation_set_attendees (review, reviewers);
  kp_course_add_evaluation (course, review);
  return course;
}

/* Two courses in 2027, one in 2026, so the app does not load the demo courses. */
static void
fill_database (const char *path)
{
  g_autoptr(KpStore) store = NULL;
  g_autoptr(GPtrArray) courses = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  const char *kols_partners[] = { "Kommunens frisklivssentral", "LHL lokallag", NULL };

  store = kp_store_new (path, &error);
  g_assert_no_error (error);
  g_ptr_array_add (courses, make_kols ());
  kp_course_set_partners (g_ptr_array_index (courses, 0), kols_partners);
  g_ptr_array_add (courses, make_course (DIABETES_ID, "Mestring av diabetes type 2",
                                         "2027-04-08T17:00", 3, 8));
  g_ptr_array_add (courses, make_course (CARERS_ID, "Pårørendekurs psykisk helse",
                                         "2026-09-03T18:00", 6, 14));
  kp_store_save_courses (store, courses, &error);
  g_assert_no_error (error);
  kp_store_flush (store, &error);
  g_assert_no_error (error);
}

static void
start_app (Fixture *fixture)
{
  fixture->window = gui_fixture_start_app (&fixture->app, fixture->db_path, 0);
  iterate ();
}

static void
stop_app (Fixture *fixture)
{
  if (fixture->harness != NULL)
    gtk_window_destroy (g_steal_pointer (&fixture->harness));
  if (fixture->window != NULL)
    gui_fixture_flush (fixture->window);
  gui_fixture_stop_app (&fixture->app, &fixture->window);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = gui_fixture_make_dir ("gui-evaluation", &fixture->db_path);
  fill_database (fixture->db_path);
  start_app (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  stop_app (fixture);
  gui_fixture_remove_dir (fixture->dir);
  g_free (fixture->db_path);
  g_free (fixture->dir);
}

static KpCourse *
database_course (Fixture    *fixture,
                 const char *id)
{
  KpCourse *course;

  gui_fixture_flush (fixture->window);
  course = gui_fixture_load_course (fixture->db_path, id);
  g_assert_nonnull (course);
  return course;
}

/* Depth first, in the order the widgets were added. */
static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

static gpointer
find_first (GtkWidget *widget,
            GType      type)
{
  return find_widget (widget, type);
}

/* The evaluation page showing the open course: the course view's, or one of the test's own. */
static KpEvaluationPage *
open_page (Fixture *fixture)
{
  KpEvaluationPage *page = find_first (GTK_WIDGET (fixture->window), KP_TYPE_EVALUATION_PAGE);
  GtkWidget *scroller;

  if (page != NULL)
    {
      KpCourseView *view = find_first (GTK_WIDGET (fixture->window), KP_TYPE_COURSE_VIEW);

      kp_course_view_set_step (view, KP_STEP_EVALUATION);
      wait_ms (100);
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
      g_assert_true (kp_evaluation_page_get_course (page) == kp_window_get_course (fixture->window));
      return page;
    }

  fixture->harness = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->harness, 1000, 900);
  scroller = gtk_scrolled_window_new ();
  gtk_window_set_child (fixture->harness, scroller);
  page = KP_EVALUATION_PAGE (kp_evaluation_page_new ());
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (page));
  kp_evaluation_page_set_course (page, kp_window_get_course (fixture->window));
  gtk_window_present (fixture->harness);
  iterate ();
  return page;
}

static gpointer
page_child (KpEvaluationPage *page,
            const char       *name)
{
  gpointer child = gtk_widget_get_template_child (GTK_WIDGET (page), KP_TYPE_EVALUATION_PAGE, name);

  g_assert_nonnull (child);
  return child;
}

/* The count spin buttons of the first question (usefulness): midway 1–5, then final 1–5. */
static GPtrArray *
usefulness_spins (KpEvaluationPage *page)
{
  GPtrArray *spins = g_ptr_array_new ();

  collect (page_child (page, "questions_box"), GTK_TYPE_SPIN_BUTTON, spins);
  g_assert_cmpuint (spins->len, ==, 6 * 2 * KP_SCALE_POINTS);
  return spins;
}

static void
set_counts (GPtrArray   *spins,
            guint        form,
            const guint *counts)
{
  for (guint i = 0; i < KP_SCALE_POINTS; i++)
    gtk_spin_button_set_value (spins->pdata[form * KP_SCALE_POINTS + i], counts[i]);
}

static GtkLabel *
usefulness_warning (KpEvaluationPage *page)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect (page_child (page, "questions_box"), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_has_css_class (labels->pdata[i], "error"))
      return labels->pdata[i];
  g_assert_not_reached ();
}

static void
test_counts_give_means (Fixture       *fixture,
                        gconstpointer  data)
{
  KpEvaluationPage *page;
  g_autoptr(GPtrArray) spins = NULL;
  g_autoptr(GPtrArray) charts = g_ptr_array_new ();
  g_autoptr(KpCourse) saved = NULL;
  KpEvaluation *midway, *final;
  GtkLabel *warning;
  const guint midway_counts[] = { 0, 0, 2, 6, 4 };
  const guint final_counts[] = { 0, 0, 1, 4, 5 };
  const guint too_many[] = { 0, 0, 1, 4, 10 };

  g_assert_true (kp_window_select_course (fixture->window, KOLS_ID));
  page = open_page (fixture);
  spins = usefulness_spins (page);
  collect (page_child (page, "questions_box"), KP_TYPE_SCORE_CHART, charts);
  g_assert_cmpuint (charts->len, ==, 6);
  g_assert_cmpstr (kp_score_chart_get_summary (charts->pdata[0]), ==, "No responses");

  /* The final forms first: 10 returned, usefulness 3, 4, 4, 4, 4 | 5, 5, 5, 5, 5 = 4,4, the
   * median between 4 and 5. */
  gtk_spin_button_set_value (page_child (page, "final_responses_spin"), 10);
  set_counts (spins, 1, final_counts);
  g_assert_cmpstr (kp_score_chart_get_summary (charts->pdata[0]), ==, "Final 4,4 (median 4,5)");

  /* Midway: 12 returned, 50 / 12 = 4,17 → 4,2. */
  gtk_spin_button_set_value (page_child (page, "midway_responses_spin"), 12);
  gtk_spin_button_set_value (page_child (page, "midway_after_spin"), 2);
  set_counts (spins, 0, midway_counts);
  g_assert_cmpstr (kp_score_chart_get_summary (charts->pdata[0]), ==, "Midway 4,2 (median 4) · Final 4,4 (median 4,5)");
  g_assert_cmpstr (kp_score_chart_get_summary (charts->pdata[1]), ==, "No responses");

  /* Counts that say more answered than returned a form are told, on the question. */
  warning = usefulness_warning (page);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (warning)));
  set_counts (spins, 1, too_many);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (warning)));
  g_assert_cmpstr (gtk_label_get_text (warning), ==,
                   "Final: the counts add up to 15 answers, more than the 10 forms returned");
  set_counts (spins, 1, final_counts);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (warning)));

  /* The themes, as the group summarised them. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (page_child (page, "final_themes_view")),
                            "Mer tid til erfaringsutveksling", -1);

  /* In the database, after the store wrote it through. */
  saved = database_course (fixture, KOLS_ID);
  midway = kp_evaluation_summary_find (saved, KP_EVALUATION_MIDWAY);
  final = kp_evaluation_summary_find (saved, KP_EVALUATION_FINAL);
  g_assert_nonnull (midway);
  g_assert_nonnull (final);
  g_assert_cmpuint (kp_evaluation_get_responses (midway), ==, 12);
  g_assert_cmpuint (kp_evaluation_get_after_session (midway), ==, 2);
  g_assert_cmpmem (kp_evaluation_get_scores (midway, "usefulness"), sizeof midway_counts,
                   midway_counts, sizeof midway_counts);
  g_assert_cmpuint (kp_evaluation_get_responses (final), ==, 10);
  g_assert_cmpmem (kp_evaluation_get_scores (final, "usefulness"), sizeof final_counts,
                   final_counts, sizeof final_counts);
  g_assert_cmpstr (kp_evaluation_get_notes (final), ==, "Mer tid til erfaringsutveksling");

  /* After reopening, the page shows what the database holds. */
  stop_app (fixture);
  start_app (fixture);
  g_assert_true (kp_window_select_course (fixture->window, KOLS_ID));
  page = open_page (fixture);
  g_ptr_array_set_size (charts, 0);
  collect (page_child (page, "questions_box"), KP_TYPE_SCORE_CHART, charts);
  g_assert_cmpstr (kp_score_chart_get_summary (charts->pdata[0]), ==, "Midway 4,2 (median 4) · Final 4,4 (median 4,5)");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (page_child (page, "final_responses_spin")),
                   ==, 10);
}

static GtkCheckButton *
action_check (KpEvaluationPage *page,
              guint             index)
{
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();

  collect (page_child (page, "actions_list"), GTK_TYPE_CHECK_BUTTON, checks);
  g_assert_cmpuint (index, <, checks->len);
  return checks->pdata[index];
}

static GtkButton *
remove_button (KpEvaluationPage *page,
               guint             index)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autoptr(GPtrArray) removes = g_ptr_array_new ();

  collect (page_child (page, "actions_list"), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (!GTK_IS_CHECK_BUTTON (buttons->pdata[i]) &&
        g_strcmp0 (gtk_widget_get_tooltip_text (buttons->pdata[i]), "Remove Action") == 0)
      g_ptr_array_add (removes, buttons->pdata[i]);
  g_assert_cmpuint (index, <, removes->len);
  return removes->pdata[index];
}

static void
add_action (KpEvaluationPage *page,
            const char       *action)
{
  AdwEntryRow *row = page_child (page, "new_action_row");

  gtk_editable_set_text (GTK_EDITABLE (row), action);
  g_signal_emit_by_name (row, "apply");
  iterate ();
}

static void
test_meeting_and_actions (Fixture       *fixture,
                          gconstpointer  data)
{
  KpEvaluationPage *page;
  AdwEntryRow *date_row;
  g_autoptr(KpCourse) saved = NULL;
  KpEvaluation *meeting;
  const char *actions[] = { "Mer tid til erfaringsutveksling", "Servere kveldsmat", NULL };

  g_assert_true (kp_window_select_course (fixture->window, KOLS_ID));
  page = open_page (fixture);
  meeting = kp_evaluation_summary_find (kp_window_get_course (fixture->window),
                                        KP_EVALUATION_MEETING);

  /* A date that is not one is told on the field and not kept. */
  date_row = page_child (page, "meeting_date_row");
  gtk_editable_set_text (GTK_EDITABLE (date_row), "15.04.2027");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (date_row), "error"));
  g_assert_null (kp_evaluation_get_date (meeting));
  gtk_editable_set_text (GTK_EDITABLE (date_row), "2027-04-15");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (date_row), "error"));
  g_assert_cmpstr (kp_evaluation_get_date (meeting), ==, "2027-04-15");

  add_action (page, actions[0]);
  add_action (page, "  Servere kveldsmat ");
  /* The same action twice is refused. */
  add_action (page, actions[0]);
  g_assert_cmpstrv (kp_evaluation_get_actions (meeting), actions);

  gtk_check_button_set_active (action_check (page, 1), TRUE);
  g_assert_true (kp_evaluation_get_action_done (meeting, actions[1]));
  g_assert_false (kp_evaluation_get_action_done (meeting, actions[0]));

  saved = database_course (fixture, KOLS_ID);
  meeting = kp_evaluation_summary_find (saved, KP_EVALUATION_MEETING);
  g_assert_cmpstr (kp_evaluation_get_date (meeting), ==, "2027-04-15");
  g_assert_cmpstrv (kp_evaluation_get_actions (meeting), actions);
  g_assert_true (kp_evaluation_get_action_done (meeting, actions[1]));
  g_assert_false (kp_evaluation_get_action_done (meeting, actions[0]));
  /* The user representative who attended is still there. */
  g_assert_cmpuint (g_strv_length ((char **) kp_evaluation_get_attendees (meeting)), ==, 1);

  /* Removing an action keeps the others and their ticks. */
  meeting = kp_evaluation_summary_find (kp_window_get_course (fixture->window),
                                        KP_EVALUATION_MEETING);
  g_signal_emit_by_name (remove_button (page, 0), "clicked");
  iterate ();
  g_assert_cmpstrv (kp_evaluation_get_actions (meeting), actions + 1);
  g_assert_true (kp_evaluation_get_action_done (meeting, actions[1]));
  g_assert_true (gtk_check_button_get_active (action_check (page, 0)));
}

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* Print Form… and Evaluation Report… write what the core renders, whole. */
static void
test_forms_and_report (Fixture       *fixture,
                       gconstpointer  data)
{
  KpEvaluationPage *page;
  g_autofree char *form_path = g_build_filename (fixture->dir, "midway.pdf", NULL);
  g_autofree char *report_path = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_autoptr(GFile) form = g_file_new_for_path (form_path);
  g_autoptr(GFile) report = g_file_new_for_path (report_path);
  g_autoptr(GFile) nowhere = g_file_new_for_path ("/nonexistent-dir/form.pdf");
  g_autoptr(GError) error = NULL;
  g_autofree char *form_text = NULL;
  g_autofree char *report_text = NULL;

  g_assert_true (kp_window_select_course (fixture->window, KOLS_ID));
  page = open_page (fixture);

  g_assert_true (kp_evaluation_page_save_form (page, KP_EVALUATION_MIDWAY, form, &error));
  g_assert_no_error (error);
  form_text = pdf_text (form_path);
  /* The course's language is Bokmål: the form is too, and asks no name. */
  g_assert_nonnull (strstr (form_text, "Midtveisevaluering"));
  g_assert_nonnull (strstr (form_text, "Hvor nyttig er kurset for deg så langt?"));
  g_assert_null (strstr (form_text, "Per Hansen"));

  g_assert_true (kp_evaluation_page_save_report (page, report, &error));
  g_assert_no_error (error);
  report_text = pdf_text (report_path);
  g_assert_nonnull (strstr (report_text, "Å leve med kols"));

  /* A place that cannot be written is an error, and nothing is left behind. */
  g_assert_false (kp_evaluation_page_save_form (page, KP_EVALUATION_FINAL, nowhere, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_query_exists (nowhere, NULL));
}

static KpRunAgainDialog *
find_run_again_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (KP_IS_RUN_AGAIN_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return KP_RUN_AGAIN_DIALOG (window);
    }
  return NULL;
}

static void
test_run_again (Fixture       *fixture,
                gconstpointer  data)
{
  KpRunAgainDialog *dialog;
  KpCourse *next;
  g_autoptr(KpCourse) saved = NULL;
  g_autoptr(KpCourse) old = NULL;
  g_autoptr(KpEvaluation) checklist = NULL;
  GListModel *sessions;
  const char *actions[] = { "Mer tid til erfaringsutveksling", NULL };
  const char *expected[] = { "2027-11-04T12:00", "2027-11-11T12:00",
                             "2027-11-18T12:00", "2027-11-25T12:00" };
  GDate start;

  g_assert_true (kp_window_select_course (fixture->window, KOLS_ID));
  old = g_object_ref (kp_window_get_course (fixture->window));
  kp_evaluation_set_actions (kp_evaluation_summary_find (old, KP_EVALUATION_MEETING), actions);
  kp_evaluation_set_action_done (kp_evaluation_summary_find (old, KP_EVALUATION_MEETING),
                                 actions[0], TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.run-again", NULL));
  iterate ();
  dialog = find_run_again_dialog ();
  g_assert_nonnull (dialog);

  /* Monday 1 November: the Thursdays at 12:00 from the 4th, after summer time ended. */
  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 1, G_DATE_NOVEMBER, 2027);
  kp_run_again_dialog_set_date (dialog, &start);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "run");
  wait_ms (50);

  next = kp_window_get_course (fixture->window);
  g_assert_cmpstr (kp_course_get_id (next), !=, KOLS_ID);
  g_assert_cmpstr (kp_course_get_title (next), ==, "Å leve med kols");

  saved = database_course (fixture, kp_course_get_id (next));
  sessions = kp_course_get_sessions (saved);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(KpSession) session = g_list_model_get_item (sessions, i);
      g_autoptr(KpSession) before = g_list_model_get_item (kp_course_get_sessions (old), i);
      g_autofree char *when = kp_time_format_local (kp_session_get_start (session));

      g_assert_cmpstr (when, ==, expected[i]);
      g_assert_cmpstr (kp_session_get_id (session), !=, kp_session_get_id (before));
      g_assert_true (g_uuid_string_is_valid (kp_session_get_id (session)));
      g_assert_cmpint (kp_session_get_status (session), ==, KP_SESSION_STATUS_PLANNED);
      g_assert_cmpint (kp_session_get_attended (session), ==, -1);
    }
  g_assert_cmpuint (kp_course_get_registered (saved), ==, 0);
  checklist = g_list_model_get_item (kp_course_get_evaluations (saved), 0);
  g_assert_cmpint (kp_evaluation_get_kind (checklist), ==, KP_EVALUATION_MEETING);
  /* The actions come along as the new run's checklist, none ticked off yet. */
  g_assert_cmpstrv (kp_evaluation_get_actions (checklist), actions);
  g_assert_false (kp_evaluation_get_action_done (checklist, actions[0]));

  /* The run that was stays as it was. */
  g_clear_object (&saved);
  saved = database_course (fixture, KOLS_ID);
  g_assert_cmpuint (kp_course_get_registered (saved), ==, 12);
}

static KpStatsWindow *
find_stats_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (KP_IS_STATS_WINDOW (window))
        return KP_STATS_WINDOW (window);
    }
  return NULL;
}

static void
assert_cell (KpStatsWindow *window,
             guint          row,
             guint          column,
             const char    *expected)
{
  g_autofree char *cell = kp_stats_window_dup_cell (window, row, column);

  g_assert_cmpstr (cell, ==, expected);
}

static void
test_statistics (Fixture       *fixture,
                 gconstpointer  data)
{
  KpStatsWindow *window;
  g_autofree char *csv_path = g_build_filename (fixture->dir, "2027.csv", NULL);
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *expected_csv = NULL;
  g_autofree char *ods_path = g_build_filename (fixture->dir, "2027.ods", NULL);
  g_autoptr(GFile) ods_file = g_file_new_for_path (ods_path);
  g_autofree char *ods = NULL;
  g_autoptr(GBytes) expected_ods = NULL;
  gsize ods_size = 0;
  const char *totals[] = { "Total, 2 courses", "", "6", "0", "20", "30", "2", "1", "1", "1",
                           "1" };
  const char *kols[] = { "Å leve med kols", "spring 2027", "3", "0", "12", "30", "2", "1", "Yes",
                         "Yes", "Yes" };
  const char *diabetes[] = { "Mestring av diabetes type 2", "spring 2027", "3", "0", "8", "0",
                             "0", "0", "No", "No", "No" };
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Oslo");
  g_autoptr(GDateTime) after = g_date_time_new (tz, 2028, 1, 1, 12, 0, 0);
  g_autoptr(GDateTime) december = g_date_time_new (tz, 2026, 12, 6, 12, 0, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.statistics", NULL));
  iterate ();
  window = find_stats_window ();
  g_assert_nonnull (window);

  /* In December 2026 the courses of 2027 are listed with their sessions planned, none held. */
  kp_stats_window_set_year (window, 2027);
  kp_stats_window_set_now (window, december);
  g_assert_cmpuint (kp_stats_window_get_rows (window)->len, ==, 2);
  assert_cell (window, 0, 2, "0");
  assert_cell (window, 0, 3, "3");
  assert_cell (window, 0, 5, "0");
  assert_cell (window, 2, 0, "Total, 0 courses");
  kp_stats_window_set_now (window, after);

  kp_stats_window_set_year (window, 2027);
  iterate ();
  g_assert_cmpuint (kp_stats_window_get_rows (window)->len, ==, 2);
  for (guint column = 0; column < G_N_ELEMENTS (totals); column++)
    {
      assert_cell (window, 0, column, kols[column]);
      assert_cell (window, 1, column, diabetes[column]);
      assert_cell (window, 2, column, totals[column]);
    }
  g_assert_null (kp_stats_window_dup_cell (window, 3, 0));

  /* The CSV is the core's, for the year shown. */
  g_assert_true (kp_stats_window_save_csv (window, csv_file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
  expected_csv = kp_stats_format_csv (kp_stats_window_get_rows (window));
  g_assert_cmpstr (csv, ==, expected_csv);
  g_assert_nonnull (strstr (csv, "Å leve med kols"));

  /* Right of the old columns: the sessions cancelled and the partners in the plan. */
  assert_cell (window, 0, 11, "1");
  assert_cell (window, 0, 12, "Kommunens frisklivssentral; LHL lokallag");
  assert_cell (window, 1, 11, "0");
  assert_cell (window, 2, 11, "1");
  assert_cell (window, 2, 12, "");

  /* The spreadsheet is the core's too, named for the year shown. */
  g_assert_true (kp_stats_window_save_ods (window, ods_file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (ods_path, &ods, &ods_size, NULL));
  expected_ods = kp_stats_format_ods (kp_stats_window_get_rows (window), 2027);
  g_assert_cmpmem (ods, ods_size, g_bytes_get_data (expected_ods, NULL),
                   g_bytes_get_size (expected_ods));
  g_assert_cmpmem (ods + 30, 8, "mimetype", 8);

  /* 2026 holds the carers' course alone; 2030 nothing. */
  kp_stats_window_set_year (window, 2026);
  g_assert_cmpuint (kp_stats_window_get_rows (window)->len, ==, 1);
  assert_cell (window, 0, 0, "Pårørendekurs psykisk helse");
  assert_cell (window, 1, 0, "Total, 1 course");
  kp_stats_window_set_year (window, 2030);
  g_assert_cmpuint (kp_stats_window_get_rows (window)->len, ==, 0);
  g_assert_null (kp_stats_window_dup_cell (window, 0, 0));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Screenshots to look at, in the build tree: the page with results, the year's figures. */
static void
save_shot (GtkWidget  *widget,
           const char *name)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = g_build_filename (g_test_get_dir (G_TEST_BUILT), "screenshots", NULL);
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  g_autofree char *path = g_build_filename (dir, file, NULL);
  GtkSnapshot *snapshot;
  int width, height;

  g_mkdir_with_parents (dir, 0755);
  wait_ms (300);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("wrote %s (%d × %d)", path, width, height);
}

static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  data)
{
  KpEvaluationPage *page;
  g_autoptr(GPtrArray) spins = NULL;
  KpStatsWindow *stats;
  const guint midway_counts[] = { 0, 1, 2, 5, 4 };
  const guint final_counts[] = { 0, 0, 1, 4, 5 };

  g_assert_true (kp_window_select_course (fixture->window, KOLS_ID));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 900);
  page = open_page (fixture);
  spins = usefulness_spins (page);
  gtk_spin_button_set_value (page_child (page, "midway_responses_spin"), 12);
  gtk_spin_button_set_value (page_child (page, "final_responses_spin"), 10);
  set_counts (spins, 0, midway_counts);
  set_counts (spins, 1, final_counts);
  set_counts (spins, 2, final_counts);   /* sharing, midway */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (page_child (page, "midway_themes_view")),
                            "Godt å møte andre i samme situasjon. Ønsker mer tid til spørsmål.",
                            -1);
  add_action (page, "Mer tid til erfaringsutveksling");
  add_action (page, "Servere kveldsmat");
  gtk_check_button_set_active (action_check (page, 1), TRUE);
  save_shot (GTK_WIDGET (page), "evaluation-page");
  if (fixture->harness == NULL)
    save_shot (GTK_WIDGET (fixture->window), "evaluation-step");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  save_shot (fixture->harness != NULL ? GTK_WIDGET (fixture->harness)
                                      : GTK_WIDGET (fixture->window), "evaluation-step-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);
  if (fixture->harness == NULL)
    {
      AdwLeaflet *leaflet = ADW_LEAFLET (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                                        KP_TYPE_WINDOW, "leaflet"));

      gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 800);
      wait_ms (300);
      adw_leaflet_navigate (leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
      wait_ms (300);
      save_shot (GTK_WIDGET (fixture->window), "evaluation-step-narrow");
      gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 900);
    }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.statistics", NULL));
  iterate ();
  stats = find_stats_window ();
  kp_stats_window_set_year (stats, 2027);
  save_shot (GTK_WIDGET (stats), "statistics");
  gtk_window_destroy (GTK_WINDOW (stats));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.run-again", NULL));
  iterate ();
  save_shot (GTK_WIDGET (find_run_again_dialog ()), "run-again");
  gtk_window_close (GTK_WINDOW (find_run_again_dialog ()));
  iterate ();
}

/* The scale 0–10: eleven counts per form, refused back to 1–5 while they hold any; and the
 * patient-or-relative question's counts, never more than the forms returned. */
static void
test_zero_to_ten_and_respondents (Fixture       *fixture,
                                  gconstpointer  data)
{
  KpEvaluationPage *page;
  g_autoptr(GPtrArray) spins = g_ptr_array_new ();
  g_autoptr(GPtrArray) charts = g_ptr_array_new ();
  g_autoptr(KpCourse) saved = NULL;
  KpEvaluation *final;
  const guint counts[11] = { 0, 0, 0, 0, 0, 1, 2, 3, 2, 1, 1 };
  AdwComboRow *scale_row;
  GtkSpinButton *patients, *relatives;

  g_assert_true (kp_window_select_course (fixture->window, KOLS_ID));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 900);
  page = open_page (fixture);
  scale_row = page_child (page, "scale_row");
  g_assert_cmpuint (adw_combo_row_get_selected (scale_row), ==, 0);
  patients = page_child (page, "final_patients_spin");
  relatives = page_child (page, "final_relatives_spin");
  /* The counts of patients and relatives show only when the forms ask. */
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_ancestor (GTK_WIDGET (patients),
                                                                   ADW_TYPE_ACTION_ROW)));

  adw_combo_row_set_selected (scale_row, 1);
  iterate ();
  g_assert_cmpint (kp_course_get_evaluation_scale (kp_window_get_course (fixture->window)), ==,
                   KP_EVALUATION_SCALE_0_TO_10);
  collect (page_child (page, "questions_box"), GTK_TYPE_SPIN_BUTTON, spins);
  g_assert_cmpuint (spins->len, ==, 6 * 2 * 11);
  collect (page_child (page, "questions_box"), KP_TYPE_SCORE_CHART, charts);
  /* Eleven points in two bands: the page still fits a phone-wide window. */
  {
    int minimum;

    gtk_widget_measure (GTK_WIDGET (page_child (page, "questions_box")),
                        GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
    g_test_message ("questions at 0–10 need %d px", minimum);
    g_assert_cmpint (minimum, <=, 360);
  }

  gtk_spin_button_set_value (page_child (page, "final_responses_spin"), 10);
  for (guint i = 0; i < 11; i++)
    gtk_spin_button_set_value (spins->pdata[11 + i], counts[i]);
  /* (5 + 12 + 21 + 16 + 9 + 10) / 10 */
  g_assert_cmpstr (kp_score_chart_get_summary (charts->pdata[0]), ==, "Final 7,3 (median 7)");

  /* Counts on 0–10: back to 1–5 is refused and the row shows 0–10 again. */
  adw_combo_row_set_selected (scale_row, 0);
  iterate ();
  g_assert_cmpuint (adw_combo_row_get_selected (scale_row), ==, 1);
  g_assert_cmpint (kp_course_get_evaluation_scale (kp_window_get_course (fixture->window)), ==,
                   KP_EVALUATION_SCALE_0_TO_10);

  gtk_switch_set_active (page_child (page, "asks_role_switch"), TRUE);
  iterate ();
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_ancestor (GTK_WIDGET (patients),
                                                                  ADW_TYPE_ACTION_ROW)));
  gtk_spin_button_set_value (patients, 6);
  gtk_spin_button_set_value (relatives, 4);
  /* 6 + 5 would be more than the 10 forms returned: not kept. */
  gtk_spin_button_set_value (relatives, 5);
  iterate ();
  g_assert_cmpint (gtk_spin_button_get_value_as_int (relatives), ==, 4);
  /* Nor may fewer forms be returned than said patient or relative. */
  gtk_spin_button_set_value (page_child (page, "final_responses_spin"), 9);
  iterate ();
  g_assert_cmpint (gtk_spin_button_get_value_as_int (page_child (page, "final_responses_spin")),
                   ==, 10);

  save_shot (GTK_WIDGET (page), "evaluation-page-0-10");

  saved = database_course (fixture, KOLS_ID);
  g_assert_cmpint (kp_course_get_evaluation_scale (saved), ==, KP_EVALUATION_SCALE_0_TO_10);
  g_assert_true (kp_course_get_asks_patient_or_relative (saved));
  final = kp_evaluation_summary_find (saved, KP_EVALUATION_FINAL);
  g_assert_nonnull (final);
  g_assert_cmpint (kp_evaluation_get_scale (final), ==, KP_EVALUATION_SCALE_0_TO_10);
  g_assert_cmpmem (kp_evaluation_get_scores (final, "usefulness"), sizeof counts,
                   counts, sizeof counts);
  g_assert_cmpuint (kp_evaluation_get_patients (final), ==, 6);
  g_assert_cmpuint (kp_evaluation_get_relatives (final), ==, 4);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/gui-evaluation/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("page/counts-give-means", test_counts_give_means);
  ADD ("page/meeting-and-actions", test_meeting_and_actions);
  ADD ("page/forms-and-report", test_forms_and_report);
  ADD ("run-again", test_run_again);
  ADD ("statistics", test_statistics);
  ADD ("screenshots", test_screenshots);
  ADD ("page/zero-to-ten-and-respondents", test_zero_to_ten_and_respondents);
#undef ADD

  return g_test_run ();
}
