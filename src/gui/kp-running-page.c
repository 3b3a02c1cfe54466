/* kp-running-page.c — the running step: how many came to each session, and a note after it
 *
 * One group per session: the count of those who took part (a number, never who: the app keeps
 * no register of participants) and the note the leaders write after it. A count not yet noted
 * shows as a dash, and the spin button's lowest step goes back to it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-running-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kp-running-page.h"
#include "kp-session-row.h"
#include "kp-toast.h"
#include "kp-widget.h"

/* The spin buttons go up to twice the course's places; a course without places set gets this. */
#define DEFAULT_PLACES 20

#define NOT_NOTED "–"

struct _KpRunningPage
{
  GtkWidget            parent_instance;

  KpCourse            *course;
  gulong               changed_handler;
  gulong               items_handler;
  guint                refresh_source;
  GPtrArray           *groups;         /* AdwPreferencesGroup per session, in order */

  AdwPreferencesGroup *summary_group;
  GtkWidget           *empty_label;
  GtkBox              *sessions_box;
};

G_DEFINE_FINAL_TYPE (KpRunningPage, kp_running_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COURSE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
on_spin_output (GtkSpinButton *spin)
{
  if (gtk_spin_button_get_value_as_int (spin) >= 0)
    return FALSE;
  gtk_editable_set_text (GTK_EDITABLE (spin), NOT_NOTED);
  return TRUE;
}

static int
on_spin_input (GtkSpinButton *spin,
               double        *value)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (spin))));

  if (*text != '\0' && strcmp (text, NOT_NOTED) != 0 && strcmp (text, "-") != 0)
    return FALSE;
  *value = -1;
  return TRUE;
}

/* A count for a session that has not ended is refused by the core: the spin goes back to what
 * the session holds, and a toast says why. */
static void
on_attended_changed (GtkSpinButton *spin,
                     KpSession     *session)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;

  if (kp_session_note_attended (session, gtk_spin_button_get_value_as_int (spin), now, &error))
    return;
  gtk_spin_button_set_value (spin, kp_session_get_attended (session));
  kp_toast_show (GTK_WIDGET (spin), error->message);
}

static void
on_note_changed (GtkEditable *entry,
                 KpSession   *session)
{
  const char *text = gtk_editable_get_text (entry);

  kp_session_set_notes (session, *text != '\0' ? text : NULL);
}

static int
max_attended (KpCourse *course)
{
  int places = kp_course_get_capacity_max (course);

  return 2 * (places > 0 ? places : DEFAULT_PLACES);
}

/* Titles that follow the session when it moves or is cancelled. */
static void
update_group (KpRunningPage       *self,
              AdwPreferencesGroup *group)
{
  KpSession *session = g_object_get_data (G_OBJECT (group), "session");
  GtkSpinButton *spin = g_object_get_data (G_OBJECT (group), "attended-spin");
  GDateTime *start = kp_session_get_start (session);
  gboolean cancelled = kp_session_get_status (session) == KP_SESSION_STATUS_CANCELLED;
  const char *theme = kp_session_get_title (session);
  g_autofree char *day = start != NULL ? kp_session_format_day (start)
                                      : g_strdup (_("No date yet"));
  g_autofree char *span = kp_session_format_span (session);
  g_autofree char *title = NULL;
  g_autofree char *label = NULL;
  const char *description = NULL;
  g_autofree char *cancelled_text = NULL;
  g_autofree char *markup = NULL;

  /* Translators: a session's heading on the running step: "Thursday 4 March 2027, 18:00–20:30" */
  title = g_strdup_printf (_("%s, %s"), day, span);
  markup = g_markup_escape_text (title, -1);
  adw_preferences_group_set_title (group, markup);

  if (cancelled)
    {
      cancelled_text = theme != NULL && *theme != '\0'
                       /* Translators: the description of a cancelled session: its theme */
                       ? g_strdup_printf (_("Cancelled: %s"), theme)
                       : g_strdup (_("Cancelled"));
      description = cancelled_text;
    }
  else
    description = theme;
  {
    g_autofree char *escaped = description != NULL ? g_markup_escape_text (description, -1) : NULL;

    adw_preferences_group_set_description (group, escaped);
  }

  gtk_adjustment_set_upper (gtk_spin_button_get_adjustment (spin), max_attended (self->course));
  if (gtk_spin_button_get_value_as_int (spin) != kp_session_get_attended (session))
    gtk_spin_button_set_value (spin, kp_session_get_attended (session));
  gtk_widget_set_sensitive (GTK_WIDGET (spin),
                            !cancelled || kp_session_get_attended (session) >= 0);

  /* Translators: the accessible name of the attendance count of the session on that day */
  label = g_strdup_printf (_("Took part on %s"), day);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static GtkWidget *
create_group (KpRunningPage *self,
              KpSession     *session)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *attended_row = adw_action_row_new ();
  GtkWidget *note_row = adw_entry_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (-1, max_attended (self->course), 1);
  const char *notes = kp_session_get_notes (session);

  g_object_set_data_full (G_OBJECT (group), "session", g_object_ref (session), g_object_unref);
  g_object_set_data (G_OBJECT (group), "attended-spin", spin);
  g_object_set_data (G_OBJECT (group), "note-row", note_row);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (attended_row), _("Took part"));
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), FALSE);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), kp_session_get_attended (session));
  g_signal_connect (spin, "output", G_CALLBACK (on_spin_output), NULL);
  g_signal_connect (spin, "input", G_CALLBACK (on_spin_input), NULL);
  g_signal_connect_object (spin, "value-changed", G_CALLBACK (on_attended_changed), session, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (attended_row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (attended_row), spin);
  adw_preferences_group_add (group, attended_row);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (note_row), _("Note After the Session"));
  gtk_editable_set_text (GTK_EDITABLE (note_row), notes != NULL ? notes : "");
  g_signal_connect_object (note_row, "changed", G_CALLBACK (on_note_changed), session, 0);
  adw_preferences_group_add (group, note_row);

  update_group (self, group);
  return GTK_WIDGET (group);
}

static void
update_summary (KpRunningPage *self)
{
  GListModel *sessions = kp_course_get_sessions (self->course);
  guint n_planned = 0, n_noted = 0, total = 0;
  g_autofree char *description = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(KpSession) session = g_list_model_get_item (sessions, i);

      if (kp_session_get_status (session) == KP_SESSION_STATUS_CANCELLED)
        continue;
      n_planned++;
      if (kp_session_get_attended (session) >= 0)
        {
          n_noted++;
          total += kp_session_get_attended (session);
        }
    }

  if (n_noted > 0)
    {
      g_autofree char *mean = g_strdup_printf ("%.1f", (double) total / n_noted);

      /* Translators: "Noted for 3 of 6 sessions: 11.3 took part on average." */
      description = g_strdup_printf (_("Noted for %u of %u sessions: %s took part on average."),
                                     n_noted, n_planned, mean);
    }
  else
    description = g_strdup (_("After each session, note how many took part (a count, never who) "
                              "and how it went."));
  adw_preferences_group_set_description (self->summary_group, description);
}

static void
rebuild (KpRunningPage *self)
{
  GListModel *sessions;
  guint n;

  if (self->groups == NULL)
    return;
  for (guint i = 0; i < self->groups->len; i++)
    gtk_box_remove (self->sessions_box, self->groups->pdata[i]);
  g_ptr_array_set_size (self->groups, 0);

  n = self->course != NULL ? g_list_model_get_n_items (kp_course_get_sessions (self->course)) : 0;
  gtk_widget_set_visible (self->empty_label, self->course != NULL && n == 0);
  if (self->course == NULL)
    return;

  sessions = kp_course_get_sessions (self->course);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KpSession) session = g_list_model_get_item (sessions, i);
      GtkWidget *group = create_group (self, session);

      gtk_box_append (self->sessions_box, group);
      g_ptr_array_add (self->groups, group);
    }
  update_summary (self);
}

static gboolean
refresh_idle (gpointer data)
{
  KpRunningPage *self = data;

  self->refresh_source = 0;
  for (guint i = 0; i < self->groups->len; i++)
    update_group (self, self->groups->pdata[i]);
  update_summary (self);
  return G_SOURCE_REMOVE;
}

static void
on_course_changed (KpRunningPage *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh_idle, self);
}

KpCourse *
kp_running_page_get_course (KpRunningPage *self)
{
  g_return_val_if_fail (KP_IS_RUNNING_PAGE (self), NULL);
  return self->course;
}

void
kp_running_page_set_course (KpRunningPage *self,
                            KpCourse      *course)
{
  g_return_if_fail (KP_IS_RUNNING_PAGE (self));
  g_return_if_fail (course == NULL || KP_IS_COURSE (course));

  if (self->course == course)
    return;

  if (self->course != NULL)
    {
      g_clear_signal_handler (&self->changed_handler, self->course);
      g_clear_signal_handler (&self->items_handler, kp_course_get_sessions (self->course));
    }
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_set_object (&self->course, course);
  if (course != NULL)
    {
      self->changed_handler = g_signal_connect_swapped (course, "changed",
                                                        G_CALLBACK (on_course_changed), self);
      self->items_handler = g_signal_connect_swapped (kp_course_get_sessions (course),
                                                      "items-changed", G_CALLBACK (rebuild), self);
    }
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COURSE]);
}

static void
kp_running_page_dispose (GObject *object)
{
  KpRunningPage *self = KP_RUNNING_PAGE (object);

  kp_running_page_set_course (self, NULL);
  kp_widget_dispose_children (GTK_WIDGET (self), KP_TYPE_RUNNING_PAGE);
  g_clear_pointer (&self->groups, g_ptr_array_unref);

  G_OBJECT_CLASS (kp_running_page_parent_class)->dispose (object);
}

static void
kp_running_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KpRunningPage *self = KP_RUNNING_PAGE (object);

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
kp_running_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  KpRunningPage *self = KP_RUNNING_PAGE (object);

  switch (prop_id)
    {
    case PROP_COURSE:
      kp_running_page_set_course (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_running_page_class_init (KpRunningPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kp_running_page_dispose;
  object_class->get_property = kp_running_page_get_property;
  object_class->set_property = kp_running_page_set_property;

  properties[PROP_COURSE] =
    g_param_spec_object ("course", NULL, NULL, KP_TYPE_COURSE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kursplan/Kursplan/kp-running-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KpRunningPage, summary_group);
  gtk_widget_class_bind_template_child (widget_class, KpRunningPage, empty_label);
  gtk_widget_class_bind_template_child (widget_class, KpRunningPage, sessions_box);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
kp_running_page_init (KpRunningPage *self)
{
  self->groups = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
kp_running_page_new (void)
{
  return g_object_new (KP_TYPE_RUNNING_PAGE, NULL);
}
