/* kp-poster.c — a course's poster for a notice board, as a tagged PDF
 *
 * One page, A4 or A3: the title on the accent band, who the course is for, the dates, the place,
 * and a QR code to the registration page with its address printed beside it. Large type, dark
 * ink on white (and white on the accent, above 5:1), the words in the course's document
 * language. The QR code comes from libqrencode and is drawn as cairo rectangles with a quiet zone
 * of four modules; it is a Figure in the structure, its alternative text the address.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-poster"

#include "config.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <qrencode.h>

#include "kp-doc-layout.h"
#include "kp-error.h"
#include "kp-i18n.h"
#include "kp-pdf-ua.h"
#include "kp-poster.h"
#include "kp-session.h"
#include "kp-time.h"

#define A4_WIDTH  595.276
#define A4_HEIGHT 841.890
#define A3_WIDTH  841.890
#define A3_HEIGHT 1190.551

/* The house accent; white on it has a contrast of about 5.6:1. */
#define ACCENT_R 0.11
#define ACCENT_G 0.42
#define ACCENT_B 0.45
#define INK      0.07

/* More sessions than this are given as the first and the last date. */
#define MAX_DATE_LINES 6
#define QUIET_ZONE 4

typedef struct
{
  cairo_t             *cr;       /* NULL while measuring */
  PangoContext        *context;
  double               unit;     /* the A4 point scaled to the page, times the fitting factor */
  double               width;
  double               margin;
  double               y;
} Pen;

/* Sets (or, measuring, only counts) one block of text and moves the pen below it. */
static void
pen_text (Pen        *pen,
          const char *tag,
          const char *text,
          double      size,
          gboolean    bold,
          double      x,
          double      width,
          double      gap_after)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (pen->context);
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();
  int height;

  pango_font_description_set_family (font, KP_DOC_FONT_FAMILY);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_absolute_size (font, size * pen->unit * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, NULL, &height);

  if (pen->cr != NULL)
    {
      cairo_tag_begin (pen->cr, tag, NULL);
      cairo_move_to (pen->cr, x, pen->y);
      pango_cairo_show_layout (pen->cr, layout);
      cairo_tag_end (pen->cr, tag);
    }
  pen->y += (double) height / PANGO_SCALE + gap_after * pen->unit;
}

/* The sessions' dates, one a line, cancelled ones left out; many are given as first – last. */
static char *
dup_dates (KpCourse            *course,
           const KpDocLanguage *language)
{
  GListModel *sessions = kp_course_get_sessions (course);
  g_autoptr(GPtrArray) planned = g_ptr_array_new_with_free_func (g_object_unref);
  GString *lines = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(KpSession) session = g_list_model_get_item (sessions, i);

      if (kp_session_get_status (session) != KP_SESSION_STATUS_CANCELLED &&
          kp_session_get_start (session) != NULL)
        g_ptr_array_add (planned, g_steal_pointer (&session));
    }

  if (planned->len > MAX_DATE_LINES)
    {
      KpSession *first = g_ptr_array_index (planned, 0);
      KpSession *last = g_ptr_array_index (planned, planned->len - 1);
      GDate first_date, last_date;
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;

      g_date_clear (&first_date, 1);
      g_date_clear (&last_date, 1);
      g_date_set_dmy (&first_date, g_date_time_get_day_of_month (kp_session_get_start (first)),
                      g_date_time_get_month (kp_session_get_start (first)),
                      g_date_time_get_year (kp_session_get_start (first)));
      g_date_set_dmy (&last_date, g_date_time_get_day_of_month (kp_session_get_start (last)),
                      g_date_time_get_month (kp_session_get_start (last)),
                      g_date_time_get_year (kp_session_get_start (last)));
      from = kp_doc_language_format_date (language, &first_date);
      to = kp_doc_language_format_date (language, &last_date);
      g_string_append_printf (lines, "%s – %s", from, to);
      return g_string_free (lines, FALSE);
    }

  for (guint i = 0; i < planned->len; i++)
    {
      KpSession *session = g_ptr_array_index (planned, i);
      g_autofree char *when = kp_doc_language_format_session_time (language,
                                                                   kp_session_get_start (session),
                                                                   kp_session_get_end (session));

      if (lines->len > 0)
        g_string_append_c (lines, '\n');
      g_string_append (lines, when);
    }
  return g_string_free (lines, FALSE);
}

/* The QR code, dark modules on white with a quiet zone of four modules, as a Figure. */
static void
draw_qr (cairo_t      *cr,
         const QRcode *code,
         double        x,
         double        y,
         double        size)
{
  double module = size / (code->width + 2 * QUIET_ZONE);

  cairo_tag_begin (cr, "Figure", NULL);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, size, size);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (int row = 0; row < code->width; row++)
    for (int column = 0; column < code->width; column++)
      if (code->data[row * code->width + column] & 1)
        cairo_rectangle (cr, x + (QUIET_ZONE + column) * module, y + (QUIET_ZONE + row) * module,
                         module, module);
  cairo_fill (cr);
  cairo_tag_end (cr, "Figure");
}

/* Lays the poster out from the top; returns where the text ends. With pen->cr NULL it only
 * measures, so that the type can be made smaller until the text clears the QR code. */
static double
lay_out (Pen                 *pen,
         KpCourse            *course,
         const KpDocLanguage *language,
         const char          *dates,
         const char          *place)
{
  const char *title = kp_course_get_title (course) ? kp_course_get_title (course) : "";
  const char *subtitle = kp_course_get_text (course, KP_COURSE_SUBTITLE);
  const char *target = kp_course_get_text (course, KP_COURSE_TARGET_GROUP);
  double text_width = pen->width - 2 * pen->margin;
  double band_top = pen->y;

  /* The title on the accent band: measure it first, so that the band fits it. */
  if (pen->cr != NULL)
    {
      Pen measure = *pen;

      measure.cr = NULL;
      measure.y += 28 * pen->unit;
      pen_text (&measure, "H1", title, 40, TRUE, pen->margin, text_width, 0);
      if (subtitle != NULL)
        pen_text (&measure, "P", subtitle, 20, FALSE, pen->margin, text_width, 0);
      cairo_set_source_rgb (pen->cr, ACCENT_R, ACCENT_G, ACCENT_B);
      cairo_rectangle (pen->cr, 0, band_top, pen->width, measure.y + 28 * pen->unit - band_top);
      cairo_fill (pen->cr);
      cairo_set_source_rgb (pen->cr, 1, 1, 1);
    }
  pen->y += 28 * pen->unit;
  pen_text (pen, "H1", title, 40, TRUE, pen->margin, text_width, subtitle ? 8 : 0);
  if (subtitle != NULL)
    pen_text (pen, "P", subtitle, 20, FALSE, pen->margin, text_width, 0);
  pen->y += 28 * pen->unit + 24 * pen->unit;

  if (pen->cr != NULL)
    cairo_set_source_rgb (pen->cr, INK, INK, INK);
  if (target != NULL)
    {
      pen_text (pen, "H2", kp_doc_language_get_label (language, KP_DOC_LABEL_FOR_WHOM), 18, TRUE,
                pen->margin, text_width, 4);
      pen_text (pen, "P", target, 22, FALSE, pen->margin, text_width, 20);
    }
  if (*dates != '\0')
    {
      pen_text (pen, "H2", kp_doc_language_get_label (language, KP_DOC_LABEL_PROGRAMME), 18, TRUE,
                pen->margin, text_width, 4);
      pen_text (pen, "P", dates, 22, FALSE, pen->margin, text_width, 20);
    }
  if (*place != '\0')
    {
      pen_text (pen, "H2", kp_doc_language_get_label (language, KP_DOC_LABEL_PLACE), 18, TRUE,
                pen->margin, text_width, 4);
      pen_text (pen, "P", place, 22, FALSE, pen->margin, text_width, 20);
    }
  return pen->y;
}

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

gboolean
kp_poster_size_from_string (const char   *name,
                            KpPosterSize *size)
{
  if (g_strcmp0 (name, "a4") == 0)
    *size = KP_POSTER_SIZE_A4;
  else if (g_strcmp0 (name, "a3") == 0)
    *size = KP_POSTER_SIZE_A3;
  else
    return FALSE;
  return TRUE;
}

/**
 * kp_poster_render_pdf:
 * @language: the poster's language (the course's document language, or another)
 * @now: the creation date written into the PDF: the same input gives the same bytes
 *
 * Fails with %KP_ERROR_INVALID_VALUE when the course has no registration page (its web address)
 * for the QR code.
 *
 * Returns: (transfer full): the poster as a tagged PDF finished for PDF/UA
 */
GBytes *
kp_poster_render_pdf (KpCourse             *course,
                      const KpDocLanguage  *language,
                      KpPosterSize          size,
                      GDateTime            *now,
                      GError              **error)
{
  g_autoptr(GByteArray) array = g_byte_array_new ();
  g_autoptr(GBytes) tagged = NULL;
  g_autoptr(GDateTime) utc = NULL;
  PangoContext *context;
  g_autofree char *date = NULL;
  g_autofree char *creator = NULL;
  g_autofree char *dates = NULL;
  g_autofree char *place = NULL;
  g_autofree char *alt = NULL;
  const char *alts[2] = { NULL, NULL };
  const char *url = kp_course_get_text (course, KP_COURSE_URL);
  const char *title;
  const char *deadline_text;
  cairo_font_options_t *options;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  QRcode *code;
  Pen pen = { 0 };
  double width = size == KP_POSTER_SIZE_A3 ? A3_WIDTH : A4_WIDTH;
  double height = size == KP_POSTER_SIZE_A3 ? A3_HEIGHT : A4_HEIGHT;
  double scale = width / A4_WIDTH;
  double margin = 42 * scale;
  double qr_size = 220 * scale;
  double qr_top = height - margin - qr_size;
  double fit = 1.0;
  double column_x;
  GDate deadline;

  g_return_val_if_fail (KP_IS_COURSE (course), NULL);
  g_return_val_if_fail (language != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  if (url == NULL || *url == '\0')
    {
      g_set_error (error, KP_ERROR, KP_ERROR_INVALID_VALUE, "%s",
                   _("The course has no web address for registration, which the poster's QR "
                     "code leads to: add one first"));
      return NULL;
    }
  code = QRcode_encodeString8bit (url, 0, QR_ECLEVEL_M);
  if (code == NULL)
    {
      g_set_error (error, KP_ERROR, KP_ERROR_INVALID_VALUE, "%s",
                   _("The web address for registration is too long for a QR code"));
      return NULL;
    }

  title = kp_course_get_title (course) ? kp_course_get_title (course) : "";
  dates = dup_dates (course, language);
  place = kp_doc_join_place (kp_course_get_text (course, KP_COURSE_LOCATION_NAME),
                             kp_course_get_text (course, KP_COURSE_LOCATION_ROOM),
                             kp_course_get_text (course, KP_COURSE_LOCATION_ADDRESS), "\n");

  context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (context, 72.0);
  pango_context_set_language (context,
                              pango_language_from_string (kp_doc_language_get_code (language)));

  /* Large type, made smaller only as far as the text must to clear the QR code. */
  pen.context = context;
  pen.width = width;
  pen.margin = margin;
  do
    {
      pen.unit = scale * fit;
      pen.y = 0;
      if (lay_out (&pen, course, language, dates, place) <= qr_top - 16 * scale)
        break;
      fit *= 0.92;
    }
  while (fit > 0.4);

  surface = cairo_pdf_surface_create_for_stream (append_to_array, array, width, height);
  utc = g_date_time_to_utc (now);
  date = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  creator = g_strdup_printf ("Kursplan %s", PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  if (kp_course_get_text (course, KP_COURSE_ORGANISER) != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR,
                                    kp_course_get_text (course, KP_COURSE_ORGANISER));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, date);

  cr = cairo_create (surface);
  cairo_tag_begin (cr, "Document", NULL);
  pen.cr = cr;
  pen.y = 0;
  lay_out (&pen, course, language, dates, place);

  /* The registration: the QR code, and beside it the label, the address and the deadline. */
  draw_qr (cr, code, margin, qr_top, qr_size);
  column_x = margin + qr_size + 24 * scale;
  pen.unit = scale;
  pen.y = qr_top + 20 * scale;
  cairo_set_source_rgb (cr, INK, INK, INK);
  pen_text (&pen, "H2", kp_doc_language_get_label (language, KP_DOC_LABEL_REGISTRATION), 22, TRUE,
            column_x, width - margin - column_x, 8);
  cairo_set_source_rgb (cr, ACCENT_R * 0.7, ACCENT_G * 0.7, ACCENT_B * 0.7);
  pen_text (&pen, "P", url, 18, TRUE, column_x, width - margin - column_x, 16);
  deadline_text = kp_course_get_text (course, KP_COURSE_DEADLINE);
  if (deadline_text != NULL && kp_time_parse_date (deadline_text, &deadline))
    {
      g_autofree char *when = kp_doc_language_format_date (language, &deadline);
      g_autofree char *line = g_strdup_printf ("%s: %s",
                                               kp_doc_language_get_label (language,
                                                                          KP_DOC_LABEL_DEADLINE),
                                               when);

      cairo_set_source_rgb (cr, INK, INK, INK);
      pen_text (&pen, "P", line, 18, FALSE, column_x, width - margin - column_x, 0);
    }
  cairo_tag_end (cr, "Document");
  cairo_show_page (cr);
  QRcode_free (code);
  g_object_unref (context);

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, KP_ERROR, KP_ERROR_FAILED, _("Could not draw the PDF: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }

  /* The QR code's alternative text: the label and the address it leads to. */
  alt = g_strdup_printf ("%s: %s",
                         kp_doc_language_get_label (language, KP_DOC_LABEL_REGISTRATION), url);
  alts[0] = alt;
  tagged = g_byte_array_free_to_bytes (g_steal_pointer (&array));
  return kp_pdf_ua_finish (tagged, title, kp_doc_language_get_code (language), alts, error);
}
