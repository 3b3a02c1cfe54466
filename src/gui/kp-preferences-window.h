/* kp-preferences-window.h — Kursplan's preferences: the language of the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KP_TYPE_PREFERENCES_WINDOW (kp_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (KpPreferencesWindow, kp_preferences_window, KP, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

KpPreferencesWindow *kp_preferences_window_new (GSettings *settings);

G_END_DECLS
