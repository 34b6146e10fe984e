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

/* --- crash recovery ---------------------------------------------------------- */

static void offer_next_recovery (ScMainWindow *self);

static gboolean
offer_recovery_idle (gpointer data)
{
  ScMainWindow *self = data;

  self->recovery_offer_id = 0;
  offer_next_recovery (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_recovery_offer (ScMainWindow *self)
{
  /* From the main loop: after the window is shown and not from inside
   * another dialog's response. */
  if (self->recovery_offer_id == 0)
    self->recovery_offer_id = g_idle_add (offer_recovery_idle, self);
}

/* The window that takes a recovered document: this one while its own
 * document has no unsaved changes (as at start-up), else a new one. */
static ScMainWindow *
recovery_target (ScMainWindow *self)
{
  ScMainWindow *target;

  if (!sc_session_get_modified (self->session))
    return self;
  target = sc_main_window_new (SC_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
  gtk_window_present (GTK_WINDOW (target));
  return target;
}

static void
recover_entry (ScMainWindow          *self,
               const ScRecoveryEntry *entry)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) discard_error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;
  ScProfile *profile = sc_recovery_load (entry, &error);
  ScMainWindow *target;

  if (profile == NULL)
    {
      sc_main_window_toast (self, error->message);
      return;
    }
  if (entry->original != NULL)
    file = g_file_new_for_path (entry->original);
  target = recovery_target (self);
  /* The old copy goes only once the window holds its own: a crash right
   * now still leaves one of them. */
  if (sc_session_recover (target->session, profile, file)
      && !sc_recovery_discard (entry->id, &discard_error))
    g_warning ("%s", discard_error->message);

  title = sc_session_dup_title (target->session);
  /* Translators: %s is the profile's name. */
  message = g_strdup_printf (_("Recovered the unsaved changes to “%s”: save the profile to keep them"),
                             title);
  sc_main_window_toast (target, message);
}

static void
recovery_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      ScMainWindow     *self)
{
  g_autoptr(ScRecoveryEntry) entry = NULL;

  self->recovery_dialog = NULL;
  if (self->recovery_entries == NULL || self->recovery_entries->len == 0)
    return;
  entry = g_ptr_array_steal_index (self->recovery_entries, 0);

  if (g_str_equal (response, "recover"))
    recover_entry (self, entry);
  else if (g_str_equal (response, "discard"))
    {
      g_autoptr(GError) error = NULL;

      if (!sc_recovery_discard (entry->id, &error))
        sc_main_window_toast (self, error->message);
    }
  /* Otherwise (Escape) the copy stays and is offered at the next start. */
  schedule_recovery_offer (self);
}

static void
offer_next_recovery (ScMainWindow *self)
{
  const ScRecoveryEntry *entry;
  AdwMessageDialog *dialog;
  g_autofree char *name = NULL;
  g_autofree char *when = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  guint more;

  if (self->recovery_dialog != NULL || self->recovery_entries == NULL
      || self->recovery_entries->len == 0)
    return;
  entry = g_ptr_array_index (self->recovery_entries, 0);
  more = self->recovery_entries->len - 1;

  if (entry->name != NULL && *entry->name != '\0')
    name = g_strdup (entry->name);
  else if (entry->original != NULL)
    name = g_path_get_basename (entry->original);
  else
    name = g_strdup (_("Untitled profile"));
  /* ISO order reads the same in every language the app speaks. */
  when = g_date_time_format (entry->saved, "%Y-%m-%d %H:%M");

  if (entry->original != NULL)
    {
      g_autofree char *file = g_path_get_basename (entry->original);
      /* Translators: “%1$s” is the profile's name, %2$s its file name,
       * %3$s the date and time the copy was written. */
      g_string_append_printf (body, _("Shangce closed before the changes to “%1$s” (%2$s) were saved. A copy from %3$s was kept."),
                              name, file, when);
    }
  else
    /* Translators: “%1$s” is the profile's name, %2$s the date and time
     * the copy was written. */
    g_string_append_printf (body, _("Shangce closed before the new profile “%1$s” was saved. A copy from %2$s was kept."),
                            name, when);
  if (more > 0)
    {
      g_string_append_c (body, ' ');
      g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u more copy is offered after this one.",
                                                 "%u more copies are offered after this one.",
                                                 more),
                              more);
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Recover Unsaved Changes?"),
                                                       body->str));
  adw_message_dialog_add_responses (dialog,
                                    "discard", _("_Discard"),
                                    "recover", _("_Recover"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "recover", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "recover");
  /* Escape decides nothing: the copy is kept for next time. */
  adw_message_dialog_set_close_response (dialog, "later");
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (recovery_response_cb), self, 0);
  self->recovery_dialog = GTK_WINDOW (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
sc_main_window_offer_recovery (ScMainWindow *self)
{
  GPtrArray *all;

  g_return_if_fail (SC_IS_MAIN_WINDOW (self));

  if (self->recovery_entries != NULL && self->recovery_entries->len > 0)
    return;
  g_clear_pointer (&self->recovery_entries, g_ptr_array_unref);
  all = sc_recovery_list ();
  /* Copies of a running instance's windows are theirs, not left over. */
  for (guint i = all->len; i > 0; i--)
    if (((ScRecoveryEntry *) g_ptr_array_index (all, i - 1))->in_use)
      g_ptr_array_remove_index (all, i - 1);
  self->recovery_entries = all;
  schedule_recovery_offer (self);
}

GtkWindow *
sc_main_window_get_recovery_dialog (ScMainWindow *self)
{
  g_return_val_if_fail (SC_IS_MAIN_WINDOW (self), NULL);
  return self->recovery_dialog;
}

gboolean
sc_main_window_is_first_window (ScMainWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  for (GList *l = app ? gtk_application_get_windows (app) : NULL; l != NULL; l = l->next)
    if (l->data != (gpointer) self && SC_IS_MAIN_WINDOW (l->data))
      return FALSE;
  return TRUE;
}

