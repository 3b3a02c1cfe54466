/* kp-error.h — the error domain every user-facing failure in Kursplan belongs to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define KP_ERROR (kp_error_quark ())

typedef enum
{
  KP_ERROR_FAILED,
  KP_ERROR_INVALID_PLAN,
  KP_ERROR_NOT_FOUND,
  KP_ERROR_AMBIGUOUS,
  KP_ERROR_STORE,
  KP_ERROR_INVALID_VALUE,
  KP_ERROR_INVALID_CALENDAR,
  KP_ERROR_CALENDAR_CONFLICT,
  KP_ERROR_CALENDAR_AUTH,
  KP_ERROR_NETWORK,
  KP_ERROR_CONFLICT,  /* another program saved the course since it was loaded */
} KpError;

GQuark kp_error_quark (void);

G_END_DECLS
