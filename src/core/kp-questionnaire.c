/* kp-questionnaire.c — the participants' evaluation form: the standard questions with stable keys,
 * their texts in the UI language and in the document languages, and the group's own questions
 *
 * A group's own question has no catalogue entry: its key is its text, as the group wrote it.
 * North Sami texts (se) need a native speaker's review before a release, as DOMAIN.md's glossary;
 * Lule and South Sami forms fall back to Bokmål, with a note saying so, until reviewed texts
 * exist. The midway form asks in the present ("so far"), never about "after the course".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-questionnaire"

#include "config.h"

#include "kp-i18n.h"
#include "kp-questionnaire.h"

typedef struct
{
  const char *key;
  const char *label;   /* English msgid, for the UI */
  const char *nb;
  const char *nn;
  const char *se;
  /* The midway form's wording, or NULL when the final one fits the middle of a course too. */
  const char *midway_nb;
  const char *midway_nn;
  const char *midway_se;   /* † review */
} KpQuestion;

static const KpQuestion questions[] = {
  { "usefulness",
    N_("How useful was the course for you?"),
    "Hvor nyttig var kurset for deg?",
    "Kor nyttig var kurset for deg?",
    "Man ávkkálaš lei kursa dutnje?",
    "Hvor nyttig er kurset for deg så langt?",
    "Kor nyttig er kurset for deg så langt?",
    "Man ávkkálaš lea kursa leamaš dutnje dássážii?" },
  { "sharing",
    N_("How much did it give you to meet and share with others in a similar situation?"),
    "Hvor mye ga det deg å møte og dele erfaringer med andre i samme situasjon?",
    "Kor mykje gav det deg å møte og dele erfaringar med andre i same situasjon?",
    "Man olu attii dutnje deaivvadit ja juogadit vásáhusaid earáiguin geat leat seamma dilis?",
    "Hvor mye har det gitt deg så langt å møte og dele erfaringer med andre i samme situasjon?",
    "Kor mykje har det gitt deg så langt å møte og dele erfaringar med andre i same situasjon?",
    "Man olu lea dutnje addán dássážii deaivvadit ja juogadit vásáhusaid earáiguin geat leat "
    "seamma dilis?" },
  { "user_talks",
    N_("How useful were the user representatives’ talks?"),
    "Hvor nyttige var innleggene fra brukerrepresentantene?",
    "Kor nyttige var innlegga frå brukarrepresentantane?",
    "Man ávkkálaččat ledje geavaheaddjiovddasteddjiid sáhkavuorut?",
    "Hvor nyttige har innleggene fra brukerrepresentantene vært så langt?",
    "Kor nyttige har innlegga frå brukarrepresentantane vore så langt?",
    "Man ávkkálaččat leat geavaheaddjiovddasteddjiid sáhkavuorut leamaš dássážii?" },
  { "professional_talks",
    N_("How useful were the professionals’ talks?"),
    "Hvor nyttige var innleggene fra fagpersonene?",
    "Kor nyttige var innlegga frå fagpersonane?",
    "Man ávkkálaččat ledje fágaolbmuid sáhkavuorut?",
    "Hvor nyttige har innleggene fra fagpersonene vært så langt?",
    "Kor nyttige har innlegga frå fagpersonane vore så langt?",
    "Man ávkkálaččat leat fágaolbmuid sáhkavuorut leamaš dássážii?" },
  { "coping",
    N_("Do you feel better able to cope with everyday life after the course?"),
    "Føler du deg bedre i stand til å mestre hverdagen etter kurset?",
    "Kjenner du deg betre i stand til å meistre kvardagen etter kurset?",
    "Dovdetgo ahte birget buorebut beaivválaš eallimiin kurssa maŋŋá?",
    "Føler du deg bedre i stand til å mestre hverdagen nå enn før kurset begynte?",
    "Kjenner du deg betre i stand til å meistre kvardagen no enn før kurset starta?",
    "Dovdetgo ahte birget buorebut beaivválaš eallimiin dál go ovdal go kursa álggii?" },
  { "practical",
    N_("How satisfied are you with the practical arrangements (place, time, food)?"),
    "Hvor fornøyd er du med det praktiske (sted, tid, servering)?",
    "Kor nøgd er du med det praktiske (stad, tid, servering)?",
    "Man duhtavaš leat praktihkalaš ordnemiiguin (báiki, áigi, biebmu)?",
    NULL, NULL, NULL },
  { KP_QUESTION_MATTERED_MOST,
    N_("What mattered most to you?"),
    "Hva var viktigst for deg?",
    "Kva var viktigast for deg?",
    "Mii lei deháleamos dutnje?",
    "Hva har vært viktigst for deg så langt?",
    "Kva har vore viktigast for deg så langt?",
    "Mii lea leamaš deháleamos dutnje dássážii?" },
  { KP_QUESTION_CHANGE,
    N_("What should we change?"),
    "Hva bør vi endre?",
    "Kva bør vi endre?",
    "Maid berret mii rievdadit?",
    "Hva bør vi endre i resten av kurset?",
    "Kva bør vi endre i resten av kurset?",
    "Maid berret mii rievdadit kurssa loahppaoasis?" },
};

typedef struct
{
  const char *nb;
  const char *nn;
  const char *se;
} KpFormStrings;

static const KpFormStrings form_texts[KP_FORM_N_TEXTS] = {
  [KP_FORM_TEXT_MIDWAY_TITLE] = { "Midtveisevaluering", "Midtvegsevaluering",
                                  "Gaskaárvvoštallan" },
  [KP_FORM_TEXT_FINAL_TITLE]  = { "Sluttevaluering", "Sluttevaluering",
                                  "Loahpa árvvoštallan" },
  [KP_FORM_TEXT_ANONYMOUS]    = { "Skjemaet er anonymt. Ikke skriv navnet ditt på det.",
                                  "Skjemaet er anonymt. Ikkje skriv namnet ditt på det.",
                                  "Skovvi lea anonyma. Ale čále nama dasa." },
  [KP_FORM_TEXT_SCALE_HELP]   = { "Sett ett kryss for hvert spørsmål: 1 betyr svært lite, "
                                  "5 betyr svært mye.",
                                  "Set eitt kryss for kvart spørsmål: 1 tyder svært lite, "
                                  "5 tyder svært mykje.",
                                  "Merke juohke gažaldaga: 1 mearkkaša hui unnán, "
                                  "5 mearkkaša hui olu." },
  [KP_FORM_TEXT_SCALE_LOW]    = { "svært lite", "svært lite", "hui unnán" },
  [KP_FORM_TEXT_SCALE_HIGH]   = { "svært mye", "svært mykje", "hui olu" },
  [KP_FORM_TEXT_THANKS]       = { "Takk for at du svarte!", "Takk for at du svara!",
                                  "Giitu go vástidit!" },
  /* North Sami below: † review */
  [KP_FORM_TEXT_SCALE_HELP_0_10] = { "Sett ett kryss for hvert spørsmål: 0 betyr ikke i det hele "
                                     "tatt, 10 betyr svært mye.",
                                     "Set eitt kryss for kvart spørsmål: 0 tyder ikkje i det "
                                     "heile, 10 tyder svært mykje.",
                                     "Merke juohke gažaldaga: 0 mearkkaša ii obanassiige, "
                                     "10 mearkkaša hui olu." },
  [KP_FORM_TEXT_SCALE_LOW_0_10]  = { "ikke i det hele tatt", "ikkje i det heile",
                                     "ii obanassiige" },
  [KP_FORM_TEXT_ROLE_QUESTION]   = { "Er du pasient eller pårørende?",
                                     "Er du pasient eller pårørande?",
                                     "Leatgo divššohas vai oapmahaš?" },
  [KP_FORM_TEXT_PATIENT]         = { "pasient", "pasient", "divššohas" },
  [KP_FORM_TEXT_RELATIVE]        = { "pårørende", "pårørande", "oapmahaš" },
};

static const KpQuestion *
find_question (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (questions); i++)
    if (g_strcmp0 (questions[i].key, key) == 0)
      return &questions[i];
  return NULL;
}

/* nb, nn and se have texts of their own; smj and sma are printed in Bokmål until reviewed. */
static const char *
pick (const char *language,
      const char *nb,
      const char *nn,
      const char *se)
{
  if (g_strcmp0 (language, "nn") == 0)
    return nn;
  if (g_strcmp0 (language, "se") == 0)
    return se;
  return nb;
}

/**
 * kp_questionnaire_get_standard_keys:
 *
 * Returns: (transfer none): the keys of the standard questions, scale questions first, in the
 *   order a form asks them
 */
const char * const *
kp_questionnaire_get_standard_keys (void)
{
  static const char * const keys[] = {
    "usefulness", "sharing", "user_talks", "professional_talks", "coping", "practical",
    KP_QUESTION_MATTERED_MOST, KP_QUESTION_CHANGE, NULL
  };

  return keys;
}

gboolean
kp_questionnaire_is_standard (const char *key)
{
  return find_question (key) != NULL;
}

KpQuestionKind
kp_questionnaire_get_kind (const char *key)
{
  if (g_strcmp0 (key, KP_QUESTION_MATTERED_MOST) == 0 || g_strcmp0 (key, KP_QUESTION_CHANGE) == 0)
    return KP_QUESTION_TEXT;
  return KP_QUESTION_SCALE;
}

/**
 * kp_questionnaire_get_label:
 * @key: a question key; a group's own question is its own text
 *
 * Returns: (transfer none): the question in the UI language
 */
const char *
kp_questionnaire_get_label (const char *key)
{
  const KpQuestion *question = find_question (key);

  g_return_val_if_fail (key != NULL, NULL);

  return question != NULL ? _(question->label) : key;
}

/**
 * kp_questionnaire_get_doc_label:
 * @language: a document language such as "nn"
 *
 * Returns: (transfer none): the question as a printed form in @language asks it
 */
const char *
kp_questionnaire_get_doc_label (const char *key,
                                const char *language)
{
  const KpQuestion *question = find_question (key);

  g_return_val_if_fail (key != NULL, NULL);

  if (question == NULL)
    return key;
  return pick (language, question->nb, question->nn, question->se);
}

/**
 * kp_questionnaire_get_form_label:
 * @kind: %KP_EVALUATION_MIDWAY or %KP_EVALUATION_FINAL
 * @language: a document language such as "nn"
 *
 * Returns: (transfer none): the question as the printed form of @kind asks it: in the middle of
 *   a course, about the course so far
 */
const char *
kp_questionnaire_get_form_label (const char       *key,
                                 KpEvaluationKind  kind,
                                 const char       *language)
{
  const KpQuestion *question = find_question (key);

  g_return_val_if_fail (key != NULL, NULL);

  if (question == NULL || kind != KP_EVALUATION_MIDWAY || question->midway_nb == NULL)
    return kp_questionnaire_get_doc_label (key, language);
  return pick (language, question->midway_nb, question->midway_nn, question->midway_se);
}

/**
 * kp_questionnaire_get_fallback_note:
 * @language: a document language
 *
 * Returns: (transfer none) (nullable): for Lule and South Sami, whose forms are printed in
 *   Bokmål until their texts exist, a note in Bokmål that says so; %NULL for nb, nn and se
 */
const char *
kp_questionnaire_get_fallback_note (const char *language)
{
  if (g_strcmp0 (language, "smj") == 0)
    return "Skjemaet finnes ennå ikke på lulesamisk, derfor er det på bokmål.";
  if (g_strcmp0 (language, "sma") == 0)
    return "Skjemaet finnes ennå ikke på sørsamisk, derfor er det på bokmål.";
  return NULL;
}

const char *
kp_questionnaire_get_form_text (KpFormText  text,
                                const char *language)
{
  g_return_val_if_fail (text < KP_FORM_N_TEXTS, NULL);

  return pick (language, form_texts[text].nb, form_texts[text].nn, form_texts[text].se);
}

/**
 * kp_questionnaire_dup_scale_keys:
 * @course: (nullable): a course whose evaluations may hold questions of the group's own
 *
 * Returns: (transfer full): the standard scale questions, then the group's own questions in the
 *   order they first appear in the course's midway and final evaluations
 */
char **
kp_questionnaire_dup_scale_keys (KpCourse *course)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const char * const *keys = kp_questionnaire_get_standard_keys ();
  g_autoptr(GPtrArray) own = g_ptr_array_new_with_free_func (g_free);
  GListModel *evaluations;

  for (guint i = 0; keys[i] != NULL; i++)
    if (kp_questionnaire_get_kind (keys[i]) == KP_QUESTION_SCALE)
      {
        g_strv_builder_add (builder, keys[i]);
        g_hash_table_add (seen, (gpointer) keys[i]);
      }

  if (course != NULL)
    {
      evaluations = kp_course_get_evaluations (course);
      for (guint i = 0; i < g_list_model_get_n_items (evaluations); i++)
        {
          g_autoptr(KpEvaluation) evaluation = g_list_model_get_item (evaluations, i);
          g_auto(GStrv) asked = NULL;

          if (kp_evaluation_get_kind (evaluation) == KP_EVALUATION_MEETING)
            continue;
          asked = kp_evaluation_dup_questions (evaluation);
          for (guint j = 0; asked[j] != NULL; j++)
            if (!g_hash_table_contains (seen, asked[j]) &&
                kp_questionnaire_get_kind (asked[j]) == KP_QUESTION_SCALE)
              {
                char *key = g_strdup (asked[j]);

                g_ptr_array_add (own, key);
                g_hash_table_add (seen, key);
              }
        }
    }
  for (guint i = 0; i < own->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (own, i));
  return g_strv_builder_end (builder);
}
