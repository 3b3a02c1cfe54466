/* kp-store.h — the one SQLite database, and the only place in Kursplan with SQL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "kp-course.h"
#include "kp-course-summary.h"

G_BEGIN_DECLS

#define KP_TYPE_STORE (kp_store_get_type ())

G_DECLARE_FINAL_TYPE (KpStore, kp_store, KP, STORE, GObject)

/* The schema version this build writes; older files are migrated in order on open. */
#define KP_STORE_SCHEMA_VERSION 14

char       *kp_store_dup_default_path (void);
KpStore    *kp_store_new              (const char  *path,
                                       GError     **error);
const char *kp_store_get_path         (KpStore     *self);
gboolean    kp_store_is_new           (KpStore     *self);
GPtrArray  *kp_store_list_courses     (KpStore     *self,
                                       GError     **error);
KpCourse   *kp_store_load_course      (KpStore     *self,
                                       const char  *course_id,
                                       GError     **error);
char       *kp_store_find_course_id   (KpStore     *self,
                                       const char  *id_or_title,
                                       GError     **error);
gboolean    kp_store_has_course       (KpStore     *self,
                                       const char  *course_id);
gboolean    kp_store_save_course      (KpStore     *self,
                                       KpCourse    *course,
                                       GError     **error);
gboolean    kp_store_save_courses     (KpStore     *self,
                                       GPtrArray   *courses,
                                       GError     **error);
typedef gboolean (*KpStoreUpdateFunc) (KpStore   *store,
                                       gpointer   user_data,
                                       GError   **error);

gboolean    kp_store_update           (KpStore            *self,
                                       KpStoreUpdateFunc   func,
                                       gpointer            user_data,
                                       GError            **error);
gboolean    kp_store_delete_course    (KpStore     *self,
                                       const char  *course_id,
                                       GError     **error);
void        kp_store_watch_course     (KpStore     *self,
                                       KpCourse    *course);
void        kp_store_unwatch_course   (KpStore     *self,
                                       KpCourse    *course);
gboolean    kp_store_flush            (KpStore     *self,
                                       GError     **error);

/* CalDAV sync's record of what it put where (kursplan sync). */
GHashTable *kp_store_load_caldav_resources (KpStore     *self,
                                            const char  *course_id,
                                            const char  *collection,
                                            GError     **error);
gboolean    kp_store_set_caldav_resource   (KpStore     *self,
                                            const char  *course_id,
                                            const char  *collection,
                                            const char  *session_id,
                                            const char  *href,
                                            const char  *etag,
                                            const char  *digest,
                                            GError     **error);

/* The planning-group invitations sent (kursplan invite), and the calendars' reminder. */
GHashTable *kp_store_load_invitations      (KpStore     *self,
                                            const char  *course_id,
                                            GError     **error);
gboolean    kp_store_set_invitation        (KpStore     *self,
                                            const char  *course_id,
                                            const char  *meeting_id,
                                            guint        sequence,
                                            const char  *digest,
                                            GError     **error);
gboolean    kp_store_get_remind_minutes    (KpStore     *self,
                                            const char  *course_id,
                                            guint       *minutes,
                                            GError     **error);
gboolean    kp_store_set_remind_minutes    (KpStore     *self,
                                            const char  *course_id,
                                            guint        minutes,
                                            GError     **error);

/* The year's figures (kursplan stats): KpStatsRow, see kp-stats.h. */
GPtrArray  *kp_store_list_year_figures     (KpStore     *self,
                                            int          year,
                                            GDateTime   *now,
                                            GError     **error);

G_END_DECLS
