/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-test"

#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/socket.h>
#include <unistd.h>

#include "harden-util.h"
#include "sc-catalog.h"
#include "sc-engine.h"
#include "sc-error.h"
#include "sc-program-reader.h"
#include "sc-profile.h"
#include "sc-report.h"

/*
 * A file from a chat group must not reach outside: no network, no other
 * file, no command. Every hostile document below names three bait targets:
 *
 *  - a TCP listener on 127.0.0.1 (network): after everything ran, accept()
 *    must find no connection in its backlog;
 *  - a secret file (the file system): watched with inotify for IN_OPEN and
 *    IN_ACCESS, which the kernel reports for any process, so opening it at
 *    all (not only reading it) is caught, without LD_PRELOAD or strace;
 *    its contents must also never show up in a message or an output;
 *  - a marker file that shell syntax in names and notes would create, and
 *    fake sh, bash, curl, wget, xdg-open and gio first in PATH that would
 *    create it too: it must not exist afterwards.
 *
 * The documents go through the loaders in memory and on disk, the catalog,
 * the engine and the report in-process, and through the command line
 * (--validate, --report, --export) as a child process.
 */

typedef struct
{
  char   *dir;
  int     listener;
  guint16 port;
  char   *secret;
  char   *secret_text;
  char   *marker;
  char   *fakebin;
  int     inotify;
} Bait;

static Bait bait;

static void
bait_setup (void)
{
  struct sockaddr_in addr = { 0 };
  socklen_t len = sizeof addr;
  static const char *const tools[] = { "sh", "bash", "dash", "curl", "wget", "xdg-open", "gio", "open", "python3" };

  /* A failing subprocess (see test_baits_work) cannot clean up: its baits
   * live inside the parent's folder, which the parent removes. */
  if (g_test_subprocess () && g_getenv ("SHANGCE_TEST_BAIT_DIR") != NULL)
    {
      bait.dir = g_build_filename (g_getenv ("SHANGCE_TEST_BAIT_DIR"), "sub-XXXXXX", NULL);
      g_assert_nonnull (g_mkdtemp (bait.dir));
    }
  else
    {
      bait.dir = harden_make_tmp_dir ();
      g_setenv ("SHANGCE_TEST_BAIT_DIR", bait.dir, TRUE);
    }

  bait.listener = socket (AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  g_assert_cmpint (bait.listener, >=, 0);
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
  g_assert_cmpint (bind (bait.listener, (struct sockaddr *) &addr, sizeof addr), ==, 0);
  g_assert_cmpint (listen (bait.listener, 16), ==, 0);
  g_assert_cmpint (getsockname (bait.listener, (struct sockaddr *) &addr, &len), ==, 0);
  bait.port = ntohs (addr.sin_port);

  bait.secret = g_build_filename (bait.dir, "secret.xml", NULL);
  bait.secret_text = g_strdup_printf ("SECRET-%08x%08x", g_test_rand_int (), g_test_rand_int ());
  g_assert_true (g_file_set_contents (bait.secret, bait.secret_text, -1, NULL));

  bait.marker = g_build_filename (bait.dir, "pwned", NULL);
  bait.fakebin = g_build_filename (bait.dir, "bin", NULL);
  g_assert_cmpint (g_mkdir (bait.fakebin, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (tools); i++)
    {
      g_autofree char *path = g_build_filename (bait.fakebin, tools[i], NULL);
      g_autofree char *script = g_strdup_printf ("#!/bin/sh\necho \"$0 $*\" >> '%s'\n", bait.marker);

      g_assert_true (g_file_set_contents (path, script, -1, NULL));
      g_assert_cmpint (g_chmod (path, 0755), ==, 0);
    }

  /* Last: from here on the test itself never opens the secret. */
  bait.inotify = inotify_init1 (IN_NONBLOCK | IN_CLOEXEC);
  g_assert_cmpint (bait.inotify, >=, 0);
  g_assert_cmpint (inotify_add_watch (bait.inotify, bait.secret, IN_OPEN | IN_ACCESS), >=, 0);
}

/* Asserts that nothing reached a bait since the last call. */
static void
bait_check (const char *after)
{
  char buf[4096] __attribute__ ((aligned (__alignof__ (struct inotify_event))));
  int fd = accept (bait.listener, NULL, NULL);
  gssize n;

  if (fd >= 0)
    {
      close (fd);
      g_error ("%s: a connection reached 127.0.0.1:%u", after, bait.port);
    }
  g_assert_cmpint (errno, ==, EAGAIN);

  n = read (bait.inotify, buf, sizeof buf);
  if (n > 0)
    g_error ("%s: %s was opened or read", after, bait.secret);
  g_assert_cmpint (errno, ==, EAGAIN);

  if (g_file_test (bait.marker, G_FILE_TEST_EXISTS))
    g_error ("%s: a command ran (%s exists)", after, bait.marker);
}

static void
assert_no_secret (const char *text,
                  const char *what)
{
  if (text != NULL && strstr (text, bait.secret_text) != NULL)
    g_error ("%s shows the secret file's contents: %s", what, text);
}

/* --- the hostile documents ------------------------------------------------ */

#define PROGRAM_NS "https://shangce.github.io/ns/program/1"
#define PROFILE_NS "https://shangce.github.io/ns/profile/1"

typedef struct
{
  const char *name;
  gboolean    is_profile;
  gboolean    loads;        /* a valid document whose strings merely name the baits */
  char     *(*make) (void);
} Document;

static char *
url (const char *path)
{
  return g_strdup_printf ("http://127.0.0.1:%u/%s", bait.port, path);
}

static char *
shell_bait (void)
{
  return g_strdup_printf ("$(touch %s)`touch %s`;touch %s|sh", bait.marker, bait.marker, bait.marker);
}

static char *
root_of (gboolean is_profile)
{
  return g_strdup (is_profile
                   ? "<profile xmlns=\"" PROFILE_NS "\" format=\"1\" as-of=\"2026-01-01\">"
                   : "<program-file xmlns=\"" PROGRAM_NS "\" format=\"1\" license=\"CC0-1.0\">");
}

#define END(is_profile) ((is_profile) ? "</profile>" : "</program-file>")

static char *
make_external_dtd (gboolean is_profile)
{
  g_autofree char *u = url ("dtd");
  g_autofree char *root = root_of (is_profile);

  return g_strdup_printf ("<?xml version=\"1.0\"?>\n<!DOCTYPE x SYSTEM \"%s\">\n%s%s\n", u, root, END (is_profile));
}

static char *
make_external_entities (gboolean is_profile)
{
  g_autofree char *u = url ("entity");
  g_autofree char *root = root_of (is_profile);

  return g_strdup_printf ("<?xml version=\"1.0\"?>\n<!DOCTYPE x [\n"
                          "  <!ENTITY net SYSTEM \"%s\">\n"
                          "  <!ENTITY file SYSTEM \"file://%s\">\n"
                          "  <!ENTITY path SYSTEM \"%s\">\n"
                          "  <!ENTITY %% pe SYSTEM \"%s\"> %%pe;\n"
                          "]>\n%s&net;&file;&path;%s\n",
                          u, bait.secret, bait.secret, bait.secret, root, END (is_profile));
}

static char *
make_xinclude (gboolean is_profile)
{
  g_autofree char *u = url ("include");
  g_autofree char *root = root_of (is_profile);

  return g_strdup_printf ("<?xml version=\"1.0\"?>\n%s\n"
                          "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"%s\"/>\n"
                          "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"file://%s\" parse=\"text\"/>\n"
                          "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"%s\"/>\n%s\n",
                          root, u, bait.secret, bait.secret, END (is_profile));
}

static char *
make_schema_location (gboolean is_profile)
{
  g_autofree char *u = url ("xsd");

  return g_strdup_printf ("<?xml version=\"1.0\"?>\n<?xml-stylesheet type=\"text/xsl\" href=\"%s\"?>\n"
                          "<%s xmlns=\"%s\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                          "xsi:schemaLocation=\"%s %s\" xsi:noNamespaceSchemaLocation=\"%s\" format=\"1\"/>\n",
                          u, is_profile ? "profile" : "program-file", is_profile ? PROFILE_NS : PROGRAM_NS,
                          is_profile ? PROFILE_NS : PROGRAM_NS, u, bait.secret);
}

#define MAKE_BOTH(fn) \
  static char *fn##_program (void) { return fn (FALSE); } \
  static char *fn##_profile (void) { return fn (TRUE); }
MAKE_BOTH (make_external_dtd)
MAKE_BOTH (make_external_entities)
MAKE_BOTH (make_xinclude)
MAKE_BOTH (make_schema_location)

/* A valid program file: its source names the secret as the seed file and
 * the listener as its URL; names carry shell syntax. */
static char *
make_valid_program (void)
{
  g_autofree char *u = url ("source");
  g_autofree char *sh = shell_bait ();
  g_autofree char *esc_sh = g_markup_escape_text (sh, -1);

  return g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<program-file xmlns=\"" PROGRAM_NS "\" format=\"1\" license=\"CC0-1.0\">\n"
    "  <source id=\"s0\" file=\"%s\" publisher=\"%s\" published=\"2026-01-24\" url=\"%s\">\n"
    "    <title xml:lang=\"en\">%s</title>\n"
    "  </source>\n"
    "  <program id=\"bait.program\" revision=\"1\" platform=\"kuaishou\" status=\"announced\"\n"
    "           start=\"2026-01-01\" end=\"2027-01-01\" sources=\"s0\">\n"
    "    <name xml:lang=\"en\">%s</name>\n"
    "    <name xml:lang=\"zh\">%s</name>\n"
    "    <measure id=\"m1\" source=\"s0\">\n"
    "      <title xml:lang=\"en\">%s</title>\n"
    "      <quote>单商最高得240元现金 %s</quote>\n"
    "      <effects><grant benefit=\"cash\" anchor=\"first-sale\" up-to=\"true\"><amount value=\"240\"/></grant></effects>\n"
    "    </measure>\n"
    "  </program>\n"
    "</program-file>\n",
    bait.secret, esc_sh, u, esc_sh, esc_sh, esc_sh, esc_sh, esc_sh);
}

static char *
make_valid_profile (void)
{
  g_autofree char *u = url ("notes");
  g_autofree char *sh = shell_bait ();
  g_autofree char *esc_sh = g_markup_escape_text (sh, -1);

  return g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<profile xmlns=\"" PROFILE_NS "\" format=\"1\" as-of=\"2026-01-01\" horizon=\"12\">\n"
    "  <name xml:lang=\"en\">%s</name>\n"
    "  <name xml:lang=\"zh\">file://%s</name>\n"
    "  <set field=\"store-type\" value=\"enterprise\"/>\n"
    "  <set field=\"first-sale-date\" value=\"2026-01-10\"/>\n"
    "  <set field=\"monthly-gmv\" value=\"80000\"><note xml:lang=\"en\">%s %s</note></set>\n"
    "  <notes>%s %s file://%s</notes>\n"
    "</profile>\n",
    esc_sh, bait.secret, u, esc_sh, u, esc_sh, bait.secret);
}

static const Document documents[] = {
  { "external-dtd", FALSE, FALSE, make_external_dtd_program },
  { "external-dtd", TRUE, FALSE, make_external_dtd_profile },
  { "external-entities", FALSE, FALSE, make_external_entities_program },
  { "external-entities", TRUE, FALSE, make_external_entities_profile },
  { "xinclude", FALSE, FALSE, make_xinclude_program },
  { "xinclude", TRUE, FALSE, make_xinclude_profile },
  { "schema-location", FALSE, FALSE, make_schema_location_program },
  { "schema-location", TRUE, FALSE, make_schema_location_profile },
  { "valid-with-baits", FALSE, TRUE, make_valid_program },
  { "valid-with-baits", TRUE, TRUE, make_valid_profile },
};

static char *
write_document (const Document *doc,
                const char     *bytes)
{
  g_autofree char *name = g_strdup_printf ("%s.%s", doc->name, doc->is_profile ? "shangce" : "xml");
  char *path = g_build_filename (bait.dir, name, NULL);

  g_assert_true (g_file_set_contents (path, bytes, -1, NULL));
  return path;
}

/* In process: loaders in memory and on disk, then engine and reports. */
static void
test_in_process (gconstpointer data)
{
  const Document *doc = data;
  g_autofree char *bytes = doc->make ();
  g_autofree char *path = write_document (doc, bytes);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScCatalog) catalog = sc_catalog_new ();
  g_autoptr(ScProfile) profile = NULL;

  sc_catalog_add_defaults (catalog);
  bait_check ("before");

  if (doc->is_profile)
    {
      g_autoptr(ScProfile) from_memory = sc_profile_load_from_data (bytes, strlen (bytes), path, &error);

      g_assert_true ((from_memory != NULL) == doc->loads);
      if (error != NULL)
        assert_no_secret (error->message, "the error");
      g_clear_error (&error);
      profile = sc_profile_load (path, &error);
    }
  else
    {
      g_autoptr(ScProgramFile) from_memory = sc_program_reader_load_memory (bytes, strlen (bytes), path, &error);

      g_assert_true ((from_memory != NULL) == doc->loads);
      if (error != NULL)
        assert_no_secret (error->message, "the error");
      g_clear_error (&error);
      sc_catalog_add_file (catalog, path, SC_ORIGIN_COMMAND_LINE, &error);
      profile = sc_profile_load_example (SC_PROFILE_DEFAULT_EXAMPLE, NULL);
    }

  if (doc->loads)
    g_assert_no_error (error);
  else
    {
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      /* The error says why: a DOCTYPE, an XInclude or an unknown attribute. */
      g_assert_true (error->code == SC_ERROR_FORBIDDEN || error->code == SC_ERROR_SCHEMA);
      g_assert_true (g_str_has_prefix (error->message, path));
      assert_no_secret (error->message, "the error");
    }

  if (profile != NULL)
    {
      g_autoptr(ScResult) result = sc_engine_evaluate (catalog, profile, NULL);

      for (ScReportFormat f = SC_REPORT_TEXT; f <= SC_REPORT_JSON; f++)
        {
          g_autoptr(GBytes) report = sc_report_build (catalog, profile, result, f, "en");
          g_autofree char *text = g_strndup (g_bytes_get_data (report, NULL), g_bytes_get_size (report));

          assert_no_secret (text, "the report");
          if (doc->loads && !doc->is_profile && f == SC_REPORT_JSON)
            g_assert_nonnull (strstr (text, "bait.program"));
        }
    }
  bait_check (doc->name);
}

/* Through the command line as a child: validate, report, export. */
static void
test_command_line (gconstpointer data)
{
  const Document *doc = data;
  const char *bin = g_getenv ("SHANGCE_BIN");
  g_autofree char *bytes = NULL;
  g_autofree char *path = NULL;
  g_autofree char *png = NULL;
  g_autofree char *env_path = NULL;
  g_autofree char *fake_sh = g_build_filename (bait.fakebin, "sh", NULL);
  g_autofree char *fake_browser = g_build_filename (bait.fakebin, "xdg-open", NULL);
  g_auto(GStrv) env = NULL;
  const char *const *argvs[3];

  if (bin == NULL)
    {
      g_test_skip ("SHANGCE_BIN is not set");
      return;
    }
  bytes = doc->make ();
  path = write_document (doc, bytes);
  png = g_build_filename (bait.dir, "out.png", NULL);
  env = g_get_environ ();
  env_path = g_strdup_printf ("%s:%s", bait.fakebin, g_getenv ("PATH"));
  env = g_environ_setenv (env, "PATH", env_path, TRUE);
  env = g_environ_setenv (env, "SHELL", fake_sh, TRUE);
  env = g_environ_setenv (env, "BROWSER", fake_browser, TRUE);
  env = g_environ_setenv (env, "http_proxy", "http://127.0.0.1:1/", TRUE);

  argvs[0] = doc->is_profile
    ? (const char *const[]) { bin, "--report", "--format", "json", "--profile", path, NULL }
    : (const char *const[]) { bin, "--validate", path, NULL };
  argvs[1] = doc->is_profile
    ? (const char *const[]) { bin, "--report", "--format", "csv", "--profile", path, NULL }
    : (const char *const[]) { bin, "--report", "--programs", path, NULL };
  argvs[2] = doc->is_profile
    ? (const char *const[]) { bin, "--export", png, "--chart", "measures", "--profile", path, NULL }
    : (const char *const[]) { bin, "--export", png, "--chart", "timeline", "--programs", path, NULL };

  for (guint i = 0; i < G_N_ELEMENTS (argvs); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autoptr(GError) error = NULL;
      int status;

      g_assert_true (g_spawn_sync (NULL, (char **) argvs[i], env, G_SPAWN_DEFAULT,
                                   NULL, NULL, &out, &err, &status, &error));
      g_assert_no_error (error);
      g_test_message ("%s %s: exit %d, %.200s", argvs[i][1], doc->name, status, err);
      assert_no_secret (out, "standard output");
      assert_no_secret (err, "standard error");
      /* Refused files fail with exit 1 and say where; valid ones succeed. */
      if (doc->loads)
        g_assert_true (g_spawn_check_wait_status (status, NULL));
      else
        g_assert_nonnull (strstr (err, path));
      bait_check (argvs[i][1]);
    }
}

/* The baits catch what they are meant to catch: otherwise every test
 * above would pass vacuously. Each runs in a subprocess that must fail. */
static void
test_baits_work (gconstpointer data)
{
  const char *which = data;

  if (g_test_subprocess ())
    {
      if (g_str_equal (which, "file"))
        {
          g_autofree char *text = NULL;

          g_file_get_contents (bait.secret, &text, NULL, NULL);
        }
      else if (g_str_equal (which, "network"))
        {
          struct sockaddr_in addr = { 0 };
          int fd = socket (AF_INET, SOCK_STREAM, 0);

          addr.sin_family = AF_INET;
          addr.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
          addr.sin_port = htons (bait.port);
          g_assert_cmpint (connect (fd, (struct sockaddr *) &addr, sizeof addr), ==, 0);
          close (fd);
        }
      else
        {
          g_autofree char *path = g_strdup_printf ("PATH=%s", bait.fakebin);
          const char *argv[] = { "curl", "http://example.invalid/", NULL };
          const char *envp[] = { path, NULL };

          g_spawn_sync (NULL, (char **) argv, (char **) envp, G_SPAWN_SEARCH_PATH_FROM_ENVP,
                        NULL, NULL, NULL, NULL, NULL, NULL);
        }
      bait_check (which);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr (g_str_equal (which, "file") ? "*was opened or read*"
                             : g_str_equal (which, "network") ? "*a connection reached*"
                             : "*a command ran*");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  bait_setup ();

  g_test_add_data_func ("/harden/no-reach/baits-work/file", "file", test_baits_work);
  g_test_add_data_func ("/harden/no-reach/baits-work/network", "network", test_baits_work);
  g_test_add_data_func ("/harden/no-reach/baits-work/command", "command", test_baits_work);

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      const char *kind = documents[i].is_profile ? "profile" : "program";
      g_autofree char *a = g_strdup_printf ("/harden/no-reach/in-process/%s/%s", kind, documents[i].name);
      g_autofree char *b = g_strdup_printf ("/harden/no-reach/command-line/%s/%s", kind, documents[i].name);

      g_test_add_data_func (a, &documents[i], test_in_process);
      g_test_add_data_func (b, &documents[i], test_command_line);
    }

  status = g_test_run ();
  close (bait.listener);
  close (bait.inotify);
  harden_remove_tree (bait.dir);
  return status;
}
