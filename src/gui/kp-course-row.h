/* kp-course-row.h — one course in the sidebar: title, dates, status and method progress
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "kp-course-summary.h"

G_BEGIN_DECLS

#define KP_TYPE_COURSE_ROW (kp_course_row_get_type ())

G_DECLARE_FINAL_TYPE (KpCourseRow, kp_course_row, KP, COURSE_ROW, GtkWidget)

GtkWidget       *kp_course_row_new          (void);
KpCourseSummary *kp_course_row_get_summary  (KpCourseRow     *self);
void             kp_course_row_set_summary  (KpCourseRow     *self,
                                             KpCourseSummary *summary);
const char      *kp_course_row_get_dates    (KpCourseRow     *self);
const char      *kp_course_row_get_term     (KpCourseRow     *self);
char            *kp_course_row_format_dates (GDateTime       *first,
                                             GDateTime       *last);

G_END_DECLS
