/* test-holidays.c — Norway's public holidays: Easter by the computus, the days counted from it,
 * the fixed days, and ordinary days that are none
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kp-holidays.h"

static void
assert_easter (int year,
               int month,
               int day)
{
  GDate easter;

  kp_holidays_get_easter (year, &easter);
  g_assert_cmpint (g_date_get_year (&easter), ==, year);
  g_assert_cmpint (g_date_get_month (&easter), ==, month);
  g_assert_cmpint (g_date_get_day (&easter), ==, day);
}

static void
test_easter_by_computus (void)
{
  assert_easter (2026, 4, 5);
  assert_easter (2027, 3, 28);
  assert_easter (2028, 4, 16);
  assert_easter (2024, 3, 31);
  assert_easter (2025, 4, 20);
  assert_easter (2019, 4, 21);
  assert_easter (2000, 4, 23);
  /* The earliest and the latest Easter there can be. */
  assert_easter (2285, 3, 22);
  assert_easter (2038, 4, 25);
  assert_easter (1943, 4, 25);
}

static void
test_movable_feasts_2027 (void)
{
  g_assert_cmpstr (kp_holidays_lookup_dmy (2027, 3, 25), ==, "Maundy Thursday");
  g_assert_cmpstr (kp_holidays_lookup_dmy (2027, 3, 26), ==, "Good Friday");
  g_assert_cmpstr (kp_holidays_lookup_dmy (2027, 3, 28), ==, "Easter Sunday");
  g_assert_cmpstr (kp_holidays_lookup_dmy (2027, 3, 29), ==, "Easter Monday");
  g_assert_cmpstr (kp_holidays_lookup_dmy (2027, 5, 6), ==, "Ascension Day");
  g_assert_cmpstr (kp_holidays_lookup_dmy (2027, 5, 16), ==, "Whit Sunday");
  g_assert_cmpstr (kp_holidays_lookup_dmy (2027, 5, 17), ==, "Constitution Day");
  /* Easter Saturday is no public holiday. */
  g_assert_null (kp_holidays_lookup_dmy (2027, 3, 27));
  g_assert_null (kp_holidays_lookup_dmy (2027, 3, 24));
  g_assert_null (kp_holidays_lookup_dmy (2027, 3, 30));
}

static void
test_movable_feasts_2026_and_2028 (void)
{
  g_assert_cmpstr (kp_holidays_lookup_dmy (2026, 4, 2), ==, "Maundy Thursday");
  g_assert_cmpstr (kp_holidays_lookup_dmy (2026, 4, 3), ==, "Good Friday");
  g_assert_cmpstr (kp_holidays_lookup_dmy (2026, 4, 6), ==, "Easter Monday");
  g_assert_cmpstr (kp_holidays_lookup_dmy (2026, 5, 14), ==, "Ascension Day");
  g_assert_cmpstr (kp_holidays_lookup_dmy (2026, 5, 25), ==, "Whit Monday");
  g_assert_cmpstr (kp_holidays_lookup_dmy (2028, 4, 13), ==, "Maundy Thursday");
  g_assert_cmpstr (kp_holidays_lookup_dmy (2028, 4, 17), ==, "Easter Monday");
  g_assert_cmpstr (kp_holidays_lookup_dmy (2028, 5, 25), ==, "Ascension Day");
  g_assert_cmpstr (kp_holidays_lookup_dmy (2028, 6, 4), ==, "Whit Sunday");
  g_assert_cmpstr (kp_holidays_lookup_dmy (2028, 6, 5), ==, "Whit Monday");
  g_assert_null (kp_holidays_lookup_dmy (2028, 3, 28));
}

static void
test_fixed_days (void)
{
  GDate date;

  g_assert_cmpstr (kp_holidays_lookup_dmy (2027, 1, 1), ==, "New Year’s Day");
  g_assert_cmpstr (kp_holidays_lookup_dmy (2027, 5, 1), ==, "Labour Day");
  g_assert_cmpstr (kp_holidays_lookup_dmy (2022, 5, 17), ==, "Constitution Day");
  g_assert_cmpstr (kp_holidays_lookup_dmy (2027, 12, 25), ==, "Christmas Day");
  g_assert_cmpstr (kp_holidays_lookup_dmy (2027, 12, 26), ==, "Boxing Day");
  g_assert_null (kp_holidays_lookup_dmy (2027, 12, 24));
  g_assert_null (kp_holidays_lookup_dmy (2027, 12, 31));
  g_assert_null (kp_holidays_lookup_dmy (2027, 5, 18));
  g_assert_null (kp_holidays_lookup_dmy (2027, 2, 30));

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 17, G_DATE_MAY, 2022);
  g_assert_cmpint (g_date_get_weekday (&date), ==, G_DATE_TUESDAY);
  g_assert_cmpstr (kp_holidays_lookup (&date), ==, "Constitution Day");
  g_date_set_dmy (&date, 7, G_DATE_OCTOBER, 2027);
  g_assert_null (kp_holidays_lookup (&date));
}

/* Twelve a year, one fewer where a feast falls on a fixed day (Whit Monday on 17 May 2027,
 * Ascension Day on 1 May 2008): the fixed day's name is the one given. */
static void
test_twelve_each_year (void)
{
  for (int year = 1990; year <= 2100; year++)
    {
      GDate date;
      guint count = 0;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, G_DATE_JANUARY, year);
      while (g_date_get_year (&date) == year)
        {
          if (kp_holidays_lookup (&date) != NULL)
            count++;
          g_date_add_days (&date, 1);
        }
      if (year == 2027 || year == 2008 || year == 2007)
        g_assert_cmpuint (count, ==, 11);
      else if (year == 2026 || year == 2028)
        g_assert_cmpuint (count, ==, 12);
      else
        g_assert_cmpuint (count, >=, 11);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/holidays/easter-by-computus", test_easter_by_computus);
  g_test_add_func ("/holidays/movable-feasts-2027", test_movable_feasts_2027);
  g_test_add_func ("/holidays/movable-feasts-2026-and-2028", test_movable_feasts_2026_and_2028);
  g_test_add_func ("/holidays/fixed-days", test_fixed_days);
  g_test_add_func ("/holidays/twelve-each-year", test_twelve_each_year);

  return g_test_run ();
}
