/* kp-window.h — the main window: the course list beside the selected course
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kp-application.h"
#include "kp-store.h"

G_BEGIN_DECLS

#define KP_TYPE_WINDOW (kp_window_get_type ())

G_DECLARE_FINAL_TYPE (KpWindow, kp_window, KP, WINDOW, AdwApplicationWindow)

KpWindow   *kp_window_new                 (KpApplication *application,
                                           KpStore       *store);
KpStore    *kp_window_get_store           (KpWindow      *self);
KpCourse   *kp_window_get_course          (KpWindow      *self);
gboolean    kp_window_select_course       (KpWindow      *self,
                                           const char    *course_id);
GListModel *kp_window_get_visible_courses (KpWindow      *self);
void        kp_window_set_search_text     (KpWindow      *self,
                                           const char    *text);
void        kp_window_import_file         (KpWindow      *self,
                                           GFile         *file);
void        kp_window_add_toast           (KpWindow      *self,
                                           AdwToast      *toast);

G_END_DECLS
