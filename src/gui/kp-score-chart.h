/* kp-score-chart.h — one question's answers as bars: the midway form beside the final one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "kp-enums.h"

G_BEGIN_DECLS

#define KP_TYPE_SCORE_CHART (kp_score_chart_get_type ())

G_DECLARE_FINAL_TYPE (KpScoreChart, kp_score_chart, KP, SCORE_CHART, GtkWidget)

GtkWidget  *kp_score_chart_new          (void);
void        kp_score_chart_set_counts   (KpScoreChart *self,
                                         KpEvaluationScale scale,
                                         const guint  *midway,
                                         const guint  *final);
const char *kp_score_chart_get_summary  (KpScoreChart *self);

G_END_DECLS
