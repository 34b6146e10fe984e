/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-ui"

#include "config.h"

#include "sc-session.h"

#include <glib/gi18n.h>

#include "sc-error.h"
#include "sc-recovery.h"

struct _ScSession
{
  GObject      parent_instance;

  ScCatalog   *catalog;
  ScProfile   *profile;
  GFile       *file;
  gboolean     modified;
  GPtrArray   *disabled;      /* char*, NULL-terminated */
  GSettings   *settings;

  ScResult    *result;
  ScRuleCheck *rule_check;
  guint        recompute_id;
  gint64       last_compute_usec;

  /* crash recovery (see "recovery copies" below) */
  char        *recovery_id;
  guint        recovery_save_id;
  gboolean     recovery_written;
  gboolean     recovery_warned;
};

G_DEFINE_FINAL_TYPE (ScSession, sc_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MODIFIED,
  PROP_FILE,
  N_PROPS
};

enum {
  RESULT_CHANGED,
  PROFILE_REPLACED,
  CATALOG_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
set_modified (ScSession *self,
              gboolean   modified)
{
  if (self->modified == modified)
    return;
  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/* The profile now matches @file (NULL for a document never saved): not
 * modified, and no recovery copy to keep. */
static void
set_in_sync_with (ScSession *self,
                  GFile     *file)
{
  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  set_modified (self, FALSE);
  sc_session_discard_recovery (self);
}

/* The path of @file, which profiles are read from and written to; NULL
 * with @error set when it is not a local file. (transfer full) */
static char *
local_path (GFile    *file,
            gboolean  saving,
            GError  **error)
{
  char *path = g_file_get_path (file);

  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      if (saving)
        g_set_error (error, SC_ERROR, SC_ERROR_IO, _("%s: only local files can be saved"), uri);
      else
        g_set_error (error, SC_ERROR, SC_ERROR_IO, _("%s: only local files can be opened"), uri);
    }
  return path;
}

static void
disabled_reset (ScSession          *self,
                const char * const *ids)
{
  g_ptr_array_set_size (self->disabled, 0);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    g_ptr_array_add (self->disabled, g_strdup (ids[i]));
  g_ptr_array_add (self->disabled, NULL);
}

static gboolean
recompute_cb (gpointer data)
{
  ScSession *self = data;

  self->recompute_id = 0;
  sc_session_recompute (self, TRUE);
  return G_SOURCE_REMOVE;
}

static void
schedule_recompute (ScSession *self)
{
  /* Runs before GDK's redraw (G_PRIORITY_HIGH_IDLE + 20): an edit is
   * computed and drawn in the same frame. */
  if (self->recompute_id == 0)
    self->recompute_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 10,
                                          recompute_cb, self, NULL);
}

/* --- recovery copies ------------------------------------------------------ */

/* Quiet after the last edit for this long, the copy is written: never
 * while the user types, and at most this much work is lost in a crash. */
#define RECOVERY_DELAY_MS 2000

static void
recovery_warn (ScSession  *self,
               const char *what,
               GError     *error)
{
  /* A log line, never a dialog: it must not interrupt typing, and one line
   * says it all until a copy is written again. */
  if (self->recovery_warned)
    return;
  self->recovery_warned = TRUE;
  g_warning ("Could not %s the recovery copy of unsaved changes: %s", what, error->message);
}

static gboolean
recovery_save_cb (gpointer data)
{
  ScSession *self = data;

  self->recovery_save_id = 0;
  sc_session_write_recovery (self);
  return G_SOURCE_REMOVE;
}

static void
recovery_schedule (ScSession *self)
{
  g_clear_handle_id (&self->recovery_save_id, g_source_remove);
  self->recovery_save_id = g_timeout_add (RECOVERY_DELAY_MS, recovery_save_cb, self);
}

const char *
sc_session_get_recovery_id (ScSession *self)
{
  g_return_val_if_fail (SC_IS_SESSION (self), NULL);
  return self->recovery_id;
}

gboolean
sc_session_write_recovery (ScSession *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (SC_IS_SESSION (self), FALSE);

  g_clear_handle_id (&self->recovery_save_id, g_source_remove);
  if (!self->modified)
    return FALSE;
  /* Set before trying: a failed write may still leave part of a copy. */
  self->recovery_written = TRUE;
  if (!sc_recovery_save (self->profile, self->recovery_id, &error))
    {
      recovery_warn (self, "write", error);
      return FALSE;
    }
  self->recovery_warned = FALSE;
  return TRUE;
}

void
sc_session_discard_recovery (ScSession *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SC_IS_SESSION (self));

  g_clear_handle_id (&self->recovery_save_id, g_source_remove);
  if (!self->recovery_written)
    return;
  if (!sc_recovery_discard (self->recovery_id, &error))
    {
      recovery_warn (self, "remove", error);
      return;
    }
  self->recovery_written = FALSE;
}

gboolean
sc_session_recover (ScSession *self,
                    ScProfile *profile,
                    GFile     *file)
{
  g_return_val_if_fail (SC_IS_SESSION (self), FALSE);
  g_return_val_if_fail (profile != NULL, FALSE);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), FALSE);

  sc_session_set_profile (self, profile, file);
  /* The recovered edits are not in the file yet: the user still saves them. */
  set_modified (self, TRUE);
  return sc_session_write_recovery (self);
}

static void
sc_session_dispose (GObject *object)
{
  ScSession *self = SC_SESSION (object);

  /* An orderly end is no crash: nothing to offer back next time. */
  sc_session_discard_recovery (self);
  g_clear_handle_id (&self->recompute_id, g_source_remove);
  g_clear_object (&self->settings);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (sc_session_parent_class)->dispose (object);
}

static void
sc_session_finalize (GObject *object)
{
  ScSession *self = SC_SESSION (object);

  g_clear_pointer (&self->result, sc_result_free);
  g_clear_pointer (&self->rule_check, sc_rule_check_free);
  g_clear_pointer (&self->profile, sc_profile_free);
  g_clear_pointer (&self->catalog, sc_catalog_free);
  g_clear_pointer (&self->disabled, g_ptr_array_unref);
  g_clear_pointer (&self->recovery_id, g_free);

  G_OBJECT_CLASS (sc_session_parent_class)->finalize (object);
}

static void
sc_session_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  ScSession *self = SC_SESSION (object);

  switch (prop_id)
    {
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_session_class_init (ScSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sc_session_dispose;
  object_class->finalize = sc_session_finalize;
  object_class->get_property = sc_session_get_property;

  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The result and rule check were recomputed. */
  signals[RESULT_CHANGED] =
    g_signal_new ("result-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* Another profile document became current: editors reload every field. */
  signals[PROFILE_REPLACED] =
    g_signal_new ("profile-replaced", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* Program files were added (switching programs only recomputes). */
  signals[CATALOG_CHANGED] =
    g_signal_new ("catalog-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static GSettings *
settings_new_if_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    return NULL;
  return g_settings_new (APP_ID);
}

static void
sc_session_init (ScSession *self)
{
  self->catalog = sc_catalog_new ();
  self->disabled = g_ptr_array_new_with_free_func (g_free);
  self->recovery_id = sc_recovery_new_id ();
  self->settings = settings_new_if_installed ();

  if (self->settings != NULL)
    {
      g_auto(GStrv) ids = g_settings_get_strv (self->settings, "disabled-programs");
      disabled_reset (self, (const char * const *) ids);
    }
  else
    disabled_reset (self, NULL);

  self->profile = sc_session_new_profile (self);
}

ScSession *
sc_session_new (void)
{
  return g_object_new (SC_TYPE_SESSION, NULL);
}

void
sc_session_load_default_programs (ScSession *self)
{
  g_return_if_fail (SC_IS_SESSION (self));

  sc_catalog_add_defaults (self->catalog);
  g_signal_emit (self, signals[CATALOG_CHANGED], 0);
  schedule_recompute (self);
}

gboolean
sc_session_add_program_file (ScSession   *self,
                             const char  *path,
                             GError     **error)
{
  gboolean ok;

  g_return_val_if_fail (SC_IS_SESSION (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  ok = sc_catalog_add_file (self->catalog, path, SC_ORIGIN_COMMAND_LINE, error);
  g_signal_emit (self, signals[CATALOG_CHANGED], 0);
  schedule_recompute (self);
  return ok;
}

ScCatalog *
sc_session_get_catalog (ScSession *self)
{
  g_return_val_if_fail (SC_IS_SESSION (self), NULL);
  return self->catalog;
}

GPtrArray *
sc_session_get_load_errors (ScSession *self)
{
  g_return_val_if_fail (SC_IS_SESSION (self), NULL);
  return sc_catalog_get_errors (self->catalog);
}

ScProfile *
sc_session_get_profile (ScSession *self)
{
  g_return_val_if_fail (SC_IS_SESSION (self), NULL);
  return self->profile;
}

ScProfile *
sc_session_new_profile (ScSession *self)
{
  ScProfile *profile = sc_profile_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  /* "Today" belongs to the UI: the engine never reads the clock. */
  sc_profile_set_as_of (profile,
                        sc_day_from_ymd (g_date_time_get_year (now),
                                         g_date_time_get_month (now),
                                         g_date_time_get_day_of_month (now)),
                        NULL);
  sc_profile_set_name (profile, NULL, _("New merchant"));
  if (self->settings != NULL)
    {
      sc_profile_set_number (profile, SC_FIELD_COST_OF_CAPITAL,
                             g_settings_get_double (self->settings, "cost-of-capital"), NULL);
      sc_profile_set_number (profile, SC_FIELD_YUAN_PER_1000_EXPOSURES,
                             g_settings_get_double (self->settings, "yuan-per-1000-exposures"), NULL);
    }
  return profile;
}

void
sc_session_set_profile (ScSession *self,
                        ScProfile *profile,
                        GFile     *file)
{
  g_return_if_fail (SC_IS_SESSION (self));
  g_return_if_fail (profile != NULL);

  if (profile->as_of == SC_DAY_NONE)
    {
      g_autoptr(ScProfile) fresh = sc_session_new_profile (self);
      sc_profile_set_as_of (profile, fresh->as_of, NULL);
    }

  g_clear_pointer (&self->profile, sc_profile_free);
  self->profile = profile;
  set_in_sync_with (self, file);
  g_signal_emit (self, signals[PROFILE_REPLACED], 0);
  schedule_recompute (self);
}

void
sc_session_profile_changed (ScSession *self)
{
  g_return_if_fail (SC_IS_SESSION (self));

  set_modified (self, TRUE);
  schedule_recompute (self);
  recovery_schedule (self);
}

gboolean
sc_session_get_modified (ScSession *self)
{
  g_return_val_if_fail (SC_IS_SESSION (self), FALSE);
  return self->modified;
}

GFile *
sc_session_get_file (ScSession *self)
{
  g_return_val_if_fail (SC_IS_SESSION (self), NULL);
  return self->file;
}

char *
sc_session_dup_title (ScSession *self)
{
  const char *name;

  g_return_val_if_fail (SC_IS_SESSION (self), NULL);

  name = sc_profile_get_name (self->profile, sc_lang_current ());
  if (name != NULL && *name != '\0')
    return g_strdup (name);
  if (self->file != NULL)
    return g_file_get_basename (self->file);
  return g_strdup (_("Untitled profile"));
}

gboolean
sc_session_open (ScSession  *self,
                 GFile      *file,
                 GError    **error)
{
  g_autofree char *path = NULL;
  ScProfile *profile;

  g_return_val_if_fail (SC_IS_SESSION (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = local_path (file, FALSE, error);
  if (path == NULL)
    return FALSE;
  profile = sc_profile_load (path, error);
  if (profile == NULL)
    return FALSE;
  sc_session_set_profile (self, profile, file);
  return TRUE;
}

gboolean
sc_session_save (ScSession  *self,
                 GFile      *file,
                 GError    **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (SC_IS_SESSION (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = local_path (file, TRUE, error);
  if (path == NULL)
    return FALSE;
  if (!sc_profile_save (self->profile, path, error))
    return FALSE;
  set_in_sync_with (self, file);
  return TRUE;
}

gboolean
sc_session_is_program_enabled (ScSession  *self,
                               const char *program_id)
{
  g_return_val_if_fail (SC_IS_SESSION (self), FALSE);

  for (guint i = 0; i + 1 < self->disabled->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->disabled, i), program_id) == 0)
      return FALSE;
  return TRUE;
}

void
sc_session_set_program_enabled (ScSession  *self,
                                const char *program_id,
                                gboolean    enabled)
{
  g_autoptr(GPtrArray) ids = NULL;

  g_return_if_fail (SC_IS_SESSION (self));
  g_return_if_fail (program_id != NULL);

  if (sc_session_is_program_enabled (self, program_id) == !!enabled)
    return;

  ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i + 1 < self->disabled->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->disabled, i), program_id) != 0)
      g_ptr_array_add (ids, g_strdup (g_ptr_array_index (self->disabled, i)));
  if (!enabled)
    g_ptr_array_add (ids, g_strdup (program_id));
  g_ptr_array_add (ids, NULL);
  disabled_reset (self, (const char * const *) ids->pdata);

  if (self->settings != NULL)
    g_settings_set_strv (self->settings, "disabled-programs",
                         (const char * const *) self->disabled->pdata);
  schedule_recompute (self);
}

const char * const *
sc_session_get_disabled (ScSession *self)
{
  g_return_val_if_fail (SC_IS_SESSION (self), NULL);
  return (const char * const *) self->disabled->pdata;
}

const ScResult *
sc_session_get_result (ScSession *self)
{
  g_return_val_if_fail (SC_IS_SESSION (self), NULL);
  return self->result;
}

const ScRuleCheck *
sc_session_get_rule_check (ScSession *self)
{
  g_return_val_if_fail (SC_IS_SESSION (self), NULL);
  return self->rule_check;
}

void
sc_session_recompute (ScSession *self,
                      gboolean   force)
{
  ScEngineOptions options = { 0 };
  gint64 start;

  g_return_if_fail (SC_IS_SESSION (self));

  if (!force && self->recompute_id == 0 && self->result != NULL)
    return;
  g_clear_handle_id (&self->recompute_id, g_source_remove);

  options.disabled = (const char * const *) self->disabled->pdata;
  options.lang = sc_lang_current ();

  start = g_get_monotonic_time ();
  g_clear_pointer (&self->result, sc_result_free);
  g_clear_pointer (&self->rule_check, sc_rule_check_free);
  self->result = sc_engine_evaluate (self->catalog, self->profile, &options);
  self->rule_check = sc_rule_check (self->catalog, self->profile, options.lang);
  self->last_compute_usec = g_get_monotonic_time () - start;

  g_signal_emit (self, signals[RESULT_CHANGED], 0);
}

gint64
sc_session_get_last_compute_usec (ScSession *self)
{
  g_return_val_if_fail (SC_IS_SESSION (self), 0);
  return self->last_compute_usec;
}

GSettings *
sc_session_get_settings (ScSession *self)
{
  g_return_val_if_fail (SC_IS_SESSION (self), NULL);
  return self->settings;
}
