/* kp-ical-import.h — sessions from an iCalendar file: added or updated, never duplicated
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "kp-course.h"

G_BEGIN_DECLS

gboolean  kp_ical_import_bytes      (KpCourse    *course,
                                     GBytes      *bytes,
                                     guint       *n_added,
                                     guint       *n_updated,
                                     GError     **error);
char     *kp_ical_dup_session_id_for_uid (KpCourse   *course,
                                          const char *uid);

G_END_DECLS
