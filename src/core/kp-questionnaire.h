/* kp-questionnaire.h — the participants' evaluation form: the standard questions with stable keys,
 * their texts in the UI language and in the document languages, and the group's own questions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "kp-course.h"

G_BEGIN_DECLS

typedef enum
{
  KP_QUESTION_SCALE,  /* answered on the course's scale, 1–5 or 0–10 */
  KP_QUESTION_TEXT,   /* answered in the participant's own words */
} KpQuestionKind;

/* Keys of the free-text questions. */
#define KP_QUESTION_MATTERED_MOST "mattered_most"
#define KP_QUESTION_CHANGE        "change"

/* Texts a printed form needs besides the questions. */
typedef enum
{
  KP_FORM_TEXT_MIDWAY_TITLE,
  KP_FORM_TEXT_FINAL_TITLE,
  KP_FORM_TEXT_ANONYMOUS,     /* do not write your name */
  KP_FORM_TEXT_SCALE_HELP,    /* 1 means …, 5 means … */
  KP_FORM_TEXT_SCALE_LOW,
  KP_FORM_TEXT_SCALE_HIGH,
  KP_FORM_TEXT_THANKS,
  KP_FORM_TEXT_SCALE_HELP_0_10,  /* 0 means …, 10 means … */
  KP_FORM_TEXT_SCALE_LOW_0_10,
  KP_FORM_TEXT_ROLE_QUESTION,    /* patient or relative? */
  KP_FORM_TEXT_PATIENT,
  KP_FORM_TEXT_RELATIVE,
  KP_FORM_N_TEXTS
} KpFormText;

const char * const *kp_questionnaire_get_standard_keys (void);
gboolean            kp_questionnaire_is_standard       (const char          *key);
KpQuestionKind      kp_questionnaire_get_kind          (const char          *key);
const char         *kp_questionnaire_get_label         (const char          *key);
const char         *kp_questionnaire_get_doc_label     (const char          *key,
                                                        const char          *language);
const char         *kp_questionnaire_get_form_label    (const char          *key,
                                                        KpEvaluationKind     kind,
                                                        const char          *language);
const char         *kp_questionnaire_get_form_text     (KpFormText           text,
                                                        const char          *language);
const char         *kp_questionnaire_get_fallback_note (const char          *language);
char              **kp_questionnaire_dup_scale_keys    (KpCourse            *course);

G_END_DECLS
