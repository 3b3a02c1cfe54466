/* brochure-samples.c — writes the fixture courses' brochures and plan documents as PDFs, for
 * test-brochure-pdfs.py to check with poppler and qpdf, and for people to look at; and the
 * catalogue strings each language put into them (catalogue.json), so the test can tell the
 * languages' words from everything else
 *
 *   brochure-samples OUTDIR
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>

#include "kp-brochure.h"
#include "brochure-fixtures.h"

static void
write_brochure (KpCourse            *course,
                const char          *dir,
                const char          *name,
                const char          *language,
                KpBrochureLayout     layout,
                KpBrochureCancelled  cancelled,
                GDateTime           *now)
{
  g_autoptr(KpBrochure) brochure = kp_brochure_new (course, kp_doc_language_lookup (language),
                                                    cancelled);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  if (!kp_brochure_write_pdf (brochure, layout, now, path, &error))
    g_error ("%s: %s", path, error->message);
}

static void
add_strings (JsonBuilder *builder,
             const char  *name,
             GPtrArray   *strings)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < strings->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (strings, i));
  json_builder_end_array (builder);
}

/* Per language: the session times in the order the brochure prints them, the deadline, and
 * every label, role and kind. */
static void
write_catalogue (KpCourse    *course,
                 const char  *dir,
                 const char **codes,
                 guint        n_codes)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "catalogue.json", NULL);
  GListModel *sessions = kp_course_get_sessions (course);
  GDate deadline;

  kp_time_parse_date (kp_course_get_text (course, KP_COURSE_DEADLINE), &deadline);
  json_builder_begin_object (builder);
  for (guint c = 0; c < n_codes; c++)
    {
      const KpDocLanguage *language = kp_doc_language_lookup (codes[c]);
      g_autoptr(GPtrArray) times = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) words = g_ptr_array_new ();

      for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
        {
          g_autoptr(KpSession) session = g_list_model_get_item (sessions, i);
          g_autoptr(GDateTime) end = kp_session_get_end (session);

          g_ptr_array_add (times, kp_doc_language_format_session_time (language,
                                                                       kp_session_get_start (session),
                                                                       end));
        }
      g_ptr_array_add (times, kp_doc_language_format_date (language, &deadline));
      for (guint label = 0; label < KP_DOC_N_LABELS; label++)
        {
          /* The calendar's words ("Kurs", "Til stede:") are never printed in a brochure, and
           * "Kurs" would match inside a subtitle. */
          if (label >= KP_DOC_LABEL_COURSES && label <= KP_DOC_LABEL_ATTENDING)
            continue;
          g_ptr_array_add (words, (gpointer) kp_doc_language_get_label (language, label));
        }
      for (guint role = KP_ROLE_COURSE_LEADER; role <= KP_ROLE_COORDINATOR; role++)
        g_ptr_array_add (words, (gpointer) kp_doc_language_get_role (language, role));
      for (guint kind = KP_CONTRIBUTION_PROFESSIONAL_TALK; kind <= KP_CONTRIBUTION_BREAK; kind++)
        g_ptr_array_add (words, (gpointer) kp_doc_language_get_contribution_kind (language, kind));

      json_builder_set_member_name (builder, codes[c]);
      json_builder_begin_object (builder);
      add_strings (builder, "dates", times);
      add_strings (builder, "words", words);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  if (!json_generator_to_file (generator, path, &error))
    g_error ("%s: %s", path, error->message);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(KpCourse) course = NULL;
  g_autoptr(KpCourse) long_course = NULL;
  g_autoptr(KpCourse) paragraph_course = NULL;
  g_autoptr(GDateTime) now = NULL;
  const char *languages[] = { "nb", "nn", "se", "smj", "sma" };
  const char *dir;

  setlocale (LC_ALL, "");
  if (argc != 2)
    {
      g_printerr ("usage: %s OUTDIR\n", argv[0]);
      return 2;
    }
  dir = argv[1];
  g_mkdir_with_parents (dir, 0700);

  course = fixture_course ();
  long_course = fixture_long_course (30);
  paragraph_course = fixture_long_paragraph_course (400);
  now = g_date_time_new_utc (2027, 1, 20, 12, 0, 0);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *a4 = g_strdup_printf ("brochure-%s-a4.pdf", languages[i]);
      g_autofree char *a5 = g_strdup_printf ("brochure-%s-a5.pdf", languages[i]);
      g_autofree char *long_a4 = g_strdup_printf ("long-%s-a4.pdf", languages[i]);

      write_brochure (course, dir, a4, languages[i], KP_BROCHURE_LAYOUT_A4,
                      KP_BROCHURE_CANCELLED_MARK, now);
      write_brochure (course, dir, a5, languages[i], KP_BROCHURE_LAYOUT_A5,
                      KP_BROCHURE_CANCELLED_MARK, now);
      write_brochure (long_course, dir, long_a4, languages[i], KP_BROCHURE_LAYOUT_A4,
                      KP_BROCHURE_CANCELLED_MARK, now);
    }
  write_brochure (course, dir, "brochure-nb-a4-omit.pdf", "nb", KP_BROCHURE_LAYOUT_A4,
                  KP_BROCHURE_CANCELLED_OMIT, now);
  write_brochure (long_course, dir, "long-nb-a5.pdf", "nb", KP_BROCHURE_LAYOUT_A5,
                  KP_BROCHURE_CANCELLED_MARK, now);
  write_brochure (paragraph_course, dir, "long-paragraph-nb-a5.pdf", "nb", KP_BROCHURE_LAYOUT_A5,
                  KP_BROCHURE_CANCELLED_MARK, now);

  write_catalogue (course, dir, languages, G_N_ELEMENTS (languages));
  return 0;
}
