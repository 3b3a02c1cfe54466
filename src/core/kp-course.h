/* kp-course.h — one course (lærings- og mestringstilbud): the plan, its group, its sessions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "kp-enums.h"
#include "kp-evaluation.h"
#include "kp-meeting.h"
#include "kp-member.h"
#include "kp-session.h"

G_BEGIN_DECLS

#define KP_TYPE_COURSE (kp_course_get_type ())

G_DECLARE_FINAL_TYPE (KpCourse, kp_course, KP, COURSE, GObject)

/* The course's free-text fields. Each is also a string property (see KpCourseTextInfo). */
typedef enum
{
  KP_COURSE_TITLE,
  KP_COURSE_SUBTITLE,
  KP_COURSE_LANGUAGE,
  KP_COURSE_TIMEZONE,
  KP_COURSE_NEED,
  KP_COURSE_TARGET_GROUP,
  KP_COURSE_FRAME,
  KP_COURSE_CONTENT,
  KP_COURSE_METHODS,
  KP_COURSE_EVALUATION_PLAN,
  KP_COURSE_ORGANISER,
  KP_COURSE_AGREEMENT,
  KP_COURSE_LOCATION_NAME,
  KP_COURSE_LOCATION_ROOM,
  KP_COURSE_LOCATION_ADDRESS,
  KP_COURSE_PRICE,
  KP_COURSE_DEADLINE,
  KP_COURSE_EMAIL,
  KP_COURSE_PHONE,
  KP_COURSE_URL,
  KP_COURSE_LOCATION_ACCESSIBILITY,  /* step-free access, hearing loop… (extension) */
  KP_COURSE_REFERRAL_TO,             /* where to send the referral (extension, "conditions") */
  KP_COURSE_N_TEXTS
} KpCourseText;

typedef struct
{
  const char *property;     /* "target-group" */
  const char *key;          /* "target_group": unique, snake case (store columns) */
  const char *json_object;  /* "location", or NULL for a member of "course" itself */
  const char *json_member;  /* "name" */
} KpCourseTextInfo;

const KpCourseTextInfo *kp_course_text_info (KpCourseText text);

/* What applies to taking part, for the brochure to say (DOMAIN.md step 5; a course-plan
 * extension, "conditions"). Each is also a boolean property. */
typedef enum
{
  KP_COURSE_REFERRAL,       /* a referral is needed (henvisning, nn tilvising) */
  KP_COURSE_CO_PAYMENT,     /* the outpatient co-payment is charged (egenandel) */
  KP_COURSE_TRAVEL_REFUND,  /* travel is refunded (pasientreiser) */
  KP_COURSE_CO_PAYMENT_FIRST_DAY,  /* the co-payment is charged for the first day only (UNN) */
  KP_COURSE_NO_SHOW_FEE,    /* a fee for not coming without cancelling (Helse Møre og Romsdal) */
  KP_COURSE_N_CONDITIONS
} KpCourseCondition;

typedef struct
{
  const char *property;     /* "co-payment" */
  const char *key;          /* "co_payment": the store column and the JSON member */
} KpCourseConditionInfo;

const KpCourseConditionInfo *kp_course_condition_info (KpCourseCondition condition);

/* The anonymous counts through registration, beside "registered" (issue #16; a course-plan
 * extension, "participants"). Counts only, never a person. Each is also a uint property. */
typedef enum
{
  KP_COURSE_PATIENTS,   /* of the registered, patients (pasienter) */
  KP_COURSE_RELATIVES,  /* of the registered, relatives (pårørende) */
  KP_COURSE_WAITING,    /* on the waiting list (venteliste) */
  KP_COURSE_WITHDRAWN,  /* withdrew after registering */
  KP_COURSE_NO_SHOWS,   /* registered but never came */
  KP_COURSE_COMPLETED,  /* attended at least the share of sessions counted as completing */
  KP_COURSE_N_COUNTS
} KpCourseCount;

typedef struct
{
  const char *property;     /* "no-shows" */
  const char *key;          /* "no_shows": the store column and the JSON member */
} KpCourseCountInfo;

const KpCourseCountInfo *kp_course_count_info (KpCourseCount count);

/* The longest notice a course may ask of a participant who cannot come: a week. */
#define KP_COURSE_MAX_NOTICE_HOURS 168

KpCourse           *kp_course_new                  (const char         *id);
const char         *kp_course_get_id               (KpCourse           *self);
const char         *kp_course_get_text             (KpCourse           *self,
                                                    KpCourseText        text);
void                kp_course_set_text             (KpCourse           *self,
                                                    KpCourseText        text,
                                                    const char         *value);
const char         *kp_course_get_title            (KpCourse           *self);
void                kp_course_set_title            (KpCourse           *self,
                                                    const char         *title);
const char         *kp_course_get_language         (KpCourse           *self);
const char         *kp_course_get_timezone         (KpCourse           *self);
GTimeZone          *kp_course_get_time_zone        (KpCourse           *self);
KpCourseStatus      kp_course_get_status           (KpCourse           *self);
void                kp_course_set_status           (KpCourse           *self,
                                                    KpCourseStatus      status);
gboolean            kp_course_get_condition        (KpCourse           *self,
                                                    KpCourseCondition   condition);
void                kp_course_set_condition        (KpCourse           *self,
                                                    KpCourseCondition   condition,
                                                    gboolean            applies);
guint               kp_course_get_notice_hours     (KpCourse           *self);
void                kp_course_set_notice_hours     (KpCourse           *self,
                                                    guint               hours);
gboolean            kp_course_get_management       (KpCourse           *self);
void                kp_course_set_management       (KpCourse           *self,
                                                    gboolean            management);
int                 kp_course_get_capacity_min     (KpCourse           *self);
int                 kp_course_get_capacity_max     (KpCourse           *self);
void                kp_course_set_capacity         (KpCourse           *self,
                                                    int                 min,
                                                    int                 max);
guint               kp_course_get_registered       (KpCourse           *self);
void                kp_course_set_registered       (KpCourse           *self,
                                                    guint               registered);
guint               kp_course_get_count            (KpCourse           *self,
                                                    KpCourseCount       count);
void                kp_course_set_count            (KpCourse           *self,
                                                    KpCourseCount       count,
                                                    guint               value);
gboolean            kp_course_check_counts         (KpCourse           *self,
                                                    GError            **error);
const char         *kp_course_get_fewer_decided_on (KpCourse           *self);
KpRole              kp_course_get_fewer_decided_by (KpCourse           *self);
void                kp_course_set_fewer_decision   (KpCourse           *self,
                                                    const char         *date,
                                                    KpRole              by);
KpEvaluationScale   kp_course_get_evaluation_scale (KpCourse           *self);
gboolean            kp_course_set_evaluation_scale (KpCourse           *self,
                                                    KpEvaluationScale   scale);
gboolean            kp_course_get_asks_patient_or_relative (KpCourse   *self);
void                kp_course_set_asks_patient_or_relative (KpCourse   *self,
                                                            gboolean    asks);
const char * const *kp_course_get_goals            (KpCourse           *self);
void                kp_course_set_goals            (KpCourse           *self,
                                                    const char * const *goals);
const char * const *kp_course_get_partners         (KpCourse           *self);
void                kp_course_set_partners         (KpCourse           *self,
                                                    const char * const *partners);

KpCourseMode        kp_course_get_mode             (KpCourse           *self);
void                kp_course_set_mode             (KpCourse           *self,
                                                    KpCourseMode        mode);
KpCourseLevel       kp_course_get_level            (KpCourse           *self);
void                kp_course_set_level            (KpCourse           *self,
                                                    KpCourseLevel       level);
gboolean            kp_course_get_cancelled        (KpCourse           *self);
const char         *kp_course_get_cancelled_on     (KpCourse           *self);
const char         *kp_course_get_cancel_reason    (KpCourse           *self);
void                kp_course_set_cancelled        (KpCourse           *self,
                                                    const char         *date,
                                                    const char         *reason);

GListModel         *kp_course_get_members          (KpCourse           *self);
GListModel         *kp_course_get_meetings         (KpCourse           *self);
GListModel         *kp_course_get_sessions         (KpCourse           *self);
GListModel         *kp_course_get_evaluations      (KpCourse           *self);
void                kp_course_add_member           (KpCourse           *self,
                                                    KpMember           *member);
void                kp_course_add_meeting          (KpCourse           *self,
                                                    KpMeeting          *meeting);
void                kp_course_add_session          (KpCourse           *self,
                                                    KpSession          *session);
void                kp_course_add_evaluation       (KpCourse           *self,
                                                    KpEvaluation       *evaluation);
gboolean            kp_course_remove_item          (KpCourse           *self,
                                                    gpointer            item);
gboolean            kp_course_find_item            (KpCourse           *self,
                                                    gpointer            item,
                                                    guint              *position);
gboolean            kp_course_insert_item          (KpCourse           *self,
                                                    guint               position,
                                                    gpointer            item);
void                kp_course_sort_sessions        (KpCourse           *self);
KpMember           *kp_course_find_member          (KpCourse           *self,
                                                    const char         *member_id);
KpSession          *kp_course_find_session         (KpCourse           *self,
                                                    const char         *session_id);
KpMeeting          *kp_course_find_meeting         (KpCourse           *self,
                                                    const char         *meeting_id);
KpEvaluation       *kp_course_find_evaluation      (KpCourse           *self,
                                                    const char         *evaluation_id);
guint               kp_course_count_role           (KpCourse           *self,
                                                    KpRole              role);
guint               kp_course_count_member_contributions (KpCourse     *self,
                                                          const char   *member_id);
void                kp_course_remove_member        (KpCourse           *self,
                                                    KpMember           *member);
GDateTime          *kp_course_get_first_start      (KpCourse           *self);
GDateTime          *kp_course_get_last_start       (KpCourse           *self);
void                kp_course_update_from          (KpCourse           *self,
                                                    KpCourse           *incoming);

G_END_DECLS
