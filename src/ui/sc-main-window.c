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
#include "sc-rule-check-view.h"
#include "sc-scenarios-page.h"

G_DEFINE_FINAL_TYPE (ScMainWindow, sc_main_window, ADW_TYPE_APPLICATION_WINDOW)



/* --- title, toasts ----------------------------------------------------- */

static void
update_title (ScMainWindow *self)
{
  g_autofree char *title = sc_document_dup_title (self->document);
  GFile *file = sc_document_get_file (self->document);
  g_autofree char *subtitle = NULL;
  g_autofree char *window_title = NULL;

  if (file != NULL)
    {
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *base = g_file_get_basename (file);
      subtitle = g_strdup (base ? base : path);
    }
  else
    subtitle = g_strdup (_("Not saved"));
  if (sc_document_get_modified (self->document))
    {
      g_autofree char *s = g_strdup_printf ("%s •", subtitle);
      g_free (subtitle);
      subtitle = g_steal_pointer (&s);
    }
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  window_title = g_strdup_printf ("%s%s — %s", sc_document_get_modified (self->document) ? "• " : "",
                                  title, _("Shangce"));
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

void
sc_main_window_toast (ScMainWindow *self,
                      const char   *message)
{
  AdwToast *toast;

  g_return_if_fail (SC_IS_MAIN_WINDOW (self));

  {
    /* Toast titles are markup in libadwaita 1.2; messages quote "<name>". */
    g_autofree char *escaped = g_markup_escape_text (message, -1);
    toast = adw_toast_new (escaped);
  }
  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

/* Another profile, or an undo or redo of this one: its editor (A's, in
 * place of the short start) and its title. */
static void
profile_replaced_cb (ScDocument       *document,
                     ScDocumentChange  what,
                     ScMainWindow     *self)
{
  if (what != SC_DOCUMENT_CHANGE_PROFILE)
    return;
  sc_main_window_scenario_profile_replaced (self);
  update_title (self);
  if (self->editor != NULL)
    sc_main_window_profile_replaced_cb (self);
}

/* --- recent profiles ----------------------------------------------------- */

static void
rebuild_recent (ScMainWindow *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  GList *items = gtk_recent_manager_get_items (manager);
  guint n = 0;

  g_menu_remove_all (self->recent_section);
  for (GList *l = items; l != NULL && n < 6; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);
      g_autoptr(GMenuItem) item = NULL;

      if (!g_str_has_suffix (uri, SC_PROFILE_EXTENSION) || !gtk_recent_info_exists (info))
        continue;
      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target (item, "win.open-recent", "s", uri);
      g_menu_append_item (self->recent_section, item);
      n++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

static void
remember (ScMainWindow *self,
          GFile        *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .display_name = NULL,
    .mime_type = (char *) SC_PROFILE_MIME_TYPE,
    .app_name = (char *) "Shangce",
    .app_exec = (char *) "shangce %u",
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-profile", uri);
}

/* --- documents ----------------------------------------------------------- */

static void
open_now (ScMainWindow *self,
          gpointer      data)
{
  GFile *file = data;
  g_autoptr(GError) error = NULL;

  if (!sc_session_open (self->session, file, &error))
    {
      sc_main_window_toast (self, error->message);
      return;
    }
  remember (self, file);
  rebuild_recent (self);
}

void
sc_main_window_open_file (ScMainWindow *self,
                          GFile        *file)
{
  g_autofree char *base = NULL;

  g_return_if_fail (SC_IS_MAIN_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  base = g_file_get_basename (file);
  if (base != NULL && g_str_has_suffix (base, ".xml"))
    {
      sc_main_window_add_program_files (self, &file, 1);
      return;
    }
  sc_main_window_confirm_discard (self, open_now, g_object_ref (file), g_object_unref);
}

static void
open_example_now (ScMainWindow *self,
                  gpointer      data)
{
  const char *id = data;
  g_autoptr(GError) error = NULL;
  ScProfile *profile = sc_profile_load_example (id, &error);

  if (profile == NULL)
    {
      sc_main_window_toast (self, error->message);
      return;
    }
  /* An example has no file: saving asks where, so the bundled file stays. */
  sc_session_set_profile (self->session, profile, NULL);
}

gboolean
sc_main_window_open_example (ScMainWindow *self,
                             const char   *id)
{
  g_return_val_if_fail (SC_IS_MAIN_WINDOW (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  sc_main_window_confirm_discard (self, open_example_now, g_strdup (id), g_free);
  return TRUE;
}

/* Saves the profile to @file now (no dialog). */
static gboolean
save_to (ScMainWindow  *self,
         GFile         *file,
         GError       **error)
{
  if (!sc_session_save (self->session, file, error))
    return FALSE;
  remember (self, file);
  rebuild_recent (self);
  return TRUE;
}

/* Saves to @file; a failure becomes a toast. TRUE when saved. */
gboolean
sc_main_window_save_or_toast (ScMainWindow *self,
               GFile        *file)
{
  g_autoptr(GError) error = NULL;

  if (save_to (self, file, &error))
    return TRUE;
  sc_main_window_toast (self, error->message);
  return FALSE;
}

/* Saves to @file, chosen in the Save As dialog, or NULL when the user
 * cancelled it. TRUE when saved. */
gboolean
sc_main_window_save_as_to (ScMainWindow *self,
                           GFile        *file)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) target = NULL;

  if (file == NULL)
    return FALSE;
  path = g_file_get_path (file);
  /* Keep the extension so the file manager knows the document. */
  if (path != NULL && !g_str_has_suffix (path, SC_PROFILE_EXTENSION))
    {
      g_autofree char *with = g_strconcat (path, SC_PROFILE_EXTENSION, NULL);
      target = g_file_new_for_path (with);
    }
  else
    target = g_object_ref (file);
  return sc_main_window_save_or_toast (self, target);
}

void
sc_main_window_save_as_chosen (ScMainWindow *self,
                GFile        *file)
{
  sc_main_window_save_as_to (self, file);
}

void
sc_main_window_save_as (ScMainWindow *self,
         FileCallback  chosen)
{
  g_autofree char *title = sc_document_dup_title (self->document);
  g_autofree char *name = g_strconcat (title, SC_PROFILE_EXTENSION, NULL);

  g_strdelimit (name, "/\\:", '-');
  sc_main_window_choose_file (self, _("Save Profile"), TRUE, FILE_KIND_PROFILE, name, chosen);
}

/* --- programs -------------------------------------------------------------- */

void
sc_main_window_add_program_files (ScMainWindow  *self,
                                  GFile        **files,
                                  guint          n_files)
{
  g_return_if_fail (SC_IS_MAIN_WINDOW (self));

  sc_programs_view_add_files (SC_PROGRAMS_VIEW (sc_main_window_get_page (self, "programs")),
                              files, n_files);
}

void
sc_main_window_program_chosen (ScMainWindow *self,
                GFile        *file)
{
  sc_main_window_add_program_files (self, &file, 1);
  sc_main_window_show_page (self, "programs");
}

/* --- close ------------------------------------------------------------------ */

static gboolean
close_idle (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  g_object_unref (data);
  return G_SOURCE_REMOVE;
}

static void
close_now (ScMainWindow *self,
           gpointer      data)
{
  self->close_confirmed = TRUE;
  /* Not from inside the dialog's response: closing destroys the dialog too. */
  g_idle_add (close_idle, g_object_ref (self));
}

static void
save_window_state (ScMainWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static gboolean
sc_main_window_close_request (GtkWindow *window)
{
  ScMainWindow *self = SC_MAIN_WINDOW (window);

  /* Its file chooser goes first: a Save As not yet answered is dropped
   * (with unsaved changes, the question below asks again), and nothing is
   * saved later for a window that has gone. */
  sc_main_window_close_file_chooser (self);
  if (!self->close_confirmed && sc_main_window_has_unsaved (self))
    {
      sc_main_window_confirm_close (self, close_now);
      return TRUE;
    }
  save_window_state (self);
  sc_session_discard_recovery (self->session);
  return GTK_WINDOW_CLASS (sc_main_window_parent_class)->close_request (window);
}

/* --- pages ------------------------------------------------------------------ */

/* The session's "scenario" as its document, for the Scenarios page. */
static gboolean
scenario_document (GBinding     *binding,
                   const GValue *from,
                   GValue       *to,
                   gpointer      data)
{
  ScSession *scenario = g_value_get_object (from);

  g_value_set_object (to, scenario != NULL ? sc_session_get_document (scenario) : NULL);
  return TRUE;
}

static GtkWidget *
scenarios_page_new (ScMainWindow *self)
{
  GtkWidget *page = sc_scenarios_page_new (self->document);

  g_object_bind_property_full (self->session, "scenario", page, "scenario-document", G_BINDING_SYNC_CREATE,
                               scenario_document, NULL, NULL, NULL);
  return page;
}

static GtkWidget *
ensure_page (ScMainWindow *self,
             guint         i)
{
  /* Pages other than the overview are built when first shown: start-up
   * only pays for what the first frame shows. */
  if (self->pages[i] == NULL)
    {
      switch (i)
        {
        case 0: self->pages[i] = sc_overview_page_new (self->document, self->settings); break;
        case 1: self->pages[i] = sc_measures_view_new (self->document); break;
        case 2: self->pages[i] = sc_programs_view_new (self->document); break;
        case 3: self->pages[i] = sc_rule_check_view_new (self->document); break;
        case 4: self->pages[i] = scenarios_page_new (self); break;
        default: g_assert_not_reached ();
        }
      adw_bin_set_child (self->page_bins[i], self->pages[i]);
    }
  return self->pages[i];
}

GtkWidget *
sc_main_window_get_page (ScMainWindow *self,
                         const char   *name)
{
  g_return_val_if_fail (SC_IS_MAIN_WINDOW (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (page_info); i++)
    if (g_strcmp0 (name, page_info[i].name) == 0)
      return ensure_page (self, i);
  return NULL;
}

static void build_examples_menu (ScMainWindow *self);

static void
visible_page_cb (ScMainWindow *self)
{
  sc_main_window_get_page (self, sc_main_window_get_visible_page (self));
}

void
sc_main_window_show_page (ScMainWindow *self,
                          const char   *name)
{
  g_return_if_fail (SC_IS_MAIN_WINDOW (self));

  if (sc_main_window_get_page (self, name) != NULL)
    adw_view_stack_set_visible_child_name (self->stack, name);
}

const char *
sc_main_window_get_visible_page (ScMainWindow *self)
{
  g_return_val_if_fail (SC_IS_MAIN_WINDOW (self), NULL);
  return adw_view_stack_get_visible_child_name (self->stack);
}

/*
 * Start-up: the first frame shows the window's frame (header bar, page
 * switcher) from a document already loaded; the profile editor, the
 * visible page with its first chart and the menus of examples and recent
 * files are made just after it, before any input is handled. Asking for
 * a page earlier makes it at once.
 */
static void
ensure_content (ScMainWindow *self)
{
  g_clear_handle_id (&self->content_id, g_source_remove);
  if (self->editor != NULL)
    return;
  self->editor = sc_profile_editor_new (self->document);
  gtk_stack_add_named (self->editor_stack, self->editor, "editor");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->editor), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Merchant profile"), -1);
  visible_page_cb (self);
  build_examples_menu (self);
  rebuild_recent (self);
}

static gboolean
content_idle_cb (gpointer data)
{
  ScMainWindow *self = data;

  self->content_id = 0;
  ensure_content (self);
  return G_SOURCE_REMOVE;
}

static void
first_paint_cb (GdkFrameClock *clock,
                ScMainWindow  *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_paint_cb, self);
  /* Before input events (G_PRIORITY_DEFAULT): no action finds it missing. */
  if (self->editor == NULL && self->content_id == 0)
    self->content_id = g_idle_add_full (G_PRIORITY_HIGH, content_idle_cb, self, NULL);
}

static void
realize_cb (ScMainWindow *self)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                           G_CALLBACK (first_paint_cb), self, 0);
}

ScSession *
sc_main_window_get_session (ScMainWindow *self)
{
  g_return_val_if_fail (SC_IS_MAIN_WINDOW (self), NULL);
  return self->session;
}

static void
build_examples_menu (ScMainWindow *self)
{
  g_auto(GStrv) ids = sc_profile_list_examples ();

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ScProfile) profile = sc_profile_load_example (ids[i], &error);
      g_autoptr(GMenuItem) item = NULL;

      if (profile == NULL)
        continue;
      item = g_menu_item_new (sc_profile_get_name (profile, sc_lang_current ()), NULL);
      g_menu_item_set_action_and_target (item, "win.open-example", "s", ids[i]);
      g_menu_append_item (self->examples_section, item);
    }
}

/* The last profile, else the default example, else the first, else a new one. */
static void
open_initial_profile (ScMainWindow *self)
{
  g_auto(GStrv) ids = sc_profile_list_examples ();
  const char *example = NULL;

  if (self->settings != NULL)
    {
      g_autofree char *uri = g_settings_get_string (self->settings, "last-profile");
      if (uri != NULL && *uri != '\0')
        {
          g_autoptr(GFile) file = g_file_new_for_uri (uri);
          if (g_file_query_exists (file, NULL) && sc_session_open (self->session, file, NULL))
            return;
        }
    }
  for (guint i = 0; ids[i] != NULL; i++)
    if (g_str_equal (ids[i], SC_PROFILE_DEFAULT_EXAMPLE))
      example = ids[i];
  if (example == NULL)
    example = ids[0];
  if (example != NULL)
    open_example_now (self, (gpointer) example);
}

static void
sc_main_window_dispose (GObject *object)
{
  ScMainWindow *self = SC_MAIN_WINDOW (object);

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_handle_id (&self->content_id, g_source_remove);
  /* The question goes with the window, and what it held back is not done
   * for a window that is gone. */
  sc_main_window_close_file_chooser (self);
  sc_main_window_drop_question (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_MAIN_WINDOW);
  self->document = NULL;
  g_clear_object (&self->session);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->undo_toasted, g_free);

  G_OBJECT_CLASS (sc_main_window_parent_class)->dispose (object);
}

static void
sc_main_window_class_init (ScMainWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sc_main_window_dispose;
  window_class->close_request = sc_main_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/sc-main-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ScMainWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, ScMainWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ScMainWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ScMainWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, ScMainWindow, open_menu_button);
  gtk_widget_class_bind_template_child (widget_class, ScMainWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, ScMainWindow, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, ScMainWindow, scenario_bar);
  gtk_widget_class_bind_template_child (widget_class, ScMainWindow, scenario_a_button);
  gtk_widget_class_bind_template_child (widget_class, ScMainWindow, scenario_b_button);
  gtk_widget_class_bind_template_child (widget_class, ScMainWindow, examples_section);
  gtk_widget_class_bind_template_child (widget_class, ScMainWindow, recent_section);

  sc_main_window_class_add_actions (widget_class);
  sc_main_window_class_add_scenario_actions (widget_class);


}

/* A menu button's tooltip would be drawn over its open menu (squeezed to
 * one character a line at the screen's edge): no tooltip while it is open. */
static void
menu_popover_visible_cb (GtkWidget  *popover,
                         GParamSpec *pspec,
                         GtkWidget  *button)
{
  gtk_widget_set_has_tooltip (button, !gtk_widget_get_visible (popover));
}

static void
hide_tooltip_while_open (GtkWidget *menu_button)
{
  GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button));

  if (popover != NULL)
    g_signal_connect_object (popover, "notify::visible", G_CALLBACK (menu_popover_visible_cb),
                             menu_button, 0);
}

static void
sc_main_window_init (ScMainWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sc_a11y_fix_mnemonic (self->open_button);
  hide_tooltip_while_open (self->open_menu_button);
  hide_tooltip_while_open (self->menu_button);
}

ScMainWindow *
sc_main_window_new (ScApplication *application)
{
  ScMainWindow *self = g_object_new (SC_TYPE_MAIN_WINDOW, "application", application, NULL);
  const char *start_page = g_getenv ("SHANGCE_START_PAGE");

  self->session = sc_session_new ();
  self->document = sc_session_get_document (self->session);
  {
    ScDocument *document = self->document;

    g_signal_connect_object (document, "changed", G_CALLBACK (sc_main_window_document_changed_cb), self, 0);
    g_signal_connect_object (document, "notify::can-undo", G_CALLBACK (sc_main_window_update_undo_actions), self, G_CONNECT_SWAPPED);
    g_signal_connect_object (document, "notify::can-redo", G_CALLBACK (sc_main_window_update_undo_actions), self, G_CONNECT_SWAPPED);
    sc_main_window_update_undo_actions (self);
  }
  self->settings = sc_session_get_settings (self->session)
                   ? g_object_ref (sc_session_get_settings (self->session)) : NULL;
  if (self->settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }

  /* The editor goes in after the first frame (see ensure_content). */
  g_signal_connect (self, "realize", G_CALLBACK (realize_cb), NULL);
  sc_main_window_scenario_init (self);

  for (guint i = 0; i < G_N_ELEMENTS (page_info); i++)
    {
      self->page_bins[i] = ADW_BIN (adw_bin_new ());
      adw_view_stack_add_titled_with_icon (self->stack, GTK_WIDGET (self->page_bins[i]), page_info[i].name,
                                           _(page_info[i].title), page_info[i].icon);
    }
  g_signal_connect_object (self->stack, "notify::visible-child", G_CALLBACK (visible_page_cb),
                           self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->document, "notify::modified", G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::file", G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "changed", G_CALLBACK (profile_replaced_cb), self, 0);
  g_signal_connect_object (self->document, "result-ready", G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);

  sc_document_load_default_programs (self->document);
  open_initial_profile (self);
  /* The first page made shows numbers, not an empty chart. */
  sc_session_recompute (self->session, FALSE);
  update_title (self);

  if (start_page != NULL)
    sc_main_window_show_page (self, start_page);
  return self;
}
