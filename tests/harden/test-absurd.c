/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-test"

#include "config.h"

#include <float.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "fuzz-common.h"
#include "harden-util.h"
#include "sc-catalog.h"
#include "sc-chart-from-result.h"
#include "sc-error.h"
#include "sc-program-reader.h"
#include "sc-profile.h"

/*
 * Absurd numbers: NaN, infinities, negatives, 1e15, empty and overlong
 * strings in every numeric field of both file types and through the profile
 * API. Each is refused with a message naming the place (file:line, or the
 * field), or, where the value is legal, goes through the engine, every
 * chart model and its layout with every number finite (fuzz-common.c's
 * checks). Nothing absurd reaches a chart.
 */

/* Never a number: always refused. */
static const char *const refused[] = {
  "NaN", "nan", "-NaN", "inf", "-inf", "Infinity", "INF", "1e309", "-1e309", "1e999999",
  "", " ", "9999999999999999999999999999999999999999999999999999999999999999999",
  "0x10", "1,5", "1.5.5", "--1", "1e", "1e+", ".", "-", "+", "e5", ".e1", "1.e", "٣", "４", "1 000", "five",
};
/* Numbers that may be legal for some fields: refused with a message or
 * carried through to finite charts. */
static const char *const maybe[] = {
  "-1", "-0", "0", "1e15", "1e-320", "0.0000001", "1e12", "2147483648", "+5", "1E3",
};

/* Every value a numeric attribute is tried with: the refused ones first,
 * then the maybes. */
#define N_VARIANTS (G_N_ELEMENTS (refused) + G_N_ELEMENTS (maybe))

static const char *
variant (gsize i)
{
  return i < G_N_ELEMENTS (refused) ? refused[i] : maybe[i - G_N_ELEMENTS (refused)];
}

static gboolean
is_refused_variant (gsize i)
{
  return i < G_N_ELEMENTS (refused);
}

typedef struct
{
  gsize  start;    /* offset of the value between the quotes */
  gsize  length;
  guint  line;
  char  *attribute;
} Slot;

static void
slot_free (Slot *slot)
{
  g_free (slot->attribute);
  g_free (slot);
}

/* Every numeric-looking attribute of @text (value, day, tolerance, horizon). */
static GPtrArray *
find_slots (const char *text)
{
  g_autoptr(GRegex) re = g_regex_new ("\\b(value|day|tolerance|horizon)=\"([-+0-9.eE]+)\"", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GPtrArray *slots = g_ptr_array_new_with_free_func ((GDestroyNotify) slot_free);

  g_regex_match (re, text, 0, &match);
  while (g_match_info_matches (match))
    {
      Slot *slot = g_new0 (Slot, 1);
      int start, end;

      g_match_info_fetch_pos (match, 2, &start, &end);
      slot->start = (gsize) start;
      slot->length = (gsize) (end - start);
      slot->attribute = g_match_info_fetch (match, 1);
      slot->line = 1;
      for (gsize i = 0; i < slot->start; i++)
        if (text[i] == '\n')
          slot->line++;
      g_ptr_array_add (slots, slot);
      g_match_info_next (match, NULL);
    }
  return slots;
}

static char *
substitute (const char *text,
            const Slot *slot,
            const char *value)
{
  g_autofree char *escaped = g_markup_escape_text (value, -1);

  return g_strdup_printf ("%.*s%s%s", (int) slot->start, text, escaped, text + slot->start + slot->length);
}

static char *
read_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "harden", name, NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

/* The message points at the value's line, or at its element's parent a
 * few lines above (where RELAX NG reports a bad child). */
static void
assert_names_line (const GError *error,
                   const char   *file,
                   guint         line)
{
  g_autofree char *pattern = g_strdup_printf ("(^|\\n)%s:(\\d+):", file);
  g_autoptr(GRegex) re = g_regex_new (pattern, 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  g_assert_nonnull (error);
  g_regex_match (re, error->message, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *number = g_match_info_fetch (match, 2);
      guint64 at = g_ascii_strtoull (number, NULL, 10);

      if (at <= line && at + 3 >= line)
        return;
    }
  g_error ("the message does not point at %s:%u: %s", file, line, error->message);
}

/* --- program files -------------------------------------------------------- */

static void
test_program_numbers (void)
{
  g_autofree char *text = read_fixture ("all-numbers.xml");
  g_autoptr(GPtrArray) slots = find_slots (text);
  g_autoptr(ScProfile) profile = sc_profile_load_example (SC_PROFILE_DEFAULT_EXAMPLE, NULL);
  g_autofree char *dir = harden_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "absurd.xml", NULL);
  guint n_refused = 0, n_accepted = 0;

  g_assert_nonnull (profile);
  /* The fixture has a number in every kind of effect, condition, example. */
  g_assert_cmpuint (slots->len, >=, 25);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(ScProgramFile) file = sc_program_reader_load_memory (text, strlen (text), "absurd.xml", &error);

    g_assert_no_error (error);
  }

  for (guint s = 0; s < slots->len; s++)
    {
      const Slot *slot = g_ptr_array_index (slots, s);

      for (gsize v = 0; v < N_VARIANTS; v++)
        {
          g_autofree char *changed = substitute (text, slot, variant (v));
          g_autoptr(GError) error = NULL;
          g_autoptr(ScProgramFile) file = sc_program_reader_load_memory (changed, strlen (changed), "absurd.xml", &error);

          if (file == NULL)
            {
              n_refused++;
              assert_names_line (error, "absurd.xml", slot->line);
              continue;
            }
          if (is_refused_variant (v))
            g_error ("absurd.xml:%u: %s=\"%s\" was accepted", slot->line, slot->attribute, variant (v));

          /* Legal here: it must stay finite all the way to the charts. */
          n_accepted++;
          {
            g_autoptr(ScCatalog) catalog = sc_catalog_new ();

            g_assert_true (g_file_set_contents (path, changed, -1, NULL));
            sc_catalog_add_file (catalog, path, SC_ORIGIN_COMMAND_LINE, &error);
            g_assert_no_error (error);
            sc_fuzz_exercise_profile (catalog, profile, FALSE);
          }
        }
    }
  g_test_message ("%u numeric attributes: %u variants refused, %u legal and finite to the charts",
                  slots->len, n_refused, n_accepted);
  harden_remove_tree (dir);
}

/* --- profiles ------------------------------------------------------------- */

static void
test_profile_numbers (void)
{
  g_autofree char *text = read_fixture ("all-fields.shangce");
  g_autoptr(GPtrArray) slots = find_slots (text);
  ScCatalog *catalog = sc_fuzz_bundled_catalog ();
  guint n_refused = 0, n_accepted = 0;

  g_assert_cmpuint (slots->len, >=, 18);

  for (guint s = 0; s < slots->len; s++)
    {
      const Slot *slot = g_ptr_array_index (slots, s);
      const char *line_start = text + slot->start;
      g_autofree char *field_name = NULL;
      const ScFieldInfo *info = NULL;
      ScField field;

      /* The field this line sets, for the words of the message. */
      while (line_start > text && line_start[-1] != '\n')
        line_start--;
      if (sscanf (line_start, "  <set field=\"%m[a-z0-9-]\"", &field_name) == 1
          && sc_field_from_name (field_name, &field))
        info = sc_field_info (field);

      for (gsize v = 0; v < N_VARIANTS; v++)
        {
          g_autofree char *changed = substitute (text, slot, variant (v));
          g_autoptr(GError) error = NULL;
          g_autoptr(ScProfile) profile = sc_profile_load_from_data (changed, strlen (changed), "absurd.shangce", &error);

          if (profile == NULL)
            {
              n_refused++;
              assert_names_line (error, "absurd.shangce", slot->line);
              /* Beyond the schema, the message names the field in words. */
              if (info != NULL && error->code != SC_ERROR_SCHEMA)
                harden_assert_words (error->message, (const char *const[]) { info->label, NULL });
              continue;
            }
          if (is_refused_variant (v))
            g_error ("absurd.shangce:%u: %s=\"%s\" was accepted", slot->line, slot->attribute, variant (v));

          n_accepted++;
          if (info != NULL && info->type != SC_FIELD_TYPE_DATE)
            {
              double got = sc_profile_get_number (profile, field, NAN);

              g_assert_true (isfinite (got));
              g_assert_cmpfloat (got, >=, info->min);
              g_assert_cmpfloat (got, <=, info->max);
            }
          sc_fuzz_exercise_profile (catalog, profile, FALSE);
        }
    }
  g_test_message ("%u numeric attributes: %u variants refused, %u legal and finite to the charts",
                  slots->len, n_refused, n_accepted);
}

/* --- the profile API (what the editor calls) ------------------------------ */

static void
test_profile_api (void)
{
  const double absurd[] = { NAN, -NAN, INFINITY, -INFINITY, DBL_MAX, -DBL_MAX, 1e15, -1, -1e-300 };
  g_autoptr(ScProfile) profile = sc_profile_load_example (SC_PROFILE_DEFAULT_EXAMPLE, NULL);
  g_autoptr(ScProfile) before = NULL;

  g_assert_nonnull (profile);
  before = sc_profile_copy (profile);

  for (guint f = 0; f < SC_N_FIELDS; f++)
    {
      const ScFieldInfo *info = sc_field_info ((ScField) f);

      if (info->type != SC_FIELD_TYPE_NUMBER && info->type != SC_FIELD_TYPE_MONEY
          && info->type != SC_FIELD_TYPE_FRACTION)
        continue;
      for (guint i = 0; i < G_N_ELEMENTS (absurd); i++)
        {
          g_autoptr(GError) error = NULL;
          gboolean in_range = isfinite (absurd[i]) && absurd[i] >= info->min && absurd[i] <= info->max;

          if (in_range)
            continue;   /* e.g. -1 is a legal growth: not absurd there */
          g_assert_false (sc_profile_set_number (profile, (ScField) f, absurd[i], &error));
          g_assert_error (error, SC_ERROR, SC_ERROR_VALUE);
          harden_assert_words (error->message, (const char *const[]) { info->label, NULL });
          g_clear_error (&error);
          g_assert_false (sc_profile_validate_number ((ScField) f, absurd[i], &error));
          g_assert_error (error, SC_ERROR, SC_ERROR_VALUE);
        }
      for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
        {
          g_autoptr(GError) error = NULL;

          g_assert_false (sc_profile_set_from_string (profile, (ScField) f, refused[i], &error));
          g_assert_error (error, SC_ERROR, SC_ERROR_VALUE);
          harden_assert_words (error->message, (const char *const[]) { info->label, NULL });
        }
    }

  /* Overrides: rates 0–1, money ≥ 0, days bounded; never NaN. */
  for (ScFee fee = 0; fee < SC_N_FEES; fee++)
    for (guint i = 0; i < G_N_ELEMENTS (absurd); i++)
      {
        g_autoptr(GError) error = NULL;

        if (isfinite (absurd[i]) && absurd[i] >= 0 && absurd[i] <= 1)
          continue;
        if (sc_profile_set_override (profile, "kuaishou", fee, NULL, absurd[i], &error))
          g_error ("override %s = %g accepted", sc_fee_to_string (fee), absurd[i]);
        g_assert_error (error, SC_ERROR, SC_ERROR_VALUE);
      }

  /* Every refusal left the profile as it was. */
  g_assert_true (sc_profile_equal (profile, before));
}

/* Every number at its minimum, then at its maximum, over the longest
 * horizon: legal, so the engine and every chart must stay finite (the
 * growth compounds to about 1e47 yuan a month at the top). */
static void
test_extremes (gconstpointer data)
{
  gboolean top = GPOINTER_TO_INT (data);
  g_autoptr(ScProfile) profile = sc_profile_load_example (SC_PROFILE_DEFAULT_EXAMPLE, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (sc_profile_set_horizon (profile, SC_PROFILE_HORIZON_MAX, &error));
  for (guint f = 0; f < SC_N_FIELDS; f++)
    {
      const ScFieldInfo *info = sc_field_info ((ScField) f);

      if (info->type != SC_FIELD_TYPE_NUMBER && info->type != SC_FIELD_TYPE_MONEY
          && info->type != SC_FIELD_TYPE_FRACTION)
        continue;
      g_assert_true (sc_profile_set_number (profile, (ScField) f, top ? info->max : info->min, &error));
      g_assert_no_error (error);
    }
  sc_fuzz_exercise_profile (sc_fuzz_bundled_catalog (), profile, TRUE);
}

/* --- texts that the file format cannot carry ------------------------------ */

static void
test_save_texts (void)
{
  static const char *const texts[] = {
    "a\001b\002c", "form\014feed", "line\r\nend", "bad \xff\xfe utf8", "non-char \xef\xbf\xbe", "\x7f del",
  };
  g_autofree char *dir = harden_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "texts.shangce", NULL);
  g_autofree char *long_text = g_strnfill (70000, 'x');
  g_autofree char *kept = NULL;
  g_autofree char *after = NULL;
  g_autoptr(ScProfile) profile = sc_profile_load_example (SC_PROFILE_DEFAULT_EXAMPLE, NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(ScProfile) back = NULL;

      sc_profile_set_name (profile, texts[i], texts[i]);
      sc_profile_set_note (profile, SC_FIELD_MONTHLY_GMV, "en", texts[i]);
      g_free (profile->notes);
      profile->notes = g_strdup (texts[i]);
      g_assert_true (sc_profile_save (profile, path, &error));
      g_assert_no_error (error);
      /* What was saved opens again. */
      back = sc_profile_load (path, &error);
      g_assert_no_error (error);
      g_assert_true (g_utf8_validate (back->notes, -1, NULL));
      if (g_str_equal (texts[i], "line\r\nend"))
        g_assert_cmpstr (back->notes, ==, "line\r\nend");
    }

  /* A text the reader would refuse is refused on saving, the file untouched. */
  g_assert_true (g_file_get_contents (path, &kept, NULL, NULL));
  g_free (profile->notes);
  profile->notes = g_strdup (long_text);
  g_assert_false (sc_profile_save (profile, path, &error));
  g_assert_error (error, SC_ERROR, SC_ERROR_TOO_LARGE);
  harden_assert_words (error->message, (const char *const[]) { path, "notes", "65536", NULL });
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, kept);

  /* An override platform the format cannot read back is refused on setting. */
  {
    static const char *const platforms[] = { "", "a b", "tab\there", "-lead", "kuai/shou", "快手",
      "0123456789012345678901234567890123456789012345678901234567890123456789" };

    for (guint i = 0; i < G_N_ELEMENTS (platforms); i++)
      {
        g_assert_false (sc_profile_set_override (profile, platforms[i], SC_FEE_COMMISSION, NULL, 0.05, &error));
        g_assert_error (error, SC_ERROR, SC_ERROR_VALUE);
        g_clear_error (&error);
      }
  }
  harden_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  sc_fuzz_init ();

  g_test_add_func ("/harden/absurd/program-numbers", test_program_numbers);
  g_test_add_func ("/harden/absurd/profile-numbers", test_profile_numbers);
  g_test_add_func ("/harden/absurd/profile-api", test_profile_api);
  g_test_add_data_func ("/harden/absurd/extremes/min", GINT_TO_POINTER (FALSE), test_extremes);
  g_test_add_data_func ("/harden/absurd/extremes/max", GINT_TO_POINTER (TRUE), test_extremes);
  g_test_add_func ("/harden/absurd/save-texts", test_save_texts);

  return g_test_run ();
}
