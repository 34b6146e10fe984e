/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-core"

#include "config.h"

#include <string.h>

#include "sc-types.h"

ScDay
sc_day_from_ymd (int year,
                 int month,
                 int day)
{
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1)
    return SC_DAY_NONE;
  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return SC_DAY_NONE;

  GDate date;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return g_date_get_julian (&date);
}

ScDay
sc_day_parse (const char *text)
{
  int y = 0, m = 0, d = 0;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return SC_DAY_NONE;
  for (int i = 0; i < 10; i++)
    {
      if (i == 4 || i == 7)
        continue;
      if (!g_ascii_isdigit (text[i]))
        return SC_DAY_NONE;
    }
  y = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  m = (text[5] - '0') * 10 + (text[6] - '0');
  d = (text[8] - '0') * 10 + (text[9] - '0');
  return sc_day_from_ymd (y, m, d);
}

void
sc_day_to_ymd (ScDay  day,
               int   *year,
               int   *month,
               int   *dayp)
{
  GDate date;

  g_return_if_fail (day != SC_DAY_NONE);

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  if (year)
    *year = g_date_get_year (&date);
  if (month)
    *month = g_date_get_month (&date);
  if (dayp)
    *dayp = g_date_get_day (&date);
}

/* Years 1 … 9999 without GDate and printf: the Gregorian date of a GDate
 * Julian day by the days-to-civil algorithm (H. Hinnant), a tenth of the
 * cost; reasons and reports write hundreds of dates. */
char *
sc_day_format (ScDay  day,
               char  *buf)
{
  gint64 z, era, doe, yoe, doy, mp, y, m, d;

  if (day == SC_DAY_NONE)
    {
      buf[0] = '\0';
      return buf;
    }
  if (day > 3652059)   /* 3652059 = 9999-12-31 */
    {
      int yy, mm, dd;

      sc_day_to_ymd (day, &yy, &mm, &dd);
      g_snprintf (buf, 11, "%04d-%02d-%02d", yy, mm, dd);
      return buf;
    }
  z = (gint64) day - 1 - 719162 + 719468;       /* days since 0000-03-01 */
  era = z / 146097;
  doe = z - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y = yoe + era * 400 + (m <= 2);
  buf[0] = (char) ('0' + y / 1000);
  buf[1] = (char) ('0' + y / 100 % 10);
  buf[2] = (char) ('0' + y / 10 % 10);
  buf[3] = (char) ('0' + y % 10);
  buf[4] = '-';
  buf[5] = (char) ('0' + m / 10);
  buf[6] = (char) ('0' + m % 10);
  buf[7] = '-';
  buf[8] = (char) ('0' + d / 10);
  buf[9] = (char) ('0' + d % 10);
  buf[10] = '\0';
  return buf;
}

ScDay
sc_day_add_months (ScDay day,
                   int   months)
{
  GDate date;

  g_return_val_if_fail (day != SC_DAY_NONE, SC_DAY_NONE);

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  if (months >= 0)
    g_date_add_months (&date, (guint) months);
  else
    g_date_subtract_months (&date, (guint) -months);
  return g_date_get_julian (&date);
}

gboolean
sc_window_contains (const ScWindow *window,
                    ScDay           day)
{
  if (day == SC_DAY_NONE)
    return FALSE;
  if (window->start != SC_DAY_NONE && day < window->start)
    return FALSE;
  if (window->end != SC_DAY_NONE && day >= window->end)
    return FALSE;
  return TRUE;
}

guint
sc_window_overlap (const ScWindow *window,
                   ScDay           from,
                   ScDay           to)
{
  ScDay lo = from, hi = to;

  if (window->start != SC_DAY_NONE && window->start > lo)
    lo = window->start;
  if (window->end != SC_DAY_NONE && window->end < hi)
    hi = window->end;
  return hi > lo ? hi - lo : 0;
}

void
sc_text_clear (ScText *text)
{
  g_clear_pointer (&text->zh, g_free);
  g_clear_pointer (&text->en, g_free);
}

void
sc_text_copy (ScText       *dest,
              const ScText *src)
{
  dest->zh = g_strdup (src->zh);
  dest->en = g_strdup (src->en);
}

const char *
sc_text_get (const ScText *text,
             const char   *lang)
{
  gboolean zh = lang != NULL && g_str_has_prefix (lang, "zh");
  const char *first = zh ? text->zh : text->en;
  const char *second = zh ? text->en : text->zh;

  if (first != NULL && *first != '\0')
    return first;
  if (second != NULL)
    return second;
  return "";
}

const char *
sc_lang_current (void)
{
  const char * const *names = g_get_language_names ();

  /* The first name that is a real language decides; "C" means English. */
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_has_prefix (names[i], "zh"))
        return "zh";
      if (g_str_equal (names[i], "C") || g_str_has_prefix (names[i], "en"))
        return "en";
      if (g_ascii_isalpha (names[i][0]) && g_ascii_isalpha (names[i][1]))
        return "en";
    }
  return "en";
}

static const struct
{
  ScBasis     basis;
  const char *name;
} basis_names[] = {
  { SC_BASIS_STATED, "stated" },
  { SC_BASIS_ASSUMED, "assumed" },
  { SC_BASIS_PROFILE, "profile" },
};

const char *
sc_basis_to_string (ScBasis basis)
{
  /* Not in the table: no file may say basis="expected". */
  if (basis == SC_BASIS_EXPECTED)
    return "expected";
  for (guint i = 0; i < G_N_ELEMENTS (basis_names); i++)
    if (basis_names[i].basis == basis)
      return basis_names[i].name;
  return "stated";
}

gboolean
sc_basis_from_string (const char *s,
                      ScBasis    *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (basis_names); i++)
    if (g_strcmp0 (basis_names[i].name, s) == 0)
      {
        *out = basis_names[i].basis;
        return TRUE;
      }
  return FALSE;
}

void
sc_number_clear (ScNumber *number)
{
  sc_text_clear (&number->note);
  g_clear_pointer (&number->source_id, g_free);
}
