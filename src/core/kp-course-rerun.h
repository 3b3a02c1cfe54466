/* kp-course-rerun.h — "Run again": the next run of a course, with the same plan on new dates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kp-course.h"

G_BEGIN_DECLS

KpCourse *kp_course_rerun (KpCourse     *course,
                           const GDate  *start,
                           GDateTime    *now,
                           GError      **error);

G_END_DECLS
