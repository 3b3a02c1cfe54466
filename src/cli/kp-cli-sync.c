/* kp-cli-sync.c — `kursplan sync COURSE --url COLLECTION-URL [--user NAME] [--overwrite]
 * [--time-limit SECONDS]`, `kursplan sync COURSE --calendar NAME [--overwrite]` and
 * `kursplan calendars`
 *
 * --url is a CalDAV collection; --calendar one of the desktop's calendars, served by Evolution
 * Data Server (GNOME Online Accounts: Google, Microsoft 365, Nextcloud; On This Computer),
 * named by its display name or source UID. Both keep the same events and the same records.
 *
 * The password comes from the keyring (Secret Service), else from $KURSPLAN_CALDAV_PASSWORD
 * (for scripts), else it is asked on the terminal without echo. Each resource the server
 * confirmed is recorded in the database at once, so a sync that stops on a conflict or a lost
 * connection records only what the server really holds, and a second run continues from there.
 * An event changed in the calendar does not stop the others: each such conflict gets a line on
 * stderr, then a summary, and the exit status is 1.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "kp-caldav.h"
#include "kp-cli.h"
#include "kp-eds.h"
#include "kp-error.h"
#include "kp-secret.h"

typedef struct
{
  KpStore    *store;
  const char *course_id;
  const char *collection;
} Recorder;

static gboolean
record_resource (const char  *session_id,
                 const char  *href,
                 const char  *etag,
                 const char  *digest,
                 gpointer     user_data,
                 GError     **error)
{
  Recorder *recorder = user_data;

  return kp_store_set_caldav_resource (recorder->store, recorder->course_id,
                                       recorder->collection, session_id, href, etag, digest,
                                       error);
}

/* A line from the terminal with echo off, or NULL when there is no terminal. */
static char *
ask_password (const char *user,
              const char *url)
{
  struct termios saved, quiet;
  char line[1024];
  char *answer = NULL;

  if (!isatty (STDIN_FILENO) || tcgetattr (STDIN_FILENO, &saved) != 0)
    return NULL;

  fprintf (stderr, _("Password for %s at %s: "), user, url);
  fflush (stderr);
  quiet = saved;
  quiet.c_lflag &= ~ECHO;
  tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
  if (fgets (line, sizeof line, stdin) != NULL)
    {
      line[strcspn (line, "\r\n")] = '\0';
      answer = g_strdup (line);
    }
  memset (line, 0, sizeof line);
  tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
  fputc ('\n', stderr);
  return answer;
}

/* Tells why a sync stopped, with its conflicts and what was done before, and gives the exit
 * status. Clears @report. */
static int
report_failure (GError         *error,
                KpCaldavReport *report)
{
  int status;

  if (report->conflicts != NULL)
    {
      for (guint i = 0; i < report->conflicts->len; i++)
        fprintf (stderr, "kursplan: %s\n", (const char *) g_ptr_array_index (report->conflicts,
                                                                             i));
      if (g_error_matches (error, KP_ERROR, KP_ERROR_CALENDAR_CONFLICT))
        {
          /* TRANSLATORS: the first %s says how many events were left; then the counts */
          fprintf (stderr, _("kursplan: %s (%u created, %u updated, %u deleted, %u "
                             "unchanged). Nothing was overwritten: change them back in the "
                             "calendar, or sync again with --overwrite to put the plan’s "
                             "version there"),
                   error->message, report->created, report->updated, report->deleted,
                   report->unchanged);
          fputc ('\n', stderr);
          kp_caldav_report_clear (report);
          return KP_EXIT_ERROR;
        }
    }

  status = kp_cli_fail (error);
  if (report->created + report->updated + report->deleted > 0)
    {
      fprintf (stderr, _("kursplan: %u created, %u updated and %u deleted before that, and "
                         "recorded; run it again to continue"),
               report->created, report->updated, report->deleted);
      fputc ('\n', stderr);
    }
  kp_caldav_report_clear (report);
  return status;
}

/* The sync into one of the desktop's calendars (Evolution Data Server). */
static int
sync_to_desktop (KpCliContext *ctx,
                 KpCourse     *course,
                 const char   *calendar,
                 gboolean      overwrite,
                 GDateTime    *now)
{
  g_autoptr(KpEds) eds = NULL;
  g_autoptr(GHashTable) known = NULL;
  g_autoptr(GError) error = NULL;
  KpCaldavReport report = { 0 };
  Recorder recorder;
  KpStore *store;

  eds = kp_eds_new (calendar, &error);
  if (eds == NULL)
    return kp_cli_fail (error);
  kp_eds_set_overwrite (eds, overwrite);

  store = kp_cli_get_store (ctx, &error);
  if (store == NULL)
    return kp_cli_fail (error);
  known = kp_store_load_caldav_resources (store, kp_course_get_id (course),
                                          kp_eds_get_target (eds), &error);
  if (known == NULL)
    return kp_cli_fail (error);

  recorder.store = store;
  recorder.course_id = kp_course_get_id (course);
  recorder.collection = kp_eds_get_target (eds);
  if (!kp_eds_sync (eds, course, known, now, record_resource, &recorder, &report, &error))
    return report_failure (error, &report);

  printf (_("Synced “%s” to %s: %u created, %u updated, %u deleted, %u unchanged"),
          kp_course_get_title (course), kp_eds_get_name (eds),
          report.created, report.updated, report.deleted, report.unchanged);
  putchar ('\n');
  return KP_EXIT_OK;
}

int
kp_cli_calendars (KpCliContext  *ctx,
                  int            argc,
                  char         **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GPtrArray) calendars = NULL;
  g_autoptr(GError) error = NULL;

  g_option_context_set_summary (context,
                                _("Lists the desktop’s calendars that kursplan sync --calendar "
                                  "can write to (Evolution Data Server: the accounts of GNOME "
                                  "Online Accounts and the calendars on this computer): "
                                  "account, name and UID, one a line."));
  if (!kp_cli_parse (context, "calendars", &argc, &argv))
    return KP_EXIT_USAGE;
  if (argc != 1)
    return kp_cli_usage_error ("calendars", "%s", _("calendars takes no arguments"));

  calendars = kp_eds_list_calendars (&error);
  if (calendars == NULL)
    return kp_cli_fail (error);
  for (guint i = 0; i < calendars->len; i++)
    {
      KpEdsCalendar *calendar = g_ptr_array_index (calendars, i);

      printf ("%s\t%s\t%s\n", calendar->account, calendar->name, calendar->uid);
    }
  return KP_EXIT_OK;
}

int
kp_cli_sync (KpCliContext  *ctx,
             int            argc,
             char         **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("COURSE"));
  g_autoptr(KpCourse) course = NULL;
  g_autoptr(KpCaldav) caldav = NULL;
  g_autoptr(GHashTable) known = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *calendar = NULL;
  g_autofree char *user = NULL;
  g_autofree char *password = NULL;
  gboolean asked = FALSE;
  gboolean overwrite = FALSE;
  int time_limit = KP_CALDAV_DEFAULT_TIME_LIMIT;
  int remind = G_MININT;  /* not given */
  guint remind_minutes = 0;
  KpCaldavReport report = { 0 };
  Recorder recorder;
  KpStore *store;
  const GOptionEntry entries[] = {
    { "url", 0, 0, G_OPTION_ARG_STRING, &url,
      N_("The calendar collection’s address"), N_("COLLECTION-URL") },
    { "calendar", 0, 0, G_OPTION_ARG_STRING, &calendar,
      N_("One of the desktop’s calendars, by its name or UID (see kursplan calendars)"),
      N_("NAME") },
    { "user", 0, 0, G_OPTION_ARG_STRING, &user,
      N_("The calendar account’s user name"), N_("NAME") },
    { "overwrite", 0, 0, G_OPTION_ARG_NONE, &overwrite,
      N_("Replace events changed in the calendar since the last sync with the plan’s version, "
         "and delete those of removed sessions"),
      NULL },
    { "time-limit", 0, 0, G_OPTION_ARG_INT, &time_limit,
      N_("Stop a sync that takes longer than this (default 120)"), N_("SECONDS") },
    { "remind", 0, 0, G_OPTION_ARG_INT, &remind,
      N_("Remind this many minutes before each session, 0 for no reminder; the course "
         "remembers the choice"), N_("MINUTES") },
    { NULL }
  };

  g_option_context_set_summary (context,
                                _("Keeps a course’s sessions in a CalDAV calendar: one event per "
                                  "session, updated in place when the plan changes, deleted when "
                                  "a session is removed. The password is taken from the keyring, "
                                  "else from KURSPLAN_CALDAV_PASSWORD, else asked for."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!kp_cli_parse (context, "sync", &argc, &argv))
    return KP_EXIT_USAGE;
  if (argc != 2)
    return kp_cli_usage_error ("sync", "%s", _("name one course, by its id or its exact title"));
  if (url != NULL && calendar != NULL)
    return kp_cli_usage_error ("sync", "%s", _("give either --url or --calendar, not both"));
  if (url == NULL && calendar == NULL)
    return kp_cli_usage_error ("sync", "%s",
                               _("give the calendar’s address with --url, or a desktop "
                                 "calendar with --calendar"));
  if (time_limit <= 0)
    return kp_cli_usage_error ("sync", "%s", _("--time-limit takes a number of seconds above 0"));
  if (remind != G_MININT && (remind < 0 || remind > KP_CLI_MAX_REMIND_MINUTES))
    return kp_cli_usage_error ("sync", _("--remind takes a number of minutes from 0 to %d"),
                               KP_CLI_MAX_REMIND_MINUTES);

  course = kp_cli_load_course (ctx, argv[1], &error);
  if (course == NULL)
    return kp_cli_fail (error);
  if (calendar != NULL)
    return sync_to_desktop (ctx, course, calendar, overwrite, now);

  /* A wrong address is told before anyone is asked for a password. */
  caldav = kp_caldav_new (url, user, NULL, &error);
  if (caldav == NULL)
    return kp_cli_fail (error);

  if (user != NULL)
    {
      g_autoptr(GError) keyring_error = NULL;

      password = kp_secret_lookup_caldav_password (url, user, &keyring_error);
      if (password == NULL && g_getenv ("KURSPLAN_CALDAV_PASSWORD") != NULL)
        password = g_strdup (g_getenv ("KURSPLAN_CALDAV_PASSWORD"));
      if (password == NULL)
        {
          password = ask_password (user, url);
          asked = password != NULL;
        }
      if (password == NULL)
        {
          g_set_error (&error, KP_ERROR, KP_ERROR_CALENDAR_AUTH,
                       _("No password for %s: keep it in the keyring, set "
                         "KURSPLAN_CALDAV_PASSWORD, or run kursplan sync on a terminal"), user);
          return kp_cli_fail (error);
        }
    }

  g_clear_object (&caldav);
  caldav = kp_caldav_new (url, user, password, &error);
  if (caldav == NULL)
    return kp_cli_fail (error);
  kp_caldav_set_overwrite (caldav, overwrite);
  kp_caldav_set_time_limit (caldav, time_limit);

  store = kp_cli_get_store (ctx, &error);
  if (store == NULL)
    return kp_cli_fail (error);
  /* Given, the choice is remembered for the course; not given, the remembered one. */
  remind_minutes = (guint) MAX (remind, 0);
  if (!(remind != G_MININT
         ? kp_store_set_remind_minutes (store, kp_course_get_id (course), remind_minutes, &error)
         : kp_store_get_remind_minutes (store, kp_course_get_id (course), &remind_minutes,
                                        &error)))
    return kp_cli_fail (error);
  kp_caldav_set_remind_minutes (caldav, remind_minutes);
  known = kp_store_load_caldav_resources (store, kp_course_get_id (course),
                                          kp_caldav_get_collection (caldav), &error);
  if (known == NULL)
    return kp_cli_fail (error);

  recorder.store = store;
  recorder.course_id = kp_course_get_id (course);
  recorder.collection = kp_caldav_get_collection (caldav);
  if (!kp_caldav_sync (caldav, course, known, now, record_resource, &recorder, &report, &error))
    {
      /* After a conflict the server did take the password: keep it, as after a clean sync. */
      if (asked && kp_secret_is_available () &&
          g_error_matches (error, KP_ERROR, KP_ERROR_CALENDAR_CONFLICT))
        kp_secret_store_caldav_password (url, user, password, NULL);
      return report_failure (error, &report);
    }

  /* A password typed in and accepted is kept in the keyring for next time. */
  if (asked && kp_secret_is_available ())
    kp_secret_store_caldav_password (url, user, password, NULL);

  printf (_("Synced “%s” to %s: %u created, %u updated, %u deleted, %u unchanged"),
          kp_course_get_title (course), kp_caldav_get_collection (caldav),
          report.created, report.updated, report.deleted, report.unchanged);
  putchar ('\n');
  return KP_EXIT_OK;
}
