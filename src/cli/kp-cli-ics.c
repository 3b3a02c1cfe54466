/* kp-cli-ics.c — `kursplan ics COURSE [-o FILE]` and `kursplan import-ics COURSE FILE`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "kp-cli.h"
#include "kp-error.h"
#include "kp-file.h"
#include "kp-ical-export.h"
#include "kp-ical-import.h"
#include "kp-output.h"
#include "kp-quote.h"

/* The export's DTSTAMP: now, or SOURCE_DATE_EPOCH for reproducible output. */
static GDateTime *
export_time (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  guint64 seconds;

  if (epoch != NULL && g_ascii_string_to_unsigned (epoch, 10, 0, G_MAXINT64, &seconds, NULL))
    return g_date_time_new_from_unix_utc ((gint64) seconds);
  return g_date_time_new_now_utc ();
}

static GBytes *
export_all (KpCliContext         *ctx,
            const KpDocLanguage  *language,
            GDateTime            *now,
            KpIcalExportFlags     flags,
            GError              **error)
{
  g_autoptr(GPtrArray) courses = kp_cli_load_all_courses (ctx, error);

  if (courses == NULL)
    return NULL;
  return kp_ical_export_courses_in ((KpCourse * const *) courses->pdata, courses->len, language,
                                    now, flags);
}

int
kp_cli_ics (KpCliContext  *ctx,
            int            argc,
            char         **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("[COURSE]"));
  g_autoptr(GDateTime) now = export_time ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *output = NULL;
  g_autofree char *lang = NULL;
  const KpDocLanguage *language = NULL;
  gboolean all = FALSE, planning = FALSE, leave_out = FALSE;
  KpIcalExportFlags flags = KP_ICAL_EXPORT_DEFAULT;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the calendar to FILE instead of standard output"), N_("FILE") },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all,
      N_("Every course's sessions in one calendar"), NULL },
    { "planning", 0, 0, G_OPTION_ARG_NONE, &planning,
      N_("The planning group's calendar: planning meetings and the evaluation meeting"), NULL },
    { "leave-out-cancelled", 0, 0, G_OPTION_ARG_NONE, &leave_out,
      N_("Leave cancelled sessions out instead of marking them CANCELLED"), NULL },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang,
      N_("The language of the words Kursplan writes into the events: nb, nn, se, smj or sma "
         "(default: each course’s)"), N_("CODE") },
    { NULL }
  };

  g_option_context_set_summary (context,
                                _("Writes a course's sessions as an iCalendar file. COURSE is "
                                  "the course’s id or its exact title. A downloaded file "
                                  "imported again duplicates events in most calendars: publish "
                                  "it as a subscription or use “kursplan sync” to update them."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!kp_cli_parse (context, "ics", &argc, &argv))
    return KP_EXIT_USAGE;
  if (leave_out)
    flags |= KP_ICAL_EXPORT_LEAVE_OUT_CANCELLED;
  if (lang != NULL && (language = kp_doc_language_lookup (lang)) == NULL)
    return kp_cli_usage_error ("ics",
                               _("“%s” is not a calendar language: use nb, nn, se, smj or sma"),
                               lang);

  if (all)
    {
      if (argc != 1 || planning)
        return kp_cli_usage_error ("ics", "%s",
                                   _("--all takes no course and no --planning"));
      bytes = export_all (ctx, language, now, flags, &error);
    }
  else
    {
      g_autoptr(KpCourse) course = NULL;

      if (argc != 2)
        return kp_cli_usage_error ("ics", "%s",
                                   _("name one course, by its id or its exact title, or give --all"));
      course = kp_cli_load_course (ctx, argv[1], &error);
      if (course != NULL)
        bytes = planning ? kp_ical_export_planning_in (course, language, now)
                         : kp_ical_export_course_in (course, language, now, flags);
    }

  /* A file is replaced whole, never half a calendar; a device or pipe is written into. */
  if (bytes == NULL ||
      !kp_output_write_path (output != NULL ? output : "-", g_bytes_get_data (bytes, NULL),
                             g_bytes_get_size (bytes), &error))
    return kp_cli_fail (error);
  return KP_EXIT_OK;
}

typedef struct
{
  KpCliContext *ctx;
  const char   *course_name;  /* as the user gave it */
  const char   *path;         /* quoted for messages */
  GBytes       *bytes;
  char         *title;        /* the course's, once imported */
  guint         added;
  guint         updated;
} ImportIcs;

/* Load, import and save in one write transaction: two imports into the course at once both
 * land whole, one after the other. */
static gboolean
import_ics_update (KpStore  *store,
                   gpointer  user_data,
                   GError  **error)
{
  ImportIcs *import = user_data;
  g_autoptr(KpCourse) course = kp_cli_load_course (import->ctx, import->course_name, error);

  if (course == NULL)
    return FALSE;
  if (!kp_ical_import_bytes (course, import->bytes, &import->added, &import->updated, error))
    {
      g_prefix_error (error, "%s: ", import->path);
      return FALSE;
    }
  if (!kp_store_save_course (store, course, error))
    return FALSE;
  import->title = g_strdup (kp_course_get_title (course));
  return TRUE;
}

int
kp_cli_import_ics (KpCliContext  *ctx,
                   int            argc,
                   char         **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("COURSE FILE"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *title = NULL;
  ImportIcs import = { ctx, NULL, NULL, NULL, NULL, 0, 0 };
  KpStore *store;
  g_autofree char *file = NULL;

  g_option_context_set_summary (context,
                                _("Adds or updates a course's sessions from an iCalendar file. "
                                  "Events keep their identity, so importing the file again "
                                  "updates the same sessions."));
  if (!kp_cli_parse (context, "import-ics", &argc, &argv))
    return KP_EXIT_USAGE;
  if (argc != 3)
    return kp_cli_usage_error ("import-ics", "%s",
                               _("name one course and one calendar file"));

  file = kp_quote_value (argv[2]);
  bytes = kp_file_read (argv[2], KP_FILE_MAX_SIZE, &error);
  if (bytes == NULL)
    {
      g_prefix_error (&error, "%s: ", file);
      return kp_cli_fail (error);
    }

  import.course_name = argv[1];
  import.path = file;
  import.bytes = bytes;
  store = kp_cli_get_store (ctx, &error);
  if (store == NULL || !kp_store_update (store, import_ics_update, &import, &error))
    {
      g_free (import.title);
      return kp_cli_fail (error);
    }
  title = import.title;

  printf (_("Imported into “%s”: %u added, %u updated"), title, import.added, import.updated);
  putchar ('\n');
  return KP_EXIT_OK;
}
