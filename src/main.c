/* main.c — a known subcommand goes to the CLI without touching the display; anything else
 * starts the GUI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "kp-application.h"
#include "kp-cli.h"

/* The first argument after an optional `--db PATH` or `--db=PATH`, or NULL. */
static const char *
find_command_name (int    argc,
                   char **argv)
{
  int i = 1;

  if (i < argc && g_str_has_prefix (argv[i], "--db="))
    i += 1;
  else if (i < argc && g_strcmp0 (argv[i], "--db") == 0)
    i += 2;
  return i < argc ? argv[i] : NULL;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(KpApplication) app = NULL;
  const char *command;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  command = find_command_name (argc, argv);
  if (command != NULL && kp_cli_is_command (command))
    return kp_cli_run (argc, argv);

  app = kp_application_new (G_APPLICATION_HANDLES_OPEN);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
