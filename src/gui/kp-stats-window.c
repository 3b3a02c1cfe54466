/* kp-stats-window.c — the year's figures: per course and in total, for the centre's annual report
 *
 * The same figures as `kursplan stats`: the store counts them in one query
 * (kp_store_list_year_figures), kp-stats adds the totals and writes the CSV. One table row per
 * course, the totals last; counts only, never a participant.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-stats-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kp-output.h"
#include "kp-stats.h"
#include "kp-stats-window.h"
#include "kp-toast.h"

typedef enum
{
  COLUMN_TITLE,
  COLUMN_TERM,
  COLUMN_SESSIONS,
  COLUMN_SESSIONS_PLANNED,
  COLUMN_REGISTERED,
  COLUMN_ATTENDANCES,
  COLUMN_USER_CONTRIBUTIONS,
  COLUMN_PROFESSIONAL_CONTRIBUTIONS,
  COLUMN_USERS_PLANNING,
  COLUMN_USERS_RUNNING,
  COLUMN_USERS_EVALUATION,
  COLUMN_SESSIONS_CANCELLED,
  COLUMN_PARTNERS,
  N_COLUMNS
} Column;

static const char * const column_titles[N_COLUMNS] = {
  N_("Course"),
  N_("Term"),
  N_("Sessions Held"),
  N_("Planned"),
  N_("Registered"),
  N_("Attendances"),
  N_("By Users"),
  N_("By Professionals"),
  N_("Users Planned"),
  N_("Users Ran"),
  N_("Users Evaluated"),
  N_("Cancelled"),
  N_("Partners"),
};

struct _KpStatsWindow
{
  AdwWindow          parent_instance;

  KpStore           *store;
  GDateTime         *now;        /* what has ended by then was held; the rest is planned */
  GPtrArray         *rows;       /* KpStatsRow of the year's courses */
  KpStatsRow        *totals;
  GListStore        *items;      /* GtkStringObject: the row's position, "total" for the totals */

  AdwToastOverlay   *toast_overlay;
  GtkSpinButton     *year_spin;
  GtkStack          *stack;
  GtkLabel          *summary_label;
  GtkColumnView     *column_view;
};

G_DEFINE_FINAL_TYPE (KpStatsWindow, kp_stats_window, ADW_TYPE_WINDOW)

static void
toast (KpStatsWindow *self,
       const char    *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, kp_toast_new (message));
}

/* The table row an item stands for: a course's figures or the totals. */
static const KpStatsRow *
item_row (KpStatsWindow *self,
          GObject       *item,
          gboolean      *is_totals)
{
  const char *key = gtk_string_object_get_string (GTK_STRING_OBJECT (item));

  *is_totals = g_str_equal (key, "total");
  if (*is_totals)
    return self->totals;
  return g_ptr_array_index (self->rows, (guint) g_ascii_strtoull (key, NULL, 10));
}

static char *
format_flag (guint    value,
             gboolean is_totals)
{
  if (is_totals)
    return g_strdup_printf ("%u", value);
  return g_strdup (value ? _("Yes") : _("No"));
}

static char *
format_cell (const KpStatsRow *row,
             gboolean          is_totals,
             Column            column)
{
  switch (column)
    {
    case COLUMN_TITLE:
      if (is_totals)
        /* Translators: the last row of the year's figures */
        return g_strdup_printf (ngettext ("Total, %u course", "Total, %u courses", row->courses),
                                row->courses);
      return g_strdup (row->title != NULL && *row->title != '\0' ? row->title : _("Untitled"));
    case COLUMN_TERM:
      /* Beside the title: a course and its next run in the same year share a title. */
      return g_strdup (!is_totals && row->term != NULL ? row->term : "");
    case COLUMN_SESSIONS:
      return g_strdup_printf ("%u", row->sessions_held);
    case COLUMN_SESSIONS_PLANNED:
      return g_strdup_printf ("%u", row->sessions_planned);
    case COLUMN_REGISTERED:
      return g_strdup_printf ("%u", row->registered);
    case COLUMN_ATTENDANCES:
      return g_strdup_printf ("%u", row->attendances);
    case COLUMN_USER_CONTRIBUTIONS:
      return g_strdup_printf ("%u", row->user_contributions);
    case COLUMN_PROFESSIONAL_CONTRIBUTIONS:
      return g_strdup_printf ("%u", row->professional_contributions);
    case COLUMN_USERS_PLANNING:
      return format_flag (row->users_planning, is_totals);
    case COLUMN_USERS_RUNNING:
      return format_flag (row->users_running, is_totals);
    case COLUMN_USERS_EVALUATION:
      return format_flag (row->users_evaluation, is_totals);
    case COLUMN_SESSIONS_CANCELLED:
      return g_strdup_printf ("%u", row->sessions_cancelled);
    case COLUMN_PARTNERS:
      return g_strdup (!is_totals && row->partners != NULL ? row->partners : "");
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static void
cell_setup (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gboolean text = column == COLUMN_TITLE || column == COLUMN_TERM || column == COLUMN_PARTNERS;

  gtk_label_set_xalign (GTK_LABEL (label), text ? 0.0 : 1.0);
  if (column == COLUMN_TITLE || column == COLUMN_PARTNERS)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  else if (!text)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
cell_bind (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  KpStatsWindow *self = g_object_get_data (G_OBJECT (factory), "window");
  const KpStatsRow *row;
  g_autofree char *text = NULL;
  gboolean is_totals;

  row = item_row (self, gtk_list_item_get_item (list_item), &is_totals);
  text = format_cell (row, is_totals, column);
  gtk_label_set_text (GTK_LABEL (label), text);
  if (is_totals)
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_remove_css_class (label, "heading");
}

static void
load_year (KpStatsWindow *self)
{
  int year = kp_stats_window_get_year (self);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;

  rows = kp_store_list_year_figures (self->store, year, self->now, &error);
  if (rows == NULL)
    {
      toast (self, error->message);
      rows = g_ptr_array_new_with_free_func ((GDestroyNotify) kp_stats_row_free);
    }

  g_list_store_remove_all (self->items);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->totals, kp_stats_row_free);
  self->rows = g_steal_pointer (&rows);
  self->totals = kp_stats_dup_totals (self->rows);

  for (guint i = 0; i < self->rows->len; i++)
    {
      g_autoptr(GtkStringObject) item = NULL;
      char key[16];

      g_snprintf (key, sizeof key, "%u", i);
      item = gtk_string_object_new (key);
      g_list_store_append (self->items, item);
    }
  if (self->rows->len > 0)
    {
      g_autoptr(GtkStringObject) total = gtk_string_object_new ("total");

      g_list_store_append (self->items, total);
    }

  /* Translators: over the year's figures */
  summary = g_strdup_printf (ngettext ("%u course held sessions in %d",
                                       "%u courses held sessions in %d", self->totals->courses),
                             self->totals->courses, year);
  gtk_label_set_text (self->summary_label, summary);
  gtk_stack_set_visible_child_name (self->stack, self->rows->len > 0 ? "table" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stats.export-csv", self->rows->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stats.export-ods", self->rows->len > 0);
}

static void
on_year_changed (KpStatsWindow *self)
{
  if (self->store != NULL)
    load_year (self);
}

int
kp_stats_window_get_year (KpStatsWindow *self)
{
  g_return_val_if_fail (KP_IS_STATS_WINDOW (self), 0);
  return gtk_spin_button_get_value_as_int (self->year_spin);
}

void
kp_stats_window_set_year (KpStatsWindow *self,
                          int            year)
{
  g_return_if_fail (KP_IS_STATS_WINDOW (self));

  if (kp_stats_window_get_year (self) != year)
    gtk_spin_button_set_value (self->year_spin, year);
}

/**
 * kp_stats_window_set_now:
 * @now: the moment to count at; the window counts at the moment it opened until told otherwise
 */
void
kp_stats_window_set_now (KpStatsWindow *self,
                         GDateTime     *now)
{
  g_return_if_fail (KP_IS_STATS_WINDOW (self));
  g_return_if_fail (now != NULL);

  g_date_time_ref (now);
  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = now;
  if (self->store != NULL)
    load_year (self);
}

/**
 * kp_stats_window_get_rows:
 *
 * Returns: (transfer none) (element-type KpStatsRow): the shown year's courses, without totals
 */
GPtrArray *
kp_stats_window_get_rows (KpStatsWindow *self)
{
  g_return_val_if_fail (KP_IS_STATS_WINDOW (self), NULL);
  return self->rows;
}

/**
 * kp_stats_window_dup_cell:
 * @position: a row of the table; the totals are the last
 * @column: a column, 0 for the course
 *
 * Returns: (transfer full) (nullable): the text the table shows there
 */
char *
kp_stats_window_dup_cell (KpStatsWindow *self,
                          guint          position,
                          guint          column)
{
  g_autoptr(GObject) item = NULL;
  const KpStatsRow *row;
  gboolean is_totals;

  g_return_val_if_fail (KP_IS_STATS_WINDOW (self), NULL);
  g_return_val_if_fail (column < N_COLUMNS, NULL);

  item = g_list_model_get_item (G_LIST_MODEL (self->items), position);
  if (item == NULL)
    return NULL;
  row = item_row (self, item, &is_totals);
  return format_cell (row, is_totals, column);
}

/**
 * kp_stats_window_save_csv:
 *
 * Writes the shown year's figures as CSV, the totals last, as `kursplan stats --csv` does.
 */
gboolean
kp_stats_window_save_csv (KpStatsWindow  *self,
                          GFile          *file,
                          GError        **error)
{
  g_autoptr(GBytes) csv = NULL;
  char *text;

  g_return_val_if_fail (KP_IS_STATS_WINDOW (self), FALSE);

  text = kp_stats_format_csv (self->rows);
  csv = g_bytes_new_take (text, strlen (text));
  /* A file is replaced whole: nothing half-written. */
  return kp_output_write_file (file, csv, error);
}

/**
 * kp_stats_window_save_ods:
 *
 * Writes the shown year's figures as an OpenDocument spreadsheet, the same cells as the CSV, as
 * `kursplan stats --format ods` does.
 */
gboolean
kp_stats_window_save_ods (KpStatsWindow  *self,
                          GFile          *file,
                          GError        **error)
{
  g_autoptr(GBytes) ods = NULL;

  g_return_val_if_fail (KP_IS_STATS_WINDOW (self), FALSE);

  ods = kp_stats_format_ods (self->rows, kp_stats_window_get_year (self));
  return kp_output_write_file (file, ods, error);
}

static void
on_export_response (GtkNativeDialog *dialog,
                    int              response,
                    KpStatsWindow   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GError) error = NULL;
      gboolean ods = g_object_get_data (G_OBJECT (dialog), "ods") != NULL;

      if (ods ? kp_stats_window_save_ods (self, file, &error)
              : kp_stats_window_save_csv (self, file, &error))
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

/* Asks where to export to, as CSV or (stats.export-ods) as a spreadsheet. */
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KpStatsWindow *self = KP_STATS_WINDOW (widget);
  gboolean ods = g_str_equal (action_name, "stats.export-ods");
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  dialog = gtk_file_chooser_native_new (_("Export the Year’s Figures"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  if (ods)
    {
      g_object_set_data (G_OBJECT (dialog), "ods", GINT_TO_POINTER (TRUE));
      gtk_file_filter_set_name (filter, _("Spreadsheets"));
      gtk_file_filter_add_mime_type (filter, "application/vnd.oasis.opendocument.spreadsheet");
      gtk_file_filter_add_pattern (filter, "*.ods");
      /* Translators: a file name; %d is the year */
      name = g_strdup_printf (_("courses-%d.ods"), kp_stats_window_get_year (self));
    }
  else
    {
      gtk_file_filter_set_name (filter, _("CSV files"));
      gtk_file_filter_add_mime_type (filter, "text/csv");
      gtk_file_filter_add_pattern (filter, "*.csv");
      /* Translators: a file name; %d is the year */
      name = g_strdup_printf (_("courses-%d.csv"), kp_stats_window_get_year (self));
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/**
 * kp_stats_window_new:
 * @store: the database to count in
 * @year: the year to show first
 */
GtkWidget *
kp_stats_window_new (GtkWindow *parent,
                     KpStore   *store,
                     int        year)
{
  KpStatsWindow *self;

  g_return_val_if_fail (KP_IS_STORE (store), NULL);

  self = g_object_new (KP_TYPE_STATS_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  gtk_spin_button_set_value (self->year_spin, year);
  load_year (self);
  return GTK_WIDGET (self);
}

static void
kp_stats_window_dispose (GObject *object)
{
  KpStatsWindow *self = KP_STATS_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KP_TYPE_STATS_WINDOW);

  G_OBJECT_CLASS (kp_stats_window_parent_class)->dispose (object);
}

static void
kp_stats_window_finalize (GObject *object)
{
  KpStatsWindow *self = KP_STATS_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_object (&self->items);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->totals, kp_stats_row_free);

  G_OBJECT_CLASS (kp_stats_window_parent_class)->finalize (object);
}

static void
kp_stats_window_class_init (KpStatsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kp_stats_window_dispose;
  object_class->finalize = kp_stats_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kursplan/Kursplan/kp-stats-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KpStatsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KpStatsWindow, year_spin);
  gtk_widget_class_bind_template_child (widget_class, KpStatsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, KpStatsWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, KpStatsWindow, column_view);
  gtk_widget_class_bind_template_callback (widget_class, on_year_changed);

  gtk_widget_class_install_action (widget_class, "stats.export-csv", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "stats.export-ods", NULL, export_action);
}

static void
kp_stats_window_init (KpStatsWindow *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->now = g_date_time_new_now_local ();
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) kp_stats_row_free);
  self->totals = kp_stats_dup_totals (self->rows);
  self->items = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->items)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_object_set_data (G_OBJECT (factory), "window", self);
      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind), GUINT_TO_POINTER (i));
      column = gtk_column_view_column_new (_(column_titles[i]), factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      if (i == COLUMN_TITLE)
        {
          gtk_column_view_column_set_expand (column, TRUE);
          /* Readable however many columns follow: the table scrolls sideways instead. */
          gtk_column_view_column_set_fixed_width (column, 220);
        }
      gtk_column_view_append_column (self->column_view, column);
    }
}
