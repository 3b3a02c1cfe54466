/* test-slot-list-model.c — the sidebar's rows stay in place while the search changes the list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>

#include "kp-list-slot.h"
#include "kp-slot-list-model.h"

typedef struct {
  guint position, removed, added;
  guint n_signals;
} Change;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Change     *change)
{
  change->position = position;
  change->removed = removed;
  change->added = added;
  change->n_signals++;
}

static void
count_notify (KpListSlot *slot,
              GParamSpec *pspec,
              guint      *n_notified)
{
  (*n_notified)++;
}

static const char *
slot_text (GListModel *slots,
           guint       position)
{
  g_autoptr(KpListSlot) slot = g_list_model_get_item (slots, position);

  return gtk_string_object_get_string (kp_list_slot_get_item (slot));
}

static void
test_slots_stay_and_show_the_new_items (void)
{
  const char *words[] = { "a", "b", "c", "d", "e", NULL };
  GtkStringList *strings = gtk_string_list_new (words);
  g_autoptr(KpSlotListModel) model = kp_slot_list_model_new (G_LIST_MODEL (strings));
  GListModel *slots = G_LIST_MODEL (model);
  g_autoptr(KpListSlot) first = NULL;
  g_autoptr(KpListSlot) second = NULL;
  g_autoptr(KpListSlot) again = NULL;
  Change change = { 0 };
  guint n_notified = 0;

  g_assert_true (g_list_model_get_item_type (slots) == KP_TYPE_LIST_SLOT);
  g_assert_cmpuint (g_list_model_get_n_items (slots), ==, 5);
  g_assert_cmpstr (slot_text (slots, 0), ==, "a");
  g_assert_cmpstr (slot_text (slots, 4), ==, "e");
  g_assert_null (g_list_model_get_item (slots, 5));

  first = g_list_model_get_item (slots, 0);
  second = g_list_model_get_item (slots, 1);
  g_signal_connect (slots, "items-changed", G_CALLBACK (on_items_changed), &change);
  g_signal_connect (first, "notify::item", G_CALLBACK (count_notify), &n_notified);
  g_signal_connect (second, "notify::item", G_CALLBACK (count_notify), &n_notified);

  /* "a", "b", "c" go, as the first letter of a search would take them: the same slots now show
   * "d" and "e", and only the last three places go from the list. */
  gtk_string_list_splice (strings, 0, 3, NULL);
  g_assert_cmpuint (change.n_signals, ==, 1);
  g_assert_cmpuint (change.position, ==, 2);
  g_assert_cmpuint (change.removed, ==, 3);
  g_assert_cmpuint (change.added, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (slots), ==, 2);
  again = g_list_model_get_item (slots, 0);
  g_assert_true (again == first);
  g_assert_cmpstr (slot_text (slots, 0), ==, "d");
  g_assert_cmpstr (slot_text (slots, 1), ==, "e");
  g_assert_cmpuint (n_notified, ==, 2);

  /* A change behind the first two places leaves them be, and the list grows at the end. */
  {
    const char *more[] = { "f", "g", NULL };

    n_notified = 0;
    gtk_string_list_splice (strings, 2, 0, more);
    g_assert_cmpuint (n_notified, ==, 0);
    g_assert_cmpuint (change.n_signals, ==, 2);
    g_assert_cmpuint (change.position, ==, 2);
    g_assert_cmpuint (change.removed, ==, 0);
    g_assert_cmpuint (change.added, ==, 2);
    g_assert_cmpstr (slot_text (slots, 2), ==, "f");
    g_assert_cmpstr (slot_text (slots, 3), ==, "g");
  }

  /* The same number of items, others in them: no place comes or goes, the slots change. */
  {
    const char *other[] = { "x", NULL };

    n_notified = 0;
    gtk_string_list_splice (strings, 0, 1, other);
    g_assert_cmpuint (change.n_signals, ==, 2);
    g_assert_cmpuint (n_notified, ==, 1);
    g_assert_cmpstr (slot_text (slots, 0), ==, "x");
    g_assert_cmpstr (slot_text (slots, 1), ==, "e");
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/slot-list-model/slots-stay-and-show-the-new-items",
                   test_slots_stay_and_show_the_new_items);

  return g_test_run ();
}
