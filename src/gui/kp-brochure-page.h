/* kp-brochure-page.h — the brochure and registration step: the fields and a live preview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kp-course.h"

G_BEGIN_DECLS

#define KP_TYPE_BROCHURE_PAGE (kp_brochure_page_get_type ())

G_DECLARE_FINAL_TYPE (KpBrochurePage, kp_brochure_page, KP, BROCHURE_PAGE, AdwBin)

GtkWidget  *kp_brochure_page_new          (void);
KpCourse   *kp_brochure_page_get_course   (KpBrochurePage *self);
void        kp_brochure_page_set_course   (KpBrochurePage *self,
                                           KpCourse       *course);
const char *kp_brochure_page_get_language (KpBrochurePage *self);
void        kp_brochure_page_set_language (KpBrochurePage *self,
                                           const char     *language);
GtkWidget  *kp_brochure_page_get_preview  (KpBrochurePage *self);

G_END_DECLS
