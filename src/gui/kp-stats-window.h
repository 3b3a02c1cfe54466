/* kp-stats-window.h — the year's figures: per course and in total, for the centre's annual report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kp-store.h"

G_BEGIN_DECLS

#define KP_TYPE_STATS_WINDOW (kp_stats_window_get_type ())

G_DECLARE_FINAL_TYPE (KpStatsWindow, kp_stats_window, KP, STATS_WINDOW, AdwWindow)

GtkWidget  *kp_stats_window_new      (GtkWindow      *parent,
                                      KpStore        *store,
                                      int             year);
int         kp_stats_window_get_year (KpStatsWindow  *self);
void        kp_stats_window_set_year (KpStatsWindow  *self,
                                      int             year);
void        kp_stats_window_set_now  (KpStatsWindow  *self,
                                      GDateTime      *now);
GPtrArray  *kp_stats_window_get_rows (KpStatsWindow  *self);
char       *kp_stats_window_dup_cell (KpStatsWindow  *self,
                                      guint           position,
                                      guint           column);
gboolean    kp_stats_window_save_csv (KpStatsWindow  *self,
                                      GFile          *file,
                                      GError        **error);
gboolean    kp_stats_window_save_ods (KpStatsWindow  *self,
                                      GFile          *file,
                                      GError        **error);

G_END_DECLS
