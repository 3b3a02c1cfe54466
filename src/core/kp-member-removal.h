/* kp-member-removal.h — a member taken out of the planning group, with all that went with them,
 * kept so that the removal can be undone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kp-course.h"

G_BEGIN_DECLS

typedef struct _KpMemberRemoval KpMemberRemoval;

KpMemberRemoval *kp_member_removal_take           (KpCourse        *course,
                                                   KpMember        *member);
const char      *kp_member_removal_get_course_id  (KpMemberRemoval *self);
KpMember        *kp_member_removal_get_member     (KpMemberRemoval *self);
guint            kp_member_removal_get_position   (KpMemberRemoval *self);
guint            kp_member_removal_get_n_contributions (KpMemberRemoval *self);
gboolean         kp_member_removal_undo           (KpMemberRemoval *self,
                                                   KpCourse        *course);
void             kp_member_removal_free           (KpMemberRemoval *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KpMemberRemoval, kp_member_removal_free)

G_END_DECLS
