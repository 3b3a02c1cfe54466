/* kp-caldav.c — a course's sessions kept in a CalDAV collection (RFC 4791), one resource each
 *
 * Each session is PUT to {collection}/{uid}.ics, a VEVENT with its VTIMEZONE and no METHOD:
 * with `If-None-Match: *` when it is new, with `If-Match: <etag>` when the server has it, so a
 * change made on the server meanwhile is never overwritten (412). A session gone from the plan
 * is deleted, with `If-Match` too. Every confirmed change is handed to the caller's record
 * function at once: what is recorded locally is always what the server holds, and a sync that
 * stopped half-way (a dropped connection, a server too slow) continues where it stopped when run
 * again. A conflict stops only its own event: every other session is still put or deleted.
 *
 * Credentials go only to the origin the user gave: redirects are followed by hand, and one that
 * leaves that origin (another scheme, host or port) is refused before anything is sent there.
 * The whole sync has a time limit, since a server that trickles its answer never trips the
 * idle timeout.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-caldav"

#include "config.h"

#include <libical/ical.h>
#include <libsoup/soup.h>
#include <string.h>

#include "kp-caldav.h"
#include "kp-error.h"
#include "kp-i18n.h"
#include "kp-ical-export.h"
#include "kp-ical-parse.h"
#include "kp-quote.h"

struct _KpCaldav
{
  GObject      parent_instance;

  SoupSession *session;
  GUri        *collection;
  char        *collection_text;
  char        *user;
  char        *password;
  gboolean     overwrite;
  guint        remind_minutes;  /* a VALARM this long before each session; 0: none */
  guint        time_limit;    /* seconds, for the whole sync */
  GCancellable *cancellable;  /* (nullable): while a sync runs; cancelled at its time limit */
  gint         timed_out;     /* (atomic) */
};

/* Same-origin redirects followed before giving up. */
#define MAX_REDIRECTS 5

G_DEFINE_FINAL_TYPE (KpCaldav, kp_caldav, G_TYPE_OBJECT)

static void
kp_caldav_finalize (GObject *object)
{
  KpCaldav *self = (KpCaldav *) object;

  g_clear_object (&self->session);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->collection, g_uri_unref);
  g_free (self->collection_text);
  g_free (self->user);
  if (self->password != NULL)
    memset (self->password, 0, strlen (self->password));
  g_free (self->password);

  G_OBJECT_CLASS (kp_caldav_parent_class)->finalize (object);
}

static void
kp_caldav_class_init (KpCaldavClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kp_caldav_finalize;
}

static void
kp_caldav_init (KpCaldav *self)
{
  /* TLS certificates are checked against the system's trust store (libsoup's default). */
  self->session = soup_session_new_with_options ("user-agent", "Kursplan/" PACKAGE_VERSION,
                                                 "timeout", 60,
                                                 NULL);
  self->time_limit = KP_CALDAV_DEFAULT_TIME_LIMIT;
}

/**
 * kp_caldav_new:
 * @collection_url: the calendar collection, http or https
 * @user: (nullable): the account's user name
 * @password: (nullable): its password
 *
 * Returns: (transfer full) (nullable): the client, or %NULL if the URL is not one
 */
KpCaldav *
kp_caldav_new (const char  *collection_url,
               const char  *user,
               const char  *password,
               GError     **error)
{
  g_autoptr(KpCaldav) self = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autofree char *text = NULL;
  const char *scheme;

  g_return_val_if_fail (collection_url != NULL, NULL);

  uri = g_uri_parse (collection_url, G_URI_FLAGS_ENCODED | G_URI_FLAGS_PARSE_RELAXED, NULL);
  scheme = uri ? g_uri_get_scheme (uri) : NULL;
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0' ||
      (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0))
    {
      g_autofree char *quoted = kp_quote_value (collection_url);

      g_set_error (error, KP_ERROR, KP_ERROR_INVALID_VALUE,
                   _("“%s” is not a calendar address: give the collection’s http or https URL"),
                   quoted);
      return NULL;
    }

  /* A password in the address would be stored with the course's records and printed; the user
   * name and password have their own fields. */
  if (g_uri_get_userinfo (uri) != NULL)
    {
      g_autofree char *hidden = kp_caldav_dup_without_userinfo (collection_url);

      g_set_error (error, KP_ERROR, KP_ERROR_INVALID_VALUE,
                   _("The calendar address holds a user name or password: give it without them "
                     "(%s) and the user name and password separately"),
                   hidden);
      return NULL;
    }

  /* Resources are named relative to the collection, which is a folder. */
  if (!g_str_has_suffix (g_uri_get_path (uri), "/"))
    {
      g_autofree char *path = g_strconcat (g_uri_get_path (uri), "/", NULL);
      GUri *folder = g_uri_build (G_URI_FLAGS_ENCODED, g_uri_get_scheme (uri),
                                  NULL, g_uri_get_host (uri),
                                  g_uri_get_port (uri), path, NULL, NULL);

      g_uri_unref (uri);
      uri = folder;
    }

  self = g_object_new (KP_TYPE_CALDAV, NULL);
  self->collection = g_steal_pointer (&uri);
  self->collection_text = g_uri_to_string (self->collection);
  self->user = g_strdup (user);
  self->password = g_strdup (password);
  return g_steal_pointer (&self);
}

/**
 * kp_caldav_dup_without_userinfo:
 * @url: a calendar address, as the user gave or an earlier version saved it
 *
 * Returns: (transfer full) (nullable): @url without the user name and password written into
 *   it, or %NULL when it has none (or is no URL)
 */
char *
kp_caldav_dup_without_userinfo (const char *url)
{
  g_autoptr(GUri) uri = NULL;

  g_return_val_if_fail (url != NULL, NULL);

  uri = g_uri_parse (url, G_URI_FLAGS_ENCODED | G_URI_FLAGS_PARSE_RELAXED, NULL);
  if (uri == NULL || g_uri_get_userinfo (uri) == NULL)
    return NULL;
  return g_uri_to_string_partial (uri, G_URI_HIDE_USERINFO);
}

const char *
kp_caldav_get_collection (KpCaldav *self)
{
  g_return_val_if_fail (KP_IS_CALDAV (self), NULL);
  return self->collection_text;
}

static int
effective_port (GUri *uri)
{
  if (g_uri_get_port (uri) != -1)
    return g_uri_get_port (uri);
  return g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0 ? 443 : 80;
}

/* Whether @uri is on the collection's origin (RFC 6454: scheme, host and port). */
static gboolean
is_same_origin (KpCaldav *self,
                GUri     *uri)
{
  return g_uri_get_scheme (uri) != NULL && g_uri_get_host (uri) != NULL &&
         g_ascii_strcasecmp (g_uri_get_scheme (uri), g_uri_get_scheme (self->collection)) == 0 &&
         g_ascii_strcasecmp (g_uri_get_host (uri), g_uri_get_host (self->collection)) == 0 &&
         effective_port (uri) == effective_port (self->collection);
}

/* The server as the user can recognise it: host, and port when it is not the default. */
static char *
dup_server_name (GUri *uri)
{
  if (g_uri_get_port (uri) == -1)
    return g_strdup (g_uri_get_host (uri));
  return g_strdup_printf ("%s:%d", g_uri_get_host (uri), g_uri_get_port (uri));
}

static gboolean
on_authenticate (SoupMessage *message,
                 SoupAuth    *auth,
                 gboolean     retrying,
                 KpCaldav    *self)
{
  /* Once: if the server refuses these, the 401 comes back to the caller. And only to the
   * origin the user gave, whatever asks. */
  if (retrying || self->user == NULL || self->password == NULL ||
      !is_same_origin (self, soup_message_get_uri (message)))
    return FALSE;
  soup_auth_authenticate (auth, self->user, self->password);
  return TRUE;
}

static SoupMessage *
new_message (KpCaldav   *self,
             const char *method,
             const char *href)
{
  g_autoptr(GUri) uri = g_uri_parse_relative (self->collection, href, G_URI_FLAGS_ENCODED, NULL);
  SoupMessage *message;

  g_assert (uri != NULL);
  message = soup_message_new_from_uri (method, uri);
  /* send_message() follows redirects itself, only within the origin. */
  soup_message_add_flags (message, SOUP_MESSAGE_NO_REDIRECT);
  g_signal_connect (message, "authenticate", G_CALLBACK (on_authenticate), self);
  return message;
}

/* The body is kept with the message, to be sent again when a redirect is followed. */
static void
set_request_body (SoupMessage *message,
                  const char  *content_type,
                  GBytes      *body)
{
  g_object_set_data_full (G_OBJECT (message), "kp-body", g_bytes_ref (body),
                          (GDestroyNotify) g_bytes_unref);
  g_object_set_data_full (G_OBJECT (message), "kp-content-type", g_strdup (content_type), g_free);
  soup_message_set_request_body_from_bytes (message, content_type, body);
}

static gboolean
is_followed_redirect (guint code)
{
  /* WebDAV methods keep their method and body only through these. */
  return code == SOUP_STATUS_MOVED_PERMANENTLY || code == SOUP_STATUS_FOUND ||
         code == SOUP_STATUS_TEMPORARY_REDIRECT || code == SOUP_STATUS_PERMANENT_REDIRECT;
}

/* Sends the message, following redirects within the collection's origin: NULL with a message
 * the user can act on when it could not be sent, was sent elsewhere or the time is up. */
static GBytes *
send_within_origin (KpCaldav     *self,
                    SoupMessage  *message,
                    const char   *what,
                    GError      **error)
{
  for (guint hops = 0; ; hops++)
    {
      g_autoptr(GError) local = NULL;
      g_autoptr(GBytes) reply = NULL;
      g_autoptr(GUri) target = NULL;
      g_autofree char *server = dup_server_name (self->collection);
      const char *location;
      GBytes *body;

      reply = soup_session_send_and_read (self->session, message, self->cancellable, &local);
      if (reply == NULL)
        {
          if (g_atomic_int_get (&self->timed_out))
            g_set_error (error, KP_ERROR, KP_ERROR_NETWORK,
                         g_dngettext (GETTEXT_PACKAGE,
                                      "The calendar server %s was too slow: the sync stopped "
                                      "after its time limit of %u second",
                                      "The calendar server %s was too slow: the sync stopped "
                                      "after its time limit of %u seconds",
                                      self->time_limit),
                         server, self->time_limit);
          else if (local->domain == G_TLS_ERROR)
            g_set_error (error, KP_ERROR, KP_ERROR_NETWORK,
                         _("The calendar server %s could not be trusted: %s"),
                         g_uri_get_host (self->collection), local->message);
          else
            g_set_error (error, KP_ERROR, KP_ERROR_NETWORK,
                         _("The calendar server %s could not be reached: %s"),
                         g_uri_get_host (self->collection), local->message);
          return NULL;
        }

      location = soup_message_headers_get_one (soup_message_get_response_headers (message),
                                               "Location");
      if (!is_followed_redirect (soup_message_get_status (message)) || location == NULL)
        return g_steal_pointer (&reply);

      target = g_uri_parse_relative (soup_message_get_uri (message), location,
                                     G_URI_FLAGS_ENCODED, NULL);
      if (target == NULL || !is_same_origin (self, target))
        {
          g_autofree char *elsewhere = target ? g_uri_to_string_partial (target,
                                                                         G_URI_HIDE_USERINFO)
                                              : g_strdup (location);

          /* TRANSLATORS: the first %s names what was sent, the second the other address, the
           * third the calendar server the user gave */
          g_set_error (error, KP_ERROR, KP_ERROR_CALENDAR_AUTH,
                       _("%s: the calendar server sent the request on to %s, which is not %s; "
                         "nothing was sent there. Give that address instead if you trust it"),
                       what, elsewhere, server);
          return NULL;
        }
      if (hops == MAX_REDIRECTS)
        {
          g_set_error (error, KP_ERROR, KP_ERROR_FAILED,
                       _("%s: the calendar server %s sent the request on too many times"),
                       what, server);
          return NULL;
        }

      soup_message_set_uri (message, target);
      body = g_object_get_data (G_OBJECT (message), "kp-body");
      if (body != NULL)
        soup_message_set_request_body_from_bytes (message,
                                                  g_object_get_data (G_OBJECT (message),
                                                                     "kp-content-type"),
                                                  body);
    }
}

/* Sends the message; FALSE with a message the user can act on unless the status is one of
 * @accepted (0-terminated). */
static gboolean
send_message (KpCaldav     *self,
              SoupMessage  *message,
              const char   *what,
              const guint  *accepted,
              guint        *status,
              GBytes      **body,
              GError      **error)
{
  g_autoptr(GBytes) reply = NULL;
  guint code;

  reply = send_within_origin (self, message, what, error);
  if (reply == NULL)
    return FALSE;

  code = soup_message_get_status (message);
  if (status != NULL)
    *status = code;
  if (body != NULL)
    *body = g_bytes_ref (reply);

  for (guint i = 0; accepted[i] != 0; i++)
    if (accepted[i] == code)
      return TRUE;

  if (code == SOUP_STATUS_UNAUTHORIZED || code == SOUP_STATUS_FORBIDDEN)
    g_set_error (error, KP_ERROR, KP_ERROR_CALENDAR_AUTH,
                 code == SOUP_STATUS_UNAUTHORIZED
                 ? _("The calendar server refused the user name or password (%u %s)")
                 : _("The calendar account may not write to this calendar (%u %s)"),
                 code, soup_message_get_reason_phrase (message));
  else if (code == SOUP_STATUS_PRECONDITION_FAILED)
    g_set_error (error, KP_ERROR, KP_ERROR_CALENDAR_CONFLICT,
                 _("%s: the event was changed on the server since the last sync. Nothing was "
                   "overwritten; look at it in the calendar, then remove it there or change the "
                   "session here, and sync again"),
                 what);
  else if (code == SOUP_STATUS_CONFLICT)
    g_set_error (error, KP_ERROR, KP_ERROR_CALENDAR_CONFLICT,
                 _("%s: the calendar already holds this event under another address (409); "
                   "remove that copy from the calendar and sync again"),
                 what);
  else if (code == SOUP_STATUS_NOT_FOUND && g_strcmp0 (soup_message_get_method (message),
                                                       "PUT") == 0)
    g_set_error (error, KP_ERROR, KP_ERROR_NOT_FOUND,
                 _("There is no calendar at %s: check the collection’s address"),
                 self->collection_text);
  else
    g_set_error (error, KP_ERROR, KP_ERROR_FAILED,
                 _("%s: the calendar server answered %u %s"),
                 what, code, soup_message_get_reason_phrase (message));
  return FALSE;
}

/* The collection's listing: resource path (unescaped) → ETag, from a PROPFIND multistatus. */
typedef struct
{
  GHashTable *etags;
  GString    *text;
  char       *href;
  char       *etag;
  gboolean    collecting;
} Listing;

static const char *
local_name (const char *element)
{
  const char *colon = strrchr (element, ':');

  return colon ? colon + 1 : element;
}

static void
listing_start (GMarkupParseContext  *context,
               const char           *element,
               const char          **names,
               const char          **values,
               gpointer              data,
               GError              **error)
{
  Listing *listing = data;
  const char *name = local_name (element);

  if (g_str_equal (name, "response"))
    {
      g_clear_pointer (&listing->href, g_free);
      g_clear_pointer (&listing->etag, g_free);
    }
  listing->collecting = g_str_equal (name, "href") || g_str_equal (name, "getetag");
  g_string_truncate (listing->text, 0);
}

static void
listing_text (GMarkupParseContext  *context,
              const char           *text,
              gsize                 length,
              gpointer              data,
              GError              **error)
{
  Listing *listing = data;

  if (listing->collecting)
    g_string_append_len (listing->text, text, length);
}

/* A server's href, absolute or not, escaped or not, as the plain path it names. */
static char *
dup_plain_path (const char *href)
{
  g_autoptr(GUri) uri = g_uri_parse (href, G_URI_FLAGS_ENCODED, NULL);
  const char *path = uri ? g_uri_get_path (uri) : href;
  char *plain = g_uri_unescape_string (path, NULL);

  return plain ? plain : g_strdup (path);
}

static void
listing_end (GMarkupParseContext  *context,
             const char           *element,
             gpointer              data,
             GError              **error)
{
  Listing *listing = data;
  const char *name = local_name (element);

  if (g_str_equal (name, "href") && listing->collecting)
    listing->href = g_strstrip (g_strdup (listing->text->str));
  else if (g_str_equal (name, "getetag") && listing->collecting)
    listing->etag = g_strstrip (g_strdup (listing->text->str));
  else if (g_str_equal (name, "response") && listing->href != NULL)
    g_hash_table_replace (listing->etags, dup_plain_path (listing->href),
                          g_strdup (listing->etag ? listing->etag : ""));
  listing->collecting = FALSE;
}

static GHashTable *
parse_listing (KpCaldav  *self,
               GBytes    *reply,
               GError   **error)
{
  static const GMarkupParser parser = { listing_start, listing_end, listing_text, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) parse_error = NULL;
  Listing listing = { 0 };
  const char *data;
  gsize size;

  listing.etags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  listing.text = g_string_new (NULL);
  context = g_markup_parse_context_new (&parser, 0, &listing, NULL);
  data = g_bytes_get_data (reply, &size);
  if (!g_markup_parse_context_parse (context, data, size, &parse_error) ||
      !g_markup_parse_context_end_parse (context, &parse_error))
    {
      g_set_error (error, KP_ERROR, KP_ERROR_FAILED,
                   _("The calendar server’s list of %s could not be read: %s"),
                   self->collection_text, parse_error->message);
      g_clear_pointer (&listing.etags, g_hash_table_unref);
    }
  g_string_free (listing.text, TRUE);
  g_free (listing.href);
  g_free (listing.etag);
  return listing.etags;
}

/* A listing as if the server had answered at @asked_path: when a redirect within the origin
 * moved the request, its paths are renamed back, since resources are named after the user's
 * address (and found through the same redirect). */
static GHashTable *
rename_listing (GHashTable  *listing,
                SoupMessage *message,
                const char  *asked_path)
{
  g_autofree char *from = dup_plain_path (g_uri_get_path (soup_message_get_uri (message)));
  g_autofree char *to = dup_plain_path (asked_path);
  GHashTable *renamed;
  GHashTableIter iter;
  gpointer key, value;

  if (listing == NULL || g_str_equal (from, to))
    return listing;

  renamed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_iter_init (&iter, listing);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (g_str_has_prefix (key, from))
        g_hash_table_replace (renamed, g_strconcat (to, (char *) key + strlen (from), NULL),
                              g_strdup (value));
      else
        g_hash_table_replace (renamed, g_strdup (key), g_strdup (value));
    }
  g_hash_table_unref (listing);
  return renamed;
}

/* Lists the collection before anything is written: a wrong password or address fails here, and
 * the ETags tell which resources were changed or deleted in the calendar since the last sync. */
static GHashTable *
list_collection (KpCaldav  *self,
                 GError   **error)
{
  static const char query[] =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
    "<d:propfind xmlns:d=\"DAV:\"><d:prop><d:getetag/></d:prop></d:propfind>";
  static const guint accepted[] = { SOUP_STATUS_MULTI_STATUS, 0 };
  g_autoptr(SoupMessage) probe = new_message (self, "PROPFIND",
                                              g_uri_get_path (self->collection));
  g_autoptr(SoupMessage) message = new_message (self, "PROPFIND",
                                                g_uri_get_path (self->collection));
  g_autoptr(GBytes) request = g_bytes_new_static (query, sizeof query - 1);
  g_autoptr(GBytes) reply = NULL;
  g_autofree char *what = g_strdup_printf (_("The calendar %s"), self->collection_text);
  GError *local = NULL;
  guint status = 0;

  /* First a request without a body: libsoup answers a server's first challenge by resending
   * the request without its body, and the credentials the server accepts here go with every
   * later request at once. */
  soup_message_headers_replace (soup_message_get_request_headers (probe), "Depth", "0");
  if (send_message (self, probe, what, accepted, &status, NULL, &local))
    {
      soup_message_headers_replace (soup_message_get_request_headers (message), "Depth", "1");
      set_request_body (message, "application/xml; charset=utf-8", request);
      send_message (self, message, what, accepted, &status, &reply, &local);
    }
  if (local != NULL)
    {
      if (status == SOUP_STATUS_NOT_FOUND)
        {
          g_clear_error (&local);
          g_set_error (&local, KP_ERROR, KP_ERROR_NOT_FOUND,
                       _("There is no calendar at %s: check the collection’s address"),
                       self->collection_text);
        }
      g_propagate_error (error, local);
      return NULL;
    }

  return rename_listing (parse_listing (self, reply, error), message,
                         g_uri_get_path (self->collection));
}

/* The ETag of a resource, when the PUT's reply did not carry one (RFC 4791 §5.3.4). */
static char *
fetch_etag (KpCaldav    *self,
            const char  *href,
            const char  *what)
{
  static const char query[] =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
    "<d:propfind xmlns:d=\"DAV:\"><d:prop><d:getetag/></d:prop></d:propfind>";
  static const guint accepted[] = { SOUP_STATUS_MULTI_STATUS, 0 };
  g_autoptr(SoupMessage) message = new_message (self, "PROPFIND", href);
  g_autoptr(GBytes) request = g_bytes_new_static (query, sizeof query - 1);
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(GHashTable) etags = NULL;
  g_autofree char *path = dup_plain_path (href);
  const char *etag;

  soup_message_headers_replace (soup_message_get_request_headers (message), "Depth", "0");
  set_request_body (message, "application/xml; charset=utf-8", request);
  if (!send_message (self, message, what, accepted, NULL, &reply, NULL) ||
      (etags = rename_listing (parse_listing (self, reply, NULL), message, href)) == NULL)
    return NULL;

  etag = g_hash_table_lookup (etags, path);
  return etag != NULL && *etag != '\0' ? g_strdup (etag) : NULL;
}

/**
 * kp_caldav_dup_session_digest:
 * @remind_minutes: the reminder the event carries (0: none)
 *
 * The event as it would be put, apart from DTSTAMP: equal digests need no new PUT. Every sync
 * target (CalDAV, Evolution Data Server) records the same digest.
 *
 * Returns: (transfer full): a SHA-256 in hex
 */
char *
kp_caldav_dup_session_digest (KpCourse  *course,
                              KpSession *session,
                              guint      remind_minutes)
{
  g_autoptr(GDateTime) epoch = g_date_time_new_from_unix_utc (0);
  g_autoptr(GBytes) body = kp_ical_export_session_resource_reminding (course, session,
                                                                      remind_minutes, epoch);

  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, body);
}

static char *
dup_resource_href (KpCaldav  *self,
                   KpSession *session)
{
  g_autofree char *uid = kp_ical_dup_session_uid (session);
  g_autofree char *name = g_uri_escape_string (uid, "@", FALSE);

  return g_strconcat (g_uri_get_path (self->collection), name, ".ics", NULL);
}

/* What the calendar's copy of a resource says now, for a user deciding about a conflict. */
static char *
describe_server_copy (KpCaldav    *self,
                      const char  *href,
                      char       **etag)
{
  static const guint accepted[] = { SOUP_STATUS_OK, 0 };
  g_autoptr(SoupMessage) message = new_message (self, "GET", href);
  g_autoptr(GBytes) reply = NULL;
  g_autofree char *text = NULL;
  g_autofree char *complaint = NULL;
  icalcomponent *root, *event;
  char *description = NULL;

  if (!send_message (self, message, href, accepted, NULL, &reply, NULL))
    return NULL;
  *etag = g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (message),
                                                  "ETag"));

  text = g_strndup (g_bytes_get_data (reply, NULL), g_bytes_get_size (reply));
  /* Only a description of the server's copy: whatever libical says of it does not matter. */
  root = kp_ical_parse_quietly (text, &complaint);
  event = root ? icalcomponent_get_first_component (root, ICAL_VEVENT_COMPONENT) : NULL;
  if (event != NULL)
    {
      icalproperty *summary = icalcomponent_get_first_property (event, ICAL_SUMMARY_PROPERTY);
      icalproperty *dtstart = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);
      struct icaltimetype start = dtstart ? icalproperty_get_dtstart (dtstart)
                                          : icaltime_null_time ();
      g_autofree char *title = kp_quote_value (summary ? icalproperty_get_summary (summary)
                                                       : NULL);

      description = g_strdup_printf ("“%s”, %04d-%02d-%02d %02d:%02d", title,
                                     start.year, start.month, start.day, start.hour,
                                     start.minute);
    }
  if (root != NULL)
    icalcomponent_free (root);
  return description;
}

static gboolean
send_put (KpCaldav    *self,
          const char  *href,
          GBytes      *body,
          const char  *if_match,
          const char  *what,
          guint       *status,
          char       **etag,
          GError     **error)
{
  static const guint accepted[] = { SOUP_STATUS_OK, SOUP_STATUS_CREATED,
                                    SOUP_STATUS_NO_CONTENT, 0 };
  g_autoptr(SoupMessage) message = new_message (self, "PUT", href);
  SoupMessageHeaders *headers = soup_message_get_request_headers (message);

  if (if_match != NULL)
    soup_message_headers_replace (headers, "If-Match", if_match);
  else
    soup_message_headers_replace (headers, "If-None-Match", "*");
  set_request_body (message, "text/calendar; charset=utf-8", body);

  if (!send_message (self, message, what, accepted, status, NULL, error))
    return FALSE;

  *etag = g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (message),
                                                  "ETag"));
  /* A weak ETag cannot be used for If-Match on a PUT; ask for the strong one. */
  if (*etag == NULL || g_str_has_prefix (*etag, "W/"))
    {
      g_clear_pointer (etag, g_free);
      *etag = fetch_etag (self, href, what);
    }
  return TRUE;
}

/* One event left as the calendar has it; the sync goes on with the others. Takes @message. */
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
is_conflict (guint status)
{
  return status == SOUP_STATUS_PRECONDITION_FAILED || status == SOUP_STATUS_CONFLICT;
}

static gboolean
put_session (KpCaldav            *self,
             KpCourse            *course,
             KpSession           *session,
             const char * const  *known,
             GHashTable          *listing,
             GDateTime           *now,
             KpCaldavRecordFunc   record,
             gpointer             user_data,
             KpCaldavReport      *report,
             GError             **error)
{
  g_autoptr(GBytes) body = NULL;
  g_autofree char *href = known ? g_strdup (known[0]) : dup_resource_href (self, session);
  g_autofree char *path = dup_plain_path (href);
  g_autofree char *digest = kp_caldav_dup_session_digest (course, session,
                                                            self->remind_minutes);
  g_autofree char *etag = NULL;
  g_autofree char *what = NULL;
  const char *server_etag = g_hash_table_lookup (listing, path);
  const char *if_match = known && known[1] && *known[1] ? known[1] : NULL;
  gboolean existed = known != NULL;
  GError *local = NULL;
  guint status = 0;

  if (known != NULL && server_etag == NULL)
    {
      /* Deleted in the calendar, still in the plan: the plan puts it back. */
      if_match = NULL;
      existed = FALSE;
    }
  else if (known != NULL && g_strcmp0 (known[2], digest) == 0 &&
           g_strcmp0 (known[1], server_etag) == 0 && *server_etag != '\0')
    {
      report->unchanged++;
      return TRUE;
    }
  body = kp_ical_export_session_resource_reminding (course, session, self->remind_minutes, now);

  /* TRANSLATORS: names the session a calendar error is about */
  what = g_strdup_printf (_("Session “%s”"), kp_session_get_title (session)
                                             ? kp_session_get_title (session)
                                             : kp_session_get_id (session));

  if (!send_put (self, href, body, if_match, what, &status, &etag, &local))
    {
      g_autofree char *server_etag = NULL;
      g_autofree char *server_copy = NULL;

      if (status == SOUP_STATUS_CONFLICT)
        return add_conflict (report, g_strdup (local->message));
      if (status != SOUP_STATUS_PRECONDITION_FAILED)
        {
          g_propagate_error (error, local);
          return FALSE;
        }

      /* Someone changed it in the calendar: look at what it says now. */
      g_clear_error (&local);
      server_copy = describe_server_copy (self, href, &server_etag);
      if (!self->overwrite || server_etag == NULL)
        return add_conflict (report,
                             g_strdup_printf (_("%s was changed on the server since the last "
                                                "sync; the calendar now has %s"),
                                              what, server_copy ? server_copy
                                                                : _("another version")));

      /* The user chose the plan: replace exactly the version just seen, nothing newer. */
      if (!send_put (self, href, body, server_etag, what, &status, &etag, &local))
        {
          if (!is_conflict (status))
            {
              g_propagate_error (error, local);
              return FALSE;
            }
          return add_conflict (report, g_strdup (local->message));
        }
      existed = TRUE;
    }

  if (!existed)
    report->created++;
  else
    report->updated++;
  return record (kp_session_get_id (session), href, etag, digest, user_data, error);
}

static gboolean
send_delete (KpCaldav    *self,
             const char  *href,
             const char  *if_match,
             const char  *what,
             guint       *status,
             GError     **error)
{
  static const guint accepted[] = { SOUP_STATUS_OK, SOUP_STATUS_NO_CONTENT,
                                    SOUP_STATUS_NOT_FOUND, SOUP_STATUS_GONE, 0 };
  g_autoptr(SoupMessage) message = new_message (self, "DELETE", href);

  if (if_match != NULL && *if_match != '\0')
    soup_message_headers_replace (soup_message_get_request_headers (message), "If-Match",
                                  if_match);
  return send_message (self, message, what, accepted, status, NULL, error);
}

static gboolean
delete_listed_resource (KpCaldav            *self,
                        const char          *session_id,
                        const char * const  *known,
                        KpCaldavRecordFunc   record,
                        gpointer             user_data,
                        KpCaldavReport      *report,
                        GError             **error)
{
  g_autofree char *what = NULL;
  GError *local = NULL;
  guint status = 0;

  /* TRANSLATORS: %s is the address of a calendar event a removed session had */
  what = g_strdup_printf (_("The removed session’s event %s"), known[0]);
  if (!send_delete (self, known[0], known[1], what, &status, &local))
    {
      g_autofree char *server_etag = NULL;
      g_autofree char *server_copy = NULL;

      if (status != SOUP_STATUS_PRECONDITION_FAILED)
        {
          g_propagate_error (error, local);
          return FALSE;
        }

      /* Changed in the calendar after the session was removed here: the plan has nothing left
       * to replace it with, so only the user's choice (overwrite) deletes it. */
      g_clear_error (&local);
      server_copy = describe_server_copy (self, known[0], &server_etag);
      if (!self->overwrite || server_etag == NULL)
        return add_conflict (report,
                             g_strdup_printf (_("The event of a removed session was changed on "
                                                "the server since the last sync, so it was not "
                                                "deleted; the calendar now has %s"),
                                              server_copy ? server_copy
                                                          : _("another version")));

      /* Delete exactly the version just seen, nothing newer. */
      if (!send_delete (self, known[0], server_etag, what, &status, &local))
        {
          if (!is_conflict (status))
            {
              g_propagate_error (error, local);
              return FALSE;
            }
          return add_conflict (report, g_strdup (local->message));
        }
    }

  if (status != SOUP_STATUS_NOT_FOUND && status != SOUP_STATUS_GONE)
    report->deleted++;
  return record (session_id, NULL, NULL, NULL, user_data, error);
}

static gboolean
delete_resource (KpCaldav            *self,
                 const char          *session_id,
                 const char * const  *known,
                 GHashTable          *listing,
                 KpCaldavRecordFunc   record,
                 gpointer             user_data,
                 KpCaldavReport      *report,
                 GError             **error)
{
  g_autofree char *path = dup_plain_path (known[0]);

  /* Already deleted in the calendar: only forget it. */
  if (!g_hash_table_contains (listing, path))
    return record (session_id, NULL, NULL, NULL, user_data, error);

  return delete_listed_resource (self, session_id, known, record, user_data, report, error);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * kp_caldav_set_overwrite:
 * @overwrite: whether a resource changed on the server since the last sync is replaced by the
 *   plan's version (after the user chose so), or deleted when its session was removed, instead
 *   of being left as it is and reported as a conflict
 */
void
kp_caldav_set_overwrite (KpCaldav *self,
                         gboolean  overwrite)
{
  g_return_if_fail (KP_IS_CALDAV (self));
  self->overwrite = !!overwrite;
}

/**
 * kp_caldav_set_remind_minutes:
 * @minutes: a reminder (VALARM) this many minutes before each session, 0 for none; a change
 *   puts every event again (the digest covers the alarm)
 */
void
kp_caldav_set_remind_minutes (KpCaldav *self,
                              guint     minutes)
{
  g_return_if_fail (KP_IS_CALDAV (self));
  self->remind_minutes = minutes;
}

/**
 * kp_caldav_set_time_limit:
 * @seconds: how long a whole sync may take, however slowly the server answers; 0 for
 *   %KP_CALDAV_DEFAULT_TIME_LIMIT
 */
void
kp_caldav_set_time_limit (KpCaldav *self,
                          guint     seconds)
{
  g_return_if_fail (KP_IS_CALDAV (self));
  self->time_limit = seconds > 0 ? seconds : KP_CALDAV_DEFAULT_TIME_LIMIT;
}

/**
 * kp_caldav_report_clear:
 *
 * Frees what a report holds (its conflicts) and zeroes it.
 */
void
kp_caldav_report_clear (KpCaldavReport *report)
{
  g_return_if_fail (report != NULL);
  g_clear_pointer (&report->conflicts, g_ptr_array_unref);
  memset (report, 0, sizeof *report);
}

/* Cancels the sync's requests when its time is up: a thread of its own, since the requests
 * block the sync's. */
typedef struct
{
  KpCaldav *self;
  GThread  *thread;
  GMutex    mutex;
  GCond     cond;
  gint64    deadline;  /* monotonic */
  gboolean  finished;
} Watchdog;

static gpointer
watchdog_thread (gpointer data)
{
  Watchdog *watchdog = data;

  g_mutex_lock (&watchdog->mutex);
  while (!watchdog->finished)
    if (!g_cond_wait_until (&watchdog->cond, &watchdog->mutex, watchdog->deadline) &&
        !watchdog->finished)
      {
        g_atomic_int_set (&watchdog->self->timed_out, TRUE);
        g_cancellable_cancel (watchdog->self->cancellable);
        break;
      }
  g_mutex_unlock (&watchdog->mutex);
  return NULL;
}

/* Starts the sync's clock: its requests get a cancellable that is cancelled at the limit. */
static Watchdog *
watchdog_start (KpCaldav *self)
{
  Watchdog *watchdog = g_new0 (Watchdog, 1);

  watchdog->self = self;
  self->cancellable = g_cancellable_new ();
  g_atomic_int_set (&self->timed_out, FALSE);
  g_mutex_init (&watchdog->mutex);
  g_cond_init (&watchdog->cond);
  watchdog->deadline = g_get_monotonic_time () + self->time_limit * G_TIME_SPAN_SECOND;
  watchdog->thread = g_thread_new ("kp-caldav-watchdog", watchdog_thread, watchdog);
  return watchdog;
}

static void
watchdog_stop (Watchdog *watchdog)
{
  g_mutex_lock (&watchdog->mutex);
  watchdog->finished = TRUE;
  g_cond_signal (&watchdog->cond);
  g_mutex_unlock (&watchdog->mutex);
  g_thread_join (watchdog->thread);
  g_mutex_clear (&watchdog->mutex);
  g_cond_clear (&watchdog->cond);
  g_clear_object (&watchdog->self->cancellable);
  g_free (watchdog);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Watchdog, watchdog_stop)

/**
 * kp_caldav_sync:
 * @course: the course whose sessions the collection should hold
 * @known: (element-type utf8 GStrv): what an earlier sync put there: session id → { href,
 *   etag, digest }, as kp_store_load_caldav_resources() gives it
 * @now: DTSTAMP of the resources
 * @record: called after each confirmed PUT or DELETE
 * @report: (out caller-allocates): what was done, also when the sync stopped early
 *
 * Puts every dated session (cancelled ones as STATUS:CANCELLED) that is new or changed, or was
 * deleted in the calendar, and deletes the resources of sessions the plan no longer has. A
 * resource changed in the calendar since the last sync is a conflict (see
 * kp_caldav_set_overwrite()): it is left as the calendar has it and listed in
 * @report->conflicts, and every other session is still synced. The whole sync stops at the time
 * limit (kp_caldav_set_time_limit()). Clear @report with kp_caldav_report_clear().
 *
 * Returns: %TRUE when the collection holds the plan; %FALSE with %KP_ERROR_CALENDAR_CONFLICT
 *   when all but the conflicts were synced, with another error when the sync stopped
 */
gboolean
kp_caldav_sync (KpCaldav            *self,
                KpCourse            *course,
                GHashTable          *known,
                GDateTime           *now,
                KpCaldavRecordFunc   record,
                gpointer             user_data,
                KpCaldavReport      *report,
                GError             **error)
{
  g_autoptr(GHashTable) present = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) listing = NULL;
  g_autoptr(GPtrArray) gone = g_ptr_array_new ();
  g_autoptr(Watchdog) watchdog = NULL;
  GListModel *sessions;
  GHashTableIter iter;
  gpointer key, value;
  guint n;

  g_return_val_if_fail (KP_IS_CALDAV (self), FALSE);
  g_return_val_if_fail (KP_IS_COURSE (course), FALSE);
  g_return_val_if_fail (known != NULL && now != NULL && record != NULL, FALSE);
  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (self->cancellable == NULL, FALSE);

  kp_caldav_report_clear (report);
  watchdog = watchdog_start (self);

  listing = list_collection (self, error);
  if (listing == NULL)
    return FALSE;

  sessions = kp_course_get_sessions (course);
  n = g_list_model_get_n_items (sessions);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KpSession) session = g_list_model_get_item (sessions, i);
      const char * const *resource;

      if (kp_session_get_start (session) == NULL)
        continue;
      resource = g_hash_table_lookup (known, kp_session_get_id (session));
      if (!put_session (self, course, session, resource, listing, now, record, user_data,
                        report, error))
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

      if (!delete_resource (self, session_id, g_hash_table_lookup (known, session_id), listing,
                            record, user_data, report, error))
        return FALSE;
    }

  if (report->conflicts != NULL)
    {
      g_set_error (error, KP_ERROR, KP_ERROR_CALENDAR_CONFLICT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u event was changed on the server since the last sync and was "
                                "left as it is there; everything else was synced",
                                "%u events were changed on the server since the last sync and "
                                "were left as they are there; everything else was synced",
                                report->conflicts->len),
                   report->conflicts->len);
      return FALSE;
    }
  return TRUE;
}
