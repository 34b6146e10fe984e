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
  GCancellable        *logo_cancellable;

  AdwPreferencesGroup *new_profiles_group;
  GtkSpinButton       *exposures_spin;
  GtkSpinButton       *capital_spin;
  GtkSpinButton       *worth_spin;
  GtkDropDown         *style_dropdown;
  AdwPreferencesGroup *client_report_group;
  AdwEntryRow         *consultant_row;
  AdwEntryRow         *logo_row;
  AdwActionRow        *layout_row;
  GtkDropDown         *layout_dropdown;
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

static void
style_selected_cb (GtkDropDown         *dropdown,
                   GParamSpec          *pspec,
                   ScPreferencesWindow *self)
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

static void
sc_preferences_window_class_init (ScPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = sc_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/sc-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ScPreferencesWindow, new_profiles_group);
  gtk_widget_class_bind_template_child (widget_class, ScPreferencesWindow, exposures_spin);
  gtk_widget_class_bind_template_child (widget_class, ScPreferencesWindow, capital_spin);
  gtk_widget_class_bind_template_child (widget_class, ScPreferencesWindow, worth_spin);
  gtk_widget_class_bind_template_child (widget_class, ScPreferencesWindow, style_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ScPreferencesWindow, client_report_group);
  gtk_widget_class_bind_template_child (widget_class, ScPreferencesWindow, consultant_row);
  gtk_widget_class_bind_template_child (widget_class, ScPreferencesWindow, logo_row);
  gtk_widget_class_bind_template_child (widget_class, ScPreferencesWindow, layout_row);
  gtk_widget_class_bind_template_child (widget_class, ScPreferencesWindow, layout_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, style_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_logo_cb);
}

static void
sc_preferences_window_init (ScPreferencesWindow *self)
{
  AdwColorScheme scheme = adw_style_manager_get_color_scheme (adw_style_manager_get_default ());

  gtk_widget_init_template (GTK_WIDGET (self));
  sc_scroll_guard_attach (GTK_WIDGET (self->exposures_spin));
  sc_scroll_guard_attach (GTK_WIDGET (self->capital_spin));
  sc_scroll_guard_attach (GTK_WIDGET (self->worth_spin));
  sc_scroll_guard_attach (GTK_WIDGET (self->style_dropdown));
  sc_scroll_guard_attach (GTK_WIDGET (self->layout_dropdown));
  /* The drop-down's toggle button is inside it, out of the template's reach. */
  sc_a11y_set_name (GTK_WIDGET (self->layout_dropdown),
                    adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->layout_row)));

  /* Show the current scheme without setting it again. */
  g_signal_handlers_block_by_func (self->style_dropdown, style_selected_cb, self);
  gtk_drop_down_set_selected (self->style_dropdown,
                              scheme == ADW_COLOR_SCHEME_FORCE_LIGHT ? 1 :
                              scheme == ADW_COLOR_SCHEME_FORCE_DARK ? 2 : 0);
  g_signal_handlers_unblock_by_func (self->style_dropdown, style_selected_cb, self);
}

/* Without settings the defaults and the client-report details cannot be
 * kept, so their groups are shown but not editable. */
static void
bind_settings (ScPreferencesWindow *self)
{
  if (self->settings == NULL)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->new_profiles_group), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->client_report_group), FALSE);
      return;
    }
  g_settings_bind (self->settings, "yuan-per-1000-exposures", self->exposures_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "cost-of-capital", self->capital_spin, "value",
                                G_SETTINGS_BIND_DEFAULT, percent_get, percent_set, NULL, NULL);
  g_settings_bind_with_mapping (self->settings, "locked-value-worth", self->worth_spin, "value",
                                G_SETTINGS_BIND_DEFAULT, percent_get, percent_set, NULL, NULL);
  g_settings_bind (self->settings, "consultant-name", self->consultant_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "consultant-logo", self->logo_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "client-report-layout", self->layout_dropdown, "selected",
                                G_SETTINGS_BIND_DEFAULT, layout_get, layout_set, NULL, NULL);
}

GtkWidget *
sc_preferences_window_new (GtkWindow *parent,
                           GSettings *settings)
{
  ScPreferencesWindow *self = g_object_new (SC_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);

  self->settings = settings ? g_object_ref (settings) : NULL;
  bind_settings (self);
  return GTK_WIDGET (self);
}
