/* kp-session-row.h — one session in the timetable: its summary, warnings, and its fields to edit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kp-course.h"

G_BEGIN_DECLS

#define KP_TYPE_SESSION_ROW (kp_session_row_get_type ())

G_DECLARE_FINAL_TYPE (KpSessionRow, kp_session_row, KP, SESSION_ROW, AdwExpanderRow)

GtkWidget *kp_session_row_new         (KpCourse     *course,
                                       KpSession    *session);
KpSession *kp_session_row_get_session (KpSessionRow *self);
void       kp_session_row_refresh     (KpSessionRow *self);
char      *kp_session_row_dup_warning (KpSessionRow *self);

/* Shared with the running step, which names sessions the same way. */
char      *kp_session_format_day      (GDateTime    *time);
char      *kp_session_format_span     (KpSession    *session);

G_END_DECLS
