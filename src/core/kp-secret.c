/* kp-secret.c — CalDAV passwords in the Secret Service (the desktop keyring), never in a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-secret"

#include "config.h"

#include <libsecret/secret.h>

#include "kp-error.h"
#include "kp-i18n.h"
#include "kp-secret.h"

static const SecretSchema *
caldav_schema (void)
{
  static const SecretSchema schema = {
    "io.github.kursplan.Kursplan.CalDAV", SECRET_SCHEMA_NONE,
    {
      { "url", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

/* The keyring's label for a saved password. */
static char *
caldav_label (const char *url,
              const char *user)
{
  /* TRANSLATORS: the keyring's label for a saved password; %s is the user, then the URL */
  return g_strdup_printf (_("Kursplan calendar password for %s at %s"), user, url);
}

/**
 * kp_secret_is_available:
 *
 * Whether there is a session bus to find a Secret Service on. Without one (a script, a CI
 * machine) asking would only try to start a bus and fail.
 */
gboolean
kp_secret_is_available (void)
{
  const char *runtime_dir = g_getenv ("XDG_RUNTIME_DIR");
  g_autofree char *bus = NULL;

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") != NULL)
    return TRUE;
  if (runtime_dir == NULL)
    return FALSE;
  bus = g_build_filename (runtime_dir, "bus", NULL);
  return g_file_test (bus, G_FILE_TEST_EXISTS);
}

/**
 * kp_secret_lookup_caldav_password:
 *
 * Returns: (transfer full) (nullable): the password kept for @user at @url, or %NULL when
 *   there is none (@error unset) or the keyring could not be asked (@error set)
 */
char *
kp_secret_lookup_caldav_password (const char  *url,
                                  const char  *user,
                                  GError     **error)
{
  g_autoptr(GError) local = NULL;
  char *secret;
  char *password;

  g_return_val_if_fail (url != NULL && user != NULL, NULL);

  if (!kp_secret_is_available ())
    return NULL;

  secret = secret_password_lookup_sync (caldav_schema (), NULL, &local,
                                        "url", url, "user", user, NULL);
  if (local != NULL)
    {
      g_set_error (error, KP_ERROR, KP_ERROR_FAILED,
                   _("The keyring could not be asked for the calendar password: %s"),
                   local->message);
      return NULL;
    }
  if (secret == NULL)
    return NULL;

  password = g_strdup (secret);
  secret_password_free (secret);
  return password;
}

gboolean
kp_secret_store_caldav_password (const char  *url,
                                 const char  *user,
                                 const char  *password,
                                 GError     **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (url != NULL && user != NULL && password != NULL, FALSE);

  if (!kp_secret_is_available ())
    {
      g_set_error (error, KP_ERROR, KP_ERROR_FAILED,
                   _("There is no keyring to keep the calendar password in"));
      return FALSE;
    }

  label = caldav_label (url, user);
  if (!secret_password_store_sync (caldav_schema (), SECRET_COLLECTION_DEFAULT, label, password,
                                   NULL, &local, "url", url, "user", user, NULL))
    {
      g_set_error (error, KP_ERROR, KP_ERROR_FAILED,
                   _("The keyring could not keep the calendar password: %s"), local->message);
      return FALSE;
    }
  return TRUE;
}

static void
on_password_kept (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!secret_password_store_finish (result, &error))
    g_debug ("The calendar password was not kept in the keyring: %s", error->message);
}

/**
 * kp_secret_keep_caldav_password:
 *
 * Keeps the password in the keyring without waiting: the keyring may ask to be unlocked, and
 * nothing should wait for that. No thread is involved, so quitting meanwhile only drops the
 * request. Failures are logged at debug level; the password is simply asked for next time.
 */
void
kp_secret_keep_caldav_password (const char *url,
                                const char *user,
                                const char *password)
{
  g_autofree char *label = NULL;

  g_return_if_fail (url != NULL && user != NULL && password != NULL);

  if (!kp_secret_is_available ())
    return;
  label = caldav_label (url, user);
  secret_password_store (caldav_schema (), SECRET_COLLECTION_DEFAULT, label, password, NULL,
                         on_password_kept, NULL, "url", url, "user", user, NULL);
}
