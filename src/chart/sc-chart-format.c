/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-chart"

#include "config.h"

#include "sc-chart-format.h"

#include "sc-format.h"
#include "sc-i18n.h"

#include <math.h>
#include <string.h>

static double
round_sig (double value,
           int    digits)
{
  double mag;

  if (value == 0 || !isfinite (value))
    return value;
  mag = pow (10, digits - 1 - (int) floor (log10 (fabs (value))));
  return round (value * mag) / mag;
}

/* Integer part with thousands separators, as readers of both languages expect. */
static void
append_grouped (GString *out,
                double   whole)
{
  char digits[64], buf[96];

  g_snprintf (digits, sizeof digits, "%.0f", whole);
  g_string_append (out, sc_format_group (buf, sizeof buf, digits));
}

/* @value ≥ 0 with up to @decimals decimals, trailing zeros dropped, dot decimal. */
static void
append_decimal (GString *out,
                double   value,
                int      decimals)
{
  char buf[64];

  g_ascii_formatd (buf, sizeof buf, decimals == 0 ? "%.0f" : (decimals == 1 ? "%.1f" : (decimals == 2 ? "%.2f" : "%.3f")), value);
  sc_format_trim_zeros (buf);
  g_string_append (out, buf);
}

char *
sc_chart_format_number (double      value,
                        const char *lang,
                        int         digits)
{
  static const struct { double factor; const char *suffix; } zh_units[] = {
    { 1e12, "万亿" }, { 1e8, "亿" }, { 1e4, "万" },
  }, en_units[] = {
    { 1e12, "T" }, { 1e9, "B" }, { 1e6, "M" }, { 1e3, "k" },
  };
  gboolean zh = sc_lang_from_code (lang) == SC_LANG_ZH;
  GString *out;
  double a;

  if (!isfinite (value))
    return g_strdup ("–");
  if (digits < 1)
    digits = 1;

  out = g_string_new (NULL);
  a = fabs (value);
  /* Round first so 999,950 becomes "1M", not "1000k". */
  a = round_sig (a, digits);
  if (value < 0 && a != 0)
    g_string_append (out, "−");

  for (guint i = 0; i < (zh ? G_N_ELEMENTS (zh_units) : G_N_ELEMENTS (en_units)); i++)
    {
      double factor = zh ? zh_units[i].factor : en_units[i].factor;
      const char *suffix = zh ? zh_units[i].suffix : en_units[i].suffix;

      if (a >= factor)
        {
          double m = a / factor;
          int whole_digits = m >= 1000 ? 4 : m >= 100 ? 3 : m >= 10 ? 2 : 1;
          int decimals = MAX (0, digits - whole_digits);

          if (m >= 1000)
            append_grouped (out, round (m));
          else
            append_decimal (out, m, MIN (decimals, 3));
          g_string_append (out, suffix);
          return g_string_free (out, FALSE);
        }
    }

  if (a >= 100)
    append_grouped (out, round (fabs (value)));
  else if (a == 0)
    g_string_append_c (out, '0');
  else
    {
      int whole_digits = a >= 10 ? 2 : 1;
      int decimals = MAX (0, digits - whole_digits);

      if (a < 1)
        decimals = MIN (3, digits - 1 - (int) floor (log10 (a)));
      append_decimal (out, a, MIN (decimals, 3));
    }
  return g_string_free (out, FALSE);
}

char *
sc_chart_format_tick (double      value,
                      double      max_abs,
                      const char *lang)
{
  static const double zh_units[] = { 1e12, 1e8, 1e4 };
  static const char *const zh_suffix[] = { "万亿", "亿", "万" };
  static const double en_units[] = { 1e12, 1e9, 1e6, 1e3 };
  static const char *const en_suffix[] = { "T", "B", "M", "k" };
  gboolean zh = sc_lang_from_code (lang) == SC_LANG_ZH;
  const double *units = zh ? zh_units : en_units;
  const char *const *suffix = zh ? zh_suffix : en_suffix;
  guint n = zh ? G_N_ELEMENTS (zh_units) : G_N_ELEMENTS (en_units);
  GString *out;

  if (!isfinite (value) || value == 0)
    return sc_chart_format_number (value, lang, 4);
  /* "0.25k" reads worse than "250": a unit only once the axis reaches two of it. */
  for (guint i = 0; i < n; i++)
    if (max_abs >= 2 * units[i])
      {
        double m = fabs (value) / units[i];

        out = g_string_new (value < 0 ? "−" : "");
        if (m >= 1000)
          append_grouped (out, round (m));
        else
          append_decimal (out, round_sig (m, 4), 3);
        g_string_append (out, suffix[i]);
        return g_string_free (out, FALSE);
      }
  if (fabs (value) >= 1000)
    {
      /* Below two of the smallest unit the axis stays in plain numbers: 750, 1,000. */
      out = g_string_new (value < 0 ? "−" : "");
      append_grouped (out, round (fabs (value)));
      return g_string_free (out, FALSE);
    }
  return sc_chart_format_number (value, lang, 4);
}

void
sc_chart_nice_ticks (double  lo,
                     double  hi,
                     guint   max_ticks,
                     double *first,
                     double *step,
                     guint  *n_ticks)
{
  static const double steps[] = { 1, 2, 2.5, 5, 10 };
  double range, raw, mag, s = 1, start, stop;

  if (!isfinite (lo) || !isfinite (hi))
    lo = hi = 0;
  if (lo > hi)
    {
      double t = lo;
      lo = hi;
      hi = t;
    }
  if (hi - lo < fabs (hi) * 1e-9 || hi == lo)
    {
      double pad = hi == 0 ? 1 : fabs (hi) * 0.5;

      if (lo >= 0 && hi >= 0)
        {
          lo = 0;
          hi = hi == 0 ? 1 : hi + pad;
        }
      else
        {
          lo -= pad;
          hi += pad;
        }
    }
  if (max_ticks < 1)
    max_ticks = 1;

  range = hi - lo;
  raw = range / max_ticks;
  mag = pow (10, floor (log10 (raw)));
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      s = steps[i] * mag;
      if (s >= raw * (1 - 1e-9))
        break;
    }
  start = floor (lo / s + 1e-9) * s;
  stop = ceil (hi / s - 1e-9) * s;
  /* Rounding outward can add an interval; widen the step if it broke the limit. */
  while ((stop - start) / s > max_ticks + 0.5)
    {
      s *= 2;
      start = floor (lo / s + 1e-9) * s;
      stop = ceil (hi / s - 1e-9) * s;
    }
  *first = start == 0 ? 0 : start;   /* no "-0" */
  *step = s;
  *n_ticks = (guint) llround ((stop - start) / s) + 1;
  if (*n_ticks < 2)
    *n_ticks = 2;
}
