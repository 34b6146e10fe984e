/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-ui"

#include "config.h"

#include "sc-export-dialog.h"

#include "sc-chart-scenarios.h"

#include <glib/gi18n.h>

#include "sc-chart-from-result.h"
#include "sc-file-chooser.h"

struct _ScExportDialog
{
  AdwWindow        parent_instance;

  ScSession       *session;
  ScChartKind      kind;

  AdwPreferencesGroup *group;
  GtkDropDown     *format;
  GtkDropDown     *size;
  GtkSpinButton   *width;
  GtkSpinButton   *height;
  GtkSpinButton   *scale;
  GtkDropDown     *lang;
  GtkSwitch       *footnote;
  AdwEntryRow     *title;       /* empty: the chart's own */
  AdwEntryRow     *subtitle;
  AdwActionRow    *scale_row;
  AdwToastOverlay *toasts;

  /* The file chooser asking where to export, while it is shown: modal to
   * this dialog, it goes with it (and so with the main window). */
  GCancellable    *choosing;
};

G_DEFINE_FINAL_TYPE (ScExportDialog, sc_export_dialog, ADW_TYPE_WINDOW)

static const struct { int width, height; } presets[] = {
  [SC_EXPORT_SIZE_SLIDE] = { 1920, 1080 },
  [SC_EXPORT_SIZE_1600] = { 1600, 900 },
  [SC_EXPORT_SIZE_A4] = { 842, 595 },
  [SC_EXPORT_SIZE_SLIDE_16_9] = { 960, 540 },
  [SC_EXPORT_SIZE_SLIDE_4_3] = { 720, 540 },
  [SC_EXPORT_SIZE_HALF_SLIDE] = { 480, 540 },
  [SC_EXPORT_SIZE_CUSTOM] = { 0, 0 },
};

static const char *const format_ext[] = { "png", "svg", "pdf" };

ScChartModel *
sc_export_build_model (ScSession   *session,
                       ScChartKind  kind,
                       ScLang       lang)
{
  g_return_val_if_fail (SC_IS_SESSION (session), NULL);

  sc_session_recompute (session, FALSE);
  if (kind == SC_CHART_SCENARIOS)
    {
      /* The Scenarios page's chart: the profile and scenario B. */
      ScSession *scenario = sc_session_get_scenario (session);
      ScDocument *documents[2] = { sc_session_get_document (session), NULL };

      if (scenario == NULL)
        return NULL;
      documents[1] = sc_session_get_document (scenario);
      return sc_chart_model_from_documents (documents, 2, lang);
    }
  return sc_chart_model_from_document (sc_session_get_document (session), kind, lang);
}

static void
update_sensitivity (ScExportDialog *self)
{
  gboolean custom = gtk_drop_down_get_selected (self->size) == SC_EXPORT_SIZE_CUSTOM;
  gboolean png = gtk_drop_down_get_selected (self->format) == SC_CHART_FORMAT_PNG;
  guint preset = gtk_drop_down_get_selected (self->size);

  gtk_widget_set_sensitive (GTK_WIDGET (self->width), custom);
  gtk_widget_set_sensitive (GTK_WIDGET (self->height), custom);
  gtk_widget_set_sensitive (GTK_WIDGET (self->scale_row), png);
  if (!custom && preset < G_N_ELEMENTS (presets))
    {
      gtk_spin_button_set_value (self->width, presets[preset].width);
      gtk_spin_button_set_value (self->height, presets[preset].height);
    }
}

gboolean
sc_export_dialog_export_to (ScExportDialog  *self,
                            GFile           *file,
                            GError         **error)
{
  g_autoptr(ScChartModel) model = NULL;
  g_autofree char *path = NULL;
  ScChartFormat format;
  ScLang lang;

  g_return_val_if_fail (SC_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  format = gtk_drop_down_get_selected (self->format);
  /* The language list is in ScLang order. */
  lang = gtk_drop_down_get_selected (self->lang) == SC_LANG_ZH ? SC_LANG_ZH : SC_LANG_EN;
  model = sc_export_build_model (self->session, self->kind, lang);
  if (model == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Nothing to export yet"));
      return FALSE;
    }
  model->show_footnote = gtk_switch_get_active (self->footnote);
  {
    /* A consultant's own words for a slide; the footnote keeps the data. */
    const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title));
    const char *subtitle = gtk_editable_get_text (GTK_EDITABLE (self->subtitle));

    if (*title != '\0' || *subtitle != '\0')
      sc_chart_model_set_title (model, *title != '\0' ? title : model->title,
                                *subtitle != '\0' ? subtitle : model->subtitle);
  }
  /* Exported files are for slides and paper: always the light palette. */
  model->dark = FALSE;
  return sc_chart_export (model, path, format,
                          gtk_spin_button_get_value (self->width),
                          gtk_spin_button_get_value (self->height),
                          format == SC_CHART_FORMAT_PNG ? gtk_spin_button_get_value (self->scale) : 1.0,
                          error);
}

static void
save_response (ScExportDialog *self,
               GFile          *file)
{
  g_autoptr(GError) error = NULL;

  if (file == NULL)
    return;
  if (!sc_export_dialog_export_to (self, file, &error))
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (escaped));
      return;
    }
  {
    GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
    g_autofree char *base = g_file_get_basename (file);
    g_autofree char *msg = g_strdup_printf (_("Exported %s"), base);
    if (parent != NULL)
      gtk_widget_activate_action (GTK_WIDGET (parent), "win.toast", "s", msg);
  }
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Closes the file chooser, if one is shown, unanswered. */
static void
close_chooser (ScExportDialog *self)
{
  if (self->choosing != NULL)
    g_cancellable_cancel (self->choosing);
  g_clear_object (&self->choosing);
}

static void
file_chosen_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  g_autoptr(GtkWindow) self = sc_file_chooser_dup_parent (SC_FILE_CHOOSER (source));
  g_autoptr(GFile) file = sc_file_chooser_run_finish_file (SC_FILE_CHOOSER (source), result, NULL);

  /* Closed with this dialog (cancelled): no file, nothing is exported. */
  if (self != NULL)
    save_response (SC_EXPORT_DIALOG (self), file);
}

static void
export_clicked_cb (ScExportDialog *self)
{
  guint format = gtk_drop_down_get_selected (self->format);
  g_autofree char *name = g_strdup_printf ("%s.%s", sc_chart_kind_to_string (self->kind),
                                           format_ext[MIN (format, 2)]);
  g_autoptr(ScFileChooser) chooser = sc_file_chooser_new (SC_FILE_CHOOSER_SAVE, _("Export Chart"));

  sc_file_chooser_set_accept_label (chooser, _("_Export"));
  sc_file_chooser_set_initial_name (chooser, name);
  close_chooser (self);
  self->choosing = g_cancellable_new ();
  sc_file_chooser_run_async (chooser, GTK_WINDOW (self), self->choosing, file_chosen_cb, NULL);
}

static void
sc_export_dialog_dispose (GObject *object)
{
  ScExportDialog *self = SC_EXPORT_DIALOG (object);

  close_chooser (self);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (sc_export_dialog_parent_class)->dispose (object);
}

static void
sc_export_dialog_class_init (ScExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_export_dialog_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/sc-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ScExportDialog, group);
  gtk_widget_class_bind_template_child (widget_class, ScExportDialog, format);
  gtk_widget_class_bind_template_child (widget_class, ScExportDialog, size);
  gtk_widget_class_bind_template_child (widget_class, ScExportDialog, width);
  gtk_widget_class_bind_template_child (widget_class, ScExportDialog, height);
  gtk_widget_class_bind_template_child (widget_class, ScExportDialog, scale);
  gtk_widget_class_bind_template_child (widget_class, ScExportDialog, scale_row);
  gtk_widget_class_bind_template_child (widget_class, ScExportDialog, lang);
  gtk_widget_class_bind_template_child (widget_class, ScExportDialog, footnote);
  gtk_widget_class_bind_template_child (widget_class, ScExportDialog, title);
  gtk_widget_class_bind_template_child (widget_class, ScExportDialog, subtitle);
  gtk_widget_class_bind_template_child (widget_class, ScExportDialog, toasts);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_sensitivity);
}

/* The bounds come from the chart exporter, so they stay out of the template;
 * set as gtk_spin_button_new_with_range() would. */
static void
set_range (GtkSpinButton *spin,
           double         lo,
           double         hi,
           double         step)
{
  gtk_spin_button_configure (spin, gtk_adjustment_new (lo, lo, hi, step, 10 * step, 0), step, 0);
  gtk_spin_button_set_numeric (spin, TRUE);
}

static void
sc_export_dialog_init (ScExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  set_range (self->width, SC_CHART_SIZE_MIN, SC_CHART_SIZE_MAX, 10);
  set_range (self->height, SC_CHART_SIZE_MIN, SC_CHART_SIZE_MAX, 10);
  set_range (self->scale, SC_CHART_SCALE_MIN, SC_CHART_SCALE_MAX, 1);
  gtk_drop_down_set_selected (self->size, SC_EXPORT_SIZE_1600);
  gtk_drop_down_set_selected (self->lang, sc_lang_detect ());
  update_sensitivity (self);
}

ScExportDialog *
sc_export_dialog_new (GtkWindow   *parent,
                      ScSession   *session,
                      ScChartKind  kind)
{
  ScExportDialog *self;

  g_return_val_if_fail (SC_IS_SESSION (session), NULL);

  self = g_object_new (SC_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  self->kind = kind;
  adw_preferences_group_set_title (self->group, sc_chart_kind_describe (kind));
  return self;
}

void
sc_export_dialog_set_format (ScExportDialog *self,
                             ScChartFormat   format)
{
  g_return_if_fail (SC_IS_EXPORT_DIALOG (self));
  gtk_drop_down_set_selected (self->format, format);
}

void
sc_export_dialog_set_size (ScExportDialog *self,
                           ScExportSize    preset,
                           int             width,
                           int             height)
{
  g_return_if_fail (SC_IS_EXPORT_DIALOG (self));

  gtk_drop_down_set_selected (self->size, preset);
  update_sensitivity (self);
  if (preset == SC_EXPORT_SIZE_CUSTOM)
    {
      gtk_spin_button_set_value (self->width, width);
      gtk_spin_button_set_value (self->height, height);
    }
}

void
sc_export_dialog_set_scale (ScExportDialog *self,
                            double          scale)
{
  g_return_if_fail (SC_IS_EXPORT_DIALOG (self));
  gtk_spin_button_set_value (self->scale, scale);
}

void
sc_export_dialog_set_lang (ScExportDialog *self,
                           ScLang          lang)
{
  g_return_if_fail (SC_IS_EXPORT_DIALOG (self));
  gtk_drop_down_set_selected (self->lang, lang);
}

