/* kp-course.c — one course: the plan, its planning group, its sessions and evaluations
 *
 * The course emits ::changed whenever it or anything it holds changes, so the store can write
 * it through without the GUI knowing there is a database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-course"

#include "config.h"

#include "kp-course.h"
#include "kp-error.h"
#include "kp-i18n.h"
#include "kp-member-removal.h"
#include "kp-time.h"
#include "kp-util-private.h"

struct _KpCourse
{
  GObject         parent_instance;

  char           *id;
  char           *texts[KP_COURSE_N_TEXTS];
  GTimeZone      *time_zone;
  KpCourseStatus  status;
  gboolean        management;
  gboolean        conditions[KP_COURSE_N_CONDITIONS];
  guint           notice_hours;   /* how long ahead to cancel; 0: not asked */
  int             capacity_min;   /* 0: not set */
  int             capacity_max;
  guint           registered;
  guint           counts[KP_COURSE_N_COUNTS];
  char           *fewer_decided_on;  /* "2027-02-16": decided to run below the minimum */
  KpRole          fewer_decided_by;
  KpEvaluationScale evaluation_scale;  /* the forms' scale */
  gboolean        asks_patient_or_relative;
  char          **goals;
  char          **partners;
  KpCourseMode    mode;
  KpCourseLevel   level;
  char           *cancelled_on;   /* "2027-03-01" once the course is cancelled, else NULL */
  char           *cancel_reason;

  GListStore     *members;
  GListStore     *meetings;
  GListStore     *sessions;
  GListStore     *evaluations;
};

G_DEFINE_FINAL_TYPE (KpCourse, kp_course, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_STATUS,
  PROP_MANAGEMENT,
  PROP_CAPACITY_MIN,
  PROP_CAPACITY_MAX,
  PROP_REGISTERED,
  PROP_GOALS,
  PROP_PARTNERS,
  PROP_MEMBERS,
  PROP_MEETINGS,
  PROP_SESSIONS,
  PROP_EVALUATIONS,
  PROP_EVALUATION_SCALE,
  PROP_ASKS_PATIENT_OR_RELATIVE,
  PROP_NOTICE_HOURS,
  PROP_MODE,
  PROP_LEVEL,
  PROP_CANCELLED,
  PROP_CANCELLED_ON,
  PROP_CANCEL_REASON,
  PROP_FEWER_DECIDED_ON,
  PROP_FEWER_DECIDED_BY,
  PROP_TEXT_FIRST,
  PROP_CONDITION_FIRST = PROP_TEXT_FIRST + KP_COURSE_N_TEXTS,
  PROP_COUNT_FIRST = PROP_CONDITION_FIRST + KP_COURSE_N_CONDITIONS,
  N_PROPS = PROP_COUNT_FIRST + KP_COURSE_N_COUNTS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const KpCourseTextInfo text_info[KP_COURSE_N_TEXTS] = {
  [KP_COURSE_TITLE]            = { "title", "title", NULL, "title" },
  [KP_COURSE_SUBTITLE]         = { "subtitle", "subtitle", NULL, "subtitle" },
  [KP_COURSE_LANGUAGE]         = { "language", "language", NULL, "language" },
  [KP_COURSE_TIMEZONE]         = { "timezone", "timezone", NULL, "timezone" },
  [KP_COURSE_NEED]             = { "need", "need", NULL, "need" },
  [KP_COURSE_TARGET_GROUP]     = { "target-group", "target_group", NULL, "target_group" },
  [KP_COURSE_FRAME]            = { "frame", "frame", NULL, "frame" },
  [KP_COURSE_CONTENT]          = { "content", "content", NULL, "content" },
  [KP_COURSE_METHODS]          = { "methods", "methods", NULL, "methods" },
  [KP_COURSE_EVALUATION_PLAN]  = { "evaluation-plan", "evaluation_plan", NULL, "evaluation_plan" },
  [KP_COURSE_ORGANISER]        = { "organiser", "organiser", NULL, "organiser" },
  [KP_COURSE_AGREEMENT]        = { "agreement", "agreement", "anchoring", "agreement" },
  [KP_COURSE_LOCATION_NAME]    = { "location-name", "location_name", "location", "name" },
  [KP_COURSE_LOCATION_ROOM]    = { "location-room", "location_room", "location", "room" },
  [KP_COURSE_LOCATION_ADDRESS] = { "location-address", "location_address", "location", "address" },
  [KP_COURSE_PRICE]            = { "price", "price", NULL, "price" },
  [KP_COURSE_DEADLINE]         = { "deadline", "registration_deadline", "registration", "deadline" },
  [KP_COURSE_EMAIL]            = { "email", "registration_email", "registration", "email" },
  [KP_COURSE_PHONE]            = { "phone", "registration_phone", "registration", "phone" },
  [KP_COURSE_URL]              = { "url", "registration_url", "registration", "url" },
  [KP_COURSE_LOCATION_ACCESSIBILITY] =
    { "location-accessibility", "location_accessibility", "location", "accessibility" },
  [KP_COURSE_REFERRAL_TO]      = { "referral-to", "referral_to", "conditions", "referral_to" },
};

static const KpCourseConditionInfo condition_info[KP_COURSE_N_CONDITIONS] = {
  [KP_COURSE_REFERRAL]      = { "referral", "referral" },
  [KP_COURSE_CO_PAYMENT]    = { "co-payment", "co_payment" },
  [KP_COURSE_TRAVEL_REFUND] = { "travel-refund", "travel_refund" },
  [KP_COURSE_CO_PAYMENT_FIRST_DAY] = { "co-payment-first-day", "co_payment_first_day" },
  [KP_COURSE_NO_SHOW_FEE]   = { "no-show-fee", "no_show_fee" },
};

static const KpCourseCountInfo count_info[KP_COURSE_N_COUNTS] = {
  [KP_COURSE_PATIENTS]  = { "patients", "patients" },
  [KP_COURSE_RELATIVES] = { "relatives", "relatives" },
  [KP_COURSE_WAITING]   = { "waiting", "waiting" },
  [KP_COURSE_WITHDRAWN] = { "withdrawn", "withdrawn" },
  [KP_COURSE_NO_SHOWS]  = { "no-shows", "no_shows" },
  [KP_COURSE_COMPLETED] = { "completed", "completed" },
};

const KpCourseCountInfo *
kp_course_count_info (KpCourseCount count)
{
  g_return_val_if_fail (count < KP_COURSE_N_COUNTS, NULL);
  return &count_info[count];
}

const KpCourseConditionInfo *
kp_course_condition_info (KpCourseCondition condition)
{
  g_return_val_if_fail (condition < KP_COURSE_N_CONDITIONS, NULL);
  return &condition_info[condition];
}

const KpCourseTextInfo *
kp_course_text_info (KpCourseText text)
{
  g_return_val_if_fail (text < KP_COURSE_N_TEXTS, NULL);
  return &text_info[text];
}

static void
emit_changed (KpCourse *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_items_changed (GListModel *list,
                  guint       position,
                  guint       removed,
                  guint       added,
                  KpCourse   *self)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      g_signal_connect_object (item, "notify", G_CALLBACK (emit_changed), self,
                               G_CONNECT_SWAPPED);
    }
  emit_changed (self);
}

static GListStore *
kp_course_new_list (KpCourse *self,
                    GType     item_type)
{
  GListStore *list = g_list_store_new (item_type);

  g_signal_connect_object (list, "items-changed", G_CALLBACK (on_items_changed), self, 0);
  return list;
}

static void
kp_course_dispose (GObject *object)
{
  KpCourse *self = (KpCourse *)object;

  g_clear_object (&self->members);
  g_clear_object (&self->meetings);
  g_clear_object (&self->sessions);
  g_clear_object (&self->evaluations);

  G_OBJECT_CLASS (kp_course_parent_class)->dispose (object);
}

static void
kp_course_finalize (GObject *object)
{
  KpCourse *self = (KpCourse *)object;

  g_free (self->id);
  for (guint i = 0; i < KP_COURSE_N_TEXTS; i++)
    g_free (self->texts[i]);
  g_clear_pointer (&self->time_zone, g_time_zone_unref);
  g_strfreev (self->goals);
  g_strfreev (self->partners);
  g_free (self->cancelled_on);
  g_free (self->cancel_reason);
  g_free (self->fewer_decided_on);

  G_OBJECT_CLASS (kp_course_parent_class)->finalize (object);
}

static void
kp_course_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  KpCourse *self = KP_COURSE (object);

  if (prop_id >= PROP_TEXT_FIRST && prop_id < PROP_CONDITION_FIRST)
    {
      g_value_set_string (value, self->texts[prop_id - PROP_TEXT_FIRST]);
      return;
    }
  if (prop_id >= PROP_COUNT_FIRST && prop_id < N_PROPS)
    {
      g_value_set_uint (value, self->counts[prop_id - PROP_COUNT_FIRST]);
      return;
    }
  if (prop_id >= PROP_CONDITION_FIRST && prop_id < PROP_COUNT_FIRST)
    {
      g_value_set_boolean (value, self->conditions[prop_id - PROP_CONDITION_FIRST]);
      return;
    }

  switch (prop_id)
    {
    case PROP_ID:           g_value_set_string (value, self->id); break;
    case PROP_STATUS:       g_value_set_enum (value, self->status); break;
    case PROP_MANAGEMENT:   g_value_set_boolean (value, self->management); break;
    case PROP_CAPACITY_MIN: g_value_set_int (value, self->capacity_min); break;
    case PROP_CAPACITY_MAX: g_value_set_int (value, self->capacity_max); break;
    case PROP_REGISTERED:   g_value_set_uint (value, self->registered); break;
    case PROP_GOALS:        g_value_set_boxed (value, self->goals); break;
    case PROP_PARTNERS:     g_value_set_boxed (value, self->partners); break;
    case PROP_MEMBERS:      g_value_set_object (value, self->members); break;
    case PROP_MEETINGS:     g_value_set_object (value, self->meetings); break;
    case PROP_SESSIONS:     g_value_set_object (value, self->sessions); break;
    case PROP_EVALUATIONS:  g_value_set_object (value, self->evaluations); break;
    case PROP_EVALUATION_SCALE: g_value_set_enum (value, self->evaluation_scale); break;
    case PROP_ASKS_PATIENT_OR_RELATIVE:
      g_value_set_boolean (value, self->asks_patient_or_relative);
      break;
    case PROP_NOTICE_HOURS: g_value_set_uint (value, self->notice_hours); break;
    case PROP_MODE:         g_value_set_enum (value, self->mode); break;
    case PROP_LEVEL:        g_value_set_enum (value, self->level); break;
    case PROP_CANCELLED:    g_value_set_boolean (value, self->cancelled_on != NULL); break;
    case PROP_CANCELLED_ON: g_value_set_string (value, self->cancelled_on); break;
    case PROP_CANCEL_REASON: g_value_set_string (value, self->cancel_reason); break;
    case PROP_FEWER_DECIDED_ON: g_value_set_string (value, self->fewer_decided_on); break;
    case PROP_FEWER_DECIDED_BY: g_value_set_enum (value, self->fewer_decided_by); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_course_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  KpCourse *self = KP_COURSE (object);

  if (prop_id >= PROP_TEXT_FIRST && prop_id < PROP_CONDITION_FIRST)
    {
      kp_course_set_text (self, prop_id - PROP_TEXT_FIRST, g_value_get_string (value));
      return;
    }
  if (prop_id >= PROP_COUNT_FIRST && prop_id < N_PROPS)
    {
      kp_course_set_count (self, prop_id - PROP_COUNT_FIRST, g_value_get_uint (value));
      return;
    }
  if (prop_id >= PROP_CONDITION_FIRST && prop_id < PROP_COUNT_FIRST)
    {
      kp_course_set_condition (self, prop_id - PROP_CONDITION_FIRST,
                               g_value_get_boolean (value));
      return;
    }

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      if (self->id == NULL)
        self->id = g_uuid_string_random ();
      break;
    case PROP_STATUS:
      kp_course_set_status (self, g_value_get_enum (value));
      break;
    case PROP_MANAGEMENT:
      kp_course_set_management (self, g_value_get_boolean (value));
      break;
    case PROP_CAPACITY_MIN:
      kp_course_set_capacity (self, g_value_get_int (value), self->capacity_max);
      break;
    case PROP_CAPACITY_MAX:
      kp_course_set_capacity (self, self->capacity_min, g_value_get_int (value));
      break;
    case PROP_REGISTERED:
      kp_course_set_registered (self, g_value_get_uint (value));
      break;
    case PROP_GOALS:
      kp_course_set_goals (self, g_value_get_boxed (value));
      break;
    case PROP_PARTNERS:
      kp_course_set_partners (self, g_value_get_boxed (value));
      break;
    case PROP_EVALUATION_SCALE:
      kp_course_set_evaluation_scale (self, g_value_get_enum (value));
      break;
    case PROP_ASKS_PATIENT_OR_RELATIVE:
      kp_course_set_asks_patient_or_relative (self, g_value_get_boolean (value));
      break;
    case PROP_NOTICE_HOURS:
      kp_course_set_notice_hours (self, g_value_get_uint (value));
      break;
    case PROP_MODE:
      kp_course_set_mode (self, g_value_get_enum (value));
      break;
    case PROP_LEVEL:
      kp_course_set_level (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_course_notify (GObject    *object,
                  GParamSpec *pspec)
{
  emit_changed (KP_COURSE (object));
}

static void
kp_course_class_init (KpCourseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = kp_course_dispose;
  object_class->finalize = kp_course_finalize;
  object_class->get_property = kp_course_get_property;
  object_class->set_property = kp_course_set_property;
  object_class->notify = kp_course_notify;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, KP_TYPE_COURSE_STATUS,
                       KP_COURSE_STATUS_IDEA, rw);
  properties[PROP_MANAGEMENT] = g_param_spec_boolean ("management", NULL, NULL, FALSE, rw);
  properties[PROP_CAPACITY_MIN] =
    g_param_spec_int ("capacity-min", NULL, NULL, 0, G_MAXINT, 0, rw);
  properties[PROP_CAPACITY_MAX] =
    g_param_spec_int ("capacity-max", NULL, NULL, 0, G_MAXINT, 0, rw);
  properties[PROP_REGISTERED] =
    g_param_spec_uint ("registered", NULL, NULL, 0, G_MAXUINT, 0, rw);
  properties[PROP_GOALS] = g_param_spec_boxed ("goals", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_PARTNERS] = g_param_spec_boxed ("partners", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_MEMBERS] =
    g_param_spec_object ("members", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  properties[PROP_MEETINGS] =
    g_param_spec_object ("meetings", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  properties[PROP_SESSIONS] =
    g_param_spec_object ("sessions", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  properties[PROP_EVALUATIONS] =
    g_param_spec_object ("evaluations", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  properties[PROP_EVALUATION_SCALE] =
    g_param_spec_enum ("evaluation-scale", NULL, NULL, KP_TYPE_EVALUATION_SCALE,
                       KP_EVALUATION_SCALE_1_TO_5, rw);
  properties[PROP_ASKS_PATIENT_OR_RELATIVE] =
    g_param_spec_boolean ("asks-patient-or-relative", NULL, NULL, FALSE, rw);
  properties[PROP_NOTICE_HOURS] =
    g_param_spec_uint ("notice-hours", NULL, NULL, 0, KP_COURSE_MAX_NOTICE_HOURS, 0, rw);
  properties[PROP_MODE] =
    g_param_spec_enum ("mode", NULL, NULL, KP_TYPE_COURSE_MODE, KP_COURSE_MODE_IN_PERSON, rw);
  properties[PROP_LEVEL] =
    g_param_spec_enum ("level", NULL, NULL, KP_TYPE_COURSE_LEVEL, KP_COURSE_LEVEL_UNSET, rw);
  properties[PROP_CANCELLED] = g_param_spec_boolean ("cancelled", NULL, NULL, FALSE, ro);
  properties[PROP_CANCELLED_ON] = g_param_spec_string ("cancelled-on", NULL, NULL, NULL, ro);
  properties[PROP_CANCEL_REASON] = g_param_spec_string ("cancel-reason", NULL, NULL, NULL, ro);

  for (guint i = 0; i < KP_COURSE_N_TEXTS; i++)
    properties[PROP_TEXT_FIRST + i] =
      g_param_spec_string (text_info[i].property, NULL, NULL, NULL, rw);
  for (guint i = 0; i < KP_COURSE_N_CONDITIONS; i++)
    properties[PROP_CONDITION_FIRST + i] =
      g_param_spec_boolean (condition_info[i].property, NULL, NULL, FALSE, rw);
  for (guint i = 0; i < KP_COURSE_N_COUNTS; i++)
    properties[PROP_COUNT_FIRST + i] =
      g_param_spec_uint (count_info[i].property, NULL, NULL, 0, G_MAXINT, 0, rw);
  /* Read-only: one setter changes both together. */
  properties[PROP_FEWER_DECIDED_ON] =
    g_param_spec_string ("fewer-decided-on", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FEWER_DECIDED_BY] =
    g_param_spec_enum ("fewer-decided-by", NULL, NULL, KP_TYPE_ROLE, KP_ROLE_COURSE_LEADER,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KpCourse::changed:
   *
   * The course, or anything it holds, changed.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
kp_course_init (KpCourse *self)
{
  self->texts[KP_COURSE_LANGUAGE] = g_strdup ("nb");
  self->texts[KP_COURSE_TIMEZONE] = g_strdup (KP_DEFAULT_TIMEZONE);
  self->time_zone = g_time_zone_new_identifier (KP_DEFAULT_TIMEZONE);
  if (self->time_zone == NULL)
    self->time_zone = g_time_zone_new_utc ();
  self->status = KP_COURSE_STATUS_IDEA;

  self->members = kp_course_new_list (self, KP_TYPE_MEMBER);
  self->meetings = kp_course_new_list (self, KP_TYPE_MEETING);
  self->sessions = kp_course_new_list (self, KP_TYPE_SESSION);
  self->evaluations = kp_course_new_list (self, KP_TYPE_EVALUATION);
}

/**
 * kp_course_new:
 * @id: (nullable): the course's UUID, or %NULL for a new one
 */
KpCourse *
kp_course_new (const char *id)
{
  return g_object_new (KP_TYPE_COURSE, "id", id, NULL);
}

const char *
kp_course_get_id (KpCourse *self)
{
  g_return_val_if_fail (KP_IS_COURSE (self), NULL);
  return self->id;
}

const char *
kp_course_get_text (KpCourse     *self,
                    KpCourseText  text)
{
  g_return_val_if_fail (KP_IS_COURSE (self), NULL);
  g_return_val_if_fail (text < KP_COURSE_N_TEXTS, NULL);
  return self->texts[text];
}

static GDateTime *
rezone (GDateTime *time,
        GTimeZone *tz)
{
  return g_date_time_new (tz,
                          g_date_time_get_year (time),
                          g_date_time_get_month (time),
                          g_date_time_get_day_of_month (time),
                          g_date_time_get_hour (time),
                          g_date_time_get_minute (time),
                          0);
}

/* Wall-clock times stay what the group decided; only the zone they are read in changes. */
static void
kp_course_move_to_zone (KpCourse  *self,
                        GTimeZone *tz)
{
  guint n;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->sessions));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KpSession) session = g_list_model_get_item (G_LIST_MODEL (self->sessions), i);

      if (kp_session_get_start (session) != NULL)
        {
          g_autoptr(GDateTime) start = rezone (kp_session_get_start (session), tz);
          kp_session_set_start (session, start);
        }
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->meetings));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KpMeeting) meeting = g_list_model_get_item (G_LIST_MODEL (self->meetings), i);

      if (kp_meeting_get_start (meeting) != NULL)
        {
          g_autoptr(GDateTime) start = rezone (kp_meeting_get_start (meeting), tz);
          kp_meeting_set_start (meeting, start);
        }
    }
}

/**
 * kp_course_set_text:
 *
 * Sets one of the free-text fields. The time zone must be one the system knows (check with
 * kp_time_zone_new() first); an unknown one is refused with a warning.
 */
void
kp_course_set_text (KpCourse     *self,
                    KpCourseText  text,
                    const char   *value)
{
  g_return_if_fail (KP_IS_COURSE (self));
  g_return_if_fail (text < KP_COURSE_N_TEXTS);

  if (text == KP_COURSE_TIMEZONE)
    {
      g_autoptr(GTimeZone) tz = NULL;

      if (value == NULL || *value == '\0')
        value = KP_DEFAULT_TIMEZONE;
      if (g_strcmp0 (value, self->texts[text]) == 0)
        return;
      tz = kp_time_zone_new (value, NULL);
      g_return_if_fail (tz != NULL);
      g_clear_pointer (&self->time_zone, g_time_zone_unref);
      self->time_zone = g_time_zone_ref (tz);
      kp_course_move_to_zone (self, tz);
    }
  else if (text == KP_COURSE_LANGUAGE)
    {
      if (value == NULL || *value == '\0')
        value = "nb";
      g_return_if_fail (kp_language_is_valid (value));
    }

  if (kp_set_string (&self->texts[text], value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT_FIRST + text]);
}

const char *
kp_course_get_title (KpCourse *self)
{
  return kp_course_get_text (self, KP_COURSE_TITLE);
}

void
kp_course_set_title (KpCourse   *self,
                     const char *title)
{
  kp_course_set_text (self, KP_COURSE_TITLE, title);
}

const char *
kp_course_get_language (KpCourse *self)
{
  return kp_course_get_text (self, KP_COURSE_LANGUAGE);
}

const char *
kp_course_get_timezone (KpCourse *self)
{
  return kp_course_get_text (self, KP_COURSE_TIMEZONE);
}

/**
 * kp_course_get_time_zone:
 *
 * Returns: (transfer none): the zone the course's wall-clock times are in
 */
GTimeZone *
kp_course_get_time_zone (KpCourse *self)
{
  g_return_val_if_fail (KP_IS_COURSE (self), NULL);
  return self->time_zone;
}

KpCourseStatus
kp_course_get_status (KpCourse *self)
{
  g_return_val_if_fail (KP_IS_COURSE (self), 0);
  return self->status;
}

void
kp_course_set_status (KpCourse       *self,
                      KpCourseStatus  status)
{
  g_return_if_fail (KP_IS_COURSE (self));

  if (self->status != status)
    {
      self->status = status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }
}

/**
 * kp_course_get_condition:
 * @condition: a referral needed, the co-payment charged, travel refunded
 *
 * Returns: whether @condition applies to taking part in the course
 */
gboolean
kp_course_get_condition (KpCourse          *self,
                         KpCourseCondition  condition)
{
  g_return_val_if_fail (KP_IS_COURSE (self), FALSE);
  g_return_val_if_fail (condition < KP_COURSE_N_CONDITIONS, FALSE);
  return self->conditions[condition];
}

void
kp_course_set_condition (KpCourse          *self,
                         KpCourseCondition  condition,
                         gboolean           applies)
{
  g_return_if_fail (KP_IS_COURSE (self));
  g_return_if_fail (condition < KP_COURSE_N_CONDITIONS);

  applies = !!applies;
  if (self->conditions[condition] != applies)
    {
      self->conditions[condition] = applies;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONDITION_FIRST + condition]);
    }
}

KpCourseMode
kp_course_get_mode (KpCourse *self)
{
  g_return_val_if_fail (KP_IS_COURSE (self), KP_COURSE_MODE_IN_PERSON);
  return self->mode;
}

void
kp_course_set_mode (KpCourse     *self,
                    KpCourseMode  mode)
{
  g_return_if_fail (KP_IS_COURSE (self));
  g_return_if_fail (mode <= KP_COURSE_MODE_HYBRID);

  if (self->mode != mode)
    {
      self->mode = mode;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
    }
}

KpCourseLevel
kp_course_get_level (KpCourse *self)
{
  g_return_val_if_fail (KP_IS_COURSE (self), KP_COURSE_LEVEL_UNSET);
  return self->level;
}

void
kp_course_set_level (KpCourse      *self,
                     KpCourseLevel  level)
{
  g_return_if_fail (KP_IS_COURSE (self));
  g_return_if_fail (level <= KP_COURSE_LEVEL_NATIONAL);

  if (self->level != level)
    {
      self->level = level;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEVEL]);
    }
}

/**
 * kp_course_get_cancelled:
 *
 * Returns: whether the course has been cancelled (avlyst); it then counts as a cancelled offer
 */
gboolean
kp_course_get_cancelled (KpCourse *self)
{
  g_return_val_if_fail (KP_IS_COURSE (self), FALSE);
  return self->cancelled_on != NULL;
}

/**
 * kp_course_get_cancelled_on:
 *
 * Returns: (nullable): the day the course was cancelled, "2027-03-01", or %NULL
 */
const char *
kp_course_get_cancelled_on (KpCourse *self)
{
  g_return_val_if_fail (KP_IS_COURSE (self), NULL);
  return self->cancelled_on;
}

const char *
kp_course_get_cancel_reason (KpCourse *self)
{
  g_return_val_if_fail (KP_IS_COURSE (self), NULL);
  return self->cancel_reason;
}

/**
 * kp_course_set_cancelled:
 * @date: (nullable): the day it was cancelled, "YYYY-MM-DD"; %NULL: not cancelled
 * @reason: (nullable): why, for the planning group and the figures
 *
 * Only marks the course; kp_course_cancel() (kp-course-cancel.h) also cancels its sessions.
 */
void
kp_course_set_cancelled (KpCourse   *self,
                         const char *date,
                         const char *reason)
{
  gboolean was;

  g_return_if_fail (KP_IS_COURSE (self));

  was = self->cancelled_on != NULL;
  g_object_freeze_notify (G_OBJECT (self));
  if (kp_set_string (&self->cancelled_on, date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CANCELLED_ON]);
  if (kp_set_string (&self->cancel_reason, date != NULL ? reason : NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CANCEL_REASON]);
  if (was != (self->cancelled_on != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CANCELLED]);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * kp_course_get_notice_hours:
 *
 * Returns: how many hours ahead a participant who cannot come is asked to cancel, 0 when the
 *   course asks nothing
 */
guint
kp_course_get_notice_hours (KpCourse *self)
{
  g_return_val_if_fail (KP_IS_COURSE (self), 0);
  return self->notice_hours;
}

void
kp_course_set_notice_hours (KpCourse *self,
                            guint     hours)
{
  g_return_if_fail (KP_IS_COURSE (self));
  g_return_if_fail (hours <= KP_COURSE_MAX_NOTICE_HOURS);

  if (self->notice_hours != hours)
    {
      self->notice_hours = hours;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTICE_HOURS]);
    }
}

gboolean
kp_course_get_management (KpCourse *self)
{
  g_return_val_if_fail (KP_IS_COURSE (self), FALSE);
  return self->management;
}

void
kp_course_set_management (KpCourse *self,
                          gboolean  management)
{
  g_return_if_fail (KP_IS_COURSE (self));

  management = !!management;
  if (self->management != management)
    {
      self->management = management;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MANAGEMENT]);
    }
}

int
kp_course_get_capacity_min (KpCourse *self)
{
  g_return_val_if_fail (KP_IS_COURSE (self), 0);
  return self->capacity_min;
}

int
kp_course_get_capacity_max (KpCourse *self)
{
  g_return_val_if_fail (KP_IS_COURSE (self), 0);
  return self->capacity_max;
}

/**
 * kp_course_set_capacity:
 * @min: the fewest participants the course runs with, 0 when not set
 * @max: the most it takes, 0 when not set
 */
void
kp_course_set_capacity (KpCourse *self,
                        int       min,
                        int       max)
{
  g_return_if_fail (KP_IS_COURSE (self));

  min = MAX (min, 0);
  max = MAX (max, 0);
  if (self->capacity_min != min)
    {
      self->capacity_min = min;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAPACITY_MIN]);
    }
  if (self->capacity_max != max)
    {
      self->capacity_max = max;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAPACITY_MAX]);
    }
}

guint
kp_course_get_registered (KpCourse *self)
{
  g_return_val_if_fail (KP_IS_COURSE (self), 0);
  return self->registered;
}

void
kp_course_set_registered (KpCourse *self,
                          guint     registered)
{
  g_return_if_fail (KP_IS_COURSE (self));

  if (self->registered != registered)
    {
      self->registered = registered;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGISTERED]);
    }
}

/**
 * kp_course_get_count:
 *
 * Returns: one of the anonymous counts kept beside "registered"
 */
guint
kp_course_get_count (KpCourse      *self,
                     KpCourseCount  count)
{
  g_return_val_if_fail (KP_IS_COURSE (self), 0);
  g_return_val_if_fail (count < KP_COURSE_N_COUNTS, 0);
  return self->counts[count];
}

void
kp_course_set_count (KpCourse      *self,
                     KpCourseCount  count,
                     guint          value)
{
  g_return_if_fail (KP_IS_COURSE (self));
  g_return_if_fail (count < KP_COURSE_N_COUNTS);

  value = MIN (value, (guint) G_MAXINT);
  if (self->counts[count] != value)
    {
      self->counts[count] = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT_FIRST + count]);
    }
}

/**
 * kp_course_check_counts:
 *
 * The rules every way into the counts keeps: of the registered, patients and relatives
 * together are no more than all; more registered than the places only with the rest on the
 * waiting list.
 *
 * Returns: %FALSE with @error (%KP_ERROR_INVALID_PLAN) naming both numbers when one is broken
 */
gboolean
kp_course_check_counts (KpCourse  *self,
                        GError   **error)
{
  guint patients, relatives;

  g_return_val_if_fail (KP_IS_COURSE (self), FALSE);

  patients = self->counts[KP_COURSE_PATIENTS];
  relatives = self->counts[KP_COURSE_RELATIVES];
  if ((guint64) patients + relatives > self->registered)
    {
      g_set_error (error, KP_ERROR, KP_ERROR_INVALID_PLAN,
                   _("%u patients and %u relatives are more than all %u registered"),
                   patients, relatives, self->registered);
      return FALSE;
    }
  if (self->capacity_max > 0 && self->registered > (guint) self->capacity_max &&
      self->counts[KP_COURSE_WAITING] < self->registered - (guint) self->capacity_max)
    {
      g_set_error (error, KP_ERROR, KP_ERROR_INVALID_PLAN,
                   _("%u registered for %d places: put at least %u on the waiting list"),
                   self->registered, self->capacity_max,
                   self->registered - (guint) self->capacity_max);
      return FALSE;
    }
  return TRUE;
}

/**
 * kp_course_get_fewer_decided_on:
 *
 * Returns: (nullable): the day ("2027-02-16") it was decided to run the course with fewer
 *   registered than its minimum, or %NULL when no such decision was taken
 */
const char *
kp_course_get_fewer_decided_on (KpCourse *self)
{
  g_return_val_if_fail (KP_IS_COURSE (self), NULL);
  return self->fewer_decided_on;
}

/* Who decided it, by role: meaningful only with a date. */
KpRole
kp_course_get_fewer_decided_by (KpCourse *self)
{
  g_return_val_if_fail (KP_IS_COURSE (self), KP_ROLE_COURSE_LEADER);
  return self->fewer_decided_by;
}

/**
 * kp_course_set_fewer_decision:
 * @date: (nullable): the day of the decision, "YYYY-MM-DD", or %NULL to take it back
 * @by: the role of who decided
 *
 * Records that the course runs with fewer than its minimum.
 */
void
kp_course_set_fewer_decision (KpCourse   *self,
                              const char *date,
                              KpRole      by)
{
  g_return_if_fail (KP_IS_COURSE (self));

  if (date == NULL)
    by = KP_ROLE_COURSE_LEADER;
  if (g_strcmp0 (self->fewer_decided_on, date) != 0)
    {
      g_free (self->fewer_decided_on);
      self->fewer_decided_on = g_strdup (date);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FEWER_DECIDED_ON]);
    }
  if (self->fewer_decided_by != by)
    {
      self->fewer_decided_by = by;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FEWER_DECIDED_BY]);
    }
}

KpEvaluationScale
kp_course_get_evaluation_scale (KpCourse *self)
{
  g_return_val_if_fail (KP_IS_COURSE (self), KP_EVALUATION_SCALE_1_TO_5);
  return self->evaluation_scale;
}

static gboolean
is_form (KpEvaluation *evaluation)
{
  return kp_evaluation_get_kind (evaluation) != KP_EVALUATION_MEETING;
}

/**
 * kp_course_set_evaluation_scale:
 * @scale: the scale the participants' forms are answered on
 *
 * The course's midway and final forms take @scale with it, so that midway and final compare.
 *
 * Returns: %FALSE, changing nothing, when a form already holds counts on another scale
 */
gboolean
kp_course_set_evaluation_scale (KpCourse          *self,
                                KpEvaluationScale  scale)
{
  GListModel *evaluations;
  guint n;

  g_return_val_if_fail (KP_IS_COURSE (self), FALSE);

  if (self->evaluation_scale == scale)
    return TRUE;
  evaluations = G_LIST_MODEL (self->evaluations);
  n = g_list_model_get_n_items (evaluations);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KpEvaluation) evaluation = g_list_model_get_item (evaluations, i);

      if (is_form (evaluation) && kp_evaluation_get_scale (evaluation) != scale &&
          kp_evaluation_has_counts (evaluation))
        return FALSE;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KpEvaluation) evaluation = g_list_model_get_item (evaluations, i);

      if (is_form (evaluation))
        kp_evaluation_set_scale (evaluation, scale);
    }
  self->evaluation_scale = scale;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVALUATION_SCALE]);
  return TRUE;
}

/* A form joining the course is answered on the course's scale, unless it holds counts. */
static void
kp_course_adopt_evaluation (KpCourse *self,
                            gpointer  item)
{
  if (KP_IS_EVALUATION (item) && is_form (item))
    kp_evaluation_set_scale (item, self->evaluation_scale);
}

gboolean
kp_course_get_asks_patient_or_relative (KpCourse *self)
{
  g_return_val_if_fail (KP_IS_COURSE (self), FALSE);
  return self->asks_patient_or_relative;
}

/**
 * kp_course_set_asks_patient_or_relative:
 * @asks: whether the forms ask if the respondent is a patient or a relative
 */
void
kp_course_set_asks_patient_or_relative (KpCourse *self,
                                        gboolean  asks)
{
  g_return_if_fail (KP_IS_COURSE (self));

  if (self->asks_patient_or_relative != !!asks)
    {
      self->asks_patient_or_relative = !!asks;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASKS_PATIENT_OR_RELATIVE]);
    }
}

const char * const *
kp_course_get_goals (KpCourse *self)
{
  g_return_val_if_fail (KP_IS_COURSE (self), NULL);
  return (const char * const *) self->goals;
}

void
kp_course_set_goals (KpCourse           *self,
                     const char * const *goals)
{
  g_return_if_fail (KP_IS_COURSE (self));

  if (kp_set_strv (&self->goals, goals))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GOALS]);
}

const char * const *
kp_course_get_partners (KpCourse *self)
{
  g_return_val_if_fail (KP_IS_COURSE (self), NULL);
  return (const char * const *) self->partners;
}

void
kp_course_set_partners (KpCourse           *self,
                        const char * const *partners)
{
  g_return_if_fail (KP_IS_COURSE (self));

  if (kp_set_strv (&self->partners, partners))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTNERS]);
}

/**
 * kp_course_get_members:
 *
 * Returns: (transfer none): the planning group, a list of #KpMember
 */
GListModel *
kp_course_get_members (KpCourse *self)
{
  g_return_val_if_fail (KP_IS_COURSE (self), NULL);
  return G_LIST_MODEL (self->members);
}

/**
 * kp_course_get_meetings:
 *
 * Returns: (transfer none): the planning meetings, a list of #KpMeeting
 */
GListModel *
kp_course_get_meetings (KpCourse *self)
{
  g_return_val_if_fail (KP_IS_COURSE (self), NULL);
  return G_LIST_MODEL (self->meetings);
}

/**
 * kp_course_get_sessions:
 *
 * Returns: (transfer none): the sessions, a list of #KpSession
 */
GListModel *
kp_course_get_sessions (KpCourse *self)
{
  g_return_val_if_fail (KP_IS_COURSE (self), NULL);
  return G_LIST_MODEL (self->sessions);
}

/**
 * kp_course_get_evaluations:
 *
 * Returns: (transfer none): the evaluations, a list of #KpEvaluation
 */
GListModel *
kp_course_get_evaluations (KpCourse *self)
{
  g_return_val_if_fail (KP_IS_COURSE (self), NULL);
  return G_LIST_MODEL (self->evaluations);
}

void
kp_course_add_member (KpCourse *self,
                      KpMember *member)
{
  g_return_if_fail (KP_IS_COURSE (self));
  g_list_store_append (self->members, member);
}

void
kp_course_add_meeting (KpCourse  *self,
                       KpMeeting *meeting)
{
  g_return_if_fail (KP_IS_COURSE (self));
  g_list_store_append (self->meetings, meeting);
}

void
kp_course_add_session (KpCourse  *self,
                       KpSession *session)
{
  g_return_if_fail (KP_IS_COURSE (self));
  g_list_store_append (self->sessions, session);
}

void
kp_course_add_evaluation (KpCourse     *self,
                          KpEvaluation *evaluation)
{
  g_return_if_fail (KP_IS_COURSE (self));
  kp_course_adopt_evaluation (self, evaluation);
  g_list_store_append (self->evaluations, evaluation);
}

/* The list that holds items of @item's type, or NULL. */
static GListStore *
kp_course_list_for_item (KpCourse *self,
                         gpointer  item)
{
  GListStore *lists[] = { self->members, self->meetings, self->sessions, self->evaluations };

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      GType item_type = g_list_model_get_item_type (G_LIST_MODEL (lists[i]));

      /* g_list_store_find() is critical about items of another type. */
      if (G_TYPE_CHECK_INSTANCE_TYPE (item, item_type))
        return lists[i];
    }
  return NULL;
}

/**
 * kp_course_find_item:
 * @item: a member, meeting, session or evaluation
 * @position: (out) (optional): where it is in its list
 *
 * Returns: %TRUE if @item is one of this course's
 */
gboolean
kp_course_find_item (KpCourse *self,
                     gpointer  item,
                     guint    *position)
{
  GListStore *list;

  g_return_val_if_fail (KP_IS_COURSE (self), FALSE);

  list = kp_course_list_for_item (self, item);
  return list != NULL && g_list_store_find (list, item, position);
}

/**
 * kp_course_remove_item:
 * @item: a member, meeting, session or evaluation of this course
 *
 * Returns: %TRUE if @item was found and removed
 */
gboolean
kp_course_remove_item (KpCourse *self,
                       gpointer  item)
{
  guint position;

  g_return_val_if_fail (KP_IS_COURSE (self), FALSE);

  if (!kp_course_find_item (self, item, &position))
    return FALSE;
  g_list_store_remove (kp_course_list_for_item (self, item), position);
  return TRUE;
}

/**
 * kp_course_insert_item:
 * @position: where in its list; past the end puts @item last
 * @item: a member, meeting, session or evaluation not yet in this course
 *
 * Puts @item back where kp_course_find_item() said it was before it was removed.
 *
 * Returns: %FALSE, changing nothing, when @item is this course's already or of no kind it holds
 */
gboolean
kp_course_insert_item (KpCourse *self,
                       guint     position,
                       gpointer  item)
{
  GListStore *list;

  g_return_val_if_fail (KP_IS_COURSE (self), FALSE);

  list = kp_course_list_for_item (self, item);
  if (list == NULL || g_list_store_find (list, item, NULL))
    return FALSE;
  kp_course_adopt_evaluation (self, item);
  g_list_store_insert (list, MIN (position, g_list_model_get_n_items (G_LIST_MODEL (list))),
                       item);
  return TRUE;
}

static int
compare_sessions (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  GDateTime *sa = kp_session_get_start ((KpSession *) a);
  GDateTime *sb = kp_session_get_start ((KpSession *) b);

  if (sa == NULL || sb == NULL)
    return (sa == NULL) - (sb == NULL);
  return g_date_time_compare (sa, sb);
}

/* Puts the sessions in time order; sessions without a time go last. A list already in order
 * is left alone, so that views of it do not remake their rows. */
void
kp_course_sort_sessions (KpCourse *self)
{
  GListModel *list = G_LIST_MODEL (self->sessions);
  guint n;

  g_return_if_fail (KP_IS_COURSE (self));

  n = g_list_model_get_n_items (list);
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(KpSession) a = g_list_model_get_item (list, i - 1);
      g_autoptr(KpSession) b = g_list_model_get_item (list, i);

      if (compare_sessions (a, b, NULL) > 0)
        {
          g_list_store_sort (self->sessions, compare_sessions, NULL);
          return;
        }
    }
}

static gpointer
find_by_id (GListModel  *list,
            const char  *id,
            const char *(*get_id) (gpointer))
{
  guint n = g_list_model_get_n_items (list);

  if (id == NULL)
    return NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      if (g_strcmp0 (get_id (item), id) == 0)
        return item;  /* the list keeps it alive */
    }
  return NULL;
}

/**
 * kp_course_find_member:
 *
 * Returns: (transfer none) (nullable): the member with that UUID
 */
KpMember *
kp_course_find_member (KpCourse   *self,
                       const char *member_id)
{
  g_return_val_if_fail (KP_IS_COURSE (self), NULL);
  return find_by_id (G_LIST_MODEL (self->members), member_id,
                     (const char *(*) (gpointer)) kp_member_get_id);
}

/**
 * kp_course_find_meeting:
 *
 * Returns: (transfer none) (nullable): the planning meeting with that UUID
 */
KpMeeting *
kp_course_find_meeting (KpCourse   *self,
                        const char *meeting_id)
{
  g_return_val_if_fail (KP_IS_COURSE (self), NULL);
  return find_by_id (G_LIST_MODEL (self->meetings), meeting_id,
                     (const char *(*) (gpointer)) kp_meeting_get_id);
}

/**
 * kp_course_find_evaluation:
 *
 * Returns: (transfer none) (nullable): the evaluation with that UUID
 */
KpEvaluation *
kp_course_find_evaluation (KpCourse   *self,
                           const char *evaluation_id)
{
  g_return_val_if_fail (KP_IS_COURSE (self), NULL);
  return find_by_id (G_LIST_MODEL (self->evaluations), evaluation_id,
                     (const char *(*) (gpointer)) kp_evaluation_get_id);
}

/**
 * kp_course_find_session:
 *
 * Returns: (transfer none) (nullable): the session with that UUID
 */
KpSession *
kp_course_find_session (KpCourse   *self,
                        const char *session_id)
{
  g_return_val_if_fail (KP_IS_COURSE (self), NULL);
  return find_by_id (G_LIST_MODEL (self->sessions), session_id,
                     (const char *(*) (gpointer)) kp_session_get_id);
}

guint
kp_course_count_role (KpCourse *self,
                      KpRole    role)
{
  guint n, count = 0;

  g_return_val_if_fail (KP_IS_COURSE (self), 0);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->members));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KpMember) member = g_list_model_get_item (G_LIST_MODEL (self->members), i);

      if (kp_member_get_role (member) == role)
        count++;
    }
  return count;
}

/**
 * kp_course_count_member_contributions:
 * @member_id: a member's UUID
 *
 * Returns: how many contributions to the sessions the member gives
 */
guint
kp_course_count_member_contributions (KpCourse   *self,
                                      const char *member_id)
{
  guint n, count = 0;

  g_return_val_if_fail (KP_IS_COURSE (self), 0);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->sessions));
  for (guint i = 0; i < n && member_id != NULL; i++)
    {
      g_autoptr(KpSession) session = g_list_model_get_item (G_LIST_MODEL (self->sessions), i);
      GListModel *contributions = kp_session_get_contributions (session);
      guint n_contributions = g_list_model_get_n_items (contributions);

      for (guint j = 0; j < n_contributions; j++)
        {
          g_autoptr(KpContribution) contribution = g_list_model_get_item (contributions, j);

          if (g_strcmp0 (kp_contribution_get_member_id (contribution), member_id) == 0)
            count++;
        }
    }
  return count;
}

/**
 * kp_course_remove_member:
 *
 * Takes @member out of the planning group, and with them their contributions to the sessions
 * and their place in the lists of who attended planning and evaluation meetings, so that no
 * UUID is left pointing at nobody. kp_member_removal_take() does the same and can undo it.
 */
void
kp_course_remove_member (KpCourse *self,
                         KpMember *member)
{
  g_autoptr(KpMemberRemoval) removal = NULL;

  g_return_if_fail (KP_IS_COURSE (self));
  g_return_if_fail (KP_IS_MEMBER (member));

  removal = kp_member_removal_take (self, member);
}

static GDateTime *
kp_course_find_extreme_start (KpCourse *self,
                              int       sign)
{
  GDateTime *best = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sessions));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KpSession) session = g_list_model_get_item (G_LIST_MODEL (self->sessions), i);
      GDateTime *start = kp_session_get_start (session);

      if (start != NULL && (best == NULL || g_date_time_compare (start, best) * sign > 0))
        best = start;
    }
  return best;
}

/**
 * kp_course_get_first_start:
 *
 * Returns: (transfer none) (nullable): when the earliest session starts
 */
GDateTime *
kp_course_get_first_start (KpCourse *self)
{
  g_return_val_if_fail (KP_IS_COURSE (self), NULL);
  return kp_course_find_extreme_start (self, -1);
}

/**
 * kp_course_get_last_start:
 *
 * Returns: (transfer none) (nullable): when the latest session starts
 */
GDateTime *
kp_course_get_last_start (KpCourse *self)
{
  g_return_val_if_fail (KP_IS_COURSE (self), NULL);
  return kp_course_find_extreme_start (self, 1);
}

/* Replaces a list's items without connecting twice to the ones it already watches. */
static void
kp_course_replace_items (KpCourse   *self,
                         GListStore *list,
                         GPtrArray  *items)
{
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_autoptr(GPtrArray) fresh = g_ptr_array_new ();
  g_autoptr(GHashTable) old = g_hash_table_new (NULL, NULL);

  /* A set of the old items, not a search of the list for each: 20,000 sessions took minutes. */
  for (guint i = 0; i < n_old; i++)
    {
      gpointer item = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_hash_table_add (old, item);
      g_object_unref (item);  /* the list keeps it alive */
    }
  for (guint i = 0; i < items->len; i++)
    if (!g_hash_table_contains (old, items->pdata[i]))
      g_ptr_array_add (fresh, items->pdata[i]);

  g_signal_handlers_block_by_func (list, on_items_changed, self);
  g_list_store_splice (list, 0, n_old, items->pdata, items->len);
  g_signal_handlers_unblock_by_func (list, on_items_changed, self);

  for (guint i = 0; i < fresh->len; i++)
    g_signal_connect_object (fresh->pdata[i], "notify", G_CALLBACK (emit_changed), self,
                             G_CONNECT_SWAPPED);
  emit_changed (self);
}

static GPtrArray *
kp_course_dup_items (GListStore *list)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  GPtrArray *items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (list), i));
  return items;
}

/* @ids with each one @map names replaced; %NULL when nothing changes. */
static char **
remap_ids (const char * const *ids,
           GHashTable         *map)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gboolean changed = FALSE;

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      const char *kept = g_hash_table_lookup (map, ids[i]);

      g_strv_builder_add (builder, kept ? kept : ids[i]);
      changed |= kept != NULL;
    }
  return changed ? g_strv_builder_end (builder) : NULL;
}

static KpMember *
find_member_by_key (KpCourse   *self,
                    const char *key)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->members));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KpMember) member = g_list_model_get_item (G_LIST_MODEL (self->members), i);

      if (g_strcmp0 (kp_member_get_key (member), key) == 0)
        return member;
    }
  return NULL;
}

/* A course-plan file may name a member by key alone; the reader then makes a new UUID each
 * time. Such a member of @incoming (its UUID unknown to @self) comes into @self under the UUID
 * of @self's member with the same key, and @incoming's contributions and attendance follow:
 * a re-import keeps who is who. Returns the members @self takes. */
static GPtrArray *
kp_course_dup_members_keeping_ids (KpCourse *self,
                                   KpCourse *incoming)
{
  g_autoptr(GHashTable) map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GPtrArray *items = kp_course_dup_items (incoming->members);
  guint n;

  for (guint i = 0; i < items->len; i++)
    {
      KpMember *theirs = items->pdata[i];
      const char *key = kp_member_get_key (theirs);
      KpMember *mine;

      if (key == NULL || kp_course_find_member (self, kp_member_get_id (theirs)) != NULL)
        continue;
      mine = find_member_by_key (self, key);
      if (mine == NULL || kp_course_find_member (incoming, kp_member_get_id (mine)) != NULL)
        continue;

      g_hash_table_insert (map, g_strdup (kp_member_get_id (theirs)),
                           g_strdup (kp_member_get_id (mine)));
      items->pdata[i] = kp_member_dup_with_id (theirs, kp_member_get_id (mine));
      g_object_unref (theirs);
    }
  if (g_hash_table_size (map) == 0)
    return items;

  n = g_list_model_get_n_items (G_LIST_MODEL (incoming->sessions));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KpSession) session = g_list_model_get_item (G_LIST_MODEL (incoming->sessions), i);
      GListModel *contributions = kp_session_get_contributions (session);

      for (guint j = 0; j < g_list_model_get_n_items (contributions); j++)
        {
          g_autoptr(KpContribution) contribution = g_list_model_get_item (contributions, j);
          const char *member_id = kp_contribution_get_member_id (contribution);
          const char *kept = member_id ? g_hash_table_lookup (map, member_id) : NULL;

          if (kept != NULL)
            kp_contribution_set_member_id (contribution, kept);
        }
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (incoming->meetings));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KpMeeting) meeting = g_list_model_get_item (G_LIST_MODEL (incoming->meetings), i);
      g_auto(GStrv) attendees = remap_ids (kp_meeting_get_attendees (meeting), map);

      if (attendees != NULL)
        kp_meeting_set_attendees (meeting, (const char * const *) attendees);
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (incoming->evaluations));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KpEvaluation) evaluation =
        g_list_model_get_item (G_LIST_MODEL (incoming->evaluations), i);
      g_auto(GStrv) attendees = remap_ids (kp_evaluation_get_attendees (evaluation), map);

      if (attendees != NULL)
        kp_evaluation_set_attendees (evaluation, (const char * const *) attendees);
    }
  return items;
}

/**
 * kp_course_update_from:
 * @self: the course as it stands
 * @incoming: the same course (same id) as another copy of the plan has it, such as an
 *   imported file
 *
 * Takes every value of @incoming. Sessions with the same id are updated in place with
 * kp_session_update_from(), so the revision rises exactly for those whose time, place, title or
 * status changed; sessions only in @incoming are added, sessions missing from it removed, and the
 * sessions take @incoming's order. Members, planning meetings and evaluations become
 * @incoming's, UUIDs and all — except that a member whose UUID @self does not know keeps the
 * UUID of @self's member with the same key (@incoming's references to them change so).
 */
void
kp_course_update_from (KpCourse *self,
                       KpCourse *incoming)
{
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  guint n;

  g_return_if_fail (KP_IS_COURSE (self));
  g_return_if_fail (KP_IS_COURSE (incoming));

  /* Before the sessions: their contributions may name members by a UUID kept from @self. */
  members = kp_course_dup_members_keeping_ids (self, incoming);

  g_object_freeze_notify (G_OBJECT (self));

  /* The zone first: it moves the sessions we keep, which then take the incoming times. */
  for (KpCourseText text = 0; text < KP_COURSE_N_TEXTS; text++)
    kp_course_set_text (self, text, incoming->texts[text]);
  kp_course_set_status (self, incoming->status);
  kp_course_set_management (self, incoming->management);
  for (KpCourseCondition condition = 0; condition < KP_COURSE_N_CONDITIONS; condition++)
    kp_course_set_condition (self, condition, incoming->conditions[condition]);
  kp_course_set_notice_hours (self, incoming->notice_hours);
  kp_course_set_capacity (self, incoming->capacity_min, incoming->capacity_max);
  kp_course_set_registered (self, incoming->registered);
  for (KpCourseCount count = 0; count < KP_COURSE_N_COUNTS; count++)
    kp_course_set_count (self, count, incoming->counts[count]);
  kp_course_set_fewer_decision (self, incoming->fewer_decided_on, incoming->fewer_decided_by);
  kp_course_set_goals (self, (const char * const *) incoming->goals);
  kp_course_set_partners (self, (const char * const *) incoming->partners);
  kp_course_set_mode (self, incoming->mode);
  kp_course_set_level (self, incoming->level);
  kp_course_set_cancelled (self, incoming->cancelled_on, incoming->cancel_reason);

  /* Ours by id, once: looking each up in the list took minutes for 20,000 sessions, inside
   * the import's write transaction. */
  by_id = g_hash_table_new (g_str_hash, g_str_equal);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->sessions));
  for (guint i = 0; i < n; i++)
    {
      KpSession *mine = g_list_model_get_item (G_LIST_MODEL (self->sessions), i);

      if (kp_session_get_id (mine) != NULL &&
          !g_hash_table_contains (by_id, kp_session_get_id (mine)))
        g_hash_table_insert (by_id, (gpointer) kp_session_get_id (mine), mine);
      g_object_unref (mine);  /* the list keeps it alive */
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (incoming->sessions));
  sessions = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KpSession) theirs = g_list_model_get_item (G_LIST_MODEL (incoming->sessions), i);
      KpSession *mine = kp_session_get_id (theirs) != NULL
                        ? g_hash_table_lookup (by_id, kp_session_get_id (theirs)) : NULL;

      if (mine != NULL)
        {
          kp_session_update_from (mine, theirs);
          g_ptr_array_add (sessions, g_object_ref (mine));
        }
      else
        g_ptr_array_add (sessions, g_object_ref (theirs));
    }
  kp_course_replace_items (self, self->sessions, sessions);

  kp_course_replace_items (self, self->members, members);
  items = kp_course_dup_items (incoming->meetings);
  kp_course_replace_items (self, self->meetings, items);
  g_clear_pointer (&items, g_ptr_array_unref);
  items = kp_course_dup_items (incoming->evaluations);
  kp_course_replace_items (self, self->evaluations, items);
  /* The forms are @incoming's now, on its scale: nothing here to refuse. */
  if (self->evaluation_scale != incoming->evaluation_scale)
    {
      self->evaluation_scale = incoming->evaluation_scale;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVALUATION_SCALE]);
    }
  kp_course_set_asks_patient_or_relative (self, incoming->asks_patient_or_relative);

  g_object_thaw_notify (G_OBJECT (self));
}
