/* kp-doc-layout.h — a flow of typeset blocks, paginated for a page size and drawn page by page
 * onto any cairo_t: what the brochure and the plan document share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib-object.h>

G_BEGIN_DECLS

#define KP_DOC_FONT_FAMILY "Noto Sans"

typedef enum
{
  KP_DOC_STYLE_TITLE,       /* H1, on the banner at the top of the first page */
  KP_DOC_STYLE_SUBTITLE,    /* on the banner, under the title */
  KP_DOC_STYLE_HEADING,     /* H2 */
  KP_DOC_STYLE_SUBHEADING,  /* H3: a session's date and time */
  KP_DOC_STYLE_LEAD,        /* a strong paragraph: a session's theme */
  KP_DOC_STYLE_BODY,
  KP_DOC_STYLE_ITEM,        /* a list item with a bullet; inside a "L" group */
  KP_DOC_STYLE_FIELD,       /* a label in the left column, the value beside it */
  KP_DOC_STYLE_NOTE,        /* a closing remark, small and grey */
  KP_DOC_STYLE_LABEL,       /* H3: a small label over the value below it, in a column */
  KP_DOC_N_STYLES
} KpDocStyle;

typedef enum
{
  KP_DOC_BLOCK_NONE           = 0,
  KP_DOC_BLOCK_KEEP_WITH_NEXT = 1 << 0,  /* never the last thing on a page */
  KP_DOC_BLOCK_MUTED          = 1 << 1,  /* grey: a cancelled session */
  KP_DOC_BLOCK_BAR            = 1 << 2,  /* indented beside an accent bar, as a session is */
} KpDocBlockFlags;

typedef struct
{
  const char *title;
  const char *author;
  const char *subject;
  const char *keywords;
} KpDocMetadata;

#define KP_TYPE_DOC_LAYOUT (kp_doc_layout_get_type ())

G_DECLARE_FINAL_TYPE (KpDocLayout, kp_doc_layout, KP, DOC_LAYOUT, GObject)

KpDocLayout *kp_doc_layout_new            (const char           *language);
void         kp_doc_layout_add           (KpDocLayout          *self,
                                          KpDocStyle            style,
                                          KpDocBlockFlags       flags,
                                          const char           *label_markup,
                                          const char           *markup,
                                          const char           *uri);
void         kp_doc_layout_begin_group   (KpDocLayout          *self,
                                          const char           *tag);
void         kp_doc_layout_end_group     (KpDocLayout          *self);
void         kp_doc_layout_begin_columns (KpDocLayout          *self,
                                          gboolean              tinted);
void         kp_doc_layout_next_column   (KpDocLayout          *self);
void         kp_doc_layout_end_columns   (KpDocLayout          *self);
void         kp_doc_layout_set_footer    (KpDocLayout          *self,
                                          const char           *text,
                                          const char           *page_label);
guint        kp_doc_layout_paginate      (KpDocLayout          *self,
                                          double                width,
                                          double                height);
guint        kp_doc_layout_get_n_pages   (KpDocLayout          *self);
void         kp_doc_layout_draw_page     (KpDocLayout          *self,
                                          cairo_t              *cr,
                                          guint                 page);
GBytes      *kp_doc_layout_render_pdf    (KpDocLayout          *self,
                                          double                width,
                                          double                height,
                                          const KpDocMetadata  *metadata,
                                          GDateTime            *now,
                                          GError              **error);

G_END_DECLS
