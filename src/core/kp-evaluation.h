/* kp-evaluation.h — the participants' forms (midway, final) or the group's evaluation meeting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "kp-enums.h"

G_BEGIN_DECLS

#define KP_TYPE_EVALUATION (kp_evaluation_get_type ())
#define KP_SCALE_POINTS 5       /* the points of the 1–5 scale */
#define KP_SCALE_MAX_POINTS 11  /* the most a scale has: 0–10 */

G_DECLARE_FINAL_TYPE (KpEvaluation, kp_evaluation, KP, EVALUATION, GObject)

guint               kp_evaluation_scale_get_n_points (KpEvaluationScale  scale);
guint               kp_evaluation_scale_get_lowest  (KpEvaluationScale  scale);

KpEvaluation       *kp_evaluation_new               (const char         *id,
                                                     KpEvaluationKind    kind);
const char         *kp_evaluation_get_id            (KpEvaluation       *self);
KpEvaluationKind    kp_evaluation_get_kind          (KpEvaluation       *self);
guint               kp_evaluation_get_after_session (KpEvaluation       *self);
void                kp_evaluation_set_after_session (KpEvaluation       *self,
                                                     guint               session_number);
guint               kp_evaluation_get_responses     (KpEvaluation       *self);
void                kp_evaluation_set_responses     (KpEvaluation       *self,
                                                     guint               responses);
KpEvaluationScale   kp_evaluation_get_scale         (KpEvaluation       *self);
gboolean            kp_evaluation_set_scale         (KpEvaluation       *self,
                                                     KpEvaluationScale   scale);
guint               kp_evaluation_get_n_points      (KpEvaluation       *self);
gboolean            kp_evaluation_has_counts        (KpEvaluation       *self);
/* Who answered, as counts only: the form's optional "patient or relative?" */
guint               kp_evaluation_get_patients      (KpEvaluation       *self);
void                kp_evaluation_set_patients      (KpEvaluation       *self,
                                                     guint               patients);
guint               kp_evaluation_get_relatives     (KpEvaluation       *self);
void                kp_evaluation_set_relatives     (KpEvaluation       *self,
                                                     guint               relatives);
char              **kp_evaluation_dup_questions     (KpEvaluation       *self);
const guint        *kp_evaluation_get_scores        (KpEvaluation       *self,
                                                     const char         *question);
void                kp_evaluation_set_scores        (KpEvaluation       *self,
                                                     const char         *question,
                                                     const guint        *counts);
const char         *kp_evaluation_get_date          (KpEvaluation       *self);
void                kp_evaluation_set_date          (KpEvaluation       *self,
                                                     const char         *date);
const char * const *kp_evaluation_get_attendees     (KpEvaluation       *self);
void                kp_evaluation_set_attendees     (KpEvaluation       *self,
                                                     const char * const *member_ids);
const char         *kp_evaluation_get_notes         (KpEvaluation       *self);
void                kp_evaluation_set_notes         (KpEvaluation       *self,
                                                     const char         *notes);
const char * const *kp_evaluation_get_actions       (KpEvaluation       *self);
void                kp_evaluation_set_actions       (KpEvaluation       *self,
                                                     const char * const *actions);
/* The actions ticked off in the next run: a subset of the actions, by their text. */
const char * const *kp_evaluation_get_done_actions  (KpEvaluation       *self);
void                kp_evaluation_set_done_actions  (KpEvaluation       *self,
                                                     const char * const *actions);
gboolean            kp_evaluation_get_action_done   (KpEvaluation       *self,
                                                     const char         *action);
void                kp_evaluation_set_action_done   (KpEvaluation       *self,
                                                     const char         *action,
                                                     gboolean            done);
int                 kp_evaluation_remove_action     (KpEvaluation       *self,
                                                     const char         *action,
                                                     gboolean           *was_done);
gboolean            kp_evaluation_insert_action     (KpEvaluation       *self,
                                                     guint               position,
                                                     const char         *action,
                                                     gboolean            done);

G_END_DECLS
