/* kp-holidays.h — Norway's public holidays (helligdager og offentlige høytidsdager), any year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void        kp_holidays_get_easter     (int          year,
                                        GDate       *easter);
const char *kp_holidays_lookup         (const GDate *date);
const char *kp_holidays_lookup_dmy     (int          year,
                                        int          month,
                                        int          day);

G_END_DECLS
