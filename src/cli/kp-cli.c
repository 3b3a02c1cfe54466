/* kp-cli.c — dispatch of `kursplan [--db PATH] COMMAND …`, and what the commands share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "kp-cli.h"
#include "kp-error.h"
#include "kp-time.h"
#include "kp-quote.h"

typedef struct
{
  const char       *name;
  KpCliCommandFunc  func;
  const char       *summary;
} KpCliCommand;

static const KpCliCommand commands[] = {
  { "list",        kp_cli_list,        N_("List the courses") },
  { "import",      kp_cli_import,      N_("Import course-plan files") },
  { "export-plan", kp_cli_export_plan, N_("Write a course as a course-plan file") },
  { "check",       kp_cli_check,       N_("Show what each step of Standard metode still needs") },
  { "demo",        kp_cli_demo,        N_("Load the demo courses") },
  { "ics",         kp_cli_ics,         N_("Write a course's sessions as an iCalendar file") },
  { "import-ics",  kp_cli_import_ics,  N_("Add or update sessions from an iCalendar file") },
  { "invite",      kp_cli_invite,      N_("Write invitations to the planning group's meetings") },
  { "brochure",    kp_cli_brochure,    N_("Write a course's brochure as an accessible PDF") },
  { "plan-pdf",    kp_cli_plan_pdf,    N_("Write the whole plan for the planning group as a PDF") },
  { "sync",        kp_cli_sync,        N_("Keep a course's sessions in a CalDAV calendar") },
  { "calendars",   kp_cli_calendars,   N_("List the desktop's calendars sync can write to") },
  { "form",        kp_cli_form,        N_("Write the participants' evaluation form to print") },
  { "report",      kp_cli_report,      N_("Write a course's evaluation report as a PDF") },
  { "stats",       kp_cli_stats,       N_("Show the year's figures for the annual report") },
  { "run-again",   kp_cli_run_again,   N_("Make the next run of a course on new dates") },
  { "cancel",      kp_cli_cancel,      N_("Cancel a course and the sessions not yet held") },
  { "poster",      kp_cli_poster,      N_("Write a course's poster with a QR code to register") },
  { "programme",   kp_cli_programme,   N_("Write the courses of a period as a web page") },
  { "decide",      kp_cli_decide,      N_("Record the decision to run a course with fewer than its minimum") },
};

static const KpCliCommand *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}

gboolean
kp_cli_is_command (const char *name)
{
  return find_command (name) != NULL ||
         g_strcmp0 (name, "help") == 0 ||
         g_strcmp0 (name, "--help") == 0 ||
         g_strcmp0 (name, "-h") == 0;
}

/* GApplication's own options that the window takes besides --db: D-Bus activation starts
 * `kursplan --gapplication-service`; the others print GApplication's help. */
static const char * const window_options[] = {
  "--gapplication-service", "--help-all", "--help-gapplication", NULL
};

/* A file the window can open: an existing path or a file:// URI. */
static gboolean
is_file_to_open (const char *arg)
{
  g_autofree char *scheme = g_uri_parse_scheme (arg);

  if (scheme != NULL)
    return g_ascii_strcasecmp (scheme, "file") == 0;
  return g_file_test (arg, G_FILE_TEST_EXISTS);
}

/**
 * kp_cli_wants_window:
 *
 * Whether `kursplan ARGUMENTS` is for the window: no arguments besides `--db PATH`, or only the
 * window's options and files to open. Anything else (a command, an unknown word or option,
 * `--db` without a path) is the command line's, which answers a mistake with a usage error
 * instead of opening a window.
 */
gboolean
kp_cli_wants_window (int    argc,
                     char **argv)
{
  int i = 1;

  if (i < argc && g_str_has_prefix (argv[i], "--db="))
    {
      if (argv[i][strlen ("--db=")] == '\0')
        return FALSE;
      i += 1;
    }
  else if (i < argc && g_strcmp0 (argv[i], "--db") == 0)
    {
      if (i + 1 >= argc || *argv[i + 1] == '\0')
        return FALSE;
      i += 2;
    }

  if (i < argc && kp_cli_is_command (argv[i]))
    return FALSE;

  for (; i < argc; i++)
    {
      if (g_strv_contains (window_options, argv[i]))
        continue;
      if (argv[i][0] == '-' || !is_file_to_open (argv[i]))
        return FALSE;
    }
  return TRUE;
}

static void
print_help (FILE *out)
{
  fprintf (out, "%s\n  kursplan [--db %s] %s\n\n%s\n",
           _("Usage:"), _("PATH"), _("COMMAND [ARGUMENTS…]"), _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-12s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Without a command, Kursplan opens its window."));
}

/**
 * kp_cli_take_db_option:
 *
 * Removes a leading `--db PATH` or `--db=PATH` from the arguments.
 *
 * Returns: (transfer full) (nullable): the path
 */
char *
kp_cli_take_db_option (int    *argc,
                       char ***argv)
{
  char **args = *argv;
  char *path = NULL;
  int consumed = 0;

  if (*argc >= 2 && g_str_has_prefix (args[1], "--db="))
    {
      path = g_strdup (args[1] + strlen ("--db="));
      consumed = 1;
    }
  else if (*argc >= 3 && g_strcmp0 (args[1], "--db") == 0)
    {
      path = g_strdup (args[2]);
      consumed = 2;
    }

  if (consumed > 0)
    {
      for (int i = 1; i + consumed <= *argc; i++)
        args[i] = args[i + consumed];
      *argc -= consumed;
    }
  return path;
}

KpStore *
kp_cli_get_store (KpCliContext  *ctx,
                  GError       **error)
{
  if (ctx->store == NULL)
    {
      g_autofree char *path = ctx->db_path ? g_strdup (ctx->db_path)
                                           : kp_store_dup_default_path ();
      ctx->store = kp_store_new (path, error);
    }
  return ctx->store;
}

/**
 * kp_cli_load_course:
 * @id_or_title: a course's UUID or its exact title
 *
 * Returns: (transfer full) (nullable): the course
 */
KpCourse *
kp_cli_load_course (KpCliContext  *ctx,
                    const char    *id_or_title,
                    GError       **error)
{
  KpStore *store = kp_cli_get_store (ctx, error);
  g_autofree char *id = NULL;

  if (store == NULL)
    return NULL;
  id = kp_store_find_course_id (store, id_or_title, error);
  if (id == NULL)
    return NULL;
  return kp_store_load_course (store, id, error);
}

int
kp_cli_fail (const GError *error)
{
  g_autofree char *line = kp_escape_line (error->message);

  fprintf (stderr, "kursplan: %s\n", line);
  return KP_EXIT_ERROR;
}

int
kp_cli_usage_error (const char *command,
                    const char *format,
                    ...)
{
  g_autofree char *message = NULL;
  g_autofree char *line = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  line = kp_escape_line (message);

  fprintf (stderr, "kursplan %s: %s\n", command, line);
  fprintf (stderr, _("Try “kursplan %s --help”."), command);
  fputc ('\n', stderr);
  return KP_EXIT_USAGE;
}

/**
 * kp_cli_parse_date_option:
 * @date: (nullable): the text of a `--date YYYY-MM-DD` option, or %NULL for today
 * @now: (out) (transfer full): the end of that day in local time, so what happens during it
 *   counts as past; or the present moment when @date is %NULL
 *
 * The clock of the commands that judge a course as on a day (`check`, `stats`, `run-again`):
 * time comes in as a parameter, so a test can fix it.
 *
 * Returns: %FALSE when @date is not a date
 */
gboolean
kp_cli_parse_date_option (const char  *date,
                          GDateTime  **now)
{
  GDate day;

  if (date == NULL)
    {
      *now = g_date_time_new_now_local ();
      return TRUE;
    }
  if (!kp_time_parse_date (date, &day))
    return FALSE;
  *now = g_date_time_new_local (g_date_get_year (&day), g_date_get_month (&day),
                                g_date_get_day (&day), 23, 59, 59);
  return TRUE;
}

/* Every course in the store, loaded whole. */
GPtrArray *
kp_cli_load_all_courses (KpCliContext  *ctx,
                         GError       **error)
{
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GPtrArray) courses = g_ptr_array_new_with_free_func (g_object_unref);
  KpStore *store = kp_cli_get_store (ctx, error);

  if (store == NULL || (summaries = kp_store_list_courses (store, error)) == NULL)
    return NULL;
  for (guint i = 0; i < summaries->len; i++)
    {
      KpCourseSummary *summary = g_ptr_array_index (summaries, i);
      KpCourse *course = kp_store_load_course (store, kp_course_summary_get_id (summary), error);

      if (course == NULL)
        return NULL;
      g_ptr_array_add (courses, course);
    }
  return g_steal_pointer (&courses);
}

/* An export's time stamp: now, or SOURCE_DATE_EPOCH for reproducible output. */
GDateTime *
kp_cli_export_time (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  guint64 seconds;

  if (epoch != NULL && g_ascii_string_to_unsigned (epoch, 10, 0, G_MAXINT64, &seconds, NULL))
    return g_date_time_new_from_unix_utc ((gint64) seconds);
  return g_date_time_new_now_utc ();
}

/* Parses a subcommand's options; FALSE means a usage error was already printed. */
gboolean
kp_cli_parse (GOptionContext   *context,
              const char       *command,
              int              *argc,
              char           ***argv)
{
  g_autoptr(GError) error = NULL;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      kp_cli_usage_error (command, "%s", error->message);
      return FALSE;
    }
  return TRUE;
}

/**
 * kp_cli_run:
 *
 * Runs `kursplan [--db PATH] COMMAND …`.
 *
 * Returns: the process's exit status
 */
int
kp_cli_run (int    argc,
            char **argv)
{
  KpCliContext ctx = { 0 };
  const KpCliCommand *command;
  int status;

  if (argc >= 2 && (g_strcmp0 (argv[1], "--db") == 0 || g_strcmp0 (argv[1], "--db=") == 0) &&
      (argc < 3 || g_strcmp0 (argv[1], "--db=") == 0 || *argv[2] == '\0'))
    {
      fprintf (stderr, "kursplan: %s\n", _("--db needs the path of a database"));
      fprintf (stderr, "%s\n", _("Try “kursplan --help”."));
      return KP_EXIT_USAGE;
    }
  ctx.db_path = kp_cli_take_db_option (&argc, &argv);

  if (argc < 2 || g_strcmp0 (argv[1], "help") == 0 || g_strcmp0 (argv[1], "--help") == 0 ||
      g_strcmp0 (argv[1], "-h") == 0)
    {
      print_help (stdout);
      g_free (ctx.db_path);
      return argc < 2 ? KP_EXIT_USAGE : KP_EXIT_OK;
    }

  command = find_command (argv[1]);
  if (command == NULL)
    {
      g_autofree char *word = kp_quote_value (argv[1]);

      fprintf (stderr, _("kursplan: “%s” is neither a command nor a file to open"), word);
      fputc ('\n', stderr);
      fprintf (stderr, "%s\n", _("Try “kursplan --help”."));
      g_free (ctx.db_path);
      return KP_EXIT_USAGE;
    }

  /* The command sees itself as argv[0]. */
  status = command->func (&ctx, argc - 1, argv + 1);

  if (ctx.store != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!kp_store_flush (ctx.store, &error) && status == KP_EXIT_OK)
        status = kp_cli_fail (error);
    }
  g_clear_object (&ctx.store);
  g_free (ctx.db_path);
  return status;
}
