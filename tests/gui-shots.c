/* gui-shots.c — what the GUI tests share: running the main loop, opening the window on a test
 * database, and writing what it shows to build/tests/screenshots/NAME.png
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "gui-shots.h"

static char *shot_dir;

/* Sends the PNGs to @dir instead (made if need be): the metainfo's screenshots go to the source
 * tree's data/screenshots when asked to. */
void
gui_shots_set_dir (const char *dir)
{
  g_free (shot_dir);
  shot_dir = g_strdup (dir);
  g_mkdir_with_parents (shot_dir, 0755);
}

/* The folder the PNGs go to, made on first use: build/tests/screenshots. */
const char *
gui_shots_get_dir (void)
{
  if (shot_dir == NULL)
    {
      shot_dir = g_build_filename (g_test_get_dir (G_TEST_BUILT), "screenshots", NULL);
      g_mkdir_with_parents (shot_dir, 0755);
    }
  return shot_dir;
}

/* A window of its own application (a new id each time, so none is taken for a second instance). */
KpWindow *
open_window (KpApplication **app_out,
             const char     *db_path,
             int             width,
             int             height)
{
  KpWindow *window = gui_fixture_start_app (app_out, db_path, 0);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  wait_ms (400);
  return window;
}

void
close_window (KpApplication *app,
              KpWindow      *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  wait_ms (50);
  g_object_unref (app);
}

/* What the window shows, as the compositor would get it. */
GdkTexture *
render_window (GtkWindow *window)
{
  GtkWidget *widget = GTK_WIDGET (window);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  GtkSnapshot *snapshot;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                      &GRAPHENE_RECT_INIT (0, 0, width, height));
}

/* Renders what the window shows, as the compositor would get it, into NAME.png. */
void
save_shot (GtkWindow  *window,
           const char *name)
{
  GtkWidget *widget = GTK_WIDGET (window);
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  g_autofree char *path = g_build_filename (gui_shots_get_dir (), file, NULL);
  int width, height;

  wait_ms (300);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  texture = render_window (window);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_assert_cmpint (gdk_texture_get_width (texture), ==, width);
  g_test_message ("wrote %s (%d × %d)", path, width, height);
}
