/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-core"

#include "config.h"

#include "sc-xml-problems.h"

#include <glib/gi18n-lib.h>

#include "sc-xml.h"

/* ------------------------------------------------------------------ */
/* Problems                                                            */
/* ------------------------------------------------------------------ */

void
sc_xml_problems_init (ScXmlProblems *problems,
                      const char    *display_name)
{
  g_return_if_fail (problems != NULL);
  g_return_if_fail (display_name != NULL);

  *problems = (ScXmlProblems) { .display_name = display_name, .messages = g_string_new (NULL) };
}

static void G_GNUC_PRINTF (5, 0)
problems_add_at_valist (ScXmlProblems *problems,
                        guint          line,
                        guint          column,
                        ScError        code,
                        const char    *format,
                        va_list        args)
{
  g_autofree char *what = NULL;

  if (problems->count == 0)
    problems->code = code;
  problems->count++;
  if (problems->count > SC_XML_MAX_PROBLEMS)
    return;
  what = g_strdup_vprintf (format, args);
  if (problems->messages->len > 0)
    g_string_append_c (problems->messages, '\n');
  g_string_append_printf (problems->messages, "%s:%u:%u: %s", problems->display_name, line, column, what);
}

void
sc_xml_problems_add_at (ScXmlProblems *problems,
                        guint          line,
                        guint          column,
                        ScError        code,
                        const char    *format,
                        ...)
{
  va_list args;

  g_return_if_fail (problems != NULL && problems->messages != NULL);

  va_start (args, format);
  problems_add_at_valist (problems, line, column, code, format, args);
  va_end (args);
}

void
sc_xml_problems_add_valist (ScXmlProblems *problems,
                            xmlNode       *node,
                            ScError        code,
                            const char    *format,
                            va_list        args)
{
  g_return_if_fail (problems != NULL && problems->messages != NULL);
  g_return_if_fail (format != NULL);

  problems_add_at_valist (problems, MAX (sc_xml_node_line (node), 1), MAX (sc_xml_node_column (node), 1),
                          code, format, args);
}

void
sc_xml_problems_add (ScXmlProblems *problems,
                     xmlNode       *node,
                     ScError        code,
                     const char    *format,
                     ...)
{
  va_list args;

  va_start (args, format);
  sc_xml_problems_add_valist (problems, node, code, format, args);
  va_end (args);
}

void
sc_xml_problems_clear (ScXmlProblems *problems)
{
  g_return_if_fail (problems != NULL);

  if (problems->messages != NULL)
    g_string_free (g_steal_pointer (&problems->messages), TRUE);
  problems->count = 0;
}

gboolean
sc_xml_problems_finish (ScXmlProblems  *problems,
                        GError        **error)
{
  gboolean empty;

  g_return_val_if_fail (problems != NULL && problems->messages != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  empty = problems->count == 0;
  if (!empty)
    {
      if (problems->count > SC_XML_MAX_PROBLEMS)
        g_string_append_printf (problems->messages, "\n%s:1:1: %s", problems->display_name,
                                _("… and more problems; fix these first"));
      g_set_error_literal (error, SC_ERROR, problems->code, problems->messages->str);
    }
  sc_xml_problems_clear (problems);
  return empty;
}

