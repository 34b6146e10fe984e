/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-core"

#include "config.h"

#include "sc-format.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

/* --- translations, looked up once per evaluation ------------------------------ */

/*
 * One evaluation asks gettext for the same few dozen strings hundreds of
 * times (a field label per condition, a format per reason). While
 * sc_engine_evaluate() runs, _() goes through a small table keyed by the
 * msgid's address, so each string is looked up once per evaluation. The
 * table lives on the evaluating thread's stack and only for that call.
 *
 * Behind it, each thread keeps what gettext answered from one evaluation
 * to the next (every msgid here is a string literal, so its address
 * stays), while nothing that changes the answers changed: glibc's
 * catalogue counter, which setlocale(), bindtextdomain() and
 * sc_i18n_switch_begin() bump, and $LANGUAGE. Each evaluation checks those
 * first, so a locale changed between two evaluations is always honoured.
 * gettext's own look-up (a lock, getenv, a search) was about 10 µs of a
 * 62 µs evaluation with reasons (tests/engine/bench-engine.c).
 */

static _Thread_local ScFormatCache *tr_cache;

#ifdef __GLIBC__
extern int _nl_msg_cat_cntr;

#define LANGUAGE_MAX 128

static _Thread_local struct
{
  gboolean          valid;
  int               counter;
  char              language[LANGUAGE_MAX];   /* "" when unset */
  ScFormatCacheSlot slots[SC_FORMAT_CACHE_SLOTS];
  guint             n_used;
} lasting;

/* Forgets the thread's translations if the language may have changed. */
static void
lasting_check (void)
{
  const char *language = g_getenv ("LANGUAGE");

  if (language == NULL)
    language = "";
  if (lasting.valid && lasting.counter == _nl_msg_cat_cntr && strcmp (lasting.language, language) == 0)
    return;
  memset (&lasting, 0, sizeof lasting);
  lasting.counter = _nl_msg_cat_cntr;
  lasting.valid = strlen (language) < LANGUAGE_MAX;
  if (lasting.valid)
    strcpy (lasting.language, language);
}
#endif

ScFormatCache *
sc_format_cache_get (void)
{
  return tr_cache;
}

void
sc_format_cache_set (ScFormatCache *cache)
{
  tr_cache = cache;
#ifdef __GLIBC__
  if (cache != NULL)
    lasting_check ();
#endif
}

/* The slot for (@key, @tag), or NULL when the table is full; an empty slot
 * has key NULL and is the caller's to fill. */
static ScFormatCacheSlot *
tr_slot (ScFormatCacheSlot     *slots,
         guint      *n_used,
         const void *key,
         guint       tag)
{
  guint i = (guint) ((((guintptr) key >> 3) + tag) * 2654435761u) & (SC_FORMAT_CACHE_SLOTS - 1);

  while (slots[i].key != NULL && (slots[i].key != key || slots[i].tag != tag))
    i = (i + 1) & (SC_FORMAT_CACHE_SLOTS - 1);
  if (slots[i].key == NULL)
    {
      if (*n_used >= SC_FORMAT_CACHE_SLOTS * 3 / 4)
        return NULL;
      (*n_used)++;
      slots[i].tag = tag;
    }
  return &slots[i];
}

/* g_dgettext() through the thread's lasting table. */
static const char *
lasting_gettext (const char *msgid)
{
#ifdef __GLIBC__
  ScFormatCacheSlot *slot = lasting.valid ? tr_slot (lasting.slots, &lasting.n_used, msgid, 0) : NULL;

  if (slot == NULL)
    return g_dgettext (GETTEXT_PACKAGE, msgid);
  if (slot->key == NULL)
    {
      slot->key = msgid;
      slot->str = g_dgettext (GETTEXT_PACKAGE, msgid);
    }
  return slot->str;
#else
  return g_dgettext (GETTEXT_PACKAGE, msgid);
#endif
}

const char *
sc_format_gettext (const char *msgid)
{
  ScFormatCacheSlot *slot;

  if (tr_cache == NULL || msgid == NULL)
    return g_dgettext (GETTEXT_PACKAGE, msgid);
  slot = tr_slot (tr_cache->msgids, &tr_cache->n_msgids, msgid, 0);
  if (slot == NULL)
    return g_dgettext (GETTEXT_PACKAGE, msgid);
  if (slot->key == NULL)
    {
      slot->key = msgid;
      slot->str = lasting_gettext (msgid);
    }
  return slot->str;
}

/* sc_field_choice_label(), once per choice value and evaluation. */
const char *
sc_format_choice_label (ScField     field,
                        const char *value)
{
  ScFormatCacheSlot *slot;

  if (tr_cache == NULL || value == NULL)
    return sc_field_choice_label (field, value);
  slot = tr_slot (tr_cache->choices, &tr_cache->n_choices, value, field);
  if (slot == NULL)
    return sc_field_choice_label (field, value);
  if (slot->key == NULL)
    {
      slot->key = value;
      slot->str = sc_field_choice_label (field, value);
    }
  return slot->str;
}

/* xgettext still reads _("…") in this file; only the lookup is cached. */
#undef _
#define _(msgid) sc_format_gettext (msgid)

/* --- building strings ----------------------------------------------------------- */

#define FMT_MAX_ARGS 9

typedef struct
{
  char        type;   /* 's' or 'u'; 0 = unused */
  const char *str;    /* the argument, or the digits of a 'u' */
  gsize       len;
  char        digits[12];
} FmtArg;

/* Writes @format with its arguments @args[1 … FMT_MAX_ARGS] into @out, which
 * sc_format_vprintf() sized. Only for formats sc_format_vprintf() took. */
static void
fmt_expand (const char   *format,
            const FmtArg *args,
            char         *out)
{
  const char *p = format;
  guint seq = 0;

  for (;;)
    {
      const char *pct = strchr (p, '%');
      const FmtArg *arg;
      gsize n = pct != NULL ? (gsize) (pct - p) : strlen (p);

      memcpy (out, p, n);
      out += n;
      if (pct == NULL)
        break;
      p = pct + 1;
      if (*p == '%')
        {
          *out++ = '%';
          p++;
          continue;
        }
      if (p[1] == '$')
        {
          arg = &args[*p - '0'];
          p += 3;
        }
      else
        {
          arg = &args[++seq];
          p++;
        }
      memcpy (out, arg->str, arg->len);
      out += arg->len;
    }
  *out = '\0';
}

/*
 * The arguments @format takes, into @args[1 …] (their types) and @uses (how
 * often each is written), the highest position into *@max_pos and the
 * length of @format without its conversions into *@len. FALSE for a format
 * these functions leave to printf.
 */
static gboolean
fmt_parse (const char *format,
           FmtArg     *args,
           guint      *uses,
           guint      *max_pos,
           gsize      *len)
{
  guint n_seq = 0;
  gboolean positional = FALSE;
  gsize skip = 0;
  const char *p;

  *max_pos = 0;
  for (guint i = 0; i <= FMT_MAX_ARGS; i++)
    {
      args[i].type = 0;
      uses[i] = 0;
    }
  /* From one '%' to the next: most of a sentence is plain text. */
  for (p = strchr (format, '%'); p != NULL; p = strchr (p + 1, '%'))
    {
      guint pos;

      p++;
      if (*p == '%')
        {
          skip++;
          continue;
        }
      if (*p >= '1' && *p <= '9' && p[1] == '$')
        {
          pos = (guint) (*p - '0');
          if (n_seq > 0)
            return FALSE;
          positional = TRUE;
          p += 2;
          skip += 4;
        }
      else
        {
          if (positional || n_seq == FMT_MAX_ARGS)
            return FALSE;
          pos = ++n_seq;
          skip += 2;
        }
      if ((*p != 's' && *p != 'u') || (args[pos].type != 0 && args[pos].type != *p))
        return FALSE;
      args[pos].type = *p;
      uses[pos]++;
      *max_pos = MAX (*max_pos, pos);
    }
  *len = strlen (format) - skip;
  for (guint i = 1; i <= *max_pos; i++)
    if (args[i].type == 0)
      return FALSE;   /* a gap (%1$s %3$s): printf's to judge */
  return TRUE;
}

/*
 * g_strdup_vprintf() for the formats of this file: %s, %u and %% and the
 * positional %1$s … %9$u translations reorder arguments with. glibc's
 * printf costs several times more than the copying itself, and an
 * evaluation builds a few hundred strings. Any other format (a width, a
 * precision, another conversion) goes to g_strdup_vprintf() untouched.
 */
char *
sc_format_vprintf (const char *format,
                   va_list     va)
{
  FmtArg args[FMT_MAX_ARGS + 1];
  guint uses[FMT_MAX_ARGS + 1];
  guint max_pos;
  gsize len;
  char *out;

  if (!fmt_parse (format, args, uses, &max_pos, &len))
    return g_strdup_vprintf (format, va);
  for (guint i = 1; i <= max_pos; i++)
    {
      FmtArg *a = &args[i];

      if (a->type == 's')
        {
          a->str = va_arg (va, const char *);
          if (a->str == NULL)
            a->str = "(null)";
          a->len = strlen (a->str);
        }
      else
        {
          guint u = va_arg (va, guint);
          char *d = a->digits + sizeof a->digits;

          do
            {
              *--d = (char) ('0' + u % 10);
              u /= 10;
            }
          while (u > 0);
          a->str = d;
          a->len = (gsize) (a->digits + sizeof a->digits - d);
        }
      len += uses[i] * a->len;
    }
  out = g_malloc (len + 1);
  fmt_expand (format, args, out);
  return out;
}

/* sc_format_printf_strings() in two passes: for what is too long for its one. */
static char *
printf_strings_sized (const char        *format,
                      const char *const *strings,
                      guint              n_strings)
{
  FmtArg args[FMT_MAX_ARGS + 1];
  guint uses[FMT_MAX_ARGS + 1];
  guint max_pos;
  gsize len;
  char *out;

  if (!fmt_parse (format, args, uses, &max_pos, &len) || max_pos > n_strings)
    {
      g_critical ("%s: a format of %%s and %%u with at most %u arguments expected, got “%s”",
                  G_STRFUNC, n_strings, format);
      return g_strdup (format);
    }
  for (guint i = 1; i <= max_pos; i++)
    {
      args[i].str = strings[i - 1] != NULL ? strings[i - 1] : "";
      args[i].len = strlen (args[i].str);
      len += uses[i] * args[i].len;
    }
  out = g_malloc (len + 1);
  fmt_expand (format, args, out);
  return out;
}

/* One pass, the format a byte at a time: a reason is one sentence, and the
 * pieces between its arguments are a few bytes long. */
gsize
sc_format_printf_strings_into (char              *buf,
                               gsize              size,
                               const char        *format,
                               const char *const *strings,
                               guint              n_strings)
{
  char *out = buf, *end = buf + size - 1;
  guint seq = 0;
  gboolean positional = FALSE;

  g_return_val_if_fail (size > 0, G_MAXSIZE);
  for (const char *p = format; *p != '\0'; p++)
    {
      const char *arg;
      gsize arg_len;
      guint pos;

      if (*p != '%')
        {
          if (out == end)
            return G_MAXSIZE;
          *out++ = *p;
          continue;
        }
      p++;
      if (*p == '%')
        {
          if (out == end)
            return G_MAXSIZE;
          *out++ = '%';
          continue;
        }
      if (*p >= '1' && *p <= '9' && p[1] == '$')
        {
          pos = (guint) (*p - '0');
          positional = TRUE;
          p += 2;
        }
      else
        pos = positional ? 0 : ++seq;
      if ((*p != 's' && *p != 'u') || pos == 0 || pos > n_strings || (positional && seq > 0))
        return G_MAXSIZE;
      /* An argument may be long (a note of the data): copied whole. */
      arg = strings[pos - 1] != NULL ? strings[pos - 1] : "";
      arg_len = strlen (arg);
      if ((gsize) (end - out) < arg_len)
        return G_MAXSIZE;
      memcpy (out, arg, arg_len);
      out += arg_len;
    }
  *out = '\0';
  return (gsize) (out - buf);
}

char *
sc_format_printf_strings (const char        *format,
                          const char *const *strings,
                          guint              n_strings)
{
  char buf[2048];
  gsize len = sc_format_printf_strings_into (buf, sizeof buf, format, strings, n_strings);

  /* Too long for the buffer, or a format it does not take (which the
   * other way says). */
  if (len == G_MAXSIZE)
    return printf_strings_sized (format, strings, n_strings);
  return g_strndup (buf, len);
}

char *
sc_format_strdup_printf (const char *format,
                         ...)
{
  va_list va;
  char *s;

  va_start (va, format);
  s = sc_format_vprintf (format, va);
  va_end (va);
  return s;
}

/* --- formatting (never the locale) ----------------------------------------- */

/*
 * |@value| rounded to @decimals (≤ 4) decimals as an integer count of
 * 10^-decimals, exactly as printf ("%.Nf") rounds it, without printf. FALSE
 * when that is not certain: not finite, too large, or so close to a half
 * that the one rounding error of the scaling could tip it (printf then
 * decides). Formatting a number this way costs a tenth of g_ascii_formatd().
 */
static gboolean
round_fixed (double   value,
             int      decimals,
             guint64 *out)
{
  static const double scale[] = { 1, 10, 100, 1000, 10000 };
  double s, r, frac;

  if (!isfinite (value) || decimals < 0 || decimals > 4)
    return FALSE;
  /* Below 2^40 the scaled value is off by at most 2^-13 from the exact one. */
  s = fabs (value) * scale[decimals];
  if (s >= 1099511627776.0)
    return FALSE;
  r = floor (s);
  frac = s - r;
  if (frac > 0.5 - 1e-3 && frac < 0.5 + 1e-3)
    return FALSE;
  *out = (guint64) r + (frac > 0.5 ? 1 : 0);
  return TRUE;
}

/* Writes @value rounded by round_fixed() into @buf (at least 32 bytes),
 * trailing zeros of the decimals and a lone "." dropped, no "-0". Returns
 * the end of the integer digits (the "." or the end). */
static char *
write_fixed (char    *buf,
             double   value,
             int      decimals,
             guint64  n)
{
  static const guint64 pow10[] = { 1, 10, 100, 1000, 10000 };
  guint64 ip = n / pow10[decimals], fp = n % pow10[decimals];
  char digits[24];
  int nd = 0, keep = decimals;
  char *p = buf, *dot;

  if (value < 0 && n != 0)
    *p++ = '-';
  do
    {
      digits[nd++] = (char) ('0' + ip % 10);
      ip /= 10;
    }
  while (ip > 0);
  while (nd > 0)
    *p++ = digits[--nd];
  dot = p;
  while (keep > 0 && fp % 10 == 0)
    {
      fp /= 10;
      keep--;
    }
  if (keep > 0)
    {
      *p++ = '.';
      for (int i = keep - 1; i >= 0; i--)
        {
          p[i] = (char) ('0' + fp % 10);
          fp /= 10;
        }
      p += keep;
    }
  *p = '\0';
  return dot;
}

const char *
sc_format_fixed (char   *buf,
                 gsize   size,
                 double  value,
                 int     decimals)
{
  static const char *const formats[] = { "%.0f", "%.1f", "%.2f", "%.3f", "%.4f" };

  g_return_val_if_fail (size >= SC_FORMAT_FIXED_BUF, buf);

  decimals = CLAMP (decimals, 0, 4);
  if (isnan (value))
    g_strlcpy (buf, "nan", size);
  else if (isinf (value))
    g_strlcpy (buf, value > 0 ? "inf" : "-inf", size);
  else if (fabs (value) >= SC_FORMAT_FIXED_MAX)
    g_ascii_formatd (buf, size, "%.17g", value);
  else
    g_ascii_formatd (buf, size, formats[decimals], value);
  return buf;
}

void
sc_format_trim_zeros (char *buf)
{
  char *p;

  /* Only decimals: not the exponent of 1e+20, not inf or nan. */
  if (strchr (buf, '.') == NULL || strpbrk (buf, "eEin") != NULL)
    return;
  p = buf + strlen (buf) - 1;
  while (*p == '0')
    *p-- = '\0';
  if (*p == '.')
    *p = '\0';
}

char *
sc_format_group (char       *out,
                 gsize       size,
                 const char *number)
{
  const char *p = number, *dot;
  gsize int_len, o = 0;

  g_return_val_if_fail (size > 0, out);

#define PUT(c) G_STMT_START { if (o + 1 < size) out[o++] = (c); } G_STMT_END
  if (*p == '-')
    PUT (*p++);
  dot = strchr (p, '.');
  int_len = dot != NULL ? (gsize) (dot - p) : strlen (p);
  for (gsize i = 0; i < int_len; i++)
    {
      if (i > 0 && (int_len - i) % 3 == 0)
        PUT (',');
      PUT (p[i]);
    }
  for (p = dot; p != NULL && *p != '\0'; p++)
    PUT (*p);
#undef PUT
  out[o] = '\0';
  return out;
}

const char *
sc_format_number (char   *buf,
                  gsize   size,
                  double  value)
{
  guint64 n;

  if (size >= 32 && round_fixed (value, 4, &n))
    {
      write_fixed (buf, value, 4, n);
      return buf;
    }
  {
    char tmp[SC_FORMAT_FIXED_BUF];

    sc_format_fixed (tmp, sizeof tmp, value, 4);
    sc_format_trim_zeros (tmp);
    g_strlcpy (buf, g_str_equal (tmp, "-0") ? "0" : tmp, size);
  }
  return buf;
}

const char *
sc_format_amount (char   *buf,
                  gsize   size,
                  double  value,
                  int     decimals)
{
  char tmp[MAX (G_ASCII_DTOSTR_BUF_SIZE, SC_FORMAT_FIXED_BUF)];
  guint64 n;

  if (!isfinite (value))
    return sc_format_number (buf, size, value);
  if (round_fixed (value, decimals, &n))
    write_fixed (tmp, value, decimals, n);
  else
    {
      sc_format_fixed (tmp, sizeof tmp, value, CLAMP (decimals, 0, 2));
      sc_format_trim_zeros (tmp);
      if (g_str_equal (tmp, "-0"))
        g_strlcpy (tmp, "0", sizeof tmp);
    }
  return sc_format_group (buf, size, tmp);
}

/*
 * @value in @unit as a reader expects it, never the locale: "6%" (the same
 * in Chinese), "2,000 yuan" / "2,000 元", "7 days", "1,300". @noun follows a
 * SC_UNIT_COUNT ("traffic coupons"); NULL for none. Returns @buf (at least
 * SC_FORMAT_VALUE_BUF bytes).
 */
/* @format with @a (and @b when not NULL) into @buf: no block of its own
 * (a driver's four values each took one). */
static const char *
value_into (char       *buf,
            gsize       size,
            const char *format,
            const char *a,
            const char *b)
{
  const char *strings[2] = { a, b };
  guint n = b != NULL ? 2 : 1;

  if (sc_format_printf_strings_into (buf, size, format, strings, n) == G_MAXSIZE)
    {
      g_autofree char *s = sc_format_printf_strings (format, strings, n);

      g_strlcpy (buf, s, size);
    }
  return buf;
}

const char *
sc_format_value (char       *buf,
                 gsize       size,
                 double      value,
                 ScUnit      unit,
                 const char *noun)
{
  char num[G_ASCII_DTOSTR_BUF_SIZE * 2];

  switch (unit)
    {
    case SC_UNIT_PERCENT:
      sc_format_number (num, sizeof num, value * 100);
      g_strlcpy (buf, num, size);
      g_strlcat (buf, "%", size);
      return buf;
    case SC_UNIT_YUAN:
      /* Translators: an amount of money, "2,000 yuan" */
      return value_into (buf, size, _("%s yuan"), sc_format_money (num, sizeof num, value), NULL);
    case SC_UNIT_YUAN_PER_ORDER:
      /* Translators: a fee charged on every order, "1.5 yuan per order" */
      return value_into (buf, size, _("%s yuan per order"), sc_format_money (num, sizeof num, value), NULL);
    case SC_UNIT_DAYS:
      /* Translators: a number of days, "7 days" */
      return value_into (buf, size, _("%s days"), sc_format_amount (num, sizeof num, value, 2), NULL);
    case SC_UNIT_COUNT:
      sc_format_count (num, sizeof num, value);
      if (noun == NULL)
        return g_strlcpy (buf, num, size), buf;
      /* Translators: a count and its unit, "4,600 traffic coupons", "28,000 exposures" */
      return value_into (buf, size, _("%s %s"), num, noun);
    case SC_UNIT_PLAIN:
    default:
      return sc_format_number (buf, size, value);
    }
}

ScUnit
sc_format_field_unit (ScField field)
{
  switch (sc_field_info (field)->type)
    {
    case SC_FIELD_TYPE_FRACTION: return SC_UNIT_PERCENT;
    case SC_FIELD_TYPE_MONEY: return SC_UNIT_YUAN;
    default: return SC_UNIT_PLAIN;
    }
}

ScUnit
sc_format_fee_unit (ScFee fee)
{
  switch (fee)
    {
    case SC_FEE_COMMISSION:
    case SC_FEE_PROMOTION: return SC_UNIT_PERCENT;
    case SC_FEE_RETURN_SHIPPING: return SC_UNIT_YUAN_PER_ORDER;
    case SC_FEE_DEPOSIT: return SC_UNIT_YUAN;
    case SC_FEE_SETTLEMENT_DAYS: return SC_UNIT_DAYS;
    default: return SC_UNIT_PLAIN;
    }
}

/* The sentence of @w and its arguments (@a and @b, 16 bytes each, hold
 * its days): "2026-01-01 – 2026-03-31" with the last day shown (end is
 * exclusive), "… onwards", "until …". */
static const char *
window_parts (ScWindow      w,
              char         *a,
              char         *b,
              const char  **args,
              guint        *n)
{
  a[0] = b[0] = '\0';
  if (w.start != SC_DAY_NONE)
    sc_day_format (w.start, a);
  if (w.end != SC_DAY_NONE)
    sc_day_format (w.end - 1, b);
  *n = 1;
  args[0] = a;
  if (w.end == SC_DAY_NONE)
    return _("%s onwards");
  args[0] = b;
  if (w.start == SC_DAY_NONE)
    return _("until %s");
  args[0] = a;
  args[1] = b;
  *n = 2;
  return "%s – %s";
}

const char *
sc_format_window_into (char     *buf,
                       gsize     size,
                       ScWindow  w)
{
  char a[16], b[16];
  const char *args[2];
  guint n;
  const char *format = window_parts (w, a, b, args, &n);

  return sc_format_printf_strings_into (buf, size, format, args, n) != G_MAXSIZE ? buf : NULL;
}

char *
sc_format_window (ScWindow w)
{
  char a[16], b[16];
  const char *args[2];
  guint n;
  const char *format = window_parts (w, a, b, args, &n);

  return sc_format_printf_strings (format, args, n);
}

const char *
sc_format_field_label (ScField field)
{
  return _(sc_field_info (field)->label);
}

/* The fee as a reader calls it; sc_fee_to_string() is the XML name. */
const char *
sc_format_fee_label (ScFee fee)
{
  static const char *const labels[] = {
    [SC_FEE_COMMISSION] = N_("commission"),
    [SC_FEE_RETURN_SHIPPING] = N_("return-shipping fee"),
    [SC_FEE_PROMOTION] = N_("promotion fee"),
    [SC_FEE_DEPOSIT] = N_("deposit"),
    [SC_FEE_SETTLEMENT_DAYS] = N_("settlement days"),
  };

  if ((guint) fee < G_N_ELEMENTS (labels) && labels[fee] != NULL)
    return _(labels[fee]);
  return sc_fee_to_string (fee);
}

char *
sc_format_choices (ScField             field,
                   const char *const  *values)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (s, " / ");
      g_string_append (s, sc_format_choice_label (field, values[i]));
    }
  return g_string_free (s, FALSE);
}

const char *
sc_format_choices_into (char               *buf,
                        gsize               size,
                        ScField             field,
                        const char *const  *values)
{
  gsize len = 0;

  g_return_val_if_fail (size > 0, NULL);
  buf[0] = '\0';
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      if (i > 0)
        len += g_strlcpy (buf + len, " / ", size - len);
      if (len >= size)
        return NULL;
      len += g_strlcpy (buf + len, sc_format_choice_label (field, values[i]), size - len);
      if (len >= size)
        return NULL;
    }
  return buf;
}
