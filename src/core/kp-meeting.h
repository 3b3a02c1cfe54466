/* kp-meeting.h — a meeting of the planning group, and who came
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define KP_TYPE_MEETING (kp_meeting_get_type ())

G_DECLARE_FINAL_TYPE (KpMeeting, kp_meeting, KP, MEETING, GObject)

KpMeeting          *kp_meeting_new           (const char         *id);
const char         *kp_meeting_get_id        (KpMeeting          *self);
GDateTime          *kp_meeting_get_start     (KpMeeting          *self);
void                kp_meeting_set_start     (KpMeeting          *self,
                                              GDateTime          *start);
guint               kp_meeting_get_minutes   (KpMeeting          *self);
void                kp_meeting_set_minutes   (KpMeeting          *self,
                                              guint               minutes);
const char * const *kp_meeting_get_attendees (KpMeeting          *self);
void                kp_meeting_set_attendees (KpMeeting          *self,
                                              const char * const *member_ids);
gboolean            kp_meeting_has_attendee  (KpMeeting          *self,
                                              const char         *member_id);
const char         *kp_meeting_get_notes     (KpMeeting          *self);
void                kp_meeting_set_notes     (KpMeeting          *self,
                                              const char         *notes);

G_END_DECLS
