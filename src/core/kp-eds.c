/* kp-eds.c — a course's sessions kept in a desktop calendar through Evolution Data Server
 *
 * The calendars GNOME Online Accounts set up (Google, Microsoft 365, Nextcloud) and the local
 * "Personal" one are served by Evolution Data Server; Kursplan writes to them through libecal,
 * the second sync target beside CalDAV. The events are the same as CalDAV's: one per session,
 * from kp_ical_export_session_resource(), UID `<session uuid>@kursplan`, SEQUENCE from the
 * session's revision, cancelled sessions as STATUS:CANCELLED; a removed session's event is
 * deleted. What was put is recorded in the same rows as CalDAV's (see kp_eds_get_target()):
 * the event's UID, a digest of the calendar's copy as EDS gave it back after the write (EDS has
 * no ETags), and the plan's digest. A calendar copy whose digest differs from the recorded one
 * was changed by someone else: it is left as it is and reported as a conflict, as with CalDAV,
 * unless the user chose to overwrite.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-eds"

#include "config.h"

#include <string.h>

#include <glib.h>

/* EDS 3.46's headers still name GTimeVal. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
#include <libecal/libecal.h>
G_GNUC_END_IGNORE_DEPRECATIONS

#include "kp-eds.h"
#include "kp-error.h"
#include "kp-i18n.h"
#include "kp-ical-export.h"
#include "kp-quote.h"

/* libical-glib 3.0 and libecal 3.46 declare no autoptr cleanups of their own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ECalClient, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ICalComponent, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ICalTime, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ICalTimezone, g_object_unref)

/* How long EDS may take to bring a calendar online (a remote account). */
#define CONNECT_SECONDS 5

struct _KpEds
{
  GObject     parent_instance;

  ECalClient *client;
  char       *uid;
  char       *name;
  char       *target;
  gboolean    overwrite;
};

G_DEFINE_FINAL_TYPE (KpEds, kp_eds, G_TYPE_OBJECT)

static void
kp_eds_finalize (GObject *object)
{
  KpEds *self = (KpEds *) object;

  g_clear_object (&self->client);
  g_free (self->uid);
  g_free (self->name);
  g_free (self->target);

  G_OBJECT_CLASS (kp_eds_parent_class)->finalize (object);
}

static void
kp_eds_class_init (KpEdsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kp_eds_finalize;
}

static void
kp_eds_init (KpEds *self)
{
}

void
kp_eds_calendar_free (KpEdsCalendar *calendar)
{
  if (calendar == NULL)
    return;
  g_free (calendar->uid);
  g_free (calendar->name);
  g_free (calendar->account);
  g_free (calendar);
}

static ESourceRegistry *
open_registry (GError **error)
{
  g_autoptr(GError) local = NULL;
  ESourceRegistry *registry = e_source_registry_new_sync (NULL, &local);

  if (registry == NULL)
    g_set_error (error, KP_ERROR, KP_ERROR_NOT_FOUND,
                 _("The desktop’s calendars (Evolution Data Server) could not be reached: %s"),
                 local->message);
  return registry;
}

/* The account a calendar belongs to, as the desktop names it ("Google", "On This Computer"). */
static char *
dup_account_name (ESourceRegistry *registry,
                  ESource         *source)
{
  const char *parent_uid = e_source_get_parent (source);
  g_autoptr(ESource) parent = parent_uid ? e_source_registry_ref_source (registry, parent_uid)
                                         : NULL;

  if (parent != NULL && e_source_get_display_name (parent) != NULL)
    return g_strdup (e_source_get_display_name (parent));
  return g_strdup ("");
}

static ECalClient *
connect_client (ESource  *source,
                guint     seconds,
                GError  **error)
{
  g_autoptr(GError) local = NULL;
  gint64 started = g_get_monotonic_time ();
  EClient *client = e_cal_client_connect_sync (source, E_CAL_CLIENT_SOURCE_TYPE_EVENTS,
                                               seconds, NULL, &local);

  g_debug ("%s opened in %.1f s", e_source_get_uid (source),
           (g_get_monotonic_time () - started) / 1e6);

  if (client == NULL)
    g_set_error (error, KP_ERROR, KP_ERROR_NETWORK,
                 _("The calendar “%s” could not be opened: %s"),
                 e_source_get_display_name (source), local->message);
  return (ECalClient *) client;
}

static int
compare_calendars (gconstpointer a,
                   gconstpointer b)
{
  const KpEdsCalendar *one = *(const KpEdsCalendar * const *) a;
  const KpEdsCalendar *other = *(const KpEdsCalendar * const *) b;
  int by_account = g_utf8_collate (one->account, other->account);

  return by_account != 0 ? by_account : g_utf8_collate (one->name, other->name);
}

/**
 * kp_eds_list_calendars:
 *
 * The enabled calendars the desktop offers that can take events, sorted by account and name:
 * all but the read-only kinds (the contacts' birthdays, weather, web subscriptions).
 *
 * Returns: (transfer full) (element-type KpEdsCalendar) (nullable): the calendars, or %NULL
 *   when Evolution Data Server cannot be reached
 */
GPtrArray *
kp_eds_list_calendars (GError **error)
{
  g_autoptr(ESourceRegistry) registry = open_registry (error);
  g_autoptr(GPtrArray) calendars = NULL;
  GList *sources;

  if (registry == NULL)
    return NULL;

  calendars = g_ptr_array_new_with_free_func ((GDestroyNotify) kp_eds_calendar_free);
  sources = e_source_registry_list_enabled (registry, E_SOURCE_EXTENSION_CALENDAR);
  for (GList *l = sources; l != NULL; l = l->next)
    {
      ESource *source = l->data;
      ESourceBackend *backend = e_source_get_extension (source, E_SOURCE_EXTENSION_CALENDAR);
      const char *kind = e_source_backend_get_backend_name (backend);
      KpEdsCalendar *calendar;

      /* Not opened here: a remote calendar can take long to come online, and the contacts'
       * birthdays can block. Those kinds are read-only by nature; kp_eds_new() checks the
       * chosen one itself. */
      if (g_strcmp0 (kind, "contacts") == 0 || g_strcmp0 (kind, "weather") == 0 ||
          g_strcmp0 (kind, "webcal") == 0)
        continue;
      calendar = g_new0 (KpEdsCalendar, 1);
      calendar->uid = g_strdup (e_source_get_uid (source));
      calendar->name = g_strdup (e_source_get_display_name (source));
      calendar->account = dup_account_name (registry, source);
      g_ptr_array_add (calendars, calendar);
    }
  g_list_free_full (sources, g_object_unref);
  g_ptr_array_sort (calendars, compare_calendars);
  return g_steal_pointer (&calendars);
}

/* The source named by its UID, else by its display name; NULL with an error when there is no
 * such calendar or the name is not unique. */
static ESource *
find_source (ESourceRegistry  *registry,
             const char       *calendar,
             GError          **error)
{
  g_autoptr(ESource) by_uid = e_source_registry_ref_source (registry, calendar);
  g_autoptr(GString) uids = g_string_new (NULL);
  ESource *found = NULL;
  guint matches = 0;
  GList *sources;

  if (by_uid != NULL && e_source_has_extension (by_uid, E_SOURCE_EXTENSION_CALENDAR))
    return g_steal_pointer (&by_uid);

  sources = e_source_registry_list_enabled (registry, E_SOURCE_EXTENSION_CALENDAR);
  for (GList *l = sources; l != NULL; l = l->next)
    if (g_strcmp0 (e_source_get_display_name (l->data), calendar) == 0)
      {
        matches++;
        if (found == NULL)
          found = g_object_ref (l->data);
        g_string_append_printf (uids, "%s%s", uids->len ? ", " : "", e_source_get_uid (l->data));
      }
  g_list_free_full (sources, g_object_unref);

  if (matches == 1)
    return found;
  g_clear_object (&found);
  {
    g_autofree char *quoted = kp_quote_value (calendar);

    if (matches == 0)
      g_set_error (error, KP_ERROR, KP_ERROR_NOT_FOUND,
                   _("There is no calendar “%s” on this desktop: kursplan calendars lists them"),
                   quoted);
    else
      /* TRANSLATORS: the second %s lists the calendars' source UIDs */
      g_set_error (error, KP_ERROR, KP_ERROR_AMBIGUOUS,
                   _("Several calendars are called “%s”: name one by its UID (%s)"),
                   quoted, uids->str);
  }
  return NULL;
}

/**
 * kp_eds_new:
 * @calendar: the calendar's display name or its EDS source UID
 *
 * Opens a writable desktop calendar.
 *
 * Returns: (transfer full) (nullable): the target, or %NULL when there is no such calendar or
 *   it cannot be written to
 */
KpEds *
kp_eds_new (const char  *calendar,
            GError     **error)
{
  g_autoptr(ESourceRegistry) registry = NULL;
  g_autoptr(ESource) source = NULL;
  g_autoptr(KpEds) self = NULL;

  g_return_val_if_fail (calendar != NULL, NULL);

  registry = open_registry (error);
  if (registry == NULL)
    return NULL;
  source = find_source (registry, calendar, error);
  if (source == NULL)
    return NULL;

  self = g_object_new (KP_TYPE_EDS, NULL);
  self->client = connect_client (source, CONNECT_SECONDS, error);
  if (self->client == NULL)
    return NULL;
  if (e_client_is_readonly (E_CLIENT (self->client)))
    {
      g_set_error (error, KP_ERROR, KP_ERROR_CALENDAR_AUTH,
                   _("The calendar “%s” is read-only: choose one that can be written to"),
                   e_source_get_display_name (source));
      return NULL;
    }
  self->uid = g_strdup (e_source_get_uid (source));
  self->name = g_strdup (e_source_get_display_name (source));
  self->target = g_strconcat ("eds:", self->uid, NULL);
  return g_steal_pointer (&self);
}

const char *
kp_eds_get_uid (KpEds *self)
{
  g_return_val_if_fail (KP_IS_EDS (self), NULL);
  return self->uid;
}

const char *
kp_eds_get_name (KpEds *self)
{
  g_return_val_if_fail (KP_IS_EDS (self), NULL);
  return self->name;
}

/**
 * kp_eds_get_target:
 *
 * Returns: the key the sync's records are kept under, beside CalDAV's collection URLs:
 *   `eds:<source UID>`
 */
const char *
kp_eds_get_target (KpEds *self)
{
  g_return_val_if_fail (KP_IS_EDS (self), NULL);
  return self->target;
}

/**
 * kp_eds_set_overwrite:
 * @overwrite: whether an event changed in the calendar since the last sync is replaced by the
 *   plan's version (or deleted when its session was removed) instead of being left and reported
 */
void
kp_eds_set_overwrite (KpEds    *self,
                      gboolean  overwrite)
{
  g_return_if_fail (KP_IS_EDS (self));
  self->overwrite = !!overwrite;
}

/* The calendar's copy of an event, or NULL when it has none (with no error) or could not be
 * asked (with one). */
static ICalComponent *
get_event (KpEds       *self,
           const char  *uid,
           GError     **error)
{
  g_autoptr(GError) local = NULL;
  ICalComponent *event = NULL;

  if (e_cal_client_get_object_sync (self->client, uid, NULL, &event, NULL, &local))
    return event;
  if (!g_error_matches (local, E_CAL_CLIENT_ERROR, E_CAL_CLIENT_ERROR_OBJECT_NOT_FOUND))
    g_set_error (error, KP_ERROR, KP_ERROR_FAILED,
                 _("The calendar “%s” could not be read: %s"), self->name, local->message);
  return NULL;
}

static char *
dup_event_digest (ICalComponent *event)
{
  g_autofree char *text = i_cal_component_as_ical_string (event);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}

/* What the calendar's copy says, for a user deciding about a conflict. */
static char *
describe_event (ICalComponent *event)
{
  g_autoptr(ICalTime) start = i_cal_component_get_dtstart (event);
  g_autofree char *title = kp_quote_value (i_cal_component_get_summary (event));

  if (start == NULL)
    return g_strdup_printf ("“%s”", title);
  return g_strdup_printf ("“%s”, %04d-%02d-%02d %02d:%02d", title,
                          i_cal_time_get_year (start), i_cal_time_get_month (start),
                          i_cal_time_get_day (start), i_cal_time_get_hour (start),
                          i_cal_time_get_minute (start));
}

/* The session's event as CalDAV would put it, with its zone made known to the calendar. */
static ICalComponent *
build_event (KpEds      *self,
             KpCourse   *course,
             KpSession  *session,
             GDateTime  *now,
             GError    **error)
{
  g_autoptr(GBytes) body = kp_ical_export_session_resource (course, session, now);
  g_autofree char *text = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  g_autoptr(ICalComponent) root = i_cal_component_new_from_string (text);
  g_autoptr(ICalComponent) zone_part = NULL;
  g_autoptr(ICalComponent) event = NULL;
  g_autoptr(GError) local = NULL;

  event = root ? i_cal_component_get_first_component (root, I_CAL_VEVENT_COMPONENT) : NULL;
  g_assert (event != NULL);
  zone_part = i_cal_component_get_first_component (root, I_CAL_VTIMEZONE_COMPONENT);
  if (zone_part != NULL)
    {
      g_autoptr(ICalTimezone) zone = i_cal_timezone_new ();

      if (i_cal_timezone_set_component (zone, i_cal_component_clone (zone_part)) &&
          !e_cal_client_add_timezone_sync (self->client, zone, NULL, &local))
        {
          g_set_error (error, KP_ERROR, KP_ERROR_FAILED,
                       _("The calendar “%s” did not take the course’s time zone: %s"),
                       self->name, local->message);
          return NULL;
        }
    }
  return i_cal_component_clone (event);
}

static gboolean
add_conflict (KpCaldavReport *report,
              char           *message)
{
  if (report->conflicts == NULL)
    report->conflicts = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (report->conflicts, message);
  return TRUE;
}

static gboolean
put_session (KpEds               *self,
             KpCourse            *course,
             KpSession           *session,
             const char * const  *known,
             GDateTime           *now,
             KpCaldavRecordFunc   record,
             gpointer             user_data,
             KpCaldavReport      *report,
             GError             **error)
{
  g_autofree char *uid = kp_ical_dup_session_uid (session);
  g_autofree char *digest = kp_caldav_dup_session_digest (course, session, 0);
  g_autofree char *copy_digest = NULL;
  g_autofree char *what = NULL;
  g_autoptr(ICalComponent) copy = NULL;
  g_autoptr(ICalComponent) event = NULL;
  g_autoptr(ICalComponent) written = NULL;
  g_autoptr(GError) local = NULL;
  GError *read_error = NULL;

  copy = get_event (self, uid, &read_error);
  if (read_error != NULL)
    {
      g_propagate_error (error, read_error);
      return FALSE;
    }
  copy_digest = copy ? dup_event_digest (copy) : NULL;

  if (copy != NULL && known != NULL && g_strcmp0 (known[2], digest) == 0 &&
      g_strcmp0 (known[1], copy_digest) == 0)
    {
      report->unchanged++;
      return TRUE;
    }

  /* TRANSLATORS: names the session a calendar error is about */
  what = g_strdup_printf (_("Session “%s”"), kp_session_get_title (session)
                                             ? kp_session_get_title (session)
                                             : kp_session_get_id (session));

  /* Changed in the calendar since the last sync, or there before any sync of this plan. */
  if (copy != NULL && (known == NULL || g_strcmp0 (known[1], copy_digest) != 0) &&
      !self->overwrite)
    {
      g_autofree char *description = describe_event (copy);

      return add_conflict (report,
                           g_strdup_printf (_("%s was changed in the calendar since the last "
                                              "sync; the calendar now has %s"),
                                            what, description));
    }

  event = build_event (self, course, session, now, error);
  if (event == NULL)
    return FALSE;
  if (copy == NULL)
    {
      if (!e_cal_client_create_object_sync (self->client, event, E_CAL_OPERATION_FLAG_NONE,
                                            NULL, NULL, &local))
        {
          g_set_error (error, KP_ERROR, KP_ERROR_FAILED, _("%s: the calendar refused it: %s"),
                       what, local->message);
          return FALSE;
        }
      report->created++;
    }
  else
    {
      if (!e_cal_client_modify_object_sync (self->client, event, E_CAL_OBJ_MOD_ALL,
                                            E_CAL_OPERATION_FLAG_NONE, NULL, &local))
        {
          g_set_error (error, KP_ERROR, KP_ERROR_FAILED, _("%s: the calendar refused it: %s"),
                       what, local->message);
          return FALSE;
        }
      report->updated++;
    }

  /* Recorded as the calendar holds it now, which is what the next sync compares with. */
  written = get_event (self, uid, error);
  if (written == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, KP_ERROR, KP_ERROR_FAILED,
                     _("%s: the calendar did not keep it"), what);
      return FALSE;
    }
  g_clear_pointer (&copy_digest, g_free);
  copy_digest = dup_event_digest (written);
  return record (kp_session_get_id (session), uid, copy_digest, digest, user_data, error);
}

static gboolean
delete_event (KpEds               *self,
              const char          *session_id,
              const char * const  *known,
              KpCaldavRecordFunc   record,
              gpointer             user_data,
              KpCaldavReport      *report,
              GError             **error)
{
  g_autoptr(ICalComponent) copy = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *copy_digest = NULL;
  GError *read_error = NULL;

  copy = get_event (self, known[0], &read_error);
  if (read_error != NULL)
    {
      g_propagate_error (error, read_error);
      return FALSE;
    }
  /* Already deleted in the calendar: only forget it. */
  if (copy == NULL)
    return record (session_id, NULL, NULL, NULL, user_data, error);

  copy_digest = dup_event_digest (copy);
  if (g_strcmp0 (copy_digest, known[1]) != 0 && !self->overwrite)
    {
      g_autofree char *description = describe_event (copy);

      return add_conflict (report,
                           g_strdup_printf (_("The event of a removed session was changed in "
                                              "the calendar since the last sync, so it was not "
                                              "deleted; the calendar now has %s"),
                                            description));
    }

  if (!e_cal_client_remove_object_sync (self->client, known[0], NULL, E_CAL_OBJ_MOD_ALL,
                                        E_CAL_OPERATION_FLAG_NONE, NULL, &local) &&
      !g_error_matches (local, E_CAL_CLIENT_ERROR, E_CAL_CLIENT_ERROR_OBJECT_NOT_FOUND))
    {
      /* TRANSLATORS: %s is the UID of the event a removed session had */
      g_set_error (error, KP_ERROR, KP_ERROR_FAILED,
                   _("The removed session’s event %s could not be deleted: %s"),
                   known[0], local->message);
      return FALSE;
    }
  report->deleted++;
  return record (session_id, NULL, NULL, NULL, user_data, error);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * kp_eds_sync:
 * @course: the course whose sessions the calendar should hold
 * @known: (element-type utf8 GStrv): what an earlier sync put there: session id → { event UID,
 *   digest of the calendar's copy, digest of the plan's }, as kp_store_load_caldav_resources()
 *   gives it for kp_eds_get_target()
 * @now: DTSTAMP of the events
 * @record: called after each confirmed create, change or removal
 * @report: (out caller-allocates): what was done, also when the sync stopped early
 *
 * As kp_caldav_sync(), with the desktop's calendar as the target.
 *
 * Returns: %TRUE when the calendar holds the plan; %FALSE with %KP_ERROR_CALENDAR_CONFLICT
 *   when all but the conflicts were synced, with another error when the sync stopped
 */
gboolean
kp_eds_sync (KpEds               *self,
             KpCourse            *course,
             GHashTable          *known,
             GDateTime           *now,
             KpCaldavRecordFunc   record,
             gpointer             user_data,
             KpCaldavReport      *report,
             GError             **error)
{
  g_autoptr(GHashTable) present = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) gone = g_ptr_array_new ();
  GListModel *sessions;
  GHashTableIter iter;
  gpointer key, value;
  guint n;

  g_return_val_if_fail (KP_IS_EDS (self), FALSE);
  g_return_val_if_fail (KP_IS_COURSE (course), FALSE);
  g_return_val_if_fail (known != NULL && now != NULL && record != NULL, FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  kp_caldav_report_clear (report);

  sessions = kp_course_get_sessions (course);
  n = g_list_model_get_n_items (sessions);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KpSession) session = g_list_model_get_item (sessions, i);

      if (kp_session_get_start (session) == NULL)
        continue;
      if (!put_session (self, course, session, g_hash_table_lookup (known,
                                                                    kp_session_get_id (session)),
                        now, record, user_data, report, error))
        return FALSE;
      g_hash_table_add (present, (gpointer) kp_session_get_id (session));
    }

  /* Sorted, so conflicts are reported in the same order on every run. */
  g_hash_table_iter_init (&iter, known);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (present, key))
      g_ptr_array_add (gone, key);
  g_ptr_array_sort (gone, compare_ids);
  for (guint i = 0; i < gone->len; i++)
    {
      const char *session_id = g_ptr_array_index (gone, i);

      if (!delete_event (self, session_id, g_hash_table_lookup (known, session_id), record,
                         user_data, report, error))
        return FALSE;
    }

  if (report->conflicts != NULL)
    {
      g_set_error (error, KP_ERROR, KP_ERROR_CALENDAR_CONFLICT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u event was changed in the calendar since the last sync and "
                                "was left as it is there; everything else was synced",
                                "%u events were changed in the calendar since the last sync and "
                                "were left as they are there; everything else was synced",
                                report->conflicts->len),
                   report->conflicts->len);
      return FALSE;
    }
  return TRUE;
}
