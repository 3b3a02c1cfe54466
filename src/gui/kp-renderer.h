/* kp-renderer.h — draw with cairo, not OpenGL emulated on the CPU, on a machine with no GPU
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean kp_renderer_has_gpu            (const char *dev_dir);
gboolean kp_renderer_avoid_software_gl  (const char *dev_dir);

G_END_DECLS
