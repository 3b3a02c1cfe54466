/* test-evaluation.c — the questionnaire, the forms' means, the next run, the form and report PDFs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "kp-course-rerun.h"
#include "kp-error.h"
#include "kp-evaluation-summary.h"
#include "kp-form.h"
#include "kp-plan-reader.h"
#include "kp-plan-writer.h"
#include "kp-questionnaire.h"
#include "kp-report.h"

static KpCourse *
load_fixture (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "evaluation",
                                                 "evaluated.json", NULL);
  g_autoptr(GError) error = NULL;
  KpCourse *course = kp_plan_read_file (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (course);
  return course;
}

static void
test_questionnaire_standard_keys (void)
{
  const char * const *keys = kp_questionnaire_get_standard_keys ();
  const char *expected[] = { "usefulness", "sharing", "user_talks", "professional_talks",
                             "coping", "practical", "mattered_most", "change", NULL };

  g_assert_cmpstrv (keys, expected);
  g_assert_cmpint (kp_questionnaire_get_kind ("coping"), ==, KP_QUESTION_SCALE);
  g_assert_cmpint (kp_questionnaire_get_kind ("change"), ==, KP_QUESTION_TEXT);
  g_assert_cmpstr (kp_questionnaire_get_label ("usefulness"), ==,
                   "How useful was the course for you?");
  g_assert_cmpstr (kp_questionnaire_get_doc_label ("usefulness", "nb"), ==,
                   "Hvor nyttig var kurset for deg?");
  g_assert_cmpstr (kp_questionnaire_get_doc_label ("usefulness", "nn"), ==,
                   "Kor nyttig var kurset for deg?");
  g_assert_cmpstr (kp_questionnaire_get_doc_label ("mattered_most", "nn"), ==,
                   "Kva var viktigast for deg?");
  g_assert_cmpstr (kp_questionnaire_get_form_text (KP_FORM_TEXT_FINAL_TITLE, "se"), ==,
                   "Loahpa árvvoštallan");
  /* A group's own question is its own text, in every language. */
  g_assert_false (kp_questionnaire_is_standard ("Pusteøvelsene var nyttige"));
  g_assert_cmpstr (kp_questionnaire_get_doc_label ("Pusteøvelsene var nyttige", "se"), ==,
                   "Pusteøvelsene var nyttige");
}

static void
test_questionnaire_own_questions (void)
{
  g_autoptr(KpCourse) course = load_fixture ();
  g_auto(GStrv) keys = kp_questionnaire_dup_scale_keys (course);
  g_auto(GStrv) standard = kp_questionnaire_dup_scale_keys (NULL);
  const char *expected[] = { "usefulness", "sharing", "user_talks", "professional_talks",
                             "coping", "practical", "Pusteøvelsene var nyttige", NULL };

  g_assert_cmpstrv (keys, expected);
  g_assert_cmpuint (g_strv_length (standard), ==, 6);
}

static void
test_summary_mean_norwegian_notation (void)
{
  const guint usefulness[KP_SCALE_POINTS] = { 0, 0, 1, 5, 6 };
  const guint half[KP_SCALE_POINTS] = { 0, 0, 0, 11, 9 };   /* 89 / 20 = 4,45 */
  const guint ones[KP_SCALE_POINTS] = { 3, 0, 0, 0, 0 };
  g_autofree char *mean = kp_evaluation_summary_format_mean (usefulness);
  g_autofree char *half_mean = kp_evaluation_summary_format_mean (half);
  g_autofree char *ones_mean = kp_evaluation_summary_format_mean (ones);
  guint tenths;

  /* (3 + 20 + 30) / 12 = 4,416… */
  g_assert_cmpstr (mean, ==, "4,4");
  g_assert_true (kp_evaluation_summary_get_tenths (usefulness, &tenths));
  g_assert_cmpuint (tenths, ==, 44);
  /* Half a tenth rounds up, exactly: no binary fraction makes 4,45 into 4,4. */
  g_assert_cmpstr (half_mean, ==, "4,5");
  g_assert_cmpstr (ones_mean, ==, "1,0");
  g_assert_cmpuint (kp_evaluation_summary_count_answers (usefulness), ==, 12);
}

static void
test_summary_no_responses (void)
{
  const guint zero[KP_SCALE_POINTS] = { 0 };
  g_autofree char *mean = kp_evaluation_summary_format_mean (zero);
  g_autofree char *missing = kp_evaluation_summary_format_mean (NULL);
  double shares[KP_SCALE_POINTS] = { 1, 1, 1, 1, 1 };
  guint tenths = 99;

  g_assert_false (kp_evaluation_summary_get_tenths (zero, &tenths));
  g_assert_cmpuint (tenths, ==, 0);
  g_assert_cmpstr (mean, ==, "no responses");
  g_assert_cmpstr (missing, ==, "no responses");
  kp_evaluation_summary_get_shares (zero, shares);
  for (guint i = 0; i < KP_SCALE_POINTS; i++)
    g_assert_cmpfloat (shares[i], ==, 0.0);
}

static void
test_summary_distribution (void)
{
  const guint counts[KP_SCALE_POINTS] = { 0, 1, 2, 4, 5 };
  double shares[KP_SCALE_POINTS];

  kp_evaluation_summary_get_shares (counts, shares);
  g_assert_cmpfloat_with_epsilon (shares[0], 0.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (shares[1], 1.0 / 12, 1e-9);
  g_assert_cmpfloat_with_epsilon (shares[3], 4.0 / 12, 1e-9);
  g_assert_cmpfloat_with_epsilon (shares[4], 5.0 / 12, 1e-9);
}

static void
test_summary_midway_against_final (void)
{
  g_autoptr(KpCourse) course = load_fixture ();
  g_autofree char *usefulness = kp_evaluation_summary_format_change (course, "usefulness");
  g_autofree char *coping = kp_evaluation_summary_format_change (course, "coping");
  g_autofree char *own = kp_evaluation_summary_format_change (course,
                                                               "Pusteøvelsene var nyttige");
  g_autofree char *unknown = kp_evaluation_summary_format_change (course, "nobody_asked");

  /* Midway (6 + 20 + 20) / 11 = 4,18; final (3 + 16 + 25) / 10 = 4,4. */
  g_assert_cmpstr (usefulness, ==, "4,2 → 4,4");
  g_assert_cmpstr (coping, ==, "final 3,7");
  g_assert_cmpstr (own, ==, "midway 4,1");
  g_assert_cmpstr (unknown, ==, "no responses");
  g_assert_cmpuint (kp_evaluation_get_responses (
                      kp_evaluation_summary_find (course, KP_EVALUATION_FINAL)), ==, 10);
}

static void
test_evaluations_round_trip (void)
{
  g_autoptr(KpCourse) course = load_fixture ();
  g_autoptr(KpCourse) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  KpEvaluation *midway;
  KpEvaluation *meeting;
  gsize length;
  const guint own[KP_SCALE_POINTS] = { 0, 0, 3, 4, 4 };
  const char *actions[] = { "Mer tid til erfaringsutveksling", "Servere kveldsmat", NULL };

  text = kp_plan_write (course, &length);
  bytes = g_bytes_new_take (g_steal_pointer (&text), length);
  again = kp_plan_read_bytes (bytes, NULL, &error);
  g_assert_no_error (error);

  midway = kp_evaluation_summary_find (again, KP_EVALUATION_MIDWAY);
  g_assert_cmpuint (kp_evaluation_get_after_session (midway), ==, 2);
  g_assert_cmpuint (kp_evaluation_get_responses (midway), ==, 11);
  g_assert_cmpmem (kp_evaluation_get_scores (midway, "Pusteøvelsene var nyttige"),
                   sizeof own, own, sizeof own);
  meeting = kp_evaluation_summary_find (again, KP_EVALUATION_MEETING);
  g_assert_cmpstr (kp_evaluation_get_date (meeting), ==, "2027-04-15");
  g_assert_cmpstrv (kp_evaluation_get_actions (meeting), actions);
  g_assert_cmpuint (g_strv_length ((char **) kp_evaluation_get_attendees (meeting)), ==, 3);
}

static void
assert_local (GDateTime  *time,
              const char *expected)
{
  g_autofree char *text = g_date_time_format (time, "%Y-%m-%dT%H:%M %a");

  g_assert_cmpstr (text, ==, expected);
}

static GDateTime *fixed_now (void);

static void
test_rerun_moves_dates_keeping_weekdays_and_times (void)
{
  g_autoptr(GDateTime) now = fixed_now ();
  g_autoptr(KpCourse) course = load_fixture ();
  g_autoptr(KpCourse) next = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *sessions;
  GListModel *meetings;
  GListModel *evaluations;
  g_autoptr(KpEvaluation) checklist = NULL;
  g_autoptr(KpMeeting) meeting = NULL;
  const char *actions[] = { "Mer tid til erfaringsutveksling", "Servere kveldsmat", NULL };
  const char *expected[] = { "2027-11-04T18:00 Thu", "2027-11-11T18:00 Thu",
                             "2027-11-18T18:00 Thu", "2027-12-02T18:00 Thu" };
  GDate start;

  /* A Monday after summer time ends: the Thursdays at 18.00 stay at 18.00. */
  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 1, G_DATE_NOVEMBER, 2027);
  next = kp_course_rerun (course, &start, now, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (kp_course_get_title (next), ==, "Å leve med kols");
  g_assert_cmpstr (kp_course_get_id (next), !=, kp_course_get_id (course));
  g_assert_cmpint (kp_course_get_status (next), ==, KP_COURSE_STATUS_PLANNING);
  g_assert_cmpuint (kp_course_get_registered (next), ==, 0);

  sessions = kp_course_get_sessions (next);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(KpSession) session = g_list_model_get_item (sessions, i);
      g_autoptr(KpSession) old = g_list_model_get_item (kp_course_get_sessions (course), i);

      assert_local (kp_session_get_start (session), expected[i]);
      g_assert_cmpstr (kp_session_get_id (session), !=, kp_session_get_id (old));
      g_assert_cmpstr (kp_session_get_title (session), ==, kp_session_get_title (old));
      g_assert_cmpint (kp_session_get_status (session), ==, KP_SESSION_STATUS_PLANNED);
      g_assert_cmpint (kp_session_get_attended (session), ==, -1);
      g_assert_cmpuint (g_list_model_get_n_items (kp_session_get_contributions (session)), ==,
                        g_list_model_get_n_items (kp_session_get_contributions (old)));
    }

  meetings = kp_course_get_meetings (next);
  meeting = g_list_model_get_item (meetings, 0);
  /* 2027-01-12 (Tuesday) moved the same 245 days as the sessions. */
  assert_local (kp_meeting_get_start (meeting), "2027-09-14T09:00 Tue");

  evaluations = kp_course_get_evaluations (next);
  g_assert_cmpuint (g_list_model_get_n_items (evaluations), ==, 1);
  checklist = g_list_model_get_item (evaluations, 0);
  g_assert_cmpint (kp_evaluation_get_kind (checklist), ==, KP_EVALUATION_MEETING);
  g_assert_null (kp_evaluation_get_date (checklist));
  g_assert_cmpuint (kp_evaluation_get_responses (checklist), ==, 0);
  g_assert_cmpstrv (kp_evaluation_get_actions (checklist), actions);
  /* The new run has ticked nothing off yet. */
  g_assert_false (kp_evaluation_get_action_done (checklist, actions[0]));
  g_assert_false (kp_evaluation_get_action_done (checklist, actions[1]));
}

static void
test_rerun_on_the_same_weekday (void)
{
  g_autoptr(GDateTime) now = fixed_now ();
  g_autoptr(KpCourse) course = load_fixture ();
  g_autoptr(KpCourse) next = NULL;
  g_autoptr(GError) error = NULL;
  GDate start;

  /* A start on the first session's weekday is the new first day itself. */
  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 2, G_DATE_SEPTEMBER, 2027);
  next = kp_course_rerun (course, &start, now, &error);
  g_assert_no_error (error);
  assert_local (kp_course_get_first_start (next), "2027-09-02T18:00 Thu");
  assert_local (kp_course_get_last_start (next), "2027-09-30T18:00 Thu");
}

static void
test_rerun_without_sessions (void)
{
  g_autoptr(GDateTime) now = fixed_now ();
  g_autoptr(KpCourse) course = kp_course_new (NULL);
  g_autoptr(GError) error = NULL;
  GDate start;

  kp_course_set_title (course, "Tomt kurs");
  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 2, G_DATE_SEPTEMBER, 2027);
  g_assert_null (kp_course_rerun (course, &start, now, &error));
  g_assert_error (error, KP_ERROR, KP_ERROR_INVALID_VALUE);
  g_assert_cmpstr (error->message, ==,
                   "“Tomt kurs” has no dated session to run again: give its sessions dates first");
}

static void
test_actions_marked_done (void)
{
  g_autoptr(KpEvaluation) checklist = kp_evaluation_new (NULL, KP_EVALUATION_MEETING);
  const char *actions[] = { "Mer tid til erfaringsutveksling", "Servere kveldsmat", NULL };
  const char *done[] = { "Servere kveldsmat", NULL };

  kp_evaluation_set_actions (checklist, actions);
  g_assert_false (kp_evaluation_get_action_done (checklist, "Servere kveldsmat"));
  kp_evaluation_set_action_done (checklist, "Servere kveldsmat", TRUE);
  kp_evaluation_set_action_done (checklist, "Servere kveldsmat", TRUE);
  g_assert_true (kp_evaluation_get_action_done (checklist, "Servere kveldsmat"));
  g_assert_false (kp_evaluation_get_action_done (checklist, "Mer tid til erfaringsutveksling"));
  g_assert_cmpstrv (kp_evaluation_get_done_actions (checklist), done);
  kp_evaluation_set_action_done (checklist, "Servere kveldsmat", FALSE);
  g_assert_null (kp_evaluation_get_done_actions (checklist));
}

static GDateTime *
fixed_now (void)
{
  return g_date_time_new_utc (2027, 4, 20, 12, 0, 0);
}

/* PDF bytes hold NULs: search them whole. */
static gboolean
contains (const char *data,
          gsize       size,
          const char *needle)
{
  gsize length = strlen (needle);

  for (gsize i = 0; i + length <= size; i++)
    if (memcmp (data + i, needle, length) == 0)
      return TRUE;
  return FALSE;
}

static void
assert_pdf (GBytes *pdf)
{
  gsize size;
  const char *data = g_bytes_get_data (pdf, &size);

  g_assert_cmpuint (size, >, 1000);
  g_assert_true (memcmp (data, "%PDF-", 5) == 0);
  /* cairo writes /StructTreeRoot only for a tagged document. */
  g_assert_true (contains (data, size, "/StructTreeRoot"));
}

static void
test_form_pdf (void)
{
  g_autoptr(KpCourse) course = load_fixture ();
  g_autoptr(GDateTime) now = fixed_now ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) nb = kp_form_render_pdf (course, KP_EVALUATION_MIDWAY, NULL, now, &error);
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GBytes) smj = NULL;

  g_assert_no_error (error);
  assert_pdf (nb);
  again = kp_form_render_pdf (course, KP_EVALUATION_MIDWAY, "nb", now, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (nb, again));

  smj = kp_form_render_pdf (course, KP_EVALUATION_FINAL, "smj", now, &error);
  g_assert_null (smj);
  g_assert_error (error, KP_ERROR, KP_ERROR_INVALID_VALUE);
}

static void
test_report_pdf (void)
{
  g_autoptr(KpCourse) course = load_fixture ();
  g_autoptr(KpCourse) empty = kp_course_new (NULL);
  g_autoptr(GDateTime) now = fixed_now ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) report = kp_report_render_pdf (course, now, &error);
  g_autoptr(GBytes) bare = NULL;

  g_assert_no_error (error);
  assert_pdf (report);

  /* The next run's report lists the carried-over actions, one of them done. */
  {
    g_autoptr(KpCourse) next = NULL;
    g_autoptr(KpEvaluation) checklist = NULL;
    g_autoptr(GBytes) next_report = NULL;
    GDate start;

    g_date_clear (&start, 1);
    g_date_set_dmy (&start, 1, G_DATE_NOVEMBER, 2027);
    next = kp_course_rerun (course, &start, now, &error);
    g_assert_no_error (error);
    checklist = g_list_model_get_item (kp_course_get_evaluations (next), 0);
    kp_evaluation_set_action_done (checklist, "Servere kveldsmat", TRUE);
    next_report = kp_report_render_pdf (next, now, &error);
    g_assert_no_error (error);
    assert_pdf (next_report);
  }

  /* No sessions, no forms, no meeting: still a report that says so. */
  bare = kp_report_render_pdf (empty, now, &error);
  g_assert_no_error (error);
  assert_pdf (bare);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/evaluation/questionnaire/standard-keys", test_questionnaire_standard_keys);
  g_test_add_func ("/evaluation/questionnaire/own-questions", test_questionnaire_own_questions);
  g_test_add_func ("/evaluation/summary/mean-norwegian-notation",
                   test_summary_mean_norwegian_notation);
  g_test_add_func ("/evaluation/summary/no-responses", test_summary_no_responses);
  g_test_add_func ("/evaluation/summary/distribution", test_summary_distribution);
  g_test_add_func ("/evaluation/summary/midway-against-final", test_summary_midway_against_final);
  g_test_add_func ("/evaluation/plan/round-trip", test_evaluations_round_trip);
  g_test_add_func ("/evaluation/rerun/moves-dates-keeping-weekdays-and-times",
                   test_rerun_moves_dates_keeping_weekdays_and_times);
  g_test_add_func ("/evaluation/rerun/same-weekday", test_rerun_on_the_same_weekday);
  g_test_add_func ("/evaluation/rerun/without-sessions", test_rerun_without_sessions);
  g_test_add_func ("/evaluation/actions/marked-done", test_actions_marked_done);
  g_test_add_func ("/evaluation/form/pdf", test_form_pdf);
  g_test_add_func ("/evaluation/report/pdf", test_report_pdf);

  return g_test_run ();
}
