/* kp-brochure.h — the course's brochure: one renderer for the PDF export, printing and the preview
 *
 * Everything is in points and a page includes its margins. Printing: set the GtkPrintOperation's
 * unit to points and use-full-page, call kp_brochure_paginate() with the print context's width
 * and height in ::paginate (or ::begin-print) and kp_brochure_draw_page() with its cairo context
 * in ::draw-page. Preview: paginate for the paper size, then scale the snapshot's cairo context
 * to the widget and draw the page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "kp-course.h"
#include "kp-doc-language.h"

G_BEGIN_DECLS

typedef enum
{
  KP_BROCHURE_LAYOUT_A4,
  KP_BROCHURE_LAYOUT_A5,
} KpBrochureLayout;

typedef enum
{
  KP_BROCHURE_CANCELLED_OMIT,  /* cancelled sessions are left out */
  KP_BROCHURE_CANCELLED_MARK,  /* shown greyed, marked as cancelled */
} KpBrochureCancelled;

#define KP_TYPE_BROCHURE (kp_brochure_get_type ())

G_DECLARE_FINAL_TYPE (KpBrochure, kp_brochure, KP, BROCHURE, GObject)

void        kp_brochure_layout_get_size (KpBrochureLayout      layout,
                                         double               *width,
                                         double               *height);
gboolean    kp_brochure_layout_from_string (const char        *name,
                                            KpBrochureLayout  *layout);

KpBrochure *kp_brochure_new             (KpCourse             *course,
                                         const KpDocLanguage  *language,
                                         KpBrochureCancelled   cancelled);
guint       kp_brochure_paginate        (KpBrochure           *self,
                                         double                width,
                                         double                height);
guint       kp_brochure_get_n_pages     (KpBrochure           *self);
void        kp_brochure_draw_page       (KpBrochure           *self,
                                         cairo_t              *cr,
                                         guint                 page);
GBytes     *kp_brochure_render_pdf      (KpBrochure           *self,
                                         KpBrochureLayout      layout,
                                         GDateTime            *now,
                                         GError              **error);
gboolean    kp_brochure_write_pdf       (KpBrochure           *self,
                                         KpBrochureLayout      layout,
                                         GDateTime            *now,
                                         const char           *path,
                                         GError              **error);

G_END_DECLS
