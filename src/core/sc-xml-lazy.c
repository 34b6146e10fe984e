/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * libxml2, loaded when the command line first reads XML.
 *
 * Debian's libxml2 brings ICU and libstdc++ with it, and loading and
 * relocating the three costs every start of `shangce` about 1.3 ms on the
 * benchmark machine, more than a tenth of a chart export, for a command
 * that then may read no XML at all (the bundled programs load from the
 * compiled-in cache, sc-program-cache.h). So `shangce` and `shangce-xlsx` are
 * linked with this file instead of libxml2: every libxml2 function the core
 * calls is defined here and goes to the real one, which the first call opens
 * with dlopen(). A chart export reads its profile on the main thread while
 * the fonts load on another (sc_chart_fonts_warm_up), so the library now
 * loads in the shadow of the fonts instead of before main().
 *
 * The window and the tests link libxml2 itself; nothing else changes. When
 * the core starts to call a libxml2 function that is not listed here, the
 * link pulls libxml2 in again and tests/packaging/check-links.py says so:
 * add the function to SC_XML_LAZY_FUNCTIONS. Where the prototypes here do
 * not match the installed headers, meson links libxml2 as usual.
 */
/* Built without config.h, so that meson can try it against the installed
 * headers before config.h exists: GETTEXT_PACKAGE comes from the command. */
#include <dlfcn.h>
#include <stdlib.h>

#include <glib.h>
#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>

/* (return type, name, parameters, arguments) of each function; void ones
 * are listed apart, as C has no `return` of a void call. A return type
 * that changed between libxml2 releases is taken from the header. */
#define SC_XML_LAZY_FUNCTIONS(F) \
  F (xmlDocPtr, xmlReadMemory, \
     (const char *buffer, int size, const char *URL, const char *encoding, int options), \
     (buffer, size, URL, encoding, options)) \
  F (xmlDocPtr, xmlCtxtReadMemory, \
     (xmlParserCtxtPtr ctxt, const char *buffer, int size, const char *URL, const char *encoding, int options), \
     (ctxt, buffer, size, URL, encoding, options)) \
  F (xmlParserCtxtPtr, xmlNewParserCtxt, (void), ()) \
  F (__typeof__ (xmlCtxtGetLastError (NULL)), xmlCtxtGetLastError, (void *ctx), (ctx)) \
  F (xmlNodePtr, xmlDocGetRootElement, (const xmlDoc *doc), (doc)) \
  F (long, xmlGetLineNo, (const xmlNode *node), (node)) \
  F (xmlChar *, xmlGetNoNsProp, (const xmlNode *node, const xmlChar *name), (node, name)) \
  F (xmlChar *, xmlGetNsProp, \
     (const xmlNode *node, const xmlChar *name, const xmlChar *nameSpace), \
     (node, name, nameSpace)) \
  F (xmlAttrPtr, xmlHasProp, (const xmlNode *node, const xmlChar *name), (node, name)) \
  F (xmlAttrPtr, xmlHasNsProp, \
     (const xmlNode *node, const xmlChar *name, const xmlChar *nameSpace), \
     (node, name, nameSpace)) \
  F (xmlChar *, xmlNodeGetContent, (const xmlNode *cur), (cur)) \
  F (xmlRelaxNGParserCtxtPtr, xmlRelaxNGNewMemParserCtxt, (const char *buffer, int size), (buffer, size)) \
  F (xmlRelaxNGPtr, xmlRelaxNGParse, (xmlRelaxNGParserCtxtPtr ctxt), (ctxt)) \
  F (xmlRelaxNGValidCtxtPtr, xmlRelaxNGNewValidCtxt, (xmlRelaxNGPtr schema), (schema)) \
  F (int, xmlRelaxNGValidateDoc, (xmlRelaxNGValidCtxtPtr ctxt, xmlDocPtr doc), (ctxt, doc))

#define SC_XML_LAZY_VOID_FUNCTIONS(F) \
  F (void, xmlInitParser, (void), ()) \
  F (void, xmlSetExternalEntityLoader, (xmlExternalEntityLoader f), (f)) \
  F (void, xmlStopParser, (xmlParserCtxtPtr ctxt), (ctxt)) \
  F (void, xmlFreeParserCtxt, (xmlParserCtxtPtr ctxt), (ctxt)) \
  F (void, xmlFreeDoc, (xmlDocPtr cur), (cur)) \
  F (void, xmlRelaxNGFreeParserCtxt, (xmlRelaxNGParserCtxtPtr ctxt), (ctxt)) \
  F (void, xmlRelaxNGFreeValidCtxt, (xmlRelaxNGValidCtxtPtr ctxt), (ctxt)) \
  F (void, xmlRelaxNGSetValidStructuredErrors, \
     (xmlRelaxNGValidCtxtPtr ctxt, xmlStructuredErrorFunc serror, void *ctx), \
     (ctxt, serror, ctx))

#define SC_XML_LAZY_FIELD(ret, name, params, args) ret (*name) params;

static struct
{
  SC_XML_LAZY_FUNCTIONS (SC_XML_LAZY_FIELD)
  SC_XML_LAZY_VOID_FUNCTIONS (SC_XML_LAZY_FIELD)
  xmlFreeFunc *free;
} real;

static void *
resolve (void       *library,
         const char *name)
{
  void *symbol = dlsym (library, name);

  if (symbol == NULL)
    {
      /* Translators: a library's file name, a function's name, the system's reason. */
      g_printerr (_("shangce: cannot read XML: %s has no %s (%s)\n"), SC_LIBXML_SONAME, name, dlerror ());
      exit (1);
    }
  return symbol;
}

static gpointer
open_libxml (gpointer data)
{
  void *library = dlopen (SC_LIBXML_SONAME, RTLD_LAZY | RTLD_LOCAL);

  /* Only a broken installation gets here: the package depends on libxml2. */
  if (library == NULL)
    {
      /* Translators: the system's reason, e.g. "libxml2.so.2: cannot open shared object file". */
      g_printerr (_("shangce: cannot read XML: %s\n"), dlerror ());
      exit (1);
    }
#define SC_XML_LAZY_RESOLVE(ret, name, params, args) \
  *(void **) &real.name = resolve (library, #name);
  SC_XML_LAZY_FUNCTIONS (SC_XML_LAZY_RESOLVE)
  SC_XML_LAZY_VOID_FUNCTIONS (SC_XML_LAZY_RESOLVE)
  real.free = resolve (library, "xmlFree");
  return NULL;
}

static inline void
ensure_open (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, open_libxml, NULL);
}

#define SC_XML_LAZY_DEFINE(ret, name, params, args) \
  ret name params { ensure_open (); return real.name args; }
#define SC_XML_LAZY_DEFINE_VOID(ret, name, params, args) \
  ret name params { ensure_open (); real.name args; }

SC_XML_LAZY_FUNCTIONS (SC_XML_LAZY_DEFINE)
SC_XML_LAZY_VOID_FUNCTIONS (SC_XML_LAZY_DEFINE_VOID)

/* libxml2's xmlFree is a variable (a function pointer) the core calls
 * through; it only ever frees what libxml2 allocated, so libxml2 is open. */
static void
free_with_libxml (void *mem)
{
  ensure_open ();
  (*real.free) (mem);
}

xmlFreeFunc xmlFree = free_with_libxml;
