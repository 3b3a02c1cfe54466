/* kp-run-again-dialog.h — asks when the next run of a course should start
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kp-course.h"

G_BEGIN_DECLS

#define KP_TYPE_RUN_AGAIN_DIALOG (kp_run_again_dialog_get_type ())

G_DECLARE_FINAL_TYPE (KpRunAgainDialog, kp_run_again_dialog, KP, RUN_AGAIN_DIALOG,
                      AdwMessageDialog)

GtkWidget *kp_run_again_dialog_new      (GtkWindow        *parent,
                                         KpCourse         *course);
void       kp_run_again_dialog_get_date (KpRunAgainDialog *self,
                                         GDate            *date);
void       kp_run_again_dialog_set_date (KpRunAgainDialog *self,
                                         const GDate      *date);

G_END_DECLS
