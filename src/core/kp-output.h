/* kp-output.h — writing an export where the user asked: a file replaced whole, or a device,
 * pipe or standard output written into
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean kp_output_write_path (const char  *path,
                               const void  *data,
                               gsize        size,
                               GError     **error);
gboolean kp_output_write_file (GFile       *file,
                               GBytes      *bytes,
                               GError     **error);

G_END_DECLS
