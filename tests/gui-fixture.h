/* gui-fixture.h — what the GUI tests share to set up and drive the window: a temporary folder
 * with a test database, the application and its window on it, running the main loop, finding
 * widgets, and reading the database back through a connection of the test's own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kp-application.h"
#include "kp-course-view.h"
#include "kp-store.h"
#include "kp-window.h"

G_BEGIN_DECLS

/* The main loop */
void        iterate             (void);
void        wait_ms             (guint               ms);
gboolean    wait_until          (gboolean          (*done) (gpointer data),
                                 gpointer            data,
                                 guint               ms);

/* The window's language */
void        gui_fixture_use_catalogues (void);
void        gui_fixture_use_language (const char     *language);

/* The temporary folder and its database */
char       *gui_fixture_make_dir (const char        *name,
                                  char             **db_path_out);
void        gui_fixture_remove_dir (const char      *path);

/* The application and its window */
KpWindow   *gui_fixture_start_app (KpApplication   **app_out,
                                   const char       *db_path,
                                   GApplicationFlags flags);
KpWindow   *gui_fixture_launch_app (KpApplication   **app_out,
                                    const char       *db_path,
                                    GApplicationFlags flags);
void        gui_fixture_wait_first_frame (KpWindow *window);
void        gui_fixture_stop_app  (KpApplication   **app,
                                   KpWindow        **window);
void        gui_fixture_close_dialogs (void);

/* Test data */
KpCourse   *gui_fixture_make_course (const char     *id,
                                     const char     *title,
                                     KpCourseStatus  status,
                                     const char     *first_start,
                                     guint           n_sessions,
                                     const char     *session_title);

/* The database, through a connection of the test's own */
void        gui_fixture_flush   (KpWindow           *window);
KpStore    *gui_fixture_reopen  (const char         *db_path);
void        gui_fixture_save_course (const char     *db_path,
                                     KpCourse       *course);
KpCourse   *gui_fixture_load_course (const char     *db_path,
                                     const char     *id);
KpCourse   *gui_fixture_load_course_after (const char *db_path,
                                           const char *id,
                                           guint       ms);
KpCourseView *gui_fixture_course_view (KpWindow     *window);

/* Widgets */
GtkWidget  *find_where          (GtkWidget          *root,
                                 gboolean          (*match) (GtkWidget    *widget,
                                                             gconstpointer data),
                                 gconstpointer       data);
GtkWidget  *find_widget         (GtkWidget          *widget,
                                 GType               type);
GtkWidget  *find_named          (GtkWidget          *root,
                                 const char         *name);
GtkWidget  *find_button         (GtkWidget          *root,
                                 const char         *label);
GtkWindow  *find_toplevel       (GType               type);

G_END_DECLS
