/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-core"

#include "config.h"

#include "sc-range.h"
#include "sc-range-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sc-compare.h"
#include "sc-format.h"

/* xgettext still reads _("…"); the analysis looks each message up once
 * (sc_format_gettext() with the analysis' cache), not once per driver. */
#undef _
#define _(msgid) sc_format_gettext (msgid)

/*
 * How sure a verdict is. The result knows which assumed numbers it used
 * (sc_engine_result_used()); each is evaluated at its low and its high with
 * everything else at the centre. A number of a program or a baseline moves
 * only its own platform (measures, stacking and caps never cross
 * platforms), so those evaluations run that platform alone; a profile
 * assumption (cost of capital, …) moves every platform and runs them all.
 */

/* Off (tests only): every assumption moved by a full evaluation. */
static gboolean shortcuts = TRUE;

void
sc_range_set_shortcuts (gboolean enabled)
{
  shortcuts = enabled;
}

/* Where the winner is said to change: a tie within a yuan. */
#define TIE_YUAN 0.5
/* Evaluations spent narrowing one flip value. */
#define FLIP_STEPS 6

/* --- evaluating at other values -------------------------------------------------- */

typedef struct
{
  ScCatalog             *catalog;
  const ScProfile       *profile;
  const ScResult        *result;
  ScEngineOptions        options;
  guint                  n;
  double                *central;
  guint                  n_evaluations;
  guint                  n_shortcuts;
  guint                  n_linear;
  gboolean               read_by_condition[SC_N_FIELDS];   /* linear_slopes(), once read_walked */
  gboolean               read_walked;
  const ScResult        *base;   /* the central values with each measure kept (keep_raw) */
  gboolean              *group_priced;   /* n × SC_N_FIELDS: walk_group_priced(), once group_walked */
  gboolean               group_walked;
  ScArena               *arena;   /* what the analysis allocates and drops when done */
} Eval;

/* One assumption being moved: a catalog number (@ref) or a profile field. */
typedef struct
{
  const Ref *ref;        /* NULL for a profile field */
  ScField    field;
  const char *platform;  /* the one platform it moves, NULL for all */
  double     central, low, high;
  gboolean   integral;
  double    *slope;      /* a profile field each platform's score is linear in: d score / d value,
                          * n entries; NULL when it needs evaluating (linear_slopes()) */
  ScDeltaPlan *plan;     /* a catalog number: what moving it evaluates again, found once for its
                          * low, its high and the flip search; NULL without the shortcut */
  const ScPlatformResult *unmoved;   /* the plan can move only its platform's gross fees, which
                                      * no score counts: the base's platform, else NULL */
} Cand;

static guint
platform_index (const ScResult *result,
                const char     *platform)
{
  /* A platform of the base, which is most often @result itself: the
   * same string, found without comparing the texts. */
  for (guint i = 0; i < result->platforms->len; i++)
    if (((const ScPlatformResult *) g_ptr_array_index (result->platforms, i))->platform == platform)
      return i;
  for (guint i = 0; i < result->platforms->len; i++)
    if (g_strcmp0 (((const ScPlatformResult *) g_ptr_array_index (result->platforms, i))->platform, platform) == 0)
      return i;
  return G_MAXUINT;
}

/* What @ref belongs to, as the engine's deltas name it: its measure, its
 * baseline fee, or its program (a program's end). */
static gconstpointer
ref_dirty (const Ref *ref)
{
  if (ref->measure != NULL)
    return ref->measure;
  if (ref->item != NULL)
    return ref->item;
  return ref->program;
}

/* @pr, a platform's result by a shortcut, into @scores. */
static void
take_shortcut (Eval                   *ev,
               const ScPlatformResult *pr,
               double                 *scores)
{
  guint k = platform_index (ev->result, pr->platform);

  ev->n_shortcuts++;
  if (k != G_MAXUINT)
    scores[k] = sc_result_platform_score (ev->base, pr);
}

/*
 * Scores (n, ScResult.platforms order) with the catalog numbers of
 * @overrides and the profile fields of @fields (@n_fields values @fvalues)
 * moved; only @platform re-evaluated when not NULL, the others central.
 */
static void
evaluate (Eval                   *ev,
          const ScEngineOverride *overrides,
          guint                   n_overrides,
          const ScField          *fields,
          const double           *fvalues,
          guint                   n_fields,
          const char             *platform,
          gconstpointer           dirty,
          const ScProgram        *program,
          const ScMeasure        *measure,
          double                 *scores)
{
  g_autoptr(ScProfile) copy = NULL;
  g_autoptr(ScResult) r = NULL;
  ScEngineOptions o = ev->options;

  memcpy (scores, ev->central, sizeof (double) * ev->n);
  /* One number of one measure (or a program's end): only that measure and
   * its group (or that program) are evaluated again, when nothing else can
   * change (sc_engine_evaluate_delta()). */
  if (program != NULL && n_fields == 0 && ev->base != NULL && shortcuts)
    {
      ScPlatformResult pr;

      if (sc_engine_evaluate_delta (ev->base, overrides, n_overrides, program, measure, &pr))
        {
          take_shortcut (ev, &pr, scores);
          return;
        }
    }
  if (n_fields > 0)
    {
      copy = sc_profile_copy (ev->profile);
      for (guint i = 0; i < n_fields; i++)
        copy->values[fields[i]].number = fvalues[i];
    }
  o.overrides = overrides;
  o.n_overrides = n_overrides;
  o.only_platform = platform;
  /* Only the measures the one number is in are evaluated again. */
  if (dirty != NULL && n_fields == 0)
    {
      o.reuse = ev->base;
      o.dirty = dirty;
    }
  r = sc_engine_evaluate (ev->catalog, copy != NULL ? copy : ev->profile, &o);
  ev->n_evaluations++;
  for (guint i = 0; i < r->platforms->len; i++)
    {
      const ScPlatformResult *pr = g_ptr_array_index (r->platforms, i);
      guint k = platform_index (ev->result, pr->platform);

      if (k == G_MAXUINT || (platform != NULL && g_strcmp0 (platform, pr->platform) != 0))
        continue;
      scores[k] = sc_result_platform_score (r, pr);
    }
}

static void
evaluate_at (Eval       *ev,
             const Cand *c,
             double      value,
             double     *scores)
{
  /* An end of the range at the centre (a share "up to" 100 %, an end the
   * source bounds) changes nothing. */
  if (value == c->central)
    {
      memcpy (scores, ev->central, sizeof (double) * ev->n);
      return;
    }
  if (c->slope != NULL)
    {
      for (guint p = 0; p < ev->n; p++)
        scores[p] = ev->central[p] + c->slope[p] * (value - c->central);
      ev->n_linear++;
      return;
    }
  if (c->ref != NULL)
    {
      ScEngineOverride o = { c->ref->number, value };
      gconstpointer dirty = ref_dirty (c->ref);
      ScPlatformResult pr;

      /* A baseline fee that nothing reads or reduces: its platform's
       * score as it was, without working out its gross. */
      if (c->unmoved != NULL)
        {
          memcpy (scores, ev->central, sizeof (double) * ev->n);
          take_shortcut (ev, c->unmoved, scores);
          return;
        }
      /* What the number can move: its measure and the rest of its group,
       * what runs to its program's end, or what read its baseline fee and
       * the gross fees (sc_engine_evaluate_delta_set()). */
      if (c->plan != NULL && sc_engine_delta_plan_run (c->plan, &o, 1, &pr))
        {
          memcpy (scores, ev->central, sizeof (double) * ev->n);
          take_shortcut (ev, &pr, scores);
          return;
        }

      evaluate (ev, &o, 1, NULL, NULL, 0, c->platform, dirty, c->ref->program, c->ref->measure, scores);
    }
  else
    evaluate (ev, NULL, 0, &c->field, &value, 1, NULL, NULL, NULL, NULL, scores);
}

static guint
argmax (const double *scores,
        guint         n)
{
  guint best = 0;

  for (guint i = 1; i < n; i++)
    if (scores[i] > scores[best] + TIE_YUAN)
      best = i;
  return best;
}

/*
 * Where the leader (@a) and the platform that overtakes it (@b) tie,
 * between @x0 (leader ahead by @f0 > 0) and @x1 (behind, @f1 < 0): regula
 * falsi with the Illinois step, which also finds the step of a threshold.
 */
static double
find_flip (Eval       *ev,
           const Cand *c,
           guint       a,
           guint       b,
           double      x0,
           double      f0,
           double      x1,
           double      f1)
{
  double *s = sc_arena_alloc (ev->arena, sizeof (double) * ev->n);
  int side = 0;

  for (guint step = 0; step < FLIP_STEPS; step++)
    {
      double x = x0 + (x1 - x0) * f0 / (f0 - f1), f;

      if (c->integral)
        {
          x = round (x);
          /* The tie lies between two neighbouring whole values: the
           * winner changes at the next one towards @x1. */
          if (x == round (x1))
            return x;
          if (x == round (x0))
            return x + (x1 > x0 ? 1 : -1);
        }
      evaluate_at (ev, c, x, s);
      f = s[a] - s[b];
      if (fabs (f) < TIE_YUAN)
        return x;
      if (f > 0)
        {
          x0 = x, f0 = f;
          if (side == +1)
            f1 /= 2;
          side = +1;
        }
      else
        {
          x1 = x, f1 = f;
          if (side == -1)
            f0 /= 2;
          side = -1;
        }
    }
  /* As far as narrowed: the tie between the last two values tried. */
  return c->integral ? round (x1) : x0 + (x1 - x0) * f0 / (f0 - f1);
}

/* @value as precise as a reader needs: a tenth of a percent, a fen. */
static double
round_for (const Cand *c,
           double      value)
{
  ScUnit unit = c->ref != NULL ? c->ref->unit : sc_format_field_unit (c->field);

  if (c->integral)
    return round (value);
  if (unit == SC_UNIT_PERCENT)
    return round (value * 1000) / 1000;
  return round (value * 100) / 100;
}

/* --- assumptions the scores are linear in ---------------------------------------------- */

/* Marks in @read every field @cond reads. */
static void
cond_reads (const ScCond *cond,
            gboolean     *read)
{
  if (cond == NULL)
    return;
  if (cond->kind != SC_COND_ALL && cond->kind != SC_COND_ANY && cond->kind != SC_COND_NOT
      && (guint) cond->field < SC_N_FIELDS)
    read[cond->field] = TRUE;
  for (guint i = 0; cond->children != NULL && i < cond->children->len; i++)
    cond_reads (g_ptr_array_index (cond->children, i), read);
}

/* Whether a measure of @program's @group has value priced by @field
 * (traffic by yuan-per-1000-exposures, a deposit or settlement by
 * cost-of-capital). */
static gboolean
group_priced_by (const ScProgram *program,
                 const char      *group,
                 ScField          field)
{
  for (guint k = 0; program->measures != NULL && k < program->measures->len; k++)
    {
      const ScMeasure *m = g_ptr_array_index (program->measures, k);

      if (g_strcmp0 (m->group, group) != 0)
        continue;
      for (guint e = 0; m->effects != NULL && e < m->effects->len; e++)
        {
          const ScEffect *eff = g_ptr_array_index (m->effects, e);

          if (field == SC_FIELD_YUAN_PER_1000_EXPOSURES ? eff->benefit == SC_BENEFIT_TRAFFIC
                                                        : eff->kind == SC_EFFECT_DEPOSIT || eff->kind == SC_EFFECT_SETTLEMENT)
            return TRUE;
        }
    }
  return FALSE;
}

/*
 * Three profile assumptions enter a score linearly, so moving them needs
 * no evaluation:
 * - locked-value-worth only weighs the value tied to the platform in the
 *   score (kept + worth × tied, sc_result_platform_score()): slope = tied;
 * - yuan-per-1000-exposures only prices exposures (exposures × rate / 1000,
 *   the traffic value, tied): slope = worth × traffic value / rate;
 * - cost-of-capital only prices the money a deposit or faster settlement
 *   frees (difference × rate × time, the cash-flow value, kept):
 *   slope = cash-flow value / rate.
 * Caps scale fee reductions only and a traffic cap counts units, not
 * yuan, so neither depends on them. What can: a condition reading the
 * field (none in the bundled data; then no shortcut), and a best-of group
 * choosing its measure by total value: where a group with a measure
 * priced by the field cut one, the scores are evaluated in full (NULL).
 * With the
 * rate at 0 the slope is not known from the centre: NULL.
 * (in the analysis' arena)
 */
static double *
linear_slopes (Eval       *ev,
               const Cand *c)
{
  GPtrArray *programs = sc_catalog_get_programs (ev->catalog);
  const ScResult *base = ev->base;
  double *slope;

  if (c->ref != NULL || base == NULL
      || (c->field != SC_FIELD_LOCKED_VALUE_WORTH && c->field != SC_FIELD_YUAN_PER_1000_EXPOSURES
          && c->field != SC_FIELD_COST_OF_CAPITAL))
    return NULL;
  if (!shortcuts || (c->field != SC_FIELD_LOCKED_VALUE_WORTH && c->central == 0))
    return NULL;
  /* The fields a condition reads: one walk for all of them. */
  if (!ev->read_walked)
    {
      for (guint i = 0; programs != NULL && i < programs->len; i++)
        {
          const ScProgram *program = g_ptr_array_index (programs, i);

          for (guint k = 0; program->measures != NULL && k < program->measures->len; k++)
            cond_reads (((const ScMeasure *) g_ptr_array_index (program->measures, k))->eligibility,
                        ev->read_by_condition);
        }
      ev->read_walked = TRUE;
    }
  if (ev->read_by_condition[c->field])
    return NULL;
  if (c->field != SC_FIELD_LOCKED_VALUE_WORTH)
    for (guint i = 0; i < base->measures->len; i++)
      {
        const ScMeasureResult *mr = g_ptr_array_index (base->measures, i);

        if (mr->cut_by_group && group_priced_by (mr->program, mr->measure->group, c->field))
          return NULL;
      }
  slope = sc_arena_alloc (ev->arena, sizeof (double) * ev->n);
  for (guint i = 0; i < base->platforms->len; i++)
    {
      const ScPlatformResult *pr = g_ptr_array_index (base->platforms, i);
      guint p = platform_index (ev->result, pr->platform);

      if (p == G_MAXUINT)
        continue;
      if (c->field == SC_FIELD_LOCKED_VALUE_WORTH)
        slope[p] = sc_totals_tied (pr->totals);
      else if (c->field == SC_FIELD_YUAN_PER_1000_EXPOSURES)
        slope[p] = base->locked_worth * pr->totals[SC_AMOUNT_TRAFFIC_VALUE] / c->central;
      else
        slope[p] = pr->totals[SC_AMOUNT_CASH_FLOW] / c->central;
    }
  return slope;
}

/* --- the analysis ----------------------------------------------------------------- */

/* The texts of a driver, in the order driver_new() takes them. */
enum
{
  TEXT_KEY,
  TEXT_LABEL,
  TEXT_NOTE,
  TEXT_CENTRAL,
  TEXT_LOW,
  TEXT_HIGH,
  TEXT_FLIP,
  N_TEXTS
};

/*
 * A driver with room for @n scores at each end and copies of @texts (each
 * may be NULL), all in one piece of @arena (a dozen blocks per driver were
 * a third of the analysis' allocations); drivers_to_heap() moves each.
 */
static ScRangeDriver *
driver_new (ScArena           *arena,
            guint              n,
            const char *const  texts[N_TEXTS])
{
  gsize size = sizeof (ScRangeDriver) + 2 * sizeof (double) * n, len[N_TEXTS];
  ScRangeDriver *d;
  char **to[N_TEXTS];
  char *at;

  for (guint t = 0; t < N_TEXTS; t++)
    {
      len[t] = texts[t] != NULL ? strlen (texts[t]) + 1 : 0;
      size += len[t];
    }
  d = sc_arena_alloc (arena, size);
  d->score_low = (double *) (d + 1);
  d->score_high = d->score_low + n;
  to[TEXT_KEY] = &d->key;
  to[TEXT_LABEL] = &d->label;
  to[TEXT_NOTE] = &d->note;
  to[TEXT_CENTRAL] = &d->central_text;
  to[TEXT_LOW] = &d->low_text;
  to[TEXT_HIGH] = &d->high_text;
  to[TEXT_FLIP] = &d->flip_text;
  at = (char *) (d->score_high + n);
  for (guint t = 0; t < N_TEXTS; t++)
    if (texts[t] != NULL)
      {
        *to[t] = memcpy (at, texts[t], len[t]);
        at += len[t];
      }
  return d;
}

/* The bytes of @d (driver_new()), scores and texts, rounded up to whole
 * doubles. */
static gsize
driver_size (const ScRangeDriver *d,
             guint                n)
{
  const char *texts[] = { d->key, d->label, d->note, d->central_text, d->low_text, d->high_text, d->flip_text };
  gsize size = sizeof (ScRangeDriver) + 2 * sizeof (double) * n;

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    size += texts[t] != NULL ? strlen (texts[t]) + 1 : 0;
  return (size + sizeof (double) - 1) & ~(sizeof (double) - 1);
}

/*
 * Every driver of @an moved from the analysis' arena to a block of the heap
 * of its own, each pointer into it moved along; the drivers array frees
 * them. A block for all of them (8 kB for the default profile) found no
 * free chunk as large after an evaluation and came from the heap's top,
 * and its free could trim the top, the next analysis growing it again
 * with a page fault per page; a driver's few hundred bytes fit the free
 * chunks the evaluation leaves.
 */
static void
drivers_to_heap (ScRangeAnalysis *an)
{
  for (guint i = 0; i < an->drivers->len; i++)
    {
      ScRangeDriver *from = g_ptr_array_index (an->drivers, i);
      gsize size = driver_size (from, an->n_platforms);
      char *at = g_malloc (size);
      ScRangeDriver *d = memcpy (at, from, size);
      gpointer *inside[] = { (gpointer *) &d->score_low, (gpointer *) &d->score_high, (gpointer *) &d->key,
                             (gpointer *) &d->label, (gpointer *) &d->note, (gpointer *) &d->central_text,
                             (gpointer *) &d->low_text, (gpointer *) &d->high_text, (gpointer *) &d->flip_text };

      for (guint k = 0; k < G_N_ELEMENTS (inside); k++)
        if (*inside[k] != NULL)
          *inside[k] = at + ((char *) *inside[k] - (char *) from);
      g_ptr_array_index (an->drivers, i) = d;
    }
}

void
sc_range_analysis_free (ScRangeAnalysis *analysis)
{
  if (analysis == NULL)
    return;
  g_free (analysis->lang);
  g_strfreev (analysis->platforms);
  /* low and high follow central in its block; the drivers array frees
   * each driver (drivers_to_heap()). */
  g_free (analysis->central);
  g_clear_pointer (&analysis->drivers, g_ptr_array_unref);
  g_free (analysis);
}

/* @value as the reader sees it, in @buf (SC_FORMAT_VALUE_BUF bytes). */
static const char *
format_value (const Cand *c,
              double      value,
              char       *buf)
{
  if (c->ref != NULL && c->ref->is_date)
    /* An end is exclusive: the reader is told the last day counted. */
    return sc_day_format ((ScDay) value - 1, buf);
  if (c->ref != NULL)
    return sc_format_value (buf, SC_FORMAT_VALUE_BUF, value, c->ref->unit, c->ref->noun);
  return sc_format_value (buf, SC_FORMAT_VALUE_BUF, value, sc_format_field_unit (c->field), NULL);
}

/* @format with @strings into @buf (@size bytes), else (too long) into a
 * block for *@heap. */
static const char *
printf_into (char              *buf,
             gsize              size,
             char             **heap,
             const char        *format,
             const char *const *strings,
             guint              n_strings)
{
  if (sc_format_printf_strings_into (buf, size, format, strings, n_strings) != G_MAXSIZE)
    return buf;
  return *heap = sc_format_printf_strings (format, strings, n_strings);
}

#define LABEL_BUF 512

/* @c as the reader knows it, in @buf (LABEL_BUF bytes) or *@heap. */
static const char *
candidate_label (const Cand *c,
                 const char *lang,
                 char       *buf,
                 char      **heap)
{
  const char *title, *what;
  char tier[LABEL_BUF], digits[16];
  g_autofree char *tier_heap = NULL;

  if (c->ref == NULL)
    return sc_format_field_label (c->field);
  if (c->ref->item != NULL)
    {
      const ScBaselineItem *item = c->ref->item;
      char fee[LABEL_BUF];
      g_autofree char *fee_heap = NULL;
      const char *fee_text = sc_format_fee_label (item->fee);

      if (item->category != NULL)
        {
          const char *parts[] = { sc_format_fee_label (item->fee), sc_format_choice_label (SC_FIELD_CATEGORY, item->category) };

          fee_text = printf_into (fee, sizeof fee, &fee_heap, "%s / %s", parts, 2);
        }
      {
        /* "Douyin: commission / Apparel" */
        const char *parts[] = { sc_text_get (&c->ref->baseline->name, lang), fee_text };

        return printf_into (buf, LABEL_BUF, heap, _("%s: %s"), parts, 2);
      }
    }
  /* The tier's number only for a tier's (printf, for every driver, was
   * a third of its label). */
  if (c->ref->tier > 0)
    g_snprintf (digits, sizeof digits, "%u", c->ref->tier);
  if (c->ref->tier > 0 && g_str_equal (c->ref->what, "tier %u reward"))
    what = printf_into (tier, sizeof tier, &tier_heap, _("tier %u reward"), (const char *[]) { digits }, 1);
  else if (c->ref->tier > 0)
    what = printf_into (tier, sizeof tier, &tier_heap, _("tier %u threshold"), (const char *[]) { digits }, 1);
  else
    what = _(c->ref->what);
  title = c->ref->measure != NULL ? sc_text_get (&c->ref->measure->title, lang)
                                  : sc_text_get (&c->ref->program->name, lang);
  /* Translators: measure or program title, what is assumed ("length of the discount") */
  return printf_into (buf, LABEL_BUF, heap, _("%s: %s"), (const char *[]) { title, what }, 2);
}

static gboolean
scores_differ (const double *a,
               const double *b,
               guint         n)
{
  for (guint i = 0; i < n; i++)
    if (fabs (a[i] - b[i]) >= 0.005)
      return TRUE;
  return FALSE;
}

/* The candidates: the used catalog numbers with a range (@by_number: each
 * used number's Ref, sc_range_collect_refs_in()), then the profile's
 * assumptions with one. */
static GArray *
candidates (ScCatalog       *catalog,
            const ScProfile *profile,
            const ScResult  *result,
            const RefSet    *by_number)
{
  GPtrArray *used = sc_engine_result_used (result);
  GArray *cands = g_array_sized_new (FALSE, TRUE, sizeof (Cand), (used != NULL ? used->len : 0) + SC_N_FIELDS);

  (void) catalog;
  for (guint i = 0; used != NULL && i < used->len; i++)
    {
      const Ref *ref = by_number->refs[sc_range_ref_set_find (by_number, g_ptr_array_index (used, i))];
      Cand c = { 0 };

      if (ref == NULL || !ref->varied || !ref->number->has_range || ref->number->low == ref->number->high)
        continue;
      c.ref = ref;
      c.platform = ref->platform;
      c.low = ref->number->low;
      c.high = ref->number->high;
      c.integral = ref->is_date || ref->unit == SC_UNIT_DAYS || ref->unit == SC_UNIT_COUNT;
      if (ref->is_date)
        {
          /* The end the result counted to: the window's own. */
          c.central = sc_range_ref_end (ref);
          if (c.central == SC_DAY_NONE)
            continue;
        }
      else
        c.central = ref->number->value;
      g_array_append_val (cands, c);
    }
  for (guint f = 0; f < SC_N_FIELDS; f++)
    {
      const ScProfileValue *v = &profile->values[f];
      Cand c = { 0 };

      if (!v->set || !v->has_range || v->low == v->high)
        continue;
      c.field = (ScField) f;
      c.central = v->number;
      c.low = MIN (v->low, v->number);
      c.high = MAX (v->high, v->number);
      g_array_append_val (cands, c);
    }
  return cands;
}

static int
compare_swing (gconstpointer a,
               gconstpointer b)
{
  const ScRangeDriver *da = *(ScRangeDriver *const *) a, *db = *(ScRangeDriver *const *) b;
  double sa = fabs (da->diff_high - da->diff_low), sb = fabs (db->diff_high - db->diff_low);

  return sa < sb ? 1 : sa > sb ? -1 : strcmp (da->key, db->key);
}

/* Whether a group of each platform's programs has a measure priced by
 * yuan-per-1000-exposures, by cost-of-capital (group_priced_by(); a group
 * can then choose otherwise when it moves): a measure of a group, priced
 * by it, is one. One walk of the catalog for every platform and both. */
static void
walk_group_priced (Eval *ev)
{
  GPtrArray *programs = sc_catalog_get_programs (ev->catalog);

  for (guint i = 0; programs != NULL && i < programs->len; i++)
    {
      const ScProgram *program = g_ptr_array_index (programs, i);
      guint p = platform_index (ev->result, program->platform);

      for (guint k = 0; p != G_MAXUINT && program->measures != NULL && k < program->measures->len; k++)
        {
          const ScMeasure *m = g_ptr_array_index (program->measures, k);

          for (guint e = 0; m->group != NULL && m->effects != NULL && e < m->effects->len; e++)
            {
              const ScEffect *eff = g_ptr_array_index (m->effects, e);

              if (eff->benefit == SC_BENEFIT_TRAFFIC)
                ev->group_priced[p * SC_N_FIELDS + SC_FIELD_YUAN_PER_1000_EXPOSURES] = TRUE;
              if (eff->kind == SC_EFFECT_DEPOSIT || eff->kind == SC_EFFECT_SETTLEMENT)
                ev->group_priced[p * SC_N_FIELDS + SC_FIELD_COST_OF_CAPITAL] = TRUE;
            }
        }
    }
  ev->group_walked = TRUE;
}

/*
 * Platform @p's score with the catalog numbers @ov (of @dirty) and the
 * profile fields @fields moved, without a full evaluation: the numbers by
 * sc_engine_evaluate_delta_set(), then the fields by their linearity
 * (linear_slopes()): score = kept − cash flow + cash flow × coc / coc₀
 * + worth × (tied − traffic value + traffic value × rate / rate₀). FALSE
 * when a field is not linear or a group could choose otherwise.
 */
static gboolean
combined_shortcut (Eval                   *ev,
                   GArray                 *cands,
                   guint                   p,
                   const ScEngineOverride *ov,
                   const gconstpointer    *dirty,
                   guint                   n_ov,
                   const ScField          *fields,
                   const double           *fvalues,
                   guint                   n_f,
                   double                 *scores)
{
  const char *platform = ev->result != NULL
                         ? ((const ScPlatformResult *) g_ptr_array_index (ev->result->platforms, p))->platform : NULL;
  double worth = ev->base != NULL ? ev->base->locked_worth : 0, coc = 1, rate = 1;
  double kept, tied, cf, tv;
  ScPlatformResult pr;

  if (!shortcuts || ev->base == NULL)
    return FALSE;
  for (guint f = 0; f < n_f; f++)
    {
      const Cand *c = NULL;

      for (guint i = 0; i < cands->len && c == NULL; i++)
        if (g_array_index (cands, Cand, i).ref == NULL && g_array_index (cands, Cand, i).field == fields[f])
          c = &g_array_index (cands, Cand, i);
      if (c == NULL || c->slope == NULL)
        return FALSE;
      if (fields[f] == SC_FIELD_LOCKED_VALUE_WORTH)
        {
          worth = fvalues[f];
          continue;
        }
      /* The same for each platform and direction: the catalog walked once. */
      if (!ev->group_walked)
        walk_group_priced (ev);
      if (ev->group_priced[p * SC_N_FIELDS + fields[f]])
        return FALSE;
      if (fields[f] == SC_FIELD_COST_OF_CAPITAL)
        coc = fvalues[f] / c->central;
      else
        rate = fvalues[f] / c->central;
    }
  if (n_ov > 0)
    {
      if (!sc_engine_evaluate_delta_set (ev->base, ov, n_ov, platform, dirty, n_ov, &pr))
        return FALSE;
    }
  else
    {
      guint k;

      for (k = 0; k < ev->base->platforms->len; k++)
        if (g_strcmp0 (((const ScPlatformResult *) g_ptr_array_index (ev->base->platforms, k))->platform, platform) == 0)
          break;
      if (k == ev->base->platforms->len)
        return FALSE;
      pr = *(const ScPlatformResult *) g_ptr_array_index (ev->base->platforms, k);
    }
  kept = sc_totals_kept (pr.totals);
  tied = sc_totals_tied (pr.totals);
  cf = pr.totals[SC_AMOUNT_CASH_FLOW];
  tv = pr.totals[SC_AMOUNT_TRAFFIC_VALUE];
  memcpy (scores, ev->central, sizeof (double) * ev->n);
  scores[p] = kept - cf + cf * coc + worth * (tied - tv + tv * rate);
  ev->n_shortcuts++;
  return TRUE;
}

/* Each platform's lowest and highest score: every assumption that moves it
 * at the end that lowers (raises) it, in one evaluation per platform and
 * direction. */
static void
combine (Eval           *ev,
         GArray         *cands,
         double        **lows,
         double        **highs,
         ScRangeAnalysis *an)
{
  ScEngineOverride *ov = sc_arena_alloc (ev->arena, sizeof (ScEngineOverride) * cands->len);
  ScField *fields = sc_arena_alloc (ev->arena, sizeof (ScField) * cands->len);
  double *fvalues = sc_arena_alloc (ev->arena, sizeof (double) * cands->len);
  gconstpointer *dirty = sc_arena_alloc (ev->arena, sizeof (gconstpointer) * cands->len);
  double *s = sc_arena_alloc (ev->arena, sizeof (double) * ev->n);

  for (guint p = 0; p < ev->n; p++)
    for (int dir = -1; dir <= 1; dir += 2)
      {
        guint n_ov = 0, n_f = 0;

        for (guint i = 0; i < cands->len; i++)
          {
            const Cand *c = &g_array_index (cands, Cand, i);
            double dl = lows[i][p] - ev->central[p], dh = highs[i][p] - ev->central[p];
            double x;

            if (fabs (dl) < 0.005 && fabs (dh) < 0.005)
              continue;
            /* dir −1: the end with the lower score; +1: the higher. */
            x = (dir < 0) == (dl < dh) ? c->low : c->high;
            if (c->ref != NULL)
              {
                dirty[n_ov] = ref_dirty (c->ref);
                ov[n_ov++] = (ScEngineOverride) { c->ref->number, x };
              }
            else
              fields[n_f] = c->field, fvalues[n_f++] = x;
          }
        if (n_ov + n_f == 0)
          continue;
        if (!combined_shortcut (ev, cands, p, ov, dirty, n_ov, fields, fvalues, n_f, s))
          evaluate (ev, ov, n_ov, fields, fvalues, n_f, n_f > 0 ? NULL : an->platforms[p], NULL, NULL, NULL, s);
        if (dir < 0)
          an->low[p] = MIN (an->low[p], s[p]);
        else
          an->high[p] = MAX (an->high[p], s[p]);
      }
}

ScRangeAnalysis *
sc_range_analyse (ScCatalog             *catalog,
                  const ScProfile       *profile,
                  const ScResult        *result,
                  const ScEngineOptions *options)
{
  g_autoptr(GArray) cands = NULL;
  ScRangeAnalysis *an;
  /* Plans, numbers and scratch: a few blocks, dropped at once (a block
   * each was most of the analysis' allocations). The first, on the stack,
   * holds all of it for a profile like the examples: a block from the
   * heap came from its top, and its free could trim the top, the next
   * analysis growing it again with a page fault per page. */
  ScArena arena;
  gint64 first_block[4096];
  ScResult *own_base = NULL;
  Eval ev = { 0 };
  double **lows, **highs, *scores;
  guint n;
  ScFormatCache tr;
  ScFormatCache *saved_tr;

  g_return_val_if_fail (catalog != NULL && profile != NULL && result != NULL, NULL);

  n = result->platforms->len;
  an = g_new0 (ScRangeAnalysis, 1);
  an->lang = g_strdup (options != NULL && options->lang != NULL ? (g_str_has_prefix (options->lang, "zh") ? "zh" : "en")
                                                                : result->lang);
  an->n_platforms = n;
  an->platforms = g_new0 (char *, n + 1);
  an->central = g_new0 (double, 3 * (gsize) MAX (1, n));
  an->low = an->central + MAX (1, n);
  an->high = an->low + MAX (1, n);
  /* Each driver one block of the heap (drivers_to_heap()). */
  an->drivers = g_ptr_array_new_full (32, g_free);
  an->leader = 0;
  an->runner_up = G_MAXUINT;
  an->robust = TRUE;
  for (guint i = 0; i < n; i++)
    {
      const ScPlatformResult *pr = g_ptr_array_index (result->platforms, i);

      an->platforms[i] = g_strdup (pr->platform);
      an->central[i] = an->low[i] = an->high[i] = sc_result_platform_score (result, pr);
    }
  if (n == 0)
    return an;
  an->leader = argmax (an->central, n);
  for (guint i = 0; i < n; i++)
    if (i != an->leader && (an->runner_up == G_MAXUINT || an->central[i] > an->central[an->runner_up]))
      an->runner_up = i;

  ev.catalog = catalog;
  ev.profile = profile;
  ev.result = result;
  if (options != NULL)
    ev.options = *options;
  ev.options.disabled = (const char *const *) result->disabled;
  ev.options.lang = result->lang;
  ev.options.no_reasons = TRUE;
  ev.options.no_series = TRUE;
  ev.options.keep_raw = FALSE;
  ev.options.reuse = NULL;
  ev.options.dirty = NULL;
  ev.n = n;
  ev.central = an->central;
  sc_arena_init (&arena, first_block, sizeof first_block);
  ev.arena = &arena;
  ev.group_priced = sc_arena_alloc (&arena, sizeof (gboolean) * n * SC_N_FIELDS);
  /* The engine's strings are looked up once for the whole analysis, not
   * once per shortcut (an evaluation without reasons uses the caller's
   * cache). */
  memset (&tr, 0, sizeof tr);
  saved_tr = sc_format_cache_get ();
  sc_format_cache_set (&tr);

  /* The central values with each measure kept: the caller's result when
   * it was made so (the window's, a report's), else evaluated here. */
  if (sc_engine_result_is_base (result, catalog, profile) && ev.options.n_overrides == 0 && ev.options.only_platform == NULL)
    ev.base = result;
  else
    {
      ScEngineOptions o = ev.options;

      o.keep_raw = TRUE;
      own_base = sc_engine_evaluate (catalog, profile, &o);
      ev.base = own_base;
    }
  /* Only the numbers the result used can be candidates; the walk gives
   * each its Ref. */
  {
    GPtrArray *used = sc_engine_result_used (result);
    RefSet only;

    sc_range_ref_set_init (&only, used != NULL ? (const gpointer *) used->pdata : NULL, used != NULL ? used->len : 0,
                           &arena);
    /* The programs the numbers were used in hold most of them, if not all. */
    sc_range_collect_refs_in (catalog, &only, sc_engine_result_used_programs (result), &arena);
    cands = candidates (catalog, profile, result, &only);
  }
  /* Each candidate's scores at its low and its high, in one block. */
  lows = sc_arena_alloc (&arena, sizeof (double *) * 2 * MAX (1, cands->len));
  highs = lows + MAX (1, cands->len);
  scores = sc_arena_alloc (&arena, sizeof (double) * 2 * (gsize) n * MAX (1, cands->len));
  for (guint i = 0; i < cands->len; i++)
    {
      Cand *c = &g_array_index (cands, Cand, i);

      c->slope = linear_slopes (&ev, c);
      if (c->ref != NULL && shortcuts)
        {
          gconstpointer dirty = ref_dirty (c->ref);

          c->plan = sc_engine_delta_plan_new_in (&arena, ev.base, c->platform, &dirty, 1);
          c->unmoved = c->plan != NULL ? sc_engine_delta_plan_only_gross (c->plan) : NULL;
        }
    }

  for (guint i = 0; i < cands->len; i++)
    {
      const Cand *c = &g_array_index (cands, Cand, i);
      guint a = an->leader, b = an->runner_up;
      guint w_low, w_high;
      ScRangeDriver *d;

      lows[i] = scores + 2 * (gsize) n * i;
      highs[i] = lows[i] + n;
      /* A number of a platform other than the leading two can only change
       * the verdict by lifting its own platform past the leader. */
      evaluate_at (&ev, c, c->low, lows[i]);
      evaluate_at (&ev, c, c->high, highs[i]);
      for (guint p = 0; p < n; p++)
        {
          an->low[p] = MIN (an->low[p], MIN (lows[i][p], highs[i][p]));
          an->high[p] = MAX (an->high[p], MAX (lows[i][p], highs[i][p]));
        }
      w_low = argmax (lows[i], n);
      w_high = argmax (highs[i], n);
      if (b == G_MAXUINT)
        continue;
      if (!scores_differ (lows[i], an->central, n) && !scores_differ (highs[i], an->central, n))
        continue;
      if (fabs (lows[i][a] - an->central[a]) < 0.005 && fabs (highs[i][a] - an->central[a]) < 0.005
          && fabs (lows[i][b] - an->central[b]) < 0.005 && fabs (highs[i][b] - an->central[b]) < 0.005
          && w_low == a && w_high == a)
        continue;

      {
        char key_buf[LABEL_BUF], label_buf[LABEL_BUF];
        g_autofree char *key_heap = NULL, *label_heap = NULL;
        const char *key = c->ref != NULL ? sc_range_ref_key_into (c->ref, key_buf, sizeof key_buf, &key_heap)
                                         : printf_into (key_buf, sizeof key_buf, &key_heap, "profile:%s",
                                                        (const char *[]) { sc_field_info (c->field)->name }, 1);
        const char *label = candidate_label (c, an->lang, label_buf, &label_heap);
        const char *note = c->ref != NULL ? sc_text_get (&c->ref->number->note, an->lang)
                                          : sc_text_get (&profile->values[c->field].note, an->lang);
        char central[SC_FORMAT_VALUE_BUF], low[SC_FORMAT_VALUE_BUF], high[SC_FORMAT_VALUE_BUF];
        char flip[SC_FORMAT_VALUE_BUF];
        const char *texts[N_TEXTS] = { key, label, note != NULL && *note != '\0' ? note : NULL,
                                       format_value (c, c->central, central), format_value (c, c->low, low),
                                       format_value (c, c->high, high), NULL };
        double flip_value = NAN;

        if (w_low != a || w_high != a)
          {
            gboolean at_low = w_low != a;
            guint other = at_low ? w_low : w_high;
            const double *s = at_low ? lows[i] : highs[i];

            an->robust = FALSE;
            flip_value = find_flip (&ev, c, a, other, c->central, an->central[a] - an->central[other],
                                    at_low ? c->low : c->high, s[a] - s[other]);
            flip_value = round_for (c, flip_value);
            texts[TEXT_FLIP] = format_value (c, flip_value, flip);
          }
        d = driver_new (&arena, n, texts);
        d->flips = texts[TEXT_FLIP] != NULL;
        d->flip_value = flip_value;
      }
      d->is_date = c->ref != NULL && c->ref->is_date;
      d->central = c->central;
      d->low = c->low;
      d->high = c->high;
      memcpy (d->score_low, lows[i], sizeof (double) * n);
      memcpy (d->score_high, highs[i], sizeof (double) * n);
      d->diff_low = lows[i][a] - lows[i][b];
      d->diff_high = highs[i][a] - highs[i][b];
      g_ptr_array_add (an->drivers, d);
    }
  combine (&ev, cands, lows, highs, an);
  g_ptr_array_sort (an->drivers, compare_swing);
  drivers_to_heap (an);

  sc_arena_clear (&arena);
  sc_result_free (own_base);
  sc_format_cache_set (saved_tr);
  /* Not even written when nobody reads it (g_debug() formats first). */
  if (!g_log_writer_default_would_drop (G_LOG_LEVEL_DEBUG, G_LOG_DOMAIN))
    g_debug ("range analysis: %u assumptions, %u evaluations, %u by the shortcut, %u linear", cands->len,
             ev.n_evaluations, ev.n_shortcuts, ev.n_linear);
  return an;
}

/* --- in words ------------------------------------------------------------------------ */

/* The leader as @catalog's baseline names it, else its id. (transfer none) */
static const char *
leader_name (const ScRangeAnalysis *analysis,
             ScCatalog             *catalog)
{
  const char *id = analysis->platforms[analysis->leader];
  const ScBaseline *baseline = catalog != NULL ? sc_catalog_find_baseline (catalog, id) : NULL;

  if (baseline != NULL && *sc_text_get (&baseline->name, analysis->lang) != '\0')
    return sc_text_get (&baseline->name, analysis->lang);
  return id;
}

char *
sc_range_describe (const ScRangeAnalysis *analysis,
                   ScCatalog             *catalog)
{
  GString *out;
  const char *leader;
  guint n_flips = 0;

  g_return_val_if_fail (analysis != NULL, NULL);

  if (analysis->n_platforms < 2 || analysis->runner_up == G_MAXUINT)
    return g_strdup (_("There is only one platform to compare."));
  leader = leader_name (analysis, catalog);
  out = g_string_new (NULL);
  for (guint i = 0; i < analysis->drivers->len; i++)
    if (((const ScRangeDriver *) g_ptr_array_index (analysis->drivers, i))->flips)
      n_flips++;
  if (n_flips == 0)
    {
      /* Translators: a platform id or name */
      g_string_append_printf (out, _("%s is ahead under every assumption in range."), leader);
      return g_string_free (out, FALSE);
    }
  /* Translators: a platform; one assumption per line follows */
  g_string_append_printf (out, _("%s is ahead at the central values, but the winner changes within the range of:"), leader);
  for (guint i = 0; i < analysis->drivers->len; i++)
    {
      const ScRangeDriver *d = g_ptr_array_index (analysis->drivers, i);

      if (!d->flips)
        continue;
      g_string_append_c (out, '\n');
      /* Translators: assumption, its central value, the value where the winner changes, low, high */
      g_string_append_printf (out, _("– %s: %s assumed; the winner changes at %s (range %s to %s)"),
                              d->label, d->central_text, d->flip_text ? d->flip_text : "?", d->low_text, d->high_text);
    }
  return g_string_free (out, FALSE);
}

char *
sc_range_describe_short (const ScRangeAnalysis *analysis,
                         ScCatalog             *catalog)
{
  g_autoptr(GString) names = g_string_new (NULL);
  const char *leader;

  g_return_val_if_fail (analysis != NULL, NULL);

  if (analysis->robust || analysis->runner_up == G_MAXUINT)
    return sc_range_describe (analysis, catalog);
  leader = leader_name (analysis, catalog);
  for (guint i = 0, n = 0; i < analysis->drivers->len; i++)
    {
      const ScRangeDriver *d = g_ptr_array_index (analysis->drivers, i);

      if (!d->flips)
        continue;
      if (names->len > 0)
        /* Translators: between assumptions in a list */
        g_string_append (names, _("; "));
      /* A sentence names the three that swing the most; the reports list all. */
      if (++n > 3)
        {
          g_string_append (names, "…");
          break;
        }
      /* Translators: an assumption and the value at which the winner changes */
      g_string_append_printf (names, _("%s (at %s)"), d->label, d->flip_text ? d->flip_text : "?");
    }
  /* Translators: a platform, then the assumptions that can change the winner */
  return g_strdup_printf (_("%s is ahead at the central values, but the winner can change with: %s."), leader, names->str);
}
