/* kp-course-copy.h — a whole copy of a course under new identities, to run it again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kp-course.h"

G_BEGIN_DECLS

KpCourse *kp_course_duplicate (KpCourse *course);

G_END_DECLS
