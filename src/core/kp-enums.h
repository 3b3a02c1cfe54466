/* kp-enums.h — the closed sets of values of a course plan, with the names the file format uses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  KP_COURSE_STATUS_IDEA,
  KP_COURSE_STATUS_PLANNING,
  KP_COURSE_STATUS_READY,
  KP_COURSE_STATUS_RUNNING,
  KP_COURSE_STATUS_EVALUATED,
  KP_COURSE_STATUS_ARCHIVED,
} KpCourseStatus;

typedef enum
{
  KP_ROLE_COURSE_LEADER,
  KP_ROLE_PROFESSIONAL,
  KP_ROLE_USER_REPRESENTATIVE,
  KP_ROLE_EXPERIENCE_CONSULTANT,
  KP_ROLE_PEER,
  KP_ROLE_COORDINATOR,
} KpRole;

typedef enum
{
  KP_CONTRIBUTION_PROFESSIONAL_TALK,
  KP_CONTRIBUTION_USER_TALK,
  KP_CONTRIBUTION_SHARING,
  KP_CONTRIBUTION_GROUP_WORK,
  KP_CONTRIBUTION_ACTIVITY,
  KP_CONTRIBUTION_BREAK,
} KpContributionKind;

typedef enum
{
  KP_SESSION_STATUS_PLANNED,
  KP_SESSION_STATUS_CANCELLED,
} KpSessionStatus;

typedef enum
{
  KP_EVALUATION_MIDWAY,
  KP_EVALUATION_FINAL,
  KP_EVALUATION_MEETING,
} KpEvaluationKind;

/* How a course meets: in a room, on video, or both (seed 001 §5.7). */
typedef enum
{
  KP_COURSE_MODE_IN_PERSON,
  KP_COURSE_MODE_DIGITAL,
  KP_COURSE_MODE_HYBRID,
} KpCourseMode;

/* Who offers the course: a municipality, a health trust's centre, or nationally (seed 004). */
typedef enum
{
  KP_COURSE_LEVEL_UNSET,
  KP_COURSE_LEVEL_LOCAL,
  KP_COURSE_LEVEL_REGIONAL,
  KP_COURSE_LEVEL_NATIONAL,
} KpCourseLevel;

/* The scale a course's forms are answered on: 1–5, or 0–10 as NK LMH suggests. */
typedef enum
{
  KP_EVALUATION_SCALE_1_TO_5,
  KP_EVALUATION_SCALE_0_TO_10,
} KpEvaluationScale;

#define KP_TYPE_COURSE_STATUS     (kp_course_status_get_type ())
#define KP_TYPE_ROLE              (kp_role_get_type ())
#define KP_TYPE_CONTRIBUTION_KIND (kp_contribution_kind_get_type ())
#define KP_TYPE_SESSION_STATUS    (kp_session_status_get_type ())
#define KP_TYPE_EVALUATION_KIND   (kp_evaluation_kind_get_type ())
#define KP_TYPE_EVALUATION_SCALE  (kp_evaluation_scale_get_type ())
#define KP_TYPE_COURSE_MODE       (kp_course_mode_get_type ())
#define KP_TYPE_COURSE_LEVEL      (kp_course_level_get_type ())

GType kp_course_status_get_type     (void) G_GNUC_CONST;
GType kp_role_get_type              (void) G_GNUC_CONST;
GType kp_contribution_kind_get_type (void) G_GNUC_CONST;
GType kp_session_status_get_type    (void) G_GNUC_CONST;
GType kp_evaluation_kind_get_type   (void) G_GNUC_CONST;
GType kp_evaluation_scale_get_type  (void) G_GNUC_CONST;
GType kp_course_mode_get_type       (void) G_GNUC_CONST;
GType kp_course_level_get_type      (void) G_GNUC_CONST;

/* The value's name in the course-plan file ("user_representative"), and back. */
const char *kp_enum_to_string   (GType       enum_type,
                                 int         value);
gboolean    kp_enum_from_string (GType       enum_type,
                                 const char *name,
                                 int        *value);

/* Translated, for people: "User representative". */
const char *kp_role_get_label              (KpRole             role);
const char *kp_contribution_kind_get_label (KpContributionKind kind);
const char *kp_course_status_get_label     (KpCourseStatus     status);

/* Document languages a brochure can be written in. */
gboolean    kp_language_is_valid (const char *code);

G_END_DECLS
