/* kp-secret.h — CalDAV passwords in the Secret Service (the desktop keyring), never in a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  kp_secret_is_available          (void);
char     *kp_secret_lookup_caldav_password (const char  *url,
                                            const char  *user,
                                            GError     **error);
gboolean  kp_secret_store_caldav_password  (const char  *url,
                                            const char  *user,
                                            const char  *password,
                                            GError     **error);
void      kp_secret_keep_caldav_password   (const char  *url,
                                            const char  *user,
                                            const char  *password);

G_END_DECLS
