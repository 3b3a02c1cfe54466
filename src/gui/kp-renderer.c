/* kp-renderer.c — draw with cairo, not OpenGL emulated on the CPU, on a machine with no GPU
 *
 * Without a GPU — a virtual machine, a thin client on a hospital's virtual desktop — Mesa
 * emulates OpenGL on the CPU (llvmpipe). GTK 4.8 then loads and sets up that emulation before
 * the first window shows (on the 2-core test machine about half a second of a start) and draws
 * every frame through it, slower than its cairo renderer would. GTK 4.14 and later refuse
 * llvmpipe themselves (gsk/gskrenderer.c), but only after setting up OpenGL to find out; a look
 * for the GPU's device nodes tells it before anything is loaded.
 *
 * A user who chose for themselves (GDK_DEBUG, GDK_DISABLE or GSK_RENDERER set) keeps that
 * choice. The variables are set before the first thread starts, as setenv() needs, and stay
 * set: the programs Kursplan starts on such a machine have no GPU either.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-renderer"

#include "config.h"

#include <gtk/gtk.h>

#include "kp-renderer.h"

/**
 * kp_renderer_has_gpu:
 * @dev_dir: where the device nodes are: "/dev"
 *
 * Returns: whether a GPU that can render is there: a DRM render node (dri/renderD*), or
 *   NVIDIA's own driver (nvidiactl)
 */
gboolean
kp_renderer_has_gpu (const char *dev_dir)
{
  g_autofree char *dri = g_build_filename (dev_dir, "dri", NULL);
  g_autofree char *nvidia = g_build_filename (dev_dir, "nvidiactl", NULL);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_file_test (nvidia, G_FILE_TEST_EXISTS))
    return TRUE;

  dir = g_dir_open (dri, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "renderD"))
      return TRUE;
  return FALSE;
}

/**
 * kp_renderer_avoid_software_gl:
 * @dev_dir: where the device nodes are: "/dev"
 *
 * Before GTK starts (and before any thread does): on a machine without a GPU, tells GTK not
 * to set up OpenGL and to draw with cairo — unless the user chose a renderer themselves.
 *
 * Returns: whether it did
 */
gboolean
kp_renderer_avoid_software_gl (const char *dev_dir)
{
  const char *renderer = g_getenv ("GSK_RENDERER");

  if (g_getenv ("GDK_DEBUG") != NULL || g_getenv ("GDK_DISABLE") != NULL)
    return FALSE;
  if (renderer != NULL && g_strcmp0 (renderer, "cairo") != 0)
    return FALSE;
  if (kp_renderer_has_gpu (dev_dir))
    return FALSE;

  /* GTK 4.16 moved the switch from GDK_DEBUG to GDK_DISABLE. */
  if (gtk_get_major_version () == 4 && gtk_get_minor_version () >= 16)
    g_setenv ("GDK_DISABLE", "gl", TRUE);
  else
    g_setenv ("GDK_DEBUG", "gl-disable", TRUE);
  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  g_debug ("No GPU: drawing with cairo rather than OpenGL emulated on the CPU");
  return TRUE;
}
