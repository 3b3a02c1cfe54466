/* kp-ical-import.c — sessions from an iCalendar file: added or updated, never duplicated
 *
 * A UID "<session uuid>@kursplan" of this course names that session. Any other UID is mapped to
 * a session id derived from the course id and the UID (a name-based UUID, RFC 4122 §4.3, with
 * SHA-1), so importing the same file again updates the sessions it made instead of adding new
 * ones, and the mapping needs no table of its own. The whole file is read and checked before
 * anything in the course changes: a malformed file is rejected whole.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-ical-import"

#include "config.h"

#include <libical/ical.h>
#include <string.h>

#include "kp-error.h"
#include "kp-i18n.h"
#include "kp-ical-import.h"
#include "kp-time.h"
#include "kp-ical-parse.h"
#include "kp-quote.h"

/* A course's calendar nests three deep (VCALENDAR, VEVENT, VALARM or VTIMEZONE, STANDARD). */
#define MAX_NESTING 16

typedef struct
{
  char            *session_id;
  char            *title;
  char            *location;   /* NULL: the course's */
  GDateTime       *start;      /* in the course's zone */
  guint            minutes;
  KpSessionStatus  status;
} Incoming;

static void
incoming_free (gpointer data)
{
  Incoming *in = data;

  g_free (in->session_id);
  g_free (in->title);
  g_free (in->location);
  g_clear_pointer (&in->start, g_date_time_unref);
  g_free (in);
}

/**
 * kp_ical_dup_session_id_for_uid:
 * @uid: an event's UID
 *
 * Returns: (transfer full): the id of the session that event is, in @course
 */
char *
kp_ical_dup_session_id_for_uid (KpCourse   *course,
                                const char *uid)
{
  g_autoptr(GChecksum) sha = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 digest[20];
  gsize length = sizeof digest;

  g_return_val_if_fail (KP_IS_COURSE (course), NULL);
  g_return_val_if_fail (uid != NULL, NULL);

  if (g_str_has_suffix (uid, "@kursplan"))
    {
      g_autofree char *id = g_strndup (uid, strlen (uid) - strlen ("@kursplan"));

      if (kp_course_find_session (course, id) != NULL)
        return g_steal_pointer (&id);
    }

  g_checksum_update (sha, (const guchar *) kp_course_get_id (course), -1);
  g_checksum_update (sha, (const guchar *) "\n", 1);
  g_checksum_update (sha, (const guchar *) uid, -1);
  g_checksum_get_digest (sha, digest, &length);
  digest[6] = (digest[6] & 0x0f) | 0x50;  /* version 5 */
  digest[8] = (digest[8] & 0x3f) | 0x80;  /* RFC 4122 variant */

  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
                          "%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

/* libical's "Parse error in property name: VALUE": its own words whole, the value quoted. */
static char *
quote_complaint (const char *complaint)
{
  const char *value = complaint ? strstr (complaint, ": ") : NULL;
  g_autofree char *words = NULL;
  g_autofree char *quoted = NULL;

  if (value == NULL)
    return kp_quote_value (complaint);
  words = g_strndup (complaint, value - complaint);
  quoted = kp_quote_value (value + 2);
  return g_strdup_printf ("%s: %s", words, quoted);
}

static gboolean
check_errors (icalcomponent  *component,
              GError        **error)
{
  icalproperty *prop;
  icalcomponent *child;

  prop = icalcomponent_get_first_property (component, ICAL_XLICERROR_PROPERTY);
  if (prop != NULL)
    {
      g_autofree char *what = quote_complaint (icalproperty_get_xlicerror (prop));

      g_set_error (error, KP_ERROR, KP_ERROR_INVALID_CALENDAR,
                   _("The calendar file is malformed: %s"), what);
      return FALSE;
    }

  for (child = icalcomponent_get_first_component (component, ICAL_ANY_COMPONENT);
       child != NULL;
       child = icalcomponent_get_next_component (component, ICAL_ANY_COMPONENT))
    if (!check_errors (child, error))
      return FALSE;
  return TRUE;
}

/* libical parses BEGIN lines into a tree that it frees, and we check, by recursion: 500,000
 * nested components overflow the stack. Count the depth of the lines first. */
static gboolean
check_nesting (const char  *text,
               GError     **error)
{
  guint depth = 0;
  guint line = 1;

  for (const char *p = text; *p != '\0'; line++)
    {
      const char *end = strchr (p, '\n');

      if (g_ascii_strncasecmp (p, "BEGIN:", strlen ("BEGIN:")) == 0)
        {
          if (++depth > MAX_NESTING)
            {
              g_set_error (error, KP_ERROR, KP_ERROR_INVALID_CALENDAR,
                           _("The calendar file is malformed: line %u nests components more "
                             "than %d deep"),
                           line, MAX_NESTING);
              return FALSE;
            }
        }
      else if (g_ascii_strncasecmp (p, "END:", strlen ("END:")) == 0 && depth > 0)
        depth--;
      if (end == NULL)
        break;
      p = end + 1;
    }
  return TRUE;
}

static gboolean
valid_fields (struct icaltimetype tt)
{
  return tt.year >= KP_TIME_MIN_YEAR && tt.year <= KP_TIME_MAX_YEAR &&
         tt.month >= 1 && tt.month <= 12 &&
         tt.day >= 1 && tt.day <= g_date_get_days_in_month (tt.month, tt.year) &&
         tt.hour >= 0 && tt.hour <= 23 &&
         tt.minute >= 0 && tt.minute <= 59 &&
         tt.second >= 0 && tt.second <= 60;
}

/* The time the clocks skip, as kp_time_new_local() says it, for a zone the file describes. */
static gboolean
exists_in_zone (struct icaltimetype  tt,
                icaltimezone        *zone,
                time_t               moment)
{
  struct icaltimetype back = icaltime_from_timet_with_zone (moment, FALSE, zone);

  return back.year == tt.year && back.month == tt.month && back.day == tt.day &&
         back.hour == tt.hour && back.minute == tt.minute;
}

/* An event time as a moment, read in its TZID, as UTC, or (floating) in the course's zone. A
 * wall-clock time the clocks skip is refused, as the plan reader refuses it: never moved. */
static GDateTime *
read_time (icalcomponent        *root,
           icalproperty         *prop,
           struct icaltimetype   tt,
           GTimeZone            *course_tz,
           const char           *uid,
           const char           *name,
           GError              **error)
{
  icalparameter *param = icalproperty_get_first_parameter (prop, ICAL_TZID_PARAMETER);
  const char *tzid = param ? icalparameter_get_tzid (param) : NULL;
  g_autoptr(GDateTime) moment = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GError) local_error = NULL;

  if (tt.is_date)
    {
      g_set_error (error, KP_ERROR, KP_ERROR_INVALID_CALENDAR,
                   _("Event “%s”: %s is a whole day; a session needs a time of day"),
                   uid, name);
      return NULL;
    }
  if (icaltime_is_null_time (tt) || !valid_fields (tt))
    {
      g_set_error (error, KP_ERROR, KP_ERROR_INVALID_CALENDAR,
                   _("Event “%s”: %s is not a valid date-time"), uid, name);
      return NULL;
    }

  if (icaltime_is_utc (tt))
    moment = g_date_time_new_utc (tt.year, tt.month, tt.day, tt.hour, tt.minute, 0);
  else if (tzid != NULL)
    {
      g_autoptr(GTimeZone) tz = NULL;
      icaltimezone *zone;

      /* An IANA name is read with the system's rules; anything else with the file's VTIMEZONE. */
      if (g_utf8_validate (tzid, -1, NULL) && strstr (tzid, "..") == NULL && tzid[0] != '/')
        tz = g_time_zone_new_identifier (tzid);
      if (tz != NULL)
        moment = kp_time_new_local (tz, tt.year, tt.month, tt.day, tt.hour, tt.minute,
                                    &local_error);
      else if ((zone = icalcomponent_get_timezone (root, tzid)) != NULL)
        {
          time_t t;

          tt.second = 0;
          t = icaltime_as_timet_with_zone (tt, zone);
          if (exists_in_zone (tt, zone, t))
            moment = g_date_time_new_from_unix_utc (t);
          else
            {
              g_autofree char *valid = g_utf8_make_valid (tzid, -1);

              g_set_error (&local_error, KP_ERROR, KP_ERROR_INVALID_VALUE,
                           _("%04d-%02d-%02d %02d:%02d does not exist in %s: the clocks skip it"),
                           tt.year, tt.month, tt.day, tt.hour, tt.minute, valid);
            }
        }
      else
        {
          g_autofree char *quoted = kp_quote_value (tzid);

          g_set_error (error, KP_ERROR, KP_ERROR_INVALID_CALENDAR,
                       _("Event “%s”: the time zone “%s” is neither known nor described in the file"),
                       uid, quoted);
          return NULL;
        }
    }
  else
    moment = kp_time_new_local (course_tz, tt.year, tt.month, tt.day, tt.hour, tt.minute,
                                &local_error);

  if (local_error != NULL)
    {
      /* Translators: the first %s is an event's UID, the second DTSTART or DTEND, the third
       * what is wrong with it */
      g_set_error (error, KP_ERROR, KP_ERROR_INVALID_CALENDAR, _("Event “%s”: %s: %s"),
                   uid, name, local_error->message);
      return NULL;
    }

  /* 9999-12-31 23:59 UTC is already the year 10000 in Oslo, which GLib cannot hold. */
  if (moment != NULL)
    local = g_date_time_to_timezone (moment, course_tz);
  if (local == NULL || g_date_time_get_year (local) < KP_TIME_MIN_YEAR ||
      g_date_time_get_year (local) > KP_TIME_MAX_YEAR)
    {
      g_set_error (error, KP_ERROR, KP_ERROR_INVALID_CALENDAR,
                   _("Event “%s”: %s is outside the years %d–%d in the course’s time zone"),
                   uid, name, KP_TIME_MIN_YEAR, KP_TIME_MAX_YEAR);
      return NULL;
    }
  return g_steal_pointer (&local);
}

static char *
dup_course_location (KpCourse *course)
{
  const char *parts[] = {
    kp_course_get_text (course, KP_COURSE_LOCATION_NAME),
    kp_course_get_text (course, KP_COURSE_LOCATION_ROOM),
    kp_course_get_text (course, KP_COURSE_LOCATION_ADDRESS),
  };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL && *parts[i] != '\0')
      {
        if (text->len > 0)
          g_string_append (text, ", ");
        g_string_append (text, parts[i]);
      }
  return g_string_free (text, FALSE);
}

static char *
dup_session_location (KpSession *session)
{
  const char *parts[] = {
    kp_session_get_location_name (session),
    kp_session_get_location_room (session),
    kp_session_get_location_address (session),
  };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL && *parts[i] != '\0')
      {
        if (text->len > 0)
          g_string_append (text, ", ");
        g_string_append (text, parts[i]);
      }
  return g_string_free (text, FALSE);
}

static char *
dup_clean_text (const char *text)
{
  g_autofree char *valid = NULL;

  if (text == NULL)
    return NULL;
  valid = g_utf8_make_valid (text, -1);
  g_strstrip (valid);
  return *valid != '\0' ? g_steal_pointer (&valid) : NULL;
}

static Incoming *
read_event (KpCourse       *course,
            icalcomponent  *root,
            icalcomponent  *event,
            GError        **error)
{
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GError) local_error = NULL;
  icalproperty *prop;
  Incoming *in;
  const char *uid;
  g_autofree char *valid_uid = NULL;
  g_autofree char *quoted_uid = NULL;
  g_autofree char *summary = NULL;
  const char *course_title = kp_course_get_title (course);
  GTimeZone *tz = kp_course_get_time_zone (course);
  gint64 seconds;

  prop = icalcomponent_get_first_property (event, ICAL_UID_PROPERTY);
  uid = prop ? icalproperty_get_uid (prop) : NULL;
  if (uid == NULL || *uid == '\0')
    {
      g_set_error (error, KP_ERROR, KP_ERROR_INVALID_CALENDAR,
                   _("An event in the calendar file has no UID"));
      return NULL;
    }
  valid_uid = g_utf8_make_valid (uid, -1);
  quoted_uid = kp_quote_value (uid);

  if (icalcomponent_get_first_property (event, ICAL_RRULE_PROPERTY) != NULL ||
      icalcomponent_get_first_property (event, ICAL_RDATE_PROPERTY) != NULL ||
      icalcomponent_get_first_property (event, ICAL_RECURRENCEID_PROPERTY) != NULL)
    {
      g_set_error (error, KP_ERROR, KP_ERROR_INVALID_CALENDAR,
                   _("Event “%s” repeats; Kursplan imports each session as its own event"),
                   quoted_uid);
      return NULL;
    }

  in = g_new0 (Incoming, 1);
  in->session_id = kp_ical_dup_session_id_for_uid (course, valid_uid);

  prop = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);
  if (prop == NULL)
    {
      g_set_error (error, KP_ERROR, KP_ERROR_INVALID_CALENDAR,
                   _("Event “%s” has no start (DTSTART)"), quoted_uid);
      incoming_free (in);
      return NULL;
    }
  in->start = read_time (root, prop, icalproperty_get_dtstart (prop), tz, quoted_uid,
                         "DTSTART", error);
  if (in->start == NULL)
    {
      incoming_free (in);
      return NULL;
    }

  if ((prop = icalcomponent_get_first_property (event, ICAL_DTEND_PROPERTY)) != NULL)
    {
      end = read_time (root, prop, icalproperty_get_dtend (prop), tz, quoted_uid, "DTEND",
                       error);
      if (end == NULL)
        {
          incoming_free (in);
          return NULL;
        }
      seconds = g_date_time_difference (end, in->start) / G_TIME_SPAN_SECOND;
    }
  else if ((prop = icalcomponent_get_first_property (event, ICAL_DURATION_PROPERTY)) != NULL)
    {
      struct icaldurationtype duration = icalproperty_get_duration (prop);

      seconds = icaldurationtype_is_bad_duration (duration) || duration.is_neg
                ? -1 : icaldurationtype_as_int (duration);
    }
  else
    {
      g_set_error (error, KP_ERROR, KP_ERROR_INVALID_CALENDAR,
                   _("Event “%s” has neither an end (DTEND) nor a duration"), quoted_uid);
      incoming_free (in);
      return NULL;
    }

  if (seconds < 60)
    {
      g_set_error (error, KP_ERROR, KP_ERROR_INVALID_CALENDAR,
                   _("Event “%s” lasts less than a minute"), quoted_uid);
      incoming_free (in);
      return NULL;
    }
  /* The plan reader's rules, so that every course can be exported as a plan and read again. */
  in->minutes = (guint) MIN (seconds / 60, (gint64) G_MAXUINT);
  if (!kp_time_check_span (in->start, in->minutes, &local_error))
    {
      g_set_error (error, KP_ERROR, KP_ERROR_INVALID_CALENDAR, _("Event “%s”: %s"),
                   quoted_uid, local_error->message);
      incoming_free (in);
      return NULL;
    }

  prop = icalcomponent_get_first_property (event, ICAL_SUMMARY_PROPERTY);
  summary = dup_clean_text (prop ? icalproperty_get_summary (prop) : NULL);
  /* Our own export writes "Course: theme"; the theme is the session's title. */
  if (summary != NULL && course_title != NULL && *course_title != '\0' &&
      g_str_has_prefix (summary, course_title) &&
      g_str_has_prefix (summary + strlen (course_title), ": "))
    in->title = dup_clean_text (summary + strlen (course_title) + 2);
  else
    in->title = g_steal_pointer (&summary);

  prop = icalcomponent_get_first_property (event, ICAL_LOCATION_PROPERTY);
  in->location = dup_clean_text (prop ? icalproperty_get_location (prop) : NULL);

  prop = icalcomponent_get_first_property (event, ICAL_STATUS_PROPERTY);
  in->status = prop && icalproperty_get_status (prop) == ICAL_STATUS_CANCELLED
               ? KP_SESSION_STATUS_CANCELLED
               : KP_SESSION_STATUS_PLANNED;
  return in;
}

static void
apply (KpCourse  *course,
       Incoming  *in,
       KpSession *session)
{
  g_autofree char *course_location = dup_course_location (course);
  g_autofree char *session_location = dup_session_location (session);

  kp_session_set_title (session, in->title);
  kp_session_set_start (session, in->start);
  kp_session_set_minutes (session, in->minutes);
  kp_session_set_status (session, in->status);

  /* The file has the place as one line: keep the session's own parts when it says the same. */
  if (in->location == NULL || g_strcmp0 (in->location, course_location) == 0)
    kp_session_set_location (session, NULL, NULL, NULL);
  else if (g_strcmp0 (in->location, session_location) != 0)
    kp_session_set_location (session, in->location, NULL, NULL);
}

/**
 * kp_ical_import_bytes:
 * @course: the course the sessions belong to
 * @bytes: an iCalendar file
 * @n_added: (out) (optional): how many sessions were added
 * @n_updated: (out) (optional): how many existing sessions the file named
 *
 * Adds or updates one session per VEVENT, times converted to the course's zone. Nothing changes
 * unless the whole file is good.
 *
 * Returns: %TRUE on success
 */
gboolean
kp_ical_import_bytes (KpCourse  *course,
                      GBytes    *bytes,
                      guint     *n_added,
                      guint     *n_updated,
                      GError   **error)
{
  g_autoptr(GPtrArray) incoming = g_ptr_array_new_with_free_func (incoming_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *text = NULL;
  g_autofree char *complaint = NULL;
  icalcomponent *root, *event;
  const char *data;
  gsize size;
  guint added = 0, updated = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (KP_IS_COURSE (course), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  data = g_bytes_get_data (bytes, &size);
  if (size == 0 || memchr (data, '\0', size) != NULL || !g_utf8_validate_len (data, size, NULL))
    {
      g_set_error (error, KP_ERROR, KP_ERROR_INVALID_CALENDAR,
                   _("The file is not an iCalendar file: it is empty or not UTF-8 text"));
      return FALSE;
    }
  text = g_strndup (data, size);
  if (!check_nesting (text, error))
    return FALSE;

  root = kp_ical_parse_quietly (text, &complaint);
  if (complaint != NULL)
    {
      g_autofree char *what = quote_complaint (complaint);

      g_set_error (error, KP_ERROR, KP_ERROR_INVALID_CALENDAR,
                   _("The calendar file is malformed: %s"), what);
      if (root != NULL)
        icalcomponent_free (root);
      return FALSE;
    }
  if (root == NULL || icalcomponent_isa (root) != ICAL_VCALENDAR_COMPONENT)
    {
      g_set_error (error, KP_ERROR, KP_ERROR_INVALID_CALENDAR,
                   _("The file is not an iCalendar file: it holds no single VCALENDAR"));
      if (root != NULL)
        icalcomponent_free (root);
      return FALSE;
    }

  ok = check_errors (root, error);
  for (event = icalcomponent_get_first_component (root, ICAL_VEVENT_COMPONENT);
       ok && event != NULL;
       event = icalcomponent_get_next_component (root, ICAL_VEVENT_COMPONENT))
    {
      Incoming *in = read_event (course, root, event, error);

      if (in == NULL)
        ok = FALSE;
      else if (g_hash_table_contains (seen, in->session_id))
        {
          g_set_error (error, KP_ERROR, KP_ERROR_INVALID_CALENDAR,
                       _("The calendar file holds the same event twice"));
          incoming_free (in);
          ok = FALSE;
        }
      else
        {
          g_hash_table_add (seen, in->session_id);
          g_ptr_array_add (incoming, in);
        }
    }
  icalcomponent_free (root);

  if (!ok)
    return FALSE;
  if (incoming->len == 0)
    {
      g_set_error (error, KP_ERROR, KP_ERROR_INVALID_CALENDAR,
                   _("The calendar file holds no events"));
      return FALSE;
    }

  for (guint i = 0; i < incoming->len; i++)
    {
      Incoming *in = incoming->pdata[i];
      KpSession *session = kp_course_find_session (course, in->session_id);

      if (session != NULL)
        {
          apply (course, in, session);
          updated++;
        }
      else
        {
          g_autoptr(KpSession) fresh = kp_session_new (in->session_id);

          apply (course, in, fresh);
          kp_course_add_session (course, fresh);
          added++;
        }
    }
  kp_course_sort_sessions (course);

  if (n_added != NULL)
    *n_added = added;
  if (n_updated != NULL)
    *n_updated = updated;
  return TRUE;
}
