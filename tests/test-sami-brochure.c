/* test-sami-brochure.c — the Lule and South Sami document catalogues (issue #6): every label,
 * role name and kind of contribution is the language's own (drafts, †, kp-doc-language.c), and
 * po/smj.po and po/sma.po use the same words where the window shows them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "kp-doc-language.h"
#include "kp-enums.h"

/* The msgid → msgstr pairs of a catalogue's one-line, context-free messages: enough for the
 * short words compared here (a message with a msgctxt or a plural is left out). */
static GHashTable *
read_catalogue (const char *code)
{
  g_autofree char *name = g_strconcat (code, ".po", NULL);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GHashTable *messages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *root = g_getenv ("KURSPLAN_SOURCE_ROOT");

  g_assert_nonnull (root);
  path = g_build_filename (root, "po", name, NULL);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 1; lines[i] != NULL && lines[i + 1] != NULL; i++)
    {
      const char *msgid = lines[i];
      const char *msgstr = lines[i + 1];

      if (!g_str_has_prefix (msgid, "msgid \"") || !g_str_has_prefix (msgstr, "msgstr \"")
          || !g_str_has_suffix (msgid, "\"") || !g_str_has_suffix (msgstr, "\"")
          || g_str_has_prefix (lines[i - 1], "msgctxt "))
        continue;
      g_hash_table_insert (messages,
                           g_strndup (msgid + 7, strlen (msgid) - 8),
                           g_strndup (msgstr + 8, strlen (msgstr) - 9));
    }
  return messages;
}

static void
assert_same_word (const char *code,
                  const char *msgid,
                  const char *translated,
                  const char *document)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (translated == NULL || *translated == '\0')
    g_error ("%s.po does not translate “%s”; the brochure says “%s”", code, msgid, document);
  /* The window capitalises a role name; the brochure writes it inside a sentence. */
  a = g_utf8_casefold (translated, -1);
  b = g_utf8_casefold (document, -1);
  if (g_strcmp0 (a, b) != 0)
    g_error ("%s: the window says “%s” for “%s”, the brochure “%s”", code, translated, msgid,
             document);
}

/* No label, role name or kind falls back to Bokmål. */
static void
test_everything_in_the_language (gconstpointer data)
{
  const KpDocLanguage *self = kp_doc_language_lookup (data);
  const KpDocLanguage *nb = kp_doc_language_lookup ("nb");

  for (KpDocLabel label = 0; label < KP_DOC_N_LABELS; label++)
    g_assert_cmpstr (kp_doc_language_get_label (self, label), !=,
                     kp_doc_language_get_label (nb, label));
  for (KpRole role = 0; role <= KP_ROLE_COORDINATOR; role++)
    {
      /* The peer volunteer keeps the Norwegian "likeperson" in every Sami language: no Sami
       * term is known to us (se does the same). */
      if (role == KP_ROLE_PEER)
        {
          g_assert_cmpstr (kp_doc_language_get_role (self, role), ==, "likeperson");
          continue;
        }
      g_assert_cmpstr (kp_doc_language_get_role (self, role), !=,
                       kp_doc_language_get_role (nb, role));
    }
  for (KpContributionKind kind = 0; kind <= KP_CONTRIBUTION_BREAK; kind++)
    g_assert_cmpstr (kp_doc_language_get_contribution_kind (self, kind), !=,
                     kp_doc_language_get_contribution_kind (nb, kind));
}

static void
test_lule_sami_words (void)
{
  const KpDocLanguage *smj = kp_doc_language_lookup ("smj");

  g_assert_cmpstr (kp_doc_language_get_label (smj, KP_DOC_LABEL_FOR_WHOM), ==, "Gesi kurssa la?");
  g_assert_cmpstr (kp_doc_language_get_label (smj, KP_DOC_LABEL_WHAT_YOU_GET), ==,
                   "Majt dån oattjo?");
  g_assert_cmpstr (kp_doc_language_get_label (smj, KP_DOC_LABEL_PROGRAMME), ==, "Prográmma");
  g_assert_cmpstr (kp_doc_language_get_label (smj, KP_DOC_LABEL_REGISTRATION), ==, "Diededibme");
  g_assert_cmpstr (kp_doc_language_get_label (smj, KP_DOC_LABEL_DEADLINE), ==,
                   "Diededimájggemierre");
  g_assert_cmpstr (kp_doc_language_get_label (smj, KP_DOC_LABEL_PAGE), ==, "Sijddo");
  g_assert_cmpstr (kp_doc_language_get_role (smj, KP_ROLE_COURSE_LEADER), ==, "kurssajådediddje");
  g_assert_cmpstr (kp_doc_language_get_role (smj, KP_ROLE_USER_REPRESENTATIVE), ==,
                   "adnijåvdåstiddje");
  g_assert_cmpstr (kp_doc_language_get_contribution_kind (smj, KP_CONTRIBUTION_BREAK), ==,
                   "Båddå");
}

static void
test_south_sami_words (void)
{
  const KpDocLanguage *sma = kp_doc_language_lookup ("sma");

  g_assert_cmpstr (kp_doc_language_get_label (sma, KP_DOC_LABEL_FOR_WHOM), ==, "Gïese kuvsje?");
  g_assert_cmpstr (kp_doc_language_get_label (sma, KP_DOC_LABEL_WHAT_YOU_GET), ==,
                   "Maam datne åadtjoeh?");
  g_assert_cmpstr (kp_doc_language_get_label (sma, KP_DOC_LABEL_PROGRAMME), ==, "Programme");
  g_assert_cmpstr (kp_doc_language_get_label (sma, KP_DOC_LABEL_ORGANISER), ==, "Øørnedæjja");
  g_assert_cmpstr (kp_doc_language_get_label (sma, KP_DOC_LABEL_DEADLINE), ==,
                   "Mïnngemes biejjie registreradidh");
  g_assert_cmpstr (kp_doc_language_get_label (sma, KP_DOC_LABEL_PAGE), ==, "Sæjroe");
  g_assert_cmpstr (kp_doc_language_get_role (sma, KP_ROLE_COURSE_LEADER), ==, "kuvsjen åvtehke");
  g_assert_cmpstr (kp_doc_language_get_role (sma, KP_ROLE_PROFESSIONAL), ==, "faagealmetje");
  g_assert_cmpstr (kp_doc_language_get_contribution_kind (sma, KP_CONTRIBUTION_SHARING), ==,
                   "Dååjrehtsi joekedimmie");
}

/* The window (po/CODE.po) and the brochure (kp-doc-language.c) say the same word. */
static void
test_catalogue_agrees_with_the_brochure (gconstpointer data)
{
  const char *code = data;
  const KpDocLanguage *self = kp_doc_language_lookup (code);
  g_autoptr(GHashTable) po = read_catalogue (code);
  struct {
    const char *msgid;
    KpDocLabel  label;
  } labels[] = {
    { "Cancelled", KP_DOC_LABEL_CANCELLED },
    { "Page", KP_DOC_LABEL_PAGE },
    { "Place", KP_DOC_LABEL_PLACE },
    { "Price", KP_DOC_LABEL_PRICE },
    { "Registration", KP_DOC_LABEL_REGISTRATION },
    { "Organiser", KP_DOC_LABEL_ORGANISER },
    { "Partners", KP_DOC_LABEL_PARTNERS },
    { "Good to Know", KP_DOC_LABEL_CONDITIONS },
  };

  g_assert_cmpuint (g_hash_table_size (po), >, 100);
  /* The test runs untranslated (LANGUAGE is empty): kp_role_get_label() gives the msgid. */
  for (KpRole role = 0; role <= KP_ROLE_COORDINATOR; role++)
    {
      const char *msgid = kp_role_get_label (role);
      assert_same_word (code, msgid, g_hash_table_lookup (po, msgid),
                        kp_doc_language_get_role (self, role));
    }
  for (KpContributionKind kind = 0; kind <= KP_CONTRIBUTION_BREAK; kind++)
    {
      const char *msgid = kp_contribution_kind_get_label (kind);
      assert_same_word (code, msgid, g_hash_table_lookup (po, msgid),
                        kp_doc_language_get_contribution_kind (self, kind));
    }
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    assert_same_word (code, labels[i].msgid, g_hash_table_lookup (po, labels[i].msgid),
                      kp_doc_language_get_label (self, labels[i].label));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/sami-brochure/smj/everything-in-the-language", "smj",
                        test_everything_in_the_language);
  g_test_add_data_func ("/sami-brochure/sma/everything-in-the-language", "sma",
                        test_everything_in_the_language);
  g_test_add_func ("/sami-brochure/smj/words", test_lule_sami_words);
  g_test_add_func ("/sami-brochure/sma/words", test_south_sami_words);
  g_test_add_data_func ("/sami-brochure/smj/po-agrees", "smj",
                        test_catalogue_agrees_with_the_brochure);
  g_test_add_data_func ("/sami-brochure/sma/po-agrees", "sma",
                        test_catalogue_agrees_with_the_brochure);

  return g_test_run ();
}
