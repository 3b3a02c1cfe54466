/* kp-invitation.c — the planning group's meetings as iTIP invitations (RFC 5546)
 *
 * Planning meetings and the evaluation meeting are meetings of people with e-mail addresses:
 * each is a VEVENT in a METHOD:REQUEST calendar, the members with an address its attendees.
 * What was sent before (meeting id → SEQUENCE and a digest of the event) decides the SEQUENCE:
 * kept for an unchanged meeting, raised for a changed one; a meeting sent before and gone now
 * goes into a METHOD:CANCEL calendar. Members who are not public are invited too (the group is
 * not the public): only participants' calendars leave them unnamed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-invitation"

#include "config.h"

#include <string.h>

#include "kp-doc-language.h"
#include "kp-error.h"
#include "kp-i18n.h"
#include "kp-ical-export.h"
#include "kp-invitation.h"
#include "kp-time.h"

typedef struct
{
  const char *email;
  const char *name;
} Person;

typedef struct
{
  KpCourse            *course;
  const KpDocLanguage *language;
  Person               organizer;
  GArray              *attendees;  /* Person, borrowed from the course's members */
  char                *tzid;       /* as a TZID parameter */
  GTimeZone           *tz;
  char                *dtstamp;
  int                  first_year;
  int                  last_year;
} Invitation;

static gboolean
has_text (const char *text)
{
  return text != NULL && *text != '\0';
}

static void
append_line (GString    *out,
             GString    *line)
{
  kp_ical_append_folded (out, line->str, line->len);
  g_string_truncate (line, 0);
}

static void
append_person (GString      *out,
               const char   *property,
               const Person *person,
               gboolean      attendee)
{
  g_autoptr(GString) line = g_string_new (property);

  if (has_text (person->name))
    {
      g_string_append (line, ";CN=");
      kp_ical_append_param_value (line, person->name);
    }
  if (attendee)
    g_string_append (line, ";CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION"
                           ";RSVP=TRUE");
  g_string_append_c (line, ':');
  kp_ical_append_address (line, person->email);
  append_line (out, line);
}

static void
append_people (Invitation *inv,
               GString    *out)
{
  append_person (out, "ORGANIZER", &inv->organizer, FALSE);
  for (guint i = 0; i < inv->attendees->len; i++)
    append_person (out, "ATTENDEE", &g_array_index (inv->attendees, Person, i), TRUE);
}

static void
append_local_time (GString    *out,
                   const char *name,
                   const char *tzid,
                   GDateTime  *time)
{
  g_autofree char *stamp = g_date_time_format (time, "%Y%m%dT%H%M%S");
  g_autoptr(GString) line = g_string_new (name);

  g_string_append_printf (line, ";TZID=%s:%s", tzid, stamp);
  append_line (out, line);
}

static void
append_summary (Invitation *inv,
                GString    *out,
                KpDocLabel  label)
{
  const char *title = kp_course_get_title (inv->course);
  g_autofree char *summary = NULL;

  summary = has_text (title)
    ? g_strdup_printf ("%s: %s", title, kp_doc_language_get_label (inv->language, label))
    : g_strdup (kp_doc_language_get_label (inv->language, label));
  kp_ical_append_text_property (out, "SUMMARY", summary);
}

static void
append_place_and_notes (Invitation *inv,
                        GString    *out,
                        const char *notes)
{
  const char *parts[] = {
    kp_course_get_text (inv->course, KP_COURSE_LOCATION_NAME),
    kp_course_get_text (inv->course, KP_COURSE_LOCATION_ROOM),
    kp_course_get_text (inv->course, KP_COURSE_LOCATION_ADDRESS),
  };
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) place = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (has_text (parts[i]))
      g_strv_builder_add (builder, parts[i]);
  place = g_strv_builder_end (builder);
  if (place[0] != NULL)
    {
      g_autofree char *location = g_strjoinv (", ", place);

      kp_ical_append_text_property (out, "LOCATION", location);
    }
  if (has_text (notes))
    kp_ical_append_text_property (out, "DESCRIPTION", notes);
}

/* The event's body after UID, DTSTAMP and SEQUENCE: what its digest is taken of. */
static gboolean
append_meeting_body (Invitation *inv,
                     GString    *body,
                     KpMeeting  *meeting)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;

  if (kp_meeting_get_start (meeting) == NULL)
    return FALSE;  /* not scheduled yet: nothing to invite to */

  start = g_date_time_to_timezone (kp_meeting_get_start (meeting), inv->tz);
  end = g_date_time_add_minutes (start, kp_meeting_get_minutes (meeting));
  inv->first_year = MIN (inv->first_year, g_date_time_get_year (start));
  inv->last_year = MAX (inv->last_year, g_date_time_get_year (end));
  append_local_time (body, "DTSTART", inv->tzid, start);
  append_local_time (body, "DTEND", inv->tzid, end);
  g_string_append (body, "STATUS:CONFIRMED\r\n");
  append_summary (inv, body, KP_DOC_LABEL_PLANNING_MEETING);
  append_place_and_notes (inv, body, kp_meeting_get_notes (meeting));
  append_people (inv, body);
  return TRUE;
}

static gboolean
append_evaluation_body (Invitation   *inv,
                        GString      *body,
                        KpEvaluation *evaluation)
{
  GDate date;

  if (kp_evaluation_get_kind (evaluation) != KP_EVALUATION_MEETING ||
      !kp_time_parse_date (kp_evaluation_get_date (evaluation), &date))
    return FALSE;

  g_string_append_printf (body, "DTSTART;VALUE=DATE:%04d%02d%02d\r\n",
                          g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
  g_date_add_days (&date, 1);
  g_string_append_printf (body, "DTEND;VALUE=DATE:%04d%02d%02d\r\n",
                          g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
  g_string_append (body, "STATUS:CONFIRMED\r\n"
                         "TRANSP:TRANSPARENT\r\n");
  append_summary (inv, body, KP_DOC_LABEL_EVALUATION_MEETING);
  append_place_and_notes (inv, body, kp_evaluation_get_notes (evaluation));
  append_people (inv, body);
  return TRUE;
}

static void
append_event_head (Invitation *inv,
                   GString    *out,
                   const char *id,
                   guint       sequence)
{
  g_autoptr(GString) line = g_string_new (NULL);

  g_string_append (out, "BEGIN:VEVENT\r\n");
  g_string_append_printf (line, "UID:%s@kursplan", id);
  append_line (out, line);
  g_string_append_printf (out, "DTSTAMP:%s\r\nSEQUENCE:%u\r\n", inv->dtstamp, sequence);
}

/* SEQUENCE as sent before, raised when the event changed; 0 for a meeting not sent before. */
static guint
next_sequence (GHashTable *sent,
               const char *id,
               const char *digest)
{
  const char * const *record = sent != NULL ? g_hash_table_lookup (sent, id) : NULL;
  guint64 sequence;

  if (record == NULL || !g_ascii_string_to_unsigned (record[0], 10, 0, G_MAXINT32,
                                                     &sequence, NULL))
    return 0;
  return g_strcmp0 (record[1], digest) == 0 ? (guint) sequence : (guint) sequence + 1;
}

static void
add_event (Invitation *inv,
           GString    *events,
           GHashTable *sent,
           GHashTable *next_sent,
           const char *id,
           GString    *body)
{
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, body->str,
                                                           body->len);
  guint sequence = next_sequence (sent, id, digest);
  char **record = g_new0 (char *, 3);

  append_event_head (inv, events, id, sequence);
  g_string_append_len (events, body->str, body->len);
  g_string_append (events, "END:VEVENT\r\n");

  record[0] = g_strdup_printf ("%u", sequence);
  record[1] = g_steal_pointer (&digest);
  g_hash_table_insert (next_sent, g_strdup (id), record);
}

static void
append_calendar_head (GString    *out,
                      const char *method)
{
  g_string_append_printf (out, "BEGIN:VCALENDAR\r\n"
                               "VERSION:2.0\r\n"
                               "PRODID:-//Kursplan//Kursplan " PACKAGE_VERSION "//EN\r\n"
                               "CALSCALE:GREGORIAN\r\n"
                               "METHOD:%s\r\n", method);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static GBytes *
write_cancel (Invitation *inv,
              GHashTable *sent,
              GHashTable *next_sent)
{
  g_autoptr(GPtrArray) gone = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer id, record;
  GString *out;

  if (sent != NULL)
    {
      g_hash_table_iter_init (&iter, sent);
      while (g_hash_table_iter_next (&iter, &id, &record))
        if (!g_hash_table_contains (next_sent, id))
          g_ptr_array_add (gone, id);
    }
  if (gone->len == 0)
    return NULL;

  /* Sorted, so the same change gives the same bytes. */
  g_ptr_array_sort (gone, compare_strings);
  out = g_string_sized_new (1024);
  append_calendar_head (out, "CANCEL");
  for (guint i = 0; i < gone->len; i++)
    {
      const char * const *was = g_hash_table_lookup (sent, gone->pdata[i]);
      guint64 sequence = 0;

      g_ascii_string_to_unsigned (was[0], 10, 0, G_MAXINT32, &sequence, NULL);
      append_event_head (inv, out, gone->pdata[i], (guint) sequence + 1);
      g_string_append (out, "STATUS:CANCELLED\r\n");
      /* The meeting is gone, and with it whether it was a planning or an evaluation one. */
      if (has_text (kp_course_get_title (inv->course)))
        kp_ical_append_text_property (out, "SUMMARY", kp_course_get_title (inv->course));
      append_people (inv, out);
      g_string_append (out, "END:VEVENT\r\n");
    }
  g_string_append (out, "END:VCALENDAR\r\n");
  return g_string_free_to_bytes (out);
}

static gboolean
find_organizer (KpCourse          *course,
                KpInvitationFrom   from,
                Person            *organizer,
                GError           **error)
{
  if (from == KP_INVITATION_FROM_LEADER)
    {
      GListModel *members = kp_course_get_members (course);
      guint n = g_list_model_get_n_items (members);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(KpMember) member = g_list_model_get_item (members, i);

          if (kp_member_get_role (member) == KP_ROLE_COURSE_LEADER &&
              has_text (kp_member_get_email (member)))
            {
              /* The course holds the member, so the strings outlive this reference. */
              organizer->email = kp_member_get_email (member);
              organizer->name = kp_member_get_name (member);
              return TRUE;
            }
        }
      g_set_error (error, KP_ERROR, KP_ERROR_NOT_FOUND, "%s",
                   _("No course leader in the planning group has an e-mail address: add one, "
                     "or send the invitations from the course’s contact address"));
      return FALSE;
    }

  organizer->email = kp_course_get_text (course, KP_COURSE_EMAIL);
  organizer->name = kp_course_get_text (course, KP_COURSE_ORGANISER);
  if (!has_text (organizer->email))
    {
      g_set_error (error, KP_ERROR, KP_ERROR_NOT_FOUND, "%s",
                   _("The course has no contact e-mail address to send the invitations from"));
      return FALSE;
    }
  return TRUE;
}

static void
invitation_clear (Invitation *inv)
{
  g_clear_pointer (&inv->attendees, g_array_unref);
  g_clear_pointer (&inv->tzid, g_free);
  g_clear_pointer (&inv->dtstamp, g_free);
}

/**
 * kp_invitation_write:
 * @from: who organises: the course leader or the course's contact
 * @sent: (nullable) (element-type utf8 GStrv): what was sent before, meeting id →
 *   { sequence, digest }, as kp_store_load_invitations() gives it
 * @now: the time of writing (DTSTAMP)
 * @next_sent: (out) (transfer full): what is sent now, in the same form: the store's record
 *   once the invitations are out (meetings in @sent and not here were cancelled)
 * @request: (out) (transfer full) (nullable): the METHOD:REQUEST calendar, %NULL if no meeting
 *   has a time
 * @cancel: (out) (transfer full) (nullable): the METHOD:CANCEL calendar for meetings sent
 *   before and gone now, %NULL if none is
 *
 * Returns: %FALSE with @error set: %KP_ERROR_NOT_FOUND when there is no organizer,
 *   %KP_ERROR_INVALID_VALUE when there is no one to invite
 */
gboolean
kp_invitation_write (KpCourse          *course,
                     KpInvitationFrom   from,
                     GHashTable        *sent,
                     GDateTime         *now,
                     GHashTable       **next_sent,
                     GBytes           **request,
                     GBytes           **cancel,
                     GError           **error)
{
  g_autoptr(GHashTable) next = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                      (GDestroyNotify) g_strfreev);
  g_autoptr(GString) events = g_string_sized_new (4096);
  g_autoptr(GString) body = g_string_sized_new (1024);
  g_autoptr(GDateTime) utc = NULL;
  GListModel *members, *meetings, *evaluations;
  Invitation inv = { 0 };
  guint n;

  g_return_val_if_fail (KP_IS_COURSE (course), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (next_sent != NULL && request != NULL && cancel != NULL, FALSE);

  inv.course = course;
  inv.language = kp_doc_language_lookup (kp_course_get_language (course));
  if (inv.language == NULL)
    inv.language = kp_doc_language_lookup ("nb");
  if (!find_organizer (course, from, &inv.organizer, error))
    return FALSE;

  inv.attendees = g_array_new (FALSE, FALSE, sizeof (Person));
  members = kp_course_get_members (course);
  n = g_list_model_get_n_items (members);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KpMember) member = g_list_model_get_item (members, i);
      Person person = { kp_member_get_email (member), kp_member_get_name (member) };

      /* The organizer does not invite themself. */
      if (has_text (person.email) &&
          g_ascii_strcasecmp (person.email, inv.organizer.email) != 0)
        g_array_append_val (inv.attendees, person);
    }
  if (inv.attendees->len == 0)
    {
      g_set_error (error, KP_ERROR, KP_ERROR_INVALID_VALUE, "%s",
                   _("No one in the planning group has an e-mail address to invite"));
      invitation_clear (&inv);
      return FALSE;
    }

  inv.tz = kp_course_get_time_zone (course);
  inv.tzid = kp_ical_dup_course_tzid_param (course);
  utc = g_date_time_to_utc (now);
  inv.dtstamp = g_date_time_format (utc, "%Y%m%dT%H%M%SZ");
  inv.first_year = G_MAXINT;
  inv.last_year = G_MININT;

  meetings = kp_course_get_meetings (course);
  n = g_list_model_get_n_items (meetings);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KpMeeting) meeting = g_list_model_get_item (meetings, i);

      g_string_truncate (body, 0);
      if (append_meeting_body (&inv, body, meeting))
        add_event (&inv, events, sent, next, kp_meeting_get_id (meeting), body);
    }
  evaluations = kp_course_get_evaluations (course);
  n = g_list_model_get_n_items (evaluations);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KpEvaluation) evaluation = g_list_model_get_item (evaluations, i);

      g_string_truncate (body, 0);
      if (append_evaluation_body (&inv, body, evaluation))
        add_event (&inv, events, sent, next, kp_evaluation_get_id (evaluation), body);
    }

  *request = NULL;
  if (g_hash_table_size (next) > 0)
    {
      GString *out = g_string_sized_new (events->len + 2048);

      append_calendar_head (out, "REQUEST");
      if (inv.first_year <= inv.last_year)
        {
          g_autofree char *zone = kp_ical_dup_vtimezone (inv.tz, inv.first_year,
                                                         inv.last_year);
          g_string_append (out, zone);
        }
      g_string_append_len (out, events->str, events->len);
      g_string_append (out, "END:VCALENDAR\r\n");
      *request = g_string_free_to_bytes (out);
    }
  *cancel = write_cancel (&inv, sent, next);
  *next_sent = g_steal_pointer (&next);
  invitation_clear (&inv);
  return TRUE;
}

typedef struct
{
  const char              *course_id;
  KpInvitationFrom         from;
  GDateTime               *now;
  KpInvitationDeliverFunc  deliver;
  gpointer                 user_data;
  guint                    n_invited;
  guint                    n_cancelled;
} Send;

static gboolean
send_update (KpStore  *store,
             gpointer  user_data,
             GError  **error)
{
  Send *send = user_data;
  g_autoptr(KpCourse) course = kp_store_load_course (store, send->course_id, error);
  g_autoptr(GHashTable) sent = NULL;
  g_autoptr(GHashTable) next = NULL;
  g_autoptr(GBytes) request = NULL;
  g_autoptr(GBytes) cancel = NULL;
  GHashTableIter iter;
  gpointer id, record;

  if (course == NULL ||
      (sent = kp_store_load_invitations (store, send->course_id, error)) == NULL ||
      !kp_invitation_write (course, send->from, sent, send->now, &next, &request, &cancel,
                            error))
    return FALSE;

  if (request == NULL && cancel == NULL)
    {
      g_set_error (error, KP_ERROR, KP_ERROR_NOT_FOUND, "%s",
                   _("The course has no planning meeting with a time and no evaluation meeting "
                     "with a date to invite to"));
      return FALSE;
    }

  send->n_cancelled = 0;
  g_hash_table_iter_init (&iter, sent);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    if (!g_hash_table_contains (next, id))
      {
        if (!kp_store_set_invitation (store, send->course_id, id, 0, NULL, error))
          return FALSE;
        send->n_cancelled++;
      }
  g_hash_table_iter_init (&iter, next);
  while (g_hash_table_iter_next (&iter, &id, &record))
    {
      const char * const *fields = record;

      if (!kp_store_set_invitation (store, send->course_id, id,
                                    (guint) g_ascii_strtoull (fields[0], NULL, 10), fields[1],
                                    error))
        return FALSE;
    }
  send->n_invited = g_hash_table_size (next);

  /* Delivered last: a calendar that cannot be handed on rolls the record back. */
  return send->deliver (request, cancel, send->user_data, error);
}

/**
 * kp_invitation_send:
 * @deliver: hands the calendars on, inside the store's write transaction
 * @n_invited: (out) (optional): how many meetings the REQUEST holds
 * @n_cancelled: (out) (optional): how many the CANCEL holds
 *
 * Loads the course, writes its invitations (kp_invitation_write()) against what was sent
 * before, and records what is sent now, in one kp_store_update(): the record is kept only when
 * @deliver succeeded, and two senders at once raise a SEQUENCE once each.
 */
gboolean
kp_invitation_send (KpStore                  *store,
                    const char               *course_id,
                    KpInvitationFrom          from,
                    GDateTime                *now,
                    KpInvitationDeliverFunc   deliver,
                    gpointer                  user_data,
                    guint                    *n_invited,
                    guint                    *n_cancelled,
                    GError                  **error)
{
  Send send = { course_id, from, now, deliver, user_data, 0, 0 };

  g_return_val_if_fail (KP_IS_STORE (store), FALSE);
  g_return_val_if_fail (course_id != NULL && now != NULL && deliver != NULL, FALSE);

  if (!kp_store_update (store, send_update, &send, error))
    return FALSE;
  if (n_invited != NULL)
    *n_invited = send.n_invited;
  if (n_cancelled != NULL)
    *n_cancelled = send.n_cancelled;
  return TRUE;
}
