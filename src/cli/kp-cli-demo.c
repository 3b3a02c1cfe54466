/* kp-cli-demo.c — `kursplan demo`: load the bundled demo courses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "kp-cli.h"
#include "kp-demo.h"
#include "kp-quote.h"

int
kp_cli_demo (KpCliContext  *ctx,
             int            argc,
             char         **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GPtrArray) courses = NULL;
  g_autoptr(GError) error = NULL;
  KpStore *store;

  g_option_context_set_summary (context,
                                _("Loads three invented courses, in Bokmål, Nynorsk and North "
                                  "Sami, to try Kursplan with. Demo courses already in the "
                                  "database are updated in place, not added twice."));
  if (!kp_cli_parse (context, "demo", &argc, &argv))
    return KP_EXIT_USAGE;
  if (argc > 1)
    {
      g_autofree char *quoted = kp_quote_value (argv[1]);

      return kp_cli_usage_error ("demo", _("“%s” is not an argument of demo"), quoted);
    }

  store = kp_cli_get_store (ctx, &error);
  if (store == NULL)
    return kp_cli_fail (error);

  courses = kp_demo_load_courses (store, &error);
  if (courses == NULL)
    return kp_cli_fail (error);

  for (guint i = 0; i < courses->len; i++)
    {
      KpCourse *course = g_ptr_array_index (courses, i);
      guint n = g_list_model_get_n_items (kp_course_get_sessions (course));
      g_autofree char *sessions = g_strdup_printf (ngettext ("%u session", "%u sessions", n), n);

      /* TRANSLATORS: the course's title, its language code, and "6 sessions" */
      printf (_("Loaded “%s” (%s, %s)"), kp_course_get_title (course),
              kp_course_get_language (course), sessions);
      printf ("\t%s\n", kp_course_get_id (course));
    }
  return KP_EXIT_OK;
}
