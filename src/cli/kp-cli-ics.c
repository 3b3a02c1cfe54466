/* kp-cli-ics.c — `kursplan ics COURSE [-o FILE]`, `kursplan import-ics COURSE FILE` and
 * `kursplan invite COURSE [-o FILE]`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "kp-cli.h"
#include "kp-error.h"
#include "kp-file.h"
#include "kp-ical-export.h"
#include "kp-ical-import.h"
#include "kp-invitation.h"
#include "kp-output.h"
#include "kp-quote.h"

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
  g_autoptr(GDateTime) now = kp_cli_export_time ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *output = NULL;
  g_autofree char *lang = NULL;
  const KpDocLanguage *language = NULL;
  gboolean all = FALSE, planning = FALSE, leave_out = FALSE;
  int remind = G_MININT;  /* not given */
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
    { "remind", 0, 0, G_OPTION_ARG_INT, &remind,
      N_("Remind this many minutes before each session, 0 for no reminder; the course "
         "remembers the choice"), N_("MINUTES") },
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
  if (remind != G_MININT && (remind < 0 || remind > KP_CLI_MAX_REMIND_MINUTES))
    return kp_cli_usage_error ("ics", _("--remind takes a number of minutes from 0 to %d"),
                               KP_CLI_MAX_REMIND_MINUTES);
  if (remind != G_MININT && (all || planning))
    return kp_cli_usage_error ("ics", "%s",
                               _("--remind is for one course’s sessions, not --all or --planning"));

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
      if (course != NULL && planning)
        bytes = kp_ical_export_planning_in (course, language, now);
      else if (course != NULL)
        {
          guint minutes = (guint) MAX (remind, 0);
          KpStore *store = kp_cli_get_store (ctx, &error);

          /* Given, the choice is remembered for the course; not given, the remembered one. */
          if (store != NULL &&
              (remind != G_MININT
               ? kp_store_set_remind_minutes (store, kp_course_get_id (course), minutes, &error)
               : kp_store_get_remind_minutes (store, kp_course_get_id (course), &minutes,
                                              &error)))
            bytes = kp_ical_export_course_reminding (course, language, minutes, now, flags);
        }
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

typedef struct
{
  const char *output;         /* the REQUEST, "-" for standard output */
  const char *cancel_output;  /* the CANCEL when there is a REQUEST too; NULL: after it */
} Invite;

static gboolean
write_invitations (GBytes    *request,
                   GBytes    *cancel,
                   gpointer   user_data,
                   GError   **error)
{
  Invite *invite = user_data;
  g_autoptr(GByteArray) stream = g_byte_array_new ();

  if (request != NULL && cancel != NULL && invite->cancel_output != NULL)
    return kp_output_write_path (invite->output, g_bytes_get_data (request, NULL),
                                 g_bytes_get_size (request), error) &&
           kp_output_write_path (invite->cancel_output, g_bytes_get_data (cancel, NULL),
                                 g_bytes_get_size (cancel), error);

  /* An iCalendar stream may hold several objects (RFC 5545 §3.4): the REQUEST, then the
   * CANCEL. */
  if (request != NULL)
    g_byte_array_append (stream, g_bytes_get_data (request, NULL), g_bytes_get_size (request));
  if (cancel != NULL)
    g_byte_array_append (stream, g_bytes_get_data (cancel, NULL), g_bytes_get_size (cancel));
  return kp_output_write_path (invite->output, stream->data, stream->len, error);
}

/* invitation.ics → invitation-cancel.ics */
static char *
dup_cancel_path (const char *output)
{
  if (g_str_has_suffix (output, ".ics"))
    {
      g_autofree char *stem = g_strndup (output, strlen (output) - 4);

      return g_strconcat (stem, "-cancel.ics", NULL);
    }
  return g_strconcat (output, "-cancel.ics", NULL);
}

int
kp_cli_invite (KpCliContext  *ctx,
               int            argc,
               char         **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("COURSE"));
  g_autoptr(GDateTime) now = kp_cli_export_time ();
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *cancel_output = NULL;
  g_autofree char *from = NULL;
  Invite invite = { "-", NULL };
  KpInvitationFrom who = KP_INVITATION_FROM_LEADER;
  g_autofree char *course_id = NULL;
  guint n_invited = 0, n_cancelled = 0;
  KpStore *store;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the invitations to FILE instead of standard output"), N_("FILE") },
    { "cancel-output", 0, 0, G_OPTION_ARG_FILENAME, &cancel_output,
      N_("Write the cancellations of removed meetings to FILE (default: beside the "
         "invitations, FILE-cancel.ics)"), N_("FILE") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from,
      N_("Who invites: the course leader (“leader”, the default) or the course’s contact "
         "address (“course”)"), N_("WHO") },
    { NULL }
  };

  g_option_context_set_summary (context,
                                _("Writes invitations (iTIP REQUEST) to the planning meetings "
                                  "and the evaluation meeting for every member of the planning "
                                  "group with an e-mail address, to send by e-mail. A meeting "
                                  "changed since the last invitations is sent with a higher "
                                  "sequence; a removed one is cancelled (iTIP CANCEL)."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!kp_cli_parse (context, "invite", &argc, &argv))
    return KP_EXIT_USAGE;
  if (argc != 2)
    return kp_cli_usage_error ("invite", "%s", _("name one course, by its id or its exact title"));
  if (from != NULL && g_strcmp0 (from, "leader") != 0 && g_strcmp0 (from, "course") != 0)
    return kp_cli_usage_error ("invite", _("--from takes “leader” or “course”, not “%s”"), from);
  if (cancel_output != NULL && output == NULL)
    return kp_cli_usage_error ("invite", "%s", _("--cancel-output needs --output"));

  if (g_strcmp0 (from, "course") == 0)
    who = KP_INVITATION_FROM_COURSE;
  if (output != NULL)
    {
      invite.output = output;
      if (cancel_output == NULL)
        cancel_output = dup_cancel_path (output);
      invite.cancel_output = cancel_output;
    }

  store = kp_cli_get_store (ctx, &error);
  if (store == NULL ||
      (course_id = kp_store_find_course_id (store, argv[1], &error)) == NULL ||
      !kp_invitation_send (store, course_id, who, now, write_invitations, &invite, &n_invited,
                           &n_cancelled, &error))
    return kp_cli_fail (error);

  if (output != NULL)
    {
      g_autofree char *quoted = kp_quote_value (output);

      if (n_invited > 0)
        {
          printf (g_dngettext (GETTEXT_PACKAGE, "Invited to %u meeting: %s",
                               "Invited to %u meetings: %s", n_invited),
                  n_invited, quoted);
          putchar ('\n');
        }
      if (n_cancelled > 0)
        {
          g_autofree char *quoted_cancel = kp_quote_value (n_invited > 0 ? cancel_output
                                                                                : output);

          printf (g_dngettext (GETTEXT_PACKAGE, "Cancelled %u removed meeting: %s",
                               "Cancelled %u removed meetings: %s", n_cancelled),
                  n_cancelled, quoted_cancel);
          putchar ('\n');
        }
    }
  return KP_EXIT_OK;
}
