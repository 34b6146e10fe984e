/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-ui"

#include "config.h"

#include "sc-session.h"

#include <glib/gi18n.h>

#include "sc-error.h"
#include "sc-i18n.h"
#include "sc-recovery.h"

struct _ScSession
{
  GObject      parent_instance;

  ScDocument  *document;
  GSettings   *settings;

  gboolean     computed;      /* the first recompute ran */
  guint        recompute_id;
  gint64       last_compute_usec;

  /* crash recovery (see "recovery copies" below) */
  char        *recovery_id;
  guint        recovery_save_id;
  gboolean     recovery_written;
  gboolean     recovery_warned;

  /* scenario B (see "scenario B" below) */
  ScSession   *scenario;
  GHashTable  *scenario_files;  /* program files added to its catalog */
};

G_DEFINE_FINAL_TYPE (ScSession, sc_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SCENARIO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
  g_autofree char *original = NULL;
  GFile *file;

  g_return_val_if_fail (SC_IS_SESSION (self), FALSE);

  g_clear_handle_id (&self->recovery_save_id, g_source_remove);
  if (!sc_document_get_modified (self->document))
    return FALSE;
  /* Set before trying: a failed write may still leave part of a copy. */
  self->recovery_written = TRUE;
  file = sc_document_get_file (self->document);
  original = file != NULL ? g_file_get_path (file) : NULL;
  if (!sc_recovery_save (sc_document_get_profile (self->document), original, self->recovery_id, &error))
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
  sc_document_mark_unsaved (self->document);
  return sc_session_write_recovery (self);
}

static void
sc_session_dispose (GObject *object)
{
  ScSession *self = SC_SESSION (object);

  /* An orderly end is no crash: nothing to offer back next time. */
  sc_session_discard_recovery (self);
  g_clear_object (&self->scenario);
  g_clear_pointer (&self->scenario_files, g_hash_table_unref);
  g_clear_handle_id (&self->recompute_id, g_source_remove);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sc_session_parent_class)->dispose (object);
}

static void
sc_session_finalize (GObject *object)
{
  ScSession *self = SC_SESSION (object);

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
    case PROP_SCENARIO:
      g_value_set_object (value, self->scenario);
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

  /* Scenario B's session, or NULL. */
  properties[PROP_SCENARIO] =
    g_param_spec_object ("scenario", NULL, NULL, SC_TYPE_SESSION,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
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

static void scenario_follow (ScSession        *self,
                             ScDocumentChange  what);

/* Programs switched on or off anywhere (the Programs page switches them on
 * the document) are the user's choice for every window to come. */
static void
save_disabled (ScSession *self)
{
  const char * const *ids = sc_document_get_disabled (self->document);
  g_auto(GStrv) saved = NULL;

  if (self->settings == NULL)
    return;
  saved = g_settings_get_strv (self->settings, "disabled-programs");
  /* Scenario B follows A's list: no second write of the same value. */
  if (!g_strv_equal ((const char * const *) saved, ids))
    g_settings_set_strv (self->settings, "disabled-programs", ids);
}

static void
document_changed_cb (ScDocument       *document,
                     ScDocumentChange  what,
                     ScSession        *self)
{
  scenario_follow (self, what);
  switch (what)
    {
    case SC_DOCUMENT_CHANGE_EDIT:
      recovery_schedule (self);
      break;
    case SC_DOCUMENT_CHANGE_PROFILE:
      /* Another profile, or an undo or redo. */
      if (sc_document_get_modified (document))
        recovery_schedule (self);
      break;
    case SC_DOCUMENT_CHANGE_PROGRAMS:
      save_disabled (self);
      break;
    case SC_DOCUMENT_CHANGE_CATALOG:
    case SC_DOCUMENT_CHANGE_LANG:
    default:
      break;
    }
  schedule_recompute (self);
}

static void
document_modified_cb (ScDocument *document,
                      GParamSpec *pspec,
                      ScSession  *self)
{
  /* Saved, or undone back to what the file holds: no copy to keep. */
  if (!sc_document_get_modified (document))
    sc_session_discard_recovery (self);
}

static void
document_result_ready_cb (ScDocument *document,
                          ScSession  *self)
{
  self->computed = TRUE;
}

static void
sc_session_init (ScSession *self)
{
  self->document = sc_document_new ();
  /* The window never computes the sensitivity sweep on its main thread:
   * pages ask for it with sc_document_compute_sweep_async(). */
  sc_document_set_sweep_in_background (self->document, TRUE);
  self->recovery_id = sc_recovery_new_id ();
  self->settings = settings_new_if_installed ();

  if (self->settings != NULL)
    {
      g_auto(GStrv) ids = g_settings_get_strv (self->settings, "disabled-programs");
      sc_document_set_disabled (self->document, (const char * const *) ids);
    }
  sc_document_set_profile (self->document, sc_session_new_profile (self), NULL);

  g_signal_connect (self->document, "changed", G_CALLBACK (document_changed_cb), self);
  g_signal_connect (self->document, "notify::modified", G_CALLBACK (document_modified_cb), self);
  g_signal_connect (self->document, "result-ready", G_CALLBACK (document_result_ready_cb), self);
}

ScSession *
sc_session_new (void)
{
  return g_object_new (SC_TYPE_SESSION, NULL);
}

ScDocument *
sc_session_get_document (ScSession *self)
{
  g_return_val_if_fail (SC_IS_SESSION (self), NULL);
  return self->document;
}

/*
 * The plausible range of each assumption a new profile takes from the
 * settings: a key "FIELD-range" (a pair low, high) beside the key of its
 * value (issue 13 §3). A range that does not hold the user's own default is
 * left out.
 */
static void
apply_default_ranges (ScSession *self,
                      ScProfile *profile)
{
  g_autoptr(GSettingsSchema) schema = NULL;

  g_object_get (self->settings, "settings-schema", &schema, NULL);
  for (guint f = 0; f < SC_N_FIELDS; f++)
    {
      g_autofree char *key = g_strconcat (sc_field_info ((ScField) f)->name, "-range", NULL);
      double low, high;

      if (!sc_profile_is_set (profile, (ScField) f) || !g_settings_schema_has_key (schema, key))
        continue;
      g_settings_get (self->settings, key, "(dd)", &low, &high);
      sc_profile_set_range (profile, (ScField) f, low, high, NULL);
    }
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
      sc_profile_set_number (profile, SC_FIELD_LOCKED_VALUE_WORTH,
                             g_settings_get_double (self->settings, "locked-value-worth"), NULL);
    }
  if (self->settings != NULL)
    apply_default_ranges (self, profile);
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

  sc_document_set_profile (self->document, profile, file);
  /* Even when it was not modified: a copy of the previous one may be left. */
  sc_session_discard_recovery (self);
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

  path = g_file_get_path (file);
  if (path == NULL)
    return sc_document_open (self->document, file, error);
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
  g_return_val_if_fail (SC_IS_SESSION (self), FALSE);
  if (!sc_document_save (self->document, file, error))
    return FALSE;
  sc_session_discard_recovery (self);
  return TRUE;
}

void
sc_session_recompute (ScSession *self,
                      gboolean   force)
{
  gint64 start;

  g_return_if_fail (SC_IS_SESSION (self));

  if (!force && self->recompute_id == 0 && self->computed)
    return;
  g_clear_handle_id (&self->recompute_id, g_source_remove);

  start = g_get_monotonic_time ();
  sc_document_get_result (self->document);
  sc_document_get_rule_check (self->document);
  self->last_compute_usec = g_get_monotonic_time () - start;
  /* Finds both cached; views redraw on its "result-ready". */
  sc_document_compute_result (self->document);
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

/* --- scenario B ------------------------------------------------------------ */

ScSession *
sc_session_get_scenario (ScSession *self)
{
  g_return_val_if_fail (SC_IS_SESSION (self), NULL);
  return self->scenario;
}

/* Adds to @scenario's catalog the program files the user added to this
 * one that it lacks yet (@added: the paths added so far): both scenarios
 * are measured by the same programs. */
static void
scenario_add_program_files (ScSession  *self,
                            ScSession  *scenario,
                            GHashTable *added)
{
  ScCatalog *catalog = sc_document_get_catalog (self->document);
  GPtrArray *programs = sc_catalog_get_all_programs (catalog);

  for (guint i = 0; i < programs->len; i++)
    {
      const ScProgram *program = g_ptr_array_index (programs, i);

      if (program->origin == NULL
          || sc_catalog_get_origin (catalog, program) != SC_ORIGIN_COMMAND_LINE
          || g_hash_table_contains (added, program->origin))
        continue;
      g_hash_table_add (added, g_strdup (program->origin));
      /* A file that loaded here loads there; its errors are shown here. */
      sc_document_add_program_file (scenario->document, program->origin, SC_ORIGIN_COMMAND_LINE, NULL);
    }
}

/* What changed in this document that the scenario shares. */
static void
scenario_follow (ScSession        *self,
                 ScDocumentChange  what)
{
  if (self->scenario == NULL)
    return;
  if (what == SC_DOCUMENT_CHANGE_CATALOG)
    scenario_add_program_files (self, self->scenario, self->scenario_files);
  else if (what == SC_DOCUMENT_CHANGE_PROGRAMS)
    sc_document_set_disabled (self->scenario->document, sc_document_get_disabled (self->document));
  else if (what == SC_DOCUMENT_CHANGE_LANG)
    sc_document_set_lang (self->scenario->document, sc_document_get_lang (self->document));
}

/* "NAME — scenario B" in @lang, whatever the window's language. */
static char *
scenario_name (const char *name,
               ScLang      lang)
{
  ScI18nSwitch *sw = sc_i18n_switch_begin (lang);
  /* Translators: the name of a copy of the profile, compared with it as
   * its scenario B; %s is the profile's name. */
  char *text = g_strdup_printf (_("%s — scenario B"), name);

  sc_i18n_switch_end (sw);
  return text;
}

/* A session for scenario B, measured by the programs of this one; @added
 * gets the program files added to it. (transfer full) */
static ScSession *
scenario_new (ScSession  *self,
              GHashTable *added)
{
  ScSession *scenario = sc_session_new ();

  sc_document_set_lang (scenario->document, sc_document_get_lang (self->document));
  sc_document_load_default_programs (scenario->document);
  scenario_add_program_files (self, scenario, added);
  sc_document_set_disabled (scenario->document, sc_document_get_disabled (self->document));
  return scenario;
}

/* Makes @scenario (transfer full, with its @added files) scenario B. */
static void
scenario_set (ScSession  *self,
              ScSession  *scenario,
              GHashTable *added)
{
  sc_session_remove_scenario (self);
  self->scenario = scenario;
  self->scenario_files = added;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCENARIO]);
}

static GHashTable *
path_set_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

ScSession *
sc_session_duplicate_scenario (ScSession *self)
{
  const ScProfile *profile;
  ScProfile *copy;
  ScSession *scenario;
  GHashTable *added;
  g_autofree char *zh = NULL;
  g_autofree char *en = NULL;

  g_return_val_if_fail (SC_IS_SESSION (self), NULL);

  profile = sc_document_get_profile (self->document);
  copy = sc_profile_copy (profile);
  g_clear_pointer (&copy->path, g_free);
  if (profile->name.zh != NULL && *profile->name.zh != '\0')
    zh = scenario_name (profile->name.zh, SC_LANG_ZH);
  if (profile->name.en != NULL && *profile->name.en != '\0')
    en = scenario_name (profile->name.en, SC_LANG_EN);
  if (zh == NULL && en == NULL)
    {
      g_autofree char *title = sc_document_dup_title (self->document);
      ScLang lang = sc_document_get_lang (self->document);
      char *name = scenario_name (title, lang);

      if (lang == SC_LANG_ZH)
        zh = name;
      else
        en = name;
    }
  sc_profile_set_name (copy, zh, en);

  added = path_set_new ();
  scenario = scenario_new (self, added);
  sc_session_set_profile (scenario, copy, NULL);
  /* Never saved: closing the window asks about it. */
  sc_document_mark_unsaved (scenario->document);
  scenario_set (self, scenario, added);
  return scenario;
}

gboolean
sc_session_open_scenario (ScSession  *self,
                          GFile      *file,
                          GError    **error)
{
  g_autoptr(GHashTable) added = NULL;
  g_autoptr(ScSession) scenario = NULL;

  g_return_val_if_fail (SC_IS_SESSION (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  added = path_set_new ();
  scenario = scenario_new (self, added);
  if (!sc_session_open (scenario, file, error))
    return FALSE;
  scenario_set (self, g_steal_pointer (&scenario), g_steal_pointer (&added));
  return TRUE;
}

void
sc_session_remove_scenario (ScSession *self)
{
  g_return_if_fail (SC_IS_SESSION (self));

  if (self->scenario == NULL)
    return;
  /* Its dispose removes its recovery copy: removing it is no crash. */
  g_clear_object (&self->scenario);
  g_clear_pointer (&self->scenario_files, g_hash_table_unref);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCENARIO]);
}
