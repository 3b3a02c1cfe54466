/* kp-cli-export-plan.c — `kursplan export-plan COURSE [-o FILE]`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "kp-cli.h"
#include "kp-output.h"
#include "kp-plan-writer.h"

int
kp_cli_export_plan (KpCliContext  *ctx,
                    int            argc,
                    char         **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("COURSE"));
  g_autoptr(KpCourse) course = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *text = NULL;
  gsize length;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the file to FILE instead of standard output"), N_("FILE") },
    { NULL }
  };

  g_option_context_set_summary (context,
                                _("Writes a course as a course-plan file. COURSE is the "
                                  "course’s id or its exact title."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!kp_cli_parse (context, "export-plan", &argc, &argv))
    return KP_EXIT_USAGE;
  if (argc != 2)
    return kp_cli_usage_error ("export-plan", "%s",
                               _("name one course, by its id or its exact title"));

  course = kp_cli_load_course (ctx, argv[1], &error);
  if (course == NULL)
    return kp_cli_fail (error);

  if (output != NULL)
    {
      if (!kp_plan_write_file (course, output, &error))
        return kp_cli_fail (error);
      return KP_EXIT_OK;
    }

  text = kp_plan_write (course, &length);
  if (!kp_output_write_path ("-", text, length, &error))
    return kp_cli_fail (error);
  return KP_EXIT_OK;
}
