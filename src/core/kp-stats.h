/* kp-stats.h — the year's figures for the centre's annual report: per course and in total, counts
 * only, never a participant
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "kp-course.h"

G_BEGIN_DECLS

typedef struct
{
  char     *course_id;
  char     *title;
  guint     sessions_held;          /* sessions of the year that ended by now, not cancelled */
  guint     registered;
  guint     attendances;            /* the sum of those sessions' attendance counts */
  guint     user_contributions;     /* by user representatives, experience consultants, peers */
  guint     professional_contributions;
  /* 1 or 0 for a course; in the totals, how many courses */
  guint     users_planning;         /* a user took part in a planning meeting */
  guint     users_running;          /* a user contributed to a session */
  guint     users_evaluation;       /* a user attended the evaluation meeting */
  guint     courses;                /* 1 when the course held a session; in the totals, how many */
  guint     sessions_planned;       /* sessions of the year not cancelled that have not ended */
  char     *term;                   /* "autumn 2027", from the first session: tells runs apart */
  guint     sessions_cancelled;     /* sessions of the year that were cancelled */
  char     *partners;               /* the plan's partners (a municipality…), "; " between */
} KpStatsRow;

void        kp_stats_row_free           (KpStatsRow  *row);
KpStatsRow *kp_stats_row_new_for_course (KpCourse    *course,
                                         int          year,
                                         GDateTime   *now);
KpStatsRow *kp_stats_dup_totals         (GPtrArray   *rows);
char       *kp_stats_format_csv         (GPtrArray   *rows);
GBytes     *kp_stats_format_ods         (GPtrArray   *rows,
                                         int          year);
char       *kp_stats_format_table       (GPtrArray   *rows,
                                         int          year);
gboolean    kp_stats_role_is_user       (KpRole       role);
void        kp_stats_planning_minutes   (KpCourse    *course,
                                         guint       *professional_minutes,
                                         guint       *user_minutes);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KpStatsRow, kp_stats_row_free)

G_END_DECLS
