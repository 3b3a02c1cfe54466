/* kp-undo.c — where an undo toast puts back what was removed
 *
 * A toast outlives what the user was looking at: they may open another course before they
 * click Undo. The store writes through only the course the window has open, so Undo opens the
 * first course again (loaded afresh from the database, the removal saved in it) and puts things
 * back in that, where the user sees them and the store saves them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-undo"

#include "config.h"

#include "kp-undo.h"
#include "kp-window.h"

/**
 * kp_undo_place_init:
 * @place: an uninitialised #KpUndoPlace
 * @widget: the widget the removal was made from, in the window
 * @course: the course it was made in
 */
void
kp_undo_place_init (KpUndoPlace *place,
                    GtkWidget   *widget,
                    KpCourse    *course)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (KP_IS_COURSE (course));

  place->window = GTK_WIDGET (gtk_widget_get_root (widget));
  if (place->window != NULL)
    g_object_add_weak_pointer (G_OBJECT (place->window), (gpointer *) &place->window);
  place->course = g_object_ref (course);
}

/**
 * kp_undo_place_open:
 *
 * Returns: (transfer none) (nullable): the course to put things back in: the one the window has
 *   open, opening it again if need be; %NULL when the course is gone (deleted since)
 */
KpCourse *
kp_undo_place_open (KpUndoPlace *place)
{
  KpWindow *window;
  KpCourse *open;
  const char *id = kp_course_get_id (place->course);

  /* Not in Kursplan's window (a test's own): nothing else can have been opened. */
  if (!KP_IS_WINDOW (place->window))
    return place->course;

  window = KP_WINDOW (place->window);
  open = kp_window_get_course (window);
  if (open != NULL && g_strcmp0 (kp_course_get_id (open), id) == 0)
    return open;
  if (!kp_window_select_course (window, id))
    return NULL;
  return kp_window_get_course (window);
}

void
kp_undo_place_clear (KpUndoPlace *place)
{
  if (place->window != NULL)
    g_object_remove_weak_pointer (G_OBJECT (place->window), (gpointer *) &place->window);
  place->window = NULL;
  g_clear_object (&place->course);
}
