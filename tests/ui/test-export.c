/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What the window hands a consultant: the text, CSV, JSON and xlsx report its
 * charts refer to ("…and N more in the report"), and the client report PDF
 * with the consultant's name from Preferences. Each is made through its
 * action and GTK's own file chooser, answered as a user would, and the file
 * written is read back.
 */
#define _GNU_SOURCE
#define G_LOG_DOMAIN "test-export"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sc-session.h"
#include "ui-test.h"

static ScApplication *app;

/* Exports through @action into a new folder as @name; returns the file's
 * contents (transfer full) and removes the folder. */
static GBytes *
export_as (ScMainWindow *win,
           const char   *action,
           const char   *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("shangce-export-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  char *data = NULL;
  gsize len = 0;

  g_assert_no_error (error);
  gtk_widget_activate_action (GTK_WIDGET (win), action, NULL);
  iterate ();
  save_as_into (dir, name);
  g_assert_true (g_file_get_contents (path, &data, &len, &error));
  g_assert_no_error (error);
  test_remove_tree (dir);
  return g_bytes_new_take (data, len);
}

static void
test_report (void)
{
  ScMainWindow *win = ui_test_open_window (app);
  const char *name = sc_profile_get_name (sc_document_get_profile (ui_test_document (win)), "en");
  g_autoptr(GBytes) text = export_as (win, "win.export-report", "client.txt");
  g_autoptr(GBytes) csv = export_as (win, "win.export-report", "client.csv");
  g_autoptr(GBytes) json = export_as (win, "win.export-report", "client.json");
  g_autoptr(GBytes) xlsx = export_as (win, "win.export-report", "client.xlsx");
  const char *t = g_bytes_get_data (text, NULL);
  const char *c = g_bytes_get_data (csv, NULL);
  const char *j = g_bytes_get_data (json, NULL);

  /* The text report names the profile and lists the assumptions the
   * chart's footnote only counts. */
  g_assert_nonnull (strstr (t, name));
  g_assert_nonnull (strstr (t, "ssumption"));
  /* CSV: Excel's UTF-8 mark, then a header row. */
  g_assert_cmpmem (c, 3, "\xEF\xBB\xBF", 3);
  g_assert_nonnull (strchr (c, ','));
  /* JSON: an object. */
  while (*j == ' ' || *j == '\n')
    j++;
  g_assert_cmpint (*j, ==, '{');
  /* .xlsx: a workbook (a zip whose entries are named in the clear) with
   * both charts of the Summary sheet. */
  g_assert_cmpmem (g_bytes_get_data (xlsx, NULL), 4, "PK\x03\x04", 4);
  g_assert_nonnull (memmem (g_bytes_get_data (xlsx, NULL), g_bytes_get_size (xlsx), "xl/worksheets/sheet1.xml", 24));
  g_assert_nonnull (memmem (g_bytes_get_data (xlsx, NULL), g_bytes_get_size (xlsx), "xl/charts/chart2.xml", 20));
  ui_test_destroy_window (win);
}

/* The output of @tool (pdfinfo, pdftotext) run on @pdf, or NULL without
 * poppler's tools. (transfer full) */
static char *
poppler (const char *tool,
         GBytes     *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  int fd, status = 0;

  if (g_find_program_in_path (tool) == NULL)
    return NULL;
  fd = g_file_open_tmp ("shangce-export-XXXXXX.pdf", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error));
  {
    const char *argv[] = { tool, path, g_str_equal (tool, "pdftotext") ? "-" : NULL, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, &out, NULL, &status, &error));
  }
  g_assert_no_error (error);
  g_unlink (path);
  return g_steal_pointer (&out);
}

/* Export Client Report writes the multi-page PDF with the consultant's name
 * from Preferences on it. */
static void
test_client_report (void)
{
  GSettings *settings = g_settings_new (APP_ID);
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *info = NULL, *text = NULL;
  ScMainWindow *win;
  const char *pages;

  g_settings_set_string (settings, "consultant-name", "Zhou & Partners");
  win = ui_test_open_window (app);
  pdf = export_as (win, "win.export-client-report", "client.pdf");
  g_assert_cmpmem (g_bytes_get_data (pdf, NULL), 5, "%PDF-", 5);
  info = poppler ("pdfinfo", pdf);
  text = poppler ("pdftotext", pdf);
  if (info != NULL && text != NULL)
    {
      pages = strstr (info, "Pages:");
      g_assert_nonnull (pages);
      g_assert_cmpint (atoi (pages + strlen ("Pages:")), >, 2);
      g_assert_nonnull (strstr (text, "Zhou & Partners"));
      g_assert_nonnull (strstr (text, sc_profile_get_name (sc_document_get_profile (ui_test_document (win)), "en")));
    }
  else
    g_test_message ("no pdfinfo/pdftotext: only the PDF header was checked");
  g_settings_reset (settings, "consultant-name");
  g_object_unref (settings);
  ui_test_destroy_window (win);
}

int
main (int    argc,
      char **argv)
{
  if (!ui_test_init (&argc, &argv))
    return 0;
  app = ui_test_new_app ();
  ui_test_allow_gtk_snapshot_warning ();
  g_test_add_func ("/export/report", test_report);
  g_test_add_func ("/export/client-report", test_client_report);
  return ui_test_run (app);
}
