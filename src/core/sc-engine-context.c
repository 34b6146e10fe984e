/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-core"

#include "config.h"

/* The evaluation context: set-up, the notes it collects (assumptions,
 * warnings, reasons), baselines and anchors. */

#include "sc-engine-private.h"

#include <math.h>
#include <string.h>

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

static void
free_text (gpointer data)
{
  sc_text_clear (data);
  g_free (data);
}

const ScText *
sc_ctx_keep_text (Ctx          *ctx,
                  const ScText *text)
{
  ScText *copy = g_new0 (ScText, 1);

  sc_text_copy (copy, text);
  if (ctx->texts == NULL)
    ctx->texts = g_ptr_array_new_with_free_func (free_text);
  g_ptr_array_add (ctx->texts, copy);
  return copy;
}

const char sc_ctx_owners[2];

void
sc_ctx_record (Ctx           *ctx,
               gconstpointer  owner,
               ScReasonKind   kind,
               ...)
{
  va_list va;

  va_start (va, kind);
  sc_reason_addv (ctx->records, kind, va);
  va_end (va);
  g_array_index (ctx->records, ScReason, ctx->records->len - 1).owner = owner;
}

void
sc_ctx_own_reasons (Ctx             *ctx,
                    ScMeasureResult *mr,
                    guint            since)
{
  for (guint i = since; i < ctx->records->len; i++)
    g_array_index (ctx->records, ScReason, i).owner = mr;
}

/* --- baselines ---------------------------------------------------------------- */

/* The platform's name as its baseline gives it (快手, Kuaishou), NULL
 * when no baseline names it (the reader then sees the id). */
const ScText *
sc_ctx_platform_name (Ctx        *ctx,
                      const char *platform)
{
  const ScBaseline *baseline = sc_catalog_find_baseline (ctx->catalog, platform);

  return baseline != NULL ? &baseline->name : NULL;
}

gboolean
sc_ctx_baseline_value (Ctx        *ctx,
                       const char *platform,
                       ScFee       fee,
                       double     *value,
                       guint      *basis)
{
  const char *category = sc_profile_get_choice (ctx->profile, SC_FIELD_CATEGORY);
  const ScProfileOverride *o = NULL;
  const ScBaseline *baseline;
  const ScBaselineItem *any = NULL, *exact = NULL, *item;

  ctx->fees_read |= 1u << fee;
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
        ctx_assumption (ctx, SC_REASON_NOTE_OVERRIDE_NOTED, CTX_PLATFORM (ctx, platform), fee,
                        o->category ? " / " : "", SC_FIELD_CATEGORY, o->category,
                        o->value, sc_format_fee_unit (fee), NULL, sc_ctx_keep_text (ctx, &o->note));
      else
        ctx_assumption (ctx, SC_REASON_NOTE_OVERRIDE, CTX_PLATFORM (ctx, platform), fee,
                        o->category ? " / " : "", SC_FIELD_CATEGORY, o->category,
                        o->value, sc_format_fee_unit (fee), NULL);
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
  *value = sc_ctx_number (ctx, &item->value);
  *basis |= item->value.basis;
  sc_ctx_use (ctx, &item->value);
  if ((item->value.basis & SC_BASIS_ASSUMED) && ctx_first_note (ctx, item))
    ctx_assumption (ctx, SC_REASON_NOTE_BASELINE_ASSUMED, &baseline->name, fee,
                    item->category ? " / " : "", SC_FIELD_CATEGORY, item->category,
                    *value, sc_format_fee_unit (fee), NULL, &item->value.note);
  return TRUE;
}

/* --- what a measure needs ----------------------------------------------------------- */

GPtrArray *
sc_ctx_empty_array (void)
{
  static gsize empty;

  if (g_once_init_enter (&empty))
    g_once_init_leave (&empty, (gsize) g_ptr_array_new ());
  return (GPtrArray *) empty;
}

void
sc_ctx_use (Ctx            *ctx,
            const ScNumber *n)
{
  if (ctx->used == NULL || !n->set || !(n->basis & SC_BASIS_ASSUMED))
    return;
  for (guint i = 0; i < ctx->used->len; i++)
    if (g_ptr_array_index (ctx->used, i) == n)
      return;
  g_ptr_array_add (ctx->used, (gpointer) n);
  /* Whose it is, as far as known here: the range analysis walks only
   * those programs for the numbers' Refs, when they are all there. */
  if (ctx->program == NULL)
    return;
  for (guint i = ctx->used_programs->len; i > 0; i--)
    if (g_ptr_array_index (ctx->used_programs, i - 1) == ctx->program)
      return;
  g_ptr_array_add (ctx->used_programs, (gpointer) ctx->program);
}

/* Notes the assumed number @n of @measure, in @unit (@noun after a count). */
/* TRUE the first time the assumed number @n is to be noted. */
static gboolean
note_number (Ctx            *ctx,
             const ScNumber *n)
{
  sc_ctx_use (ctx, n);
  return ctx->reasons && n->set && (n->basis & SC_BASIS_ASSUMED) && ctx_first_note (ctx, n);
}

void
sc_ctx_note_assumed (Ctx             *ctx,
                     const ScMeasure *measure,
                     const char      *what,
                     const ScNumber  *n,
                     ScUnit           unit,
                     const char      *traffic_unit)
{
  if (note_number (ctx, n))
    ctx_assumption (ctx, SC_REASON_NOTE_NUMBER_ASSUMED, &measure->title, what,
                    sc_ctx_number (ctx, n), unit, traffic_unit, &n->note);
}

void
sc_ctx_note_threshold (Ctx             *ctx,
                       const ScMeasure *measure,
                       const ScCond    *cond)
{
  const ScText *label = cond->label.zh != NULL || cond->label.en != NULL ? &cond->label : NULL;

  if (note_number (ctx, &cond->number))
    ctx_assumption (ctx, SC_REASON_NOTE_THRESHOLD_ASSUMED, &measure->title, label, cond->field, cond->op,
                    sc_ctx_number (ctx, &cond->number), sc_format_field_unit (cond->field), NULL,
                    &cond->number.note);
}

void
sc_ctx_note_window_end (Ctx         *ctx,
                        MeasurePriv *mp)
{
  ScMeasureResult *mr = &mp->pub;
  const ScNumber *end = sc_measure_window_end (mr->program, mr->measure);
  gboolean runs = FALSE;
  const ScText *title;

  if (end == NULL || !(end->basis & SC_BASIS_ASSUMED))
    return;
  for (guint i = 0; mr->measure->effects != NULL && i < mr->measure->effects->len && !runs; i++)
    runs = sc_effect_runs_to_window_end (g_ptr_array_index (mr->measure->effects, i)) != NULL;
  if (!runs)
    return;
  mr->basis |= SC_BASIS_ASSUMED;
  sc_ctx_use (ctx, end);
  title = end == &mr->measure->window_end ? &mr->measure->title : &mr->program->name;
  if (mp->window.end == SC_DAY_NONE)
    {
      add_reason (ctx, mr, SC_REASON_END_ASSUMED_OPEN);
      if (ctx_first_note (ctx, end))
        ctx_assumption (ctx, SC_REASON_NOTE_RUNS_OPEN, title, &end->note);
      return;
    }
  add_reason (ctx, mr, SC_REASON_END_ASSUMED, mp->window.end - 1);
  if (ctx_first_note (ctx, end))
    ctx_assumption (ctx, SC_REASON_NOTE_RUNS_UNTIL, title, mp->window.end - 1, &end->note);
}

gboolean
sc_ctx_need (Ctx             *ctx,
             ScMeasureResult *mr,
             ScField          field)
{
  if (ctx->profile->values[field].set)
    return TRUE;
  mr->status = SC_MEASURE_NEEDS_INFO;
  add_reason (ctx, mr, SC_REASON_NEEDS_INFO, field);
  return FALSE;
}

/* Day 0 of @eff: a date of the profile (needs information when unset,
 * unless the effect falls back on another anchor then) or the start of the
 * measure's window. *@used (may be NULL) is the anchor that gave it. */
ScDay
sc_ctx_anchor_day (Ctx             *ctx,
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
  if (!sc_ctx_need (ctx, mr, field))
    return SC_DAY_NONE;
  mr->basis |= SC_BASIS_PROFILE;
  return ctx->profile->values[field].date;
}

/* --- set-up ------------------------------------------------------------------- */

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

void
sc_ctx_setup (Ctx                   *ctx,
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
  if (options != NULL)
    {
      ctx->overrides = options->overrides;
      ctx->n_overrides = options->overrides != NULL ? options->n_overrides : 0;
      ctx->only_platform = options->only_platform;
    }
  if (ctx->reasons)
    {
      ctx->used = g_ptr_array_new ();
      ctx->used_programs = g_ptr_array_new ();
      ctx->records = sc_reasons_new (128);
    }
  else
    ctx->empty = sc_ctx_empty_array ();
  ctx->as_of = profile->as_of;
  ctx->n_months = profile->horizon_months;
  ctx->hend = sc_day_add_months (ctx->as_of, (int) ctx->n_months);
  ctx->n_days = ctx->hend - ctx->as_of;

  /* Platforms: of every program and baseline, sorted. */
  ctx->platforms = g_ptr_array_new ();
  ctx->platform_of = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < programs->len; i++)
    {
      const ScProgram *prog = g_ptr_array_index (programs, i);

      if (g_hash_table_add (ctx->platform_of, prog->platform))
        g_ptr_array_add (ctx->platforms, prog->platform);
    }
  for (guint i = 0; baselines != NULL && i < baselines->len; i++)
    {
      const ScBaseline *b = g_ptr_array_index (baselines, i);

      if (g_hash_table_add (ctx->platform_of, b->platform))
        g_ptr_array_add (ctx->platforms, b->platform);
    }
  g_ptr_array_sort (ctx->platforms, compare_strings);
  for (guint i = 0; i < ctx->platforms->len; i++)
    g_hash_table_insert (ctx->platform_of, g_ptr_array_index (ctx->platforms, i), GUINT_TO_POINTER (i + 1));

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
    /* Growth compounds: 100 % a month for 120 months is 2^120 times the
     * start, past 1e36 yuan. The projection stops at the largest monthly
     * GMV a profile may state (a sanity bound of the field, not a policy
     * number), so every total stays a number the reports can print. */
    double gmv_max = sc_field_info (SC_FIELD_MONTHLY_GMV)->max;

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
        month_gmv = MIN (month_gmv * (1 + growth), gmv_max);
      }
  }

  if (ctx->reasons)
    {
      static const ScField assumption_fields[] = {
        SC_FIELD_COST_OF_CAPITAL, SC_FIELD_YUAN_PER_1000_EXPOSURES, SC_FIELD_GMV_GROWTH,
        SC_FIELD_LOCKED_VALUE_WORTH,
      };

      for (guint i = 0; i < G_N_ELEMENTS (assumption_fields); i++)
        {
          ScField f = assumption_fields[i];
          const char *note = sc_text_get (&p->values[f].note, ctx->lang);
          /* In the field's unit: "6%", not the file's 0.06. */
          ScUnit unit = sc_format_field_unit (f);

          if (p->values[f].set && note[0] != '\0')
            ctx_assumption (ctx, SC_REASON_NOTE_PROFILE_NOTED, f, p->values[f].number, unit, NULL,
                            sc_ctx_keep_text (ctx, &p->values[f].note));
          else if (p->values[f].set)
            ctx_assumption (ctx, SC_REASON_NOTE_PROFILE, f, p->values[f].number, unit, NULL);
          else if (f == SC_FIELD_GMV_GROWTH || f == SC_FIELD_LOCKED_VALUE_WORTH)
            ctx_assumption (ctx, SC_REASON_NOTE_NOT_GIVEN, f, 0.0, unit, NULL);
        }
      if (!ctx->have_gmv)
        ctx_warning (ctx, SC_REASON_WARN_NO_GMV, SC_FIELD_MONTHLY_GMV);
      else if (!ctx->have_aov)
        ctx_warning (ctx, SC_REASON_WARN_NO_ORDER_VALUE, SC_FIELD_AVG_ORDER_VALUE);
      /* A program file that failed to load is missing from every number
       * below: the report says so, not only stderr. */
      {
        GPtrArray *errors = sc_catalog_get_errors (catalog);

        for (guint i = 0; errors != NULL && i < errors->len; i++)
          ctx_warning (ctx, SC_REASON_WARN_FILE_NOT_LOADED, ((const GError *) g_ptr_array_index (errors, i))->message);
      }
    }
}

void
sc_ctx_clear (Ctx *ctx)
{
  g_free (ctx->scratch);
  g_free (ctx->gross);
  g_free (ctx->platform_basis);
  g_free (ctx->counted_red);
  g_free (ctx->no_delta);
  g_ptr_array_unref (ctx->platforms);
  g_hash_table_unref (ctx->platform_of);
  g_clear_pointer (&ctx->texts, g_ptr_array_unref);
  g_clear_pointer (&ctx->used, g_ptr_array_unref);
  g_clear_pointer (&ctx->used_programs, g_ptr_array_unref);
  g_clear_pointer (&ctx->records, g_array_unref);
}
