/* kp-plan-document.h — the whole plan on paper, for the planning group
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "kp-course.h"

G_BEGIN_DECLS

#define KP_TYPE_PLAN_DOCUMENT (kp_plan_document_get_type ())

G_DECLARE_FINAL_TYPE (KpPlanDocument, kp_plan_document, KP, PLAN_DOCUMENT, GObject)

KpPlanDocument *kp_plan_document_new         (KpCourse        *course,
                                              GDateTime       *now);
guint           kp_plan_document_paginate    (KpPlanDocument  *self,
                                              double           width,
                                              double           height);
guint           kp_plan_document_get_n_pages (KpPlanDocument  *self);
void            kp_plan_document_draw_page   (KpPlanDocument  *self,
                                              cairo_t         *cr,
                                              guint            page);
GBytes         *kp_plan_document_render_pdf  (KpPlanDocument  *self,
                                              GDateTime       *now,
                                              GError         **error);
gboolean        kp_plan_document_write_pdf   (KpPlanDocument  *self,
                                              GDateTime       *now,
                                              const char      *path,
                                              GError         **error);

G_END_DECLS
