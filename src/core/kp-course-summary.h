/* kp-course-summary.h — one row of the course list: what the catalogue shows without loading
 * the whole course
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "kp-enums.h"

G_BEGIN_DECLS

#define KP_TYPE_COURSE_SUMMARY (kp_course_summary_get_type ())

G_DECLARE_FINAL_TYPE (KpCourseSummary, kp_course_summary, KP, COURSE_SUMMARY, GObject)

/* A start time that is not there: no session has a time. */
#define KP_COURSE_SUMMARY_NO_TIME G_MININT64

KpCourseSummary *kp_course_summary_new_from_unix    (const char      *id,
                                                     const char      *title,
                                                     const char      *subtitle,
                                                     KpCourseStatus   status,
                                                     const char      *language,
                                                     GTimeZone       *zone,
                                                     gint64           first_start,
                                                     gint64           last_start,
                                                     guint            n_sessions,
                                                     guint            checks_met,
                                                     guint            checks_total);
KpCourseSummary *kp_course_summary_new              (const char      *id,
                                                     const char      *title,
                                                     const char      *subtitle,
                                                     KpCourseStatus   status,
                                                     const char      *language,
                                                     GDateTime       *first_start,
                                                     GDateTime       *last_start,
                                                     guint            n_sessions,
                                                     guint            checks_met,
                                                     guint            checks_total);
const char      *kp_course_summary_get_id           (KpCourseSummary *self);
const char      *kp_course_summary_get_title        (KpCourseSummary *self);
const char      *kp_course_summary_get_subtitle     (KpCourseSummary *self);
KpCourseStatus   kp_course_summary_get_status       (KpCourseSummary *self);
const char      *kp_course_summary_get_language     (KpCourseSummary *self);
GDateTime       *kp_course_summary_get_first_start  (KpCourseSummary *self);
GDateTime       *kp_course_summary_get_last_start   (KpCourseSummary *self);
guint            kp_course_summary_get_n_sessions   (KpCourseSummary *self);
guint            kp_course_summary_get_checks_met   (KpCourseSummary *self);
guint            kp_course_summary_get_checks_total (KpCourseSummary *self);
int              kp_course_summary_compare          (KpCourseSummary *a,
                                                     KpCourseSummary *b);

G_END_DECLS
