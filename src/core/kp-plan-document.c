/* kp-plan-document.c — the whole plan on paper, for the planning group: the six elements of the
 * didactic relation model, the group with roles, the timetable with who does what, and the
 * checklist of Standard metode
 *
 * Unlike the brochure it is internal: every member appears by name. Its headings are in the UI
 * language, as the checklist is; dates follow the course's document language, and so does the
 * practical part (place, price, registration, the conditions of taking part): it reads as the
 * brochure will print it, so the group checks the very words participants get.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-plan-document"

#include "config.h"

#include "kp-doc-language.h"
#include "kp-doc-layout.h"
#include "kp-error.h"
#include "kp-i18n.h"
#include "kp-method.h"
#include "kp-output.h"
#include "kp-plan-document.h"
#include "kp-time.h"

#define A4_WIDTH  595.276
#define A4_HEIGHT 841.890

struct _KpPlanDocument
{
  GObject              parent_instance;

  KpCourse            *course;
  const KpDocLanguage *language;
  KpDocLayout         *layout;
};

G_DEFINE_FINAL_TYPE (KpPlanDocument, kp_plan_document, G_TYPE_OBJECT)

static void
kp_plan_document_finalize (GObject *object)
{
  KpPlanDocument *self = KP_PLAN_DOCUMENT (object);

  g_clear_object (&self->course);
  g_clear_object (&self->layout);

  G_OBJECT_CLASS (kp_plan_document_parent_class)->finalize (object);
}

static void
kp_plan_document_class_init (KpPlanDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kp_plan_document_finalize;
}

static void
kp_plan_document_init (KpPlanDocument *self)
{
}

static void
add_heading (KpPlanDocument *self,
             const char     *text)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);

  kp_doc_layout_add (self->layout, KP_DOC_STYLE_HEADING, KP_DOC_BLOCK_KEEP_WITH_NEXT, NULL, markup,
                     NULL);
}

/* A row of the label column; an empty value is shown as missing, so the group sees the gap. */
static void
add_field (KpPlanDocument *self,
           const char     *label,
           const char     *value)
{
  g_autofree char *label_markup = g_markup_escape_text (label, -1);
  g_auto(GStrv) lines = NULL;

  if (value == NULL || *value == '\0')
    {
      g_autofree char *markup = g_markup_printf_escaped ("<span foreground=\"#a8322d\">%s</span>",
                                                         _("Not decided yet"));

      kp_doc_layout_add (self->layout, KP_DOC_STYLE_FIELD, KP_DOC_BLOCK_NONE, label_markup, markup,
                         NULL);
      return;
    }

  /* One paragraph per line, the label beside the first, the others in its column. */
  lines = g_strsplit (value, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *markup = g_markup_escape_text (lines[i], -1);

      kp_doc_layout_add (self->layout, KP_DOC_STYLE_FIELD, KP_DOC_BLOCK_NONE,
                         i == 0 ? label_markup : "", markup, NULL);
    }
}

static void
add_elements (KpPlanDocument *self)
{
  const char * const *goals = kp_course_get_goals (self->course);
  g_autofree char *goal_lines = NULL;

  if (goals != NULL && goals[0] != NULL)
    {
      g_autoptr(GString) lines = g_string_new (NULL);

      for (guint i = 0; goals[i] != NULL; i++)
        g_string_append_printf (lines, "%s• %s", i > 0 ? "\n" : "", goals[i]);
      goal_lines = g_string_free (g_steal_pointer (&lines), FALSE);
    }

  add_heading (self, _("Need"));
  add_field (self, _("Need"), kp_course_get_text (self->course, KP_COURSE_NEED));
  add_field (self, _("Agreement"), kp_course_get_text (self->course, KP_COURSE_AGREEMENT));
  add_field (self, _("Management"), kp_course_get_management (self->course)
                                    ? _("Supports the course") : NULL);

  add_heading (self, _("The six didactic elements"));
  add_field (self, _("Target group"), kp_course_get_text (self->course, KP_COURSE_TARGET_GROUP));
  add_field (self, _("Goals"), goal_lines);
  add_field (self, _("Frame"), kp_course_get_text (self->course, KP_COURSE_FRAME));
  add_field (self, _("Content"), kp_course_get_text (self->course, KP_COURSE_CONTENT));
  add_field (self, _("Methods"), kp_course_get_text (self->course, KP_COURSE_METHODS));
  add_field (self, _("Evaluation"), kp_course_get_text (self->course, KP_COURSE_EVALUATION_PLAN));
}

static void
add_group (KpPlanDocument *self)
{
  GListModel *members = kp_course_get_members (self->course);
  guint n = g_list_model_get_n_items (members);

  add_heading (self, _("Planning group"));
  if (n == 0)
    add_field (self, _("Members"), NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KpMember) member = g_list_model_get_item (members, i);
      g_autoptr(GPtrArray) parts = g_ptr_array_new ();
      g_autofree char *value = NULL;

      g_ptr_array_add (parts, (gpointer) (kp_member_get_name (member)
                                          ? kp_member_get_name (member) : "—"));
      if (kp_member_get_title (member) != NULL)
        g_ptr_array_add (parts, (gpointer) kp_member_get_title (member));
      if (kp_member_get_organisation (member) != NULL)
        g_ptr_array_add (parts, (gpointer) kp_member_get_organisation (member));
      if (kp_member_get_email (member) != NULL)
        g_ptr_array_add (parts, (gpointer) kp_member_get_email (member));
      if (kp_member_get_phone (member) != NULL)
        g_ptr_array_add (parts, (gpointer) kp_member_get_phone (member));
      g_ptr_array_add (parts, (gpointer) (kp_member_get_public (member)
                                          ? _("named in the brochure")
                                          : _("not named in the brochure")));
      g_ptr_array_add (parts, NULL);
      value = g_strjoinv (" · ", (char **) parts->pdata);
      add_field (self, kp_role_get_label (kp_member_get_role (member)), value);
    }
}

static int
compare_sessions (gconstpointer a,
                  gconstpointer b)
{
  GDateTime *ta = kp_session_get_start (*(KpSession **) a);
  GDateTime *tb = kp_session_get_start (*(KpSession **) b);

  if (ta == NULL || tb == NULL)
    return (ta == NULL) - (tb == NULL);
  return g_date_time_compare (ta, tb);
}

static void
add_session (KpPlanDocument *self,
             KpSession      *session)
{
  KpDocLayout *layout = self->layout;
  GListModel *contributions = kp_session_get_contributions (session);
  guint n = g_list_model_get_n_items (contributions);
  gboolean cancelled = kp_session_get_status (session) == KP_SESSION_STATUS_CANCELLED;
  KpDocBlockFlags flags = KP_DOC_BLOCK_BAR | (cancelled ? KP_DOC_BLOCK_MUTED : 0);
  g_autofree char *heading = NULL;
  g_autofree char *title = NULL;

  if (kp_session_get_start (session) != NULL)
    {
      g_autoptr(GDateTime) end = kp_session_get_end (session);
      g_autofree char *when = kp_doc_language_format_session_time (self->language,
                                                                   kp_session_get_start (session),
                                                                   end);
      heading = cancelled
                ? g_markup_printf_escaped ("%s  <span foreground=\"#a8322d\">· %s</span>", when,
                                           _("Cancelled"))
                : g_markup_escape_text (when, -1);
    }
  else
    heading = g_markup_escape_text (_("No time set"), -1);
  kp_doc_layout_add (layout, KP_DOC_STYLE_SUBHEADING, flags | KP_DOC_BLOCK_KEEP_WITH_NEXT, NULL,
                     heading, NULL);

  title = g_markup_escape_text (kp_session_get_title (session) ? kp_session_get_title (session)
                                                               : _("Untitled session"), -1);
  kp_doc_layout_add (layout, KP_DOC_STYLE_LEAD, flags | (n > 0 ? KP_DOC_BLOCK_KEEP_WITH_NEXT : 0),
                     NULL, title, NULL);
  if (n == 0)
    return;

  kp_doc_layout_begin_group (layout, "L");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KpContribution) contribution = g_list_model_get_item (contributions, i);
      const char *member_id = kp_contribution_get_member_id (contribution);
      KpMember *member = member_id ? kp_course_find_member (self->course, member_id) : NULL;
      g_autoptr(GString) markup = g_string_new (NULL);
      g_autofree char *kind = NULL;
      g_autofree char *minutes = NULL;

      kind = g_markup_escape_text (kp_contribution_kind_get_label (kp_contribution_get_kind (contribution)), -1);
      /* TRANSLATORS: a contribution's length, "45 min" */
      minutes = g_strdup_printf (_("%u min"), kp_contribution_get_minutes (contribution));
      g_string_append_printf (markup, "<b>%s</b> (%s)", kind, minutes);
      if (kp_contribution_get_title (contribution) != NULL)
        {
          g_autofree char *escaped = g_markup_escape_text (kp_contribution_get_title (contribution), -1);
          g_string_append_printf (markup, ": %s", escaped);
        }
      if (member != NULL)
        {
          g_autofree char *escaped = g_markup_escape_text (kp_member_get_name (member)
                                                           ? kp_member_get_name (member)
                                                           : kp_role_get_label (kp_member_get_role (member)),
                                                           -1);
          g_string_append_printf (markup, " <span foreground=\"#5f6b70\">— %s</span>", escaped);
        }
      kp_doc_layout_add (layout, KP_DOC_STYLE_ITEM, flags, NULL, markup->str, NULL);
    }
  kp_doc_layout_end_group (layout);
}

static void
add_timetable (KpPlanDocument *self)
{
  GListModel *model = kp_course_get_sessions (self->course);
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (sessions, g_list_model_get_item (model, i));
  g_ptr_array_sort (sessions, compare_sessions);

  add_heading (self, _("Timetable"));
  if (sessions->len == 0)
    add_field (self, _("Sessions"), NULL);
  for (guint i = 0; i < sessions->len; i++)
    add_session (self, g_ptr_array_index (sessions, i));
}

/* The practical part in the document's language, with the brochure's labels and sentences;
 * what is not decided yet shows as a gap. */
static void
add_practical (KpPlanDocument *self)
{
  const KpDocLanguage *language = self->language;
  KpCourse *course = self->course;
  const char *deadline_text = kp_course_get_text (course, KP_COURSE_DEADLINE);
  g_autofree char *place = NULL;
  g_autofree char *deadline = NULL;
  g_autoptr(GPtrArray) registration = g_ptr_array_new ();
  g_autoptr(GPtrArray) conditions = kp_doc_language_dup_conditions (language, course);
  g_autofree char *registration_lines = NULL;
  g_autofree char *condition_lines = NULL;
  const KpCourseText ways[] = { KP_COURSE_EMAIL, KP_COURSE_PHONE, KP_COURSE_URL };
  GDate date;

  place = kp_doc_join_place (kp_course_get_text (course, KP_COURSE_LOCATION_NAME),
                             kp_course_get_text (course, KP_COURSE_LOCATION_ROOM),
                             kp_course_get_text (course, KP_COURSE_LOCATION_ADDRESS), "\n");
  if (deadline_text != NULL && kp_time_parse_date (deadline_text, &date))
    deadline = kp_doc_language_format_date (language, &date);
  else
    deadline = g_strdup (deadline_text);
  for (guint i = 0; i < G_N_ELEMENTS (ways); i++)
    if (kp_course_get_text (course, ways[i]) != NULL)
      g_ptr_array_add (registration, (gpointer) kp_course_get_text (course, ways[i]));
  g_ptr_array_add (registration, NULL);
  registration_lines = g_strjoinv ("\n", (char **) registration->pdata);
  g_ptr_array_add (conditions, NULL);
  condition_lines = g_strjoinv ("\n", (char **) conditions->pdata);

  add_heading (self, kp_doc_language_get_label (language, KP_DOC_LABEL_PRACTICAL));
  add_field (self, kp_doc_language_get_label (language, KP_DOC_LABEL_PLACE), place);
  add_field (self, kp_doc_language_get_label (language, KP_DOC_LABEL_ACCESSIBILITY),
             kp_course_get_text (course, KP_COURSE_LOCATION_ACCESSIBILITY));
  add_field (self, kp_doc_language_get_label (language, KP_DOC_LABEL_PRICE),
             kp_course_get_text (course, KP_COURSE_PRICE));
  add_field (self, kp_doc_language_get_label (language, KP_DOC_LABEL_DEADLINE), deadline);
  add_field (self, kp_doc_language_get_label (language, KP_DOC_LABEL_REGISTRATION),
             registration_lines);
  /* Only those that apply, as the brochure says them: none applying is a choice, not a gap. */
  if (*condition_lines != '\0')
    add_field (self, kp_doc_language_get_label (language, KP_DOC_LABEL_CONDITIONS),
               condition_lines);
  add_field (self, kp_doc_language_get_label (language, KP_DOC_LABEL_ORGANISER),
             kp_course_get_text (course, KP_COURSE_ORGANISER));
}

static void
add_checklist (KpPlanDocument *self,
               GDateTime      *now)
{
  g_autoptr(GPtrArray) items = kp_method_check (self->course, now);
  g_autofree char *note = g_markup_escape_text (kp_method_get_cycle_note (), -1);
  int step = -1;

  add_heading (self, _("Checklist"));
  kp_doc_layout_add (self->layout, KP_DOC_STYLE_BODY, KP_DOC_BLOCK_NONE, NULL, note, NULL);
  for (guint i = 0; i < items->len; i++)
    {
      KpCheckItem *item = g_ptr_array_index (items, i);
      g_autofree char *state = NULL;
      g_autofree char *sentence = g_markup_escape_text (item->sentence, -1);
      const char *colour;

      if ((int) item->step != step)
        {
          g_autofree char *title = g_markup_escape_text (kp_step_get_title (item->step), -1);

          /* The method's phase over the first of its steps. */
          if (step < 0 || kp_step_get_phase (item->step) != kp_step_get_phase (step))
            {
              KpPhase phase = kp_step_get_phase (item->step);
              g_autofree char *upper = g_utf8_strup (kp_phase_get_title (phase), -1);
              g_autofree char *heading = g_markup_escape_text (upper, -1);

              kp_doc_layout_add (self->layout, KP_DOC_STYLE_LABEL, KP_DOC_BLOCK_KEEP_WITH_NEXT,
                                 NULL, heading, NULL);
            }
          step = item->step;
          kp_doc_layout_add (self->layout, KP_DOC_STYLE_SUBHEADING, KP_DOC_BLOCK_KEEP_WITH_NEXT,
                             NULL, title, NULL);
        }
      /* Green for met, red for a requirement, amber for a recommendation; the mark and the word
       * say it without the colour. */
      colour = item->met ? "#2f7d32" : item->weight == KP_CHECK_REQUIRED ? "#a8322d" : "#8a5a00";
      state = g_markup_printf_escaped ("<span foreground=\"%s\">%s %s</span>", colour,
                                       kp_check_item_get_mark (item),
                                       kp_check_item_get_state_label (item));
      kp_doc_layout_add (self->layout, KP_DOC_STYLE_FIELD, KP_DOC_BLOCK_NONE, state, sentence,
                         NULL);
    }
}

/**
 * kp_plan_document_new:
 * @now: the day the checklist is judged on (deadlines, evaluation meeting)
 *
 * Returns: (transfer full): the plan document, to paginate and draw
 */
KpPlanDocument *
kp_plan_document_new (KpCourse  *course,
                      GDateTime *now)
{
  KpPlanDocument *self;
  const char *title;
  g_autofree char *title_markup = NULL;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (KP_IS_COURSE (course), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  self = g_object_new (KP_TYPE_PLAN_DOCUMENT, NULL);
  self->course = g_object_ref (course);
  self->language = kp_doc_language_lookup (kp_course_get_language (course));
  if (self->language == NULL)
    self->language = kp_doc_language_lookup ("nb");
  self->layout = kp_doc_layout_new (kp_doc_language_get_code (self->language));

  title = kp_course_get_title (course) ? kp_course_get_title (course) : _("Untitled course");
  title_markup = g_markup_escape_text (title, -1);
  subtitle = g_markup_printf_escaped ("%s · %s", _("Course plan for the planning group"),
                                      kp_course_status_get_label (kp_course_get_status (course)));
  kp_doc_layout_set_footer (self->layout, title, _("Page"));
  kp_doc_layout_add (self->layout, KP_DOC_STYLE_TITLE, KP_DOC_BLOCK_NONE, NULL, title_markup, NULL);
  kp_doc_layout_add (self->layout, KP_DOC_STYLE_SUBTITLE, KP_DOC_BLOCK_NONE, NULL, subtitle, NULL);

  add_elements (self);
  add_group (self);
  add_timetable (self);
  add_practical (self);
  add_checklist (self, now);
  return self;
}

guint
kp_plan_document_paginate (KpPlanDocument *self,
                           double          width,
                           double          height)
{
  g_return_val_if_fail (KP_IS_PLAN_DOCUMENT (self), 0);
  return kp_doc_layout_paginate (self->layout, width, height);
}

/* The pages the last layout took: after kp_plan_document_paginate() or a PDF render. */
guint
kp_plan_document_get_n_pages (KpPlanDocument *self)
{
  g_return_val_if_fail (KP_IS_PLAN_DOCUMENT (self), 0);
  return kp_doc_layout_get_n_pages (self->layout);
}

void
kp_plan_document_draw_page (KpPlanDocument *self,
                            cairo_t        *cr,
                            guint           page)
{
  g_return_if_fail (KP_IS_PLAN_DOCUMENT (self));
  kp_doc_layout_draw_page (self->layout, cr, page);
}

/**
 * kp_plan_document_render_pdf:
 * @now: written as the PDF's creation date
 *
 * Returns: (transfer full): a tagged A4 PDF
 */
GBytes *
kp_plan_document_render_pdf (KpPlanDocument  *self,
                             GDateTime       *now,
                             GError         **error)
{
  KpDocMetadata metadata = { 0 };
  g_autofree char *title = NULL;

  g_return_val_if_fail (KP_IS_PLAN_DOCUMENT (self), NULL);

  title = g_strdup_printf (_("Course plan: %s"), kp_course_get_title (self->course)
                                                 ? kp_course_get_title (self->course) : "");
  metadata.title = title;
  metadata.author = kp_course_get_text (self->course, KP_COURSE_ORGANISER);
  metadata.subject = _("Course plan for the planning group");
  return kp_doc_layout_render_pdf (self->layout, A4_WIDTH, A4_HEIGHT, &metadata, now, error);
}

/* A file is written to a temporary name and renamed: a failed export leaves nothing
 * half-written. A device or pipe is written into (kp-output.c). */
gboolean
kp_plan_document_write_pdf (KpPlanDocument  *self,
                            GDateTime       *now,
                            const char      *path,
                            GError         **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (KP_IS_PLAN_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  bytes = kp_plan_document_render_pdf (self, now, error);
  if (bytes == NULL)
    return FALSE;
  if (!kp_output_write_path (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                             &local_error))
    {
      g_set_error (error, KP_ERROR, KP_ERROR_FAILED, _("Could not write the course plan: %s"),
                   local_error->message);
      return FALSE;
    }
  return TRUE;
}
