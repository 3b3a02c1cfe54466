/* test-gui-sami.c — the window in Lule and South Sami (issue #6): their catalogues hold the
 * brochure's words (roles, kinds, the brochure page's headings) and the rest falls back to
 * Bokmål; the long Sami words neither widen the window past English nor past a phone's width.
 * Writes build/tests/screenshots/sami-LANG-*.png for a person to look at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "gui-shots.h"
#include "kp-application.h"
#include "kp-course-view.h"
#include "kp-enums.h"
#include "kp-window.h"

/* The narrowest width GNOME's adaptive apps aim for (a phone in portrait). */
#define NARROW_WIDTH 360

typedef struct
{
  const char *language;       /* LANGUAGE, as kp_ui_language_build_language () sets it */
  const char *place;          /* the brochure page's "Place" heading */
  const char *partners;       /* its "Partners" heading, the longest Sami word on the page */
  const char *good_to_know;
  const char *user_talk;      /* a kind of contribution, from the core's catalogue */
  const char *fallback;       /* a word with no translation yet: Bokmål's */
} Expected;

static const Expected languages[] = {
  { "en", "Place", "Partners", "Good to Know", "User's talk", "Checklist" },
  { "smj:nb", "Sadje", "Aktisasjbarggoguojme", "Buorre diehtet", "Adnij sáhkavuorro",
    "Sjekkliste" },
  { "sma:nb", "Sijjie", "Ektiebarkoeguejmieh", "Hijven daejredh", "Nuhtjijen soptsestimmie",
    "Sjekkliste" },
};

/* A course whose brochure is in @brochure_language, so that the page's live preview shows it. */
static char *
make_database (const char *brochure_language)
{
  g_autofree char *path = g_build_filename (gui_shots_get_dir (), "sami.db", NULL);
  g_autoptr(KpCourse) course = gui_fixture_make_course (NULL, "Eallit kolsain",
                                                         KP_COURSE_STATUS_PLANNING,
                                                         "2027-03-04T18:00", 4, "Mii lea kols?");

  kp_course_set_text (course, KP_COURSE_LANGUAGE, brochure_language);
  g_remove (path);
  gui_fixture_save_course (path, course);
  return g_steal_pointer (&path);
}

/* A label that is drawn and says @data. */
static gboolean
is_drawn_label (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

static void
assert_drawn (KpWindow   *window,
              const char *text)
{
  if (find_where (GTK_WIDGET (window), is_drawn_label, text) == NULL)
    g_error ("the window draws no label “%s”", text);
}

/* Scrolls the page to where @text is drawn (or, with @to_end, to its end), and writes the
 * shot. */
static void
save_shot_at (KpWindow   *window,
              const char *text,
              gboolean    to_end,
              const char *name)
{
  GtkWidget *label;
  GtkWidget *scrolled;
  GtkAdjustment *adjustment;
  graphene_point_t point;

  wait_ms (200);
  label = find_where (GTK_WIDGET (window), is_drawn_label, text);
  g_assert_nonnull (label);
  scrolled = gtk_widget_get_ancestor (label, GTK_TYPE_SCROLLED_WINDOW);
  g_assert_nonnull (scrolled);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  g_assert_true (gtk_widget_compute_point (label, gtk_scrolled_window_get_child
                                                    (GTK_SCROLLED_WINDOW (scrolled)),
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (adjustment, to_end ? gtk_adjustment_get_upper (adjustment)
                                               : point.y - 40);
  wait_ms (100);
  save_shot (GTK_WINDOW (window), name);
}

static void
test_brochure_page_in_lule_and_south_sami (void)
{
  int english_width = 0;

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      const Expected *expected = &languages[i];
      g_autofree char *code = g_strndup (expected->language, strcspn (expected->language, ":"));
      g_autofree char *wide = g_strdup_printf ("sami-%s-brochure-page", code);
      g_autofree char *wide_end = g_strdup_printf ("sami-%s-brochure-page-partners", code);
      g_autofree char *narrow = g_strdup_printf ("sami-%s-narrow", code);
      g_autofree char *narrow_end = g_strdup_printf ("sami-%s-narrow-preview", code);
      g_autofree char *db = make_database (i == 0 ? "nb" : code);
      KpApplication *app;
      KpWindow *window;
      GtkWidget *view;
      int width = 0;

      gui_fixture_use_language (expected->language);
      g_assert_cmpstr (kp_contribution_kind_get_label (KP_CONTRIBUTION_USER_TALK), ==,
                       expected->user_talk);

      window = open_window (&app, db, 1200, 800);
      view = find_widget (GTK_WIDGET (window), KP_TYPE_COURSE_VIEW);
      g_assert_nonnull (view);
      kp_course_view_set_step (KP_COURSE_VIEW (view), KP_STEP_BROCHURE);
      wait_ms (200);
      save_shot (GTK_WINDOW (window), wide);
      assert_drawn (window, expected->place);
      assert_drawn (window, expected->partners);
      assert_drawn (window, expected->good_to_know);
      assert_drawn (window, expected->fallback);
      save_shot_at (window, expected->partners, FALSE, wide_end);

      /* The long words wrap: Lule and South Sami need no more room than English does, nor
       * more than a phone's width. */
      gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &width, NULL,
                          NULL, NULL);
      g_test_message ("%s: the window needs at least %d px", expected->language, width);
      if (i == 0)
        english_width = width;
      else
        g_assert_cmpint (width, <=, MAX (english_width * 11 / 10, NARROW_WIDTH));
      gtk_window_set_default_size (GTK_WINDOW (window), NARROW_WIDTH, 720);
      wait_ms (200);
      adw_leaflet_navigate (ADW_LEAFLET (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                        KP_TYPE_WINDOW,
                                                                        "leaflet")),
                            ADW_NAVIGATION_DIRECTION_FORWARD);
      save_shot (GTK_WINDOW (window), narrow);
      save_shot_at (window, expected->place, TRUE, narrow_end);

      close_window (app, window);
    }
  gui_fixture_use_language ("");
}

int
main (int    argc,
      char **argv)
{
  gui_fixture_use_catalogues ();
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/sami/brochure-page-in-lule-and-south-sami",
                   test_brochure_page_in_lule_and_south_sami);

  return g_test_run ();
}
