/* kp-sessions-page.h — the sessions step: the course's timetable, to add to, edit and move
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kp-course.h"

G_BEGIN_DECLS

#define KP_TYPE_SESSIONS_PAGE (kp_sessions_page_get_type ())

G_DECLARE_FINAL_TYPE (KpSessionsPage, kp_sessions_page, KP, SESSIONS_PAGE, GtkWidget)

GtkWidget *kp_sessions_page_new        (void);
KpCourse  *kp_sessions_page_get_course (KpSessionsPage *self);
void       kp_sessions_page_set_course (KpSessionsPage *self,
                                        KpCourse       *course);

G_END_DECLS
