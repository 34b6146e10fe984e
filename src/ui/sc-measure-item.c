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
  const ScSource *source;

  self->status = mr->status;
  self->value = mr->totals[SC_AMOUNT_TOTAL_VALUE];
  self->key = g_strdup_printf ("%s/%s", mr->program->id, mr->measure->id);

  self->texts[SC_MEASURE_COLUMN_PLATFORM] =
    g_strdup (baseline != NULL ? sc_text_get (&baseline->name, lang) : mr->program->platform);
  self->texts[SC_MEASURE_COLUMN_PROGRAM] = g_strdup (sc_text_get (&mr->program->name, lang));
  self->texts[SC_MEASURE_COLUMN_MEASURE] = g_strdup (sc_text_get (&mr->measure->title, lang));
  self->texts[SC_MEASURE_COLUMN_STATUS] = g_strdup (sc_measure_status_label (mr->status));
  if (mr->cut_by_group)
    {
      g_free (self->texts[SC_MEASURE_COLUMN_STATUS]);
      /* TRANSLATORS: a measure that applies but is not counted because another of its group counts */
      self->texts[SC_MEASURE_COLUMN_STATUS] = g_strdup_printf ("%s (%s)", sc_measure_status_label (mr->status),
                                                               _("another counts instead"));
    }

  {
    g_autoptr(GString) reasons = g_string_new (NULL);
    for (guint i = 0; mr->reasons != NULL && i < mr->reasons->len; i++)
      g_string_append_printf (reasons, "%s%s", i > 0 ? "; " : "",
                              (const char *) g_ptr_array_index (mr->reasons, i));
    self->texts[SC_MEASURE_COLUMN_REASON] = g_strdup (reasons->str);
  }

  if (self->value != 0)
    {
      g_autofree char *number = sc_chart_format_number (self->value, lang, 3);
      self->texts[SC_MEASURE_COLUMN_VALUE] = g_strdup_printf ("%s¥%s%s", mr->up_to ? "≤ " : "",
                                                              number,
                                                              (mr->basis & SC_BASIS_ASSUMED) ? " *" : "");
    }
  else
    self->texts[SC_MEASURE_COLUMN_VALUE] = g_strdup ("–");

  for (guint i = 0; i < G_N_ELEMENTS (money); i++)
    if (mr->totals[money[i]] != 0)
      append_money (categories, sc_amount_label (money[i]), mr->totals[money[i]], lang);
  if (mr->totals[SC_AMOUNT_TRAFFIC_EXPOSURES] != 0)
    {
      g_autofree char *number = sc_chart_format_number (mr->totals[SC_AMOUNT_TRAFFIC_EXPOSURES], lang, 3);
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

  if (a->status != b->status || a->value != b->value || g_strcmp0 (a->key, b->key) != 0)
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
