/* kp-evaluation-summary.c — what the forms' counts say: answers, means in Norwegian notation,
 * distributions, midway against final
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-evaluation-summary"

#include "config.h"

#include "kp-evaluation-summary.h"
#include "kp-i18n.h"

/**
 * kp_evaluation_summary_count_answers:
 * @counts: (nullable) (array fixed-size=5): counts for scale points 1–5
 *
 * Returns: how many answered the question (a form may leave a question blank, so this can be
 *   fewer than the evaluation's responses)
 */
guint
kp_evaluation_summary_count_answers (const guint *counts)
{
  guint n = 0;

  for (guint i = 0; counts != NULL && i < KP_SCALE_POINTS; i++)
    n += counts[i];
  return n;
}

/**
 * kp_evaluation_summary_get_tenths:
 * @counts: (nullable) (array fixed-size=5): counts for scale points 1–5
 * @tenths: (out): the mean in tenths, rounded half up: 44 for 4,4
 *
 * Integer arithmetic, so 4,45 never becomes 4,4 through a binary fraction.
 *
 * Returns: %FALSE when nobody answered: there is no mean
 */
gboolean
kp_evaluation_summary_get_tenths (const guint *counts,
                                  guint       *tenths)
{
  guint64 n = kp_evaluation_summary_count_answers (counts);
  guint64 sum = 0;

  g_return_val_if_fail (tenths != NULL, FALSE);

  *tenths = 0;
  if (n == 0)
    return FALSE;
  for (guint i = 0; i < KP_SCALE_POINTS; i++)
    sum += (guint64) counts[i] * (i + 1);
  *tenths = (guint) ((sum * 20 + n) / (2 * n));
  return TRUE;
}

/**
 * kp_evaluation_summary_format_mean:
 *
 * Returns: (transfer full): the mean with a decimal comma whatever the locale ("4,4"), as
 *   Norwegian reports write it, or a translated "no responses"
 */
char *
kp_evaluation_summary_format_mean (const guint *counts)
{
  guint tenths;

  if (!kp_evaluation_summary_get_tenths (counts, &tenths))
    return g_strdup (_("no responses"));
  return g_strdup_printf ("%u,%u", tenths / 10, tenths % 10);
}

/**
 * kp_evaluation_summary_get_shares:
 * @shares: (out caller-allocates) (array fixed-size=5): each scale point's share, 0–1; all 0
 *   when nobody answered
 */
void
kp_evaluation_summary_get_shares (const guint *counts,
                                  double      *shares)
{
  guint n = kp_evaluation_summary_count_answers (counts);

  g_return_if_fail (shares != NULL);

  for (guint i = 0; i < KP_SCALE_POINTS; i++)
    shares[i] = n > 0 ? (double) counts[i] / n : 0.0;
}

/**
 * kp_evaluation_summary_find:
 *
 * Returns: (transfer none) (nullable): the course's last evaluation of @kind
 */
KpEvaluation *
kp_evaluation_summary_find (KpCourse         *course,
                            KpEvaluationKind  kind)
{
  GListModel *evaluations;
  KpEvaluation *found = NULL;

  g_return_val_if_fail (KP_IS_COURSE (course), NULL);

  evaluations = kp_course_get_evaluations (course);
  for (guint i = 0; i < g_list_model_get_n_items (evaluations); i++)
    {
      g_autoptr(KpEvaluation) evaluation = g_list_model_get_item (evaluations, i);

      if (kp_evaluation_get_kind (evaluation) == kind)
        found = evaluation;
    }
  /* The course holds a reference; the list does not change under the caller. */
  return found;
}

/**
 * kp_evaluation_summary_format_change:
 * @question: a question key
 *
 * Returns: (transfer full): the midway mean against the final one, "4,0 → 4,4"; one side alone
 *   when only one form asked the question; a translated "no responses" when neither did
 */
char *
kp_evaluation_summary_format_change (KpCourse   *course,
                                     const char *question)
{
  KpEvaluation *midway = kp_evaluation_summary_find (course, KP_EVALUATION_MIDWAY);
  KpEvaluation *final = kp_evaluation_summary_find (course, KP_EVALUATION_FINAL);
  const guint *before = midway ? kp_evaluation_get_scores (midway, question) : NULL;
  const guint *after = final ? kp_evaluation_get_scores (final, question) : NULL;
  guint t;
  g_autofree char *before_text = NULL;
  g_autofree char *after_text = NULL;

  g_return_val_if_fail (question != NULL, NULL);

  if (!kp_evaluation_summary_get_tenths (before, &t))
    before = NULL;
  if (!kp_evaluation_summary_get_tenths (after, &t))
    after = NULL;
  if (before == NULL && after == NULL)
    return g_strdup (_("no responses"));

  before_text = kp_evaluation_summary_format_mean (before);
  after_text = kp_evaluation_summary_format_mean (after);
  if (before == NULL)
    /* Translators: the mean of the final evaluation when there was no midway one */
    return g_strdup_printf (_("final %s"), after_text);
  if (after == NULL)
    /* Translators: the mean of the midway evaluation when there is no final one yet */
    return g_strdup_printf (_("midway %s"), before_text);
  return g_strdup_printf ("%s → %s", before_text, after_text);
}
