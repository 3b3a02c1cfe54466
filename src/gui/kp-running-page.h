/* kp-running-page.h — the running step: how many came to each session, and a note after it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kp-course.h"

G_BEGIN_DECLS

#define KP_TYPE_RUNNING_PAGE (kp_running_page_get_type ())

G_DECLARE_FINAL_TYPE (KpRunningPage, kp_running_page, KP, RUNNING_PAGE, GtkWidget)

GtkWidget *kp_running_page_new        (void);
KpCourse  *kp_running_page_get_course (KpRunningPage *self);
void       kp_running_page_set_course (KpRunningPage *self,
                                       KpCourse      *course);

G_END_DECLS
