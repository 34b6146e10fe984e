/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-core"

#include "config.h"

#include "sc-verdict.h"

#include "sc-compare.h"
#include "sc-format.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

typedef struct
{
  ScVerdict        pub;
  ScVerdictFormat  format;
} VerdictPriv;

static char *
whole_yuan (double      value,
            const char *lang,
            int         digits)
{
  char buf[64];

  (void) lang;
  (void) digits;
  return g_strdup (sc_format_amount (buf, sizeof buf, value, 0));
}

/* A rounded amount for sentences. (transfer full) */
static char *
about (const ScVerdict *v,
       double           value)
{
  return ((const VerdictPriv *) v)->format (value, v->lang, 3);
}

static gboolean
is_zh (const ScVerdict *v)
{
  return g_str_has_prefix (v->lang, "zh");
}

static int
by_score_desc (gconstpointer a,
               gconstpointer b)
{
  const ScVerdictRank *x = *(const ScVerdictRank *const *) a;
  const ScVerdictRank *y = *(const ScVerdictRank *const *) b;
  double fx = x->kept + x->tied, fy = y->kept + y->tied;

  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  if (fx != fy)
    return fx > fy ? -1 : 1;
  return g_strcmp0 (x->platform->platform, y->platform->platform);
}

/* What the ranking is by, one sentence. (transfer full) */
static char *
basis_text (const ScVerdict *v)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  if (!v->worth_set)
    return g_strdup (_("Ranked by money kept alone: the profile does not say what value tied to the platform "
                       "is worth in cash."));
  if (v->worth <= 0)
    return g_strdup (_("Ranked by money kept alone: value tied to the platform counts for nothing (assumed)."));
  if (v->worth >= 1)
    return g_strdup (_("Ranked by money kept plus value tied to the platform at face value, ¥1 per yuan "
                       "(assumed)."));
  g_ascii_formatd (number, sizeof number, "%.2f", v->worth);
  /* Translators: %s is what one yuan of ad credit, coupons or traffic is
   * worth in cash, "0.50" */
  return g_strdup_printf (_("Ranked by money kept plus value tied to the platform at ¥%s per yuan (assumed)."),
                          number);
}

static gboolean
anything (const ScVerdict *v)
{
  for (guint i = 0; i < v->ranks->len; i++)
    {
      const ScVerdictRank *r = g_ptr_array_index (v->ranks, i);

      if (r->kept + r->tied > 0)
        return TRUE;
    }
  return FALSE;
}

static void
append_leader (GString         *s,
               const ScVerdict *v,
               const ScResult  *result)
{
  const ScVerdictRank *best = g_ptr_array_index (v->ranks, 0);
  g_autofree char *total = about (v, best->kept + best->tied);
  g_autofree char *k = about (v, best->kept);
  g_autofree char *t = about (v, best->tied);
  guint months = result->horizon_months;
  char day[16];

  sc_day_format (result->as_of, day);
  if (!(best->tied >= 0.5))
    /* Translators: the verdict: months, start date, platform, total */
    g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE,
                                            "Over the %u month from %s, %s is worth the most to this merchant: "
                                            "about ¥%s, all of it money the merchant keeps (lower fees, cash, "
                                            "faster settlement).",
                                            "Over the %u months from %s, %s is worth the most to this merchant: "
                                            "about ¥%s, all of it money the merchant keeps (lower fees, cash, "
                                            "faster settlement).", months),
                            months, day, best->name, total);
  else if (!(best->kept >= 0.5))
    /* Translators: the verdict: months, start date, platform, total */
    g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE,
                                            "Over the %u month from %s, %s is worth the most to this merchant: "
                                            "about ¥%s, all of it value tied to the platform (ad credit, coupons, "
                                            "traffic).",
                                            "Over the %u months from %s, %s is worth the most to this merchant: "
                                            "about ¥%s, all of it value tied to the platform (ad credit, coupons, "
                                            "traffic).", months),
                            months, day, best->name, total);
  else
    /* Translators: the verdict: months, start date, platform,
     * total, the part the merchant keeps, the part tied to the platform */
    g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE,
                                            "Over the %u month from %s, %s is worth the most to this merchant: "
                                            "about ¥%s, of which ¥%s is money the merchant keeps (lower fees, cash, "
                                            "faster settlement) and ¥%s is value tied to the platform (ad credit, "
                                            "coupons, traffic).",
                                            "Over the %u months from %s, %s is worth the most to this merchant: "
                                            "about ¥%s, of which ¥%s is money the merchant keeps (lower fees, cash, "
                                            "faster settlement) and ¥%s is value tied to the platform (ad credit, "
                                            "coupons, traffic).", months),
                            months, day, best->name, total, k, t);
}

static void
append_others (GString         *s,
               const ScVerdict *v)
{
  const char *space = is_zh (v) ? "" : " ";
  g_autoptr(GString) nothing = g_string_new (NULL);
  guint n_nothing = 0;

  for (guint i = 1; i < v->ranks->len; i++)
    {
      const ScVerdictRank *p = g_ptr_array_index (v->ranks, i);

      if (p->kept + p->tied > 0)
        {
          g_autofree char *pt = about (v, p->kept + p->tied);
          g_autofree char *pk = about (v, p->kept);
          g_autofree char *pl = about (v, p->tied);

          g_string_append (s, space);
          if (p->tied >= 0.5 && v->worth < 1)
            {
              g_autofree char *ps = about (v, p->score);

              /* Translators: the verdict, for each further platform when value
               * tied to the platform counts for less than its face value:
               * platform, money kept, value tied, the two as ranked */
              g_string_append_printf (s, _("%s follows: ¥%s kept and ¥%s tied to the platform, about ¥%s as ranked."),
                                      p->name, pk, pl, ps);
            }
          else if (!(p->tied >= 0.5))
            /* Translators: the verdict, for each further platform */
            g_string_append_printf (s, _("%s follows with about ¥%s, all of it kept."), p->name, pt);
          else if (!(p->kept >= 0.5))
            /* Translators: the verdict, for each further platform */
            g_string_append_printf (s, _("%s follows with about ¥%s, all of it tied to the platform."), p->name, pt);
          else
            /* Translators: the verdict, for each further platform */
            g_string_append_printf (s, _("%s follows with about ¥%s (¥%s kept, ¥%s tied to the platform)."),
                                    p->name, pt, pk, pl);
        }
      else
        {
          if (n_nothing > 0)
            /* Translators: between platform names in a list */
            g_string_append (nothing, _(", "));
          g_string_append (nothing, p->name);
          n_nothing++;
        }
    }
  if (n_nothing > 0)
    {
      g_string_append (s, space);
      /* Translators: the verdict: a list of platforms */
      g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "%s brings nothing in this period.",
                                              "%s bring nothing in this period.", n_nothing),
                              nothing->str);
    }
}

/* Who would come first by another measure, when that is not the leader. */
static void
append_other_leaders (GString         *s,
                      const ScVerdict *v)
{
  const char *space = is_zh (v) ? "" : " ";
  const ScVerdictRank *face = g_ptr_array_index (v->ranks, v->face_leader);
  const ScVerdictRank *kept = g_ptr_array_index (v->ranks, v->kept_leader);

  if (v->face_leader != 0 && v->worth < 1)
    {
      g_autofree char *f = about (v, face->kept + face->tied);

      g_string_append (s, space);
      /* Translators: the verdict: who would lead if ad credit, coupons and
       * traffic counted one-for-one as cash */
      g_string_append_printf (s, _("Counting value tied to the platform at face value, %s would come first with "
                                   "about ¥%s."),
                              face->name, f);
    }
  if (v->kept_leader != 0 && v->kept_leader != v->face_leader && kept->kept > 0)
    {
      g_autofree char *bk = about (v, kept->kept);

      g_string_append (s, space);
      g_string_append_printf (s, _("Counting only money the merchant keeps, %s comes first with about ¥%s."),
                              kept->name, bk);
    }
}

static char *
words_text (const ScVerdict *v,
            const ScResult  *result)
{
  GString *s = g_string_new (NULL);
  const char *space = is_zh (v) ? "" : " ";
  const ScVerdictRank *best = v->ranks->len > 0 ? g_ptr_array_index (v->ranks, 0) : NULL;
  guint needs = 0, months = result->horizon_months;
  double expected = 0;
  char day[16];

  sc_day_format (result->as_of, day);
  for (guint i = 0; i < result->platforms->len; i++)
    expected += ((const ScPlatformResult *) g_ptr_array_index (result->platforms, i))->expected_totals[SC_AMOUNT_TOTAL_VALUE];
  for (guint i = 0; i < result->programs->len; i++)
    needs += ((const ScProgramResult *) g_ptr_array_index (result->programs, i))->n_needs_info;

  if (best == NULL || !anything (v))
    g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE,
                                            "For this merchant, no program brings any value in the %u month from %s.",
                                            "For this merchant, no program brings any value in the %u months from %s.",
                                            months),
                            months, day);
  else
    {
      if (best->score >= 0.5)
        append_leader (s, v, result);
      else
        /* Translators: the verdict when every platform's value is tied to
         * the platform and the ranking counts money kept alone */
        g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE,
                                                "Ranked this way, no platform brings this merchant anything in the "
                                                "%u month from %s.",
                                                "Ranked this way, no platform brings this merchant anything in the "
                                                "%u months from %s.", months),
                                months, day);
      g_string_append (s, space);
      g_string_append (s, v->basis);
      if (best->score >= 0.5)
        append_others (s, v);
      append_other_leaders (s, v);
    }
  if (expected > 0)
    {
      g_autofree char *e = about (v, expected);

      g_string_append (s, space);
      g_string_append_printf (s, _("About ¥%s more is expected (预计) but not yet in force, and is in no total."), e);
    }
  if (needs > 0)
    {
      g_string_append (s, space);
      g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE,
                                              "%u measure needs information the profile does not give; it is left out until it does.",
                                              "%u measures need information the profile does not give; they are left out until it does.",
                                              needs),
                              needs);
    }
  return g_string_free (s, FALSE);
}

static char *
headline_text (const ScVerdict *v,
               const ScResult  *result)
{
  const ScVerdictRank *best = v->ranks->len > 0 ? g_ptr_array_index (v->ranks, 0) : NULL;
  g_autofree char *k = NULL;
  g_autofree char *t = NULL;
  char day[16];

  if (best == NULL || !anything (v))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "For this merchant, no program brings any value in the %u month from %s.",
                                         "For this merchant, no program brings any value in the %u months from %s.",
                                         result->horizon_months),
                            result->horizon_months, sc_day_format (result->as_of, day));
  k = about (v, best->kept);
  t = about (v, best->tied);
  if (!(best->tied >= 0.5))
    /* Translators: the first line of the Overview's verdict: platform,
     * money kept, then what the ranking is by */
    return g_strdup_printf (_("%s comes first: about ¥%s, all of it money kept. %s"), best->name, k, v->basis);
  if (!(best->kept >= 0.5))
    /* Translators: the first line of the Overview's verdict: platform,
     * value tied to the platform, then what the ranking is by */
    return g_strdup_printf (_("%s comes first: about ¥%s, all of it tied to the platform. %s"), best->name, t,
                            v->basis);
  /* Translators: the first line of the Overview's verdict: platform,
   * money kept, value tied to the platform, then what the ranking is by */
  return g_strdup_printf (_("%s comes first: ¥%s kept, ¥%s tied to the platform. %s"), best->name, k, t, v->basis);
}

ScVerdict *
sc_verdict_new (const ScResult  *result,
                const char      *lang,
                ScVerdictFormat  format)
{
  VerdictPriv *priv;
  ScVerdict *v;

  g_return_val_if_fail (result != NULL, NULL);

  priv = g_new0 (VerdictPriv, 1);
  priv->format = format != NULL ? format : whole_yuan;
  v = &priv->pub;
  v->lang = g_strdup (lang != NULL ? lang : result->lang != NULL ? result->lang : "en");
  v->worth = result->locked_worth;
  v->worth_set = result->locked_worth_set;
  v->ranks = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < result->platforms->len; i++)
    {
      const ScPlatformResult *p = g_ptr_array_index (result->platforms, i);
      ScVerdictRank *r = g_new0 (ScVerdictRank, 1);

      r->platform = p;
      r->name = p->baseline != NULL && (p->baseline->name.zh != NULL || p->baseline->name.en != NULL)
                ? sc_text_get (&p->baseline->name, v->lang) : p->platform;
      r->kept = sc_totals_kept (p->totals);
      r->tied = sc_totals_tied (p->totals);
      r->score = sc_result_platform_score (result, p);
      g_ptr_array_add (v->ranks, r);
    }
  g_ptr_array_sort (v->ranks, by_score_desc);
  for (guint i = 1; i < v->ranks->len; i++)
    {
      const ScVerdictRank *r = g_ptr_array_index (v->ranks, i);
      const ScVerdictRank *f = g_ptr_array_index (v->ranks, v->face_leader);
      const ScVerdictRank *k = g_ptr_array_index (v->ranks, v->kept_leader);

      if (r->kept + r->tied > f->kept + f->tied)
        v->face_leader = i;
      if (r->kept > k->kept)
        v->kept_leader = i;
    }
  v->basis = basis_text (v);
  v->headline = headline_text (v, result);
  v->words = words_text (v, result);
  return v;
}

char *
sc_verdict_platform_line (const ScVerdict *v,
                          const ScResult  *result,
                          guint            rank)
{
  static const struct { ScAmount amount; const char *what; } parts[] = {
    { SC_AMOUNT_FEE_REDUCTION, N_("fee savings") },
    { SC_AMOUNT_CASH, N_("cash") },
    { SC_AMOUNT_AD_CREDIT, N_("ad credit") },
    { SC_AMOUNT_COUPON, N_("coupons") },
    { SC_AMOUNT_TRAFFIC_VALUE, N_("free traffic") },
    { SC_AMOUNT_CASH_FLOW, N_("faster settlement and a lower deposit") },
  };
  const ScVerdictRank *r;
  const ScPlatformResult *p;
  double total;
  guint needs = 0, best = 0;
  g_autofree char *line = NULL;

  g_return_val_if_fail (v != NULL && result != NULL, NULL);
  g_return_val_if_fail (rank < v->ranks->len, NULL);

  r = g_ptr_array_index (v->ranks, rank);
  p = r->platform;
  total = p->totals[SC_AMOUNT_TOTAL_VALUE];
  for (guint i = 0; i < result->programs->len; i++)
    {
      const ScProgramResult *pr = g_ptr_array_index (result->programs, i);
      if (g_strcmp0 (pr->program->platform, p->platform) == 0)
        needs += pr->n_needs_info;
    }
  for (guint i = 1; i < G_N_ELEMENTS (parts); i++)
    if (p->totals[parts[i].amount] > p->totals[parts[best].amount])
      best = i;

  if (total <= 0)
    /* TRANSLATORS: %s is a platform, %u months */
    line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: nothing in %u month for this profile",
                                         "%s: nothing in %u months for this profile",
                                         result->horizon_months),
                            r->name, result->horizon_months);
  else if (r->kept >= 0.5 && r->tied >= 0.5)
    {
      g_autofree char *number = about (v, total);
      g_autofree char *k = about (v, r->kept);
      g_autofree char *t = about (v, r->tied);

      /* TRANSLATORS: "Kuaishou: about ¥7,790 in 12 months (¥2,250 kept,
       * ¥5,540 tied to the platform), mostly ad credit" */
      line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s: about ¥%s in %u month (¥%s kept, ¥%s tied to the platform), mostly %s",
                                           "%s: about ¥%s in %u months (¥%s kept, ¥%s tied to the platform), mostly %s",
                                           result->horizon_months),
                              r->name, number, result->horizon_months, k, t, _(parts[best].what));
    }
  else
    {
      g_autofree char *number = about (v, total);

      /* TRANSLATORS: "Kuaishou: about ¥2,620 in 12 months, mostly ad credit" */
      line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: about ¥%s in %u month, mostly %s",
                                           "%s: about ¥%s in %u months, mostly %s",
                                           result->horizon_months),
                              r->name, number, result->horizon_months, _(parts[best].what));
    }
  if (total > 0 && p->up_to)
    {
      double maxima = 0;

      for (guint i = 0; i < result->measures->len; i++)
        {
          const ScMeasureResult *mr = g_ptr_array_index (result->measures, i);

          if (mr->up_to && g_strcmp0 (mr->program->platform, p->platform) == 0)
            maxima += mr->totals[SC_AMOUNT_TOTAL_VALUE];
        }
      if (maxima > 0)
        {
          g_autofree char *up_to = about (v, maxima);
          /* TRANSLATORS: a platform's verdict, then how much of it the
           * programs promise "up to" (至高): the real amount may be less */
          g_autofree char *more = g_strdup_printf (_("%s, of which ¥%s are “up to” amounts"), line, up_to);

          g_free (line);
          line = g_steal_pointer (&more);
        }
    }
  if (p->expected_totals[SC_AMOUNT_TOTAL_VALUE] > 0)
    {
      g_autofree char *expected = about (v, p->expected_totals[SC_AMOUNT_TOTAL_VALUE]);
      /* TRANSLATORS: a platform's verdict, then the value of measures the
       * sources call expected (预计), which the first amount leaves out */
      g_autofree char *more = g_strdup_printf (_("%s; about ¥%s more if expected measures come into force"),
                                               line, expected);
      g_free (line);
      line = g_steal_pointer (&more);
    }
  if (needs > 0)
    {
      g_autofree char *more =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%u measure needs information)",
                                      "%s (%u measures need information)", needs),
                         line, needs);
      g_free (line);
      line = g_steal_pointer (&more);
    }
  return g_steal_pointer (&line);
}

void
sc_verdict_free (ScVerdict *verdict)
{
  if (verdict == NULL)
    return;
  g_free (verdict->lang);
  g_clear_pointer (&verdict->ranks, g_ptr_array_unref);
  g_free (verdict->basis);
  g_free (verdict->headline);
  g_free (verdict->words);
  g_free ((VerdictPriv *) verdict);
}
