/* kp-file.h — reading a file the user names, bounded in size and never blocking
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Far more than any course plan or calendar of a course (a plan with 10,000 sessions is ~3 MB). */
#define KP_FILE_MAX_SIZE (64 * 1024 * 1024)

GBytes *kp_file_read (const char  *path,
                      gsize        max_size,
                      GError     **error);

G_END_DECLS
