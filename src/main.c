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
#include "kp-renderer.h"
#include "kp-ui-language.h"

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

static void
setup_gettext (void)
{
  const char *localedir = g_getenv ("KURSPLAN_LOCALEDIR");
  const char *locale;

  locale = setlocale (LC_ALL, "");
  /* gettext ignores $LANGUAGE in the plain "C" locale (no LANG set, as in a bare shell or CI):
   * take C.UTF-8 instead, which honours it, so `LANGUAGE=nn kursplan --help` answers in
   * Nynorsk on any machine. */
  if ((locale == NULL || g_strcmp0 (locale, "C") == 0 || g_strcmp0 (locale, "POSIX") == 0)
      && g_getenv ("LANGUAGE") != NULL)
    setlocale (LC_ALL, "C.UTF-8");

  /* Running from a build tree (tests, `meson devenv`): the catalogues built in BUILD/po. */
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(KpApplication) app = NULL;
  const char *command;
  gboolean is_cli;

  command = find_command_name (argc, argv);
  is_cli = command != NULL && kp_cli_is_command (command);

  /* The window follows the user's own choice of language, if any; the command line follows the
   * environment, as commands do. Either way before any string is translated. */
  kp_ui_language_apply (!is_cli);

  setup_gettext ();

  if (is_cli)
    return kp_cli_run (argc, argv);

  /* Before GTK starts and before any thread does. */
  kp_renderer_avoid_software_gl ("/dev");

  app = kp_application_new (G_APPLICATION_HANDLES_OPEN);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
