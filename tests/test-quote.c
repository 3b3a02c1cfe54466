/* test-quote.c — values quoted in messages stay one short, harmless line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "kp-quote.h"

static void
test_short_values_unchanged (void)
{
  g_autofree char *plain = kp_quote_value ("Pårørendeskole – čoahkkin ŋ");
  g_autofree char *empty = kp_quote_value ("");
  g_autofree char *none = kp_quote_value (NULL);
  g_autofree char *backslash = kp_quote_value ("C:\\kurs");

  g_assert_cmpstr (plain, ==, "Pårørendeskole – čoahkkin ŋ");
  g_assert_cmpstr (empty, ==, "");
  g_assert_cmpstr (none, ==, "");
  g_assert_cmpstr (backslash, ==, "C:\\kurs");
}

static void
test_controls_escaped (void)
{
  g_autofree char *fake = kp_quote_value ("lege\n\x1b[2JImported “Kurs”\r\tx\x7f");
  g_autofree char *c1 = kp_quote_value ("a\xc2\x9b" "31mb");
  g_autofree char *bidi = kp_quote_value ("abc\xe2\x80\xae" "fdp.exe\xe2\x80\xa8");

  g_assert_cmpstr (fake, ==, "lege\\n\\x1b[2JImported “Kurs”\\r\\tx\\x7f");
  g_assert_cmpstr (c1, ==, "a\\u009b31mb");
  g_assert_cmpstr (bidi, ==, "abc\\u202efdp.exe\\u2028");
}

static void
test_long_values_shortened (void)
{
  g_autofree char *big = g_strnfill (4 * 1024 * 1024, 'x');
  g_autofree char *quoted = kp_quote_value (big);
  g_autofree char *exact = g_strnfill (KP_QUOTE_MAX_CHARS, 'y');
  g_autofree char *exact_quoted = kp_quote_value (exact);
  g_autoptr(GString) sami = g_string_new (NULL);
  g_autofree char *sami_quoted = NULL;
  g_autoptr(GString) controls = g_string_new (NULL);
  g_autofree char *controls_quoted = NULL;

  /* 80 characters, then the ellipsis. */
  g_assert_cmpuint (g_utf8_strlen (quoted, -1), ==, KP_QUOTE_MAX_CHARS + 1);
  g_assert_true (g_str_has_suffix (quoted, "x…"));
  /* Exactly 80 is not cut. */
  g_assert_cmpstr (exact_quoted, ==, exact);

  /* Two-byte letters are kept whole: 80 letters, not 80 bytes. */
  for (guint i = 0; i < 100; i++)
    g_string_append (sami, "š");
  sami_quoted = kp_quote_value (sami->str);
  g_assert_true (g_utf8_validate (sami_quoted, -1, NULL));
  g_assert_cmpuint (g_utf8_strlen (sami_quoted, -1), ==, KP_QUOTE_MAX_CHARS + 1);
  g_assert_true (g_str_has_prefix (sami_quoted, "šššš"));

  /* An escape is never cut in half: 20 × "\x1b" is 80 characters; one more does not fit. */
  for (guint i = 0; i < 21; i++)
    g_string_append_c (controls, '\x1b');
  controls_quoted = kp_quote_value (controls->str);
  g_assert_cmpuint (strlen (controls_quoted), ==, 20 * 4 + strlen ("…"));
  g_assert_true (g_str_has_suffix (controls_quoted, "\\x1b…"));
}

static void
test_invalid_utf8_replaced (void)
{
  g_autofree char *quoted = kp_quote_value ("rolle\xff\xfe" "x");

  g_assert_true (g_utf8_validate (quoted, -1, NULL));
  g_assert_cmpstr (quoted, ==, "rolle\xef\xbf\xbd\xef\xbf\xbdx");
}

static void
test_escape_line_keeps_length (void)
{
  g_autofree char *big = g_strnfill (500, 'z');
  g_autofree char *line = kp_escape_line (big);
  g_autofree char *two = kp_escape_line ("one\ntwo");

  g_assert_cmpstr (line, ==, big);
  g_assert_cmpstr (two, ==, "one\\ntwo");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/quote/short-values-unchanged", test_short_values_unchanged);
  g_test_add_func ("/quote/controls-escaped", test_controls_escaped);
  g_test_add_func ("/quote/long-values-shortened", test_long_values_shortened);
  g_test_add_func ("/quote/invalid-utf8-replaced", test_invalid_utf8_replaced);
  g_test_add_func ("/quote/escape-line-keeps-length", test_escape_line_keeps_length);

  return g_test_run ();
}
