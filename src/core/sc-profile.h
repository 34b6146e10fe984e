/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "sc-field.h"
#include "sc-program.h"
#include "sc-types.h"

G_BEGIN_DECLS

/*
 * A merchant profile: one merchant's own numbers, the evaluation date and
 * horizon, the user's assumptions and overrides of platform baselines.
 *
 * Documents: XML in the namespace SC_PROFILE_NS, root `<profile format="1">`,
 * MIME type application/x-shangce-profile, extension .shangce; the schema is
 * data/schema/profile.rng.
 *
 * Every value is checked on set and on load against the bounds in
 * sc_field_info(); an unset field makes a condition that names it
 * "needs information", never silently false.
 */

#define SC_PROFILE_NS            "https://shangce.github.io/ns/profile/1"
#define SC_PROFILE_MIME_TYPE     "application/x-shangce-profile"
#define SC_PROFILE_EXTENSION     ".shangce"
#define SC_PROFILE_HORIZON_DEFAULT 12
#define SC_PROFILE_HORIZON_MAX   120
/* More than any real profile needs (platforms × fees × categories); keeps
 * loading a hostile file linear. */
#define SC_PROFILE_MAX_OVERRIDES 1000

/**
 * ScProfileValue:
 * @set: FALSE when the profile does not give the field
 * @number: NUMBER, MONEY and FRACTION fields; BOOL fields hold 0 or 1
 * @date: DATE fields
 * @choice: CHOICE fields: points into the static choice table of
 *   sc_field_info() (never freed, compare with g_strcmp0)
 * @note: optional note (why this value; required in spirit for assumptions)
 * @has_range, @low, @high: an assumption's plausible range (NUMBER, MONEY
 *   and FRACTION fields), low="…" high="…" in the file; the range analysis
 *   (sc-range.h) moves the value there
 */
typedef struct
{
  gboolean     set;
  double       number;
  ScDay        date;
  const char  *choice;
  ScText       note;
  gboolean     has_range;
  double       low;
  double       high;
} ScProfileValue;

/**
 * ScProfileOverride:
 * The user's value for one platform baseline fee; wins over the data.
 * @category NULL applies to every category of that platform.
 */
typedef struct
{
  char    *platform;
  ScFee    fee;
  char    *category;
  double   value;
  ScText   note;
} ScProfileOverride;

/**
 * ScProfile:
 * Read the members freely; change them only through the setters so every
 * value stays valid.
 */
typedef struct
{
  ScText          name;
  ScDay           as_of;            /* evaluation date; SC_DAY_NONE until set */
  guint           horizon_months;   /* 1 … SC_PROFILE_HORIZON_MAX */
  ScProfileValue  values[SC_N_FIELDS];
  GPtrArray      *overrides;        /* ScProfileOverride*, in the order added */
  char           *notes;            /* free text, may be NULL */
  ScText          notes_lang;       /* notes written in one language each
                                     * (<notes xml:lang="…">), as the
                                     * bundled examples carry them */
  char           *path;             /* file it was loaded from / saved to, or NULL */
} ScProfile;

/* A profile with nothing set, horizon SC_PROFILE_HORIZON_DEFAULT. (transfer full) */
ScProfile       *sc_profile_new            (void);
void             sc_profile_free           (ScProfile       *profile);
/* Deep copy. (transfer full) */
ScProfile       *sc_profile_copy           (const ScProfile *profile);
/* TRUE when every field, date, override and note is the same. */
gboolean         sc_profile_equal          (const ScProfile *a,
                                            const ScProfile *b);

/* Name in @lang ("zh…"/"en"), falling back to the other; never NULL. (transfer none) */
const char      *sc_profile_get_name       (const ScProfile *profile,
                                            const char      *lang);
/* Safe when @zh or @en are the profile's own strings. */
void             sc_profile_set_name       (ScProfile       *profile,
                                            const char      *zh,
                                            const char      *en);
/* The free-text notes of the profile, or NULL. (transfer none) */
const char      *sc_profile_get_notes      (const ScProfile *profile);
/* NULL or "" removes them; safe when given the profile's own notes. */
void             sc_profile_set_notes      (ScProfile       *profile,
                                            const char      *notes);
/* The notes to show in @lang ("zh" or "en"): those written in @lang, else
 * the notes without a language, else those in the other language; NULL
 * when there are none. (transfer none) */
const char      *sc_profile_get_notes_in   (const ScProfile *profile,
                                            const char      *lang);
/* Sets the notes shown in @lang: those written in @lang when the profile
 * has notes per language, else the notes without a language. NULL or ""
 * removes them; safe when given the profile's own notes. */
void             sc_profile_set_notes_in   (ScProfile       *profile,
                                            const char      *lang,
                                            const char      *notes);
/* Fails (SC_ERROR_VALUE) for SC_DAY_NONE. */
gboolean         sc_profile_set_as_of      (ScProfile       *profile,
                                            ScDay            as_of,
                                            GError         **error);
/* Fails (SC_ERROR_VALUE) outside 1 … SC_PROFILE_HORIZON_MAX. */
gboolean         sc_profile_set_horizon    (ScProfile       *profile,
                                            guint            months,
                                            GError         **error);
/* First day after the horizon: as_of + horizon months. */
ScDay            sc_profile_get_horizon_end (const ScProfile *profile);

/*
 * Checks a value of @field written as in a file ("4.4", "2026-01-10",
 * "enterprise", "true"). Messages name the field and the bound broken,
 * e.g. "Shop experience score must be between 0 and 5, not 7". Never
 * reads the locale: numbers use a dot.
 */
gboolean         sc_profile_validate_field (ScField          field,
                                            const char      *text,
                                            GError         **error);
/* Checks a number for a NUMBER, MONEY, FRACTION field: finite, within min–max. */
gboolean         sc_profile_validate_number (ScField         field,
                                             double          value,
                                             GError        **error);

/* Setters validate and leave the profile unchanged on error (SC_ERROR_VALUE). */
gboolean         sc_profile_set_number     (ScProfile       *profile,
                                            ScField          field,
                                            double           value,
                                            GError         **error);
gboolean         sc_profile_set_date       (ScProfile       *profile,
                                            ScField          field,
                                            ScDay            day,
                                            GError         **error);
gboolean         sc_profile_set_choice     (ScProfile       *profile,
                                            ScField          field,
                                            const char      *choice,
                                            GError         **error);
gboolean         sc_profile_set_bool       (ScProfile       *profile,
                                            ScField          field,
                                            gboolean         value,
                                            GError         **error);
/* Any field from its file form (see sc_profile_validate_field()). */
gboolean         sc_profile_set_from_string (ScProfile      *profile,
                                             ScField         field,
                                             const char     *text,
                                             GError        **error);
void             sc_profile_unset          (ScProfile       *profile,
                                            ScField          field);
/* The plausible range of an assumption @field (a NUMBER, MONEY or FRACTION
 * field): both ends within the field's bounds, @low ≤ @high, and holding
 * the value when it is set (SC_ERROR_VALUE otherwise, profile unchanged). */
gboolean         sc_profile_set_range      (ScProfile       *profile,
                                            ScField          field,
                                            double           low,
                                            double           high,
                                            GError         **error);
void             sc_profile_unset_range    (ScProfile       *profile,
                                            ScField          field);
/* @lang "zh" or "en"; NULL @text clears. */
void             sc_profile_set_note       (ScProfile       *profile,
                                            ScField          field,
                                            const char      *lang,
                                            const char      *text);

gboolean         sc_profile_is_set         (const ScProfile *profile,
                                            ScField          field);
/* Getters return @fallback when the field is unset (or of another type). */
double           sc_profile_get_number     (const ScProfile *profile,
                                            ScField          field,
                                            double           fallback);
ScDay            sc_profile_get_date       (const ScProfile *profile,
                                            ScField          field);
/* (transfer none) static string, or NULL when unset. */
const char      *sc_profile_get_choice     (const ScProfile *profile,
                                            ScField          field);
gboolean         sc_profile_get_bool       (const ScProfile *profile,
                                            ScField          field,
                                            gboolean         fallback);
/* File form of a set field ("0.05", "2026-01-10", "true"); NULL when unset.
 * Numbers are formatted without the locale (shortest round-trip). (transfer full) */
char            *sc_profile_format_value   (const ScProfile *profile,
                                            ScField          field);

/* Adds or replaces the override for (@platform, @fee, @category). Checks the
 * value (rates 0–1, money ≥ 0, days 0–3650); a new one beyond
 * SC_PROFILE_MAX_OVERRIDES fails with SC_ERROR_TOO_LARGE. */
gboolean         sc_profile_set_override   (ScProfile       *profile,
                                            const char      *platform,
                                            ScFee            fee,
                                            const char      *category,
                                            double           value,
                                            GError         **error);
gboolean         sc_profile_remove_override (ScProfile      *profile,
                                             const char     *platform,
                                             ScFee           fee,
                                             const char     *category);
/* Exact match on (@platform, @fee, @category); NULL when none. (transfer none) */
const ScProfileOverride *sc_profile_find_override (const ScProfile *profile,
                                                   const char      *platform,
                                                   ScFee            fee,
                                                   const char      *category);

/*
 * Loads a profile document. Uses the safe reader (sc-xml.h), the RELAX NG
 * schema profile.rng, then checks every value; errors start with
 * "PATH:LINE:COL: ". (transfer full)
 */
ScProfile       *sc_profile_load           (const char      *path,
                                            GError         **error);
ScProfile       *sc_profile_load_from_data (const char      *data,
                                            gsize            length,
                                            const char      *display_name,
                                            GError         **error);
/* The document as UTF-8 XML; deterministic (fields in table order). (transfer full) */
char            *sc_profile_to_xml         (const ScProfile *profile);
/* Writes with sc_file_write() (temp file, fsync, rename; a new file is private,
 * 0600 less the umask; an existing one keeps its mode) and sets profile->path. */
gboolean         sc_profile_save           (ScProfile       *profile,
                                            const char      *path,
                                            GError         **error);

/* Bundled example profiles: $SHANGCE_DATA_DIR/profiles/ *.shangce, sorted. (transfer full) */
char           **sc_profile_list_examples  (void);
/* Loads the bundled example whose file name (without .shangce) is @id. (transfer full) */
ScProfile       *sc_profile_load_example   (const char      *id,
                                            GError         **error);
/* The example used when nothing else is given. */
#define SC_PROFILE_DEFAULT_EXAMPLE "new-enterprise-apparel"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScProfile, sc_profile_free)

G_END_DECLS
