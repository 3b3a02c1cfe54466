/* kp-course-row.c — one course in the sidebar: title and term, dates, status and method progress
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-course-row"

#include "config.h"

#include <glib/gi18n.h>

#include "kp-course-row.h"
#include "kp-time.h"
#include "kp-ui-language.h"

/* One widget that draws its text, rather than labels in boxes: the course list keeps up to 200
 * rows and makes them anew whenever a search reshuffles it, and eight widgets a row, each laid
 * out, was most of the time a keystroke took. Rows are sized from the font's metrics, and only
 * the rows on screen lay out their text. */
struct _KpCourseRow
{
  GtkWidget        parent_instance;

  KpCourseSummary *summary;

  char            *title;
  char            *term;       /* "autumn 2027": tells a course from its next run, same title */
  char            *dates;
  const char      *status;
  char            *progress;   /* "12 of 20", or NULL when no checks are counted */
  double           fraction;
};

/* Between the lines, and between the bar and its count, as Adwaita spaces a row's labels. */
#define LINE_SPACING 3
#define COLUMN_SPACING 6
#define BAR_HEIGHT 4
/* Adwaita's .caption and .dim-label */
#define CAPTION_SCALE 0.82
#define DIM_ALPHA 0.55

G_DEFINE_FINAL_TYPE (KpCourseRow, kp_course_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
kp_course_row_new (void)
{
  return g_object_new (KP_TYPE_COURSE_ROW, NULL);
}

/**
 * kp_course_row_format_dates:
 * @first: (nullable): when the first session starts
 * @last: (nullable): when the last session starts
 *
 * Returns: (transfer full): the span of the course, "4–25 March 2027" in English and
 *   "4.–25. mars 2027" in Bokmål, or a phrase when there are no sessions yet
 */
char *
kp_course_row_format_dates (GDateTime *first,
                            GDateTime *last)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  gboolean same_year, same_month;

  if (first == NULL || last == NULL)
    return g_strdup (_("No sessions yet"));

  same_year = g_date_time_get_year (first) == g_date_time_get_year (last);
  same_month = same_year && g_date_time_get_month (first) == g_date_time_get_month (last);
  if (same_month && g_date_time_get_day_of_month (first) != g_date_time_get_day_of_month (last))
    /* Translators: the last day of a span within one month, "25 March 2027" in
     * "4–25 March 2027", see g_date_time_format(); Norwegian "%-d. %B %Y". Where the month
     * comes before the day, let the first day carry it: North Sami "%-d. b. %Y" here and
     * "%B %-d." for the first day, "njukčamánu 4.–25. b. 2027" */
    to = kp_ui_language_format_date (last, C_("last day of a span", "%-d %B %Y"));
  else
    /* Translators: a date as g_date_time_format() writes it: "4 March 2027"; Norwegian
     * "%-d. %B %Y" */
    to = kp_ui_language_format_date (last, _("%-d %B %Y"));
  if (same_month && g_date_time_get_day_of_month (first) == g_date_time_get_day_of_month (last))
    return g_steal_pointer (&to);

  if (same_month)
    /* Translators: the first day of a span within one month, "4" in "4–25 March 2027";
     * Norwegian "%-d."; North Sami "%B %-d.", see "last day of a span"
     * xgettext:no-c-format */
    from = kp_ui_language_format_date (first, _("%-d"));
  else if (same_year)
    /* Translators: the first day of a span within one year, "4 March" in
     * "4 March – 2 April 2027"; Norwegian "%-d. %B" */
    from = kp_ui_language_format_date (first, _("%-d %B"));
  else
    from = kp_ui_language_format_date (first, _("%-d %B %Y"));

  if (same_month)
    /* Translators: a span of days within one month: no spaces round the dash */
    return g_strdup_printf (C_("date span", "%s–%s"), from, to);
  /* Translators: a span of dates across months: spaces round the dash */
  return g_strdup_printf (C_("date span", "%s – %s"), from, to);
}

static void
kp_course_row_update (KpCourseRow *self)
{
  g_autofree char *description = NULL;
  g_autofree char *named = NULL;
  const char *title;
  guint met, total;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->term, g_free);
  g_clear_pointer (&self->dates, g_free);
  g_clear_pointer (&self->progress, g_free);
  self->status = NULL;
  self->fraction = 0.0;

  if (self->summary != NULL)
    {
      title = kp_course_summary_get_title (self->summary);
      self->title = g_strdup (title != NULL && *title != '\0' ? title : _("Untitled course"));
      self->term = kp_time_format_term (kp_course_summary_get_first_start (self->summary));
      named = self->term != NULL
              /* Translators: a course's title and its term, as a screen reader says the row:
               * "Leve med diabetes type 2, spring 2027" */
              ? g_strdup_printf (C_("course and term", "%s, %s"), self->title, self->term)
              : g_strdup (self->title);
      self->dates = kp_course_row_format_dates (kp_course_summary_get_first_start (self->summary),
                                                kp_course_summary_get_last_start (self->summary));
      self->status = kp_course_status_get_label (kp_course_summary_get_status (self->summary));

      met = kp_course_summary_get_checks_met (self->summary);
      total = kp_course_summary_get_checks_total (self->summary);
      /* No checks counted: show no progress rather than an empty bar. */
      if (total > 0)
        {
          /* Translators: how many of Standard metode's requirements a course meets; "12 of 20" */
          self->progress = g_strdup_printf (_("%u of %u"), met, total);
          self->fraction = MIN (1.0, (double) met / total);
          /* Translators: %s is a course title, then its dates, its status and "12 of 20" */
          description = g_strdup_printf (_("%s, %s, %s, %s requirements of the method met"),
                                         named, self->dates, self->status,
                                         self->progress);
        }
      else
        /* Translators: %s is a course title, then its dates and its status */
        description = g_strdup_printf (_("%s, %s, %s"), named, self->dates, self->status);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                      -1);
    }

  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * kp_course_row_get_dates:
 *
 * Returns: (transfer none) (nullable): the span of dates the row shows under the title
 */
const char *
kp_course_row_get_dates (KpCourseRow *self)
{
  g_return_val_if_fail (KP_IS_COURSE_ROW (self), NULL);
  return self->dates;
}

/**
 * kp_course_row_get_term:
 *
 * Returns: (transfer none) (nullable): the term the row shows beside the title, "autumn 2027"
 */
const char *
kp_course_row_get_term (KpCourseRow *self)
{
  g_return_val_if_fail (KP_IS_COURSE_ROW (self), NULL);
  return self->term;
}

/**
 * kp_course_row_get_summary:
 *
 * Returns: (transfer none) (nullable): what the row shows
 */
KpCourseSummary *
kp_course_row_get_summary (KpCourseRow *self)
{
  g_return_val_if_fail (KP_IS_COURSE_ROW (self), NULL);
  return self->summary;
}

void
kp_course_row_set_summary (KpCourseRow     *self,
                           KpCourseSummary *summary)
{
  g_return_if_fail (KP_IS_COURSE_ROW (self));
  g_return_if_fail (summary == NULL || KP_IS_COURSE_SUMMARY (summary));

  if (!g_set_object (&self->summary, summary))
    return;
  kp_course_row_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

static int
measure_line_height (PangoContext *context,
                     double        scale)
{
  PangoFontDescription *font = pango_font_description_copy (pango_context_get_font_description (context));
  PangoFontMetrics *metrics;
  int height;

  if (pango_font_description_get_size_is_absolute (font))
    pango_font_description_set_absolute_size (font, pango_font_description_get_size (font) * scale);
  else
    pango_font_description_set_size (font, pango_font_description_get_size (font) * scale);
  metrics = pango_context_get_metrics (context, font, NULL);
  height = PANGO_PIXELS_CEIL (pango_font_metrics_get_height (metrics));
  pango_font_metrics_unref (metrics);
  pango_font_description_free (font);
  return height;
}

/* The height of a line of text in the row's font, plain or as a caption: from the font's
 * metrics, so that the list can size its rows without laying out their text. Every row shares
 * one font, so the heights are kept until it changes. */
static int
line_height (GtkWidget *widget,
             gboolean   caption)
{
  static PangoFontDescription *cached_font;
  static double cached_resolution;
  static int heights[2];
  PangoContext *context = gtk_widget_get_pango_context (widget);
  const PangoFontDescription *font = pango_context_get_font_description (context);
  double resolution = pango_cairo_context_get_resolution (context);

  if (cached_font == NULL || !pango_font_description_equal (cached_font, font) ||
      cached_resolution != resolution)
    {
      g_clear_pointer (&cached_font, pango_font_description_free);
      cached_font = pango_font_description_copy (font);
      cached_resolution = resolution;
      heights[0] = measure_line_height (context, 1.0);
      heights[1] = measure_line_height (context, CAPTION_SCALE);
    }
  return heights[caption ? 1 : 0];
}

static void
kp_course_row_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  KpCourseRow *self = KP_COURSE_ROW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* Text ellipsizes: the sidebar decides the width. */
      *minimum = *natural = 0;
      return;
    }

  *minimum = line_height (widget, FALSE) + LINE_SPACING + line_height (widget, TRUE);
  if (self->progress != NULL)
    *minimum += LINE_SPACING + line_height (widget, TRUE);
  *natural = *minimum;
}

static PangoLayout *
make_layout (GtkWidget  *widget,
             const char *text,
             double      scale,
             gboolean    bold,
             int         width)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();

  if (scale != 1.0)
    pango_attr_list_insert (attributes, pango_attr_scale_new (scale));
  if (bold)
    pango_attr_list_insert (attributes, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attributes);
  if (width >= 0)
    {
      pango_layout_set_width (layout, MAX (width, 0) * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  return layout;
}

static void
draw_layout (GtkSnapshot   *snapshot,
             PangoLayout   *layout,
             int            x,
             int            y,
             const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
kp_course_row_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  KpCourseRow *self = KP_COURSE_ROW (widget);
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  int width = gtk_widget_get_width (widget);
  int title_height = line_height (widget, FALSE);
  int caption_height = line_height (widget, TRUE);
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) term = NULL;
  g_autoptr(PangoLayout) status = NULL;
  g_autoptr(PangoLayout) dates = NULL;
  GdkRGBA color, dim, accent;
  int status_width, term_width = 0, y;

  if (self->title == NULL)
    return;

  gtk_style_context_get_color (style, &color);
  dim = color;
  dim.alpha *= DIM_ALPHA;
  /* Adwaita's accent colour as text, for the status; dark style brings its own. */
  if (!gtk_style_context_lookup_color (style, "accent_color", &accent))
    accent = color;

  /* The term at the end of the title's line, never cut: a long title gives way to it. */
  if (self->term != NULL)
    {
      term = make_layout (widget, self->term, 1.0, FALSE, -1);
      pango_layout_get_pixel_size (term, &term_width, NULL);
      draw_layout (snapshot, term, width - term_width, 0, &dim);
      term_width += COLUMN_SPACING;
    }
  title = make_layout (widget, self->title, 1.0, TRUE, width - term_width);
  draw_layout (snapshot, title, 0, 0, &color);
  y = title_height + LINE_SPACING;

  status = make_layout (widget, self->status, CAPTION_SCALE, FALSE, -1);
  pango_layout_get_pixel_size (status, &status_width, NULL);
  draw_layout (snapshot, status, width - status_width, y, &accent);
  dates = make_layout (widget, self->dates, CAPTION_SCALE, FALSE,
                       width - status_width - COLUMN_SPACING);
  draw_layout (snapshot, dates, 0, y, &dim);
  y += caption_height + LINE_SPACING;

  if (self->progress != NULL)
    {
      g_autoptr(PangoLayout) count = make_layout (widget, self->progress, CAPTION_SCALE, FALSE, -1);
      int count_width, bar_width;
      GskRoundedRect trough;
      GdkRGBA trough_color = color;

      pango_layout_get_pixel_size (count, &count_width, NULL);
      draw_layout (snapshot, count, width - count_width, y, &dim);

      bar_width = MAX (width - count_width - COLUMN_SPACING, 0);
      trough_color.alpha *= 0.15;
      gsk_rounded_rect_init_from_rect (&trough,
                                       &GRAPHENE_RECT_INIT (0, y + (caption_height - BAR_HEIGHT) / 2,
                                                            bar_width, BAR_HEIGHT),
                                       BAR_HEIGHT / 2);
      gtk_snapshot_push_rounded_clip (snapshot, &trough);
      gtk_snapshot_append_color (snapshot, &trough_color, &trough.bounds);
      gtk_snapshot_append_color (snapshot, &accent,
                                 &GRAPHENE_RECT_INIT (trough.bounds.origin.x,
                                                      trough.bounds.origin.y,
                                                      bar_width * self->fraction,
                                                      BAR_HEIGHT));
      gtk_snapshot_pop (snapshot);
    }
}

static void
kp_course_row_dispose (GObject *object)
{
  KpCourseRow *self = KP_COURSE_ROW (object);

  g_clear_object (&self->summary);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->term, g_free);
  g_clear_pointer (&self->dates, g_free);
  g_clear_pointer (&self->progress, g_free);

  G_OBJECT_CLASS (kp_course_row_parent_class)->dispose (object);
}

static void
kp_course_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  KpCourseRow *self = KP_COURSE_ROW (object);

  switch (prop_id)
    {
    case PROP_SUMMARY:
      g_value_set_object (value, self->summary);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_course_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  KpCourseRow *self = KP_COURSE_ROW (object);

  switch (prop_id)
    {
    case PROP_SUMMARY:
      kp_course_row_set_summary (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_course_row_class_init (KpCourseRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kp_course_row_dispose;
  object_class->get_property = kp_course_row_get_property;
  object_class->set_property = kp_course_row_set_property;

  properties[PROP_SUMMARY] =
    g_param_spec_object ("summary", NULL, NULL, KP_TYPE_COURSE_SUMMARY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->measure = kp_course_row_measure;
  widget_class->snapshot = kp_course_row_snapshot;
  gtk_widget_class_set_css_name (widget_class, "kp-course-row");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
kp_course_row_init (KpCourseRow *self)
{
}
