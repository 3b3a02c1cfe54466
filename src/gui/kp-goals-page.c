/* kp-goals-page.c — step 3: goals and content, the six elements of the didactic relation model
 *
 * Target group, goals, frame, content, methods and evaluation, in that order. The target group
 * is the same text as on the need page: both bind the course's property, so each shows the
 * other's edits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-goals-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kp-goals-page.h"
#include "kp-text-area.h"
#include "kp-widget.h"

struct _KpGoalsPage
{
  GtkWidget            parent_instance;

  KpCourse            *course;
  gboolean             writing;     /* the page itself is changing the course */

  KpTextArea          *target_group_area;
  AdwPreferencesGroup *goals_group;
  GtkListBox          *goal_list;
  KpTextArea          *frame_area;
  GtkSpinButton       *capacity_min_spin;
  GtkSpinButton       *capacity_max_spin;
  AdwActionRow        *capacity_message_row;
  KpTextArea          *content_area;
  KpTextArea          *methods_area;
  KpTextArea          *evaluation_plan_area;
};

G_DEFINE_FINAL_TYPE (KpGoalsPage, kp_goals_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COURSE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
kp_goals_page_new (void)
{
  return g_object_new (KP_TYPE_GOALS_PAGE, NULL);
}

KpCourse *
kp_goals_page_get_course (KpGoalsPage *self)
{
  g_return_val_if_fail (KP_IS_GOALS_PAGE (self), NULL);
  return self->course;
}

/* Goals: one entry row each; empty rows are not saved */

static void
write_goals (KpGoalsPage *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) goals = NULL;

  if (self->course == NULL)
    return;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->goal_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      g_autofree char *text = NULL;

      if (!ADW_IS_ENTRY_ROW (row))
        continue;
      text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
      if (*text != '\0')
        g_strv_builder_add (builder, text);
    }
  goals = g_strv_builder_end (builder);

  self->writing = TRUE;
  kp_course_set_goals (self->course, (const char * const *) goals);
  self->writing = FALSE;
}

static void
on_remove_goal_clicked (GtkButton *button,
                        GtkWidget *row)
{
  KpGoalsPage *self = KP_GOALS_PAGE (gtk_widget_get_ancestor (row, KP_TYPE_GOALS_PAGE));
  GtkWidget *next = gtk_widget_get_next_sibling (row);

  if (next == NULL)
    next = gtk_widget_get_prev_sibling (row);
  gtk_list_box_remove (self->goal_list, row);
  write_goals (self);
  if (ADW_IS_ENTRY_ROW (next))
    gtk_widget_grab_focus (next);
}

static GtkWidget *goal_row_new (KpGoalsPage *self,
                                const char  *goal);

/* Enter at the end of the last goal starts the next one, as in a list on paper. */
static void
on_goal_activated (KpGoalsPage *self,
                   AdwEntryRow *row)
{
  GtkWidget *next = gtk_widget_get_next_sibling (GTK_WIDGET (row));

  if (ADW_IS_ENTRY_ROW (next))
    gtk_widget_grab_focus (next);
  else if (*gtk_editable_get_text (GTK_EDITABLE (row)) != '\0')
    gtk_widget_grab_focus (goal_row_new (self, NULL));
}

static GtkWidget *
goal_row_new (KpGoalsPage *self,
              const char  *goal)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  guint n = 0;
  g_autofree char *title = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->goal_list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    n += ADW_IS_ENTRY_ROW (child);
  /* Translators: the title of a goal's field: "Goal 2" */
  title = g_strdup_printf (_("Goal %u"), n + 1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (row), goal != NULL ? goal : "");
  g_signal_connect_object (row, "changed", G_CALLBACK (write_goals), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "entry-activated", G_CALLBACK (on_goal_activated), self,
                           G_CONNECT_SWAPPED);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Remove Goal"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove goal"), -1);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_remove_goal_clicked), row, 0);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);

  gtk_list_box_append (self->goal_list, row);
  return row;
}

static void
show_goals (KpGoalsPage *self)
{
  const char * const *goals = self->course != NULL ? kp_course_get_goals (self->course) : NULL;
  GtkListBoxRow *row;

  if (self->writing)
    return;

  while ((row = gtk_list_box_get_row_at_index (self->goal_list, 0)) != NULL)
    gtk_list_box_remove (self->goal_list, GTK_WIDGET (row));
  for (guint i = 0; goals != NULL && goals[i] != NULL; i++)
    goal_row_new (self, goals[i]);
}

/**
 * kp_goals_page_add_goal:
 *
 * Adds an empty goal at the end and focuses it; it is saved once it has text.
 *
 * Returns: (transfer none): the goal's entry row
 */
GtkWidget *
kp_goals_page_add_goal (KpGoalsPage *self)
{
  GtkWidget *row;

  g_return_val_if_fail (KP_IS_GOALS_PAGE (self), NULL);

  row = goal_row_new (self, NULL);
  gtk_widget_grab_focus (row);
  return row;
}

static void
add_goal_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  kp_goals_page_add_goal (KP_GOALS_PAGE (widget));
}

/* Capacity: the fewest may not exceed the most */

static void
show_capacity_message (KpGoalsPage *self,
                       const char  *message)
{
  gtk_widget_set_visible (GTK_WIDGET (self->capacity_message_row), message != NULL);
  if (message != NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->capacity_message_row), message);
      gtk_widget_add_css_class (GTK_WIDGET (self->capacity_min_spin), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->capacity_max_spin), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->capacity_min_spin), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->capacity_max_spin), "error");
    }
}

static gboolean
apply_capacity (KpGoalsPage *self)
{
  int min = gtk_spin_button_get_value_as_int (self->capacity_min_spin);
  int max = gtk_spin_button_get_value_as_int (self->capacity_max_spin);

  if (self->course == NULL || self->writing)
    return FALSE;

  if (min < 0 || max < 0)
    {
      show_capacity_message (self, _("The number of participants cannot be negative."));
      return FALSE;
    }
  if (max > 0 && min > max)
    {
      show_capacity_message (self, _("The fewest participants cannot be more than the most. "
                                     "The course keeps its earlier numbers."));
      return FALSE;
    }
  show_capacity_message (self, NULL);
  self->writing = TRUE;
  kp_course_set_capacity (self->course, min, max);
  self->writing = FALSE;
  return TRUE;
}

static void
on_capacity_changed (KpGoalsPage *self)
{
  apply_capacity (self);
}

/**
 * kp_goals_page_set_capacity:
 *
 * Puts @min and @max in the fields as a user would type them.
 *
 * Returns: %TRUE when the course took them, %FALSE when the page refused them with a message
 */
gboolean
kp_goals_page_set_capacity (KpGoalsPage *self,
                            int          min,
                            int          max)
{
  g_return_val_if_fail (KP_IS_GOALS_PAGE (self), FALSE);

  g_signal_handlers_block_by_func (self->capacity_min_spin, on_capacity_changed, self);
  g_signal_handlers_block_by_func (self->capacity_max_spin, on_capacity_changed, self);
  gtk_spin_button_set_value (self->capacity_min_spin, min);
  gtk_spin_button_set_value (self->capacity_max_spin, max);
  g_signal_handlers_unblock_by_func (self->capacity_min_spin, on_capacity_changed, self);
  g_signal_handlers_unblock_by_func (self->capacity_max_spin, on_capacity_changed, self);
  return apply_capacity (self);
}

static void
show_capacity (KpGoalsPage *self)
{
  if (self->writing)
    return;

  self->writing = TRUE;
  gtk_spin_button_set_value (self->capacity_min_spin,
                             self->course != NULL ? kp_course_get_capacity_min (self->course) : 0);
  gtk_spin_button_set_value (self->capacity_max_spin,
                             self->course != NULL ? kp_course_get_capacity_max (self->course) : 0);
  self->writing = FALSE;
  show_capacity_message (self, NULL);
}

void
kp_goals_page_set_course (KpGoalsPage *self,
                          KpCourse    *course)
{
  g_return_if_fail (KP_IS_GOALS_PAGE (self));
  g_return_if_fail (course == NULL || KP_IS_COURSE (course));

  if (self->course == course)
    return;

  if (self->course != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->course, show_goals, self);
      g_signal_handlers_disconnect_by_func (self->course, show_capacity, self);
    }
  g_set_object (&self->course, course);
  if (course != NULL)
    {
      g_signal_connect_object (course, "notify::goals", G_CALLBACK (show_goals), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (course, "notify::capacity-min", G_CALLBACK (show_capacity), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (course, "notify::capacity-max", G_CALLBACK (show_capacity), self,
                               G_CONNECT_SWAPPED);
    }

  kp_text_area_bind (self->target_group_area, G_OBJECT (course), "target-group");
  kp_text_area_bind (self->frame_area, G_OBJECT (course), "frame");
  kp_text_area_bind (self->content_area, G_OBJECT (course), "content");
  kp_text_area_bind (self->methods_area, G_OBJECT (course), "methods");
  kp_text_area_bind (self->evaluation_plan_area, G_OBJECT (course), "evaluation-plan");
  show_goals (self);
  show_capacity (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "goals.add-goal", course != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COURSE]);
}

static void
kp_goals_page_dispose (GObject *object)
{
  KpGoalsPage *self = KP_GOALS_PAGE (object);

  if (self->course != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->course, show_goals, self);
      g_signal_handlers_disconnect_by_func (self->course, show_capacity, self);
    }
  kp_widget_dispose_children (GTK_WIDGET (self), KP_TYPE_GOALS_PAGE);
  g_clear_object (&self->course);

  G_OBJECT_CLASS (kp_goals_page_parent_class)->dispose (object);
}

static void
kp_goals_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  KpGoalsPage *self = KP_GOALS_PAGE (object);

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
kp_goals_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  KpGoalsPage *self = KP_GOALS_PAGE (object);

  switch (prop_id)
    {
    case PROP_COURSE:
      kp_goals_page_set_course (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_goals_page_class_init (KpGoalsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kp_goals_page_dispose;
  object_class->get_property = kp_goals_page_get_property;
  object_class->set_property = kp_goals_page_set_property;

  properties[PROP_COURSE] =
    g_param_spec_object ("course", NULL, NULL, KP_TYPE_COURSE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KP_TYPE_TEXT_AREA);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kursplan/Kursplan/kp-goals-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KpGoalsPage, target_group_area);
  gtk_widget_class_bind_template_child (widget_class, KpGoalsPage, goals_group);
  gtk_widget_class_bind_template_child (widget_class, KpGoalsPage, goal_list);
  gtk_widget_class_bind_template_child (widget_class, KpGoalsPage, frame_area);
  gtk_widget_class_bind_template_child (widget_class, KpGoalsPage, capacity_min_spin);
  gtk_widget_class_bind_template_child (widget_class, KpGoalsPage, capacity_max_spin);
  gtk_widget_class_bind_template_child (widget_class, KpGoalsPage, capacity_message_row);
  gtk_widget_class_bind_template_child (widget_class, KpGoalsPage, content_area);
  gtk_widget_class_bind_template_child (widget_class, KpGoalsPage, methods_area);
  gtk_widget_class_bind_template_child (widget_class, KpGoalsPage, evaluation_plan_area);
  gtk_widget_class_bind_template_callback (widget_class, on_capacity_changed);

  gtk_widget_class_install_action (widget_class, "goals.add-goal", NULL, add_goal_action);
}

static void
kp_goals_page_init (KpGoalsPage *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  placeholder = gtk_label_new (_("No goals yet."));
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (self->goal_list, placeholder);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "goals.add-goal", FALSE);
}
