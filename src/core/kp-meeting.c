/* kp-meeting.c — a meeting of the planning group; attendees are member UUIDs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-meeting"

#include "config.h"

#include "kp-meeting.h"
#include "kp-util-private.h"

struct _KpMeeting
{
  GObject    parent_instance;

  char      *id;
  GDateTime *start;
  guint      minutes;
  char     **attendees;
  char      *notes;
};

G_DEFINE_FINAL_TYPE (KpMeeting, kp_meeting, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_START,
  PROP_MINUTES,
  PROP_ATTENDEES,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kp_meeting_finalize (GObject *object)
{
  KpMeeting *self = (KpMeeting *)object;

  g_free (self->id);
  g_clear_pointer (&self->start, g_date_time_unref);
  g_strfreev (self->attendees);
  g_free (self->notes);

  G_OBJECT_CLASS (kp_meeting_parent_class)->finalize (object);
}

static void
kp_meeting_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  KpMeeting *self = KP_MEETING (object);

  switch (prop_id)
    {
    case PROP_ID:        g_value_set_string (value, self->id); break;
    case PROP_START:     g_value_set_boxed (value, self->start); break;
    case PROP_MINUTES:   g_value_set_uint (value, self->minutes); break;
    case PROP_ATTENDEES: g_value_set_boxed (value, self->attendees); break;
    case PROP_NOTES:     g_value_set_string (value, self->notes); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_meeting_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  KpMeeting *self = KP_MEETING (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      if (self->id == NULL)
        self->id = g_uuid_string_random ();
      break;
    case PROP_START:     kp_meeting_set_start (self, g_value_get_boxed (value)); break;
    case PROP_MINUTES:   kp_meeting_set_minutes (self, g_value_get_uint (value)); break;
    case PROP_ATTENDEES: kp_meeting_set_attendees (self, g_value_get_boxed (value)); break;
    case PROP_NOTES:     kp_meeting_set_notes (self, g_value_get_string (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_meeting_class_init (KpMeetingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = kp_meeting_finalize;
  object_class->get_property = kp_meeting_get_property;
  object_class->set_property = kp_meeting_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_START] = g_param_spec_boxed ("start", NULL, NULL, G_TYPE_DATE_TIME, rw);
  properties[PROP_MINUTES] = g_param_spec_uint ("minutes", NULL, NULL, 0, 24 * 60, 0, rw);
  properties[PROP_ATTENDEES] = g_param_spec_boxed ("attendees", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, NULL, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kp_meeting_init (KpMeeting *self)
{
}

KpMeeting *
kp_meeting_new (const char *id)
{
  return g_object_new (KP_TYPE_MEETING, "id", id, NULL);
}

const char *
kp_meeting_get_id (KpMeeting *self)
{
  g_return_val_if_fail (KP_IS_MEETING (self), NULL);
  return self->id;
}

GDateTime *
kp_meeting_get_start (KpMeeting *self)
{
  g_return_val_if_fail (KP_IS_MEETING (self), NULL);
  return self->start;
}

void
kp_meeting_set_start (KpMeeting *self,
                      GDateTime *start)
{
  g_return_if_fail (KP_IS_MEETING (self));

  if (self->start == start)
    return;
  g_clear_pointer (&self->start, g_date_time_unref);
  self->start = start ? g_date_time_ref (start) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
}

guint
kp_meeting_get_minutes (KpMeeting *self)
{
  g_return_val_if_fail (KP_IS_MEETING (self), 0);
  return self->minutes;
}

void
kp_meeting_set_minutes (KpMeeting *self,
                        guint      minutes)
{
  g_return_if_fail (KP_IS_MEETING (self));

  if (self->minutes != minutes)
    {
      self->minutes = minutes;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MINUTES]);
    }
}

/**
 * kp_meeting_get_attendees:
 *
 * Returns: (transfer none) (nullable): the UUIDs of the members who came
 */
const char * const *
kp_meeting_get_attendees (KpMeeting *self)
{
  g_return_val_if_fail (KP_IS_MEETING (self), NULL);
  return (const char * const *) self->attendees;
}

void
kp_meeting_set_attendees (KpMeeting          *self,
                          const char * const *member_ids)
{
  g_return_if_fail (KP_IS_MEETING (self));

  if (kp_set_strv (&self->attendees, member_ids))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTENDEES]);
}

gboolean
kp_meeting_has_attendee (KpMeeting  *self,
                         const char *member_id)
{
  g_return_val_if_fail (KP_IS_MEETING (self), FALSE);
  return self->attendees != NULL && g_strv_contains ((const char * const *) self->attendees,
                                                     member_id);
}

const char *
kp_meeting_get_notes (KpMeeting *self)
{
  g_return_val_if_fail (KP_IS_MEETING (self), NULL);
  return self->notes;
}

void
kp_meeting_set_notes (KpMeeting  *self,
                      const char *notes)
{
  g_return_if_fail (KP_IS_MEETING (self));

  if (kp_set_string (&self->notes, notes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}
