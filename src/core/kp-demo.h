/* kp-demo.h — the demo courses bundled with Kursplan, so a new user never meets an empty app
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kp-store.h"

G_BEGIN_DECLS

GPtrArray *kp_demo_read_courses  (GError  **error);
GPtrArray *kp_demo_load_courses  (KpStore  *store,
                                  GError  **error);
gboolean   kp_demo_load          (KpStore  *store,
                                  GError  **error);
gboolean   kp_demo_load_if_new   (KpStore  *store,
                                  GError  **error);

G_END_DECLS
