/* kp-text-area.c — a few lines of free text in a card, with a "text" property to bind to
 *
 * A GtkTextView has no property for its text; this gives it one, so a page binds a course's
 * text with one call and the field follows the course when another page edits the same text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-text-area"

#include "config.h"

#include "kp-text-area.h"

struct _KpTextArea
{
  GtkWidget    parent_instance;

  GtkTextView *text_view;
  char        *text;      /* what the buffer holds, kept so that reading it is cheap */
  char        *label;
  GBinding    *binding;
};

G_DEFINE_FINAL_TYPE (KpTextArea, kp_text_area, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
kp_text_area_new (void)
{
  return g_object_new (KP_TYPE_TEXT_AREA, NULL);
}

const char *
kp_text_area_get_text (KpTextArea *self)
{
  g_return_val_if_fail (KP_IS_TEXT_AREA (self), NULL);
  return self->text != NULL ? self->text : "";
}

static void
on_buffer_changed (KpTextArea    *self,
                   GtkTextBuffer *buffer)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (text, self->text) == 0)
    return;
  g_free (self->text);
  self->text = g_steal_pointer (&text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

/* The same text again leaves the buffer, and so the cursor, alone: the course echoes every
 * keystroke back through the binding. */
void
kp_text_area_set_text (KpTextArea *self,
                       const char *text)
{
  GtkTextBuffer *buffer;

  g_return_if_fail (KP_IS_TEXT_AREA (self));

  if (text == NULL)
    text = "";
  if (g_strcmp0 (text, kp_text_area_get_text (self)) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  buffer = gtk_text_view_get_buffer (self->text_view);
  g_signal_handlers_block_by_func (buffer, on_buffer_changed, self);
  gtk_text_buffer_set_text (buffer, text, -1);
  g_signal_handlers_unblock_by_func (buffer, on_buffer_changed, self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

/**
 * kp_text_area_bind:
 * @source: (nullable): the object holding the text, or %NULL to show nothing
 * @property: a string property of @source
 *
 * Shows @source's text and writes edits back to it; replaces an earlier binding.
 */
void
kp_text_area_bind (KpTextArea *self,
                   GObject    *source,
                   const char *property)
{
  g_return_if_fail (KP_IS_TEXT_AREA (self));

  kp_text_area_unbind (self);
  if (source == NULL)
    {
      kp_text_area_set_text (self, NULL);
      return;
    }
  self->binding = g_object_bind_property (source, property, self, "text",
                                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
}

void
kp_text_area_unbind (KpTextArea *self)
{
  g_return_if_fail (KP_IS_TEXT_AREA (self));
  g_clear_pointer (&self->binding, g_binding_unbind);
}

static gboolean
kp_text_area_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (KP_TEXT_AREA (widget)->text_view));
}

static void
kp_text_area_dispose (GObject *object)
{
  KpTextArea *self = KP_TEXT_AREA (object);

  kp_text_area_unbind (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), KP_TYPE_TEXT_AREA);

  G_OBJECT_CLASS (kp_text_area_parent_class)->dispose (object);
}

static void
kp_text_area_finalize (GObject *object)
{
  KpTextArea *self = KP_TEXT_AREA (object);

  g_free (self->text);
  g_free (self->label);

  G_OBJECT_CLASS (kp_text_area_parent_class)->finalize (object);
}

static void
kp_text_area_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  KpTextArea *self = KP_TEXT_AREA (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, kp_text_area_get_text (self));
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_text_area_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  KpTextArea *self = KP_TEXT_AREA (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      kp_text_area_set_text (self, g_value_get_string (value));
      break;
    case PROP_LABEL:
      g_free (self->label);
      self->label = g_value_dup_string (value);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, self->label != NULL
                                                                     ? self->label : "",
                                      -1);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_text_area_class_init (KpTextAreaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kp_text_area_dispose;
  object_class->finalize = kp_text_area_finalize;
  object_class->get_property = kp_text_area_get_property;
  object_class->set_property = kp_text_area_set_property;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* What a screen reader calls the field, which has no label of its own beside it. */
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->grab_focus = kp_text_area_grab_focus;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kp-text-area");
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kursplan/Kursplan/kp-text-area.ui");
  gtk_widget_class_bind_template_child (widget_class, KpTextArea, text_view);
}

static void
kp_text_area_init (KpTextArea *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (on_buffer_changed), self, G_CONNECT_SWAPPED);
}
