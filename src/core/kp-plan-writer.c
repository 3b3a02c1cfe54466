/* kp-plan-writer.c — writes a course-plan file (.kursplan.json)
 *
 * Every field is written, unset ones as null, in one fixed order: the same course gives the same
 * bytes. Members are referred to by their UUID, which never changes; their key is written beside
 * it for people reading the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-plan-writer"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "kp-output.h"
#include "kp-plan-reader.h"
#include "kp-plan-writer.h"
#include "kp-time.h"

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

/* Counts where 0 means "not set yet". */
static void
add_count_or_null (JsonBuilder *builder,
                   const char  *name,
                   gint64       value)
{
  json_builder_set_member_name (builder, name);
  if (value > 0)
    json_builder_add_int_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_strv (JsonBuilder        *builder,
          const char         *name,
          const char * const *values)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

static void
add_enum (JsonBuilder *builder,
          const char  *name,
          GType        enum_type,
          int          value)
{
  add_string (builder, name, kp_enum_to_string (enum_type, value));
}

static void
add_local_time (JsonBuilder *builder,
                const char  *name,
                GDateTime   *time)
{
  g_autofree char *text = time != NULL ? kp_time_format_local (time) : NULL;

  add_string (builder, name, text);
}

/* RFC 3339 in UTC; the fraction only when there is one, so a read-back time is equal. */
static char *
format_utc (GDateTime *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);
  g_autofree char *seconds = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");
  int usec = g_date_time_get_microsecond (utc);

  if (usec == 0)
    return g_strconcat (seconds, "Z", NULL);
  return g_strdup_printf ("%s.%06dZ", seconds, usec);
}

static void
add_texts_in (JsonBuilder *builder,
              KpCourse    *course,
              const char  *json_object)
{
  json_builder_set_member_name (builder, json_object);
  json_builder_begin_object (builder);
  for (KpCourseText text = 0; text < KP_COURSE_N_TEXTS; text++)
    {
      const KpCourseTextInfo *info = kp_course_text_info (text);

      if (g_strcmp0 (info->json_object, json_object) == 0)
        add_string (builder, info->json_member, kp_course_get_text (course, text));
    }
  json_builder_end_object (builder);
}

static void
add_member (JsonBuilder *builder,
            KpMember    *member)
{
  json_builder_begin_object (builder);
  add_string (builder, "id", kp_member_get_id (member));
  add_string (builder, "key", kp_member_get_key (member));
  add_string (builder, "name", kp_member_get_name (member));
  add_enum (builder, "role", KP_TYPE_ROLE, kp_member_get_role (member));
  add_string (builder, "organisation", kp_member_get_organisation (member));
  add_string (builder, "title", kp_member_get_title (member));
  add_string (builder, "email", kp_member_get_email (member));
  add_string (builder, "phone", kp_member_get_phone (member));
  json_builder_set_member_name (builder, "public");
  json_builder_add_boolean_value (builder, kp_member_get_public (member));
  json_builder_end_object (builder);
}

static void
add_meeting (JsonBuilder *builder,
             KpMeeting   *meeting)
{
  json_builder_begin_object (builder);
  add_string (builder, "id", kp_meeting_get_id (meeting));
  add_local_time (builder, "start", kp_meeting_get_start (meeting));
  add_count_or_null (builder, "minutes", kp_meeting_get_minutes (meeting));
  add_strv (builder, "attendees", kp_meeting_get_attendees (meeting));
  add_string (builder, "notes", kp_meeting_get_notes (meeting));
  json_builder_end_object (builder);
}

static void
add_session (JsonBuilder *builder,
             KpSession   *session)
{
  GListModel *contributions = kp_session_get_contributions (session);
  guint n = g_list_model_get_n_items (contributions);
  g_autofree char *modified = NULL;

  json_builder_begin_object (builder);
  add_string (builder, "id", kp_session_get_id (session));
  add_string (builder, "title", kp_session_get_title (session));
  add_local_time (builder, "start", kp_session_get_start (session));
  add_count_or_null (builder, "minutes", kp_session_get_minutes (session));

  json_builder_set_member_name (builder, "location");
  if (kp_session_has_own_location (session))
    {
      json_builder_begin_object (builder);
      add_string (builder, "name", kp_session_get_location_name (session));
      add_string (builder, "room", kp_session_get_location_room (session));
      add_string (builder, "address", kp_session_get_location_address (session));
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);

  add_enum (builder, "status", KP_TYPE_SESSION_STATUS, kp_session_get_status (session));
  json_builder_set_member_name (builder, "attended");
  if (kp_session_get_attended (session) >= 0)
    json_builder_add_int_value (builder, kp_session_get_attended (session));
  else
    json_builder_add_null_value (builder);
  add_string (builder, "notes", kp_session_get_notes (session));
  add_int (builder, "revision", kp_session_get_revision (session));
  if (kp_session_get_modified (session) != NULL)
    modified = format_utc (kp_session_get_modified (session));
  add_string (builder, "modified", modified);
  add_string (builder, "join_url", kp_session_get_join_url (session));

  json_builder_set_member_name (builder, "contributions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KpContribution) contribution = g_list_model_get_item (contributions, i);

      json_builder_begin_object (builder);
      add_enum (builder, "kind", KP_TYPE_CONTRIBUTION_KIND,
                kp_contribution_get_kind (contribution));
      add_string (builder, "member", kp_contribution_get_member_id (contribution));
      add_string (builder, "title", kp_contribution_get_title (contribution));
      add_count_or_null (builder, "minutes", kp_contribution_get_minutes (contribution));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
add_evaluation (JsonBuilder  *builder,
                KpEvaluation *evaluation)
{
  g_auto(GStrv) questions = kp_evaluation_dup_questions (evaluation);
  const char * const *actions = kp_evaluation_get_actions (evaluation);

  json_builder_begin_object (builder);
  add_string (builder, "id", kp_evaluation_get_id (evaluation));
  add_enum (builder, "kind", KP_TYPE_EVALUATION_KIND, kp_evaluation_get_kind (evaluation));
  add_count_or_null (builder, "after_session", kp_evaluation_get_after_session (evaluation));
  add_int (builder, "responses", kp_evaluation_get_responses (evaluation));

  json_builder_set_member_name (builder, "scores");
  json_builder_begin_object (builder);
  for (guint i = 0; questions[i] != NULL; i++)
    {
      const guint *counts = kp_evaluation_get_scores (evaluation, questions[i]);

      json_builder_set_member_name (builder, questions[i]);
      json_builder_begin_array (builder);
      for (guint j = 0; j < kp_evaluation_get_n_points (evaluation); j++)
        json_builder_add_int_value (builder, counts[j]);
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);

  add_string (builder, "date", kp_evaluation_get_date (evaluation));
  add_strv (builder, "attendees", kp_evaluation_get_attendees (evaluation));
  add_string (builder, "notes", kp_evaluation_get_notes (evaluation));
  add_strv (builder, "actions", kp_evaluation_get_actions (evaluation));

  /* The actions ticked off in the next run, in the actions' order. */
  json_builder_set_member_name (builder, "actions_done");
  json_builder_begin_array (builder);
  for (guint i = 0; actions != NULL && actions[i] != NULL; i++)
    if (kp_evaluation_get_action_done (evaluation, actions[i]))
      json_builder_add_string_value (builder, actions[i]);
  json_builder_end_array (builder);

  /* Who answered the participants' forms, as counts. */
  if (kp_evaluation_get_kind (evaluation) != KP_EVALUATION_MEETING)
    {
      json_builder_set_member_name (builder, "respondents");
      json_builder_begin_object (builder);
      add_int (builder, "patients", kp_evaluation_get_patients (evaluation));
      add_int (builder, "relatives", kp_evaluation_get_relatives (evaluation));
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
}

typedef void (*AddItemFunc) (JsonBuilder *builder,
                             gpointer     item);

static void
add_list (JsonBuilder *builder,
          const char  *name,
          GListModel  *list,
          AddItemFunc  func)
{
  guint n = g_list_model_get_n_items (list);

  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      func (builder, item);
    }
  json_builder_end_array (builder);
}

static void
add_course (JsonBuilder *builder,
            KpCourse    *course)
{
  json_builder_begin_object (builder);
  add_string (builder, "id", kp_course_get_id (course));
  add_string (builder, "title", kp_course_get_title (course));
  add_string (builder, "subtitle", kp_course_get_text (course, KP_COURSE_SUBTITLE));
  add_string (builder, "language", kp_course_get_language (course));
  add_string (builder, "timezone", kp_course_get_timezone (course));
  add_enum (builder, "status", KP_TYPE_COURSE_STATUS, kp_course_get_status (course));
  add_string (builder, "need", kp_course_get_text (course, KP_COURSE_NEED));
  add_string (builder, "target_group", kp_course_get_text (course, KP_COURSE_TARGET_GROUP));
  add_strv (builder, "goals", kp_course_get_goals (course));
  add_string (builder, "frame", kp_course_get_text (course, KP_COURSE_FRAME));
  add_string (builder, "content", kp_course_get_text (course, KP_COURSE_CONTENT));
  add_string (builder, "methods", kp_course_get_text (course, KP_COURSE_METHODS));
  add_string (builder, "evaluation_plan", kp_course_get_text (course, KP_COURSE_EVALUATION_PLAN));
  add_string (builder, "organiser", kp_course_get_text (course, KP_COURSE_ORGANISER));
  add_strv (builder, "partners", kp_course_get_partners (course));

  json_builder_set_member_name (builder, "anchoring");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "management");
  json_builder_add_boolean_value (builder, kp_course_get_management (course));
  add_string (builder, "agreement", kp_course_get_text (course, KP_COURSE_AGREEMENT));
  json_builder_end_object (builder);

  add_texts_in (builder, course, "location");

  json_builder_set_member_name (builder, "capacity");
  json_builder_begin_object (builder);
  add_count_or_null (builder, "min", kp_course_get_capacity_min (course));
  add_count_or_null (builder, "max", kp_course_get_capacity_max (course));
  json_builder_end_object (builder);

  add_string (builder, "price", kp_course_get_text (course, KP_COURSE_PRICE));

  json_builder_set_member_name (builder, "conditions");
  json_builder_begin_object (builder);
  for (KpCourseCondition condition = 0; condition < KP_COURSE_N_CONDITIONS; condition++)
    {
      json_builder_set_member_name (builder, kp_course_condition_info (condition)->key);
      json_builder_add_boolean_value (builder, kp_course_get_condition (course, condition));
    }
  add_count_or_null (builder, "notice_hours", kp_course_get_notice_hours (course));
  add_string (builder, "referral_to", kp_course_get_text (course, KP_COURSE_REFERRAL_TO));
  json_builder_end_object (builder);

  add_texts_in (builder, course, "registration");

  json_builder_set_member_name (builder, "participants");
  json_builder_begin_object (builder);
  add_int (builder, "registered", kp_course_get_registered (course));
  for (KpCourseCount count = 0; count < KP_COURSE_N_COUNTS; count++)
    add_int (builder, kp_course_count_info (count)->key, kp_course_get_count (course, count));
  json_builder_set_member_name (builder, "decision");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "run_with_fewer");
  if (kp_course_get_fewer_decided_on (course) != NULL)
    {
      json_builder_begin_object (builder);
      add_string (builder, "date", kp_course_get_fewer_decided_on (course));
      add_enum (builder, "by", KP_TYPE_ROLE, kp_course_get_fewer_decided_by (course));
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  add_list (builder, "members", kp_course_get_members (course), (AddItemFunc) add_member);
  add_list (builder, "planning_meetings", kp_course_get_meetings (course),
            (AddItemFunc) add_meeting);
  add_list (builder, "sessions", kp_course_get_sessions (course), (AddItemFunc) add_session);
  add_list (builder, "evaluations", kp_course_get_evaluations (course),
            (AddItemFunc) add_evaluation);

  json_builder_set_member_name (builder, "evaluation_form");
  json_builder_begin_object (builder);
  add_enum (builder, "scale", KP_TYPE_EVALUATION_SCALE, kp_course_get_evaluation_scale (course));
  json_builder_set_member_name (builder, "asks_patient_or_relative");
  json_builder_add_boolean_value (builder, kp_course_get_asks_patient_or_relative (course));
  json_builder_end_object (builder);

  add_enum (builder, "mode", KP_TYPE_COURSE_MODE, kp_course_get_mode (course));
  if (kp_course_get_level (course) != KP_COURSE_LEVEL_UNSET)
    add_enum (builder, "level", KP_TYPE_COURSE_LEVEL, kp_course_get_level (course));
  else
    add_string (builder, "level", NULL);
  json_builder_set_member_name (builder, "cancelled");
  if (kp_course_get_cancelled (course))
    {
      json_builder_begin_object (builder);
      add_string (builder, "date", kp_course_get_cancelled_on (course));
      add_string (builder, "reason", kp_course_get_cancel_reason (course));
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
}

/**
 * kp_plan_write:
 * @length: (out) (optional): the length in bytes
 *
 * Returns: (transfer full): the course as a course-plan file: pretty-printed UTF-8 JSON ending
 *   in a newline, the same bytes for the same course
 */
char *
kp_plan_write (KpCourse *course,
               gsize    *length)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  char *text;

  g_return_val_if_fail (KP_IS_COURSE (course), NULL);

  json_builder_begin_object (builder);
  add_string (builder, "format", KP_PLAN_FORMAT);
  add_int (builder, "version", KP_PLAN_VERSION);
  json_builder_set_member_name (builder, "course");
  add_course (builder, course);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_indent_char (generator, ' ');
  json = json_generator_to_data (generator, NULL);

  text = g_strconcat (json, "\n", NULL);
  if (length != NULL)
    *length = strlen (text);
  return text;
}

/**
 * kp_plan_write_file:
 *
 * Writes the course-plan file to @path atomically: a reader sees the old file or the new one,
 * never half of it.
 */
gboolean
kp_plan_write_file (KpCourse    *course,
                    const char  *path,
                    GError     **error)
{
  g_autofree char *text = NULL;
  gsize length;

  g_return_val_if_fail (KP_IS_COURSE (course), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  text = kp_plan_write (course, &length);
  return kp_output_write_path (path, text, length, error);
}
