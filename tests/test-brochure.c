/* test-brochure.c — the document languages' dates and labels, and the brochure's layout, PDF and
 * drawing onto other surfaces (the poppler and qpdf checks are in brochure/test-brochure-pdfs.py)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <string.h>

#include "kp-brochure.h"
#include "kp-doc-language.h"
#include "kp-error.h"
#include "brochure/brochure-fixtures.h"

static char *
format_session (const char *code,
                const char *start,
                guint       minutes)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Oslo");
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) from = kp_time_parse_local (start, tz, &error);
  g_autoptr(GDateTime) to = NULL;

  g_assert_no_error (error);
  to = g_date_time_add_minutes (from, minutes);
  return kp_doc_language_format_session_time (kp_doc_language_lookup (code), from, to);
}

static void
test_language_dates (void)
{
  struct {
    const char *code;
    const char *start;
    const char *expected;
  } cases[] = {
    { "nb", "2027-10-07T18:00", "torsdag 7. oktober 2027, kl. 18.00–20.30" },
    { "nn", "2027-03-13T10:00", "laurdag 13. mars 2027, kl. 10.00–12.30" },
    { "nn", "2027-03-16T18:00", "tysdag 16. mars 2027, kl. 18.00–20.30" },
    { "nn", "2027-03-21T18:00", "sundag 21. mars 2027, kl. 18.00–20.30" },
    { "se", "2027-03-04T18:00", "duorastat njukčamánu 4. b. 2027, dii. 18.00–20.30" },
    { "se", "2025-08-23T09:30", "lávvardat borgemánu 23. b. 2025, dii. 09.30–12.00" },
    { "smj", "2023-10-10T18:00", "dijstahka gålgådismáno 10. biejve 2023, kl. 18.00–20.30" },
    { "sma", "2027-07-08T18:00", "duarstan snjaltjen 8. b. 2027, kl. 18.00–20.30" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = format_session (cases[i].code, cases[i].start, 150);
      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_language_names_and_labels (void)
{
  const KpDocLanguage *nb = kp_doc_language_lookup ("nb");
  const KpDocLanguage *nn = kp_doc_language_lookup ("nn");
  const KpDocLanguage *se = kp_doc_language_lookup ("se");
  const KpDocLanguage *smj = kp_doc_language_lookup ("smj");
  const KpDocLanguage *sma = kp_doc_language_lookup ("sma");

  g_assert_null (kp_doc_language_lookup ("en"));
  g_assert_null (kp_doc_language_lookup (NULL));
  g_assert_cmpstr (kp_doc_language_get_code (se), ==, "se");

  /* Nominative on its own, genitive inside a date. */
  g_assert_cmpstr (kp_doc_language_get_month (se, G_DATE_MARCH), ==, "njukčamánnu");
  g_assert_cmpstr (kp_doc_language_get_month_in_date (se, G_DATE_MARCH), ==, "njukčamánu");
  g_assert_cmpstr (kp_doc_language_get_month_in_date (nb, G_DATE_MARCH), ==, "mars");
  g_assert_cmpstr (kp_doc_language_get_month (smj, G_DATE_OCTOBER), ==, "gålgådismánno");
  g_assert_cmpstr (kp_doc_language_get_month (sma, G_DATE_JULY), ==, "snjaltje");

  /* No trailing space, as glibc's nn_NO has. */
  g_assert_cmpstr (kp_doc_language_get_weekday (nn, G_DATE_TUESDAY), ==, "tysdag");
  g_assert_cmpstr (kp_doc_language_get_weekday (nn, G_DATE_SATURDAY), ==, "laurdag");
  g_assert_cmpstr (kp_doc_language_get_weekday (nb, G_DATE_SATURDAY), ==, "lørdag");
  g_assert_cmpstr (kp_doc_language_get_weekday (se, G_DATE_SATURDAY), ==, "lávvardat");

  g_assert_cmpstr (kp_doc_language_get_label (nb, KP_DOC_LABEL_FOR_WHOM), ==,
                   "Hvem er kurset for?");
  g_assert_cmpstr (kp_doc_language_get_label (nn, KP_DOC_LABEL_FOR_WHOM), ==,
                   "Kven er kurset for?");
  g_assert_cmpstr (kp_doc_language_get_label (se, KP_DOC_LABEL_PLACE), ==, "Báiki");
  /* Lule and South Sami have labels of their own (drafts, †; test-sami-brochure has them all). */
  g_assert_cmpstr (kp_doc_language_get_label (smj, KP_DOC_LABEL_PLACE), ==, "Sadje");
  g_assert_cmpstr (kp_doc_language_get_label (sma, KP_DOC_LABEL_PRICE), ==, "Åasa");

  g_assert_cmpstr (kp_doc_language_get_role (nn, KP_ROLE_USER_REPRESENTATIVE), ==,
                   "brukarrepresentant");
  g_assert_cmpstr (kp_doc_language_get_role (se, KP_ROLE_PROFESSIONAL), ==, "fágaolmmoš");
  g_assert_cmpstr (kp_doc_language_get_contribution_kind (nb, KP_CONTRIBUTION_USER_TALK), ==,
                   "Brukerinnlegg");
  g_assert_cmpstr (kp_doc_language_get_contribution_kind (nn, KP_CONTRIBUTION_USER_TALK), ==,
                   "Brukarinnlegg");
}

static void
test_language_deadline_date (void)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 15, G_DATE_FEBRUARY, 2027);
  {
    g_autofree char *nb = kp_doc_language_format_date (kp_doc_language_lookup ("nb"), &date);
    g_autofree char *se = kp_doc_language_format_date (kp_doc_language_lookup ("se"), &date);

    g_assert_cmpstr (nb, ==, "mandag 15. februar 2027");
    g_assert_cmpstr (se, ==, "vuossárga guovvamánu 15. b. 2027");
  }
}

/* The window's dates: g_date_time_format() patterns with the language's own names. */
static void
test_language_format_date_time (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Oslo");
  g_autoptr(GDateTime) thursday = g_date_time_new (tz, 2027, 3, 4, 18, 0, 0);
  g_autoptr(GDateTime) saturday = g_date_time_new (tz, 2025, 8, 23, 9, 30, 0);
  g_autoptr(GDateTime) july = g_date_time_new (tz, 2027, 7, 8, 18, 0, 0);
  struct {
    const char *code;
    GDateTime  *time;
    const char *pattern;
    const char *expected;
  } cases[] = {
    { "nb", thursday, "%A %-d. %B %Y", "torsdag 4. mars 2027" },
    { "nb", thursday, "%-d. %B %Y", "4. mars 2027" },
    { "nb", thursday, "%a %-d. %b", "tor. 4. mar." },
    { "nb", thursday, "%H.%M", "18.00" },
    { "nn", thursday, "%A %-d. %B %Y", "torsdag 4. mars 2027" },
    { "nn", saturday, "%A %-d. %B", "laurdag 23. august" },
    { "nn", saturday, "%a %-d. %b", "lau. 23. aug." },
    /* North Sami: the month in the genitive inside a date, the nominative on its own. */
    { "se", thursday, "%A %B %-d. b. %Y", "duorastat njukčamánu 4. b. 2027" },
    { "se", saturday, "%A %B %-d. b. %Y", "lávvardat borgemánu 23. b. 2025" },
    { "se", thursday, "%B %-d.", "njukčamánu 4." },
    { "se", thursday, "%B %Y", "njukčamánnu 2027" },
    { "se", thursday, "%a %b %-e", "duor njuk 4" },
    /* South Sami puts the weekday in the genitive too, and has no abbreviations yet. */
    { "sma", july, "%A %B %-d. b. %Y", "duarstan snjaltjen 8. b. 2027" },
    { "sma", thursday, "%A", "duarsta" },
    { "sma", thursday, "%b", "njoktje" },
    /* What is not a name is g_date_time_format()'s, "%%" and flags included. */
    { "nb", thursday, "100%% %d %B %0e", "100% 04 mars 04" },
    { "nb", thursday, "%-B", "mars" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = kp_doc_language_format_date_time (kp_doc_language_lookup (cases[i].code),
                                                                cases[i].time, cases[i].pattern);
      g_assert_cmpstr (text, ==, cases[i].expected);
    }

  /* No language: the C library's names, as g_date_time_format() (the tests run in C.UTF-8). */
  {
    g_autofree char *text = kp_doc_language_format_date_time (NULL, thursday, "%A %-d %B %Y");
    g_assert_cmpstr (text, ==, "Thursday 4 March 2027");
  }
}

static guint
count_pages (KpCourse         *course,
             const char       *code,
             KpBrochureLayout  layout)
{
  g_autoptr(KpBrochure) brochure = kp_brochure_new (course, kp_doc_language_lookup (code),
                                                    KP_BROCHURE_CANCELLED_MARK);
  double width, height;

  kp_brochure_layout_get_size (layout, &width, &height);
  return kp_brochure_paginate (brochure, width, height);
}

static void
test_short_course_fits_one_a4_page (void)
{
  g_autoptr(KpCourse) course = fixture_course ();

  g_assert_cmpuint (count_pages (course, "nb", KP_BROCHURE_LAYOUT_A4), ==, 1);
  g_assert_cmpuint (count_pages (course, "nn", KP_BROCHURE_LAYOUT_A4), ==, 1);
  g_assert_cmpuint (count_pages (course, "se", KP_BROCHURE_LAYOUT_A4), ==, 1);
  /* A5 holds less: the practical panel moves to a second page, nothing is cut. */
  g_assert_cmpuint (count_pages (course, "nb", KP_BROCHURE_LAYOUT_A5), ==, 2);
}

static void
test_long_course_flows_onto_more_pages (void)
{
  g_autoptr(KpCourse) course = fixture_long_course (30);
  guint a4 = count_pages (course, "nb", KP_BROCHURE_LAYOUT_A4);
  guint a5 = count_pages (course, "nb", KP_BROCHURE_LAYOUT_A5);

  g_assert_cmpuint (a4, >=, 4);
  g_assert_cmpuint (a5, >, a4);
}

static void
test_minimal_course_renders (void)
{
  g_autoptr(KpCourse) course = kp_course_new (NULL);
  const char *goals[] = { "Møte andre", NULL };
  g_autoptr(GDateTime) now = g_date_time_new_utc (2027, 1, 20, 12, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) empty = NULL;
  g_autoptr(GBytes) goals_only = NULL;

  {
    g_autoptr(KpBrochure) brochure = kp_brochure_new (course, kp_doc_language_lookup ("nb"),
                                                      KP_BROCHURE_CANCELLED_MARK);
    empty = kp_brochure_render_pdf (brochure, KP_BROCHURE_LAYOUT_A4, now, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (kp_brochure_get_n_pages (brochure), ==, 1);
  }

  /* What the user writes is text, never markup: pango would warn (and abort here) otherwise. */
  kp_course_set_title (course, "Møteplass <b>& </span>");
  kp_course_set_text (course, KP_COURSE_PRICE, "100 kr < 200 kr & gratis for <16 år");
  kp_course_set_goals (course, goals);
  {
    g_autoptr(KpBrochure) brochure = kp_brochure_new (course, kp_doc_language_lookup ("nn"),
                                                      KP_BROCHURE_CANCELLED_MARK);
    goals_only = kp_brochure_render_pdf (brochure, KP_BROCHURE_LAYOUT_A5, now, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (kp_brochure_get_n_pages (brochure), ==, 1);
  }
  g_assert_false (g_bytes_equal (empty, goals_only));
}

/* A paragraph longer than a page breaks between its lines, never inside one, onto more pages. */
static void
test_long_paragraph_breaks_between_lines (void)
{
  g_autoptr(KpCourse) course = fixture_long_paragraph_course (400);
  g_autoptr(KpBrochure) brochure = NULL;
  double width, height;

  brochure = kp_brochure_new (course, kp_doc_language_lookup ("nb"), KP_BROCHURE_CANCELLED_MARK);
  kp_brochure_layout_get_size (KP_BROCHURE_LAYOUT_A5, &width, &height);
  g_assert_cmpuint (kp_brochure_paginate (brochure, width, height), >=, 5);
}

static gboolean
bytes_contain (GBytes     *bytes,
               const char *needle)
{
  gsize size, length = strlen (needle);
  const char *data = g_bytes_get_data (bytes, &size);

  for (gsize i = 0; i + length <= size; i++)
    if (memcmp (data + i, needle, length) == 0)
      return TRUE;
  return FALSE;
}

static void
test_pdf_is_reproducible_and_tagged (void)
{
  g_autoptr(KpCourse) course = fixture_course ();
  g_autoptr(KpBrochure) brochure = kp_brochure_new (course, kp_doc_language_lookup ("nb"),
                                                    KP_BROCHURE_CANCELLED_MARK);
  g_autoptr(GDateTime) now = g_date_time_new_utc (2027, 1, 20, 12, 0, 0);
  g_autoptr(GDateTime) later = g_date_time_new_utc (2027, 1, 21, 12, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) first = kp_brochure_render_pdf (brochure, KP_BROCHURE_LAYOUT_A4, now, &error);
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GBytes) other_day = NULL;

  g_assert_no_error (error);
  second = kp_brochure_render_pdf (brochure, KP_BROCHURE_LAYOUT_A4, now, &error);
  g_assert_no_error (error);
  other_day = kp_brochure_render_pdf (brochure, KP_BROCHURE_LAYOUT_A4, later, &error);
  g_assert_no_error (error);

  g_assert_true (g_bytes_equal (first, second));
  g_assert_false (g_bytes_equal (first, other_day));
  g_assert_cmpuint (g_bytes_get_size (first), <, 150 * 1024);

  g_assert_true (bytes_contain (first, "%PDF-1."));
  g_assert_true (bytes_contain (first, "/MarkInfo << /Marked true >>"));
  g_assert_true (bytes_contain (first, "/StructTreeRoot"));
  /* cairo 1.16 writes the date without the "D:" prefix; readers accept it. */
  g_assert_true (bytes_contain (first, "/CreationDate (20270120120000Z)"));
  g_assert_true (bytes_contain (first, "/URI (mailto:lms@example.no)"));
  g_assert_true (bytes_contain (first, "/URI (tel:+4700000000)"));
  g_assert_true (bytes_contain (first, "/URI (https://example.no/kurs/kols)"));
  g_assert_true (bytes_contain (first, "NotoSans"));
}

/* The brochure's text as a reader gets it: the PDF through poppler's pdftotext, one line. */
static char *
brochure_text (KpCourse   *course,
               const char *code)
{
  g_autoptr(KpBrochure) brochure = kp_brochure_new (course, kp_doc_language_lookup (code),
                                                    KP_BROCHURE_CANCELLED_MARK);
  g_autoptr(GDateTime) now = g_date_time_new_utc (2027, 1, 20, 12, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kursplan-brochure-XXXXXX", &error);
  g_autofree char *pdf = g_build_filename (dir, "brochure.pdf", NULL);
  g_autofree char *out = NULL;
  g_auto(GStrv) words = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  /* -raw: the content stream's order, which the tags give a screen reader. */
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-raw", pdf, "-", NULL };
  int status;

  g_assert_no_error (error);
  g_assert_true (kp_brochure_write_pdf (brochure, KP_BROCHURE_LAYOUT_A4, now, pdf, &error));
  g_assert_no_error (error);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_remove (pdf);
  g_rmdir (dir);

  /* Lines break where the column does: join the words again. */
  words = g_strsplit_set (out, " \n\f", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_string_append_printf (text, "%s%s", text->len > 0 ? " " : "", words[i]);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* What applies to taking part is said in the brochure's language, and only what applies; the
 * place's accessibility under the place (docs/course-plan-extensions.md). */
static void
test_conditions_printed_when_they_apply (void)
{
  g_autoptr(KpCourse) course = fixture_course ();
  g_autofree char *none = NULL;
  g_autofree char *nb = NULL;
  g_autofree char *nn = NULL;
  g_autofree char *se = NULL;
  g_autofree char *smj = NULL;
  g_autofree char *travel_only = NULL;

  none = brochure_text (course, "nb");
  g_assert_null (strstr (none, "Godt å vite"));
  g_assert_null (strstr (none, "henvisning fra lege"));
  g_assert_null (strstr (none, "Tilgjengelighet"));

  kp_course_set_text (course, KP_COURSE_LOCATION_ACCESSIBILITY,
                      "Trinnfri adkomst, heis og teleslynge.");
  for (KpCourseCondition condition = 0; condition < KP_COURSE_N_CONDITIONS; condition++)
    kp_course_set_condition (course, condition, TRUE);

  nb = brochure_text (course, "nb");
  g_assert_nonnull (strstr (nb, "Tilgjengelighet Trinnfri adkomst, heis og teleslynge."));
  /* Relatives never pay the co-payment, accompanying or not (DOMAIN.md, step 5). */
  g_assert_nonnull (strstr (nb, "Godt å vite Du må ha henvisning fra lege. Kurset koster "
                                "egenandel, som ved poliklinisk behandling. Er du under 16 år "
                                "eller har frikort, betaler du ikke. Pårørende, også foreldre "
                                "på kurs for foreldre, betaler ikke egenandel. Egenandelen "
                                "betales bare for første kursdag. Med henvisning kan du få "
                                "dekket reiseutgiftene gjennom Pasientreiser. Møter du ikke, "
                                "og har ikke meldt avbud, må du betale et gebyr."));
  g_assert_null (strstr (nb, "følger deg"));

  nn = brochure_text (course, "nn");
  g_assert_nonnull (strstr (nn, "Tilgjenge Trinnfri adkomst"));
  g_assert_nonnull (strstr (nn, "Godt å vite Du må ha tilvising frå lege. Kurset kostar "
                                "eigendel"));
  g_assert_nonnull (strstr (nn, "betaler du ikkje. Pårørande, også foreldre på kurs for "
                                "foreldre, betaler ikkje eigendel."));
  g_assert_nonnull (strstr (nn, "Med tilvising kan du få dekt reiseutgiftene gjennom "
                                "Pasientreiser."));

  se = brochure_text (course, "se");
  g_assert_nonnull (strstr (se, "Olámuttus Trinnfri adkomst"));
  g_assert_nonnull (strstr (se, "Buorre diehtit Dus ferte leat doaktára čujuhus. Kursa máksá "
                                "iešmávssu"));
  g_assert_nonnull (strstr (se, "Oapmahaččat, maiddái váhnemat váhnemiid kurssain, eai mávsse "
                                "iešmávssu."));
  g_assert_nonnull (strstr (se, "gokčojuvvot Pasientreiser bokte."));
  g_assert_null (strstr (se, "Du må ha henvisning fra lege."));

  /* Lule Sami says it in Lule Sami (drafts, †), not in Bokmål. */
  smj = brochure_text (course, "smj");
  g_assert_nonnull (strstr (smj, "Bessam Trinnfri adkomst"));
  g_assert_nonnull (strstr (smj, "Buorre diehtet Dujna hæhttu liehket dåktåra sievedus. "
                                 "Kurssa máksá iesjmáksusav"));
  g_assert_nonnull (strstr (smj, "Lagámusá, aj æjgáda æjgádij kurssajn, e mákse "
                                 "iesjmáksusav."));
  g_assert_nonnull (strstr (smj, "Sievedusájn máhtá mátkkegoloj mákson oadtjot Pasientreiser "
                                 "baktu."));
  g_assert_null (strstr (smj, "Godt å vite"));
  g_assert_null (strstr (smj, "henvisning fra lege"));

  kp_course_set_condition (course, KP_COURSE_REFERRAL, FALSE);
  kp_course_set_condition (course, KP_COURSE_CO_PAYMENT, FALSE);
  travel_only = brochure_text (course, "nb");
  /* The first day only is said only where the co-payment is charged. */
  g_assert_nonnull (strstr (travel_only, "Godt å vite Med henvisning kan du få dekket "
                                         "reiseutgiftene"));
  g_assert_null (strstr (travel_only, "henvisning fra lege"));
  g_assert_null (strstr (travel_only, "egenandel"));
  g_assert_null (strstr (travel_only, "Egenandelen"));
}

/* The renderer draws on any cairo_t: here an image surface at 2×, as a preview would. */
static void
test_draws_on_an_image_surface (void)
{
  g_autoptr(KpCourse) course = fixture_course ();
  g_autoptr(KpBrochure) brochure = kp_brochure_new (course, kp_doc_language_lookup ("se"),
                                                    KP_BROCHURE_CANCELLED_OMIT);
  double width, height;
  cairo_surface_t *surface;
  cairo_t *cr;
  guchar *pixel;
  guint n_pages;

  kp_brochure_layout_get_size (KP_BROCHURE_LAYOUT_A5, &width, &height);
  n_pages = kp_brochure_paginate (brochure, width, height);
  g_assert_cmpuint (n_pages, ==, kp_brochure_get_n_pages (brochure));

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) width * 2, (int) height * 2);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, 2, 2);
  kp_brochure_draw_page (brochure, cr, 0);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* Top left is the accent band: a calm teal, not white. */
  pixel = cairo_image_surface_get_data (surface) + 4 * 4 + 4 * cairo_image_surface_get_stride (surface);
  g_assert_cmpuint (pixel[2], <, 60);   /* red */
  g_assert_cmpuint (pixel[1], >, 90);   /* green */
  g_assert_cmpuint (pixel[0], >, 100);  /* blue */
  cairo_surface_destroy (surface);
}

static void
test_write_failure_leaves_nothing (void)
{
  g_autoptr(KpCourse) course = fixture_course ();
  g_autoptr(KpBrochure) brochure = kp_brochure_new (course, kp_doc_language_lookup ("nb"),
                                                    KP_BROCHURE_CANCELLED_MARK);
  g_autoptr(GDateTime) now = g_date_time_new_utc (2027, 1, 20, 12, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kp-brochure-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "brochure.pdf", NULL);
  g_autofree char *good = g_build_filename (dir, "brochure.pdf", NULL);

  g_assert_false (kp_brochure_write_pdf (brochure, KP_BROCHURE_LAYOUT_A4, now, missing, &error));
  g_assert_error (error, KP_ERROR, KP_ERROR_FAILED);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  g_clear_error (&error);
  g_assert_true (kp_brochure_write_pdf (brochure, KP_BROCHURE_LAYOUT_A4, now, good, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (good, G_FILE_TEST_IS_REGULAR));
  g_unlink (good);
  g_rmdir (dir);
}

/* "Planned together by user representatives and professionals" only where a user
 * representative with a name is in the group: a blank placeholder row is nobody. */
static void
test_planned_together_needs_a_named_user_representative (void)
{
  g_autoptr(KpCourse) course = fixture_course ();
  g_autofree char *named = brochure_text (course, "nb");
  g_autofree char *blank = NULL;
  GListModel *members = kp_course_get_members (course);

  g_assert_nonnull (strstr (named, "Kurset er planlagt i fellesskap av brukerrepresentanter og "
                                   "fagpersoner."));
  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(KpMember) member = g_list_model_get_item (members, i);

      if (kp_member_get_role (member) == KP_ROLE_USER_REPRESENTATIVE)
        kp_member_set_name (member, " ");
    }
  blank = brochure_text (course, "nb");
  g_assert_null (strstr (blank, "planlagt i fellesskap"));
}

/* The trusts' own conditions (issue #13, item 5) in all five languages: where to send the
 * referral, the hours' notice (one hour and many), and nothing of them where they do not apply. */
static void
test_trust_conditions_in_every_language (void)
{
  g_autoptr(KpCourse) course = fixture_course ();
  static const struct {
    const char *code;
    const char *referral_to;   /* the label before the address */
    const char *notice;        /* the sentence with 24 hours */
    const char *no_show;
  } expected[] = {
    { "nb", "Henvisningen sendes til: LMS Kárášjohka, Postboks 7",
      "Kan du ikke komme, må du melde avbud senest 24 timer før.",
      "Møter du ikke, og har ikke meldt avbud, må du betale et gebyr." },
    { "nn", "Tilvisinga skal sendast til: LMS Kárášjohka, Postboks 7",
      "Kan du ikkje kome, må du melde avbod seinast 24 timar før.",
      "Møter du ikkje, og har ikkje meldt avbod, må du betale eit gebyr." },
    { "se", "Doaktára čujuhus sáddejuvvo dása: LMS Kárášjohka, Postboks 7",
      "Jus it sáhte boahtit, de dieđit dan maŋimusat 24 diimmu ovdal.",
      "Jus it boađe, iige leat dieđihan ahte it boađe, de fertet máksit divada." },
    { "smj", "Sievedus sáddiduvvá dási: LMS Kárášjohka, Postboks 7",
      "Jus i máhte boahtet, de diededa maŋemusát 24 tijme åvddål.",
      "Jus i báde ja i la diededam, de hæhttu divudav mákset." },
    { "sma", "Vuesiehtimmie seedtesåvva daase: LMS Kárášjohka, Postboks 7",
      "Jis ih maehtieh båetedh, bïevnedh mïnngemes 24 tæjmah åvtelen.",
      "Jis ih båetieh jïh ih leah bïevnedamme, dellie tjoerh maaksoem maeksedh." },
  };
  g_autofree char *one_hour = NULL;
  g_autofree char *no_referral = NULL;

  kp_course_set_condition (course, KP_COURSE_REFERRAL, TRUE);
  kp_course_set_condition (course, KP_COURSE_NO_SHOW_FEE, TRUE);
  kp_course_set_notice_hours (course, 24);
  kp_course_set_text (course, KP_COURSE_REFERRAL_TO, "LMS Kárášjohka, Postboks 7");

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *text = brochure_text (course, expected[i].code);

      g_assert_nonnull (strstr (text, expected[i].referral_to));
      g_assert_nonnull (strstr (text, expected[i].notice));
      g_assert_nonnull (strstr (text, expected[i].no_show));
      if (i > 1)
        {
          g_assert_null (strstr (text, "Henvisningen sendes til"));
          g_assert_null (strstr (text, "timer før"));
          g_assert_null (strstr (text, "gebyr"));
        }
    }

  kp_course_set_notice_hours (course, 1);
  one_hour = brochure_text (course, "nb");
  g_assert_nonnull (strstr (one_hour, "må du melde avbud senest én time før."));
  g_assert_null (strstr (one_hour, "1 timer"));

  /* No referral needed: no address for it either, and no notice or fee left unset is said. */
  kp_course_set_condition (course, KP_COURSE_REFERRAL, FALSE);
  kp_course_set_condition (course, KP_COURSE_NO_SHOW_FEE, FALSE);
  kp_course_set_notice_hours (course, 0);
  no_referral = brochure_text (course, "nb");
  g_assert_null (strstr (no_referral, "Henvisningen sendes til"));
  g_assert_null (strstr (no_referral, "LMS Kárášjohka"));
  g_assert_null (strstr (no_referral, "avbud"));
  g_assert_null (strstr (no_referral, "Godt å vite"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/brochure/language/dates-in-each-language", test_language_dates);
  g_test_add_func ("/brochure/language/names-and-labels", test_language_names_and_labels);
  g_test_add_func ("/brochure/language/deadline-date", test_language_deadline_date);
  g_test_add_func ("/brochure/language/format-date-time", test_language_format_date_time);
  g_test_add_func ("/brochure/layout/short-course-fits-one-a4-page",
                   test_short_course_fits_one_a4_page);
  g_test_add_func ("/brochure/layout/long-course-flows-onto-more-pages",
                   test_long_course_flows_onto_more_pages);
  g_test_add_func ("/brochure/layout/minimal-course-renders", test_minimal_course_renders);
  g_test_add_func ("/brochure/layout/long-paragraph-breaks-between-lines",
                   test_long_paragraph_breaks_between_lines);
  g_test_add_func ("/brochure/pdf/reproducible-tagged-linked", test_pdf_is_reproducible_and_tagged);
  g_test_add_func ("/brochure/draw/on-an-image-surface", test_draws_on_an_image_surface);
  g_test_add_func ("/brochure/conditions/printed-when-they-apply",
                   test_conditions_printed_when_they_apply);
  g_test_add_func ("/brochure/write/failure-leaves-nothing", test_write_failure_leaves_nothing);
  g_test_add_func ("/brochure/planned-together/needs-a-named-user-representative",
                   test_planned_together_needs_a_named_user_representative);
  g_test_add_func ("/brochure/conditions/trusts-own-in-every-language",
                   test_trust_conditions_in_every_language);

  return g_test_run ();
}
