/* kp-course-move.h — moving a course's sessions to new dates, keeping the weekly rhythm
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kp-course.h"

G_BEGIN_DECLS

gboolean kp_course_move_sessions (KpCourse     *course,
                                  int           days,
                                  GError      **error);
gboolean kp_course_move_to       (KpCourse     *course,
                                  const GDate  *first_day,
                                  GError      **error);

G_END_DECLS
