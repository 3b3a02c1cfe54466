/* kp-cli-list.c — `kursplan list`: one line per course, by first session
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-cli-list"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "kp-cli.h"
#include "kp-time.h"
#include "kp-quote.h"

/* Columns are tab-separated: first date, status, title, UUID, term. The UUID stays fourth so a
 * script can take it with `cut -f4` whatever the title holds, and the title third so it can be
 * given back as COURSE; the term ("autumn 2027"), which tells a course from its next run under
 * the same title, comes after them. */
int
kp_cli_list (KpCliContext  *ctx,
             int            argc,
             char         **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GPtrArray) courses = NULL;
  g_autoptr(GError) error = NULL;
  KpStore *store;

  g_option_context_set_summary (context,
                                _("Lists the courses, one a line: the first session’s date, "
                                  "the status, the title, the id and the term (“autumn "
                                  "2027”), which tells a course from its next run."));
  if (!kp_cli_parse (context, "list", &argc, &argv))
    return KP_EXIT_USAGE;
  if (argc > 1)
    {
      g_autofree char *quoted = kp_quote_value (argv[1]);

      return kp_cli_usage_error ("list", _("“%s” is not an argument of list"), quoted);
    }

  store = kp_cli_get_store (ctx, &error);
  if (store == NULL)
    return kp_cli_fail (error);

  courses = kp_store_list_courses (store, &error);
  if (courses == NULL)
    return kp_cli_fail (error);

  if (courses->len == 0)
    {
      printf ("%s\n", _("There are no courses yet. Add one with “kursplan import FILE”, or "
                        "load the demo courses with “kursplan demo”."));
      return KP_EXIT_OK;
    }

  for (guint i = 0; i < courses->len; i++)
    {
      KpCourseSummary *course = g_ptr_array_index (courses, i);
      GDateTime *first = kp_course_summary_get_first_start (course);
      const char *title = kp_course_summary_get_title (course);
      g_autofree char *date = first ? g_date_time_format (first, "%Y-%m-%d")
                                    : g_strdup (_("no date"));
      g_autofree char *term = kp_time_format_term (first);

      printf ("%s\t%s\t%s\t%s\t%s\n",
              date,
              kp_course_status_get_label (kp_course_summary_get_status (course)),
              title ? title : _("(untitled)"),
              kp_course_summary_get_id (course),
              term ? term : "");
    }
  return KP_EXIT_OK;
}
