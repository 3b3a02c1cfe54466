/* kp-evaluation.c — participants' forms as counts per scale point, never as persons; or the
 * group's evaluation meeting with its decided actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-evaluation"

#include "config.h"

#include <string.h>

#include "kp-evaluation.h"
#include "kp-util-private.h"

typedef struct
{
  char  *question;
  guint  counts[KP_SCALE_MAX_POINTS];  /* the first kp_evaluation_get_n_points() are used */
} KpScore;

struct _KpEvaluation
{
  GObject           parent_instance;

  char             *id;
  KpEvaluationKind  kind;
  guint             after_session;  /* 0: not tied to a session */
  guint             responses;
  KpEvaluationScale scale;
  guint             patients;       /* of the responses, how many said patient */
  guint             relatives;      /* … and how many relative */
  GPtrArray        *scores;         /* KpScore, in the order questions were added */
  char             *date;           /* YYYY-MM-DD, for meetings */
  char            **attendees;
  char             *notes;
  char            **actions;
  char            **done_actions;   /* ticked off in the next run */
};

G_DEFINE_FINAL_TYPE (KpEvaluation, kp_evaluation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_AFTER_SESSION,
  PROP_RESPONSES,
  PROP_SCORES,
  PROP_DATE,
  PROP_ATTENDEES,
  PROP_NOTES,
  PROP_ACTIONS,
  PROP_DONE_ACTIONS,
  PROP_SCALE,
  PROP_PATIENTS,
  PROP_RELATIVES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kp_score_free (KpScore *score)
{
  g_free (score->question);
  g_free (score);
}

static void
kp_evaluation_finalize (GObject *object)
{
  KpEvaluation *self = (KpEvaluation *)object;

  g_free (self->id);
  g_clear_pointer (&self->scores, g_ptr_array_unref);
  g_free (self->date);
  g_strfreev (self->attendees);
  g_free (self->notes);
  g_strfreev (self->actions);
  g_strfreev (self->done_actions);

  G_OBJECT_CLASS (kp_evaluation_parent_class)->finalize (object);
}

static void
kp_evaluation_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  KpEvaluation *self = KP_EVALUATION (object);

  switch (prop_id)
    {
    case PROP_ID:            g_value_set_string (value, self->id); break;
    case PROP_KIND:          g_value_set_enum (value, self->kind); break;
    case PROP_AFTER_SESSION: g_value_set_uint (value, self->after_session); break;
    case PROP_RESPONSES:     g_value_set_uint (value, self->responses); break;
    case PROP_SCORES:        g_value_take_boxed (value, kp_evaluation_dup_questions (self)); break;
    case PROP_DATE:          g_value_set_string (value, self->date); break;
    case PROP_ATTENDEES:     g_value_set_boxed (value, self->attendees); break;
    case PROP_NOTES:         g_value_set_string (value, self->notes); break;
    case PROP_ACTIONS:       g_value_set_boxed (value, self->actions); break;
    case PROP_DONE_ACTIONS:  g_value_set_boxed (value, self->done_actions); break;
    case PROP_SCALE:         g_value_set_enum (value, self->scale); break;
    case PROP_PATIENTS:      g_value_set_uint (value, self->patients); break;
    case PROP_RELATIVES:     g_value_set_uint (value, self->relatives); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_evaluation_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  KpEvaluation *self = KP_EVALUATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      if (self->id == NULL)
        self->id = g_uuid_string_random ();
      break;
    case PROP_KIND:          self->kind = g_value_get_enum (value); break;
    case PROP_AFTER_SESSION: kp_evaluation_set_after_session (self, g_value_get_uint (value)); break;
    case PROP_RESPONSES:     kp_evaluation_set_responses (self, g_value_get_uint (value)); break;
    case PROP_DATE:          kp_evaluation_set_date (self, g_value_get_string (value)); break;
    case PROP_ATTENDEES:     kp_evaluation_set_attendees (self, g_value_get_boxed (value)); break;
    case PROP_NOTES:         kp_evaluation_set_notes (self, g_value_get_string (value)); break;
    case PROP_ACTIONS:       kp_evaluation_set_actions (self, g_value_get_boxed (value)); break;
    case PROP_DONE_ACTIONS:  kp_evaluation_set_done_actions (self, g_value_get_boxed (value)); break;
    case PROP_SCALE:         kp_evaluation_set_scale (self, g_value_get_enum (value)); break;
    case PROP_PATIENTS:      kp_evaluation_set_patients (self, g_value_get_uint (value)); break;
    case PROP_RELATIVES:     kp_evaluation_set_relatives (self, g_value_get_uint (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_evaluation_class_init (KpEvaluationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = kp_evaluation_finalize;
  object_class->get_property = kp_evaluation_get_property;
  object_class->set_property = kp_evaluation_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, KP_TYPE_EVALUATION_KIND, KP_EVALUATION_MIDWAY,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AFTER_SESSION] =
    g_param_spec_uint ("after-session", NULL, NULL, 0, G_MAXUINT, 0, rw);
  properties[PROP_RESPONSES] = g_param_spec_uint ("responses", NULL, NULL, 0, G_MAXUINT, 0, rw);
  /* Notified when any question's counts change; the value lists the questions. */
  properties[PROP_SCORES] =
    g_param_spec_boxed ("scores", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, rw);
  properties[PROP_ATTENDEES] = g_param_spec_boxed ("attendees", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, NULL, rw);
  properties[PROP_ACTIONS] = g_param_spec_boxed ("actions", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_DONE_ACTIONS] =
    g_param_spec_boxed ("done-actions", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_SCALE] =
    g_param_spec_enum ("scale", NULL, NULL, KP_TYPE_EVALUATION_SCALE,
                       KP_EVALUATION_SCALE_1_TO_5, rw);
  properties[PROP_PATIENTS] = g_param_spec_uint ("patients", NULL, NULL, 0, G_MAXUINT, 0, rw);
  properties[PROP_RELATIVES] = g_param_spec_uint ("relatives", NULL, NULL, 0, G_MAXUINT, 0, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kp_evaluation_init (KpEvaluation *self)
{
  self->scores = g_ptr_array_new_with_free_func ((GDestroyNotify) kp_score_free);
}

/**
 * kp_evaluation_scale_get_n_points:
 *
 * Returns: how many points @scale has: 5 for 1–5, 11 for 0–10
 */
guint
kp_evaluation_scale_get_n_points (KpEvaluationScale scale)
{
  return scale == KP_EVALUATION_SCALE_0_TO_10 ? 11 : KP_SCALE_POINTS;
}

/**
 * kp_evaluation_scale_get_lowest:
 *
 * Returns: the value of @scale's first point, which counts[0] holds: 1 for 1–5, 0 for 0–10
 */
guint
kp_evaluation_scale_get_lowest (KpEvaluationScale scale)
{
  return scale == KP_EVALUATION_SCALE_0_TO_10 ? 0 : 1;
}

KpEvaluation *
kp_evaluation_new (const char       *id,
                   KpEvaluationKind  kind)
{
  return g_object_new (KP_TYPE_EVALUATION, "id", id, "kind", kind, NULL);
}

const char *
kp_evaluation_get_id (KpEvaluation *self)
{
  g_return_val_if_fail (KP_IS_EVALUATION (self), NULL);
  return self->id;
}

KpEvaluationKind
kp_evaluation_get_kind (KpEvaluation *self)
{
  g_return_val_if_fail (KP_IS_EVALUATION (self), 0);
  return self->kind;
}

guint
kp_evaluation_get_after_session (KpEvaluation *self)
{
  g_return_val_if_fail (KP_IS_EVALUATION (self), 0);
  return self->after_session;
}

void
kp_evaluation_set_after_session (KpEvaluation *self,
                                 guint         session_number)
{
  g_return_if_fail (KP_IS_EVALUATION (self));

  if (self->after_session != session_number)
    {
      self->after_session = session_number;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AFTER_SESSION]);
    }
}

guint
kp_evaluation_get_responses (KpEvaluation *self)
{
  g_return_val_if_fail (KP_IS_EVALUATION (self), 0);
  return self->responses;
}

void
kp_evaluation_set_responses (KpEvaluation *self,
                             guint         responses)
{
  g_return_if_fail (KP_IS_EVALUATION (self));

  if (self->responses != responses)
    {
      self->responses = responses;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESPONSES]);
    }
}

KpEvaluationScale
kp_evaluation_get_scale (KpEvaluation *self)
{
  g_return_val_if_fail (KP_IS_EVALUATION (self), KP_EVALUATION_SCALE_1_TO_5);
  return self->scale;
}

/**
 * kp_evaluation_has_counts:
 *
 * Returns: whether any question has a count above 0
 */
gboolean
kp_evaluation_has_counts (KpEvaluation *self)
{
  g_return_val_if_fail (KP_IS_EVALUATION (self), FALSE);

  for (guint i = 0; i < self->scores->len; i++)
    {
      KpScore *score = g_ptr_array_index (self->scores, i);

      for (guint p = 0; p < KP_SCALE_MAX_POINTS; p++)
        if (score->counts[p] > 0)
          return TRUE;
    }
  return FALSE;
}

/**
 * kp_evaluation_set_scale:
 *
 * Counts mean points of one scale: an evaluation whose questions hold counts keeps its scale.
 * Questions without counts stay, with as many points as the new scale has.
 *
 * Returns: %FALSE, changing nothing, when the scale differs and a question holds counts
 */
gboolean
kp_evaluation_set_scale (KpEvaluation      *self,
                         KpEvaluationScale  scale)
{
  g_return_val_if_fail (KP_IS_EVALUATION (self), FALSE);
  g_return_val_if_fail (scale == KP_EVALUATION_SCALE_1_TO_5 ||
                        scale == KP_EVALUATION_SCALE_0_TO_10, FALSE);

  if (self->scale == scale)
    return TRUE;
  if (kp_evaluation_has_counts (self))
    return FALSE;
  self->scale = scale;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCALE]);
  return TRUE;
}

guint
kp_evaluation_get_n_points (KpEvaluation *self)
{
  g_return_val_if_fail (KP_IS_EVALUATION (self), KP_SCALE_POINTS);
  return kp_evaluation_scale_get_n_points (self->scale);
}

guint
kp_evaluation_get_patients (KpEvaluation *self)
{
  g_return_val_if_fail (KP_IS_EVALUATION (self), 0);
  return self->patients;
}

void
kp_evaluation_set_patients (KpEvaluation *self,
                            guint         patients)
{
  g_return_if_fail (KP_IS_EVALUATION (self));

  if (self->patients != patients)
    {
      self->patients = patients;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATIENTS]);
    }
}

guint
kp_evaluation_get_relatives (KpEvaluation *self)
{
  g_return_val_if_fail (KP_IS_EVALUATION (self), 0);
  return self->relatives;
}

void
kp_evaluation_set_relatives (KpEvaluation *self,
                             guint         relatives)
{
  g_return_if_fail (KP_IS_EVALUATION (self));

  if (self->relatives != relatives)
    {
      self->relatives = relatives;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RELATIVES]);
    }
}

/**
 * kp_evaluation_dup_questions:
 *
 * Returns: (transfer full): the keys of the questions that have scores, in order
 */
char **
kp_evaluation_dup_questions (KpEvaluation *self)
{
  GStrvBuilder *builder;
  char **questions;

  g_return_val_if_fail (KP_IS_EVALUATION (self), NULL);

  builder = g_strv_builder_new ();
  for (guint i = 0; i < self->scores->len; i++)
    g_strv_builder_add (builder, ((KpScore *) g_ptr_array_index (self->scores, i))->question);
  questions = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return questions;
}

static KpScore *
kp_evaluation_find_score (KpEvaluation *self,
                          const char   *question)
{
  for (guint i = 0; i < self->scores->len; i++)
    {
      KpScore *score = g_ptr_array_index (self->scores, i);

      if (g_strcmp0 (score->question, question) == 0)
        return score;
    }
  return NULL;
}

/**
 * kp_evaluation_get_scores:
 * @question: a question key such as "usefulness"
 *
 * Returns: (transfer none) (nullable): how many answered each point of the evaluation's scale,
 *   kp_evaluation_get_n_points() counts from the lowest point: 1, 2, 3, 4, 5 on the scale 1–5;
 *   0, 1, …, 10 on the scale 0–10
 */
const guint *
kp_evaluation_get_scores (KpEvaluation *self,
                          const char   *question)
{
  KpScore *score;

  g_return_val_if_fail (KP_IS_EVALUATION (self), NULL);

  score = kp_evaluation_find_score (self, question);
  return score != NULL ? score->counts : NULL;
}

/**
 * kp_evaluation_set_scores:
 * @counts: (nullable): kp_evaluation_get_n_points() counts, one per point of the evaluation's
 *   scale from the lowest, or %NULL to remove the question
 */
void
kp_evaluation_set_scores (KpEvaluation *self,
                          const char   *question,
                          const guint  *counts)
{
  guint n_points = kp_evaluation_get_n_points (self);
  KpScore *score;

  g_return_if_fail (KP_IS_EVALUATION (self));
  g_return_if_fail (question != NULL);

  score = kp_evaluation_find_score (self, question);
  if (counts == NULL)
    {
      if (score == NULL)
        return;
      g_ptr_array_remove (self->scores, score);
    }
  else
    {
      if (score == NULL)
        {
          score = g_new0 (KpScore, 1);
          score->question = g_strdup (question);
          g_ptr_array_add (self->scores, score);
        }
      else if (memcmp (score->counts, counts, n_points * sizeof (guint)) == 0)
        return;
      memcpy (score->counts, counts, n_points * sizeof (guint));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCORES]);
}

const char *
kp_evaluation_get_date (KpEvaluation *self)
{
  g_return_val_if_fail (KP_IS_EVALUATION (self), NULL);
  return self->date;
}

void
kp_evaluation_set_date (KpEvaluation *self,
                        const char   *date)
{
  g_return_if_fail (KP_IS_EVALUATION (self));

  if (kp_set_string (&self->date, date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

const char * const *
kp_evaluation_get_attendees (KpEvaluation *self)
{
  g_return_val_if_fail (KP_IS_EVALUATION (self), NULL);
  return (const char * const *) self->attendees;
}

void
kp_evaluation_set_attendees (KpEvaluation       *self,
                             const char * const *member_ids)
{
  g_return_if_fail (KP_IS_EVALUATION (self));

  if (kp_set_strv (&self->attendees, member_ids))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTENDEES]);
}

const char *
kp_evaluation_get_notes (KpEvaluation *self)
{
  g_return_val_if_fail (KP_IS_EVALUATION (self), NULL);
  return self->notes;
}

void
kp_evaluation_set_notes (KpEvaluation *self,
                         const char   *notes)
{
  g_return_if_fail (KP_IS_EVALUATION (self));

  if (kp_set_string (&self->notes, notes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

const char * const *
kp_evaluation_get_actions (KpEvaluation *self)
{
  g_return_val_if_fail (KP_IS_EVALUATION (self), NULL);
  return (const char * const *) self->actions;
}

void
kp_evaluation_set_actions (KpEvaluation       *self,
                           const char * const *actions)
{
  g_return_if_fail (KP_IS_EVALUATION (self));

  if (kp_set_strv (&self->actions, actions))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIONS]);
}

const char * const *
kp_evaluation_get_done_actions (KpEvaluation *self)
{
  g_return_val_if_fail (KP_IS_EVALUATION (self), NULL);
  return (const char * const *) self->done_actions;
}

void
kp_evaluation_set_done_actions (KpEvaluation       *self,
                                const char * const *actions)
{
  g_return_if_fail (KP_IS_EVALUATION (self));

  if (kp_set_strv (&self->done_actions, actions))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE_ACTIONS]);
}

/**
 * kp_evaluation_get_action_done:
 * @action: one of the evaluation's actions
 *
 * Returns: whether the next run has ticked @action off
 */
gboolean
kp_evaluation_get_action_done (KpEvaluation *self,
                               const char   *action)
{
  g_return_val_if_fail (KP_IS_EVALUATION (self), FALSE);
  g_return_val_if_fail (action != NULL, FALSE);

  return self->done_actions != NULL &&
         g_strv_contains ((const char * const *) self->done_actions, action) &&
         self->actions != NULL &&
         g_strv_contains ((const char * const *) self->actions, action);
}

void
kp_evaluation_set_action_done (KpEvaluation *self,
                               const char   *action,
                               gboolean      done)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) done_actions = NULL;

  g_return_if_fail (KP_IS_EVALUATION (self));
  g_return_if_fail (action != NULL);

  if (kp_evaluation_get_action_done (self, action) == !!done)
    return;
  if (done && (self->actions == NULL ||
               !g_strv_contains ((const char * const *) self->actions, action)))
    {
      g_critical ("“%s” is not one of the evaluation’s actions", action);
      return;
    }

  builder = g_strv_builder_new ();
  for (guint i = 0; self->done_actions != NULL && self->done_actions[i] != NULL; i++)
    if (g_strcmp0 (self->done_actions[i], action) != 0)
      g_strv_builder_add (builder, self->done_actions[i]);
  if (done)
    g_strv_builder_add (builder, action);
  done_actions = g_strv_builder_end (builder);
  kp_evaluation_set_done_actions (self, (const char * const *) done_actions);
}

/**
 * kp_evaluation_remove_action:
 * @action: one of the evaluation's actions
 * @was_done: (out) (optional): whether the next run had ticked @action off
 *
 * Takes @action out of the actions, and its tick with it, so that one added again later starts
 * undone.
 *
 * Returns: where @action was in the actions, or -1 when it was not one of them
 */
int
kp_evaluation_remove_action (KpEvaluation *self,
                             const char   *action,
                             gboolean     *was_done)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) kept = NULL;
  int position = -1;

  g_return_val_if_fail (KP_IS_EVALUATION (self), -1);
  g_return_val_if_fail (action != NULL, -1);

  if (was_done != NULL)
    *was_done = FALSE;

  builder = g_strv_builder_new ();
  for (guint i = 0; self->actions != NULL && self->actions[i] != NULL; i++)
    if (position < 0 && g_strcmp0 (self->actions[i], action) == 0)
      position = i;
    else
      g_strv_builder_add (builder, self->actions[i]);
  if (position < 0)
    return -1;

  if (was_done != NULL)
    *was_done = kp_evaluation_get_action_done (self, action);
  kp_evaluation_set_action_done (self, action, FALSE);
  kept = g_strv_builder_end (builder);
  kp_evaluation_set_actions (self, (const char * const *) kept);
  return position;
}

/**
 * kp_evaluation_insert_action:
 * @position: where in the actions; past the end puts @action last
 * @action: an action not yet among the evaluation's actions
 * @done: whether the next run has ticked it off
 *
 * Puts an action back where kp_evaluation_remove_action() took it from.
 *
 * Returns: %FALSE, changing nothing, when @action is already one of the actions
 */
gboolean
kp_evaluation_insert_action (KpEvaluation *self,
                             guint         position,
                             const char   *action,
                             gboolean      done)
{
  g_auto(GStrv) actions = NULL;

  g_return_val_if_fail (KP_IS_EVALUATION (self), FALSE);
  g_return_val_if_fail (action != NULL && *action != '\0', FALSE);

  if (self->actions != NULL && g_strv_contains ((const char * const *) self->actions, action))
    return FALSE;

  actions = kp_strv_insert ((const char * const *) self->actions, position, action);
  kp_evaluation_set_actions (self, (const char * const *) actions);
  kp_evaluation_set_action_done (self, action, done);
  return TRUE;
}
