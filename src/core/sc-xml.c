/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-core"

#include "config.h"

#include "sc-xml.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sc-error.h"
#include "sc-xml-schema.h"

#define XINCLUDE_NS_2001 "http://www.w3.org/2001/XInclude"
#define XINCLUDE_NS_2003 "http://www.w3.org/2003/XInclude"

/* ------------------------------------------------------------------ */
/* Positions                                                           */
/* ------------------------------------------------------------------ */

/*
 * libxml2 keeps no column for nodes and the line of the *end* of a start
 * tag, capped at 65535. We record the line and column of each element's
 * '<' in node->_private (libxml2 never touches it), computed from our own
 * copy of the bytes with a forward-only scanner so a file costs O(size).
 */

static inline gpointer
pack_position (guint line,
               guint column)
{
#if GLIB_SIZEOF_VOID_P >= 8
  return GSIZE_TO_POINTER (((gsize) line << 32) | (gsize) column);
#else
  /* 32-bit: 20 bits of line, 12 of column; good enough for messages. */
  return GSIZE_TO_POINTER (((gsize) MIN (line, 0xFFFFF) << 12) | (gsize) MIN (column, 0xFFF));
#endif
}

/* The position pack_position() recorded for element @node; FALSE if none. */
static gboolean
unpack_position (xmlNode *node,
                 guint   *line,
                 guint   *column)
{
  gsize packed;

  if (node == NULL || node->type != XML_ELEMENT_NODE)
    return FALSE;
  packed = GPOINTER_TO_SIZE (node->_private);
  if (packed == 0)
    return FALSE;
#if GLIB_SIZEOF_VOID_P >= 8
  *line = (guint) (packed >> 32);
  *column = (guint) (packed & 0xFFFFFFFF);
#else
  *line = (guint) (packed >> 12);
  *column = (guint) (packed & 0xFFF);
#endif
  return TRUE;
}

guint
sc_xml_node_line (xmlNode *node)
{
  guint line, column;

  if (node == NULL)
    return 0;
  if (unpack_position (node, &line, &column))
    return line;
  return (guint) xmlGetLineNo (node) > 0 ? (guint) xmlGetLineNo (node) : 0;
}

guint
sc_xml_node_column (xmlNode *node)
{
  guint line, column;

  return unpack_position (node, &line, &column) ? column : 0;
}

/* Moves @line and @column over the bytes @data[@from, @to), counting columns in characters. */
static void
advance_position (const char *data,
                  gsize       from,
                  gsize       to,
                  guint      *line,
                  guint      *column)
{
  for (gsize i = from; i < to; i++)
    {
      guchar b = (guchar) data[i];
      if (b == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else if ((b & 0xC0) != 0x80)
        (*column)++;
    }
}

/* Line and column of byte @offset in @data, counting columns in characters. */
static void
position_of_offset (const char *data,
                    gsize       length,
                    gsize       offset,
                    guint      *line,
                    guint      *column)
{
  *line = 1;
  *column = 1;
  advance_position (data, 0, MIN (offset, length), line, column);
}

/* ------------------------------------------------------------------ */
/* Start tags, counted before parsing                                  */
/* ------------------------------------------------------------------ */

static gboolean
has_prefix_at (const char *data,
               gsize       length,
               gsize       at,
               const char *prefix)
{
  gsize n = strlen (prefix);

  return at + n <= length && memcmp (data + at, prefix, n) == 0;
}

/* The offset just past the first @end at or after @from, or @length. */
static gsize
skip_past (const char *data,
           gsize       length,
           gsize       from,
           const char *end)
{
  for (gsize i = from; i < length; i++)
    {
      const char *at = memchr (data + i, end[0], length - i);

      if (at == NULL)
        break;
      i = (gsize) (at - data);
      if (has_prefix_at (data, length, i, end))
        return i + strlen (end);
    }
  return length;
}

/*
 * Counts the attributes and namespace declarations of every start tag in
 * one pass over the bytes: the parser would spend time quadratic in them
 * before we could stop it. Comments, processing instructions and CDATA are
 * stepped over; a DOCTYPE ends the scan (the reader refuses it before any
 * element); malformed markup is left to the parser to report.
 */
static gboolean
check_start_tags (const char  *data,
                  gsize        length,
                  const char  *display_name,
                  GError     **error)
{
  gsize i = 0;

  while (i < length)
    {
      const char *lt = memchr (data + i, '<', length - i);
      gsize tag, name = 0;
      guint attributes = 0, namespaces = 0;
      gboolean after_space = FALSE;

      if (lt == NULL)
        break;
      i = tag = (gsize) (lt - data);
      if (has_prefix_at (data, length, i, "<!--"))
        {
          i = skip_past (data, length, i + 4, "-->");
          continue;
        }
      if (has_prefix_at (data, length, i, "<![CDATA["))
        {
          i = skip_past (data, length, i + 9, "]]>");
          continue;
        }
      if (has_prefix_at (data, length, i, "<?"))
        {
          i = skip_past (data, length, i + 2, "?>");
          continue;
        }
      if (has_prefix_at (data, length, i, "<!"))
        return TRUE;
      if (has_prefix_at (data, length, i, "</"))
        {
          i += 2;
          continue;
        }

      for (i++; i < length && data[i] != '>' && data[i] != '<'; i++)
        {
          char c = data[i];

          if (c == '"' || c == '\'')
            {
              const char *close = memchr (data + i + 1, c, length - i - 1);

              i = close != NULL ? (gsize) (close - data) : length - 1;
            }
          else if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            after_space = TRUE;
          else if (c == '=')
            {
              gboolean is_namespace = has_prefix_at (data, length, name, "xmlns")
                                      && name + 5 < length
                                      && (data[name + 5] == ':' || data[name + 5] == '='
                                          || g_ascii_isspace (data[name + 5]));
              guint line, column;

              attributes++;
              namespaces += is_namespace;
              if (attributes <= SC_XML_MAX_ATTRIBUTES && namespaces <= SC_XML_MAX_NAMESPACES)
                continue;
              position_of_offset (data, length, tag, &line, &column);
              if (namespaces > SC_XML_MAX_NAMESPACES)
                g_set_error (error, SC_ERROR, SC_ERROR_TOO_LARGE,
                             _("%s:%u:%u: the start tag declares more than %d namespaces; no program file or profile needs that many"),
                             display_name, line, column, SC_XML_MAX_NAMESPACES);
              else
                g_set_error (error, SC_ERROR, SC_ERROR_TOO_LARGE,
                             _("%s:%u:%u: the start tag has more than %d attributes; no program file or profile needs that many"),
                             display_name, line, column, SC_XML_MAX_ATTRIBUTES);
              return FALSE;
            }
          else if (after_space)
            {
              name = i;
              after_space = FALSE;
            }
        }
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Reading                                                             */
/* ------------------------------------------------------------------ */

typedef struct
{
  const char *display_name;
  const char *data;
  gsize       length;
  GError     *error;

  guint       depth;
  guint       elements;
  gsize       text_run;

  gsize       scan_offset;
  guint       scan_line;
  guint       scan_column;

  startElementNsSAX2Func  start_element_ns;
  endElementNsSAX2Func    end_element_ns;
  charactersSAXFunc       characters;
  charactersSAXFunc       cdata_block;
} ReadState;

static void
current_position (xmlParserCtxt *ctxt,
                  guint         *line,
                  guint         *column)
{
  *line = ctxt->input != NULL ? (guint) MAX (ctxt->input->line, 1) : 1;
  *column = ctxt->input != NULL ? (guint) MAX (ctxt->input->col, 1) : 1;
}

static void G_GNUC_PRINTF (5, 6)
stop_with_error (xmlParserCtxt *ctxt,
                 guint          line,
                 guint          column,
                 ScError        code,
                 const char    *format,
                 ...)
{
  ReadState *state = ctxt->_private;
  g_autofree char *what = NULL;
  va_list args;

  if (state->error == NULL)
    {
      va_start (args, format);
      what = g_strdup_vprintf (format, args);
      va_end (args);
      state->error = g_error_new (SC_ERROR, code, "%s:%u:%u: %s",
                                  state->display_name, line, column, what);
    }
  xmlStopParser (ctxt);
}

/* Finds the '<' of the start tag the parser is at, and its line and column. */
static void
start_tag_position (xmlParserCtxt *ctxt,
                    guint         *line,
                    guint         *column)
{
  ReadState *state = ctxt->_private;
  xmlParserInput *input = ctxt->input;
  gsize offset, lt;

  if (input == NULL || input->cur == NULL || input->base == NULL)
    goto fallback;

  offset = (gsize) input->consumed + (gsize) (input->cur - input->base);
  if (state->length == 0 || offset > state->length || offset < state->scan_offset)
    goto fallback;

  /* No raw '<' can occur inside a start tag, so the nearest one back is its
   * start. At the end of the input the parser points one past the last byte,
   * which must not be read: the buffer need not end with a zero. */
  lt = MIN (offset, state->length - 1);
  while (lt > state->scan_offset && state->data[lt] != '<')
    lt--;
  if (state->data[lt] != '<')
    goto fallback;

  advance_position (state->data, state->scan_offset, lt, &state->scan_line, &state->scan_column);
  state->scan_offset = lt;
  *line = state->scan_line;
  *column = state->scan_column;
  return;

fallback:
  current_position (ctxt, line, column);
}

static void
on_start_element_ns (void           *ctx,
                     const xmlChar  *localname,
                     const xmlChar  *prefix,
                     const xmlChar  *uri,
                     int             nb_namespaces,
                     const xmlChar **namespaces,
                     int             nb_attributes,
                     int             nb_defaulted,
                     const xmlChar **attributes)
{
  xmlParserCtxt *ctxt = ctx;
  ReadState *state = ctxt->_private;
  guint line, column;

  start_tag_position (ctxt, &line, &column);

  if (++state->depth > SC_XML_MAX_DEPTH)
    {
      stop_with_error (ctxt, line, column, SC_ERROR_TOO_LARGE,
                       _("elements are nested more than %d levels deep; a program file never needs that many"),
                       SC_XML_MAX_DEPTH);
      return;
    }
  if (++state->elements > SC_XML_MAX_ELEMENTS)
    {
      stop_with_error (ctxt, line, column, SC_ERROR_TOO_LARGE,
                       _("the file has more than %d elements; split it into several files"),
                       SC_XML_MAX_ELEMENTS);
      return;
    }
  if (uri != NULL && (g_str_equal ((const char *) uri, XINCLUDE_NS_2001) ||
                      g_str_equal ((const char *) uri, XINCLUDE_NS_2003)))
    {
      stop_with_error (ctxt, line, column, SC_ERROR_FORBIDDEN,
                       _("XInclude (<%s%s%s>) is not allowed: a program file must be complete in itself"),
                       prefix != NULL ? (const char *) prefix : "", prefix != NULL ? ":" : "",
                       (const char *) localname);
      return;
    }
  for (int i = 0; i < nb_attributes; i++)
    {
      const xmlChar *value = attributes[i * 5 + 3];
      const xmlChar *end = attributes[i * 5 + 4];

      if (end - value > SC_XML_MAX_TEXT)
        {
          stop_with_error (ctxt, line, column, SC_ERROR_TOO_LARGE,
                           _("the attribute “%s” is longer than %d bytes"),
                           (const char *) attributes[i * 5], SC_XML_MAX_TEXT);
          return;
        }
    }

  state->text_run = 0;
  state->start_element_ns (ctx, localname, prefix, uri, nb_namespaces, namespaces,
                           nb_attributes, nb_defaulted, attributes);
  if (ctxt->node != NULL && ctxt->node->type == XML_ELEMENT_NODE)
    ctxt->node->_private = pack_position (line, column);
}

static void
on_end_element_ns (void          *ctx,
                   const xmlChar *localname,
                   const xmlChar *prefix,
                   const xmlChar *uri)
{
  xmlParserCtxt *ctxt = ctx;
  ReadState *state = ctxt->_private;

  if (state->depth > 0)
    state->depth--;
  state->text_run = 0;
  state->end_element_ns (ctx, localname, prefix, uri);
}

/* Counts @len more bytes of text; the read state, or NULL once the run of
 * text is too long and the parser stopped. */
static ReadState *
check_text_run (xmlParserCtxt *ctxt,
                int            len)
{
  ReadState *state = ctxt->_private;
  guint line, column;

  state->text_run += (gsize) MAX (len, 0);
  if (state->text_run > SC_XML_MAX_TEXT)
    {
      current_position (ctxt, &line, &column);
      stop_with_error (ctxt, line, column, SC_ERROR_TOO_LARGE,
                       _("a text is longer than %d bytes; quotes and notes are sentences, not whole articles"),
                       SC_XML_MAX_TEXT);
      return NULL;
    }
  return state;
}

static void
on_characters (void          *ctx,
               const xmlChar *ch,
               int            len)
{
  ReadState *state = check_text_run (ctx, len);

  if (state != NULL)
    state->characters (ctx, ch, len);
}

static void
on_cdata_block (void          *ctx,
                const xmlChar *ch,
                int            len)
{
  ReadState *state = check_text_run (ctx, len);

  if (state != NULL)
    state->cdata_block (ctx, ch, len);
}

/* Called at "<!DOCTYPE name", before anything in it is declared. */
static void
on_internal_subset (void          *ctx,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  xmlParserCtxt *ctxt = ctx;
  guint line, column;

  current_position (ctxt, &line, &column);
  stop_with_error (ctxt, line, 1, SC_ERROR_FORBIDDEN,
                   _("a DOCTYPE is not allowed: program files declare no DTD and no entities (nothing in it was read)"));
}

static void
on_entity_decl (void          *ctx,
                const xmlChar *name,
                int            type,
                const xmlChar *public_id,
                const xmlChar *system_id,
                xmlChar       *content)
{
  xmlParserCtxt *ctxt = ctx;
  guint line, column;

  /* Unreachable once the DOCTYPE is refused; kept as a second lock. */
  current_position (ctxt, &line, &column);
  stop_with_error (ctxt, line, column, SC_ERROR_FORBIDDEN,
                   _("the entity “%s” is declared: entities are not allowed"), (const char *) name);
}

static xmlParserInputPtr
deny_entity_loader (const char    *url,
                    const char    *id,
                    xmlParserCtxt *ctxt)
{
  /* Nothing is ever fetched: not a DTD, not an entity, not an include. */
  return NULL;
}

/* Plain words for the parser errors users meet most. (transfer full) */
static char *
describe_parse_error (const xmlError *err)
{
  g_autofree char *raw = g_strstrip (g_strdup (err->message != NULL ? err->message : ""));

  switch (err->code)
    {
    /* libxml2's name for "no element": an empty file never gets here. */
    case XML_ERR_DOCUMENT_EMPTY:
      return g_strdup (_("this is not an XML file (no element found); a program file is an XML document starting with <program-file>"));
    case XML_ERR_DOCUMENT_END:
      return g_strdup (_("there is more text after the end of the root element; a file holds exactly one <program-file>"));
    case XML_ERR_UNDECLARED_ENTITY:
    case XML_WAR_UNDECLARED_ENTITY:
    case XML_ERR_ENTITY_PROCESSING:
      return g_strdup_printf (_("the entity reference “&%s;” is not allowed: write the character itself (only &lt; &gt; &amp; &quot; &apos; exist)"),
                              err->str1 != NULL ? err->str1 : "…");
    case XML_ERR_TAG_NAME_MISMATCH:
      return g_strdup_printf (_("the closing tag does not match the element opened on line %d (<%s>); is a closing tag missing or misspelt?"),
                              err->int1, err->str1 != NULL ? err->str1 : "…");
    case XML_ERR_TAG_NOT_FINISHED:
      return g_strdup_printf (_("the element <%s> is never closed"), err->str1 != NULL ? err->str1 : "…");
    case XML_ERR_INVALID_CHAR:
    case XML_ERR_INVALID_ENCODING:
      return g_strdup_printf (_("the file contains a character that is not allowed in XML (%s)"), raw);
    case XML_ERR_ATTRIBUTE_REDEFINED:
      return g_strdup_printf (_("an attribute is given twice on the same element (%s)"), raw);
    case XML_ERR_LT_IN_ATTRIBUTE:
      return g_strdup (_("an attribute value contains “<”; write &lt; instead"));
    case XML_ERR_NAME_REQUIRED:
    case XML_ERR_LT_REQUIRED:
    case XML_ERR_GT_REQUIRED:
    case XML_ERR_LTSLASH_REQUIRED:
    case XML_ERR_EQUAL_REQUIRED:
    case XML_ERR_STRING_NOT_STARTED:
    case XML_ERR_STRING_NOT_CLOSED:
    case XML_ERR_ATTRIBUTE_WITHOUT_VALUE:
    case XML_ERR_SPACE_REQUIRED:
    case XML_ERR_ATTRIBUTE_NOT_STARTED:
    case XML_ERR_ATTRIBUTE_NOT_FINISHED:
      return g_strdup_printf (_("this is not well-formed XML: %s"), raw);
    case XML_ERR_EXT_ENTITY_STANDALONE:
    case XML_ERR_EXT_SUBSET_NOT_FINISHED:
    case XML_ERR_DOCTYPE_NOT_FINISHED:
      return g_strdup (_("a DOCTYPE is not allowed: program files declare no DTD and no entities"));
    default:
      return g_strdup_printf (_("this is not well-formed XML: %s"), raw);
    }
}

static void
on_structured_error (void     *ctx,
                     xmlError *err)
{
  /* libxml2 2.9 passes the parser context here, not our pointer. */
  xmlParserCtxt *ctxt = ctx;
  ReadState *state;
  g_autofree char *what = NULL;
  ScError code = SC_ERROR_MALFORMED;

  if (ctxt == NULL || err == NULL || err->level < XML_ERR_ERROR)
    return;
  state = ctxt->_private;
  if (state == NULL || state->error != NULL)
    return;
  if (err->code == XML_ERR_USER_STOP)
    return;

  what = describe_parse_error (err);
  if (err->code == XML_ERR_UNDECLARED_ENTITY || err->code == XML_WAR_UNDECLARED_ENTITY ||
      err->code == XML_ERR_ENTITY_PROCESSING)
    code = SC_ERROR_FORBIDDEN;
  state->error = g_error_new (SC_ERROR, code, "%s:%d:%d: %s", state->display_name,
                              MAX (err->line, 1), MAX (err->int2, 1), what);
}

static gpointer
init_libxml (gpointer data)
{
  xmlInitParser ();
  /* Belt and braces: even a code path we did not foresee fetches nothing. */
  xmlSetExternalEntityLoader (deny_entity_loader);
  return NULL;
}

void
sc_xml_ensure_init (void)
{
  static GOnce once = G_ONCE_INIT;
  g_once (&once, init_libxml, NULL);
}

xmlDoc *
sc_xml_read_memory (const char  *data,
                    gsize        length,
                    const char  *display_name,
                    GError     **error)
{
  ReadState state = { 0 };
  xmlParserCtxt *ctxt;
  xmlDoc *doc;
  const char *bad = NULL;
  guint line, column;
  const int options = XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_IGNORE_ENC | XML_PARSE_NOCDATA;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  sc_xml_ensure_init ();

  if (length > SC_XML_MAX_BYTES)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_TOO_LARGE,
                   _("%s:1:1: the file is %.1f MiB; a program file may be at most %d MiB"),
                   display_name, length / (1024.0 * 1024.0), SC_XML_MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  if (length >= 2 && (guchar) data[0] == 0x1f && (guchar) data[1] == 0x8b)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_MALFORMED,
                   _("%s:1:1: this is a gzip-compressed file; program files are plain UTF-8 XML, decompress it first"),
                   display_name);
      return NULL;
    }
  if (length >= 2 && (((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF) ||
                      ((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE)))
    {
      g_set_error (error, SC_ERROR, SC_ERROR_MALFORMED,
                   _("%s:1:1: the file is UTF-16; program files must be saved as UTF-8"), display_name);
      return NULL;
    }
  if (!g_utf8_validate_len (data, length, &bad))
    {
      position_of_offset (data, length, (gsize) (bad - data), &line, &column);
      if (*bad == '\0')
        g_set_error (error, SC_ERROR, SC_ERROR_MALFORMED,
                     _("%s:%u:%u: the file contains a NUL byte; it is not a text file"),
                     display_name, line, column);
      else
        g_set_error (error, SC_ERROR, SC_ERROR_MALFORMED,
                     _("%s:%u:%u: the file is not valid UTF-8 (byte 0x%02X); save it as UTF-8"),
                     display_name, line, column, (guchar) *bad);
      return NULL;
    }
  if (length == 0)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_MALFORMED,
                   _("%s:1:1: the file is empty; expected an XML document starting with <program-file>"),
                   display_name);
      return NULL;
    }
  if (length > G_MAXINT)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_TOO_LARGE, _("%s:1:1: the file is too large"), display_name);
      return NULL;
    }

  if (!check_start_tags (data, length, display_name, error))
    return NULL;

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_IO, _("%s:1:1: out of memory"), display_name);
      return NULL;
    }

  state.display_name = display_name;
  state.data = data;
  state.length = length;
  state.scan_line = 1;
  state.scan_column = 1;
  state.start_element_ns = ctxt->sax->startElementNs;
  state.end_element_ns = ctxt->sax->endElementNs;
  state.characters = ctxt->sax->characters;
  state.cdata_block = ctxt->sax->cdataBlock;

  ctxt->_private = &state;
  ctxt->sax->internalSubset = on_internal_subset;
  ctxt->sax->externalSubset = NULL;
  ctxt->sax->entityDecl = on_entity_decl;
  ctxt->sax->startElementNs = on_start_element_ns;
  ctxt->sax->endElementNs = on_end_element_ns;
  ctxt->sax->characters = on_characters;
  ctxt->sax->cdataBlock = on_cdata_block;
  ctxt->sax->serror = on_structured_error;
  ctxt->sax->error = NULL;
  ctxt->sax->warning = NULL;
  ctxt->vctxt.error = NULL;
  ctxt->vctxt.warning = NULL;

  doc = xmlCtxtReadMemory (ctxt, data, (int) length, display_name, "UTF-8", options);

  if (state.error == NULL && (doc == NULL || !ctxt->wellFormed))
    {
      const xmlError *last = xmlCtxtGetLastError (ctxt);
      state.error = g_error_new (SC_ERROR, SC_ERROR_MALFORMED, "%s:%d:%d: %s", display_name,
                                 last != NULL ? MAX (last->line, 1) : 1,
                                 last != NULL ? MAX (last->int2, 1) : 1,
                                 _("this is not well-formed XML"));
    }
  if (state.error == NULL && (doc == NULL || xmlDocGetRootElement (doc) == NULL))
    state.error = g_error_new (SC_ERROR, SC_ERROR_MALFORMED,
                               _("%s:1:1: the file holds no element; expected <program-file>"), display_name);
  if (state.error == NULL && doc->intSubset != NULL)
    state.error = g_error_new (SC_ERROR, SC_ERROR_FORBIDDEN,
                               _("%s:1:1: a DOCTYPE is not allowed: program files declare no DTD and no entities"),
                               display_name);

  ctxt->_private = NULL;
  xmlFreeParserCtxt (ctxt);

  if (state.error != NULL)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      g_propagate_error (error, state.error);
      return NULL;
    }
  /* Bytes the build validated need no RELAX NG again (sc_xml_validate()). */
  doc->_private = (gpointer) sc_xml_schema_vouched (data, length);
  return doc;
}

/**
 * sc_xml_read_bytes:
 * @path: a file
 * @length: (out): the length of what was read
 * @error: "path:1:1: …" when it cannot be read or is larger than SC_XML_MAX_BYTES
 *
 * Reads at most SC_XML_MAX_BYTES + 1 bytes of @path, NUL-terminated.
 *
 * Returns: (transfer full) (nullable): the bytes
 */
char *
sc_xml_read_bytes (const char  *path,
                   gsize       *length,
                   GError     **error)
{
  g_autofree char *buffer = NULL;
  gsize used = 0, allocated;
  struct stat st;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, SC_ERROR, SC_ERROR_IO, _("%s:1:1: cannot open the file: %s"),
                   path, g_strerror (saved));
      return NULL;
    }
  if (fstat (fd, &st) == 0)
    {
      if (S_ISDIR (st.st_mode))
        {
          close (fd);
          g_set_error (error, SC_ERROR, SC_ERROR_IO, _("%s:1:1: this is a folder, not a program file"), path);
          return NULL;
        }
      if (S_ISREG (st.st_mode) && st.st_size > SC_XML_MAX_BYTES)
        {
          close (fd);
          g_set_error (error, SC_ERROR, SC_ERROR_TOO_LARGE,
                       _("%s:1:1: the file is %.1f MiB; a program file may be at most %d MiB"),
                       path, st.st_size / (1024.0 * 1024.0), SC_XML_MAX_BYTES / (1024 * 1024));
          return NULL;
        }
    }

  allocated = S_ISREG (st.st_mode) && st.st_size > 0 ? (gsize) st.st_size + 1 : 65536;
  buffer = g_malloc (allocated + 1);
  for (;;)
    {
      gssize n;

      if (used == allocated)
        {
          allocated = MIN (allocated * 2, (gsize) SC_XML_MAX_BYTES + 1);
          buffer = g_realloc (buffer, allocated + 1);
        }
      n = read (fd, buffer + used, allocated - used);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;
          close (fd);
          g_set_error (error, SC_ERROR, SC_ERROR_IO, _("%s:1:1: cannot read the file: %s"),
                       path, g_strerror (saved));
          return NULL;
        }
      if (n == 0)
        break;
      used += (gsize) n;
      if (used > SC_XML_MAX_BYTES)
        {
          close (fd);
          g_set_error (error, SC_ERROR, SC_ERROR_TOO_LARGE,
                       _("%s:1:1: the file is larger than %d MiB, the most a program file may be"),
                       path, SC_XML_MAX_BYTES / (1024 * 1024));
          return NULL;
        }
    }
  close (fd);
  buffer[used] = '\0';
  *length = used;
  return g_steal_pointer (&buffer);
}

xmlDoc *
sc_xml_read_file (const char  *path,
                  GError     **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = sc_xml_read_bytes (path, &length, error);
  if (data == NULL)
    return NULL;
  return sc_xml_read_memory (data, length, path, error);
}

