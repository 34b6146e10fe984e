/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "sc-field.h"

/* Bounds are sanity limits for what a merchant could type, not policy numbers. */
#define MONEY_MAX 1e12

static const char *const store_types[] = { "individual", "enterprise", "flagship", NULL };
static const char *const merchant_classes[] = { "ordinary", "brand", "big-merchant", NULL };
static const char *const categories[] = {
  "apparel", "shoes", "sports-outdoor", "home-textile", "furniture",
  "appliances", "digital", "beauty", "food", "other", NULL
};
static const char *const factory_tiers[] = { "none", "S", "A", "B-craft", "B-material", NULL };
static const char *const violation_roles[] = { "none", "merchant", "creator", NULL };

static const ScFieldInfo fields[SC_N_FIELDS] = {
  { SC_FIELD_STORE_TYPE, "store-type", SC_FIELD_TYPE_CHOICE, N_("Store type"), NULL, 0, 0, store_types },
  { SC_FIELD_MERCHANT_CLASS, "merchant-class", SC_FIELD_TYPE_CHOICE, N_("Merchant class"), NULL, 0, 0, merchant_classes },
  { SC_FIELD_OLD_STORE_REOPENED, "old-store-reopened", SC_FIELD_TYPE_BOOL, N_("Old store reopened"), NULL, 0, 0, NULL },
  { SC_FIELD_CATEGORY, "category", SC_FIELD_TYPE_CHOICE, N_("Category"), NULL, 0, 0, categories },
  { SC_FIELD_INDUSTRY_BELT, "industry-belt", SC_FIELD_TYPE_BOOL, N_("Industry-belt merchant"), NULL, 0, 0, NULL },
  { SC_FIELD_LAOTIE_GOOD_SHOP, "laotie-good-shop", SC_FIELD_TYPE_BOOL, N_("Laotie Good Shop certified"), NULL, 0, 0, NULL },
  { SC_FIELD_NATIONAL_SUBSIDY, "national-subsidy", SC_FIELD_TYPE_BOOL, N_("National-subsidy merchant"), NULL, 0, 0, NULL },
  { SC_FIELD_ENTRY_DATE, "entry-date", SC_FIELD_TYPE_DATE, N_("Entry date"), NULL, 0, 0, NULL },
  { SC_FIELD_FIRST_SALE_DATE, "first-sale-date", SC_FIELD_TYPE_DATE, N_("First sale date"), NULL, 0, 0, NULL },
  { SC_FIELD_FIRST_LIVE_DATE, "first-live-date", SC_FIELD_TYPE_DATE, N_("First live date"), NULL, 0, 0, NULL },
  { SC_FIELD_MONTHLY_GMV, "monthly-gmv", SC_FIELD_TYPE_MONEY, N_("Monthly GMV"), N_("yuan"), 0, MONEY_MAX, NULL },
  { SC_FIELD_GMV_GROWTH, "gmv-growth", SC_FIELD_TYPE_FRACTION, N_("Monthly GMV growth"), NULL, -1, 1, NULL },
  { SC_FIELD_AVG_ORDER_VALUE, "avg-order-value", SC_FIELD_TYPE_MONEY, N_("Average order value"), N_("yuan"), 0.01, MONEY_MAX, NULL },
  { SC_FIELD_RETURN_RATE, "return-rate", SC_FIELD_TYPE_FRACTION, N_("Return rate"), NULL, 0, 1, NULL },
  { SC_FIELD_CONTENT_SHARE, "content-share", SC_FIELD_TYPE_FRACTION, N_("Share of GMV from content scenes"), NULL, 0, 1, NULL },
  { SC_FIELD_EXPECTED_RANK_VIDEO, "expected-rank-video", SC_FIELD_TYPE_NUMBER, N_("Expected rank on the short-video leaderboard"), NULL, 1, 1e9, NULL },
  { SC_FIELD_EXPECTED_RANK, "expected-rank", SC_FIELD_TYPE_NUMBER, N_("Expected leaderboard rank"), NULL, 1, 1e9, NULL },
  { SC_FIELD_RETURN_COVER, "return-shipping-cover", SC_FIELD_TYPE_BOOL, N_("Return-shipping cover on"), NULL, 0, 0, NULL },
  { SC_FIELD_RETURN_COVER_DAYS, "return-shipping-cover-days", SC_FIELD_TYPE_NUMBER, N_("Days return-shipping cover stays on"), N_("days"), 0, 36600, NULL },
  /* Programs anchor on it with a fallback (docs/program-format.md, "Anchors"), so leaving it
   * out is an assumption, not missing information. */
  { SC_FIELD_RETURN_COVER_SINCE, "return-shipping-since", SC_FIELD_TYPE_DATE, N_("Return-shipping cover on since"), NULL, 0, 0, NULL,
    N_("Not given: free orders are counted from the evaluation date, an assumption the estimate lists") },
  { SC_FIELD_RETURN_COVER_2026, "return-shipping-enrolled-2026", SC_FIELD_TYPE_BOOL, N_("Enrolled in the 2026 return-shipping fee waiver"), NULL, 0, 0, NULL },
  { SC_FIELD_LIVE_HOURS_FIRST_7D, "live-hours-first-7d", SC_FIELD_TYPE_NUMBER, N_("Live hours in the first 7 days"), N_("hours"), 0, 168, NULL },
  { SC_FIELD_AD_SPEND, "ad-spend", SC_FIELD_TYPE_MONEY, N_("Monthly ad spend"), N_("yuan"), 0, MONEY_MAX, NULL },
  { SC_FIELD_SHARE_QIANCHUAN, "share-qianchuan-chengfang", SC_FIELD_TYPE_FRACTION, N_("Share of GMV through Qianchuan·Chengfang"), NULL, 0, 1, NULL },
  { SC_FIELD_JINNIU_SINCE, "jinniu-since", SC_FIELD_TYPE_DATE, N_("Magnetic Jinniu customer since"), NULL, 0, 0, NULL },
  { SC_FIELD_SHOP_SCORE, "shop-score", SC_FIELD_TYPE_NUMBER, N_("Shop experience score"), NULL, 0, 5, NULL },
  { SC_FIELD_FACTORY_TIER, "factory-tier", SC_FIELD_TYPE_CHOICE, N_("Factory tier"), NULL, 0, 0, factory_tiers },
  { SC_FIELD_FACTORY_AUDIT, "factory-audit", SC_FIELD_TYPE_BOOL, N_("Factory and warehouse audit report"), NULL, 0, 0, NULL },
  { SC_FIELD_ODM_TEAM, "odm-team", SC_FIELD_TYPE_BOOL, N_("Own ODM design team"), NULL, 0, 0, NULL },
  { SC_FIELD_BRAND_MAKER, "brand-maker", SC_FIELD_TYPE_BOOL, N_("Makes products for well-known brands"), NULL, 0, 0, NULL },
  { SC_FIELD_CURATED_PLATFORMS, "curated-platform-experience", SC_FIELD_TYPE_BOOL, N_("Has sold on a curated platform (Xiaomi Youpin, Biyao, Yanxuan, Jingdong Jingzao …)"), NULL, 0, 0, NULL },
  { SC_FIELD_EXCLUDED_PRACTICE, "excluded-practice", SC_FIELD_TYPE_BOOL, N_("Excluded practice (stolen images, fakes, major complaints, mainly reselling wholesale-market stock)"), NULL, 0, 0, NULL },
  { SC_FIELD_OWN_LIVE_TEAM, "own-live-team", SC_FIELD_TYPE_BOOL, N_("Own live-selling team"), NULL, 0, 0, NULL },
  { SC_FIELD_VIOLATION_ROLE, "violation-role", SC_FIELD_TYPE_CHOICE, N_("Violation notice received as"), NULL, 0, 0, violation_roles },
  { SC_FIELD_VIOLATION_BLOCKING, "violation-blocking", SC_FIELD_TYPE_BOOL, N_("Notice contains a blocking measure"), NULL, 0, 0, NULL },
  { SC_FIELD_VIOLATION_UNINTENTIONAL, "violation-unintentional", SC_FIELD_TYPE_BOOL, N_("Violation from not knowing the rule, without intent"), NULL, 0, 0, NULL },
  { SC_FIELD_VIOLATION_POINTS, "violation-points", SC_FIELD_TYPE_NUMBER, N_("Points deducted by the notice"), N_("points"), 0, 1000, NULL },
  { SC_FIELD_PRIOR_30D_POINTS, "prior-30d-points", SC_FIELD_TYPE_NUMBER, N_("Points deducted in the prior 30 days"), N_("points"), 0, 1000, NULL },
  { SC_FIELD_FIRST_SAME_RULE_30D, "first-same-rule-30d", SC_FIELD_TYPE_BOOL, N_("First violation of this rule in 30 days"), NULL, 0, 0, NULL },
  { SC_FIELD_RELIEF_RELAPSE_30D, "relief-relapse-30d", SC_FIELD_TYPE_BOOL, N_("Same rule broken again within 30 days of a relief"), NULL, 0, 0, NULL },
  { SC_FIELD_SERIOUS_VIOLATION, "serious-violation", SC_FIELD_TYPE_BOOL, N_("Serious or dishonest violation"), NULL, 0, 0, NULL },
  { SC_FIELD_COST_OF_CAPITAL, "cost-of-capital", SC_FIELD_TYPE_FRACTION, N_("Cost of capital per year"), NULL, 0, 1, NULL },
  { SC_FIELD_YUAN_PER_1000_EXPOSURES, "yuan-per-1000-exposures", SC_FIELD_TYPE_MONEY, N_("Yuan per 1,000 exposures"), N_("yuan"), 0, 1e6, NULL },
  /* Leaving it out ranks by money kept alone, an assumption the estimate lists. */
  { SC_FIELD_LOCKED_VALUE_WORTH, "locked-value-worth", SC_FIELD_TYPE_FRACTION, N_("Cash value of ¥1 tied to the platform"), NULL, 0, 1, NULL,
    N_("Not given: value tied to the platform counts for nothing in the ranking, an assumption the estimate lists") },
};

static const struct
{
  const char *value;
  const char *label;
} choice_labels[] = {
  { "individual", N_("Individual store") },
  { "enterprise", N_("Enterprise store") },
  { "flagship", N_("Flagship store") },
  { "ordinary", N_("Ordinary merchant") },
  { "brand", N_("Brand merchant") },
  { "big-merchant", N_("Big merchant") },
  { "apparel", N_("Apparel") },
  { "shoes", N_("Shoes") },
  { "sports-outdoor", N_("Sports and outdoor") },
  { "home-textile", N_("Home textiles") },
  { "furniture", N_("Furniture") },
  { "appliances", N_("Home appliances") },
  { "digital", N_("Digital") },
  { "beauty", N_("Beauty") },
  { "food", N_("Food") },
  { "other", N_("Other") },
  { "none", N_("None") },
  { "S", N_("S (super factory)") },
  { "A", N_("A (mid-to-large factory)") },
  { "B-craft", N_("B (craft factory)") },
  { "B-material", N_("B (new-material company)") },
  { "merchant", N_("Merchant") },
  { "creator", N_("Creator") },
  { "true", N_("yes") },
  { "false", N_("no") },
};

const ScFieldInfo *
sc_field_info (ScField field)
{
  g_return_val_if_fail ((guint) field < SC_N_FIELDS, NULL);
  g_assert (fields[field].field == field);
  return &fields[field];
}

gboolean
sc_field_from_name (const char *name,
                    ScField    *out)
{
  if (name == NULL)
    return FALSE;
  for (guint i = 0; i < SC_N_FIELDS; i++)
    if (g_str_equal (fields[i].name, name))
      {
        if (out)
          *out = fields[i].field;
        return TRUE;
      }
  return FALSE;
}

const char *
sc_field_choice_label (ScField     field,
                       const char *choice)
{
  (void) field;
  for (guint i = 0; i < G_N_ELEMENTS (choice_labels); i++)
    if (g_strcmp0 (choice_labels[i].value, choice) == 0)
      return _(choice_labels[i].label);
  return choice;
}
