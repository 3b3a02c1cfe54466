/* kp-store.c — the one SQLite database, and the only place in Kursplan with SQL
 *
 * A course is saved whole, in one transaction: the course row is upserted (its row id stays, so
 * nothing else needs to know), and its members, meetings, sessions and evaluations are replaced.
 * The course row also carries the few values the course list shows, so listing thousands of
 * courses reads one table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-store"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "kp-error.h"
#include "kp-i18n.h"
#include "kp-stats.h"
#include "kp-method.h"
#include "kp-quote.h"
#include "kp-store.h"
#include "kp-time.h"

/* "KpLn": tells a Kursplan database from any other SQLite file. */
#define KP_STORE_APPLICATION_ID 0x4b704c6e

/* Edits are gathered this long before they are written. */
#define KP_STORE_SAVE_DELAY_MS 300

/* Ordered: migrations[n] takes a database from version n to n + 1. Never edit a step that has
 * shipped; add one. */
static const char * const migrations[] = {
  /* 1: the initial schema */
  "CREATE TABLE courses ("
  "  cid INTEGER PRIMARY KEY,"
  "  id TEXT NOT NULL UNIQUE,"
  "  title TEXT, subtitle TEXT, language TEXT, timezone TEXT,"
  "  need TEXT, target_group TEXT, frame TEXT, content TEXT, methods TEXT,"
  "  evaluation_plan TEXT, organiser TEXT, agreement TEXT,"
  "  location_name TEXT, location_room TEXT, location_address TEXT, price TEXT,"
  "  registration_deadline TEXT, registration_email TEXT, registration_phone TEXT,"
  "  registration_url TEXT,"
  "  status TEXT NOT NULL,"
  "  management INTEGER NOT NULL DEFAULT 0,"
  "  capacity_min INTEGER NOT NULL DEFAULT 0,"
  "  capacity_max INTEGER NOT NULL DEFAULT 0,"
  "  registered INTEGER NOT NULL DEFAULT 0,"
  "  goals TEXT,"                    /* JSON array of strings; NULL when there are none */
  "  partners TEXT,"
  "  first_start INTEGER,"           /* summary columns, written at save time; UTC seconds */
  "  last_start INTEGER,"
  "  n_sessions INTEGER NOT NULL DEFAULT 0,"
  "  checks_met INTEGER NOT NULL DEFAULT 0,"
  "  checks_total INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX courses_by_start ON courses (first_start, title);"
  "CREATE INDEX courses_by_title ON courses (title);"
  "CREATE TABLE members ("
  "  course INTEGER NOT NULL REFERENCES courses (cid) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  id TEXT NOT NULL,"
  "  key TEXT, name TEXT, role TEXT NOT NULL, organisation TEXT, title TEXT,"
  "  email TEXT, phone TEXT,"
  "  public INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (course, position),"
  "  UNIQUE (course, id)"
  ") WITHOUT ROWID;"
  "CREATE TABLE meetings ("
  "  mid INTEGER PRIMARY KEY,"
  "  course INTEGER NOT NULL REFERENCES courses (cid) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  id TEXT NOT NULL,"
  "  start TEXT,"                    /* local wall-clock time in the course's zone */
  "  start_offset INTEGER,"          /* its UTC offset then: tells the two 02:30s of October apart */
  "  minutes INTEGER NOT NULL DEFAULT 0,"
  "  notes TEXT,"
  "  UNIQUE (course, position),"
  "  UNIQUE (course, id)"
  ");"
  "CREATE TABLE meeting_attendees ("
  "  meeting INTEGER NOT NULL REFERENCES meetings (mid) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  member_id TEXT NOT NULL,"
  "  PRIMARY KEY (meeting, position)"
  ") WITHOUT ROWID;"
  "CREATE TABLE sessions ("
  "  sid INTEGER PRIMARY KEY,"
  "  course INTEGER NOT NULL REFERENCES courses (cid) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  id TEXT NOT NULL,"
  "  title TEXT,"
  "  start TEXT,"
  "  start_offset INTEGER,"
  "  minutes INTEGER NOT NULL DEFAULT 0,"
  "  location_name TEXT, location_room TEXT, location_address TEXT,"
  "  status TEXT NOT NULL,"
  "  attended INTEGER NOT NULL DEFAULT -1,"
  "  UNIQUE (course, position),"
  "  UNIQUE (course, id)"
  ");"
  "CREATE TABLE contributions ("
  "  session INTEGER NOT NULL REFERENCES sessions (sid) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  member_id TEXT,"
  "  title TEXT,"
  "  minutes INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (session, position)"
  ") WITHOUT ROWID;"
  "CREATE TABLE evaluations ("
  "  eid INTEGER PRIMARY KEY,"
  "  course INTEGER NOT NULL REFERENCES courses (cid) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  id TEXT NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  after_session INTEGER NOT NULL DEFAULT 0,"
  "  responses INTEGER NOT NULL DEFAULT 0,"
  "  date TEXT,"
  "  notes TEXT,"
  "  UNIQUE (course, position),"
  "  UNIQUE (course, id)"
  ");"
  "CREATE TABLE evaluation_scores ("
  "  evaluation INTEGER NOT NULL REFERENCES evaluations (eid) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  question TEXT NOT NULL,"
  "  count1 INTEGER NOT NULL, count2 INTEGER NOT NULL, count3 INTEGER NOT NULL,"
  "  count4 INTEGER NOT NULL, count5 INTEGER NOT NULL,"
  "  PRIMARY KEY (evaluation, position)"
  ") WITHOUT ROWID;"
  "CREATE TABLE evaluation_attendees ("
  "  evaluation INTEGER NOT NULL REFERENCES evaluations (eid) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  member_id TEXT NOT NULL,"
  "  PRIMARY KEY (evaluation, position)"
  ") WITHOUT ROWID;"
  "CREATE TABLE evaluation_actions ("
  "  evaluation INTEGER NOT NULL REFERENCES evaluations (eid) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  action TEXT NOT NULL,"
  "  PRIMARY KEY (evaluation, position)"
  ") WITHOUT ROWID;",

  /* 2: sessions keep notes, and the revision (iCalendar SEQUENCE) and time of their last
   * schedule change, microseconds since 1970 UTC */
  "ALTER TABLE sessions ADD COLUMN notes TEXT;"
  "ALTER TABLE sessions ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE sessions ADD COLUMN modified INTEGER;",

  /* 3: what CalDAV sync put where: per course and collection, each session's resource and the
   * ETag the server last gave it */
  "CREATE TABLE caldav_resources ("
  "  course_id TEXT NOT NULL REFERENCES courses (id) ON DELETE CASCADE,"
  "  collection TEXT NOT NULL,"
  "  session_id TEXT NOT NULL,"
  "  href TEXT NOT NULL,"
  "  etag TEXT,"
  "  PRIMARY KEY (course_id, collection, session_id)"
  ") WITHOUT ROWID;",

  /* 4: a digest of the event as last put, so an unchanged session is not put again */
  "ALTER TABLE caldav_resources ADD COLUMN digest TEXT;",

  /* 5: an evaluation meeting's action ticked off in the next run */
  "ALTER TABLE evaluation_actions ADD COLUMN done INTEGER NOT NULL DEFAULT 0;",

  /* 6: sessions found by their UUID, which no two courses may share (iCalendar UIDs); replaced
   * by 8 */
  "CREATE INDEX IF NOT EXISTS sessions_by_id ON sessions (id);",

  /* 7: what the brochure says of the place's accessibility, and whether a referral is needed,
   * the co-payment charged and travel refunded (KpCourseCondition) */
  "ALTER TABLE courses ADD COLUMN location_accessibility TEXT;"
  "ALTER TABLE courses ADD COLUMN referral INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE courses ADD COLUMN co_payment INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE courses ADD COLUMN travel_refund INTEGER NOT NULL DEFAULT 0;",

  /* 8: the sessions' UUIDs indexed by their first 8 hex digits, which find the one or two
   * candidates as well as 6's whole ids did at a third of the size (5 MB of 61 in the
   * 100,000-session catalogue, over its 60 MB target) */
  "DROP INDEX IF EXISTS sessions_by_id;"
  "CREATE INDEX IF NOT EXISTS sessions_by_id_prefix ON sessions (substr (id, 1, 8));",

  /* 9: the forms' scale (1–5 or 0–10: a score's countN is how many answered N) and whether they
   * ask patient or relative, with those counts per form */
  "ALTER TABLE courses ADD COLUMN evaluation_scale TEXT NOT NULL DEFAULT '1-5';"
  "ALTER TABLE courses ADD COLUMN asks_patient_or_relative INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE evaluations ADD COLUMN patients INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE evaluations ADD COLUMN relatives INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE evaluation_scores ADD COLUMN count0 INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE evaluation_scores ADD COLUMN count6 INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE evaluation_scores ADD COLUMN count7 INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE evaluation_scores ADD COLUMN count8 INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE evaluation_scores ADD COLUMN count9 INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE evaluation_scores ADD COLUMN count10 INTEGER NOT NULL DEFAULT 0;",
  /* 10: the trusts' own conditions of taking part: the co-payment for the first day only, a
   * no-show fee, where to send the referral, and how many hours ahead to cancel (0: not asked) */
  "ALTER TABLE courses ADD COLUMN referral_to TEXT;"
  "ALTER TABLE courses ADD COLUMN co_payment_first_day INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE courses ADD COLUMN no_show_fee INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE courses ADD COLUMN notice_hours INTEGER NOT NULL DEFAULT 0;",
  /* 11: the course's revision, raised by every save: a save from a copy loaded before another
   * program's save is refused instead of undoing it */
  "ALTER TABLE courses ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;",
  /* 12: how the course meets (in_person, digital, hybrid), the level that offers it (NULL:
   * not said), the day it was cancelled and why; a session's video meeting link */
  "ALTER TABLE courses ADD COLUMN mode TEXT NOT NULL DEFAULT 'in_person';"
  "ALTER TABLE courses ADD COLUMN level TEXT;"
  "ALTER TABLE courses ADD COLUMN cancelled_on TEXT;"
  "ALTER TABLE courses ADD COLUMN cancel_reason TEXT;"
  "ALTER TABLE sessions ADD COLUMN join_url TEXT;",
  /* 13: the planning-group invitations sent (kursplan invite): per course and meeting, the
   * SEQUENCE and a digest of the event as last sent; and the reminder the course's calendars
   * carry, in minutes before each session (0: none) */
  "CREATE TABLE invitations ("
  "  course_id TEXT NOT NULL REFERENCES courses (id) ON DELETE CASCADE,"
  "  meeting_id TEXT NOT NULL,"
  "  sequence INTEGER NOT NULL DEFAULT 0,"
  "  digest TEXT NOT NULL,"
  "  PRIMARY KEY (course_id, meeting_id)"
  ") WITHOUT ROWID;"
  "ALTER TABLE courses ADD COLUMN remind_minutes INTEGER NOT NULL DEFAULT 0;",
  /* 14: the anonymous counts through registration (KpCourseCount), and the decision at the
   * deadline to run with fewer than the minimum: its day and who took it, by role */
  "ALTER TABLE courses ADD COLUMN patients INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE courses ADD COLUMN relatives INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE courses ADD COLUMN waiting INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE courses ADD COLUMN withdrawn INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE courses ADD COLUMN no_shows INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE courses ADD COLUMN completed INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE courses ADD COLUMN fewer_decided_on TEXT;"
  "ALTER TABLE courses ADD COLUMN fewer_decided_by TEXT;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == KP_STORE_SCHEMA_VERSION);

typedef enum
{
  STMT_COURSE_UPSERT,
  STMT_COURSE_SELECT,
  STMT_COURSE_DELETE,
  STMT_COURSE_FIND_ID,
  STMT_COURSE_FIND_TITLE,
  STMT_COURSE_LIST,
  STMT_COURSE_REVISION,
  STMT_MEMBERS_DELETE,
  STMT_MEETINGS_DELETE,
  STMT_SESSIONS_DELETE,
  STMT_EVALUATIONS_DELETE,
  STMT_MEMBER_INSERT,
  STMT_MEMBERS_SELECT,
  STMT_MEETING_INSERT,
  STMT_MEETINGS_SELECT,
  STMT_MEETING_ATTENDEE_INSERT,
  STMT_MEETING_ATTENDEES_SELECT,
  STMT_SESSION_INSERT,
  STMT_SESSION_OWNER,
  STMT_SESSIONS_SELECT,
  STMT_CONTRIBUTION_INSERT,
  STMT_CONTRIBUTIONS_SELECT,
  STMT_EVALUATION_INSERT,
  STMT_EVALUATIONS_SELECT,
  STMT_SCORE_INSERT,
  STMT_SCORES_SELECT,
  STMT_EVALUATION_ATTENDEE_INSERT,
  STMT_EVALUATION_ATTENDEES_SELECT,
  STMT_ACTION_INSERT,
  STMT_ACTIONS_SELECT,
  STMT_ACTIONS_DONE_SELECT,
  STMT_CALDAV_SELECT,
  STMT_CALDAV_UPSERT,
  STMT_CALDAV_DELETE,
  STMT_INVITATIONS_SELECT,
  STMT_INVITATION_UPSERT,
  STMT_INVITATION_DELETE,
  STMT_REMIND_SELECT,
  STMT_REMIND_UPDATE,
  N_STATEMENTS
} KpStoreStatement;

/* NULL entries are built from kp_course_text_info() at first use. */
static const char * const statement_sql[N_STATEMENTS] = {
  [STMT_COURSE_DELETE] = "DELETE FROM courses WHERE id = ?1",
  [STMT_COURSE_FIND_ID] = "SELECT id FROM courses WHERE id = ?1",
  [STMT_COURSE_FIND_TITLE] = "SELECT id FROM courses WHERE title = ?1 ORDER BY id",
  [STMT_COURSE_REVISION] = "SELECT revision FROM courses WHERE id = ?1",
  [STMT_COURSE_LIST] =
    "SELECT id, title, subtitle, status, language, timezone, first_start, last_start,"
    " n_sessions, checks_met, checks_total FROM courses",  /* sorted in C: see kp_store_list_courses */
  [STMT_MEMBERS_DELETE] = "DELETE FROM members WHERE course = ?1",
  [STMT_MEETINGS_DELETE] = "DELETE FROM meetings WHERE course = ?1",
  [STMT_SESSIONS_DELETE] = "DELETE FROM sessions WHERE course = ?1",
  [STMT_EVALUATIONS_DELETE] = "DELETE FROM evaluations WHERE course = ?1",
  [STMT_MEMBER_INSERT] =
    "INSERT INTO members (course, position, id, key, name, role, organisation, title, email,"
    " phone, public) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
  [STMT_MEMBERS_SELECT] =
    "SELECT id, key, name, role, organisation, title, email, phone, public FROM members"
    " WHERE course = ?1 ORDER BY position",
  [STMT_MEETING_INSERT] =
    "INSERT INTO meetings (course, position, id, start, start_offset, minutes, notes)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
  [STMT_MEETINGS_SELECT] =
    "SELECT mid, id, start, start_offset, minutes, notes FROM meetings"
    " WHERE course = ?1 ORDER BY position",
  [STMT_MEETING_ATTENDEE_INSERT] =
    "INSERT INTO meeting_attendees (meeting, position, member_id) VALUES (?1, ?2, ?3)",
  [STMT_MEETING_ATTENDEES_SELECT] =
    "SELECT a.meeting, a.member_id FROM meetings m JOIN meeting_attendees a ON a.meeting = m.mid"
    " WHERE m.course = ?1 ORDER BY m.position, a.position",
  [STMT_SESSION_INSERT] =
    "INSERT INTO sessions (course, position, id, title, start, start_offset, minutes,"
    " location_name, location_room, location_address, status, attended, notes, revision,"
    " modified, join_url)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
  /* The unary + keeps the planner on sessions_by_id_prefix: on s.id it would rather scan the
   * covering (course, id) index, all 100,000 entries of it. */
  [STMT_SESSION_OWNER] =
    "SELECT c.title, c.id FROM sessions s JOIN courses c ON c.cid = s.course"
    " WHERE substr (s.id, 1, 8) = substr (?1, 1, 8) AND +s.id = ?1 AND +s.course != ?2"
    " LIMIT 1",
  [STMT_SESSIONS_SELECT] =
    "SELECT sid, id, title, start, start_offset, minutes, location_name, location_room,"
    " location_address, status, attended, notes, revision, modified, join_url FROM sessions"
    " WHERE course = ?1 ORDER BY position",
  [STMT_CONTRIBUTION_INSERT] =
    "INSERT INTO contributions (session, position, kind, member_id, title, minutes)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
  [STMT_CONTRIBUTIONS_SELECT] =
    "SELECT c.session, c.kind, c.member_id, c.title, c.minutes"
    " FROM sessions s JOIN contributions c ON c.session = s.sid"
    " WHERE s.course = ?1 ORDER BY s.position, c.position",
  [STMT_EVALUATION_INSERT] =
    "INSERT INTO evaluations (course, position, id, kind, after_session, responses, date, notes,"
    " patients, relatives) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
  [STMT_EVALUATIONS_SELECT] =
    "SELECT eid, id, kind, after_session, responses, date, notes, patients, relatives"
    " FROM evaluations WHERE course = ?1 ORDER BY position",
  [STMT_SCORE_INSERT] =
    "INSERT INTO evaluation_scores (evaluation, position, question, count0, count1, count2,"
    " count3, count4, count5, count6, count7, count8, count9, count10)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
  [STMT_SCORES_SELECT] =
    "SELECT s.evaluation, s.question, s.count0, s.count1, s.count2, s.count3, s.count4,"
    " s.count5, s.count6, s.count7, s.count8, s.count9, s.count10"
    " FROM evaluations e JOIN evaluation_scores s ON s.evaluation = e.eid"
    " WHERE e.course = ?1 ORDER BY e.position, s.position",
  [STMT_EVALUATION_ATTENDEE_INSERT] =
    "INSERT INTO evaluation_attendees (evaluation, position, member_id) VALUES (?1, ?2, ?3)",
  [STMT_EVALUATION_ATTENDEES_SELECT] =
    "SELECT a.evaluation, a.member_id"
    " FROM evaluations e JOIN evaluation_attendees a ON a.evaluation = e.eid"
    " WHERE e.course = ?1 ORDER BY e.position, a.position",
  [STMT_ACTION_INSERT] =
    "INSERT INTO evaluation_actions (evaluation, position, action, done)"
    " VALUES (?1, ?2, ?3, ?4)",
  [STMT_ACTIONS_SELECT] =
    "SELECT a.evaluation, a.action"
    " FROM evaluations e JOIN evaluation_actions a ON a.evaluation = e.eid"
    " WHERE e.course = ?1 ORDER BY e.position, a.position",
  [STMT_ACTIONS_DONE_SELECT] =
    "SELECT a.evaluation, a.action"
    " FROM evaluations e JOIN evaluation_actions a ON a.evaluation = e.eid"
    " WHERE e.course = ?1 AND a.done != 0 ORDER BY e.position, a.position",
  [STMT_CALDAV_SELECT] =
    "SELECT session_id, href, etag, digest FROM caldav_resources"
    " WHERE course_id = ?1 AND collection = ?2",
  [STMT_CALDAV_UPSERT] =
    "INSERT INTO caldav_resources (course_id, collection, session_id, href, etag, digest)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (course_id, collection, session_id)"
    " DO UPDATE SET href = excluded.href, etag = excluded.etag, digest = excluded.digest",
  [STMT_CALDAV_DELETE] =
    "DELETE FROM caldav_resources WHERE course_id = ?1 AND collection = ?2 AND session_id = ?3",
  [STMT_INVITATIONS_SELECT] =
    "SELECT meeting_id, sequence, digest FROM invitations WHERE course_id = ?1",
  [STMT_INVITATION_UPSERT] =
    "INSERT INTO invitations (course_id, meeting_id, sequence, digest) VALUES (?1, ?2, ?3, ?4)"
    " ON CONFLICT (course_id, meeting_id)"
    " DO UPDATE SET sequence = excluded.sequence, digest = excluded.digest",
  [STMT_INVITATION_DELETE] =
    "DELETE FROM invitations WHERE course_id = ?1 AND meeting_id = ?2",
  [STMT_REMIND_SELECT] = "SELECT remind_minutes FROM courses WHERE id = ?1",
  [STMT_REMIND_UPDATE] = "UPDATE courses SET remind_minutes = ?2 WHERE id = ?1",
};

/* The evaluation form's choices (schema 9), after the conditions. */
static const char * const course_form_columns[] = {
  "evaluation_scale", "asks_patient_or_relative",
};

/* The offer (schema 12), after the form's choices. */
static const char * const course_offer_columns[] = {
  "mode", "level", "cancelled_on", "cancel_reason",
};

/* Columns of the course row after id and the texts, in the order the upsert binds them. */
static const char * const course_columns[] = {
  "status", "management", "capacity_min", "capacity_max", "registered", "goals", "partners",
  "first_start", "last_start", "n_sessions", "checks_met", "checks_total", "revision",
};

/* Where "revision" is among them. */
#define COURSE_COLUMN_REVISION 12

struct _KpStore
{
  GObject        parent_instance;

  char          *path;
  sqlite3       *db;
  sqlite3_stmt  *statements[N_STATEMENTS];
  gboolean       is_new;

  gboolean       in_update;    /* inside kp_store_update()'s transaction */
  GArray        *written;      /* KpStoreWritten: revisions saved, not yet committed */

  GHashTable    *watched;      /* KpCourse (ref) → "changed" handler id */
  GHashTable    *pending;      /* set of KpCourse (ref) with edits not yet written */
  GSource       *save_source;
  char          *refused_text; /* (nullable) text bound since the last kp_store_statement()
                                * that is not UTF-8, made readable for the message */
};

G_DEFINE_FINAL_TYPE (KpStore, kp_store, G_TYPE_OBJECT)

enum {
  SAVE_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The revision of a course object as this database last had it: set on the object when it is
 * loaded or saved, so its next save can tell whether another program saved in between. */
typedef struct
{
  char   *path;
  gint64  revision;
} KpStoreRevision;

/* A revision to set on a course object once the transaction that wrote it commits. */
typedef struct
{
  KpCourse *course;
  gint64    revision;
} KpStoreWritten;

G_DEFINE_QUARK (kp-store-revision, kp_store_revision)

static void
kp_store_revision_free (gpointer data)
{
  KpStoreRevision *revision = data;

  g_free (revision->path);
  g_free (revision);
}

static void
kp_store_set_course_revision (KpStore  *self,
                              KpCourse *course,
                              gint64    value)
{
  KpStoreRevision *revision = g_new0 (KpStoreRevision, 1);

  revision->path = g_strdup (self->path);
  revision->revision = value;
  g_object_set_qdata_full (G_OBJECT (course), kp_store_revision_quark (), revision,
                           kp_store_revision_free);
}

/* -1 for an object this database never gave out or took: a new course, or one from a file. */
static gint64
kp_store_get_course_revision (KpStore  *self,
                              KpCourse *course)
{
  KpStoreRevision *revision = g_object_get_qdata (G_OBJECT (course), kp_store_revision_quark ());

  if (revision == NULL || g_strcmp0 (revision->path, self->path) != 0)
    return -1;
  return revision->revision;
}

static void
kp_store_written_clear (gpointer data)
{
  KpStoreWritten *written = data;

  g_clear_object (&written->course);
}

/* The transaction committed: the objects now hold the revisions they wrote. */
static void
kp_store_apply_written (KpStore *self)
{
  for (guint i = 0; i < self->written->len; i++)
    {
      KpStoreWritten *written = &g_array_index (self->written, KpStoreWritten, i);

      kp_store_set_course_revision (self, written->course, written->revision);
    }
  g_array_set_size (self->written, 0);
}

/* One parent row (a meeting, session or evaluation) and the object made from it. */
typedef struct
{
  gint64   rowid;
  gpointer object;
} KpStoreRow;

static void
kp_store_set_sqlite_error (KpStore  *self,
                           GError  **error)
{
  int code = sqlite3_errcode (self->db) & 0xff;

  switch (code)
    {
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
      g_set_error (error, KP_ERROR, KP_ERROR_STORE,
                   _("Kursplan cannot write to the database “%s”: check that the file and its "
                     "folder are writable (%s)"),
                   self->path, sqlite3_errmsg (self->db));
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, KP_ERROR, KP_ERROR_STORE,
                   _("The database “%s” is busy: another program is writing to it. Try again "
                     "in a moment."),
                   self->path);
      break;
    case SQLITE_FULL:
      g_set_error (error, KP_ERROR, KP_ERROR_STORE,
                   _("The disk that holds the database “%s” is full: free some space and try "
                     "again"),
                   self->path);
      break;
    case SQLITE_NOTADB:
      g_set_error (error, KP_ERROR, KP_ERROR_STORE,
                   _("“%s” is not a Kursplan database"), self->path);
      break;
    case SQLITE_CORRUPT:
      g_set_error (error, KP_ERROR, KP_ERROR_STORE,
                   _("The database “%s” is damaged: restore it from a backup (%s)"),
                   self->path, sqlite3_errmsg (self->db));
      break;
    default:
      g_set_error (error, KP_ERROR, KP_ERROR_STORE,
                   _("The database “%s” could not be used: %s"),
                   self->path, sqlite3_errmsg (self->db));
      break;
    }
}

static gboolean
kp_store_set_unreadable_error (KpStore     *self,
                               const char  *what,
                               const char  *value,
                               GError     **error)
{
  /* TRANSLATORS: the second %s names what was read, such as "time zone" */
  g_set_error (error, KP_ERROR, KP_ERROR_STORE,
               _("The database “%s” holds a value this version of Kursplan cannot read "
                 "(%s: “%s”)"),
               self->path, what, value ? value : "");
  return FALSE;
}

static gboolean
kp_store_exec (KpStore     *self,
               const char  *sql,
               GError     **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      kp_store_set_sqlite_error (self, error);
      return FALSE;
    }
  return TRUE;
}

static void
kp_store_rollback (KpStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

static char *
build_course_sql (KpStoreStatement which)
{
  GString *sql = g_string_new (NULL);

  if (which == STMT_COURSE_UPSERT)
    {
      guint n = 1;

      g_string_append (sql, "INSERT INTO courses (id");
      for (guint i = 0; i < KP_COURSE_N_TEXTS; i++)
        g_string_append_printf (sql, ", %s", kp_course_text_info (i)->key);
      for (guint i = 0; i < G_N_ELEMENTS (course_columns); i++)
        g_string_append_printf (sql, ", %s", course_columns[i]);
      for (guint i = 0; i < KP_COURSE_N_CONDITIONS; i++)
        g_string_append_printf (sql, ", %s", kp_course_condition_info (i)->key);
      g_string_append (sql, ", notice_hours");
      for (guint i = 0; i < G_N_ELEMENTS (course_form_columns); i++)
        g_string_append_printf (sql, ", %s", course_form_columns[i]);
      for (guint i = 0; i < G_N_ELEMENTS (course_offer_columns); i++)
        g_string_append_printf (sql, ", %s", course_offer_columns[i]);
      for (guint i = 0; i < KP_COURSE_N_COUNTS; i++)
        g_string_append_printf (sql, ", %s", kp_course_count_info (i)->key);
      g_string_append (sql, ", fewer_decided_on, fewer_decided_by");
      g_string_append (sql, ") VALUES (?1");
      for (guint i = 0;
           i < KP_COURSE_N_TEXTS + G_N_ELEMENTS (course_columns) + KP_COURSE_N_CONDITIONS + 1;
           i++)
        g_string_append_printf (sql, ", ?%u", ++n);
      for (guint i = 0; i < G_N_ELEMENTS (course_form_columns); i++)
        g_string_append_printf (sql, ", ?%u", ++n);
      for (guint i = 0; i < G_N_ELEMENTS (course_offer_columns) + KP_COURSE_N_COUNTS + 2; i++)
        g_string_append_printf (sql, ", ?%u", ++n);
      g_string_append (sql, ") ON CONFLICT (id) DO UPDATE SET ");
      for (guint i = 0; i < KP_COURSE_N_TEXTS; i++)
        g_string_append_printf (sql, "%s = excluded.%s, ",
                                kp_course_text_info (i)->key, kp_course_text_info (i)->key);
      for (guint i = 0; i < G_N_ELEMENTS (course_columns); i++)
        g_string_append_printf (sql, "%s%s = excluded.%s", i > 0 ? ", " : "",
                                course_columns[i], course_columns[i]);
      for (guint i = 0; i < KP_COURSE_N_CONDITIONS; i++)
        g_string_append_printf (sql, ", %s = excluded.%s", kp_course_condition_info (i)->key,
                                kp_course_condition_info (i)->key);
      g_string_append (sql, ", notice_hours = excluded.notice_hours");
      for (guint i = 0; i < G_N_ELEMENTS (course_form_columns); i++)
        g_string_append_printf (sql, ", %s = excluded.%s", course_form_columns[i],
                                course_form_columns[i]);
      for (guint i = 0; i < G_N_ELEMENTS (course_offer_columns); i++)
        g_string_append_printf (sql, ", %s = excluded.%s", course_offer_columns[i],
                                course_offer_columns[i]);
      for (guint i = 0; i < KP_COURSE_N_COUNTS; i++)
        g_string_append_printf (sql, ", %s = excluded.%s", kp_course_count_info (i)->key,
                                kp_course_count_info (i)->key);
      g_string_append (sql, ", fewer_decided_on = excluded.fewer_decided_on"
                            ", fewer_decided_by = excluded.fewer_decided_by");
      g_string_append (sql, " RETURNING cid");
    }
  else
    {
      g_assert (which == STMT_COURSE_SELECT);

      g_string_append (sql, "SELECT cid, id");
      for (guint i = 0; i < KP_COURSE_N_TEXTS; i++)
        g_string_append_printf (sql, ", %s", kp_course_text_info (i)->key);
      for (guint i = 0; i < G_N_ELEMENTS (course_columns); i++)
        g_string_append_printf (sql, ", %s", course_columns[i]);
      for (guint i = 0; i < KP_COURSE_N_CONDITIONS; i++)
        g_string_append_printf (sql, ", %s", kp_course_condition_info (i)->key);
      g_string_append (sql, ", notice_hours");
      for (guint i = 0; i < G_N_ELEMENTS (course_form_columns); i++)
        g_string_append_printf (sql, ", %s", course_form_columns[i]);
      for (guint i = 0; i < G_N_ELEMENTS (course_offer_columns); i++)
        g_string_append_printf (sql, ", %s", course_offer_columns[i]);
      for (guint i = 0; i < KP_COURSE_N_COUNTS; i++)
        g_string_append_printf (sql, ", %s", kp_course_count_info (i)->key);
      g_string_append (sql, ", fewer_decided_on, fewer_decided_by");
      g_string_append (sql, " FROM courses WHERE id = ?1");
    }

  return g_string_free (sql, FALSE);
}

/* The cached prepared statement, reset and ready for new bindings. */
static sqlite3_stmt *
kp_store_statement (KpStore           *self,
                    KpStoreStatement   which,
                    GError           **error)
{
  if (self->statements[which] == NULL)
    {
      g_autofree char *built = NULL;
      const char *sql = statement_sql[which];

      if (sql == NULL)
        sql = built = build_course_sql (which);

      if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
                              &self->statements[which], NULL) != SQLITE_OK)
        {
          kp_store_set_sqlite_error (self, error);
          return NULL;
        }
    }
  g_clear_pointer (&self->refused_text, g_free);
  return self->statements[which];
}

static void
kp_store_statement_done (sqlite3_stmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

/* Refuses to step a write whose texts bind_text() noted as not UTF-8. */
static gboolean
kp_store_check_texts (KpStore       *self,
                      sqlite3_stmt  *stmt,
                      GError       **error)
{
  g_autofree char *text = g_steal_pointer (&self->refused_text);

  if (text == NULL)
    return TRUE;
  /* Translators: %s is the text, with what is not UTF-8 shown as � */
  g_set_error (error, KP_ERROR, KP_ERROR_INVALID_VALUE,
               _("the text “%s” is not valid UTF-8 (it may hold a lone UTF-16 surrogate)"),
               text);
  kp_store_statement_done (stmt);
  return FALSE;
}

/* Steps a statement that returns no rows to its end. */
static gboolean
kp_store_run (KpStore       *self,
              sqlite3_stmt  *stmt,
              GError       **error)
{
  int rc;

  if (!kp_store_check_texts (self, stmt, error))
    return FALSE;

  rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    {
      kp_store_set_sqlite_error (self, error);
      kp_store_statement_done (stmt);
      return FALSE;
    }
  kp_store_statement_done (stmt);
  return TRUE;
}

/* Every text the store writes is bound here. Text that is not UTF-8 (a lone surrogate from a
 * JSON escape, say) is noted, and kp_store_run() then refuses the write: the store could not read
 * it back (its lists are JSON, which json-glib refuses), nor the exporters or the window. */
static void
bind_text (KpStore      *self,
           sqlite3_stmt *stmt,
           int           column,
           const char   *text)
{
  if (text != NULL && self->refused_text == NULL && !g_utf8_validate (text, -1, NULL))
    self->refused_text = g_utf8_make_valid (text, -1);
  /* A NULL text binds SQL NULL; the model keeps its strings alive until the step. */
  sqlite3_bind_text (stmt, column, text, -1, SQLITE_STATIC);
}

static void
bind_enum (sqlite3_stmt *stmt,
           int           column,
           GType         enum_type,
           int           value)
{
  sqlite3_bind_text (stmt, column, kp_enum_to_string (enum_type, value), -1, SQLITE_STATIC);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

static char *
strv_to_json (const char * const *strv)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;

  if (strv == NULL)
    return NULL;

  builder = json_builder_new ();
  json_builder_begin_array (builder);
  for (guint i = 0; strv[i] != NULL; i++)
    json_builder_add_string_value (builder, strv[i]);
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static gboolean
json_to_strv (KpStore      *self,
              const char   *json,
              char       ***strv,
              GError      **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonNode *root;
  JsonArray *array;

  *strv = NULL;
  if (json == NULL)
    return TRUE;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, json, -1, NULL) ||
      (root = json_parser_get_root (parser)) == NULL ||
      !JSON_NODE_HOLDS_ARRAY (root))
    return kp_store_set_unreadable_error (self, _("list"), json, error);

  array = json_node_get_array (root);
  builder = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        return kp_store_set_unreadable_error (self, _("list"), json, error);
      g_strv_builder_add (builder, json_node_get_string (element));
    }
  *strv = g_strv_builder_end (builder);
  return TRUE;
}

/* Wall-clock text in the course's zone, and the UTC offset that tells an autumn hour twice. */
static char *
format_local (GDateTime *time,
              GTimeZone *tz,
              int       *offset)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (time, tz);

  *offset = (int) (g_date_time_get_utc_offset (local) / G_TIME_SPAN_SECOND);
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d",
                          g_date_time_get_year (local),
                          g_date_time_get_month (local),
                          g_date_time_get_day_of_month (local),
                          g_date_time_get_hour (local),
                          g_date_time_get_minute (local),
                          g_date_time_get_second (local));
}

static gboolean
same_wall_clock (GDateTime *time,
                 int        year,
                 int        month,
                 int        day,
                 int        hour,
                 int        minute,
                 int        second)
{
  return g_date_time_get_year (time) == year &&
         g_date_time_get_month (time) == month &&
         g_date_time_get_day_of_month (time) == day &&
         g_date_time_get_hour (time) == hour &&
         g_date_time_get_minute (time) == minute &&
         g_date_time_get_second (time) == second;
}

static gboolean
parse_local (KpStore     *self,
             const char  *text,
             gint64       offset,
             GTimeZone   *tz,
             GDateTime  **time,
             GError     **error)
{
  int year, month, day, hour, minute, second;
  g_autoptr(GDateTime) local = NULL;

  *time = NULL;
  if (text == NULL)
    return TRUE;

  if (sscanf (text, "%4d-%2d-%2dT%2d:%2d:%2d", &year, &month, &day, &hour, &minute,
              &second) != 6 ||
      (local = g_date_time_new (tz, year, month, day, hour, minute, second)) == NULL)
    return kp_store_set_unreadable_error (self, _("date and time"), text, error);

  /* In the hour the clocks go back, the stored offset picks which of the two it was. */
  if (g_date_time_get_utc_offset (local) / G_TIME_SPAN_SECOND != offset)
    {
      g_autoptr(GDateTime) utc = g_date_time_new_utc (year, month, day, hour, minute, second);
      g_autoptr(GDateTime) shifted = utc ? g_date_time_add_seconds (utc, -offset) : NULL;
      g_autoptr(GDateTime) other = shifted ? g_date_time_to_timezone (shifted, tz) : NULL;

      if (other != NULL && same_wall_clock (other, year, month, day, hour, minute, second))
        {
          *time = g_steal_pointer (&other);
          return TRUE;
        }
    }

  *time = g_steal_pointer (&local);
  return TRUE;
}

static gint64
time_to_usec (GDateTime *time)
{
  return g_date_time_to_unix (time) * G_USEC_PER_SEC + g_date_time_get_microsecond (time);
}

static GDateTime *
time_from_usec (gint64 usec)
{
  gint64 seconds = usec / G_USEC_PER_SEC;
  gint64 rest = usec % G_USEC_PER_SEC;
  g_autoptr(GDateTime) whole = NULL;

  if (rest < 0)
    {
      seconds--;
      rest += G_USEC_PER_SEC;
    }
  whole = g_date_time_new_from_unix_utc (seconds);
  return whole ? g_date_time_add (whole, rest) : NULL;
}

/* Opening */

static gboolean
kp_store_read_header (KpStore  *self,
                      int      *application_id,
                      int      *version,
                      int      *n_objects,
                      GError  **error)
{
  static const char sql[] =
    "SELECT (SELECT application_id FROM pragma_application_id),"
    " (SELECT user_version FROM pragma_user_version),"
    " (SELECT count(*) FROM sqlite_schema)";
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      kp_store_set_sqlite_error (self, error);
      return FALSE;
    }
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      kp_store_set_sqlite_error (self, error);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  *application_id = sqlite3_column_int (stmt, 0);
  *version = sqlite3_column_int (stmt, 1);
  *n_objects = sqlite3_column_int (stmt, 2);
  sqlite3_finalize (stmt);
  return TRUE;
}

/* Refuses what is not ours or is newer than this build; changes nothing while checking. */
static gboolean
kp_store_check_header (KpStore  *self,
                       int      *version,
                       GError  **error)
{
  int application_id, n_objects;

  if (!kp_store_read_header (self, &application_id, version, &n_objects, error))
    return FALSE;

  if (application_id == 0 && *version == 0 && n_objects == 0)
    return TRUE;

  if (application_id != KP_STORE_APPLICATION_ID)
    {
      g_set_error (error, KP_ERROR, KP_ERROR_STORE,
                   _("“%s” is not a Kursplan database"), self->path);
      return FALSE;
    }

  if (*version > KP_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, KP_ERROR, KP_ERROR_STORE,
                   _("The database “%s” was written by a newer version of Kursplan (database "
                     "version %d; this version reads up to %d): open it with a newer Kursplan"),
                   self->path, *version, KP_STORE_SCHEMA_VERSION);
      return FALSE;
    }
  return TRUE;
}

static gboolean
kp_store_migrate (KpStore  *self,
                  GError  **error)
{
  int version, application_id, n_objects;

  if (!kp_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  /* Another process may have migrated while this one waited for the lock. */
  if (!kp_store_read_header (self, &application_id, &version, &n_objects, error))
    goto failed;

  if (version == KP_STORE_SCHEMA_VERSION)
    return kp_store_exec (self, "COMMIT", error);

  if (version == 0)
    {
      g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d",
                                              KP_STORE_APPLICATION_ID);
      if (!kp_store_exec (self, sql, error))
        goto failed;
      self->is_new = TRUE;
    }

  for (int step = version; step < KP_STORE_SCHEMA_VERSION; step++)
    {
      g_autofree char *sql = NULL;

      if (!kp_store_exec (self, migrations[step], error))
        goto failed;
      sql = g_strdup_printf ("PRAGMA user_version = %d", step + 1);
      if (!kp_store_exec (self, sql, error))
        goto failed;
      if (version > 0)
        g_debug ("Migrated %s to schema version %d", self->path, step + 1);
    }

  if (!kp_store_exec (self, "COMMIT", error))
    goto failed;
  return TRUE;

failed:
  kp_store_rollback (self);
  self->is_new = FALSE;
  return FALSE;
}

/* The database is created 0600 before SQLite sees it; SQLite gives its -wal and -shm files the
 * same mode, and this makes sure of it for files an older build made. */
static gboolean
kp_store_prepare_file (const char  *path,
                       GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR) && g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, KP_ERROR, KP_ERROR_STORE,
                   _("Kursplan cannot create the folder “%s” for its database: %s"),
                   dir, g_strerror (saved_errno));
      return FALSE;
    }

  fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, KP_ERROR, KP_ERROR_STORE,
                   _("Kursplan cannot write to the database “%s”: %s"),
                   path, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

static void
kp_store_protect_side_files (KpStore *self)
{
  const char * const suffixes[] = { "-wal", "-shm" };
  GStatBuf st;

  if (g_stat (self->path, &st) != 0 || (st.st_mode & 077) != 0)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (self->path, suffixes[i], NULL);
      GStatBuf side_st;

      if (g_stat (side, &side_st) == 0 && (side_st.st_mode & 077) != 0)
        g_chmod (side, 0600);
    }
}

static gboolean
kp_store_open (KpStore  *self,
               GError  **error)
{
  int version = 0;

  if (!kp_store_prepare_file (self->path, error))
    return FALSE;

  if (sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                       NULL) != SQLITE_OK)
    {
      if (self->db == NULL)
        {
          g_set_error (error, KP_ERROR, KP_ERROR_STORE,
                       _("The database “%s” could not be opened"), self->path);
          return FALSE;
        }
      kp_store_set_sqlite_error (self, error);
      return FALSE;
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);

  if (!kp_store_check_header (self, &version, error))
    return FALSE;

  if (!kp_store_exec (self, "PRAGMA journal_mode = WAL", error) ||
      !kp_store_exec (self, "PRAGMA synchronous = NORMAL", error) ||
      !kp_store_exec (self, "PRAGMA foreign_keys = ON", error))
    return FALSE;

  kp_store_protect_side_files (self);

  /* A database of this version needs no write lock to open: readers are not kept waiting
   * behind another program's import (issue #12). */
  if (version == KP_STORE_SCHEMA_VERSION)
    return TRUE;
  return kp_store_migrate (self, error);
}

/* Saving */

static gboolean
kp_store_insert_strings (KpStore             *self,
                         KpStoreStatement     which,
                         gint64               parent,
                         const char * const  *strings,
                         GError             **error)
{
  sqlite3_stmt *stmt;

  if (strings == NULL)
    return TRUE;
  if ((stmt = kp_store_statement (self, which, error)) == NULL)
    return FALSE;

  for (guint i = 0; strings[i] != NULL; i++)
    {
      sqlite3_bind_int64 (stmt, 1, parent);
      sqlite3_bind_int (stmt, 2, i);
      bind_text (self, stmt, 3, strings[i]);
      if (!kp_store_run (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
kp_store_save_members (KpStore   *self,
                       KpCourse  *course,
                       gint64     cid,
                       GError   **error)
{
  GListModel *members = kp_course_get_members (course);
  guint n = g_list_model_get_n_items (members);
  sqlite3_stmt *stmt;

  if (n == 0)
    return TRUE;
  if ((stmt = kp_store_statement (self, STMT_MEMBER_INSERT, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KpMember) member = g_list_model_get_item (members, i);

      sqlite3_bind_int64 (stmt, 1, cid);
      sqlite3_bind_int (stmt, 2, i);
      bind_text (self, stmt, 3, kp_member_get_id (member));
      bind_text (self, stmt, 4, kp_member_get_key (member));
      bind_text (self, stmt, 5, kp_member_get_name (member));
      bind_enum (stmt, 6, KP_TYPE_ROLE, kp_member_get_role (member));
      bind_text (self, stmt, 7, kp_member_get_organisation (member));
      bind_text (self, stmt, 8, kp_member_get_title (member));
      bind_text (self, stmt, 9, kp_member_get_email (member));
      bind_text (self, stmt, 10, kp_member_get_phone (member));
      sqlite3_bind_int (stmt, 11, kp_member_get_public (member) ? 1 : 0);
      if (!kp_store_run (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
kp_store_save_meetings (KpStore   *self,
                        KpCourse  *course,
                        gint64     cid,
                        GError   **error)
{
  GListModel *meetings = kp_course_get_meetings (course);
  GTimeZone *tz = kp_course_get_time_zone (course);
  guint n = g_list_model_get_n_items (meetings);
  sqlite3_stmt *stmt;

  if (n == 0)
    return TRUE;
  if ((stmt = kp_store_statement (self, STMT_MEETING_INSERT, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KpMeeting) meeting = g_list_model_get_item (meetings, i);
      GDateTime *start = kp_meeting_get_start (meeting);
      g_autofree char *start_text = NULL;
      int offset = 0;

      if (start != NULL)
        start_text = format_local (start, tz, &offset);

      sqlite3_bind_int64 (stmt, 1, cid);
      sqlite3_bind_int (stmt, 2, i);
      bind_text (self, stmt, 3, kp_meeting_get_id (meeting));
      bind_text (self, stmt, 4, start_text);
      if (start != NULL)
        sqlite3_bind_int (stmt, 5, offset);
      sqlite3_bind_int64 (stmt, 6, kp_meeting_get_minutes (meeting));
      bind_text (self, stmt, 7, kp_meeting_get_notes (meeting));
      if (!kp_store_run (self, stmt, error))
        return FALSE;

      if (!kp_store_insert_strings (self, STMT_MEETING_ATTENDEE_INSERT,
                                    sqlite3_last_insert_rowid (self->db),
                                    kp_meeting_get_attendees (meeting), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
kp_store_save_contributions (KpStore    *self,
                             KpSession  *session,
                             gint64      sid,
                             GError    **error)
{
  GListModel *contributions = kp_session_get_contributions (session);
  guint n = g_list_model_get_n_items (contributions);
  sqlite3_stmt *stmt;

  if (n == 0)
    return TRUE;
  if ((stmt = kp_store_statement (self, STMT_CONTRIBUTION_INSERT, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KpContribution) contribution = g_list_model_get_item (contributions, i);

      sqlite3_bind_int64 (stmt, 1, sid);
      sqlite3_bind_int (stmt, 2, i);
      bind_enum (stmt, 3, KP_TYPE_CONTRIBUTION_KIND, kp_contribution_get_kind (contribution));
      bind_text (self, stmt, 4, kp_contribution_get_member_id (contribution));
      bind_text (self, stmt, 5, kp_contribution_get_title (contribution));
      sqlite3_bind_int64 (stmt, 6, kp_contribution_get_minutes (contribution));
      if (!kp_store_run (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* A session's UUID is its calendar event's UID: a second course holding it (a copy of a plan
 * imported under another course id) would make two events one. */
static gboolean
kp_store_check_session_owner (KpStore    *self,
                              KpSession  *session,
                              gint64      cid,
                              GError    **error)
{
  sqlite3_stmt *stmt = kp_store_statement (self, STMT_SESSION_OWNER, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  bind_text (self, stmt, 1, kp_session_get_id (session));
  sqlite3_bind_int64 (stmt, 2, cid);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *title = column_text (stmt, 0);

      g_set_error (error, KP_ERROR, KP_ERROR_INVALID_VALUE,
                   /* Translators: a session's title, its UUID, another course's title */
                   _("the session “%s” has the id %s, which the course “%s” already holds; a "
                     "copy of a course needs new session ids"),
                   kp_session_get_title (session) ? kp_session_get_title (session) : "",
                   kp_session_get_id (session), title ? title : column_text (stmt, 1));
      kp_store_statement_done (stmt);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      kp_store_set_sqlite_error (self, error);
      kp_store_statement_done (stmt);
      return FALSE;
    }
  kp_store_statement_done (stmt);
  return TRUE;
}

static gboolean
kp_store_save_sessions (KpStore   *self,
                        KpCourse  *course,
                        gint64     cid,
                        GError   **error)
{
  GListModel *sessions = kp_course_get_sessions (course);
  GTimeZone *tz = kp_course_get_time_zone (course);
  guint n = g_list_model_get_n_items (sessions);
  sqlite3_stmt *stmt;

  if (n == 0)
    return TRUE;
  if ((stmt = kp_store_statement (self, STMT_SESSION_INSERT, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KpSession) session = g_list_model_get_item (sessions, i);
      GDateTime *start = kp_session_get_start (session);
      GDateTime *modified = kp_session_get_modified (session);
      g_autofree char *start_text = NULL;
      int offset = 0;

      if (!kp_store_check_session_owner (self, session, cid, error))
        return FALSE;
      if (start != NULL)
        start_text = format_local (start, tz, &offset);

      sqlite3_bind_int64 (stmt, 1, cid);
      sqlite3_bind_int (stmt, 2, i);
      bind_text (self, stmt, 3, kp_session_get_id (session));
      bind_text (self, stmt, 4, kp_session_get_title (session));
      bind_text (self, stmt, 5, start_text);
      if (start != NULL)
        sqlite3_bind_int (stmt, 6, offset);
      sqlite3_bind_int64 (stmt, 7, kp_session_get_minutes (session));
      bind_text (self, stmt, 8, kp_session_get_location_name (session));
      bind_text (self, stmt, 9, kp_session_get_location_room (session));
      bind_text (self, stmt, 10, kp_session_get_location_address (session));
      bind_enum (stmt, 11, KP_TYPE_SESSION_STATUS, kp_session_get_status (session));
      sqlite3_bind_int (stmt, 12, kp_session_get_attended (session));
      bind_text (self, stmt, 13, kp_session_get_notes (session));
      sqlite3_bind_int64 (stmt, 14, kp_session_get_revision (session));
      if (modified != NULL)
        sqlite3_bind_int64 (stmt, 15, time_to_usec (modified));
      bind_text (self, stmt, 16, kp_session_get_join_url (session));
      if (!kp_store_run (self, stmt, error))
        return FALSE;

      if (!kp_store_save_contributions (self, session, sqlite3_last_insert_rowid (self->db),
                                        error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
kp_store_save_scores (KpStore       *self,
                      KpEvaluation  *evaluation,
                      gint64         eid,
                      GError       **error)
{
  g_auto(GStrv) questions = kp_evaluation_dup_questions (evaluation);
  sqlite3_stmt *stmt;

  if (questions[0] == NULL)
    return TRUE;
  if ((stmt = kp_store_statement (self, STMT_SCORE_INSERT, error)) == NULL)
    return FALSE;

  for (guint i = 0; questions[i] != NULL; i++)
    {
      const guint *counts = kp_evaluation_get_scores (evaluation, questions[i]);
      guint lowest = kp_evaluation_scale_get_lowest (kp_evaluation_get_scale (evaluation));

      sqlite3_bind_int64 (stmt, 1, eid);
      sqlite3_bind_int (stmt, 2, i);
      bind_text (self, stmt, 3, questions[i]);
      /* Columns count0…count10 by the answer's value; points off the scale stay 0. */
      for (guint value = 0; value < KP_SCALE_MAX_POINTS; value++)
        {
          guint point = value - lowest;

          sqlite3_bind_int64 (stmt, 4 + value,
                              value >= lowest && point < kp_evaluation_get_n_points (evaluation)
                              ? counts[point] : 0);
        }
      if (!kp_store_run (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* The meeting's actions, each with whether the next run has ticked it off. */
static gboolean
kp_store_save_actions (KpStore       *self,
                       KpEvaluation  *evaluation,
                       gint64         eid,
                       GError       **error)
{
  const char * const *actions = kp_evaluation_get_actions (evaluation);
  sqlite3_stmt *stmt;

  if (actions == NULL)
    return TRUE;
  if ((stmt = kp_store_statement (self, STMT_ACTION_INSERT, error)) == NULL)
    return FALSE;

  for (guint i = 0; actions[i] != NULL; i++)
    {
      sqlite3_bind_int64 (stmt, 1, eid);
      sqlite3_bind_int (stmt, 2, i);
      bind_text (self, stmt, 3, actions[i]);
      sqlite3_bind_int (stmt, 4, kp_evaluation_get_action_done (evaluation, actions[i]) ? 1 : 0);
      if (!kp_store_run (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
kp_store_save_evaluations (KpStore   *self,
                           KpCourse  *course,
                           gint64     cid,
                           GError   **error)
{
  GListModel *evaluations = kp_course_get_evaluations (course);
  guint n = g_list_model_get_n_items (evaluations);
  sqlite3_stmt *stmt;

  if (n == 0)
    return TRUE;
  if ((stmt = kp_store_statement (self, STMT_EVALUATION_INSERT, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KpEvaluation) evaluation = g_list_model_get_item (evaluations, i);
      gint64 eid;

      sqlite3_bind_int64 (stmt, 1, cid);
      sqlite3_bind_int (stmt, 2, i);
      bind_text (self, stmt, 3, kp_evaluation_get_id (evaluation));
      bind_enum (stmt, 4, KP_TYPE_EVALUATION_KIND, kp_evaluation_get_kind (evaluation));
      sqlite3_bind_int64 (stmt, 5, kp_evaluation_get_after_session (evaluation));
      sqlite3_bind_int64 (stmt, 6, kp_evaluation_get_responses (evaluation));
      bind_text (self, stmt, 7, kp_evaluation_get_date (evaluation));
      bind_text (self, stmt, 8, kp_evaluation_get_notes (evaluation));
      sqlite3_bind_int64 (stmt, 9, kp_evaluation_get_patients (evaluation));
      sqlite3_bind_int64 (stmt, 10, kp_evaluation_get_relatives (evaluation));
      if (!kp_store_run (self, stmt, error))
        return FALSE;

      eid = sqlite3_last_insert_rowid (self->db);
      if (!kp_store_save_scores (self, evaluation, eid, error) ||
          !kp_store_insert_strings (self, STMT_EVALUATION_ATTENDEE_INSERT, eid,
                                    kp_evaluation_get_attendees (evaluation), error) ||
          !kp_store_save_actions (self, evaluation, eid, error))
        return FALSE;
    }
  return TRUE;
}

/* How many of the method's checks the course meets, for the course list: judged when the
 * course is saved, which is every edit. */
static void
kp_store_count_checks (KpCourse *course,
                       guint    *met,
                       guint    *total)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  kp_method_count (course, now, met, total);
}

/* Upserts the course row with its summary; the row id comes back for the children. */
static gboolean
kp_store_upsert_course (KpStore   *self,
                        KpCourse  *course,
                        gint64     revision,
                        gint64    *cid,
                        GError   **error)
{
  g_autofree char *goals = strv_to_json (kp_course_get_goals (course));
  g_autofree char *partners = strv_to_json (kp_course_get_partners (course));
  GDateTime *first = kp_course_get_first_start (course);
  GDateTime *last = kp_course_get_last_start (course);
  sqlite3_stmt *stmt;
  guint checks_met, checks_total;
  int column = 1;
  int rc;

  if ((stmt = kp_store_statement (self, STMT_COURSE_UPSERT, error)) == NULL)
    return FALSE;

  kp_store_count_checks (course, &checks_met, &checks_total);

  bind_text (self, stmt, column++, kp_course_get_id (course));
  for (guint i = 0; i < KP_COURSE_N_TEXTS; i++)
    bind_text (self, stmt, column++, kp_course_get_text (course, i));
  bind_enum (stmt, column++, KP_TYPE_COURSE_STATUS, kp_course_get_status (course));
  sqlite3_bind_int (stmt, column++, kp_course_get_management (course) ? 1 : 0);
  sqlite3_bind_int (stmt, column++, kp_course_get_capacity_min (course));
  sqlite3_bind_int (stmt, column++, kp_course_get_capacity_max (course));
  sqlite3_bind_int64 (stmt, column++, kp_course_get_registered (course));
  bind_text (self, stmt, column++, goals);
  bind_text (self, stmt, column++, partners);
  if (first != NULL)
    sqlite3_bind_int64 (stmt, column, g_date_time_to_unix (first));
  column++;
  if (last != NULL)
    sqlite3_bind_int64 (stmt, column, g_date_time_to_unix (last));
  column++;
  sqlite3_bind_int64 (stmt, column++,
                      g_list_model_get_n_items (kp_course_get_sessions (course)));
  sqlite3_bind_int64 (stmt, column++, checks_met);
  sqlite3_bind_int64 (stmt, column++, checks_total);
  sqlite3_bind_int64 (stmt, column++, revision);
  for (KpCourseCondition condition = 0; condition < KP_COURSE_N_CONDITIONS; condition++)
    sqlite3_bind_int (stmt, column++, kp_course_get_condition (course, condition) ? 1 : 0);
  sqlite3_bind_int64 (stmt, column++, kp_course_get_notice_hours (course));
  bind_enum (stmt, column++, KP_TYPE_EVALUATION_SCALE, kp_course_get_evaluation_scale (course));
  sqlite3_bind_int (stmt, column++, kp_course_get_asks_patient_or_relative (course) ? 1 : 0);
  bind_enum (stmt, column++, KP_TYPE_COURSE_MODE, kp_course_get_mode (course));
  if (kp_course_get_level (course) != KP_COURSE_LEVEL_UNSET)
    bind_enum (stmt, column, KP_TYPE_COURSE_LEVEL, kp_course_get_level (course));
  column++;
  bind_text (self, stmt, column++, kp_course_get_cancelled_on (course));
  bind_text (self, stmt, column++, kp_course_get_cancel_reason (course));
  for (KpCourseCount count = 0; count < KP_COURSE_N_COUNTS; count++)
    sqlite3_bind_int64 (stmt, column++, kp_course_get_count (course, count));
  bind_text (self, stmt, column++, kp_course_get_fewer_decided_on (course));
  if (kp_course_get_fewer_decided_on (course) != NULL)
    bind_enum (stmt, column, KP_TYPE_ROLE, kp_course_get_fewer_decided_by (course));
  column++;

  if (!kp_store_check_texts (self, stmt, error))
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      kp_store_set_sqlite_error (self, error);
      kp_store_statement_done (stmt);
      return FALSE;
    }
  *cid = sqlite3_column_int64 (stmt, 0);

  /* RETURNING rows must be stepped to the end before the insert is complete. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  if (rc != SQLITE_DONE)
    {
      kp_store_set_sqlite_error (self, error);
      kp_store_statement_done (stmt);
      return FALSE;
    }
  kp_store_statement_done (stmt);
  return TRUE;
}

static gboolean
kp_store_delete_children (KpStore  *self,
                          gint64    cid,
                          GError  **error)
{
  const KpStoreStatement deletes[] = {
    STMT_MEMBERS_DELETE, STMT_MEETINGS_DELETE, STMT_SESSIONS_DELETE, STMT_EVALUATIONS_DELETE,
  };

  for (guint i = 0; i < G_N_ELEMENTS (deletes); i++)
    {
      sqlite3_stmt *stmt = kp_store_statement (self, deletes[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, cid);
      if (!kp_store_run (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* The revision the course gets by this save. Refuses when another program saved the course
 * since this object was loaded or saved: writing it would undo that save without a word. */
static gboolean
kp_store_next_revision (KpStore   *self,
                        KpCourse  *course,
                        gint64    *next,
                        GError   **error)
{
  sqlite3_stmt *stmt = kp_store_statement (self, STMT_COURSE_REVISION, error);
  gint64 known = kp_store_get_course_revision (self, course);
  gint64 stored;
  int rc;

  if (stmt == NULL)
    return FALSE;
  bind_text (self, stmt, 1, kp_course_get_id (course));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      /* Not there (new, or deleted and being put back): written whole. */
      kp_store_statement_done (stmt);
      *next = MAX (known, 0) + 1;
      return TRUE;
    }
  if (rc != SQLITE_ROW)
    {
      kp_store_set_sqlite_error (self, error);
      kp_store_statement_done (stmt);
      return FALSE;
    }
  stored = sqlite3_column_int64 (stmt, 0);
  kp_store_statement_done (stmt);

  /* An object the database never gave out (a course read from a file) replaces the course. */
  if (known >= 0 && known != stored)
    {
      g_set_error (error, KP_ERROR, KP_ERROR_CONFLICT, "%s",
                   _("another program changed the course since it was opened here; open it "
                     "again and make the change there"));
      return FALSE;
    }
  *next = stored + 1;
  return TRUE;
}

/* Writes one course inside the caller's transaction; its new revision goes to self->written,
 * to be set on the object when the transaction commits. */
static gboolean
kp_store_write_course (KpStore   *self,
                       KpCourse  *course,
                       GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  KpStoreWritten written = { NULL, 0 };
  gint64 cid;

  if (!kp_store_next_revision (self, course, &written.revision, &local_error) ||
      !kp_store_upsert_course (self, course, written.revision, &cid, &local_error) ||
      !kp_store_delete_children (self, cid, &local_error) ||
      !kp_store_save_members (self, course, cid, &local_error) ||
      !kp_store_save_meetings (self, course, cid, &local_error) ||
      !kp_store_save_sessions (self, course, cid, &local_error) ||
      !kp_store_save_evaluations (self, course, cid, &local_error))
    {
      const char *title = kp_course_get_title (course);
      g_autofree char *valid_title = title ? g_utf8_make_valid (title, -1) : NULL;

      /* A refusal keeps its code (KP_ERROR_INVALID_VALUE, KP_ERROR_CONFLICT); SQLite's
       * failures are the store's. */
      g_set_error (error, KP_ERROR,
                   g_error_matches (local_error, KP_ERROR, KP_ERROR_INVALID_VALUE) ||
                   g_error_matches (local_error, KP_ERROR, KP_ERROR_CONFLICT)
                     ? local_error->code : KP_ERROR_STORE,
                   _("The course “%s” was not saved: %s"),
                   title ? valid_title : kp_course_get_id (course), local_error->message);
      return FALSE;
    }
  written.course = g_object_ref (course);
  g_array_append_val (self->written, written);
  return TRUE;
}

/* Loading */

static gboolean
kp_store_enum (KpStore      *self,
               GType         enum_type,
               const char   *text,
               const char   *what,
               int          *value,
               GError      **error)
{
  if (!kp_enum_from_string (enum_type, text, value))
    return kp_store_set_unreadable_error (self, what, text, error);
  return TRUE;
}

/* Advances *index to the parent row a child row belongs to; children come in parents' order. */
static gpointer
find_parent (GArray *parents,
             guint  *index,
             gint64  rowid)
{
  while (*index < parents->len && g_array_index (parents, KpStoreRow, *index).rowid != rowid)
    (*index)++;
  return *index < parents->len ? g_array_index (parents, KpStoreRow, *index).object : NULL;
}

/* Reads rows of (parent, string) into string lists per parent and hands each list over. */
static gboolean
kp_store_load_strings (KpStore           *self,
                       KpStoreStatement   which,
                       gint64             cid,
                       GArray            *parents,
                       void             (*set) (gpointer, const char * const *),
                       GError           **error)
{
  sqlite3_stmt *stmt = kp_store_statement (self, which, error);
  g_autoptr(GStrvBuilder) builder = NULL;
  gpointer current = NULL;
  guint index = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, cid);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gpointer parent = find_parent (parents, &index, sqlite3_column_int64 (stmt, 0));

      if (parent != current && builder != NULL)
        {
          g_auto(GStrv) strings = g_strv_builder_end (builder);

          set (current, (const char * const *) strings);
          g_clear_pointer (&builder, g_strv_builder_unref);
        }
      current = parent;
      if (builder == NULL)
        builder = g_strv_builder_new ();
      g_strv_builder_add (builder, column_text (stmt, 1));
    }
  if (builder != NULL && current != NULL)
    {
      g_auto(GStrv) strings = g_strv_builder_end (builder);

      set (current, (const char * const *) strings);
    }

  if (rc != SQLITE_DONE)
    kp_store_set_sqlite_error (self, error);
  kp_store_statement_done (stmt);
  return rc == SQLITE_DONE;
}

static gboolean
kp_store_load_members (KpStore   *self,
                       KpCourse  *course,
                       gint64     cid,
                       GError   **error)
{
  sqlite3_stmt *stmt = kp_store_statement (self, STMT_MEMBERS_SELECT, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, cid);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(KpMember) member = NULL;
      int role;

      if (!kp_store_enum (self, KP_TYPE_ROLE, column_text (stmt, 3), _("role"), &role, error))
        {
          kp_store_statement_done (stmt);
          return FALSE;
        }

      member = kp_member_new (column_text (stmt, 0), role);
      kp_member_set_key (member, column_text (stmt, 1));
      kp_member_set_name (member, column_text (stmt, 2));
      kp_member_set_organisation (member, column_text (stmt, 4));
      kp_member_set_title (member, column_text (stmt, 5));
      kp_member_set_email (member, column_text (stmt, 6));
      kp_member_set_phone (member, column_text (stmt, 7));
      kp_member_set_public (member, sqlite3_column_int (stmt, 8) != 0);
      kp_course_add_member (course, member);
    }

  if (rc != SQLITE_DONE)
    kp_store_set_sqlite_error (self, error);
  kp_store_statement_done (stmt);
  return rc == SQLITE_DONE;
}

static gboolean
kp_store_load_meetings (KpStore   *self,
                        KpCourse  *course,
                        gint64     cid,
                        GError   **error)
{
  sqlite3_stmt *stmt = kp_store_statement (self, STMT_MEETINGS_SELECT, error);
  GTimeZone *tz = kp_course_get_time_zone (course);
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (KpStoreRow));
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, cid);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(KpMeeting) meeting = kp_meeting_new (column_text (stmt, 1));
      g_autoptr(GDateTime) start = NULL;
      KpStoreRow row = { sqlite3_column_int64 (stmt, 0), meeting };

      if (!parse_local (self, column_text (stmt, 2), sqlite3_column_int64 (stmt, 3), tz,
                        &start, error))
        {
          kp_store_statement_done (stmt);
          return FALSE;
        }
      kp_meeting_set_start (meeting, start);
      kp_meeting_set_minutes (meeting, (guint) sqlite3_column_int64 (stmt, 4));
      kp_meeting_set_notes (meeting, column_text (stmt, 5));
      kp_course_add_meeting (course, meeting);
      g_array_append_val (rows, row);  /* the course keeps the meeting alive */
    }

  if (rc != SQLITE_DONE)
    kp_store_set_sqlite_error (self, error);
  kp_store_statement_done (stmt);
  if (rc != SQLITE_DONE)
    return FALSE;

  return rows->len == 0 ||
         kp_store_load_strings (self, STMT_MEETING_ATTENDEES_SELECT, cid, rows,
                                (void (*) (gpointer, const char * const *)) kp_meeting_set_attendees,
                                error);
}

static gboolean
kp_store_load_contributions (KpStore   *self,
                             gint64     cid,
                             GArray    *sessions,
                             GError   **error)
{
  sqlite3_stmt *stmt = kp_store_statement (self, STMT_CONTRIBUTIONS_SELECT, error);
  guint index = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, cid);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KpSession *session = find_parent (sessions, &index, sqlite3_column_int64 (stmt, 0));
      g_autoptr(KpContribution) contribution = NULL;
      int kind;

      if (!kp_store_enum (self, KP_TYPE_CONTRIBUTION_KIND, column_text (stmt, 1),
                          _("kind of contribution"), &kind, error))
        {
          kp_store_statement_done (stmt);
          return FALSE;
        }
      if (session == NULL)
        continue;

      contribution = kp_contribution_new (kind, column_text (stmt, 2), column_text (stmt, 3),
                                          (guint) sqlite3_column_int64 (stmt, 4));
      kp_session_add_contribution (session, contribution);
    }

  if (rc != SQLITE_DONE)
    kp_store_set_sqlite_error (self, error);
  kp_store_statement_done (stmt);
  return rc == SQLITE_DONE;
}

static gboolean
kp_store_load_sessions (KpStore   *self,
                        KpCourse  *course,
                        gint64     cid,
                        GError   **error)
{
  sqlite3_stmt *stmt = kp_store_statement (self, STMT_SESSIONS_SELECT, error);
  GTimeZone *tz = kp_course_get_time_zone (course);
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (KpStoreRow));
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, cid);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KpSession *session = kp_session_new (column_text (stmt, 1));
      g_autoptr(GDateTime) start = NULL;
      g_autoptr(GDateTime) modified = NULL;
      KpStoreRow row = { sqlite3_column_int64 (stmt, 0), session };
      int status;

      g_ptr_array_add (sessions, session);
      if (!parse_local (self, column_text (stmt, 3), sqlite3_column_int64 (stmt, 4), tz,
                        &start, error) ||
          !kp_store_enum (self, KP_TYPE_SESSION_STATUS, column_text (stmt, 9),
                          _("session status"), &status, error))
        {
          kp_store_statement_done (stmt);
          return FALSE;
        }
      if (sqlite3_column_type (stmt, 13) != SQLITE_NULL)
        modified = time_from_usec (sqlite3_column_int64 (stmt, 13));

      /* Schedule setters raise the revision, so the stored revision and time go last. */
      kp_session_set_title (session, column_text (stmt, 2));
      kp_session_set_start (session, start);
      kp_session_set_minutes (session, (guint) sqlite3_column_int64 (stmt, 5));
      kp_session_set_location (session, column_text (stmt, 6), column_text (stmt, 7),
                               column_text (stmt, 8));
      kp_session_set_join_url (session, column_text (stmt, 14));
      kp_session_set_status (session, status);
      kp_session_set_attended (session, sqlite3_column_int (stmt, 10));
      kp_session_set_notes (session, column_text (stmt, 11));
      kp_session_set_revision (session, (guint) sqlite3_column_int64 (stmt, 12));
      kp_session_set_modified (session, modified);
      g_array_append_val (rows, row);
    }

  if (rc != SQLITE_DONE)
    kp_store_set_sqlite_error (self, error);
  kp_store_statement_done (stmt);
  if (rc != SQLITE_DONE)
    return FALSE;

  if (rows->len > 0 && !kp_store_load_contributions (self, cid, rows, error))
    return FALSE;

  /* Added whole, so the course sees each session once. */
  for (guint i = 0; i < sessions->len; i++)
    kp_course_add_session (course, g_ptr_array_index (sessions, i));
  return TRUE;
}

static gboolean
kp_store_load_scores (KpStore   *self,
                      gint64     cid,
                      GArray    *evaluations,
                      GError   **error)
{
  sqlite3_stmt *stmt = kp_store_statement (self, STMT_SCORES_SELECT, error);
  guint index = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, cid);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KpEvaluation *evaluation = find_parent (evaluations, &index, sqlite3_column_int64 (stmt, 0));
      guint counts[KP_SCALE_MAX_POINTS] = { 0 };
      guint lowest;

      if (evaluation == NULL)
        continue;
      /* The evaluation has its course's scale by now; column 2 is count0. */
      lowest = kp_evaluation_scale_get_lowest (kp_evaluation_get_scale (evaluation));
      for (guint p = 0; p < kp_evaluation_get_n_points (evaluation); p++)
        counts[p] = (guint) sqlite3_column_int64 (stmt, 2 + lowest + p);
      kp_evaluation_set_scores (evaluation, column_text (stmt, 1), counts);
    }

  if (rc != SQLITE_DONE)
    kp_store_set_sqlite_error (self, error);
  kp_store_statement_done (stmt);
  return rc == SQLITE_DONE;
}

static gboolean
kp_store_load_evaluations (KpStore   *self,
                           KpCourse  *course,
                           gint64     cid,
                           GError   **error)
{
  sqlite3_stmt *stmt = kp_store_statement (self, STMT_EVALUATIONS_SELECT, error);
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (KpStoreRow));
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, cid);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(KpEvaluation) evaluation = NULL;
      KpStoreRow row;
      int kind;

      if (!kp_store_enum (self, KP_TYPE_EVALUATION_KIND, column_text (stmt, 2),
                          _("kind of evaluation"), &kind, error))
        {
          kp_store_statement_done (stmt);
          return FALSE;
        }
      evaluation = kp_evaluation_new (column_text (stmt, 1), kind);
      kp_evaluation_set_after_session (evaluation, (guint) sqlite3_column_int64 (stmt, 3));
      kp_evaluation_set_responses (evaluation, (guint) sqlite3_column_int64 (stmt, 4));
      kp_evaluation_set_date (evaluation, column_text (stmt, 5));
      kp_evaluation_set_notes (evaluation, column_text (stmt, 6));
      kp_evaluation_set_patients (evaluation, (guint) sqlite3_column_int64 (stmt, 7));
      kp_evaluation_set_relatives (evaluation, (guint) sqlite3_column_int64 (stmt, 8));
      kp_course_add_evaluation (course, evaluation);
      row.rowid = sqlite3_column_int64 (stmt, 0);
      row.object = evaluation;
      g_array_append_val (rows, row);
    }

  if (rc != SQLITE_DONE)
    kp_store_set_sqlite_error (self, error);
  kp_store_statement_done (stmt);
  if (rc != SQLITE_DONE)
    return FALSE;

  return rows->len == 0 ||
         (kp_store_load_scores (self, cid, rows, error) &&
          kp_store_load_strings (self, STMT_EVALUATION_ATTENDEES_SELECT, cid, rows,
                                 (void (*) (gpointer, const char * const *)) kp_evaluation_set_attendees,
                                 error) &&
          kp_store_load_strings (self, STMT_ACTIONS_SELECT, cid, rows,
                                 (void (*) (gpointer, const char * const *)) kp_evaluation_set_actions,
                                 error) &&
          kp_store_load_strings (self, STMT_ACTIONS_DONE_SELECT, cid, rows,
                                 (void (*) (gpointer, const char * const *)) kp_evaluation_set_done_actions,
                                 error));
}

/* Reads the course row; the zone and language are checked before the model sees them. */
static KpCourse *
kp_store_load_course_row (KpStore     *self,
                          const char  *course_id,
                          gint64      *cid,
                          GError     **error)
{
  sqlite3_stmt *stmt = kp_store_statement (self, STMT_COURSE_SELECT, error);
  g_autoptr(KpCourse) course = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_auto(GStrv) goals = NULL;
  g_auto(GStrv) partners = NULL;
  const int first = 2 + KP_COURSE_N_TEXTS;
  const int form_first = first + G_N_ELEMENTS (course_columns) + KP_COURSE_N_CONDITIONS + 1;
  const int offer_first = form_first + G_N_ELEMENTS (course_form_columns);
  const int counts_first = offer_first + G_N_ELEMENTS (course_offer_columns);
  const int decision_first = counts_first + KP_COURSE_N_COUNTS;
  const char *timezone, *language, *decided_on;
  int decided_by = KP_ROLE_COURSE_LEADER;
  int status;
  int scale = KP_EVALUATION_SCALE_1_TO_5;
  int mode = KP_COURSE_MODE_IN_PERSON;
  int level = KP_COURSE_LEVEL_UNSET;
  int rc;

  if (stmt == NULL)
    return NULL;

  bind_text (self, stmt, 1, course_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, KP_ERROR, KP_ERROR_NOT_FOUND,
                     _("No course has the id “%s”"), course_id);
      else
        kp_store_set_sqlite_error (self, error);
      kp_store_statement_done (stmt);
      return NULL;
    }

  *cid = sqlite3_column_int64 (stmt, 0);
  timezone = column_text (stmt, 2 + KP_COURSE_TIMEZONE);
  language = column_text (stmt, 2 + KP_COURSE_LANGUAGE);

  if (timezone != NULL && (tz = kp_time_zone_new (timezone, NULL)) == NULL)
    kp_store_set_unreadable_error (self, _("time zone"), timezone, error);
  else if (language != NULL && !kp_language_is_valid (language))
    kp_store_set_unreadable_error (self, _("language"), language, error);
  else if (kp_store_enum (self, KP_TYPE_COURSE_STATUS, column_text (stmt, first),
                          _("course status"), &status, error) &&
           json_to_strv (self, column_text (stmt, first + 5), &goals, error) &&
           json_to_strv (self, column_text (stmt, first + 6), &partners, error) &&
           kp_store_enum (self, KP_TYPE_EVALUATION_SCALE, column_text (stmt, form_first),
                          _("evaluation scale"), &scale, error) &&
           kp_store_enum (self, KP_TYPE_COURSE_MODE, column_text (stmt, offer_first),
                          _("course mode"), &mode, error) &&
           (column_text (stmt, offer_first + 1) == NULL ||
            kp_store_enum (self, KP_TYPE_COURSE_LEVEL, column_text (stmt, offer_first + 1),
                           _("course level"), &level, error)) &&
           ((decided_on = column_text (stmt, decision_first)) == NULL ||
            kp_store_enum (self, KP_TYPE_ROLE, column_text (stmt, decision_first + 1),
                           _("role"), &decided_by, error)))
    {
      course = kp_course_new (column_text (stmt, 1));

      /* The zone first: setting it later would move the wall-clock times read below. */
      kp_course_set_text (course, KP_COURSE_TIMEZONE, timezone);
      for (guint i = 0; i < KP_COURSE_N_TEXTS; i++)
        if (i != KP_COURSE_TIMEZONE)
          kp_course_set_text (course, i, column_text (stmt, 2 + i));
      kp_course_set_status (course, status);
      kp_course_set_management (course, sqlite3_column_int (stmt, first + 1) != 0);
      kp_course_set_capacity (course, sqlite3_column_int (stmt, first + 2),
                              sqlite3_column_int (stmt, first + 3));
      kp_course_set_registered (course, (guint) sqlite3_column_int64 (stmt, first + 4));
      kp_course_set_goals (course, (const char * const *) goals);
      kp_course_set_partners (course, (const char * const *) partners);
      for (KpCourseCondition condition = 0; condition < KP_COURSE_N_CONDITIONS; condition++)
        kp_course_set_condition (course, condition,
                                 sqlite3_column_int (stmt, first + G_N_ELEMENTS (course_columns) +
                                                           condition) != 0);
      /* Before the evaluations load: their counts are points of this scale. */
      kp_course_set_evaluation_scale (course, scale);
      kp_course_set_asks_patient_or_relative (course,
                                              sqlite3_column_int (stmt, form_first + 1) != 0);
      kp_course_set_notice_hours (course,
                                  CLAMP (sqlite3_column_int (stmt, first +
                                                                   G_N_ELEMENTS (course_columns) +
                                                                   KP_COURSE_N_CONDITIONS),
                                         0, KP_COURSE_MAX_NOTICE_HOURS));
      kp_course_set_mode (course, mode);
      kp_course_set_level (course, level);
      kp_course_set_cancelled (course, column_text (stmt, offer_first + 2),
                               column_text (stmt, offer_first + 3));
      kp_store_set_course_revision (self, course,
                                    sqlite3_column_int64 (stmt, first + COURSE_COLUMN_REVISION));
      for (KpCourseCount count = 0; count < KP_COURSE_N_COUNTS; count++)
        kp_course_set_count (course, count,
                             (guint) CLAMP (sqlite3_column_int64 (stmt, counts_first + count),
                                            0, G_MAXINT));
      kp_course_set_fewer_decision (course, decided_on, decided_by);
    }

  kp_store_statement_done (stmt);
  return g_steal_pointer (&course);
}

/* Write-through */

static gboolean
kp_store_save_pending (gpointer user_data)
{
  KpStore *self = user_data;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->save_source, g_source_unref);
  if (!kp_store_flush (self, &error))
    g_signal_emit (self, signals[SAVE_FAILED], 0, error);
  return G_SOURCE_REMOVE;
}

static void
on_course_changed (KpCourse *course,
                   KpStore  *self)
{
  g_autoptr(GMainContext) context = NULL;

  if (!g_hash_table_contains (self->pending, course))
    g_hash_table_add (self->pending, g_object_ref (course));

  /* Not pushed back by later edits: a steady stream of typing still lands within the delay. */
  if (self->save_source != NULL)
    return;

  context = g_main_context_ref_thread_default ();
  self->save_source = g_timeout_source_new (KP_STORE_SAVE_DELAY_MS);
  g_source_set_callback (self->save_source, kp_store_save_pending, self, NULL);
  g_source_set_static_name (self->save_source, "[kursplan] store write-through");
  g_source_attach (self->save_source, context);
}

static void
kp_store_dispose (GObject *object)
{
  KpStore *self = (KpStore *)object;
  GHashTableIter iter;
  gpointer course, handler;

  if (self->db != NULL && self->pending != NULL && g_hash_table_size (self->pending) > 0)
    {
      g_autoptr(GError) error = NULL;

      if (!kp_store_flush (self, &error))
        g_signal_emit (self, signals[SAVE_FAILED], 0, error);
    }

  if (self->save_source != NULL)
    {
      g_source_destroy (self->save_source);
      g_clear_pointer (&self->save_source, g_source_unref);
    }

  if (self->watched != NULL)
    {
      g_hash_table_iter_init (&iter, self->watched);
      while (g_hash_table_iter_next (&iter, &course, &handler))
        g_signal_handler_disconnect (course, GPOINTER_TO_SIZE (handler));
    }
  g_clear_pointer (&self->watched, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_hash_table_unref);

  G_OBJECT_CLASS (kp_store_parent_class)->dispose (object);
}

static void
kp_store_finalize (GObject *object)
{
  KpStore *self = (KpStore *)object;

  for (guint i = 0; i < N_STATEMENTS; i++)
    g_clear_pointer (&self->statements[i], sqlite3_finalize);
  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->written, g_array_unref);
  g_free (self->path);
  g_free (self->refused_text);

  G_OBJECT_CLASS (kp_store_parent_class)->finalize (object);
}

static void
kp_store_class_init (KpStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kp_store_dispose;
  object_class->finalize = kp_store_finalize;

  /**
   * KpStore::save-failed:
   * @error: what went wrong
   *
   * A write-through save of watched courses failed; the edits stay pending and the next
   * change or kp_store_flush() tries again.
   */
  signals[SAVE_FAILED] =
    g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
kp_store_init (KpStore *self)
{
  self->written = g_array_new (FALSE, FALSE, sizeof (KpStoreWritten));
  g_array_set_clear_func (self->written, kp_store_written_clear);
  self->watched = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->pending = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
}

/**
 * kp_store_dup_default_path:
 *
 * Returns: (transfer full): $KURSPLAN_DB if set, else kursplan/kursplan.db in the user's data
 *   folder
 */
char *
kp_store_dup_default_path (void)
{
  const char *env = g_getenv ("KURSPLAN_DB");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return g_build_filename (g_get_user_data_dir (), "kursplan", "kursplan.db", NULL);
}

/**
 * kp_store_new:
 * @path: (nullable): the database file, or %NULL for kp_store_dup_default_path()
 *
 * Opens the database, creating it (mode 0600, in a folder made 0700) when it does not exist and
 * migrating an older one. A file that is not a Kursplan database, or one from a newer version,
 * is refused and left as it is.
 *
 * Returns: (transfer full) (nullable): the store
 */
KpStore *
kp_store_new (const char  *path,
              GError     **error)
{
  g_autoptr(KpStore) self = g_object_new (KP_TYPE_STORE, NULL);

  self->path = path != NULL ? g_strdup (path) : kp_store_dup_default_path ();
  if (!kp_store_open (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

const char *
kp_store_get_path (KpStore *self)
{
  g_return_val_if_fail (KP_IS_STORE (self), NULL);
  return self->path;
}

/**
 * kp_store_is_new:
 *
 * Returns: %TRUE when this store created the database, so it has never held a course
 */
gboolean
kp_store_is_new (KpStore *self)
{
  g_return_val_if_fail (KP_IS_STORE (self), FALSE);
  return self->is_new;
}

static int
compare_summaries (gconstpointer a,
                   gconstpointer b)
{
  return kp_course_summary_compare (*(KpCourseSummary **) a, *(KpCourseSummary **) b);
}

/**
 * kp_store_list_courses:
 *
 * Returns: (transfer full) (element-type KpCourseSummary): every course, by first session then
 *   title; courses without a dated session come last
 */
GPtrArray *
kp_store_list_courses (KpStore  *self,
                       GError  **error)
{
  g_autoptr(GPtrArray) summaries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) zones = NULL;
  const char *status_name = _("course status");
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KP_IS_STORE (self), NULL);

  if ((stmt = kp_store_statement (self, STMT_COURSE_LIST, error)) == NULL)
    return NULL;

  zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                 (GDestroyNotify) g_time_zone_unref);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *timezone = column_text (stmt, 5);
      GTimeZone *tz;
      int status;

      if (!kp_store_enum (self, KP_TYPE_COURSE_STATUS, column_text (stmt, 3),
                          status_name, &status, error))
        {
          kp_store_statement_done (stmt);
          return NULL;
        }

      if (timezone == NULL)
        timezone = KP_DEFAULT_TIMEZONE;
      tz = g_hash_table_lookup (zones, timezone);
      if (tz == NULL)
        {
          tz = kp_time_zone_new (timezone, NULL);
          if (tz == NULL)
            {
              kp_store_set_unreadable_error (self, _("time zone"), timezone, error);
              kp_store_statement_done (stmt);
              return NULL;
            }
          g_hash_table_insert (zones, g_strdup (timezone), tz);
        }

      g_ptr_array_add (summaries,
                       kp_course_summary_new_from_unix (
                         column_text (stmt, 0), column_text (stmt, 1), column_text (stmt, 2),
                         status, column_text (stmt, 4), tz,
                         sqlite3_column_type (stmt, 6) != SQLITE_NULL
                           ? sqlite3_column_int64 (stmt, 6) : KP_COURSE_SUMMARY_NO_TIME,
                         sqlite3_column_type (stmt, 7) != SQLITE_NULL
                           ? sqlite3_column_int64 (stmt, 7) : KP_COURSE_SUMMARY_NO_TIME,
                         (guint) sqlite3_column_int64 (stmt, 8),
                         (guint) sqlite3_column_int64 (stmt, 9),
                         (guint) sqlite3_column_int64 (stmt, 10)));
    }

  if (rc != SQLITE_DONE)
    {
      kp_store_set_sqlite_error (self, error);
      kp_store_statement_done (stmt);
      return NULL;
    }
  kp_store_statement_done (stmt);

  /* SQLite's sorter copies every row into a temporary B-tree: with 10,000 courses that took
   * longer than reading them. Sorting the pointers here costs a few milliseconds. */
  g_ptr_array_sort (summaries, compare_summaries);
  return g_steal_pointer (&summaries);
}

/**
 * kp_store_load_course:
 *
 * Returns: (transfer full) (nullable): the course with everything it holds, or %NULL with
 *   %KP_ERROR_NOT_FOUND when there is none with that id
 */
KpCourse *
kp_store_load_course (KpStore     *self,
                      const char  *course_id,
                      GError     **error)
{
  g_autoptr(KpCourse) course = NULL;
  gint64 cid;

  g_return_val_if_fail (KP_IS_STORE (self), NULL);
  g_return_val_if_fail (course_id != NULL, NULL);

  /* Inside kp_store_update() the write transaction already holds everything still;
   * otherwise one read transaction: a writer in another process cannot slip in between the
   * tables. */
  if (!self->in_update && !kp_store_exec (self, "BEGIN", error))
    return NULL;

  course = kp_store_load_course_row (self, course_id, &cid, error);
  if (course == NULL ||
      !kp_store_load_members (self, course, cid, error) ||
      !kp_store_load_meetings (self, course, cid, error) ||
      !kp_store_load_sessions (self, course, cid, error) ||
      !kp_store_load_evaluations (self, course, cid, error))
    {
      if (!self->in_update)
        kp_store_rollback (self);
      return NULL;
    }

  if (!self->in_update && !kp_store_exec (self, "COMMIT", error))
    {
      kp_store_rollback (self);
      return NULL;
    }
  return g_steal_pointer (&course);
}

static gboolean
looks_like_uuid (const char *text)
{
  return strlen (text) == 36 && g_uuid_string_is_valid (text);
}

/**
 * kp_store_find_course_id:
 * @id_or_title: a course's UUID, or its exact title
 *
 * Returns: (transfer full) (nullable): the course's UUID; %NULL with %KP_ERROR_NOT_FOUND when
 *   none matches, or %KP_ERROR_AMBIGUOUS when several courses have that title
 */
char *
kp_store_find_course_id (KpStore     *self,
                         const char  *id_or_title,
                         GError     **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KP_IS_STORE (self), NULL);
  g_return_val_if_fail (id_or_title != NULL, NULL);

  if (looks_like_uuid (id_or_title) && kp_store_has_course (self, id_or_title))
    return g_strdup (id_or_title);

  if ((stmt = kp_store_statement (self, STMT_COURSE_FIND_TITLE, error)) == NULL)
    return NULL;

  bind_text (self, stmt, 1, id_or_title);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup (column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    {
      kp_store_set_sqlite_error (self, error);
      kp_store_statement_done (stmt);
      return NULL;
    }
  kp_store_statement_done (stmt);

  if (ids->len == 0)
    {
      g_autofree char *quoted = kp_quote_value (id_or_title);

      if (looks_like_uuid (id_or_title))
        g_set_error (error, KP_ERROR, KP_ERROR_NOT_FOUND,
                     _("No course has the id “%s”"), quoted);
      else
        g_set_error (error, KP_ERROR, KP_ERROR_NOT_FOUND,
                     _("No course is called “%s”"), quoted);
      return NULL;
    }

  if (ids->len > 1)
    {
      g_autofree char *list = NULL;
      g_autofree char *quoted = kp_quote_value (id_or_title);

      g_ptr_array_add (ids, NULL);
      list = g_strjoinv (", ", (char **) ids->pdata);
      g_set_error (error, KP_ERROR, KP_ERROR_AMBIGUOUS,
                   _("%u courses are called “%s”: name one by its id (%s)"),
                   ids->len - 1, quoted, list);
      return NULL;
    }

  return g_strdup (g_ptr_array_index (ids, 0));
}

gboolean
kp_store_has_course (KpStore    *self,
                     const char *course_id)
{
  sqlite3_stmt *stmt;
  gboolean found;

  g_return_val_if_fail (KP_IS_STORE (self), FALSE);

  if (course_id == NULL || (stmt = kp_store_statement (self, STMT_COURSE_FIND_ID, NULL)) == NULL)
    return FALSE;

  bind_text (self, stmt, 1, course_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  kp_store_statement_done (stmt);
  return found;
}

/**
 * kp_store_save_course:
 *
 * Writes the course and everything it holds in one transaction, replacing what the database
 * had for it. On failure the database keeps the course as it was.
 */
gboolean
kp_store_save_course (KpStore   *self,
                      KpCourse  *course,
                      GError   **error)
{
  g_autoptr(GPtrArray) courses = g_ptr_array_new ();

  g_return_val_if_fail (KP_IS_STORE (self), FALSE);
  g_return_val_if_fail (KP_IS_COURSE (course), FALSE);

  g_ptr_array_add (courses, course);
  return kp_store_save_courses (self, courses, error);
}

/**
 * kp_store_save_courses:
 * @courses: (element-type KpCourse): the courses
 *
 * Writes all the courses in one transaction: all of them are saved, or none.
 */
gboolean
kp_store_save_courses (KpStore    *self,
                       GPtrArray  *courses,
                       GError    **error)
{
  guint first_written;

  g_return_val_if_fail (KP_IS_STORE (self), FALSE);
  g_return_val_if_fail (courses != NULL, FALSE);

  /* Inside kp_store_update(), a savepoint: these courses or none, and the update commits. */
  if (!kp_store_exec (self, self->in_update ? "SAVEPOINT save_courses" : "BEGIN IMMEDIATE",
                      error))
    return FALSE;

  first_written = self->written->len;
  for (guint i = 0; i < courses->len; i++)
    if (!kp_store_write_course (self, g_ptr_array_index (courses, i), error))
      {
        g_array_set_size (self->written, first_written);
        if (self->in_update)
          kp_store_exec (self, "ROLLBACK TO save_courses; RELEASE save_courses", NULL);
        else
          kp_store_rollback (self);
        return FALSE;
      }

  if (self->in_update)
    {
      if (!kp_store_exec (self, "RELEASE save_courses", error))
        {
          g_array_set_size (self->written, first_written);
          kp_store_exec (self, "ROLLBACK TO save_courses; RELEASE save_courses", NULL);
          return FALSE;
        }
    }
  else if (!kp_store_exec (self, "COMMIT", error))
    {
      g_array_set_size (self->written, 0);
      kp_store_rollback (self);
      return FALSE;
    }
  else
    kp_store_apply_written (self);

  /* What was just written needs no write-through. */
  for (guint i = 0; i < courses->len; i++)
    g_hash_table_remove (self->pending, g_ptr_array_index (courses, i));
  return TRUE;
}

/**
 * kp_store_update:
 * @func: loads, changes and saves through @self; returns %FALSE with its error set to keep
 *   the database as it was
 *
 * Runs @func in one write transaction, taken before it reads anything: no other program can
 * save the courses it loads before it saves them back, so a read-modify-write (an import into
 * a course) never loses another's update. Other writers wait for it, up to the busy timeout.
 *
 * Returns: %TRUE when @func succeeded and everything it saved is committed
 */
gboolean
kp_store_update (KpStore            *self,
                 KpStoreUpdateFunc   func,
                 gpointer            user_data,
                 GError            **error)
{
  gboolean ok;

  g_return_val_if_fail (KP_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (!self->in_update, FALSE);

  if (!kp_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  self->in_update = TRUE;
  ok = func (self, user_data, error);
  self->in_update = FALSE;

  if (!ok || !kp_store_exec (self, "COMMIT", ok ? error : NULL))
    {
      g_array_set_size (self->written, 0);
      kp_store_rollback (self);
      return FALSE;
    }
  kp_store_apply_written (self);
  return TRUE;
}

/**
 * kp_store_delete_course:
 *
 * Deletes the course and everything it holds. Unsaved edits to it are dropped.
 */
gboolean
kp_store_delete_course (KpStore     *self,
                        const char  *course_id,
                        GError     **error)
{
  sqlite3_stmt *stmt;
  GHashTableIter iter;
  gpointer course;

  g_return_val_if_fail (KP_IS_STORE (self), FALSE);
  g_return_val_if_fail (course_id != NULL, FALSE);

  if ((stmt = kp_store_statement (self, STMT_COURSE_DELETE, error)) == NULL)
    return FALSE;

  bind_text (self, stmt, 1, course_id);
  if (!kp_store_run (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, KP_ERROR, KP_ERROR_NOT_FOUND,
                   _("No course has the id “%s”"), course_id);
      return FALSE;
    }

  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, &course, NULL))
    if (g_strcmp0 (kp_course_get_id (course), course_id) == 0)
      g_hash_table_iter_remove (&iter);
  return TRUE;
}

/**
 * kp_store_watch_course:
 *
 * Writes the course through from now on: each change is saved within
 * a second, on the thread-default main context. A failed save emits #KpStore::save-failed.
 */
void
kp_store_watch_course (KpStore  *self,
                       KpCourse *course)
{
  gulong handler;

  g_return_if_fail (KP_IS_STORE (self));
  g_return_if_fail (KP_IS_COURSE (course));

  if (g_hash_table_contains (self->watched, course))
    return;

  handler = g_signal_connect (course, "changed", G_CALLBACK (on_course_changed), self);
  g_hash_table_insert (self->watched, g_object_ref (course), GSIZE_TO_POINTER (handler));
}

/**
 * kp_store_unwatch_course:
 *
 * Saves the course's pending edits, then stops writing it through.
 */
void
kp_store_unwatch_course (KpStore  *self,
                         KpCourse *course)
{
  g_autoptr(GError) error = NULL;
  gpointer handler;

  g_return_if_fail (KP_IS_STORE (self));
  g_return_if_fail (KP_IS_COURSE (course));

  if (!g_hash_table_lookup_extended (self->watched, course, NULL, &handler))
    return;

  if (!kp_store_flush (self, &error))
    g_signal_emit (self, signals[SAVE_FAILED], 0, error);

  g_signal_handler_disconnect (course, GPOINTER_TO_SIZE (handler));
  g_hash_table_remove (self->pending, course);
  g_hash_table_remove (self->watched, course);
}

/**
 * kp_store_flush:
 *
 * Saves every watched course with edits not yet written, now, in one transaction. On failure
 * the edits stay pending.
 */
gboolean
kp_store_flush (KpStore  *self,
                GError  **error)
{
  g_autoptr(GPtrArray) courses = NULL;
  GHashTableIter iter;
  gpointer course;

  g_return_val_if_fail (KP_IS_STORE (self), FALSE);

  if (self->save_source != NULL)
    {
      g_source_destroy (self->save_source);
      g_clear_pointer (&self->save_source, g_source_unref);
    }

  if (g_hash_table_size (self->pending) == 0)
    return TRUE;

  courses = g_ptr_array_new_with_free_func (g_object_unref);
  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, &course, NULL))
    g_ptr_array_add (courses, g_object_ref (course));

  return kp_store_save_courses (self, courses, error);
}

/**
 * kp_store_load_caldav_resources:
 * @collection: the CalDAV collection's URL
 *
 * What CalDAV sync put into @collection for the course.
 *
 * Returns: (transfer full) (element-type utf8 GStrv): session id → { href, etag or "",
 *   digest or "" }
 */
GHashTable *
kp_store_load_caldav_resources (KpStore     *self,
                                const char  *course_id,
                                const char  *collection,
                                GError     **error)
{
  g_autoptr(GHashTable) resources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           (GDestroyNotify) g_strfreev);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KP_IS_STORE (self), NULL);
  g_return_val_if_fail (course_id != NULL && collection != NULL, NULL);

  if ((stmt = kp_store_statement (self, STMT_CALDAV_SELECT, error)) == NULL)
    return NULL;

  bind_text (self, stmt, 1, course_id);
  bind_text (self, stmt, 2, collection);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      char **resource = g_new0 (char *, 4);
      const char *etag = column_text (stmt, 2);
      const char *digest = column_text (stmt, 3);

      resource[0] = g_strdup (column_text (stmt, 1));
      resource[1] = g_strdup (etag ? etag : "");
      resource[2] = g_strdup (digest ? digest : "");
      g_hash_table_insert (resources, g_strdup (column_text (stmt, 0)), resource);
    }
  if (rc != SQLITE_DONE)
    {
      kp_store_set_sqlite_error (self, error);
      kp_store_statement_done (stmt);
      return NULL;
    }
  kp_store_statement_done (stmt);
  return g_steal_pointer (&resources);
}

/**
 * kp_store_set_caldav_resource:
 * @href: (nullable): where the session's resource is, or %NULL to forget it (deleted)
 * @etag: (nullable): the ETag the server gave it
 * @digest: (nullable): a digest of the event as put
 *
 * Records one resource CalDAV sync has put or deleted, right after the server confirmed it.
 */
gboolean
kp_store_set_caldav_resource (KpStore     *self,
                              const char  *course_id,
                              const char  *collection,
                              const char  *session_id,
                              const char  *href,
                              const char  *etag,
                              const char  *digest,
                              GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KP_IS_STORE (self), FALSE);
  g_return_val_if_fail (course_id != NULL && collection != NULL && session_id != NULL, FALSE);

  stmt = kp_store_statement (self, href ? STMT_CALDAV_UPSERT : STMT_CALDAV_DELETE, error);
  if (stmt == NULL)
    return FALSE;

  bind_text (self, stmt, 1, course_id);
  bind_text (self, stmt, 2, collection);
  bind_text (self, stmt, 3, session_id);
  if (href != NULL)
    {
      bind_text (self, stmt, 4, href);
      bind_text (self, stmt, 5, etag);
      bind_text (self, stmt, 6, digest);
    }
  return kp_store_run (self, stmt, error);
}

/**
 * kp_store_load_invitations:
 *
 * What `kursplan invite` last sent the planning group of the course.
 *
 * Returns: (transfer full) (element-type utf8 GStrv): meeting id → { sequence, digest }
 */
GHashTable *
kp_store_load_invitations (KpStore     *self,
                           const char  *course_id,
                           GError     **error)
{
  g_autoptr(GHashTable) sent = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                      (GDestroyNotify) g_strfreev);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KP_IS_STORE (self), NULL);
  g_return_val_if_fail (course_id != NULL, NULL);

  if ((stmt = kp_store_statement (self, STMT_INVITATIONS_SELECT, error)) == NULL)
    return NULL;

  bind_text (self, stmt, 1, course_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      char **record = g_new0 (char *, 3);

      record[0] = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, 1));
      record[1] = g_strdup (column_text (stmt, 2));
      g_hash_table_insert (sent, g_strdup (column_text (stmt, 0)), record);
    }
  if (rc != SQLITE_DONE)
    {
      kp_store_set_sqlite_error (self, error);
      kp_store_statement_done (stmt);
      return NULL;
    }
  kp_store_statement_done (stmt);
  return g_steal_pointer (&sent);
}

/**
 * kp_store_set_invitation:
 * @digest: (nullable): a digest of the event as sent, or %NULL to forget the meeting (its
 *   cancellation was sent)
 *
 * Records one invitation sent to the planning group.
 */
gboolean
kp_store_set_invitation (KpStore     *self,
                         const char  *course_id,
                         const char  *meeting_id,
                         guint        sequence,
                         const char  *digest,
                         GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KP_IS_STORE (self), FALSE);
  g_return_val_if_fail (course_id != NULL && meeting_id != NULL, FALSE);

  stmt = kp_store_statement (self, digest ? STMT_INVITATION_UPSERT : STMT_INVITATION_DELETE,
                             error);
  if (stmt == NULL)
    return FALSE;

  bind_text (self, stmt, 1, course_id);
  bind_text (self, stmt, 2, meeting_id);
  if (digest != NULL)
    {
      sqlite3_bind_int64 (stmt, 3, sequence);
      bind_text (self, stmt, 4, digest);
    }
  return kp_store_run (self, stmt, error);
}

/**
 * kp_store_get_remind_minutes:
 * @minutes: (out): how many minutes before each session the course's calendars remind, 0 for
 *   no reminder
 *
 * Returns: %FALSE with @error set if there is no such course
 */
gboolean
kp_store_get_remind_minutes (KpStore     *self,
                             const char  *course_id,
                             guint       *minutes,
                             GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KP_IS_STORE (self), FALSE);
  g_return_val_if_fail (course_id != NULL && minutes != NULL, FALSE);

  if ((stmt = kp_store_statement (self, STMT_REMIND_SELECT, error)) == NULL)
    return FALSE;

  bind_text (self, stmt, 1, course_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *minutes = (guint) CLAMP (sqlite3_column_int64 (stmt, 0), 0, G_MAXUINT);
  else if (rc == SQLITE_DONE)
    g_set_error (error, KP_ERROR, KP_ERROR_NOT_FOUND,
                 _("No course has the id “%s”"), course_id);
  else
    kp_store_set_sqlite_error (self, error);
  kp_store_statement_done (stmt);
  return rc == SQLITE_ROW;
}

/**
 * kp_store_set_remind_minutes:
 *
 * Remembers the reminder the course's calendars carry (0: none).
 */
gboolean
kp_store_set_remind_minutes (KpStore     *self,
                             const char  *course_id,
                             guint        minutes,
                             GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KP_IS_STORE (self), FALSE);
  g_return_val_if_fail (course_id != NULL, FALSE);

  if ((stmt = kp_store_statement (self, STMT_REMIND_UPDATE, error)) == NULL)
    return FALSE;

  bind_text (self, stmt, 1, course_id);
  sqlite3_bind_int64 (stmt, 2, minutes);
  if (!kp_store_run (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, KP_ERROR, KP_ERROR_NOT_FOUND,
                   _("No course has the id “%s”"), course_id);
      return FALSE;
    }
  return TRUE;
}

/* The year's figures (kp-stats.c says what counts), in one pass over the catalogue. Sessions
 * store local wall-clock starts, so a year is a range of their text; whether one has ended by
 * now (?3, UTC seconds) takes its UTC offset then, as kp_session_is_held() compares instants. */
static const char year_figures_sql[] =
  "WITH year_sessions AS ("
  "  SELECT s.sid, s.course, s.attended, s.status = 'cancelled' AS cancelled,"
  "    s.status != 'cancelled' AND CAST(strftime('%s', s.start) AS INTEGER)"
  "      - coalesce(s.start_offset, 0) + s.minutes * 60 <= ?3 AS done"
  "  FROM sessions s"
  "  WHERE s.start >= ?1 AND s.start < ?2),"
  " held AS ("
  "  SELECT sid, course, attended FROM year_sessions WHERE done),"
  " sides AS ("
  "  SELECT h.course,"
  "    CASE"
  "      WHEN k.kind = 'break' THEN NULL"
  "      WHEN m.role IN ('user_representative', 'experience_consultant', 'peer') THEN 'u'"
  "      WHEN m.role IS NOT NULL THEN 'p'"
  "      WHEN k.kind = 'user_talk' THEN 'u'"
  "      WHEN k.kind = 'professional_talk' THEN 'p'"
  "    END AS side"
  "  FROM held h JOIN contributions k ON k.session = h.sid"
  "  LEFT JOIN members m ON m.course = h.course AND m.id = k.member_id),"
  " per_course AS ("
  "  SELECT course, total(done) AS n, total(NOT done AND NOT cancelled) AS planned,"
  "    total(CASE WHEN done THEN max(attended, 0) ELSE 0 END) AS attendances,"
  "    total(cancelled) AS cancelled"
  "  FROM year_sessions GROUP BY course HAVING total(NOT cancelled) > 0),"
  " per_side AS ("
  "  SELECT course, total(side = 'u') AS users, total(side = 'p') AS professionals"
  "  FROM sides GROUP BY course)"
  "SELECT c.id, c.title, pc.n, c.registered, pc.attendances,"
  "  coalesce(ps.users, 0), coalesce(ps.professionals, 0),"
  /* users in planning as kp_method_users_in_planning(): a user representative with a name */
  "  EXISTS (SELECT 1 FROM meetings mt JOIN meeting_attendees a ON a.meeting = mt.mid"
  "          JOIN members m ON m.course = mt.course AND m.id = a.member_id"
  "          WHERE mt.course = c.cid AND m.role = 'user_representative'"
  "            AND trim (coalesce (m.name, ''), ' ' || char (9, 10, 11, 12, 13, 160)) != ''),"
  "  EXISTS (SELECT 1 FROM evaluations e JOIN evaluation_attendees a ON a.evaluation = e.eid"
  "          JOIN members m ON m.course = e.course AND m.id = a.member_id"
  "          WHERE e.course = c.cid AND e.kind = 'meeting'"
  "            AND m.role IN ('user_representative', 'experience_consultant', 'peer')),"
  "  pc.planned,"
  "  (SELECT min(s.start) FROM sessions s WHERE s.course = c.cid),"
  "  pc.cancelled, c.partners"
  " FROM per_course pc JOIN courses c ON c.cid = pc.course"
  " LEFT JOIN per_side ps ON ps.course = pc.course"
  " ORDER BY c.first_start, c.title, c.id";

/* The term of a course whose first session starts at @start, wall-clock text in its own zone:
 * its year and month are all the term needs. */
static char *
term_of_local_start (const char *start)
{
  g_autoptr(GDateTime) month = NULL;
  int y, m;

  if (start == NULL || sscanf (start, "%4d-%2d", &y, &m) != 2)
    return NULL;
  month = g_date_time_new_utc (y, m, 1, 0, 0, 0);
  return kp_time_format_term (month);
}

/**
 * kp_store_list_year_figures:
 * @year: a calendar year, in each course's own time zone
 * @now: the moment the figures are counted at: sessions that have not ended by then are planned
 *
 * Returns: (transfer full) (element-type KpStatsRow): the figures of every course with a session
 *   in @year that is not cancelled, by first session; %NULL on error
 */
GPtrArray *
kp_store_list_year_figures (KpStore    *self,
                            int         year,
                            GDateTime  *now,
                            GError    **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) kp_stats_row_free);
  g_autofree char *from = g_strdup_printf ("%04d", year);
  g_autofree char *to = g_strdup_printf ("%04d", year + 1);
  g_auto(GStrv) partners = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (KP_IS_STORE (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  if (sqlite3_prepare_v2 (self->db, year_figures_sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      kp_store_set_sqlite_error (self, error);
      return NULL;
    }
  bind_text (self, stmt, 1, from);
  bind_text (self, stmt, 2, to);
  sqlite3_bind_int64 (stmt, 3, g_date_time_to_unix (now));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KpStatsRow *row = g_new0 (KpStatsRow, 1);

      row->course_id = g_strdup (column_text (stmt, 0));
      row->title = g_strdup (column_text (stmt, 1));
      row->sessions_held = sqlite3_column_int (stmt, 2);
      row->registered = sqlite3_column_int (stmt, 3);
      row->attendances = sqlite3_column_int (stmt, 4);
      row->user_contributions = sqlite3_column_int (stmt, 5);
      row->professional_contributions = sqlite3_column_int (stmt, 6);
      row->users_running = row->user_contributions > 0;
      row->users_planning = sqlite3_column_int (stmt, 7);
      row->users_evaluation = sqlite3_column_int (stmt, 8);
      row->sessions_planned = sqlite3_column_int (stmt, 9);
      row->term = term_of_local_start (column_text (stmt, 10));
      row->courses = row->sessions_held > 0;
      row->sessions_cancelled = sqlite3_column_int (stmt, 11);
      g_ptr_array_add (rows, row);
      if (!json_to_strv (self, column_text (stmt, 12), &partners, error))
        {
          sqlite3_finalize (stmt);
          return NULL;
        }
      if (partners != NULL && partners[0] != NULL)
        row->partners = g_strjoinv ("; ", partners);
      g_clear_pointer (&partners, g_strfreev);
    }
  if (rc != SQLITE_DONE)
    {
      kp_store_set_sqlite_error (self, error);
      sqlite3_finalize (stmt);
      return NULL;
    }
  sqlite3_finalize (stmt);
  return g_steal_pointer (&rows);
}
