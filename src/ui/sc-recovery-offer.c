/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-ui"

#include "config.h"

#include "sc-recovery-offer.h"

#include <glib/gi18n.h>

#include "sc-main-window.h"
#include "sc-recovery.h"

struct _ScRecoveryOffer
{
  GtkApplication *application;
  gulong          added_id;
  gulong          removed_id;
  /* The window the copies are offered in, NULL when none; dropped when it
   * leaves the application. */
  ScMainWindow   *window;
  GPtrArray      *entries;    /* ScRecoveryEntry*, newest first */
  GtkWindow      *dialog;     /* the question shown, or NULL */
  guint           offer_id;   /* the next question, waiting for the main loop */
};

static void offer_next (ScRecoveryOffer *self);

static gboolean
offer_idle (gpointer data)
{
  ScRecoveryOffer *self = data;

  self->offer_id = 0;
  offer_next (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_offer (ScRecoveryOffer *self)
{
  /* From the main loop: after the window is shown and not from inside
   * another dialog's response. */
  if (self->offer_id == 0)
    self->offer_id = g_idle_add (offer_idle, self);
}

/* The window that takes a recovered document: the one offered in while its
 * own document has no unsaved changes (as at start-up), else a new one. */
static ScMainWindow *
recovery_target (ScRecoveryOffer *self)
{
  ScMainWindow *target;

  if (!sc_document_get_modified (sc_session_get_document (sc_main_window_get_session (self->window))))
    return self->window;
  target = sc_main_window_new (SC_APPLICATION (self->application));
  gtk_window_present (GTK_WINDOW (target));
  return target;
}

static void
recover_entry (ScRecoveryOffer       *self,
               const ScRecoveryEntry *entry)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) discard_error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;
  ScProfile *profile = sc_recovery_load (entry, &error);
  ScMainWindow *target;
  ScSession *session;

  if (profile == NULL)
    {
      sc_main_window_toast (self->window, error->message);
      return;
    }
  if (entry->original != NULL)
    file = g_file_new_for_path (entry->original);
  target = recovery_target (self);
  session = sc_main_window_get_session (target);
  /* The old copy goes only once the window holds its own: a crash right
   * now still leaves one of them. */
  if (sc_session_recover (session, profile, file)
      && !sc_recovery_discard (entry->id, &discard_error))
    g_warning ("%s", discard_error->message);

  title = sc_document_dup_title (sc_session_get_document (session));
  /* Translators: %s is the profile's name. */
  message = g_strdup_printf (_("Recovered the unsaved changes to “%s”: save the profile to keep them"),
                             title);
  sc_main_window_toast (target, message);
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             ScRecoveryOffer  *self)
{
  g_autoptr(ScRecoveryEntry) entry = NULL;

  self->dialog = NULL;
  if (self->entries == NULL || self->entries->len == 0)
    return;
  entry = g_ptr_array_steal_index (self->entries, 0);

  if (g_str_equal (response, "recover"))
    recover_entry (self, entry);
  else if (g_str_equal (response, "discard"))
    {
      g_autoptr(GError) error = NULL;

      if (!sc_recovery_discard (entry->id, &error))
        sc_main_window_toast (self->window, error->message);
    }
  /* Otherwise (Escape) the copy stays and is offered at the next start. */
  schedule_offer (self);
}

static void
offer_next (ScRecoveryOffer *self)
{
  const ScRecoveryEntry *entry;
  AdwMessageDialog *dialog;
  g_autofree char *name = NULL;
  g_autofree char *when = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  guint more;

  if (self->dialog != NULL || self->entries == NULL
      || self->entries->len == 0)
    return;
  entry = g_ptr_array_index (self->entries, 0);
  more = self->entries->len - 1;

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

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self->window),
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
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), self);
  self->dialog = GTK_WINDOW (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The offer in @window ends: its question goes with it, and what is left
 * is offered again in the next first window. */
static void
end_offer (ScRecoveryOffer *self)
{
  g_clear_handle_id (&self->offer_id, g_source_remove);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  if (self->dialog != NULL)
    {
      GtkWindow *dialog = g_steal_pointer (&self->dialog);

      g_signal_handlers_disconnect_by_data (dialog, self);
      gtk_window_destroy (dialog);
    }
  self->window = NULL;
}

static gboolean
is_first_window (GtkApplication *application,
                 GtkWindow      *window)
{
  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    if (l->data != (gpointer) window && SC_IS_MAIN_WINDOW (l->data))
      return FALSE;
  return TRUE;
}

static void
window_added_cb (GtkApplication  *application,
                 GtkWindow       *window,
                 ScRecoveryOffer *self)
{
  GPtrArray *all;

  if (self->window != NULL || !SC_IS_MAIN_WINDOW (window)
      || !is_first_window (application, window))
    return;
  all = sc_recovery_list ();
  /* Copies of a running instance's windows are theirs, not left over. */
  for (guint i = all->len; i > 0; i--)
    if (((ScRecoveryEntry *) g_ptr_array_index (all, i - 1))->in_use)
      g_ptr_array_remove_index (all, i - 1);
  if (all->len == 0)
    {
      g_ptr_array_unref (all);
      return;
    }
  self->window = SC_MAIN_WINDOW (window);
  self->entries = all;
  schedule_offer (self);
}

static void
window_removed_cb (GtkApplication  *application,
                   GtkWindow       *window,
                   ScRecoveryOffer *self)
{
  if (window == GTK_WINDOW (self->window))
    end_offer (self);
}

ScRecoveryOffer *
sc_recovery_offer_new (GtkApplication *application)
{
  ScRecoveryOffer *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);

  self = g_new0 (ScRecoveryOffer, 1);
  self->application = application;
  self->added_id = g_signal_connect (application, "window-added", G_CALLBACK (window_added_cb), self);
  self->removed_id = g_signal_connect (application, "window-removed", G_CALLBACK (window_removed_cb), self);
  return self;
}

void
sc_recovery_offer_free (ScRecoveryOffer *self)
{
  if (self == NULL)
    return;
  end_offer (self);
  g_clear_signal_handler (&self->added_id, self->application);
  g_clear_signal_handler (&self->removed_id, self->application);
  g_free (self);
}
