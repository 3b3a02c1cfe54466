/* kp-time.c — parsing and checking local times: a date that does not exist or a time that the
 * spring-forward gap skips is an error, never silently moved
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-time"

#include "config.h"

#include <string.h>

#include <stdio.h>

#include "kp-error.h"
#include "kp-i18n.h"
#include "kp-quote.h"
#include "kp-time.h"

/**
 * kp_time_zone_new:
 * @tzid: an IANA zone name such as "Europe/Oslo"
 *
 * Returns: (transfer full) (nullable): the zone, or %NULL with @error set if the system does
 *   not know it
 */
GTimeZone *
kp_time_zone_new (const char  *tzid,
                  GError     **error)
{
  GTimeZone *tz = NULL;

  if (tzid != NULL && *tzid != '\0' && g_utf8_validate (tzid, -1, NULL))
    tz = g_time_zone_new_identifier (tzid);

  if (tz == NULL)
    {
      g_autofree char *quoted = kp_quote_value (tzid);

      g_set_error (error, KP_ERROR, KP_ERROR_INVALID_VALUE,
                   _("“%s” is not a known time zone"), quoted);
    }
  return tz;
}

GDateTime *
kp_time_new_local (GTimeZone  *tz,
                   int         year,
                   int         month,
                   int         day,
                   int         hour,
                   int         minute,
                   GError    **error)
{
  g_autoptr(GDateTime) time = NULL;

  if (!g_date_valid_dmy (day, month, year) || year < KP_TIME_MIN_YEAR || year > KP_TIME_MAX_YEAR)
    {
      g_set_error (error, KP_ERROR, KP_ERROR_INVALID_VALUE,
                   _("%04d-%02d-%02d is not a date that exists"), year, month, day);
      return NULL;
    }

  if (hour < 0 || hour > 23 || minute < 0 || minute > 59)
    {
      g_set_error (error, KP_ERROR, KP_ERROR_INVALID_VALUE,
                   _("%02d:%02d is not a time of day"), hour, minute);
      return NULL;
    }

  time = g_date_time_new (tz, year, month, day, hour, minute, 0);

  /* GLib moves a time inside a clock-change gap; a plan must say a time that happens. */
  if (time == NULL ||
      g_date_time_get_year (time) != year ||
      g_date_time_get_month (time) != month ||
      g_date_time_get_day_of_month (time) != day ||
      g_date_time_get_hour (time) != hour ||
      g_date_time_get_minute (time) != minute)
    {
      g_set_error (error, KP_ERROR, KP_ERROR_INVALID_VALUE,
                   _("%04d-%02d-%02d %02d:%02d does not exist in %s: the clocks skip it"),
                   year, month, day, hour, minute, g_time_zone_get_identifier (tz));
      return NULL;
    }

  return g_steal_pointer (&time);
}

/**
 * kp_time_parse_local:
 * @text: "YYYY-MM-DDTHH:MM", no offset
 * @tz: the zone the time is wall-clock time in
 *
 * Returns: (transfer full) (nullable): the time in @tz
 */
GDateTime *
kp_time_parse_local (const char  *text,
                     GTimeZone   *tz,
                     GError     **error)
{
  int year, month, day, hour, minute;
  char tail;

  if (text == NULL ||
      strlen (text) != 16 ||
      sscanf (text, "%4d-%2d-%2dT%2d:%2d%c", &year, &month, &day, &hour, &minute, &tail) != 5 ||
      text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' ||
      !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[5]) || !g_ascii_isdigit (text[8]) ||
      !g_ascii_isdigit (text[11]) || !g_ascii_isdigit (text[14]))
    {
      g_set_error (error, KP_ERROR, KP_ERROR_INVALID_VALUE,
                   _("not a date-time of the form YYYY-MM-DDTHH:MM"));
      return NULL;
    }

  return kp_time_new_local (tz, year, month, day, hour, minute, error);
}

/**
 * kp_time_format_local:
 *
 * Returns: (transfer full): @time as "YYYY-MM-DDTHH:MM" in its own zone
 */
char *
kp_time_format_local (GDateTime *time)
{
  g_return_val_if_fail (time != NULL, NULL);

  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d",
                          g_date_time_get_year (time),
                          g_date_time_get_month (time),
                          g_date_time_get_day_of_month (time),
                          g_date_time_get_hour (time),
                          g_date_time_get_minute (time));
}

/**
 * kp_time_add_days_local:
 * @time: a wall-clock time in its zone
 * @days: how many days later (or earlier, when negative)
 *
 * The same wall-clock time @days later in the same zone: 18:00 stays 18:00 across a clock
 * change, where adding 24-hour days would give 17:00 or 19:00.
 *
 * Returns: (transfer full) (nullable): the moved time, or %NULL with @error set when the clocks
 *   skip that time on the new day
 */
GDateTime *
kp_time_add_days_local (GDateTime  *time,
                        int         days,
                        GError    **error)
{
  g_autoptr(GDateTime) moved = NULL;
  g_autoptr(GTimeZone) tz = NULL;

  g_return_val_if_fail (time != NULL, NULL);

  moved = g_date_time_add_days (time, days);
  tz = g_time_zone_ref (g_date_time_get_timezone (time));
  return kp_time_new_local (tz, g_date_time_get_year (moved), g_date_time_get_month (moved),
                            g_date_time_get_day_of_month (moved), g_date_time_get_hour (time),
                            g_date_time_get_minute (time), error);
}

/* "YYYY-MM-DD" that names a real day. */
gboolean
kp_time_parse_date (const char *text,
                    GDate      *date)
{
  int year, month, day;
  char tail;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-' ||
      !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[5]) || !g_ascii_isdigit (text[8]) ||
      sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &tail) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;

  if (date != NULL)
    g_date_set_dmy (date, day, month, year);
  return TRUE;
}

/**
 * kp_time_check_span:
 * @start: (nullable): when a session or meeting starts, in its zone; %NULL when not set
 * @minutes: how long it lasts; 0 when not set
 *
 * The rules every way into a course keeps (plan import, iCalendar import, the window): at most
 * %KP_TIME_MAX_MINUTES long, starting and ending within the years %KP_TIME_MIN_YEAR to
 * %KP_TIME_MAX_YEAR, so that every file Kursplan writes can be read again. A wall-clock time the
 * clocks skip is refused where it is made, by kp_time_new_local().
 *
 * Returns: %TRUE when the span keeps the rules, or %FALSE with @error set to
 *   %KP_ERROR_INVALID_VALUE
 */
gboolean
kp_time_check_span (GDateTime  *start,
                    guint       minutes,
                    GError    **error)
{
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GDateTime) end_utc = NULL;

  if (minutes > KP_TIME_MAX_MINUTES)
    {
      g_set_error (error, KP_ERROR, KP_ERROR_INVALID_VALUE,
                   _("lasts %u minutes; a session or meeting lasts at most %u minutes (a day)"),
                   minutes, (guint) KP_TIME_MAX_MINUTES);
      return FALSE;
    }
  if (start == NULL)
    return TRUE;

  if (g_date_time_get_year (start) < KP_TIME_MIN_YEAR ||
      g_date_time_get_year (start) > KP_TIME_MAX_YEAR)
    {
      g_set_error (error, KP_ERROR, KP_ERROR_INVALID_VALUE,
                   _("starts outside the years %d–%d"), KP_TIME_MIN_YEAR, KP_TIME_MAX_YEAR);
      return FALSE;
    }

  /* West of Greenwich the last evening of 9999 is already the year 10000 in UTC, which GLib
   * (and so every calendar Kursplan writes) cannot hold. */
  end = g_date_time_add_minutes (start, minutes);
  if (end != NULL)
    end_utc = g_date_time_to_utc (end);
  if (end_utc == NULL || g_date_time_get_year (end) > KP_TIME_MAX_YEAR)
    {
      g_set_error (error, KP_ERROR, KP_ERROR_INVALID_VALUE,
                   _("ends after the year %d"), KP_TIME_MAX_YEAR);
      return FALSE;
    }
  return TRUE;
}

/**
 * kp_time_format_term:
 * @time: (nullable): when a course's first session starts
 *
 * The half-year a course runs in, as centres publish their course catalogue: spring is January
 * to June, autumn July to December. It tells a course from its next run, which shares its title.
 *
 * Returns: (transfer full) (nullable): "spring 2027" or "autumn 2027" in the language of the
 *   interface (Bokmål "vår 2027", "høst 2027"), or %NULL for a course without a dated session
 */
char *
kp_time_format_term (GDateTime *time)
{
  if (time == NULL)
    return NULL;
  if (g_date_time_get_month (time) <= 6)
    /* Translators: the spring half-year of a course catalogue, beside a course's title; %d is
     * the year. Bokmål and Nynorsk "vår %d" */
    return g_strdup_printf (_("spring %d"), g_date_time_get_year (time));
  /* Translators: the autumn half-year of a course catalogue, beside a course's title; %d is
   * the year. Bokmål "høst %d", Nynorsk "haust %d" */
  return g_strdup_printf (_("autumn %d"), g_date_time_get_year (time));
}
