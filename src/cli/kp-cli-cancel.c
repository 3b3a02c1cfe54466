/* kp-cli-cancel.c — `kursplan cancel COURSE [--reason TEXT] [--date YYYY-MM-DD]`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-cli-cancel"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "kp-cli.h"
#include "kp-course-cancel.h"
#include "kp-quote.h"
#include "kp-time.h"

typedef struct
{
  KpCliContext *ctx;
  const char   *course_name;
  const char   *reason;
  GDateTime    *now;
  char         *title;        /* the course's, once cancelled */
  guint         n_sessions;
} Cancel;

/* Load, cancel and save in one write transaction. */
static gboolean
cancel_update (KpStore  *store,
               gpointer  user_data,
               GError  **error)
{
  Cancel *cancel = user_data;
  g_autoptr(KpCourse) course = kp_cli_load_course (cancel->ctx, cancel->course_name, error);
  g_autoptr(KpCourseCancellation) cancellation = NULL;

  if (course == NULL)
    return FALSE;
  cancellation = kp_course_cancel (course, cancel->reason, cancel->now, error);
  if (cancellation == NULL || !kp_store_save_course (store, course, error))
    return FALSE;
  cancel->title = g_strdup (kp_course_get_title (course));
  cancel->n_sessions = kp_course_cancellation_get_n_sessions (cancellation);
  return TRUE;
}

int
kp_cli_cancel (KpCliContext  *ctx,
               int            argc,
               char         **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("COURSE"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *date = NULL;
  Cancel cancel = { ctx, NULL, NULL, NULL, NULL, 0 };
  KpStore *store;
  const GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason,
      N_("Why the course is cancelled, for the planning group and the figures"), N_("TEXT") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date,
      N_("Cancel as on this day: sessions ended before it stay held"), N_("YYYY-MM-DD") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Cancels a course: every session not yet held is cancelled, "
                                  "and calendars and brochures say so."));
  if (!kp_cli_parse (context, "cancel", &argc, &argv))
    return KP_EXIT_USAGE;
  if (argc != 2)
    return kp_cli_usage_error ("cancel", "%s", _("name one course"));
  if (date != NULL)
    {
      GDate day;

      if (!kp_time_parse_date (date, &day))
        {
          g_autofree char *quoted = kp_quote_value (date);

          return kp_cli_usage_error ("cancel", _("“%s” is not a date (YYYY-MM-DD)"), quoted);
        }
      /* The start of the day: a session later that day is cancelled too. */
      now = g_date_time_new_local (g_date_get_year (&day), g_date_get_month (&day),
                                   g_date_get_day (&day), 0, 0, 0);
    }
  else
    now = g_date_time_new_now_local ();

  cancel.course_name = argv[1];
  cancel.reason = reason;
  cancel.now = now;
  store = kp_cli_get_store (ctx, &error);
  if (store == NULL || !kp_store_update (store, cancel_update, &cancel, &error))
    {
      g_free (cancel.title);
      return kp_cli_fail (error);
    }

  printf (g_dngettext (GETTEXT_PACKAGE, "Cancelled “%s”: %u session cancelled",
                       "Cancelled “%s”: %u sessions cancelled", cancel.n_sessions),
          cancel.title != NULL ? cancel.title : "", cancel.n_sessions);
  putchar ('\n');
  g_free (cancel.title);
  return KP_EXIT_OK;
}
