/* kp-method.h — Standard metode's steps, and the checklist of what each step still needs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "kp-course.h"

G_BEGIN_DECLS

typedef enum
{
  KP_STEP_NEED,        /* need and anchoring */
  KP_STEP_GROUP,       /* the planning group */
  KP_STEP_GOALS,       /* goals and content: the didactic relation model */
  KP_STEP_SESSIONS,    /* sessions / modules */
  KP_STEP_BROCHURE,    /* brochure and registration */
  KP_STEP_RUNNING,     /* running it */
  KP_STEP_EVALUATION,  /* evaluation and revision */
  KP_N_STEPS
} KpStep;

typedef struct
{
  KpStep      step;
  const char *key;       /* stable: "user-representatives" */
  gboolean    met;
  char       *sentence;  /* translated, for the planning group */
} KpCheckItem;

typedef struct
{
  guint min_user_representatives;          /* required; the method's default is 1 */
  guint recommended_user_representatives;  /* recommended; default 2 */
} KpMethodRules;

void        kp_method_rules_init      (KpMethodRules       *rules);
const char *kp_step_get_title         (KpStep               step);
const char *kp_step_get_guidance      (KpStep               step);
GPtrArray  *kp_method_check           (KpCourse            *course,
                                       GDateTime           *now);
GPtrArray  *kp_method_check_full      (KpCourse            *course,
                                       const KpMethodRules *rules,
                                       GDateTime           *now);
void        kp_method_count           (KpCourse            *course,
                                       GDateTime           *now,
                                       guint               *met,
                                       guint               *total);
void        kp_check_item_free        (KpCheckItem         *item);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KpCheckItem, kp_check_item_free)

G_END_DECLS
