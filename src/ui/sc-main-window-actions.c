/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-ui"

#include "config.h"

#include "sc-main-window-private.h"

#include <glib/gi18n.h>

#include "sc-a11y.h"
#include "sc-chart.h"
#include "sc-client-report.h"
#include "sc-error.h"
#include "sc-export-dialog.h"
#include "sc-help.h"
#include "sc-measures-view.h"
#include "sc-overview-page.h"
#include "sc-profile-editor.h"
#include "sc-programs-view.h"
#include "sc-quick-start.h"
#include "sc-recovery.h"
#include "sc-report.h"
#include "sc-report-xlsx.h"
#include "sc-rule-check-view.h"

/* --- undo and redo --------------------------------------------------------- */

void
sc_main_window_update_undo_actions (ScMainWindow *self)
{
  ScDocument *document = sc_main_window_get_edited_document (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", sc_document_can_undo (document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", sc_document_can_redo (document));
}

static void
undo_toast_dismissed_cb (AdwToast     *toast,
                         ScMainWindow *self)
{
  if (self->undo_toast == toast)
    self->undo_toast = NULL;
}

/* After an edit that starts a new undo step, "Changed X" with an Undo
 * button: a slip (a click on the wrong switch) is one click from undone.
 * Typing more into the same field joins its step and shows nothing new. */
static void
offer_undo (ScMainWindow *self)
{
  const char *label = sc_document_get_undo_label (sc_main_window_get_edited_document (self));
  g_autofree char *escaped = NULL;

  if (label == NULL || g_strcmp0 (label, self->undo_toasted) == 0)
    return;
  {
    char *old = self->undo_toasted;

    self->undo_toasted = g_strdup (label);
    g_free (old);
  }
  escaped = g_markup_escape_text (label, -1);
  /* One toast at a time, retitled for each new step: dismissing one and
   * adding the next while it still animates upsets libadwaita 1.2. */
  if (self->undo_toast != NULL)
    {
      adw_toast_set_title (self->undo_toast, escaped);
      return;
    }
  self->undo_toast = adw_toast_new (escaped);
  adw_toast_set_button_label (self->undo_toast, _("_Undo"));
  adw_toast_set_action_name (self->undo_toast, "win.undo");
  adw_toast_set_timeout (self->undo_toast, 5);
  g_signal_connect_object (self->undo_toast, "dismissed", G_CALLBACK (undo_toast_dismissed_cb), self, 0);
  adw_toast_overlay_add_toast (self->toasts, self->undo_toast);
}

void
sc_main_window_document_changed_cb (ScDocument       *document,
                     ScDocumentChange  what,
                     ScMainWindow     *self)
{
  if (what == SC_DOCUMENT_CHANGE_EDIT)
    offer_undo (self);
  else if (what == SC_DOCUMENT_CHANGE_PROFILE)
    g_clear_pointer (&self->undo_toasted, g_free);
}

static void
action_undo (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  ScMainWindow *self = SC_MAIN_WINDOW (widget);
  ScDocument *document = sc_main_window_get_edited_document (self);
  g_autofree char *label = g_strdup (sc_document_get_undo_label (document));

  if (sc_document_undo (document) && label != NULL)
    {
      /* Translators: %s says what was undone, e.g. "Changed Monthly GMV". */
      g_autofree char *message = g_strdup_printf (_("Undone: %s"), label);
      AdwToast *shown = g_steal_pointer (&self->undo_toast);

      if (shown == NULL)
        {
          sc_main_window_toast (self, message);
          return;
        }
      /* The "Changed X — Undo" toast becomes "Undone: X": dismissing it
       * and adding another in the same frame crashes libadwaita 1.2 (its
       * hide animation is freed twice). */
      {
        g_autofree char *escaped = g_markup_escape_text (message, -1);
        adw_toast_set_title (shown, escaped);
      }
      adw_toast_set_button_label (shown, NULL);
      adw_toast_set_action_name (shown, NULL);
    }
  else if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
}

static void
action_redo (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  ScMainWindow *self = SC_MAIN_WINDOW (widget);
  ScDocument *document = sc_main_window_get_edited_document (self);
  g_autofree char *label = g_strdup (sc_document_get_redo_label (document));

  if (sc_document_redo (document) && label != NULL)
    {
      /* Translators: %s says what was redone, e.g. "Changed Monthly GMV". */
      g_autofree char *message = g_strdup_printf (_("Redone: %s"), label);
      sc_main_window_toast (self, message);
    }
}

/* --- printing ------------------------------------------------------------ */

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              ScMainWindow      *self)
{
  ScOverviewPage *overview = SC_OVERVIEW_PAGE (sc_main_window_get_page (self, "overview"));
  g_autoptr(ScChartModel) model = sc_overview_page_build_model (overview, NULL);

  if (model == NULL)
    return;
  model->dark = FALSE;
  model->show_footnote = TRUE;
  sc_chart_draw (model, gtk_print_context_get_cairo_context (context),
                 gtk_print_context_get_width (context),
                 gtk_print_context_get_height (context));
}

/* --- actions ------------------------------------------------------------- */

static void
quick_start_done_cb (ScMainWindow *self,
                     gboolean      apply)
{
  if (apply)
    {
      sc_quick_start_apply (self->quick_start, self->document);
      sc_profile_editor_reload (SC_PROFILE_EDITOR (self->editor));
    }
  gtk_stack_set_visible_child_name (self->editor_stack, "editor");
}

/* Another profile took the place of the new one: its editor shows. */
void
sc_main_window_profile_replaced_cb (ScMainWindow *self)
{
  gtk_stack_set_visible_child_name (self->editor_stack, "editor");
}

static void
new_now (ScMainWindow *self,
         gpointer      data)
{
  sc_session_set_profile (self->session, sc_session_new_profile (self->session), NULL);
  /* A new profile starts with the few questions that matter most; the
   * full editor is one click away. */
  if (self->quick_start == NULL)
    {
      self->quick_start = SC_QUICK_START (sc_quick_start_new ());
      g_signal_connect_object (self->quick_start, "done", G_CALLBACK (quick_start_done_cb),
                               self, G_CONNECT_SWAPPED);
      gtk_stack_add_named (self->editor_stack, GTK_WIDGET (self->quick_start), "quick-start");
    }
  sc_quick_start_reset (self->quick_start);
  gtk_stack_set_visible_child_name (self->editor_stack, "quick-start");
}

static void
action_new (GtkWidget  *widget,
            const char *name,
            GVariant   *param)
{
  sc_main_window_confirm_discard (SC_MAIN_WINDOW (widget), new_now, NULL, NULL);
}

static void
open_chosen (ScMainWindow *self,
             GFile        *file)
{
  sc_main_window_open_file (self, file);
}

static void
action_open (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  sc_main_window_choose_file (SC_MAIN_WINDOW (widget), _("Open Profile"), FALSE, FILE_KIND_PROFILE, NULL, open_chosen);
}

static void
action_open_example (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  sc_main_window_open_example (SC_MAIN_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
action_open_recent (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  sc_main_window_open_file (SC_MAIN_WINDOW (widget), file);
}

static void
action_save (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  ScMainWindow *self = SC_MAIN_WINDOW (widget);
  GFile *file = sc_document_get_file (self->document);

  if (file != NULL)
    sc_main_window_save_or_toast (self, file);
  else
    sc_main_window_save_as (self, sc_main_window_save_as_chosen);
}

static void
action_save_as (GtkWidget  *widget,
                const char *name,
                GVariant   *param)
{
  sc_main_window_save_as (SC_MAIN_WINDOW (widget), sc_main_window_save_as_chosen);
}

static void
action_export (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  ScMainWindow *self = SC_MAIN_WINDOW (widget);
  ScOverviewPage *overview = SC_OVERVIEW_PAGE (sc_main_window_get_page (self, "overview"));
  ScChartKind kind = sc_overview_page_get_kind (overview);
  ScExportDialog *dialog;

  /* From the Scenarios page, its chart of both scenarios. */
  if (g_strcmp0 (sc_main_window_get_visible_page (self), "scenarios") == 0
      && sc_session_get_scenario (self->session) != NULL)
    kind = SC_CHART_SCENARIOS;
  dialog = sc_export_dialog_new (GTK_WINDOW (self), self->session, kind);

  gtk_window_present (GTK_WINDOW (dialog));
}

/* The report's format from the name the user chose: .csv, .json, .xlsx, else text. */
ScReportFormat
sc_main_window_report_format_for (const char *basename)
{
  if (basename != NULL && g_str_has_suffix (basename, ".csv"))
    return SC_REPORT_CSV;
  if (basename != NULL && g_str_has_suffix (basename, ".json"))
    return SC_REPORT_JSON;
  if (basename != NULL && g_str_has_suffix (basename, ".xlsx"))
    return SC_REPORT_XLSX;
  return SC_REPORT_TEXT;
}

gboolean
sc_main_window_export_report (ScMainWindow  *self,
                              GFile         *file,
                              GError       **error)
{
  g_autofree char *basename = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const ScResult *result;

  g_return_val_if_fail (SC_IS_MAIN_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  result = sc_document_get_result (self->document);
  if (result == NULL)
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_VALUE,
                           _("There is no estimate to report yet"));
      return FALSE;
    }
  basename = g_file_get_basename (file);
  if (sc_main_window_report_format_for (basename) == SC_REPORT_XLSX)
    {
      g_autofree char *path = g_file_get_path (file);

      if (path == NULL)
        {
          g_set_error_literal (error, SC_ERROR, SC_ERROR_IO, _("A spreadsheet can only be saved to a local folder"));
          return FALSE;
        }
      return sc_report_write_xlsx (sc_document_get_catalog (self->document), sc_document_get_profile (self->document),
                                   result, sc_document_get_ranges (self->document),
                                   sc_lang_current (), path, error);
    }
  bytes = sc_report_build_with_sweep (sc_document_get_catalog (self->document),
                                      sc_document_get_profile (self->document), result,
                                      sc_document_get_sweep (self->document),
                                      sc_document_get_ranges (self->document),
                                      sc_main_window_report_format_for (basename), sc_lang_current ());
  /* Replaced whole or not at all, keeping an existing file's permissions. */
  return g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL, FALSE, G_FILE_CREATE_PRIVATE, NULL, NULL, error);
}

/* Writes @file with @write and says so in a toast (@saved names the file),
 * or shows why it could not. */
void
sc_main_window_finish_export (ScMainWindow  *self,
               GFile         *file,
               gboolean     (*write) (ScMainWindow *, GFile *, GError **),
               const char    *saved)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  g_auto(GStrv) parts = NULL;

  if (file == NULL)
    return;
  if (!write (self, file, &error))
    {
      sc_main_window_toast (self, error->message);
      return;
    }
  /* @saved holds one "%s" for the name (not a format: it is translated). */
  name = g_file_get_basename (file);
  parts = g_strsplit (saved, "%s", 2);
  message = g_strjoinv (name, parts);
  sc_main_window_toast (self, message);
}

/* Asks where to export, offering the profile's title with @suffix. */
void
sc_main_window_ask_export (ScMainWindow *self,
            const char   *title,
            FileKind      kind,
            const char   *suffix,
            FileCallback  chosen)
{
  g_autofree char *name = sc_document_dup_title (self->document);
  g_autofree char *initial = g_strconcat (name, suffix, NULL);

  g_strdelimit (initial, "/\\:", '-');
  sc_main_window_choose_file (self, title, TRUE, kind, initial, chosen);
}

static void
report_chosen (ScMainWindow *self,
               GFile        *file)
{
  /* Translators: %s is the file name of the report. */
  sc_main_window_finish_export (self, file, sc_main_window_export_report, _("Report saved as “%s”"));
}

static void
action_export_report (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  sc_main_window_ask_export (SC_MAIN_WINDOW (widget), _("Export Report"), FILE_KIND_REPORT, ".txt", report_chosen);
}

gboolean
sc_main_window_export_client_report (ScMainWindow  *self,
                                     GFile         *file,
                                     GError       **error)
{
  ScClientReportOptions options = { 0 };
  g_autofree char *path = NULL;
  g_autofree char *consultant = NULL, *logo = NULL, *layout = NULL;
  const ScResult *result;

  g_return_val_if_fail (SC_IS_MAIN_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  result = sc_document_get_result (self->document);
  path = g_file_get_path (file);
  if (result == NULL || path == NULL)
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_VALUE,
                           result == NULL ? _("There is no estimate to report yet")
                                          : _("Only local files can be saved"));
      return FALSE;
    }
  if (self->settings != NULL)
    {
      consultant = g_settings_get_string (self->settings, "consultant-name");
      logo = g_settings_get_string (self->settings, "consultant-logo");
      layout = g_settings_get_string (self->settings, "client-report-layout");
      sc_client_report_layout_from_string (layout, &options.layout);
    }
  options.consultant = consultant != NULL && *consultant != '\0' ? consultant : NULL;
  options.logo_path = logo != NULL && *logo != '\0' ? logo : NULL;
  options.lang = sc_lang_current ();
  options.date = SC_DAY_NONE;
  options.ranges = sc_document_get_ranges (self->document);
  return sc_client_report_write (&options, sc_document_get_catalog (self->document),
                                 sc_document_get_profile (self->document), result, path, error);
}

static void
client_report_chosen (ScMainWindow *self,
                      GFile        *file)
{
  /* Translators: %s is the file name of the client report. */
  sc_main_window_finish_export (self, file, sc_main_window_export_client_report, _("Client report saved as “%s”"));
}

static void
action_export_client_report (GtkWidget  *widget,
                             const char *name,
                             GVariant   *param)
{
  sc_main_window_ask_export (SC_MAIN_WINDOW (widget), _("Export Client Report"), FILE_KIND_PDF, ".pdf", client_report_chosen);
}

static void
action_copy_chart (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  ScMainWindow *self = SC_MAIN_WINDOW (widget);
  ScOverviewPage *overview = SC_OVERVIEW_PAGE (sc_main_window_get_page (self, "overview"));
  g_autoptr(GdkTexture) texture = sc_chart_view_render_texture (sc_overview_page_get_chart_view (overview));

  if (texture == NULL)
    return;
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (widget), texture);
  sc_main_window_toast (self, _("Chart copied"));
}

static void
action_print (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  ScMainWindow *self = SC_MAIN_WINDOW (widget);
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GError) error = NULL;

  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_use_full_page (operation, FALSE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_job_name (operation, _("Shangce chart"));
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), self);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    sc_main_window_toast (self, error->message);
}

static void
action_add_programs (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  sc_main_window_choose_file (SC_MAIN_WINDOW (widget), _("Add Program Files"), FALSE, FILE_KIND_PROGRAMS, NULL, sc_main_window_program_chosen);
}

static void
action_toast (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  sc_main_window_toast (SC_MAIN_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
action_show_page (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  sc_main_window_show_page (SC_MAIN_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
action_search (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  ScMainWindow *self = SC_MAIN_WINDOW (widget);

  sc_main_window_show_page (self, "measures");
  sc_measures_view_focus_search (SC_MEASURES_VIEW (sc_main_window_get_page (self, "measures")));
}

static void
action_help (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  ScMainWindow *self = SC_MAIN_WINDOW (widget);
  const char *page = sc_main_window_get_visible_page (self);
  const char *help = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (page_info); i++)
    if (g_strcmp0 (page, page_info[i].name) == 0)
      help = page_info[i].help;
  sc_help_show (GTK_WINDOW (self), help);
}

void
sc_main_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new", NULL, action_new);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, action_open);
  gtk_widget_class_install_action (widget_class, "win.open-example", "s", action_open_example);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", action_open_recent);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, action_save);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, action_save_as);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, action_undo);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, action_redo);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, action_export);
  gtk_widget_class_install_action (widget_class, "win.export-report", NULL, action_export_report);
  gtk_widget_class_install_action (widget_class, "win.export-client-report", NULL, action_export_client_report);
  gtk_widget_class_install_action (widget_class, "win.copy-chart", NULL, action_copy_chart);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, action_print);
  gtk_widget_class_install_action (widget_class, "win.add-programs", NULL, action_add_programs);
  gtk_widget_class_install_action (widget_class, "win.toast", "s", action_toast);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", action_show_page);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, action_search);
  gtk_widget_class_install_action (widget_class, "win.help", NULL, action_help);
}
