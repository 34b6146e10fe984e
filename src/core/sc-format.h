/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "sc-field.h"
#include "sc-program.h"
#include "sc-types.h"

G_BEGIN_DECLS

/*
 * Numbers, amounts and windows as a reader sees them, never in the locale:
 * the one place that groups thousands and drops trailing zeros, for the
 * engine's reasons, the reports and the charts. Also the engine's string
 * machinery: a per-evaluation translation cache and a printf for the few
 * formats reasons use.
 */

/* --- translations, looked up once per evaluation ---------------------------- */

#define SC_FORMAT_CACHE_SLOTS 128   /* a power of two; about 60 distinct strings are used */

typedef struct
{
  const void *key;
  guint       tag;
  const char *str;
} ScFormatCacheSlot;

/* Zero-initialised before use; lives on the stack of one evaluation. */
typedef struct
{
  ScFormatCacheSlot msgids[SC_FORMAT_CACHE_SLOTS];    /* msgid → translation */
  ScFormatCacheSlot choices[SC_FORMAT_CACHE_SLOTS];   /* a choice value's address → its label */
  guint             n_msgids;
  guint             n_choices;
} ScFormatCache;

/* The calling thread's cache (NULL: none), and setting it. */
ScFormatCache *sc_format_cache_get (void);
void           sc_format_cache_set (ScFormatCache *cache);

/* g_dgettext (GETTEXT_PACKAGE, @msgid), through the thread's cache. (transfer none) */
const char *sc_format_gettext      (const char *msgid) G_GNUC_FORMAT (1);
/* sc_field_choice_label(), through the thread's cache. (transfer none) */
const char *sc_format_choice_label (ScField     field,
                                    const char *value);

/* --- building strings --------------------------------------------------------- */

/* g_strdup_vprintf() for %s, %u, %% and positional %1$s … %9$u, without
 * printf; any other format goes to g_strdup_vprintf(). (transfer full) */
char *sc_format_vprintf       (const char *format,
                               va_list     va);
char *sc_format_strdup_printf (const char *format,
                               ...) G_GNUC_PRINTF (1, 2);
/* @format (%s, %u, %%, %1$s …) with @strings in place of its arguments, the
 * digits of a %u included: argument k is @strings[k - 1] (NULL as "").
 * (transfer full) */
char *sc_format_printf_strings (const char        *format,
                                const char *const *strings,
                                guint              n_strings);
/* The same into @buf of @size bytes: its length, or G_MAXSIZE (@buf then
 * undefined) when it does not fit or @format is not one it takes. */
gsize sc_format_printf_strings_into (char              *buf,
                                     gsize              size,
                                     const char        *format,
                                     const char *const *strings,
                                     guint              n_strings);

/* --- numbers ------------------------------------------------------------------- */

/*
 * Drops the trailing zeros of the decimals of @buf and then a lone ".":
 * "80000.0000" → "80000", "4.3000" → "4.3". @buf is left alone without ".".
 */
void        sc_format_trim_zeros (char *buf);

/* From this magnitude on, sc_format_fixed() writes 17 significant digits (the double back exactly)
 * and an exponent (1.6225927682921363e+36), as JavaScript does from 1e21:
 * fixed notation of 1e300 would take 300 digits. */
#define SC_FORMAT_FIXED_MAX 1e21
/* Big enough for anything sc_format_fixed() writes ("-1.7976931348623157e+308"). */
#define SC_FORMAT_FIXED_BUF 32
/*
 * Any double, locale-free, into @buf of at least SC_FORMAT_FIXED_BUF bytes:
 * "%.Nf" with @decimals (0–4) below SC_FORMAT_FIXED_MAX, "%.17g" above,
 * "nan", "inf", "-inf" for the rest. Never truncated. Returns @buf.
 */
const char *sc_format_fixed      (char   *buf,
                                  gsize   size,
                                  double  value,
                                  int     decimals);
/*
 * Writes @number ("-1234567.89", digits with an optional sign and decimals)
 * into @out with its integer digits grouped by thousands: "-1,234,567.89".
 * Returns @out.
 */
char       *sc_format_group      (char       *out,
                                  gsize       size,
                                  const char *number);

/* Up to 4 decimals, trailing zeros dropped: 4.3, 10.9, 80000, 0.006. */
const char *sc_format_number     (char   *buf,
                                  gsize   size,
                                  double  value);
/* Money and counts for a reader: at most @decimals (0, 1 or 2) decimals, trailing
 * zeros dropped, thousands grouped: 80,774.19, 50,000, 1.5. */
const char *sc_format_amount     (char   *buf,
                                  gsize   size,
                                  double  value,
                                  int     decimals);

/* A count of orders or traffic: whole, grouped. */
static inline const char *
sc_format_count (char   *buf,
                 gsize   size,
                 double  value)
{
  return sc_format_amount (buf, size, value, 0);
}

/* Yuan: up to two decimals, grouped. */
static inline const char *
sc_format_money (char   *buf,
                 gsize   size,
                 double  value)
{
  return sc_format_amount (buf, size, value, 2);
}

/* ScUnit, what a value measures, is declared in sc-program.h beside the
 * tables that give each fee and benefit its unit. */

/* Big enough for any value sc_format_value() writes. */
#define SC_FORMAT_VALUE_BUF 96

/*
 * @value in @unit as a reader expects it, never the locale: "6%" (the same
 * in Chinese), "2,000 yuan" / "2,000 元", "7 days", "1,300". @noun follows a
 * SC_UNIT_COUNT ("traffic coupons"); NULL for none. Returns @buf (at least
 * SC_FORMAT_VALUE_BUF bytes).
 */
const char *sc_format_value      (char       *buf,
                                  gsize       size,
                                  double      value,
                                  ScUnit      unit,
                                  const char *noun);
/* The unit of a profile field's numbers. */
ScUnit      sc_format_field_unit (ScField field);
/* The unit of a baseline fee (docs/program-format.md, "Baseline"). */
ScUnit      sc_format_fee_unit   (ScFee fee);

/* --- words --------------------------------------------------------------------- */

/* "2026-01-01 – 2026-03-31" with the last day shown (end is exclusive),
 * "… onwards", "until …". (transfer full) */
char       *sc_format_window      (ScWindow w);
/* The same into @buf of @size bytes; NULL when it does not fit. */
const char *sc_format_window_into (char     *buf,
                                   gsize     size,
                                   ScWindow  w);
/* The field's translated label. (transfer none) */
const char *sc_format_field_label (ScField field);
/* The fee as a reader calls it ("return-shipping fee"); sc_fee_to_string()
 * is the XML name. (transfer none) */
const char *sc_format_fee_label   (ScFee fee);
/* The translated labels of @values joined by " / ". (transfer full) */
char       *sc_format_choices     (ScField            field,
                                   const char *const *values);
/* The same into @buf of @size bytes; NULL when it does not fit. */
const char *sc_format_choices_into (char              *buf,
                                    gsize              size,
                                    ScField            field,
                                    const char *const *values);

G_END_DECLS
