/* kp-ical-export.h — a course's sessions as iCalendar (RFC 5545), the same bytes for the same plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "kp-course.h"
#include "kp-doc-language.h"

G_BEGIN_DECLS

typedef enum
{
  KP_ICAL_EXPORT_DEFAULT             = 0,
  KP_ICAL_EXPORT_LEAVE_OUT_CANCELLED = 1 << 0,  /* some clients show CANCELLED as if it happens */
} KpIcalExportFlags;

GBytes *kp_ical_export_course           (KpCourse           *course,
                                         GDateTime          *now,
                                         KpIcalExportFlags   flags);
GBytes *kp_ical_export_courses          (KpCourse   * const *courses,
                                         guint               n_courses,
                                         GDateTime          *now,
                                         KpIcalExportFlags   flags);
GBytes *kp_ical_export_planning         (KpCourse           *course,
                                         GDateTime          *now);
GBytes *kp_ical_export_course_in        (KpCourse            *course,
                                         const KpDocLanguage *language,
                                         GDateTime           *now,
                                         KpIcalExportFlags    flags);
GBytes *kp_ical_export_courses_in       (KpCourse   * const  *courses,
                                         guint                n_courses,
                                         const KpDocLanguage *language,
                                         GDateTime           *now,
                                         KpIcalExportFlags    flags);
GBytes *kp_ical_export_planning_in      (KpCourse            *course,
                                         const KpDocLanguage *language,
                                         GDateTime           *now);
GBytes *kp_ical_export_session_resource (KpCourse           *course,
                                         KpSession          *session,
                                         GDateTime          *now);
GBytes *kp_ical_export_course_reminding (KpCourse            *course,
                                         const KpDocLanguage *language,
                                         guint                remind_minutes,
                                         GDateTime           *now,
                                         KpIcalExportFlags    flags);
GBytes *kp_ical_export_session_resource_reminding (KpCourse  *course,
                                                   KpSession *session,
                                                   guint      remind_minutes,
                                                   GDateTime *now);
char   *kp_ical_dup_session_uid         (KpSession          *session);

/* The parts, for tests and for writers of other iCalendar objects. */
void    kp_ical_append_text_property    (GString            *out,
                                         const char         *name,
                                         const char         *text);
void    kp_ical_append_folded           (GString            *out,
                                         const char         *line,
                                         gssize              length);
char   *kp_ical_dup_vtimezone           (GTimeZone          *tz,
                                         int                 first_year,
                                         int                 last_year);
void    kp_ical_append_param_value      (GString            *out,
                                         const char         *text);
void    kp_ical_append_address          (GString            *out,
                                         const char         *email);
char   *kp_ical_dup_course_tzid_param   (KpCourse           *course);

G_END_DECLS
