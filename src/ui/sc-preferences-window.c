/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-ui"

#include "config.h"

#include "sc-preferences-window.h"

#include "sc-a11y.h"
#include "sc-file-chooser.h"
#include "sc-scroll-guard.h"

#include <glib/gi18n.h>

struct _ScPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GSettings           *settings;
  AdwEntryRow         *logo_row;
  GCancellable        *logo_cancellable;
};

G_DEFINE_FINAL_TYPE (ScPreferencesWindow, sc_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
sc_preferences_window_dispose (GObject *object)
{
  ScPreferencesWindow *self = SC_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->logo_cancellable);
  g_clear_object (&self->logo_cancellable);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (sc_preferences_window_parent_class)->dispose (object);
}

static void
sc_preferences_window_class_init (ScPreferencesWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sc_preferences_window_dispose;
}

static void
sc_preferences_window_init (ScPreferencesWindow *self)
{
}

static gboolean
percent_get (GValue   *value,
             GVariant *variant,
             gpointer  data)
{
  g_value_set_double (value, g_variant_get_double (variant) * 100.0);
  return TRUE;
}

static GVariant *
percent_set (const GValue       *value,
             const GVariantType *type,
             gpointer            data)
{
  return g_variant_new_double (g_value_get_double (value) / 100.0);
}

static GtkWidget *
spin_row (AdwPreferencesGroup *group,
          const char          *title,
          const char          *subtitle,
          const char          *unit,
          double               lo,
          double               hi,
          double               step,
          int                  digits,
          GtkSpinButton      **out)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *spin = gtk_spin_button_new_with_range (lo, hi, step);
  GtkWidget *tag = gtk_label_new (_("Assumption"));
  GtkWidget *u = gtk_label_new (unit);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), digits);
  sc_scroll_guard_attach (spin);
  gtk_widget_add_css_class (tag, "assumption-tag");
  gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (u, "dim-label");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), tag);
  gtk_box_append (GTK_BOX (box), spin);
  gtk_box_append (GTK_BOX (box), u);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_add (group, row);
  *out = GTK_SPIN_BUTTON (spin);
  return row;
}

static void
style_selected_cb (GtkDropDown *dropdown,
                   GParamSpec  *pspec,
                   gpointer     data)
{
  static const AdwColorScheme schemes[] = {
    ADW_COLOR_SCHEME_DEFAULT, ADW_COLOR_SCHEME_FORCE_LIGHT, ADW_COLOR_SCHEME_FORCE_DARK,
  };
  guint i = gtk_drop_down_get_selected (dropdown);

  if (i < G_N_ELEMENTS (schemes))
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), schemes[i]);
}

static void
set_logo (ScPreferencesWindow *self,
          GFile               *file)
{
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

  if (path != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->logo_row), path);
}

static void
logo_chosen_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  g_autoptr(GtkWindow) self = sc_file_chooser_dup_parent (SC_FILE_CHOOSER (source));
  g_autoptr(GFile) file = sc_file_chooser_run_finish_file (SC_FILE_CHOOSER (source), result, NULL);

  if (self != NULL && file != NULL)
    set_logo (SC_PREFERENCES_WINDOW (self), file);
}

static void
choose_logo_cb (ScPreferencesWindow *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(ScFileChooser) chooser = sc_file_chooser_new (SC_FILE_CHOOSER_OPEN, _("Choose a Logo"));

  gtk_file_filter_set_name (filter, _("PNG images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_suffix (filter, "png");
  sc_file_chooser_add_filter (chooser, filter);
  g_cancellable_cancel (self->logo_cancellable);
  g_clear_object (&self->logo_cancellable);
  self->logo_cancellable = g_cancellable_new ();
  sc_file_chooser_run_async (chooser, GTK_WINDOW (self), self->logo_cancellable, logo_chosen_cb, NULL);
}

static gboolean
layout_get (GValue   *value,
            GVariant *variant,
            gpointer  data)
{
  g_value_set_uint (value, g_str_equal (g_variant_get_string (variant, NULL), "slides") ? 1 : 0);
  return TRUE;
}

static GVariant *
layout_set (const GValue       *value,
            const GVariantType *type,
            gpointer            data)
{
  return g_variant_new_string (g_value_get_uint (value) == 1 ? "slides" : "a4");
}

/* Who prepares client reports: name, logo and page layout (Export →
 * Client Report uses them). */
static AdwPreferencesGroup *
client_report_group (ScPreferencesWindow *self)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  const char *layouts[] = { _("A4 portrait"), _("Slides, 16:9"), NULL };
  GtkWidget *name = adw_entry_row_new ();
  GtkWidget *logo = adw_entry_row_new ();
  GtkWidget *choose = gtk_button_new_from_icon_name ("document-open-symbolic");
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *layout = gtk_drop_down_new_from_strings (layouts);

  adw_preferences_group_set_title (group, _("Client Reports"));
  adw_preferences_group_set_description (group, _("Printed on the cover of the client report (Export Client Report)"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name), _("Consultant or firm"));
  adw_preferences_group_add (group, name);

  self->logo_row = ADW_ENTRY_ROW (logo);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (logo), _("Logo (PNG file)"));
  gtk_widget_set_valign (choose, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (choose, "flat");
  gtk_widget_set_tooltip_text (choose, _("Choose a logo"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (choose), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Choose a logo"), -1);
  g_signal_connect_swapped (choose, "clicked", G_CALLBACK (choose_logo_cb), self);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (logo), choose);
  adw_preferences_group_add (group, logo);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Page layout"));
  gtk_widget_set_valign (layout, GTK_ALIGN_CENTER);
  sc_scroll_guard_attach (layout);
  sc_a11y_set_name (layout, _("Page layout"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), layout);
  adw_preferences_group_add (group, row);

  if (self->settings != NULL)
    {
      g_settings_bind (self->settings, "consultant-name", name, "text", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "consultant-logo", logo, "text", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind_with_mapping (self->settings, "client-report-layout", layout, "selected",
                                    G_SETTINGS_BIND_DEFAULT, layout_get, layout_set, NULL, NULL);
    }
  else
    gtk_widget_set_sensitive (GTK_WIDGET (group), FALSE);
  return group;
}

GtkWidget *
sc_preferences_window_new (GtkWindow *parent,
                           GSettings *settings)
{
  ScPreferencesWindow *self;
  AdwPreferencesPage *page;
  AdwPreferencesGroup *group;
  GtkSpinButton *exposures, *capital, *worth;
  GtkWidget *row, *style;
  const char *styles[] = { _("Follow system"), _("Light"), _("Dark"), NULL };
  AdwColorScheme scheme;

  self = g_object_new (SC_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", TRUE,
                       "search-enabled", FALSE,
                       NULL);
  self->settings = settings ? g_object_ref (settings) : NULL;

  page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  adw_preferences_page_set_title (page, _("General"));
  adw_preferences_page_set_icon_name (page, "preferences-system-symbolic");

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("New Profiles"));
  adw_preferences_group_set_description (group, _("Your own estimates, used when a new profile starts. No program or platform states them; each profile can change them."));
  spin_row (group, _("Yuan per 1,000 exposures"), _("What free traffic is worth to you"),
            _("yuan"), 0, 1000000, 1, 2, &exposures);
  spin_row (group, _("Cost of capital"), _("Yearly rate for money held as deposit or settled later"),
            "%", 0, 100, 0.5, 1, &capital);
  /* The share of value tied to the platform that verdicts count as cash
   * (issue 13): 0 to 100 % of each yuan. */
  spin_row (group, _("Cash value of ¥1 tied to the platform"),
            _("What one yuan of ad credit, coupons or free traffic, which can only be spent on the platform, is worth to you in cash; platforms are ranked by it"),
            "%", 0, 100, 5, 0, &worth);
  if (self->settings != NULL)
    {
      g_settings_bind (self->settings, "yuan-per-1000-exposures", exposures, "value", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind_with_mapping (self->settings, "cost-of-capital", capital, "value",
                                    G_SETTINGS_BIND_DEFAULT, percent_get, percent_set, NULL, NULL);
      g_settings_bind_with_mapping (self->settings, "locked-value-worth", worth, "value",
                                    G_SETTINGS_BIND_DEFAULT, percent_get, percent_set, NULL, NULL);
    }
  else
    gtk_widget_set_sensitive (GTK_WIDGET (group), FALSE);
  adw_preferences_page_add (page, group);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Appearance"));
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Style"));
  style = gtk_drop_down_new_from_strings (styles);
  gtk_widget_set_valign (style, GTK_ALIGN_CENTER);
  sc_scroll_guard_attach (style);
  gtk_accessible_update_property (GTK_ACCESSIBLE (style), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Style"), -1);
  scheme = adw_style_manager_get_color_scheme (adw_style_manager_get_default ());
  gtk_drop_down_set_selected (GTK_DROP_DOWN (style),
                              scheme == ADW_COLOR_SCHEME_FORCE_LIGHT ? 1 :
                              scheme == ADW_COLOR_SCHEME_FORCE_DARK ? 2 : 0);
  g_signal_connect (style, "notify::selected", G_CALLBACK (style_selected_cb), NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), style);
  adw_preferences_group_add (group, row);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Money"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Amounts follow the interface language: 2.8万 in Chinese, 28k in English; exports choose their own language"));
  adw_preferences_group_add (group, row);
  adw_preferences_page_add (page, group);

  adw_preferences_page_add (page, client_report_group (self));

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), page);
  return GTK_WIDGET (self);
}
