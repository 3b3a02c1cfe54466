/* kp-method.c — Standard metode's seven steps, and what each step of a course still needs
 *
 * The checklist is a pure function of the course, the rules and the day it is judged on: the
 * same course gives the same list. Items that cannot be due yet (attendance before any session
 * was held, the evaluation meeting before the course ended) are left out rather than counted as
 * missing, so a well-planned course scores full marks while it is still being planned.
 *
 * Each check is required or recommended, declared once in the table of checks below: a plan is
 * complete when every requirement is met, and a recommendation unmet is listed as advice. No
 * member without a name counts for anything: a blank placeholder row is not yet a person.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-method"

#include "config.h"

#include "kp-i18n.h"
#include "kp-method.h"
#include "kp-time.h"

/* The evaluation meeting is held about two weeks after the last session (DOMAIN.md, step 7). */
#define EVALUATION_MEETING_DAYS 14

static const struct
{
  const char *title;
  const char *guidance;
} steps[KP_N_STEPS] = {
  [KP_STEP_NEED] = {
    N_("Need and Anchoring"),
    N_("Why this course? Write down the need that users, professionals or national guidance "
       "have reported, who the course is for, and that the management supports it. Where the "
       "hospital and the municipality run it together, name the cooperation agreement.") },
  [KP_STEP_GROUP] = {
    N_("Planning Group"),
    N_("Users and professionals plan the course together, on equal footing. Preferably two or "
       "more experienced user representatives take part, with the professionals and the course "
       "leader, in every planning meeting.") },
  [KP_STEP_GOALS] = {
    N_("Goals and Content"),
    N_("The didactic relation model: target group, goals, frame, content, methods and "
       "evaluation depend on each other. Decide them together, and let the goals say what "
       "participants should take home.") },
  [KP_STEP_SESSIONS] = {
    N_("Sessions"),
    N_("Each session has a time and a theme. Most sessions carry a professional’s talk, a "
       "user’s talk about living with it, and time for the participants to share experience "
       "with each other — what they value most.") },
  [KP_STEP_BROCHURE] = {
    N_("Brochure and Registration"),
    N_("The brochure tells patients and relatives who the course is for, what it gives, when "
       "and where it is, what it costs, and how and by when to register.") },
  [KP_STEP_RUNNING] = {
    N_("Running the Course"),
    N_("Users take part in running the course, not only in planning it. After each session the "
       "leaders and contributors sum up how it went and note how many came.") },
  [KP_STEP_EVALUATION] = {
    N_("Evaluation and Revision"),
    N_("Participants evaluate midway and at the end. About two weeks after the last session "
       "the planning group meets, goes through the forms and decides what to change before "
       "the course runs again.") },
};

/* Kursplan's steps under the method's own cycle: plan – run – evaluate. */
static const KpPhase step_phases[KP_N_STEPS] = {
  [KP_STEP_NEED] = KP_PHASE_PLAN,
  [KP_STEP_GROUP] = KP_PHASE_PLAN,
  [KP_STEP_GOALS] = KP_PHASE_PLAN,
  [KP_STEP_SESSIONS] = KP_PHASE_PLAN,
  [KP_STEP_BROCHURE] = KP_PHASE_PLAN,
  [KP_STEP_RUNNING] = KP_PHASE_RUN,
  [KP_STEP_EVALUATION] = KP_PHASE_EVALUATE,
};

static const char * const phase_titles[KP_N_PHASES] = {
  /* Translators: the first phase of Standard metode's cycle (planlegge), a heading over steps */
  [KP_PHASE_PLAN] = NC_("phase of the method", "Plan"),
  /* Translators: the second phase of Standard metode's cycle (gjennomføre) */
  [KP_PHASE_RUN] = NC_("phase of the method", "Run"),
  /* Translators: the third phase of Standard metode's cycle (evaluere) */
  [KP_PHASE_EVALUATE] = NC_("phase of the method", "Evaluate"),
};

/* Every check, with its weight: the one place a check's weight is declared. A requirement is
 * what the method or the brochure cannot do without; a recommendation is what the method says
 * "preferably" or "most" of (DOMAIN.md), or what the brochure may leave out. */
static const struct
{
  const char    *key;
  KpCheckWeight  weight;
} checks[] = {
  { "need", KP_CHECK_REQUIRED },
  { "target-group", KP_CHECK_REQUIRED },
  { "management", KP_CHECK_REQUIRED },
  { "user-representatives", KP_CHECK_REQUIRED },
  { "more-user-representatives", KP_CHECK_RECOMMENDED },
  { "professionals", KP_CHECK_REQUIRED },
  { "users-in-planning", KP_CHECK_REQUIRED },
  { "users-in-meetings", KP_CHECK_RECOMMENDED },
  { "goals", KP_CHECK_REQUIRED },
  { "frame", KP_CHECK_REQUIRED },
  { "content", KP_CHECK_REQUIRED },
  { "methods", KP_CHECK_REQUIRED },
  { "sessions", KP_CHECK_REQUIRED },
  { "time-and-theme", KP_CHECK_REQUIRED },
  { "both-voices", KP_CHECK_RECOMMENDED },
  { "sharing", KP_CHECK_RECOMMENDED },
  { "no-overlap", KP_CHECK_REQUIRED },
  { "place", KP_CHECK_REQUIRED },
  { "capacity", KP_CHECK_RECOMMENDED },       /* not among what a brochure must say */
  { "registration", KP_CHECK_REQUIRED },
  { "users-running", KP_CHECK_REQUIRED },
  { "attendance", KP_CHECK_REQUIRED },
  { "evaluation-planned", KP_CHECK_REQUIRED },
  { "evaluation-meeting", KP_CHECK_REQUIRED },
  { "forms-collected", KP_CHECK_REQUIRED },
  /* conditions that contradict each other make the brochure say something untrue */
  { "travel-refund-needs-referral", KP_CHECK_REQUIRED },
  { "first-day-needs-co-payment", KP_CHECK_REQUIRED },
  { "referral-address-needs-referral", KP_CHECK_REQUIRED },
  /* a deadline after the first session, or last year's carried into a new run */
  { "deadline-timing", KP_CHECK_REQUIRED },
  /* nobody travels to a course on video: Pasientreiser has nothing to refund */
  { "travel-refund-not-digital", KP_CHECK_REQUIRED },
  /* a cancelled course's checklist closes: this is its one item, met */
  { "cancelled", KP_CHECK_REQUIRED },
  /* past the deadline, fewer registered than the minimum: run with fewer, or cancel */
  { "registration-minimum", KP_CHECK_REQUIRED },
};

/**
 * kp_method_rules_init:
 *
 * Fills @rules with the method's defaults: one user representative required, two recommended
 * (DOMAIN.md: no source sets a hard minimum; a centre may adjust the rule).
 */
void
kp_method_rules_init (KpMethodRules *rules)
{
  g_return_if_fail (rules != NULL);

  rules->min_user_representatives = 1;
  rules->recommended_user_representatives = 2;
}

/**
 * kp_step_get_title:
 *
 * Returns: the step's translated title ("Planning Group")
 */
const char *
kp_step_get_title (KpStep step)
{
  g_return_val_if_fail (step < KP_N_STEPS, NULL);
  return _(steps[step].title);
}

/**
 * kp_step_get_guidance:
 *
 * Returns: what Standard metode asks of the group in this step, translated
 */
const char *
kp_step_get_guidance (KpStep step)
{
  g_return_val_if_fail (step < KP_N_STEPS, NULL);
  return _(steps[step].guidance);
}

/**
 * kp_step_get_phase:
 *
 * Returns: the phase of Standard metode's cycle the step belongs to
 */
KpPhase
kp_step_get_phase (KpStep step)
{
  g_return_val_if_fail (step < KP_N_STEPS, KP_PHASE_PLAN);
  return step_phases[step];
}

/**
 * kp_phase_get_title:
 *
 * Returns: the phase's translated title ("Plan")
 */
const char *
kp_phase_get_title (KpPhase phase)
{
  g_return_val_if_fail (phase < KP_N_PHASES, NULL);
  return g_dpgettext2 (GETTEXT_PACKAGE, "phase of the method", phase_titles[phase]);
}

/**
 * kp_method_get_cycle_note:
 *
 * Returns: the translated sentence that places Kursplan's seven steps in the method's cycle
 */
const char *
kp_method_get_cycle_note (void)
{
  return _("Standard metode works in a cycle: plan, run, evaluate. The seven steps are "
           "Kursplan’s guide through it.");
}

/**
 * kp_check_item_get_mark:
 *
 * Returns: "✓" for a check met, "✗" for a requirement unmet, "!" for a recommendation unmet
 */
const char *
kp_check_item_get_mark (const KpCheckItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);
  if (item->met)
    return "✓";
  return item->weight == KP_CHECK_REQUIRED ? "✗" : "!";
}

/**
 * kp_check_item_get_state_label:
 *
 * Returns: what the mark says, translated: "Done", "Required" or "Recommended"
 */
const char *
kp_check_item_get_state_label (const KpCheckItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);
  if (item->met)
    return _("Done");
  /* Translators: a check of the method that is not met and must be */
  return item->weight == KP_CHECK_REQUIRED ? _("Required")
  /* Translators: a check of the method that is not met and is advised */
                                           : _("Recommended");
}

void
kp_check_item_free (KpCheckItem *item)
{
  if (item == NULL)
    return;
  g_free (item->sentence);
  g_free (item);
}

/* Empty, or white space only: nothing written yet. */
static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static void
add_item (GPtrArray  *items,
          KpStep      step,
          const char *key,
          gboolean    met,
          char       *sentence)
{
  KpCheckItem *item = g_new0 (KpCheckItem, 1);
  guint i;

  for (i = 0; i < G_N_ELEMENTS (checks) && g_strcmp0 (checks[i].key, key) != 0; i++)
    ;
  if (i == G_N_ELEMENTS (checks))
    g_critical ("The check “%s” has no line in kp-method.c’s table of checks", key);

  item->step = step;
  item->key = key;
  item->met = met;
  item->sentence = sentence;
  item->weight = i < G_N_ELEMENTS (checks) ? checks[i].weight : KP_CHECK_REQUIRED;
  g_ptr_array_add (items, item);
}

/**
 * kp_method_member_counts:
 *
 * Returns: whether the member counts for the method's checks: a blank placeholder ("Unnamed
 *   member") is not yet a person, and satisfies nothing
 */
gboolean
kp_method_member_counts (KpMember *member)
{
  g_return_val_if_fail (member == NULL || KP_IS_MEMBER (member), FALSE);

  return member != NULL && !is_blank (kp_member_get_name (member));
}

/**
 * kp_method_count_role:
 *
 * Returns: how many members of the planning group hold @role and count (have a name)
 */
guint
kp_method_count_role (KpCourse *course,
                      KpRole    role)
{
  GListModel *members;
  guint n, count = 0;

  g_return_val_if_fail (KP_IS_COURSE (course), 0);

  members = kp_course_get_members (course);
  n = g_list_model_get_n_items (members);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KpMember) member = g_list_model_get_item (members, i);

      if (kp_member_get_role (member) == role && kp_method_member_counts (member))
        count++;
    }
  return count;
}

/**
 * kp_method_role_is_user:
 *
 * Returns: whether the role is on the users' side: user representative, experience consultant
 *   or peer
 */
gboolean
kp_method_role_is_user (KpRole role)
{
  return role == KP_ROLE_USER_REPRESENTATIVE ||
         role == KP_ROLE_EXPERIENCE_CONSULTANT ||
         role == KP_ROLE_PEER;
}

/* Is one of @member_ids a user representative who counts? */
static gboolean
user_representative_among (KpCourse           *course,
                           const char * const *member_ids)
{
  for (guint i = 0; member_ids != NULL && member_ids[i] != NULL; i++)
    {
      KpMember *member = kp_course_find_member (course, member_ids[i]);

      if (member != NULL && kp_member_get_role (member) == KP_ROLE_USER_REPRESENTATIVE &&
          kp_method_member_counts (member))
        return TRUE;
    }
  return FALSE;
}

/**
 * kp_method_users_in_planning:
 *
 * What "users took part in planning" means, in the checklist and in the year's figures alike:
 * a user representative with a name attended at least one of the planning meetings.
 *
 * Returns: whether users took part in planning the course
 */
gboolean
kp_method_users_in_planning (KpCourse *course)
{
  GListModel *meetings;
  guint n;

  g_return_val_if_fail (KP_IS_COURSE (course), FALSE);

  meetings = kp_course_get_meetings (course);
  n = g_list_model_get_n_items (meetings);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KpMeeting) meeting = g_list_model_get_item (meetings, i);

      if (user_representative_among (course, kp_meeting_get_attendees (meeting)))
        return TRUE;
    }
  return FALSE;
}

static gboolean
has_text (KpCourse     *course,
          KpCourseText  text)
{
  return !is_blank (kp_course_get_text (course, text));
}

static gboolean
has_goals (KpCourse *course)
{
  const char * const *goals = kp_course_get_goals (course);

  for (guint i = 0; goals != NULL && goals[i] != NULL; i++)
    if (*goals[i] != '\0')
      return TRUE;
  return FALSE;
}

static gboolean
session_is_planned (KpSession *session)
{
  return kp_session_get_status (session) != KP_SESSION_STATUS_CANCELLED;
}

static gboolean
session_has_time_and_theme (KpSession *session)
{
  const char *title = kp_session_get_title (session);

  return kp_session_get_start (session) != NULL && kp_session_get_minutes (session) > 0 &&
         title != NULL && *title != '\0';
}

static char *
quoted_title (KpSession *session)
{
  const char *title = kp_session_get_title (session);

  if (title == NULL || *title == '\0')
    return g_strdup (_("Untitled session"));
  /* Translators: a session's theme quoted inside a sentence */
  return g_strdup_printf (_("“%s”"), title);
}

/* Does a member on the users' side (user representative, experience consultant, peer) give
 * one of the session's contributions? */
static gboolean
user_contributes (KpCourse  *course,
                  KpSession *session)
{
  GListModel *contributions = kp_session_get_contributions (session);
  guint n = g_list_model_get_n_items (contributions);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KpContribution) contribution = g_list_model_get_item (contributions, i);
      const char *member_id = kp_contribution_get_member_id (contribution);
      KpMember *member = member_id != NULL ? kp_course_find_member (course, member_id) : NULL;

      if (kp_method_member_counts (member) && kp_method_role_is_user (kp_member_get_role (member)))
        return TRUE;
    }
  return FALSE;
}

static void
check_need (KpCourse  *course,
            GPtrArray *items)
{
  gboolean need = has_text (course, KP_COURSE_NEED);
  gboolean target = has_text (course, KP_COURSE_TARGET_GROUP);
  gboolean management = kp_course_get_management (course);

  add_item (items, KP_STEP_NEED, "need", need,
            g_strdup (need ? _("The need for the course is written down.")
                           : _("Write down why the course is needed: what users, professionals "
                               "or national guidance have reported.")));
  add_item (items, KP_STEP_NEED, "target-group", target,
            g_strdup (target ? _("The target group is described.")
                             : _("Describe the target group: who the course is for, patients, "
                                 "relatives or both.")));
  add_item (items, KP_STEP_NEED, "management", management,
            g_strdup (management ? _("The management supports the course.")
                                 : _("Anchor the course with the management, and note that it "
                                     "supports it.")));
}

static void
check_group (KpCourse            *course,
             const KpMethodRules *rules,
             GPtrArray           *items)
{
  guint users = kp_method_count_role (course, KP_ROLE_USER_REPRESENTATIVE);
  guint professionals = kp_method_count_role (course, KP_ROLE_PROFESSIONAL) +
                        kp_method_count_role (course, KP_ROLE_COURSE_LEADER);
  guint wanted = MAX (rules->min_user_representatives, rules->recommended_user_representatives);
  GListModel *meetings = kp_course_get_meetings (course);
  guint n_meetings = g_list_model_get_n_items (meetings);
  guint without_users = 0;
  g_autofree char *without = NULL;
  char *sentence;

  /* The minimum is required; more than that is recommended, and is asked once the minimum is
   * met (until then the requirement's sentence says both). */
  if (users >= rules->min_user_representatives)
    sentence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "The planning group has %u user representative.",
                                             "The planning group has %u user representatives.",
                                             users),
                                users);
  else
    sentence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "The planning group has no user representative yet: "
                                             "at least %u is needed, and preferably %u.",
                                             "The planning group has too few user "
                                             "representatives: at least %u are needed, and "
                                             "preferably %u.",
                                             rules->min_user_representatives),
                                rules->min_user_representatives, wanted);
  add_item (items, KP_STEP_GROUP, "user-representatives",
            users >= rules->min_user_representatives, sentence);

  if (users >= rules->min_user_representatives && wanted > rules->min_user_representatives)
    {
      if (users >= wanted)
        sentence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "The group has the recommended %u or more user "
                                                 "representative.",
                                                 "The group has the recommended %u or more user "
                                                 "representatives.",
                                                 wanted),
                                    wanted);
      else
        sentence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "The planning group has %u user representative; "
                                                 "%u or more are recommended.",
                                                 "The planning group has %u user representatives; "
                                                 "%u or more are recommended.",
                                                 users),
                                    users, wanted);
      add_item (items, KP_STEP_GROUP, "more-user-representatives", users >= wanted, sentence);
    }

  add_item (items, KP_STEP_GROUP, "professionals", professionals > 0,
            g_strdup (professionals > 0
                      ? _("The planning group has professionals or a course leader.")
                      : _("Add the professionals and the course leader to the planning group.")));

  if (n_meetings == 0)
    {
      add_item (items, KP_STEP_GROUP, "users-in-planning", FALSE,
                g_strdup (_("Record the planning meetings and who attended, so the group can "
                            "see that user representatives take part in planning.")));
      return;
    }

  for (guint i = 0; i < n_meetings; i++)
    {
      g_autoptr(KpMeeting) meeting = g_list_model_get_item (meetings, i);

      if (!user_representative_among (course, kp_meeting_get_attendees (meeting)))
        without_users++;
    }

  without = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u of %u planning meetings had no user "
                                          "representative present.",
                                          "%u of %u planning meetings had no user "
                                          "representative present.",
                                          n_meetings),
                             without_users, n_meetings);

  /* Users in planning at all is required (the same test as kp_method_users_in_planning());
   * in every meeting, recommended. */
  if (without_users == n_meetings)
    {
      add_item (items, KP_STEP_GROUP, "users-in-planning", FALSE, g_steal_pointer (&without));
      return;
    }
  add_item (items, KP_STEP_GROUP, "users-in-planning", TRUE,
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "User representatives took part in %u of %u planning "
                                          "meeting.",
                                          "User representatives took part in %u of %u planning "
                                          "meetings.",
                                          n_meetings),
                             n_meetings - without_users, n_meetings));

  if (without_users == 0)
    sentence = g_strdup (_("User representatives took part in every planning meeting."));
  else
    sentence = g_steal_pointer (&without);
  add_item (items, KP_STEP_GROUP, "users-in-meetings", without_users == 0, sentence);
}

static void
check_goals (KpCourse  *course,
             GPtrArray *items)
{
  gboolean goals = has_goals (course);
  gboolean frame = has_text (course, KP_COURSE_FRAME);
  gboolean content = has_text (course, KP_COURSE_CONTENT);
  gboolean methods = has_text (course, KP_COURSE_METHODS);

  add_item (items, KP_STEP_GOALS, "goals", goals,
            g_strdup (goals ? _("The goals are written down.")
                            : _("Write down the goals: what participants should take home.")));
  add_item (items, KP_STEP_GOALS, "frame", frame,
            g_strdup (frame ? _("The frame is described.")
                            : _("Describe the frame: how many sessions, how long, how many "
                                "participants, where, and what it costs.")));
  add_item (items, KP_STEP_GOALS, "content", content,
            g_strdup (content ? _("The content is described.")
                              : _("Describe the content: the themes the course goes through.")));
  add_item (items, KP_STEP_GOALS, "methods", methods,
            g_strdup (methods ? _("The methods are described.")
                              : _("Describe the methods: talks, sharing, group work, "
                                  "activities.")));
}

/* One planned session's time as instants (µs since 1970), for finding overlaps. */
typedef struct
{
  gint64 start;
  gint64 end;
  guint  index;  /* in the planned sessions */
} SessionSpan;

static int
compare_span_starts (gconstpointer a,
                     gconstpointer b)
{
  const SessionSpan *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->index < y->index ? -1 : (x->index > y->index ? 1 : 0);
}

/* The pair comparing every session with each later one finds first (the lowest @first, then
 * its lowest @second), without comparing every pair: 20,000 sessions took a minute that way.
 * Sorted by start, the sessions that start before one ends are a prefix, and the session
 * overlaps another exactly when the latest end in that prefix, itself left out, is after its
 * start. The lowest session that overlaps any other overlaps a later one, or that one would be
 * lower; its partner is then found in one pass. */
static gboolean
find_first_overlap (GPtrArray *planned,
                    guint     *first,
                    guint     *second)
{
  g_autoptr(GArray) spans = g_array_sized_new (FALSE, FALSE, sizeof (SessionSpan), planned->len);
  g_autofree gint64 *best_end = NULL;
  g_autofree guint *best_at = NULL;
  g_autofree gint64 *second_end = NULL;
  guint lowest = G_MAXUINT;
  guint n;

  for (guint i = 0; i < planned->len; i++)
    {
      KpSession *session = g_ptr_array_index (planned, i);
      GDateTime *start = kp_session_get_start (session);
      SessionSpan span;

      if (start == NULL)
        continue;
      span.start = g_date_time_to_unix (start) * G_USEC_PER_SEC +
                   g_date_time_get_microsecond (start);
      span.end = span.start + (gint64) kp_session_get_minutes (session) * G_TIME_SPAN_MINUTE;
      span.index = i;
      g_array_append_val (spans, span);
    }
  n = spans->len;
  if (n < 2)
    return FALSE;
  g_array_sort (spans, compare_span_starts);

  /* For each prefix: the latest end, where it is, and the latest end of any other session. */
  best_end = g_new (gint64, n);
  best_at = g_new (guint, n);
  second_end = g_new (gint64, n);
  for (guint k = 0; k < n; k++)
    {
      gint64 end = g_array_index (spans, SessionSpan, k).end;
      gint64 previous_best = k > 0 ? best_end[k - 1] : G_MININT64;
      gint64 previous_second = k > 0 ? second_end[k - 1] : G_MININT64;

      if (k == 0 || end > previous_best)
        {
          best_end[k] = end;
          best_at[k] = k;
          second_end[k] = previous_best;
        }
      else
        {
          best_end[k] = previous_best;
          best_at[k] = best_at[k - 1];
          second_end[k] = MAX (previous_second, end);
        }
    }

  for (guint k = 0; k < n; k++)
    {
      const SessionSpan *span = &g_array_index (spans, SessionSpan, k);
      guint low = 0, high = n;
      gint64 latest;

      if (span->index >= lowest)
        continue;
      /* How many sessions start before this one ends. */
      while (low < high)
        {
          guint middle = low + (high - low) / 2;

          if (g_array_index (spans, SessionSpan, middle).start < span->end)
            low = middle + 1;
          else
            high = middle;
        }
      if (low == 0)
        continue;
      latest = best_at[low - 1] == k ? second_end[low - 1] : best_end[low - 1];
      if (latest > span->start)
        lowest = span->index;
    }
  if (lowest == G_MAXUINT)
    return FALSE;

  for (guint j = lowest + 1; j < planned->len; j++)
    if (kp_session_overlaps (g_ptr_array_index (planned, lowest), g_ptr_array_index (planned, j)))
      {
        *first = lowest;
        *second = j;
        return TRUE;
      }
  g_assert_not_reached ();
  return FALSE;
}

static void
check_sessions (KpCourse  *course,
                GPtrArray *items)
{
  GListModel *model = kp_course_get_sessions (course);
  guint n = g_list_model_get_n_items (model);
  g_autoptr(GPtrArray) planned = g_ptr_array_new_with_free_func (g_object_unref);
  guint incomplete = 0, both = 0, sharing = 0;
  KpSession *overlap_a = NULL, *overlap_b = NULL;
  guint first, second;
  char *sentence;

  for (guint i = 0; i < n; i++)
    {
      KpSession *session = g_list_model_get_item (model, i);

      if (session_is_planned (session))
        g_ptr_array_add (planned, session);
      else
        g_object_unref (session);
    }

  if (planned->len == 0)
    {
      add_item (items, KP_STEP_SESSIONS, "sessions", FALSE,
                g_strdup (_("Add the sessions, each with a time and a theme.")));
      return;
    }

  for (guint i = 0; i < planned->len; i++)
    {
      KpSession *session = g_ptr_array_index (planned, i);

      if (!session_has_time_and_theme (session))
        incomplete++;
      if (kp_session_count_contributions (session, KP_CONTRIBUTION_PROFESSIONAL_TALK) > 0 &&
          kp_session_count_contributions (session, KP_CONTRIBUTION_USER_TALK) > 0)
        both++;
      if (kp_session_count_contributions (session, KP_CONTRIBUTION_SHARING) > 0)
        sharing++;
    }
  if (find_first_overlap (planned, &first, &second))
    {
      overlap_a = g_ptr_array_index (planned, first);
      overlap_b = g_ptr_array_index (planned, second);
    }

  if (incomplete == 0)
    sentence = g_strdup (_("Every session has a time and a theme."));
  else
    sentence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%u session still lacks a time or a theme.",
                                             "%u sessions still lack a time or a theme.",
                                             incomplete),
                                incomplete);
  add_item (items, KP_STEP_SESSIONS, "time-and-theme", incomplete == 0, sentence);

  /* "Most": more than half of the sessions that will be held. */
  sentence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u of %u session has both a professional’s and a "
                                           "user’s talk; most sessions should.",
                                           "%u of %u sessions have both a professional’s and a "
                                           "user’s talk; most sessions should.",
                                           planned->len),
                              both, planned->len);
  add_item (items, KP_STEP_SESSIONS, "both-voices", both * 2 > planned->len, sentence);

  sentence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u of %u session has time for sharing experience; "
                                           "most sessions should.",
                                           "%u of %u sessions have time for sharing experience; "
                                           "most sessions should.",
                                           planned->len),
                              sharing, planned->len);
  add_item (items, KP_STEP_SESSIONS, "sharing", sharing * 2 > planned->len, sentence);

  if (overlap_a == NULL)
    sentence = g_strdup (_("No two sessions overlap in time."));
  else
    {
      g_autofree char *a = quoted_title (overlap_a);
      g_autofree char *b = quoted_title (overlap_b);

      /* Translators: the two session themes, already quoted */
      sentence = g_strdup_printf (_("The sessions %s and %s overlap in time."), a, b);
    }
  add_item (items, KP_STEP_SESSIONS, "no-overlap", overlap_a == NULL, sentence);
}

static void
check_brochure (KpCourse  *course,
                GPtrArray *items)
{
  gboolean place = has_text (course, KP_COURSE_LOCATION_NAME) ||
                   has_text (course, KP_COURSE_LOCATION_ADDRESS);
  gboolean capacity = kp_course_get_capacity_max (course) > 0;
  gboolean deadline = has_text (course, KP_COURSE_DEADLINE);
  gboolean how = has_text (course, KP_COURSE_EMAIL) || has_text (course, KP_COURSE_PHONE) ||
                 has_text (course, KP_COURSE_URL);

  add_item (items, KP_STEP_BROCHURE, "place", place,
            g_strdup (place ? _("The place is given.")
                            : _("Give the place where the course is held.")));
  add_item (items, KP_STEP_BROCHURE, "capacity", capacity,
            g_strdup (capacity ? _("The number of places is set.")
                               : _("Set how many participants the course has room for.")));
  add_item (items, KP_STEP_BROCHURE, "registration", deadline && how,
            g_strdup (deadline && how
                      ? _("The registration deadline and how to register are given.")
                      : !deadline
                      ? _("Set the registration deadline.")
                      : _("Say how to register: an e-mail address, a phone number or a link.")));
}

/* ---- Conditions of taking part that contradict each other (issue #13, item 5) ----
 * Each item is there only while the course states the condition it is about, so a course
 * without conditions keeps its score. */
static void
check_conditions (KpCourse  *course,
                  GPtrArray *items)
{
  gboolean referral = kp_course_get_condition (course, KP_COURSE_REFERRAL);
  const struct
  {
    gboolean    stated;   /* the course states the condition the item is about */
    gboolean    met;
    const char *key;
    const char *met_sentence;
    const char *unmet_sentence;
  } rules[] = {
    /* Pasientreiser refunds travel only to a course taken on a referral (Helse Førde). */
    { kp_course_get_condition (course, KP_COURSE_TRAVEL_REFUND), referral,
      "travel-refund-needs-referral",
      N_("Travel is refunded, and the course needs a referral."),
      N_("The brochure promises a travel refund, but the course needs no referral: "
         "Pasientreiser refunds travel only with a referral.") },
    { kp_course_get_condition (course, KP_COURSE_CO_PAYMENT_FIRST_DAY),
      kp_course_get_condition (course, KP_COURSE_CO_PAYMENT),
      "first-day-needs-co-payment",
      N_("The co-payment is charged for the first day only."),
      N_("The co-payment is set for the first day only, but no co-payment is charged.") },
    { has_text (course, KP_COURSE_REFERRAL_TO), referral,
      "referral-address-needs-referral",
      N_("The brochure says where to send the referral."),
      N_("An address for referrals is given, but the course needs no referral.") },
    { kp_course_get_condition (course, KP_COURSE_TRAVEL_REFUND) &&
        kp_course_get_mode (course) == KP_COURSE_MODE_DIGITAL, FALSE,
      "travel-refund-not-digital",
      N_("Travel is refunded, and the course meets in a room."),
      N_("Travel refund is set, but the course is digital: nobody travels to it, and the "
         "brochure leaves the refund out.") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    if (rules[i].stated)
      add_item (items, KP_STEP_BROCHURE, rules[i].key, rules[i].met,
                g_strdup (_(rules[i].met ? rules[i].met_sentence : rules[i].unmet_sentence)));
}
/* ---- end of the conditions of taking part ---- */

/* --- The registration deadline against the first session (issue #13, item 3) ---
 *
 * A deadline after the first session cannot be met, and one more than a year before it is
 * almost always last year's date carried into a new run. Checked only when both are there:
 * a missing deadline is the "registration" item's business. */
static void
check_deadline_timing (KpCourse  *course,
                       GPtrArray *items)
{
  const char *text = kp_course_get_text (course, KP_COURSE_DEADLINE);
  GDateTime *first = kp_course_get_first_start (course);
  GDate deadline, first_day, year_before;
  gboolean after, too_early;

  if (text == NULL || first == NULL || !kp_time_parse_date (text, &deadline))
    return;

  g_date_clear (&first_day, 1);
  g_date_set_dmy (&first_day, g_date_time_get_day_of_month (first),
                  g_date_time_get_month (first), g_date_time_get_year (first));
  year_before = first_day;
  g_date_subtract_years (&year_before, 1);
  after = g_date_compare (&deadline, &first_day) > 0;
  too_early = g_date_compare (&deadline, &year_before) < 0;

  add_item (items, KP_STEP_BROCHURE, "deadline-timing", !after && !too_early,
            g_strdup (after
                      ? _("The registration deadline is after the first session: set a day "
                          "before the course starts.")
                      : too_early
                      ? _("The registration deadline is more than a year before the first "
                          "session: set this run’s deadline.")
                      : _("The registration deadline falls before the first session.")));
}
/* --- end of the deadline check --- */

/* --- The go/no-go decision at the deadline (issue #16, part 1) ---
 *
 * Due the day after the registration deadline, when a minimum is set: met by enough registered,
 * or by a recorded decision to run with fewer. The day is @now's own: `--date DAY` gives the
 * end of DAY in this computer's zone, which another zone would move to the next day. */
static void
check_registration_minimum (KpCourse  *course,
                            GDateTime *now,
                            GPtrArray *items)
{
  const char *text = kp_course_get_text (course, KP_COURSE_DEADLINE);
  int min = kp_course_get_capacity_min (course);
  guint registered = kp_course_get_registered (course);
  const char *decided_on = kp_course_get_fewer_decided_on (course);
  GDate deadline, today;

  if (text == NULL || min <= 0 || !kp_time_parse_date (text, &deadline))
    return;
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
  if (g_date_compare (&today, &deadline) <= 0)
    return;

  if (registered >= (guint) min)
    add_item (items, KP_STEP_BROCHURE, "registration-minimum", TRUE,
              g_strdup_printf (_("%u registered, minimum %d: the course runs."),
                               registered, min));
  else if (decided_on != NULL)
    add_item (items, KP_STEP_BROCHURE, "registration-minimum", TRUE,
              g_strdup_printf (_("%u registered, minimum %d: on %s it was decided to run the "
                                 "course with fewer."),
                               registered, min, decided_on));
  else
    add_item (items, KP_STEP_BROCHURE, "registration-minimum", FALSE,
              g_strdup_printf (_("%u registered, minimum %d: run the course with fewer, or "
                                 "cancel it."),
                               registered, min));
}
/* --- end of the decision at the deadline --- */

static void
check_running (KpCourse  *course,
               GDateTime *now,
               GPtrArray *items)
{
  GListModel *model = kp_course_get_sessions (course);
  guint n = g_list_model_get_n_items (model);
  guint held = 0, noted = 0;
  gboolean users = FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KpSession) session = g_list_model_get_item (model, i);
      g_autoptr(GDateTime) end = NULL;

      if (!session_is_planned (session))
        continue;
      users = users || user_contributes (course, session);
      end = kp_session_get_end (session);
      if (end != NULL && g_date_time_compare (end, now) <= 0)
        {
          held++;
          if (kp_session_get_attended (session) >= 0)
            noted++;
        }
    }

  add_item (items, KP_STEP_RUNNING, "users-running", users,
            g_strdup (users ? _("User representatives contribute in the sessions.")
                            : _("Let user representatives or experience consultants give "
                                "contributions in the sessions, not only plan them.")));

  if (held > 0)
    {
      char *sentence;

      if (noted == held)
        sentence = g_strdup (_("Attendance is noted for every session held."));
      else
        sentence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "Attendance is missing for %u of %u session "
                                                 "held.",
                                                 "Attendance is missing for %u of %u sessions "
                                                 "held.",
                                                 held),
                                    held - noted, held);
      add_item (items, KP_STEP_RUNNING, "attendance", noted == held, sentence);
    }
}

/* When the last session that will be held ends: the course is over from then on. */
static GDateTime *
dup_course_end (KpCourse *course)
{
  GListModel *model = kp_course_get_sessions (course);
  guint n = g_list_model_get_n_items (model);
  GDateTime *last = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KpSession) session = g_list_model_get_item (model, i);
      g_autoptr(GDateTime) end = NULL;

      if (!session_is_planned (session) || (end = kp_session_get_end (session)) == NULL)
        continue;
      if (last == NULL || g_date_time_compare (end, last) > 0)
        {
          g_clear_pointer (&last, g_date_time_unref);
          last = g_steal_pointer (&end);
        }
    }
  return last;
}

static void
check_evaluation (KpCourse  *course,
                  GDateTime *now,
                  GPtrArray *items)
{
  GListModel *evaluations = kp_course_get_evaluations (course);
  guint n = g_list_model_get_n_items (evaluations);
  g_autoptr(GDateTime) last = kp_course_get_last_start (course);
  g_autoptr(GDateTime) end = dup_course_end (course);
  gboolean forms = FALSE, meeting = FALSE, users_at_meeting = FALSE;
  guint final_responses = 0;
  gboolean planned;

  if (last != NULL)
    g_date_time_ref (last);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KpEvaluation) evaluation = g_list_model_get_item (evaluations, i);

      if (kp_evaluation_get_kind (evaluation) != KP_EVALUATION_MEETING)
        {
          forms = TRUE;
          if (kp_evaluation_get_kind (evaluation) == KP_EVALUATION_FINAL)
            final_responses += kp_evaluation_get_responses (evaluation);
          continue;
        }
      meeting = TRUE;
      if (user_representative_among (course, kp_evaluation_get_attendees (evaluation)))
        users_at_meeting = TRUE;
    }

  planned = has_text (course, KP_COURSE_EVALUATION_PLAN) || forms;
  add_item (items, KP_STEP_EVALUATION, "evaluation-planned", planned,
            g_strdup (planned ? _("The evaluation is planned.")
                              : _("Plan the evaluation: the participants’ midway and final "
                                  "forms, and the group’s evaluation meeting.")));

  /* Due once the course is over: the participants fill in the final form at its end. */
  if (end != NULL && g_date_time_compare (end, now) <= 0)
    add_item (items, KP_STEP_EVALUATION, "forms-collected", final_responses > 0,
              final_responses > 0
              ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "The participants’ final forms are collected: %u "
                                              "answered.",
                                              "The participants’ final forms are collected: %u "
                                              "answered.",
                                              final_responses),
                                 final_responses)
              : g_strdup (_("The course is over: collect the participants’ final forms and "
                            "note how many answered.")));

  /* Due two weeks after the last session. */
  if (last != NULL)
    {
      g_autoptr(GDateTime) due = g_date_time_add_days (last, EVALUATION_MEETING_DAYS);

      /* NULL past the year 9999, a day that never comes. */
      if (due != NULL && g_date_time_compare (due, now) <= 0)
        add_item (items, KP_STEP_EVALUATION, "evaluation-meeting", meeting && users_at_meeting,
                  g_strdup (meeting && users_at_meeting
                            ? _("The evaluation meeting was held with user representatives.")
                            : meeting
                            ? _("Note which user representatives took part in the evaluation "
                                "meeting.")
                            : _("Hold the evaluation meeting, about two weeks after the last "
                                "session, and note who took part.")));
    }
}

/**
 * kp_method_check_full:
 * @rules: (nullable): the centre's rules, or %NULL for the method's defaults
 * @now: the day the course is judged on; items not yet due are left out
 *
 * Returns: (transfer container) (element-type KpCheckItem): the checklist in step order
 */
GPtrArray *
kp_method_check_full (KpCourse            *course,
                      const KpMethodRules *rules,
                      GDateTime           *now)
{
  KpMethodRules defaults;
  GPtrArray *items;

  g_return_val_if_fail (KP_IS_COURSE (course), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  if (rules == NULL)
    {
      kp_method_rules_init (&defaults);
      rules = &defaults;
    }

  items = g_ptr_array_new_with_free_func ((GDestroyNotify) kp_check_item_free);

  /* A cancelled course's checklist closes: nothing is left to plan, run or evaluate. */
  if (kp_course_get_cancelled (course))
    {
      add_item (items, KP_STEP_RUNNING, "cancelled", TRUE,
                g_strdup_printf (_("The course was cancelled on %s; nothing is left to do."),
                                 kp_course_get_cancelled_on (course)));
      return items;
    }

  check_need (course, items);
  check_group (course, rules, items);
  check_goals (course, items);
  check_sessions (course, items);
  check_brochure (course, items);
  check_conditions (course, items);
  check_deadline_timing (course, items);
  check_registration_minimum (course, now, items);
  check_running (course, now, items);
  check_evaluation (course, now, items);
  return items;
}

/**
 * kp_method_check:
 * @now: the day the course is judged on
 *
 * The checklist with the method's default rules.
 *
 * Returns: (transfer container) (element-type KpCheckItem): the checklist in step order
 */
GPtrArray *
kp_method_check (KpCourse  *course,
                 GDateTime *now)
{
  return kp_method_check_full (course, NULL, now);
}

/**
 * kp_method_count_items:
 * @items: (element-type KpCheckItem): a checklist
 * @required_met: (out) (optional): how many requirements it meets
 * @required_total: (out) (optional): how many requirements it has
 * @recommended_open: (out) (optional): how many recommendations it does not meet yet
 */
void
kp_method_count_items (GPtrArray *items,
                       guint     *required_met,
                       guint     *required_total,
                       guint     *recommended_open)
{
  guint met = 0, total = 0, open = 0;

  g_return_if_fail (items != NULL);

  for (guint i = 0; i < items->len; i++)
    {
      KpCheckItem *item = g_ptr_array_index (items, i);

      if (item->weight == KP_CHECK_REQUIRED)
        {
          total++;
          if (item->met)
            met++;
        }
      else if (!item->met)
        open++;
    }
  if (required_met != NULL)
    *required_met = met;
  if (required_total != NULL)
    *required_total = total;
  if (recommended_open != NULL)
    *recommended_open = open;
}

/**
 * kp_method_is_complete:
 * @items: (element-type KpCheckItem): a checklist
 *
 * Returns: whether every requirement of @items is met; recommendations do not matter
 */
gboolean
kp_method_is_complete (GPtrArray *items)
{
  guint met, total;

  kp_method_count_items (items, &met, &total, NULL);
  return met == total;
}

/**
 * kp_method_count:
 * @met: (out): how many of the method's requirements the course meets
 * @total: (out): how many requirements there are for it on @now
 *
 * The checklist's score, as the course list shows it ("12 of 20"): requirements only.
 */
void
kp_method_count (KpCourse  *course,
                 GDateTime *now,
                 guint     *met,
                 guint     *total)
{
  g_autoptr(GPtrArray) items = kp_method_check (course, now);

  kp_method_count_items (items, met, total, NULL);
}
