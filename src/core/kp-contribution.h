/* kp-contribution.h — one part of a session: a talk, sharing, group work, a break
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "kp-enums.h"

G_BEGIN_DECLS

#define KP_TYPE_CONTRIBUTION (kp_contribution_get_type ())

G_DECLARE_FINAL_TYPE (KpContribution, kp_contribution, KP, CONTRIBUTION, GObject)

KpContribution     *kp_contribution_new           (KpContributionKind  kind,
                                                   const char         *member_id,
                                                   const char         *title,
                                                   guint               minutes);
KpContributionKind  kp_contribution_get_kind      (KpContribution     *self);
void                kp_contribution_set_kind      (KpContribution     *self,
                                                   KpContributionKind  kind);
const char         *kp_contribution_get_member_id (KpContribution     *self);
void                kp_contribution_set_member_id (KpContribution     *self,
                                                   const char         *member_id);
const char         *kp_contribution_get_title     (KpContribution     *self);
void                kp_contribution_set_title     (KpContribution     *self,
                                                   const char         *title);
guint               kp_contribution_get_minutes   (KpContribution     *self);
void                kp_contribution_set_minutes   (KpContribution     *self,
                                                   guint               minutes);

G_END_DECLS
