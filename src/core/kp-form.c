/* kp-form.c — the participants' evaluation form on paper: anonymous, in a document language
 *
 * The form asks for no name, no age and no date: its answers are only ever entered as counts.
 * Whether the respondent is a patient or a relative is asked only when the course chooses to,
 * and counted, never kept per person.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-form"

#include "config.h"

#include "kp-doc-language.h"
#include "kp-doc-layout.h"
#include "kp-error.h"
#include "kp-form.h"
#include "kp-i18n.h"
#include "kp-questionnaire.h"
#include "kp-quote.h"

#define A4_WIDTH  595.276
#define A4_HEIGHT 841.890

/* The languages with question texts of their own; Lule and South Sami forms are printed in
 * Bokmål, with a note, until reviewed texts exist. */
gboolean
kp_form_language_is_supported (const char *language)
{
  return g_strcmp0 (language, "nb") == 0 || g_strcmp0 (language, "nn") == 0 ||
         g_strcmp0 (language, "se") == 0;
}

static void
add_text (KpDocLayout     *layout,
          KpDocStyle       style,
          KpDocBlockFlags  flags,
          const char      *text)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);

  kp_doc_layout_add (layout, style, flags, NULL, markup, NULL);
}

/* "svært lite  1 ☐   2 ☐   3 ☐   4 ☐   5 ☐  svært mye": the boxes to tick; 0–10 closer
 * together, so that its eleven boxes and both ends fit one line. */
static void
add_scale (KpDocLayout       *layout,
           KpEvaluationScale  scale,
           const char        *language)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  gboolean wide = scale == KP_EVALUATION_SCALE_0_TO_10;
  g_autofree char *low = g_markup_escape_text (
      kp_questionnaire_get_form_text (wide ? KP_FORM_TEXT_SCALE_LOW_0_10 : KP_FORM_TEXT_SCALE_LOW,
                                      language), -1);
  g_autofree char *high = g_markup_escape_text (
      kp_questionnaire_get_form_text (KP_FORM_TEXT_SCALE_HIGH, language), -1);
  guint lowest = kp_evaluation_scale_get_lowest (scale);
  guint n_points = kp_evaluation_scale_get_n_points (scale);

  g_string_append_printf (markup, "<span foreground=\"#555555\">%s</span>%s", low,
                          wide ? "  " : "   ");
  for (guint point = lowest; point < lowest + n_points; point++)
    g_string_append_printf (markup, "<b>%u</b> <span size=\"150%%\">☐</span>%s", point,
                            wide ? "  " : "     ");
  g_string_append_printf (markup, "<span foreground=\"#555555\">%s</span>", high);
  kp_doc_layout_add (layout, KP_DOC_STYLE_BODY, KP_DOC_BLOCK_NONE, NULL, markup->str, NULL);
}

/* "☐ pasient     ☐ pårørende": the respondent ticks one, and only the counts are entered. */
static void
add_role_question (KpDocLayout *layout,
                   guint        number,
                   const char  *language)
{
  g_autofree char *question =
    g_strdup_printf ("%u. %s", number,
                     kp_questionnaire_get_form_text (KP_FORM_TEXT_ROLE_QUESTION, language));
  g_autofree char *markup =
    g_markup_printf_escaped ("<span size=\"150%%\">☐</span> %s          "
                             "<span size=\"150%%\">☐</span> %s",
                             kp_questionnaire_get_form_text (KP_FORM_TEXT_PATIENT, language),
                             kp_questionnaire_get_form_text (KP_FORM_TEXT_RELATIVE, language));

  add_text (layout, KP_DOC_STYLE_SUBHEADING, KP_DOC_BLOCK_KEEP_WITH_NEXT, question);
  kp_doc_layout_add (layout, KP_DOC_STYLE_BODY, KP_DOC_BLOCK_NONE, NULL, markup, NULL);
}

/**
 * kp_form_render_pdf:
 * @kind: %KP_EVALUATION_MIDWAY or %KP_EVALUATION_FINAL
 * @language: (nullable): "nb", "nn", "se", "smj" or "sma"; %NULL for the course's language.
 *   Lule and South Sami forms are printed in Bokmål, with a note saying so.
 * @now: written as the PDF's creation date
 *
 * Patient or relative, when the course asks it; the standard questions on the course's scale
 * (1–5 or 0–10), then the group's own (those its earlier forms asked), then the two open
 * questions with room to write. The midway form asks about the course so far.
 *
 * Returns: (transfer full) (nullable): a tagged A4 PDF
 */
GBytes *
kp_form_render_pdf (KpCourse          *course,
                    KpEvaluationKind   kind,
                    const char        *language,
                    GDateTime         *now,
                    GError           **error)
{
  g_autoptr(KpDocLayout) layout = NULL;
  g_auto(GStrv) keys = NULL;
  g_autofree char *title_markup = NULL;
  g_autofree char *pdf_title = NULL;
  const KpDocLanguage *doc_language;
  KpEvaluationScale scale;
  const char *note;
  const char *title;
  const char *form_title;
  const char * const open_questions[] = { KP_QUESTION_MATTERED_MOST, KP_QUESTION_CHANGE };
  KpDocMetadata metadata = { 0 };
  guint number = 0;

  g_return_val_if_fail (KP_IS_COURSE (course), NULL);
  g_return_val_if_fail (kind == KP_EVALUATION_MIDWAY || kind == KP_EVALUATION_FINAL, NULL);

  if (language == NULL)
    language = kp_course_get_language (course) ? kp_course_get_language (course) : "nb";
  doc_language = kp_doc_language_lookup (language);
  if (doc_language == NULL)
    {
      g_autofree char *quoted = kp_quote_value (language);

      g_set_error (error, KP_ERROR, KP_ERROR_INVALID_VALUE,
                   _("There is no evaluation form in “%s”: choose nb, nn, se, smj or sma"),
                   quoted);
      return NULL;
    }
  note = kp_questionnaire_get_fallback_note (language);
  if (!kp_form_language_is_supported (language))
    {
      language = "nb";
      doc_language = kp_doc_language_lookup (language);
    }
  scale = kp_course_get_evaluation_scale (course);

  title = kp_course_get_title (course) ? kp_course_get_title (course) : "";
  form_title = kp_questionnaire_get_form_text (kind == KP_EVALUATION_MIDWAY
                                               ? KP_FORM_TEXT_MIDWAY_TITLE
                                               : KP_FORM_TEXT_FINAL_TITLE, language);
  layout = kp_doc_layout_new (language);
  kp_doc_layout_set_footer (layout, form_title,
                            kp_doc_language_get_label (doc_language, KP_DOC_LABEL_PAGE));
  title_markup = g_markup_escape_text (title, -1);
  kp_doc_layout_add (layout, KP_DOC_STYLE_TITLE, KP_DOC_BLOCK_NONE, NULL, title_markup, NULL);
  add_text (layout, KP_DOC_STYLE_SUBTITLE, KP_DOC_BLOCK_NONE, form_title);
  if (note != NULL)
    add_text (layout, KP_DOC_STYLE_NOTE, KP_DOC_BLOCK_NONE, note);
  add_text (layout, KP_DOC_STYLE_LEAD, KP_DOC_BLOCK_NONE,
            kp_questionnaire_get_form_text (KP_FORM_TEXT_ANONYMOUS, language));
  add_text (layout, KP_DOC_STYLE_BODY, KP_DOC_BLOCK_NONE,
            kp_questionnaire_get_form_text (scale == KP_EVALUATION_SCALE_0_TO_10
                                            ? KP_FORM_TEXT_SCALE_HELP_0_10
                                            : KP_FORM_TEXT_SCALE_HELP, language));

  /* Background first, as NK LMH's question bank begins. */
  if (kp_course_get_asks_patient_or_relative (course))
    add_role_question (layout, ++number, language);

  keys = kp_questionnaire_dup_scale_keys (course);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autofree char *question = g_strdup_printf ("%u. %s", ++number,
                                                   kp_questionnaire_get_form_label (keys[i], kind,
                                                                                    language));

      add_text (layout, KP_DOC_STYLE_SUBHEADING, KP_DOC_BLOCK_KEEP_WITH_NEXT, question);
      add_scale (layout, scale, language);
    }
  for (guint i = 0; i < G_N_ELEMENTS (open_questions); i++)
    {
      g_autofree char *question = g_strdup_printf ("%u. %s", ++number,
                                                   kp_questionnaire_get_form_label (
                                                     open_questions[i], kind, language));

      add_text (layout, KP_DOC_STYLE_SUBHEADING, KP_DOC_BLOCK_KEEP_WITH_NEXT, question);
      /* Room to write by hand: ruled lines, as a paper form has. */
      kp_doc_layout_add (layout, KP_DOC_STYLE_BODY, KP_DOC_BLOCK_NONE, NULL,
                         "<span foreground=\"#9a9a9a\">"
                         "\n______________________________________________________________________"
                         "\n\n______________________________________________________________________"
                         "\n\n______________________________________________________________________"
                         "\n\n______________________________________________________________________"
                         "</span>", NULL);
    }
  add_text (layout, KP_DOC_STYLE_NOTE, KP_DOC_BLOCK_NONE,
            kp_questionnaire_get_form_text (KP_FORM_TEXT_THANKS, language));

  pdf_title = g_strdup_printf ("%s: %s", form_title, title);
  metadata.title = pdf_title;
  metadata.author = kp_course_get_text (course, KP_COURSE_ORGANISER);
  metadata.subject = form_title;
  return kp_doc_layout_render_pdf (layout, A4_WIDTH, A4_HEIGHT, &metadata, now, error);
}
