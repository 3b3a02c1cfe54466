/* kp-cli-import.c — `kursplan import FILE…`
 *
 * Every file is read and checked before the database is touched: one malformed file and nothing
 * is imported. A course whose id the database already has is updated in place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "kp-cli.h"
#include "kp-plan-reader.h"
#include "kp-quote.h"

/* Session id → revision, as the course stands before the update. */
static GHashTable *
collect_revisions (KpCourse *course)
{
  GListModel *sessions = kp_course_get_sessions (course);
  GHashTable *revisions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = g_list_model_get_n_items (sessions);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KpSession) session = g_list_model_get_item (sessions, i);

      g_hash_table_insert (revisions, g_strdup (kp_session_get_id (session)),
                           GUINT_TO_POINTER (kp_session_get_revision (session)));
    }
  return revisions;
}

/* Updates @existing from @incoming; returns the line that tells the user what changed. */
static char *
update_course (KpCourse *existing,
               KpCourse *incoming)
{
  g_autoptr(GHashTable) before = collect_revisions (existing);
  GListModel *sessions = kp_course_get_sessions (existing);
  g_autoptr(GString) line = g_string_new (NULL);
  guint changed = 0, added = 0, kept = 0, removed;
  guint n;

  kp_course_update_from (existing, incoming);

  n = g_list_model_get_n_items (sessions);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KpSession) session = g_list_model_get_item (sessions, i);
      gpointer revision;

      if (!g_hash_table_lookup_extended (before, kp_session_get_id (session), NULL, &revision))
        added++;
      else
        {
          kept++;
          if (GPOINTER_TO_UINT (revision) != kp_session_get_revision (session))
            changed++;
        }
    }
  removed = g_hash_table_size (before) - kept;

  g_string_append_printf (line,
                          ngettext ("Updated “%s”: %u session changed",
                                    "Updated “%s”: %u sessions changed", changed),
                          kp_course_get_title (existing), changed);
  if (added > 0)
    g_string_append_printf (line, ngettext (", %u added", ", %u added", added), added);
  if (removed > 0)
    g_string_append_printf (line, ngettext (", %u removed", ", %u removed", removed), removed);
  return g_string_free (g_steal_pointer (&line), FALSE);
}

typedef struct
{
  GPtrArray *incoming;  /* KpCourse, read from the files */
  GPtrArray *lines;     /* what to tell the user, once committed */
} Import;

/* Reads what the database has of each course and saves all in one write transaction: another
 * program's save in between cannot be undone by this one. */
static gboolean
import_update (KpStore  *store,
               gpointer  user_data,
               GError  **error)
{
  Import *import = user_data;
  g_autoptr(GPtrArray) to_save = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < import->incoming->len; i++)
    {
      KpCourse *course = g_ptr_array_index (import->incoming, i);

      if (kp_store_has_course (store, kp_course_get_id (course)))
        {
          g_autoptr(KpCourse) existing = kp_store_load_course (store, kp_course_get_id (course),
                                                               error);

          if (existing == NULL)
            return FALSE;
          g_ptr_array_add (import->lines, update_course (existing, course));
          g_ptr_array_add (to_save, g_steal_pointer (&existing));
        }
      else
        {
          g_ptr_array_add (import->lines, g_strdup_printf (_("Imported “%s”"),
                                                           kp_course_get_title (course)));
          g_ptr_array_add (to_save, g_object_ref (course));
        }
    }

  /* All the files, or none of them. */
  return kp_store_save_courses (store, to_save, error);
}

int
kp_cli_import (KpCliContext  *ctx,
               int            argc,
               char         **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE…"));
  g_autoptr(GPtrArray) incoming = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  Import import = { incoming, lines };
  g_autoptr(GHashTable) files = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *date = NULL;
  KpStore *store;
  const GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date,
      N_("Read the files as on DATE (YYYY-MM-DD) instead of today: a session after it may not "
         "say how many took part"), N_("DATE") },
    { NULL }
  };

  g_option_context_set_summary (context,
                                _("Imports course-plan files. A course whose id is already in "
                                  "the database is updated in place; if any file is malformed, "
                                  "nothing is imported."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!kp_cli_parse (context, "import", &argc, &argv))
    return KP_EXIT_USAGE;
  if (argc < 2)
    return kp_cli_usage_error ("import", "%s", _("name at least one course-plan file"));
  if (!kp_cli_parse_date_option (date, &now))
    return kp_cli_usage_error ("import", _("“%s” is not a date (YYYY-MM-DD)"), date);

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(KpCourse) course = kp_plan_read_file_at (argv[i], now, warnings, &error);
      g_autofree char *file = kp_quote_value (argv[i]);
      const char *other;

      if (course == NULL)
        {
          g_prefix_error (&error, "%s: ", file);
          return kp_cli_fail (error);
        }
      for (guint j = 0; j < warnings->len; j++)
        {
          g_autofree char *warning = kp_escape_line (g_ptr_array_index (warnings, j));

          fprintf (stderr, _("kursplan: %s: warning: %s"), file, warning);
          fputc ('\n', stderr);
        }

      other = g_hash_table_lookup (files, kp_course_get_id (course));
      if (other != NULL)
        {
          g_autofree char *title = kp_quote_value (kp_course_get_title (course));
          g_autofree char *other_file = kp_quote_value (other);

          fprintf (stderr, _("kursplan: %s: the course “%s” is also in %s; import one of them"),
                   file, title, other_file);
          fputc ('\n', stderr);
          return KP_EXIT_ERROR;
        }
      g_hash_table_insert (files, (gpointer) kp_course_get_id (course), argv[i]);
      g_ptr_array_add (incoming, g_steal_pointer (&course));
    }

  store = kp_cli_get_store (ctx, &error);
  if (store == NULL || !kp_store_update (store, import_update, &import, &error))
    return kp_cli_fail (error);

  for (guint i = 0; i < lines->len; i++)
    printf ("%s\n", (const char *) g_ptr_array_index (lines, i));
  return KP_EXIT_OK;
}
