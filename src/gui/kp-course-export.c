/* kp-course-export.c — the window's actions that take the open course out of Kursplan: print and
 * export the brochure, export the calendar, sync it to a CalDAV calendar
 *
 * All the work is the core's: the brochure's renderer, the iCalendar writer and the CalDAV
 * client. The sync runs in a thread of its own; each resource the server confirmed is recorded
 * in the database from the main thread at once, as `kursplan sync` does, so a sync cut short
 * records only what the server really holds. Events changed in the calendar are listed in a
 * dialog that offers to replace them with the plan, as `kursplan sync --overwrite` does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-course-export"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kp-caldav.h"
#include "kp-course-export.h"
#include "kp-error.h"
#include "kp-ical-export.h"
#include "kp-invitation.h"
#include "kp-output.h"
#include "kp-poster.h"
#include "kp-secret.h"
#include "kp-toast.h"

#define SYNC_KEY "kp-course-export-sync"
#define SYNC_TOAST_KEY "kp-course-export-sync-toast"  /* the last sync's progress and result */
#define RESULT_SECONDS 5

static GSettings *
window_settings (KpWindow *window)
{
  g_autoptr(GSettings) settings = NULL;

  g_object_get (window, "settings", &settings, NULL);
  return settings;  /* the window holds it */
}

static void
get_brochure_options (KpWindow            *window,
                      KpBrochureLayout    *layout,
                      KpBrochureCancelled *cancelled)
{
  GSettings *settings = window_settings (window);

  *layout = KP_BROCHURE_LAYOUT_A4;
  *cancelled = KP_BROCHURE_CANCELLED_MARK;
  if (settings != NULL)
    {
      g_autofree char *layout_name = g_settings_get_string (settings, "brochure-layout");
      g_autofree char *cancelled_name = g_settings_get_string (settings, "brochure-cancelled");

      kp_brochure_layout_from_string (layout_name, layout);
      if (g_strcmp0 (cancelled_name, "omit") == 0)
        *cancelled = KP_BROCHURE_CANCELLED_OMIT;
    }
}

/* The brochure's language: @code when it names one, else the course's, else Bokmål. */
static const KpDocLanguage *
brochure_language (KpCourse   *course,
                   const char *code)
{
  const KpDocLanguage *language = NULL;

  if (code != NULL && *code != '\0')
    language = kp_doc_language_lookup (code);
  if (language == NULL)
    language = kp_doc_language_lookup (kp_course_get_language (course));
  if (language == NULL)
    language = kp_doc_language_lookup ("nb");
  return language;
}

/* "Å leve med kols" + ".pdf": the title as a file name, without folder separators. */
static char *
dup_file_name (KpCourse   *course,
               const char *suffix)
{
  const char *title = kp_course_get_title (course);
  g_autofree char *name = g_strdup (title != NULL && *title != '\0' ? title : _("Course"));

  g_strdelimit (name, "/\\:", '-');
  return g_strconcat (name, suffix, NULL);
}

static void
toast (KpWindow   *window,
       const char *message)
{
  kp_window_add_toast (window, kp_toast_new (message));
}

static GDateTime *
export_time (void)
{
  return g_date_time_new_now_utc ();
}

/* Printing ------------------------------------------------------------------------------------ */

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                KpBrochure        *brochure)
{
  guint n_pages = kp_brochure_paginate (brochure, gtk_print_context_get_width (context),
                                        gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, MAX (n_pages, 1));
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              KpBrochure        *brochure)
{
  kp_brochure_draw_page (brochure, gtk_print_context_get_cairo_context (context), page);
}

/**
 * kp_course_export_new_print_operation:
 * @language: (nullable): a brochure language's code; %NULL for the course's
 *
 * Returns: (transfer full): a print operation that prints the course's brochure, page by page
 *   through the same renderer as the PDF
 */
GtkPrintOperation *
kp_course_export_new_print_operation (KpCourse            *course,
                                      const char          *language,
                                      KpBrochureLayout     layout,
                                      KpBrochureCancelled  cancelled)
{
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = NULL;
  KpBrochure *brochure;

  g_return_val_if_fail (KP_IS_COURSE (course), NULL);

  brochure = kp_brochure_new (course, brochure_language (course, language), cancelled);
  paper = gtk_paper_size_new (layout == KP_BROCHURE_LAYOUT_A5 ? GTK_PAPER_NAME_A5
                                                               : GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size (setup, paper);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_job_name (operation, kp_course_get_title (course) ?
                                               kp_course_get_title (course) : "");
  g_signal_connect_object (operation, "begin-print", G_CALLBACK (on_begin_print), brochure, 0);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (on_draw_page), brochure, 0);
  g_object_set_data_full (G_OBJECT (operation), "kp-brochure", brochure, g_object_unref);
  return operation;
}

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               KpWindow                *window)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autofree char *message = NULL;

      gtk_print_operation_get_error (operation, &error);
      /* Translators: %s says why */
      message = g_strdup_printf (_("Could not print the brochure: %s"),
                                 error ? error->message : _("unknown error"));
      toast (window, message);
    }
  g_object_unref (operation);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  KpWindow *window = KP_WINDOW (widget);
  KpCourse *course = kp_window_get_course (window);
  GtkPrintOperation *operation;
  KpBrochureLayout layout;
  KpBrochureCancelled cancelled;
  g_autoptr(GError) error = NULL;

  if (course == NULL)
    return;
  get_brochure_options (window, &layout, &cancelled);
  operation = kp_course_export_new_print_operation (course, g_variant_get_string (parameter, NULL),
                                                    layout, cancelled);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done), window, 0);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (window), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      toast (window, error->message);
      g_object_unref (operation);
    }
}

/* Saving through a file chooser ------------------------------------------------------------- */

typedef gboolean (*SaveFunc) (KpWindow         *window,
                              GtkNativeDialog  *dialog,
                              GFile            *file,
                              GError          **error);

static void
on_save_response (GtkNativeDialog *dialog,
                  int              response,
                  KpWindow        *window)
{
  SaveFunc save = g_object_get_data (G_OBJECT (dialog), "kp-save");
  const char *saved_format = g_object_get_data (G_OBJECT (dialog), "kp-saved-format");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GError) error = NULL;

      if (save (window, dialog, file, &error))
        {
          g_autofree char *name = g_file_get_basename (file);
          g_autofree char *message = g_strdup_printf (saved_format, name);

          toast (window, message);
        }
      else
        toast (window, error->message);
    }
  g_object_unref (dialog);
}

/* A save dialog that hands the chosen file to @save and tells the result in a toast:
 * @saved_format with the file's name, or the error. */
static GtkFileChooserNative *
new_save_dialog (KpWindow   *window,
                 const char *title,
                 const char *file_name,
                 const char *filter_name,
                 const char *mime_type,
                 SaveFunc    save,
                 const char *saved_format)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (title, GTK_WINDOW (window), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), file_name);
  gtk_file_filter_set_name (filter, filter_name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_object_set_data (G_OBJECT (dialog), "kp-save", save);
  g_object_set_data (G_OBJECT (dialog), "kp-saved-format", (gpointer) saved_format);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_save_response), window, 0);
  return dialog;
}

/* The brochure as PDF ------------------------------------------------------------------------- */

/**
 * kp_course_export_brochure:
 * @language: (nullable): a brochure language's code; %NULL or "" for the course's
 * @file: a local file, replaced whole or not at all
 *
 * Writes the open course's brochure, in the paper size and with the cancelled sessions as the
 * settings say.
 */
gboolean
kp_course_export_brochure (KpWindow    *window,
                           const char  *language,
                           GFile       *file,
                           GError     **error)
{
  KpCourse *course = kp_window_get_course (window);
  g_autoptr(KpBrochure) brochure = NULL;
  g_autoptr(GDateTime) now = export_time ();
  g_autofree char *path = g_file_get_path (file);
  KpBrochureLayout layout;
  KpBrochureCancelled cancelled;

  g_return_val_if_fail (KP_IS_WINDOW (window), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (course == NULL)
    {
      g_set_error (error, KP_ERROR, KP_ERROR_FAILED, "%s", _("No course is open"));
      return FALSE;
    }
  if (path == NULL)
    {
      g_set_error (error, KP_ERROR, KP_ERROR_FAILED, "%s",
                   _("Could not write the brochure: choose a folder on this computer"));
      return FALSE;
    }
  get_brochure_options (window, &layout, &cancelled);
  brochure = kp_brochure_new (course, brochure_language (course, language), cancelled);
  return kp_brochure_write_pdf (brochure, layout, now, path, error);
}

static gboolean
save_brochure (KpWindow         *window,
               GtkNativeDialog  *dialog,
               GFile            *file,
               GError          **error)
{
  return kp_course_export_brochure (window, g_object_get_data (G_OBJECT (dialog), "kp-language"),
                                    file, error);
}

/* A save dialog for a PDF in the language @parameter names ("" for the course's). */
static void
show_pdf_dialog (KpWindow   *window,
                 GVariant   *parameter,
                 const char *title,
                 const char *suffix,
                 SaveFunc    save,
                 const char *saved_format)
{
  KpCourse *course = kp_window_get_course (window);
  g_autofree char *file_name = NULL;
  GtkFileChooserNative *dialog;

  if (course == NULL)
    return;
  file_name = dup_file_name (course, suffix);
  dialog = new_save_dialog (window, title, file_name, _("PDF documents"), "application/pdf",
                            save, saved_format);
  g_object_set_data_full (G_OBJECT (dialog), "kp-language",
                          g_variant_dup_string (parameter, NULL), g_free);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  show_pdf_dialog (KP_WINDOW (widget), parameter, _("Export Brochure"), ".pdf", save_brochure,
                   /* Translators: %s is the file's name */
                   _("Saved the brochure as %s"));
}

/* The poster as PDF --------------------------------------------------------------------------- */

/**
 * kp_course_export_poster:
 * @language: (nullable): a document language's code; %NULL or "" for the course's
 * @file: a local file, replaced whole or not at all
 *
 * Writes the open course's A4 poster, with the QR code to its registration page.
 */
gboolean
kp_course_export_poster (KpWindow    *window,
                         const char  *language,
                         GFile       *file,
                         GError     **error)
{
  KpCourse *course = kp_window_get_course (window);
  g_autoptr(GDateTime) now = export_time ();
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (KP_IS_WINDOW (window), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (course == NULL)
    {
      g_set_error (error, KP_ERROR, KP_ERROR_FAILED, "%s", _("No course is open"));
      return FALSE;
    }
  bytes = kp_poster_render_pdf (course, brochure_language (course, language), KP_POSTER_SIZE_A4,
                                now, error);
  return bytes != NULL && kp_output_write_file (file, bytes, error);
}

static gboolean
save_poster (KpWindow         *window,
             GtkNativeDialog  *dialog,
             GFile            *file,
             GError          **error)
{
  return kp_course_export_poster (window, g_object_get_data (G_OBJECT (dialog), "kp-language"),
                                  file, error);
}

static void
export_poster_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  show_pdf_dialog (KP_WINDOW (widget), parameter, _("Export Poster"),
                   /* Translators: after the course's title in the file name */
                   _(" – poster.pdf"), save_poster,
                   /* Translators: %s is the file's name */
                   _("Saved the poster as %s"));
}

/* The calendar as a file ---------------------------------------------------------------------- */

/**
 * kp_course_export_calendar:
 * @planning: the planning group's meetings instead of the course's sessions
 * @file: replaced whole or not at all
 */
gboolean
kp_course_export_calendar (KpWindow  *window,
                           gboolean   planning,
                           GFile     *file,
                           GError   **error)
{
  KpCourse *course = kp_window_get_course (window);
  g_autoptr(GDateTime) now = export_time ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (KP_IS_WINDOW (window), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (course == NULL)
    {
      g_set_error (error, KP_ERROR, KP_ERROR_FAILED, "%s", _("No course is open"));
      return FALSE;
    }
  if (planning)
    bytes = kp_ical_export_planning (course, now);
  else
    {
      guint remind_minutes = 0;

      /* The course's reminder, as remembered by the sync dialog or `kursplan ics --remind`;
       * none for a course not saved yet. */
      kp_store_get_remind_minutes (kp_window_get_store (window), kp_course_get_id (course),
                                   &remind_minutes, NULL);
      bytes = kp_ical_export_course_reminding (course, NULL, remind_minutes, now,
                                               KP_ICAL_EXPORT_DEFAULT);
    }
  if (!kp_output_write_file (file, bytes, &local_error))
    {
      /* Translators: %s says why */
      g_set_error (error, KP_ERROR, KP_ERROR_FAILED, _("Could not write the calendar: %s"),
                   local_error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
save_calendar (KpWindow         *window,
               GtkNativeDialog  *dialog,
               GFile            *file,
               GError          **error)
{
  gboolean planning = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "kp-planning"));

  return kp_course_export_calendar (window, planning, file, error);
}

/* The sessions, for participants; or the planning group's meetings, for the group. */
static void
export_calendar_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  KpWindow *window = KP_WINDOW (widget);
  KpCourse *course = kp_window_get_course (window);
  gboolean planning = g_str_equal (action_name, "win.export-planning-calendar");
  g_autofree char *file_name = NULL;
  GtkFileChooserNative *dialog;

  if (course == NULL)
    return;
  /* Translators: the end of the planning group's calendar's file name, after the course's title */
  file_name = dup_file_name (course, planning ? _(" (planning group).ics") : ".ics");
  dialog = new_save_dialog (window,
                            planning ? _("Export Planning Calendar") : _("Export Calendar"),
                            file_name, _("Calendars"), "text/calendar", save_calendar,
                            /* Translators: %s is the file's name */
                            _("Saved the calendar as %s"));
  g_object_set_data (G_OBJECT (dialog), "kp-planning", GINT_TO_POINTER (planning));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Invitations to the planning group ---------------------------------------------------------- */

typedef struct
{
  const char *dir;
  GPtrArray  *files;  /* the calendars written, to attach */
} Attachments;

static gboolean
write_attachment (Attachments  *attachments,
                  const char   *name,
                  GBytes       *bytes,
                  GError      **error)
{
  g_autofree char *path = g_build_filename (attachments->dir, name, NULL);

  if (!kp_output_write_path (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                             error))
    return FALSE;
  g_ptr_array_add (attachments->files, g_steal_pointer (&path));
  return TRUE;
}

static gboolean
write_attachments (GBytes    *request,
                   GBytes    *cancel,
                   gpointer   user_data,
                   GError   **error)
{
  Attachments *attachments = user_data;

  return (request == NULL || write_attachment (attachments, "invitation.ics", request, error)) &&
         (cancel == NULL || write_attachment (attachments, "cancellation.ics", cancel, error));
}

/**
 * kp_course_export_invite:
 *
 * Writes the invitations to the planning group's meetings (kp_invitation_send(), from the
 * course leader, else the course's contact address) into a temporary folder and opens the
 * user's mail program with them attached and the members as recipients (`xdg-email`, or
 * $KURSPLAN_XDG_EMAIL).
 *
 * Returns: %TRUE when the mail program was started
 */
gboolean
kp_course_export_invite (KpWindow  *window,
                         GError   **error)
{
  KpCourse *course = kp_window_get_course (window);
  KpStore *store = kp_window_get_store (window);
  const char *program = g_getenv ("KURSPLAN_XDG_EMAIL");
  g_autoptr(GDateTime) now = export_time ();
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *dir = NULL;
  GListModel *members;
  Attachments attachments;
  guint n;

  g_return_val_if_fail (KP_IS_WINDOW (window), FALSE);

  if (course == NULL)
    {
      g_set_error (error, KP_ERROR, KP_ERROR_FAILED, "%s", _("No course is open"));
      return FALSE;
    }
  if (!kp_store_flush (store, error) ||
      (dir = g_dir_make_tmp ("kursplan-invite-XXXXXX", error)) == NULL)
    return FALSE;

  attachments.dir = dir;
  attachments.files = files;
  if (!kp_invitation_send (store, kp_course_get_id (course), KP_INVITATION_FROM_LEADER, now,
                           write_attachments, &attachments, NULL, NULL, &local_error))
    {
      if (!g_error_matches (local_error, KP_ERROR, KP_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      /* No course leader with an address: the course's contact (the adviser) invites. */
      g_clear_error (&local_error);
      g_ptr_array_set_size (files, 0);
      if (!kp_invitation_send (store, kp_course_get_id (course), KP_INVITATION_FROM_COURSE,
                               now, write_attachments, &attachments, NULL, NULL, error))
        return FALSE;
    }

  g_ptr_array_add (argv, g_strdup (program != NULL && *program != '\0' ? program
                                                                         : "xdg-email"));
  g_ptr_array_add (argv, g_strdup ("--subject"));
  /* Translators: the e-mail's subject; %s is the course's title */
  g_ptr_array_add (argv, g_strdup_printf (_("Planning meetings: %s"),
                                          kp_course_get_title (course)
                                          ? kp_course_get_title (course) : ""));
  for (guint i = 0; i < files->len; i++)
    {
      g_ptr_array_add (argv, g_strdup ("--attach"));
      g_ptr_array_add (argv, g_strdup (g_ptr_array_index (files, i)));
    }
  members = kp_course_get_members (course);
  n = g_list_model_get_n_items (members);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KpMember) member = g_list_model_get_item (members, i);
      const char *email = kp_member_get_email (member);

      /* An address that looks like an option would be taken for one. */
      if (email != NULL && *email != '\0' && *email != '-')
        g_ptr_array_add (argv, g_strdup (email));
    }
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata, G_SUBPROCESS_FLAGS_NONE,
                               &local_error);
  if (process == NULL)
    {
      /* Translators: %s says why */
      g_set_error (error, KP_ERROR, KP_ERROR_FAILED, _("Could not open the mail program: %s"),
                   local_error->message);
      return FALSE;
    }
  return TRUE;
}

static void
invite_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KpWindow *window = KP_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (kp_window_get_course (window) == NULL)
    return;
  if (kp_course_export_invite (window, &error))
    toast (window, _("The invitations are attached to a new e-mail"));
  else
    toast (window, error->message);
}

/* CalDAV sync --------------------------------------------------------------------------------- */

typedef struct
{
  KpWindow      *window;      /* (owned) */
  KpStore       *store;       /* (owned) */
  KpCourse      *course;      /* (owned): a copy loaded from the store, the thread's own */
  char          *course_title;
  char          *url;
  char          *user;        /* (nullable) */
  char          *password;    /* (nullable): typed in; else the keyring's */
  char          *collection;
  GHashTable    *known;
  AdwToast      *progress;    /* (owned) */
  gboolean       overwrite;
  guint          remind_minutes;  /* the course's reminder, as remembered */
  KpCaldavReport report;
} SyncJob;

static void
sync_job_free (SyncJob *job)
{
  g_clear_object (&job->window);
  g_clear_object (&job->store);
  g_clear_object (&job->course);
  g_free (job->course_title);
  g_free (job->url);
  g_free (job->user);
  if (job->password != NULL)
    memset (job->password, 0, strlen (job->password));
  g_free (job->password);
  g_free (job->collection);
  g_clear_pointer (&job->known, g_hash_table_unref);
  g_clear_object (&job->progress);
  kp_caldav_report_clear (&job->report);
  g_free (job);
}

/* One record, handed from the sync's thread to the main thread, which owns the database. */
typedef struct
{
  SyncJob     *job;
  const char  *session_id;
  const char  *href;
  const char  *etag;
  const char  *digest;
  GMutex       mutex;
  GCond        cond;
  gboolean     done;
  gboolean     ok;
  GError      *error;
} Record;

static gboolean
record_in_main (gpointer user_data)
{
  Record *record = user_data;

  record->ok = kp_store_set_caldav_resource (record->job->store,
                                             kp_course_get_id (record->job->course),
                                             record->job->collection, record->session_id,
                                             record->href, record->etag, record->digest,
                                             &record->error);
  g_mutex_lock (&record->mutex);
  record->done = TRUE;
  g_cond_signal (&record->cond);
  g_mutex_unlock (&record->mutex);
  return G_SOURCE_REMOVE;
}

static gboolean
record_resource (const char  *session_id,
                 const char  *href,
                 const char  *etag,
                 const char  *digest,
                 gpointer     user_data,
                 GError     **error)
{
  Record record = { user_data, session_id, href, etag, digest };

  g_mutex_init (&record.mutex);
  g_cond_init (&record.cond);
  g_main_context_invoke (NULL, record_in_main, &record);
  g_mutex_lock (&record.mutex);
  while (!record.done)
    g_cond_wait (&record.cond, &record.mutex);
  g_mutex_unlock (&record.mutex);
  g_mutex_clear (&record.mutex);
  g_cond_clear (&record.cond);

  if (!record.ok)
    g_propagate_error (error, record.error);
  return record.ok;
}

static void
sync_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SyncJob *job = task_data;
  g_autoptr(KpCaldav) caldav = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *keyring_password = NULL;
  const char *password = job->password;
  GError *error = NULL;

  if (job->user != NULL && password == NULL)
    {
      keyring_password = kp_secret_lookup_caldav_password (job->url, job->user, NULL);
      password = keyring_password;
      if (password == NULL)
        {
          g_task_return_new_error (task, KP_ERROR, KP_ERROR_CALENDAR_AUTH,
                                   _("No password for %s in the keyring: type it in Sync to "
                                     "Calendar"), job->user);
          return;
        }
    }

  caldav = kp_caldav_new (job->url, job->user, password, &error);
  if (caldav != NULL)
    {
      kp_caldav_set_overwrite (caldav, job->overwrite);
      kp_caldav_set_remind_minutes (caldav, job->remind_minutes);
    }
  if (caldav == NULL ||
      !kp_caldav_sync (caldav, job->course, job->known, now, record_resource, job, &job->report,
                       &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/* A password typed in and accepted is kept in the keyring for next time. The keyring may ask
 * to be unlocked, so this waits for nobody: the sync's result is shown meanwhile. */
static void
keep_password (SyncJob *job)
{
  if (job->password != NULL && job->user != NULL)
    kp_secret_keep_caldav_password (job->url, job->user, job->password);
}

static gboolean start_sync (KpWindow   *window,
                            const char *url,
                            const char *user,
                            const char *password,
                            gboolean    overwrite);

/* What a sync that ended in conflicts needs to run again with the plan's version. */
typedef struct
{
  char *url;
  char *user;      /* (nullable) */
  char *password;  /* (nullable) */
} Rerun;

static void
rerun_free (Rerun *rerun)
{
  g_free (rerun->url);
  g_free (rerun->user);
  if (rerun->password != NULL)
    memset (rerun->password, 0, strlen (rerun->password));
  g_free (rerun->password);
  g_free (rerun);
}

static void
on_conflicts_response (AdwMessageDialog *dialog,
                       const char       *response,
                       KpWindow         *window)
{
  Rerun *rerun = g_object_get_data (G_OBJECT (dialog), "kp-rerun");

  if (g_strcmp0 (response, "overwrite") == 0)
    start_sync (window, rerun->url, rerun->user, rerun->password, TRUE);
}

/* Each event left as the calendar has it, and the choice to put the plan's version there. */
static void
show_conflicts (SyncJob    *job,
                const char *summary)
{
  g_autoptr(GString) list = g_string_new (NULL);
  GtkWidget *dialog;
  GtkWidget *label;
  Rerun *rerun;

  for (guint i = 0; i < job->report.conflicts->len; i++)
    g_string_append_printf (list, "%s• %s", i > 0 ? "\n" : "",
                            (const char *) g_ptr_array_index (job->report.conflicts, i));

  dialog = adw_message_dialog_new (GTK_WINDOW (job->window),
                                   _("Events Changed in the Calendar"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("%s. Nothing was overwritten: change them back in the "
                                    "calendar, or replace them with the plan’s version (the "
                                    "event of a removed session is then deleted)."),
                                  summary);
  label = gtk_label_new (list->str);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), label);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep the Calendar’s"),
                                    "overwrite", _("_Replace With the Plan"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "overwrite",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");

  rerun = g_new0 (Rerun, 1);
  rerun->url = g_strdup (job->url);
  rerun->user = g_strdup (job->user);
  rerun->password = g_strdup (job->password);
  g_object_set_data_full (G_OBJECT (dialog), "kp-rerun", rerun, (GDestroyNotify) rerun_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_conflicts_response), job->window,
                           0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
dismiss_toast_cb (gpointer user_data)
{
  adw_toast_dismiss (user_data);
  return G_SOURCE_REMOVE;
}

static void
on_sync_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  SyncJob *job = g_task_get_task_data (G_TASK (result));
  KpWindow *window = job->window;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *escaped = NULL;

  gboolean synced = g_task_propagate_boolean (G_TASK (result), &error);
  /* Only the conflicts were left: the server took the password and all the rest. */
  gboolean conflicts = !synced && job->report.conflicts != NULL &&
                       g_error_matches (error, KP_ERROR, KP_ERROR_CALENDAR_CONFLICT);

  g_object_set_data (G_OBJECT (window), SYNC_KEY, NULL);
  if (synced || conflicts)
    keep_password (job);
  /* A window closed while the sync ran has nothing left to tell it in. */
  if (!gtk_widget_get_visible (GTK_WIDGET (window)))
    return;

  if (synced)
    {
      /* Translators: the course's title, then the counts */
      message = g_strdup_printf (_("Synced “%s”: %u created, %u updated, %u deleted, "
                                   "%u unchanged"),
                                 job->course_title, job->report.created, job->report.updated,
                                 job->report.deleted, job->report.unchanged);
    }
  else if (conflicts)
    /* Translators: the first %s says how many events were left as they are; then the counts */
    message = g_strdup_printf (_("%s (%u created, %u updated, %u deleted, %u unchanged)"),
                               error->message, job->report.created, job->report.updated,
                               job->report.deleted, job->report.unchanged);
  else if (job->report.created + job->report.updated + job->report.deleted > 0)
    /* Translators: the first %s says why the sync stopped */
    message = g_strdup_printf (_("%s. %u created, %u updated and %u deleted before that; sync "
                                 "again to continue"),
                               error->message, job->report.created, job->report.updated,
                               job->report.deleted);
  else
    message = g_strdup (error->message);

  /* The progress toast turns into the result, and goes like any other toast. */
  escaped = g_markup_escape_text (message, -1);
  adw_toast_set_title (job->progress, escaped);
  g_timeout_add_seconds_full (G_PRIORITY_DEFAULT, RESULT_SECONDS, dismiss_toast_cb,
                              g_object_ref (job->progress), g_object_unref);
  kp_course_export_update_actions (window);
  if (conflicts)
    show_conflicts (job, message);
}

/* TRUE while a sync of the window's course runs. */
gboolean
kp_course_export_is_syncing (KpWindow *window)
{
  g_return_val_if_fail (KP_IS_WINDOW (window), FALSE);
  return g_object_get_data (G_OBJECT (window), SYNC_KEY) != NULL;
}

/**
 * kp_course_export_sync:
 * @url: the CalDAV collection
 * @user: (nullable): the account; %NULL or "" for none
 * @password: (nullable): as typed in; %NULL or "" for the keyring's
 *
 * Starts syncing the open course's sessions to the collection in a thread. A toast shows that it
 * runs, and then what it did or why it failed; events changed in the calendar meanwhile are
 * listed in a dialog that offers to replace them with the plan.
 *
 * Returns: whether it started; if not, a toast says why (a wrong address, say)
 */
gboolean
kp_course_export_sync (KpWindow   *window,
                       const char *url,
                       const char *user,
                       const char *password)
{
  g_return_val_if_fail (KP_IS_WINDOW (window), FALSE);
  g_return_val_if_fail (url != NULL, FALSE);

  return start_sync (window, url, user, password, FALSE);
}

static gboolean
start_sync (KpWindow   *window,
            const char *url,
            const char *user,
            const char *password,
            gboolean    overwrite)
{
  KpCourse *course = kp_window_get_course (window);
  KpStore *store = kp_window_get_store (window);
  g_autoptr(KpCaldav) checked = NULL;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *progress = NULL;
  AdwToast *previous;
  SyncJob *job;

  if (course == NULL || kp_course_export_is_syncing (window))
    return FALSE;

  /* A wrong address is told before the keyring is asked. */
  checked = kp_caldav_new (url, NULL, NULL, &error);
  if (checked == NULL)
    {
      toast (window, error->message);
      return FALSE;
    }

  job = g_new0 (SyncJob, 1);
  job->window = g_object_ref (window);
  job->store = g_object_ref (store);
  job->url = g_strdup (url);
  job->user = user != NULL && *user != '\0' ? g_strdup (user) : NULL;
  job->password = password != NULL && *password != '\0' ? g_strdup (password) : NULL;
  job->collection = g_strdup (kp_caldav_get_collection (checked));
  job->course_title = g_strdup (kp_course_get_title (course) ? kp_course_get_title (course) : "");
  job->overwrite = overwrite;

  /* The thread gets a copy of the course as saved, so edits meanwhile do not race it. */
  if (kp_store_flush (store, &error))
    job->course = kp_store_load_course (store, kp_course_get_id (course), &error);
  if (job->course != NULL &&
      kp_store_get_remind_minutes (store, kp_course_get_id (course), &job->remind_minutes,
                                   &error))
    job->known = kp_store_load_caldav_resources (store, kp_course_get_id (course),
                                                 job->collection, &error);
  if (job->known == NULL)
    {
      toast (window, error->message);
      sync_job_free (job);
      return FALSE;
    }

  /* Translators: %s is the course's title */
  progress = g_strdup_printf (_("Syncing “%s” to the calendar…"), job->course_title);
  job->progress = g_object_ref_sink (kp_toast_new (progress));
  adw_toast_set_timeout (job->progress, 0);
  /* A new sync's progress does not wait behind the last one's result. */
  previous = g_object_get_data (G_OBJECT (window), SYNC_TOAST_KEY);
  if (previous != NULL)
    adw_toast_dismiss (previous);
  g_object_set_data_full (G_OBJECT (window), SYNC_TOAST_KEY, g_object_ref (job->progress),
                          g_object_unref);
  kp_window_add_toast (window, g_object_ref (job->progress));

  g_object_set_data (G_OBJECT (window), SYNC_KEY, GINT_TO_POINTER (TRUE));
  kp_course_export_update_actions (window);

  task = g_task_new (NULL, NULL, on_sync_done, NULL);
  g_task_set_source_tag (task, kp_course_export_sync);
  g_task_set_task_data (task, job, (GDestroyNotify) sync_job_free);
  g_task_run_in_thread (task, sync_thread);
  return TRUE;
}

static void
on_sync_dialog_response (AdwMessageDialog *dialog,
                         const char       *response,
                         KpWindow         *window)
{
  GtkEditable *url_row = g_object_get_data (G_OBJECT (dialog), "url-row");
  GtkEditable *user_row = g_object_get_data (G_OBJECT (dialog), "user-row");
  GtkEditable *password_row = g_object_get_data (G_OBJECT (dialog), "password-row");
  GtkSpinButton *remind_button = g_object_get_data (G_OBJECT (dialog), "remind-button");
  KpCourse *course = kp_window_get_course (window);
  KpStore *store = kp_window_get_store (window);
  g_autoptr(GError) error = NULL;
  guint was = 0;
  g_autofree char *url = NULL;
  g_autofree char *user = NULL;
  GSettings *settings;

  if (g_strcmp0 (response, "sync") != 0)
    return;

  url = g_strstrip (g_strdup (gtk_editable_get_text (url_row)));
  user = g_strstrip (g_strdup (gtk_editable_get_text (user_row)));
  if (*url == '\0')
    {
      toast (window, _("Give the calendar collection’s address to sync to"));
      return;
    }
  /* The reminder is the course's, as `kursplan sync --remind` remembers it; the sync reads
   * it, and a sync that does not start leaves the one before. */
  if (course == NULL ||
      !kp_store_get_remind_minutes (store, kp_course_get_id (course), &was, &error) ||
      !kp_store_set_remind_minutes (store, kp_course_get_id (course),
                                    (guint) gtk_spin_button_get_value_as_int (remind_button),
                                    &error))
    {
      if (error != NULL)
        toast (window, error->message);
      return;
    }
  /* Remembered only once it is an address to sync to: one with a password in it is not. */
  if (!kp_course_export_sync (window, url, user, gtk_editable_get_text (password_row)))
    {
      kp_store_set_remind_minutes (store, kp_course_get_id (course), was, NULL);
      return;
    }
  settings = window_settings (window);
  if (settings != NULL)
    {
      g_settings_set_string (settings, "caldav-url", url);
      g_settings_set_string (settings, "caldav-user", user);
    }
}

static GtkWidget *
add_entry_row (GtkWidget  *list,
               GtkWidget  *row,
               const char *title,
               const char *text)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return row;
}

static void
sync_calendar_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  KpWindow *window = KP_WINDOW (widget);
  GSettings *settings = window_settings (window);
  g_autofree char *url = settings ? g_settings_get_string (settings, "caldav-url") : NULL;
  g_autofree char *user = settings ? g_settings_get_string (settings, "caldav-user") : NULL;
  g_autofree char *without_password = url ? kp_caldav_dup_without_userinfo (url) : NULL;
  KpCourse *course = kp_window_get_course (window);
  guint remind_minutes = 0;
  GtkWidget *dialog;
  GtkWidget *list;
  GtkWidget *row;
  GtkWidget *button;

  if (course == NULL)
    return;
  kp_store_get_remind_minutes (kp_window_get_store (window), kp_course_get_id (course),
                               &remind_minutes, NULL);

  /* An address kept with a password in it, before such were refused, is kept no longer. */
  if (without_password != NULL)
    {
      g_settings_set_string (settings, "caldav-url", without_password);
      g_free (url);
      url = g_steal_pointer (&without_password);
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (window), _("Sync to Calendar"),
                                   _("The sessions go to a CalDAV calendar, one event each, and "
                                     "follow the plan when you sync again. Leave the password "
                                     "empty to use the one in the keyring."));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  row = add_entry_row (list, adw_entry_row_new (), _("Calendar address"), url);
  g_object_set (row, "input-purpose", GTK_INPUT_PURPOSE_URL, NULL);
  g_object_set_data (G_OBJECT (dialog), "url-row", row);
  row = add_entry_row (list, adw_entry_row_new (), _("User name"), user);
  g_object_set_data (G_OBJECT (dialog), "user-row", row);
  row = add_entry_row (list, adw_password_entry_row_new (), _("Password"), NULL);
  g_object_set_data (G_OBJECT (dialog), "password-row", row);
  /* AdwSpinRow is libadwaita 1.4: an action row with a spin button. */
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Reminder"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("Minutes before each session; 0 for no reminder"));
  button = gtk_spin_button_new_with_range (0, 28 * 24 * 60, 5);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (button), remind_minutes);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reminder, minutes before each session"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  g_object_set_data (G_OBJECT (dialog), "remind-button", button);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "sync", _("_Sync"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "sync",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "sync");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_sync_dialog_response), window, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Installing ---------------------------------------------------------------------------------- */

/**
 * kp_course_export_update_actions:
 *
 * Enables the actions when a course is open, and Sync when no sync runs.
 */
void
kp_course_export_update_actions (KpWindow *window)
{
  gboolean has_course = kp_window_get_course (window) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (window), "win.print", has_course);
  gtk_widget_action_set_enabled (GTK_WIDGET (window), "win.export-pdf", has_course);
  gtk_widget_action_set_enabled (GTK_WIDGET (window), "win.export-poster", has_course);
  gtk_widget_action_set_enabled (GTK_WIDGET (window), "win.export-calendar", has_course);
  gtk_widget_action_set_enabled (GTK_WIDGET (window), "win.export-planning-calendar",
                                 has_course);
  gtk_widget_action_set_enabled (GTK_WIDGET (window), "win.invite-planning-group",
                                 has_course);
  gtk_widget_action_set_enabled (GTK_WIDGET (window), "win.sync-calendar",
                                 has_course && !kp_course_export_is_syncing (window));
}

/* win.print, win.export-pdf and win.export-poster take the brochure's language ("" for the course's). */
void
kp_course_export_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.print", "s", print_action);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", "s", export_pdf_action);
  gtk_widget_class_install_action (widget_class, "win.export-poster", "s", export_poster_action);
  gtk_widget_class_install_action (widget_class, "win.export-calendar", NULL,
                                   export_calendar_action);
  gtk_widget_class_install_action (widget_class, "win.export-planning-calendar", NULL,
                                   export_calendar_action);
  gtk_widget_class_install_action (widget_class, "win.sync-calendar", NULL,
                                   sync_calendar_action);
  gtk_widget_class_install_action (widget_class, "win.invite-planning-group", NULL,
                                   invite_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "win.print", "s", "");
}
