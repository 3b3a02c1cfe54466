/* test-evaluation.c — the questionnaire, the forms' means, the next run, the form and report PDFs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "kp-course-rerun.h"
#include "kp-error.h"
#include "kp-evaluation-summary.h"
#include "kp-form.h"
#include "kp-plan-reader.h"
#include "kp-plan-writer.h"
#include "kp-questionnaire.h"
#include "kp-report.h"
#include "kp-store.h"
#include "kp-time.h"

#define FIVE KP_EVALUATION_SCALE_1_TO_5
#define TEN  KP_EVALUATION_SCALE_0_TO_10

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
  g_autofree char *mean = kp_evaluation_summary_format_mean (usefulness, FIVE);
  g_autofree char *half_mean = kp_evaluation_summary_format_mean (half, FIVE);
  g_autofree char *ones_mean = kp_evaluation_summary_format_mean (ones, FIVE);
  guint tenths;

  /* (3 + 20 + 30) / 12 = 4,416… */
  g_assert_cmpstr (mean, ==, "4,4");
  g_assert_true (kp_evaluation_summary_get_tenths (usefulness, FIVE, &tenths));
  g_assert_cmpuint (tenths, ==, 44);
  /* Half a tenth rounds up, exactly: no binary fraction makes 4,45 into 4,4. */
  g_assert_cmpstr (half_mean, ==, "4,5");
  g_assert_cmpstr (ones_mean, ==, "1,0");
  g_assert_cmpuint (kp_evaluation_summary_count_answers (usefulness, FIVE), ==, 12);
}

static void
test_summary_no_responses (void)
{
  const guint zero[KP_SCALE_POINTS] = { 0 };
  g_autofree char *mean = kp_evaluation_summary_format_mean (zero, FIVE);
  g_autofree char *missing = kp_evaluation_summary_format_mean (NULL, FIVE);
  double shares[KP_SCALE_POINTS] = { 1, 1, 1, 1, 1 };
  guint tenths = 99;

  g_assert_false (kp_evaluation_summary_get_tenths (zero, FIVE, &tenths));
  g_assert_cmpuint (tenths, ==, 0);
  g_assert_cmpstr (mean, ==, "no responses");
  g_assert_cmpstr (missing, ==, "no responses");
  kp_evaluation_summary_get_shares (zero, FIVE, shares);
  for (guint i = 0; i < KP_SCALE_POINTS; i++)
    g_assert_cmpfloat (shares[i], ==, 0.0);
}

static void
test_summary_distribution (void)
{
  const guint counts[KP_SCALE_POINTS] = { 0, 1, 2, 4, 5 };
  double shares[KP_SCALE_POINTS];

  kp_evaluation_summary_get_shares (counts, FIVE, shares);
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

/* The rules every way into a course keeps (#12): a run whose planning meeting would end after
 * 9999 is refused. Thursday 30 December 9999 is the last Thursday; the meeting the day after. */
static void
test_rerun_past_9999 (void)
{
  g_autoptr(KpCourse) course = kp_course_new (NULL);
  g_autoptr(KpSession) session = kp_session_new (NULL);
  g_autoptr(KpMeeting) meeting = kp_meeting_new (NULL);
  g_autoptr(GDateTime) thursday = kp_time_parse_local ("2027-03-04T18:00",
                                                       kp_course_get_time_zone (course), NULL);
  g_autoptr(GDateTime) friday = kp_time_parse_local ("2027-03-05T22:00",
                                                     kp_course_get_time_zone (course), NULL);
  g_autoptr(GDateTime) now = g_date_time_new_utc (2027, 6, 1, 12, 0, 0);
  g_autoptr(GError) error = NULL;
  GDate start;

  kp_session_set_start (session, thursday);
  kp_session_set_minutes (session, 150);
  kp_course_add_session (course, session);
  kp_meeting_set_start (meeting, friday);
  kp_meeting_set_minutes (meeting, 180);
  kp_course_add_meeting (course, meeting);

  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 30, G_DATE_DECEMBER, 9999);
  g_assert_null (kp_course_rerun (course, &start, now, &error));
  g_assert_error (error, KP_ERROR, KP_ERROR_INVALID_VALUE);
  g_assert_cmpstr (error->message, ==, "ends after the year 9999");
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

  /* Lule Sami falls back to Bokmål, with a note: the same form and one line more. */
  smj = kp_form_render_pdf (course, KP_EVALUATION_FINAL, "smj", now, &error);
  g_assert_no_error (error);
  assert_pdf (smj);
  g_assert_false (g_bytes_equal (smj, nb));
  g_assert_null (kp_form_render_pdf (course, KP_EVALUATION_FINAL, "de", now, &error));
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

static void
test_summary_median (void)
{
  const guint even[KP_SCALE_POINTS] = { 0, 0, 1, 5, 6 };   /* 3 4 4 4 4 4 | 5 5 5 5 5 5 */
  const guint same[KP_SCALE_POINTS] = { 0, 1, 2, 4, 5 };   /* … 4 | 4 … */
  const guint odd[KP_SCALE_POINTS] = { 0, 0, 2, 5, 4 };    /* 3 3 4 4 4 [4] 4 5 5 5 5 */
  const guint ones[KP_SCALE_POINTS] = { 3, 0, 0, 0, 0 };
  const guint zero[KP_SCALE_POINTS] = { 0 };
  g_autofree char *even_text = kp_evaluation_summary_format_median (even, FIVE);
  g_autofree char *same_text = kp_evaluation_summary_format_median (same, FIVE);
  g_autofree char *odd_text = kp_evaluation_summary_format_median (odd, FIVE);
  g_autofree char *ones_text = kp_evaluation_summary_format_median (ones, FIVE);
  g_autofree char *zero_text = kp_evaluation_summary_format_median (zero, FIVE);
  g_autofree char *distribution = kp_evaluation_summary_format_distribution (even, FIVE);
  guint halves = 99;

  g_assert_true (kp_evaluation_summary_get_median_halves (even, FIVE, &halves));
  g_assert_cmpuint (halves, ==, 9);
  g_assert_cmpstr (even_text, ==, "4,5");
  g_assert_cmpstr (same_text, ==, "4");
  g_assert_cmpstr (odd_text, ==, "4");
  g_assert_cmpstr (ones_text, ==, "1");
  g_assert_false (kp_evaluation_summary_get_median_halves (zero, FIVE, &halves));
  g_assert_cmpuint (halves, ==, 0);
  g_assert_cmpstr (zero_text, ==, "no responses");
  g_assert_cmpstr (distribution, ==, "1: 0 · 2: 0 · 3: 1 · 4: 5 · 5: 6");
}

static void
test_summary_zero_to_ten (void)
{
  /* 5 6 6 7 7 | 7 8 8 9 10, and two who answered 0 in a second set */
  const guint counts[11] = { 0, 0, 0, 0, 0, 1, 2, 3, 2, 1, 1 };
  const guint low[11] = { 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 };
  g_autofree char *mean = kp_evaluation_summary_format_mean (counts, TEN);
  g_autofree char *median = kp_evaluation_summary_format_median (counts, TEN);
  g_autofree char *low_mean = kp_evaluation_summary_format_mean (low, TEN);
  g_autofree char *low_median = kp_evaluation_summary_format_median (low, TEN);
  g_autofree char *distribution = kp_evaluation_summary_format_distribution (counts, TEN);
  double shares[11];

  g_assert_cmpuint (kp_evaluation_scale_get_n_points (TEN), ==, 11);
  g_assert_cmpuint (kp_evaluation_scale_get_lowest (TEN), ==, 0);
  g_assert_cmpuint (kp_evaluation_scale_get_n_points (FIVE), ==, 5);
  g_assert_cmpuint (kp_evaluation_scale_get_lowest (FIVE), ==, 1);
  g_assert_cmpuint (kp_evaluation_summary_count_answers (counts, TEN), ==, 10);
  /* (5 + 12 + 21 + 16 + 9 + 10) / 10 = 7,3 */
  g_assert_cmpstr (mean, ==, "7,3");
  g_assert_cmpstr (median, ==, "7");
  /* 0 counts as an answer, worth 0: (0 + 0 + 10) / 3 */
  g_assert_cmpuint (kp_evaluation_summary_count_answers (low, TEN), ==, 3);
  g_assert_cmpstr (low_mean, ==, "3,3");
  g_assert_cmpstr (low_median, ==, "0");
  g_assert_cmpstr (distribution, ==,
                   "0: 0 · 1: 0 · 2: 0 · 3: 0 · 4: 0 · 5: 1 · 6: 2 · 7: 3 · 8: 2 · 9: 1 · 10: 1");
  kp_evaluation_summary_get_shares (counts, TEN, shares);
  g_assert_cmpfloat_with_epsilon (shares[7], 0.3, 1e-9);
  g_assert_cmpfloat_with_epsilon (shares[10], 0.1, 1e-9);
  g_assert_cmpstr (kp_evaluation_summary_get_scale_label (TEN), ==, "0–10");
  g_assert_cmpstr (kp_evaluation_summary_get_scale_label (FIVE), ==, "1–5");
}

static void
test_scale_follows_the_course (void)
{
  g_autoptr(KpCourse) course = kp_course_new (NULL);
  g_autoptr(KpEvaluation) midway = kp_evaluation_new (NULL, KP_EVALUATION_MIDWAY);
  g_autoptr(KpEvaluation) final = kp_evaluation_new (NULL, KP_EVALUATION_FINAL);
  g_autoptr(KpEvaluation) meeting = kp_evaluation_new (NULL, KP_EVALUATION_MEETING);
  const guint ten[11] = { 0, 0, 0, 0, 0, 1, 2, 3, 2, 1, 1 };
  const guint zero[11] = { 0 };
  g_autofree char *change = NULL;
  g_autofree char *median_change = NULL;

  /* 1–5 stays the default. */
  g_assert_cmpint (kp_course_get_evaluation_scale (course), ==, FIVE);
  g_assert_cmpint (kp_evaluation_get_scale (midway), ==, FIVE);
  g_assert_false (kp_course_get_asks_patient_or_relative (course));

  kp_course_add_evaluation (course, midway);
  kp_course_add_evaluation (course, meeting);
  g_assert_true (kp_course_set_evaluation_scale (course, TEN));
  g_assert_cmpint (kp_evaluation_get_scale (midway), ==, TEN);
  g_assert_cmpuint (kp_evaluation_get_n_points (midway), ==, 11);
  /* A meeting has no scale of its own to follow. */
  g_assert_cmpint (kp_evaluation_get_scale (meeting), ==, FIVE);
  /* A form added later is answered on the course's scale. */
  kp_course_add_evaluation (course, final);
  g_assert_cmpint (kp_evaluation_get_scale (final), ==, TEN);

  kp_evaluation_set_scores (midway, "usefulness", ten);
  g_assert_cmpmem (kp_evaluation_get_scores (midway, "usefulness"), sizeof ten, ten, sizeof ten);
  change = kp_evaluation_summary_format_change (course, "usefulness");
  median_change = kp_evaluation_summary_format_median_change (course, "usefulness");
  g_assert_cmpstr (change, ==, "midway 7,3");
  g_assert_cmpstr (median_change, ==, "midway 7");

  /* Counts on 0–10 keep the scale: changing it is refused and changes nothing. */
  g_assert_false (kp_course_set_evaluation_scale (course, FIVE));
  g_assert_cmpint (kp_course_get_evaluation_scale (course), ==, TEN);
  g_assert_cmpint (kp_evaluation_get_scale (midway), ==, TEN);
  g_assert_cmpint (kp_evaluation_get_scale (final), ==, TEN);
  g_assert_false (kp_evaluation_set_scale (midway, FIVE));
  g_assert_cmpmem (kp_evaluation_get_scores (midway, "usefulness"), sizeof ten, ten, sizeof ten);

  /* With the counts back to 0 the scale may change again; the question stays, 5 points long. */
  kp_evaluation_set_scores (midway, "usefulness", zero);
  g_assert_true (kp_course_set_evaluation_scale (course, FIVE));
  g_assert_cmpint (kp_evaluation_get_scale (midway), ==, FIVE);
  g_assert_cmpint (kp_evaluation_get_scale (final), ==, FIVE);
  g_assert_nonnull (kp_evaluation_get_scores (midway, "usefulness"));
}

static KpCourse *
make_zero_to_ten_course (void)
{
  KpCourse *course = kp_course_new ("5b7d1e02-3c4a-4e6f-9a10-0b1c2d3e4f50");
  g_autoptr(KpEvaluation) midway = kp_evaluation_new (NULL, KP_EVALUATION_MIDWAY);
  const guint usefulness[11] = { 1, 0, 0, 0, 0, 1, 2, 3, 2, 1, 1 };

  kp_course_set_title (course, "Kurs for pårørende");
  g_assert_true (kp_course_set_evaluation_scale (course, TEN));
  kp_course_set_asks_patient_or_relative (course, TRUE);
  kp_course_add_evaluation (course, midway);
  kp_evaluation_set_responses (midway, 12);
  kp_evaluation_set_patients (midway, 7);
  kp_evaluation_set_relatives (midway, 4);
  kp_evaluation_set_scores (midway, "usefulness", usefulness);
  return course;
}

static void
assert_zero_to_ten_course (KpCourse *course)
{
  const guint usefulness[11] = { 1, 0, 0, 0, 0, 1, 2, 3, 2, 1, 1 };
  KpEvaluation *midway = kp_evaluation_summary_find (course, KP_EVALUATION_MIDWAY);

  g_assert_cmpint (kp_course_get_evaluation_scale (course), ==, TEN);
  g_assert_true (kp_course_get_asks_patient_or_relative (course));
  g_assert_nonnull (midway);
  g_assert_cmpint (kp_evaluation_get_scale (midway), ==, TEN);
  g_assert_cmpuint (kp_evaluation_get_responses (midway), ==, 12);
  g_assert_cmpuint (kp_evaluation_get_patients (midway), ==, 7);
  g_assert_cmpuint (kp_evaluation_get_relatives (midway), ==, 4);
  g_assert_cmpmem (kp_evaluation_get_scores (midway, "usefulness"), sizeof usefulness,
                   usefulness, sizeof usefulness);
}

static void
test_plan_zero_to_ten_round_trip (void)
{
  g_autoptr(KpCourse) course = make_zero_to_ten_course ();
  g_autoptr(KpCourse) again = NULL;
  g_autoptr(KpCourse) old = load_fixture ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  gsize length;

  text = kp_plan_write (course, &length);
  g_assert_nonnull (strstr (text, "\"usefulness\" : [\n"));
  g_assert_nonnull (strstr (text, "\"scale\" : \"0-10\""));
  g_assert_nonnull (strstr (text, "\"asks_patient_or_relative\" : true"));
  g_assert_nonnull (strstr (text, "\"patients\" : 7"));
  g_assert_nonnull (strstr (text, "\"relatives\" : 4"));
  bytes = g_bytes_new_take (g_steal_pointer (&text), length);
  again = kp_plan_read_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  assert_zero_to_ten_course (again);

  /* A file of before, without the form's choices, reads as 1–5 without the question. */
  g_assert_cmpint (kp_course_get_evaluation_scale (old), ==, FIVE);
  g_assert_false (kp_course_get_asks_patient_or_relative (old));
  g_assert_cmpuint (kp_evaluation_get_patients (kp_evaluation_summary_find (old,
                                                  KP_EVALUATION_MIDWAY)), ==, 0);
}

static void
assert_plan_rejected (const char *json,
                      const char *message)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(KpCourse) course = kp_plan_read_bytes (bytes, NULL, &error);

  g_assert_null (course);
  g_assert_error (error, KP_ERROR, KP_ERROR_INVALID_PLAN);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_plan_rejects_wrong_counts (void)
{
  assert_plan_rejected ("{ \"format\": \"kursplan/course-plan\", \"version\": 1, \"course\": {"
                        " \"title\": \"T\", \"evaluation_form\": { \"scale\": \"0-10\" },"
                        " \"evaluations\": [ { \"kind\": \"midway\", \"responses\": 3,"
                        " \"scores\": { \"usefulness\": [0, 0, 1, 1, 1] } } ] } }",
                        "course.evaluations[0].scores.usefulness: not a list of 11 counts, one "
                        "for each scale point 0–10");
  assert_plan_rejected ("{ \"format\": \"kursplan/course-plan\", \"version\": 1, \"course\": {"
                        " \"title\": \"T\","
                        " \"evaluations\": [ { \"kind\": \"midway\", \"responses\": 3,"
                        " \"scores\": { \"usefulness\": [0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0] } }"
                        " ] } }",
                        "course.evaluations[0].scores.usefulness: not a list of 5 counts, one "
                        "for each scale point 1–5");
  assert_plan_rejected ("{ \"format\": \"kursplan/course-plan\", \"version\": 1, \"course\": {"
                        " \"title\": \"T\", \"evaluation_form\": { \"scale\": \"1-7\" } } }",
                        "course.evaluation_form.scale: “1-7” is not one of: 1-5, 0-10");
  assert_plan_rejected ("{ \"format\": \"kursplan/course-plan\", \"version\": 1, \"course\": {"
                        " \"title\": \"T\", \"evaluations\": [ { \"kind\": \"final\","
                        " \"responses\": 8, \"respondents\": { \"patients\": 5,"
                        " \"relatives\": 4 } } ] } }",
                        "course.evaluations[0].respondents: 9 patients and relatives, more than "
                        "the 8 responses");
}

static void
test_store_zero_to_ten (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kursplan-evaluation-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(KpCourse) course = make_zero_to_ten_course ();
  g_autoptr(KpCourse) loaded = NULL;
  g_autoptr(KpCourse) old = load_fixture ();
  g_autoptr(KpCourse) old_loaded = NULL;
  g_autoptr(KpStore) store = NULL;
  const guint usefulness[KP_SCALE_POINTS] = { 0, 0, 2, 5, 4 };

  g_assert_no_error (error);
  path = g_build_filename (dir, "kursplan.db", NULL);
  store = kp_store_new (path, &error);
  g_assert_no_error (error);
  g_assert_true (kp_store_save_course (store, course, &error));
  g_assert_no_error (error);
  g_assert_true (kp_store_save_course (store, old, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  store = kp_store_new (path, &error);
  g_assert_no_error (error);
  loaded = kp_store_load_course (store, kp_course_get_id (course), &error);
  g_assert_no_error (error);
  assert_zero_to_ten_course (loaded);
  /* 1–5 counts read back exactly as before. */
  old_loaded = kp_store_load_course (store, kp_course_get_id (old), &error);
  g_assert_no_error (error);
  g_assert_cmpint (kp_course_get_evaluation_scale (old_loaded), ==, FIVE);
  g_assert_cmpmem (kp_evaluation_get_scores (kp_evaluation_summary_find (old_loaded,
                                                                         KP_EVALUATION_MIDWAY),
                                             "usefulness"),
                   sizeof usefulness, usefulness, sizeof usefulness);
  g_clear_object (&store);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_form_midway_wording (void)
{
  const char * const *keys = kp_questionnaire_get_standard_keys ();
  const char * const languages[] = { "nb", "nn" };

  g_assert_cmpstr (kp_questionnaire_get_form_label ("coping", KP_EVALUATION_FINAL, "nb"), ==,
                   "Føler du deg bedre i stand til å mestre hverdagen etter kurset?");
  g_assert_cmpstr (kp_questionnaire_get_form_label ("coping", KP_EVALUATION_MIDWAY, "nb"), ==,
                   "Føler du deg bedre i stand til å mestre hverdagen nå enn før kurset begynte?");
  g_assert_cmpstr (kp_questionnaire_get_form_label ("usefulness", KP_EVALUATION_MIDWAY, "nn"),
                   ==, "Kor nyttig er kurset for deg så langt?");
  g_assert_cmpstr (kp_questionnaire_get_form_label ("change", KP_EVALUATION_MIDWAY, "nb"), ==,
                   "Hva bør vi endre i resten av kurset?");
  g_assert_cmpstr (kp_questionnaire_get_form_label ("coping", KP_EVALUATION_MIDWAY, "se"), ==,
                   "Dovdetgo ahte birget buorebut beaivválaš eallimiin dál go ovdal go kursa "
                   "álggii?");
  /* Lule Sami: the Bokmål text. */
  g_assert_cmpstr (kp_questionnaire_get_form_label ("usefulness", KP_EVALUATION_MIDWAY, "smj"),
                   ==, "Hvor nyttig er kurset for deg så langt?");
  /* A group's own question is asked as the group wrote it. */
  g_assert_cmpstr (kp_questionnaire_get_form_label ("Pusteøvelsene var nyttige",
                                                    KP_EVALUATION_MIDWAY, "nb"), ==,
                   "Pusteøvelsene var nyttige");

  /* No midway question looks back on the course as over. */
  for (guint i = 0; keys[i] != NULL; i++)
    for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
      {
        const char *label = kp_questionnaire_get_form_label (keys[i], KP_EVALUATION_MIDWAY,
                                                             languages[l]);

        g_assert_null (strstr (label, "etter kurset"));
        g_assert_null (strstr (label, " var "));
        g_assert_null (strstr (label, " gav "));
        g_assert_null (strstr (label, " ga "));
      }

  g_assert_cmpstr (kp_questionnaire_get_fallback_note ("smj"), ==,
                   "Skjemaet finnes ennå ikke på lulesamisk, derfor er det på bokmål.");
  g_assert_cmpstr (kp_questionnaire_get_fallback_note ("sma"), ==,
                   "Skjemaet finnes ennå ikke på sørsamisk, derfor er det på bokmål.");
  g_assert_null (kp_questionnaire_get_fallback_note ("se"));
  g_assert_null (kp_questionnaire_get_fallback_note ("nb"));
  g_assert_cmpstr (kp_questionnaire_get_form_text (KP_FORM_TEXT_ROLE_QUESTION, "nn"), ==,
                   "Er du pasient eller pårørande?");
  g_assert_cmpstr (kp_questionnaire_get_form_text (KP_FORM_TEXT_SCALE_HELP_0_10, "nb"), ==,
                   "Sett ett kryss for hvert spørsmål: 0 betyr ikke i det hele tatt, 10 betyr "
                   "svært mye.");
}

static void
test_form_and_report_zero_to_ten (void)
{
  g_autoptr(KpCourse) course = make_zero_to_ten_course ();
  g_autoptr(KpCourse) five = make_zero_to_ten_course ();
  g_autoptr(GDateTime) now = fixed_now ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) form = kp_form_render_pdf (course, KP_EVALUATION_FINAL, "se", now, &error);
  g_autoptr(GBytes) report = NULL;

  g_assert_no_error (error);
  assert_pdf (form);
  report = kp_report_render_pdf (course, now, &error);
  g_assert_no_error (error);
  assert_pdf (report);
  /* The same course asked on 1–5 and without the question prints another form. */
  kp_evaluation_set_scores (kp_evaluation_summary_find (five, KP_EVALUATION_MIDWAY),
                            "usefulness", NULL);
  g_assert_true (kp_course_set_evaluation_scale (five, FIVE));
  kp_course_set_asks_patient_or_relative (five, FALSE);
  {
    g_autoptr(GBytes) other = kp_form_render_pdf (five, KP_EVALUATION_FINAL, "se", now, &error);

    g_assert_no_error (error);
    g_assert_false (g_bytes_equal (form, other));
  }
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
  g_test_add_func ("/evaluation/summary/median", test_summary_median);
  g_test_add_func ("/evaluation/summary/zero-to-ten", test_summary_zero_to_ten);
  g_test_add_func ("/evaluation/scale/follows-the-course", test_scale_follows_the_course);
  g_test_add_func ("/evaluation/plan/zero-to-ten-round-trip", test_plan_zero_to_ten_round_trip);
  g_test_add_func ("/evaluation/plan/rejects-wrong-counts", test_plan_rejects_wrong_counts);
  g_test_add_func ("/evaluation/store/zero-to-ten", test_store_zero_to_ten);
  g_test_add_func ("/evaluation/form/midway-wording", test_form_midway_wording);
  g_test_add_func ("/evaluation/form/zero-to-ten-and-report", test_form_and_report_zero_to_ten);

  g_test_add_func ("/evaluation/rerun/past-9999", test_rerun_past_9999);
  return g_test_run ();
}
