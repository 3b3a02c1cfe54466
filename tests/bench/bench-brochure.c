/* bench-brochure.c — one whole process writing one brochure: what `kursplan brochure` costs
 * without the database. bench-brochure.py times it beside LibreOffice.
 *
 *   bench-brochure OUT.pdf [LANG] [a4|a5]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kp-brochure.h"
#include "../brochure/brochure-fixtures.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(KpCourse) course = NULL;
  g_autoptr(KpBrochure) brochure = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  KpBrochureLayout layout = KP_BROCHURE_LAYOUT_A4;
  const KpDocLanguage *language;

  if (argc < 2 || argc > 4)
    {
      g_printerr ("usage: %s OUT.pdf [LANG] [a4|a5]\n", argv[0]);
      return 2;
    }
  language = kp_doc_language_lookup (argc > 2 ? argv[2] : "nb");
  if (language == NULL || (argc > 3 && !kp_brochure_layout_from_string (argv[3], &layout)))
    {
      g_printerr ("%s: unknown language or layout\n", argv[0]);
      return 2;
    }

  course = fixture_course ();
  now = g_date_time_new_utc (2027, 1, 20, 12, 0, 0);
  brochure = kp_brochure_new (course, language, KP_BROCHURE_CANCELLED_MARK);
  if (!kp_brochure_write_pdf (brochure, layout, now, argv[1], &error))
    {
      g_printerr ("%s: %s\n", argv[0], error->message);
      return 1;
    }
  return 0;
}
