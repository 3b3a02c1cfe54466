/* kp-run-again-dialog.c — asks when the next run of a course should start
 *
 * The dialog only chooses the day; the window makes the run with kp_course_rerun() when the
 * "run" response comes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-run-again-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "kp-run-again-dialog.h"

struct _KpRunAgainDialog
{
  AdwMessageDialog  parent_instance;

  GtkCalendar      *calendar;
};

G_DEFINE_FINAL_TYPE (KpRunAgainDialog, kp_run_again_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* The day after the course's last session, or today when that has passed. */
static void
suggest_date (KpCourse *course,
              GDate    *date)
{
  GDateTime *last = kp_course_get_last_start (course);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  *date = today;
  if (last != NULL)
    {
      GDate after_last;

      g_date_clear (&after_last, 1);
      g_date_set_dmy (&after_last, g_date_time_get_day_of_month (last),
                      g_date_time_get_month (last), g_date_time_get_year (last));
      g_date_add_days (&after_last, 1);
      if (g_date_compare (&after_last, &today) > 0)
        *date = after_last;
    }
}

/**
 * kp_run_again_dialog_new:
 * @course: the course to run again
 */
GtkWidget *
kp_run_again_dialog_new (GtkWindow *parent,
                         KpCourse  *course)
{
  KpRunAgainDialog *self = g_object_new (KP_TYPE_RUN_AGAIN_DIALOG,
                                         "transient-for", parent,
                                         "modal", TRUE,
                                         NULL);
  GDate date;

  suggest_date (course, &date);
  kp_run_again_dialog_set_date (self, &date);
  return GTK_WIDGET (self);
}

/**
 * kp_run_again_dialog_get_date:
 * @date: (out caller-allocates): the chosen day
 */
void
kp_run_again_dialog_get_date (KpRunAgainDialog *self,
                              GDate            *date)
{
  g_autoptr(GDateTime) chosen = NULL;

  g_return_if_fail (KP_IS_RUN_AGAIN_DIALOG (self));

  chosen = gtk_calendar_get_date (self->calendar);
  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (chosen), g_date_time_get_month (chosen),
                  g_date_time_get_year (chosen));
}

void
kp_run_again_dialog_set_date (KpRunAgainDialog *self,
                              const GDate      *date)
{
  g_autoptr(GDateTime) day = NULL;

  g_return_if_fail (KP_IS_RUN_AGAIN_DIALOG (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  day = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                               g_date_get_day (date), 12, 0, 0);
  gtk_calendar_select_day (self->calendar, day);
}

static void
kp_run_again_dialog_class_init (KpRunAgainDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kursplan/Kursplan/kp-run-again-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KpRunAgainDialog, calendar);
}

static void
kp_run_again_dialog_init (KpRunAgainDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
