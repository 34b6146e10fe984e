/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-core"

#include "config.h"

#include "sc-profile.h"
#include "sc-profile-private.h"

#include <glib/gi18n-lib.h>
#include <libxml/tree.h>
#include <math.h>
#include <string.h>

#include "sc-catalog.h"
#include "sc-error.h"
#include "sc-file.h"
#include "sc-xml.h"
#include "sc-xml-problems.h"
#include "sc-xml-read.h"
#include "sc-xml-schema.h"

/* --- reading -------------------------------------------------------------- */

/*
 * Texts are read verbatim (SC_XML_VERBATIM): the application writes these
 * files, and a note must read back exactly as it was saved. A text given
 * again in one language replaces the earlier one, as profiles always have.
 * Every problem is collected, as for program files, so that a hand-edited
 * profile can be mended in one pass.
 */

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return sc_xml_is_element (node, SC_PROFILE_NS, name);
}

static void
read_text (xmlNode *node,
           ScText  *text)
{
  char **slot = sc_xml_lang_slot (node, text);

  g_free (*slot);
  *slot = sc_xml_text (node, SC_XML_VERBATIM);
}

static void
read_notes (xmlNode *node,
            ScText  *note)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if (is_element (c, "note"))
      read_text (c, note);
}

/* A problem a setter found with the value of @node: its message, at @node. */
static void
add_cause (ScXmlProblems *problems,
           xmlNode       *node,
           GError        *cause)
{
  sc_xml_problems_add (problems, node, cause->domain == SC_ERROR ? (ScError) cause->code : SC_ERROR_INVALID,
                       "%s", cause->message);
  g_error_free (cause);
}

/* low="…" high="…" on <set>: an assumption's plausible range. */
static void
read_set_range (ScXmlProblems *problems,
                xmlNode       *node,
                ScProfile     *profile,
                ScField        field)
{
  g_autofree char *low = sc_xml_attribute (node, "low", SC_XML_TRIM);
  g_autofree char *high = sc_xml_attribute (node, "high", SC_XML_TRIM);
  GError *local = NULL;
  double lo, hi;

  if (low == NULL && high == NULL)
    return;
  if (low == NULL || high == NULL)
    {
      sc_xml_problems_add (problems, node, SC_ERROR_INVALID,
                           _("a range needs both low=\"…\" and high=\"…\""));
      return;
    }
  lo = sc_xml_read_number (problems, node, low);
  hi = sc_xml_read_number (problems, node, high);
  if (isnan (lo) || isnan (hi))
    return;
  if (!sc_profile_set_range (profile, field, lo, hi, &local))
    add_cause (problems, node, local);
}

static void
read_set (ScXmlProblems *problems,
          xmlNode       *node,
          ScProfile     *profile,
          gboolean      *seen)
{
  g_autofree char *name = sc_xml_attribute (node, "field", SC_XML_VERBATIM);
  g_autofree char *value = sc_xml_attribute (node, "value", SC_XML_VERBATIM);
  GError *local = NULL;
  ScField field;

  if (!sc_field_from_name (name, &field))
    {
      sc_xml_problems_add (problems, node, SC_ERROR_INVALID, _("unknown field “%s”"), name ? name : "");
      return;
    }
  if (seen[field])
    {
      sc_xml_problems_add (problems, node, SC_ERROR_INVALID, _("field “%s” is set twice"), name);
      return;
    }
  seen[field] = TRUE;
  if (!sc_profile_set_from_string (profile, field, value, &local))
    {
      add_cause (problems, node, local);
      return;
    }
  read_notes (node, &profile->values[field].note);
  read_set_range (problems, node, profile, field);
}

/* FALSE when reading should stop: the profile holds more overrides than
 * any profile may, and each further one would cost a look-up for nothing. */
static gboolean
read_override (ScXmlProblems *problems,
               xmlNode       *node,
               ScProfile     *profile)
{
  g_autofree char *platform = sc_xml_attribute (node, "platform", SC_XML_VERBATIM);
  g_autofree char *fee_name = sc_xml_attribute (node, "fee", SC_XML_VERBATIM);
  g_autofree char *category = sc_xml_attribute (node, "category", SC_XML_VERBATIM);
  g_autofree char *value = sc_xml_attribute (node, "value", SC_XML_VERBATIM);
  ScProfileOverride *override;
  GError *local = NULL;
  ScFee fee;
  double v;

  if (platform == NULL || *platform == '\0')
    {
      sc_xml_problems_add (problems, node, SC_ERROR_INVALID, _("an override needs a platform"));
      return TRUE;
    }
  if (!sc_fee_from_string (fee_name, &fee))
    {
      sc_xml_problems_add (problems, node, SC_ERROR_INVALID, _("unknown fee “%s”"), fee_name ? fee_name : "");
      return TRUE;
    }
  if (!sc_xml_parse_number (value, &v))
    {
      sc_xml_problems_add (problems, node, SC_ERROR_VALUE,
                           _("the override value must be a number written with a dot, not “%s”"),
                           value ? value : "");
      return TRUE;
    }
  if (sc_profile_find_override (profile, platform, fee, category) != NULL)
    {
      sc_xml_problems_add (problems, node, SC_ERROR_INVALID, _("the same override is given twice"));
      return TRUE;
    }
  if (!sc_profile_set_override (profile, platform, fee, category, v, &local))
    {
      gboolean too_many = g_error_matches (local, SC_ERROR, SC_ERROR_TOO_LARGE);

      add_cause (problems, node, local);
      return !too_many;
    }
  override = (ScProfileOverride *) sc_profile_find_override (profile, platform, fee, category);
  read_notes (node, &override->note);
  return TRUE;
}

static ScProfile *
profile_from_doc (xmlDoc      *doc,
                  const char  *display_name,
                  GError     **error)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  g_autoptr(ScProfile) profile = sc_profile_new ();
  g_autofree char *format = NULL, *as_of = NULL, *horizon = NULL;
  gboolean seen[SC_N_FIELDS] = { FALSE };
  ScXmlProblems problems;
  GError *local = NULL;

  sc_xml_problems_init (&problems, display_name);
  /* Without the right root and format nothing else can be read. */
  if (root == NULL || !is_element (root, "profile"))
    {
      sc_xml_problems_add (&problems, root, SC_ERROR_SCHEMA,
                           _("not a Shangce profile (expected <profile> in %s)"), SC_PROFILE_NS);
      return (sc_xml_problems_finish (&problems, error), NULL);
    }
  format = sc_xml_attribute (root, "format", SC_XML_VERBATIM);
  if (g_strcmp0 (format, "1") != 0)
    {
      sc_xml_problems_add (&problems, root, SC_ERROR_INVALID,
                           _("profile format “%s” is not supported (this version reads format 1)"),
                           format ? format : "");
      return (sc_xml_problems_finish (&problems, error), NULL);
    }

  as_of = sc_xml_attribute (root, "as-of", SC_XML_VERBATIM);
  if (as_of != NULL && !sc_profile_set_as_of (profile, sc_day_parse (as_of), &local))
    add_cause (&problems, root, local);
  horizon = sc_xml_attribute (root, "horizon", SC_XML_VERBATIM);
  if (horizon != NULL)
    {
      guint64 months = 0;

      if (!g_ascii_string_to_unsigned (horizon, 10, 1, SC_PROFILE_HORIZON_MAX, &months, NULL))
        sc_xml_problems_add (&problems, root, SC_ERROR_VALUE,
                             _("the horizon must be a whole number of months from 1 to %d, not “%s”"),
                             SC_PROFILE_HORIZON_MAX, horizon);
      else
        profile->horizon_months = (guint) months;
    }

  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (is_element (node, "name"))
        read_text (node, &profile->name);
      else if (is_element (node, "notes") && xmlHasNsProp (node, (const xmlChar *) "lang", XML_XML_NAMESPACE))
        read_text (node, &profile->notes_lang);
      else if (is_element (node, "notes"))
        {
          g_free (profile->notes);
          profile->notes = sc_xml_text (node, SC_XML_VERBATIM);
        }
      else if (is_element (node, "set"))
        read_set (&problems, node, profile, seen);
      else if (is_element (node, "override"))
        {
          if (!read_override (&problems, node, profile))
            break;
        }
      else
        sc_xml_problems_add (&problems, node, SC_ERROR_SCHEMA,
                             _("unexpected element <%s>"), (const char *) node->name);
    }

  /* A wrong as-of has been reported already. */
  if (as_of == NULL)
    sc_xml_problems_add (&problems, root, SC_ERROR_INVALID, _("the profile has no evaluation date (as-of)"));
  if (!sc_xml_problems_finish (&problems, error))
    return NULL;
  return g_steal_pointer (&profile);
}

ScProfile *
sc_profile_load_from_data (const char  *data,
                           gsize        length,
                           const char  *display_name,
                           GError     **error)
{
  g_autoptr(xmlDoc) doc = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (display_name == NULL)
    display_name = "profile";
  doc = sc_xml_read_memory (data, length, display_name, error);
  if (doc == NULL)
    return NULL;
  if (!sc_xml_validate (doc, "profile.rng", display_name, error))
    return NULL;
  return profile_from_doc (doc, display_name, error);
}

ScProfile *
sc_profile_load (const char  *path,
                 GError     **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  ScProfile *profile;

  g_return_val_if_fail (path != NULL, NULL);

  doc = sc_xml_read_file (path, error);
  if (doc == NULL)
    return NULL;
  if (!sc_xml_validate (doc, "profile.rng", path, error))
    return NULL;
  profile = profile_from_doc (doc, path, error);
  if (profile != NULL)
    profile->path = g_strdup (path);
  return profile;
}

/* --- writing -------------------------------------------------------------- */

/* XML 1.0 Char: anything else makes the whole document unreadable. */
static gboolean
is_xml_char (gunichar c)
{
  return c == 0x9 || c == 0xA || c == 0xD
         || (c >= 0x20 && c <= 0xD7FF)
         || (c >= 0xE000 && c <= 0xFFFD)
         || (c >= 0x10000 && c <= 0x10FFFF);
}

/*
 * Writes @text so that reading gives it back: invalid UTF-8 is repaired and
 * characters XML 1.0 cannot carry (a control character pasted into a note)
 * are dropped, since either would make the saved file refuse to open; a
 * carriage return is written as a character reference so that line-end
 * normalisation keeps it.
 */
static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autofree char *escaped = NULL;
  GString *clean = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_xml_char (c))
        g_string_append_unichar (clean, c);
    }
  escaped = g_markup_escape_text (clean->str, (gssize) clean->len);
  g_string_free (clean, TRUE);

  for (const char *p = escaped; *p != '\0'; p++)
    {
      if (*p == '\r')
        g_string_append (out, "&#13;");
      else
        g_string_append_c (out, *p);
    }
}

static void
append_texts (GString      *out,
              const char   *indent,
              const char   *element,
              const ScText *text)
{
  if (text->zh != NULL)
    {
      g_string_append_printf (out, "%s<%s xml:lang=\"zh\">", indent, element);
      append_escaped (out, text->zh);
      g_string_append_printf (out, "</%s>\n", element);
    }
  if (text->en != NULL)
    {
      g_string_append_printf (out, "%s<%s xml:lang=\"en\">", indent, element);
      append_escaped (out, text->en);
      g_string_append_printf (out, "</%s>\n", element);
    }
}

/* The reader refuses texts beyond SC_XML_MAX_TEXT: saving one would write
 * a file that never opens again, so saving refuses it instead. */
static gboolean
check_text (const char  *text,
            const char  *what,
            GError     **error)
{
  if (text == NULL || strlen (text) <= SC_XML_MAX_TEXT)
    return TRUE;
  g_set_error (error, SC_ERROR, SC_ERROR_TOO_LARGE,
               _("%s is longer than %d bytes; shorten it so the profile can be opened again"),
               what, SC_XML_MAX_TEXT);
  return FALSE;
}

static gboolean
check_texts (const ScProfile  *profile,
             GError          **error)
{
  if (!check_text (profile->name.zh, _("The profile name"), error)
      || !check_text (profile->name.en, _("The profile name"), error)
      || !check_text (profile->notes, _("The notes"), error)
      || !check_text (profile->notes_lang.zh, _("The notes"), error)
      || !check_text (profile->notes_lang.en, _("The notes"), error))
    return FALSE;
  for (guint i = 0; i < SC_N_FIELDS; i++)
    {
      const ScText *note = &profile->values[i].note;
      g_autofree char *what = g_strdup_printf (_("The note on “%s”"), _(sc_field_info ((ScField) i)->label));

      if (!check_text (note->zh, what, error) || !check_text (note->en, what, error))
        return FALSE;
    }
  for (guint i = 0; i < profile->overrides->len; i++)
    {
      const ScProfileOverride *o = g_ptr_array_index (profile->overrides, i);
      g_autofree char *what = g_strdup_printf (_("The note on the %s override of %s"),
                                               sc_fee_to_string (o->fee), o->platform);

      if (!check_text (o->note.zh, what, error) || !check_text (o->note.en, what, error))
        return FALSE;
    }
  return TRUE;
}

char *
sc_profile_to_xml (const ScProfile *profile)
{
  GString *out;
  char day[16];

  g_return_val_if_fail (profile != NULL, NULL);

  out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  g_string_append_printf (out, "<profile xmlns=\"%s\" format=\"1\"", SC_PROFILE_NS);
  if (profile->as_of != SC_DAY_NONE)
    g_string_append_printf (out, " as-of=\"%s\"", sc_day_format (profile->as_of, day));
  g_string_append_printf (out, " horizon=\"%u\">\n", profile->horizon_months);
  append_texts (out, "  ", "name", &profile->name);

  for (guint i = 0; i < SC_N_FIELDS; i++)
    {
      const ScProfileValue *v = &profile->values[i];
      g_autofree char *value = sc_profile_format_value (profile, (ScField) i);

      if (!v->set)
        continue;
      g_string_append_printf (out, "  <set field=\"%s\" value=\"", sc_field_info ((ScField) i)->name);
      append_escaped (out, value);
      if (v->has_range)
        {
          g_autofree char *low = sc_profile_format_double (v->low);
          g_autofree char *high = sc_profile_format_double (v->high);

          g_string_append_printf (out, "\" low=\"%s\" high=\"%s", low, high);
        }
      if (v->note.zh == NULL && v->note.en == NULL)
        g_string_append (out, "\"/>\n");
      else
        {
          g_string_append (out, "\">\n");
          append_texts (out, "    ", "note", &v->note);
          g_string_append (out, "  </set>\n");
        }
    }

  for (guint i = 0; i < profile->overrides->len; i++)
    {
      const ScProfileOverride *o = g_ptr_array_index (profile->overrides, i);
      g_autofree char *value = sc_profile_format_double (o->value);

      g_string_append (out, "  <override platform=\"");
      append_escaped (out, o->platform);
      g_string_append_printf (out, "\" fee=\"%s\"", sc_fee_to_string (o->fee));
      if (o->category != NULL)
        g_string_append_printf (out, " category=\"%s\"", o->category);
      g_string_append_printf (out, " value=\"%s\"", value);
      if (o->note.zh == NULL && o->note.en == NULL)
        g_string_append (out, "/>\n");
      else
        {
          g_string_append (out, ">\n");
          append_texts (out, "    ", "note", &o->note);
          g_string_append (out, "  </override>\n");
        }
    }

  if (profile->notes != NULL)
    {
      g_string_append (out, "  <notes>");
      append_escaped (out, profile->notes);
      g_string_append (out, "</notes>\n");
    }
  append_texts (out, "  ", "notes", &profile->notes_lang);
  g_string_append (out, "</profile>\n");
  return g_string_free (out, FALSE);
}

gboolean
sc_profile_save (ScProfile   *profile,
                 const char  *path,
                 GError     **error)
{
  g_autofree char *xml = NULL;
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (profile != NULL && path != NULL, FALSE);

  if (!check_texts (profile, &local))
    {
      g_set_error (error, SC_ERROR, SC_ERROR_TOO_LARGE, "%s: %s", path, local->message);
      return FALSE;
    }
  xml = sc_profile_to_xml (profile);
  if (!sc_file_write (path, xml, strlen (xml), SC_FILE_PRIVATE | SC_FILE_SYNC, &local))
    {
      g_set_error (error, SC_ERROR, SC_ERROR_IO, "%s: %s", path, local->message);
      return FALSE;
    }
  if (profile->path != path)
    {
      char *old = profile->path;

      profile->path = g_strdup (path);
      g_free (old);
    }
  return TRUE;
}

/* --- bundled examples ---------------------------------------------------- */

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  /* g_ptr_array_sort passes pointers to the elements */
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

char **
sc_profile_list_examples (void)
{
  g_autofree char *dir = g_build_filename (sc_data_dir (), "profiles", NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  const char *name;

  if (d != NULL)
    while ((name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);

        if (g_str_has_suffix (name, SC_PROFILE_EXTENSION) && sc_file_is_regular (path))
          g_ptr_array_add (ids, g_strndup (name, strlen (name) - strlen (SC_PROFILE_EXTENSION)));
      }
  g_ptr_array_sort (ids, compare_strings);
  g_ptr_array_add (ids, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&ids), FALSE);
}

ScProfile *
sc_profile_load_example (const char  *id,
                         GError     **error)
{
  g_autofree char *file = NULL, *path = NULL;

  g_return_val_if_fail (id != NULL, NULL);

  file = g_strconcat (id, SC_PROFILE_EXTENSION, NULL);
  path = g_build_filename (sc_data_dir (), "profiles", file, NULL);
  return sc_profile_load (path, error);
}
