/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-documents"

#include "config.h"

#include <glib.h>
#include <string.h>

#include "sc-error.h"
#include "sc-profile.h"
#include "sc-program-reader.h"
#include "sc-xml-read.h"
#include "sc-xml.h"

/*
 * What program files and profiles share: the element helpers of
 * sc-xml-read.c, one rule for xml:lang, and problems collected in one pass.
 */

#define PROFILE_OPEN "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<profile xmlns=\"https://shangce.github.io/ns/profile/1\" format=\"1\" as-of=\"2026-01-01\">\n"

/* @text with its first @find (which must be there) replaced. (transfer full) */
static char *
replace_once (const char *text,
              const char *find,
              const char *replace)
{
  GString *s = g_string_new (text);

  g_assert_cmpuint (g_string_replace (s, find, replace, 1), ==, 1);
  return g_string_free (s, FALSE);
}

static void
test_lang_rule (void)
{
  static const struct
  {
    const char *lang;
    gboolean    zh;
  } cases[] = {
    { "zh", TRUE }, { "zh-CN", TRUE }, { "zh_Hans", TRUE }, { "ZH-tw", TRUE }, { "Zh", TRUE },
    { NULL, FALSE }, { "", FALSE }, { "en", FALSE }, { "zhx", FALSE }, { "z", FALSE },
    { "zh ", FALSE }, { "en-zh", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("xml:lang=\"%s\"", cases[i].lang ? cases[i].lang : "(none)");
      g_assert_cmpint (sc_xml_lang_is_zh (cases[i].lang), ==, cases[i].zh);
    }
}

/* The helper both readers call: each text lands in its language's slot. */
static void
test_lang_text (void)
{
  const char *doc = "<r xmlns=\"urn:t\"><t xml:lang=\"zh-CN\">中</t><t xml:lang=\"fr\">fr</t>"
                    "<t xml:lang=\"zh_Hans\">又</t><t> padded </t></r>";
  g_autoptr(GError) error = NULL;
  g_autoptr(xmlDoc) parsed = sc_xml_read_memory (doc, strlen (doc), "t.xml", &error);
  xmlNode *root = xmlDocGetRootElement (parsed);
  ScText text = { NULL, NULL };
  ScText trimmed = { NULL, NULL };
  ScXmlProblems problems;
  guint n = 0;

  g_assert_no_error (error);
  sc_xml_problems_init (&problems, "t.xml");
  for (xmlNode *c = root->children; c != NULL; c = c->next, n++)
    if (n < 3)
      sc_xml_read_lang_text (&problems, c, SC_XML_VERBATIM, &text);
    else
      sc_xml_read_lang_text (&problems, c, SC_XML_TRIM, &trimmed);
  g_assert_cmpstr (text.zh, ==, "中");
  g_assert_cmpstr (text.en, ==, "fr");
  g_assert_cmpstr (trimmed.en, ==, "padded");
  /* zh_Hans is Chinese too: the second Chinese text is a problem. */
  g_assert_cmpuint (problems.count, ==, 1);
  g_assert_false (sc_xml_problems_finish (&problems, &error));
  g_assert_nonnull (strstr (error->message, "t.xml:1:"));
  g_assert_nonnull (strstr (error->message, "“zh_Hans”"));
  sc_text_clear (&text);
  sc_text_clear (&trimmed);
}

/* Program files read xml:lang through the same rule, but their schema
 * admits only the two values the bundled data uses. */
static void
test_lang_program (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "loader", "sample.xml", NULL);
  g_autofree char *sample = NULL;
  g_autofree char *regional = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProgramFile) file = NULL;
  g_autoptr(ScProgramFile) refused = NULL;
  const ScProgram *program;

  g_assert_true (g_file_get_contents (path, &sample, NULL, &error));
  regional = replace_once (sample, "<name xml:lang=\"zh\">星耀计划</name>", "<name xml:lang=\"zh-CN\">星耀计划</name>");
  file = sc_program_reader_load_memory (sample, strlen (sample), "lang.xml", &error);
  g_assert_no_error (error);
  program = g_ptr_array_index (file->programs, 0);
  g_assert_cmpstr (program->name.zh, ==, "星耀计划");
  g_assert_cmpstr (program->name.en, ==, "Star Plan");

  refused = sc_program_reader_load_memory (regional, strlen (regional), "lang.xml", &error);
  g_assert_null (refused);
  g_assert_error (error, SC_ERROR, SC_ERROR_SCHEMA);
  g_assert_nonnull (strstr (error->message, "zh-CN"));
}

static void
test_lang_profile (void)
{
  static const struct
  {
    const char *lang;
    gboolean    zh;
  } cases[] = { { "zh", TRUE }, { "en", FALSE } };
  const char *regional = PROFILE_OPEN "  <name xml:lang=\"zh-CN\">名字</name>\n</profile>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProfile) refused = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *doc = g_strdup_printf (PROFILE_OPEN "  <name xml:lang=\"%s\">名字</name>\n</profile>\n",
                                              cases[i].lang);
      g_autoptr(ScProfile) profile = sc_profile_load_from_data (doc, strlen (doc), "lang.shangce", &error);

      g_assert_no_error (error);
      g_assert_cmpstr (cases[i].zh ? profile->name.zh : profile->name.en, ==, "名字");
      g_assert_null (cases[i].zh ? profile->name.en : profile->name.zh);
    }

  /* As in program files, the schema admits only zh and en. */
  refused = sc_profile_load_from_data (regional, strlen (regional), "lang.shangce", &error);
  g_assert_null (refused);
  g_assert_error (error, SC_ERROR, SC_ERROR_SCHEMA);
}

/* Profiles keep their texts as saved; program files trim theirs. */
static void
test_space (void)
{
  const char *doc = PROFILE_OPEN "  <name xml:lang=\"en\">  spaced  </name>\n"
                    "  <notes>\n  line one\n</notes>\n</profile>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProfile) profile = sc_profile_load_from_data (doc, strlen (doc), "space.shangce", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (profile->name.en, ==, "  spaced  ");
  g_assert_cmpstr (profile->notes, ==, "\n  line one\n");
}

/* Every problem of a profile is reported in one pass, each at its line. */
static void
test_profile_problems (void)
{
  const char *doc = PROFILE_OPEN
    "  <set field=\"monthly-gmv\" value=\"-5\"/>\n"                     /* line 3 */
    "  <set field=\"store-type\" value=\"individual\"/>\n"
    "  <set field=\"store-type\" value=\"individual\"/>\n"              /* line 5 */
    "  <override platform=\"kuaishou\" fee=\"commission\" value=\"7\"/>\n" /* line 6 */
    "</profile>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProfile) profile = sc_profile_load_from_data (doc, strlen (doc), "three.shangce", &error);
  g_auto(GStrv) lines = NULL;

  g_assert_null (profile);
  g_assert_error (error, SC_ERROR, SC_ERROR_VALUE);
  g_test_message ("%s", error->message);
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_true (g_str_has_prefix (lines[0], "three.shangce:3:3: "));
  g_assert_true (g_str_has_prefix (lines[1], "three.shangce:5:3: "));
  g_assert_true (g_str_has_prefix (lines[2], "three.shangce:6:3: "));
  g_assert_nonnull (strstr (lines[0], "-5"));
  g_assert_nonnull (strstr (lines[1], "set twice"));
  g_assert_nonnull (strstr (lines[2], "commission"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/documents/lang/rule", test_lang_rule);
  g_test_add_func ("/documents/lang/text", test_lang_text);
  g_test_add_func ("/documents/lang/program", test_lang_program);
  g_test_add_func ("/documents/lang/profile", test_lang_profile);
  g_test_add_func ("/documents/space", test_space);
  g_test_add_func ("/documents/profile/problems", test_profile_problems);
  return g_test_run ();
}
