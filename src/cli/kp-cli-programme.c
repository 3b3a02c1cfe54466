/* kp-cli-programme.c — `kursplan programme --from DATE --to DATE -o DIR`: the term's programme
 * as a web page to copy onto the centre's website
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "kp-cli.h"
#include "kp-programme-html.h"
#include "kp-quote.h"
#include "kp-time.h"

int
kp_cli_programme (KpCliContext  *ctx,
                  int            argc,
                  char         **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GDateTime) now = kp_cli_export_time ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) courses = NULL;
  g_autoptr(GPtrArray) selected = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *output = NULL;
  g_autofree char *format = NULL;
  g_autofree char *centre = NULL;
  gboolean leave_out = FALSE;
  GDate from, to;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text,
      N_("The first day of the period (YYYY-MM-DD)"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text,
      N_("The last day of the period (YYYY-MM-DD)"), N_("DATE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The folder to write index.html, programme.css and programme.ics into"), N_("DIR") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("The programme's form: html (the default)"), N_("FORMAT") },
    { "centre", 0, 0, G_OPTION_ARG_STRING, &centre,
      N_("The centre's name, the page's heading"), N_("NAME") },
    { "leave-out-cancelled", 0, 0, G_OPTION_ARG_NONE, &leave_out,
      N_("Leave cancelled courses out instead of marking them cancelled"), NULL },
    { NULL }
  };

  g_option_context_set_summary (context,
                                _("Writes every course that starts in the period, ideas left "
                                  "out, as a web page with a calendar of all its sessions. "
                                  "Copy the folder onto the website to publish it."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!kp_cli_parse (context, "programme", &argc, &argv))
    return KP_EXIT_USAGE;
  if (argc != 1)
    return kp_cli_usage_error ("programme", "%s", _("the programme takes no course names"));
  if (from_text == NULL || to_text == NULL || output == NULL)
    return kp_cli_usage_error ("programme", "%s", _("give --from, --to and --output"));
  if (!kp_time_parse_date (from_text, &from))
    {
      g_autofree char *quoted = kp_quote_value (from_text);
      return kp_cli_usage_error ("programme", _("“%s” is not a date (YYYY-MM-DD)"), quoted);
    }
  if (!kp_time_parse_date (to_text, &to))
    {
      g_autofree char *quoted = kp_quote_value (to_text);
      return kp_cli_usage_error ("programme", _("“%s” is not a date (YYYY-MM-DD)"), quoted);
    }
  if (g_date_compare (&from, &to) > 0)
    return kp_cli_usage_error ("programme", "%s", _("--to is before --from"));
  if (format != NULL && g_ascii_strcasecmp (format, "html") != 0)
    {
      g_autofree char *quoted = kp_quote_value (format);
      return kp_cli_usage_error ("programme", _("“%s” is not a programme format: use html"), quoted);
    }

  courses = kp_cli_load_all_courses (ctx, &error);
  if (courses == NULL)
    return kp_cli_fail (error);
  selected = kp_programme_select ((KpCourse * const *) courses->pdata, courses->len, &from, &to,
                                  leave_out ? KP_PROGRAMME_LEAVE_OUT_CANCELLED
                                            : KP_PROGRAMME_DEFAULT);
  if (!kp_programme_html_write (output, (KpCourse * const *) selected->pdata, selected->len,
                                centre, &from, &to, now, &error))
    {
      g_autofree char *quoted = kp_quote_value (output);

      g_prefix_error (&error, "%s: ", quoted);
      return kp_cli_fail (error);
    }
  printf (g_dngettext (GETTEXT_PACKAGE, "Wrote the programme of %u course", "Wrote the programme of %u courses",
                       selected->len), selected->len);
  putchar ('\n');
  return KP_EXIT_OK;
}
