/* kp-demo.c — the demo courses bundled with Kursplan, so a new user never meets an empty app
 *
 * Three invented courses (Bokmål, Nynorsk, North Sami) live in data/demo/ as ordinary
 * course-plan files, compiled into the core's resources. Loading them is importing them: a demo
 * course that is already in the database is updated in place, never duplicated.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-demo"

#include "config.h"

#include "kp-demo.h"
#include "kp-plan-reader.h"

#define DEMO_PATH "/io/github/kursplan/Kursplan/core/demo/"

/* From the resources compiled by data/meson.build. Calling it keeps the resource object file
 * (and the constructor that registers it) in a program that links the static core. */
GResource *kp_core_get_resource (void);

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/**
 * kp_demo_read_courses:
 *
 * Reads the bundled demo courses, in the order of their file names (Bokmål, Nynorsk, North Sami).
 *
 * Returns: (transfer full) (element-type KpCourse): the courses
 */
GPtrArray *
kp_demo_read_courses (GError **error)
{
  g_autoptr(GPtrArray) courses = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GStrv) names = NULL;

  g_return_val_if_fail (kp_core_get_resource () != NULL, NULL);

  names = g_resources_enumerate_children (DEMO_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (names == NULL)
    return NULL;
  qsort (names, g_strv_length (names), sizeof (char *), compare_names);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (DEMO_PATH, names[i], NULL);
      g_autoptr(GBytes) bytes = NULL;
      KpCourse *course;

      if (!g_str_has_suffix (names[i], ".kursplan.json"))
        continue;
      bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
      if (bytes == NULL)
        return NULL;
      course = kp_plan_read_bytes (bytes, NULL, error);
      if (course == NULL)
        {
          g_prefix_error (error, "%s: ", names[i]);
          return NULL;
        }
      g_ptr_array_add (courses, course);
    }
  return g_steal_pointer (&courses);
}

typedef struct
{
  GPtrArray *incoming;  /* KpCourse, read from the demo files */
  GPtrArray *to_save;
} DemoLoad;

/* What the database has of each course is read and saved back in one write transaction. */
static gboolean
demo_load_update (KpStore  *store,
                  gpointer  user_data,
                  GError  **error)
{
  DemoLoad *load = user_data;

  for (guint i = 0; i < load->incoming->len; i++)
    {
      KpCourse *course = g_ptr_array_index (load->incoming, i);
      g_autoptr(KpCourse) existing = NULL;

      if (kp_store_has_course (store, kp_course_get_id (course)))
        {
          existing = kp_store_load_course (store, kp_course_get_id (course), error);
          if (existing == NULL)
            return FALSE;
          kp_course_update_from (existing, course);
          g_ptr_array_add (load->to_save, g_steal_pointer (&existing));
        }
      else
        g_ptr_array_add (load->to_save, g_object_ref (course));
    }
  return kp_store_save_courses (store, load->to_save, error);
}

/**
 * kp_demo_load_courses:
 * @store: the database
 *
 * Imports the demo courses into @store in one transaction. A demo course already there is
 * updated in place (kp_course_update_from()), keeping its UUIDs.
 *
 * Returns: (transfer full) (element-type KpCourse) (nullable): the courses as saved
 */
GPtrArray *
kp_demo_load_courses (KpStore  *store,
                      GError  **error)
{
  g_autoptr(GPtrArray) incoming = NULL;
  g_autoptr(GPtrArray) to_save = g_ptr_array_new_with_free_func (g_object_unref);
  DemoLoad load;

  g_return_val_if_fail (KP_IS_STORE (store), NULL);

  incoming = kp_demo_read_courses (error);
  if (incoming == NULL)
    return NULL;

  load.incoming = incoming;
  load.to_save = to_save;
  if (!kp_store_update (store, demo_load_update, &load, error))
    return NULL;
  return g_steal_pointer (&to_save);
}

/**
 * kp_demo_load:
 * @store: the database
 *
 * Imports the demo courses, updating those already there in place.
 */
gboolean
kp_demo_load (KpStore  *store,
              GError  **error)
{
  g_autoptr(GPtrArray) courses = kp_demo_load_courses (store, error);

  return courses != NULL;
}

/**
 * kp_demo_load_if_new:
 * @store: the database
 *
 * Imports the demo courses only when @store was created just now (kp_store_is_new()), so a new
 * user opens an app with something in it, and a user who deleted them does not get them back.
 */
gboolean
kp_demo_load_if_new (KpStore  *store,
                     GError  **error)
{
  g_return_val_if_fail (KP_IS_STORE (store), FALSE);

  if (!kp_store_is_new (store))
    return TRUE;
  return kp_demo_load (store, error);
}
