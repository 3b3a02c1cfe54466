/* kp-cli.h — the `kursplan` subcommands: argument parsing and messages, the work is the core's
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "kp-store.h"

G_BEGIN_DECLS

enum {
  KP_EXIT_OK = 0,
  KP_EXIT_ERROR = 1,      /* something the user can mend: one line on stderr */
  KP_EXIT_USAGE = 2,
  KP_EXIT_INCOMPLETE = 3, /* `check`: the plan still misses something */
};

/* The longest reminder `ics` and `sync` take (--remind): four weeks ahead. */
#define KP_CLI_MAX_REMIND_MINUTES (28 * 24 * 60)

typedef struct
{
  char    *db_path;  /* --db, or NULL for $KURSPLAN_DB or the default */
  KpStore *store;    /* opened on first use */
} KpCliContext;

typedef int (*KpCliCommandFunc) (KpCliContext *ctx,
                                 int           argc,
                                 char        **argv);

gboolean   kp_cli_is_command      (const char    *name);
gboolean   kp_cli_wants_window    (int            argc,
                                   char         **argv);
int        kp_cli_run             (int            argc,
                                   char         **argv);
char      *kp_cli_take_db_option  (int           *argc,
                                   char        ***argv);
KpStore   *kp_cli_get_store       (KpCliContext  *ctx,
                                   GError       **error);
GPtrArray *kp_cli_load_all_courses (KpCliContext *ctx,
                                    GError      **error);
KpCourse  *kp_cli_load_course     (KpCliContext  *ctx,
                                   const char    *id_or_title,
                                   GError       **error);
int        kp_cli_fail            (const GError  *error);
int        kp_cli_usage_error     (const char    *command,
                                   const char    *format,
                                   ...) G_GNUC_PRINTF (2, 3);
gboolean   kp_cli_parse_date_option (const char   *date,
                                     GDateTime   **now);
GDateTime *kp_cli_export_time     (void);
gboolean   kp_cli_parse           (GOptionContext *context,
                                   const char     *command,
                                   int            *argc,
                                   char         ***argv);

/* One function per subcommand, each in its own kp-cli-NAME.c. */
int kp_cli_list        (KpCliContext *ctx, int argc, char **argv);
int kp_cli_import      (KpCliContext *ctx, int argc, char **argv);
int kp_cli_export_plan (KpCliContext *ctx, int argc, char **argv);
int kp_cli_check       (KpCliContext *ctx, int argc, char **argv);
int kp_cli_demo        (KpCliContext *ctx, int argc, char **argv);
int kp_cli_ics         (KpCliContext *ctx, int argc, char **argv);
int kp_cli_import_ics  (KpCliContext *ctx, int argc, char **argv);
int kp_cli_brochure    (KpCliContext *ctx, int argc, char **argv);
int kp_cli_plan_pdf    (KpCliContext *ctx, int argc, char **argv);
int kp_cli_poster      (KpCliContext *ctx, int argc, char **argv);
int kp_cli_sync        (KpCliContext *ctx, int argc, char **argv);
int kp_cli_calendars   (KpCliContext *ctx, int argc, char **argv);
int kp_cli_form        (KpCliContext *ctx, int argc, char **argv);
int kp_cli_report      (KpCliContext *ctx, int argc, char **argv);
int kp_cli_stats       (KpCliContext *ctx, int argc, char **argv);
int kp_cli_run_again   (KpCliContext *ctx, int argc, char **argv);
int kp_cli_cancel      (KpCliContext *ctx, int argc, char **argv);
int kp_cli_invite      (KpCliContext *ctx, int argc, char **argv);
int kp_cli_programme   (KpCliContext *ctx, int argc, char **argv);
int kp_cli_decide      (KpCliContext *ctx, int argc, char **argv);

G_END_DECLS
