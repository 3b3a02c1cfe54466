/* main.c — a known subcommand goes to the CLI without touching the display; no argument, or
 * files to open, start the GUI; any other word is the CLI's usage error
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
  gboolean is_cli;

  /* Only the bare command, files to open and the window's options start the window: a typing
   * mistake is a usage error on the terminal, never a window (or "cannot open display"). */
  is_cli = !kp_cli_wants_window (argc, argv);

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
