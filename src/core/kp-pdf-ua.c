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
#include <stdlib.h>
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

/* One operation of a content stream: its operands and operator, as byte offsets. */
typedef struct
{
  gsize start;
  gsize end;
  char  op[4];  /* the operator, cut short: only the short ones matter here */
} Operation;

static gboolean
is_delimiter (char c)
{
  return strchr ("()<>[]{}/%", c) != NULL;
}

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\0';
}

/* Splits a content stream into operations. FALSE for what this reader does not take (inline
 * images, unbalanced strings): the page is then left as cairo wrote it. */
static gboolean
split_operations (const char *data,
                  gsize       size,
                  GArray     *operations)
{
  gsize i = 0;
  gssize start = -1;

  while (i < size)
    {
      gsize token = i;

      if (is_space (data[i]))
        {
          i++;
          continue;
        }
      if (data[i] == '%')
        {
          while (i < size && data[i] != '\n' && data[i] != '\r')
            i++;
          continue;
        }
      if (start < 0)
        start = (gssize) token;
      if (data[i] == '(')
        {
          int nesting = 1;

          for (i++; i < size && nesting > 0; i++)
            {
              if (data[i] == '\\')
                i++;
              else if (data[i] == '(')
                nesting++;
              else if (data[i] == ')')
                nesting--;
            }
          if (nesting > 0)
            return FALSE;
        }
      else if (data[i] == '<' && i + 1 < size && data[i + 1] == '<')
        i += 2;
      else if (data[i] == '>' && i + 1 < size && data[i + 1] == '>')
        i += 2;
      else if (data[i] == '<')
        {
          while (i < size && data[i] != '>')
            i++;
          if (i == size)
            return FALSE;
          i++;
        }
      else if (strchr ("[]{}", data[i]) != NULL)
        i++;
      else if (data[i] == '/')
        {
          for (i++; i < size && !is_space (data[i]) && !is_delimiter (data[i]); i++)
            ;
        }
      else
        {
          gboolean operand = g_ascii_isdigit (data[i]) || strchr ("+-.", data[i]) != NULL;
          gsize length;

          for (; i < size && !is_space (data[i]) && !is_delimiter (data[i]); i++)
            ;
          length = i - token;
          if (operand ||
              (length == 4 && (memcmp (data + token, "true", 4) == 0 ||
                               memcmp (data + token, "null", 4) == 0)) ||
              (length == 5 && memcmp (data + token, "false", 5) == 0))
            continue;
          if (length == 2 && memcmp (data + token, "BI", 2) == 0)
            return FALSE;
          {
            Operation operation = { (gsize) start, i, { 0 } };

            memcpy (operation.op, data + token, MIN (length, sizeof operation.op - 1));
            g_array_append_val (operations, operation);
            start = -1;
          }
        }
    }
  return TRUE;
}

/* Operators that only set the graphics state: what may stay outside the structure. */
static gboolean
is_state_operator (const char *op)
{
  static const char * const state[] = {
    "q", "Q", "cm", "gs", "w", "J", "j", "M", "d", "ri", "i", "g", "G", "rg", "RG", "k", "K",
    "cs", "CS", "sc", "SC", "scn", "SCN", NULL
  };

  return g_strv_contains (state, op);
}

/* Wraps what is drawn outside every tagged element (page furniture: bands, rules, the footer)
 * in /Artifact marked content, so that each page's content is either in the structure or
 * marked as not belonging to it (PDF/UA 7.1). Returns NULL when the stream is left as it is. */
static GString *
mark_artifacts (const char *data,
                gsize       size)
{
  g_autoptr(GArray) operations = g_array_new (FALSE, FALSE, sizeof (Operation));
  g_autoptr(GArray) cuts = g_array_new (FALSE, FALSE, sizeof (gsize));
  GString *marked;
  gssize run_start = -1;
  gsize run_end = 0;
  gboolean run_draws = FALSE;
  int depth = 0;
  gboolean in_text = FALSE;
  gsize copied = 0;

  if (!split_operations (data, size, operations))
    return NULL;

  for (guint i = 0; i <= operations->len; i++)
    {
      Operation *operation = i < operations->len ? &g_array_index (operations, Operation, i)
                                                 : NULL;
      gboolean begins = operation && (g_str_equal (operation->op, "BDC") ||
                                      g_str_equal (operation->op, "BMC"));
      gboolean ends_run = operation == NULL || begins || g_str_equal (operation->op, "q") ||
                          g_str_equal (operation->op, "Q") || g_str_equal (operation->op, "EMC");

      /* A marked-content sequence holds a text object whole: a tag inside BT … ET is not
       * something to cut around. */
      if (in_text && depth == 0 && (ends_run || run_start < 0))
        return NULL;
      if (operation && g_str_equal (operation->op, "BT"))
        in_text = TRUE;
      else if (operation && g_str_equal (operation->op, "ET"))
        in_text = FALSE;
      if (depth == 0 && ends_run)
        {
          if (run_start >= 0 && run_draws)
            {
              gsize from = (gsize) run_start;

              g_array_append_val (cuts, from);
              g_array_append_val (cuts, run_end);
            }
          run_start = -1;
          run_draws = FALSE;
        }
      if (operation == NULL)
        break;
      if (begins)
        depth++;
      else if (g_str_equal (operation->op, "EMC"))
        {
          if (--depth < 0)
            return NULL;
        }
      else if (depth == 0 && !ends_run)
        {
          if (run_start < 0)
            run_start = (gssize) operation->start;
          run_end = operation->end;
          run_draws |= !is_state_operator (operation->op);
        }
    }
  if (depth != 0)
    return NULL;

  marked = g_string_sized_new (size + cuts->len * 16);
  for (guint i = 0; i < cuts->len; i += 2)
    {
      gsize from = g_array_index (cuts, gsize, i);
      gsize to = g_array_index (cuts, gsize, i + 1);

      g_string_append_len (marked, data + copied, from - copied);
      g_string_append (marked, "/Artifact BMC\n");
      g_string_append_len (marked, data + from, to - from);
      g_string_append (marked, "\nEMC");
      copied = to;
    }
  g_string_append_len (marked, data + copied, size - copied);
  return marked;
}

static void
mark_page_artifacts (qpdf_data qpdf,
                     qpdf_oh   page)
{
  unsigned char *content = NULL;
  size_t length = 0;
  g_autoptr(GString) marked = NULL;
  qpdf_oh stream;

  if (qpdf_oh_get_page_content_data (qpdf, page, &content, &length) != QPDF_SUCCESS)
    {
      free (content);
      return;
    }
  marked = mark_artifacts ((const char *) content, length);
  free (content);
  if (marked == NULL)
    return;
  stream = qpdf_oh_new_stream (qpdf);
  qpdf_oh_replace_stream_data (qpdf, stream, (const unsigned char *) marked->str, marked->len,
                               qpdf_oh_new_null (qpdf), qpdf_oh_new_null (qpdf));
  qpdf_oh_replace_key (qpdf, page, "/Contents", stream);
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
 * `pdfuaid:part 1`; gives pages with annotations the structure's tab order; marks what is drawn
 * outside the structure (page furniture) as /Artifact. The same input gives
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
      mark_page_artifacts (qpdf, page);
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
