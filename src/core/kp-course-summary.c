/* kp-course-summary.c — one row of the course list, read from the store's summary columns
 *
 * Summaries are made by the thousand when the catalogue opens, so the constructor fills the
 * fields directly instead of going through property setters.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-course-summary"

#include "config.h"

#include "kp-course-summary.h"

#include <string.h>

struct _KpCourseSummary
{
  GObject         parent_instance;

  char           *id;
  char           *title;
  char           *subtitle;
  KpCourseStatus  status;
  char           *language;
  GTimeZone      *zone;          /* the course's */
  gint64          first_unix;    /* KP_COURSE_SUMMARY_NO_TIME when no session has a time */
  gint64          last_unix;
  GDateTime      *first_start;   /* in the course's zone; made when first asked for */
  GDateTime      *last_start;
  guint           n_sessions;
  guint           checks_met;
  guint           checks_total;
};

G_DEFINE_FINAL_TYPE (KpCourseSummary, kp_course_summary, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_STATUS,
  PROP_LANGUAGE,
  PROP_FIRST_START,
  PROP_LAST_START,
  PROP_N_SESSIONS,
  PROP_CHECKS_MET,
  PROP_CHECKS_TOTAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kp_course_summary_finalize (GObject *object)
{
  KpCourseSummary *self = (KpCourseSummary *)object;

  g_free (self->id);
  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->language);
  g_clear_pointer (&self->first_start, g_date_time_unref);
  g_clear_pointer (&self->last_start, g_date_time_unref);
  g_clear_pointer (&self->zone, g_time_zone_unref);

  G_OBJECT_CLASS (kp_course_summary_parent_class)->finalize (object);
}

static void
kp_course_summary_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KpCourseSummary *self = KP_COURSE_SUMMARY (object);

  switch (prop_id)
    {
    case PROP_ID:           g_value_set_string (value, self->id); break;
    case PROP_TITLE:        g_value_set_string (value, self->title); break;
    case PROP_SUBTITLE:     g_value_set_string (value, self->subtitle); break;
    case PROP_STATUS:       g_value_set_enum (value, self->status); break;
    case PROP_LANGUAGE:     g_value_set_string (value, self->language); break;
    case PROP_FIRST_START:  g_value_set_boxed (value, kp_course_summary_get_first_start (self)); break;
    case PROP_LAST_START:   g_value_set_boxed (value, kp_course_summary_get_last_start (self)); break;
    case PROP_N_SESSIONS:   g_value_set_uint (value, self->n_sessions); break;
    case PROP_CHECKS_MET:   g_value_set_uint (value, self->checks_met); break;
    case PROP_CHECKS_TOTAL: g_value_set_uint (value, self->checks_total); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kp_course_summary_class_init (KpCourseSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = kp_course_summary_finalize;
  object_class->get_property = kp_course_summary_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, ro);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, ro);
  properties[PROP_SUBTITLE] = g_param_spec_string ("subtitle", NULL, NULL, NULL, ro);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, KP_TYPE_COURSE_STATUS, KP_COURSE_STATUS_IDEA, ro);
  properties[PROP_LANGUAGE] = g_param_spec_string ("language", NULL, NULL, NULL, ro);
  properties[PROP_FIRST_START] =
    g_param_spec_boxed ("first-start", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_LAST_START] =
    g_param_spec_boxed ("last-start", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_N_SESSIONS] =
    g_param_spec_uint ("n-sessions", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_CHECKS_MET] =
    g_param_spec_uint ("checks-met", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_CHECKS_TOTAL] =
    g_param_spec_uint ("checks-total", NULL, NULL, 0, G_MAXUINT, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kp_course_summary_init (KpCourseSummary *self)
{
}

/**
 * kp_course_summary_new_from_unix:
 * @zone: the course's time zone, in which the getters give the times
 * @first_start: when the earliest session starts, as a Unix time, or
 *   %KP_COURSE_SUMMARY_NO_TIME
 * @last_start: when the latest session starts, likewise
 *
 * The catalogue makes thousands of these at once and shows a screenful: the #GDateTime of a
 * start is only made when asked for.
 *
 * Returns: (transfer full): a summary holding copies of the values
 */
KpCourseSummary *
kp_course_summary_new_from_unix (const char     *id,
                                 const char     *title,
                                 const char     *subtitle,
                                 KpCourseStatus  status,
                                 const char     *language,
                                 GTimeZone      *zone,
                                 gint64          first_start,
                                 gint64          last_start,
                                 guint           n_sessions,
                                 guint           checks_met,
                                 guint           checks_total)
{
  KpCourseSummary *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (zone != NULL, NULL);

  self = g_object_new (KP_TYPE_COURSE_SUMMARY, NULL);
  self->id = g_strdup (id);
  self->title = g_strdup (title);
  self->subtitle = g_strdup (subtitle);
  self->status = status;
  self->language = g_strdup (language);
  self->zone = g_time_zone_ref (zone);
  self->first_unix = first_start;
  self->last_unix = last_start;
  self->n_sessions = n_sessions;
  self->checks_met = checks_met;
  self->checks_total = checks_total;
  return self;
}

/**
 * kp_course_summary_new:
 * @first_start: (nullable): when the earliest session starts, in the course's zone
 * @last_start: (nullable): when the latest session starts, in the course's zone
 *
 * Returns: (transfer full): a summary holding copies of the values
 */
KpCourseSummary *
kp_course_summary_new (const char     *id,
                       const char     *title,
                       const char     *subtitle,
                       KpCourseStatus  status,
                       const char     *language,
                       GDateTime      *first_start,
                       GDateTime      *last_start,
                       guint           n_sessions,
                       guint           checks_met,
                       guint           checks_total)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  GDateTime *any = first_start != NULL ? first_start : last_start;
  KpCourseSummary *self;

  self = kp_course_summary_new_from_unix (id, title, subtitle, status, language,
                                          any != NULL ? g_date_time_get_timezone (any) : utc,
                                          first_start != NULL ? g_date_time_to_unix (first_start)
                                                              : KP_COURSE_SUMMARY_NO_TIME,
                                          last_start != NULL ? g_date_time_to_unix (last_start)
                                                             : KP_COURSE_SUMMARY_NO_TIME,
                                          n_sessions, checks_met, checks_total);
  if (self != NULL)
    {
      self->first_start = first_start != NULL ? g_date_time_ref (first_start) : NULL;
      self->last_start = last_start != NULL ? g_date_time_ref (last_start) : NULL;
    }
  return self;
}

/* The start at @unix_time in the course's zone, made once into *@cache. */
static GDateTime *
kp_course_summary_time (KpCourseSummary  *self,
                        gint64            unix_time,
                        GDateTime       **cache)
{
  if (*cache == NULL && unix_time != KP_COURSE_SUMMARY_NO_TIME)
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);

      *cache = utc != NULL ? g_date_time_to_timezone (utc, self->zone) : NULL;
    }
  return *cache;
}

/**
 * kp_course_summary_compare:
 *
 * The catalogue's order: by first session, courses without one last; then by title (bytewise,
 * as SQLite's BINARY collation), then id.
 *
 * Returns: negative, zero or positive as @a comes before, with or after @b
 */
int
kp_course_summary_compare (KpCourseSummary *a,
                           KpCourseSummary *b)
{
  gboolean a_undated = a->first_unix == KP_COURSE_SUMMARY_NO_TIME;
  gboolean b_undated = b->first_unix == KP_COURSE_SUMMARY_NO_TIME;
  int order;

  if (a_undated != b_undated)
    return a_undated ? 1 : -1;
  if (a->first_unix != b->first_unix)
    return a->first_unix < b->first_unix ? -1 : 1;
  if ((order = g_strcmp0 (a->title, b->title)) != 0)
    return order;
  return strcmp (a->id, b->id);
}

const char *
kp_course_summary_get_id (KpCourseSummary *self)
{
  g_return_val_if_fail (KP_IS_COURSE_SUMMARY (self), NULL);
  return self->id;
}

const char *
kp_course_summary_get_title (KpCourseSummary *self)
{
  g_return_val_if_fail (KP_IS_COURSE_SUMMARY (self), NULL);
  return self->title;
}

const char *
kp_course_summary_get_subtitle (KpCourseSummary *self)
{
  g_return_val_if_fail (KP_IS_COURSE_SUMMARY (self), NULL);
  return self->subtitle;
}

KpCourseStatus
kp_course_summary_get_status (KpCourseSummary *self)
{
  g_return_val_if_fail (KP_IS_COURSE_SUMMARY (self), KP_COURSE_STATUS_IDEA);
  return self->status;
}

const char *
kp_course_summary_get_language (KpCourseSummary *self)
{
  g_return_val_if_fail (KP_IS_COURSE_SUMMARY (self), NULL);
  return self->language;
}

/**
 * kp_course_summary_get_first_start:
 *
 * Returns: (transfer none) (nullable): when the earliest session starts, in the course's zone
 */
GDateTime *
kp_course_summary_get_first_start (KpCourseSummary *self)
{
  g_return_val_if_fail (KP_IS_COURSE_SUMMARY (self), NULL);
  return kp_course_summary_time (self, self->first_unix, &self->first_start);
}

/**
 * kp_course_summary_get_last_start:
 *
 * Returns: (transfer none) (nullable): when the latest session starts, in the course's zone
 */
GDateTime *
kp_course_summary_get_last_start (KpCourseSummary *self)
{
  g_return_val_if_fail (KP_IS_COURSE_SUMMARY (self), NULL);
  return kp_course_summary_time (self, self->last_unix, &self->last_start);
}

guint
kp_course_summary_get_n_sessions (KpCourseSummary *self)
{
  g_return_val_if_fail (KP_IS_COURSE_SUMMARY (self), 0);
  return self->n_sessions;
}

guint
kp_course_summary_get_checks_met (KpCourseSummary *self)
{
  g_return_val_if_fail (KP_IS_COURSE_SUMMARY (self), 0);
  return self->checks_met;
}

guint
kp_course_summary_get_checks_total (KpCourseSummary *self)
{
  g_return_val_if_fail (KP_IS_COURSE_SUMMARY (self), 0);
  return self->checks_total;
}
