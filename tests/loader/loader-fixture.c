/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-loader"

#include "config.h"

#include <gio/gio.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "loader-fixture.h"
#include "sc-catalog.h"
#include "sc-error.h"
#include "sc-program-reader.h"
#include "sc-quote.h"
#include "sc-xml.h"

char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "loader", name, NULL);
}

char *
read_fixture (const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (path, &data, NULL, &error);
  g_assert_no_error (error);
  return data;
}

/* Replaces the first @find in @text by @replace; the test fails if absent. */
char *
replace_once (const char *text,
              const char *find,
              const char *replace)
{
  const char *at = strstr (text, find);
  GString *s;

  g_assert_nonnull (at);
  s = g_string_new_len (text, at - text);
  g_string_append (s, replace);
  g_string_append (s, at + strlen (find));
  return g_string_free (s, FALSE);
}

guint
line_of (const char *text,
         const char *needle)
{
  const char *at = strstr (text, needle);
  guint line = 1;

  g_assert_nonnull (at);
  for (const char *p = text; p < at; p++)
    if (*p == '\n')
      line++;
  return line;
}

/* Asserts @message has a line "NAME:LINE:COL: …" containing every word. */
void
assert_message (const char        *message,
                const char        *name,
                guint              line,
                const char *const *words)
{
  g_auto(GStrv) lines = g_strsplit (message, "\n", -1);
  g_autofree char *prefix = line > 0 ? g_strdup_printf ("%s:%u:", name, line) : g_strdup_printf ("%s:", name);
  gboolean found = FALSE;

  for (guint i = 0; lines[i] != NULL && !found; i++)
    {
      gboolean all = g_str_has_prefix (lines[i], prefix);
      for (guint w = 0; all && words != NULL && words[w] != NULL; w++)
        all = strstr (lines[i], words[w]) != NULL;
      found = all;
    }
  if (!found)
    g_test_message ("expected a line starting with “%s” containing the words; got:\n%s", prefix, message);
  g_assert_true (found);
}

/* ------------------------------------------------------------------ */
/* The fixture and the bundled files load                              */

char *
repeat (const char *unit,
        guint       n)
{
  gsize len = strlen (unit);
  char *s = g_malloc (len * n + 1);

  for (guint i = 0; i < n; i++)
    memcpy (s + i * len, unit, len);
  s[len * n] = '\0';
  return s;
}
