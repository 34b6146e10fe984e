/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-core"

#include "config.h"

#include "sc-program.h"
#include "sc-program-private.h"

#include <glib/gi18n-lib.h>

static void
source_free (ScSource *source)
{
  g_free (source->id);
  g_free (source->file);
  sc_text_clear (&source->title);
  g_free (source->publisher);
  g_free (source->url);
  g_free (source);
}

static void
cond_free (ScCond *cond)
{
  if (cond == NULL)
    return;
  sc_number_clear (&cond->number);
  g_strfreev (cond->values);
  sc_text_clear (&cond->label);
  g_clear_pointer (&cond->children, g_ptr_array_unref);
  g_free (cond);
}

static void
tier_free (ScTier *tier)
{
  sc_number_clear (&tier->threshold);
  sc_number_clear (&tier->reward);
  g_free (tier);
}

static void
effect_free (ScEffect *effect)
{
  sc_number_clear (&effect->amount);
  g_free (effect->unit);
  sc_number_clear (&effect->exposures_per_unit);
  g_clear_pointer (&effect->checkpoints, g_array_unref);
  g_clear_pointer (&effect->tiers, g_ptr_array_unref);
  sc_number_clear (&effect->max_total);
  sc_number_clear (&effect->max_orders);
  sc_number_clear (&effect->days);
  sc_number_clear (&effect->discount_after);
  sc_number_clear (&effect->discount_days);
  sc_number_clear (&effect->rate);
  g_strfreev (effect->categories);
  g_free (effect->scene);
  sc_number_clear (&effect->share);
  sc_number_clear (&effect->deposit);
  sc_number_clear (&effect->settlement_days);
  sc_text_clear (&effect->text);
  g_free (effect->replaces);
  g_free (effect);
}

static void
measure_free (ScMeasure *measure)
{
  g_free (measure->id);
  sc_text_clear (&measure->title);
  sc_text_clear (&measure->summary);
  g_free (measure->quote);
  g_free (measure->source_id);
  g_free (measure->group);
  sc_number_clear (&measure->window_end);
  cond_free (measure->eligibility);
  g_clear_pointer (&measure->effects, g_ptr_array_unref);
  g_free (measure);
}

static void
figure_clear (gpointer data)
{
  ScFigure *figure = data;

  g_clear_pointer (&figure->unit, g_free);
  g_clear_pointer (&figure->per, g_free);
}

static void
headline_free (ScHeadline *headline)
{
  sc_text_clear (&headline->text);
  g_free (headline->quote);
  g_free (headline->source_id);
  g_clear_pointer (&headline->figures, g_array_unref);
  g_free (headline);
}

static void
group_free (ScStackGroup *group)
{
  g_free (group->id);
  g_free (group);
}

static void
program_free (ScProgram *program)
{
  g_free (program->id);
  g_free (program->platform);
  sc_text_clear (&program->name);
  sc_text_clear (&program->summary);
  g_free (program->replaces);
  sc_number_clear (&program->window_end);
  g_strfreev (program->source_ids);
  g_clear_pointer (&program->headlines, g_ptr_array_unref);
  g_clear_pointer (&program->groups, g_ptr_array_unref);
  g_clear_pointer (&program->measures, g_ptr_array_unref);
  g_free (program->origin);
  g_free (program);
}

static void
baseline_item_free (ScBaselineItem *item)
{
  g_free (item->category);
  sc_number_clear (&item->value);
  g_free (item);
}

static void
baseline_free (ScBaseline *baseline)
{
  g_free (baseline->platform);
  sc_text_clear (&baseline->name);
  g_clear_pointer (&baseline->items, g_ptr_array_unref);
  g_free (baseline->origin);
  g_free (baseline);
}

static void
expect_free (ScExampleExpect *expect)
{
  g_free (expect->program_id);
  g_free (expect->measure_id);
  g_free (expect->what);
  g_free (expect->status);
  g_free (expect);
}

static void
setting_clear (gpointer data)
{
  ScExampleSetting *setting = data;
  g_clear_pointer (&setting->value, g_free);
}

static void
example_free (ScExample *example)
{
  g_free (example->id);
  sc_text_clear (&example->title);
  g_clear_pointer (&example->settings, g_array_unref);
  g_clear_pointer (&example->expects, g_ptr_array_unref);
  g_free (example->origin);
  g_free (example);
}

/* Constructors used by the loader; each returns an empty object whose
 * arrays free their elements. Kept here so allocation and freeing sit
 * side by side. */


ScProgramFile *
sc_program_file_new_empty (const char *path)
{
  ScProgramFile *file = g_new0 (ScProgramFile, 1);

  file->path = g_strdup (path);
  file->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) source_free);
  file->programs = g_ptr_array_new_with_free_func ((GDestroyNotify) program_free);
  file->baselines = g_ptr_array_new_with_free_func ((GDestroyNotify) baseline_free);
  file->examples = g_ptr_array_new_with_free_func ((GDestroyNotify) example_free);
  file->source_ids = g_hash_table_new (g_str_hash, g_str_equal);
  return file;
}

/* Appends @source (taking it) and indexes its id, unless an earlier source
 * has that id: look-ups find the first, as the reader's messages say. */
void
sc_program_file_add_source (ScProgramFile *file,
                            ScSource      *source)
{
  g_ptr_array_add (file->sources, source);
  if (source->id != NULL && !g_hash_table_contains (file->source_ids, source->id))
    g_hash_table_insert (file->source_ids, source->id, source);
}

ScProgram *
sc_program_new_empty (void)
{
  ScProgram *program = g_new0 (ScProgram, 1);

  program->headlines = g_ptr_array_new_with_free_func ((GDestroyNotify) headline_free);
  program->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
  program->measures = g_ptr_array_new_with_free_func ((GDestroyNotify) measure_free);
  return program;
}

ScMeasure *
sc_measure_new_empty (void)
{
  ScMeasure *measure = g_new0 (ScMeasure, 1);

  measure->effects = g_ptr_array_new_with_free_func ((GDestroyNotify) effect_free);
  return measure;
}

ScHeadline *
sc_headline_new_empty (void)
{
  ScHeadline *headline = g_new0 (ScHeadline, 1);

  headline->figures = g_array_new (FALSE, TRUE, sizeof (ScFigure));
  g_array_set_clear_func (headline->figures, figure_clear);
  return headline;
}

ScCond *
sc_cond_new_empty (ScCondKind kind)
{
  ScCond *cond = g_new0 (ScCond, 1);

  cond->kind = kind;
  cond->field = SC_N_FIELDS;
  if (kind == SC_COND_ALL || kind == SC_COND_ANY || kind == SC_COND_NOT)
    cond->children = g_ptr_array_new_with_free_func ((GDestroyNotify) cond_free);
  return cond;
}


ScEffect *
sc_effect_new_empty (ScEffectKind kind)
{
  ScEffect *effect = g_new0 (ScEffect, 1);

  effect->kind = kind;
  effect->share_field = SC_N_FIELDS;
  effect->share_within = SC_N_FIELDS;
  effect->anchor = SC_ANCHOR_FIRST_SALE;
  effect->anchor_field = SC_N_FIELDS;
  effect->anchor_fallback = SC_ANCHOR_FIELD;
  effect->rank_field = SC_FIELD_EXPECTED_RANK;
  if (kind == SC_EFFECT_TIERED || kind == SC_EFFECT_RANK)
    effect->tiers = g_ptr_array_new_with_free_func ((GDestroyNotify) tier_free);
  if (kind == SC_EFFECT_TIERED)
    effect->checkpoints = g_array_new (FALSE, FALSE, sizeof (guint));
  return effect;
}

ScTier *
sc_tier_new_empty (void)
{
  return g_new0 (ScTier, 1);
}

ScBaseline *
sc_baseline_new_empty (void)
{
  ScBaseline *baseline = g_new0 (ScBaseline, 1);

  baseline->items = g_ptr_array_new_with_free_func ((GDestroyNotify) baseline_item_free);
  return baseline;
}

ScBaselineItem *
sc_baseline_item_new_empty (void)
{
  return g_new0 (ScBaselineItem, 1);
}

ScExample *
sc_example_new_empty (void)
{
  ScExample *example = g_new0 (ScExample, 1);

  example->horizon_months = 12;
  example->settings = g_array_new (FALSE, TRUE, sizeof (ScExampleSetting));
  g_array_set_clear_func (example->settings, setting_clear);
  example->expects = g_ptr_array_new_with_free_func ((GDestroyNotify) expect_free);
  return example;
}

ScExampleExpect *
sc_example_expect_new_empty (void)
{
  return g_new0 (ScExampleExpect, 1);
}

ScSource *
sc_source_new_empty (void)
{
  return g_new0 (ScSource, 1);
}

ScStackGroup *
sc_stack_group_new_empty (void)
{
  return g_new0 (ScStackGroup, 1);
}

/**
 * sc_program_file_free:
 * @file: (transfer full) (nullable): a file from sc_program_reader_load_file()
 *
 * Frees the file and every program, baseline, example and source in it.
 */
void
sc_program_file_free (ScProgramFile *file)
{
  if (file == NULL)
    return;
  g_free (file->path);
  g_free (file->license);
  /* Measures point at sources: programs go first. */
  g_clear_pointer (&file->programs, g_ptr_array_unref);
  g_clear_pointer (&file->baselines, g_ptr_array_unref);
  g_clear_pointer (&file->examples, g_ptr_array_unref);
  g_clear_pointer (&file->source_ids, g_hash_table_unref);
  g_clear_pointer (&file->sources, g_ptr_array_unref);
  g_free (file);
}

/* ------------------------------------------------------------------ */
/* The vocabulary                                                      */
/* ------------------------------------------------------------------ */

static const ScEnumInfo program_status_rows[] = {
  [SC_STATUS_ANNOUNCED] = { "announced", N_("Announced"), NULL, SC_UNIT_PLAIN },
  /* Translators: a program the platform says is expected (预计) to start */
  [SC_STATUS_EXPECTED] = { "expected", N_("Expected"), NULL, SC_UNIT_PLAIN },
  [SC_STATUS_IN_FORCE] = { "in-force", N_("In force"), NULL, SC_UNIT_PLAIN },
  [SC_STATUS_COMMENT_PERIOD] = { "comment-period", N_("Comment period"), NULL, SC_UNIT_PLAIN },
  [SC_STATUS_EXPIRED] = { "expired", N_("Expired"), NULL, SC_UNIT_PLAIN },
};
const ScEnumTable sc_program_status_table = { program_status_rows, G_N_ELEMENTS (program_status_rows) };

static const ScEnumInfo fee_rows[] = {
  [SC_FEE_COMMISSION] = { "commission", N_("commission"), N_("Commission rate"), SC_UNIT_PERCENT },
  [SC_FEE_RETURN_SHIPPING] = { "return-shipping", N_("return-shipping fee"), N_("Return-shipping fee per order"),
                               SC_UNIT_YUAN_PER_ORDER },
  [SC_FEE_PROMOTION] = { "promotion", N_("promotion fee"), N_("Promotion fee rate"), SC_UNIT_PERCENT },
  [SC_FEE_DEPOSIT] = { "deposit", N_("deposit"), N_("Deposit"), SC_UNIT_YUAN },
  [SC_FEE_SETTLEMENT_DAYS] = { "settlement-days", N_("settlement days"), N_("Settlement after receipt"), SC_UNIT_DAYS },
};
G_STATIC_ASSERT (G_N_ELEMENTS (fee_rows) == SC_N_FEES);
const ScEnumTable sc_fee_table = { fee_rows, G_N_ELEMENTS (fee_rows) };

static const ScEnumInfo benefit_rows[] = {
  /* Translators: after an amount in yuan, "up to 240 yuan in cash on 2026-01-10" */
  [SC_BENEFIT_CASH] = { "cash", N_("yuan in cash"), NULL, SC_UNIT_YUAN },
  [SC_BENEFIT_AD_CREDIT] = { "ad-credit", N_("yuan in ad credit"), NULL, SC_UNIT_YUAN },
  [SC_BENEFIT_COUPON] = { "coupon", N_("yuan in coupons"), NULL, SC_UNIT_YUAN },
  [SC_BENEFIT_TRAFFIC] = { "traffic", N_("traffic units"), NULL, SC_UNIT_COUNT },
};
const ScEnumTable sc_benefit_table = { benefit_rows, G_N_ELEMENTS (benefit_rows) };

static const ScEnumInfo anchor_rows[] = {
  [SC_ANCHOR_FIRST_SALE] = { "first-sale", NULL, NULL, SC_UNIT_PLAIN },
  [SC_ANCHOR_ENTRY] = { "entry", NULL, NULL, SC_UNIT_PLAIN },
  [SC_ANCHOR_FIRST_LIVE] = { "first-live", NULL, NULL, SC_UNIT_PLAIN },
  [SC_ANCHOR_WINDOW_START] = { "window-start", NULL, NULL, SC_UNIT_PLAIN },
  [SC_ANCHOR_FIELD] = { "field", NULL, NULL, SC_UNIT_PLAIN },
};
const ScEnumTable sc_anchor_table = { anchor_rows, G_N_ELEMENTS (anchor_rows) };

static const ScEnumInfo stacking_rows[] = {
  [SC_STACK_ADDITIVE] = { "additive", NULL, NULL, SC_UNIT_PLAIN },
  [SC_STACK_EXCLUSIVE] = { "exclusive", NULL, NULL, SC_UNIT_PLAIN },
  [SC_STACK_BEST_OF] = { "best-of", NULL, NULL, SC_UNIT_PLAIN },
};
const ScEnumTable sc_stacking_table = { stacking_rows, G_N_ELEMENTS (stacking_rows) };

const ScEnumInfo *
sc_enum_info (const ScEnumTable *table,
              guint              value)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (value < table->n, &table->rows[0]);
  return &table->rows[value];
}

gboolean
sc_enum_from_string (const ScEnumTable *table,
                     const char        *name,
                     guint             *value)
{
  g_return_val_if_fail (table != NULL, FALSE);

  for (guint i = 0; i < table->n; i++)
    if (g_strcmp0 (table->rows[i].name, name) == 0)
      {
        if (value != NULL)
          *value = i;
        return TRUE;
      }
  return FALSE;
}

/* The translated text of @text, or "" for a value without one. */
static const char *
translated (const char *text)
{
  return text != NULL ? _(text) : "";
}

const char *
sc_program_status_to_string (ScProgramStatus status)
{
  return sc_enum_info (&sc_program_status_table, status)->name;
}

const char *
sc_program_status_label (ScProgramStatus status)
{
  if ((guint) status >= sc_program_status_table.n)
    return "";
  return translated (sc_program_status_table.rows[status].label);
}

const char *
sc_fee_to_string (ScFee fee)
{
  return sc_enum_info (&sc_fee_table, fee)->name;
}

gboolean
sc_fee_from_string (const char *name,
                    ScFee      *fee)
{
  guint value;

  if (!sc_enum_from_string (&sc_fee_table, name, &value))
    return FALSE;
  if (fee != NULL)
    *fee = (ScFee) value;
  return TRUE;
}


const char *
sc_anchor_to_string (ScAnchor anchor)
{
  return sc_enum_info (&sc_anchor_table, anchor)->name;
}

/* The <source> with @id in @file, or NULL. (transfer none) */
const ScSource *
sc_program_file_find_source (const ScProgramFile *file,
                             const char          *id)
{
  g_return_val_if_fail (file != NULL, NULL);

  if (id == NULL)
    return NULL;
  return g_hash_table_lookup (file->source_ids, id);
}

const char *
sc_effect_runs_to_window_end (const ScEffect *effect)
{
  switch (effect->kind)
    {
    case SC_EFFECT_ORDER_FEE_WAIVER:
      if (effect->discount_after.set && effect->discount_after.value > 0 && !effect->discount_days.set)
        return "discount-after";
      return effect->days.set ? NULL : "order-fee-waiver";
    case SC_EFFECT_FEE_RATE:
      return "fee-rate";
    case SC_EFFECT_COMMISSION_WAIVER:
      return "commission-waiver";
    case SC_EFFECT_DEPOSIT:
      return effect->days.set ? NULL : "deposit";
    case SC_EFFECT_SETTLEMENT:
      return "settlement";
    default:
      return NULL;
    }
}

const ScNumber *
sc_measure_window_end (const ScProgram *program,
                       const ScMeasure *measure)
{
  if (measure->window_end.set)
    return &measure->window_end;
  if (measure->has_window && measure->window.end != SC_DAY_NONE)
    return NULL;
  return program->window_end.set ? &program->window_end : NULL;
}
