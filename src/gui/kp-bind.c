/* kp-bind.c — binding a model's text to an entry, where the model says NULL for empty
 *
 * The model stores an empty text as NULL, and a GtkEditable takes no NULL text; these bindings
 * turn one into the other.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-bind"

#include "config.h"

#include "kp-bind.h"

static gboolean
null_to_empty (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      user_data)
{
  const char *text = g_value_get_string (from);

  g_value_set_string (to, text != NULL ? text : "");
  return TRUE;
}

/**
 * kp_bind_text:
 *
 * Binds two string properties both ways, @target taking @source's value first.
 *
 * Returns: (transfer none): the binding, to be released with g_binding_unbind()
 */
GBinding *
kp_bind_text (gpointer    source,
              const char *source_property,
              gpointer    target,
              const char *target_property)
{
  return g_object_bind_property_full (source, source_property, target, target_property,
                                      G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                                      null_to_empty, null_to_empty, NULL, NULL);
}

/* Unbinds every #GBinding in @bindings and empties it. */
void
kp_bindings_clear (GPtrArray *bindings)
{
  for (guint i = 0; i < bindings->len; i++)
    g_binding_unbind (g_ptr_array_index (bindings, i));
  g_ptr_array_set_size (bindings, 0);
}
