/* kp-time.h — local wall-clock times in a named zone, as the course plan keeps them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define KP_DEFAULT_TIMEZONE "Europe/Oslo"

/* The years a course's times may fall in, and the longest session, meeting or contribution:
 * one set of rules for the plan reader, the iCalendar importer and the window. */
#define KP_TIME_MIN_YEAR    1900
#define KP_TIME_MAX_YEAR    9999
#define KP_TIME_MAX_MINUTES (24 * 60)

GTimeZone *kp_time_zone_new        (const char  *tzid,
                                    GError     **error);
GDateTime *kp_time_new_local       (GTimeZone   *tz,
                                    int          year,
                                    int          month,
                                    int          day,
                                    int          hour,
                                    int          minute,
                                    GError     **error);
GDateTime *kp_time_parse_local     (const char  *text,
                                    GTimeZone   *tz,
                                    GError     **error);
char      *kp_time_format_local    (GDateTime   *time);
GDateTime *kp_time_add_days_local  (GDateTime   *time,
                                    int          days,
                                    GError     **error);
gboolean   kp_time_parse_date      (const char  *text,
                                    GDate       *date);
gboolean   kp_time_check_span      (GDateTime   *start,
                                    guint        minutes,
                                    GError     **error);
char      *kp_time_format_term     (GDateTime   *time);

G_END_DECLS
