/* kp-report.h — the evaluation report for the centre and the planning group, as a tagged PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kp-course.h"

G_BEGIN_DECLS

GBytes *kp_report_render_pdf (KpCourse   *course,
                              GDateTime  *now,
                              GError    **error);

G_END_DECLS
