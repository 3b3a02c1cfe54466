/* kp-ical-parse.h — libical's parser, without libical printing on our terminal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <libical/ical.h>

G_BEGIN_DECLS

icalcomponent *kp_ical_parse_quietly (const char  *text,
                                      char       **complaint);

G_END_DECLS
