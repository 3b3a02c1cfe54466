/* gui-shots.h — what the GUI tests share: running the main loop, opening the window on a test
 * database, and writing what it shows to build/tests/screenshots/NAME.png
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "gui-fixture.h"

G_BEGIN_DECLS

void        gui_shots_set_dir  (const char      *dir);
const char *gui_shots_get_dir  (void);
KpWindow   *open_window        (KpApplication  **app_out,
                                const char      *db_path,
                                int              width,
                                int              height);
void        close_window       (KpApplication   *app,
                                KpWindow        *window);
GdkTexture *render_window      (GtkWindow       *window);
void        save_shot          (GtkWindow       *window,
                                const char      *name);

G_END_DECLS
