/* kp-pdf-ua.h — finishing a tagged PDF from cairo so that it meets PDF/UA: the document language,
 * the title shown by viewers, XMP metadata with the PDF/UA identification, figures' alternative
 * text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

GBytes *kp_pdf_ua_finish (GBytes             *pdf,
                          const char         *title,
                          const char         *language,
                          const char * const *figure_alts,
                          GError            **error);

G_END_DECLS
