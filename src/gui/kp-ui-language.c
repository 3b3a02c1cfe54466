/* kp-ui-language.c — the language of the window: the desktop's, or the user's own choice
 *
 * The choice is the GSettings key "ui-language" ("" follows the desktop). It is applied by
 * setting $LANGUAGE once at startup, before any string is translated; gettext reads it from
 * there. Whatever the language, Bokmål comes before English for what a catalogue lacks: the
 * Lule and South Sami catalogues hold little beyond the brochure's words, and a Sami or Nynorsk
 * reader is better served by Bokmål than by English.
 *
 * Brochures and plan documents are not affected: their language is the course's (kp-doc-language).
 * The window's dates take their weekday and month names from that language's document catalogue
 * (kp_ui_language_format_date), not from LC_TIME: most machines have no Sami or Nynorsk locale.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-ui-language"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <libintl.h>
#include <string.h>

#include "kp-doc-language.h"
#include "kp-ui-language.h"

typedef struct
{
  const char *code;   /* "" follows the desktop */
  const char *name;   /* the language's own name; NULL: translated "Follow the system" */
} Choice;

static const Choice choices[] = {
  { "", NULL },
  { "nb", "Norsk bokmål" },
  { "nn", "Norsk nynorsk" },
  { "se", "Davvisámegiella" },
};

/* The languages Kursplan has a catalogue for (po/LINGUAS), and which may stand in $LANGUAGE. */
static const char * const known_languages[] = { "nb", "nn", "se", "smj", "sma", NULL };

guint
kp_ui_language_get_n_choices (void)
{
  return G_N_ELEMENTS (choices);
}

const char *
kp_ui_language_get_choice_code (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (choices), NULL);
  return choices[index].code;
}

const char *
kp_ui_language_get_choice_name (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (choices), NULL);
  if (choices[index].name == NULL)
    return _("Follow the system");
  return choices[index].name;
}

/* Returns: the index of @code among the choices; 0 (follow the system) for one not offered. */
guint
kp_ui_language_find_choice (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    if (g_strcmp0 (choices[i].code, code) == 0)
      return i;
  return 0;
}

static gboolean
is_norwegian_or_sami (const char *name)
{
  for (guint i = 0; known_languages[i] != NULL; i++)
    {
      gsize len = strlen (known_languages[i]);

      /* "nn", "nn_NO", "nn_NO.UTF-8", "se_NO@euro" */
      if (strncmp (name, known_languages[i], len) == 0
          && (name[len] == '\0' || name[len] == '_' || name[len] == '.' || name[len] == '@'))
        return TRUE;
    }
  return g_str_has_prefix (name, "no") && (name[2] == '\0' || name[2] == '_' || name[2] == '.');
}

/**
 * kp_ui_language_build_language:
 * @code: (nullable): the chosen language, or "" or %NULL to follow the system
 * @system_languages: the desktop's languages, most wanted first, as g_get_language_names()
 *
 * Returns: (transfer full) (nullable): the value for $LANGUAGE — "nn:nb", "smj:nb" — or %NULL to
 *   leave the environment as it is (an English or other desktop, or one that names Bokmål already)
 */
char *
kp_ui_language_build_language (const char         *code,
                               const char * const *system_languages)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) languages = NULL;

  if (code != NULL && *code != '\0' && g_strv_contains (known_languages, code))
    return g_strcmp0 (code, "nb") == 0 ? g_strdup ("nb") : g_strconcat (code, ":nb", NULL);

  if (system_languages == NULL || system_languages[0] == NULL)
    return NULL;
  if (!is_norwegian_or_sami (system_languages[0]))
    return NULL;

  builder = g_strv_builder_new ();
  for (guint i = 0; system_languages[i] != NULL; i++)
    {
      const char *name = system_languages[i];

      if (g_strcmp0 (name, "C") == 0 || g_strcmp0 (name, "POSIX") == 0)
        continue;
      if (g_strcmp0 (name, "nb") == 0 || g_str_has_prefix (name, "nb_"))
        return NULL;  /* Bokmål is named already */
      g_strv_builder_add (builder, name);
    }
  g_strv_builder_add (builder, "nb");
  languages = g_strv_builder_end (builder);
  return g_strjoinv (":", languages);
}

static char *
read_preference (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "ui-language"))
    return NULL;
  settings = g_settings_new (APP_ID);
  return g_settings_get_string (settings, "ui-language");
}

/**
 * kp_ui_language_apply:
 * @use_preference: whether the user's choice in Preferences counts (the window) or only the
 *   environment (the command line)
 *
 * Sets $LANGUAGE for the rest of the process. Call before setlocale() and before anything is
 * translated.
 */
void
kp_ui_language_apply (gboolean use_preference)
{
  g_autofree char *preference = NULL;
  g_autofree char *language = NULL;
  g_auto(GStrv) system_languages = NULL;
  const char *env;

  if (use_preference)
    preference = read_preference ();

  /* g_get_language_names() caches its answer, and depends on a locale not yet set: read the
   * environment as gettext will. */
  env = g_getenv ("LANGUAGE");
  if (env == NULL || *env == '\0')
    env = g_getenv ("LC_ALL");
  if (env == NULL || *env == '\0')
    env = g_getenv ("LC_MESSAGES");
  if (env == NULL || *env == '\0')
    env = g_getenv ("LANG");
  system_languages = g_strsplit (env != NULL ? env : "", ":", -1);

  language = kp_ui_language_build_language (preference, (const char * const *) system_languages);
  if (language != NULL)
    g_setenv ("LANGUAGE", language, TRUE);
}

/* The languages the window is offered in: their catalogues are complete, date patterns too. */
static gboolean
is_offered (const char *code)
{
  for (guint i = 1; i < G_N_ELEMENTS (choices); i++)
    if (g_strcmp0 (choices[i].code, code) == 0)
      return TRUE;
  return FALSE;
}

/**
 * kp_ui_language_get_dates_language:
 *
 * Which language the window's dates are written in: the one whose catalogue gettext actually
 * uses now (the catalogue's own header says), whatever the locales installed. Lule and South
 * Sami catalogues do not translate the window's date patterns, so those come from Bokmål, the
 * language kp_ui_language_build_language() puts behind them; their names must match.
 *
 * Returns: (transfer none) (nullable): the language, or %NULL for English or a language
 *   Kursplan has no catalogue for (then the C library's names are right)
 */
const KpDocLanguage *
kp_ui_language_get_dates_language (void)
{
  /* The empty msgid asks for the catalogue's header; a variable keeps xgettext from taking it
   * for a message. */
  static const char header_msgid[] = "";
  const char *header = dgettext (GETTEXT_PACKAGE, header_msgid);
  const char *field = header != NULL ? strstr (header, "Language: ") : NULL;
  g_autofree char *code = NULL;

  if (field == NULL)
    return NULL;
  field += strlen ("Language: ");
  code = g_strndup (field, strcspn (field, "_.@\n"));
  if (is_offered (code))
    return kp_doc_language_lookup (code);
  if (g_strv_contains (known_languages, code))
    return kp_doc_language_lookup ("nb");
  return NULL;
}

/**
 * kp_ui_language_format_date:
 * @time: the time to write
 * @pattern: a g_date_time_format() pattern, as the catalogue translates it
 *
 * g_date_time_format() with the window's language's own weekday and month names: Sami names in
 * a Sami window on a machine with no Sami locale.
 *
 * Returns: (transfer full): the text
 */
char *
kp_ui_language_format_date (GDateTime  *time,
                            const char *pattern)
{
  g_return_val_if_fail (time != NULL, NULL);
  g_return_val_if_fail (pattern != NULL, NULL);

  return kp_doc_language_format_date_time (kp_ui_language_get_dates_language (), time, pattern);
}
