/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the files of the program reader (sc-program-reader*.c). */

#include <glib/gi18n-lib.h>
#include <libxml/tree.h>

#include "sc-program.h"
#include "sc-program-reader.h"
#include "sc-quote.h"
#include "sc-xml-problems.h"
#include "sc-xml-read.h"

G_BEGIN_DECLS

/* Sanity bounds for what a file may say, not policy numbers. */
#define AMOUNT_MAX   1e12
#define DAYS_MAX     36600.0

typedef enum
{
  NUM_AMOUNT,     /* yuan, units: finite, 0 … 1e12 */
  NUM_COUNT,      /* orders, ranks: a whole number 0 … 1e12 */
  NUM_DAYS,       /* whole days */
  NUM_FRACTION,   /* 0 … 1 */
  NUM_FIELD,      /* a comparison: the field's own range */
} NumKind;

typedef struct
{
  const char     *path;
  ScXmlProblems   problems;
  ScProgramFile  *file;
  /* the measure being read: its quote is where stated numbers must appear */
  const ScMeasure *measure;
  ScQuote         *quote;   /* its quote, indexed once for all its numbers */
  /* the ids the program being read lists in sources="…" */
  GHashTable      *listed;
} Loader;

/* Helpers over sc-xml-read.h that know the reader's state. */

static inline void G_GNUC_PRINTF (4, 5)
problem (Loader     *l,
         xmlNode    *node,
         ScError     code,
         const char *format,
         ...)
{
  va_list args;

  va_start (args, format);
  sc_xml_problems_add_valist (&l->problems, node, code, format, args);
  va_end (args);
}

static inline gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return sc_xml_is_element (node, SC_PROGRAM_NS, name);
}

static inline xmlNode *
first_child (xmlNode    *node,
             const char *name)
{
  return sc_xml_first_child (node, SC_PROGRAM_NS, name);
}

/* The attribute, whitespace-trimmed, or NULL. (transfer full) */
static inline char *
prop (xmlNode    *node,
      const char *name)
{
  return sc_xml_attribute (node, name, SC_XML_TRIM);
}

static inline gboolean
prop_bool (xmlNode    *node,
           const char *name)
{
  g_autofree char *value = prop (node, name);
  return g_strcmp0 (value, "true") == 0;
}

/* Text content, trimmed. (transfer full) */
static inline char *
text_of (xmlNode *node)
{
  return sc_xml_text (node, SC_XML_TRIM);
}

/* Reads every child named @name into @text. */
static inline void
read_texts (Loader     *l,
            xmlNode    *node,
            const char *name,
            ScText     *text)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (is_element (child, name))
      sc_xml_read_lang_text (&l->problems, child, SC_XML_TRIM, text);
}

static inline ScDay
read_date (Loader     *l,
           xmlNode    *node,
           const char *name)
{
  return sc_xml_read_date (&l->problems, node, name);
}

/* NAN (and a problem) when @value is not a number. */
static inline double
parse_value (Loader     *l,
             xmlNode    *node,
             const char *value)
{
  return sc_xml_read_number (&l->problems, node, value);
}

/* Shared checks, in sc-program-reader.c. */
char       **sc_reader_words_of         (const char        *text);      /* (transfer full) */
char        *sc_reader_format_number    (double             value);     /* (transfer full) */
void         sc_reader_read_window      (Loader            *l,
                                         xmlNode           *node,
                                         ScWindow          *window);
gboolean     sc_reader_check_range      (Loader            *l,
                                         xmlNode           *node,
                                         const char        *what,
                                         double             value,
                                         NumKind            kind,
                                         ScField            field);
void         sc_reader_read_basis       (Loader            *l,
                                         xmlNode           *node,
                                         ScNumber          *number,
                                         const char        *what,
                                         gboolean           fraction,
                                         gboolean           in_range);
void         sc_reader_read_number      (Loader            *l,
                                         xmlNode           *parent,
                                         const char        *name,
                                         ScNumber          *number,
                                         NumKind            kind,
                                         gboolean           required);
gboolean     sc_reader_read_field       (Loader            *l,
                                         xmlNode           *node,
                                         const char        *attr,
                                         ScField           *field);
gboolean     sc_reader_choice_known     (const ScFieldInfo *info,
                                         const char        *value);
char        *sc_reader_choices_list     (const ScFieldInfo *info);      /* (transfer full) */
const char  *sc_reader_field_type_words (ScFieldType        type);

/* In sc-program-reader-effects.c. */
ScCond      *sc_reader_read_condition   (Loader            *l,
                                         xmlNode           *node);
void         sc_reader_read_effect      (Loader            *l,
                                         xmlNode           *node,
                                         ScMeasure         *measure);

G_END_DECLS
