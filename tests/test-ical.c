/* test-ical.c — the calendar exporter's bytes (escaping, folding, VTIMEZONE) and the importer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "kp-error.h"
#include "kp-ical-export.h"
#include "kp-ical-import.h"
#include "kp-method.h"
#include "kp-plan-reader.h"
#include "kp-plan-writer.h"
#include "kp-store.h"
#include "kp-time.h"

#define SESSION_1 "9a7c0000-0000-4000-8000-000000000001"
#define SESSION_2 "9a7c0000-0000-4000-8000-000000000002"
#define SESSION_3 "9a7c0000-0000-4000-8000-000000000003"

static GDateTime *
oslo (const char *text)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Oslo");
  g_autoptr(GError) error = NULL;
  GDateTime *time = kp_time_parse_local (text, tz, &error);

  g_assert_no_error (error);
  return time;
}

static KpSession *
add_session (KpCourse   *course,
             const char *id,
             const char *title,
             const char *start)
{
  g_autoptr(KpSession) session = kp_session_new (id);
  g_autoptr(GDateTime) time = oslo (start);

  kp_session_set_title (session, title);
  kp_session_set_start (session, time);
  kp_session_set_minutes (session, 150);
  kp_course_add_session (course, session);
  return session;
}

/* A carers' course that crosses the October clock change. */
static KpCourse *
make_course (void)
{
  KpCourse *course = kp_course_new ("3f0b6a8e-2d7c-4c1e-9a51-0d6c1f3b2a10");
  g_autoptr(KpMember) fag = kp_member_new ("b1d00000-0000-4000-8000-000000000001",
                                           KP_ROLE_PROFESSIONAL);
  g_autoptr(KpMember) bruker = kp_member_new ("b1d00000-0000-4000-8000-000000000002",
                                              KP_ROLE_USER_REPRESENTATIVE);
  g_autoptr(GDateTime) modified = g_date_time_new_utc (2027, 9, 1, 8, 0, 0);
  g_autoptr(KpContribution) talk = NULL;
  KpSession *session;

  kp_course_set_title (course, "Pårørendekurs");
  kp_course_set_text (course, KP_COURSE_LOCATION_NAME, "Helsehuset");
  kp_course_set_text (course, KP_COURSE_LOCATION_ROOM, "Møterom 2");
  kp_course_set_text (course, KP_COURSE_EMAIL, "lms@example.no");
  kp_course_set_text (course, KP_COURSE_ORGANISER, "LMS, Sykehuset");
  kp_course_set_text (course, KP_COURSE_URL, "https://example.no/kurs?id=7,8");

  kp_member_set_name (fag, "Kari Nordmann");
  kp_member_set_title (fag, "lungelege");
  kp_member_set_public (fag, TRUE);
  kp_member_set_name (bruker, "Ola Hemmelig");
  kp_course_add_member (course, fag);
  kp_course_add_member (course, bruker);

  session = add_session (course, SESSION_1, "Hva er kols?", "2027-10-21T18:00");
  talk = kp_contribution_new (KP_CONTRIBUTION_PROFESSIONAL_TALK, kp_member_get_id (fag),
                              "Sykdomslære", 60);
  kp_session_add_contribution (session, talk);
  add_session (course, SESSION_2, "Pust, søvn; og hvile", "2027-10-28T18:00");
  add_session (course, SESSION_3, "Sámi: čoahkkin", "2027-11-04T18:00");

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(KpSession) s = g_list_model_get_item (kp_course_get_sessions (course), i);

      kp_session_set_revision (s, 0);
      kp_session_set_modified (s, modified);
    }
  return course;
}

static char *
export_text (KpCourse *course)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2027, 9, 2, 10, 30, 0);
  g_autoptr(GBytes) bytes = kp_ical_export_course (course, now, KP_ICAL_EXPORT_DEFAULT);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* The unfolded value of the first line starting with prefix, from the event with that UID. */
static char *
event_line (const char *ics,
            const char *session_id,
            const char *prefix)
{
  g_autofree char *uid_line = g_strdup_printf ("\r\nUID:%s@kursplan\r\n", session_id);
  g_autofree char *needle = g_strdup_printf ("\r\n%s", prefix);
  const char *event = strstr (ics, uid_line);
  const char *end, *line, *stop;
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_nonnull (event);
  end = strstr (event, "END:VEVENT");
  line = strstr (event, needle);
  if (line == NULL || line > end)
    return NULL;
  line += 2;
  for (;;)
    {
      stop = strstr (line, "\r\n");
      g_string_append_len (out, line, stop - line);
      if (stop[2] != ' ')
        break;
      line = stop + 3;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_lines_are_crlf_and_at_most_75_octets (void)
{
  g_autoptr(KpCourse) course = make_course ();
  g_autofree char *ics = NULL;
  g_auto(GStrv) lines = NULL;
  KpSession *session = kp_course_find_session (course, SESSION_2);

  /* Long enough to fold several times, with two-byte letters at every position. */
  kp_session_set_title (session, "ááááááááááááááááááááááááááááááááááááááááááááááááááááááááá"
                                 "ŋŋŋŋŋŋŋŋŋŋŋŋŋŋŋŋŋŋŋŋŋŋŋŋŋŋŋŋŋŋŋŋŋŋŋŋŋŋŋŋŋŋŋŋ𝄞𝄞𝄞𝄞𝄞𝄞");
  ics = export_text (course);

  g_assert_true (g_str_has_suffix (ics, "END:VCALENDAR\r\n"));
  lines = g_strsplit (ics, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_null (strchr (lines[i], '\n'));
      g_assert_null (strchr (lines[i], '\r'));
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      /* No line starts or ends inside a UTF-8 character. */
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));
    }
}

static void
test_folding_is_exact (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *line = g_strnfill (80, 'x');
  g_autofree char *expected = g_strdup_printf ("%.75s\r\n %.5s\r\n", line, line);
  g_autofree char *pad = g_strnfill (66, 'y');
  g_autofree char *text = g_strconcat (pad, "á", NULL);

  kp_ical_append_folded (out, line, -1);
  g_assert_cmpstr (out->str, ==, expected);

  /* "SUMMARY:" and 66 letters are 74 octets; "á" (2 octets) moves whole to the next line. */
  g_string_truncate (out, 0);
  kp_ical_append_text_property (out, "SUMMARY", text);
  g_assert_cmpstr (out->str, ==,
                   "SUMMARY:yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy\r\n"
                   " á\r\n");
}

static void
test_text_is_escaped_and_cleaned (void)
{
  g_autoptr(GString) out = g_string_new (NULL);

  kp_ical_append_text_property (out, "DESCRIPTION",
                                "a,b;c\\d\ne\r\nf\rg\x01h\x7fi\xc2\x85j\tk");
  g_assert_cmpstr (out->str, ==, "DESCRIPTION:a\\,b\\;c\\\\d\\ne\\nf\\ng" "hij\tk\r\n");
}

static void
test_events_carry_the_plan (void)
{
  g_autoptr(KpCourse) course = make_course ();
  g_autofree char *ics = export_text (course);
  g_autofree char *summary = event_line (ics, SESSION_2, "SUMMARY:");
  g_autofree char *location = event_line (ics, SESSION_1, "LOCATION:");
  g_autofree char *description = event_line (ics, SESSION_1, "DESCRIPTION:");
  g_autofree char *start = event_line (ics, SESSION_2, "DTSTART");
  g_autofree char *end = event_line (ics, SESSION_2, "DTEND");
  g_autofree char *organizer = event_line (ics, SESSION_1, "ORGANIZER");
  g_autofree char *url = event_line (ics, SESSION_1, "URL:");
  g_autofree char *stamp = event_line (ics, SESSION_1, "DTSTAMP:");
  g_autofree char *modified = event_line (ics, SESSION_1, "LAST-MODIFIED:");
  g_autofree char *sequence = event_line (ics, SESSION_3, "SEQUENCE:");
  g_autofree char *status = event_line (ics, SESSION_3, "STATUS:");

  g_assert_true (g_str_has_prefix (ics, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
  g_assert_nonnull (strstr (ics, "\r\nMETHOD:PUBLISH\r\n"));
  g_assert_nonnull (strstr (ics, "\r\nNAME:Pårørendekurs\r\nX-WR-CALNAME:Pårørendekurs\r\n"));
  g_assert_nonnull (strstr (ics, "\r\nREFRESH-INTERVAL;VALUE=DURATION:PT12H\r\n"));
  g_assert_nonnull (strstr (ics, "\r\nX-PUBLISHED-TTL:PT12H\r\n"));

  g_assert_cmpstr (summary, ==, "SUMMARY:Pårørendekurs: Pust\\, søvn\\; og hvile");
  g_assert_cmpstr (location, ==, "LOCATION:Helsehuset\\, Møterom 2");
  g_assert_cmpstr (start, ==, "DTSTART;TZID=Europe/Oslo:20271028T180000");
  g_assert_cmpstr (end, ==, "DTEND;TZID=Europe/Oslo:20271028T203000");
  g_assert_cmpstr (organizer, ==, "ORGANIZER;CN=\"LMS, Sykehuset\":mailto:lms@example.no");
  g_assert_cmpstr (url, ==, "URL:https://example.no/kurs?id=7,8");
  g_assert_cmpstr (stamp, ==, "DTSTAMP:20270902T103000Z");
  g_assert_cmpstr (modified, ==, "LAST-MODIFIED:20270901T080000Z");
  g_assert_cmpstr (sequence, ==, "SEQUENCE:0");
  g_assert_cmpstr (status, ==, "STATUS:CONFIRMED");

  /* The public member by name, the other never. */
  g_assert_nonnull (strstr (description, "Kari Nordmann\\, lungelege"));
  g_assert_nonnull (strstr (description, "Sykdomslære"));
  g_assert_null (strstr (ics, "Hemmelig"));
}

static void
test_vtimezone_is_compact (void)
{
  g_autoptr(KpCourse) course = make_course ();
  g_autofree char *ics = export_text (course);

  g_assert_nonnull (strstr (ics,
    "BEGIN:VTIMEZONE\r\n"
    "TZID:Europe/Oslo\r\n"
    "BEGIN:STANDARD\r\n"
    "DTSTART:20261025T030000\r\n"
    "TZOFFSETFROM:+0200\r\n"
    "TZOFFSETTO:+0100\r\n"
    "TZNAME:CET\r\n"
    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\n"
    "END:STANDARD\r\n"
    "BEGIN:DAYLIGHT\r\n"
    "DTSTART:20260329T020000\r\n"
    "TZOFFSETFROM:+0100\r\n"
    "TZOFFSETTO:+0200\r\n"
    "TZNAME:CEST\r\n"
    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\n"
    "END:DAYLIGHT\r\n"
    "END:VTIMEZONE\r\n"));
  g_assert_null (strstr (ics, "freeassociation"));
  g_assert_null (strstr (ics, "RDATE"));
}

static void
test_vtimezone_follows_the_zone (void)
{
  g_autoptr(GTimeZone) york = g_time_zone_new_identifier ("America/New_York");
  g_autoptr(GTimeZone) tokyo = g_time_zone_new_identifier ("Asia/Tokyo");
  g_autoptr(GTimeZone) sydney = g_time_zone_new_identifier ("Australia/Sydney");
  g_autofree char *us = kp_ical_dup_vtimezone (york, 2027, 2028);
  g_autofree char *jp = kp_ical_dup_vtimezone (tokyo, 2027, 2027);
  g_autofree char *au = kp_ical_dup_vtimezone (sydney, 2027, 2027);
  g_autoptr(GTimeZone) sao_paulo = g_time_zone_new_identifier ("America/Sao_Paulo");
  g_autofree char *br = kp_ical_dup_vtimezone (sao_paulo, 2018, 2020);

  g_assert_nonnull (strstr (us, "DTSTART:20261101T020000\r\nTZOFFSETFROM:-0400\r\n"
                                "TZOFFSETTO:-0500\r\nTZNAME:EST\r\n"
                                "RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11\r\n"));
  g_assert_nonnull (strstr (us, "RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3\r\n"));
  g_assert_cmpstr (jp, ==, "BEGIN:VTIMEZONE\r\nTZID:Asia/Tokyo\r\nBEGIN:STANDARD\r\n"
                           "DTSTART:19700101T000000\r\nTZOFFSETFROM:+0900\r\nTZOFFSETTO:+0900\r\n"
                           "TZNAME:JST\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n");
  g_assert_nonnull (strstr (au, "DTSTART:20260405T030000\r\nTZOFFSETFROM:+1100\r\n"
                                "TZOFFSETTO:+1000\r\n"));

  /* Brazil gave up daylight saving time in 2019: no yearly rule may claim it goes on. */
  g_assert_null (strstr (br, "RRULE"));
  g_assert_nonnull (strstr (br, "BEGIN:DAYLIGHT\r\nDTSTART:20181104T000000\r\n"
                                "TZOFFSETFROM:-0300\r\nTZOFFSETTO:-0200\r\n"));
  g_assert_nonnull (strstr (br, "BEGIN:STANDARD\r\nDTSTART:20190217T000000\r\n"
                                "TZOFFSETFROM:-0200\r\nTZOFFSETTO:-0300\r\n"));
  g_assert_null (strstr (br, "DTSTART:2019110"));
}

static void
test_same_plan_same_bytes (void)
{
  g_autoptr(KpCourse) course = make_course ();
  g_autofree char *first = export_text (course);
  g_autofree char *second = export_text (course);

  g_assert_cmpstr (first, ==, second);
}

static void
test_cancelled_and_left_out (void)
{
  g_autoptr(KpCourse) course = make_course ();
  g_autoptr(GDateTime) now = g_date_time_new_utc (2027, 9, 2, 10, 30, 0);
  g_autoptr(GBytes) without = NULL;
  g_autofree char *ics = NULL;
  g_autofree char *status = NULL;
  g_autofree char *sequence = NULL;

  kp_session_set_status (kp_course_find_session (course, SESSION_3), KP_SESSION_STATUS_CANCELLED);
  ics = export_text (course);
  status = event_line (ics, SESSION_3, "STATUS:");
  sequence = event_line (ics, SESSION_3, "SEQUENCE:");
  g_assert_cmpstr (status, ==, "STATUS:CANCELLED");
  g_assert_cmpstr (sequence, ==, "SEQUENCE:1");

  without = kp_ical_export_course (course, now, KP_ICAL_EXPORT_LEAVE_OUT_CANCELLED);
  g_assert_null (g_strstr_len (g_bytes_get_data (without, NULL), g_bytes_get_size (without),
                               SESSION_3));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (without, NULL), g_bytes_get_size (without),
                                  SESSION_2));
}

static void
test_session_resource_has_no_method (void)
{
  g_autoptr(KpCourse) course = make_course ();
  g_autoptr(GDateTime) now = g_date_time_new_utc (2027, 9, 2, 10, 30, 0);
  g_autoptr(GBytes) bytes = kp_ical_export_session_resource (course,
                                                             kp_course_find_session (course, SESSION_1),
                                                             now);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  g_assert_null (strstr (text, "METHOD"));
  g_assert_nonnull (strstr (text, "BEGIN:VTIMEZONE\r\nTZID:Europe/Oslo\r\n"));
  g_assert_nonnull (strstr (text, "UID:" SESSION_1 "@kursplan\r\n"));
  g_assert_null (strstr (text, SESSION_2));
}

static void
test_planning_calendar (void)
{
  g_autoptr(KpCourse) course = make_course ();
  g_autoptr(KpMeeting) meeting = kp_meeting_new ("c0000000-0000-4000-8000-000000000001");
  g_autoptr(KpEvaluation) evaluation = kp_evaluation_new ("e0000000-0000-4000-8000-000000000001",
                                                          KP_EVALUATION_MEETING);
  g_autoptr(GDateTime) start = oslo ("2027-09-10T09:00");
  g_autoptr(GDateTime) now = g_date_time_new_utc (2027, 9, 2, 10, 30, 0);
  const char *attendees[] = { "b1d00000-0000-4000-8000-000000000001",
                              "b1d00000-0000-4000-8000-000000000002", NULL };
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;

  kp_meeting_set_start (meeting, start);
  kp_meeting_set_minutes (meeting, 180);
  kp_meeting_set_attendees (meeting, attendees);
  kp_course_add_meeting (course, meeting);
  kp_evaluation_set_date (evaluation, "2027-11-18");
  kp_course_add_evaluation (course, evaluation);

  bytes = kp_ical_export_planning (course, now);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_nonnull (strstr (text, "UID:c0000000-0000-4000-8000-000000000001@kursplan\r\n"
                                  "DTSTAMP:20270902T103000Z\r\n"
                                  "DTSTART;TZID=Europe/Oslo:20270910T090000\r\n"
                                  "DTEND;TZID=Europe/Oslo:20270910T120000\r\n"));
  g_assert_nonnull (strstr (text, "DTSTART;VALUE=DATE:20271118\r\nDTEND;VALUE=DATE:20271119\r\n"));
  g_assert_null (strstr (text, SESSION_1));
  g_assert_null (strstr (text, "Hemmelig"));
}

static void
test_import_round_trip_changes_nothing (void)
{
  g_autoptr(KpCourse) course = make_course ();
  g_autoptr(GDateTime) now = g_date_time_new_utc (2027, 9, 2, 10, 30, 0);
  g_autoptr(GBytes) bytes = kp_ical_export_course (course, now, KP_ICAL_EXPORT_DEFAULT);
  g_autoptr(GError) error = NULL;
  guint added = 99, updated = 99;

  g_assert_true (kp_ical_import_bytes (course, bytes, &added, &updated, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpuint (updated, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (kp_course_get_sessions (course)), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(KpSession) s = g_list_model_get_item (kp_course_get_sessions (course), i);

      g_assert_cmpuint (kp_session_get_revision (s), ==, 0);
    }
  g_assert_cmpstr (kp_session_get_title (kp_course_find_session (course, SESSION_2)), ==,
                   "Pust, søvn; og hvile");
}

static const char foreign[] =
  "BEGIN:VCALENDAR\r\n"
  "VERSION:2.0\r\n"
  "PRODID:-//Other//EN\r\n"
  "BEGIN:VEVENT\r\n"
  "UID:abc-123@example.org\r\n"
  "DTSTAMP:20270101T000000Z\r\n"
  "DTSTART:20271103T170000Z\r\n"
  "DURATION:PT2H30M\r\n"
  "SUMMARY:Ekstra samling\\, med kaffe\r\n"
  "LOCATION:Rådhuset\r\n"
  "END:VEVENT\r\n"
  "BEGIN:VEVENT\r\n"
  "UID:" SESSION_1 "@kursplan\r\n"
  "DTSTAMP:20270101T000000Z\r\n"
  "DTSTART;TZID=America/New_York:20271021T130000\r\n"
  "DTEND;TZID=America/New_York:20271021T150000\r\n"
  "SUMMARY:Pårørendekurs: Hva er kols?\r\n"
  "STATUS:CANCELLED\r\n"
  "END:VEVENT\r\n"
  "END:VCALENDAR\r\n";

static void
test_import_adds_then_updates (void)
{
  g_autoptr(KpCourse) course = make_course ();
  g_autoptr(GBytes) bytes = g_bytes_new_static (foreign, sizeof foreign - 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *new_id = kp_ical_dup_session_id_for_uid (course, "abc-123@example.org");
  guint added = 0, updated = 0;
  KpSession *extra, *first;
  g_autofree char *start = NULL;

  g_assert_true (kp_ical_import_bytes (course, bytes, &added, &updated, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 1);
  g_assert_cmpuint (updated, ==, 1);

  /* 17:00 UTC on the Wednesday after the October clock change is 18:00 in Oslo. */
  extra = kp_course_find_session (course, new_id);
  g_assert_nonnull (extra);
  start = kp_time_format_local (kp_session_get_start (extra));
  g_assert_cmpstr (start, ==, "2027-11-03T18:00");
  g_assert_cmpuint (kp_session_get_minutes (extra), ==, 150);
  g_assert_cmpstr (kp_session_get_title (extra), ==, "Ekstra samling, med kaffe");
  g_assert_cmpstr (kp_session_get_location_name (extra), ==, "Rådhuset");

  /* 13:00 in New York on 21 October is 19:00 in Oslo; the title loses the course prefix. */
  first = kp_course_find_session (course, SESSION_1);
  g_free (start);
  start = kp_time_format_local (kp_session_get_start (first));
  g_assert_cmpstr (start, ==, "2027-10-21T19:00");
  g_assert_cmpuint (kp_session_get_minutes (first), ==, 120);
  g_assert_cmpstr (kp_session_get_title (first), ==, "Hva er kols?");
  g_assert_cmpint (kp_session_get_status (first), ==, KP_SESSION_STATUS_CANCELLED);
  g_assert_cmpuint (g_list_model_get_n_items (kp_session_get_contributions (first)), ==, 1);

  /* Again: the same four sessions, nothing new. */
  g_assert_true (kp_ical_import_bytes (course, bytes, &added, &updated, &error));
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpuint (updated, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (kp_course_get_sessions (course)), ==, 4);
}

static void
test_import_rejects_malformed_whole (void)
{
  const char *bad[] = {
    "",
    "not a calendar",
    "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
    /* the second event has no start */
    "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20271027T170000Z\r\n"
    "DURATION:PT1H\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:b\r\nDURATION:PT1H\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n",
    /* a time zone nobody describes */
    "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART;TZID=Mars/Olympus:20271027T170000\r\n"
    "DURATION:PT1H\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    /* a bad date */
    "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20271399T170000Z\r\n"
    "DURATION:PT1H\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    /* a repeating event */
    "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20271027T170000Z\r\n"
    "DURATION:PT1H\r\nRRULE:FREQ=WEEKLY;COUNT=4\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    /* ends before it starts */
    "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20271027T170000Z\r\n"
    "DTEND:20271027T160000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(KpCourse) course = make_course ();
      g_autoptr(GBytes) bytes = g_bytes_new_static (bad[i], strlen (bad[i]));
      g_autoptr(GError) error = NULL;

      g_assert_false (kp_ical_import_bytes (course, bytes, NULL, NULL, &error));
      g_assert_error (error, KP_ERROR, KP_ERROR_INVALID_CALENDAR);
      g_assert_cmpuint (g_list_model_get_n_items (kp_course_get_sessions (course)), ==, 3);
      g_assert_cmpstr (kp_session_get_title (kp_course_find_session (course, SESSION_1)), ==,
                       "Hva er kols?");
    }
}

/* Undoes the folding of iCalendar lines, so a test can search the text. */
static char *
unfold (const char *ics)
{
  g_autoptr(GString) text = g_string_new (ics);

  g_string_replace (text, "\r\n ", "", 0);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* A member not marked public is shown by role only (in the course's language, Bokmål here), in
 * the published calendar and in the events put on a CalDAV server, as the brochure does: the
 * title can say who it is. */
static void
test_non_public_member_by_role_only (void)
{
  g_autoptr(KpCourse) course = make_course ();
  g_autoptr(KpMember) jurist = kp_member_new ("b1d00000-0000-4000-8000-000000000009",
                                              KP_ROLE_PROFESSIONAL);
  g_autoptr(KpContribution) talk = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2027, 9, 2, 10, 30, 0);
  g_autoptr(GBytes) resource = NULL;
  g_autofree char *ics = NULL;
  g_autofree char *text = NULL;
  g_autofree char *event = NULL;
  KpSession *session = kp_course_find_session (course, SESSION_2);

  kp_member_set_name (jurist, "Per Paragraf");
  kp_member_set_title (jurist, "jurist i kommunen");
  kp_course_add_member (course, jurist);
  talk = kp_contribution_new (KP_CONTRIBUTION_PROFESSIONAL_TALK, kp_member_get_id (jurist),
                              "Rettigheter", 30);
  kp_session_add_contribution (session, talk);

  ics = export_text (course);
  text = unfold (ics);
  g_assert_nonnull (strstr (text, "Rettigheter (fagperson)"));
  g_assert_null (strstr (text, "jurist"));
  g_assert_null (strstr (text, "Paragraf"));
  /* The public member keeps name and title. */
  g_assert_nonnull (strstr (text, "Sykdomslære (Kari Nordmann\\, lungelege)"));

  resource = kp_ical_export_session_resource (course, session, now);
  event = unfold (g_bytes_get_data (resource, NULL));
  g_assert_nonnull (strstr (event, "Rettigheter (fagperson)"));
  g_assert_null (strstr (event, "jurist"));
  g_assert_null (strstr (event, "Paragraf"));
}

static void
import_text (const char  *text,
             GError     **error)
{
  g_autoptr(KpCourse) course = make_course ();
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  g_assert_false (kp_ical_import_bytes (course, bytes, NULL, NULL, error));
  g_assert_cmpuint (g_list_model_get_n_items (kp_course_get_sessions (course)), ==, 3);
}

/* A value from the file is quoted shortened, its controls escaped: the message stays one line. */
static void
test_import_messages_quote_values (void)
{
  g_autoptr(GString) text = g_string_new ("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:\x1b[2J");
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) tz_error = NULL;
  g_autofree char *long_tz = g_strnfill (5000, 'T');
  g_autofree char *tz_text = NULL;

  for (guint i = 0; i < 20000; i++)
    g_string_append_c (text, 'u');
  g_string_append (text, "\r\nDURATION:PT1H\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
  import_text (text->str, &error);
  g_assert_error (error, KP_ERROR, KP_ERROR_INVALID_CALENDAR);
  g_assert_true (g_str_has_prefix (error->message, "Event “\\x1b[2Juuu"));
  g_assert_true (g_str_has_suffix (error->message, "u…” has no start (DTSTART)"));
  g_assert_null (strchr (error->message, '\x1b'));
  g_assert_cmpuint (g_utf8_strlen (error->message, -1), <, 130);

  tz_text = g_strdup_printf ("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\n"
                             "DTSTART;TZID=\"%s\":20271027T170000\r\nDURATION:PT1H\r\n"
                             "END:VEVENT\r\nEND:VCALENDAR\r\n", long_tz);
  import_text (tz_text, &tz_error);
  g_assert_error (tz_error, KP_ERROR, KP_ERROR_INVALID_CALENDAR);
  g_assert_cmpuint (g_utf8_strlen (tz_error->message, -1), <, 200);
  g_assert_nonnull (strstr (tz_error->message, "TTT…”"));
}

/* libical's own complaints (it prints "icalparser.c:786: …" on stderr) become the error. */
static void
test_import_libical_complaint_in_error (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;

      import_text ("BEGIN:VCALENDAR\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:a\r\n"
                   "DTSTART:20271027T170000Z\r\nDURATION:PT1H\r\nEND:VEVENT\r\n"
                   "END:VCALENDAR\r\n", &error);
      g_assert_error (error, KP_ERROR, KP_ERROR_INVALID_CALENDAR);
      g_assert_cmpstr (error->message, ==,
                       "The calendar file is malformed: Encountered END before BEGIN");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("");
}

static void
test_store_keeps_caldav_resources (void)
{
  g_autofree char *dir = g_dir_make_tmp ("kursplan-ical-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "k.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KpStore) store = kp_store_new (path, &error);
  g_autoptr(KpCourse) course = make_course ();
  g_autoptr(GHashTable) resources = NULL;
  const char *collection = "http://127.0.0.1:5232/lms/kurs/";
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };
  const char *course_id = kp_course_get_id (course);
  char **resource;

  g_assert_no_error (error);
  g_assert_true (kp_store_save_course (store, course, &error));
  g_assert_true (kp_store_set_caldav_resource (store, course_id, collection, SESSION_1,
                                               "/lms/kurs/a.ics", "\"1\"", "d1", &error));
  g_assert_true (kp_store_set_caldav_resource (store, course_id, collection, SESSION_2,
                                               "/lms/kurs/b.ics", NULL, NULL, &error));
  g_assert_true (kp_store_set_caldav_resource (store, course_id, collection, SESSION_1,
                                               "/lms/kurs/a.ics", "\"2\"", "d2", &error));
  g_assert_true (kp_store_set_caldav_resource (store, course_id, "http://other/", SESSION_3,
                                               "/x.ics", "\"9\"", "d9", &error));
  g_assert_no_error (error);

  resources = kp_store_load_caldav_resources (store, course_id, collection, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (resources), ==, 2);
  resource = g_hash_table_lookup (resources, SESSION_1);
  g_assert_cmpstr (resource[0], ==, "/lms/kurs/a.ics");
  g_assert_cmpstr (resource[1], ==, "\"2\"");
  g_assert_cmpstr (resource[2], ==, "d2");
  resource = g_hash_table_lookup (resources, SESSION_2);
  g_assert_cmpstr (resource[1], ==, "");
  g_assert_cmpstr (resource[2], ==, "");

  /* Forgetting one, then deleting the course, forgets the rest. */
  g_assert_true (kp_store_set_caldav_resource (store, course_id, collection, SESSION_2, NULL,
                                               NULL, NULL, &error));
  g_clear_pointer (&resources, g_hash_table_unref);
  resources = kp_store_load_caldav_resources (store, course_id, collection, &error);
  g_assert_cmpuint (g_hash_table_size (resources), ==, 1);
  g_assert_true (kp_store_delete_course (store, course_id, &error));
  g_clear_pointer (&resources, g_hash_table_unref);
  resources = kp_store_load_caldav_resources (store, course_id, "http://other/", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (resources), ==, 0);

  /* A database from before the digests (schema 3) keeps its records when migrated. */
  g_assert_true (kp_store_save_course (store, course, &error));
  g_assert_true (kp_store_set_caldav_resource (store, course_id, collection, SESSION_1,
                                               "/lms/kurs/a.ics", "\"3\"", "d3", &error));
  g_clear_object (&store);
  {
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    /* Schema 3 had neither the digests (4), the actions' done flags (5), the brochure's
     * accessibility and conditions (7), nor the forms' scale and respondents (9), nor the
     * trusts' own conditions (10), nor the courses' revisions (11). */
    g_assert_cmpint (sqlite3_exec (db, "ALTER TABLE caldav_resources DROP COLUMN digest;"
                                       "ALTER TABLE evaluation_actions DROP COLUMN done;"
                                       "ALTER TABLE courses DROP COLUMN location_accessibility;"
                                       "ALTER TABLE courses DROP COLUMN referral;"
                                       "ALTER TABLE courses DROP COLUMN co_payment;"
                                       "ALTER TABLE courses DROP COLUMN travel_refund;"
                                       "ALTER TABLE courses DROP COLUMN referral_to;"
                                       "ALTER TABLE courses DROP COLUMN co_payment_first_day;"
                                       "ALTER TABLE courses DROP COLUMN no_show_fee;"
                                       "ALTER TABLE courses DROP COLUMN notice_hours;"
                                       "ALTER TABLE courses DROP COLUMN evaluation_scale;"
                                       "ALTER TABLE courses DROP COLUMN asks_patient_or_relative;"
                                       "ALTER TABLE evaluations DROP COLUMN patients;"
                                       "ALTER TABLE evaluations DROP COLUMN relatives;"
                                       "ALTER TABLE evaluation_scores DROP COLUMN count0;"
                                       "ALTER TABLE evaluation_scores DROP COLUMN count6;"
                                       "ALTER TABLE evaluation_scores DROP COLUMN count7;"
                                       "ALTER TABLE evaluation_scores DROP COLUMN count8;"
                                       "ALTER TABLE evaluation_scores DROP COLUMN count9;"
                                       "ALTER TABLE evaluation_scores DROP COLUMN count10;"
                                       "ALTER TABLE courses DROP COLUMN revision;"
                                       "ALTER TABLE courses DROP COLUMN mode;"
                                       "ALTER TABLE courses DROP COLUMN level;"
                                       "ALTER TABLE courses DROP COLUMN cancelled_on;"
                                       "ALTER TABLE courses DROP COLUMN cancel_reason;"
                                       "ALTER TABLE sessions DROP COLUMN join_url;"
                                       "DROP TABLE invitations;"
                                       "ALTER TABLE courses DROP COLUMN remind_minutes;"
                                       "ALTER TABLE courses DROP COLUMN patients;"
                                       "ALTER TABLE courses DROP COLUMN relatives;"
                                       "ALTER TABLE courses DROP COLUMN waiting;"
                                       "ALTER TABLE courses DROP COLUMN withdrawn;"
                                       "ALTER TABLE courses DROP COLUMN no_shows;"
                                       "ALTER TABLE courses DROP COLUMN completed;"
                                       "ALTER TABLE courses DROP COLUMN fewer_decided_on;"
                                       "ALTER TABLE courses DROP COLUMN fewer_decided_by;"
                                       "PRAGMA user_version = 3;", NULL, NULL, NULL),
                     ==, SQLITE_OK);
    sqlite3_close (db);
  }
  store = kp_store_new (path, &error);
  g_assert_no_error (error);
  g_clear_pointer (&resources, g_hash_table_unref);
  resources = kp_store_load_caldav_resources (store, course_id, collection, &error);
  g_assert_no_error (error);
  resource = g_hash_table_lookup (resources, SESSION_1);
  g_assert_nonnull (resource);
  g_assert_cmpstr (resource[1], ==, "\"3\"");
  g_assert_cmpstr (resource[2], ==, "");

  g_clear_object (&store);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_remove (file);
    }
  g_rmdir (dir);
}

/* Hardening (#12): every refusal sets its error, and what the importer takes, a plan carries. */

#define ICS_HEAD "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:a\r\n"
#define ICS_TAIL "END:VEVENT\r\nEND:VCALENDAR\r\n"

static void
assert_import_refused (const char *ics,
                       const char *message)
{
  g_autoptr(KpCourse) course = make_course ();
  g_autoptr(GBytes) bytes = g_bytes_new (ics, strlen (ics));
  g_autoptr(GError) error = NULL;

  g_assert_false (kp_ical_import_bytes (course, bytes, NULL, NULL, &error));
  g_assert_error (error, KP_ERROR, KP_ERROR_INVALID_CALENDAR);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_cmpuint (g_list_model_get_n_items (kp_course_get_sessions (course)), ==, 3);
}

static void
test_import_refuses_what_a_plan_cannot_carry (void)
{
  /* 23:59:59 UTC on the last day of 9999 is the year 10000 in Oslo: the importer failed without
   * an error here, and the command line crashed on it. */
  assert_import_refused (ICS_HEAD "DTSTART:99991231T235959Z\r\nDURATION:PT1H\r\n" ICS_TAIL,
                         "Event “a”: DTSTART is outside the years 1900–9999 in the course’s "
                         "time zone");
  assert_import_refused (ICS_HEAD "DTSTART:20270304T170000Z\r\nDTEND:99991231T235959Z\r\n"
                         ICS_TAIL,
                         "Event “a”: DTEND is outside the years 1900–9999 in the course’s "
                         "time zone");
  assert_import_refused (ICS_HEAD "DTSTART:99991231T220000Z\r\nDURATION:PT90M\r\n" ICS_TAIL,
                         "Event “a”: ends after the year 9999");
  /* 6,510 minutes were taken, and then the exported plan could not be imported. */
  assert_import_refused (ICS_HEAD "DTSTART:20270304T170000Z\r\nDURATION:PT6510M\r\n" ICS_TAIL,
                         "Event “a”: lasts 6510 minutes; a session or meeting lasts at most "
                         "1440 minutes (a day)");
  assert_import_refused (ICS_HEAD "DTSTART:20270304T170000Z\r\nDURATION:PT30S\r\n" ICS_TAIL,
                         "Event “a” lasts less than a minute");
}

static void
test_import_refuses_times_the_clocks_skip (void)
{
  /* 02:30 on the last Sunday of March 2027 does not happen in Oslo: refused as the plan reader
   * refuses it, in the course's zone, in a named zone and in a zone the file describes. */
  assert_import_refused (ICS_HEAD "DTSTART:20270328T023000\r\nDURATION:PT1H\r\n" ICS_TAIL,
                         "Event “a”: DTSTART: 2027-03-28 02:30 does not exist in Europe/Oslo: "
                         "the clocks skip it");
  assert_import_refused (ICS_HEAD "DTSTART;TZID=Europe/Oslo:20270328T020000\r\n"
                         "DURATION:PT1H\r\n" ICS_TAIL,
                         "Event “a”: DTSTART: 2027-03-28 02:00 does not exist in Europe/Oslo: "
                         "the clocks skip it");
  assert_import_refused ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
                         "BEGIN:VTIMEZONE\r\nTZID:W. Europe Standard Time\r\n"
                         "BEGIN:STANDARD\r\nDTSTART:16011028T030000\r\n"
                         "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\n"
                         "TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\n"
                         "BEGIN:DAYLIGHT\r\nDTSTART:16010325T020000\r\n"
                         "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\n"
                         "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nEND:DAYLIGHT\r\n"
                         "END:VTIMEZONE\r\nBEGIN:VEVENT\r\nUID:a\r\n"
                         "DTSTART;TZID=W. Europe Standard Time:20270328T023000\r\n"
                         "DURATION:PT1H\r\n" ICS_TAIL,
                         "Event “a”: DTSTART: 2027-03-28 02:30 does not exist in W. Europe "
                         "Standard Time: the clocks skip it");
}

static void
test_import_refuses_deep_nesting (void)
{
  g_autoptr(GString) ics = g_string_new ("BEGIN:VCALENDAR\r\n");

  /* Half a million nested events overflowed the stack in the error check. */
  for (guint i = 0; i < 500000; i++)
    g_string_append (ics, "BEGIN:VEVENT\r\n");
  for (guint i = 0; i < 500000; i++)
    g_string_append (ics, "END:VEVENT\r\n");
  g_string_append (ics, "END:VCALENDAR\r\n");
  assert_import_refused (ics->str, "The calendar file is malformed: line 17 nests components "
                         "more than 16 deep");

  /* libical takes the names in any case. */
  g_string_assign (ics, "BEGIN:VCALENDAR\r\n");
  for (guint i = 0; i < 20; i++)
    g_string_append (ics, "begin:VEVENT\r\n");
  assert_import_refused (ics->str, "The calendar file is malformed: line 17 nests components "
                         "more than 16 deep");
}

static void
test_import_then_plan_round_trip (void)
{
  const char *ics = ICS_HEAD "DTSTART;TZID=Europe/Oslo:99991231T000000\r\n"
                    "DTEND;TZID=Europe/Oslo:99991231T235900\r\nSUMMARY:Siste kveld\r\n" ICS_TAIL;
  /* Only this session, so that the calendar's zone is searched over 9998–9999 alone. */
  g_autoptr(KpCourse) course = kp_course_new ("3f0b6a8e-2d7c-4c1e-9a51-0d6c1f3b2a10");
  g_autoptr(KpCourse) again = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static (ics, strlen (ics));
  g_autoptr(GBytes) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = kp_ical_dup_session_id_for_uid (course, "a");
  g_autofree char *ics_out = NULL;
  g_autofree char *dtend = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2027, 9, 2, 10, 30, 0);
  g_autoptr(GPtrArray) items = NULL;
  char *text;
  gsize length;

  /* The longest session the importer takes, as late as it takes it: the plan keeps it. */
  kp_course_set_title (course, "Pårørendekurs");
  g_assert_true (kp_ical_import_bytes (course, bytes, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (kp_session_get_minutes (kp_course_find_session (course, id)), ==, 1439);

  text = kp_plan_write (course, &length);
  plan = g_bytes_new_take (text, length);
  again = kp_plan_read_bytes (plan, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kp_session_get_minutes (kp_course_find_session (again, id)), ==, 1439);

  /* And the calendar and the checklist take it too (GLib's criticals are fatal here): the
   * zone's rules are searched to the end of 9999, the evaluation meeting is never due. */
  ics_out = export_text (course);
  dtend = event_line (ics_out, id, "DTEND");
  g_assert_cmpstr (dtend, ==, "DTEND;TZID=Europe/Oslo:99991231T235900");
  items = kp_method_check (course, now);
  g_assert_nonnull (items);
}

static char *
bytes_text (GBytes *bytes)
{
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* The course's calendar (or its planning group's) with the words of @code, NULL: the course's. */
static char *
export_in (KpCourse   *course,
           const char *code,
           gboolean    planning)
{
  const KpDocLanguage *language = code != NULL ? kp_doc_language_lookup (code) : NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2027, 9, 2, 10, 30, 0);
  g_autoptr(GBytes) bytes = planning ? kp_ical_export_planning_in (course, language, now)
                                     : kp_ical_export_course_in (course, language, now,
                                                                 KP_ICAL_EXPORT_DEFAULT);

  return bytes_text (bytes);
}

/* A calendar speaks its course's language (issue #13, item 6): a North Sami course's events say
 * their kinds of contribution, role names and "Cancelled" in North Sami although the test runs
 * with the window in English (LANGUAGE empty), and in Nynorsk when the export asks for it. */
static void
test_events_in_the_course_language (void)
{
  g_autoptr(KpCourse) course = make_course ();
  g_autoptr(GDateTime) now = g_date_time_new_utc (2027, 9, 2, 10, 30, 0);
  g_autoptr(KpContribution) user_talk = kp_contribution_new (KP_CONTRIBUTION_USER_TALK,
                                                             "b1d00000-0000-4000-8000-000000000002",
                                                             "Min hverdag", 30);
  g_autoptr(KpContribution) pause = kp_contribution_new (KP_CONTRIBUTION_BREAK, NULL, NULL, 15);
  g_autoptr(GBytes) resource = NULL;
  g_autofree char *se = NULL;
  g_autofree char *nn = NULL;
  g_autofree char *description = NULL;
  g_autofree char *cancelled = NULL;
  g_autofree char *nn_description = NULL;
  g_autofree char *nn_cancelled = NULL;
  g_autofree char *resource_text = NULL;
  g_autofree char *resource_description = NULL;
  KpSession *first = kp_course_find_session (course, SESSION_1);

  kp_course_set_text (course, KP_COURSE_LANGUAGE, "se");
  kp_session_add_contribution (first, user_talk);
  kp_session_add_contribution (first, pause);
  kp_session_set_status (kp_course_find_session (course, SESSION_3), KP_SESSION_STATUS_CANCELLED);

  se = export_in (course, NULL, FALSE);
  description = event_line (se, SESSION_1, "DESCRIPTION:");
  g_assert_cmpstr (description, ==,
                   "DESCRIPTION:Hva er kols?\\n\\n– Fágalaš sáhkavuorru: Sykdomslære (Kari "
                   "Nordmann\\, lungelege)\\, 60 min\\n– Geavaheaddji sáhkavuorru: Min hverdag "
                   "(geavaheaddjiovddasteaddji)\\, 30 min\\n– Boddu\\, 15 min");
  cancelled = event_line (se, SESSION_3, "DESCRIPTION:");
  g_assert_cmpstr (cancelled, ==, "DESCRIPTION:Šluhttejuvvon\\n\\nSámi: čoahkkin");
  g_assert_null (event_line (se, SESSION_2, "DESCRIPTION:Šluhttejuvvon"));
  g_assert_null (strstr (se, "Professional"));
  g_assert_null (strstr (se, "User representative"));
  g_assert_null (strstr (se, "Cancelled"));

  /* CalDAV's resources are the same events. */
  resource = kp_ical_export_session_resource (course, first, now);
  resource_text = bytes_text (resource);
  resource_description = event_line (resource_text, SESSION_1, "DESCRIPTION:");
  g_assert_cmpstr (resource_description, ==, description);

  nn = export_in (course, "nn", FALSE);
  nn_description = event_line (nn, SESSION_1, "DESCRIPTION:");
  g_assert_cmpstr (nn_description, ==,
                   "DESCRIPTION:Hva er kols?\\n\\n– Fagleg innlegg: Sykdomslære (Kari "
                   "Nordmann\\, lungelege)\\, 60 min\\n– Brukarinnlegg: Min hverdag "
                   "(brukarrepresentant)\\, 30 min\\n– Pause\\, 15 min");
  nn_cancelled = event_line (nn, SESSION_3, "DESCRIPTION:");
  g_assert_cmpstr (nn_cancelled, ==, "DESCRIPTION:Avlyst\\n\\nSámi: čoahkkin");
}

/* The planning group's calendar, and a calendar of several courses, name themselves in the
 * courses' language. */
static void
test_planning_and_several_courses_in_the_course_language (void)
{
  g_autoptr(KpCourse) course = make_course ();
  g_autoptr(KpCourse) other = make_course ();
  g_autoptr(KpMeeting) meeting = kp_meeting_new ("c0000000-0000-4000-8000-000000000001");
  g_autoptr(KpEvaluation) evaluation = kp_evaluation_new ("e0000000-0000-4000-8000-000000000001",
                                                          KP_EVALUATION_MEETING);
  g_autoptr(GDateTime) start = oslo ("2027-09-10T09:00");
  g_autoptr(GDateTime) now = g_date_time_new_utc (2027, 9, 2, 10, 30, 0);
  const char *attendees[] = { "b1d00000-0000-4000-8000-000000000001",
                              "b1d00000-0000-4000-8000-000000000002", NULL };
  KpCourse *both[2];
  g_autoptr(GBytes) same = NULL;
  g_autoptr(GBytes) mixed = NULL;
  g_autoptr(GBytes) chosen = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_nb = NULL;
  g_autofree char *same_text = NULL;
  g_autofree char *mixed_text = NULL;
  g_autofree char *chosen_text = NULL;
  g_autofree char *attending = NULL;
  g_autofree char *attending_nb = NULL;

  kp_course_set_text (course, KP_COURSE_LANGUAGE, "se");
  kp_meeting_set_start (meeting, start);
  kp_meeting_set_minutes (meeting, 180);
  kp_meeting_set_attendees (meeting, attendees);
  kp_course_add_meeting (course, meeting);
  kp_evaluation_set_date (evaluation, "2027-11-18");
  kp_evaluation_set_attendees (evaluation, attendees);
  kp_course_add_evaluation (course, evaluation);

  text = export_in (course, NULL, TRUE);
  g_assert_nonnull (strstr (text, "X-WR-CALNAME:Pårørendekurs – plánenjoavku\r\n"));
  g_assert_nonnull (strstr (text, "SUMMARY:Pårørendekurs: Plánenčoahkkin\r\n"));
  g_assert_nonnull (strstr (text, "SUMMARY:Pårørendekurs: Árvvoštallančoahkkin\r\n"));
  attending = event_line (text, "c0000000-0000-4000-8000-000000000001", "DESCRIPTION:");
  g_assert_cmpstr (attending, ==, "DESCRIPTION:Leat mielde: Kari Nordmann\\, lungelege\\; "
                                  "geavaheaddjiovddasteaddji");
  g_assert_null (strstr (text, "Planning"));
  g_assert_null (strstr (text, "Attending"));

  text_nb = export_in (course, "nb", TRUE);
  g_assert_nonnull (strstr (text_nb, "X-WR-CALNAME:Pårørendekurs – planleggingsgruppe\r\n"));
  g_assert_nonnull (strstr (text_nb, "SUMMARY:Pårørendekurs: Evalueringsmøte\r\n"));
  attending_nb = event_line (text_nb, "c0000000-0000-4000-8000-000000000001", "DESCRIPTION:");
  g_assert_cmpstr (attending_nb, ==, "DESCRIPTION:Til stede: Kari Nordmann\\, lungelege\\; "
                                     "brukerrepresentant");

  /* Several courses: in their shared language; in the window's when they differ; in the one
   * asked for when asked. */
  kp_course_set_text (other, KP_COURSE_LANGUAGE, "se");
  both[0] = course;
  both[1] = other;
  same = kp_ical_export_courses (both, 2, now, KP_ICAL_EXPORT_DEFAULT);
  same_text = bytes_text (same);
  g_assert_nonnull (strstr (same_text, "X-WR-CALNAME:Kurssat\r\n"));
  kp_course_set_text (other, KP_COURSE_LANGUAGE, "nb");
  mixed = kp_ical_export_courses (both, 2, now, KP_ICAL_EXPORT_DEFAULT);
  mixed_text = bytes_text (mixed);
  g_assert_nonnull (strstr (mixed_text, "X-WR-CALNAME:Courses\r\n"));
  chosen = kp_ical_export_courses_in (both, 2, kp_doc_language_lookup ("smj"), now,
                                      KP_ICAL_EXPORT_DEFAULT);
  chosen_text = bytes_text (chosen);
  g_assert_nonnull (strstr (chosen_text, "X-WR-CALNAME:Kursa\r\n"));
  g_assert_nonnull (strstr (chosen_text, "Fáhkasáhkavuorro"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ical/export/lines-are-crlf-and-at-most-75-octets",
                   test_lines_are_crlf_and_at_most_75_octets);
  g_test_add_func ("/ical/export/folding-is-exact", test_folding_is_exact);
  g_test_add_func ("/ical/export/text-is-escaped-and-cleaned", test_text_is_escaped_and_cleaned);
  g_test_add_func ("/ical/export/events-carry-the-plan", test_events_carry_the_plan);
  g_test_add_func ("/ical/export/vtimezone-is-compact", test_vtimezone_is_compact);
  g_test_add_func ("/ical/export/vtimezone-follows-the-zone", test_vtimezone_follows_the_zone);
  g_test_add_func ("/ical/export/same-plan-same-bytes", test_same_plan_same_bytes);
  g_test_add_func ("/ical/export/cancelled-and-left-out", test_cancelled_and_left_out);
  g_test_add_func ("/ical/export/session-resource-has-no-method",
                   test_session_resource_has_no_method);
  g_test_add_func ("/ical/export/planning-calendar", test_planning_calendar);
  g_test_add_func ("/ical/import/round-trip-changes-nothing",
                   test_import_round_trip_changes_nothing);
  g_test_add_func ("/ical/import/adds-then-updates", test_import_adds_then_updates);
  g_test_add_func ("/ical/import/rejects-malformed-whole", test_import_rejects_malformed_whole);

  g_test_add_func ("/ical/store/keeps-caldav-resources-and-migrates",
                   test_store_keeps_caldav_resources);
  g_test_add_func ("/ical/import/refuses-what-a-plan-cannot-carry",
                   test_import_refuses_what_a_plan_cannot_carry);
  g_test_add_func ("/ical/import/refuses-times-the-clocks-skip",
                   test_import_refuses_times_the_clocks_skip);
  g_test_add_func ("/ical/import/refuses-deep-nesting", test_import_refuses_deep_nesting);
  g_test_add_func ("/ical/import/plan-carries-what-is-imported",
                   test_import_then_plan_round_trip);
  g_test_add_func ("/ical/export/events-in-the-course-language",
                   test_events_in_the_course_language);
  g_test_add_func ("/ical/export/planning-and-several-courses-in-the-course-language",
                   test_planning_and_several_courses_in_the_course_language);
  g_test_add_func ("/ical/export/non-public-member-by-role-only",
                   test_non_public_member_by_role_only);
  g_test_add_func ("/ical/import/messages-quote-values", test_import_messages_quote_values);
  g_test_add_func ("/ical/import/libical-complaint-in-error",
                   test_import_libical_complaint_in_error);

  return g_test_run ();
}
