/* kp-sessions-page.c — the sessions step: the course's timetable, to add to, edit and move
 *
 * One KpSessionRow per session, in time order. The rows' warnings depend on the other sessions,
 * so after any change of the course they are all looked at again, once, when the app is idle.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-sessions-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kp-course-move.h"
#include "kp-session-row.h"
#include "kp-sessions-page.h"
#include "kp-time.h"
#include "kp-toast.h"
#include "kp-widget.h"

/* The first session of a new course: next week at this hour, this long. */
#define FIRST_HOUR 18
#define FIRST_MINUTES 150

struct _KpSessionsPage
{
  GtkWidget            parent_instance;

  KpCourse            *course;
  gulong               changed_handler;
  guint                refresh_source;
  GHashTable          *expanded;       /* KpSession*: rows to open when they are made */

  AdwPreferencesGroup *group;
  GtkListBox          *list;
};

G_DEFINE_FINAL_TYPE (KpSessionsPage, kp_sessions_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COURSE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
toast (KpSessionsPage *self,
       const char     *message)
{
  kp_toast_show (GTK_WIDGET (self), message);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  KpSessionsPage *self = user_data;
  GtkWidget *row = kp_session_row_new (self->course, item);

  if (g_hash_table_contains (self->expanded, item))
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  return row;
}

static void
refresh (KpSessionsPage *self)
{
  GListModel *sessions;
  guint n_planned = 0, minutes = 0;
  g_autofree char *description = NULL;

  if (self->course == NULL)
    return;

  /* A session given a new date moves to its place in time; its row is remade there, open. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (KP_IS_SESSION_ROW (child) && adw_expander_row_get_expanded (ADW_EXPANDER_ROW (child)))
      g_hash_table_add (self->expanded, kp_session_row_get_session (KP_SESSION_ROW (child)));
  kp_course_sort_sessions (self->course);
  g_hash_table_remove_all (self->expanded);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (KP_IS_SESSION_ROW (child))
      kp_session_row_refresh (KP_SESSION_ROW (child));

  sessions = kp_course_get_sessions (self->course);
  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(KpSession) session = g_list_model_get_item (sessions, i);

      if (kp_session_get_status (session) == KP_SESSION_STATUS_CANCELLED)
        continue;
      n_planned++;
      minutes += kp_session_get_minutes (session);
    }
  if (n_planned > 0)
    {
      g_autofree char *hours = g_strdup_printf ("%g", minutes / 60.0);

      /* Translators: "6 sessions, 15 hours in all"; the cancelled ones are not counted */
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u session, %s hours in all",
                                                  "%u sessions, %s hours in all", n_planned),
                                     n_planned, hours);
    }
  adw_preferences_group_set_description (self->group, description);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sessions.move",
                                 kp_course_get_first_start (self->course) != NULL);
}

static gboolean
refresh_idle (gpointer data)
{
  KpSessionsPage *self = data;

  self->refresh_source = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
on_course_changed (KpSessionsPage *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh_idle, self);
}

/* The session that starts last, whose time and length a new session takes. */
static KpSession *
find_last_session (KpCourse *course)
{
  GListModel *sessions = kp_course_get_sessions (course);
  GDateTime *last = kp_course_get_last_start (course);

  for (guint i = 0; last != NULL && i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(KpSession) session = g_list_model_get_item (sessions, i);

      if (kp_session_get_start (session) == last)
        return session;
    }
  return NULL;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  KpSessionsPage *self = KP_SESSIONS_PAGE (widget);
  g_autoptr(KpSession) session = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GError) error = NULL;
  KpSession *last;
  guint minutes = FIRST_MINUTES;

  if (self->course == NULL)
    return;

  last = find_last_session (self->course);
  if (last != NULL)
    {
      start = kp_time_add_days_local (kp_session_get_start (last), 7, &error);
      minutes = kp_session_get_minutes (last) > 0 ? kp_session_get_minutes (last) : FIRST_MINUTES;
    }
  else
    {
      GTimeZone *tz = kp_course_get_time_zone (self->course);
      g_autoptr(GDateTime) now = g_date_time_new_now (tz);
      g_autoptr(GDateTime) next_week = g_date_time_add_days (now, 7);

      start = kp_time_new_local (tz, g_date_time_get_year (next_week),
                                 g_date_time_get_month (next_week),
                                 g_date_time_get_day_of_month (next_week), FIRST_HOUR, 0, &error);
    }
  if (start == NULL)
    {
      toast (self, error->message);
      return;
    }

  session = kp_session_new (NULL);
  kp_session_set_start (session, start);
  kp_session_set_minutes (session, minutes);
  g_hash_table_add (self->expanded, session);
  kp_course_add_session (self->course, session);
  kp_course_sort_sessions (self->course);
  g_hash_table_remove_all (self->expanded);
}

static void
on_move_response (AdwMessageDialog *dialog,
                  const char       *response,
                  KpSessionsPage   *self)
{
  GtkCalendar *calendar = GTK_CALENDAR (adw_message_dialog_get_extra_child (dialog));
  g_autoptr(GDateTime) picked = NULL;
  g_autoptr(GError) error = NULL;
  GDate day;

  if (g_strcmp0 (response, "move") != 0 || self->course == NULL)
    return;

  picked = gtk_calendar_get_date (calendar);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (picked), g_date_time_get_month (picked),
                  g_date_time_get_year (picked));
  if (!kp_course_move_to (self->course, &day, &error))
    {
      toast (self, error->message);
      return;
    }
  kp_course_sort_sessions (self->course);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KpSessionsPage *self = KP_SESSIONS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GDateTime *first;
  GtkWidget *dialog;
  GtkWidget *calendar;

  if (self->course == NULL || (first = kp_course_get_first_start (self->course)) == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Move Course"),
                                   _("Choose the new date of the first session. Every session "
                                     "moves by as many days, keeping its weekday distance from "
                                     "the others and its time of day."));
  calendar = gtk_calendar_new ();
  gtk_calendar_select_day (GTK_CALENDAR (calendar), first);
  gtk_accessible_update_property (GTK_ACCESSIBLE (calendar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("New date of the first session"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), calendar);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "move", _("_Move"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "move",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "move");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_move_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

KpCourse *
kp_sessions_page_get_course (KpSessionsPage *self)
{
  g_return_val_if_fail (KP_IS_SESSIONS_PAGE (self), NULL);
  return self->course;
}

void
kp_sessions_page_set_course (KpSessionsPage *self,
                             KpCourse       *course)
{
  g_return_if_fail (KP_IS_SESSIONS_PAGE (self));
  g_return_if_fail (course == NULL || KP_IS_COURSE (course));

  if (self->course == course)
    return;

  if (self->course != NULL)
    g_clear_signal_handler (&self->changed_handler, self->course);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  g_set_object (&self->course, course);

  if (course != NULL)
    {
      gtk_list_box_bind_model (self->list, kp_course_get_sessions (course), create_row, self,
                               NULL);
      self->changed_handler = g_signal_connect_swapped (course, "changed",
                                                        G_CALLBACK (on_course_changed), self);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sessions.add", course != NULL);
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COURSE]);
}

static void
kp_sessions_page_dispose (GObject *object)
{
  KpSessionsPage *self = KP_SESSIONS_PAGE (object);

  kp_sessions_page_set_course (self, NULL);
  kp_widget_dispose_children (GTK_WIDGET (self), KP_TYPE_SESSIONS_PAGE);
  g_clear_pointer (&self->expanded, g_hash_table_unref);

  G_OBJECT_CLASS (kp_sessions_page_parent_class)->dispose (object);
}

static void
kp_sessions_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KpSessionsPage *self = KP_SESSIONS_PAGE (object);

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
kp_sessions_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  KpSessionsPage *self = KP_SESSIONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_COURSE:
      kp_sessions_page_set_course (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_sessions_page_class_init (KpSessionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kp_sessions_page_dispose;
  object_class->get_property = kp_sessions_page_get_property;
  object_class->set_property = kp_sessions_page_set_property;

  properties[PROP_COURSE] =
    g_param_spec_object ("course", NULL, NULL, KP_TYPE_COURSE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kursplan/Kursplan/kp-sessions-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KpSessionsPage, group);
  gtk_widget_class_bind_template_child (widget_class, KpSessionsPage, list);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "sessions.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "sessions.move", NULL, move_action);
}

static void
kp_sessions_page_init (KpSessionsPage *self)
{
  GtkWidget *placeholder;

  self->expanded = g_hash_table_new (NULL, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));

  placeholder =
    gtk_label_new (_("No sessions yet: add the first one, a week from today at 18:00."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_list_box_set_placeholder (self->list, placeholder);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sessions.add", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sessions.move", FALSE);
}

GtkWidget *
kp_sessions_page_new (void)
{
  return g_object_new (KP_TYPE_SESSIONS_PAGE, NULL);
}
