/* kp-bind.h — binding a model's text to an entry, where the model says NULL for empty
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

GBinding *kp_bind_text (gpointer    source,
                        const char *source_property,
                        gpointer    target,
                        const char *target_property);
void      kp_bindings_clear (GPtrArray *bindings);

G_END_DECLS
