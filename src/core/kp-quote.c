/* kp-quote.c — a value the user gave, made safe to quote in a one-line message
 *
 * An error message that echoes a value must stay one short line on a terminal or in a toast,
 * whatever the value holds: a 4 MB role, a newline followed by a fake "Imported" line, an
 * escape sequence that clears the screen, bytes that are not UTF-8.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "kp-quote.h"

/* Characters that change how a line looks or where it goes instead of showing themselves:
 * C0 and C1 controls, DEL, line and paragraph separators, and the bidirectional controls that
 * can make text read in another order than it is stored. */
static gboolean
needs_escape (gunichar c)
{
  return c < 0x20 || (c >= 0x7f && c <= 0x9f) ||
         c == 0x200e || c == 0x200f ||
         c == 0x2028 || c == 0x2029 ||
         (c >= 0x202a && c <= 0x202e) ||
         (c >= 0x2066 && c <= 0x2069);
}

static void
append_escaped (GString  *out,
                gunichar  c)
{
  switch (c)
    {
    case '\n': g_string_append (out, "\\n"); break;
    case '\r': g_string_append (out, "\\r"); break;
    case '\t': g_string_append (out, "\\t"); break;
    default:
      if (c <= 0x7f)
        g_string_append_printf (out, "\\x%02x", c);
      else
        g_string_append_printf (out, "\\u%04x", c);
    }
}

/* @text with its controls escaped, cut to @max_chars characters (escapes count as the
 * characters they take) and then "…"; -1 for no limit. */
static char *
escape (const char *text,
        gssize      max_chars)
{
  g_autofree char *valid = NULL;
  GString *out;
  gsize chars = 0;

  if (text == NULL)
    return g_strdup ("");

  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (MIN (strlen (valid), 4 * KP_QUOTE_MAX_CHARS) + 8);
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gsize len = out->len;
      gsize added;

      if (needs_escape (c))
        append_escaped (out, c);
      else
        g_string_append_unichar (out, c);

      /* Escapes are ASCII and any other character counts as one. */
      added = needs_escape (c) ? out->len - len : 1;
      if (max_chars >= 0 && chars + added > (gsize) max_chars)
        {
          g_string_truncate (out, len);
          g_string_append (out, "…");
          break;
        }
      chars += added;
    }
  return g_string_free (out, FALSE);
}

/**
 * kp_quote_value:
 * @value: (nullable): a value from the user or a file, as it came
 *
 * What a message puts between its quotation marks when it names a value: at most
 * %KP_QUOTE_MAX_CHARS characters and then "…", control characters escaped as `\n`, `\x1b`,
 * `\u202e`, bytes that are not UTF-8 replaced, and no character cut in half.
 *
 * Returns: (transfer full): the text to quote
 */
char *
kp_quote_value (const char *value)
{
  return escape (value, KP_QUOTE_MAX_CHARS);
}

/**
 * kp_escape_line:
 * @text: (nullable): a whole message
 *
 * @text as one line: control characters escaped as kp_quote_value() does, nothing cut.
 *
 * Returns: (transfer full): the line
 */
char *
kp_escape_line (const char *text)
{
  return escape (text, -1);
}
