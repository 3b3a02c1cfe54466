/* kp-score-chart.c — one question's answers as bars: the midway form beside the final one
 *
 * For each scale point (1–5, or 0–10) two bars side by side, midway (light) and final (the
 * accent colour), each as tall as its share of that form's answers, with its count above it.
 * Over the bars, the means and medians in Norwegian notation ("Midway 4,0 (median 4) · Final 4,4
 * (median 4,5)"), or "No responses". The numbers come from kp-evaluation-summary; this widget
 * only draws them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-score-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "kp-evaluation.h"
#include "kp-evaluation-summary.h"
#include "kp-score-chart.h"

#define CHART_WIDTH 280
#define BAR_AREA_HEIGHT 96
#define BAR_WIDTH 14
#define NARROW_BAR_WIDTH 8   /* for the eleven points of 0–10 */
#define BAR_GAP 2
#define SPACING 6

struct _KpScoreChart
{
  GtkWidget  parent_instance;

  KpEvaluationScale scale;
  guint      midway[KP_SCALE_MAX_POINTS];
  guint      final[KP_SCALE_MAX_POINTS];
  gboolean   has_midway;
  gboolean   has_final;
  char      *summary;   /* the means line, as drawn */
};

G_DEFINE_FINAL_TYPE (KpScoreChart, kp_score_chart, GTK_TYPE_WIDGET)

GtkWidget *
kp_score_chart_new (void)
{
  return g_object_new (KP_TYPE_SCORE_CHART, NULL);
}

/* "4,4 (median 4,5)": the answers are ordinal, so the median stands beside the mean. */
static char *
describe (const guint       *counts,
          KpEvaluationScale  scale)
{
  g_autofree char *mean = kp_evaluation_summary_format_mean (counts, scale);
  g_autofree char *median = kp_evaluation_summary_format_median (counts, scale);

  /* Translators: a mean, then the median of the same answers: "4,4 (median 4,5)" */
  return g_strdup_printf (_("%s (median %s)"), mean, median);
}

static void
update_summary (KpScoreChart *self)
{
  g_autofree char *midway = NULL;
  g_autofree char *final = NULL;

  g_free (self->summary);
  if (!self->has_midway && !self->has_final)
    self->summary = g_strdup (_("No responses"));
  else if (!self->has_final)
    {
      midway = describe (self->midway, self->scale);
      /* Translators: the mean and median of the midway forms' answers, "Midway 4,4 (median 4)" */
      self->summary = g_strdup_printf (_("Midway %s"), midway);
    }
  else if (!self->has_midway)
    {
      final = describe (self->final, self->scale);
      /* Translators: the mean and median of the final forms' answers, "Final 4,4 (median 4)" */
      self->summary = g_strdup_printf (_("Final %s"), final);
    }
  else
    {
      midway = describe (self->midway, self->scale);
      final = describe (self->final, self->scale);
      /* Translators: the midway and the final forms' means and medians, "Midway 4,0 (median 4) ·
       * Final 4,4 (median 4,5)" */
      self->summary = g_strdup_printf (_("Midway %s · Final %s"), midway, final);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->summary, -1);
}

/**
 * kp_score_chart_set_counts:
 * @scale: the scale both forms were answered on
 * @midway: (nullable): the midway forms' counts, one for each point of @scale from the lowest
 * @final: (nullable): the final forms' counts
 */
void
kp_score_chart_set_counts (KpScoreChart      *self,
                           KpEvaluationScale  scale,
                           const guint       *midway,
                           const guint       *final)
{
  guint n_points = kp_evaluation_scale_get_n_points (scale);

  g_return_if_fail (KP_IS_SCORE_CHART (self));

  if (self->scale != scale)
    gtk_widget_queue_resize (GTK_WIDGET (self));
  self->scale = scale;
  for (guint i = 0; i < KP_SCALE_MAX_POINTS; i++)
    {
      self->midway[i] = midway != NULL && i < n_points ? midway[i] : 0;
      self->final[i] = final != NULL && i < n_points ? final[i] : 0;
    }
  self->has_midway = kp_evaluation_summary_count_answers (self->midway, scale) > 0;
  self->has_final = kp_evaluation_summary_count_answers (self->final, scale) > 0;
  update_summary (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * kp_score_chart_get_summary:
 *
 * Returns: the means and medians as the chart writes them: "Midway 4,0 (median 4) · Final 4,4
 *   (median 4,5)" or "No responses"
 */
const char *
kp_score_chart_get_summary (KpScoreChart *self)
{
  g_return_val_if_fail (KP_IS_SCORE_CHART (self), NULL);
  return self->summary;
}

static int
line_height (GtkWidget *widget)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, "1");
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

static int
bar_width (KpScoreChart *self)
{
  return self->scale == KP_EVALUATION_SCALE_0_TO_10 ? NARROW_BAR_WIDTH : BAR_WIDTH;
}

static void
kp_score_chart_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      KpScoreChart *self = KP_SCORE_CHART (widget);

      *minimum = kp_evaluation_scale_get_n_points (self->scale) *
                 (2 * bar_width (self) + BAR_GAP + SPACING);
      *natural = CHART_WIDTH;
    }
  else
    /* The means, the counts over the bars, the bars, the scale points under them, the key. */
    *minimum = *natural = 4 * line_height (widget) + BAR_AREA_HEIGHT + 3 * SPACING;
}

static void
set_source (cairo_t       *cr,
            const GdkRGBA *color,
            double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static void
show_text (cairo_t    *cr,
           GtkWidget  *widget,
           const char *text,
           double      center_x,
           double      y)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  cairo_move_to (cr, center_x - width / 2.0, y);
  pango_cairo_show_layout (cr, layout);
}

/* Which colour is which form, centred under the scale points. */
static void
draw_key (cairo_t       *cr,
          GtkWidget     *widget,
          const GdkRGBA *color,
          const GdkRGBA *accent,
          int            width,
          double         y)
{
  const char *names[] = { _("Midway"), _("Final") };
  const double alphas[] = { 0.4, 1.0 };
  PangoLayout *layouts[G_N_ELEMENTS (names)];
  int line, name_width[G_N_ELEMENTS (names)], total = 0;
  double x;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      layouts[i] = gtk_widget_create_pango_layout (widget, names[i]);
      pango_layout_get_pixel_size (layouts[i], &name_width[i], &line);
      total += BAR_WIDTH / 2 + SPACING + name_width[i] + (i > 0 ? 3 * SPACING : 0);
    }

  x = (width - total) / 2.0;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (i > 0)
        x += 3 * SPACING;
      set_source (cr, accent, alphas[i]);
      cairo_rectangle (cr, x, y + (line - BAR_WIDTH / 2.0) / 2, BAR_WIDTH / 2.0, BAR_WIDTH / 2.0);
      cairo_fill (cr);
      x += BAR_WIDTH / 2.0 + SPACING;
      set_source (cr, color, 0.7);
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, layouts[i]);
      x += name_width[i];
      g_object_unref (layouts[i]);
    }
}

static void
kp_score_chart_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  KpScoreChart *self = KP_SCORE_CHART (widget);
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int line = line_height (widget);
  double shares_midway[KP_SCALE_MAX_POINTS], shares_final[KP_SCALE_MAX_POINTS];
  guint n_points = kp_evaluation_scale_get_n_points (self->scale);
  int bar = bar_width (self);
  double slot, base, bar_area, max_share = 0;
  GdkRGBA color, accent;
  g_autoptr(PangoLayout) layout = NULL;
  cairo_t *cr;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (style, &color);
  if (!gtk_style_context_lookup_color (style, "accent_bg_color", &accent))
    gdk_rgba_parse (&accent, "#3584e4");
  G_GNUC_END_IGNORE_DEPRECATIONS

  kp_evaluation_summary_get_shares (self->midway, self->scale, shares_midway);
  kp_evaluation_summary_get_shares (self->final, self->scale, shares_final);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* The means, over the bars. */
  layout = gtk_widget_create_pango_layout (widget, self->summary);
  set_source (cr, &color, 1.0);
  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout (cr, layout);

  /* The tallest bar fills the height the chart has; the others are in proportion to it. */
  for (guint i = 0; i < n_points; i++)
    max_share = MAX (max_share, MAX (shares_midway[i], shares_final[i]));
  if (max_share <= 0)
    max_share = 1;
  bar_area = MAX (height - 4 * line - 3 * SPACING, 1);
  slot = (double) width / n_points;
  base = 2 * line + SPACING + bar_area;

  /* The baseline. */
  set_source (cr, &color, 0.3);
  cairo_rectangle (cr, 0, base, width, 1);
  cairo_fill (cr);

  for (guint i = 0; i < n_points; i++)
    {
      double center = slot * i + slot / 2;
      double x_midway = center - bar - BAR_GAP / 2.0;
      double x_final = center + BAR_GAP / 2.0;
      double h_midway = shares_midway[i] / max_share * bar_area;
      double h_final = shares_final[i] / max_share * bar_area;
      char text[16];

      if (self->has_midway)
        {
          set_source (cr, &accent, 0.4);
          cairo_rectangle (cr, x_midway, base - h_midway, bar, h_midway);
          cairo_fill (cr);
          set_source (cr, &color, 0.7);
          g_snprintf (text, sizeof text, "%u", self->midway[i]);
          show_text (cr, widget, text, x_midway + bar / 2.0, base - h_midway - line);
        }
      if (self->has_final)
        {
          set_source (cr, &accent, 1.0);
          cairo_rectangle (cr, x_final, base - h_final, bar, h_final);
          cairo_fill (cr);
          set_source (cr, &color, 1.0);
          g_snprintf (text, sizeof text, "%u", self->final[i]);
          show_text (cr, widget, text, x_final + bar / 2.0, base - h_final - line);
        }

      /* The scale point under its pair of bars. */
      set_source (cr, &color, 0.55);
      g_snprintf (text, sizeof text, "%u", i + kp_evaluation_scale_get_lowest (self->scale));
      show_text (cr, widget, text, center, base + SPACING / 2.0);
    }

  draw_key (cr, widget, &color, &accent, width, base + line + 3 * SPACING / 2.0);
  cairo_destroy (cr);
}

static void
kp_score_chart_finalize (GObject *object)
{
  KpScoreChart *self = KP_SCORE_CHART (object);

  g_free (self->summary);

  G_OBJECT_CLASS (kp_score_chart_parent_class)->finalize (object);
}

static void
kp_score_chart_class_init (KpScoreChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = kp_score_chart_finalize;
  widget_class->measure = kp_score_chart_measure;
  widget_class->snapshot = kp_score_chart_snapshot;

  gtk_widget_class_set_css_name (widget_class, "scorechart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
kp_score_chart_init (KpScoreChart *self)
{
  update_summary (self);
}
