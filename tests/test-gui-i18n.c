/* test-gui-i18n.c — the window in Bokmål, Nynorsk and North Sami: the catalogues are used, long
 * words do not widen the window past a phone's width, and the language preference is stored.
 * Writes build/tests/screenshots/i18n-LANG-*.png for a person to look at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "gui-shots.h"
#include "kp-application.h"
#include "kp-course-row.h"
#include "kp-course-view.h"
#include "kp-preferences-window.h"
#include "kp-session-row.h"
#include "kp-store.h"
#include "kp-time.h"
#include "kp-ui-language.h"
#include "kp-window.h"

/* The narrowest width GNOME's adaptive apps aim for (a phone in portrait). */
#define NARROW_WIDTH 360

static void
use_language (const char *language)
{
  /* Strings already looked up are cached per language: nothing to flush, but say it changed. */
  gui_fixture_use_language (language);
}

/* A course whose words are long in every language: a carers' course, six Thursdays. */
static char *
make_database (void)
{
  g_autofree char *path = g_build_filename (gui_shots_get_dir (), "i18n.db", NULL);
  g_autoptr(KpStore) store = NULL;
  g_autoptr(KpCourse) course = kp_course_new (NULL);
  g_autoptr(KpCourse) other = kp_course_new (NULL);
  g_autoptr(KpMember) user = kp_member_new (NULL, KP_ROLE_USER_REPRESENTATIVE);
  g_autoptr(KpMember) consultant = kp_member_new (NULL, KP_ROLE_EXPERIENCE_CONSULTANT);
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GError) error = NULL;

  g_remove (path);
  kp_course_set_title (course, "Pårørandeskulen: å leve nær nokon med demens");
  kp_course_set_status (course, KP_COURSE_STATUS_PLANNING);
  kp_member_set_name (user, "Máret Ánne Guttorm-Johansen");
  kp_member_set_name (consultant, "Per-Kristian Elvestad");
  kp_course_add_member (course, user);
  kp_course_add_member (course, consultant);
  first = kp_time_parse_local ("2027-09-02T18:00", kp_course_get_time_zone (course), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 6; i++)
    {
      g_autoptr(KpSession) session = kp_session_new (NULL);
      g_autoptr(GDateTime) when = g_date_time_add_weeks (first, i);
      g_autoptr(KpContribution) talk = kp_contribution_new (KP_CONTRIBUTION_USER_TALK,
                                                            kp_member_get_id (user),
                                                            "Min kvardag", 30);

      kp_session_set_title (session, "Erfaringsutveksling og brukarmedverknad");
      kp_session_set_start (session, when);
      kp_session_set_minutes (session, 150);
      kp_session_add_contribution (session, talk);
      kp_course_add_session (course, session);
    }
  kp_course_set_title (other, "Geavaheaddjiovddasteaddjiid oahppan- ja birgenkursa");
  kp_course_set_status (other, KP_COURSE_STATUS_IDEA);

  store = gui_fixture_reopen (path);
  kp_store_save_course (store, course, &error);
  g_assert_no_error (error);
  kp_store_save_course (store, other, &error);
  g_assert_no_error (error);
  kp_store_flush (store, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

/* Whether a label that is drawn shows @text. */
static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;
  return FALSE;
}

static int
minimum_width (GtkWidget *widget)
{
  int minimum = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  return minimum;
}

typedef struct
{
  const char *language;
  const char *checklist;       /* the course view's heading */
  const char *course_leader;   /* a role, from the core's catalogue */
  const char *dates;           /* the carers' course's row: six Thursdays from 2 September 2027 */
} Expected;

/* The dates' month names come from the project's own tables, not from a locale this machine
 * lacks: North Sami months in the genitive, as inside a date. */
static const Expected languages[] = {
  { "en", "Checklist", "Course leader", "2 September – 7 October 2027" },
  { "nb", "Sjekkliste", "Kursleder", "2. september – 7. oktober 2027" },
  { "nn", "Sjekkliste", "Kursleiar", "2. september – 7. oktober 2027" },
  { "se", "Dárkkistanlistu", "Kursajođiheaddji", "čakčamánu 2. – golggotmánu 7. b. 2027" },
};

static gboolean
is_carers_course_row (GtkWidget     *widget,
                      gconstpointer  data)
{
  KpCourseSummary *summary;

  if (!KP_IS_COURSE_ROW (widget))
    return FALSE;
  summary = kp_course_row_get_summary (KP_COURSE_ROW (widget));
  return summary != NULL && g_str_has_prefix (kp_course_summary_get_title (summary), data);
}

static void
test_window_in_each_language (void)
{
  g_autofree char *db = make_database ();
  int english_width = 0;

  /* English first: the measure the others are held to. */
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      const Expected *expected = &languages[i];
      g_autofree char *wide = g_strdup_printf ("i18n-%s-main", expected->language);
      g_autofree char *course_shot = g_strdup_printf ("i18n-%s-course", expected->language);
      g_autofree char *narrow = g_strdup_printf ("i18n-%s-narrow", expected->language);
      g_autoptr(KpCourseSummary) first = NULL;
      KpApplication *app;
      KpWindow *window;
      GtkWidget *view;
      int width;

      use_language (expected->language);
      g_assert_cmpstr (kp_role_get_label (KP_ROLE_COURSE_LEADER), ==, expected->course_leader);

      window = open_window (&app, db, 1200, 800);
      /* The window opens on the first course. */
      save_shot (GTK_WINDOW (window), wide);
      g_assert_true (shows_text (GTK_WIDGET (window), expected->checklist));
      {
        GtkWidget *row = find_where (GTK_WIDGET (window), is_carers_course_row, "Pårørandeskulen");

        g_assert_nonnull (row);
        g_assert_cmpstr (kp_course_row_get_dates (KP_COURSE_ROW (row)), ==, expected->dates);
      }

      first = g_list_model_get_item (kp_window_get_visible_courses (window), 0);
      g_assert_nonnull (first);
      g_assert_true (kp_window_select_course (window, kp_course_summary_get_id (first)));
      wait_ms (200);
      view = find_widget (GTK_WIDGET (window), KP_TYPE_COURSE_VIEW);
      g_assert_nonnull (view);
      /* Every step, for a person to look at; the sessions step as the course's own shot. */
      for (KpStep step = KP_STEP_NEED; step <= KP_STEP_EVALUATION; step++)
        {
          g_autofree char *step_shot = g_strdup_printf ("i18n-%s-step%d", expected->language,
                                                        (int) step + 1);

          kp_course_view_set_step (KP_COURSE_VIEW (view), step);
          save_shot (GTK_WINDOW (window), step_shot);
        }
      kp_course_view_set_step (KP_COURSE_VIEW (view), KP_STEP_SESSIONS);
      save_shot (GTK_WINDOW (window), course_shot);

      /* Long words wrap or ellipsize: a translation may not make the window need much more
       * room than English does (nor more than a phone's width where English fits one). */
      width = minimum_width (GTK_WIDGET (window));
      g_test_message ("%s: the window needs at least %d px", expected->language, width);
      if (i == 0)
        english_width = width;
      else
        g_assert_cmpint (width, <=, MAX (english_width * 11 / 10, NARROW_WIDTH));
      gtk_window_set_default_size (GTK_WINDOW (window), NARROW_WIDTH, 720);
      save_shot (GTK_WINDOW (window), narrow);

      close_window (app, window);
    }
  use_language ("");
}

static void
test_preferences_store_the_language (void)
{
  g_autofree char *db = g_build_filename (gui_shots_get_dir (), "i18n-preferences.db", NULL);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  KpApplication *app;
  KpWindow *window;
  GtkWindow *preferences = NULL;
  AdwComboRow *row;
  GListModel *names;

  g_remove (db);
  g_settings_set_string (settings, "ui-language", "");
  use_language ("nn");
  window = open_window (&app, db, 1000, 700);

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  wait_ms (300);
  {
    g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

    for (GList *l = toplevels; l != NULL; l = l->next)
      if (KP_IS_PREFERENCES_WINDOW (l->data))
        preferences = l->data;
  }
  g_assert_nonnull (preferences);
  g_assert_true (gtk_window_get_transient_for (preferences) == GTK_WINDOW (window));
  save_shot (preferences, "i18n-nn-preferences");

  row = ADW_COMBO_ROW (find_widget (GTK_WIDGET (preferences), ADW_TYPE_COMBO_ROW));
  g_assert_nonnull (row);
  names = adw_combo_row_get_model (row);
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, 4);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 0), ==, "Følg systemet");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 2), ==, "Norsk nynorsk");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 3), ==, "Davvisámegiella");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);

  adw_combo_row_set_selected (row, 3);
  wait_ms (100);
  {
    g_autofree char *stored = g_settings_get_string (settings, "ui-language");

    g_assert_cmpstr (stored, ==, "se");
  }
  save_shot (preferences, "i18n-nn-preferences-changed");

  g_settings_set_string (settings, "ui-language", "nb");
  wait_ms (100);
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 1);
  g_settings_set_string (settings, "ui-language", "");

  gtk_window_destroy (preferences);
  close_window (app, window);
  use_language ("");
}

static void
test_language_variable (void)
{
  const char * const nn_desktop[] = { "nn_NO.UTF-8", NULL };
  const char * const se_first[] = { "se", "nb", NULL };
  const char * const smj_desktop[] = { "smj", NULL };
  const char * const english[] = { "en_GB.UTF-8", NULL };
  const char * const c_locale[] = { "C.UTF-8", NULL };
  char *language;

  /* The user's choice wins, with Bokmål behind it. */
  language = kp_ui_language_build_language ("nn", english);
  g_assert_cmpstr (language, ==, "nn:nb");
  g_free (language);
  language = kp_ui_language_build_language ("se", nn_desktop);
  g_assert_cmpstr (language, ==, "se:nb");
  g_free (language);
  language = kp_ui_language_build_language ("nb", nn_desktop);
  g_assert_cmpstr (language, ==, "nb");
  g_free (language);
  /* Following the desktop: Bokmål added behind Nynorsk and Sami, nothing else changed. */
  language = kp_ui_language_build_language ("", nn_desktop);
  g_assert_cmpstr (language, ==, "nn_NO.UTF-8:nb");
  g_free (language);
  language = kp_ui_language_build_language (NULL, smj_desktop);
  g_assert_cmpstr (language, ==, "smj:nb");
  g_free (language);
  g_assert_null (kp_ui_language_build_language ("", se_first));
  g_assert_null (kp_ui_language_build_language ("", english));
  g_assert_null (kp_ui_language_build_language ("", c_locale));
  /* A value the preference does not offer (set by hand) follows the desktop. */
  g_assert_null (kp_ui_language_build_language ("de", english));
  g_assert_cmpuint (kp_ui_language_find_choice ("de"), ==, 0);
  g_assert_cmpuint (kp_ui_language_find_choice ("se"), ==, 3);
}

/* Which language the window's dates are written in: the catalogue gettext uses, whatever the
 * locales installed (this machine has only C.UTF-8); and the preference leads there too. */
static void
test_dates_follow_the_window_language (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Oslo");
  g_autoptr(GDateTime) date = g_date_time_new (tz, 2027, 3, 4, 18, 0, 0);
  g_autofree char *old_language = g_strdup (g_getenv ("LANGUAGE"));
  struct {
    const char *language;      /* $LANGUAGE */
    const char *dates;         /* the code of the dates' language, NULL for the C library's */
    const char *day;           /* a session's day, as kp-session-row writes it */
    const char *span;          /* a course row's four Thursdays in March */
  } cases[] = {
    { "nb", "nb", "torsdag 4. mars 2027", "4.–25. mars 2027" },
    { "nn:nb", "nn", "torsdag 4. mars 2027", "4.–25. mars 2027" },
    /* The month in the genitive, on the first day of the span. */
    { "se:nb", "se", "duorastat njukčamánu 4. b. 2027", "njukčamánu 4.–25. b. 2027" },
    /* The Lule Sami catalogue does not translate the window's date patterns: Bokmål's apply. */
    { "smj:nb", "nb", "torsdag 4. mars 2027", "4.–25. mars 2027" },
    { "en", NULL, "Thursday 4 March 2027", "4–25 March 2027" },
  };
  g_autoptr(GDateTime) last = g_date_time_add_weeks (date, 3);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const KpDocLanguage *language;
      g_autofree char *day = NULL;
      g_autofree char *span = NULL;

      use_language (cases[i].language);
      language = kp_ui_language_get_dates_language ();
      g_assert_cmpstr (language != NULL ? kp_doc_language_get_code (language) : NULL, ==,
                       cases[i].dates);
      day = kp_session_format_day (date);
      g_assert_cmpstr (day, ==, cases[i].day);
      span = kp_course_row_format_dates (date, last);
      g_assert_cmpstr (span, ==, cases[i].span);
    }

  /* Chosen in Preferences: North Sami, with Bokmål behind it. */
  g_setenv ("LANGUAGE", "", TRUE);
  g_settings_set_string (settings, "ui-language", "se");
  kp_ui_language_apply (TRUE);
  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, "se:nb");
  g_assert_cmpstr (kp_doc_language_get_code (kp_ui_language_get_dates_language ()), ==, "se");
  {
    g_autofree char *text = kp_ui_language_format_date (date, _("%-d %B %Y"));

    g_assert_cmpstr (text, ==, "njukčamánu 4. b. 2027");
  }

  g_setenv ("LANGUAGE", old_language != NULL ? old_language : "", TRUE);
  g_settings_set_string (settings, "ui-language", "");
}

int
main (int    argc,
      char **argv)
{
  /* Start in Bokmål, as a Norwegian desktop would. */
  gui_fixture_use_catalogues ();
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/i18n/language-variable", test_language_variable);
  g_test_add_func ("/i18n/window-in-each-language", test_window_in_each_language);
  g_test_add_func ("/i18n/preferences-store-the-language", test_preferences_store_the_language);
  g_test_add_func ("/i18n/dates-follow-the-window-language", test_dates_follow_the_window_language);

  return g_test_run ();
}
