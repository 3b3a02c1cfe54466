/* kp-doc-language.h — the languages a document (brochure, plan) is written in: the project's own
 * catalogues of month and weekday names, date patterns and labels, independent of the UI locale
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "kp-course.h"
#include "kp-enums.h"

G_BEGIN_DECLS

/* Every label a brochure prints. */
typedef enum
{
  KP_DOC_LABEL_FOR_WHOM,       /* heading: who the course is for */
  KP_DOC_LABEL_WHAT_YOU_GET,   /* heading: what it gives (the goals) */
  KP_DOC_LABEL_PROGRAMME,      /* heading: the sessions */
  KP_DOC_LABEL_PRACTICAL,      /* heading: place, price, registration, contact */
  KP_DOC_LABEL_PLACE,
  KP_DOC_LABEL_PRICE,
  KP_DOC_LABEL_DEADLINE,       /* the registration deadline */
  KP_DOC_LABEL_REGISTRATION,   /* how to register */
  KP_DOC_LABEL_CONTACT,
  KP_DOC_LABEL_ORGANISER,
  KP_DOC_LABEL_PARTNERS,
  KP_DOC_LABEL_PLANNED_TOGETHER, /* the sentence on user representatives and professionals */
  KP_DOC_LABEL_CANCELLED,      /* a cancelled session */
  KP_DOC_LABEL_PAGE,           /* "Side", before "2 / 3" */
  KP_DOC_LABEL_ACCESSIBILITY,  /* over the place's accessibility */
  KP_DOC_LABEL_CONDITIONS,     /* over the sentences below: what applies to taking part */
  KP_DOC_LABEL_REFERRAL,       /* sentence: a referral is needed */
  KP_DOC_LABEL_CO_PAYMENT,     /* sentence: the co-payment, and who pays nothing */
  KP_DOC_LABEL_TRAVEL_REFUND,  /* sentence: travel refunded through Pasientreiser */
  KP_DOC_LABEL_CO_PAYMENT_FIRST_DAY, /* sentence: the co-payment for the first day only */
  KP_DOC_LABEL_NO_SHOW_FEE,    /* sentence: a fee for not turning up without cancelling */
  KP_DOC_LABEL_NOTICE_ONE_HOUR, /* sentence: cancel at least one hour ahead */
  KP_DOC_LABEL_NOTICE_HOURS,   /* sentence: cancel at least {n} hours ahead (n > 1) */
  KP_DOC_LABEL_REFERRAL_TO,    /* before where to send the referral */
  KP_DOC_LABEL_COURSES,        /* calendar name: several courses in one calendar */
  KP_DOC_LABEL_PLANNING_GROUP, /* calendar name, after the course's title */
  KP_DOC_LABEL_PLANNING_MEETING,
  KP_DOC_LABEL_EVALUATION_MEETING,
  KP_DOC_LABEL_ATTENDING,      /* before the members who attend a meeting */
  KP_DOC_LABEL_JOIN_VIDEO,     /* calendar: before a session's video meeting link */
  KP_DOC_LABEL_DIGITAL,        /* sentence: on video; the link goes to those registered */
  KP_DOC_LABEL_HYBRID,         /* sentence: in the room or on video; the link likewise */
  KP_DOC_LABEL_DIGITAL_NEEDS,  /* sentence: what a participant on video needs */
  KP_DOC_LABEL_REMINDER,       /* a calendar reminder's text, before the session */
  KP_DOC_N_LABELS
} KpDocLabel;

typedef struct _KpDocLanguage KpDocLanguage;

const KpDocLanguage *kp_doc_language_lookup                (const char          *code);
const char          *kp_doc_language_get_code              (const KpDocLanguage *self);
const char          *kp_doc_language_get_name              (const KpDocLanguage *self);
const char          *kp_doc_language_get_weekday           (const KpDocLanguage *self,
                                                            GDateWeekday         weekday);
const char          *kp_doc_language_get_weekday_in_date   (const KpDocLanguage *self,
                                                            GDateWeekday         weekday);
const char          *kp_doc_language_get_month             (const KpDocLanguage *self,
                                                            GDateMonth           month);
const char          *kp_doc_language_get_month_in_date     (const KpDocLanguage *self,
                                                            GDateMonth           month);
const char          *kp_doc_language_get_label             (const KpDocLanguage *self,
                                                            KpDocLabel           label);
const char          *kp_doc_language_get_role              (const KpDocLanguage *self,
                                                            KpRole               role);
const char          *kp_doc_language_get_contribution_kind (const KpDocLanguage *self,
                                                            KpContributionKind   kind);
const char          *kp_doc_language_get_condition         (const KpDocLanguage *self,
                                                            KpCourseCondition    condition);
GPtrArray           *kp_doc_language_dup_conditions        (const KpDocLanguage *self,
                                                            KpCourse            *course);
GPtrArray           *kp_doc_language_dup_mode_sentences    (const KpDocLanguage *self,
                                                            KpCourse            *course);
char                *kp_doc_language_format_date           (const KpDocLanguage *self,
                                                            const GDate         *date);
char                *kp_doc_language_format_date_time      (const KpDocLanguage *self,
                                                            GDateTime           *time,
                                                            const char          *pattern);
char                *kp_doc_language_format_time_range     (const KpDocLanguage *self,
                                                            GDateTime           *start,
                                                            GDateTime           *end);
char                *kp_doc_language_format_session_time   (const KpDocLanguage *self,
                                                            GDateTime           *start,
                                                            GDateTime           *end);

char                *kp_doc_join_place                     (const char          *name,
                                                            const char          *room,
                                                            const char          *address,
                                                            const char          *separator);

G_END_DECLS
