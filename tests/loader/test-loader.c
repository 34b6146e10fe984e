/* SPDX-License-Identifier: GPL-3.0-or-later */
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

#include "sc-catalog.h"
#include "sc-error.h"
#include "sc-program-reader.h"
#include "sc-quote.h"
#include "sc-xml.h"

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "loader", name, NULL);
}

static char *
read_fixture (const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (path, &data, NULL, &error);
  g_assert_no_error (error);
  return data;
}

/* Replaces the first @find in @text by @replace; the test fails if absent. */
static char *
replace_once (const char *text,
              const char *find,
              const char *replace)
{
  const char *at = strstr (text, find);
  GString *s;

  g_assert_nonnull (at);
  s = g_string_new_len (text, at - text);
  g_string_append (s, replace);
  g_string_append (s, at + strlen (find));
  return g_string_free (s, FALSE);
}

static guint
line_of (const char *text,
         const char *needle)
{
  const char *at = strstr (text, needle);
  guint line = 1;

  g_assert_nonnull (at);
  for (const char *p = text; p < at; p++)
    if (*p == '\n')
      line++;
  return line;
}

/* Asserts @message has a line "NAME:LINE:COL: …" containing every word. */
static void
assert_message (const char        *message,
                const char        *name,
                guint              line,
                const char *const *words)
{
  g_auto(GStrv) lines = g_strsplit (message, "\n", -1);
  g_autofree char *prefix = line > 0 ? g_strdup_printf ("%s:%u:", name, line) : g_strdup_printf ("%s:", name);
  gboolean found = FALSE;

  for (guint i = 0; lines[i] != NULL && !found; i++)
    {
      gboolean all = g_str_has_prefix (lines[i], prefix);
      for (guint w = 0; all && words != NULL && words[w] != NULL; w++)
        all = strstr (lines[i], words[w]) != NULL;
      found = all;
    }
  if (!found)
    g_test_message ("expected a line starting with “%s” containing the words; got:\n%s", prefix, message);
  g_assert_true (found);
}

/* ------------------------------------------------------------------ */
/* The fixture and the bundled files load                              */
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

#define NS "xmlns=\"https://shangce.github.io/ns/program/1\""
#define ROOT "<program-file " NS " format=\"1\" license=\"x\">"

static char *
repeat (const char *unit,
        guint       n)
{
  gsize len = strlen (unit);
  char *s = g_malloc (len * n + 1);

  for (guint i = 0; i < n; i++)
    memcpy (s + i * len, unit, len);
  s[len * n] = '\0';
  return s;
}

static char *
make_quadratic (void)
{
  g_autofree char *value = repeat ("x", 50000);
  g_autofree char *refs = repeat ("&a;", 50000);
  return g_strdup_printf ("<?xml version=\"1.0\"?>\n<!DOCTYPE program-file [<!ENTITY a \"%s\">]>\n%s%s</program-file>\n",
                          value, ROOT, refs);
}

static char *
make_deep (void)
{
  g_autofree char *open = repeat ("<all>", 10000);
  g_autofree char *close = repeat ("</all>", 10000);
  return g_strdup_printf ("<?xml version=\"1.0\"?>\n%s\n%s%s</program-file>\n", ROOT, open, close);
}

static char *
make_million (void)
{
  g_autofree char *many = repeat ("<a/>", 1000000);
  return g_strdup_printf ("<?xml version=\"1.0\"?>\n%s\n%s</program-file>\n", ROOT, many);
}

static char *
make_large (void)
{
  /* Well-formed and harmless, only too big: > 8 MiB of comments. */
  g_autofree char *padding = repeat ("<!-- padding padding padding padding padding padding -->\n", 160000);
  return g_strdup_printf ("<?xml version=\"1.0\"?>\n%s\n%s</program-file>\n", ROOT, padding);
}

static char *
make_long_text (void)
{
  g_autofree char *text = repeat ("长", 40000);
  return g_strdup_printf ("<?xml version=\"1.0\"?>\n%s\n<source id=\"s\" file=\"f\" publisher=\"p\" published=\"2026-01-01\"><title xml:lang=\"zh\">%s</title></source></program-file>\n",
                          ROOT, text);
}

static char *
make_invalid_utf8 (void)
{
  return g_strdup ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" ROOT "\n<!-- caf\xe9 au lait -->\n</program-file>\n");
}

static char *
make_gzip (void)
{
  g_autofree char *sample = read_fixture ("sample.xml");
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, -1);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) out = g_converter_output_stream_new (memory, G_CONVERTER (compressor));
  g_autoptr(GError) error = NULL;
  char *data;

  g_output_stream_write_all (out, sample, strlen (sample), NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (out, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_write (memory, "", 1, NULL, NULL);   /* so the bytes can be handed on as one string */
  data = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (memory));
  return data;
}

static char *
make_fixture_xxe (void)
{
  return read_fixture ("xxe.xml");
}

static char *
make_fixture_laughs (void)
{
  return read_fixture ("billion-laughs.xml");
}

static char *
make_fixture_xinclude (void)
{
  return read_fixture ("xinclude.xml");
}

static char *
make_empty (void)
{
  return g_strdup ("");
}

static char *
make_public_doctype (void)
{
  return g_strdup ("<?xml version=\"1.0\"?>\n<!DOCTYPE program-file SYSTEM \"http://example.com/evil.dtd\">\n" ROOT "</program-file>\n");
}

typedef struct
{
  const char *name;
  char     *(*make) (void);
  gsize       length;     /* 0: strlen; for binary data, see make_gzip */
  ScError     code;
  guint       line;       /* 0: do not check */
  const char *words[3];
} Hostile;

static const Hostile hostile[] = {
  { "external-entity", make_fixture_xxe, 0, SC_ERROR_FORBIDDEN, 2, { "DOCTYPE", "not allowed" } },
  { "billion-laughs", make_fixture_laughs, 0, SC_ERROR_FORBIDDEN, 2, { "DOCTYPE", "not allowed" } },
  { "quadratic-blowup", make_quadratic, 0, SC_ERROR_FORBIDDEN, 2, { "DOCTYPE" } },
  { "external-dtd", make_public_doctype, 0, SC_ERROR_FORBIDDEN, 2, { "DOCTYPE" } },
  { "deep-nesting", make_deep, 0, SC_ERROR_TOO_LARGE, 3, { "nested", "64" } },
  { "million-elements", make_million, 0, SC_ERROR_TOO_LARGE, 3, { "more than 200000 elements" } },
  { "large-file", make_large, 0, SC_ERROR_TOO_LARGE, 1, { "MiB", "at most 8" } },
  { "long-text", make_long_text, 0, SC_ERROR_TOO_LARGE, 3, { "longer than 65536" } },
  { "invalid-utf8", make_invalid_utf8, 0, SC_ERROR_MALFORMED, 3, { "not valid UTF-8", "0xE9" } },
  { "xinclude", make_fixture_xinclude, 0, SC_ERROR_FORBIDDEN, 3, { "XInclude", "not allowed" } },
  { "gzip", make_gzip, 0, SC_ERROR_MALFORMED, 1, { "gzip", "decompress" } },
  { "empty", make_empty, 0, SC_ERROR_MALFORMED, 1, { "empty" } },
};

static void
test_hostile (gconstpointer data)
{
  const Hostile *h = data;
  g_autofree char *bytes = h->make ();
  gsize length = strlen (bytes);
  g_autofree char *name = g_strdup_printf ("%s.xml", h->name);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProgramFile) file = NULL;
  gint64 start;
  double seconds;

  if (h->make == make_gzip)
    length = 20;   /* enough of the header; the rest is never read */

  start = g_get_monotonic_time ();
  file = sc_program_reader_load_memory (bytes, length, name, &error);
  seconds = (g_get_monotonic_time () - start) / 1e6;

  g_assert_null (file);
  g_assert_nonnull (error);
  g_test_message ("%s (%.3f s)", error->message, seconds);
  g_assert_cmpint (error->code, ==, h->code);
  assert_message (error->message, name, h->line, h->words);
  /* Bounded time: an expanded entity bomb takes many seconds; a refusal
   * takes milliseconds. The bound is loose so slow machines (valgrind) pass. */
  g_assert_cmpfloat (seconds, <, 5.0);
}

/* The size cap holds on files too, without reading them whole. */
static void
test_large_file_on_disk (void)
{
  g_autofree char *bytes = make_large ();
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProgramFile) file = NULL;
  int fd;

  g_assert_cmpuint (strlen (bytes), >, SC_XML_MAX_BYTES);
  fd = g_file_open_tmp ("shangce-large-XXXXXX.xml", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, bytes, -1, &error);
  g_assert_no_error (error);

  file = sc_program_reader_load_file (path, &error);
  g_assert_null (file);
  g_assert_error (error, SC_ERROR, SC_ERROR_TOO_LARGE);
  assert_message (error->message, path, 1, (const char *const[]) { "MiB", NULL });
  g_unlink (path);
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProgramFile) file = sc_program_reader_load_file ("/nonexistent/shangce/program.xml", &error);

  g_assert_null (file);
  g_assert_error (error, SC_ERROR, SC_ERROR_IO);
  assert_message (error->message, "/nonexistent/shangce/program.xml", 1, (const char *const[]) { "cannot open", NULL });
}

/* Several problems in one file are all reported, each on its own line. */
static void
test_several_problems (void)
{
  g_autofree char *sample = read_fixture ("sample.xml");
  g_autofree char *a = replace_once (sample, "<amount value=\"240\"/>", "<amount value=\"250\"/>");
  g_autofree char *b = replace_once (a, "<measure id=\"m4-rank\" source=\"s000\">", "<measure id=\"m4-rank\" source=\"s404\">");
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProgramFile) file = sc_program_reader_load_memory (b, strlen (b), "two.xml", &error);

  g_assert_null (file);
  assert_message (error->message, "two.xml", line_of (b, "<amount value=\"250\""), (const char *const[]) { "250", NULL });
  assert_message (error->message, "two.xml", line_of (b, "s404"), (const char *const[]) { "s404", NULL });
}

/* Columns count characters, not bytes, and lines pass 65535. */
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

static char *
catalog_fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "loader", "catalog", name, NULL);
}

static void
test_catalog_supersede (void)
{
  g_autoptr(ScCatalog) catalog = sc_catalog_new ();
  g_autofree char *v1 = catalog_fixture ("a-v1.xml");
  g_autofree char *v2 = catalog_fixture ("b-v2.xml");
  g_autoptr(GError) error = NULL;
  const ScProgram *active;
  GPtrArray *all;

  /* The newer revision wins whatever order the files come in. */
  g_assert_true (sc_catalog_add_file (catalog, v2, SC_ORIGIN_USER, &error));
  g_assert_true (sc_catalog_add_file (catalog, v1, SC_ORIGIN_BUNDLED, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (sc_catalog_get_programs (catalog)->len, ==, 1);
  active = sc_catalog_find_program (catalog, "test.cat");
  g_assert_nonnull (active);
  g_assert_cmpuint (active->revision, ==, 2);
  g_assert_false (sc_catalog_is_superseded (catalog, active));
  g_assert_cmpint (sc_catalog_get_origin (catalog, active), ==, SC_ORIGIN_USER);
  g_assert_cmpstr (sc_catalog_find_source (catalog, active, "s1")->publisher, ==, "Shangce tests");

  all = sc_catalog_get_all_programs (catalog);
  g_assert_cmpuint (all->len, ==, 2);
  for (guint i = 0; i < all->len; i++)
    {
      const ScProgram *p = g_ptr_array_index (all, i);
      g_assert_cmpint (sc_catalog_is_superseded (catalog, p), ==, p->revision == 1);
    }
  g_assert_cmpuint (sc_catalog_get_errors (catalog)->len, ==, 0);

  /* Loading the same file again changes nothing. */
  g_assert_true (sc_catalog_add_file (catalog, v2, SC_ORIGIN_COMMAND_LINE, NULL));
  g_assert_cmpuint (sc_catalog_get_all_programs (catalog)->len, ==, 2);
  g_assert_cmpuint (sc_catalog_get_errors (catalog)->len, ==, 0);
}

static void
test_catalog_conflict (void)
{
  g_autoptr(ScCatalog) catalog = sc_catalog_new ();
  g_autofree char *v2 = catalog_fixture ("b-v2.xml");
  g_autofree char *clash = catalog_fixture ("c-conflict.xml");
  const GError *error;
  const ScProgram *active;

  g_assert_true (sc_catalog_add_file (catalog, v2, SC_ORIGIN_BUNDLED, NULL));
  sc_catalog_add_file (catalog, clash, SC_ORIGIN_USER, NULL);

  g_assert_cmpuint (sc_catalog_get_errors (catalog)->len, ==, 1);
  error = g_ptr_array_index (sc_catalog_get_errors (catalog), 0);
  g_assert_error ((GError *) error, SC_ERROR, SC_ERROR_CONFLICT);
  assert_message (error->message, clash, 7, (const char *const[]) { "test.cat", "revision 2", "b-v2.xml", NULL });

  /* The first one loaded stays. */
  active = sc_catalog_find_program (catalog, "test.cat");
  g_assert_cmpstr (sc_text_get (&active->name, "en"), ==, "Cat v2");
  g_assert_cmpuint (sc_catalog_get_all_programs (catalog)->len, ==, 1);
}

static void
test_catalog_directory (void)
{
  g_autoptr(ScCatalog) catalog = sc_catalog_new ();
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "loader", "catalog", NULL);
  GPtrArray *errors, *programs;
  gboolean saw_bad = FALSE, saw_conflict = FALSE;

  sc_catalog_add_directory (catalog, dir, SC_ORIGIN_USER);
  sc_catalog_add_directory (catalog, "/nonexistent/shangce", SC_ORIGIN_USER);

  /* One bad file and one clash never stop the others. */
  programs = sc_catalog_get_programs (catalog);
  g_assert_cmpuint (programs->len, ==, 2);
  g_assert_nonnull (sc_catalog_find_program (catalog, "test.other"));
  g_assert_cmpuint (sc_catalog_find_program (catalog, "test.cat")->revision, ==, 2);
  /* Stable order: platform, then window start. */
  g_assert_cmpstr (((ScProgram *) g_ptr_array_index (programs, 0))->id, ==, "test.other");

  errors = sc_catalog_get_errors (catalog);
  g_assert_cmpuint (errors->len, ==, 2);
  for (guint i = 0; i < errors->len; i++)
    {
      const GError *e = g_ptr_array_index (errors, i);
      saw_bad |= e->code == SC_ERROR_MALFORMED && strstr (e->message, "d-bad.xml:") != NULL;
      saw_conflict |= e->code == SC_ERROR_CONFLICT && strstr (e->message, "c-conflict.xml:") != NULL;
    }
  g_assert_true (saw_bad);
  g_assert_true (saw_conflict);
}

static void
test_catalog_defaults (void)
{
  g_autoptr(ScCatalog) catalog = sc_catalog_new ();
  g_autofree char *home = g_dir_make_tmp ("shangce-home-XXXXXX", NULL);

  /* An empty user directory: only the bundled programs. */
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  sc_catalog_add_defaults (catalog);
  if (sc_catalog_get_errors (catalog)->len > 0)
    g_test_message ("%s", ((GError *) g_ptr_array_index (sc_catalog_get_errors (catalog), 0))->message);
  g_assert_cmpuint (sc_catalog_get_errors (catalog)->len, ==, 0);
  g_assert_cmpuint (sc_catalog_get_programs (catalog)->len, >, 0);
  for (guint i = 0; i < sc_catalog_get_programs (catalog)->len; i++)
    g_assert_cmpint (sc_catalog_get_origin (catalog, g_ptr_array_index (sc_catalog_get_programs (catalog), i)), ==,
                     SC_ORIGIN_BUNDLED);
  g_rmdir (home);
}

/* A decimal comma in the user's locale must not change what the files
 * say: stated numbers are matched against quotes in C notation. */
static void
test_catalog_decimal_comma (void)
{
  g_autoptr(ScCatalog) catalog = sc_catalog_new ();
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));

  if (setlocale (LC_NUMERIC, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("de_DE.UTF-8 is not installed (build-aux/test.sh generates it)");
      return;
    }
  sc_catalog_add_defaults (catalog);
  setlocale (LC_NUMERIC, saved);
  if (sc_catalog_get_errors (catalog)->len > 0)
    g_test_message ("%s", ((GError *) g_ptr_array_index (sc_catalog_get_errors (catalog), 0))->message);
  g_assert_cmpuint (sc_catalog_get_errors (catalog)->len, ==, 0);
  g_assert_nonnull (sc_catalog_find_program (catalog, "douyin.nine-measures-2026"));
}

/* ------------------------------------------------------------------ */
/* The command line                                                    */
/* ------------------------------------------------------------------ */

static char *
shangce_path (void)
{
  return g_test_build_filename (G_TEST_BUILT, "..", "src", "shangce", NULL);
}

static int
run (const char *const *argv,
     char              **out,
     char              **err)
{
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_cli_validate (void)
{
  g_autofree char *exe = shangce_path ();
  g_autofree char *good = fixture_path ("sample.xml");
  g_autofree char *bad = catalog_fixture ("d-bad.xml");
  g_autofree char *out = NULL, *err = NULL, *expected = NULL;

  if (!g_file_test (exe, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("shangce is not built");
      return;
    }

  g_assert_cmpint (run ((const char *const[]) { exe, "--validate", good, NULL }, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "valid"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run ((const char *const[]) { exe, "--validate", good, bad, NULL }, &out, &err), ==, 1);
  expected = g_strdup_printf ("%s:5:1: error: ", bad);
  g_test_message ("%s", err);
  g_assert_nonnull (strstr (err, expected));
  g_assert_nonnull (strstr (err, "1 of 2 files"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run ((const char *const[]) { exe, "--validate", NULL }, &out, &err), ==, 2);
}

static void
test_cli_list (void)
{
  g_autofree char *exe = shangce_path ();
  g_autofree char *v1 = catalog_fixture ("a-v1.xml");
  g_autofree char *v2 = catalog_fixture ("b-v2.xml");
  g_autofree char *out = NULL, *err = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean saw_v1 = FALSE, saw_v2 = FALSE;

  if (!g_file_test (exe, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("shangce is not built");
      return;
    }

  g_assert_cmpint (run ((const char *const[]) { exe, "--list-programs", "--no-bundled", "--programs", v1,
                                                "--programs", v2, NULL }, &out, &err), ==, 0);
  g_test_message ("%s", out);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "test.cat ") && strstr (lines[i], "Cat v1") != NULL)
        {
          saw_v1 = TRUE;
          g_assert_nonnull (strstr (lines[i], "superseded by revision 2"));
          g_assert_nonnull (strstr (lines[i], "command line"));
        }
      if (g_str_has_prefix (lines[i], "test.cat ") && strstr (lines[i], "Cat v2") != NULL)
        {
          saw_v2 = TRUE;
          g_assert_null (strstr (lines[i], "superseded"));
          g_assert_nonnull (strstr (lines[i], "2026-02-01 – open"));
        }
    }
  g_assert_true (saw_v1);
  g_assert_true (saw_v2);
}

/* Display columns (as a terminal draws them) where each run of
 * non-space text in @line starts: wide characters take two columns.
 * Counted here independently of the program's own helper. */
static GArray *
token_starts (const char *line)
{
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (guint));
  guint col = 0;
  gboolean prev_space = TRUE;

  for (const char *p = line; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != ' ' && prev_space)
        g_array_append_val (starts, col);
      prev_space = c == ' ';
      col += g_unichar_iszerowidth (c) ? 0 : g_unichar_iswide (c) ? 2 : 1;
    }
  return starts;
}

static gboolean
has_start (GArray *starts,
           guint   col)
{
  for (guint i = 0; i < starts->len; i++)
    if (g_array_index (starts, guint, i) == col)
      return TRUE;
  return FALSE;
}

/* With Chinese program names (two columns per character) every column
 * after NAME still starts where its heading does. */
static void
test_cli_list_wide (void)
{
  g_autofree char *exe = shangce_path ();
  g_autofree char *out = NULL, *err = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GArray) heading = NULL;
  guint n_rows = 0, n_wide = 0;

  if (!g_file_test (exe, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("shangce is not built");
      return;
    }

  g_assert_cmpint (run ((const char *const[]) { exe, "--list-programs", "--lang", "zh_CN", NULL }, &out, &err), ==, 0);
  g_test_message ("%s", out);
  lines = g_strsplit (out, "\n", -1);
  heading = token_starts (lines[0]);
  /* ID NAME PLATFORM REV STATUS WINDOW MEASURES ORIGIN, one word each */
  g_assert_cmpuint (heading->len, ==, 8);
  for (guint i = 1; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      g_autoptr(GArray) starts = token_starts (lines[i]);

      n_rows++;
      if (g_utf8_strlen (lines[i], -1) != (glong) strlen (lines[i]))
        n_wide++;
      /* PLATFORM, REV, STATUS, WINDOW: each row has a value starting there. */
      for (guint c = 2; c <= 5; c++)
        if (!has_start (starts, g_array_index (heading, guint, c)))
          g_test_fail_printf ("column %u does not start at display column %u in “%s”", c,
                              g_array_index (heading, guint, c), lines[i]);
    }
  g_assert_cmpuint (n_rows, >, 5);
  /* The bundled programs have Chinese names: the case under test did occur. */
  g_assert_cmpuint (n_wide, >, 5);
}

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
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autofree char *test = g_strdup_printf ("/loader/hostile/%s", hostile[i].name);
      g_test_add_data_func (test, &hostile[i], test_hostile);
    }
  g_test_add_func ("/loader/hostile/large-file-on-disk", test_large_file_on_disk);
  g_test_add_func ("/loader/missing-file", test_missing_file);
  g_test_add_func ("/loader/several-problems", test_several_problems);
  g_test_add_func ("/loader/window-end/open", test_window_end_open);
  g_test_add_func ("/loader/positions", test_positions);
  g_test_add_func ("/loader/anchor-field", test_anchor_field);
  g_test_add_func ("/loader/quotes", test_quotes);
  g_test_add_func ("/loader/measure-status", test_measure_status);
  g_test_add_func ("/loader/headlines/bundled", test_bundled_headlines);
  g_test_add_func ("/loader/catalog/supersede", test_catalog_supersede);
  g_test_add_func ("/loader/catalog/conflict", test_catalog_conflict);
  g_test_add_func ("/loader/catalog/directory", test_catalog_directory);
  g_test_add_func ("/loader/catalog/defaults", test_catalog_defaults);
  g_test_add_func ("/loader/catalog/decimal-comma", test_catalog_decimal_comma);
  g_test_add_func ("/loader/cli/validate", test_cli_validate);
  g_test_add_func ("/loader/cli/list-programs", test_cli_list);
  g_test_add_func ("/loader/cli/list-programs-wide", test_cli_list_wide);

  return g_test_run ();
}
