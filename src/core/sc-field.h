/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * ScField:
 * The merchant-profile fields that eligibility conditions, example
 * profiles and sweeps can name. The XML name of each (in program files and
 * profile documents) is in the table returned by sc_field_info().
 * Append new fields at the end of a group; never reuse a name.
 */
typedef enum
{
  /* store */
  SC_FIELD_STORE_TYPE,            /* "store-type": individual | enterprise | flagship */
  SC_FIELD_MERCHANT_CLASS,        /* "merchant-class": ordinary | brand | big-merchant */
  SC_FIELD_OLD_STORE_REOPENED,    /* "old-store-reopened": bool (老店新开) */
  SC_FIELD_CATEGORY,              /* "category": apparel | shoes | sports-outdoor | home-textile | furniture | appliances | digital | beauty | food | other */
  SC_FIELD_INDUSTRY_BELT,         /* "industry-belt": bool (产业带商家) */
  SC_FIELD_LAOTIE_GOOD_SHOP,      /* "laotie-good-shop": bool (老铁好店 certified) */
  SC_FIELD_NATIONAL_SUBSIDY,      /* "national-subsidy": bool (国补商家) */
  SC_FIELD_ENTRY_DATE,            /* "entry-date": date (入驻) */
  SC_FIELD_FIRST_SALE_DATE,       /* "first-sale-date": date (首销 / 首次动销) */
  SC_FIELD_FIRST_LIVE_DATE,       /* "first-live-date": date (首次直播) */
  /* sales */
  SC_FIELD_MONTHLY_GMV,           /* "monthly-gmv": yuan per month */
  SC_FIELD_GMV_GROWTH,            /* "gmv-growth": fraction per month, may be negative (≥ -1) */
  SC_FIELD_AVG_ORDER_VALUE,       /* "avg-order-value": yuan per order */
  SC_FIELD_RETURN_RATE,           /* "return-rate": fraction of orders */
  SC_FIELD_CONTENT_SHARE,         /* "content-share": fraction of GMV from content scenes (live, short video) vs shelf */
  SC_FIELD_EXPECTED_RANK_VIDEO,   /* "expected-rank-video": rank on the short-video leaderboard (a second board) */
  SC_FIELD_EXPECTED_RANK,         /* "expected-rank": rank on the live / short-video leaderboard */
  /* operations */
  SC_FIELD_RETURN_COVER,          /* "return-shipping-cover": bool (退货包运费 opened) */
  SC_FIELD_RETURN_COVER_DAYS,     /* "return-shipping-cover-days": days the service stays on without closing */
  SC_FIELD_RETURN_COVER_SINCE,    /* "return-shipping-since": date the merchant enrolled in / turned on 退货包运费 */
  SC_FIELD_RETURN_COVER_2026,     /* "return-shipping-enrolled-2026": bool (2026年报名 the 退货包运费 waiver) */
  SC_FIELD_LIVE_HOURS_FIRST_7D,   /* "live-hours-first-7d": hours live in the first 7 days of live selling */
  SC_FIELD_AD_SPEND,              /* "ad-spend": yuan per month */
  SC_FIELD_SHARE_QIANCHUAN,       /* "share-qianchuan-chengfang": fraction of GMV from 千川·乘方 orders */
  SC_FIELD_JINNIU_SINCE,          /* "jinniu-since": date the merchant became a 磁力金牛 customer */
  SC_FIELD_SHOP_SCORE,            /* "shop-score": 0–5 (店铺体验分 / 带货口碑分) */
  /* factory (快质造) */
  SC_FIELD_FACTORY_TIER,          /* "factory-tier": none | S | A | B-craft | B-material */
  SC_FIELD_FACTORY_AUDIT,         /* "factory-audit": bool (验厂验仓报告) */
  SC_FIELD_ODM_TEAM,              /* "odm-team": bool (独立ODM团队 and production process) */
  SC_FIELD_BRAND_MAKER,           /* "brand-maker": bool (国内外知名品牌生产制造商, 快质造's target group) */
  SC_FIELD_CURATED_PLATFORMS,     /* "curated-platform-experience": bool (精选型电商平台经验: 小米有品, 必要, 考拉工厂店,
                                   * 严选, 京东京造, 京东惠寻, 抖音王牌工厂, KEEP, 喵满分, 云集) */
  SC_FIELD_EXCLUDED_PRACTICE,     /* "excluded-practice": bool (盗图, 重大客诉, 假货, 分销/档口货) */
  SC_FIELD_OWN_LIVE_TEAM,         /* "own-live-team": bool (独立快手电商运营团队, self-broadcast) */
  /* violation scenario (阻断减免) */
  SC_FIELD_VIOLATION_ROLE,        /* "violation-role": none | merchant | creator */
  SC_FIELD_VIOLATION_BLOCKING,    /* "violation-blocking": bool (违约单含阻断经营处置措施) */
  SC_FIELD_VIOLATION_UNINTENTIONAL, /* "violation-unintentional": bool (对规则不熟悉或无主观故意) */
  SC_FIELD_VIOLATION_POINTS,      /* "violation-points": points deducted by this notice */
  SC_FIELD_PRIOR_30D_POINTS,      /* "prior-30d-points": points deducted in the 30 days before */
  SC_FIELD_FIRST_SAME_RULE_30D,   /* "first-same-rule-30d": bool (近30日首次同规则违规) */
  SC_FIELD_RELIEF_RELAPSE_30D,    /* "relief-relapse-30d": bool (减免后30天内再次违反同一规则) */
  SC_FIELD_SERIOUS_VIOLATION,     /* "serious-violation": bool (较为严重的违规或不诚信行为) */
  /* assumptions (every one has a default the user can see and override) */
  SC_FIELD_COST_OF_CAPITAL,       /* "cost-of-capital": fraction per year */
  SC_FIELD_YUAN_PER_1000_EXPOSURES, /* "yuan-per-1000-exposures": yuan */
  SC_FIELD_LOCKED_VALUE_WORTH,    /* "locked-value-worth": fraction, the cash value of ¥1 of ad credit,
                                   * coupons or traffic value (value tied to the platform) */
  SC_N_FIELDS
} ScField;

typedef enum
{
  SC_FIELD_TYPE_NUMBER,    /* a plain number: hours, rank, points, score */
  SC_FIELD_TYPE_MONEY,     /* yuan */
  SC_FIELD_TYPE_FRACTION,  /* 0–1 in the file; shown as a percentage */
  SC_FIELD_TYPE_DATE,      /* YYYY-MM-DD */
  SC_FIELD_TYPE_BOOL,      /* true | false */
  SC_FIELD_TYPE_CHOICE,    /* one of @choices */
} ScFieldType;

typedef struct
{
  ScField            field;
  const char        *name;      /* XML name, e.g. "shop-score" */
  ScFieldType        type;
  const char        *label;     /* English, translatable with N_(); use _() to show */
  const char        *unit;      /* English unit, translatable, or NULL */
  double             min;       /* valid range for numbers */
  double             max;
  const char *const *choices;   /* NULL-terminated, for SC_FIELD_TYPE_CHOICE */
  const char        *unset_hint; /* what leaving it out means, translatable; NULL: "needs information" */
} ScFieldInfo;

const ScFieldInfo *sc_field_info         (ScField field);
/* Returns FALSE when @name is not a field. */
gboolean           sc_field_from_name    (const char *name, ScField *out);
/* Translated label of a choice value, e.g. "enterprise" → "Enterprise store" / "企业店". */
const char        *sc_field_choice_label (ScField field, const char *choice);

G_END_DECLS
