/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-core"

#include "config.h"

#include "sc-range-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sc-format.h"

/*
 * The assumed numbers of a catalog, each with what it belongs to, for the
 * range analysis (sc-range.c) and `shangce --validate` (numbers without a
 * plausible range).
 */

const char *
sc_range_ref_key_into (const Ref  *ref,
                       char       *buf,
                       gsize       size,
                       char      **heap)
{
  const char *parts[4];
  const char *format;

  if (ref->item != NULL)
    {
      format = "baseline:%s/%s%s%s";
      parts[0] = ref->platform;
      parts[1] = sc_fee_to_string (ref->item->fee);
      parts[2] = ref->item->category ? "/" : "";
      parts[3] = ref->item->category ? ref->item->category : "";
    }
  else
    {
      format = "program:%s/%s%s%s";
      parts[0] = ref->program->id;
      parts[1] = ref->measure != NULL ? ref->measure->id : "";
      parts[2] = ref->measure != NULL ? "/" : "";
      parts[3] = ref->element;
    }
  if (sc_format_printf_strings_into (buf, size, format, parts, 4) != G_MAXSIZE)
    return buf;
  return *heap = sc_format_printf_strings (format, parts, 4);
}

char *
sc_range_ref_key (const Ref *ref)
{
  char buf[256], *heap = NULL;
  const char *key = sc_range_ref_key_into (ref, buf, sizeof buf, &heap);

  return heap != NULL ? heap : g_strdup (key);
}

void
sc_range_ref_set_init (RefSet         *set,
                       const gpointer *numbers,
                       guint           n_numbers,
                       ScArena        *arena)
{
  guint size = 16;

  /* At most half full: a miss (most numbers the walk asks about) ends
   * at the first empty slot. */
  while (size < 2 * n_numbers)
    size *= 2;
  set->mask = size - 1;
  set->n_wanted = n_numbers;
  set->n_found = 0;
  set->numbers = sc_arena_alloc (arena, sizeof (gpointer) * size);
  set->refs = sc_arena_alloc (arena, sizeof (gpointer) * size);
  for (guint k = 0; k < n_numbers; k++)
    {
      guint i = (guint) (((guintptr) numbers[k] >> 4) * 2654435761u) & set->mask;

      while (set->numbers[i] != NULL)
        i = (i + 1) & set->mask;
      set->numbers[i] = numbers[k];
    }
}

typedef struct
{
  GPtrArray       *refs;
  const ScProgram *program;
  const ScMeasure *measure;
  guint            effect;     /* 1, 2 … when the measure has several effects, else 0 */
  guint            tier;       /* 1, 2 … while walking a tier's numbers, else 0 */
  RefSet          *only;       /* when not NULL: the numbers wanted (the rest are skipped) */
  ScArena         *arena;      /* when not NULL: where the Refs are (and @refs is NULL) */
} Walk;

/* Where @n goes in @w's set, else G_MAXUINT (when it is not wanted); 0
 * without a set. */
static guint
wanted (Walk           *w,
        const ScNumber *n)
{
  return w->only != NULL ? sc_range_ref_set_find (w->only, n) : 0;
}

/* @s from @at, not past @end (kept for the terminator). */
static char *
put_string (char       *at,
            char       *end,
            const char *s)
{
  while (*s != '\0' && at < end)
    *at++ = *s++;
  return at;
}

static char *
put_uint (char *at,
          char *end,
          guint value)
{
  char digits[12];
  int n = 0;

  do
    digits[n++] = (char) ('0' + value % 10);
  while ((value /= 10) > 0);
  while (n > 0 && at < end)
    *at++ = digits[--n];
  return at;
}

/* A zeroed Ref, in @w's arena or its list. */
static Ref *
new_ref (Walk *w)
{
  Ref *ref;

  if (w->arena != NULL)
    return sc_arena_alloc (w->arena, sizeof (Ref));
  ref = g_new0 (Ref, 1);
  g_ptr_array_add (w->refs, ref);
  return ref;
}

/* The key is "program:ID/MEASURE/" (or "program:ID/" for the program's
 * own), "effect-N/" when the measure has several, "tier-N/" in a tier, and
 * @element, followed by @index when not 0; made only for an assumed number
 * (the catalog has thousands that are not). @noun: a traffic unit
 * ("traffic-coupon"), named here, or NULL. */
static Ref *
add_ref_real (Walk           *w,
              const ScNumber *n,
              const char     *element,
              guint           index,
              const char     *what,
              ScUnit          unit,
              const char     *noun)
{
  Ref *ref;
  guint slot = wanted (w, n);
  char *at, *end;

  if (slot == G_MAXUINT)
    return NULL;
  ref = new_ref (w);
  ref->number = n;
  ref->origin = w->program->origin;
  ref->program = w->program;
  ref->measure = w->measure;
  ref->platform = w->program->platform;
  /* "effect-N/tier-N/ELEMENT[INDEX]", without printf: the walk makes
   * one for each number the result used. */
  at = ref->element;
  end = ref->element + sizeof ref->element - 1;
  if (w->effect > 0)
    at = put_string (put_uint (put_string (at, end, "effect-"), end, w->effect), end, "/");
  if (w->tier > 0)
    at = put_string (put_uint (put_string (at, end, "tier-"), end, w->tier), end, "/");
  at = put_string (at, end, element);
  if (index > 0)
    at = put_uint (at, end, index);
  *at = '\0';
  ref->what = what;
  ref->tier = w->tier;
  ref->unit = unit;
  ref->noun = noun != NULL ? sc_traffic_unit_label (noun) : NULL;
  ref->varied = TRUE;
  if (w->only != NULL)
    {
      w->only->n_found += w->only->refs[slot] == NULL;
      w->only->refs[slot] = ref;
    }
  return ref;
}

/* Most numbers are not assumed: those are passed over here, inline. */
static inline Ref *
add_ref (Walk           *w,
         const ScNumber *n,
         const char     *element,
         const char     *what,
         ScUnit          unit,
         const char     *noun)
{
  if (!n->set || !(n->basis & SC_BASIS_ASSUMED))
    return NULL;
  return add_ref_real (w, n, element, 0, what, unit, noun);
}

static void
walk_condition (Walk         *w,
                const ScCond *cond,
                guint        *index)
{
  if (cond == NULL)
    return;
  if (cond->kind == SC_COND_COMPARE && cond->number.set && (cond->number.basis & SC_BASIS_ASSUMED))
    {
      Ref *ref = add_ref_real (w, &cond->number, "compare-", ++*index, sc_format_field_label (cond->field),
                               sc_format_field_unit (cond->field), NULL);

      /* An eligibility is yes or no: the analysis does not move it. */
      if (ref != NULL)
        ref->varied = FALSE;
    }
  for (guint i = 0; cond->children != NULL && i < cond->children->len; i++)
    walk_condition (w, g_ptr_array_index (cond->children, i), index);
}

static void
walk_effect (Walk           *w,
             const ScEffect *eff)
{
  ScUnit money = eff->benefit == SC_BENEFIT_TRAFFIC ? SC_UNIT_COUNT : SC_UNIT_YUAN;
  /* The traffic unit, named (translated) only for an assumed number. */
  const char *noun = eff->benefit == SC_BENEFIT_TRAFFIC ? (eff->unit != NULL ? eff->unit : "") : NULL;

  add_ref (w, &eff->amount, "amount", N_("amount"), eff->kind == SC_EFFECT_DEPOSIT ? SC_UNIT_YUAN : money, noun);
  add_ref (w, &eff->exposures_per_unit, "exposures-per-unit", N_("exposures per unit"), SC_UNIT_COUNT, NULL);
  add_ref (w, &eff->max_total, "max-total", N_("maximum in total"), money, noun);
  add_ref (w, &eff->max_orders, "max-orders", N_("orders waived"), SC_UNIT_COUNT, NULL);
  add_ref (w, &eff->days, eff->kind == SC_EFFECT_GRANT ? "offset-days" : "days",
           eff->kind == SC_EFFECT_DEPOSIT ? N_("trial period") : N_("days"), SC_UNIT_DAYS, NULL);
  add_ref (w, &eff->discount_after, "discount-after", N_("discount afterwards"), SC_UNIT_PERCENT, NULL);
  add_ref (w, &eff->discount_days, "discount-days", N_("length of the discount"), SC_UNIT_DAYS, NULL);
  add_ref (w, &eff->rate, "rate", N_("rate"), SC_UNIT_PERCENT, NULL);
  add_ref (w, &eff->share, "share", N_("share of orders"), SC_UNIT_PERCENT, NULL);
  add_ref (w, &eff->deposit, "amount", N_("deposit"), SC_UNIT_YUAN, NULL);
  add_ref (w, &eff->settlement_days, "days", N_("settlement days"), SC_UNIT_DAYS, NULL);
  for (guint t = 0; eff->tiers != NULL && t < eff->tiers->len; t++)
    {
      const ScTier *tier = g_ptr_array_index (eff->tiers, t);

      w->tier = t + 1;
      add_ref (w, &tier->threshold, "threshold", N_("tier %u threshold"),
               eff->kind == SC_EFFECT_RANK ? SC_UNIT_COUNT : SC_UNIT_YUAN, NULL);
      add_ref (w, &tier->reward, "reward", N_("tier %u reward"), money, noun);
    }
  w->tier = 0;
}

static void
walk_window_end (Walk           *w,
                 const ScNumber *end,
                 const char     *key)
{
  Ref *ref = add_ref (w, end, key, N_("end of the window"), SC_UNIT_PLAIN, NULL);

  if (ref != NULL)
    ref->is_date = TRUE;
}

static void
walk_program (Walk            *wp,
              const ScProgram *program)
{
  Walk w = *wp;

  w.program = program;
  w.measure = NULL;
  walk_window_end (&w, &w.program->window_end, "window-end");
  for (guint k = 0; w.program->measures != NULL && k < w.program->measures->len; k++)
    {
      guint index = 0;

      w.measure = g_ptr_array_index (w.program->measures, k);
      walk_window_end (&w, &w.measure->window_end, "window-end");
      walk_condition (&w, w.measure->eligibility, &index);
      for (guint e = 0; w.measure->effects != NULL && e < w.measure->effects->len; e++)
        {
          w.effect = w.measure->effects->len > 1 ? e + 1 : 0;
          walk_effect (&w, g_ptr_array_index (w.measure->effects, e));
        }
      w.effect = 0;
    }
}

static gboolean
holds (GPtrArray     *array,
       gconstpointer  item)
{
  for (guint i = 0; array != NULL && i < array->len; i++)
    if (g_ptr_array_index (array, i) == item)
      return TRUE;
  return FALSE;
}

/* Every program (those of @first first, when given, and the others only
 * while a wanted number is not found: walking the whole catalog's
 * effects was most of the walk's cost), then every baseline. */
static void
collect (ScCatalog *catalog,
         Walk      *wp,
         GPtrArray *first)
{
  GPtrArray *programs = sc_catalog_get_programs (catalog);
  GPtrArray *baselines = sc_catalog_get_baselines (catalog);
  RefSet *only = wp->only;
  Walk w = *wp;

  for (guint i = 0; programs != NULL && i < programs->len; i++)
    if (first == NULL || holds (first, g_ptr_array_index (programs, i)))
      walk_program (&w, g_ptr_array_index (programs, i));
  for (guint i = 0; baselines != NULL && i < baselines->len; i++)
    {
      const ScBaseline *b = g_ptr_array_index (baselines, i);

      for (guint k = 0; b->items != NULL && k < b->items->len; k++)
        {
          const ScBaselineItem *item = g_ptr_array_index (b->items, k);
          Ref *ref;

          guint slot;

          if (!item->value.set || !(item->value.basis & SC_BASIS_ASSUMED)
              || (slot = wanted (&w, &item->value)) == G_MAXUINT)
            continue;
          ref = new_ref (&w);
          ref->number = &item->value;
          ref->origin = b->origin;
          ref->platform = b->platform;

          ref->baseline = b;
          ref->item = item;
          ref->unit = sc_format_fee_unit (item->fee);
          ref->varied = TRUE;
          if (only != NULL)
            {
              only->n_found += only->refs[slot] == NULL;
              only->refs[slot] = ref;
            }
        }
    }
  for (guint i = 0; first != NULL && only->n_found < only->n_wanted && programs != NULL && i < programs->len; i++)
    if (!holds (first, g_ptr_array_index (programs, i)))
      walk_program (&w, g_ptr_array_index (programs, i));
}

GPtrArray *
sc_range_collect_refs (ScCatalog *catalog)
{
  Walk w = { g_ptr_array_new_full (64, g_free), NULL, NULL, 0, 0, NULL, NULL };

  collect (catalog, &w, NULL);
  return w.refs;
}

void
sc_range_collect_refs_in (ScCatalog *catalog,
                          RefSet    *set,
                          GPtrArray *first,
                          ScArena   *arena)
{
  Walk w = { NULL, NULL, NULL, 0, 0, set, arena };

  g_return_if_fail (set != NULL && arena != NULL);
  collect (catalog, &w, first);
}

ScDay
sc_range_ref_end (const Ref *ref)
{
  if (ref->measure != NULL && ref->measure->has_window && ref->measure->window.end != SC_DAY_NONE)
    return ref->measure->window.end;
  return ref->program->window.end;
}

GPtrArray *
sc_range_list_unranged (ScCatalog *catalog)
{
  g_autoptr(GPtrArray) refs = NULL;
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (catalog != NULL, lines);

  refs = sc_range_collect_refs (catalog);
  for (guint i = 0; i < refs->len; i++)
    {
      const Ref *ref = g_ptr_array_index (refs, i);
      g_autofree char *key = NULL;

      if (ref->number->has_range)
        continue;
      /* An open end has nothing to vary. */
      if (ref->is_date && sc_range_ref_end (ref) == SC_DAY_NONE)
        continue;
      key = sc_range_ref_key (ref);
      g_ptr_array_add (lines, g_strdup_printf (
        /* Translators: file, line, the number's id ("program:…/m2…/discount-days") */
        _("%s:%u: warning: %s is assumed but has no plausible range; add low=\"…\" high=\"…\" and say why in its note"),
        ref->origin ? ref->origin : "?", ref->number->line, key));
    }
  return lines;
}

