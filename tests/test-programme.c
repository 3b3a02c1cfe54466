/* test-programme.c — the term's programme as a web page: which courses, escaping, each course in
 * its language, JSON-LD with the right UTC offsets across the October clock change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "kp-programme-html.h"
#include "kp-time.h"

static KpSession *
add_session (KpCourse   *course,
             int         year,
             int         month,
             int         day,
             const char *title)
{
  g_autoptr(KpSession) session = kp_session_new (NULL);
  g_autoptr(GDateTime) start = kp_time_new_local (kp_course_get_time_zone (course), year, month,
                                                  day, 18, 0, NULL);

  kp_session_set_start (session, start);
  kp_session_set_minutes (session, 150);
  kp_session_set_title (session, title);
  kp_course_add_session (course, session);
  return session;
}

/* Sami, across the clock change of 25 October 2026, with a public and a private member. */
static KpCourse *
make_sami_course (void)
{
  KpCourse *course = kp_course_new ("5e55a000-0000-4000-8000-000000000001");
  g_autoptr(KpMember) leader = kp_member_new (NULL, KP_ROLE_COURSE_LEADER);
  g_autoptr(KpMember) hidden = kp_member_new (NULL, KP_ROLE_PROFESSIONAL);
  g_autoptr(KpContribution) talk = NULL;
  KpSession *first;

  kp_course_set_title (course, "Eallit <váibmodávddain> & “ieš”");
  kp_course_set_text (course, KP_COURSE_LANGUAGE, "se");
  kp_course_set_text (course, KP_COURSE_TARGET_GROUP, "Rávesolbmot geain lea váibmodávda");
  kp_course_set_text (course, KP_COURSE_PRICE, "kr 1 500,- per dag");
  kp_course_set_text (course, KP_COURSE_LOCATION_NAME, "Helsehuset");
  kp_course_set_text (course, KP_COURSE_LOCATION_ADDRESS, "Storgata 1, 9999 Byen");
  kp_course_set_status (course, KP_COURSE_STATUS_READY);
  kp_member_set_name (leader, "Áile Nordmann");
  kp_member_set_email (leader, "aile@example.no");
  kp_member_set_public (leader, TRUE);
  kp_member_set_name (hidden, "Per Skjult");
  kp_course_add_member (course, leader);
  kp_course_add_member (course, hidden);
  first = add_session (course, 2026, 10, 20, "Before </script><b>");
  add_session (course, 2026, 10, 27, "After the change");
  talk = kp_contribution_new (KP_CONTRIBUTION_PROFESSIONAL_TALK, kp_member_get_id (hidden),
                              "Váibmu", 60);
  kp_session_add_contribution (first, talk);
  return course;
}

static KpCourse *
make_course (const char     *id,
             const char     *title,
             const char     *language,
             KpCourseStatus  status,
             int             month,
             int             day)
{
  KpCourse *course = kp_course_new (id);

  kp_course_set_title (course, title);
  kp_course_set_text (course, KP_COURSE_LANGUAGE, language);
  kp_course_set_status (course, status);
  add_session (course, 2026, month, day, "Første samling");
  return course;
}

static void
set_dates (GDate *from,
           GDate *to)
{
  g_date_clear (from, 1);
  g_date_clear (to, 1);
  g_date_set_dmy (from, 1, G_DATE_AUGUST, 2026);
  g_date_set_dmy (to, 31, G_DATE_DECEMBER, 2026);
}

static void
test_select (void)
{
  g_autoptr(KpCourse) sami = make_sami_course ();
  g_autoptr(KpCourse) idea = make_course (NULL, "Idé", "nb", KP_COURSE_STATUS_IDEA, 9, 1);
  g_autoptr(KpCourse) spring = make_course (NULL, "Vår", "nb", KP_COURSE_STATUS_READY, 3, 1);
  g_autoptr(KpCourse) first_day = make_course (NULL, "Første dag", "nn", KP_COURSE_STATUS_PLANNING,
                                               8, 1);
  g_autoptr(KpCourse) last_day = make_course (NULL, "Siste dag", "nb", KP_COURSE_STATUS_RUNNING,
                                              12, 31);
  g_autoptr(KpCourse) cancelled = make_course (NULL, "Avlyst", "nb", KP_COURSE_STATUS_READY, 9, 2);
  g_autoptr(GPtrArray) selected = NULL;
  g_autoptr(GPtrArray) without = NULL;
  KpSession *only;
  KpCourse *all[6];
  GDate from, to;

  all[0] = sami; all[1] = idea; all[2] = spring; all[3] = last_day; all[4] = cancelled;
  all[5] = first_day;
  only = g_list_model_get_item (kp_course_get_sessions (cancelled), 0);
  kp_session_set_status (only, KP_SESSION_STATUS_CANCELLED);
  g_object_unref (only);
  set_dates (&from, &to);

  g_assert_true (kp_programme_course_is_cancelled (cancelled));
  g_assert_false (kp_programme_course_is_cancelled (sami));

  /* In order of first session; the idea and the spring course are out; the period's ends count. */
  selected = kp_programme_select (all, 6, &from, &to, KP_PROGRAMME_DEFAULT);
  g_assert_cmpuint (selected->len, ==, 4);
  g_assert_true (g_ptr_array_index (selected, 0) == first_day);
  g_assert_true (g_ptr_array_index (selected, 1) == cancelled);
  g_assert_true (g_ptr_array_index (selected, 2) == sami);
  g_assert_true (g_ptr_array_index (selected, 3) == last_day);

  without = kp_programme_select (all, 6, &from, &to, KP_PROGRAMME_LEAVE_OUT_CANCELLED);
  g_assert_cmpuint (without->len, ==, 3);
  g_assert_false (g_ptr_array_find (without, cancelled, NULL));
}

static JsonNode *
parse_json_ld (const char *html)
{
  const char *open = "<script type=\"application/ld+json\">";
  const char *start = strstr (html, open);
  const char *end;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (start);
  start += strlen (open);
  end = strstr (start, "</script>");
  g_assert_nonnull (end);
  json_parser_load_from_data (parser, start, end - start, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
test_html (void)
{
  g_autoptr(KpCourse) sami = make_sami_course ();
  g_autoptr(KpCourse) nynorsk = make_course ("5e55a000-0000-4000-8000-000000000002", "Meistring",
                                             "nn", KP_COURSE_STATUS_READY, 9, 3);
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *html = NULL;
  JsonArray *graph, *instances;
  JsonObject *course, *before, *after, *offers;
  KpSession *only;
  KpCourse *courses[2];
  GDate from, to;

  only = g_list_model_get_item (kp_course_get_sessions (nynorsk), 0);
  kp_session_set_status (only, KP_SESSION_STATUS_CANCELLED);
  g_object_unref (only);
  courses[0] = nynorsk;
  courses[1] = sami;
  set_dates (&from, &to);
  html = kp_programme_html_build (courses, 2, "LMS <Nord>", &from, &to);

  /* Every text escaped: a title cannot open an element or close the JSON-LD's script. */
  g_assert_nonnull (strstr (html, "<h1>LMS &lt;Nord&gt;</h1>"));
  g_assert_nonnull (strstr (html, "Eallit &lt;váibmodávddain&gt; &amp; “ieš”"));
  g_assert_null (strstr (html, "<váibmodávddain>"));
  g_assert_null (strstr (html, "</script><b>"));

  /* Each course in its language, with its brochure's labels; sessions as <time>. */
  g_assert_nonnull (strstr (html, "<article id=\"c-5e55a000-0000-4000-8000-000000000001\" "
                                  "lang=\"se\" data-month=\"m-2026-10\" data-group=\"g-1\""));
  g_assert_nonnull (strstr (html, "lang=\"nn\" data-month=\"m-2026-09\""));
  g_assert_nonnull (strstr (html, "<time datetime=\"2026-10-20T18:00:00+02:00\">"));
  g_assert_nonnull (strstr (html, "<time datetime=\"2026-10-27T18:00:00+01:00\">"));
  g_assert_nonnull (strstr (html, "<section id=\"m-2026-09\""));
  g_assert_nonnull (strstr (html, "<a href=\"#m-2026-10\">October 2026</a>"));
  g_assert_nonnull (strstr (html, "<a href=\"mailto:aile@example.no\">"));
  /* The nynorsk course is cancelled: every session is; marked in nynorsk. */
  g_assert_nonnull (strstr (html, "Meistring <span class=\"cancelled-label\">· Avlyst</span></h3>"));
  /* The member not marked public appears by role only, in the course's language. */
  g_assert_null (strstr (html, "Skjult"));
  g_assert_nonnull (strstr (html, "Áile Nordmann"));
  /* The sessions before the period's courses: the month in order. */
  g_assert_true (strstr (html, "id=\"m-2026-09\"") < strstr (html, "id=\"m-2026-10\""));

  root = parse_json_ld (html);
  graph = json_object_get_array_member (json_node_get_object (root), "@graph");
  g_assert_cmpuint (json_array_get_length (graph), ==, 2);

  course = json_array_get_object_element (graph, 1);
  g_assert_cmpstr (json_object_get_string_member (course, "@type"), ==, "Course");
  g_assert_cmpstr (json_object_get_string_member (course, "name"), ==,
                   "Eallit <váibmodávddain> & “ieš”");
  g_assert_cmpstr (json_object_get_string_member (course, "inLanguage"), ==, "se");
  offers = json_object_get_object_member (course, "offers");
  g_assert_cmpint (json_object_get_int_member (offers, "price"), ==, 1500);
  g_assert_cmpstr (json_object_get_string_member (offers, "priceCurrency"), ==, "NOK");
  instances = json_object_get_array_member (course, "hasCourseInstance");
  g_assert_cmpuint (json_array_get_length (instances), ==, 2);
  before = json_array_get_object_element (instances, 0);
  after = json_array_get_object_element (instances, 1);
  g_assert_cmpstr (json_object_get_string_member (before, "name"), ==, "Before </script><b>");
  g_assert_cmpstr (json_object_get_string_member (before, "startDate"), ==,
                   "2026-10-20T18:00:00+02:00");
  g_assert_cmpstr (json_object_get_string_member (before, "endDate"), ==,
                   "2026-10-20T20:30:00+02:00");
  g_assert_cmpstr (json_object_get_string_member (after, "startDate"), ==,
                   "2026-10-27T18:00:00+01:00");
  g_assert_cmpstr (json_object_get_string_member (after, "eventStatus"), ==,
                   "https://schema.org/EventScheduled");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (after, "location"),
                                                  "address"), ==, "Storgata 1, 9999 Byen");

  course = json_array_get_object_element (graph, 0);
  g_assert_cmpstr (json_object_get_string_member (course, "inLanguage"), ==, "nn");
  instances = json_object_get_array_member (course, "hasCourseInstance");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (instances, 0),
                                                  "eventStatus"), ==,
                   "https://schema.org/EventCancelled");
}

static void
test_write (void)
{
  g_autoptr(KpCourse) sami = make_sami_course ();
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 7, 1, 12, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kp-programme-XXXXXX", &error);
  g_autofree char *folder = g_build_filename (dir, "site", "programme", NULL);
  g_autofree char *index = g_build_filename (folder, "index.html", NULL);
  g_autofree char *css = g_build_filename (folder, "programme.css", NULL);
  g_autofree char *ics = g_build_filename (folder, "programme.ics", NULL);
  g_autofree char *calendar = NULL;
  g_autofree char *blocker = g_build_filename (dir, "file", NULL);
  g_autofree char *under_file = g_build_filename (blocker, "programme", NULL);
  KpCourse *courses[1] = { sami };
  GDate from, to;

  g_assert_no_error (error);
  set_dates (&from, &to);
  g_assert_true (kp_programme_html_write (folder, courses, 1, NULL, &from, &to, now, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (index, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (css, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_get_contents (ics, &calendar, NULL, NULL));
  g_assert_nonnull (strstr (calendar, "DTSTART;TZID=Europe/Oslo:20261020T180000"));
  g_assert_nonnull (strstr (calendar, "DTSTART;TZID=Europe/Oslo:20261027T180000"));

  /* A folder that cannot be made: an error, nothing written. */
  g_assert_true (g_file_set_contents (blocker, "x", 1, NULL));
  g_assert_false (kp_programme_html_write (under_file, courses, 1, NULL, &from, &to, now, &error));
  g_assert_nonnull (error);

  g_remove (index);
  g_remove (css);
  g_remove (ics);
  g_remove (folder);
  g_remove (blocker);
  g_free (g_steal_pointer (&folder));
  folder = g_build_filename (dir, "site", NULL);
  g_remove (folder);
  g_remove (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/programme/select/period-status-and-cancelled", test_select);
  g_test_add_func ("/programme/html/escaped-languages-and-json-ld-across-dst", test_html);
  g_test_add_func ("/programme/write/folder-with-stylesheet-and-calendar", test_write);
  return g_test_run ();
}
