/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-core"

#include "config.h"

#include "sc-engine.h"

#include "sc-error.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

/*
 * How the engine reads the data (help/C/estimates.page says the same for users):
 *
 * - Sales: month m of the horizon is [as_of + m months, as_of + m+1 months);
 *   its GMV is monthly-gmv × (1 + gmv-growth)^m spread evenly over its days;
 *   there are no sales before the first-sale date when it is given. Days
 *   before as_of (needed for "GMV since the first sale" at T30 …) run at the
 *   month-0 rate, days after the horizon at the last month's rate.
 *   Orders = GMV / avg-order-value.
 * - Only value booked on a day inside [as_of, as_of + horizon) counts. An
 *   estimate is of what is still to come: a grant paid before as_of has been
 *   received already and is not counted (its reason says so).
 * - Anchors (day 0 of a grant, tiered reward or order-fee waiver): a date of
 *   the profile (first sale, entry, first live, or any date field named by
 *   anchor="field", with another anchor as its fallback when the profile
 *   leaves it empty) or the window start. A waiver's free orders are counted
 *   from a profile date even before as_of, but from a window start only
 *   from as_of on: the profile does not say when the merchant enrolled (see
 *   eval_order_fee_waiver() and docs/program-format.md, "Anchors").
 * - A measure applies on the days of program window ∩ measure window, cut at
 *   the start of a program that replaces its program.
 * - Fees: the baseline (profile overrides first; a category row before the
 *   category-less row) gives gross commission = rate × GMV and return
 *   shipping = fee per order × orders while the cover is on (from
 *   return-shipping-since, else the first sale, else as_of, for
 *   return-shipping-cover-days days when given). Reductions of one fee in
 *   one month never exceed its gross: the counted measures are scaled down
 *   together (cut_by_cap).
 * - Stacking: additive groups count every measure; exclusive the first
 *   eligible in document order; best-of the eligible one worth most.
 * - Expected (预计) measures, by their own status or their program's, are
 *   evaluated like the others, but their value never mixes with confirmed
 *   money: it moves to expected_totals, out of every total (and so out of
 *   the charts). In a stacking group they count only when no confirmed
 *   measure of the group applies; their fee reductions are capped by what
 *   the confirmed ones leave of the fee.
 */

#define EPSILON 1e-9

/* --- translations, looked up once per evaluation ------------------------------ */

/*
 * One evaluation asks gettext for the same few dozen strings hundreds of
 * times (a field label per condition, a format per reason). While
 * sc_engine_evaluate() runs, _() goes through a small table keyed by the
 * msgid's address, so each string is looked up once per evaluation. The
 * table lives on the evaluating thread's stack and only for that call: a
 * locale changed between two evaluations is always honoured.
 */

#define TR_SLOTS 128   /* a power of two; about 60 distinct strings are used */

typedef struct
{
  const void *key;
  guint       tag;
  const char *str;
} TrSlot;

typedef struct
{
  TrSlot msgids[TR_SLOTS];    /* msgid → translation */
  TrSlot choices[TR_SLOTS];   /* a choice value's address → its label */
  guint  n_msgids;
  guint  n_choices;
} TrCache;

static _Thread_local TrCache *tr_cache;

/* The slot for (@key, @tag), or NULL when the table is full; an empty slot
 * has key NULL and is the caller's to fill. */
static TrSlot *
tr_slot (TrSlot     *slots,
         guint      *n_used,
         const void *key,
         guint       tag)
{
  guint i = (guint) ((((guintptr) key >> 3) + tag) * 2654435761u) & (TR_SLOTS - 1);

  while (slots[i].key != NULL && (slots[i].key != key || slots[i].tag != tag))
    i = (i + 1) & (TR_SLOTS - 1);
  if (slots[i].key == NULL)
    {
      if (*n_used >= TR_SLOTS * 3 / 4)
        return NULL;
      (*n_used)++;
      slots[i].tag = tag;
    }
  return &slots[i];
}

static const char * G_GNUC_FORMAT (1)
engine_gettext (const char *msgid)
{
  TrSlot *slot;

  if (tr_cache == NULL || msgid == NULL)
    return g_dgettext (GETTEXT_PACKAGE, msgid);
  slot = tr_slot (tr_cache->msgids, &tr_cache->n_msgids, msgid, 0);
  if (slot == NULL)
    return g_dgettext (GETTEXT_PACKAGE, msgid);
  if (slot->key == NULL)
    {
      slot->key = msgid;
      slot->str = g_dgettext (GETTEXT_PACKAGE, msgid);
    }
  return slot->str;
}

/* sc_field_choice_label(), once per choice value and evaluation. */
static const char *
choice_label (ScField     field,
              const char *value)
{
  TrSlot *slot;

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
#define _(msgid) engine_gettext (msgid)

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
 * engine_vprintf() sized. Only for formats engine_vprintf() took. */
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
 * g_strdup_vprintf() for the formats of this file: %s, %u and %% and the
 * positional %1$s … %9$u translations reorder arguments with. glibc's
 * printf costs several times more than the copying itself, and an
 * evaluation builds a few hundred strings. Any other format (a width, a
 * precision, another conversion) goes to g_strdup_vprintf() untouched.
 */
static char *
engine_vprintf (const char *format,
                va_list     va)
{
  FmtArg args[FMT_MAX_ARGS + 1];
  guint uses[FMT_MAX_ARGS + 1] = { 0 };
  guint n_seq = 0, max_pos = 0;
  gboolean positional = FALSE;
  gsize len = 0, skip = 0;
  const char *p;
  char *out;

  for (guint i = 0; i <= FMT_MAX_ARGS; i++)
    args[i].type = 0;
  for (p = format; *p != '\0'; p++)
    {
      guint pos;

      if (*p != '%')
        continue;
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
            return g_strdup_vprintf (format, va);
          positional = TRUE;
          p += 2;
          skip += 4;
        }
      else
        {
          if (positional || n_seq == FMT_MAX_ARGS)
            return g_strdup_vprintf (format, va);
          pos = ++n_seq;
          skip += 2;
        }
      if ((*p != 's' && *p != 'u') || (args[pos].type != 0 && args[pos].type != *p))
        return g_strdup_vprintf (format, va);
      args[pos].type = *p;
      uses[pos]++;
      max_pos = MAX (max_pos, pos);
    }
  len = (gsize) (p - format) - skip;
  for (guint i = 1; i <= max_pos; i++)
    if (args[i].type == 0)
      return g_strdup_vprintf (format, va);   /* a gap (%1$s %3$s): printf's to judge */
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

static char * G_GNUC_PRINTF (1, 2)
engine_strdup_printf (const char *format,
                      ...)
{
  va_list va;
  char *s;

  va_start (va, format);
  s = engine_vprintf (format, va);
  va_end (va);
  return s;
}

/* --- names ---------------------------------------------------------------- */

static const char *const amount_names[SC_N_AMOUNTS] = {
  "fee-gross", "fee-reduction", "fee-net", "cash", "ad-credit", "coupon",
  "traffic-units", "traffic-exposures", "traffic-value", "cash-flow", "total-value",
};

static const char *const amount_labels[SC_N_AMOUNTS] = {
  N_("Fees before programs"), N_("Fee reduction"), N_("Fees after programs"), N_("Cash"),
  N_("Ad credit"), N_("Coupons"), N_("Traffic units"), N_("Exposures"), N_("Traffic value"),
  N_("Cash-flow value"), N_("Total value"),
};

static const char *const status_names[] = {
  "eligible", "not-eligible", "needs-info", "not-quantified",
};

static const char *const status_labels[] = {
  N_("Eligible"), N_("Not eligible"), N_("Needs information"), N_("Not quantified"),
};

const char *
sc_traffic_unit_label (const char *unit)
{
  if (g_strcmp0 (unit, "exposure") == 0)
    /* Translators: a count of traffic, "28,000 exposures" */
    return _("exposures");
  if (g_strcmp0 (unit, "traffic-coupon") == 0)
    /* Translators: a count of traffic, "4,600 traffic coupons" (流量券) */
    return _("traffic coupons");
  return unit != NULL ? unit : "";
}

const char *
sc_amount_to_string (ScAmount amount)
{
  g_return_val_if_fail ((guint) amount < SC_N_AMOUNTS, NULL);
  return amount_names[amount];
}

gboolean
sc_amount_from_string (const char *name,
                       ScAmount   *out)
{
  for (guint i = 0; i < SC_N_AMOUNTS; i++)
    if (g_strcmp0 (amount_names[i], name) == 0)
      {
        if (out)
          *out = (ScAmount) i;
        return TRUE;
      }
  return FALSE;
}

const char *
sc_amount_label (ScAmount amount)
{
  g_return_val_if_fail ((guint) amount < SC_N_AMOUNTS, NULL);
  return _(amount_labels[amount]);
}

const char *
sc_measure_status_to_string (ScMeasureStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (status_names), NULL);
  return status_names[status];
}

gboolean
sc_measure_status_from_string (const char      *name,
                               ScMeasureStatus *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    if (g_strcmp0 (status_names[i], name) == 0)
      {
        if (out)
          *out = (ScMeasureStatus) i;
        return TRUE;
      }
  return FALSE;
}

const char *
sc_measure_status_label (ScMeasureStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (status_labels), NULL);
  return _(status_labels[status]);
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

/* Up to 4 decimals, trailing zeros dropped: 4.3, 10.9, 80000, 0.006. */
static const char *
fmt_num (char   *buf,
         gsize   size,
         double  value)
{
  char *p;
  guint64 n;

  if (size >= 32 && round_fixed (value, 4, &n))
    {
      write_fixed (buf, value, 4, n);
      return buf;
    }
  g_ascii_formatd (buf, size, "%.4f", value);
  if (strchr (buf, '.') != NULL)
    {
      p = buf + strlen (buf) - 1;
      while (*p == '0')
        *p-- = '\0';
      if (*p == '.')
        *p = '\0';
    }
  if (g_str_equal (buf, "-0"))
    g_strlcpy (buf, "0", size);
  return buf;
}

/* Money and counts for a reader: at most @decimals decimals, trailing
 * zeros dropped, thousands grouped: 80,774.19, 50,000, 1.5. */
static const char *
fmt_amount (char   *buf,
            gsize   size,
            double  value,
            int     decimals)
{
  char tmp[G_ASCII_DTOSTR_BUF_SIZE];
  char out[G_ASCII_DTOSTR_BUF_SIZE * 2];
  const char *p, *dot;
  gsize int_len, o = 0;
  guint64 n;

  if (!isfinite (value))
    return fmt_num (buf, size, value);
  if (round_fixed (value, decimals, &n))
    write_fixed (tmp, value, decimals, n);
  else
    {
      g_ascii_formatd (tmp, sizeof tmp, decimals == 0 ? "%.0f" : decimals == 1 ? "%.1f" : "%.2f", value);
      if (strchr (tmp, '.') != NULL)
        {
          char *q = tmp + strlen (tmp) - 1;

          while (*q == '0')
            *q-- = '\0';
          if (*q == '.')
            *q = '\0';
        }
      if (g_str_equal (tmp, "-0"))
        g_strlcpy (tmp, "0", sizeof tmp);
    }
  p = tmp;
  if (*p == '-')
    out[o++] = *p++;
  dot = strchr (p, '.');
  int_len = dot != NULL ? (gsize) (dot - p) : strlen (p);
  for (gsize i = 0; i < int_len; i++)
    {
      if (i > 0 && (int_len - i) % 3 == 0)
        out[o++] = ',';
      out[o++] = p[i];
    }
  out[o] = '\0';
  if (dot != NULL)
    g_strlcpy (out + o, dot, sizeof out - o);
  g_strlcpy (buf, out, size);
  return buf;
}

/* A count of orders or traffic: whole, grouped. */
#define fmt_count(buf, size, value) fmt_amount ((buf), (size), (value), 0)
/* Yuan: up to two decimals, grouped. */
#define fmt_money(buf, size, value) fmt_amount ((buf), (size), (value), 2)

/* What a value measures, for fmt_value(). */
typedef enum
{
  UNIT_PLAIN,            /* 4.4, 10: up to 4 decimals */
  UNIT_PERCENT,          /* a fraction 0–1 as a percentage: 0.06 → 6%, 0.006 → 0.6% */
  UNIT_YUAN,             /* 2,000 yuan */
  UNIT_YUAN_PER_ORDER,   /* 1.5 yuan per order */
  UNIT_DAYS,             /* 7 days */
  UNIT_COUNT,            /* 1,300: whole, grouped; with a noun, "4,600 traffic coupons" */
} Unit;

/* Big enough for any value fmt_value() writes. */
#define VALUE_BUF 96

/*
 * @value in @unit as a reader expects it, never the locale: "6%" (the same
 * in Chinese), "2,000 yuan" / "2,000 元", "7 days", "1,300". @noun follows a
 * UNIT_COUNT ("traffic coupons"); NULL for none. Returns @buf (at least
 * VALUE_BUF bytes).
 */
static const char *
fmt_value (char       *buf,
           gsize       size,
           double      value,
           Unit        unit,
           const char *noun)
{
  char num[G_ASCII_DTOSTR_BUF_SIZE * 2];
  g_autofree char *s = NULL;

  switch (unit)
    {
    case UNIT_PERCENT:
      fmt_num (num, sizeof num, value * 100);
      g_strlcpy (buf, num, size);
      g_strlcat (buf, "%", size);
      return buf;
    case UNIT_YUAN:
      /* Translators: an amount of money, "2,000 yuan" */
      s = engine_strdup_printf (_("%s yuan"), fmt_money (num, sizeof num, value));
      break;
    case UNIT_YUAN_PER_ORDER:
      /* Translators: a fee charged on every order, "1.5 yuan per order" */
      s = engine_strdup_printf (_("%s yuan per order"), fmt_money (num, sizeof num, value));
      break;
    case UNIT_DAYS:
      /* Translators: a number of days, "7 days" */
      s = engine_strdup_printf (_("%s days"), fmt_amount (num, sizeof num, value, 2));
      break;
    case UNIT_COUNT:
      fmt_count (num, sizeof num, value);
      if (noun == NULL)
        return g_strlcpy (buf, num, size), buf;
      /* Translators: a count and its unit, "4,600 traffic coupons", "28,000 exposures" */
      s = engine_strdup_printf (_("%s %s"), num, noun);
      break;
    case UNIT_PLAIN:
    default:
      return fmt_num (buf, size, value);
    }
  g_strlcpy (buf, s, size);
  return buf;
}

/* The unit of a profile field's numbers. */
static Unit
field_unit (ScField field)
{
  switch (sc_field_info (field)->type)
    {
    case SC_FIELD_TYPE_FRACTION: return UNIT_PERCENT;
    case SC_FIELD_TYPE_MONEY: return UNIT_YUAN;
    default: return UNIT_PLAIN;
    }
}

/* The unit of a baseline fee (docs/program-format.md, "Baseline"). */
static Unit
fee_unit (ScFee fee)
{
  switch (fee)
    {
    case SC_FEE_COMMISSION:
    case SC_FEE_PROMOTION: return UNIT_PERCENT;
    case SC_FEE_RETURN_SHIPPING: return UNIT_YUAN_PER_ORDER;
    case SC_FEE_DEPOSIT: return UNIT_YUAN;
    case SC_FEE_SETTLEMENT_DAYS: return UNIT_DAYS;
    default: return UNIT_PLAIN;
    }
}

/* sc_day_format() without GDate and printf (@buf at least 11 bytes): the
 * Gregorian date of a GDate Julian day by the days-to-civil algorithm
 * (H. Hinnant), for years 1 … 9999; sc_day_format() for the rest. */
static const char *
fmt_day (char  *buf,
         ScDay  day)
{
  gint64 z, era, doe, yoe, doy, mp, y, m, d;

  if (day == SC_DAY_NONE || day > 3652059)   /* 3652059 = 9999-12-31 */
    return sc_day_format (day, buf);
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

/* "2026-01-01 – 2026-03-31" with the last day shown (end is exclusive). */
static char *
fmt_window (ScWindow w)
{
  char a[16] = "", b[16] = "";

  if (w.start != SC_DAY_NONE)
    fmt_day (a, w.start);
  if (w.end != SC_DAY_NONE)
    fmt_day (b, w.end - 1);
  if (w.end == SC_DAY_NONE)
    return engine_strdup_printf (_("%s onwards"), a);
  if (w.start == SC_DAY_NONE)
    return engine_strdup_printf (_("until %s"), b);
  return engine_strdup_printf ("%s – %s", a, b);
}

/* --- evaluation context ----------------------------------------------------- */

typedef struct
{
  ScMeasureResult  pub;
  double          *fee_red;   /* SC_N_FEES × n_months, or NULL */
  ScWindow         window;    /* effective window */
  guint            platform;  /* index into Ctx.platforms */
} MeasurePriv;

typedef struct
{
  ScCatalog        *catalog;
  const ScProfile  *profile;
  const char       *lang;
  gboolean          reasons;
  gboolean          series;

  gpointer          scratch;       /* holds cum, gross[*] and month_start */
  ScDay             as_of;
  ScDay             hend;
  guint             n_months;
  guint             n_days;
  ScDay            *month_start;   /* n_months + 1 */
  double           *cum;           /* n_days + 1: GMV from as_of */
  double            rate_before;   /* daily GMV before as_of */
  double            rate_after;    /* daily GMV after the horizon */
  ScDay             first_sale;
  gboolean          have_gmv;
  gboolean          have_aov;
  double            aov;
  gboolean          have_coc;
  double            coc;
  gboolean          have_ypk;
  double            ypk;

  GPtrArray        *platforms;     /* char*, sorted */
  double          **gross;         /* per platform: SC_N_FEES × n_months */
  guint            *platform_basis;

  GPtrArray        *assumptions;
  GHashTable       *assumption_seen;   /* made by add_line() when needed */
  GPtrArray        *warnings;
  gconstpointer     noted[64];     /* sources of assumptions already noted */
  guint             n_noted;
} Ctx;

/*
 * TRUE the first time the assumption from @source (a baseline item, an
 * override, an assumed ScNumber) is to be noted in this evaluation. Its
 * line depends on the source alone, so a second note would be dropped as a
 * duplicate anyway: skipping it saves formatting it again.
 */
static gboolean
ctx_first_note (Ctx           *ctx,
                gconstpointer  source)
{
  if (!ctx->reasons)
    return FALSE;
  for (guint i = 0; i < ctx->n_noted; i++)
    if (ctx->noted[i] == source)
      return FALSE;
  if (ctx->n_noted < G_N_ELEMENTS (ctx->noted))
    ctx->noted[ctx->n_noted++] = source;
  return TRUE;
}

/* Appends @line (taking it) unless @lines has it already. A few dozen lines
 * are compared directly (cheaper than hashing long notes); past that a set
 * in *@seen, made on first need, keeps it linear. */
static void
add_line (GPtrArray   *lines,
          GHashTable **seen,
          char        *line)
{
  if (*seen == NULL && lines->len >= 32)
    {
      *seen = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < lines->len; i++)
        g_hash_table_add (*seen, g_ptr_array_index (lines, i));
    }
  if (*seen != NULL ? g_hash_table_contains (*seen, line) : g_ptr_array_find_with_equal_func (lines, line, g_str_equal, NULL))
    {
      g_free (line);
      return;
    }
  if (*seen != NULL)
    g_hash_table_add (*seen, line);
  g_ptr_array_add (lines, line);
}

static void G_GNUC_PRINTF (2, 3)
ctx_warning_real (Ctx        *ctx,
             const char *format,
             ...)
{
  va_list args;
  char *line;

  if (!ctx->reasons)
    return;
  va_start (args, format);
  line = engine_vprintf (format, args);
  va_end (args);
  for (guint i = 0; i < ctx->warnings->len; i++)
    if (g_str_equal (g_ptr_array_index (ctx->warnings, i), line))
      {
        g_free (line);
        return;
      }
  g_ptr_array_add (ctx->warnings, line);
}

static void G_GNUC_PRINTF (2, 3)
ctx_assumption_real (Ctx        *ctx,
                const char *format,
                ...)
{
  va_list args;

  if (!ctx->reasons)
    return;
  va_start (args, format);
  add_line (ctx->assumptions, &ctx->assumption_seen, engine_vprintf (format, args));
  va_end (args);
}

static void G_GNUC_PRINTF (3, 4)
add_reason_real (Ctx             *ctx,
            ScMeasureResult *mr,
            const char      *format,
            ...)
{
  va_list args;

  if (!ctx->reasons)
    return;
  va_start (args, format);
  g_ptr_array_add (mr->reasons, engine_vprintf (format, args));
  va_end (args);
}

/* Formatting the arguments costs more than the numbers: skip it when no
 * reasons are wanted (sweeps, live editing). */
#define add_reason(ctx, ...) G_STMT_START { if ((ctx)->reasons) add_reason_real ((ctx), __VA_ARGS__); } G_STMT_END
#define ctx_assumption(ctx, ...) G_STMT_START { if ((ctx)->reasons) ctx_assumption_real ((ctx), __VA_ARGS__); } G_STMT_END
#define ctx_warning(ctx, ...) G_STMT_START { if ((ctx)->reasons) ctx_warning_real ((ctx), __VA_ARGS__); } G_STMT_END

static const char *
field_label (ScField field)
{
  return _(sc_field_info (field)->label);
}

/* The fee as a reader calls it; sc_fee_to_string() is the XML name. */
static const char *
fee_label (ScFee fee)
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

static guint
month_of (Ctx   *ctx,
          ScDay  day)
{
  guint lo = 0, hi = ctx->n_months;

  /* month_start is increasing: binary search */
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (ctx->month_start[mid] <= day)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

static gboolean
in_horizon (Ctx   *ctx,
            ScDay  day)
{
  return day >= ctx->as_of && day < ctx->hend;
}

/* Days of [d0, d1) on or after the first sale. */
static double
selling_days (Ctx   *ctx,
              ScDay  d0,
              ScDay  d1)
{
  if (ctx->first_sale != SC_DAY_NONE && d0 < ctx->first_sale)
    d0 = ctx->first_sale;
  return d1 > d0 ? (double) (d1 - d0) : 0;
}

/* GMV over [d0, d1); works outside the horizon too (see the top comment). */
static double
gmv_between (Ctx   *ctx,
             ScDay  d0,
             ScDay  d1)
{
  double total = 0;

  if (!ctx->have_gmv || d1 <= d0)
    return 0;
  if (d0 < ctx->as_of)
    total += selling_days (ctx, d0, MIN (d1, ctx->as_of)) * ctx->rate_before;
  if (d1 > ctx->hend)
    total += selling_days (ctx, MAX (d0, ctx->hend), d1) * ctx->rate_after;
  {
    ScDay a = MAX (d0, ctx->as_of), b = MIN (d1, ctx->hend);

    if (b > a)
      total += ctx->cum[b - ctx->as_of] - ctx->cum[a - ctx->as_of];
  }
  return total;
}

/* Adds factor × GMV of [d0, d1) ∩ horizon to @amount, month by month; returns the sum. */
static double
book_gmv (Ctx     *ctx,
          double  *monthly,
          double  *fee_red,
          ScAmount amount,
          ScDay    d0,
          ScDay    d1,
          double   factor)
{
  double total = 0;

  d0 = MAX (d0, ctx->as_of);
  d1 = MIN (d1, ctx->hend);
  if (d1 <= d0 || factor == 0)
    return 0;
  for (guint m = month_of (ctx, d0); m < ctx->n_months && ctx->month_start[m] < d1; m++)
    {
      ScDay a = MAX (d0, ctx->month_start[m]), b = MIN (d1, ctx->month_start[m + 1]);
      double v;

      if (b <= a)
        continue;
      v = factor * (ctx->cum[b - ctx->as_of] - ctx->cum[a - ctx->as_of]);
      monthly[m * SC_N_AMOUNTS + amount] += v;
      if (fee_red != NULL)
        fee_red[m] += v;
      total += v;
    }
  return total;
}

static void
book_day (Ctx     *ctx,
          double  *monthly,
          ScAmount amount,
          ScDay    day,
          double   value)
{
  if (!in_horizon (ctx, day))
    return;
  monthly[month_of (ctx, day) * SC_N_AMOUNTS + amount] += value;
}

static ScWindow
window_intersect (ScWindow a,
                  ScWindow b)
{
  ScWindow w = a;

  if (b.start != SC_DAY_NONE && (w.start == SC_DAY_NONE || b.start > w.start))
    w.start = b.start;
  if (b.end != SC_DAY_NONE && (w.end == SC_DAY_NONE || b.end < w.end))
    w.end = b.end;
  return w;
}

/* [lo, hi) = @w ∩ horizon; FALSE when empty. */
static gboolean
window_in_horizon (Ctx      *ctx,
                   ScWindow  w,
                   ScDay    *lo,
                   ScDay    *hi)
{
  ScDay a = ctx->as_of, b = ctx->hend;

  if (w.start != SC_DAY_NONE && w.start > a)
    a = w.start;
  if (w.end != SC_DAY_NONE && w.end < b)
    b = w.end;
  *lo = a;
  *hi = b;
  return b > a;
}

/* --- baselines ---------------------------------------------------------------- */

/* The platform as the reader knows it: its baseline's name in the
 * result's language (快手, Kuaishou), or the id when no baseline names it. */
static const char *
platform_label (Ctx        *ctx,
                const char *platform)
{
  const ScBaseline *baseline = sc_catalog_find_baseline (ctx->catalog, platform);
  const char *name;

  if (baseline == NULL)
    return platform;
  name = sc_text_get (&baseline->name, ctx->lang);
  return name != NULL && *name != '\0' ? name : platform;
}

static gboolean
baseline_value (Ctx        *ctx,
                const char *platform,
                ScFee       fee,
                double     *value,
                guint      *basis)
{
  const char *category = sc_profile_get_choice (ctx->profile, SC_FIELD_CATEGORY);
  const ScProfileOverride *o = NULL;
  const ScBaseline *baseline;
  const ScBaselineItem *any = NULL, *exact = NULL, *item;
  char buf[VALUE_BUF];

  if (category != NULL)
    o = sc_profile_find_override (ctx->profile, platform, fee, category);
  if (o == NULL)
    o = sc_profile_find_override (ctx->profile, platform, fee, NULL);
  if (o != NULL)
    {
      *value = o->value;
      *basis |= SC_BASIS_PROFILE;
      const char *note = sc_text_get (&o->note, ctx->lang);

      if (!ctx_first_note (ctx, o))
        return TRUE;
      if (note[0] != '\0')
        /* Translators: platform, fee, " / " and category (or nothing), value, note */
        ctx_assumption (ctx, _("%s %s%s%s: %s (your override) — %s"), platform_label (ctx, platform),
                        fee_label (fee), o->category ? " / " : "",
                        o->category ? choice_label (SC_FIELD_CATEGORY, o->category) : "",
                        fmt_value (buf, sizeof buf, o->value, fee_unit (fee), NULL), note);
      else
        /* Translators: platform, fee, " / " and category (or nothing), value */
        ctx_assumption (ctx, _("%s %s%s%s: %s (your override)"), platform_label (ctx, platform),
                        fee_label (fee), o->category ? " / " : "",
                        o->category ? choice_label (SC_FIELD_CATEGORY, o->category) : "",
                        fmt_value (buf, sizeof buf, o->value, fee_unit (fee), NULL));
      return TRUE;
    }

  baseline = sc_catalog_find_baseline (ctx->catalog, platform);
  if (baseline == NULL)
    return FALSE;
  for (guint i = 0; i < baseline->items->len; i++)
    {
      item = g_ptr_array_index (baseline->items, i);
      if (item->fee != fee || !item->value.set)
        continue;
      if (item->category == NULL && any == NULL)
        any = item;
      else if (category != NULL && g_strcmp0 (item->category, category) == 0 && exact == NULL)
        exact = item;
    }
  item = exact ? exact : any;
  if (item == NULL)
    return FALSE;
  *value = item->value.value;
  *basis |= item->value.basis;
  if ((item->value.basis & SC_BASIS_ASSUMED) && ctx_first_note (ctx, item))
    /* Translators: platform, fee, " / " and category (or nothing), value, note */
    ctx_assumption (ctx, _("%s %s%s%s: %s (assumed) — %s"),
                    sc_text_get (&baseline->name, ctx->lang), fee_label (fee),
                    item->category ? " / " : "",
                    item->category ? choice_label (SC_FIELD_CATEGORY, item->category) : "",
                    fmt_value (buf, sizeof buf, item->value.value, fee_unit (fee), NULL),
                    sc_text_get (&item->value.note, ctx->lang));
  return TRUE;
}

/* --- conditions ------------------------------------------------------------------ */

static const char *
cond_label (const ScCond *cond,
            const char   *lang)
{
  if (cond->label.zh == NULL && cond->label.en == NULL)
    return NULL;
  return sc_text_get (&cond->label, lang);
}

static const char *
op_symbol (ScOp op)
{
  switch (op)
    {
    case SC_OP_EQ: return "=";
    case SC_OP_NE: return "≠";
    case SC_OP_LT: return "<";
    case SC_OP_LE: return "≤";
    case SC_OP_GT: return ">";
    case SC_OP_GE: return "≥";
    default: return "?";
    }
}

static void
reason_unknown (const ScCond *cond,
                const char   *lang,
                GPtrArray    *reasons)
{
  if (reasons == NULL)
    return;
  g_ptr_array_add (reasons, engine_strdup_printf (_("Needs information: %s"), field_label (cond->field)));
}

static char *
choices_text (ScField             field,
              const char *const  *values)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (s, " / ");
      g_string_append (s, choice_label (field, values[i]));
    }
  return g_string_free (s, FALSE);
}

static int
eval_cond (const ScCond    *cond,
           const ScProfile *profile,
           const char      *lang,
           GPtrArray       *reasons)
{
  const ScProfileValue *v;
  const char *label;

  switch (cond->kind)
    {
    case SC_COND_ALL:
    case SC_COND_ANY:
      {
        gboolean all = cond->kind == SC_COND_ALL;
        gboolean any_unknown = FALSE, decided = FALSE;
        guint n_children = cond->children != NULL ? cond->children->len : 0;
        guint base = reasons != NULL ? reasons->len : 0;
        /* Each child appends its reasons to @reasons; what kind of answer it
         * gave is kept per child, and only the reasons of the children that
         * decide stay (the false ones for all, the true ones for any; else
         * the unknown ones, else the rest), in order: no copies. */
        enum { DECISIVE, UNKNOWN, OTHER };
        int kind_buf[32], keep;
        guint end_buf[32];
        g_autofree int *kind_heap = NULL;
        g_autofree guint *end_heap = NULL;
        int *kind = kind_buf;
        guint *end = end_buf;

        if (reasons != NULL && n_children > G_N_ELEMENTS (end_buf))
          {
            kind = kind_heap = g_new (int, n_children);
            end = end_heap = g_new (guint, n_children);
          }
        for (guint i = 0; i < n_children; i++)
          {
            int r = eval_cond (g_ptr_array_index (cond->children, i), profile, lang, reasons);
            int k;

            if (r < 0)
              {
                any_unknown = TRUE;
                k = UNKNOWN;
              }
            else if ((r == 0) == all)
              {
                decided = TRUE;
                k = DECISIVE;
              }
            else
              k = OTHER;
            if (reasons == NULL)
              {
                if (decided)
                  break;
                continue;
              }
            kind[i] = k;
            end[i] = reasons->len;
          }

        label = cond_label (cond, lang);
        keep = decided ? DECISIVE : any_unknown ? UNKNOWN : OTHER;
        if (reasons != NULL)
          {
            guint j = base, to = base;

            for (guint i = 0; i < n_children; i++)
              for (; j < end[i]; j++)
                {
                  if (kind[i] == keep)
                    reasons->pdata[to++] = reasons->pdata[j];
                  else
                    g_free (reasons->pdata[j]);
                }
            /* What is past @to was moved down or freed: only NULLs are left to drop. */
            for (j = to; j < reasons->len; j++)
              reasons->pdata[j] = NULL;
            g_ptr_array_set_size (reasons, (int) to);
            if (label != NULL && !(any_unknown && !decided))
              g_ptr_array_insert (reasons, (int) base, g_strdup (label));
          }
        if (decided)
          return all ? 0 : 1;
        if (any_unknown)
          return -1;
        return all ? 1 : 0;
      }

    case SC_COND_NOT:
      {
        const ScCond *child = (cond->children && cond->children->len > 0)
                                ? g_ptr_array_index (cond->children, 0) : NULL;
        int r;

        if (child == NULL)
          return -1;
        label = cond_label (cond, lang);
        if (reasons != NULL && label != NULL)
          {
            guint base = reasons->len;

            r = eval_cond (child, profile, lang, reasons);
            if (r >= 0)
              g_ptr_array_insert (reasons, (int) base, g_strdup (label));
          }
        else
          r = eval_cond (child, profile, lang, reasons);
        return r < 0 ? -1 : !r;
      }

    case SC_COND_COMPARE:
      {
        double x, t = cond->number.value;
        gboolean holds;
        char bx[VALUE_BUF], bt[VALUE_BUF];

        v = &profile->values[cond->field];
        if (!v->set)
          {
            reason_unknown (cond, lang, reasons);
            return -1;
          }
        x = v->number;
        switch (cond->op)
          {
          case SC_OP_EQ: holds = x == t; break;
          case SC_OP_NE: holds = x != t; break;
          case SC_OP_LT: holds = x < t; break;
          case SC_OP_LE: holds = x <= t; break;
          case SC_OP_GT: holds = x > t; break;
          case SC_OP_GE: holds = x >= t; break;
          default: holds = FALSE; break;
          }
        if (reasons != NULL)
          {
            const char *rel = holds ? op_symbol (cond->op) : (x < t ? "<" : x > t ? ">" : "=");
            Unit unit = field_unit (cond->field);

            label = cond_label (cond, lang);
            /* "Shop experience score 4.3 < 4.4", "… Qianchuan·Chengfang 30% > 0%" */
            g_ptr_array_add (reasons, engine_strdup_printf ("%s %s %s %s",
                                                            label ? label : field_label (cond->field),
                                                            fmt_value (bx, sizeof bx, x, unit, NULL), rel,
                                                            fmt_value (bt, sizeof bt, t, unit, NULL)));
          }
        return holds;
      }

    case SC_COND_IS:
      {
        const ScFieldInfo *info = sc_field_info (cond->field);
        const char *value;
        gboolean holds = FALSE;

        v = &profile->values[cond->field];
        if (!v->set)
          {
            reason_unknown (cond, lang, reasons);
            return -1;
          }
        if (info->type == SC_FIELD_TYPE_BOOL)
          value = v->number != 0 ? "true" : "false";
        else
          value = v->choice;
        for (guint i = 0; cond->values != NULL && cond->values[i] != NULL; i++)
          if (g_strcmp0 (cond->values[i], value) == 0)
            holds = TRUE;
        if (reasons != NULL)
          {
            label = cond_label (cond, lang);
            if (label == NULL)
              label = field_label (cond->field);
            if (holds)
              g_ptr_array_add (reasons, engine_strdup_printf (_("%s: %s"), label,
                                                              choice_label (cond->field, value)));
            else
              {
                g_autofree char *wanted = choices_text (cond->field, (const char *const *) cond->values);

                g_ptr_array_add (reasons, engine_strdup_printf (_("%s: %s, not %s"), label,
                                                                choice_label (cond->field, value),
                                                                wanted));
              }
          }
        return holds;
      }

    case SC_COND_DATE_IN:
      {
        gboolean holds;
        char bd[16];

        v = &profile->values[cond->field];
        if (!v->set)
          {
            reason_unknown (cond, lang, reasons);
            return -1;
          }
        holds = sc_window_contains (&cond->window, v->date);
        if (reasons != NULL)
          {
            g_autofree char *w = fmt_window (cond->window);

            label = cond_label (cond, lang);
            if (label == NULL)
              label = field_label (cond->field);
            /* Translators: condition, the profile's date, the window:
             * "First sale made: 2026-01-10, within 2026-01-01 onwards" */
            g_ptr_array_add (reasons, engine_strdup_printf (holds ? _("%s: %s, within %s")
                                                                  : _("%s: %s, not within %s"),
                                                            label, fmt_day (bd, v->date), w));
          }
        return holds;
      }

    default:
      return -1;
    }
}

int
sc_engine_eval_condition (const ScCond    *cond,
                          const ScProfile *profile,
                          const char      *lang,
                          GPtrArray       *reasons)
{
  g_return_val_if_fail (cond != NULL && profile != NULL, -1);
  return eval_cond (cond, profile, lang ? lang : sc_lang_current (), reasons);
}

/* --- effects ------------------------------------------------------------------------ */

/* Notes the assumed number @n of @measure, in @unit (@noun after a count). */
static void
note_assumed (Ctx             *ctx,
              const ScMeasure *measure,
              const char      *what,
              const ScNumber  *n,
              Unit             unit,
              const char      *noun)
{
  char buf[VALUE_BUF];

  if (!ctx->reasons || !n->set || !(n->basis & SC_BASIS_ASSUMED) || !ctx_first_note (ctx, n))
    return;
  /* Translators: measure title, what (e.g. "reward"), value, note:
   * "Leap gold plan: reward 500 yuan (assumed) — The article gives no reward…" */
  ctx_assumption (ctx, _("%s: %s %s (assumed) — %s"), sc_text_get (&measure->title, ctx->lang),
                  what, fmt_value (buf, sizeof buf, n->value, unit, noun), sc_text_get (&n->note, ctx->lang));
}

static gboolean
cond_has_assumed (const ScCond *cond)
{
  if (cond->kind == SC_COND_COMPARE)
    return cond->number.set && (cond->number.basis & SC_BASIS_ASSUMED);
  for (guint i = 0; cond->children != NULL && i < cond->children->len; i++)
    if (cond_has_assumed (g_ptr_array_index (cond->children, i)))
      return TRUE;
  return FALSE;
}

/*
 * Notes the assumed numbers of @cond (which evaluated to @r) that decided
 * it: those whose comparison is among the reasons eval_cond() keeps (the
 * false children of an all, the true ones of an any, else the unknown ones,
 * else the rest), so what is listed is what the reasons show. A threshold
 * compared with a field the profile leaves unset decided nothing.
 */
static void
note_cond_assumed (Ctx             *ctx,
                   ScMeasureResult *mr,
                   const ScCond    *cond,
                   int              r)
{
  switch (cond->kind)
    {
    case SC_COND_ALL:
    case SC_COND_ANY:
      {
        gboolean all = cond->kind == SC_COND_ALL;
        guint n = cond->children != NULL ? cond->children->len : 0;
        gboolean decided = FALSE, any_unknown = FALSE;
        int rs_buf[32];
        g_autofree int *rs_heap = NULL;
        int *rs = rs_buf;

        /* Most conditions assume nothing: no second evaluation for them. */
        if (r < 0 || !cond_has_assumed (cond))
          break;
        if (n > G_N_ELEMENTS (rs_buf))
          rs = rs_heap = g_new (int, n);
        for (guint i = 0; i < n; i++)
          {
            rs[i] = eval_cond (g_ptr_array_index (cond->children, i), ctx->profile, ctx->lang, NULL);
            if (rs[i] < 0)
              any_unknown = TRUE;
            else if ((rs[i] == 0) == all)
              decided = TRUE;
          }
        for (guint i = 0; i < n; i++)
          {
            gboolean keep = decided ? (rs[i] >= 0 && (rs[i] == 0) == all)
                          : any_unknown ? rs[i] < 0
                          : TRUE;

            if (keep && rs[i] >= 0)
              note_cond_assumed (ctx, mr, g_ptr_array_index (cond->children, i), rs[i]);
          }
        break;
      }
    case SC_COND_NOT:
      if (r >= 0 && cond->children != NULL && cond->children->len > 0)
        note_cond_assumed (ctx, mr, g_ptr_array_index (cond->children, 0), !r);
      break;
    case SC_COND_COMPARE:
      if (r >= 0 && cond->number.set && (cond->number.basis & SC_BASIS_ASSUMED))
        {
          const char *label = cond_label (cond, ctx->lang);
          g_autofree char *what = NULL;

          mr->basis |= cond->number.basis;
          if (!ctx->reasons)
            break;
          /* The condition as its reason shows it: "Has orders through Qianchuan·Chengfang >". */
          what = engine_strdup_printf ("%s %s", label ? label : field_label (cond->field), op_symbol (cond->op));
          note_assumed (ctx, mr->measure, what, &cond->number, field_unit (cond->field), NULL);
        }
      break;
    default:
      break;
    }
}

/* The unit of a grant's or reward's amount: yuan, or a count of traffic. */
static Unit
benefit_unit (const ScEffect *eff)
{
  return eff->benefit == SC_BENEFIT_TRAFFIC ? UNIT_COUNT : UNIT_YUAN;
}

static const char *
benefit_noun (const ScEffect *eff)
{
  return eff->benefit == SC_BENEFIT_TRAFFIC ? sc_traffic_unit_label (eff->unit ? eff->unit : "exposure") : NULL;
}

/* The tier of @eff reached first: the lowest threshold of a tiered effect,
 * the widest top N of a rank (the loader keeps them in that order). */
static const ScTier *
first_tier (const ScEffect *eff)
{
  return eff->tiers != NULL && eff->tiers->len > 0 ? g_ptr_array_index (eff->tiers, 0) : NULL;
}

/* The threshold of @tier decided what a checkpoint or a rank pays: its
 * basis is the measure's, and an assumed one is listed (yuan of GMV for a
 * tiered effect, a top N as a count for a rank). */
static void
note_threshold (Ctx             *ctx,
                ScMeasureResult *mr,
                const ScTier    *tier,
                Unit             unit)
{
  if (tier == NULL || !tier->threshold.set)
    return;
  mr->basis |= tier->threshold.basis;
  if (unit == UNIT_COUNT)
    /* Translators: what an assumed number is: the top N a rank must be within, "rank tier, top 1,000" */
    note_assumed (ctx, mr->measure, _("rank tier, top"), &tier->threshold, UNIT_COUNT, NULL);
  else
    /* Translators: what an assumed number is: the GMV a tier of rewards starts at */
    note_assumed (ctx, mr->measure, _("tier threshold"), &tier->threshold, unit, NULL);
}

static gboolean
need (Ctx             *ctx,
      ScMeasureResult *mr,
      ScField          field)
{
  if (ctx->profile->values[field].set)
    return TRUE;
  mr->status = SC_MEASURE_NEEDS_INFO;
  add_reason (ctx, mr, _("Needs information: %s"), field_label (field));
  return FALSE;
}

/* Day 0 of @eff: a date of the profile (needs information when unset,
 * unless the effect falls back on another anchor then) or the start of the
 * measure's window. *@used (may be NULL) is the anchor that gave it. */
static ScDay
anchor_day (Ctx             *ctx,
            MeasurePriv     *mp,
            const ScEffect  *eff,
            ScAnchor        *used)
{
  ScMeasureResult *mr = &mp->pub;
  ScAnchor anchor = eff->anchor;
  ScField field;

  if (anchor == SC_ANCHOR_FIELD && eff->anchor_fallback != SC_ANCHOR_FIELD
      && (guint) eff->anchor_field < SC_N_FIELDS && !ctx->profile->values[eff->anchor_field].set)
    anchor = eff->anchor_fallback;
  if (used != NULL)
    *used = anchor;
  switch (anchor)
    {
    case SC_ANCHOR_FIRST_SALE: field = SC_FIELD_FIRST_SALE_DATE; break;
    case SC_ANCHOR_ENTRY: field = SC_FIELD_ENTRY_DATE; break;
    case SC_ANCHOR_FIRST_LIVE: field = SC_FIELD_FIRST_LIVE_DATE; break;
    case SC_ANCHOR_FIELD:
      /* The loader accepts only date fields here. */
      if ((guint) eff->anchor_field >= SC_N_FIELDS)
        return SC_DAY_NONE;
      field = eff->anchor_field;
      break;
    case SC_ANCHOR_WINDOW_START:
    default:
      return mp->window.start != SC_DAY_NONE ? mp->window.start : ctx->as_of;
    }
  if (!need (ctx, mr, field))
    return SC_DAY_NONE;
  mr->basis |= SC_BASIS_PROFILE;
  return ctx->profile->values[field].date;
}

/* Books one benefit of @amount (yuan or traffic units) on @day. */
static void
book_benefit (Ctx             *ctx,
              MeasurePriv     *mp,
              const ScEffect  *eff,
              ScDay            day,
              double           amount)
{
  ScMeasureResult *mr = &mp->pub;
  double *monthly = mr->monthly;

  switch (eff->benefit)
    {
    case SC_BENEFIT_CASH:
      book_day (ctx, monthly, SC_AMOUNT_CASH, day, amount);
      break;
    case SC_BENEFIT_AD_CREDIT:
      book_day (ctx, monthly, SC_AMOUNT_AD_CREDIT, day, amount);
      break;
    case SC_BENEFIT_COUPON:
      book_day (ctx, monthly, SC_AMOUNT_COUPON, day, amount);
      break;
    case SC_BENEFIT_TRAFFIC:
      {
        double per_unit = 1, exposures;
        gboolean known = TRUE;

        if (eff->unit != NULL && !g_str_equal (eff->unit, "exposure"))
          {
            if (eff->exposures_per_unit.set)
              {
                per_unit = eff->exposures_per_unit.value;
                mr->basis |= eff->exposures_per_unit.basis;
                /* Translators: what an assumed number is: exposures one traffic coupon buys */
                note_assumed (ctx, mr->measure, _("exposures per unit"), &eff->exposures_per_unit,
                              UNIT_PLAIN, NULL);
              }
            else
              {
                known = FALSE;
                add_reason (ctx, mr, _("Traffic in %s is not converted to exposures: the data gives no exposures per unit"),
                            sc_traffic_unit_label (eff->unit));
              }
          }
        mr->traffic_unit = eff->unit ? eff->unit : "exposure";
        book_day (ctx, monthly, SC_AMOUNT_TRAFFIC_UNITS, day, amount);
        if (!known)
          break;
        exposures = amount * per_unit;
        book_day (ctx, monthly, SC_AMOUNT_TRAFFIC_EXPOSURES, day, exposures);
        if (ctx->have_ypk)
          {
            mr->basis |= SC_BASIS_PROFILE;
            book_day (ctx, monthly, SC_AMOUNT_TRAFFIC_VALUE, day, exposures * ctx->ypk / 1000.0);
          }
        else if (in_horizon (ctx, day))
          {
            add_reason (ctx, mr, _("Traffic is not valued in yuan: set “%s” in the profile"),
                        field_label (SC_FIELD_YUAN_PER_1000_EXPOSURES));
            ctx_warning (ctx, _("Traffic is not valued in yuan: set “%s” in the profile"),
                         field_label (SC_FIELD_YUAN_PER_1000_EXPOSURES));
          }
        break;
      }
    default:
      break;
    }
}

static const char *
benefit_label (ScBenefit benefit)
{
  switch (benefit)
    {
    /* Translators: after an amount in yuan, "up to 240 yuan in cash on 2026-01-10" */
    case SC_BENEFIT_CASH: return _("yuan in cash");
    case SC_BENEFIT_AD_CREDIT: return _("yuan in ad credit");
    case SC_BENEFIT_COUPON: return _("yuan in coupons");
    case SC_BENEFIT_TRAFFIC: return _("traffic units");
    default: return "";
    }
}

static void
eval_grant (Ctx            *ctx,
            MeasurePriv    *mp,
            const ScEffect *eff)
{
  ScMeasureResult *mr = &mp->pub;
  ScDay day = anchor_day (ctx, mp, eff, NULL);
  char bd[16], ba[G_ASCII_DTOSTR_BUF_SIZE];

  if (day == SC_DAY_NONE || !eff->amount.set)
    return;
  if (eff->days.set)
    {
      day += (ScDay) MAX (0, eff->days.value);
      mr->basis |= eff->days.basis;
      /* Translators: what an assumed number is: the days from the anchor to the payment */
      note_assumed (ctx, mr->measure, _("payment delay"), &eff->days, UNIT_DAYS, NULL);
    }
  mr->basis |= eff->amount.basis;
  /* Translators: what an assumed number is, shown as "title — amount 240 (assumed): note" */
  note_assumed (ctx, mp->pub.measure, _("amount"), &eff->amount, benefit_unit (eff), benefit_noun (eff));
  if (!sc_window_contains (&mp->window, day))
    {
      add_reason (ctx, mr, _("Paid on %s, outside the measure’s window: nothing counted"), fmt_day (bd, day));
      return;
    }
  /* The estimate is of what is still to come: a grant paid before the
   * evaluation date has been received (or missed) already. */
  if (day < ctx->as_of)
    {
      char be[16];

      /* Translators: payment day, evaluation date */
      add_reason (ctx, mr, _("Paid on %s, before the evaluation date %s: already received, so not counted (the estimate covers what is still to come)"),
                  fmt_day (bd, day), fmt_day (be, ctx->as_of));
      return;
    }
  if (!in_horizon (ctx, day))
    {
      add_reason (ctx, mr, _("Paid on %s, outside the horizon: nothing counted"), fmt_day (bd, day));
      return;
    }
  book_benefit (ctx, mp, eff, day, eff->amount.value);
  /* Translators: "up to " or nothing, amount, kind (cash, ad credit…), payment day:
   * "up to 240 cash on 2026-01-15". "up to " keeps its trailing space. */
  add_reason (ctx, mr, _("%s%s %s on %s"), eff->up_to ? _("up to ") : "",
              eff->benefit == SC_BENEFIT_TRAFFIC ? fmt_count (ba, sizeof ba, eff->amount.value)
                                                 : fmt_money (ba, sizeof ba, eff->amount.value),
              eff->benefit == SC_BENEFIT_TRAFFIC ? sc_traffic_unit_label (eff->unit)
                                                 : benefit_label (eff->benefit),
              fmt_day (bd, day));
}

static void
eval_tiered (Ctx            *ctx,
             MeasurePriv    *mp,
             const ScEffect *eff)
{
  ScMeasureResult *mr = &mp->pub;
  ScDay anchor;
  double paid = 0, cap = eff->max_total.set ? eff->max_total.value : INFINITY;
  char bd[16], b1[G_ASCII_DTOSTR_BUF_SIZE], b2[G_ASCII_DTOSTR_BUF_SIZE], b3[G_ASCII_DTOSTR_BUF_SIZE];

  if (!need (ctx, mr, SC_FIELD_MONTHLY_GMV))
    return;
  anchor = anchor_day (ctx, mp, eff, NULL);
  if (anchor == SC_DAY_NONE)
    return;
  mr->basis |= SC_BASIS_PROFILE;
  if (eff->max_total.set)
    {
      mr->basis |= eff->max_total.basis;
      note_assumed (ctx, mr->measure, _("maximum"), &eff->max_total, benefit_unit (eff), benefit_noun (eff));
    }
  if (!sc_window_contains (&mp->window, anchor))
    {
      add_reason (ctx, mr, _("Starts on %s, outside the measure’s window: nothing counted"), fmt_day (bd, anchor));
      return;
    }
  for (guint c = 0; eff->checkpoints != NULL && c < eff->checkpoints->len; c++)
    {
      guint offset = g_array_index (eff->checkpoints, guint, c);
      ScDay day = anchor + offset;
      double gmv = gmv_between (ctx, anchor, day);
      const ScTier *best = NULL;
      double reward;

      for (guint t = 0; eff->tiers != NULL && t < eff->tiers->len; t++)
        {
          const ScTier *tier = g_ptr_array_index (eff->tiers, t);

          if (tier->threshold.set && gmv + EPSILON >= tier->threshold.value)
            best = tier;
        }
      if (best == NULL)
        {
          /* The first tier's threshold is what made this checkpoint pay nothing. */
          note_threshold (ctx, mr, first_tier (eff), UNIT_YUAN);
          add_reason (ctx, mr, _("T%u (%s): GMV since the start %s is below the first tier"),
                      offset, fmt_day (bd, day), fmt_money (b1, sizeof b1, gmv));
          continue;
        }
      note_threshold (ctx, mr, best, UNIT_YUAN);
      if (!best->reward.set)
        {
          add_reason (ctx, mr, _("T%u (%s): tier %s reached but the data gives no reward for it"),
                      offset, fmt_day (bd, day), fmt_money (b1, sizeof b1, best->threshold.value));
          continue;
        }
      mr->basis |= best->reward.basis;
      note_assumed (ctx, mr->measure, _("reward"), &best->reward, benefit_unit (eff), benefit_noun (eff));
      reward = MIN (best->reward.value, MAX (0, cap - paid));
      if (reward < best->reward.value)
        mr->cut_by_cap = TRUE;
      paid += reward;
      fmt_day (bd, day);
      fmt_money (b1, sizeof b1, gmv);
      fmt_money (b2, sizeof b2, best->threshold.value);
      fmt_money (b3, sizeof b3, reward);
      /* As for grants: a checkpoint before the evaluation date has been
       * paid already (it still counts towards the maximum). */
      if (day < ctx->as_of)
        {
          char be[16];

          /* Translators: checkpoint day count and day, GMV since the start, tier threshold,
           * reward, evaluation date */
          add_reason (ctx, mr, _("T%u (%s): GMV since the start %s ≥ %s → %s, paid before the evaluation date %s: already received, so not counted"),
                      offset, bd, b1, b2, b3, fmt_day (be, ctx->as_of));
          continue;
        }
      if (in_horizon (ctx, day))
        book_benefit (ctx, mp, eff, day, reward);
      add_reason (ctx, mr, _("T%u (%s): GMV since the start %s ≥ %s → %s%s"), offset, bd, b1, b2, b3,
                  in_horizon (ctx, day) ? "" : _(" (outside the horizon)"));
    }
}

static void
eval_rank (Ctx            *ctx,
           MeasurePriv    *mp,
           const ScEffect *eff)
{
  ScMeasureResult *mr = &mp->pub;
  const ScTier *best = NULL;
  double rank, reward;
  ScDay lo, hi;
  char b1[G_ASCII_DTOSTR_BUF_SIZE], b2[G_ASCII_DTOSTR_BUF_SIZE], b3[G_ASCII_DTOSTR_BUF_SIZE];

  if (!need (ctx, mr, SC_FIELD_EXPECTED_RANK))
    return;
  mr->basis |= SC_BASIS_PROFILE;
  rank = ctx->profile->values[SC_FIELD_EXPECTED_RANK].number;
  for (guint t = 0; eff->tiers != NULL && t < eff->tiers->len; t++)
    {
      const ScTier *tier = g_ptr_array_index (eff->tiers, t);

      if (tier->threshold.set && rank <= tier->threshold.value
          && (best == NULL || tier->threshold.value < best->threshold.value))
        best = tier;
    }
  if (best == NULL)
    {
      /* The widest top N is what left the rank without a reward. */
      note_threshold (ctx, mr, first_tier (eff), UNIT_COUNT);
      add_reason (ctx, mr, _("Expected rank %s is outside every rewarded top N"), fmt_num (b1, sizeof b1, rank));
      return;
    }
  note_threshold (ctx, mr, best, UNIT_COUNT);
  if (!best->reward.set)
    return;
  mr->basis |= best->reward.basis;
  note_assumed (ctx, mr->measure, _("reward"), &best->reward, benefit_unit (eff), benefit_noun (eff));
  reward = best->reward.value;
  /* As for tiered rewards, a maximum bounds the value whether or not it cuts it. */
  if (eff->max_total.set)
    {
      mr->basis |= eff->max_total.basis;
      note_assumed (ctx, mr->measure, _("maximum"), &eff->max_total, benefit_unit (eff), benefit_noun (eff));
    }
  if (eff->max_total.set && reward > eff->max_total.value)
    {
      reward = eff->max_total.value;
      mr->cut_by_cap = TRUE;
    }
  /* Booked on the first day of the window inside the horizon. */
  if (!window_in_horizon (ctx, mp->window, &lo, &hi))
    return;
  book_benefit (ctx, mp, eff, lo, reward);
  add_reason (ctx, mr, _("Expected rank %s within top %s → %s"), fmt_num (b1, sizeof b1, rank),
              fmt_count (b2, sizeof b2, best->threshold.value), fmt_money (b3, sizeof b3, reward));
}

/* The return-shipping cover runs [start, end) (end SC_DAY_NONE = open):
 * from the day the profile says it was turned on, else from the first
 * sale (or as_of), for return-shipping-cover-days when given. */
static gboolean
cover_window (Ctx      *ctx,
              ScWindow *out)
{
  const ScProfile *p = ctx->profile;

  if (!sc_profile_get_bool (p, SC_FIELD_RETURN_COVER, FALSE))
    return FALSE;
  if (sc_profile_is_set (p, SC_FIELD_RETURN_COVER_SINCE))
    out->start = sc_profile_get_date (p, SC_FIELD_RETURN_COVER_SINCE);
  else
    out->start = ctx->first_sale != SC_DAY_NONE ? ctx->first_sale : ctx->as_of;
  out->end = SC_DAY_NONE;
  if (sc_profile_is_set (p, SC_FIELD_RETURN_COVER_DAYS))
    out->end = out->start + (ScDay) sc_profile_get_number (p, SC_FIELD_RETURN_COVER_DAYS, 0);
  return TRUE;
}

static double *
fee_red_of (Ctx         *ctx,
            MeasurePriv *mp,
            ScFee        fee)
{
  if (mp->fee_red == NULL)
    mp->fee_red = g_new0 (double, SC_N_FEES * ctx->n_months);
  return mp->fee_red + fee * ctx->n_months;
}

/* Orders (possibly fractional) sold in [d0, d1). */
static double
orders_between (Ctx   *ctx,
                ScDay  d0,
                ScDay  d1)
{
  return gmv_between (ctx, d0, d1) / ctx->aov;
}

static void
eval_order_fee_waiver (Ctx            *ctx,
                       MeasurePriv    *mp,
                       const ScEffect *eff)
{
  ScMeasureResult *mr = &mp->pub;
  const char *platform = mr->program->platform;
  ScWindow active = mp->window, waiver;
  double fee, cap, discount = 0;
  ScDay anchor, count_from, lo, hi;
  ScAnchor used;
  double waived_in = 0, discounted_in = 0;
  char b1[G_ASCII_DTOSTR_BUF_SIZE], b2[G_ASCII_DTOSTR_BUF_SIZE], b3[G_ASCII_DTOSTR_BUF_SIZE];
  char d1[16], d2[16];
  double *fr;

  if (!need (ctx, mr, SC_FIELD_MONTHLY_GMV) || !need (ctx, mr, SC_FIELD_AVG_ORDER_VALUE))
    return;
  mr->basis |= SC_BASIS_PROFILE;
  anchor = anchor_day (ctx, mp, eff, &used);
  if (anchor == SC_DAY_NONE)
    return;

  if (eff->fee == SC_FEE_RETURN_SHIPPING)
    {
      ScWindow cover;

      if (!need (ctx, mr, SC_FIELD_RETURN_COVER))
        return;
      if (!cover_window (ctx, &cover))
        {
          add_reason (ctx, mr, _("Return-shipping cover is off: no fee to waive"));
          return;
        }
      active = window_intersect (active, cover);
      if (!baseline_value (ctx, platform, SC_FEE_RETURN_SHIPPING, &fee, &mr->basis))
        {
          add_reason (ctx, mr, _("No baseline fee per order for %s: nothing to waive"), platform_label (ctx, platform));
          return;
        }
    }
  else
    {
      double rate;

      if (!baseline_value (ctx, platform, eff->fee, &rate, &mr->basis))
        {
          add_reason (ctx, mr, _("No baseline %s for %s: nothing to waive"), fee_label (eff->fee),
                      platform_label (ctx, platform));
          return;
        }
      fee = rate * ctx->aov;
    }

  cap = eff->max_orders.set ? eff->max_orders.value : INFINITY;
  if (eff->max_orders.set)
    {
      mr->basis |= eff->max_orders.basis;
      /* Translators: what an assumed number is: how many orders the fee is waived for */
      note_assumed (ctx, mr->measure, _("free orders"), &eff->max_orders, UNIT_COUNT, NULL);
    }
  if (eff->discount_after.set)
    {
      discount = eff->discount_after.value;
      mr->basis |= eff->discount_after.basis;
      /* Translators: the share of a per-order fee still subsidised after the free orders */
      note_assumed (ctx, mr->measure, _("discount after"), &eff->discount_after, UNIT_PERCENT, NULL);
    }
  waiver.start = anchor;
  waiver.end = SC_DAY_NONE;
  if (eff->days.set)
    {
      waiver.end = anchor + (ScDay) MAX (0, eff->days.value);
      mr->basis |= eff->days.basis;
      /* Translators: what an assumed number is: how long the fee is waived for, from the anchor */
      note_assumed (ctx, mr->measure, _("waiver period"), &eff->days, UNIT_DAYS, NULL);
    }
  waiver = window_intersect (waiver, active);

  if (!window_in_horizon (ctx, active, &lo, &hi))
    {
      /* The measure's window reaches into the horizon (eval_measure()
       * checked): the fee is not charged there, the cover is off. */
      if (active.end != SC_DAY_NONE && active.end <= ctx->as_of)
        add_reason (ctx, mr, _("Return-shipping cover on only until %s, before the evaluation date %s: no fee to waive"),
                    fmt_day (d1, active.end - 1), fmt_day (d2, ctx->as_of));
      else if (mp->window.end != SC_DAY_NONE && active.start >= mp->window.end)
        /* Translators: the day the cover was turned on, the last day of the measure */
        add_reason (ctx, mr, _("Return-shipping cover starts on %s, after the measure ends on %s: no fee to waive"),
                    fmt_day (d1, active.start), fmt_day (d2, mp->window.end - 1));
      else
        add_reason (ctx, mr, _("Return-shipping cover starts on %s, after the horizon: no fee to waive"),
                    fmt_day (d1, active.start));
      return;
    }
  fr = fee_red_of (ctx, mp, eff->fee);

  /*
   * The free orders are counted from @count_from: the anchor, or the later
   * start of the measure's window or of the cover (orders before either
   * cannot be free). A date of the profile (the first sale, the day the
   * cover was turned on…) says when they started: orders sold between it
   * and the evaluation date used them up, and only the part inside the
   * horizon is booked. The window start says only when enrolment opened,
   * not when this merchant enrolled, which the profile does not know;
   * counting the orders since then against the cap made the measure
   * "eligible, worth 0" for any evaluation date a few months into the
   * window. The estimate is of what is still to come, so such an allowance
   * is counted from the evaluation date, and the reasons say that it is an
   * assumption (and which field would replace it, when the effect falls
   * back on the window start for want of one).
   */
  count_from = waiver.start;
  if (used == SC_ANCHOR_WINDOW_START && anchor < ctx->as_of)
    {
      ScDay sold_from = active.start != SC_DAY_NONE ? MAX (anchor, active.start) : anchor;

      count_from = ctx->as_of;
      if (eff->max_orders.set && orders_between (ctx, sold_from, ctx->as_of) > EPSILON)
        {
          const char *title = sc_text_get (&mr->measure->title, ctx->lang);

          mr->basis |= SC_BASIS_ASSUMED;
          fmt_count (b1, sizeof b1, cap);
          fmt_day (d1, ctx->as_of);
          if (eff->anchor == SC_ANCHOR_FIELD)
            {
              /* Translators: the order cap (1,300), the evaluation date, a profile field */
              add_reason (ctx, mr, _("Assumes none of the %s free orders were used before %s, the evaluation date: the profile does not say when you enrolled (“%s”)"),
                          b1, d1, field_label (eff->anchor_field));
              /* Translators: measure title, the order cap (1,300), the evaluation date, a profile field */
              ctx_assumption (ctx, _("%s: the %s free orders counted from %s, the evaluation date (assumed) — the profile does not say when you enrolled (“%s”), so none are taken as used before"),
                              title, b1, d1, field_label (eff->anchor_field));
            }
          else
            {
              /* Translators: the order cap (1,300), the evaluation date */
              add_reason (ctx, mr, _("Assumes none of the %s free orders were used before %s, the evaluation date: the profile does not say when you enrolled"),
                          b1, d1);
              /* Translators: measure title, the order cap (1,300), the evaluation date */
              ctx_assumption (ctx, _("%s: the %s free orders counted from %s, the evaluation date (assumed) — the profile does not say when you enrolled, so none are taken as used before"),
                              title, b1, d1);
            }
        }
    }

  /* waived(d) = min(cap, orders in [count_from, d)) */
  for (guint m = month_of (ctx, lo); m < ctx->n_months && ctx->month_start[m] < hi; m++)
    {
      ScDay a = MAX (lo, ctx->month_start[m]), b = MIN (hi, ctx->month_start[m + 1]);
      double orders, waived = 0, v;

      if (b <= a)
        continue;
      orders = orders_between (ctx, a, b);
      {
        ScDay wa = MAX (a, waiver.start != SC_DAY_NONE ? waiver.start : a);
        ScDay wb = waiver.end != SC_DAY_NONE ? MIN (b, waiver.end) : b;

        if (wb > wa && waiver.start != SC_DAY_NONE)
          {
            double before = MIN (cap, orders_between (ctx, count_from, wa));
            double after = MIN (cap, orders_between (ctx, count_from, wb));

            waived = MAX (0, after - before);
          }
      }
      v = waived * fee + MAX (0, orders - waived) * discount * fee;
      waived_in += waived;
      discounted_in += MAX (0, orders - waived);
      mr->monthly[m * SC_N_AMOUNTS + SC_AMOUNT_FEE_REDUCTION] += v;
      fr[m] += v;
    }
  if (orders_between (ctx, count_from, waiver.end != SC_DAY_NONE ? waiver.end : hi) > cap + EPSILON)
    {
      mr->cut_by_cap = TRUE;
      add_reason (ctx, mr, _("Waived orders capped at %s"), fmt_count (b1, sizeof b1, cap));
    }
  /* Part of the allowance used before the evaluation date (all of it is
   * explained below, when nothing is left). */
  if (eff->max_orders.set && count_from < ctx->as_of
      && (waiver.end == SC_DAY_NONE || waiver.end > ctx->as_of))
    {
      double used_before = orders_between (ctx, count_from, ctx->as_of);

      if (used_before > EPSILON && used_before < cap - EPSILON)
        /* Translators: orders used, the order cap, the day counting started, the evaluation date:
         * "1,180 of the 1,300 free orders used from 2026-02-01 to the evaluation date 2026-04-01" */
        add_reason (ctx, mr, _("%s of the %s free orders used from %s to the evaluation date %s"),
                    fmt_count (b1, sizeof b1, used_before), fmt_count (b2, sizeof b2, cap),
                    fmt_day (d1, count_from), fmt_day (d2, ctx->as_of));
    }
  /* Translators: orders spread over days are fractions, shown whole here;
   * then the fee per order in yuan */
  add_reason (ctx, mr, _("%s orders waived at %s yuan each in the horizon"),
              fmt_count (b1, sizeof b1, waived_in), fmt_money (b2, sizeof b2, fee));
  /* None free in the horizon although the merchant sells: say why. */
  if (waived_in <= EPSILON && orders_between (ctx, lo, hi) > EPSILON)
    {
      if (waiver.end != SC_DAY_NONE && waiver.end <= ctx->as_of)
        /* Translators: last day of the free orders, the evaluation date */
        add_reason (ctx, mr, _("The free orders ended on %s, before the evaluation date %s"),
                    fmt_day (d1, waiver.end - 1), fmt_day (d2, ctx->as_of));
      else if (count_from < ctx->as_of && orders_between (ctx, count_from, ctx->as_of) >= cap - EPSILON)
        /* Translators: the order cap, the evaluation date, the day counting started */
        add_reason (ctx, mr, _("All %s free orders were used before the evaluation date %s (counted from %s)"),
                    fmt_count (b1, sizeof b1, cap), fmt_day (d1, ctx->as_of), fmt_day (d2, count_from));
      else
        {
          g_autofree char *w = fmt_window (waiver);

          /* Translators: the days of the free orders, e.g. "2026-01-10 – 2026-01-16" */
          add_reason (ctx, mr, _("No order in the horizon falls within the free-order days (%s)"), w);
        }
    }
  if (discount > 0)
    add_reason (ctx, mr, _("%s later orders with %s%% of the fee subsidised"),
                fmt_count (b1, sizeof b1, discounted_in),
                fmt_num (b3, sizeof b3, discount * 100));
}

static gboolean
share_of (Ctx             *ctx,
          ScMeasureResult *mr,
          ScField          field,
          double          *share)
{
  if (field == SC_N_FIELDS || (guint) field > SC_N_FIELDS)
    {
      *share = 1;
      return TRUE;
    }
  if (!need (ctx, mr, field))
    return FALSE;
  mr->basis |= SC_BASIS_PROFILE;
  *share = ctx->profile->values[field].number;
  return TRUE;
}

static void
eval_fee_rate (Ctx            *ctx,
               MeasurePriv    *mp,
               const ScEffect *eff)
{
  ScMeasureResult *mr = &mp->pub;
  double base, share, diff, total;
  ScDay lo, hi;
  char b1[G_ASCII_DTOSTR_BUF_SIZE], b2[G_ASCII_DTOSTR_BUF_SIZE], b3[G_ASCII_DTOSTR_BUF_SIZE];

  if (!need (ctx, mr, SC_FIELD_MONTHLY_GMV) || !share_of (ctx, mr, eff->share_field, &share))
    return;
  mr->basis |= SC_BASIS_PROFILE;
  if (!baseline_value (ctx, mr->program->platform, eff->fee, &base, &mr->basis))
    {
      add_reason (ctx, mr, _("No baseline %s for %s: nothing to reduce"), fee_label (eff->fee),
                  platform_label (ctx, mr->program->platform));
      return;
    }
  if (!eff->rate.set)
    return;
  mr->basis |= eff->rate.basis;
  note_assumed (ctx, mr->measure, _("rate"), &eff->rate, UNIT_PERCENT, NULL);
  diff = MAX (0, base - eff->rate.value);
  if (!window_in_horizon (ctx, mp->window, &lo, &hi))
    return;
  total = book_gmv (ctx, mr->monthly, fee_red_of (ctx, mp, eff->fee), SC_AMOUNT_FEE_REDUCTION,
                    lo, hi, diff * share);
  (void) total;
  add_reason (ctx, mr, _("Rate %s%% instead of %s%% on %s%% of GMV"), fmt_num (b1, sizeof b1, eff->rate.value * 100),
              fmt_num (b2, sizeof b2, base * 100), fmt_num (b3, sizeof b3, share * 100));
}

static void
eval_commission_waiver (Ctx            *ctx,
                        MeasurePriv    *mp,
                        const ScEffect *eff)
{
  ScMeasureResult *mr = &mp->pub;
  double base, scene_share = 1, share = 1;
  ScDay lo, hi;
  char b1[G_ASCII_DTOSTR_BUF_SIZE], b2[G_ASCII_DTOSTR_BUF_SIZE];

  if (!need (ctx, mr, SC_FIELD_MONTHLY_GMV))
    return;
  if (eff->categories != NULL)
    {
      const char *category;
      gboolean listed = FALSE;

      if (!need (ctx, mr, SC_FIELD_CATEGORY))
        return;
      category = sc_profile_get_choice (ctx->profile, SC_FIELD_CATEGORY);
      for (guint i = 0; eff->categories[i] != NULL; i++)
        if (g_str_equal (eff->categories[i], category))
          listed = TRUE;
      if (!listed)
        {
          g_autofree char *wanted = choices_text (SC_FIELD_CATEGORY, (const char *const *) eff->categories);

          mr->status = SC_MEASURE_NOT_ELIGIBLE;
          add_reason (ctx, mr, _("%s: %s, not %s"), field_label (SC_FIELD_CATEGORY),
                      choice_label (SC_FIELD_CATEGORY, category), wanted);
          return;
        }
    }
  if (g_strcmp0 (eff->scene, "shelf") == 0 || g_strcmp0 (eff->scene, "content") == 0)
    {
      if (!need (ctx, mr, SC_FIELD_CONTENT_SHARE))
        return;
      scene_share = ctx->profile->values[SC_FIELD_CONTENT_SHARE].number;
      if (g_str_equal (eff->scene, "shelf"))
        scene_share = 1 - scene_share;
    }
  mr->basis |= SC_BASIS_PROFILE;
  if (eff->share.set)
    {
      share = eff->share.value;
      mr->basis |= eff->share.basis;
      note_assumed (ctx, mr->measure, _("share waived"), &eff->share, UNIT_PERCENT, NULL);
    }
  if (!baseline_value (ctx, mr->program->platform, SC_FEE_COMMISSION, &base, &mr->basis))
    {
      add_reason (ctx, mr, _("No baseline commission for %s: nothing to waive"),
                  platform_label (ctx, mr->program->platform));
      return;
    }
  if (!window_in_horizon (ctx, mp->window, &lo, &hi))
    return;
  book_gmv (ctx, mr->monthly, fee_red_of (ctx, mp, SC_FEE_COMMISSION), SC_AMOUNT_FEE_REDUCTION,
            lo, hi, base * scene_share * share);
  add_reason (ctx, mr, _("Commission of %s%% waived on %s%% of GMV"), fmt_num (b1, sizeof b1, base * 100),
              fmt_num (b2, sizeof b2, scene_share * share * 100));
}

static gboolean
need_coc (Ctx             *ctx,
          ScMeasureResult *mr)
{
  if (ctx->have_coc)
    {
      mr->basis |= SC_BASIS_PROFILE;
      return TRUE;
    }
  add_reason (ctx, mr, _("Cash-flow value not computed: set “%s” in the profile"),
              field_label (SC_FIELD_COST_OF_CAPITAL));
  ctx_warning (ctx, _("Cash-flow value not computed: set “%s” in the profile"),
               field_label (SC_FIELD_COST_OF_CAPITAL));
  return FALSE;
}

static void
eval_deposit (Ctx            *ctx,
              MeasurePriv    *mp,
              const ScEffect *eff)
{
  ScMeasureResult *mr = &mp->pub;
  double base, diff;
  ScDay lo, hi;
  char b1[VALUE_BUF], b2[VALUE_BUF];

  if (!eff->deposit.set)
    return;
  if (!baseline_value (ctx, mr->program->platform, SC_FEE_DEPOSIT, &base, &mr->basis))
    {
      add_reason (ctx, mr, _("No baseline deposit for %s"), platform_label (ctx, mr->program->platform));
      return;
    }
  mr->basis |= eff->deposit.basis;
  note_assumed (ctx, mr->measure, _("deposit"), &eff->deposit, UNIT_YUAN, NULL);
  diff = MAX (0, base - eff->deposit.value);
  add_reason (ctx, mr, _("Deposit %s instead of %s"), fmt_value (b1, sizeof b1, eff->deposit.value, UNIT_YUAN, NULL),
              fmt_value (b2, sizeof b2, base, UNIT_YUAN, NULL));
  if (!need_coc (ctx, mr) || !window_in_horizon (ctx, mp->window, &lo, &hi))
    return;
  for (guint m = month_of (ctx, lo); m < ctx->n_months && ctx->month_start[m] < hi; m++)
    {
      ScDay a = MAX (lo, ctx->month_start[m]), b = MIN (hi, ctx->month_start[m + 1]);
      double len = ctx->month_start[m + 1] - ctx->month_start[m];

      if (b > a)
        mr->monthly[m * SC_N_AMOUNTS + SC_AMOUNT_CASH_FLOW] += diff * ctx->coc / 12.0 * (b - a) / len;
    }
}

static void
eval_settlement (Ctx            *ctx,
                 MeasurePriv    *mp,
                 const ScEffect *eff)
{
  ScMeasureResult *mr = &mp->pub;
  double base, diff;
  ScDay lo, hi;
  char b1[G_ASCII_DTOSTR_BUF_SIZE], b2[G_ASCII_DTOSTR_BUF_SIZE];

  if (!eff->settlement_days.set || !need (ctx, mr, SC_FIELD_MONTHLY_GMV))
    return;
  if (!baseline_value (ctx, mr->program->platform, SC_FEE_SETTLEMENT_DAYS, &base, &mr->basis))
    {
      add_reason (ctx, mr, _("No baseline settlement days for %s"), platform_label (ctx, mr->program->platform));
      return;
    }
  mr->basis |= eff->settlement_days.basis | SC_BASIS_PROFILE;
  note_assumed (ctx, mr->measure, _("settlement days"), &eff->settlement_days, UNIT_DAYS, NULL);
  diff = MAX (0, base - eff->settlement_days.value);
  add_reason (ctx, mr, _("Settled after %s days instead of %s"), fmt_num (b1, sizeof b1, eff->settlement_days.value),
              fmt_num (b2, sizeof b2, base));
  if (!need_coc (ctx, mr) || !window_in_horizon (ctx, mp->window, &lo, &hi))
    return;
  /* Each day's GMV is available diff days earlier: worth diff × GMV × rate / 365. */
  book_gmv (ctx, mr->monthly, NULL, SC_AMOUNT_CASH_FLOW, lo, hi, diff * ctx->coc / 365.0);
}

/* --- measures ------------------------------------------------------------------ */

/* ScResult.measures' free function: the MeasurePriv and its monthly series
 * live in blocks of the ResultPriv, freed with it. */
static void
measure_priv_clear (gpointer data)
{
  MeasurePriv *mp = data;

  if (mp == NULL)
    return;
  g_clear_pointer (&mp->pub.reasons, g_ptr_array_unref);
  g_clear_pointer (&mp->pub.texts, g_ptr_array_unref);
  g_free (mp->fee_red);
}

static guint
platform_index (Ctx        *ctx,
                const char *platform)
{
  for (guint i = 0; i < ctx->platforms->len; i++)
    if (g_str_equal (g_ptr_array_index (ctx->platforms, i), platform))
      return i;
  g_assert_not_reached ();
  return 0;
}

/* Evaluates @measure into @mp (zeroed), its series into @monthly (zeroed,
 * n_months × SC_N_AMOUNTS). */
static void
eval_measure (Ctx             *ctx,
              MeasurePriv     *mp,
              double          *monthly,
              const ScProgram *program,
              const ScMeasure *measure,
              ScDay            active_until,
              const ScProgram *replaced_by)
{
  ScMeasureResult *mr = &mp->pub;
  ScWindow w = program->window, cut = { SC_DAY_NONE, active_until };
  ScDay lo, hi;
  gboolean priced = FALSE;
  char b1[16], b2[16];

  mr->program = program;
  mr->measure = measure;
  mr->status = SC_MEASURE_ELIGIBLE;
  mr->reasons = g_ptr_array_new_with_free_func (g_free);
  mr->texts = g_ptr_array_new ();
  mr->n_months = ctx->n_months;
  mr->monthly = monthly;
  mp->platform = platform_index (ctx, program->platform);

  if (measure->has_window)
    w = window_intersect (w, measure->window);
  if (active_until != SC_DAY_NONE)
    w = window_intersect (w, cut);
  mp->window = w;

  /* Said first: everything below is about a measure not yet in force. */
  if (measure->status == SC_STATUS_EXPECTED)
    {
      mr->expected = TRUE;
      mr->expected_from = w.start;
      mr->basis |= SC_BASIS_EXPECTED;
      if (w.start != SC_DAY_NONE)
        /* Translators: a measure the source calls 预计 (expected); the day it is expected to start */
        add_reason (ctx, mr, _("Expected (预计) from %s, not yet in force"), fmt_day (b1, w.start));
      else
        add_reason (ctx, mr, _("Expected (预计), not yet in force"));
    }

  if (!window_in_horizon (ctx, w, &lo, &hi))
    {
      mr->status = SC_MEASURE_NOT_ELIGIBLE;
      if (w.start != SC_DAY_NONE && w.end != SC_DAY_NONE && w.end <= w.start && replaced_by != NULL)
        add_reason (ctx, mr, _("Replaced by “%s” from %s"), sc_text_get (&replaced_by->name, ctx->lang),
                    fmt_day (b1, active_until));
      else if (w.end != SC_DAY_NONE && w.end <= ctx->as_of)
        add_reason (ctx, mr, _("Window ended: last day %s, before the evaluation date %s"),
                    fmt_day (b1, w.end - 1), fmt_day (b2, ctx->as_of));
      else
        add_reason (ctx, mr, _("Window starts %s, after the horizon ends (%s)"),
                    fmt_day (b1, w.start), fmt_day (b2, ctx->hend - 1));
      return;
    }

  if (measure->eligibility != NULL)
    {
      int r = eval_cond (measure->eligibility, ctx->profile, ctx->lang,
                         ctx->reasons ? mr->reasons : NULL);

      mr->basis |= SC_BASIS_PROFILE;
      note_cond_assumed (ctx, mr, measure->eligibility, r);
      if (r == 0)
        {
          mr->status = SC_MEASURE_NOT_ELIGIBLE;
          return;
        }
      if (r < 0)
        {
          mr->status = SC_MEASURE_NEEDS_INFO;
          return;
        }
    }

  for (guint i = 0; measure->effects != NULL && i < measure->effects->len; i++)
    {
      const ScEffect *eff = g_ptr_array_index (measure->effects, i);

      if (eff->up_to)
        mr->up_to = TRUE;
      switch (eff->kind)
        {
        case SC_EFFECT_GRANT: priced = TRUE; eval_grant (ctx, mp, eff); break;
        case SC_EFFECT_TIERED: priced = TRUE; eval_tiered (ctx, mp, eff); break;
        case SC_EFFECT_RANK: priced = TRUE; eval_rank (ctx, mp, eff); break;
        case SC_EFFECT_ORDER_FEE_WAIVER: priced = TRUE; eval_order_fee_waiver (ctx, mp, eff); break;
        case SC_EFFECT_FEE_RATE: priced = TRUE; eval_fee_rate (ctx, mp, eff); break;
        case SC_EFFECT_COMMISSION_WAIVER: priced = TRUE; eval_commission_waiver (ctx, mp, eff); break;
        case SC_EFFECT_DEPOSIT: priced = TRUE; eval_deposit (ctx, mp, eff); break;
        case SC_EFFECT_SETTLEMENT: priced = TRUE; eval_settlement (ctx, mp, eff); break;
        case SC_EFFECT_RIGHT:
        case SC_EFFECT_RULE_OUTCOME:
          g_ptr_array_add (mr->texts, (gpointer) &eff->text);
          break;
        default:
          break;
        }
    }
  if (mr->status != SC_MEASURE_ELIGIBLE)
    memset (mr->monthly, 0, sizeof (double) * ctx->n_months * SC_N_AMOUNTS);
  else if (!priced)
    mr->status = SC_MEASURE_NOT_QUANTIFIED;
}

static double
month_value (const double *row)
{
  return row[SC_AMOUNT_FEE_REDUCTION] + row[SC_AMOUNT_CASH] + row[SC_AMOUNT_AD_CREDIT]
         + row[SC_AMOUNT_COUPON] + row[SC_AMOUNT_TRAFFIC_VALUE] + row[SC_AMOUNT_CASH_FLOW];
}

static void
measure_totals (Ctx         *ctx,
                MeasurePriv *mp)
{
  ScMeasureResult *mr = &mp->pub;

  memset (mr->totals, 0, sizeof mr->totals);
  if (mr->status != SC_MEASURE_ELIGIBLE || mr->cut_by_group)
    return;
  for (guint m = 0; m < ctx->n_months; m++)
    {
      double *row = mr->monthly + m * SC_N_AMOUNTS;

      row[SC_AMOUNT_TOTAL_VALUE] = month_value (row);
      for (guint a = 0; a < SC_N_AMOUNTS; a++)
        mr->totals[a] += row[a];
    }
}

static void
zero_measure (Ctx         *ctx,
              MeasurePriv *mp)
{
  memset (mp->pub.monthly, 0, sizeof (double) * ctx->n_months * SC_N_AMOUNTS);
  if (mp->fee_red != NULL)
    memset (mp->fee_red, 0, sizeof (double) * ctx->n_months * SC_N_FEES);
  memset (mp->pub.totals, 0, sizeof mp->pub.totals);
}

static ScStacking
group_mode (const ScProgram *program,
            const char      *group)
{
  for (guint i = 0; program->groups != NULL && i < program->groups->len; i++)
    {
      const ScStackGroup *g = g_ptr_array_index (program->groups, i);

      if (g_strcmp0 (g->id, group) == 0)
        return g->mode;
    }
  return SC_STACK_ADDITIVE;
}

/* Keeps one measure per exclusive / best-of group of @program. @first..@last index ctx measures. */
static void
resolve_groups (Ctx       *ctx,
                GPtrArray *measures,
                guint      first,
                guint      last)
{
  for (guint i = first; i < last; i++)
    {
      MeasurePriv *mi = g_ptr_array_index (measures, i);
      const char *group = mi->pub.measure->group;
      ScStacking mode;
      MeasurePriv *winner = NULL;
      gboolean seen_before = FALSE;

      if (group == NULL)
        continue;
      for (guint j = first; j < i; j++)
        if (g_strcmp0 (((MeasurePriv *) g_ptr_array_index (measures, j))->pub.measure->group, group) == 0)
          seen_before = TRUE;
      if (seen_before)
        continue;
      mode = group_mode (mi->pub.program, group);
      if (mode == SC_STACK_ADDITIVE)
        continue;

      /* A measure in force is chosen before any expected one: what may never
       * come does not displace what is there. */
      for (guint pass = 0; pass < 2 && winner == NULL; pass++)
        for (guint j = i; j < last; j++)
          {
            MeasurePriv *mj = g_ptr_array_index (measures, j);

            if (g_strcmp0 (mj->pub.measure->group, group) != 0 || mj->pub.status != SC_MEASURE_ELIGIBLE
                || mj->pub.expected != (pass == 1))
              continue;
            if (winner == NULL)
              winner = mj;
            else if (mode == SC_STACK_BEST_OF
                     && mj->pub.totals[SC_AMOUNT_TOTAL_VALUE] > winner->pub.totals[SC_AMOUNT_TOTAL_VALUE] + EPSILON)
              winner = mj;
          }
      for (guint j = i; j < last; j++)
        {
          MeasurePriv *mj = g_ptr_array_index (measures, j);
          const char *title;

          if (mj == winner || g_strcmp0 (mj->pub.measure->group, group) != 0
              || mj->pub.status != SC_MEASURE_ELIGIBLE)
            continue;
          mj->pub.cut_by_group = TRUE;
          zero_measure (ctx, mj);
          title = sc_text_get (&winner->pub.measure->title, ctx->lang);
          if (mj->pub.expected && !winner->pub.expected)
            add_reason (ctx, &mj->pub, _("Not counted: “%s” is in force and counts instead (an expected measure does not displace one in force)"),
                        title);
          else
            add_reason (ctx, &mj->pub, mode == SC_STACK_EXCLUSIVE
                                         ? _("Not counted: “%s” counts instead (only one measure of this group applies)")
                                         : _("Not counted: “%s” is worth more (only the best measure of this group applies)"),
                        title);
        }
    }
}

/* --- platform fees -------------------------------------------------------------- */

static void
platform_gross (Ctx        *ctx,
                guint       index,
                const char *platform)
{
  double *gross = ctx->gross[index];
  double rate, per_order;
  guint basis = 0;

  if (!ctx->have_gmv)
    return;
  if (baseline_value (ctx, platform, SC_FEE_COMMISSION, &rate, &basis) && rate > 0)
    {
      double *row = gross + SC_FEE_COMMISSION * ctx->n_months;

      for (guint m = 0; m < ctx->n_months; m++)
        row[m] = rate * gmv_between (ctx, ctx->month_start[m], ctx->month_start[m + 1]);
    }
  /* The promotion fee is left out of the gross: it follows the merchant's
   * own ad choices (the profile's ad spend), not an ordinary platform fee,
   * and no profile field says which GMV was promoted on each platform. */
  if (ctx->have_aov && baseline_value (ctx, platform, SC_FEE_RETURN_SHIPPING, &per_order, &basis))
    {
      ScWindow cover;
      double *row = gross + SC_FEE_RETURN_SHIPPING * ctx->n_months;

      if (cover_window (ctx, &cover))
        for (guint m = 0; m < ctx->n_months; m++)
          {
            ScWindow month = { ctx->month_start[m], ctx->month_start[m + 1] };
            ScWindow on = window_intersect (month, cover);

            if (on.end > on.start)
              row[m] = per_order * gmv_between (ctx, on.start, on.end) / ctx->aov;
          }
    }
  ctx->platform_basis[index] |= basis | SC_BASIS_PROFILE;
}

/* Scales down reductions of one fee in one month to its gross: those of the
 * measures in force, or (@expected) those of the expected measures to what
 * the measures in force leave of it. */
static void
apply_caps (Ctx       *ctx,
            GPtrArray *all,
            gboolean   expected)
{
  /* Only measures that reduce a fee take part: keeps this cheap for sweeps. */
  g_autoptr(GPtrArray) measures = g_ptr_array_new ();
  g_autoptr(GPtrArray) in_force = g_ptr_array_new ();

  for (guint i = 0; i < all->len; i++)
    {
      MeasurePriv *mp = g_ptr_array_index (all, i);

      if (mp->fee_red != NULL && mp->pub.status == SC_MEASURE_ELIGIBLE && !mp->pub.cut_by_group)
        g_ptr_array_add (mp->pub.expected == expected ? measures : in_force, mp);
    }
  if (measures->len == 0)
    return;

  for (guint p = 0; p < ctx->platforms->len; p++)
    for (guint f = 0; f < SC_N_FEES; f++)
      for (guint m = 0; m < ctx->n_months; m++)
        {
          double sum = 0, gross = ctx->gross[p][f * ctx->n_months + m], scale;

          for (guint i = 0; expected && i < in_force->len; i++)
            {
              MeasurePriv *mp = g_ptr_array_index (in_force, i);

              if (mp->platform == p)
                gross -= mp->fee_red[f * ctx->n_months + m];
            }
          gross = MAX (gross, 0);
          for (guint i = 0; i < measures->len; i++)
            {
              MeasurePriv *mp = g_ptr_array_index (measures, i);

              if (mp->platform == p && mp->fee_red != NULL && mp->pub.status == SC_MEASURE_ELIGIBLE
                  && !mp->pub.cut_by_group)
                sum += mp->fee_red[f * ctx->n_months + m];
            }
          if (sum <= gross + EPSILON || sum <= 0)
            continue;
          scale = gross / sum;
          for (guint i = 0; i < measures->len; i++)
            {
              MeasurePriv *mp = g_ptr_array_index (measures, i);
              double *fr, cut;

              if (mp->platform != p || mp->fee_red == NULL || mp->pub.cut_by_group)
                continue;
              fr = &mp->fee_red[f * ctx->n_months + m];
              if (*fr <= 0)
                continue;
              cut = *fr * (1 - scale);
              *fr -= cut;
              mp->pub.monthly[m * SC_N_AMOUNTS + SC_AMOUNT_FEE_REDUCTION] -= cut;
              if (!mp->pub.cut_by_cap)
                add_reason (ctx, &mp->pub, _("Reduction cut so that %s does not go below zero"),
                            fee_label ((ScFee) f));
              mp->pub.cut_by_cap = TRUE;
            }
        }
}

/* Moves the value of the expected measure @mp out of its totals and series
 * into its own expected totals and those of its program and platform. */
static void
keep_expected_apart (Ctx              *ctx,
                     MeasurePriv      *mp,
                     ScProgramResult  *prr,
                     ScPlatformResult *pr)
{
  ScMeasureResult *mr = &mp->pub;

  memcpy (mr->expected_totals, mr->totals, sizeof mr->totals);
  for (guint a = 0; a < SC_N_AMOUNTS; a++)
    {
      prr->expected_totals[a] += mr->totals[a];
      pr->expected_totals[a] += mr->totals[a];
    }
  prr->n_expected++;
  if (fabs (mr->totals[SC_AMOUNT_TOTAL_VALUE]) > EPSILON || fabs (mr->totals[SC_AMOUNT_TRAFFIC_UNITS]) > EPSILON)
    add_reason (ctx, mr, _("Its value is shown apart and left out of every total until it is in force"));
  zero_measure (ctx, mp);
}

/* --- evaluate ------------------------------------------------------------------ */

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static gboolean
is_disabled (const ScEngineOptions *options,
             const char            *id)
{
  if (options == NULL || options->disabled == NULL)
    return FALSE;
  return g_strv_contains (options->disabled, id);
}

static void
ctx_setup (Ctx                   *ctx,
           ScCatalog             *catalog,
           const ScProfile       *profile,
           const ScEngineOptions *options)
{
  const ScProfile *p = profile;
  double gmv, growth;
  GPtrArray *programs = sc_catalog_get_programs (catalog);
  GPtrArray *baselines = sc_catalog_get_baselines (catalog);
  gsize gross_len;
  double *gross;

  ctx->catalog = catalog;
  ctx->profile = profile;
  ctx->lang = (options && options->lang) ? options->lang : sc_lang_current ();
  ctx->lang = g_str_has_prefix (ctx->lang, "zh") ? "zh" : "en";
  ctx->reasons = !(options && options->no_reasons);
  ctx->series = !(options && options->no_series);
  ctx->as_of = profile->as_of;
  ctx->n_months = profile->horizon_months;
  ctx->hend = sc_day_add_months (ctx->as_of, (int) ctx->n_months);
  ctx->n_days = ctx->hend - ctx->as_of;

  /* Platforms: of every program and baseline, sorted. */
  ctx->platforms = g_ptr_array_new ();
  for (guint i = 0; i < programs->len; i++)
    {
      const ScProgram *prog = g_ptr_array_index (programs, i);

      if (!g_ptr_array_find_with_equal_func (ctx->platforms, prog->platform, g_str_equal, NULL))
        g_ptr_array_add (ctx->platforms, prog->platform);
    }
  for (guint i = 0; baselines != NULL && i < baselines->len; i++)
    {
      const ScBaseline *b = g_ptr_array_index (baselines, i);

      if (!g_ptr_array_find_with_equal_func (ctx->platforms, b->platform, g_str_equal, NULL))
        g_ptr_array_add (ctx->platforms, b->platform);
    }
  g_ptr_array_sort (ctx->platforms, compare_strings);

  /* One block for the day table, the gross fees and the month starts: in
   * glibc a large request right after many small frees (the previous
   * result's) is slow, so there is one such request, not many. */
  gross_len = (gsize) SC_N_FEES * ctx->n_months;
  ctx->scratch = g_malloc (sizeof (double) * (ctx->n_days + 1 + gross_len * ctx->platforms->len)
                           + sizeof (ScDay) * (ctx->n_months + 1));
  ctx->cum = ctx->scratch;
  gross = ctx->cum + ctx->n_days + 1;
  ctx->month_start = (ScDay *) (gross + gross_len * ctx->platforms->len);
  ctx->gross = g_new (double *, MAX (1, ctx->platforms->len));
  ctx->platform_basis = g_new0 (guint, MAX (1, ctx->platforms->len));
  memset (gross, 0, sizeof (double) * gross_len * ctx->platforms->len);
  for (guint i = 0; i < ctx->platforms->len; i++)
    ctx->gross[i] = gross + i * gross_len;

  for (guint m = 0; m <= ctx->n_months; m++)
    ctx->month_start[m] = sc_day_add_months (ctx->as_of, (int) m);

  ctx->first_sale = sc_profile_get_date (p, SC_FIELD_FIRST_SALE_DATE);
  ctx->have_gmv = sc_profile_is_set (p, SC_FIELD_MONTHLY_GMV);
  gmv = sc_profile_get_number (p, SC_FIELD_MONTHLY_GMV, 0);
  growth = sc_profile_get_number (p, SC_FIELD_GMV_GROWTH, 0);
  ctx->have_aov = sc_profile_is_set (p, SC_FIELD_AVG_ORDER_VALUE);
  ctx->aov = sc_profile_get_number (p, SC_FIELD_AVG_ORDER_VALUE, 1);
  ctx->have_coc = sc_profile_is_set (p, SC_FIELD_COST_OF_CAPITAL);
  ctx->coc = sc_profile_get_number (p, SC_FIELD_COST_OF_CAPITAL, 0);
  ctx->have_ypk = sc_profile_is_set (p, SC_FIELD_YUAN_PER_1000_EXPOSURES);
  ctx->ypk = sc_profile_get_number (p, SC_FIELD_YUAN_PER_1000_EXPOSURES, 0);

  ctx->cum[0] = 0;
  {
    guint d = 0;
    double month_gmv = gmv;

    for (guint m = 0; m < ctx->n_months; m++)
      {
        guint len = ctx->month_start[m + 1] - ctx->month_start[m];
        double rate = month_gmv / len;

        if (m == 0)
          ctx->rate_before = rate;
        ctx->rate_after = rate;
        for (guint k = 0; k < len; k++, d++)
          {
            ScDay day = ctx->as_of + d;
            double v = (ctx->first_sale != SC_DAY_NONE && day < ctx->first_sale) ? 0 : rate;

            ctx->cum[d + 1] = ctx->cum[d] + v;
          }
        month_gmv *= 1 + growth;
      }
  }

  ctx->assumptions = g_ptr_array_new_with_free_func (g_free);
  ctx->warnings = g_ptr_array_new_with_free_func (g_free);

  if (ctx->reasons)
    {
      static const ScField assumption_fields[] = {
        SC_FIELD_COST_OF_CAPITAL, SC_FIELD_YUAN_PER_1000_EXPOSURES, SC_FIELD_GMV_GROWTH,
      };

      for (guint i = 0; i < G_N_ELEMENTS (assumption_fields); i++)
        {
          ScField f = assumption_fields[i];
          const char *note = sc_text_get (&p->values[f].note, ctx->lang);
          char v[VALUE_BUF];

          /* In the field's unit: "6%", not the file's 0.06. */
          fmt_value (v, sizeof v, p->values[f].number, field_unit (f), NULL);
          if (p->values[f].set && note[0] != '\0')
            /* Translators: profile field, value, note */
            ctx_assumption (ctx, _("%s: %s (profile) — %s"), field_label (f), v, note);
          else if (p->values[f].set)
            ctx_assumption (ctx, _("%s: %s (profile)"), field_label (f), v);
          else if (f == SC_FIELD_GMV_GROWTH)
            /* Translators: profile field, the value used instead ("0%") */
            ctx_assumption (ctx, _("%s: not given, %s used"), field_label (f),
                            fmt_value (v, sizeof v, 0, field_unit (f), NULL));
        }
      if (!ctx->have_gmv)
        ctx_warning (ctx, _("Fees are not estimated: set “%s” in the profile"), field_label (SC_FIELD_MONTHLY_GMV));
      else if (!ctx->have_aov)
        ctx_warning (ctx, _("Per-order fees are not estimated: set “%s” in the profile"),
                     field_label (SC_FIELD_AVG_ORDER_VALUE));
    }
}

static void
ctx_clear (Ctx *ctx)
{
  g_free (ctx->scratch);
  g_free (ctx->gross);
  g_free (ctx->platform_basis);
  g_ptr_array_unref (ctx->platforms);
  g_clear_pointer (&ctx->assumptions, g_ptr_array_unref);
  g_clear_pointer (&ctx->assumption_seen, g_hash_table_unref);
  g_clear_pointer (&ctx->warnings, g_ptr_array_unref);
}

/*
 * A result and the blocks its measures and series live in: three large
 * allocations instead of three per measure (the allocator, not the
 * arithmetic, was most of an evaluation's cost).
 */
typedef struct
{
  ScResult          pub;
  MeasurePriv      *measures;   /* n_measures */
  ScPlatformResult *platforms;  /* n_platforms */
  double           *series;     /* (n_measures + n_platforms) × n_months × SC_N_AMOUNTS, or NULL */
} ResultPriv;

static void
platform_result_clear (gpointer data)
{
  ScPlatformResult *pr = data;

  g_free (pr->platform);
}

ScResult *
sc_engine_evaluate (ScCatalog             *catalog,
                    const ScProfile       *profile,
                    const ScEngineOptions *options)
{
  Ctx ctx = { 0 };
  ResultPriv *rp;
  ScResult *result;
  GPtrArray *programs;
  TrCache tr, *saved_tr = tr_cache;
  guint n_measures = 0, n_series;
  gsize series_len;

  g_return_val_if_fail (catalog != NULL, NULL);
  g_return_val_if_fail (profile != NULL && profile->as_of != SC_DAY_NONE, NULL);
  g_return_val_if_fail (profile->horizon_months >= 1 && profile->horizon_months <= SC_PROFILE_HORIZON_MAX, NULL);

  /* Without reasons there is next to nothing to translate. */
  if (!(options != NULL && options->no_reasons))
    {
      memset (&tr, 0, sizeof tr);
      tr_cache = &tr;
    }
  ctx_setup (&ctx, catalog, profile, options);
  programs = sc_catalog_get_programs (catalog);

  for (guint i = 0; i < programs->len; i++)
    {
      const ScProgram *program = g_ptr_array_index (programs, i);

      if (!is_disabled (options, program->id) && program->measures != NULL)
        n_measures += program->measures->len;
    }
  series_len = (gsize) ctx.n_months * SC_N_AMOUNTS;
  n_series = n_measures + ctx.platforms->len;
  rp = g_new0 (ResultPriv, 1);
  rp->measures = g_new0 (MeasurePriv, MAX (1, n_measures));
  rp->platforms = g_new0 (ScPlatformResult, MAX (1, ctx.platforms->len));
  rp->series = g_new0 (double, MAX (1, series_len * n_series));
  result = &rp->pub;
  result->as_of = ctx.as_of;
  result->horizon_end = ctx.hend;
  result->horizon_months = ctx.n_months;
  result->lang = g_strdup (ctx.lang);
  result->disabled = options != NULL ? g_strdupv ((char **) options->disabled) : NULL;
  result->measures = g_ptr_array_new_full (n_measures, measure_priv_clear);
  result->programs = g_ptr_array_new_with_free_func (g_free);
  result->platforms = g_ptr_array_new_full (ctx.platforms->len, platform_result_clear);

  for (guint i = 0; i < ctx.platforms->len; i++)
    platform_gross (&ctx, i, g_ptr_array_index (ctx.platforms, i));

  for (guint i = 0; i < programs->len; i++)
    {
      const ScProgram *program = g_ptr_array_index (programs, i);
      const ScProgram *replaced_by = NULL;
      ScProgramResult *prr;
      ScDay until = SC_DAY_NONE;
      guint first = result->measures->len;

      if (is_disabled (options, program->id))
        continue;
      /* A program counts only until a program that replaces it starts. */
      for (guint j = 0; j < programs->len; j++)
        {
          const ScProgram *other = g_ptr_array_index (programs, j);

          if (other != program && g_strcmp0 (other->replaces, program->id) == 0
              && other->window.start != SC_DAY_NONE
              && (until == SC_DAY_NONE || other->window.start < until))
            {
              until = other->window.start;
              replaced_by = other;
            }
        }

      prr = g_new0 (ScProgramResult, 1);
      prr->program = program;
      prr->active_until = until;
      g_ptr_array_add (result->programs, prr);

      for (guint k = 0; program->measures != NULL && k < program->measures->len; k++)
        {
          guint index = result->measures->len;
          MeasurePriv *mp = &rp->measures[index];

          g_assert (index < n_measures);
          eval_measure (&ctx, mp, rp->series + index * series_len, program,
                        g_ptr_array_index (program->measures, k), until, replaced_by);
          measure_totals (&ctx, mp);
          g_ptr_array_add (result->measures, mp);
        }
      resolve_groups (&ctx, result->measures, first, result->measures->len);
    }

  apply_caps (&ctx, result->measures, FALSE);
  apply_caps (&ctx, result->measures, TRUE);

  /* Totals: measures, then programs, then platforms. */
  for (guint p = 0; p < ctx.platforms->len; p++)
    {
      ScPlatformResult *pr = &rp->platforms[p];
      const char *platform = g_ptr_array_index (ctx.platforms, p);

      pr->platform = g_strdup (platform);
      pr->baseline = sc_catalog_find_baseline (catalog, platform);
      pr->has_baseline = pr->baseline != NULL;
      pr->n_months = ctx.n_months;
      pr->monthly = rp->series + (n_measures + p) * series_len;
      pr->basis = ctx.platform_basis[p];
      for (guint f = 0; f < SC_N_FEES; f++)
        for (guint m = 0; m < ctx.n_months; m++)
          {
            double g = ctx.gross[p][f * ctx.n_months + m];

            pr->fee_gross[f] += g;
            pr->monthly[m * SC_N_AMOUNTS + SC_AMOUNT_FEE_GROSS] += g;
          }
      if (!pr->has_baseline)
        ctx_warning (&ctx, _("No baseline fees for %s: its gross fees are shown as 0"), platform);
      g_ptr_array_add (result->platforms, pr);
    }

  for (guint i = 0; i < result->measures->len; i++)
    {
      MeasurePriv *mp = g_ptr_array_index (result->measures, i);
      ScMeasureResult *mr = &mp->pub;
      ScPlatformResult *pr = g_ptr_array_index (result->platforms, mp->platform);
      ScProgramResult *prr = NULL;

      measure_totals (&ctx, mp);
      for (guint j = 0; j < result->programs->len; j++)
        if (((ScProgramResult *) g_ptr_array_index (result->programs, j))->program == mr->program)
          prr = g_ptr_array_index (result->programs, j);
      g_assert (prr != NULL);

      if (mr->status == SC_MEASURE_ELIGIBLE)
        prr->n_eligible++;
      else if (mr->status == SC_MEASURE_NEEDS_INFO)
        prr->n_needs_info++;
      if (mr->status != SC_MEASURE_ELIGIBLE || mr->cut_by_group)
        continue;
      if (mr->expected)
        {
          keep_expected_apart (&ctx, mp, prr, pr);
          continue;
        }
      prr->basis |= mr->basis;
      pr->basis |= mr->basis;
      prr->up_to |= mr->up_to;
      pr->up_to |= mr->up_to;
      for (guint a = 0; a < SC_N_AMOUNTS; a++)
        prr->totals[a] += mr->totals[a];
      for (guint m = 0; m < ctx.n_months; m++)
        for (guint a = 0; a < SC_N_AMOUNTS; a++)
          if (a != SC_AMOUNT_FEE_GROSS && a != SC_AMOUNT_FEE_NET)
            pr->monthly[m * SC_N_AMOUNTS + a] += mr->monthly[m * SC_N_AMOUNTS + a];
      if (mp->fee_red != NULL)
        for (guint f = 0; f < SC_N_FEES; f++)
          for (guint m = 0; m < ctx.n_months; m++)
            pr->fee_reduction[f] += mp->fee_red[f * ctx.n_months + m];
    }

  for (guint p = 0; p < result->platforms->len; p++)
    {
      ScPlatformResult *pr = g_ptr_array_index (result->platforms, p);

      for (guint m = 0; m < ctx.n_months; m++)
        {
          double *row = pr->monthly + m * SC_N_AMOUNTS;

          row[SC_AMOUNT_FEE_NET] = row[SC_AMOUNT_FEE_GROSS] - row[SC_AMOUNT_FEE_REDUCTION];
          row[SC_AMOUNT_TOTAL_VALUE] = month_value (row);
          for (guint a = 0; a < SC_N_AMOUNTS; a++)
            pr->totals[a] += row[a];
        }
      if (!ctx.series)
        pr->monthly = NULL;
    }

  if (!ctx.series)
    {
      for (guint i = 0; i < result->measures->len; i++)
        ((MeasurePriv *) g_ptr_array_index (result->measures, i))->pub.monthly = NULL;
      g_clear_pointer (&rp->series, g_free);
    }

  result->assumptions = g_steal_pointer (&ctx.assumptions);
  result->warnings = g_steal_pointer (&ctx.warnings);
  ctx_clear (&ctx);
  tr_cache = saved_tr;
  return result;
}

void
sc_result_free (ScResult *result)
{
  ResultPriv *rp = (ResultPriv *) result;

  if (result == NULL)
    return;
  g_free (result->lang);
  g_strfreev (result->disabled);
  g_ptr_array_unref (result->measures);
  g_ptr_array_unref (result->programs);
  g_ptr_array_unref (result->platforms);
  g_ptr_array_unref (result->assumptions);
  g_ptr_array_unref (result->warnings);
  g_free (rp->measures);
  g_free (rp->platforms);
  g_free (rp->series);
  g_free (rp);
}

const ScMeasureResult *
sc_result_find_measure (const ScResult *result,
                        const char     *program_id,
                        const char     *measure_id)
{
  g_return_val_if_fail (result != NULL, NULL);
  for (guint i = 0; i < result->measures->len; i++)
    {
      const ScMeasureResult *mr = g_ptr_array_index (result->measures, i);

      if (g_strcmp0 (mr->program->id, program_id) == 0 && g_strcmp0 (mr->measure->id, measure_id) == 0)
        return mr;
    }
  return NULL;
}

const ScProgramResult *
sc_result_find_program (const ScResult *result,
                        const char     *program_id)
{
  g_return_val_if_fail (result != NULL, NULL);
  for (guint i = 0; i < result->programs->len; i++)
    {
      const ScProgramResult *pr = g_ptr_array_index (result->programs, i);

      if (g_strcmp0 (pr->program->id, program_id) == 0)
        return pr;
    }
  return NULL;
}

const ScPlatformResult *
sc_result_find_platform (const ScResult *result,
                         const char     *platform)
{
  g_return_val_if_fail (result != NULL, NULL);
  for (guint i = 0; i < result->platforms->len; i++)
    {
      const ScPlatformResult *pr = g_ptr_array_index (result->platforms, i);

      if (g_strcmp0 (pr->platform, platform) == 0)
        return pr;
    }
  return NULL;
}

double
sc_result_month_value (const double *monthly,
                       guint         n_months,
                       guint         month,
                       ScAmount      amount)
{
  if (monthly == NULL || month >= n_months || (guint) amount >= SC_N_AMOUNTS)
    return 0;
  return monthly[month * SC_N_AMOUNTS + amount];
}

/* --- sweep --------------------------------------------------------------------- */

ScSweep *
sc_engine_sweep (ScCatalog             *catalog,
                 const ScProfile       *profile,
                 ScField                field,
                 const double          *points,
                 guint                  n_points,
                 const ScEngineOptions *options)
{
  g_autoptr(ScProfile) copy = NULL;
  ScEngineOptions opts = { 0 };
  ScSweep *sweep;

  g_return_val_if_fail (catalog != NULL && profile != NULL, NULL);
  g_return_val_if_fail (points != NULL || n_points == 0, NULL);
  g_return_val_if_fail (n_points <= SC_ENGINE_SWEEP_MAX_POINTS, NULL);

  if (options != NULL)
    opts = *options;
  opts.no_reasons = TRUE;
  opts.no_series = TRUE;
  copy = sc_profile_copy (profile);

  sweep = g_new0 (ScSweep, 1);
  sweep->field = field;
  sweep->n_points = n_points;
  sweep->points = g_memdup2 (points, sizeof (double) * n_points);

  for (guint i = 0; i < n_points; i++)
    {
      g_autoptr(ScResult) result = NULL;

      if (!sc_profile_set_number (copy, field, points[i], NULL))
        {
          if (sweep->values != NULL)
            for (guint p = 0; p < sweep->n_platforms; p++)
              sweep->values[p * n_points + i] = NAN;
          continue;
        }
      result = sc_engine_evaluate (catalog, copy, &opts);
      if (sweep->values == NULL)
        {
          sweep->n_platforms = result->platforms->len;
          sweep->platforms = g_new0 (char *, sweep->n_platforms + 1);
          for (guint p = 0; p < sweep->n_platforms; p++)
            sweep->platforms[p] = g_strdup (((ScPlatformResult *) g_ptr_array_index (result->platforms, p))->platform);
          sweep->values = g_new (double, MAX (1, sweep->n_platforms * n_points));
          for (guint k = 0; k < sweep->n_platforms * n_points; k++)
            sweep->values[k] = NAN;
        }
      for (guint p = 0; p < sweep->n_platforms && p < result->platforms->len; p++)
        sweep->values[p * n_points + i] =
          ((ScPlatformResult *) g_ptr_array_index (result->platforms, p))->totals[SC_AMOUNT_TOTAL_VALUE];
    }
  if (sweep->platforms == NULL)
    sweep->platforms = g_new0 (char *, 1);
  return sweep;
}

void
sc_sweep_free (ScSweep *sweep)
{
  if (sweep == NULL)
    return;
  g_free (sweep->points);
  g_strfreev (sweep->platforms);
  g_free (sweep->values);
  g_free (sweep);
}

double
sc_sweep_get (const ScSweep *sweep,
              guint          platform,
              guint          point)
{
  g_return_val_if_fail (sweep != NULL, NAN);
  if (platform >= sweep->n_platforms || point >= sweep->n_points || sweep->values == NULL)
    return NAN;
  return sweep->values[platform * sweep->n_points + point];
}

/* --- examples ------------------------------------------------------------------ */

gboolean
sc_engine_check_example (ScCatalog        *catalog,
                         const ScExample  *example,
                         GError          **error)
{
  g_autoptr(ScProfile) profile = sc_profile_new ();
  g_autoptr(ScResult) result = NULL;
  g_autoptr(GString) failures = g_string_new (NULL);
  ScEngineOptions options = { .lang = "en" };
  const char *origin = example->origin ? example->origin : "example";

  g_return_val_if_fail (catalog != NULL && example != NULL, FALSE);

  profile->as_of = example->as_of;
  if (example->horizon_months >= 1 && example->horizon_months <= SC_PROFILE_HORIZON_MAX)
    profile->horizon_months = example->horizon_months;
  if (profile->as_of == SC_DAY_NONE)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INVALID, _("%s:%u: example “%s” has no as-of date"),
                   origin, example->line, example->id);
      return FALSE;
    }
  for (guint i = 0; example->settings != NULL && i < example->settings->len; i++)
    {
      const ScExampleSetting *s = &g_array_index (example->settings, ScExampleSetting, i);
      g_autoptr(GError) local = NULL;

      if (!sc_profile_set_from_string (profile, s->field, s->value, &local))
        g_string_append_printf (failures, "%s:%u: %s\n", origin, example->line, local->message);
    }

  result = sc_engine_evaluate (catalog, profile, &options);
  for (guint i = 0; example->expects != NULL && i < example->expects->len; i++)
    {
      const ScExampleExpect *e = g_ptr_array_index (example->expects, i);
      const ScMeasureResult *mr = NULL;
      const ScProgramResult *pr = NULL;
      const double *totals;
      ScAmount amount;
      char b1[G_ASCII_DTOSTR_BUF_SIZE], b2[G_ASCII_DTOSTR_BUF_SIZE];

      if (e->measure_id != NULL)
        {
          mr = sc_result_find_measure (result, e->program_id, e->measure_id);
          if (mr == NULL)
            {
              g_string_append_printf (failures, _("%s:%u: %s / %s is not in the result (program disabled, superseded or missing)\n"),
                                      origin, e->line, e->program_id, e->measure_id);
              continue;
            }
        }
      else
        {
          pr = sc_result_find_program (result, e->program_id);
          if (pr == NULL)
            {
              g_string_append_printf (failures, _("%s:%u: program %s is not in the result\n"),
                                      origin, e->line, e->program_id);
              continue;
            }
        }

      if (e->status != NULL || g_strcmp0 (e->what, "status") == 0)
        {
          if (mr == NULL)
            {
              g_string_append_printf (failures, _("%s:%u: a status expectation needs a measure\n"), origin, e->line);
              continue;
            }
          if (g_strcmp0 (sc_measure_status_to_string (mr->status), e->status) != 0)
            {
              g_autofree char *why = NULL;

              g_ptr_array_add (mr->reasons, NULL);
              why = g_strjoinv ("; ", (char **) mr->reasons->pdata);
              g_ptr_array_remove_index (mr->reasons, mr->reasons->len - 1);
              g_string_append_printf (failures, _("%s:%u: %s / %s: expected status %s, got %s (%s)\n"),
                                      origin, e->line, e->program_id, e->measure_id, e->status,
                                      sc_measure_status_to_string (mr->status), why);
            }
          continue;
        }
      if (!sc_amount_from_string (e->what, &amount))
        {
          g_string_append_printf (failures, _("%s:%u: unknown result category “%s”\n"), origin, e->line,
                                  e->what ? e->what : "");
          continue;
        }
      /* An expected measure's value is in its expected totals. */
      totals = mr ? (mr->expected ? mr->expected_totals : mr->totals) : pr->totals;
      if (!(fabs (totals[amount] - e->value) <= e->tolerance + EPSILON))
        g_string_append_printf (failures, _("%s:%u: %s / %s %s: expected %s, got %s\n"),
                                origin, e->line, e->program_id, e->measure_id ? e->measure_id : _("(program)"),
                                e->what, fmt_num (b1, sizeof b1, e->value), fmt_num (b2, sizeof b2, totals[amount]));
    }

  if (failures->len > 0)
    {
      g_string_truncate (failures, failures->len - 1);
      g_set_error_literal (error, SC_ERROR, SC_ERROR_INVALID, failures->str);
      return FALSE;
    }
  return TRUE;
}
