/* kp-report.c — the evaluation report for the centre and the planning group, as a tagged PDF
 *
 * The text (attendance, means, what participants said, the meeting's actions) flows through the
 * shared document layout; the charts follow on pages of their own, drawn with cairo, because the
 * layout has no block for a drawing yet. Counts only: the report never names a participant.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-report"

#include "config.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "kp-doc-language.h"
#include "kp-doc-layout.h"
#include "kp-error.h"
#include "kp-evaluation-summary.h"
#include "kp-i18n.h"
#include "kp-pdf-ua.h"
#include "kp-questionnaire.h"
#include "kp-report.h"

#define A4_WIDTH  595.276
#define A4_HEIGHT 841.890
#define MARGIN    56.0
#define CHART_HEIGHT 128.0

/* The brochure's accent, and a grey for the midway bars. */
#define ACCENT_R 0.110
#define ACCENT_G 0.420
#define ACCENT_B 0.451
#define MIDWAY_R 0.620
#define MIDWAY_G 0.660
#define MIDWAY_B 0.680

static void
add_text (KpDocLayout     *layout,
          KpDocStyle       style,
          KpDocBlockFlags  flags,
          const char      *text)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);

  kp_doc_layout_add (layout, style, flags, NULL, markup, NULL);
}

static void G_GNUC_PRINTF (2, 3)
kp_string_append_escaped (GString    *string,
                          const char *format,
                          ...)
{
  g_autofree char *escaped = NULL;
  va_list args;

  va_start (args, format);
  escaped = g_markup_vprintf_escaped (format, args);
  va_end (args);
  g_string_append (string, escaped);
}

static void
add_field (KpDocLayout *layout,
           const char  *label,
           const char  *value)
{
  g_autofree char *label_markup = g_markup_escape_text (label, -1);
  g_autofree char *markup = g_markup_escape_text (value, -1);

  kp_doc_layout_add (layout, KP_DOC_STYLE_FIELD, KP_DOC_BLOCK_NONE, label_markup, markup, NULL);
}

static void
add_attendance (KpDocLayout *layout,
                KpCourse    *course)
{
  GListModel *sessions = kp_course_get_sessions (course);
  g_autofree char *registered = g_strdup_printf ("%u", kp_course_get_registered (course));

  add_text (layout, KP_DOC_STYLE_HEADING, KP_DOC_BLOCK_KEEP_WITH_NEXT, _("Attendance"));
  add_field (layout, _("Registered"), registered);
  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(KpSession) session = g_list_model_get_item (sessions, i);
      GDateTime *start = kp_session_get_start (session);
      g_autofree char *label = NULL;
      g_autofree char *count = NULL;
      g_autofree char *value = NULL;
      const char *title = kp_session_get_title (session) ? kp_session_get_title (session) : "";

      /* "4.11.2027": a long date wraps in the label column. */
      if (start != NULL)
        label = g_strdup_printf ("%d.%d.%d", g_date_time_get_day_of_month (start),
                                 g_date_time_get_month (start), g_date_time_get_year (start));
      else
        label = g_strdup (_("No time set"));

      if (kp_session_get_status (session) == KP_SESSION_STATUS_CANCELLED)
        count = g_strdup (_("cancelled"));
      else if (kp_session_get_attended (session) < 0)
        count = g_strdup (_("attendance not noted"));
      else
        /* Translators: how many came to a session */
        count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d came", "%d came",
                                              kp_session_get_attended (session)),
                                 kp_session_get_attended (session));
      value = *title != '\0' ? g_strdup_printf ("%s · %s", title, count) : g_strdup (count);
      add_field (layout, label, value);
    }
}

/* "12 responses · 7 patients, 4 relatives": who answered, when the form asked. */
static char *
describe_responses (KpEvaluation *form)
{
  guint responses = kp_evaluation_get_responses (form);
  guint patients = kp_evaluation_get_patients (form);
  guint relatives = kp_evaluation_get_relatives (form);
  g_autofree char *text = NULL;
  g_autofree char *patients_text = NULL;
  g_autofree char *relatives_text = NULL;

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u response", "%u responses",
                                       responses), responses);
  if (patients + relatives == 0)
    return g_steal_pointer (&text);
  /* Translators: how many of a form's respondents said they were patients */
  patients_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u patient", "%u patients",
                                                patients), patients);
  /* Translators: how many of a form's respondents said they were relatives */
  relatives_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u relative", "%u relatives",
                                                 relatives), relatives);
  return g_strdup_printf ("%s · %s, %s", text, patients_text, relatives_text);
}

static void
add_form_results (KpDocLayout *layout,
                  KpCourse    *course)
{
  KpEvaluation *midway = kp_evaluation_summary_find (course, KP_EVALUATION_MIDWAY);
  KpEvaluation *final = kp_evaluation_summary_find (course, KP_EVALUATION_FINAL);
  g_auto(GStrv) keys = kp_questionnaire_dup_scale_keys (course);
  KpEvaluation *forms[] = { midway, final };
  const char *names[] = { _("Midway evaluation"), _("Final evaluation") };
  const char *short_names[] = { _("Midway"), _("Final") };
  g_autofree char *heading = NULL;

  add_text (layout, KP_DOC_STYLE_HEADING, KP_DOC_BLOCK_KEEP_WITH_NEXT,
            _("The participants’ forms"));
  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autofree char *value = NULL;

      if (forms[i] == NULL || kp_evaluation_get_responses (forms[i]) == 0)
        value = g_strdup (_("no responses"));
      else
        value = describe_responses (forms[i]);
      add_field (layout, names[i], value);
    }

  /* Translators: %s is the scale, "1–5" or "0–10" */
  heading = g_strdup_printf (_("Means and medians on the scale %s, midway → final"),
                             kp_evaluation_summary_get_scale_label (
                               kp_course_get_evaluation_scale (course)));
  add_text (layout, KP_DOC_STYLE_SUBHEADING, KP_DOC_BLOCK_KEEP_WITH_NEXT, heading);
  /* A list, not label and value: questions are too long for the label column. Each item gives
   * the mean, the median and, answers being ordinal, the whole distribution. */
  kp_doc_layout_begin_group (layout, "L");
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autofree char *change = kp_evaluation_summary_format_change (course, keys[i]);
      g_autofree char *median_change = kp_evaluation_summary_format_median_change (course,
                                                                                  keys[i]);
      /* Translators: the median beside a mean, "median 4 → 4,5" */
      g_autofree char *median = g_strdup_printf (_("median %s"), median_change);
      g_autoptr(GString) markup = g_string_new (NULL);
      gboolean answered = FALSE;

      for (guint f = 0; f < G_N_ELEMENTS (forms); f++)
        {
          const guint *counts = forms[f] ? kp_evaluation_get_scores (forms[f], keys[i]) : NULL;

          answered |= kp_evaluation_summary_count_answers (counts, forms[f] != NULL
                                                           ? kp_evaluation_get_scale (forms[f])
                                                           : KP_EVALUATION_SCALE_1_TO_5) > 0;
        }
      if (answered)
        kp_string_append_escaped (markup, "<b>%s</b> (%s)   %s", change, median,
                                  kp_questionnaire_get_label (keys[i]));
      else
        kp_string_append_escaped (markup, "<b>%s</b>   %s", change,
                                  kp_questionnaire_get_label (keys[i]));
      for (guint f = 0; f < G_N_ELEMENTS (forms); f++)
        {
          const guint *counts = forms[f] ? kp_evaluation_get_scores (forms[f], keys[i]) : NULL;
          g_autofree char *distribution = NULL;

          if (counts == NULL ||
              kp_evaluation_summary_count_answers (counts,
                                                   kp_evaluation_get_scale (forms[f])) == 0)
            continue;
          distribution = kp_evaluation_summary_format_distribution (
              counts, kp_evaluation_get_scale (forms[f]));
          g_string_append (markup, "\n<span size=\"smaller\">");
          kp_string_append_escaped (markup, "%s: %s", short_names[f], distribution);
          g_string_append (markup, "</span>");
        }
      kp_doc_layout_add (layout, KP_DOC_STYLE_ITEM, KP_DOC_BLOCK_NONE, NULL, markup->str, NULL);
    }
  kp_doc_layout_end_group (layout);
}

/* What the participants wrote, as the group summarised it in the forms' notes. */
static void
add_themes (KpDocLayout *layout,
            KpCourse    *course)
{
  GListModel *evaluations = kp_course_get_evaluations (course);
  gboolean any = FALSE;

  add_text (layout, KP_DOC_STYLE_HEADING, KP_DOC_BLOCK_KEEP_WITH_NEXT,
            _("What the participants said"));
  for (guint i = 0; i < g_list_model_get_n_items (evaluations); i++)
    {
      g_autoptr(KpEvaluation) evaluation = g_list_model_get_item (evaluations, i);
      KpEvaluationKind kind = kp_evaluation_get_kind (evaluation);
      const char *notes = kp_evaluation_get_notes (evaluation);

      if (kind == KP_EVALUATION_MEETING || notes == NULL || *notes == '\0')
        continue;
      add_text (layout, KP_DOC_STYLE_SUBHEADING, KP_DOC_BLOCK_KEEP_WITH_NEXT,
                kind == KP_EVALUATION_MIDWAY ? _("Midway evaluation") : _("Final evaluation"));
      add_text (layout, KP_DOC_STYLE_BODY, KP_DOC_BLOCK_NONE, notes);
      any = TRUE;
    }
  if (!any)
    add_text (layout, KP_DOC_STYLE_BODY, KP_DOC_BLOCK_NONE,
              _("The group has not summarised the free-text answers."));
}

/* The checklist "Run again" carried over: an evaluation meeting without a date. */
static void
add_carried_actions (KpDocLayout *layout,
                     KpCourse    *course)
{
  GListModel *evaluations = kp_course_get_evaluations (course);

  for (guint i = 0; i < g_list_model_get_n_items (evaluations); i++)
    {
      g_autoptr(KpEvaluation) checklist = g_list_model_get_item (evaluations, i);
      const char * const *actions = kp_evaluation_get_actions (checklist);

      if (kp_evaluation_get_kind (checklist) != KP_EVALUATION_MEETING ||
          kp_evaluation_get_date (checklist) != NULL || actions == NULL || actions[0] == NULL)
        continue;

      add_text (layout, KP_DOC_STYLE_HEADING, KP_DOC_BLOCK_KEEP_WITH_NEXT,
                _("Actions from the last run"));
      kp_doc_layout_begin_group (layout, "L");
      for (guint j = 0; actions[j] != NULL; j++)
        {
          g_autofree char *markup =
            g_markup_printf_escaped ("%s   <b>%s</b>", actions[j],
                                     kp_evaluation_get_action_done (checklist, actions[j])
                                     ? _("done") : _("not done yet"));

          kp_doc_layout_add (layout, KP_DOC_STYLE_ITEM, KP_DOC_BLOCK_NONE, NULL, markup, NULL);
        }
      kp_doc_layout_end_group (layout);
    }
}

/* The last evaluation meeting that was held: it has a date. */
static KpEvaluation *
find_held_meeting (KpCourse *course)
{
  GListModel *evaluations = kp_course_get_evaluations (course);
  KpEvaluation *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (evaluations); i++)
    {
      g_autoptr(KpEvaluation) evaluation = g_list_model_get_item (evaluations, i);

      if (kp_evaluation_get_kind (evaluation) == KP_EVALUATION_MEETING &&
          kp_evaluation_get_date (evaluation) != NULL)
        found = evaluation;
    }
  /* The course holds a reference. */
  return found;
}

static void
add_meeting (KpDocLayout *layout,
             KpCourse    *course)
{
  KpEvaluation *meeting = find_held_meeting (course);
  const char * const *attendees;
  const char * const *actions;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  add_text (layout, KP_DOC_STYLE_HEADING, KP_DOC_BLOCK_KEEP_WITH_NEXT, _("Evaluation meeting"));
  if (meeting == NULL)
    {
      add_text (layout, KP_DOC_STYLE_BODY, KP_DOC_BLOCK_NONE,
                _("The planning group has not held its evaluation meeting."));
      return;
    }

  add_field (layout, _("Date"), kp_evaluation_get_date (meeting));
  attendees = kp_evaluation_get_attendees (meeting);
  for (guint i = 0; attendees != NULL && attendees[i] != NULL; i++)
    {
      KpMember *member = kp_course_find_member (course, attendees[i]);

      if (member != NULL)
        g_ptr_array_add (names, g_strdup_printf ("%s (%s)",
                                                 kp_member_get_name (member)
                                                 ? kp_member_get_name (member) : "—",
                                                 kp_role_get_label (kp_member_get_role (member))));
    }
  g_ptr_array_add (names, NULL);
  if (names->len > 1)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) names->pdata);

      add_field (layout, _("Present"), joined);
    }
  else
    add_field (layout, _("Present"), _("not noted"));
  if (kp_evaluation_get_notes (meeting) != NULL)
    add_text (layout, KP_DOC_STYLE_BODY, KP_DOC_BLOCK_NONE, kp_evaluation_get_notes (meeting));

  add_text (layout, KP_DOC_STYLE_SUBHEADING, KP_DOC_BLOCK_KEEP_WITH_NEXT, _("Decided actions"));
  actions = kp_evaluation_get_actions (meeting);
  if (actions == NULL || actions[0] == NULL)
    {
      add_text (layout, KP_DOC_STYLE_BODY, KP_DOC_BLOCK_NONE, _("No actions were decided."));
      return;
    }
  kp_doc_layout_begin_group (layout, "L");
  for (guint i = 0; actions[i] != NULL; i++)
    add_text (layout, KP_DOC_STYLE_ITEM, KP_DOC_BLOCK_NONE, actions[i]);
  kp_doc_layout_end_group (layout);
}

static void
show_text (cairo_t    *cr,
           const char *markup,
           double      x,
           double      y,
           double      width,
           double      size,
           gboolean    bold,
           PangoAlignment alignment)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (KP_DOC_FONT_FAMILY);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_markup (layout, markup, -1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* "Midway: 1: 0 · 2: 0 · 3: 1 · 4: 5 · 5: 6 (mean 4,4, median 4)": what a screen reader says
 * for a chart's bars. */
static char *
describe_counts (const char        *name,
                 const guint       *counts,
                 KpEvaluationScale  scale)
{
  g_autofree char *mean = kp_evaluation_summary_format_mean (counts, scale);
  g_autofree char *median = NULL;
  g_autofree char *distribution = NULL;

  if (kp_evaluation_summary_count_answers (counts, scale) == 0)
    return g_strdup_printf ("%s: %s", name, mean);
  median = kp_evaluation_summary_format_median (counts, scale);
  distribution = kp_evaluation_summary_format_distribution (counts, scale);
  /* Translators: a form's name, its counts per scale point, then their mean and median */
  return g_strdup_printf (_("%s: %s (mean %s, median %s)"), name, distribution, mean, median);
}

/* One question: two bars per scale point (midway grey, final in the accent), counts above. */
static void
draw_chart (cairo_t           *cr,
            const char        *question,
            const guint       *midway,
            const guint       *final,
            KpEvaluationScale  scale,
            double             y)
{
  static const guint none[KP_SCALE_MAX_POINTS] = { 0 };
  guint n_points = kp_evaluation_scale_get_n_points (scale);
  double width = A4_WIDTH - 2 * MARGIN;
  /* Room for the counts in words over the plot: two lines for the eleven points of 0–10. */
  double plot_top = y + 56;
  double plot_height = CHART_HEIGHT - 78;
  double slot = width / n_points;
  double bar = MIN (22, slot / 2 - 3);
  guint max = 1;
  g_autofree char *title = g_markup_escape_text (question, -1);
  g_autofree char *midway_text = describe_counts (_("Midway"), midway ? midway : none, scale);
  g_autofree char *final_text = describe_counts (_("Final"), final ? final : none, scale);
  g_autofree char *summary = g_markup_printf_escaped ("%s. %s.", midway_text, final_text);

  for (guint i = 0; i < n_points; i++)
    max = MAX (max, MAX (midway ? midway[i] : 0, final ? final[i] : 0));

  cairo_tag_begin (cr, "H3", NULL);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  show_text (cr, title, MARGIN, y, width, 10.5, TRUE, PANGO_ALIGN_LEFT);
  cairo_tag_end (cr, "H3");
  cairo_tag_begin (cr, "P", NULL);
  cairo_set_source_rgb (cr, 0.33, 0.33, 0.33);
  show_text (cr, summary, MARGIN, y + 15, width, 8.5, FALSE, PANGO_ALIGN_LEFT);
  cairo_tag_end (cr, "P");

  cairo_tag_begin (cr, "Figure", NULL);
  cairo_set_source_rgb (cr, 0.75, 0.75, 0.75);
  cairo_set_line_width (cr, 0.6);
  cairo_move_to (cr, MARGIN, plot_top + plot_height + 0.3);
  cairo_line_to (cr, MARGIN + width, plot_top + plot_height + 0.3);
  cairo_stroke (cr);
  for (guint i = 0; i < n_points; i++)
    {
      double centre = MARGIN + slot * (i + 0.5);
      const guint *sides[] = { midway, final };
      g_autofree char *point = g_strdup_printf ("%u",
                                                i + kp_evaluation_scale_get_lowest (scale));

      for (guint s = 0; s < G_N_ELEMENTS (sides); s++)
        {
          guint count = sides[s] ? sides[s][i] : 0;
          double h = plot_height * count / max;
          double x = centre - bar - 1 + s * (bar + 2);
          g_autofree char *label = g_strdup_printf ("%u", count);

          if (s == 0)
            cairo_set_source_rgb (cr, MIDWAY_R, MIDWAY_G, MIDWAY_B);
          else
            cairo_set_source_rgb (cr, ACCENT_R, ACCENT_G, ACCENT_B);
          cairo_rectangle (cr, x, plot_top + plot_height - h, bar, h);
          cairo_fill (cr);
          if (sides[s] != NULL)
            {
              cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
              show_text (cr, label, x, plot_top + plot_height - h - 11, bar, 7.5, FALSE,
                         PANGO_ALIGN_CENTER);
            }
        }
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      show_text (cr, point, centre - 20, plot_top + plot_height + 3, 40, 8.5, TRUE,
                 PANGO_ALIGN_CENTER);
    }
  cairo_tag_end (cr, "Figure");
}

static void
draw_legend (cairo_t *cr,
             double   y)
{
  g_autofree char *midway = g_markup_escape_text (_("Midway"), -1);
  g_autofree char *final = g_markup_escape_text (_("Final"), -1);

  cairo_tag_begin (cr, "P", NULL);
  cairo_set_source_rgb (cr, MIDWAY_R, MIDWAY_G, MIDWAY_B);
  cairo_rectangle (cr, MARGIN, y + 2, 10, 10);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  show_text (cr, midway, MARGIN + 14, y, 120, 9, FALSE, PANGO_ALIGN_LEFT);
  cairo_set_source_rgb (cr, ACCENT_R, ACCENT_G, ACCENT_B);
  cairo_rectangle (cr, MARGIN + 120, y + 2, 10, 10);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  show_text (cr, final, MARGIN + 134, y, 120, 9, FALSE, PANGO_ALIGN_LEFT);
  cairo_tag_end (cr, "P");
}

static void
draw_chart_heading (cairo_t    *cr,
                    const char *course_title,
                    guint       page,
                    guint       n_pages)
{
  g_autofree char *heading = g_markup_escape_text (_("The answers, scale point by scale point"),
                                                   -1);
  g_autofree char *footer = g_markup_printf_escaped ("%s · %s %u / %u", course_title,
                                                     _("Charts"), page + 1, n_pages);

  cairo_tag_begin (cr, "H2", NULL);
  cairo_set_source_rgb (cr, ACCENT_R, ACCENT_G, ACCENT_B);
  show_text (cr, heading, MARGIN, MARGIN - 8, A4_WIDTH - 2 * MARGIN, 14, TRUE,
             PANGO_ALIGN_LEFT);
  cairo_tag_end (cr, "H2");
  draw_legend (cr, MARGIN + 16);
  /* Page furniture, like the layout's footer: left out of the structure. */
  cairo_set_source_rgb (cr, 0.4, 0.4, 0.4);
  show_text (cr, footer, MARGIN, A4_HEIGHT - MARGIN + 20, A4_WIDTH - 2 * MARGIN, 8.5, FALSE,
             PANGO_ALIGN_RIGHT);
}

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * kp_report_render_pdf:
 * @now: written as the PDF's creation date: the same course gives the same bytes
 *
 * Returns: (transfer full) (nullable): a tagged A4 PDF
 */
GBytes *
kp_report_render_pdf (KpCourse   *course,
                      GDateTime  *now,
                      GError    **error)
{
  g_autoptr(KpDocLayout) layout = NULL;
  g_autoptr(GByteArray) array = g_byte_array_new ();
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GPtrArray) charted = g_ptr_array_new ();
  g_autoptr(GPtrArray) alts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GBytes) tagged = NULL;
  g_auto(GStrv) keys = NULL;
  g_autofree char *title_markup = NULL;
  g_autofree char *pdf_title = NULL;
  g_autofree char *date = NULL;
  g_autofree char *creator = NULL;
  const KpDocLanguage *language;
  KpEvaluation *midway;
  KpEvaluation *final;
  const char *title;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint n_text_pages;
  guint charts_per_page;
  guint n_chart_pages;

  g_return_val_if_fail (KP_IS_COURSE (course), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  language = kp_doc_language_lookup (kp_course_get_language (course));
  if (language == NULL)
    language = kp_doc_language_lookup ("nb");
  title = kp_course_get_title (course) ? kp_course_get_title (course) : _("Untitled course");

  layout = kp_doc_layout_new (kp_doc_language_get_code (language));
  kp_doc_layout_set_footer (layout, title, _("Page"));
  title_markup = g_markup_escape_text (title, -1);
  kp_doc_layout_add (layout, KP_DOC_STYLE_TITLE, KP_DOC_BLOCK_NONE, NULL, title_markup, NULL);
  add_text (layout, KP_DOC_STYLE_SUBTITLE, KP_DOC_BLOCK_NONE, _("Evaluation report"));
  add_attendance (layout, course);
  add_form_results (layout, course);
  add_themes (layout, course);
  add_carried_actions (layout, course);
  add_meeting (layout, course);

  midway = kp_evaluation_summary_find (course, KP_EVALUATION_MIDWAY);
  final = kp_evaluation_summary_find (course, KP_EVALUATION_FINAL);
  keys = kp_questionnaire_dup_scale_keys (course);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      const guint *m = midway ? kp_evaluation_get_scores (midway, keys[i]) : NULL;
      const guint *f = final ? kp_evaluation_get_scores (final, keys[i]) : NULL;

      if (kp_evaluation_summary_count_answers (m, kp_course_get_evaluation_scale (course)) +
          kp_evaluation_summary_count_answers (f, kp_course_get_evaluation_scale (course)) > 0)
        g_ptr_array_add (charted, keys[i]);
    }
  charts_per_page = (guint) ((A4_HEIGHT - 2 * MARGIN - 40) / CHART_HEIGHT);
  n_chart_pages = (charted->len + charts_per_page - 1) / charts_per_page;

  surface = cairo_pdf_surface_create_for_stream (append_to_array, array, A4_WIDTH, A4_HEIGHT);
  utc = g_date_time_to_utc (now);
  date = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  creator = g_strdup_printf ("Kursplan %s", PACKAGE_VERSION);
  pdf_title = g_strdup_printf (_("Evaluation report: %s"), title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, pdf_title);
  if (kp_course_get_text (course, KP_COURSE_ORGANISER) != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR,
                                    kp_course_get_text (course, KP_COURSE_ORGANISER));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, _("Evaluation report"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, date);

  n_text_pages = kp_doc_layout_paginate (layout, A4_WIDTH, A4_HEIGHT);
  cr = cairo_create (surface);
  /* cairo marks the PDF as tagged only under a top-level "Document" element. */
  cairo_tag_begin (cr, "Document", NULL);
  for (guint page = 0; page < n_text_pages + n_chart_pages; page++)
    {
      if (page < n_text_pages)
        kp_doc_layout_draw_page (layout, cr, page);
      else
        {
          guint chart_page = page - n_text_pages;

          draw_chart_heading (cr, title, chart_page, n_chart_pages);
          for (guint i = chart_page * charts_per_page;
               i < MIN (charted->len, (chart_page + 1) * charts_per_page); i++)
            {
              const char *key = g_ptr_array_index (charted, i);

              draw_chart (cr, kp_questionnaire_get_label (key),
                          midway ? kp_evaluation_get_scores (midway, key) : NULL,
                          final ? kp_evaluation_get_scores (final, key) : NULL,
                          kp_course_get_evaluation_scale (course),
                          MARGIN + 40 + (i % charts_per_page) * CHART_HEIGHT);
            }
        }
      if (page + 1 == n_text_pages + n_chart_pages)
        cairo_tag_end (cr, "Document");
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, KP_ERROR, KP_ERROR_FAILED, _("Could not draw the PDF: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }

  /* Each chart's alternative text: its question and the counts it shows, in words. */
  for (guint i = 0; i < charted->len; i++)
    {
      static const guint none[KP_SCALE_MAX_POINTS] = { 0 };
      const char *key = g_ptr_array_index (charted, i);
      const guint *m = midway ? kp_evaluation_get_scores (midway, key) : NULL;
      const guint *f = final ? kp_evaluation_get_scores (final, key) : NULL;
      g_autofree char *midway_text = describe_counts (_("Midway"), m ? m : none,
                                                      kp_course_get_evaluation_scale (course));
      g_autofree char *final_text = describe_counts (_("Final"), f ? f : none,
                                                     kp_course_get_evaluation_scale (course));

      g_ptr_array_add (alts, g_strdup_printf ("%s. %s. %s.", kp_questionnaire_get_label (key),
                                              midway_text, final_text));
    }
  g_ptr_array_add (alts, NULL);
  tagged = g_byte_array_free_to_bytes (g_steal_pointer (&array));
  return kp_pdf_ua_finish (tagged, pdf_title, kp_doc_language_get_code (language),
                           (const char * const *) alts->pdata, error);
}
