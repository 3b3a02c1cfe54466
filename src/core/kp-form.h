/* kp-form.h — the participants' evaluation form on paper: anonymous, in a document language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kp-course.h"

G_BEGIN_DECLS

gboolean  kp_form_language_is_supported (const char        *language);
GBytes   *kp_form_render_pdf            (KpCourse          *course,
                                         KpEvaluationKind   kind,
                                         const char        *language,
                                         GDateTime         *now,
                                         GError           **error);

G_END_DECLS
