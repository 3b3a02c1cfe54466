/* kp-evaluation-summary.h — what the forms' counts say: answers, means in Norwegian notation,
 * distributions, midway against final
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "kp-course.h"

G_BEGIN_DECLS

guint         kp_evaluation_summary_count_answers (const guint  *counts);
gboolean      kp_evaluation_summary_get_tenths    (const guint  *counts,
                                                   guint        *tenths);
char         *kp_evaluation_summary_format_mean   (const guint  *counts);
void          kp_evaluation_summary_get_shares    (const guint  *counts,
                                                   double       *shares);
KpEvaluation *kp_evaluation_summary_find          (KpCourse     *course,
                                                   KpEvaluationKind kind);
char         *kp_evaluation_summary_format_change (KpCourse     *course,
                                                   const char   *question);

G_END_DECLS
