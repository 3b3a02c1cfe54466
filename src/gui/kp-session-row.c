/* kp-session-row.c — one session in the timetable: its summary, warnings, and its fields to edit
 *
 * Every field writes to the session as it is edited, except the start time, which is taken on
 * Enter or the apply button: a half-typed time is not a time. A time the clocks skip, or a time
 * that is not one, is refused with a message under the field and changes nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-session-row"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kp-contribution-row.h"
#include "kp-holidays.h"
#include "kp-session-row.h"
#include "kp-time.h"
#include "kp-toast.h"
#include "kp-undo.h"
#include "kp-ui-language.h"

/* A new session, and a session given a date before it had one, starts at this hour. */
#define DEFAULT_HOUR 18

struct _KpSessionRow
{
  AdwExpanderRow  parent_instance;

  KpCourse       *course;
  KpSession      *session;
  GPtrArray      *contribution_rows;
  char           *warning;        /* (nullable): what the warning row says */
  gboolean        updating;       /* the fields are being filled from the session */

  GtkImage       *warning_icon;
  GtkLabel       *status_label;
  AdwActionRow   *warning_row;
  GtkMenuButton  *date_button;
  GtkPopover     *date_popover;
  GtkCalendar    *calendar;
  AdwEntryRow    *time_row;
  AdwActionRow   *error_row;
  AdwActionRow   *minutes_row;
  GtkSpinButton  *minutes_spin;
  AdwEntryRow    *theme_row;
  AdwEntryRow    *place_row;
  AdwEntryRow    *join_url_row;
  AdwActionRow   *contributions_row;
};

G_DEFINE_FINAL_TYPE (KpSessionRow, kp_session_row, ADW_TYPE_EXPANDER_ROW)

/**
 * kp_session_format_day:
 *
 * Returns: (transfer full): the day of @time for people: "Thursday 4 March 2027"
 */
char *
kp_session_format_day (GDateTime *time)
{
  /* Translators: a session's day, see g_date_time_format(); Bokmål: "%A %-d. %B %Y" */
  return kp_ui_language_format_date (time, _("%A %-d %B %Y"));
}

static char *
format_clock (GDateTime *time)
{
  /* Translators: a time of day, see g_date_time_format(); Norwegian writes "%H.%M" */
  return g_date_time_format (time, _("%H:%M"));
}

/**
 * kp_session_format_span:
 *
 * Returns: (transfer full): when @session runs, "18:00–20:30", or that it has no time yet
 */
char *
kp_session_format_span (KpSession *session)
{
  GDateTime *start = kp_session_get_start (session);
  g_autoptr(GDateTime) end = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (start == NULL)
    return g_strdup (_("No time yet"));
  end = kp_session_get_end (session);
  from = format_clock (start);
  to = format_clock (end);
  /* Translators: a session's start and end times */
  return g_strdup_printf (_("%s–%s"), from, to);
}

/* "18", "1800", "18.00", "18:00", "9.30": hours and minutes of a day, or FALSE. */
static gboolean
parse_clock (const char *text,
             int        *hour,
             int        *minute)
{
  g_autofree char *clean = g_strstrip (g_strdup (text));
  const char *sep = strpbrk (clean, ".:");
  guint64 h, m = 0;

  if (*clean == '\0')
    return FALSE;
  if (sep == NULL && strlen (clean) == 4)
    {
      char hh[3] = { clean[0], clean[1], 0 };

      if (!g_ascii_string_to_unsigned (hh, 10, 0, 23, &h, NULL) ||
          !g_ascii_string_to_unsigned (clean + 2, 10, 0, 59, &m, NULL))
        return FALSE;
    }
  else if (sep == NULL)
    {
      if (!g_ascii_string_to_unsigned (clean, 10, 0, 23, &h, NULL))
        return FALSE;
    }
  else
    {
      g_autofree char *hours = g_strndup (clean, sep - clean);

      if (strlen (sep + 1) != 2 ||
          !g_ascii_string_to_unsigned (hours, 10, 0, 23, &h, NULL) ||
          !g_ascii_string_to_unsigned (sep + 1, 10, 0, 59, &m, NULL))
        return FALSE;
    }
  *hour = (int) h;
  *minute = (int) m;
  return TRUE;
}

static void
show_error (KpSessionRow *self,
            const char   *message)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->error_row), message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_row), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->time_row), "error");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
}

static void
clear_error (KpSessionRow *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_row), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->time_row), "error");
}

static void
show_time (KpSessionRow *self)
{
  GDateTime *start = kp_session_get_start (self->session);
  g_autofree char *text = start != NULL ? format_clock (start) : g_strdup ("");

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->time_row), text);
  self->updating = FALSE;
}

/* Moves the session to that wall-clock time, or says why it cannot. */
static gboolean
set_start (KpSessionRow *self,
           int           year,
           int           month,
           int           day,
           int           hour,
           int           minute)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) start = kp_time_new_local (kp_course_get_time_zone (self->course),
                                                  year, month, day, hour, minute, &error);

  /* The importers' rules too, so that the course can be written as a plan and read again. */
  if (start == NULL ||
      !kp_time_check_span (start, kp_session_get_minutes (self->session), &error))
    {
      show_error (self, error->message);
      return FALSE;
    }
  clear_error (self);
  kp_session_set_start (self->session, start);
  kp_session_row_refresh (self);
  return TRUE;
}

static void
on_date_popover_show (KpSessionRow *self)
{
  GDateTime *start = kp_session_get_start (self->session);
  g_autoptr(GDateTime) shown = NULL;

  shown = start != NULL ? g_date_time_ref (start) : g_date_time_new_now_local ();
  self->updating = TRUE;
  gtk_calendar_select_day (self->calendar, shown);
  self->updating = FALSE;
}

static void
on_day_selected (KpSessionRow *self)
{
  GDateTime *start = kp_session_get_start (self->session);
  g_autoptr(GDateTime) day = NULL;

  if (self->updating)
    return;
  day = gtk_calendar_get_date (self->calendar);
  if (set_start (self, g_date_time_get_year (day), g_date_time_get_month (day),
                 g_date_time_get_day_of_month (day),
                 start != NULL ? g_date_time_get_hour (start) : DEFAULT_HOUR,
                 start != NULL ? g_date_time_get_minute (start) : 0))
    {
      gtk_popover_popdown (self->date_popover);
      if (start == NULL)
        show_time (self);
    }
}

static void
on_time_apply (KpSessionRow *self)
{
  GDateTime *start = kp_session_get_start (self->session);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->time_row));
  int hour, minute;

  if (!parse_clock (text, &hour, &minute))
    {
      show_error (self, _("Write the start time as hours and minutes, such as 18.00 or 18:00"));
      return;
    }
  if (start == NULL)
    {
      show_error (self, _("Choose the session’s date first"));
      return;
    }
  if (set_start (self, g_date_time_get_year (start), g_date_time_get_month (start),
                 g_date_time_get_day_of_month (start), hour, minute))
    show_time (self);
}

static void
on_time_changed (KpSessionRow *self)
{
  if (!self->updating)
    gtk_widget_remove_css_class (GTK_WIDGET (self->time_row), "error");
}

static void
on_minutes_changed (KpSessionRow *self)
{
  g_autoptr(GError) error = NULL;
  guint minutes = (guint) gtk_spin_button_get_value_as_int (self->minutes_spin);

  if (self->updating)
    return;
  /* On the last evening of 9999 a longer session would end in a year no calendar holds. */
  if (!kp_time_check_span (kp_session_get_start (self->session), minutes, &error))
    {
      show_error (self, error->message);
      self->updating = TRUE;
      gtk_spin_button_set_value (self->minutes_spin, kp_session_get_minutes (self->session));
      self->updating = FALSE;
      return;
    }
  kp_session_set_minutes (self->session, minutes);
  kp_session_row_refresh (self);
}

static void
on_theme_changed (KpSessionRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->theme_row));

  if (!self->updating)
    kp_session_set_title (self->session, *text != '\0' ? text : NULL);
}

static void
on_place_changed (KpSessionRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->place_row));

  if (!self->updating)
    g_object_set (self->session, "location-name", *text != '\0' ? text : NULL, NULL);
}

/* The link is checked when applied: a half-typed address is not one, and every change raises
 * the session's revision (the calendars take it). A bad one is refused and named. */
static void
on_join_url_apply (KpSessionRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->join_url_row));
  g_autoptr(GError) error = NULL;

  if (!kp_session_check_join_url (text, &error))
    {
      show_error (self, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->join_url_row), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->join_url_row), "error");
  kp_session_set_join_url (self->session, *text != '\0' ? text : NULL);
}

static void
fill_contributions (KpSessionRow *self)
{
  GListModel *list = kp_session_get_contributions (self->session);

  for (guint i = 0; i < self->contribution_rows->len; i++)
    adw_expander_row_remove (ADW_EXPANDER_ROW (self), self->contribution_rows->pdata[i]);
  g_ptr_array_set_size (self->contribution_rows, 0);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(KpContribution) contribution = g_list_model_get_item (list, i);
      GtkWidget *row = kp_contribution_row_new (self->course, self->session, contribution);

      adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
      g_ptr_array_add (self->contribution_rows, row);
    }
}

static void
on_contributions_changed (KpSessionRow *self)
{
  fill_contributions (self);
  kp_session_row_refresh (self);
}

/* What a planning group should look at again: a public holiday, another session at that time. */
static char *
find_warnings (KpSessionRow *self)
{
  GDateTime *start = kp_session_get_start (self->session);
  g_autoptr(GString) text = g_string_new (NULL);
  GListModel *sessions = kp_course_get_sessions (self->course);
  const char *holiday;

  if (start == NULL || kp_session_get_status (self->session) == KP_SESSION_STATUS_CANCELLED)
    return NULL;

  holiday = kp_holidays_lookup_dmy (g_date_time_get_year (start), g_date_time_get_month (start),
                                    g_date_time_get_day_of_month (start));
  if (holiday != NULL)
    {
      /* Translators: the day of a public holiday, see g_date_time_format() */
      g_autofree char *day = kp_ui_language_format_date (start, _("%A %-d %B"));

      /* Translators: "Tuesday 17 May is Constitution Day" */
      g_string_append_printf (text, _("%s is %s"), day, holiday);
    }

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(KpSession) other = g_list_model_get_item (sessions, i);
      g_autofree char *day = NULL;
      g_autofree char *clock = NULL;

      if (other == self->session ||
          kp_session_get_status (other) == KP_SESSION_STATUS_CANCELLED ||
          !kp_session_overlaps (self->session, other))
        continue;
      day = kp_ui_language_format_date (kp_session_get_start (other), _("%A %-d %B"));
      clock = format_clock (kp_session_get_start (other));
      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: "Overlaps the session on Thursday 4 March at 18:00" */
      g_string_append_printf (text, _("Overlaps the session on %s at %s"), day, clock);
    }

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

static guint
count_contribution_minutes (KpSession *session)
{
  GListModel *list = kp_session_get_contributions (session);
  guint minutes = 0;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(KpContribution) contribution = g_list_model_get_item (list, i);

      minutes += kp_contribution_get_minutes (contribution);
    }
  return minutes;
}

/**
 * kp_session_row_refresh:
 *
 * Shows the session as it now is: its summary, its status, and the warnings that depend on the
 * course's other sessions. The fields being typed in are left alone.
 */
void
kp_session_row_refresh (KpSessionRow *self)
{
  GDateTime *start;
  gboolean cancelled;
  g_autofree char *title = NULL;
  g_autofree char *span = NULL;
  g_autoptr(GString) subtitle = NULL;
  g_autofree char *date_label = NULL;
  g_autofree char *minutes_text = NULL;
  g_autofree char *contributions_text = NULL;
  const char *theme, *place;

  g_return_if_fail (KP_IS_SESSION_ROW (self));

  start = kp_session_get_start (self->session);
  cancelled = kp_session_get_status (self->session) == KP_SESSION_STATUS_CANCELLED;
  theme = kp_session_get_title (self->session);
  place = kp_session_has_own_location (self->session)
          ? kp_session_get_location_name (self->session)
          : kp_course_get_text (self->course, KP_COURSE_LOCATION_NAME);

  title = start != NULL ? kp_session_format_day (start) : g_strdup (_("No date yet"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);

  span = kp_session_format_span (self->session);
  subtitle = g_string_new (span);
  if (theme != NULL && *theme != '\0')
    g_string_append_printf (subtitle, " · %s", theme);
  if (place != NULL && *place != '\0')
    g_string_append_printf (subtitle, " · %s", place);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle->str);

  /* Translators: the date on the button that opens the calendar, see g_date_time_format() */
  date_label = start != NULL ? kp_ui_language_format_date (start, _("%-d %B %Y"))
                             : g_strdup (_("Choose a Date"));
  gtk_menu_button_set_label (self->date_button, date_label);
  /* The button is named by what it shows, the date; the row's title says what it is. */

  self->updating = TRUE;
  if (gtk_spin_button_get_value_as_int (self->minutes_spin) !=
      (int) kp_session_get_minutes (self->session))
    gtk_spin_button_set_value (self->minutes_spin, kp_session_get_minutes (self->session));
  self->updating = FALSE;
  if (start != NULL)
    {
      g_autoptr(GDateTime) end = kp_session_get_end (self->session);
      g_autofree char *clock = format_clock (end);

      /* Translators: under the length of a session */
      minutes_text = g_strdup_printf (_("Ends at %s"), clock);
    }
  adw_action_row_set_subtitle (self->minutes_row, minutes_text != NULL ? minutes_text : "");

  contributions_text = g_strdup_printf (_("%u of %u minutes given to contributions"),
                                        count_contribution_minutes (self->session),
                                        kp_session_get_minutes (self->session));
  adw_action_row_set_subtitle (self->contributions_row, contributions_text);

  gtk_widget_set_visible (GTK_WIDGET (self->status_label), cancelled);
  if (cancelled)
    gtk_widget_add_css_class (GTK_WIDGET (self), "cancelled");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "cancelled");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.cancel", !cancelled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.restore", cancelled);

  g_free (self->warning);
  self->warning = find_warnings (self);
  gtk_widget_set_visible (GTK_WIDGET (self->warning_icon), self->warning != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->warning_row), self->warning != NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->warning_icon), self->warning);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->warning_row),
                                 self->warning != NULL ? self->warning : "");
  if (self->warning != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->warning_icon),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, self->warning, -1);
}

/**
 * kp_session_row_dup_warning:
 *
 * Returns: (transfer full) (nullable): the warnings the row shows, one a line
 */
char *
kp_session_row_dup_warning (KpSessionRow *self)
{
  g_return_val_if_fail (KP_IS_SESSION_ROW (self), NULL);
  return g_strdup (self->warning);
}

KpSession *
kp_session_row_get_session (KpSessionRow *self)
{
  g_return_val_if_fail (KP_IS_SESSION_ROW (self), NULL);
  return self->session;
}

static void
set_status (KpSessionRow    *self,
            KpSessionStatus  status)
{
  kp_session_set_status (self->session, status);
  kp_session_row_refresh (self);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  set_status (KP_SESSION_ROW (widget), KP_SESSION_STATUS_CANCELLED);
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  set_status (KP_SESSION_ROW (widget), KP_SESSION_STATUS_PLANNED);
}

typedef struct
{
  KpUndoPlace  place;
  KpSession   *session;
} Deleted;

static void
deleted_free (gpointer data)
{
  Deleted *deleted = data;

  kp_undo_place_clear (&deleted->place);
  g_object_unref (deleted->session);
  g_free (deleted);
}

static void
on_undo_delete (Deleted *deleted)
{
  KpCourse *course = kp_undo_place_open (&deleted->place);

  if (course == NULL || kp_course_find_session (course, kp_session_get_id (deleted->session)))
    return;
  kp_course_add_session (course, deleted->session);
  kp_course_sort_sessions (course);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KpSessionRow *self = KP_SESSION_ROW (widget);
  g_autoptr(KpCourse) course = g_object_ref (self->course);
  g_autoptr(KpSession) session = g_object_ref (self->session);
  Deleted *deleted = g_new0 (Deleted, 1);
  g_autofree char *day = NULL;
  g_autofree char *message = NULL;

  kp_undo_place_init (&deleted->place, widget, course);
  deleted->session = g_object_ref (session);
  day = kp_session_get_start (self->session) != NULL
        ? kp_session_format_day (kp_session_get_start (self->session))
        : g_strdup (_("No date yet"));
  /* Translators: a toast after deleting the session of that day */
  message = g_strdup_printf (_("Session of %s deleted"), day);

  /* The toast goes on the overlay around the row while the row is still in it. */
  kp_toast_show_undo (widget, message, (KpToastUndoFunc) on_undo_delete, deleted, deleted_free);

  /* The row goes with the session: nothing of it is used after this. */
  kp_course_remove_item (course, session);
}

static void
add_contribution_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  KpSessionRow *self = KP_SESSION_ROW (widget);
  g_autoptr(KpContribution) contribution = kp_contribution_new (KP_CONTRIBUTION_PROFESSIONAL_TALK,
                                                                NULL, NULL, 30);

  kp_session_add_contribution (self->session, contribution);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
}

static void
kp_session_row_dispose (GObject *object)
{
  KpSessionRow *self = KP_SESSION_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KP_TYPE_SESSION_ROW);
  g_clear_object (&self->course);
  g_clear_object (&self->session);
  g_clear_pointer (&self->contribution_rows, g_ptr_array_unref);
  g_clear_pointer (&self->warning, g_free);

  G_OBJECT_CLASS (kp_session_row_parent_class)->dispose (object);
}

static void
kp_session_row_class_init (KpSessionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kp_session_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kursplan/Kursplan/kp-session-row.ui");
  gtk_widget_class_bind_template_child (widget_class, KpSessionRow, warning_icon);
  gtk_widget_class_bind_template_child (widget_class, KpSessionRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, KpSessionRow, warning_row);
  gtk_widget_class_bind_template_child (widget_class, KpSessionRow, date_button);
  gtk_widget_class_bind_template_child (widget_class, KpSessionRow, date_popover);
  gtk_widget_class_bind_template_child (widget_class, KpSessionRow, calendar);
  gtk_widget_class_bind_template_child (widget_class, KpSessionRow, time_row);
  gtk_widget_class_bind_template_child (widget_class, KpSessionRow, error_row);
  gtk_widget_class_bind_template_child (widget_class, KpSessionRow, minutes_row);
  gtk_widget_class_bind_template_child (widget_class, KpSessionRow, minutes_spin);
  gtk_widget_class_bind_template_child (widget_class, KpSessionRow, theme_row);
  gtk_widget_class_bind_template_child (widget_class, KpSessionRow, place_row);
  gtk_widget_class_bind_template_child (widget_class, KpSessionRow, join_url_row);
  gtk_widget_class_bind_template_child (widget_class, KpSessionRow, contributions_row);
  gtk_widget_class_bind_template_callback (widget_class, on_date_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_time_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_time_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_minutes_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_theme_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_place_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_join_url_apply);

  gtk_widget_class_install_action (widget_class, "session.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "session.restore", NULL, restore_action);
  gtk_widget_class_install_action (widget_class, "session.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "session.add-contribution", NULL,
                                   add_contribution_action);
}

static void
kp_session_row_init (KpSessionRow *self)
{
  self->contribution_rows = g_ptr_array_new ();
  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->updating = FALSE;
}

/**
 * kp_session_row_new:
 * @course: the course, for its zone, its place, its group and its other sessions
 * @session: the session to show and edit
 */
GtkWidget *
kp_session_row_new (KpCourse  *course,
                    KpSession *session)
{
  KpSessionRow *self;
  const char *theme, *place, *course_place;

  g_return_val_if_fail (KP_IS_COURSE (course), NULL);
  g_return_val_if_fail (KP_IS_SESSION (session), NULL);

  self = g_object_new (KP_TYPE_SESSION_ROW, NULL);
  self->course = g_object_ref (course);
  self->session = g_object_ref (session);

  theme = kp_session_get_title (session);
  place = kp_session_get_location_name (session);
  course_place = kp_course_get_text (course, KP_COURSE_LOCATION_NAME);
  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->theme_row), theme != NULL ? theme : "");
  gtk_editable_set_text (GTK_EDITABLE (self->place_row), place != NULL ? place : "");
  gtk_editable_set_text (GTK_EDITABLE (self->join_url_row),
                         kp_session_get_join_url (session) != NULL
                         ? kp_session_get_join_url (session) : "");
  if (course_place != NULL && *course_place != '\0')
    {
      /* Translators: the title of the place field; %s is the course's own place */
      g_autofree char *place_title = g_strdup_printf (_("Place (empty: %s)"), course_place);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->place_row), place_title);
    }
  self->updating = FALSE;
  show_time (self);
  fill_contributions (self);
  kp_session_row_refresh (self);

  g_signal_connect_object (kp_session_get_contributions (session), "items-changed",
                           G_CALLBACK (on_contributions_changed), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}
