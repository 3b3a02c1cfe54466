/* kp-holidays.c — Norway's public holidays, any year
 *
 * The fixed days, and the movable feasts counted from Easter Sunday, which the Gregorian
 * computus gives (the "anonymous" algorithm of Meeus/Jones/Butcher, valid for every year from
 * 1583). Sundays that are feasts (Easter Day, Whit Sunday) are named too: a session on one of
 * them clashes just the same.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-holidays"

#include "config.h"

#include "kp-holidays.h"
#include "kp-i18n.h"

/**
 * kp_holidays_get_easter:
 * @year: a Gregorian year, 1583 or later
 * @easter: (out caller-allocates): set to Easter Sunday of @year
 */
void
kp_holidays_get_easter (int    year,
                        GDate *easter)
{
  int a, b, c, d, e, f, g, h, i, k, l, m, month, day;

  g_return_if_fail (easter != NULL);
  g_return_if_fail (year >= 1583 && year <= 9999);

  a = year % 19;
  b = year / 100;
  c = year % 100;
  d = b / 4;
  e = b % 4;
  f = (b + 8) / 25;
  g = (b - f + 1) / 3;
  h = (19 * a + b - d - g + 15) % 30;
  i = c / 4;
  k = c % 4;
  l = (32 + 2 * e + 2 * i - h - k) % 7;
  m = (a + 11 * h + 22 * l) / 451;
  month = (h + l - 7 * m + 114) / 31;
  day = (h + l - 7 * m + 114) % 31 + 1;

  g_date_clear (easter, 1);
  g_date_set_dmy (easter, day, month, year);
}

/**
 * kp_holidays_lookup:
 * @date: a valid day
 *
 * Returns: (nullable): the translated name of the public holiday on @date ("Constitution
 *   Day"), or %NULL on an ordinary day
 */
const char *
kp_holidays_lookup (const GDate *date)
{
  static const struct { int offset; const char *name; } movable[] = {
    { -3, N_("Maundy Thursday") },
    { -2, N_("Good Friday") },
    {  0, N_("Easter Sunday") },
    {  1, N_("Easter Monday") },
    { 39, N_("Ascension Day") },
    { 49, N_("Whit Sunday") },
    { 50, N_("Whit Monday") },
  };
  static const struct { GDateMonth month; GDateDay day; const char *name; } fixed[] = {
    { G_DATE_JANUARY,   1, N_("New Year’s Day") },
    { G_DATE_MAY,       1, N_("Labour Day") },
    { G_DATE_MAY,      17, N_("Constitution Day") },
    { G_DATE_DECEMBER, 25, N_("Christmas Day") },
    { G_DATE_DECEMBER, 26, N_("Boxing Day") },
  };
  GDate easter;
  int offset;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  for (guint n = 0; n < G_N_ELEMENTS (fixed); n++)
    if (g_date_get_month (date) == fixed[n].month && g_date_get_day (date) == fixed[n].day)
      return _(fixed[n].name);

  if (g_date_get_year (date) < 1583)
    return NULL;
  kp_holidays_get_easter (g_date_get_year (date), &easter);
  offset = (int) g_date_get_julian (date) - (int) g_date_get_julian (&easter);
  for (guint n = 0; n < G_N_ELEMENTS (movable); n++)
    if (offset == movable[n].offset)
      return _(movable[n].name);

  return NULL;
}

/**
 * kp_holidays_lookup_dmy:
 *
 * Returns: (nullable): as kp_holidays_lookup(), or %NULL when the day does not exist
 */
const char *
kp_holidays_lookup_dmy (int year,
                        int month,
                        int day)
{
  GDate date;

  if (!g_date_valid_dmy (day, month, year))
    return NULL;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return kp_holidays_lookup (&date);
}
