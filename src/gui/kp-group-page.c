/* kp-group-page.c — step 2: the planning group, its meetings and the hours each side gives
 *
 * Members and meetings are expander rows edited in place; every edit goes straight to the
 * model, and the store writes it through. Removing a member who gives contributions asks first
 * and says what goes with them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-group-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "kp-bind.h"
#include "kp-group-page.h"
#include "kp-member-removal.h"
#include "kp-stats.h"
#include "kp-time.h"
#include "kp-toast.h"
#include "kp-ui-language.h"
#include "kp-undo.h"
#include "kp-widget.h"

/* A new meeting lasts this long until the group says otherwise. */
#define DEFAULT_MEETING_MINUTES 120
#define MAX_MEETING_MINUTES (24 * 60)

struct _KpGroupPage
{
  GtkWidget   parent_instance;

  KpCourse   *course;

  GtkListBox *member_list;
  GtkListBox *meeting_list;
  GtkLabel   *professional_hours_label;
  GtkLabel   *user_hours_label;
  GtkWidget  *hours_group;
};

G_DEFINE_FINAL_TYPE (KpGroupPage, kp_group_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COURSE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
kp_group_page_new (void)
{
  return g_object_new (KP_TYPE_GROUP_PAGE, NULL);
}

KpCourse *
kp_group_page_get_course (KpGroupPage *self)
{
  g_return_val_if_fail (KP_IS_GROUP_PAGE (self), NULL);
  return self->course;
}

static const char *
member_name (KpMember *member)
{
  const char *name = kp_member_get_name (member);

  return name != NULL && *name != '\0' ? name : _("Unnamed member");
}

/* "2", or "2,5" in a language that writes a decimal comma */
static char *
format_hours (guint minutes)
{
  if (minutes % 60 == 0)
    return g_strdup_printf ("%u", minutes / 60);
  return g_strdup_printf ("%.1f", minutes / 60.0);
}

static char *
format_hours_label (guint minutes)
{
  g_autofree char *hours = format_hours (minutes);

  /* Translators: %s is a number of hours, such as "2" or "2,5" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s hour", "%s hours",
                                       minutes == 60 ? 1 : 2),
                          hours);
}

/**
 * kp_group_page_parse_hours:
 * @text: hours as the user wrote them: "3", "2,5" or "2.5"
 * @minutes: (out): the length in minutes
 * @message: (out) (optional): why @text was refused, translated
 *
 * Returns: %TRUE when @text is a length a meeting can have (0 to 24 hours)
 */
gboolean
kp_group_page_parse_hours (const char  *text,
                           guint       *minutes,
                           char       **message)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));
  char *end = NULL;
  double hours;

  g_strdelimit (copy, ",", '.');
  hours = g_ascii_strtod (copy, &end);
  if (*copy == '\0' || end == NULL || *end != '\0' || !isfinite (hours))
    {
      if (message != NULL)
        *message = g_strdup (_("Write the hours as a number, such as 2,5."));
      return FALSE;
    }
  if (hours < 0)
    {
      if (message != NULL)
        *message = g_strdup (_("Hours cannot be negative."));
      return FALSE;
    }
  if (hours * 60 > MAX_MEETING_MINUTES)
    {
      if (message != NULL)
        *message = g_strdup (_("A meeting lasts at most 24 hours."));
      return FALSE;
    }
  *minutes = (guint) lround (hours * 60);
  return TRUE;
}

static void
update_hours (KpGroupPage *self)
{
  g_autofree char *professional_text = NULL;
  g_autofree char *user_text = NULL;
  guint professional = 0, user = 0;

  if (self->course != NULL)
    kp_stats_planning_minutes (self->course, &professional, &user);
  professional_text = format_hours_label (professional);
  user_text = format_hours_label (user);
  gtk_label_set_label (self->professional_hours_label, professional_text);
  gtk_label_set_label (self->user_hours_label, user_text);
}

/* Members */

static void
update_member_row (AdwPreferencesRow *row,
                   GParamSpec        *pspec,
                   KpMember          *member)
{
  const char *organisation = kp_member_get_organisation (member);
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_title (row, member_name (member));
  if (organisation != NULL && *organisation != '\0')
    /* Translators: a member's role and organisation: "User representative · LHL" */
    subtitle = g_strdup_printf (_("%s · %s"), kp_role_get_label (kp_member_get_role (member)),
                                organisation);
  else
    subtitle = g_strdup (kp_role_get_label (kp_member_get_role (member)));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
}

static gboolean
role_to_selected (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  g_value_set_uint (to, g_value_get_enum (from));
  return TRUE;
}

static gboolean
selected_to_role (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  guint selected = g_value_get_uint (from);
  GEnumClass *roles = g_type_class_peek (KP_TYPE_ROLE);

  if (roles == NULL || g_enum_get_value (roles, selected) == NULL)
    return FALSE;
  g_value_set_enum (to, selected);
  return TRUE;
}

static GtkWidget *
entry_row_new (GtkWidget  *expander,
               KpMember   *member,
               const char *property,
               const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  kp_bind_text (member, property, row, "text");
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
  return row;
}

static void
on_remove_member_clicked (GtkButton *button,
                          KpMember  *member)
{
  KpGroupPage *self = KP_GROUP_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (button),
                                                              KP_TYPE_GROUP_PAGE));

  if (self != NULL)
    kp_group_page_remove_member (self, member);
}

static GtkWidget *
create_member_row (gpointer item,
                   gpointer user_data)
{
  KpMember *member = item;
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *child;
  GtkWidget *button;
  GtkStringList *roles = gtk_string_list_new (NULL);
  GEnumClass *role_class = g_type_class_ref (KP_TYPE_ROLE);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  update_member_row (ADW_PREFERENCES_ROW (row), NULL, member);
  g_signal_connect_object (member, "notify", G_CALLBACK (update_member_row), row,
                           G_CONNECT_SWAPPED);

  child = entry_row_new (row, member, "name", _("Name"));
  g_object_set_data (G_OBJECT (row), "kp-name-row", child);

  for (guint i = 0; i < role_class->n_values; i++)
    gtk_string_list_append (roles, kp_role_get_label (role_class->values[i].value));
  g_type_class_unref (role_class);
  child = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (child), _("Role"));
  adw_combo_row_set_model (ADW_COMBO_ROW (child), G_LIST_MODEL (roles));
  g_object_unref (roles);
  g_object_bind_property_full (member, "role", child, "selected",
                               G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                               role_to_selected, selected_to_role, NULL, NULL);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), child);

  entry_row_new (row, member, "organisation", _("Organisation"));
  entry_row_new (row, member, "title", _("Title or Profession"));
  child = entry_row_new (row, member, "email", _("Email"));
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (child), GTK_INPUT_PURPOSE_EMAIL);
  child = entry_row_new (row, member, "phone", _("Phone"));
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (child), GTK_INPUT_PURPOSE_PHONE);

  child = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (child), _("May Be Named Publicly"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (child),
                               _("In the brochure and in the calendar invitations"));
  button = gtk_switch_new ();
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("May be named publicly"), -1);
  g_object_bind_property (member, "public", button, "active",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (child), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (child), button);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), child);

  child = adw_action_row_new ();
  button = gtk_button_new_with_mnemonic (_("_Remove Member…"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (button, TRUE);
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_add_css_class (button, "destructive-action");
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_remove_member_clicked), member, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (child), button);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), child);

  gtk_widget_set_name (row, kp_member_get_id (member));
  return row;
}

/**
 * kp_group_page_add_member:
 *
 * Adds a member to the planning group and opens their row with the name field focused.
 *
 * Returns: (transfer none) (nullable): the new member
 */
KpMember *
kp_group_page_add_member (KpGroupPage *self)
{
  g_autoptr(KpMember) member = NULL;
  GtkListBoxRow *row;
  guint n;

  g_return_val_if_fail (KP_IS_GROUP_PAGE (self), NULL);

  if (self->course == NULL)
    return NULL;

  member = kp_member_new (NULL, KP_ROLE_PROFESSIONAL);
  kp_course_add_member (self->course, member);
  n = g_list_model_get_n_items (kp_course_get_members (self->course));
  row = gtk_list_box_get_row_at_index (self->member_list, n - 1);
  if (ADW_IS_EXPANDER_ROW (row))
    {
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      gtk_widget_grab_focus (g_object_get_data (G_OBJECT (row), "kp-name-row"));
    }
  return member;
}

static void
add_member_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  kp_group_page_add_member (KP_GROUP_PAGE (widget));
}

typedef struct
{
  KpUndoPlace      place;
  KpMemberRemoval *removal;
} RemovedMember;

static void
removed_member_free (RemovedMember *removed)
{
  kp_undo_place_clear (&removed->place);
  kp_member_removal_free (removed->removal);
  g_free (removed);
}

static void
undo_member_removal (RemovedMember *removed)
{
  KpCourse *course = kp_undo_place_open (&removed->place);

  if (course != NULL)
    kp_member_removal_undo (removed->removal, course);
}

/* Takes @member out of the group, with their contributions and attendance, and offers to put
 * it all back. */
static void
remove_member_with_undo (KpGroupPage *self,
                         KpMember    *member)
{
  g_autoptr(KpMemberRemoval) removal = NULL;
  g_autofree char *message = NULL;
  RemovedMember *removed;

  /* Translators: a toast after removing something; %s is its name */
  message = g_strdup_printf (_("“%s” removed"), member_name (member));
  removal = kp_member_removal_take (self->course, member);
  if (removal == NULL)
    return;

  removed = g_new0 (RemovedMember, 1);
  kp_undo_place_init (&removed->place, GTK_WIDGET (self), self->course);
  removed->removal = g_steal_pointer (&removal);
  kp_toast_show_undo (GTK_WIDGET (self), message, (KpToastUndoFunc) undo_member_removal,
                      removed, (GDestroyNotify) removed_member_free);
}

static void
on_remove_member_response (AdwMessageDialog *dialog,
                           const char       *response,
                           KpGroupPage      *self)
{
  KpMember *member = g_object_get_data (G_OBJECT (dialog), "kp-member");

  if (g_strcmp0 (response, "remove") == 0 && self->course != NULL &&
      kp_course_find_member (self->course, kp_member_get_id (member)) == member)
    remove_member_with_undo (self, member);
}

/**
 * kp_group_page_remove_member:
 *
 * Removes @member from the planning group. A member who gives contributions to the sessions is
 * removed only once the user has confirmed, in a dialog that says how many go with them. A toast
 * then offers to undo the removal, contributions and attendance included.
 */
void
kp_group_page_remove_member (KpGroupPage *self,
                             KpMember    *member)
{
  GtkWidget *dialog;
  GtkRoot *root;
  g_autofree char *heading = NULL;
  guint n;

  g_return_if_fail (KP_IS_GROUP_PAGE (self));
  g_return_if_fail (KP_IS_MEMBER (member));

  if (self->course == NULL)
    return;

  n = kp_course_count_member_contributions (self->course, kp_member_get_id (member));
  if (n == 0)
    {
      remove_member_with_undo (self, member);
      return;
    }

  root = gtk_widget_get_root (GTK_WIDGET (self));
  /* Translators: %s is a member's name */
  heading = g_strdup_printf (_("Remove %s?"), member_name (member));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  /* Translators: %s is a member's name, %u a count */
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "%s gives %u contribution to the sessions; it "
                                               "will be removed with them.",
                                               "%s gives %u contributions to the sessions; "
                                               "they will be removed with them.", n),
                                  member_name (member), n);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "kp-member", g_object_ref (member),
                          g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_member_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Planning meetings */

/* The meeting's day as its row shows it: "Monday 1 March 2027", or that it has none */
static char *
meeting_day (KpMeeting *meeting)
{
  GDateTime *start = kp_meeting_get_start (meeting);

  /* Translators: a planning meeting's day, as g_date_time_format() writes it */
  return start != NULL ? kp_ui_language_format_date (start, _("%A %-d %B %Y"))
                       : g_strdup (_("No date"));
}

static void
update_meeting_row (AdwExpanderRow *row,
                    GParamSpec     *pspec,
                    KpMeeting      *meeting)
{
  const char * const *attendees = kp_meeting_get_attendees (meeting);
  guint n_attendees = attendees != NULL ? g_strv_length ((char **) attendees) : 0;
  g_autofree char *date = NULL;
  g_autofree char *hours = format_hours_label (kp_meeting_get_minutes (meeting));
  g_autofree char *subtitle = NULL;
  GtkMenuButton *date_button = g_object_get_data (G_OBJECT (row), "kp-date-button");

  date = meeting_day (meeting);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), date);
  if (date_button != NULL)
    gtk_menu_button_set_label (date_button, date);
  /* Translators: a planning meeting's length and how many came: "3 hours · 4 attended" */
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u attended",
                                           "%s · %u attended", n_attendees),
                              hours, n_attendees);
  adw_expander_row_set_subtitle (row, subtitle);
}

static void
on_day_selected (GtkCalendar *calendar,
                 KpMeeting   *meeting)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (calendar);
  GDateTime *start = kp_meeting_get_start (meeting);
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) when = NULL;

  tz = start != NULL ? g_time_zone_ref (g_date_time_get_timezone (start))
                     : g_time_zone_new_identifier (KP_DEFAULT_TIMEZONE);
  when = kp_time_new_local (tz, g_date_time_get_year (day), g_date_time_get_month (day),
                            g_date_time_get_day_of_month (day),
                            start != NULL ? g_date_time_get_hour (start) : 12,
                            start != NULL ? g_date_time_get_minute (start) : 0, NULL);
  if (when != NULL && kp_time_check_span (when, kp_meeting_get_minutes (meeting), NULL))
    kp_meeting_set_start (meeting, when);
}

static void
on_hours_changed (GtkEditable *editable,
                  KpMeeting   *meeting)
{
  GtkWidget *message_row = g_object_get_data (G_OBJECT (editable), "kp-message-row");
  g_autofree char *message = NULL;
  const char *text = gtk_editable_get_text (editable);
  guint minutes;

  if (*text == '\0' || kp_group_page_parse_hours (text, &minutes, &message))
    {
      g_autoptr(GError) error = NULL;

      /* The importers' rules too: on the last evening of 9999 a long meeting would end after it. */
      if (*text != '\0' &&
          !kp_time_check_span (kp_meeting_get_start (meeting), minutes, &error))
        message = g_strdup (error->message);
      else
        {
          gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");
          gtk_widget_set_visible (message_row, FALSE);
          if (*text != '\0')
            kp_meeting_set_minutes (meeting, minutes);
          return;
        }
    }
  gtk_widget_add_css_class (GTK_WIDGET (editable), "error");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (message_row), message);
  gtk_widget_set_visible (message_row, TRUE);
}

static void
on_attendance_toggled (GtkCheckButton *toggled,
                       KpMeeting      *meeting)
{
  GPtrArray *checks = g_object_get_data (G_OBJECT (toggled), "kp-checks");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) attendees = NULL;

  for (guint i = 0; i < checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (checks, i)))
      g_strv_builder_add (builder, g_object_get_data (g_ptr_array_index (checks, i),
                                                      "kp-member-id"));
  attendees = g_strv_builder_end (builder);
  kp_meeting_set_attendees (meeting, (const char * const *) attendees);
}

static gboolean
name_or_unnamed (GBinding     *binding,
                 const GValue *from,
                 GValue       *to,
                 gpointer      user_data)
{
  const char *name = g_value_get_string (from);

  g_value_set_string (to, name != NULL && *name != '\0' ? name : _("Unnamed member"));
  return TRUE;
}

typedef struct
{
  KpUndoPlace  place;
  KpMeeting   *meeting;
  guint        position;
} RemovedMeeting;

static void
removed_meeting_free (RemovedMeeting *removed)
{
  kp_undo_place_clear (&removed->place);
  g_object_unref (removed->meeting);
  g_free (removed);
}

static void
undo_meeting_removal (RemovedMeeting *removed)
{
  KpCourse *course = kp_undo_place_open (&removed->place);

  if (course != NULL &&
      kp_course_find_meeting (course, kp_meeting_get_id (removed->meeting)) == NULL)
    kp_course_insert_item (course, removed->position, removed->meeting);
}

static void
on_remove_meeting_clicked (GtkButton *button,
                           KpMeeting *meeting)
{
  KpGroupPage *self = KP_GROUP_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (button),
                                                              KP_TYPE_GROUP_PAGE));
  RemovedMeeting *removed;
  g_autofree char *message = NULL;
  guint position;

  if (self == NULL || self->course == NULL ||
      !kp_course_find_item (self->course, meeting, &position))
    return;

  removed = g_new0 (RemovedMeeting, 1);
  kp_undo_place_init (&removed->place, GTK_WIDGET (self), self->course);
  removed->meeting = g_object_ref (meeting);
  removed->position = position;
  if (kp_meeting_get_start (meeting) != NULL)
    {
      g_autofree char *day = meeting_day (meeting);

      /* Translators: a toast after removing the planning meeting of that day */
      message = g_strdup_printf (_("Meeting of %s removed"), day);
    }
  else
    message = g_strdup (_("Meeting removed"));

  /* The row goes with the meeting: nothing of it is used after this. */
  kp_course_remove_item (self->course, meeting);
  kp_toast_show_undo (GTK_WIDGET (self), message, (KpToastUndoFunc) undo_meeting_removal,
                      removed, (GDestroyNotify) removed_meeting_free);
}

static GtkWidget *
create_meeting_row (gpointer item,
                    gpointer user_data)
{
  KpGroupPage *self = user_data;
  KpMeeting *meeting = item;
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *child;
  GtkWidget *widget;
  GtkWidget *popover;
  GtkWidget *calendar;
  GListModel *members = kp_course_get_members (self->course);
  guint n_members = g_list_model_get_n_items (members);
  GPtrArray *checks = g_ptr_array_new ();
  g_autofree char *hours = format_hours (kp_meeting_get_minutes (meeting));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  g_object_set_data_full (G_OBJECT (row), "kp-checks", checks,
                          (GDestroyNotify) g_ptr_array_unref);

  /* The day, from a calendar in a popover */
  child = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (child), _("Date"));
  widget = gtk_menu_button_new ();
  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Choose the meeting’s date"), -1);
  calendar = gtk_calendar_new ();
  if (kp_meeting_get_start (meeting) != NULL)
    gtk_calendar_select_day (GTK_CALENDAR (calendar), kp_meeting_get_start (meeting));
  g_signal_connect_object (calendar, "day-selected", G_CALLBACK (on_day_selected), meeting, 0);
  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (widget), popover);
  adw_action_row_add_suffix (ADW_ACTION_ROW (child), widget);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (child), widget);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), child);
  g_object_set_data (G_OBJECT (row), "kp-date-button", widget);

  /* The hours, refused with a message when they cannot be */
  child = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (child), _("Hours"));
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (child), GTK_INPUT_PURPOSE_NUMBER);
  gtk_editable_set_text (GTK_EDITABLE (child), hours);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), child);
  g_object_set_data (G_OBJECT (row), "kp-hours-row", child);
  widget = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (widget), FALSE);
  gtk_widget_add_css_class (widget, "error");
  gtk_widget_set_visible (widget, FALSE);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), widget);
  g_object_set_data (G_OBJECT (child), "kp-message-row", widget);
  g_object_set_data (G_OBJECT (row), "kp-hours-message", widget);
  g_signal_connect_object (child, "changed", G_CALLBACK (on_hours_changed), meeting, 0);

  /* Who came: one check per member */
  for (guint i = 0; i < n_members; i++)
    {
      g_autoptr(KpMember) member = g_list_model_get_item (members, i);
      GtkWidget *check = gtk_check_button_new ();

      child = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (child), FALSE);
      g_object_bind_property_full (member, "name", child, "title", G_BINDING_SYNC_CREATE,
                                   name_or_unnamed, NULL, NULL, NULL);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (child),
                                   kp_role_get_label (kp_member_get_role (member)));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   kp_meeting_has_attendee (meeting, kp_member_get_id (member)));
      g_object_set_data_full (G_OBJECT (check), "kp-member-id",
                              g_strdup (kp_member_get_id (member)), g_free);
      g_object_set_data (G_OBJECT (check), "kp-checks", checks);
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_attendance_toggled), meeting, 0);
      {
        /* Translators: a check box's name for screen readers; %s is a member's name */
        g_autofree char *label = g_strdup_printf (_("%s attended"), member_name (member));

        gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        label, -1);
      }
      adw_action_row_add_prefix (ADW_ACTION_ROW (child), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (child), check);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), child);
      g_ptr_array_add (checks, check);
    }

  child = adw_action_row_new ();
  widget = gtk_button_new_with_mnemonic (_("_Remove Meeting"));
  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_widget_set_halign (widget, GTK_ALIGN_END);
  gtk_widget_add_css_class (widget, "destructive-action");
  g_signal_connect_object (widget, "clicked", G_CALLBACK (on_remove_meeting_clicked), meeting,
                           0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (child), widget);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), child);

  update_meeting_row (ADW_EXPANDER_ROW (row), NULL, meeting);
  g_signal_connect_object (meeting, "notify", G_CALLBACK (update_meeting_row), row,
                           G_CONNECT_SWAPPED);
  gtk_widget_set_name (row, kp_meeting_get_id (meeting));
  return row;
}

/**
 * kp_group_page_add_meeting:
 *
 * Adds a planning meeting today at noon, two hours long, and opens its row.
 *
 * Returns: (transfer none) (nullable): the new meeting
 */
KpMeeting *
kp_group_page_add_meeting (KpGroupPage *self)
{
  g_autoptr(KpMeeting) meeting = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) start = NULL;
  GtkListBoxRow *row;
  guint n;

  g_return_val_if_fail (KP_IS_GROUP_PAGE (self), NULL);

  if (self->course == NULL)
    return NULL;

  now = g_date_time_new_now (kp_course_get_time_zone (self->course));
  start = kp_time_new_local (kp_course_get_time_zone (self->course), g_date_time_get_year (now),
                             g_date_time_get_month (now), g_date_time_get_day_of_month (now),
                             12, 0, NULL);
  meeting = kp_meeting_new (NULL);
  kp_meeting_set_start (meeting, start);
  kp_meeting_set_minutes (meeting, DEFAULT_MEETING_MINUTES);
  kp_course_add_meeting (self->course, meeting);

  n = g_list_model_get_n_items (kp_course_get_meetings (self->course));
  row = gtk_list_box_get_row_at_index (self->meeting_list, n - 1);
  if (ADW_IS_EXPANDER_ROW (row))
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  return meeting;
}

static void
add_meeting_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  kp_group_page_add_meeting (KP_GROUP_PAGE (widget));
}

/* The meetings list a check per member: when members come or go, make the rows again, and
 * open again those that were open. */
static void
bind_meetings (KpGroupPage *self)
{
  g_autoptr(GPtrArray) expanded = g_ptr_array_new_with_free_func (g_free);
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->meeting_list, i)) != NULL; i++)
    if (ADW_IS_EXPANDER_ROW (row) && adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)))
      g_ptr_array_add (expanded, g_strdup (gtk_widget_get_name (GTK_WIDGET (row))));

  if (self->course == NULL)
    {
      gtk_list_box_bind_model (self->meeting_list, NULL, NULL, NULL, NULL);
      return;
    }
  gtk_list_box_bind_model (self->meeting_list, kp_course_get_meetings (self->course),
                           create_meeting_row, self, NULL);

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->meeting_list, i)) != NULL; i++)
    for (guint j = 0; j < expanded->len; j++)
      if (g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (row)), expanded->pdata[j]) == 0)
        adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
}

void
kp_group_page_set_course (KpGroupPage *self,
                          KpCourse    *course)
{
  g_return_if_fail (KP_IS_GROUP_PAGE (self));
  g_return_if_fail (course == NULL || KP_IS_COURSE (course));

  if (self->course == course)
    return;

  if (self->course != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->course, update_hours, self);
      g_signal_handlers_disconnect_by_func (kp_course_get_members (self->course),
                                            bind_meetings, self);
    }
  g_set_object (&self->course, course);

  if (course != NULL)
    {
      gtk_list_box_bind_model (self->member_list, kp_course_get_members (course),
                               create_member_row, self, NULL);
      g_signal_connect_object (course, "changed", G_CALLBACK (update_hours), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (kp_course_get_members (course), "items-changed",
                               G_CALLBACK (bind_meetings), self, G_CONNECT_SWAPPED);
    }
  else
    gtk_list_box_bind_model (self->member_list, NULL, NULL, NULL, NULL);
  bind_meetings (self);
  update_hours (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "group.add-member", course != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "group.add-meeting", course != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COURSE]);
}

static GtkWidget *
placeholder_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 18);
  gtk_widget_set_margin_bottom (label, 18);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static void
kp_group_page_dispose (GObject *object)
{
  KpGroupPage *self = KP_GROUP_PAGE (object);

  kp_group_page_set_course (self, NULL);
  kp_widget_dispose_children (GTK_WIDGET (self), KP_TYPE_GROUP_PAGE);

  G_OBJECT_CLASS (kp_group_page_parent_class)->dispose (object);
}

static void
kp_group_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  KpGroupPage *self = KP_GROUP_PAGE (object);

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
kp_group_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  KpGroupPage *self = KP_GROUP_PAGE (object);

  switch (prop_id)
    {
    case PROP_COURSE:
      kp_group_page_set_course (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_group_page_class_init (KpGroupPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kp_group_page_dispose;
  object_class->get_property = kp_group_page_get_property;
  object_class->set_property = kp_group_page_set_property;

  properties[PROP_COURSE] =
    g_param_spec_object ("course", NULL, NULL, KP_TYPE_COURSE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kursplan/Kursplan/kp-group-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KpGroupPage, member_list);
  gtk_widget_class_bind_template_child (widget_class, KpGroupPage, meeting_list);
  gtk_widget_class_bind_template_child (widget_class, KpGroupPage, professional_hours_label);
  gtk_widget_class_bind_template_child (widget_class, KpGroupPage, user_hours_label);
  gtk_widget_class_bind_template_child (widget_class, KpGroupPage, hours_group);

  gtk_widget_class_install_action (widget_class, "group.add-member", NULL, add_member_action);
  gtk_widget_class_install_action (widget_class, "group.add-meeting", NULL, add_meeting_action);
}

static void
kp_group_page_init (KpGroupPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_placeholder (self->member_list,
                                placeholder_new (_("No members yet. Add the user representatives, "
                                                   "professionals and the course leader.")));
  gtk_list_box_set_placeholder (self->meeting_list,
                                placeholder_new (_("No planning meetings recorded yet.")));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "group.add-member", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "group.add-meeting", FALSE);
  update_hours (self);
}
