/* test-renderer.c — cairo instead of OpenGL emulated on the CPU, only where there is no GPU
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "kp-renderer.h"

static char *
make_dev_dir (const char *const *nodes)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("kursplan-dev-XXXXXX", &error);

  g_assert_no_error (error);
  for (guint i = 0; nodes[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (dir, nodes[i], NULL);
      g_autofree char *parent = g_path_get_dirname (path);

      g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
      g_assert_true (g_file_set_contents (path, "", 0, NULL));
    }
  return dir;
}

static void
remove_dev_dir (const char *dir)
{
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", dir);

  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
}

static void
clear_environment (void)
{
  g_unsetenv ("GDK_DEBUG");
  g_unsetenv ("GDK_DISABLE");
  g_unsetenv ("GSK_RENDERER");
}

static void
test_gpu_is_a_render_node (void)
{
  const char *none[] = { NULL };
  const char *card_only[] = { "dri/card0", NULL };
  const char *render_node[] = { "dri/card0", "dri/renderD128", NULL };
  const char *nvidia[] = { "nvidiactl", "nvidia0", NULL };
  g_autofree char *dir_none = make_dev_dir (none);
  g_autofree char *dir_card = make_dev_dir (card_only);
  g_autofree char *dir_render = make_dev_dir (render_node);
  g_autofree char *dir_nvidia = make_dev_dir (nvidia);

  g_assert_false (kp_renderer_has_gpu (dir_none));
  /* A display controller alone (a virtual machine's framebuffer) renders nothing. */
  g_assert_false (kp_renderer_has_gpu (dir_card));
  g_assert_true (kp_renderer_has_gpu (dir_render));
  g_assert_true (kp_renderer_has_gpu (dir_nvidia));
  g_assert_false (kp_renderer_has_gpu ("/nonexistent-kursplan-dev"));

  remove_dev_dir (dir_none);
  remove_dev_dir (dir_card);
  remove_dev_dir (dir_render);
  remove_dev_dir (dir_nvidia);
}

static void
test_no_gpu_draws_with_cairo (void)
{
  const char *none[] = { NULL };
  g_autofree char *dir = make_dev_dir (none);

  clear_environment ();
  g_assert_true (kp_renderer_avoid_software_gl (dir));
  g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "cairo");
  if (gtk_get_minor_version () >= 16)
    g_assert_cmpstr (g_getenv ("GDK_DISABLE"), ==, "gl");
  else
    g_assert_cmpstr (g_getenv ("GDK_DEBUG"), ==, "gl-disable");

  /* The user's own choice stands. */
  clear_environment ();
  g_setenv ("GSK_RENDERER", "ngl", TRUE);
  g_assert_false (kp_renderer_avoid_software_gl (dir));
  g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "ngl");
  g_assert_null (g_getenv ("GDK_DEBUG"));
  g_assert_null (g_getenv ("GDK_DISABLE"));

  clear_environment ();
  g_setenv ("GDK_DEBUG", "interactive", TRUE);
  g_assert_false (kp_renderer_avoid_software_gl (dir));
  g_assert_cmpstr (g_getenv ("GDK_DEBUG"), ==, "interactive");
  g_assert_null (g_getenv ("GSK_RENDERER"));

  clear_environment ();
  remove_dev_dir (dir);
}

static void
test_gpu_keeps_opengl (void)
{
  const char *render_node[] = { "dri/renderD128", NULL };
  g_autofree char *dir = make_dev_dir (render_node);

  clear_environment ();
  g_assert_false (kp_renderer_avoid_software_gl (dir));
  g_assert_null (g_getenv ("GSK_RENDERER"));
  g_assert_null (g_getenv ("GDK_DEBUG"));
  g_assert_null (g_getenv ("GDK_DISABLE"));
  remove_dev_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/renderer/gpu-is-a-render-node", test_gpu_is_a_render_node);
  g_test_add_func ("/renderer/no-gpu-draws-with-cairo", test_no_gpu_draws_with_cairo);
  g_test_add_func ("/renderer/gpu-keeps-opengl", test_gpu_keeps_opengl);

  return g_test_run ();
}
