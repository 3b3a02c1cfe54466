/* kp-ods-writer.c — one sheet of an OpenDocument spreadsheet (.ods), built row by row
 *
 * An .ods file is a zip archive: the entry "mimetype" first and stored uncompressed (readers
 * identify the file by its bytes at offset 38), then META-INF/manifest.xml and content.xml with
 * the table. Every entry is stored (method 0) with its CRC-32, which is all OpenDocument
 * requires, so no zip library is needed. Entries carry a fixed date (1980-01-01) so the same
 * figures give the same bytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-ods-writer"

#include "config.h"

#include <math.h>
#include <string.h>

#include "kp-ods-writer.h"

#define ODS_MIME_TYPE "application/vnd.oasis.opendocument.spreadsheet"

struct _KpOdsWriter
{
  GString *rows;      /* the table's rows, as content.xml's XML */
  char    *name;      /* the sheet's name */
  gboolean in_row;
};

/**
 * kp_ods_writer_new:
 * @sheet_name: the name of the sheet, as the spreadsheet's tab shows it
 *
 * Returns: (transfer full): a writer with an empty sheet
 */
KpOdsWriter *
kp_ods_writer_new (const char *sheet_name)
{
  KpOdsWriter *self = g_new0 (KpOdsWriter, 1);
  GString *name = g_string_new (NULL);

  g_return_val_if_fail (sheet_name != NULL, NULL);

  /* A sheet's name may not hold []*?:/\ nor a quote at its ends. */
  for (const char *p = sheet_name; *p != '\0'; p++)
    g_string_append_c (name, strchr ("[]*?:/\\'", *p) != NULL ? '_' : *p);
  self->name = g_string_free (name, FALSE);
  self->rows = g_string_new (NULL);
  return self;
}

void
kp_ods_writer_free (KpOdsWriter *self)
{
  if (self == NULL)
    return;
  g_string_free (self->rows, TRUE);
  g_free (self->name);
  g_free (self);
}

static void
begin_cell (KpOdsWriter *self)
{
  if (!self->in_row)
    {
      g_string_append (self->rows, "<table:table-row>");
      self->in_row = TRUE;
    }
}

/* Text as XML 1.0 character data: the markup characters escaped, and control characters XML
 * cannot carry at all made spaces (a tab, a line break stay). */
static void
append_xml_text (GString    *out,
                 const char *text)
{
  g_autoptr(GString) clean = g_string_new (NULL);
  g_autofree char *escaped = NULL;

  for (const char *p = text; *p != '\0'; p++)
    g_string_append_c (clean, ((guchar) *p < 0x20 && *p != '\t' && *p != '\n') ? ' ' : *p);
  escaped = g_markup_escape_text (clean->str, clean->len);
  g_string_append (out, escaped);
}

/**
 * kp_ods_writer_add_text:
 * @text: (nullable): the cell's text, valid UTF-8; %NULL or "" for an empty cell
 *
 * Adds a text cell to the current row.
 */
void
kp_ods_writer_add_text (KpOdsWriter *self,
                        const char  *text)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (text == NULL || g_utf8_validate (text, -1, NULL));

  begin_cell (self);
  if (text == NULL || *text == '\0')
    {
      g_string_append (self->rows, "<table:table-cell/>");
      return;
    }
  g_string_append (self->rows, "<table:table-cell office:value-type=\"string\"><text:p>");
  append_xml_text (self->rows, text);
  g_string_append (self->rows, "</text:p></table:table-cell>");
}

/**
 * kp_ods_writer_add_number:
 *
 * Adds a number cell to the current row: the spreadsheet sums and sorts it as a number.
 */
void
kp_ods_writer_add_number (KpOdsWriter *self,
                          double       value)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_if_fail (self != NULL);
  g_return_if_fail (isfinite (value));

  begin_cell (self);
  g_ascii_dtostr (text, sizeof text, value);
  g_string_append_printf (self->rows,
                          "<table:table-cell office:value-type=\"float\" office:value=\"%s\">"
                          "<text:p>%s</text:p></table:table-cell>", text, text);
}

/**
 * kp_ods_writer_end_row:
 *
 * Ends the current row; the next cell starts a new one. An empty row stays empty.
 */
void
kp_ods_writer_end_row (KpOdsWriter *self)
{
  g_return_if_fail (self != NULL);

  if (!self->in_row)
    g_string_append (self->rows, "<table:table-row><table:table-cell/>");
  g_string_append (self->rows, "</table:table-row>\n");
  self->in_row = FALSE;
}

static guint32
crc32_of (const char *data,
          gsize       size)
{
  static guint32 table[256];
  static gsize table_made = 0;
  guint32 crc = 0xffffffff;

  if (g_once_init_enter (&table_made))
    {
      for (guint32 i = 0; i < 256; i++)
        {
          guint32 c = i;

          for (int k = 0; k < 8; k++)
            c = (c & 1) ? 0xedb88320 ^ (c >> 1) : c >> 1;
          table[i] = c;
        }
      g_once_init_leave (&table_made, 1);
    }
  for (gsize i = 0; i < size; i++)
    crc = table[(crc ^ (guchar) data[i]) & 0xff] ^ (crc >> 8);
  return crc ^ 0xffffffff;
}

static void
put16 (GByteArray *out,
       guint       value)
{
  guint8 bytes[2] = { value & 0xff, (value >> 8) & 0xff };

  g_byte_array_append (out, bytes, 2);
}

static void
put32 (GByteArray *out,
       guint32     value)
{
  guint8 bytes[4] = { value & 0xff, (value >> 8) & 0xff, (value >> 16) & 0xff, value >> 24 };

  g_byte_array_append (out, bytes, 4);
}

typedef struct
{
  const char *name;
  guint32     crc;
  guint32     size;
  guint32     offset;
} ZipEntry;

#define DOS_DATE_1980_01_01 ((0 << 9) | (1 << 5) | 1)

/* The header fields a local header and a central directory record share, from the version
 * needed to extract on: 1.0, no flags, stored, the fixed date, CRC and sizes, the name's length. */
static void
put_entry_fields (GByteArray     *out,
                  const ZipEntry *entry)
{
  put16 (out, 10);
  put16 (out, 0);
  put16 (out, 0);
  put16 (out, 0);
  put16 (out, DOS_DATE_1980_01_01);
  put32 (out, entry->crc);
  put32 (out, entry->size);
  put32 (out, entry->size);
  put16 (out, strlen (entry->name));
  put16 (out, 0);
}

static void
add_entry (GByteArray *zip,
           ZipEntry   *entry,
           const char *data,
           gsize       size)
{
  entry->crc = crc32_of (data, size);
  entry->size = size;
  entry->offset = zip->len;
  put32 (zip, 0x04034b50);
  put_entry_fields (zip, entry);
  g_byte_array_append (zip, (const guint8 *) entry->name, strlen (entry->name));
  g_byte_array_append (zip, (const guint8 *) data, size);
}

static const char manifest_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\""
  " manifest:version=\"1.2\">\n"
  " <manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.2\""
  " manifest:media-type=\"" ODS_MIME_TYPE "\"/>\n"
  " <manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>\n"
  "</manifest:manifest>\n";

/**
 * kp_ods_writer_finish:
 *
 * Ends the current row, if one is open.
 *
 * Returns: (transfer full): the whole .ods file
 */
GBytes *
kp_ods_writer_finish (KpOdsWriter *self)
{
  g_autoptr(GString) content = g_string_new (NULL);
  GByteArray *zip = g_byte_array_new ();
  ZipEntry entries[] = {
    { "mimetype", 0, 0, 0 },
    { "META-INF/manifest.xml", 0, 0, 0 },
    { "content.xml", 0, 0, 0 },
  };
  guint32 directory_offset, directory_size;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->in_row)
    kp_ods_writer_end_row (self);
  g_string_append (content,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<office:document-content"
                   " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                   " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
                   " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
                   " office:version=\"1.2\">\n"
                   "<office:body><office:spreadsheet><table:table table:name=\"");
  append_xml_text (content, self->name);
  g_string_append (content, "\">\n");
  g_string_append_len (content, self->rows->str, self->rows->len);
  g_string_append (content,
                   "</table:table></office:spreadsheet></office:body>"
                   "</office:document-content>\n");

  add_entry (zip, &entries[0], ODS_MIME_TYPE, strlen (ODS_MIME_TYPE));
  add_entry (zip, &entries[1], manifest_xml, strlen (manifest_xml));
  add_entry (zip, &entries[2], content->str, content->len);

  directory_offset = zip->len;
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      put32 (zip, 0x02014b50);
      put16 (zip, 20);                  /* made by: MS-DOS attributes, zip 2.0 */
      put_entry_fields (zip, &entries[i]);
      put16 (zip, 0);                   /* comment length */
      put16 (zip, 0);                   /* disk number */
      put16 (zip, 0);                   /* internal attributes */
      put32 (zip, 0);                   /* external attributes */
      put32 (zip, entries[i].offset);
      g_byte_array_append (zip, (const guint8 *) entries[i].name, strlen (entries[i].name));
    }
  directory_size = zip->len - directory_offset;
  put32 (zip, 0x06054b50);
  put16 (zip, 0);
  put16 (zip, 0);
  put16 (zip, G_N_ELEMENTS (entries));
  put16 (zip, G_N_ELEMENTS (entries));
  put32 (zip, directory_size);
  put32 (zip, directory_offset);
  put16 (zip, 0);
  return g_byte_array_free_to_bytes (zip);
}
