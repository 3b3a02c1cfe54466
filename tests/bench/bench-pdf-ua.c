/* bench-pdf-ua.c — what the PDF/UA finishing (libqpdf) adds to a document: kp_pdf_ua_finish
 * timed on the fixture brochure (A4 and A5) and on a poster, beside drawing the whole document.
 *
 *   bench-pdf-ua [ROUNDS]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include "kp-brochure.h"
#include "kp-pdf-ua.h"
#include "kp-poster.h"
#include "../brochure/brochure-fixtures.h"

typedef GBytes *(*RenderFunc) (KpCourse *course, GDateTime *now, gconstpointer data);

static GBytes *
render_brochure (KpCourse      *course,
                 GDateTime     *now,
                 gconstpointer  data)
{
  g_autoptr(KpBrochure) brochure = kp_brochure_new (course, kp_doc_language_lookup ("nb"),
                                                    KP_BROCHURE_CANCELLED_MARK);

  return kp_brochure_render_pdf (brochure, GPOINTER_TO_INT (data), now, NULL);
}

static GBytes *
render_poster (KpCourse      *course,
               GDateTime     *now,
               gconstpointer  data)
{
  return kp_poster_render_pdf (course, kp_doc_language_lookup ("nb"), GPOINTER_TO_INT (data), now,
                               NULL);
}

static void
measure (const char    *name,
         KpCourse      *course,
         GDateTime     *now,
         RenderFunc     render,
         gconstpointer  data,
         guint          rounds)
{
  g_autoptr(GBytes) pdf = render (course, now, data);
  gint64 start;
  double whole_ms, finish_ms;

  g_assert_nonnull (pdf);
  start = g_get_monotonic_time ();
  for (guint i = 0; i < rounds; i++)
    g_bytes_unref (render (course, now, data));
  whole_ms = (g_get_monotonic_time () - start) / 1000.0 / rounds;

  start = g_get_monotonic_time ();
  for (guint i = 0; i < rounds; i++)
    g_bytes_unref (kp_pdf_ua_finish (pdf, "Å leve med kols", "nb", NULL, NULL));
  finish_ms = (g_get_monotonic_time () - start) / 1000.0 / rounds;

  printf ("%-12s %7zu bytes  draw+finish %6.2f ms  of which finishing %5.2f ms (%.0f %%)\n",
          name, g_bytes_get_size (pdf), whole_ms, finish_ms, 100.0 * finish_ms / whole_ms);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(KpCourse) course = fixture_course ();
  g_autoptr(GDateTime) now = g_date_time_new_utc (2027, 1, 20, 12, 0, 0);
  guint rounds = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 20;

  kp_course_set_text (course, KP_COURSE_URL, "https://example.no/kurs/kols");
  printf ("PDF/UA finishing, mean of %u rounds in one process\n", rounds);
  measure ("brochure A4", course, now, render_brochure, GINT_TO_POINTER (KP_BROCHURE_LAYOUT_A4),
           rounds);
  measure ("brochure A5", course, now, render_brochure, GINT_TO_POINTER (KP_BROCHURE_LAYOUT_A5),
           rounds);
  measure ("poster A4", course, now, render_poster, GINT_TO_POINTER (KP_POSTER_SIZE_A4), rounds);
  measure ("poster A3", course, now, render_poster, GINT_TO_POINTER (KP_POSTER_SIZE_A3), rounds);
  return 0;
}
