/* kp-util-private.h — small helpers the model classes share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Replaces *field with a copy of value; TRUE when that changed anything. Empty strings count as
 * unset, so a cleared field and a missing one are the same to every reader. */
static inline gboolean
kp_set_string (char       **field,
               const char  *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static inline gboolean
kp_set_strv (char               ***field,
             const char * const   *value)
{
  if (value != NULL && value[0] == NULL)
    value = NULL;
  if (*field == NULL && value == NULL)
    return FALSE;
  if (*field != NULL && value != NULL && g_strv_equal ((const char * const *) *field, value))
    return FALSE;
  g_strfreev (*field);
  *field = g_strdupv ((char **) value);
  return TRUE;
}

/* A copy of @strv (may be %NULL) with @value put in at @position, or at the end when
 * @position is past it. */
static inline char **
kp_strv_insert (const char * const *strv,
                guint               position,
                const char         *value)
{
  guint n = strv != NULL ? g_strv_length ((char **) strv) : 0;
  char **result = g_new0 (char *, n + 2);

  position = MIN (position, n);
  for (guint i = 0; i < position; i++)
    result[i] = g_strdup (strv[i]);
  result[position] = g_strdup (value);
  for (guint i = position; i < n; i++)
    result[i + 1] = g_strdup (strv[i]);
  return result;
}

G_END_DECLS
