/* kp-course-export.h — the window's actions that take the open course out of Kursplan: print and
 * export the brochure, export the calendar, sync it to a CalDAV calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kp-brochure.h"
#include "kp-window.h"

G_BEGIN_DECLS

void               kp_course_export_install_actions    (GtkWidgetClass       *widget_class);
void               kp_course_export_update_actions     (KpWindow             *window);

GtkPrintOperation *kp_course_export_new_print_operation (KpCourse            *course,
                                                        const char          *language,
                                                        KpBrochureLayout     layout,
                                                        KpBrochureCancelled  cancelled);
gboolean           kp_course_export_brochure           (KpWindow             *window,
                                                        const char           *language,
                                                        GFile                *file,
                                                        GError              **error);
gboolean           kp_course_export_poster             (KpWindow             *window,
                                                        const char           *language,
                                                        GFile                *file,
                                                        GError              **error);
gboolean           kp_course_export_calendar           (KpWindow             *window,
                                                        gboolean              planning,
                                                        GFile                *file,
                                                        GError              **error);
gboolean           kp_course_export_sync               (KpWindow             *window,
                                                        const char           *url,
                                                        const char           *user,
                                                        const char           *password);
gboolean           kp_course_export_is_syncing         (KpWindow             *window);
gboolean           kp_course_export_invite             (KpWindow             *window,
                                                        GError              **error);

G_END_DECLS
