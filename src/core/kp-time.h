/* kp-time.h — local wall-clock times in a named zone, as the course plan keeps them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define KP_DEFAULT_TIMEZONE "Europe/Oslo"

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
char      *kp_time_format_term     (GDateTime   *time);

G_END_DECLS
