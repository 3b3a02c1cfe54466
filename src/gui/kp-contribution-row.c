/* kp-contribution-row.c — one contribution of a session, edited in place: kind, title, who,
 * minutes
 *
 * The member list follows the course's planning group as it changes on the group step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-contribution-row"

#include "config.h"

#include <glib/gi18n.h>

#include "kp-contribution-row.h"

struct _KpContributionRow
{
  GtkListBoxRow   parent_instance;

  KpCourse       *course;
  KpSession      *session;
  KpContribution *contribution;
  GPtrArray      *member_ids;     /* the member dropdown's items after "No one", in order */

  GtkDropDown    *kind_dropdown;
  GtkSpinButton  *minutes_spin;
  GtkEntry       *title_entry;
  GtkDropDown    *member_dropdown;
  GtkButton      *remove_button;
};

G_DEFINE_FINAL_TYPE (KpContributionRow, kp_contribution_row, GTK_TYPE_LIST_BOX_ROW)

static void
fill_members (KpContributionRow *self)
{
  GListModel *members = kp_course_get_members (self->course);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const char *current = kp_contribution_get_member_id (self->contribution);
  guint selected = 0;

  g_ptr_array_set_size (self->member_ids, 0);
  gtk_string_list_append (names, _("No one"));
  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(KpMember) member = g_list_model_get_item (members, i);
      const char *name = kp_member_get_name (member);

      gtk_string_list_append (names, name != NULL && *name != '\0' ? name : _("Unnamed member"));
      g_ptr_array_add (self->member_ids, g_strdup (kp_member_get_id (member)));
      if (g_strcmp0 (current, kp_member_get_id (member)) == 0)
        selected = i + 1;
    }
  gtk_drop_down_set_model (self->member_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->member_dropdown, selected);
}

static void
on_kind_selected (KpContributionRow *self)
{
  guint selected = gtk_drop_down_get_selected (self->kind_dropdown);

  if (selected != GTK_INVALID_LIST_POSITION)
    kp_contribution_set_kind (self->contribution, (KpContributionKind) selected);
}

static void
on_member_selected (KpContributionRow *self)
{
  guint selected = gtk_drop_down_get_selected (self->member_dropdown);

  if (selected == GTK_INVALID_LIST_POSITION)
    return;
  kp_contribution_set_member_id (self->contribution,
                                 selected == 0 ? NULL : self->member_ids->pdata[selected - 1]);
}

static void
on_minutes_changed (KpContributionRow *self)
{
  kp_contribution_set_minutes (self->contribution,
                               (guint) gtk_spin_button_get_value_as_int (self->minutes_spin));
}

static void
on_title_changed (KpContributionRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->title_entry));

  kp_contribution_set_title (self->contribution, *text != '\0' ? text : NULL);
}

static void
on_remove_clicked (KpContributionRow *self)
{
  GListModel *list = kp_session_get_contributions (self->session);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(KpContribution) item = g_list_model_get_item (list, i);

      if (item == self->contribution)
        {
          kp_session_remove_contribution (self->session, i);
          return;
        }
    }
}

/* Fills the fields from the contribution, then listens to them. */
static void
kp_contribution_row_setup (KpContributionRow *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  const char *title = kp_contribution_get_title (self->contribution);

  for (int kind = KP_CONTRIBUTION_PROFESSIONAL_TALK; kind <= KP_CONTRIBUTION_BREAK; kind++)
    gtk_string_list_append (kinds, kp_contribution_kind_get_label (kind));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));
  gtk_drop_down_set_selected (self->kind_dropdown, kp_contribution_get_kind (self->contribution));
  gtk_spin_button_set_value (self->minutes_spin, kp_contribution_get_minutes (self->contribution));
  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), title != NULL ? title : "");
  fill_members (self);

  g_signal_connect_object (self->kind_dropdown, "notify::selected",
                           G_CALLBACK (on_kind_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->member_dropdown, "notify::selected",
                           G_CALLBACK (on_member_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->minutes_spin, "value-changed",
                           G_CALLBACK (on_minutes_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (kp_course_get_members (self->course), "items-changed",
                           G_CALLBACK (fill_members), self, G_CONNECT_SWAPPED);
}

static void
kp_contribution_row_dispose (GObject *object)
{
  KpContributionRow *self = KP_CONTRIBUTION_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KP_TYPE_CONTRIBUTION_ROW);
  g_clear_object (&self->course);
  g_clear_object (&self->session);
  g_clear_object (&self->contribution);
  g_clear_pointer (&self->member_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (kp_contribution_row_parent_class)->dispose (object);
}

static void
kp_contribution_row_class_init (KpContributionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kp_contribution_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kursplan/Kursplan/kp-contribution-row.ui");
  gtk_widget_class_bind_template_child (widget_class, KpContributionRow, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KpContributionRow, minutes_spin);
  gtk_widget_class_bind_template_child (widget_class, KpContributionRow, title_entry);
  gtk_widget_class_bind_template_child (widget_class, KpContributionRow, member_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KpContributionRow, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, on_title_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked);
}

static void
kp_contribution_row_init (KpContributionRow *self)
{
  self->member_ids = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * kp_contribution_row_new:
 * @course: the course, for its planning group
 * @session: the session @contribution is part of
 * @contribution: the contribution to edit
 */
GtkWidget *
kp_contribution_row_new (KpCourse       *course,
                         KpSession      *session,
                         KpContribution *contribution)
{
  KpContributionRow *self;

  g_return_val_if_fail (KP_IS_COURSE (course), NULL);
  g_return_val_if_fail (KP_IS_SESSION (session), NULL);
  g_return_val_if_fail (KP_IS_CONTRIBUTION (contribution), NULL);

  self = g_object_new (KP_TYPE_CONTRIBUTION_ROW, NULL);
  self->course = g_object_ref (course);
  self->session = g_object_ref (session);
  self->contribution = g_object_ref (contribution);
  kp_contribution_row_setup (self);
  return GTK_WIDGET (self);
}

KpContribution *
kp_contribution_row_get_contribution (KpContributionRow *self)
{
  g_return_val_if_fail (KP_IS_CONTRIBUTION_ROW (self), NULL);
  return self->contribution;
}
