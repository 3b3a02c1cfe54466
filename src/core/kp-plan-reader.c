/* kp-plan-reader.c — reads a course-plan file (.kursplan.json), validating all of it
 *
 * The whole file is checked before anything is used: the first problem rejects it with a message
 * that names the JSON path ("course.sessions[3].start: …"). Object members this version does not
 * know are ignored, each with a warning, so a file from a newer Kursplan still opens.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-plan-reader"

#include "config.h"

#include <inttypes.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "kp-error.h"
#include "kp-file.h"
#include "kp-i18n.h"
#include "kp-plan-reader.h"
#include "kp-quote.h"
#include "kp-time.h"

typedef struct
{
  GString     *path;         /* where in the file we are: "course.sessions[3]" */
  GPtrArray   *warnings;     /* (nullable) */
  GError     **error;
  GTimeZone   *tz;
  GHashTable  *member_keys;  /* key → member id */
  GHashTable  *member_ids;   /* member id → member id */
  GDateTime   *now;          /* (nullable): attendance for a session not ended by then is refused */
} Reader;

static gsize
path_push (Reader     *r,
           const char *name)
{
  gsize len = r->path->len;

  if (name != NULL)
    {
      if (r->path->len > 0)
        g_string_append_c (r->path, '.');
      if (g_utf8_validate (name, -1, NULL))
        g_string_append (r->path, name);
      else
        {
          g_autofree char *valid = g_utf8_make_valid (name, -1);

          g_string_append (r->path, valid);
        }
    }
  return len;
}

static gsize
path_push_index (Reader *r,
                 guint   index)
{
  gsize len = r->path->len;

  g_string_append_printf (r->path, "[%u]", index);
  return len;
}

static void
path_pop (Reader *r,
          gsize   len)
{
  g_string_truncate (r->path, len);
}

/* Rejects the file, naming the path (plus @name, if given). Always returns FALSE. */
static gboolean G_GNUC_PRINTF (3, 4)
fail_at (Reader     *r,
         const char *name,
         const char *format,
         ...)
{
  g_autofree char *message = NULL;
  gsize len = path_push (r, name);
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (r->path->len > 0)
    g_set_error (r->error, KP_ERROR, KP_ERROR_INVALID_PLAN, "%s: %s", r->path->str, message);
  else
    g_set_error_literal (r->error, KP_ERROR, KP_ERROR_INVALID_PLAN, message);
  path_pop (r, len);
  return FALSE;
}

/* Warns about every member of @object not in @known. */
static void
check_known (Reader             *r,
             JsonObject         *object,
             const char * const *known)
{
  g_autoptr(GList) names = json_object_get_members (object);

  for (GList *l = names; l != NULL; l = l->next)
    {
      gsize len;

      g_autofree char *name = NULL;

      if (g_strv_contains (known, l->data))
        continue;
      name = kp_quote_value (l->data);
      len = path_push (r, name);
      if (r->warnings != NULL)
        g_ptr_array_add (r->warnings,
                         g_strdup_printf (_("%s: not known to this version of Kursplan; ignored"),
                                          r->path->str));
      path_pop (r, len);
    }
}

/* The member's node, or NULL when it is absent or null. */
static JsonNode *
get_node (JsonObject *object,
          const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  return node;
}

/* json-glib turns a lone UTF-16 surrogate ("\ud800") into bytes that are not UTF-8, which
 * nothing after the reader (the store, the exporters, the window) can take. */
static gboolean
check_text (Reader     *r,
            const char *name,
            const char *text)
{
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    return fail_at (r, name, _("not valid text: it holds a lone UTF-16 surrogate (an escape "
                               "from \\ud800 to \\udfff without its pair)"));
  return TRUE;
}

static gboolean
read_string (Reader      *r,
             JsonObject  *object,
             const char  *name,
             gboolean     required,
             const char **out)
{
  JsonNode *node = get_node (object, name);

  *out = NULL;
  if (node == NULL)
    {
      if (required)
        return fail_at (r, name, _("missing"));
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail_at (r, name, _("not a text (a JSON string)"));

  *out = json_node_get_string (node);
  if (!check_text (r, name, *out))
    {
      *out = NULL;
      return FALSE;
    }
  if (required && **out == '\0')
    return fail_at (r, name, _("must not be empty"));
  return TRUE;
}

/* A whole number from @min to @max; *present is FALSE when it is absent or null. */
static gboolean
read_integer (Reader     *r,
              JsonObject *object,
              const char *name,
              gint64      min,
              gint64      max,
              gboolean   *present,
              gint64     *out)
{
  JsonNode *node = get_node (object, name);
  gint64 value;

  *present = FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return fail_at (r, name, _("not a whole number"));

  value = json_node_get_int (node);
  if (value < min)
    return fail_at (r, name, _("must be %" PRId64 " or more, not %" PRId64),
                    min, value);
  if (value > max)
    return fail_at (r, name, _("must be %" PRId64 " or less, not %" PRId64),
                    max, value);
  *present = TRUE;
  *out = value;
  return TRUE;
}

/* Minutes of a session, meeting or contribution: absent or null means not set yet. */
static gboolean
read_minutes (Reader     *r,
              JsonObject *object,
              guint      *out)
{
  JsonNode *node = get_node (object, "minutes");
  gboolean present;
  gint64 value = 0;

  *out = 0;
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_INT64 && json_node_get_int (node) <= 0)
    return fail_at (r, "minutes", _("must be more than 0 minutes, not %" PRId64),
                    json_node_get_int (node));
  if (!read_integer (r, object, "minutes", 1, KP_TIME_MAX_MINUTES, &present, &value))
    return FALSE;
  *out = (guint) value;
  return TRUE;
}

static gboolean
read_boolean (Reader     *r,
              JsonObject *object,
              const char *name,
              gboolean   *out)
{
  JsonNode *node = get_node (object, name);

  *out = FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fail_at (r, name, _("not true or false"));
  *out = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
read_object (Reader      *r,
             JsonObject  *object,
             const char  *name,
             JsonObject **out)
{
  JsonNode *node = get_node (object, name);

  *out = NULL;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail_at (r, name, _("not an object"));
  *out = json_node_get_object (node);
  return TRUE;
}

static gboolean
read_array (Reader     *r,
            JsonObject *object,
            const char *name,
            JsonArray **out)
{
  JsonNode *node = get_node (object, name);

  *out = NULL;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail_at (r, name, _("not a list (a JSON array)"));
  *out = json_node_get_array (node);
  return TRUE;
}

/* A list of texts; *out is NULL when absent, null or empty. */
static gboolean
read_strv (Reader       *r,
           JsonObject   *object,
           const char   *name,
           char       ***out)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;
  guint n;
  gsize len;

  *out = NULL;
  if (!read_array (r, object, name, &array))
    return FALSE;
  if (array == NULL)
    return TRUE;

  len = path_push (r, name);
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      gboolean is_text = JSON_NODE_HOLDS_VALUE (node) &&
                         json_node_get_value_type (node) == G_TYPE_STRING;

      if (!is_text || !g_utf8_validate (json_node_get_string (node), -1, NULL))
        {
          gsize ilen = path_push_index (r, i);

          if (!is_text)
            fail_at (r, NULL, _("not a text (a JSON string)"));
          else
            check_text (r, NULL, json_node_get_string (node));
          path_pop (r, ilen);
          path_pop (r, len);
          return FALSE;
        }
      g_strv_builder_add (builder, json_node_get_string (node));
    }
  path_pop (r, len);

  if (n > 0)
    *out = g_strv_builder_end (builder);
  return TRUE;
}

static gboolean
read_enum (Reader     *r,
           JsonObject *object,
           const char *name,
           GType       enum_type,
           gboolean    required,
           int         fallback,
           int        *out)
{
  const char *text;

  *out = fallback;
  if (!read_string (r, object, name, required, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;

  if (!kp_enum_from_string (enum_type, text, out))
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
      g_autoptr(GString) known = g_string_new (NULL);

      for (guint i = 0; i < klass->n_values; i++)
        g_string_append_printf (known, "%s%s", i > 0 ? ", " : "", klass->values[i].value_nick);
      g_autofree char *quoted = kp_quote_value (text);

      return fail_at (r, name, _("“%s” is not one of: %s"), quoted, known->str);
    }
  return TRUE;
}

/* An optional UUID, lower-cased; a repeat within @seen rejects the file. */
static gboolean
read_uuid (Reader      *r,
           JsonObject  *object,
           GHashTable  *seen,
           char       **out)
{
  const char *text;
  g_autofree char *id = NULL;

  *out = NULL;
  if (!read_string (r, object, "id", FALSE, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;
  if (!g_uuid_string_is_valid (text))
    {
      g_autofree char *quoted = kp_quote_value (text);

      return fail_at (r, "id", _("“%s” is not a UUID"), quoted);
    }

  id = g_ascii_strdown (text, -1);
  if (seen != NULL)
    {
      if (g_hash_table_contains (seen, id))
        return fail_at (r, "id", _("the id “%s” is used twice"), id);
      g_hash_table_add (seen, g_strdup (id));
    }
  *out = g_steal_pointer (&id);
  return TRUE;
}

static gboolean
read_local_time (Reader      *r,
                 JsonObject  *object,
                 const char  *name,
                 GDateTime  **out)
{
  g_autoptr(GError) local_error = NULL;
  const char *text;

  *out = NULL;
  if (!read_string (r, object, name, FALSE, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;

  *out = kp_time_parse_local (text, r->tz, &local_error);
  if (*out == NULL)
    return fail_at (r, name, _("not a date-time: %s"), local_error->message);
  return TRUE;
}

/* A session's or meeting's start and length together: kp_time_check_span()'s rules. */
static gboolean
read_span (Reader    *r,
           GDateTime *start,
           guint      minutes)
{
  g_autoptr(GError) local_error = NULL;

  if (!kp_time_check_span (start, minutes, &local_error))
    return fail_at (r, NULL, "%s", local_error->message);
  return TRUE;
}

static gboolean
read_date (Reader      *r,
           JsonObject  *object,
           const char  *name,
           const char **out)
{
  if (!read_string (r, object, name, FALSE, out))
    return FALSE;
  if (*out != NULL && !kp_time_parse_date (*out, NULL))
    {
      g_autofree char *quoted = kp_quote_value (*out);

      return fail_at (r, name, _("“%s” is not a date of the form YYYY-MM-DD that exists"),
                      quoted);
    }
  return TRUE;
}

/* A member named by key or id: the member's id. */
static gboolean
resolve_member (Reader      *r,
                JsonNode    *node,
                const char **out)
{
  const char *ref;

  *out = NULL;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail_at (r, NULL, _("not a member's key or id (a JSON string)"));

  ref = json_node_get_string (node);
  if (!check_text (r, NULL, ref))
    return FALSE;
  *out = g_hash_table_lookup (r->member_keys, ref);
  if (*out == NULL)
    {
      g_autofree char *lower = g_ascii_strdown (ref, -1);

      *out = g_hash_table_lookup (r->member_ids, lower);
    }
  if (*out == NULL)
    {
      g_autofree char *quoted = kp_quote_value (ref);

      return fail_at (r, NULL, _("no member of the planning group has the key or id “%s”"),
                      quoted);
    }
  return TRUE;
}

/* A list of members by key or id: their ids. */
static gboolean
read_attendees (Reader       *r,
                JsonObject   *object,
                const char   *name,
                char       ***out)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;
  gsize len;
  guint n;

  *out = NULL;
  if (!read_array (r, object, name, &array))
    return FALSE;
  if (array == NULL)
    return TRUE;

  len = path_push (r, name);
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      gsize ilen = path_push_index (r, i);
      const char *id;

      if (!resolve_member (r, json_array_get_element (array, i), &id))
        return FALSE;
      g_strv_builder_add (builder, id);
      path_pop (r, ilen);
    }
  path_pop (r, len);

  if (n > 0)
    *out = g_strv_builder_end (builder);
  return TRUE;
}

typedef gboolean (*ReadItemFunc) (Reader     *r,
                                  JsonObject *object,
                                  KpCourse   *course,
                                  gpointer    data);

/* Calls @func for every element of the array @name, each of which must be an object. */
static gboolean
read_each (Reader       *r,
           JsonObject   *object,
           const char   *name,
           KpCourse     *course,
           ReadItemFunc  func,
           gpointer      data)
{
  JsonArray *array;
  gsize len;
  guint n;

  if (!read_array (r, object, name, &array))
    return FALSE;
  if (array == NULL)
    return TRUE;

  len = path_push (r, name);
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      gsize ilen = path_push_index (r, i);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return fail_at (r, NULL, _("not an object"));
      if (!func (r, json_node_get_object (node), course, data))
        return FALSE;
      path_pop (r, ilen);
    }
  path_pop (r, len);
  return TRUE;
}

static gboolean
read_member (Reader     *r,
             JsonObject *object,
             KpCourse   *course,
             gpointer    data)
{
  static const char * const known[] = {
    "id", "key", "name", "role", "organisation", "title", "email", "phone", "public", NULL
  };
  g_autoptr(KpMember) member = NULL;
  g_autofree char *id = NULL;
  const char *key, *name, *organisation, *title, *email, *phone;
  gboolean is_public;
  int role;

  check_known (r, object, known);
  if (!read_uuid (r, object, NULL, &id) ||
      !read_string (r, object, "key", FALSE, &key) ||
      !read_string (r, object, "name", FALSE, &name) ||
      !read_enum (r, object, "role", KP_TYPE_ROLE, TRUE, 0, &role) ||
      !read_string (r, object, "organisation", FALSE, &organisation) ||
      !read_string (r, object, "title", FALSE, &title) ||
      !read_string (r, object, "email", FALSE, &email) ||
      !read_string (r, object, "phone", FALSE, &phone) ||
      !read_boolean (r, object, "public", &is_public))
    return FALSE;

  if (key != NULL && *key == '\0')
    key = NULL;
  if (id == NULL && key == NULL)
    return fail_at (r, NULL, _("a member needs an “id” or a “key”"));
  if (id != NULL && g_hash_table_contains (r->member_ids, id))
    return fail_at (r, "id", _("the id “%s” is used twice"), id);
  if (key != NULL && g_hash_table_contains (r->member_keys, key))
    {
      g_autofree char *quoted = kp_quote_value (key);

      return fail_at (r, "key", _("the key “%s” is used twice"), quoted);
    }

  member = kp_member_new (id, role);
  kp_member_set_key (member, key);
  kp_member_set_name (member, name);
  kp_member_set_organisation (member, organisation);
  kp_member_set_title (member, title);
  kp_member_set_email (member, email);
  kp_member_set_phone (member, phone);
  kp_member_set_public (member, is_public);

  g_hash_table_insert (r->member_ids, g_strdup (kp_member_get_id (member)),
                       g_strdup (kp_member_get_id (member)));
  if (key != NULL)
    g_hash_table_insert (r->member_keys, g_strdup (key), g_strdup (kp_member_get_id (member)));
  kp_course_add_member (course, member);
  return TRUE;
}

static gboolean
read_meeting (Reader     *r,
              JsonObject *object,
              KpCourse   *course,
              gpointer    seen)
{
  static const char * const known[] = { "id", "start", "minutes", "attendees", "notes", NULL };
  g_autoptr(KpMeeting) meeting = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_auto(GStrv) attendees = NULL;
  g_autofree char *id = NULL;
  const char *notes;
  guint minutes;

  check_known (r, object, known);
  if (!read_uuid (r, object, seen, &id) ||
      !read_local_time (r, object, "start", &start) ||
      !read_minutes (r, object, &minutes) ||
      !read_attendees (r, object, "attendees", &attendees) ||
      !read_string (r, object, "notes", FALSE, &notes) ||
      !read_span (r, start, minutes))
    return FALSE;

  meeting = kp_meeting_new (id);
  kp_meeting_set_start (meeting, start);
  kp_meeting_set_minutes (meeting, minutes);
  kp_meeting_set_attendees (meeting, (const char * const *) attendees);
  kp_meeting_set_notes (meeting, notes);
  kp_course_add_meeting (course, meeting);
  return TRUE;
}

static gboolean
read_contribution (Reader     *r,
                   JsonObject *object,
                   KpCourse   *course,
                   gpointer    session)
{
  static const char * const known[] = { "kind", "member", "title", "minutes", NULL };
  g_autoptr(KpContribution) contribution = NULL;
  const char *member_id = NULL;
  const char *title;
  JsonNode *member;
  guint minutes;
  int kind;

  check_known (r, object, known);
  if (!read_enum (r, object, "kind", KP_TYPE_CONTRIBUTION_KIND, TRUE, 0, &kind) ||
      !read_string (r, object, "title", FALSE, &title) ||
      !read_minutes (r, object, &minutes))
    return FALSE;

  member = get_node (object, "member");
  if (member != NULL)
    {
      gsize len = path_push (r, "member");

      if (!resolve_member (r, member, &member_id))
        return FALSE;
      path_pop (r, len);
    }

  contribution = kp_contribution_new (kind, member_id, title, minutes);
  kp_session_add_contribution (session, contribution);
  return TRUE;
}

/* A place: null, a plain name, or {name, room, address}. */
static gboolean
read_location (Reader      *r,
               JsonObject  *object,
               const char **name,
               const char **room,
               const char **address)
{
  static const char * const known[] = { "name", "room", "address", NULL };
  JsonNode *node = get_node (object, "location");
  JsonObject *location;
  gboolean ok;
  gsize len;

  *name = *room = *address = NULL;
  if (node == NULL)
    return TRUE;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      *name = json_node_get_string (node);
      return check_text (r, "location", *name);
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail_at (r, "location", _("not a place (null, a name, or an object with “name”, "
                                     "“room” and “address”)"));

  location = json_node_get_object (node);
  len = path_push (r, "location");
  check_known (r, location, known);
  ok = read_string (r, location, "name", FALSE, name) &&
       read_string (r, location, "room", FALSE, room) &&
       read_string (r, location, "address", FALSE, address);
  path_pop (r, len);
  return ok;
}

static gboolean
read_session (Reader     *r,
              JsonObject *object,
              KpCourse   *course,
              gpointer    seen)
{
  static const char * const known[] = {
    "id", "title", "start", "minutes", "location", "status", "attended", "notes", "revision",
    "modified", "contributions", "join_url", NULL
  };
  g_autoptr(KpSession) session = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) modified = NULL;
  g_autofree char *id = NULL;
  const char *title, *name, *room, *address, *notes, *modified_text, *join_url;
  gboolean has_attended, has_revision;
  gint64 attended = -1, revision = 0;
  guint minutes;
  int status;

  check_known (r, object, known);
  if (!read_uuid (r, object, seen, &id) ||
      !read_string (r, object, "title", FALSE, &title) ||
      !read_local_time (r, object, "start", &start) ||
      !read_minutes (r, object, &minutes) ||
      !read_location (r, object, &name, &room, &address) ||
      !read_enum (r, object, "status", KP_TYPE_SESSION_STATUS, FALSE,
                  KP_SESSION_STATUS_PLANNED, &status) ||
      !read_integer (r, object, "attended", 0, G_MAXINT, &has_attended, &attended) ||
      !read_string (r, object, "notes", FALSE, &notes) ||
      !read_integer (r, object, "revision", 0, G_MAXINT, &has_revision, &revision) ||
      !read_string (r, object, "modified", FALSE, &modified_text) ||
      !read_string (r, object, "join_url", FALSE, &join_url) ||
      !read_span (r, start, minutes))
    return FALSE;

  {
    g_autoptr(GError) refused = NULL;

    if (!kp_session_check_join_url (join_url, &refused))
      return fail_at (r, "join_url", "%s", refused->message);
  }

  if (modified_text != NULL)
    {
      modified = g_date_time_new_from_iso8601 (modified_text, NULL);
      if (modified == NULL)
        {
          g_autofree char *quoted = kp_quote_value (modified_text);

          return fail_at (r, "modified",
                          _("“%s” is not a UTC time of the form 2027-03-01T10:00:00Z"),
                          quoted);
        }
    }

  session = kp_session_new (id);
  kp_session_set_title (session, title);
  kp_session_set_start (session, start);
  kp_session_set_minutes (session, minutes);
  kp_session_set_location (session, name, room, address);
  kp_session_set_join_url (session, join_url);
  kp_session_set_status (session, status);
  if (has_attended && r->now != NULL)
    {
      g_autoptr(GError) refused = NULL;

      if (!kp_session_note_attended (session, (int) attended, r->now, &refused))
        return fail_at (r, "attended", "%s", refused->message);
    }
  else
    kp_session_set_attended (session, has_attended ? (int) attended : -1);
  kp_session_set_notes (session, notes);

  if (!read_each (r, object, "contributions", course, read_contribution, session))
    return FALSE;

  /* Setting the values above counted as changes; the file says what the revision is. */
  kp_session_set_revision (session, has_revision ? (guint) revision : 0);
  kp_session_set_modified (session, modified);
  kp_course_add_session (course, session);
  return TRUE;
}

static gboolean
read_scores (Reader       *r,
             JsonObject   *object,
             KpEvaluation *evaluation)
{
  JsonObject *scores;
  g_autoptr(GList) questions = NULL;
  gsize len;

  if (!read_object (r, object, "scores", &scores))
    return FALSE;
  if (scores == NULL)
    return TRUE;

  len = path_push (r, "scores");
  questions = json_object_get_members (scores);
  for (GList *l = questions; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (scores, l->data);
      JsonArray *array = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
      guint counts[KP_SCALE_MAX_POINTS];
      guint n_points = kp_evaluation_get_n_points (evaluation);

      g_autofree char *question = kp_quote_value (l->data);

      if (!check_text (r, l->data, l->data))
        return FALSE;
      if (array == NULL || json_array_get_length (array) != n_points)
        {
          if (n_points == KP_SCALE_POINTS)
            return fail_at (r, question,
                            _("not a list of 5 counts, one for each scale point 1–5"));
          return fail_at (r, question,
                          _("not a list of 11 counts, one for each scale point 0–10"));
        }

      for (guint i = 0; i < n_points; i++)
        {
          JsonNode *count = json_array_get_element (array, i);

          if (!JSON_NODE_HOLDS_VALUE (count) ||
              json_node_get_value_type (count) != G_TYPE_INT64 ||
              json_node_get_int (count) < 0 || json_node_get_int (count) > G_MAXINT)
            {
              gsize qlen = path_push (r, question);

              path_push_index (r, i);
              fail_at (r, NULL, _("not a count (a whole number, 0 or more)"));
              path_pop (r, qlen);
              return FALSE;
            }
          counts[i] = (guint) json_node_get_int (count);
        }
      kp_evaluation_set_scores (evaluation, l->data, counts);
    }
  path_pop (r, len);
  return TRUE;
}

static gboolean
read_evaluation (Reader     *r,
                 JsonObject *object,
                 KpCourse   *course,
                 gpointer    seen)
{
  static const char * const known[] = {
    "id", "kind", "after_session", "responses", "scores", "date", "attendees", "notes",
    "actions", "actions_done", "respondents", NULL
  };
  static const char * const known_respondents[] = { "patients", "relatives", NULL };
  JsonObject *respondents;
  gint64 patients = 0, relatives = 0;
  g_autoptr(KpEvaluation) evaluation = NULL;
  g_auto(GStrv) attendees = NULL;
  g_auto(GStrv) actions = NULL;
  g_auto(GStrv) actions_done = NULL;
  g_autofree char *id = NULL;
  const char *date, *notes;
  gboolean has_after, has_responses;
  gint64 after = 0, responses = 0;
  int kind;

  check_known (r, object, known);
  if (!read_uuid (r, object, seen, &id) ||
      !read_enum (r, object, "kind", KP_TYPE_EVALUATION_KIND, TRUE, 0, &kind) ||
      !read_integer (r, object, "after_session", 0, G_MAXINT, &has_after, &after) ||
      !read_integer (r, object, "responses", 0, G_MAXINT, &has_responses, &responses) ||
      !read_date (r, object, "date", &date) ||
      !read_attendees (r, object, "attendees", &attendees) ||
      !read_string (r, object, "notes", FALSE, &notes) ||
      !read_strv (r, object, "actions", &actions) ||
      !read_strv (r, object, "actions_done", &actions_done))
    return FALSE;

  /* A done flag belongs to one of the actions, named by its text. */
  for (guint i = 0; actions_done != NULL && actions_done[i] != NULL; i++)
    if (actions == NULL || !g_strv_contains ((const char * const *) actions, actions_done[i]))
      {
        gsize len = path_push (r, "actions_done");
        gsize ilen = path_push_index (r, i);
        g_autofree char *quoted = kp_quote_value (actions_done[i]);

        fail_at (r, NULL, _("“%s” is not one of the evaluation's actions"), quoted);
        path_pop (r, ilen);
        path_pop (r, len);
        return FALSE;
      }

  /* Who answered, as counts; together no more than the responses. */
  if (!read_object (r, object, "respondents", &respondents))
    return FALSE;
  if (respondents != NULL)
    {
      gsize len = path_push (r, "respondents");
      gboolean present;

      check_known (r, respondents, known_respondents);
      if (!read_integer (r, respondents, "patients", 0, G_MAXINT, &present, &patients) ||
          !read_integer (r, respondents, "relatives", 0, G_MAXINT, &present, &relatives))
        return FALSE;
      if (patients + relatives > responses)
        return fail_at (r, NULL, _("%u patients and relatives, more than the %u responses"),
                        (guint) (patients + relatives), (guint) responses);
      path_pop (r, len);
    }

  evaluation = kp_evaluation_new (id, kind);
  /* The counts are points of the course's scale. */
  if (kind != KP_EVALUATION_MEETING)
    kp_evaluation_set_scale (evaluation, kp_course_get_evaluation_scale (course));
  if (!read_scores (r, object, evaluation))
    return FALSE;
  kp_evaluation_set_patients (evaluation, (guint) patients);
  kp_evaluation_set_relatives (evaluation, (guint) relatives);
  kp_evaluation_set_after_session (evaluation, (guint) after);
  kp_evaluation_set_responses (evaluation, (guint) responses);
  kp_evaluation_set_date (evaluation, date);
  kp_evaluation_set_attendees (evaluation, (const char * const *) attendees);
  kp_evaluation_set_notes (evaluation, notes);
  kp_evaluation_set_actions (evaluation, (const char * const *) actions);
  kp_evaluation_set_done_actions (evaluation, (const char * const *) actions_done);
  kp_course_add_evaluation (course, evaluation);
  return TRUE;
}

/* The course's texts that live in a nested object ("location", "registration", "anchoring"). */
static gboolean
read_texts_in (Reader     *r,
               JsonObject *object,
               const char *json_object,
               KpCourse   *course)
{
  for (KpCourseText text = 0; text < KP_COURSE_N_TEXTS; text++)
    {
      const KpCourseTextInfo *info = kp_course_text_info (text);
      const char *value;

      if (g_strcmp0 (info->json_object, json_object) != 0 ||
          text == KP_COURSE_LANGUAGE || text == KP_COURSE_TIMEZONE)
        continue;

      if (text == KP_COURSE_DEADLINE)
        {
          if (!read_date (r, object, info->json_member, &value))
            return FALSE;
        }
      else if (!read_string (r, object, info->json_member, text == KP_COURSE_TITLE, &value))
        return FALSE;
      kp_course_set_text (course, text, value);
    }
  return TRUE;
}

static gboolean
read_part (Reader             *r,
           JsonObject         *course_object,
           const char         *name,
           const char * const *known,
           KpCourse           *course,
           JsonObject        **out)
{
  JsonObject *object;
  gsize len;
  gboolean ok;

  *out = NULL;
  if (!read_object (r, course_object, name, &object))
    return FALSE;
  if (object == NULL)
    return TRUE;

  len = path_push (r, name);
  check_known (r, object, known);
  ok = read_texts_in (r, object, name, course);
  path_pop (r, len);
  *out = object;
  return ok;
}

/* An IANA name ("Europe/Oslo"): GLib also takes fixed offsets and file paths, which a plan must
 * not use (its times follow the zone's clock changes, and a path is this computer's alone). */
static gboolean
is_zone_name (const char *name)
{
  if (!g_ascii_isalpha (name[0]) || strstr (name, "..") != NULL)
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && strchr ("/_+-", *p) == NULL)
      return FALSE;
  return TRUE;
}

/* participants.decision: {"run_with_fewer": {"date": "2027-02-16", "by": "course_leader"}} */
static gboolean
read_fewer_decision (Reader             *r,
                     JsonObject         *participants,
                     const char * const *known_decision,
                     const char * const *known_run_with_fewer,
                     KpCourse           *course)
{
  JsonObject *decision, *fewer;
  const char *date;
  gsize len;
  int by;

  if (!read_object (r, participants, "decision", &decision))
    return FALSE;
  if (decision == NULL)
    return TRUE;
  len = path_push (r, "decision");
  check_known (r, decision, known_decision);
  if (!read_object (r, decision, "run_with_fewer", &fewer))
    return FALSE;
  if (fewer != NULL)
    {
      gsize inner = path_push (r, "run_with_fewer");

      check_known (r, fewer, known_run_with_fewer);
      if (!read_date (r, fewer, "date", &date) ||
          !read_enum (r, fewer, "by", KP_TYPE_ROLE, TRUE, KP_ROLE_COURSE_LEADER, &by))
        return FALSE;
      if (date == NULL)
        return fail_at (r, "date", _("missing: the day the decision was taken"));
      kp_course_set_fewer_decision (course, date, by);
      path_pop (r, inner);
    }
  path_pop (r, len);
  return TRUE;
}

static KpCourse *
read_course (Reader     *r,
             JsonObject *object)
{
  static const char * const known[] = {
    "id", "title", "subtitle", "language", "timezone", "status", "need", "target_group", "goals",
    "frame", "content", "methods", "evaluation_plan", "organiser", "partners", "anchoring",
    "location", "capacity", "price", "conditions", "registration", "participants", "members",
    "planning_meetings", "sessions", "evaluations", "evaluation_form", "mode", "level",
    "cancelled", NULL
  };
  static const char * const known_cancelled[] = { "date", "reason", NULL };
  static const char * const known_evaluation_form[] = {
    "scale", "asks_patient_or_relative", NULL
  };
  static const char * const known_location[] = {
    "name", "room", "address", "accessibility", NULL
  };
  static const char * const known_conditions[] = {
    "referral", "co_payment", "travel_refund", "co_payment_first_day", "no_show_fee",
    "notice_hours", "referral_to", NULL
  };
  static const char * const known_registration[] = { "deadline", "email", "phone", "url", NULL };
  static const char * const known_anchoring[] = { "management", "agreement", NULL };
  static const char * const known_capacity[] = { "min", "max", NULL };
  static const char * const known_participants[] = {
    "registered", "patients", "relatives", "waiting", "withdrawn", "no_shows", "completed",
    "decision", NULL
  };
  static const char * const known_decision[] = { "run_with_fewer", NULL };
  static const char * const known_run_with_fewer[] = { "date", "by", NULL };
  g_autoptr(KpCourse) course = NULL;
  g_autoptr(GHashTable) sessions_seen = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                               g_free, NULL);
  g_autoptr(GHashTable) meetings_seen = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                               g_free, NULL);
  g_autoptr(GHashTable) evaluations_seen = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                                  g_free, NULL);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *id = NULL;
  g_auto(GStrv) goals = NULL;
  g_auto(GStrv) partners = NULL;
  JsonObject *part;
  const char *timezone, *language;
  gboolean present, management;
  gint64 min = 0, max = 0, registered = 0;
  gint64 notice_hours = 0;
  int status, mode, level;

  check_known (r, object, known);
  if (!read_uuid (r, object, NULL, &id) ||
      !read_string (r, object, "timezone", FALSE, &timezone) ||
      !read_string (r, object, "language", FALSE, &language))
    return NULL;

  if (timezone == NULL)
    timezone = KP_DEFAULT_TIMEZONE;
  if (!is_zone_name (timezone))
    {
      g_autofree char *quoted = kp_quote_value (timezone);

      fail_at (r, "timezone", _("“%s” is not a time zone name such as “Europe/Oslo”"),
               quoted);
      return NULL;
    }
  r->tz = kp_time_zone_new (timezone, &local_error);
  if (r->tz == NULL)
    {
      fail_at (r, "timezone", "%s", local_error->message);
      return NULL;
    }

  if (language != NULL && !kp_language_is_valid (language))
    {
      g_autofree char *quoted = kp_quote_value (language);

      fail_at (r, "language", _("“%s” is not one of: %s"), quoted, "nb, nn, se, smj, sma");
      return NULL;
    }

  course = kp_course_new (id);
  kp_course_set_text (course, KP_COURSE_TIMEZONE, timezone);
  kp_course_set_text (course, KP_COURSE_LANGUAGE, language);

  if (!read_enum (r, object, "status", KP_TYPE_COURSE_STATUS, FALSE,
                  KP_COURSE_STATUS_IDEA, &status) ||
      !read_texts_in (r, object, NULL, course) ||
      !read_strv (r, object, "goals", &goals) ||
      !read_strv (r, object, "partners", &partners))
    return NULL;
  kp_course_set_status (course, status);
  kp_course_set_goals (course, (const char * const *) goals);
  kp_course_set_partners (course, (const char * const *) partners);

  if (!read_enum (r, object, "mode", KP_TYPE_COURSE_MODE, FALSE,
                  KP_COURSE_MODE_IN_PERSON, &mode) ||
      !read_enum (r, object, "level", KP_TYPE_COURSE_LEVEL, FALSE,
                  KP_COURSE_LEVEL_UNSET, &level))
    return NULL;
  kp_course_set_mode (course, mode);
  kp_course_set_level (course, level);

  if (!read_part (r, object, "cancelled", known_cancelled, course, &part))
    return NULL;
  if (part != NULL)
    {
      gsize len = path_push (r, "cancelled");
      const char *date, *reason;

      if (!read_date (r, part, "date", &date) ||
          !read_string (r, part, "reason", FALSE, &reason))
        return NULL;
      if (date == NULL)
        {
          fail_at (r, "date", _("missing: the day the course was cancelled"));
          return NULL;
        }
      path_pop (r, len);
      kp_course_set_cancelled (course, date, reason);
    }

  if (!read_part (r, object, "location", known_location, course, &part) ||
      !read_part (r, object, "registration", known_registration, course, &part) ||
      !read_part (r, object, "anchoring", known_anchoring, course, &part))
    return NULL;
  if (part != NULL)
    {
      gsize len = path_push (r, "anchoring");

      if (!read_boolean (r, part, "management", &management))
        return NULL;
      path_pop (r, len);
      kp_course_set_management (course, management);
    }

  if (!read_part (r, object, "conditions", known_conditions, course, &part))
    return NULL;
  if (part != NULL)
    {
      gsize len = path_push (r, "conditions");

      for (KpCourseCondition condition = 0; condition < KP_COURSE_N_CONDITIONS; condition++)
        {
          gboolean applies;

          if (!read_boolean (r, part, kp_course_condition_info (condition)->key, &applies))
            return NULL;
          kp_course_set_condition (course, condition, applies);
        }
      if (!read_integer (r, part, "notice_hours", 0, KP_COURSE_MAX_NOTICE_HOURS, &present,
                         &notice_hours))
        return NULL;
      kp_course_set_notice_hours (course, present ? (guint) notice_hours : 0);
      path_pop (r, len);
    }

  if (!read_part (r, object, "capacity", known_capacity, course, &part))
    return NULL;
  if (part != NULL)
    {
      gsize len = path_push (r, "capacity");

      if (!read_integer (r, part, "min", 0, G_MAXINT, &present, &min) ||
          !read_integer (r, part, "max", 0, G_MAXINT, &present, &max))
        return NULL;
      if (min > 0 && max > 0 && min > max)
        {
          fail_at (r, "min", _("more than the maximum (%" PRId64 ")"), max);
          return NULL;
        }
      path_pop (r, len);
      kp_course_set_capacity (course, (int) min, (int) max);
    }

  if (!read_part (r, object, "participants", known_participants, course, &part))
    return NULL;
  if (part != NULL)
    {
      gsize len = path_push (r, "participants");

      if (!read_integer (r, part, "registered", 0, G_MAXINT, &present, &registered))
        return NULL;
      kp_course_set_registered (course, (guint) registered);
      for (KpCourseCount count = 0; count < KP_COURSE_N_COUNTS; count++)
        {
          gint64 value = 0;

          if (!read_integer (r, part, kp_course_count_info (count)->key, 0, G_MAXINT,
                             &present, &value))
            return NULL;
          kp_course_set_count (course, count, (guint) value);
        }
      if (!kp_course_check_counts (course, &local_error))
        {
          fail_at (r, NULL, "%s", local_error->message);
          return NULL;
        }
      if (!read_fewer_decision (r, part, known_decision, known_run_with_fewer, course))
        return NULL;
      path_pop (r, len);
    }

  /* The forms' scale before the evaluations, whose counts are its points. */
  if (!read_part (r, object, "evaluation_form", known_evaluation_form, course, &part))
    return NULL;
  if (part != NULL)
    {
      gsize len = path_push (r, "evaluation_form");
      gboolean asks;
      int scale;

      if (!read_enum (r, part, "scale", KP_TYPE_EVALUATION_SCALE, FALSE,
                      KP_EVALUATION_SCALE_1_TO_5, &scale) ||
          !read_boolean (r, part, "asks_patient_or_relative", &asks))
        return NULL;
      path_pop (r, len);
      kp_course_set_evaluation_scale (course, scale);
      kp_course_set_asks_patient_or_relative (course, asks);
    }

  /* Members first: everything after refers to them. */
  if (!read_each (r, object, "members", course, read_member, NULL) ||
      !read_each (r, object, "planning_meetings", course, read_meeting, meetings_seen) ||
      !read_each (r, object, "sessions", course, read_session, sessions_seen) ||
      !read_each (r, object, "evaluations", course, read_evaluation, evaluations_seen))
    return NULL;

  return g_steal_pointer (&course);
}

/* A real plan nests six deep (course, sessions, a session, contributions, a contribution). */
#define MAX_NESTING 32

/* json-glib parses nested lists and objects by recursion, so 100,000 "[" overflow the stack:
 * count the depth first, skipping strings. */
static gboolean
check_nesting (const char  *data,
               gsize        size,
               GError     **error)
{
  gboolean in_string = FALSE;
  guint depth = 0;
  guint line = 1;

  for (gsize i = 0; i < size; i++)
    {
      char c = data[i];

      if (c == '\n')
        line++;
      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > MAX_NESTING)
            {
              g_set_error (error, KP_ERROR, KP_ERROR_INVALID_PLAN,
                           _("not a course plan: line %u nests lists or objects more than %d "
                             "deep"),
                           line, MAX_NESTING);
              return FALSE;
            }
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return TRUE;
}

static gboolean
is_blank (const char *data,
          gsize       size)
{
  for (gsize i = 0; i < size; i++)
    if (!g_ascii_isspace (data[i]))
      return FALSE;
  return TRUE;
}

/**
 * kp_plan_read_bytes:
 * @bytes: the file's contents
 * @warnings: (nullable) (element-type utf8): where to add a translated line for every part of
 *   the file this version ignores; the array should free its elements with g_free()
 *
 * Returns: (transfer full) (nullable): the course, or %NULL with @error set to
 *   %KP_ERROR_INVALID_PLAN whose message names the JSON path of the first problem
 */
KpCourse *
kp_plan_read_bytes (GBytes     *bytes,
                    GPtrArray  *warnings,
                    GError    **error)
{
  return kp_plan_read_bytes_at (bytes, NULL, warnings, error);
}

/**
 * kp_plan_read_bytes_at:
 * @now: (nullable): the moment the file is read at: a session that has not ended by then may not
 *   say how many took part; %NULL to leave attendance unjudged, as kp_plan_read_bytes() does
 *
 * As kp_plan_read_bytes(), judging attendance by @now.
 *
 * Returns: (transfer full) (nullable): the course
 */
KpCourse *
kp_plan_read_bytes_at (GBytes     *bytes,
                       GDateTime  *now,
                       GPtrArray  *warnings,
                       GError    **error)
{
  static const char * const known[] = { "format", "version", "course", NULL };
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GString) path = g_string_new (NULL);
  g_autoptr(GHashTable) member_keys =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) member_ids =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  Reader r = { path, warnings, error, NULL, member_keys, member_ids, now };
  KpCourse *course;
  JsonObject *root, *course_object;
  const char *format;
  const char *data;
  const char *end;
  gboolean present;
  gint64 version = 0;
  gsize size;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  /* Some Windows editors start a UTF-8 file with a byte-order mark. */
  if (size >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      size -= 3;
    }
  if (size == 0 || is_blank (data, size))
    {
      g_set_error_literal (error, KP_ERROR, KP_ERROR_INVALID_PLAN, _("the file is empty"));
      return NULL;
    }
  if (!g_utf8_validate (data, size, &end))
    {
      g_set_error (error, KP_ERROR, KP_ERROR_INVALID_PLAN,
                   _("not UTF-8 text (an invalid byte at offset %zu)"),
                   (gsize) (end - data));
      return NULL;
    }

  if (!check_nesting (data, size, error))
    return NULL;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, size, &local_error))
    {
      /* json-glib quotes the text it stopped at, cut at a byte count, even inside a letter. */
      g_autofree char *valid = g_utf8_make_valid (local_error->message, -1);
      const char *message = valid;
      int line, column;

      /* json-glib says "<data>:3:5: Parse error: …"; people read "line 3, column 5". */
      if (g_str_has_prefix (message, "<data>:") &&
          sscanf (message, "<data>:%d:%d:", &line, &column) == 2 &&
          (message = strstr (message + strlen ("<data>:"), ": ")) != NULL)
        g_set_error (error, KP_ERROR, KP_ERROR_INVALID_PLAN,
                     _("not JSON: line %d, column %d: %s"), line, column, message + 2);
      else
        g_set_error (error, KP_ERROR, KP_ERROR_INVALID_PLAN, _("not JSON: %s"), message);
      return NULL;
    }
  /* An empty or blank file parses to no root at all. */
  if (json_parser_get_root (parser) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error_literal (error, KP_ERROR, KP_ERROR_INVALID_PLAN,
                           _("not a course plan: the file does not hold a JSON object"));
      return NULL;
    }
  root = json_node_get_object (json_parser_get_root (parser));

  if (!read_string (&r, root, "format", TRUE, &format))
    return NULL;
  if (g_strcmp0 (format, KP_PLAN_FORMAT) != 0)
    {
      g_autofree char *quoted = kp_quote_value (format);

      fail_at (&r, "format", _("“%s” is not a Kursplan course plan (expected “%s”)"),
               quoted, KP_PLAN_FORMAT);
      return NULL;
    }

  if (!read_integer (&r, root, "version", 1, G_MAXINT, &present, &version))
    return NULL;
  if (!present)
    {
      fail_at (&r, "version", _("missing"));
      return NULL;
    }
  if (version > KP_PLAN_VERSION)
    {
      fail_at (&r, "version",
               _("%" PRId64 " is newer than this Kursplan reads (it reads version %d); "
                 "update Kursplan to import the file"),
               version, KP_PLAN_VERSION);
      return NULL;
    }
  check_known (&r, root, known);

  if (!read_object (&r, root, "course", &course_object))
    return NULL;
  if (course_object == NULL)
    {
      fail_at (&r, "course", _("missing"));
      return NULL;
    }

  path_push (&r, "course");
  course = read_course (&r, course_object);
  g_clear_pointer (&r.tz, g_time_zone_unref);
  return course;
}

/**
 * kp_plan_read_file:
 * @path: a course-plan file
 *
 * As kp_plan_read_bytes(), from a file: a regular file of at most %KP_FILE_MAX_SIZE bytes.
 *
 * Returns: (transfer full) (nullable): the course
 */
KpCourse *
kp_plan_read_file (const char  *path,
                   GPtrArray   *warnings,
                   GError     **error)
{
  return kp_plan_read_file_at (path, NULL, warnings, error);
}

/**
 * kp_plan_read_file_at:
 *
 * As kp_plan_read_bytes_at(), from a file.
 *
 * Returns: (transfer full) (nullable): the course
 */
KpCourse *
kp_plan_read_file_at (const char  *path,
                      GDateTime   *now,
                      GPtrArray   *warnings,
                      GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  bytes = kp_file_read (path, KP_FILE_MAX_SIZE, error);
  if (bytes == NULL)
    return NULL;
  return kp_plan_read_bytes_at (bytes, now, warnings, error);
}
