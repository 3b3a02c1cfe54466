/* kp-ical-export.c — a course's sessions as iCalendar (RFC 5545)
 *
 * The events are written straight into a GString: 100,000 sessions must serialise in well under
 * a second, and the bytes (escaping, folding at 75 octets between UTF-8 characters, CRLF) must
 * be exactly what the tests expect. The VTIMEZONE is built from libical components and
 * serialised by libical: a compact STANDARD/DAYLIGHT pair with yearly RRULEs derived from the
 * course zone's own GTimeZone transitions, under the plain IANA TZID (libical's built-in zones
 * carry a private TZID prefix and a century of RDATEs that clients mishandle).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-ical-export"

#include "config.h"

#include <libical/ical.h>
#include <string.h>

#include "kp-i18n.h"
#include "kp-ical-export.h"
#include "kp-time.h"

#define FOLD_OCTETS 75

/* Text without control characters or bare CRs, valid UTF-8; newlines kept as '\n'. */
static void
append_clean (GString    *out,
              const char *text,
              gboolean    escape)
{
  g_autofree char *valid = NULL;
  const guchar *p;

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  for (p = (const guchar *) text; *p != '\0'; p++)
    {
      const guchar *run = p;
      guchar c;

      /* Copy runs of ordinary bytes whole. */
      while (*p >= 0x20 && *p != 0x7f && *p != '\\' && *p != ';' && *p != ',' && *p != 0xc2)
        p++;
      if (p > run)
        g_string_append_len (out, (const char *) run, p - run);

      c = *p;
      if (c == '\0')
        break;
      if (c == '\r')
        {
          if (p[1] != '\n')
            g_string_append (out, escape ? "\\n" : " ");
          continue;
        }
      if (c == '\n')
        {
          g_string_append (out, escape ? "\\n" : " ");
          continue;
        }
      if ((c < 0x20 && c != '\t') || c == 0x7f)
        continue;
      /* C1 controls, U+0080 to U+009F */
      if (c == 0xc2)
        {
          if (p[1] >= 0x80 && p[1] <= 0x9f)
            p++;
          else
            g_string_append_c (out, c);
          continue;
        }
      if (escape && (c == '\\' || c == ';' || c == ','))
        g_string_append_c (out, '\\');
      g_string_append_c (out, c);
    }
}

/**
 * kp_ical_append_folded:
 * @out: where the line goes
 * @line: one unfolded content line, no line end
 * @length: its length in bytes, or -1
 *
 * Appends @line folded at 75 octets (never inside a UTF-8 character) with CRLF line ends.
 */
void
kp_ical_append_folded (GString    *out,
                       const char *line,
                       gssize      length)
{
  const guchar *p = (const guchar *) line;
  gsize left, room = FOLD_OCTETS;

  left = length < 0 ? strlen (line) : (gsize) length;
  while (left > room)
    {
      gsize cut = room;

      /* Back up to the first byte of a UTF-8 character. */
      while (cut > 0 && (p[cut] & 0xc0) == 0x80)
        cut--;
      if (cut == 0)
        cut = room;
      g_string_append_len (out, (const char *) p, cut);
      g_string_append_len (out, "\r\n ", 3);
      p += cut;
      left -= cut;
      room = FOLD_OCTETS - 1;
    }
  g_string_append_len (out, (const char *) p, left);
  g_string_append_len (out, "\r\n", 2);
}

/**
 * kp_ical_append_text_property:
 * @name: the property name with any parameters, "SUMMARY"
 * @text: the value as the user wrote it
 *
 * Appends `NAME:value` with the value escaped as RFC 5545 TEXT and the line folded.
 */
void
kp_ical_append_text_property (GString    *out,
                              const char *name,
                              const char *text)
{
  g_autoptr(GString) line = g_string_sized_new (128);

  g_string_append (line, name);
  g_string_append_c (line, ':');
  append_clean (line, text, TRUE);
  kp_ical_append_folded (out, line->str, line->len);
}

/**
 * kp_ical_append_param_value:
 * @text: a parameter value as the user wrote it, a name for CN
 *
 * Appends @text as a quoted parameter value: no DQUOTE (a parameter cannot hold one), no
 * control characters.
 */
void
kp_ical_append_param_value (GString    *out,
                            const char *text)
{
  g_autoptr(GString) value = g_string_new (NULL);

  append_clean (value, text, FALSE);
  g_string_replace (value, "\"", "", 0);
  g_string_append_c (out, '"');
  g_string_append (out, value->str);
  g_string_append_c (out, '"');
}

/**
 * kp_ical_append_address:
 * @email: an e-mail address
 *
 * Appends `mailto:` and @email as a CAL-ADDRESS value (ORGANIZER, ATTENDEE).
 */
void
kp_ical_append_address (GString    *out,
                        const char *email)
{
  g_string_append (out, "mailto:");
  append_clean (out, email, FALSE);
}

/* Writers share one scratch line so 100,000 events do not allocate per property. */
typedef struct
{
  GString    *out;
  GString    *line;
  GString    *text;
  char       *dtstamp;
  KpCourse   *labels_course;
  GHashTable *labels;       /* member id → how the public may see them, in labels_course */
  const KpDocLanguage *language;  /* (nullable) every course's words; NULL: each course's own */
  guint       remind_minutes;       /* a VALARM this long before each session; 0: none */
} Writer;

static void
writer_text (Writer     *w,
             const char *name,
             const char *text)
{
  g_string_truncate (w->line, 0);
  g_string_append (w->line, name);
  g_string_append_c (w->line, ':');
  append_clean (w->line, text, TRUE);
  kp_ical_append_folded (w->out, w->line->str, w->line->len);
}

static void
writer_raw (Writer     *w,
            const char *name,
            const char *value)
{
  g_string_truncate (w->line, 0);
  g_string_append (w->line, name);
  g_string_append_c (w->line, ':');
  append_clean (w->line, value, FALSE);
  kp_ical_append_folded (w->out, w->line->str, w->line->len);
}

static void
append_local_stamp (GString   *out,
                    GDateTime *time)
{
  int year, month, day;

  g_date_time_get_ymd (time, &year, &month, &day);
  g_string_append_printf (out, "%04d%02d%02dT%02d%02d%02d", year, month, day,
                          g_date_time_get_hour (time),
                          g_date_time_get_minute (time),
                          g_date_time_get_second (time));
}

static char *
dup_utc_stamp (GDateTime *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);
  int year, month, day;

  g_date_time_get_ymd (utc, &year, &month, &day);
  return g_strdup_printf ("%04d%02d%02dT%02d%02d%02dZ", year, month, day,
                          g_date_time_get_hour (utc),
                          g_date_time_get_minute (utc),
                          g_date_time_get_second (utc));
}

static void
writer_time (Writer     *w,
             const char *name,
             const char *tzid,
             GDateTime  *time)
{
  g_string_truncate (w->line, 0);
  g_string_append (w->line, name);
  g_string_append (w->line, ";TZID=");
  g_string_append (w->line, tzid);
  g_string_append_c (w->line, ':');
  append_local_stamp (w->line, time);
  kp_ical_append_folded (w->out, w->line->str, w->line->len);
}

static void
writer_init (Writer    *w,
             GString   *out,
             GDateTime *now)
{
  w->out = out;
  w->line = g_string_sized_new (256);
  w->text = g_string_sized_new (512);
  w->dtstamp = dup_utc_stamp (now);
  w->labels_course = NULL;
  w->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  w->language = NULL;
  w->remind_minutes = 0;
}

/* The words a course's events are written in: the export's language, or else the course's
 * document language, as its brochure's (kp-doc-language.c) — never the window's. */
static const KpDocLanguage *
writer_language (Writer   *w,
                 KpCourse *course)
{
  const KpDocLanguage *language = w->language;

  if (language == NULL)
    language = kp_doc_language_lookup (kp_course_get_language (course));
  return language != NULL ? language : kp_doc_language_lookup ("nb");
}

static void
writer_clear (Writer *w)
{
  g_string_free (w->line, TRUE);
  g_string_free (w->text, TRUE);
  g_free (w->dtstamp);
  g_hash_table_unref (w->labels);
}

/* Names only of members marked public; the others by role only. */
static const char *
writer_member_label (Writer     *w,
                     KpCourse   *course,
                     const char *member_id)
{
  const char *label;
  KpMember *member;

  if (w->labels_course != course)
    {
      g_hash_table_remove_all (w->labels);
      w->labels_course = course;
    }
  label = g_hash_table_lookup (w->labels, member_id);
  if (label != NULL || g_hash_table_contains (w->labels, member_id))
    return label;

  member = kp_course_find_member (course, member_id);
  if (member != NULL)
    {
      const KpDocLanguage *language = writer_language (w, course);

      label = kp_member_dup_public_label_with_role (member,
                                             kp_doc_language_get_role (language,
                                                                       kp_member_get_role (member)));
    }
  g_hash_table_insert (w->labels, g_strdup (member_id), (char *) label);
  return label;
}

/* A TZID parameter value: IANA names need no quoting, anything else is quoted. */
static char *
dup_tzid_param (const char *tzid)
{
  g_autoptr(GString) value = g_string_new (NULL);

  append_clean (value, tzid, FALSE);
  g_string_replace (value, "\"", "", 0);
  if (strpbrk (value->str, ":;,") != NULL)
    {
      g_string_prepend_c (value, '"');
      g_string_append_c (value, '"');
    }
  return g_string_free (g_steal_pointer (&value), FALSE);
}

/* ------------------------------------------------------------------------------------------
 * VTIMEZONE from GTimeZone transitions
 */

typedef struct
{
  gint64    at;          /* UTC seconds */
  gint32    from;        /* offsets in seconds */
  gint32    to;
  gboolean  dst;
  char     *name;
  /* the onset as local wall-clock time in the offset before it */
  int       year, month, day, hour, minute, second;
  int       weekday;     /* 1 Monday … 7 Sunday */
  int       ordinal;     /* 1…4, or -1 for the last in the month */
} Transition;

static void
transition_clear (gpointer data)
{
  g_free (((Transition *) data)->name);
}

static gboolean
same_interval (GTimeZone *tz,
               int        a,
               int        b)
{
  return g_time_zone_get_offset (tz, a) == g_time_zone_get_offset (tz, b) &&
         g_time_zone_is_dst (tz, a) == g_time_zone_is_dst (tz, b);
}

static int
interval_at (GTimeZone *tz,
             gint64     t)
{
  return g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, t);
}

static GArray *
find_transitions (GTimeZone *tz,
                  int        first_year,
                  int        last_year)
{
  GArray *found = g_array_new (FALSE, TRUE, sizeof (Transition));
  g_autoptr(GDateTime) start = g_date_time_new_utc (first_year, 1, 1, 0, 0, 0);
  /* GLib holds no time after 9999: a course that late is searched to the end of its year. */
  g_autoptr(GDateTime) stop = last_year < 9999
                              ? g_date_time_new_utc (last_year + 1, 1, 1, 0, 0, 0)
                              : g_date_time_new_utc (9999, 12, 31, 23, 59, 59);
  gint64 t = g_date_time_to_unix (start);
  gint64 end = g_date_time_to_unix (stop);
  int current = interval_at (tz, t);

  g_array_set_clear_func (found, transition_clear);

  /* Clocks change at most a few times a year: step by half a day, then bisect to the second. */
  for (; t < end; t += 12 * 3600)
    {
      gint64 next = MIN (t + 12 * 3600, end);
      int there = interval_at (tz, next);
      gint64 lo = t, hi = next;
      Transition tr = { 0 };
      g_autoptr(GDateTime) onset = NULL;
      int days_in_month;

      if (there == current || same_interval (tz, there, current))
        {
          current = there;
          continue;
        }

      while (hi - lo > 1)
        {
          gint64 mid = lo + (hi - lo) / 2;

          if (same_interval (tz, interval_at (tz, mid), current))
            lo = mid;
          else
            hi = mid;
        }

      tr.at = hi;
      tr.from = g_time_zone_get_offset (tz, current);
      tr.to = g_time_zone_get_offset (tz, there);
      tr.dst = g_time_zone_is_dst (tz, there);
      tr.name = g_strdup (g_time_zone_get_abbreviation (tz, there));
      onset = g_date_time_new_from_unix_utc (hi + tr.from);
      g_date_time_get_ymd (onset, &tr.year, &tr.month, &tr.day);
      tr.hour = g_date_time_get_hour (onset);
      tr.minute = g_date_time_get_minute (onset);
      tr.second = g_date_time_get_second (onset);
      tr.weekday = g_date_time_get_day_of_week (onset);
      days_in_month = g_date_get_days_in_month (tr.month, tr.year);
      tr.ordinal = tr.day + 7 > days_in_month ? -1 : (tr.day - 1) / 7 + 1;
      g_array_append_val (found, tr);
      current = there;
    }

  return found;
}

static gboolean
same_rule (const Transition *a,
           const Transition *b)
{
  return a->from == b->from && a->to == b->to && a->dst == b->dst &&
         g_strcmp0 (a->name, b->name) == 0 &&
         a->month == b->month && a->weekday == b->weekday && a->ordinal == b->ordinal &&
         a->hour == b->hour && a->minute == b->minute && a->second == b->second;
}

static icalcomponent *
new_observance (gboolean    dst,
                int         year,
                int         month,
                int         day,
                int         hour,
                int         minute,
                int         second,
                gint32      from,
                gint32      to,
                const char *name)
{
  icalcomponent *part = icalcomponent_new (dst ? ICAL_XDAYLIGHT_COMPONENT
                                               : ICAL_XSTANDARD_COMPONENT);
  struct icaltimetype onset = icaltime_null_time ();

  onset.year = year;
  onset.month = month;
  onset.day = day;
  onset.hour = hour;
  onset.minute = minute;
  onset.second = second;
  icalcomponent_add_property (part, icalproperty_new_dtstart (onset));
  icalcomponent_add_property (part, icalproperty_new_tzoffsetfrom (from));
  icalcomponent_add_property (part, icalproperty_new_tzoffsetto (to));
  if (name != NULL && *name != '\0')
    icalcomponent_add_property (part, icalproperty_new_tzname (name));
  return part;
}

static void
add_observances (icalcomponent *vtimezone,
                 GArray        *transitions,
                 guint          n_years,
                 gboolean       dst)
{
  const Transition *first = NULL;
  gboolean one_rule = TRUE;
  guint n = 0;

  for (guint i = 0; i < transitions->len; i++)
    {
      const Transition *tr = &g_array_index (transitions, Transition, i);

      if (tr->dst != dst)
        continue;
      n++;
      if (first == NULL)
        first = tr;
      else if (!same_rule (first, tr))
        one_rule = FALSE;
    }

  if (first == NULL)
    return;

  /* A yearly rule only where it held every year of the span: a zone that gave up daylight
   * saving time within it gets one observance per onset instead. */
  if (one_rule && (n == n_years || n == 1))
    {
      icalcomponent *part = new_observance (dst, first->year, first->month, first->day,
                                            first->hour, first->minute, first->second,
                                            first->from, first->to, first->name);

      if (n > 1)
        {
          struct icalrecurrencetype rule;
          /* libical's encoding of BYDAY: sign × (position × 8 + weekday), Sunday = 1 */
          int weekday = first->weekday % 7 + 1;

          icalrecurrencetype_clear (&rule);
          rule.freq = ICAL_YEARLY_RECURRENCE;
          rule.by_month[0] = first->month;
          rule.by_month[1] = ICAL_RECURRENCE_ARRAY_MAX;
          rule.by_day[0] = first->ordinal < 0 ? -(8 + weekday) : first->ordinal * 8 + weekday;
          rule.by_day[1] = ICAL_RECURRENCE_ARRAY_MAX;
          icalcomponent_add_property (part, icalproperty_new_rrule (rule));
        }
      icalcomponent_add_component (vtimezone, part);
      return;
    }

  /* The rule changed within the span: one observance per onset, still no RDATE lists. */
  for (guint i = 0; i < transitions->len; i++)
    {
      const Transition *tr = &g_array_index (transitions, Transition, i);

      if (tr->dst == dst)
        icalcomponent_add_component (vtimezone,
                                     new_observance (dst, tr->year, tr->month, tr->day,
                                                     tr->hour, tr->minute, tr->second,
                                                     tr->from, tr->to, tr->name));
    }
}

/**
 * kp_ical_dup_vtimezone:
 * @tz: the zone, with an IANA identifier
 * @first_year: the first year an event in the file falls in
 * @last_year: the last
 *
 * The year before @first_year is included, so the first event always follows an onset.
 *
 * Returns: (transfer full): the VTIMEZONE component, CRLF line ends
 */
char *
kp_ical_dup_vtimezone (GTimeZone *tz,
                       int        first_year,
                       int        last_year)
{
  g_autoptr(GArray) transitions = NULL;
  g_autofree char *tzid = NULL;
  icalcomponent *vtimezone;
  char *text;

  g_return_val_if_fail (tz != NULL, NULL);

  transitions = find_transitions (tz, first_year - 1, last_year);
  vtimezone = icalcomponent_new (ICAL_VTIMEZONE_COMPONENT);
  tzid = g_strdup (g_time_zone_get_identifier (tz));
  icalcomponent_add_property (vtimezone, icalproperty_new_tzid (tzid));

  if (transitions->len == 0)
    {
      g_autoptr(GDateTime) start = g_date_time_new_utc (first_year, 1, 1, 0, 0, 0);
      int interval = interval_at (tz, g_date_time_to_unix (start));
      gint32 offset = g_time_zone_get_offset (tz, interval);

      icalcomponent_add_component (vtimezone,
                                   new_observance (FALSE, 1970, 1, 1, 0, 0, 0, offset, offset,
                                                   g_time_zone_get_abbreviation (tz, interval)));
    }
  else
    {
      guint n_years = last_year - first_year + 2;

      add_observances (vtimezone, transitions, n_years, FALSE);
      add_observances (vtimezone, transitions, n_years, TRUE);
    }

  text = icalcomponent_as_ical_string_r (vtimezone);
  icalcomponent_free (vtimezone);
  return text;
}

/* ------------------------------------------------------------------------------------------
 * Events
 */

/* The zones the events of one file use, each with the years its events fall in. */
typedef struct
{
  GTimeZone *tz;
  int        first_year;
  int        last_year;
} ZoneSpan;

static void
zone_span_free (gpointer data)
{
  ZoneSpan *span = data;

  g_time_zone_unref (span->tz);
  g_free (span);
}

static void
note_zone (GHashTable *zones,
           GTimeZone  *tz,
           const char *tzid,
           GDateTime  *time)
{
  ZoneSpan *span = g_hash_table_lookup (zones, tzid);
  int year = g_date_time_get_year (time);

  if (span == NULL)
    {
      span = g_new0 (ZoneSpan, 1);
      span->tz = g_time_zone_ref (tz);
      span->first_year = span->last_year = year;
      g_hash_table_insert (zones, g_strdup (tzid), span);
    }
  span->first_year = MIN (span->first_year, year);
  span->last_year = MAX (span->last_year, year);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
append_zones (GString    *out,
              GHashTable *zones)
{
  g_autofree const char **ids = (const char **) g_hash_table_get_keys_as_array (zones, NULL);
  guint n = g_hash_table_size (zones);

  /* Sorted, so the same plan gives the same bytes. */
  qsort (ids, n, sizeof (char *), compare_strings);
  for (guint i = 0; i < n; i++)
    {
      ZoneSpan *span = g_hash_table_lookup (zones, ids[i]);
      g_autofree char *text = kp_ical_dup_vtimezone (span->tz, span->first_year,
                                                     span->last_year);

      g_string_append (out, text);
    }
}

static const char *
course_tzid (KpCourse *course)
{
  const char *tzid = kp_course_get_timezone (course);

  return tzid != NULL ? tzid : g_time_zone_get_identifier (kp_course_get_time_zone (course));
}

static void
append_location (GString    *text,
                 const char *name,
                 const char *room,
                 const char *address)
{
  const char *parts[] = { name, room, address };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL && *parts[i] != '\0')
      {
        if (text->len > 0)
          g_string_append (text, ", ");
        g_string_append (text, parts[i]);
      }
}

static void
course_location (KpCourse *course,
                 GString  *text)
{
  append_location (text,
                   kp_course_get_text (course, KP_COURSE_LOCATION_NAME),
                   kp_course_get_text (course, KP_COURSE_LOCATION_ROOM),
                   kp_course_get_text (course, KP_COURSE_LOCATION_ADDRESS));
}

static void
writer_summary (Writer     *w,
                KpCourse   *course,
                const char *what)
{
  const char *title = kp_course_get_title (course);

  g_string_truncate (w->text, 0);
  if (title != NULL)
    g_string_append (w->text, title);
  if (what != NULL && *what != '\0')
    {
      if (w->text->len > 0)
        g_string_append (w->text, ": ");
      g_string_append (w->text, what);
    }
  writer_text (w, "SUMMARY", w->text->str);
}

static void
writer_organizer (Writer   *w,
                  KpCourse *course)
{
  const char *email = kp_course_get_text (course, KP_COURSE_EMAIL);
  const char *cn = kp_course_get_text (course, KP_COURSE_ORGANISER);
  g_autofree char *name = NULL;

  if (email == NULL || *email == '\0')
    return;

  g_string_truncate (w->line, 0);
  g_string_append (w->line, "ORGANIZER");
  if (cn != NULL && *cn != '\0')
    {
      g_string_append (w->line, ";CN=");
      kp_ical_append_param_value (w->line, cn);
    }
  g_string_append_c (w->line, ':');
  kp_ical_append_address (w->line, email);
  kp_ical_append_folded (w->out, w->line->str, w->line->len);
}

/* A reminder on the screen (RFC 5545 §3.6.6), in the course's words. */
static void
writer_alarm (Writer     *w,
              KpCourse   *course,
              const char *what)
{
  const char *title = kp_course_get_title (course);

  g_string_append (w->out, "BEGIN:VALARM\r\n"
                           "ACTION:DISPLAY\r\n");
  g_string_append_printf (w->out, "TRIGGER:-PT%uM\r\n", w->remind_minutes);
  g_string_truncate (w->text, 0);
  g_string_append (w->text, kp_doc_language_get_label (writer_language (w, course),
                                                       KP_DOC_LABEL_REMINDER));
  g_string_append (w->text, ": ");
  g_string_append (w->text, title != NULL && *title != '\0' ? title : "");
  if (what != NULL && *what != '\0')
    {
      if (title != NULL && *title != '\0')
        g_string_append (w->text, " – ");
      g_string_append (w->text, what);
    }
  writer_text (w, "DESCRIPTION", w->text->str);
  g_string_append (w->out, "END:VALARM\r\n");
}

static void
append_session_description (Writer    *w,
                            GString   *text,
                            KpCourse  *course,
                            KpSession *session)
{
  GListModel *contributions = kp_session_get_contributions (session);
  guint n = g_list_model_get_n_items (contributions);
  const char *title = kp_session_get_title (session);
  const KpDocLanguage *language = writer_language (w, course);

  if (title != NULL)
    g_string_append (text, title);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KpContribution) c = g_list_model_get_item (contributions, i);
      const char *member_id = kp_contribution_get_member_id (c);
      const char *what = kp_contribution_get_title (c);
      const char *label = member_id ? writer_member_label (w, course, member_id) : NULL;

      g_string_append (text, i == 0 && text->len > 0 ? "\n\n" : (text->len > 0 ? "\n" : ""));
      g_string_append (text, "– ");
      g_string_append (text, kp_doc_language_get_contribution_kind (language,
                                                                    kp_contribution_get_kind (c)));
      if (what != NULL)
        {
          g_string_append (text, ": ");
          g_string_append (text, what);
        }
      if (label != NULL)
        {
          g_string_append (text, " (");
          g_string_append (text, label);
          g_string_append_c (text, ')');
        }
      if (kp_contribution_get_minutes (c) > 0)
        {
          g_string_append (text, ", ");
          /* min: the SI symbol for the minute, written so in every document language */
          g_string_append_printf (text, "%u min", kp_contribution_get_minutes (c));
        }
    }
}

static void
append_session_event (Writer     *w,
                      KpCourse   *course,
                      GTimeZone  *tz,
                      const char *tzid,
                      KpSession  *session)
{
  g_autoptr(GDateTime) start = g_date_time_to_timezone (kp_session_get_start (session), tz);
  g_autoptr(GDateTime) end = g_date_time_add_minutes (start, kp_session_get_minutes (session));
  GDateTime *modified = kp_session_get_modified (session);
  const char *url = kp_course_get_text (course, KP_COURSE_URL);
  gboolean cancelled = kp_session_get_status (session) == KP_SESSION_STATUS_CANCELLED;
  const char *join_url = kp_course_get_mode (course) != KP_COURSE_MODE_IN_PERSON
                         ? kp_session_get_join_url (session) : NULL;

  g_string_append (w->out, "BEGIN:VEVENT\r\n");
  g_string_truncate (w->text, 0);
  g_string_append (w->text, kp_session_get_id (session));
  g_string_append (w->text, "@kursplan");
  writer_raw (w, "UID", w->text->str);
  writer_raw (w, "DTSTAMP", w->dtstamp);
  writer_time (w, "DTSTART", tzid, start);
  writer_time (w, "DTEND", tzid, end);
  g_string_append_printf (w->out, "SEQUENCE:%u\r\n", kp_session_get_revision (session));
  if (modified != NULL)
    {
      g_autofree char *stamp = dup_utc_stamp (modified);

      writer_raw (w, "LAST-MODIFIED", stamp);
    }
  g_string_append (w->out, cancelled ? "STATUS:CANCELLED\r\n" : "STATUS:CONFIRMED\r\n");
  writer_summary (w, course, kp_session_get_title (session));

  g_string_truncate (w->text, 0);
  if (kp_session_has_own_location (session))
    append_location (w->text,
                     kp_session_get_location_name (session),
                     kp_session_get_location_room (session),
                     kp_session_get_location_address (session));
  else
    course_location (course, w->text);
  if (w->text->len > 0)
    writer_text (w, "LOCATION", w->text->str);

  g_string_truncate (w->text, 0);
  append_session_description (w, w->text, course, session);
  /* Said in words too: some clients show a CANCELLED event as if it happens. */
  if (cancelled)
    {
      if (w->text->len > 0)
        g_string_prepend (w->text, "\n\n");
      g_string_prepend (w->text, kp_doc_language_get_label (writer_language (w, course),
                                                            KP_DOC_LABEL_CANCELLED));
    }
  /* The video meeting, for those registered (RFC 7986 CONFERENCE; in words for clients that
   * do not show it). A public document never carries it. */
  if (join_url != NULL && !cancelled)
    {
      if (w->text->len > 0)
        g_string_append (w->text, "\n\n");
      g_string_append_printf (w->text, "%s %s",
                              kp_doc_language_get_label (writer_language (w, course),
                                                         KP_DOC_LABEL_JOIN_VIDEO),
                              join_url);
    }
  if (w->text->len > 0)
    writer_text (w, "DESCRIPTION", w->text->str);
  if (join_url != NULL && !cancelled)
    writer_raw (w, "CONFERENCE;VALUE=URI;FEATURE=VIDEO", join_url);

  if (url != NULL && *url != '\0')
    writer_raw (w, "URL", url);
  writer_organizer (w, course);
  if (w->remind_minutes > 0 && !cancelled)
    writer_alarm (w, course, kp_session_get_title (session));
  g_string_append (w->out, "END:VEVENT\r\n");
}

static void
append_calendar_head (GString    *out,
                      gboolean    publish,
                      const char *name)
{
  g_string_append (out, "BEGIN:VCALENDAR\r\n"
                        "VERSION:2.0\r\n"
                        "PRODID:-//Kursplan//Kursplan " PACKAGE_VERSION "//EN\r\n"
                        "CALSCALE:GREGORIAN\r\n");
  if (!publish)
    return;

  g_string_append (out, "METHOD:PUBLISH\r\n");
  if (name != NULL && *name != '\0')
    {
      kp_ical_append_text_property (out, "NAME", name);
      kp_ical_append_text_property (out, "X-WR-CALNAME", name);
    }
  g_string_append (out, "REFRESH-INTERVAL;VALUE=DURATION:PT12H\r\n"
                        "X-PUBLISHED-TTL:PT12H\r\n");
}

static gboolean
session_is_exported (KpSession         *session,
                     KpIcalExportFlags  flags)
{
  if (kp_session_get_start (session) == NULL)
    return FALSE;  /* not scheduled yet */
  if ((flags & KP_ICAL_EXPORT_LEAVE_OUT_CANCELLED) &&
      kp_session_get_status (session) == KP_SESSION_STATUS_CANCELLED)
    return FALSE;
  return TRUE;
}

static GBytes *
export_courses (KpCourse   * const  *courses,
                guint                n_courses,
                const KpDocLanguage *language,
                guint                remind_minutes,
                GDateTime           *now,
                KpIcalExportFlags    flags,
                const char          *name)
{
  g_autoptr(GHashTable) zones = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                       g_free, zone_span_free);
  GString *out;
  guint n_events = 0;
  Writer w;

  /* First the zones the events need, so the calendar is written once, front to back. */
  for (guint c = 0; c < n_courses; c++)
    {
      GListModel *sessions = kp_course_get_sessions (courses[c]);
      guint n = g_list_model_get_n_items (sessions);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(KpSession) session = g_list_model_get_item (sessions, i);

          if (!session_is_exported (session, flags))
            continue;
          note_zone (zones, kp_course_get_time_zone (courses[c]), course_tzid (courses[c]),
                     kp_session_get_start (session));
          n_events++;
        }
    }

  out = g_string_sized_new (4096 + (gsize) n_events * 768);
  append_calendar_head (out, TRUE, name);
  append_zones (out, zones);

  writer_init (&w, out, now);
  w.language = language;
  w.remind_minutes = remind_minutes;
  for (guint c = 0; c < n_courses; c++)
    {
      KpCourse *course = courses[c];
      GListModel *sessions = kp_course_get_sessions (course);
      GTimeZone *tz = kp_course_get_time_zone (course);
      g_autofree char *tzid = dup_tzid_param (course_tzid (course));
      guint n = g_list_model_get_n_items (sessions);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(KpSession) session = g_list_model_get_item (sessions, i);

          if (session_is_exported (session, flags))
            append_session_event (&w, course, tz, tzid, session);
        }
    }
  writer_clear (&w);

  g_string_append (out, "END:VCALENDAR\r\n");
  return g_string_free_to_bytes (out);
}

/**
 * kp_ical_export_course:
 * @now: the time of the export (DTSTAMP); the output depends on nothing else but the course
 *
 * Returns: (transfer full): the course's sessions as a published calendar
 */
GBytes *
kp_ical_export_course (KpCourse          *course,
                       GDateTime         *now,
                       KpIcalExportFlags  flags)
{
  return kp_ical_export_course_in (course, NULL, now, flags);
}

/**
 * kp_ical_export_course_in:
 * @language: (nullable): the language of every word Kursplan writes into the events (kinds of
 *   contribution, role names, "Cancelled"), or %NULL for the course's own document language
 * @now: the time of the export (DTSTAMP)
 *
 * Returns: (transfer full): the course's sessions as a published calendar
 */
GBytes *
kp_ical_export_course_in (KpCourse            *course,
                          const KpDocLanguage *language,
                          GDateTime           *now,
                          KpIcalExportFlags    flags)
{
  g_return_val_if_fail (KP_IS_COURSE (course), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  return export_courses (&course, 1, language, 0, now, flags, kp_course_get_title (course));
}

/**
 * kp_ical_export_course_reminding:
 * @language: (nullable): as kp_ical_export_course_in()
 * @remind_minutes: a reminder (VALARM, ACTION:DISPLAY) this many minutes before each session
 *   that is not cancelled, in the course's words; 0 for none
 *
 * Returns: (transfer full): the course's sessions as a published calendar
 */
GBytes *
kp_ical_export_course_reminding (KpCourse            *course,
                                 const KpDocLanguage *language,
                                 guint                remind_minutes,
                                 GDateTime           *now,
                                 KpIcalExportFlags    flags)
{
  g_return_val_if_fail (KP_IS_COURSE (course), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  return export_courses (&course, 1, language, remind_minutes, now, flags,
                         kp_course_get_title (course));
}

/**
 * kp_ical_export_courses:
 *
 * Returns: (transfer full): the sessions of every course in one published calendar
 */
GBytes *
kp_ical_export_courses (KpCourse * const  *courses,
                        guint              n_courses,
                        GDateTime         *now,
                        KpIcalExportFlags  flags)
{
  return kp_ical_export_courses_in (courses, n_courses, NULL, now, flags);
}

/**
 * kp_ical_export_courses_in:
 * @language: (nullable): the language of every course's events, or %NULL for each course's own
 *
 * The calendar is named in @language; without one, in the courses' language when they share
 * one, and in the window's when they do not.
 *
 * Returns: (transfer full): the sessions of every course in one published calendar
 */
GBytes *
kp_ical_export_courses_in (KpCourse * const   *courses,
                           guint               n_courses,
                           const KpDocLanguage *language,
                           GDateTime           *now,
                           KpIcalExportFlags    flags)
{
  const KpDocLanguage *shared = language;

  g_return_val_if_fail (courses != NULL || n_courses == 0, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  for (guint c = 0; shared == NULL && c < n_courses; c++)
    {
      if (g_strcmp0 (kp_course_get_language (courses[c]), kp_course_get_language (courses[0])) != 0)
        break;
      if (c == n_courses - 1)
        shared = kp_doc_language_lookup (kp_course_get_language (courses[0]));
    }
  return export_courses (courses, n_courses, language, 0, now, flags,
                         shared != NULL ? kp_doc_language_get_label (shared, KP_DOC_LABEL_COURSES)
                                        : _("Courses"));
}

/**
 * kp_ical_export_session_resource:
 *
 * One session as a CalDAV resource: the VEVENT and its VTIMEZONE, no METHOD (RFC 4791 §4.1).
 *
 * Returns: (transfer full) (nullable): the resource, %NULL if the session has no time yet
 */
GBytes *
kp_ical_export_session_resource (KpCourse  *course,
                                 KpSession *session,
                                 GDateTime *now)
{
  return kp_ical_export_session_resource_reminding (course, session, 0, now);
}

/**
 * kp_ical_export_session_resource_reminding:
 * @remind_minutes: as kp_ical_export_course_reminding()
 *
 * Returns: (transfer full) (nullable): the resource, %NULL if the session has no time yet
 */
GBytes *
kp_ical_export_session_resource_reminding (KpCourse  *course,
                                           KpSession *session,
                                           guint      remind_minutes,
                                           GDateTime *now)
{
  g_autoptr(GHashTable) zones = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                       g_free, zone_span_free);
  GTimeZone *tz;
  g_autofree char *tzid = NULL;
  GString *out;
  Writer w;

  g_return_val_if_fail (KP_IS_COURSE (course), NULL);
  g_return_val_if_fail (KP_IS_SESSION (session), NULL);

  if (kp_session_get_start (session) == NULL)
    return NULL;

  tz = kp_course_get_time_zone (course);
  tzid = dup_tzid_param (course_tzid (course));
  note_zone (zones, tz, course_tzid (course), kp_session_get_start (session));

  out = g_string_sized_new (2048);
  append_calendar_head (out, FALSE, NULL);
  append_zones (out, zones);
  writer_init (&w, out, now);
  w.remind_minutes = remind_minutes;
  append_session_event (&w, course, tz, tzid, session);
  writer_clear (&w);
  g_string_append (out, "END:VCALENDAR\r\n");
  return g_string_free_to_bytes (out);
}

static void
append_attendee_labels (GString             *text,
                        KpCourse            *course,
                        const KpDocLanguage *language,
                        const char * const  *attendees)
{
  gboolean first = TRUE;

  if (attendees == NULL || attendees[0] == NULL)
    return;

  if (text->len > 0)
    g_string_append (text, "\n\n");
  g_string_append (text, kp_doc_language_get_label (language, KP_DOC_LABEL_ATTENDING));
  for (guint i = 0; attendees[i] != NULL; i++)
    {
      KpMember *member = kp_course_find_member (course, attendees[i]);
      g_autofree char *label = NULL;

      if (member == NULL)
        continue;
      label = kp_member_dup_public_label_with_role (member,
                                             kp_doc_language_get_role (language,
                                                                       kp_member_get_role (member)));
      g_string_append (text, first ? " " : "; ");
      g_string_append (text, label);
      first = FALSE;
    }
}

/**
 * kp_ical_export_planning:
 *
 * The planning group's calendar: its planning meetings and the evaluation meeting.
 *
 * Returns: (transfer full): the calendar
 */
GBytes *
kp_ical_export_planning (KpCourse  *course,
                         GDateTime *now)
{
  return kp_ical_export_planning_in (course, NULL, now);
}

/**
 * kp_ical_export_planning_in:
 * @language: (nullable): the language of the meetings' names and labels, or %NULL for the
 *   course's document language
 *
 * Returns: (transfer full): the planning group's calendar
 */
GBytes *
kp_ical_export_planning_in (KpCourse            *course,
                            const KpDocLanguage *language,
                            GDateTime           *now)
{
  g_autoptr(GHashTable) zones = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                       g_free, zone_span_free);
  GListModel *meetings, *evaluations;
  GTimeZone *tz;
  g_autofree char *tzid = NULL;
  g_autofree char *name = NULL;
  GString *events = g_string_sized_new (4096);
  GString *out;
  guint n;
  Writer w;

  g_return_val_if_fail (KP_IS_COURSE (course), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  tz = kp_course_get_time_zone (course);
  tzid = dup_tzid_param (course_tzid (course));
  writer_init (&w, events, now);
  w.language = language;
  language = writer_language (&w, course);

  meetings = kp_course_get_meetings (course);
  n = g_list_model_get_n_items (meetings);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KpMeeting) meeting = g_list_model_get_item (meetings, i);
      g_autoptr(GDateTime) start = NULL;
      g_autoptr(GDateTime) end = NULL;
      const char *notes = kp_meeting_get_notes (meeting);

      if (kp_meeting_get_start (meeting) == NULL)
        continue;
      start = g_date_time_to_timezone (kp_meeting_get_start (meeting), tz);
      end = g_date_time_add_minutes (start, kp_meeting_get_minutes (meeting));
      note_zone (zones, tz, course_tzid (course), start);

      g_string_append (events, "BEGIN:VEVENT\r\n");
      g_string_truncate (w.text, 0);
      g_string_append_printf (w.text, "%s@kursplan", kp_meeting_get_id (meeting));
      writer_raw (&w, "UID", w.text->str);
      writer_raw (&w, "DTSTAMP", w.dtstamp);
      writer_time (&w, "DTSTART", tzid, start);
      writer_time (&w, "DTEND", tzid, end);
      g_string_append (events, "STATUS:CONFIRMED\r\n");
      writer_summary (&w, course, kp_doc_language_get_label (language,
                                                             KP_DOC_LABEL_PLANNING_MEETING));
      g_string_truncate (w.text, 0);
      course_location (course, w.text);
      if (w.text->len > 0)
        writer_text (&w, "LOCATION", w.text->str);
      g_string_truncate (w.text, 0);
      if (notes != NULL)
        g_string_append (w.text, notes);
      append_attendee_labels (w.text, course, language, kp_meeting_get_attendees (meeting));
      if (w.text->len > 0)
        writer_text (&w, "DESCRIPTION", w.text->str);
      writer_organizer (&w, course);
      g_string_append (events, "END:VEVENT\r\n");
    }

  evaluations = kp_course_get_evaluations (course);
  n = g_list_model_get_n_items (evaluations);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KpEvaluation) evaluation = g_list_model_get_item (evaluations, i);
      const char *notes = kp_evaluation_get_notes (evaluation);
      GDate date;

      if (kp_evaluation_get_kind (evaluation) != KP_EVALUATION_MEETING ||
          !kp_time_parse_date (kp_evaluation_get_date (evaluation), &date))
        continue;

      g_string_append (events, "BEGIN:VEVENT\r\n");
      g_string_truncate (w.text, 0);
      g_string_append_printf (w.text, "%s@kursplan", kp_evaluation_get_id (evaluation));
      writer_raw (&w, "UID", w.text->str);
      writer_raw (&w, "DTSTAMP", w.dtstamp);
      g_string_append_printf (events, "DTSTART;VALUE=DATE:%04d%02d%02d\r\n",
                              g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date));
      g_date_add_days (&date, 1);
      g_string_append_printf (events, "DTEND;VALUE=DATE:%04d%02d%02d\r\n",
                              g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date));
      g_string_append (events, "STATUS:CONFIRMED\r\n"
                               "TRANSP:TRANSPARENT\r\n");
      writer_summary (&w, course, kp_doc_language_get_label (language,
                                                             KP_DOC_LABEL_EVALUATION_MEETING));
      g_string_truncate (w.text, 0);
      course_location (course, w.text);
      if (w.text->len > 0)
        writer_text (&w, "LOCATION", w.text->str);
      g_string_truncate (w.text, 0);
      if (notes != NULL)
        g_string_append (w.text, notes);
      append_attendee_labels (w.text, course, language, kp_evaluation_get_attendees (evaluation));
      if (w.text->len > 0)
        writer_text (&w, "DESCRIPTION", w.text->str);
      writer_organizer (&w, course);
      g_string_append (events, "END:VEVENT\r\n");
    }
  writer_clear (&w);

  name = g_strdup_printf ("%s – %s",
                         kp_course_get_title (course) ? kp_course_get_title (course) : "",
                         kp_doc_language_get_label (language, KP_DOC_LABEL_PLANNING_GROUP));
  out = g_string_sized_new (events->len + 1024);
  append_calendar_head (out, TRUE, name);
  append_zones (out, zones);
  g_string_append_len (out, events->str, events->len);
  g_string_append (out, "END:VCALENDAR\r\n");
  g_string_free (events, TRUE);
  return g_string_free_to_bytes (out);
}

/**
 * kp_ical_dup_course_tzid_param:
 *
 * Returns: (transfer full): the course's zone as a TZID parameter value, quoted if it must be
 */
char *
kp_ical_dup_course_tzid_param (KpCourse *course)
{
  g_return_val_if_fail (KP_IS_COURSE (course), NULL);

  return dup_tzid_param (course_tzid (course));
}

/**
 * kp_ical_dup_session_uid:
 *
 * Returns: (transfer full): the session's iCalendar UID, which never changes
 */
char *
kp_ical_dup_session_uid (KpSession *session)
{
  g_return_val_if_fail (KP_IS_SESSION (session), NULL);

  return g_strconcat (kp_session_get_id (session), "@kursplan", NULL);
}
