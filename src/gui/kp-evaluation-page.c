/* kp-evaluation-page.c — the evaluation step: the plan, the forms' results as charts, the
 * evaluation meeting and its actions, the printable forms and the report
 *
 * The page edits the course's last midway, final and meeting evaluations (as the report reads
 * them), making one when a field of it is first filled in. Every edit goes straight to the model
 * and the store writes it through; when the course changes, the page shows it again once the
 * main loop is idle, so edits made elsewhere (an import) appear here too. Counts are what the
 * forms say, never who said it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-evaluation-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kp-evaluation-page.h"
#include "kp-evaluation-summary.h"
#include "kp-form.h"
#include "kp-output.h"
#include "kp-questionnaire.h"
#include "kp-report.h"
#include "kp-score-chart.h"
#include "kp-time.h"
#include "kp-toast.h"
#include "kp-undo.h"

/* The two forms, as the page's rows of counts are ordered. */
static const KpEvaluationKind form_kinds[] = { KP_EVALUATION_MIDWAY, KP_EVALUATION_FINAL };
#define N_FORMS G_N_ELEMENTS (form_kinds)

/* One question: its counts for each form, its chart and what is wrong with its counts. */
typedef struct
{
  char          *key;
  GtkWidget     *group;
  KpEvaluationScale scale;  /* the scale its spin buttons count */
  GtkSpinButton *spins[N_FORMS][KP_SCALE_MAX_POINTS];
  KpScoreChart  *chart;
  GtkLabel      *warning;
} Question;

struct _KpEvaluationPage
{
  AdwBin             parent_instance;

  KpCourse          *course;
  GPtrArray         *questions;        /* Question */
  GPtrArray         *attendee_checks;  /* GtkCheckButton, with the member's id as "member-id" */
  char             **shown_actions;    /* the actions the list rows show */
  guint              sync_source;
  gboolean           updating;         /* the page itself sets a field from the course */

  AdwEntryRow       *plan_row;
  GtkMenuButton     *form_button;
  GtkSpinButton     *midway_responses_spin;
  GtkSpinButton     *midway_after_spin;
  GtkSpinButton     *final_responses_spin;
  AdwComboRow       *scale_row;
  GtkSwitch         *asks_role_switch;
  GtkSpinButton     *midway_patients_spin;
  GtkSpinButton     *midway_relatives_spin;
  GtkSpinButton     *final_patients_spin;
  GtkSpinButton     *final_relatives_spin;
  GtkBox            *questions_box;
  GtkTextView       *midway_themes_view;
  GtkTextView       *final_themes_view;
  AdwEntryRow       *meeting_date_row;
  GtkWidget         *meeting_date_error_icon;
  AdwExpanderRow    *attendees_row;
  GtkTextView       *meeting_notes_view;
  GtkListBox        *actions_list;
  AdwEntryRow       *new_action_row;
  GtkWidget         *report_button;
};

G_DEFINE_FINAL_TYPE (KpEvaluationPage, kp_evaluation_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_COURSE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void sync_from_course (KpEvaluationPage *self);

GtkWidget *
kp_evaluation_page_new (void)
{
  return g_object_new (KP_TYPE_EVALUATION_PAGE, NULL);
}

static void
question_free (Question *question)
{
  g_free (question->key);
  g_free (question);
}

static void
toast (KpEvaluationPage *self,
       const char       *message)
{
  kp_toast_show (GTK_WIDGET (self), message);
}

/* The course's last evaluation of @kind, or NULL. */
static KpEvaluation *
find_evaluation (KpEvaluationPage *self,
                 KpEvaluationKind  kind)
{
  return self->course != NULL ? kp_evaluation_summary_find (self->course, kind) : NULL;
}

/* The evaluation a field edits, made when the group first fills one in. */
static KpEvaluation *
ensure_evaluation (KpEvaluationPage *self,
                   KpEvaluationKind  kind)
{
  KpEvaluation *evaluation = find_evaluation (self, kind);

  if (evaluation == NULL)
    {
      g_autoptr(KpEvaluation) fresh = kp_evaluation_new (NULL, kind);

      kp_course_add_evaluation (self->course, fresh);
      evaluation = fresh;
    }
  return evaluation;
}

static void
set_spin (GtkSpinButton *spin,
          guint          value)
{
  if ((guint) gtk_spin_button_get_value_as_int (spin) != value)
    gtk_spin_button_set_value (spin, value);
}

static void
set_entry (GtkEditable *editable,
           const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (editable), text ? text : "") != 0)
    gtk_editable_set_text (editable, text ? text : "");
}

static char *
dup_buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_buffer (GtkTextView *view,
            const char  *text)
{
  g_autofree char *shown = dup_buffer_text (view);

  if (g_strcmp0 (shown, text ? text : "") != 0)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text ? text : "", -1);
}

/* An emptied field is no text. */
static const char *
nonempty (const char *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
}

/* Questions */

/* Charts the question's counts and tells when a form's counts say more answered than returned
 * it. */
static void
update_question (KpEvaluationPage *self,
                 Question         *question)
{
  const guint *counts[N_FORMS] = { NULL, NULL };
  g_autoptr(GString) warning = g_string_new (NULL);

  for (guint f = 0; f < N_FORMS; f++)
    {
      KpEvaluation *evaluation = find_evaluation (self, form_kinds[f]);
      guint responses, answers;

      if (evaluation == NULL)
        continue;
      counts[f] = kp_evaluation_get_scores (evaluation, question->key);
      responses = kp_evaluation_get_responses (evaluation);
      answers = kp_evaluation_summary_count_answers (counts[f],
                                                     kp_evaluation_get_scale (evaluation));
      if (answers > responses)
        {
          if (warning->len > 0)
            g_string_append_c (warning, '\n');
          if (form_kinds[f] == KP_EVALUATION_MIDWAY)
            g_string_append_printf (warning,
                                    /* Translators: counts entered for one question */
                                    ngettext ("Midway: the counts add up to %u answer, more than the %u forms returned",
                                              "Midway: the counts add up to %u answers, more than the %u forms returned",
                                              answers),
                                    answers, responses);
          else
            g_string_append_printf (warning,
                                    ngettext ("Final: the counts add up to %u answer, more than the %u forms returned",
                                              "Final: the counts add up to %u answers, more than the %u forms returned",
                                              answers),
                                    answers, responses);
        }
    }

  kp_score_chart_set_counts (question->chart, question->scale, counts[0], counts[1]);
  gtk_label_set_text (question->warning, warning->str);
  gtk_widget_set_visible (GTK_WIDGET (question->warning), warning->len > 0);
}

static void
on_count_changed (GtkSpinButton    *spin,
                  KpEvaluationPage *self)
{
  Question *question = g_object_get_data (G_OBJECT (spin), "question");
  guint form = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (spin), "form"));
  guint counts[KP_SCALE_MAX_POINTS] = { 0 };

  if (self->updating || self->course == NULL)
    return;

  for (guint i = 0; i < kp_evaluation_scale_get_n_points (question->scale); i++)
    counts[i] = (guint) gtk_spin_button_get_value_as_int (question->spins[form][i]);
  kp_evaluation_set_scores (ensure_evaluation (self, form_kinds[form]), question->key, counts);
  update_question (self, question);
}

static GtkWidget *
grid_label (const char *text,
            gboolean    dim)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (dim)
    gtk_widget_add_css_class (label, "dim-label");
  return label;
}

/* Points per band of the grid: 0–10 takes two bands (0–5, 6–10), so that the page still fits
 * a phone-wide window. */
#define POINTS_PER_BAND 6

static Question *
question_new (KpEvaluationPage  *self,
              const char        *key,
              KpEvaluationScale  scale)
{
  Question *question = g_new0 (Question, 1);
  const char *label = kp_questionnaire_get_label (key);
  guint n_points = kp_evaluation_scale_get_n_points (scale);
  guint lowest = kp_evaluation_scale_get_lowest (scale);
  GtkWidget *box, *grid, *heading;

  question->key = g_strdup (key);
  question->scale = scale;
  /* A heading that wraps: the questions are too long for a group's one-line title. */
  question->group = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  heading = gtk_label_new (label);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_add_css_class (heading, "heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (heading),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 3, -1);
  gtk_box_append (GTK_BOX (question->group), heading);

  /* The counts above their chart, so that the page fits a phone-wide window. */
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (box, "card");
  gtk_widget_set_margin_start (box, 0);

  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_top (grid, 12);
  gtk_widget_set_margin_end (grid, 12);
  gtk_widget_set_halign (grid, GTK_ALIGN_START);
  for (guint i = 0; i < n_points; i++)
    {
      char point[4];
      GtkWidget *header;
      guint band = i / POINTS_PER_BAND;

      g_snprintf (point, sizeof point, "%u", i + lowest);
      header = grid_label (point, TRUE);
      gtk_label_set_xalign (GTK_LABEL (header), 0.5);
      gtk_grid_attach (GTK_GRID (grid), header, i % POINTS_PER_BAND + 1, band * (N_FORMS + 1),
                       1, 1);
    }
  for (guint f = 0; f < N_FORMS; f++)
    {
      const char *form_label = form_kinds[f] == KP_EVALUATION_MIDWAY ? _("Midway") : _("Final");

      for (guint band = 0; band * POINTS_PER_BAND < n_points; band++)
        gtk_grid_attach (GTK_GRID (grid), grid_label (form_label, FALSE), 0,
                         band * (N_FORMS + 1) + f + 1, 1, 1);
      for (guint i = 0; i < n_points; i++)
        {
          GtkWidget *spin = gtk_spin_button_new_with_range (0, 9999, 1);
          g_autofree char *accessible = NULL;

          gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
          gtk_orientable_set_orientation (GTK_ORIENTABLE (spin), GTK_ORIENTATION_VERTICAL);
          /* Translators: a spin button's name for screen readers: "Midway, 4: How useful…" */
          accessible = g_strdup_printf (_("%s, %u: %s"), form_label, i + lowest, label);
          gtk_accessible_update_property (GTK_ACCESSIBLE (spin),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
          g_object_set_data (G_OBJECT (spin), "question", question);
          g_object_set_data (G_OBJECT (spin), "form", GUINT_TO_POINTER (f));
          g_signal_connect (spin, "value-changed", G_CALLBACK (on_count_changed), self);
          question->spins[f][i] = GTK_SPIN_BUTTON (spin);
          gtk_grid_attach (GTK_GRID (grid), spin, i % POINTS_PER_BAND + 1,
                           (i / POINTS_PER_BAND) * (N_FORMS + 1) + f + 1, 1, 1);
        }
    }
  gtk_box_append (GTK_BOX (box), grid);

  question->chart = KP_SCORE_CHART (kp_score_chart_new ());
  gtk_widget_set_margin_start (GTK_WIDGET (question->chart), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (question->chart), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (question->chart), 12);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (question->chart));
  gtk_box_append (GTK_BOX (question->group), box);

  question->warning = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (question->warning, 0);
  gtk_label_set_wrap (question->warning, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (question->warning), "error");
  gtk_widget_set_visible (GTK_WIDGET (question->warning), FALSE);
  gtk_box_append (GTK_BOX (question->group), GTK_WIDGET (question->warning));
  return question;
}

static gboolean
same_questions (KpEvaluationPage   *self,
                const char * const *keys,
                KpEvaluationScale   scale)
{
  if (g_strv_length ((char **) keys) != self->questions->len)
    return FALSE;
  for (guint i = 0; i < self->questions->len; i++)
    {
      Question *question = g_ptr_array_index (self->questions, i);

      if (g_strcmp0 (question->key, keys[i]) != 0 || question->scale != scale)
        return FALSE;
    }
  return TRUE;
}

static void
sync_questions (KpEvaluationPage *self)
{
  g_auto(GStrv) keys = kp_questionnaire_dup_scale_keys (self->course);
  KpEvaluationScale scale = kp_course_get_evaluation_scale (self->course);

  if (!same_questions (self, (const char * const *) keys, scale))
    {
      GtkWidget *child;

      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->questions_box))) != NULL)
        gtk_box_remove (self->questions_box, child);
      g_ptr_array_set_size (self->questions, 0);
      for (guint i = 0; keys[i] != NULL; i++)
        {
          Question *question = question_new (self, keys[i], scale);

          g_ptr_array_add (self->questions, question);
          gtk_box_append (self->questions_box, question->group);
        }
    }

  for (guint q = 0; q < self->questions->len; q++)
    {
      Question *question = g_ptr_array_index (self->questions, q);

      for (guint f = 0; f < N_FORMS; f++)
        {
          KpEvaluation *evaluation = find_evaluation (self, form_kinds[f]);
          const guint *counts = evaluation ? kp_evaluation_get_scores (evaluation, question->key)
                                           : NULL;

          for (guint i = 0; i < kp_evaluation_scale_get_n_points (scale); i++)
            set_spin (question->spins[f][i], counts != NULL ? counts[i] : 0);
        }
      update_question (self, question);
    }
}

static void
on_responses_changed (KpEvaluationPage *self,
                      GtkSpinButton    *spin)
{
  guint form = spin == self->midway_responses_spin ? 0 : 1;
  guint responses = (guint) gtk_spin_button_get_value_as_int (spin);
  KpEvaluation *evaluation;
  guint respondents;

  if (self->updating || self->course == NULL)
    return;

  /* Fewer forms than said patient or relative would make a plan no reader takes. */
  evaluation = ensure_evaluation (self, form_kinds[form]);
  respondents = kp_evaluation_get_patients (evaluation) + kp_evaluation_get_relatives (evaluation);
  if (responses < respondents)
    {
      g_autofree char *message =
        g_strdup_printf (_("%u patients and relatives, more than the %u responses"),
                         respondents, responses);

      self->updating = TRUE;
      set_spin (spin, kp_evaluation_get_responses (evaluation));
      self->updating = FALSE;
      toast (self, message);
      return;
    }
  kp_evaluation_set_responses (evaluation, responses);
  for (guint q = 0; q < self->questions->len; q++)
    update_question (self, g_ptr_array_index (self->questions, q));
}

/* The course's choice: refused, and put back, while a form holds counts on the other scale. */
static void
on_scale_changed (KpEvaluationPage *self)
{
  KpEvaluationScale scale = adw_combo_row_get_selected (self->scale_row) == 1
                            ? KP_EVALUATION_SCALE_0_TO_10 : KP_EVALUATION_SCALE_1_TO_5;

  if (self->updating || self->course == NULL)
    return;

  if (!kp_course_set_evaluation_scale (self->course, scale))
    {
      g_autofree char *message = NULL;

      self->updating = TRUE;
      adw_combo_row_set_selected (self->scale_row,
                                  kp_course_get_evaluation_scale (self->course)
                                  == KP_EVALUATION_SCALE_0_TO_10 ? 1 : 0);
      self->updating = FALSE;
      /* Translators: %s is the scale the counts were entered on, "1–5" or "0–10" */
      message = g_strdup_printf (_("The forms hold counts on the scale %s: set them to 0 to "
                                   "change the scale"),
                                 kp_evaluation_summary_get_scale_label (
                                   kp_course_get_evaluation_scale (self->course)));
      toast (self, message);
      return;
    }
  sync_questions (self);
}

static void
on_asks_role_changed (KpEvaluationPage *self)
{
  if (self->updating || self->course == NULL)
    return;

  kp_course_set_asks_patient_or_relative (self->course,
                                          gtk_switch_get_active (self->asks_role_switch));
}

/* Patients and relatives together are at most the forms returned; more is told and not kept. */
static void
on_respondents_changed (KpEvaluationPage *self,
                        GtkSpinButton    *spin)
{
  gboolean midway = spin == self->midway_patients_spin || spin == self->midway_relatives_spin;
  GtkSpinButton *patients_spin = midway ? self->midway_patients_spin : self->final_patients_spin;
  GtkSpinButton *relatives_spin = midway ? self->midway_relatives_spin
                                         : self->final_relatives_spin;
  guint patients = (guint) gtk_spin_button_get_value_as_int (patients_spin);
  guint relatives = (guint) gtk_spin_button_get_value_as_int (relatives_spin);
  KpEvaluation *evaluation;

  if (self->updating || self->course == NULL)
    return;

  evaluation = ensure_evaluation (self, midway ? KP_EVALUATION_MIDWAY : KP_EVALUATION_FINAL);
  if (patients + relatives > kp_evaluation_get_responses (evaluation))
    {
      g_autofree char *message =
        g_strdup_printf (_("%u patients and relatives, more than the %u responses"),
                         patients + relatives, kp_evaluation_get_responses (evaluation));

      self->updating = TRUE;
      set_spin (patients_spin, kp_evaluation_get_patients (evaluation));
      set_spin (relatives_spin, kp_evaluation_get_relatives (evaluation));
      self->updating = FALSE;
      toast (self, message);
      return;
    }
  kp_evaluation_set_patients (evaluation, patients);
  kp_evaluation_set_relatives (evaluation, relatives);
}

static void
on_after_session_changed (KpEvaluationPage *self)
{
  if (self->updating || self->course == NULL)
    return;

  kp_evaluation_set_after_session (ensure_evaluation (self, KP_EVALUATION_MIDWAY),
                                   (guint) gtk_spin_button_get_value_as_int (self->midway_after_spin));
}

/* Texts */

static void
on_plan_changed (KpEvaluationPage *self)
{
  if (self->updating || self->course == NULL)
    return;

  kp_course_set_text (self->course, KP_COURSE_EVALUATION_PLAN,
                      nonempty (gtk_editable_get_text (GTK_EDITABLE (self->plan_row))));
}

static void
on_notes_changed (GtkTextBuffer    *buffer,
                  KpEvaluationPage *self)
{
  KpEvaluationKind kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (buffer), "kind"));
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->updating || self->course == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  kp_evaluation_set_notes (ensure_evaluation (self, kind), nonempty (text));
}

static void
show_date_error (KpEvaluationPage *self,
                 gboolean          error)
{
  gtk_widget_set_visible (self->meeting_date_error_icon, error);
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->meeting_date_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->meeting_date_row), "error");
}

/* A date the core can read, or nothing; anything else is told on the field and not kept. */
static void
on_meeting_date_changed (KpEvaluationPage *self)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->meeting_date_row)));

  if (self->updating || self->course == NULL)
    return;

  g_strstrip (text);
  if (*text == '\0')
    {
      KpEvaluation *meeting = find_evaluation (self, KP_EVALUATION_MEETING);

      show_date_error (self, FALSE);
      if (meeting != NULL)
        kp_evaluation_set_date (meeting, NULL);
    }
  else if (kp_time_parse_date (text, NULL))
    {
      show_date_error (self, FALSE);
      kp_evaluation_set_date (ensure_evaluation (self, KP_EVALUATION_MEETING), text);
    }
  else
    show_date_error (self, TRUE);
}

/* Attendees */

static void
on_attendee_toggled (KpEvaluationPage *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) attendees = NULL;

  if (self->updating || self->course == NULL)
    return;

  for (guint i = 0; i < self->attendee_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->attendee_checks, i);

      if (gtk_check_button_get_active (check))
        g_strv_builder_add (builder, g_object_get_data (G_OBJECT (check), "member-id"));
    }
  attendees = g_strv_builder_end (builder);
  kp_evaluation_set_attendees (ensure_evaluation (self, KP_EVALUATION_MEETING),
                               (const char * const *) attendees);
}

static gboolean
same_members (KpEvaluationPage *self,
              GListModel       *members)
{
  guint n = g_list_model_get_n_items (members);

  if (n != self->attendee_checks->len)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KpMember) member = g_list_model_get_item (members, i);
      GtkCheckButton *check = g_ptr_array_index (self->attendee_checks, i);
      GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (check), ADW_TYPE_ACTION_ROW);
      g_autofree char *title = g_markup_escape_text (kp_member_get_name (member) ?
                                                     kp_member_get_name (member) : "", -1);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (check), "member-id"),
                     kp_member_get_id (member)) != 0 ||
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) != 0)
        return FALSE;
    }
  return TRUE;
}

static void
sync_attendees (KpEvaluationPage *self)
{
  GListModel *members = kp_course_get_members (self->course);
  KpEvaluation *meeting = find_evaluation (self, KP_EVALUATION_MEETING);
  const char * const *attendees = meeting ? kp_evaluation_get_attendees (meeting) : NULL;
  guint n_attended = 0;
  g_autofree char *subtitle = NULL;

  if (!same_members (self, members))
    {
      for (guint i = 0; i < self->attendee_checks->len; i++)
        {
          GtkWidget *row = gtk_widget_get_ancestor (g_ptr_array_index (self->attendee_checks, i),
                                                    ADW_TYPE_ACTION_ROW);

          adw_expander_row_remove (self->attendees_row, row);
        }
      g_ptr_array_set_size (self->attendee_checks, 0);

      for (guint i = 0; i < g_list_model_get_n_items (members); i++)
        {
          g_autoptr(KpMember) member = g_list_model_get_item (members, i);
          g_autofree char *title = g_markup_escape_text (kp_member_get_name (member) ?
                                                         kp_member_get_name (member) : "", -1);
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *check = gtk_check_button_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                       kp_role_get_label (kp_member_get_role (member)));
          gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
          g_object_set_data_full (G_OBJECT (check), "member-id",
                                  g_strdup (kp_member_get_id (member)), g_free);
          g_signal_connect_object (check, "toggled", G_CALLBACK (on_attendee_toggled), self,
                                   G_CONNECT_SWAPPED);
          g_ptr_array_add (self->attendee_checks, check);
          adw_expander_row_add_row (self->attendees_row, row);
        }
    }

  for (guint i = 0; i < self->attendee_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->attendee_checks, i);
      gboolean attended = attendees != NULL &&
                          g_strv_contains (attendees, g_object_get_data (G_OBJECT (check),
                                                                         "member-id"));

      if (gtk_check_button_get_active (check) != attended)
        gtk_check_button_set_active (check, attended);
      n_attended += attended;
    }

  if (self->attendee_checks->len == 0)
    subtitle = g_strdup (_("Add the planning group’s members in the planning group step"));
  else
    /* Translators: how many of the planning group attended the evaluation meeting */
    subtitle = g_strdup_printf (ngettext ("%u of %u member", "%u of %u members",
                                          self->attendee_checks->len),
                                n_attended, self->attendee_checks->len);
  adw_expander_row_set_subtitle (self->attendees_row, subtitle);
}

/* Actions */

static void
on_action_done_toggled (GtkCheckButton   *check,
                        KpEvaluationPage *self)
{
  KpEvaluation *meeting = find_evaluation (self, KP_EVALUATION_MEETING);

  if (self->updating || meeting == NULL)
    return;

  kp_evaluation_set_action_done (meeting, g_object_get_data (G_OBJECT (check), "action"),
                                 gtk_check_button_get_active (check));
}

typedef struct
{
  KpUndoPlace  place;
  char        *meeting_id;
  char        *action;
  guint        position;
  gboolean     done;
} RemovedAction;

static void
removed_action_free (RemovedAction *removed)
{
  kp_undo_place_clear (&removed->place);
  g_free (removed->meeting_id);
  g_free (removed->action);
  g_free (removed);
}

static void
undo_action_removal (RemovedAction *removed)
{
  KpCourse *course = kp_undo_place_open (&removed->place);
  /* The evaluation meeting may have gone since, in a run again or an import. */
  KpEvaluation *meeting = course != NULL ? kp_course_find_evaluation (course, removed->meeting_id)
                                         : NULL;

  if (meeting != NULL)
    kp_evaluation_insert_action (meeting, removed->position, removed->action, removed->done);
}

static void
on_remove_action_clicked (GtkButton        *button,
                          KpEvaluationPage *self)
{
  KpEvaluation *meeting = find_evaluation (self, KP_EVALUATION_MEETING);
  g_autofree char *action = g_strdup (g_object_get_data (G_OBJECT (button), "action"));
  g_autofree char *message = NULL;
  RemovedAction *removed;
  gboolean done;
  int position;

  if (meeting == NULL)
    return;

  /* A removed action takes its tick with it, so that one added again later starts undone. */
  position = kp_evaluation_remove_action (meeting, action, &done);
  if (position < 0)
    return;

  removed = g_new0 (RemovedAction, 1);
  kp_undo_place_init (&removed->place, GTK_WIDGET (self), self->course);
  removed->meeting_id = g_strdup (kp_evaluation_get_id (meeting));
  removed->action = g_strdup (action);
  removed->position = position;
  removed->done = done;
  /* Translators: a toast after removing something; %s is its name */
  message = g_strdup_printf (_("“%s” removed"), action);
  kp_toast_show_undo (GTK_WIDGET (self), message, (KpToastUndoFunc) undo_action_removal,
                      removed, (GDestroyNotify) removed_action_free);
  sync_from_course (self);
}

static GtkWidget *
action_row_new (KpEvaluationPage *self,
                const char       *action)
{
  g_autofree char *title = g_markup_escape_text (action, -1);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new_with_mnemonic (_("_Done in the next run"));
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (check), "action", g_strdup (action), g_free);
  g_signal_connect (check, "toggled", G_CALLBACK (on_action_done_toggled), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), check);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Action"));
  g_object_set_data_full (G_OBJECT (remove), "action", g_strdup (action), g_free);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_action_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  g_object_set_data (G_OBJECT (row), "done-check", check);
  return row;
}

static void
sync_actions (KpEvaluationPage *self)
{
  KpEvaluation *meeting = find_evaluation (self, KP_EVALUATION_MEETING);
  const char * const *actions = meeting ? kp_evaluation_get_actions (meeting) : NULL;
  const char * const empty[] = { NULL };
  GtkWidget *child;

  if (actions == NULL)
    actions = empty;

  if (self->shown_actions == NULL ||
      !g_strv_equal ((const char * const *) self->shown_actions, actions))
    {
      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->actions_list))) != NULL)
        gtk_list_box_remove (self->actions_list, child);
      for (guint i = 0; actions[i] != NULL; i++)
        gtk_list_box_append (self->actions_list, action_row_new (self, actions[i]));
      g_strfreev (self->shown_actions);
      self->shown_actions = g_strdupv ((char **) actions);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->actions_list), actions[0] != NULL);
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->actions_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkCheckButton *check = g_object_get_data (G_OBJECT (child), "done-check");
      const char *action = g_object_get_data (G_OBJECT (check), "action");
      gboolean done = kp_evaluation_get_action_done (meeting, action);

      if (gtk_check_button_get_active (check) != done)
        gtk_check_button_set_active (check, done);
    }
}

static void
on_new_action_apply (KpEvaluationPage *self)
{
  g_autofree char *action = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_action_row)));
  KpEvaluation *meeting;
  const char * const *actions;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) all = NULL;

  if (self->course == NULL)
    return;

  g_strstrip (action);
  if (*action == '\0')
    return;

  meeting = find_evaluation (self, KP_EVALUATION_MEETING);
  actions = meeting ? kp_evaluation_get_actions (meeting) : NULL;
  if (actions != NULL && g_strv_contains (actions, action))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is already one of the actions"), action);

      toast (self, message);
      return;
    }

  meeting = ensure_evaluation (self, KP_EVALUATION_MEETING);
  builder = g_strv_builder_new ();
  if (actions != NULL)
    g_strv_builder_addv (builder, (const char **) actions);
  g_strv_builder_add (builder, action);
  all = g_strv_builder_end (builder);
  kp_evaluation_set_actions (meeting, (const char * const *) all);
  gtk_editable_set_text (GTK_EDITABLE (self->new_action_row), "");
  sync_from_course (self);
}

/* The whole page from the course */

static void
sync_from_course (KpEvaluationPage *self)
{
  KpEvaluation *midway, *final, *meeting;

  g_clear_handle_id (&self->sync_source, g_source_remove);
  if (self->course == NULL)
    return;

  midway = find_evaluation (self, KP_EVALUATION_MIDWAY);
  final = find_evaluation (self, KP_EVALUATION_FINAL);
  meeting = find_evaluation (self, KP_EVALUATION_MEETING);

  self->updating = TRUE;
  set_entry (GTK_EDITABLE (self->plan_row),
             kp_course_get_text (self->course, KP_COURSE_EVALUATION_PLAN));
  set_spin (self->midway_responses_spin, midway ? kp_evaluation_get_responses (midway) : 0);
  set_spin (self->midway_after_spin, midway ? kp_evaluation_get_after_session (midway) : 0);
  set_spin (self->final_responses_spin, final ? kp_evaluation_get_responses (final) : 0);
  adw_combo_row_set_selected (self->scale_row,
                              kp_course_get_evaluation_scale (self->course)
                              == KP_EVALUATION_SCALE_0_TO_10 ? 1 : 0);
  gtk_switch_set_active (self->asks_role_switch,
                         kp_course_get_asks_patient_or_relative (self->course));
  set_spin (self->midway_patients_spin, midway ? kp_evaluation_get_patients (midway) : 0);
  set_spin (self->midway_relatives_spin, midway ? kp_evaluation_get_relatives (midway) : 0);
  set_spin (self->final_patients_spin, final ? kp_evaluation_get_patients (final) : 0);
  set_spin (self->final_relatives_spin, final ? kp_evaluation_get_relatives (final) : 0);
  sync_questions (self);
  set_buffer (self->midway_themes_view, midway ? kp_evaluation_get_notes (midway) : NULL);
  set_buffer (self->final_themes_view, final ? kp_evaluation_get_notes (final) : NULL);

  /* A date being typed is not replaced by the stored one while it is not a date yet. */
  if (!gtk_widget_get_visible (self->meeting_date_error_icon))
    set_entry (GTK_EDITABLE (self->meeting_date_row),
               meeting ? kp_evaluation_get_date (meeting) : NULL);
  sync_attendees (self);
  set_buffer (self->meeting_notes_view, meeting ? kp_evaluation_get_notes (meeting) : NULL);
  sync_actions (self);
  self->updating = FALSE;
}

static gboolean
sync_cb (gpointer user_data)
{
  KpEvaluationPage *self = user_data;

  self->sync_source = 0;
  sync_from_course (self);
  return G_SOURCE_REMOVE;
}

static void
on_course_changed (KpEvaluationPage *self)
{
  if (self->sync_source == 0)
    self->sync_source = g_idle_add (sync_cb, self);
}

/* Forms and the report */

static gboolean
save_bytes (GFile   *file,
            GBytes  *bytes,
            GError **error)
{
  /* A file is replaced whole: nothing half-written. */
  return kp_output_write_file (file, bytes, error);
}

/**
 * kp_evaluation_page_save_form:
 * @kind: %KP_EVALUATION_MIDWAY or %KP_EVALUATION_FINAL
 *
 * Writes the participants' form for the course, in the course's language, as a PDF.
 */
gboolean
kp_evaluation_page_save_form (KpEvaluationPage  *self,
                              KpEvaluationKind   kind,
                              GFile             *file,
                              GError           **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GBytes) pdf = NULL;

  g_return_val_if_fail (KP_IS_EVALUATION_PAGE (self), FALSE);
  g_return_val_if_fail (self->course != NULL, FALSE);

  pdf = kp_form_render_pdf (self->course, kind, NULL, now, error);
  return pdf != NULL && save_bytes (file, pdf, error);
}

/**
 * kp_evaluation_page_save_report:
 *
 * Writes the course's evaluation report as a PDF.
 */
gboolean
kp_evaluation_page_save_report (KpEvaluationPage  *self,
                                GFile             *file,
                                GError           **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GBytes) pdf = NULL;

  g_return_val_if_fail (KP_IS_EVALUATION_PAGE (self), FALSE);
  g_return_val_if_fail (self->course != NULL, FALSE);

  pdf = kp_report_render_pdf (self->course, now, error);
  return pdf != NULL && save_bytes (file, pdf, error);
}

/* What the chooser was opened for: a form of a kind, or the report (KP_EVALUATION_MEETING). */
static void
on_save_response (GtkNativeDialog  *dialog,
                  int               response,
                  KpEvaluationPage *self)
{
  KpEvaluationKind kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "kind"));
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saved;

  if (response == GTK_RESPONSE_ACCEPT && self->course != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      if (kind == KP_EVALUATION_MEETING)
        saved = kp_evaluation_page_save_report (self, file, &error);
      else
        saved = kp_evaluation_page_save_form (self, kind, file, &error);

      if (saved)
        {
          g_autofree char *message = kp_toast_saved_message (file);

          toast (self, message);
        }
      else
        toast (self, error->message);
    }

  g_object_unref (dialog);
  g_object_unref (self);
}

static void
choose_file (KpEvaluationPage *self,
             KpEvaluationKind  kind,
             const char       *title,
             const char       *name)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *file_name = NULL;

  dialog = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);

  /* Translators: a file name: the course's title, then what the file holds */
  file_name = g_strdup_printf (_("%s – %s.pdf"),
                               kp_course_get_title (self->course) ? kp_course_get_title (self->course)
                                                                  : _("Course"),
                               name);
  g_strdelimit (file_name, "/", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), file_name);

  g_object_set_data (G_OBJECT (dialog), "kind", GUINT_TO_POINTER (kind));
  g_signal_connect (dialog, "response", G_CALLBACK (on_save_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
print_form_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KpEvaluationPage *self = KP_EVALUATION_PAGE (widget);
  gboolean midway = g_strcmp0 (g_variant_get_string (parameter, NULL), "midway") == 0;

  if (self->course == NULL)
    return;
  if (midway)
    choose_file (self, KP_EVALUATION_MIDWAY, _("Save the Midway Form"),
                 /* Translators: part of a file name */
                 _("midway form"));
  else
    choose_file (self, KP_EVALUATION_FINAL, _("Save the Final Form"),
                 /* Translators: part of a file name */
                 _("final form"));
}

static void
report_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KpEvaluationPage *self = KP_EVALUATION_PAGE (widget);

  if (self->course == NULL)
    return;
  choose_file (self, KP_EVALUATION_MEETING, _("Save the Evaluation Report"),
               /* Translators: part of a file name */
               _("evaluation report"));
}

/* The course */

KpCourse *
kp_evaluation_page_get_course (KpEvaluationPage *self)
{
  g_return_val_if_fail (KP_IS_EVALUATION_PAGE (self), NULL);
  return self->course;
}

/**
 * kp_evaluation_page_set_course:
 * @course: (nullable): the course whose evaluation the page edits
 */
void
kp_evaluation_page_set_course (KpEvaluationPage *self,
                               KpCourse         *course)
{
  g_return_if_fail (KP_IS_EVALUATION_PAGE (self));
  g_return_if_fail (course == NULL || KP_IS_COURSE (course));

  if (self->course == course)
    return;

  if (self->course != NULL)
    g_signal_handlers_disconnect_by_func (self->course, on_course_changed, self);
  g_clear_handle_id (&self->sync_source, g_source_remove);
  g_set_object (&self->course, course);
  if (course != NULL)
    g_signal_connect_object (course, "changed", G_CALLBACK (on_course_changed), self,
                             G_CONNECT_SWAPPED);

  show_date_error (self, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evaluation.print-form", course != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evaluation.report", course != NULL);
  gtk_widget_set_sensitive (gtk_widget_get_first_child (GTK_WIDGET (self)), course != NULL);
  sync_from_course (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COURSE]);
}

static void
kp_evaluation_page_dispose (GObject *object)
{
  KpEvaluationPage *self = KP_EVALUATION_PAGE (object);

  kp_evaluation_page_set_course (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KP_TYPE_EVALUATION_PAGE);

  G_OBJECT_CLASS (kp_evaluation_page_parent_class)->dispose (object);
}

static void
kp_evaluation_page_finalize (GObject *object)
{
  KpEvaluationPage *self = KP_EVALUATION_PAGE (object);

  g_ptr_array_unref (self->questions);
  g_ptr_array_unref (self->attendee_checks);
  g_strfreev (self->shown_actions);

  G_OBJECT_CLASS (kp_evaluation_page_parent_class)->finalize (object);
}

static void
kp_evaluation_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  KpEvaluationPage *self = KP_EVALUATION_PAGE (object);

  switch (prop_id)
    {
    case PROP_COURSE:
      g_value_set_object (value, self->course);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_evaluation_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  KpEvaluationPage *self = KP_EVALUATION_PAGE (object);

  switch (prop_id)
    {
    case PROP_COURSE:
      kp_evaluation_page_set_course (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_evaluation_page_class_init (KpEvaluationPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kp_evaluation_page_dispose;
  object_class->finalize = kp_evaluation_page_finalize;
  object_class->get_property = kp_evaluation_page_get_property;
  object_class->set_property = kp_evaluation_page_set_property;

  properties[PROP_COURSE] =
    g_param_spec_object ("course", NULL, NULL, KP_TYPE_COURSE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KP_TYPE_SCORE_CHART);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kursplan/Kursplan/kp-evaluation-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KpEvaluationPage, plan_row);
  gtk_widget_class_bind_template_child (widget_class, KpEvaluationPage, form_button);
  gtk_widget_class_bind_template_child (widget_class, KpEvaluationPage, midway_responses_spin);
  gtk_widget_class_bind_template_child (widget_class, KpEvaluationPage, midway_after_spin);
  gtk_widget_class_bind_template_child (widget_class, KpEvaluationPage, final_responses_spin);
  gtk_widget_class_bind_template_child (widget_class, KpEvaluationPage, scale_row);
  gtk_widget_class_bind_template_child (widget_class, KpEvaluationPage, asks_role_switch);
  gtk_widget_class_bind_template_child (widget_class, KpEvaluationPage, midway_patients_spin);
  gtk_widget_class_bind_template_child (widget_class, KpEvaluationPage, midway_relatives_spin);
  gtk_widget_class_bind_template_child (widget_class, KpEvaluationPage, final_patients_spin);
  gtk_widget_class_bind_template_child (widget_class, KpEvaluationPage, final_relatives_spin);
  gtk_widget_class_bind_template_child (widget_class, KpEvaluationPage, questions_box);
  gtk_widget_class_bind_template_child (widget_class, KpEvaluationPage, midway_themes_view);
  gtk_widget_class_bind_template_child (widget_class, KpEvaluationPage, final_themes_view);
  gtk_widget_class_bind_template_child (widget_class, KpEvaluationPage, meeting_date_row);
  gtk_widget_class_bind_template_child (widget_class, KpEvaluationPage, meeting_date_error_icon);
  gtk_widget_class_bind_template_child (widget_class, KpEvaluationPage, attendees_row);
  gtk_widget_class_bind_template_child (widget_class, KpEvaluationPage, meeting_notes_view);
  gtk_widget_class_bind_template_child (widget_class, KpEvaluationPage, actions_list);
  gtk_widget_class_bind_template_child (widget_class, KpEvaluationPage, new_action_row);
  gtk_widget_class_bind_template_child (widget_class, KpEvaluationPage, report_button);
  gtk_widget_class_bind_template_callback (widget_class, on_responses_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_after_session_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_scale_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_asks_role_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_respondents_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_meeting_date_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_new_action_apply);

  gtk_widget_class_install_action (widget_class, "evaluation.print-form", "s", print_form_action);
  gtk_widget_class_install_action (widget_class, "evaluation.report", NULL, report_action);
}

static void
kp_evaluation_page_init (KpEvaluationPage *self)
{
  self->questions = g_ptr_array_new_with_free_func ((GDestroyNotify) question_free);
  self->attendee_checks = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->plan_row, "changed", G_CALLBACK (on_plan_changed), self,
                           G_CONNECT_SWAPPED);
  g_object_set_data (G_OBJECT (gtk_text_view_get_buffer (self->midway_themes_view)), "kind",
                     GUINT_TO_POINTER (KP_EVALUATION_MIDWAY));
  g_object_set_data (G_OBJECT (gtk_text_view_get_buffer (self->final_themes_view)), "kind",
                     GUINT_TO_POINTER (KP_EVALUATION_FINAL));
  g_object_set_data (G_OBJECT (gtk_text_view_get_buffer (self->meeting_notes_view)), "kind",
                     GUINT_TO_POINTER (KP_EVALUATION_MEETING));
  g_signal_connect (gtk_text_view_get_buffer (self->midway_themes_view), "changed",
                    G_CALLBACK (on_notes_changed), self);
  g_signal_connect (gtk_text_view_get_buffer (self->final_themes_view), "changed",
                    G_CALLBACK (on_notes_changed), self);
  g_signal_connect (gtk_text_view_get_buffer (self->meeting_notes_view), "changed",
                    G_CALLBACK (on_notes_changed), self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evaluation.print-form", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evaluation.report", FALSE);
  gtk_widget_set_sensitive (gtk_widget_get_first_child (GTK_WIDGET (self)), FALSE);
}
