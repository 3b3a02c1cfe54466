/* kp-undo.h — where an undo toast puts back what was removed: the course, open again if the
 * user has gone to another since
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "kp-course.h"

G_BEGIN_DECLS

typedef struct
{
  GtkWidget *window;  /* weak */
  KpCourse  *course;
} KpUndoPlace;

void      kp_undo_place_init  (KpUndoPlace *place,
                               GtkWidget   *widget,
                               KpCourse    *course);
KpCourse *kp_undo_place_open  (KpUndoPlace *place);
void      kp_undo_place_clear (KpUndoPlace *place);

G_END_DECLS
