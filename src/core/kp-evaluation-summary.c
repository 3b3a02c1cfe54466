/* kp-evaluation-summary.c — what the forms' counts say: answers, means in Norwegian notation,
 * distributions, midway against final
 *
 * The answers are ordinal (a scale point, not a measure), so beside the mean the report gives
 * the median and the whole distribution, as NK LMH advises.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-evaluation-summary"

#include "config.h"

#include "kp-evaluation-summary.h"
#include "kp-i18n.h"

/**
 * kp_evaluation_summary_count_answers:
 * @counts: (nullable): counts for each point of @scale, from the lowest (1–5: 5; 0–10: 11)
 *
 * Returns: how many answered the question (a form may leave a question blank, so this can be
 *   fewer than the evaluation's responses)
 */
guint
kp_evaluation_summary_count_answers (const guint       *counts,
                                     KpEvaluationScale  scale)
{
  guint n_points = kp_evaluation_scale_get_n_points (scale);
  guint n = 0;

  for (guint i = 0; counts != NULL && i < n_points; i++)
    n += counts[i];
  return n;
}

/**
 * kp_evaluation_summary_get_tenths:
 * @counts: (nullable): counts for each point of @scale, from the lowest
 * @tenths: (out): the mean in tenths, rounded half up: 44 for 4,4
 *
 * Integer arithmetic, so 4,45 never becomes 4,4 through a binary fraction.
 *
 * Returns: %FALSE when nobody answered: there is no mean
 */
gboolean
kp_evaluation_summary_get_tenths (const guint       *counts,
                                  KpEvaluationScale  scale,
                                  guint             *tenths)
{
  guint64 n = kp_evaluation_summary_count_answers (counts, scale);
  guint lowest = kp_evaluation_scale_get_lowest (scale);
  guint64 sum = 0;

  g_return_val_if_fail (tenths != NULL, FALSE);

  *tenths = 0;
  if (n == 0)
    return FALSE;
  for (guint i = 0; i < kp_evaluation_scale_get_n_points (scale); i++)
    sum += (guint64) counts[i] * (i + lowest);
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
kp_evaluation_summary_format_mean (const guint       *counts,
                                   KpEvaluationScale  scale)
{
  guint tenths;

  if (!kp_evaluation_summary_get_tenths (counts, scale, &tenths))
    return g_strdup (_("no responses"));
  return g_strdup_printf ("%u,%u", tenths / 10, tenths % 10);
}

/* The scale point of the answer at @index (0-based) when the answers are sorted. */
static guint
value_at (const guint       *counts,
          KpEvaluationScale  scale,
          guint              index)
{
  guint n_points = kp_evaluation_scale_get_n_points (scale);
  guint seen = 0;

  for (guint i = 0; i < n_points; i++)
    {
      seen += counts[i];
      if (index < seen)
        return i + kp_evaluation_scale_get_lowest (scale);
    }
  g_return_val_if_reached (0);
}

/**
 * kp_evaluation_summary_get_median_halves:
 * @halves: (out): twice the median: 8 for 4, 9 for 4,5 (an even number of answers whose two
 *   middle ones differ)
 *
 * Returns: %FALSE when nobody answered: there is no median
 */
gboolean
kp_evaluation_summary_get_median_halves (const guint       *counts,
                                         KpEvaluationScale  scale,
                                         guint             *halves)
{
  guint n = kp_evaluation_summary_count_answers (counts, scale);

  g_return_val_if_fail (halves != NULL, FALSE);

  *halves = 0;
  if (n == 0)
    return FALSE;
  *halves = value_at (counts, scale, (n - 1) / 2) + value_at (counts, scale, n / 2);
  return TRUE;
}

/**
 * kp_evaluation_summary_format_median:
 *
 * Returns: (transfer full): the median, "4" or "4,5", or a translated "no responses"
 */
char *
kp_evaluation_summary_format_median (const guint       *counts,
                                     KpEvaluationScale  scale)
{
  guint halves;

  if (!kp_evaluation_summary_get_median_halves (counts, scale, &halves))
    return g_strdup (_("no responses"));
  if (halves % 2 == 0)
    return g_strdup_printf ("%u", halves / 2);
  return g_strdup_printf ("%u,5", halves / 2);
}

/**
 * kp_evaluation_summary_format_distribution:
 *
 * Returns: (transfer full): how many answered each point, "1: 0 · 2: 0 · 3: 1 · 4: 5 · 5: 6";
 *   the same for nobody, all 0
 */
char *
kp_evaluation_summary_format_distribution (const guint       *counts,
                                           KpEvaluationScale  scale)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < kp_evaluation_scale_get_n_points (scale); i++)
    g_string_append_printf (text, "%s%u: %u", i > 0 ? " · " : "",
                            i + kp_evaluation_scale_get_lowest (scale),
                            counts != NULL ? counts[i] : 0);
  return g_string_free (text, FALSE);
}

/**
 * kp_evaluation_summary_get_scale_label:
 *
 * Returns: (transfer none): "1–5" or "0–10"
 */
const char *
kp_evaluation_summary_get_scale_label (KpEvaluationScale scale)
{
  return scale == KP_EVALUATION_SCALE_0_TO_10 ? "0–10" : "1–5";
}

/**
 * kp_evaluation_summary_get_shares:
 * @shares: (out caller-allocates): each point's share of @scale, 0–1 (5 or 11 of them); all 0
 *   when nobody answered
 */
void
kp_evaluation_summary_get_shares (const guint       *counts,
                                  KpEvaluationScale  scale,
                                  double            *shares)
{
  guint n = kp_evaluation_summary_count_answers (counts, scale);

  g_return_if_fail (shares != NULL);

  for (guint i = 0; i < kp_evaluation_scale_get_n_points (scale); i++)
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

typedef char *(*FormatFunc) (const guint *counts, KpEvaluationScale scale);

/* The midway value against the final one, each formatted by @format. */
static char *
format_pair (KpCourse   *course,
             const char *question,
             FormatFunc  format)
{
  KpEvaluation *midway = kp_evaluation_summary_find (course, KP_EVALUATION_MIDWAY);
  KpEvaluation *final = kp_evaluation_summary_find (course, KP_EVALUATION_FINAL);
  const guint *before = midway ? kp_evaluation_get_scores (midway, question) : NULL;
  const guint *after = final ? kp_evaluation_get_scores (final, question) : NULL;
  g_autofree char *before_text = NULL;
  g_autofree char *after_text = NULL;

  g_return_val_if_fail (question != NULL, NULL);

  if (before != NULL &&
      kp_evaluation_summary_count_answers (before, kp_evaluation_get_scale (midway)) == 0)
    before = NULL;
  if (after != NULL &&
      kp_evaluation_summary_count_answers (after, kp_evaluation_get_scale (final)) == 0)
    after = NULL;
  if (before == NULL && after == NULL)
    return g_strdup (_("no responses"));

  if (before != NULL)
    before_text = format (before, kp_evaluation_get_scale (midway));
  if (after != NULL)
    after_text = format (after, kp_evaluation_get_scale (final));
  if (before == NULL)
    /* Translators: the mean (or median) of the final evaluation when there was no midway one */
    return g_strdup_printf (_("final %s"), after_text);
  if (after == NULL)
    /* Translators: the mean (or median) of the midway evaluation when there is no final one yet */
    return g_strdup_printf (_("midway %s"), before_text);
  return g_strdup_printf ("%s → %s", before_text, after_text);
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
  return format_pair (course, question, kp_evaluation_summary_format_mean);
}

/**
 * kp_evaluation_summary_format_median_change:
 * @question: a question key
 *
 * Returns: (transfer full): the midway median against the final one, "4 → 4,5", as
 *   kp_evaluation_summary_format_change() gives the means
 */
char *
kp_evaluation_summary_format_median_change (KpCourse   *course,
                                            const char *question)
{
  return format_pair (course, question, kp_evaluation_summary_format_median);
}
