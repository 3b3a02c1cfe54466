/* brochure-fixtures.h — the courses the brochure tests print, built in code
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kp-course.h"
#include "kp-time.h"

/* The non-public members: their names must never reach a brochure. */
#define FIXTURE_SECRET_USER "Sigrun Hemmelig-Bakke"
#define FIXTURE_SECRET_DOCTOR "Torstein Ukjentsen"
#define FIXTURE_PUBLIC_LEADER "Kari Nordlys"
#define FIXTURE_PUBLIC_USER "Áile Ánde Čorgaš"

static inline GDateTime *
fixture_time (KpCourse   *course,
              const char *text)
{
  GTimeZone *tz = kp_course_get_time_zone (course);
  g_autoptr(GError) error = NULL;
  GDateTime *time = kp_time_parse_local (text, tz, &error);

  g_assert_no_error (error);
  return time;
}

static inline KpMember *
fixture_member (KpCourse   *course,
                const char *id,
                const char *name,
                KpRole      role,
                const char *title,
                gboolean    is_public)
{
  KpMember *member = kp_member_new (id, role);

  kp_member_set_name (member, name);
  kp_member_set_title (member, title);
  kp_member_set_public (member, is_public);
  kp_course_add_member (course, member);
  g_object_unref (member);
  return member;
}

static inline KpSession *
fixture_session (KpCourse   *course,
                 const char *title,
                 const char *start,
                 guint       minutes)
{
  KpSession *session = kp_session_new (NULL);
  g_autoptr(GDateTime) time = fixture_time (course, start);

  kp_session_set_title (session, title);
  kp_session_set_start (session, time);
  kp_session_set_minutes (session, minutes);
  kp_course_add_session (course, session);
  g_object_unref (session);
  return session;
}

static inline void
fixture_contribute (KpSession          *session,
                    KpContributionKind  kind,
                    KpMember           *member,
                    const char         *title,
                    guint               minutes)
{
  g_autoptr(KpContribution) contribution =
    kp_contribution_new (kind, member ? kp_member_get_id (member) : NULL, title, minutes);

  kp_session_add_contribution (session, contribution);
}

/* A course for people with COPD and their relatives, with its planning group and no sessions. */
static inline KpCourse *
fixture_base_course (void)
{
  KpCourse *course = kp_course_new ("3f0b6a8e-2d7c-4c1e-9a51-0d6c1f3b2a10");
  const char *goals[] = { "Mer kunnskap om sykdommen", "Møte andre i samme situasjon",
                          "Trygghet i hverdagen", NULL };
  const char *partners[] = { "Kommunens frisklivssentral", "LHL lokallag", NULL };
  KpMember *leader, *secret_user;

  kp_course_set_title (course, "Å leve med kols");
  kp_course_set_text (course, KP_COURSE_SUBTITLE, "Kurs for deg som har kols, og dine pårørende");
  kp_course_set_text (course, KP_COURSE_LANGUAGE, "nb");
  kp_course_set_text (course, KP_COURSE_TARGET_GROUP,
                      "Voksne som har kols, og deres pårørende. Du trenger ikke henvisning.");
  kp_course_set_goals (course, goals);
  kp_course_set_partners (course, partners);
  kp_course_set_text (course, KP_COURSE_ORGANISER, "Lærings- og mestringssenteret i Fjordby");
  kp_course_set_text (course, KP_COURSE_LOCATION_NAME, "Helsehuset");
  kp_course_set_text (course, KP_COURSE_LOCATION_ROOM, "Møterom Áhkká");
  kp_course_set_text (course, KP_COURSE_LOCATION_ADDRESS, "Storgata 1, 9999 Fjordby");
  kp_course_set_text (course, KP_COURSE_PRICE, "Gratis");
  kp_course_set_text (course, KP_COURSE_DEADLINE, "2027-02-15");
  kp_course_set_text (course, KP_COURSE_EMAIL, "lms@example.no");
  kp_course_set_text (course, KP_COURSE_PHONE, "+47 00 00 00 00");
  kp_course_set_text (course, KP_COURSE_URL, "https://example.no/kurs/kols");

  leader = fixture_member (course, "b1d00000-0000-4000-8000-000000000001",
                           FIXTURE_PUBLIC_LEADER, KP_ROLE_COURSE_LEADER, "sykepleier", TRUE);
  kp_member_set_email (leader, "kari.nordlys@example.no");
  kp_member_set_phone (leader, "+47 11 22 33 44");
  fixture_member (course, "b1d00000-0000-4000-8000-000000000002",
                  FIXTURE_PUBLIC_USER, KP_ROLE_USER_REPRESENTATIVE, NULL, TRUE);
  secret_user = fixture_member (course, "b1d00000-0000-4000-8000-000000000003",
                                FIXTURE_SECRET_USER, KP_ROLE_USER_REPRESENTATIVE, NULL, FALSE);
  kp_member_set_email (secret_user, "sigrun@example.no");
  fixture_member (course, "b1d00000-0000-4000-8000-000000000004",
                  FIXTURE_SECRET_DOCTOR, KP_ROLE_PROFESSIONAL, NULL, FALSE);

  return course;
}

#define FIXTURE_LEADER "b1d00000-0000-4000-8000-000000000001"
#define FIXTURE_USER "b1d00000-0000-4000-8000-000000000002"
#define FIXTURE_SECRET_USER_ID "b1d00000-0000-4000-8000-000000000003"
#define FIXTURE_DOCTOR "b1d00000-0000-4000-8000-000000000004"

/* Four sessions: one on a Saturday elsewhere, one on a Tuesday cancelled; Sami letters in its
 * own texts. */
static inline KpCourse *
fixture_course (void)
{
  KpCourse *course = fixture_base_course ();
  KpMember *leader = kp_course_find_member (course, FIXTURE_LEADER);
  KpMember *user = kp_course_find_member (course, FIXTURE_USER);
  KpMember *secret_user = kp_course_find_member (course, FIXTURE_SECRET_USER_ID);
  KpMember *doctor = kp_course_find_member (course, FIXTURE_DOCTOR);
  KpSession *session;

  session = fixture_session (course, "Hva er kols?", "2027-03-04T18:00", 150);
  fixture_contribute (session, KP_CONTRIBUTION_PROFESSIONAL_TALK, doctor, "Sykdomslære", 50);
  fixture_contribute (session, KP_CONTRIBUTION_USER_TALK, user, "Min hverdag med kols", 30);
  fixture_contribute (session, KP_CONTRIBUTION_BREAK, NULL, NULL, 20);
  fixture_contribute (session, KP_CONTRIBUTION_SHARING, NULL, NULL, 45);

  session = fixture_session (course, "Pust og fysisk aktivitet", "2027-03-13T10:00", 240);
  kp_session_set_location (session, "Fjordby svømmehall", "Gymsal", "Badeveien 3, 9999 Fjordby");
  fixture_contribute (session, KP_CONTRIBUTION_PROFESSIONAL_TALK, leader, "Pusteteknikker", 45);
  fixture_contribute (session, KP_CONTRIBUTION_ACTIVITY, NULL, "Trening i gymsalen", 60);
  fixture_contribute (session, KP_CONTRIBUTION_USER_TALK, secret_user, "Å komme i gang igjen", 30);

  session = fixture_session (course, "Ernæring og matglede", "2027-03-16T18:00", 150);
  kp_session_set_status (session, KP_SESSION_STATUS_CANCELLED);
  fixture_contribute (session, KP_CONTRIBUTION_PROFESSIONAL_TALK, doctor, "Mat og kols", 45);

  session = fixture_session (course, "Birgen árgabeaivvis – å leve godt med kols",
                             "2027-03-25T18:00", 150);
  fixture_contribute (session, KP_CONTRIBUTION_USER_TALK, secret_user, "Sorg og håp", 30);
  fixture_contribute (session, KP_CONTRIBUTION_GROUP_WORK, NULL, "Veien videre", 60);
  return course;
}

/* The course with a paragraph far longer than a page: "Setning nummer 1" … "Setning nummer n". */
static inline KpCourse *
fixture_long_paragraph_course (guint n)
{
  KpCourse *course = fixture_course ();
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "Setning nummer %u om hvem kurset er for. ", i + 1);
  kp_course_set_text (course, KP_COURSE_TARGET_GROUP, text->str);
  g_string_free (text, TRUE);
  return course;
}

/* The same course with n weekly sessions, "Tema 1" … "Tema n", to flow over several pages. */
static inline KpCourse *
fixture_long_course (guint n)
{
  KpCourse *course = fixture_base_course ();
  KpMember *doctor = kp_course_find_member (course, FIXTURE_DOCTOR);
  KpMember *user = kp_course_find_member (course, FIXTURE_USER);
  g_autoptr(GDateTime) first = fixture_time (course, "2027-09-02T18:00");

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GDateTime) start = g_date_time_add_weeks (first, i);
      g_autofree char *text = g_date_time_format (start, "%Y-%m-%dT%H:%M");
      g_autofree char *title = g_strdup_printf ("Tema %u", i + 1);
      KpSession *session = fixture_session (course, title, text, 150);

      fixture_contribute (session, KP_CONTRIBUTION_PROFESSIONAL_TALK, doctor, "Faglig innlegg", 45);
      fixture_contribute (session, KP_CONTRIBUTION_USER_TALK, user, "Erfaringer", 30);
      fixture_contribute (session, KP_CONTRIBUTION_SHARING, NULL, NULL, 45);
    }
  return course;
}
