/* kp-cli-evaluation.c — `kursplan form`, `report`, `stats` and `run-again`: the evaluation's
 * forms and report, the year's figures, and the course's next run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "kp-cli.h"
#include "kp-course-rerun.h"
#include "kp-doc-language.h"
#include "kp-form.h"
#include "kp-quote.h"
#include "kp-output.h"
#include "kp-report.h"
#include "kp-stats.h"
#include "kp-time.h"

static int
write_pdf (GBytes     *pdf,
           const char *path)
{
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (pdf, &size);

  if (!kp_output_write_path (path, data, size, &error))
    return kp_cli_fail (error);
  return KP_EXIT_OK;
}

int
kp_cli_form (KpCliContext  *ctx,
             int            argc,
             char         **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("COURSE"));
  g_autoptr(GDateTime) now = kp_cli_export_time ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KpCourse) course = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *kind_name = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *output = NULL;
  KpEvaluationKind kind;
  const GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_name,
      N_("Which form: midway or final"), N_("KIND") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang,
      N_("The form's language: nb, nn, se, smj or sma; smj and sma print in Bokmål for now "
         "(default: the course's)"), N_("CODE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the PDF to FILE"), N_("FILE") },
    { NULL }
  };

  g_option_context_set_summary (context,
                                _("Writes the participants’ evaluation form to print and hand "
                                  "out, as an accessible PDF. The form asks for no name. COURSE "
                                  "is the course’s id or its exact title."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!kp_cli_parse (context, "form", &argc, &argv))
    return KP_EXIT_USAGE;
  if (argc != 2)
    return kp_cli_usage_error ("form", "%s", _("name one course, by its id or its exact title"));
  if (g_strcmp0 (kind_name, "midway") == 0)
    kind = KP_EVALUATION_MIDWAY;
  else if (g_strcmp0 (kind_name, "final") == 0)
    kind = KP_EVALUATION_FINAL;
  else if (kind_name == NULL)
    return kp_cli_usage_error ("form", "%s", _("say which form with --kind midway or --kind final"));
  else
    {
      g_autofree char *quoted = kp_quote_value (kind_name);

      return kp_cli_usage_error ("form", _("--kind takes “midway” or “final”, not “%s”"), quoted);
    }
  if (lang != NULL && kp_doc_language_lookup (lang) == NULL)
    {
      g_autofree char *quoted = kp_quote_value (lang);

      return kp_cli_usage_error ("form",
                                 _("“%s” is not a form language: use nb, nn, se, smj or sma"),
                                 quoted);
    }
  if (output == NULL)
    return kp_cli_usage_error ("form", "%s", _("say where to write the PDF with -o FILE"));

  course = kp_cli_load_course (ctx, argv[1], &error);
  if (course == NULL)
    return kp_cli_fail (error);

  pdf = kp_form_render_pdf (course, kind, lang, now, &error);
  if (pdf == NULL)
    return kp_cli_fail (error);
  return write_pdf (pdf, output);
}

int
kp_cli_report (KpCliContext  *ctx,
               int            argc,
               char         **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("COURSE"));
  g_autoptr(GDateTime) now = kp_cli_export_time ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KpCourse) course = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the PDF to FILE"), N_("FILE") },
    { NULL }
  };

  g_option_context_set_summary (context,
                                _("Writes the course’s evaluation report for the centre and the "
                                  "planning group as an accessible PDF: attendance, the forms’ "
                                  "results, what participants said and the actions decided. "
                                  "COURSE is the course’s id or its exact title."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!kp_cli_parse (context, "report", &argc, &argv))
    return KP_EXIT_USAGE;
  if (argc != 2)
    return kp_cli_usage_error ("report", "%s", _("name one course, by its id or its exact title"));
  if (output == NULL)
    return kp_cli_usage_error ("report", "%s", _("say where to write the PDF with -o FILE"));

  course = kp_cli_load_course (ctx, argv[1], &error);
  if (course == NULL)
    return kp_cli_fail (error);

  pdf = kp_report_render_pdf (course, now, &error);
  if (pdf == NULL)
    return kp_cli_fail (error);
  return write_pdf (pdf, output);
}

int
kp_cli_stats (KpCliContext  *ctx,
              int            argc,
              char         **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *year_text = NULL;
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_autoptr(GBytes) ods = NULL;
  gboolean csv = FALSE;
  guint64 year;
  KpStore *store;
  const GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_STRING, &year_text,
      N_("The calendar year to count"), N_("YYYY") },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv,
      N_("Write CSV for a spreadsheet instead of a table"), NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("Write the figures as a table, CSV or an OpenDocument spreadsheet"),
      N_("table|csv|ods") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE instead of standard output (needed for ods)"), N_("FILE") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date,
      N_("Count as on DATE (YYYY-MM-DD) instead of today: sessions after it are planned"),
      N_("DATE") },
    { NULL }
  };

  g_option_context_set_summary (context,
                                _("Shows the year’s figures for the annual report: per course "
                                  "the sessions held and those still planned, registered "
                                  "participants, the sum of "
                                  "attendances, contributions by users and by professionals, "
                                  "and whether users took part in planning, running and "
                                  "evaluation; totals last. Counts only, never a person."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!kp_cli_parse (context, "stats", &argc, &argv))
    return KP_EXIT_USAGE;
  if (argc != 1)
    return kp_cli_usage_error ("stats", "%s", _("stats takes no course: it counts them all"));
  if (year_text == NULL)
    return kp_cli_usage_error ("stats", "%s", _("say which year with --year YYYY"));
  if (!g_ascii_string_to_unsigned (year_text, 10, 1900, 9999, &year, NULL) ||
      strlen (year_text) != 4)
    {
      g_autofree char *quoted = kp_quote_value (year_text);

      return kp_cli_usage_error ("stats",
                                 _("“%s” is not a year: write four digits, as 2027"), quoted);
    }
  if (!kp_cli_parse_date_option (date, &now))
    {
      g_autofree char *quoted = kp_quote_value (date);

      return kp_cli_usage_error ("stats", _("“%s” is not a date (YYYY-MM-DD)"), quoted);
    }
  if (format == NULL)
    format = g_strdup (csv ? "csv" : "table");
  else if (g_strcmp0 (format, "table") != 0 && g_strcmp0 (format, "csv") != 0 &&
           g_strcmp0 (format, "ods") != 0)
    {
      g_autofree char *quoted = kp_quote_value (format);

      return kp_cli_usage_error ("stats",
                                 _("“%s” is not a format: choose table, csv or ods"), quoted);
    }
  else if (csv && g_strcmp0 (format, "csv") != 0)
    return kp_cli_usage_error ("stats", "%s", _("--csv and --format say different things"));
  if (g_strcmp0 (format, "ods") == 0 && output == NULL)
    return kp_cli_usage_error ("stats", "%s",
                               _("a spreadsheet goes to a file: add --output FILE"));

  store = kp_cli_get_store (ctx, &error);
  if (store == NULL)
    return kp_cli_fail (error);
  rows = kp_store_list_year_figures (store, (int) year, now, &error);
  if (rows == NULL)
    return kp_cli_fail (error);

  if (g_strcmp0 (format, "ods") == 0)
    {
      ods = kp_stats_format_ods (rows, (int) year);
      return write_pdf (ods, output);  /* writes any bytes, a spreadsheet too */
    }
  text = g_strcmp0 (format, "csv") == 0 ? kp_stats_format_csv (rows)
                                        : kp_stats_format_table (rows, (int) year);
  if (!kp_output_write_path (output != NULL ? output : "-", text, strlen (text), &error))
    return kp_cli_fail (error);
  return KP_EXIT_OK;
}

typedef struct
{
  KpCliContext *ctx;
  const char   *course_name;  /* as the user gave it */
  const GDate  *start;
  GDateTime    *now;          /* the day the run is made on */
  KpCourse     *next;         /* the new run, once saved */
} RunAgain;

/* The course read and the new run saved in one write transaction. */
static gboolean
run_again_update (KpStore  *store,
                  gpointer  user_data,
                  GError  **error)
{
  RunAgain *run = user_data;
  g_autoptr(KpCourse) course = kp_cli_load_course (run->ctx, run->course_name, error);
  g_autoptr(KpCourse) next = NULL;

  if (course == NULL || (next = kp_course_rerun (course, run->start, run->now, error)) == NULL ||
      !kp_store_save_course (store, next, error))
    return FALSE;
  run->next = g_steal_pointer (&next);
  return TRUE;
}

int
kp_cli_run_again (KpCliContext  *ctx,
                  int            argc,
                  char         **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("COURSE"));
  g_autoptr(GError) error = NULL;
  g_autoptr(KpCourse) next = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *start_text = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *date = NULL;
  RunAgain run = { ctx, NULL, NULL, NULL, NULL };
  KpStore *store;
  GDateTime *first;
  GDate start;
  const GOptionEntry entries[] = {
    { "start", 0, 0, G_OPTION_ARG_STRING, &start_text,
      N_("The first day the new run may start on"), N_("YYYY-MM-DD") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date,
      N_("Make the run as on DATE (YYYY-MM-DD) instead of today: a registration deadline "
         "before it is cleared"), N_("DATE") },
    { NULL }
  };

  g_option_context_set_summary (context,
                                _("Makes the next run of a course: the same plan and group, the "
                                  "sessions moved to start on the first day from --start with "
                                  "the same weekday, at the same times, the planning meetings "
                                  "and the registration deadline moved as much, and the "
                                  "evaluation meeting’s actions as a checklist. Attendance, "
                                  "registrations and the forms’ results start empty. COURSE is "
                                  "the course’s id or its exact title. Prints the new course’s "
                                  "id."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!kp_cli_parse (context, "run-again", &argc, &argv))
    return KP_EXIT_USAGE;
  if (argc != 2)
    return kp_cli_usage_error ("run-again", "%s",
                               _("name one course, by its id or its exact title"));
  if (start_text == NULL)
    return kp_cli_usage_error ("run-again", "%s",
                               _("say when the new run starts with --start YYYY-MM-DD"));
  if (!kp_time_parse_date (start_text, &start))
    {
      g_autofree char *quoted = kp_quote_value (start_text);

      return kp_cli_usage_error ("run-again",
                                 _("“%s” is not a date: write it as YYYY-MM-DD, as 2027-09-02"),
                                 quoted);
    }
  if (!kp_cli_parse_date_option (date, &now))
    {
      g_autofree char *quoted = kp_quote_value (date);

      return kp_cli_usage_error ("run-again", _("“%s” is not a date (YYYY-MM-DD)"), quoted);
    }

  run.course_name = argv[1];
  run.start = &start;
  run.now = now;
  store = kp_cli_get_store (ctx, &error);
  if (store == NULL || !kp_store_update (store, run_again_update, &run, &error))
    return kp_cli_fail (error);
  next = run.next;

  first = kp_course_get_first_start (next);
  first_text = g_date_time_format (first, "%Y-%m-%d %H:%M");
  /* Translators: the new course's id, then when its first session starts */
  printf (_("%s: the new run starts %s"), kp_course_get_id (next), first_text);
  putchar ('\n');
  return KP_EXIT_OK;
}
