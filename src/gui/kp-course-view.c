/* kp-course-view.c — one course, step by step through Standard metode
 *
 * Beside a list of the seven steps under the method's three phases (plan, run, evaluate), each
 * with its done or missing state, the view shows one step at a time: its title, what the method
 * asks, the checklist from kp_method_check() — requirements and recommendations marked apart —
 * then the page with the step's fields. Narrow, the step list folds away behind a button.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-course-view"

#include "config.h"

#include <glib/gi18n.h>

#include "kp-brochure-page.h"
#include "kp-course-view.h"
#include "kp-evaluation-page.h"
#include "kp-goals-page.h"
#include "kp-group-page.h"
#include "kp-need-page.h"
#include "kp-running-page.h"
#include "kp-sessions-page.h"

/* The page that holds each step's fields: a widget with a "course" property. To plug a page in,
 * include its header above and add its line here; a step without a page shows its title,
 * guidance and checklist only. */
static const struct
{
  KpStep  step;
  GType (*get_type) (void);
} step_pages[] = {
  { KP_STEP_NEED, kp_need_page_get_type },
  { KP_STEP_GROUP, kp_group_page_get_type },
  { KP_STEP_GOALS, kp_goals_page_get_type },
  { KP_STEP_BROCHURE, kp_brochure_page_get_type },
  { KP_STEP_SESSIONS, kp_sessions_page_get_type },
  { KP_STEP_RUNNING, kp_running_page_get_type },
  { KP_STEP_EVALUATION, kp_evaluation_page_get_type },
};

/* The checklist follows edits once typing pauses, not at every keystroke. */
#define CHECK_DELAY_MS 150

static const char * const step_names[KP_N_STEPS] = {
  "need", "group", "goals", "sessions", "brochure", "running", "evaluation",
};

typedef struct
{
  GtkWidget *row;            /* in the step list */
  GtkImage  *state_icon;
  GtkLabel  *state_label;
  GtkWidget *scroller;       /* the step's page in the stack */
  AdwPreferencesGroup *checklist;
  GPtrArray *check_rows;     /* AdwActionRow, as many as the step has items */
  GType      page_type;      /* the registered page's, or G_TYPE_INVALID */
  GtkWidget *fields;         /* (nullable): the registered page, made when first shown */
} StepView;

struct _KpCourseView
{
  GtkWidget         parent_instance;

  KpCourse         *course;
  KpStep            step;
  guint             check_source;
  StepView          steps[KP_N_STEPS];

  AdwFlap          *flap;
  GtkListBox       *step_list;
  GtkStack         *page_stack;
  GtkLabel         *steps_button_label;
  GtkWidget        *step_bar;
  gboolean          focus_page_when_hidden;
  guint             focus_source;
};

G_DEFINE_FINAL_TYPE (KpCourseView, kp_course_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COURSE,
  PROP_STEP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
kp_course_view_new (void)
{
  return g_object_new (KP_TYPE_COURSE_VIEW, NULL);
}

KpCourse *
kp_course_view_get_course (KpCourseView *self)
{
  g_return_val_if_fail (KP_IS_COURSE_VIEW (self), NULL);
  return self->course;
}

KpStep
kp_course_view_get_step (KpCourseView *self)
{
  g_return_val_if_fail (KP_IS_COURSE_VIEW (self), KP_STEP_NEED);
  return self->step;
}

/* A step's page is made the first time it is shown: opening a course then builds one page, not
 * seven (a timetable of rows, the evaluation's charts), which keeps the window's start fast. */
static GtkWidget *
ensure_fields (KpCourseView *self,
               KpStep        step)
{
  StepView *view = &self->steps[step];

  if (view->fields == NULL && view->page_type != G_TYPE_INVALID)
    {
      view->fields = g_object_new (view->page_type, "course", self->course, NULL);
      gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (view->checklist))),
                                  view->fields, GTK_WIDGET (view->checklist));
    }
  return view->fields;
}

/**
 * kp_course_view_get_page:
 *
 * Returns: (transfer none) (nullable): the widget with @step's fields, if one is registered
 */
GtkWidget *
kp_course_view_get_page (KpCourseView *self,
                         KpStep        step)
{
  g_return_val_if_fail (KP_IS_COURSE_VIEW (self), NULL);
  g_return_val_if_fail (step < KP_N_STEPS, NULL);
  return ensure_fields (self, step);
}

static void
update_step_actions (KpCourseView *self)
{
  g_autofree char *label = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "course.previous-step", self->step > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "course.next-step",
                                 self->step + 1 < KP_N_STEPS);
  /* Translators: on the button that shows the step list in a narrow window */
  label = g_strdup_printf (_("Step %u of %u: %s"), self->step + 1, KP_N_STEPS,
                           kp_step_get_title (self->step));
  gtk_label_set_label (self->steps_button_label, label);
}

void
kp_course_view_set_step (KpCourseView *self,
                         KpStep        step)
{
  g_return_if_fail (KP_IS_COURSE_VIEW (self));
  g_return_if_fail (step < KP_N_STEPS);

  if (gtk_list_box_get_selected_row (self->step_list) !=
      GTK_LIST_BOX_ROW (self->steps[step].row))
    gtk_list_box_select_row (self->step_list, GTK_LIST_BOX_ROW (self->steps[step].row));
  ensure_fields (self, step);
  gtk_stack_set_visible_child (self->page_stack, self->steps[step].scroller);

  if (self->step == step)
    return;
  self->step = step;
  update_step_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
}

static void
on_step_row_selected (KpCourseView  *self,
                      GtkListBoxRow *row)
{
  if (row != NULL)
    kp_course_view_set_step (self, gtk_list_box_row_get_index (row));
}

/* Enter on a step goes into its page. Folded, the list lying over the page is put away first:
 * the page takes the focus once the list has slid out, not while it still covers the page. */
static void
on_step_row_activated (KpCourseView  *self,
                       GtkListBoxRow *row)
{
  if (adw_flap_get_folded (self->flap) && adw_flap_get_reveal_flap (self->flap))
    {
      self->focus_page_when_hidden = TRUE;
      adw_flap_set_reveal_flap (self->flap, FALSE);
      return;
    }
  gtk_widget_child_focus (self->steps[self->step].scroller, GTK_DIR_TAB_FORWARD);
}

static gboolean
focus_page_cb (gpointer user_data)
{
  KpCourseView *self = user_data;

  self->focus_source = 0;
  gtk_widget_child_focus (self->steps[self->step].scroller, GTK_DIR_TAB_FORWARD);
  return G_SOURCE_REMOVE;
}

/* The flap lets the page take the focus again only after the progress has reached 0. */
static void
on_reveal_progress (KpCourseView *self)
{
  if (!self->focus_page_when_hidden || adw_flap_get_reveal_progress (self->flap) > 0.0)
    return;
  self->focus_page_when_hidden = FALSE;
  if (self->focus_source == 0)
    self->focus_source = g_idle_add (focus_page_cb, self);
}

static void
go_to_step (KpCourseView *self,
            KpStep        step)
{
  kp_course_view_set_step (self, step);
  /* The buttons that led here may have gone with the old page. */
  if (!gtk_widget_has_focus (GTK_WIDGET (self->step_list)))
    gtk_widget_child_focus (self->steps[step].scroller, GTK_DIR_TAB_FORWARD);
}

static void
next_step_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KpCourseView *self = KP_COURSE_VIEW (widget);

  if (self->step + 1 < KP_N_STEPS)
    go_to_step (self, self->step + 1);
}

static void
previous_step_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  KpCourseView *self = KP_COURSE_VIEW (widget);

  if (self->step > 0)
    go_to_step (self, self->step - 1);
}

/* A step's state in the step list: the requirements decide it; recommendations still open are
 * said in the tooltip. */
static void
show_step_state (KpCourseView *self,
                 KpStep        step,
                 guint         n_missing,
                 guint         n_advised,
                 guint         n_items)
{
  StepView *view = &self->steps[step];
  g_autofree char *count = NULL;
  g_autofree char *tooltip = NULL;
  g_autofree char *accessible = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (view->state_icon), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (view->state_icon), "warning");
  if (n_items == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (view->state_icon), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (view->state_label), FALSE);
      tooltip = g_strdup (_("Nothing to check yet"));
    }
  else if (n_missing == 0)
    {
      gtk_image_set_from_icon_name (view->state_icon, "emblem-ok-symbolic");
      gtk_widget_add_css_class (GTK_WIDGET (view->state_icon), "success");
      gtk_widget_set_visible (GTK_WIDGET (view->state_icon), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (view->state_label), FALSE);
      if (n_advised == 0)
        tooltip = g_strdup (_("Done"));
      else
        tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "Done; %u recommendation open",
                                                "Done; %u recommendations open", n_advised),
                                   n_advised);
    }
  else
    {
      count = g_strdup_printf ("%u", n_missing);
      gtk_image_set_from_icon_name (view->state_icon, "dialog-warning-symbolic");
      gtk_widget_add_css_class (GTK_WIDGET (view->state_icon), "warning");
      gtk_widget_set_visible (GTK_WIDGET (view->state_icon), TRUE);
      gtk_label_set_label (view->state_label, count);
      gtk_widget_set_visible (GTK_WIDGET (view->state_label), TRUE);
      tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u thing missing",
                                              "%u things missing", n_missing),
                                 n_missing);
    }
  gtk_widget_set_tooltip_text (view->row, tooltip);
  /* Translators: a step in the step list, for screen readers: "2. Planning Group: Done" */
  accessible = g_strdup_printf (_("%u. %s: %s"), step + 1, kp_step_get_title (step), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view->row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static GtkWidget *
check_row_new (void)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  g_object_set_data (G_OBJECT (row), "kp-icon", icon);
  return row;
}

/* Met: a green tick. A requirement unmet: a red cross, "Required" under it. A recommendation
 * unmet: an amber warning, "Recommended" under it. The word says it without the colour. */
static void
check_row_show (GtkWidget   *row,
                KpCheckItem *item)
{
  static const char * const classes[] = { "success", "error", "warning" };
  GtkWidget *icon = g_object_get_data (G_OBJECT (row), "kp-icon");
  guint state = item->met ? 0 : item->weight == KP_CHECK_REQUIRED ? 1 : 2;
  static const char * const icons[] = {
    "emblem-ok-symbolic", "window-close-symbolic", "dialog-warning-symbolic",
  };

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->sentence);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               item->met ? "" : kp_check_item_get_state_label (item));
  gtk_image_set_from_icon_name (GTK_IMAGE (icon), icons[state]);
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    if (i != state)
      gtk_widget_remove_css_class (icon, classes[i]);
  gtk_widget_add_css_class (icon, classes[state]);
  gtk_widget_set_name (row, item->key);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  kp_check_item_get_state_label (item), -1);
}

/* Shows one step's items, reusing its rows so that nothing on the page jumps while typing. */
static void
show_checklist (KpCourseView *self,
                KpStep        step,
                GPtrArray    *items)
{
  StepView *view = &self->steps[step];
  guint met, total, n_advised;

  while (view->check_rows->len > items->len)
    {
      GtkWidget *row = g_ptr_array_index (view->check_rows, view->check_rows->len - 1);

      adw_preferences_group_remove (view->checklist, row);
      g_ptr_array_remove_index (view->check_rows, view->check_rows->len - 1);
    }
  while (view->check_rows->len < items->len)
    {
      GtkWidget *row = check_row_new ();

      adw_preferences_group_add (view->checklist, row);
      g_ptr_array_add (view->check_rows, row);
    }

  for (guint i = 0; i < items->len; i++)
    {
      KpCheckItem *item = g_ptr_array_index (items, i);

      check_row_show (g_ptr_array_index (view->check_rows, i), item);
    }
  kp_method_count_items (items, &met, &total, &n_advised);
  gtk_widget_set_visible (GTK_WIDGET (view->checklist), items->len > 0);
  show_step_state (self, step, total - met, n_advised, items->len);
}

/**
 * kp_course_view_refresh_checks:
 *
 * Runs the method's checklist over the course now, rather than once edits pause.
 */
void
kp_course_view_refresh_checks (KpCourseView *self)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GDateTime) now = NULL;
  GPtrArray *per_step[KP_N_STEPS];

  g_return_if_fail (KP_IS_COURSE_VIEW (self));

  g_clear_handle_id (&self->check_source, g_source_remove);

  if (self->course != NULL)
    {
      now = g_date_time_new_now_local ();
      items = kp_method_check (self->course, now);
    }

  for (KpStep step = 0; step < KP_N_STEPS; step++)
    per_step[step] = g_ptr_array_new ();
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      KpCheckItem *item = g_ptr_array_index (items, i);

      if (item->step < KP_N_STEPS)
        g_ptr_array_add (per_step[item->step], item);
    }
  for (KpStep step = 0; step < KP_N_STEPS; step++)
    {
      show_checklist (self, step, per_step[step]);
      g_ptr_array_unref (per_step[step]);
    }
}

static gboolean
refresh_checks_cb (gpointer user_data)
{
  KpCourseView *self = user_data;

  self->check_source = 0;
  kp_course_view_refresh_checks (self);
  return G_SOURCE_REMOVE;
}

static void
on_course_changed (KpCourseView *self)
{
  if (self->check_source == 0)
    self->check_source = g_timeout_add (CHECK_DELAY_MS, refresh_checks_cb, self);
}

void
kp_course_view_set_course (KpCourseView *self,
                           KpCourse     *course)
{
  g_return_if_fail (KP_IS_COURSE_VIEW (self));
  g_return_if_fail (course == NULL || KP_IS_COURSE (course));

  if (self->course == course)
    return;

  if (self->course != NULL)
    g_signal_handlers_disconnect_by_func (self->course, on_course_changed, self);
  g_set_object (&self->course, course);
  if (course != NULL)
    g_signal_connect_object (course, "changed", G_CALLBACK (on_course_changed), self,
                             G_CONNECT_SWAPPED);

  for (KpStep step = 0; step < KP_N_STEPS; step++)
    if (self->steps[step].fields != NULL)
      g_object_set (self->steps[step].fields, "course", course, NULL);

  kp_course_view_refresh_checks (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COURSE]);
}

static GtkWidget *
step_row_new (KpCourseView *self,
              KpStep        step)
{
  StepView *view = &self->steps[step];
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *number;
  GtkWidget *title;
  g_autofree char *digits = g_strdup_printf ("%u", step + 1);

  number = gtk_label_new (digits);
  gtk_widget_add_css_class (number, "kp-step-number");
  gtk_widget_set_valign (number, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), number);

  title = gtk_label_new (kp_step_get_title (step));
  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_box_append (GTK_BOX (box), title);

  view->state_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (view->state_label), "numeric");
  gtk_widget_add_css_class (GTK_WIDGET (view->state_label), "warning");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (view->state_label));
  view->state_icon = GTK_IMAGE (gtk_image_new ());
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (view->state_icon));

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, step_names[step]);
  return row;
}

/* The method's phase over its first step in the list, and over the first step the sentence
 * that places the seven steps in the method's cycle. Headers are not rows: the list's keyboard
 * navigation and its row indices (the steps) stay as they were. */
static void
step_list_header_func (GtkListBoxRow *row,
                       GtkListBoxRow *before,
                       gpointer       user_data)
{
  KpStep step = gtk_list_box_row_get_index (row);
  KpPhase phase = kp_step_get_phase (step);
  GtkWidget *header, *label;

  if (before != NULL && kp_step_get_phase (gtk_list_box_row_get_index (before)) == phase)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  if (gtk_list_box_row_get_header (row) != NULL)
    return;

  header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (header, "kp-phase-header");
  if (before == NULL)
    {
      label = gtk_label_new (kp_method_get_cycle_note ());
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_bottom (label, 6);
      gtk_box_append (GTK_BOX (header), label);
    }
  label = gtk_label_new (kp_phase_get_title (phase));
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_box_append (GTK_BOX (header), label);
  gtk_widget_set_name (header, "phase");
  gtk_list_box_row_set_header (row, header);
}

/* A button with an icon and a label that shortens itself, so a narrow window still fits. */
static GtkWidget *
nav_button_new (const char *action_name,
                const char *icon_name,
                const char *text,
                gboolean    icon_after)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), icon_after ? label : icon);
  gtk_box_append (GTK_BOX (box), icon_after ? icon : label);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
  return button;
}

static GtkWidget *
step_page_new (KpCourseView *self,
               KpStep        step,
               GType         page_type)
{
  StepView *view = &self->steps[step];
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label;
  GtkWidget *footer;
  g_autofree char *position = NULL;

  /* Translators: above a step's title */
  position = g_strdup_printf (_("Step %u of %u"), step + 1, KP_N_STEPS);
  label = gtk_label_new (position);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "accent");
  gtk_box_append (GTK_BOX (header), label);

  label = gtk_label_new (kp_step_get_title (step));
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "title-1");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 1, -1);
  gtk_box_append (GTK_BOX (header), label);

  label = gtk_label_new (kp_step_get_guidance (step));
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "kp-guidance");
  gtk_box_append (GTK_BOX (header), label);
  gtk_box_append (GTK_BOX (box), header);

  view->checklist = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (view->checklist, _("Checklist"));
  gtk_widget_set_visible (GTK_WIDGET (view->checklist), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (view->checklist));
  view->check_rows = g_ptr_array_new ();

  view->page_type = page_type;

  footer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_top (footer, 12);
  if (step > 0)
    gtk_box_append (GTK_BOX (footer), nav_button_new ("course.previous-step",
                                                      "go-previous-symbolic",
                                                      _("Previous Step"), FALSE));
  if (step + 1 < KP_N_STEPS)
    {
      g_autofree char *next = NULL;
      GtkWidget *button;

      /* Translators: the button at the foot of a step; %s is the next step's title */
      next = g_strdup_printf (_("Next: %s"), kp_step_get_title (step + 1));
      button = nav_button_new ("course.next-step", "go-next-symbolic", next, TRUE);
      gtk_widget_set_halign (button, GTK_ALIGN_END);
      gtk_widget_set_hexpand (button, TRUE);
      gtk_box_append (GTK_BOX (footer), button);
    }
  gtk_box_append (GTK_BOX (box), footer);

  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 760);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 560);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  /* A page wider than a narrow window scrolls sideways rather than widening the window. */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  return scroller;
}

static void
kp_course_view_dispose (GObject *object)
{
  KpCourseView *self = KP_COURSE_VIEW (object);

  g_clear_handle_id (&self->check_source, g_source_remove);
  g_clear_handle_id (&self->focus_source, g_source_remove);
  if (self->course != NULL)
    g_signal_handlers_disconnect_by_func (self->course, on_course_changed, self);
  g_clear_object (&self->course);
  for (KpStep step = 0; step < KP_N_STEPS; step++)
    g_clear_pointer (&self->steps[step].check_rows, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), KP_TYPE_COURSE_VIEW);

  G_OBJECT_CLASS (kp_course_view_parent_class)->dispose (object);
}

static void
kp_course_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KpCourseView *self = KP_COURSE_VIEW (object);

  switch (prop_id)
    {
    case PROP_COURSE:
      g_value_set_object (value, self->course);
      break;
    case PROP_STEP:
      g_value_set_uint (value, self->step);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_course_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  KpCourseView *self = KP_COURSE_VIEW (object);

  switch (prop_id)
    {
    case PROP_COURSE:
      kp_course_view_set_course (self, g_value_get_object (value));
      break;
    case PROP_STEP:
      kp_course_view_set_step (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_course_view_class_init (KpCourseViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kp_course_view_dispose;
  object_class->get_property = kp_course_view_get_property;
  object_class->set_property = kp_course_view_set_property;

  properties[PROP_COURSE] =
    g_param_spec_object ("course", NULL, NULL, KP_TYPE_COURSE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* A #KpStep */
  properties[PROP_STEP] =
    g_param_spec_uint ("step", NULL, NULL, 0, KP_N_STEPS - 1, KP_STEP_NEED,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kp-course-view");
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kursplan/Kursplan/kp-course-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KpCourseView, flap);
  gtk_widget_class_bind_template_child (widget_class, KpCourseView, step_list);
  gtk_widget_class_bind_template_child (widget_class, KpCourseView, page_stack);
  gtk_widget_class_bind_template_child (widget_class, KpCourseView, steps_button_label);
  gtk_widget_class_bind_template_child (widget_class, KpCourseView, step_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_step_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_step_row_activated);

  gtk_widget_class_install_action (widget_class, "course.next-step", NULL, next_step_action);
  gtk_widget_class_install_action (widget_class, "course.previous-step", NULL,
                                   previous_step_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK,
                                       "course.next-step", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK,
                                       "course.previous-step", NULL);
}

static void
kp_course_view_init (KpCourseView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_header_func (self->step_list, step_list_header_func, NULL, NULL);
  g_signal_connect_object (self->flap, "notify::reveal-progress", G_CALLBACK (on_reveal_progress),
                           self, G_CONNECT_SWAPPED);

  for (KpStep step = 0; step < KP_N_STEPS; step++)
    {
      GType page_type = G_TYPE_INVALID;

      for (guint i = 0; i < G_N_ELEMENTS (step_pages); i++)
        if (step_pages[i].step == step)
          page_type = step_pages[i].get_type ();

      self->steps[step].row = step_row_new (self, step);
      gtk_list_box_append (self->step_list, self->steps[step].row);
      self->steps[step].scroller = step_page_new (self, step, page_type);
      gtk_stack_add_named (self->page_stack, self->steps[step].scroller, step_names[step]);
    }

  self->step = KP_N_STEPS;  /* so that the first step is set, not taken as already there */
  kp_course_view_set_step (self, KP_STEP_NEED);
  kp_course_view_refresh_checks (self);
}
