/* kp-evaluation-page.h — the evaluation step: the plan, the forms' results as charts, the
 * evaluation meeting and its actions, the printable forms and the report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kp-course.h"

G_BEGIN_DECLS

#define KP_TYPE_EVALUATION_PAGE (kp_evaluation_page_get_type ())

G_DECLARE_FINAL_TYPE (KpEvaluationPage, kp_evaluation_page, KP, EVALUATION_PAGE, AdwBin)

GtkWidget *kp_evaluation_page_new            (void);
KpCourse  *kp_evaluation_page_get_course     (KpEvaluationPage  *self);
void       kp_evaluation_page_set_course     (KpEvaluationPage  *self,
                                              KpCourse          *course);
gboolean   kp_evaluation_page_save_form      (KpEvaluationPage  *self,
                                              KpEvaluationKind   kind,
                                              GFile             *file,
                                              GError           **error);
gboolean   kp_evaluation_page_save_report    (KpEvaluationPage  *self,
                                              GFile             *file,
                                              GError           **error);

G_END_DECLS
