/* kp-need-page.c — step 1: the need for the course, its target group and its anchoring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-need-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kp-bind.h"
#include "kp-need-page.h"
#include "kp-text-area.h"
#include "kp-widget.h"

struct _KpNeedPage
{
  GtkWidget    parent_instance;

  KpCourse    *course;
  GPtrArray   *bindings;

  AdwEntryRow *title_row;
  AdwEntryRow *subtitle_row;
  KpTextArea  *need_area;
  KpTextArea  *target_group_area;
  GtkSwitch   *management_switch;
  AdwEntryRow *agreement_row;
};

G_DEFINE_FINAL_TYPE (KpNeedPage, kp_need_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COURSE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
kp_need_page_new (void)
{
  return g_object_new (KP_TYPE_NEED_PAGE, NULL);
}

KpCourse *
kp_need_page_get_course (KpNeedPage *self)
{
  g_return_val_if_fail (KP_IS_NEED_PAGE (self), NULL);
  return self->course;
}

void
kp_need_page_set_course (KpNeedPage *self,
                         KpCourse   *course)
{
  g_return_if_fail (KP_IS_NEED_PAGE (self));
  g_return_if_fail (course == NULL || KP_IS_COURSE (course));

  if (self->course == course)
    return;

  kp_bindings_clear (self->bindings);
  kp_text_area_unbind (self->need_area);
  kp_text_area_unbind (self->target_group_area);
  g_set_object (&self->course, course);

  if (course != NULL)
    {
      g_ptr_array_add (self->bindings, kp_bind_text (course, "title", self->title_row, "text"));
      g_ptr_array_add (self->bindings,
                       kp_bind_text (course, "subtitle", self->subtitle_row, "text"));
      g_ptr_array_add (self->bindings,
                       kp_bind_text (course, "agreement", self->agreement_row, "text"));
      g_ptr_array_add (self->bindings,
                       g_object_bind_property (course, "management",
                                               self->management_switch, "active",
                                               G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL));
    }
  kp_text_area_bind (self->need_area, G_OBJECT (course), "need");
  kp_text_area_bind (self->target_group_area, G_OBJECT (course), "target-group");

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COURSE]);
}

static void
kp_need_page_dispose (GObject *object)
{
  KpNeedPage *self = KP_NEED_PAGE (object);

  if (self->bindings != NULL)
    kp_bindings_clear (self->bindings);
  g_clear_pointer (&self->bindings, g_ptr_array_unref);
  kp_widget_dispose_children (GTK_WIDGET (self), KP_TYPE_NEED_PAGE);
  g_clear_object (&self->course);

  G_OBJECT_CLASS (kp_need_page_parent_class)->dispose (object);
}

static void
kp_need_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  KpNeedPage *self = KP_NEED_PAGE (object);

  switch (prop_id)
    {
    case PROP_COURSE:
      g_value_set_object (value, self->course);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_need_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  KpNeedPage *self = KP_NEED_PAGE (object);

  switch (prop_id)
    {
    case PROP_COURSE:
      kp_need_page_set_course (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_need_page_class_init (KpNeedPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kp_need_page_dispose;
  object_class->get_property = kp_need_page_get_property;
  object_class->set_property = kp_need_page_set_property;

  properties[PROP_COURSE] =
    g_param_spec_object ("course", NULL, NULL, KP_TYPE_COURSE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KP_TYPE_TEXT_AREA);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kursplan/Kursplan/kp-need-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KpNeedPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, KpNeedPage, subtitle_row);
  gtk_widget_class_bind_template_child (widget_class, KpNeedPage, need_area);
  gtk_widget_class_bind_template_child (widget_class, KpNeedPage, target_group_area);
  gtk_widget_class_bind_template_child (widget_class, KpNeedPage, management_switch);
  gtk_widget_class_bind_template_child (widget_class, KpNeedPage, agreement_row);
}

static void
kp_need_page_init (KpNeedPage *self)
{
  self->bindings = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
