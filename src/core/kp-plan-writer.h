/* kp-plan-writer.h — writes a course-plan file (.kursplan.json)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "kp-course.h"

G_BEGIN_DECLS

char     *kp_plan_write      (KpCourse    *course,
                              gsize       *length);
gboolean  kp_plan_write_file (KpCourse    *course,
                              const char  *path,
                              GError     **error);

G_END_DECLS
