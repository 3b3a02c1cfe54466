/* kp-brochure-preview.h — the course's brochure drawn page by page, scaled to the widget's width
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "kp-course.h"

G_BEGIN_DECLS

#define KP_TYPE_BROCHURE_PREVIEW (kp_brochure_preview_get_type ())

G_DECLARE_FINAL_TYPE (KpBrochurePreview, kp_brochure_preview, KP, BROCHURE_PREVIEW, GtkWidget)

GtkWidget  *kp_brochure_preview_new          (void);
KpCourse   *kp_brochure_preview_get_course   (KpBrochurePreview *self);
void        kp_brochure_preview_set_course   (KpBrochurePreview *self,
                                              KpCourse          *course);
const char *kp_brochure_preview_get_language (KpBrochurePreview *self);
void        kp_brochure_preview_set_language (KpBrochurePreview *self,
                                              const char        *language);
const char *kp_brochure_preview_get_layout   (KpBrochurePreview *self);
void        kp_brochure_preview_set_layout   (KpBrochurePreview *self,
                                              const char        *layout);
const char *kp_brochure_preview_get_cancelled (KpBrochurePreview *self);
void        kp_brochure_preview_set_cancelled (KpBrochurePreview *self,
                                               const char        *cancelled);
guint       kp_brochure_preview_get_n_pages  (KpBrochurePreview *self);
void        kp_brochure_preview_update_now   (KpBrochurePreview *self);

G_END_DECLS
