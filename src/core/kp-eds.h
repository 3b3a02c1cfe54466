/* kp-eds.h — a course's sessions kept in a desktop calendar through Evolution Data Server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "kp-caldav.h"
#include "kp-course.h"

G_BEGIN_DECLS

#define KP_TYPE_EDS (kp_eds_get_type ())

G_DECLARE_FINAL_TYPE (KpEds, kp_eds, KP, EDS, GObject)

/* One writable calendar the desktop offers. */
typedef struct
{
  char *uid;      /* the EDS source's UID */
  char *name;     /* its display name */
  char *account;  /* the account it belongs to: "Google", "On This Computer", … */
} KpEdsCalendar;

void        kp_eds_calendar_free     (KpEdsCalendar       *calendar);

GPtrArray  *kp_eds_list_calendars    (GError             **error);

KpEds      *kp_eds_new               (const char          *calendar,
                                      GError             **error);
const char *kp_eds_get_uid           (KpEds               *self);
const char *kp_eds_get_name          (KpEds               *self);
const char *kp_eds_get_target        (KpEds               *self);
void        kp_eds_set_overwrite     (KpEds               *self,
                                      gboolean             overwrite);
gboolean    kp_eds_sync              (KpEds               *self,
                                      KpCourse            *course,
                                      GHashTable          *known,
                                      GDateTime           *now,
                                      KpCaldavRecordFunc   record,
                                      gpointer             user_data,
                                      KpCaldavReport      *report,
                                      GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KpEdsCalendar, kp_eds_calendar_free)

G_END_DECLS
