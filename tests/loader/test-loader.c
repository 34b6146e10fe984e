/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Program files read: the fixture, every bundled file, the facts each states,
 * broken files and what they are told, window ends, positions, quotes. */
#define G_LOG_DOMAIN "test-loader"

#include "config.h"

#include <gio/gio.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "loader-fixture.h"
#include "sc-catalog.h"
#include "sc-error.h"
#include "sc-program-reader.h"
#include "sc-quote.h"
#include "sc-xml.h"

/* ------------------------------------------------------------------ */

static void
test_sample (void)
{
  g_autofree char *path = fixture_path ("sample.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProgramFile) file = sc_program_reader_load_file (path, &error);
  const ScProgram *program;
  const ScMeasure *measure;
  const ScEffect *effect;
  const ScCond *cond;

  g_assert_no_error (error);
  g_assert_nonnull (file);
  g_assert_cmpstr (file->license, ==, "CC-BY-4.0");
  g_assert_cmpuint (file->sources->len, ==, 2);
  g_assert_cmpuint (file->programs->len, ==, 1);
  g_assert_cmpuint (file->baselines->len, ==, 1);
  g_assert_cmpuint (file->examples->len, ==, 1);

  program = g_ptr_array_index (file->programs, 0);
  g_assert_cmpstr (program->id, ==, "test.star-plan");
  g_assert_cmpuint (program->revision, ==, 1);
  g_assert_cmpint (program->status, ==, SC_STATUS_ANNOUNCED);
  g_assert_cmpuint (program->window.start, ==, sc_day_from_ymd (2026, 1, 1));
  g_assert_cmpuint (program->window.end, ==, sc_day_from_ymd (2027, 1, 1));
  g_assert_cmpstr (sc_text_get (&program->name, "zh_CN"), ==, "星耀计划");
  g_assert_cmpstr (sc_text_get (&program->name, "en"), ==, "Star Plan");
  /* Only English summary: Chinese falls back to it. */
  g_assert_cmpstr (sc_text_get (&program->summary, "zh"), ==, "Ten measures.");
  g_assert_cmpuint (program->line, ==, 22);
  g_assert_cmpuint (program->groups->len, ==, 1);
  g_assert_cmpint (((ScStackGroup *) g_ptr_array_index (program->groups, 0))->mode, ==, SC_STACK_BEST_OF);

  /* A platform-wide figure: quoted, cited, its number found in the quote. */
  g_assert_cmpuint (program->headlines->len, ==, 1);
  {
    const ScHeadline *headline = g_ptr_array_index (program->headlines, 0);
    const ScFigure *figure;

    g_assert_cmpstr (headline->text.en, ==, "Ten measures for merchants, all upgraded");
    g_assert_cmpstr (headline->text.zh, ==, "十大惠商举措全面升级");
    g_assert_nonnull (strstr (headline->quote, "十大惠商举措"));
    g_assert_nonnull (headline->source);
    g_assert_cmpstr (headline->source->id, ==, "s000");
    g_assert_cmpuint (headline->line, ==, 27);
    g_assert_cmpuint (headline->figures->len, ==, 1);
    figure = &g_array_index (headline->figures, ScFigure, 0);
    g_assert_cmpfloat (figure->value, ==, 10);
    g_assert_cmpstr (figure->unit, ==, "measure");
    g_assert_null (figure->per);
  }

  measure = g_ptr_array_index (program->measures, 0);
  g_assert_cmpstr (measure->id, ==, "m1-first-sale");
  g_assert_cmpstr (measure->group, ==, "cash");
  g_assert_nonnull (measure->source);
  g_assert_cmpstr (measure->source->publisher, ==, "电商派");
  g_assert_cmpuint (measure->source->published, ==, sc_day_from_ymd (2026, 1, 24));
  g_assert_false (measure->has_window);
  cond = measure->eligibility;
  g_assert_nonnull (cond);
  g_assert_cmpint (cond->kind, ==, SC_COND_ALL);
  g_assert_cmpstr (cond->label.en, ==, "New enterprise store");
  g_assert_cmpuint (cond->children->len, ==, 2);
  g_assert_cmpint (((ScCond *) g_ptr_array_index (cond->children, 0))->kind, ==, SC_COND_NOT);
  cond = g_ptr_array_index (((ScCond *) g_ptr_array_index (cond->children, 0))->children, 0);
  g_assert_cmpint (cond->kind, ==, SC_COND_IS);
  g_assert_cmpint (cond->field, ==, SC_FIELD_STORE_TYPE);
  g_assert_cmpstr (cond->values[0], ==, "individual");
  g_assert_null (cond->values[1]);

  effect = g_ptr_array_index (measure->effects, 0);
  g_assert_cmpint (effect->kind, ==, SC_EFFECT_GRANT);
  g_assert_cmpint (effect->benefit, ==, SC_BENEFIT_CASH);
  g_assert_true (effect->up_to);
  g_assert_cmpfloat (effect->amount.value, ==, 240);
  g_assert_cmpint (effect->amount.basis, ==, SC_BASIS_STATED);
  effect = g_ptr_array_index (measure->effects, 1);
  g_assert_cmpstr (effect->unit, ==, "traffic-coupon");
  g_assert_cmpint (effect->exposures_per_unit.basis, ==, SC_BASIS_ASSUMED);
  g_assert_nonnull (effect->exposures_per_unit.note.en);

  /* Without status="…" a measure has its program's status. */
  g_assert_cmpint (measure->status, ==, SC_STATUS_ANNOUNCED);
  g_assert_false (measure->has_status);

  /* The free orders count from the day the cover went on, else the window start. */
  measure = g_ptr_array_index (program->measures, 1);
  effect = g_ptr_array_index (measure->effects, 0);
  g_assert_cmpint (effect->kind, ==, SC_EFFECT_ORDER_FEE_WAIVER);
  g_assert_cmpint (effect->anchor, ==, SC_ANCHOR_FIELD);
  g_assert_cmpint (effect->anchor_field, ==, SC_FIELD_RETURN_COVER_SINCE);
  g_assert_cmpint (effect->anchor_fallback, ==, SC_ANCHOR_WINDOW_START);

  measure = g_ptr_array_index (program->measures, 2);
  g_assert_cmpint (measure->status, ==, SC_STATUS_EXPECTED);
  g_assert_true (measure->has_status);
  g_assert_true (measure->has_window);
  g_assert_cmpuint (measure->window.end, ==, sc_day_from_ymd (2026, 4, 1));
  effect = g_ptr_array_index (measure->effects, 0);
  g_assert_cmpint (effect->kind, ==, SC_EFFECT_TIERED);
  g_assert_cmpuint (effect->checkpoints->len, ==, 3);
  g_assert_cmpuint (g_array_index (effect->checkpoints, guint, 2), ==, 90);
  g_assert_cmpuint (effect->tiers->len, ==, 2);
  g_assert_cmpfloat (effect->max_total.value, ==, 40000);

  measure = g_ptr_array_index (program->measures, 4);
  g_assert_cmpstr (measure->id, ==, "m9-fees");
  g_assert_cmpstr (measure->source->file, ==, "001_42096ecb46876393.txt");
  effect = g_ptr_array_index (measure->effects, 0);
  g_assert_cmpint (effect->kind, ==, SC_EFFECT_FEE_RATE);
  g_assert_cmpint (effect->fee, ==, SC_FEE_COMMISSION);
  g_assert_cmpint (effect->share_field, ==, SC_FIELD_SHARE_QIANCHUAN);
  g_assert_cmpfloat (effect->rate.value, ==, 0.006);
  effect = g_ptr_array_index (measure->effects, 1);
  g_assert_cmpint (effect->kind, ==, SC_EFFECT_SETTLEMENT);
  g_assert_true (effect->up_to);
  g_assert_cmpfloat (effect->settlement_days.value, ==, 3);
  effect = g_ptr_array_index (measure->effects, 2);
  g_assert_cmpint (effect->kind, ==, SC_EFFECT_DEPOSIT);
  g_assert_cmpfloat (effect->deposit.value, ==, 500);
  effect = g_ptr_array_index (measure->effects, 3);
  g_assert_cmpint (effect->kind, ==, SC_EFFECT_COMMISSION_WAIVER);
  g_assert_cmpstr (effect->scene, ==, "shelf");
  g_assert_cmpstr (effect->categories[1], ==, "shoes");
  g_assert_null (effect->categories[2]);
  g_assert_cmpfloat (effect->share.value, ==, 1.0);
  effect = g_ptr_array_index (measure->effects, 4);
  g_assert_cmpint (effect->kind, ==, SC_EFFECT_RULE_OUTCOME);
  g_assert_cmpstr (effect->replaces, ==, "全部商品下架");
  g_assert_cmpstr (sc_text_get (&effect->text, "zh"), ==, "限制上新和编辑商品X天");

  g_assert_cmpuint (((ScExample *) g_ptr_array_index (file->examples, 0))->settings->len, ==, 3);
}

static void
test_bundled_file (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProgramFile) file = sc_program_reader_load_file (path, &error);

  if (error != NULL)
    g_test_message ("%s", error->message);
  g_assert_no_error (error);
  g_assert_nonnull (file);
  g_assert_true (file->programs->len + file->baselines->len > 0);
}

/* ------------------------------------------------------------------ */
/* Facts of the bundled programs                                       */
/* ------------------------------------------------------------------ */

typedef enum
{
  FACT_MAX_ORDERS,
  FACT_DAYS,
  FACT_DISCOUNT_AFTER,
  FACT_RATE,
  FACT_SETTLEMENT_DAYS,
  FACT_GRANT_AMOUNT,
  FACT_MAX_TOTAL,
  FACT_FIRST_THRESHOLD,
  FACT_LAST_THRESHOLD,
  FACT_LAST_REWARD,
  FACT_N_TIERS,
  FACT_COMPARE,       /* the value a <compare> on @field holds */
} FactKind;

typedef struct
{
  const char *file;
  const char *program;
  const char *measure;
  FactKind    kind;
  const char *field;   /* FACT_COMPARE */
  int         op;      /* FACT_COMPARE: ScOp */
  double      value;
} Fact;

static const Fact facts[] = {
  /* Kuaishou Star Plan 2026, seed 000 */
  { "kuaishou-star-plan-2026.xml", "kuaishou.star-plan-2026", "m1-first-sale", FACT_GRANT_AMOUNT, NULL, 0, 240 },
  { "kuaishou-star-plan-2026.xml", "kuaishou.star-plan-2026", "m2-return-shipping-2026", FACT_MAX_ORDERS, NULL, 0, 1300 },
  { "kuaishou-star-plan-2026.xml", "kuaishou.star-plan-2026", "m2-return-shipping-jan-7d", FACT_MAX_ORDERS, NULL, 0, 1000 },
  { "kuaishou-star-plan-2026.xml", "kuaishou.star-plan-2026", "m2-return-shipping-jan-7d", FACT_DAYS, NULL, 0, 7 },
  { "kuaishou-star-plan-2026.xml", "kuaishou.star-plan-2026", "m2-return-shipping-jan-7d", FACT_DISCOUNT_AFTER, NULL, 0, 0.30 },
  { "kuaishou-star-plan-2026.xml", "kuaishou.star-plan-2026", "m2-return-shipping-jan-90d", FACT_MAX_ORDERS, NULL, 0, 1000 },
  { "kuaishou-star-plan-2026.xml", "kuaishou.star-plan-2026", "m2-return-shipping-jan-90d", FACT_DAYS, NULL, 0, 90 },
  { "kuaishou-star-plan-2026.xml", "kuaishou.star-plan-2026", "m2-return-shipping-jan-90d", FACT_DISCOUNT_AFTER, NULL, 0, 0.30 },
  { "kuaishou-star-plan-2026.xml", "kuaishou.star-plan-2026", "m2-return-shipping-jan-7d", FACT_COMPARE, "return-shipping-cover-days", SC_OP_GE, 7 },
  { "kuaishou-star-plan-2026.xml", "kuaishou.star-plan-2026", "m2-return-shipping-jan-90d", FACT_COMPARE, "return-shipping-cover-days", SC_OP_GE, 90 },
  { "kuaishou-star-plan-2026.xml", "kuaishou.star-plan-2026", "m4-leap-gold", FACT_FIRST_THRESHOLD, NULL, 0, 20000 },
  { "kuaishou-star-plan-2026.xml", "kuaishou.star-plan-2026", "m4-leap-gold", FACT_LAST_THRESHOLD, NULL, 0, 2000000 },
  { "kuaishou-star-plan-2026.xml", "kuaishou.star-plan-2026", "m4-leap-gold", FACT_MAX_TOTAL, NULL, 0, 40000 },
  { "kuaishou-star-plan-2026.xml", "kuaishou.star-plan-2026", "m4-leaderboard", FACT_N_TIERS, NULL, 0, 4 },
  { "kuaishou-star-plan-2026.xml", "kuaishou.star-plan-2026", "m4-leaderboard", FACT_FIRST_THRESHOLD, NULL, 0, 1000 },
  { "kuaishou-star-plan-2026.xml", "kuaishou.star-plan-2026", "m4-leaderboard", FACT_LAST_THRESHOLD, NULL, 0, 20 },
  { "kuaishou-star-plan-2026.xml", "kuaishou.star-plan-2026", "m4-leaderboard", FACT_LAST_REWARD, NULL, 0, 800 },
  { "kuaishou-star-plan-2026.xml", "kuaishou.star-plan-2026", "m4-jinniu-coupon", FACT_GRANT_AMOUNT, NULL, 0, 666 },
  { "kuaishou-star-plan-2026.xml", "kuaishou.star-plan-2026", "m5-live-11h", FACT_GRANT_AMOUNT, NULL, 0, 28000 },
  { "kuaishou-star-plan-2026.xml", "kuaishou.star-plan-2026", "m5-live-11h", FACT_COMPARE, "live-hours-first-7d", SC_OP_GE, 11 },
  { "kuaishou-star-plan-2026.xml", "kuaishou.star-plan-2026", "m5-cold-start", FACT_GRANT_AMOUNT, NULL, 0, 15000 },
  /* Douyin 2026 nine measures, seed 001 */
  { "douyin-nine-measures.xml", "douyin.nine-measures-2026", "m1-qianchuan-fee", FACT_RATE, NULL, 0, 0.006 },
  { "douyin-nine-measures.xml", "douyin.nine-measures-2026", "m19-settlement", FACT_SETTLEMENT_DAYS, NULL, 0, 3 },
  /* Kuaishou penalty relief 2023, seed 003 */
  { "kuaishou-penalty-relief-2023.xml", "kuaishou.penalty-relief-2023", "m1-merchant", FACT_COMPARE, "violation-points", SC_OP_LT, 20 },
  { "kuaishou-penalty-relief-2023.xml", "kuaishou.penalty-relief-2023", "m1-merchant", FACT_COMPARE, "shop-score", SC_OP_GE, 4.4 },
  { "kuaishou-penalty-relief-2023.xml", "kuaishou.penalty-relief-2023", "m1-merchant", FACT_COMPARE, "prior-30d-points", SC_OP_GE, 10 },
  { "kuaishou-penalty-relief-2023.xml", "kuaishou.penalty-relief-2023", "m2-merchant", FACT_COMPARE, "shop-score", SC_OP_GE, 4.4 },
  { "kuaishou-penalty-relief-2023.xml", "kuaishou.penalty-relief-2023", "m1-creator", FACT_COMPARE, "violation-points", SC_OP_LT, 20 },
};

static const ScCond *
find_compare (const ScCond *cond,
              ScField       field)
{
  if (cond == NULL)
    return NULL;
  if (cond->kind == SC_COND_COMPARE && cond->field == field)
    return cond;
  for (guint i = 0; cond->children != NULL && i < cond->children->len; i++)
    {
      const ScCond *found = find_compare (g_ptr_array_index (cond->children, i), field);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first effect of @measure that carries the fact. */
static const ScEffect *
find_effect (const ScMeasure *measure,
             FactKind         kind)
{
  for (guint i = 0; i < measure->effects->len; i++)
    {
      const ScEffect *e = g_ptr_array_index (measure->effects, i);
      switch (kind)
        {
        case FACT_MAX_ORDERS:
        case FACT_DAYS:
        case FACT_DISCOUNT_AFTER:
          if (e->kind == SC_EFFECT_ORDER_FEE_WAIVER)
            return e;
          break;
        case FACT_RATE:
          if (e->kind == SC_EFFECT_FEE_RATE)
            return e;
          break;
        case FACT_SETTLEMENT_DAYS:
          if (e->kind == SC_EFFECT_SETTLEMENT)
            return e;
          break;
        case FACT_GRANT_AMOUNT:
          if (e->kind == SC_EFFECT_GRANT)
            return e;
          break;
        case FACT_MAX_TOTAL:
        case FACT_FIRST_THRESHOLD:
        case FACT_LAST_THRESHOLD:
        case FACT_LAST_REWARD:
        case FACT_N_TIERS:
          if (e->kind == SC_EFFECT_TIERED || e->kind == SC_EFFECT_RANK)
            return e;
          break;
        case FACT_COMPARE:
        default:
          break;
        }
    }
  return NULL;
}

static void
test_fact (gconstpointer data)
{
  const Fact *fact = data;
  g_autofree char *path = g_build_filename (sc_data_dir (), "programs", fact->file, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProgramFile) file = NULL;
  const ScProgram *program = NULL;
  const ScMeasure *measure = NULL;
  const ScEffect *effect;
  const ScNumber *number = NULL;
  double got;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("the bundled file is not written yet");
      return;
    }
  file = sc_program_reader_load_file (path, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < file->programs->len && program == NULL; i++)
    if (g_str_equal (((ScProgram *) g_ptr_array_index (file->programs, i))->id, fact->program))
      program = g_ptr_array_index (file->programs, i);
  g_assert_nonnull (program);
  if (program == NULL)
    return;
  for (guint i = 0; i < program->measures->len && measure == NULL; i++)
    if (g_str_equal (((ScMeasure *) g_ptr_array_index (program->measures, i))->id, fact->measure))
      measure = g_ptr_array_index (program->measures, i);
  g_assert_nonnull (measure);

  if (fact->kind == FACT_COMPARE)
    {
      ScField field;
      const ScCond *cond;

      g_assert_true (sc_field_from_name (fact->field, &field));
      cond = find_compare (measure->eligibility, field);
      g_assert_nonnull (cond);
      g_assert_cmpint (cond->op, ==, fact->op);
      g_assert_cmpfloat_with_epsilon (cond->number.value, fact->value, 1e-9);
      return;
    }

  effect = find_effect (measure, fact->kind);
  g_assert_nonnull (effect);
  switch (fact->kind)
    {
    case FACT_MAX_ORDERS: number = &effect->max_orders; break;
    case FACT_DAYS: number = &effect->days; break;
    case FACT_DISCOUNT_AFTER: number = &effect->discount_after; break;
    case FACT_RATE: number = &effect->rate; break;
    case FACT_SETTLEMENT_DAYS: number = &effect->settlement_days; break;
    case FACT_GRANT_AMOUNT: number = &effect->amount; break;
    case FACT_MAX_TOTAL: number = &effect->max_total; break;
    case FACT_FIRST_THRESHOLD:
      number = &((ScTier *) g_ptr_array_index (effect->tiers, 0))->threshold;
      break;
    case FACT_LAST_THRESHOLD:
      number = &((ScTier *) g_ptr_array_index (effect->tiers, effect->tiers->len - 1))->threshold;
      break;
    case FACT_LAST_REWARD:
      number = &((ScTier *) g_ptr_array_index (effect->tiers, effect->tiers->len - 1))->reward;
      break;
    case FACT_N_TIERS:
      g_assert_cmpuint (effect->tiers->len, ==, (guint) fact->value);
      return;
    case FACT_COMPARE:
    default:
      g_assert_not_reached ();
    }
  g_assert_true (number->set);
  got = number->value;
  g_assert_cmpfloat_with_epsilon (got, fact->value, 1e-9);
  /* Every fact in the table is written in its article, hence stated. */
  g_assert_cmpint (number->basis, ==, SC_BASIS_STATED);
}

/* ------------------------------------------------------------------ */
/* Broken files: each refused with its own message naming the line     */
/* ------------------------------------------------------------------ */

typedef struct
{
  const char *name;        /* test path and display name */
  const char *find;        /* text of sample.xml to replace */
  const char *replace;
  const char *line_at;     /* the error's line is where this text is, in the broken file; NULL = @replace */
  ScError     code;
  const char *words[5];   /* NULL-terminated */
} Broken;

static const Broken broken[] = {
  { "malformed", "</quote>\n      <eligibility>\n        <all>\n          <label", "</quot>\n      <eligibility>\n        <all>\n          <label",
    "</quot>", SC_ERROR_MALFORMED, { "not match", "quote" } },
  { "wrong-namespace", "xmlns=\"https://shangce.github.io/ns/program/1\"", "xmlns=\"https://example.com/program\"",
    "<program-file", SC_ERROR_SCHEMA, { "wrong namespace", "https://shangce.github.io/ns/program/1" } },
  { "unknown-element", "<quote>2026年新入驻", "<bonus/><quote>2026年新入驻",
    NULL, SC_ERROR_SCHEMA, { "unknown element <bonus>", "<measure>", "<quote>" } },
  { "unknown-attribute", "<amount value=\"240\"/>", "<amount value=\"240\" currency=\"CNY\"/>",
    NULL, SC_ERROR_SCHEMA, { "unknown attribute", "currency", "<amount>", "basis" } },
  { "bad-value", "status=\"announced\"", "status=\"rumoured\"",
    "<program ", SC_ERROR_SCHEMA, { "rumoured", "status", "in-force" } },
  { "missing-attribute", "<measure id=\"m4-rank\" source=\"s000\">", "<measure id=\"m4-rank\">",
    NULL, SC_ERROR_SCHEMA, { "<measure>", "missing", "source" } },
  { "missing-citation", "      <quote>取TOP1000、TOP600、TOP100、TOP20至高可分别得80元/200元/400元/800元现金</quote>\n", "",
    "<measure id=\"m4-rank\"", SC_ERROR_SCHEMA, { "<measure>", "missing", "<quote>" } },
  { "not-a-number", "<days value=\"7\"/>", "<days value=\"seven\"/>",
    NULL, SC_ERROR_SCHEMA, { "seven", "number" } },
  { "inverted-window", "end=\"2027-01-01\" sources", "end=\"2025-06-01\" sources",
    "<program ", SC_ERROR_INVALID, { "ends (2025-06-01)", "starts (2026-01-01)" } },
  { "nonexistent-date", "start=\"2026-01-01\" end=\"2026-04-01\"", "start=\"2026-02-30\" end=\"2026-04-01\"",
    "<measure id=\"m4-tiers\"", SC_ERROR_INVALID, { "2026-02-30", "does not exist" } },
  { "rate-above-one", "<discount-after value=\"0.30\"/>", "<discount-after value=\"1.5\"/>",
    NULL, SC_ERROR_VALUE, { "<discount-after>", "1.5", "0 to 1" } },
  { "negative-amount", "<amount value=\"240\"/>", "<amount value=\"-240\"/>",
    NULL, SC_ERROR_VALUE, { "<amount>", "-240", "0 to" } },
  { "absurd-amount", "<amount value=\"240\"/>", "<amount value=\"1e15\"/>",
    NULL, SC_ERROR_VALUE, { "<amount>", "1e+15" } },
  { "infinite-amount", "<amount value=\"240\"/>", "<amount value=\"INF\"/>",
    NULL, SC_ERROR_VALUE, { "<amount>", "finite" } },
  { "assumed-without-note", "<reward value=\"1000\" basis=\"assumed\"><note xml:lang=\"en\">Split assumed.</note></reward>",
    "<reward value=\"1000\" basis=\"assumed\"></reward>", NULL, SC_ERROR_INVALID, { "<reward>", "assumption without a note" } },
  { "duplicate-measure-id", "<measure id=\"m4-rank\"", "<measure id=\"m1-first-sale\"",
    "<measure id=\"m1-first-sale\" source=\"s000\">", SC_ERROR_INVALID, { "m1-first-sale", "used twice", "line 34" } },
  { "duplicate-source-id", "  <baseline platform", "  <source id=\"s000\" file=\"x.txt\" publisher=\"p\" published=\"2026-01-01\"><title xml:lang=\"en\">x</title></source>\n  <baseline platform",
    "<source id=\"s000\" file=\"x.txt\"", SC_ERROR_INVALID, { "s000", "declared twice" } },
  { "undeclared-source", "<measure id=\"m4-rank\" source=\"s000\">", "<measure id=\"m4-rank\" source=\"s404\">",
    NULL, SC_ERROR_INVALID, { "s404", "does not declare" } },
  { "undeclared-program-source", "sources=\"s000 s001\"", "sources=\"s000 s001 s002\"",
    "<program ", SC_ERROR_INVALID, { "s002", "does not declare" } },
  { "undeclared-group", "group=\"cash\"", "group=\"coupons\"",
    "<measure id=\"m1-first-sale\"", SC_ERROR_INVALID, { "coupons", "group" } },
  { "unknown-field", "field=\"store-type\" value=\"individual\"", "field=\"shop-kind\" value=\"individual\"",
    NULL, SC_ERROR_INVALID, { "unknown profile field", "shop-kind" } },
  { "unknown-choice", "field=\"store-type\" value=\"individual\"", "field=\"store-type\" value=\"personal\"",
    NULL, SC_ERROR_INVALID, { "personal", "store-type", "enterprise" } },
  { "compare-on-bool", "<compare field=\"return-shipping-cover-days\"", "<compare field=\"return-shipping-cover\"",
    NULL, SC_ERROR_INVALID, { "<compare>", "return-shipping-cover", "<is>" } },
  { "field-out-of-range", "op=\"ge\" value=\"7\"/>", "op=\"ge\" value=\"700000\"/>",
    "<compare", SC_ERROR_VALUE, { "return-shipping-cover-days", "700000", "ranges" } },
  { "tiers-not-increasing", "<threshold value=\"50000\"/>", "<threshold value=\"10000\"/>",
    "<tier><threshold value=\"10000\"/>", SC_ERROR_INVALID, { "increase strictly", "10000", "20000" } },
  { "rank-not-decreasing", "<threshold value=\"600\"/>", "<threshold value=\"2000\"/>",
    "<tier><threshold value=\"2000\"/>", SC_ERROR_INVALID, { "2000", "1000", "smaller" } },
  { "stated-not-in-quote", "<amount value=\"240\"/>", "<amount value=\"250\"/>",
    NULL, SC_ERROR_INVALID, { "250", "m1-first-sale", "does not mention" } },
  { "example-unknown-measure", "measure=\"m1-first-sale\" status=\"eligible\"", "measure=\"m9\" status=\"eligible\"",
    "<expect program=\"test.star-plan\" measure=\"m9\"", SC_ERROR_INVALID, { "m9", "does not have" } },
  { "example-bad-date", "<set field=\"first-sale-date\" value=\"2026-01-10\"/>", "<set field=\"first-sale-date\" value=\"2026-13-10\"/>",
    NULL, SC_ERROR_VALUE, { "2026-13-10", "first-sale-date" } },
  { "anchor-field-missing", "<grant benefit=\"cash\" anchor=\"first-sale\"", "<grant benefit=\"cash\" anchor=\"field\"",
    NULL, SC_ERROR_INVALID, { "anchor=\"field\"", "needs", "date field" } },
  { "anchor-field-not-a-date", "<grant benefit=\"cash\" anchor=\"first-sale\"", "<grant benefit=\"cash\" anchor=\"field\" field=\"monthly-gmv\"",
    NULL, SC_ERROR_INVALID, { "monthly-gmv", "date field", "an amount in yuan" } },
  { "anchor-field-unknown", "<grant benefit=\"cash\" anchor=\"first-sale\"", "<grant benefit=\"cash\" anchor=\"field\" field=\"jinniu-date\"",
    NULL, SC_ERROR_INVALID, { "unknown profile field", "jinniu-date" } },
  { "field-without-field-anchor", "<grant benefit=\"cash\" anchor=\"first-sale\"", "<grant benefit=\"cash\" anchor=\"first-sale\" field=\"jinniu-since\"",
    NULL, SC_ERROR_INVALID, { "“field”", "anchor=\"field\"", "first-sale" } },
  { "field-on-rank", "<rank benefit=\"cash\"", "<rank benefit=\"cash\" field=\"jinniu-since\"",
    NULL, SC_ERROR_SCHEMA, { "field", "<rank>" } },
  { "fallback-without-field-anchor", "<grant benefit=\"cash\" anchor=\"first-sale\"",
    "<grant benefit=\"cash\" anchor=\"first-sale\" fallback=\"window-start\"",
    NULL, SC_ERROR_INVALID, { "“fallback”", "anchor=\"field\"", "first-sale" } },
  { "fallback-on-field", "<grant benefit=\"cash\" anchor=\"first-sale\"",
    "<grant benefit=\"cash\" anchor=\"field\" field=\"jinniu-since\" fallback=\"field\"",
    NULL, SC_ERROR_SCHEMA, { "fallback", "field" } },
  { "fallback-unknown", "<grant benefit=\"cash\" anchor=\"first-sale\"",
    "<grant benefit=\"cash\" anchor=\"field\" field=\"jinniu-since\" fallback=\"enrolment\"",
    NULL, SC_ERROR_SCHEMA, { "fallback", "enrolment" } },
  { "headline-figure-not-in-quote", "<figure value=\"10\" unit=\"measure\"/>", "<figure value=\"12\" unit=\"measure\"/>",
    NULL, SC_ERROR_INVALID, { "<figure> is 12", "headline 1", "test.star-plan", "does not mention" } },
  { "headline-figure-negative", "<figure value=\"10\" unit=\"measure\"/>", "<figure value=\"-10\" unit=\"measure\"/>",
    NULL, SC_ERROR_VALUE, { "<figure>", "-10", "0 to" } },
  { "headline-fraction-above-one", "<figure value=\"10\" unit=\"measure\"/>", "<figure value=\"10\" unit=\"fraction\"/>",
    NULL, SC_ERROR_VALUE, { "<figure>", "10", "0 to 1" } },
  { "headline-undeclared-source", "<headline source=\"s000\">", "<headline source=\"s404\">",
    NULL, SC_ERROR_INVALID, { "headline 1", "s404", "does not declare" } },
  { "headline-source-not-in-program", "sources=\"s000 s001\"", "sources=\"s001\"",
    "<headline ", SC_ERROR_INVALID, { "headline 1", "s000", "not listed" } },
  { "headline-empty-quote", "<quote>1月24日消息,快手电商推出“星耀计划”,十大惠商举措将全面升级,赋能新商和中小商家成长。</quote>", "<quote> </quote>",
    NULL, SC_ERROR_INVALID, { "<quote>", "headline 1", "empty" } },
  { "headline-without-figure", "      <figure value=\"10\" unit=\"measure\"/>\n", "",
    "<headline ", SC_ERROR_SCHEMA, { "<headline>", "<figure>" } },
  { "headline-unknown-per", "<figure value=\"10\" unit=\"measure\"/>", "<figure value=\"10\" unit=\"measure\" per=\"week\"/>",
    NULL, SC_ERROR_SCHEMA, { "week", "per" } },
  { "headline-priced", "<figure value=\"10\" unit=\"measure\"/>", "<figure value=\"10\" unit=\"measure\" basis=\"assumed\"/>",
    NULL, SC_ERROR_SCHEMA, { "basis", "<figure>" } },
  { "measure-status-unknown", "status=\"expected\" start=\"2026-01-01\"", "status=\"planned\" start=\"2026-01-01\"",
    NULL, SC_ERROR_SCHEMA, { "planned", "status", "expected" } },
  { "measure-status-in-expired-program", "status=\"announced\"", "status=\"expired\"",
    "<measure id=\"m4-tiers\"", SC_ERROR_INVALID, { "m4-tiers", "expected", "test.star-plan", "expired" } },
  /* Issue 13: an effect that runs to its window's end needs to say whether
   * the source gives that end (shangce --validate names the measure). */
  { "window-end-undeclared", "Ten measures.</summary><window-end basis=\"stated\"/>", "Ten measures.</summary>",
    "<measure id=\"m2-return-shipping\"", SC_ERROR_INVALID,
    { "m2-return-shipping", "<discount-after>", "runs to the end of its window (last day 2026-12-31)", "<window-end" } },
  { "window-end-assumed-without-note", "<window-end basis=\"stated\"/>", "<window-end basis=\"assumed\"/>",
    NULL, SC_ERROR_INVALID, { "<window-end>", "assumption without a note" } },
  { "window-end-unknown-basis", "<window-end basis=\"stated\"/>", "<window-end basis=\"guessed\"/>",
    NULL, SC_ERROR_SCHEMA, { "guessed", "basis" } },
  { "discount-days-alone", "<discount-after value=\"0.30\"/>", "<discount-days value=\"90\" basis=\"assumed\"><note xml:lang=\"en\">x</note></discount-days>",
    "<order-fee-waiver", SC_ERROR_INVALID, { "<discount-days>", "<discount-after>" } },
  { "within-field-not-a-fraction", "share-field=\"share-qianchuan-chengfang\">", "share-field=\"share-qianchuan-chengfang\" within-field=\"monthly-gmv\">",
    NULL, SC_ERROR_INVALID, { "within-field", "monthly-gmv", "fraction field" } },
  { "within-field-alone", "<fee-rate fee=\"commission\" share-field=\"share-qianchuan-chengfang\">", "<fee-rate fee=\"commission\" within-field=\"content-share\">",
    NULL, SC_ERROR_INVALID, { "within-field", "share-field" } },
  { "entity-reference", "<title xml:lang=\"en\">Growth tiers</title>", "<title xml:lang=\"en\">Growth &tiers;</title>",
    NULL, SC_ERROR_FORBIDDEN, { "&tiers;", "not allowed" } },
};

static void
test_broken (gconstpointer data)
{
  const Broken *b = data;
  g_autofree char *sample = read_fixture ("sample.xml");
  g_autofree char *text = replace_once (sample, b->find, b->replace);
  g_autofree char *name = g_strdup_printf ("%s.xml", b->name);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProgramFile) file = NULL;
  guint line = line_of (text, b->line_at != NULL ? b->line_at : b->replace);

  file = sc_program_reader_load_memory (text, strlen (text), name, &error);
  g_assert_null (file);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (error->domain == SC_ERROR);
  g_assert_cmpint (error->code, ==, b->code);
  assert_message (error->message, name, line, b->words);
}

/* An open-ended program whose effects run on: refused unless the file
 * declares that the open end is what the source says or an assumption;
 * an assumed one loads (issue 13). */
static void
test_window_end_open (void)
{
  g_autofree char *sample = read_fixture ("sample.xml");
  g_autofree char *open = replace_once (sample, "end=\"2027-01-01\" sources", "sources");
  g_autofree char *bare = replace_once (open, "<window-end basis=\"stated\"/>", "");
  g_autofree char *assumed = replace_once (open, "<window-end basis=\"stated\"/>",
                                           "<window-end basis=\"assumed\"><note xml:lang=\"en\">No end given.</note></window-end>");
  const char *words[] = { "m2-return-shipping", "runs open-ended", "<window-end basis=\"assumed\">", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProgramFile) refused = sc_program_reader_load_memory (bare, strlen (bare), "open.xml", &error);
  g_autoptr(ScProgramFile) file = NULL;

  g_assert_null (refused);
  g_assert_error (error, SC_ERROR, SC_ERROR_INVALID);
  assert_message (error->message, "open.xml", line_of (bare, "<measure id=\"m2-return-shipping\""), words);
  g_clear_error (&error);
  file = sc_program_reader_load_memory (assumed, strlen (assumed), "assumed.xml", &error);
  g_assert_no_error (error);
  g_assert_true (((ScProgram *) g_ptr_array_index (file->programs, 0))->window_end.basis == SC_BASIS_ASSUMED);
}

/* ------------------------------------------------------------------ */
/* Hostile files: refused early, in bounded time and memory            */
/* ------------------------------------------------------------------ */



static void
test_positions (void)
{
  g_autofree char *sample = read_fixture ("sample.xml");
  g_autofree char *padding = repeat ("\n", 70000);
  g_autofree char *with_bogus = replace_once (sample, "  <baseline platform=\"testshop\"",
                                          "  <!--长--><baseline bogus=\"1\" platform=\"testshop\"");
  g_autofree char *moved = g_strconcat (padding, "  <program id=", NULL);
  g_autofree char *padded = replace_once (sample, "  <program id=", moved);
  g_autofree char *bad = replace_once (padded, "status=\"announced\"", "status=\"x\"");
  g_autofree char *where = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProgramFile) file = NULL;

  file = sc_program_reader_load_memory (with_bogus, strlen (with_bogus), "col.xml", &error);
  g_assert_null (file);
  /* "  <!--长-->" is 10 characters, so <baseline starts in column 11. */
  where = g_strdup_printf ("col.xml:%u:11: ", line_of (with_bogus, "<baseline"));
  g_assert_true (g_str_has_prefix (error->message, where));
  g_clear_pointer (&where, g_free);
  g_clear_error (&error);

  g_assert_cmpuint (line_of (bad, "<program id="), >, 65535);
  where = g_strdup_printf ("big.xml:%u:3: ", line_of (bad, "<program id="));
  file = sc_program_reader_load_memory (bad, strlen (bad), "big.xml", &error);
  g_assert_null (file);
  g_assert_true (g_str_has_prefix (error->message, where));
}

/* ------------------------------------------------------------------ */
/* Finding stated numbers in quotes                                    */
/* ------------------------------------------------------------------ */

static const struct
{
  const char *quote;
  double      value;
  gboolean    fraction;
  gboolean    expected;
} quotes[] = {
  { "单商最高得240元现金和4600流量券", 240, FALSE, TRUE },
  { "单商最高得240元现金和4600流量券", 4600, FALSE, TRUE },
  { "即得2.8万免费流量包", 28000, FALSE, TRUE },
  { "至高可得磁力金牛奖励4万", 40000, FALSE, TRUE },
  { "至高可得磁力金牛奖励14万", 40000, FALSE, FALSE },
  { "超过320亿元", 32000000000.0, FALSE, TRUE },
  { "技术服务费降至0.6%", 0.006, TRUE, TRUE },
  { "技术服务费降至0.6％", 0.006, TRUE, TRUE },
  { "活动期内后续所有订单服务费7折(每单补贴30%服务费)", 0.30, TRUE, TRUE },
  { "取TOP1000、TOP600、TOP100、TOP20", 20, FALSE, TRUE },
  { "取TOP1000、TOP600、TOP100、TOP20", 60, FALSE, FALSE },
  { "1240元", 240, FALSE, FALSE },
  { "240.5元", 240, FALSE, FALSE },
  { "店铺体验分≥4.4分", 4.4, FALSE, TRUE },
  { "店铺体验分≥4.4分", 4, FALSE, FALSE },
  { "账期最短可降至确认收货后3天", 3, FALSE, TRUE },
  { "三天内发货", 3, FALSE, TRUE },
  { "二十三天", 3, FALSE, FALSE },
  { "十大惠商举措", 10, FALSE, TRUE },
  { "28,000元", 28000, FALSE, TRUE },
  { "１３００单服务费免单", 1300, FALSE, TRUE },
  { "扣分20分", 2, FALSE, FALSE },
  /* Round platform totals written without a count of their own */
  { "平台将投入亿级流量扶持", 1e8, FALSE, TRUE },
  { "每日用户看视频后搜索支付GMV破亿元", 1e8, FALSE, TRUE },
  { "超过320亿元", 1e8, FALSE, FALSE },
  { "推出百亿优惠券补贴计划", 1e10, FALSE, TRUE },
  { "投入三百亿", 1e10, FALSE, FALSE },
  { "投入3百亿", 1e10, FALSE, FALSE },
  { "千亿扶持流量", 1e11, FALSE, TRUE },
  { "百亿现金用户补贴", 1e11, FALSE, FALSE },
  { "每日可自动生成100万—200万条素材", 2e6, FALSE, TRUE },
};

/* The first effect of measure @id in the first program of @file. */
static const ScEffect *
first_effect (const ScProgramFile *file,
              const char          *id)
{
  const ScProgram *program = g_ptr_array_index (file->programs, 0);

  for (guint i = 0; i < program->measures->len; i++)
    {
      const ScMeasure *m = g_ptr_array_index (program->measures, i);

      if (g_str_equal (m->id, id))
        return g_ptr_array_index (m->effects, 0);
    }
  return NULL;
}

/* anchor="field" field="…" loads as a date field of the profile; files
 * without it (every anchor before it) load as before. */
static void
test_anchor_field (void)
{
  g_autofree char *sample = read_fixture ("sample.xml");
  g_autofree char *text = replace_once (sample, "<grant benefit=\"cash\" anchor=\"first-sale\"",
                                        "<grant benefit=\"cash\" anchor=\"field\" field=\"jinniu-since\"");
  g_autofree char *star = g_build_filename (sc_data_dir (), "programs", "kuaishou-star-plan-2026.xml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProgramFile) file = NULL;
  g_autoptr(ScProgramFile) bundled = NULL;
  const ScEffect *grant;

  file = sc_program_reader_load_memory (text, strlen (text), "anchor-field.xml", &error);
  g_assert_no_error (error);
  grant = first_effect (file, "m1-first-sale");
  g_assert_nonnull (grant);
  g_assert_cmpint (grant->anchor, ==, SC_ANCHOR_FIELD);
  g_assert_cmpint (grant->anchor_field, ==, SC_FIELD_JINNIU_SINCE);

  /* Without fallback="…" an empty field means "needs information". */
  g_assert_cmpint (grant->anchor_fallback, ==, SC_ANCHOR_FIELD);

  /* The 666-yuan Jinniu coupon counts from the day the merchant became a customer. */
  bundled = sc_program_reader_load_file (star, &error);
  g_assert_no_error (error);
  grant = first_effect (bundled, "m4-jinniu-coupon");
  g_assert_nonnull (grant);
  g_assert_cmpint (grant->anchor, ==, SC_ANCHOR_FIELD);
  g_assert_cmpint (grant->anchor_field, ==, SC_FIELD_JINNIU_SINCE);
  g_assert_cmpint (grant->anchor_fallback, ==, SC_ANCHOR_FIELD);

  /* The 1,300 free return-shipping orders count from the day the cover
   * was turned on, else from the window start. */
  grant = first_effect (bundled, "m2-return-shipping-2026");
  g_assert_nonnull (grant);
  g_assert_cmpint (grant->kind, ==, SC_EFFECT_ORDER_FEE_WAIVER);
  g_assert_cmpint (grant->anchor, ==, SC_ANCHOR_FIELD);
  g_assert_cmpint (grant->anchor_field, ==, SC_FIELD_RETURN_COVER_SINCE);
  g_assert_cmpint (grant->anchor_fallback, ==, SC_ANCHOR_WINDOW_START);

  /* fallback="…" names any other anchor. */
  {
    g_autofree char *fb = replace_once (sample, "<grant benefit=\"cash\" anchor=\"first-sale\"",
                                        "<grant benefit=\"cash\" anchor=\"field\" field=\"jinniu-since\" fallback=\"first-live\"");
    g_autoptr(ScProgramFile) f2 = sc_program_reader_load_memory (fb, strlen (fb), "fallback.xml", &error);

    g_assert_no_error (error);
    grant = first_effect (f2, "m1-first-sale");
    g_assert_cmpint (grant->anchor_fallback, ==, SC_ANCHOR_FIRST_LIVE);
  }
}

/* status="…" on a measure: only where it differs from the program's, and
 * never further along than the program allows. */
static void
test_measure_status (void)
{
  g_autofree char *sample = read_fixture ("sample.xml");
  g_autoptr(GError) error = NULL;

  /* An in-force measure in a program that is only expected: refused on the
   * measure's line. */
  {
    g_autofree char *a = replace_once (sample, "status=\"announced\"", "status=\"expected\"");
    g_autofree char *b = replace_once (a, "status=\"expected\" start=\"2026-01-01\" end=\"2026-04-01\"",
                                       "status=\"in-force\" start=\"2026-01-01\" end=\"2026-04-01\"");
    g_autoptr(ScProgramFile) file = sc_program_reader_load_memory (b, strlen (b), "in-force-early.xml", &error);

    g_assert_null (file);
    g_assert_cmpint (error->code, ==, SC_ERROR_INVALID);
    assert_message (error->message, "in-force-early.xml", line_of (b, "<measure id=\"m4-tiers\""),
                    (const char *const[]) { "m4-tiers", "in force", "test.star-plan", "expected", NULL });
    g_clear_error (&error);
  }

  /* In an expected program every measure is expected unless it says
   * otherwise, and an expired measure may sit in a program in force. */
  {
    g_autofree char *a = replace_once (sample, "status=\"announced\"", "status=\"expected\"");
    g_autofree char *b = replace_once (a, "<measure id=\"m4-rank\" source=\"s000\">",
                                       "<measure id=\"m4-rank\" source=\"s000\" status=\"expired\">");
    g_autoptr(ScProgramFile) file = sc_program_reader_load_memory (b, strlen (b), "expected.xml", &error);
    const ScProgram *program;

    g_assert_no_error (error);
    program = g_ptr_array_index (file->programs, 0);
    for (guint i = 0; i < program->measures->len; i++)
      {
        const ScMeasure *m = g_ptr_array_index (program->measures, i);

        g_assert_cmpint (m->status, ==, g_str_equal (m->id, "m4-rank") ? SC_STATUS_EXPIRED : SC_STATUS_EXPECTED);
      }
  }

  /* The Star Plan's 优质企业店 deposit is 预计2026年3月生效 in a program in
   * force; the industry-belt plans of 举措八 are only announced (计划启动). */
  {
    g_autofree char *star = g_build_filename (sc_data_dir (), "programs", "kuaishou-star-plan-2026.xml", NULL);
    g_autoptr(ScProgramFile) bundled = sc_program_reader_load_file (star, &error);
    const ScProgram *program;

    g_assert_no_error (error);
    program = g_ptr_array_index (bundled->programs, 0);
    g_assert_cmpint (program->status, ==, SC_STATUS_IN_FORCE);
    for (guint i = 0; i < program->measures->len; i++)
      {
        const ScMeasure *m = g_ptr_array_index (program->measures, i);
        gboolean expected = g_str_equal (m->id, "m1-quality-enterprise-deposit");
        gboolean planned = g_str_equal (m->id, "m8-industry-belt");

        g_assert_cmpint (m->status, ==, expected ? SC_STATUS_EXPECTED : planned ? SC_STATUS_ANNOUNCED : SC_STATUS_IN_FORCE);
        g_assert_true (m->has_status == (expected || planned));
        if (expected)
          g_assert_cmpuint (m->window.start, ==, sc_day_from_ymd (2026, 3, 1));
      }
  }

}

/* The platform totals of the bundled programs are headlines, not measures,
 * and each of their figures is in the headline's quote. */
static void
test_bundled_headlines (void)
{
  static const struct
  {
    const char *file, *program;
    double      value;
    const char *unit;
  } expected[] = {
    { "douyin-nine-measures.xml", "douyin.nine-measures-2025", 32000000000.0, "yuan" },
    { "douyin-nine-measures.xml", "douyin.nine-measures-2026", 10000000000.0, "yuan" },
    { "douyin-nine-measures.xml", "douyin.nine-measures-2026", 2000000, "item" },
    { "douyin-nine-measures.xml", "douyin.nine-measures-2026", 3670000, "creator" },
    { "kuaishou-earlier.xml", "kuaishou.festival-38-2024", 100000000, "traffic" },
    { "kuaishou-earlier.xml", "kuaishou.sales-hosting-2024", 100000000000.0, "traffic" },
    { "others-2022.xml", "kuaishou.kuai-brand-2022", 23000000000.0, "traffic" },
  };
  static const struct { const char *file, *program, *measure; } gone[] = {
    { "douyin-nine-measures.xml", "douyin.nine-measures-2025", "m0-total-savings" },
    { "kuaishou-earlier.xml", "kuaishou.sales-hosting-2024", "m2-subsidy-traffic" },
    { "others-2022.xml", "kuaishou.kuai-brand-2022", "m1-traffic-pool" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *path = g_build_filename (sc_data_dir (), "programs", expected[i].file, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(ScProgramFile) file = sc_program_reader_load_file (path, &error);
      gboolean found = FALSE;

      g_assert_no_error (error);
      for (guint p = 0; p < file->programs->len; p++)
        {
          const ScProgram *program = g_ptr_array_index (file->programs, p);

          if (!g_str_equal (program->id, expected[i].program))
            continue;
          for (guint h = 0; h < program->headlines->len; h++)
            {
              const ScHeadline *headline = g_ptr_array_index (program->headlines, h);

              g_assert_nonnull (headline->text.zh);
              g_assert_nonnull (headline->text.en);
              for (guint f = 0; f < headline->figures->len; f++)
                {
                  const ScFigure *figure = &g_array_index (headline->figures, ScFigure, f);

                  g_assert_true (sc_quote_text_mentions (headline->quote, figure->value,
                                                           g_strcmp0 (figure->unit, "fraction") == 0));
                  found |= figure->value == expected[i].value && g_str_equal (figure->unit, expected[i].unit);
                }
            }
        }
      if (!found)
        g_test_message ("%s: no headline figure %g %s", expected[i].program, expected[i].value, expected[i].unit);
      g_assert_true (found);
    }

  for (guint i = 0; i < G_N_ELEMENTS (gone); i++)
    {
      g_autofree char *path = g_build_filename (sc_data_dir (), "programs", gone[i].file, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(ScProgramFile) file = sc_program_reader_load_file (path, &error);

      g_assert_no_error (error);
      for (guint p = 0; p < file->programs->len; p++)
        {
          const ScProgram *program = g_ptr_array_index (file->programs, p);

          for (guint m = 0; g_str_equal (program->id, gone[i].program) && m < program->measures->len; m++)
            g_assert_cmpstr (((ScMeasure *) g_ptr_array_index (program->measures, m))->id, !=, gone[i].measure);
        }
    }
}

static void
test_quotes (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (quotes); i++)
    {
      gboolean got = sc_quote_text_mentions (quotes[i].quote, quotes[i].value, quotes[i].fraction);
      if (got != quotes[i].expected)
        g_test_message ("“%s” / %g: expected %d", quotes[i].quote, quotes[i].value, quotes[i].expected);
      g_assert_cmpint (got, ==, quotes[i].expected);
    }
}

/* ------------------------------------------------------------------ */
/* Catalog                                                             */
/* ------------------------------------------------------------------ */


static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *programs = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  /* Messages carry “quotes” and Chinese: let g_test_message print them. */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/loader/sample", test_sample);

  programs = g_build_filename (sc_data_dir (), "programs", NULL);
  dir = g_dir_open (programs, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".xml"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      const char *n = g_ptr_array_index (names, i);
      g_autofree char *test = g_strdup_printf ("/loader/bundled/%s", n);
      /* Kept alive for the whole run: the tests read it later. */
      char *path = g_build_filename (programs, n, NULL);
      g_test_add_data_func_full (test, path, test_bundled_file, g_free);
    }

  for (guint i = 0; i < G_N_ELEMENTS (facts); i++)
    {
      g_autofree char *test = g_strdup_printf ("/loader/facts/%s/%s/%u", facts[i].program, facts[i].measure, i);
      g_test_add_data_func (test, &facts[i], test_fact);
    }
  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autofree char *test = g_strdup_printf ("/loader/broken/%s", broken[i].name);
      g_test_add_data_func (test, &broken[i], test_broken);
    }
  g_test_add_func ("/loader/window-end/open", test_window_end_open);
  g_test_add_func ("/loader/positions", test_positions);
  g_test_add_func ("/loader/anchor-field", test_anchor_field);
  g_test_add_func ("/loader/quotes", test_quotes);
  g_test_add_func ("/loader/measure-status", test_measure_status);
  g_test_add_func ("/loader/headlines/bundled", test_bundled_headlines);

  return g_test_run ();
}
