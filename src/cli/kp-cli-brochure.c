/* kp-cli-brochure.c — `kursplan brochure COURSE`, `kursplan poster COURSE` and `kursplan plan-pdf
 * COURSE`: the brochure and the poster for participants and the plan for the planning group, as
 * PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "kp-brochure.h"
#include "kp-cli.h"
#include "kp-error.h"
#include "kp-output.h"
#include "kp-plan-document.h"
#include "kp-poster.h"
#include "kp-quote.h"

/* "Å leve med kols" → "å-leve-med-kols-SUFFIX.pdf", in the current folder. */
static char *
dup_default_path (KpCourse   *course,
                  const char *suffix)
{
  const char *title = kp_course_get_title (course) ? kp_course_get_title (course) : "";
  g_autofree char *lower = g_utf8_strdown (title, -1);
  GString *name = g_string_new (NULL);

  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (name, c);
      else if (name->len > 0 && name->str[name->len - 1] != '-')
        g_string_append_c (name, '-');
    }
  if (name->len > 0 && name->str[name->len - 1] != '-')
    g_string_append_c (name, '-');
  g_string_append_printf (name, "%s.pdf", suffix);
  return g_string_free (name, FALSE);
}

/* --lang CODE: KP_EXIT_OK when it names a document language (or is not given), else a usage
 * error for COMMAND. */
static int
check_language_option (const char *command,
                       const char *lang)
{
  g_autofree char *quoted = NULL;

  if (lang == NULL || kp_doc_language_lookup (lang) != NULL)
    return KP_EXIT_OK;
  quoted = kp_quote_value (lang);
  return kp_cli_usage_error (command,
                             _("“%s” is not a brochure language: use nb, nn, se, smj or sma"),
                             quoted);
}

/* The language asked for with --lang, else the course's, else Bokmål. */
static const KpDocLanguage *
resolve_language (KpCourse   *course,
                  const char *lang)
{
  const KpDocLanguage *language = kp_doc_language_lookup (lang ? lang
                                                               : kp_course_get_language (course));

  return language != NULL ? language : kp_doc_language_lookup ("nb");
}

int
kp_cli_brochure (KpCliContext  *ctx,
                 int            argc,
                 char         **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("COURSE"));
  g_autoptr(GDateTime) now = kp_cli_export_time ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KpCourse) course = NULL;
  g_autoptr(KpBrochure) brochure = NULL;
  g_autofree char *output = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *layout_name = NULL;
  g_autofree char *cancelled_name = NULL;
  g_autofree char *suffix = NULL;
  const KpDocLanguage *language;
  KpBrochureLayout layout = KP_BROCHURE_LAYOUT_A4;
  KpBrochureCancelled cancelled = KP_BROCHURE_CANCELLED_MARK;
  guint n_pages;
  const GOptionEntry entries[] = {
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang,
      N_("The brochure's language: nb, nn, se, smj or sma (default: the course's)"), N_("CODE") },
    { "layout", 0, 0, G_OPTION_ARG_STRING, &layout_name,
      N_("The paper size: a4 or a5 (default: a4)"), N_("SIZE") },
    { "cancelled", 0, 0, G_OPTION_ARG_STRING, &cancelled_name,
      N_("Cancelled sessions: mark or omit (default: mark)"), N_("HOW") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the PDF to FILE (default: named after the course)"), N_("FILE") },
    { NULL }
  };

  g_option_context_set_summary (context,
                                _("Writes the course's brochure for patients and relatives as an "
                                  "accessible PDF. COURSE is the course’s id or its exact title. "
                                  "Members appear by name only where they are marked public."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!kp_cli_parse (context, "brochure", &argc, &argv))
    return KP_EXIT_USAGE;
  if (argc != 2)
    return kp_cli_usage_error ("brochure", "%s",
                               _("name one course, by its id or its exact title"));
  if (layout_name != NULL && !kp_brochure_layout_from_string (layout_name, &layout))
    {
      g_autofree char *quoted = kp_quote_value (layout_name);

      return kp_cli_usage_error ("brochure", _("“%s” is not a paper size: use a4 or a5"), quoted);
    }
  if (g_strcmp0 (cancelled_name, "omit") == 0)
    cancelled = KP_BROCHURE_CANCELLED_OMIT;
  else if (cancelled_name != NULL && g_strcmp0 (cancelled_name, "mark") != 0)
    {
      g_autofree char *quoted = kp_quote_value (cancelled_name);

      return kp_cli_usage_error ("brochure",
                                 _("--cancelled takes “mark” or “omit”, not “%s”"), quoted);
    }
  if (check_language_option ("brochure", lang) != KP_EXIT_OK)
    return KP_EXIT_USAGE;

  course = kp_cli_load_course (ctx, argv[1], &error);
  if (course == NULL)
    return kp_cli_fail (error);

  language = resolve_language (course, lang);
  if (output == NULL)
    {
      suffix = g_strdup_printf ("%s-%s", layout == KP_BROCHURE_LAYOUT_A5 ? "a5" : "a4",
                                kp_doc_language_get_code (language));
      output = dup_default_path (course, suffix);
    }

  brochure = kp_brochure_new (course, language, cancelled);
  if (!kp_brochure_write_pdf (brochure, layout, now, output, &error))
    return kp_cli_fail (error);

  n_pages = kp_brochure_get_n_pages (brochure);
  printf (g_dngettext (GETTEXT_PACKAGE, "Wrote %s (%u page)", "Wrote %s (%u pages)", n_pages),
          output, n_pages);
  putchar ('\n');
  return KP_EXIT_OK;
}

int
kp_cli_plan_pdf (KpCliContext  *ctx,
                 int            argc,
                 char         **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("COURSE"));
  g_autoptr(GDateTime) now = kp_cli_export_time ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KpCourse) course = NULL;
  g_autoptr(KpPlanDocument) document = NULL;
  g_autofree char *output = NULL;
  guint n_pages;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the PDF to FILE (default: named after the course)"), N_("FILE") },
    { NULL }
  };

  g_option_context_set_summary (context,
                                _("Writes the whole plan for the planning group as a PDF: the six "
                                  "didactic elements, the group, the timetable and the checklist. "
                                  "It names every member: keep it within the group."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!kp_cli_parse (context, "plan-pdf", &argc, &argv))
    return KP_EXIT_USAGE;
  if (argc != 2)
    return kp_cli_usage_error ("plan-pdf", "%s",
                               _("name one course, by its id or its exact title"));

  course = kp_cli_load_course (ctx, argv[1], &error);
  if (course == NULL)
    return kp_cli_fail (error);
  if (output == NULL)
    output = dup_default_path (course, "plan");

  document = kp_plan_document_new (course, now);
  if (!kp_plan_document_write_pdf (document, now, output, &error))
    return kp_cli_fail (error);
  n_pages = kp_plan_document_get_n_pages (document);
  printf (g_dngettext (GETTEXT_PACKAGE, "Wrote %s (%u page)", "Wrote %s (%u pages)", n_pages),
          output, n_pages);
  putchar ('\n');
  return KP_EXIT_OK;
}

int
kp_cli_poster (KpCliContext  *ctx,
               int            argc,
               char         **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("COURSE"));
  g_autoptr(GDateTime) now = kp_cli_export_time ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KpCourse) course = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *output = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *size_name = NULL;
  g_autofree char *suffix = NULL;
  const KpDocLanguage *language;
  KpPosterSize size = KP_POSTER_SIZE_A4;
  const GOptionEntry entries[] = {
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang,
      N_("The poster's language: nb, nn, se, smj or sma (default: the course's)"), N_("CODE") },
    { "size", 0, 0, G_OPTION_ARG_STRING, &size_name,
      N_("The paper size: a4 or a3 (default: a4)"), N_("SIZE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the PDF to FILE (default: named after the course)"), N_("FILE") },
    { NULL }
  };

  g_option_context_set_summary (context,
                                _("Writes the course's poster as an accessible PDF: the title, "
                                  "who it is for, the dates, the place and a QR code to the "
                                  "registration page. COURSE is the course’s id or its exact "
                                  "title."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!kp_cli_parse (context, "poster", &argc, &argv))
    return KP_EXIT_USAGE;
  if (argc != 2)
    return kp_cli_usage_error ("poster", "%s",
                               _("name one course, by its id or its exact title"));
  if (size_name != NULL && !kp_poster_size_from_string (size_name, &size))
    {
      g_autofree char *quoted = kp_quote_value (size_name);

      return kp_cli_usage_error ("poster", _("“%s” is not a poster size: use a4 or a3"), quoted);
    }
  if (check_language_option ("poster", lang) != KP_EXIT_OK)
    return KP_EXIT_USAGE;

  course = kp_cli_load_course (ctx, argv[1], &error);
  if (course == NULL)
    return kp_cli_fail (error);

  language = resolve_language (course, lang);
  if (output == NULL)
    {
      suffix = g_strdup_printf ("poster-%s-%s", size == KP_POSTER_SIZE_A3 ? "a3" : "a4",
                                kp_doc_language_get_code (language));
      output = dup_default_path (course, suffix);
    }

  bytes = kp_poster_render_pdf (course, language, size, now, &error);
  if (bytes == NULL)
    return kp_cli_fail (error);
  if (!kp_output_write_path (output, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                             &error))
    return kp_cli_fail (error);
  /* Standard output carries the PDF itself with -o -. */
  if (g_strcmp0 (output, "-") != 0)
    {
      printf (_("Wrote %s"), output);
      putchar ('\n');
    }
  return KP_EXIT_OK;
}
