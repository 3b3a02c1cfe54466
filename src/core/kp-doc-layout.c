/* kp-doc-layout.c — a flow of typeset blocks, paginated for a page size and drawn page by page
 *
 * The blocks are measured with pango for the page size they are paginated for, then broken
 * between blocks, or between the lines of a long block, so nothing is ever clipped or lost.
 * Drawing knows nothing of the destination: a PDF surface, a print context or a widget snapshot.
 * Structure tags (H1, H2, P, L, LI, Link) make the PDF readable by screen readers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-doc-layout"

#include "config.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "kp-doc-layout.h"
#include "kp-error.h"
#include "kp-i18n.h"
#include "kp-pdf-ua.h"

/* The house look: a calm teal accent, near-black ink, generous margins. */
#define ACCENT_R 0.11
#define ACCENT_G 0.42
#define ACCENT_B 0.45
#define INK_R    0.13
#define INK_G    0.15
#define INK_B    0.17
#define MUTED_R  0.45
#define MUTED_G  0.48
#define MUTED_B  0.50

/* Every block is laid out at one font size and drawn scaled: pango resolves a font set for each
 * size it meets, and with hundreds of system fonts that costs about a millisecond each. Metrics
 * are unhinted, so scaling is exact. */
#define BASE_SIZE 10.0

typedef struct
{
  double       size;          /* points, on A4 */
  PangoWeight  weight;        /* regular or bold: every other face costs start-up time */
  double       space_before;
  double       space_after;
  double       line_spacing;  /* factor; 0 for pango's natural spacing */
  const char  *tag;           /* the PDF structure element */
} StyleInfo;

static const StyleInfo styles[KP_DOC_N_STYLES] = {
  [KP_DOC_STYLE_TITLE]       = { 24.0, PANGO_WEIGHT_BOLD,     0,   6, 1.1,  "H1" },
  [KP_DOC_STYLE_SUBTITLE]    = { 13.0, PANGO_WEIGHT_NORMAL,   0,   0, 1.25, "P" },
  [KP_DOC_STYLE_HEADING]     = { 14.0, PANGO_WEIGHT_BOLD,    16,   5, 1.2,  "H2" },
  [KP_DOC_STYLE_SUBHEADING]  = { 10.5, PANGO_WEIGHT_BOLD,     9,   1, 1.1,  "H3" },
  [KP_DOC_STYLE_LEAD]        = { 11.5, PANGO_WEIGHT_BOLD,     0,   3, 1.1,  "P" },
  [KP_DOC_STYLE_BODY]        = { 10.0, PANGO_WEIGHT_NORMAL,   0,   4, 1.15, "P" },
  [KP_DOC_STYLE_ITEM]        = { 10.0, PANGO_WEIGHT_NORMAL,   0, 0.5, 1.15, "LI" },
  [KP_DOC_STYLE_FIELD]       = { 10.0, PANGO_WEIGHT_NORMAL,   0,   1, 1.1,  "P" },
  [KP_DOC_STYLE_NOTE]        = {  9.5, PANGO_WEIGHT_NORMAL,  14,   0, 1.15, "P" },
  [KP_DOC_STYLE_LABEL]       = {  8.5, PANGO_WEIGHT_BOLD,     6,   0, 1.2,  "H3" },
};

typedef struct
{
  KpDocStyle       style;
  KpDocBlockFlags  flags;
  char            *label_markup;
  char            *markup;
  char            *uri;
  int              group;        /* index into groups, or -1 */
  guint            column;       /* 0: the full width; 1, 2, 3: a column of a panel */
  guint            n_columns;    /* of its panel, on this page size */
  gboolean         tinted;       /* the panel is a tinted box */

  /* Set by paginate. */
  PangoLayout     *layout;
  PangoLayout     *label;
  double           factor;       /* the layout's scale from BASE_SIZE */
  double           label_factor;
  double           x;            /* the text column */
  double           label_x;
  double           space_before;
  double           space_after;
  gboolean         in_panel;     /* laid out in its column; FALSE when the panel was too tall */
  guint            n_lines;
  double          *line_top;     /* n_lines + 1 entries: each line's top, then the bottom */
  double          *baseline;
  double          *line_x;
} Block;

typedef struct
{
  guint    page;
  double   y;
  double   height;
  gboolean tinted;
} Panel;

typedef struct
{
  guint  block;
  guint  first;   /* lines [first, last) of the block */
  guint  last;
  double y;       /* where line `first` starts on the page */
} Placement;

struct _KpDocLayout
{
  GObject       parent_instance;

  PangoContext *context;
  GArray       *blocks;         /* of Block */
  GPtrArray    *groups;         /* tags, "L" */
  int           open_group;
  guint         open_column;
  gboolean      open_tinted;
  char         *footer_text;
  char         *page_label;

  /* Set by paginate. */
  double        width;
  double        height;
  double        scale;          /* font scale: 1 on A4, smaller on A5 */
  double        margin;
  double        margin_bottom;
  double        banner_bottom;  /* 0 without a banner */
  GArray       *placements;     /* of Placement, page after page */
  GArray       *page_starts;    /* of guint: first placement of each page */
  GArray       *panels;         /* of Panel: the tinted boxes behind columns */
};

G_DEFINE_FINAL_TYPE (KpDocLayout, kp_doc_layout, G_TYPE_OBJECT)

static void
block_clear_layout (Block *block)
{
  g_clear_object (&block->layout);
  g_clear_object (&block->label);
  g_clear_pointer (&block->line_top, g_free);
  g_clear_pointer (&block->baseline, g_free);
  g_clear_pointer (&block->line_x, g_free);
  block->n_lines = 0;
}

static void
block_clear (gpointer data)
{
  Block *block = data;

  block_clear_layout (block);
  g_clear_pointer (&block->label_markup, g_free);
  g_clear_pointer (&block->markup, g_free);
  g_clear_pointer (&block->uri, g_free);
}

static void
kp_doc_layout_finalize (GObject *object)
{
  KpDocLayout *self = KP_DOC_LAYOUT (object);

  g_clear_object (&self->context);
  g_clear_pointer (&self->blocks, g_array_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->placements, g_array_unref);
  g_clear_pointer (&self->page_starts, g_array_unref);
  g_clear_pointer (&self->panels, g_array_unref);
  g_clear_pointer (&self->footer_text, g_free);
  g_clear_pointer (&self->page_label, g_free);

  G_OBJECT_CLASS (kp_doc_layout_parent_class)->finalize (object);
}

static void
kp_doc_layout_class_init (KpDocLayoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kp_doc_layout_finalize;
}

static void
kp_doc_layout_init (KpDocLayout *self)
{
  self->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (self->blocks, block_clear);
  self->groups = g_ptr_array_new_with_free_func (g_free);
  self->placements = g_array_new (FALSE, TRUE, sizeof (Placement));
  self->page_starts = g_array_new (FALSE, TRUE, sizeof (guint));
  self->panels = g_array_new (FALSE, TRUE, sizeof (Panel));
  self->open_group = -1;
}

/**
 * kp_doc_layout_new:
 * @language: the document's language ("nb", "se"): line breaking follows it
 *
 * Returns: (transfer full): an empty flow
 */
KpDocLayout *
kp_doc_layout_new (const char *language)
{
  KpDocLayout *self = g_object_new (KP_TYPE_DOC_LAYOUT, NULL);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Unhinted metrics at 72 dpi: one point is one unit, and the line breaks are the same on
   * paper, in the PDF and on screen at any zoom. */
  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  pango_cairo_context_set_resolution (self->context, 72.0);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  pango_context_set_language (self->context, pango_language_from_string (language));
  cairo_font_options_destroy (options);
  return self;
}

/**
 * kp_doc_layout_add:
 * @label_markup: (nullable): a field's label, or a list item's bullet (default "•")
 * @markup: pango markup; escape what the user wrote (g_markup_printf_escaped())
 * @uri: (nullable): makes the whole block a link
 */
void
kp_doc_layout_add (KpDocLayout     *self,
                   KpDocStyle       style,
                   KpDocBlockFlags  flags,
                   const char      *label_markup,
                   const char      *markup,
                   const char      *uri)
{
  Block block = { 0 };

  g_return_if_fail (KP_IS_DOC_LAYOUT (self));
  g_return_if_fail (style < KP_DOC_N_STYLES);
  g_return_if_fail (markup != NULL);

  block.style = style;
  block.flags = flags;
  block.label_markup = g_strdup (label_markup);
  block.markup = g_strdup (markup);
  block.uri = g_strdup (uri);
  block.group = self->open_group;
  block.column = self->open_column;
  block.tinted = self->open_tinted;
  g_array_append_val (self->blocks, block);
}

/* Groups the blocks added until kp_doc_layout_end_group() under one structure element ("L"). */
void
kp_doc_layout_begin_group (KpDocLayout *self,
                           const char  *tag)
{
  g_return_if_fail (KP_IS_DOC_LAYOUT (self));
  g_return_if_fail (self->open_group < 0);

  g_ptr_array_add (self->groups, g_strdup (tag));
  self->open_group = self->groups->len - 1;
}

void
kp_doc_layout_end_group (KpDocLayout *self)
{
  g_return_if_fail (KP_IS_DOC_LAYOUT (self));
  self->open_group = -1;
}

/* Sets the blocks added until kp_doc_layout_end_columns() side by side in up to three columns,
 * optionally on a tinted panel, read column by column; kp_doc_layout_next_column() moves to the
 * next one. On a small page the third column goes under the second. */
void
kp_doc_layout_begin_columns (KpDocLayout *self,
                             gboolean     tinted)
{
  g_return_if_fail (KP_IS_DOC_LAYOUT (self));
  self->open_column = 1;
  self->open_tinted = tinted;
}

void
kp_doc_layout_next_column (KpDocLayout *self)
{
  g_return_if_fail (KP_IS_DOC_LAYOUT (self));
  g_return_if_fail (self->open_column >= 1 && self->open_column < 3);
  self->open_column++;
}

void
kp_doc_layout_end_columns (KpDocLayout *self)
{
  g_return_if_fail (KP_IS_DOC_LAYOUT (self));
  self->open_column = 0;
}

/* What the foot of a document of several pages says: "Title", and "Side" before "2 / 3". */
void
kp_doc_layout_set_footer (KpDocLayout *self,
                          const char  *text,
                          const char  *page_label)
{
  g_return_if_fail (KP_IS_DOC_LAYOUT (self));

  g_free (self->footer_text);
  self->footer_text = g_strdup (text);
  g_free (self->page_label);
  self->page_label = g_strdup (page_label);
}

static double
style_factor (KpDocLayout *self,
              KpDocStyle   style)
{
  return styles[style].size * self->scale / BASE_SIZE;
}

/* A layout at BASE_SIZE for text that is drawn at style_factor() times that. */
static PangoLayout *
create_text_layout (KpDocLayout *self,
                    KpDocStyle   style,
                    const char  *markup,
                    double       width)
{
  const StyleInfo *info = &styles[style];
  PangoLayout *layout = pango_layout_new (self->context);
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();
  PangoAttrList *attrs;

  pango_font_description_set_family (font, KP_DOC_FONT_FAMILY);
  pango_font_description_set_weight (font, info->weight);
  pango_font_description_set_size (font, (int) (BASE_SIZE * PANGO_SCALE));
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width / style_factor (self, style) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (info->line_spacing > 0)
    pango_layout_set_line_spacing (layout, info->line_spacing);
  pango_layout_set_markup (layout, markup, -1);

  /* A word broken at the margin (a long address) must come out of the PDF whole. */
  attrs = pango_layout_get_attributes (layout);
  if (attrs != NULL)
    pango_attr_list_ref (attrs);
  else
    attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  return layout;
}

static void
measure_lines (Block *block)
{
  PangoLayoutIter *iter = pango_layout_get_iter (block->layout);
  guint n = pango_layout_get_line_count (block->layout);
  guint i = 0;

  block->n_lines = n;
  block->line_top = g_new0 (double, n + 1);
  block->baseline = g_new0 (double, n);
  block->line_x = g_new0 (double, n);
  do
    {
      PangoRectangle logical;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      block->line_top[i] = block->factor * logical.y / PANGO_SCALE;
      block->line_top[i + 1] = block->factor * (logical.y + logical.height) / PANGO_SCALE;
      block->baseline[i] = block->factor * pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      block->line_x[i] = block->factor * logical.x / PANGO_SCALE;
      i++;
    }
  while (i < n && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static guint
column_of (Block *block)
{
  return MIN (block->column, block->n_columns);
}

static void
layout_block (KpDocLayout *self,
              Block       *block)
{
  double content = self->width - 2 * self->margin;
  double x = self->margin;
  double label_width = 0;

  block_clear_layout (block);

  if (block->in_panel)
    {
      double pad = block->tinted ? 14 * self->scale : 0;
      double gutter = 22 * self->scale;

      content = (content - 2 * pad - (block->n_columns - 1) * gutter) / block->n_columns;
      x = self->margin + pad + (column_of (block) - 1) * (content + gutter);
    }
  if (block->flags & KP_DOC_BLOCK_BAR)
    {
      x += 14 * self->scale;
      content -= 14 * self->scale;
    }
  if (block->style == KP_DOC_STYLE_ITEM)
    label_width = 14 * self->scale;
  else if (block->style == KP_DOC_STYLE_FIELD && block->label_markup != NULL)
    label_width = MIN (130 * self->scale, content * 0.32);

  block->label_x = x;
  block->x = x + label_width;
  block->layout = create_text_layout (self, block->style, block->markup, content - label_width);
  block->factor = style_factor (self, block->style);
  if (block->style == KP_DOC_STYLE_ITEM)
    {
      block->label = create_text_layout (self, KP_DOC_STYLE_BODY,
                                         block->label_markup ? block->label_markup : "•",
                                         label_width);
      block->label_factor = style_factor (self, KP_DOC_STYLE_BODY);
    }
  else if (block->label_markup != NULL)
    {
      block->label = create_text_layout (self, KP_DOC_STYLE_SUBHEADING, block->label_markup,
                                         label_width - 8 * self->scale);
      block->label_factor = style_factor (self, KP_DOC_STYLE_SUBHEADING);
    }
  block->space_before = styles[block->style].space_before * self->scale;
  block->space_after = styles[block->style].space_after * self->scale;
  measure_lines (block);
}

static Block *
get_block (KpDocLayout *self,
           guint        i)
{
  return &g_array_index (self->blocks, Block, i);
}

static double
lines_height (Block *block,
              guint  first,
              guint  last)
{
  return block->line_top[last] - block->line_top[first];
}

/* The height of column blocks [start, end) from their first line to their last. */
static double
column_height (KpDocLayout *self,
               guint        start,
               guint        end,
               guint        column)
{
  double height = 0;
  gboolean first = TRUE;

  for (guint b = start; b < end; b++)
    {
      Block *block = get_block (self, b);

      if (column_of (block) != column)
        continue;
      if (!first)
        height += block->space_before;
      height += lines_height (block, 0, block->n_lines) + block->space_after;
      first = FALSE;
    }
  return height;
}

static double
panel_height (KpDocLayout *self,
              guint        start,
              guint        end)
{
  double pad = get_block (self, start)->tinted ? 12 * self->scale : 0;

  double height = 0;

  for (guint column = 1; column <= 3; column++)
    height = MAX (height, column_height (self, start, end, column));
  return height + 2 * pad;
}

/* The height block i needs on its page so that it is not left alone at the foot: itself, and
 * the start of what it keeps with (two lines of a paragraph, or the next kept chain). */
static double
height_kept_together (KpDocLayout *self,
                      guint        i)
{
  Block *block = get_block (self, i);
  double need = lines_height (block, 0, block->n_lines);

  if ((block->flags & KP_DOC_BLOCK_KEEP_WITH_NEXT) && i + 1 < self->blocks->len)
    {
      Block *next = get_block (self, i + 1);

      need += block->space_after + next->space_before;
      if (next->in_panel)
        {
          guint end = i + 1;

          while (end < self->blocks->len && get_block (self, end)->in_panel)
            end++;
          need += panel_height (self, i + 1, end);
        }
      else if (next->flags & KP_DOC_BLOCK_KEEP_WITH_NEXT)
        need += height_kept_together (self, i + 1);
      else
        need += lines_height (next, 0, MIN (2, next->n_lines));
    }
  return need;
}

static void
place (KpDocLayout *self,
       guint        block,
       guint        first,
       guint        last,
       double       y)
{
  Placement placement = { block, first, last, y };

  g_array_append_val (self->placements, placement);
}

static void
new_page (KpDocLayout *self)
{
  guint start = self->placements->len;

  g_array_append_val (self->page_starts, start);
}

/* Places the panel starting at block start whole, on a new page when it does not fit.
 * Returns the block after it. */
static guint
place_panel (KpDocLayout *self,
             guint        start,
             double      *y,
             gboolean    *fresh,
             double       top,
             double       bottom)
{
  guint end = start;
  double height, space = get_block (self, start)->space_before;
  Panel panel;

  while (end < self->blocks->len && get_block (self, end)->in_panel &&
         (end == start || get_block (self, end)->column >= get_block (self, end - 1)->column))
    end++;
  height = panel_height (self, start, end);
  if (!*fresh && *y + space + height > bottom)
    {
      new_page (self);
      *y = top;
      *fresh = TRUE;
    }
  if (!*fresh)
    *y += space;

  panel.page = self->page_starts->len - 1;
  panel.y = *y;
  panel.height = height;
  panel.tinted = get_block (self, start)->tinted;
  g_array_append_val (self->panels, panel);

  for (guint column = 1; column <= 3; column++)
    {
      double cy = *y + (panel.tinted ? 12 * self->scale : 0);
      gboolean first = TRUE;

      for (guint b = start; b < end; b++)
        {
          Block *block = get_block (self, b);

          if (column_of (block) != column)
            continue;
          if (!first)
            cy += block->space_before;
          place (self, b, 0, block->n_lines, cy);
          cy += lines_height (block, 0, block->n_lines) + block->space_after;
          first = FALSE;
        }
    }
  *y += height;
  *fresh = FALSE;
  return end;
}

static guint flow (KpDocLayout *self,
                   double       top,
                   double       bottom);

/**
 * kp_doc_layout_paginate:
 * @width: page width in points (A4: 595.28)
 * @height: page height in points (A4: 841.89)
 *
 * Measures every block for this page size and breaks the flow into pages. Call it again for
 * another size; kp_doc_layout_draw_page() draws what the last call laid out.
 *
 * Returns: the number of pages, at least 1
 */
guint
kp_doc_layout_paginate (KpDocLayout *self,
                        double       width,
                        double       height)
{
  double top, bottom;

  g_return_val_if_fail (KP_IS_DOC_LAYOUT (self), 0);
  g_return_val_if_fail (width > 100 && height > 100, 0);

  self->width = width;
  self->height = height;
  self->scale = width < 500 ? 0.86 : 1.0;
  self->margin = width < 500 ? 36 : 52;
  top = self->margin;
  bottom = height - self->margin - 12 * self->scale;

  for (guint b = 0; b < self->blocks->len;)
    {
      guint end = b + 1, n_columns = get_block (self, b)->column;

      while (n_columns > 0 && end < self->blocks->len &&
             get_block (self, end)->column >= get_block (self, end - 1)->column)
        n_columns = get_block (self, end++)->column;
      for (; b < end; b++)
        {
          Block *block = get_block (self, b);

          block->n_columns = MIN (n_columns, width < 500 ? 2 : 3);
          block->in_panel = block->column != 0;
          layout_block (self, block);
        }
    }
  /* A panel taller than a page falls back to the flow, where it can break between lines. */
  for (guint b = 0; b < self->blocks->len;)
    {
      guint end = b;

      if (get_block (self, b)->column == 0)
        {
          b++;
          continue;
        }
      while (end < self->blocks->len && get_block (self, end)->column != 0)
        end++;
      if (panel_height (self, b, end) > bottom - top)
        for (guint c = b; c < end; c++)
          {
            get_block (self, c)->in_panel = FALSE;
            layout_block (self, get_block (self, c));
          }
      b = end;
    }

  /* Only a document of several pages has a footer: a one-page one may use its room. */
  self->margin_bottom = self->margin * 0.7;
  if (flow (self, top, height - self->margin_bottom) > 1)
    {
      self->margin_bottom = self->margin + 12 * self->scale;
      flow (self, top, height - self->margin_bottom);
    }
  return self->page_starts->len;
}

static guint
flow (KpDocLayout *self,
      double       top,
      double       bottom)
{
  gboolean fresh = TRUE;
  double y;
  guint i = 0;

  g_array_set_size (self->placements, 0);
  g_array_set_size (self->page_starts, 0);
  g_array_set_size (self->panels, 0);
  new_page (self);

  /* The banner: title and subtitle on the accent band at the top of the first page. */
  self->banner_bottom = 0;
  y = self->margin * 0.7;
  for (; i < self->blocks->len; i++)
    {
      Block *block = get_block (self, i);

      if (block->style != KP_DOC_STYLE_TITLE && block->style != KP_DOC_STYLE_SUBTITLE)
        break;
      place (self, i, 0, block->n_lines, y);
      y += lines_height (block, 0, block->n_lines) + block->space_after;
      self->banner_bottom = y + self->margin * 0.45;
    }
  y = self->banner_bottom > 0 ? self->banner_bottom + 8 * self->scale : top;

  for (; i < self->blocks->len; i++)
    {
      Block *block = get_block (self, i);
      guint line = 0;

      if (block->in_panel)
        {
          i = place_panel (self, i, &y, &fresh, top, bottom) - 1;
          continue;
        }

      if (!fresh)
        {
          double need = block->space_before + height_kept_together (self, i);

          if (y + need > bottom && need <= bottom - top)
            {
              new_page (self);
              y = top;
              fresh = TRUE;
            }
        }
      if (!fresh)
        y += block->space_before;

      while (line < block->n_lines)
        {
          guint fit = line;

          while (fit < block->n_lines && y + lines_height (block, line, fit + 1) <= bottom)
            fit++;

          if (fit == block->n_lines)
            {
              place (self, i, line, fit, y);
              y += lines_height (block, line, fit);
              break;
            }

          /* Keep at least two lines together on each side of a break, unless the page is
           * empty and the line must go somewhere. */
          if (block->n_lines - fit < 2 && fit - line > 2)
            fit--;
          if (fit - line >= 2 || (fresh && fit > line))
            {
              place (self, i, line, fit, y);
              line = fit;
            }
          else if (fresh)
            {
              /* Not even one line fits a fresh page: place it anyway rather than lose it. */
              place (self, i, line, line + 1, y);
              line++;
            }
          new_page (self);
          y = top;
          fresh = TRUE;
        }

      y += block->space_after;
      fresh = FALSE;
    }

  return self->page_starts->len;
}

guint
kp_doc_layout_get_n_pages (KpDocLayout *self)
{
  g_return_val_if_fail (KP_IS_DOC_LAYOUT (self), 0);
  return self->page_starts->len;
}

static void
set_color (cairo_t *cr,
           Block   *block)
{
  if (block->flags & KP_DOC_BLOCK_MUTED)
    cairo_set_source_rgb (cr, MUTED_R, MUTED_G, MUTED_B);
  else if (block->style == KP_DOC_STYLE_TITLE)
    cairo_set_source_rgb (cr, 1, 1, 1);
  else if (block->style == KP_DOC_STYLE_SUBTITLE)
    cairo_set_source_rgb (cr, 0.87, 0.94, 0.94);
  else if (block->style == KP_DOC_STYLE_HEADING || block->style == KP_DOC_STYLE_SUBHEADING ||
           block->style == KP_DOC_STYLE_LABEL)
    cairo_set_source_rgb (cr, ACCENT_R, ACCENT_G, ACCENT_B);
  else if (block->style == KP_DOC_STYLE_NOTE)
    cairo_set_source_rgb (cr, MUTED_R, MUTED_G, MUTED_B);
  else
    cairo_set_source_rgb (cr, INK_R, INK_G, INK_B);
}

/* cairo's attribute strings quote with ' and escape with \ */
static char *
link_attributes (const char *uri)
{
  GString *out = g_string_new ("uri='");

  for (const char *p = uri; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '\'');
  return g_string_free (out, FALSE);
}

/* Draws a layout made at BASE_SIZE at its style's size: x, y in points, y at the top. */
static void
show_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       factor,
             double       x,
             double       y)
{
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, factor, factor);
  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

/* The same for one line: x at its start, y on its baseline. */
static void
show_layout_line (cairo_t         *cr,
                  PangoLayoutLine *line,
                  double           factor,
                  double           x,
                  double           y)
{
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, factor, factor);
  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout_line (cr, line);
  cairo_restore (cr);
}

static void
draw_placement (KpDocLayout     *self,
                cairo_t         *cr,
                const Placement *placement,
                guint            page)
{
  Block *block = get_block (self, placement->block);
  const char *tag = styles[block->style].tag;
  double origin = placement->y - block->line_top[placement->first];

  if (block->style == KP_DOC_STYLE_HEADING && placement->first == 0)
    {
      cairo_surface_t *target = cairo_get_target (cr);

      /* A short accent rule over each heading. */
      cairo_set_source_rgb (cr, ACCENT_R, ACCENT_G, ACCENT_B);
      cairo_rectangle (cr, block->x, placement->y - 6 * self->scale, 26 * self->scale,
                       2.2 * self->scale);
      cairo_fill (cr);

      if (cairo_surface_get_type (target) == CAIRO_SURFACE_TYPE_PDF)
        {
          g_autofree char *link = g_strdup_printf ("page=%u pos=[%d %d]", page + 1,
                                                   (int) block->x, (int) placement->y);

          cairo_pdf_surface_add_outline (target, CAIRO_PDF_OUTLINE_ROOT,
                                         pango_layout_get_text (block->layout), link, 0);
        }
    }

  cairo_tag_begin (cr, tag, NULL);
  if (block->style == KP_DOC_STYLE_ITEM)
    {
      if (placement->first == 0)
        {
          cairo_tag_begin (cr, "Lbl", NULL);
          cairo_set_source_rgb (cr, ACCENT_R, ACCENT_G, ACCENT_B);
          show_layout (cr, block->label, block->label_factor, block->label_x, origin);
          cairo_tag_end (cr, "Lbl");
        }
      cairo_tag_begin (cr, "LBody", NULL);
    }
  else if (block->label != NULL && placement->first == 0)
    {
      cairo_set_source_rgb (cr, ACCENT_R, ACCENT_G, ACCENT_B);
      show_layout (cr, block->label, block->label_factor, block->label_x,
                   origin + block->baseline[0] -
                   block->label_factor * pango_layout_get_baseline (block->label) / PANGO_SCALE);
    }

  if (block->uri != NULL)
    {
      g_autofree char *attributes = link_attributes (block->uri);

      cairo_tag_begin (cr, CAIRO_TAG_LINK, attributes);
    }
  set_color (cr, block);
  for (guint line = placement->first; line < placement->last; line++)
    {
      show_layout_line (cr, pango_layout_get_line_readonly (block->layout, line), block->factor,
                        block->x + block->line_x[line], origin + block->baseline[line]);
    }
  if (block->uri != NULL)
    cairo_tag_end (cr, CAIRO_TAG_LINK);

  if (block->style == KP_DOC_STYLE_ITEM)
    cairo_tag_end (cr, "LBody");
  cairo_tag_end (cr, tag);
}

static void
draw_footer (KpDocLayout *self,
             cairo_t     *cr,
             guint        page)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *text = NULL;
  double content = self->width - 2 * self->margin;

  if (self->page_starts->len < 2)
    return;

  text = g_markup_printf_escaped ("%s<span foreground=\"#1c6b73\"> · </span>%s %u / %u",
                                  self->footer_text ? self->footer_text : "",
                                  self->page_label ? self->page_label : "",
                                  page + 1, self->page_starts->len);
  layout = create_text_layout (self, KP_DOC_STYLE_NOTE, text, content);
  pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  cairo_set_source_rgb (cr, MUTED_R, MUTED_G, MUTED_B);
  show_layout (cr, layout, style_factor (self, KP_DOC_STYLE_NOTE), self->margin,
               self->height - self->margin_bottom + 14 * self->scale);
}

/**
 * kp_doc_layout_draw_page:
 * @cr: any cairo context, in points: a PDF surface, a print context, a widget snapshot
 * @page: 0-based, below the count kp_doc_layout_paginate() gave
 */
void
kp_doc_layout_draw_page (KpDocLayout *self,
                         cairo_t     *cr,
                         guint        page)
{
  guint start, end;
  int open_group = -1;
  gboolean previous_bar = FALSE;
  double previous_bottom = 0;

  g_return_if_fail (KP_IS_DOC_LAYOUT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->page_starts->len);

  start = g_array_index (self->page_starts, guint, page);
  end = page + 1 < self->page_starts->len
        ? g_array_index (self->page_starts, guint, page + 1)
        : self->placements->len;

  cairo_save (cr);

  if (page == 0 && self->banner_bottom > 0)
    {
      cairo_set_source_rgb (cr, ACCENT_R, ACCENT_G, ACCENT_B);
      cairo_rectangle (cr, 0, 0, self->width, self->banner_bottom);
      cairo_fill (cr);
    }

  for (guint i = 0; i < self->panels->len; i++)
    {
      const Panel *panel = &g_array_index (self->panels, Panel, i);

      if (panel->page != page || !panel->tinted)
        continue;
      cairo_set_source_rgb (cr, 0.92, 0.96, 0.96);
      cairo_rectangle (cr, self->margin, panel->y, self->width - 2 * self->margin, panel->height);
      cairo_fill (cr);
    }

  for (guint p = start; p < end; p++)
    {
      const Placement *placement = &g_array_index (self->placements, Placement, p);
      Block *block = get_block (self, placement->block);
      double bottom = placement->y + lines_height (block, placement->first, placement->last);

      if (block->group != open_group)
        {
          if (open_group >= 0)
            cairo_tag_end (cr, g_ptr_array_index (self->groups, open_group));
          if (block->group >= 0)
            cairo_tag_begin (cr, g_ptr_array_index (self->groups, block->group), NULL);
          open_group = block->group;
        }

      if (block->flags & KP_DOC_BLOCK_BAR)
        {
          double bar_top = previous_bar ? previous_bottom : placement->y + 1.5 * self->scale;

          cairo_set_source_rgb (cr, 0.80, 0.89, 0.90);
          cairo_rectangle (cr, self->margin, bar_top, 3 * self->scale, bottom - bar_top);
          cairo_fill (cr);
        }
      previous_bar = (block->flags & KP_DOC_BLOCK_BAR) != 0;
      previous_bottom = bottom;

      draw_placement (self, cr, placement, page);
    }
  if (open_group >= 0)
    cairo_tag_end (cr, g_ptr_array_index (self->groups, open_group));

  draw_footer (self, cr, page);
  cairo_restore (cr);
}

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * kp_doc_layout_render_pdf:
 * @now: the creation date written into the PDF: the same input gives the same bytes
 *
 * Returns: (transfer full): the tagged PDF, fonts embedded and subset
 */
GBytes *
kp_doc_layout_render_pdf (KpDocLayout          *self,
                          double                width,
                          double                height,
                          const KpDocMetadata  *metadata,
                          GDateTime            *now,
                          GError              **error)
{
  g_autoptr(GByteArray) array = g_byte_array_new ();
  g_autoptr(GBytes) tagged = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *date = NULL;
  g_autofree char *creator = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint n_pages;

  g_return_val_if_fail (KP_IS_DOC_LAYOUT (self), NULL);
  g_return_val_if_fail (metadata != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  surface = cairo_pdf_surface_create_for_stream (append_to_array, array, width, height);
  utc = g_date_time_to_utc (now);
  date = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  creator = g_strdup_printf ("Kursplan %s", PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, metadata->title);
  if (metadata->author != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, metadata->author);
  if (metadata->subject != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, metadata->subject);
  if (metadata->keywords != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_KEYWORDS, metadata->keywords);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, date);

  n_pages = kp_doc_layout_paginate (self, width, height);
  /* cairo 1.16 cannot write the document language (/Lang): kp_pdf_ua_finish adds it, with
   * the rest PDF/UA asks for, through libqpdf. */
  cr = cairo_create (surface);
  /* cairo marks the PDF as tagged only under a top-level "Document" element. */
  cairo_tag_begin (cr, "Document", NULL);
  for (guint page = 0; page < n_pages; page++)
    {
      kp_doc_layout_draw_page (self, cr, page);
      if (page + 1 == n_pages)
        cairo_tag_end (cr, "Document");
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, KP_ERROR, KP_ERROR_FAILED, _("Could not draw the PDF: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }
  tagged = g_byte_array_free_to_bytes (g_steal_pointer (&array));
  return kp_pdf_ua_finish (tagged, metadata->title,
                           pango_language_to_string (pango_context_get_language (self->context)),
                           NULL, error);
}
