/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-ui"

#include "config.h"

#include "sc-baselines-group.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sc-field.h"
#include "sc-scroll-guard.h"

typedef struct
{
  ScBaselinesGroup *self;
  char             *platform;
  ScFee             fee;
  char             *category;
  GtkCheckButton   *given;
  GtkSpinButton    *spin;
  double            baseline;
} OverrideRow;

struct _ScBaselinesGroup
{
  AdwPreferencesGroup  parent_instance;

  ScDocument          *document;
  GPtrArray           *baseline_rows;     /* GtkWidget* rows of this group */
  GPtrArray           *overrides;         /* OverrideRow* */
  gboolean             loading;
};

G_DEFINE_FINAL_TYPE (ScBaselinesGroup, sc_baselines_group, ADW_TYPE_PREFERENCES_GROUP)

char *
sc_assumption_subtitle (const char *note)
{
  /* Translators: the badge before the note of a number no source states. */
  const char *word = _("Assumption");
  g_autofree char *escaped = NULL;

  if (g_str_has_prefix (note, word))
    {
      escaped = g_markup_escape_text (note + strlen (word), -1);
      return g_strdup_printf ("<b>%s</b>%s", word, escaped);
    }
  escaped = g_markup_escape_text (note, -1);
  return g_strdup_printf ("<b>%s</b>%s%s", word, *escaped ? _(" · ") : "", escaped);
}

static const char *
fee_label (ScFee fee)
{
  switch (fee)
    {
    case SC_FEE_COMMISSION: return _("Commission rate");
    case SC_FEE_RETURN_SHIPPING: return _("Return-shipping fee per order");
    case SC_FEE_PROMOTION: return _("Promotion fee rate");
    case SC_FEE_DEPOSIT: return _("Deposit");
    case SC_FEE_SETTLEMENT_DAYS: return _("Settlement after receipt");
    case SC_N_FEES:
    default: return "";
    }
}

static gboolean
fee_is_rate (ScFee fee)
{
  return fee == SC_FEE_COMMISSION || fee == SC_FEE_PROMOTION;
}

static const char *
fee_unit (ScFee fee)
{
  if (fee_is_rate (fee))
    return "%";
  if (fee == SC_FEE_SETTLEMENT_DAYS)
    return _("days");
  return _("yuan");
}

static void
override_row_free (OverrideRow *or)
{
  g_free (or->platform);
  g_free (or->category);
  g_free (or);
}

static void
override_apply (OverrideRow *or)
{
  ScDocument *document = or->self->document;
  double scale = fee_is_rate (or->fee) ? 100.0 : 1.0;

  if (gtk_check_button_get_active (or->given))
    sc_document_set_override (document, or->platform, or->fee, or->category,
                              gtk_spin_button_get_value (or->spin) / scale, NULL);
  else
    sc_document_remove_override (document, or->platform, or->fee, or->category);
  gtk_widget_set_opacity (GTK_WIDGET (or->spin), gtk_check_button_get_active (or->given) ? 1.0 : 0.55);
}

static void
override_toggled_cb (GtkCheckButton *check,
                     OverrideRow    *or)
{
  if (or->self->loading)
    return;
  if (!gtk_check_button_get_active (check))
    {
      gboolean loading = or->self->loading;
      or->self->loading = TRUE;
      gtk_spin_button_set_value (or->spin, or->baseline * (fee_is_rate (or->fee) ? 100.0 : 1.0));
      or->self->loading = loading;
    }
  override_apply (or);
}

static void
override_value_cb (GtkSpinButton *spin,
                   OverrideRow   *or)
{
  if (or->self->loading)
    return;
  or->self->loading = TRUE;
  gtk_check_button_set_active (or->given, TRUE);
  or->self->loading = FALSE;
  override_apply (or);
}

/* Whether @item is the one shown for @category (a category's own rate wins
 * over the platform-wide one). */
static gboolean
baseline_item_shown (const ScBaseline     *baseline,
                     const ScBaselineItem *item,
                     const char           *category)
{
  if (item->category != NULL && g_strcmp0 (item->category, category) != 0)
    return FALSE;
  if (item->category == NULL)
    for (guint j = 0; j < baseline->items->len; j++)
      {
        const ScBaselineItem *other = g_ptr_array_index (baseline->items, j);
        if (other->fee == item->fee && other->category != NULL
            && g_strcmp0 (other->category, category) == 0)
          return FALSE;
      }
  return TRUE;
}

/* The rows of one platform's fees, made when its expander is first opened:
 * each has a three-line note, and measuring those notes was a third of the
 * work before the first frame. */
static void
populate_baseline (ScBaselinesGroup *self,
                   AdwExpanderRow   *expander,
                   const ScBaseline *baseline)
{
  const ScProfile *profile = sc_document_get_profile (self->document);
  const char *category = sc_profile_get_choice (profile, SC_FIELD_CATEGORY);
  const char *lang = sc_lang_current ();
  gboolean loading = self->loading;

  self->loading = TRUE;
  for (guint i = 0; i < baseline->items->len; i++)
    {
      const ScBaselineItem *item = g_ptr_array_index (baseline->items, i);
      const ScProfileOverride *ov;
      OverrideRow *or;
      GtkWidget *row, *box, *u;
      g_autofree char *title = NULL;
      double scale = fee_is_rate (item->fee) ? 100.0 : 1.0;

      if (!baseline_item_shown (baseline, item, category))
        continue;

      or = g_new0 (OverrideRow, 1);
      or->self = self;
      or->platform = g_strdup (baseline->platform);
      or->fee = item->fee;
      or->category = g_strdup (item->category);
      or->baseline = item->value.value;
      g_ptr_array_add (self->overrides, or);

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), TRUE);
      if (item->category != NULL)
        title = g_strdup_printf ("%s (%s)", fee_label (item->fee),
                                 sc_field_choice_label (SC_FIELD_CATEGORY, item->category));
      else
        title = g_strdup (fee_label (item->fee));
      {
        g_autofree char *title_markup = g_markup_escape_text (title, -1);
        g_autofree char *subtitle = sc_assumption_subtitle (sc_text_get (&item->value.note, lang));

        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title_markup);
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
        gtk_widget_set_tooltip_text (row, _("Not from any program or platform: your own estimate"));
      }

      or->given = GTK_CHECK_BUTTON (gtk_check_button_new ());
      gtk_widget_set_valign (GTK_WIDGET (or->given), GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (GTK_WIDGET (or->given), _("Use my own value"));
      {
        g_autofree char *a11y = g_strdup_printf (_("Override %s"), title);
        gtk_accessible_update_property (GTK_ACCESSIBLE (or->given),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
      }
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), GTK_WIDGET (or->given));

      or->spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, fee_is_rate (item->fee) ? 100 : item->fee == SC_FEE_SETTLEMENT_DAYS ? 3650 : 1e9,
                                                                  fee_is_rate (item->fee) ? 0.1 : 1));
      gtk_spin_button_set_digits (or->spin, fee_is_rate (item->fee) ? 2 : item->fee == SC_FEE_SETTLEMENT_DAYS ? 0 : 2);
      gtk_editable_set_width_chars (GTK_EDITABLE (or->spin), 7);
      gtk_widget_set_valign (GTK_WIDGET (or->spin), GTK_ALIGN_CENTER);
      sc_scroll_guard_attach (GTK_WIDGET (or->spin));
      gtk_accessible_update_property (GTK_ACCESSIBLE (or->spin),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);

      ov = sc_profile_find_override (profile, baseline->platform, item->fee, item->category);
      gtk_spin_button_set_value (or->spin, (ov ? ov->value : item->value.value) * scale);
      gtk_check_button_set_active (or->given, ov != NULL);
      gtk_widget_set_opacity (GTK_WIDGET (or->spin), ov != NULL ? 1.0 : 0.55);

      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (or->spin));
      u = gtk_label_new (fee_unit (item->fee));
      gtk_widget_add_css_class (u, "dim-label");
      gtk_widget_set_size_request (u, 36, -1);
      gtk_label_set_xalign (GTK_LABEL (u), 0);
      gtk_box_append (GTK_BOX (box), u);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);

      g_signal_connect (or->given, "toggled", G_CALLBACK (override_toggled_cb), or);
      g_signal_connect (or->spin, "value-changed", G_CALLBACK (override_value_cb), or);
      adw_expander_row_add_row (expander, row);
    }
  self->loading = loading;
}

static void
baseline_expanded_cb (AdwExpanderRow  *expander,
                      GParamSpec      *pspec,
                      ScBaselinesGroup *self)
{
  const ScBaseline *baseline = g_object_get_data (G_OBJECT (expander), "sc-baseline");

  if (!adw_expander_row_get_expanded (expander) || baseline == NULL)
    return;
  /* Once: the expander is made again when the catalog or category changes. */
  g_object_set_data (G_OBJECT (expander), "sc-baseline", NULL);
  populate_baseline (self, expander, baseline);
}

void
sc_baselines_group_rebuild (ScBaselinesGroup *self)
{
  ScCatalog *catalog;
  const ScProfile *profile;
  const char *category;
  GPtrArray *baselines;
  const char *lang = sc_lang_current ();

  g_return_if_fail (SC_IS_BASELINES_GROUP (self));

  catalog = sc_document_get_catalog (self->document);
  profile = sc_document_get_profile (self->document);
  category = sc_profile_get_choice (profile, SC_FIELD_CATEGORY);
  baselines = sc_catalog_get_baselines (catalog);
  for (guint i = 0; i < self->baseline_rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->baseline_rows, i));
  g_ptr_array_set_size (self->baseline_rows, 0);
  g_ptr_array_set_size (self->overrides, 0);

  for (guint b = 0; b < baselines->len; b++)
    {
      const ScBaseline *baseline = g_ptr_array_index (baselines, b);
      GtkWidget *expander = adw_expander_row_new ();
      guint n_overridden = 0;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander),
                                     sc_text_get (&baseline->name, lang));
      for (guint i = 0; i < baseline->items->len; i++)
        {
          const ScBaselineItem *item = g_ptr_array_index (baseline->items, i);

          if (baseline_item_shown (baseline, item, category)
              && sc_profile_find_override (profile, baseline->platform, item->fee, item->category) != NULL)
            n_overridden++;
        }
      if (n_overridden > 0)
        {
          g_autofree char *sub = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u value of yours",
                                                               "%u values of yours", n_overridden),
                                                  n_overridden);
          adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), sub);
        }
      else
        adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), _("Assumed ordinary fees"));
      /* The rows inside are made when it is first opened (populate_baseline). */
      g_object_set_data (G_OBJECT (expander), "sc-baseline", (gpointer) baseline);
      g_signal_connect_object (expander, "notify::expanded", G_CALLBACK (baseline_expanded_cb), self, 0);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), expander);
      g_ptr_array_add (self->baseline_rows, expander);
    }
}

static void
sc_baselines_group_dispose (GObject *object)
{
  ScBaselinesGroup *self = SC_BASELINES_GROUP (object);

  g_clear_pointer (&self->overrides, g_ptr_array_unref);
  g_clear_pointer (&self->baseline_rows, g_ptr_array_unref);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (sc_baselines_group_parent_class)->dispose (object);
}

static void
sc_baselines_group_class_init (ScBaselinesGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sc_baselines_group_dispose;
}

static void
sc_baselines_group_init (ScBaselinesGroup *self)
{
  self->overrides = g_ptr_array_new_with_free_func ((GDestroyNotify) override_row_free);
  self->baseline_rows = g_ptr_array_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Platform Fees"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("Ordinary fees without any program. No source states them: each is an assumption you can replace with your own."));
}

GtkWidget *
sc_baselines_group_new (ScDocument *document)
{
  ScBaselinesGroup *self;

  g_return_val_if_fail (SC_IS_DOCUMENT (document), NULL);

  self = g_object_new (SC_TYPE_BASELINES_GROUP, NULL);
  self->document = g_object_ref (document);
  return GTK_WIDGET (self);
}
