/* kp-brochure-preview.c — the course's brochure drawn page by page, scaled to the widget's width
 *
 * The pages come from the same renderer as the PDF and the printout (kp_brochure_draw_page()),
 * drawn onto the snapshot's cairo context. The brochure is made again when the course changes,
 * once the main loop is idle, so typing in a field does not lay the brochure out per keystroke.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-brochure-preview"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "kp-brochure.h"
#include "kp-brochure-preview.h"

#define PAGE_GAP 16.0     /* between pages and around them, in pixels */
#define MIN_WIDTH 120

struct _KpBrochurePreview
{
  GtkWidget   parent_instance;

  KpCourse   *course;
  char       *language;    /* nullable: the course's own */
  char       *layout;      /* "a4" or "a5" */
  char       *cancelled;   /* "mark" or "omit" */

  KpBrochure *brochure;    /* (nullable): laid out for page_width × page_height */
  double      page_width;  /* points */
  double      page_height;
  guint       n_pages;
  guint       update_source;
};

G_DEFINE_FINAL_TYPE (KpBrochurePreview, kp_brochure_preview, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COURSE,
  PROP_LANGUAGE,
  PROP_LAYOUT,
  PROP_CANCELLED,
  PROP_N_PAGES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
kp_brochure_preview_new (void)
{
  return g_object_new (KP_TYPE_BROCHURE_PREVIEW, NULL);
}

static void
update_accessible_label (KpBrochurePreview *self)
{
  g_autofree char *label = NULL;

  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Brochure preview, %u page",
                                        "Brochure preview, %u pages", self->n_pages),
                           self->n_pages);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

/**
 * kp_brochure_preview_update_now:
 *
 * Makes the brochure again from the course at once, instead of when the main loop is idle.
 */
void
kp_brochure_preview_update_now (KpBrochurePreview *self)
{
  const KpDocLanguage *language = NULL;
  KpBrochureLayout layout = KP_BROCHURE_LAYOUT_A4;
  KpBrochureCancelled cancelled;
  guint n_pages = 0;

  g_return_if_fail (KP_IS_BROCHURE_PREVIEW (self));

  g_clear_handle_id (&self->update_source, g_source_remove);
  g_clear_object (&self->brochure);

  kp_brochure_layout_from_string (self->layout, &layout);
  kp_brochure_layout_get_size (layout, &self->page_width, &self->page_height);
  cancelled = g_strcmp0 (self->cancelled, "omit") == 0 ? KP_BROCHURE_CANCELLED_OMIT
                                                       : KP_BROCHURE_CANCELLED_MARK;

  if (self->course != NULL)
    {
      if (self->language != NULL)
        language = kp_doc_language_lookup (self->language);
      if (language == NULL)
        language = kp_doc_language_lookup (kp_course_get_language (self->course));
      if (language == NULL)
        language = kp_doc_language_lookup ("nb");

      self->brochure = kp_brochure_new (self->course, language, cancelled);
      n_pages = kp_brochure_paginate (self->brochure, self->page_width, self->page_height);
    }

  if (n_pages != self->n_pages)
    {
      self->n_pages = n_pages;
      update_accessible_label (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static gboolean
update_cb (gpointer user_data)
{
  KpBrochurePreview *self = user_data;

  self->update_source = 0;
  kp_brochure_preview_update_now (self);
  return G_SOURCE_REMOVE;
}

static void
queue_update (KpBrochurePreview *self)
{
  if (self->update_source == 0)
    self->update_source = g_idle_add_full (G_PRIORITY_LOW, update_cb, self, NULL);
}

/* The height in pixels of one page in a widget @width pixels wide. */
static double
page_pixel_height (KpBrochurePreview *self,
                   double             width)
{
  double page_width = MAX (width - 2 * PAGE_GAP, 1.0);

  return page_width * self->page_height / self->page_width;
}

static GtkSizeRequestMode
kp_brochure_preview_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
kp_brochure_preview_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  KpBrochurePreview *self = KP_BROCHURE_PREVIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = 480;
    }
  else
    {
      double width = for_size >= 0 ? for_size : 480;
      guint n = MAX (self->n_pages, 1);

      *minimum = *natural = (int) ceil (n * (page_pixel_height (self, width) + PAGE_GAP) +
                                        PAGE_GAP);
    }
}

static void
kp_brochure_preview_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  KpBrochurePreview *self = KP_BROCHURE_PREVIEW (widget);
  double width = gtk_widget_get_width (widget);
  double page_width = MAX (width - 2 * PAGE_GAP, 1.0);
  double page_height = page_pixel_height (self, width);
  double scale = page_width / self->page_width;
  GdkRGBA paper = { 1.0, 1.0, 1.0, 1.0 };
  GdkRGBA shadow = { 0.0, 0.0, 0.0, 0.25 };

  if (self->brochure == NULL)
    return;

  for (guint i = 0; i < self->n_pages; i++)
    {
      graphene_rect_t bounds;
      GskRoundedRect outline;
      cairo_t *cr;

      graphene_rect_init (&bounds, PAGE_GAP, PAGE_GAP + i * (page_height + PAGE_GAP),
                          page_width, page_height);
      gsk_rounded_rect_init_from_rect (&outline, &bounds, 0);
      gtk_snapshot_append_outset_shadow (snapshot, &outline, &shadow, 0, 1, 1, 4);
      gtk_snapshot_append_color (snapshot, &paper, &bounds);

      cr = gtk_snapshot_append_cairo (snapshot, &bounds);
      cairo_translate (cr, bounds.origin.x, bounds.origin.y);
      cairo_scale (cr, scale, scale);
      kp_brochure_draw_page (self->brochure, cr, i);
      cairo_destroy (cr);
    }
}

/**
 * kp_brochure_preview_set_course:
 * @course: (nullable): the course to show
 */
void
kp_brochure_preview_set_course (KpBrochurePreview *self,
                                KpCourse          *course)
{
  g_return_if_fail (KP_IS_BROCHURE_PREVIEW (self));
  g_return_if_fail (course == NULL || KP_IS_COURSE (course));

  if (self->course == course)
    return;

  if (self->course != NULL)
    g_signal_handlers_disconnect_by_func (self->course, queue_update, self);
  g_set_object (&self->course, course);
  if (course != NULL)
    g_signal_connect_object (course, "changed", G_CALLBACK (queue_update), self,
                             G_CONNECT_SWAPPED);

  kp_brochure_preview_update_now (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COURSE]);
}

/**
 * kp_brochure_preview_get_course:
 *
 * Returns: (transfer none) (nullable): the course shown
 */
KpCourse *
kp_brochure_preview_get_course (KpBrochurePreview *self)
{
  g_return_val_if_fail (KP_IS_BROCHURE_PREVIEW (self), NULL);
  return self->course;
}

/**
 * kp_brochure_preview_set_language:
 * @language: (nullable): a document language's code ("nb", "se", …); %NULL or "" for the
 *   course's own
 */
void
kp_brochure_preview_set_language (KpBrochurePreview *self,
                                  const char        *language)
{
  g_return_if_fail (KP_IS_BROCHURE_PREVIEW (self));

  if (language != NULL && *language == '\0')
    language = NULL;
  if (g_strcmp0 (self->language, language) == 0)
    return;
  g_free (self->language);
  self->language = g_strdup (language);
  queue_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

const char *
kp_brochure_preview_get_language (KpBrochurePreview *self)
{
  g_return_val_if_fail (KP_IS_BROCHURE_PREVIEW (self), NULL);
  return self->language;
}

/**
 * kp_brochure_preview_set_layout:
 * @layout: "a4" or "a5"
 */
void
kp_brochure_preview_set_layout (KpBrochurePreview *self,
                                const char        *layout)
{
  KpBrochureLayout parsed;

  g_return_if_fail (KP_IS_BROCHURE_PREVIEW (self));
  g_return_if_fail (layout != NULL && kp_brochure_layout_from_string (layout, &parsed));

  if (g_strcmp0 (self->layout, layout) == 0)
    return;
  g_free (self->layout);
  self->layout = g_strdup (layout);
  queue_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYOUT]);
}

const char *
kp_brochure_preview_get_layout (KpBrochurePreview *self)
{
  g_return_val_if_fail (KP_IS_BROCHURE_PREVIEW (self), NULL);
  return self->layout;
}

/**
 * kp_brochure_preview_set_cancelled:
 * @cancelled: "mark" to show cancelled sessions marked, "omit" to leave them out
 */
void
kp_brochure_preview_set_cancelled (KpBrochurePreview *self,
                                   const char        *cancelled)
{
  g_return_if_fail (KP_IS_BROCHURE_PREVIEW (self));
  g_return_if_fail (g_strcmp0 (cancelled, "mark") == 0 || g_strcmp0 (cancelled, "omit") == 0);

  if (g_strcmp0 (self->cancelled, cancelled) == 0)
    return;
  g_free (self->cancelled);
  self->cancelled = g_strdup (cancelled);
  queue_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CANCELLED]);
}

const char *
kp_brochure_preview_get_cancelled (KpBrochurePreview *self)
{
  g_return_val_if_fail (KP_IS_BROCHURE_PREVIEW (self), NULL);
  return self->cancelled;
}

/* The pages of the brochure as last made; 0 without a course. */
guint
kp_brochure_preview_get_n_pages (KpBrochurePreview *self)
{
  g_return_val_if_fail (KP_IS_BROCHURE_PREVIEW (self), 0);
  return self->n_pages;
}

static void
kp_brochure_preview_dispose (GObject *object)
{
  KpBrochurePreview *self = KP_BROCHURE_PREVIEW (object);

  g_clear_handle_id (&self->update_source, g_source_remove);
  if (self->course != NULL)
    g_signal_handlers_disconnect_by_func (self->course, queue_update, self);
  g_clear_object (&self->course);
  g_clear_object (&self->brochure);

  G_OBJECT_CLASS (kp_brochure_preview_parent_class)->dispose (object);
}

static void
kp_brochure_preview_finalize (GObject *object)
{
  KpBrochurePreview *self = KP_BROCHURE_PREVIEW (object);

  g_free (self->language);
  g_free (self->layout);
  g_free (self->cancelled);

  G_OBJECT_CLASS (kp_brochure_preview_parent_class)->finalize (object);
}

static void
kp_brochure_preview_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  KpBrochurePreview *self = KP_BROCHURE_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_COURSE:
      g_value_set_object (value, self->course);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    case PROP_LAYOUT:
      g_value_set_string (value, self->layout);
      break;
    case PROP_CANCELLED:
      g_value_set_string (value, self->cancelled);
      break;
    case PROP_N_PAGES:
      g_value_set_uint (value, self->n_pages);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_brochure_preview_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  KpBrochurePreview *self = KP_BROCHURE_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_COURSE:
      kp_brochure_preview_set_course (self, g_value_get_object (value));
      break;
    case PROP_LANGUAGE:
      kp_brochure_preview_set_language (self, g_value_get_string (value));
      break;
    case PROP_LAYOUT:
      kp_brochure_preview_set_layout (self, g_value_get_string (value));
      break;
    case PROP_CANCELLED:
      kp_brochure_preview_set_cancelled (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_brochure_preview_class_init (KpBrochurePreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = kp_brochure_preview_dispose;
  object_class->finalize = kp_brochure_preview_finalize;
  object_class->get_property = kp_brochure_preview_get_property;
  object_class->set_property = kp_brochure_preview_set_property;

  widget_class->get_request_mode = kp_brochure_preview_get_request_mode;
  widget_class->measure = kp_brochure_preview_measure;
  widget_class->snapshot = kp_brochure_preview_snapshot;

  properties[PROP_COURSE] = g_param_spec_object ("course", NULL, NULL, KP_TYPE_COURSE, rw);
  properties[PROP_LANGUAGE] = g_param_spec_string ("language", NULL, NULL, NULL, rw);
  properties[PROP_LAYOUT] = g_param_spec_string ("layout", NULL, NULL, "a4", rw);
  properties[PROP_CANCELLED] = g_param_spec_string ("cancelled", NULL, NULL, "mark", rw);
  properties[PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "brochurepreview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
kp_brochure_preview_init (KpBrochurePreview *self)
{
  self->layout = g_strdup ("a4");
  self->cancelled = g_strdup ("mark");
  kp_brochure_layout_get_size (KP_BROCHURE_LAYOUT_A4, &self->page_width, &self->page_height);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  update_accessible_label (self);
}
