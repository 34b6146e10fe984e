/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-core"

#include "config.h"

#include "sc-profile.h"
#include "sc-profile-private.h"

#include "sc-error.h"
#include "sc-i18n.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

/* Sanity bounds for override values (what a user could type), not policy numbers. */
#define OVERRIDE_MONEY_MAX 1e12
#define OVERRIDE_DAYS_MAX  3650

ScProfile *
sc_profile_new (void)
{
  ScProfile *profile = g_new0 (ScProfile, 1);

  profile->horizon_months = SC_PROFILE_HORIZON_DEFAULT;
  profile->overrides = g_ptr_array_new_with_free_func (NULL);
  return profile;
}

static void
override_free (ScProfileOverride *o)
{
  g_free (o->platform);
  g_free (o->category);
  sc_text_clear (&o->note);
  g_free (o);
}

void
sc_profile_free (ScProfile *profile)
{
  if (profile == NULL)
    return;
  sc_text_clear (&profile->name);
  for (guint i = 0; i < SC_N_FIELDS; i++)
    sc_text_clear (&profile->values[i].note);
  for (guint i = 0; i < profile->overrides->len; i++)
    override_free (g_ptr_array_index (profile->overrides, i));
  g_ptr_array_unref (profile->overrides);
  g_free (profile->notes);
  sc_text_clear (&profile->notes_lang);
  g_free (profile->path);
  g_free (profile);
}

ScProfile *
sc_profile_copy (const ScProfile *profile)
{
  ScProfile *copy;

  g_return_val_if_fail (profile != NULL, NULL);

  copy = sc_profile_new ();
  sc_text_copy (&copy->name, &profile->name);
  copy->as_of = profile->as_of;
  copy->horizon_months = profile->horizon_months;
  for (guint i = 0; i < SC_N_FIELDS; i++)
    {
      copy->values[i] = profile->values[i];
      sc_text_copy (&copy->values[i].note, &profile->values[i].note);
    }
  for (guint i = 0; i < profile->overrides->len; i++)
    {
      const ScProfileOverride *o = g_ptr_array_index (profile->overrides, i);
      ScProfileOverride *c = g_new0 (ScProfileOverride, 1);

      c->platform = g_strdup (o->platform);
      c->fee = o->fee;
      c->category = g_strdup (o->category);
      c->value = o->value;
      sc_text_copy (&c->note, &o->note);
      g_ptr_array_add (copy->overrides, c);
    }
  copy->notes = g_strdup (profile->notes);
  sc_text_copy (&copy->notes_lang, &profile->notes_lang);
  copy->path = g_strdup (profile->path);
  return copy;
}

static gboolean
text_equal (const ScText *a,
            const ScText *b)
{
  return g_strcmp0 (a->zh, b->zh) == 0 && g_strcmp0 (a->en, b->en) == 0;
}

gboolean
sc_profile_equal (const ScProfile *a,
                  const ScProfile *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (!text_equal (&a->name, &b->name) || a->as_of != b->as_of
      || a->horizon_months != b->horizon_months || g_strcmp0 (a->notes, b->notes) != 0
      || !text_equal (&a->notes_lang, &b->notes_lang)
      || a->overrides->len != b->overrides->len)
    return FALSE;
  for (guint i = 0; i < SC_N_FIELDS; i++)
    {
      const ScProfileValue *va = &a->values[i], *vb = &b->values[i];

      if (va->set != vb->set || !text_equal (&va->note, &vb->note))
        return FALSE;
      if (va->set && (va->number != vb->number || va->date != vb->date
                      || g_strcmp0 (va->choice, vb->choice) != 0))
        return FALSE;
      if (va->has_range != vb->has_range || (va->has_range && (va->low != vb->low || va->high != vb->high)))
        return FALSE;
    }
  for (guint i = 0; i < a->overrides->len; i++)
    {
      const ScProfileOverride *oa = g_ptr_array_index (a->overrides, i);
      const ScProfileOverride *ob = g_ptr_array_index (b->overrides, i);

      if (g_strcmp0 (oa->platform, ob->platform) != 0 || oa->fee != ob->fee
          || g_strcmp0 (oa->category, ob->category) != 0 || oa->value != ob->value
          || !text_equal (&oa->note, &ob->note))
        return FALSE;
    }
  return TRUE;
}

const char *
sc_profile_get_name (const ScProfile *profile,
                     const char      *lang)
{
  g_return_val_if_fail (profile != NULL, "");
  return sc_text_get (&profile->name, lang);
}

void
sc_profile_set_name (ScProfile  *profile,
                     const char *zh,
                     const char *en)
{
  ScText old;

  g_return_if_fail (profile != NULL);

  /* Copy before freeing: callers pass the profile's own strings (the
   * editor sets one language and hands back the other as it is). */
  old = profile->name;
  profile->name.zh = g_strdup (zh);
  profile->name.en = g_strdup (en);
  sc_text_clear (&old);
}

const char *
sc_profile_get_notes (const ScProfile *profile)
{
  g_return_val_if_fail (profile != NULL, NULL);
  return profile->notes;
}

void
sc_profile_set_notes (ScProfile  *profile,
                      const char *notes)
{
  char *old;

  g_return_if_fail (profile != NULL);

  old = profile->notes;
  profile->notes = (notes != NULL && *notes != '\0') ? g_strdup (notes) : NULL;
  g_free (old);
}

const char *
sc_profile_get_notes_in (const ScProfile *profile,
                         const char      *lang)
{
  gboolean zh = lang != NULL && g_str_has_prefix (lang, "zh");
  const char *own, *other;

  g_return_val_if_fail (profile != NULL, NULL);

  own = zh ? profile->notes_lang.zh : profile->notes_lang.en;
  other = zh ? profile->notes_lang.en : profile->notes_lang.zh;
  if (own != NULL)
    return own;
  return profile->notes != NULL ? profile->notes : other;
}

void
sc_profile_set_notes_in (ScProfile  *profile,
                         const char *lang,
                         const char *notes)
{
  gboolean zh = lang != NULL && g_str_has_prefix (lang, "zh");
  char **slot;
  char *old;

  g_return_if_fail (profile != NULL);

  if (profile->notes_lang.zh == NULL && profile->notes_lang.en == NULL)
    {
      sc_profile_set_notes (profile, notes);
      return;
    }
  slot = zh ? &profile->notes_lang.zh : &profile->notes_lang.en;
  old = *slot;
  *slot = (notes != NULL && *notes != '\0') ? g_strdup (notes) : NULL;
  g_free (old);
}

gboolean
sc_profile_set_as_of (ScProfile  *profile,
                      ScDay       as_of,
                      GError    **error)
{
  g_return_val_if_fail (profile != NULL, FALSE);

  if (as_of == SC_DAY_NONE)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_VALUE,
                   _("The evaluation date must be a date (YYYY-MM-DD)"));
      return FALSE;
    }
  /* Dates end at 9999-12-31: the longest horizon from the evaluation date
   * must end there too, or the horizon's end has no date to print. */
  if (as_of > sc_day_add_months (sc_day_from_ymd (9999, 12, 31), -SC_PROFILE_HORIZON_MAX))
    {
      char latest[16];

      g_set_error (error, SC_ERROR, SC_ERROR_VALUE,
                   _("The evaluation date must be on or before %s, so that a horizon of %d months ends by 9999-12-31"),
                   sc_day_format (sc_day_add_months (sc_day_from_ymd (9999, 12, 31), -SC_PROFILE_HORIZON_MAX), latest),
                   SC_PROFILE_HORIZON_MAX);
      return FALSE;
    }
  profile->as_of = as_of;
  return TRUE;
}

gboolean
sc_profile_set_horizon (ScProfile  *profile,
                        guint       months,
                        GError    **error)
{
  g_return_val_if_fail (profile != NULL, FALSE);

  if (months < 1 || months > SC_PROFILE_HORIZON_MAX)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_VALUE,
                   _("The horizon must be between 1 and %d months, not %u"),
                   SC_PROFILE_HORIZON_MAX, months);
      return FALSE;
    }
  profile->horizon_months = months;
  return TRUE;
}

ScDay
sc_profile_get_horizon_end (const ScProfile *profile)
{
  g_return_val_if_fail (profile != NULL, SC_DAY_NONE);
  if (profile->as_of == SC_DAY_NONE)
    return SC_DAY_NONE;
  return sc_day_add_months (profile->as_of, (int) profile->horizon_months);
}

/* --- values -------------------------------------------------------------- */

/* Shortest text that reads back as the same double, never using the locale. */
static char *
format_double (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  for (int precision = 15; precision <= 17; precision++)
    {
      char fmt[8];

      g_snprintf (fmt, sizeof fmt, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, fmt, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  return g_strdup (buf);
}

char *
sc_profile_format_double (double value)
{
  return format_double (value);
}

static const char *
field_label (ScField field)
{
  return _(sc_field_info (field)->label);
}

gboolean
sc_profile_validate_number (ScField   field,
                            double    value,
                            GError  **error)
{
  const ScFieldInfo *info;
  g_autofree char *shown = NULL, *lo = NULL, *hi = NULL;

  g_return_val_if_fail ((guint) field < SC_N_FIELDS, FALSE);
  info = sc_field_info (field);

  if (info->type != SC_FIELD_TYPE_NUMBER && info->type != SC_FIELD_TYPE_MONEY
      && info->type != SC_FIELD_TYPE_FRACTION)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_VALUE,
                   _("%s is not a number field"), field_label (field));
      return FALSE;
    }
  if (!isfinite (value))
    {
      g_set_error (error, SC_ERROR, SC_ERROR_VALUE,
                   _("%s must be a finite number"), field_label (field));
      return FALSE;
    }
  if (value >= info->min && value <= info->max)
    return TRUE;

  shown = format_double (value);
  lo = format_double (info->min);
  hi = format_double (info->max);
  if (info->type == SC_FIELD_TYPE_MONEY && value < 0)
    g_set_error (error, SC_ERROR, SC_ERROR_VALUE,
                 _("%s cannot be negative (%s yuan)"), field_label (field), shown);
  else if (info->type == SC_FIELD_TYPE_MONEY && value > info->max)
    g_set_error (error, SC_ERROR, SC_ERROR_VALUE,
                 _("%s is too large: %s yuan is more than %s"), field_label (field), shown, hi);
  else if (info->type == SC_FIELD_TYPE_FRACTION)
    g_set_error (error, SC_ERROR, SC_ERROR_VALUE,
                 /* Translators: fractions are written 0.05 for 5 % */
                 _("%s must be a fraction between %s and %s (0.05 for 5%%), not %s"),
                 field_label (field), lo, hi, shown);
  else
    g_set_error (error, SC_ERROR, SC_ERROR_VALUE,
                 _("%s must be between %s and %s, not %s"), field_label (field), lo, hi, shown);
  return FALSE;
}

/* Parses a plain decimal number: digits, one dot, optional sign and exponent.
 * Rejects "nan", "inf", hex floats and trailing garbage. */
static gboolean
parse_decimal (const char *text,
               double     *out)
{
  const char *p;
  char *end = NULL;
  double v;

  if (text == NULL || *text == '\0')
    return FALSE;
  for (p = text; *p; p++)
    if (!g_ascii_isdigit (*p) && *p != '.' && *p != '-' && *p != '+' && *p != 'e' && *p != 'E')
      return FALSE;
  errno = 0;
  v = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0')
    return FALSE;
  if (errno == ERANGE && !isfinite (v))
    v = INFINITY;
  *out = v;
  return TRUE;
}

static const char *
find_choice (ScField     field,
             const char *choice)
{
  const ScFieldInfo *info = sc_field_info (field);

  if (choice == NULL || info->choices == NULL)
    return NULL;
  for (guint i = 0; info->choices[i] != NULL; i++)
    if (g_str_equal (info->choices[i], choice))
      return info->choices[i];
  return NULL;
}

/* Parses @text for @field into @out (set, number/date/choice); notes untouched. */
static gboolean
parse_value (ScField          field,
             const char      *text,
             ScProfileValue  *out,
             GError         **error)
{
  const ScFieldInfo *info;

  g_return_val_if_fail ((guint) field < SC_N_FIELDS, FALSE);
  info = sc_field_info (field);

  if (text == NULL)
    text = "";

  switch (info->type)
    {
    case SC_FIELD_TYPE_NUMBER:
    case SC_FIELD_TYPE_MONEY:
    case SC_FIELD_TYPE_FRACTION:
      {
        double v;

        if (!parse_decimal (text, &v))
          {
            g_set_error (error, SC_ERROR, SC_ERROR_VALUE,
                         _("%s must be a number written with a dot (e.g. 4.4), not “%s”"),
                         field_label (field), text);
            return FALSE;
          }
        if (!sc_profile_validate_number (field, v, error))
          return FALSE;
        out->number = v;
        break;
      }
    case SC_FIELD_TYPE_DATE:
      {
        ScDay d = sc_day_parse (text);

        if (d == SC_DAY_NONE)
          {
            g_set_error (error, SC_ERROR, SC_ERROR_VALUE,
                         _("%s must be a date that exists, written YYYY-MM-DD, not “%s”"),
                         field_label (field), text);
            return FALSE;
          }
        out->date = d;
        break;
      }
    case SC_FIELD_TYPE_BOOL:
      if (g_str_equal (text, "true"))
        out->number = 1;
      else if (g_str_equal (text, "false"))
        out->number = 0;
      else
        {
          g_set_error (error, SC_ERROR, SC_ERROR_VALUE,
                       _("%s must be “true” or “false”, not “%s”"), field_label (field), text);
          return FALSE;
        }
      break;
    case SC_FIELD_TYPE_CHOICE:
      {
        const char *c = find_choice (field, text);

        if (c == NULL)
          {
            g_autofree char *list = g_strjoinv (", ", (char **) info->choices);

            g_set_error (error, SC_ERROR, SC_ERROR_VALUE,
                         _("%s must be one of %s, not “%s”"), field_label (field), list, text);
            return FALSE;
          }
        out->choice = c;
        break;
      }
    default:
      g_assert_not_reached ();
    }
  out->set = TRUE;
  return TRUE;
}

gboolean
sc_profile_validate_field (ScField      field,
                           const char  *text,
                           GError     **error)
{
  ScProfileValue v = { 0 };

  return parse_value (field, text, &v, error);
}

static gboolean
check_type (ScField       field,
            ScFieldType   a,
            ScFieldType   b,
            ScFieldType   c,
            GError      **error)
{
  ScFieldType t = sc_field_info (field)->type;

  if (t == a || t == b || t == c)
    return TRUE;
  g_set_error (error, SC_ERROR, SC_ERROR_VALUE,
               _("%s cannot take a value of this kind"), field_label (field));
  return FALSE;
}

gboolean
sc_profile_set_number (ScProfile  *profile,
                       ScField     field,
                       double      value,
                       GError    **error)
{
  g_return_val_if_fail (profile != NULL && (guint) field < SC_N_FIELDS, FALSE);

  if (!sc_profile_validate_number (field, value, error))
    return FALSE;
  profile->values[field].set = TRUE;
  profile->values[field].number = value;
  return TRUE;
}

gboolean
sc_profile_set_date (ScProfile  *profile,
                     ScField     field,
                     ScDay       day,
                     GError    **error)
{
  g_return_val_if_fail (profile != NULL && (guint) field < SC_N_FIELDS, FALSE);

  if (!check_type (field, SC_FIELD_TYPE_DATE, SC_FIELD_TYPE_DATE, SC_FIELD_TYPE_DATE, error))
    return FALSE;
  if (day == SC_DAY_NONE)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_VALUE,
                   _("%s must be a date that exists"), field_label (field));
      return FALSE;
    }
  profile->values[field].set = TRUE;
  profile->values[field].date = day;
  return TRUE;
}

gboolean
sc_profile_set_choice (ScProfile   *profile,
                       ScField      field,
                       const char  *choice,
                       GError     **error)
{
  g_return_val_if_fail (profile != NULL && (guint) field < SC_N_FIELDS, FALSE);

  if (!check_type (field, SC_FIELD_TYPE_CHOICE, SC_FIELD_TYPE_CHOICE, SC_FIELD_TYPE_CHOICE, error))
    return FALSE;
  return parse_value (field, choice, &profile->values[field], error);
}

gboolean
sc_profile_set_bool (ScProfile  *profile,
                     ScField     field,
                     gboolean    value,
                     GError    **error)
{
  g_return_val_if_fail (profile != NULL && (guint) field < SC_N_FIELDS, FALSE);

  if (!check_type (field, SC_FIELD_TYPE_BOOL, SC_FIELD_TYPE_BOOL, SC_FIELD_TYPE_BOOL, error))
    return FALSE;
  profile->values[field].set = TRUE;
  profile->values[field].number = value ? 1 : 0;
  return TRUE;
}

gboolean
sc_profile_set_from_string (ScProfile   *profile,
                            ScField      field,
                            const char  *text,
                            GError     **error)
{
  ScProfileValue v;

  g_return_val_if_fail (profile != NULL && (guint) field < SC_N_FIELDS, FALSE);

  v = profile->values[field];
  if (!parse_value (field, text, &v, error))
    return FALSE;
  profile->values[field] = v;
  return TRUE;
}

void
sc_profile_unset (ScProfile *profile,
                  ScField    field)
{
  g_return_if_fail (profile != NULL && (guint) field < SC_N_FIELDS);
  profile->values[field].set = FALSE;
  profile->values[field].number = 0;
  profile->values[field].date = SC_DAY_NONE;
  profile->values[field].choice = NULL;
  profile->values[field].has_range = FALSE;
}

gboolean
sc_profile_set_range (ScProfile  *profile,
                      ScField     field,
                      double      low,
                      double      high,
                      GError    **error)
{
  const ScProfileValue *v;

  g_return_val_if_fail (profile != NULL && (guint) field < SC_N_FIELDS, FALSE);

  if (!sc_profile_validate_number (field, low, error) || !sc_profile_validate_number (field, high, error))
    return FALSE;
  v = &profile->values[field];
  if (low > high || (v->set && (v->number < low || v->number > high)))
    {
      char a[G_ASCII_DTOSTR_BUF_SIZE], b[G_ASCII_DTOSTR_BUF_SIZE], c[G_ASCII_DTOSTR_BUF_SIZE];

      g_set_error (error, SC_ERROR, SC_ERROR_VALUE,
                   /* Translators: field, low, high, value */
                   _("The range of %s, %s to %s, must run from low to high and hold its value %s"),
                   field_label (field), g_ascii_formatd (a, sizeof a, "%.10g", low),
                   g_ascii_formatd (b, sizeof b, "%.10g", high), g_ascii_formatd (c, sizeof c, "%.10g", v->number));
      return FALSE;
    }
  profile->values[field].has_range = TRUE;
  profile->values[field].low = low;
  profile->values[field].high = high;
  return TRUE;
}

void
sc_profile_unset_range (ScProfile *profile,
                        ScField    field)
{
  g_return_if_fail (profile != NULL && (guint) field < SC_N_FIELDS);
  profile->values[field].has_range = FALSE;
}

void
sc_profile_set_note (ScProfile  *profile,
                     ScField     field,
                     const char *lang,
                     const char *text)
{
  char **slot;
  char *old;

  g_return_if_fail (profile != NULL && (guint) field < SC_N_FIELDS);

  slot = sc_lang_from_code (lang) == SC_LANG_ZH
           ? &profile->values[field].note.zh : &profile->values[field].note.en;
  old = *slot;
  *slot = (text != NULL && *text != '\0') ? g_strdup (text) : NULL;
  g_free (old);
}

gboolean
sc_profile_is_set (const ScProfile *profile,
                   ScField          field)
{
  g_return_val_if_fail (profile != NULL && (guint) field < SC_N_FIELDS, FALSE);
  return profile->values[field].set;
}

double
sc_profile_get_number (const ScProfile *profile,
                       ScField          field,
                       double           fallback)
{
  g_return_val_if_fail (profile != NULL && (guint) field < SC_N_FIELDS, fallback);
  return profile->values[field].set ? profile->values[field].number : fallback;
}

ScDay
sc_profile_get_date (const ScProfile *profile,
                     ScField          field)
{
  g_return_val_if_fail (profile != NULL && (guint) field < SC_N_FIELDS, SC_DAY_NONE);
  return profile->values[field].set ? profile->values[field].date : SC_DAY_NONE;
}

const char *
sc_profile_get_choice (const ScProfile *profile,
                       ScField          field)
{
  g_return_val_if_fail (profile != NULL && (guint) field < SC_N_FIELDS, NULL);
  return profile->values[field].set ? profile->values[field].choice : NULL;
}

gboolean
sc_profile_get_bool (const ScProfile *profile,
                     ScField          field,
                     gboolean         fallback)
{
  g_return_val_if_fail (profile != NULL && (guint) field < SC_N_FIELDS, fallback);
  return profile->values[field].set ? profile->values[field].number != 0 : fallback;
}

char *
sc_profile_format_value (const ScProfile *profile,
                         ScField          field)
{
  const ScProfileValue *v;
  char buf[16];

  g_return_val_if_fail (profile != NULL && (guint) field < SC_N_FIELDS, NULL);

  v = &profile->values[field];
  if (!v->set)
    return NULL;
  switch (sc_field_info (field)->type)
    {
    case SC_FIELD_TYPE_NUMBER:
    case SC_FIELD_TYPE_MONEY:
    case SC_FIELD_TYPE_FRACTION:
      return format_double (v->number);
    case SC_FIELD_TYPE_DATE:
      return g_strdup (sc_day_format (v->date, buf));
    case SC_FIELD_TYPE_BOOL:
      return g_strdup (v->number != 0 ? "true" : "false");
    case SC_FIELD_TYPE_CHOICE:
      return g_strdup (v->choice);
    default:
      g_assert_not_reached ();
    }
}

/* --- overrides ----------------------------------------------------------- */

static gboolean
validate_override (ScFee    fee,
                   double   value,
                   GError **error)
{
  g_autofree char *shown = format_double (value);
  double max;

  switch (fee)
    {
    case SC_FEE_COMMISSION:
    case SC_FEE_PROMOTION:
      max = 1;
      break;
    case SC_FEE_SETTLEMENT_DAYS:
      max = OVERRIDE_DAYS_MAX;
      break;
    case SC_FEE_RETURN_SHIPPING:
    case SC_FEE_DEPOSIT:
    default:
      max = OVERRIDE_MONEY_MAX;
      break;
    }
  if (!isfinite (value) || value < 0 || value > max)
    {
      g_autofree char *hi = format_double (max);

      g_set_error (error, SC_ERROR, SC_ERROR_VALUE,
                   _("The override of “%s” must be between 0 and %s, not %s"),
                   sc_fee_to_string (fee), hi, shown);
      return FALSE;
    }
  return TRUE;
}

static ScProfileOverride *
find_override (const ScProfile *profile,
               const char      *platform,
               ScFee            fee,
               const char      *category,
               guint           *index)
{
  for (guint i = 0; i < profile->overrides->len; i++)
    {
      ScProfileOverride *o = g_ptr_array_index (profile->overrides, i);

      if (g_strcmp0 (o->platform, platform) == 0 && o->fee == fee
          && g_strcmp0 (o->category, category) == 0)
        {
          if (index)
            *index = i;
          return o;
        }
    }
  return NULL;
}

static gboolean
is_platform_id (const char *id)
{
  gsize n = strlen (id);

  if (n == 0 || n > 64 || !g_ascii_isalnum (id[0]))
    return FALSE;
  for (gsize i = 1; i < n; i++)
    if (!g_ascii_isalnum (id[i]) && id[i] != '.' && id[i] != '_' && id[i] != '-')
      return FALSE;
  return TRUE;
}

gboolean
sc_profile_set_override (ScProfile   *profile,
                         const char  *platform,
                         ScFee        fee,
                         const char  *category,
                         double       value,
                         GError     **error)
{
  ScProfileOverride *o;

  g_return_val_if_fail (profile != NULL && platform != NULL && (guint) fee < SC_N_FEES, FALSE);

  if (!is_platform_id (platform))
    {
      /* What program files accept as a platform (and what the profile
       * schema reads back): anything else would save a file that does not open. */
      g_set_error (error, SC_ERROR, SC_ERROR_VALUE,
                   _("“%s” is not a platform id: use up to 64 letters, digits, “.”, “_” or “-”"),
                   platform);
      return FALSE;
    }
  if (category != NULL && find_choice (SC_FIELD_CATEGORY, category) == NULL)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_VALUE,
                   _("Unknown category “%s” in an override"), category);
      return FALSE;
    }
  if (!validate_override (fee, value, error))
    return FALSE;

  o = find_override (profile, platform, fee, category, NULL);
  if (o == NULL && profile->overrides->len >= SC_PROFILE_MAX_OVERRIDES)
    {
      /* Overrides are looked up one by one: an unbounded list from a
       * hostile file made loading quadratic (100,000 took minutes). */
      g_set_error (error, SC_ERROR, SC_ERROR_TOO_LARGE,
                   _("A profile holds at most %d overrides of platform fees"),
                   SC_PROFILE_MAX_OVERRIDES);
      return FALSE;
    }
  if (o == NULL)
    {
      o = g_new0 (ScProfileOverride, 1);
      o->platform = g_strdup (platform);
      o->fee = fee;
      o->category = g_strdup (category);
      g_ptr_array_add (profile->overrides, o);
    }
  o->value = value;
  return TRUE;
}

gboolean
sc_profile_remove_override (ScProfile  *profile,
                            const char *platform,
                            ScFee       fee,
                            const char *category)
{
  guint index;
  ScProfileOverride *o;

  g_return_val_if_fail (profile != NULL, FALSE);

  o = find_override (profile, platform, fee, category, &index);
  if (o == NULL)
    return FALSE;
  g_ptr_array_remove_index (profile->overrides, index);
  override_free (o);
  return TRUE;
}

const ScProfileOverride *
sc_profile_find_override (const ScProfile *profile,
                          const char      *platform,
                          ScFee            fee,
                          const char      *category)
{
  g_return_val_if_fail (profile != NULL, NULL);
  return find_override (profile, platform, fee, category, NULL);
}
