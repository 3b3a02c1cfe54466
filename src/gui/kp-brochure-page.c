/* kp-brochure-page.c — the brochure and registration step: the fields and a live preview
 *
 * The fields edit the course itself (the store writes it through); the language, paper size and
 * the choice for cancelled sessions only choose how the brochure is drawn. Paper size and
 * cancelled sessions are kept in GSettings, so the window's Print and Export PDF use the same.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-brochure-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kp-application.h"
#include "kp-bind.h"
#include "kp-brochure-page.h"
#include "kp-brochure-preview.h"
#include "kp-doc-language.h"
#include "kp-time.h"

/* The brochure's languages, in the order the selector lists them. */
static const char * const languages[] = { "nb", "nn", "se", "smj", "sma" };
static const char * const layouts[] = { "a4", "a5" };
static const char * const cancelled_choices[] = { "mark", "omit" };

struct _KpBrochurePage
{
  AdwBin              parent_instance;

  KpCourse           *course;
  GPtrArray          *bindings;        /* GBinding: the text fields to the course */
  GSettings          *settings;        /* (nullable) */
  gboolean            updating;        /* the page itself sets a field from the course */
  guint               clear_deadline_source;

  AdwEntryRow        *location_name_row;
  AdwEntryRow        *location_room_row;
  AdwEntryRow        *location_address_row;
  AdwEntryRow        *location_accessibility_row;
  GtkSwitch          *condition_switches[KP_COURSE_N_CONDITIONS];
  AdwEntryRow        *referral_to_row;
  GtkSpinButton      *notice_hours_spin;
  AdwEntryRow        *price_row;
  AdwEntryRow        *deadline_row;
  GtkWidget          *deadline_error_icon;
  AdwEntryRow        *email_row;
  AdwEntryRow        *phone_row;
  AdwEntryRow        *url_row;
  AdwActionRow       *capacity_min_row;
  AdwActionRow       *capacity_max_row;
  GtkSpinButton      *capacity_min_spin;
  GtkSpinButton      *capacity_max_spin;
  AdwEntryRow        *organiser_row;
  GtkListBox         *partners_list;
  AdwEntryRow        *partner_entry;
  AdwComboRow        *language_row;
  AdwComboRow        *layout_row;
  AdwComboRow        *cancelled_row;
  AdwComboRow        *mode_row;
  AdwComboRow        *level_row;
  GtkWidget          *print_button;
  GtkWidget          *export_button;
  GtkWidget          *poster_button;
  KpBrochurePreview  *preview;
};

G_DEFINE_FINAL_TYPE (KpBrochurePage, kp_brochure_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_COURSE,
  PROP_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
kp_brochure_page_new (void)
{
  return g_object_new (KP_TYPE_BROCHURE_PAGE, NULL);
}

static guint
find_string (const char * const *strings,
             guint               n_strings,
             const char         *string)
{
  for (guint i = 0; i < n_strings; i++)
    if (g_strcmp0 (strings[i], string) == 0)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

static void
show_deadline_error (KpBrochurePage *self,
                     gboolean        error)
{
  gtk_widget_set_visible (self->deadline_error_icon, error);
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->deadline_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->deadline_row), "error");
}

static void
update_deadline (KpBrochurePage *self)
{
  const char *deadline = kp_course_get_text (self->course, KP_COURSE_DEADLINE);
  const char *shown = gtk_editable_get_text (GTK_EDITABLE (self->deadline_row));

  if (g_strcmp0 (deadline ? deadline : "", shown) == 0)
    return;
  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->deadline_row), deadline ? deadline : "");
  self->updating = FALSE;
  show_deadline_error (self, FALSE);
}

static gboolean
clear_deadline_cb (gpointer user_data)
{
  KpBrochurePage *self = user_data;

  self->clear_deadline_source = 0;
  if (self->course != NULL)
    kp_course_set_text (self->course, KP_COURSE_DEADLINE, NULL);
  return G_SOURCE_REMOVE;
}

/* A date the core can read, or nothing; anything else is told on the field and not kept. A field
 * emptied only on the way to new text (typing over a selection) keeps the old deadline. */
static void
on_deadline_changed (KpBrochurePage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->deadline_row));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_handle_id (&self->clear_deadline_source, g_source_remove);
  if (self->updating || self->course == NULL)
    return;
  if (*stripped == '\0')
    {
      show_deadline_error (self, FALSE);
      self->clear_deadline_source = g_idle_add (clear_deadline_cb, self);
    }
  else if (kp_time_parse_date (stripped, NULL))
    {
      show_deadline_error (self, FALSE);
      kp_course_set_text (self->course, KP_COURSE_DEADLINE, stripped);
    }
  else
    show_deadline_error (self, TRUE);
}

static void
update_capacity (KpBrochurePage *self)
{
  self->updating = TRUE;
  gtk_spin_button_set_value (self->capacity_min_spin, kp_course_get_capacity_min (self->course));
  gtk_spin_button_set_value (self->capacity_max_spin, kp_course_get_capacity_max (self->course));
  self->updating = FALSE;
  gtk_widget_remove_css_class (GTK_WIDGET (self->capacity_max_row), "error");
}

/* Fewer at most than at least is told on the field and not kept. */
static void
on_capacity_changed (KpBrochurePage *self)
{
  int min = gtk_spin_button_get_value_as_int (self->capacity_min_spin);
  int max = gtk_spin_button_get_value_as_int (self->capacity_max_spin);

  if (self->updating || self->course == NULL)
    return;
  if (max > 0 && min > max)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->capacity_max_row), "error");
      adw_action_row_set_subtitle (self->capacity_max_row,
                                   _("Fewer than the fewest participants: not kept"));
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->capacity_max_row), "error");
  adw_action_row_set_subtitle (self->capacity_max_row, _("0 when there is no limit"));
  kp_course_set_capacity (self->course, min, max);
}

static void
set_partners_without (KpBrochurePage *self,
                      const char     *removed)
{
  const char * const *partners = kp_course_get_partners (self->course);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) kept = NULL;

  for (guint i = 0; partners != NULL && partners[i] != NULL; i++)
    if (g_strcmp0 (partners[i], removed) != 0)
      g_strv_builder_add (builder, partners[i]);
  kept = g_strv_builder_end (builder);
  kp_course_set_partners (self->course, (const char * const *) kept);
}

static void
on_partner_remove_clicked (GtkButton      *button,
                           KpBrochurePage *self)
{
  const char *partner = g_object_get_data (G_OBJECT (button), "kp-partner");

  if (self->course != NULL)
    set_partners_without (self, partner);
}

static void
on_partner_apply (KpBrochurePage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->partner_entry));
  g_autofree char *partner = g_strstrip (g_strdup (text));
  const char * const *partners;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) all = NULL;

  if (self->course == NULL || *partner == '\0')
    return;
  partners = kp_course_get_partners (self->course);
  if (partners != NULL && g_strv_contains (partners, partner))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->partner_entry), "");
      return;
    }
  builder = g_strv_builder_new ();
  if (partners != NULL)
    g_strv_builder_addv (builder, (const char **) partners);
  g_strv_builder_add (builder, partner);
  all = g_strv_builder_end (builder);
  kp_course_set_partners (self->course, (const char * const *) all);
  gtk_editable_set_text (GTK_EDITABLE (self->partner_entry), "");
}

/* One row per partner above the entry that adds one. */
static void
update_partners (KpBrochurePage *self)
{
  const char * const *partners = self->course ? kp_course_get_partners (self->course) : NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->partners_list))) != NULL &&
         child != GTK_WIDGET (self->partner_entry))
    gtk_list_box_remove (self->partners_list, child);

  for (guint i = 0; partners != NULL && partners[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *label = g_strdup_printf (_("Remove %s"), partners[i]);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), partners[i]);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data_full (G_OBJECT (remove), "kp-partner", g_strdup (partners[i]), g_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (on_partner_remove_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_insert (self->partners_list, row, i);
    }
}

static void
on_course_notify (KpBrochurePage *self,
                  GParamSpec     *pspec)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "deadline"))
    update_deadline (self);
  else if (g_str_equal (name, "capacity-min") || g_str_equal (name, "capacity-max"))
    update_capacity (self);
  else if (g_str_equal (name, "partners"))
    update_partners (self);
  else if (g_str_equal (name, "language"))
    kp_brochure_page_set_language (self, NULL);  /* the course's new language is the brochure's */
}

static const char *
selected_language (KpBrochurePage *self)
{
  guint selected = adw_combo_row_get_selected (self->language_row);

  return selected < G_N_ELEMENTS (languages) ? languages[selected] : NULL;
}

static void
on_language_selected (KpBrochurePage *self)
{
  const char *language = selected_language (self);

  kp_brochure_preview_set_language (self->preview, language);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->print_button), "s",
                                    language ? language : "");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->export_button), "s",
                                    language ? language : "");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->poster_button), "s",
                                    language ? language : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

static void
on_layout_selected (KpBrochurePage *self)
{
  guint selected = adw_combo_row_get_selected (self->layout_row);

  if (selected >= G_N_ELEMENTS (layouts))
    return;
  kp_brochure_preview_set_layout (self->preview, layouts[selected]);
  if (self->settings != NULL && !self->updating)
    g_settings_set_string (self->settings, "brochure-layout", layouts[selected]);
}

static void
on_cancelled_selected (KpBrochurePage *self)
{
  guint selected = adw_combo_row_get_selected (self->cancelled_row);

  if (selected >= G_N_ELEMENTS (cancelled_choices))
    return;
  kp_brochure_preview_set_cancelled (self->preview, cancelled_choices[selected]);
  if (self->settings != NULL && !self->updating)
    g_settings_set_string (self->settings, "brochure-cancelled", cancelled_choices[selected]);
}

static void
on_settings_changed (KpBrochurePage *self)
{
  g_autofree char *layout = g_settings_get_string (self->settings, "brochure-layout");
  g_autofree char *cancelled = g_settings_get_string (self->settings, "brochure-cancelled");
  guint position;

  self->updating = TRUE;
  position = find_string (layouts, G_N_ELEMENTS (layouts), layout);
  if (position != GTK_INVALID_LIST_POSITION)
    adw_combo_row_set_selected (self->layout_row, position);
  position = find_string (cancelled_choices, G_N_ELEMENTS (cancelled_choices), cancelled);
  if (position != GTK_INVALID_LIST_POSITION)
    adw_combo_row_set_selected (self->cancelled_row, position);
  self->updating = FALSE;
}

/**
 * kp_brochure_page_set_language:
 * @language: (nullable): a brochure language's code; %NULL for the course's own
 */
void
kp_brochure_page_set_language (KpBrochurePage *self,
                               const char     *language)
{
  guint position;

  g_return_if_fail (KP_IS_BROCHURE_PAGE (self));

  if (language == NULL && self->course != NULL)
    language = kp_course_get_language (self->course);
  position = find_string (languages, G_N_ELEMENTS (languages), language);
  adw_combo_row_set_selected (self->language_row, position != GTK_INVALID_LIST_POSITION ? position
                                                                                       : 0);
}

/* The language the brochure is shown, printed and exported in. */
const char *
kp_brochure_page_get_language (KpBrochurePage *self)
{
  g_return_val_if_fail (KP_IS_BROCHURE_PAGE (self), NULL);
  return selected_language (self);
}

/**
 * kp_brochure_page_get_preview:
 *
 * Returns: (transfer none): the #KpBrochurePreview
 */
GtkWidget *
kp_brochure_page_get_preview (KpBrochurePage *self)
{
  g_return_val_if_fail (KP_IS_BROCHURE_PAGE (self), NULL);
  return GTK_WIDGET (self->preview);
}

static void
bind_text (KpBrochurePage *self,
           KpCourseText    text,
           AdwEntryRow    *row)
{
  GBinding *binding = kp_bind_text (self->course, kp_course_text_info (text)->property,
                                    row, "text");

  g_ptr_array_add (self->bindings, g_object_ref (binding));
}

/* A combo row's position is the enum's value: the rows list them in order. */
static gboolean
enum_to_position (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  g_value_set_uint (to, (guint) g_value_get_enum (from));
  return TRUE;
}

static gboolean
position_to_enum (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (G_VALUE_TYPE (to));
  guint position = g_value_get_uint (from);

  if (g_enum_get_value (klass, (int) position) == NULL)
    return FALSE;
  g_value_set_enum (to, (int) position);
  return TRUE;
}

static void
bind_enum_row (KpBrochurePage *self,
               const char     *property,
               AdwComboRow    *row)
{
  GBinding *binding = g_object_bind_property_full (self->course, property, row, "selected",
                                                   G_BINDING_BIDIRECTIONAL |
                                                   G_BINDING_SYNC_CREATE,
                                                   enum_to_position, position_to_enum,
                                                   NULL, NULL);

  g_ptr_array_add (self->bindings, g_object_ref (binding));
}

static void
unbind_course (KpBrochurePage *self)
{
  kp_bindings_clear (self->bindings);
  if (self->course != NULL)
    g_signal_handlers_disconnect_by_func (self->course, on_course_notify, self);
}

/**
 * kp_brochure_page_set_course:
 * @course: (nullable): the course whose brochure the page edits
 */
void
kp_brochure_page_set_course (KpBrochurePage *self,
                             KpCourse       *course)
{
  g_return_if_fail (KP_IS_BROCHURE_PAGE (self));
  g_return_if_fail (course == NULL || KP_IS_COURSE (course));

  if (self->course == course)
    return;

  g_clear_handle_id (&self->clear_deadline_source, g_source_remove);
  unbind_course (self);
  g_set_object (&self->course, course);
  gtk_widget_set_sensitive (GTK_WIDGET (self), course != NULL);

  if (course != NULL)
    {
      bind_enum_row (self, "mode", self->mode_row);
      bind_enum_row (self, "level", self->level_row);
      bind_text (self, KP_COURSE_LOCATION_NAME, self->location_name_row);
      bind_text (self, KP_COURSE_LOCATION_ROOM, self->location_room_row);
      bind_text (self, KP_COURSE_LOCATION_ADDRESS, self->location_address_row);
      bind_text (self, KP_COURSE_LOCATION_ACCESSIBILITY, self->location_accessibility_row);
      for (KpCourseCondition condition = 0; condition < KP_COURSE_N_CONDITIONS; condition++)
        {
          GBinding *binding =
            g_object_bind_property (course, kp_course_condition_info (condition)->property,
                                    self->condition_switches[condition], "active",
                                    G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

          g_ptr_array_add (self->bindings, g_object_ref (binding));
        }
      bind_text (self, KP_COURSE_REFERRAL_TO, self->referral_to_row);
      g_ptr_array_add (self->bindings,
                       g_object_ref (g_object_bind_property (course, "notice-hours",
                                                             self->notice_hours_spin, "value",
                                                             G_BINDING_BIDIRECTIONAL |
                                                             G_BINDING_SYNC_CREATE)));
      bind_text (self, KP_COURSE_PRICE, self->price_row);
      bind_text (self, KP_COURSE_EMAIL, self->email_row);
      bind_text (self, KP_COURSE_PHONE, self->phone_row);
      bind_text (self, KP_COURSE_URL, self->url_row);
      bind_text (self, KP_COURSE_ORGANISER, self->organiser_row);
      g_signal_connect_object (course, "notify", G_CALLBACK (on_course_notify), self,
                               G_CONNECT_SWAPPED);
      update_deadline (self);
      update_capacity (self);
    }
  update_partners (self);

  kp_brochure_preview_set_course (self->preview, course);
  kp_brochure_page_set_language (self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COURSE]);
}

/**
 * kp_brochure_page_get_course:
 *
 * Returns: (transfer none) (nullable): the course
 */
KpCourse *
kp_brochure_page_get_course (KpBrochurePage *self)
{
  g_return_val_if_fail (KP_IS_BROCHURE_PAGE (self), NULL);
  return self->course;
}

static void
kp_brochure_page_dispose (GObject *object)
{
  KpBrochurePage *self = KP_BROCHURE_PAGE (object);

  g_clear_handle_id (&self->clear_deadline_source, g_source_remove);
  unbind_course (self);
  g_clear_object (&self->course);
  g_clear_object (&self->settings);

  gtk_widget_dispose_template (GTK_WIDGET (self), KP_TYPE_BROCHURE_PAGE);

  G_OBJECT_CLASS (kp_brochure_page_parent_class)->dispose (object);
}

static void
kp_brochure_page_finalize (GObject *object)
{
  KpBrochurePage *self = KP_BROCHURE_PAGE (object);

  g_ptr_array_unref (self->bindings);

  G_OBJECT_CLASS (kp_brochure_page_parent_class)->finalize (object);
}

static void
kp_brochure_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KpBrochurePage *self = KP_BROCHURE_PAGE (object);

  switch (prop_id)
    {
    case PROP_COURSE:
      g_value_set_object (value, self->course);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, selected_language (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_brochure_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  KpBrochurePage *self = KP_BROCHURE_PAGE (object);

  switch (prop_id)
    {
    case PROP_COURSE:
      kp_brochure_page_set_course (self, g_value_get_object (value));
      break;
    case PROP_LANGUAGE:
      kp_brochure_page_set_language (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_brochure_page_class_init (KpBrochurePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kp_brochure_page_dispose;
  object_class->finalize = kp_brochure_page_finalize;
  object_class->get_property = kp_brochure_page_get_property;
  object_class->set_property = kp_brochure_page_set_property;

  properties[PROP_COURSE] =
    g_param_spec_object ("course", NULL, NULL, KP_TYPE_COURSE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KP_TYPE_BROCHURE_PREVIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kursplan/Kursplan/kp-brochure-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KpBrochurePage, location_name_row);
  gtk_widget_class_bind_template_child (widget_class, KpBrochurePage, location_room_row);
  gtk_widget_class_bind_template_child (widget_class, KpBrochurePage, location_address_row);
  gtk_widget_class_bind_template_child (widget_class, KpBrochurePage, location_accessibility_row);
  gtk_widget_class_bind_template_child_full (widget_class, "referral_switch", FALSE,
                                             G_STRUCT_OFFSET (KpBrochurePage,
                                                              condition_switches[KP_COURSE_REFERRAL]));
  gtk_widget_class_bind_template_child_full (widget_class, "co_payment_switch", FALSE,
                                             G_STRUCT_OFFSET (KpBrochurePage,
                                                              condition_switches[KP_COURSE_CO_PAYMENT]));
  gtk_widget_class_bind_template_child_full (widget_class, "travel_refund_switch", FALSE,
                                             G_STRUCT_OFFSET (KpBrochurePage,
                                                              condition_switches[KP_COURSE_TRAVEL_REFUND]));
  gtk_widget_class_bind_template_child_full (widget_class, "co_payment_first_day_switch", FALSE,
                                             G_STRUCT_OFFSET (KpBrochurePage,
                                                              condition_switches[KP_COURSE_CO_PAYMENT_FIRST_DAY]));
  gtk_widget_class_bind_template_child_full (widget_class, "no_show_fee_switch", FALSE,
                                             G_STRUCT_OFFSET (KpBrochurePage,
                                                              condition_switches[KP_COURSE_NO_SHOW_FEE]));
  gtk_widget_class_bind_template_child (widget_class, KpBrochurePage, referral_to_row);
  gtk_widget_class_bind_template_child (widget_class, KpBrochurePage, notice_hours_spin);
  gtk_widget_class_bind_template_child (widget_class, KpBrochurePage, price_row);
  gtk_widget_class_bind_template_child (widget_class, KpBrochurePage, deadline_row);
  gtk_widget_class_bind_template_child (widget_class, KpBrochurePage, deadline_error_icon);
  gtk_widget_class_bind_template_child (widget_class, KpBrochurePage, email_row);
  gtk_widget_class_bind_template_child (widget_class, KpBrochurePage, phone_row);
  gtk_widget_class_bind_template_child (widget_class, KpBrochurePage, url_row);
  gtk_widget_class_bind_template_child (widget_class, KpBrochurePage, capacity_min_row);
  gtk_widget_class_bind_template_child (widget_class, KpBrochurePage, capacity_max_row);
  gtk_widget_class_bind_template_child (widget_class, KpBrochurePage, capacity_min_spin);
  gtk_widget_class_bind_template_child (widget_class, KpBrochurePage, capacity_max_spin);
  gtk_widget_class_bind_template_child (widget_class, KpBrochurePage, organiser_row);
  gtk_widget_class_bind_template_child (widget_class, KpBrochurePage, partners_list);
  gtk_widget_class_bind_template_child (widget_class, KpBrochurePage, partner_entry);
  gtk_widget_class_bind_template_child (widget_class, KpBrochurePage, language_row);
  gtk_widget_class_bind_template_child (widget_class, KpBrochurePage, layout_row);
  gtk_widget_class_bind_template_child (widget_class, KpBrochurePage, cancelled_row);
  gtk_widget_class_bind_template_child (widget_class, KpBrochurePage, mode_row);
  gtk_widget_class_bind_template_child (widget_class, KpBrochurePage, level_row);
  gtk_widget_class_bind_template_child (widget_class, KpBrochurePage, print_button);
  gtk_widget_class_bind_template_child (widget_class, KpBrochurePage, export_button);
  gtk_widget_class_bind_template_child (widget_class, KpBrochurePage, poster_button);
  gtk_widget_class_bind_template_child (widget_class, KpBrochurePage, preview);
  gtk_widget_class_bind_template_callback (widget_class, on_deadline_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_capacity_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_partner_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_language_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_layout_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_cancelled_selected);
}

static void
kp_brochure_page_init (KpBrochurePage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GApplication *application = g_application_get_default ();

  self->bindings = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    gtk_string_list_append (names,
                            kp_doc_language_get_name (kp_doc_language_lookup (languages[i])));
  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (names));

  if (KP_IS_APPLICATION (application) &&
      kp_application_get_settings (KP_APPLICATION (application)) != NULL)
    {
      self->settings = g_object_ref (kp_application_get_settings (KP_APPLICATION (application)));
      g_signal_connect_object (self->settings, "changed::brochure-layout",
                               G_CALLBACK (on_settings_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->settings, "changed::brochure-cancelled",
                               G_CALLBACK (on_settings_changed), self, G_CONNECT_SWAPPED);
      on_settings_changed (self);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
}
