/* kp-evaluation-summary.h — what the forms' counts say: answers, means in Norwegian notation,
 * distributions, midway against final
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "kp-course.h"

G_BEGIN_DECLS

guint         kp_evaluation_summary_count_answers (const guint  *counts,
                                                   KpEvaluationScale scale);
gboolean      kp_evaluation_summary_get_tenths    (const guint  *counts,
                                                   KpEvaluationScale scale,
                                                   guint        *tenths);
char         *kp_evaluation_summary_format_mean   (const guint  *counts,
                                                   KpEvaluationScale scale);
gboolean      kp_evaluation_summary_get_median_halves (const guint *counts,
                                                       KpEvaluationScale scale,
                                                       guint       *halves);
char         *kp_evaluation_summary_format_median (const guint  *counts,
                                                   KpEvaluationScale scale);
char         *kp_evaluation_summary_format_distribution (const guint *counts,
                                                         KpEvaluationScale scale);
const char   *kp_evaluation_summary_get_scale_label (KpEvaluationScale scale);
void          kp_evaluation_summary_get_shares    (const guint  *counts,
                                                   KpEvaluationScale scale,
                                                   double       *shares);
KpEvaluation *kp_evaluation_summary_find          (KpCourse     *course,
                                                   KpEvaluationKind kind);
char         *kp_evaluation_summary_format_change (KpCourse     *course,
                                                   const char   *question);
char         *kp_evaluation_summary_format_median_change (KpCourse   *course,
                                                          const char *question);

G_END_DECLS
