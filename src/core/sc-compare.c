/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-core"

#include "config.h"

#include "sc-compare.h"

#include <string.h>

/* The same split as the client report's "Money kept" and "Tied to the platform". */
const ScAmount sc_kept_amounts[SC_N_KEPT_AMOUNTS] = { SC_AMOUNT_FEE_REDUCTION, SC_AMOUNT_CASH, SC_AMOUNT_CASH_FLOW };
const ScAmount sc_tied_amounts[SC_N_TIED_AMOUNTS] = { SC_AMOUNT_AD_CREDIT, SC_AMOUNT_COUPON, SC_AMOUNT_TRAFFIC_VALUE };

static double
sum_amounts (const double   *totals,
             const ScAmount *amounts,
             guint           n)
{
  double sum = 0;

  for (guint i = 0; i < n; i++)
    sum += totals[amounts[i]];
  return sum;
}

double
sc_totals_kept (const double *totals)
{
  return sum_amounts (totals, sc_kept_amounts, SC_N_KEPT_AMOUNTS);
}

double
sc_totals_tied (const double *totals)
{
  return sum_amounts (totals, sc_tied_amounts, SC_N_TIED_AMOUNTS);
}

double
sc_compare_diff (const double *values)
{
  return values[1] - values[0];
}

static void
platform_free (gpointer data)
{
  ScComparePlatform *p = data;

  g_free (p->platform);
  g_free (p->name);
  g_free (p);
}

static void
change_free (gpointer data)
{
  ScCompareChange *c = data;

  g_free (c->platform);
  g_free (c->program_id);
  g_free (c->measure_id);
  g_free (c->program_name);
  g_free (c->measure_name);
  g_free (c);
}

void
sc_compare_free (ScCompare *compare)
{
  if (compare == NULL)
    return;
  g_free (compare->lang);
  for (guint i = 0; i < SC_COMPARE_N; i++)
    {
      g_free (compare->names[i]);
      g_free (compare->files[i]);
    }
  g_clear_pointer (&compare->platforms, g_ptr_array_unref);
  g_clear_pointer (&compare->changes, g_ptr_array_unref);
  g_free (compare);
}

static ScComparePlatform *
find_or_add_platform (ScCompare  *compare,
                      ScCatalog  *catalog,
                      const char *platform)
{
  const ScBaseline *baseline;
  ScComparePlatform *p;

  for (guint i = 0; i < compare->platforms->len; i++)
    {
      p = g_ptr_array_index (compare->platforms, i);
      if (g_str_equal (p->platform, platform))
        return p;
    }
  p = g_new0 (ScComparePlatform, 1);
  p->platform = g_strdup (platform);
  baseline = catalog != NULL ? sc_catalog_find_baseline (catalog, platform) : NULL;
  p->name = g_strdup (baseline != NULL && (baseline->name.zh != NULL || baseline->name.en != NULL)
                      ? sc_text_get (&baseline->name, compare->lang) : platform);
  g_ptr_array_add (compare->platforms, p);
  return p;
}

static int
by_platform_id (gconstpointer a,
                gconstpointer b)
{
  const ScComparePlatform *pa = *(const ScComparePlatform *const *) a;
  const ScComparePlatform *pb = *(const ScComparePlatform *const *) b;

  return strcmp (pa->platform, pb->platform);
}

static void
add_changes (ScCompare      *compare,
             const ScResult *ra,
             const ScResult *rb)
{
  for (guint i = 0; i < ra->measures->len; i++)
    {
      const ScMeasureResult *ma = g_ptr_array_index (ra->measures, i);
      const ScMeasureResult *mb = sc_result_find_measure (rb, ma->program->id, ma->measure->id);
      ScCompareChange *c;

      if (mb == NULL || mb->status == ma->status)
        continue;
      c = g_new0 (ScCompareChange, 1);
      c->platform = g_strdup (ma->program->platform);
      c->program_id = g_strdup (ma->program->id);
      c->measure_id = g_strdup (ma->measure->id);
      c->program_name = g_strdup (sc_text_get (&ma->program->name, compare->lang));
      c->measure_name = g_strdup (sc_text_get (&ma->measure->title, compare->lang));
      c->status[0] = ma->status;
      c->status[1] = mb->status;
      g_ptr_array_add (compare->changes, c);
    }
}

ScCompare *
sc_compare_new (ScCatalog       *catalog,
                const ScProfile *a,
                const ScResult  *ra,
                const ScProfile *b,
                const ScResult  *rb,
                const char      *lang)
{
  const ScProfile *profiles[SC_COMPARE_N] = { a, b };
  const ScResult *results[SC_COMPARE_N] = { ra, rb };
  ScCompare *compare;

  g_return_val_if_fail (a != NULL && b != NULL && ra != NULL && rb != NULL, NULL);

  compare = g_new0 (ScCompare, 1);
  compare->lang = g_strdup (lang != NULL ? lang : ra->lang != NULL ? ra->lang : "en");
  compare->platforms = g_ptr_array_new_with_free_func (platform_free);
  compare->changes = g_ptr_array_new_with_free_func (change_free);
  for (guint s = 0; s < SC_COMPARE_N; s++)
    {
      const ScResult *r = results[s];

      compare->names[s] = g_strdup (sc_profile_get_name (profiles[s], compare->lang));
      compare->files[s] = g_strdup (profiles[s]->path);
      compare->as_of[s] = r->as_of;
      compare->horizon_months[s] = r->horizon_months;
      for (guint i = 0; i < r->platforms->len; i++)
        {
          const ScPlatformResult *pr = g_ptr_array_index (r->platforms, i);
          ScComparePlatform *p = find_or_add_platform (compare, catalog, pr->platform);

          p->present[s] = TRUE;
          p->total[s] = pr->totals[SC_AMOUNT_TOTAL_VALUE];
          p->kept[s] = sc_totals_kept (pr->totals);
          p->tied[s] = sc_totals_tied (pr->totals);
          p->expected[s] = pr->expected_totals[SC_AMOUNT_TOTAL_VALUE];
          p->assumed[s] = (pr->basis & SC_BASIS_ASSUMED) != 0;
        }
    }
  g_ptr_array_sort (compare->platforms, by_platform_id);
  add_changes (compare, ra, rb);
  return compare;
}

ScCompare *
sc_compare_documents (ScDocument *a,
                      ScDocument *b)
{
  const ScResult *ra, *rb;

  g_return_val_if_fail (SC_IS_DOCUMENT (a) && SC_IS_DOCUMENT (b), NULL);

  ra = sc_document_get_result (a);
  rb = sc_document_get_result (b);
  return sc_compare_new (sc_document_get_catalog (a), sc_document_get_profile (a), ra,
                         sc_document_get_profile (b), rb, sc_lang_to_code (sc_document_get_lang (a)));
}
