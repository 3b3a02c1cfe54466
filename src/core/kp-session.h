/* kp-session.h — one meeting of a course (samling), with its contributions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "kp-contribution.h"
#include "kp-enums.h"

G_BEGIN_DECLS

#define KP_TYPE_SESSION (kp_session_get_type ())

G_DECLARE_FINAL_TYPE (KpSession, kp_session, KP, SESSION, GObject)

KpSession       *kp_session_new                  (const char      *id);
const char      *kp_session_get_id               (KpSession       *self);
const char      *kp_session_get_title            (KpSession       *self);
void             kp_session_set_title            (KpSession       *self,
                                                  const char      *title);
GDateTime       *kp_session_get_start            (KpSession       *self);
void             kp_session_set_start            (KpSession       *self,
                                                  GDateTime       *start);
GDateTime       *kp_session_get_end              (KpSession       *self);
guint            kp_session_get_minutes          (KpSession       *self);
void             kp_session_set_minutes          (KpSession       *self,
                                                  guint            minutes);
const char      *kp_session_get_location_name    (KpSession       *self);
const char      *kp_session_get_location_room    (KpSession       *self);
const char      *kp_session_get_location_address (KpSession       *self);
void             kp_session_set_location         (KpSession       *self,
                                                  const char      *name,
                                                  const char      *room,
                                                  const char      *address);
const char      *kp_session_get_join_url         (KpSession       *self);
void             kp_session_set_join_url         (KpSession       *self,
                                                  const char      *join_url);
gboolean         kp_session_check_join_url       (const char      *join_url,
                                                  GError         **error);
gboolean         kp_session_has_own_location     (KpSession       *self);
KpSessionStatus  kp_session_get_status           (KpSession       *self);
void             kp_session_set_status           (KpSession       *self,
                                                  KpSessionStatus  status);
int              kp_session_get_attended         (KpSession       *self);
void             kp_session_set_attended         (KpSession       *self,
                                                  int              attended);
const char      *kp_session_get_notes            (KpSession       *self);
void             kp_session_set_notes            (KpSession       *self,
                                                  const char      *notes);
guint            kp_session_get_revision         (KpSession       *self);
void             kp_session_set_revision         (KpSession       *self,
                                                  guint            revision);
GDateTime       *kp_session_get_modified         (KpSession       *self);
void             kp_session_set_modified         (KpSession       *self,
                                                  GDateTime       *modified);
GListModel      *kp_session_get_contributions    (KpSession       *self);
void             kp_session_add_contribution     (KpSession       *self,
                                                  KpContribution  *contribution);
void             kp_session_insert_contribution  (KpSession       *self,
                                                  guint            position,
                                                  KpContribution  *contribution);
void             kp_session_remove_contribution  (KpSession       *self,
                                                  guint            position);
guint            kp_session_count_contributions  (KpSession       *self,
                                                  KpContributionKind kind);
void             kp_session_update_from          (KpSession       *self,
                                                  KpSession       *other);
gboolean         kp_session_overlaps             (KpSession       *self,
                                                  KpSession       *other);
gboolean         kp_session_is_held              (KpSession       *self,
                                                  GDateTime       *now);
gboolean         kp_session_note_attended        (KpSession       *self,
                                                  int              attended,
                                                  GDateTime       *now,
                                                  GError         **error);

G_END_DECLS
