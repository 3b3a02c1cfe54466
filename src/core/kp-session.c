/* kp-session.c — one meeting of a course (samling), with its contributions
 *
 * The revision counter (iCalendar's SEQUENCE) rises whenever the time, place, title or status
 * changes: subscribers' calendars only replace an event when it does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-session"

#include "config.h"

#include <string.h>

#include "kp-error.h"
#include "kp-i18n.h"
#include "kp-quote.h"
#include "kp-session.h"
#include "kp-util-private.h"

struct _KpSession
{
  GObject          parent_instance;

  char            *id;
  char            *title;
  GDateTime       *start;        /* local wall-clock time in the course's zone */
  guint            minutes;
  char            *location_name;
  char            *location_room;
  char            *location_address;
  char            *join_url;     /* the video meeting, for registered participants only */
  KpSessionStatus  status;
  int              attended;     /* -1: not noted */
  char            *notes;
  guint            revision;
  GDateTime       *modified;     /* UTC */
  GListStore      *contributions;
};

G_DEFINE_FINAL_TYPE (KpSession, kp_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_START,
  PROP_MINUTES,
  PROP_LOCATION_NAME,
  PROP_LOCATION_ROOM,
  PROP_LOCATION_ADDRESS,
  PROP_JOIN_URL,
  PROP_STATUS,
  PROP_ATTENDED,
  PROP_NOTES,
  PROP_REVISION,
  PROP_MODIFIED,
  PROP_CONTRIBUTIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A change a calendar subscriber must see. */
static void
kp_session_bump_revision (KpSession *self)
{
  self->revision++;
  g_clear_pointer (&self->modified, g_date_time_unref);
  self->modified = g_date_time_new_now_utc ();
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVISION]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
on_contribution_notify (KpSession *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTRIBUTIONS]);
}

/* An edit to a contribution is a change of the session, so the course and the store hear it. */
static void
on_contributions_changed (GListModel *list,
                          guint       position,
                          guint       removed,
                          guint       added,
                          KpSession  *self)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(KpContribution) contribution = g_list_model_get_item (list, i);

      g_signal_connect_object (contribution, "notify", G_CALLBACK (on_contribution_notify), self,
                               G_CONNECT_SWAPPED);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTRIBUTIONS]);
}

static void
kp_session_finalize (GObject *object)
{
  KpSession *self = (KpSession *)object;

  g_free (self->id);
  g_free (self->title);
  g_clear_pointer (&self->start, g_date_time_unref);
  g_free (self->location_name);
  g_free (self->location_room);
  g_free (self->location_address);
  g_free (self->join_url);
  g_free (self->notes);
  g_clear_pointer (&self->modified, g_date_time_unref);
  g_clear_object (&self->contributions);

  G_OBJECT_CLASS (kp_session_parent_class)->finalize (object);
}

static void
kp_session_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  KpSession *self = KP_SESSION (object);

  switch (prop_id)
    {
    case PROP_ID:               g_value_set_string (value, self->id); break;
    case PROP_TITLE:            g_value_set_string (value, self->title); break;
    case PROP_START:            g_value_set_boxed (value, self->start); break;
    case PROP_MINUTES:          g_value_set_uint (value, self->minutes); break;
    case PROP_LOCATION_NAME:    g_value_set_string (value, self->location_name); break;
    case PROP_LOCATION_ROOM:    g_value_set_string (value, self->location_room); break;
    case PROP_LOCATION_ADDRESS: g_value_set_string (value, self->location_address); break;
    case PROP_JOIN_URL:         g_value_set_string (value, self->join_url); break;
    case PROP_STATUS:           g_value_set_enum (value, self->status); break;
    case PROP_ATTENDED:         g_value_set_int (value, self->attended); break;
    case PROP_NOTES:            g_value_set_string (value, self->notes); break;
    case PROP_REVISION:         g_value_set_uint (value, self->revision); break;
    case PROP_MODIFIED:         g_value_set_boxed (value, self->modified); break;
    case PROP_CONTRIBUTIONS:    g_value_set_object (value, self->contributions); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_session_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  KpSession *self = KP_SESSION (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      if (self->id == NULL)
        self->id = g_uuid_string_random ();
      break;
    case PROP_TITLE:
      kp_session_set_title (self, g_value_get_string (value));
      break;
    case PROP_START:
      kp_session_set_start (self, g_value_get_boxed (value));
      break;
    case PROP_MINUTES:
      kp_session_set_minutes (self, g_value_get_uint (value));
      break;
    case PROP_LOCATION_NAME:
      kp_session_set_location (self, g_value_get_string (value),
                               self->location_room, self->location_address);
      break;
    case PROP_LOCATION_ROOM:
      kp_session_set_location (self, self->location_name,
                               g_value_get_string (value), self->location_address);
      break;
    case PROP_LOCATION_ADDRESS:
      kp_session_set_location (self, self->location_name,
                               self->location_room, g_value_get_string (value));
      break;
    case PROP_JOIN_URL:
      kp_session_set_join_url (self, g_value_get_string (value));
      break;
    case PROP_STATUS:
      kp_session_set_status (self, g_value_get_enum (value));
      break;
    case PROP_ATTENDED:
      kp_session_set_attended (self, g_value_get_int (value));
      break;
    case PROP_NOTES:
      kp_session_set_notes (self, g_value_get_string (value));
      break;
    case PROP_REVISION:
      kp_session_set_revision (self, g_value_get_uint (value));
      break;
    case PROP_MODIFIED:
      kp_session_set_modified (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_session_class_init (KpSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = kp_session_finalize;
  object_class->get_property = kp_session_get_property;
  object_class->set_property = kp_session_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, rw);
  properties[PROP_START] = g_param_spec_boxed ("start", NULL, NULL, G_TYPE_DATE_TIME, rw);
  properties[PROP_MINUTES] = g_param_spec_uint ("minutes", NULL, NULL, 0, 24 * 60, 0, rw);
  properties[PROP_LOCATION_NAME] = g_param_spec_string ("location-name", NULL, NULL, NULL, rw);
  properties[PROP_LOCATION_ROOM] = g_param_spec_string ("location-room", NULL, NULL, NULL, rw);
  properties[PROP_LOCATION_ADDRESS] =
    g_param_spec_string ("location-address", NULL, NULL, NULL, rw);
  properties[PROP_JOIN_URL] = g_param_spec_string ("join-url", NULL, NULL, NULL, rw);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, KP_TYPE_SESSION_STATUS,
                       KP_SESSION_STATUS_PLANNED, rw);
  properties[PROP_ATTENDED] = g_param_spec_int ("attended", NULL, NULL, -1, G_MAXINT, -1, rw);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, NULL, rw);
  properties[PROP_REVISION] = g_param_spec_uint ("revision", NULL, NULL, 0, G_MAXUINT, 0, rw);
  properties[PROP_MODIFIED] = g_param_spec_boxed ("modified", NULL, NULL, G_TYPE_DATE_TIME, rw);
  properties[PROP_CONTRIBUTIONS] =
    g_param_spec_object ("contributions", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kp_session_init (KpSession *self)
{
  self->attended = -1;
  self->contributions = g_list_store_new (KP_TYPE_CONTRIBUTION);
  g_signal_connect_object (self->contributions, "items-changed",
                           G_CALLBACK (on_contributions_changed), self, 0);
}

/**
 * kp_session_new:
 * @id: (nullable): the session's UUID, or %NULL for a new one
 */
KpSession *
kp_session_new (const char *id)
{
  return g_object_new (KP_TYPE_SESSION, "id", id, NULL);
}

const char *
kp_session_get_id (KpSession *self)
{
  g_return_val_if_fail (KP_IS_SESSION (self), NULL);
  return self->id;
}

const char *
kp_session_get_title (KpSession *self)
{
  g_return_val_if_fail (KP_IS_SESSION (self), NULL);
  return self->title;
}

void
kp_session_set_title (KpSession  *self,
                      const char *title)
{
  g_return_if_fail (KP_IS_SESSION (self));

  if (kp_set_string (&self->title, title))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
      kp_session_bump_revision (self);
    }
}

/**
 * kp_session_get_start:
 *
 * Returns: (transfer none) (nullable): the start, wall-clock time in the course's zone
 */
GDateTime *
kp_session_get_start (KpSession *self)
{
  g_return_val_if_fail (KP_IS_SESSION (self), NULL);
  return self->start;
}

void
kp_session_set_start (KpSession *self,
                      GDateTime *start)
{
  g_return_if_fail (KP_IS_SESSION (self));

  if (self->start == start ||
      (self->start != NULL && start != NULL && g_date_time_equal (self->start, start) &&
       g_strcmp0 (g_date_time_get_timezone_abbreviation (self->start),
                  g_date_time_get_timezone_abbreviation (start)) == 0))
    return;

  g_clear_pointer (&self->start, g_date_time_unref);
  self->start = start ? g_date_time_ref (start) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
  kp_session_bump_revision (self);
}

/**
 * kp_session_get_end:
 *
 * Returns: (transfer full) (nullable): when the session ends, in the same zone as its start
 */
GDateTime *
kp_session_get_end (KpSession *self)
{
  g_return_val_if_fail (KP_IS_SESSION (self), NULL);

  if (self->start == NULL)
    return NULL;
  return g_date_time_add_minutes (self->start, self->minutes);
}

guint
kp_session_get_minutes (KpSession *self)
{
  g_return_val_if_fail (KP_IS_SESSION (self), 0);
  return self->minutes;
}

void
kp_session_set_minutes (KpSession *self,
                        guint      minutes)
{
  g_return_if_fail (KP_IS_SESSION (self));

  if (self->minutes != minutes)
    {
      self->minutes = minutes;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MINUTES]);
      kp_session_bump_revision (self);
    }
}

const char *
kp_session_get_location_name (KpSession *self)
{
  g_return_val_if_fail (KP_IS_SESSION (self), NULL);
  return self->location_name;
}

const char *
kp_session_get_location_room (KpSession *self)
{
  g_return_val_if_fail (KP_IS_SESSION (self), NULL);
  return self->location_room;
}

const char *
kp_session_get_location_address (KpSession *self)
{
  g_return_val_if_fail (KP_IS_SESSION (self), NULL);
  return self->location_address;
}

/**
 * kp_session_set_location:
 *
 * Sets where this session is; all %NULL means the course's place.
 */
void
kp_session_set_location (KpSession  *self,
                         const char *name,
                         const char *room,
                         const char *address)
{
  gboolean changed = FALSE;

  g_return_if_fail (KP_IS_SESSION (self));

  if (kp_set_string (&self->location_name, name))
    {
      changed = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCATION_NAME]);
    }
  if (kp_set_string (&self->location_room, room))
    {
      changed = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCATION_ROOM]);
    }
  if (kp_set_string (&self->location_address, address))
    {
      changed = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCATION_ADDRESS]);
    }

  if (changed)
    kp_session_bump_revision (self);
}

gboolean
kp_session_has_own_location (KpSession *self)
{
  g_return_val_if_fail (KP_IS_SESSION (self), FALSE);
  return self->location_name != NULL || self->location_room != NULL ||
         self->location_address != NULL;
}

KpSessionStatus
kp_session_get_status (KpSession *self)
{
  g_return_val_if_fail (KP_IS_SESSION (self), 0);
  return self->status;
}

void
kp_session_set_status (KpSession       *self,
                       KpSessionStatus  status)
{
  g_return_if_fail (KP_IS_SESSION (self));

  if (self->status != status)
    {
      self->status = status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
      kp_session_bump_revision (self);
    }
}

/**
 * kp_session_get_attended:
 *
 * Returns: how many took part, or -1 when it has not been noted
 */
int
kp_session_get_attended (KpSession *self)
{
  g_return_val_if_fail (KP_IS_SESSION (self), -1);
  return self->attended;
}

void
kp_session_set_attended (KpSession *self,
                         int        attended)
{
  g_return_if_fail (KP_IS_SESSION (self));

  attended = MAX (attended, -1);
  if (self->attended != attended)
    {
      self->attended = attended;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTENDED]);
    }
}

/**
 * kp_session_get_join_url:
 *
 * Returns: (nullable): the link to the session's video meeting; it goes into the participants'
 *   calendar, never into a public document
 */
const char *
kp_session_get_join_url (KpSession *self)
{
  g_return_val_if_fail (KP_IS_SESSION (self), NULL);
  return self->join_url;
}

/**
 * kp_session_check_join_url:
 * @join_url: (nullable): a link to a video meeting
 *
 * Returns: %TRUE when @join_url is %NULL, empty, or an http(s) address with a host
 */
gboolean
kp_session_check_join_url (const char  *join_url,
                           GError     **error)
{
  g_autoptr(GUri) uri = NULL;

  if (join_url == NULL || *join_url == '\0')
    return TRUE;

  uri = g_uri_parse (join_url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL ||
      (g_strcmp0 (g_uri_get_scheme (uri), "https") != 0 &&
       g_strcmp0 (g_uri_get_scheme (uri), "http") != 0) ||
      g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0' ||
      strpbrk (join_url, " \t\r\n") != NULL)
    {
      g_autofree char *quoted = kp_quote_value (join_url);

      g_set_error (error, KP_ERROR, KP_ERROR_INVALID_VALUE,
                   _("“%s” is not a web address of the form https://…"), quoted);
      return FALSE;
    }
  return TRUE;
}

/* A new link is a change the participants' calendars must take: the revision rises. */
void
kp_session_set_join_url (KpSession  *self,
                         const char *join_url)
{
  g_return_if_fail (KP_IS_SESSION (self));

  if (join_url != NULL && *join_url == '\0')
    join_url = NULL;
  if (kp_set_string (&self->join_url, join_url))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JOIN_URL]);
      kp_session_bump_revision (self);
    }
}

const char *
kp_session_get_notes (KpSession *self)
{
  g_return_val_if_fail (KP_IS_SESSION (self), NULL);
  return self->notes;
}

void
kp_session_set_notes (KpSession  *self,
                      const char *notes)
{
  g_return_if_fail (KP_IS_SESSION (self));

  if (kp_set_string (&self->notes, notes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

guint
kp_session_get_revision (KpSession *self)
{
  g_return_val_if_fail (KP_IS_SESSION (self), 0);
  return self->revision;
}

void
kp_session_set_revision (KpSession *self,
                         guint      revision)
{
  g_return_if_fail (KP_IS_SESSION (self));

  if (self->revision != revision)
    {
      self->revision = revision;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVISION]);
    }
}

/**
 * kp_session_get_modified:
 *
 * Returns: (transfer none) (nullable): when the time, place, title or status last changed, UTC
 */
GDateTime *
kp_session_get_modified (KpSession *self)
{
  g_return_val_if_fail (KP_IS_SESSION (self), NULL);
  return self->modified;
}

void
kp_session_set_modified (KpSession *self,
                         GDateTime *modified)
{
  g_return_if_fail (KP_IS_SESSION (self));

  if (self->modified == modified ||
      (self->modified != NULL && modified != NULL && g_date_time_equal (self->modified, modified)))
    return;

  g_clear_pointer (&self->modified, g_date_time_unref);
  self->modified = modified ? g_date_time_to_utc (modified) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/**
 * kp_session_get_contributions:
 *
 * Returns: (transfer none): a list of #KpContribution, in the order they happen
 */
GListModel *
kp_session_get_contributions (KpSession *self)
{
  g_return_val_if_fail (KP_IS_SESSION (self), NULL);
  return G_LIST_MODEL (self->contributions);
}

void
kp_session_add_contribution (KpSession      *self,
                             KpContribution *contribution)
{
  g_return_if_fail (KP_IS_SESSION (self));
  g_return_if_fail (KP_IS_CONTRIBUTION (contribution));

  g_list_store_append (self->contributions, contribution);
}

/**
 * kp_session_insert_contribution:
 * @position: where among the contributions; past the end puts @contribution last
 */
void
kp_session_insert_contribution (KpSession      *self,
                                guint           position,
                                KpContribution *contribution)
{
  g_return_if_fail (KP_IS_SESSION (self));
  g_return_if_fail (KP_IS_CONTRIBUTION (contribution));

  g_list_store_insert (self->contributions,
                       MIN (position, g_list_model_get_n_items (G_LIST_MODEL (self->contributions))),
                       contribution);
}

void
kp_session_remove_contribution (KpSession *self,
                                guint      position)
{
  g_return_if_fail (KP_IS_SESSION (self));

  g_list_store_remove (self->contributions, position);
}

guint
kp_session_count_contributions (KpSession          *self,
                                KpContributionKind  kind)
{
  guint n, count = 0;

  g_return_val_if_fail (KP_IS_SESSION (self), 0);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->contributions));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KpContribution) c = g_list_model_get_item (G_LIST_MODEL (self->contributions), i);

      if (kp_contribution_get_kind (c) == kind)
        count++;
    }
  return count;
}

static gboolean
kp_session_same_schedule (KpSession *a,
                          KpSession *b)
{
  return g_strcmp0 (a->title, b->title) == 0 &&
         ((a->start == NULL && b->start == NULL) ||
          (a->start != NULL && b->start != NULL && g_date_time_equal (a->start, b->start))) &&
         a->minutes == b->minutes &&
         g_strcmp0 (a->location_name, b->location_name) == 0 &&
         g_strcmp0 (a->location_room, b->location_room) == 0 &&
         g_strcmp0 (a->location_address, b->location_address) == 0 &&
         g_strcmp0 (a->join_url, b->join_url) == 0 &&
         a->status == b->status;
}

/**
 * kp_session_update_from:
 * @self: the session as it stands
 * @other: the same session as another copy of the plan has it
 *
 * Takes every value of @other. When the time, place, title or status differ, the revision
 * rises past both copies' revisions, once.
 */
void
kp_session_update_from (KpSession *self,
                        KpSession *other)
{
  gboolean changed;
  guint revision;
  g_autoptr(GDateTime) modified = NULL;
  guint n;

  g_return_if_fail (KP_IS_SESSION (self));
  g_return_if_fail (KP_IS_SESSION (other));

  changed = !kp_session_same_schedule (self, other);
  if (changed)
    {
      revision = MAX (self->revision + 1, other->revision);
      modified = other->revision > self->revision && other->modified != NULL
                 ? g_date_time_ref (other->modified)
                 : g_date_time_new_now_utc ();
    }
  else
    {
      revision = MAX (self->revision, other->revision);
      GDateTime *kept = other->revision > self->revision && other->modified != NULL
                        ? other->modified
                        : (self->modified != NULL ? self->modified : other->modified);

      modified = kept != NULL ? g_date_time_ref (kept) : NULL;
    }

  g_object_freeze_notify (G_OBJECT (self));
  kp_session_set_title (self, other->title);
  kp_session_set_start (self, other->start);
  kp_session_set_minutes (self, other->minutes);
  kp_session_set_location (self, other->location_name, other->location_room,
                           other->location_address);
  kp_session_set_join_url (self, other->join_url);
  kp_session_set_status (self, other->status);
  kp_session_set_attended (self, other->attended);
  kp_session_set_notes (self, other->notes);
  kp_session_set_revision (self, revision);
  kp_session_set_modified (self, modified);

  g_list_store_remove_all (self->contributions);
  n = g_list_model_get_n_items (G_LIST_MODEL (other->contributions));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KpContribution) c = g_list_model_get_item (G_LIST_MODEL (other->contributions), i);
      g_list_store_append (self->contributions, c);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * kp_session_overlaps:
 *
 * Whether the two sessions share any moment, compared as instants, so sessions in different
 * zones or on either side of a clock change compare right. A session without a start overlaps
 * nothing; one ending exactly when the other starts does not overlap it.
 *
 * Returns: %TRUE when their times overlap
 */
gboolean
kp_session_overlaps (KpSession *self,
                     KpSession *other)
{
  g_autoptr(GDateTime) self_end = NULL;
  g_autoptr(GDateTime) other_end = NULL;

  g_return_val_if_fail (KP_IS_SESSION (self), FALSE);
  g_return_val_if_fail (KP_IS_SESSION (other), FALSE);

  if (self == other || self->start == NULL || other->start == NULL)
    return FALSE;
  self_end = kp_session_get_end (self);
  other_end = kp_session_get_end (other);
  return g_date_time_compare (self->start, other_end) < 0 &&
         g_date_time_compare (other->start, self_end) < 0;
}

/**
 * kp_session_is_held:
 * @now: the moment the course is looked at
 *
 * A session is held when it has a time, has ended by @now and is not cancelled: what the
 * year's figures count and what attendance can be noted for.
 *
 * Returns: %TRUE when the session has been held by @now
 */
gboolean
kp_session_is_held (KpSession *self,
                    GDateTime *now)
{
  g_autoptr(GDateTime) end = NULL;

  g_return_val_if_fail (KP_IS_SESSION (self), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  if (self->start == NULL || self->status == KP_SESSION_STATUS_CANCELLED)
    return FALSE;
  end = kp_session_get_end (self);
  return g_date_time_compare (end, now) <= 0;
}

/**
 * kp_session_note_attended:
 * @attended: how many took part, or -1 to clear the count
 * @now: the moment the count is noted
 *
 * Notes attendance as the planning group does after a session: a count for a session that has
 * not ended by @now (or has no time) is refused, and the session is left as it was. Clearing
 * the count is always allowed.
 *
 * Returns: %TRUE when the count was noted
 */
gboolean
kp_session_note_attended (KpSession  *self,
                          int         attended,
                          GDateTime  *now,
                          GError    **error)
{
  g_autoptr(GDateTime) end = NULL;

  g_return_val_if_fail (KP_IS_SESSION (self), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  if (attended >= 0)
    {
      if (self->start != NULL)
        end = kp_session_get_end (self);
      if (end == NULL || g_date_time_compare (end, now) > 0)
        {
          if (self->title != NULL && *self->title != '\0')
            g_set_error (error, KP_ERROR, KP_ERROR_INVALID_VALUE,
                         _("“%s” has not been held yet: note how many took part after the "
                           "session has ended"),
                         self->title);
          else
            g_set_error_literal (error, KP_ERROR, KP_ERROR_INVALID_VALUE,
                                 _("This session has not been held yet: note how many took "
                                   "part after it has ended"));
          return FALSE;
        }
    }
  kp_session_set_attended (self, attended);
  return TRUE;
}
