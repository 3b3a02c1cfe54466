/* kp-cli-decide.c — `kursplan decide`: the go/no-go decision at the registration deadline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "kp-cli.h"
#include "kp-error.h"
#include "kp-quote.h"
#include "kp-time.h"

typedef struct
{
  KpCliContext *ctx;
  const char   *course_name;  /* as the user gave it */
  const char   *day;          /* "2027-02-16" */
  KpRole        by;
  guint         registered;   /* what the decision was taken on, once saved */
  int           min;
} Decide;

/* The course read, the decision recorded and saved in one write transaction. */
static gboolean
decide_update (KpStore  *store,
               gpointer  user_data,
               GError  **error)
{
  Decide *decide = user_data;
  g_autoptr(KpCourse) course = kp_cli_load_course (decide->ctx, decide->course_name, error);

  if (course == NULL)
    return FALSE;
  decide->registered = kp_course_get_registered (course);
  decide->min = kp_course_get_capacity_min (course);
  if (decide->min <= 0)
    {
      g_set_error_literal (error, KP_ERROR, KP_ERROR_INVALID_PLAN,
                           _("The course has no minimum number of participants: there is "
                             "nothing to decide"));
      return FALSE;
    }
  if (decide->registered >= (guint) decide->min)
    {
      g_set_error (error, KP_ERROR, KP_ERROR_INVALID_PLAN,
                   _("%u registered, minimum %d: the course has enough, there is nothing to "
                     "decide"),
                   decide->registered, decide->min);
      return FALSE;
    }
  kp_course_set_fewer_decision (course, decide->day, decide->by);
  return kp_store_save_course (store, course, error);
}

int
kp_cli_decide (KpCliContext  *ctx,
               int            argc,
               char         **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("COURSE"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *by = NULL;
  g_autofree char *date = NULL;
  g_autofree char *day = NULL;
  gboolean run_with_fewer = FALSE;
  Decide decide = { ctx, NULL, NULL, KP_ROLE_COURSE_LEADER, 0, 0 };
  KpStore *store;
  int role;
  const GOptionEntry entries[] = {
    { "run-with-fewer", 0, 0, G_OPTION_ARG_NONE, &run_with_fewer,
      N_("Run the course with fewer registered than its minimum"), NULL },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by,
      N_("The role of who decided: course_leader, professional, user_representative, "
         "experience_consultant, peer or coordinator"), N_("ROLE") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date,
      N_("The day the decision was taken (YYYY-MM-DD) instead of today"), N_("DATE") },
    { NULL }
  };

  g_option_context_set_summary (context,
                                _("Records the decision at the registration deadline when "
                                  "fewer have registered than the course’s minimum: with "
                                  "--run-with-fewer the course runs, and `kursplan check` counts "
                                  "the decision as met. COURSE is the course’s id or its exact "
                                  "title."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!kp_cli_parse (context, "decide", &argc, &argv))
    return KP_EXIT_USAGE;
  if (argc != 2)
    return kp_cli_usage_error ("decide", "%s",
                               _("name one course, by its id or its exact title"));
  if (!run_with_fewer)
    return kp_cli_usage_error ("decide", "%s", _("say what was decided: --run-with-fewer"));
  if (by == NULL)
    return kp_cli_usage_error ("decide", "%s",
                               _("say who decided, by role, with --by ROLE (as course_leader)"));
  if (!kp_enum_from_string (KP_TYPE_ROLE, by, &role))
    {
      g_autofree char *quoted = kp_quote_value (by);

      return kp_cli_usage_error ("decide", _("“%s” is not one of: %s"), quoted,
                                 "course_leader, professional, user_representative, "
                                 "experience_consultant, peer, coordinator");
    }
  if (!kp_cli_parse_date_option (date, &now))
    {
      g_autofree char *quoted = kp_quote_value (date);

      return kp_cli_usage_error ("decide", _("“%s” is not a date (YYYY-MM-DD)"), quoted);
    }

  day = g_date_time_format (now, "%Y-%m-%d");
  decide.course_name = argv[1];
  decide.day = day;
  decide.by = role;
  store = kp_cli_get_store (ctx, &error);
  if (store == NULL || !kp_store_update (store, decide_update, &decide, &error))
    return kp_cli_fail (error);

  /* Translators: the day, then how many registered and the course's minimum */
  printf (_("%s: decided to run with %u registered, minimum %d"), day, decide.registered,
          decide.min);
  putchar ('\n');
  return KP_EXIT_OK;
}
