/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-ui"

#include "config.h"

#include "sc-measure-item.h"

#include <glib/gi18n.h>

#include "sc-chart-format.h"

struct _ScMeasureItem
{
  GObject          parent_instance;

  char            *texts[SC_MEASURE_N_COLUMNS];
  char            *details[SC_MEASURE_N_DETAILS];
  char            *key;
  ScMeasureStatus  status;
  double           value;
  gboolean         expected;
};

G_DEFINE_FINAL_TYPE (ScMeasureItem, sc_measure_item, G_TYPE_OBJECT)

static void
sc_measure_item_finalize (GObject *object)
{
  ScMeasureItem *self = SC_MEASURE_ITEM (object);

  for (guint i = 0; i < SC_MEASURE_N_COLUMNS; i++)
    g_free (self->texts[i]);
  for (guint i = 0; i < SC_MEASURE_N_DETAILS; i++)
    g_free (self->details[i]);
  g_free (self->key);

  G_OBJECT_CLASS (sc_measure_item_parent_class)->finalize (object);
}

static void
sc_measure_item_class_init (ScMeasureItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sc_measure_item_finalize;
}

static void
sc_measure_item_init (ScMeasureItem *self)
{
}

const char *
sc_measure_status_icon (ScMeasureStatus status)
{
  switch (status)
    {
    case SC_MEASURE_ELIGIBLE: return "emblem-ok-symbolic";
    case SC_MEASURE_NOT_ELIGIBLE: return "window-close-symbolic";
    /* A pencil: the profile has a field to fill in. A question mark in
     * a diamond read as a missing glyph (issue 11). */
    case SC_MEASURE_NEEDS_INFO: return "document-edit-symbolic";
    case SC_MEASURE_NOT_QUANTIFIED: return "view-list-bullet-symbolic";
    default: return "document-edit-symbolic";
    }
}

/* Between the items of a list in one cell: "; ", in Chinese the full-width "；". */
static const char *
list_separator (void)
{
  /* TRANSLATORS: between two notes or reasons shown in one line */
  return _("; ");
}

/* Between the words of an enumeration: ", ", in Chinese the enumeration
 * comma "、". */
static const char *
enum_separator (void)
{
  /* TRANSLATORS: between the items of a short list ("stated, assumed") */
  return _(", ");
}

static void
append_money (GString    *s,
              const char *label,
              double      value,
              const char *lang)
{
  g_autofree char *number = sc_chart_format_number (value, lang, 3);

  if (s->len > 0)
    g_string_append (s, " · ");
  g_string_append_printf (s, "%s ¥%s", label, number);
}

static const char *
basis_word (ScBasis basis)
{
  if (basis & SC_BASIS_ASSUMED)
    return _("assumed");
  if (basis & SC_BASIS_PROFILE)
    return _("from your profile");
  if (basis & SC_BASIS_EXPECTED)
    return _("expected (预计)");
  return _("stated");
}

/* One line per number the measure's effects give: what it is, its value,
 * its basis and, for an assumption, the note that explains it. */
static char *
numbers_text (const ScMeasure *measure,
              const char      *lang)
{
  static const struct
  {
    const char *label;
    gsize       offset;
    gboolean    fraction;
  } numbers[] = {
    { N_("Amount"), G_STRUCT_OFFSET (ScEffect, amount), FALSE },
    { N_("Rate"), G_STRUCT_OFFSET (ScEffect, rate), TRUE },
    { N_("Share waived"), G_STRUCT_OFFSET (ScEffect, share), TRUE },
    { N_("Share after the waiver"), G_STRUCT_OFFSET (ScEffect, discount_after), TRUE },
    { N_("Days"), G_STRUCT_OFFSET (ScEffect, days), FALSE },
    { N_("Orders at most"), G_STRUCT_OFFSET (ScEffect, max_orders), FALSE },
    { N_("Total at most"), G_STRUCT_OFFSET (ScEffect, max_total), FALSE },
    { N_("Deposit"), G_STRUCT_OFFSET (ScEffect, deposit), FALSE },
    { N_("Settlement days"), G_STRUCT_OFFSET (ScEffect, settlement_days), FALSE },
    { N_("Exposures per unit"), G_STRUCT_OFFSET (ScEffect, exposures_per_unit), FALSE },
  };
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint e = 0; measure->effects != NULL && e < measure->effects->len; e++)
    {
      const ScEffect *effect = g_ptr_array_index (measure->effects, e);

      for (guint n = 0; n < G_N_ELEMENTS (numbers); n++)
        {
          const ScNumber *number = G_STRUCT_MEMBER_P (effect, numbers[n].offset);
          g_autofree char *value = NULL;
          const char *note;

          if (!number->set)
            continue;
          value = numbers[n].fraction
            ? g_strdup_printf ("%g%%", number->value * 100)
            : sc_chart_format_number (number->value, lang, 4);
          if (s->len > 0)
            g_string_append_c (s, '\n');
          /* TRANSLATORS: a number of a measure and its basis: "Amount: 1,000 (stated)" */
          g_string_append_printf (s, _("%s: %s%s (%s)"), _(numbers[n].label),
                                  effect->up_to && numbers[n].offset == G_STRUCT_OFFSET (ScEffect, amount) ? "≤ " : "",
                                  value, basis_word (number->basis));
          note = sc_text_get (&number->note, lang);
          if (note != NULL && *note != '\0')
            g_string_append_printf (s, " — %s", note);
        }
      for (guint t = 0; effect->tiers != NULL && t < effect->tiers->len; t++)
        {
          const ScTier *tier = g_ptr_array_index (effect->tiers, t);
          g_autofree char *threshold = sc_chart_format_number (tier->threshold.value, lang, 4);
          g_autofree char *reward = sc_chart_format_number (tier->reward.value, lang, 4);

          if (s->len > 0)
            g_string_append_c (s, '\n');
          if (effect->kind == SC_EFFECT_RANK)
            /* TRANSLATORS: a leaderboard tier: "Top 100 → 2,000 (stated)" */
            g_string_append_printf (s, _("Top %s → %s (%s)"), threshold, reward, basis_word (tier->reward.basis));
          else
            /* TRANSLATORS: a reward tier: "From 20k → 500 (assumed)" */
            g_string_append_printf (s, _("From %s → %s (%s)"), threshold, reward, basis_word (tier->reward.basis));
        }
    }
  return g_strdup (s->str);
}

ScMeasureItem *
sc_measure_item_new (ScCatalog             *catalog,
                     const ScMeasureResult *mr,
                     const char            *lang)
{
  static const ScAmount money[] = {
    SC_AMOUNT_FEE_REDUCTION, SC_AMOUNT_CASH, SC_AMOUNT_AD_CREDIT, SC_AMOUNT_COUPON,
    SC_AMOUNT_TRAFFIC_VALUE, SC_AMOUNT_CASH_FLOW,
  };
  ScMeasureItem *self = g_object_new (SC_TYPE_MEASURE_ITEM, NULL);
  const ScBaseline *baseline = sc_catalog_find_baseline (catalog, mr->program->platform);
  g_autoptr(GString) categories = g_string_new (NULL);
  g_autoptr(GString) basis = g_string_new (NULL);
  g_autoptr(GString) notes = g_string_new (NULL);
  /* An expected measure's value is shown, marked, but never as confirmed
   * money: it does not sort among the values in force. */
  const double *values = mr->expected ? mr->expected_totals : mr->totals;
  double shown;
  const ScSource *source;

  self->status = mr->status;
  self->value = mr->totals[SC_AMOUNT_TOTAL_VALUE];
  self->expected = mr->expected;
  self->key = g_strdup_printf ("%s/%s", mr->program->id, mr->measure->id);

  self->texts[SC_MEASURE_COLUMN_PLATFORM] =
    g_strdup (baseline != NULL ? sc_text_get (&baseline->name, lang) : mr->program->platform);
  self->texts[SC_MEASURE_COLUMN_PROGRAM] = g_strdup (sc_text_get (&mr->program->name, lang));
  self->texts[SC_MEASURE_COLUMN_MEASURE] = g_strdup (sc_text_get (&mr->measure->title, lang));
  if (mr->cut_by_group)
    /* TRANSLATORS: a measure that applies but is not counted because another of its group counts */
    g_string_append (notes, _("another counts instead"));
  if (mr->expected)
    {
      char day[16];

      if (notes->len > 0)
        g_string_append (notes, list_separator ());
      if (mr->expected_from != SC_DAY_NONE)
        /* TRANSLATORS: after a measure's status: the source calls it 预计 (expected), from this day */
        g_string_append_printf (notes, _("expected from %s, not yet in force"), sc_day_format (mr->expected_from, day));
      else
        g_string_append (notes, _("expected, not yet in force"));
    }
  if (notes->len > 0)
    /* TRANSLATORS: a measure's status and notes on it: "Eligible (another counts instead)" */
    self->texts[SC_MEASURE_COLUMN_STATUS] = g_strdup_printf (_("%s (%s)"), sc_measure_status_label (mr->status), notes->str);
  else
    self->texts[SC_MEASURE_COLUMN_STATUS] = g_strdup (sc_measure_status_label (mr->status));

  {
    g_autoptr(GString) reasons = g_string_new (NULL);
    GPtrArray *lines = sc_measure_result_get_reasons (mr);

    for (guint i = 0; i < lines->len; i++)
      g_string_append_printf (reasons, "%s%s", i > 0 ? list_separator () : "",
                              (const char *) g_ptr_array_index (lines, i));
    self->texts[SC_MEASURE_COLUMN_REASON] = g_strdup (reasons->str);
  }

  shown = values[SC_AMOUNT_TOTAL_VALUE];
  if (shown != 0)
    {
      g_autofree char *number = sc_chart_format_number (shown, lang, 3);
      g_autofree char *money_text = g_strdup_printf ("%s¥%s%s", mr->up_to ? "≤ " : "", number,
                                                     (mr->basis & SC_BASIS_ASSUMED) ? " *" : "");

      if (mr->expected)
        /* TRANSLATORS: the value of a measure the source calls 预计, kept out of every total: "¥500 (expected)" */
        self->texts[SC_MEASURE_COLUMN_VALUE] = g_strdup_printf (_("%s (expected)"), money_text);
      else
        self->texts[SC_MEASURE_COLUMN_VALUE] = g_steal_pointer (&money_text);
    }
  else
    self->texts[SC_MEASURE_COLUMN_VALUE] = g_strdup ("–");

  for (guint i = 0; i < G_N_ELEMENTS (money); i++)
    if (values[money[i]] != 0)
      append_money (categories, sc_amount_label (money[i]), values[money[i]], lang);
  if (values[SC_AMOUNT_TRAFFIC_EXPOSURES] != 0)
    {
      g_autofree char *number = sc_chart_format_number (values[SC_AMOUNT_TRAFFIC_EXPOSURES], lang, 3);
      if (categories->len > 0)
        g_string_append (categories, " · ");
      g_string_append_printf (categories, _("%s exposures"), number);
    }
  self->texts[SC_MEASURE_COLUMN_CATEGORIES] = g_strdup (categories->str);

  if (mr->basis & SC_BASIS_STATED)
    g_string_append (basis, _("stated"));
  if (mr->basis & SC_BASIS_ASSUMED)
    g_string_append_printf (basis, "%s%s", basis->len ? enum_separator () : "", _("assumed"));
  if (mr->basis & SC_BASIS_PROFILE)
    g_string_append_printf (basis, "%s%s", basis->len ? enum_separator () : "", _("from your profile"));
  if (mr->basis & SC_BASIS_EXPECTED)
    /* TRANSLATORS: a basis of a measure's numbers: the source calls it 预计 */
    g_string_append_printf (basis, "%s%s", basis->len ? enum_separator () : "", _("expected (预计)"));
  self->texts[SC_MEASURE_COLUMN_BASIS] = g_strdup (basis->str);

  source = mr->measure->source;
  if (mr->measure->quote != NULL)
    self->texts[SC_MEASURE_COLUMN_SOURCE] =
      source != NULL ? g_strdup_printf ("“%s” — %s", mr->measure->quote, sc_text_get (&source->title, lang))
                     : g_strdup_printf ("“%s”", mr->measure->quote);
  else
    self->texts[SC_MEASURE_COLUMN_SOURCE] = g_strdup (source ? sc_text_get (&source->title, lang) : "");

  self->details[SC_MEASURE_DETAIL_SUMMARY] = g_strdup (sc_text_get (&mr->measure->summary, lang));
  self->details[SC_MEASURE_DETAIL_QUOTE] = g_strdup (mr->measure->quote);
  if (source != NULL)
    {
      g_autoptr(GString) cite = g_string_new (sc_text_get (&source->title, lang));
      char date[16];

      if (source->publisher != NULL && *source->publisher != '\0')
        g_string_append_printf (cite, " · %s", source->publisher);
      if (source->published != SC_DAY_NONE)
        g_string_append_printf (cite, " · %s", sc_day_format (source->published, date));
      self->details[SC_MEASURE_DETAIL_SOURCE] = g_strdup (cite->str);
      self->details[SC_MEASURE_DETAIL_URL] = g_strdup (source->url);
    }
  self->details[SC_MEASURE_DETAIL_NUMBERS] = numbers_text (mr->measure, lang);

  for (guint i = 0; i < SC_MEASURE_N_COLUMNS; i++)
    if (self->texts[i] == NULL)
      self->texts[i] = g_strdup ("");
  for (guint i = 0; i < SC_MEASURE_N_DETAILS; i++)
    if (self->details[i] == NULL)
      self->details[i] = g_strdup ("");
  return self;
}

gboolean
sc_measure_item_equal (ScMeasureItem *a,
                       ScMeasureItem *b)
{
  g_return_val_if_fail (SC_IS_MEASURE_ITEM (a) && SC_IS_MEASURE_ITEM (b), FALSE);

  if (a->status != b->status || a->value != b->value || a->expected != b->expected
      || g_strcmp0 (a->key, b->key) != 0)
    return FALSE;
  for (guint i = 0; i < SC_MEASURE_N_COLUMNS; i++)
    if (g_strcmp0 (a->texts[i], b->texts[i]) != 0)
      return FALSE;
  for (guint i = 0; i < SC_MEASURE_N_DETAILS; i++)
    if (g_strcmp0 (a->details[i], b->details[i]) != 0)
      return FALSE;
  return TRUE;
}

const char *
sc_measure_item_get_text (ScMeasureItem   *self,
                          ScMeasureColumn  column)
{
  g_return_val_if_fail (SC_IS_MEASURE_ITEM (self), NULL);
  g_return_val_if_fail (column < SC_MEASURE_N_COLUMNS, NULL);
  return self->texts[column];
}

const char *
sc_measure_item_get_detail (ScMeasureItem   *self,
                            ScMeasureDetail  detail)
{
  g_return_val_if_fail (SC_IS_MEASURE_ITEM (self), NULL);
  g_return_val_if_fail (detail < SC_MEASURE_N_DETAILS, NULL);
  return self->details[detail];
}

ScMeasureStatus
sc_measure_item_get_status (ScMeasureItem *self)
{
  g_return_val_if_fail (SC_IS_MEASURE_ITEM (self), SC_MEASURE_NOT_ELIGIBLE);
  return self->status;
}

gboolean
sc_measure_item_get_expected (ScMeasureItem *self)
{
  g_return_val_if_fail (SC_IS_MEASURE_ITEM (self), FALSE);
  return self->expected;
}

double
sc_measure_item_get_value (ScMeasureItem *self)
{
  g_return_val_if_fail (SC_IS_MEASURE_ITEM (self), 0);
  return self->value;
}

const char *
sc_measure_item_get_key (ScMeasureItem *self)
{
  g_return_val_if_fail (SC_IS_MEASURE_ITEM (self), NULL);
  return self->key;
}
