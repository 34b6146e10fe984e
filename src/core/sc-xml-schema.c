/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-core"

#include "config.h"

#include "sc-xml-schema.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>
#include <string.h>

#include "sc-core-resources.h"
#include "sc-error.h"
#include "sc-xml.h"
#include "sc-xml-problems.h"
#include "sc-vouched-digests.h"

#define SCHEMA_RESOURCE_PREFIX "/io/github/shangce/Shangce/schema/"
/* ------------------------------------------------------------------ */
/* Schema-derived explanations                                         */
/* ------------------------------------------------------------------ */

/*
 * libxml2's RELAX NG messages say where, rarely why ("Element measure failed
 * to validate attributes"). When a document fails, we walk it again with a
 * summary drawn from the schema itself — which attributes and children each
 * element may have, which are required, which values are allowed — and word
 * the problem plainly. The C code thus never repeats the schema by hand.
 */

typedef enum
{
  VALUE_ANY,
  VALUE_ENUM,
  VALUE_DOUBLE,
  VALUE_POSITIVE_INTEGER,
  VALUE_NON_NEGATIVE_INTEGER,
  VALUE_DATE,
  VALUE_ID,
  VALUE_NON_EMPTY,
} ValueKind;

typedef struct
{
  char      *name;
  gboolean   required;
  gboolean   is_list;
  ValueKind  kind;
  GPtrArray *values;   /* char*, for VALUE_ENUM */
} AttrInfo;

typedef struct
{
  char       *name;
  guint       n_definitions;
  GPtrArray  *attrs;          /* AttrInfo* */
  GPtrArray  *children;       /* char*: element names allowed inside */
  GPtrArray  *required;       /* char*: children that must appear */
  gboolean    text;           /* may hold text */
} ElementInfo;

typedef struct
{
  xmlDoc      *doc;
  GHashTable  *defines;       /* name → xmlNode <define> */
  GHashTable  *elements;      /* name → ElementInfo* */
  char        *root_name;
  char        *ns;
} SchemaInfo;

typedef struct
{
  char        *name;
  xmlRelaxNG  *schema;
  GBytes      *bytes;         /* the schema's text, for @info */
  gsize        info_done;
  SchemaInfo  *info;          /* read when a document first fails */
  GError      *error;
} CompiledSchema;

static void
attr_info_free (AttrInfo *attr)
{
  g_free (attr->name);
  g_clear_pointer (&attr->values, g_ptr_array_unref);
  g_free (attr);
}

static void
element_info_free (ElementInfo *info)
{
  g_free (info->name);
  g_ptr_array_unref (info->attrs);
  g_ptr_array_unref (info->children);
  g_ptr_array_unref (info->required);
  g_free (info);
}

static gboolean
is_rng (xmlNode    *node,
        const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         g_str_equal ((const char *) node->ns->href, "http://relaxng.org/ns/structure/1.0") &&
         g_str_equal ((const char *) node->name, name);
}

static char *
rng_prop (xmlNode    *node,
          const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, (const xmlChar *) name);
  char *copy = value != NULL ? g_strstrip (g_strdup ((const char *) value)) : NULL;

  xmlFree (value);
  return copy;
}

static gboolean
str_array_contains (GPtrArray  *array,
                    const char *s)
{
  for (guint i = 0; i < array->len; i++)
    if (g_str_equal (g_ptr_array_index (array, i), s))
      return TRUE;
  return FALSE;
}

static void
str_array_add_unique (GPtrArray  *array,
                      const char *s)
{
  if (!str_array_contains (array, s))
    g_ptr_array_add (array, g_strdup (s));
}

/* Describes what an <attribute>'s content accepts. */
static void
collect_value (SchemaInfo *si,
               xmlNode    *node,
               AttrInfo   *attr,
               guint       depth)
{
  if (depth > 32)
    return;
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (is_rng (child, "list"))
        {
          attr->is_list = TRUE;
          collect_value (si, child, attr, depth + 1);
        }
      else if (is_rng (child, "value"))
        {
          xmlChar *text = xmlNodeGetContent (child);
          attr->kind = VALUE_ENUM;
          if (attr->values == NULL)
            attr->values = g_ptr_array_new_with_free_func (g_free);
          str_array_add_unique (attr->values, text != NULL ? (const char *) text : "");
          xmlFree (text);
        }
      else if (is_rng (child, "data"))
        {
          g_autofree char *type = rng_prop (child, "type");
          if (g_strcmp0 (type, "double") == 0 || g_strcmp0 (type, "decimal") == 0)
            attr->kind = VALUE_DOUBLE;
          else if (g_strcmp0 (type, "positiveInteger") == 0)
            attr->kind = VALUE_POSITIVE_INTEGER;
          else if (g_strcmp0 (type, "nonNegativeInteger") == 0)
            attr->kind = VALUE_NON_NEGATIVE_INTEGER;
        }
      else if (is_rng (child, "ref"))
        {
          g_autofree char *name = rng_prop (child, "name");
          xmlNode *define;

          /* The grammar's own small types carry their meaning in their name. */
          if (g_strcmp0 (name, "date") == 0)
            attr->kind = VALUE_DATE;
          else if (g_strcmp0 (name, "id") == 0 || g_strcmp0 (name, "platform") == 0)
            attr->kind = VALUE_ID;
          else if (g_strcmp0 (name, "token") == 0)
            attr->kind = VALUE_NON_EMPTY;
          else if (name != NULL && (define = g_hash_table_lookup (si->defines, name)) != NULL)
            collect_value (si, define, attr, depth + 1);
        }
      else if (is_rng (child, "choice") || is_rng (child, "oneOrMore") || is_rng (child, "zeroOrMore") ||
               is_rng (child, "group") || is_rng (child, "optional"))
        collect_value (si, child, attr, depth + 1);
    }
}

static void collect_pattern (SchemaInfo  *si,
                             xmlNode     *node,
                             ElementInfo *info,
                             gboolean     optional,
                             guint        depth);

static void
collect_element (SchemaInfo *si,
                 xmlNode    *node)
{
  g_autofree char *name = rng_prop (node, "name");
  ElementInfo *info;
  g_autoptr(GPtrArray) old_attrs = NULL;
  g_autoptr(GPtrArray) old_required = NULL;

  if (name == NULL)
    return;
  info = g_hash_table_lookup (si->elements, name);
  if (info == NULL)
    {
      info = g_new0 (ElementInfo, 1);
      info->name = g_strdup (name);
      info->attrs = g_ptr_array_new_with_free_func ((GDestroyNotify) attr_info_free);
      info->children = g_ptr_array_new_with_free_func (g_free);
      info->required = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (si->elements, info->name, info);
    }
  else
    {
      /* The same name defined twice: allowed = union, required = intersection. */
      old_attrs = g_ptr_array_new ();
      for (guint i = 0; i < info->attrs->len; i++)
        {
          AttrInfo *a = g_ptr_array_index (info->attrs, i);
          if (a->required)
            g_ptr_array_add (old_attrs, a);
          a->required = FALSE;
        }
      old_required = g_steal_pointer (&info->required);
      info->required = g_ptr_array_new_with_free_func (g_free);
    }

  info->n_definitions++;
  collect_pattern (si, node, info, FALSE, 0);

  if (old_attrs != NULL)
    {
      for (guint i = 0; i < info->attrs->len; i++)
        {
          AttrInfo *a = g_ptr_array_index (info->attrs, i);
          if (a->required && !g_ptr_array_find (old_attrs, a, NULL))
            a->required = FALSE;
        }
      for (guint i = info->required->len; i > 0; i--)
        if (!str_array_contains (old_required, g_ptr_array_index (info->required, i - 1)))
          g_ptr_array_remove_index (info->required, i - 1);
    }
}

static void
collect_pattern (SchemaInfo  *si,
                 xmlNode     *node,
                 ElementInfo *info,
                 gboolean     optional,
                 guint        depth)
{
  if (depth > 32)
    return;
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (is_rng (child, "element"))
        {
          g_autofree char *name = rng_prop (child, "name");
          if (name != NULL)
            {
              str_array_add_unique (info->children, name);
              if (!optional)
                str_array_add_unique (info->required, name);
            }
          /* Described when the walk over all <element>s reaches it. */
        }
      else if (is_rng (child, "attribute"))
        {
          g_autofree char *name = rng_prop (child, "name");
          AttrInfo *attr = NULL;

          if (name == NULL)
            continue;
          for (guint i = 0; i < info->attrs->len; i++)
            if (g_str_equal (((AttrInfo *) g_ptr_array_index (info->attrs, i))->name, name))
              attr = g_ptr_array_index (info->attrs, i);
          if (attr == NULL)
            {
              attr = g_new0 (AttrInfo, 1);
              attr->name = g_strdup (name);
              attr->required = !optional;
              g_ptr_array_add (info->attrs, attr);
            }
          else if (!optional)
            attr->required = TRUE;
          collect_value (si, child, attr, 0);
        }
      else if (is_rng (child, "text"))
        info->text = TRUE;
      else if (is_rng (child, "ref"))
        {
          g_autofree char *name = rng_prop (child, "name");
          xmlNode *define = name != NULL ? g_hash_table_lookup (si->defines, name) : NULL;
          if (define != NULL)
            collect_pattern (si, define, info, optional, depth + 1);
        }
      else if (is_rng (child, "optional") || is_rng (child, "zeroOrMore") || is_rng (child, "choice"))
        collect_pattern (si, child, info, TRUE, depth + 1);
      else if (is_rng (child, "oneOrMore") || is_rng (child, "group") || is_rng (child, "interleave"))
        collect_pattern (si, child, info, optional, depth + 1);
    }
}

static void
walk_schema_elements (SchemaInfo *si,
                      xmlNode    *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (is_rng (child, "element"))
        {
          collect_element (si, child);
          if (si->root_name == NULL)
            si->root_name = rng_prop (child, "name");
        }
      walk_schema_elements (si, child);
    }
}

static SchemaInfo *
schema_info_new (xmlDoc *doc)
{
  SchemaInfo *si = g_new0 (SchemaInfo, 1);
  xmlNode *root = xmlDocGetRootElement (doc);

  si->doc = doc;
  si->defines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  si->elements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) element_info_free);
  si->ns = rng_prop (root, "ns");
  for (xmlNode *child = root->children; child != NULL; child = child->next)
    if (is_rng (child, "define"))
      {
        char *name = rng_prop (child, "name");
        if (name != NULL)
          g_hash_table_replace (si->defines, name, child);
      }
  /* <start> first, so the first element met is the root. */
  for (xmlNode *child = root->children; child != NULL; child = child->next)
    if (is_rng (child, "start"))
      walk_schema_elements (si, child);
  for (xmlNode *child = root->children; child != NULL; child = child->next)
    if (is_rng (child, "define"))
      walk_schema_elements (si, child);
  return si;
}

static CompiledSchema *
compile_schema (const char *schema_name)
{
  CompiledSchema *cs = g_new0 (CompiledSchema, 1);
  g_autofree char *path = g_strconcat (SCHEMA_RESOURCE_PREFIX, schema_name, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  xmlRelaxNGParserCtxt *pctxt;
  gsize size;
  const char *data;

  cs->name = g_strdup (schema_name);
  /* Looked up in our own resource: referencing it also keeps it linked in
   * from the static library. */
  bytes = g_resource_lookup_data (sc_core_get_resource (), path, G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
  if (bytes == NULL)
    {
      cs->error = g_error_new (SC_ERROR, SC_ERROR_IO, _("the schema %s is missing from this build: %s"),
                               schema_name, local_error->message);
      return cs;
    }
  data = g_bytes_get_data (bytes, &size);

  pctxt = xmlRelaxNGNewMemParserCtxt (data, (int) size);
  cs->schema = xmlRelaxNGParse (pctxt);
  xmlRelaxNGFreeParserCtxt (pctxt);
  if (cs->schema == NULL)
    {
      cs->error = g_error_new (SC_ERROR, SC_ERROR_SCHEMA, _("the schema %s of this build does not compile"),
                               schema_name);
      return cs;
    }
  cs->bytes = g_steal_pointer (&bytes);
  return cs;
}

/*
 * The summary of the schema the explanations use, read when a document
 * first fails: a valid document never needs it, and reading it cost every
 * process 0.35 ms (of the 1 ms compiling the program schema takes).
 */
static SchemaInfo *
schema_info (CompiledSchema *cs)
{
  if (g_once_init_enter (&cs->info_done))
    {
      gsize size;
      const char *data = g_bytes_get_data (cs->bytes, &size);
      xmlDoc *doc = xmlReadMemory (data, (int) size, cs->name, NULL, XML_PARSE_NONET | XML_PARSE_NOBLANKS);

      if (doc != NULL && xmlDocGetRootElement (doc) != NULL)
        cs->info = schema_info_new (doc);
      else if (doc != NULL)
        xmlFreeDoc (doc);
      g_once_init_leave (&cs->info_done, 1);
    }
  return cs->info;
}

/*
 * The bundled program files are validated when building (by xmllint, with
 * the same libxml2 and this very schema; gen-vouched-digests.py) and listed
 * by length and SHA-256. A file read with exactly those bytes is valid: its
 * RELAX NG validation, 3.3 ms for the seven bundled files at every start,
 * becomes a digest of 0.7 ms. Any other bytes are validated as ever.
 */
static const char vouched_schema[] = "program.rng";

const char *
sc_xml_schema_vouched (const char *data,
                       gsize       length)
{
  g_autofree char *digest = NULL;

  for (guint i = 0; sc_vouched_programs[i].sha256 != NULL; i++)
    {
      if (sc_vouched_programs[i].length != length)
        continue;
      if (digest == NULL)
        digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
      if (g_str_equal (digest, sc_vouched_programs[i].sha256))
        return vouched_schema;
    }
  return NULL;
}

G_LOCK_DEFINE_STATIC (schemas);

static CompiledSchema *
get_schema (const char *schema_name)
{
  static GHashTable *schemas = NULL;
  CompiledSchema *cs;

  G_LOCK (schemas);
  if (schemas == NULL)
    schemas = g_hash_table_new (g_str_hash, g_str_equal);
  cs = g_hash_table_lookup (schemas, schema_name);
  if (cs == NULL)
    {
      cs = compile_schema (schema_name);
      /* Compiled schemas live as long as the process. */
      g_hash_table_insert (schemas, cs->name, cs);
    }
  G_UNLOCK (schemas);
  return cs;
}

/* A schema problem at @node. */
static void G_GNUC_PRINTF (3, 4)
add_problem (ScXmlProblems *problems,
             xmlNode       *node,
             const char    *format,
             ...)
{
  va_list args;

  va_start (args, format);
  sc_xml_problems_add_valist (problems, node, SC_ERROR_SCHEMA, format, args);
  va_end (args);
}

static char *
join_names (GPtrArray  *names,
            const char *before,
            const char *after)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < names->len; i++)
    {
      if (i > 0)
        g_string_append (s, ", ");
      g_string_append_printf (s, "%s%s%s", before, (const char *) g_ptr_array_index (names, i), after);
    }
  return g_string_free (s, FALSE);
}

static const char *
describe_kind (const AttrInfo *attr)
{
  switch (attr->kind)
    {
    case VALUE_DOUBLE:
      return _("a number such as 240 or 0.006");
    case VALUE_POSITIVE_INTEGER:
      return _("a whole number of at least 1");
    case VALUE_NON_NEGATIVE_INTEGER:
      return _("a whole number of at least 0");
    case VALUE_DATE:
      return _("a date written YYYY-MM-DD");
    case VALUE_ID:
      return _("an identifier (letters, digits, “.”, “-”, “_”)");
    case VALUE_NON_EMPTY:
      return _("a non-empty text");
    case VALUE_ENUM:
    case VALUE_ANY:
    default:
      return NULL;
    }
}

static gboolean
check_one_value (const AttrInfo *attr,
                 const char     *value)
{
  char *end = NULL;

  switch (attr->kind)
    {
    case VALUE_ENUM:
      return str_array_contains (attr->values, value);
    case VALUE_DOUBLE:
      g_ascii_strtod (value, &end);
      return *value != '\0' && end != NULL && *end == '\0';
    case VALUE_POSITIVE_INTEGER:
    case VALUE_NON_NEGATIVE_INTEGER:
      {
        guint64 n;
        if (!g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT64, &n, NULL))
          return FALSE;
        return attr->kind == VALUE_NON_NEGATIVE_INTEGER || n > 0;
      }
    case VALUE_DATE:
      if (strlen (value) != 10 || value[4] != '-' || value[7] != '-')
        return FALSE;
      for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && !g_ascii_isdigit (value[i]))
          return FALSE;
      return TRUE;
    case VALUE_ID:
      if (!g_ascii_isalnum (value[0]))
        return FALSE;
      for (const char *p = value; *p != '\0'; p++)
        if (!g_ascii_isalnum (*p) && *p != '.' && *p != '-' && *p != '_')
          return FALSE;
      return TRUE;
    case VALUE_NON_EMPTY:
      return *value != '\0';
    case VALUE_ANY:
    default:
      return TRUE;
    }
}

static gboolean
check_value (const AttrInfo *attr,
             const char     *value,
             const char    **bad)
{
  if (attr->is_list)
    {
      g_auto(GStrv) tokens = g_strsplit_set (value, " \t\r\n", -1);
      gboolean any = FALSE;

      for (guint i = 0; tokens[i] != NULL; i++)
        {
          if (*tokens[i] == '\0')
            continue;
          any = TRUE;
          if (!check_one_value (attr, tokens[i]))
            {
              *bad = value + (strstr (value, tokens[i]) - value);
              return FALSE;
            }
        }
      *bad = value;
      return any;
    }
  *bad = value;
  return check_one_value (attr, value);
}

static char *
attr_display_name (xmlAttr *prop)
{
  if (prop->ns != NULL && prop->ns->prefix != NULL)
    return g_strdup_printf ("%s:%s", prop->ns->prefix, prop->name);
  return g_strdup ((const char *) prop->name);
}

static void
explain_element (SchemaInfo    *si,
                 xmlNode       *node,
                 ScXmlProblems *problems,
                 guint          depth)
{
  const char *name = (const char *) node->name;
  ElementInfo *info;

  if (depth > SC_XML_MAX_DEPTH + 1)
    return;

  if (node->ns == NULL || si->ns == NULL || !g_str_equal ((const char *) node->ns->href, si->ns))
    {
      add_problem (problems, node,
                   _("the element <%s> is not in the namespace %s (write xmlns=\"%s\" on the root element)"),
                   name, si->ns, si->ns);
      return;
    }

  info = g_hash_table_lookup (si->elements, name);
  if (info == NULL)
    {
      ElementInfo *parent = node->parent != NULL && node->parent->type == XML_ELEMENT_NODE
                          ? g_hash_table_lookup (si->elements, (const char *) node->parent->name) : NULL;
      if (parent != NULL && parent->children->len > 0)
        {
          g_autofree char *list = join_names (parent->children, "<", ">");
          add_problem (problems, node, _("unknown element <%s> inside <%s>; expected one of: %s"),
                       name, parent->name, list);
        }
      else
        add_problem (problems, node, _("unknown element <%s>"), name);
      return;
    }

  /* Attributes present: known, and well formed. */
  for (xmlAttr *prop = node->properties; prop != NULL; prop = prop->next)
    {
      g_autofree char *pname = attr_display_name (prop);
      AttrInfo *attr = NULL;
      xmlChar *value;
      const char *bad = NULL;

      for (guint i = 0; i < info->attrs->len; i++)
        if (g_str_equal (((AttrInfo *) g_ptr_array_index (info->attrs, i))->name, pname))
          attr = g_ptr_array_index (info->attrs, i);
      if (attr == NULL)
        {
          g_autoptr(GPtrArray) names = g_ptr_array_new ();
          g_autofree char *list = NULL;

          for (guint i = 0; i < info->attrs->len; i++)
            g_ptr_array_add (names, ((AttrInfo *) g_ptr_array_index (info->attrs, i))->name);
          list = join_names (names, "", "");
          if (names->len > 0)
            add_problem (problems, node, _("unknown attribute “%s” on <%s>; expected one of: %s"),
                         pname, name, list);
          else
            add_problem (problems, node, _("unknown attribute “%s” on <%s>, which takes no attributes"),
                         pname, name);
          continue;
        }
      value = xmlNodeGetContent ((xmlNode *) prop);
      if (!check_value (attr, value != NULL ? (const char *) value : "", &bad))
        {
          if (attr->kind == VALUE_ENUM)
            {
              g_autofree char *list = join_names (attr->values, "", "");
              add_problem (problems, node, _("“%s” is not a valid value for “%s” on <%s>; expected one of: %s"),
                           bad, pname, name, list);
            }
          else if (describe_kind (attr) != NULL)
            add_problem (problems, node, _("“%s” is not a valid value for “%s” on <%s>; expected %s"),
                         bad, pname, name, describe_kind (attr));
          else
            add_problem (problems, node, _("“%s” is not a valid value for “%s” on <%s>"), bad, pname, name);
        }
      xmlFree (value);
    }

  /* Attributes missing. */
  for (guint i = 0; i < info->attrs->len; i++)
    {
      AttrInfo *attr = g_ptr_array_index (info->attrs, i);
      gboolean present = FALSE;

      if (!attr->required)
        continue;
      for (xmlAttr *prop = node->properties; prop != NULL && !present; prop = prop->next)
        {
          g_autofree char *pname = attr_display_name (prop);
          present = g_str_equal (pname, attr->name);
        }
      if (!present)
        add_problem (problems, node, _("<%s> is missing the attribute “%s”"), name, attr->name);
    }

  /* Children: known here, and the required ones present. */
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_ELEMENT_NODE)
        {
          if (child->ns != NULL && si->ns != NULL && g_str_equal ((const char *) child->ns->href, si->ns) &&
              g_hash_table_contains (si->elements, (const char *) child->name) &&
              !str_array_contains (info->children, (const char *) child->name))
            {
              if (info->children->len > 0)
                {
                  g_autofree char *list = join_names (info->children, "<", ">");
                  add_problem (problems, child, _("<%s> is not allowed inside <%s>; expected one of: %s"),
                               (const char *) child->name, name, list);
                }
              else
                add_problem (problems, child, _("<%s> is not allowed inside <%s>, which holds no elements"),
                             (const char *) child->name, name);
              continue;
            }
          explain_element (si, child, problems, depth + 1);
        }
      else if (child->type == XML_TEXT_NODE && !info->text)
        {
          xmlChar *text = xmlNodeGetContent (child);
          g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? (const char *) text : ""));
          if (*stripped != '\0')
            add_problem (problems, node, _("<%s> holds text (“%.20s…”) where only elements are allowed"),
                         name, stripped);
          xmlFree (text);
        }
    }
  for (guint i = 0; i < info->required->len; i++)
    {
      const char *required = g_ptr_array_index (info->required, i);
      gboolean present = FALSE;

      for (xmlNode *child = node->children; child != NULL && !present; child = child->next)
        present = child->type == XML_ELEMENT_NODE && g_str_equal ((const char *) child->name, required);
      if (!present)
        add_problem (problems, node, _("<%s> is missing its <%s> element"), name, required);
    }
}

/* libxml2's own RELAX NG message, in plainer words where we know it. */
static char *
describe_rng_error (const xmlError *err)
{
  g_autofree char *raw = g_strstrip (g_strdup (err->message != NULL ? err->message : ""));
  const char *element = err->node != NULL && ((xmlNode *) err->node)->type == XML_ELEMENT_NODE
                      ? (const char *) ((xmlNode *) err->node)->name : NULL;
  char a[128] = "", b[128] = "";

  if (sscanf (raw, "Expecting element %127[^,], got %127s", a, b) == 2)
    return g_strdup_printf (_("expected the element <%s> here, found <%s>"), a, b);
  if (sscanf (raw, "Expecting an element %127[^,], got nothing", a) == 1)
    return g_strdup_printf (_("<%s> is missing its <%s> element"), element ? element : "…", a);
  if (sscanf (raw, "Did not expect element %127s there", a) == 1)
    return g_strdup_printf (_("the element <%s> is not expected here (wrong place or order)"), a);
  if (sscanf (raw, "Extra element %127s in interleave", a) == 1)
    return g_strdup_printf (_("the element <%s> is given twice or is not allowed here"), a);
  if (sscanf (raw, "Element %127s has extra content: %127s", a, b) == 2)
    return g_strdup_printf (_("<%s> has unexpected content: <%s>"), a, b);
  if (sscanf (raw, "Invalid attribute %127s for element %127s", a, b) == 2)
    return g_strdup_printf (_("the attribute “%s” is unknown on <%s> or has a bad value"), a, b);
  if (sscanf (raw, "Element %127s failed to validate attributes", a) == 1)
    return g_strdup_printf (_("<%s> has an unknown, missing or badly written attribute"), a);
  if (sscanf (raw, "Element %127s failed to validate content", a) == 1)
    return g_strdup_printf (_("the content of <%s> is not what the format expects (wrong, missing or misplaced elements)"), a);
  return g_strdup_printf (_("not valid for the program format: %s"), raw);
}

typedef struct
{
  ScXmlProblems *problems;
} RngState;

static void
on_rng_error (void     *data,
              xmlError *err)
{
  RngState *state = data;
  g_autofree char *what = NULL;
  xmlNode *node = err->node;

  if (err->level < XML_ERR_ERROR)
    return;
  what = describe_rng_error (err);
  if (node != NULL && node->type == XML_ELEMENT_NODE)
    add_problem (state->problems, node, "%s", what);
  else
    sc_xml_problems_add_at (state->problems, (guint) MAX (err->line, 1), 1, SC_ERROR_SCHEMA, "%s", what);
}

gboolean
sc_xml_validate (xmlDoc      *doc,
                 const char  *schema_name,
                 const char  *display_name,
                 GError     **error)
{
  CompiledSchema *cs;
  SchemaInfo *info;
  xmlRelaxNGValidCtxt *vctxt;
  ScXmlProblems problems;
  RngState state;
  xmlNode *root;
  int rc;

  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (schema_name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  sc_xml_ensure_init ();
  if (display_name == NULL)
    display_name = doc->URL != NULL ? (const char *) doc->URL : "(document)";
  if (doc->_private == vouched_schema && g_str_equal (schema_name, vouched_schema))
    return TRUE;

  cs = get_schema (schema_name);
  if (cs->error != NULL)
    {
      g_set_error (error, SC_ERROR, cs->error->code, "%s:1:1: %s", display_name, cs->error->message);
      return FALSE;
    }

  root = xmlDocGetRootElement (doc);
  sc_xml_problems_init (&problems, display_name);

  vctxt = xmlRelaxNGNewValidCtxt (cs->schema);
  state.problems = &problems;
  xmlRelaxNGSetValidStructuredErrors (vctxt, on_rng_error, &state);
  rc = xmlRelaxNGValidateDoc (vctxt, doc);
  xmlRelaxNGFreeValidCtxt (vctxt);

  if (rc == 0)
    {
      sc_xml_problems_clear (&problems);
      return TRUE;
    }
  info = schema_info (cs);

  /* The root is checked first: a wrong namespace makes every other message
   * noise. (A document whose root is not the schema's never validates.) */
  if (root != NULL && info != NULL &&
      (g_strcmp0 ((const char *) root->name, info->root_name) != 0 ||
       root->ns == NULL || g_strcmp0 ((const char *) root->ns->href, info->ns) != 0))
    {
      sc_xml_problems_clear (&problems);
      sc_xml_problems_init (&problems, display_name);
      if (g_strcmp0 ((const char *) root->name, info->root_name) != 0)
        add_problem (&problems, root, _("the root element is <%s>; expected <%s xmlns=\"%s\">"),
                     (const char *) root->name, info->root_name, info->ns);
      else
        add_problem (&problems, root, _("<%s> is in the wrong namespace (%s); expected xmlns=\"%s\""),
                     (const char *) root->name,
                     root->ns != NULL ? (const char *) root->ns->href : _("none"), info->ns);
      return sc_xml_problems_finish (&problems, error);
    }

  /* Prefer our own reading of the problems when it finds any. */
  if (info != NULL && root != NULL)
    {
      ScXmlProblems explained;

      sc_xml_problems_init (&explained, display_name);
      explain_element (info, root, &explained, 0);
      if (explained.count > 0)
        {
          sc_xml_problems_clear (&problems);
          problems = explained;
        }
      else
        sc_xml_problems_clear (&explained);
    }
  if (problems.count == 0)
    sc_xml_problems_add_at (&problems, 1, 1, SC_ERROR_SCHEMA, "%s", _("the file does not follow the program format"));
  return sc_xml_problems_finish (&problems, error);
}
