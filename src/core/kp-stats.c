/* kp-stats.c — the year's figures for the centre's annual report: per course and in total, counts
 * only, never a participant
 *
 * A session is held when it has ended by now and was not cancelled (kp_session_is_held());
 * sessions of the year still to come are counted apart, as planned. Attendance and
 * contributions count only what was held. A course is listed for a year when it has a session
 * that year that is not cancelled, and counts among the courses of the year once one of those
 * was held. A contribution
 * belongs to its member's side (users: user representatives, experience consultants, peers;
 * professionals: professionals, course leaders, coordinators); one without a known member counts
 * by its kind (a user's or a professional's talk); breaks never count. kp_store_list_year_figures()
 * computes the same in SQL for a whole catalogue.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-stats"

#include "config.h"

#include <string.h>

#include "kp-i18n.h"
#include "kp-method.h"
#include "kp-ods-writer.h"
#include "kp-stats.h"
#include "kp-time.h"

void
kp_stats_row_free (KpStatsRow *row)
{
  if (row == NULL)
    return;
  g_free (row->course_id);
  g_free (row->title);
  g_free (row->term);
  g_free (row->partners);
  g_free (row);
}

gboolean
kp_stats_role_is_user (KpRole role)
{
  return kp_method_role_is_user (role);
}

/**
 * kp_stats_planning_minutes:
 * @professional_minutes: (out): the minutes professionals, course leaders and coordinators spent
 *   in planning meetings, each person's time counted
 * @user_minutes: (out): the same for user representatives, experience consultants and peers
 *
 * The hours each side put into planning: every attendee of a meeting gives its length.
 * Attendees who are no longer members count on neither side.
 */
void
kp_stats_planning_minutes (KpCourse *course,
                           guint    *professional_minutes,
                           guint    *user_minutes)
{
  GListModel *meetings;
  guint n, professional = 0, user = 0;

  g_return_if_fail (KP_IS_COURSE (course));

  meetings = kp_course_get_meetings (course);
  n = g_list_model_get_n_items (meetings);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KpMeeting) meeting = g_list_model_get_item (meetings, i);
      const char * const *attendees = kp_meeting_get_attendees (meeting);
      guint minutes = kp_meeting_get_minutes (meeting);

      for (guint j = 0; attendees != NULL && attendees[j] != NULL; j++)
        {
          KpMember *member = kp_course_find_member (course, attendees[j]);

          if (member == NULL)
            continue;
          if (kp_stats_role_is_user (kp_member_get_role (member)))
            user += minutes;
          else
            professional += minutes;
        }
    }
  if (professional_minutes != NULL)
    *professional_minutes = professional;
  if (user_minutes != NULL)
    *user_minutes = user;
}

static gboolean
any_user (KpCourse           *course,
          const char * const *member_ids)
{
  for (guint i = 0; member_ids != NULL && member_ids[i] != NULL; i++)
    {
      KpMember *member = kp_course_find_member (course, member_ids[i]);

      if (member != NULL && kp_stats_role_is_user (kp_member_get_role (member)))
        return TRUE;
    }
  return FALSE;
}

static void
count_contribution (KpCourse       *course,
                    KpContribution *contribution,
                    KpStatsRow     *row)
{
  KpContributionKind kind = kp_contribution_get_kind (contribution);
  const char *member_id = kp_contribution_get_member_id (contribution);
  KpMember *member = member_id ? kp_course_find_member (course, member_id) : NULL;

  if (kind == KP_CONTRIBUTION_BREAK)
    return;
  if (member != NULL)
    {
      if (kp_stats_role_is_user (kp_member_get_role (member)))
        row->user_contributions++;
      else
        row->professional_contributions++;
    }
  else if (kind == KP_CONTRIBUTION_USER_TALK)
    row->user_contributions++;
  else if (kind == KP_CONTRIBUTION_PROFESSIONAL_TALK)
    row->professional_contributions++;
}

/**
 * kp_stats_row_new_for_course:
 * @year: the calendar year, in the course's own time zone
 * @now: the moment the figures are counted at: sessions that have not ended by then are planned
 *
 * Returns: (transfer full) (nullable): the course's figures for @year, or %NULL when it has no
 *   session that year that is not cancelled
 */
KpStatsRow *
kp_stats_row_new_for_course (KpCourse  *course,
                             int        year,
                             GDateTime *now)
{
  g_autoptr(KpStatsRow) row = g_new0 (KpStatsRow, 1);
  GListModel *list;

  g_return_val_if_fail (KP_IS_COURSE (course), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  list = kp_course_get_sessions (course);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(KpSession) session = g_list_model_get_item (list, i);
      GDateTime *start = kp_session_get_start (session);
      GListModel *contributions;

      if (start == NULL || g_date_time_get_year (start) != year)
        continue;
      if (kp_session_get_status (session) == KP_SESSION_STATUS_CANCELLED)
        {
          row->sessions_cancelled++;
          continue;
        }

      if (!kp_session_is_held (session, now))
        {
          row->sessions_planned++;
          continue;
        }
      row->sessions_held++;
      if (kp_session_get_attended (session) > 0)
        row->attendances += kp_session_get_attended (session);
      contributions = kp_session_get_contributions (session);
      for (guint j = 0; j < g_list_model_get_n_items (contributions); j++)
        {
          g_autoptr(KpContribution) contribution = g_list_model_get_item (contributions, j);

          count_contribution (course, contribution, row);
        }
    }
  if (row->sessions_held == 0 && row->sessions_planned == 0)
    return NULL;

  row->course_id = g_strdup (kp_course_get_id (course));
  row->title = g_strdup (kp_course_get_title (course));
  row->term = kp_time_format_term (kp_course_get_first_start (course));
  row->registered = kp_course_get_registered (course);
  if (kp_course_get_partners (course) != NULL && kp_course_get_partners (course)[0] != NULL)
    row->partners = g_strjoinv ("; ", (char **) kp_course_get_partners (course));
  row->courses = row->sessions_held > 0;
  row->users_running = row->user_contributions > 0;

  /* As the checklist means it. */
  row->users_planning = kp_method_users_in_planning (course);

  list = kp_course_get_evaluations (course);
  for (guint i = 0; i < g_list_model_get_n_items (list) && !row->users_evaluation; i++)
    {
      g_autoptr(KpEvaluation) evaluation = g_list_model_get_item (list, i);

      if (kp_evaluation_get_kind (evaluation) == KP_EVALUATION_MEETING)
        row->users_evaluation = any_user (course, kp_evaluation_get_attendees (evaluation));
    }

  return g_steal_pointer (&row);
}

/* How a column of the year's figures reads a row and totals it. */
typedef enum
{
  KP_STATS_COUNT,   /* a guint, summed in the totals */
  KP_STATS_YES_NO,  /* a guint 1 or 0, "yes"/"no"; the totals count the yeses */
  KP_STATS_TEXT,    /* a char *; the totals row's own (the title "Total", else empty) */
} KpStatsKind;

typedef struct
{
  const char  *name;    /* the CSV and spreadsheet head, untranslated (translate with _()) */
  KpStatsKind  kind;
  gsize        offset;  /* of the field in KpStatsRow */
} KpStatsColumn;

/* The value of @column in @row: a guint for counts and yes/no, a char * for text. */
#define KP_STATS_COUNT_OF(row, column) G_STRUCT_MEMBER (guint, (row), (column)->offset)
#define KP_STATS_TEXT_OF(row, column)  G_STRUCT_MEMBER (char *, (row), (column)->offset)

/* The columns of the CSV and the spreadsheet, in order. The first twelve are read by position by
 * spreadsheets already made: new columns go at the end, one line each. */
static const KpStatsColumn columns[] = {
  { N_("Course ID"), KP_STATS_TEXT, G_STRUCT_OFFSET (KpStatsRow, course_id) },
  { N_("Course"), KP_STATS_TEXT, G_STRUCT_OFFSET (KpStatsRow, title) },
  { N_("Sessions held"), KP_STATS_COUNT, G_STRUCT_OFFSET (KpStatsRow, sessions_held) },
  { N_("Registered"), KP_STATS_COUNT, G_STRUCT_OFFSET (KpStatsRow, registered) },
  { N_("Attendances"), KP_STATS_COUNT, G_STRUCT_OFFSET (KpStatsRow, attendances) },
  { N_("Contributions by users"), KP_STATS_COUNT,
    G_STRUCT_OFFSET (KpStatsRow, user_contributions) },
  { N_("Contributions by professionals"), KP_STATS_COUNT,
    G_STRUCT_OFFSET (KpStatsRow, professional_contributions) },
  { N_("Users in planning"), KP_STATS_YES_NO, G_STRUCT_OFFSET (KpStatsRow, users_planning) },
  { N_("Users in running"), KP_STATS_YES_NO, G_STRUCT_OFFSET (KpStatsRow, users_running) },
  { N_("Users in evaluation"), KP_STATS_YES_NO, G_STRUCT_OFFSET (KpStatsRow, users_evaluation) },
  { N_("Sessions planned"), KP_STATS_COUNT, G_STRUCT_OFFSET (KpStatsRow, sessions_planned) },
  { N_("Term"), KP_STATS_TEXT, G_STRUCT_OFFSET (KpStatsRow, term) },
  { N_("Sessions cancelled"), KP_STATS_COUNT, G_STRUCT_OFFSET (KpStatsRow, sessions_cancelled) },
  { N_("Partners"), KP_STATS_TEXT, G_STRUCT_OFFSET (KpStatsRow, partners) },
};

/**
 * kp_stats_dup_totals:
 * @rows: (element-type KpStatsRow): the courses' figures
 *
 * Returns: (transfer full): the sums; the users_* fields count the courses where users took part
 */
KpStatsRow *
kp_stats_dup_totals (GPtrArray *rows)
{
  KpStatsRow *totals = g_new0 (KpStatsRow, 1);

  g_return_val_if_fail (rows != NULL, NULL);

  totals->title = g_strdup (_("Total"));
  for (guint i = 0; i < rows->len; i++)
    {
      const KpStatsRow *row = g_ptr_array_index (rows, i);

      totals->courses += row->courses;
      for (guint j = 0; j < G_N_ELEMENTS (columns); j++)
        if (columns[j].kind != KP_STATS_TEXT)
          KP_STATS_COUNT_OF (totals, &columns[j]) += KP_STATS_COUNT_OF (row, &columns[j]);
    }
  return totals;
}

static void
append_csv_field (GString    *csv,
                  const char *value)
{
  if (value == NULL)
    value = "";
  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (csv, value);
      return;
    }
  g_string_append_c (csv, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (csv, '"');
      g_string_append_c (csv, *p);
    }
  g_string_append_c (csv, '"');
}

static const char *
yes_no (guint value)
{
  return value ? _("yes") : _("no");
}

/* Where a row's cells go, text or a number, the column's position given. */
typedef struct
{
  void (*text)   (gpointer sink, guint i, const char *text);
  void (*number) (gpointer sink, guint i, guint number);
  void (*end_row) (gpointer sink);
} CellSink;

/* One row's cells, in the columns' order: a course's yes/no as words, the totals' as counts. */
static void
visit_row (const KpStatsRow *row,
           gboolean          totals,
           const CellSink   *cells,
           gpointer          sink)
{
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      const KpStatsColumn *column = &columns[i];

      if (column->kind == KP_STATS_TEXT)
        cells->text (sink, i, KP_STATS_TEXT_OF (row, column));
      else if (column->kind == KP_STATS_YES_NO && !totals)
        cells->text (sink, i, yes_no (KP_STATS_COUNT_OF (row, column)));
      else
        cells->number (sink, i, KP_STATS_COUNT_OF (row, column));
    }
}

/* Every course's row, then the totals. */
static void
visit_rows (GPtrArray        *rows,
            const KpStatsRow *totals,
            const CellSink   *cells,
            gpointer          sink)
{
  for (guint i = 0; i < rows->len; i++)
    {
      visit_row (g_ptr_array_index (rows, i), FALSE, cells, sink);
      cells->end_row (sink);
    }
  visit_row (totals, TRUE, cells, sink);
  cells->end_row (sink);
}

static void
csv_text (gpointer    sink,
          guint       i,
          const char *text)
{
  if (i > 0)
    g_string_append_c (sink, ',');
  append_csv_field (sink, text);
}

static void
csv_number (gpointer sink,
            guint    i,
            guint    number)
{
  g_string_append_printf (sink, i > 0 ? ",%u" : "%u", number);
}

static void
csv_end_row (gpointer sink)
{
  g_string_append (sink, "\r\n");
}

static const CellSink csv_cells = { csv_text, csv_number, csv_end_row };

/**
 * kp_stats_format_csv:
 * @rows: (element-type KpStatsRow): the courses' figures
 *
 * Returns: (transfer full): RFC 4180 CSV, a header, one line per course and the totals last (where
 *   the users' columns count courses)
 */
char *
kp_stats_format_csv (GPtrArray *rows)
{
  GString *csv = g_string_new (NULL);
  g_autoptr(KpStatsRow) totals = kp_stats_dup_totals (rows);

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      if (i > 0)
        g_string_append_c (csv, ',');
      append_csv_field (csv, _(columns[i].name));
    }
  g_string_append (csv, "\r\n");
  visit_rows (rows, totals, &csv_cells, csv);
  return g_string_free (csv, FALSE);
}

static void
ods_text (gpointer    sink,
          guint       i,
          const char *text)
{
  kp_ods_writer_add_text (sink, text);
}

static void
ods_number (gpointer sink,
            guint    i,
            guint    number)
{
  kp_ods_writer_add_number (sink, number);
}

static void
ods_end_row (gpointer sink)
{
  kp_ods_writer_end_row (sink);
}

static const CellSink ods_cells = { ods_text, ods_number, ods_end_row };

/**
 * kp_stats_format_ods:
 * @rows: (element-type KpStatsRow): the courses' figures
 * @year: the year counted, for the sheet's name
 *
 * Returns: (transfer full): an OpenDocument spreadsheet with the same cells as
 *   kp_stats_format_csv(), counts as numbers
 */
GBytes *
kp_stats_format_ods (GPtrArray *rows,
                     int        year)
{
  g_autoptr(KpStatsRow) totals = kp_stats_dup_totals (rows);
  /* Translators: the name of the spreadsheet's sheet of the year's figures */
  g_autofree char *name = g_strdup_printf (_("Courses %d"), year);
  g_autoptr(KpOdsWriter) ods = kp_ods_writer_new (name);

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    kp_ods_writer_add_text (ods, _(columns[i].name));
  kp_ods_writer_end_row (ods);
  visit_rows (rows, totals, &ods_cells, ods);
  return kp_ods_writer_finish (ods);
}

/* Pads by characters, not bytes, so "Å leve med kols" lines up. */
static void
append_padded (GString    *out,
               const char *text,
               guint       width)
{
  glong length = g_utf8_strlen (text, -1);

  if ((guint) length > width)
    {
      const char *end = g_utf8_offset_to_pointer (text, width - 1);

      g_string_append_len (out, text, end - text);
      g_string_append (out, "…");
      return;
    }
  g_string_append (out, text);
  for (glong i = length; i < (glong) width; i++)
    g_string_append_c (out, ' ');
}

/* The title, cut short where it must, and the term after it, never cut: a course and its next
 * run in the same year share a title. */
static void
append_title_and_term (GString    *out,
                       const char *title,
                       const char *term,
                       guint       width)
{
  glong term_length = term != NULL ? g_utf8_strlen (term, -1) : 0;

  if (term == NULL || (guint) term_length + 2 > width)
    {
      append_padded (out, title, width);
      return;
    }
  append_padded (out, title, width - term_length - 1);
  g_string_append_c (out, ' ');
  g_string_append (out, term);
}

/**
 * kp_stats_format_table:
 *
 * Returns: (transfer full): the figures as a text table for a terminal, the totals last
 */
char *
kp_stats_format_table (GPtrArray *rows,
                       int        year)
{
  GString *out = g_string_new (NULL);
  g_autoptr(KpStatsRow) totals = kp_stats_dup_totals (rows);

  g_string_append_printf (out, _("Courses in %d: %u"), year, totals->courses);
  g_string_append_c (out, '\n');
  /* Courses listed whose sessions of the year are all still to come. */
  if (rows->len > totals->courses)
    {
      guint waiting = rows->len - totals->courses;

      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                                "%u more course has sessions planned but none "
                                                "held yet",
                                                "%u more courses have sessions planned but none "
                                                "held yet",
                                                waiting),
                              waiting);
      g_string_append_c (out, '\n');
    }
  g_string_append_c (out, '\n');
  append_padded (out, _("Course"), 36);
  {
    /* Translators: column heads of `kursplan stats`, at most 8 characters each: sessions
     * held, sessions planned (not yet held), registered participants, attendances,
     * contributions by users and by professionals, sessions cancelled, and whether users
     * took part in planning, running and evaluation */
    const char *heads[] = { C_("stats column", "Held"), C_("stats column", "Planned"),
                            _("Regist."), _("Attend."), _("Users"), _("Profs"),
                            C_("stats column", "Cancel.") };

    /* Right-aligned by characters, not bytes: "Påmeldt" is 7 wide in 8 bytes. */
    for (guint i = 0; i < G_N_ELEMENTS (heads); i++)
      {
        glong length = g_utf8_strlen (heads[i], -1);

        g_string_append_c (out, ' ');
        for (glong pad = length; pad < 8; pad++)
          g_string_append_c (out, ' ');
        g_string_append (out, heads[i]);
      }
    g_string_append_printf (out, "  %s\n", _("Plan/Run/Eval"));
  }
  for (guint i = 0; i < rows->len; i++)
    {
      const KpStatsRow *row = g_ptr_array_index (rows, i);

      append_title_and_term (out, row->title ? row->title : row->course_id, row->term, 36);
      g_string_append_printf (out, " %8u %8u %8u %8u %8u %8u %8u  %s/%s/%s\n",
                              row->sessions_held, row->sessions_planned, row->registered,
                              row->attendances, row->user_contributions,
                              row->professional_contributions, row->sessions_cancelled,
                              yes_no (row->users_planning),
                              yes_no (row->users_running), yes_no (row->users_evaluation));
    }
  append_padded (out, totals->title, 36);
  g_string_append_printf (out, " %8u %8u %8u %8u %8u %8u %8u  %u/%u/%u\n",
                          totals->sessions_held, totals->sessions_planned, totals->registered,
                          totals->attendances, totals->user_contributions,
                          totals->professional_contributions, totals->sessions_cancelled,
                          totals->users_planning,
                          totals->users_running, totals->users_evaluation);
  return g_string_free (out, FALSE);
}
