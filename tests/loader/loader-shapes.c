/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-loader"

#include "config.h"

#include "loader-shapes.h"

#define ROOT_OPEN "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<program-file xmlns=\"https://shangce.github.io/ns/program/1\" format=\"1\" license=\"CC-BY-4.0\""
#define N_SOURCES 1000
#define QUOTE_BYTES 60000

char *
loader_shape_attributes (guint n)
{
  GString *s = g_string_new (ROOT_OPEN);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, " a%u=\"x\"", i);
  g_string_append (s, ">\n</program-file>\n");
  return g_string_free (s, FALSE);
}

char *
loader_shape_namespaces (guint n)
{
  GString *s = g_string_new (ROOT_OPEN);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, " xmlns:p%u=\"urn:x:%u\"", i, i);
  g_string_append (s, ">\n</program-file>\n");
  return g_string_free (s, FALSE);
}

static void
append_source (GString *s,
               guint    i)
{
  g_string_append_printf (s, "  <source id=\"s%u\" file=\"f%u.txt\" publisher=\"p\" published=\"2026-01-01\">"
                          "<title xml:lang=\"en\">Source %u</title></source>\n", i, i, i);
}

static void
append_program_open (GString    *s,
                     guint       i,
                     const char *sources)
{
  g_string_append_printf (s, "  <program id=\"shape.p%u\" revision=\"1\" platform=\"shapeshop\" status=\"announced\""
                          " start=\"2026-01-01\" end=\"2027-01-01\" sources=\"%s\">\n"
                          "    <name xml:lang=\"en\">Program %u</name>\n", i, sources, i);
}

char *
loader_shape_stated_numbers (guint n)
{
  GString *s = g_string_new (ROOT_OPEN ">\n");
  GString *quote = g_string_new ("项目");

  g_assert_cmpuint (n, <=, 8000);
  append_source (s, 0);
  append_program_open (s, 0, "s0");
  for (guint i = 1; i <= n; i++)
    g_string_append_printf (quote, " %u", i);
  while (quote->len < QUOTE_BYTES)
    g_string_append (quote, " 说明");
  g_string_append_printf (s, "    <measure id=\"m\" source=\"s0\">\n"
                          "      <title xml:lang=\"en\">Many numbers</title>\n"
                          "      <quote>%s</quote>\n      <effects>\n", quote->str);
  for (guint i = 1; i <= n; i++)
    g_string_append_printf (s, "        <grant benefit=\"cash\" anchor=\"first-sale\"><amount value=\"%u\"/></grant>\n", i);
  g_string_append (s, "      </effects>\n    </measure>\n  </program>\n</program-file>\n");
  g_string_free (quote, TRUE);
  return g_string_free (s, FALSE);
}

char *
loader_shape_source_cites (guint n)
{
  GString *s = g_string_new (ROOT_OPEN ">\n");
  GString *all = g_string_new (NULL);

  g_assert_cmpuint (n, <=, 200);
  for (guint i = 0; i < N_SOURCES; i++)
    {
      append_source (s, i);
      g_string_append_printf (all, "%ss%u", i > 0 ? " " : "", i);
    }
  for (guint p = 0; p < n; p++)
    {
      append_program_open (s, p, all->str);
      g_string_append (s, "    <measure id=\"m\" source=\"s0\">\n"
                       "      <title xml:lang=\"en\">One</title>\n"
                       "      <quote>得1元</quote>\n"
                       "      <effects><grant benefit=\"cash\" anchor=\"first-sale\"><amount value=\"1\"/></grant></effects>\n"
                       "    </measure>\n  </program>\n");
    }
  g_string_append (s, "</program-file>\n");
  g_string_free (all, TRUE);
  return g_string_free (s, FALSE);
}
