/* kp-cli-check.c — `kursplan check COURSE`: what each step of Standard metode still needs
 *
 * Exits 0 when nothing is missing and 3 when something is, so a script can tell a finished
 * plan from one in progress.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "kp-cli.h"
#include "kp-error.h"
#include "kp-method.h"
#include "kp-quote.h"
#include "kp-time.h"

int
kp_cli_check (KpCliContext  *ctx,
              int            argc,
              char         **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("COURSE"));
  g_autoptr(KpCourse) course = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *date = NULL;
  guint met = 0;
  int step = -1;
  const GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date,
      N_("Judge the plan as on DATE (YYYY-MM-DD) instead of today"), N_("DATE") },
    { NULL }
  };

  g_option_context_set_summary (context,
                                _("Shows, step by step, what the course’s plan meets of Standard "
                                  "metode and what it still needs. COURSE is the course’s id or "
                                  "its exact title. Exits with 0 when nothing is missing and 3 "
                                  "when something is."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!kp_cli_parse (context, "check", &argc, &argv))
    return KP_EXIT_USAGE;
  if (argc != 2)
    return kp_cli_usage_error ("check", "%s", _("name one course, by its id or its exact title"));

  if (date != NULL)
    {
      GDate day;

      if (!kp_time_parse_date (date, &day))
        {
          g_autofree char *quoted = kp_quote_value (date);

          return kp_cli_usage_error ("check", _("“%s” is not a date (YYYY-MM-DD)"), quoted);
        }
      /* The end of that day, so sessions held during it count as held. */
      now = g_date_time_new_local (g_date_get_year (&day), g_date_get_month (&day),
                                   g_date_get_day (&day), 23, 59, 59);
    }
  else
    now = g_date_time_new_now_local ();

  course = kp_cli_load_course (ctx, argv[1], &error);
  if (course == NULL)
    return kp_cli_fail (error);

  items = kp_method_check (course, now);
  for (guint i = 0; i < items->len; i++)
    {
      KpCheckItem *item = g_ptr_array_index (items, i);

      if ((int) item->step != step)
        {
          if (step >= 0)
            putchar ('\n');
          step = item->step;
          /* Translators: a step of the method, numbered: "2. Planning Group" */
          printf (_("%d. %s\n"), step + 1, kp_step_get_title (item->step));
        }
      printf ("  %s %s\n", item->met ? "✓" : "✗", item->sentence);
      if (item->met)
        met++;
    }
  printf ("\n");
  printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u check met.\n", "%u of %u checks met.\n",
                       items->len),
          met, items->len);
  fflush (stdout);

  return met == items->len ? KP_EXIT_OK : KP_EXIT_INCOMPLETE;
}
