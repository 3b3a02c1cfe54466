/* kp-quote.h — a value the user gave, made safe to quote in a one-line message
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How much of a value a message quotes, in characters, before it ends it with "…". */
#define KP_QUOTE_MAX_CHARS 80

char *kp_quote_value  (const char *value);
char *kp_escape_line  (const char *text);

G_END_DECLS
