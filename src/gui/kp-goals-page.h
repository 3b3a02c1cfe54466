/* kp-goals-page.h — step 3: goals and content, the six elements of the didactic relation model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kp-course.h"

G_BEGIN_DECLS

#define KP_TYPE_GOALS_PAGE (kp_goals_page_get_type ())

G_DECLARE_FINAL_TYPE (KpGoalsPage, kp_goals_page, KP, GOALS_PAGE, GtkWidget)

GtkWidget *kp_goals_page_new        (void);
KpCourse  *kp_goals_page_get_course (KpGoalsPage *self);
void       kp_goals_page_set_course (KpGoalsPage *self,
                                     KpCourse    *course);
GtkWidget *kp_goals_page_add_goal   (KpGoalsPage *self);
gboolean   kp_goals_page_set_capacity (KpGoalsPage *self,
                                       int          min,
                                       int          max);

G_END_DECLS
