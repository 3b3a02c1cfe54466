/* bench-ics.c — kp_ical_export_course() over 100,000 sessions (target ≤ 1 s, ≤ 100 MB), and the
 * same events built and serialised with libical's components, the road not taken
 *
 * Prints one JSON object; bench-ics.py puts it beside python3-icalendar.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libical/ical.h>
#include <stdio.h>
#include <sys/resource.h>

#include "kp-ical-export.h"
#include "kp-time.h"

#define N_SESSIONS 100000

static long
peak_kb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

static KpCourse *
make_course (guint n)
{
  KpCourse *course = kp_course_new (NULL);
  GTimeZone *tz = kp_course_get_time_zone (course);
  g_autoptr(KpMember) fag = kp_member_new (NULL, KP_ROLE_PROFESSIONAL);
  g_autoptr(KpMember) bruker = kp_member_new (NULL, KP_ROLE_USER_REPRESENTATIVE);
  g_autoptr(GDateTime) first = kp_time_new_local (tz, 2027, 1, 4, 18, 0, NULL);
  g_autoptr(GDateTime) modified = g_date_time_new_utc (2027, 1, 1, 12, 0, 0);

  kp_course_set_title (course, "Å leve med kols; kurs for pårørende, Sápmi");
  kp_course_set_text (course, KP_COURSE_LOCATION_NAME, "Helsehuset");
  kp_course_set_text (course, KP_COURSE_LOCATION_ROOM, "Møterom 2");
  kp_course_set_text (course, KP_COURSE_LOCATION_ADDRESS, "Storgata 1, 9999 Byen");
  kp_course_set_text (course, KP_COURSE_EMAIL, "lms@example.no");
  kp_course_set_text (course, KP_COURSE_ORGANISER, "Lærings- og mestringssenteret");
  kp_course_set_text (course, KP_COURSE_URL, "https://example.no/kurs/kols");
  kp_member_set_name (fag, "Áile Nordmann");
  kp_member_set_title (fag, "lungelege");
  kp_member_set_public (fag, TRUE);
  kp_member_set_name (bruker, "Ola Hemmelig");
  kp_course_add_member (course, fag);
  kp_course_add_member (course, bruker);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KpSession) session = kp_session_new (NULL);
      g_autoptr(GDateTime) start = g_date_time_add_days (first, i % 1826);
      g_autoptr(KpContribution) talk = kp_contribution_new (KP_CONTRIBUTION_PROFESSIONAL_TALK,
                                                            kp_member_get_id (fag),
                                                            "Sykdomslære, pust og søvn", 60);
      g_autoptr(KpContribution) story = kp_contribution_new (KP_CONTRIBUTION_USER_TALK,
                                                             kp_member_get_id (bruker),
                                                             "Min hverdag; å leve med det", 30);
      char title[64];

      g_snprintf (title, sizeof title, "Samling %u: čoahkkin og erfaringsutveksling", i + 1);
      kp_session_set_title (session, title);
      kp_session_set_start (session, start);
      kp_session_set_minutes (session, 150);
      kp_session_add_contribution (session, talk);
      kp_session_add_contribution (session, story);
      if (i % 50 == 0)
        kp_session_set_status (session, KP_SESSION_STATUS_CANCELLED);
      kp_session_set_modified (session, modified);
      kp_course_add_session (course, session);
    }
  return course;
}

/* The same events as libical components, serialised by libical. */
static gsize
export_with_libical (KpCourse  *course,
                     GDateTime *now)
{
  icalcomponent *calendar = icalcomponent_new (ICAL_VCALENDAR_COMPONENT);
  GListModel *sessions = kp_course_get_sessions (course);
  guint n = g_list_model_get_n_items (sessions);
  struct icaltimetype stamp = icaltime_from_timet_with_zone (g_date_time_to_unix (now), 0,
                                                             icaltimezone_get_utc_timezone ());
  char *text;
  gsize length;

  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_prodid ("-//Kursplan//EN"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KpSession) session = g_list_model_get_item (sessions, i);
      g_autoptr(GDateTime) end = kp_session_get_end (session);
      g_autofree char *uid = kp_ical_dup_session_uid (session);
      icalcomponent *event = icalcomponent_new (ICAL_VEVENT_COMPONENT);
      GDateTime *times[] = { kp_session_get_start (session), end };
      icalproperty *prop;

      icalcomponent_add_property (event, icalproperty_new_uid (uid));
      icalcomponent_add_property (event, icalproperty_new_dtstamp (stamp));
      for (guint t = 0; t < 2; t++)
        {
          struct icaltimetype tt = icaltime_null_time ();

          tt.year = g_date_time_get_year (times[t]);
          tt.month = g_date_time_get_month (times[t]);
          tt.day = g_date_time_get_day_of_month (times[t]);
          tt.hour = g_date_time_get_hour (times[t]);
          tt.minute = g_date_time_get_minute (times[t]);
          prop = t == 0 ? icalproperty_new_dtstart (tt) : icalproperty_new_dtend (tt);
          icalproperty_add_parameter (prop, icalparameter_new_tzid ("Europe/Oslo"));
          icalcomponent_add_property (event, prop);
        }
      icalcomponent_add_property (event, icalproperty_new_sequence (kp_session_get_revision (session)));
      icalcomponent_add_property (event, icalproperty_new_summary (kp_session_get_title (session)));
      icalcomponent_add_property (event, icalproperty_new_location ("Helsehuset, Møterom 2, Storgata 1, 9999 Byen"));
      icalcomponent_add_property (event, icalproperty_new_description (kp_session_get_title (session)));
      icalcomponent_add_component (calendar, event);
    }
  text = icalcomponent_as_ical_string_r (calendar);
  length = strlen (text);
  free (text);
  icalcomponent_free (calendar);
  return length;
}

int
main (int   argc,
      char *argv[])
{
  guint n = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : N_SESSIONS;
  gboolean with_libical = argc > 2 && g_str_equal (argv[2], "--libical");
  g_autoptr(KpCourse) course = make_course (n);
  g_autoptr(GDateTime) now = g_date_time_new_utc (2027, 1, 2, 3, 4, 5);
  g_autoptr(GBytes) bytes = NULL;
  long before = peak_kb ();
  gint64 t0 = g_get_monotonic_time ();
  double seconds;
  gsize size;

  if (with_libical)
    size = export_with_libical (course, now);
  else
    {
      bytes = kp_ical_export_course (course, now, KP_ICAL_EXPORT_DEFAULT);
      size = g_bytes_get_size (bytes);
    }
  seconds = (g_get_monotonic_time () - t0) / 1e6;

  printf ("{\"sessions\": %u, \"seconds\": %.3f, \"bytes\": %" G_GSIZE_FORMAT ","
          " \"model_mb\": %.1f, \"peak_mb\": %.1f}\n",
          n, seconds, size, before / 1024.0, peak_kb () / 1024.0);
  return 0;
}
