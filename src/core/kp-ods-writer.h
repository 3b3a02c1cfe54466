/* kp-ods-writer.h — one sheet of an OpenDocument spreadsheet (.ods), built row by row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _KpOdsWriter KpOdsWriter;

KpOdsWriter *kp_ods_writer_new        (const char  *sheet_name);
void         kp_ods_writer_free       (KpOdsWriter *self);
void         kp_ods_writer_add_text   (KpOdsWriter *self,
                                       const char  *text);
void         kp_ods_writer_add_number (KpOdsWriter *self,
                                       double       value);
void         kp_ods_writer_end_row    (KpOdsWriter *self);
GBytes      *kp_ods_writer_finish     (KpOdsWriter *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KpOdsWriter, kp_ods_writer_free)

G_END_DECLS
