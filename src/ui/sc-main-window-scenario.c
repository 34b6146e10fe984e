/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Scenario B in the window: Duplicate as Scenario or Open as Scenario (a
 * saved profile, compared with this one), the A/B switch above the
 * profile editor (each scenario has its own editor and undo history; the
 * switch picks which one the editor pane, Undo and Redo work on), Save
 * Scenario (As…), Remove Scenario and the question about an unsaved
 * scenario before the window closes. The Scenarios page shows both.
 *
 * Why this shape: the other pages keep showing the profile (A), which is
 * the document the title, Save and the recovery offer are about; scenario
 * B is a side document, saved to its own file, like a second tab that only
 * the Scenarios page compares. One editor pane with a switch, rather than
 * two editors side by side, keeps the editor at a readable width.
 */
#define G_LOG_DOMAIN "shangce-ui"

#include "config.h"

#include "sc-main-window-private.h"

#include <glib/gi18n.h>

#include "sc-compare-report.h"
#include "sc-error.h"
#include "sc-profile-editor.h"

#define SCENARIO_EDITOR "scenario-editor"

static ScSession *
scenario_session (ScMainWindow *self)
{
  return sc_session_get_scenario (self->session);
}

/* Is scenario B the one the editor pane shows? */
static gboolean
editing_scenario (ScMainWindow *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "scenario");
  g_autoptr(GVariant) state = action != NULL ? g_action_get_state (action) : NULL;

  return scenario_session (self) != NULL && state != NULL
         && g_str_equal (g_variant_get_string (state, NULL), "b");
}

ScDocument *
sc_main_window_get_edited_document (ScMainWindow *self)
{
  return sc_session_get_document (editing_scenario (self) ? scenario_session (self) : self->session);
}

GtkWidget *
sc_main_window_get_edited_editor (ScMainWindow *self)
{
  return editing_scenario (self) && self->scenario_editor != NULL ? self->scenario_editor : self->editor;
}

static void
update_switch_labels (ScMainWindow *self)
{
  ScSession *scenario = scenario_session (self);

  /* The unsaved mark, as the window title shows it for the profile. */
  gtk_button_set_label (GTK_BUTTON (self->scenario_b_button),
                        scenario != NULL && sc_document_get_modified (sc_session_get_document (scenario))
                        ? _("Scenario B •") : _("Scenario B"));
  if (scenario != NULL)
    {
      g_autofree char *title = sc_document_dup_title (sc_session_get_document (scenario));
      gtk_widget_set_tooltip_text (self->scenario_b_button, title);
    }
  {
    g_autofree char *title = sc_document_dup_title (self->document);
    gtk_widget_set_tooltip_text (self->scenario_a_button, title);
  }
}

static void
select_scenario (ScMainWindow *self,
                 const char   *which)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "scenario");
  gboolean b = g_str_equal (which, "b") && self->scenario_editor != NULL;

  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (b ? "b" : "a"));
  if (b)
    gtk_stack_set_visible_child_name (self->editor_stack, SCENARIO_EDITOR);
  else if (g_strcmp0 (gtk_stack_get_visible_child_name (self->editor_stack), SCENARIO_EDITOR) == 0)
    gtk_stack_set_visible_child_name (self->editor_stack, "editor");
  sc_main_window_update_undo_actions (self);
}

static void
scenario_state_cb (GSimpleAction *action,
                   GVariant      *value,
                   ScMainWindow  *self)
{
  select_scenario (self, g_variant_get_string (value, NULL));
}

static void
update_scenario_actions (ScMainWindow *self)
{
  gboolean has = scenario_session (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.duplicate-scenario", !has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-scenario", !has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.remove-scenario", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-scenario", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-scenario-as", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-comparison", has);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "scenario")), has);
}

/* An edit of scenario B: asks again before closing with it unsaved. */
static void
scenario_document_changed_cb (ScDocument       *document,
                              ScDocumentChange  what,
                              ScMainWindow     *self)
{
  sc_main_window_document_changed_cb (document, what, self);
}

static void
scenario_changed_cb (ScMainWindow *self)
{
  ScSession *scenario = scenario_session (self);

  if (self->scenario_editor != NULL)
    {
      /* The profile's editor comes back, not whichever page is next. */
      if (gtk_stack_get_visible_child (self->editor_stack) == self->scenario_editor)
        gtk_stack_set_visible_child_name (self->editor_stack, "editor");
      gtk_stack_remove (self->editor_stack, self->scenario_editor);
      self->scenario_editor = NULL;
    }
  if (scenario != NULL)
    {
      ScDocument *document = sc_session_get_document (scenario);

      self->scenario_editor = sc_profile_editor_new (document);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->scenario_editor), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Scenario B profile"), -1);
      gtk_stack_add_named (self->editor_stack, self->scenario_editor, SCENARIO_EDITOR);
      g_signal_connect_object (document, "changed", G_CALLBACK (scenario_document_changed_cb), self, 0);
      g_signal_connect_object (document, "notify::can-undo", G_CALLBACK (sc_main_window_update_undo_actions),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::can-redo", G_CALLBACK (sc_main_window_update_undo_actions),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::modified", G_CALLBACK (update_switch_labels), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "result-ready", G_CALLBACK (update_switch_labels), self,
                               G_CONNECT_SWAPPED);
    }
  gtk_revealer_set_reveal_child (self->scenario_bar, scenario != NULL);
  update_scenario_actions (self);
  update_switch_labels (self);
  select_scenario (self, scenario != NULL ? "b" : "a");
}

/* Another profile became A (opened, new, recovered): its editor shows. */
void
sc_main_window_scenario_profile_replaced (ScMainWindow *self)
{
  select_scenario (self, "a");
  update_switch_labels (self);
}

/* --- saving ------------------------------------------------------------------ */

/* Saves scenario B to @file (".shangce" added when missing); a failure
 * becomes a toast. TRUE when saved. */
static gboolean
save_scenario_to (ScMainWindow *self,
                  GFile        *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GFile) target = NULL;
  g_autofree char *base = NULL;
  g_autofree char *message = NULL;

  if (scenario_session (self) == NULL)
    return FALSE;
  if (path != NULL && !g_str_has_suffix (path, SC_PROFILE_EXTENSION))
    {
      g_autofree char *with = g_strconcat (path, SC_PROFILE_EXTENSION, NULL);
      target = g_file_new_for_path (with);
    }
  else
    target = g_object_ref (file);
  if (!sc_session_save (scenario_session (self), target, &error))
    {
      sc_main_window_toast (self, error->message);
      return FALSE;
    }
  base = g_file_get_basename (target);
  /* Translators: %s is the file name scenario B was saved to. */
  message = g_strdup_printf (_("Scenario B saved as “%s”"), base);
  sc_main_window_toast (self, message);
  return TRUE;
}

static void
scenario_chosen (ScMainWindow *self,
                 GFile        *file)
{
  if (file != NULL)
    save_scenario_to (self, file);
}

static void
ask_scenario_file (ScMainWindow *self,
                   FileCallback  chosen)
{
  g_autofree char *title = sc_document_dup_title (sc_session_get_document (scenario_session (self)));
  g_autofree char *name = g_strconcat (title, SC_PROFILE_EXTENSION, NULL);

  g_strdelimit (name, "/\\:", '-');
  sc_main_window_choose_file (self, _("Save Scenario"), TRUE, FILE_KIND_PROFILE, name, chosen);
}

static void
action_save_scenario_as (GtkWidget  *widget,
                         const char *name,
                         GVariant   *param)
{
  ScMainWindow *self = SC_MAIN_WINDOW (widget);

  if (scenario_session (self) != NULL)
    ask_scenario_file (self, scenario_chosen);
}

static void
action_save_scenario (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  ScMainWindow *self = SC_MAIN_WINDOW (widget);
  ScSession *scenario = scenario_session (self);
  GFile *file;

  if (scenario == NULL)
    return;
  file = sc_document_get_file (sc_session_get_document (scenario));
  if (file != NULL)
    save_scenario_to (self, file);
  else
    ask_scenario_file (self, scenario_chosen);
}

/* --- export the comparison ------------------------------------------------------ */

gboolean
sc_main_window_export_comparison (ScMainWindow  *self,
                                  GFile         *file,
                                  GError       **error)
{
  ScSession *scenario;
  g_autoptr(ScCompare) compare = NULL;
  g_autofree char *basename = NULL;
  g_autoptr(GBytes) bytes = NULL;
  ScReportFormat format;

  g_return_val_if_fail (SC_IS_MAIN_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  scenario = scenario_session (self);
  if (scenario == NULL)
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_VALUE, _("There is no scenario B to compare with"));
      return FALSE;
    }
  /* The same comparison as the Scenarios page, in the window's language. */
  compare = sc_compare_documents (self->document, sc_session_get_document (scenario));
  basename = g_file_get_basename (file);
  format = sc_main_window_report_format_for (basename);
  if (format == SC_REPORT_XLSX)
    {
      g_autofree char *path = g_file_get_path (file);

      if (path == NULL)
        {
          g_set_error_literal (error, SC_ERROR, SC_ERROR_IO, _("A spreadsheet can only be saved to a local folder"));
          return FALSE;
        }
      return sc_compare_report_write_xlsx (compare, path, error);
    }
  bytes = sc_compare_report_build (compare, format);
  /* Replaced whole or not at all, private as client data is. */
  return g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL, FALSE, G_FILE_CREATE_PRIVATE, NULL, NULL, error);
}

static void
comparison_chosen (ScMainWindow *self,
                   GFile        *file)
{
  /* Translators: %s is the file name of the comparison of two scenarios. */
  sc_main_window_finish_export (self, file, sc_main_window_export_comparison, _("Comparison saved as “%s”"));
}

static void
action_export_comparison (GtkWidget  *widget,
                          const char *name,
                          GVariant   *param)
{
  ScMainWindow *self = SC_MAIN_WINDOW (widget);

  if (scenario_session (self) != NULL)
    /* Translators: the end of the file name offered for a comparison of two scenarios */
    sc_main_window_ask_export (self, _("Export Comparison"), FILE_KIND_REPORT, _(" — scenarios.txt"),
                               comparison_chosen);
}

/* --- duplicate and remove ------------------------------------------------------ */

static void
action_duplicate_scenario (GtkWidget  *widget,
                           const char *name,
                           GVariant   *param)
{
  ScMainWindow *self = SC_MAIN_WINDOW (widget);

  if (scenario_session (self) != NULL)
    return;
  sc_session_duplicate_scenario (self->session);
  /* Both side by side, and B in the editor, ready to change. */
  sc_main_window_show_page (self, "scenarios");
}

static void
open_scenario_chosen (ScMainWindow *self,
                      GFile        *file)
{
  g_autoptr(GError) error = NULL;

  if (!sc_session_open_scenario (self->session, file, &error))
    {
      sc_main_window_toast (self, error->message);
      return;
    }
  sc_main_window_show_page (self, "scenarios");
}

static void
action_open_scenario (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  ScMainWindow *self = SC_MAIN_WINDOW (widget);

  if (scenario_session (self) == NULL)
    sc_main_window_choose_file (self, _("Open Scenario"), FALSE, FILE_KIND_PROFILE, NULL, open_scenario_chosen);
}

static void
remove_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    ScMainWindow     *self)
{
  if (self->scenario_dialog == GTK_WINDOW (dialog))
    self->scenario_dialog = NULL;
  if (g_str_equal (response, "remove"))
    sc_session_remove_scenario (self->session);
}

/* A question with Cancel and @what (destructive, or suggested Save): the
 * window's one question at a time. */
static AdwMessageDialog *
question (ScMainWindow *self,
          const char   *heading,
          const char   *body)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));

  adw_message_dialog_set_close_response (dialog, "cancel");
  self->scenario_dialog = GTK_WINDOW (dialog);
  return dialog;
}

static void
action_remove_scenario (GtkWidget  *widget,
                        const char *name,
                        GVariant   *param)
{
  ScMainWindow *self = SC_MAIN_WINDOW (widget);
  ScSession *scenario = scenario_session (self);
  AdwMessageDialog *dialog;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;

  if (scenario == NULL)
    return;
  /* Saved, it stays in its file: nothing to lose. */
  if (!sc_document_get_modified (sc_session_get_document (scenario)))
    {
      sc_session_remove_scenario (self->session);
      return;
    }
  title = sc_document_dup_title (sc_session_get_document (scenario));
  body = g_strdup_printf (_("“%s” has unsaved changes. Changes you don’t save are lost."), title);
  dialog = question (self, _("Remove Scenario B?"), body);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "remove", _("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- closing ------------------------------------------------------------------- */

ScSession *
sc_main_window_get_unsaved_scenario (ScMainWindow *self)
{
  ScSession *scenario = scenario_session (self);

  return scenario != NULL && sc_document_get_modified (sc_session_get_document (scenario)) ? scenario : NULL;
}

/* The Save Scenario As that "Save" in the unsaved-changes question opened,
 * answered (NULL: cancelled). */
static void
question_scenario_chosen (ScMainWindow *self,
                          GFile        *file)
{
  ScSaveChangesDocument *document = g_steal_pointer (&self->question_save);
  gboolean saved = file != NULL && save_scenario_to (self, file);

  if (document != NULL)
    sc_save_changes_document_saved (document, saved);
  if (!saved)
    sc_main_window_drop_question (self);
}

void
sc_main_window_question_save_scenario (ScSaveChangesDocument *document,
                                       gpointer               data)
{
  ScMainWindow *self = data;
  ScSession *scenario = scenario_session (self);
  GFile *file;

  if (scenario == NULL)
    {
      /* Removed while asked: nothing left to save. */
      sc_save_changes_document_saved (document, TRUE);
      return;
    }
  file = sc_document_get_file (sc_session_get_document (scenario));
  if (file != NULL)
    {
      sc_save_changes_document_saved (document, save_scenario_to (self, file));
      return;
    }
  /* Its editor shows what is being saved. */
  select_scenario (self, "b");
  self->question_save = document;
  ask_scenario_file (self, question_scenario_chosen);
}

/* --- setting up ------------------------------------------------------------------ */

void
sc_main_window_scenario_init (ScMainWindow *self)
{
  g_autoptr(GSimpleAction) action =
    g_simple_action_new_stateful ("scenario", G_VARIANT_TYPE_STRING, g_variant_new_string ("a"));

  g_signal_connect_object (action, "change-state", G_CALLBACK (scenario_state_cb), self, 0);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (action));

  /* The A/B switch and B's buttons are in sc-main-window.ui. */
  g_signal_connect_object (self->session, "notify::scenario", G_CALLBACK (scenario_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "result-ready", G_CALLBACK (update_switch_labels), self,
                           G_CONNECT_SWAPPED);
  scenario_changed_cb (self);
}

void
sc_main_window_class_add_scenario_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.duplicate-scenario", NULL, action_duplicate_scenario);
  gtk_widget_class_install_action (widget_class, "win.open-scenario", NULL, action_open_scenario);
  gtk_widget_class_install_action (widget_class, "win.save-scenario", NULL, action_save_scenario);
  gtk_widget_class_install_action (widget_class, "win.save-scenario-as", NULL, action_save_scenario_as);
  gtk_widget_class_install_action (widget_class, "win.export-comparison", NULL, action_export_comparison);
  gtk_widget_class_install_action (widget_class, "win.remove-scenario", NULL, action_remove_scenario);
}
