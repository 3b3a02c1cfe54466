/* test-ods-writer.c — the OpenDocument spreadsheet writer: the zip's layout and CRC-32, the
 * cells' XML (markup escaped, control characters XML cannot carry made spaces), the sheet's name
 *
 * The CLI test cli-year-figures opens a whole spreadsheet with Python's zipfile and LibreOffice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "kp-ods-writer.h"

#define ODS_MIME "application/vnd.oasis.opendocument.spreadsheet"

static guint32
le32 (const guint8 *p)
{
  return p[0] | (p[1] << 8) | (p[2] << 16) | ((guint32) p[3] << 24);
}

/* The zip's bytes searched as text: the entries are stored, so content.xml is in there as it is;
 * the headers' zero bytes are made 0xff so the search runs past them. */
static gboolean
contains (GBytes     *bytes,
          const char *needle)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  g_autofree char *text = g_malloc (size + 1);

  memcpy (text, data, size);
  text[size] = '\0';
  for (char *p = memchr (text, '\0', size); p != NULL && p < text + size;
       p = memchr (p, '\0', text + size - p))
    *p = '\xff';
  return strstr (text, needle) != NULL;
}

static void
test_ods_zip_layout (void)
{
  g_autoptr(KpOdsWriter) ods = kp_ods_writer_new ("Kurs 2027");
  g_autoptr(GBytes) bytes = NULL;
  const guint8 *data;
  gsize size;

  kp_ods_writer_add_text (ods, "Kurs");
  kp_ods_writer_add_number (ods, 14);
  bytes = kp_ods_writer_finish (ods);
  data = g_bytes_get_data (bytes, &size);

  /* A local header, stored (method 0), "mimetype" first with its CRC-32 (zlib's value). */
  g_assert_cmpuint (size, >, 38 + strlen (ODS_MIME));
  g_assert_cmpuint (le32 (data), ==, 0x04034b50);
  g_assert_cmpuint (data[8] | (data[9] << 8), ==, 0);
  g_assert_cmpuint (le32 (data + 14), ==, 0x8a396c85);
  g_assert_cmpuint (le32 (data + 18), ==, strlen (ODS_MIME));
  g_assert_cmpmem (data + 30, 8, "mimetype", 8);
  g_assert_cmpmem (data + 38, strlen (ODS_MIME), ODS_MIME, strlen (ODS_MIME));
  /* The end record last: three entries. */
  g_assert_cmpuint (le32 (data + size - 22), ==, 0x06054b50);
  g_assert_cmpuint (data[size - 22 + 10], ==, 3);

  g_assert_true (contains (bytes, "<table:table table:name=\"Kurs 2027\">"));
  g_assert_true (contains (bytes, "<table:table-row><table:table-cell office:value-type=\"string\">"
                                  "<text:p>Kurs</text:p></table:table-cell>"
                                  "<table:table-cell office:value-type=\"float\" "
                                  "office:value=\"14\"><text:p>14</text:p></table:table-cell>"
                                  "</table:table-row>"));
}

static void
test_ods_cells_escaped (void)
{
  g_autoptr(KpOdsWriter) ods = kp_ods_writer_new ("a/b:c[1]");
  g_autoptr(GBytes) bytes = NULL;

  kp_ods_writer_add_text (ods, "Kols & astma <\"Nord\">\x01\x1b;\tfane");
  kp_ods_writer_add_text (ods, NULL);
  kp_ods_writer_add_text (ods, "");
  kp_ods_writer_end_row (ods);
  kp_ods_writer_end_row (ods);
  bytes = kp_ods_writer_finish (ods);

  /* Characters a sheet's name may not hold become "_". */
  g_assert_true (contains (bytes, "table:name=\"a_b_c_1_\""));
  g_assert_true (contains (bytes, "<text:p>Kols &amp; astma &lt;&quot;Nord&quot;&gt;  ;\tfane"
                                  "</text:p></table:table-cell>"
                                  "<table:table-cell/><table:table-cell/></table:table-row>"));
  g_assert_false (contains (bytes, "&#x1;"));
  /* An empty row stays a row. */
  g_assert_true (contains (bytes, "\n<table:table-row><table:table-cell/></table:table-row>\n"
                                  "</table:table>"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ods-writer/zip-layout", test_ods_zip_layout);
  g_test_add_func ("/ods-writer/cells-escaped", test_ods_cells_escaped);

  return g_test_run ();
}
