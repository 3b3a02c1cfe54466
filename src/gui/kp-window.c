/* kp-window.c — the main window: the course list beside the selected course
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kp-course-cancel.h"
#include "kp-course-copy.h"
#include "kp-course-export.h"
#include "kp-course-rerun.h"
#include "kp-course-row.h"
#include "kp-course-view.h"
#include "kp-plan-reader.h"
#include "kp-list-slot.h"
#include "kp-method.h"
#include "kp-run-again-dialog.h"
#include "kp-time.h"
#include "kp-slot-list-model.h"
#include "kp-stats-window.h"
#include "kp-toast.h"
#include "kp-ui-language.h"
#include "kp-undo.h"
#include "kp-window.h"

/* How long the sidebar row waits after an edit before it shows the new title and progress. */
#define SUMMARY_DELAY_MS 250
/* How long the undo toast takes to appear (libadwaita 1.2's show animation, with a margin). */
#define UNDO_TOAST_SETTLE_MS 400

struct _KpWindow
{
  AdwApplicationWindow  parent_instance;

  KpStore              *store;
  GSettings            *settings;          /* (nullable) */

  GListStore           *courses;           /* KpCourseSummary: every course in the database */
  GtkFilterListModel   *visible_courses;   /* what the sidebar shows */
  GtkCustomFilter      *filter;            /* search and the archive: see course_filter_func */
  char                 *search_key;        /* the search, folded as summary_search_key() does */
  guint                 fold_source;       /* folds titles for search while the app is idle */
  guint                 fold_position;
  GtkSingleSelection   *selection;
  gboolean              show_archived;

  KpCourse             *course;            /* the open course, loaded whole and watched */
  GBinding             *title_binding;
  guint                 summary_source;
  guint                 restore_source;    /* opens the last course once the window shows */
  gboolean              restore_pending;
  guint                 selection_frozen;  /* > 0 while the window itself changes the list */
  gboolean              close_failed;      /* the last close could not save; the next one goes */

  KpCourse             *deleted;           /* the last deleted course, kept for undo */
  guint                 deleted_position;
  AdwToast             *undo_toast;
  gint64                undo_toast_shown;  /* monotonic µs */

  GtkWidget            *course_view;       /* (nullable): made when the first course opens */

  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkStack             *sidebar_stack;
  GtkListView          *course_list;
  GtkWidget            *content;
  AdwWindowTitle       *content_title;
  GtkStack             *content_stack;
  AdwBin               *course_view_bin;
};

G_DEFINE_FINAL_TYPE (KpWindow, kp_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  PROP_SHOW_ARCHIVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void kp_window_set_course (KpWindow *self,
                                  KpCourse *course);

KpWindow *
kp_window_new (KpApplication *application,
               KpStore       *store)
{
  return g_object_new (KP_TYPE_WINDOW,
                       "application", application,
                       "settings", kp_application_get_settings (application),
                       "store", store,
                       NULL);
}

/**
 * kp_window_get_store:
 *
 * Returns: (transfer none): the database the window shows
 */
KpStore *
kp_window_get_store (KpWindow *self)
{
  g_return_val_if_fail (KP_IS_WINDOW (self), NULL);
  return self->store;
}

/**
 * kp_window_get_course:
 *
 * Returns: (transfer none) (nullable): the open course
 */
KpCourse *
kp_window_get_course (KpWindow *self)
{
  g_return_val_if_fail (KP_IS_WINDOW (self), NULL);
  return self->course;
}

/**
 * kp_window_get_visible_courses:
 *
 * Returns: (transfer none): the #KpCourseSummary items the sidebar shows, after search and the
 *   archive filter
 */
GListModel *
kp_window_get_visible_courses (KpWindow *self)
{
  g_return_val_if_fail (KP_IS_WINDOW (self), NULL);
  return G_LIST_MODEL (self->visible_courses);
}

static void
kp_window_toast (KpWindow   *self,
                 const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, kp_toast_new (message));
}

/**
 * kp_window_add_toast:
 * @toast: (transfer full): its title is Pango markup
 */
void
kp_window_add_toast (KpWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (KP_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The row for the open course, from the course itself, as the store would list it. */
static KpCourseSummary *
summarize_course (KpCourse *course)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  guint met, total;

  kp_method_count (course, now, &met, &total);
  return kp_course_summary_new (kp_course_get_id (course),
                                kp_course_get_title (course),
                                kp_course_get_text (course, KP_COURSE_SUBTITLE),
                                kp_course_get_status (course),
                                kp_course_get_language (course),
                                kp_course_get_first_start (course),
                                kp_course_get_last_start (course),
                                g_list_model_get_n_items (kp_course_get_sessions (course)),
                                met, total);
}

static gboolean
find_summary (GListModel *model,
              const char *course_id,
              guint      *position)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KpCourseSummary) summary = g_list_model_get_item (model, i);

      if (g_strcmp0 (kp_course_summary_get_id (summary), course_id) == 0)
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

static void
update_sidebar_page (KpWindow *self)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (g_list_model_get_n_items (G_LIST_MODEL (self->visible_courses)) > 0)
    gtk_stack_set_visible_child_name (self->sidebar_stack, "list");
  else if (search != NULL && *search != '\0')
    gtk_stack_set_visible_child_name (self->sidebar_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->sidebar_stack, "empty");
}

/* Shows the open course as selected in the list, when the list shows it at all. Folded, the list
 * shows no selection, so that tapping the open course again opens it. */
static void
sync_selection (KpWindow *self)
{
  gboolean list_only = adw_leaflet_get_folded (self->leaflet) &&
                       adw_leaflet_get_visible_child (self->leaflet) == self->sidebar;
  guint position;

  self->selection_frozen++;
  if (self->course != NULL && !list_only &&
      find_summary (G_LIST_MODEL (self->visible_courses), kp_course_get_id (self->course),
                    &position))
    gtk_single_selection_set_selected (self->selection, position);
  else
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->selection_frozen--;
}

static void
on_visible_courses_changed (KpWindow *self)
{
  update_sidebar_page (self);
  /* The selection is a place in the list (see kp-slot-list-model.c): put it where the open
   * course is now. */
  sync_selection (self);
}

/* Puts a fresh summary of the open course in the list, in the place of the old one. */
/* The open course's term under its title in the header, as the course list shows it beside
 * the title: a course and its next run share a title. */
static void
update_term (KpWindow *self)
{
  g_autofree char *term = NULL;

  if (self->course != NULL)
    term = kp_time_format_term (kp_course_get_first_start (self->course));
  adw_window_title_set_subtitle (self->content_title, term != NULL ? term : "");
}

static void
refresh_summary (KpWindow *self)
{
  g_autoptr(KpCourseSummary) summary = NULL;
  guint position;

  g_clear_handle_id (&self->summary_source, g_source_remove);
  if (self->course == NULL)
    return;

  summary = summarize_course (self->course);
  update_term (self);
  self->selection_frozen++;
  if (find_summary (G_LIST_MODEL (self->courses), kp_course_get_id (self->course), &position))
    g_list_store_splice (self->courses, position, 1, (gpointer *) &summary, 1);
  else
    g_list_store_insert (self->courses, 0, summary);
  self->selection_frozen--;
  sync_selection (self);
}

static gboolean
refresh_summary_cb (gpointer user_data)
{
  KpWindow *self = user_data;

  self->summary_source = 0;
  refresh_summary (self);
  return G_SOURCE_REMOVE;
}

static void
on_course_changed (KpWindow *self)
{
  if (self->summary_source == 0)
    self->summary_source = g_timeout_add (SUMMARY_DELAY_MS, refresh_summary_cb, self);
}

static gboolean
title_or_untitled (GBinding     *binding,
                   const GValue *from,
                   GValue       *to,
                   gpointer      user_data)
{
  const char *title = g_value_get_string (from);

  g_value_set_string (to, title != NULL && *title != '\0' ? title : _("Untitled course"));
  return TRUE;
}

static void
update_actions (KpWindow *self)
{
  gboolean has_course = self->course != NULL;
  gboolean archived = has_course &&
                      kp_course_get_status (self->course) == KP_COURSE_STATUS_ARCHIVED;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.duplicate", has_course);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.run-again", has_course);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.archive", has_course && !archived);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.unarchive", archived);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete", has_course);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-course",
                                 has_course && !kp_course_get_cancelled (self->course));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-delete", self->deleted != NULL);
  kp_course_export_update_actions (self);
}

static void
kp_window_set_course (KpWindow *self,
                      KpCourse *course)
{
  if (self->course == course)
    return;

  if (self->course != NULL)
    {
      if (self->summary_source != 0)
        refresh_summary (self);
      g_signal_handlers_disconnect_by_func (self->course, on_course_changed, self);
      g_signal_handlers_disconnect_by_func (self->course, update_actions, self);
      g_clear_pointer (&self->title_binding, g_binding_unbind);
      kp_store_unwatch_course (self->store, self->course);
    }

  g_set_object (&self->course, course);
  if (course != NULL && self->course_view == NULL)
    {
      self->course_view = kp_course_view_new ();
      adw_bin_set_child (self->course_view_bin, self->course_view);
    }
  if (self->course_view != NULL)
    kp_course_view_set_course (KP_COURSE_VIEW (self->course_view), course);

  if (course != NULL)
    {
      kp_store_watch_course (self->store, course);
      g_signal_connect_object (course, "changed", G_CALLBACK (on_course_changed), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (course, "notify::status", G_CALLBACK (update_actions), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (course, "notify::cancelled", G_CALLBACK (update_actions), self,
                               G_CONNECT_SWAPPED);
      self->title_binding = g_object_bind_property_full (course, "title",
                                                         self->content_title, "title",
                                                         G_BINDING_SYNC_CREATE,
                                                         title_or_untitled, NULL, NULL, NULL);
      if (self->settings != NULL)
        g_settings_set_string (self->settings, "last-course", kp_course_get_id (course));
    }
  else
    adw_window_title_set_title (self->content_title, "");
  update_term (self);

  gtk_stack_set_visible_child_name (self->content_stack, course != NULL ? "course" : "none");
  update_actions (self);
}

static gboolean
open_course (KpWindow   *self,
             const char *course_id)
{
  g_autoptr(KpCourse) course = NULL;
  g_autoptr(GError) error = NULL;

  if (self->course != NULL && g_strcmp0 (kp_course_get_id (self->course), course_id) == 0)
    return TRUE;

  course = kp_store_load_course (self->store, course_id, &error);
  if (course == NULL)
    {
      kp_window_toast (self, error->message);
      return FALSE;
    }
  kp_window_set_course (self, course);
  return TRUE;
}

/**
 * kp_window_select_course:
 * @course_id: a course's UUID
 *
 * Opens the course and selects it in the list, clearing a search that hides it.
 *
 * Returns: %TRUE when the course was found and opened
 */
gboolean
kp_window_select_course (KpWindow   *self,
                         const char *course_id)
{
  guint position;

  g_return_val_if_fail (KP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (course_id != NULL, FALSE);

  if (!find_summary (G_LIST_MODEL (self->courses), course_id, &position))
    return FALSE;
  if (!open_course (self, course_id))
    return FALSE;
  if (!find_summary (G_LIST_MODEL (self->visible_courses), course_id, &position))
    kp_window_set_search_text (self, "");
  sync_selection (self);
  return TRUE;
}

static void
on_selected_item_changed (KpWindow *self)
{
  KpListSlot *slot;
  KpCourseSummary *summary;

  if (self->selection_frozen > 0)
    return;

  /* A search that hides the open course leaves it open. */
  slot = gtk_single_selection_get_selected_item (self->selection);
  if (slot == NULL)
    return;
  summary = kp_list_slot_get_item (slot);

  if (open_course (self, kp_course_summary_get_id (summary)))
    adw_leaflet_set_visible_child (self->leaflet, self->content);
  else
    sync_selection (self);
}

static void
on_course_list_activate (KpWindow *self,
                         guint     position)
{
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
on_back_clicked (KpWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
on_leaflet_changed (KpWindow *self)
{
  sync_selection (self);
}

/* Titles folded once per summary (summaries never change), so that typing in the search over
 * thousands of courses compares plain bytes; GtkStringFilter would fold every title again at
 * every keystroke, which took 40 ms over 10,000 courses. */
static const char *
summary_search_key (KpCourseSummary *summary)
{
  static GQuark quark;
  char *key;

  if G_UNLIKELY (quark == 0)
    quark = g_quark_from_static_string ("kp-window-search-key");

  key = g_object_get_qdata (G_OBJECT (summary), quark);
  if (key == NULL)
    {
      const char *title = kp_course_summary_get_title (summary);
      g_autofree char *normalized = g_utf8_normalize (title != NULL ? title : "", -1,
                                                      G_NORMALIZE_ALL);

      key = g_utf8_casefold (normalized, -1);
      g_object_set_qdata_full (G_OBJECT (summary), quark, key, g_free);
    }
  return key;
}

static gboolean
fold_titles_cb (gpointer user_data)
{
  KpWindow *self = user_data;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->courses));

  for (guint end = MIN (n, self->fold_position + 500); self->fold_position < end;
       self->fold_position++)
    {
      g_autoptr(KpCourseSummary) summary = g_list_model_get_item (G_LIST_MODEL (self->courses),
                                                                  self->fold_position);

      summary_search_key (summary);
    }
  if (self->fold_position < n)
    return G_SOURCE_CONTINUE;
  self->fold_source = 0;
  return G_SOURCE_REMOVE;
}

static gboolean
course_filter_func (gpointer item,
                    gpointer user_data)
{
  KpWindow *self = user_data;

  if (!self->show_archived &&
      kp_course_summary_get_status (item) == KP_COURSE_STATUS_ARCHIVED)
    return FALSE;
  return self->search_key == NULL || strstr (summary_search_key (item), self->search_key) != NULL;
}

static void
set_search (KpWindow   *self,
            const char *text)
{
  g_autofree char *key = NULL;
  GtkFilterChange change;

  if (text != NULL && *text != '\0')
    {
      g_autofree char *normalized = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);

      key = g_utf8_casefold (normalized, -1);
    }
  if (g_strcmp0 (key, self->search_key) == 0)
    return;

  /* Tell the list how the search changed, so it looks again only where it must. */
  if (self->search_key == NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (key == NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else if (strstr (key, self->search_key) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (strstr (self->search_key, key) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  g_free (self->search_key);
  self->search_key = g_steal_pointer (&key);
  gtk_filter_changed (GTK_FILTER (self->filter), change);
}

static void
on_search_changed (KpWindow *self)
{
  set_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

void
kp_window_set_search_text (KpWindow   *self,
                           const char *text)
{
  g_return_if_fail (KP_IS_WINDOW (self));

  /* Filter once, now, rather than for the emptied entry and again after the typing delay. */
  g_signal_handlers_block_by_func (self->search_entry, on_search_changed, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  g_signal_handlers_unblock_by_func (self->search_entry, on_search_changed, self);
  set_search (self, text);
  if (text != NULL && *text != '\0')
    gtk_search_bar_set_search_mode (self->search_bar, TRUE);
}

static void
on_search_activate (KpWindow *self)
{
  g_autoptr(KpCourseSummary) first = NULL;

  first = g_list_model_get_item (G_LIST_MODEL (self->visible_courses), 0);
  if (first == NULL)
    return;
  if (kp_window_select_course (self, kp_course_summary_get_id (first)))
    {
      adw_leaflet_set_visible_child (self->leaflet, self->content);
      gtk_widget_child_focus (self->course_view, GTK_DIR_TAB_FORWARD);
    }
}

static void
on_stop_search (KpWindow *self)
{
  kp_window_set_search_text (self, "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
kp_window_set_show_archived (KpWindow *self,
                             gboolean  show_archived)
{
  show_archived = !!show_archived;
  if (self->show_archived == show_archived)
    return;

  self->show_archived = show_archived;
  gtk_filter_changed (GTK_FILTER (self->filter),
                      show_archived ? GTK_FILTER_CHANGE_LESS_STRICT
                                    : GTK_FILTER_CHANGE_MORE_STRICT);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_ARCHIVED]);
}

/* Saves a course that is new to the list, shows it in the list and opens it. */
static gboolean
add_course (KpWindow *self,
            KpCourse *course,
            guint     position)
{
  g_autoptr(KpCourseSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  if (!kp_store_save_course (self->store, course, &error))
    {
      kp_window_toast (self, error->message);
      return FALSE;
    }

  summary = summarize_course (course);
  self->selection_frozen++;
  g_list_store_insert (self->courses,
                       MIN (position, g_list_model_get_n_items (G_LIST_MODEL (self->courses))),
                       summary);
  self->selection_frozen--;

  kp_window_set_course (self, course);
  if (!find_summary (G_LIST_MODEL (self->visible_courses), kp_course_get_id (course), &position))
    kp_window_set_search_text (self, "");
  sync_selection (self);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  return TRUE;
}

static guint
open_course_position (KpWindow *self)
{
  guint position = 0;

  if (self->course != NULL)
    find_summary (G_LIST_MODEL (self->courses), kp_course_get_id (self->course), &position);
  return position;
}

static void
new_course_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KpWindow *self = KP_WINDOW (widget);
  g_autoptr(KpCourse) course = kp_course_new (NULL);

  kp_course_set_title (course, _("New course"));
  if (add_course (self, course, 0))
    gtk_widget_child_focus (self->course_view, GTK_DIR_TAB_FORWARD);
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KpWindow *self = KP_WINDOW (widget);
  g_autoptr(KpCourse) copy = NULL;
  g_autofree char *title = NULL;

  if (self->course == NULL)
    return;

  copy = kp_course_duplicate (self->course);
  /* Translators: the title of a duplicated course; %s is the original's title */
  title = g_strdup_printf (_("%s (copy)"), kp_course_get_title (self->course));
  kp_course_set_title (copy, title);
  if (kp_course_get_status (copy) == KP_COURSE_STATUS_ARCHIVED)
    kp_course_set_status (copy, KP_COURSE_STATUS_PLANNING);
  add_course (self, copy, open_course_position (self) + 1);
}

/* The next run of the open course, from the day the dialog chose: saved, listed and opened. */
static void
on_run_again_response (KpRunAgainDialog *dialog,
                       const char       *response,
                       KpWindow         *self)
{
  g_autoptr(KpCourse) next = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = NULL;
  g_autofree char *message = NULL;
  GDate start;

  if (g_strcmp0 (response, "run") != 0 || self->course == NULL)
    return;

  kp_run_again_dialog_get_date (dialog, &start);
  next = kp_course_rerun (self->course, &start, now, &error);
  if (next == NULL)
    {
      kp_window_toast (self, error->message);
      return;
    }
  if (!add_course (self, next, open_course_position (self) + 1))
    return;

  day = kp_ui_language_format_date (kp_course_get_first_start (next), _("%-d %B %Y"));
  /* Translators: %s is the day the new run's first session falls on */
  message = g_strdup_printf (_("The next run starts %s"), day);
  kp_window_toast (self, message);
}

static void
run_again_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KpWindow *self = KP_WINDOW (widget);
  GtkWidget *dialog;

  if (self->course == NULL)
    return;

  dialog = kp_run_again_dialog_new (GTK_WINDOW (self), self->course);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_run_again_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
statistics_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KpWindow *self = KP_WINDOW (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;

  /* The figures count what the database holds: edits still waiting are written first. */
  if (!kp_store_flush (self->store, &error))
    kp_window_toast (self, error->message);
  gtk_window_present (GTK_WINDOW (kp_stats_window_new (GTK_WINDOW (self), self->store,
                                                       g_date_time_get_year (now))));
}

static void
set_status (KpWindow       *self,
            KpCourseStatus  status)
{
  g_autoptr(GError) error = NULL;

  kp_course_set_status (self->course, status);
  if (!kp_store_save_course (self->store, self->course, &error))
    kp_window_toast (self, error->message);
  refresh_summary (self);
}

static void
archive_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KpWindow *self = KP_WINDOW (widget);
  g_autofree char *message = NULL;

  if (self->course == NULL)
    return;

  /* Translators: %s is a course title */
  message = g_strdup_printf (_("Archived “%s”"), kp_course_get_title (self->course));
  set_status (self, KP_COURSE_STATUS_ARCHIVED);
  if (!self->show_archived)
    kp_window_set_course (self, NULL);
  kp_window_toast (self, message);
}

static void
unarchive_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KpWindow *self = KP_WINDOW (widget);

  if (self->course != NULL)
    set_status (self, KP_COURSE_STATUS_PLANNING);
}

typedef struct
{
  KpUndoPlace           place;
  KpCourseCancellation *cancellation;
} CancelledCourse;

static void
cancelled_course_free (CancelledCourse *cancelled)
{
  kp_undo_place_clear (&cancelled->place);
  kp_course_cancellation_free (cancelled->cancellation);
  g_free (cancelled);
}

static void
undo_cancel_course (CancelledCourse *cancelled)
{
  KpCourse *course = kp_undo_place_open (&cancelled->place);

  if (course != NULL)
    kp_course_cancellation_undo (cancelled->cancellation, course);
}

static void
on_cancel_course_response (AdwMessageDialog *dialog,
                           const char       *response,
                           KpWindow         *self)
{
  KpCourse *course = g_object_get_data (G_OBJECT (dialog), "kp-course");
  g_autoptr(KpCourseCancellation) cancellation = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  CancelledCourse *cancelled;

  if (g_strcmp0 (response, "cancel-course") != 0 || self->course != course)
    return;

  now = g_date_time_new_now_local ();
  cancellation = kp_course_cancel (course, NULL, now, &error);
  if (cancellation == NULL)
    {
      kp_window_toast (self, error->message);
      return;
    }

  /* Translators: a toast; %s is a course title */
  message = g_strdup_printf (_("Cancelled “%s”"), kp_course_get_title (course));
  cancelled = g_new0 (CancelledCourse, 1);
  kp_undo_place_init (&cancelled->place, GTK_WIDGET (self), course);
  cancelled->cancellation = g_steal_pointer (&cancellation);
  kp_toast_show_undo (GTK_WIDGET (self->toast_overlay), message,
                      (KpToastUndoFunc) undo_cancel_course,
                      cancelled, (GDestroyNotify) cancelled_course_free);
}

/* Asks first, naming how many sessions go; the toast then offers to undo it. */
static void
cancel_course_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  KpWindow *self = KP_WINDOW (widget);
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *dialog;
  guint n;

  if (self->course == NULL || kp_course_get_cancelled (self->course))
    return;

  now = g_date_time_new_now_local ();
  n = kp_course_count_cancellable (self->course, now);
  /* Translators: %s is a course title */
  heading = g_strdup_printf (_("Cancel “%s”?"), kp_course_get_title (self->course)
                                                ? kp_course_get_title (self->course) : "");
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  /* Translators: %u is a count of sessions */
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "%u session not yet held will be cancelled. "
                                               "Calendars and the brochure will say so.",
                                               "%u sessions not yet held will be cancelled. "
                                               "Calendars and the brochure will say so.", n),
                                  n);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Course"),
                                    "cancel-course", _("Cancel _Course"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "cancel-course",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_object_set_data_full (G_OBJECT (dialog), "kp-course", g_object_ref (self->course),
                          g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_cancel_course_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
dismiss_toast (gpointer toast)
{
  adw_toast_dismiss (toast);
  return G_SOURCE_REMOVE;
}

/* Takes the undo toast away. libadwaita 1.2 frees a toast dismissed during its show animation
 * before the animation ends, and crashes; so a quick Ctrl+Z or a second delete lets the toast
 * finish appearing first. */
static void
clear_undo_toast (KpWindow *self)
{
  gint64 shown_ms;

  if (self->undo_toast == NULL)
    return;

  shown_ms = (g_get_monotonic_time () - self->undo_toast_shown) / 1000;
  if (shown_ms < UNDO_TOAST_SETTLE_MS)
    g_timeout_add_full (G_PRIORITY_DEFAULT, UNDO_TOAST_SETTLE_MS - shown_ms, dismiss_toast,
                        g_steal_pointer (&self->undo_toast), g_object_unref);
  else
    adw_toast_dismiss (self->undo_toast);
  g_clear_object (&self->undo_toast);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KpWindow *self = KP_WINDOW (widget);
  g_autoptr(KpCourse) course = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint position = 0;

  if (self->course == NULL)
    return;

  course = g_object_ref (self->course);
  position = open_course_position (self);
  kp_window_set_course (self, NULL);

  if (!kp_store_flush (self->store, &error) ||
      !kp_store_delete_course (self->store, kp_course_get_id (course), &error))
    {
      kp_window_toast (self, error->message);
      kp_window_set_course (self, course);
      sync_selection (self);
      return;
    }

  self->selection_frozen++;
  if (find_summary (G_LIST_MODEL (self->courses), kp_course_get_id (course), &position))
    g_list_store_remove (self->courses, position);
  self->selection_frozen--;

  g_set_object (&self->deleted, course);
  self->deleted_position = position;

  clear_undo_toast (self);

  /* Translators: %s is a course title */
  message = g_strdup_printf (_("Deleted “%s”"), kp_course_get_title (course));
  self->undo_toast = kp_toast_new (message);
  self->undo_toast_shown = g_get_monotonic_time ();
  adw_toast_set_button_label (self->undo_toast, _("_Undo"));
  adw_toast_set_action_name (self->undo_toast, "win.undo-delete");
  adw_toast_set_priority (self->undo_toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (self->undo_toast));

  update_actions (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->course_list));
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KpWindow *self = KP_WINDOW (widget);
  g_autoptr(KpCourse) course = g_steal_pointer (&self->deleted);

  if (course == NULL)
    return;

  clear_undo_toast (self);

  if (!add_course (self, course, self->deleted_position))
    g_set_object (&self->deleted, course);
  update_actions (self);
}

/**
 * kp_window_import_file:
 * @file: a course-plan file
 *
 * Reads the course plan, saves it and opens it; a course with the same UUID is updated in place
 * (kp_course_update_from()). Failures show as a toast, and change nothing.
 */
void
kp_window_import_file (KpWindow *self,
                       GFile    *file)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(KpCourse) course = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *message = NULL;
  const char *id;
  guint position;

  g_return_if_fail (KP_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      /* Translators: %s is a file's address */
      message = g_strdup_printf (_("Could not import “%s”: only files on this computer can be "
                                   "imported"), uri);
      kp_window_toast (self, message);
      return;
    }

  course = kp_plan_read_file_at (path, now, warnings, &error);
  if (course == NULL)
    {
      kp_window_toast (self, error->message);
      return;
    }

  id = kp_course_get_id (course);
  if (find_summary (G_LIST_MODEL (self->courses), id, &position))
    {
      g_autoptr(KpCourse) open = NULL;
      g_autoptr(KpCourse) existing = NULL;

      /* The file updates the course with its UUID in place, as `kursplan import` does: the same
       * sessions keep their UUIDs, and those whose time, place, title or status changed get
       * their revision raised. The open copy is closed first, so its edits are written and
       * nothing writes over the update; if the update is refused it opens again unchanged. */
      if (self->course != NULL && g_strcmp0 (kp_course_get_id (self->course), id) == 0)
        {
          open = g_object_ref (self->course);
          kp_window_set_course (self, NULL);
        }
      existing = kp_store_load_course (self->store, id, &error);
      if (existing != NULL)
        {
          kp_course_update_from (existing, course);
          if (!kp_store_save_course (self->store, existing, &error))
            g_clear_object (&existing);
        }
      if (existing == NULL)
        {
          if (open != NULL)
            kp_window_set_course (self, open);
          kp_window_toast (self, error->message);
          return;
        }
      g_set_object (&course, existing);

      self->selection_frozen++;
      g_list_store_remove (self->courses, position);
      self->selection_frozen--;
      /* Translators: %s is a course title */
      message = g_strdup_printf (_("Updated “%s” from the course plan"),
                                 kp_course_get_title (course));
    }
  else
    {
      position = 0;
      /* Translators: %s is a course title */
      message = g_strdup_printf (_("Imported “%s”"), kp_course_get_title (course));
    }

  if (!add_course (self, course, position))
    return;

  if (warnings->len > 0)
    {
      g_autofree char *with_warnings = NULL;

      /* Translators: the first %s is "Imported “title”", the second a note about the file */
      with_warnings = g_strdup_printf (_("%s; %s"), message,
                                       (const char *) g_ptr_array_index (warnings, 0));
      kp_window_toast (self, with_warnings);
    }
  else
    kp_window_toast (self, message);
}

static void
on_import_response (GtkNativeDialog *dialog,
                    int              response,
                    KpWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      kp_window_import_file (self, file);
    }
  g_object_unref (dialog);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KpWindow *self = KP_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) plans = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Import Course Plan"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);

  gtk_file_filter_set_name (plans, _("Course plans"));
  gtk_file_filter_add_pattern (plans, "*.kursplan.json");
  gtk_file_filter_add_mime_type (plans, "application/json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), plans);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), all);

  g_signal_connect (dialog, "response", G_CALLBACK (on_import_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KpWindow *self = KP_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Delete removes a course only from the list: elsewhere the key belongs to the focused field. */
static gboolean
delete_key_pressed (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  KpWindow *self = KP_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (focus == NULL || (focus != GTK_WIDGET (self->course_list) &&
                        !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->course_list))))
    return FALSE;
  return gtk_widget_activate_action (widget, "win.delete", NULL);
}

static void
on_save_failed (KpWindow     *self,
                const GError *error)
{
  kp_window_toast (self, error->message);
}

static void
list_setup (GtkSignalListItemFactory *factory,
            GtkListItem              *item)
{
  gtk_list_item_set_child (item, kp_course_row_new ());
}

static void
on_slot_changed (KpListSlot  *slot,
                 GParamSpec  *pspec,
                 KpCourseRow *row)
{
  kp_course_row_set_summary (row, kp_list_slot_get_item (slot));
}

/* A row shows a place in the list, and whichever course is there (kp-slot-list-model.c). */
static void
list_bind (GtkSignalListItemFactory *factory,
           GtkListItem              *item)
{
  KpListSlot *slot = gtk_list_item_get_item (item);
  KpCourseRow *row = KP_COURSE_ROW (gtk_list_item_get_child (item));

  kp_course_row_set_summary (row, kp_list_slot_get_item (slot));
  g_signal_connect_object (slot, "notify::item", G_CALLBACK (on_slot_changed), row, 0);
}

static void
list_unbind (GtkSignalListItemFactory *factory,
             GtkListItem              *item)
{
  KpCourseRow *row = KP_COURSE_ROW (gtk_list_item_get_child (item));

  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), on_slot_changed, row);
  kp_course_row_set_summary (row, NULL);
}

static void
load_courses (KpWindow *self)
{
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GError) error = NULL;

  summaries = kp_store_list_courses (self->store, &error);
  if (summaries == NULL)
    {
      kp_window_toast (self, error->message);
      return;
    }
  self->selection_frozen++;
  g_list_store_splice (self->courses, 0, g_list_model_get_n_items (G_LIST_MODEL (self->courses)),
                       summaries->pdata, summaries->len);
  self->selection_frozen--;
}

static void
restore_last_course (KpWindow *self)
{
  g_autofree char *last = NULL;
  guint position;

  if (self->settings != NULL)
    last = g_settings_get_string (self->settings, "last-course");
  if (last != NULL && *last != '\0' &&
      find_summary (G_LIST_MODEL (self->visible_courses), last, &position) &&
      open_course (self, last))
    {
      sync_selection (self);
      return;
    }

  /* Side by side, an empty content pane wastes the room: open the first course. */
  if (!adw_leaflet_get_folded (self->leaflet) &&
      g_list_model_get_n_items (G_LIST_MODEL (self->visible_courses)) > 0)
    {
      g_autoptr(KpCourseSummary) first = g_list_model_get_item (G_LIST_MODEL (self->visible_courses),
                                                                0);

      if (open_course (self, kp_course_summary_get_id (first)))
        sync_selection (self);
    }
}

static gboolean
restore_after_first_frame (gpointer data)
{
  KpWindow *self = data;

  self->restore_source = 0;
  /* Unless the user opened one in the meantime. */
  if (self->course == NULL)
    restore_last_course (self);
  if (self->course == NULL)
    gtk_stack_set_visible_child_name (self->content_stack, "none");
  return G_SOURCE_REMOVE;
}

static void
on_first_frame (GdkFrameClock *frame_clock,
                KpWindow      *self)
{
  g_signal_handlers_disconnect_by_func (frame_clock, on_first_frame, self);
  if (self->restore_pending && self->restore_source == 0)
    self->restore_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, restore_after_first_frame,
                                            self, NULL);
  self->restore_pending = FALSE;
}

static void
kp_window_realize (GtkWidget *widget)
{
  KpWindow *self = KP_WINDOW (widget);

  GTK_WIDGET_CLASS (kp_window_parent_class)->realize (widget);

  if (self->restore_pending)
    g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                             G_CALLBACK (on_first_frame), self, 0);
}

static gboolean
kp_window_close_request (GtkWindow *window)
{
  KpWindow *self = KP_WINDOW (window);
  g_autoptr(GError) error = NULL;

  if (self->summary_source != 0)
    refresh_summary (self);

  if (self->settings != NULL)
    {
      int width, height;

      /* No g_settings_delay(): the settings object is the application's, and a delayed one
       * would swallow every later write made through it. */
      gtk_window_get_default_size (window, &width, &height);
      if (!gtk_window_is_maximized (window))
        {
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
      g_settings_set_boolean (self->settings, "window-maximized",
                              gtk_window_is_maximized (window));
      g_settings_set_string (self->settings, "last-course",
                             self->course != NULL ? kp_course_get_id (self->course) : "");
    }

  if (!kp_store_flush (self->store, &error) && !self->close_failed)
    {
      g_autofree char *message = NULL;

      /* Keep the window, and what it holds, for one more try. */
      self->close_failed = TRUE;
      /* Translators: %s says why the course could not be saved */
      message = g_strdup_printf (_("Not everything could be saved: %s. Close again to quit "
                                   "anyway."), error->message);
      kp_window_toast (self, message);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (kp_window_parent_class)->close_request (window);
}

static void
kp_window_constructed (GObject *object)
{
  KpWindow *self = KP_WINDOW (object);

  G_OBJECT_CLASS (kp_window_parent_class)->constructed (object);

  g_return_if_fail (KP_IS_STORE (self->store));

  if (self->settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      g_settings_bind (self->settings, "show-archived", self, "show-archived",
                       G_SETTINGS_BIND_DEFAULT);
    }

  g_signal_connect_object (self->store, "save-failed", G_CALLBACK (on_save_failed), self,
                           G_CONNECT_SWAPPED);

  load_courses (self);
  self->fold_source = g_idle_add_full (G_PRIORITY_LOW, fold_titles_cb, self, NULL);
  update_sidebar_page (self);
  /* The last course opens just after the window's first frame: the window shows at once, and
   * the course, whose pages take longest to lay out, a moment later. */
  self->restore_pending = TRUE;
  update_actions (self);
}

static void
kp_window_dispose (GObject *object)
{
  KpWindow *self = KP_WINDOW (object);

  g_clear_handle_id (&self->summary_source, g_source_remove);
  g_clear_handle_id (&self->fold_source, g_source_remove);
  g_clear_handle_id (&self->restore_source, g_source_remove);
  if (self->course != NULL)
    {
      g_clear_pointer (&self->title_binding, g_binding_unbind);
      kp_store_unwatch_course (self->store, self->course);
      g_clear_object (&self->course);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), KP_TYPE_WINDOW);

  g_clear_object (&self->selection);
  g_clear_object (&self->deleted);
  g_clear_object (&self->undo_toast);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (kp_window_parent_class)->dispose (object);
}

static void
kp_window_finalize (GObject *object)
{
  KpWindow *self = KP_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->search_key, g_free);

  G_OBJECT_CLASS (kp_window_parent_class)->finalize (object);
}

static void
kp_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  KpWindow *self = KP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_SHOW_ARCHIVED:
      g_value_set_boolean (value, self->show_archived);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  KpWindow *self = KP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_SHOW_ARCHIVED:
      kp_window_set_show_archived (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_window_class_init (KpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = kp_window_constructed;
  object_class->dispose = kp_window_dispose;
  object_class->finalize = kp_window_finalize;
  object_class->get_property = kp_window_get_property;
  object_class->set_property = kp_window_set_property;

  widget_class->realize = kp_window_realize;

  window_class->close_request = kp_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Window size and the last course; %NULL runs without remembering them. */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_ARCHIVED] =
    g_param_spec_boolean ("show-archived", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);


  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kursplan/Kursplan/kp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KpWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KpWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, KpWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, KpWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, KpWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KpWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, KpWindow, course_list);
  gtk_widget_class_bind_template_child (widget_class, KpWindow, content);
  gtk_widget_class_bind_template_child (widget_class, KpWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, KpWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, KpWindow, course_view_bin);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_course_list_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);

  gtk_widget_class_install_action (widget_class, "win.new-course", NULL, new_course_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "win.run-again", NULL, run_again_action);
  gtk_widget_class_install_action (widget_class, "win.statistics", NULL, statistics_action);
  gtk_widget_class_install_action (widget_class, "win.archive", NULL, archive_action);
  gtk_widget_class_install_action (widget_class, "win.unarchive", NULL, unarchive_action);
  gtk_widget_class_install_action (widget_class, "win.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-course", NULL, cancel_course_action);
  gtk_widget_class_install_action (widget_class, "win.undo-delete", NULL, undo_delete_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_property_action (widget_class, "win.show-archived", "show-archived");
  kp_course_export_install_actions (widget_class);  /* print, export PDF and calendar, sync */

  /* Every shortcut of the window, in one place (the shortcuts window lists the same). These
   * run after the focused widget had its chance, so text fields keep their own Ctrl+Z. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-course", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "win.undo-delete", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Delete, 0, delete_key_pressed, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Delete, 0, delete_key_pressed, NULL);
}

static void
kp_window_init (KpWindow *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->courses = g_list_store_new (KP_TYPE_COURSE_SUMMARY);
  self->filter = gtk_custom_filter_new (course_filter_func, self, NULL);

  /* The models hand their references on: courses → visible_courses → the slots the rows show
   * (which keep the rows as the search changes) → selection. */
  self->visible_courses = gtk_filter_list_model_new (G_LIST_MODEL (self->courses),
                                                     GTK_FILTER (self->filter));
  self->selection = gtk_single_selection_new (
    G_LIST_MODEL (kp_slot_list_model_new (G_LIST_MODEL (self->visible_courses))));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selected_item_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->visible_courses, "items-changed",
                           G_CALLBACK (on_visible_courses_changed), self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (list_setup), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (list_bind), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (list_unbind), NULL);
  gtk_list_view_set_factory (self->course_list, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->course_list, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->leaflet, "notify::folded",
                           G_CALLBACK (on_leaflet_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->leaflet, "notify::visible-child",
                           G_CALLBACK (on_leaflet_changed), self, G_CONNECT_SWAPPED);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, self->sidebar);
}
