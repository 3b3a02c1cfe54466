/* kp-course-view.h — one course, step by step through Standard metode
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kp-course.h"
#include "kp-method.h"

G_BEGIN_DECLS

#define KP_TYPE_COURSE_VIEW (kp_course_view_get_type ())

G_DECLARE_FINAL_TYPE (KpCourseView, kp_course_view, KP, COURSE_VIEW, GtkWidget)

GtkWidget *kp_course_view_new          (void);
KpCourse  *kp_course_view_get_course   (KpCourseView *self);
void       kp_course_view_set_course   (KpCourseView *self,
                                        KpCourse     *course);
KpStep     kp_course_view_get_step     (KpCourseView *self);
void       kp_course_view_set_step     (KpCourseView *self,
                                        KpStep        step);
GtkWidget *kp_course_view_get_page     (KpCourseView *self,
                                        KpStep        step);
void       kp_course_view_refresh_checks (KpCourseView *self);

G_END_DECLS
