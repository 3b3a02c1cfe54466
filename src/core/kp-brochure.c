/* kp-brochure.c — the course's brochure, in the document language, for patients and relatives
 *
 * What a centre prints and publishes: title, who it is for, what it gives, the sessions with
 * dates in the language's own style, place, price, how to register, contact, organisers. Members
 * appear by name only where they are marked public; otherwise by their role.
 *
 * The brochure is built once from the course; kp_brochure_paginate() lays it out for a page
 * size and kp_brochure_draw_page() draws a page on any cairo_t, so a GtkPrintOperation's
 * paginate and draw-page handlers and a preview widget call the same code as the PDF export.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-brochure"

#include "config.h"

#include "kp-brochure.h"
#include "kp-doc-layout.h"
#include "kp-error.h"
#include "kp-i18n.h"
#include "kp-method.h"
#include "kp-output.h"
#include "kp-time.h"

#define A4_WIDTH  595.276
#define A4_HEIGHT 841.890
#define A5_WIDTH  419.528
#define A5_HEIGHT 595.276

struct _KpBrochure
{
  GObject              parent_instance;

  KpCourse            *course;
  const KpDocLanguage *language;
  KpBrochureCancelled  cancelled;
  KpDocLayout         *layout;
};

G_DEFINE_FINAL_TYPE (KpBrochure, kp_brochure, G_TYPE_OBJECT)

static void
kp_brochure_finalize (GObject *object)
{
  KpBrochure *self = KP_BROCHURE (object);

  g_clear_object (&self->course);
  g_clear_object (&self->layout);

  G_OBJECT_CLASS (kp_brochure_parent_class)->finalize (object);
}

static void
kp_brochure_class_init (KpBrochureClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kp_brochure_finalize;
}

static void
kp_brochure_init (KpBrochure *self)
{
}

void
kp_brochure_layout_get_size (KpBrochureLayout  layout,
                             double           *width,
                             double           *height)
{
  *width = layout == KP_BROCHURE_LAYOUT_A5 ? A5_WIDTH : A4_WIDTH;
  *height = layout == KP_BROCHURE_LAYOUT_A5 ? A5_HEIGHT : A4_HEIGHT;
}

/* "a4" or "a5" */
gboolean
kp_brochure_layout_from_string (const char       *name,
                                KpBrochureLayout *layout)
{
  if (g_ascii_strcasecmp (name, "a4") == 0)
    *layout = KP_BROCHURE_LAYOUT_A4;
  else if (g_ascii_strcasecmp (name, "a5") == 0)
    *layout = KP_BROCHURE_LAYOUT_A5;
  else
    return FALSE;
  return TRUE;
}

static const char *
text (KpBrochure   *self,
      KpCourseText  field)
{
  return kp_course_get_text (self->course, field);
}

static const char *
label (KpBrochure *self,
       KpDocLabel  which)
{
  return kp_doc_language_get_label (self->language, which);
}

static void
add_paragraphs (KpDocLayout *layout,
                KpDocStyle   style,
                const char  *value)
{
  g_auto(GStrv) paragraphs = g_strsplit (value, "\n", -1);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_autofree char *markup = NULL;

      if (*g_strstrip (paragraphs[i]) == '\0')
        continue;
      markup = g_markup_escape_text (paragraphs[i], -1);
      kp_doc_layout_add (layout, style, KP_DOC_BLOCK_NONE, NULL, markup, NULL);
    }
}

/* Who gives a contribution, as the public may see it: the name only when the member is public. */
static char *
dup_contributor (KpBrochure *self,
                 KpMember   *member)
{
  const char *role = kp_doc_language_get_role (self->language, kp_member_get_role (member));

  return kp_member_dup_public_label_with_role (member, role);
}

static int
compare_sessions (gconstpointer a,
                  gconstpointer b)
{
  KpSession *sa = *(KpSession **) a;
  KpSession *sb = *(KpSession **) b;
  GDateTime *ta = kp_session_get_start (sa);
  GDateTime *tb = kp_session_get_start (sb);

  if (ta == NULL || tb == NULL)
    return (ta == NULL) - (tb == NULL);
  return g_date_time_compare (ta, tb);
}

static void
add_session (KpBrochure *self,
             KpSession  *session)
{
  KpDocLayout *layout = self->layout;
  GListModel *contributions = kp_session_get_contributions (session);
  guint n = g_list_model_get_n_items (contributions);
  gboolean cancelled = kp_session_get_status (session) == KP_SESSION_STATUS_CANCELLED;
  KpDocBlockFlags flags = KP_DOC_BLOCK_BAR | (cancelled ? KP_DOC_BLOCK_MUTED : 0);
  g_autoptr(GDateTime) end = kp_session_get_end (session);
  g_autofree char *when = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *theme = NULL;
  gboolean has_place = kp_session_has_own_location (session);

  when = kp_doc_language_format_session_time (self->language, kp_session_get_start (session), end);
  if (cancelled)
    heading = g_markup_printf_escaped ("%s  <span foreground=\"#a8322d\">· %s</span>", when,
                                       label (self, KP_DOC_LABEL_CANCELLED));
  else
    heading = g_markup_escape_text (when, -1);
  kp_doc_layout_add (layout, KP_DOC_STYLE_SUBHEADING, flags | KP_DOC_BLOCK_KEEP_WITH_NEXT,
                     NULL, heading, NULL);

  theme = g_markup_printf_escaped (cancelled ? "<s>%s</s>" : "%s",
                                   kp_session_get_title (session) ? kp_session_get_title (session)
                                                                  : "");
  kp_doc_layout_add (layout, KP_DOC_STYLE_LEAD,
                     flags | ((n > 0 || has_place) ? KP_DOC_BLOCK_KEEP_WITH_NEXT : 0),
                     NULL, theme, NULL);

  if (has_place)
    {
      g_autofree char *place = kp_doc_join_place (kp_session_get_location_name (session),
                                                  kp_session_get_location_room (session),
                                                  kp_session_get_location_address (session), ", ");
      g_autofree char *markup = g_markup_printf_escaped ("<b>%s:</b> %s",
                                                         label (self, KP_DOC_LABEL_PLACE), place);

      kp_doc_layout_add (layout, KP_DOC_STYLE_BODY, flags, NULL, markup, NULL);
    }

  if (n == 0)
    return;
  kp_doc_layout_begin_group (layout, "L");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KpContribution) contribution = g_list_model_get_item (contributions, i);
      const char *kind = kp_doc_language_get_contribution_kind (self->language,
                                                                kp_contribution_get_kind (contribution));
      const char *title = kp_contribution_get_title (contribution);
      const char *member_id = kp_contribution_get_member_id (contribution);
      KpMember *member = member_id ? kp_course_find_member (self->course, member_id) : NULL;
      g_autofree char *who = member ? dup_contributor (self, member) : NULL;
      g_autoptr(GString) markup = g_string_new (NULL);
      g_autofree char *escaped_kind = g_markup_escape_text (kind, -1);

      g_string_append_printf (markup, "<b>%s</b>", escaped_kind);
      if (title != NULL)
        {
          g_autofree char *escaped = g_markup_escape_text (title, -1);
          g_string_append_printf (markup, ": %s", escaped);
        }
      if (who != NULL)
        {
          g_autofree char *escaped = g_markup_escape_text (who, -1);
          g_string_append_printf (markup, " <span foreground=\"#5f6b70\">— %s</span>", escaped);
        }
      kp_doc_layout_add (layout, KP_DOC_STYLE_ITEM, flags, NULL, markup->str, NULL);
    }
  kp_doc_layout_end_group (layout);
}

/* A small label over its values, in a column of the practical panel. */
static void
add_label (KpBrochure *self,
           KpDocLabel  which)
{
  g_autofree char *markup = g_markup_escape_text (label (self, which), -1);

  kp_doc_layout_add (self->layout, KP_DOC_STYLE_LABEL, KP_DOC_BLOCK_KEEP_WITH_NEXT, NULL, markup,
                     NULL);
}

static void
add_value (KpBrochure *self,
           const char *value,
           const char *uri)
{
  g_auto(GStrv) lines = g_strsplit (value, "\n", -1);

  /* One paragraph per line, so a screen reader pauses between the name and the address. */
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *markup = g_markup_escape_text (lines[i], -1);

      kp_doc_layout_add (self->layout, KP_DOC_STYLE_FIELD, KP_DOC_BLOCK_NONE, NULL, markup, uri);
    }
}

static char *
dup_tel_uri (const char *phone)
{
  GString *uri = g_string_new ("tel:");

  for (const char *p = phone; *p != '\0'; p++)
    if (g_ascii_isdigit (*p) || *p == '+')
      g_string_append_c (uri, *p);
  return g_string_free (uri, FALSE);
}

/* E-mail, phone and web address as links; they speak for themselves, as on a business card. */
static void
add_contact_values (KpBrochure *self,
                    const char *email,
                    const char *phone,
                    const char *web)
{
  if (email != NULL)
    {
      g_autofree char *uri = g_strconcat ("mailto:", email, NULL);
      add_value (self, email, uri);
    }
  if (phone != NULL)
    {
      g_autofree char *uri = dup_tel_uri (phone);
      add_value (self, phone, uri);
    }
  if (web != NULL)
    {
      const char *shown = web;

      if (g_str_has_prefix (shown, "https://"))
        shown += strlen ("https://");
      else if (g_str_has_prefix (shown, "http://"))
        shown += strlen ("http://");
      add_value (self, shown, web);
    }
}

static gboolean
has_practical (KpBrochure *self)
{
  static const KpCourseText fields[] = {
    KP_COURSE_LOCATION_NAME, KP_COURSE_LOCATION_ROOM, KP_COURSE_LOCATION_ADDRESS,
    KP_COURSE_LOCATION_ACCESSIBILITY, KP_COURSE_PRICE, KP_COURSE_DEADLINE, KP_COURSE_EMAIL,
    KP_COURSE_PHONE, KP_COURSE_URL, KP_COURSE_ORGANISER,
  };
  GListModel *members = kp_course_get_members (self->course);
  const char * const *partners = kp_course_get_partners (self->course);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (text (self, fields[i]) != NULL)
      return TRUE;
  for (KpCourseCondition condition = 0; condition < KP_COURSE_N_CONDITIONS; condition++)
    if (kp_course_get_condition (self->course, condition))
      return TRUE;
  if (kp_course_get_notice_hours (self->course) > 0 ||
      kp_course_get_mode (self->course) != KP_COURSE_MODE_IN_PERSON)
    return TRUE;
  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(KpMember) member = g_list_model_get_item (members, i);

      if (kp_member_is_public_contact (member))
        return TRUE;
    }
  return partners != NULL && partners[0] != NULL;
}

/* What applies to taking part — referral, co-payment, travel refund, no-show fee, notice — one
 * sentence each in the brochure's language, and only those that apply (DOMAIN.md, step 5). */
static void
add_conditions (KpBrochure *self)
{
  g_autoptr(GPtrArray) sentences = kp_doc_language_dup_conditions (self->language,
                                                                   self->course);

  if (sentences->len > 0)
    add_label (self, KP_DOC_LABEL_CONDITIONS);
  for (guint i = 0; i < sentences->len; i++)
    add_value (self, g_ptr_array_index (sentences, i), NULL);
}

/* Place, price and deadline; how to register and whom to ask; who organises it. */
static void
add_practical (KpBrochure *self)
{
  KpDocLayout *layout = self->layout;
  GListModel *members = kp_course_get_members (self->course);
  const char * const *partners = kp_course_get_partners (self->course);
  g_autofree char *place = NULL;
  g_autoptr(GPtrArray) mode_sentences = NULL;
  g_autofree char *heading = g_markup_escape_text (label (self, KP_DOC_LABEL_PRACTICAL), -1);
  gboolean has_contact = FALSE;
  GDate deadline;

  if (!has_practical (self))
    return;
  kp_doc_layout_add (layout, KP_DOC_STYLE_HEADING, KP_DOC_BLOCK_KEEP_WITH_NEXT, NULL, heading,
                     NULL);
  kp_doc_layout_begin_columns (layout, TRUE);

  /* A digital course has no room to name; on video, what the participant needs instead. */
  place = kp_course_get_mode (self->course) == KP_COURSE_MODE_DIGITAL
          ? g_strdup ("")
          : kp_doc_join_place (text (self, KP_COURSE_LOCATION_NAME),
                               text (self, KP_COURSE_LOCATION_ROOM),
                               text (self, KP_COURSE_LOCATION_ADDRESS), "\n");
  mode_sentences = kp_doc_language_dup_mode_sentences (self->language, self->course);
  if (*place != '\0' || mode_sentences->len > 0)
    add_label (self, KP_DOC_LABEL_PLACE);
  if (*place != '\0')
    add_value (self, place, NULL);
  for (guint i = 0; i < mode_sentences->len; i++)
    add_value (self, g_ptr_array_index (mode_sentences, i), NULL);
  if (text (self, KP_COURSE_LOCATION_ACCESSIBILITY) != NULL &&
      kp_course_get_mode (self->course) != KP_COURSE_MODE_DIGITAL)
    {
      add_label (self, KP_DOC_LABEL_ACCESSIBILITY);
      add_value (self, text (self, KP_COURSE_LOCATION_ACCESSIBILITY), NULL);
    }
  if (text (self, KP_COURSE_PRICE) != NULL)
    {
      add_label (self, KP_DOC_LABEL_PRICE);
      add_value (self, text (self, KP_COURSE_PRICE), NULL);
    }
  if (text (self, KP_COURSE_DEADLINE) != NULL &&
      kp_time_parse_date (text (self, KP_COURSE_DEADLINE), &deadline))
    {
      g_autofree char *date = kp_doc_language_format_date (self->language, &deadline);

      add_label (self, KP_DOC_LABEL_DEADLINE);
      add_value (self, date, NULL);
    }

  kp_doc_layout_next_column (layout);
  if (text (self, KP_COURSE_EMAIL) != NULL || text (self, KP_COURSE_PHONE) != NULL ||
      text (self, KP_COURSE_URL) != NULL)
    {
      add_label (self, KP_DOC_LABEL_REGISTRATION);
      add_contact_values (self, text (self, KP_COURSE_EMAIL), text (self, KP_COURSE_PHONE),
                          text (self, KP_COURSE_URL));
    }

  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(KpMember) member = g_list_model_get_item (members, i);
      g_autofree char *who = NULL;

      if (!kp_member_is_public_contact (member))
        continue;
      if (!has_contact)
        add_label (self, KP_DOC_LABEL_CONTACT);
      has_contact = TRUE;
      who = dup_contributor (self, member);
      add_value (self, who, NULL);
      add_contact_values (self, kp_member_get_email (member), kp_member_get_phone (member), NULL);
    }

  kp_doc_layout_next_column (layout);
  add_conditions (self);
  if (text (self, KP_COURSE_ORGANISER) != NULL)
    {
      add_label (self, KP_DOC_LABEL_ORGANISER);
      add_value (self, text (self, KP_COURSE_ORGANISER), NULL);
    }
  if (partners != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) partners);

      add_label (self, KP_DOC_LABEL_PARTNERS);
      add_value (self, joined, NULL);
    }
  kp_doc_layout_end_columns (layout);
}

static void
build (KpBrochure *self)
{
  KpDocLayout *layout = self->layout;
  GListModel *model = kp_course_get_sessions (self->course);
  const char * const *goals = kp_course_get_goals (self->course);
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *title = g_markup_escape_text (kp_course_get_title (self->course)
                                                 ? kp_course_get_title (self->course) : "", -1);
  gboolean has_goals;

  /* A cancelled course says so over its title, in the brochure's language. */
  if (kp_course_get_cancelled (self->course))
    {
      g_autofree char *word = g_markup_escape_text (label (self, KP_DOC_LABEL_CANCELLED), -1);
      char *over = g_strdup_printf ("%s\n%s", word, title);

      g_free (title);
      title = over;
    }

  kp_doc_layout_set_footer (layout, kp_course_get_title (self->course),
                            label (self, KP_DOC_LABEL_PAGE));
  kp_doc_layout_add (layout, KP_DOC_STYLE_TITLE, KP_DOC_BLOCK_NONE, NULL, title, NULL);
  if (text (self, KP_COURSE_SUBTITLE) != NULL)
    add_paragraphs (layout, KP_DOC_STYLE_SUBTITLE, text (self, KP_COURSE_SUBTITLE));

  /* Who it is for and what it gives, side by side when there are both. */
  has_goals = goals != NULL && goals[0] != NULL;
  if (has_goals && text (self, KP_COURSE_TARGET_GROUP) != NULL)
    kp_doc_layout_begin_columns (layout, FALSE);
  if (text (self, KP_COURSE_TARGET_GROUP) != NULL)
    {
      g_autofree char *heading = g_markup_escape_text (label (self, KP_DOC_LABEL_FOR_WHOM), -1);

      kp_doc_layout_add (layout, KP_DOC_STYLE_HEADING, KP_DOC_BLOCK_KEEP_WITH_NEXT, NULL,
                         heading, NULL);
      add_paragraphs (layout, KP_DOC_STYLE_BODY, text (self, KP_COURSE_TARGET_GROUP));
    }
  if (has_goals && text (self, KP_COURSE_TARGET_GROUP) != NULL)
    kp_doc_layout_next_column (layout);
  if (has_goals)
    {
      g_autofree char *heading = g_markup_escape_text (label (self, KP_DOC_LABEL_WHAT_YOU_GET), -1);

      kp_doc_layout_add (layout, KP_DOC_STYLE_HEADING, KP_DOC_BLOCK_KEEP_WITH_NEXT, NULL,
                         heading, NULL);
      kp_doc_layout_begin_group (layout, "L");
      for (guint i = 0; goals[i] != NULL; i++)
        {
          g_autofree char *markup = g_markup_escape_text (goals[i], -1);
          kp_doc_layout_add (layout, KP_DOC_STYLE_ITEM, KP_DOC_BLOCK_NONE, NULL, markup, NULL);
        }
      kp_doc_layout_end_group (layout);
    }
  kp_doc_layout_end_columns (layout);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      KpSession *session = g_list_model_get_item (model, i);

      if (kp_session_get_start (session) == NULL ||
          (self->cancelled == KP_BROCHURE_CANCELLED_OMIT &&
           kp_session_get_status (session) == KP_SESSION_STATUS_CANCELLED))
        {
          g_object_unref (session);
          continue;
        }
      g_ptr_array_add (sessions, session);
    }
  g_ptr_array_sort (sessions, compare_sessions);
  if (sessions->len > 0)
    {
      g_autofree char *heading = g_markup_escape_text (label (self, KP_DOC_LABEL_PROGRAMME), -1);

      kp_doc_layout_add (layout, KP_DOC_STYLE_HEADING, KP_DOC_BLOCK_KEEP_WITH_NEXT, NULL,
                         heading, NULL);
      for (guint i = 0; i < sessions->len; i++)
        add_session (self, g_ptr_array_index (sessions, i));
    }

  add_practical (self);

  /* Only a user representative with a name makes it so (kp-method.c: blank rows count for
   * nothing). */
  if (kp_method_count_role (self->course, KP_ROLE_USER_REPRESENTATIVE) > 0)
    {
      g_autofree char *note = g_markup_escape_text (label (self, KP_DOC_LABEL_PLANNED_TOGETHER),
                                                    -1);
      kp_doc_layout_add (layout, KP_DOC_STYLE_NOTE, KP_DOC_BLOCK_NONE, NULL, note, NULL);
    }
}

/**
 * kp_brochure_new:
 * @course: the course; the brochure is made from its state now
 * @language: the document language (kp_doc_language_lookup())
 * @cancelled: leave cancelled sessions out, or show them marked
 *
 * Returns: (transfer full): the brochure, to paginate and draw
 */
KpBrochure *
kp_brochure_new (KpCourse            *course,
                 const KpDocLanguage *language,
                 KpBrochureCancelled  cancelled)
{
  KpBrochure *self;

  g_return_val_if_fail (KP_IS_COURSE (course), NULL);
  g_return_val_if_fail (language != NULL, NULL);

  self = g_object_new (KP_TYPE_BROCHURE, NULL);
  self->course = g_object_ref (course);
  self->language = language;
  self->cancelled = cancelled;
  self->layout = kp_doc_layout_new (kp_doc_language_get_code (language));
  build (self);
  return self;
}

/**
 * kp_brochure_paginate:
 * @width: page width in points
 * @height: page height in points
 *
 * Lays the brochure out for this page size, as a print operation's paginate handler does.
 *
 * Returns: the number of pages
 */
guint
kp_brochure_paginate (KpBrochure *self,
                      double      width,
                      double      height)
{
  g_return_val_if_fail (KP_IS_BROCHURE (self), 0);
  return kp_doc_layout_paginate (self->layout, width, height);
}

/* The pages the last layout took: after kp_brochure_paginate() or a PDF render. */
guint
kp_brochure_get_n_pages (KpBrochure *self)
{
  g_return_val_if_fail (KP_IS_BROCHURE (self), 0);
  return kp_doc_layout_get_n_pages (self->layout);
}

/**
 * kp_brochure_draw_page:
 * @cr: a cairo context in points, for the page size last paginated
 * @page: 0-based
 */
void
kp_brochure_draw_page (KpBrochure *self,
                       cairo_t    *cr,
                       guint       page)
{
  g_return_if_fail (KP_IS_BROCHURE (self));
  kp_doc_layout_draw_page (self->layout, cr, page);
}

/**
 * kp_brochure_render_pdf:
 * @now: written as the PDF's creation date; the same course and @now give the same bytes
 *
 * Returns: (transfer full): a tagged PDF with the fonts embedded
 */
GBytes *
kp_brochure_render_pdf (KpBrochure        *self,
                        KpBrochureLayout   layout,
                        GDateTime         *now,
                        GError           **error)
{
  const char *subject = text (self, KP_COURSE_SUBTITLE);
  KpDocMetadata metadata = { 0 };
  double width, height;

  g_return_val_if_fail (KP_IS_BROCHURE (self), NULL);

  metadata.title = kp_course_get_title (self->course) ? kp_course_get_title (self->course) : "";
  metadata.author = text (self, KP_COURSE_ORGANISER);
  metadata.subject = subject ? subject : text (self, KP_COURSE_TARGET_GROUP);
  kp_brochure_layout_get_size (layout, &width, &height);
  return kp_doc_layout_render_pdf (self->layout, width, height, &metadata, now, error);
}

/* A file is written to a temporary name and renamed: a failed export leaves nothing
 * half-written. A device or pipe is written into (kp-output.c). */
gboolean
kp_brochure_write_pdf (KpBrochure        *self,
                       KpBrochureLayout   layout,
                       GDateTime         *now,
                       const char        *path,
                       GError           **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (KP_IS_BROCHURE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  bytes = kp_brochure_render_pdf (self, layout, now, error);
  if (bytes == NULL)
    return FALSE;
  if (!kp_output_write_path (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                             &local_error))
    {
      g_set_error (error, KP_ERROR, KP_ERROR_FAILED, _("Could not write the brochure: %s"),
                   local_error->message);
      return FALSE;
    }
  return TRUE;
}
