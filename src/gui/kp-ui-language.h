/* kp-ui-language.h — the language of the window: the desktop's, or the user's own choice
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "kp-doc-language.h"

G_BEGIN_DECLS

guint        kp_ui_language_get_n_choices   (void);
const char  *kp_ui_language_get_choice_code (guint       index);
const char  *kp_ui_language_get_choice_name (guint       index);
guint        kp_ui_language_find_choice     (const char *code);
char        *kp_ui_language_build_language  (const char *code,
                                             const char * const *system_languages);
void         kp_ui_language_apply           (gboolean    use_preference);
const KpDocLanguage *kp_ui_language_get_dates_language (void);
char        *kp_ui_language_format_date     (GDateTime  *time,
                                             const char *pattern);

G_END_DECLS
