/* gui-manners.c — GNOME manners of the window: every control has a name, the shortcuts window
 * lists what the keyboard does, a 360 px window still works, the window state is remembered,
 * dark style
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>

#include "gui-shots.h"
#include "kp-course-view.h"
#include "kp-demo.h"
#include "kp-time.h"

typedef struct
{
  char          *dir;
  char          *db_path;
  KpApplication *app;
  KpWindow      *window;
} Fixture;

static KpCourse *
make_course (const char *title,
             const char *first_start,
             guint       n_sessions)
{
  return gui_fixture_make_course (NULL, title, KP_COURSE_STATUS_PLANNING, first_start, n_sessions,
                                  title);
}

static void
start_app (Fixture *fixture)
{
  fixture->window = gui_fixture_start_app (&fixture->app, fixture->db_path, 0);
  wait_ms (100);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(KpStore) store = NULL;
  g_autoptr(GPtrArray) courses = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  fixture->dir = gui_fixture_make_dir ("manners", &fixture->db_path);
  store = gui_fixture_reopen (fixture->db_path);
  if (data != NULL)
    {
      /* The demo courses: members with long names, contributions, every step filled in. */
      g_assert_true (kp_demo_load (store, &error));
      g_assert_no_error (error);
    }
  else
    {
      g_ptr_array_add (courses, make_course ("Å leve med kols", "2027-03-04T12:00", 4));
      g_ptr_array_add (courses, make_course ("Mestring av diabetes type 2", "2027-04-08T17:00",
                                             3));
      kp_store_save_courses (store, courses, &error);
      g_assert_no_error (error);
    }
  kp_store_flush (store, &error);
  g_assert_no_error (error);

  /* Each test starts from the schema's window state (settings live in memory for the run). */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);

    g_settings_reset (settings, "window-width");
    g_settings_reset (settings, "window-height");
    g_settings_reset (settings, "window-maximized");
    g_settings_reset (settings, "last-course");
  }
  start_app (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  wait_ms (20);
  g_clear_object (&fixture->app);
  gui_fixture_remove_dir (fixture->dir);
  g_free (fixture->db_path);
  g_free (fixture->dir);
}

/* -- every control has a name -------------------------------------------------------------- */

static gboolean
has_text (const char *text)
{
  return text != NULL && *text != '\0';
}

static gboolean
has_accessible_name (GtkWidget *widget)
{
  return gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget),
                                           GTK_ACCESSIBLE_PROPERTY_LABEL) ||
         gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget),
                                           GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/* A label inside the control names it (a button with text, AdwButtonContent, a row). */
static gboolean
has_label_inside (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_get_visible (child) &&
          has_text (gtk_label_get_text (GTK_LABEL (child))))
        return TRUE;
      if (has_label_inside (child))
        return TRUE;
    }
  return FALSE;
}

/* A row of a boxed list names the control in it by its title. */
static gboolean
has_row_title (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_ROW);

  return row != NULL && has_text (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
}

static gboolean
is_control (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_SWITCH (widget) ||
         GTK_IS_CHECK_BUTTON (widget) || GTK_IS_DROP_DOWN (widget) ||
         GTK_IS_SPIN_BUTTON (widget) || GTK_IS_SCALE (widget) || GTK_IS_ENTRY (widget) ||
         GTK_IS_SEARCH_ENTRY (widget) || GTK_IS_PASSWORD_ENTRY (widget) ||
         GTK_IS_TEXT_VIEW (widget) || GTK_IS_LIST_VIEW (widget) ||
         GTK_IS_COLUMN_VIEW (widget) || ADW_IS_SPLIT_BUTTON (widget);
}

/* The parts of a composite control (a menu button's button, a spin button's text, the window's
 * own title buttons) are named by the control or by GTK. */
static gboolean
is_composite (GtkWidget *widget)
{
  return GTK_IS_MENU_BUTTON (widget) || GTK_IS_DROP_DOWN (widget) ||
         GTK_IS_SPIN_BUTTON (widget) || GTK_IS_SEARCH_ENTRY (widget) ||
         GTK_IS_PASSWORD_ENTRY (widget) || GTK_IS_ENTRY (widget) ||
         ADW_IS_SPLIT_BUTTON (widget) || GTK_IS_WINDOW_CONTROLS (widget) ||
         GTK_IS_POPOVER (widget) || ADW_IS_ENTRY_ROW (widget);
}

static void
collect_unnamed (GtkWidget *widget,
                 GString   *unnamed,
                 guint     *n_controls)
{
  if (is_control (widget))
    {
      (*n_controls)++;
      if (!has_accessible_name (widget) &&
          !has_text (gtk_widget_get_tooltip_text (widget)) &&
          !has_label_inside (widget) &&
          !has_row_title (widget) &&
          !(GTK_IS_BUTTON (widget) && has_text (gtk_button_get_label (GTK_BUTTON (widget)))) &&
          !(GTK_IS_MENU_BUTTON (widget) &&
            has_text (gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)))))
        {
          GtkWidget *parent = gtk_widget_get_parent (widget);
          const char *icon = GTK_IS_BUTTON (widget) ?
                             gtk_button_get_icon_name (GTK_BUTTON (widget)) : NULL;

          g_string_append_printf (unnamed, "\n  %s%s%s in %s",
                                  G_OBJECT_TYPE_NAME (widget),
                                  icon != NULL ? " with icon " : "", icon != NULL ? icon : "",
                                  parent != NULL ? G_OBJECT_TYPE_NAME (parent) : "nothing");
        }
      /* Reachable by the keyboard: the control takes the focus itself, or its parts do. */
      if (!gtk_widget_get_focusable (widget) && !gtk_widget_get_can_focus (widget) &&
          !is_composite (widget))
        g_string_append_printf (unnamed, "\n  %s in %s cannot take the keyboard focus",
                                G_OBJECT_TYPE_NAME (widget),
                                G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)));
    }
  if (is_composite (widget))
    return;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_unnamed (child, unnamed, n_controls);
}

static void
assert_all_named (GtkWidget  *root,
                  const char *where)
{
  g_autoptr(GString) unnamed = g_string_new (NULL);
  guint n_controls = 0;

  collect_unnamed (root, unnamed, &n_controls);
  g_test_message ("%s: %u controls", where, n_controls);
  g_assert_cmpuint (n_controls, >, 3);
  if (unnamed->len > 0)
    g_error ("%s: controls without a label, tooltip or accessible name, or out of the keyboard's "
             "reach:%s", where, unnamed->str);
}

static void
test_every_control_has_a_name (Fixture       *fixture,
                               gconstpointer  data)
{
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 760);
  wait_ms (200);
  {
    GListModel *courses = kp_window_get_visible_courses (fixture->window);

    KpCourseView *view = KP_COURSE_VIEW (find_widget (GTK_WIDGET (fixture->window),
                                                      KP_TYPE_COURSE_VIEW));

    /* Each demo course on each step: a step's page is made when it is first shown. */
    g_assert_nonnull (view);
    g_assert_cmpuint (g_list_model_get_n_items (courses), >=, 3);
    for (guint i = 0; i < g_list_model_get_n_items (courses); i++)
      {
        g_autoptr(KpCourseSummary) summary = g_list_model_get_item (courses, i);

        g_assert_true (kp_window_select_course (fixture->window,
                                                kp_course_summary_get_id (summary)));
        for (KpStep step = 0; step < KP_N_STEPS; step++)
          {
            g_autofree char *where = g_strdup_printf ("%s, step %d",
                                                      kp_course_summary_get_title (summary),
                                                      step + 1);

            kp_course_view_set_step (view, step);
            wait_ms (100);
            assert_all_named (GTK_WIDGET (fixture->window), where);
          }
      }
  }

  /* The empty states and the search have controls of their own. */
  kp_window_set_search_text (fixture->window, "no course is called this");
  wait_ms (200);
  assert_all_named (GTK_WIDGET (fixture->window), "window with no search results");
}

/* -- the shortcuts window --------------------------------------------------------------------- */

static void
collect_accelerators (GtkWidget *widget,
                      GPtrArray *accels)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *accelerator = NULL;

      g_object_get (widget, "accelerator", &accelerator, NULL);
      if (accelerator != NULL)
        {
          g_auto(GStrv) each = g_strsplit (accelerator, " ", -1);

          for (guint i = 0; each[i] != NULL; i++)
            g_ptr_array_add (accels, g_strdup (each[i]));
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_accelerators (child, accels);
}

static gboolean
contains_accel (GPtrArray  *accels,
                const char *accel)
{
  guint key, wanted_key;
  GdkModifierType mods, wanted_mods;

  g_assert_true (gtk_accelerator_parse (accel, &wanted_key, &wanted_mods));
  for (guint i = 0; i < accels->len; i++)
    if (gtk_accelerator_parse (accels->pdata[i], &key, &mods) &&
        key == wanted_key && mods == wanted_mods)
      return TRUE;
  return FALSE;
}

/* The shortcuts @widget's class binds (gtk_widget_class_add_binding*) and the primary menu's
 * F10, as accelerators; with @own_only, not GTK's keybinding signals. */
static void
add_class_accels (GtkWidget *widget,
                  gboolean   own_only,
                  GPtrArray *accels)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      const char *name;

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      /* The class's bindings and F10 for the primary menu; not what children have put there. */
      name = gtk_event_controller_get_name (GTK_EVENT_CONTROLLER (controller));
      if (g_strcmp0 (name, "gtk-widget-class-shortcuts") != 0 &&
          g_strcmp0 (name, "gtk-window-menubar-accel") != 0)
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          /* GTK's own keys (focus moves, activation) are keybinding signals; the app's are
           * actions and callbacks. */
          if (!own_only || !GTK_IS_SIGNAL_ACTION (gtk_shortcut_get_action (shortcut)))
            if (GTK_IS_KEYVAL_TRIGGER (trigger))
              g_ptr_array_add (accels,
                               gtk_accelerator_name (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)),
                                                     gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger))));
        }
    }
}

/* The shortcuts the app's own widgets inside the window bind (the course view's Ctrl+Page Down,
 * a page's Ctrl+P), once per class. */
static void
add_app_widget_accels (GtkWidget  *widget,
                       GHashTable *seen,
                       GPtrArray  *accels)
{
  GType type = G_OBJECT_TYPE (widget);

  if (!GTK_IS_WINDOW (widget) && g_str_has_prefix (g_type_name (type), "Kp") &&
      g_hash_table_add (seen, GSIZE_TO_POINTER (type)))
    add_class_accels (widget, TRUE, accels);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    add_app_widget_accels (child, seen, accels);
}

static GPtrArray *
window_class_accels (GtkWidget *window)
{
  GPtrArray *accels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  add_class_accels (window, FALSE, accels);
  add_app_widget_accels (window, seen, accels);
  return accels;
}

static void
test_shortcuts_window (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char *required[] = {
    "<Control>n", "<Control>f", "<Control>p", "Delete", "<Control>z",
  };
  GtkWidget *help;
  g_autoptr(GPtrArray) listed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) bound = NULL;
  g_autoptr(GPtrArray) base = NULL;
  g_autoptr(GString) missing = g_string_new (NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                             "win.show-help-overlay", NULL));
  wait_ms (100);
  help = GTK_WIDGET (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (fixture->window)));
  g_assert_nonnull (help);
  g_assert_true (gtk_widget_get_visible (help));
  collect_accelerators (help, listed);
  gtk_window_close (GTK_WINDOW (help));

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    if (!contains_accel (listed, required[i]))
      g_string_append_printf (missing, " %s", required[i]);

  /* Every accelerator the window listens to is listed, and everything listed does something. */
  bound = window_class_accels (GTK_WIDGET (fixture->window));
  g_assert_cmpuint (bound->len, >=, 4);
  {
    /* What every GTK window binds (the inspector's keys, mnemonics) is not the app's to list. */
    GtkWidget *plain = adw_application_window_new (GTK_APPLICATION (fixture->app));

    base = window_class_accels (plain);
    gtk_window_destroy (GTK_WINDOW (plain));
  }
  for (guint i = 0; i < bound->len; i++)
    {
      if (contains_accel (base, bound->pdata[i]))
        continue;
      /* The keypad's Delete is the same key to the user. */
      if (g_str_has_suffix (bound->pdata[i], "KP_Delete"))
        continue;
      if (!contains_accel (listed, bound->pdata[i]))
        g_error ("the window binds %s, which the shortcuts window does not list",
                 (char *) bound->pdata[i]);
    }
  for (guint i = 0; i < listed->len; i++)
    {
      g_auto(GStrv) actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (fixture->app),
                                                                     listed->pdata[i]);

      if ((actions == NULL || actions[0] == NULL) && !contains_accel (bound, listed->pdata[i]))
        g_error ("the shortcuts window lists %s, which does nothing", (char *) listed->pdata[i]);
    }

  if (missing->len > 0)
    {
      /* Ctrl+P prints the brochure, which the window does not have yet. */
      if (g_strcmp0 (missing->str, " <Control>p") == 0 &&
          !g_action_group_has_action (G_ACTION_GROUP (fixture->window), "print"))
        g_test_skip ("Ctrl+P: the window has no print action yet");
      else
        g_error ("the shortcuts window does not list:%s", missing->str);
    }
}

/* -- a narrow window -------------------------------------------------------------------------- */

static GtkWidget *
template_widget (Fixture    *fixture,
                 const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fixture->window), KP_TYPE_WINDOW,
                                                    name));
}

static AdwLeaflet *
get_leaflet (Fixture *fixture)
{
  return ADW_LEAFLET (template_widget (fixture, "leaflet"));
}

/* The innermost widgets that ask for more than @width, for the failure message. */
static void
collect_wide (GtkWidget *widget,
              int        width,
              GString   *wide)
{
  gboolean child_is_wide = FALSE;
  int minimum;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      if (minimum > width)
        {
          child_is_wide = TRUE;
          collect_wide (child, width, wide);
        }
    }
  if (!child_is_wide)
    {
      gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      g_string_append_printf (wide, "\n  %s (%s%s%s) asks for %d px", G_OBJECT_TYPE_NAME (widget),
                              G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)),
                              gtk_widget_get_ancestor (widget, GTK_TYPE_STACK) ? " in a stack page " : "",
                              gtk_widget_get_ancestor (widget, GTK_TYPE_STACK) ?
                                gtk_stack_get_visible_child_name (GTK_STACK (gtk_widget_get_ancestor (widget, GTK_TYPE_STACK))) : "",
                              minimum);
    }
}

/* The shown widgets whose right edge lies past the window's, outside anything that scrolls
 * sideways: what a narrow window cuts off. */
static void
collect_cut_off (GtkWidget *window,
                 GtkWidget *widget,
                 KpStep     step,
                 GString   *cut)
{
  graphene_rect_t bounds;

  if (!gtk_widget_get_mapped (widget) || GTK_IS_SCROLLBAR (widget))
    return;
  if (GTK_IS_SCROLLED_WINDOW (widget))
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (widget));
      double overflow = gtk_adjustment_get_upper (adjustment) -
                        gtk_adjustment_get_page_size (adjustment);

      /* Scrolling sideways to read a form is cutting it off too. */
      if (overflow > 2)
        {
          g_string_append_printf (cut, "\n    step %d: a %s scrolls sideways by %.0f px:", step + 1,
                                  G_OBJECT_TYPE_NAME (widget), overflow);
          collect_wide (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (widget)),
                        gtk_widget_get_width (widget), cut);
          return;
        }
    }
  if (widget != window && gtk_widget_compute_bounds (widget, window, &bounds) &&
      bounds.origin.x + bounds.size.width > gtk_widget_get_width (window) + 2)
    {
      gboolean child_cut = FALSE;
      gsize len = cut->len;

      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        collect_cut_off (window, child, step, cut);
      child_cut = cut->len > len;
      /* Name the innermost widgets only. */
      if (!child_cut)
        g_string_append_printf (cut, "\n    step %d: %s in %s reaches %.0f px%s%s%s", step + 1,
                                G_OBJECT_TYPE_NAME (widget),
                                G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)),
                                bounds.origin.x + bounds.size.width,
                                GTK_IS_LABEL (widget) ? " (“" : "",
                                GTK_IS_LABEL (widget) ? gtk_label_get_text (GTK_LABEL (widget)) : "",
                                GTK_IS_LABEL (widget) ? "”)" : "");
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_cut_off (window, child, step, cut);
}

static void
test_narrow_window (Fixture       *fixture,
                    gconstpointer  data)
{
  AdwLeaflet *leaflet = get_leaflet (fixture);
  int minimum;

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 760);
  wait_ms (200);
  g_assert_false (adw_leaflet_get_folded (leaflet));

  /* Nothing in the window, the open course included, asks for more than 360 px. */
  gtk_widget_measure (GTK_WIDGET (leaflet), GTK_ORIENTATION_HORIZONTAL, -1,
                      &minimum, NULL, NULL, NULL);
  if (minimum > 360)
    {
      g_autoptr(GString) wide = g_string_new (NULL);

      collect_wide (GTK_WIDGET (leaflet), 360, wide);
      g_error ("the window cannot be 360 px wide, it needs %d:%s", minimum, wide->str);
    }

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 640);
  wait_ms (300);
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), ==, 360);
  g_assert_true (gtk_widget_get_mapped (template_widget (fixture, "content")) !=
                 gtk_widget_get_mapped (template_widget (fixture, "sidebar")));

  /* Folded, the course pane and the list are each a whole window wide, and every step of the
   * method fits in it: nothing is cut off at the right edge. */
  adw_leaflet_navigate (leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  wait_ms (400);
  {
    KpCourseView *view = KP_COURSE_VIEW (find_widget (GTK_WIDGET (fixture->window),
                                                      KP_TYPE_COURSE_VIEW));
    g_autoptr(GString) cut = g_string_new (NULL);

    GListModel *courses = kp_window_get_visible_courses (fixture->window);

    g_assert_nonnull (view);
    g_assert_cmpuint (g_list_model_get_n_items (courses), >=, 3);
    for (guint i = 0; i < g_list_model_get_n_items (courses); i++)
      {
        g_autoptr(KpCourseSummary) summary = g_list_model_get_item (courses, i);

        g_assert_true (kp_window_select_course (fixture->window,
                                                kp_course_summary_get_id (summary)));
        adw_leaflet_navigate (leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
        for (KpStep step = 0; step < KP_N_STEPS; step++)
          {
            gsize len = cut->len;

            kp_course_view_set_step (view, step);
            wait_ms (150);
            collect_cut_off (GTK_WIDGET (fixture->window), GTK_WIDGET (fixture->window), step,
                             cut);
            if (cut->len > len)
              {
                g_autofree char *course = g_strdup_printf ("\n  %s:",
                                                           kp_course_summary_get_title (summary));

                g_string_insert (cut, len, course);
              }
          }
      }
    kp_course_view_set_step (view, KP_STEP_NEED);
    if (cut->len > 0)
      g_error ("at 360 px, widgets reach past the window's right edge:%.4000s", cut->str);
  }
  g_assert_true (gtk_widget_get_mapped (template_widget (fixture, "content")));
  g_assert_cmpint (gtk_widget_get_width (template_widget (fixture, "content")), ==, 360);
  assert_all_named (GTK_WIDGET (fixture->window), "narrow window");
}

/* -- window state ----------------------------------------------------------------------------- */

/* Maximizing is the window manager's work: Xvfb has none, so the test brings openbox along
 * (.ci/install-deps installs it). Returns the process to end, or %NULL to skip the test. */
static GSubprocess *
start_window_manager (void)
{
  g_autoptr(GSubprocess) wm = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *openbox = g_find_program_in_path ("openbox");
  GdkDisplay *display = gdk_display_get_default ();

  if (openbox == NULL)
    {
      g_test_skip ("openbox is not installed: no window manager to maximize the window");
      return NULL;
    }
  wm = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                         &error, openbox, "--sm-disable", NULL);
  g_assert_no_error (error);
  /* openbox announces itself on the root window once it manages the screen. */
  for (guint i = 0; i < 100; i++)
    {
      wait_ms (50);
      if (GDK_IS_X11_DISPLAY (display) &&
          gdk_x11_screen_supports_net_wm_hint (gdk_x11_display_get_screen (GDK_X11_DISPLAY (display)),
                                               "_NET_WM_STATE_MAXIMIZED_VERT"))
        return g_steal_pointer (&wm);
    }
  g_subprocess_force_exit (wm);
  g_test_skip ("openbox did not start");
  return NULL;
}

static void
test_window_remembers_maximized (Fixture       *fixture,
                                 gconstpointer  data)
{
  GSettings *settings = kp_application_get_settings (fixture->app);
  g_autoptr(GSubprocess) wm = NULL;
  int width, height;

  g_assert_nonnull (settings);
  wm = start_window_manager ();
  if (wm == NULL)
    return;
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 880, 620);
  wait_ms (100);
  gtk_window_close (GTK_WINDOW (fixture->window));
  wait_ms (50);
  fixture->window = NULL;
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 880);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 620);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  /* Maximized, the window keeps the size it had before for when it is unmaximized. */
  g_settings_set_boolean (settings, "window-maximized", TRUE);
  g_clear_object (&fixture->app);
  start_app (fixture);
  g_assert_true (g_settings_get_boolean (kp_application_get_settings (fixture->app),
                                         "window-maximized"));
  for (guint i = 0; i < 40 && !gtk_window_is_maximized (GTK_WINDOW (fixture->window)); i++)
    wait_ms (50);
  g_test_message ("maximized: %d × %d", gtk_widget_get_width (GTK_WIDGET (fixture->window)),
                  gtk_widget_get_height (GTK_WIDGET (fixture->window)));
  g_assert_true (gtk_window_is_maximized (GTK_WINDOW (fixture->window)));
  gtk_window_get_default_size (GTK_WINDOW (fixture->window), &width, &height);
  g_assert_cmpint (width, ==, 880);
  g_assert_cmpint (height, ==, 620);
  settings = kp_application_get_settings (fixture->app);
  gtk_window_close (GTK_WINDOW (fixture->window));
  wait_ms (50);
  fixture->window = NULL;
  g_assert_true (g_settings_get_boolean (settings, "window-maximized"));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 880);

  /* Unmaximized again, it opens unmaximized at its size. */
  g_settings_set_boolean (settings, "window-maximized", FALSE);
  g_clear_object (&fixture->app);
  start_app (fixture);
  wait_ms (200);
  g_assert_false (gtk_window_is_maximized (GTK_WINDOW (fixture->window)));
  gtk_window_get_default_size (GTK_WINDOW (fixture->window), &width, &height);
  g_assert_cmpint (width, ==, 880);
  g_assert_cmpint (height, ==, 620);
  /* The window is that size, less the resize borders the window manager may take. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), >=, 860);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), <=, 880);

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  fixture->window = NULL;
  g_subprocess_send_signal (wm, SIGTERM);
  g_subprocess_wait (wm, NULL, NULL);
}

/* The settings hold no secret: the calendar password lives in the keyring. */
static void
test_settings_hold_no_password (void)
{
  g_autoptr(GSettingsSchema) schema =
    g_settings_schema_source_lookup (g_settings_schema_source_get_default (), APP_ID, TRUE);
  g_auto(GStrv) keys = NULL;
  static const char *wanted[] = {
    "window-width", "window-height", "window-maximized", "last-course", "brochure-layout",
    "caldav-url", "caldav-user",
  };

  g_assert_nonnull (schema);
  for (guint i = 0; i < G_N_ELEMENTS (wanted); i++)
    g_assert_true (g_settings_schema_has_key (schema, wanted[i]));
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_assert_null (strstr (keys[i], "password"));
      g_assert_null (strstr (keys[i], "secret"));
    }
}

/* -- dark style ------------------------------------------------------------------------------- */

/* The mean luminance (0 black … 1 white) of the middle of @widget, where its background shows. */
static double
luminance_of (GtkWidget *window,
              GtkWidget *widget)
{
  g_autoptr(GdkTexture) texture = render_window (GTK_WINDOW (window));
  gsize stride = gdk_texture_get_width (texture) * 4;
  g_autofree guchar *pixels = g_malloc (stride * gdk_texture_get_height (texture));
  graphene_rect_t bounds;
  double sum = 0;
  guint n = 0;

  g_assert_true (gtk_widget_compute_bounds (widget, window, &bounds));
  gdk_texture_download (texture, pixels, stride);  /* B G R A on little endian */
  for (int y = bounds.origin.y + bounds.size.height / 4;
       y < bounds.origin.y + bounds.size.height * 3 / 4; y += 4)
    for (int x = bounds.origin.x + bounds.size.width / 4;
         x < bounds.origin.x + bounds.size.width * 3 / 4; x += 4)
      {
        guchar *p = pixels + y * stride + x * 4;

        sum += 0.0722 * p[0] + 0.7152 * p[1] + 0.2126 * p[2];
        n++;
      }
  g_assert_cmpuint (n, >, 0);
  return sum / n / 255.0;
}

static void
test_dark_style (Fixture       *fixture,
                 gconstpointer  data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkWidget *sidebar = template_widget (fixture, "sidebar");
  GtkWidget *content = template_widget (fixture, "content");
  double light_sidebar, light_content, dark_sidebar, dark_content;

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 760);
  wait_ms (300);
  light_sidebar = luminance_of (GTK_WIDGET (fixture->window), sidebar);
  light_content = luminance_of (GTK_WIDGET (fixture->window), content);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  wait_ms (300);
  g_assert_true (adw_style_manager_get_dark (style));
  dark_sidebar = luminance_of (GTK_WIDGET (fixture->window), sidebar);
  dark_content = luminance_of (GTK_WIDGET (fixture->window), content);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  wait_ms (100);

  g_test_message ("luminance light %.2f / %.2f, dark %.2f / %.2f", light_sidebar, light_content,
                  dark_sidebar, dark_content);
  /* Nothing keeps a light background of its own in dark style. */
  g_assert_cmpfloat (light_sidebar, >, 0.8);
  g_assert_cmpfloat (light_content, >, 0.8);
  g_assert_cmpfloat (dark_sidebar, <, 0.3);
  g_assert_cmpfloat (dark_content, <, 0.3);
}

int
main (int    argc,
      char **argv)
{
  /* The accessible properties are read from GTK's test backend, not a screen reader's bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/manners/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  g_test_add ("/manners/every-control-has-a-name", Fixture, "demo", fixture_set_up,
              test_every_control_has_a_name, fixture_tear_down);
  ADD ("shortcuts-window", test_shortcuts_window);
  g_test_add ("/manners/narrow-window", Fixture, "demo", fixture_set_up, test_narrow_window,
              fixture_tear_down);
  ADD ("window-remembers-maximized", test_window_remembers_maximized);
  ADD ("dark-style", test_dark_style);
#undef ADD
  g_test_add_func ("/manners/settings-hold-no-password", test_settings_hold_no_password);

  return g_test_run ();
}
