/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "sc-field.h"
#include "sc-types.h"

G_BEGIN_DECLS

/*
 * The program model: what a program file says, as plain structs.
 * The program reader (sc-program-reader.h) builds them; everything else only reads them.
 * docs/program-format.md describes the XML each struct comes from.
 */

typedef enum
{
  SC_STATUS_ANNOUNCED,       /* "announced" */
  SC_STATUS_EXPECTED,        /* "expected" (预计) */
  SC_STATUS_IN_FORCE,        /* "in-force" */
  SC_STATUS_COMMENT_PERIOD,  /* "comment-period" (意见征集) */
  SC_STATUS_EXPIRED,         /* "expired" */
} ScProgramStatus;

typedef enum
{
  SC_STACK_ADDITIVE,   /* every measure of the group counts */
  SC_STACK_EXCLUSIVE,  /* only the first eligible measure (document order) counts */
  SC_STACK_BEST_OF,    /* only the eligible measure worth most counts */
} ScStacking;

typedef struct
{
  char   *id;          /* "s000" */
  char   *file;        /* seed file name, e.g. "000_339444be9646c9ad.txt" */
  ScText  title;
  char   *publisher;
  ScDay   published;
  char   *url;         /* may be NULL */
  guint   line;
} ScSource;

/* --- eligibility ------------------------------------------------------- */

typedef enum
{
  SC_COND_ALL,      /* <all>: every child holds */
  SC_COND_ANY,      /* <any>: at least one child holds */
  SC_COND_NOT,      /* <not>: its one child does not hold */
  SC_COND_COMPARE,  /* <compare field op value>: number, money, fraction fields */
  SC_COND_IS,       /* <is field value>: bool and choice fields; value may list several choices */
  SC_COND_DATE_IN,  /* <date-in field start end>: a date field within a window */
} ScCondKind;

typedef enum
{
  SC_OP_EQ, SC_OP_NE, SC_OP_LT, SC_OP_LE, SC_OP_GT, SC_OP_GE,
} ScOp;

typedef struct _ScCond ScCond;
struct _ScCond
{
  ScCondKind  kind;
  ScField     field;       /* COMPARE, IS, DATE_IN */
  ScOp        op;          /* COMPARE */
  ScNumber    number;      /* COMPARE: the threshold, with its basis */
  char      **values;      /* IS: accepted values ("true"/"false" for bools) */
  ScWindow    window;      /* DATE_IN */
  ScText      label;       /* optional wording of the condition for reasons */
  GPtrArray  *children;    /* ALL, ANY, NOT: ScCond* */
  guint       line;
};

/* --- effects ----------------------------------------------------------- */

typedef enum
{
  SC_EFFECT_GRANT,              /* one-off cash / ad credit / coupon / traffic */
  SC_EFFECT_TIERED,             /* rewards for a metric reaching thresholds at day checkpoints */
  SC_EFFECT_RANK,               /* rewards by leaderboard rank */
  SC_EFFECT_ORDER_FEE_WAIVER,   /* a per-order fee waived for N orders within D days, then a discount */
  SC_EFFECT_FEE_RATE,           /* a fee rate set to a new rate on a share of GMV */
  SC_EFFECT_COMMISSION_WAIVER,  /* commission waived for categories and scenes */
  SC_EFFECT_DEPOSIT,            /* deposit lowered to an amount */
  SC_EFFECT_SETTLEMENT,         /* settlement after N days instead of the baseline's */
  SC_EFFECT_RIGHT,              /* a qualitative right: listed, never priced */
  SC_EFFECT_RULE_OUTCOME,       /* a rule outcome, e.g. 全部商品下架 replaced by a restriction */
} ScEffectKind;

typedef enum
{
  SC_BENEFIT_CASH,       /* "cash" */
  SC_BENEFIT_AD_CREDIT,  /* "ad-credit" (e.g. 磁力金牛 credit) */
  SC_BENEFIT_COUPON,     /* "coupon" (coupon packs, 优惠券) */
  SC_BENEFIT_TRAFFIC,    /* "traffic": counted in @unit, valued only through an assumption */
} ScBenefit;

typedef enum
{
  SC_ANCHOR_FIRST_SALE,     /* "first-sale": the profile's first-sale date */
  SC_ANCHOR_ENTRY,          /* "entry": the profile's entry date */
  SC_ANCHOR_FIRST_LIVE,     /* "first-live": the profile's first live date */
  SC_ANCHOR_WINDOW_START,   /* "window-start": the measure's (or program's) window start */
  SC_ANCHOR_FIELD,          /* "field": the date in the profile field named by ScEffect.anchor_field */
} ScAnchor;

typedef enum
{
  SC_FEE_COMMISSION,            /* "commission": technical service fee / commission rate on GMV */
  SC_FEE_RETURN_SHIPPING,       /* "return-shipping": 退货包运费 service fee per order */
  SC_FEE_PROMOTION,             /* "promotion": promotion (ad) fee on promoted orders */
  SC_FEE_DEPOSIT,               /* "deposit": 保证金 (an amount held, not a cost) */
  SC_FEE_SETTLEMENT_DAYS,       /* "settlement-days": days from receipt to settlement */
  SC_N_FEES
} ScFee;

typedef struct
{
  ScNumber threshold;   /* metric value (yuan) or rank (top N) */
  ScNumber reward;      /* yuan, or traffic units */
  guint    line;
} ScTier;

typedef struct
{
  ScEffectKind  kind;
  ScBenefit     benefit;           /* GRANT, TIERED, RANK */
  gboolean      up_to;             /* the amount is a maximum ("至高", "最高") */
  ScAnchor      anchor;            /* GRANT, TIERED, ORDER_FEE_WAIVER: day 0 */
  ScField       anchor_field;      /* anchor FIELD: a date field of the profile; else SC_N_FIELDS */
  ScAnchor      anchor_fallback;   /* anchor FIELD: the anchor used when the profile leaves
                                    * anchor_field unset; SC_ANCHOR_FIELD = none (needs information) */
  ScNumber      amount;            /* GRANT: yuan or units */
  char         *unit;              /* TRAFFIC: "exposure" | "traffic-coupon" | "traffic-unit" (unit not stated) */
  ScNumber      exposures_per_unit;/* TRAFFIC with unit other than exposure: assumption */
  GArray       *checkpoints;       /* TIERED: guint day offsets from anchor (30, 60, 90) */
  GPtrArray    *tiers;             /* TIERED, RANK: ScTier*, thresholds increasing (RANK: top N decreasing) */
  ScNumber      max_total;         /* TIERED, RANK: cap over all tiers and checkpoints */
  ScField       rank_field;        /* RANK: the number field holding the rank (rank-field="…",
                                    * else expected-rank) */
  ScFee         fee;               /* ORDER_FEE_WAIVER, FEE_RATE */
  ScNumber      max_orders;        /* ORDER_FEE_WAIVER */
  ScNumber      days;              /* ORDER_FEE_WAIVER: the waiver runs for days from anchor;
                                    * DEPOSIT: the lower deposit lasts days from anchor (a trial period);
                                    * GRANT: offset-days */
  ScNumber      discount_after;    /* ORDER_FEE_WAIVER: fraction of the fee subsidised afterwards (0.30) */
  ScNumber      discount_days;     /* ORDER_FEE_WAIVER: the discount runs for days from anchor;
                                    * unset: to the end of the window */
  ScNumber      rate;              /* FEE_RATE: the new rate (0.006) */
  ScField       share_field;       /* FEE_RATE: profile fraction of GMV it applies to; SC_N_FIELDS = all */
  ScField       share_within;      /* FEE_RATE: the fraction field @share_field is part of (within-field="…"):
                                    * the share counts at most that much; SC_N_FIELDS = none */
  char        **categories;        /* COMMISSION_WAIVER: NULL = all categories */
  char         *scene;             /* COMMISSION_WAIVER: "shelf" | "content" | "all" */
  ScNumber      share;             /* COMMISSION_WAIVER: assumed fraction of eligible GMV waived */
  ScNumber      deposit;           /* DEPOSIT: new deposit in yuan (from the anchor, if @days is set) */
  ScNumber      settlement_days;   /* SETTLEMENT */
  ScText        text;              /* RIGHT, RULE_OUTCOME: what the merchant gets / what happens */
  char         *replaces;          /* RULE_OUTCOME: the measure replaced, e.g. "全部商品下架" */
  guint         line;
} ScEffect;

typedef struct
{
  char       *id;            /* unique within the program */
  ScText      title;
  ScText      summary;
  char       *quote;         /* the original sentence(s), Chinese */
  char       *source_id;     /* the <source> it is cited from */
  const ScSource *source;    /* resolved by the loader */
  ScProgramStatus status;    /* its own status="…", else the program's */
  gboolean    has_status;    /* the file gave status="…" on the measure */
  gboolean    has_window;
  ScWindow    window;        /* when it differs from the program's */
  ScNumber    window_end;    /* <window-end basis>: .set when declared; .basis stated or
                              * assumed (then .note says why); .value unused */
  char       *group;         /* stacking group id or NULL (additive) */
  ScCond     *eligibility;   /* NULL: every merchant */
  GPtrArray  *effects;       /* ScEffect* */
  guint       line;
} ScMeasure;

typedef struct
{
  char       *id;
  ScStacking  mode;
  guint       line;
} ScStackGroup;

/* One number a headline states, with what it counts. */
typedef struct
{
  double  value;
  char   *unit;   /* "yuan", "fraction" (0–1), or the thing counted: "creator", "traffic" … */
  char   *per;    /* "day" | "month" | "year" for a rate, or NULL */
  guint   line;
} ScFigure;

/*
 * A platform-wide figure of a program ("over 32 billion yuan saved across
 * all merchants"), quoted from its source: shown beside the program,
 * never priced, never eligible or not, never charted.
 */
typedef struct
{
  ScText          text;        /* the figure in words, for people */
  char           *quote;       /* the original sentence(s), Chinese */
  char           *source_id;
  const ScSource *source;      /* resolved by the loader */
  GArray         *figures;     /* ScFigure, at least one, each found in @quote */
  guint           line;
} ScHeadline;

typedef struct _ScProgram ScProgram;
struct _ScProgram
{
  char            *id;            /* stable, e.g. "kuaishou.star-plan-2026" */
  guint            revision;
  char            *platform;      /* "kuaishou" | "douyin" | "jd" | "taobao" … */
  ScText           name;
  ScText           summary;
  ScProgramStatus  status;
  ScWindow         window;
  ScNumber         window_end;    /* <window-end basis>, like ScMeasure.window_end */
  char            *replaces;      /* id of the earlier program it replaces, or NULL */
  char           **source_ids;
  GPtrArray       *headlines;     /* ScHeadline*, possibly empty */
  GPtrArray       *groups;        /* ScStackGroup* */
  GPtrArray       *measures;      /* ScMeasure* */
  char            *origin;        /* file path it was loaded from */
  guint            line;
};

/* Platform baseline: ordinary fees, every value an assumption with a note. */
typedef struct
{
  ScFee     fee;
  char     *category;   /* NULL: every category */
  ScNumber  value;      /* rate (fraction), yuan per order, yuan, or days */
  guint     line;
} ScBaselineItem;

typedef struct
{
  char       *platform;
  ScText      name;       /* platform's display name: 快手 / Kuaishou */
  guint       revision;
  GPtrArray  *items;      /* ScBaselineItem* */
  char       *origin;
  guint       line;
} ScBaseline;

/* An example profile with expected results, checked by the test suite. */
typedef struct
{
  ScField  field;
  char    *value;       /* as written in the file */
} ScExampleSetting;

typedef struct
{
  char    *program_id;
  char    *measure_id;  /* NULL: the program's total */
  char    *what;        /* "status" | a result category name, e.g. "fee-reduction", "cash" */
  char    *status;      /* for what="status": "eligible" | "not-eligible" | "needs-info" | "not-quantified" */
  double   value;
  double   tolerance;
  guint    line;
} ScExampleExpect;

typedef struct
{
  char       *id;
  ScText      title;
  ScDay       as_of;
  guint       horizon_months;
  GArray     *settings;   /* ScExampleSetting */
  GPtrArray  *expects;    /* ScExampleExpect* */
  char       *origin;
  guint       line;
} ScExample;

/* Everything one file holds. */
typedef struct
{
  char       *path;
  char       *license;
  GPtrArray  *sources;     /* ScSource* */
  GPtrArray  *programs;    /* ScProgram* */
  GPtrArray  *baselines;   /* ScBaseline* */
  GPtrArray  *examples;    /* ScExample* */
  GHashTable *source_ids;  /* id → the first ScSource* of that id, for look-ups */
} ScProgramFile;

void                sc_program_file_free     (ScProgramFile *file);

/* The XML name of @effect's part whose value runs over time to the end of
 * the measure's window (no duration of its own ends it sooner): "discount-after",
 * "order-fee-waiver", "fee-rate", "commission-waiver", "deposit", "settlement";
 * NULL for an effect that does not run over time. (transfer none) */
const char         *sc_effect_runs_to_window_end (const ScEffect *effect);
/* The <window-end> declaration that covers @measure's end: its own, else
 * (when the measure gives no end="…" of its own) its program's; NULL when
 * none is declared. (transfer none) */
const ScNumber     *sc_measure_window_end    (const ScProgram *program,
                                              const ScMeasure *measure);
const ScSource     *sc_program_file_find_source (const ScProgramFile *file, const char *id);

/*
 * The vocabulary of program files: one table per enum, as sc_field_info()
 * is for profile fields. Every name, label and unit of a value is written
 * here once; readers, writers, the engine and the window look them up.
 */

/* What a value measures: the unit of a fee or benefit in the tables below,
 * and how sc_format_value() writes it. */
typedef enum
{
  SC_UNIT_PLAIN,            /* 4.4, 10: up to 4 decimals */
  SC_UNIT_PERCENT,          /* a fraction 0–1 as a percentage: 0.06 → 6%, 0.006 → 0.6% */
  SC_UNIT_YUAN,             /* 2,000 yuan */
  SC_UNIT_YUAN_PER_ORDER,   /* 1.5 yuan per order */
  SC_UNIT_DAYS,             /* 7 days */
  SC_UNIT_COUNT,            /* 1,300: whole, grouped; with a noun, "4,600 traffic coupons" */
} ScUnit;

typedef struct
{
  const char *name;    /* the XML name ("return-shipping") */
  const char *label;   /* for people, in running text, untranslated: pass to _(); NULL if none */
  const char *title;   /* for people, as a heading or row title, untranslated; NULL if none */
  ScUnit      unit;    /* of the value's numbers, SC_UNIT_PLAIN if it has none */
} ScEnumInfo;

typedef struct
{
  const ScEnumInfo *rows;   /* indexed by the enum's value */
  guint             n;
} ScEnumTable;

extern const ScEnumTable sc_program_status_table;  /* ScProgramStatus (also a measure's own status) */
extern const ScEnumTable sc_fee_table;             /* ScFee */
extern const ScEnumTable sc_benefit_table;         /* ScBenefit */
extern const ScEnumTable sc_anchor_table;          /* ScAnchor */
extern const ScEnumTable sc_stacking_table;        /* ScStacking */

/* The row of @value in @table. (transfer none) */
const ScEnumInfo   *sc_enum_info             (const ScEnumTable *table,
                                              guint              value);
/* The value named @name in @table; FALSE when it has none. */
gboolean            sc_enum_from_string      (const ScEnumTable *table,
                                              const char        *name,
                                              guint             *value);

/* Shorthands of sc_enum_info() for the names and labels used most. (transfer none) */
const char         *sc_program_status_to_string (ScProgramStatus status);
const char         *sc_program_status_label  (ScProgramStatus status);  /* translated */
const char         *sc_fee_to_string         (ScFee fee);
gboolean            sc_fee_from_string       (const char *name,
                                              ScFee      *fee);
const char         *sc_anchor_to_string      (ScAnchor anchor);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScProgramFile, sc_program_file_free)

G_END_DECLS
