/* kp-pdf-ua.c — finishing a tagged PDF from cairo so that it meets PDF/UA
 *
 * cairo 1.16 writes the structure tree but not the document language, the viewer preference
 * that shows the title, the XMP metadata PDF/UA asks for, nor alternative text on figures. This
 * adds them with libqpdf, as objects, never by editing the bytes: every document Kursplan
 * writes (brochure, plan, programme, forms, report, poster) passes through here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-pdf-ua"

#include "config.h"

#include <qpdf/qpdf-c.h>
#include <string.h>

#include "kp-error.h"
#include "kp-i18n.h"
#include "kp-pdf-ua.h"

/* The XMP packet: title and language in Dublin Core, and the PDF/UA part (ISO 14289-1). */
static char *
dup_xmp (const char *title,
         const char *language)
{
  g_autofree char *title_xml = g_markup_escape_text (title, -1);
  g_autofree char *language_xml = g_markup_escape_text (language, -1);

  return g_strdup_printf (
    "<?xpacket begin=\"\xef\xbb\xbf\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
    " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
    "  <rdf:Description rdf:about=\"\"\n"
    "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
    "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
    "    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"
    "   <dc:format>application/pdf</dc:format>\n"
    "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:title>\n"
    "   <dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>\n"
    "   <pdf:Producer>Kursplan %s</pdf:Producer>\n"
    "   <pdfuaid:part>1</pdfuaid:part>\n"
    "  </rdf:Description>\n"
    " </rdf:RDF>\n"
    "</x:xmpmeta>\n"
    "<?xpacket end=\"w\"?>\n",
    title_xml, language_xml, PACKAGE_VERSION);
}

/* Walks the structure tree depth first, in the order cairo wrote the tags (the reading order),
 * and gives each Figure the next alternative text. */
static void
add_figure_alts (qpdf_data           qpdf,
                 qpdf_oh             element,
                 const char * const *alts,
                 guint              *next)
{
  qpdf_oh kids;

  if (qpdf_oh_is_array (qpdf, element))
    {
      int n = qpdf_oh_get_array_n_items (qpdf, element);

      for (int i = 0; i < n; i++)
        add_figure_alts (qpdf, qpdf_oh_get_array_item (qpdf, element, i), alts, next);
      return;
    }
  if (!qpdf_oh_is_dictionary (qpdf, element))
    return;
  if (qpdf_oh_has_key (qpdf, element, "/S") &&
      g_strcmp0 (qpdf_oh_get_name (qpdf, qpdf_oh_get_key (qpdf, element, "/S")), "/Figure") == 0 &&
      alts[*next] != NULL)
    {
      qpdf_oh_replace_key (qpdf, element, "/Alt", qpdf_oh_new_unicode_string (qpdf, alts[*next]));
      (*next)++;
    }
  kids = qpdf_oh_get_key (qpdf, element, "/K");
  if (qpdf_oh_is_array (qpdf, kids) || qpdf_oh_is_dictionary (qpdf, kids))
    add_figure_alts (qpdf, kids, alts, next);
}

/**
 * kp_pdf_ua_finish:
 * @pdf: a tagged PDF, as cairo writes it
 * @title: the document's title, for the XMP metadata (the Info title stays cairo's)
 * @language: the document's language as a BCP 47 tag: `nb`, `nn`, `se`, `smj`, `sma`
 * @figure_alts: (nullable) (array zero-terminated=1): the alternative text of the Figure
 *   elements, in the order they were drawn
 *
 * Sets the catalog's `/Lang`, `/ViewerPreferences << /DisplayDocTitle true >>`,
 * `/MarkInfo << /Marked true >>` and an XMP `/Metadata` stream with `dc:title`, `dc:language` and
 * `pdfuaid:part 1`; gives pages with annotations the structure's tab order. The same input gives
 * the same bytes (the file identifier is derived from the content).
 *
 * Returns: (transfer full): the finished PDF, or %NULL with @error set
 */
GBytes *
kp_pdf_ua_finish (GBytes             *pdf,
                  const char         *title,
                  const char         *language,
                  const char * const *figure_alts,
                  GError            **error)
{
  qpdf_data qpdf;
  qpdf_oh root;
  qpdf_oh preferences;
  qpdf_oh mark_info;
  qpdf_oh metadata;
  qpdf_oh metadata_dict;
  qpdf_oh struct_root;
  g_autofree char *xmp = NULL;
  GBytes *finished = NULL;
  gsize size;
  const char *data;
  int n_pages;

  g_return_val_if_fail (pdf != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (language != NULL, NULL);

  data = g_bytes_get_data (pdf, &size);
  qpdf = qpdf_init ();
  qpdf_silence_errors (qpdf);
  qpdf_set_suppress_warnings (qpdf, QPDF_TRUE);
  if (qpdf_read_memory (qpdf, "PDF", data, size, NULL) & QPDF_ERRORS)
    goto failed;

  root = qpdf_get_root (qpdf);
  qpdf_oh_replace_key (qpdf, root, "/Lang", qpdf_oh_new_unicode_string (qpdf, language));

  preferences = qpdf_oh_new_dictionary (qpdf);
  qpdf_oh_replace_key (qpdf, preferences, "/DisplayDocTitle", qpdf_oh_new_bool (qpdf, QPDF_TRUE));
  qpdf_oh_replace_key (qpdf, root, "/ViewerPreferences", preferences);

  mark_info = qpdf_oh_new_dictionary (qpdf);
  qpdf_oh_replace_key (qpdf, mark_info, "/Marked", qpdf_oh_new_bool (qpdf, QPDF_TRUE));
  qpdf_oh_replace_key (qpdf, root, "/MarkInfo", mark_info);

  xmp = dup_xmp (title, language);
  metadata = qpdf_oh_new_stream (qpdf);
  /* Uncompressed, as PDF/UA's metadata should be readable by tools that do not inflate. */
  qpdf_oh_replace_stream_data (qpdf, metadata, (const unsigned char *) xmp, strlen (xmp),
                               qpdf_oh_new_null (qpdf), qpdf_oh_new_null (qpdf));
  metadata_dict = qpdf_oh_get_dict (qpdf, metadata);
  qpdf_oh_replace_key (qpdf, metadata_dict, "/Type", qpdf_oh_new_name (qpdf, "/Metadata"));
  qpdf_oh_replace_key (qpdf, metadata_dict, "/Subtype", qpdf_oh_new_name (qpdf, "/XML"));
  qpdf_oh_replace_key (qpdf, root, "/Metadata", metadata);

  /* Links are annotations: their tab order follows the structure (PDF/UA 7.18.3). */
  n_pages = qpdf_get_num_pages (qpdf);
  for (int i = 0; i < n_pages; i++)
    {
      qpdf_oh page = qpdf_get_page_n (qpdf, (size_t) i);

      if (qpdf_oh_has_key (qpdf, page, "/Annots"))
        qpdf_oh_replace_key (qpdf, page, "/Tabs", qpdf_oh_new_name (qpdf, "/S"));
    }

  struct_root = qpdf_oh_get_key (qpdf, root, "/StructTreeRoot");
  if (figure_alts != NULL && qpdf_oh_is_dictionary (qpdf, struct_root))
    {
      guint next = 0;

      add_figure_alts (qpdf, qpdf_oh_get_key (qpdf, struct_root, "/K"), figure_alts, &next);
    }

  if (qpdf_has_error (qpdf))
    goto failed;

  if (qpdf_init_write_memory (qpdf) & QPDF_ERRORS)
    goto failed;
  qpdf_set_deterministic_ID (qpdf, QPDF_TRUE);
  if (qpdf_write (qpdf) & QPDF_ERRORS)
    goto failed;
  finished = g_bytes_new (qpdf_get_buffer (qpdf), qpdf_get_buffer_length (qpdf));
  qpdf_cleanup (&qpdf);
  return finished;

failed:
  {
    qpdf_error qpdf_error = qpdf_get_error (qpdf);
    const char *detail = qpdf_error ? qpdf_get_error_full_text (qpdf, qpdf_error) : "";

    g_set_error (error, KP_ERROR, KP_ERROR_FAILED,
                 _("Could not finish the PDF for accessibility: %s"), detail);
    qpdf_cleanup (&qpdf);
    return NULL;
  }
}
