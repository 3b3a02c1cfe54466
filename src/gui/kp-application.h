/* kp-application.h — the Kursplan application: one instance, one database, one window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kp-store.h"

G_BEGIN_DECLS

#define KP_TYPE_APPLICATION (kp_application_get_type ())

G_DECLARE_FINAL_TYPE (KpApplication, kp_application, KP, APPLICATION, AdwApplication)

KpApplication *kp_application_new               (GApplicationFlags  flags);
const char    *kp_application_get_database_path (KpApplication     *self);
void           kp_application_set_database_path (KpApplication     *self,
                                                 const char        *path);
KpStore       *kp_application_get_store         (KpApplication     *self);
GSettings     *kp_application_get_settings      (KpApplication     *self);

G_END_DECLS
