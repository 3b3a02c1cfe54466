/* kp-plan-reader.h — reads a course-plan file (.kursplan.json), validating all of it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "kp-course.h"

G_BEGIN_DECLS

/* What a course-plan file says it is, and the newest version this build reads and writes. */
#define KP_PLAN_FORMAT  "kursplan/course-plan"
#define KP_PLAN_VERSION 1

KpCourse *kp_plan_read_bytes (GBytes      *bytes,
                              GPtrArray   *warnings,
                              GError     **error);
KpCourse *kp_plan_read_file  (const char  *path,
                              GPtrArray   *warnings,
                              GError     **error);
KpCourse *kp_plan_read_bytes_at (GBytes      *bytes,
                                 GDateTime   *now,
                                 GPtrArray   *warnings,
                                 GError     **error);
KpCourse *kp_plan_read_file_at  (const char  *path,
                                 GDateTime   *now,
                                 GPtrArray   *warnings,
                                 GError     **error);

G_END_DECLS
