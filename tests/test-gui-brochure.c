/* test-gui-brochure.c — the brochure step (fields and live preview) and the window's actions that
 * take a course out: the brochure as PDF and printed, the calendar as a file and synced to a
 * CalDAV server (Radicale, started here when it is installed)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libical/ical.h>
#include <libsoup/soup.h>
#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>

#include "gui-fixture.h"
#include "gui-shots.h"
#include "kp-brochure-page.h"
#include "kp-brochure-preview.h"
#include "kp-course-export.h"
#include "kp-course-view.h"
#include "kp-method.h"
#include "kp-plan-reader.h"

/* tests/data/plans/good-full.json: North Sami, four sessions from Thursday 4 March 2027, the
 * third ("Ernæring") cancelled, two planning meetings. */
#define COURSE_ID "3f0b6a8e-2d7c-4c1e-9a51-0d6c1f3b2a10"
#define CALDAV_USER "lms"
#define CALDAV_PASSWORD "hemmelig ÆØÅ"

typedef struct
{
  char           *dir;
  char           *db_path;
  KpApplication  *app;
  KpWindow       *window;
  KpBrochurePage *page;
} Fixture;

static void
fill_database (const char *path)
{
  g_autofree char *plan = g_test_build_filename (G_TEST_DIST, "data", "plans", "good-full.json",
                                                 NULL);
  g_autoptr(KpStore) store = NULL;
  g_autoptr(KpCourse) course = NULL;
  g_autoptr(GError) error = NULL;

  course = kp_plan_read_file (plan, NULL, &error);
  g_assert_no_error (error);
  store = kp_store_new (path, &error);
  g_assert_no_error (error);
  kp_store_save_course (store, course, &error);
  g_assert_no_error (error);
  kp_store_flush (store, &error);
  g_assert_no_error (error);
}

/* A label anywhere under @root whose text holds @needle: how a toast is seen. */
static gboolean
is_shown_label_holding (GtkWidget     *widget,
                        gconstpointer  needle)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), needle) != NULL;
}

static GtkLabel *
find_label (GtkWidget  *root,
            const char *needle)
{
  GtkWidget *label = find_where (root, is_shown_label_holding, needle);

  return label != NULL ? GTK_LABEL (label) : NULL;
}

static GtkWidget *
template_child (Fixture    *fixture,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (fixture->page),
                                                  KP_TYPE_BROCHURE_PAGE, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *view;

  fixture->dir = gui_fixture_make_dir ("gui-brochure", &fixture->db_path);
  fill_database (fixture->db_path);

  fixture->window = gui_fixture_start_app (&fixture->app, fixture->db_path, 0);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1300, 900);
  g_assert_true (kp_window_select_course (fixture->window, COURSE_ID));
  iterate ();

  view = find_widget (GTK_WIDGET (fixture->window), KP_TYPE_COURSE_VIEW);
  g_assert_nonnull (view);
  kp_course_view_set_step (KP_COURSE_VIEW (view), KP_STEP_BROCHURE);
  iterate ();
  fixture->page = KP_BROCHURE_PAGE (find_widget (view, KP_TYPE_BROCHURE_PAGE));
  g_assert_nonnull (fixture->page);
  g_assert_true (kp_brochure_page_get_course (fixture->page) ==
                 kp_window_get_course (fixture->window));
  wait_ms (50);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GSettings *settings = kp_application_get_settings (fixture->app);

  if (settings != NULL)
    {
      g_settings_reset (settings, "brochure-layout");
      g_settings_reset (settings, "brochure-cancelled");
      g_settings_reset (settings, "caldav-url");
      g_settings_reset (settings, "caldav-user");
    }
  gui_fixture_stop_app (&fixture->app, &fixture->window);
  gui_fixture_remove_dir (fixture->dir);
  g_free (fixture->db_path);
  g_free (fixture->dir);
}

/* What a program prints; it must succeed. */
static char *
tool_output (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* What a PDF says, through poppler's pdftotext. */
static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };

  return tool_output (argv);
}

static guint
pdf_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *line;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  line = strstr (out, "Pages:");
  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + strlen ("Pages:"), NULL, 10);
}

static char *
export_brochure (Fixture    *fixture,
                 const char *language,
                 const char *name)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (kp_course_export_brochure (fixture->window, language, file, &error));
  g_assert_no_error (error);
  return pdf_text (path);
}

/* The preview as pixels: how many are dark enough to be text. */
static guint
count_ink (GtkWidget *widget,
           int       *width_out,
           int       *height_out)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  guint ink = 0;

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);
  /* The paintable shows what the widget last drew: wait for a frame. */
  for (guint i = 0; i < 100 && node == NULL; i++)
    {
      wait_ms (20);
      g_clear_pointer (&node, gsk_render_node_unref);
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (snapshot);
      snapshot = node == NULL ? gtk_snapshot_new () : NULL;
    }
  g_clear_object (&snapshot);
  g_assert_nonnull (node);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  for (int y = 0; y < height; y++)
    {
      const guint32 *row = (const guint32 *) (cairo_image_surface_get_data (surface) +
                                              y * cairo_image_surface_get_stride (surface));

      for (int x = 0; x < width; x++)
        {
          guint32 pixel = row[x];
          guint alpha = pixel >> 24, red = (pixel >> 16) & 0xff, green = (pixel >> 8) & 0xff;

          if (alpha == 0xff && red < 0x80 && green < 0x80)
            ink++;
        }
    }
  cairo_surface_destroy (surface);
  if (width_out != NULL)
    *width_out = width;
  if (height_out != NULL)
    *height_out = height;
  return ink;
}

static void
test_preview_draws_the_pages (Fixture       *fixture,
                              gconstpointer  data)
{
  KpBrochurePreview *preview = KP_BROCHURE_PREVIEW (kp_brochure_page_get_preview (fixture->page));
  GSettings *settings = kp_application_get_settings (fixture->app);
  int width, height;
  guint a4_pages;

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (preview)));
  a4_pages = kp_brochure_preview_get_n_pages (preview);
  g_assert_cmpuint (a4_pages, >=, 1);
  g_assert_cmpuint (count_ink (GTK_WIDGET (preview), &width, &height), >, 2000);
  /* Each page is scaled to the width, A4's 1:√2, with 16 px around: the height says how many. */
  g_assert_cmpint (height, ==,
                   (int) ceil (a4_pages * ((width - 32) * 841.89 / 595.28 + 16) + 16));

  /* A5 holds less on a page: the same brochure takes more of them. */
  g_settings_set_string (settings, "brochure-layout", "a5");
  wait_ms (100);
  g_assert_cmpstr (kp_brochure_preview_get_layout (preview), ==, "a5");
  g_assert_cmpuint (kp_brochure_preview_get_n_pages (preview), >, a4_pages);
  g_assert_cmpuint (count_ink (GTK_WIDGET (preview), NULL, NULL), >, 2000);

  /* No course, nothing drawn. */
  kp_brochure_preview_set_course (preview, NULL);
  g_assert_cmpuint (kp_brochure_preview_get_n_pages (preview), ==, 0);
}

static void
test_fields_edit_the_course (Fixture       *fixture,
                             gconstpointer  data)
{
  KpCourse *course = kp_window_get_course (fixture->window);
  GtkWidget *price = template_child (fixture, "price_row");
  GtkWidget *deadline = template_child (fixture, "deadline_row");
  GtkWidget *place = template_child (fixture, "location_name_row");
  GtkWidget *partner = template_child (fixture, "partner_entry");
  GtkSpinButton *min = GTK_SPIN_BUTTON (template_child (fixture, "capacity_min_spin"));
  GtkSpinButton *max = GTK_SPIN_BUTTON (template_child (fixture, "capacity_max_spin"));
  g_autofree char *text = NULL;
  const char * const *partners;

  /* The fields show the course. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (price)), ==, "Gratis");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (deadline)), ==, "2027-02-15");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (place)), ==, "Dearvvašvuođaguovddáš");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (min), ==, 8);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (max), ==, 16);

  /* Edits go to the course, and from there to the brochure. */
  gtk_editable_set_text (GTK_EDITABLE (price), "350 kr");
  g_assert_cmpstr (kp_course_get_text (course, KP_COURSE_PRICE), ==, "350 kr");
  gtk_editable_set_text (GTK_EDITABLE (place), "");
  g_assert_null (kp_course_get_text (course, KP_COURSE_LOCATION_NAME));
  kp_course_set_text (course, KP_COURSE_LOCATION_ROOM, "Sal 3");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (template_child (fixture,
                                                                        "location_room_row"))),
                   ==, "Sal 3");

  /* A deadline that is no date is told on the field and changes nothing. */
  gtk_editable_set_text (GTK_EDITABLE (deadline), "15. februar");
  g_assert_true (gtk_widget_has_css_class (deadline, "error"));
  g_assert_true (gtk_widget_get_visible (template_child (fixture, "deadline_error_icon")));
  g_assert_cmpstr (kp_course_get_text (course, KP_COURSE_DEADLINE), ==, "2027-02-15");
  gtk_editable_set_text (GTK_EDITABLE (deadline), "2027-02-20");
  g_assert_false (gtk_widget_has_css_class (deadline, "error"));
  g_assert_cmpstr (kp_course_get_text (course, KP_COURSE_DEADLINE), ==, "2027-02-20");
  gtk_editable_set_text (GTK_EDITABLE (deadline), "");
  iterate ();
  g_assert_null (kp_course_get_text (course, KP_COURSE_DEADLINE));
  gtk_editable_set_text (GTK_EDITABLE (deadline), "2027-02-20");

  /* More at least than at most is not kept. */
  gtk_spin_button_set_value (min, 20);
  g_assert_cmpint (kp_course_get_capacity_min (course), ==, 8);
  g_assert_true (gtk_widget_has_css_class (template_child (fixture, "capacity_max_row"),
                                           "error"));
  gtk_spin_button_set_value (min, 10);
  g_assert_cmpint (kp_course_get_capacity_min (course), ==, 10);
  g_assert_cmpint (kp_course_get_capacity_max (course), ==, 16);

  /* Partners are added and removed one by one. */
  gtk_editable_set_text (GTK_EDITABLE (partner), "Kárášjoga gielda");
  g_signal_emit_by_name (partner, "apply");
  partners = kp_course_get_partners (course);
  g_assert_cmpuint (g_strv_length ((char **) partners), ==, 3);
  g_assert_cmpstr (partners[2], ==, "Kárášjoga gielda");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (partner)), ==, "");
  {
    GtkWidget *list = template_child (fixture, "partners_list");
    GtkListBoxRow *first = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
    GtkWidget *remove = find_widget (GTK_WIDGET (first), GTK_TYPE_BUTTON);

    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)), ==,
                     "Kommunens frisklivssentral");
    g_signal_emit_by_name (remove, "clicked");
  }
  partners = kp_course_get_partners (course);
  g_assert_cmpuint (g_strv_length ((char **) partners), ==, 2);
  g_assert_cmpstr (partners[0], ==, "LHL lokallag");

  /* What the store wrote is what the brochure prints. */
  wait_ms (100);
  text = export_brochure (fixture, "nb", "edited.pdf");
  g_assert_nonnull (strstr (text, "350 kr"));
  g_assert_nonnull (strstr (text, "Sal 3"));
  g_assert_nonnull (strstr (text, "LHL lokallag, Kárášjoga"));
  g_assert_null (strstr (text, "Kommunens frisklivssentral"));
}

static void
test_export_pdf_holds_the_sessions (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autofree char *text = export_brochure (fixture, "", "brochure.pdf");
  g_autofree char *path = g_build_filename (fixture->dir, "brochure.pdf", NULL);

  g_assert_cmpuint (pdf_pages (path), >=, 1);
  g_assert_nonnull (strstr (text, "Eallit kolsain — áčđŋšŧž ïæøå"));
  g_assert_nonnull (strstr (text, "Mii lea kols?"));
  g_assert_nonnull (strstr (text, "Pust og fysisk aktivitet"));
  g_assert_nonnull (strstr (text, "Å leve med kols"));
  /* The course's language, North Sami, when none is chosen. */
  g_assert_nonnull (strstr (text, "duorastat njukčamánu 4. b. 2027"));
  /* Cancelled sessions are marked unless the settings say to leave them out. */
  g_assert_nonnull (strstr (text, "Ernæring"));
  g_settings_set_string (kp_application_get_settings (fixture->app), "brochure-cancelled",
                         "omit");
  g_free (text);
  text = export_brochure (fixture, "", "brochure-omit.pdf");
  g_assert_null (strstr (text, "Ernæring"));
  g_assert_nonnull (strstr (text, "Å leve med kols"));
}

static void
test_language_switch_changes_the_dates (Fixture       *fixture,
                                        gconstpointer  data)
{
  KpBrochurePreview *preview = KP_BROCHURE_PREVIEW (kp_brochure_page_get_preview (fixture->page));
  AdwComboRow *language = ADW_COMBO_ROW (template_child (fixture, "language_row"));
  GtkActionable *export = GTK_ACTIONABLE (template_child (fixture, "export_button"));
  GtkActionable *print = GTK_ACTIONABLE (template_child (fixture, "print_button"));
  g_autofree char *sami = NULL;
  g_autofree char *bokmal = NULL;
  g_autofree char *lule = NULL;

  /* The course's language by default, and the buttons act in the one chosen. */
  g_assert_cmpstr (kp_brochure_page_get_language (fixture->page), ==, "se");
  g_assert_cmpuint (adw_combo_row_get_selected (language), ==, 2);
  g_assert_cmpstr (g_variant_get_string (gtk_actionable_get_action_target_value (export), NULL),
                   ==, "se");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (export)));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (print)));
  sami = export_brochure (fixture,
                          g_variant_get_string (gtk_actionable_get_action_target_value (export),
                                                NULL),
                          "se.pdf");

  adw_combo_row_set_selected (language, 0);
  g_assert_cmpstr (kp_brochure_preview_get_language (preview), ==, "nb");
  g_assert_cmpstr (g_variant_get_string (gtk_actionable_get_action_target_value (export), NULL),
                   ==, "nb");
  g_assert_cmpstr (g_variant_get_string (gtk_actionable_get_action_target_value (print), NULL),
                   ==, "nb");
  bokmal = export_brochure (fixture,
                            g_variant_get_string (gtk_actionable_get_action_target_value (export),
                                                  NULL),
                            "nb.pdf");
  adw_combo_row_set_selected (language, 3);
  lule = export_brochure (fixture, kp_brochure_page_get_language (fixture->page), "smj.pdf");

  g_assert_nonnull (strstr (sami, "duorastat njukčamánu 4. b. 2027"));
  g_assert_null (strstr (sami, "torsdag"));
  g_assert_nonnull (strstr (bokmal, "torsdag 4. mars 2027"));
  g_assert_null (strstr (bokmal, "njukčamánu"));
  g_assert_cmpstr (kp_brochure_page_get_language (fixture->page), ==, "smj");
  g_assert_null (strstr (lule, "torsdag 4. mars"));
  g_assert_null (strstr (lule, "njukčamánu"));
  /* The course keeps its own language, and a new one is the brochure's too. */
  g_assert_cmpstr (kp_course_get_language (kp_window_get_course (fixture->window)), ==, "se");
  kp_course_set_text (kp_window_get_course (fixture->window), KP_COURSE_LANGUAGE, "nn");
  g_assert_cmpstr (kp_brochure_page_get_language (fixture->page), ==, "nn");
  g_assert_cmpuint (adw_combo_row_get_selected (language), ==, 1);
}

static void
test_print_draws_the_same_pages (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "printed.pdf", NULL);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkPrintOperationResult result;

  operation = kp_course_export_new_print_operation (kp_window_get_course (fixture->window), "nb",
                                                    KP_BROCHURE_LAYOUT_A4,
                                                    KP_BROCHURE_CANCELLED_MARK);
  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "Mii lea kols?"));
  g_assert_nonnull (strstr (text, "torsdag 4. mars 2027"));
  g_assert_nonnull (strstr (text, "Ernæring"));
}

static guint
count_events (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  for (const char *p = contents; (p = strstr (p, "BEGIN:VEVENT")) != NULL; p++)
    n++;
  return n;
}

static void
test_export_calendar_one_event_per_session (Fixture       *fixture,
                                            gconstpointer  data)
{
  g_autofree char *sessions = g_build_filename (fixture->dir, "sessions.ics", NULL);
  g_autofree char *planning = g_build_filename (fixture->dir, "planning.ics", NULL);
  g_autoptr(GFile) sessions_file = g_file_new_for_path (sessions);
  g_autoptr(GFile) planning_file = g_file_new_for_path (planning);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (kp_course_export_calendar (fixture->window, FALSE, sessions_file, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_events (sessions), ==, 4);
  g_file_get_contents (sessions, &contents, NULL, NULL);
  g_assert_nonnull (strstr (contents, "STATUS:CANCELLED"));
  g_assert_nonnull (strstr (contents, "SUMMARY:Eallit kolsain"));

  /* The planning group's: its two meetings and the evaluation meeting. */
  g_assert_true (kp_course_export_calendar (fixture->window, TRUE, planning_file, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_events (planning), ==, 3);
  g_clear_pointer (&contents, g_free);
  g_file_get_contents (planning, &contents, NULL, NULL);
  g_assert_nonnull (strstr (contents, "DTSTART;TZID=Europe/Oslo:20270110T090000"));
  g_assert_nonnull (strstr (contents, "DTSTART;TZID=Europe/Oslo:20270201T090000"));
}

/* The action's own dialog: the file and the calendar chosen in it, the result in a toast. */
static void
test_export_calendar_dialog (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "chosen.ics", NULL);
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                             "win.export-planning-calendar", NULL));
  wait_ms (200);
  dialog = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (dialog)), ==,
                   "Eallit kolsain — áčđŋšŧž ïæøå (planning group).ics");
  {
    g_autoptr(GFile) folder = g_file_new_for_path (fixture->dir);

    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, &error);
    g_assert_no_error (error);
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), "chosen.ics");
    wait_ms (100);
  }
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  /* The dialog first checks the folder, in the background. */
  for (guint i = 0; i < 300 && !g_file_test (path, G_FILE_TEST_EXISTS); i++)
    wait_ms (10);
  wait_ms (50);

  g_assert_cmpuint (count_events (path), ==, 3);
  g_assert_nonnull (find_label (GTK_WIDGET (fixture->window), "Saved the calendar as chosen.ics"));
}

/* Export PDF…: the language the button carries, the file chosen in the dialog. */
static void
test_export_pdf_dialog (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "chosen.pdf", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export-pdf", "s",
                                             "nb"));
  wait_ms (200);
  dialog = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (dialog)), ==,
                   "Eallit kolsain — áčđŋšŧž ïæøå.pdf");
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, &error);
  g_assert_no_error (error);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), "chosen.pdf");
  wait_ms (100);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  for (guint i = 0; i < 300 && !g_file_test (path, G_FILE_TEST_EXISTS); i++)
    wait_ms (10);
  wait_ms (50);

  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "torsdag 4. mars 2027"));
  g_assert_nonnull (find_label (GTK_WIDGET (fixture->window), "Saved the brochure as chosen.pdf"));
}

/* Print… opens the print dialog on the brochure; cancelled, nothing is printed or said. */
static void
test_print_action_opens_the_dialog (Fixture       *fixture,
                                    gconstpointer  data)
{
  GType print_dialog_type;
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.print", "s", ""));
  wait_ms (300);
  print_dialog_type = g_type_from_name ("GtkPrintUnixDialog");
  g_assert_true (print_dialog_type != G_TYPE_INVALID);
  dialog = find_toplevel (print_dialog_type);
  g_assert_nonnull (dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  wait_ms (100);
  g_assert_null (find_toplevel (print_dialog_type));
  g_assert_null (find_label (GTK_WIDGET (fixture->window), "Could not print"));
}

/* Radicale ----------------------------------------------------------------------------------- */

typedef struct
{
  GPid   pid;
  guint  port;
  char  *collection;
} Radicale;

static guint
free_port (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  g_socket_bind (socket, any, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static int
dav_request (const char *method,
             const char *url,
             const char *password)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) message = soup_message_new (method, url);
  g_autofree char *credentials = g_strdup_printf ("%s:%s", CALDAV_USER, password);
  g_autofree char *encoded = g_base64_encode ((const guchar *) credentials, strlen (credentials));
  g_autofree char *authorization = g_strconcat ("Basic ", encoded, NULL);
  g_autoptr(GBytes) body = NULL;

  soup_message_headers_append (soup_message_get_request_headers (message), "Authorization",
                               authorization);
  if (g_str_equal (method, "PROPFIND"))
    soup_message_headers_append (soup_message_get_request_headers (message), "Depth", "1");
  body = soup_session_send_and_read (session, message, NULL, NULL);
  return soup_message_get_status (message);
}

/* Radicale's own resources in the collection: a PROPFIND's responses, less the collection's. */
static guint
count_server_resources (Radicale *radicale)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) message = soup_message_new ("PROPFIND", radicale->collection);
  g_autofree char *credentials = g_strdup_printf ("%s:%s", CALDAV_USER, CALDAV_PASSWORD);
  g_autofree char *encoded = g_base64_encode ((const guchar *) credentials, strlen (credentials));
  g_autofree char *authorization = g_strconcat ("Basic ", encoded, NULL);
  g_autoptr(GBytes) body = NULL;
  const char *p;
  guint n = 0;

  soup_message_headers_append (soup_message_get_request_headers (message), "Authorization",
                               authorization);
  soup_message_headers_append (soup_message_get_request_headers (message), "Depth", "1");
  body = soup_session_send_and_read (session, message, NULL, NULL);
  g_assert_nonnull (body);
  p = g_bytes_get_data (body, NULL);
  {
    g_autofree char *text = g_strndup (p, g_bytes_get_size (body));

    for (const char *q = text; (q = strstr (q, ".ics</")) != NULL; q++)
      n++;
  }
  return n;
}

static gboolean
radicale_start (Radicale   *radicale,
                const char *dir)
{
  g_autofree char *users = g_build_filename (dir, "users", NULL);
  g_autofree char *config = g_build_filename (dir, "radicale.conf", NULL);
  g_autofree char *storage = g_build_filename (dir, "collections", NULL);
  g_autofree char *users_line = g_strdup_printf ("%s:%s\n", CALDAV_USER, CALDAV_PASSWORD);
  g_autofree char *config_text = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "/usr/bin/python3", "-m", "radicale", "--config", config, NULL };

  radicale->port = free_port ();
  config_text = g_strdup_printf ("[server]\nhosts = 127.0.0.1:%u\n"
                                 "[auth]\ntype = htpasswd\nhtpasswd_filename = %s\n"
                                 "htpasswd_encryption = plain\n"
                                 "[storage]\nfilesystem_folder = %s\n"
                                 "[rights]\ntype = owner_only\n"
                                 "[logging]\nlevel = warning\n",
                                 radicale->port, users, storage);
  g_file_set_contents (users, users_line, -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (config, config_text, -1, &error);
  g_assert_no_error (error);
  if (!g_spawn_async (NULL, (char **) argv, NULL,
                      G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL |
                      G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &radicale->pid, &error))
    return FALSE;

  for (guint i = 0; i < 100; i++)
    {
      g_autoptr(GSocketClient) client = g_socket_client_new ();
      g_autoptr(GSocketConnection) connection = NULL;

      connection = g_socket_client_connect_to_host (client, "127.0.0.1", radicale->port, NULL,
                                                    NULL);
      if (connection != NULL)
        {
          radicale->collection = g_strdup_printf ("http://127.0.0.1:%u/%s/kurs/", radicale->port,
                                                  CALDAV_USER);
          g_assert_cmpint (dav_request ("MKCALENDAR", radicale->collection, CALDAV_PASSWORD), ==,
                           201);
          return TRUE;
        }
      g_usleep (100 * 1000);
    }
  return FALSE;
}

static void
radicale_stop (Radicale *radicale)
{
  if (radicale->pid != 0)
    {
      kill (radicale->pid, SIGTERM);
      waitpid (radicale->pid, NULL, 0);
      g_spawn_close_pid (radicale->pid);
    }
  g_free (radicale->collection);
}

static gboolean
radicale_available (void)
{
  const char *argv[] = { "/usr/bin/python3", "-c", "import radicale", NULL };
  int status = 1;

  return g_spawn_sync (NULL, (char **) argv, NULL,
                       G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                       NULL, NULL, NULL, NULL, &status, NULL) &&
         g_spawn_check_wait_status (status, NULL);
}

static guint
recorded (Fixture  *fixture,
          Radicale *radicale)
{
  g_autoptr(KpStore) store = NULL;
  g_autoptr(GHashTable) known = NULL;
  g_autoptr(GError) error = NULL;

  store = kp_store_new (fixture->db_path, &error);
  g_assert_no_error (error);
  known = kp_store_load_caldav_resources (store, COURSE_ID, radicale->collection, &error);
  g_assert_no_error (error);
  return g_hash_table_size (known);
}

static void
wait_for_sync (Fixture *fixture)
{
  gint64 end = g_get_monotonic_time () + 30 * G_TIME_SPAN_SECOND;

  g_assert_true (kp_course_export_is_syncing (fixture->window));
  /* Progress shows while it runs. */
  g_assert_nonnull (find_label (GTK_WIDGET (fixture->window), "to the calendar…"));
  while (kp_course_export_is_syncing (fixture->window))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  wait_ms (50);
}

static void
sync_and_wait (Fixture    *fixture,
               const char *url,
               const char *password)
{
  g_assert_true (kp_course_export_sync (fixture->window, url, CALDAV_USER, password));
  wait_for_sync (fixture);
}

static void
test_sync_to_radicale (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (fixture->dir, "radicale", NULL);
  Radicale radicale = { 0 };

  if (!radicale_available ())
    {
      g_test_skip ("Radicale is not installed");
      return;
    }
  g_mkdir (dir, 0700);
  g_assert_true (radicale_start (&radicale, dir));

  /* A wrong password: a toast that says so, nothing on the server, nothing recorded. */
  sync_and_wait (fixture, radicale.collection, "feil passord");
  g_assert_nonnull (find_label (GTK_WIDGET (fixture->window), "password"));
  g_assert_null (find_label (GTK_WIDGET (fixture->window), "Synced"));
  g_assert_cmpuint (recorded (fixture, &radicale), ==, 0);
  g_assert_cmpuint (count_server_resources (&radicale), ==, 0);

  /* The right one: one resource per session, each recorded. */
  sync_and_wait (fixture, radicale.collection, CALDAV_PASSWORD);
  g_assert_nonnull (find_label (GTK_WIDGET (fixture->window),
                                "Synced “Eallit kolsain — áčđŋšŧž ïæøå”: 4 created, 0 updated, "
                                "0 deleted, 0 unchanged"));
  g_assert_cmpuint (recorded (fixture, &radicale), ==, 4);
  g_assert_cmpuint (count_server_resources (&radicale), ==, 4);

  /* A changed session is updated in place, the rest left alone. */
  {
    KpCourse *course = kp_window_get_course (fixture->window);
    g_autoptr(KpSession) first = g_list_model_get_item (kp_course_get_sessions (course), 0);

    kp_session_set_title (first, "Hva er kols?");
  }
  sync_and_wait (fixture, radicale.collection, CALDAV_PASSWORD);
  g_assert_nonnull (find_label (GTK_WIDGET (fixture->window),
                                "0 created, 1 updated, 0 deleted, 3 unchanged"));
  g_assert_cmpuint (count_server_resources (&radicale), ==, 4);

  radicale_stop (&radicale);
}

/* Someone changes a session's event in their calendar, behind Kursplan's back. */
static void
edit_on_server (Radicale   *radicale,
                const char *session_id,
                const char *summary)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *url = g_strdup_printf ("%s%s@kursplan.ics", radicale->collection, session_id);
  g_autofree char *credentials = g_strdup_printf ("%s:%s", CALDAV_USER, CALDAV_PASSWORD);
  g_autofree char *encoded = g_base64_encode ((const guchar *) credentials, strlen (credentials));
  g_autofree char *authorization = g_strconcat ("Basic ", encoded, NULL);
  g_autoptr(SoupMessage) get = soup_message_new ("GET", url);
  g_autoptr(SoupMessage) put = soup_message_new ("PUT", url);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GBytes) edited = NULL;
  g_autofree char *text = NULL;
  icalcomponent *calendar;

  soup_message_headers_append (soup_message_get_request_headers (get), "Authorization",
                               authorization);
  body = soup_session_send_and_read (session, get, NULL, NULL);
  g_assert_nonnull (body);
  g_assert_cmpuint (soup_message_get_status (get), ==, 200);
  text = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  calendar = icalparser_parse_string (text);
  g_assert_nonnull (calendar);
  icalcomponent_set_summary (icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT),
                             summary);
  edited = g_bytes_new (icalcomponent_as_ical_string (calendar),
                        strlen (icalcomponent_as_ical_string (calendar)));
  icalcomponent_free (calendar);

  soup_message_headers_append (soup_message_get_request_headers (put), "Authorization",
                               authorization);
  soup_message_headers_append (soup_message_get_request_headers (put), "If-Match",
                               soup_message_headers_get_one (soup_message_get_response_headers (get),
                                                             "ETag"));
  soup_message_set_request_body_from_bytes (put, "text/calendar; charset=utf-8", edited);
  g_clear_pointer (&body, g_bytes_unref);
  body = soup_session_send_and_read (session, put, NULL, NULL);
  g_assert_true (soup_message_get_status (put) == 201 || soup_message_get_status (put) == 204);
}

/* #12 item 12 and 13: events changed in the calendar are listed, everything else is synced, and
 * the dialog's choice puts the plan's version there (deleting a removed session's event). */
static void
test_sync_conflicts_are_listed (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (fixture->dir, "radicale", NULL);
  KpCourse *course = kp_window_get_course (fixture->window);
  Radicale radicale = { 0 };
  GtkWindow *dialog;
  GtkWidget *list;

  if (!radicale_available ())
    {
      g_test_skip ("Radicale is not installed");
      return;
    }
  g_mkdir (dir, 0700);
  g_assert_true (radicale_start (&radicale, dir));
  sync_and_wait (fixture, radicale.collection, CALDAV_PASSWORD);
  g_assert_nonnull (find_label (GTK_WIDGET (fixture->window), "4 created"));

  /* Sessions 1 and 4 are changed in the calendar; here 2 is renamed and 4 removed. */
  edit_on_server (&radicale, "9a7c0000-0000-4000-8000-000000000001", "Endret i kalenderen");
  edit_on_server (&radicale, "9a7c0000-0000-4000-8000-000000000004", "Flyttet av noen");
  kp_session_set_title (kp_course_find_session (course, "9a7c0000-0000-4000-8000-000000000002"),
                        "Pust, nytt rom");
  g_assert_true (kp_course_remove_item (course, kp_course_find_session (
                   course, "9a7c0000-0000-4000-8000-000000000004")));

  sync_and_wait (fixture, radicale.collection, CALDAV_PASSWORD);
  g_assert_nonnull (find_label (GTK_WIDGET (fixture->window),
                                "2 events were changed on the server since the last sync and "
                                "were left as they are there; everything else was synced (0 "
                                "created, 1 updated, 0 deleted, 1 unchanged)"));
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Events Changed in the Calendar");
  list = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
  g_assert_true (GTK_IS_LABEL (list));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (list)), ==,
                   "• Session “Mii lea kols?” was changed on the server since the last sync; "
                   "the calendar now has “Endret i kalenderen”, 2027-03-04 12:00\n"
                   "• The event of a removed session was changed on the server since the last "
                   "sync, so it was not deleted; the calendar now has “Flyttet av noen”, "
                   "2027-04-01 12:00");
  g_assert_cmpuint (count_server_resources (&radicale), ==, 4);
  g_assert_cmpuint (recorded (fixture, &radicale), ==, 4);
  save_shot (dialog, "sync-conflicts");

  /* The plan's version: session 1 replaced, the removed session's event deleted. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "overwrite");
  gtk_window_destroy (dialog);  /* a click closes it; the response alone does not */
  wait_for_sync (fixture);
  g_assert_nonnull (find_label (GTK_WIDGET (fixture->window),
                                "0 created, 1 updated, 1 deleted, 2 unchanged"));
  g_assert_cmpuint (count_server_resources (&radicale), ==, 3);
  g_assert_cmpuint (recorded (fixture, &radicale), ==, 3);

  radicale_stop (&radicale);
}

/* Sync to Calendar's dialog, opened by its action: its list of address, user and password. */
static GtkWidget *
open_sync_dialog (Fixture *fixture)
{
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.sync-calendar",
                                             NULL));
  iterate ();
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  return adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
}

static void
test_sync_dialog_remembers_the_account (Fixture       *fixture,
                                        gconstpointer  data)
{
  GSettings *settings = kp_application_get_settings (fixture->app);
  GtkWindow *dialog;
  GtkWidget *list;
  GtkListBoxRow *row;

  g_settings_set_string (settings, "caldav-url", "https://cal.example.no/lms/kurs/");
  g_settings_set_string (settings, "caldav-user", "lms");
  list = open_sync_dialog (fixture);
  dialog = GTK_WINDOW (gtk_widget_get_root (list));
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==,
                   "https://cal.example.no/lms/kurs/");
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "lms");
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 2);
  g_assert_true (ADW_IS_PASSWORD_ENTRY_ROW (row));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");

  /* A wrong address is told at once, and nothing is started or kept. */
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
  gtk_editable_set_text (GTK_EDITABLE (row), "kalender");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "sync");
  iterate ();
  g_assert_false (kp_course_export_is_syncing (fixture->window));
  g_assert_nonnull (find_label (GTK_WIDGET (fixture->window),
                                "“kalender” is not a calendar address"));
}

static guint
count_text (const char *path,
            const char *needle)
{
  g_autofree char *contents = NULL;
  guint n = 0;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  for (const char *p = contents; (p = strstr (p, needle)) != NULL; p++)
    n++;
  return n;
}

/* The reminder in Sync to Calendar is the course's: shown as remembered, kept only when a sync
 * starts, and carried by the exported calendar too (issue #19). */
static void
test_sync_dialog_reminder (Fixture       *fixture,
                           gconstpointer  data)
{
  KpStore *store = kp_window_get_store (fixture->window);
  g_autofree char *path = g_build_filename (fixture->dir, "reminded.ics", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;
  GtkWidget *list;
  GtkWidget *spin;
  guint minutes = 99;

  list = open_sync_dialog (fixture);
  dialog = GTK_WINDOW (gtk_widget_get_root (list));
  spin = find_widget (list, GTK_TYPE_SPIN_BUTTON);
  g_assert_nonnull (spin);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, 0);

  /* A sync that cannot start keeps the reminder as it was. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 45);
  gtk_editable_set_text (GTK_EDITABLE (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0)),
                         "kalender");
  save_shot (dialog, "sync-dialog-reminder");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "sync");
  iterate ();
  g_assert_true (kp_store_get_remind_minutes (store, COURSE_ID, &minutes, &error));
  g_assert_cmpuint (minutes, ==, 0);

  g_assert_true (kp_store_set_remind_minutes (store, COURSE_ID, 45, &error));
  g_assert_true (kp_course_export_calendar (fixture->window, FALSE, file, &error));
  g_assert_no_error (error);
  /* Four sessions, the third cancelled: three reminders. */
  g_assert_cmpuint (count_text (path, "BEGIN:VALARM"), ==, 3);
  g_assert_cmpuint (count_text (path, "TRIGGER:-PT45M"), ==, 3);

  list = open_sync_dialog (fixture);
  spin = find_widget (list, GTK_TYPE_SPIN_BUTTON);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, 45);
}

/* #12 item 14: an address with a password in it is refused, not synced, shown or kept. */
static void
test_sync_refuses_a_password_in_the_address (Fixture       *fixture,
                                             gconstpointer  data)
{
  GSettings *settings = kp_application_get_settings (fixture->app);
  g_autofree char *url = NULL;
  GtkWidget *list;

  /* One kept by an earlier version is shown, and kept, without its password. */
  g_settings_set_string (settings, "caldav-url", "https://lms:hemmelig@cal.example.no/lms/kurs/");
  list = open_sync_dialog (fixture);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gtk_list_box_get_row_at_index (
                     GTK_LIST_BOX (list), 0))), ==, "https://cal.example.no/lms/kurs/");
  url = g_settings_get_string (settings, "caldav-url");
  g_assert_cmpstr (url, ==, "https://cal.example.no/lms/kurs/");
  g_clear_pointer (&url, g_free);

  gtk_editable_set_text (GTK_EDITABLE (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0)),
                         "https://lms:hemmelig@cal.example.no/lms/kurs/");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (gtk_widget_get_root (list)), "sync");
  iterate ();
  g_assert_false (kp_course_export_is_syncing (fixture->window));
  g_assert_nonnull (find_label (GTK_WIDGET (fixture->window),
                                "The calendar address holds a user name or password: give it "
                                "without them (https://cal.example.no/lms/kurs/)"));
  g_assert_null (find_label (GTK_WIDGET (fixture->window), "hemmelig"));
  url = g_settings_get_string (settings, "caldav-url");
  g_assert_cmpstr (url, ==, "https://cal.example.no/lms/kurs/");
}

/* A picture of the brochure step, to be looked at: brochure-page.png in the build folder. */
static void
test_screenshot (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "brochure-page.png", NULL);
  GtkWidget *scroller;

  wait_ms (300);
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (window),
                          gtk_widget_get_height (window));
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));

  /* And scrolled down to the preview. */
  scroller = gtk_widget_get_ancestor (GTK_WIDGET (fixture->page), GTK_TYPE_SCROLLED_WINDOW);
  if (scroller != NULL)
    {
      GtkAdjustment *adjustment =
        gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
      g_autofree char *lower_path = g_test_build_filename (G_TEST_BUILT, "brochure-preview.png",
                                                           NULL);
      graphene_point_t point;

      g_assert_true (gtk_widget_compute_point (kp_brochure_page_get_preview (fixture->page),
                                               scroller, &GRAPHENE_POINT_INIT (0, 0), &point));
      gtk_adjustment_set_value (adjustment,
                                gtk_adjustment_get_value (adjustment) + point.y - 330);
      wait_ms (200);
      g_clear_object (&texture);
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (window),
                              gtk_widget_get_height (window));
      g_clear_pointer (&node, gsk_render_node_unref);
      node = gtk_snapshot_free_to_node (snapshot);
      texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                             NULL);
      g_assert_true (gdk_texture_save_to_png (texture, lower_path));
    }
}

/* How it meets and the level: the combo rows show the course's and set them, both ways. */
static void
test_mode_and_level_rows (Fixture       *fixture,
                          gconstpointer  data)
{
  KpCourse *course = kp_window_get_course (fixture->window);
  AdwComboRow *mode = ADW_COMBO_ROW (template_child (fixture, "mode_row"));
  AdwComboRow *level = ADW_COMBO_ROW (template_child (fixture, "level_row"));

  g_assert_cmpint (kp_course_get_mode (course), ==, KP_COURSE_MODE_IN_PERSON);
  g_assert_cmpuint (adw_combo_row_get_selected (mode), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (level), ==, 0);

  adw_combo_row_set_selected (mode, 1);
  g_assert_cmpint (kp_course_get_mode (course), ==, KP_COURSE_MODE_DIGITAL);
  adw_combo_row_set_selected (level, 2);
  g_assert_cmpint (kp_course_get_level (course), ==, KP_COURSE_LEVEL_REGIONAL);

  kp_course_set_mode (course, KP_COURSE_MODE_HYBRID);
  g_assert_cmpuint (adw_combo_row_get_selected (mode), ==, 2);
  kp_course_set_level (course, KP_COURSE_LEVEL_NATIONAL);
  g_assert_cmpuint (adw_combo_row_get_selected (level), ==, 3);
  save_shot (GTK_WINDOW (fixture->window), "brochure-mode-and-level");
}

/* Invite the Planning Group…: the invitations written and handed to the mail program, with the
 * members who have an address as recipients (issue #19). A script stands in for xdg-email. */
static void
test_invite_opens_the_mail_program (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autofree char *script = g_build_filename (fixture->dir, "xdg-email", NULL);
  g_autofree char *args_path = g_build_filename (fixture->dir, "args", NULL);
  g_autofree char *text = g_strdup_printf ("#!/bin/sh\n"
                                           "printf '%%s\\n' \"$@\" > '%s.tmp'\n"
                                           "mv '%s.tmp' '%s'\n", args_path, args_path, args_path);
  KpCourse *course = kp_window_get_course (fixture->window);
  g_autofree char *args = NULL;
  g_autofree char *request = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KpMember) member = NULL;
  const char *attached = NULL;
  guint n_events = 0;

  g_assert_true (g_file_set_contents (script, text, -1, &error));
  g_assert_cmpint (g_chmod (script, 0755), ==, 0);
  g_setenv ("KURSPLAN_XDG_EMAIL", script, TRUE);

  member = g_list_model_get_item (kp_course_get_members (course), 1);
  kp_member_set_email (member, "niillas@example.no");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                             "win.invite-planning-group", NULL));
  for (guint i = 0; i < 300 && !g_file_test (args_path, G_FILE_TEST_EXISTS); i++)
    wait_ms (10);
  g_unsetenv ("KURSPLAN_XDG_EMAIL");

  g_assert_true (g_file_get_contents (args_path, &args, NULL, &error));
  lines = g_strsplit (args, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "--subject");
  g_assert_true (g_str_has_prefix (lines[1], "Planning meetings: Eallit kolsain"));
  g_assert_cmpstr (lines[2], ==, "--attach");
  attached = lines[3];
  g_assert_true (g_str_has_suffix (attached, "/invitation.ics"));
  g_assert_true (g_strv_contains ((const char * const *) lines, "niillas@example.no"));
  g_assert_true (g_strv_contains ((const char * const *) lines, "anne@example.no"));

  g_assert_true (g_file_get_contents (attached, &request, NULL, &error));
  g_assert_nonnull (strstr (request, "METHOD:REQUEST\r\n"));
  g_assert_nonnull (strstr (request, "ORGANIZER;CN=\"Ánne Máret Šávži\":mailto:anne@example.no"));
  g_assert_nonnull (strstr (request, "RSVP=TRUE:mailto:niillas@example.no"));
  for (const char *p = request; (p = strstr (p, "BEGIN:VEVENT")) != NULL; p++)
    n_events++;
  g_assert_cmpuint (n_events, ==, 3);
  g_assert_nonnull (find_label (GTK_WIDGET (fixture->window),
                                "The invitations are attached to a new e-mail"));
}

/* The poster button acts in the language chosen; the poster's QR code, read back by zbarimg,
 * is the course's registration address exactly. */
static void
test_export_poster_reads_back (Fixture       *fixture,
                               gconstpointer  data)
{
  AdwComboRow *language = ADW_COMBO_ROW (template_child (fixture, "language_row"));
  GtkActionable *poster = GTK_ACTIONABLE (template_child (fixture, "poster_button"));
  g_autofree char *path = g_build_filename (fixture->dir, "poster.pdf", NULL);
  g_autofree char *prefix = g_build_filename (fixture->dir, "poster", NULL);
  g_autofree char *png = g_build_filename (fixture->dir, "poster.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *code = NULL;
  const char *render[] = { "pdftoppm", "-r", "100", "-png", "-singlefile", path, prefix, NULL };
  const char *zbar[] = { "zbarimg", "--quiet", "--raw", png, NULL };

  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (poster)));
  g_assert_cmpstr (g_variant_get_string (gtk_actionable_get_action_target_value (poster), NULL),
                   ==, "se");
  adw_combo_row_set_selected (language, 1);
  g_assert_cmpstr (g_variant_get_string (gtk_actionable_get_action_target_value (poster), NULL),
                   ==, "nn");

  g_assert_true (kp_course_export_poster (fixture->window,
                                          g_variant_get_string (
                                            gtk_actionable_get_action_target_value (poster), NULL),
                                          file, &error));
  g_assert_no_error (error);
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "Kven er kurset for?"));
  g_assert_nonnull (strstr (text, "Stad"));
  g_free (tool_output (render));
  code = tool_output (zbar);
  g_strchomp (code);
  g_assert_cmpstr (code, ==, "https://example.no/kurs/kols");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/gui/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("brochure/preview-draws-the-pages", test_preview_draws_the_pages);
  ADD ("brochure/fields-edit-the-course", test_fields_edit_the_course);
  ADD ("brochure/export-pdf-holds-the-sessions", test_export_pdf_holds_the_sessions);
  ADD ("brochure/language-switch-changes-the-dates", test_language_switch_changes_the_dates);
  ADD ("brochure/print-draws-the-same-pages", test_print_draws_the_same_pages);
  ADD ("brochure/export-pdf-dialog", test_export_pdf_dialog);
  ADD ("brochure/print-action-opens-the-dialog", test_print_action_opens_the_dialog);
  ADD ("calendar/export-one-event-per-session", test_export_calendar_one_event_per_session);
  ADD ("calendar/export-dialog", test_export_calendar_dialog);
  ADD ("calendar/sync-dialog-remembers-the-account", test_sync_dialog_remembers_the_account);
  ADD ("calendar/sync-to-radicale", test_sync_to_radicale);
  ADD ("calendar/sync-conflicts-are-listed", test_sync_conflicts_are_listed);
  ADD ("calendar/sync-refuses-a-password-in-the-address",
       test_sync_refuses_a_password_in_the_address);
  ADD ("brochure/screenshot", test_screenshot);
  ADD ("brochure/mode-and-level-rows", test_mode_and_level_rows);
  ADD ("calendar/invite-opens-the-mail-program", test_invite_opens_the_mail_program);
  ADD ("calendar/sync-dialog-reminder", test_sync_dialog_reminder);
  ADD ("brochure/export-poster-reads-back", test_export_poster_reads_back);
#undef ADD

  return g_test_run ();
}
