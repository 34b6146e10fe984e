/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-ui"

#include "config.h"

#include "sc-help.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sc-i18n.h"
#include "sc-types.h"

/* Where build-aux/help-html.sh put the HTML help: installed beside the
 * program data; SHANGCE_HELP_DIR points the tests at the build tree. */
static const char *
help_html_dir (void)
{
  const char *dir = g_getenv ("SHANGCE_HELP_DIR");

  return dir != NULL && *dir != '\0' ? dir : PKGDATADIR "/help";
}

gboolean
sc_help_have_viewer (void)
{
  g_autoptr(GAppInfo) viewer = g_app_info_get_default_for_uri_scheme ("help");

  return viewer != NULL;
}

char *
sc_help_get_uri (const char *page,
                 gboolean    have_viewer)
{
  const char *langs[] = { sc_lang_from_code (sc_lang_current ()) == SC_LANG_ZH ? "zh_CN" : "C", "C" };
  g_autofree char *file = g_strconcat (page != NULL ? page : "index", ".html", NULL);

  if (have_viewer)
    return page != NULL ? g_strconcat ("help:shangce/", page, NULL) : g_strdup ("help:shangce");
  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      g_autofree char *path = g_build_filename (help_html_dir (), langs[i], file, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_filename_to_uri (path, NULL, NULL);
    }
  return NULL;
}

static void
show_where (GtkWindow  *parent,
            const char *uri)
{
  g_autofree char *path = uri != NULL ? g_filename_from_uri (uri, NULL, NULL) : NULL;
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (parent, _("No Help Viewer or Web Browser"), NULL);
  if (path != NULL)
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                    _("Install Yelp or a web browser to read the help here. The help is also in this file: %s"),
                                    path);
  else
    adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                                 _("Install Yelp or a web browser to read the help, or read it online with the program’s sources."));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  GtkWindow *parent;
  char      *page;
  gboolean   tried_viewer;
} ShowHelp;

static void
show_help_free (ShowHelp *show)
{
  g_clear_weak_pointer (&show->parent);
  g_free (show->page);
  g_free (show);
}

static void show_uri (ShowHelp *show, const char *uri);

static void
shown_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  ShowHelp *show = data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

#if GTK_CHECK_VERSION (4, 10, 0)
  ok = gtk_uri_launcher_launch_finish (GTK_URI_LAUNCHER (source), result, &error);
#else
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  ok = gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error);
  G_GNUC_END_IGNORE_DEPRECATIONS
#endif
  if (!ok && show->tried_viewer)
    {
      /* The viewer failed: the browser gets its turn. */
      g_autofree char *uri = sc_help_get_uri (show->page, FALSE);

      show->tried_viewer = FALSE;
      if (uri != NULL)
        {
          show_uri (show, uri);
          return;
        }
    }
  if (!ok && show->parent != NULL)
    {
      g_autofree char *uri = sc_help_get_uri (show->page, FALSE);

      g_debug ("Could not show the help: %s", error->message);
      show_where (show->parent, uri);
    }
  show_help_free (show);
}

static void
show_uri (ShowHelp   *show,
          const char *uri)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  g_autoptr(GtkUriLauncher) launcher = gtk_uri_launcher_new (uri);

  gtk_uri_launcher_launch (launcher, show->parent, NULL, shown_cb, show);
#else
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_show_uri_full (show->parent, uri, GDK_CURRENT_TIME, NULL, shown_cb, show);
  G_GNUC_END_IGNORE_DEPRECATIONS
#endif
}

void
sc_help_show (GtkWindow  *parent,
              const char *page)
{
  ShowHelp *show;
  g_autofree char *uri = NULL;

  g_return_if_fail (GTK_IS_WINDOW (parent));

  show = g_new0 (ShowHelp, 1);
  g_set_weak_pointer (&show->parent, parent);
  show->page = g_strdup (page);
  show->tried_viewer = sc_help_have_viewer ();
  uri = sc_help_get_uri (page, show->tried_viewer);
  if (uri == NULL)
    {
      show_where (parent, NULL);
      show_help_free (show);
      return;
    }
  show_uri (show, uri);
}
