/* kp-caldav.h — a course's sessions kept in a CalDAV collection (RFC 4791), one resource each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "kp-course.h"

G_BEGIN_DECLS

#define KP_TYPE_CALDAV (kp_caldav_get_type ())

G_DECLARE_FINAL_TYPE (KpCaldav, kp_caldav, KP, CALDAV, GObject)

/* Called right after the server confirmed a change, so the caller can record it at once:
 * @href %NULL means the session's resource is gone. Returning FALSE stops the sync. */
typedef gboolean (*KpCaldavRecordFunc) (const char  *session_id,
                                        const char  *href,
                                        const char  *etag,
                                        const char  *digest,
                                        gpointer     user_data,
                                        GError     **error);

typedef struct
{
  guint      created;
  guint      updated;
  guint      deleted;
  guint      unchanged;
  GPtrArray *conflicts;  /* (element-type utf8) (nullable): one message per event not synced
                          * because it was changed in the calendar; kp_caldav_report_clear() */
} KpCaldavReport;

/* The whole sync's default limit, however slowly a server answers. */
#define KP_CALDAV_DEFAULT_TIME_LIMIT 120

KpCaldav   *kp_caldav_new            (const char          *collection_url,
                                      const char          *user,
                                      const char          *password,
                                      GError             **error);
const char *kp_caldav_get_collection (KpCaldav            *self);
char       *kp_caldav_dup_without_userinfo (const char *url);
void        kp_caldav_set_overwrite  (KpCaldav            *self,
                                      gboolean             overwrite);
void        kp_caldav_set_time_limit (KpCaldav            *self,
                                      guint                seconds);
void        kp_caldav_set_remind_minutes (KpCaldav        *self,
                                          guint            minutes);
gboolean    kp_caldav_sync           (KpCaldav            *self,
                                      KpCourse            *course,
                                      GHashTable          *known,
                                      GDateTime           *now,
                                      KpCaldavRecordFunc   record,
                                      gpointer             user_data,
                                      KpCaldavReport      *report,
                                      GError             **error);
void        kp_caldav_report_clear   (KpCaldavReport      *report);
char       *kp_caldav_dup_session_digest (KpCourse    *course,
                                          KpSession   *session,
                                          guint        remind_minutes);

G_END_DECLS
