/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * Shared by the parts of the engine only (sc-engine*.c, sc-condition.c,
 * sc-stacking.c, sc-result.c, sc-example-check.c): the evaluation context,
 * the sales curve, and the prototypes the parts call each other by. Not for
 * the rest of core.
 */

#include "sc-engine.h"
#include "sc-format.h"
#include "sc-reason.h"

#include <glib/gi18n-lib.h>

G_BEGIN_DECLS

#define EPSILON 1e-9

/* xgettext still reads _("…") in the engine's files; only the lookup is
 * cached (sc_format_gettext(), once per evaluation). */
#undef _
#define _(msgid) sc_format_gettext (msgid)

/* --- evaluation context ------------------------------------------------------ */

typedef struct _MeasurePriv
{
  ScMeasureResult  pub;
  double          *fee_red;   /* SC_N_FEES × n_months, or NULL */
  ScWindow         window;    /* effective window */
  guint            platform;  /* index into Ctx.platforms */
  guint            program;   /* index into ScResult.programs */
  guint            fees_read; /* 1 << ScFee of each baseline fee its evaluation read */
  guint            fee_rows;  /* 1 << ScFee of each row of fee_red written; the others are 0 */
  struct _MeasurePriv *raw;   /* keep_raw: its raw copy, which shares monthly and fee_red
                               * until sc_engine_raw_detach(); else NULL */
  gboolean         raw_owned; /* a raw copy: monthly and fee_red its own */
  gint8            elig;      /* 2 + what its eligibility came to (-1, 0, 1) once evaluated, else 0 */
} MeasurePriv;

typedef struct _Ctx
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
  GHashTable       *platform_of;   /* platform → its index + 1 (GUINT_TO_POINTER) */
  double          **gross;         /* per platform: SC_N_FEES × n_months */
  guint            *platform_basis;

  GPtrArray        *texts;         /* ScText*: copies of the profile's notes the notes show,
                                    * made on first need; the result keeps them */
  const char       *last_platform; /* platform_index()'s last answer: this platform's … */
  guint             last_platform_index;   /* … index */

  const ScEngineOverride *overrides;   /* the options' */
  guint             n_overrides;
  const char       *only_platform;
  guint             fees_read;     /* 1 << ScFee of each baseline fee read since last reset */
  double           *counted_red;   /* kept: per platform, SC_N_FEES × n_months reductions counted */
  gboolean         *no_delta;      /* kept: per platform, no delta can stand for it (keep_counted()) */
  double           *fee_red_pool;  /* while a delta runs (and only then): zeroed room for the fee
                                    * reductions of each of its measures (sc_ctx_new_fee_red()) */
  const MeasurePriv *elig_from;    /* while a delta evaluates a measure again: the measure as the
                                    * base evaluated it, whose eligibility (the profile's, which
                                    * no override moves) stands when it got that far */
  GPtrArray        *used;          /* const ScNumber*: the assumed numbers used (with reasons) */
  GPtrArray        *used_programs; /* with reasons: const ScProgram* being evaluated when one was
                                    * first used (sc_engine_result_used_programs()) */
  const ScProgram  *program;       /* the program whose measure is being evaluated, else NULL */
  GPtrArray        *empty;         /* without reasons: sc_ctx_empty_array(), which every
                                    * measure's reasons (and texts, until it has one) share */
  GArray           *records;       /* with reasons: ScReason of every measure, assumption note
                                    * and warning, each with its owner (a measure,
                                    * SC_CTX_ASSUMPTIONS, SC_CTX_WARNINGS) in the order
                                    * they were recorded */
  /* Last, what only reasons use (a delta's context leaves it out). */
  guint             n_noted;
  gconstpointer     noted[64];     /* sources of assumptions already noted */
} Ctx;

/* What the deltas look at of each raw measure, side by side (a
 * MeasurePriv is hundreds of bytes; a delta scans them all). */
typedef struct _RawInfo
{
  const ScProgram *program;
  const ScMeasure *measure;
  const char      *group;
  guint            platform;
  guint            fees_read;
  gboolean         priced;     /* sc-engine.c, measure_priced() */
} RawInfo;

/*
 * A result and the blocks its measures and series live in: three large
 * allocations instead of three per measure (the allocator, not the
 * arithmetic, was most of an evaluation's cost).
 */
typedef struct
{
  ScResult          pub;
  GPtrArray        *used;       /* Ctx.used */
  GPtrArray        *used_programs;   /* Ctx.used_programs */
  MeasurePriv      *raw;        /* ScEngineOptions.keep_raw: n_raw measures as evaluated,
                                 * before stacking; reasons and texts NULL; series and fee
                                 * reductions the measure's (in series) unless raw_owned */
  guint             n_raw;
  RawInfo          *raw_info;   /* keep_raw: n_raw, what the deltas scan for (in raw's block) */
  guint            *raw_start;  /* keep_raw: n_platforms + 1, where each platform's raw measures
                                 * start in raw_order (which follows in the block) */
  guint            *raw_order;  /* keep_raw: n_raw indexes of raw, platform by platform */
  struct _Ctx      *kept;       /* keep_raw: the evaluation context, for sc_engine_evaluate_delta() */
  gboolean          plain;      /* keep_raw of every platform at the file's values (no overrides,
                                 * no only_platform): a base for the range analysis */
  MeasurePriv      *measures;   /* n_measures */
  ScReason         *reasons;    /* every measure's reason_data, measure by measure, then
                                 * assumption_data and warning_data */
  GPtrArray        *texts;      /* Ctx.texts */
  ScPlatformResult *platforms;  /* n_platforms */
  double           *series;     /* (n_measures + n_platforms) × n_months × SC_N_AMOUNTS, or NULL */
} ResultPriv;

/* --- notes, reasons and warnings (sc-engine-context.c) ------------------------ */

/* Records a reason of @kind (sc-reason.h) for @mr, its arguments after
 * @kind as sc_reason_info() lists them; the text is written at the end of
 * the evaluation. Nothing at all when no reasons are wanted (sweeps, live
 * editing), the arguments not even computed. */
#define add_reason(ctx, mr, ...) G_STMT_START { if ((ctx)->reasons) sc_ctx_record ((ctx), (mr), __VA_ARGS__); } G_STMT_END
/* Records a reason of @kind for @owner: a measure's result, or one of: */
#define SC_CTX_ASSUMPTIONS ((gconstpointer) &sc_ctx_owners[0])
#define SC_CTX_WARNINGS    ((gconstpointer) &sc_ctx_owners[1])
extern const char sc_ctx_owners[2];
void  sc_ctx_record          (Ctx             *ctx,
                              gconstpointer    owner,
                              ScReasonKind     kind,
                              ...);
/* Marks the reasons recorded since @since as @mr's. */
void  sc_ctx_own_reasons     (Ctx             *ctx,
                              ScMeasureResult *mr,
                              guint            since);
/* The two arguments of a SC_REASON_ARG_PLATFORM: @platform's name as its
 * baseline gives it (NULL without one), and the id. */
#define CTX_PLATFORM(ctx, platform) sc_ctx_platform_name ((ctx), (platform)), (platform)
/* An assumption note or a warning of a kind (sc-reason.h) and its
 * arguments, recorded likewise; a line written alike twice is listed once. */
#define ctx_assumption(ctx, ...) G_STMT_START { if ((ctx)->reasons) sc_ctx_record ((ctx), SC_CTX_ASSUMPTIONS, __VA_ARGS__); } G_STMT_END
#define ctx_warning(ctx, ...) G_STMT_START { if ((ctx)->reasons) sc_ctx_record ((ctx), SC_CTX_WARNINGS, __VA_ARGS__); } G_STMT_END
/* A copy of @text, a note of the profile (which may change or go before
 * the result does), that lasts as long as the result. */
const ScText *sc_ctx_keep_text (Ctx           *ctx,
                                const ScText  *text);


/* Sets up @ctx (zeroed) for one evaluation: platforms, the sales curve,
 * the profile's assumptions; sc_ctx_clear() frees what it holds. */
void        sc_ctx_setup          (Ctx                   *ctx,
                                   ScCatalog             *catalog,
                                   const ScProfile       *profile,
                                   const ScEngineOptions *options);
void        sc_ctx_clear          (Ctx                   *ctx);
/* @platform's name as its baseline gives it, NULL without a baseline. */
const ScText *sc_ctx_platform_name (Ctx                 *ctx,
                                    const char          *platform);
/* The baseline value of @fee for @platform (profile overrides first),
 * noting an assumed or overridden one; FALSE when there is none. */
gboolean    sc_ctx_baseline_value (Ctx                   *ctx,
                                   const char            *platform,
                                   ScFee                  fee,
                                   double                *value,
                                   guint                 *basis);
/* Notes the assumed number @n of @measure, @what (a N_() msgid: "reward"),
 * in @unit (after a count, the label of the traffic unit @traffic_unit, or
 * NULL for none). */
void        sc_ctx_note_assumed   (Ctx                   *ctx,
                                   const ScMeasure       *measure,
                                   const char            *what,
                                   const ScNumber        *n,
                                   ScUnit                 unit,
                                   const char            *traffic_unit);
/* Notes the assumed threshold of the comparison @cond of @measure. */
void        sc_ctx_note_threshold (Ctx                   *ctx,
                                   const ScMeasure       *measure,
                                   const ScCond          *cond);
/* Marks @mr assumed and notes the window end it runs to when @mr's measure
 * has an effect that runs over time and its <window-end> is assumed. */
void        sc_ctx_note_window_end (Ctx                  *ctx,
                                   MeasurePriv           *mp);
/* TRUE when the profile sets @field; else the measure needs information. */
gboolean    sc_ctx_need           (Ctx                   *ctx,
                                   ScMeasureResult       *mr,
                                   ScField                field);
/* Day 0 of @eff (SC_DAY_NONE when the profile leaves it unset); *@used
 * (may be NULL) is the anchor that gave it. */
ScDay       sc_ctx_anchor_day     (Ctx                   *ctx,
                                   MeasurePriv           *mp,
                                   const ScEffect        *eff,
                                   ScAnchor              *used);

/* The value of @n in this evaluation: an override's (the range analysis
 * moves one assumption at a time), else the file's. */
static inline double
sc_ctx_number (Ctx            *ctx,
               const ScNumber *n)
{
  for (guint i = 0; i < ctx->n_overrides; i++)
    if (ctx->overrides[i].number == (gconstpointer) n)
      return ctx->overrides[i].value;
  return n->value;
}

/* Zeroed room for a measure's fee reductions (SC_N_FEES × n_months): from
 * a delta's pool, which the delta frees at once, else its own block. */
static inline double *
sc_ctx_new_fee_red (Ctx *ctx)
{
  double *red;

  if (ctx->fee_red_pool == NULL)
    return g_new0 (double, SC_N_FEES * ctx->n_months);
  red = ctx->fee_red_pool;
  ctx->fee_red_pool += SC_N_FEES * ctx->n_months;
  return memset (red, 0, sizeof (double) * SC_N_FEES * ctx->n_months);
}

/* One empty array for the whole process, never freed: the reasons and
 * texts of measures evaluated without reasons point to it, and nothing
 * adds to it or unrefs it. (transfer none) */
GPtrArray  *sc_ctx_empty_array    (void);

/* Records that the assumed number @n was used (the range analysis varies
 * exactly those). */
void        sc_ctx_use            (Ctx                   *ctx,
                                   const ScNumber        *n);

/* --- the sales curve: days, months and GMV ------------------------------------ */

static inline guint
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

static inline gboolean
in_horizon (Ctx   *ctx,
            ScDay  day)
{
  return day >= ctx->as_of && day < ctx->hend;
}

/* Days of [d0, d1) on or after the first sale. */
static inline double
selling_days (Ctx   *ctx,
              ScDay  d0,
              ScDay  d1)
{
  if (ctx->first_sale != SC_DAY_NONE && d0 < ctx->first_sale)
    d0 = ctx->first_sale;
  return d1 > d0 ? (double) (d1 - d0) : 0;
}

/* GMV over [d0, d1); works outside the horizon too (see the top comment). */
static inline double
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
static inline double
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

static inline void
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

static inline ScWindow
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
static inline gboolean
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

/* --- conditions (sc-condition.c) ---------------------------------------------- */

/* sc_engine_eval_condition() with the reasons as data (ScReason), or NULL. */
int   sc_condition_eval          (const ScCond    *cond,
                                  const ScProfile *profile,
                                  GArray          *reasons);
/* Notes the assumed numbers of @cond (which evaluated to @r) that decided it. */
void  sc_condition_note_assumed  (Ctx             *ctx,
                                  ScMeasureResult *mr,
                                  const ScCond    *cond,
                                  int              r);

/* --- effects (sc-engine-rewards.c, sc-engine-fees.c) --------------------------- */

void  sc_eval_grant              (Ctx *ctx, MeasurePriv *mp, const ScEffect *eff);
void  sc_eval_tiered             (Ctx *ctx, MeasurePriv *mp, const ScEffect *eff);
void  sc_eval_rank               (Ctx *ctx, MeasurePriv *mp, const ScEffect *eff);
void  sc_eval_order_fee_waiver   (Ctx *ctx, MeasurePriv *mp, const ScEffect *eff);
void  sc_eval_fee_rate           (Ctx *ctx, MeasurePriv *mp, const ScEffect *eff);
void  sc_eval_commission_waiver  (Ctx *ctx, MeasurePriv *mp, const ScEffect *eff);
void  sc_eval_deposit            (Ctx *ctx, MeasurePriv *mp, const ScEffect *eff);
void  sc_eval_settlement         (Ctx *ctx, MeasurePriv *mp, const ScEffect *eff);
/* The gross fees of platform @index, month by month, into ctx->gross:
 * those of @fees (1 << ScFee each), the rest left as they are. */
void  sc_fees_platform_gross     (Ctx *ctx, guint index, const char *platform, guint fees);

/* --- stacking and caps (sc-stacking.c) ----------------------------------------- */

/* Before stacking changes @mp's series or fee reductions: its raw copy
 * (keep_raw) takes its own of both. */
/* The engine's steps that the delta (sc-engine-delta.c) shares with a
 * whole evaluation (sc-engine.c). */
/* Evaluates @measure into @mp (zeroed), its series into @monthly (zeroed,
 * n_months × SC_N_AMOUNTS). */
void  sc_engine_eval_measure          (Ctx              *ctx,
                                       MeasurePriv      *mp,
                                       double           *monthly,
                                       const ScProgram  *program,
                                       const ScMeasure  *measure,
                                       ScDay             active_until,
                                       const ScProgram  *replaced_by);
/* @mp (zeroed) as @raw was evaluated, its series into @monthly (with
 * @series; else @monthly is only room, which stacking may zero). */
void  sc_engine_take_raw              (Ctx              *ctx,
                                       MeasurePriv      *mp,
                                       double           *monthly,
                                       const MeasurePriv *raw,
                                       gboolean          series);
/* @mp's totals from its series. */
void  sc_engine_measure_totals        (Ctx              *ctx,
                                       MeasurePriv      *mp);

void  sc_engine_raw_detach_real       (Ctx              *ctx,
                                       MeasurePriv      *mp);
static inline void
sc_engine_raw_detach (Ctx         *ctx,
                      MeasurePriv *mp)
{
  if (mp->raw != NULL)
    sc_engine_raw_detach_real (ctx, mp);
}

/* Keeps one measure per exclusive / best-of group of a program;
 * @first..@last index @measures. */
void  sc_stacking_resolve_groups      (Ctx              *ctx,
                                       GPtrArray        *measures,
                                       guint             first,
                                       guint             last);
/* Scales down reductions of one fee in one month to its gross: those of the
 * measures in force, or (@expected) those of the expected measures to what
 * the measures in force leave of it. */
void  sc_stacking_apply_caps          (Ctx              *ctx,
                                       GPtrArray        *all,
                                       gboolean          expected);
/* Moves the value of the expected measure @mp out of its totals and series
 * into its own expected totals and those of its program and platform. */
void  sc_stacking_keep_expected_apart (Ctx              *ctx,
                                       MeasurePriv      *mp,
                                       ScProgramResult  *prr,
                                       ScPlatformResult *pr);

G_END_DECLS
