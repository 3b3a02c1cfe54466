/* kp-need-page.h — step 1: the need for the course, its target group and its anchoring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kp-course.h"

G_BEGIN_DECLS

#define KP_TYPE_NEED_PAGE (kp_need_page_get_type ())

G_DECLARE_FINAL_TYPE (KpNeedPage, kp_need_page, KP, NEED_PAGE, GtkWidget)

GtkWidget *kp_need_page_new        (void);
KpCourse  *kp_need_page_get_course (KpNeedPage *self);
void       kp_need_page_set_course (KpNeedPage *self,
                                    KpCourse   *course);

G_END_DECLS
