/* kp-poster.h — a course's poster for a notice board: title, who it is for, the dates, the place
 * and a QR code to the registration page, as a tagged PDF in the course's document language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kp-course.h"
#include "kp-doc-language.h"

G_BEGIN_DECLS

typedef enum
{
  KP_POSTER_SIZE_A4,
  KP_POSTER_SIZE_A3,
} KpPosterSize;

gboolean  kp_poster_size_from_string (const char           *name,
                                      KpPosterSize         *size);
GBytes   *kp_poster_render_pdf       (KpCourse             *course,
                                      const KpDocLanguage  *language,
                                      KpPosterSize          size,
                                      GDateTime            *now,
                                      GError              **error);

G_END_DECLS
