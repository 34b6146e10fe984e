/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-core"

#include "config.h"

#include "sc-quote.h"

#include <math.h>
#include <string.h>

/* Shortest decimal form: 28000, 2.8, 0.006. (transfer full) */
static char *
decimal_form (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char *p;

  /* Never the user's LC_NUMERIC: quotes write "0.6%", not "0,6%". */
  g_ascii_formatd (buf, sizeof buf, "%.6f", value);
  p = buf + strlen (buf) - 1;
  while (p > buf && *p == '0')
    *p-- = '\0';
  if (*p == '.')
    *p = '\0';
  return g_strdup (buf);
}

static gboolean
has_few_decimals (double value)
{
  return fabs (value * 1e4 - round (value * 1e4)) < 1e-6;
}

static const char *const cn_digits[] = { "零", "一", "二", "三", "四", "五", "六", "七", "八", "九" };

/* Chinese numeral of 1 … 99 ("三", "十五", "二十", "九十九"). (transfer full) */
static char *
chinese_form (int n)
{
  if (n < 10)
    return g_strdup (cn_digits[n]);
  if (n == 10)
    return g_strdup ("十");
  if (n < 20)
    return g_strconcat ("十", cn_digits[n % 10], NULL);
  if (n % 10 == 0)
    return g_strconcat (cn_digits[n / 10], "十", NULL);
  return g_strconcat (cn_digits[n / 10], "十", cn_digits[n % 10], NULL);
}

/* The length in bytes of the Chinese numeral @p starts with, or 0. */
static gsize
cn_numeral_length (const char *p)
{
  static const char *const chars[] = { "零", "一", "二", "两", "三", "四", "五", "六", "七", "八", "九", "十", "百", "千" };

  for (guint i = 0; i < G_N_ELEMENTS (chars); i++)
    if (strncmp (p, chars[i], strlen (chars[i])) == 0)
      return strlen (chars[i]);
  return 0;
}

static gboolean
is_cn_numeral_at (const char *p)
{
  return cn_numeral_length (p) > 0;
}

static gboolean
ends_with_cn_numeral (const char *start,
                      const char *p)
{
  const char *prev;

  if (p == start)
    return FALSE;
  prev = g_utf8_find_prev_char (start, p);
  return prev != NULL && is_cn_numeral_at (prev);
}

/* Full-width digits and signs to ASCII; thousands separators dropped. (transfer full) */
static char *
normalize_quote (const char *quote)
{
  GString *s = g_string_sized_new (strlen (quote));

  for (const char *p = quote; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xFF10 && c <= 0xFF19)
        g_string_append_c (s, (char) ('0' + (c - 0xFF10)));
      else if (c == 0xFF0E)
        g_string_append_c (s, '.');
      else if (c == 0xFF05)
        g_string_append_c (s, '%');
      else if ((c == ',' || c == 0xFF0C) && s->len > 0 && g_ascii_isdigit (s->str[s->len - 1]) &&
               g_ascii_isdigit (p[c == ',' ? 1 : 3]) && g_ascii_isdigit (p[c == ',' ? 2 : 4]) &&
               g_ascii_isdigit (p[c == ',' ? 3 : 5]) && !g_ascii_isdigit (p[c == ',' ? 4 : 6]))
        ; /* 28,000 → 28000 */
      else
        g_string_append_unichar (s, c);
    }
  return g_string_free (s, FALSE);
}

/* @candidate occurs in @text as a whole number, not inside a longer one. */
static gboolean
occurs_as_number (const char *text,
                  const char *candidate)
{
  gsize n = strlen (candidate);
  gboolean starts_digit = g_ascii_isdigit (candidate[0]);
  gboolean ends_digit = g_ascii_isdigit (candidate[n - 1]);
  gboolean cn = is_cn_numeral_at (candidate);

  for (const char *p = strstr (text, candidate); p != NULL; p = strstr (p + 1, candidate))
    {
      const char *after = p + n;

      if (starts_digit && p > text && (g_ascii_isdigit (p[-1]) || (p[-1] == '.' && p - 1 > text && g_ascii_isdigit (p[-2]))))
        continue;
      if (ends_digit && (g_ascii_isdigit (*after) || (*after == '.' && g_ascii_isdigit (after[1]))))
        continue;
      if (cn && (ends_with_cn_numeral (text, p) || is_cn_numeral_at (after)))
        continue;
      return TRUE;
    }
  return FALSE;
}

/* @form, a 万 or 亿 with at most 百 or 千 before it, occurs in @text with
 * no number of its own before it: "亿级流量" (on the order of 1亿),
 * "破亿元", "百亿优惠券", but not the "亿" of "320亿" or "三百亿". */
static gboolean
occurs_bare (const char *text,
             const char *form)
{
  for (const char *p = strstr (text, form); p != NULL; p = strstr (p + 1, form))
    {
      const char *prev = p > text ? g_utf8_find_prev_char (text, p) : NULL;

      if (prev != NULL && (g_ascii_isdigit (*prev) || *prev == '.' || is_cn_numeral_at (prev)
                           || g_str_has_prefix (prev, "万") || g_str_has_prefix (prev, "亿")))
        continue;
      return TRUE;
    }
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* The index                                                           */
/* ------------------------------------------------------------------ */

/* Magnitudes a quote may give without a count of their own, as platform
 * totals often are: 万 and 亿 alone, and 百万, 千万, 百亿, 千亿. */
static const struct
{
  double      value;
  const char *form;
} bare_forms[] = {
  { 1e4, "万" }, { 1e6, "百万" }, { 1e7, "千万" }, { 1e8, "亿" }, { 1e10, "百亿" }, { 1e11, "千亿" },
};

struct _ScQuote
{
  char       *text;       /* normalised */
  /* Every string a number can be written as that occurs in the text as a
   * whole number, not inside a longer one (see occurs_as_number()): each
   * number as written ("2.8", "三"), with the one or two characters after
   * it ("2.8万", "30%", "三天"), and "百分之" forms. */
  GHashTable *mentions;
  guint       bare;       /* bit i: bare_forms[i] occurs with no count */
};

/* A number written with ASCII digits starts at @p, not inside a longer one. */
static gboolean
is_number_start (const char *text,
                 const char *p)
{
  return g_ascii_isdigit (*p)
         && !(p > text && g_ascii_isdigit (p[-1]))
         && !(p > text && p[-1] == '.' && p - 1 > text && g_ascii_isdigit (p[-2]));
}

/* Bytes of the number at @p: digits, and a dot with a digit after it. */
static gsize
number_length (const char *p)
{
  const char *q = p;

  while (g_ascii_isdigit (*q) || (*q == '.' && g_ascii_isdigit (q[1])))
    q++;
  return (gsize) (q - p);
}

static void
add_mention (ScQuote    *quote,
             const char *start,
             const char *end)
{
  g_hash_table_add (quote->mentions, g_strndup (start, (gsize) (end - start)));
}

/* Indexes the number at @p (ASCII digits); returns where it ends. */
static const char *
index_number (ScQuote    *quote,
              const char *p)
{
  static const char percent_of[] = "百分之";
  const gsize prefix = sizeof percent_of - 1;
  const char *text = quote->text;
  const char *end = p + number_length (p);

  add_mention (quote, p, end);
  if (*end != '\0')
    {
      const char *one = g_utf8_next_char (end);

      add_mention (quote, p, one);
      /* A form ending in a digit would need what follows checked too. */
      if (*one != '\0' && !g_ascii_isdigit (*one))
        add_mention (quote, p, g_utf8_next_char (one));
    }
  if ((gsize) (p - text) >= prefix && memcmp (p - prefix, percent_of, prefix) == 0
      && !ends_with_cn_numeral (text, p - prefix) && !is_cn_numeral_at (end))
    add_mention (quote, p - prefix, end);
  return end;
}

/* Indexes the run of Chinese numerals at @p; returns where it ends. */
static const char *
index_cn_numeral (ScQuote    *quote,
                  const char *p)
{
  const char *end = p;
  gsize n;

  while ((n = cn_numeral_length (end)) > 0)
    end += n;
  add_mention (quote, p, end);
  if (*end != '\0' && !g_ascii_isdigit (*end))
    {
      const char *one = g_utf8_next_char (end);

      if (!is_cn_numeral_at (one))
        add_mention (quote, p, one);
    }
  return end;
}

/**
 * sc_quote_new:
 * @quote: the source sentence(s), UTF-8
 *
 * Returns: (transfer full): the quote, normalised and indexed in one pass.
 */
ScQuote *
sc_quote_new (const char *quote)
{
  ScQuote *q;
  const char *p;

  g_return_val_if_fail (quote != NULL, NULL);

  q = g_new0 (ScQuote, 1);
  q->text = normalize_quote (quote);
  q->mentions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  p = q->text;
  while (*p != '\0')
    {
      if (is_number_start (q->text, p))
        p = index_number (q, p);
      else if (is_cn_numeral_at (p) && !ends_with_cn_numeral (q->text, p))
        p = index_cn_numeral (q, p);
      else
        p = g_utf8_next_char (p);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bare_forms); i++)
    if (occurs_bare (q->text, bare_forms[i].form))
      q->bare |= 1u << i;
  return q;
}

void
sc_quote_free (ScQuote *quote)
{
  if (quote == NULL)
    return;
  g_free (quote->text);
  g_hash_table_unref (quote->mentions);
  g_free (quote);
}

/* @form occurs in the quote as a whole number, not inside a longer one. */
static gboolean
quote_has (ScQuote    *quote,
           const char *form)
{
  /* Every form a number is written in starts with a digit or a Chinese
   * numeral, and those are indexed; others (a negative 折 of a fraction
   * above 1) are looked for the long way. */
  if (g_ascii_isdigit (form[0]) || is_cn_numeral_at (form))
    return g_hash_table_contains (quote->mentions, form);
  return occurs_as_number (quote->text, form);
}

/**
 * sc_quote_mentions:
 * @quote: an indexed quote
 * @value: the number looked for
 * @fraction: whether to try percent and 折 forms too
 *
 * Returns: whether @quote states @value in a form people write it.
 */
gboolean
sc_quote_mentions (ScQuote  *quote,
                   double    value,
                   gboolean  fraction)
{
  g_autoptr(GPtrArray) forms = NULL;

  if (quote == NULL || !isfinite (value) || value < 0)
    return FALSE;

  forms = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (forms, decimal_form (value));

  /* 万, 亿 and 千 forms: 2.8万, 1.5亿 */
  if (value >= 1000)
    {
      static const struct { double unit; const char *suffix; } units[] = {
        { 1e4, "万" }, { 1e8, "亿" }, { 1e3, "千" }, { 1e7, "千万" }, { 1e6, "百万" },
      };
      for (guint i = 0; i < G_N_ELEMENTS (units); i++)
        if (value >= units[i].unit / 100 && has_few_decimals (value / units[i].unit))
          {
            g_autofree char *d = decimal_form (value / units[i].unit);
            g_ptr_array_add (forms, g_strconcat (d, units[i].suffix, NULL));
            if (value / units[i].unit == floor (value / units[i].unit) && value / units[i].unit < 100)
              {
                g_autofree char *c = chinese_form ((int) (value / units[i].unit));
                g_ptr_array_add (forms, g_strconcat (c, units[i].suffix, NULL));
              }
          }
    }

  /* Percent and 折 forms of fractions: 0.006 → 0.6%; 0.30 → 30%, 3折 or 7折 */
  if (fraction || value <= 1)
    {
      g_autofree char *pct = decimal_form (value * 100);
      g_autofree char *zhe = decimal_form (value * 10);
      g_autofree char *zhe_rest = decimal_form ((1 - value) * 10);

      g_ptr_array_add (forms, g_strconcat (pct, "%", NULL));
      g_ptr_array_add (forms, g_strconcat ("百分之", pct, NULL));
      g_ptr_array_add (forms, g_strconcat (zhe, "折", NULL));
      g_ptr_array_add (forms, g_strconcat (zhe_rest, "折", NULL));
    }

  /* Small whole numbers may be written in Chinese: 三天, 十大. */
  if (value >= 1 && value < 100 && value == floor (value))
    {
      g_ptr_array_add (forms, chinese_form ((int) value));
      if (value == 2)
        g_ptr_array_add (forms, g_strdup ("两"));
    }

  for (guint i = 0; i < forms->len; i++)
    if (quote_has (quote, g_ptr_array_index (forms, i)))
      return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (bare_forms); i++)
    if (value == bare_forms[i].value && (quote->bare & (1u << i)) != 0)
      return TRUE;
  return FALSE;
}

gboolean
sc_quote_text_mentions (const char *quote,
                        double      value,
                        gboolean    fraction)
{
  g_autoptr(ScQuote) q = NULL;

  if (quote == NULL || !isfinite (value) || value < 0)
    return FALSE;
  q = sc_quote_new (quote);
  return sc_quote_mentions (q, value, fraction);
}
