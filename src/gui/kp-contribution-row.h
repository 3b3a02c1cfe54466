/* kp-contribution-row.h — one contribution of a session, edited in place: kind, title, who, minutes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kp-course.h"

G_BEGIN_DECLS

#define KP_TYPE_CONTRIBUTION_ROW (kp_contribution_row_get_type ())

G_DECLARE_FINAL_TYPE (KpContributionRow, kp_contribution_row, KP, CONTRIBUTION_ROW, GtkListBoxRow)

GtkWidget      *kp_contribution_row_new              (KpCourse       *course,
                                                      KpSession      *session,
                                                      KpContribution *contribution);
KpContribution *kp_contribution_row_get_contribution (KpContributionRow *self);

G_END_DECLS
