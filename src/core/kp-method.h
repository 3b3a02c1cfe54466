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

/* Standard metode's own cycle; Kursplan's seven steps are its guide through it. */
typedef enum
{
  KP_PHASE_PLAN,       /* planlegge: steps 1–5 */
  KP_PHASE_RUN,        /* gjennomføre: step 6 */
  KP_PHASE_EVALUATE,   /* evaluere: step 7 */
  KP_N_PHASES
} KpPhase;

/* A requirement unmet leaves the plan incomplete; a recommendation unmet is advice. */
typedef enum
{
  KP_CHECK_REQUIRED,
  KP_CHECK_RECOMMENDED
} KpCheckWeight;

typedef struct
{
  KpStep        step;
  const char   *key;       /* stable: "user-representatives" */
  gboolean      met;
  char         *sentence;  /* translated, for the planning group */
  KpCheckWeight weight;    /* from the check's line in kp-method.c's table of checks */
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

/* The method's phases, the weight of its checks, and who counts for them */
KpPhase     kp_step_get_phase             (KpStep               step);
const char *kp_phase_get_title            (KpPhase              phase);
const char *kp_method_get_cycle_note      (void);
void        kp_method_count_items         (GPtrArray           *items,
                                           guint               *required_met,
                                           guint               *required_total,
                                           guint               *recommended_open);
gboolean    kp_method_is_complete         (GPtrArray           *items);
gboolean    kp_method_member_counts       (KpMember            *member);
guint       kp_method_count_role          (KpCourse            *course,
                                           KpRole               role);
gboolean    kp_method_role_is_user        (KpRole               role);
gboolean    kp_method_users_in_planning   (KpCourse            *course);
const char *kp_check_item_get_mark        (const KpCheckItem   *item);
const char *kp_check_item_get_state_label (const KpCheckItem   *item);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KpCheckItem, kp_check_item_free)

G_END_DECLS
