/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sc-catalog.h"
#include "sc-cli-private.h"
#include "sc-error.h"
#include "sc-example-check.h"
#include "sc-range.h"
#include "sc-text-width.h"

/*
 * Prints one problem line "file:line:col: message" (or "file:line:
 * message") as "file:line:col: error: message", the form editors and
 * compilers use.
 */
static void
print_problem_line (const char *line)
{
  const char *p = line;
  int colons = 0;

  /* The location is the text up to the third ':' that is followed by a
   * space after two runs of digits; paths may contain ':' themselves. */
  for (const char *q = line; *q != '\0'; q++)
    {
      if (q[0] == ':' && g_ascii_isdigit (q[1]))
        {
          const char *r = q + 1;
          while (g_ascii_isdigit (*r))
            r++;
          /* "file:line: message", as the examples' checks report */
          if (r[0] == ':' && r[1] == ' ')
            {
              p = r + 2;
              colons = 3;
              break;
            }
          if (r[0] == ':' && g_ascii_isdigit (r[1]))
            {
              const char *s = r + 1;
              while (g_ascii_isdigit (*s))
                s++;
              if (s[0] == ':' && s[1] == ' ')
                {
                  p = s + 2;
                  colons = 3;
                  break;
                }
            }
        }
    }
  if (colons == 3)
    g_printerr ("%.*s%s %s\n", (int) (p - line), line, _("error:"), p);
  else
    g_printerr ("%s %s\n", _("error:"), line);
}

static void
print_error (const GError *error)
{
  g_auto(GStrv) lines = g_strsplit (error->message, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (*lines[i] != '\0')
      print_problem_line (lines[i]);
}

static guint
count_lines (const char *message)
{
  guint n = 1;

  for (const char *p = message; *p != '\0'; p++)
    if (*p == '\n')
      n++;
  return n;
}

/*
 * The catalog the examples of @catalog are checked against: @catalog itself,
 * or, when its files carry no baseline (a program file validated on its
 * own), those files again with the bundled files that hold baselines, so
 * that fees are estimated as they will be for users. (transfer full)
 */
static ScCatalog *
example_catalog (ScCatalog *catalog,
                 GPtrArray *files)
{
  g_autoptr(ScCatalog) bundled = NULL;
  g_autofree char *dir = g_build_filename (sc_data_dir (), "programs", NULL);
  g_autoptr(GPtrArray) baseline_files = g_ptr_array_new ();
  ScCatalog *with_baselines;
  GPtrArray *baselines;

  if (sc_catalog_get_baselines (catalog)->len > 0)
    return NULL;
  bundled = sc_catalog_new ();
  sc_catalog_add_directory (bundled, dir, SC_ORIGIN_BUNDLED);
  baselines = sc_catalog_get_baselines (bundled);
  for (guint i = 0; i < baselines->len; i++)
    {
      const ScBaseline *b = g_ptr_array_index (baselines, i);

      if (b->origin != NULL && !g_ptr_array_find_with_equal_func (baseline_files, b->origin, g_str_equal, NULL))
        g_ptr_array_add (baseline_files, b->origin);
    }
  if (baseline_files->len == 0)
    return NULL;
  with_baselines = sc_catalog_new ();
  for (guint i = 0; i < files->len; i++)
    sc_catalog_add_file (with_baselines, g_ptr_array_index (files, i), SC_ORIGIN_COMMAND_LINE, NULL);
  for (guint i = 0; i < baseline_files->len; i++)
    sc_catalog_add_file (with_baselines, g_ptr_array_index (baseline_files, i), SC_ORIGIN_BUNDLED, NULL);
  return with_baselines;
}

/* Runs every example of @catalog; prints each failure and returns the
 * number of @files with a failing example. */
static guint
check_examples (ScCatalog *catalog,
                GPtrArray *files,
                guint     *n_problems)
{
  GPtrArray *examples = sc_catalog_get_examples (catalog);
  g_autoptr(GHashTable) bad = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(ScCatalog) other = NULL;

  if (examples == NULL || examples->len == 0)
    return 0;
  other = example_catalog (catalog, files);
  for (guint i = 0; i < examples->len; i++)
    {
      const ScExample *example = g_ptr_array_index (examples, i);
      g_autoptr(GError) error = NULL;

      if (sc_engine_check_example (other != NULL ? other : catalog, example, &error))
        continue;
      print_error (error);
      *n_problems += count_lines (error->message);
      if (example->origin != NULL)
        g_hash_table_add (bad, example->origin);
    }
  return MIN (g_hash_table_size (bad), files->len);
}

int
sc_cli_validate (ScCliOptions *options)
{
  g_autoptr(ScCatalog) catalog = sc_catalog_new ();
  g_autoptr(GPtrArray) files = g_ptr_array_new ();
  GPtrArray *errors;
  guint n_bad = 0, n_problems = 0;

  for (guint i = 0; options->files != NULL && options->files[i] != NULL; i++)
    g_ptr_array_add (files, options->files[i]);
  for (guint i = 0; options->programs != NULL && options->programs[i] != NULL; i++)
    g_ptr_array_add (files, options->programs[i]);

  if (files->len == 0)
    {
      g_printerr ("shangce: %s\n", _("--validate needs one or more program files"));
      return 2;
    }

  /* Validated together, so two files giving the same program and revision are caught too. */
  for (guint i = 0; i < files->len; i++)
    if (!sc_catalog_add_file (catalog, g_ptr_array_index (files, i), SC_ORIGIN_COMMAND_LINE, NULL))
      n_bad++;

  errors = sc_catalog_get_errors (catalog);
  for (guint i = 0; i < errors->len; i++)
    {
      const GError *error = g_ptr_array_index (errors, i);

      print_error (error);
      n_problems += count_lines (error->message);
      if (error->code == SC_ERROR_CONFLICT)
        n_bad++;
    }

  /* The examples the files carry are checked too, against the files given
   * (as the test suite checks the bundled ones): a data author sees a
   * wrong expectation before users see a wrong estimate. */
  if (errors->len == 0)
    n_bad += check_examples (catalog, files, &n_problems);

  /* Every assumption should say how far off it may be (issue 13): a
   * warning, since the numbers themselves are fine. */
  if (errors->len == 0)
    {
      g_autoptr(GPtrArray) unranged = sc_range_list_unranged (catalog);

      for (guint i = 0; i < unranged->len; i++)
        g_printerr ("%s\n", (const char *) g_ptr_array_index (unranged, i));
    }

  if (n_problems == 0)
    {
      g_printerr (g_dngettext (GETTEXT_PACKAGE, "shangce: %u file is valid\n", "shangce: all %u files are valid\n",
                               files->len),
                  files->len);
      return 0;
    }
  /* Translators: a summary after the problems, e.g. "shangce: 2 of 5 files have problems" */
  g_printerr (g_dngettext (GETTEXT_PACKAGE, "shangce: %u of %u file has problems\n",
                           "shangce: %u of %u files have problems\n", files->len),
              MIN (n_bad, files->len), files->len);
  return 1;
}

static const char *
origin_label (ScOrigin origin)
{
  switch (origin)
    {
    case SC_ORIGIN_BUNDLED:
      /* Translators: where a program file came from, a column of --list-programs */
      return _("bundled");
    case SC_ORIGIN_USER:
      return _("user");
    case SC_ORIGIN_COMMAND_LINE:
    default:
      return _("command line");
    }
}

static char *
window_text (const ScWindow *window)
{
  char a[11], b[11];

  return g_strdup_printf ("%s – %s",
                          window->start != SC_DAY_NONE ? sc_day_format (window->start, a) : "…",
                          window->end != SC_DAY_NONE ? sc_day_format (window->end, b)
                          /* Translators: the end of a program that has no end date */
                          : _("open"));
}

int
sc_cli_list_programs (ScCliOptions *options)
{
  g_autoptr(ScCatalog) catalog = sc_catalog_new ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char *lang = sc_lang_to_code (sc_lang_detect ());
  GPtrArray *programs, *errors;
  enum { COL_ID, COL_NAME, COL_PLATFORM, COL_REV, COL_STATUS, COL_WINDOW, COL_MEASURES, COL_ORIGIN, COL_NOTE, N_COLS };
  gsize widths[N_COLS] = { 0 };

  if (!options->no_bundled)
    sc_catalog_add_defaults (catalog);
  for (guint i = 0; options->programs != NULL && options->programs[i] != NULL; i++)
    sc_catalog_add_file (catalog, options->programs[i], SC_ORIGIN_COMMAND_LINE, NULL);
  for (guint i = 0; options->files != NULL && options->files[i] != NULL; i++)
    sc_catalog_add_file (catalog, options->files[i], SC_ORIGIN_COMMAND_LINE, NULL);

  g_ptr_array_add (rows, g_strdupv ((char *[]) {
    /* Translators: column headings of shangce --list-programs */
    _("ID"), _("NAME"), _("PLATFORM"), _("REV"), _("STATUS"), _("WINDOW"), _("MEASURES"), _("ORIGIN"), (char *) "", NULL }));

  programs = sc_catalog_get_all_programs (catalog);
  for (guint i = 0; i < programs->len; i++)
    {
      const ScProgram *program = g_ptr_array_index (programs, i);
      g_autofree char *note = NULL;
      char **row = g_new0 (char *, N_COLS + 1);

      if (sc_catalog_is_superseded (catalog, program))
        {
          const ScProgram *active = sc_catalog_find_program (catalog, program->id);
          note = g_strdup_printf (_("superseded by revision %u (%s)"), active != NULL ? active->revision : 0,
                                  active != NULL ? active->origin : "?");
        }
      row[COL_ID] = g_strdup (program->id);
      row[COL_NAME] = g_strdup (sc_text_get (&program->name, lang));
      row[COL_PLATFORM] = g_strdup (program->platform);
      row[COL_REV] = g_strdup_printf ("%u", program->revision);
      row[COL_STATUS] = g_strdup (sc_program_status_label (program->status));
      row[COL_WINDOW] = window_text (&program->window);
      row[COL_MEASURES] = g_strdup_printf ("%u", program->measures->len);
      row[COL_ORIGIN] = g_strdup (origin_label (sc_catalog_get_origin (catalog, program)));
      row[COL_NOTE] = g_strdup (note != NULL ? note : "");
      g_ptr_array_add (rows, row);
    }

  for (guint r = 0; r < rows->len; r++)
    {
      char **row = g_ptr_array_index (rows, r);
      for (guint c = 0; c < N_COLS; c++)
        widths[c] = MAX (widths[c], sc_text_width (row[c]));
    }
  for (guint r = 0; r < rows->len; r++)
    {
      char **row = g_ptr_array_index (rows, r);
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint c = 0; c < N_COLS; c++)
        sc_text_pad (line, row[c], c + 1 < N_COLS ? widths[c] + 2 : 0, FALSE);
      while (line->len > 0 && line->str[line->len - 1] == ' ')
        g_string_truncate (line, line->len - 1);
      g_print ("%s\n", line->str);
    }

  errors = sc_catalog_get_errors (catalog);
  for (guint i = 0; i < errors->len; i++)
    print_error (g_ptr_array_index (errors, i));
  if (programs->len == 0 && errors->len == 0)
    g_printerr ("shangce: %s\n", _("no program files found"));
  return errors->len > 0 ? 1 : 0;
}
