/* kp-course-cancel.h — a course cancelled (avlyst): the sessions not yet held cancelled with it,
 * kept so that the cancellation can be undone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kp-course.h"

G_BEGIN_DECLS

typedef struct _KpCourseCancellation KpCourseCancellation;

guint                 kp_course_count_cancellable            (KpCourse             *course,
                                                              GDateTime            *now);
KpCourseCancellation *kp_course_cancel                       (KpCourse             *course,
                                                              const char           *reason,
                                                              GDateTime            *now,
                                                              GError              **error);
const char           *kp_course_cancellation_get_course_id   (KpCourseCancellation *self);
guint                 kp_course_cancellation_get_n_sessions  (KpCourseCancellation *self);
gboolean              kp_course_cancellation_undo            (KpCourseCancellation *self,
                                                              KpCourse             *course);
void                  kp_course_cancellation_free            (KpCourseCancellation *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KpCourseCancellation, kp_course_cancellation_free)

G_END_DECLS
