/* kp-invitation.h — the planning group's meetings as iTIP invitations (RFC 5546)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "kp-course.h"
#include "kp-store.h"

G_BEGIN_DECLS

/* Who sends the invitations: the course leader, or the course's own contact (the adviser). */
typedef enum
{
  KP_INVITATION_FROM_LEADER,
  KP_INVITATION_FROM_COURSE,
} KpInvitationFrom;

gboolean kp_invitation_write (KpCourse          *course,
                              KpInvitationFrom   from,
                              GHashTable        *sent,
                              GDateTime         *now,
                              GHashTable       **next_sent,
                              GBytes           **request,
                              GBytes           **cancel,
                              GError           **error);

/* Hands the calendars on (writes them, attaches them to a mail); %FALSE keeps the record as it
 * was. @request or @cancel may be %NULL, not both. */
typedef gboolean (*KpInvitationDeliverFunc) (GBytes   *request,
                                             GBytes   *cancel,
                                             gpointer  user_data,
                                             GError  **error);

gboolean kp_invitation_send  (KpStore                  *store,
                              const char               *course_id,
                              KpInvitationFrom          from,
                              GDateTime                *now,
                              KpInvitationDeliverFunc   deliver,
                              gpointer                  user_data,
                              guint                    *n_invited,
                              guint                    *n_cancelled,
                              GError                  **error);

G_END_DECLS
