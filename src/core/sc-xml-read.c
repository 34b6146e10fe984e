/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-core"

#include "config.h"

#include "sc-xml-read.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "sc-error.h"
#include "sc-xml.h"

gboolean
sc_xml_is_element (xmlNode    *node,
                   const char *ns,
                   const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE
         && node->ns != NULL && g_strcmp0 ((const char *) node->ns->href, ns) == 0
         && g_strcmp0 ((const char *) node->name, name) == 0;
}

xmlNode *
sc_xml_first_child (xmlNode    *node,
                    const char *ns,
                    const char *name)
{
  g_return_val_if_fail (node != NULL, NULL);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (sc_xml_is_element (child, ns, name))
      return child;
  return NULL;
}

char *
sc_xml_attribute (xmlNode    *node,
                  const char *name,
                  ScXmlSpace  space)
{
  xmlChar *value;
  char *copy;

  g_return_val_if_fail (node != NULL && name != NULL, NULL);

  value = xmlGetNoNsProp (node, (const xmlChar *) name);
  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  if (space == SC_XML_TRIM)
    g_strstrip (copy);
  xmlFree (value);
  return copy;
}

char *
sc_xml_text (xmlNode    *node,
             ScXmlSpace  space)
{
  GString *s = g_string_new (NULL);

  g_return_val_if_fail (node != NULL, NULL);

  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content != NULL)
      g_string_append (s, (const char *) c->content);
  if (space == SC_XML_TRIM)
    g_strstrip (s->str);
  return g_string_free (s, FALSE);
}

gboolean
sc_xml_lang_is_zh (const char *lang)
{
  return lang != NULL && g_ascii_strncasecmp (lang, "zh", 2) == 0
         && (lang[2] == '\0' || lang[2] == '-' || lang[2] == '_');
}

char **
sc_xml_lang_slot (xmlNode *node,
                  ScText  *text)
{
  xmlChar *lang;
  gboolean zh;

  g_return_val_if_fail (node != NULL && text != NULL, NULL);

  lang = xmlGetNsProp (node, (const xmlChar *) "lang", XML_XML_NAMESPACE);
  zh = sc_xml_lang_is_zh ((const char *) lang);
  xmlFree (lang);
  return zh ? &text->zh : &text->en;
}

void
sc_xml_read_lang_text (ScXmlProblems *problems,
                       xmlNode       *node,
                       ScXmlSpace     space,
                       ScText        *text)
{
  xmlChar *lang;
  char **slot;

  g_return_if_fail (node != NULL && text != NULL);

  slot = sc_xml_lang_slot (node, text);
  lang = xmlGetNsProp (node, (const xmlChar *) "lang", XML_XML_NAMESPACE);
  if (*slot != NULL)
    sc_xml_problems_add (problems, node, SC_ERROR_INVALID,
                         _("<%s> is given twice in the language “%s”; give one per language"),
                         (const char *) node->name, lang != NULL ? (const char *) lang : "en");
  else
    *slot = sc_xml_text (node, space);
  xmlFree (lang);
}

ScDay
sc_xml_read_date (ScXmlProblems *problems,
                  xmlNode       *node,
                  const char    *name)
{
  g_autofree char *value = sc_xml_attribute (node, name, SC_XML_TRIM);
  ScDay day;

  if (value == NULL)
    return SC_DAY_NONE;
  day = sc_day_parse (value);
  if (day == SC_DAY_NONE)
    sc_xml_problems_add (problems, node, SC_ERROR_INVALID,
                         _("the date “%s” in “%s” of <%s> does not exist; expected a real calendar day YYYY-MM-DD"),
                         value, name, (const char *) node->name);
  return day;
}

/* g_ascii_strtod() alone would read "1e" as 1 and "0x10" as 16, and the
 * schema's double type lets "1e", "1e+" and "1.e" through. */
gboolean
sc_xml_parse_number (const char *text,
                     double     *out)
{
  char *end = NULL;

  if (text == NULL || *text == '\0')
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && *p != '.' && *p != '-' && *p != '+' && *p != 'e' && *p != 'E')
      return FALSE;
  *out = g_ascii_strtod (text, &end);
  return end != text && *end == '\0';
}

double
sc_xml_read_number (ScXmlProblems *problems,
                    xmlNode       *node,
                    const char    *value)
{
  double v;

  if (value == NULL)
    return NAN;
  if (!sc_xml_parse_number (value, &v))
    {
      sc_xml_problems_add (problems, node, SC_ERROR_VALUE,
                           _("“%s” is not a number; write it with digits and a dot, such as 240 or 0.006"), value);
      return NAN;
    }
  return v;
}

guint
sc_xml_read_enum (xmlNode           *node,
                  const char        *name,
                  const ScEnumTable *table,
                  guint              fallback)
{
  g_autofree char *value = sc_xml_attribute (node, name, SC_XML_TRIM);
  guint out = fallback;

  if (value != NULL)
    sc_enum_from_string (table, value, &out);
  return out;
}

