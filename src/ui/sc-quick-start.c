/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-ui"

#include "config.h"

#include "sc-quick-start.h"

#include <glib/gi18n.h>

#include "sc-a11y.h"
#include "sc-field.h"
#include "sc-i18n.h"
#include "sc-scroll-guard.h"

struct _ScQuickStart
{
  AdwBin          parent_instance;

  AdwEntryRow    *name_row;
  AdwComboRow    *store_type_row;
  AdwComboRow    *category_row;
  GtkMenuButton  *first_sale_button;
  GtkCalendar    *first_sale_calendar;
  GtkSpinButton  *gmv_spin;
  GtkSpinButton  *aov_spin;
  GtkWidget      *all_fields_button;
  GtkWidget      *continue_button;

  ScDay           first_sale;
};

G_DEFINE_FINAL_TYPE (ScQuickStart, sc_quick_start, ADW_TYPE_BIN)

enum { DONE, N_SIGNALS };
static guint signals[N_SIGNALS];

/* A model of @field's choices, "Not given" first. */
static GListModel *
choices_model (ScField field)
{
  const ScFieldInfo *info = sc_field_info (field);
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, _("Not given"));
  for (guint i = 0; info->choices[i] != NULL; i++)
    gtk_string_list_append (list, sc_field_choice_label (field, info->choices[i]));
  return G_LIST_MODEL (list);
}

static void
first_sale_selected_cb (ScQuickStart *self)
{
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (self->first_sale_calendar);
  char buf[16];

  self->first_sale = sc_day_from_ymd (g_date_time_get_year (dt), g_date_time_get_month (dt),
                                      g_date_time_get_day_of_month (dt));
  gtk_menu_button_set_label (self->first_sale_button, sc_day_format (self->first_sale, buf));
  gtk_menu_button_popdown (self->first_sale_button);
}

static void
continue_clicked_cb (ScQuickStart *self)
{
  g_signal_emit (self, signals[DONE], 0, TRUE);
}

static void
all_fields_clicked_cb (ScQuickStart *self)
{
  g_signal_emit (self, signals[DONE], 0, FALSE);
}

static void
sc_quick_start_class_init (ScQuickStartClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /**
   * ScQuickStart::done:
   * @apply: TRUE to use the answers, FALSE to skip to every field
   */
  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/sc-quick-start.ui");
  gtk_widget_class_bind_template_child (widget_class, ScQuickStart, name_row);
  gtk_widget_class_bind_template_child (widget_class, ScQuickStart, store_type_row);
  gtk_widget_class_bind_template_child (widget_class, ScQuickStart, category_row);
  gtk_widget_class_bind_template_child (widget_class, ScQuickStart, first_sale_button);
  gtk_widget_class_bind_template_child (widget_class, ScQuickStart, first_sale_calendar);
  gtk_widget_class_bind_template_child (widget_class, ScQuickStart, gmv_spin);
  gtk_widget_class_bind_template_child (widget_class, ScQuickStart, aov_spin);
  gtk_widget_class_bind_template_child (widget_class, ScQuickStart, all_fields_button);
  gtk_widget_class_bind_template_child (widget_class, ScQuickStart, continue_button);
  gtk_widget_class_bind_template_callback (widget_class, first_sale_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, continue_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, all_fields_clicked_cb);
}

static void
sc_quick_start_init (ScQuickStart *self)
{
  g_autoptr(GListModel) store_types = choices_model (SC_FIELD_STORE_TYPE);
  g_autoptr(GListModel) categories = choices_model (SC_FIELD_CATEGORY);

  gtk_widget_init_template (GTK_WIDGET (self));
  adw_combo_row_set_model (self->store_type_row, store_types);
  adw_combo_row_set_model (self->category_row, categories);
  sc_scroll_guard_attach (GTK_WIDGET (self->gmv_spin));
  sc_scroll_guard_attach (GTK_WIDGET (self->aov_spin));
  sc_scroll_guard_block (GTK_WIDGET (self->first_sale_calendar));
  sc_a11y_set_name (GTK_WIDGET (self->first_sale_button), _("First sale date"));
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->first_sale_button), GTK_ACCESSIBLE_PROPERTY_LABEL);
  sc_a11y_fix_mnemonic (self->all_fields_button);
  sc_a11y_fix_mnemonic (self->continue_button);
  sc_quick_start_reset (self);
}

GtkWidget *
sc_quick_start_new (void)
{
  return g_object_new (SC_TYPE_QUICK_START, NULL);
}

void
sc_quick_start_reset (ScQuickStart *self)
{
  g_return_if_fail (SC_IS_QUICK_START (self));

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  adw_combo_row_set_selected (self->store_type_row, 0);
  adw_combo_row_set_selected (self->category_row, 0);
  self->first_sale = SC_DAY_NONE;
  gtk_menu_button_set_label (self->first_sale_button, _("Choose…"));
  gtk_spin_button_set_value (self->gmv_spin, 0);
  gtk_spin_button_set_value (self->aov_spin, 0);
}

static void
apply_choice (AdwComboRow *row,
              ScField      field,
              ScDocument  *document)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0)
    sc_document_set_choice (document, field, sc_field_info (field)->choices[selected - 1], NULL);
}

void
sc_quick_start_apply (ScQuickStart *self,
                      ScDocument   *document)
{
  const char *name;

  g_return_if_fail (SC_IS_QUICK_START (self));
  g_return_if_fail (SC_IS_DOCUMENT (document));

  name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  /* The name is kept in the interface's language, as the editor does. */
  if (name != NULL && *name != '\0')
    sc_document_set_name (document, sc_lang_detect (), name);
  apply_choice (self->store_type_row, SC_FIELD_STORE_TYPE, document);
  apply_choice (self->category_row, SC_FIELD_CATEGORY, document);
  if (self->first_sale != SC_DAY_NONE)
    sc_document_set_date (document, SC_FIELD_FIRST_SALE_DATE, self->first_sale, NULL);
  /* Zero means "not answered": no store sells nothing or orders at 0 yuan. */
  if (gtk_spin_button_get_value (self->gmv_spin) > 0)
    sc_document_set_number (document, SC_FIELD_MONTHLY_GMV, gtk_spin_button_get_value (self->gmv_spin), NULL);
  if (gtk_spin_button_get_value (self->aov_spin) > 0)
    sc_document_set_number (document, SC_FIELD_AVG_ORDER_VALUE, gtk_spin_button_get_value (self->aov_spin), NULL);
}
