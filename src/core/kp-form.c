/* kp-form.c — the participants' evaluation form on paper: anonymous, in a document language
 *
 * The form asks for no name, no age and no date: its answers are only ever entered as counts.
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

/* The languages with question texts of their own; Lule and South Sami wait for reviewed texts. */
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

/* "svært lite  1 ☐   2 ☐   3 ☐   4 ☐   5 ☐  svært mye": the boxes to tick. */
static void
add_scale (KpDocLayout *layout,
           const char  *language)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autofree char *low = g_markup_escape_text (
      kp_questionnaire_get_form_text (KP_FORM_TEXT_SCALE_LOW, language), -1);
  g_autofree char *high = g_markup_escape_text (
      kp_questionnaire_get_form_text (KP_FORM_TEXT_SCALE_HIGH, language), -1);

  g_string_append_printf (markup, "<span foreground=\"#555555\">%s</span>   ", low);
  for (guint point = 1; point <= 5; point++)
    g_string_append_printf (markup, "<b>%u</b> <span size=\"150%%\">☐</span>     ", point);
  g_string_append_printf (markup, "<span foreground=\"#555555\">%s</span>", high);
  kp_doc_layout_add (layout, KP_DOC_STYLE_BODY, KP_DOC_BLOCK_NONE, NULL, markup->str, NULL);
}

/**
 * kp_form_render_pdf:
 * @kind: %KP_EVALUATION_MIDWAY or %KP_EVALUATION_FINAL
 * @language: (nullable): "nb", "nn" or "se"; %NULL for the course's language
 * @now: written as the PDF's creation date
 *
 * The standard questions, then the group's own (those its earlier forms asked), then the two
 * open questions with room to write.
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
  const char *title;
  const char *form_title;
  const char * const open_questions[] = { KP_QUESTION_MATTERED_MOST, KP_QUESTION_CHANGE };
  KpDocMetadata metadata = { 0 };
  guint number = 0;

  g_return_val_if_fail (KP_IS_COURSE (course), NULL);
  g_return_val_if_fail (kind == KP_EVALUATION_MIDWAY || kind == KP_EVALUATION_FINAL, NULL);

  if (language == NULL)
    language = kp_course_get_language (course) ? kp_course_get_language (course) : "nb";
  if (!kp_form_language_is_supported (language))
    {
      g_autofree char *quoted = kp_quote_value (language);

      g_set_error (error, KP_ERROR, KP_ERROR_INVALID_VALUE,
                   _("There is no evaluation form in “%s” yet: choose nb, nn or se"), quoted);
      return NULL;
    }
  doc_language = kp_doc_language_lookup (language);

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
  add_text (layout, KP_DOC_STYLE_LEAD, KP_DOC_BLOCK_NONE,
            kp_questionnaire_get_form_text (KP_FORM_TEXT_ANONYMOUS, language));
  add_text (layout, KP_DOC_STYLE_BODY, KP_DOC_BLOCK_NONE,
            kp_questionnaire_get_form_text (KP_FORM_TEXT_SCALE_HELP, language));

  keys = kp_questionnaire_dup_scale_keys (course);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autofree char *question = g_strdup_printf ("%u. %s", ++number,
                                                   kp_questionnaire_get_doc_label (keys[i],
                                                                                   language));

      add_text (layout, KP_DOC_STYLE_SUBHEADING, KP_DOC_BLOCK_KEEP_WITH_NEXT, question);
      add_scale (layout, language);
    }
  for (guint i = 0; i < G_N_ELEMENTS (open_questions); i++)
    {
      g_autofree char *question = g_strdup_printf ("%u. %s", ++number,
                                                   kp_questionnaire_get_doc_label (
                                                     open_questions[i], language));

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
