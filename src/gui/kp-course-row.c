/* kp-course-row.c — one course in the sidebar: title, dates, status and method progress
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-course-row"

#include "config.h"

#include <glib/gi18n.h>

#include "kp-course-row.h"

struct _KpCourseRow
{
  GtkWidget        parent_instance;

  KpCourseSummary *summary;

  GtkLabel        *title_label;
  GtkLabel        *dates_label;
  GtkLabel        *status_label;
  GtkLevelBar     *progress_bar;
  GtkLabel        *progress_label;
};

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

  /* Translators: a date as g_date_time_format() writes it: "4 March 2027"; Norwegian
   * "%-d. %B %Y" */
  to = g_date_time_format (last, _("%-d %B %Y"));
  same_year = g_date_time_get_year (first) == g_date_time_get_year (last);
  same_month = same_year && g_date_time_get_month (first) == g_date_time_get_month (last);
  if (same_month && g_date_time_get_day_of_month (first) == g_date_time_get_day_of_month (last))
    return g_steal_pointer (&to);

  if (same_month)
    /* Translators: the first day of a span within one month, "4" in "4–25 March 2027";
     * Norwegian "%-d." */
    from = g_date_time_format (first, _("%-d"));
  else if (same_year)
    /* Translators: the first day of a span within one year, "4 March" in
     * "4 March – 2 April 2027"; Norwegian "%-d. %B" */
    from = g_date_time_format (first, _("%-d %B"));
  else
    from = g_date_time_format (first, _("%-d %B %Y"));

  if (same_month)
    /* Translators: a span of days within one month: no spaces round the dash */
    return g_strdup_printf (C_("date span", "%s–%s"), from, to);
  /* Translators: a span of dates across months: spaces round the dash */
  return g_strdup_printf (C_("date span", "%s – %s"), from, to);
}

static void
kp_course_row_update (KpCourseRow *self)
{
  g_autofree char *dates = NULL;
  g_autofree char *progress = NULL;
  g_autofree char *progress_description = NULL;
  const char *title;
  guint met = 0;
  guint total = 0;

  if (self->summary == NULL)
    return;

  title = kp_course_summary_get_title (self->summary);
  gtk_label_set_label (self->title_label,
                       title != NULL && *title != '\0' ? title : _("Untitled course"));

  dates = kp_course_row_format_dates (kp_course_summary_get_first_start (self->summary),
                                      kp_course_summary_get_last_start (self->summary));
  gtk_label_set_label (self->dates_label, dates);
  gtk_label_set_label (self->status_label,
                       kp_course_status_get_label (kp_course_summary_get_status (self->summary)));

  met = kp_course_summary_get_checks_met (self->summary);
  total = kp_course_summary_get_checks_total (self->summary);
  /* No checks counted: show no progress rather than an empty bar. */
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->progress_bar)), total > 0);
  gtk_level_bar_set_value (self->progress_bar, total > 0 ? MIN (1.0, (double) met / total) : 0.0);
  /* Translators: how many of Standard metode's checks a course meets; "12 of 20" */
  progress = g_strdup_printf (_("%u of %u"), met, total);
  gtk_label_set_label (self->progress_label, progress);
  progress_description = g_strdup_printf (_("%u of %u checks of the method met"), met, total);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, progress_description,
                                  -1);
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

static void
kp_course_row_dispose (GObject *object)
{
  KpCourseRow *self = KP_COURSE_ROW (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->summary);

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

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kp-course-row");
}

static GtkLabel *
add_label (GtkWidget          *parent,
           gboolean            ellipsize,
           float               xalign,
           const char * const *css_classes)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "xalign", xalign,
                                   "ellipsize", ellipsize ? PANGO_ELLIPSIZE_END
                                                          : PANGO_ELLIPSIZE_NONE,
                                   "css-classes", css_classes,
                                   NULL);

  if (GTK_IS_BOX (parent))
    gtk_box_append (GTK_BOX (parent), label);
  else
    gtk_widget_set_parent (label, parent);
  return GTK_LABEL (label);
}

/* Built in code rather than from a template: the course list makes up to a couple of hundred
 * rows at once when a search changes it, and parsing a template for each was most of the time
 * a keystroke took. */
static void
kp_course_row_init (KpCourseRow *self)
{
  static const char *heading[] = { "heading", NULL };
  static const char *dim_caption[] = { "caption", "dim-label", NULL };
  static const char *status[] = { "caption", "status", NULL };
  static const char *count[] = { "caption", "numeric", "dim-label", NULL };
  GtkWidget *widget = GTK_WIDGET (self);
  GtkWidget *dates_box;
  GtkWidget *progress_box;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (widget)),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (widget)), 3);

  self->title_label = add_label (widget, TRUE, 0.0, heading);

  dates_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_parent (dates_box, widget);
  self->dates_label = add_label (dates_box, TRUE, 0.0, dim_caption);
  gtk_widget_set_hexpand (GTK_WIDGET (self->dates_label), TRUE);
  self->status_label = add_label (dates_box, FALSE, 1.0, status);

  progress_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_parent (progress_box, widget);
  self->progress_bar = GTK_LEVEL_BAR (gtk_level_bar_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->progress_bar), TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->progress_bar), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Method progress"),
                                  -1);
  gtk_box_append (GTK_BOX (progress_box), GTK_WIDGET (self->progress_bar));
  self->progress_label = add_label (progress_box, FALSE, 1.0, count);
}
