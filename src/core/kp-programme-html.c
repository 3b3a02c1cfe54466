/* kp-programme-html.c — the term's programme as a web page a centre copies onto its website
 *
 * One folder: index.html (semantic HTML, readable without script, WCAG 2.1 AA in light and dark),
 * programme.css, and programme.ics with every session to subscribe to. Each course is an
 * <article> in its own document language, with the labels of its brochure (kp-doc-language.c);
 * the page around it speaks the window's language. schema.org JSON-LD (Course with
 * hasCourseInstance) lets search engines and the trusts' sites read the courses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-programme"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "kp-doc-language.h"
#include "kp-error.h"
#include "kp-i18n.h"
#include "kp-ical-export.h"
#include "kp-method.h"
#include "kp-output.h"
#include "kp-programme-html.h"
#include "kp-time.h"

static const char stylesheet[] =
  ":root { color-scheme: light dark; --bg: #ffffff; --fg: #1d1d1f; --card: #f6f5f4;\n"
  "  --muted: #504e55; --link: #1a5fb4; --accent: #1c71d8; --cancel: #a51d2d; }\n"
  "@media (prefers-color-scheme: dark) {\n"
  "  :root { --bg: #1e1e1e; --fg: #f3f3f3; --card: #2c2c2c; --muted: #c8c7c4;\n"
  "    --link: #99c1f1; --accent: #62a0ea; --cancel: #ff9c8a; }\n"
  "}\n"
  "* { box-sizing: border-box; }\n"
  "body { margin: 0; background: var(--bg); color: var(--fg); line-height: 1.5;\n"
  "  font-family: \"Noto Sans\", \"Cantarell\", system-ui, sans-serif; font-size: 1.0625rem; }\n"
  "a { color: var(--link); }\n"
  "a:focus-visible, select:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }\n"
  "header, nav, main, footer { max-width: 52rem; margin: 0 auto; padding: 0 1rem; }\n"
  "header { padding-top: 1.5rem; }\n"
  "h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 .25rem; }\n"
  ".period, .subtitle, .parts, .note { color: var(--muted); }\n"
  "nav { display: flex; flex-wrap: wrap; gap: 0 2.5rem; }\n"
  "nav h2 { font-size: 1.125rem; margin: 1rem 0 .25rem; }\n"
  "nav ul { margin: 0; padding-left: 1.25rem; }\n"
  "#filter { flex-basis: 100%; display: flex; flex-wrap: wrap; gap: .5rem 1.5rem;\n"
  "  margin: 1rem 0 0; }\n"
  "#filter[hidden] { display: none; }\n"
  "#filter > div { flex: 1 1 12rem; min-width: 0; }\n"
  "#filter label { display: block; font-weight: 600; }\n"
  "select { font: inherit; color: var(--fg); background: var(--bg); min-height: 2.75rem;\n"
  "  border: 1px solid var(--muted); border-radius: 6px; padding: .25rem .5rem; width: 100%; }\n"
  "main > section > h2 { font-size: 1.5rem; margin: 2rem 0 .5rem;\n"
  "  border-bottom: 2px solid var(--accent); }\n"
  "article { background: var(--card); border-radius: 12px; padding: 1rem 1.25rem;\n"
  "  margin: 0 0 1rem; overflow-wrap: anywhere; }\n"
  "article h3 { font-size: 1.375rem; margin: 0; line-height: 1.3; }\n"
  "article h4 { font-size: 1.0625rem; margin: 1rem 0 .25rem; }\n"
  "article p { margin: .25rem 0; }\n"
  "article ul { margin: .25rem 0; padding-left: 1.25rem; }\n"
  ".sessions { list-style: none; padding-left: 0; }\n"
  ".sessions > li { border-left: 4px solid var(--accent); padding-left: .75rem; margin: .5rem 0; }\n"
  ".sessions time { font-weight: 600; display: block; }\n"
  ".cancelled-label { color: var(--cancel); font-weight: 700; }\n"
  ".sessions > li.cancelled { border-left-color: var(--cancel); }\n"
  ".sessions > li.cancelled .theme { text-decoration: line-through; }\n"
  "dl { display: grid; grid-template-columns: minmax(7rem, max-content) 1fr; gap: .25rem 1rem;\n"
  "  margin: .25rem 0; }\n"
  "dt { font-weight: 600; }\n"
  "dd { margin: 0; white-space: pre-line; }\n"
  "@media (max-width: 30rem) { dl { grid-template-columns: 1fr; } dd { margin-bottom: .5rem; } }\n"
  "footer { padding-bottom: 2rem; }\n";

/* Sessions with a start, in time order. */
static GPtrArray *
dup_sessions (KpCourse *course)
{
  GListModel *model = kp_course_get_sessions (course);
  GPtrArray *sessions = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(KpSession) session = g_list_model_get_item (model, i);

      if (kp_session_get_start (session) != NULL)
        g_ptr_array_add (sessions, g_steal_pointer (&session));
    }
  return sessions;
}

static int
compare_session_starts (gconstpointer a,
                        gconstpointer b)
{
  return g_date_time_compare (kp_session_get_start (*(KpSession **) a),
                              kp_session_get_start (*(KpSession **) b));
}

/**
 * kp_programme_course_is_cancelled:
 *
 * A course whose every session is cancelled reads as cancelled.
 *
 * Returns: whether the course has sessions and all of them are cancelled
 */
gboolean
kp_programme_course_is_cancelled (KpCourse *course)
{
  g_autoptr(GPtrArray) sessions = dup_sessions (course);

  for (guint i = 0; i < sessions->len; i++)
    if (kp_session_get_status (g_ptr_array_index (sessions, i)) != KP_SESSION_STATUS_CANCELLED)
      return FALSE;
  return sessions->len > 0;
}

static void
date_of (GDateTime *time,
         GDate     *date)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (time), g_date_time_get_month (time),
                  g_date_time_get_year (time));
}

static int
compare_first_starts (gconstpointer a,
                      gconstpointer b)
{
  KpCourse *ca = *(KpCourse **) a;
  KpCourse *cb = *(KpCourse **) b;
  int order = g_date_time_compare (kp_course_get_first_start (ca),
                                   kp_course_get_first_start (cb));

  return order != 0 ? order : g_strcmp0 (kp_course_get_title (ca), kp_course_get_title (cb));
}

/**
 * kp_programme_select:
 * @from: the first day of the period
 * @to: the last day of the period
 *
 * The courses of a programme: those whose first session starts on a day in [@from, @to] (in the
 * course's own zone) and that are more than an idea, by first session.
 *
 * Returns: (transfer container) (element-type KpCourse): the courses, each with a reference
 */
GPtrArray *
kp_programme_select (KpCourse * const *courses,
                     guint             n_courses,
                     const GDate      *from,
                     const GDate      *to,
                     KpProgrammeFlags  flags)
{
  GPtrArray *selected = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n_courses; i++)
    {
      GDateTime *first = kp_course_get_first_start (courses[i]);
      GDate day;

      if (first == NULL || kp_course_get_status (courses[i]) == KP_COURSE_STATUS_IDEA)
        continue;
      date_of (first, &day);
      if (g_date_compare (&day, from) < 0 || g_date_compare (&day, to) > 0)
        continue;
      if ((flags & KP_PROGRAMME_LEAVE_OUT_CANCELLED) != 0 &&
          kp_programme_course_is_cancelled (courses[i]))
        continue;
      g_ptr_array_add (selected, g_object_ref (courses[i]));
    }
  g_ptr_array_sort (selected, compare_first_starts);
  return selected;
}

static const KpDocLanguage *
course_language (KpCourse *course)
{
  const KpDocLanguage *language = kp_doc_language_lookup (kp_course_get_language (course));

  return language != NULL ? language : kp_doc_language_lookup ("nb");
}

static const char *
text (KpCourse     *course,
      KpCourseText  field)
{
  return kp_course_get_text (course, field);
}

static void
append_escaped (GString    *out,
                const char *value)
{
  g_autofree char *escaped = g_markup_escape_text (value != NULL ? value : "", -1);

  g_string_append (out, escaped);
}

/* ISO 8601 with the UTC offset of that day in the course's zone: 2026-10-27T18:00:00+01:00 */
static char *
dup_iso (GDateTime *time)
{
  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%S%:z");
}

/* The first line of the target group: the key the filter groups courses by. */
static char *
dup_group (KpCourse *course)
{
  const char *group = text (course, KP_COURSE_TARGET_GROUP);
  const char *end;

  if (group == NULL)
    return NULL;
  end = strchr (group, '\n');
  return g_strstrip (g_strndup (group, end != NULL ? (gsize) (end - group) : strlen (group)));
}

static char *
dup_month_id (KpCourse *course)
{
  return g_date_time_format (kp_course_get_first_start (course), "m-%Y-%m");
}

static void
append_paragraphs (GString    *out,
                   const char *value,
                   const char *class_name)
{
  g_auto(GStrv) paragraphs = g_strsplit (value, "\n", -1);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      if (*g_strstrip (paragraphs[i]) == '\0')
        continue;
      if (class_name != NULL)
        g_string_append_printf (out, "<p class=\"%s\">", class_name);
      else
        g_string_append (out, "<p>");
      append_escaped (out, paragraphs[i]);
      g_string_append (out, "</p>\n");
    }
}

static void
append_heading (GString             *out,
                const KpDocLanguage *language,
                KpDocLabel           label)
{
  g_string_append (out, "<h4>");
  append_escaped (out, kp_doc_language_get_label (language, label));
  g_string_append (out, "</h4>\n");
}

static char *
dup_contributor (const KpDocLanguage *language,
                 KpMember            *member)
{
  return kp_member_dup_public_label_with_role (member,
                                               kp_doc_language_get_role (language,
                                                                         kp_member_get_role (member)));
}

static void
append_session (GString             *out,
                KpCourse            *course,
                const KpDocLanguage *language,
                KpSession           *session)
{
  GListModel *contributions = kp_session_get_contributions (session);
  guint n = g_list_model_get_n_items (contributions);
  gboolean cancelled = kp_session_get_status (session) == KP_SESSION_STATUS_CANCELLED;
  g_autoptr(GDateTime) end = kp_session_get_end (session);
  g_autofree char *when = kp_doc_language_format_session_time (language,
                                                                kp_session_get_start (session),
                                                                end);
  g_autofree char *iso = dup_iso (kp_session_get_start (session));

  g_string_append_printf (out, "<li%s><time datetime=\"%s\">", cancelled ? " class=\"cancelled\"" : "",
                          iso);
  append_escaped (out, when);
  g_string_append (out, "</time>");
  if (cancelled)
    {
      g_string_append (out, "<span class=\"cancelled-label\">");
      append_escaped (out, kp_doc_language_get_label (language, KP_DOC_LABEL_CANCELLED));
      g_string_append (out, "</span> ");
    }
  if (kp_session_get_title (session) != NULL)
    {
      g_string_append (out, "<span class=\"theme\">");
      append_escaped (out, kp_session_get_title (session));
      g_string_append (out, "</span>");
    }
  if (kp_session_has_own_location (session))
    {
      g_autofree char *place = kp_doc_join_place (kp_session_get_location_name (session),
                                                  kp_session_get_location_room (session),
                                                  kp_session_get_location_address (session),
                                                  ", ");

      g_string_append (out, "<br>");
      append_escaped (out, kp_doc_language_get_label (language, KP_DOC_LABEL_PLACE));
      g_string_append (out, ": ");
      append_escaped (out, place);
    }
  if (n > 0)
    g_string_append (out, "<ul class=\"parts\">");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KpContribution) contribution = g_list_model_get_item (contributions, i);
      const char *member_id = kp_contribution_get_member_id (contribution);
      KpMember *member = member_id != NULL ? kp_course_find_member (course, member_id) : NULL;
      g_autofree char *who = member != NULL ? dup_contributor (language, member) : NULL;

      g_string_append (out, "<li>");
      append_escaped (out, kp_doc_language_get_contribution_kind (language,
                                                                  kp_contribution_get_kind (contribution)));
      if (kp_contribution_get_title (contribution) != NULL)
        {
          g_string_append (out, ": ");
          append_escaped (out, kp_contribution_get_title (contribution));
        }
      if (who != NULL)
        {
          g_string_append (out, " — ");
          append_escaped (out, who);
        }
      g_string_append (out, "</li>");
    }
  if (n > 0)
    g_string_append (out, "</ul>");
  g_string_append (out, "</li>\n");
}

static void
append_field (GString             *out,
              const KpDocLanguage *language,
              KpDocLabel           label,
              const char          *value)
{
  if (value == NULL || *value == '\0')
    return;
  g_string_append (out, "<dt>");
  append_escaped (out, kp_doc_language_get_label (language, label));
  g_string_append (out, "</dt><dd>");
  append_escaped (out, value);
  g_string_append (out, "</dd>\n");
}

static void
append_link (GString    *out,
             const char *scheme,
             const char *target,
             const char *shown)
{
  g_string_append (out, "<a href=\"");
  append_escaped (out, scheme);
  append_escaped (out, target);
  g_string_append (out, "\">");
  append_escaped (out, shown);
  g_string_append (out, "</a>");
}

static void
append_practical (GString             *out,
                  KpCourse            *course,
                  const KpDocLanguage *language)
{
  GListModel *members = kp_course_get_members (course);
  const char * const *partners = kp_course_get_partners (course);
  g_autofree char *place = kp_doc_join_place (text (course, KP_COURSE_LOCATION_NAME),
                                              text (course, KP_COURSE_LOCATION_ROOM),
                                              text (course, KP_COURSE_LOCATION_ADDRESS), "\n");
  g_autoptr(GPtrArray) conditions = kp_doc_language_dup_conditions (language, course);
  g_autoptr(GString) fields = g_string_new (NULL);
  const char *email = text (course, KP_COURSE_EMAIL);
  const char *phone = text (course, KP_COURSE_PHONE);
  const char *url = text (course, KP_COURSE_URL);
  GDate deadline;

  append_field (fields, language, KP_DOC_LABEL_PLACE, place);
  append_field (fields, language, KP_DOC_LABEL_ACCESSIBILITY,
                text (course, KP_COURSE_LOCATION_ACCESSIBILITY));
  append_field (fields, language, KP_DOC_LABEL_PRICE, text (course, KP_COURSE_PRICE));
  if (text (course, KP_COURSE_DEADLINE) != NULL &&
      kp_time_parse_date (text (course, KP_COURSE_DEADLINE), &deadline))
    {
      g_autofree char *date = kp_doc_language_format_date (language, &deadline);

      append_field (fields, language, KP_DOC_LABEL_DEADLINE, date);
    }
  if (email != NULL || phone != NULL || url != NULL)
    {
      g_string_append (fields, "<dt>");
      append_escaped (fields, kp_doc_language_get_label (language, KP_DOC_LABEL_REGISTRATION));
      g_string_append (fields, "</dt><dd>");
      if (email != NULL)
        append_link (fields, "mailto:", email, email);
      if (phone != NULL)
        {
          if (email != NULL)
            g_string_append (fields, "<br>");
          append_escaped (fields, phone);
        }
      if (url != NULL && (g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://")))
        {
          if (email != NULL || phone != NULL)
            g_string_append (fields, "<br>");
          append_link (fields, "", url, url);
        }
      g_string_append (fields, "</dd>\n");
    }
  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(KpMember) member = g_list_model_get_item (members, i);
      g_autofree char *who = NULL;

      if (!kp_member_is_public_contact (member))
        continue;
      who = dup_contributor (language, member);
      g_string_append (fields, "<dt>");
      append_escaped (fields, kp_doc_language_get_label (language, KP_DOC_LABEL_CONTACT));
      g_string_append (fields, "</dt><dd>");
      append_escaped (fields, who);
      if (kp_member_get_email (member) != NULL)
        {
          g_string_append (fields, "<br>");
          append_link (fields, "mailto:", kp_member_get_email (member),
                       kp_member_get_email (member));
        }
      if (kp_member_get_phone (member) != NULL)
        {
          g_string_append (fields, "<br>");
          append_escaped (fields, kp_member_get_phone (member));
        }
      g_string_append (fields, "</dd>\n");
    }
  if (conditions->len > 0)
    {
      g_ptr_array_add (conditions, NULL);
      g_autofree char *joined = g_strjoinv ("\n", (char **) conditions->pdata);
      append_field (fields, language, KP_DOC_LABEL_CONDITIONS, joined);
    }
  append_field (fields, language, KP_DOC_LABEL_ORGANISER, text (course, KP_COURSE_ORGANISER));
  if (partners != NULL && partners[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) partners);
      append_field (fields, language, KP_DOC_LABEL_PARTNERS, joined);
    }

  if (fields->len == 0)
    return;
  append_heading (out, language, KP_DOC_LABEL_PRACTICAL);
  g_string_append (out, "<dl>\n");
  g_string_append_len (out, fields->str, fields->len);
  g_string_append (out, "</dl>\n");
}

static void
append_course (GString    *out,
               KpCourse   *course,
               GHashTable *group_ids)
{
  const KpDocLanguage *language = course_language (course);
  const char * const *goals = kp_course_get_goals (course);
  g_autoptr(GPtrArray) sessions = dup_sessions (course);
  g_autofree char *group = dup_group (course);
  g_autofree char *month = dup_month_id (course);
  const char *group_id = group != NULL ? g_hash_table_lookup (group_ids, group) : NULL;
  gboolean cancelled = kp_programme_course_is_cancelled (course);

  g_ptr_array_sort (sessions, compare_session_starts);
  g_string_append_printf (out, "<article id=\"c-%s\" lang=\"%s\" data-month=\"%s\"",
                          kp_course_get_id (course), kp_doc_language_get_code (language), month);
  if (group_id != NULL)
    g_string_append_printf (out, " data-group=\"%s\"", group_id);
  g_string_append_printf (out, " aria-labelledby=\"t-%s\">\n<h3 id=\"t-%s\">",
                          kp_course_get_id (course), kp_course_get_id (course));
  append_escaped (out, kp_course_get_title (course));
  if (cancelled)
    {
      g_string_append (out, " <span class=\"cancelled-label\">· ");
      append_escaped (out, kp_doc_language_get_label (language, KP_DOC_LABEL_CANCELLED));
      g_string_append (out, "</span>");
    }
  g_string_append (out, "</h3>\n");
  if (text (course, KP_COURSE_SUBTITLE) != NULL)
    append_paragraphs (out, text (course, KP_COURSE_SUBTITLE), "subtitle");

  if (text (course, KP_COURSE_TARGET_GROUP) != NULL)
    {
      append_heading (out, language, KP_DOC_LABEL_FOR_WHOM);
      append_paragraphs (out, text (course, KP_COURSE_TARGET_GROUP), NULL);
    }
  if (goals != NULL && goals[0] != NULL)
    {
      append_heading (out, language, KP_DOC_LABEL_WHAT_YOU_GET);
      g_string_append (out, "<ul>\n");
      for (guint i = 0; goals[i] != NULL; i++)
        {
          g_string_append (out, "<li>");
          append_escaped (out, goals[i]);
          g_string_append (out, "</li>\n");
        }
      g_string_append (out, "</ul>\n");
    }
  if (sessions->len > 0)
    {
      append_heading (out, language, KP_DOC_LABEL_PROGRAMME);
      g_string_append (out, "<ul class=\"sessions\">\n");
      for (guint i = 0; i < sessions->len; i++)
        append_session (out, course, language, g_ptr_array_index (sessions, i));
      g_string_append (out, "</ul>\n");
    }
  append_practical (out, course, language);
  if (kp_method_count_role (course, KP_ROLE_USER_REPRESENTATIVE) > 0)
    {
      g_string_append (out, "<p class=\"note\">");
      append_escaped (out, kp_doc_language_get_label (language, KP_DOC_LABEL_PLANNED_TOGETHER));
      g_string_append (out, "</p>\n");
    }
  g_string_append (out, "</article>\n");
}

/* The price as a number for schema.org when the text holds one: "kr 1 500,-" is 1500. */
static gboolean
parse_price (const char *price,
             guint64    *value)
{
  const char *p = price;
  guint64 number = 0;

  while (*p != '\0' && !g_ascii_isdigit (*p))
    p++;
  if (*p == '\0')
    return FALSE;
  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_ascii_isdigit (*p))
        {
          if (number > G_MAXUINT32)
            return FALSE;
          number = number * 10 + (guint64) (*p - '0');
        }
      else if (!(c == ' ' || c == 0xa0 || c == 0x202f || c == '.') ||
               !g_ascii_isdigit (*g_utf8_next_char (p)))
        break;
    }
  *value = number;
  return TRUE;
}

static void
add_place (JsonBuilder *builder,
           const char  *name,
           const char  *room,
           const char  *address)
{
  g_autofree char *joined = kp_doc_join_place (name, room, NULL, ", ");

  json_builder_set_member_name (builder, "location");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "@type");
  json_builder_add_string_value (builder, "Place");
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, *joined != '\0' ? joined : address);
  if (address != NULL)
    {
      json_builder_set_member_name (builder, "address");
      json_builder_add_string_value (builder, address);
    }
  json_builder_end_object (builder);
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

static void
add_course_instance (JsonBuilder *builder,
                     KpCourse    *course,
                     const char  *language,
                     KpSession   *session)
{
  g_autoptr(GDateTime) end = kp_session_get_end (session);
  g_autofree char *start_text = dup_iso (kp_session_get_start (session));
  g_autofree char *end_text = dup_iso (end);
  gboolean own = kp_session_has_own_location (session);
  gboolean cancelled = kp_session_get_status (session) == KP_SESSION_STATUS_CANCELLED;

  json_builder_begin_object (builder);
  add_string (builder, "@type", "CourseInstance");
  add_string (builder, "name", kp_session_get_title (session) != NULL
                               ? kp_session_get_title (session) : kp_course_get_title (course));
  add_string (builder, "startDate", start_text);
  add_string (builder, "endDate", end_text);
  add_string (builder, "inLanguage", language);
  add_string (builder, "courseMode", "onsite");
  /* The course's mode (digital, hybrid) belongs here once the model has it. */
  add_string (builder, "eventAttendanceMode", "https://schema.org/OfflineEventAttendanceMode");
  add_string (builder, "eventStatus", cancelled ? "https://schema.org/EventCancelled"
                                                : "https://schema.org/EventScheduled");
  if (own)
    add_place (builder, kp_session_get_location_name (session),
               kp_session_get_location_room (session), kp_session_get_location_address (session));
  else if (text (course, KP_COURSE_LOCATION_NAME) != NULL ||
           text (course, KP_COURSE_LOCATION_ADDRESS) != NULL)
    add_place (builder, text (course, KP_COURSE_LOCATION_NAME),
               text (course, KP_COURSE_LOCATION_ROOM), text (course, KP_COURSE_LOCATION_ADDRESS));
  json_builder_end_object (builder);
}

static void
add_course (JsonBuilder *builder,
            KpCourse    *course)
{
  const char *language = kp_doc_language_get_code (course_language (course));
  const char *description = text (course, KP_COURSE_SUBTITLE);
  const char *price = text (course, KP_COURSE_PRICE);
  g_autoptr(GPtrArray) sessions = dup_sessions (course);
  g_autofree char *id = g_strconcat ("#c-", kp_course_get_id (course), NULL);
  guint64 amount;

  g_ptr_array_sort (sessions, compare_session_starts);
  if (description == NULL)
    description = text (course, KP_COURSE_TARGET_GROUP);
  json_builder_begin_object (builder);
  add_string (builder, "@type", "Course");
  add_string (builder, "@id", id);
  add_string (builder, "name", kp_course_get_title (course));
  add_string (builder, "description", description != NULL ? description
                                                          : kp_course_get_title (course));
  add_string (builder, "inLanguage", language);
  if (text (course, KP_COURSE_TARGET_GROUP) != NULL)
    {
      json_builder_set_member_name (builder, "audience");
      json_builder_begin_object (builder);
      add_string (builder, "@type", "Audience");
      add_string (builder, "audienceType", text (course, KP_COURSE_TARGET_GROUP));
      json_builder_end_object (builder);
    }
  add_string (builder, "url", text (course, KP_COURSE_URL));
  if (text (course, KP_COURSE_ORGANISER) != NULL)
    {
      json_builder_set_member_name (builder, "provider");
      json_builder_begin_object (builder);
      add_string (builder, "@type", "Organization");
      add_string (builder, "name", text (course, KP_COURSE_ORGANISER));
      json_builder_end_object (builder);
    }
  if (price != NULL)
    {
      json_builder_set_member_name (builder, "offers");
      json_builder_begin_object (builder);
      add_string (builder, "@type", "Offer");
      add_string (builder, "description", price);
      if (parse_price (price, &amount))
        {
          json_builder_set_member_name (builder, "price");
          json_builder_add_int_value (builder, (gint64) amount);
          add_string (builder, "priceCurrency", "NOK");
        }
      json_builder_end_object (builder);
    }
  json_builder_set_member_name (builder, "hasCourseInstance");
  json_builder_begin_array (builder);
  for (guint i = 0; i < sessions->len; i++)
    add_course_instance (builder, course, language, g_ptr_array_index (sessions, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/* The JSON-LD, safe inside <script>: no "<" can close the element early. */
static char *
dup_json_ld (KpCourse * const *courses,
             guint             n_courses)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  GString *safe;

  json_builder_begin_object (builder);
  add_string (builder, "@context", "https://schema.org");
  json_builder_set_member_name (builder, "@graph");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_courses; i++)
    add_course (builder, courses[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, NULL);

  safe = g_string_sized_new (strlen (json) + 16);
  for (const char *p = json; *p != '\0'; p++)
    {
      if (*p == '<')
        g_string_append (safe, "\\u003c");
      else if (*p == '>')
        g_string_append (safe, "\\u003e");
      else if (*p == '&')
        g_string_append (safe, "\\u0026");
      else
        g_string_append_c (safe, *p);
    }
  return g_string_free (safe, FALSE);
}

static char *
dup_period (const GDate *from,
            const GDate *to)
{
  g_autoptr(GDateTime) start = g_date_time_new_utc (g_date_get_year (from), g_date_get_month (from),
                                                    g_date_get_day (from), 12, 0, 0);
  g_autoptr(GDateTime) end = g_date_time_new_utc (g_date_get_year (to), g_date_get_month (to),
                                                  g_date_get_day (to), 12, 0, 0);
  g_autofree char *start_text = g_date_time_format (start, "%-d %B %Y");
  g_autofree char *end_text = g_date_time_format (end, "%-d %B %Y");

  /* Translators: the period a programme covers, "1 August 2026 – 31 January 2027" */
  return g_strdup_printf (_("%s – %s"), start_text, end_text);
}

static void
append_select (GString    *out,
               const char *id,
               const char *label,
               GPtrArray  *values,
               GPtrArray  *names)
{
  g_string_append_printf (out, "<div><label for=\"%s\">", id);
  append_escaped (out, label);
  g_string_append_printf (out, "</label><select id=\"%s\"><option value=\"\">", id);
  append_escaped (out, _("All"));
  g_string_append (out, "</option>");
  for (guint i = 0; i < values->len; i++)
    {
      g_string_append_printf (out, "<option value=\"%s\">", (char *) g_ptr_array_index (values, i));
      append_escaped (out, g_ptr_array_index (names, i));
      g_string_append (out, "</option>");
    }
  g_string_append (out, "</select></div>\n");
}

/* Better with script: two lists that hide the courses that do not match. Without it the page
 * is whole, and the lists of months and target groups are links to the courses. */
static const char filter_script[] =
  "<script>\n"
  "(function () {\n"
  "  var form = document.getElementById('filter');\n"
  "  var month = document.getElementById('filter-month');\n"
  "  var group = document.getElementById('filter-group');\n"
  "  function apply () {\n"
  "    document.querySelectorAll('main > section').forEach(function (section) {\n"
  "      var shown = 0;\n"
  "      section.querySelectorAll('article').forEach(function (article) {\n"
  "        var ok = (!month.value || article.dataset.month === month.value) &&\n"
  "                 (!group.value || article.dataset.group === group.value);\n"
  "        article.hidden = !ok;\n"
  "        if (ok) shown++;\n"
  "      });\n"
  "      section.hidden = shown === 0;\n"
  "    });\n"
  "  }\n"
  "  month.addEventListener('change', apply);\n"
  "  group.addEventListener('change', apply);\n"
  "  form.hidden = false;\n"
  "})();\n"
  "</script>\n";

/**
 * kp_programme_html_build:
 * @courses: the programme's courses, in order (kp_programme_select())
 * @centre: (nullable): the centre's name, the page's heading
 *
 * Returns: (transfer full): index.html; it links programme.css and programme.ics beside it
 */
char *
kp_programme_html_build (KpCourse * const *courses,
                         guint             n_courses,
                         const char       *centre,
                         const GDate      *from,
                         const GDate      *to)
{
  GString *out = g_string_sized_new (4096 + n_courses * 4096);
  g_autoptr(GHashTable) group_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) group_values = g_ptr_array_new ();
  g_autoptr(GPtrArray) group_languages = g_ptr_array_new ();
  g_autoptr(GPtrArray) group_firsts = g_ptr_array_new ();
  g_autoptr(GPtrArray) months = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) month_names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *period = dup_period (from, to);
  g_autofree char *json_ld = dup_json_ld (courses, n_courses);
  const char *title = centre != NULL && *centre != '\0' ? centre : _("Course programme");
  /* Translators: the language code of this translation, as HTML's lang attribute takes it */
  const char *page_language = C_("html-lang", "en");

  for (guint i = 0; i < n_courses; i++)
    {
      g_autofree char *group = dup_group (courses[i]);
      g_autofree char *month = dup_month_id (courses[i]);

      if (months->len == 0 || strcmp (g_ptr_array_index (months, months->len - 1), month) != 0)
        {
          g_ptr_array_add (months, g_steal_pointer (&month));
          g_ptr_array_add (month_names, g_date_time_format (kp_course_get_first_start (courses[i]),
                                                            "%B %Y"));
        }
      if (group != NULL && *group != '\0' && !g_hash_table_contains (group_ids, group))
        {
          char *id = g_strdup_printf ("g-%u", groups->len + 1);

          g_hash_table_insert (group_ids, g_strdup (group), id);
          g_ptr_array_add (group_values, id);
          g_ptr_array_add (group_languages,
                           (gpointer) kp_doc_language_get_code (course_language (courses[i])));
          g_ptr_array_add (group_firsts, courses[i]);
          g_ptr_array_add (groups, g_steal_pointer (&group));
        }
    }

  g_string_append_printf (out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
                          "<meta charset=\"utf-8\">\n"
                          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                          "<meta name=\"color-scheme\" content=\"light dark\">\n<title>",
                          page_language);
  append_escaped (out, title);
  g_string_append (out, " · ");
  append_escaped (out, period);
  g_string_append (out, "</title>\n<link rel=\"stylesheet\" href=\"programme.css\">\n"
                        "<link rel=\"alternate\" type=\"text/calendar\" href=\"programme.ics\">\n"
                        "<script type=\"application/ld+json\">");
  g_string_append (out, json_ld);
  g_string_append (out, "</script>\n</head>\n<body>\n<header>\n<h1>");
  append_escaped (out, title);
  g_string_append (out, "</h1>\n<p class=\"period\">");
  append_escaped (out, period);
  g_string_append (out, "</p>\n</header>\n");

  if (n_courses > 0)
    {
      g_string_append (out, "<nav aria-label=\"");
      append_escaped (out, _("Find a course"));
      g_string_append (out, "\">\n<div>\n<h2>");
      append_escaped (out, _("By month"));
      g_string_append (out, "</h2>\n<ul>\n");
      for (guint i = 0; i < months->len; i++)
        {
          g_string_append_printf (out, "<li><a href=\"#%s\">", (char *) g_ptr_array_index (months, i));
          append_escaped (out, g_ptr_array_index (month_names, i));
          g_string_append (out, "</a></li>\n");
        }
      g_string_append (out, "</ul>\n</div>\n");
      if (groups->len > 0)
        {
          g_string_append (out, "<div>\n<h2>");
          append_escaped (out, _("By target group"));
          g_string_append (out, "</h2>\n<ul>\n");
          for (guint i = 0; i < groups->len; i++)
            {
              KpCourse *first = g_ptr_array_index (group_firsts, i);

              g_string_append_printf (out, "<li><a href=\"#c-%s\" lang=\"%s\">",
                                      kp_course_get_id (first),
                                      (char *) g_ptr_array_index (group_languages, i));
              append_escaped (out, g_ptr_array_index (groups, i));
              g_string_append (out, "</a></li>\n");
            }
          g_string_append (out, "</ul>\n</div>\n");
        }
      g_string_append (out, "<form id=\"filter\" hidden>\n");
      append_select (out, "filter-month", _("Month"), months, month_names);
      if (groups->len > 0)
        append_select (out, "filter-group", _("Target group"), group_values, groups);
      else
        {
          g_autoptr(GPtrArray) none = g_ptr_array_new ();
          append_select (out, "filter-group", _("Target group"), none, none);
        }
      g_string_append (out, "</form>\n</nav>\n");
    }

  g_string_append (out, "<main>\n");
  if (n_courses == 0)
    {
      g_string_append (out, "<p>");
      append_escaped (out, _("No courses start in this period."));
      g_string_append (out, "</p>\n");
    }
  for (guint i = 0, m = 0; i < n_courses; i++)
    {
      g_autofree char *month = dup_month_id (courses[i]);

      if (i == 0 || strcmp (g_ptr_array_index (months, m), month) != 0)
        {
          if (i > 0)
            {
              g_string_append (out, "</section>\n");
              m++;
            }
          g_string_append_printf (out, "<section id=\"%s\" aria-labelledby=\"h-%s\">\n"
                                  "<h2 id=\"h-%s\">", month, month, month);
          append_escaped (out, g_ptr_array_index (month_names, m));
          g_string_append (out, "</h2>\n");
        }
      append_course (out, courses[i], group_ids);
    }
  if (n_courses > 0)
    g_string_append (out, "</section>\n");
  g_string_append (out, "</main>\n<footer>\n<p><a href=\"programme.ics\">");
  append_escaped (out, _("Subscribe to every session (iCalendar)"));
  g_string_append (out, "</a></p>\n</footer>\n");
  if (n_courses > 0)
    g_string_append (out, filter_script);
  g_string_append (out, "</body>\n</html>\n");
  return g_string_free (out, FALSE);
}

const char *
kp_programme_html_get_stylesheet (void)
{
  return stylesheet;
}

/**
 * kp_programme_html_write:
 * @directory: the folder to write into; made if missing
 * @now: the calendar's DTSTAMP
 *
 * Writes index.html, programme.css and programme.ics into @directory, each file replaced whole.
 *
 * Returns: %FALSE with @error set when the folder cannot be made or a file written
 */
gboolean
kp_programme_html_write (const char        *directory,
                         KpCourse * const  *courses,
                         guint              n_courses,
                         const char        *centre,
                         const GDate       *from,
                         const GDate       *to,
                         GDateTime         *now,
                         GError           **error)
{
  g_autofree char *html = NULL;
  g_autofree char *index_path = g_build_filename (directory, "index.html", NULL);
  g_autofree char *css_path = g_build_filename (directory, "programme.css", NULL);
  g_autofree char *ics_path = g_build_filename (directory, "programme.ics", NULL);
  g_autoptr(GBytes) ics = NULL;

  if (g_mkdir_with_parents (directory, 0755) != 0)
    {
      int saved = errno;

      g_set_error (error, KP_ERROR, KP_ERROR_FAILED, _("Could not make the folder: %s"),
                   g_strerror (saved));
      return FALSE;
    }
  html = kp_programme_html_build (courses, n_courses, centre, from, to);
  ics = kp_ical_export_courses_in (courses, n_courses, NULL, now, KP_ICAL_EXPORT_DEFAULT);
  return kp_output_write_path (css_path, stylesheet, strlen (stylesheet), error) &&
         kp_output_write_path (ics_path, g_bytes_get_data (ics, NULL), g_bytes_get_size (ics),
                               error) &&
         kp_output_write_path (index_path, html, strlen (html), error);
}
