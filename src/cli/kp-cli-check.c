/* kp-cli-check.c — `kursplan check COURSE`: what each step of Standard metode still needs
 *
 * Exits 0 when every requirement is met and 3 when one is not, so a script can tell a finished
 * plan from one in progress; recommendations not yet met are listed, but do not count.
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
  guint met, total, open;
  int step = -1;
  const GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date,
      N_("Judge the plan as on DATE (YYYY-MM-DD) instead of today"), N_("DATE") },
    { NULL }
  };

  g_option_context_set_summary (context,
                                _("Shows, step by step, what the course’s plan meets of Standard "
                                  "metode and what it still needs. COURSE is the course’s id or "
                                  "its exact title. ✓ marks what is met, ✗ a requirement still "
                                  "missing and ! a recommendation. Exits with 0 when every "
                                  "requirement is met and 3 when one is not."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!kp_cli_parse (context, "check", &argc, &argv))
    return KP_EXIT_USAGE;
  if (argc != 2)
    return kp_cli_usage_error ("check", "%s", _("name one course, by its id or its exact title"));

  if (!kp_cli_parse_date_option (date, &now))
    {
      g_autofree char *quoted = kp_quote_value (date);

      return kp_cli_usage_error ("check", _("“%s” is not a date (YYYY-MM-DD)"), quoted);
    }

  course = kp_cli_load_course (ctx, argv[1], &error);
  if (course == NULL)
    return kp_cli_fail (error);

  items = kp_method_check (course, now);
  printf ("%s\n", kp_method_get_cycle_note ());
  /* Translators: the legend of `kursplan check`'s marks */
  printf ("%s\n", _("✓ met, ✗ a requirement not met, ! a recommendation not met"));
  for (guint i = 0; i < items->len; i++)
    {
      KpCheckItem *item = g_ptr_array_index (items, i);

      if ((int) item->step != step)
        {
          putchar ('\n');
          if (step < 0 || kp_step_get_phase (item->step) != kp_step_get_phase (step))
            {
              KpPhase phase = kp_step_get_phase (item->step);
              g_autofree char *heading = g_utf8_strup (kp_phase_get_title (phase), -1);

              printf ("%s\n\n", heading);
            }
          step = item->step;
          /* Translators: a step of the method, numbered: "2. Planning Group" */
          printf (_("%d. %s\n"), step + 1, kp_step_get_title (item->step));
        }
      printf ("  %s %s\n", kp_check_item_get_mark (item), item->sentence);
    }
  kp_method_count_items (items, &met, &total, &open);
  printf ("\n");
  printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u requirement met.\n",
                       "%u of %u requirements met.\n", total),
          met, total);
  if (open > 0)
    printf (g_dngettext (GETTEXT_PACKAGE, "%u recommendation not met.\n",
                         "%u recommendations not met.\n", open),
            open);
  fflush (stdout);

  return kp_method_is_complete (items) ? KP_EXIT_OK : KP_EXIT_INCOMPLETE;
}
