/* kp-enums.c — enum types whose nicks are the course-plan file's names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-enums"

#include "config.h"

#include "kp-enums.h"
#include "kp-i18n.h"

#define KP_DEFINE_ENUM(TypeName, type_name, ...)                                   \
  GType                                                                          \
  type_name##_get_type (void)                                                    \
  {                                                                              \
    static gsize gtype_id = 0;                                                   \
    static const GEnumValue values[] = { __VA_ARGS__, { 0, NULL, NULL } };       \
    if (g_once_init_enter (&gtype_id))                                           \
      g_once_init_leave (&gtype_id,                                              \
                         g_enum_register_static (g_intern_static_string (#TypeName), values)); \
    return gtype_id;                                                             \
  }

KP_DEFINE_ENUM (KpCourseStatus, kp_course_status,
  { KP_COURSE_STATUS_IDEA, "KP_COURSE_STATUS_IDEA", "idea" },
  { KP_COURSE_STATUS_PLANNING, "KP_COURSE_STATUS_PLANNING", "planning" },
  { KP_COURSE_STATUS_READY, "KP_COURSE_STATUS_READY", "ready" },
  { KP_COURSE_STATUS_RUNNING, "KP_COURSE_STATUS_RUNNING", "running" },
  { KP_COURSE_STATUS_EVALUATED, "KP_COURSE_STATUS_EVALUATED", "evaluated" },
  { KP_COURSE_STATUS_ARCHIVED, "KP_COURSE_STATUS_ARCHIVED", "archived" })

KP_DEFINE_ENUM (KpRole, kp_role,
  { KP_ROLE_COURSE_LEADER, "KP_ROLE_COURSE_LEADER", "course_leader" },
  { KP_ROLE_PROFESSIONAL, "KP_ROLE_PROFESSIONAL", "professional" },
  { KP_ROLE_USER_REPRESENTATIVE, "KP_ROLE_USER_REPRESENTATIVE", "user_representative" },
  { KP_ROLE_EXPERIENCE_CONSULTANT, "KP_ROLE_EXPERIENCE_CONSULTANT", "experience_consultant" },
  { KP_ROLE_PEER, "KP_ROLE_PEER", "peer" },
  { KP_ROLE_COORDINATOR, "KP_ROLE_COORDINATOR", "coordinator" })

KP_DEFINE_ENUM (KpContributionKind, kp_contribution_kind,
  { KP_CONTRIBUTION_PROFESSIONAL_TALK, "KP_CONTRIBUTION_PROFESSIONAL_TALK", "professional_talk" },
  { KP_CONTRIBUTION_USER_TALK, "KP_CONTRIBUTION_USER_TALK", "user_talk" },
  { KP_CONTRIBUTION_SHARING, "KP_CONTRIBUTION_SHARING", "sharing" },
  { KP_CONTRIBUTION_GROUP_WORK, "KP_CONTRIBUTION_GROUP_WORK", "group_work" },
  { KP_CONTRIBUTION_ACTIVITY, "KP_CONTRIBUTION_ACTIVITY", "activity" },
  { KP_CONTRIBUTION_BREAK, "KP_CONTRIBUTION_BREAK", "break" })

KP_DEFINE_ENUM (KpSessionStatus, kp_session_status,
  { KP_SESSION_STATUS_PLANNED, "KP_SESSION_STATUS_PLANNED", "planned" },
  { KP_SESSION_STATUS_CANCELLED, "KP_SESSION_STATUS_CANCELLED", "cancelled" })

KP_DEFINE_ENUM (KpEvaluationKind, kp_evaluation_kind,
  { KP_EVALUATION_MIDWAY, "KP_EVALUATION_MIDWAY", "midway" },
  { KP_EVALUATION_FINAL, "KP_EVALUATION_FINAL", "final" },
  { KP_EVALUATION_MEETING, "KP_EVALUATION_MEETING", "meeting" })

KP_DEFINE_ENUM (KpEvaluationScale, kp_evaluation_scale,
  { KP_EVALUATION_SCALE_1_TO_5, "KP_EVALUATION_SCALE_1_TO_5", "1-5" },
  { KP_EVALUATION_SCALE_0_TO_10, "KP_EVALUATION_SCALE_0_TO_10", "0-10" })

KP_DEFINE_ENUM (KpCourseMode, kp_course_mode,
  { KP_COURSE_MODE_IN_PERSON, "KP_COURSE_MODE_IN_PERSON", "in_person" },
  { KP_COURSE_MODE_DIGITAL, "KP_COURSE_MODE_DIGITAL", "digital" },
  { KP_COURSE_MODE_HYBRID, "KP_COURSE_MODE_HYBRID", "hybrid" })

/* "unset" is never written: the file and the store say null. */
KP_DEFINE_ENUM (KpCourseLevel, kp_course_level,
  { KP_COURSE_LEVEL_UNSET, "KP_COURSE_LEVEL_UNSET", "unset" },
  { KP_COURSE_LEVEL_LOCAL, "KP_COURSE_LEVEL_LOCAL", "local" },
  { KP_COURSE_LEVEL_REGIONAL, "KP_COURSE_LEVEL_REGIONAL", "regional" },
  { KP_COURSE_LEVEL_NATIONAL, "KP_COURSE_LEVEL_NATIONAL", "national" })

const char *
kp_enum_to_string (GType enum_type,
                   int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *ev = g_enum_get_value (klass, value);

  return ev != NULL ? ev->value_nick : NULL;
}

gboolean
kp_enum_from_string (GType       enum_type,
                     const char *name,
                     int        *value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *ev;

  if (name == NULL)
    return FALSE;

  klass = g_type_class_ref (enum_type);
  ev = g_enum_get_value_by_nick (klass, name);
  if (ev == NULL)
    return FALSE;

  if (value != NULL)
    *value = ev->value;
  return TRUE;
}

const char *
kp_role_get_label (KpRole role)
{
  switch (role)
    {
    case KP_ROLE_COURSE_LEADER:         return _("Course leader");
    case KP_ROLE_PROFESSIONAL:          return _("Professional");
    case KP_ROLE_USER_REPRESENTATIVE:   return _("User representative");
    case KP_ROLE_EXPERIENCE_CONSULTANT: return _("Experience consultant");
    case KP_ROLE_PEER:                  return _("Peer volunteer");
    case KP_ROLE_COORDINATOR:           return _("Coordinator");
    default:                            g_return_val_if_reached (NULL);
    }
}

const char *
kp_contribution_kind_get_label (KpContributionKind kind)
{
  switch (kind)
    {
    case KP_CONTRIBUTION_PROFESSIONAL_TALK: return _("Professional's talk");
    case KP_CONTRIBUTION_USER_TALK:         return _("User's talk");
    case KP_CONTRIBUTION_SHARING:           return _("Sharing experience");
    case KP_CONTRIBUTION_GROUP_WORK:        return _("Group work");
    case KP_CONTRIBUTION_ACTIVITY:          return _("Practical activity");
    case KP_CONTRIBUTION_BREAK:             return _("Break");
    default:                                g_return_val_if_reached (NULL);
    }
}

const char *
kp_course_status_get_label (KpCourseStatus status)
{
  switch (status)
    {
    case KP_COURSE_STATUS_IDEA:      return _("Idea");
    case KP_COURSE_STATUS_PLANNING:  return _("Planning");
    case KP_COURSE_STATUS_READY:     return _("Ready");
    case KP_COURSE_STATUS_RUNNING:   return _("Running");
    case KP_COURSE_STATUS_EVALUATED: return _("Evaluated");
    case KP_COURSE_STATUS_ARCHIVED:  return _("Archived");
    default:                         g_return_val_if_reached (NULL);
    }
}

gboolean
kp_language_is_valid (const char *code)
{
  static const char * const languages[] = { "nb", "nn", "se", "smj", "sma", NULL };

  return code != NULL && g_strv_contains (languages, code);
}
