/* kp-programme-html.h — the term's programme (the courses that start in a period) as a web page:
 * semantic HTML, a stylesheet, schema.org JSON-LD and a calendar of every session
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "kp-course.h"

G_BEGIN_DECLS

typedef enum
{
  KP_PROGRAMME_DEFAULT             = 0,
  KP_PROGRAMME_LEAVE_OUT_CANCELLED = 1 << 0,  /* leave cancelled courses out instead of marking */
} KpProgrammeFlags;

gboolean   kp_programme_course_is_cancelled (KpCourse          *course);
GPtrArray *kp_programme_select              (KpCourse * const  *courses,
                                             guint              n_courses,
                                             const GDate       *from,
                                             const GDate       *to,
                                             KpProgrammeFlags   flags);
char      *kp_programme_html_build          (KpCourse * const  *courses,
                                             guint              n_courses,
                                             const char        *centre,
                                             const GDate       *from,
                                             const GDate       *to);
const char *kp_programme_html_get_stylesheet (void);
gboolean   kp_programme_html_write          (const char        *directory,
                                             KpCourse * const  *courses,
                                             guint              n_courses,
                                             const char        *centre,
                                             const GDate       *from,
                                             const GDate       *to,
                                             GDateTime         *now,
                                             GError           **error);

G_END_DECLS
