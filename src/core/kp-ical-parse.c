/* kp-ical-parse.c — libical's parser, without libical printing on our terminal
 *
 * libical 3.0 reports some malformed input (an END before its BEGIN, a component closed twice)
 * by writing "./src/libical/icalparser.c:786: …" straight to stderr, with no setting to stop it;
 * icalerror_set_errors_are_fatal (0) only keeps it from aborting. So stderr is pointed at a
 * temporary file while libical parses, and what libical wrote there comes back to the caller,
 * who makes it part of the error. Anything else written meanwhile goes on to stderr.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-ical-parse"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "kp-ical-parse.h"

/* More than enough for libical's lines about one file; the rest is dropped. */
#define MAX_CAPTURE (64 * 1024)

G_LOCK_DEFINE_STATIC (stderr_capture);

/* libical's lines look like "./src/libical/icalparser.c:786: Encountered END before BEGIN",
 * or "function(), file.c:786: …" when built with __FUNCTION__: the message after "c:NNN: ". */
static const char *
libical_message (const char *line)
{
  const char *p = strstr (line, ".c:");

  if (p == NULL || !g_ascii_isdigit (p[3]))
    return NULL;
  for (p += 3; g_ascii_isdigit (*p); p++)
    ;
  return g_str_has_prefix (p, ": ") ? p + 2 : NULL;
}

/* libical's first line from @capture, without its place in libical's source; the lines that
 * are not libical's are written to stderr again. */
static char *
take_complaint (FILE *capture)
{
  g_autofree char *data = g_malloc (MAX_CAPTURE + 1);
  g_auto(GStrv) lines = NULL;
  char *complaint = NULL;
  size_t size;

  rewind (capture);
  size = fread (data, 1, MAX_CAPTURE, capture);
  data[size] = '\0';
  if (size == 0)
    return NULL;

  lines = g_strsplit (data, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *message = libical_message (lines[i]);

      if (message != NULL)
        {
          if (complaint == NULL)
            complaint = g_strdup (message);
        }
      else if (lines[i][0] != '\0')
        fprintf (stderr, "%s\n", lines[i]);
    }
  return complaint;
}

/**
 * kp_ical_parse_quietly:
 * @text: an iCalendar text, NUL-terminated
 * @complaint: (out) (transfer full) (nullable): what libical would have printed about @text,
 *   if anything (untranslated, without its source place), or %NULL
 *
 * icalparser_parse_string() with libical's errors not fatal and its printing caught.
 *
 * Returns: (transfer full) (nullable): what libical made of @text
 */
icalcomponent *
kp_ical_parse_quietly (const char  *text,
                       char       **complaint)
{
  icalcomponent *root;
  FILE *capture;
  int saved = -1;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (complaint != NULL, NULL);

  *complaint = NULL;

  G_LOCK (stderr_capture);
  /* Malformed input is ours to report, never a reason for libical to abort. */
  icalerror_set_errors_are_fatal (0);

  fflush (stderr);
  capture = tmpfile ();
  if (capture != NULL)
    {
      saved = dup (STDERR_FILENO);
      if (saved >= 0 && dup2 (fileno (capture), STDERR_FILENO) < 0)
        {
          close (saved);
          saved = -1;
        }
    }

  root = icalparser_parse_string (text);

  if (saved >= 0)
    {
      fflush (stderr);
      dup2 (saved, STDERR_FILENO);
      close (saved);
      *complaint = take_complaint (capture);
    }
  if (capture != NULL)
    fclose (capture);
  G_UNLOCK (stderr_capture);

  return root;
}
