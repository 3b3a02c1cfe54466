/* kp-member.h — one person in the planning group, and the role they hold in it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "kp-enums.h"

G_BEGIN_DECLS

#define KP_TYPE_MEMBER (kp_member_get_type ())

G_DECLARE_FINAL_TYPE (KpMember, kp_member, KP, MEMBER, GObject)

KpMember   *kp_member_new              (const char *id,
                                        KpRole      role);
KpMember   *kp_member_dup_with_id      (KpMember   *self,
                                        const char *id);
const char *kp_member_get_id           (KpMember   *self);
const char *kp_member_get_key          (KpMember   *self);
void        kp_member_set_key          (KpMember   *self,
                                        const char *key);
const char *kp_member_get_name         (KpMember   *self);
void        kp_member_set_name         (KpMember   *self,
                                        const char *name);
KpRole      kp_member_get_role         (KpMember   *self);
void        kp_member_set_role         (KpMember   *self,
                                        KpRole      role);
const char *kp_member_get_organisation (KpMember   *self);
void        kp_member_set_organisation (KpMember   *self,
                                        const char *organisation);
const char *kp_member_get_title        (KpMember   *self);
void        kp_member_set_title        (KpMember   *self,
                                        const char *title);
const char *kp_member_get_email        (KpMember   *self);
void        kp_member_set_email        (KpMember   *self,
                                        const char *email);
const char *kp_member_get_phone        (KpMember   *self);
void        kp_member_set_phone        (KpMember   *self,
                                        const char *phone);
gboolean    kp_member_get_public       (KpMember   *self);
void        kp_member_set_public       (KpMember   *self,
                                        gboolean    is_public);
char       *kp_member_dup_public_label (KpMember   *self);
char       *kp_member_dup_public_label_with_role (KpMember   *self,
                                                  const char *role);
gboolean    kp_member_is_public_contact (KpMember  *self);

G_END_DECLS
