/* kp-group-page.h — step 2: the planning group, its meetings and the hours each side gives
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kp-course.h"

G_BEGIN_DECLS

#define KP_TYPE_GROUP_PAGE (kp_group_page_get_type ())

G_DECLARE_FINAL_TYPE (KpGroupPage, kp_group_page, KP, GROUP_PAGE, GtkWidget)

GtkWidget *kp_group_page_new        (void);
KpCourse  *kp_group_page_get_course (KpGroupPage *self);
void       kp_group_page_set_course (KpGroupPage *self,
                                     KpCourse    *course);
KpMember  *kp_group_page_add_member (KpGroupPage *self);
KpMeeting *kp_group_page_add_meeting (KpGroupPage *self);
void       kp_group_page_remove_member (KpGroupPage *self,
                                        KpMember    *member);
gboolean   kp_group_page_parse_hours (const char  *text,
                                      guint       *minutes,
                                      char       **message);

G_END_DECLS
