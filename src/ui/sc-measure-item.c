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
    case SC_MEASURE_NEEDS_INFO: return "dialog-question-symbolic";
    case SC_MEASURE_NOT_QUANTIFIED: return "view-list-bullet-symbolic";
    default: return "dialog-question-symbolic";
    }
}

/* Between the items of a list in one cell: "; ", in Chinese the full-width "；". */
static const char *
list_separator (void)
{
  /* TRANSLATORS: between two notes or reasons shown in one line */
  return _("; ");
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
    for (guint i = 0; mr->reasons != NULL && i < mr->reasons->len; i++)
      g_string_append_printf (reasons, "%s%s", i > 0 ? list_separator () : "",
                              (const char *) g_ptr_array_index (mr->reasons, i));
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
    g_string_append_printf (basis, "%s%s", basis->len ? ", " : "", _("assumed"));
  if (mr->basis & SC_BASIS_PROFILE)
    g_string_append_printf (basis, "%s%s", basis->len ? ", " : "", _("from your profile"));
  if (mr->basis & SC_BASIS_EXPECTED)
    /* TRANSLATORS: a basis of a measure's numbers: the source calls it 预计 */
    g_string_append_printf (basis, "%s%s", basis->len ? ", " : "", _("expected (预计)"));
  self->texts[SC_MEASURE_COLUMN_BASIS] = g_strdup (basis->str);

  source = mr->measure->source;
  if (mr->measure->quote != NULL)
    self->texts[SC_MEASURE_COLUMN_SOURCE] =
      source != NULL ? g_strdup_printf ("“%s” — %s", mr->measure->quote, sc_text_get (&source->title, lang))
                     : g_strdup_printf ("“%s”", mr->measure->quote);
  else
    self->texts[SC_MEASURE_COLUMN_SOURCE] = g_strdup (source ? sc_text_get (&source->title, lang) : "");

  for (guint i = 0; i < SC_MEASURE_N_COLUMNS; i++)
    if (self->texts[i] == NULL)
      self->texts[i] = g_strdup ("");
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
